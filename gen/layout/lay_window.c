/* The page window: a page-sequence's pages made while its flow is laid out.
 *
 * Before each block-level child of the flow, the galley is paginated from its front
 * (lay_paginate_resume): the pages whose end an item already laid out decided are final.
 * They are made (static content included), handed to the sink (the painter), and their
 * items leave the galley (lay_galley_drop_front). Layout data lives in chunk arenas, one
 * per few flow children; a chunk goes with the batch of pages that last points into it.
 * Memory then follows the pages still open, not the sequence.
 *
 * Pages showing a number not known yet (static content citing the last page, a block of
 * the flow citing a page to come) are made all the same, with recipes to finish them
 * (lay_remake.c), and the window goes on. It stops (the rest of the sequence is made as a
 * whole, by lay_seq_pages) at floats, and at such citations when it has no recipes arena.
 * Sequences whose pages differ in body width or have columns don't use it.
 */
#include <stdlib.h>
#include <string.h>

#include "layout/lay_columns.h"
#include "layout/lay_inline.h"
#include "layout/lay_seq.h"
#include "util/grow.h"

/* Layout data of flow children gathered in one arena until it holds this much. */
#define CHUNK_BYTES ((size_t)512 << 10)

typedef struct {
    arena *a;
    size_t end; /* items laid out in it end before this one (counted from the flow's start) */
} chunk;

/* An id whose first page was made and whose last item is still in the galley. */
typedef struct {
    const char *id; /* in the sequence's arena */
    size_t last;    /* counted from the flow's start */
} open_id;

struct lay_window {
    lay_page_sink sink;
    void *ud;
    bool stopped;
    size_t dropped;   /* items gone: the galley's item 0 is the flow's item `dropped` */
    arena *scratch;   /* a pagination step */
    chunk *chunks;    /* malloc'd; the last one is the one in use */
    size_t nchunks, capchunks;
    open_id *open;    /* in the sequence's arena */
    size_t nopen, capopen;
    size_t capactive; /* of s->sa.as.active */
    /* The flow's children, pulled one at a time (lay_window_pull), or NULL: linked already.
     * The flow lists the children from the first restart point's on. */
    lay_flow_pull pull;
    void *pull_ud;
    fo_node *flow;
    arena *recipes; /* of the pages whose static content waits, or NULL: the window stops */
};

/* ---- which sequences ------------------------------------------------------------------ */

static bool body_like(const fo_node *spm, const lay_geometry *g0)
{
    if (!spm || spm->kind != FO_SIMPLE_PAGE_MASTER)
        return true; /* a missing master: layout goes on with the last one */
    lay_geometry g;
    lay_master_geometry(spm, &g);
    return g.body_w - g0->body_w < 0.01 && g0->body_w - g.body_w < 0.01 &&
           g.body_turn == g0->body_turn;
}

/* Whether every master `master` may pick has the body width of the first page's. */
static bool one_width(const fo_doc *doc, const fo_node *master, const lay_geometry *g0)
{
    if (master->kind == FO_SIMPLE_PAGE_MASTER)
        return true;
    for (const fo_node *c = master->first_child; c; c = c->next_sibling) {
        const char *name = c->props->master_reference;
        if (name && !body_like(fo_doc_master(doc, name), g0))
            return false;
        for (const fo_node *alt = c->first_child; alt; alt = alt->next_sibling) {
            name = alt->props->master_reference;
            if (name && !body_like(fo_doc_master(doc, name), g0))
                return false;
        }
    }
    return true;
}

static bool blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* Whether the flow holds inline content of its own between its blocks: its style is made
 * once, in the arena of the moment, and kept for the text to come (lay_flow_children),
 * so no chunk may go before the flow's end. */
static bool flow_has_inline(const fo_node *ps)
{
    for (const fo_node *f = ps->first_child; f; f = f->next_sibling) {
        if (f->kind != FO_FLOW)
            continue;
        for (const fo_node *c = f->first_child; c; c = c->next_sibling)
            if (!lay_is_block_level(c) && c->kind != FO_MARKER &&
                !(c->kind == FO_TEXT && blank(c->text, c->text_len)))
                return true;
    }
    return false;
}

lay_window *lay_window_new(seq_layout *s, lay_page_sink sink, void *ud)
{
    if (!s->pk.master || s->ud.columns || !s->pk.ngeo ||
        !one_width(s->ctx->doc, s->pk.master, &s->pk.geo[0]) || flow_has_inline(s->ps))
        return NULL;
    lay_window *w = ARENA_NEW(s->a, lay_window);
    *w = (lay_window){.sink = sink, .ud = ud};
    return w;
}

/* ---- chunks -------------------------------------------------------------------------- */

/* The arena the next child is laid out in: a new one when the current one is full. */
static void chunk_next(seq_layout *s, lay_window *w)
{
    size_t now = w->dropped + s->g.n;
    if (w->nchunks) {
        chunk *c = &w->chunks[w->nchunks - 1];
        c->end = now;
        if (arena_footprint(c->a) < CHUNK_BYTES)
            return;
    }
    GROW_HEAP(w->chunks, w->nchunks, w->capchunks, 1, 8);
    w->chunks[w->nchunks++] = (chunk){arena_new(), now};
    s->b.a = w->chunks[w->nchunks - 1].a;
}

/* The chunks only items before `end` (from the flow's start) use, moved out (malloc'd).
 * One ending at `end` stays: an empty flow child at its end (a restart point at `end`, a
 * marker of an empty block) is still in the galley. */
static arena **chunks_done(lay_window *w, size_t end, size_t *n)
{
    size_t k = 0;
    while (k + 1 < w->nchunks && w->chunks[k].end < end) /* never the one in use */
        k++;
    *n = k;
    if (!k)
        return NULL;
    arena **v = malloc(k * sizeof *v);
    if (!v)
        abort();
    for (size_t i = 0; i < k; i++)
        v[i] = w->chunks[i].a;
    memmove(w->chunks, w->chunks + k, (w->nchunks - k) * sizeof *w->chunks);
    w->nchunks -= k;
    return v;
}

size_t lay_seq_items_dropped(const lay_seq *s)
{
    return s->win ? s->win->dropped : 0;
}

arena **lay_seq_take_arenas(lay_seq *s, size_t *n)
{
    lay_window *w = s->win;
    *n = 0;
    if (!w || !w->nchunks)
        return NULL;
    arena **v = malloc(w->nchunks * sizeof *v);
    if (!v)
        abort();
    for (size_t i = 0; i < w->nchunks; i++)
        v[i] = w->chunks[i].a;
    *n = w->nchunks;
    free(w->chunks);
    w->chunks = NULL;
    w->nchunks = w->capchunks = 0;
    arena_destroy(w->scratch);
    w->scratch = NULL;
    return v;
}

/* ---- ids ----------------------------------------------------------------------------- */

static int cmp_first(const void *x, const void *y)
{
    const lay_idrec *a = x, *b = y;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* Moves the ids of items before k to the galley's id list front, sorted by first item (the
 * order destinations are made in); returns their count. */
static size_t ids_front(lay_galley *g, size_t k, arena *tmp)
{
    lay_idrec *rest = ARENA_NEW_ARRAY(tmp, lay_idrec, g->nids + 1);
    size_t nf = 0, nr = 0;
    for (size_t i = 0; i < g->nids; i++) {
        if (g->ids[i].first < k)
            g->ids[nf++] = g->ids[i];
        else
            rest[nr++] = g->ids[i];
    }
    if (nr)
        memcpy(g->ids + nf, rest, nr * sizeof *rest);
    if (nf > 1)
        qsort(g->ids, nf, sizeof *g->ids, cmp_first);
    return nf;
}

/* Places the ids of the pages made (pages[0, np), breaks pb, items before k): those that
 * end there are final; those that go on keep their first page, their last one
 * provisional until the window or the sequence's end reaches it. */
static void ids_place(seq_layout *s, lay_window *w, const lay_pbreak *pb, const lay_page *pages,
                      size_t np, size_t nfront, size_t k)
{
    lay_ctx *ctx = s->ctx;
    const lay_galley *g = &s->g;
    for (size_t i = 0; i < nfront; i++) {
        const lay_idrec *r = &g->ids[i];
        size_t pf = lay_seq_page_of(pb, np, r->first);
        if (r->last < k) {
            size_t pl = lay_seq_page_of(pb, np, r->last);
            lay_ctx_id_place(ctx, r->id, pages[pf].number, pages[pf].label, pages[pl].number,
                             pages[pl].label);
            continue;
        }
        lay_ctx_id_place(ctx, r->id, pages[pf].number, pages[pf].label, pages[pf].number,
                         pages[pf].label);
        lay_ctx_id_provisional(ctx, r->id);
        GROW_ARENA(s->a, w->open, w->nopen, w->capopen, 1, 8);
        w->open[w->nopen++] = (open_id){arena_strdup(s->a, r->id), w->dropped + r->last};
    }
}

/* The open ids whose last item comes before `end` (from the flow's start), on pages[0, np)
 * of breaks pb: placed and closed. */
static void ids_close(seq_layout *s, lay_window *w, const lay_pbreak *pb, const lay_page *pages,
                      size_t np, size_t end)
{
    size_t n = 0;
    for (size_t i = 0; i < w->nopen; i++) {
        const open_id *o = &w->open[i];
        if (o->last < end) {
            size_t pl = lay_seq_page_of(pb, np, o->last - w->dropped);
            /* known since this pass placed its first page: only its last page changes */
            lay_ctx_id_place(s->ctx, o->id, 0, "", pages[pl].number, pages[pl].label);
            lay_ctx_id_settled(s->ctx, o->id);
            continue;
        }
        w->open[n++] = *o;
    }
    w->nopen = n;
}

void lay_window_place_open_ids(seq_layout *s)
{
    lay_window *w = s->win;
    if (!w || !s->pages)
        return;
    const lay_galley *g = &s->g;
    for (size_t i = 0; i < w->nopen; i++) {
        size_t l = w->open[i].last - w->dropped;
        l = l < g->n ? l : (g->n ? g->n - 1 : 0);
        size_t pl = lay_seq_page_of(s->pb, s->np, l);
        lay_ctx_id_place(s->ctx, w->open[i].id, 0, "", s->pages[pl].number, s->pages[pl].label);
        lay_ctx_id_settled(s->ctx, w->open[i].id);
    }
}

/* ---- a step ---------------------------------------------------------------------------- */

/* The assembly state before a batch, to go back to when the batch is dropped. */
typedef struct {
    seq_assembly sa;
    size_t *active;
} assembly_saved;

static void assembly_save(seq_layout *s, arena *tmp, assembly_saved *sv)
{
    sv->sa = s->sa;
    sv->active = ARENA_NEW_ARRAY(tmp, size_t, s->sa.as.nactive + 1);
    if (s->sa.as.nactive)
        memcpy(sv->active, s->sa.as.active, s->sa.as.nactive * sizeof *sv->active);
}

static void assembly_restore(seq_layout *s, const assembly_saved *sv)
{
    size_t *active = s->sa.as.active;
    s->sa = sv->sa;
    s->sa.as.active = active;
    if (sv->sa.as.nactive)
        memcpy(active, sv->active, sv->sa.as.nactive * sizeof *active);
}

/* Room for every decoration of the galley to run at once, and item positions for `maxitems`
 * items (in the batch's arena pa). */
static void assembly_ready(seq_layout *s, lay_window *w, arena *pa, size_t maxitems)
{
    seq_assembly *sa = &s->sa;
    if (!sa->as.active) {
        sa->as = (assembler){.ctx = s->ctx, .ps = s->ps, .g = &s->g,
                             .format = s->ps->props->format};
    }
    if (w->capactive < s->g.ndecor + 1) {
        size_t cap = 2 * (s->g.ndecor + 1);
        sa->as.active = arena_grow(s->a, sa->as.active, sizeof *sa->as.active, sa->as.nactive,
                                   cap);
        w->capactive = cap;
    }
    sa->as.a = pa;
    sa->ys = ARENA_NEW_ARRAY(pa, double, maxitems + 1);
    sa->xs = ARENA_NEW_ARRAY(pa, double, maxitems + 1);
    sa->idk = 0;
}

/* Whether the window can make pages now. */
static bool window_open(seq_layout *s, lay_window *w)
{
    if (w->stopped)
        return false;
    /* a citation without a value of this pass: its block is patched into its pages later
     * (citing_blocks), unless there are no recipes or the body is turned (where its items'
     * boxes go is not told) */
    bool patchable = w->recipes && !s->pk.geo[0].body_turn;
    if (s->g.floats ||
        (!patchable && lay_ctx_cites_forward(s->ctx, s->cite_begin, lay_ctx_cite_mark(s->ctx)))) {
        w->stopped = true; /* the rest of the sequence is made as a whole */
        return false;
    }
    return s->ctx->ncbars == 0; /* a change bar open: its decoration's end is to come */
}

/* The markers of marks that ended on pages made, which later pages may still retrieve
 * (first-including-carryover, the last one before a page), copied into the sequence's
 * arena: the chunk of the flow child holding them goes with those pages. */
static void keep_marks(seq_layout *s)
{
    lay_galley *g = &s->g;
    for (size_t i = 0; i < g->nmarks; i++) {
        lay_markrec *m = &g->marks[i];
        if (!m->ended_before || m->kept)
            continue;
        fo_node *copy = fo_node_copy(m->marker, NULL, s->a);
        m->marker = copy;
        m->cls = copy->props->marker_class_name;
        m->kept = true;
    }
}

/* The flow lists its children from the first restart point's on: those before it are
 * in chunks that go. */
static void flow_relink(seq_layout *s, lay_window *w)
{
    if (s->rs.n) {
        w->flow->first_child = (fo_node *)s->rs.v[0].child;
    } else {
        w->flow->first_child = w->flow->last_child = NULL;
    }
}

/* Drops the items [0, k) of the pages made, with the restart points before k; the
 * decorations running across k become the galley's first ones. */
static void drop_made(seq_layout *s, lay_window *w, size_t k)
{
    lay_galley *g = &s->g;
    size_t running = 0;
    for (size_t i = 0; i < g->ndecor; i++)
        if (g->decor[i].first < k && g->decor[i].last >= k)
            running++;
    lay_galley_drop d = lay_galley_drop_front(g, k);
    restarts *rs = &s->rs;
    size_t r0 = 0;
    while (r0 < rs->n && rs->v[r0].m.n < k)
        r0++;
    if (r0) {
        memmove(rs->v, rs->v + r0, (rs->n - r0) * sizeof *rs->v);
        rs->n -= r0;
    }
    for (size_t i = 0; i < rs->n; i++)
        lay_galley_mark_rebase(&rs->v[i].m, &d);
    if (w->flow) {
        keep_marks(s);
        flow_relink(s, w);
    }
    /* the flow's citations from here on: those of blocks on the pages made were final, or
     * their blocks kept with the pages' recipes (citing_blocks) */
    s->cite_begin = rs->n ? rs->v[0].cite : lay_ctx_cite_mark(s->ctx);
    w->dropped += k;
    for (size_t i = 0; i < running; i++)
        s->sa.as.active[i] = i;
    s->sa.as.nactive = s->sa.as.next_decor = running;
    s->nactive_made = running;
    s->st_made = s->sa.st;
}

/* The pages about to be made (the galley's items before `end`) get recipes in `remakes`:
 * their static content when it cites a number still unknown, and the flow's blocks on them
 * whose citations had no value of this pass (a table of contents at the front), copied
 * with what laying them out again needs, since their chunks go with the pages. A block
 * without items shows nothing: its citations no longer count. */
static void citing_blocks(seq_layout *s, lay_window *w, size_t end, lay_remake **remakes)
{
    lay_flow_block *v;
    size_t n, kept = 0;
    lay_seq_forward_blocks(s, end, w->scratch, &v, &n);
    for (size_t k = 0; k < n; k++) {
        if (v[k].item_from == v[k].item_to)
            lay_ctx_cites_supersede(s->ctx, v[k].cite_from, v[k].cite_to);
        else
            v[kept++] = v[k];
    }
    lay_seq_remake_window(s, w->recipes, remakes, w->dropped, v, kept);
}

/* Makes the final pages of the galley, if any, and hands them over. */
static void window_step(seq_layout *s, lay_window *w)
{
    lay_ctx *ctx = s->ctx;
    lay_galley *g = &s->g;
    if (!w->scratch)
        w->scratch = arena_new();
    arena_reset(w->scratch);
    s->ud.page0 = s->page0;
    lay_pbreak *fpb;
    size_t k = lay_paginate_resume(g->pi, g->n, true, s->ud.header0, lay_seq_avail, &s->ud,
                                   s->first_number + (int)s->page0, &fpb, w->scratch);
    if (!k)
        return;
    size_t lead = s->made ? 0 : s->lead, np = lead + k, end = fpb[k - 1].end;
    if (s->made + np > (size_t)(ctx->max_pages - ctx->pages)) {
        w->stopped = true; /* the sequence's end reports it */
        return;
    }
    lay_seq_close_previous(s);
    lay_pbreak *pb = ARENA_NEW_ARRAY(w->scratch, lay_pbreak, np);
    if (lead)
        pb[0] = (lay_pbreak){.blank = true};
    memcpy(pb + lead, fpb, k * sizeof *fpb);
    size_t maxitems = 1;
    for (size_t i = 0; i < np; i++)
        if (pb[i].end - pb[i].start > maxitems)
            maxitems = pb[i].end - pb[i].start;

    arena *pa = arena_new();
    lay_page *pages = ARENA_NEW_ARRAY(pa, lay_page, np);
    for (size_t i = 0; i < np; i++)
        lay_seq_label_page(s, s->made + i, &pages[i], pa);
    size_t nfront = ids_front(g, end, w->scratch);
    ids_close(s, w, pb, pages, np, w->dropped + end);
    size_t open0 = w->nopen;
    ids_place(s, w, pb, pages, np, nfront, end);

    assembly_saved sv;
    assembly_ready(s, w, pa, maxitems);
    assembly_save(s, w->scratch, &sv);
    lay_pbreak *pb_rest = s->pb;
    size_t np_rest = s->np;
    s->pb = pb;
    s->np = np;
    lay_remake **remakes = NULL;
    if (w->recipes) {
        remakes = ARENA_NEW_ARRAY(w->scratch, lay_remake *, np);
        citing_blocks(s, w, end, remakes);
    }
    size_t c0 = lay_ctx_cite_mark(ctx);
    for (size_t i = 0; i < np; i++)
        lay_seq_assemble_page(s, &s->sa, i, &pages[i], false);
    size_t c1 = lay_ctx_cite_mark(ctx);
    s->pb = pb_rest;
    s->np = np_rest;
    bool waits = lay_ctx_cites_waiting(ctx, c0, c1);
    if (waits && remakes) {
        /* made with recipes (lay_remake_waits tells when they can be finished); their
         * citations fall among the flow's, which must not count them */
        lay_ctx_cites_supersede(ctx, c0, c1);
    } else if (waits) {
        /* static content cites a number to come: the sequence waits, made as a whole */
        lay_ctx_cites_supersede(ctx, c0, c1);
        assembly_restore(s, &sv);
        w->nopen = open0; /* its ids are placed again at the sequence's end */
        arena_destroy(pa);
        w->stopped = true;
        return;
    }
    s->made += np;
    s->page0 += k;
    s->ud.page0 = s->page0;
    s->ud.header0 = lay_pbreak_header_after(fpb, k, s->ud.header0);
    drop_made(s, w, end);
    size_t ndone;
    arena **done = chunks_done(w, w->dropped, &ndone);
    bool recipes = false;
    for (size_t i = 0; remakes && i < np; i++)
        recipes = recipes || remakes[i];
    w->sink(w->ud, (lay_pages){pages, np}, pa, recipes ? remakes : NULL, done, ndone);
}

void lay_window_at_child(seq_layout *s)
{
    lay_window *w = s->win;
    if (window_open(s, w))
        window_step(s, w);
    if (!w->stopped)
        chunk_next(s, w);
}

/* ---- the flow's children, pulled ------------------------------------------------------- */

void lay_window_pull_from(lay_window *w, fo_node *flow, lay_flow_pull pull, void *ud,
                          arena *recipes)
{
    w->recipes = recipes;
    w->pull = pull;
    w->pull_ud = ud;
    w->flow = flow;
}

bool lay_window_pulls(const lay_window *w)
{
    return w->flow != NULL;
}

const fo_node *lay_window_pull(void *ud)
{
    seq_layout *s = ud;
    lay_window *w = s->win;
    if (window_open(s, w))
        window_step(s, w);
    if (!w->stopped)
        chunk_next(s, w);
    /* once stopped, the rest of the sequence is laid out whole: its children stay */
    fo_node *c = w->pull(w->pull_ud, w->stopped ? s->a : s->b.a);
    if (!c)
        return NULL;
    fo_node_append(w->flow, c);
    /* text of the flow's own: its style is made once, in the arena of the moment, and kept
     * for the text to come (lay_flow_children), so no chunk may go before the flow's end */
    if (!lay_is_block_level(c) && c->kind != FO_MARKER &&
        !(c->kind == FO_TEXT && blank(c->text, c->text_len)))
        w->stopped = true;
    return c;
}
