/* Tables, private to gen/layout: the cell grid shared by the lay_table*.c files.
 *
 * lay_table.c          the table as a whole: sections, frame, repeated header and footer
 * lay_table_grid.c     rows and cells collected onto the grid (column and row spans)
 * lay_table_columns.c  column widths: fixed, proportional, or by content
 * lay_table_borders.c  collapsed borders: the winner of each conflict, per cell side
 * lay_table_rows.c     cells laid out, row heights, rows as galley items
 * lay_table_split.c    a row taller than a page as bands pages may break between
 */
#ifndef LIVRABLES_LAY_TABLE_H
#define LIVRABLES_LAY_TABLE_H

#include "layout/lay_inline.h"

typedef struct {
    const fo_node *node;
    int col, ncols, nrows;
    lay_galley g;
    lay_edges own; /* the cell's own borders and padding */
    lay_edges e;   /* as drawn: own, or resolved with its neighbours' when collapsing */
    double h;      /* content + padding + borders */
} tcell;

typedef struct {
    const fo_node *node; /* the table-row, or NULL for cells straight in the body */
    const fo_node *section; /* table-header, -footer or -body */
    tcell *cells;
    int ncells, cap;
    double h;
} trow;

typedef struct {
    trow *rows;
    int n, cap;
} tsection;

typedef struct {
    lay_build *b;
    const fo_node *table;
    bool collapse;
    int ncols;
    double *colx, *colw; /* colx[ncols] is the table width */
    double x;            /* table start in the galley frame */
    const fo_node *section; /* being collected */
    int *occupied;       /* rows still covered by a row span, per column */
    int occ_cap;
    double repeat_h;     /* header and footer heights repeated around body rows */
    lay_edges te;        /* the table's borders */
    const int *row_variant; /* emitting the body: header variant per row, or NULL */
    const int *row_fvariant; /* and footer variant per row, or NULL */
} tctx;

/* Border widths as they count inside a cell: halves on shared lines when collapsing. */
static inline double tbl_inside(const tctx *t, const tcell *c, int side)
{
    return t->collapse ? c->e.bw[side] / 2 : c->e.bw[side];
}

/* The first column of a cell, clamped to the grid. */
static inline int tbl_col(const tctx *t, const tcell *c)
{
    return c->col < t->ncols ? c->col : t->ncols;
}

/* The width of the columns a cell spans. */
static inline double tbl_cell_width(const tctx *t, const tcell *c)
{
    int end = c->col + c->ncols < t->ncols ? c->col + c->ncols : t->ncols;
    return t->colx[end] - t->colx[tbl_col(t, c)];
}

/* Appends the rows of a table-header, -footer or -body `sec` to `s` (in the builder's
 * arena), placing each cell on the grid and growing t->ncols to the columns used. */
void tbl_collect(tctx *t, tsection *s, const fo_node *sec);

/* Sets t->ncols (with the declared table-columns), t->colw and t->colx for a table of
 * `width`, measuring the content of the sections when a column is sized by it. */
void tbl_columns(tctx *t, double width, tsection *const *secs, int nsecs);

/* Sets every cell's own and drawn borders (tcell.own, tcell.e); with border-collapse, the
 * drawn ones are the winners of the conflicts with neighbours, rows, sections, table. */
void tbl_cell_edges(tctx *t, tsection *const *secs, int nsecs);

/* Lays out the cells of `s` into their galleys and sets cell and row heights. */
void tbl_lay_cells(tctx *t, tsection *s);

/* The height of `nrows` rows of `s` from row i. */
double tbl_span_height(const tsection *s, int i, int nrows);

/* The rows of `s` as items of the builder's galley; the first row's gap gets keep
 * strength `keep_first`. */
void tbl_emit_rows(tctx *t, tsection *s, int keep_first);

/* A header or footer stacked once, for repetition at breaks: the underlays of all its rows
 * first (*nunder of them), then their borders and content. Boxes in the builder's arena;
 * returns the height. */
double tbl_stack_section(tctx *t, const tsection *s, lay_box **boxes, size_t *nboxes,
                         size_t *nunder);

/* Whether row r must be split: taller than a page, and no cell of it spans rows. */
bool tbl_must_split(const tctx *t, const trow *r);

/* The forced break before (after: false) or after row r: its own break-before or
 * -after, and those of the first (last) block of each cell, which reach the row as in
 * FOP (a table-cell takes no break-* of its own, XSL 1.1 § 7.20.2). FO_KW_page, odd_page, even_page (the strongest: odd/even over page), or
 * 0 for none. */
fo_kw tbl_row_break(const trow *r, bool after);

/* Row i of `s`, taller than a page, as band items of the builder's galley; returns the
 * index of the first band. */
size_t tbl_emit_split_row(tctx *t, const tsection *s, int i);

#endif
