/* Unit tests of page masters and page numbers: number formats, page geometry of a
 * simple-page-master, the choice of master in a page-sequence-master, what citations
 * wait on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout/layout_internal.h"

static void test_number_formats(void **state)
{
    static const struct {
        int n;
        const char *format, *expect;
    } cases[] = {
        {1, "1", "1"},       {42, "1", "42"},        {7, "01", "07"},    {7, "001", "007"},
        {123, "01", "123"},  {4, "i", "iv"},         {9, "i", "ix"},     {14, "I", "XIV"},
        {1994, "I", "MCMXCIV"}, {1, "a", "a"},       {26, "a", "z"},     {27, "A", "AA"},
        {3, NULL, "3"},      {0, "i", "0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[32];
        lay_format_number(cases[i].n, cases[i].format, buf, sizeof buf);
        if (strcmp(buf, cases[i].expect) != 0)
            fail_msg("%d in '%s': got '%s', expected '%s'", cases[i].n,
                     cases[i].format ? cases[i].format : "(null)", buf, cases[i].expect);
    }
}

static const char masters_fo[] =
    "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'><fo:layout-master-set>"
    "<fo:simple-page-master master-name='first' page-width='200pt' page-height='300pt'"
    " margin-top='10pt' margin-bottom='20pt' margin-left='30pt' margin-right='40pt'>"
    "<fo:region-body margin-top='15pt' margin-bottom='25pt'/>"
    "<fo:region-before extent='12pt'/><fo:region-after extent='18pt'/>"
    "<fo:region-start extent='5pt'/>"
    "</fo:simple-page-master>"
    "<fo:simple-page-master master-name='odd'><fo:region-body/></fo:simple-page-master>"
    "<fo:simple-page-master master-name='even'><fo:region-body/></fo:simple-page-master>"
    "<fo:simple-page-master master-name='blank'><fo:region-body/></fo:simple-page-master>"
    "<fo:page-sequence-master master-name='book'>"
    "<fo:single-page-master-reference master-reference='first'/>"
    "<fo:repeatable-page-master-alternatives>"
    "<fo:conditional-page-master-reference master-reference='blank' blank-or-not-blank='blank'/>"
    "<fo:conditional-page-master-reference master-reference='odd' odd-or-even='odd'/>"
    "<fo:conditional-page-master-reference master-reference='even' odd-or-even='even'/>"
    "</fo:repeatable-page-master-alternatives></fo:page-sequence-master>"
    "<fo:page-sequence-master master-name='firstrest'>"
    "<fo:repeatable-page-master-alternatives>"
    "<fo:conditional-page-master-reference master-reference='first' page-position='first'/>"
    "<fo:conditional-page-master-reference master-reference='odd' page-position='rest'/>"
    "</fo:repeatable-page-master-alternatives></fo:page-sequence-master>"
    "<fo:page-sequence-master master-name='twice'>"
    "<fo:repeatable-page-master-reference master-reference='odd' maximum-repeats='2'/>"
    "<fo:repeatable-page-master-reference master-reference='even'/>"
    "</fo:page-sequence-master>"
    "</fo:layout-master-set></fo:root>";

static const fo_node *find_master(const fo_node *root, const char *name)
{
    const fo_node *lms = fo_child(root, FO_LAYOUT_MASTER_SET);
    for (const fo_node *c = lms ? lms->first_child : NULL; c; c = c->next_sibling)
        if (c->props->master_name && strcmp(c->props->master_name, name) == 0)
            return c;
    return NULL;
}

static fo_node *parse(arena *a, diag *d)
{
    fo_node *root = fo_parse_memory(masters_fo, sizeof masters_fo - 1, "masters.fo", a, d);
    assert_non_null(root);
    return root;
}

#define NEAR(x, y) assert_true(fabs((x) - (y)) < 1e-6)

static void test_geometry(void **state)
{
    arena *a = arena_new();
    diag *d = diag_new(stderr);
    fo_node *root = parse(a, d);
    lay_geometry g;
    lay_master_geometry(find_master(root, "first"), &g);
    NEAR(g.width, 200);
    NEAR(g.height, 300);
    NEAR(g.body_x, 30);
    NEAR(g.body_y, 25);
    NEAR(g.body_w, 130);
    NEAR(g.body_h, 300 - 10 - 20 - 15 - 25);
    assert_true(g.has_region[0] && g.has_region[1] && g.has_region[2] && !g.has_region[3]);
    NEAR(g.ry[0], 10);
    NEAR(g.rh[0], 12);
    NEAR(g.ry[1], 300 - 20 - 18);
    /* without precedence, before and after leave room for region-start */
    NEAR(g.rx[0], 35);
    NEAR(g.rw[0], 125);
    NEAR(g.rx[2], 30);
    NEAR(g.rw[2], 5);
    assert_string_equal(g.region_name[0], "xsl-region-before");
    diag_destroy(d);
    arena_destroy(a);
}

static void test_pick_first_odd_even_blank(void **state)
{
    arena *a = arena_new();
    diag *d = diag_new(stderr);
    fo_node *root = parse(a, d);
    const fo_node *book = find_master(root, "book");
    lay_master_state st = {0};
    assert_string_equal(lay_master_pick(book, &st, true, false, true, false), "first");
    assert_string_equal(lay_master_pick(book, &st, false, false, false, false), "even");
    assert_string_equal(lay_master_pick(book, &st, false, false, true, false), "odd");
    assert_string_equal(lay_master_pick(book, &st, false, false, false, true), "blank");
    assert_string_equal(lay_master_pick(book, &st, false, false, true, false), "odd");

    const fo_node *fr = find_master(root, "firstrest");
    lay_master_state s2 = {0};
    assert_string_equal(lay_master_pick(fr, &s2, true, false, true, false), "first");
    assert_string_equal(lay_master_pick(fr, &s2, false, false, false, false), "odd");
    assert_string_equal(lay_master_pick(fr, &s2, false, false, true, false), "odd");

    const fo_node *tw = find_master(root, "twice");
    lay_master_state s3 = {0};
    assert_string_equal(lay_master_pick(tw, &s3, true, false, true, false), "odd");
    assert_string_equal(lay_master_pick(tw, &s3, false, false, false, false), "odd");
    assert_string_equal(lay_master_pick(tw, &s3, false, false, true, false), "even");
    assert_string_equal(lay_master_pick(tw, &s3, false, false, false, false), "even");
    diag_destroy(d);
    arena_destroy(a);
}

/* A citation's records: waiting (no value at all: a placeholder shown) and unknown (no value
 * of this pass: what the page window's citing blocks wait on), superseded records aside. */
static void test_citations_waiting_and_unknown(void **state)
{
    (void)state;
    diag *d = diag_new(stderr);
    lay_ctx *ctx = lay_ctx_new(NULL, NULL, d);
    arena *a = arena_new();
    assert_string_equal(lay_ctx_cite(ctx, "a", false, a), "00"); /* record 0 */
    assert_true(lay_ctx_cites_waiting(ctx, 0, 1));
    assert_true(lay_ctx_cites_unknown(ctx, 0, 1));
    lay_ctx_id_place(ctx, "a", 12, "12", 12, "12");
    assert_false(lay_ctx_cites_waiting(ctx, 0, 1));
    assert_false(lay_ctx_cites_unknown(ctx, 0, 1));
    assert_true(lay_ctx_cites_changed(ctx, 0, 1));
    lay_ctx_cite(ctx, "b", false, a); /* record 1, laid out again: superseded */
    lay_ctx_cites_supersede(ctx, 1, 2);
    assert_false(lay_ctx_cites_unknown(ctx, 1, 2));
    assert_false(lay_ctx_cites_waiting(ctx, 1, 2));
    assert_true(lay_ctx_cites_waiting_any(ctx, 1, 2));
    lay_ctx_id_place(ctx, "b", 14, "14", 14, "14");
    lay_ctx_pass_done(ctx);
    /* the next pass shows the last one's value: not waiting, unknown until placed again */
    assert_string_equal(lay_ctx_cite(ctx, "a", false, a), "12");
    size_t r = lay_ctx_cite_mark(ctx) - 1;
    assert_false(lay_ctx_cites_waiting(ctx, r, r + 1));
    assert_true(lay_ctx_cites_unknown(ctx, r, r + 1));
    lay_ctx_id_place(ctx, "a", 13, "13", 13, "13");
    assert_false(lay_ctx_cites_unknown(ctx, r, r + 1));
    /* a last page that may still move: unknown until settled */
    lay_ctx_id_place(ctx, "c", 20, "20", 21, "21");
    lay_ctx_id_provisional(ctx, "c");
    lay_ctx_cite(ctx, "c", true, a);
    r = lay_ctx_cite_mark(ctx) - 1;
    assert_true(lay_ctx_cites_unknown(ctx, r, r + 1));
    lay_ctx_id_settled(ctx, "c");
    assert_false(lay_ctx_cites_unknown(ctx, r, r + 1));
    arena_destroy(a);
    lay_ctx_destroy(ctx);
    diag_destroy(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_number_formats),
        cmocka_unit_test(test_geometry),
        cmocka_unit_test(test_pick_first_odd_even_blank),
        cmocka_unit_test(test_citations_waiting_and_unknown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
