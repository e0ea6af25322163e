/* Marked content for tagged PDF, as the PDF backend draws it, and what it belongs to.
 *
 * Every drawn box goes into a marked-content sequence: a run of boxes of one structure
 * element gets one cairo structure tag (a leaf of cairo's tree, so cairo gives it an MCID);
 * artifacts get a "Private" (pagination) or "NonStruct" (layout) tag that the qpdf step turns
 * into /Artifact. The record kept here (element of each MCID, of each link annotation, the
 * elements themselves) is what paint_pdf_tagged.c builds the real structure tree from:
 * cairo 1.16's own tree can't hold content and children in one element, nor re-enter an
 * element on a later page, and it ties link annotations to nothing valid.
 */
#ifndef LIVRABLES_PAINT_PDF_MARKS_H
#define LIVRABLES_PAINT_PDF_MARKS_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "util/arena.h"

/* Marked-content targets that are not elements. */
enum { PDF_MC_PAGINATION = -1, PDF_MC_LAYOUT = -2 };

/* The marked-content tag names cairo writes for artifacts (rewritten to /Artifact). */
#define PDF_MC_PAGINATION_TAG "Private"
#define PDF_MC_LAYOUT_TAG "NonStruct"

/* A structure element, copied from layout (its lay_snode dies with its pages). */
typedef struct {
    const char *type, *lang, *alt, *scope, *text;
    int colspan, rowspan;
    int parent;        /* index in elems; -1: the document element */
    unsigned long seq; /* FO order */
} pdf_elem;

/* One marked-content sequence (an MCID, numbered per page in order) or link annotation. */
typedef struct {
    int page;   /* 0-based */
    int target; /* element index, or PDF_MC_* */
} pdf_mark;

typedef struct pdf_marks pdf_marks;
struct pdf_marks {
    arena *a; /* borrowed: the painter's */
    void *by_seq; /* GHashTable: lay_snode seq -> element index + 1 */
    pdf_elem *elems;
    size_t nelems, capelems;
    pdf_mark *mcs;   /* every MCID, in drawing order */
    size_t nmcs, capmcs;
    pdf_mark *links; /* every link annotation, in drawing order (target: its Link) */
    size_t nlinks, caplinks;
    /* drawing state */
    cairo_t *cr;
    int page;
    const char *open; /* the tag open now, or NULL */
    int open_target;
};

pdf_marks *pdf_marks_new(arena *a, cairo_t *cr);
void pdf_marks_destroy(pdf_marks *m); /* accepts NULL */

void pdf_marks_begin_page(pdf_marks *m, int page);

/* Opens (or keeps open) the sequence `box` belongs to, before it is drawn. */
void pdf_marks_box(pdf_marks *m, const lay_box *box);

/* An artifact drawn by the backend itself (not a box). */
void pdf_marks_artifact(pdf_marks *m);

/* Before a link tag: closes the open sequence and records the link's own MCID and its
 * annotation for the Link element of `box`. */
void pdf_marks_link(pdf_marks *m, const lay_box *box);

/* Closes the open sequence (at the end of a page). */
void pdf_marks_close(pdf_marks *m);

/* Drawing is over: what only drawing needed (the lookup of elements by FO node, hundreds of
 * thousands of entries on a long book) is freed before the tagging step. */
void pdf_marks_drawn(pdf_marks *m);

#endif
