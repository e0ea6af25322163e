/* PNG painter: one file per page named -1, -2..., pixel size from the dpi, white
 * background, boxes drawn where they belong, and nothing left behind on rollback. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "../paint/paint_fixture.h"

static void paint_png(const char *out, double dpi, const lay_page *pages, int n)
{
    paint_options o = {.format = PAINT_PNG, .dpi = dpi};
    fixture_paint(out, &o, pages, n, NULL);
}

/* The pixel at (x, y) as 0xRRGGBB. */
static uint32_t pixel(cairo_surface_t *s, int x, int y)
{
    const unsigned char *data = cairo_image_surface_get_data(s);
    uint32_t v = *(const uint32_t *)(data + y * cairo_image_surface_get_stride(s) + 4 * x);
    return v & 0xffffff;
}

static void pages_are_numbered_and_sized_by_dpi(void **state)
{
    fixture *fx = *state;
    static const struct {
        const char *out;  /* as given */
        double dpi;
        const char *page1, *page2;
        int w1, h1, w2, h2; /* A4, then 100 x 50 pt: partial pixels count */
    } cases[] = {
        {"a.png", 0, "a-1.png", "a-2.png", 794, 1123, 134, 67}, /* 96 dpi by default */
        {"b", 72, "b-1.png", "b-2.png", 596, 842, 100, 50},
        {"c.PNG", 144, "c-1.png", "c-2.png", 1191, 1684, 200, 100},
    };
    lay_page pages[] = {fixture_page(fx, 1, NULL, 0), fixture_page(fx, 2, NULL, 0)};
    pages[1].width = 100; /* 100 x 50 pt */
    pages[1].height = 50;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        paint_png(fixture_path(fx, cases[i].out), cases[i].dpi, pages, 2);
        cairo_surface_t *s1 = cairo_image_surface_create_from_png(
            fixture_path(fx, cases[i].page1));
        cairo_surface_t *s2 = cairo_image_surface_create_from_png(
            fixture_path(fx, cases[i].page2));
        assert_int_equal(cairo_surface_status(s1), CAIRO_STATUS_SUCCESS);
        assert_int_equal(cairo_surface_status(s2), CAIRO_STATUS_SUCCESS);
        assert_int_equal(cairo_image_surface_get_width(s1), cases[i].w1);
        assert_int_equal(cairo_image_surface_get_height(s1), cases[i].h1);
        assert_int_equal(cairo_image_surface_get_width(s2), cases[i].w2);
        assert_int_equal(cairo_image_surface_get_height(s2), cases[i].h2);
        assert_int_equal(pixel(s1, 10, 10), 0xffffff); /* white paper */
        cairo_surface_destroy(s1);
        cairo_surface_destroy(s2);
    }
    assert_int_equal(fixture_count_files(fx), 6);
}

static void boxes_are_drawn_in_place(void **state)
{
    fixture *fx = *state;
    GdkPixbuf *pb = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, 16, 8);
    gdk_pixbuf_fill(pb, 0x2060c0ff);
    const char *jpeg = fixture_path(fx, "photo.jpg");
    assert_true(gdk_pixbuf_save(pb, jpeg, "jpeg", NULL, "quality", "95", NULL));
    g_object_unref(pb);
    lay_image img = {.kind = LAY_IMAGE_JPEG, .path = jpeg, .intrinsic_width = 16,
                     .intrinsic_height = 8};
    lay_box boxes[4] = {
        fixture_rect(72, 72, 72, 36, (lay_color){1, 0, 0, 1}),
        fixture_text(fx, "DejaVu Sans", 36, 72, 300, "Ink"),
    };
    boxes[2] = (lay_box){.kind = LAY_LINE, .x = 0, .y = 400, .w = 595, .h = 0};
    boxes[2].u.line.thickness = 6;
    boxes[2].u.line.style = LAY_STYLE_DOUBLE;
    boxes[2].u.line.color = (lay_color){0, 0, 1, 1};
    boxes[3] = (lay_box){.kind = LAY_IMAGE, .x = 300, .y = 72, .w = 160, .h = 80};
    boxes[3].u.image.image = &img;
    lay_page page = fixture_page(fx, 1, boxes, 4);
    paint_png(fixture_path(fx, "draw.png"), 72, &page, 1);
    cairo_surface_t *s = cairo_image_surface_create_from_png(fixture_path(fx, "draw-1.png"));
    assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    assert_int_equal(pixel(s, 100, 90), 0xff0000);  /* inside the rectangle */
    assert_int_equal(pixel(s, 150, 90), 0xffffff);  /* just right of it */
    /* Double rule of 6pt: blue 2pt strokes at 397-399 and 401-403, white gap between. */
    assert_int_equal(pixel(s, 300, 397), 0x0000ff);
    assert_int_equal(pixel(s, 300, 400), 0xffffff);
    assert_int_equal(pixel(s, 300, 402), 0x0000ff);
    /* The JPEG, decoded (lossy: close to its colour). */
    uint32_t c = pixel(s, 380, 110);
    assert_true(abs((int)(c >> 16) - 0x20) < 8 && abs((int)(c >> 8 & 0xff) - 0x60) < 8 &&
                abs((int)(c & 0xff) - 0xc0) < 8);
    assert_int_equal(pixel(s, 470, 110), 0xffffff);
    /* The glyphs left some dark pixels above the baseline. */
    int dark = 0;
    for (int y = 270; y < 300; y++)
        for (int x = 72; x < 140; x++)
            dark += pixel(s, x, y) == 0;
    assert_true(dark > 50);
    cairo_surface_destroy(s);
}

static void unwritable_directory_fails_at_open(void **state)
{
    diag *d = diag_new(stderr);
    diag_set_quiet(d, true);
    paint_options o = {.format = PAINT_PNG};
    assert_null(paint_open("/nonexistent-dir/x.png", &o, d));
    assert_int_equal(diag_error_count(d), 1);
    diag_destroy(d);
}

static void rollback_leaves_no_page(void **state)
{
    fixture *fx = *state;
    lay_page pages[] = {fixture_page(fx, 1, NULL, 0), fixture_page(fx, 2, NULL, 0)};
    diag *d = diag_new(stderr);
    paint_options o = {.format = PAINT_PNG};
    painter *p = paint_open(fixture_path(fx, "x.png"), &o, d);
    assert_true(paint_page(p, &pages[0]));
    assert_true(paint_page(p, &pages[1]));
    assert_int_equal(fixture_count_files(fx), 2); /* temporary names */
    assert_false(paint_close(p, false));
    assert_int_equal(fixture_count_files(fx), 0);
    diag_destroy(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(pages_are_numbered_and_sized_by_dpi),
        FIXTURE_TEST(boxes_are_drawn_in_place),
        FIXTURE_TEST(rollback_leaves_no_page),
        cmocka_unit_test(unwritable_directory_fails_at_open),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
