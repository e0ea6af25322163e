/* Building several ateliers: in turn, or N child processes at a time (-j N). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "deliver/deliver_internal.h"
#include "util/fatal_signal.h"
#include "util/i18n.h"
#include "util/run_once.h"

typedef struct {
    pid_t pid;
    int index;
    FILE *record; /* the child's outputs and dependencies, for -M */
} child;

/* "[3/7] building x", redrawn in place on a terminal. */
static void show_progress(deliver_ctx *c, int k, int n, const char *path)
{
    diag_progress(c->d, _("[%d/%d] building %s"), k, n, path);
}

/* In the child: build, hand the record back, leave without running the parent's cleanups. */
static void child_main(deliver_ctx *c, const char *path, bool subdir, FILE *record)
{
    deliver_record rec = {0};
    c->jobs = 1; /* -j N counts processes: N ateliers at a time, each in turn inside */
    /* The parent prints the 'wrote' lines from the record: a line written here could land
     * between another child's clearing of the progress line and its own line. */
    c->print_written = false;
    bool ok = deliver_atelier(c, path, c->o->out_dir, subdir, &rec);
    deliver_record_save(&rec, record);
    deliver_record_clear(&rec);
    render_engine_destroy(c->engine);
    c->engine = NULL;
    fflush(stdout);
    fflush(stderr);
    _exit(ok ? 0 : 1);
}

static bool start_child(deliver_ctx *c, const char *const *paths, int index, bool subdir, child *ch)
{
    ch->index = index;
    ch->record = tmpfile();
    fflush(stdout);
    fflush(stderr);
    ch->pid = ch->record ? fatal_signal_fork() : -1;
    if (ch->pid == 0)
        child_main(c, paths[index], subdir, ch->record);
    if (ch->pid < 0) {
        diag_error(c->d, paths[index], 0, _("cannot start a build process: %s"), strerror(errno));
        if (ch->record)
            fclose(ch->record);
        return false;
    }
    return true;
}

/* Waits for one child; true when it succeeded. Its record joins `rec`. */
static bool reap_child(deliver_ctx *c, const char *const *paths, child *running, int *nrunning,
                       deliver_record *rec, int *index)
{
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, 0)) < 0 && errno == EINTR)
        ;
    int k = 0;
    while (k < *nrunning && running[k].pid != pid)
        k++;
    if (k == *nrunning) { /* not ours: cannot happen, but never loop forever */
        *index = -1;
        *nrunning = 0;
        return false;
    }
    fatal_signal_remove_child(pid);
    child ch = running[k];
    running[k] = running[--*nrunning];
    *index = ch.index;
    size_t first = rec->count;
    deliver_record_load(rec, ch.record);
    for (size_t r = first; r < rec->count; r++)
        deliver_print_written(c, rec->rules[r].output);
    fclose(ch.record);
    if (WIFSIGNALED(status))
        diag_error(c->d, paths[ch.index], 0, _("the build was killed by signal %d"), WTERMSIG(status));
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void build_parallel(deliver_ctx *c, const char *const *paths, int n, bool subdir,
                           deliver_record *rec, bool *failed)
{
    child *running = calloc((size_t)c->o->jobs, sizeof *running);
    if (!running)
        abort();
    int nrunning = 0, next = 0, done = 0;
    while (done < n) {
        while (nrunning < c->o->jobs && next < n) {
            show_progress(c, next + 1, n, paths[next]);
            if (start_child(c, paths, next, subdir, &running[nrunning]))
                nrunning++;
            else {
                failed[next] = true;
                done++;
            }
            next++;
        }
        if (nrunning == 0)
            continue;
        int index;
        bool ok = reap_child(c, paths, running, &nrunning, rec, &index);
        if (index < 0)
            break;
        failed[index] = !ok;
        done++;
    }
    free(running);
}

/* "built 7 ateliers, 2 failed: a.xml, b.xml" */
static void print_summary(const char *const *paths, int n, const bool *failed)
{
    int nfailed = 0;
    for (int i = 0; i < n; i++)
        nfailed += failed[i];
    printf(_("built %d of %d ateliers"), n - nfailed, n);
    if (nfailed) {
        printf("%s", _("; failed:"));
        for (int i = 0, k = 0; i < n; i++)
            if (failed[i])
                printf("%s %s", k++ ? "," : "", paths[i]);
    }
    printf("\n");
}

/* A dry run: each atelier validated and its outputs named on stdout, in turn. */
static int dry_run(deliver_ctx *c, const char *const *paths, int n)
{
    bool failed = false;
    deliver_record none = {0};
    for (int i = 0; i < n; i++)
        failed |= !deliver_atelier(c, paths[i], c->o->out_dir, n > 1, &none);
    fflush(stdout);
    return failed ? 1 : 0;
}

int deliver_build(const char *const *paths, int npaths, const deliver_options *o, diag *d)
{
    deliver_ctx c;
    if (!deliver_ctx_init(&c, o, d)) {
        deliver_ctx_clear(&c);
        return 1;
    }
    if (o->dry_run) {
        int rc = dry_run(&c, paths, npaths);
        deliver_ctx_clear(&c);
        return rc;
    }
    c.print_written = true; /* a record of what was written, on a terminal too (make) */
    bool subdir = npaths > 1;
    bool *failed = calloc((size_t)npaths, sizeof *failed);
    if (!failed)
        abort();
    deliver_record rec = {0};
    if (o->jobs > 1 && npaths > 1) {
        char *once = run_once_begin(); /* the children warn about the run once between them */
        build_parallel(&c, paths, npaths, subdir, &rec, failed);
        run_once_end(once);
    } else {
        c.progress = true; /* a line per output (with -j, one per atelier started) */
        for (int i = 0; i < npaths; i++)
            failed[i] = !deliver_atelier(&c, paths[i], o->out_dir, subdir, &rec);
    }
    diag_progress(d, NULL);
    bool any_failed = false;
    for (int i = 0; i < npaths; i++)
        any_failed |= failed[i];
    if (npaths > 1)
        print_summary(paths, npaths, failed);
    /* A failed build leaves the dependency file as it was, like any other output: its rules
     * keep the outputs that failed out of date for make, which then tries them again and
     * shows the errors (an empty or partial file would make them look up to date). */
    if (!any_failed && !deliver_write_depfile(&c, &rec))
        any_failed = true;
    deliver_record_clear(&rec);
    free(failed);
    deliver_ctx_clear(&c);
    return any_failed ? 1 : 0;
}
