/* Page breaking over a galley's decision data: a pure function, unit tested.
 *
 * First fit: items fill a page until one overflows; the page then ends at the latest
 * free break that fits, or failing that at the break of the weakest keep. Widows and
 * orphans arrive here as keeps between lines. A break between two rows of one table
 * repeats that table's footer at the page bottom and its header on the next page, so
 * their heights count in the fit.
 */
#include "layout/layout_internal.h"

typedef struct {
    lay_pbreak *v;
    size_t n, cap;
    arena *a;
} pages;

static void push(pages *p, lay_pbreak b)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 16;
        p->v = arena_grow(p->a, p->v, sizeof *p->v, p->n, cap);
        p->cap = cap;
    }
    p->v[p->n++] = b;
}

/* The table repeated across the gap before item j, or 0. */
static int table_across(const lay_pitem *it, size_t n, size_t j)
{
    if (j == 0 || j >= n)
        return 0;
    return it[j].table > 0 && it[j].table == it[j - 1].table ? it[j].table : 0;
}

size_t lay_page_fill(const lay_pitem *it, size_t n, size_t s, double h, double y0)
{
    double y = y0, fn = 0;
    size_t best_free = 0, best_keep = 0;
    int weakest = 0;
    for (size_t i = s; i < n; i++) {
        if (i > s) {
            if (it[i].brk)
                return i;
            int t = table_across(it, n, i);
            double foot = t ? it[i - 1].footer_h : 0;
            if (y + fn + foot <= h + 1e-6) {
                if (it[i].keep == 0)
                    best_free = i;
                else if (!best_keep || it[i].keep <= weakest) {
                    best_keep = i;
                    weakest = it[i].keep;
                }
            }
        }
        double gap = (i == s && it[i].discard) ? 0 : it[i].space;
        double bottom = y + gap + it[i].height + fn + it[i].footnote_h;
        if (i > s && bottom > h + 1e-6) {
            if (best_free)
                return best_free;
            return best_keep ? best_keep : i;
        }
        y += gap + it[i].height;
        fn += it[i].footnote_h;
    }
    return n;
}

size_t lay_paginate(const lay_pitem *items, size_t n, lay_avail_fn avail, void *ud,
                    int first_number, lay_pbreak **out, arena *a)
{
    pages p = {.a = a};
    size_t s = 0;
    int header = 0;
    do {
        int number = first_number + (int)p.n;
        fo_kw brk = s < n ? items[s].brk : 0;
        if ((brk == FO_KW_odd_page && number % 2 == 0) ||
            (brk == FO_KW_even_page && number % 2 != 0)) {
            push(&p, (lay_pbreak){s, s, true, 0, 0, NULL, 0});
            continue;
        }
        double h = avail(ud, p.n);
        double y0 = header ? items[s].header_h : 0;
        size_t e = s < n ? lay_page_fill(items, n, s, h, y0) : n;
        int footer = table_across(items, n, e);
        push(&p, (lay_pbreak){s, e, false, header, footer, NULL, 0});
        header = footer;
        s = e;
    } while (s < n);
    *out = p.v;
    return p.n;
}
