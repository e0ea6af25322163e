/* Unit tests of table column widths (fixed, percentage, proportional and auto). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "layout/layout_internal.h"

#define EPS 1e-6

static fo_len len(double abs, double rel, double prop)
{
    return (fo_len){abs, rel, prop, FO_KW_UNSET};
}

static const fo_len AUTO = {0, 0, 0, FO_KW_auto};

typedef struct {
    const char *name;
    int n;
    fo_len specs[4];
    double width;
    double expect[4];
} column_case;

static const column_case cases[] = {
    {"fixed only", 2, {{100, 0, 0, 0}, {50, 0, 0, 0}}, 400, {100, 50}},
    {"percentages", 2, {{0, 0.25, 0, 0}, {0, 0.75, 0, 0}}, 400, {100, 300}},
    {"fixed + proportional 2:1", 3, {{100, 0, 0, 0}, {0, 0, 2, 0}, {0, 0, 1, 0}}, 400,
     {100, 200, 100}},
    {"percent + proportional", 2, {{0, 0.5, 0, 0}, {0, 0, 1, 0}}, 300, {150, 150}},
    {"auto columns share the rest", 3, {{60, 0, 0, 0}, {0, 0, 0, FO_KW_auto}, {0, 0, 0, FO_KW_auto}},
     200, {60, 70, 70}},
    {"proportional plus a length", 2, {{10, 0, 1, 0}, {0, 0, 1, 0}}, 110, {60, 50}},
    {"overfull fixed columns keep their widths", 2, {{300, 0, 0, 0}, {0, 0, 1, 0}}, 200,
     {300, 0}},
};

static void test_column_widths(void **state)
{
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const column_case *c = &cases[k];
        double out[4] = {0};
        lay_table_column_widths(c->specs, c->n, c->width, out);
        for (int i = 0; i < c->n; i++) {
            if (out[i] < c->expect[i] - EPS || out[i] > c->expect[i] + EPS)
                fail_msg("%s: column %d is %g, expected %g", c->name, i, out[i], c->expect[i]);
        }
    }
}

static void test_all_auto_is_equal(void **state)
{
    fo_len specs[4] = {AUTO, AUTO, AUTO, AUTO};
    double out[4];
    lay_table_column_widths(specs, 4, 480, out);
    for (int i = 0; i < 4; i++)
        assert_true(out[i] > 120 - EPS && out[i] < 120 + EPS);
    (void)len;
}

typedef struct {
    const char *name;
    int n;
    fo_len specs[4];
    double minw[4], maxw[4];
    double width;
    double expect[4];
} auto_case;

#define A {0, 0, 0, FO_KW_auto}

static const auto_case auto_cases[] = {
    /* all max-content widths fit: each gets its max, the slack shared in proportion */
    {"max fits, slack by max", 3, {A, A, A}, {10, 40, 20}, {20, 100, 80}, 400, {40, 200, 160}},
    {"max exactly fits", 2, {A, A}, {10, 10}, {100, 200}, 300, {100, 200}},
    /* between: min plus the room left in proportion to max - min */
    {"between min and max", 2, {A, A}, {20, 50}, {40, 250}, 170,
     {20 + 20 * 100 / 220.0, 50 + 200 * 100 / 220.0}},
    /* not even the min fits: min scaled down */
    {"below min", 2, {A, A}, {100, 300}, {200, 600}, 200, {50, 150}},
    /* a fixed column keeps its width, the auto ones share the rest by content */
    {"fixed and auto", 3, {{100, 0, 0, 0}, A, A}, {0, 10, 10}, {0, 50, 150}, 300, {100, 50, 150}},
    /* percentages too */
    {"percent and auto", 2, {{0, 0.5, 0, 0}, A}, {0, 10}, {0, 20}, 200, {100, 100}},
    /* proportional columns take what the auto columns' max-content leaves */
    {"proportional and auto", 3, {{0, 0, 1, 0}, A, {0, 0, 3, 0}}, {0, 10, 0}, {0, 60, 0}, 460,
     {100, 60, 300}},
    /* a long text next to short labels: the text takes nearly all the room left */
    {"long text and labels", 3, {A, A, A}, {12, 60, 40}, {14, 900, 90}, 480,
     {12 + 2 * 368 / 892.0, 60 + 840 * 368 / 892.0, 40 + 50 * 368 / 892.0}},
    /* empty auto columns share equally */
    {"empty columns", 2, {A, A}, {0, 0}, {0, 0}, 100, {50, 50}},
};

static void test_auto_widths(void **state)
{
    for (size_t k = 0; k < sizeof auto_cases / sizeof *auto_cases; k++) {
        const auto_case *c = &auto_cases[k];
        double out[4] = {0}, sum = 0;
        lay_table_auto_widths(c->specs, c->minw, c->maxw, c->n, c->width, out);
        for (int i = 0; i < c->n; i++)
            sum += out[i];
        if (sum > c->width + EPS)
            fail_msg("%s: columns take %g, more than %g", c->name, sum, c->width);
        for (int i = 0; i < c->n; i++) {
            if (out[i] < c->expect[i] - 1e-6 || out[i] > c->expect[i] + 1e-6)
                fail_msg("%s: column %d is %g, expected %g", c->name, i, out[i], c->expect[i]);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_column_widths),
        cmocka_unit_test(test_all_auto_is_equal),
        cmocka_unit_test(test_auto_widths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
