/* Pages made before the numbers they cite are known.
 *
 * A page whose static content cites a page not laid out yet ("page n / N" citing the
 * document's last page) is made at once with a placeholder, so that its sequence's
 * layout can be freed (the renderer spools the page); the page keeps a recipe: its number,
 * label, regions, the static contents (copied once per sequence) and the markers they
 * retrieved (copied). Once the numbers are known its static content is laid out again
 * and takes the place of the old one; the body is untouched: static content never moves
 * the flow. */
#include <string.h>

#include "layout/layout_internal.h"
#include "util/grow.h"

struct lay_remake {
    lay_ctx *ctx;
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
    struct marker_copy {
        const fo_node *src, *copy;
    } *markers;
    size_t nmarkers, capmarkers;
    lay_remake **out; /* the batch being made */
    size_t from;      /* its first page */
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
    *r = (lay_remake){.ctx = rm->ctx, .cite_from = st->cite_from, .cite_to = st->cite_to,
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

lay_pages lay_seq_pages_now(lay_seq *s, arena *pages_arena, size_t max, arena *keep,
                            lay_remake **remakes)
{
    remaker *rm = lay_seq_page_hook_ud(s);
    if (!rm) {
        rm = ARENA_NEW(keep, remaker);
        *rm = (remaker){.ctx = lay_seq_ctx(s), .keep = keep};
        lay_seq_page_hook_set(s, on_page, rm);
    }
    rm->out = remakes;
    rm->from = lay_seq_pages_made(s);
    return lay_seq_pages(s, pages_arena, max, NULL);
}

bool lay_remake_waits(const lay_remake *r)
{
    return lay_ctx_cites_waiting(r->ctx, r->cite_from, r->cite_to);
}

void lay_remake_page(const lay_remake *r, lay_page *pg, arena *a)
{
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
}
