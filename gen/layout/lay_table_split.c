/* A row taller than a page (lay_build.page_h) becomes bands of lines that pages may break
 * between (as FOP breaks rows), its borders and backgrounds drawn as decorations over the
 * bands; a row taking part in a row span is not split and may overflow. */
#include <string.h>

#include "layout/lay_table.h"

static fo_kw stronger(fo_kw a, fo_kw b)
{
    if (b == FO_KW_column)
        b = FO_KW_page;
    if (b != FO_KW_page && b != FO_KW_odd_page && b != FO_KW_even_page)
        return a;
    return !a || b != FO_KW_page ? b : a;
}

fo_kw tbl_row_break(const trow *r, bool after)
{
    fo_kw brk = 0;
    if (r->node)
        brk = stronger(brk, after ? r->node->props->break_after : r->node->props->break_before);
    for (int k = 0; k < r->ncells; k++) { /* a cell's own break-* do not apply (XSL, FOP) */
        const tcell *c = &r->cells[k];
        if (after)
            brk = stronger(brk, c->g.pend_brk); /* its last block's break-after */
        else if (c->g.n)
            brk = stronger(brk, c->g.pi[0].brk);
    }
    return brk;
}

/* A forced break between two items of a cell (a block inside it with break-before or
 * -after): the row is split there. */
static bool breaks_inside(const tcell *c)
{
    for (size_t j = 1; j < c->g.n; j++)
        if (c->g.pi[j].brk)
            return true;
    return false;
}

/* Whether row i must be split: taller than a page or broken inside a cell, and no cell
 * of it spans rows. */
bool tbl_must_split(const tctx *t, const trow *r)
{
    double limit = t->b->page_h - t->repeat_h;
    bool forced = false;
    for (int k = 0; k < r->ncells && !forced; k++)
        forced = breaks_inside(&r->cells[k]);
    if (t->b->page_h <= 0 || limit <= 0 || (r->h <= limit && !forced))
        return false;
    for (int k = 0; k < r->ncells; k++)
        if (r->cells[k].nrows > 1)
            return false;
    return true;
}

/* Positions of a cell's items in the unsplit row: top and bottom from the row top. */
static void cell_extents(const tctx *t, const tcell *c, double *top, double *bot)
{
    double y = tbl_inside(t, c, 0) + c->e.pad[0];
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
    /* a forced break inside a cell ends the band where it stands */
    for (int k = 0; k < nc; k++)
        for (size_t j = 1; j < cells[k].g.n; j++)
            if (cells[k].g.pi[j].brk && bot[k][j - 1] > y0 + 1e-9 && bot[k][j - 1] < y - 1e-9)
                y = bot[k][j - 1];
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
size_t tbl_emit_split_row(tctx *t, const tsection *s, int i)
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
        double x = t->x + t->colx[tbl_col(t, c)], w = tbl_cell_width(t, c);
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
        for (int k = 0; k < nc; k++) { /* a band starting at a forced break in a cell */
            const tcell *c = &r->cells[k];
            if (next[k] > 0 && next[k] < c->g.n && c->g.pi[next[k]].brk)
                lay_galley_break(g, c->g.pi[next[k]].brk);
        }
        size_t item = lay_galley_item(g, y1 - y0);
        for (int k = 0; k < nc; k++) {
            tcell *c = &r->cells[k];
            size_t from = next[k], to = from;
            while (to < c->g.n && bot[k][to] <= y1 + 1e-9)
                to++;
            next[k] = to;
            if (from == to)
                continue;
            double cx = t->x + t->colx[tbl_col(t, c)] +
                        tbl_inside(t, c, 2) + c->e.pad[2];
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
