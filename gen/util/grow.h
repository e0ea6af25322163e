/* One growable array, instead of a "double the capacity" block in every file.
 *
 * An array is three lvalues: the pointer `v`, the count `n` of elements in use and the
 * capacity `cap`. GROW_* make room for `extra` more elements: when needed, the capacity
 * doubles (starting from `first`) until they fit, with every size checked (an overflow
 * aborts with a message rather than allocating a smaller block), and `v` and `cap` are
 * updated. The new slots are left uninitialized unless the name says ZEROED; the count is
 * the caller's to advance. Out of memory aborts, as everywhere in Livrables.
 *
 *     GROW_HEAP(l->items, l->count, l->cap, 1, 16);   // realloc'd: the caller frees v
 *     GROW_ARENA(a, p->items, p->n, p->cap, 1, 16);   // owned by arena a
 */
#ifndef LIVRABLES_GROW_H
#define LIVRABLES_GROW_H

#include <stddef.h>

#include "util/arena.h"

/* The capacity, `cap` doubled (from `first` when it is 0) until it holds `need` elements
 * of `elem` bytes; aborts when that many bytes can't be counted. */
size_t grow_capacity(size_t cap, size_t need, size_t first, size_t elem);

/* `v` (count elements of `elem` bytes) reallocated to hold `new_cap`; never NULL. Slots
 * from `count` on are zero-filled when `zero` is set. */
void *grow_heap(void *v, size_t elem, size_t count, size_t new_cap, int zero);

#define GROW_NEEDED_(n, cap, extra) ((size_t)(n) + (size_t)(extra) > (size_t)(cap))

#define GROW_HEAP_(v, n, cap, extra, first, zero)                                            \
    do {                                                                                     \
        if (GROW_NEEDED_(n, cap, extra)) {                                                   \
            size_t grow_cap_ = grow_capacity((size_t)(cap), (size_t)(n) + (size_t)(extra),   \
                                             (first), sizeof *(v));                          \
            (v) = grow_heap((v), sizeof *(v), (size_t)(n), grow_cap_, (zero));               \
            (cap) = grow_cap_;                                                               \
        }                                                                                    \
    } while (0)

#define GROW_ARENA_(a, v, n, cap, extra, first, grow_fn)                                     \
    do {                                                                                     \
        if (GROW_NEEDED_(n, cap, extra)) {                                                   \
            size_t grow_cap_ = grow_capacity((size_t)(cap), (size_t)(n) + (size_t)(extra),   \
                                             (first), sizeof *(v));                          \
            (v) = grow_fn((a), (v), sizeof *(v), (size_t)(n), grow_cap_);                    \
            (cap) = grow_cap_;                                                               \
        }                                                                                    \
    } while (0)

/* A malloc'd array; the caller frees `v`. */
#define GROW_HEAP(v, n, cap, extra, first) GROW_HEAP_(v, n, cap, extra, first, 0)
#define GROW_HEAP_ZEROED(v, n, cap, extra, first) GROW_HEAP_(v, n, cap, extra, first, 1)

/* An array owned by arena `a` (the old copy is abandoned to it, see arena_grow). */
#define GROW_ARENA(a, v, n, cap, extra, first) \
    GROW_ARENA_(a, v, n, cap, extra, first, arena_grow_uninit)
#define GROW_ARENA_ZEROED(a, v, n, cap, extra, first) \
    GROW_ARENA_(a, v, n, cap, extra, first, arena_grow)

#endif
