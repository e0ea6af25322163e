#include "util/run_once.h"

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
