/* Unit tests of page breaking (lay_paginate): a pure function over item heights, gaps,
 * keeps and forced breaks, so no fonts are involved. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "layout/layout_internal.h"

static double fixed_height(void *ud, size_t index)
{
    return *(double *)ud;
}

/* Items of height h each, no spaces, no keeps. */
static void lines(lay_pitem *it, size_t n, double h)
{
    memset(it, 0, n * sizeof *it);
    for (size_t i = 0; i < n; i++) {
        it[i].height = h;
        it[i].discard = true;
    }
}

static size_t run(const lay_pitem *it, size_t n, double page_h, int first, lay_pbreak **pb,
                  arena *a)
{
    return lay_paginate(it, n, fixed_height, &page_h, first, pb, a);
}

static void test_fill(void **state)
{
    arena *a = arena_new();
    lay_pitem it[10];
    lines(it, 10, 10);
    lay_pbreak *pb;
    size_t np = run(it, 10, 35, 1, &pb, a);
    assert_int_equal(np, 4); /* 3 + 3 + 3 + 1 */
    assert_int_equal(pb[0].start, 0);
    assert_int_equal(pb[0].end, 3);
    assert_int_equal(pb[3].start, 9);
    assert_int_equal(pb[3].end, 10);
    arena_destroy(a);
}

static void test_empty_flow_gives_one_page(void **state)
{
    arena *a = arena_new();
    lay_pbreak *pb;
    assert_int_equal(run(NULL, 0, 100, 1, &pb, a), 1);
    assert_int_equal(pb[0].start, 0);
    assert_int_equal(pb[0].end, 0);
    arena_destroy(a);
}

static void test_keep_moves_break_back(void **state)
{
    arena *a = arena_new();
    lay_pitem it[6];
    lines(it, 6, 10);
    it[3].keep = FO_KEEP_ALWAYS; /* keep-with-next on item 2 */
    it[2].keep = FO_KEEP_ALWAYS; /* and item 1 */
    lay_pbreak *pb;
    size_t np = run(it, 6, 35, 1, &pb, a);
    assert_int_equal(np, 3);
    assert_int_equal(pb[0].end, 1); /* items 1..3 go together */
    assert_int_equal(pb[1].end, 4);
    arena_destroy(a);
}

static void test_weakest_keep_breaks_when_nothing_is_free(void **state)
{
    arena *a = arena_new();
    lay_pitem it[5];
    lines(it, 5, 10);
    it[1].keep = 5;
    it[2].keep = 3;
    it[3].keep = FO_KEEP_ALWAYS;
    it[4].keep = FO_KEEP_ALWAYS;
    lay_pbreak *pb;
    run(it, 5, 35, 1, &pb, a);
    assert_int_equal(pb[0].end, 2); /* strength 3 is the weakest */
    arena_destroy(a);
}

/* A 5-line paragraph with widows = orphans = 2, as lay_inline.c encodes them. */
static void test_widows_and_orphans(void **state)
{
    arena *a = arena_new();
    lay_pitem it[7];
    lines(it, 7, 10);
    /* items 0, 1: a block; 2..6: the paragraph */
    it[3].keep = LAY_KEEP_LINES; /* orphans: not after the paragraph's first line */
    it[6].keep = LAY_KEEP_LINES; /* widows: not before its last line */
    lay_pbreak *pb;
    run(it, 7, 35, 1, &pb, a); /* would break after 3 items: one orphan line */
    assert_int_equal(pb[0].end, 2);
    run(it, 7, 65, 1, &pb, a); /* would break before the last line: a widow */
    assert_int_equal(pb[0].end, 5);
    arena_destroy(a);
}

static void test_forced_breaks_and_blank_pages(void **state)
{
    arena *a = arena_new();
    lay_pitem it[4];
    lines(it, 4, 10);
    it[1].brk = FO_KW_page;
    it[2].brk = FO_KW_odd_page; /* page 2 holds item 1: item 2 must go on page 3 */
    it[3].brk = FO_KW_odd_page; /* page 3 holds item 2: a blank page 4 first */
    lay_pbreak *pb;
    size_t np = run(it, 4, 100, 1, &pb, a);
    assert_int_equal(np, 5);
    assert_false(pb[0].blank);
    assert_int_equal(pb[1].start, 1);
    assert_int_equal(pb[2].start, 2);
    assert_true(pb[3].blank);
    assert_int_equal(pb[4].start, 3);
    /* starting on an even number, a first item asking for an odd page gets a blank */
    lines(it, 1, 10);
    it[0].brk = FO_KW_odd_page;
    np = run(it, 1, 100, 2, &pb, a);
    assert_int_equal(np, 2);
    assert_true(pb[0].blank);
    arena_destroy(a);
}

static void test_space_discarded_at_page_top(void **state)
{
    arena *a = arena_new();
    lay_pitem it[4];
    lines(it, 4, 10);
    for (int i = 0; i < 4; i++)
        it[i].space = 5;
    it[2].discard = true;
    lay_pbreak *pb;
    /* page 1: 10 + 5 + 10 = 25; item 2 needs 15 more (40 > 30) */
    run(it, 4, 30, 1, &pb, a);
    assert_int_equal(pb[0].end, 2);
    /* page 2: item 2's space is discarded: 10 + 5 + 10 = 25 fits */
    assert_int_equal(pb[1].end, 4);
    /* a retained space counts */
    it[2].discard = false;
    size_t np = run(it, 4, 27, 1, &pb, a);
    assert_int_equal(np, 3);
    arena_destroy(a);
}

static void test_table_rows_and_repeated_header(void **state)
{
    arena *a = arena_new();
    lay_pitem it[8];
    lines(it, 8, 10);
    /* item 0: header row (not repeated part); 1..6 body rows of table 1; 7 after */
    for (int i = 1; i <= 6; i++) {
        it[i].table = 1;
        it[i].header_h = 10;
        it[i].footer_h = 5;
        it[i].height = 12;
    }
    it[1].keep = FO_KEEP_ALWAYS; /* header with the first row */
    lay_pbreak *pb;
    size_t np = run(it, 8, 50, 1, &pb, a);
    /* page 1: header 10 + rows 12 + 12 = 34, + footer 5 = 39; a third row: 46 + 5 > 50 */
    assert_int_equal(pb[0].end, 3);
    assert_int_equal(pb[0].footer_table, 1);
    assert_int_equal(pb[1].header_table, 1);
    /* page 2: repeated header 10 + 3 rows (46) + footer 5 > 50: 2 rows... */
    assert_int_equal(pb[1].start, 3);
    assert_int_equal(pb[1].end, 5);
    /* the last page ends after the table: no footer repeated there */
    assert_int_equal(pb[np - 1].end, 8);
    assert_int_equal(pb[np - 1].footer_table, 0);
    arena_destroy(a);
}

static void test_tall_item_gets_its_own_page(void **state)
{
    arena *a = arena_new();
    lay_pitem it[3];
    lines(it, 3, 10);
    it[1].height = 500;
    lay_pbreak *pb;
    size_t np = run(it, 3, 100, 1, &pb, a);
    assert_int_equal(np, 3);
    assert_int_equal(pb[1].start, 1);
    assert_int_equal(pb[1].end, 2);
    arena_destroy(a);
}

static void test_footnotes_take_room(void **state)
{
    arena *a = arena_new();
    lay_pitem it[4];
    lines(it, 4, 10);
    it[1].footnote_h = 15;
    lay_pbreak *pb;
    run(it, 4, 40, 1, &pb, a);
    assert_int_equal(pb[0].end, 2); /* 20 + 15 of footnote: a third line would need 45 */
    arena_destroy(a);
}

/* Spaces meeting at a gap resolve to their maximum; a gap is discardable only when all
 * its spaces are; a stacked galley drops its leading discardable space. */
static void test_galley_space_resolution(void **state)
{
    arena *a = arena_new();
    lay_galley g;
    lay_galley_init(&g, a);
    lay_galley_space(&g, 12, true); /* space-before of the first block */
    lay_galley_item(&g, 10);
    lay_galley_space(&g, 6, true);  /* space-after of block 1 */
    lay_galley_space(&g, 9, false); /* space-before of block 2, retained */
    lay_galley_keep(&g, 3);
    lay_galley_item(&g, 10);
    lay_galley_space(&g, 4, true);
    lay_galley_break(&g, FO_KW_page);
    lay_galley_item(&g, 10);
    assert_int_equal(g.n, 3);
    assert_true(g.pi[1].space == 9);
    assert_false(g.pi[1].discard);
    assert_int_equal(g.pi[1].keep, 3);
    assert_int_equal(g.pi[2].keep, 0);
    assert_int_equal(g.pi[2].brk, FO_KW_page);
    assert_true(g.pi[2].discard);
    assert_true(lay_galley_height(&g) == 10 + 9 + 10 + 4 + 10);
    arena_destroy(a);
}

/* initial-page-number and force-page-count="auto" between sequences */
typedef struct {
    const char *name;
    int next, ipn;
    bool after, force_auto, given;
    int expect;
    bool blank;
} start_case;

static void test_sequence_start_numbers(void **state)
{
    const start_case cases[] = {
        {"first sequence, auto", 1, FO_INT_KW(FO_KW_auto), false, true, false, 1, false},
        {"continues", 4, FO_INT_KW(FO_KW_auto), true, true, false, 4, false},
        {"auto-odd after an odd last page: blank page 4", 4, FO_INT_KW(FO_KW_auto_odd), true,
         true, false, 5, true},
        {"auto-odd already odd", 5, FO_INT_KW(FO_KW_auto_odd), true, true, false, 5, false},
        {"auto-even after an even last page", 5, FO_INT_KW(FO_KW_auto_even), true, true,
         false, 6, true},
        {"auto-odd, previous no-force: number skipped, no page", 4,
         FO_INT_KW(FO_KW_auto_odd), true, false, false, 5, false},
        {"explicit 1 after page 3: blank page 4 so the parity holds", 4, 1, true, true, true,
         1, true},
        {"explicit 20 after page 6: blank page 7", 7, 20, true, true, true, 20, true},
        {"explicit 20 after page 7: no blank", 8, 20, true, true, true, 20, false},
        {"explicit on the first sequence", 1, 5, false, true, true, 5, false},
        {"auto-odd on the first sequence: no page before", 2, FO_INT_KW(FO_KW_auto_odd), false,
         true, false, 3, false},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const start_case *c = &cases[k];
        bool blank = !c->blank;
        int n = lay_start_number(c->next, c->after, c->force_auto, c->ipn, c->given, &blank);
        if (n != c->expect || blank != c->blank)
            fail_msg("%s: got %d%s, expected %d%s", c->name, n, blank ? " after a blank" : "",
                     c->expect, c->blank ? " after a blank" : "");
    }
}

/* Before-floats: in order at the top of their anchor's page when they fit there, else on
 * the next pages; pages of floats alone after the last item. Table-driven: items of 10,
 * pages of 50. */
static void test_before_floats(void **state)
{
    static const struct {
        const char *what;
        double float_h[6]; /* float of each of the 6 items, 0 none */
        double sep;
        size_t pages;
        size_t end[4];          /* each page's end item */
        size_t from[4], to[4];  /* each page's floats */
    } cases[] = {
        {"one that fits with its anchor", {0, 15, 0, 0, 0, 0}, 0, 2, {3, 6}, {0, 2}, {2, 3}},
        {"two in order, the separator counted once", {0, 10, 5, 0, 0, 0}, 5, 2, {3, 6},
         {0, 3}, {3, 3}},
        {"too tall for what is left: next page", {0, 0, 0, 0, 25, 0}, 0, 2, {5, 6}, {0, 0},
         {0, 5}},
        {"a later one waits behind an earlier one", {0, 35, 5, 0, 0, 0}, 0, 2, {5, 6},
         {0, 0}, {0, 5}},
        {"floats left at the end get pages of their own", {0, 0, 0, 0, 0, 45}, 0, 3,
         {5, 6, 6}, {0, 0, 5}, {0, 5, 6}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        arena *a = arena_new();
        lay_pitem it[6];
        lines(it, 6, 10);
        for (size_t i = 0; i < 6; i++) {
            it[i].float_h = cases[c].float_h[i];
            it[i].float_sep_h = cases[c].float_h[i] > 0 ? cases[c].sep : 0;
        }
        lay_pbreak *pb;
        size_t np = run(it, 6, 50, 1, &pb, a);
        print_message("%s\n", cases[c].what);
        assert_int_equal(np, cases[c].pages);
        for (size_t p = 0; p < np; p++) {
            assert_int_equal(pb[p].end, cases[c].end[p]);
            assert_int_equal(pb[p].float_from, cases[c].from[p]);
            assert_int_equal(pb[p].float_to, cases[c].to[p]);
        }
        arena_destroy(a);
    }
}

/* Page heights by the page's index in the sequence: pages resumed later ask from there. */
typedef struct {
    size_t page0;
} heights;

static double varied_height(void *ud, size_t index)
{
    const heights *h = ud;
    return 60 + 10 * (double)((h->page0 + index) % 3);
}

static bool same_break(const lay_pbreak *x, const lay_pbreak *y, size_t shift)
{
    return x->start + shift == y->start && x->end + shift == y->end && x->blank == y->blank &&
           x->header_table == y->header_table && x->footer_table == y->footer_table;
}

/* The page window: items arrive one at a time; after each, the pages that are final are
 * taken and dropped, and pagination resumes after them. The pages taken, then those of
 * the rest paginated at the end, are exactly the pages of the whole. */
static void test_resumed_pagination_matches_the_whole(void **state)
{
    enum { N = 400 };
    lay_pitem it[N];
    unsigned seed = 12345;
    memset(it, 0, sizeof it);
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1103515245 + 12345;
        unsigned r = seed >> 16;
        it[i].height = 5 + r % 13;
        it[i].space = r % 4;
        it[i].discard = true;
        it[i].keep = r % 5 == 0 ? LAY_KEEP_LINES : r % 7 == 0 ? 1 : 0;
        it[i].brk = r % 97 == 0 ? FO_KW_page : r % 89 == 0 ? FO_KW_odd_page : 0;
        it[i].footnote_h = r % 31 == 0 ? 8 : 0;
        if (i >= 100 && i < 160) { /* a table whose header and footer repeat */
            it[i].table = 1;
            it[i].header_h = 7;
            it[i].footer_h = 4;
        }
        if (i == 300)
            it[i].height = 200; /* taller than a page */
        if (i == 130 || i == 131)
            it[i].brk = FO_KW_odd_page; /* blank pages inside the table: its header goes on */
    }
    arena *a = arena_new();
    heights hw = {0};
    lay_pbreak *whole;
    size_t nwhole = lay_paginate(it, N, varied_height, &hw, 1, &whole, a);

    size_t base = 0, pages = 0, resumes = 0;
    int header = 0;
    for (size_t n = 1; n <= N; n++) {
        arena *step = arena_new();
        heights h = {pages};
        lay_pbreak *pb;
        size_t k = lay_paginate_resume(it + base, n - base, true, header, varied_height, &h,
                                       1 + (int)pages, &pb, step);
        for (size_t p = 0; p < k; p++)
            assert_true(same_break(&pb[p], &whole[pages + p], base));
        if (k) {
            resumes++;
            header = lay_pbreak_header_after(pb, k, header);
            base += pb[k - 1].end;
            pages += k;
        }
        arena_destroy(step);
    }
    assert_true(resumes > 10);
    heights h = {pages};
    lay_pbreak *pb;
    size_t k = lay_paginate_resume(it + base, N - base, false, header, varied_height, &h,
                                   1 + (int)pages, &pb, a);
    assert_int_equal(pages + k, nwhole);
    for (size_t p = 0; p < k; p++)
        assert_true(same_break(&pb[p], &whole[pages + p], base));
    arena_destroy(a);
}

/* A page is not final while the items after it may still join it. */
static void test_resumed_pagination_keeps_the_open_page(void **state)
{
    arena *a = arena_new();
    lay_pitem it[5];
    lines(it, 5, 10);
    double h = 35;
    lay_pbreak *pb;
    /* 3 fit on a page: the 4th overflows it, so the first page is final */
    assert_int_equal(lay_paginate_resume(it, 3, true, 0, fixed_height, &h, 1, &pb, a), 0);
    assert_int_equal(lay_paginate_resume(it, 4, true, 0, fixed_height, &h, 1, &pb, a), 1);
    assert_int_equal(pb[0].end, 3);
    /* a keep between the 3rd and 4th: the page ends after the 2nd, final all the same */
    it[3].keep = 1;
    assert_int_equal(lay_paginate_resume(it, 4, true, 0, fixed_height, &h, 1, &pb, a), 1);
    assert_int_equal(pb[0].end, 2);
    /* every gap kept alike: the latest break */
    for (int i = 1; i < 5; i++)
        it[i].keep = LAY_KEEP_LINES;
    assert_int_equal(lay_paginate_resume(it, 4, true, 0, fixed_height, &h, 1, &pb, a), 1);
    assert_int_equal(pb[0].end, 3);
    /* a before-float: nothing is final */
    lines(it, 5, 10);
    it[0].float_h = 5;
    assert_int_equal(lay_paginate_resume(it, 5, true, 0, fixed_height, &h, 1, &pb, a), 0);
    arena_destroy(a);
}

/* Dropping the front of a galley: arrays shift, indices rebase, a decoration cut keeps
 * knowing it started before, markers static content may still retrieve survive. */
static void test_galley_drop_front(void **state)
{
    arena *a = arena_new();
    lay_galley g;
    lay_galley_init(&g, a);
    for (int i = 0; i < 10; i++) {
        lay_galley_item(&g, 10 + i);
        lay_box *b = lay_boxv_push(&g.boxes, a, LAY_RECT);
        b->y = i;
        if (i == 7)
            lay_boxv_push(lay_galley_fnotes(&g, 7), a, LAY_RECT)->y = 70;
    }
    lay_galley_decor(&g, (lay_decor){.first = 0, .last = 2});
    lay_galley_decor(&g, (lay_decor){.first = 2, .last = 6});
    lay_galley_decor(&g, (lay_decor){.first = 5, .last = 9});
    const char *A = "A", *B = "B";
    static fo_node nodes[6];
#define MARK(c, k, f, l) {.cls = c, .marker = &nodes[k], .first = f, .last = l}
    lay_markrec m[] = {MARK(A, 0, 0, 0), MARK(B, 1, 1, 1), MARK(A, 2, 2, 2),
                       MARK(B, 3, 3, 6), MARK(A, 4, 5, 5), MARK(B, 5, 8, 8)};
#undef MARK
    g.marks = m;
    g.nmarks = g.capmarks = 6;
    lay_idrec ids[] = {{"x", 1, 1, 0}, {"y", 4, 4, 0}, {"z", 6, 6, 0}};
    g.ids = ids;
    g.nids = g.capids = 3;
    lay_galley_mark mk;
    lay_galley_mark_get(&g, &mk);

    lay_galley_drop d = lay_galley_drop_front(&g, 4);
    assert_int_equal(g.n, 6);
    assert_true(g.pi[0].height == 14);
    assert_int_equal(g.ic[0].first, 0);
    assert_int_equal(g.boxes.n, 6);
    assert_true(g.boxes.v[0].y == 4);
    assert_int_equal(g.fnotes[3].n, 1);
    assert_true(g.fnotes[3].v[0].y == 70);
    assert_int_equal(g.fnotes[7].n, 0);
    /* decorations: [0,2] went, [2,6] is cut, [5,9] moved */
    assert_int_equal(g.ndecor, 2);
    assert_true(g.decor[0].continued);
    assert_int_equal(g.decor[0].first, 0);
    assert_int_equal(g.decor[0].last, 2);
    assert_false(g.decor[1].continued);
    assert_int_equal(g.decor[1].first, 1);
    /* markers: the last A before (2), B cut (3..6), A at 5, B at 8 */
    assert_int_equal(g.nmarks, 4);
    assert_true(g.marks[0].started_before && g.marks[0].ended_before);
    assert_true(g.marks[0].cls == A);
    assert_true(g.marks[1].started_before && !g.marks[1].ended_before);
    assert_int_equal(g.marks[1].last, 2);
    assert_int_equal(g.marks[2].first, 1);
    assert_false(g.marks[2].started_before);
    /* ids of the dropped items go */
    assert_int_equal(g.nids, 2);
    assert_int_equal(g.ids[0].first, 0);
    /* a mark taken before the drop follows */
    lay_galley_mark_rebase(&mk, &d);
    assert_int_equal(mk.n, g.n);
    assert_int_equal(mk.nboxes, g.boxes.n);
    assert_int_equal(mk.ndecor, g.ndecor);
    assert_int_equal(mk.nmarks, g.nmarks);
    assert_int_equal(mk.nids, g.nids);

    /* retrieval on the page of items [0, 3): first-including-carryover finds the cut B,
     * the last A before the page is A(2) when none starts on it */
    lay_pageinfo pg = {1, "1", &g, 0, 1, NULL, 0};
    assert_ptr_equal(lay_marker_find(&pg, "B", FO_KW_first_including_carryover), &nodes[3]);
    assert_ptr_equal(lay_marker_find(&pg, "A", FO_KW_first_starting_within_page), &nodes[2]);
    pg.end = 2;
    assert_ptr_equal(lay_marker_find(&pg, "A", FO_KW_first_starting_within_page), &nodes[4]);
    assert_ptr_equal(lay_marker_find(&pg, "B", FO_KW_first_starting_within_page), &nodes[3]);
    arena_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fill),
        cmocka_unit_test(test_empty_flow_gives_one_page),
        cmocka_unit_test(test_keep_moves_break_back),
        cmocka_unit_test(test_weakest_keep_breaks_when_nothing_is_free),
        cmocka_unit_test(test_widows_and_orphans),
        cmocka_unit_test(test_forced_breaks_and_blank_pages),
        cmocka_unit_test(test_space_discarded_at_page_top),
        cmocka_unit_test(test_table_rows_and_repeated_header),
        cmocka_unit_test(test_tall_item_gets_its_own_page),
        cmocka_unit_test(test_footnotes_take_room),
        cmocka_unit_test(test_before_floats),
        cmocka_unit_test(test_galley_space_resolution),
        cmocka_unit_test(test_sequence_start_numbers),
        cmocka_unit_test(test_resumed_pagination_matches_the_whole),
        cmocka_unit_test(test_resumed_pagination_keeps_the_open_page),
        cmocka_unit_test(test_galley_drop_front),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
