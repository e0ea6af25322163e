/* Spreadsheets: cells typed every way (amounts, years, permitted words), headers folded,
 * the three readers on the committed fixtures (tests/sheets/, made by make_plans.py), bounds
 * against hostile files, and import -> export -> import giving the same element tree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <libxml/tree.h>

#include "deliver/plan_export.h"
#include "source/source.h"
#include "source/source_sheet.h"
#include "source/source_sheet_values.h"
#include "support.h"

static int enter_sheets(void **state)
{
    return chdir(TEST_DATA_DIR "/sheets");
}

static void test_fold(void **state)
{
    static const char *const cases[][2] = {
        {"Axe titre", "axe-titre"}, {"AXE_TITRE", "axe-titre"}, {" Priorité ", "priorite"},
        {"Coût", "cout"},           {"ÉTUDES", "etudes"},        {"objectif - titre", "objectif-titre"},
        {"À lancer", "a-lancer"},   {"Réalisée", "realisee"},    {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *f = sheet_fold(cases[i][0]);
        assert_string_equal(f, cases[i][1]);
        free(f);
    }
}

static void test_cell_ref(void **state)
{
    char ref[16];
    sheet_cell_ref(0, 1, ref);
    assert_string_equal(ref, "A1");
    sheet_cell_ref(5, 12, ref);
    assert_string_equal(ref, "F12");
    sheet_cell_ref(26, 3, ref);
    assert_string_equal(ref, "AA3");
    sheet_cell_ref(16383, 1048576, ref);
    assert_string_equal(ref, "XFD1048576");
}

static void test_amounts(void **state)
{
    static const struct {
        sheet_kind kind;
        const char *text;
        int64_t unit;
        sheet_value_status status;
        const char *amount;
    } cases[] = {
        {SHEET_NUMBER, "50000", 1, SHEET_VALUE_OK, "50000"},
        {SHEET_NUMBER, "1.5", 1, SHEET_VALUE_OK, "1.50"},
        {SHEET_NUMBER, "1.5E+5", 1, SHEET_VALUE_OK, "150000"},
        {SHEET_NUMBER, "0.1", 1, SHEET_VALUE_OK, "0.10"},
        {SHEET_NUMBER, "1.005", 1, SHEET_VALUE_CENTS, NULL},
        {SHEET_NUMBER, "-3", 1, SHEET_VALUE_NEGATIVE, NULL},
        {SHEET_NUMBER, "12.5", 1000, SHEET_VALUE_OK, "12500"},
        {SHEET_TEXT, "50 000", 1, SHEET_VALUE_OK, "50000"},
        {SHEET_TEXT, "50 000 €", 1, SHEET_VALUE_OK, "50000"},
        {SHEET_TEXT, "50\u00a0000\u00a0€", 1, SHEET_VALUE_OK, "50000"},
        {SHEET_TEXT, "50\u202f000 EUR", 1, SHEET_VALUE_OK, "50000"},
        {SHEET_TEXT, "1,5", 1, SHEET_VALUE_OK, "1.50"},
        {SHEET_TEXT, "12 500,50 €", 1, SHEET_VALUE_OK, "12500.50"},
        {SHEET_TEXT, "1.250,50", 1, SHEET_VALUE_OK, "1250.50"},
        {SHEET_TEXT, "1,250.50", 1, SHEET_VALUE_OK, "1250.50"},
        {SHEET_TEXT, "1.000.000", 1, SHEET_VALUE_OK, "1000000"},
        {SHEET_TEXT, "12500.5", 1, SHEET_VALUE_OK, "12500.50"},
        {SHEET_TEXT, "12 k€", 1, SHEET_VALUE_OK, "12000"},
        {SHEET_TEXT, "1,5 M€", 1, SHEET_VALUE_OK, "1500000"},
        {SHEET_TEXT, "50.000", 1, SHEET_VALUE_AMBIGUOUS, NULL},
        {SHEET_TEXT, "1,555", 1, SHEET_VALUE_CENTS, NULL},
        {SHEET_TEXT, "-50", 1, SHEET_VALUE_NEGATIVE, NULL},
        {SHEET_TEXT, "cinquante", 1, SHEET_VALUE_BAD, NULL},
        {SHEET_TEXT, "50 000 dollars", 1, SHEET_VALUE_BAD, NULL},
        {SHEET_TEXT, "1,2,3.4.5", 1, SHEET_VALUE_BAD, NULL},
        {SHEET_DATE, "2026-03-01", 1, SHEET_VALUE_BAD, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sheet_cell cell = {cases[i].kind, (char *)cases[i].text};
        int64_t cents = -1;
        sheet_value_status st = sheet_amount(&cell, cases[i].unit, &cents);
        if (st != cases[i].status)
            fail_msg("'%s': status %d, expected %d", cases[i].text, st, cases[i].status);
        if (cases[i].amount) {
            char out[32];
            sheet_amount_format(cents, out);
            assert_string_equal(out, cases[i].amount);
        }
    }
}

static void test_years_months_choices(void **state)
{
    char y[5], m[16];
    sheet_cell c = {SHEET_NUMBER, "2026"};
    assert_true(sheet_year(&c, y));
    assert_string_equal(y, "2026");
    c = (sheet_cell){SHEET_DATE, "2027-03-01"};
    assert_true(sheet_year(&c, y));
    assert_string_equal(y, "2027");
    c = (sheet_cell){SHEET_TEXT, "15/03/2028"};
    assert_true(sheet_year(&c, y));
    assert_string_equal(y, "2028");
    c = (sheet_cell){SHEET_NUMBER, "2026.5"};
    assert_false(sheet_year(&c, y));
    c = (sheet_cell){SHEET_TEXT, "bientôt"};
    assert_false(sheet_year(&c, y));
    c = (sheet_cell){SHEET_TEXT, "36 mois"};
    assert_true(sheet_positive_integer(&c, m));
    assert_string_equal(m, "36");
    c = (sheet_cell){SHEET_NUMBER, "0"};
    assert_false(sheet_positive_integer(&c, m));
    c = (sheet_cell){SHEET_TEXT, "douze"};
    assert_false(sheet_positive_integer(&c, m));
    static const char *const statuts[] = {"a-lancer", "en-cours", "realisee", "abandonnee", NULL};
    assert_string_equal(sheet_choice("À lancer", statuts), "a-lancer");
    assert_string_equal(sheet_choice("EN COURS", statuts), "en-cours");
    assert_null(sheet_choice("terminée", statuts));
    assert_int_equal(sheet_unit("k€"), 1000);
    assert_int_equal(sheet_unit("euros"), 1);
    assert_int_equal(sheet_unit("dollars"), 0);
}

/* The cell (col, row) of sheet `name`, or NULL. */
static const sheet_cell *at(const workbook *wb, const char *name, int col, int row)
{
    const sheet *sh = workbook_find(wb, name);
    for (int r = 0; sh && r < sh->nrows; r++)
        if (sh->rows[r].number == row)
            return sheet_row_cell(&sh->rows[r], col);
    return NULL;
}

static void test_ods_reader(void **state)
{
    diag_capture c;
    diag_capture_open(&c);
    workbook *wb = workbook_load("plan.ods", "plan.ods", c.d);
    assert_non_null(wb);
    assert_int_equal(wb->nsheets, 2);
    assert_string_equal(wb->sheets[0].name, "Actions");
    /* typed numbers and dates, text with text:s spaces, lines, annotations left out */
    assert_int_equal(at(wb, "actions", 0, 2)->kind, SHEET_NUMBER);
    assert_string_equal(at(wb, "actions", 0, 2)->text, "1");
    assert_string_equal(at(wb, "actions", 5, 2)->text, "Convention de portage avec l'établissement public foncier");
    assert_string_equal(at(wb, "actions", 6, 2)->text, "L'établissement public foncier achète le site.\nIl le porte cinq ans.");
    assert_int_equal(at(wb, "actions", 10, 3)->kind, SHEET_DATE);
    assert_string_equal(at(wb, "actions", 10, 3)->text, "2026-03-01");
    assert_string_equal(at(wb, "actions", 14, 3)->text, "1 400 000 €");
    /* two repeated empty rows move the next action to row 6; nothing past column R */
    assert_string_equal(at(wb, "actions", 4, 6)->text, "2.1.1");
    for (int r = 0; r < wb->sheets[0].nrows; r++)
        assert_true(wb->sheets[0].rows[r].ncells <= 18);
    assert_int_equal(wb->sheets[0].nrows, 5);
    assert_string_equal(diag_capture_text(&c), "");
    workbook_destroy(wb);
    diag_capture_close(&c);
}

static void test_xlsx_reader(void **state)
{
    diag_capture c;
    diag_capture_open(&c);
    workbook *wb = workbook_load("plan.xlsx", "plan.xlsx", c.d);
    assert_non_null(wb);
    /* the workbook's order and names, whatever the members are called */
    assert_string_equal(wb->sheets[0].name, "ACTIONS");
    assert_string_equal(wb->sheets[1].name, "Financements");
    /* shared strings (one in rich runs), inline strings, serial dates with a date style */
    assert_string_equal(at(wb, "actions", 0, 1)->text, "Axe");
    assert_string_equal(at(wb, "actions", 5, 3)->text, "Dépolluer les sols selon les usages futurs");
    assert_int_equal(at(wb, "actions", 10, 3)->kind, SHEET_DATE);
    assert_string_equal(at(wb, "actions", 10, 3)->text, "2026-03-01");
    assert_int_equal(at(wb, "actions", 10, 2)->kind, SHEET_NUMBER);
    assert_string_equal(at(wb, "financements", 2, 3)->text, "840 000 €");
    assert_string_equal(diag_capture_text(&c), "");
    workbook_destroy(wb);
    diag_capture_close(&c);
}

static void test_csv_reader(void **state)
{
    char dir[64], path[128];
    assert_true(scratch_new(dir, "lv-csv"));
    snprintf(path, sizeof path, "%s/p.csv", dir);
    /* Windows-1252 (é is 0xE9), CRLF, a blank line, a quoted field over two lines */
    FILE *f = fopen(path, "wb");
    fputs("numero,titre\r\n1.1.1,\"Caf\xe9\r\nsuite\"\r\n\r\n1.1.2,x\r\n", f);
    fclose(f);
    diag_capture c;
    diag_capture_open(&c);
    workbook *wb = workbook_load(path, "p.csv", c.d);
    assert_non_null(wb);
    assert_string_equal(at(wb, "", 1, 2)->text, "Café\r\nsuite");
    assert_string_equal(at(wb, "", 0, 4)->text, "1.1.2");
    workbook_destroy(wb);
    f = fopen(path, "wb");
    fputs("a;b\n\"not closed;x\n", f);
    fclose(f);
    assert_null(workbook_load(path, "p.csv", c.d));
    assert_string_equal(diag_capture_text(&c), "p.csv: error: CSV syntax error in row 2: a quote is misplaced or not closed\n");
    diag_capture_close(&c);
    scratch_remove(dir);
}

static void test_hostile_and_broken_files(void **state)
{
    diag_capture c;
    diag_capture_open(&c);
    assert_null(workbook_load("hostile.ods", "hostile.ods", c.d));
    assert_string_equal(diag_capture_text(&c), "hostile.ods: error: more than 1000000 non-empty cells\n");
    diag_capture_close(&c);
    diag_capture_open(&c);
    assert_null(workbook_load("atelier.xml", "atelier.xml", c.d));
    assert_null(workbook_load("make_plans.py.ods", "x.ods", c.d));
    assert_string_equal(diag_capture_text(&c),
                        "atelier.xml: error: unknown spreadsheet format (use .ods, .xlsx or .csv)\n"
                        "x.ods: error: cannot open the spreadsheet: No such file or directory\n");
    diag_capture_close(&c);
}

/* The strategie of the first site, serialized. malloc'd. */
static char *strategie_xml(const source *s)
{
    xmlNode *st = plan_export_find(s, NULL, NULL);
    assert_non_null(st);
    xmlBuffer *b = xmlBufferCreate();
    xmlNodeDump(b, s->doc, st, 0, 0);
    char *r = strdup((const char *)xmlBufferContent(b));
    xmlBufferFree(b);
    return r;
}

static void round_trip(const char *ext)
{
    diag_capture c;
    diag_capture_open(&c);
    source *s1 = source_load("atelier.xml", c.d);
    assert_non_null(s1);
    assert_string_equal(s1->files.items[1], "plan.ods");
    char *first = strategie_xml(s1);
    assert_non_null(strstr(first, "<cout>1400000</cout>"));
    assert_non_null(strstr(first, "<ligne financeur=\"État\" montant=\"840000\" etat=\"sollicite\"/>") ||
                    strstr(first, "montant=\"840000\" dispositif=\"Fonds vert\" etat=\"sollicite\""));

    char dir[64], plan[128], src[128];
    assert_true(scratch_new(dir, "lv-roundtrip"));
    snprintf(plan, sizeof plan, "%s/plan.%s", dir, ext);
    workbook *wb = plan_export_workbook(s1, plan_export_find(s1, NULL, c.d), c.d);
    assert_true(plan_write(wb, plan, c.d));
    workbook_destroy(wb);

    /* The same atelier next to the exported spreadsheet. */
    snprintf(src, sizeof src, "%s/atelier.xml", dir);
    size_t len;
    char *text = read_whole_file("atelier.xml", &len);
    char href[96];
    snprintf(href, sizeof href, strcmp(ext, "csv") == 0 ? "plan.csv\" financements=\"plan-financements.csv"
                                                          : "plan.%s", ext);
    char *cut = strstr(text, "plan.ods");
    FILE *f = fopen(src, "w");
    fprintf(f, "%.*s%s%s", (int)(cut - text), text, href, cut + strlen("plan.ods"));
    fclose(f);
    free(text);

    source *s2 = source_load(src, c.d);
    assert_non_null(s2);
    char *second = strategie_xml(s2);
    assert_string_equal(first, second);
    assert_string_equal(diag_capture_text(&c), "");
    free(first);
    free(second);
    source_destroy(s2);
    source_destroy(s1);
    scratch_remove(dir);
    diag_capture_close(&c);
}

static void test_round_trip_ods(void **state) { round_trip("ods"); }
static void test_round_trip_xlsx(void **state) { round_trip("xlsx"); }
static void test_round_trip_csv(void **state) { round_trip("csv"); }

/* Files written by other programs (openpyxl, odfpy: make_third_party.py) give the same plan. */
static void test_third_party_files(void **state)
{
    diag_capture c;
    diag_capture_open(&c);
    workbook *wb = workbook_load("openpyxl.xlsx", "openpyxl.xlsx", c.d);
    assert_non_null(wb);
    assert_int_equal(at(wb, "actions", 10, 3)->kind, SHEET_DATE); /* format DD/MM/YYYY */
    assert_string_equal(at(wb, "actions", 10, 3)->text, "2026-03-01");
    workbook_destroy(wb);
    source *ref = source_load("atelier.xml", c.d);
    char *want = strategie_xml(ref);
    static const char *const others[] = {"atelier-openpyxl.xml", "atelier-odfpy.xml"};
    for (size_t i = 0; i < 2; i++) {
        source *s = source_load(others[i], c.d);
        assert_non_null(s);
        char *got = strategie_xml(s);
        assert_string_equal(want, got);
        free(got);
        source_destroy(s);
    }
    assert_string_equal(diag_capture_text(&c), "");
    free(want);
    source_destroy(ref);
    diag_capture_close(&c);
}

/* Generated elements name their cells; the axes name the file (for dependency files). */
static void test_elements_know_their_cells(void **state)
{
    diag_capture c;
    diag_capture_open(&c);
    source *s = source_load("atelier.xml", c.d);
    assert_non_null(s);
    xmlNode *st = plan_export_find(s, NULL, c.d);
    xmlNode *axe = NULL;
    for (xmlNode *n = st->children; n && !axe; n = n->next)
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "axe"))
            axe = n;
    assert_non_null(axe);
    assert_string_equal(source_node_file(s, axe), "plan.ods");
    xmlNode *titre = axe->children;
    assert_string_equal(source_node_file(s, titre), "plan.ods:Actions:B2");
    assert_int_equal(xmlGetLineNo(titre), 0);
    source_destroy(s);
    diag_capture_close(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_cell_ref),
        cmocka_unit_test(test_amounts),
        cmocka_unit_test(test_years_months_choices),
        cmocka_unit_test(test_ods_reader),
        cmocka_unit_test(test_xlsx_reader),
        cmocka_unit_test(test_csv_reader),
        cmocka_unit_test(test_hostile_and_broken_files),
        cmocka_unit_test(test_round_trip_ods),
        cmocka_unit_test(test_round_trip_xlsx),
        cmocka_unit_test(test_round_trip_csv),
        cmocka_unit_test(test_elements_know_their_cells),
        cmocka_unit_test(test_third_party_files),
    };
    return cmocka_run_group_tests(tests, enter_sheets, NULL);
}
