/* Usage errors, the output format and the charter: the options build and dossier share. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_internal.h"
#include "util/i18n.h"

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, _("livrables %s: error: "), cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, _("\nTry 'livrables %s --help'.\n"), cmd);
    va_end(ap);
    return EXIT_USAGE;
}

bool cli_parse_count(const char *s, int max, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || end == s || v < 1 || v > max)
        return false;
    *out = (int)v;
    return true;
}

bool cli_deliver_format(const char *s, deliver_format *f)
{
    if (strcmp(s, "pdf") == 0)
        *f = DELIVER_PDF;
    else if (strcmp(s, "fo") == 0)
        *f = DELIVER_FO;
    else if (strcmp(s, "png") == 0)
        *f = DELIVER_PNG;
    else
        return false;
    return true;
}

int cli_check_style(const char *cmd, const char *style)
{
    const char *name = style ? style : "etat";
    char *available = NULL;
    char *path = deliver_style_path(name, &available);
    if (!path) {
        fprintf(stderr, _("livrables %s: error: unknown style '%s' (available: %s)\n"), cmd, name,
                available);
        free(available);
        return EXIT_USAGE;
    }
    free(path);
    return EXIT_OK;
}
