#include "render/page_queue.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "render/page_spool.h"
#include "util/grow.h"
#include "util/i18n.h"

/* Pages made and handed to the painter at once: the painter starts on a sequence's first
 * pages while the next are made, and made pages don't pile up in memory. */
enum { PAGES_AT_ONCE = 16 };

typedef struct {
    page_spool_ref ref;
    const lay_remake *remake; /* NULL: final */
} spooled_page;

/* A sequence not made yet, or pages of it in the spool. */
typedef struct {
    lay_seq *s; /* not made yet: its flow waits (NULL once made) */
    arena *a;   /* its arena then */
    spooled_page *pages;
    size_t head, n, cap; /* pages[head..n) not painted yet */
} entry;

struct page_queue {
    painter *p;
    paint_worker *w;
    diag *d;
    const char *file;
    entry *v;
    size_t head, n, cap;
    page_spool *spool; /* made on first need */
    arena *keep;       /* the recipes of the pages in the spool */
    page_ledger *ledger; /* the pages the painter holds, or NULL: paint every page */
    const lay_ctx *ctx;  /* tells when the pass will be followed by another */
};

page_queue *page_queue_new(painter *p, paint_worker *w, diag *d, const char *file,
                           page_ledger *ledger, const lay_ctx *ctx)
{
    page_queue *q = calloc(1, sizeof *q);
    if (!q)
        abort();
    *q = (page_queue){.p = p, .w = w, .d = d, .file = file, .keep = arena_new(),
                      .ledger = ledger, .ctx = ctx};
    return q;
}

static void destroy_arenas(arena **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        arena_destroy(v[i]);
    free(v);
}

void page_queue_destroy(page_queue *q)
{
    if (!q)
        return;
    for (size_t i = q->head; i < q->n; i++) {
        if (q->v[i].s) { /* not made: the page window's chunks go with its arena */
            size_t n;
            arena **more = lay_seq_take_arenas(q->v[i].s, &n);
            destroy_arenas(more, n);
        }
        arena_destroy(q->v[i].a);
        free(q->v[i].pages);
    }
    free(q->v);
    page_spool_destroy(q->spool);
    arena_destroy(q->keep);
    free(q);
}

arena *page_queue_recipes(page_queue *q)
{
    return q->keep;
}

static size_t push_entry(page_queue *q, entry e)
{
    if (q->head == q->n) /* empty: start over */
        q->head = q->n = 0;
    GROW_HEAP(q->v, q->n, q->cap, 1, 16);
    q->v[q->n] = e;
    return q->n++;
}

void page_queue_add_seq(page_queue *q, lay_seq *s, arena *a)
{
    push_entry(q, (entry){.s = s, .a = a});
}

/* Hands pages over to be painted, then the arenas freed (in that order: a worker frees
 * them once the pages before are painted too): the pages', the sequence's and `more`
 * (a malloc'd array of the page window's chunks, taken too). The pages from `nfinal` on
 * are not final: a block of the first broke into other lines (lay_remake_page). */
static bool hand(page_queue *q, lay_page *pages, size_t n, size_t nfinal, arena *pa, arena *sa,
                 arena **more, size_t nmore)
{
    lay_pages batch = {pages, n};
    if (q->ledger) {
        /* the pages the painter holds from the pass before come first, those after the
         * pass knew another follows last: the pages painted are a run between them */
        size_t first = n, end = n;
        for (size_t i = 0; i < n; i++) {
            if (i >= nfinal || lay_ctx_redo_pending(q->ctx))
                q->ledger->frozen = true;
            if (page_ledger_paint(q->ledger, &pages[i])) {
                if (first == n)
                    first = i;
                end = i + 1;
            }
        }
        batch = first < n ? (lay_pages){pages + first, end - first} : (lay_pages){NULL, 0};
    }
    if (q->w)
        return paint_worker_push_arenas(q->w, batch, pa, sa, more, nmore);
    bool ok = true;
    for (size_t i = 0; ok && i < batch.npages; i++)
        ok = paint_page(q->p, &batch.pages[i]);
    arena_destroy(pa);
    arena_destroy(sa);
    destroy_arenas(more, nmore);
    return ok;
}

static bool spool_page(page_queue *q, entry *e, const lay_page *pg, const lay_remake *r)
{
    if (!q->spool) {
        q->spool = page_spool_new();
        if (!q->spool) {
            diag_error(q->d, q->file, 0, _("cannot make a temporary file for pages: %s"),
                       strerror(errno));
            return false;
        }
    }
    page_spool_ref ref;
    if (!page_spool_write(q->spool, pg, &ref)) {
        diag_error(q->d, q->file, 0, _("cannot write pages to a temporary file: %s"),
                   strerror(errno));
        return false;
    }
    GROW_HEAP(e->pages, e->n, e->cap, 1, 16);
    e->pages[e->n++] = (spooled_page){ref, r};
    return true;
}

static bool ready(const lay_remake *r, bool all)
{
    return !r || all || !lay_remake_waits(r);
}

/* Pages of entry k made: painted at once when they are at the head and ready, else
 * spooled. Takes the arenas. */
static bool add_pages(page_queue *q, size_t k, lay_pages pages, arena *pa, arena *sa,
                      arena **more, size_t nmore, lay_remake *const *remakes, bool all)
{
    entry *e = &q->v[k];
    bool direct = k == q->head && e->head == e->n;
    for (size_t i = 0; direct && remakes && i < pages.npages; i++)
        direct = ready(remakes[i], all);
    if (direct) {
        size_t nfinal = pages.npages;
        for (size_t i = 0; remakes && i < pages.npages; i++)
            if (remakes[i] && !lay_remake_page(remakes[i], &pages.pages[i], pa) && nfinal > i)
                nfinal = i;
        return hand(q, pages.pages, pages.npages, nfinal, pa, sa, more, nmore);
    }
    bool ok = true;
    for (size_t i = 0; ok && i < pages.npages; i++)
        ok = spool_page(q, e, &pages.pages[i], remakes ? remakes[i] : NULL);
    arena_destroy(pa);
    /* earlier pages of the sequence handed over may still point into its arena */
    if ((sa || more) && !hand(q, NULL, 0, 0, NULL, sa, more, nmore))
        ok = false;
    return ok;
}

static bool paint_head(page_queue *q, bool all);

bool page_queue_add_pages(page_queue *q, lay_pages pages, arena *pages_arena, arena *seq_arena,
                          lay_remake *const *remakes, arena **more, size_t nmore)
{
    size_t k = push_entry(q, (entry){0});
    /* the window's pages placed ids: spooled pages at the head waiting on them go now */
    return add_pages(q, k, pages, pages_arena, seq_arena, more, nmore, remakes, false) &&
           paint_head(q, false);
}

/* Makes the unmade sequence of entry k, all its pages. */
static bool make(page_queue *q, size_t k, bool all)
{
    lay_seq *s = q->v[k].s;
    arena *a = q->v[k].a;
    q->v[k].s = NULL;
    q->v[k].a = NULL;
    for (;;) {
        arena *pa = arena_new();
        lay_remake *remakes[PAGES_AT_ONCE];
        lay_pages pages = lay_seq_pages_now(s, pa, PAGES_AT_ONCE, q->keep, remakes);
        bool last = lay_seq_pages_done(s);
        size_t nmore = 0;
        arena **more = last ? lay_seq_take_arenas(s, &nmore) : NULL;
        if (!add_pages(q, k, pages, pa, last ? a : NULL, more, nmore, remakes, all)) {
            if (!last)
                arena_destroy(a);
            return false;
        }
        if (last)
            return true;
    }
}

/* Paints the ready pages at the head of the queue, in order. */
static bool paint_head(page_queue *q, bool all)
{
    while (q->head < q->n) {
        entry *e = &q->v[q->head];
        if (e->s)
            return true; /* not made yet */
        while (e->head < e->n) {
            arena *pa = arena_new();
            lay_page *pages = ARENA_NEW_ARRAY(pa, lay_page, PAGES_AT_ONCE);
            size_t m = 0, nfinal = PAGES_AT_ONCE;
            for (; m < PAGES_AT_ONCE && e->head < e->n; m++, e->head++) {
                const spooled_page *sp = &e->pages[e->head];
                if (!ready(sp->remake, all))
                    break;
                if (!page_spool_read(q->spool, sp->ref, pa, &pages[m])) {
                    diag_error(q->d, q->file, 0,
                               _("cannot read pages back from a temporary file: %s"),
                               strerror(errno));
                    arena_destroy(pa);
                    return false;
                }
                if (sp->remake && !lay_remake_page(sp->remake, &pages[m], pa) && nfinal > m)
                    nfinal = m;
            }
            if (m == 0)
                arena_destroy(pa);
            else if (!hand(q, pages, m, nfinal, pa, NULL, NULL, 0))
                return false;
            if (e->head < e->n && m < PAGES_AT_ONCE)
                return true; /* the next page waits */
        }
        free(e->pages);
        e->pages = NULL;
        q->head++;
    }
    return true;
}

bool page_queue_run(page_queue *q, bool all)
{
    if (!paint_head(q, all))
        return false;
    for (size_t k = q->head; k < q->n; k++) {
        lay_seq *s = q->v[k].s;
        if (!s || (!all && lay_seq_waits(s) && !lay_seq_patchable(s)))
            continue;
        if (!make(q, k, all) || !paint_head(q, all))
            return false;
        if (k + 1 < q->head)
            k = q->head - 1;
    }
    return true;
}
