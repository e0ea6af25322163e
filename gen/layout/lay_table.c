/* Tables: the sections collected onto the grid (lay_table_grid.c), columns sized
 * (lay_table_columns.c), borders resolved (lay_table_borders.c), cells laid out and rows
 * made into galley items (lay_table_rows.c, lay_table_split.c) between the table's frame,
 * with the header and footer stacked once to be repeated at page breaks. */
#include "layout/lay_table.h"

void lay_table(lay_build *b, const fo_node *n)
{
    const fo_props *p = n->props;
    tctx t = {.b = b, .table = n};
    t.collapse = p->border_collapse != FO_KW_separate;
    double si = lay_start_indent(b, n), ei = lay_end_indent(b, n);
    fo_len wl = fo_is_specified(n, FO_PROP_inline_progression_dimension)
                    ? p->inline_progression_dimension : p->width;
    double width = fo_len_is_auto(wl) ? b->ref_w - si - ei : fo_len_resolve(wl, b->ref_w - si - ei);
    t.x = b->x0 + si;

    tsection head = {0}, foot = {0}, body = {0};
    for (const fo_node *c = n->first_child; c; c = c->next_sibling) {
        if (c->kind == FO_TABLE_HEADER)
            tbl_collect(&t, &head, c);
        else if (c->kind == FO_TABLE_FOOTER)
            tbl_collect(&t, &foot, c);
        else if (c->kind == FO_TABLE_BODY)
            tbl_collect(&t, &body, c);
    }
    tsection *secs[3] = {&head, &body, &foot};
    tbl_columns(&t, width, secs, 3);
    lay_edges_get(n, b->ref_w, &t.te);
    tbl_cell_edges(&t, secs, 3);
    tbl_lay_cells(&t, &head);
    tbl_lay_cells(&t, &body);
    tbl_lay_cells(&t, &foot);

    const lay_edges *e = &t.te;
    lay_frame f;
    double bx = t.x, bw = width;
    if (!t.collapse) {
        bx -= e->pad[2] + e->bw[2];
        bw += e->pad[2] + e->bw[2] + e->pad[3] + e->bw[3];
        lay_frame_open(b, n, &f, bx, bw);
    } else {
        lay_frame_open_bare(b, n, &f, bx, bw); /* the cells draw the table's borders */
    }
    lay_galley *g = b->g;

    lay_table_rep *rep = ARENA_NEW(b->a, lay_table_rep);
    if (p->table_omit_header_at_break != FO_KW_true)
        rep->header_h = tbl_stack_section(&t, &head, &rep->header, &rep->nheader,
                                          &rep->nheader_under);
    if (p->table_omit_footer_at_break != FO_KW_true)
        rep->footer_h = tbl_stack_section(&t, &foot, &rep->footer, &rep->nfooter,
                                          &rep->nfooter_under);
    if (g->ntables == g->captables) {
        size_t cap = g->captables ? 2 * g->captables : 8;
        g->tables = arena_grow(b->a, g->tables, sizeof *g->tables, g->ntables, cap);
        g->captables = cap;
    }
    g->tables[g->ntables++] = rep;
    t.repeat_h = rep->header_h + rep->footer_h;
    int tid = (int)g->ntables;

    int outer = g->cur_table;
    g->cur_table = 0;
    tbl_emit_rows(&t, &head, 0);
    g->cur_table = tid;
    tbl_emit_rows(&t, &body, head.n ? FO_KEEP_ALWAYS : 0);
    g->cur_table = 0;
    tbl_emit_rows(&t, &foot, FO_KEEP_ALWAYS);
    g->cur_table = outer;
    lay_frame_close(b, n, &f);
}
