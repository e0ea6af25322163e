/* Running a stylesheet: parameters, lv: functions, termination, security. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <math.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "text/text.h"
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

#define assert_near(got, want, eps) assert_true(fabs((got) - (want)) <= (eps))

static double child_number(xmlDocPtr doc, const char *name)
{
    char *text = child_text(doc, name);
    assert_non_null(text);
    double x = strtod(text, NULL);
    xmlFree(text);
    return x;
}

/* lv:text-width gives what the text engine measures (the font layout would set), in the
 * font the family list resolves to, proportional to the size, wider in bold. */
static void test_text_width(void **state)
{
    diag *d = diag_new(stderr);
    transform *t = transform_load(TEST_DATA_DIR "/sources/xslt/text-width.xsl", NULL, NULL, d);
    assert_non_null(t);
    xmlDocPtr src = source_doc();
    transform_params p = {0};
    xmlDocPtr out = transform_run(t, src, "a.xml", &p, NULL, d);
    assert_non_null(out);

    const char *s = "Castelvert-sur-Arrats, 2 127 000 €";
    tx_engine *tx = tx_engine_new(d);
    double dejavu = tx_text_width(tx, "DejaVu Sans", 10, 400, false, s);
    double liberation = tx_text_width(tx, "Liberation Sans", 10, 400, false, s);
    double bold = tx_text_width(tx, "DejaVu Sans", 10, 700, false, s);
    tx_engine_destroy(tx);

    /* XPath prints numbers with up to 15 significant digits. */
    assert_near(child_number(out, "dejavu"), dejavu, 1e-9);
    assert_near(child_number(out, "liberation"), liberation, 1e-9);
    assert_near(child_number(out, "dejavu-bold"), bold, 1e-9);
    assert_near(child_number(out, "dejavu-700"), bold, 1e-9);
    assert_near(child_number(out, "dejavu-20"), 2 * dejavu, 1e-6);
    assert_near(child_number(out, "fallback"), dejavu, 1e-9);
    assert_near(child_number(out, "empty"), 0, 0);
    /* The point of measuring: DejaVu Sans runs about 10 % wider than Liberation Sans, and
     * a fixed table of Liberation widths would let its labels overflow. */
    assert_true(dejavu > liberation * 1.05);
    assert_true(bold > dejavu);
    assert_true(liberation > 100 && liberation < 200);
    xmlFreeDoc(out);

    /* A call without its font and size is an XPath error that fails the run. */
    diag_set_quiet(d, true);
    p.site = "arity";
    assert_null(transform_run(t, src, "a.xml", &p, NULL, d));
    assert_true(diag_error_count(d) > 0);

    xmlFreeDoc(src);
    transform_destroy(t);
    diag_destroy(d);
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
        cmocka_unit_test(test_text_width),
        cmocka_unit_test(test_missing_template),
        cmocka_unit_test(test_build_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
