/* A growable list of unique strings (file names for dependency files, ...). */
#ifndef LIVRABLES_STRLIST_H
#define LIVRABLES_STRLIST_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char **items;
    size_t count, cap;
} strlist;

/* Appends a copy of `s` unless it is already there. Returns true if it was added. */
bool strlist_add(strlist *l, const char *s);
bool strlist_contains(const strlist *l, const char *s);
/* Frees the copies and the array; the list is empty and reusable afterwards. */
void strlist_clear(strlist *l);

#endif
