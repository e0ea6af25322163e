/* fo:float (XSL 1.1 § 6.10.2): before-floats and side floats.
 *
 * A before-float is laid out at the region-body's width where its anchor is met, and
 * hangs on the line holding the anchor (pi[].float_h): pagination puts it at the top of
 * that line's page when it fits there, else on the next pages, in order, under the
 * region-body's xsl-before-float-separator.
 *
 * A side float is laid out where its anchor is met and stands at the start or end edge
 * of the reference area (its content at its own indents, as in FOP), its top at the top
 * of the paragraph holding the anchor (as FOP 2.8 places it) or below the floats it
 * clears. The galley keeps it while lines are made beside it: every line whose top is
 * above its bottom is shortened by what the float takes of it (an estimate from the
 * paragraph's line-height, before the lines exist). A block with `clear` on the float's
 * side, and any block-level object other than a block (a table, a list, a
 * block-container), starts below it. A float that would leave lines too short beside it
 * is laid out as a block where its anchor is.
 */
#include <math.h>
#include <string.h>

#include "layout/layout_internal.h"
#include "util/grow.h"

typedef struct {
    size_t item;    /* the line it hangs on */
    lay_boxv boxes; /* from the top of the float area */
    double h;
    const lay_idrec *ids; /* ids inside: on the page the float lands on, not its anchor's */
    size_t nids;
} before_float;

typedef struct {
    size_t item;  /* top and bottom are measured from the top of this item */
    double y0, h; /* its top (below the top of item when it clears others) and bottom */
    double x0, x1; /* what it covers, in the galley's frame */
    bool end;     /* at the end edge */
} side_float;

struct lay_floats {
    before_float *before;
    size_t nbefore, capbefore;
    side_float *side;
    size_t nside, capside;
    size_t first_side; /* side floats before it are passed: no line to come is beside them */
};

struct lay_float_side {
    lay_galley g;
    lay_boxv boxes; /* g stacked, decorations in */
    double l, r;    /* the boxes' horizontal extent */
    double h;
    double x, y;    /* where the boxes' frame starts, once placed: in the galley's frame,
                     * from the top of the item it hangs on */
    bool end;
    bool clear_start, clear_end; /* it goes below the floats of that side */
};

static struct lay_floats *floats_of(lay_galley *g)
{
    if (!g->floats)
        g->floats = ARENA_NEW(g->a, struct lay_floats);
    return g->floats;
}

/* The float's side, or FO_KW_none when it is laid out as a plain block: float="none",
 * floats in static content or measured for a table's column widths, and before-floats
 * of a multi-column flow (the column breaker does not place them). */
fo_kw lay_float_kind(const lay_build *b, const fo_node *n)
{
    if (b->page || b->measure)
        return FO_KW_none;
    switch (n->props->float_) {
    case FO_KW_before: return b->before_in_place ? FO_KW_none : FO_KW_before;
    case FO_KW_start:
    case FO_KW_left:
    case FO_KW_inside: return FO_KW_start;
    case FO_KW_end:
    case FO_KW_right:
    case FO_KW_outside: return FO_KW_end;
    default: return FO_KW_none;
    }
}

/* The float's children laid out at width w into g; its structure element (a Div) is a
 * child of the element around the anchor, so readers meet it there. */
static void float_content(const lay_build *b, const fo_node *n, lay_galley *g, double w)
{
    lay_build sub;
    lay_sub_build(b, &sub, g, w);
    sub.sn = lay_snode_new(&sub, n, "Div");
    lay_blocks(&sub, n);
}

lay_galley *lay_float_before_new(const lay_build *b, const fo_node *n)
{
    lay_galley *g = ARENA_NEW(b->a, lay_galley);
    float_content(b, n, g, b->body_w > 0 ? b->body_w : b->ref_w);
    return g;
}

/* Records the before-float `f` hanging on item `item`. */
static void before_add(lay_galley *g, size_t item, before_float f, double sep_h)
{
    struct lay_floats *fl = floats_of(g);
    GROW_ARENA(g->a, fl->before, fl->nbefore, fl->capbefore, 1, 4);
    f.item = item;
    fl->before[fl->nbefore++] = f;
    g->pi[item].float_h += f.h;
    if (sep_h > g->pi[item].float_sep_h)
        g->pi[item].float_sep_h = sep_h;
}

void lay_float_before_attach(const lay_build *b, size_t item, const lay_galley *fg)
{
    lay_galley *g = b->g;
    if (!fg->n)
        return;
    before_float f = {.ids = fg->ids, .nids = fg->nids};
    f.h = lay_galley_stack(fg, &f.boxes, b->a, 0, 0);
    /* markers and footnotes go with the anchor's line; ids with the float */
    lay_galley rest = *fg;
    rest.nids = 0;
    lay_galley_adopt(g, &rest, item, 0);
    before_add(g, item, f, b->float_sep_h);
}

void lay_floats_adopt(lay_galley *g, const lay_galley *sub, size_t item)
{
    const struct lay_floats *fl = sub->floats;
    for (size_t i = 0; fl && i < fl->nbefore; i++)
        before_add(g, item, fl->before[i], sub->pi[fl->before[i].item].float_sep_h);
}

void lay_floats_truncate(lay_galley *g, size_t n)
{
    struct lay_floats *fl = g->floats;
    if (!fl)
        return;
    while (fl->nbefore && fl->before[fl->nbefore - 1].item >= n)
        fl->nbefore--;
    while (fl->nside && fl->side[fl->nside - 1].item >= n)
        fl->nside--;
    fl->first_side = 0; /* the lines laid out again may be beside any of them */
}

/* ---- the separator and the page's top ------------------------------------------------ */

static const fo_node *separator_of(const fo_node *ps)
{
    for (const fo_node *c = ps->first_child; c; c = c->next_sibling)
        if (c->kind == FO_STATIC_CONTENT && c->props->flow_name &&
            strcmp(c->props->flow_name, "xsl-before-float-separator") == 0)
            return c;
    return NULL;
}

/* The separator laid out at width w into g (empty when the sequence has none). */
static void separator_layout(lay_ctx *ctx, arena *a, const fo_node *ps,
                             const lay_pageinfo *page, double w, lay_galley *g)
{
    lay_galley_init(g, a);
    const fo_node *sc = separator_of(ps);
    if (!sc)
        return;
    lay_build b = {.ctx = ctx, .a = a, .g = g, .ref_w = w, .body_w = w, .page = page};
    lay_blocks(&b, sc);
}

double lay_float_separator_h(const lay_build *b, const fo_node *ps)
{
    if (!separator_of(ps))
        return 0;
    lay_pageinfo page = {0, "", b->g, 0, 0, NULL, 0};
    lay_galley g;
    separator_layout(b->ctx, b->a, ps, &page, b->body_w, &g);
    return lay_galley_height(&g);
}

double lay_floats_place(lay_ctx *ctx, arena *a, const fo_node *ps, const lay_galley *g,
                        const lay_pbreak *pb, const lay_pageinfo *page, lay_boxv *out,
                        double x, double y, double w)
{
    const struct lay_floats *fl = g->floats;
    if (!fl || pb->float_to <= pb->float_from)
        return 0;
    size_t i = 0;
    while (i < fl->nbefore && fl->before[i].item < pb->float_from)
        i++;
    if (i == fl->nbefore || fl->before[i].item >= pb->float_to)
        return 0;
    lay_galley sep;
    separator_layout(ctx, a, ps, page, w, &sep);
    size_t first = out->n;
    double top = lay_galley_stack(&sep, out, a, x, y);
    lay_boxv_artifacts(out, first, true);
    for (; i < fl->nbefore && fl->before[i].item < pb->float_to; i++) {
        const before_float *f = &fl->before[i];
        lay_boxv_append(out, a, f->boxes.v, f->boxes.n, x, y + top);
        for (size_t k = 0; k < f->nids; k++) {
            if (f->ids[k].id[0] == '\x01')
                continue; /* a page-number's key, not a destination */
            lay_box *d = lay_boxv_push(out, a, LAY_DEST);
            d->x = x + f->ids[k].x;
            d->y = y + top;
            d->u.link.dest = f->ids[k].id;
        }
        top += f->h;
    }
    return top;
}

void lay_floats_place_ids(lay_ctx *ctx, const lay_galley *g, const lay_pbreak *pb, size_t np,
                          const lay_page *pages, bool again)
{
    const struct lay_floats *fl = g->floats;
    size_t i = 0;
    for (size_t p = 0; fl && p < np; p++) {
        while (i < fl->nbefore && fl->before[i].item < pb[p].float_to) {
            const before_float *f = &fl->before[i++];
            for (size_t k = 0; k < f->nids; k++) {
                if (again)
                    lay_ctx_id_forget(ctx, f->ids[k].id);
                lay_ctx_id_place(ctx, f->ids[k].id, pages[p].number, pages[p].label,
                                 pages[p].number, pages[p].label);
            }
        }
    }
}

/* ---- side floats ------------------------------------------------------------------- */

/* The horizontal extent [*l, *r] of the boxes: what a float covers when its content is
 * narrower than the reference area (a block-container of a given width, an image). */
static void content_extent(const lay_boxv *bv, double *l, double *r)
{
    *l = HUGE_VAL, *r = 0;
    for (size_t i = 0; i < bv->n; i++) {
        const lay_box *bx = &bv->v[i];
        if (bx->kind == LAY_DEST || bx->kind == LAY_LINK)
            continue;
        if (bx->x < *l)
            *l = bx->x;
        if (bx->x + bx->w > *r)
            *r = bx->x + bx->w;
    }
    if (*l > *r)
        *l = *r;
}

lay_float_side *lay_float_side_new(const lay_build *b, const fo_node *n, fo_kw side)
{
    lay_float_side *f = ARENA_NEW(b->a, lay_float_side);
    float_content(b, n, &f->g, b->ref_w);
    f->h = lay_galley_stack(&f->g, &f->boxes, b->a, 0, 0);
    content_extent(&f->boxes, &f->l, &f->r);
    f->end = side == FO_KW_end;
    fo_kw c = n->props->clear;
    f->clear_start = c == FO_KW_start || c == FO_KW_left || c == FO_KW_inside || c == FO_KW_both;
    f->clear_end = c == FO_KW_end || c == FO_KW_right || c == FO_KW_outside || c == FO_KW_both;
    return f;
}

/* The top of item `to` (the end of the galley when to == g->n, without the gap to come)
 * from the top of item `from` <= to. */
static double y_between(const lay_galley *g, size_t from, size_t to)
{
    double y = 0;
    for (size_t k = from; k < to; k++)
        y += (k > from ? g->pi[k].space : 0) + g->pi[k].height;
    return to < g->n && to > from ? y + g->pi[to].space : y;
}

/* Where the galley ends, from the top of item `item`. */
static double y_from(const lay_galley *g, size_t item)
{
    return y_between(g, item, g->n);
}

/* Skips the side floats no line to come can be beside (their bottom is above the end of
 * the galley). */
static void side_prune(lay_galley *g)
{
    struct lay_floats *fl = g->floats;
    while (fl->first_side < fl->nside &&
           y_from(g, fl->side[fl->first_side].item) >= fl->side[fl->first_side].h - 1e-6)
        fl->first_side++;
}

/* What a standing float covers, from the top of the galley's next item. */
typedef struct {
    double y0, y1, x0, x1;
    bool end;
} cover;

/* Places the new floats `fs` at the top of the galley's next item, or below the floats
 * standing there on the sides they clear: at their edge of the reference area, their
 * content at its own indents, beside the floats of that side they meet (older ones, and
 * new ones placed before them). */
static void side_place(const lay_build *b, lay_float_side *const *fs, size_t n)
{
    const lay_galley *g = b->g;
    const struct lay_floats *fl = g->floats;
    double pend = g->pend_any ? g->pend_space : 0;
    size_t nold = fl ? fl->nside - fl->first_side : 0, nc = 0;
    cover *c = ARENA_NEW_ARRAY(b->a, cover, nold + n);
    for (size_t k = 0; k < nold; k++) {
        const side_float *o = &fl->side[fl->first_side + k];
        double at = y_from(g, o->item) + pend;
        if (o->h - at > 1e-6)
            c[nc++] = (cover){o->y0 - at, o->h - at, o->x0, o->x1, o->end};
    }
    for (size_t i = 0; i < n; i++) {
        lay_float_side *f = fs[i];
        f->y = 0;
        for (size_t k = 0; k < nc; k++)
            if ((c[k].end ? f->clear_end : f->clear_start) && c[k].y1 > f->y)
                f->y = c[k].y1;
        double lo = -HUGE_VAL, hi = HUGE_VAL;
        for (size_t k = 0; k < nc; k++) {
            if (c[k].y1 <= f->y + 1e-6 || c[k].y0 >= f->y + f->h - 1e-6)
                continue;
            if (!c[k].end && c[k].x1 > lo)
                lo = c[k].x1;
            if (c[k].end && c[k].x0 < hi)
                hi = c[k].x0;
        }
        double edge = b->x0 + b->ref_w;
        if (f->end)
            f->x = (hi < edge ? hi : edge) - f->r;
        else
            f->x = lo - f->l > b->x0 ? lo - f->l : b->x0;
        c[nc++] = (cover){f->y, f->y + f->h, f->x + f->l, f->x + f->r, f->end};
    }
}

void lay_float_side_attach(const lay_build *b, lay_float_side *const *fs, size_t n, size_t item)
{
    lay_galley *g = b->g;
    struct lay_floats *fl = floats_of(g);
    for (size_t i = 0; i < n; i++) {
        const lay_float_side *f = fs[i];
        lay_boxv_append(lay_galley_extra(g, item), b->a, f->boxes.v, f->boxes.n, f->x, f->y);
        lay_galley_adopt(g, &f->g, item, f->x);
        GROW_ARENA(g->a, fl->side, fl->nside, fl->capside, 1, 4);
        fl->side[fl->nside++] =
            (side_float){item, f->y, f->y + f->h, f->x + f->l, f->x + f->r, f->end};
    }
}

/* Lines beside a float are at least this part of the reference area's width. */
#define MIN_BESIDE 0.2

bool lay_float_side_fills(const lay_build *b, const lay_float_side *f)
{
    return b->ref_w - (f->r - f->l) < MIN_BESIDE * b->ref_w;
}

void lay_float_side_block(const lay_build *b, const lay_float_side *f)
{
    lay_galley *g = b->g;
    size_t item = lay_galley_item(g, f->h);
    lay_boxv_append(&g->boxes, b->a, f->boxes.v, f->boxes.n, b->x0, 0);
    lay_galley_adopt(g, &f->g, item, b->x0);
}

bool lay_floats_side_any(const lay_galley *g)
{
    return g->floats && g->floats->nside > 0;
}

size_t lay_float_narrow(const lay_build *b, lay_float_side *const *fs, size_t nnew,
                        double si, double ei, double lh, double **narrow, double **shift)
{
    lay_galley *g = b->g;
    struct lay_floats *fl = g->floats;
    if (fl)
        side_prune(g);
    size_t nold = fl ? fl->nside - fl->first_side : 0;
    if (!nold && !nnew)
        return 0; /* most paragraphs: no float about */
    side_place(b, fs, nnew);
    if (lh <= 0)
        lh = 12;
    double pend = g->pend_any ? g->pend_space : 0;
    double left = b->x0 + si, right = b->x0 + b->ref_w - ei;
    /* each float: where the paragraph starts from its top, its edges */
    size_t nf = nold + nnew, lines = 0;
    double *top = ARENA_NEW_ARRAY(b->a, double, nf), *x0 = ARENA_NEW_ARRAY(b->a, double, nf);
    double *x1 = ARENA_NEW_ARRAY(b->a, double, nf), *h = ARENA_NEW_ARRAY(b->a, double, nf);
    double *y0 = ARENA_NEW_ARRAY(b->a, double, nf);
    bool *end = ARENA_NEW_ARRAY(b->a, bool, nf);
    for (size_t i = 0; i < nf; i++) {
        if (i < nold) {
            const side_float *o = &fl->side[fl->first_side + i];
            top[i] = y_from(g, o->item) + pend, x0[i] = o->x0, x1[i] = o->x1, h[i] = o->h;
            y0[i] = o->y0, end[i] = o->end;
        } else {
            /* a new float stands at the top of the paragraph's first line */
            const lay_float_side *f = fs[i - nold];
            top[i] = 0, x0[i] = f->x + f->l, x1[i] = f->x + f->r, h[i] = f->y + f->h;
            y0[i] = f->y, end[i] = f->end;
        }
        double span = h[i] - top[i];
        size_t k = span > 0 ? (size_t)(span / lh + 1 - 1e-9) : 0;
        if (k > lines)
            lines = k;
    }
    if (!lines)
        return 0;
    *narrow = ARENA_NEW_ARRAY(b->a, double, lines);
    *shift = ARENA_NEW_ARRAY(b->a, double, lines);
    for (size_t k = 0; k < lines; k++) {
        double s = 0, e = 0;
        for (size_t i = 0; i < nf; i++) {
            double line = top[i] + k * lh;
            if (line >= h[i] - 1e-6 || line + lh <= y0[i] + 1e-6)
                continue;
            double in = end[i] ? right - x0[i] : x1[i] - left;
            if (!end[i] && in > s)
                s = in;
            if (end[i] && in > e)
                e = in;
        }
        (*shift)[k] = s;
        (*narrow)[k] = s + e;
    }
    return lines;
}

void lay_float_clear(lay_build *b, const fo_node *n)
{
    lay_galley *g = b->g;
    struct lay_floats *fl = g->floats;
    if (!fl || fl->first_side == fl->nside)
        return;
    fo_kw c = n->props->clear;
    bool start = c == FO_KW_start || c == FO_KW_left || c == FO_KW_inside || c == FO_KW_both;
    bool end = c == FO_KW_end || c == FO_KW_right || c == FO_KW_outside || c == FO_KW_both;
    if (n->kind != FO_BLOCK && n->kind != FO_WRAPPER)
        start = end = true; /* only lines flow around a float here: the rest goes below */
    if (!start && !end)
        return;
    side_prune(g);
    double below = 0;
    for (size_t k = fl->first_side; k < fl->nside; k++) {
        const side_float *o = &fl->side[k];
        double d = o->h - y_from(g, o->item);
        if ((o->end ? end : start) && d > below)
            below = d;
    }
    if (below > 0)
        lay_galley_space(g, below, true);
}
