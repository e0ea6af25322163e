/* Unit tests for paragraphs and line breaking: collapsing, no-break spaces, forced breaks,
 * justification, greedy versus total fit, hyphenation, overflow and leaders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "text/text.h"

static const char *const FRENCH =
    "Le territoire de la vallée s'étend sur une vingtaine de communes rurales dont les "
    "habitants partagent depuis longtemps des équipements, des services et une histoire "
    "commune. L'atelier a réuni les élus, les services de l'État et les associations "
    "pendant trois jours afin d'imaginer ensemble l'avenir des centres-bourgs, la place "
    "de l'agriculture et la préservation des paysages remarquables qui font l'identité "
    "de ce territoire. Les propositions retenues seront approfondies au cours de l'année "
    "prochaine avec l'appui des bureaux d'études et des partenaires institutionnels.";

typedef struct {
    diag *d;
    tx_engine *tx;
    arena *a;
    tx_style st;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->d = diag_new(stderr);
    f->tx = tx_engine_new(f->d);
    f->a = arena_new();
    f->st.font = tx_font_get(f->tx, "'Liberation Serif', serif", 11, 400, false, "t.fo", 1);
    f->st.line_height = 13.2;
    f->st.hyphenate = false;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    arena_destroy(f->a);
    tx_engine_destroy(f->tx);
    diag_destroy(f->d);
    free(f);
    return 0;
}

static tx_break_opts opts(double width, tx_align align, tx_break_algorithm algo)
{
    return (tx_break_opts){.width = width, .text_align = align,
                           .text_align_last = TX_ALIGN_DEFAULT, .algorithm = algo};
}

static tx_para *para_of(fixture *f, const char *text, const tx_style *st)
{
    tx_para *p = tx_para_new(f->tx, f->a, "fr");
    tx_para_text(p, text, strlen(text), st);
    return p;
}

/* The text a line shows: its text pieces end to end (one style merges into one run). */
static char *line_text(const tx_line *ln)
{
    size_t n = 0;
    for (size_t i = 0; i < ln->npieces; i++)
        if (ln->pieces[i].kind == TX_PIECE_TEXT)
            n += (size_t)ln->pieces[i].run.utf8_len;
    char *s = malloc(n + 1), *q = s;
    for (size_t i = 0; i < ln->npieces; i++)
        if (ln->pieces[i].kind == TX_PIECE_TEXT) {
            memcpy(q, ln->pieces[i].run.utf8, (size_t)ln->pieces[i].run.utf8_len);
            q += ln->pieces[i].run.utf8_len;
        }
    *q = 0;
    return s;
}

/* Lines joined back: a space between lines, none after an inserted hyphen. */
static char *joined_text(const tx_lines *ls)
{
    GString *g = g_string_new(NULL);
    for (size_t i = 0; i < ls->nlines; i++) {
        char *t = line_text(&ls->lines[i]);
        if (ls->lines[i].hyphenated) {
            assert_true(strlen(t) > 0 && t[strlen(t) - 1] == '-');
            t[strlen(t) - 1] = 0;
        }
        g_string_append(g, t);
        /* no space after an explicit hyphen that ended the line either */
        if (i + 1 < ls->nlines && !ls->lines[i].hyphenated && !g_str_has_suffix(g->str, "-"))
            g_string_append_c(g, ' ');
        free(t);
    }
    return g_string_free(g, FALSE);
}

static double line_end(const tx_line *ln)
{
    double end = 0;
    for (size_t i = 0; i < ln->npieces; i++)
        end = fmax(end, ln->pieces[i].x + ln->pieces[i].width);
    return end;
}

static void lines_keep_the_text_modulo_collapsed_spaces(void **state)
{
    fixture *f = *state;
    tx_para *p = tx_para_new(f->tx, f->a, "fr");
    const char *parts[] = {"  Bonjour  ", "   le\tmonde ", "", " entier,\r\nsuite "};
    for (size_t i = 0; i < 4; i++)
        tx_para_text(p, parts[i], strlen(parts[i]), &f->st);
    tx_break_opts o = opts(400, TX_ALIGN_START, TX_BREAK_TOTAL_FIT);
    tx_lines ls = tx_para_break(p, &o);
    assert_int_equal(ls.nlines, 2);
    char *t = joined_text(&ls);
    assert_string_equal(t, "Bonjour le monde entier, suite");
    g_free(t);

    for (int algo = 0; algo < 2; algo++)
        for (double w = 30; w < 500; w += 37) {
            tx_para *q = para_of(f, FRENCH, &f->st);
            o = opts(w, TX_ALIGN_JUSTIFY, (tx_break_algorithm)algo);
            ls = tx_para_break(q, &o);
            t = joined_text(&ls);
            assert_string_equal(t, FRENCH);
            g_free(t);
        }
}

static void no_break_spaces_never_break(void **state)
{
    fixture *f = *state;
    const char *text = "Il a dit\u202F: «\u00A0bonjour\u00A0»\u202F; puis\u202F! Vraiment\u202F? "
                       "Oui\u202F; le 12\u00A0mai à 10\u202Fh, 3\u00A0000\u00A0€.";
    for (int algo = 0; algo < 2; algo++)
        for (double w = 20; w < 260; w += 3) {
            tx_para *p = para_of(f, text, &f->st);
            tx_break_opts o = opts(w, TX_ALIGN_JUSTIFY, (tx_break_algorithm)algo);
            tx_lines ls = tx_para_break(p, &o);
            for (size_t i = 0; i < ls.nlines; i++) {
                char *t = line_text(&ls.lines[i]);
                assert_true(strlen(t) > 0);
                assert_null(strchr(";:!?", t[0]));
                assert_false(g_str_has_prefix(t, "»"));
                assert_false(g_str_has_suffix(t, "«"));
                assert_false(g_str_has_suffix(t, "\u202F") || g_str_has_suffix(t, "\u00A0"));
                assert_false(g_str_has_prefix(t, "\u202F") || g_str_has_prefix(t, "\u00A0"));
                free(t);
            }
        }
}

static void justified_lines_have_the_requested_width(void **state)
{
    fixture *f = *state;
    for (int algo = 0; algo < 2; algo++) {
        tx_para *p = para_of(f, FRENCH, &f->st);
        tx_break_opts o = opts(250, TX_ALIGN_JUSTIFY, (tx_break_algorithm)algo);
        o.text_indent = 15;
        tx_lines ls = tx_para_break(p, &o);
        assert_true(ls.nlines >= 5);
        for (size_t i = 0; i + 1 < ls.nlines; i++) {
            double want = i == 0 ? 235 : 250;
            assert_true(fabs(ls.lines[i].width - want) < 0.01);
            assert_true(fabs(line_end(&ls.lines[i]) - 250) < 0.01);
            assert_true(ls.lines[i].ascent > 5 && ls.lines[i].descent > 1);
            assert_true(fabs(ls.lines[i].line_height - 13.2) < 1e-9);
        }
        assert_true(ls.lines[0].pieces[0].x >= 15 - 1e-9);
        assert_true(ls.lines[ls.nlines - 1].width < 250 - 1);
    }
}

/* A page of another width from the third line on: the first two lines as at the first
 * width alone, the rest justified to the new one, the text whole. */
static void lines_after_a_width_change_take_the_new_width(void **state)
{
    fixture *f = *state;
    for (int algo = 0; algo < 2; algo++) {
        tx_break_opts narrow = opts(200, TX_ALIGN_JUSTIFY, (tx_break_algorithm)algo);
        tx_lines before = tx_para_break(para_of(f, FRENCH, &f->st), &narrow);
        tx_break_opts o = narrow;
        o.wide_from = 2;
        o.wide_width = 320;
        tx_lines ls = tx_para_break(para_of(f, FRENCH, &f->st), &o);
        assert_true(ls.nlines >= 4 && ls.nlines < before.nlines);
        for (size_t i = 0; i < 2; i++) {
            char *got = line_text(&ls.lines[i]), *want = line_text(&before.lines[i]);
            assert_string_equal(got, want);
            free(got);
            free(want);
        }
        for (size_t i = 2; i + 1 < ls.nlines; i++)
            assert_true(fabs(line_end(&ls.lines[i]) - 320) < 0.01);
        char *got = joined_text(&ls), *want = joined_text(&before);
        assert_string_equal(got, want);
        free(got);
        free(want);
    }
}

static double squared_slack(const tx_lines *ls, double width)
{
    double sum = 0;
    for (size_t i = 0; i + 1 < ls->nlines; i++)
        sum += (width - ls->lines[i].width) * (width - ls->lines[i].width);
    return sum;
}

static void total_fit_is_more_even_than_greedy(void **state)
{
    fixture *f = *state;
    int better = 0;
    for (double w = 180; w <= 420; w += 20) {
        tx_break_opts g = opts(w, TX_ALIGN_START, TX_BREAK_GREEDY);
        tx_break_opts t = opts(w, TX_ALIGN_START, TX_BREAK_TOTAL_FIT);
        tx_lines lg = tx_para_break(para_of(f, FRENCH, &f->st), &g);
        tx_lines lt = tx_para_break(para_of(f, FRENCH, &f->st), &t);
        double sg = squared_slack(&lg, w), st = squared_slack(&lt, w);
        assert_true(lt.nlines <= lg.nlines + 1);
        assert_true(st <= sg + 1e-6);
        better += st < sg - 1e-6;
        for (size_t i = 0; i < lt.nlines; i++)
            assert_true(lt.lines[i].width <= w + 1e-6);
    }
    assert_true(better > 0); /* the two are not the same algorithm */
}

static void long_words_are_hyphenated_at_legal_points(void **state)
{
    fixture *f = *state;
    static const char *const legal[] = {"an", "anti", "anticons", "anticonsti", "anticonstitu",
                                        "anticonstitution", "anticonstitutionnel",
                                        "anticonstitutionnelle"};
    tx_style st = f->st;
    st.hyphenate = true;
    for (int algo = 0; algo < 2; algo++)
        for (double w = 40; w <= 100; w += 15) {
            tx_para *p = para_of(f, "anticonstitutionnellement", &st);
            tx_break_opts o = opts(w, TX_ALIGN_JUSTIFY, (tx_break_algorithm)algo);
            tx_lines ls = tx_para_break(p, &o);
            assert_true(ls.nlines >= 2);
            assert_true(ls.lines[0].hyphenated);
            char *t = line_text(&ls.lines[0]);
            size_t n = strlen(t);
            assert_true(n > 1 && t[n - 1] == '-');
            t[n - 1] = 0;
            bool ok = false;
            for (size_t i = 0; i < sizeof legal / sizeof *legal; i++)
                ok |= strcmp(t, legal[i]) == 0;
            assert_true(ok);
            free(t);
            char *all = joined_text(&ls);
            assert_string_equal(all, "anticonstitutionnellement");
            g_free(all);
        }

    /* Not hyphenated: short words, capitals, digits, or hyphenation off. */
    const char *const never[] = {"ANTICONSTITUTIONNELLEMENT", "anticonstitution2025", "chat"};
    for (size_t i = 0; i < 3; i++) {
        tx_para *p = para_of(f, never[i], &st);
        tx_break_opts o = opts(20, TX_ALIGN_START, TX_BREAK_TOTAL_FIT);
        tx_lines ls = tx_para_break(p, &o);
        assert_int_equal(ls.nlines, 1);
        assert_false(ls.lines[0].hyphenated);
    }
    tx_para *p = para_of(f, "anticonstitutionnellement", &f->st);
    tx_break_opts o = opts(40, TX_ALIGN_START, TX_BREAK_GREEDY);
    assert_int_equal(tx_para_break(p, &o).nlines, 1);
}

static void explicit_hyphens_are_break_opportunities(void **state)
{
    fixture *f = *state;
    tx_para *p = para_of(f, "porte-avions", &f->st);
    tx_break_opts o = opts(tx_measure(f->tx, f->st.font, "porte-av", 8), TX_ALIGN_START,
                           TX_BREAK_TOTAL_FIT);
    tx_lines ls = tx_para_break(p, &o);
    assert_int_equal(ls.nlines, 2);
    char *a = line_text(&ls.lines[0]), *b = line_text(&ls.lines[1]);
    assert_string_equal(a, "porte-");
    assert_string_equal(b, "avions");
    assert_false(ls.lines[0].hyphenated);
    free(a);
    free(b);
}

/* Ragged text moves a hyphenated name whole to the next line when it fits there;
 * min-content measuring never breaks it. */
static void names_are_not_cut_at_their_hyphens(void **state)
{
    fixture *f = *state;
    const char *text = "Commune de Saint-Geniès-d'Auzonne";
    double name = tx_measure(f->tx, f->st.font, "Saint-Geniès-d'Auzonne", 23);
    double head = tx_measure(f->tx, f->st.font, "Commune de Saint-", 17);
    tx_break_opts o = opts(fmax(name, head) + 2, TX_ALIGN_START, TX_BREAK_GREEDY);
    tx_lines ls = tx_para_break(para_of(f, text, &f->st), &o);
    assert_int_equal(ls.nlines, 2);
    char *a = line_text(&ls.lines[0]), *b = line_text(&ls.lines[1]);
    assert_string_equal(a, "Commune de");
    assert_string_equal(b, "Saint-Geniès-d'Auzonne");
    free(a);
    free(b);
    tx_para *p = tx_para_new(f->tx, f->a, "fr");
    tx_para_whole_words(p);
    tx_para_text(p, "Saint-Geniès", 13, &f->st);
    o = opts(5, TX_ALIGN_START, TX_BREAK_GREEDY);
    assert_int_equal(tx_para_break(p, &o).nlines, 1);
}

static void soft_hyphens_break_with_a_visible_hyphen(void **state)
{
    fixture *f = *state;
    const char *text = "extra\u00ADordinaire";
    double w = tx_measure(f->tx, f->st.font, "extra-or", 8);
    for (int algo = 0; algo < 2; algo++) {
        tx_para *p = para_of(f, text, &f->st); /* hyphenation off: only the soft hyphen */
        tx_break_opts o = opts(w, TX_ALIGN_JUSTIFY, (tx_break_algorithm)algo);
        tx_lines ls = tx_para_break(p, &o);
        assert_int_equal(ls.nlines, 2);
        assert_true(ls.lines[0].hyphenated);
        char *t = line_text(&ls.lines[0]);
        assert_string_equal(t, "extra\u00AD-");
        free(t);
        char *all = joined_text(&ls);
        assert_string_equal(all, text);
        g_free(all);
    }
    tx_break_opts o = opts(300, TX_ALIGN_START, TX_BREAK_TOTAL_FIT);
    tx_lines ls = tx_para_break(para_of(f, text, &f->st), &o);
    assert_int_equal(ls.nlines, 1);
    assert_false(ls.lines[0].hyphenated);
}

static void words_wider_than_the_line_overflow(void **state)
{
    fixture *f = *state;
    for (int algo = 0; algo < 2; algo++) {
        tx_para *p = para_of(f, "a Supercalifragilisticexpialidocious b", &f->st);
        tx_break_opts o = opts(30, TX_ALIGN_JUSTIFY, (tx_break_algorithm)algo);
        tx_lines ls = tx_para_break(p, &o);
        assert_int_equal(ls.nlines, 3);
        char *t = line_text(&ls.lines[1]);
        assert_string_equal(t, "Supercalifragilisticexpialidocious");
        assert_true(ls.lines[1].width > 30);
        free(t);
    }
    /* A zero or negative width still terminates, one word a line. */
    for (int algo = 0; algo < 2; algo++) {
        tx_para *p = para_of(f, "un deux trois", &f->st);
        tx_break_opts o = opts(algo ? 0 : -5, TX_ALIGN_JUSTIFY, (tx_break_algorithm)algo);
        assert_int_equal(tx_para_break(p, &o).nlines, 3);
    }
}

static void forced_breaks_end_lines(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *text;
        size_t nlines;
    } cases[] = {{"un\ndeux", 2}, {"un\n\ndeux", 3}, {"un\n", 1}, {"\n", 1},
                 {"", 0},         {"   ", 0},        {"un \n deux", 2}};
    for (int algo = 0; algo < 2; algo++)
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
            tx_para *p = para_of(f, cases[i].text, &f->st);
            tx_break_opts o = opts(300, TX_ALIGN_JUSTIFY, (tx_break_algorithm)algo);
            tx_lines ls = tx_para_break(p, &o);
            assert_int_equal(ls.nlines, cases[i].nlines);
            for (size_t k = 0; k < ls.nlines; k++)
                assert_true(ls.lines[k].ascent > 0); /* empty lines keep the font's height */
        }
    tx_para *p = para_of(f, "un", &f->st);
    tx_para_break_here(p);
    tx_para_text(p, "deux", 4, &f->st);
    tx_break_opts o = opts(300, TX_ALIGN_JUSTIFY, TX_BREAK_TOTAL_FIT);
    tx_lines ls = tx_para_break(p, &o);
    assert_int_equal(ls.nlines, 2);
    char *t = line_text(&ls.lines[1]);
    assert_string_equal(t, "deux");
    assert_true(ls.lines[0].width < 100); /* a line ending in a forced break is not justified */
    free(t);
}

static void toc_leaders_fill_the_line(void **state)
{
    fixture *f = *state;
    const char *titles[] = {"Introduction", "Conclusion générale", "Annexes"};
    double dot = tx_measure(f->tx, f->st.font, ".", 1);
    for (size_t i = 0; i < 3; i++) {
        tx_para *p = para_of(f, titles[i], &f->st);
        tx_para_text(p, " ", 1, &f->st);
        tx_para_leader(p, 0, 12, INFINITY, TX_LEADER_DOTS, 0, &f->st);
        tx_para_text(p, "3", 1, &f->st);
        tx_break_opts o = opts(300, TX_ALIGN_START, TX_BREAK_TOTAL_FIT);
        tx_lines ls = tx_para_break(p, &o);
        assert_int_equal(ls.nlines, 1);
        const tx_line *ln = &ls.lines[0];
        assert_true(fabs(line_end(ln) - 300) < 0.01);
        assert_true(fabs(ln->width - 300) < 0.01);
        assert_int_equal(ln->npieces, 3);
        const tx_piece *dots = &ln->pieces[1];
        assert_int_equal(dots->kind, TX_PIECE_TEXT);
        assert_true(dots->run.nglyphs > 20);
        for (int g = 0; g < dots->run.nglyphs; g++) {
            double x = dots->x + dots->run.glyphs[g].x;
            double k = x / dot;
            assert_true(fabs(k - round(k)) < 1e-6); /* on the grid shared by stacked lines */
            assert_true(x >= dots->x - 1e-9 && x + dot <= dots->x + dots->width + 1e-9);
        }
        assert_int_equal(dots->run.utf8_len, dots->run.nglyphs);
    }
    /* A rule leader with a bounded length keeps its optimum on a ragged line. */
    tx_para *p = para_of(f, "Signature", &f->st);
    tx_para_leader(p, 10, 50, 80, TX_LEADER_RULE, 0.5, &f->st);
    tx_break_opts o = opts(300, TX_ALIGN_START, TX_BREAK_GREEDY);
    tx_lines ls = tx_para_break(p, &o);
    assert_int_equal(ls.nlines, 1);
    assert_int_equal(ls.lines[0].pieces[1].kind, TX_PIECE_RULE);
    assert_true(fabs(ls.lines[0].pieces[1].width - 50) < 1e-9);
    /* Only a leader: one line, no loop. */
    p = tx_para_new(f->tx, f->a, NULL);
    tx_para_leader(p, 0, 12, INFINITY, TX_LEADER_SPACE, 0, &f->st);
    ls = tx_para_break(p, &o);
    assert_int_equal(ls.nlines, 1);
    assert_true(fabs(ls.lines[0].width - 300) < 0.01);
}

static void alignment_offsets_the_pieces(void **state)
{
    fixture *f = *state;
    double w = tx_measure(f->tx, f->st.font, "Titre", 5);
    static const struct {
        tx_align align;
        double factor;
    } cases[] = {{TX_ALIGN_START, 0}, {TX_ALIGN_CENTER, 0.5}, {TX_ALIGN_END, 1}, {TX_ALIGN_JUSTIFY, 0}};
    for (size_t i = 0; i < 4; i++) {
        tx_para *p = para_of(f, "Titre", &f->st);
        tx_break_opts o = opts(200, cases[i].align, TX_BREAK_TOTAL_FIT);
        tx_lines ls = tx_para_break(p, &o);
        assert_int_equal(ls.nlines, 1);
        assert_true(fabs(ls.lines[0].pieces[0].x - (200 - w) * cases[i].factor) < 1e-6);
    }
    tx_para *p = para_of(f, "Titre", &f->st);
    tx_break_opts o = opts(200, TX_ALIGN_JUSTIFY, TX_BREAK_TOTAL_FIT);
    o.text_align_last = TX_ALIGN_END;
    tx_lines ls = tx_para_break(p, &o);
    assert_true(fabs(line_end(&ls.lines[0]) - 200) < 1e-6);
}

/* Natural width of `text` as the breaker sees it (words shaped apart, spaces between), its
 * number of spaces, and what those spaces may shrink (a third of each). */
static double natural_width(fixture *f, const char *text, int *nspaces, double *shrink)
{
    double w = 0;
    *nspaces = 0;
    for (const char *q = text; *q;) {
        size_t n = strcspn(q, " ");
        w += tx_measure(f->tx, f->st.font, q, n);
        q += n;
        if (*q == ' ') {
            (*nspaces)++;
            q++;
        }
    }
    double space = tx_measure(f->tx, f->st.font, " ", 1);
    *shrink = *nspaces * space / 3;
    return w + *nspaces * space;
}

/* As FOP (and TeX with a finite \parfillskip): a justified paragraph that is wider than its
 * line by less than its spaces can shrink fits on one line, its last, rather than leave a
 * word alone on a second one; the same before a forced break. Ragged text never shrinks. */
static void justified_last_lines_shrink_rather_than_overflow(void **state)
{
    fixture *f = *state;
    const char *text = "Un comité de projet communal, élargi à la communauté de communes et à "
                       "l’État, suit la reconversion de la friche.";
    int nspaces;
    double shrink, natural = natural_width(f, text, &nspaces, &shrink);
    assert_int_equal(nspaces, 19);
    static const struct {
        tx_align align;
        double used;   /* of the shrink: the line is natural - used * shrink wide */
        bool forced;   /* a forced break and a word follow the text */
        size_t nlines; /* lines of the text itself */
    } cases[] = {
        {TX_ALIGN_JUSTIFY, 0.0, false, 1}, {TX_ALIGN_JUSTIFY, 0.3, false, 1},
        {TX_ALIGN_JUSTIFY, 0.85, false, 1}, {TX_ALIGN_JUSTIFY, 0.9, false, 1},
        {TX_ALIGN_JUSTIFY, 1.2, false, 2},  {TX_ALIGN_JUSTIFY, 0.85, true, 1},
        {TX_ALIGN_START, 0.3, false, 2},    {TX_ALIGN_START, 0.85, true, 2},
    };
    /* spaces around the text (as XSLT output often has) take no room at the line ends */
    char *padded = g_strdup_printf(" %s ", text);
    for (int algo = 0; algo < 4; algo++)
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
            double w = natural - cases[i].used * shrink;
            tx_para *p = para_of(f, algo >= 2 ? padded : text, &f->st);
            if (cases[i].forced) {
                tx_para_break_here(p);
                tx_para_text(p, "suite", 5, &f->st);
            }
            tx_break_opts o = opts(w, cases[i].align, (tx_break_algorithm)(algo % 2));
            tx_lines ls = tx_para_break(p, &o);
            assert_int_equal(ls.nlines, cases[i].nlines + cases[i].forced);
            char *all = joined_text(&ls);
            assert_true(g_str_has_prefix(all, text));
            g_free(all);
            const tx_line *first = &ls.lines[0];
            if (cases[i].nlines == 1) {
                /* spaces shrunk just enough: the line ends at the margin, not past it */
                assert_true(fabs(first->width - w) < 0.01);
                assert_true(fabs(line_end(first) - w) < 0.01);
            } else {
                assert_true(first->width <= w + 1e-6);
            }
        }
    g_free(padded);
}

static void objects_and_styles_set_line_metrics(void **state)
{
    fixture *f = *state;
    tx_style big = f->st;
    big.font = tx_font_get(f->tx, "DejaVu Sans", 20, 700, false, "t.fo", 2);
    big.line_height = 24;
    tx_para *p = para_of(f, "petit ", &f->st);
    tx_para_text(p, "GRAND", 5, &big);
    tx_para_object(p, 30, 40, 5, &f->st);
    tx_break_opts o = opts(300, TX_ALIGN_START, TX_BREAK_TOTAL_FIT);
    tx_lines ls = tx_para_break(p, &o);
    assert_int_equal(ls.nlines, 1);
    assert_true(ls.lines[0].ascent >= 40);
    assert_true(ls.lines[0].descent >= tx_font_descent(big.font) - 1e-9);
    assert_true(fabs(ls.lines[0].line_height - 24) < 1e-9);
    assert_int_equal(ls.lines[0].npieces, 3);
    assert_int_equal(ls.lines[0].pieces[2].kind, TX_PIECE_OBJECT);
    assert_true(ls.lines[0].pieces[2].style == &f->st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(lines_keep_the_text_modulo_collapsed_spaces, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(no_break_spaces_never_break, setup, teardown),
        cmocka_unit_test_setup_teardown(justified_lines_have_the_requested_width, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(lines_after_a_width_change_take_the_new_width, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(total_fit_is_more_even_than_greedy, setup, teardown),
        cmocka_unit_test_setup_teardown(names_are_not_cut_at_their_hyphens, setup, teardown),
        cmocka_unit_test_setup_teardown(long_words_are_hyphenated_at_legal_points, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(explicit_hyphens_are_break_opportunities, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(soft_hyphens_break_with_a_visible_hyphen, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(words_wider_than_the_line_overflow, setup, teardown),
        cmocka_unit_test_setup_teardown(forced_breaks_end_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(toc_leaders_fill_the_line, setup, teardown),
        cmocka_unit_test_setup_teardown(alignment_offsets_the_pieces, setup, teardown),
        cmocka_unit_test_setup_teardown(justified_last_lines_shrink_rather_than_overflow, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(objects_and_styles_set_line_metrics, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
