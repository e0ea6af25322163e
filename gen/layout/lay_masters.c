/* Page masters: page geometry of a simple-page-master and the choice of master for each
 * page of a page-sequence-master (XSL 1.1 § 6.4). */
#include <string.h>

#include "layout/lay_orient.h"

/* A margin of a master or region: the margin-* property when given, else the value the
 * FO stage mapped onto spaces and indents. side: 0 top, 1 bottom, 2 left, 3 right. */
static double margin(const fo_node *n, int side, double base)
{
    const fo_props *p = n->props;
    static const fo_prop_id ids[4] = {FO_PROP_margin_top, FO_PROP_margin_bottom,
                                      FO_PROP_margin_left, FO_PROP_margin_right};
    const fo_len m[4] = {p->margin_top, p->margin_bottom, p->margin_left, p->margin_right};
    if (fo_is_specified(n, ids[side]) && !fo_len_is_auto(m[side]))
        return fo_len_resolve(m[side], base);
    switch (side) {
    case 0: return fo_len_resolve(p->space_before.opt, base);
    case 1: return fo_len_resolve(p->space_after.opt, base);
    case 2: return fo_len_resolve(p->start_indent, base);
    default: return fo_len_resolve(p->end_indent, base);
    }
}

static const fo_node *child_of(const fo_node *n, fo_kind kind)
{
    for (const fo_node *c = n->first_child; c; c = c->next_sibling)
        if (c->kind == kind)
            return c;
    return NULL;
}

static const char *const default_names[4] = {"xsl-region-before", "xsl-region-after",
                                             "xsl-region-start", "xsl-region-end"};

void lay_master_geometry(const fo_node *spm, lay_geometry *g)
{
    memset(g, 0, sizeof *g);
    const fo_props *p = spm->props;
    g->width = fo_len_is_auto(p->page_width) ? 595.276 : fo_len_resolve(p->page_width, 0);
    g->height = fo_len_is_auto(p->page_height) ? 841.89 : fo_len_resolve(p->page_height, 0);
    double cx = margin(spm, 2, g->width), cy = margin(spm, 0, g->width);
    double cw = g->width - cx - margin(spm, 3, g->width);
    double ch = g->height - cy - margin(spm, 1, g->width);

    static const fo_kind kinds[4] = {FO_REGION_BEFORE, FO_REGION_AFTER, FO_REGION_START,
                                     FO_REGION_END};
    double ext[4] = {0};
    bool prec[4] = {0};
    for (int i = 0; i < 4; i++) {
        const fo_node *r = child_of(spm, kinds[i]);
        g->region[i] = r;
        g->has_region[i] = r != NULL;
        g->region_name[i] = default_names[i];
        if (!r)
            continue;
        ext[i] = fo_len_resolve(r->props->extent, i < 2 ? ch : cw);
        prec[i] = r->props->precedence == FO_KW_true;
        if (r->props->region_name && *r->props->region_name)
            g->region_name[i] = r->props->region_name;
    }
    /* before/after span the full width only with precedence; start/end take the rest. */
    for (int i = 0; i < 2; i++) {
        g->rx[i] = cx + (prec[i] ? 0 : ext[2]);
        g->rw[i] = cw - (prec[i] ? 0 : ext[2] + ext[3]);
        g->rh[i] = ext[i];
        g->ry[i] = i == 0 ? cy : cy + ch - ext[1];
    }
    for (int i = 2; i < 4; i++) {
        double top = prec[0] ? ext[0] : 0, bottom = prec[1] ? ext[1] : 0;
        g->ry[i] = cy + top;
        g->rh[i] = ch - top - bottom;
        g->rw[i] = ext[i];
        g->rx[i] = i == 2 ? cx : cx + cw - ext[3];
    }
    const fo_node *body = child_of(spm, FO_REGION_BODY);
    g->body = body;
    g->body_name = "xsl-region-body";
    g->body_x = cx;
    g->body_y = cy;
    g->body_w = cw;
    g->body_h = ch;
    if (body) {
        if (body->props->region_name && *body->props->region_name)
            g->body_name = body->props->region_name;
        double l = margin(body, 2, cw), r = margin(body, 3, cw);
        double t = margin(body, 0, cw), b = margin(body, 1, cw);
        g->body_x += l;
        g->body_y += t;
        g->body_w -= l + r;
        g->body_h -= t + b;
    }
    g->columns = 1;
    if (body && body->props->column_count > 1) {
        g->columns = body->props->column_count;
        g->column_gap = fo_len_resolve(body->props->column_gap, g->body_w);
    }
    if (g->body_w < 1)
        g->body_w = 1;
    if (g->body_h < 1)
        g->body_h = 1;
    /* a region-body turned a quarter: its lines run along the page's height */
    g->body_turn = body ? lay_orient_quarters(body) : 0;
    if (g->body_turn % 2) {
        double w = g->body_w;
        g->body_w = g->body_h;
        g->body_h = w;
    }
}

void lay_geometry_body_rect(const lay_geometry *g, double *x, double *y, double *w, double *h)
{
    bool swapped = g->body_turn % 2;
    *x = g->body_x;
    *y = g->body_y;
    *w = swapped ? g->body_h : g->body_w;
    *h = swapped ? g->body_w : g->body_h;
}

void lay_geometry_turn_body(const lay_geometry *g, lay_box *v, size_t n)
{
    if (g->body_turn)
        lay_boxes_turn_at(v, n, g->body_turn, g->body_x, g->body_y, g->body_w, g->body_h);
}

/* ---- page-sequence-master ------------------------------------------------------------------ */

static bool condition_holds(const fo_props *p, bool first, bool last, bool odd, bool blank)
{
    switch (p->page_position) {
    case FO_KW_first: if (!first) return false; break;
    case FO_KW_last: if (!last) return false; break;
    case FO_KW_rest: if (first || last) return false; break;
    case FO_KW_only: if (!first || !last) return false; break;
    default: break;
    }
    if (p->odd_or_even == FO_KW_odd && !odd)
        return false;
    if (p->odd_or_even == FO_KW_even && odd)
        return false;
    if (p->blank_or_not_blank == FO_KW_blank && !blank)
        return false;
    if (p->blank_or_not_blank == FO_KW_not_blank && blank)
        return false;
    return true;
}

static const char *alternative(const fo_node *alts, bool first, bool last, bool odd, bool blank)
{
    for (const fo_node *c = alts->first_child; c; c = c->next_sibling)
        if (c->kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE &&
            condition_holds(c->props, first, last, odd, blank))
            return c->props->master_reference;
    return NULL;
}

const char *lay_master_pick(const fo_node *psm, lay_master_state *st, bool first, bool last,
                            bool odd, bool blank)
{
    int i = 0;
    const fo_node *c = psm->first_child;
    for (; c && i < st->index; c = c->next_sibling)
        i++;
    for (; c; c = c->next_sibling, st->index++, st->repeats = 0) {
        int max = c->kind == FO_SINGLE_PAGE_MASTER_REFERENCE ? 1 : c->props->maximum_repeats;
        if (max > 0 && st->repeats >= max)
            continue;
        const char *name = NULL;
        if (c->kind == FO_SINGLE_PAGE_MASTER_REFERENCE ||
            c->kind == FO_REPEATABLE_PAGE_MASTER_REFERENCE)
            name = c->props->master_reference;
        else if (c->kind == FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES)
            name = alternative(c, first, last, odd, blank);
        else
            continue;
        if (!name)
            continue; /* no alternative fits: XSL says that is an error; try the next */
        st->repeats++;
        return name;
    }
    return NULL;
}
