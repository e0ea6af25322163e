/* Building ateliers: outputs, dependency files, refusals, init. Uses the data of the source
 * tree (schema/, styles/, templates/) and tests/sources. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "deliver/deliver.h"
#include "util/depfile.h"
#include "support.h"

static char tmpdir[64];

static int setup(void **state)
{
    if (!scratch_new(tmpdir, "lv-deliver"))
        return -1;
    return chdir(TEST_DATA_DIR "/..");
}

static int teardown(void **state)
{
    return scratch_remove(tmpdir);
}

/* One atelier as FO: the file is written and the depfile lists the source, the stylesheet
 * modules, the charter and the schema, each with its phony rule. */
static void test_build_fo_with_depfile(void **state)
{
    if (access("templates/note-de-cadrage.xsl", R_OK) != 0)
        skip();
    char out[128], dep[128], fo[200];
    snprintf(out, sizeof out, "%s/fo", tmpdir);
    snprintf(dep, sizeof dep, "%s/fo.d", tmpdir);
    snprintf(fo, sizeof fo, "%s/vernay-sur-loue/note-de-cadrage.fo", out);
    deliver_options o;
    deliver_options_init(&o);
    o.out_dir = out;
    o.only = "note-de-cadrage";
    o.format = DELIVER_FO;
    o.depfile = dep;
    const char *paths[] = {"examples/atelier-flash/atelier.xml"};
    diag *d = diag_new(stderr);
    assert_int_equal(deliver_build(paths, 1, &o, d), 0);
    assert_int_equal(access(fo, R_OK), 0);
    char *text = read_whole_file(dep, NULL);
    assert_non_null(text);
    char head[256];
    snprintf(head, sizeof head, "%s: \\\n  examples/atelier-flash/atelier.xml \\\n", fo);
    assert_memory_equal(text, head, strlen(head));
    assert_non_null(strstr(text, "templates/note-de-cadrage.xsl \\\n"));
    assert_non_null(strstr(text, "templates/common/document.xsl \\\n"));
    assert_non_null(strstr(text, "styles/etat.xsl"));
    assert_non_null(strstr(text, "schema/atelier.rng"));
    assert_non_null(strstr(text, "\nexamples/atelier-flash/atelier.xml:\n"));
    free(text);
    diag_destroy(d);
}

/* An invalid atelier fails alone: the others of the batch are built. */
static void test_batch_failure_isolated(void **state)
{
    if (access("templates/note-de-cadrage.xsl", R_OK) != 0)
        skip();
    char out[128], good[200];
    snprintf(out, sizeof out, "%s/batch", tmpdir);
    snprintf(good, sizeof good, "%s/atelier-flash-vernay-2025/vernay-sur-loue/note-de-cadrage.fo", out);
    for (int jobs = 1; jobs <= 2; jobs++) {
        deliver_options o;
        deliver_options_init(&o);
        o.out_dir = out;
        o.only = "note-de-cadrage";
        o.format = DELIVER_FO;
        o.jobs = jobs;
        const char *paths[] = {"tests/sources/escape/sub/atelier.xml", "examples/atelier-flash/atelier.xml"};
        diag *d = diag_new(stderr);
        diag_set_quiet(d, true);
        assert_int_equal(deliver_build(paths, 2, &o, d), 1);
        assert_int_equal(access(good, R_OK), 0);
        unlink(good);
        diag_destroy(d);
    }
}

static void test_names_and_styles(void **state)
{
    diag *d = diag_new(stderr);
    diag_set_quiet(d, true);
    assert_true(deliver_check_only("rapport-final,feuille-de-route", d));
    assert_false(deliver_check_only("rapport-final,feuille", d));
    assert_string_equal(diag_first_error(d),
                        "livrables: error: unknown deliverable 'feuille' (available: note-de-cadrage, "
                        "carnet-de-suivi, rapport-final, feuille-de-route, livret-de-capitalisation)");
    char *available = NULL;
    assert_null(deliver_style_path("nope", &available));
    assert_non_null(strstr(available, "etat"));
    free(available);
    assert_null(deliver_style_path("../styles/etat", NULL));
    assert_null(deliver_style_path("base", NULL));
    char *etat = deliver_style_path("etat", NULL);
    assert_non_null(etat);
    free(etat);
    diag_destroy(d);
}

static void test_init_refuses_overwrite(void **state)
{
    char dir[128], file[160];
    snprintf(dir, sizeof dir, "%s/init", tmpdir);
    diag *d = diag_new(stderr);
    diag_set_quiet(d, true);
    assert_int_equal(deliver_init(dir, d), 0);
    snprintf(file, sizeof file, "%s/sites/mon-site.xml", dir);
    assert_int_equal(access(file, R_OK), 0);
    char *before = read_whole_file(file, NULL);
    assert_int_equal(deliver_init(dir, d), 1);
    char *after = read_whole_file(file, NULL);
    assert_string_equal(before, after);
    free(before);
    free(after);
    diag_destroy(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_fo_with_depfile),
        cmocka_unit_test(test_batch_failure_isolated),
        cmocka_unit_test(test_names_and_styles),
        cmocka_unit_test(test_init_refuses_overwrite),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
