#include "util/readable.h"
#include "util/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

bool file_readable(const char *path, const char *failure, diag *d)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error(d, path, 0, _("%s: %s"), failure, strerror(errno));
        return false;
    }
    /* libxml2 would call an empty file "Extra content at the end of the document". */
    bool empty = fgetc(f) == EOF && !ferror(f);
    fclose(f);
    if (empty) {
        diag_error(d, path, 0, _("%s: the file is empty"), failure);
        return false;
    }
    return true;
}
