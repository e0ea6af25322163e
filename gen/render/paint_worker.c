#include "render/paint_worker.h"

#include <pthread.h>
#include <stdlib.h>

/* One queued sequence keeps the painter busy without letting layout run far ahead:
 * at most three sequences live at once (laid out, queued, being painted). */
enum { QUEUE_SIZE = 1 };

typedef struct {
    lay_pages pages;
    arena *pages_arena, *seq_arena;
    arena **more; /* malloc'd */
    size_t nmore;
} job;

struct paint_worker {
    painter *p;
    tx_engine *fonts;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed; /* a job was queued or taken, or the worker must stop */
    job queue[QUEUE_SIZE];
    int head, count;
    bool stopping; /* no more jobs will come */
    bool failed;   /* a page failed to paint: later jobs are only freed */
};

static bool take(paint_worker *w, job *out)
{
    pthread_mutex_lock(&w->lock);
    while (w->count == 0 && !w->stopping)
        pthread_cond_wait(&w->changed, &w->lock);
    bool got = w->count > 0;
    if (got) {
        *out = w->queue[w->head];
        w->head = (w->head + 1) % QUEUE_SIZE;
        w->count--;
        pthread_cond_broadcast(&w->changed);
    }
    pthread_mutex_unlock(&w->lock);
    return got;
}

static void *run(void *arg)
{
    paint_worker *w = arg;
    if (w->fonts)
        tx_engine_lend_thread_fonts(w->fonts);
    job j;
    while (take(w, &j)) {
        bool ok = !w->failed;
        for (size_t i = 0; ok && i < j.pages.npages; i++)
            ok = paint_page(w->p, &j.pages.pages[i]);
        arena_destroy(j.pages_arena);
        arena_destroy(j.seq_arena);
        for (size_t i = 0; i < j.nmore; i++)
            arena_destroy(j.more[i]);
        free(j.more);
        if (!ok) {
            pthread_mutex_lock(&w->lock);
            w->failed = true;
            pthread_mutex_unlock(&w->lock);
        }
    }
    return NULL;
}

paint_worker *paint_worker_start(painter *p, tx_engine *fonts)
{
    paint_worker *w = calloc(1, sizeof *w);
    if (!w)
        abort();
    w->p = p;
    w->fonts = fonts;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->changed, NULL);
    if (pthread_create(&w->thread, NULL, run, w) != 0) {
        pthread_cond_destroy(&w->changed);
        pthread_mutex_destroy(&w->lock);
        free(w);
        return NULL;
    }
    return w;
}

bool paint_worker_push(paint_worker *w, lay_pages pages, arena *pages_arena, arena *seq_arena)
{
    return paint_worker_push_arenas(w, pages, pages_arena, seq_arena, NULL, 0);
}

bool paint_worker_push_arenas(paint_worker *w, lay_pages pages, arena *pages_arena,
                              arena *seq_arena, arena **more, size_t nmore)
{
    pthread_mutex_lock(&w->lock);
    while (w->count == QUEUE_SIZE)
        pthread_cond_wait(&w->changed, &w->lock);
    w->queue[(w->head + w->count) % QUEUE_SIZE] =
        (job){pages, pages_arena, seq_arena, more, nmore};
    w->count++;
    bool ok = !w->failed;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    return ok;
}

bool paint_worker_finish(paint_worker *w)
{
    pthread_mutex_lock(&w->lock);
    w->stopping = true;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    bool ok = !w->failed;
    pthread_cond_destroy(&w->changed);
    pthread_mutex_destroy(&w->lock);
    free(w);
    return ok;
}
