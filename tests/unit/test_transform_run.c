/* Running a stylesheet: parameters, lv: functions, termination, security. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "transform/transform.h"

static xmlDocPtr source_doc(void)
{
    static const char xml[] = "<a montant=\"1250000\">Bonjour ! Quoi ?</a>";
    return xmlReadMemory(xml, sizeof xml - 1, "a.xml", NULL, 0);
}

static char *child_text(xmlDocPtr doc, const char *name)
{
    for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
            return (char *)xmlNodeGetContent(n);
    return NULL;
}

static void test_run_with_functions(void **state)
{
    diag *d = diag_new(stderr);
    strlist modules = {0};
    transform *t = transform_load(TEST_DATA_DIR "/sources/xslt/lv.xsl", NULL, &modules, d);
    assert_non_null(t);
    assert_int_equal(modules.count, 1);
    assert_string_equal(modules.items[0], TEST_DATA_DIR "/sources/xslt/lv.xsl");
    xmlDocPtr src = source_doc();
    transform_params p = {.site = "nord", .build_date = "2025-01-02"};
    xmlDocPtr out = transform_run(t, src, "a.xml", &p, NULL, d);
    assert_non_null(out);
    xmlChar *site = xmlGetProp(xmlDocGetRootElement(out), BAD_CAST "site");
    assert_string_equal((char *)site, "nord");
    xmlFree(site);
    static const struct {
        const char *name, *want;
    } cases[] = {
        {"t", "Bonjour\xE2\x80\xAF! Quoi\xE2\x80\xAF?"},
        {"m", "1\xE2\x80\xAF" "250\xE2\x80\xAF" "000\xC2\xA0€"},
        {"d", "du 12 au 14 mars 2025"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = child_text(out, cases[i].name);
        assert_string_equal(got, cases[i].want);
        xmlFree(got);
    }
    xmlFreeDoc(out);
    xmlFreeDoc(src);
    transform_destroy(t);
    strlist_clear(&modules);
    diag_destroy(d);
}

/* xsl:message terminate and file writes both fail the run, with a diagnostic. */
static void test_run_failures(void **state)
{
    static const char *const sites[] = {"fail", "write"};
    for (size_t i = 0; i < 2; i++) {
        diag *d = diag_new(stderr);
        diag_set_quiet(d, true);
        transform *t = transform_load(TEST_DATA_DIR "/sources/xslt/lv.xsl", NULL, NULL, d);
        assert_non_null(t);
        xmlDocPtr src = source_doc();
        transform_params p = {.site = sites[i]};
        assert_null(transform_run(t, src, "a.xml", &p, NULL, d));
        assert_true(diag_error_count(d) > 0);
        assert_int_equal(access("/tmp/lv-should-not-exist.txt", F_OK), -1);
        xmlFreeDoc(src);
        transform_destroy(t);
        diag_destroy(d);
    }
}

static void test_missing_template(void **state)
{
    diag *d = diag_new(stderr);
    diag_set_quiet(d, true);
    assert_null(transform_load("/nonexistent/t.xsl", NULL, NULL, d));
    assert_string_equal(diag_first_error(d), "/nonexistent/t.xsl: error: cannot read template: No such file or directory");
    diag_destroy(d);
}

static void test_build_date(void **state)
{
    char date[11];
    setenv("SOURCE_DATE_EPOCH", "1741737600", 1); /* 2025-03-12 00:00 UTC */
    transform_build_date(date);
    assert_string_equal(date, "2025-03-12");
    unsetenv("SOURCE_DATE_EPOCH");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_run_with_functions),
        cmocka_unit_test(test_run_failures),
        cmocka_unit_test(test_missing_template),
        cmocka_unit_test(test_build_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
