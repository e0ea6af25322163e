/* Private to transform: routing libxslt's and libxml2's messages to a diag while a
 * stylesheet compiles or runs. */
#ifndef LIVRABLES_XSLT_ERRORS_H
#define LIVRABLES_XSLT_ERRORS_H

#include <libxml/xmlerror.h>
#include <stdbool.h>

#include "diag/diag.h"
#include "util/xml_errors.h"

typedef struct {
    diag *d;
    const char *fallback; /* file named by messages without a location */
    char loc_file[1024];  /* location given by the last context line */
    int loc_line;
    bool located, loc_warning;
    char line[2048]; /* the line being gathered */
    size_t n;
    int errors;
    xml_handlers saved;
} xslt_errors;

/* Routes every message to `d` until xslt_errors_restore(). */
void xslt_errors_install(xslt_errors *e, diag *d, const char *fallback);
void xslt_errors_restore(xslt_errors *e);

/* The unstructured writer (also given to xsltSetTransformErrorFunc). */
void xslt_errors_write(void *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Reports a last line left without its newline. */
void xslt_errors_flush(xslt_errors *e);

#endif
