/* Building ateliers: outputs, dependency files, refusals, init. Uses the data of the source
 * tree (schema/, styles/, templates/) and tests/sources. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "deliver/deliver.h"
#include "deliver/deliver_internal.h"
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

/* An invalid atelier fails alone: the others of the batch are built. The dependency file
 * of a failed build is left as it was (here: not there), so make tries again. */
static void test_batch_failure_isolated(void **state)
{
    if (access("templates/note-de-cadrage.xsl", R_OK) != 0)
        skip();
    char out[128], good[200], dep[128];
    snprintf(out, sizeof out, "%s/batch", tmpdir);
    snprintf(dep, sizeof dep, "%s/batch.d", tmpdir);
    snprintf(good, sizeof good, "%s/atelier-flash-vernay-2025/vernay-sur-loue/note-de-cadrage.fo", out);
    for (int jobs = 1; jobs <= 2; jobs++) {
        deliver_options o;
        deliver_options_init(&o);
        o.out_dir = out;
        o.only = "note-de-cadrage";
        o.format = DELIVER_FO;
        o.jobs = jobs;
        o.depfile = dep;
        const char *paths[] = {"tests/sources/escape/sub/atelier.xml", "examples/atelier-flash/atelier.xml"};
        diag *d = diag_new(stderr);
        diag_set_quiet(d, true);
        assert_int_equal(deliver_build(paths, 2, &o, d), 1);
        assert_int_equal(access(good, R_OK), 0);
        assert_int_not_equal(access(dep, F_OK), 0);
        unlink(good);
        diag_destroy(d);
    }
}

/* Writes `text` to tmpdir/rel (its directory must exist). */
static void put_file(const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

#define NS "xmlns=\"urn:livrables:atelier:1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\""

/* An atelier whose files land in every kind of place: outside the sites (commun/), a whole
 * site per file (a, b), a file nested in a site's file (a's sessions), a file included
 * inside an inline site (c), and a text include (never seen as an element). */
static void write_deps_atelier(void)
{
    char dir[128];
    const char *dirs[] = {"deps", "deps/commun", "deps/sites", "deps/sites/a"};
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        snprintf(dir, sizeof dir, "%s/%s", tmpdir, dirs[i]);
        assert_int_equal(mkdir(dir, 0777), 0);
    }
    put_file("deps/atelier.xml",
             "<atelier " NS " id=\"t\">\n"
             "  <xi:include href=\"commun/contexte.xml\"/>\n"
             "  <xi:include href=\"sites/a.xml\"/>\n"
             "  <xi:include href=\"sites/b.xml\"/>\n"
             "  <site id=\"c\"><xi:include href=\"sites/c-seances.xml\"/></site>\n"
             "</atelier>\n");
    put_file("deps/commun/contexte.xml", "<contexte " NS "><p>x</p></contexte>\n");
    put_file("deps/sites/a.xml", "<site " NS " id=\"a\"><xi:include href=\"a/seances.xml\"/></site>\n");
    put_file("deps/sites/a/seances.xml", "<seances " NS "/>\n");
    put_file("deps/sites/b.xml",
             "<site " NS " id=\"b\"><p><xi:include parse=\"text\" href=\"note.txt\"/></p></site>\n");
    put_file("deps/sites/note.txt", "note\n");
    put_file("deps/sites/c-seances.xml", "<seances " NS "/>\n");
}

/* The per-site dependency selection, table-driven: a site's deliverables depend on the
 * source, the files included outside every site and its own files; the atelier's on all. */
static void test_site_files_selection(void **state)
{
    static const struct {
        const char *site;
        const char *files; /* relative to the atelier's directory, in any order */
    } cases[] = {
        {"a", "atelier.xml commun/contexte.xml sites/a.xml sites/a/seances.xml sites/note.txt"},
        {"b", "atelier.xml commun/contexte.xml sites/b.xml sites/note.txt"},
        {"c", "atelier.xml commun/contexte.xml sites/c-seances.xml sites/note.txt"},
        {"zz", "atelier.xml commun/contexte.xml sites/note.txt"},
        {"", "atelier.xml commun/contexte.xml sites/a.xml sites/a/seances.xml sites/b.xml "
             "sites/note.txt sites/c-seances.xml"},
        {NULL, "atelier.xml commun/contexte.xml sites/a.xml sites/a/seances.xml sites/b.xml "
               "sites/note.txt sites/c-seances.xml"},
    };
    write_deps_atelier();
    char path[200], base[100];
    snprintf(base, sizeof base, "%s/deps/", tmpdir);
    snprintf(path, sizeof path, "%satelier.xml", base);
    diag *d = diag_new(stderr);
    source *s = source_load(path, d);
    assert_non_null(s);
    assert_int_equal(s->files.count, 7);
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        strlist got = {0};
        deliver_source_files(s, cases[k].site, &got);
        char want[512];
        snprintf(want, sizeof want, "%s", cases[k].files);
        size_t nwant = 0;
        for (char *w = strtok(want, " "); w; w = strtok(NULL, " "), nwant++) {
            char full[700];
            snprintf(full, sizeof full, "%s%s", base, w);
            if (!strlist_contains(&got, full))
                fail_msg("site '%s': %s missing", cases[k].site ? cases[k].site : "(null)", w);
        }
        if (got.count != nwant)
            fail_msg("site '%s': %zu files, expected %zu", cases[k].site ? cases[k].site : "(null)",
                     got.count, nwant);
        /* the source itself always comes first, as make shows it first */
        assert_string_equal(got.items[0], path);
        strlist_clear(&got);
    }
    source_destroy(s);
    diag_destroy(d);
}

/* --site: only that site's per-site outputs, each depending on its own site's file and not
 * on the other sites'; the livret still built and depending on every site. */
static void test_build_one_site(void **state)
{
    if (access("templates/note-de-cadrage.xsl", R_OK) != 0)
        skip();
    char out[128], dep[128], path[256];
    snprintf(out, sizeof out, "%s/site", tmpdir);
    snprintf(dep, sizeof dep, "%s/site.d", tmpdir);
    deliver_options o;
    deliver_options_init(&o);
    o.out_dir = out;
    o.only = "note-de-cadrage,livret-de-capitalisation";
    o.sites = "garrigues-hautes";
    o.format = DELIVER_FO;
    o.depfile = dep;
    const char *paths[] = {"examples/atelier-multisite/atelier.xml"};
    diag *d = diag_new(stderr);
    assert_int_equal(deliver_build(paths, 1, &o, d), 0);
    snprintf(path, sizeof path, "%s/garrigues-hautes/note-de-cadrage.fo", out);
    assert_int_equal(access(path, R_OK), 0);
    snprintf(path, sizeof path, "%s/livret-de-capitalisation.fo", out);
    assert_int_equal(access(path, R_OK), 0);
    snprintf(path, sizeof path, "%s/vallees-auzonne", out);
    assert_int_not_equal(access(path, F_OK), 0);
    char *text = read_whole_file(dep, NULL);
    assert_non_null(text);
    char *livret = strstr(text, "/livret-de-capitalisation.fo:");
    assert_non_null(livret);
    *livret = '\0'; /* text: the site's rule only (the site comes first in build order) */
    assert_non_null(strstr(text, "sites/garrigues-hautes.xml \\\n"));
    assert_null(strstr(text, "sites/vallees-auzonne.xml"));
    assert_null(strstr(text, "sites/castelvert-sur-arrats.xml"));
    char *rest = livret + 1;
    assert_non_null(strstr(rest, "sites/vallees-auzonne.xml \\\n"));
    assert_non_null(strstr(rest, "sites/garrigues-hautes.xml \\\n"));
    assert_non_null(strstr(rest, "sites/castelvert-sur-arrats.xml \\\n"));
    free(text);
    diag_destroy(d);
}

/* An unknown site is an error of the atelier, located on it, naming its sites; a dry run
 * writes nothing at all. */
static void test_unknown_site_and_dry_run(void **state)
{
    char out[128], dep[128];
    snprintf(out, sizeof out, "%s/dry", tmpdir);
    snprintf(dep, sizeof dep, "%s/dry.d", tmpdir);
    deliver_options o;
    deliver_options_init(&o);
    o.out_dir = out;
    o.sites = "garrigues-hautes,nulle-part";
    o.depfile = dep;
    o.dry_run = true;
    const char *paths[] = {"examples/atelier-multisite/atelier.xml"};
    diag *d = diag_new(stderr);
    diag_set_quiet(d, true);
    assert_int_equal(deliver_build(paths, 1, &o, d), 1);
    assert_string_equal(diag_first_error(d),
                        "examples/atelier-multisite/atelier.xml:3: error: no site 'nulle-part' in this "
                        "atelier (its sites: vallees-auzonne, garrigues-hautes, castelvert-sur-arrats)");
    diag_destroy(d);
    o.sites = "garrigues-hautes";
    d = diag_new(stderr);
    assert_int_equal(deliver_build(paths, 1, &o, d), 0);
    assert_int_equal(diag_error_count(d), 0);
    assert_int_not_equal(access(out, F_OK), 0);
    assert_int_not_equal(access(dep, F_OK), 0);
    diag_destroy(d);
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
        cmocka_unit_test(test_site_files_selection),
        cmocka_unit_test(test_build_one_site),
        cmocka_unit_test(test_unknown_site_and_dry_run),
        cmocka_unit_test(test_names_and_styles),
        cmocka_unit_test(test_init_refuses_overwrite),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
