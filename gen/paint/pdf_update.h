/* An incremental update (ISO 32000-1, 7.5.6) written after a PDF: new objects, and new
 * versions of old ones, packed into compressed object streams and found through a
 * cross-reference stream (PDF 1.5, 7.5.7 and 7.5.8) whose /Prev is the file's own.
 *
 * Only the framing is written here; each object's text is the caller's (built from
 * numbers, references and what pdf_text_string/pdf_text_name return). Objects are written
 * out a stream at a time, so memory holds one object stream and the cross-reference
 * entries, whatever the number of objects.
 */
#ifndef LIVRABLES_PDF_UPDATE_H
#define LIVRABLES_PDF_UPDATE_H

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct pdf_update pdf_update;

/* An update to a file of `base_len` bytes already written through `write` (a cairo write
 * function on `closure`); object streams and the cross-reference stream take numbers from
 * `first_free` on (the caller's own objects are numbered below it). */
pdf_update *pdf_update_new(long long base_len, int first_free, cairo_write_func_t write,
                           void *closure);

/* Adds object `number`: `text` is its value (a dictionary, an array...; not a stream).
 * False when a write failed (reported by the write function). */
bool pdf_update_add(pdf_update *u, int number, const char *text, size_t len);

/* Writes the last object stream and the cross-reference stream, with `trailer_keys`
 * (/Root, /Info, /ID as PDF text); `size` is the base's /Size and `prev` the offset of its
 * cross-reference section. False when a write failed. */
bool pdf_update_finish(pdf_update *u, int size, long long prev, const char *trailer_keys);

void pdf_update_destroy(pdf_update *u); /* accepts NULL */

/* Appends integer `v` in decimal to `s` (objects' text: faster than printf, which counts
 * among tens of thousands of objects). */
void pdf_append_int(GString *s, long long v);

#endif
