/* PDF painter: text extractable, reproducible, links, outline, metadata, images, and
 * output files that appear only on commit. Checked with poppler-utils and qpdf. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <errno.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "../paint/paint_fixture.h"

static const lay_color RED = {1, 0, 0, 1};

static paint_options pdf_options(void)
{
    return (paint_options){.format = PAINT_PDF, .creation_date = 1700000000};
}

/* Paints `pages` into `path` and commits; asserts success and a clean qpdf --check. */
static void paint_pdf(const char *path, const paint_options *o, const lay_page *pages, int n,
                      const lay_outline *outline)
{
    fixture_paint(path, o, pages, n, outline);
    char *check = fixture_run("qpdf --check '%s' 2>&1", path);
    assert_non_null(check);
    assert_non_null(strstr(check, "No syntax or stream encoding errors"));
    g_free(check);
}

static void text_is_extractable(void **state)
{
    fixture *fx = *state;
    lay_box boxes[] = {
        fixture_text(fx, "DejaVu Sans", 12, 72, 100, "Hello world"),
        fixture_text(fx, "TeX Gyre Termes", 14, 72, 130, "office finance \xc3\xa9t\xc3\xa9"),
    };
    /* "ffi" and "fi" are ligatures: fewer glyphs than characters. */
    assert_true(boxes[1].u.text.nglyphs < (int)g_utf8_strlen(boxes[1].u.text.utf8, -1));
    lay_page page = fixture_page(fx, 1, boxes, 2);
    const char *out = fixture_path(fx, "text.pdf");
    paint_options o = pdf_options();
    paint_pdf(out, &o, &page, 1, NULL);

    char *text = fixture_run("pdftotext '%s' -", out);
    assert_non_null(text);
    assert_non_null(strstr(text, "Hello world"));
    assert_non_null(strstr(text, "office finance \xc3\xa9t\xc3\xa9"));
    g_free(text);
    char *fonts = fixture_run("pdffonts '%s'", out);
    assert_non_null(fonts);
    assert_non_null(strstr(fonts, "+DejaVuSans"));  /* embedded subset */
    assert_non_null(strstr(fonts, "+TeXGyreTermes"));
    g_free(fonts);
}

static void page_size_and_label_per_page(void **state)
{
    fixture *fx = *state;
    lay_page pages[] = {fixture_page(fx, 1, NULL, 0), fixture_page(fx, 2, NULL, 0)};
    pages[1].width = 841.89;
    pages[1].height = 595.28;
    pages[1].label = "iv";
    const char *out = fixture_path(fx, "sizes.pdf");
    paint_options o = pdf_options();
    paint_pdf(out, &o, pages, 2, NULL);
    char *info = fixture_squeeze(fixture_run("pdfinfo -f 1 -l 2 '%s'", out));
    assert_non_null(info);
    assert_non_null(strstr(info, "Page 1 size: 595.28 x 841.89 pts"));
    assert_non_null(strstr(info, "Page 2 size: 841.89 x 595.28 pts"));
    g_free(info);
    char *labels = fixture_run("qpdf --json --json-key=pagelabels '%s'", out);
    assert_non_null(labels);
    assert_non_null(strstr(labels, "\"/P\": \"u:iv\""));
    g_free(labels);
}

static void same_date_gives_same_bytes(void **state)
{
    fixture *fx = *state;
    lay_box boxes[] = {
        fixture_text(fx, "DejaVu Sans", 12, 72, 100, "Reproducible"),
        fixture_rect(72, 120, 100, 20, RED),
    };
    lay_page page = fixture_page(fx, 1, boxes, 2);
    paint_options o = pdf_options();
    o.title = "Same";
    const char *a = fixture_path(fx, "a.pdf"), *b = fixture_path(fx, "b.pdf");
    paint_pdf(a, &o, &page, 1, NULL);
    paint_pdf(b, &o, &page, 1, NULL);
    size_t la, lb;
    char *da = read_whole_file(a, &la), *db = read_whole_file(b, &lb);
    assert_non_null(da);
    assert_non_null(db);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la);
    free(da);
    free(db);
}

static void metadata_is_written(void **state)
{
    fixture *fx = *state;
    lay_page page = fixture_page(fx, 1, NULL, 0);
    paint_options o = pdf_options();
    o.title = "Atelier de Lozère";
    o.author = "DDT";
    o.subject = "Synthèse";
    o.keywords = "atelier, territoire";
    o.creator = "Livrables";
    const char *out = fixture_path(fx, "meta.pdf");
    paint_pdf(out, &o, &page, 1, NULL);
    char *info = fixture_squeeze(fixture_run("TZ=UTC pdfinfo -isodates '%s'", out));
    assert_non_null(info);
    assert_non_null(strstr(info, "Title: Atelier de Lozère"));
    assert_non_null(strstr(info, "Author: DDT"));
    assert_non_null(strstr(info, "Subject: Synthèse"));
    assert_non_null(strstr(info, "Keywords: atelier, territoire"));
    assert_non_null(strstr(info, "Creator: Livrables"));
    assert_non_null(strstr(info, "CreationDate: 2023-11-14T22:13:20"));
    assert_non_null(strstr(info, "ModDate: 2023-11-14T22:13:20"));
    g_free(info);
}

static void rollback_leaves_nothing(void **state)
{
    fixture *fx = *state;
    const char *out = fixture_path(fx, "keep.pdf");
    assert_true(g_file_set_contents(out, "old", 3, NULL));
    lay_box box = fixture_rect(10, 10, 10, 10, RED);
    lay_page page = fixture_page(fx, 1, &box, 1);
    diag *d = diag_new(stderr);
    paint_options o = pdf_options();
    painter *p = paint_open(out, &o, d);
    assert_non_null(p);
    assert_true(paint_page(p, &page));
    assert_false(paint_close(p, false));
    diag_destroy(d);
    size_t len;
    char *data = read_whole_file(out, &len);
    assert_non_null(data);
    assert_int_equal(len, 3);
    assert_memory_equal(data, "old", 3);
    free(data);
    assert_int_equal(fixture_count_files(fx), 1); /* no temporary file left */
}

static void unwritable_directory_is_an_error(void **state)
{
    diag *d = diag_new(stderr);
    diag_set_quiet(d, true);
    paint_options o = pdf_options();
    assert_null(paint_open("/nonexistent-dir/x.pdf", &o, d));
    assert_int_equal(diag_error_count(d), 1);
    assert_non_null(strstr(diag_first_error(d), "/nonexistent-dir/x.pdf: error: cannot write: "));
    diag_destroy(d);
}

/* A file size limit makes writes fail with EFBIG, as a full disk fails with ENOSPC. */
static void write_error_is_reported(void **state)
{
    fixture *fx = *state;
    lay_box boxes[200];
    for (int i = 0; i < 200; i++)
        boxes[i] = fixture_text(fx, "DejaVu Sans", 10, 72, 20 + i * 4, "Lorem ipsum dolor");
    lay_page page = fixture_page(fx, 1, boxes, 200);
    const char *out = fixture_path(fx, "big.pdf");

    struct rlimit old, small;
    getrlimit(RLIMIT_FSIZE, &old);
    small = old;
    small.rlim_cur = 2000;
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_FSIZE, &small);

    diag *d = diag_new(stderr);
    diag_set_quiet(d, true);
    paint_options o = pdf_options();
    painter *p = paint_open(out, &o, d);
    assert_non_null(p);
    for (int i = 0; i < 5; i++)
        paint_page(p, &page);
    bool ok = paint_close(p, true);

    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, old_handler);
    assert_false(ok);
    assert_int_equal(diag_error_count(d), 1);
    char *expected = g_strdup_printf("%s: error: cannot write: %s", out, strerror(EFBIG));
    assert_string_equal(diag_first_error(d), expected);
    g_free(expected);
    diag_destroy(d);
    assert_int_equal(fixture_count_files(fx), 0);
}

static void links_and_destinations(void **state)
{
    fixture *fx = *state;
    lay_box p1[3] = {fixture_text(fx, "DejaVu Sans", 12, 72, 100, "See chapter")};
    p1[1] = (lay_box){.kind = LAY_LINK, .x = 72, .y = 90, .w = 60, .h = 14};
    p1[1].u.link.dest = "chap'2";
    p1[2] = (lay_box){.kind = LAY_LINK, .x = 72, .y = 110, .w = 60, .h = 14};
    p1[2].u.link.uri = "https://example.org/a?b=c&d=(e)";
    lay_box p2[2] = {{.kind = LAY_DEST, .x = 72, .y = 200}};
    p2[0].u.link.dest = "chap'2";
    p2[1] = p2[0]; /* a second destination of the same name is dropped */
    lay_page pages[] = {fixture_page(fx, 1, p1, 3), fixture_page(fx, 2, p2, 2)};
    const char *out = fixture_path(fx, "links.pdf");
    paint_options o = pdf_options();
    paint_pdf(out, &o, pages, 2, NULL);

    char *qdf = fixture_run("qpdf --qdf --object-streams=disable '%s' -", out);
    assert_non_null(qdf);
    assert_non_null(strstr(qdf, "/Subtype /Link"));
    assert_non_null(strstr(qdf, "/URI (https://example.org/a?b=c&d=\\(e\\))"));
    assert_non_null(strstr(qdf, "/Dest (chap'2)"));
    g_free(qdf);
    /* The named destination resolves to page 2, 200pt from the top. */
    char *dests = fixture_squeeze(fixture_run("pdfinfo -dests '%s'", out));
    assert_non_null(dests);
    assert_non_null(strstr(dests, " 2 [ XYZ 72 642 null ] \"chap'2\""));
    g_free(dests);
}

static void outline_is_written(void **state)
{
    fixture *fx = *state;
    lay_box dest = {.kind = LAY_DEST, .x = 0, .y = 0};
    dest.u.link.dest = "intro";
    lay_box dest2 = dest;
    dest2.u.link.dest = "part";
    lay_page pages[] = {fixture_page(fx, 1, &dest, 1), fixture_page(fx, 2, &dest2, 1)};
    lay_outline child = {.title = "Partie \"1\"", .dest = "part"};
    lay_outline web = {.title = "Site", .uri = "https://example.org"};
    lay_outline top = {.title = "Introduction", .dest = "intro", .open = true,
                       .first_child = &child, .next_sibling = &web};
    const char *out = fixture_path(fx, "outline.pdf");
    paint_options o = pdf_options();
    paint_pdf(out, &o, pages, 2, &top);

    char *json = fixture_run("qpdf --json --json-key=outlines '%s'", out);
    assert_non_null(json);
    assert_non_null(strstr(json, "\"title\": \"Introduction\""));
    assert_non_null(strstr(json, "\"title\": \"Partie \\\"1\\\"\""));
    assert_non_null(strstr(json, "\"title\": \"Site\""));
    assert_non_null(strstr(json, "\"destpageposfrom1\": 2"));
    g_free(json);
    char *qdf = fixture_run("qpdf --qdf --object-streams=disable '%s' -", out);
    assert_non_null(qdf);
    assert_non_null(strstr(qdf, "/URI (https://example.org)"));
    g_free(qdf);
}

/* A small JPEG made with gdk-pixbuf. */
static const char *make_jpeg(fixture *fx)
{
    GdkPixbuf *pb = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, 16, 8);
    gdk_pixbuf_fill(pb, 0x2060c0ff);
    const char *path = fixture_path(fx, "photo.jpg");
    assert_true(gdk_pixbuf_save(pb, path, "jpeg", NULL, "quality", "90", NULL));
    g_object_unref(pb);
    return path;
}

static void jpeg_is_embedded_as_is(void **state)
{
    fixture *fx = *state;
    lay_image img = {.kind = LAY_IMAGE_JPEG, .path = make_jpeg(fx), .intrinsic_width = 16,
                     .intrinsic_height = 8};
    lay_box box = {.kind = LAY_IMAGE, .x = 72, .y = 72, .w = 160, .h = 80};
    box.u.image.image = &img;
    lay_page page = fixture_page(fx, 1, &box, 1);
    const char *out = fixture_path(fx, "jpeg.pdf");
    paint_options o = pdf_options();
    paint_pdf(out, &o, &page, 1, NULL);
    char *list = fixture_run("pdfimages -list '%s'", out);
    assert_non_null(list);
    assert_non_null(strstr(list, "jpeg"));
    g_free(list);
    char *qdf = fixture_run("qpdf --qdf --object-streams=disable '%s' - | grep -a -c DCTDecode",
                            out);
    assert_non_null(qdf);
    assert_int_equal(atoi(qdf), 1);
    g_free(qdf);
}

/* A noisy PNG (does not compress) on 50 pages is embedded once. */
static void image_on_every_page_is_embedded_once(void **state)
{
    fixture *fx = *state;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 100, 100);
    unsigned char *px = cairo_image_surface_get_data(s);
    unsigned seed = 1;
    for (int i = 0; i < 100 * cairo_image_surface_get_stride(s); i++)
        px[i] = (unsigned char)((seed = seed * 1103515245 + 12345) >> 16);
    cairo_surface_mark_dirty(s);
    const char *png = fixture_path(fx, "noise.png");
    assert_int_equal(cairo_surface_write_to_png(s, png), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);

    lay_image img = {.kind = LAY_IMAGE_PNG, .path = png, .intrinsic_width = 100,
                     .intrinsic_height = 100};
    lay_box box = {.kind = LAY_IMAGE, .x = 72, .y = 72, .w = 100, .h = 100};
    box.u.image.image = &img;
    lay_page pages[50];
    for (int i = 0; i < 50; i++)
        pages[i] = fixture_page(fx, i + 1, &box, 1);
    const char *one = fixture_path(fx, "one.pdf"), *fifty = fixture_path(fx, "fifty.pdf");
    paint_options o = pdf_options();
    paint_pdf(one, &o, pages, 1, NULL);
    paint_pdf(fifty, &o, pages, 50, NULL);
    struct stat s1, s50;
    assert_int_equal(stat(one, &s1), 0);
    assert_int_equal(stat(fifty, &s50), 0);
    assert_true(s1.st_size > 30000);                      /* the image is in there */
    assert_true(s50.st_size < s1.st_size + 49 * 1000);    /* ...once */
}

static void svg_images_are_drawn(void **state)
{
    fixture *fx = *state;
    static const char svg[] = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>"
                              "<rect width='10' height='10' fill='#00ff00'/></svg>";
    const char *path = fixture_path(fx, "pic.svg");
    assert_true(g_file_set_contents(path, svg, -1, NULL));
    lay_image file = {.kind = LAY_IMAGE_SVG, .path = path, .intrinsic_width = 10,
                      .intrinsic_height = 10};
    lay_image inl = {.kind = LAY_IMAGE_SVG_INLINE, .svg_data = svg, .svg_len = sizeof svg - 1,
                     .intrinsic_width = 10, .intrinsic_height = 10};
    lay_box boxes[2] = {{.kind = LAY_IMAGE, .x = 72, .y = 72, .w = 50, .h = 50},
                        {.kind = LAY_IMAGE, .x = 200, .y = 72, .w = 50, .h = 50}};
    boxes[0].u.image.image = &file;
    boxes[1].u.image.image = &inl;
    lay_page page = fixture_page(fx, 1, boxes, 2);
    const char *out = fixture_path(fx, "svg.pdf");
    paint_options o = pdf_options();
    paint_pdf(out, &o, &page, 1, NULL);
    /* Vectors: no image XObject; the green fill is in the content. */
    char *list = fixture_run("pdfimages -list '%s' | tail -n +3 | wc -l", out);
    assert_non_null(list);
    assert_int_equal(atoi(list), 0);
    g_free(list);
    char *ppm = fixture_run("pdftoppm -r 72 -x 90 -y 90 -W 1 -H 1 -f 1 -l 1 '%s' | tail -c 3 "
                            "| od -An -tu1", out);
    assert_non_null(ppm);
    int r, g, b;
    assert_int_equal(sscanf(ppm, "%d %d %d", &r, &g, &b), 3);
    assert_true(r < 10 && g > 245 && b < 10);
    g_free(ppm);
}

static void missing_image_warns_and_draws_grey(void **state)
{
    fixture *fx = *state;
    lay_image img = {.kind = LAY_IMAGE_PNG, .path = fixture_path(fx, "none.png"),
                     .intrinsic_width = 10, .intrinsic_height = 10};
    lay_box box = {.kind = LAY_IMAGE, .x = 72, .y = 72, .w = 50, .h = 50};
    box.u.image.image = &img;
    lay_page pages[] = {fixture_page(fx, 1, &box, 1), fixture_page(fx, 2, &box, 1)};
    diag *d = diag_new(stderr);
    diag_set_quiet(d, true);
    paint_options o = pdf_options();
    painter *p = paint_open(fixture_path(fx, "missing.pdf"), &o, d);
    assert_true(paint_page(p, &pages[0]));
    assert_true(paint_page(p, &pages[1]));
    assert_true(paint_close(p, true));
    assert_int_equal(diag_error_count(d), 0);
    assert_int_equal(diag_warning_count(d), 1); /* once, not once per page */
    diag_destroy(d);
}

/* Runs whose clusters don't add up, split a character, or with glyphs that draw nothing,
 * must not put cairo in an error state: the glyphs are still drawn. */
static void odd_runs_are_still_drawn(void **state)
{
    fixture *fx = *state;
    lay_box boxes[4] = {fixture_text(fx, "DejaVu Sans", 12, 72, 100, "Broken"),
                        fixture_text(fx, "DejaVu Sans", 12, 72, 120, "Empty"),
                        fixture_text(fx, "DejaVu Sans", 12, 72, 140, "\xc3\x89t\xc3\xa9"),
                        fixture_text(fx, "DejaVu Sans", 12, 72, 160, "Apr\xc3\xa8s")};
    lay_cluster bad = {3, 1};
    boxes[0].u.text.clusters = &bad;
    boxes[0].u.text.nclusters = 1;
    lay_glyph *g = (lay_glyph *)boxes[1].u.text.glyphs;
    g[1].index = 0x0FFFFFFF; /* PANGO_GLYPH_EMPTY */
    /* "Été" is 5 bytes and 3 glyphs: clusters of 1, 2 and 2 bytes cut the "É" in two */
    lay_cluster split[3] = {{1, 1}, {2, 1}, {2, 1}};
    assert_int_equal(boxes[2].u.text.nglyphs, 3);
    boxes[2].u.text.clusters = split;
    boxes[2].u.text.nclusters = 3;
    lay_page page = fixture_page(fx, 1, boxes, 4);
    const char *out = fixture_path(fx, "odd.pdf");
    paint_options o = pdf_options();
    paint_pdf(out, &o, &page, 1, NULL);
    char *text = fixture_run("pdftotext '%s' -", out);
    assert_non_null(text);
    assert_non_null(strstr(text, "Broken"));
    assert_non_null(strstr(text, "Em"));  /* the empty glyph's text stays */
    assert_non_null(strstr(text, "pty"));
    assert_non_null(strstr(text, "t\xc3\xa9"));      /* drawn without its clusters */
    assert_non_null(strstr(text, "Apr\xc3\xa8s")); /* and cairo still draws after it */
    g_free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(text_is_extractable),
        FIXTURE_TEST(page_size_and_label_per_page),
        FIXTURE_TEST(same_date_gives_same_bytes),
        FIXTURE_TEST(metadata_is_written),
        FIXTURE_TEST(rollback_leaves_nothing),
        FIXTURE_TEST(unwritable_directory_is_an_error),
        FIXTURE_TEST(write_error_is_reported),
        FIXTURE_TEST(links_and_destinations),
        FIXTURE_TEST(outline_is_written),
        FIXTURE_TEST(jpeg_is_embedded_as_is),
        FIXTURE_TEST(image_on_every_page_is_embedded_once),
        FIXTURE_TEST(svg_images_are_drawn),
        FIXTURE_TEST(missing_image_warns_and_draws_grey),
        FIXTURE_TEST(odd_runs_are_still_drawn),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
