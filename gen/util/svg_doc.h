/* SVG documents parsed once for all their uses in a process: layout's size probe, then the
 * painter (in its own thread) which draws it. librsvg parsing a document is most of what
 * either costs (the examples' sketches are 85 to 284 kB), and each used to parse it.
 *
 * A document is known by its bytes and the file they came from (its relative references
 * are resolved against that file's folder): a file edited meanwhile (build --watch) is a
 * new document. It is parsed with the group opacity of its shapes folded (svg_opacity.h),
 * as it is drawn; its size is the same either way.
 *
 * The handles are shared between threads: the painter draws with one while layout may ask
 * for the same document again. Layout gets the size measured when the document was
 * parsed, and never touches the handle itself.
 */
#ifndef LIVRABLES_UTIL_SVG_DOC_H
#define LIVRABLES_UTIL_SVG_DOC_H

#include <glib.h>
#include <librsvg/rsvg.h>
#include <stdbool.h>
#include <stddef.h>

/* The document of the file `path` (`data` NULL) or of `len` bytes at `data` (from `path`
 * when it is not NULL), parsed on first use: a new reference (g_object_unref it), or NULL
 * with *err set (when `err` is not NULL) when librsvg can't read it. */
RsvgHandle *svg_doc_get(const char *path, const guint8 *data, size_t len, GError **err);

/* As svg_doc_get, for layout: true with the document's size in points (user units count as
 * points, as in FOP: librsvg at 72 dpi; its viewBox's size when it has no width and
 * height; 100 x 100 without either), false when librsvg can't read it. */
bool svg_doc_size(const char *path, const guint8 *data, size_t len, double *w, double *h);

/* Drops every document (a painter that ended: the next document parses its own again). */
void svg_doc_forget_all(void);

#endif
