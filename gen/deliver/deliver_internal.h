/* Private to deliver: the state shared by the builds of one run. */
#ifndef LIVRABLES_DELIVER_INTERNAL_H
#define LIVRABLES_DELIVER_INTERNAL_H

#include <stdio.h>

#include "deliver/deliver.h"
#include "render/render.h"
#include "source/source.h"
#include "transform/transform.h"

enum { DELIVER_COUNT = 5 };

/* The resolution a printed photo or map needs, in pixels an inch: a bitmap of a source
 * printed with fewer is warned about (the usual figure for offset and laser print). */
#define DELIVER_PRINT_PPI 300.0

/* One deliverable: its template's name, whether there is one per site, and its relative
 * render time (CPU time on the multisite example: a parallel build starts the longest
 * first, so that no long one is left to run alone at the end). */
typedef struct {
    const char *name;
    bool per_site;
    int weight;
} deliverable;

extern const deliverable deliver_table[DELIVER_COUNT];

/* Whether deliver_table[i] is part of this build (--only). */
bool deliver_selected(const deliver_options *o, int i);

/* Whether `name` is one of the comma-separated `list`. */
bool deliver_listed(const char *list, const char *name);

/* Whether `n` is a site element of the atelier vocabulary. */
bool deliver_is_site(const struct _xmlNode *n);

/* Adds to `deps` the files of `s` the deliverables of `site` are made from: the source
 * itself, the files XIncluded outside every site and those XIncluded inside that site (a
 * file whose top element lies in another site is left out). With site NULL or "" (an
 * atelier-wide deliverable): every file read. */
void deliver_source_files(const source *s, const char *site, strlist *deps);

/* What a build wrote and, for each output, what it was made from (for -M). */
typedef struct {
    char *output;
    strlist deps;
} deliver_rule;

typedef struct {
    deliver_rule *rules;
    size_t count, cap;
} deliver_record;

/* Compiled once, before any child is forked; the render engine is made in the process
 * that renders (fonts are not shared across fork). */
typedef struct {
    const deliver_options *o;
    diag *d;
    char *schema_path;
    source_schema *schema;
    char *charter_path;
    transform *transforms[DELIVER_COUNT]; /* NULL when not selected */
    strlist modules[DELIVER_COUNT];       /* stylesheet modules read, per template */
    char build_date[11];
    int jobs;              /* processes rendering one atelier's deliverables (>= 1) */
    render_engine *engine;
    strlist fonts_warned; /* missing charter fonts already reported */
    /* In a build worker: its result file, and the task's missing charter fonts ("FAMILY\tUSED")
     * with the offset in that file where the one-process build would have reported them;
     * the parent reports them, once per run. NULL outside workers. */
    FILE *capture;
    strlist *fonts_deferred;
    long long fonts_deferred_at;
    bool print_written;   /* "wrote FILE" lines on stdout */
    bool progress;        /* "[k/n] FILE" on a terminal (diag_progress), outputs counted: */
    int progress_done, progress_total;
} deliver_ctx;

/* Loads the schema, the charter and the selected stylesheets; sets c->jobs from o->jobs
 * (0: the online processors). False with diagnostics. */
bool deliver_ctx_init(deliver_ctx *c, const deliver_options *o, diag *d);
void deliver_ctx_clear(deliver_ctx *c);

/* Compiles the template `name` with the charter; adds the modules read to `modules`.
 * NULL on failure. */
transform *deliver_load_template(deliver_ctx *c, const char *name, strlist *modules);

/* Loads and validates `path`; NULL with diagnostics when unusable. */
source *deliver_load_source(deliver_ctx *c, const char *path);

/* Builds one atelier into `out_dir` (or out_dir/ID when `subdir`). Returns true when every
 * output was written; records outputs and dependencies in `rec`. */
bool deliver_atelier(deliver_ctx *c, const char *path, const char *out_dir, bool subdir,
                     deliver_record *rec);

/* One deliverable of an atelier to write: deliver_table[index], for `site` ("" for the
 * atelier-wide livret). */
typedef struct {
    int index;
    char *site;
} deliver_task;

/* An atelier's deliverables, in build order, with what they share. */
typedef struct {
    const source *s;
    const char *version;
    const char *dir; /* out_dir, or out_dir/ATELIER-ID */
    deliver_task *tasks;
    int count;
} deliver_plan;

/* Runs task k of `p` (stylesheet, then the output); dependencies and outputs go to `rec`.
 * Shows no progress: see deliver_show_task. */
bool deliver_run_task(deliver_ctx *c, const deliver_plan *p, int k, deliver_record *rec);

/* The progress line "[3/13] site/name.pdf" for task k, when c->progress. */
void deliver_show_task(deliver_ctx *c, const deliver_plan *p, int k);

/* Runs the tasks of `p`: with c->jobs > 1 (and more than one task, not a dry run) in worker
 * processes forked after the shared work (source, stylesheets), each rendering the tasks it
 * takes from a queue, its diagnostics diverted; this process reports each task's messages
 * and "wrote" lines whole, in build order, as if the tasks had run here in turn (which they
 * do when no worker can be started, or with jobs 1). True when every task succeeded. */
bool deliver_run_tasks(deliver_ctx *c, const deliver_plan *p, deliver_record *rec);

/* Warns, once per run (run_once) and family, that the charter's font family `missing` is
 * not installed and `used` (NULL or "": fontconfig's fallback) replaces it; in a worker, hands
 * it to the parent instead (c->fonts_deferred). */
void deliver_font_missing(deliver_ctx *c, const char *missing, const char *used);

/* "wrote FILE" on stdout when c->print_written, above the progress line. */
void deliver_print_written(deliver_ctx *c, const char *written);

/* The record as lines "O output" each followed by its "D dependency" lines (how a child
 * process hands it back), and read back into `rec` (added to what it holds; other lines
 * are skipped). */
void deliver_record_save(const deliver_record *rec, FILE *f);
void deliver_record_load(deliver_record *rec, FILE *f);

/* Writes one stylesheet result to `out`: FO as a file, else rendered to PDF or PNG pages
 * (OUT-1.png...). On success adds the rule "output: deps + images it used" to `rec`. */
bool deliver_output(deliver_ctx *c, struct _xmlDoc *fo, const char *out, strlist *deps,
                    deliver_record *rec);

/* The file make is told about for output `out` (OUT.pdf, OUT.fo or, for PNG pages, OUT-1.png)
 * into `buf`. */
void deliver_written_name(deliver_format f, const char *out, char *buf, size_t size);

/* ".pdf", ".fo" or ".png". */
const char *deliver_extension(deliver_format f);

/* Adds to `deps` the files of a source that `site` depends on (deliver_source_files; all
 * with site NULL or ""), the stylesheet `modules` (may be NULL), the charter, the schema and
 * the bloc-marque. */
void deliver_record_inputs(deliver_ctx *c, const source *s, const char *site,
                           const strlist *modules, strlist *deps);

/* Adds the rule `output: deps` (copied) to the record. */
void deliver_record_add(deliver_record *rec, const char *output, const strlist *deps);

/* Writes the -M file when asked. */
bool deliver_write_depfile(deliver_ctx *c, const deliver_record *rec);

void deliver_record_clear(deliver_record *rec);

/* The dossier's sources make one final seminar and its programme: at most one
 * seminaire-final, and every site on its programme (points' site attributes, else the
 * seminar's atelier). Fills order[0..n) with the sources' indexes in programme order. False
 * with errors at the faulty elements; no seminar at all, or a point naming a site no source
 * holds, is a warning. */
bool dossier_programme_check(source *const *sources, int n, int *order, diag *d);

/* mkdir -p; false with a diagnostic. */
bool deliver_mkdirs(const char *dir, diag *d);

#endif
