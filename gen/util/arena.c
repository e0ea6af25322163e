#include "util/arena.h"

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

/* Blocks are chained; big requests get a block of their own so the current one is kept. */
typedef struct block {
    struct block *next;
    size_t size;
    size_t used;
    max_align_t data[];
} block;

struct arena {
    block *head;
    size_t footprint;
};

enum { BLOCK_SIZE = 64 * 1024 };

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
    a->head = NULL;
    a->footprint = 0;
    return a;
}

void arena_destroy(arena *a)
{
    if (!a)
        return;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        UNPOISON(b->data, b->size);
        free(b);
        b = next;
    }
    free(a);
}

static block *block_new(arena *a, size_t size)
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
            /* Private block, linked behind the current one so its free space stays usable. */
            block *big = block_new(a, size);
            big->used = size;
            if (b) {
                big->next = b->next;
                b->next = big;
            } else {
                big->next = NULL;
                a->head = big;
            }
            UNPOISON(big->data, wanted);
            return big->data;
        }
        b = block_new(a, BLOCK_SIZE);
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    UNPOISON(p, wanted);
    return p;
}

void *arena_alloc(arena *a, size_t size)
{
    void *p = alloc_raw(a, size);
    memset(p, 0, size);
    return p;
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

void *arena_grow(arena *a, void *old, size_t elem, size_t count, size_t new_count)
{
    /* Only the new tail needs zeroing: the head is copied over. */
    char *p = alloc_raw(a, checked_size(new_count, elem));
    size_t kept = old ? elem * (count < new_count ? count : new_count) : 0;
    if (kept)
        memcpy(p, old, kept);
    memset(p + kept, 0, elem * new_count - kept);
    if (old)
        POISON(old, elem * count);
    return p;
}

void *arena_grow_uninit(arena *a, void *old, size_t elem, size_t count, size_t new_count)
{
    char *p = alloc_raw(a, checked_size(new_count, elem));
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
