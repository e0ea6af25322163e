/* Retrieved markers: the marker's subtree copied under the retrieve-marker, its
 * properties inherited from there (XSL 1.1 § 6.13.6), so a running header shows the
 * heading's text in the header's font, not in the heading's. */
#include <string.h>

#include "fo/fo_internal.h"

static fo_node *clone_under(const fo_node *src, fo_node *parent, arena *a)
{
    fo_node *n = ARENA_NEW(a, fo_node);
    *n = *src;
    n->parent = parent;
    n->first_child = n->last_child = n->next_sibling = NULL;
    if (src->kind == FO_TEXT) {
        n->props = parent->props; /* text shares its parent's properties */
    } else {
        fo_props *p = ARENA_NEW(a, fo_props);
        *p = *src->props;
        fo_props_reparent(p, src->specified, src->parent->props, parent->props);
        n->props = p;
    }
    for (const fo_node *c = src->first_child; c; c = c->next_sibling)
        fo_node_append(n, clone_under(c, n, a));
    return n;
}

fo_node *fo_marker_clone(const fo_node *marker, const fo_node *retrieve, arena *a)
{
    fo_node *root = ARENA_NEW(a, fo_node);
    *root = *marker;
    root->parent = retrieve->parent;
    root->props = retrieve->props;
    root->first_child = root->last_child = root->next_sibling = NULL;
    for (const fo_node *c = marker->first_child; c; c = c->next_sibling)
        fo_node_append(root, clone_under(c, root, a));
    return root;
}
