/* Page breaking over a galley's decision data: a pure function, unit tested.
 *
 * First fit: items fill a page until one overflows; the page then ends at the latest
 * free break that fits, or failing that at the break of the weakest keep. Widows and
 * orphans arrive here as keeps between lines. A break between two rows of one table
 * repeats that table's footer at the page bottom and its header on the next page, so
 * their heights count in the fit.
 */
#include "layout/layout_internal.h"
#include "util/grow.h"

typedef struct {
    lay_pbreak *v;
    size_t n, cap;
    arena *a;
} pages;

static void push(pages *p, lay_pbreak b)
{
    GROW_ARENA_ZEROED(p->a, p->v, p->n, p->cap, 1, 16);
    p->v[p->n++] = b;
}

/* The table repeated across the gap before item j, or 0. */
static int table_across(const lay_pitem *it, size_t n, size_t j)
{
    if (j == 0 || j >= n)
        return 0;
    return it[j].table > 0 && it[j].table == it[j - 1].table ? it[j].table : 0;
}

/* Before-floats of the page being filled: those of items [from, to) are on it, `top` is
 * the height they take with their separator, and `blocked` says an earlier float waits for
 * a later page, so that no float of this page's items may pass it. */
typedef struct {
    size_t from, to;
    double top;
    bool blocked;
} floats;

/* The room float `it` takes on a page holding `fl` already. */
static double float_room(const lay_pitem *it, const floats *fl)
{
    return it->float_h + (fl->top > 0 ? 0 : it->float_sep_h);
}

/* The floats that waited (items [fl->from, s)) at the top of the page starting at item
 * `s`, as many as fit in `h`, in order; the first always goes (a float taller than a page
 * gets a page of its own). */
static void floats_waiting(const lay_pitem *it, size_t s, double h, floats *fl)
{
    size_t j = fl->from;
    for (; j < s; j++) {
        if (it[j].float_h <= 0)
            continue;
        double room = float_room(&it[j], fl);
        if (fl->top > 0 && fl->top + room > h + 1e-6) {
            fl->blocked = true;
            break;
        }
        fl->top += room;
    }
    fl->to = j;
}

static bool floats_left(const lay_pitem *it, size_t from, size_t n)
{
    for (size_t j = from; j < n; j++)
        if (it[j].float_h > 0)
            return true;
    return false;
}

/* Where the page starting at `s` ends (exclusive). The floats of its items join `fl`
 * while they fit with them. */
static size_t page_end(const lay_pitem *it, size_t n, size_t s, double h, double y0,
                       floats *fl)
{
    double y = y0 + fl->top, fn = 0;
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
        if (it[i].float_h > 0 && !fl->blocked) {
            double room = float_room(&it[i], fl);
            if (bottom + room <= h + 1e-6) {
                y += room;
                fl->top += room;
                fl->to = i + 1;
            } else {
                fl->blocked = true; /* it waits for the next page, and those after it */
            }
        }
    }
    return n;
}

size_t lay_page_fill(const lay_pitem *it, size_t n, size_t s, double h, double y0)
{
    floats none = {.blocked = true}; /* columns: no before-float is placed */
    return page_end(it, n, s, h, y0, &none);
}

size_t lay_paginate_resume(const lay_pitem *items, size_t n, bool more, int header,
                           lay_avail_fn avail, void *ud, int first_number, lay_pbreak **out,
                           arena *a)
{
    pages p = {.a = a};
    size_t s = 0, placed = 0; /* floats of items before `placed` are on earlier pages */
    do {
        int number = first_number + (int)p.n;
        fo_kw brk = s < n ? items[s].brk : 0;
        if (more && s == n)
            break; /* what comes next decides where that page starts */
        if ((brk == FO_KW_odd_page && number % 2 == 0) ||
            (brk == FO_KW_even_page && number % 2 != 0)) {
            push(&p, (lay_pbreak){.start = s, .end = s, .blank = true, .float_from = placed,
                                  .float_to = placed});
            continue;
        }
        double h = avail(ud, p.n);
        double y0 = header ? items[s].header_h : 0;
        floats fl = {.from = placed, .to = placed};
        floats_waiting(items, s, h, &fl);
        size_t e = s < n ? page_end(items, n, s, h, y0, &fl) : n;
        if (more && (e == n || fl.blocked || floats_left(items, fl.from, n)))
            break; /* it ran out of items, or its floats wait: items to come may join it */
        if (fl.to > e && e > s)
            fl.to = e; /* the page ends before the anchor of a float it took */
        placed = fl.to > placed ? fl.to : placed;
        int footer = table_across(items, n, e);
        push(&p, (lay_pbreak){.start = s, .end = e, .header_table = header,
                              .footer_table = footer, .float_from = fl.from,
                              .float_to = placed});
        header = footer;
        s = e;
    } while (s < n || (!more && floats_left(items, placed, n)));
    *out = p.v;
    return p.n;
}

size_t lay_paginate(const lay_pitem *items, size_t n, lay_avail_fn avail, void *ud,
                    int first_number, lay_pbreak **out, arena *a)
{
    return lay_paginate_resume(items, n, false, 0, avail, ud, first_number, out, a);
}
