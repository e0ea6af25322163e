/* Boxes on a cairo_t: what the PDF and PNG backends share.
 *
 * Text is drawn with the run's own scaled font and cairo_show_text_glyphs, so the PDF
 * carries the source text (copy and search work, ligatures included) and cairo embeds
 * font subsets. Links and destinations are PDF tags; raster outputs skip them.
 */
#include <cairo.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "paint/paint_internal.h"
#include "util/grow.h"

struct paint_cairo {
    painter *p;
    cairo_t *cr;
    bool tags;
    GHashTable *dests; /* names already emitted: cairo wants each once */
    /* a text run's glyphs and clusters at page positions, kept from run to run (cairo
     * copies what it records): two allocations fewer for every line drawn */
    cairo_glyph_t *glyphs;
    cairo_text_cluster_t *clusters;
    size_t capglyphs, capclusters;
};

paint_cairo *paint_cairo_new(painter *p, cairo_t *cr, bool tags)
{
    paint_cairo *pc = g_new0(paint_cairo, 1);
    pc->p = p;
    pc->cr = cr;
    pc->tags = tags;
    pc->dests = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return pc;
}

void paint_cairo_destroy(paint_cairo *pc)
{
    if (!pc)
        return;
    g_hash_table_destroy(pc->dests);
    free(pc->glyphs);
    free(pc->clusters);
    g_free(pc);
}

void paint_canvas_release(paint_canvas *c)
{
    paint_cairo_destroy(c->pc);
    c->pc = NULL;
    if (c->cr)
        cairo_destroy(c->cr);
    c->cr = NULL;
    if (c->surface)
        cairo_surface_destroy(c->surface);
    c->surface = NULL;
}

static void set_color(cairo_t *cr, lay_color c)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

/* ---- text ------------------------------------------------------------------------------ */

/* True when the clusters cover the text and the glyphs exactly, each on whole UTF-8
 * characters: cairo would put the context in an error state for good otherwise. The text
 * is validated once (not cluster by cluster: a call per character); a cluster then holds
 * whole characters when it starts on one, as the next one does. */
static bool clusters_valid(const lay_text_run *r)
{
    if (!r->utf8 || !r->clusters || r->nclusters <= 0 || r->utf8_len <= 0 ||
        !g_utf8_validate(r->utf8, r->utf8_len, NULL))
        return false;
    int bytes = 0, glyphs = 0;
    for (int i = 0; i < r->nclusters; i++) {
        const lay_cluster *c = &r->clusters[i];
        if (c->num_bytes < 0 || c->num_glyphs < 0 || bytes + c->num_bytes > r->utf8_len ||
            (bytes < r->utf8_len && ((unsigned char)r->utf8[bytes] & 0xC0) == 0x80))
            return false;
        bytes += c->num_bytes;
        glyphs += c->num_glyphs;
    }
    return bytes == r->utf8_len && glyphs == r->nglyphs;
}

/* Copies the glyphs at page positions with their clusters; the text of a cluster without
 * glyphs joins a neighbour, so it is kept. */
static int build_glyphs(const lay_text_run *r, double x, double y, bool with_clusters,
                        cairo_glyph_t *glyphs, cairo_text_cluster_t *clusters, int *nclusters)
{
    int ng = 0, nc = 0, gi = 0, pending = 0;
    int ncl = with_clusters ? r->nclusters : 1;
    for (int ci = 0; ci < ncl; ci++) {
        int count = with_clusters ? r->clusters[ci].num_glyphs : r->nglyphs;
        int kept = 0;
        for (int k = 0; k < count; k++, gi++) {
            const lay_glyph *g = &r->glyphs[gi];
            glyphs[ng++] = (cairo_glyph_t){g->index, x + g->x, y + g->y};
            kept++;
        }
        if (!with_clusters)
            continue;
        int bytes = r->clusters[ci].num_bytes + pending;
        pending = 0;
        if (kept)
            clusters[nc++] = (cairo_text_cluster_t){bytes, kept};
        else if (nc)
            clusters[nc - 1].num_bytes += bytes;
        else
            pending = bytes;
    }
    *nclusters = nc;
    return nc || !with_clusters ? ng : 0;
}

static void draw_text(paint_cairo *pc, const lay_box *b)
{
    const lay_text_run *r = &b->u.text;
    cairo_scaled_font_t *sf = r->font;
    if (!sf || !r->glyphs || r->nglyphs <= 0 || cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS)
        return;
    bool with_clusters = clusters_valid(r);
    GROW_HEAP(pc->glyphs, 0, pc->capglyphs, r->nglyphs, 64);
    if (with_clusters)
        GROW_HEAP(pc->clusters, 0, pc->capclusters, r->nclusters, 64);
    cairo_glyph_t *glyphs = pc->glyphs;
    cairo_text_cluster_t *clusters = with_clusters ? pc->clusters : NULL;
    int nclusters = 0;
    int nglyphs = build_glyphs(r, b->x, b->y, with_clusters, glyphs, clusters, &nclusters);

    cairo_t *cr = pc->cr;
    cairo_set_scaled_font(cr, sf);
    set_color(cr, r->color);
    if (nglyphs && with_clusters)
        cairo_show_text_glyphs(cr, r->utf8, r->utf8_len, glyphs, nglyphs, clusters, nclusters,
                               0);
    else if (nglyphs)
        cairo_show_glyphs(cr, glyphs, nglyphs);
}

/* ---- rules ----------------------------------------------------------------------------- */

static void stroke_segment(cairo_t *cr, double x1, double y1, double x2, double y2)
{
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, x2, y2);
    cairo_stroke(cr);
}

static void draw_line(paint_cairo *pc, const lay_box *b)
{
    double t = b->u.line.thickness, len = hypot(b->w, b->h);
    if (t <= 0 || len <= 0)
        return;
    cairo_t *cr = pc->cr;
    double x1 = b->x, y1 = b->y, x2 = b->x + b->w, y2 = b->y + b->h;
    double ux = b->w / len, uy = b->h / len; /* along the line */
    cairo_save(cr);
    set_color(cr, b->u.line.color);
    cairo_set_line_width(cr, t);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    switch (b->u.line.style) {
    case LAY_STYLE_SOLID:
        stroke_segment(cr, x1, y1, x2, y2);
        break;
    case LAY_STYLE_DASHED: {
        double dash[] = {3 * t, 3 * t};
        cairo_set_dash(cr, dash, 2, 0);
        stroke_segment(cr, x1, y1, x2, y2);
        break;
    }
    case LAY_STYLE_DOTTED: {
        /* Round dots of diameter t, every 2t, kept inside the segment. */
        double dash[] = {0, 2 * t};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        double h = len > t ? t / 2 : 0;
        stroke_segment(cr, x1 + ux * h, y1 + uy * h, x2 - ux * h, y2 - uy * h);
        break;
    }
    case LAY_STYLE_DOUBLE: {
        /* Two strokes of t/3 with a t/3 gap between them. */
        double nx = -uy * t / 3, ny = ux * t / 3;
        cairo_set_line_width(cr, t / 3);
        stroke_segment(cr, x1 + nx, y1 + ny, x2 + nx, y2 + ny);
        stroke_segment(cr, x1 - nx, y1 - ny, x2 - nx, y2 - ny);
        break;
    }
    }
    cairo_restore(cr);
}

static void draw_rect(cairo_t *cr, double x, double y, double w, double h, lay_color c)
{
    if (w <= 0 || h <= 0)
        return;
    set_color(cr, c);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
}

static void draw_image(paint_cairo *pc, const lay_box *b)
{
    cairo_t *cr = pc->cr;
    cairo_save(cr);
    if (b->u.image.clip) {
        cairo_rectangle(cr, b->u.image.clip_x, b->u.image.clip_y, b->u.image.clip_w,
                        b->u.image.clip_h);
        cairo_clip(cr);
    }
    if (!paint_image_draw(pc->p->images, cr, b->u.image.image, b->x, b->y, b->w, b->h))
        draw_rect(cr, b->x, b->y, b->w, b->h, (lay_color){0.8f, 0.8f, 0.8f, 1});
    cairo_restore(cr);
}

/* ---- links and destinations -------------------------------------------------------------- */

/* Appends a quoted tag attribute value ('...' with ' and \ escaped). */
static void append_quoted(GString *s, const char *v)
{
    g_string_append_c(s, '\'');
    for (; *v; v++) {
        if (*v == '\'' || *v == '\\')
            g_string_append_c(s, '\\');
        g_string_append_c(s, *v);
    }
    g_string_append_c(s, '\'');
}

static void append_number(GString *s, double v)
{
    char buf[32];
    g_string_append(s, paint_fmt(buf, v, 3));
}

bool paint_cairo_link_drawn(const lay_box *b)
{
    return b->kind == LAY_LINK && (b->u.link.uri || b->u.link.dest) && b->w > 0 && b->h > 0;
}

static void draw_link(paint_cairo *pc, const lay_box *b)
{
    if (!paint_cairo_link_drawn(b))
        return;
    GString *s = g_string_new("rect=[");
    append_number(s, b->x);
    g_string_append_c(s, ' ');
    append_number(s, b->y);
    g_string_append_c(s, ' ');
    append_number(s, b->w);
    g_string_append_c(s, ' ');
    append_number(s, b->h);
    g_string_append(s, b->u.link.uri ? "] uri=" : "] dest=");
    append_quoted(s, b->u.link.uri ? b->u.link.uri : b->u.link.dest);
    cairo_tag_begin(pc->cr, CAIRO_TAG_LINK, s->str);
    cairo_tag_end(pc->cr, CAIRO_TAG_LINK);
    g_string_free(s, TRUE);
}

static void draw_dest(paint_cairo *pc, const lay_box *b)
{
    const char *name = b->u.link.dest;
    if (!name || !*name || g_hash_table_contains(pc->dests, name))
        return;
    g_hash_table_add(pc->dests, g_strdup(name));
    GString *s = g_string_new("name=");
    append_quoted(s, name);
    g_string_append(s, " x=");
    append_number(s, b->x);
    g_string_append(s, " y=");
    append_number(s, b->y);
    cairo_tag_begin(pc->cr, CAIRO_TAG_DEST, s->str);
    cairo_tag_end(pc->cr, CAIRO_TAG_DEST);
    g_string_free(s, TRUE);
}

/* A text run or image turned by reference-orientation: drawn at the origin of a frame
 * turned around (x, y). */
static void draw_turned(paint_cairo *pc, const lay_box *b)
{
    lay_box local = *b;
    local.x = local.y = 0;
    local.rot = 0;
    cairo_save(pc->cr);
    cairo_translate(pc->cr, b->x, b->y);
    cairo_rotate(pc->cr, -M_PI / 2 * b->rot); /* anticlockwise on the page, y going down */
    if (b->kind == LAY_TEXT)
        draw_text(pc, &local);
    else
        draw_image(pc, &local);
    cairo_restore(pc->cr);
}

bool paint_cairo_box(paint_cairo *pc, const lay_box *b)
{
    if (b->rot && (b->kind == LAY_TEXT || b->kind == LAY_IMAGE)) {
        draw_turned(pc, b);
        return cairo_status(pc->cr) == CAIRO_STATUS_SUCCESS;
    }
    switch (b->kind) {
    case LAY_TEXT:
        draw_text(pc, b);
        break;
    case LAY_RECT:
        draw_rect(pc->cr, b->x, b->y, b->w, b->h, b->u.rect.color);
        break;
    case LAY_LINE:
        draw_line(pc, b);
        break;
    case LAY_IMAGE:
        draw_image(pc, b);
        break;
    case LAY_LINK:
        if (pc->tags)
            draw_link(pc, b);
        break;
    case LAY_DEST:
        if (pc->tags)
            draw_dest(pc, b);
        break;
    }
    return cairo_status(pc->cr) == CAIRO_STATUS_SUCCESS;
}
