#include "util/depfile.h"

#include "util/atomic_file.h"
#include "util/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Make's quoting: backslash before space and '#', '$' doubled. */
static void put_name(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == ' ' || *s == '#')
            fputc('\\', f);
        else if (*s == '$')
            fputc('$', f);
        fputc(*s, f);
    }
}

bool depfile_write(const char *path, const depfile_rule *rules, size_t nrules, diag *d)
{
    char *tmp = NULL;
    FILE *f = atomic_file_create(path, &tmp);
    if (!f) {
        diag_error(d, path, 0, _("cannot write dependency file: %s"), strerror(errno));
        return false;
    }
    strlist all = {0};
    for (size_t r = 0; r < nrules; r++) {
        put_name(f, rules[r].target);
        fputc(':', f);
        for (size_t i = 0; i < rules[r].deps->count; i++) {
            fputs(" \\\n  ", f);
            put_name(f, rules[r].deps->items[i]);
            strlist_add(&all, rules[r].deps->items[i]);
        }
        fputc('\n', f);
    }
    for (size_t i = 0; i < all.count; i++) {
        fputc('\n', f);
        put_name(f, all.items[i]);
        fputs(":\n", f);
    }
    strlist_clear(&all);
    if (!atomic_file_finish(f, tmp, path, true)) {
        diag_error(d, path, 0, _("cannot write dependency file: %s"), strerror(errno));
        return false;
    }
    return true;
}
