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
 * flow's top-level block that starts them (lay_seq_paginate_flow).
 *
 * A sequence is laid out and paginated first (lay_seq_new), its pages made later
 * (lay_seq_pages), once the numbers it cites are known: forward citations are patches on
 * the blocks that hold them, not a second layout of the document. doc/page-window.md tells
 * the design, and what is left to bound memory within a sequence.
 */
#include <stdlib.h>
#include <string.h>

#include "layout/lay_columns.h"
#include "layout/lay_inline.h"
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

static lay_colframe colframe(void *ud, size_t index)
{
    avail_ud *u = ud;
    double h = avail(ud, index);
    const lay_geometry *g = &u->pk->geo[u->page0 + index];
    return (lay_colframe){h, g->columns, lay_geometry_column_width(g) + g->column_gap};
}

/* ---- the flow at each page's width ------------------------------------------------------ */

static bool spans_all(const fo_node *child)
{
    return child->props->span == FO_KW_all;
}

void lay_seq_on_child(void *ud, const fo_node *child)
{
    restarts *r = ud;
    lay_build *b = r->b;
    if (r->seq)
        lay_window_at_child(r->seq);
    /* in a multi-column body, a span="all" child is as wide as the body */
    b->ref_w = spans_all(child) ? r->full_w : r->col_w;
    b->wide_at = 0;
    if (child == r->wide_child) {
        b->ref_w = r->wide_w;
        b->wide_g = b->g;
        b->wide_at = r->wide_at;
        b->wide_dw = r->wide_dw;
        r->wide_child = NULL;
    }
    /* in the galley's arena: the window lays blocks out in arenas that go */
    GROW_ARENA_ZEROED(r->b->g->a, r->v, r->n, r->cap, 1, 32);
    restart_pt *p = &r->v[r->n++];
    p->child = child;
    lay_galley_mark_get(r->b->g, &p->m);
    p->w = r->b->ref_w;
    p->full_w = r->full_w;
    p->col_w = r->col_w;
    p->wide_at = b->wide_at;
    p->wide_dw = b->wide_dw;
    p->cite = lay_ctx_cite_mark(r->b->ctx);
    p->snode_seq = r->b->ctx->snode_seq;
    p->anon_seq = r->b->ctx->anon_seq;
}

/* The last restart point at or before item s, or -1. */
static long restart_of(const restarts *r, size_t s)
{
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->v[mid].m.n <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)lo - 1;
}

static bool same_width(double a, double b)
{
    return a - b < 0.01 && b - a < 0.01;
}

/* The width the items of restart point p's child take on page g. */
static double width_on(const restart_pt *p, const lay_geometry *g)
{
    return spans_all(p->child) ? g->body_w : lay_geometry_column_width(g);
}

/* Whether item s of restart point p's child was laid out at the width page g gives. */
static bool fits_width(const restart_pt *p, const lay_geometry *g, size_t s)
{
    double w = p->w + (p->wide_at && s >= p->wide_at ? p->wide_dw : 0);
    return same_width(w, width_on(p, g));
}

/* Items of the flow's span="all" children: across a multi-column body. */
static unsigned char *span_items(const lay_build *b, const restarts *rs)
{
    size_t n = b->g->n;
    unsigned char *span = ARENA_NEW_ARRAY(b->a, unsigned char, n + 1);
    for (size_t k = 0; k < rs->n; k++) {
        size_t from = rs->v[k].m.n, to = k + 1 < rs->n ? rs->v[k + 1].m.n : n;
        if (spans_all(rs->v[k].child) && to > from)
            memset(span + from, 1, to - from);
    }
    return span;
}

/* Limits the layouts again of one sequence (pages alternating widths would otherwise cost
 * a layout of the rest of the flow per page). */
#define MAX_RELAYOUTS 32

/* The page break before the lines of a block laid out at a new width stays where the
 * page breaking first put it (FOP keeps it too, even when fewer lines than `widows` then
 * follow it): they would not fit on the page before. */
static void keep_wide_breaks(lay_galley *g, const restarts *rs)
{
    for (size_t k = 0; k < rs->n; k++) {
        size_t at = rs->v[k].wide_at;
        if (at && at < g->n && !g->pi[at].brk)
            g->pi[at].brk = FO_KW_page;
    }
}

/* Paginates the flow so that every page's content is laid out at that page's body width
 * (masters may differ: a first page with a wide margin, a landscape page, another column
 * count). The flow is laid out at the first page's width; when a later page of another
 * width starts with a top-level block, the flow is laid out again from that block at the
 * new width. When it starts inside a block, that block is laid out again with the lines of
 * its paragraphs from that page on broken at the new width (the lines before keep their
 * breaks, as FOP does). Simplifications: only lines get the new width (a table, the
 * borders and background of the block that the change cuts keep the width of the page
 * the block starts on), and a block gets one change of width (the next ones start with
 * its next sibling). */
size_t lay_seq_paginate_flow(lay_build *b, const fo_node *flow, restarts *rs, avail_ud *ud,
                             int first_number, lay_pbreak **pb)
{
    lay_galley *g = b->g;
    for (int round = 0;; round++) {
        keep_wide_breaks(g, rs);
        size_t np = ud->columns ? lay_paginate_columns(g->pi, span_items(b, rs), g->n, colframe,
                                                       ud, first_number, pb, b->a)
                                : lay_paginate_resume(g->pi, g->n, false, ud->header0, avail, ud,
                                                      first_number, pb, b->a);
        if (!flow || round == MAX_RELAYOUTS)
            return np;
        const lay_geometry *geo = ud->pk->geo + ud->page0;
        long redo = -1;
        size_t page = 0;    /* the first page of the width to lay out at */
        size_t wide_at = 0; /* where that page starts inside block `redo` */
        for (size_t i = 1; i < np && redo < 0; i++) {
            size_t s = (*pb)[i].start;
            if ((*pb)[i].blank || s >= g->n)
                continue;
            long k = restart_of(rs, s);
            if (k < 0 || fits_width(&rs->v[k], &geo[i], s))
                continue;
            const restart_pt *r = &rs->v[k];
            if (r->m.n == s) {
                redo = k;
                page = i;
            } else if (!r->wide_at || s < r->wide_at) {
                redo = k; /* the block straddles the change: its lines from s on */
                page = i;
                wide_at = s;
            } else if ((size_t)k + 1 < rs->n) {
                /* a second change within the block: go on from the next one */
                size_t s2 = rs->v[k + 1].m.n, j = i;
                while (j + 1 < np && (*pb)[j + 1].start <= s2 && !(*pb)[j + 1].blank)
                    j++;
                if (!fits_width(&rs->v[k + 1], &geo[j], s2)) {
                    redo = k + 1;
                    page = j;
                }
            }
        }
        if (redo < 0)
            return np;
        restart_pt r = rs->v[redo];
        lay_galley_truncate(g, &r.m);
        lay_ctx_cites_supersede(b->ctx, r.cite, lay_ctx_cite_mark(b->ctx));
        rs->n = (size_t)redo;
        b->ref_w = b->body_w = rs->full_w = geo[page].body_w;
        rs->col_w = lay_geometry_column_width(&geo[page]);
        if (wide_at) {
            rs->wide_child = r.child;
            rs->wide_w = r.w;
            rs->wide_at = wide_at;
            rs->wide_dw = width_on(&r, &geo[page]) - r.w;
        }
        lay_flow_children(b, flow, r.child, lay_seq_on_child, rs);
    }
}

/* ---- markers ------------------------------------------------------------------------------ */

static bool same_class(const lay_markrec *m, const char *cls)
{
    return cls && m->cls && strcmp(m->cls, cls) == 0;
}

const fo_node *lay_marker_find(const lay_pageinfo *pg, const char *cls, fo_kw position)
{
    const lay_galley *g = pg->flow;
    if (!cls)
        return NULL;
    for (size_t i = 0; i < pg->nfound; i++) /* a page laid out again, its flow gone */
        if (pg->found[i].position == position && strcmp(pg->found[i].cls, cls) == 0)
            return pg->found[i].marker;
    if (!g)
        return NULL;
    /* marks are in document order of their blocks' starts */
    size_t lo = 0, hi = g->nmarks;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (g->marks[mid].started_before || g->marks[mid].first < pg->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    const lay_markrec *found = NULL;
    if (position == FO_KW_first_including_carryover) {
        for (size_t i = lo; i-- > 0;)
            if (same_class(&g->marks[i], cls) && !g->marks[i].ended_before &&
                g->marks[i].last >= pg->start) {
                found = &g->marks[i];
                break;
            }
    }
    for (size_t i = lo; !found && i < g->nmarks && g->marks[i].first < pg->end; i++) {
        if (!same_class(&g->marks[i], cls))
            continue;
        if (position == FO_KW_last_starting_within_page || position == FO_KW_last_ending_within_page) {
            if (position == FO_KW_last_ending_within_page && g->marks[i].last >= pg->end)
                continue;
            const lay_markrec *m = &g->marks[i];
            for (size_t j = i + 1; j < g->nmarks && g->marks[j].first < pg->end; j++)
                if (same_class(&g->marks[j], cls) &&
                    (position != FO_KW_last_ending_within_page || g->marks[j].last < pg->end))
                    m = &g->marks[j];
            found = m;
        } else {
            found = &g->marks[i];
        }
    }
    /* nothing on this page: the last one before it within the page-sequence */
    for (size_t i = lo; !found && i-- > 0;)
        if (same_class(&g->marks[i], cls))
            found = &g->marks[i];
    return found ? found->marker : NULL;
}

/* ---- page assembly ---------------------------------------------------------------------- */

#define TELL_ITEM(as, k, part, pos, dx, dy)                                                 \
    do {                                                                                     \
        if ((as)->on_item)                                                                   \
            (as)->on_item((as)->on_item_ud, (as)->page, (k), (part), (pos), (dx), (dy));     \
    } while (0)

static void region_background(lay_boxv *out, arena *a, const fo_node *r, double x, double y,
                              double w, double h)
{
    if (!r || r->props->background_color.a <= 0)
        return;
    lay_box *b = lay_boxv_push(out, a, LAY_RECT);
    b->x = x, b->y = y, b->w = w, b->h = h;
    b->u.rect.color = lay_color_of(r->props->background_color);
}

static const fo_node *static_for(const fo_node *ps, const char *name)
{
    for (const fo_node *c = ps->first_child; c; c = c->next_sibling)
        if (c->kind == FO_STATIC_CONTENT && c->props->flow_name &&
            strcmp(c->props->flow_name, name) == 0)
            return c;
    return NULL;
}

void lay_static_place(lay_ctx *ctx, arena *a, const fo_node *sc, const fo_node *region,
                      const lay_pageinfo *info, lay_boxv *out, double x, double y, double w,
                      double h)
{
    lay_galley g;
    lay_galley_init(&g, a);
    lay_build b = {.ctx = ctx, .a = a, .g = &g, .ref_w = w, .body_w = w, .page = info};
    /* its elements are artifacts (below): they take no place in the structure order, so
     * that the flow's elements get the same order whenever static content is laid out
     * (a page remade from the spool), in every pass */
    unsigned long snode_seq = ctx->snode_seq;
    lay_blocks(&b, sc);
    ctx->snode_seq = snode_seq;
    /* ids in static content are on every page showing it: the first one counts for
     * citations (no named destination: it would not be unique) */
    for (size_t i = 0; i < g.nids; i++)
        if (g.ids[i].id[0] != '\x01')
            lay_ctx_id_place(ctx, g.ids[i].id, info->number, info->label, info->number,
                             info->label);
    double ch = lay_galley_height(&g), off = 0;
    fo_kw da = region ? region->props->display_align : FO_KW_auto;
    if (da == FO_KW_center)
        off = (h - ch) / 2;
    else if (da == FO_KW_after)
        off = h - ch;
    size_t first = out->n;
    lay_galley_stack(&g, out, a, x, y + off);
    lay_boxv_artifacts(out, first, true);
}

static void place_decor(assembler *as, lay_boxv *out, const lay_geometry *geo, double x,
                        const lay_pbreak *pb, const double *ys)
{
    const lay_galley *g = as->g;
    size_t s = pb->start, e = pb->end;
    /* newly started decorations join the running ones, in start order */
    while (as->next_decor < g->ndecor && g->decor[as->next_decor].first < e)
        as->active[as->nactive++] = as->next_decor++;
    size_t keep = 0;
    for (size_t k = 0; k < as->nactive; k++) {
        const lay_decor *d = &g->decor[as->active[k]];
        if (d->last < s)
            continue;
        size_t first = d->first > s ? d->first : s;
        size_t last = d->last < e ? d->last : e - 1;
        double top = ys[first - s], bottom = ys[last - s] + g->pi[last].height;
        lay_decor_emit(d, out, as->a, x, geo->body_y + top, geo->body_y + bottom,
                       d->first >= s && !d->continued, d->last < e);
        if (d->last >= e)
            as->active[keep++] = as->active[k];
    }
    as->nactive = keep;
}

/* Decorations of a page's items, column by column on a page of columns. */
static void place_decors(assembler *as, lay_boxv *out, const lay_geometry *geo,
                         const lay_pbreak *pb, const double *ys)
{
    if (!pb->slots) {
        place_decor(as, out, geo, geo->body_x, pb, ys);
        return;
    }
    for (size_t k = 0; k < pb->nslots; k++) {
        const lay_colslot *sl = &pb->slots[k];
        lay_pbreak part = {.start = sl->start, .end = sl->end};
        place_decor(as, out, geo, geo->body_x + sl->x, &part, ys + (sl->start - pb->start));
    }
}

/* xs: the items' x in the body when the page has columns (pb->slots), else unused. */
static void place_body(assembler *as, lay_boxv *out, const lay_geometry *geo,
                       const lay_pbreak *pb, double *xs, double *ys)
{
    const lay_galley *g = as->g;
    double y = 0;
    const lay_table_rep *head = pb->header_table ? g->tables[pb->header_table - 1] : NULL;
    if (head && pb->end > pb->start && g->ic[pb->start].header_variant)
        head = &head->variants[g->ic[pb->start].header_variant - 1];
    const lay_table_rep *foot = pb->footer_table ? g->tables[pb->footer_table - 1] : NULL;
    if (foot && pb->end > pb->start && g->ic[pb->end - 1].footer_variant)
        foot = &foot->fvariants[g->ic[pb->end - 1].footer_variant - 1];
    if (head)
        y = head->header_h;
    for (size_t k = pb->start; k < pb->end && !pb->slots; k++) {
        if (k > pb->start || !g->pi[k].discard)
            y += g->pi[k].space;
        ys[k - pb->start] = y;
        y += g->pi[k].height;
    }
    if (pb->slots)
        lay_columns_place(pb, g->pi, xs, ys);
#define ITEM_X(k) (geo->body_x + (pb->slots ? xs[(k) - pb->start] : 0))
    if (pb->end > pb->start)
        place_decors(as, out, geo, pb, ys);
    /* underlays (table backgrounds) of the whole page first, then the rest */
    /* repeated table headers and footers are pagination artifacts: the table element
     * holds them once, where they first appear */
    double fy0 = geo->body_y + y;
    size_t rep0 = out->n;
    if (head)
        lay_boxv_append(out, as->a, head->header, head->nheader_under, geo->body_x, geo->body_y);
    lay_boxv_artifacts(out, rep0, true);
    for (size_t k = pb->start; k < pb->end; k++) {
        TELL_ITEM(as, k, LAY_PART_UNDER, out->n, ITEM_X(k), geo->body_y + ys[k - pb->start]);
        lay_boxv_append(out, as->a, lay_boxes_at(g->boxes.v, g->ic[k].first), g->ic[k].under,
                        ITEM_X(k), geo->body_y + ys[k - pb->start]);
    }
    rep0 = out->n;
    if (foot)
        lay_boxv_append(out, as->a, foot->footer, foot->nfooter_under, geo->body_x, fy0);
    if (head)
        lay_boxv_append(out, as->a, lay_boxes_at(head->header, head->nheader_under),
                        head->nheader - head->nheader_under, geo->body_x, geo->body_y);
    lay_boxv_artifacts(out, rep0, true);
    double fn = 0;
    for (size_t k = pb->start; k < pb->end; k++) {
        size_t n;
        const lay_box *bx = lay_galley_item_boxes(g, k, &n);
        double iy = geo->body_y + ys[k - pb->start];
        TELL_ITEM(as, k, LAY_PART_MAIN, out->n, ITEM_X(k), iy);
        lay_boxv_append(out, as->a, lay_boxes_at(bx, g->ic[k].under), n - g->ic[k].under,
                        ITEM_X(k), iy);
        if (g->extra && g->extra[k].n)
            lay_boxv_append(out, as->a, g->extra[k].v, g->extra[k].n, ITEM_X(k), iy);
        fn += g->pi[k].footnote_h;
    }
    rep0 = out->n;
    if (foot)
        lay_boxv_append(out, as->a, lay_boxes_at(foot->footer, foot->nfooter_under),
                        foot->nfooter - foot->nfooter_under, geo->body_x, fy0);
    lay_boxv_artifacts(out, rep0, true);
    if (fn > 0) {
        double fy = geo->body_y + geo->body_h - fn;
        for (size_t k = pb->start; k < pb->end; k++) {
            if (!g->fnotes || !g->fnotes[k].n)
                continue;
            TELL_ITEM(as, k, LAY_PART_FOOTNOTES, out->n, geo->body_x, fy);
            lay_boxv_append(out, as->a, g->fnotes[k].v, g->fnotes[k].n, geo->body_x, fy);
            fy += g->pi[k].footnote_h;
        }
    }
#undef ITEM_X
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
    s->np = lay_seq_paginate_flow(b, s->flow, &s->rs, &s->ud, s->first_number + (int)s->page0, &s->pb);
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

/* Named destinations of the ids whose first item is on page i. */
static void seq_page_dests(seq_layout *s, seq_assembly *sa, size_t i, const lay_geometry *geo,
                           lay_boxv *out)
{
    const lay_galley *g = &s->g;
    const lay_pbreak *pb = &s->pb[i];
    for (; sa->idk < g->nids && g->ids[sa->idk].first < pb->end; sa->idk++) {
        const lay_idrec *r = &g->ids[sa->idk];
        if (r->first < pb->start || r->id[0] == '\x01')
            continue;
        lay_box *d = lay_boxv_push(out, sa->as.a, LAY_DEST);
        d->x = geo->body_x + r->x + (pb->slots ? sa->xs[r->first - pb->start] : 0);
        d->y = geo->body_y + sa->ys[r->first - pb->start];
        d->u.link.dest = r->id;
    }
}

/* Page i: its master's geometry, region backgrounds, static content, body, destinations. */
void lay_seq_assemble_page(seq_layout *s, seq_assembly *sa, size_t i, lay_page *pg, bool last)
{
    const lay_pbreak *pb = &s->pb[i];
    size_t abs = s->made + i;
    lay_geometry geo;
    if (abs < s->lead) {
        lay_master_state tmp = {0}; /* a page between sequences: not the first */
        geometry_of(pick_spm(&s->pk, &tmp, 1, pg->number, false, true), &geo);
    } else {
        geometry_of(pick_spm(&s->pk, &sa->st, abs - s->lead, pg->number, last, pb->blank),
                    &geo);
    }
    pg->width = geo.width;
    pg->height = geo.height;
    lay_boxv out = {0};
    arena *pa = sa->as.a;
    double bx, by, bw, bh;
    lay_geometry_body_rect(&geo, &bx, &by, &bw, &bh);
    region_background(&out, pa, geo.body, bx, by, bw, bh);
    for (int r = 0; r < 4; r++)
        if (geo.has_region[r])
            region_background(&out, pa, geo.region[r], geo.rx[r], geo.ry[r], geo.rw[r],
                              geo.rh[r]);
    lay_pageinfo info = {pg->number, pg->label, &s->g, pb->start, pb->end, NULL, 0};
    lay_page_statics st = {.ps = s->ps, .info = &info, .static_from = out.n,
                           .cite_from = lay_ctx_cite_mark(s->ctx)};
    for (int r = 0; r < 4; r++) {
        const fo_node *sc = geo.has_region[r] ? static_for(s->ps, geo.region_name[r]) : NULL;
        if (!sc)
            continue;
        lay_static_place(s->ctx, pa, sc, geo.region[r], &info, &out, geo.rx[r], geo.ry[r],
                         geo.rw[r], geo.rh[r]);
        st.regions[st.nregions++] = (lay_static_region){sc, geo.region[r], geo.rx[r], geo.ry[r],
                                                        geo.rw[r], geo.rh[r]};
    }
    st.static_to = out.n;
    st.cite_to = lay_ctx_cite_mark(s->ctx);
    if (s->on_page)
        s->on_page(s->on_page_ud, i, &st);
    if (!pb->blank) {
        size_t body_boxes = out.n;
        sa->as.on_item = geo.body_turn ? NULL : s->on_item;
        sa->as.on_item_ud = s->on_item_ud;
        sa->as.page = i;
        /* the before-floats take the body's top, the flow what they leave */
        lay_geometry flow_geo = geo;
        double top = lay_floats_place(s->ctx, pa, s->ps, &s->g, pb, &info, &out, geo.body_x,
                                      geo.body_y, geo.body_w);
        flow_geo.body_y += top;
        flow_geo.body_h -= top;
        place_body(&sa->as, &out, &flow_geo, pb, sa->xs, sa->ys);
        seq_page_dests(s, sa, i, &flow_geo, &out);
        if (out.n > body_boxes) /* out.v is NULL on an empty page */
            lay_geometry_turn_body(&geo, out.v + body_boxes, out.n - body_boxes);
    }
    pg->boxes = out.v;
    pg->nboxes = out.n;
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
