#include "util/atomic_file.h"
#include "util/fatal_signal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- stale temporaries ---------------------------------------------------------------- */

/* Removes "BASE.tmp-PID-XXXXXX" files next to `final_path` whose process no longer exists:
 * what a crash or a SIGKILL left behind. */
static void remove_stale(const char *final_path)
{
    char *dir_copy = strdup(final_path), *base_copy = strdup(final_path);
    if (!dir_copy || !base_copy)
        abort();
    const char *base = basename(base_copy);
    DIR *d = opendir(dirname(dir_copy));
    if (!d) {
        free(dir_copy);
        free(base_copy);
        return;
    }
    size_t blen = strlen(base);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, base, blen) != 0 || strncmp(e->d_name + blen, ".tmp-", 5) != 0)
            continue;
        char *end;
        long pid = strtol(e->d_name + blen + 5, &end, 10);
        if (pid <= 0 || *end != '-' || strlen(end + 1) != 6 || pid == (long)getpid())
            continue;
        if (kill((pid_t)pid, 0) < 0 && errno == ESRCH)
            unlinkat(dirfd(d), e->d_name, 0);
    }
    closedir(d);
    free(dir_copy);
    free(base_copy);
}

/* ---- outputs ------------------------------------------------------------------------- */

/* Standard output, or an existing destination that renaming would destroy. */
static FILE *open_in_place(const char *final_path, bool *in_place)
{
    *in_place = true;
    if (strcmp(final_path, "-") == 0) {
        int fd = dup(STDOUT_FILENO);
        FILE *f = fd < 0 ? NULL : fdopen(fd, "wb");
        if (fd >= 0 && !f)
            close(fd);
        return f;
    }
    struct stat st;
    if (stat(final_path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        return fopen(final_path, "wb");
    *in_place = false;
    return NULL;
}

FILE *atomic_file_create(const char *final_path, char **temp)
{
    bool in_place;
    FILE *direct = open_in_place(final_path, &in_place);
    if (in_place) {
        *temp = NULL;
        return direct;
    }
    remove_stale(final_path);
    size_t n = strlen(final_path) + 40;
    char *name = malloc(n);
    if (!name)
        abort();
    snprintf(name, n, "%s.tmp-%ld-XXXXXX", final_path, (long)getpid());
    int fd = mkstemp(name);
    if (fd < 0) {
        free(name);
        return NULL;
    }
    fatal_signal_add_file(name);
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        int err = errno;
        close(fd);
        atomic_file_discard(name);
        free(name);
        errno = err;
        return NULL;
    }
    *temp = name;
    return f;
}

bool atomic_file_publish(const char *temp, const char *final_path)
{
    if (!temp)
        return true;
    bool ok = rename(temp, final_path) == 0;
    int err = errno;
    if (ok)
        fatal_signal_remove_file(temp);
    else
        atomic_file_discard(temp);
    errno = err;
    return ok;
}

void atomic_file_discard(const char *temp)
{
    if (!temp)
        return;
    unlink(temp);
    fatal_signal_remove_file(temp);
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
    if (ok && commit && !atomic_file_publish(temp, final_path)) {
        ok = false;
        err = errno;
    }
    if (!ok || !commit)
        atomic_file_discard(temp);
    free(temp);
    errno = err;
    return ok;
}

bool atomic_file_same(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, "-") == 0 || strcmp(b, "-") == 0)
        return false;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino && S_ISREG(sa.st_mode);
}
