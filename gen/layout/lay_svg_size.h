/* An SVG's intrinsic size without librsvg loading the drawing (lay_svg_size.c). */
#ifndef LAY_SVG_SIZE_H
#define LAY_SVG_SIZE_H

#include <stdbool.h>
#include <stddef.h>

/* The size in points at 72 dpi librsvg gives the SVG of file `path` (or of the `n` bytes
 * at `bytes` when `path` is NULL): its outermost svg element's width and height, else its
 * viewBox's, else 100 x 100. False when the SVG must go to librsvg to know (not an SVG,
 * malformed, relative units, CSS). */
bool lay_svg_size(const char *path, const unsigned char *bytes, size_t n, double *w, double *h);

#endif
