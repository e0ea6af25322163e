/* The file cairo wrote, as PDF objects edited with libqpdf (C++ API), with the structure
 * tree made of qpdf objects, written again by qpdf without what is no longer referenced.
 *
 * qpdf reads cairo's file lazily, and the objects of cairo's own structure tree, which
 * the tagged step replaces, are never parsed (they are most of cairo's file). The new
 * tree (one object per element, tens of thousands) is built with the C++ API: the C API
 * hands out a handle (qpdf_oh) for every object it touches, kept until the end, which
 * made building the tree slow. Hence C++ here, behind a C face.
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
 * once, its objects' numbers kept for the `nelems` + 1 elements of the tree to come
 * (pdf_base_tree_new). NULL after reporting an error. */
pdf_base *pdf_base_open(const unsigned char *data, size_t len, int nelems, const char *name,
                        diag *d);
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
 * /Metadata (the XMP packet), page labels from page 0, a /StructTreeRoot (filled by
 * pdf_base_write); the Info dictionary's dates (PDF form) and /Producer. */
bool pdf_base_tag_document(pdf_base *b, const char *lang, const char *xmp, size_t xmp_len,
                           const char *pdf_date, const char *producer);

/* ---- the structure tree, made of qpdf objects ----
 * Elements are numbered from 0; element `nelems` is the Document element under the
 * StructTreeRoot. An element is made between pdf_base_elem_begin and pdf_base_elem_end,
 * its /K entries appended in order in between. */

/* Makes the `nelems` + 1 elements (empty, indirect: any can refer to any), those
 * pdf_base_open has not made in cairo's tree's place. */
bool pdf_base_tree_new(pdf_base *b, int nelems);

/* Starts element `elem`: /S `type` (without its slash), /P `parent` (an element, or -1:
 * the StructTreeRoot), /Lang and /Alt when not NULL. No /Type: it is optional for a
 * structure element (ISO 32000-1, table 323), and a key fewer for qpdf on every element. */
bool pdf_base_elem_begin(pdf_base *b, int elem, const char *type, int parent, const char *lang,
                         const char *alt);
/* Its table attributes, /A << /O /Table >> with /Scope (when not NULL), /ColSpan, /RowSpan
 * (when more than 1). */
bool pdf_base_elem_table(pdf_base *b, const char *scope, int colspan, int rowspan);
/* Its /Pg: the page of its marked content given without a page below. */
bool pdf_base_elem_page(pdf_base *b, int page);
/* /K entries: a child element; marked content `mcid` (on /Pg when `page` < 0, else an MCR
 * on `page`); a link annotation (an OBJR). */
bool pdf_base_elem_kid(pdf_base *b, int kid);
bool pdf_base_elem_mcid(pdf_base *b, int page, int mcid);
bool pdf_base_elem_link(pdf_base *b, int page, int annot);
bool pdf_base_elem_end(pdf_base *b);

/* The ParentTree: page `page`'s entry (key `page`), the element of each of its marked
 * content sequences in MCID order (-1: null); then a link annotation's (the next key). */
bool pdf_base_parent_page(pdf_base *b, int page, const int *elems, size_t n);
bool pdf_base_parent_link(pdf_base *b, int elem);

/* Where the file goes, piece by piece: false when it could not take them (it has reported
 * why; the write stops). */
typedef bool (*pdf_base_sink)(void *closure, const unsigned char *data, size_t len);

/* Writes the whole file to `sink` (object streams, deterministic /ID), the structure tree
 * in the StructTreeRoot with its ParentTree and /ParentTreeNextKey `next_key`: what no
 * longer is referenced (cairo's tree) is left out. False after reporting an error. */
bool pdf_base_write(pdf_base *b, int next_key, pdf_base_sink sink, void *closure);

#ifdef __cplusplus
}
#endif

#endif
