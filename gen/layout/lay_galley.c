/* Galleys: items with their gaps, boxes and decorations; stacking without page breaks;
 * borders and backgrounds. */
#include <stdlib.h>
#include <string.h>

#include "layout/layout_internal.h"

lay_box *lay_boxv_push(lay_boxv *bv, arena *a, lay_box_kind kind)
{
    if (bv->n == bv->cap) {
        /* most lists are a table cell's or a list label's few boxes */
        size_t cap = bv->cap ? 2 * bv->cap : 4;
        bv->v = arena_grow_uninit(bv->own ? bv->own : a, bv->v, sizeof *bv->v, bv->n, cap);
        bv->cap = cap;
    }
    lay_box *b = &bv->v[bv->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

void lay_boxv_append(lay_boxv *bv, arena *a, const lay_box *src, size_t n, double dx, double dy)
{
    if (bv->n + n > bv->cap) {
        size_t cap = bv->cap ? 2 * bv->cap : 32;
        while (cap < bv->n + n)
            cap *= 2;
        bv->v = arena_grow_uninit(bv->own ? bv->own : a, bv->v, sizeof *bv->v, bv->n, cap);
        bv->cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        lay_box *b = &bv->v[bv->n++];
        *b = src[i];
        b->x += dx;
        b->y += dy;
        if (b->kind == LAY_IMAGE && b->u.image.clip && !b->rot) {
            b->u.image.clip_x += dx; /* the clip moves with its image */
            b->u.image.clip_y += dy;
        }
    }
}

lay_color lay_color_of(fo_color c)
{
    return (lay_color){c.r, c.g, c.b, c.a};
}

void lay_galley_init(lay_galley *g, arena *a)
{
    memset(g, 0, sizeof *g);
    g->a = a;
    g->boxes.own = a;
    g->pend_discard = true;
}

void lay_galley_space(lay_galley *g, double space, bool discard)
{
    if (!g->pend_any) {
        g->pend_space = space;
        g->pend_discard = discard;
    } else {
        if (space > g->pend_space)
            g->pend_space = space;
        g->pend_discard = g->pend_discard && discard;
    }
    g->pend_any = true;
}

void lay_galley_keep(lay_galley *g, int strength)
{
    if (strength > g->pend_keep)
        g->pend_keep = strength;
}

/* column < page < odd-page, even-page */
static int break_rank(fo_kw brk)
{
    return !brk ? 0 : brk == FO_KW_column ? 1 : brk == FO_KW_page ? 2 : 3;
}

void lay_galley_break(lay_galley *g, fo_kw brk)
{
    /* The strongest wins: odd/even over page over column (a column break is a page
     * break on a page of one column). */
    int r = break_rank(brk);
    if (r == 3 || r > break_rank(g->pend_brk))
        g->pend_brk = brk;
}

size_t lay_galley_item(lay_galley *g, double height)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 2; /* a table cell holds a line or two */
        /* every item's pi and ic are set below */
        g->pi = arena_grow_uninit(g->a, g->pi, sizeof *g->pi, g->n, cap);
        g->ic = arena_grow_uninit(g->a, g->ic, sizeof *g->ic, g->n, cap);
        if (g->fnotes)
            g->fnotes = arena_grow(g->a, g->fnotes, sizeof *g->fnotes, g->n, cap);
        if (g->extra)
            g->extra = arena_grow(g->a, g->extra, sizeof *g->extra, g->n, cap);
        g->cap = cap;
    }
    size_t i = g->n++;
    g->pi[i] = (lay_pitem){
        .height = height,
        .space = g->pend_any ? g->pend_space : 0,
        .discard = g->pend_any ? g->pend_discard : true,
        .keep = g->pend_keep,
        .brk = g->pend_brk,
        .table = g->cur_table,
    };
    int variant = 0, fvariant = 0;
    if (g->cur_table > 0) {
        const lay_table_rep *t = g->tables[g->cur_table - 1];
        variant = g->cur_header_variant;
        fvariant = g->cur_footer_variant;
        g->pi[i].header_h = variant ? t->variants[variant - 1].header_h : t->header_h;
        g->pi[i].footer_h = fvariant ? t->fvariants[fvariant - 1].footer_h : t->footer_h;
    }
    g->ic[i] = (lay_icontent){g->boxes.n, 0, 0, variant, fvariant};
    g->pend_space = 0;
    g->pend_any = false;
    g->pend_discard = true;
    g->pend_keep = 0;
    g->pend_brk = 0;
    return i;
}

/* Items' y positions when stacked from 0; returns the total height. */
static double stack_positions(const lay_galley *g, double *ys)
{
    double y = 0;
    for (size_t i = 0; i < g->n; i++) {
        if (i > 0 || !g->pi[i].discard)
            y += g->pi[i].space;
        if (ys)
            ys[i] = y;
        y += g->pi[i].height;
    }
    return y;
}

double lay_galley_height(const lay_galley *g)
{
    return stack_positions(g, NULL);
}

/* Box count of item i: boxes up to the next item's first (the last item takes the rest). */
static size_t item_count(const lay_galley *g, size_t i)
{
    size_t end = i + 1 < g->n ? g->ic[i + 1].first : g->boxes.n;
    return end - g->ic[i].first;
}

double lay_galley_stack_range(const lay_galley *g, size_t from, size_t to, lay_boxv *out,
                              arena *a, double dx, double dy)
{
    if (to > g->n)
        to = g->n;
    if (from >= to)
        return 0;
    double *ys = ARENA_NEW_ARRAY(a, double, to - from);
    double y = 0;
    for (size_t i = from; i < to; i++) {
        if (i > from || !g->pi[i].discard)
            y += g->pi[i].space;
        ys[i - from] = y;
        y += g->pi[i].height;
    }
    for (size_t k = 0; k < g->ndecor; k++) {
        const lay_decor *d = &g->decor[k];
        if (d->first >= to || d->last < from)
            continue;
        size_t first = d->first > from ? d->first : from;
        size_t last = d->last < to ? d->last : to - 1;
        lay_decor_emit(d, out, a, dx, dy + ys[first - from],
                       dy + ys[last - from] + g->pi[last].height,
                       d->first >= from && !d->continued,
                       d->last < to);
    }
    for (size_t i = from; i < to; i++)
        lay_boxv_append(out, a, lay_boxes_at(g->boxes.v, g->ic[i].first), g->ic[i].under, dx,
                        dy + ys[i - from]);
    for (size_t i = from; i < to; i++) {
        lay_boxv_append(out, a, lay_boxes_at(g->boxes.v, g->ic[i].first + g->ic[i].under),
                        item_count(g, i) - g->ic[i].under, dx, dy + ys[i - from]);
        if (g->extra && g->extra[i].n)
            lay_boxv_append(out, a, g->extra[i].v, g->extra[i].n, dx, dy + ys[i - from]);
    }
    return y;
}

double lay_galley_stack(const lay_galley *g, lay_boxv *out, arena *a, double dx, double dy)
{
    return lay_galley_stack_range(g, 0, g->n, out, a, dx, dy);
}

static lay_line_style line_style(fo_kw kw)
{
    switch (kw) {
    case FO_KW_dotted: return LAY_STYLE_DOTTED;
    case FO_KW_dashed: return LAY_STYLE_DASHED;
    case FO_KW_double: return LAY_STYLE_DOUBLE;
    default: return LAY_STYLE_SOLID;
    }
}

void lay_edges_get(const fo_node *n, double ref_w, lay_edges *e)
{
    const fo_props *p = n->props;
    const fo_len pad[4] = {p->padding_before, p->padding_after, p->padding_start,
                           p->padding_end};
    const fo_color col[4] = {p->border_before_color, p->border_after_color,
                             p->border_start_color, p->border_end_color};
    const fo_kw sty[4] = {p->border_before_style, p->border_after_style, p->border_start_style,
                          p->border_end_style};
    for (int i = 0; i < 4; i++) {
        e->bw[i] = fo_border_width(p, i);
        e->pad[i] = fo_len_resolve(pad[i], ref_w);
        if (e->pad[i] < 0)
            e->pad[i] = 0;
        e->bc[i] = lay_color_of(col[i]);
        e->bs[i] = line_style(sty[i]);
    }
}

/* One border side as a filled rectangle (solid) or a stroked line (dotted, dashed...). */
static void border_side(lay_boxv *out, arena *a, double x, double y, double w, double h,
                        double t, lay_color c, lay_line_style s, bool horizontal)
{
    if (t <= 0 || c.a <= 0)
        return;
    if (s == LAY_STYLE_SOLID) {
        lay_box *b = lay_boxv_push(out, a, LAY_RECT);
        b->x = x, b->y = y, b->w = w, b->h = h;
        b->u.rect.color = c;
        return;
    }
    lay_box *b = lay_boxv_push(out, a, LAY_LINE);
    if (horizontal) {
        b->x = x, b->y = y + t / 2, b->w = w, b->h = 0;
    } else {
        b->x = x + t / 2, b->y = y, b->w = 0, b->h = h;
    }
    b->u.line.color = c;
    b->u.line.thickness = t;
    b->u.line.style = s;
}

static void draw_rect(lay_boxv *out, arena *a, const double bw[4], const lay_color bc[4],
                      const lay_line_style bs[4], lay_color bg, double x, double y, double w,
                      double h, bool top, bool bottom)
{
    if (bg.a > 0 && w > 0 && h > 0) {
        lay_box *b = lay_boxv_push(out, a, LAY_RECT);
        b->x = x, b->y = y, b->w = w, b->h = h;
        b->u.rect.color = bg;
    }
    if (top)
        border_side(out, a, x, y, w, bw[0], bw[0], bc[0], bs[0], true);
    if (bottom)
        border_side(out, a, x, y + h - bw[1], w, bw[1], bw[1], bc[1], bs[1], true);
    border_side(out, a, x, y, bw[2], h, bw[2], bc[2], bs[2], false);
    border_side(out, a, x + w - bw[3], y, bw[3], h, bw[3], bc[3], bs[3], false);
}

void lay_edges_draw(const lay_edges *e, fo_color bg, lay_boxv *out, arena *a, double x,
                    double y, double w, double h)
{
    draw_rect(out, a, e->bw, e->bc, e->bs, lay_color_of(bg), x, y, w, h, true, true);
}

void lay_decor_emit(const lay_decor *d, lay_boxv *out, arena *a, double dx, double y_top,
                    double y_bottom, bool first_part, bool last_part)
{
    double bw[4] = {first_part ? d->bw[0] : 0, last_part ? d->bw[1] : 0, d->bw[2], d->bw[3]};
    draw_rect(out, a, bw, d->bc, d->bs, d->bg, dx + d->x, y_top, d->w, y_bottom - y_top,
              first_part, last_part);
}

void lay_galley_adopt(lay_galley *g, const lay_galley *sub, size_t item, double dx)
{
    for (size_t i = 0; i < sub->nids; i++) {
        if (g->nids == g->capids) {
            size_t cap = g->capids ? 2 * g->capids : 16;
            g->ids = arena_grow(g->a, g->ids, sizeof *g->ids, g->nids, cap);
            g->capids = cap;
        }
        g->ids[g->nids++] = (lay_idrec){sub->ids[i].id, item, item, sub->ids[i].x + dx};
    }
    for (size_t i = 0; i < sub->nmarks; i++) {
        if (g->nmarks == g->capmarks) {
            size_t cap = g->capmarks ? 2 * g->capmarks : 16;
            g->marks = arena_grow(g->a, g->marks, sizeof *g->marks, g->nmarks, cap);
            g->capmarks = cap;
        }
        g->marks[g->nmarks++] = (lay_markrec){.cls = sub->marks[i].cls,
                                             .marker = sub->marks[i].marker,
                                             .first = item, .last = item};
    }
    lay_floats_adopt(g, sub, item);
    /* Footnotes cited in a cell, a list label or a block-container go to the page its item
     * lands on, below those the item cites itself. */
    for (size_t i = 0; sub->fnotes && i < sub->n; i++) {
        if (!sub->fnotes[i].n)
            continue;
        lay_boxv *fn = lay_galley_fnotes(g, item);
        lay_boxv_append(fn, g->a, sub->fnotes[i].v, sub->fnotes[i].n, 0, g->pi[item].footnote_h);
        g->pi[item].footnote_h += sub->pi[i].footnote_h;
    }
}

const lay_box *lay_galley_item_boxes(const lay_galley *g, size_t i, size_t *n)
{
    *n = item_count(g, i);
    return lay_boxes_at(g->boxes.v, g->ic[i].first);
}

static lay_boxv *side_list(lay_galley *g, lay_boxv **list, size_t i)
{
    if (!*list)
        *list = ARENA_NEW_ARRAY(g->a, lay_boxv, g->cap);
    return &(*list)[i];
}

lay_boxv *lay_galley_extra(lay_galley *g, size_t i)
{
    return side_list(g, &g->extra, i);
}

lay_boxv *lay_galley_fnotes(lay_galley *g, size_t i)
{
    return side_list(g, &g->fnotes, i);
}

void lay_galley_mark_get(const lay_galley *g, lay_galley_mark *m)
{
    *m = (lay_galley_mark){g->n, g->boxes.n, g->ndecor, g->nids, g->nmarks, g->ntables,
                           g->pend_space, g->pend_discard, g->pend_any, g->pend_keep,
                           g->pend_brk, g->cur_table};
}

void lay_galley_take_boxes(lay_galley *g, size_t from, size_t to, const lay_galley_mark *end,
                           ptrdiff_t *delta)
{
    size_t n = to - from, at = end->n;
    size_t f = g->ic[from].first, t = to < at ? g->ic[to].first : end->nboxes;
    size_t nn = g->boxes.n - end->nboxes, old = t - f;
    /* the new boxes, at the end, move to their place: kept apart meanwhile */
    lay_box *tmp = malloc((nn + 1) * sizeof *tmp);
    size_t *firsts = malloc((n + 1) * sizeof *firsts);
    if (!tmp || !firsts)
        abort();
    memcpy(tmp, lay_boxes_at(g->boxes.v, end->nboxes), nn * sizeof *tmp);
    for (size_t i = 0; i < n; i++)
        firsts[i] = g->ic[at + i].first - end->nboxes;
    lay_galley_truncate(g, end);
    if (nn > old) /* room: the list grows by nn - old */
        lay_boxv_append(&g->boxes, g->a, tmp, nn - old, 0, 0);
    if (g->boxes.v) {
        memmove(g->boxes.v + f + nn, g->boxes.v + t, (end->nboxes - t) * sizeof *tmp);
        memcpy(g->boxes.v + f, tmp, nn * sizeof *tmp);
    }
    g->boxes.n = end->nboxes - old + nn;
    *delta = (ptrdiff_t)nn - (ptrdiff_t)old;
    for (size_t i = 0; i < n; i++)
        g->ic[from + i].first = f + firsts[i];
    for (size_t i = to; i < at; i++)
        g->ic[i].first = (size_t)((ptrdiff_t)g->ic[i].first + *delta);
    free(firsts);
    free(tmp);
}

void lay_galley_truncate(lay_galley *g, const lay_galley_mark *m)
{
    /* side lists are indexed by item: the items to come must find them empty */
    for (size_t i = m->n; i < g->n; i++) {
        if (g->extra)
            g->extra[i] = (lay_boxv){0};
        if (g->fnotes)
            g->fnotes[i] = (lay_boxv){0};
    }
    lay_floats_truncate(g, m->n);
    g->n = m->n;
    g->boxes.n = m->nboxes;
    g->ndecor = m->ndecor;
    g->nids = m->nids;
    g->nmarks = m->nmarks;
    g->ntables = m->ntables;
    g->pend_space = m->pend_space;
    g->pend_discard = m->pend_discard;
    g->pend_any = m->pend_any;
    g->pend_keep = m->pend_keep;
    g->pend_brk = m->pend_brk;
    g->cur_table = m->cur_table;
}
