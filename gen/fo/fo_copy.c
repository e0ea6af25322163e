/* Deep copies of FO subtrees, for what must outlive the arena they were built in: a
 * marker that later pages retrieve, a block layout lays out again, the static content of
 * pages made before the numbers they cite are known (layout/lay_remake.c). */
#include "fo/fo_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Property structs already copied, so that nodes sharing one in the original share its
 * copy (text nodes share their parent's). */
typedef struct {
    const fo_props **from;
    const fo_props **to;
    size_t cap; /* a power of two, at least twice the nodes copied */
    arena *a;
    fo_props_cache *pool; /* shares structs across copies, or NULL */
} props_map;

static size_t count_nodes(const fo_node *n)
{
    size_t count = 1;
    for (const fo_node *c = n->first_child; c; c = c->next_sibling)
        count += count_nodes(c);
    return count;
}

static const fo_props *copy_props(props_map *m, const fo_props *p)
{
    size_t i = ((uintptr_t)p >> 4) * 0x9e3779b97f4a7c15ull >> 7 & (m->cap - 1);
    while (m->from[i]) {
        if (m->from[i] == p)
            return m->to[i];
        i = (i + 1) & (m->cap - 1);
    }
    fo_props tmp = *p;
    const char **fields[FO_PROP_COUNT];
    int n = fo_props_string_fields(&tmp, fields);
    for (int k = 0; k < n; k++)
        *fields[k] = arena_strdup(m->a, *fields[k]);
    const fo_props *copy;
    if (m->pool) {
        copy = fo_props_cache_share(m->pool, &tmp);
    } else {
        fo_props *own = ARENA_NEW(m->a, fo_props);
        *own = tmp;
        copy = own;
    }
    m->from[i] = p;
    m->to[i] = copy;
    return copy;
}

static fo_node *copy_node(props_map *m, const fo_node *src, bool (*keep)(const fo_node *))
{
    fo_node *n = ARENA_NEW(m->a, fo_node);
    *n = *src;
    n->parent = n->first_child = n->last_child = n->next_sibling = NULL;
    n->props = copy_props(m, src->props);
    if (src->text)
        n->text = arena_strndup(m->a, src->text, src->text_len);
    for (const fo_node *c = src->first_child; c; c = c->next_sibling)
        if (!keep || keep(c))
            fo_node_append(n, copy_node(m, c, NULL));
    return n;
}

static fo_node *copy_tree(const fo_node *n, bool (*keep)(const fo_node *child), arena *a,
                          fo_props_cache *pool)
{
    props_map m = {.cap = 16, .a = a, .pool = pool};
    for (size_t nodes = count_nodes(n); m.cap < 2 * nodes;)
        m.cap *= 2;
    /* scratch, not in `a`: the copy may be kept long */
    m.from = calloc(m.cap, sizeof *m.from);
    m.to = malloc(m.cap * sizeof *m.to);
    if (!m.from || !m.to)
        abort();
    fo_node *copy = copy_node(&m, n, keep);
    free(m.from);
    free(m.to);
    return copy;
}

fo_node *fo_node_copy(const fo_node *n, bool (*keep)(const fo_node *child), arena *a)
{
    return copy_tree(n, keep, a, NULL);
}

fo_copy_pool *fo_copy_pool_new(arena *a)
{
    return fo_props_cache_new(a, 64);
}

fo_node *fo_node_copy_pooled(const fo_node *n, bool (*keep)(const fo_node *child), arena *a,
                             fo_copy_pool *pool)
{
    return copy_tree(n, keep, a, pool);
}
