/* Paint internals: the painter, the backend table and the helpers backends share.
 *
 * paint.c owns the painter and its output files (temporary names, renamed or removed at
 * paint_close); a backend only draws and writes. paint_cairo.c draws boxes on any cairo_t
 * (PDF and PNG share it); paint_image.c loads images once per painter.
 */
#ifndef LIVRABLES_PAINT_INTERNAL_H
#define LIVRABLES_PAINT_INTERNAL_H

#include <cairo.h>
#include <stdio.h>

#include "paint/paint.h"
#include "util/arena.h"

typedef struct paint_backend paint_backend;
typedef struct paint_images paint_images;
typedef struct paint_output paint_output;

struct painter {
    const paint_backend *be;
    paint_options opts; /* strings copied into `a` */
    diag *d;
    arena *a;
    const char *out_path;
    paint_output *outputs; /* temporary files, in creation order */
    paint_images *images;
    int npages;
    bool write_failed; /* reported once */
    void *impl;        /* the backend's state */
};

/* A backend. Every function returns false after reporting a fatal error; `abort` releases
 * the backend's state without completing the output (paint.c removes the files). */
struct paint_backend {
    bool (*open)(painter *p);
    bool (*begin_page)(painter *p, const lay_page *page);
    bool (*box)(painter *p, const lay_box *box);
    bool (*end_page)(painter *p, const lay_page *page);
    void (*outline)(painter *p, const lay_outline *outline); /* a copy owned by p->a */
    bool (*finish)(painter *p);
    void (*abort)(painter *p);
};

extern const paint_backend paint_pdf_backend;
extern const paint_backend paint_png_backend;
extern const paint_backend paint_text_backend;

/* ---- paint.c: output files ------------------------------------------------------------- */

/* Creates a temporary file next to `final_path` (same directory, so rename is atomic) and
 * registers it for rename at commit. Returns a stream owned by the caller (fclose it with
 * paint_output_close), or NULL after reporting an error. */
FILE *paint_output_create(painter *p, const char *final_path);

/* Closes a stream from paint_output_create, reporting a write error. Accepts NULL. */
bool paint_output_close(painter *p, FILE *f);

/* Reports `OUT: error: cannot write: <strerror(err)>` once per painter. */
void paint_write_error(painter *p, int err);

/* A cairo write callback (cairo_write_func_t) on a paint_stream: a failed write is
 * reported through paint_write_error; with f NULL (aborted output) writes are dropped. */
typedef struct {
    painter *p;
    FILE *f;
} paint_stream;
cairo_status_t paint_stream_write(void *closure, const unsigned char *data, unsigned int len);

/* ---- paint.c: locale-independent numbers ---------------------------------------------- */

/* Writes `v` with exactly `decimals` (0..6) digits after a '.', whatever LC_NUMERIC says.
 * Returns buf, which must hold 32 bytes. */
char *paint_fmt(char *buf, double v, int decimals);

/* ---- paint_cairo.c: boxes on a cairo_t ------------------------------------------------- */

typedef struct paint_cairo paint_cairo;

/* A drawer on `cr` (borrowed). With `tags`, links and destinations become PDF tags. */
paint_cairo *paint_cairo_new(painter *p, cairo_t *cr, bool tags);
void paint_cairo_destroy(paint_cairo *pc); /* accepts NULL */

/* True when a LAY_LINK box makes a link (a PDF annotation). */
bool paint_cairo_link_drawn(const lay_box *b);

/* Draws one box. Returns false if cairo failed (the painter reports it). */
bool paint_cairo_box(paint_cairo *pc, const lay_box *box);

/* What a cairo backend draws on: a surface, its context and the drawer on it. */
typedef struct {
    cairo_surface_t *surface;
    cairo_t *cr;
    paint_cairo *pc;
} paint_canvas;

/* Destroys whichever of the three exists and clears them (the canvas can be reused). */
void paint_canvas_release(paint_canvas *c);

/* ---- paint_image.c: images loaded once per painter ------------------------------------ */

paint_images *paint_images_new(diag *d);
void paint_images_destroy(paint_images *im); /* accepts NULL */

/* Draws `img` scaled into the rectangle (x, y, w, h) of `cr`. Returns false (after a
 * warning, once per image) when the image can't be read; the caller draws a stand-in. */
bool paint_image_draw(paint_images *im, cairo_t *cr, const lay_image *img, double x, double y,
                      double w, double h);

#endif
