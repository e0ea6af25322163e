#include "util/grow.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Noreturn void too_large(size_t count, size_t elem)
{
    fprintf(stderr, "livrables: fatal: array of %zu x %zu bytes is too large\n", count, elem);
    abort();
}

size_t grow_capacity(size_t cap, size_t need, size_t first, size_t elem)
{
    size_t c = cap ? cap : (first ? first : 1);
    while (c < need) {
        if (c > SIZE_MAX / 2)
            too_large(need, elem);
        c *= 2;
    }
    /* arena_array_size aborts past any sensible size, as arena_alloc_array does */
    (void)arena_array_size(c, elem);
    return c;
}

void *grow_heap(void *v, size_t elem, size_t count, size_t new_cap, int zero)
{
    void *p = realloc(v, arena_array_size(new_cap, elem));
    if (!p) {
        fprintf(stderr, "livrables: fatal: out of memory (%zu x %zu bytes)\n", new_cap, elem);
        abort();
    }
    if (zero && new_cap > count)
        memset((char *)p + count * elem, 0, (new_cap - count) * elem);
    return p;
}
