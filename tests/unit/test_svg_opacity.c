/* A shape's own opacity folded into its fill- or stroke-opacity only where the two paint
 * the same pixels (svg_opacity.c), and a folded drawing drawn as the original. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <librsvg/rsvg.h>
#include <string.h>

#include "util/svg_opacity.h"

#define SVG_START "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\">"

/* The folded document as a string ("" when nothing was folded). */
static char *folded(const char *svg)
{
    GBytes *b = svg_fold_opacity(svg, strlen(svg));
    if (!b)
        return g_strdup("");
    gsize n;
    const char *data = g_bytes_get_data(b, &n);
    char *s = g_strndup(data, n);
    g_bytes_unref(b);
    return s;
}

static void stroke_only_gets_stroke_opacity(void **state)
{
    (void)state;
    char *s = folded(SVG_START "<g stroke-opacity=\"0.5\"><path d=\"M0 0L9 9\" fill=\"none\" "
                               "stroke=\"#000\" opacity=\"0.6\"/></g></svg>");
    assert_non_null(strstr(s, "stroke-opacity=\"0.3\""));
    assert_null(strstr(s, " opacity="));
    g_free(s);
}

static void fill_only_gets_fill_opacity(void **state)
{
    (void)state;
    char *s = folded(SVG_START "<rect width=\"9\" height=\"9\" fill=\"red\" "
                               "opacity=\"0.5\"/></svg>");
    assert_non_null(strstr(s, "fill-opacity=\"0.5\""));
    g_free(s);
}

static void fill_and_stroke_left_alone(void **state)
{
    (void)state;
    const char *cases[] = {
        /* both painted: the group keeps the overlap of stroke and fill from adding up */
        SVG_START "<rect width=\"9\" height=\"9\" stroke=\"#000\" opacity=\"0.5\"/></svg>",
        /* the stroke is inherited */
        SVG_START "<g stroke=\"#000\"><rect width=\"9\" height=\"9\" opacity=\"0.5\"/></g></svg>",
        /* CSS may paint it */
        SVG_START "<style>rect{stroke:black}</style><rect width=\"9\" height=\"9\" "
                  "opacity=\"0.5\"/></svg>",
        SVG_START "<g style=\"stroke:black\"><rect width=\"9\" height=\"9\" opacity=\"0.5\"/></g>"
                  "</svg>",
        /* a filter acts before the opacity */
        SVG_START "<rect width=\"9\" height=\"9\" filter=\"url(#f)\" opacity=\"0.5\"/></svg>",
        /* not a plain number */
        SVG_START "<rect width=\"9\" height=\"9\" opacity=\"50%\"/></svg>",
        /* a group of several shapes */
        SVG_START "<g opacity=\"0.5\"><rect width=\"9\" height=\"9\"/><circle r=\"4\"/></g></svg>",
        "<svg><rect width=\"9\" height=\"9\" opacity=\"0.5\"/></svg>", /* not SVG's namespace */
        "not XML, opacity",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *s = folded(cases[i]);
        assert_string_equal(s, "");
        g_free(s);
    }
}

/* The pixels of `svg` drawn on a 40 x 40 image. */
static cairo_surface_t *drawn(const char *svg, size_t len)
{
    RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)svg, len, NULL);
    assert_non_null(h);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 40);
    cairo_t *cr = cairo_create(s);
    RsvgRectangle vp = {0, 0, 40, 40};
    assert_true(rsvg_handle_render_document(h, cr, &vp, NULL));
    cairo_destroy(cr);
    g_object_unref(h);
    cairo_surface_flush(s);
    return s;
}

static void folded_drawing_looks_the_same(void **state)
{
    (void)state;
    const char *svg = SVG_START "<path d=\"M2 2L38 38M2 38L38 2\" fill=\"none\" stroke=\"#246\" "
                                "stroke-width=\"6\" opacity=\"0.6\"/>"
                                "<circle cx=\"20\" cy=\"20\" r=\"12\" fill=\"#c42\" "
                                "opacity=\"0.5\"/></svg>";
    GBytes *b = svg_fold_opacity(svg, strlen(svg));
    assert_non_null(b);
    gsize n;
    const char *f = g_bytes_get_data(b, &n);
    cairo_surface_t *a = drawn(svg, strlen(svg)), *c = drawn(f, n);
    const unsigned char *pa = cairo_image_surface_get_data(a);
    const unsigned char *pc = cairo_image_surface_get_data(c);
    int stride = cairo_image_surface_get_stride(a), worst = 0;
    for (int i = 0; i < stride * 40; i++) {
        int d = abs(pa[i] - pc[i]);
        worst = d > worst ? d : worst;
    }
    assert_true(worst <= 2); /* rounding of 8-bit compositing, once or twice */
    cairo_surface_destroy(a);
    cairo_surface_destroy(c);
    g_bytes_unref(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stroke_only_gets_stroke_opacity),
        cmocka_unit_test(fill_only_gets_fill_opacity),
        cmocka_unit_test(fill_and_stroke_left_alone),
        cmocka_unit_test(folded_drawing_looks_the_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
