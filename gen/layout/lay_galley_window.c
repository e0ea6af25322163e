/* The front of a flow's galley dropped once its pages are made, so that a long
 * page-sequence holds only the items of the pages still open (lay_window.c). */
#include <string.h>

#include "layout/layout_internal.h"

/* An index past the dropped items rebased; one before them is 0, *before says so. */
static size_t rebase(size_t i, size_t k, bool *before)
{
    *before = i < k;
    return i < k ? 0 : i - k;
}

static void drop_items(lay_galley *g, size_t k, lay_galley_drop *d)
{
    size_t nb = k < g->n ? g->ic[k].first : g->boxes.n;
    size_t rest = g->n - k;
    if (rest) {
        memmove(g->pi, g->pi + k, rest * sizeof *g->pi);
        memmove(g->ic, g->ic + k, rest * sizeof *g->ic);
    }
    for (size_t i = 0; i < rest; i++)
        g->ic[i].first -= nb;
    if (g->boxes.n > nb)
        memmove(g->boxes.v, g->boxes.v + nb, (g->boxes.n - nb) * sizeof *g->boxes.v);
    g->boxes.n -= nb;
    /* side lists are indexed by item; the slots freed at the end must be found empty */
    lay_boxv *side[2] = {g->extra, g->fnotes};
    for (int s = 0; s < 2; s++) {
        if (!side[s])
            continue;
        if (rest)
            memmove(side[s], side[s] + k, rest * sizeof *side[s]);
        memset(side[s] + rest, 0, k * sizeof *side[s]);
    }
    g->n = rest;
    d->items = k;
    d->boxes = nb;
}

static void drop_decor(lay_galley *g, size_t k, lay_galley_drop *d)
{
    size_t kept = 0;
    for (size_t i = 0; i < g->ndecor; i++) {
        lay_decor dc = g->decor[i];
        if (dc.last < k)
            continue;
        bool before, unused;
        dc.first = rebase(dc.first, k, &before);
        dc.continued = dc.continued || before;
        dc.last = rebase(dc.last, k, &unused);
        g->decor[kept++] = dc;
    }
    d->decor = g->ndecor - kept;
    g->ndecor = kept;
}

static void drop_ids(lay_galley *g, size_t k, lay_galley_drop *d)
{
    size_t kept = 0;
    for (size_t i = 0; i < g->nids; i++) {
        lay_idrec r = g->ids[i];
        if (r.first < k)
            continue;
        r.first -= k;
        r.last -= k;
        g->ids[kept++] = r;
    }
    d->ids = g->nids - kept;
    g->nids = kept;
}

static bool same_class(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether a mark of the same class as marks[i] comes after it and before k. */
static bool later_of_class(const lay_galley *g, size_t i, size_t k)
{
    for (size_t j = i + 1; j < g->nmarks && g->marks[j].first < k; j++)
        if (same_class(g->marks[j].cls, g->marks[i].cls))
            return true;
    return false;
}

static void drop_marks(lay_galley *g, size_t k, lay_galley_drop *d)
{
    /* marks are in document order of their starts: those before k come first */
    size_t kept = 0;
    for (size_t i = 0; i < g->nmarks; i++) {
        lay_markrec m = g->marks[i];
        if (m.first < k && m.last < k && later_of_class(g, i, k))
            continue;
        bool sb, eb;
        m.first = rebase(m.first, k, &sb);
        m.last = rebase(m.last, k, &eb);
        m.started_before = m.started_before || sb;
        m.ended_before = m.ended_before || eb;
        g->marks[kept++] = m;
    }
    d->marks = g->nmarks - kept;
    g->nmarks = kept;
}

lay_galley_drop lay_galley_drop_front(lay_galley *g, size_t k)
{
    lay_galley_drop d = {0};
    if (k > g->n)
        k = g->n;
    if (k == 0)
        return d;
    drop_items(g, k, &d);
    drop_decor(g, k, &d);
    drop_ids(g, k, &d);
    drop_marks(g, k, &d);
    return d;
}

void lay_galley_mark_rebase(lay_galley_mark *m, const lay_galley_drop *d)
{
    m->n -= d->items;
    m->nboxes -= d->boxes;
    m->ndecor -= d->decor;
    m->nids -= d->ids;
    m->nmarks -= d->marks;
}
