/* The flow's pagination at each page's width: lay_seq_on_child records a restart point
 * before each top-level block of the flow; lay_seq_paginate_flow paginates the galley and,
 * where pages differ in body width (or columns), lays the flow out again from the restart
 * point that starts the page, at its width, until the breaks agree. */
#include <string.h>

#include "layout/lay_columns.h"
#include "layout/lay_seq.h"
#include "util/grow.h"

static lay_colframe colframe(void *ud, size_t index)
{
    avail_ud *u = ud;
    double h = lay_seq_avail(ud, index);
    const lay_geometry *g = &u->pk->geo[u->page0 + index];
    return (lay_colframe){h, g->columns, lay_geometry_column_width(g) + g->column_gap};
}

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
                                : lay_paginate_resume(g->pi, g->n, false, ud->header0,
                                                      lay_seq_avail, ud, first_number, pb, b->a);
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
