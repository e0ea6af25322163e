/* build --watch: build once, then rebuild the outputs whose inputs change.
 *
 * The inputs of each output are the ones its dependency rule lists (the record the -M file
 * is written from): sources, XIncluded files, images, stylesheets, the charter, the schema.
 * Each is watched with a GFileMonitor; changes are gathered for a short quiet time (an
 * editor's save is several events), then the outputs listing a changed file are rebuilt, in
 * this process. A failed rebuild (a save with a typo) is reported and the previous outputs
 * stay; the next change tries again. SIGINT or SIGTERM ends the loop between rebuilds.
 */
#include <gio/gio.h>
#include <glib-unix.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "deliver/deliver_internal.h"
#include "util/i18n.h"

enum { QUIET_MS = 200 }; /* wait for the events of one save to settle */

/* One atelier: its source and what its outputs were last made from. */
typedef struct {
    const char *path;
    deliver_record rec;
    bool built; /* its last full build succeeded at least partly: rec is meaningful */
} watched_atelier;

typedef struct {
    deliver_ctx ctx;
    const deliver_options *o;
    diag *d;
    watched_atelier *ateliers;
    int n;
    GHashTable *monitors; /* path -> GFileMonitor */
    GHashTable *dirty;    /* paths changed since the last rebuild (set) */
    guint timeout;        /* pending rebuild, 0 if none */
    GMainLoop *loop;
} watch;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* "14:05:09 " in local time, for each line the loop prints. */
static void print_clock(void)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    char buf[16];
    strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    printf("%s ", buf);
}

static gboolean rebuild_now(gpointer data);

static void on_change(GFileMonitor *m, GFile *file, GFile *other, GFileMonitorEvent ev,
                      gpointer data)
{
    watch *w = g_object_get_data(G_OBJECT(m), "watch");
    if (ev == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
        return; /* attribute changes count: `touch` asks for a rebuild, as with make */
    g_hash_table_add(w->dirty, g_strdup(data));
    if (w->timeout)
        g_source_remove(w->timeout);
    w->timeout = g_timeout_add(QUIET_MS, rebuild_now, w);
}

/* Watches `path` (once). Files that do not exist yet are watched too: creating one counts. */
static void watch_file(watch *w, const char *path)
{
    if (g_hash_table_contains(w->monitors, path))
        return;
    GFile *f = g_file_new_for_path(path);
    GFileMonitor *m = g_file_monitor_file(f, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
    g_object_unref(f);
    if (!m)
        return;
    char *key = g_strdup(path);
    g_object_set_data(G_OBJECT(m), "watch", w);
    g_signal_connect_data(m, "changed", G_CALLBACK(on_change), g_strdup(path),
                          (GClosureNotify)(void (*)(void))g_free, 0);
    g_hash_table_insert(w->monitors, key, m);
}

static void watch_inputs(watch *w)
{
    for (int i = 0; i < w->n; i++) {
        watch_file(w, w->ateliers[i].path);
        const deliver_record *rec = &w->ateliers[i].rec;
        for (size_t r = 0; r < rec->count; r++)
            for (size_t k = 0; k < rec->rules[r].deps.count; k++)
                watch_file(w, rec->rules[r].deps.items[k]);
    }
}

/* Whether `path` is a stylesheet, the charter or the schema: the compiled context is then
 * stale. */
static bool compiled_input(const deliver_ctx *c, const char *path)
{
    if (strcmp(path, c->charter_path) == 0 || strcmp(path, c->schema_path) == 0)
        return true;
    for (int i = 0; i < DELIVER_COUNT; i++)
        if (strlist_contains(&c->modules[i], path))
            return true;
    return false;
}

static bool rule_uses_dirty(const watch *w, const deliver_rule *rule)
{
    for (size_t k = 0; k < rule->deps.count; k++)
        if (g_hash_table_contains(w->dirty, rule->deps.items[k]))
            return true;
    return false;
}

/* The deliverable an output is (its file name starts with the deliverable's name) and its
 * site (the name of its folder, unless it sits in the atelier's own folder). */
static int output_deliverable(const char *output)
{
    const char *base = strrchr(output, '/');
    base = base ? base + 1 : output;
    for (int i = 0; i < DELIVER_COUNT; i++) {
        size_t n = strlen(deliver_table[i].name);
        if (strncmp(base, deliver_table[i].name, n) == 0 && (base[n] == '.' || base[n] == '-'))
            return i;
    }
    return -1;
}

static void append_listed(GString *list, const char *name)
{
    if (!deliver_listed(list->str, name))
        g_string_append_printf(list, "%s%s", list->len ? "," : "", name);
}

/* Rebuilds what atelier `a` must: every output whose rule lists a changed file, as --only and
 * --site lists (the atelier's source itself changed, or it never built: everything). The
 * rebuilt outputs' rules replace the old ones. Returns whether it succeeded; adds the
 * outputs written to `written`. */
static bool rebuild_atelier(watch *w, watched_atelier *a, GString *written)
{
    bool all = !a->built || g_hash_table_contains(w->dirty, a->path);
    GString *only = g_string_new(""), *sites = g_string_new("");
    size_t affected = 0;
    for (size_t r = 0; !all && r < a->rec.count; r++) {
        const deliver_rule *rule = &a->rec.rules[r];
        int i = output_deliverable(rule->output);
        if (!rule_uses_dirty(w, rule) || i < 0)
            continue;
        affected++;
        append_listed(only, deliver_table[i].name);
        if (deliver_table[i].per_site) {
            char *dir = g_path_get_dirname(rule->output);
            char *site = g_path_get_basename(dir);
            append_listed(sites, site);
            g_free(site);
            g_free(dir);
        }
    }
    bool ok = true;
    if (all || affected) {
        deliver_options o = *w->o;
        if (!all) {
            o.only = only->str;
            o.sites = sites->str;
        }
        const deliver_options *saved = w->ctx.o;
        w->ctx.o = &o;
        deliver_record fresh = {0};
        ok = deliver_atelier(&w->ctx, a->path, w->o->out_dir, w->n > 1, &fresh);
        w->ctx.o = saved;
        /* keep the rules of the outputs not rebuilt, take the new ones */
        deliver_record merged = {0};
        for (size_t r = 0; r < a->rec.count; r++) {
            bool replaced = false;
            for (size_t f = 0; f < fresh.count && !replaced; f++)
                replaced = strcmp(fresh.rules[f].output, a->rec.rules[r].output) == 0;
            if (!replaced)
                deliver_record_add(&merged, a->rec.rules[r].output, &a->rec.rules[r].deps);
        }
        for (size_t f = 0; f < fresh.count; f++) {
            deliver_record_add(&merged, fresh.rules[f].output, &fresh.rules[f].deps);
            g_string_append_printf(written, "%s%s", written->len ? ", " : "", fresh.rules[f].output);
        }
        deliver_record_clear(&fresh);
        deliver_record_clear(&a->rec);
        a->rec = merged;
        a->built = a->built || ok || a->rec.count > 0;
    }
    g_string_free(only, TRUE);
    g_string_free(sites, TRUE);
    return ok;
}

static gboolean rebuild_now(gpointer data)
{
    watch *w = data;
    w->timeout = 0;
    double t0 = now_seconds();
    diag_forget_reported(w->d);
    bool ok = true;
    /* A changed stylesheet, charter or schema: compile them again. */
    GHashTableIter it;
    gpointer key;
    bool stale = false;
    g_hash_table_iter_init(&it, w->dirty);
    while (!stale && g_hash_table_iter_next(&it, &key, NULL))
        stale = compiled_input(&w->ctx, key);
    if (stale) {
        deliver_ctx_clear(&w->ctx);
        ok = deliver_ctx_init(&w->ctx, w->o, w->d);
        w->ctx.print_written = false;
    }
    GString *written = g_string_new("");
    for (int i = 0; ok && i < w->n; i++)
        ok = rebuild_atelier(w, &w->ateliers[i], written) && ok;
    g_hash_table_remove_all(w->dirty);
    watch_inputs(w);
    print_clock();
    if (written->len)
        printf(_("rebuilt %s (%.2f s)%s\n"), written->str, now_seconds() - t0,
               ok ? "" : _("; errors above, waiting for the next change"));
    else
        printf("%s (%.2f s)\n", ok ? _("nothing to rebuild") : _("failed: errors above, waiting for the next change"),
               now_seconds() - t0);
    fflush(stdout);
    g_string_free(written, TRUE);
    return G_SOURCE_REMOVE;
}

static gboolean on_stop(gpointer data)
{
    g_main_loop_quit(((watch *)data)->loop);
    return G_SOURCE_REMOVE;
}

int deliver_watch(const char *const *paths, int npaths, const deliver_options *o, diag *d)
{
    watch w = {.o = o, .d = d, .n = npaths};
    if (!deliver_ctx_init(&w.ctx, o, d)) {
        deliver_ctx_clear(&w.ctx);
        return 1;
    }
    w.ctx.print_written = false;
    w.ateliers = g_new0(watched_atelier, npaths);
    w.monitors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref);
    w.dirty = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    w.loop = g_main_loop_new(NULL, FALSE);

    /* The first build: everything. */
    double t0 = now_seconds();
    GString *written = g_string_new("");
    bool ok = true;
    for (int i = 0; i < npaths; i++) {
        w.ateliers[i].path = paths[i];
        ok = rebuild_atelier(&w, &w.ateliers[i], written) && ok;
    }
    watch_inputs(&w);
    size_t outputs = 0;
    for (int i = 0; i < npaths; i++)
        outputs += w.ateliers[i].rec.count;
    print_clock();
    printf(_("built %zu outputs (%.2f s)%s; watching %u files, Ctrl-C to stop\n"), outputs,
           now_seconds() - t0, ok ? "" : _(" with errors above"), g_hash_table_size(w.monitors));
    fflush(stdout);
    g_string_free(written, TRUE);

    g_unix_signal_add(SIGINT, on_stop, &w);
    g_unix_signal_add(SIGTERM, on_stop, &w);
    g_main_loop_run(w.loop);
    print_clock();
    printf("%s", _("stopped watching\n"));
    fflush(stdout);

    if (w.timeout)
        g_source_remove(w.timeout);
    g_main_loop_unref(w.loop);
    g_hash_table_destroy(w.monitors);
    g_hash_table_destroy(w.dirty);
    for (int i = 0; i < npaths; i++)
        deliver_record_clear(&w.ateliers[i].rec);
    g_free(w.ateliers);
    deliver_ctx_clear(&w.ctx);
    return 0;
}
