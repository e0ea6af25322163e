#include "util/strlist.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

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
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = realloc(l->items, l->cap * sizeof *l->items);
        if (!l->items)
            abort();
    }
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
