/* Text dump painter: exact lines for every box kind, escaping, the outline, numbers that
 * ignore the locale, and the locale-independent number formatter itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <locale.h>
#include <math.h>

#include "../paint/paint_fixture.h"
#include "paint/paint_internal.h"

/* Paints `pages` as a text dump and returns the file's contents (free it). */
static char *dump(fixture *fx, const lay_page *pages, int n, const lay_outline *outline)
{
    const char *out = fixture_path(fx, "dump.txt");
    paint_options o = {.format = PAINT_TEXT};
    fixture_paint(out, &o, pages, n, outline);
    char *text = read_whole_file(out, NULL);
    assert_non_null(text);
    return text;
}

static lay_page sample_page(fixture *fx)
{
    static const lay_image png = {.kind = LAY_IMAGE_PNG, .path = "img/logo.png"};
    static const lay_image svg = {.kind = LAY_IMAGE_SVG_INLINE, .svg_data = "<svg/>",
                                  .svg_len = 6};
    lay_box b[8];
    b[0] = fixture_text(fx, "DejaVu Sans", 12, 72, 96.5, "Hello \"world\"");
    b[0].u.text.color = (lay_color){0, 0, 1, 1};
    b[1] = fixture_rect(72, 100, 10.004, 20, (lay_color){1, 0, 0, 0.5f});
    b[2] = (lay_box){.kind = LAY_LINE, .x = 72, .y = 120, .w = 228.5, .h = 0};
    b[2].u.line.thickness = 0.5;
    b[2].u.line.style = LAY_STYLE_DOTTED;
    b[2].u.line.color = (lay_color){0, 0, 0, 1};
    b[3] = (lay_box){.kind = LAY_IMAGE, .x = 72, .y = 130, .w = 100, .h = 50};
    b[3].u.image.image = &png;
    b[3].u.image.clip = true;
    b[3].u.image.clip_x = 72;
    b[3].u.image.clip_y = 130;
    b[3].u.image.clip_w = 50;
    b[3].u.image.clip_h = 50;
    b[4] = (lay_box){.kind = LAY_IMAGE, .x = -1.5, .y = 0, .w = 10, .h = 10};
    b[4].u.image.image = &svg;
    b[5] = (lay_box){.kind = LAY_LINK, .x = 72, .y = 86.5, .w = 40, .h = 12};
    b[5].u.link.uri = "https://example.org/?q=a\\b";
    b[6] = (lay_box){.kind = LAY_LINK, .x = 72, .y = 86.5, .w = 40, .h = 12};
    b[6].u.link.dest = "intro";
    b[7] = (lay_box){.kind = LAY_DEST, .x = 72, .y = 96.5};
    b[7].u.link.dest = "intro";
    return fixture_page(fx, 3, b, 8);
}

static const char expected[] =
    "page 3 label=\"3\" 595.28x841.89\n"
    "  text 72.00,96.50 \"DejaVu Sans\" 12.00 #0000ff \"Hello \\\"world\\\"\"\n"
    "  rect 72.00,100.00 10.00x20.00 #ff000080\n"
    "  line 72.00,120.00 300.50,120.00 0.50 dotted #000000\n"
    "  image png 72.00,130.00 100.00x50.00 \"img/logo.png\" clip 72.00,130.00 50.00x50.00\n"
    "  image svg-inline -1.50,0.00 10.00x10.00 <6 bytes>\n"
    "  link 72.00,86.50 40.00x12.00 uri=\"https://example.org/?q=a\\\\b\"\n"
    "  link 72.00,86.50 40.00x12.00 dest=\"intro\"\n"
    "  dest \"intro\" 72.00,96.50\n"
    "page 4 label=\"iv\" 200.00x100.00\n"
    "outline\n"
    "  bookmark \"Intro\" dest=\"intro\" open\n"
    "    bookmark \"Sub\\nline\" uri=\"https://example.org\"\n"
    "  bookmark \"End\"\n";

static void dump_is_exact(void **state)
{
    fixture *fx = *state;
    lay_page pages[2] = {sample_page(fx), fixture_page(fx, 4, NULL, 0)};
    pages[1].label = "iv";
    pages[1].width = 200;
    pages[1].height = 100;
    lay_outline sub = {.title = "Sub\nline", .uri = "https://example.org"};
    lay_outline end = {.title = "End"};
    lay_outline intro = {.title = "Intro", .dest = "intro", .open = true, .first_child = &sub,
                         .next_sibling = &end};
    char *text = dump(fx, pages, 2, &intro);
    assert_string_equal(text, expected);
    free(text);
}

/* The suite also runs under a French locale: numbers must keep their '.'. */
static void dump_ignores_the_locale(void **state)
{
    fixture *fx = *state;
    const char *locales[] = {"fr_FR.UTF-8", "fr_FR.utf8", "de_DE.UTF-8"};
    const char *set = NULL;
    for (size_t i = 0; i < 3 && !set; i++)
        set = setlocale(LC_ALL, locales[i]);
    lay_page page = fixture_page(fx, 1, NULL, 0);
    char *text = dump(fx, &page, 1, NULL);
    setlocale(LC_ALL, "C");
    assert_string_equal(text, "page 1 label=\"1\" 595.28x841.89\n");
    free(text);
    if (!set)
        print_message("(no French locale installed: checked in C only)\n");
}

static void numbers_are_formatted_without_locale(void **state)
{
    static const struct {
        double v;
        int decimals;
        const char *text;
    } cases[] = {
        {0, 2, "0.00"},         {-0.001, 2, "0.00"},   {1.005, 2, "1.00"},
        {1.006, 2, "1.01"},     {-12.346, 2, "-12.35"}, {595.275591, 2, "595.28"},
        {841.889764, 3, "841.890"}, {72, 0, "72"},      {-3.5, 1, "-3.5"},
        {0.5, 6, "0.500000"},   {1e300, 2, "0.00"},    {NAN, 2, "0.00"},
    };
    char buf[32];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(paint_fmt(buf, cases[i].v, cases[i].decimals), cases[i].text);
}

static void rollback_removes_the_dump(void **state)
{
    fixture *fx = *state;
    diag *d = diag_new(stderr);
    paint_options o = {.format = PAINT_TEXT};
    painter *p = paint_open(fixture_path(fx, "gone.txt"), &o, d);
    lay_page page = fixture_page(fx, 1, NULL, 0);
    assert_true(paint_page(p, &page));
    assert_int_equal(fixture_count_files(fx), 1); /* the temporary file */
    assert_false(paint_close(p, false));
    assert_int_equal(fixture_count_files(fx), 0);
    diag_destroy(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(dump_is_exact),
        FIXTURE_TEST(dump_ignores_the_locale),
        cmocka_unit_test(numbers_are_formatted_without_locale),
        FIXTURE_TEST(rollback_removes_the_dump),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
