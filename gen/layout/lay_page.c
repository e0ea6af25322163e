/* A page-sequence into pages: the flow's galley is paginated, then each page gets its
 * masters' geometry, region backgrounds, static content (laid out per page, so page
 * numbers and retrieved markers are those of the page), the body's items with their
 * decorations, repeated table headers and footers, footnotes and named destinations.
 *
 * Masters: pagination asks each page's body height of the master the page-sequence-master
 * would pick for a non-blank, non-last page; the final choice, made after pagination,
 * knows which pages are blank and which is last. A "last" master whose body differs from
 * the others is applied without laying the last page out again (an approximation).
 * Pages of different body widths get their content laid out at their width from the
 * flow's top-level block that starts them (lay_seq_paginate_flow, lay_seq_flow.c). A page's
 * boxes are put together in lay_page_assemble.c, its markers found in lay_marker.c.
 *
 * A sequence is laid out and paginated first (lay_seq_new), its pages made later
 * (lay_seq_pages), once the numbers it cites are known: forward citations are patches on
 * the blocks that hold them, not a second layout of the document. doc/page-window.md tells
 * the design, and what is left to bound memory within a sequence.
 */
#include <stdlib.h>
#include <string.h>

#include "layout/lay_columns.h"
#include "layout/lay_seq.h"
#include "util/grow.h"
#include "util/i18n.h"

static const fo_node *pick_spm(picker *pk, lay_master_state *st, size_t index, int number,
                               bool last, bool blank)
{
    if (!pk->master)
        return NULL;
    if (pk->master->kind == FO_SIMPLE_PAGE_MASTER)
        return pk->master;
    const char *name = lay_master_pick(pk->master, st, index == 0, last, number % 2 != 0, blank);
    const fo_node *spm = name ? fo_doc_master(pk->ctx->doc, name) : NULL;
    if (spm && spm->kind != FO_SIMPLE_PAGE_MASTER)
        spm = NULL;
    if (!spm)
        spm = pk->last_spm; /* exhausted: go on with the last master rather than stop */
    pk->last_spm = spm;
    return spm;
}

static void geometry_of(const fo_node *spm, lay_geometry *g)
{
    if (spm) {
        lay_master_geometry(spm, g);
        return;
    }
    memset(g, 0, sizeof *g);
    g->width = 595.276;
    g->height = 841.89;
    g->body_x = g->body_y = 72;
    g->body_w = g->width - 144;
    g->body_h = g->height - 144;
    g->body_name = "xsl-region-body";
}

static double avail(void *ud, size_t index)
{
    avail_ud *u = ud;
    picker *pk = u->pk;
    index += u->page0;
    while (pk->ngeo <= index) {
        GROW_ARENA_ZEROED(pk->a, pk->geo, pk->ngeo, pk->cap, 1, 16);
        const fo_node *spm = pick_spm(pk, &pk->st, pk->ngeo, u->first_number + (int)pk->ngeo,
                                      false, false);
        geometry_of(spm, &pk->geo[pk->ngeo]);
        pk->ngeo++;
    }
    return pk->geo[index].body_h;
}

double lay_seq_avail(void *ud, size_t index)
{
    return avail(ud, index);
}

void lay_seq_geometry(picker *pk, lay_master_state *st, size_t index, int number, bool last,
                      bool blank, lay_geometry *g)
{
    geometry_of(pick_spm(pk, st, index, number, last, blank), g);
}

static int cmp_idrec(const void *x, const void *y)
{
    const lay_idrec *a = x, *b = y;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* The page showing item `item`: the last non-blank page starting at or before it. */
size_t lay_seq_page_of(const lay_pbreak *pb, size_t np, size_t item)
{
    size_t lo = 0, hi = np;
    while (lo + 1 < hi) {
        size_t mid = (lo + hi) / 2;
        if (pb[mid].start <= item)
            lo = mid;
        else
            hi = mid;
    }
    while (lo > 0 && pb[lo].blank)
        lo--;
    return lo;
}

static int force_extra(fo_kw force, int first_number, size_t np)
{
    int last = first_number + (int)np - 1;
    switch (force) {
    case FO_KW_even: return np % 2 != 0;
    case FO_KW_odd: return np % 2 == 0;
    case FO_KW_end_on_even: return last % 2 != 0;
    case FO_KW_end_on_odd: return last % 2 == 0;
    default: return 0;
    }
}

static const fo_node *flow_of(const fo_node *ps)
{
    for (const fo_node *c = ps->first_child; c; c = c->next_sibling)
        if (c->kind == FO_FLOW)
            return c;
    return NULL;
}

/* Simplification: XSL puts the blank page that force-page-count="auto" adds at the end
 * of the previous sequence; layout streams sequences and can't look ahead, so that page
 * is laid out at the start of the next one, with its masters (blank-or-not-blank="blank")
 * and the previous sequence's numbering (its ids are extended over it). */
int lay_start_number(int next_number, bool after_pages, bool prev_force_auto, int ipn,
                     bool ipn_given, bool *lead_blank)
{
    int number = next_number;
    fo_kw kw = fo_int_kw(ipn);
    if (ipn_given && ipn > 0)
        number = ipn;
    else if (kw == FO_KW_auto_odd && number % 2 == 0)
        number++;
    else if (kw == FO_KW_auto_even && number % 2 != 0)
        number++;
    *lead_blank = after_pages && prev_force_auto && number % 2 != next_number % 2;
    return number;
}

/* ---- a page-sequence, step by step ----------------------------------------------------- */

/* Numbering: where the sequence starts, and whether the previous one left a blank page. */
static void seq_number(seq_layout *s)
{
    lay_ctx *ctx = s->ctx;
    const fo_props *p = s->ps->props;
    bool lead_blank;
    s->first_number = lay_start_number(ctx->next_number, ctx->pages > 0, ctx->prev_force_auto,
                                       p->initial_page_number,
                                       fo_is_specified(s->ps, FO_PROP_initial_page_number),
                                       &lead_blank);
    s->lead = lead_blank ? 1 : 0;
    s->blank_number = ctx->next_number;
    ctx->next_number = s->first_number;
}

/* The masters: a missing one is an error, and layout goes on with A4 pages. */
static void seq_masters(seq_layout *s)
{
    const fo_props *p = s->ps->props;
    s->pk = (picker){.ctx = s->ctx, .a = s->a};
    s->pk.master = p->master_reference ? fo_doc_master(s->ctx->doc, p->master_reference) : NULL;
    if (!s->pk.master)
        diag_error(s->ctx->d, s->ctx->file, s->ps->line,
                   _("page-sequence: no master named '%s'"),
                   p->master_reference ? p->master_reference : "");
    s->ud = (avail_ud){.pk = &s->pk, .first_number = s->first_number,
                       .columns = lay_masters_have_columns(s->ctx->doc, s->pk.master)};
    avail(&s->ud, 0);
}

/* Pagination: the flow's galley, at the first page's body width, then each page's. */
static void seq_paginate(seq_layout *s)
{
    const lay_geometry *geo0 = &s->pk.geo[0];
    lay_galley_init(&s->g, s->a);
    double col_w = lay_geometry_column_width(geo0);
    s->b = (lay_build){.ctx = s->ctx, .a = s->a, .g = &s->g, .ref_w = col_w,
                       .body_w = geo0->body_w, .page_h = geo0->body_h};
    lay_build *b = &s->b;
    b->float_sep_h = lay_float_separator_h(b, s->ps);
    b->before_in_place = s->ud.columns; /* the column breaker places no before-float */
    s->flow = flow_of(s->ps);
    b->sn = lay_snode_new(b, s->ps, "Part"); /* FOP's page-sequence and flow */
    if (s->flow)
        b->sn = lay_snode_new(b, s->flow, "Sect");
    /* a window that pulls the flow's children makes pages before pulling each */
    bool pulls = s->win && lay_window_pulls(s->win);
    s->rs = (restarts){.b = b, .seq = s->win && !pulls ? s : NULL, .full_w = geo0->body_w,
                       .col_w = col_w};
    s->cite_begin = lay_ctx_cite_mark(s->ctx);
    if (s->flow && pulls)
        lay_flow_children_pulled(b, s->flow, lay_window_pull, s, lay_seq_on_child, &s->rs);
    else if (s->flow)
        lay_flow_children(b, s->flow, NULL, lay_seq_on_child, &s->rs);
    s->rs.seq = NULL; /* the window's last pages are made with the rest */
    s->np = lay_seq_paginate_flow(b, s->flow, &s->rs, &s->ud, s->first_number + (int)s->page0,
                                  &s->pb);
    s->cite_end = lay_ctx_cite_mark(s->ctx);
}

/* Blank pages: one at the end for force-page-count, one first for the previous sequence's
 * force-page-count="auto". */
void lay_seq_add_blanks(seq_layout *s)
{
    if (force_extra(s->ps->props->force_page_count, s->first_number, s->page0 + s->np)) {
        s->pb = arena_grow(s->a, s->pb, sizeof *s->pb, s->np, s->np + 1);
        s->pb[s->np++] = (lay_pbreak){.start = s->g.n, .end = s->g.n, .blank = true};
    }
    if (s->lead && !s->made) {
        lay_pbreak *v = ARENA_NEW_ARRAY(s->a, lay_pbreak, s->np + 1);
        v[0] = (lay_pbreak){.blank = true};
        memcpy(v + 1, s->pb, s->np * sizeof *s->pb);
        s->pb = v;
        s->np++;
    }
}

/* The blank pages added; false (an error reported) past the page limit. */
static bool seq_blank_pages(seq_layout *s)
{
    lay_ctx *ctx = s->ctx;
    lay_seq_add_blanks(s);
    if (s->made + s->np > (size_t)(ctx->max_pages - ctx->pages)) {
        diag_error(ctx->d, ctx->file, s->ps->line,
                   _("the document needs more than %d pages (the limit set by --max-pages)"),
                   ctx->max_pages);
        return false;
    }
    return true;
}

/* Every page's number and label; the sequence's title on its first page. */
void lay_seq_label_page(const seq_layout *s, size_t i, lay_page *pg, arena *pa)
{
    char buf[64];
    int number = i < s->lead ? s->blank_number : s->first_number + (int)(i - s->lead);
    lay_format_number(number, s->ps->props->format, buf, sizeof buf);
    pg->number = number;
    pg->label = arena_strdup(pa, buf);
    if (i == 0)
        for (const fo_node *c = s->ps->first_child; c; c = c->next_sibling)
            if (c->kind == FO_TITLE)
                pg->title = lay_node_text(pa, c);
}

void lay_seq_label_pages(seq_layout *s, arena *pa)
{
    s->pages = ARENA_NEW_ARRAY(pa, lay_page, s->np);
    for (size_t i = 0; i < s->np; i++)
        lay_seq_label_page(s, s->made + i, &s->pages[i], pa);
}

/* Ids on the page-sequence or its flow span all its pages; the blank page laid out here
 * for the previous sequence belongs to that one. */
void lay_seq_close_previous(seq_layout *s)
{
    lay_ctx *ctx = s->ctx;
    if (s->prev_closed)
        return;
    s->prev_closed = true;
    lay_page first;
    arena *tmp = arena_new();
    lay_seq_label_page(s, 0, &first, tmp);
    for (int k = 0; k < 2 && s->lead; k++)
        if (ctx->prev_seq_ids[k])
            lay_ctx_id_place(ctx, ctx->prev_seq_ids[k], 0, "", first.number, first.label);
    arena_destroy(tmp);
    lay_ctx_flows_done(ctx); /* the previous sequence's last page is known now */
}

static void seq_place_seq_ids(seq_layout *s, arena *tmp)
{
    lay_ctx *ctx = s->ctx;
    const fo_props *p = s->ps->props;
    lay_seq_close_previous(s);
    lay_page first, last;
    lay_seq_label_page(s, s->lead, &first, tmp);
    lay_seq_label_page(s, s->made + s->np - 1, &last, tmp);
    const char *seq_ids[2] = {p->id, s->flow ? s->flow->props->id : NULL};
    for (int k = 0; k < 2; k++) {
        ctx->prev_seq_ids[k] = NULL;
        if (seq_ids[k] && *seq_ids[k]) {
            lay_ctx_id_place(ctx, seq_ids[k], first.number, first.label, last.number,
                             last.label);
            ctx->prev_seq_ids[k] = arena_strdup(ctx->a, seq_ids[k]);
            if (p->force_page_count == FO_KW_auto)
                lay_ctx_id_provisional(ctx, seq_ids[k]);
        }
    }
}

/* The flow's ids, on the pages their items landed on (again: they replace the places a
 * layout before this one gave them). The galley's ids end up sorted by their first item. */
void lay_seq_place_flow_ids(seq_layout *s, bool again)
{
    lay_galley *g = &s->g;
    lay_page *pages = s->pages;
    if (g->nids > 1)
        qsort(g->ids, g->nids, sizeof *g->ids, cmp_idrec);
    for (size_t i = 0; i < g->nids; i++) {
        size_t f = g->ids[i].first < g->n ? g->ids[i].first : (g->n ? g->n - 1 : 0);
        size_t l = g->ids[i].last < g->n ? g->ids[i].last : (g->n ? g->n - 1 : 0);
        size_t pf = lay_seq_page_of(s->pb, s->np, f), pl = lay_seq_page_of(s->pb, s->np, l);
        if (again)
            lay_ctx_id_forget(s->ctx, g->ids[i].id);
        lay_ctx_id_place(s->ctx, g->ids[i].id, pages[pf].number, pages[pf].label,
                         pages[pl].number, pages[pl].label);
        lay_ctx_id_settled(s->ctx, g->ids[i].id); /* the window may have left it open */
    }
    lay_window_place_open_ids(s);
    lay_floats_place_ids(s->ctx, g, s->pb, s->np, pages, again);
}

/* The state lives in the sequence's arena: pages are made in batches, each in its own
 * arena (sa->as.a, set per batch). */
static void seq_assembly_init(seq_layout *s, seq_assembly *sa)
{
    *sa = (seq_assembly){.as = {.ctx = s->ctx, .ps = s->ps, .g = &s->g,
                                .format = s->ps->props->format}};
    sa->as.active = ARENA_NEW_ARRAY(s->a, size_t, s->g.ndecor + 1);
    if (s->made) { /* after the pages the window made: the galley's first decorations run */
        sa->st = s->st_made;
        for (size_t k = 0; k < s->nactive_made; k++)
            sa->as.active[k] = k;
        sa->as.nactive = sa->as.next_decor = s->nactive_made;
    }
    size_t maxitems = 1;
    for (size_t i = 0; i < s->np; i++)
        if (s->pb[i].end - s->pb[i].start > maxitems)
            maxitems = s->pb[i].end - s->pb[i].start;
    sa->ys = ARENA_NEW_ARRAY(s->a, double, maxitems);
    sa->xs = ARENA_NEW_ARRAY(s->a, double, maxitems);
}

/* Ids anchored past the last item (an empty block at the end) go on the last page. */
static void seq_trailing_dests(seq_layout *s, seq_assembly *sa, lay_page *pg)
{
    const lay_galley *g = &s->g;
    for (; sa->idk < g->nids; sa->idk++) {
        const lay_idrec *r = &g->ids[sa->idk];
        if (r->id[0] == '\x01')
            continue;
        lay_boxv out = {.v = pg->boxes, .n = pg->nboxes, .cap = pg->nboxes};
        lay_box *d = lay_boxv_push(&out, sa->as.a, LAY_DEST);
        d->x = r->x;
        d->y = 0;
        d->u.link.dest = r->id;
        pg->boxes = out.v;
        pg->nboxes = out.n;
    }
}

/* The context's numbering goes on after this sequence. */
static void seq_done(seq_layout *s)
{
    lay_ctx *ctx = s->ctx;
    ctx->pages += (int)(s->made + s->np);
    ctx->next_number = s->first_number + (int)(s->made + s->np - s->lead);
    ctx->prev_force_auto = s->ps->props->force_page_count == FO_KW_auto;
}

/* ---- the face ----------------------------------------------------------------------------- */

/* Where the flow's children come from: linked already, or pulled (flow: the head's). */
typedef struct {
    lay_flow_pull pull; /* NULL: linked */
    void *ud;
    fo_node *flow;
    arena *recipes; /* the window's pages that wait get recipes there, or NULL */
} flow_source;

/* Every child left pulled into `a` and linked to the flow, as lay_seq_new takes them. */
void lay_seq_pull_rest(fo_node *flow, lay_flow_pull pull, void *ud, arena *a)
{
    for (fo_node *c; (c = pull(ud, a));)
        if (flow)
            fo_node_append(flow, c);
}

static lay_seq *seq_new(lay_ctx *ctx, const fo_node *ps, arena *a, lay_page_sink sink,
                        void *ud, flow_source src)
{
    seq_layout *s = ARENA_NEW(a, seq_layout);
    *s = (seq_layout){.ctx = ctx, .a = a, .ps = ps};
    seq_number(s);
    seq_masters(s);
    if (sink)
        s->win = lay_window_new(s, sink, ud);
    if (src.pull && s->win && src.flow)
        lay_window_pull_from(s->win, src.flow, src.pull, src.ud, src.recipes);
    else if (src.pull)
        lay_seq_pull_rest(src.flow, src.pull, src.ud, a);
    seq_paginate(s);
    if (!seq_blank_pages(s)) {
        size_t n;
        arena **left = lay_seq_take_arenas(s, &n);
        for (size_t i = 0; i < n; i++)
            arena_destroy(left[i]);
        free(left);
        return NULL;
    }
    /* ids are placed with labels formatted here; the pages are made at assembly */
    arena *tmp = arena_new();
    lay_seq_label_pages(s, tmp);
    seq_place_seq_ids(s, tmp);
    lay_seq_place_flow_ids(s, false);
    arena_destroy(tmp);
    s->pages = NULL;
    seq_done(s);
    return s;
}

lay_seq *lay_seq_new(lay_ctx *ctx, const fo_node *ps, arena *a)
{
    return seq_new(ctx, ps, a, NULL, NULL, (flow_source){0});
}

lay_seq *lay_seq_new_pulled(lay_ctx *ctx, fo_node *head, arena *a, lay_flow_pull pull,
                            void *pull_ud, lay_page_sink sink, void *ud, arena *recipes)
{
    fo_node *flow = NULL;
    for (fo_node *c = head->first_child; c; c = c->next_sibling)
        if (c->kind == FO_FLOW)
            flow = c;
    return seq_new(ctx, head, a, sink, ud, (flow_source){pull, pull_ud, flow, recipes});
}

size_t lay_seq_page_count(const lay_seq *s)
{
    return s->made + s->np;
}

bool lay_seq_waits(const lay_seq *s)
{
    return lay_ctx_cites_waiting(s->ctx, s->cite_begin, s->cite_end) ||
           (s->assembled && lay_ctx_cites_waiting(s->ctx, s->pcite0, s->pcite1));
}

lay_pages lay_seq_pages(lay_seq *s, arena *pa, size_t max, bool *provisional)
{
    bool first = s->next_page == 0;
    if (first) {
        lay_seq_settle(s);
        if (s->assembled)
            lay_ctx_cites_supersede(s->ctx, s->pcite0, s->pcite1);
        s->pcite0 = lay_ctx_cite_mark(s->ctx);
        seq_assembly_init(s, &s->sa);
        s->assembled = true;
    }
    size_t from = s->next_page;
    size_t to = max && s->np - from > max ? from + max : s->np;
    lay_page *pages = ARENA_NEW_ARRAY(pa, lay_page, to - from);
    s->sa.as.a = pa;
    for (size_t i = from; i < to; i++) {
        lay_seq_label_page(s, s->made + i, &pages[i - from], pa);
        lay_seq_assemble_page(s, &s->sa, i, &pages[i - from], i + 1 == s->np);
    }
    if (to == s->np && to > from)
        seq_trailing_dests(s, &s->sa, &pages[to - from - 1]);
    s->next_page = to;
    s->pcite1 = lay_ctx_cite_mark(s->ctx);
    /* a caller that can wait makes them again from the first page once the numbers are
     * known; one that can't (the end of a pass) goes on: resetting would make the same
     * pages for ever (a citation of an id the document lacks never resolves) */
    bool waits = provisional && first && lay_ctx_cites_waiting(s->ctx, s->pcite0, s->pcite1);
    if (waits) {
        s->next_page = 0;
        s->settled = false; /* made again: the numbers may have changed by then */
    }
    if (provisional)
        *provisional = waits;
    return (lay_pages){pages, to - from};
}

void lay_seq_page_hook_set(lay_seq *s, lay_page_hook fn, void *ud)
{
    s->on_page = fn;
    s->on_page_ud = ud;
}

void lay_seq_item_hook_set(lay_seq *s, lay_item_hook fn, void *ud)
{
    s->on_item = fn;
    s->on_item_ud = ud;
}

void lay_seq_settle(lay_seq *s)
{
    if (!s->settled)
        lay_seq_settle_flow(s);
    s->settled = true;
}

/* The flow's block from restart point k, its citation records ending at the next one's
 * (`cite_end` for the last). */
static lay_flow_block flow_block_at(const seq_layout *s, size_t k, size_t cite_end)
{
    const restart_pt *r = &s->rs.v[k];
    size_t cite_to = k + 1 < s->rs.n ? s->rs.v[k + 1].cite : cite_end;
    size_t to = k + 1 < s->rs.n ? s->rs.v[k + 1].m.n : s->g.n;
    return (lay_flow_block){
        .child = r->child, .m = r->m, .ref_w = r->w, .body_w = r->full_w,
        .wide_at = r->wide_at ? r->wide_at - r->m.n : 0, .wide_dw = r->wide_dw,
        .snode_seq = r->snode_seq, .anon_seq = r->anon_seq, .cite_from = r->cite,
        .cite_to = cite_to, .item_from = r->m.n, .item_to = to, .b = &s->b};
}

bool lay_seq_waiting_blocks(lay_seq *s, arena *a, lay_flow_block **out, size_t *n)
{
    lay_ctx *ctx = s->ctx;
    *out = NULL;
    *n = 0;
    if (!s->flow)
        return true;
    size_t first = s->rs.n ? s->rs.v[0].cite : s->cite_end;
    if (lay_ctx_cites_waiting(ctx, s->cite_begin, first))
        return false; /* text straight in the flow: no restart point */
    size_t cap = 0;
    for (size_t k = 0; k < s->rs.n; k++) {
        lay_flow_block fb = flow_block_at(s, k, s->cite_end);
        if (fb.cite_from == fb.cite_to || !lay_ctx_cites_waiting(ctx, fb.cite_from, fb.cite_to))
            continue;
        if (lay_floats_side_any(&s->g))
            return false; /* its lines may be beside a float: laid out in place only */
        GROW_ARENA(a, *out, *n, cap, 1, 8);
        (*out)[(*n)++] = fb;
    }
    return true;
}

void lay_seq_forward_blocks(lay_seq *s, size_t end, arena *a, lay_flow_block **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0, mark = lay_ctx_cite_mark(s->ctx);
    for (size_t k = 0; k < s->rs.n && s->rs.v[k].m.n < end; k++) {
        lay_flow_block fb = flow_block_at(s, k, mark);
        if (!lay_ctx_cites_forward(s->ctx, fb.cite_from, fb.cite_to))
            continue;
        GROW_ARENA(a, *out, *n, cap, 1, 8);
        (*out)[(*n)++] = fb;
    }
}

void *lay_seq_page_hook_ud(const lay_seq *s)
{
    return s->on_page_ud;
}

lay_ctx *lay_seq_ctx(const lay_seq *s)
{
    return s->ctx;
}

size_t lay_seq_pages_made(const lay_seq *s)
{
    return s->next_page;
}

bool lay_seq_pages_done(const lay_seq *s)
{
    return s->assembled && s->next_page == s->np;
}

lay_pages lay_sequence(lay_ctx *ctx, const fo_node *ps, arena *a)
{
    lay_seq *s = lay_seq_new(ctx, ps, a);
    return s ? lay_seq_pages(s, a, 0, NULL) : (lay_pages){NULL, 0};
}
