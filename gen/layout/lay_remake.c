/* Pages made before the numbers they cite are known.
 *
 * A page whose static content cites a page not laid out yet ("page n / N" citing the
 * document's last page) is made at once with a placeholder, so that its sequence's
 * layout can be freed (the renderer spools the page); the page keeps a recipe: its number,
 * label, regions, the static contents (copied once per sequence) and the markers they
 * retrieved (copied). Once the numbers are known its static content is laid out again
 * and takes the place of the old one; the body is untouched: static content never moves
 * the flow.
 *
 * A flow's block whose forward citations showed a placeholder (a table of contents at the
 * front) is kept as what relay_block (lay_relayout.c) needs: its FO subtree copied, the
 * galley's state before it, its old items' decision data, and where each item's boxes went
 * on which page. Once the numbers are known it is laid out again alone; when its items
 * break alike, the new boxes are patched into its pages (spliced in when a line holds
 * another count of boxes), else the document takes another pass
 * (lay_ctx_must_redo_from_page, and lay_remake_page returns false for the page), which
 * knows every number. The page window keeps such blocks
 * as it makes their pages (a table of contents at the front), before the rest of the flow
 * is laid out: they wait until their ids have a value of this pass. */
#include <stdlib.h>
#include <string.h>

#include "layout/layout_internal.h"
#include "util/grow.h"

/* The counts of an item's boxes, which the block laid out again must keep. */
typedef struct {
    size_t nboxes, under, nextra, nfn;
    int hvar, fvar;
} item_counts;

typedef enum { BLOCK_WAITING, BLOCK_UNCHANGED, BLOCK_PATCHED, BLOCK_BROKEN } block_state;

/* A flow block whose citations waited when its pages were made. */
typedef struct {
    lay_ctx *ctx;
    arena *a;
    fo_node *child; /* a copy */
    lay_flow_block fb; /* fb.b: the build's fields copied below, not the sequence's */
    lay_build b;
    size_t n;         /* its items */
    lay_pitem *pi;    /* theirs as first laid out */
    item_counts *old;
    size_t placed;    /* of its items, those whose boxes were told where they went */
    block_state state;
    bool window;      /* kept by the page window: waits for values of this pass */
    lay_galley g;     /* laid out again */
} flow_block;

typedef struct {
    flow_block *fb;
    size_t item; /* in the block */
    lay_item_part part;
    size_t pos;
    double dx, dy;
} item_patch;

struct lay_remake {
    lay_ctx *ctx;
    bool statics;                  /* its static content waits */
    bool window;                   /* made by the page window: its citations superseded */
    item_patch *patches;           /* its boxes of waiting flow blocks */
    size_t npatches, cappatches;
    size_t cite_from, cite_to;     /* what the provisional static content cited */
    size_t static_from, static_to; /* its boxes in the page */
    int number;
    const char *label;
    lay_static_region regions[4]; /* sc: copies */
    int nregions;
    lay_markfound *found;
    size_t nfound;
};

/* Per sequence: its static contents copied, and the markers copied so far. */
typedef struct {
    lay_ctx *ctx;
    arena *keep;
    fo_node *ps; /* the page-sequence with its static contents only */
    /* Markers copied, by their address: good for one batch of pages only. Past it the
     * window's chunks go with the pages painted, and a new marker may take a freed one's
     * address (cleared by remaker_batch). */
    struct marker_copy {
        const fo_node *src, *copy;
    } *markers;
    size_t nmarkers, capmarkers;
    lay_remake **out; /* the batch being made */
    size_t from;      /* its first page */
    flow_block **blocks; /* waiting, in item order, their items counted from the flow's start */
    size_t nblocks, capblocks;
    size_t item_base; /* the flow's item that is the galley's item 0 (the window drops items) */
    fo_copy_pool *pool; /* the blocks' property structs, shared */
    const fo_node *parent, *parent_copy; /* the blocks' parent (the flow) and its copy */
    bool window;  /* the page window's batch is being made */
    bool started; /* lay_seq_pages_now took over: its flow's waiting blocks kept */
} remaker;

static bool is_static(const fo_node *n)
{
    return n->kind == FO_STATIC_CONTENT;
}

static const fo_node *copy_of_static(remaker *rm, const fo_node *ps, const fo_node *sc)
{
    if (!rm->ps)
        rm->ps = fo_node_copy(ps, is_static, rm->keep);
    for (const fo_node *c = rm->ps->first_child; c; c = c->next_sibling)
        if (c->props->flow_name && sc->props->flow_name &&
            strcmp(c->props->flow_name, sc->props->flow_name) == 0)
            return c;
    return NULL;
}

static const fo_node *copy_of_marker(remaker *rm, const fo_node *m)
{
    for (size_t i = rm->nmarkers; i-- > 0;) /* the latest first: pages follow each other */
        if (rm->markers[i].src == m)
            return rm->markers[i].copy;
    GROW_ARENA(rm->keep, rm->markers, rm->nmarkers, rm->capmarkers, 1, 16);
    const fo_node *copy = fo_node_copy(m, NULL, rm->keep);
    rm->markers[rm->nmarkers++] = (struct marker_copy){m, copy};
    return copy;
}

static bool found_has(const lay_remake *r, const char *cls, fo_kw position)
{
    for (size_t i = 0; i < r->nfound; i++)
        if (r->found[i].position == position && strcmp(r->found[i].cls, cls) == 0)
            return true;
    return false;
}

/* The markers the retrieve-markers under `n` find for the page, copied into the recipe. */
static void find_markers(remaker *rm, lay_remake *r, const fo_node *n, const lay_pageinfo *info,
                         size_t *cap)
{
    for (const fo_node *c = n->first_child; c; c = c->next_sibling) {
        const char *cls = c->props->retrieve_class_name;
        if (c->kind == FO_RETRIEVE_MARKER && cls && *cls &&
            !found_has(r, cls, c->props->retrieve_position)) {
            const fo_node *m = lay_marker_find(info, cls, c->props->retrieve_position);
            if (m) {
                GROW_ARENA(rm->keep, r->found, r->nfound, *cap, 1, 4);
                r->found[r->nfound++] = (lay_markfound){arena_strdup(rm->keep, cls),
                                                        c->props->retrieve_position,
                                                        copy_of_marker(rm, m)};
            }
        }
        find_markers(rm, r, c, info, cap);
    }
}

static void on_page(void *ud, size_t i, const lay_page_statics *st)
{
    remaker *rm = ud;
    lay_remake **slot = &rm->out[i - rm->from];
    *slot = NULL;
    if (!lay_ctx_cites_waiting(rm->ctx, st->cite_from, st->cite_to))
        return;
    lay_remake *r = ARENA_NEW(rm->keep, lay_remake);
    *r = (lay_remake){.ctx = rm->ctx, .statics = true, .window = rm->window,
                      .cite_from = st->cite_from, .cite_to = st->cite_to,
                      .static_from = st->static_from, .static_to = st->static_to,
                      .number = st->info->number,
                      .label = arena_strdup(rm->keep, st->info->label)};
    size_t cap = 0;
    for (int k = 0; k < st->nregions; k++) {
        const fo_node *sc = copy_of_static(rm, st->ps, st->regions[k].sc);
        if (!sc)
            continue;
        r->regions[r->nregions] = st->regions[k];
        r->regions[r->nregions++].sc = sc;
        find_markers(rm, r, st->regions[k].sc, st->info, &cap);
    }
    *slot = r;
}

/* ---- flow blocks ----------------------------------------------------------------------- */

static const lay_snode *copy_snode(arena *a, const lay_snode *sn)
{
    if (!sn)
        return NULL;
    lay_snode *c = ARENA_NEW(a, lay_snode);
    *c = *sn;
    c->parent = copy_snode(a, sn->parent);
    c->type = arena_strdup(a, sn->type);
    c->lang = arena_strdup(a, sn->lang);
    c->alt = arena_strdup(a, sn->alt);
    c->scope = arena_strdup(a, sn->scope);
    c->text = arena_strdup(a, sn->text);
    return c;
}

static bool no_child(const fo_node *c)
{
    (void)c;
    return false;
}

static flow_block *keep_block(remaker *rm, const lay_flow_block *v)
{
    arena *a = rm->keep;
    const lay_build *b = v->b;
    const lay_galley *g = b->g;
    flow_block *fb = ARENA_NEW(a, flow_block);
    *fb = (flow_block){.ctx = rm->ctx, .a = a, .fb = *v, .n = v->item_to - v->item_from};
    fb->fb.b = NULL;
    if (!rm->pool)
        rm->pool = fo_copy_pool_new(a);
    fb->child = fo_node_copy_pooled(v->child, NULL, a, rm->pool);
    /* its parent's keep-together counts (lay_frame_close): the flow, copied once */
    if (v->child->parent && v->child->parent != rm->parent) {
        rm->parent = v->child->parent;
        rm->parent_copy = fo_node_copy_pooled(rm->parent, no_child, a, rm->pool);
    }
    if (v->child->parent)
        fb->child->parent = (fo_node *)rm->parent_copy;
    fb->b = (lay_build){.ctx = rm->ctx, .a = a, .ref_w = v->ref_w, .body_w = v->body_w,
                        .page_h = b->page_h, .float_sep_h = b->float_sep_h,
                        .before_in_place = b->before_in_place, .sn = copy_snode(a, b->sn)};
    fb->fb.item_from += rm->item_base;
    fb->fb.item_to += rm->item_base;
    fb->pi = ARENA_NEW_ARRAY(a, lay_pitem, fb->n + 1);
    fb->old = ARENA_NEW_ARRAY(a, item_counts, fb->n + 1);
    for (size_t k = 0; k < fb->n; k++) {
        size_t i = v->item_from + k;
        fb->pi[k] = g->pi[i];
        lay_galley_item_boxes(g, i, &fb->old[k].nboxes);
        fb->old[k].under = g->ic[i].under;
        fb->old[k].hvar = g->ic[i].header_variant;
        fb->old[k].fvar = g->ic[i].footer_variant;
        fb->old[k].nextra = g->extra ? g->extra[i].n : 0;
        fb->old[k].nfn = g->fnotes ? g->fnotes[i].n : 0;
    }
    return fb;
}

/* The waiting block holding item `item` of the flow, or NULL. */
static flow_block *block_of(const remaker *rm, size_t item)
{
    size_t lo = 0, hi = rm->nblocks;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (rm->blocks[mid]->fb.item_to <= item)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < rm->nblocks && rm->blocks[lo]->fb.item_from <= item ? rm->blocks[lo] : NULL;
}

static void on_item(void *ud, size_t page, size_t item, lay_item_part part, size_t pos,
                    double dx, double dy)
{
    remaker *rm = ud;
    item += rm->item_base;
    flow_block *fb = block_of(rm, item);
    if (!fb)
        return;
    lay_remake **slot = &rm->out[page - rm->from];
    if (!*slot) {
        *slot = ARENA_NEW(rm->keep, lay_remake);
        **slot = (lay_remake){.ctx = rm->ctx};
    }
    lay_remake *r = *slot;
    GROW_ARENA(rm->keep, r->patches, r->npatches, r->cappatches, 1, 8);
    r->patches[r->npatches++] = (item_patch){fb, item - fb->fb.item_from, part, pos, dx, dy};
    if (part == LAY_PART_MAIN)
        fb->placed++;
}

/* Whether item k of the block laid out again breaks into pages as item k did (relay_block's
 * items_alike): same height, gaps, keeps, table parts and footnotes. Its lines may hold
 * other boxes (a word moved to the next line, a run split otherwise): they replace the old
 * ones wholesale (lay_remake_page); only the underlays and footnotes keep their counts. */
static bool item_alike(const flow_block *fb, size_t k)
{
    const lay_pitem *x = &fb->pi[k], *y = &fb->g.pi[k];
    if (x->height != y->height || x->space != y->space || x->discard != y->discard ||
        x->keep != y->keep || x->brk != y->brk || (x->table == 0) != (y->table == 0) ||
        x->header_h != y->header_h || x->footer_h != y->footer_h ||
        x->footnote_h != y->footnote_h || x->header_h > 0 || x->footer_h > 0)
        return false;
    const item_counts *o = &fb->old[k];
    return fb->g.ic[k].under == o->under && fb->g.ic[k].header_variant == o->hvar &&
           fb->g.ic[k].footer_variant == o->fvar &&
           (fb->g.fnotes ? fb->g.fnotes[k].n : 0) == o->nfn;
}

/* The block laid out again alone, from the galley's state before it, now that the numbers
 * it cites are known. When it breaks otherwise the document takes another pass. */
static void relay(flow_block *fb)
{
    lay_ctx *ctx = fb->ctx;
    if (!lay_ctx_cites_changed(ctx, fb->fb.cite_from, fb->fb.cite_to)) {
        /* it showed the numbers known now (the previous pass's): it stands as laid out,
         * and a block that can't be patched doesn't take the document through again */
        fb->state = BLOCK_UNCHANGED;
        return;
    }
    lay_galley_init(&fb->g, fb->a);
    const lay_galley_mark *m = &fb->fb.m;
    fb->g.pend_space = m->pend_space;
    fb->g.pend_discard = m->pend_discard;
    fb->g.pend_any = m->pend_any;
    fb->g.pend_keep = m->pend_keep;
    fb->g.pend_brk = m->pend_brk;
    fb->g.cur_table = m->cur_table;
    lay_build b = fb->b;
    b.g = &fb->g;
    b.wide_g = &fb->g;
    b.wide_at = fb->fb.wide_at;
    b.wide_dw = fb->fb.wide_dw;
    unsigned long snode_seq = ctx->snode_seq;
    int anon_seq = ctx->anon_seq;
    ctx->snode_seq = fb->fb.snode_seq;
    ctx->anon_seq = fb->fb.anon_seq;
    size_t cite0 = lay_ctx_cite_mark(ctx);
    lay_block_level(&b, fb->child);
    ctx->snode_seq = snode_seq;
    ctx->anon_seq = anon_seq;
    bool ok = fb->g.n == fb->n && fb->placed == fb->n;
    for (size_t k = 0; ok && k < fb->n; k++)
        ok = item_alike(fb, k);
    if (ok) {
        lay_ctx_cites_supersede(ctx, fb->fb.cite_from, fb->fb.cite_to);
        fb->state = BLOCK_PATCHED;
    } else {
        lay_ctx_cites_supersede(ctx, cite0, lay_ctx_cite_mark(ctx));
        lay_ctx_must_redo_from_page(ctx); /* lay_remake_page tells the page */
        fb->state = BLOCK_BROKEN;
    }
}

/* The boxes the patch's part of its item had on the page when it was made. */
static size_t old_count(const item_patch *p)
{
    const item_counts *o = &p->fb->old[p->item];
    switch (p->part) {
    case LAY_PART_UNDER:
        return o->under;
    case LAY_PART_MAIN:
        return o->nboxes - o->under + o->nextra;
    case LAY_PART_FOOTNOTES:
        return o->nfn;
    }
    return 0;
}

/* The new boxes of the patch's part of its item, in page order (the main boxes, then the
 * extra ones: list labels), as pieces of at most two. */
static size_t new_parts(const item_patch *p, const lay_box *src[2], size_t n[2])
{
    const lay_galley *g = &p->fb->g;
    size_t nb;
    const lay_box *v = lay_galley_item_boxes(g, p->item, &nb);
    size_t under = g->ic[p->item].under;
    src[1] = NULL, n[1] = 0;
    switch (p->part) {
    case LAY_PART_UNDER:
        src[0] = v, n[0] = under;
        break;
    case LAY_PART_MAIN:
        src[0] = lay_boxes_at(v, under), n[0] = nb - under;
        if (g->extra && g->extra[p->item].n)
            src[1] = g->extra[p->item].v, n[1] = g->extra[p->item].n;
        break;
    case LAY_PART_FOOTNOTES:
        src[0] = g->fnotes ? g->fnotes[p->item].v : NULL;
        n[0] = g->fnotes ? g->fnotes[p->item].n : 0;
        break;
    }
    return n[0] + n[1];
}

/* Writes the patch's new boxes, moved to their place on the page, at out[0, count). */
static void new_boxes(const item_patch *p, lay_box *out, size_t count)
{
    const lay_box *src[2];
    size_t n[2], k = 0;
    new_parts(p, src, n);
    for (int j = 0; j < 2; j++)
        for (size_t i = 0; i < n[j] && k < count; i++, k++) {
            lay_box *b = &out[k];
            *b = src[j][i];
            b->x += p->dx;
            b->y += p->dy;
            if (b->kind == LAY_IMAGE && b->u.image.clip && !b->rot) {
                b->u.image.clip_x += p->dx; /* the clip moves with its image */
                b->u.image.clip_y += p->dy;
            }
        }
}

static size_t new_count(const item_patch *p)
{
    const lay_box *src[2];
    size_t n[2];
    return new_parts(p, src, n);
}

/* Same count of boxes: the new ones take the old ones' places. */
static void patch(const item_patch *p, lay_page *pg)
{
    size_t n = new_count(p);
    if (p->pos + n > pg->nboxes)
        n = p->pos < pg->nboxes ? pg->nboxes - p->pos : 0;
    new_boxes(p, pg->boxes + p->pos, n);
}

static int cmp_patch_pos(const void *x, const void *y)
{
    const item_patch *a = *(const item_patch *const *)x, *b = *(const item_patch *const *)y;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* Some patched lines hold another count of boxes than before: the page's box array made
 * again (in `a`), each patched part's old boxes replaced wholesale by its new ones. The
 * static content comes before the body (lay_seq_assemble_page), so its range stays. */
static void splice(const lay_remake *r, lay_page *pg, arena *a)
{
    const item_patch **v = ARENA_NEW_ARRAY(a, const item_patch *, r->npatches + 1);
    size_t n = 0;
    for (size_t i = 0; i < r->npatches; i++)
        if (r->patches[i].fb->state == BLOCK_PATCHED)
            v[n++] = &r->patches[i];
    qsort(v, n, sizeof *v, cmp_patch_pos);
    size_t total = pg->nboxes;
    for (size_t i = 0; i < n; i++)
        total = total - old_count(v[i]) + new_count(v[i]);
    lay_box *out = ARENA_NEW_ARRAY(a, lay_box, total + 1);
    size_t at = 0, from = 0;
    for (size_t i = 0; i < n && v[i]->pos <= pg->nboxes; i++) {
        size_t pos = v[i]->pos < from ? from : v[i]->pos, old = old_count(v[i]);
        memcpy(out + at, lay_boxes_at(pg->boxes, from), (pos - from) * sizeof *out);
        at += pos - from;
        size_t nn = new_count(v[i]);
        new_boxes(v[i], out + at, nn);
        at += nn;
        from = pos + old < pg->nboxes ? pos + old : pg->nboxes;
    }
    memcpy(out + at, lay_boxes_at(pg->boxes, from), (pg->nboxes - from) * sizeof *out);
    at += pg->nboxes - from;
    pg->boxes = out;
    pg->nboxes = at;
}

static bool block_waits(const flow_block *fb)
{
    if (fb->state != BLOCK_WAITING)
        return false;
    return fb->window ? lay_ctx_cites_unknown(fb->ctx, fb->fb.cite_from, fb->fb.cite_to)
                      : lay_ctx_cites_waiting(fb->ctx, fb->fb.cite_from, fb->fb.cite_to);
}

bool lay_seq_patchable(lay_seq *s)
{
    lay_seq_settle(s);
    arena *tmp = arena_new();
    lay_flow_block *v;
    size_t n;
    bool ok = lay_seq_waiting_blocks(s, tmp, &v, &n);
    arena_destroy(tmp);
    return ok;
}

/* The sequence's remaker, made on first need (the page window's first batch, or
 * lay_seq_pages_now). */
static remaker *remaker_of(lay_seq *s, arena *keep)
{
    remaker *rm = lay_seq_page_hook_ud(s);
    if (!rm) {
        rm = ARENA_NEW(keep, remaker);
        *rm = (remaker){.ctx = lay_seq_ctx(s), .keep = keep};
        lay_seq_page_hook_set(s, on_page, rm);
    }
    return rm;
}

/* Keeps the blocks v[0, n) (after those kept already, in item order) and has the sequence
 * tell where their items go. */
static void keep_blocks(remaker *rm, lay_seq *s, const lay_flow_block *v, size_t n, bool window)
{
    for (size_t k = 0; k < n; k++) {
        GROW_ARENA(rm->keep, rm->blocks, rm->nblocks, rm->capblocks, 1, 8);
        flow_block *fb = keep_block(rm, &v[k]);
        fb->window = window;
        rm->blocks[rm->nblocks++] = fb;
    }
    if (rm->nblocks)
        lay_seq_item_hook_set(s, on_item, rm);
}

/* A new batch of pages: the markers of the last one may be gone. */
static void remaker_batch(remaker *rm)
{
    rm->nmarkers = 0;
}

void lay_seq_remake_window(lay_seq *s, arena *keep, lay_remake **out, size_t base,
                           const lay_flow_block *blocks, size_t n)
{
    remaker *rm = remaker_of(s, keep);
    remaker_batch(rm);
    rm->window = true;
    rm->out = out;
    rm->from = 0;
    rm->item_base = base;
    keep_blocks(rm, s, blocks, n, true);
}

lay_pages lay_seq_pages_now(lay_seq *s, arena *pages_arena, size_t max, arena *keep,
                            lay_remake **remakes)
{
    remaker *rm = remaker_of(s, keep);
    remaker_batch(rm);
    rm->window = false;
    if (!rm->started) {
        rm->started = true;
        lay_seq_settle(s);
        arena *tmp = arena_new();
        lay_flow_block *v;
        size_t n;
        /* after the window's blocks, if any: their last items may be among these pages */
        rm->item_base = lay_seq_items_dropped(s);
        if (lay_seq_waiting_blocks(s, tmp, &v, &n))
            keep_blocks(rm, s, v, n, false);
        arena_destroy(tmp);
    }
    rm->out = remakes;
    rm->from = lay_seq_pages_made(s);
    return lay_seq_pages(s, pages_arena, max, NULL);
}

bool lay_remake_waits(const lay_remake *r)
{
    for (size_t i = 0; i < r->npatches; i++)
        if (block_waits(r->patches[i].fb))
            return true;
    if (!r->statics)
        return false;
    return r->window ? lay_ctx_cites_waiting_any(r->ctx, r->cite_from, r->cite_to)
                     : lay_ctx_cites_waiting(r->ctx, r->cite_from, r->cite_to);
}

bool lay_remake_page(const lay_remake *r, lay_page *pg, arena *a)
{
    /* the flow's blocks first: the static content's boxes come before the body's and may
     * change in number */
    bool same = true, final = true;
    for (size_t i = 0; i < r->npatches; i++) {
        flow_block *fb = r->patches[i].fb;
        if (fb->state == BLOCK_WAITING && !block_waits(fb))
            relay(fb);
        final = final && fb->state != BLOCK_BROKEN;
        if (fb->state == BLOCK_PATCHED)
            same = same && new_count(&r->patches[i]) == old_count(&r->patches[i]);
    }
    for (size_t i = 0; same && i < r->npatches; i++)
        if (r->patches[i].fb->state == BLOCK_PATCHED)
            patch(&r->patches[i], pg);
    if (!same)
        splice(r, pg, a);
    if (!r->statics)
        return final;
    lay_ctx_cites_supersede(r->ctx, r->cite_from, r->cite_to);
    lay_pageinfo info = {r->number, r->label, NULL, 0, 0, r->found, r->nfound};
    lay_boxv out = {0};
    lay_boxv_append(&out, a, pg->boxes, r->static_from, 0, 0);
    for (int k = 0; k < r->nregions; k++) {
        const lay_static_region *g = &r->regions[k];
        lay_static_place(r->ctx, a, g->sc, g->region, &info, &out, g->x, g->y, g->w, g->h);
    }
    lay_boxv_append(&out, a, lay_boxes_at(pg->boxes, r->static_to), pg->nboxes - r->static_to,
                    0, 0);
    pg->boxes = out.v;
    pg->nboxes = out.n;
    return final;
}
