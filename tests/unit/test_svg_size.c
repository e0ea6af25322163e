/* Unit tests of the SVG size probe without librsvg (lay_svg_size): every size it gives is
 * the one librsvg gives at 72 dpi, to the bit; what it can't be sure of goes to librsvg. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <librsvg/rsvg.h>
#include <stdio.h>
#include <string.h>

#include "layout/lay_svg_size.h"

/* An SVG whose root carries `attributes`, then `body`. */
static char *svg(const char *attributes, const char *body)
{
    static char buf[1024];
    snprintf(buf, sizeof buf, "<svg xmlns=\"http://www.w3.org/2000/svg\" %s>%s</svg>", attributes,
             body);
    return buf;
}

/* librsvg's size, as lay_image.c asks it (intrinsic size, else viewBox, else 100 x 100). */
static void librsvg_size(const char *doc, double *w, double *h)
{
    RsvgHandle *rh = rsvg_handle_new_from_data((const guint8 *)doc, strlen(doc), NULL);
    assert_non_null(rh);
    rsvg_handle_set_dpi(rh, 72);
    if (!rsvg_handle_get_intrinsic_size_in_pixels(rh, w, h)) {
        gboolean hw, hh, hv;
        RsvgLength lw, lh;
        RsvgRectangle vb;
        rsvg_handle_get_intrinsic_dimensions(rh, &hw, &lw, &hh, &lh, &hv, &vb);
        *w = hv ? vb.width : 100;
        *h = hv ? vb.height : 100;
    }
    g_object_unref(rh);
}

static void test_svg_size_is_librsvgs_to_the_bit(void **state)
{
    (void)state;
    const char *roots[] = {
        "width=\"210mm\" height=\"297mm\"",    "width=\"12.7cm\" height=\"3.3in\"",
        "width=\"10pc\" height=\"33.3pt\"",    "width=\"100px\" height=\"0.1e2\"",
        "viewBox=\"0,0,123.45 67.8\"",         "viewBox=\" 1 2 3.3 4.4 \"",
        "",                                    "width=\"100.123456789\" height=\"7.77777\"",
        "width=\" 40 \" height=\"20mm\"",      "width=\"1e1\" height=\".5e2mm\" viewBox=\"0 0 1 1\"",
    };
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        const char *doc = svg(roots[i], "<rect width=\"5\" height=\"5\"/>");
        double w = -1, h = -1, rw, rh;
        assert_true(lay_svg_size(NULL, (const unsigned char *)doc, strlen(doc), &w, &h));
        librsvg_size(doc, &rw, &rh);
        if (w != rw || h != rh)
            fail_msg("%s: %.17g x %.17g, librsvg %.17g x %.17g", roots[i], w, h, rw, rh);
    }
}

static void test_svg_size_leaves_to_librsvg_what_it_cannot_be_sure_of(void **state)
{
    (void)state;
    const char *roots[][2] = {
        {"width=\"50%\" height=\"20\"", ""},
        {"width=\"3em\" height=\"2ex\"", ""},
        {"width=\"40\"", ""},
        {"width=\"40\" height=\"20\" style=\"width: 10px\"", ""},
        {"width=\"40\" height=\"20\"", "<style>svg { width: 10px }</style>"},
        {"width=\"40\" height=\"20\"", "<rect"}, /* malformed */
    };
    double w, h;
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        const char *doc = svg(roots[i][0], roots[i][1]);
        if (lay_svg_size(NULL, (const unsigned char *)doc, strlen(doc), &w, &h))
            fail_msg("sized without librsvg: %s", doc);
    }
    const char *others[] = {"<svg width=\"40\" height=\"20\"/>" /* no SVG namespace */, "GIF89a"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        if (lay_svg_size(NULL, (const unsigned char *)others[i], strlen(others[i]), &w, &h))
            fail_msg("sized without librsvg: %s", others[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_svg_size_is_librsvgs_to_the_bit),
        cmocka_unit_test(test_svg_size_leaves_to_librsvg_what_it_cannot_be_sure_of),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
