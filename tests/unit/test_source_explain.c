/* Schema errors in an author's terms (source_explain.c): the model read from atelier.rng
 * agrees with libxml2 on valid sources (nothing to say), and says exactly one thing about
 * each invalid source of tests/sources/invalid (one mistake each). */
#include <glob.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "source/source.h"
#include "source/source_explain.h"
#include "support.h"

#define RNG "schema/atelier.rng"

/* Every file matching `pattern`, explained: the number of problems of each, summed, and
 * the files seen. */
static void explain_all(const char *pattern, int want_each, int *files)
{
    rng_model *m = rng_model_load(RNG);
    assert_non_null(m);
    source_schema *schema = NULL;
    glob_t g;
    assert_int_equal(glob(pattern, 0, NULL, &g), 0);
    for (size_t i = 0; i < g.gl_pathc; i++) {
        diag_capture c;
        diag_capture_open(&c);
        if (!schema)
            schema = source_schema_load(RNG, c.d);
        source *s = source_load(g.gl_pathv[i], c.d);
        if (!s)
            fprintf(stderr, "%s:\n%s", g.gl_pathv[i], diag_capture_text(&c));
        assert_non_null(s);
        bool valid = source_validate(schema, s, c.d);
        int n = source_explain(m, s, c.d);
        if (n != want_each)
            fprintf(stderr, "%s: %d problems, %d expected:\n%s", g.gl_pathv[i], n, want_each,
                    diag_capture_text(&c));
        assert_int_equal(n, want_each);
        assert_int_equal(valid, want_each == 0);
        source_destroy(s);
        diag_capture_close(&c);
        (*files)++;
    }
    globfree(&g);
    source_schema_destroy(schema);
    rng_model_destroy(m);
}

/* Relative names from the source tree's root, as a user types them. */
static int enter_root(void **state)
{
    return chdir(TEST_DATA_DIR "/..");
}

static void test_valid_sources_have_nothing_to_say(void **state)
{
    int files = 0;
    explain_all("examples/*/atelier.xml", 0, &files);
    explain_all("examples/depot-partage/*/atelier.xml", 0, &files);
    explain_all("tests/sources/valid/*.xml", 0, &files);
    explain_all("tests/ateliers/*/atelier.xml", 0, &files);
    assert_true(files >= 5);
}

static void test_one_mistake_one_message(void **state)
{
    int files = 0;
    explain_all("tests/sources/invalid/*.xml", 1, &files);
    assert_true(files >= 9);
}

static void test_values_read_from_the_schema(void **state)
{
    rng_model *m = rng_model_load(RNG);
    assert_non_null(m);
    xmlNode *atelier = rng_root_element(m, "atelier");
    assert_non_null(atelier);
    const rng_content *c = rng_content_of(m, atelier);
    const rng_item *format = rng_find(c->attrs, "format");
    assert_non_null(format);
    assert_true(format->required);
    GString *values = g_string_new(NULL);
    assert_true(rng_value_list(m, rng_attribute_value(format->pattern), values));
    assert_string_equal(values->str, "national, local, flash");
    assert_false(rng_value_ok(m, rng_attribute_value(format->pattern), "regional"));
    assert_true(rng_value_ok(m, rng_attribute_value(format->pattern), "flash"));
    const rng_item *annee = rng_find(c->attrs, "annee");
    assert_true(rng_value_ok(m, rng_attribute_value(annee->pattern), "2025"));
    assert_false(rng_value_ok(m, rng_attribute_value(annee->pattern), "25"));
    g_string_truncate(values, 0);
    rng_value_expected(m, rng_attribute_value(annee->pattern), values);
    assert_string_equal(values->str, "a year such as 2025");
    /* the children of the atelier, in the schema's order */
    const rng_item *titre = rng_find(c->elems, "titre"), *theme = rng_find(c->elems, "theme");
    assert_true(titre && theme && titre->order < theme->order && titre->required);
    assert_false(rng_knows_element(m, "dynamique"));
    assert_true(rng_knows_element(m, "dynamiques"));
    g_string_free(values, TRUE);
    rng_model_destroy(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_sources_have_nothing_to_say),
        cmocka_unit_test(test_one_mistake_one_message),
        cmocka_unit_test(test_values_read_from_the_schema),
    };
    return cmocka_run_group_tests(tests, enter_root, NULL);
}
