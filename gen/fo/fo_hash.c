/* Small open-addressing hash tables for the name lookups of the FO parser (keywords,
 * properties, element names), built once and read-only afterwards. */
#include "fo/fo_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

void fo_hash_init(fo_hash *h, size_t n)
{
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    h->keys = calloc(cap, sizeof *h->keys);
    h->values = calloc(cap, sizeof *h->values);
    if (!h->keys || !h->values) {
        fprintf(stderr, "livrables: fatal: out of memory\n");
        abort();
    }
    h->cap = cap;
}

void fo_hash_put(fo_hash *h, const char *key, int value)
{
    size_t len = strlen(key);
    size_t i = hash_bytes(key, len) & (h->cap - 1);
    while (h->keys[i] && strcmp(h->keys[i], key) != 0)
        i = (i + 1) & (h->cap - 1);
    h->keys[i] = key;
    h->values[i] = value;
}

int fo_hash_get(const fo_hash *h, const char *key, size_t len)
{
    if (!h->cap)
        return -1;
    size_t i = hash_bytes(key, len) & (h->cap - 1);
    while (h->keys[i]) {
        if (strncmp(h->keys[i], key, len) == 0 && h->keys[i][len] == '\0')
            return h->values[i];
        i = (i + 1) & (h->cap - 1);
    }
    return -1;
}
