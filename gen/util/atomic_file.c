#include "util/atomic_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

FILE *atomic_file_create(const char *final_path, char **temp)
{
    size_t n = strlen(final_path) + 8;
    char *name = malloc(n);
    if (!name)
        abort();
    snprintf(name, n, "%s.XXXXXX", final_path);
    int fd = mkstemp(name);
    if (fd < 0) {
        free(name);
        return NULL;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        int err = errno;
        close(fd);
        unlink(name);
        free(name);
        errno = err;
        return NULL;
    }
    *temp = name;
    return f;
}

bool atomic_file_finish(FILE *f, char *temp, const char *final_path, bool commit)
{
    bool ok = true;
    int err = 0;
    if (f) {
        errno = 0;
        ok = fflush(f) == 0 && !ferror(f);
        err = ok ? 0 : (errno ? errno : EIO);
        if (fclose(f) != 0 && ok) {
            ok = false;
            err = errno;
        }
    }
    if (ok && commit && rename(temp, final_path) != 0) {
        ok = false;
        err = errno;
    }
    if (!ok || !commit)
        unlink(temp);
    free(temp);
    errno = err;
    return ok;
}
