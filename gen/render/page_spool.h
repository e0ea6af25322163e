/* A spool of made pages: pages that can't be painted yet (they wait for a page number, or
 * come after one that does) leave memory for an unlinked temporary file, in a compact
 * form, and come back when their turn comes. Private to gen/render.
 *
 * What a page points to is written with it (text runs' glyphs, clusters and text, images,
 * links, structure elements), except what outlives the document's layout: the text
 * engine's fonts and family names, stored as they are. */
#ifndef LIVRABLES_PAGE_SPOOL_H
#define LIVRABLES_PAGE_SPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "layout/layout.h"
#include "util/arena.h"

typedef struct page_spool page_spool;

/* Where a page went. */
typedef struct {
    uint64_t off, len;
} page_spool_ref;

/* A new spool in an unlinked file of $TMPDIR (else /tmp); NULL with errno set when none
 * could be made. */
page_spool *page_spool_new(void);
void page_spool_destroy(page_spool *sp); /* accepts NULL */

/* Writes `pg` and all it points to (one write); false with errno set on failure. */
bool page_spool_write(page_spool *sp, const lay_page *pg, page_spool_ref *ref);

/* Reads the page back into *out, everything it points to in `a`; false with errno set on
 * failure. Pages may be read in any order, any number of times. */
bool page_spool_read(page_spool *sp, page_spool_ref ref, arena *a, lay_page *out);

/* Bytes written so far. */
uint64_t page_spool_size(const page_spool *sp);

#endif
