#include "util/readable.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

bool file_readable(const char *path, const char *failure, diag *d)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error(d, path, 0, "%s: %s", failure, strerror(errno));
        return false;
    }
    fclose(f);
    return true;
}
