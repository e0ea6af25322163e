/* Text dump backend: one line per box, stable and readable, for golden tests of layout.
 *
 *   page 1 label="1" 595.28x841.89
 *     text 72.00,96.50 "DejaVu Sans" 12.00 #000000 "Hello world"
 *     rect 72.00,100.00 10.00x20.00 #ff0000
 *     line 72.00,120.00 300.00,120.00 0.50 dotted #000000
 *     image png 72.00,130.00 100.00x50.00 "logo.png" clip 72.00,130.00 50.00x50.00
 *     link 72.00,96.50 40.00x12.00 uri="https://example.org"
 *     dest "intro" 72.00,96.50
 *     text 72.00,300.00 "DejaVu Sans" 12.00 #000000 "Turned" rot=90
 *   outline
 *     bookmark "Intro" dest="intro" open
 *
 * Numbers have two decimals and a '.', whatever the locale.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "paint/paint_internal.h"

typedef struct {
    FILE *f;
    const lay_outline *outline;
} text_state;

static void put_string(FILE *f, const char *s, size_t len)
{
    fputc('"', f);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (c < 0x20 || c == 0x7f)
            fprintf(f, "\\x%02x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void put_cstring(FILE *f, const char *s)
{
    put_string(f, s ? s : "", s ? strlen(s) : 0);
}

static int channel(float c)
{
    long v = lround(c * 255.0f);
    return v < 0 ? 0 : v > 255 ? 255 : (int)v;
}

static void put_color(FILE *f, lay_color c)
{
    fprintf(f, "#%02x%02x%02x", channel(c.r), channel(c.g), channel(c.b));
    if (c.a < 1.0f)
        fprintf(f, "%02x", channel(c.a));
}

/* " X,Y" */
static void put_point(FILE *f, double x, double y)
{
    char a[32], b[32];
    fprintf(f, " %s,%s", paint_fmt(a, x, 2), paint_fmt(b, y, 2));
}

/* " WxH" */
static void put_size(FILE *f, double w, double h)
{
    char a[32], b[32];
    fprintf(f, " %sx%s", paint_fmt(a, w, 2), paint_fmt(b, h, 2));
}

static void put_number(FILE *f, double v)
{
    char a[32];
    fprintf(f, " %s", paint_fmt(a, v, 2));
}

static bool text_open(painter *p)
{
    text_state *s = ARENA_NEW(p->a, text_state);
    p->impl = s;
    s->f = paint_output_create(p, p->out_path);
    return s->f != NULL;
}

static bool text_begin_page(painter *p, const lay_page *page)
{
    text_state *s = p->impl;
    fprintf(s->f, "page %d label=", page->number);
    put_cstring(s->f, page->label);
    put_size(s->f, page->width, page->height);
    fputc('\n', s->f);
    return true;
}

static void put_text(FILE *f, const lay_box *b)
{
    const lay_text_run *r = &b->u.text;
    fputs("  text", f);
    put_point(f, b->x, b->y);
    fputc(' ', f);
    put_cstring(f, r->family);
    put_number(f, r->size);
    fputc(' ', f);
    put_color(f, r->color);
    fputc(' ', f);
    if (r->utf8)
        put_string(f, r->utf8, (size_t)(r->utf8_len > 0 ? r->utf8_len : 0));
    else
        fprintf(f, "<%d glyphs>", r->nglyphs);
}

static const char *style_name(lay_line_style s)
{
    switch (s) {
    case LAY_STYLE_DOTTED:
        return "dotted";
    case LAY_STYLE_DASHED:
        return "dashed";
    case LAY_STYLE_DOUBLE:
        return "double";
    case LAY_STYLE_SOLID:
        break;
    }
    return "solid";
}

static const char *image_kind_name(lay_image_kind k)
{
    switch (k) {
    case LAY_IMAGE_PNG:
        return "png";
    case LAY_IMAGE_JPEG:
        return "jpeg";
    case LAY_IMAGE_SVG:
        return "svg";
    case LAY_IMAGE_SVG_INLINE:
        return "svg-inline";
    case LAY_IMAGE_RASTER:
        return "raster";
    }
    return "?";
}

static void put_image(FILE *f, const lay_box *b)
{
    const lay_image *img = b->u.image.image;
    fprintf(f, "  image %s", img ? image_kind_name(img->kind) : "none");
    put_point(f, b->x, b->y);
    put_size(f, b->w, b->h);
    if (img && img->kind == LAY_IMAGE_SVG_INLINE) {
        fprintf(f, " <%zu bytes>", img->svg_len);
    } else if (img && img->bytes) {
        fprintf(f, " <data: %zu bytes>", img->nbytes);
    } else if (img) {
        fputc(' ', f);
        put_cstring(f, img->path);
    }
    if (b->u.image.clip) {
        fputs(" clip", f);
        put_point(f, b->u.image.clip_x, b->u.image.clip_y);
        put_size(f, b->u.image.clip_w, b->u.image.clip_h);
    }
}

static bool text_box(painter *p, const lay_box *b)
{
    FILE *f = ((text_state *)p->impl)->f;
    switch (b->kind) {
    case LAY_TEXT:
        put_text(f, b);
        if (b->rot)
            fprintf(f, " rot=%d", 90 * b->rot);
        break;
    case LAY_RECT:
        fputs("  rect", f);
        put_point(f, b->x, b->y);
        put_size(f, b->w, b->h);
        fputc(' ', f);
        put_color(f, b->u.rect.color);
        break;
    case LAY_LINE:
        fputs("  line", f);
        put_point(f, b->x, b->y);
        put_point(f, b->x + b->w, b->y + b->h);
        put_number(f, b->u.line.thickness);
        fprintf(f, " %s ", style_name(b->u.line.style));
        put_color(f, b->u.line.color);
        break;
    case LAY_IMAGE:
        put_image(f, b);
        if (b->rot)
            fprintf(f, " rot=%d", 90 * b->rot);
        break;
    case LAY_LINK:
        fputs("  link", f);
        put_point(f, b->x, b->y);
        put_size(f, b->w, b->h);
        fputs(b->u.link.uri ? " uri=" : " dest=", f);
        put_cstring(f, b->u.link.uri ? b->u.link.uri : b->u.link.dest);
        break;
    case LAY_DEST:
        fputs("  dest ", f);
        put_cstring(f, b->u.link.dest);
        put_point(f, b->x, b->y);
        break;
    }
    fputc('\n', f);
    return true;
}

static bool text_end_page(painter *p, const lay_page *page)
{
    if (ferror(((text_state *)p->impl)->f)) {
        paint_write_error(p, errno ? errno : EIO);
        return false;
    }
    return true;
}

static void text_outline(painter *p, const lay_outline *outline)
{
    ((text_state *)p->impl)->outline = outline;
}

static void put_bookmarks(FILE *f, const lay_outline *o, int depth)
{
    for (; o; o = o->next_sibling) {
        fprintf(f, "%*sbookmark ", 2 * depth, "");
        put_cstring(f, o->title);
        if (o->dest) {
            fputs(" dest=", f);
            put_cstring(f, o->dest);
        } else if (o->uri) {
            fputs(" uri=", f);
            put_cstring(f, o->uri);
        }
        fputs(o->open ? " open\n" : "\n", f);
        put_bookmarks(f, o->first_child, depth + 1);
    }
}

static bool text_finish(painter *p)
{
    text_state *s = p->impl;
    if (s->outline) {
        fputs("outline\n", s->f);
        put_bookmarks(s->f, s->outline, 1);
    }
    bool ok = paint_output_close(p, s->f);
    s->f = NULL;
    return ok;
}

static void text_abort(painter *p)
{
    text_state *s = p->impl;
    if (s && s->f)
        fclose(s->f);
    if (s)
        s->f = NULL;
}

const paint_backend paint_text_backend = {
    .open = text_open,
    .begin_page = text_begin_page,
    .box = text_box,
    .end_page = text_end_page,
    .outline = text_outline,
    .finish = text_finish,
    .abort = text_abort,
};
