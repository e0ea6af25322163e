#include "util/arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer every byte of a block that no allocation owns is poisoned: the
 * free tail, a redzone after each allocation and the arrays arena_grow abandoned. A write
 * past an allocation then stops ASan at the faulty line instead of silently landing in a
 * neighbour. Without ASan the macros cost nothing. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#endif

#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
enum { REDZONE = 32 };
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
enum { REDZONE = 0 };
#endif

/* Standard blocks are chained; big requests get a block of their own, on a list of their
 * own (prev is only kept there) so that a growing array can be reallocated in place. */
typedef struct block {
    struct block *next, *prev;
    size_t size;
    size_t used;
    max_align_t data[];
} block;

/* The private blocks made last: an array that grows is looked for there (see grow_big). */
enum { RECENT_BIG = 8 };

struct arena {
    block *head;
    block *spare; /* standard blocks kept by arena_reset, used before the pool's */
    block *big;   /* private blocks, newest first */
    block *recent[RECENT_BIG];
    unsigned next_recent;
    size_t footprint;
};

enum { BLOCK_SIZE = 64 * 1024 };

/* Standard blocks given back by destroyed arenas, for the next ones: a new page, pass or
 * document reuses memory already mapped instead of asking malloc for fresh pages (and
 * taking a page fault on each first touch, and a trim of the heap on each free). Shared by
 * the painting threads, hence the lock, taken once per 64 KiB. The pool never holds more
 * than the arenas held at once, so it never raises the peak; past POOL_MAX it gives
 * blocks back to the system. */
enum { POOL_MAX = 4096 }; /* blocks: 256 MiB */
static struct {
    pthread_mutex_t lock;
    block *free;
    size_t n;
} pool = {PTHREAD_MUTEX_INITIALIZER, NULL, 0};

/* Past this a request can only be a size computation gone wrong (or a hostile input that
 * slipped past the limits of fo.h): stopping beats wrapping around to a small block. */
#define ARENA_MAX_REQUEST ((size_t)1 << 40)

static _Noreturn void too_large(size_t count, size_t elem)
{
    fprintf(stderr, "livrables: fatal: allocation of %zu x %zu bytes is too large\n", count, elem);
    abort();
}

/* count * elem, checked. */
static size_t checked_size(size_t count, size_t elem)
{
    size_t n;
    if (__builtin_mul_overflow(count, elem, &n) || n > ARENA_MAX_REQUEST)
        too_large(count, elem);
    return n;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fprintf(stderr, "livrables: fatal: out of memory (%zu bytes)\n", n);
        abort();
    }
    return p;
}

arena *arena_new(void)
{
    arena *a = xmalloc(sizeof *a);
    *a = (arena){0};
    return a;
}

/* Gives the chain `b` back: standard blocks to the pool (up to POOL_MAX), others to the
 * system. Their contents stay poisoned under ASan: nothing may point into them now. */
static void release_chain(block *b)
{
    block *keep = NULL;
    size_t nkeep = 0;
    while (b) {
        block *next = b->next;
        if (b->size == BLOCK_SIZE) {
            POISON(b->data, b->size);
            b->next = keep;
            keep = b;
            nkeep++;
        } else {
            UNPOISON(b->data, b->size);
            free(b);
        }
        b = next;
    }
    pthread_mutex_lock(&pool.lock);
    while (keep && pool.n < POOL_MAX) {
        block *next = keep->next;
        keep->next = pool.free;
        pool.free = keep;
        pool.n++;
        keep = next;
    }
    pthread_mutex_unlock(&pool.lock);
    while (keep) {
        block *next = keep->next;
        UNPOISON(keep->data, keep->size);
        free(keep);
        keep = next;
    }
}

void arena_destroy(arena *a)
{
    if (!a)
        return;
    release_chain(a->head);
    release_chain(a->spare);
    release_chain(a->big);
    free(a);
}

void arena_reset(arena *a)
{
    /* standard blocks become the arena's spares; private (big) blocks go back */
    for (block *b = a->head, *next; b; b = next) {
        next = b->next;
        POISON(b->data, b->size);
        b->next = a->spare;
        a->spare = b;
    }
    a->head = NULL;
    for (block *b = a->big, *next; b; b = next) {
        next = b->next;
        a->footprint -= sizeof *b + b->size;
        UNPOISON(b->data, b->size);
        free(b);
    }
    a->big = NULL;
    memset(a->recent, 0, sizeof a->recent);
}

void arena_trim(void)
{
    pthread_mutex_lock(&pool.lock);
    block *b = pool.free;
    pool.free = NULL;
    pool.n = 0;
    pthread_mutex_unlock(&pool.lock);
    while (b) {
        block *next = b->next;
        UNPOISON(b->data, b->size);
        free(b);
        b = next;
    }
}

/* A standard block: the arena's spare, else the pool's, else a new one. */
static block *block_standard(arena *a)
{
    block *b = a->spare;
    if (b) {
        a->spare = b->next;
    } else {
        pthread_mutex_lock(&pool.lock);
        b = pool.free;
        if (b) {
            pool.free = b->next;
            pool.n--;
        }
        pthread_mutex_unlock(&pool.lock);
        if (!b) {
            b = xmalloc(sizeof *b + BLOCK_SIZE);
            b->size = BLOCK_SIZE;
            POISON(b->data, BLOCK_SIZE);
        }
        a->footprint += sizeof *b + BLOCK_SIZE;
    }
    b->used = 0;
    return b;
}

/* A private block for one big request. */
static block *block_private(arena *a, size_t size)
{
    block *b = xmalloc(sizeof *b + size);
    b->size = size;
    b->used = 0;
    a->footprint += sizeof *b + size;
    POISON(b->data, size);
    return b;
}

/* Memory for `size` bytes, aligned, NOT zero-filled. */
static void *alloc_raw(arena *a, size_t wanted)
{
    const size_t align = _Alignof(max_align_t);
    if (wanted > ARENA_MAX_REQUEST)
        too_large(1, wanted);
    size_t size = (wanted + REDZONE + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    block *b = a->head;
    if (!b || b->size - b->used < size) {
        if (size > BLOCK_SIZE / 4) {
            /* Private block, apart from the current one so its free space stays usable. */
            block *big = block_private(a, size);
            big->used = size;
            big->prev = NULL;
            big->next = a->big;
            if (a->big)
                a->big->prev = big;
            a->big = big;
            a->recent[a->next_recent++ % RECENT_BIG] = big;
            UNPOISON(big->data, wanted);
            return big->data;
        }
        b = block_standard(a);
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    UNPOISON(p, wanted);
    return p;
}

void *arena_alloc_uninit(arena *a, size_t size)
{
    return alloc_raw(a, size);
}

void *arena_alloc(arena *a, size_t size)
{
    void *p = alloc_raw(a, size);
    memset(p, 0, size);
    return p;
}

size_t arena_array_size(size_t count, size_t elem)
{
    return checked_size(count, elem);
}

void *arena_alloc_array(arena *a, size_t count, size_t elem)
{
    return arena_alloc(a, checked_size(count, elem));
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = alloc_raw(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_vprintf(arena *a, const char *fmt, va_list ap)
{
    /* Most strings fit the stack buffer: one formatting pass instead of two. */
    char small[256];
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(small, sizeof small, fmt, copy);
    va_end(copy);
    if (n < 0)
        return arena_strdup(a, "");
    if ((size_t)n < sizeof small)
        return arena_strndup(a, small, (size_t)n);
    char *p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

/* `old` reallocated to `bytes` when it is the whole of a private block made lately (a big
 * array growing again: realloc extends it in place or moves it, without leaving a copy
 * behind in the arena), else NULL. */
static void *grow_big(arena *a, void *old, size_t bytes)
{
    const size_t align = _Alignof(max_align_t);
    block *b = NULL;
    unsigned r = 0;
    for (; old && r < RECENT_BIG; r++)
        if (a->recent[r] && (void *)a->recent[r]->data == old) {
            b = a->recent[r];
            break;
        }
    if (!b)
        return NULL;
    size_t size = (bytes + REDZONE + align - 1) & ~(align - 1);
    if (size <= b->size)
        return NULL; /* shrinking: not worth a realloc */
    UNPOISON(b->data, b->size);
    block *nb = realloc(b, sizeof *nb + size);
    if (!nb) {
        fprintf(stderr, "livrables: fatal: out of memory (%zu bytes)\n", size);
        abort();
    }
    a->footprint += size - nb->size;
    nb->size = nb->used = size;
    if (nb->prev)
        nb->prev->next = nb;
    else
        a->big = nb;
    if (nb->next)
        nb->next->prev = nb;
    a->recent[r] = nb;
    POISON((char *)nb->data + bytes, size - bytes);
    return nb->data;
}

void *arena_grow(arena *a, void *old, size_t elem, size_t count, size_t new_count)
{
    /* Only the new tail needs zeroing: the head is copied over. */
    size_t bytes = checked_size(new_count, elem);
    size_t kept = old ? elem * (count < new_count ? count : new_count) : 0;
    char *p = grow_big(a, old, bytes);
    if (p) {
        memset(p + kept, 0, bytes - kept);
        return p;
    }
    p = alloc_raw(a, bytes);
    if (kept)
        memcpy(p, old, kept);
    memset(p + kept, 0, bytes - kept);
    if (old)
        POISON(old, elem * count);
    return p;
}

void *arena_grow_uninit(arena *a, void *old, size_t elem, size_t count, size_t new_count)
{
    size_t bytes = checked_size(new_count, elem);
    char *p = grow_big(a, old, bytes);
    if (p)
        return p;
    p = alloc_raw(a, bytes);
    if (old && count)
        memcpy(p, old, elem * (count < new_count ? count : new_count));
    if (old)
        POISON(old, elem * count);
    return p;
}

size_t arena_footprint(const arena *a)
{
    return a->footprint;
}
