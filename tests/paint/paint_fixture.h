/* Test helpers for the painters: pages built by hand, text runs shaped with Pango the way
 * the text engine does (72 dpi font map, glyph positions relative to the run origin),
 * a scratch directory, painting pages, and running a command to capture its output.
 * Include it after <cmocka.h>. */
#ifndef LIVRABLES_PAINT_FIXTURE_H
#define LIVRABLES_PAINT_FIXTURE_H

#include <dirent.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/support.h"
#include "layout/layout.h"
#include "paint/paint.h"
#include "util/arena.h"

typedef struct {
    arena *a;
    PangoFontMap *fontmap;
    PangoContext *ctx;
    GPtrArray *fonts; /* references to drop */
    char dir[64];     /* scratch directory */
} fixture;

static inline void fixture_init(fixture *fx)
{
    fx->a = arena_new();
    fx->fontmap = pango_cairo_font_map_new();
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(fx->fontmap), 72);
    fx->ctx = pango_font_map_create_context(fx->fontmap);
    fx->fonts = g_ptr_array_new_with_free_func(g_object_unref);
    if (!scratch_new(fx->dir, "test_paint"))
        abort();
}

/* Removes the scratch directory, unless PAINT_TEST_KEEP is set (to look at the files). */
static inline void fixture_clean(fixture *fx)
{
    if (!getenv("PAINT_TEST_KEEP"))
        scratch_remove(fx->dir);
    g_ptr_array_free(fx->fonts, TRUE);
    g_object_unref(fx->ctx);
    g_object_unref(fx->fontmap);
    arena_destroy(fx->a);
}

/* cmocka setup and teardown: a fixture in *state. */
static inline int fixture_setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    fixture_init(fx);
    *state = fx;
    return 0;
}

static inline int fixture_teardown(void **state)
{
    fixture_clean(*state);
    free(*state);
    return 0;
}

/* A cmocka test run with a fresh fixture in *state. */
#define FIXTURE_TEST(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)

/* A path in the scratch directory, owned by the fixture's arena. */
static inline const char *fixture_path(fixture *fx, const char *name)
{
    return arena_printf(fx->a, "%s/%s", fx->dir, name);
}

/* Number of entries in the scratch directory. */
static inline int fixture_count_files(fixture *fx)
{
    int n = 0;
    DIR *dir = opendir(fx->dir);
    struct dirent *e;
    while (dir && (e = readdir(dir)))
        n += e->d_name[0] != '.';
    if (dir)
        closedir(dir);
    return n;
}

/* A text box: `text` shaped in `family` at `size` points, baseline origin at (x, y). */
static inline lay_box fixture_text(fixture *fx, const char *family, double size, double x,
                                   double y, const char *text)
{
    PangoFontDescription *desc = pango_font_description_from_string(family);
    pango_font_description_set_absolute_size(desc, size * PANGO_SCALE);
    pango_context_set_font_description(fx->ctx, desc);
    int len = (int)strlen(text);
    GList *items = pango_itemize(fx->ctx, text, 0, len, NULL, NULL);
    PangoItem *item = items->data; /* the tests use one script and one font */
    PangoGlyphString *gs = pango_glyph_string_new();
    pango_shape_full(text + item->offset, item->length, text, len, &item->analysis, gs);

    lay_glyph *glyphs = ARENA_NEW_ARRAY(fx->a, lay_glyph, gs->num_glyphs);
    lay_cluster *clusters = ARENA_NEW_ARRAY(fx->a, lay_cluster, gs->num_glyphs);
    int nclusters = 0, pen = 0;
    for (int i = 0; i < gs->num_glyphs; i++) {
        PangoGlyphInfo *g = &gs->glyphs[i];
        glyphs[i] = (lay_glyph){g->glyph, (double)(pen + g->geometry.x_offset) / PANGO_SCALE,
                                (double)g->geometry.y_offset / PANGO_SCALE};
        pen += g->geometry.width;
        if (i == 0 || gs->log_clusters[i] != gs->log_clusters[i - 1]) {
            int start = gs->log_clusters[i], end = item->length;
            for (int j = i + 1; j < gs->num_glyphs; j++)
                if (gs->log_clusters[j] != start) {
                    end = gs->log_clusters[j];
                    break;
                }
            clusters[nclusters++] = (lay_cluster){end - start, 0};
        }
        clusters[nclusters - 1].num_glyphs++;
    }
    PangoFont *font = g_object_ref(item->analysis.font);
    g_ptr_array_add(fx->fonts, font);

    lay_box b = {.kind = LAY_TEXT, .x = x, .y = y};
    b.u.text = (lay_text_run){
        .font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font)),
        .size = size,
        .family = arena_strdup(fx->a, family),
        .color = {0, 0, 0, 1},
        .glyphs = glyphs,
        .nglyphs = gs->num_glyphs,
        .utf8 = arena_strdup(fx->a, text),
        .utf8_len = len,
        .clusters = clusters,
        .nclusters = nclusters,
    };
    pango_glyph_string_free(gs);
    g_list_free_full(items, (GDestroyNotify)pango_item_free);
    pango_font_description_free(desc);
    return b;
}

static inline lay_box fixture_rect(double x, double y, double w, double h, lay_color c)
{
    lay_box b = {.kind = LAY_RECT, .x = x, .y = y, .w = w, .h = h};
    b.u.rect.color = c;
    return b;
}

/* An A4 page with a copy of `boxes`. */
static inline lay_page fixture_page(fixture *fx, int number, const lay_box *boxes, size_t n)
{
    lay_page p = {.width = 595.28, .height = 841.89, .number = number};
    p.label = arena_printf(fx->a, "%d", number);
    p.boxes = ARENA_NEW_ARRAY(fx->a, lay_box, n ? n : 1);
    if (n)
        memcpy(p.boxes, boxes, n * sizeof *boxes);
    p.nboxes = n;
    return p;
}

/* Paints `pages`, then `outline` (may be NULL), into `out` and commits; asserts that every
 * step succeeded without a diagnostic. */
static inline void fixture_paint(const char *out, const paint_options *o, const lay_page *pages,
                                 int n, const lay_outline *outline)
{
    diag *d = diag_new(stderr);
    painter *p = paint_open(out, o, d);
    assert_non_null(p);
    for (int i = 0; i < n; i++)
        assert_true(paint_page(p, &pages[i]));
    paint_outline(p, outline);
    assert_true(paint_close(p, true));
    assert_int_equal(diag_error_count(d), 0);
    diag_destroy(d);
}

/* The standard output of a shell command (NUL-terminated, g_free it); NULL if it failed. */
static inline char *fixture_run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline char *fixture_run(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *cmd = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    FILE *f = popen(cmd, "r");
    g_free(cmd);
    if (!f)
        return NULL;
    GString *out = g_string_new(NULL);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        g_string_append_len(out, buf, n);
    int status = pclose(f);
    if (status != 0) {
        g_string_free(out, TRUE);
        return NULL;
    }
    return g_string_free(out, FALSE);
}

/* Collapses runs of spaces into one, in place (pdfinfo aligns its columns). */
static inline char *fixture_squeeze(char *s)
{
    char *out = s;
    for (const char *in = s; s && *in; in++)
        if (!(*in == ' ' && out > s && out[-1] == ' '))
            *out++ = *in;
    if (s)
        *out = '\0';
    return s;
}

#endif
