/* Heap copies that cannot fail: on out-of-memory the process aborts, as the arena does,
 * since there is no sensible way to go on. */
#ifndef LIVRABLES_XALLOC_H
#define LIVRABLES_XALLOC_H

#include <stdlib.h>
#include <string.h>

/* A malloc'd copy of `s` (the caller frees it). Never returns NULL. */
static inline char *xstrdup(const char *s)
{
    char *r = strdup(s);
    if (!r)
        abort();
    return r;
}

#endif
