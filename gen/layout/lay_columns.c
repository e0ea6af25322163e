/* Multi-column regions: a page's body holds bands, one under the other; a band is either
 * columns side by side or one span="all" block's items across the body. Columns fill one
 * after the other, first fit (lay_page_fill); those of a band that a span="all" block
 * follows on the page are balanced: the smallest height at which they still hold the
 * band's items. FOP 2.8 balances there only, not on the flow's last page.
 *
 * Simplifications: tables don't repeat their header and footer at column breaks; a keep
 * is a keep within the column.
 */
#include <string.h>

#include "layout/lay_columns.h"
#include "util/grow.h"

double lay_geometry_column_width(const lay_geometry *g)
{
    if (g->columns <= 1)
        return g->body_w;
    double w = (g->body_w - (g->columns - 1) * g->column_gap) / g->columns;
    return w < 1 ? 1 : w;
}

static bool master_has_columns(const fo_node *spm)
{
    if (!spm || spm->kind != FO_SIMPLE_PAGE_MASTER)
        return false;
    for (const fo_node *c = spm->first_child; c; c = c->next_sibling)
        if (c->kind == FO_REGION_BODY)
            return c->props->column_count > 1;
    return false;
}

bool lay_masters_have_columns(const fo_doc *doc, const fo_node *master)
{
    if (!master || master->kind == FO_SIMPLE_PAGE_MASTER)
        return master_has_columns(master);
    for (const fo_node *c = master->first_child; c; c = c->next_sibling) {
        const char *name = c->props->master_reference;
        if (name && master_has_columns(fo_doc_master(doc, name)))
            return true;
        for (const fo_node *alt = c->first_child; alt; alt = alt->next_sibling) {
            name = alt->props->master_reference;
            if (name && master_has_columns(fo_doc_master(doc, name)))
                return true;
        }
    }
    return false;
}

/* ---- breaking ------------------------------------------------------------------------------ */

typedef struct {
    lay_pbreak *v;
    size_t n, cap;
    lay_colslot *slots; /* the page being made */
    size_t nslots, slot_cap;
    size_t *ends;       /* where its columns end */
    int ends_cap;
    arena *a;
} col_pages;

static void push_page(col_pages *p, lay_pbreak b)
{
    GROW_ARENA_ZEROED(p->a, p->v, p->n, p->cap, 1, 16);
    p->v[p->n++] = b;
}

static void push_slot(col_pages *p, lay_colslot s)
{
    if (s.end <= s.start)
        return;
    GROW_ARENA_ZEROED(p->a, p->slots, p->nslots, p->slot_cap, 1, 8);
    p->slots[p->nslots++] = s;
}

/* The space before item i at the top of a slot: a column, or a band below another one,
 * starts a reference area of its own, where a discardable space goes (as in FOP). */
static double lead(const lay_pitem *it, size_t i)
{
    return it[i].discard ? 0 : it[i].space;
}

/* The height items [s, e) take from a slot's top. */
static double stack_height(const lay_pitem *it, size_t s, size_t e)
{
    double y = 0;
    for (size_t i = s; i < e; i++)
        y += (i == s ? lead(it, i) : it[i].space) + it[i].height;
    return y;
}

static double notes_height(const lay_pitem *it, size_t s, size_t e)
{
    double fn = 0;
    for (size_t i = s; i < e; i++)
        fn += it[i].footnote_h;
    return fn;
}

static bool page_break(const lay_pitem *it, size_t i)
{
    return it[i].brk && it[i].brk != FO_KW_column;
}

/* Columns of height h side by side from item s, not past r: each column's end in
 * ends[], their count in *count (at most max). Returns where the last one ends; stops
 * early before a page break. A column leaves room for the footnotes cited before it and
 * in it; a footnote must also fit below the columns before it, or the line citing it
 * waits for the next page. */
static size_t fill_columns(const lay_pitem *it, size_t r, size_t s, double h, int max,
                           size_t *ends, int *count)
{
    size_t t = s;
    int c = 0;
    double tallest = 0;
    while (c < max && t < r) {
        double fn = notes_height(it, s, t);
        size_t e = lay_page_fill(it, r, t, h - fn, 0);
        if (c > 0) {
            size_t j = t;
            while (j < e && fn + it[j].footnote_h <= h - tallest + 1e-6)
                fn += it[j++].footnote_h;
            e = j;
            if (e == t)
                break;
        }
        double ch = stack_height(it, t, e);
        if (ch > tallest)
            tallest = ch;
        ends[c++] = t = e;
        if (t < r && page_break(it, t))
            break;
    }
    *count = c;
    return t;
}

/* The smallest column height, at most h, at which the band [s, r) fits in `max` columns. */
static double balanced_height(const lay_pitem *it, size_t r, size_t s, double h, int max,
                              size_t *ends)
{
    double lo = 0, hi = h;
    int count;
    while (hi - lo > 0.25) {
        double mid = (lo + hi) / 2;
        if (fill_columns(it, r, s, mid, max, ends, &count) >= r)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* The end of the run of items from s that span alike. */
static size_t run_end(const unsigned char *span, size_t s, size_t n)
{
    size_t r = s + 1;
    while (r < n && !span[r] == !span[s])
        r++;
    return r;
}

/* Lays out one page from item s; returns where it ends. */
static size_t fill_page(col_pages *p, const lay_pitem *it, const unsigned char *span, size_t n,
                        size_t s, const lay_colframe *fr)
{
    double y = 0, fn = 0;
    int max = fr->count > 1 ? fr->count : 1;
    if (max > p->ends_cap) {
        p->ends = ARENA_NEW_ARRAY(p->a, size_t, (size_t)max);
        p->ends_cap = max;
    }
    size_t *ends = p->ends;
    while (s < n) {
        bool top = p->nslots == 0;
        if (!top && page_break(it, s))
            break;
        size_t r = run_end(span, s, n);
        double room = fr->height - y - fn;
        /* below a band, a band starts only if its first item fits */
        if (!top && lead(it, s) + it[s].height + it[s].footnote_h > room + 1e-6)
            break;
        size_t e;
        if (span[s] || max == 1) {
            e = lay_page_fill(it, r, s, room, 0);
            push_slot(p, (lay_colslot){s, e, 0, y});
            y += stack_height(it, s, e);
        } else {
            int count;
            e = fill_columns(it, r, s, room, max, ends, &count);
            if (e >= r && r < n) { /* a span="all" block follows on this page */
                double h = balanced_height(it, r, s, room, max, ends);
                e = fill_columns(it, r, s, h, max, ends, &count);
            }
            double band = 0;
            for (int c = 0; c < count; c++) {
                size_t from = c ? ends[c - 1] : s;
                push_slot(p, (lay_colslot){from, ends[c], c * fr->step, y});
                double ch = stack_height(it, from, ends[c]);
                if (ch > band)
                    band = ch;
            }
            y += band;
        }
        fn += notes_height(it, s, e);
        s = e;
        if (e < r) /* the page is full, or breaks */
            break;
    }
    return s;
}

size_t lay_paginate_columns(const lay_pitem *items, const unsigned char *span, size_t n,
                            lay_colframe_fn frame, void *ud, int first_number,
                            lay_pbreak **out, arena *a)
{
    col_pages p = {.a = a};
    size_t s = 0;
    do {
        int number = first_number + (int)p.n;
        fo_kw brk = s < n ? items[s].brk : 0;
        if ((brk == FO_KW_odd_page && number % 2 == 0) ||
            (brk == FO_KW_even_page && number % 2 != 0)) {
            push_page(&p, (lay_pbreak){.start = s, .end = s, .blank = true});
            continue;
        }
        lay_colframe fr = frame(ud, p.n);
        p.slots = NULL;
        p.nslots = p.slot_cap = 0;
        size_t e = s < n ? fill_page(&p, items, span, n, s, &fr) : n;
        push_page(&p,
                  (lay_pbreak){.start = s, .end = e, .slots = p.slots, .nslots = p.nslots});
        s = e;
    } while (s < n);
    *out = p.v;
    return p.n;
}

void lay_columns_place(const lay_pbreak *pb, const lay_pitem *it, double *xs, double *ys)
{
    for (size_t k = 0; k < pb->nslots; k++) {
        const lay_colslot *sl = &pb->slots[k];
        double y = sl->y;
        for (size_t i = sl->start; i < sl->end; i++) {
            y += i == sl->start ? lead(it, i) : it[i].space;
            xs[i - pb->start] = sl->x;
            ys[i - pb->start] = y;
            y += it[i].height;
        }
    }
}
