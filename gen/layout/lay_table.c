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

/* The marker a retrieval shows in a header (footer false) or footer of the fragment that
 * starts (ends) with row `at`, given `later` (row at's own marker, else the first in a
 * later row) and `earlier` (row at's own, else the last in an earlier row). Layout knows
 * where a fragment starts when it makes a header, and where it ends when it makes a
 * footer, not both (XSL 1.1 § 6.13.7):
 * - a header shows the first marker starting in the fragment for first-starting and
 *   first-including-carryover, and for last-starting and last-ending the one in effect
 *   where it starts;
 * - a footer shows the one in effect where the fragment ends, whatever the position;
 * - with retrieve-boundary-within-table="table" a marker of an earlier fragment is shown
 *   when the fragment has none; with "table-fragment" or "page", not (a later row's is).
 */
static const fo_node *marker_pick(const fo_node *retrieval, bool footer, const fo_node *own,
                                  const fo_node *later, const fo_node *earlier)
{
    const fo_props *p = retrieval->props;
    bool whole_table = p->retrieve_boundary_within_table == FO_KW_table;
    bool last = p->retrieve_position_within_table == FO_KW_last_starting ||
                p->retrieve_position_within_table == FO_KW_last_ending;
    if (footer)
        return whole_table ? earlier : own ? own : NULL;
    if (last)
        return whole_table && earlier ? earlier : own ? own : later;
    return later ? later : whole_table ? earlier : NULL;
}

const fo_node *lay_table_marker_find(const fo_node *const *rows, int n, int at,
                                     const fo_node *retrieval, bool footer)
{
    const char *cls = retrieval->props->retrieve_class_name;
    if (!cls || at < 0 || at >= n)
        return NULL;
    const fo_node *own = rows[at] ? marker_in(rows[at], cls) : NULL, *later = own, *earlier = own;
    for (int i = at + 1; !later && i < n; i++)
        later = rows[i] ? marker_in(rows[i], cls) : NULL;
    for (int i = at - 1; !earlier && i >= 0; i--)
        earlier = rows[i] ? marker_in(rows[i], cls) : NULL;
    return marker_pick(retrieval, footer, own, later, earlier);
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

/* A header (footer) that retrieves table markers, made once per distinct set of retrieved
 * markers: the table's own header or footer (rep->header, rep->footer) is the one for the
 * first row a repeated header (footer) shows with, other rows that start (end) a page
 * with other markers get variants (rep->variants, rep->fvariants). Sets row_variant[] for
 * the body rows, and leaves the section's cells laid out for where it first shows (the
 * table's first row; for a footer, its last). */
static void section_variants(tctx *t, tsection *sec, const tsection *body, lay_table_rep *rep,
                             int *row_variant, bool footer)
{
    lay_build *b = t->b;
    const fo_node *ret[MAX_RETRIEVALS];
    int nret = 0;
    for (int i = 0; i < sec->n; i++)
        for (int k = 0; k < sec->rows[i].ncells; k++)
            nret = collect_retrievals(sec->rows[i].cells[k].node, ret, nret, MAX_RETRIEVALS);
    int n = body->n;
    const fo_node **rows = ARENA_NEW_ARRAY(b->a, const fo_node *, (size_t)n + 1);
    for (int i = 0; i < n; i++)
        rows[i] = body->rows[i].node;
    lay_build outer = *b; /* a table nested in another's header: its context comes back */
    b->marker_rows = rows;
    b->nmarker_rows = n;
    b->marker_footer = footer;
    /* shown[j * n + i]: the marker retrieval j shows with row i, from the own, later and
     * earlier markers of every row, filled in two sweeps rather than searched row by row */
    const fo_node **shown = ARENA_NEW_ARRAY(b->a, const fo_node *, (size_t)(nret * n) + 1);
    const fo_node **later = ARENA_NEW_ARRAY(b->a, const fo_node *, (size_t)n + 1);
    for (int j = 0; j < nret; j++) {
        const fo_node **col = shown + j * n, *next = NULL, *prev = NULL;
        const char *cls = ret[j]->props->retrieve_class_name;
        for (int i = n - 1; i >= 0; i--) {
            const fo_node *m = rows[i] && cls ? marker_in(rows[i], cls) : NULL;
            later[i] = next = m ? m : next;
        }
        for (int i = 0; i < n; i++) {
            const fo_node *own = rows[i] && cls ? marker_in(rows[i], cls) : NULL;
            prev = own ? own : prev;
            col[i] = marker_pick(ret[j], footer, own, later[i], prev);
        }
    }
    /* a repeated header shows with rows 1..n-1, a repeated footer with rows 0..n-2 */
    int from = footer ? 0 : 1, to = footer ? n - 1 : n;
    const fo_node **keys = ARENA_NEW_ARRAY(b->a, const fo_node *, (size_t)(n * nret) + 1);
    lay_table_rep *vars = footer ? rep->fvariants : rep->variants;
    int nvar = 0;
    for (int i = from; i < to; i++) {
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
        tbl_lay_cells(t, sec);
        lay_table_rep *dst = v == 0 ? rep : &vars[v - 1];
        if (footer) {
            if (v > 0)
                rep->nfvariants = v;
            dst->footer_h = tbl_stack_section(t, sec, &dst->footer, &dst->nfooter,
                                              &dst->nfooter_under);
        } else {
            if (v > 0)
                rep->nvariants = v;
            dst->header_h = tbl_stack_section(t, sec, &dst->header, &dst->nheader,
                                              &dst->nheader_under);
        }
    }
    if (!footer)
        row_variant[0] = 0;
    else if (n > 0)
        row_variant[n - 1] = 0;
    b->marker_row = footer ? (n > 0 ? n - 1 : 0) : 0; /* where the section first shows */
    tbl_lay_cells(t, sec);
    if (nvar == 0 && footer) /* a table of one row never breaks: its footer as it shows */
        rep->footer_h = tbl_stack_section(t, sec, &rep->footer, &rep->nfooter, &rep->nfooter_under);
    else if (nvar == 0)
        rep->header_h = tbl_stack_section(t, sec, &rep->header, &rep->nheader, &rep->nheader_under);
    b->marker_rows = outer.marker_rows;
    b->nmarker_rows = outer.nmarker_rows;
    b->marker_row = outer.marker_row;
    b->marker_footer = outer.marker_footer;
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
    int *row_variant = NULL, *row_fvariant = NULL;
    if (p->table_omit_header_at_break != FO_KW_true && retrieves_markers(&head)) {
        row_variant = ARENA_NEW_ARRAY(b->a, int, (size_t)body.n + 1);
        rep->variants = ARENA_NEW_ARRAY(b->a, lay_table_rep, (size_t)body.n + 1);
        section_variants(&t, &head, &body, rep, row_variant, false);
    } else if (p->table_omit_header_at_break != FO_KW_true) {
        rep->header_h = tbl_stack_section(&t, &head, &rep->header, &rep->nheader,
                                          &rep->nheader_under);
    }
    if (retrieves_markers(&foot)) {
        /* laid out for every row a page may end with, and for the table's last row */
        row_fvariant = ARENA_NEW_ARRAY(b->a, int, (size_t)body.n + 1);
        rep->fvariants = ARENA_NEW_ARRAY(b->a, lay_table_rep, (size_t)body.n + 1);
        section_variants(&t, &foot, &body, rep, row_fvariant, true);
        if (p->table_omit_footer_at_break == FO_KW_true) {
            rep->footer_h = 0;
            rep->nfooter = rep->nfooter_under = 0;
            rep->nfvariants = 0;
            row_fvariant = NULL;
        }
    } else if (p->table_omit_footer_at_break != FO_KW_true) {
        rep->footer_h = tbl_stack_section(&t, &foot, &rep->footer, &rep->nfooter,
                                          &rep->nfooter_under);
    }
    GROW_ARENA(g->a, g->tables, g->ntables, g->captables, 1, 8); /* lives as the galley */
    g->tables[g->ntables++] = rep;
    t.repeat_h = rep->header_h + rep->footer_h;
    double max_footer = rep->footer_h;
    for (int v = 0; v < rep->nfvariants; v++)
        if (rep->fvariants[v].footer_h > max_footer)
            max_footer = rep->fvariants[v].footer_h;
    t.repeat_h = rep->header_h + max_footer;
    for (int v = 0; v < rep->nvariants; v++)
        if (rep->variants[v].header_h + max_footer > t.repeat_h)
            t.repeat_h = rep->variants[v].header_h + max_footer;
    int tid = (int)g->ntables;

    int outer = g->cur_table;
    g->cur_table = 0;
    tbl_emit_rows(&t, &head, 0);
    g->cur_table = tid;
    t.row_variant = row_variant;
    t.row_fvariant = row_fvariant;
    tbl_emit_rows(&t, &body, head.n ? FO_KEEP_ALWAYS : 0);
    t.row_variant = t.row_fvariant = NULL;
    g->cur_header_variant = 0;
    g->cur_footer_variant = 0;
    g->cur_table = 0;
    tbl_emit_rows(&t, &foot, FO_KEEP_ALWAYS);
    g->cur_table = outer;
    lay_frame_close(b, n, &f);
}
