/* Unit tests for fonts and shaping: family lists, the missing-family warning, the word
 * cache, clusters, kerning, font fallback, and the speed of cache hits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


#include "text/text.h"
#include "support.h"

typedef struct {
    diag_capture log;
    diag *d; /* log.d */
    tx_engine *tx;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    diag_capture_open(&f->log);
    f->d = f->log.d;
    f->tx = tx_engine_new(f->d);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tx_engine_destroy(f->tx);
    diag_capture_close(&f->log);
    free(f);
    return 0;
}

static void family_lists_pick_the_first_installed(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *families;
        const char *used;
    } cases[] = {
        {"'Liberation Serif', serif", "Liberation Serif"},
        {"\"DejaVu Sans\"", "DejaVu Sans"},
        {"NoSuchFont, 'Liberation Serif'", "Liberation Serif"},
        {"  Liberation Mono ,monospace", "Liberation Mono"},
        {"dejavu sans", "DejaVu Sans"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const tx_font *font = tx_font_get(f->tx, cases[i].families, 11, 400, false, "a.fo", 3);
        assert_non_null(font);
        assert_string_equal(tx_font_family(font), cases[i].used);
        assert_true(tx_font_ascent(font) > 5 && tx_font_ascent(font) < 15);
        assert_true(tx_font_descent(font) > 1 && tx_font_descent(font) < 6);
        assert_true(tx_font_size(font) == 11);
        assert_non_null(tx_font_cairo(font));
    }
    /* Generic names are always resolved; fonts are cached by description. */
    const tx_font *serif = tx_font_get(f->tx, "serif", 12, 400, false, "a.fo", 4);
    assert_non_null(serif);
    assert_ptr_equal(serif, tx_font_get(f->tx, "serif", 12, 400, false, "b.fo", 9));
    assert_ptr_not_equal(serif, tx_font_get(f->tx, "serif", 12, 700, false, "a.fo", 4));
    assert_ptr_not_equal(serif, tx_font_get(f->tx, "serif", 12, 400, true, "a.fo", 4));
    const tx_font *bold = tx_font_get(f->tx, "DejaVu Sans", 12, 700, false, "a.fo", 4);
    const tx_font *book = tx_font_get(f->tx, "DejaVu Sans", 12, 400, false, "a.fo", 4);
    assert_true(tx_measure(f->tx, bold, "Atelier", 7) > tx_measure(f->tx, book, "Atelier", 7));
    assert_int_equal(diag_capture_size(&f->log), 0); /* nothing was missing */
}

static void missing_families_warn_once_per_list(void **state)
{
    fixture *f = *state;
    const tx_font *font = tx_font_get(f->tx, "Marianne, 'Other Missing'", 11, 400, false,
                                      "atelier.fo", 42);
    tx_font_get(f->tx, "Marianne, 'Other Missing'", 14, 700, false, "atelier.fo", 50);
    char want[256];
    snprintf(want, sizeof want,
             "atelier.fo:42: warning: font family 'Marianne' not found, using '%s'\n",
             tx_font_family(font));
    assert_string_equal(diag_capture_text(&f->log), want);
    assert_true(strlen(tx_font_family(font)) > 0);
    assert_int_equal(diag_warning_count(f->d), 1);
    assert_true(tx_measure(f->tx, font, "texte", 5) > 0); /* the fallback works */
}

static void the_word_cache_counts_and_agrees(void **state)
{
    fixture *f = *state;
    const tx_font *font = tx_font_get(f->tx, "Liberation Serif", 11, 400, false, "a.fo", 1);
    tx_stats s0 = tx_engine_stats(f->tx);
    double w1 = tx_measure(f->tx, font, "territoire", 10);
    tx_stats s1 = tx_engine_stats(f->tx);
    assert_int_equal(s1.words_shaped, s0.words_shaped + 1);
    assert_int_equal(s1.words_reused, s0.words_reused);
    char copy[] = "territoires";
    double w2 = tx_measure(f->tx, font, copy, 10); /* same bytes elsewhere, shorter length */
    tx_stats s2 = tx_engine_stats(f->tx);
    assert_true(w1 == w2);
    assert_int_equal(s2.words_shaped, s1.words_shaped);
    assert_int_equal(s2.words_reused, s1.words_reused + 1);
    assert_true(tx_measure(f->tx, font, copy, 11) > w1);
    /* Another size is another font: another entry, a proportional width. */
    const tx_font *big = tx_font_get(f->tx, "Liberation Serif", 22, 400, false, "a.fo", 1);
    assert_true(fabs(tx_measure(f->tx, big, "territoire", 10) - 2 * w1) < 0.01);
    assert_true(w1 > 30 && w1 < 60);
    assert_true(tx_measure(f->tx, font, "", 0) == 0);
}

static void runs_have_glyphs_clusters_and_text(void **state)
{
    fixture *f = *state;
    arena *a = arena_new();
    const tx_font *font = tx_font_get(f->tx, "DejaVu Sans", 10, 400, false, "a.fo", 1);
    static const char *const texts[] = {"Page 12 sur 40", "efficace", "«\u00A0élu\u00A0»",
                                        "Ça, c'est l'été"};
    tx_color black = {0, 0, 0, 1};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        size_t len = strlen(texts[i]);
        double w = -1;
        tx_run run = tx_shape_run(f->tx, font, black, texts[i], len, a, &w);
        assert_true(fabs(w - tx_measure(f->tx, font, texts[i], len)) < 1e-9);
        assert_int_equal(run.utf8_len, (int)len);
        assert_memory_equal(run.utf8, texts[i], len);
        assert_ptr_equal(run.font, tx_font_cairo(font));
        assert_true(run.size == 10);
        assert_string_equal(run.family, "DejaVu Sans");
        int bytes = 0, glyphs = 0;
        for (int c = 0; c < run.nclusters; c++) {
            assert_true(run.clusters[c].num_bytes > 0 || run.clusters[c].num_glyphs > 0);
            bytes += run.clusters[c].num_bytes;
            glyphs += run.clusters[c].num_glyphs;
        }
        assert_int_equal(bytes, (int)len);
        assert_int_equal(glyphs, run.nglyphs);
        for (int g = 1; g < run.nglyphs; g++)
            assert_true(run.glyphs[g].x > run.glyphs[g - 1].x);
        for (int g = 0; g < run.nglyphs; g++)
            assert_true(run.glyphs[g].index != 0); /* every glyph exists in the font */
        assert_true(run.glyphs[run.nglyphs - 1].x < w);
    }
    arena_destroy(a);
}

static void kerning_comes_from_the_shaper(void **state)
{
    fixture *f = *state;
    const tx_font *font = tx_font_get(f->tx, "DejaVu Sans", 20, 400, false, "a.fo", 1);
    double av = tx_measure(f->tx, font, "AV", 2);
    double sum = tx_measure(f->tx, font, "A", 1) + tx_measure(f->tx, font, "V", 1);
    assert_true(av < sum - 0.1);
}

static void missing_glyphs_fall_back_to_another_font(void **state)
{
    fixture *f = *state;
    arena *a = arena_new();
    const tx_font *font = tx_font_get(f->tx, "Liberation Serif", 11, 400, false, "a.fo", 1);
    tx_style st = {.font = font, .line_height = 13};
    tx_para *p = tx_para_new(f->tx, a, NULL);
    const char *text = "coché\u00A0\u2713 ok";
    tx_para_text(p, text, strlen(text), &st);
    tx_break_opts o = {.width = 300, .text_align = TX_ALIGN_START,
                       .text_align_last = TX_ALIGN_DEFAULT, .algorithm = TX_BREAK_TOTAL_FIT};
    tx_lines ls = tx_para_break(p, &o);
    assert_int_equal(ls.nlines, 1);
    const tx_line *ln = &ls.lines[0];
    assert_true(ln->npieces >= 2); /* the check mark comes from another font */
    GString *all = g_string_new(NULL);
    bool other_font = false;
    for (size_t i = 0; i < ln->npieces; i++) {
        const tx_piece *pc = &ln->pieces[i];
        assert_int_equal(pc->kind, TX_PIECE_TEXT);
        g_string_append_len(all, pc->run.utf8, pc->run.utf8_len);
        other_font |= pc->run.font != tx_font_cairo(font);
        for (int g = 0; g < pc->run.nglyphs; g++)
            assert_true(pc->run.glyphs[g].index != 0);
        if (i > 0)
            assert_true(pc->x >= ln->pieces[i - 1].x + ln->pieces[i - 1].width - 1e-6);
    }
    assert_true(other_font);
    assert_string_equal(all->str, text);
    g_string_free(all, TRUE);
    arena_destroy(a);
}

static void cache_hits_are_fast(void **state)
{
    fixture *f = *state;
    static const char *const words[] = {"Le", "territoire", "de", "la", "vallée", "s'étend",
                                        "sur", "une", "vingtaine", "communes", "rurales",
                                        "dont", "les", "habitants", "partagent", "depuis"};
    const size_t nwords = sizeof words / sizeof *words;
    const tx_font *font = tx_font_get(f->tx, "Liberation Serif", 11, 400, false, "a.fo", 1);
    tx_style st = {.font = font, .line_height = 13, .hyphenate = true};
    GString *text = g_string_new(NULL);
    for (size_t i = 0; i < 2000; i++) {
        g_string_append(text, words[(i * 7) % nwords]);
        g_string_append_c(text, ' ');
    }
    size_t before = tx_engine_stats(f->tx).words_shaped;
    clock_t t0 = clock();
    size_t nlines = 0;
    for (int rep = 0; rep < 10; rep++) {
        arena *a = arena_new();
        tx_para *p = tx_para_new(f->tx, a, "fr");
        tx_para_text(p, text->str, text->len, &st);
        tx_break_opts o = {.width = 300, .text_align = TX_ALIGN_JUSTIFY,
                           .text_align_last = TX_ALIGN_DEFAULT, .algorithm = TX_BREAK_TOTAL_FIT};
        nlines += tx_para_break(p, &o).nlines;
        arena_destroy(a);
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    size_t shaped = tx_engine_stats(f->tx).words_shaped - before;
    assert_true(shaped <= nwords + 40); /* words, and the fragments of hyphenated lines */
    assert_true(nlines > 100);
    print_message("total fit, cache hits: %.0f words/s\n", 20000 / fmax(secs, 1e-9));
    g_string_free(text, TRUE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(family_lists_pick_the_first_installed, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_families_warn_once_per_list, setup, teardown),
        cmocka_unit_test_setup_teardown(the_word_cache_counts_and_agrees, setup, teardown),
        cmocka_unit_test_setup_teardown(runs_have_glyphs_clusters_and_text, setup, teardown),
        cmocka_unit_test_setup_teardown(kerning_comes_from_the_shaper, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_glyphs_fall_back_to_another_font, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(cache_hits_are_fast, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
