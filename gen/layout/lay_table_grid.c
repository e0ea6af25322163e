/* Table rows and cells onto one grid: table-rows, or cells with starts-row and ends-row;
 * a cell takes the first column its row leaves free, past the columns that row spans of
 * rows above still cover. */
#include <string.h>

#include "layout/lay_table.h"

static trow *new_row(tctx *t, tsection *s, const fo_node *row)
{
    if (s->n == s->cap) {
        int cap = s->cap ? 2 * s->cap : 16;
        s->rows = arena_grow(t->b->a, s->rows, sizeof *s->rows, (size_t)s->n, (size_t)cap);
        s->cap = cap;
    }
    trow *r = &s->rows[s->n++];
    memset(r, 0, sizeof *r);
    r->node = row;
    r->section = t->section;
    return r;
}

static void ensure_occ(tctx *t, int cols)
{
    if (cols <= t->occ_cap)
        return;
    int cap = t->occ_cap ? t->occ_cap : 16;
    while (cap < cols)
        cap *= 2;
    t->occupied = arena_grow(t->b->a, t->occupied, sizeof *t->occupied, (size_t)t->occ_cap,
                             (size_t)cap);
    t->occ_cap = cap;
}

/* Places a cell in the grid of its row: the first free column from `*col`. */
static void add_cell(tctx *t, trow *r, const fo_node *c, int *col)
{
    const fo_props *p = c->props;
    if (p->column_number > 0)
        *col = p->column_number - 1;
    ensure_occ(t, *col + 1);
    while (*col < t->occ_cap && t->occupied[*col] > 0) {
        (*col)++;
        ensure_occ(t, *col + 1);
    }
    if (r->ncells == r->cap) {
        int cap = r->cap ? 2 * r->cap : 8;
        r->cells = arena_grow(t->b->a, r->cells, sizeof *r->cells, (size_t)r->ncells, (size_t)cap);
        r->cap = cap;
    }
    tcell *tc = &r->cells[r->ncells++];
    memset(tc, 0, sizeof *tc);
    tc->node = c;
    tc->col = *col;
    tc->ncols = p->number_columns_spanned > 1 ? p->number_columns_spanned : 1;
    tc->nrows = p->number_rows_spanned > 1 ? p->number_rows_spanned : 1;
    ensure_occ(t, *col + tc->ncols);
    for (int k = 0; k < tc->ncols; k++)
        t->occupied[*col + k] = tc->nrows; /* decremented at the end of this row */
    if (*col + tc->ncols > t->ncols)
        t->ncols = *col + tc->ncols;
    *col += tc->ncols;
}

static void end_row(tctx *t)
{
    for (int k = 0; k < t->occ_cap; k++)
        if (t->occupied[k] > 0)
            t->occupied[k]--;
}

/* The rows of a table-header, -footer or -body: table-rows, or cells with starts-row and
 * ends-row. */
void tbl_collect(tctx *t, tsection *s, const fo_node *sec)
{
    trow *loose = NULL;
    int col = 0;
    t->section = sec;
    for (const fo_node *c = sec->first_child; c; c = c->next_sibling) {
        if (c->kind == FO_TABLE_ROW) {
            if (loose) {
                end_row(t);
                loose = NULL;
            }
            trow *r = new_row(t, s, c);
            int rc = 0;
            for (const fo_node *k = c->first_child; k; k = k->next_sibling)
                if (k->kind == FO_TABLE_CELL)
                    add_cell(t, r, k, &rc);
            end_row(t);
        } else if (c->kind == FO_TABLE_CELL) {
            if (loose && c->props->starts_row == FO_KW_true) {
                end_row(t);
                loose = NULL;
            }
            if (!loose) {
                loose = new_row(t, s, NULL);
                col = 0;
            }
            add_cell(t, loose, c, &col);
            if (c->props->ends_row == FO_KW_true) {
                end_row(t);
                loose = NULL;
            }
        }
    }
    if (loose)
        end_row(t);
}
