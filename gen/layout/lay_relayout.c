/* Forward citations as patches: the blocks of a page-sequence's flow whose citations showed
 * another number than their id's value now are laid out again before its pages are made,
 * alone when they break into the same lines, else with all that follows them
 * (doc/page-window.md, "Citations are patches"). */
#include <string.h>

#include "layout/lay_seq.h"

/* Whether the items [a, a + n) and [b, b + n) of g break into pages alike: then the second
 * can take the first's place without a new pagination. Their lines may hold other boxes
 * (a word moved to the next line): they replace the old ones wholesale; the underlays and
 * footnotes keep their counts. */
static bool items_alike(const lay_galley *g, size_t a, size_t b, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const lay_pitem *x = &g->pi[a + k], *y = &g->pi[b + k];
        if (x->height != y->height || x->space != y->space || x->discard != y->discard ||
            x->keep != y->keep || x->brk != y->brk || (x->table == 0) != (y->table == 0) ||
            x->header_h != y->header_h || x->footer_h != y->footer_h ||
            x->footnote_h != y->footnote_h)
            return false;
        /* a table's repeated header and footer are made apart from its rows */
        if (x->header_h > 0 || x->footer_h > 0)
            return false;
        if (g->ic[a + k].under != g->ic[b + k].under ||
            g->ic[a + k].header_variant != g->ic[b + k].header_variant)
            return false;
        size_t fx = g->fnotes ? g->fnotes[a + k].n : 0, fy = g->fnotes ? g->fnotes[b + k].n : 0;
        if (fx != fy)
            return false;
    }
    return true;
}

/* Lays the flow's block k out again, now that the numbers it cites are known, and puts the
 * new boxes in place of the old ones. The block is laid out after the galley's end, from
 * the state the galley had before it (pending gap, counters); the appended items are
 * dropped afterwards. False when the block breaks otherwise (another height, another count
 * of lines): its items and the pages after them would move. */
static bool relay_block(seq_layout *s, size_t k)
{
    lay_galley *g = &s->g;
    lay_ctx *ctx = s->ctx;
    const restart_pt *r = &s->rs.v[k];
    size_t from = r->m.n, to = k + 1 < s->rs.n ? s->rs.v[k + 1].m.n : g->n;
    size_t cite_to = k + 1 < s->rs.n ? s->rs.v[k + 1].cite : s->cite_end;
    if (lay_floats_side_any(g))
        return false; /* its lines may be beside a float: laid out in place only */
    lay_galley_mark end;
    lay_galley_mark_get(g, &end);
    g->pend_space = r->m.pend_space;
    g->pend_discard = r->m.pend_discard;
    g->pend_any = r->m.pend_any;
    g->pend_keep = r->m.pend_keep;
    g->pend_brk = r->m.pend_brk;
    g->cur_table = r->m.cur_table;
    unsigned long snode_seq = ctx->snode_seq;
    int anon_seq = ctx->anon_seq;
    ctx->snode_seq = r->snode_seq;
    ctx->anon_seq = r->anon_seq;
    s->b.ref_w = r->w;
    s->b.body_w = r->full_w;
    s->b.wide_g = g;
    s->b.wide_at = r->wide_at ? r->wide_at - from + end.n : 0; /* laid out after the end */
    s->b.wide_dw = r->wide_dw;
    size_t cite0 = lay_ctx_cite_mark(ctx);
    lay_block_level(&s->b, r->child);
    s->b.wide_at = 0;
    ctx->snode_seq = snode_seq;
    ctx->anon_seq = anon_seq;
    size_t n = to - from, at = end.n;
    bool ok = g->n - at == n && items_alike(g, from, at, n);
    if (ok) {
        for (size_t i = 0; i < n; i++) {
            if (g->extra) /* its storage stays in the galley's arena */
                g->extra[from + i] = g->extra[at + i];
            if (g->fnotes && g->fnotes[at + i].n)
                memcpy(g->fnotes[from + i].v, g->fnotes[at + i].v,
                       g->fnotes[at + i].n * sizeof *g->fnotes[at + i].v);
        }
        ptrdiff_t delta;
        lay_galley_take_boxes(g, from, to, &end, &delta);
        for (size_t j = k + 1; j < s->rs.n; j++)
            s->rs.v[j].m.nboxes = (size_t)((ptrdiff_t)s->rs.v[j].m.nboxes + delta);
        lay_ctx_cites_supersede(ctx, r->cite, cite_to);
    } else {
        lay_ctx_cites_supersede(ctx, cite0, lay_ctx_cite_mark(ctx));
        lay_galley_truncate(g, &end);
    }
    return ok;
}

/* The flow laid out again from its block k to its end, and paginated again: block k's
 * citations now break it into other lines, which moves what follows. False when the
 * sequence gets another page count (the sequences after it would be numbered otherwise):
 * the document then needs another pass. */
static bool seq_relayout_from(seq_layout *s, size_t k)
{
    lay_ctx *ctx = s->ctx;
    restart_pt r = s->rs.v[k];
    size_t np = s->np;
    lay_ctx_cites_supersede(ctx, r.cite, s->cite_end);
    lay_galley_truncate(&s->g, &r.m);
    s->rs.n = k;
    s->b.body_w = s->rs.full_w = r.full_w;
    s->rs.col_w = r.col_w;
    if (r.wide_at) { /* a page of another width cuts the block, as before */
        s->rs.wide_child = r.child;
        s->rs.wide_w = r.w;
        s->rs.wide_at = r.wide_at;
        s->rs.wide_dw = r.wide_dw;
    }
    lay_flow_children(&s->b, s->flow, r.child, lay_seq_on_child, &s->rs);
    s->np = lay_seq_paginate_flow(&s->b, s->flow, &s->rs, &s->ud, s->first_number + (int)s->page0,
                          &s->pb);
    s->cite_end = lay_ctx_cite_mark(ctx);
    lay_seq_add_blanks(s);
    if (s->np != np)
        return false;
    arena *tmp = arena_new();
    lay_seq_label_pages(s, tmp);
    lay_seq_place_flow_ids(s, true);
    arena_destroy(tmp);
    s->pages = NULL;
    return true;
}

/* The flow's blocks whose forward citations now show other numbers, laid out again: alone
 * when they still break into the same lines, else with all that follows them. */
void lay_seq_settle_flow(seq_layout *s)
{
    if (!s->flow)
        return;
    /* text straight in the flow before its first block has no restart point */
    size_t first = s->rs.n ? s->rs.v[0].cite : s->cite_end;
    if (lay_ctx_cites_changed(s->ctx, s->cite_begin, first)) {
        lay_ctx_must_redo(s->ctx);
        return;
    }
    for (size_t k = 0; k < s->rs.n; k++) {
        size_t cite_to = k + 1 < s->rs.n ? s->rs.v[k + 1].cite : s->cite_end;
        if (s->rs.v[k].cite == cite_to || !lay_ctx_cites_changed(s->ctx, s->rs.v[k].cite, cite_to))
            continue;
        if (!relay_block(s, k)) {
            if (!seq_relayout_from(s, k))
                lay_ctx_must_redo(s->ctx);
            return;
        }
    }
}

