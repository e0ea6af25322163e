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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_column_widths),
        cmocka_unit_test(test_all_auto_is_equal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
