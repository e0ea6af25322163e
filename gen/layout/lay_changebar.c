/* Change bars (XSL 1.1 § 6.13.2, § 7.30): fo:change-bar-begin and fo:change-bar-end of one
 * change-bar-class mark the items between them; the bar is a decoration over those items,
 * so it is drawn beside them on every page they reach. It stands in the margin at
 * change-bar-offset from the reference area's edge: the region body's for a flow, a cell's
 * inside a table. */
#include <string.h>

#include "layout/layout_internal.h"

static lay_line_style bar_style(fo_kw kw)
{
    switch (kw) {
    case FO_KW_dotted: return LAY_STYLE_DOTTED;
    case FO_KW_dashed: return LAY_STYLE_DASHED;
    case FO_KW_double: return LAY_STYLE_DOUBLE;
    default: return LAY_STYLE_SOLID;
    }
}

static void begin_bar(lay_build *b, const fo_node *n, size_t item)
{
    lay_ctx *ctx = b->ctx;
    const fo_props *p = n->props;
    if (ctx->ncbars == (int)(sizeof ctx->cbars / sizeof *ctx->cbars))
        return; /* nested deeper than any document does */
    double w = p->change_bar_width.abs, off = fo_len_resolve(p->change_bar_offset, b->ref_w);
    bool visible = p->change_bar_style != FO_KW_none && p->change_bar_style != FO_KW_hidden &&
                   w > 0;
    fo_kw place = p->change_bar_placement;
    /* lr-tb, one-sided: inside and alternate stand on the start side, outside on the end */
    bool end_side = place == FO_KW_end || place == FO_KW_right || place == FO_KW_outside;
    lay_decor d = {.first = item, .last = item};
    d.x = end_side ? (b->body_w > 0 ? b->body_w : b->ref_w) + off : -off - w;
    d.w = w;
    if (visible) {
        d.bw[2] = w;
        d.bc[2] = lay_color_of(fo_is_specified(n, FO_PROP_change_bar_color) ? p->change_bar_color
                                                                             : p->color);
        d.bs[2] = bar_style(p->change_bar_style);
    }
    long k = lay_galley_decor(b->g, d);
    ctx->cbars[ctx->ncbars].cls = p->change_bar_class;
    ctx->cbars[ctx->ncbars].g = b->g;
    ctx->cbars[ctx->ncbars].decor = k;
    ctx->ncbars++;
}

/* Ends open bar i at item `last`; a bar over no item is made invisible. */
static void end_bar(lay_ctx *ctx, int i, size_t last)
{
    lay_galley *g = (lay_galley *)ctx->cbars[i].g;
    size_t k = (size_t)ctx->cbars[i].decor;
    lay_decor *d = k < g->ndecor ? &g->decor[k] : NULL; /* none: dropped by a re-layout */
    if (d && (g->n == 0 || d->first >= g->n || last < d->first)) {
        if (k == g->ndecor - 1)
            g->ndecor--;
        else {
            memset(d->bw, 0, sizeof d->bw);
            d->last = d->first;
        }
    } else if (d) {
        d->last = last < g->n ? last : g->n - 1;
    }
    ctx->ncbars--;
    memmove(&ctx->cbars[i], &ctx->cbars[i + 1], sizeof ctx->cbars[0] * (size_t)(ctx->ncbars - i));
}

void lay_change_bar(lay_build *b, const fo_node *n, bool end, size_t item)
{
    if (b->measure || b->page)
        return; /* content measured for a width; static content has no bars */
    if (!end) {
        begin_bar(b, n, item);
        return;
    }
    const char *cls = n->props->change_bar_class;
    int other = -1;
    for (int i = b->ctx->ncbars; i-- > 0;) {
        if (!cls || !b->ctx->cbars[i].cls || strcmp(b->ctx->cbars[i].cls, cls) != 0)
            continue;
        if (b->ctx->cbars[i].g == b->g) {
            end_bar(b->ctx, i, item);
            return;
        }
        if (other < 0)
            other = i;
    }
    /* begun inside a cell or container, ended after it: the bar reaches its end */
    if (other >= 0) {
        const lay_galley *g = b->ctx->cbars[other].g;
        end_bar(b->ctx, other, g->n ? g->n - 1 : 0);
    }
}

void lay_change_bars_close(lay_build *b)
{
    for (int i = b->ctx->ncbars; i-- > 0;)
        if (b->ctx->cbars[i].g == b->g)
            end_bar(b->ctx, i, b->g->n ? b->g->n - 1 : 0);
}
