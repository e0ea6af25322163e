/* Render: one XSL-FO document to PDF, PNG pages or a layout dump.
 *
 * This is the engine's face for the rest of the program: it strings fo → layout → paint
 * together, page-sequence by page-sequence, with as many layout passes as forward
 * page-number citations need. The output is written to a temporary file and renamed into
 * place only when the whole document succeeded.
 */
#ifndef LIVRABLES_RENDER_H
#define LIVRABLES_RENDER_H

#include <stdbool.h>

#include "diag/diag.h"
#include "paint/paint.h"
#include "util/strlist.h"

/* Fonts and shaped words, shared by every document rendered in one process. */
typedef struct render_engine render_engine;

/* A new engine; font warnings go to `d` (borrowed; must outlive the engine). */
render_engine *render_engine_new(diag *d);
void render_engine_destroy(render_engine *e); /* accepts NULL */

/* The first family of a font-family list when it is not installed (NULL otherwise); *used
 * receives the installed family that replaces it (NULL: fontconfig's fallback). Strings
 * owned by the engine. For warnings about a charter's fonts. */
const char *render_font_missing(render_engine *e, const char *families, const char **used);

typedef struct {
    paint_format format;
    double dpi; /* PNG */
    /* Metadata given on the command line; they override the FO's declarations. */
    const char *title, *author, *subject, *keywords;
    /* Seconds since the epoch for the PDF dates; < 0 takes SOURCE_DATE_EPOCH if set,
     * else the current time. */
    long long creation_date;
    /* When not NULL, receives the files the output was made from (the FO file, images). */
    strlist *inputs;
    /* The most pages a document may have (an error past it); 0 for the default. */
    int max_pages;
    /* A bitmap printed below this many pixels an inch is warned about; 0 (the default):
     * never, as FOP. */
    double min_ppi;
} render_options;

/* Sets the defaults: PDF, 96 dpi, no metadata, creation_date -1, no inputs list. */
void render_options_init(render_options *o);

/* Renders the FO file `fo_path` to `out_path`. Returns false when anything failed (every
 * problem reported to `d`); then no output is left behind and an existing one is kept. */
bool render_file(render_engine *e, const char *fo_path, const char *out_path,
                 const render_options *o, diag *d);

/* The same for the text of an FO document in memory (`len` bytes, borrowed), streamed page-
 * sequence by page-sequence as a file is; diagnostics name `fo_name` with the text's lines. */
bool render_memory(render_engine *e, const char *text, size_t len, const char *fo_name,
                   const char *out_path, const render_options *o, diag *d);

/* The creation date to use: SOURCE_DATE_EPOCH when set and valid, else now. */
long long render_default_date(void);

#endif
