/* A painting thread fed with laid-out page-sequences: while one sequence is painted, the
 * next is laid out. On two cores the two halves of the work run side by side. Private to
 * gen/render. */
#ifndef LIVRABLES_PAINT_WORKER_H
#define LIVRABLES_PAINT_WORKER_H

#include <stdbool.h>

#include "layout/layout.h"
#include "paint/paint.h"
#include "text/text.h"
#include "util/arena.h"

typedef struct paint_worker paint_worker;

/* Starts a thread painting into `p`, which stays owned by the caller and must not be
 * used by it until paint_worker_finish() returned; the thread sets SVG text with fonts
 * lent by `fonts` (see tx_engine_lend_thread_fonts), when not NULL. NULL if no thread
 * could be started (the caller then paints itself). */
paint_worker *paint_worker_start(painter *p, tx_engine *fonts);

/* Hands a laid-out sequence over: the worker paints its pages in order, then destroys
 * `pages_arena` and `seq_arena` (which hold the pages and what they point to; either may be
 * NULL). Waits while a sequence is already queued, so memory stays bounded. Returns false
 * once a page failed to paint (the arenas are destroyed anyway). */
bool paint_worker_push(paint_worker *w, lay_pages pages, arena *pages_arena, arena *seq_arena);

/* The same, with `nmore` further arenas `more` (malloc'd, freed by the worker) destroyed
 * after the pages are painted: layout data the pages point into. */
bool paint_worker_push_arenas(paint_worker *w, lay_pages pages, arena *pages_arena,
                              arena *seq_arena, arena **more, size_t nmore);

/* Waits until everything handed over is painted, stops the thread and frees the worker.
 * Returns false when a page failed to paint. */
bool paint_worker_finish(paint_worker *w);

#endif
