/* Unit tests of page breaking into columns (lay_paginate_columns): a pure function over
 * item heights, spans and breaks, so no fonts are involved. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "layout/lay_columns.h"

/* Pages of height ud[0], ud[1] columns, columns 100 apart. */
static lay_colframe frame(void *ud, size_t index)
{
    const double *f = ud;
    return (lay_colframe){f[0], (int)f[1], 100};
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

static void assert_slot(const lay_colslot *s, size_t start, size_t end, double x, double y)
{
    assert_int_equal(s->start, start);
    assert_int_equal(s->end, end);
    assert_true(s->x == x);
    assert_true(s->y == y);
}

static void test_columns_fill_in_turn_and_the_last_page_is_not_balanced(void **state)
{
    arena *a = arena_new();
    lay_pitem it[10];
    unsigned char span[10] = {0};
    lines(it, 10, 10);
    double f[2] = {35, 2};
    lay_pbreak *pb;
    size_t np = lay_paginate_columns(it, span, 10, frame, f, 1, &pb, a);
    assert_int_equal(np, 2);
    assert_int_equal(pb[0].nslots, 2);
    assert_slot(&pb[0].slots[0], 0, 3, 0, 0);
    assert_slot(&pb[0].slots[1], 3, 6, 100, 0);
    assert_int_equal(pb[1].start, 6);
    assert_int_equal(pb[1].nslots, 2); /* 3 + 1, as FOP 2.8 leaves them */
    assert_slot(&pb[1].slots[0], 6, 9, 0, 0);
    assert_slot(&pb[1].slots[1], 9, 10, 100, 0);
    arena_destroy(a);
}

static void test_columns_are_balanced_above_a_span(void **state)
{
    arena *a = arena_new();
    lay_pitem it[12];
    unsigned char span[12] = {0};
    lines(it, 12, 10);
    span[5] = 1; /* five lines, a title across, six lines */
    it[5].space = 4;
    it[5].discard = false;
    double f[2] = {100, 2};
    lay_pbreak *pb;
    size_t np = lay_paginate_columns(it, span, 12, frame, f, 1, &pb, a);
    assert_int_equal(np, 1);
    assert_int_equal(pb[0].nslots, 5);
    assert_slot(&pb[0].slots[0], 0, 3, 0, 0);
    assert_slot(&pb[0].slots[1], 3, 5, 100, 0);
    assert_slot(&pb[0].slots[2], 5, 6, 0, 30);  /* its space kept: not discardable */
    assert_slot(&pb[0].slots[3], 6, 11, 0, 44); /* the columns resume below it */
    assert_slot(&pb[0].slots[4], 11, 12, 100, 44);
    double xs[12], ys[12];
    lay_columns_place(&pb[0], it, xs, ys);
    assert_true(ys[5] == 34);
    assert_true(ys[4] == 10 && xs[4] == 100);
    arena_destroy(a);
}

static void test_column_and_page_breaks(void **state)
{
    arena *a = arena_new();
    lay_pitem it[8];
    unsigned char span[8] = {0};
    lines(it, 8, 10);
    it[2].brk = FO_KW_column;
    it[5].brk = FO_KW_page;
    double f[2] = {100, 3};
    lay_pbreak *pb;
    size_t np = lay_paginate_columns(it, span, 8, frame, f, 1, &pb, a);
    assert_int_equal(np, 2);
    assert_int_equal(pb[0].nslots, 2);
    assert_slot(&pb[0].slots[0], 0, 2, 0, 0);
    assert_slot(&pb[0].slots[1], 2, 5, 100, 0);
    assert_int_equal(pb[1].start, 5);
    assert_slot(&pb[1].slots[0], 5, 8, 0, 0);
    arena_destroy(a);
}

static void test_footnotes_leave_room_in_every_column(void **state)
{
    arena *a = arena_new();
    lay_pitem it[8];
    unsigned char span[8] = {0};
    lines(it, 8, 10);
    it[0].footnote_h = 15; /* cited by the first line: the page's columns are 25 high */
    double f[2] = {40, 2};
    lay_pbreak *pb;
    lay_paginate_columns(it, span, 8, frame, f, 1, &pb, a);
    assert_slot(&pb[0].slots[0], 0, 2, 0, 0);
    assert_slot(&pb[0].slots[1], 2, 4, 100, 0);
    arena_destroy(a);
}

static void test_a_note_below_a_full_column_waits(void **state)
{
    arena *a = arena_new();
    lay_pitem it[8];
    unsigned char span[8] = {0};
    lines(it, 8, 10);
    it[5].footnote_h = 15; /* under a full first column: its line waits for the next page */
    double f[2] = {40, 2};
    lay_pbreak *pb;
    lay_paginate_columns(it, span, 8, frame, f, 1, &pb, a);
    assert_slot(&pb[0].slots[0], 0, 4, 0, 0);
    assert_slot(&pb[0].slots[1], 4, 5, 100, 0);
    assert_int_equal(pb[1].start, 5);
    arena_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_columns_fill_in_turn_and_the_last_page_is_not_balanced),
        cmocka_unit_test(test_columns_are_balanced_above_a_span),
        cmocka_unit_test(test_column_and_page_breaks),
        cmocka_unit_test(test_footnotes_leave_room_in_every_column),
        cmocka_unit_test(test_a_note_below_a_full_column_waits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
