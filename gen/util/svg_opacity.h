/* An SVG's group opacity folded into paint opacity where the two draw the same pixels.
 *
 * librsvg draws an element with an `opacity` of its own through a transparency group
 * (cairo_push_group, then paint_with_alpha), which cairo's PDF surface writes as a form
 * XObject with its own stream and graphics state. Drawings made of many translucent strokes
 * (the examples' sketches: 1,351 in one of them) then cost more to draw and write than the
 * rest of their document. A shape that paints only its fill or only its stroke looks the
 * same with that opacity multiplied into its fill-opacity or stroke-opacity, drawn without
 * a group: one painting operation either way.
 */
#ifndef LIVRABLES_UTIL_SVG_OPACITY_H
#define LIVRABLES_UTIL_SVG_OPACITY_H

#include <glib.h>
#include <stddef.h>

/* The SVG document `data` with the opacity of every such shape folded, or NULL when there
 * is none to fold (or the document is not one this can judge: it is then drawn as it is).
 * Documents with CSS (`<style>`, `style` or `class` attributes on the way), `<use>` or
 * markers are left alone: what a shape paints could not be told from its attributes. */
GBytes *svg_fold_opacity(const void *data, size_t len);

#endif
