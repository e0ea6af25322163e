/* Tables: columns, the cell grid (column and row spans), rows as unbreakable galley
 * items, headers and footers repeated at page breaks.
 *
 * Column widths come from table-column (fixed, percentage, proportional); with
 * table-layout="auto" (the initial value) columns without a width share what is left by
 * their content's min and max widths (the first rows measured), with "fixed" equally. With
 * border-collapse each border is centred on its grid line, so neighbouring cells draw
 * their shared border over each other and it shows once, as in FOP. A row taller than a
 * page (lay_build.page_h) becomes bands of lines that pages may break between (as FOP
 * breaks rows), its borders and backgrounds drawn as decorations over the bands; a row
 * taking part in a row span is not split and may overflow.
 */
#include <string.h>

#include "layout/lay_inline.h"

void lay_table_column_widths(const fo_len *specs, int n, double table_width, double *out)
{
    double fixed = 0, units = 0;
    for (int i = 0; i < n; i++) {
        if (fo_len_is_auto(specs[i])) {
            units += 1;
            continue;
        }
        fixed += specs[i].abs + specs[i].rel * table_width;
        units += specs[i].prop;
    }
    double rest = table_width - fixed;
    double unit = units > 0 && rest > 0 ? rest / units : 0;
    for (int i = 0; i < n; i++) {
        if (fo_len_is_auto(specs[i]))
            out[i] = unit;
        else
            out[i] = specs[i].abs + specs[i].rel * table_width + specs[i].prop * unit;
        if (out[i] < 0)
            out[i] = 0;
    }
}

void lay_table_auto_widths(const fo_len *specs, const double *minw, const double *maxw, int n,
                           double table_width, double *out)
{
    double fixed = 0, units = 0, sum_min = 0, sum_max = 0;
    for (int i = 0; i < n; i++) {
        if (fo_len_is_auto(specs[i])) {
            sum_min += minw[i];
            sum_max += maxw[i] > minw[i] ? maxw[i] : minw[i];
            continue;
        }
        fixed += specs[i].abs + specs[i].rel * table_width;
        units += specs[i].prop;
    }
    double rest = table_width - fixed;
    if (rest < 0)
        rest = 0;
    double target = units > 0 && sum_max < rest ? sum_max : rest; /* room for auto columns */
    double left = rest - target;
    double unit = units > 0 ? left / units : 0;
    for (int i = 0; i < n; i++) {
        if (!fo_len_is_auto(specs[i])) {
            out[i] = specs[i].abs + specs[i].rel * table_width + specs[i].prop * unit;
        } else {
            double mn = minw[i], mx = maxw[i] > mn ? maxw[i] : mn;
            if (sum_max <= target)
                out[i] = sum_max > 0 ? mx + (target - sum_max) * mx / sum_max : 0;
            else if (sum_min <= target)
                out[i] = mn + (mx - mn) * (target - sum_min) / (sum_max - sum_min);
            else
                out[i] = mn * target / sum_min;
        }
        if (out[i] < 0)
            out[i] = 0;
    }
    if (sum_max <= 0) { /* empty auto columns: share their room equally */
        int nauto = 0;
        for (int i = 0; i < n; i++)
            nauto += fo_len_is_auto(specs[i]);
        for (int i = 0; i < n; i++)
            if (fo_len_is_auto(specs[i]))
                out[i] = target / nauto;
    }
}

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
} tctx;

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
static void collect(tctx *t, tsection *s, const fo_node *sec)
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

/* Rows measured for content widths: enough to see what a column holds without laying a
 * long table out three times. */
#define MEASURED_ROWS 200

/* The extent of a galley's boxes from its left edge. */
static double boxes_extent(const lay_galley *g)
{
    double x = 0;
    for (size_t i = 0; i < g->boxes.n; i++) {
        const lay_box *bx = &g->boxes.v[i];
        if (bx->kind != LAY_DEST && bx->kind != LAY_LINK && bx->x + bx->w > x)
            x = bx->x + bx->w;
    }
    for (size_t i = 0; g->extra && i < g->n; i++)
        for (size_t k = 0; k < g->extra[i].n; k++)
            if (g->extra[i].v[k].x + g->extra[i].v[k].w > x)
                x = g->extra[i].v[k].x + g->extra[i].v[k].w;
    return x;
}

/* A cell's min-content and max-content widths, padding and borders included: its content
 * laid out at a tiny width (one word a line) and at a huge one (one line a paragraph). */
static void cell_measure(tctx *t, const tcell *c, double *mn, double *mx)
{
    lay_edges e;
    lay_edges_get(c->node, 0, &e);
    double extra = e.pad[2] + e.pad[3] + (t->collapse ? (e.bw[2] + e.bw[3]) / 2 : e.bw[2] + e.bw[3]);
    const double widths[2] = {1, 1e5};
    double *out[2] = {mn, mx};
    for (int k = 0; k < 2; k++) {
        lay_galley g;
        lay_build sub;
        lay_sub_build(t->b, &sub, &g, widths[k]);
        sub.measure = true;
        sub.page_h = 0;
        lay_blocks(&sub, c->node);
        *out[k] = boxes_extent(&g) + extra;
    }
}

/* Min and max content widths of the columns from the cells of the sections; a cell spanning
 * columns spreads what its columns lack evenly over them. */
static void measure_columns(tctx *t, tsection *const *secs, int nsecs, int n, double *minw,
                            double *maxw)
{
    for (int pass = 0; pass < 2; pass++) /* single-column cells first, then spans */
        for (int k = 0; k < nsecs; k++)
            for (int i = 0; i < secs[k]->n && i < MEASURED_ROWS; i++) {
                const trow *r = &secs[k]->rows[i];
                for (int j = 0; j < r->ncells; j++) {
                    const tcell *c = &r->cells[j];
                    if ((c->ncols > 1) != (pass == 1) || c->col >= n)
                        continue;
                    double mn, mx;
                    cell_measure(t, c, &mn, &mx);
                    int end = c->col + c->ncols < n ? c->col + c->ncols : n;
                    double have_mn = 0, have_mx = 0;
                    for (int q = c->col; q < end; q++)
                        have_mn += minw[q], have_mx += maxw[q];
                    for (int q = c->col; q < end; q++) {
                        if (mn > have_mn)
                            minw[q] += (mn - have_mn) / (end - c->col);
                        if (mx > have_mx)
                            maxw[q] += (mx - have_mx) / (end - c->col);
                    }
                }
            }
}

static void column_specs(tctx *t, double width, tsection *const *secs, int nsecs)
{
    int n = t->ncols;
    /* table-columns may declare more columns than the cells use */
    int pos = 0, declared = 0;
    for (const fo_node *c = t->table->first_child; c; c = c->next_sibling) {
        if (c->kind != FO_TABLE_COLUMN)
            continue;
        int rep = c->props->number_columns_repeated > 1 ? c->props->number_columns_repeated : 1;
        if (c->props->column_number > 0)
            pos = c->props->column_number - 1;
        pos += rep;
        if (pos > declared)
            declared = pos;
    }
    if (declared > n)
        n = declared;
    if (n < 1)
        n = 1;
    t->ncols = n;
    fo_len *specs = ARENA_NEW_ARRAY(t->b->a, fo_len, (size_t)n);
    for (int i = 0; i < n; i++)
        specs[i].kw = FO_KW_auto;
    pos = 0;
    for (const fo_node *c = t->table->first_child; c; c = c->next_sibling) {
        if (c->kind != FO_TABLE_COLUMN)
            continue;
        int rep = c->props->number_columns_repeated > 1 ? c->props->number_columns_repeated : 1;
        if (c->props->column_number > 0)
            pos = c->props->column_number - 1;
        for (int k = 0; k < rep && pos < n; k++)
            specs[pos++] = c->props->column_width;
    }
    t->colw = ARENA_NEW_ARRAY(t->b->a, double, (size_t)n);
    t->colx = ARENA_NEW_ARRAY(t->b->a, double, (size_t)n + 1);
    bool by_content = false;
    for (int i = 0; i < n && t->table->props->table_layout != FO_KW_fixed; i++)
        by_content = by_content || fo_len_is_auto(specs[i]);
    if (by_content) {
        double *minw = ARENA_NEW_ARRAY(t->b->a, double, (size_t)n);
        double *maxw = ARENA_NEW_ARRAY(t->b->a, double, (size_t)n);
        measure_columns(t, secs, nsecs, n, minw, maxw);
        lay_table_auto_widths(specs, minw, maxw, n, width, t->colw);
    } else {
        lay_table_column_widths(specs, n, width, t->colw);
    }
    for (int i = 0; i < n; i++)
        t->colx[i + 1] = t->colx[i] + t->colw[i];
}

/* Border widths as they count inside a cell: halves on shared lines when collapsing. */
static double inside(const tctx *t, const tcell *c, int side)
{
    return t->collapse ? c->e.bw[side] / 2 : c->e.bw[side];
}

static double cell_width(const tctx *t, const tcell *c)
{
    int end = c->col + c->ncols < t->ncols ? c->col + c->ncols : t->ncols;
    return t->colx[end] - t->colx[c->col < t->ncols ? c->col : t->ncols];
}

/* ---- collapsed borders ------------------------------------------------------------------- */

typedef struct {
    double w;
    lay_color c;
    lay_line_style s;
} tborder;

static int style_rank(lay_line_style s)
{
    switch (s) {
    case LAY_STYLE_DOUBLE: return 4;
    case LAY_STYLE_SOLID: return 3;
    case LAY_STYLE_DASHED: return 2;
    default: return 1;
    }
}

/* A border taking part in a conflict: the wider wins, then the stronger style; on a tie
 * the one that came first (cells before rows, sections and the table; the upper or left
 * cell first), as CSS 2.1 § 17.6.2.1, to which XSL refers, resolves collapsed borders. */
static void contend(tborder *win, const lay_edges *e, int side)
{
    if (!e || e->bw[side] <= 0)
        return;
    double d = e->bw[side] - win->w;
    if (d > 1e-9 || (d > -1e-9 && style_rank(e->bs[side]) > style_rank(win->s)))
        *win = (tborder){e->bw[side], e->bc[side], e->bs[side]};
}

/* The table's rows from header to footer, with their cells placed on one grid. */
typedef struct {
    int nrows, ncols;
    tcell **at;        /* nrows x ncols, NULL where no cell is */
    lay_edges *row;    /* the borders of each row's table-row (zero without one) */
    lay_edges *sec;    /* those of its section */
    const fo_node **secnode;
} tgrid;

static tcell *grid_at(const tgrid *gr, int r, int c)
{
    if (r < 0 || r >= gr->nrows || c < 0 || c >= gr->ncols)
        return NULL;
    return gr->at[r * gr->ncols + c];
}

static const lay_edges *grid_cell_edges(const tgrid *gr, int r, int c)
{
    const tcell *o = grid_at(gr, r, c);
    return o ? &o->own : NULL;
}

static void grid_build(tctx *t, tsection *const *secs, int nsecs, tgrid *gr)
{
    arena *a = t->b->a;
    int n = 0, nc = t->ncols;
    for (int k = 0; k < nsecs; k++)
        n += secs[k]->n;
    gr->nrows = n;
    gr->ncols = nc;
    gr->at = ARENA_NEW_ARRAY(a, tcell *, (size_t)n * (size_t)nc + 1);
    gr->row = ARENA_NEW_ARRAY(a, lay_edges, (size_t)n + 1);
    gr->sec = ARENA_NEW_ARRAY(a, lay_edges, (size_t)n + 1);
    gr->secnode = ARENA_NEW_ARRAY(a, const fo_node *, (size_t)n + 1);
    int base = 0;
    for (int k = 0; k < nsecs; k++) {
        const tsection *s = secs[k];
        for (int i = 0; i < s->n; i++) {
            const trow *r = &s->rows[i];
            if (r->node)
                lay_edges_get(r->node, 0, &gr->row[base + i]);
            if (r->section)
                lay_edges_get(r->section, 0, &gr->sec[base + i]);
            gr->secnode[base + i] = r->section;
            for (int j = 0; j < r->ncells; j++) {
                tcell *c = &r->cells[j];
                for (int y = i; y < i + c->nrows && y < s->n; y++)
                    for (int x = c->col; x < c->col + c->ncols && x < nc; x++)
                        gr->at[(base + y) * nc + x] = c;
            }
        }
        base += s->n;
    }
}

/* The borders of the cell at rows [r0, r1], columns [c0, c1] resolved with its neighbours,
 * its rows, sections and the table where they meet it. */
static void resolve_cell(const tctx *t, const tgrid *gr, tcell *c, int r0, int r1)
{
    int c0 = c->col, c1 = c->col + c->ncols - 1;
    bool top = r0 == 0, bottom = r1 == gr->nrows - 1;
    bool sec_top = top || gr->secnode[r0 - 1] != gr->secnode[r0];
    bool sec_bottom = bottom || gr->secnode[r1 + 1] != gr->secnode[r1];
    tborder w[4] = {{0}};
    /* before */
    contend(&w[0], grid_cell_edges(gr, r0 - 1, c0), 1);
    contend(&w[0], &c->own, 0);
    contend(&w[0], &gr->row[r0], 0);
    if (!top)
        contend(&w[0], &gr->row[r0 - 1], 1);
    if (sec_top) {
        contend(&w[0], &gr->sec[r0], 0);
        if (!top)
            contend(&w[0], &gr->sec[r0 - 1], 1);
    }
    if (top)
        contend(&w[0], &t->te, 0);
    /* after */
    contend(&w[1], &c->own, 1);
    contend(&w[1], grid_cell_edges(gr, r1 + 1, c0), 0);
    contend(&w[1], &gr->row[r1], 1);
    if (!bottom)
        contend(&w[1], &gr->row[r1 + 1], 0);
    if (sec_bottom) {
        contend(&w[1], &gr->sec[r1], 1);
        if (!bottom)
            contend(&w[1], &gr->sec[r1 + 1], 0);
    }
    if (bottom)
        contend(&w[1], &t->te, 1);
    /* start and end: rows, sections and the table only at the table's sides */
    contend(&w[2], grid_cell_edges(gr, r0, c0 - 1), 3);
    contend(&w[2], &c->own, 2);
    contend(&w[3], &c->own, 3);
    contend(&w[3], grid_cell_edges(gr, r0, c1 + 1), 2);
    const lay_edges *outer[3] = {&gr->row[r0], &gr->sec[r0], &t->te};
    for (int k = 0; k < 3; k++) {
        if (c0 == 0)
            contend(&w[2], outer[k], 2);
        if (c1 >= gr->ncols - 1)
            contend(&w[3], outer[k], 3);
    }
    c->e = c->own;
    for (int k = 0; k < 4; k++) {
        c->e.bw[k] = w[k].w;
        c->e.bc[k] = w[k].c;
        c->e.bs[k] = w[k].s;
    }
}

/* Each cell's borders as drawn: its own, or, with border-collapse, the winners of the
 * conflicts on its four sides, so that a shared border is drawn the same by both cells
 * and the table's borders by the cells along its sides (centred on its edges, as FOP). */
static void cell_edges(tctx *t, tsection *const *secs, int nsecs)
{
    for (int k = 0; k < nsecs; k++)
        for (int i = 0; i < secs[k]->n; i++)
            for (int j = 0; j < secs[k]->rows[i].ncells; j++) {
                tcell *c = &secs[k]->rows[i].cells[j];
                lay_edges_get(c->node, cell_width(t, c), &c->own);
                c->e = c->own;
            }
    if (!t->collapse)
        return;
    tgrid gr;
    grid_build(t, secs, nsecs, &gr);
    int base = 0;
    for (int k = 0; k < nsecs; k++) {
        const tsection *s = secs[k];
        for (int i = 0; i < s->n; i++)
            for (int j = 0; j < s->rows[i].ncells; j++) {
                tcell *c = &s->rows[i].cells[j];
                int last = i + c->nrows - 1 < s->n ? i + c->nrows - 1 : s->n - 1;
                resolve_cell(t, &gr, c, base + i, base + last);
            }
        base += s->n;
    }
}

static void lay_cells(tctx *t, tsection *s)
{
    for (int i = 0; i < s->n; i++) {
        trow *r = &s->rows[i];
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
            double cw = cell_width(t, c) - inside(t, c, 2) - inside(t, c, 3) - c->e.pad[2] -
                        c->e.pad[3];
            lay_build sub;
            lay_sub_build(t->b, &sub, &c->g, cw > 1 ? cw : 1);
            lay_blocks(&sub, c->node);
            c->h = lay_galley_height(&c->g) + inside(t, c, 0) + inside(t, c, 1) + c->e.pad[0] +
                   c->e.pad[1];
            fo_len ch = fo_is_specified(c->node, FO_PROP_block_progression_dimension)
                            ? c->node->props->block_progression_dimension : c->node->props->height;
            if (!fo_len_is_auto(ch) && fo_len_resolve(ch, 0) > c->h)
                c->h = fo_len_resolve(ch, 0);
            if (c->nrows == 1 && c->h > r->h)
                r->h = c->h;
        }
    }
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

static double span_height(const tsection *s, int i, int nrows)
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
    *x = t->x + t->colx[c->col < t->ncols ? c->col : t->ncols];
    *w = cell_width(t, c);
    *h = span_height(s, i, c->nrows);
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
        x = t->x + t->colx[c->col < t->ncols ? c->col : t->ncols];
        h = span_height(s, i, c->nrows);
        double top = inside(t, c, 0) + c->e.pad[0];
        double room = h - top - inside(t, c, 1) - c->e.pad[1];
        double content = lay_galley_height(&c->g), off = 0;
        fo_kw da = c->node->props->display_align;
        if (da == FO_KW_center)
            off = (room - content) / 2;
        else if (da == FO_KW_after)
            off = room - content;
        if (off < 0)
            off = 0;
        double cx = x + inside(t, c, 2) + c->e.pad[2];
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

/* Whether row i must be split: taller than a page, and no cell of it spans rows. */
static bool must_split(const tctx *t, const trow *r)
{
    double limit = t->b->page_h - t->repeat_h;
    if (t->b->page_h <= 0 || limit <= 0 || r->h <= limit)
        return false;
    for (int k = 0; k < r->ncells; k++)
        if (r->cells[k].nrows > 1)
            return false;
    return true;
}

/* Positions of a cell's items in the unsplit row: top and bottom from the row top. */
static void cell_extents(const tctx *t, const tcell *c, double *top, double *bot)
{
    double y = inside(t, c, 0) + c->e.pad[0];
    for (size_t j = 0; j < c->g.n; j++) {
        if (j > 0 || !c->g.pi[j].discard)
            y += c->g.pi[j].space;
        top[j] = y;
        y += c->g.pi[j].height;
        bot[j] = y;
    }
}

/* Where the band starting at y0 ends: at the next line bottom of any cell, pushed down
 * past every line it would cut, so each line lies in one band. */
static double band_end(const tcell *cells, int nc, double *const *top, double *const *bot,
                       double y0, double row_h)
{
    double y = row_h;
    bool any = false;
    for (int k = 0; k < nc; k++)
        for (size_t j = 0; j < cells[k].g.n; j++)
            if (bot[k][j] > y0 + 1e-9) {
                if (!any || bot[k][j] < y)
                    y = bot[k][j];
                any = true;
                break;
            }
    if (!any)
        return row_h;
    for (bool moved = true; moved;) {
        moved = false;
        for (int k = 0; k < nc; k++)
            for (size_t j = 0; j < cells[k].g.n; j++)
                if (top[k][j] < y - 1e-9 && bot[k][j] > y + 1e-9) {
                    y = bot[k][j];
                    moved = true;
                }
    }
    return y;
}

/* A decoration (background, borders) over the items [first, last] of the galley. */
static void band_decor(lay_galley *g, size_t first, size_t last, double x, double w,
                       const lay_edges *e, fo_color bg)
{
    lay_decor d = {.first = first, .last = last, .x = x, .w = w, .bg = lay_color_of(bg)};
    if (e) {
        memcpy(d.bw, e->bw, sizeof d.bw);
        memcpy(d.bc, e->bc, sizeof d.bc);
        memcpy(d.bs, e->bs, sizeof d.bs);
    }
    lay_galley_decor(g, d);
}

/* Row i, taller than a page, as bands: each band holds the lines of every cell that lie
 * in it, at the place they have in the unsplit row, and pages may break between bands.
 * Backgrounds and borders become decorations over the bands, so they follow the row onto
 * every page it reaches. Ids and markers of the cells ride on the first band, whose item
 * index is returned. */
static size_t emit_split_row(tctx *t, const tsection *s, int i)
{
    lay_build *b = t->b;
    lay_galley *g = b->g;
    const trow *r = &s->rows[i];
    int nc = r->ncells;
    double **top = ARENA_NEW_ARRAY(b->a, double *, (size_t)nc + 1);
    double **bot = ARENA_NEW_ARRAY(b->a, double *, (size_t)nc + 1);
    size_t *next = ARENA_NEW_ARRAY(b->a, size_t, (size_t)nc + 1);
    for (int k = 0; k < nc; k++) {
        top[k] = ARENA_NEW_ARRAY(b->a, double, r->cells[k].g.n + 1);
        bot[k] = ARENA_NEW_ARRAY(b->a, double, r->cells[k].g.n + 1);
        cell_extents(t, &r->cells[k], top[k], bot[k]);
    }
    size_t first_item = g->n;
    long decor0 = (long)g->ndecor;
    /* decorations first (their first item is the band to come), completed below */
    const fo_node *layers[2] = {r->section, r->node};
    for (int k = 0; k < 2; k++)
        if (layers[k] && layers[k]->props->background_color.a > 0)
            band_decor(g, first_item, first_item, t->x, t->colx[t->ncols], NULL,
                       layers[k]->props->background_color);
    for (int k = 0; k < nc; k++) {
        const tcell *c = &r->cells[k];
        double x = t->x + t->colx[c->col < t->ncols ? c->col : t->ncols], w = cell_width(t, c);
        if (t->collapse) {
            x -= c->e.bw[2] / 2;
            w += (c->e.bw[2] + c->e.bw[3]) / 2;
        }
        band_decor(g, first_item, first_item, x, w, &c->e, c->node->props->background_color);
    }
    for (double y0 = 0; y0 < r->h - 1e-9;) {
        double y1 = band_end(r->cells, nc, top, bot, y0, r->h);
        if (y1 <= y0 + 1e-9)
            break;
        size_t item = lay_galley_item(g, y1 - y0);
        for (int k = 0; k < nc; k++) {
            tcell *c = &r->cells[k];
            size_t from = next[k], to = from;
            while (to < c->g.n && bot[k][to] <= y1 + 1e-9)
                to++;
            next[k] = to;
            if (from == to)
                continue;
            double cx = t->x + t->colx[c->col < t->ncols ? c->col : t->ncols] +
                        inside(t, c, 2) + c->e.pad[2];
            const lay_pitem *pi = &c->g.pi[from];
            double lead = pi->discard ? 0 : pi->space; /* what stack_range puts first */
            lay_galley_stack_range(&c->g, from, to, &g->boxes, b->a, cx,
                                   top[k][from] - lead - y0);
            if (item == first_item) {
                lay_galley_adopt(g, &c->g, item, cx);
                if (c->node->props->id && *c->node->props->id)
                    lay_galley_id(g, c->node->props->id, item, cx);
            }
        }
        y0 = y1;
    }
    for (size_t k = (size_t)decor0; k < g->ndecor; k++)
        g->decor[k].last = g->n - 1;
    if (r->node && r->node->props->id && *r->node->props->id)
        lay_galley_id(g, r->node->props->id, first_item, t->x);
    return first_item;
}

/* Rows as galley items; rows tied by a row span are kept together. */
static void emit_rows(tctx *t, tsection *s, int keep_first)
{
    lay_galley *g = t->b->g;
    int span_left = 0;
    const fo_node *sec = NULL; /* the section whose id spans its rows */
    long sec_id = -1;
    for (int i = 0; i < s->n; i++) {
        const trow *r = &s->rows[i];
        if (i == 0)
            lay_galley_keep(g, keep_first);
        if (span_left > 0)
            lay_galley_keep(g, FO_KEEP_ALWAYS);
        if (r->node) {
            lay_galley_keep(g, keep_strength(r->node->props->keep_with_previous));
            if (r->node->props->break_before == FO_KW_page)
                lay_galley_break(g, FO_KW_page);
        }
        size_t item, last;
        if (span_left == 0 && must_split(t, r)) {
            item = emit_split_row(t, s, i);
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
    }
}

/* A header or footer stacked once, for repetition at breaks: the underlays of all its
 * rows first (*nunder of them), then their borders and content. */
static double stack_section(tctx *t, const tsection *s, lay_box **boxes, size_t *nboxes,
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
            collect(&t, &head, c);
        else if (c->kind == FO_TABLE_FOOTER)
            collect(&t, &foot, c);
        else if (c->kind == FO_TABLE_BODY)
            collect(&t, &body, c);
    }
    tsection *secs[3] = {&head, &body, &foot};
    column_specs(&t, width, secs, 3);
    lay_edges_get(n, b->ref_w, &t.te);
    cell_edges(&t, secs, 3);
    lay_cells(&t, &head);
    lay_cells(&t, &body);
    lay_cells(&t, &foot);

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
        rep->header_h = stack_section(&t, &head, &rep->header, &rep->nheader,
                                      &rep->nheader_under);
    if (p->table_omit_footer_at_break != FO_KW_true)
        rep->footer_h = stack_section(&t, &foot, &rep->footer, &rep->nfooter,
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
    emit_rows(&t, &head, 0);
    g->cur_table = tid;
    emit_rows(&t, &body, head.n ? FO_KEEP_ALWAYS : 0);
    g->cur_table = 0;
    emit_rows(&t, &foot, FO_KEEP_ALWAYS);
    g->cur_table = outer;
    lay_frame_close(b, n, &f);
}
