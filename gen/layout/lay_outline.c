/* The PDF outline from fo:bookmark-tree. */
#include <string.h>

#include "layout/layout_internal.h"

/* The text of a bookmark-title, white space collapsed. */
static const char *title_text(const fo_node *t, arena *a)
{
    size_t len = 0;
    for (const fo_node *c = t->first_child; c; c = c->next_sibling)
        if (c->kind == FO_TEXT)
            len += c->text_len;
    char *s = arena_alloc(a, len + 1), *o = s;
    bool space = true;
    for (const fo_node *c = t->first_child; c; c = c->next_sibling) {
        if (c->kind != FO_TEXT)
            continue;
        for (size_t i = 0; i < c->text_len; i++) {
            char ch = c->text[i];
            bool ws = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
            if (ws && space)
                continue;
            *o++ = ws ? ' ' : ch;
            space = ws;
        }
    }
    while (o > s && o[-1] == ' ')
        o--;
    *o = '\0';
    return s;
}

static lay_outline *build(const fo_node *parent, arena *a)
{
    lay_outline *first = NULL, **tail = &first;
    for (const fo_node *c = parent->first_child; c; c = c->next_sibling) {
        if (c->kind != FO_BOOKMARK)
            continue;
        lay_outline *o = ARENA_NEW(a, lay_outline);
        const fo_props *p = c->props;
        o->title = "";
        for (const fo_node *k = c->first_child; k; k = k->next_sibling)
            if (k->kind == FO_BOOKMARK_TITLE)
                o->title = title_text(k, a);
        if (p->internal_destination && *p->internal_destination)
            o->dest = arena_strdup(a, p->internal_destination);
        else if (p->external_destination && *p->external_destination)
            o->uri = arena_strdup(a, p->external_destination);
        o->open = p->starting_state != FO_KW_hide;
        o->first_child = build(c, a);
        *tail = o;
        tail = &o->next_sibling;
    }
    return first;
}

lay_outline *lay_outline_build(lay_ctx *ctx, arena *a)
{
    const fo_node *root = ctx->doc ? fo_doc_root(ctx->doc) : NULL;
    if (!root)
        return NULL;
    for (const fo_node *c = root->first_child; c; c = c->next_sibling)
        if (c->kind == FO_BOOKMARK_TREE)
            return build(c, a);
    return NULL;
}
