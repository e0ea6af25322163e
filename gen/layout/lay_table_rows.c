/* Table rows: cells laid out in their columns, row heights (row spans stretch the last row
 * they cover), rows as unbreakable galley items with their backgrounds as underlays, and
 * headers and footers stacked for repetition. */
#include <string.h>

#include "layout/lay_table.h"

static const char *section_type(const fo_node *sec)
{
    if (sec && sec->kind == FO_TABLE_HEADER)
        return "THead";
    if (sec && sec->kind == FO_TABLE_FOOTER)
        return "TFoot";
    return "TBody";
}

/* Table > THead/TBody/TFoot > TR > TH/TD, made in FO order as the cells are laid out;
 * header cells are column headers (TH with /Scope /Column). */
void tbl_lay_cells(tctx *t, tsection *s)
{
    const lay_snode *table_sn = t->b->sn, *sec_sn = NULL;
    const fo_node *sec = NULL;
    for (int i = 0; i < s->n; i++) {
        trow *r = &s->rows[i];
        if (!sec_sn || r->section != sec) {
            sec = r->section;
            t->b->sn = table_sn;
            sec_sn = lay_snode_new(t->b, sec, section_type(sec));
        }
        t->b->sn = sec_sn;
        const lay_snode *row_sn = lay_snode_new(t->b, r->node, "TR");
        bool head = sec && sec->kind == FO_TABLE_HEADER;
        double min_h = 0;
        if (r->node) {
            fo_len h = fo_is_specified(r->node, FO_PROP_block_progression_dimension)
                           ? r->node->props->block_progression_dimension : r->node->props->height;
            if (!fo_len_is_auto(h))
                min_h = fo_len_resolve(h, 0);
        }
        r->h = min_h;
        for (int k = 0; k < r->ncells; k++) {
            tcell *c = &r->cells[k];
            double cw = tbl_cell_width(t, c) - tbl_inside(t, c, 2) - tbl_inside(t, c, 3) -
                        c->e.pad[2] - c->e.pad[3];
            lay_build sub;
            lay_sub_build(t->b, &sub, &c->g, cw > 1 ? cw : 1);
            sub.sn = row_sn;
            lay_snode *cell_sn = lay_snode_new(&sub, c->node, head ? "TH" : "TD");
            if (cell_sn->type && strcmp(cell_sn->type, "TH") == 0)
                cell_sn->scope = head ? "Column" : "Row";
            if (cell_sn->type) {
                cell_sn->colspan = c->ncols;
                cell_sn->rowspan = c->nrows;
            }
            sub.sn = cell_sn;
            lay_blocks(&sub, c->node);
            lay_markers_record(&c->g, c->node, 0);
            lay_struct_anchor(&c->g, t->b->a, cell_sn);
            c->h = lay_galley_height(&c->g) + tbl_inside(t, c, 0) + tbl_inside(t, c, 1) +
                   c->e.pad[0] + c->e.pad[1];
            fo_len ch = fo_is_specified(c->node, FO_PROP_block_progression_dimension)
                            ? c->node->props->block_progression_dimension : c->node->props->height;
            if (!fo_len_is_auto(ch) && fo_len_resolve(ch, 0) > c->h)
                c->h = fo_len_resolve(ch, 0);
            if (c->nrows == 1 && c->h > r->h)
                r->h = c->h;
        }
    }
    t->b->sn = table_sn;
    /* a cell spanning rows stretches the last of them when it is taller than them all */
    for (int i = 0; i < s->n; i++)
        for (int k = 0; k < s->rows[i].ncells; k++) {
            tcell *c = &s->rows[i].cells[k];
            if (c->nrows == 1)
                continue;
            int last = i + c->nrows - 1 < s->n ? i + c->nrows - 1 : s->n - 1;
            double sum = 0;
            for (int j = i; j <= last; j++)
                sum += s->rows[j].h;
            if (c->h > sum)
                s->rows[last].h += c->h - sum;
        }
}

double tbl_span_height(const tsection *s, int i, int nrows)
{
    double h = 0;
    for (int j = i; j < i + nrows && j < s->n; j++)
        h += s->rows[j].h;
    return h;
}

/* Where cell c of row i is drawn: its border box in the row's frame (collapsed borders
 * centred on the grid lines). */
static void cell_box(const tctx *t, const tsection *s, int i, const tcell *c, double *x,
                     double *y, double *w, double *h)
{
    *x = t->x + t->colx[tbl_col(t, c)];
    *w = tbl_cell_width(t, c);
    *h = tbl_span_height(s, i, c->nrows);
    *y = 0;
    if (t->collapse) {
        *x -= c->e.bw[2] / 2;
        *y -= c->e.bw[0] / 2;
        *w += (c->e.bw[2] + c->e.bw[3]) / 2;
        *h += (c->e.bw[0] + c->e.bw[1]) / 2;
    }
}

/* The underlays of row i, relative to its top: the section's background, the row's, then
 * the cells'. Painted before any border of the page (lay_icontent.under). */
static void row_under(tctx *t, const tsection *s, int i, lay_boxv *out)
{
    lay_build *b = t->b;
    const trow *r = &s->rows[i];
    const fo_node *layers[2] = {r->section, r->node};
    for (int k = 0; k < 2; k++) {
        if (!layers[k] || layers[k]->props->background_color.a <= 0)
            continue;
        lay_box *bx = lay_boxv_push(out, b->a, LAY_RECT);
        bx->x = t->x, bx->y = 0, bx->w = t->colx[t->ncols], bx->h = r->h;
        bx->u.rect.color = lay_color_of(layers[k]->props->background_color);
    }
    for (int k = 0; k < r->ncells; k++) {
        const tcell *c = &r->cells[k];
        double x, y, w, h;
        cell_box(t, s, i, c, &x, &y, &w, &h);
        if (c->node->props->background_color.a <= 0 || w <= 0 || h <= 0)
            continue;
        lay_box *bx = lay_boxv_push(out, b->a, LAY_RECT);
        bx->x = x, bx->y = y, bx->w = w, bx->h = h;
        bx->u.rect.color = lay_color_of(c->node->props->background_color);
    }
}

/* The borders and content of row i, relative to its top, appended to `out`; ids and
 * markers of its cells go to item `item` of the galley (when item is not (size_t)-1). */
static void row_over(tctx *t, const tsection *s, int i, lay_boxv *out, size_t item)
{
    lay_build *b = t->b;
    const trow *r = &s->rows[i];
    const fo_color none = {0, 0, 0, 0};
    for (int k = 0; k < r->ncells; k++) {
        const tcell *c = &r->cells[k];
        double x, y, w, h;
        cell_box(t, s, i, c, &x, &y, &w, &h);
        lay_edges_draw(&c->e, none, out, b->a, x, y, w, h);
        x = t->x + t->colx[tbl_col(t, c)];
        h = tbl_span_height(s, i, c->nrows);
        double top = tbl_inside(t, c, 0) + c->e.pad[0];
        double room = h - top - tbl_inside(t, c, 1) - c->e.pad[1];
        double content = lay_galley_height(&c->g), off = 0;
        fo_kw da = c->node->props->display_align;
        if (da == FO_KW_center)
            off = (room - content) / 2;
        else if (da == FO_KW_after)
            off = room - content;
        if (off < 0)
            off = 0;
        double cx = x + tbl_inside(t, c, 2) + c->e.pad[2];
        lay_galley_stack(&c->g, out, b->a, cx, top + off);
        if (item != (size_t)-1) {
            lay_galley_adopt(b->g, &c->g, item, cx);
            if (c->node->props->id && *c->node->props->id)
                lay_galley_id(b->g, c->node->props->id, item, x);
        }
    }
}

static int keep_strength(fo_keep k)
{
    return k.within_page > k.within_column ? k.within_page : k.within_column;
}

/* Rows as galley items; rows tied by a row span are kept together. */
void tbl_emit_rows(tctx *t, tsection *s, int keep_first)
{
    lay_galley *g = t->b->g;
    int span_left = 0;
    const fo_node *sec = NULL; /* the section whose id spans its rows */
    long sec_id = -1;
    for (int i = 0; i < s->n; i++) {
        const trow *r = &s->rows[i];
        if (t->row_variant)
            g->cur_header_variant = t->row_variant[i];
        if (t->row_fvariant)
            g->cur_footer_variant = t->row_fvariant[i];
        if (i == 0)
            lay_galley_keep(g, keep_first);
        if (span_left > 0)
            lay_galley_keep(g, FO_KEEP_ALWAYS);
        if (r->node)
            lay_galley_keep(g, keep_strength(r->node->props->keep_with_previous));
        fo_kw brk = tbl_row_break(r, false);
        if (brk)
            lay_galley_break(g, brk);
        size_t item, last;
        if (span_left == 0 && tbl_must_split(t, r)) {
            item = tbl_emit_split_row(t, s, i);
            last = g->n - 1;
        } else {
            item = last = lay_galley_item(g, r->h);
            row_under(t, s, i, &g->boxes);
            g->ic[item].under = g->boxes.n - g->ic[item].first;
            row_over(t, s, i, &g->boxes, item);
            if (r->node && r->node->props->id && *r->node->props->id)
                lay_galley_id(g, r->node->props->id, item, t->x);
        }
        if (r->section != sec) {
            sec = r->section;
            sec_id = -1;
            if (sec && sec->props->id && *sec->props->id) {
                sec_id = (long)g->nids;
                lay_galley_id(g, sec->props->id, item, t->x);
            }
        }
        if (sec_id >= 0)
            g->ids[sec_id].last = last;
        for (int k = 0; k < r->ncells; k++)
            if (r->cells[k].nrows - 1 > span_left)
                span_left = r->cells[k].nrows - 1;
        if (span_left > 0)
            span_left--;
        if (r->node)
            lay_galley_keep(g, keep_strength(r->node->props->keep_with_next));
        if ((brk = tbl_row_break(r, true)))
            lay_galley_break(g, brk);
    }
}

/* A header or footer stacked once, for repetition at breaks: the underlays of all its
 * rows first (*nunder of them), then their borders and content. */
double tbl_stack_section(tctx *t, const tsection *s, lay_box **boxes, size_t *nboxes,
                         size_t *nunder)
{
    lay_boxv under = {0}, over = {0};
    double y = 0;
    for (int i = 0; i < s->n; i++) {
        size_t u0 = under.n, o0 = over.n;
        row_under(t, s, i, &under);
        row_over(t, s, i, &over, (size_t)-1);
        for (size_t k = u0; k < under.n; k++)
            under.v[k].y += y;
        for (size_t k = o0; k < over.n; k++)
            over.v[k].y += y;
        y += s->rows[i].h;
    }
    *nunder = under.n;
    lay_boxv_append(&under, t->b->a, over.v, over.n, 0, 0);
    *boxes = under.v;
    *nboxes = under.n;
    return y;
}
