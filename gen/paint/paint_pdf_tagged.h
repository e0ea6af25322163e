/* The accessibility step of the PDF backend: the file cairo wrote, edited with libqpdf
 * (pdf_base.h), with what cairo 1.16 can't write:
 *
 *  - the structure tree, from the elements and marked content recorded while drawing
 *    (paint_pdf_marks.h), each element's /Lang when it differs, /Alt, /Scope; link
 *    annotations tied to their Link element (OBJR, /StructParent); a complete ParentTree;
 *  - artifact marked content (/Artifact with /Type /Pagination or /Layout) in place of
 *    the placeholder tags cairo wrote for it;
 *  - /StructParents and /Tabs /S on every page;
 *  - /Lang, /MarkInfo, /ViewerPreferences /DisplayDocTitle, an XMP stream (dc:title,
 *    dc:creator, dc:description, dates, pdf:Producer, pdfuaid:part 1) in the catalog;
 *  - dates in the Info dictionary in the D: form.
 *
 * cairo's file is written again without cairo's own structure tree, then the structure
 * tree (one object per element) follows as an incremental update in object streams
 * (pdf_update.h): tens of thousands of objects never become qpdf objects. The result has a
 * deterministic /ID, so SOURCE_DATE_EPOCH builds stay byte-identical.
 */
#ifndef LIVRABLES_PAINT_PDF_TAGGED_H
#define LIVRABLES_PAINT_PDF_TAGGED_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag/diag.h"
#include "paint/paint.h"
#include "paint/paint_pdf_marks.h"

/* Writes the tagged PDF made from `pdf` (cairo's output, `len` bytes, only read) through
 * `write` (a cairo write function on `closure`). `name` is the output's name for messages. Returns
 * false after reporting an error (a write error is the write function's to report). */
bool pdf_tagged_write(const unsigned char *pdf, size_t len, const pdf_marks *m,
                      const paint_options *o, cairo_write_func_t write, void *closure,
                      const char *name, diag *d);

#endif
