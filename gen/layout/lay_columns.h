/* Multi-column regions (column-count, column-gap, span="all"): page breaking into columns
 * and bands across them. Private to gen/layout. */
#ifndef LIVRABLES_LAY_COLUMNS_H
#define LIVRABLES_LAY_COLUMNS_H

#include "layout/layout_internal.h"

/* The width of one column of a page's body: the body's width when it has one column. */
double lay_geometry_column_width(const lay_geometry *g);

/* Whether some simple-page-master that `master` (a simple-page-master or a
 * page-sequence-master) may give a page has a region-body of more than one column. */
bool lay_masters_have_columns(const fo_doc *doc, const fo_node *master);

/* A page's body as the column breaker sees it. */
typedef struct {
    double height; /* of the body */
    int count;     /* columns */
    double step;   /* from a column's start to the next one's: its width and the gap */
} lay_colframe;

typedef lay_colframe (*lay_colframe_fn)(void *ud, size_t index);

/* lay_paginate for pages of columns. Items whose `span` is set are laid across the body
 * (children of the flow with span="all"): the columns before them are balanced above
 * them and resume below them (FOP 2.8 does not balance the flow's last page, nor does this).
 * break-before="column" moves on to the next column, a page break to the next page.
 * Footnotes go to the foot of the page, across the body; the columns' height leaves them
 * room. Each page gets its slots (lay_pbreak.slots); no table header or footer repeats. */
size_t lay_paginate_columns(const lay_pitem *items, const unsigned char *span, size_t n,
                            lay_colframe_fn frame, void *ud, int first_number,
                            lay_pbreak **out, arena *a);

/* The position of each item [pb->start, pb->end) of a page with slots in its body. */
void lay_columns_place(const lay_pbreak *pb, const lay_pitem *items, double *xs, double *ys);

#endif
