#define _GNU_SOURCE /* asprintf */
#include "util/run_once.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

bool run_once_first(const char *what)
{
    const char *dir = getenv(RUN_ONCE_ENV);
    if (!dir || !*dir)
        return true;
    char path[4096];
    if (snprintf(path, sizeof path, "%s/", dir) >= (int)sizeof path)
        return true;
    size_t n = 0;
    while (path[n])
        n++;
    /* the name as a file name: no slash, nothing hidden */
    for (const char *s = what; *s && n < sizeof path - 1; s++)
        path[n++] = (*s == '/' || (s == what && *s == '.')) ? '_' : *s;
    path[n] = '\0';
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return true;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd >= 0) {
        close(fd);
        return true;
    }
    return errno != EEXIST; /* a directory we cannot write to tells nothing about others */
}

char *run_once_begin(void)
{
    const char *set = getenv(RUN_ONCE_ENV);
    if (set && *set)
        return NULL;
    const char *tmp = getenv("TMPDIR");
    char *dir = NULL;
    if (asprintf(&dir, "%s/livrables-once-XXXXXX", tmp && *tmp ? tmp : "/tmp") < 0)
        return NULL;
    if (!mkdtemp(dir)) {
        free(dir);
        return NULL;
    }
    setenv(RUN_ONCE_ENV, dir, 1);
    return dir;
}

void run_once_end(char *dir)
{
    if (!dir)
        return;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        char path[4096];
        if (e->d_name[0] != '.' && snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < (int)sizeof path)
            unlink(path);
    }
    if (d)
        closedir(d);
    rmdir(dir);
    unsetenv(RUN_ONCE_ENV);
    free(dir);
}
