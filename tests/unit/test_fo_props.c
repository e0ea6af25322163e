/* Unit tests of gen/fo: values, expressions, shorthands, inheritance and computed
 * properties. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fo/fo.h"
#include "support.h"

#define EPS 1e-3

/* ---- fixtures: an arena, a diag writing into a string --------------------------------- */

typedef arena_log fixture;

static const char *messages(fixture *f)
{
    return diag_capture_text(&f->log);
}

/* A node of `kind` under `parent` with the given attributes. */
static fo_node *node(fixture *f, fo_kind kind, fo_node *parent, const char *const *attrs)
{
    fo_node *n = arena_alloc(f->a, sizeof *n);
    n->kind = kind;
    n->line = 7;
    n->parent = parent;
    fo_compute_props(n, attrs, parent, "t.fo", f->a, f->d);
    return n;
}

#define ATTRS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ---- lengths and expressions ---------------------------------------------------------- */

static void test_lengths(void **state)
{
    (void)state;
    static const struct {
        const char *expr;
        double abs, rel, prop;
    } cases[] = {
        {"2cm", 56.6929, 0, 0},
        {"10mm", 28.3465, 0, 0},
        {"1in", 72, 0, 0},
        {"1in+6pt", 78, 0, 0},
        {"1in + 6pt", 78, 0, 0},
        {"2pc", 24, 0, 0},
        {"96px", 72, 0, 0},
        {"0", 0, 0, 0},
        {"-3pt", -3, 0, 0},
        {"(10pt + 2pt) * 2", 24, 0, 0},
        {"2 * (10pt - 4pt)", 12, 0, 0},
        {"10pt div 4", 2.5, 0, 0},
        {"10pt mod 4pt", 2, 0, 0},
        {"50%", 0, 0.5, 0},
        {"100% - 2cm", -56.6929, 1, 0},
        {"1.5em", 15, 0, 0},
        {"1.5em + 10%", 15, 0.1, 0},
        {"abs(-4pt)", 4, 0, 0},
        {"max(3pt, 5pt)", 5, 0, 0},
        {"min(3pt, 5pt)", 3, 0, 0},
        {"floor(2.7) * 1pt", 2, 0, 0},
        {"ceiling(2.2) * 1pt", 3, 0, 0},
        {"round(2.5) * 1pt", 3, 0, 0},
        {"proportional-column-width(3)", 0, 0, 3},
        {".5in", 36, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fo_len l;
        const char *err = NULL;
        if (!fo_eval_length(cases[i].expr, 10.0, NULL, &l, &err))
            fail_msg("'%s' failed: %s", cases[i].expr, err);
        if (fabs(l.abs - cases[i].abs) > EPS || fabs(l.rel - cases[i].rel) > EPS ||
            fabs(l.prop - cases[i].prop) > EPS)
            fail_msg("'%s' gave %g + %g%% + %g*", cases[i].expr, l.abs, l.rel * 100, l.prop);
    }
}

static void test_bad_lengths(void **state)
{
    (void)state;
    static const char *const bad[] = {"", "12", "12qq", "1pt +", "(1pt", "1pt * 2pt", "red",
                                      "1pt solid", "label-end()", "foo(1)", "2pt div 0"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        fo_len l;
        const char *err = NULL;
        if (fo_eval_length(bad[i], 12, NULL, &l, &err))
            fail_msg("'%s' should not parse", bad[i]);
        assert_non_null(err);
    }
}

static void test_label_end_body_start(void **state)
{
    fixture *f = *state;
    fo_node *root = node(f, FO_ROOT, NULL, NULL);
    fo_node *lb = node(f, FO_LIST_BLOCK, root,
                       ATTRS("start-indent", "10pt", "provisional-distance-between-starts",
                             "30pt", "provisional-label-separation", "5pt"));
    fo_node *item = node(f, FO_LIST_ITEM, lb, NULL);
    fo_len l;
    assert_true(fo_eval_length("label-end()", 12, item, &l, NULL));
    /* 100% - (10 + 30 - 5) */
    assert_float_equal(l.abs, -35, EPS);
    assert_float_equal(l.rel, 1, EPS);
    assert_true(fo_eval_length("body-start()", 12, item, &l, NULL));
    assert_float_equal(l.abs, 40, EPS);
    assert_float_equal(l.rel, 0, EPS);

    fo_node *label = node(f, FO_LIST_ITEM_LABEL, item, ATTRS("end-indent", "label-end()"));
    assert_float_equal(label->props->end_indent.abs, -35, EPS);
    assert_float_equal(label->props->end_indent.rel, 1, EPS);
    fo_node *body = node(f, FO_LIST_ITEM_BODY, item, ATTRS("start-indent", "body-start()"));
    assert_float_equal(body->props->start_indent.abs, 40, EPS);
    assert_true(fo_is_specified(body, FO_PROP_start_indent));
    assert_false(fo_is_specified(body, FO_PROP_end_indent));
    assert_string_equal(messages(f), "");
}

/* ---- colours ---------------------------------------------------------------------------- */

static void test_colors(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        float r, g, b, a;
    } cases[] = {
        {"#f00", 1, 0, 0, 1},
        {"#00ff00", 0, 1, 0, 1},
        {"#336699", 0.2f, 0.4f, 0.6f, 1},
        {"rgb(255, 0, 0)", 1, 0, 0, 1},
        {"rgb(0,128,255)", 0, 128 / 255.0f, 1, 1},
        {"rgb(50%, 0%, 100%)", 0.5f, 0, 1, 1},
        {"red", 1, 0, 0, 1},
        {"Navy", 0, 0, 128 / 255.0f, 1},
        {"lightgoldenrodyellow", 250 / 255.0f, 250 / 255.0f, 210 / 255.0f, 1},
        {"yellowgreen", 154 / 255.0f, 205 / 255.0f, 50 / 255.0f, 1},
        {"aliceblue", 240 / 255.0f, 248 / 255.0f, 1, 1},
        {"transparent", 0, 0, 0, 0},
        {" black ", 0, 0, 0, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fo_color c;
        if (!fo_parse_color(cases[i].s, &c))
            fail_msg("'%s' did not parse", cases[i].s);
        if (fabsf(c.r - cases[i].r) > 1e-3f || fabsf(c.g - cases[i].g) > 1e-3f ||
            fabsf(c.b - cases[i].b) > 1e-3f || fabsf(c.a - cases[i].a) > 1e-3f)
            fail_msg("'%s' gave %g %g %g %g", cases[i].s, c.r, c.g, c.b, c.a);
    }
    static const char *const bad[] = {"", "#12", "#gggggg", "rgb(1,2)", "notacolour",
                                      "rgb(1,2,3"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        fo_color c;
        if (fo_parse_color(bad[i], &c))
            fail_msg("'%s' should not parse", bad[i]);
    }
}

/* ---- initial values and keywords -------------------------------------------------------- */

static void test_initial_values(void **state)
{
    fixture *f = *state;
    fo_node *root = node(f, FO_ROOT, NULL, NULL);
    const fo_props *p = root->props;
    assert_float_equal(p->font_size, 12, EPS);
    assert_int_equal(p->font_weight, 400);
    assert_true(p->line_height.is_factor);
    assert_float_equal(p->line_height.value, 1.2, EPS);
    assert_int_equal(p->text_align, FO_KW_start);
    assert_true(fo_len_is_auto(p->width));
    assert_float_equal(p->border_before_width.abs, 1, EPS); /* medium */
    assert_int_equal(p->border_before_style, FO_KW_none);
    assert_float_equal(fo_border_width(p, 0), 0, EPS);
    assert_true(p->space_before.discard);
    assert_float_equal(p->leader_length.opt.abs, 12, EPS);
    assert_float_equal(p->leader_length.max.rel, 1, EPS);
    assert_int_equal(p->leader_pattern_width.kw, FO_KW_use_font_metrics);
    assert_int_equal(p->widows, 2);
    assert_string_equal(p->font_family, "sans-serif");
    assert_float_equal(p->color.a, 1, EPS);
    assert_float_equal(p->background_color.a, 0, EPS);
    assert_string_equal(fo_kw_name(FO_KW_even_page), "even-page");
    assert_string_equal(fo_kind_name(FO_TABLE_CELL), "table-cell");
    assert_string_equal(fo_kind_name(FO_TEXT), "#text");
}

/* ---- fonts and line height -------------------------------------------------------------- */

static void test_font_size(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *parent, *value;
        double expect;
    } cases[] = {
        {"10pt", "120%", 12},     {"10pt", "1.5em", 15},   {"10pt", "larger", 12},
        {"12pt", "smaller", 10},  {"20pt", "medium", 12},  {"10pt", "large", 14.4},
        {"10pt", "xx-small", 6.944}, {"10pt", "8pt + 1pt", 9}, {"10pt", "inherit", 10},
    };
    fo_node *root = node(f, FO_ROOT, NULL, NULL);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fo_node *p = node(f, FO_BLOCK, root, ATTRS("font-size", cases[i].parent));
        fo_node *c = node(f, FO_BLOCK, p, ATTRS("font-size", cases[i].value));
        if (fabs(c->props->font_size - cases[i].expect) > EPS)
            fail_msg("font-size %s in %s gave %g", cases[i].value, cases[i].parent,
                     c->props->font_size);
    }
    /* nested percentages compound */
    fo_node *a = node(f, FO_BLOCK, root, ATTRS("font-size", "120%"));
    fo_node *b = node(f, FO_BLOCK, a, ATTRS("font-size", "120%"));
    fo_node *c = node(f, FO_INLINE, b, NULL);
    assert_float_equal(a->props->font_size, 14.4, EPS);
    assert_float_equal(b->props->font_size, 17.28, EPS);
    assert_float_equal(c->props->font_size, 17.28, EPS);
    /* em lengths of other properties use the element's own font-size */
    fo_node *d = node(f, FO_BLOCK, root, ATTRS("font-size", "10pt", "space-before", "2em",
                                              "text-indent", "1em"));
    assert_float_equal(d->props->space_before.opt.abs, 20, EPS);
    assert_float_equal(d->props->text_indent.abs, 10, EPS);
    assert_string_equal(messages(f), "");
}

static void test_font_weight(void **state)
{
    fixture *f = *state;
    fo_node *root = node(f, FO_ROOT, NULL, NULL);
    static const struct {
        const char *parent, *value;
        int expect;
    } cases[] = {
        {"normal", "bold", 700}, {"400", "bolder", 700}, {"700", "bolder", 900},
        {"700", "lighter", 400}, {"400", "lighter", 100}, {"normal", "300", 300},
        {"bold", "inherit", 700}, {"bold", "normal", 400},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fo_node *p = node(f, FO_BLOCK, root, ATTRS("font-weight", cases[i].parent));
        fo_node *c = node(f, FO_INLINE, p, ATTRS("font-weight", cases[i].value));
        if (c->props->font_weight != cases[i].expect)
            fail_msg("font-weight %s in %s gave %d", cases[i].value, cases[i].parent,
                     c->props->font_weight);
    }
}

static void test_line_height(void **state)
{
    fixture *f = *state;
    fo_node *root = node(f, FO_ROOT, NULL, NULL);
    /* a number inherits as a factor */
    fo_node *a = node(f, FO_BLOCK, root, ATTRS("font-size", "10pt", "line-height", "1.5"));
    fo_node *a2 = node(f, FO_BLOCK, a, ATTRS("font-size", "20pt"));
    assert_true(a2->props->line_height.is_factor);
    assert_float_equal(a2->props->line_height.value, 1.5, EPS);
    /* a length or a percentage inherits as points */
    fo_node *b = node(f, FO_BLOCK, root, ATTRS("font-size", "10pt", "line-height", "150%"));
    fo_node *b2 = node(f, FO_BLOCK, b, ATTRS("font-size", "20pt"));
    assert_false(b2->props->line_height.is_factor);
    assert_float_equal(b2->props->line_height.value, 15, EPS);
    fo_node *c = node(f, FO_BLOCK, root, ATTRS("font-size", "10pt", "line-height", "1.2em"));
    assert_false(c->props->line_height.is_factor);
    assert_float_equal(c->props->line_height.value, 12, EPS);
    fo_node *d = node(f, FO_BLOCK, b, ATTRS("line-height", "normal"));
    assert_true(d->props->line_height.is_factor);
    assert_float_equal(d->props->line_height.value, 1.2, EPS);
    fo_node *e = node(f, FO_BLOCK, root, ATTRS("line-height", "14pt"));
    assert_float_equal(e->props->line_height.value, 14, EPS);
}

static void test_font_shorthand(void **state)
{
    fixture *f = *state;
    fo_node *root = node(f, FO_ROOT, NULL, NULL);
    fo_node *n = node(f, FO_BLOCK, root, ATTRS("font", "italic bold 10pt/14pt Liberation Serif"));
    assert_int_equal(n->props->font_style, FO_KW_italic);
    assert_int_equal(n->props->font_weight, 700);
    assert_float_equal(n->props->font_size, 10, EPS);
    assert_float_equal(n->props->line_height.value, 14, EPS);
    assert_string_equal(n->props->font_family, "Liberation Serif");
    /* a specific property wins over the shorthand, whatever the order */
    fo_node *m = node(f, FO_BLOCK, root, ATTRS("font-size", "9pt", "font", "11pt serif"));
    assert_float_equal(m->props->font_size, 9, EPS);
    assert_string_equal(messages(f), "");
}

/* ---- shorthands and margins ----------------------------------------------------------- */

static void test_border_shorthand(void **state)
{
    fixture *f = *state;
    fo_node *root = node(f, FO_ROOT, NULL, NULL);
    fo_node *n = node(f, FO_BLOCK, root, ATTRS("border", "1pt solid red"));
    const fo_props *p = n->props;
    for (int side = 0; side < 4; side++)
        assert_float_equal(fo_border_width(p, side), 1, EPS);
    assert_int_equal(p->border_start_style, FO_KW_solid);
    assert_float_equal(p->border_end_color.r, 1, EPS);
    assert_float_equal(p->border_end_color.g, 0, EPS);

    n = node(f, FO_BLOCK, root,
             ATTRS("border-top", "thick dashed", "border-bottom-width", "thin",
                   "border-bottom-style", "solid", "color", "blue"));
    p = n->props;
    assert_float_equal(fo_border_width(p, 0), 2, EPS);
    assert_int_equal(p->border_before_style, FO_KW_dashed);
    assert_float_equal(fo_border_width(p, 1), 0.5, EPS);
    assert_float_equal(fo_border_width(p, 2), 0, EPS); /* style none */
    /* border colours default to the element's colour */
    assert_float_equal(p->border_before_color.b, 1, EPS);

    /* specificity: border-before-width > border-top-width > border-top > border-width > border */
    n = node(f, FO_BLOCK, root,
             ATTRS("border-before-width", "5pt", "border-top-width", "4pt", "border-width",
                   "2pt", "border", "1pt solid", "border-left", "3pt dotted green"));
    p = n->props;
    assert_float_equal(p->border_before_width.abs, 5, EPS);
    assert_float_equal(p->border_after_width.abs, 2, EPS);
    assert_float_equal(p->border_start_width.abs, 3, EPS);
    assert_int_equal(p->border_start_style, FO_KW_dotted);
    assert_int_equal(p->border_end_style, FO_KW_solid);

    n = node(f, FO_BLOCK, root,
             ATTRS("border-style", "solid", "border-color", "red blue",
                   "border-left-color", "currentColor", "color", "#00ff00"));
    p = n->props;
    assert_float_equal(p->border_before_color.r, 1, EPS);
    assert_float_equal(p->border_end_color.b, 1, EPS);
    assert_float_equal(p->border_start_color.g, 1, EPS);
    assert_string_equal(messages(f), "");
}

static void test_box_shorthands(void **state)
{
    fixture *f = *state;
    fo_node *root = node(f, FO_ROOT, NULL, NULL);
    static const struct {
        const char *value;
        double before, end, after, start;
    } cases[] = {
        {"1pt", 1, 1, 1, 1},
        {"1pt 2pt", 1, 2, 1, 2},
        {"1pt 2pt 3pt", 1, 2, 3, 2},
        {"1pt 2pt 3pt 4pt", 1, 2, 3, 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fo_node *n = node(f, FO_TABLE_CELL, root, ATTRS("padding", cases[i].value));
        const fo_props *p = n->props;
        assert_float_equal(p->padding_before.abs, cases[i].before, EPS);
        assert_float_equal(p->padding_end.abs, cases[i].end, EPS);
        assert_float_equal(p->padding_after.abs, cases[i].after, EPS);
        assert_float_equal(p->padding_start.abs, cases[i].start, EPS);
    }
    /* relative beats absolute beats shorthand */
    fo_node *n = node(f, FO_TABLE_CELL, root,
                      ATTRS("padding-start", "7pt", "padding-left", "6pt", "padding", "1pt",
                            "padding-right", "5pt"));
    assert_float_equal(n->props->padding_start.abs, 7, EPS);
    assert_float_equal(n->props->padding_end.abs, 5, EPS);
    assert_float_equal(n->props->padding_before.abs, 1, EPS);

    n = node(f, FO_SIMPLE_PAGE_MASTER, root, ATTRS("margin", "1cm 2cm"));
    assert_float_equal(n->props->margin_top.abs, 28.3465, EPS);
    assert_float_equal(n->props->margin_left.abs, 56.6929, EPS);
    /* on page masters, margins are not turned into indents */
    assert_float_equal(n->props->start_indent.abs, 0, EPS);
    assert_float_equal(n->props->space_before.opt.abs, 0, EPS);
    assert_string_equal(messages(f), "");
}

static void test_margins_to_indents(void **state)
{
    fixture *f = *state;
    fo_node *root = node(f, FO_ROOT, NULL, NULL);
    fo_node *outer = node(f, FO_BLOCK, root,
                          ATTRS("margin-left", "10pt", "margin-right", "5%", "margin-top",
                                "6pt", "margin-bottom", "3pt"));
    const fo_props *p = outer->props;
    assert_float_equal(p->start_indent.abs, 10, EPS);
    assert_float_equal(p->end_indent.rel, 0.05, EPS);
    assert_float_equal(p->space_before.opt.abs, 6, EPS);
    assert_float_equal(p->space_before.min.abs, 6, EPS);
    assert_float_equal(p->space_after.max.abs, 3, EPS);
    assert_true(fo_is_specified(outer, FO_PROP_start_indent));

    /* nested: inherited start-indent + margin + border + padding */
    fo_node *inner = node(f, FO_BLOCK, outer,
                          ATTRS("margin-left", "4pt", "border", "2pt solid", "padding-left",
                                "1pt"));
    assert_float_equal(inner->props->start_indent.abs, 17, EPS);
    /* no margin: start-indent inherits */
    fo_node *plain = node(f, FO_BLOCK, inner, NULL);
    assert_float_equal(plain->props->start_indent.abs, 17, EPS);
    assert_float_equal(plain->props->space_before.opt.abs, 0, EPS);
    /* start-indent given: margin-left does not change it */
    fo_node *given = node(f, FO_BLOCK, outer, ATTRS("start-indent", "1pt", "margin-left", "9pt",
                                                   "space-before", "2pt", "margin-top", "8pt"));
    assert_float_equal(given->props->start_indent.abs, 1, EPS);
    assert_float_equal(given->props->space_before.opt.abs, 2, EPS);
    /* inline: margins become space-start/end */
    fo_node *in = node(f, FO_INLINE, plain, ATTRS("margin-left", "3pt"));
    assert_float_equal(in->props->space_start.opt.abs, 3, EPS);
    assert_float_equal(in->props->start_indent.abs, 17, EPS);
}

/* ---- spaces and keeps --------------------------------------------------------------------- */

static void test_space_components(void **state)
{
    fixture *f = *state;
    fo_node *root = node(f, FO_ROOT, NULL, NULL);
    fo_node *n = node(f, FO_BLOCK, root,
                      ATTRS("space-before.optimum", "6pt", "space-before.minimum", "4pt",
                            "space-before.maximum", "8pt", "space-before.conditionality",
                            "retain", "space-before.precedence", "force"));
    const fo_space *s = &n->props->space_before;
    assert_float_equal(s->min.abs, 4, EPS);
    assert_float_equal(s->opt.abs, 6, EPS);
    assert_float_equal(s->max.abs, 8, EPS);
    assert_false(s->discard);
    assert_int_equal(s->precedence, FO_FORCE);

    n = node(f, FO_BLOCK, root, ATTRS("space-after", "5pt", "space-after.precedence", "3"));
    s = &n->props->space_after;
    assert_float_equal(s->min.abs, 5, EPS);
    assert_float_equal(s->max.abs, 5, EPS);
    assert_true(s->discard);
    assert_int_equal(s->precedence, 3);

    /* only the optimum: the range follows it */
    n = node(f, FO_BLOCK, root, ATTRS("space-after.optimum", "12pt"));
    s = &n->props->space_after;
    assert_float_equal(s->opt.abs, 12, EPS);
    assert_float_equal(s->max.abs, 12, EPS);
    assert_true(fo_is_specified(n, FO_PROP_space_after));
    /* spaces are not inherited */
    fo_node *c = node(f, FO_BLOCK, n, NULL);
    assert_float_equal(c->props->space_after.opt.abs, 0, EPS);
    assert_string_equal(messages(f), "");
}

static void test_keeps_and_breaks(void **state)
{
    fixture *f = *state;
    fo_node *root = node(f, FO_ROOT, NULL, NULL);
    fo_node *n = node(f, FO_BLOCK, root,
                      ATTRS("keep-with-next", "always", "keep-together.within-page", "5",
                            "keep-with-previous.within-column", "always"));
    const fo_props *p = n->props;
    assert_int_equal(p->keep_with_next.within_page, FO_KEEP_ALWAYS);
    assert_int_equal(p->keep_with_next.within_line, FO_KEEP_ALWAYS);
    assert_int_equal(p->keep_together.within_page, 5);
    assert_int_equal(p->keep_together.within_line, 0);
    assert_int_equal(p->keep_with_previous.within_column, FO_KEEP_ALWAYS);
    assert_int_equal(p->keep_with_previous.within_page, 0);
    /* keep-together is inherited, keep-with-next is not */
    fo_node *c = node(f, FO_BLOCK, n, NULL);
    assert_int_equal(c->props->keep_together.within_page, 5);
    assert_int_equal(c->props->keep_with_next.within_page, 0);

    n = node(f, FO_BLOCK, root,
             ATTRS("page-break-before", "always", "page-break-after", "avoid",
                   "page-break-inside", "avoid"));
    p = n->props;
    assert_int_equal(p->break_before, FO_KW_page);
    assert_int_equal(p->keep_with_next.within_page, FO_KEEP_ALWAYS);
    assert_int_equal(p->keep_together.within_page, FO_KEEP_ALWAYS);
    n = node(f, FO_BLOCK, root, ATTRS("page-break-before", "right", "break-after", "even-page"));
    assert_int_equal(n->props->break_before, FO_KW_odd_page);
    assert_int_equal(n->props->break_after, FO_KW_even_page);
    assert_string_equal(messages(f), "");
}

/* ---- other properties ------------------------------------------------------------------- */

static void test_misc_properties(void **state)
{
    fixture *f = *state;
    fo_node *root = node(f, FO_ROOT, NULL, ATTRS("xml:lang", "fr-FR"));
    assert_string_equal(root->props->xml_lang, "fr-FR");
    assert_string_equal(root->props->language, "fr");
    assert_string_equal(root->props->country, "FR");
    fo_node *n = node(f, FO_BLOCK, root,
                      ATTRS("text-align", "justify", "white-space", "pre", "id", "x1",
                            "color", "rgb(0,0,255)", "background-color", "#eee",
                            "initial-page-number", "auto", "column-count", "2 + 1",
                            "fox:foo", "bar", "xml:base", "x"));
    const fo_props *p = n->props;
    assert_int_equal(p->text_align, FO_KW_justify);
    assert_int_equal(p->linefeed_treatment, FO_KW_preserve);
    assert_int_equal(p->white_space_collapse, FO_KW_false);
    assert_int_equal(p->wrap_option, FO_KW_no_wrap);
    assert_string_equal(p->id, "x1");
    assert_float_equal(p->color.b, 1, EPS);
    assert_float_equal(p->background_color.r, 238 / 255.0, EPS);
    assert_int_equal(fo_int_kw(p->initial_page_number), FO_KW_auto);
    assert_int_equal(p->column_count, 3);
    assert_string_equal(p->language, "fr");
    fo_node *g = node(f, FO_EXTERNAL_GRAPHIC, n,
                      ATTRS("src", "url('img/logo.png')", "content-width", "scale-to-fit"));
    assert_string_equal(g->props->src, "img/logo.png");
    assert_int_equal(g->props->content_width.kw, FO_KW_scale_to_fit);
    fo_node *l = node(f, FO_BASIC_LINK, n, ATTRS("external-destination", "url(https://a.fr/)"));
    assert_string_equal(l->props->external_destination, "https://a.fr/");
    fo_node *t = node(f, FO_TABLE, n, ATTRS("border-separation", "2pt 3pt", "border-collapse",
                                            "separate"));
    assert_float_equal(t->props->border_separation.abs, 2, EPS);
    assert_int_equal(t->props->border_collapse, FO_KW_separate);
    /* id is not inherited, text-align is */
    fo_node *c = node(f, FO_BLOCK, n, ATTRS("color", "inherit", "width", "from-parent(font-size) * 2"));
    assert_string_equal(c->props->id, "");
    assert_int_equal(c->props->text_align, FO_KW_justify);
    assert_float_equal(c->props->color.b, 1, EPS);
    assert_float_equal(c->props->width.abs, 24, EPS);
    assert_string_equal(messages(f), "");
}

/* ---- diagnostics -------------------------------------------------------------------------- */

static void test_property_diagnostics(void **state)
{
    fixture *f = *state;
    fo_node *root = node(f, FO_ROOT, NULL, NULL);
    fo_node *n = node(f, FO_BLOCK, root,
                      ATTRS("font-size", "huge", "text-align", "middle-ish", "colour", "red",
                            "z-index", "2", "space-before", "1pt 2pt", "font-weight", "bold"));
    assert_string_equal(messages(f),
                        "t.fo:7: warning: unknown property 'colour' on fo:block\n"
                        "t.fo:7: error: invalid value 'huge' for property 'font-size'\n"
                        "t.fo:7: error: invalid value 'middle-ish' for property 'text-align'\n"
                        "t.fo:7: error: invalid value '1pt 2pt' for property 'space-before'\n");
    /* the inherited or initial value stays; the other properties are still computed */
    assert_float_equal(n->props->font_size, 12, EPS);
    assert_int_equal(n->props->text_align, FO_KW_start);
    assert_int_equal(n->props->font_weight, 700);
    assert_int_equal(diag_error_count(f->d), 3);
    assert_int_equal(diag_warning_count(f->d), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lengths),
        cmocka_unit_test(test_bad_lengths),
        ARENA_LOG_TEST(test_label_end_body_start),
        cmocka_unit_test(test_colors),
        ARENA_LOG_TEST(test_initial_values),
        ARENA_LOG_TEST(test_font_size),
        ARENA_LOG_TEST(test_font_weight),
        ARENA_LOG_TEST(test_line_height),
        ARENA_LOG_TEST(test_font_shorthand),
        ARENA_LOG_TEST(test_border_shorthand),
        ARENA_LOG_TEST(test_box_shorthands),
        ARENA_LOG_TEST(test_margins_to_indents),
        ARENA_LOG_TEST(test_space_components),
        ARENA_LOG_TEST(test_keeps_and_breaks),
        ARENA_LOG_TEST(test_misc_properties),
        ARENA_LOG_TEST(test_property_diagnostics),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
