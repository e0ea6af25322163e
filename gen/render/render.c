#include "render/render.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fo/fo.h"
#include "layout/layout.h"
#include "text/text.h"
#include "render/page_queue.h"
#include "render/paint_worker.h"
#include "util/arena.h"
#include "util/i18n.h"

/* Forward references settle in one pass: pages that cite a number not known yet wait in a
 * spool (page_queue.h), their static content laid out again, their flow's blocks that
 * cited it too. A second pass comes when a number's new width broke a line otherwise, a
 * third covers a page break it moved. Past that the document is painted as it stands.
 * A pass that knows another follows paints no further page and keeps its painter open:
 * the next hands over only the pages after those (page_ledger.h). */
enum { MAX_PASSES = 4 };

struct render_engine {
    tx_engine *tx;
};

render_engine *render_engine_new(diag *d)
{
    render_engine *e = calloc(1, sizeof *e);
    if (!e)
        abort();
    e->tx = tx_engine_new(d);
    return e;
}

void render_engine_destroy(render_engine *e)
{
    if (!e)
        return;
    tx_engine_destroy(e->tx);
    free(e);
}

const char *render_font_missing(render_engine *e, const char *families, const char **used)
{
    return tx_family_first_missing(e->tx, families, used);
}

void render_options_init(render_options *o)
{
    *o = (render_options){.format = PAINT_PDF, .dpi = 96, .creation_date = -1};
}

long long render_default_date(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (errno == 0 && *end == '\0' && v >= 0)
            return v;
    }
    return (long long)time(NULL);
}

/* Command-line metadata wins over the document's declarations. */
static paint_options paint_options_for(const fo_doc *doc, const render_options *o)
{
    const fo_metadata *m = fo_doc_metadata(doc);
    paint_options p = {
        .format = o->format,
        .dpi = o->dpi > 0 ? o->dpi : 96,
        .title = o->title ? o->title : m->title,
        .author = o->author ? o->author : m->author,
        .subject = o->subject ? o->subject : m->subject,
        .keywords = o->keywords ? o->keywords : m->keywords,
        .language = m->language,
        .creator = "Livrables " LIVRABLES_VERSION,
        .creation_date = o->creation_date >= 0 ? o->creation_date : render_default_date(),
    };
    return p;
}

typedef struct {
    fo_doc *doc;
    lay_ctx *lay;
    const char *out_path;
    paint_options popts;
    diag *d;
    painter *painter;
    tx_engine *fonts; /* lends the painting thread its fonts */
    page_ledger ledger; /* the pages the painter holds */
    bool keep_pages;  /* the painter stays open for the next pass (the ledger's pages) */
    int errors_before; /* the reporter's error count when this document was opened */
} render_run;

static void drop_painter(render_run *r)
{
    if (r->painter) {
        paint_close(r->painter, false);
        r->painter = NULL;
    }
}

/* Where a sequence's page window hands its final pages over while the sequence is laid
 * out: the page queue, which paints them in order (or spools them behind pages that
 * wait), then frees the chunk arenas they point into. */
typedef struct {
    page_queue *q;
    bool ok;
} window_sink;

static void sink_pages(void *ud, lay_pages pages, arena *pages_arena,
                       lay_remake *const *remakes, arena **done, size_t ndone)
{
    window_sink *k = ud;
    if (!page_queue_add_pages(k->q, pages, pages_arena, NULL, remakes, done, ndone))
        k->ok = false;
}

/* The flow's children as the page window asks for them, each into the arena it gives. */
static fo_node *pull_flow_child(void *ud, arena *a)
{
    return fo_doc_next_flow_child(ud, a);
}

/* The page window may be turned off (LIVRABLES_PAGE_WINDOW=0): sequences then are laid out
 * whole before their pages are made, as a reference to compare with. */
static bool page_window_wanted(void)
{
    const char *v = getenv("LIVRABLES_PAGE_WINDOW");
    return !v || strcmp(v, "0") != 0;
}

/* One pass over every page-sequence, painted as it goes. Each sequence lives in its own
 * arena, freed once its pages are made: memory follows the largest sequence (two or three
 * of them at once while the painting thread catches up), and the sequences whose flow
 * waits for a forward reference. Pages that can't be painted yet wait in a spool. */
static bool run_pass(render_run *r)
{
    paint_worker *w = paint_worker_start(r->painter, r->fonts);
    page_queue *q = page_queue_new(r->painter, w, r->d, fo_doc_path(r->doc),
                                   r->keep_pages ? &r->ledger : NULL, r->lay);
    bool ok = true;
    /* with the window, the flow's children are pulled as its pages are made, each into the
     * arena of its layout data, freed with them */
    bool window = page_window_wanted();
    for (;;) {
        arena *a = arena_new();
        window_sink sink = {q, true};
        fo_node *seq = window ? fo_doc_next_page_sequence_head(r->doc, a)
                              : fo_doc_next_page_sequence(r->doc, a);
        lay_seq *s = !seq      ? NULL
                     : window ? lay_seq_new_pulled(r->lay, seq, a, pull_flow_child, r->doc,
                                                   sink_pages, &sink, page_queue_recipes(q))
                              : lay_seq_new(r->lay, seq, a);
        if (!sink.ok)
            ok = false;
        if (!s) {
            arena_destroy(a);
            break;
        }
        /* the XML broke off within the flow (reported): pages handed over already point
         * into the sequence, which goes with them */
        page_queue_add_seq(q, s, a);
        if (fo_doc_failed(r->doc))
            ok = false;
        ok = ok && page_queue_run(q, false);
        if (!ok || diag_error_count(r->d) > r->errors_before)
            break;
    }
    lay_ctx_flows_done(r->lay);
    if (ok && diag_error_count(r->d) == r->errors_before)
        ok = page_queue_run(q, true);
    /* the painter may still read the last pages handed over */
    if (w && !paint_worker_finish(w))
        ok = false;
    page_queue_destroy(q);
    if (!ok)
        drop_painter(r);
    return ok && diag_error_count(r->d) == r->errors_before;
}

static bool finish(render_run *r)
{
    arena *a = arena_new();
    lay_outline *outline = lay_outline_build(r->lay, a);
    if (outline)
        paint_outline(r->painter, outline);
    bool ok = paint_close(r->painter, true);
    r->painter = NULL;
    arena_destroy(a);
    return ok;
}

/* LIVRABLES_TRACE_PASSES=1 tells how many layout passes a document took (tests tell a
 * forward citation patched in place from one that took the document through again). */
static bool passes_traced(void)
{
    const char *v = getenv("LIVRABLES_TRACE_PASSES");
    return v && strcmp(v, "1") == 0;
}

/* Errors are counted from `errors_before`: the reporter may have seen other documents' (a
 * batch, build --watch). */
static bool render_doc(render_engine *e, fo_doc *doc, const char *out_path,
                       const render_options *o, diag *d, int errors_before)
{
    render_run r = {
        .errors_before = errors_before,
        .doc = doc,
        .lay = lay_ctx_new(doc, e->tx, d),
        .fonts = e->tx,
        .out_path = out_path,
        .popts = paint_options_for(doc, o),
        .d = d,
    };
    if (o->inputs)
        lay_ctx_record_inputs(r.lay, o->inputs);
    if (o->max_pages > 0)
        lay_ctx_set_max_pages(r.lay, o->max_pages);
    lay_ctx_set_min_ppi(r.lay, o->min_ppi);
    bool ok = false;
    for (int pass = 1; pass <= MAX_PASSES; pass++) {
        if (pass > 1 && !fo_doc_rewind(doc))
            break;
        /* the last pass paints every page, whatever it finds: a fresh painter */
        if (pass == MAX_PASSES)
            drop_painter(&r);
        page_ledger_pass(&r.ledger, r.painter != NULL);
        r.keep_pages = pass < MAX_PASSES;
        if (!r.painter)
            r.painter = paint_open(out_path, &r.popts, d);
        if (!r.painter)
            break;
        if (!run_pass(&r))
            break;
        page_ledger_pass_end(&r.ledger);
        bool again = lay_ctx_pass_done(r.lay);
        if (r.keep_pages && r.ledger.differs) /* the painter holds a page of another pass */
            again = true;
        if (r.painter && (!again || pass == MAX_PASSES)) {
            if (passes_traced()) {
                /* pages an earlier pass painted that this one did not hand over again */
                size_t kept = r.keep_pages ? page_ledger_skipped(&r.ledger) : 0;
                diag_report(d, DIAG_NOTE, fo_doc_path(doc), 0, _("layout passes: %d"), pass);
                diag_report(d, DIAG_NOTE, fo_doc_path(doc), 0,
                            _("pages painted by an earlier pass and kept: %zu"), kept);
            }
            if (again)
                diag_warning(d, fo_doc_path(doc), 0,
                             _("page numbers did not settle after %d layout passes"), pass);
            ok = finish(&r);
            break;
        }
        /* only a pass that stopped painting where its pages went wrong leaves a painter the
         * next can go on with; another (numbers found wrong at its end) starts afresh */
        if (!r.keep_pages || !r.ledger.frozen || r.ledger.differs)
            drop_painter(&r);
    }
    drop_painter(&r);
    page_ledger_free(&r.ledger);
    lay_ctx_destroy(r.lay);
    return ok && diag_error_count(d) == errors_before;
}

bool render_file(render_engine *e, const char *fo_path, const char *out_path,
                 const render_options *o, diag *d)
{
    int errors_before = diag_error_count(d);
    fo_doc *doc = fo_doc_open_file(fo_path, d);
    if (!doc)
        return false;
    if (o->inputs)
        strlist_add(o->inputs, fo_path);
    bool ok = render_doc(e, doc, out_path, o, d, errors_before);
    fo_doc_destroy(doc);
    return ok;
}

bool render_memory(render_engine *e, const char *text, size_t len, const char *fo_name,
                   const char *out_path, const render_options *o, diag *d)
{
    int errors_before = diag_error_count(d);
    fo_doc *doc = fo_doc_open_memory(text, len, fo_name, d);
    if (!doc)
        return false;
    bool ok = render_doc(e, doc, out_path, o, d, errors_before);
    fo_doc_destroy(doc);
    return ok;
}
