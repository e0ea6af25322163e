#include "util/depfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp)
        abort();
    snprintf(tmp, n, "%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd >= 0) {
        /* mkstemp makes the file private; give it the permissions of an ordinary file. */
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        diag_error(d, path, 0, "cannot write dependency file: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        free(tmp);
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
    bool ok = fflush(f) == 0 && !ferror(f);
    ok = (fclose(f) == 0) && ok;
    if (ok && rename(tmp, path) != 0)
        ok = false;
    if (!ok) {
        diag_error(d, path, 0, "cannot write dependency file: %s", strerror(errno));
        unlink(tmp);
    }
    free(tmp);
    return ok;
}
