/* The pages of a pass in painting order. Pages are painted in order (a PDF is written
 * page after page), but made when they can be: a page-sequence whose flow cites a page
 * not laid out yet (a table of contents at the front) waits unmade, in its own arena; the
 * sequences after it are made at once and their pages go to a spool (page_spool.h), as do
 * pages whose static content waits for a number ("page n / N"), with the recipe that lays
 * it out again (lay_remake). Pages at the head are painted as soon as they are ready.
 * Memory holds the unmade sequences and the spooled pages' recipes, not their layout.
 * Private to gen/render. */
#ifndef LIVRABLES_PAGE_QUEUE_H
#define LIVRABLES_PAGE_QUEUE_H

#include <stdbool.h>

#include "diag/diag.h"
#include "layout/layout.h"
#include "paint/paint.h"
#include "render/page_ledger.h"
#include "render/paint_worker.h"
#include "util/arena.h"

typedef struct page_queue page_queue;

/* Pages go to the painting thread `w`, or when it is NULL to `p` in this thread. Errors
 * about the spool are reported to `d` naming `file`. With a `ledger`, only the pages it
 * lets through are painted: not those the painter holds from the pass before, nor those
 * after `ctx` knew the pass will be followed by another (page_ledger.h). */
page_queue *page_queue_new(painter *p, paint_worker *w, diag *d, const char *file,
                           page_ledger *ledger, const lay_ctx *ctx);

/* Queues sequence `s`, laid out in `a`, which the queue then owns (freed once the
 * sequence's pages are made and painted). */
void page_queue_add_seq(page_queue *q, lay_seq *s, arena *a);

/* Queues pages made apart (`n` of them, in `pages_arena`, which the queue then owns, with
 * `seq_arena` if not NULL and the `nmore` arenas of the malloc'd array `more`: the page
 * window's chunks the pages point into), after everything queued; remakes[k] NULL when
 * page k is final (remakes may be NULL: all are). For the page window, which makes a
 * sequence's final pages as its flow is laid out. Spooled pages at the head that no
 * longer wait are painted then. */
bool page_queue_add_pages(page_queue *q, lay_pages pages, arena *pages_arena, arena *seq_arena,
                          lay_remake *const *remakes, arena **more, size_t nmore);

/* The arena the recipes of the pages queued live in (lay_seq_pages_now's `keep`), for the
 * page window's pages made with recipes: it lasts the pass. */
arena *page_queue_recipes(page_queue *q);

/* Makes the sequences that no longer wait and paints the pages at the head that are
 * ready; with `all` (the end of the pass), everything, with the numbers known now. False
 * when a page failed to paint or the spool failed (reported). */
bool page_queue_run(page_queue *q, bool all);

/* Frees what is still queued (after a failure). */
void page_queue_destroy(page_queue *q);

#endif
