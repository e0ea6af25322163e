/* Lists: an item's body is laid out in the flow's galley (so a long item breaks across
 * pages); its label, laid out apart in the same frame, rides on the body's first item.
 * Their start and end indents (label-end(), body-start()) are measured from the same
 * reference area, so both land side by side without further arithmetic. */
#include "layout/lay_inline.h"

/* The body's blocks. FOP lays a body out as it does a table cell: the conditional
 * space-before of its first block and space-after of its last are discarded, so items are
 * spaced by the list item's own spaces (DocBook's compact lists hold paragraphs of 1em). */
static void body_blocks(lay_build *b, const fo_node *body)
{
    lay_galley *g = b->g;
    size_t first = g->n;
    double item_space = g->pend_any ? g->pend_space : 0;
    bool item_discard = g->pend_any ? g->pend_discard : true;
    lay_blocks(b, body);
    if (g->n > first && item_discard && g->pi[first].discard)
        g->pi[first].space = item_space;
    if (g->pend_any && g->pend_discard) {
        g->pend_space = 0;
        g->pend_any = false;
    }
}

/* A label of height `lh` hangs from the body's first item, beside the next ones: the body
 * items it reaches are kept with it on one page, and a label taller than the whole body
 * lengthens the body's last item (the item ends below both, as in FOP). */
static void label_span(lay_galley *g, size_t first, double lh)
{
    double bottom = 0; /* of the items so far, from the top of the first */
    for (size_t i = first; i < g->n; i++) {
        if (i > first) {
            if (bottom < lh - 1e-6)
                g->pi[i].keep = FO_KEEP_ALWAYS;
            bottom += g->pi[i].space;
        }
        bottom += g->pi[i].height;
    }
    if (bottom < lh)
        g->pi[g->n - 1].height += lh - bottom;
}

static void lay_list_item(lay_build *b, const fo_node *it)
{
    lay_edges e;
    lay_edges_get(it, b->ref_w, &e);
    double x, w;
    lay_border_box(b, it, &e, &x, &w);
    lay_frame f;
    lay_frame_open(b, it, &f, x, w);

    const fo_node *label = NULL, *body = NULL;
    for (const fo_node *c = it->first_child; c; c = c->next_sibling) {
        if (c->kind == FO_LIST_ITEM_LABEL)
            label = c;
        else if (c->kind == FO_LIST_ITEM_BODY)
            body = c;
    }
    lay_galley *g = b->g;
    size_t first = g->n;
    /* LI holds Lbl then LBody, in FO order, though the label is laid out last */
    const lay_snode *outer = b->sn;
    b->sn = lay_snode_new(b, it, "LI");
    const lay_snode *item_sn = b->sn;
    const lay_snode *label_sn = label ? lay_snode_new(b, label, "Lbl") : NULL;
    if (body) {
        if (body->props->id && *body->props->id)
            lay_galley_id(g, body->props->id, g->n, b->x0);
        b->sn = lay_snode_new(b, body, "LBody");
        size_t body_first = g->n;
        body_blocks(b, body);
        lay_markers_record(g, body, body_first);
        b->sn = item_sn;
    }
    b->sn = outer;
    if (!label)
        goto done;
    lay_galley lg;
    lay_build sub;
    lay_sub_build(b, &sub, &lg, b->ref_w);
    sub.x0 = b->x0;
    sub.sn = label_sn;
    lay_blocks(&sub, label);
    lay_markers_record(&lg, label, 0);
    if (lg.n == 0) {
        if (lg.nmarks) /* only markers: they mark the item's first line */
            lay_galley_adopt(g, &lg, first < g->n ? first : g->n, 0);
        goto done;
    }
    double lh = lay_galley_height(&lg);
    if (g->n == first)
        lay_galley_item(g, lh); /* a label without a body */
    size_t host = first; /* the label's first line sits on the body's first line */
    lay_boxv *extra = lay_galley_extra(g, host);
    lay_galley_stack(&lg, extra, b->a, 0, 0);
    label_span(g, host, lh);
    lay_galley_adopt(g, &lg, host, 0);
    if (label->props->id && *label->props->id)
        lay_galley_id(g, label->props->id, host, b->x0);
done:
    lay_frame_close(b, it, &f);
}

void lay_list_block(lay_build *b, const fo_node *n)
{
    lay_edges e;
    lay_edges_get(n, b->ref_w, &e);
    double x, w;
    lay_border_box(b, n, &e, &x, &w);
    lay_frame f;
    lay_frame_open(b, n, &f, x, w);
    for (const fo_node *c = n->first_child; c; c = c->next_sibling)
        if (c->kind == FO_LIST_ITEM)
            lay_list_item(b, c);
    lay_frame_close(b, n, &f);
}
