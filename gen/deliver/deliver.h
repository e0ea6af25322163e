/* Deliver: ateliers to their deliverables (the build, dossier and init commands' engine).
 *
 * For each atelier: load and validate the source, then for every site S write
 * OUT/S/note-de-cadrage, carnet-de-suivi, rapport-final, feuille-de-route and once
 * OUT/livret-de-capitalisation (.pdf, .fo or -N.png pages). With several ateliers each goes
 * to OUT/ATELIER-ID/. Stylesheets are compiled once per process. An atelier's deliverables
 * are rendered by `jobs` worker processes forked after the shared work, their messages
 * printed whole and in build order; with several ateliers and jobs > 1 every atelier is
 * built in its own child process instead, N at a time. One failing deliverable or atelier
 * does not stop the others.
 */
#ifndef LIVRABLES_DELIVER_H
#define LIVRABLES_DELIVER_H

#include <stdbool.h>

#include "diag/diag.h"
#include "util/strlist.h"

typedef enum { DELIVER_PDF, DELIVER_FO, DELIVER_PNG } deliver_format;

typedef struct {
    const char *out_dir;     /* required */
    const char *only;        /* comma-separated deliverable names, NULL for all */
    const char *sites;       /* comma-separated site ids: only their per-site deliverables
                                (one atelier only); NULL for every site */
    const char *style;       /* charter name; NULL for "etat" */
    deliver_format format;
    double dpi;              /* PNG pages; 0 for the render default */
    const char *depfile;     /* -M: Makefile fragment to write, or NULL */
    int jobs;                /* processes at a time: with several ateliers and jobs > 1, one
                                per atelier (each renders its deliverables in turn); else
                                one atelier at a time, its deliverables over `jobs` worker
                                processes; 0 for the online processors */
    const char *bloc_marque; /* image for the cover's bloc-marque, or NULL */
    bool dry_run;            /* validate and print the outputs, one a line; write nothing */
} deliver_options;

/* Sets the defaults: PDF, all deliverables, charter "etat", jobs 0 (the processors). */
void deliver_options_init(deliver_options *o);

/* The deliverable names, in build order, NULL-terminated (borrowed, static). */
const char *const *deliver_names(void);

/* Checks a --only list: true when every name is a deliverable; otherwise reports the first
 * unknown one (with the list of known names) and returns false. */
bool deliver_check_only(const char *only, diag *d);

/* The charter file for `name` (malloc'd, caller frees), or NULL when there is none; then
 * `available` (when not NULL) receives the known names as "etat, neutre" (malloc'd). */
char *deliver_style_path(const char *name, char **available);

/* Builds the ateliers of `paths`. Diagnostics go to `d` (children of a parallel batch
 * print their own); progress to stdout: "[3/7] building x" updated in place on a terminal,
 * else one "wrote FILE" line per output; a batch ends with "built N ateliers, M failed: ...".
 * With o->dry_run, each source is validated and the outputs it would give are printed on
 * stdout, one path a line (PNG: the first page), and nothing else: no file, no directory, no
 * -M file. A site of o->sites that an atelier lacks is an error of that atelier (nothing of
 * it is built). The -M file is written only when every atelier succeeded (a failed build
 * leaves it as it was). Returns the exit code: 0, or 1 when any atelier failed. */
int deliver_build(const char *const *paths, int npaths, const deliver_options *o, diag *d);

/* build --watch: builds the ateliers of `paths` once, then, until SIGINT or SIGTERM, rebuilds
 * the outputs whose inputs (as the -M file would list them) change, printing one line per
 * rebuild with its time. A failed rebuild is reported and waits for the next change.
 * Returns 0 when stopped. */
int deliver_watch(const char *const *paths, int npaths, const deliver_options *o, diag *d);

/* Builds one PDF (or FO, per o->format) for the final seminar from several ateliers with
 * templates/dossier.xsl, at `out_path`. Returns the exit code (0 or 1). */
int deliver_dossier(const char *const *paths, int npaths, const char *out_path,
                    const deliver_options *o, diag *d);

/* Writes a commented starter atelier into `dir` (created if needed): atelier.xml,
 * sites/mon-site.xml and a Makefile. Refuses (error, nothing written) when any of them
 * exists. Returns the exit code (0 or 1). */
int deliver_init(const char *dir, diag *d);

#endif
