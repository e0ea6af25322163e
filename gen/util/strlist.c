#include "util/strlist.h"

#include <stdlib.h>
#include <string.h>

#include "util/grow.h"
#include "util/xalloc.h"

bool strlist_contains(const strlist *l, const char *s)
{
    for (size_t i = 0; i < l->count; i++)
        if (strcmp(l->items[i], s) == 0)
            return true;
    return false;
}

bool strlist_add(strlist *l, const char *s)
{
    if (strlist_contains(l, s))
        return false;
    GROW_HEAP(l->items, l->count, l->cap, 1, 16);
    l->items[l->count] = xstrdup(s);
    l->count++;
    return true;
}

void strlist_clear(strlist *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->count = l->cap = 0;
}
