/* Column widths from table-column (fixed, percentage, proportional); with
 * table-layout="auto" (the initial value) columns without a width share what is left by
 * their content's min and max widths (the first rows measured), with "fixed" equally. */
#include "layout/lay_table.h"

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
    double bw = e.bw[2] + e.bw[3];
    double extra = e.pad[2] + e.pad[3] + (t->collapse ? bw / 2 : bw);
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

/* Where a table-column starts (column-number moves *pos) and how many columns it declares. */
static int column_place(const fo_node *c, int *pos)
{
    if (c->props->column_number > 0)
        *pos = c->props->column_number - 1;
    return c->props->number_columns_repeated > 1 ? c->props->number_columns_repeated : 1;
}

void tbl_columns(tctx *t, double width, tsection *const *secs, int nsecs)
{
    int n = t->ncols;
    /* table-columns may declare more columns than the cells use */
    int pos = 0, declared = 0;
    for (const fo_node *c = t->table->first_child; c; c = c->next_sibling) {
        if (c->kind != FO_TABLE_COLUMN)
            continue;
        int rep = column_place(c, &pos);
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
        int rep = column_place(c, &pos);
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
