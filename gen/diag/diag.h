/* Diagnostics: problems found in the user's inputs (sources, templates, FO files).
 *
 * Every problem goes through diag_report(), printed as `file:line: severity: message`
 * (the form editors and make understand). A breakpoint on diag_report catches them all.
 * The caller decides whether to go on; diag_error_count() tells whether anything failed.
 */
#ifndef LIVRABLES_DIAG_H
#define LIVRABLES_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR } diag_severity;

typedef struct diag diag;

/* A reporter writing to `out` (usually stderr). Destroy with diag_destroy(). */
diag *diag_new(FILE *out);
void diag_destroy(diag *d); /* accepts NULL */

/* Reports one problem. `file` may be NULL (no location); `line` <= 0 omits the line.
 * Identical reports (same file, line and text) are printed once only, so a document
 * laid out twice does not repeat its warnings. */
void diag_report(diag *d, diag_severity sev, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void diag_vreport(diag *d, diag_severity sev, const char *file, int line, const char *fmt,
                  va_list ap);

/* Shorthands for the two common cases. */
#define diag_error(d, file, line, ...) diag_report((d), DIAG_ERROR, (file), (line), __VA_ARGS__)
#define diag_warning(d, file, line, ...) diag_report((d), DIAG_WARNING, (file), (line), __VA_ARGS__)

int diag_error_count(const diag *d);
int diag_warning_count(const diag *d);

/* While quiet, nothing is printed but errors are still counted. */
void diag_set_quiet(diag *d, bool quiet);

/* With `strict`, every warning is reported and counted as an error (--strict): for
 * stylesheet authors who want an approximation to fail their CI. */
void diag_set_strict(diag *d, bool strict);
bool diag_strict(const diag *d);

/* Forgets which messages were printed, so that the same problem is reported again (each
 * rebuild of build --watch is a new run for its reader). */
void diag_forget_reported(diag *d);

/* A progress line ("[7/13] feuille-de-route.pdf") shown on the reporter's output when it is
 * a terminal, rewritten in place; diagnostics print above it. NULL clears it (call before
 * the program ends). Nothing is ever drawn when the output is not a terminal. */
void diag_progress(diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* For a worker process whose parent prints (build's deliverables in parallel): while `to` is
 * not NULL, reports are counted and deduplicated as usual but written to `to` as records
 * instead of printed, and no progress line is drawn. NULL prints again. */
void diag_divert(diag *d, FILE *to);

/* Reports, in order, the `len` bytes of records a capturing reporter wrote (diag_divert), as
 * if they were reported here: counted, deduplicated against this reporter's earlier reports,
 * printed. False when the records are malformed (those before the fault are reported). */
bool diag_replay(diag *d, const char *records, size_t len);

/* The text of the first error reported, or NULL (for callers that summarize a failure). */
const char *diag_first_error(const diag *d);

#endif
