/* PNG backend: one image per page, "x.png" giving x-1.png, x-2.png..., drawn at opts.dpi
 * on white with cairo's antialiasing. Each file is written when its page ends. */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <glib.h>

#include "paint/paint_internal.h"
#include "util/i18n.h"

typedef struct {
    const char *base; /* out_path without ".png" */
    paint_canvas cv;
} png_state;

static bool png_open(painter *p)
{
    png_state *s = ARENA_NEW(p->a, png_state);
    p->impl = s;
    size_t n = strlen(p->out_path);
    if (n > 4 && strcasecmp(p->out_path + n - 4, ".png") == 0)
        n -= 4;
    s->base = arena_strndup(p->a, p->out_path, n);
    /* Files are made page by page: fail now, not after laying out the first page. */
    char *dir = g_path_get_dirname(p->out_path);
    bool ok = access(dir, W_OK) == 0;
    if (!ok)
        diag_error(p->d, p->out_path, 0, _("cannot write: %s"), strerror(errno));
    g_free(dir);
    return ok;
}

/* Pixels for `pt` points; a hair under a whole pixel is not one more pixel. */
static int pixels(double pt, double dpi)
{
    double px = ceil(pt * dpi / 72.0 - 1e-6);
    return px < 1 ? 1 : px > 32767 ? 32767 : (int)px;
}

static bool png_begin_page(painter *p, const lay_page *page)
{
    png_state *s = p->impl;
    double dpi = p->opts.dpi;
    paint_canvas_release(&s->cv); /* a page that failed half-way */
    s->cv.surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixels(page->width, dpi),
                                            pixels(page->height, dpi));
    s->cv.cr = cairo_create(s->cv.surface);
    if (cairo_status(s->cv.cr) != CAIRO_STATUS_SUCCESS) {
        diag_error(p->d, p->out_path, 0, _("cannot create page %d image: %s"), p->npages,
                   cairo_status_to_string(cairo_status(s->cv.cr)));
        paint_canvas_release(&s->cv);
        return false;
    }
    cairo_set_source_rgb(s->cv.cr, 1, 1, 1);
    cairo_paint(s->cv.cr);
    cairo_scale(s->cv.cr, dpi / 72.0, dpi / 72.0);
    s->cv.pc = paint_cairo_new(p, s->cv.cr, false);
    return true;
}

static bool png_box(painter *p, const lay_box *box)
{
    png_state *s = p->impl;
    if (paint_cairo_box(s->cv.pc, box))
        return true;
    diag_error(p->d, p->out_path, 0, _("cannot draw page %d: %s"), p->npages,
               cairo_status_to_string(cairo_status(s->cv.cr)));
    return false;
}

static bool png_end_page(painter *p, const lay_page *page)
{
    png_state *s = p->impl;
    char *name = arena_printf(p->a, "%s-%d.png", s->base, p->npages);
    paint_stream stream = {p, paint_output_create(p, name)};
    bool ok = stream.f != NULL;
    if (ok) {
        cairo_surface_flush(s->cv.surface);
        cairo_status_t st = cairo_surface_write_to_png_stream(s->cv.surface,
                                                              paint_stream_write, &stream);
        ok = paint_output_close(p, stream.f) && st == CAIRO_STATUS_SUCCESS;
        if (!ok && !p->write_failed)
            paint_write_error(p, EIO);
    }
    paint_canvas_release(&s->cv);
    return ok;
}

static bool png_finish(painter *p)
{
    png_state *s = p->impl;
    paint_canvas_release(&s->cv);
    return true;
}

static void png_abort(painter *p)
{
    png_state *s = p->impl;
    if (s)
        paint_canvas_release(&s->cv);
}

const paint_backend paint_png_backend = {
    .open = png_open,
    .begin_page = png_begin_page,
    .box = png_box,
    .end_page = png_end_page,
    .outline = NULL,
    .finish = png_finish,
    .abort = png_abort,
};
