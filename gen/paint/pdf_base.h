/* The file cairo wrote, as PDF objects edited with libqpdf (C++ API), then written again
 * without what is no longer referenced: the base that the structure tree's incremental
 * update (pdf_update.h) is appended to.
 *
 * It exists for speed: qpdf reads cairo's file lazily, and the objects of cairo's own
 * structure tree, which the tagged step replaces, are never parsed (they are most of
 * cairo's file); the new structure tree (one object per element, tens of thousands) is
 * not made of qpdf objects at all. qpdf's C API can't say which number an object gets in
 * the file it writes, hence C++ here, behind a C face.
 *
 * Pages and link annotations are numbered from 0 in the order of the file; an annotation
 * is named by its index among all the link annotations found (pdf_base_page_link).
 * Nothing here throws: qpdf's exceptions become a diagnostic and a false/NULL return.
 */
#ifndef LIVRABLES_PDF_BASE_H
#define LIVRABLES_PDF_BASE_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "diag/diag.h"

typedef struct pdf_base pdf_base;

/* Opens cairo's PDF, `len` bytes at `data` (borrowed until pdf_base_destroy); `name` is
 * the output's name for messages. cairo's structure tree is dropped from the catalog at
 * once. NULL after reporting an error. */
pdf_base *pdf_base_open(const unsigned char *data, size_t len, const char *name, diag *d);
void pdf_base_destroy(pdf_base *b); /* accepts NULL */

int pdf_base_npages(const pdf_base *b);

/* The number of /Link annotations of `page`, in the order of its /Annots (the order cairo
 * drew them), and the index-th of them: an annotation index for the calls below. */
int pdf_base_page_links(pdf_base *b, int page);
int pdf_base_page_link(pdf_base *b, int page, int index);

/* The calls that edit return false after reporting an error. */

/* The annotation's /StructParent (removed when `struct_parent` < 0) and its /Contents
 * (`contents`, else the /URI of its action, else nothing). */
bool pdf_base_tag_link(pdf_base *b, int annot, int struct_parent, const char *contents);

/* /StructParents and /Tabs /S on `page`. */
bool pdf_base_tag_page(pdf_base *b, int page, int struct_parents);

/* The page's content, decoded (free() it), and its replacement. */
bool pdf_base_page_content(pdf_base *b, int page, unsigned char **data, size_t *len);
bool pdf_base_set_page_content(pdf_base *b, int page, const char *data, size_t len);

/* The catalog's /MarkInfo, /Lang (when not NULL), /ViewerPreferences /DisplayDocTitle,
 * /Metadata (the XMP packet), page labels from page 0, an empty /StructTreeRoot the update
 * replaces; the Info dictionary's dates (PDF form) and /Producer. */
bool pdf_base_tag_document(pdf_base *b, const char *lang, const char *xmp, size_t xmp_len,
                           const char *pdf_date, const char *producer);

/* Writes the edited file into memory (deterministic /ID, object streams): what cairo's
 * objects no longer reference is left out. False after reporting an error. */
bool pdf_base_write(pdf_base *b);

/* After pdf_base_write: the bytes written (borrowed); */
const unsigned char *pdf_base_bytes(const pdf_base *b, size_t *len);
/* the numbers the page, annotation and empty structure tree root were written under; */
int pdf_base_page_number(const pdf_base *b, int page);
int pdf_base_link_number(const pdf_base *b, int annot);
int pdf_base_struct_root_number(const pdf_base *b);
/* the written trailer's /Size, the offset of its cross-reference stream, and its /Root,
 * /Info and /ID entries as PDF text (g_free() it), for the update's trailer. */
bool pdf_base_trailer(pdf_base *b, int *size, long long *xref_offset, char **keys);

/* A UTF-8 string, and a name ("/P"), as PDF text (g_free() it). */
char *pdf_text_string(const char *utf8);
char *pdf_text_name(const char *name);

#ifdef __cplusplus
}
#endif

#endif
