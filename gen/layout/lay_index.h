/* Indexes: page citation lists. Private to gen/layout. */
#ifndef LIVRABLES_LAY_INDEX_H
#define LIVRABLES_LAY_INDEX_H

#include "layout/layout_internal.h"

/* The anchor id standing for `n` in the index: for an FO with an index-key, or an
 * fo:index-range-begin or -end, an id to record where `n` lands (and registered under its
 * key); NULL for anything else, and in static content. */
const char *lay_index_anchor(lay_build *b, const fo_node *n);

/* One entry of a page citation list: a page, or a range of pages. */
typedef struct {
    const char *lo_label, *hi_label;   /* hi_label NULL: a single page */
    const char *lo_anchor, *hi_anchor; /* the ids they cite, for links */
    const fo_node *ref;                /* the fo:index-key-reference it comes from */
} lay_index_item;

/* The entries fo:index-page-citation-list `list` shows, in page order, merged as its
 * merge-sequential-page-numbers, merge-ranges-across-index-key-references and
 * merge-pages-across-index-key-references say (XSL 1.1 § 7.24); each citation is recorded
 * for convergence like a page-number-citation. *out is allocated in b->a. */
size_t lay_index_items(lay_build *b, const fo_node *list, lay_index_item **out);

#endif
