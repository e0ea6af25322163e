/* Paint: laid-out pages to PDF, PNG or a text dump.
 *
 * Painting decides nothing: it walks the boxes of each page in order. Backends sit behind
 * a table of function pointers (pdf, png, text). Output goes to a temporary file next to
 * the destination and is renamed over it only by paint_close(p, true): a failed run leaves
 * no partial file and an existing one untouched.
 */
#ifndef LIVRABLES_PAINT_H
#define LIVRABLES_PAINT_H

#include <stdbool.h>
#include <time.h>

#include "diag/diag.h"
#include "layout/layout.h"

typedef enum { PAINT_PDF, PAINT_PNG, PAINT_TEXT } paint_format;

typedef struct {
    paint_format format;
    double dpi;                 /* PNG only; 96 when 0 */
    const char *title, *author, *subject, *keywords, *creator;
    const char *language;
    long long creation_date;    /* seconds since the epoch; < 0 means now */
} paint_options;

typedef struct painter painter;

/* Opens a painter writing `out_path`. For PNG, `out_path` "x.png" (or "x") gives
 * x-1.png, x-2.png... Returns NULL with a diagnostic if the file can't be created. */
painter *paint_open(const char *out_path, const paint_options *opts, diag *d);

/* Paints one page. Returns false (with a diagnostic) on failure, e.g. a missing image
 * becomes a warning and a grey box, a write error an error. */
bool paint_page(painter *p, const lay_page *page);

/* Adds the document outline (PDF bookmarks); may be called once, before paint_close. */
void paint_outline(painter *p, const lay_outline *outline);

/* Finishes the output. With commit, renames the temporary file(s) into place and returns
 * false if that failed; without, removes them. Frees the painter in both cases. */
bool paint_close(painter *p, bool commit);

#endif
