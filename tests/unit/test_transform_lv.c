/* The lv: helpers behind the extension functions, table-driven. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <cmocka.h>

#include "transform/lv.h"

#define NN LV_NNBSP
#define NB LV_NBSP

typedef struct {
    const char *in, *want;
} text_case;

#define SO LV_SUP_OPEN
#define SC LV_SUP_CLOSE

static void test_superscripts(void **state)
{
    static const text_case cases[] = {
        {"le 1er mars", "le 1" SO "er" SC " mars"},
        {"la 1re séance, la 2e, le 2nd", "la 1" SO "re" SC " séance, la 2" SO "e" SC ", le 2" SO "nd" SC},
        {"XIIIe siècle, XXIe", "XIII" SO "e" SC " siècle, XXI" SO "e" SC},
        {"Napoléon Ier, la Ve République", "Napoléon I" SO "er" SC ", la V" SO "e" SC " République"},
        {"Ver, Ie, 12 km, 3em, A2e, é2e, 2025", "Ver, Ie, 12 km, 3em, A2e, é2e, 2025"},
        {"", ""},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = lv_superscripts(cases[i].in);
        assert_string_equal(got, cases[i].want);
        free(got);
    }
}

static void test_typo(void **state)
{
    static const text_case cases[] = {
        {"Bonjour ! Quoi ?", "Bonjour" NN "! Quoi" NN "?"},
        {"Bonjour! Quoi?", "Bonjour" NN "! Quoi" NN "?"},
        {"Vraiment ?!", "Vraiment" NN "?!"},
        {"a ; b", "a" NN "; b"},
        {"Objectif : agir", "Objectif" NB ": agir"},
        {"Objectif: agir", "Objectif" NB ": agir"},
        {"« x »", "«" NB "x" NB "»"},
        {"«x»", "«" NB "x" NB "»"},
        {"l'atelier d'été", "l’atelier d’été"},
        {"30 %", "30" NB "%"},
        {"30%", "30" NB "%"},
        {"12 km² et 5 ha", "12" NB "km² et 5" NB "ha"},
        {"12 km2, 300 m2 et 4 m3", "12" NB "km², 300" NB "m² et 4" NB "m³"},
        {"la route M2 et le mm2x", "la route M2 et le mm2x"},
        {"les 2 mandataires", "les 2 mandataires"},
        /* a day never ends a line without its month */
        {"état du 20 juin 2025", "état du 20" NB "juin 2025"},
        {"le 1er mars", "le 1er" NB "mars"},
        {"les 3 mais du 2025 maintenant", "les 3 mais du 2025 maintenant"},
        {"en 2025 mai", "en 2025 mai"},
        {"A4 mars", "A4 mars"},
        {"à 09:30 précises", "à 09:30 précises"},
        {"voir http://x.fr/a?b=1 ici", "voir http://x.fr/a?b=1 ici"},
        {"deux  espaces\n  et ligne", "deux espaces et ligne"},
        {" bord ", " bord "},
        {"déjà" NB "!", "déjà" NB "!"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = lv_typo(cases[i].in);
        assert_string_equal(got, cases[i].want);
        free(got);
    }
}

typedef struct {
    double x;
    const char *amount, *number;
} number_case;

static void test_numbers(void **state)
{
    static const number_case cases[] = {
        {1250000, "1" NN "250" NN "000" NB "€", "1" NN "250" NN "000"},
        {30000, "30" NN "000" NB "€", "30" NN "000"},
        {999, "999" NB "€", "999"},
        {0, "0" NB "€", "0"},
        {12.5, "12,50" NB "€", "12,5"},
        {1250.75, "1" NN "250,75" NB "€", "1" NN "250,75"},
        {-4000, "-4" NN "000" NB "€", "-4" NN "000"},
        {NAN, "", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *a = lv_amount(cases[i].x), *n = lv_number(cases[i].x);
        assert_string_equal(a, cases[i].amount);
        assert_string_equal(n, cases[i].number);
        free(a);
        free(n);
    }
}

static void test_dates(void **state)
{
    static const text_case dates[] = {
        {"2025-03-01", "1er mars 2025"}, {"2025-03-12", "12 mars 2025"}, {"2025-08-31", "31 août 2025"},
        {"2025-12", "décembre 2025"},    {"2025", "2025"},                {"demain", "demain"},
        {"2025-13-01", "2025-13-01"},
    };
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
        char *got = lv_date(dates[i].in);
        assert_string_equal(got, dates[i].want);
        free(got);
    }
    char *my = lv_month_year("2025-03-12");
    assert_string_equal(my, "mars 2025");
    free(my);
}

static void test_date_ranges(void **state)
{
    static const struct {
        const char *from, *to, *want;
    } cases[] = {
        {"2025-03-12", "2025-03-14", "du 12 au 14 mars 2025"},
        {"2025-03-01", "2025-03-03", "du 1er au 3 mars 2025"},
        {"2025-03-12", "2025-04-04", "du 12 mars au 4 avril 2025"},
        {"2025-12-12", "2026-01-14", "du 12 décembre 2025 au 14 janvier 2026"},
        {"2025-03-12", "2025-03-12", "le 12 mars 2025"},
        {"2025-03-12", "", "le 12 mars 2025"},
        {"2025-03", "2025-05", "de mars à mai 2025"},
        {"2025-04", "2025-06", "d’avril à juin 2025"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = lv_date_range(cases[i].from, cases[i].to);
        assert_string_equal(got, cases[i].want);
        free(got);
    }
}

/* Each share rounded on its own to a tenth of a percent, half away from zero, never nudged
 * so that the column adds up: the table says so instead (lv_shares_sum). */
static void test_shares(void **state)
{
    (void)state;
    static const struct {
        double values[4];
        size_t n;
        long want[4];
        long sum;
    } cases[] = {
        {{1, 1, 1}, 3, {333, 333, 333}, 999},
        {{2, 1}, 2, {667, 333}, 1000},
        {{380000, 0, 120000}, 3, {760, 0, 240}, 1000},
        {{0.01, 999.99}, 2, {0, 1000}, 1000},
        {{5, 0}, 2, {1000, 0}, 1000},
        {{1, 1, 1, 1}, 4, {250, 250, 250, 250}, 1000},
        /* 5,85 % exactly: half away from zero */
        {{585, 9415}, 2, {59, 942}, 1001},
        /* 325 000 of 5 560 000 is 5,845 %: 5,8 % */
        {{325000, 5235000}, 2, {58, 942}, 1000},
        /* 405 000 of 765 000 is 52,94 %: 52,9 % */
        {{405000, 216000, 144000}, 3, {529, 282, 188}, 999},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        long got[4];
        assert_true(lv_shares(cases[i].values, cases[i].n, 1000, got));
        for (size_t j = 0; j < cases[i].n; j++)
            assert_int_equal(got[j], cases[i].want[j]);
        assert_int_equal(lv_shares_sum(cases[i].values, cases[i].n, 1000), cases[i].sum);
    }
    long out[2];
    assert_false(lv_shares((double[]){0, 0}, 2, 1000, out));
    assert_false(lv_shares((double[]){-1, 2}, 2, 1000, out));
    assert_int_equal(lv_shares_sum((double[]){0, 0}, 2, 1000), -1);
    double third[] = {1, 1, 1};
    char *s = lv_share(third, 3, 1);
    assert_string_equal(s, "33,3" NB "%");
    free(s);
    s = lv_share(third, 3, 4);
    assert_string_equal(s, "");
    free(s);
    s = lv_share((double[]){3, 1}, 2, 1);
    assert_string_equal(s, "75,0" NB "%");
    free(s);
}

/* lv_words: each text a word apart, every separator (one space per character, multibyte
 * ones included) a space; the rest, stray bytes too, as it was. */
static void test_words(void **state)
{
    (void)state;
    const char *texts[] = {"Le PLUi-H, l’OPAH-RU", "(SCoT)", "a" NB "b\tc", "\xff"};
    char *s = lv_words(texts, 4, ",’()-" NB);
    assert_string_equal(s, "  Le PLUi H  l OPAH RU  SCoT  a b\tc \xff ");
    free(s);
    s = lv_words(texts, 1, ",’()");
    assert_string_equal(s, "  Le PLUi-H  l OPAH-RU ");
    free(s);
    s = lv_words(NULL, 0, ",");
    assert_string_equal(s, "  ");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_typo),
        cmocka_unit_test(test_superscripts),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_date_ranges),
        cmocka_unit_test(test_shares),
        cmocka_unit_test(test_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
