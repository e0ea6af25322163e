/* Arena: a bump allocator that frees everything at once.
 *
 * One arena per document (or per page-sequence): the FO tree, its strings and the
 * laid-out boxes live in it and die together with arena_destroy(). Nothing allocated
 * from an arena is freed individually. Allocation never fails: on out-of-memory the
 * process aborts with a message, as there is no sensible way to go on.
 *
 * Under AddressSanitizer the arena poisons what no allocation owns (free space, a redzone
 * after each allocation, arrays abandoned by arena_grow), so overflows are reported.
 */
#ifndef LIVRABLES_ARENA_H
#define LIVRABLES_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct arena arena;

/* A new, empty arena. Destroy it with arena_destroy(). */
arena *arena_new(void);

/* Frees the arena; its blocks go to a process-wide pool that the next arenas take from
 * (memory already mapped, no page faults), or back to the system once the pool is full.
 * Accepts NULL. Thread-safe with respect to other arenas. */
void arena_destroy(arena *a);

/* Forgets every allocation but keeps the arena's blocks for its next ones: for memory
 * that lives one page (or one pass) at a time. Pointers into the arena are dangling
 * afterwards (poisoned under AddressSanitizer). */
void arena_reset(arena *a);

/* Gives the pool's blocks back to the system: for a long-running process after a large
 * document. Only blocks of destroyed arenas are affected. */
void arena_trim(void);

/* Memory for `size` bytes, aligned for any type, zero-filled. Owned by the arena. */
void *arena_alloc(arena *a, size_t size);

/* The same, not zero-filled: for buffers the caller writes whole before reading. */
void *arena_alloc_uninit(arena *a, size_t size);

/* Memory for `count` elements of `elem` bytes, zero-filled; the multiplication is checked
 * (an overflow aborts with a message rather than returning a smaller block). */
void *arena_alloc_array(arena *a, size_t count, size_t elem);

/* count * elem; an overflow aborts with a message, as in arena_alloc_array. */
size_t arena_array_size(size_t count, size_t elem);

/* A copy of `n` bytes of `s` followed by a NUL byte. Owned by the arena. */
char *arena_strndup(arena *a, const char *s, size_t n);

/* A copy of the NUL-terminated `s` (NULL gives NULL). Owned by the arena. */
char *arena_strdup(arena *a, const char *s);

/* A formatted string, like sprintf. Owned by the arena. */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(arena *a, const char *fmt, va_list ap);

/* Grows an arena-owned array: returns a copy of `old` (count * elem bytes) with room for
 * new_count elements; the old block is abandoned to the arena (and poisoned under
 * AddressSanitizer: a pointer kept into it is a bug), or, for a big array that has a block
 * of its own, reallocated (freed: the same bug). The size is checked as in
 * arena_alloc_array. */
void *arena_grow(arena *a, void *old, size_t elem, size_t count, size_t new_count);

/* The same, but the new slots are left uninitialized: for hot arrays whose callers set
 * every element they add. */
void *arena_grow_uninit(arena *a, void *old, size_t elem, size_t count, size_t new_count);

/* Bytes of the blocks the arena holds (for statistics and tests). */
size_t arena_footprint(const arena *a);

#define ARENA_NEW(a, type) ((type *)arena_alloc((a), sizeof(type)))
#define ARENA_NEW_ARRAY(a, type, n) ((type *)arena_alloc_array((a), (n), sizeof(type)))
/* An array the caller fills whole (memcpy, a loop over every element) before reading. */
#define ARENA_NEW_ARRAY_UNINIT(a, type, n) \
    ((type *)arena_alloc_uninit((a), arena_array_size((n), sizeof(type))))

#endif
