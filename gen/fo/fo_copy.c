/* Deep copies of FO subtrees, for what must outlive the page-sequence's arena: the static
 * content and retrieved markers of pages made before the numbers they cite are known
 * (layout/lay_remake.c lays their static content out again later). */
#include <string.h>

#include "fo/fo_internal.h"

/* The property strings of `p` copied into `a` (the computed values point into the
 * page-sequence's arena). */
static void copy_strings(fo_props *p, arena *a)
{
#define COPY_P_LENGTH(c)
#define COPY_P_FONT_SIZE(c)
#define COPY_P_FONT_WEIGHT(c)
#define COPY_P_LINE_HEIGHT(c)
#define COPY_P_COLOR(c)
#define COPY_P_ENUM(c)
#define COPY_P_INT(c)
#define COPY_P_NUMBER(c)
#define COPY_P_STRING(c) p->c = arena_strdup(a, p->c);
#define COPY_P_SPACE(c)
#define COPY_P_KEEP(c)
#define COPY_P_DECORATION(c)
#define PROP(c, name, inh, kind, init, kws) COPY_##kind(c)
#include "fo/props.def"
#undef PROP
}

static fo_node *copy_under(const fo_node *src, fo_node *parent, bool (*keep)(const fo_node *),
                           arena *a)
{
    fo_node *n = ARENA_NEW(a, fo_node);
    *n = *src;
    n->parent = parent;
    n->first_child = n->last_child = n->next_sibling = NULL;
    if (parent && src->parent && src->props == src->parent->props) {
        n->props = parent->props; /* text shares its parent's properties */
    } else {
        fo_props *p = ARENA_NEW(a, fo_props);
        *p = *src->props;
        copy_strings(p, a);
        n->props = p;
    }
    if (src->text)
        n->text = arena_strndup(a, src->text, src->text_len);
    for (const fo_node *c = src->first_child; c; c = c->next_sibling)
        if (!keep || keep(c))
            fo_node_append(n, copy_under(c, n, NULL, a));
    return n;
}

fo_node *fo_node_copy(const fo_node *n, bool (*keep)(const fo_node *child), arena *a)
{
    return copy_under(n, NULL, keep, a);
}
