/* Loading sources: XInclude inside the tree, refusals, validation messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <libxml/tree.h>

#include "source/source.h"
#include "support.h"

/* Relative names, as a user types them: tests run from tests/sources. */
static int enter_sources(void **state)
{
    return chdir(TEST_DATA_DIR "/sources");
}

static void test_xinclude_inside_tree(void **state)
{
    diag_capture c;
    diag_capture_open(&c);
    source *s = source_load("xinclude/atelier.xml", c.d);
    assert_non_null(s);
    assert_int_equal(s->files.count, 3);
    assert_string_equal(s->files.items[0], "xinclude/atelier.xml");
    assert_string_equal(s->files.items[1], "xinclude/sites/nord.xml");
    assert_string_equal(s->files.items[2], "xinclude/sites/sud.xml");

    /* The included sites are in the tree, without xml:base, and know their file. */
    xmlNode *root = xmlDocGetRootElement(s->doc);
    int sites = 0;
    for (xmlNode *n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "site"))
            continue;
        sites++;
        assert_null(xmlHasNsProp(n, BAD_CAST "base", XML_XML_NAMESPACE));
        assert_string_equal(source_node_file(s, n), sites == 1 ? "xinclude/sites/nord.xml" : "xinclude/sites/sud.xml");
    }
    assert_int_equal(sites, 2);
    assert_string_equal(source_node_file(s, root), "xinclude/atelier.xml");
    assert_int_equal(diag_error_count(c.d), 0);
    source_destroy(s);
    diag_capture_close(&c);
}

static void test_validation_points_at_included_file(void **state)
{
    diag_capture c;
    diag_capture_open(&c);
    source_schema *schema = source_schema_load("mini.rng", c.d);
    assert_non_null(schema);
    source *s = source_load("xinclude/atelier.xml", c.d);
    assert_non_null(s);
    assert_false(source_validate(schema, s, c.d));
    assert_string_equal(diag_capture_text(&c),
                        "xinclude/sites/sud.xml:5: error: site sud: unknown element <inconnu> in <site> "
                        "(expected here: <nom>)\n");
    source_destroy(s);
    source_schema_destroy(schema);
    diag_capture_close(&c);
}

static void test_refusals(void **state)
{
    static const struct {
        const char *file, *message;
    } cases[] = {
        {"escape/sub/atelier.xml", "escape/sub/atelier.xml:4: error: XInclude outside the source tree: ../outside.xml\n"},
        {"escape/sub/network.xml",
         "escape/sub/network.xml:4: error: XInclude outside the source tree: http://example.org/site.xml\n"},
        {"escape/sub/malformed.xml",
         "escape/sub/malformed.xml:4: error: Opening and ending tag mismatch: atelier line 2 and ateliers\n"},
        {"escape/none.xml", "escape/none.xml: error: cannot read: No such file or directory\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        diag_capture c;
        diag_capture_open(&c);
        source *s = source_load(cases[i].file, c.d);
        assert_null(s);
        assert_string_equal(diag_capture_text(&c), cases[i].message);
        diag_capture_close(&c);
    }
}

/* Images in an XIncluded file are relative to it: they come back relative to the source. */
static void test_included_images_rebased(void **state)
{
    diag_capture c;
    diag_capture_open(&c);
    /* the fixture names an absolute image too: allowed on purpose (--allow-path) */
    source_allow_path("/abs");
    source *s = source_load("rebase/atelier.xml", c.d);
    assert_non_null(s);
    static const char *const want[] = {"images/carte.png", "sites/photos/p.jpg", "/abs/x.jpg"};
    xmlNode *site = xmlDocGetRootElement(s->doc)->children;
    while (site && site->type != XML_ELEMENT_NODE)
        site = site->next;
    site = site ? site->next : NULL; /* after <titre> */
    while (site && site->type != XML_ELEMENT_NODE)
        site = site->next;
    assert_non_null(site);
    int k = 0;
    for (xmlNode *n = site->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *src = xmlGetProp(n, BAD_CAST "src");
        assert_string_equal((const char *)src, want[k++]);
        xmlFree(src);
    }
    assert_int_equal(k, 3);
    source_destroy(s);
    diag_capture_close(&c);
}

static void test_data_dir(void **state)
{
    setenv("LIVRABLES_DATADIR", "/opt/lv", 1);
    assert_string_equal(source_data_dir(), "/opt/lv");
    char *p = source_data_path("schema/atelier.rng");
    assert_string_equal(p, "/opt/lv/schema/atelier.rng");
    free(p);
    unsetenv("LIVRABLES_DATADIR");
    /* The test binary sits in build/tests: the data is found in the source tree. */
    char *rng = source_data_path("templates");
    assert_int_equal(access(rng, F_OK), 0);
    free(rng);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xinclude_inside_tree),
        cmocka_unit_test(test_validation_points_at_included_file),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_included_images_rebased),
        cmocka_unit_test(test_data_dir),
    };
    return cmocka_run_group_tests(tests, enter_sources, NULL);
}
