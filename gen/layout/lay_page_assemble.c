/* A page's boxes: its regions' backgrounds, its static content laid out for the page (its
 * number, its markers), the body's items with their decorations (borders and backgrounds
 * of blocks cut by the page's edges), floats, footnotes and named destinations. The page's
 * breaks and master are decided before (lay_page.c). */
#include <string.h>

#include "layout/lay_columns.h"
#include "layout/lay_seq.h"

#define TELL_ITEM(as, k, part, pos, dx, dy)                                                 \
    do {                                                                                     \
        if ((as)->on_item)                                                                   \
            (as)->on_item((as)->on_item_ud, (as)->page, (k), (part), (pos), (dx), (dy));     \
    } while (0)

static void region_background(lay_boxv *out, arena *a, const fo_node *r, double x, double y,
                              double w, double h)
{
    if (!r || r->props->background_color.a <= 0)
        return;
    lay_box *b = lay_boxv_push(out, a, LAY_RECT);
    b->x = x, b->y = y, b->w = w, b->h = h;
    b->u.rect.color = lay_color_of(r->props->background_color);
}

static const fo_node *static_for(const fo_node *ps, const char *name)
{
    for (const fo_node *c = ps->first_child; c; c = c->next_sibling)
        if (c->kind == FO_STATIC_CONTENT && c->props->flow_name &&
            strcmp(c->props->flow_name, name) == 0)
            return c;
    return NULL;
}

void lay_static_place(lay_ctx *ctx, arena *a, const fo_node *sc, const fo_node *region,
                      const lay_pageinfo *info, lay_boxv *out, double x, double y, double w,
                      double h)
{
    lay_galley g;
    lay_galley_init(&g, a);
    lay_build b = {.ctx = ctx, .a = a, .g = &g, .ref_w = w, .body_w = w, .page = info};
    /* its elements are artifacts (below): they take no place in the structure order, so
     * that the flow's elements get the same order whenever static content is laid out
     * (a page remade from the spool), in every pass */
    unsigned long snode_seq = ctx->snode_seq;
    lay_blocks(&b, sc);
    ctx->snode_seq = snode_seq;
    /* ids in static content are on every page showing it: the first one counts for
     * citations (no named destination: it would not be unique) */
    for (size_t i = 0; i < g.nids; i++)
        if (g.ids[i].id[0] != '\x01')
            lay_ctx_id_place(ctx, g.ids[i].id, info->number, info->label, info->number,
                             info->label);
    double ch = lay_galley_height(&g), off = 0;
    fo_kw da = region ? region->props->display_align : FO_KW_auto;
    if (da == FO_KW_center)
        off = (h - ch) / 2;
    else if (da == FO_KW_after)
        off = h - ch;
    size_t first = out->n;
    lay_galley_stack(&g, out, a, x, y + off);
    lay_boxv_artifacts(out, first, true);
}

static void place_decor(assembler *as, lay_boxv *out, const lay_geometry *geo, double x,
                        const lay_pbreak *pb, const double *ys)
{
    const lay_galley *g = as->g;
    size_t s = pb->start, e = pb->end;
    /* newly started decorations join the running ones, in start order */
    while (as->next_decor < g->ndecor && g->decor[as->next_decor].first < e)
        as->active[as->nactive++] = as->next_decor++;
    size_t keep = 0;
    for (size_t k = 0; k < as->nactive; k++) {
        const lay_decor *d = &g->decor[as->active[k]];
        if (d->last < s)
            continue;
        size_t first = d->first > s ? d->first : s;
        size_t last = d->last < e ? d->last : e - 1;
        double top = ys[first - s], bottom = ys[last - s] + g->pi[last].height;
        lay_decor_emit(d, out, as->a, x, geo->body_y + top, geo->body_y + bottom,
                       d->first >= s && !d->continued, d->last < e);
        if (d->last >= e)
            as->active[keep++] = as->active[k];
    }
    as->nactive = keep;
}

/* Decorations of a page's items, column by column on a page of columns. */
static void place_decors(assembler *as, lay_boxv *out, const lay_geometry *geo,
                         const lay_pbreak *pb, const double *ys)
{
    if (!pb->slots) {
        place_decor(as, out, geo, geo->body_x, pb, ys);
        return;
    }
    for (size_t k = 0; k < pb->nslots; k++) {
        const lay_colslot *sl = &pb->slots[k];
        lay_pbreak part = {.start = sl->start, .end = sl->end};
        place_decor(as, out, geo, geo->body_x + sl->x, &part, ys + (sl->start - pb->start));
    }
}

/* xs: the items' x in the body when the page has columns (pb->slots), else unused. */
static void place_body(assembler *as, lay_boxv *out, const lay_geometry *geo,
                       const lay_pbreak *pb, double *xs, double *ys)
{
    const lay_galley *g = as->g;
    double y = 0;
    const lay_table_rep *head = pb->header_table ? g->tables[pb->header_table - 1] : NULL;
    if (head && pb->end > pb->start && g->ic[pb->start].header_variant)
        head = &head->variants[g->ic[pb->start].header_variant - 1];
    const lay_table_rep *foot = pb->footer_table ? g->tables[pb->footer_table - 1] : NULL;
    if (foot && pb->end > pb->start && g->ic[pb->end - 1].footer_variant)
        foot = &foot->fvariants[g->ic[pb->end - 1].footer_variant - 1];
    if (head)
        y = head->header_h;
    for (size_t k = pb->start; k < pb->end && !pb->slots; k++) {
        if (k > pb->start || !g->pi[k].discard)
            y += g->pi[k].space;
        ys[k - pb->start] = y;
        y += g->pi[k].height;
    }
    if (pb->slots)
        lay_columns_place(pb, g->pi, xs, ys);
#define ITEM_X(k) (geo->body_x + (pb->slots ? xs[(k) - pb->start] : 0))
    if (pb->end > pb->start)
        place_decors(as, out, geo, pb, ys);
    /* underlays (table backgrounds) of the whole page first, then the rest */
    /* repeated table headers and footers are pagination artifacts: the table element
     * holds them once, where they first appear */
    double fy0 = geo->body_y + y;
    size_t rep0 = out->n;
    if (head)
        lay_boxv_append(out, as->a, head->header, head->nheader_under, geo->body_x, geo->body_y);
    lay_boxv_artifacts(out, rep0, true);
    for (size_t k = pb->start; k < pb->end; k++) {
        TELL_ITEM(as, k, LAY_PART_UNDER, out->n, ITEM_X(k), geo->body_y + ys[k - pb->start]);
        lay_boxv_append(out, as->a, lay_boxes_at(g->boxes.v, g->ic[k].first), g->ic[k].under,
                        ITEM_X(k), geo->body_y + ys[k - pb->start]);
    }
    rep0 = out->n;
    if (foot)
        lay_boxv_append(out, as->a, foot->footer, foot->nfooter_under, geo->body_x, fy0);
    if (head)
        lay_boxv_append(out, as->a, lay_boxes_at(head->header, head->nheader_under),
                        head->nheader - head->nheader_under, geo->body_x, geo->body_y);
    lay_boxv_artifacts(out, rep0, true);
    double fn = 0;
    for (size_t k = pb->start; k < pb->end; k++) {
        size_t n;
        const lay_box *bx = lay_galley_item_boxes(g, k, &n);
        double iy = geo->body_y + ys[k - pb->start];
        TELL_ITEM(as, k, LAY_PART_MAIN, out->n, ITEM_X(k), iy);
        lay_boxv_append(out, as->a, lay_boxes_at(bx, g->ic[k].under), n - g->ic[k].under,
                        ITEM_X(k), iy);
        if (g->extra && g->extra[k].n)
            lay_boxv_append(out, as->a, g->extra[k].v, g->extra[k].n, ITEM_X(k), iy);
        fn += g->pi[k].footnote_h;
    }
    rep0 = out->n;
    if (foot)
        lay_boxv_append(out, as->a, lay_boxes_at(foot->footer, foot->nfooter_under),
                        foot->nfooter - foot->nfooter_under, geo->body_x, fy0);
    lay_boxv_artifacts(out, rep0, true);
    if (fn > 0) {
        double fy = geo->body_y + geo->body_h - fn;
        for (size_t k = pb->start; k < pb->end; k++) {
            if (!g->fnotes || !g->fnotes[k].n)
                continue;
            TELL_ITEM(as, k, LAY_PART_FOOTNOTES, out->n, geo->body_x, fy);
            lay_boxv_append(out, as->a, g->fnotes[k].v, g->fnotes[k].n, geo->body_x, fy);
            fy += g->pi[k].footnote_h;
        }
    }
#undef ITEM_X
}

/* Named destinations of the ids whose first item is on page i. */
static void seq_page_dests(seq_layout *s, seq_assembly *sa, size_t i, const lay_geometry *geo,
                           lay_boxv *out)
{
    const lay_galley *g = &s->g;
    const lay_pbreak *pb = &s->pb[i];
    for (; sa->idk < g->nids && g->ids[sa->idk].first < pb->end; sa->idk++) {
        const lay_idrec *r = &g->ids[sa->idk];
        if (r->first < pb->start || r->id[0] == '\x01')
            continue;
        lay_box *d = lay_boxv_push(out, sa->as.a, LAY_DEST);
        d->x = geo->body_x + r->x + (pb->slots ? sa->xs[r->first - pb->start] : 0);
        d->y = geo->body_y + sa->ys[r->first - pb->start];
        d->u.link.dest = r->id;
    }
}

/* Page i: its master's geometry, region backgrounds, static content, body, destinations. */
void lay_seq_assemble_page(seq_layout *s, seq_assembly *sa, size_t i, lay_page *pg, bool last)
{
    const lay_pbreak *pb = &s->pb[i];
    size_t abs = s->made + i;
    lay_geometry geo;
    if (abs < s->lead) {
        lay_master_state tmp = {0}; /* a page between sequences: not the first */
        lay_seq_geometry(&s->pk, &tmp, 1, pg->number, false, true, &geo);
    } else {
        lay_seq_geometry(&s->pk, &sa->st, abs - s->lead, pg->number, last, pb->blank, &geo);
    }
    pg->width = geo.width;
    pg->height = geo.height;
    lay_boxv out = {0};
    arena *pa = sa->as.a;
    double bx, by, bw, bh;
    lay_geometry_body_rect(&geo, &bx, &by, &bw, &bh);
    region_background(&out, pa, geo.body, bx, by, bw, bh);
    for (int r = 0; r < 4; r++)
        if (geo.has_region[r])
            region_background(&out, pa, geo.region[r], geo.rx[r], geo.ry[r], geo.rw[r],
                              geo.rh[r]);
    lay_pageinfo info = {pg->number, pg->label, &s->g, pb->start, pb->end, NULL, 0};
    lay_page_statics st = {.ps = s->ps, .info = &info, .static_from = out.n,
                           .cite_from = lay_ctx_cite_mark(s->ctx)};
    for (int r = 0; r < 4; r++) {
        const fo_node *sc = geo.has_region[r] ? static_for(s->ps, geo.region_name[r]) : NULL;
        if (!sc)
            continue;
        lay_static_place(s->ctx, pa, sc, geo.region[r], &info, &out, geo.rx[r], geo.ry[r],
                         geo.rw[r], geo.rh[r]);
        st.regions[st.nregions++] = (lay_static_region){sc, geo.region[r], geo.rx[r], geo.ry[r],
                                                        geo.rw[r], geo.rh[r]};
    }
    st.static_to = out.n;
    st.cite_to = lay_ctx_cite_mark(s->ctx);
    if (s->on_page)
        s->on_page(s->on_page_ud, i, &st);
    if (!pb->blank) {
        size_t body_boxes = out.n;
        sa->as.on_item = geo.body_turn ? NULL : s->on_item;
        sa->as.on_item_ud = s->on_item_ud;
        sa->as.page = i;
        /* the before-floats take the body's top, the flow what they leave */
        lay_geometry flow_geo = geo;
        double top = lay_floats_place(s->ctx, pa, s->ps, &s->g, pb, &info, &out, geo.body_x,
                                      geo.body_y, geo.body_w);
        flow_geo.body_y += top;
        flow_geo.body_h -= top;
        place_body(&sa->as, &out, &flow_geo, pb, sa->xs, sa->ys);
        seq_page_dests(s, sa, i, &flow_geo, &out);
        if (out.n > body_boxes) /* out.v is NULL on an empty page */
            lay_geometry_turn_body(&geo, out.v + body_boxes, out.n - body_boxes);
    }
    pg->boxes = out.v;
    pg->nboxes = out.n;
}
