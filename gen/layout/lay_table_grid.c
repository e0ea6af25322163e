/* Table rows and cells onto one grid: table-rows, or cells with starts-row and ends-row;
 * a cell takes the first column its row leaves free, past the columns that row spans of
 * rows above still cover. */
#include <string.h>

#include "layout/lay_table.h"
#include "util/grow.h"

static trow *new_row(tctx *t, tsection *s, const fo_node *row)
{
    GROW_ARENA(t->b->a, s->rows, s->n, s->cap, 1, 16);
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
    /* every column is counted, the new ones as free */
    GROW_ARENA_ZEROED(t->b->a, t->occupied, t->occ_cap, t->occ_cap, cols - t->occ_cap, 16);
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
    GROW_ARENA(t->b->a, r->cells, r->ncells, r->cap, 1, 8);
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
            int rc = 0, ncells = 0;
            for (const fo_node *k = c->first_child; k; k = k->next_sibling)
                ncells += k->kind == FO_TABLE_CELL;
            /* a cell holds a galley and two edge sets: room for exactly the row's */
            GROW_ARENA(t->b->a, r->cells, r->ncells, r->cap, ncells, 1);
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
