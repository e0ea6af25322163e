/* Collapsed borders (border-collapse="collapse"): each border is centred on its grid line
 * and the border drawn on a line is the winner of the conflict between the cells, rows,
 * sections and the table that meet there, so neighbouring cells draw their shared border
 * over each other and it shows once, as in FOP. */
#include "layout/lay_table.h"

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
void tbl_cell_edges(tctx *t, tsection *const *secs, int nsecs)
{
    for (int k = 0; k < nsecs; k++)
        for (int i = 0; i < secs[k]->n; i++)
            for (int j = 0; j < secs[k]->rows[i].ncells; j++) {
                tcell *c = &secs[k]->rows[i].cells[j];
                lay_edges_get(c->node, tbl_cell_width(t, c), &c->own);
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
