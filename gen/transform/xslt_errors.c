/* libxslt's error text as diagnostics.
 *
 * libxslt reports an error as two unstructured writes: a context line ("runtime error:
 * file F line N element E") and then the message. Lines are gathered, a context line gives
 * the location of the next message line; lines without context are xsl:message output and
 * become warnings. libxml2's structured errors (XPath, parsing a stylesheet) keep theirs.
 */
#include <libxslt/xsltutils.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "transform/xslt_errors.h"
#include "util/i18n.h"

/* Reads a context line into e->loc_*; false when `line` is not one. */
static bool parse_context(xslt_errors *e, const char *line)
{
    static const char *const kinds[] = {"runtime error", "compilation error", "compilation warning", "error"};
    size_t k;
    for (k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        size_t n = strlen(kinds[k]);
        if (strncmp(line, kinds[k], n) == 0 && line[n] == ':')
            break;
    }
    if (k == sizeof kinds / sizeof *kinds)
        return false;
    e->loc_warning = strstr(kinds[k], "warning") != NULL;
    e->loc_file[0] = '\0';
    e->loc_line = 0;
    e->located = true;
    const char *f = strstr(line, ": file ");
    if (f) {
        f += 7;
        const char *end = strstr(f, " line ");
        if (!end)
            end = strstr(f, " element ");
        size_t n = end ? (size_t)(end - f) : strlen(f);
        if (n >= sizeof e->loc_file)
            n = sizeof e->loc_file - 1;
        memcpy(e->loc_file, f, n);
        e->loc_file[n] = '\0';
        const char *l = strstr(f, " line ");
        if (l)
            e->loc_line = atoi(l + 6);
    }
    return true;
}

static void take_line(xslt_errors *e, const char *line)
{
    if (!*line || parse_context(e, line))
        return;
    if (e->located) {
        diag_severity sev = e->loc_warning ? DIAG_WARNING : DIAG_ERROR;
        if (sev == DIAG_ERROR)
            e->errors++;
        diag_report(e->d, sev, e->loc_file[0] ? e->loc_file : e->fallback, e->loc_line, "%s", line);
        e->located = false;
    } else {
        diag_warning(e->d, e->fallback, 0, "%s", line);
    }
}

void xslt_errors_write(void *ctx, const char *fmt, ...)
{
    xslt_errors *e = ctx;
    char text[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    for (const char *p = text; *p; p++) {
        if (*p == '\n' || e->n == sizeof e->line - 1) {
            e->line[e->n] = '\0';
            take_line(e, e->line);
            e->n = 0;
            if (*p == '\n')
                continue;
        }
        e->line[e->n++] = *p;
    }
}

void xslt_errors_flush(xslt_errors *e)
{
    if (e->n) {
        e->line[e->n] = '\0';
        take_line(e, e->line);
        e->n = 0;
    }
}

static void structured(void *ctx, xmlErrorPtr err)
{
    xslt_errors *e = ctx;
    char msg[2048];
    snprintf(msg, sizeof msg, "%s", err->message ? err->message : "XML error");
    xml_message_trim(msg);
    const char *file = err->file ? err->file : e->fallback;
    diag_severity sev = err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
    if (sev == DIAG_ERROR)
        e->errors++;
    if (err->domain == XML_FROM_XPATH && err->str1)
        diag_report(e->d, sev, file, err->line, _("XPath: %s in '%s'"), msg, err->str1);
    else
        diag_report(e->d, sev, file, err->line, "%s", msg);
}

void xslt_errors_install(xslt_errors *e, diag *d, const char *fallback)
{
    memset(e, 0, sizeof *e);
    e->d = d;
    e->fallback = fallback;
    xml_handlers_save(&e->saved);
    xmlSetStructuredErrorFunc(e, structured);
    xmlSetGenericErrorFunc(e, xslt_errors_write);
    xsltSetGenericErrorFunc(e, xslt_errors_write);
}

void xslt_errors_restore(xslt_errors *e)
{
    xslt_errors_flush(e);
    xml_handlers_restore(&e->saved);
    xsltSetGenericErrorFunc(NULL, NULL);
}
