/* One atelier's deliverables over worker processes (build -j N, by default one per processor).
 *
 * The source is loaded and validated and the stylesheets compiled once, here; then the
 * workers are forked and share them copy-on-write. Each worker takes task numbers from a
 * queue (a pipe, the longest deliverables first, so that none is left to run alone at the
 * end), runs them with its own render engine (fonts are not shared across fork),
 * and appends each task's captured diagnostics and record to its own result file; a small
 * message on a second pipe tells this process that a task started or ended and where its
 * results lie. This process reports the tasks' messages and "wrote" lines whole and in build
 * order, so the output reads as the one-process build's does.
 */
#define _GNU_SOURCE /* qsort_r */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "deliver/deliver_internal.h"
#include "util/fatal_signal.h"
#include "util/i18n.h"

enum { TASK_WAITING, TASK_STARTED, TASK_SUCCEEDED, TASK_FAILED };

/* A worker's word to this process; smaller than PIPE_BUF, so written and read whole. */
typedef struct {
    int32_t task, worker, state;
    int64_t begin, mid, end; /* in the worker's result file: [begin, mid) diagnostics,
                                [mid, end) the task's record */
} worker_msg;

typedef struct {
    pid_t pid;
    FILE *results;
    int task; /* the task it runs, or -1 */
} worker;

typedef struct {
    int state;
    worker_msg msg;
} task_state;

static bool write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

/* Reads exactly `len` bytes (a whole message: see worker_msg); false at the end. */
static bool read_whole(int fd, void *buf, size_t len)
{
    ssize_t n;
    while ((n = read(fd, buf, len)) < 0 && errno == EINTR)
        ;
    return n == (ssize_t)len;
}

/* In a worker: runs tasks until the queue is empty, then leaves without the parent's
 * cleanups. */
static void worker_main(deliver_ctx *c, const deliver_plan *p, int self, FILE *results,
                        int queue, int done)
{
    /* A worker makes its own engine: the parent's, when it rendered before (--watch), stays
     * unused, as fonts are not shared across fork. */
    c->engine = NULL;
    c->progress = false; /* the parent speaks */
    c->print_written = false;
    c->capture = results;
    strlist fonts = {0};
    c->fonts_deferred = &fonts;
    diag_divert(c->d, results);
    int32_t k;
    bool all_ok = true;
    while (read_whole(queue, &k, sizeof k) && k >= 0 && k < p->count) {
        worker_msg m = {.task = k, .worker = self, .state = TASK_STARTED};
        fflush(results);
        m.begin = ftello(results);
        if (!write_all(done, &m, sizeof m))
            break;
        /* Each task's messages whole: the parent drops those another task already gave. */
        diag_forget_reported(c->d);
        deliver_record rec = {0};
        bool ok = deliver_run_task(c, p, k, &rec);
        fflush(results);
        m.mid = ftello(results);
        for (size_t i = 0; i < fonts.count; i++)
            fprintf(results, "F %lld %s\n", c->fonts_deferred_at, fonts.items[i]);
        strlist_clear(&fonts);
        deliver_record_save(&rec, results);
        m.end = ftello(results);
        deliver_record_clear(&rec);
        m.state = ok ? TASK_SUCCEEDED : TASK_FAILED;
        all_ok &= ok;
        if (!write_all(done, &m, sizeof m))
            break;
    }
    render_engine_destroy(c->engine);
    c->engine = NULL;
    fflush(NULL);
    _exit(all_ok ? 0 : 1);
}

/* Forks worker `self`; false when it could not be started. */
static bool start_worker(deliver_ctx *c, const deliver_plan *p, int self, worker *w,
                         const int queue[2], const int done[2])
{
    w->task = -1;
    w->results = tmpfile();
    fflush(NULL);
    w->pid = w->results ? fatal_signal_fork() : -1;
    if (w->pid == 0) {
        close(queue[1]);
        close(done[0]);
        worker_main(c, p, self, w->results, queue[0], done[1]);
    }
    if (w->pid < 0) {
        if (w->results)
            fclose(w->results);
        w->results = NULL;
        return false;
    }
    return true;
}

/* Reports the missing fonts of a task's record ("F OFFSET FAMILY\tUSED" lines) found at
 * `offset`, as the one-process build would have. */
static void report_fonts(deliver_ctx *c, const char *record, size_t len, long long offset)
{
    for (const char *line = record, *end = record + len; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
        long long at;
        int used = 0;
        if (n > 2 && line[0] == 'F' && sscanf(line, "F %lld %n", &at, &used) == 1 && used > 0 &&
            at == offset) {
            char *entry = strndup(line + used, n - (size_t)used);
            char *tab = entry ? strchr(entry, '\t') : NULL;
            if (!entry)
                abort();
            if (tab) {
                *tab = '\0';
                deliver_font_missing(c, entry, tab + 1);
            }
            free(entry);
        }
        line += n + 1;
    }
}

/* The offset of the task's first missing font line, or -1. */
static long long fonts_offset(const char *record, size_t len)
{
    long long at;
    if (len > 2 && record[0] == 'F' && sscanf(record, "F %lld ", &at) == 1)
        return at;
    return -1;
}

/* Reports a finished task: its diagnostics (the missing fonts among them where they were
 * met), then its outputs into `rec` with their "wrote" lines. False when its results cannot
 * be read back. */
static bool report_task(deliver_ctx *c, const worker *w, const worker_msg *m, deliver_record *rec)
{
    if (m->begin < 0 || m->mid < m->begin || m->end < m->mid) {
        diag_error(c->d, c->o->out_dir, 0, _("cannot read back a build process's results"));
        return false;
    }
    size_t len = (size_t)(m->end - m->begin), diag_len = (size_t)(m->mid - m->begin);
    char *buf = malloc(len + 1);
    if (!buf)
        abort();
    bool ok = pread(fileno(w->results), buf, len, m->begin) == (ssize_t)len;
    buf[ok ? len : 0] = '\0';
    const char *record = buf + diag_len;
    size_t record_len = len - diag_len;
    long long at = ok ? fonts_offset(record, record_len) : -1;
    size_t before = at >= m->begin && at <= m->mid ? (size_t)(at - m->begin) : diag_len;
    ok = ok && diag_replay(c->d, buf, before);
    if (ok && at >= 0)
        report_fonts(c, record, record_len, at);
    ok = ok && diag_replay(c->d, buf + before, diag_len - before);
    size_t first = rec->count;
    FILE *f = ok && record_len > 0 ? fmemopen((char *)record, record_len, "r") : NULL;
    if (f) {
        deliver_record_load(rec, f);
        fclose(f);
    }
    for (size_t r = first; r < rec->count; r++)
        deliver_print_written(c, rec->rules[r].output);
    free(buf);
    if (!ok)
        diag_error(c->d, c->o->out_dir, 0, _("cannot read back a build process's results"));
    return ok;
}

/* Waits for the workers. A worker that died running a task fails it; the task's
 * diagnostics are those its result file holds (the capture writes each one at once). */
static void reap_workers(deliver_ctx *c, const deliver_plan *p, worker *workers, int n,
                         task_state *tasks)
{
    for (int i = 0; i < n; i++) {
        int status;
        while (waitpid(workers[i].pid, &status, 0) < 0 && errno == EINTR)
            ;
        fatal_signal_remove_child(workers[i].pid);
        int k = workers[i].task;
        if (k < 0 || tasks[k].state != TASK_STARTED)
            continue;
        struct stat st;
        tasks[k].state = TASK_FAILED;
        tasks[k].msg.mid = tasks[k].msg.end =
            fstat(fileno(workers[i].results), &st) == 0 ? st.st_size : tasks[k].msg.begin;
        const deliver_task *t = &p->tasks[k];
        if (WIFSIGNALED(status))
            diag_error(c->d, p->s->path, 0, _("the build of %s%s%s was killed by signal %d"),
                       t->site, *t->site ? "/" : "", deliver_table[t->index].name, WTERMSIG(status));
    }
}

/* Reads the workers' messages until they all left, reporting tasks in build order. */
static bool follow_workers(deliver_ctx *c, const deliver_plan *p, worker *workers, int nworkers,
                           int done, task_state *tasks, deliver_record *rec)
{
    bool ok = true;
    int next = 0; /* the first task not yet reported */
    /* The progress line names the task awaited in build order, as a one-process build's
     * names the task it runs: the terminal shows the same lines. */
    deliver_show_task(c, p, next);
    worker_msg m;
    while (read_whole(done, &m, sizeof m)) {
        if (m.task < 0 || m.task >= p->count || m.worker < 0 || m.worker >= nworkers)
            continue;
        tasks[m.task].state = m.state;
        tasks[m.task].msg = m;
        workers[m.worker].task = m.state == TASK_STARTED ? m.task : -1;
        while (next < p->count && tasks[next].state >= TASK_SUCCEEDED) {
            const worker_msg *t = &tasks[next].msg;
            ok = report_task(c, &workers[t->worker], t, rec) && ok;
            ok = tasks[next].state == TASK_SUCCEEDED && ok;
            if (++next < p->count)
                deliver_show_task(c, p, next);
        }
    }
    reap_workers(c, p, workers, nworkers, tasks);
    /* What is left waits behind a task whose worker died, or was never taken. */
    for (bool first = true; next < p->count; next++, first = false) {
        const deliver_task *t = &p->tasks[next];
        if (!first)
            deliver_show_task(c, p, next);
        if (tasks[next].state == TASK_WAITING)
            diag_error(c->d, p->s->path, 0, _("%s%s%s was not built: the build processes ended early"),
                       t->site, *t->site ? "/" : "", deliver_table[t->index].name);
        else
            ok = report_task(c, &workers[tasks[next].msg.worker], &tasks[next].msg, rec) && ok;
        ok = tasks[next].state == TASK_SUCCEEDED && ok;
    }
    return ok;
}

/* Longest first (deliverable weight), then in build order. */
static int by_weight(const void *a, const void *b, void *plan)
{
    const deliver_plan *p = plan;
    int ka = *(const int32_t *)a, kb = *(const int32_t *)b;
    int wa = deliver_table[p->tasks[ka].index].weight, wb = deliver_table[p->tasks[kb].index].weight;
    return wa != wb ? wb - wa : ka - kb;
}

/* Queues every task number, the longest tasks first; false when the queue is broken. Each
 * number is written whole (4 bytes, read whole by one worker). */
static bool fill_queue(const deliver_plan *p, int fd)
{
    int32_t *order = malloc((size_t)p->count * sizeof *order);
    if (!order)
        abort();
    for (int32_t k = 0; k < p->count; k++)
        order[k] = k;
    qsort_r(order, (size_t)p->count, sizeof *order, by_weight, (void *)p);
    bool ok = true;
    for (int k = 0; ok && k < p->count; k++)
        ok = write_all(fd, &order[k], sizeof order[k]);
    free(order);
    return ok;
}

/* The tasks one after the other in this process. */
static bool run_in_turn(deliver_ctx *c, const deliver_plan *p, deliver_record *rec)
{
    bool ok = true;
    for (int k = 0; k < p->count; k++) {
        deliver_show_task(c, p, k);
        ok = deliver_run_task(c, p, k, rec) && ok;
    }
    return ok;
}

bool deliver_run_tasks(deliver_ctx *c, const deliver_plan *p, deliver_record *rec)
{
    if (c->jobs <= 1 || p->count <= 1 || c->o->dry_run)
        return run_in_turn(c, p, rec);
    int nworkers = c->jobs < p->count ? c->jobs : p->count;
    int queue[2], done[2];
    if (pipe(queue) != 0)
        return run_in_turn(c, p, rec);
    if (pipe(done) != 0) {
        close(queue[0]);
        close(queue[1]);
        return run_in_turn(c, p, rec);
    }
    worker *workers = calloc((size_t)nworkers, sizeof *workers);
    task_state *tasks = calloc((size_t)p->count, sizeof *tasks);
    if (!workers || !tasks)
        abort();
    /* Fewer workers than asked when the system refuses more (processes, temporary files);
     * none: this process builds in turn. */
    int started = 0;
    while (started < nworkers && start_worker(c, p, started, &workers[started], queue, done))
        started++;
    close(done[1]);
    /* This process keeps the queue's reading end open meanwhile, so that writing raises no
     * SIGPIPE were every worker dead. */
    if (started > 0)
        fill_queue(p, queue[1]);
    close(queue[1]);
    close(queue[0]);
    bool ok = started > 0 ? follow_workers(c, p, workers, started, done[0], tasks, rec)
                          : run_in_turn(c, p, rec);
    close(done[0]);
    for (int i = 0; i < started; i++)
        fclose(workers[i].results);
    free(workers);
    free(tasks);
    return ok;
}
