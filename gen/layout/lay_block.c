/* Block stacking: blocks, block-containers and the frame every block-level FO shares
 * (breaks, spaces, keeps, ids, markers, borders, padding and background). The inline
 * content of a block is in lay_inline.c. */
#include <string.h>

#include "layout/layout_internal.h"
#include "layout/lay_index.h"
#include "layout/lay_inline.h"
#include "layout/lay_orient.h"
#include "util/grow.h"

double lay_start_indent(const lay_build *b, const fo_node *n)
{
    return fo_len_resolve(n->props->start_indent, b->ref_w);
}

double lay_end_indent(const lay_build *b, const fo_node *n)
{
    return fo_len_resolve(n->props->end_indent, b->ref_w);
}

static int keep_strength(fo_keep k)
{
    return k.within_page > k.within_column ? k.within_page : k.within_column;
}

static void push_idrec(lay_galley *g, lay_idrec r)
{
    GROW_ARENA(g->a, g->ids, g->nids, g->capids, 1, 16);
    g->ids[g->nids++] = r;
}

void lay_galley_id(lay_galley *g, const char *id, size_t item, double x)
{
    push_idrec(g, (lay_idrec){id, item, item, x});
}

static void push_mark(lay_galley *g, lay_markrec r)
{
    GROW_ARENA(g->a, g->marks, g->nmarks, g->capmarks, 1, 16);
    g->marks[g->nmarks++] = r;
}

void lay_markers_record(lay_galley *g, const fo_node *n, size_t first)
{
    size_t last = g->n > first ? g->n - 1 : first;
    for (const fo_node *c = n->first_child; c; c = c->next_sibling)
        if (c->kind == FO_MARKER && c->props->marker_class_name)
            push_mark(g, (lay_markrec){.cls = c->props->marker_class_name, .marker = c,
                                        .first = first, .last = last});
}

long lay_galley_decor(lay_galley *g, lay_decor d)
{
    GROW_ARENA(g->a, g->decor, g->ndecor, g->capdecor, 1, 16);
    g->decor[g->ndecor] = d;
    return (long)g->ndecor++;
}

static bool has_decoration(const lay_edges *e, fo_color bg)
{
    if (bg.a > 0)
        return true;
    for (int i = 0; i < 4; i++)
        if (e->bw[i] > 0)
            return true;
    return false;
}

static void frame_open(lay_build *b, const fo_node *n, lay_frame *f, double x, double w,
                       bool edges);

void lay_frame_open(lay_build *b, const fo_node *n, lay_frame *f, double x, double w)
{
    frame_open(b, n, f, x, w, true);
}

void lay_frame_open_bare(lay_build *b, const fo_node *n, lay_frame *f, double x, double w)
{
    frame_open(b, n, f, x, w, false);
}

static void frame_open(lay_build *b, const fo_node *n, lay_frame *f, double x, double w,
                       bool edges)
{
    const fo_props *p = n->props;
    lay_galley *g = b->g;
    memset(f, 0, sizeof *f);
    f->decor = -1;
    f->idrec = -1;
    f->x = x;
    f->w = w;
    if (p->break_before == FO_KW_page || p->break_before == FO_KW_odd_page ||
        p->break_before == FO_KW_even_page || p->break_before == FO_KW_column)
        lay_galley_break(g, p->break_before);
    lay_galley_space(g, fo_len_resolve(p->space_before.opt, b->ref_w), p->space_before.discard);
    lay_galley_keep(g, keep_strength(p->keep_with_previous));
    if (edges)
        lay_edges_get(n, b->ref_w, &f->edges);
    f->first = g->n;
    if (p->id && *p->id) {
        f->idrec = (long)g->nids;
        push_idrec(g, (lay_idrec){p->id, g->n, g->n, x});
    }
    const char *index_anchor = lay_index_anchor(b, n);
    if (index_anchor)
        push_idrec(g, (lay_idrec){index_anchor, g->n, g->n, x});
    f->mark0 = g->nmarks;
    for (const fo_node *c = n->first_child; c; c = c->next_sibling)
        if (c->kind == FO_MARKER && c->props->marker_class_name)
            push_mark(g, (lay_markrec){.cls = c->props->marker_class_name, .marker = c,
                                        .first = g->n, .last = g->n});
    f->nmark = g->nmarks - f->mark0;
    if (has_decoration(&f->edges, p->background_color)) {
        lay_decor d = {.first = g->n, .x = x, .w = w, .bg = lay_color_of(p->background_color)};
        memcpy(d.bw, f->edges.bw, sizeof d.bw);
        memcpy(d.bc, f->edges.bc, sizeof d.bc);
        memcpy(d.bs, f->edges.bs, sizeof d.bs);
        f->decor = lay_galley_decor(g, d);
    }
    double top = f->edges.bw[0] + f->edges.pad[0];
    if (top > 0) {
        lay_galley_item(g, top);
        lay_galley_keep(g, FO_KEEP_ALWAYS); /* never a lone border at a page bottom */
    }
}

void lay_frame_close(lay_build *b, const fo_node *n, lay_frame *f)
{
    const fo_props *p = n->props;
    lay_galley *g = b->g;
    double bottom = f->edges.bw[1] + f->edges.pad[1];
    if (bottom > 0) {
        lay_galley_keep(g, FO_KEEP_ALWAYS);
        lay_galley_item(g, bottom);
    }
    size_t last = g->n > f->first ? g->n - 1 : f->first;
    if (f->decor >= 0) {
        if (g->n > f->first)
            g->decor[f->decor].last = last;
        else
            g->ndecor = (size_t)f->decor; /* nothing to decorate */
    }
    if (f->idrec >= 0)
        g->ids[f->idrec].last = last;
    for (size_t i = 0; i < f->nmark; i++)
        g->marks[f->mark0 + i].last = last;

    /* keep-together is inherited: apply it only where it starts being stronger. */
    int kt = keep_strength(p->keep_together);
    int parent_kt = n->parent ? keep_strength(n->parent->props->keep_together) : 0;
    if (kt > parent_kt)
        for (size_t i = f->first + 1; i < g->n; i++)
            if (g->pi[i].keep < kt)
                g->pi[i].keep = kt;

    lay_galley_space(g, fo_len_resolve(p->space_after.opt, b->ref_w), p->space_after.discard);
    lay_galley_keep(g, keep_strength(p->keep_with_next));
    if (p->break_after == FO_KW_page || p->break_after == FO_KW_odd_page ||
        p->break_after == FO_KW_even_page || p->break_after == FO_KW_column)
        lay_galley_break(g, p->break_after);
}

/* The border box of a block from its indents: the indents reach the content rectangle,
 * padding and border lie inside them (XSL § 5.3.2). */
void lay_border_box(const lay_build *b, const fo_node *n, const lay_edges *e, double *x,
                    double *w)
{
    double si = lay_start_indent(b, n), ei = lay_end_indent(b, n);
    *x = b->x0 + si - e->pad[2] - e->bw[2];
    *w = b->ref_w - si - ei + e->pad[2] + e->bw[2] + e->pad[3] + e->bw[3];
}

void lay_block(lay_build *b, const fo_node *n)
{
    lay_frame f;
    lay_edges e;
    double x, w;
    lay_edges_get(n, b->ref_w, &e);
    lay_border_box(b, n, &e, &x, &w);
    lay_frame_open(b, n, &f, x, w);
    lay_inline_content(b, n);
    lay_frame_close(b, n, &f);
}

void lay_sub_build(const lay_build *parent, lay_build *sub, lay_galley *g, double w)
{
    lay_galley_init(g, parent->a);
    *sub = *parent;
    sub->g = g;
    sub->ref_w = w;
    sub->x0 = 0;
}

/* A block-container of fixed height or turned by reference-orientation is one unbreakable
 * item; one of auto height is laid out in place, its children measured from its own
 * content rectangle. */
static void lay_block_container(lay_build *b, const fo_node *n)
{
    const fo_props *p = n->props;
    lay_edges e;
    lay_edges_get(n, b->ref_w, &e);
    double si = lay_start_indent(b, n), ei = lay_end_indent(b, n);
    fo_len wl = fo_is_specified(n, FO_PROP_inline_progression_dimension)
                    ? p->inline_progression_dimension : p->width;
    fo_len hl = fo_is_specified(n, FO_PROP_block_progression_dimension)
                    ? p->block_progression_dimension : p->height;
    double cw = fo_len_is_auto(wl) ? b->ref_w - si - ei : fo_len_resolve(wl, b->ref_w);
    if (cw < 1)
        cw = 1;
    double x = b->x0 + si - e.pad[2] - e.bw[2];
    double w = cw + e.pad[2] + e.bw[2] + e.pad[3] + e.bw[3];

    int q = lay_orient_quarters(n);
    if (fo_len_is_auto(hl) && !q) {
        lay_frame f;
        lay_frame_open(b, n, &f, x, w);
        lay_build sub = *b;
        sub.x0 = b->x0 + si;
        sub.ref_w = cw;
        lay_blocks(&sub, n);
        lay_frame_close(b, n, &f);
        return;
    }

    /* Turned (XSL 1.1 § 7.21.3), the content's lines run along the container's turned
     * frame, and its width and height are read in that frame, as FOP reads them: a
     * quarter turn lays the lines out along the page's height (the page body's when the
     * width is auto) and stacks them across it. */
    double edges_w = e.bw[2] + e.pad[2] + e.pad[3] + e.bw[3];
    double edges_h = e.bw[0] + e.pad[0] + e.pad[1] + e.bw[1];
    double inner_w = cw;
    if (q % 2 && fo_len_is_auto(wl))
        inner_w = b->page_h > edges_h + 1 ? b->page_h - edges_h : b->ref_w;
    lay_galley g;
    lay_build sub;
    lay_sub_build(b, &sub, &g, inner_w);
    lay_blocks(&sub, n);
    double content_h = lay_galley_height(&g);
    double frame_h = fo_len_is_auto(hl) ? content_h : fo_len_resolve(hl, b->ref_w);
    double ch = q % 2 ? inner_w : frame_h; /* the container's height on the page */
    if (q % 2)
        w = frame_h + edges_w;
    double off = 0;
    if (p->display_align == FO_KW_center)
        off = (frame_h - content_h) / 2;
    else if (p->display_align == FO_KW_after)
        off = frame_h - content_h;
    if (off < 0)
        off = 0;

    lay_galley *pg = b->g;
    lay_galley_break(pg, p->break_before == FO_KW_page || p->break_before == FO_KW_odd_page ||
                                 p->break_before == FO_KW_even_page
                             ? p->break_before
                             : 0);
    lay_galley_space(pg, fo_len_resolve(p->space_before.opt, b->ref_w), p->space_before.discard);
    lay_galley_keep(pg, keep_strength(p->keep_with_previous));
    double h = e.bw[0] + e.pad[0] + ch + e.pad[1] + e.bw[1];
    size_t item = lay_galley_item(pg, h);
    lay_edges_draw(&e, p->background_color, &pg->boxes, b->a, x, 0, w, h);
    size_t before = pg->boxes.n;
    if (q) {
        lay_boxv turned = {0};
        lay_galley_stack(&g, &turned, b->a, 0, off);
        lay_boxes_turn(turned.v, turned.n, q, inner_w, frame_h);
        lay_boxv_append(&pg->boxes, b->a, turned.v, turned.n, b->x0 + si, e.bw[0] + e.pad[0]);
    } else {
        lay_galley_stack(&g, &pg->boxes, b->a, b->x0 + si, e.bw[0] + e.pad[0] + off);
    }
    if (p->overflow == FO_KW_hidden && !q) {
        for (size_t i = before; i < pg->boxes.n; i++)
            if (pg->boxes.v[i].kind == LAY_IMAGE) {
                lay_box *bx = &pg->boxes.v[i];
                bx->u.image.clip = true;
                bx->u.image.clip_x = b->x0 + si;
                bx->u.image.clip_y = e.bw[0] + e.pad[0];
                bx->u.image.clip_w = cw;
                bx->u.image.clip_h = ch;
            }
    }
    lay_galley_adopt(pg, &g, item, b->x0 + si);
    lay_markers_record(pg, n, item);
    if (p->id && *p->id)
        lay_galley_id(pg, p->id, item, x);
    lay_galley_space(pg, fo_len_resolve(p->space_after.opt, b->ref_w), p->space_after.discard);
    lay_galley_keep(pg, keep_strength(p->keep_with_next));
    if (p->break_after == FO_KW_page || p->break_after == FO_KW_odd_page ||
        p->break_after == FO_KW_even_page)
        lay_galley_break(pg, p->break_after);
}

void lay_block_level(lay_build *b, const fo_node *n)
{
    lay_float_clear(b, n);
    const lay_snode *outer = b->sn;
    b->sn = lay_snode_block(b, n);
    switch (n->kind) {
    case FO_BLOCK: lay_block(b, n); break;
    case FO_BLOCK_CONTAINER: lay_block_container(b, n); break;
    case FO_LIST_BLOCK: lay_list_block(b, n); break;
    case FO_TABLE: lay_table(b, n); break;
    case FO_TABLE_AND_CAPTION:
    case FO_TABLE_CAPTION:
    case FO_WRAPPER: lay_blocks(b, n); break;
    default: break;
    }
    b->sn = outer;
}

bool lay_is_block_level(const fo_node *n)
{
    switch (n->kind) {
    case FO_BLOCK:
    case FO_BLOCK_CONTAINER:
    case FO_LIST_BLOCK:
    case FO_TABLE:
    case FO_TABLE_AND_CAPTION:
    case FO_TABLE_CAPTION:
        return true;
    default:
        return false;
    }
}

/* Children of a flow, cell or item: blocks, and inline content where blocks are expected
 * (text in a cell, a wrapper's inline children) as anonymous paragraphs. */
void lay_blocks(lay_build *b, const fo_node *parent)
{
    lay_inline_content(b, parent);
}
