/* Where templates/, styles/ and schema/ live. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source/source.h"
#include "util/exe_dir.h"

#ifndef LIVRABLES_DATADIR
#define LIVRABLES_DATADIR "/usr/local/share/livrables"
#endif

static bool has_templates(const char *dir)
{
    char path[PATH_MAX];
    struct stat st;
    snprintf(path, sizeof path, "%s/templates", dir);
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Looks around the executable: PREFIX/bin → PREFIX/share/livrables; build/livrables or
 * build/tests/x → the source tree. Fills `out` and returns true when found. */
static bool beside_executable(char *out, size_t size)
{
    char exe[PATH_MAX];
    if (!exe_dir(exe, sizeof exe))
        return false;
    static const char *const tries[] = {"%s/../share/livrables", "%s/..", "%s/../.."};
    for (size_t i = 0; i < sizeof tries / sizeof *tries; i++) {
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, tries[i], exe);
        char *real = realpath(dir, NULL);
        bool found = real && has_templates(real);
        if (found)
            snprintf(out, size, "%s", real);
        free(real);
        if (found)
            return true;
    }
    return false;
}

const char *source_data_dir(void)
{
    static char dir[PATH_MAX];
    const char *env = getenv("LIVRABLES_DATADIR");
    if (env && *env)
        return env;
    if (!dir[0] && !beside_executable(dir, sizeof dir))
        snprintf(dir, sizeof dir, "%s", LIVRABLES_DATADIR);
    return dir;
}

char *source_data_path(const char *rel)
{
    const char *dir = source_data_dir();
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *p = malloc(n);
    if (!p)
        abort();
    snprintf(p, n, "%s/%s", dir, rel);
    return p;
}
