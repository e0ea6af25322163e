/* Shared by the loader and the validator: routing libxml2's errors to a diag. */
#ifndef LIVRABLES_SOURCE_INTERNAL_H
#define LIVRABLES_SOURCE_INTERNAL_H

#include <libxml/xmlerror.h>

#include "source/source.h"
#include "util/xml_errors.h"

struct source_include {
    const struct _xmlNode *node; /* top element of an XIncluded file */
    char *file;                  /* that file, as resolved against the source's name */
};

/* What an error handler needs while libxml2 runs. */
typedef struct {
    diag *d;
    const source *src;    /* maps nodes to their files; may be NULL */
    const char *root;     /* XInclude boundary (absolute directory); may be NULL */
    strlist refused;      /* URLs the file hook refused */
    int errors;
    /* libxml2 reports some summary errors ("Element action failed to validate
     * attributes") without a location, just before the located detail: such a message
     * waits here and is printed with the location of the next one. */
    char *pending;
    diag_severity pending_sev;
    const char *last_file;
    int last_line;
} source_errctx;

/* The libxml2 error globals saved while our handler is installed. */
typedef struct {
    xml_handlers prev;
    source_errctx *ctx;
} source_errsave;

/* Routes every libxml2 error to `c` until source_errors_restore(). */
void source_errors_install(source_errctx *c, source_errsave *save);
void source_errors_restore(const source_errsave *save);

/* `url` as a file name: "file://" removed and %XX escapes decoded. malloc'd. */
char *source_url_to_path(const char *url);

/* Removes "." and "x/.." segments of a relative path in place ("sites/../images/a.png" →
 * "images/a.png"); leading ".." that cannot be removed stay. */
void source_path_normalize_relative(char *path);

/* Notes that `node` and what lies under it (unless noted otherwise) came from `file`: an
 * XIncluded file, a spreadsheet, or one of its cells ("plan.ods:actions:F12"). */
void source_note_origin(source *s, const struct _xmlNode *node, const char *file);

/* Whether a file `url` may be read by the source: inside its folder or an --allow-path one. */
bool source_path_allowed(const source *s, const char *url);

/* Replaces each <plan-actions href="..."/> of a strategie by the axes, objectives and
 * actions of its spreadsheet (source_sheet_plan.c), adding the spreadsheet to s->files.
 * False after reporting the problems, naming cells. */
bool source_sheet_expand(source *s, diag *d);

#endif
