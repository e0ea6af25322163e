/* The XInclude boundary: which URLs name local files inside the source's directory tree. */
#include <ctype.h>
#include <libxml/uri.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "source/source_internal.h"

/* Length of the URL's scheme including ':' ("file:" gives 5), 0 when there is none.
 * A single letter before ':' is not taken as a scheme. */
static size_t scheme_length(const char *url)
{
    size_t i = 0;
    if (!isalpha((unsigned char)url[0]))
        return 0;
    while (isalnum((unsigned char)url[i]) || url[i] == '+' || url[i] == '-' || url[i] == '.')
        i++;
    return url[i] == ':' && i > 1 ? i + 1 : 0;
}

char *source_url_to_path(const char *url)
{
    size_t sl = scheme_length(url);
    if (sl == 5 && strncasecmp(url, "file:", 5) == 0) {
        url += 5;
        if (strncmp(url, "//localhost/", 12) == 0)
            url += 11;
        else if (strncmp(url, "//", 2) == 0)
            url += 2;
    }
    char *path = xmlURIUnescapeString(url, 0, NULL);
    if (!path)
        abort();
    return path;
}

/* Removes "." and ".." segments of the absolute `path` in place ("/a/b/../c" → "/a/c").
 * ".." at the root stays at the root. */
static void normalize(char *path)
{
    char *out = path;
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        const char *seg = p;
        while (*p && *p != '/')
            p++;
        size_t n = (size_t)(p - seg);
        if (n == 0 || (n == 1 && seg[0] == '.'))
            continue;
        if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            while (out > path && *--out != '/')
                ;
            continue;
        }
        *out++ = '/';
        memmove(out, seg, n);
        out += n;
    }
    if (out == path)
        *out++ = '/';
    *out = '\0';
}

/* An absolute, normalized form of `path` (symbolic links resolved when it exists). */
static char *absolute(const char *path)
{
    char *real = realpath(path, NULL);
    if (real)
        return real;
    char cwd[PATH_MAX];
    if (path[0] != '/' && !getcwd(cwd, sizeof cwd))
        return NULL;
    size_t n = strlen(path) + strlen(cwd) + 2;
    char *abs = malloc(n);
    if (!abs)
        abort();
    if (path[0] == '/')
        snprintf(abs, n, "%s", path);
    else
        snprintf(abs, n, "%s/%s", cwd, path);
    normalize(abs);
    return abs;
}

bool source_url_inside(const char *root, const char *url)
{
    size_t sl = scheme_length(url);
    if (sl && !(sl == 5 && strncasecmp(url, "file:", 5) == 0))
        return false;
    char *path = source_url_to_path(url);
    char *abs = absolute(path);
    free(path);
    if (!abs)
        return false;
    size_t n = strlen(root);
    bool inside = strncmp(abs, root, n) == 0 && (abs[n] == '/' || (n == 1 && root[0] == '/'));
    free(abs);
    return inside;
}

void source_path_normalize_relative(char *path)
{
    char *segs[256];
    int n = 0;
    for (char *p = path, *seg; (seg = strsep(&p, "/")) && n < 256;) {
        if (!*seg || strcmp(seg, ".") == 0)
            continue;
        if (strcmp(seg, "..") == 0 && n > 0 && strcmp(segs[n - 1], "..") != 0)
            n--;
        else
            segs[n++] = seg;
    }
    char out[4096] = "";
    size_t len = 0;
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(out + len, len < sizeof out ? sizeof out - len : 0, "%s%s", i ? "/" : "", segs[i]);
    strcpy(path, out);
}
