/* Tables: the sections collected onto the grid (lay_table_grid.c), columns sized
 * (lay_table_columns.c), borders resolved (lay_table_borders.c), cells laid out and rows
 * made into galley items (lay_table_rows.c, lay_table_split.c) between the table's frame,
 * with the header and footer stacked once to be repeated at page breaks. */
#include <string.h>

#include "layout/lay_table.h"
#include "util/grow.h"

/* The first marker of class `cls` in the subtree of `n`, in document order. */
static const fo_node *marker_in(const fo_node *n, const char *cls)
{
    for (const fo_node *c = n->first_child; c; c = c->next_sibling) {
        if (c->kind == FO_MARKER) {
            if (c->props->marker_class_name && strcmp(c->props->marker_class_name, cls) == 0)
                return c;
            continue;
        }
        const fo_node *m = marker_in(c, cls);
        if (m)
            return m;
    }
    return NULL;
}

const fo_node *lay_table_marker_find(const fo_node *const *rows, int n, int at, const char *cls)
{
    if (!cls)
        return NULL;
    for (int i = at; i < n; i++) {
        const fo_node *m = rows[i] ? marker_in(rows[i], cls) : NULL;
        if (m)
            return m;
    }
    for (int i = at - 1; i >= 0; i--) {
        const fo_node *m = rows[i] ? marker_in(rows[i], cls) : NULL;
        if (m)
            return m;
    }
    return NULL;
}

/* Up to `max` fo:retrieve-table-marker elements under `n`; returns how many. */
static int collect_retrievals(const fo_node *n, const fo_node **out, int count, int max)
{
    for (const fo_node *c = n->first_child; c && count < max; c = c->next_sibling) {
        if (c->kind == FO_RETRIEVE_TABLE_MARKER)
            out[count++] = c;
        else
            count = collect_retrievals(c, out, count, max);
    }
    return count;
}

enum { MAX_RETRIEVALS = 8 };

/* A header that retrieves table markers, made once per distinct set of retrieved markers:
 * the table's own header (rep->header) is the one for the body's second row, the page
 * where the table first continues; other rows that start a page with other markers get
 * variants. Sets row_variant[] for the body rows, and leaves the header's cells laid out
 * for the table's first row, where the header is first shown. */
static void header_variants(tctx *t, tsection *head, const tsection *body, lay_table_rep *rep,
                            int *row_variant)
{
    lay_build *b = t->b;
    const fo_node *ret[MAX_RETRIEVALS];
    int nret = 0;
    for (int i = 0; i < head->n; i++)
        for (int k = 0; k < head->rows[i].ncells; k++)
            nret = collect_retrievals(head->rows[i].cells[k].node, ret, nret, MAX_RETRIEVALS);
    const fo_node **rows = ARENA_NEW_ARRAY(b->a, const fo_node *, (size_t)body->n + 1);
    for (int i = 0; i < body->n; i++)
        rows[i] = body->rows[i].node;
    lay_build outer = *b; /* a table nested in another's header: its context comes back */
    b->marker_rows = rows;
    b->nmarker_rows = body->n;
    /* shown[j * n + i]: the marker retrieval j shows on a page starting with row i, as
     * lay_table_marker_find finds it (the row's own or a later one, else an earlier one),
     * filled in two sweeps rather than searched row by row */
    int n = body->n;
    const fo_node **shown = ARENA_NEW_ARRAY(b->a, const fo_node *, (size_t)(nret * n) + 1);
    for (int j = 0; j < nret; j++) {
        const fo_node **col = shown + j * n, *later = NULL, *earlier = NULL;
        const char *cls = ret[j]->props->retrieve_class_name;
        for (int i = n - 1; i >= 0; i--) {
            const fo_node *m = rows[i] && cls ? marker_in(rows[i], cls) : NULL;
            col[i] = later = m ? m : later;
        }
        for (int i = 0; i < n; i++) {
            const fo_node *own = rows[i] && cls ? marker_in(rows[i], cls) : NULL;
            if (!col[i])
                col[i] = earlier;
            if (own)
                earlier = own;
        }
    }
    /* keys[v * nret + j]: the marker retrieval j shows in variant v */
    const fo_node **keys = ARENA_NEW_ARRAY(b->a, const fo_node *, (size_t)(n * nret) + 1);
    int nvar = 0;
    for (int i = 1; i < n; i++) {
        const fo_node **key = keys + nvar * nret;
        for (int j = 0; j < nret; j++)
            key[j] = shown[j * n + i];
        int v = 0;
        while (v < nvar && memcmp(keys + v * nret, key, (size_t)nret * sizeof *key) != 0)
            v++;
        row_variant[i] = v;
        if (v < nvar)
            continue;
        nvar++;
        b->marker_row = i;
        tbl_lay_cells(t, head);
        lay_table_rep *dst = v == 0 ? rep : &rep->variants[v - 1];
        if (v > 0)
            rep->nvariants = v;
        dst->header_h = tbl_stack_section(t, head, &dst->header, &dst->nheader, &dst->nheader_under);
    }
    row_variant[0] = 0;
    b->marker_row = 0;
    tbl_lay_cells(t, head);
    if (nvar == 0) /* a table of one row never continues: its header as it first shows */
        rep->header_h = tbl_stack_section(t, head, &rep->header, &rep->nheader, &rep->nheader_under);
    b->marker_rows = outer.marker_rows;
    b->nmarker_rows = outer.nmarker_rows;
    b->marker_row = outer.marker_row;
}

/* Whether a section's cells hold an fo:retrieve-table-marker. */
static bool retrieves_markers(const tsection *s)
{
    const fo_node *ret[1];
    for (int i = 0; i < s->n; i++)
        for (int k = 0; k < s->rows[i].ncells; k++)
            if (collect_retrievals(s->rows[i].cells[k].node, ret, 0, 1))
                return true;
    return false;
}

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
    int *row_variant = NULL;
    if (p->table_omit_header_at_break != FO_KW_true && retrieves_markers(&head)) {
        row_variant = ARENA_NEW_ARRAY(b->a, int, (size_t)body.n + 1);
        rep->variants = ARENA_NEW_ARRAY(b->a, lay_table_rep, (size_t)body.n + 1);
        header_variants(&t, &head, &body, rep, row_variant);
    } else if (p->table_omit_header_at_break != FO_KW_true) {
        rep->header_h = tbl_stack_section(&t, &head, &rep->header, &rep->nheader,
                                          &rep->nheader_under);
    }
    if (p->table_omit_footer_at_break != FO_KW_true)
        rep->footer_h = tbl_stack_section(&t, &foot, &rep->footer, &rep->nfooter,
                                          &rep->nfooter_under);
    GROW_ARENA(b->a, g->tables, g->ntables, g->captables, 1, 8);
    g->tables[g->ntables++] = rep;
    t.repeat_h = rep->header_h + rep->footer_h;
    for (int v = 0; v < rep->nvariants; v++)
        if (rep->variants[v].header_h + rep->footer_h > t.repeat_h)
            t.repeat_h = rep->variants[v].header_h + rep->footer_h;
    int tid = (int)g->ntables;

    int outer = g->cur_table;
    g->cur_table = 0;
    tbl_emit_rows(&t, &head, 0);
    g->cur_table = tid;
    t.row_variant = row_variant;
    tbl_emit_rows(&t, &body, head.n ? FO_KEEP_ALWAYS : 0);
    t.row_variant = NULL;
    g->cur_header_variant = 0;
    g->cur_table = 0;
    tbl_emit_rows(&t, &foot, FO_KEEP_ALWAYS);
    g->cur_table = outer;
    lay_frame_close(b, n, &f);
}
