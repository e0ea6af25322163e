#include "render/render.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "fo/fo.h"
#include "layout/layout.h"
#include "layout/text.h"
#include "render/paint_worker.h"
#include "util/arena.h"
#include "util/i18n.h"

/* Forward references usually settle in two passes; a third covers a citation whose new
 * width moved a page break. Past that the document is painted as it stands. */
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
    painter *painter; /* NULL while a pass only lays out */
    int errors_before; /* the reporter's error count when this document was opened */
} render_run;

static void drop_painter(render_run *r)
{
    if (r->painter) {
        paint_close(r->painter, false);
        r->painter = NULL;
    }
}

/* Paints a sequence in this thread (when no painting thread could be started), then
 * frees it. */
static bool paint_here(render_run *r, lay_pages pages, arena *a)
{
    bool ok = true;
    for (size_t i = 0; ok && i < pages.npages; i++)
        ok = paint_page(r->painter, &pages.pages[i]);
    arena_destroy(a);
    return ok;
}

/* One pass over every page-sequence. Each sequence lives in its own arena, painted (when
 * painting) and freed before the next is read: memory follows the largest sequence (two or
 * three of them at once while the painting thread catches up). */
static bool run_pass(render_run *r, bool first_pass)
{
    paint_worker *w = r->painter ? paint_worker_start(r->painter) : NULL;
    bool ok = true;
    for (;;) {
        arena *a = arena_new();
        fo_node *seq = fo_doc_next_page_sequence(r->doc, a);
        if (!seq) {
            arena_destroy(a);
            break;
        }
        lay_pages pages = lay_sequence(r->lay, seq, a);
        /* A forward reference on the first pass means its numbers are placeholders:
         * stop painting, the next pass will paint with the real ones. */
        if (first_pass && r->painter && lay_ctx_has_forward_refs(r->lay)) {
            if (w)
                paint_worker_finish(w);
            w = NULL;
            drop_painter(r);
        }
        if (!r->painter)
            arena_destroy(a);
        else if (!(w ? paint_worker_push(w, pages, a) : paint_here(r, pages, a)))
            ok = false;
        if (!ok || diag_error_count(r->d) > r->errors_before)
            break;
    }
    if (w && !paint_worker_finish(w))
        ok = false;
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

/* Errors are counted from `errors_before`: the reporter may have seen other documents' (a
 * batch, build --watch). */
static bool render_doc(render_engine *e, fo_doc *doc, const char *out_path,
                       const render_options *o, diag *d, int errors_before)
{
    render_run r = {
        .errors_before = errors_before,
        .doc = doc,
        .lay = lay_ctx_new(doc, e->tx, d),
        .out_path = out_path,
        .popts = paint_options_for(doc, o),
        .d = d,
    };
    if (o->inputs)
        lay_ctx_record_inputs(r.lay, o->inputs);
    if (o->max_pages > 0)
        lay_ctx_set_max_pages(r.lay, o->max_pages);
    bool ok = false;
    for (int pass = 1; pass <= MAX_PASSES; pass++) {
        if (pass > 1 && !fo_doc_rewind(doc))
            break;
        r.painter = paint_open(out_path, &r.popts, d);
        if (!r.painter)
            break;
        if (!run_pass(&r, pass == 1))
            break;
        bool again = lay_ctx_pass_done(r.lay);
        if (r.painter && (!again || pass == MAX_PASSES)) {
            if (again)
                diag_warning(d, fo_doc_path(doc), 0,
                             _("page numbers did not settle after %d layout passes"), pass);
            ok = finish(&r);
            break;
        }
        drop_painter(&r);
    }
    drop_painter(&r);
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
