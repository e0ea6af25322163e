/* Shared by the libFuzzer entry points: a scratch directory per process (the input, copies
 * of the test images, and an output folder emptied after every input), and a diag that
 * prints nowhere (the fuzzer looks for crashes, leaks and undefined behaviour, not for
 * diagnostics). Header-only: each target is one .c file, which defines _XOPEN_SOURCE 700
 * (for nftw) before any include. */
#ifndef LIVRABLES_FUZZ_SUPPORT_H
#define LIVRABLES_FUZZ_SUPPORT_H

#include <ftw.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag/diag.h"

/* A directory of this process's own, created once (it outlives the run: libFuzzer exits
 * without a hook, so an empty directory is left in $TMPDIR). */
static const char *fuzz_scratch_dir(void)
{
    static char dir[PATH_MAX];
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/livrables-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(dir))
            abort();
    }
    return dir;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    remove(path);
    return 0;
}

/* DIR/out, where outputs go: created empty for each input by fuzz_out_dir(), removed with
 * all it holds by fuzz_out_clear(). The input and the images stay in DIR. */
static const char *fuzz_out_dir(void)
{
    static char out[PATH_MAX];
    snprintf(out, sizeof out, "%s/out", fuzz_scratch_dir());
    mkdir(out, 0777);
    return out;
}

static void fuzz_out_clear(void)
{
    nftw(fuzz_out_dir(), remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Writes `data` to DIR/name; the path goes to `path`. */
static void fuzz_scratch_write(const char *name, const uint8_t *data, size_t size,
                               char *path, size_t path_size)
{
    snprintf(path, path_size, "%s/%s", fuzz_scratch_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
}

/* Copies the source tree's file `rel` to DIR/name (DIR/images/... made as needed), so that
 * inputs naming the test files' images find them. A missing file is skipped. */
static void fuzz_scratch_copy(const char *rel, const char *name)
{
#ifdef FUZZ_DATADIR
    char from[PATH_MAX], to[PATH_MAX];
    snprintf(from, sizeof from, "%s/%s", FUZZ_DATADIR, rel);
    FILE *in = fopen(from, "rb");
    if (!in)
        return;
    uint8_t buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, in);
    fclose(in);
    snprintf(to, sizeof to, "%s/%s", fuzz_scratch_dir(), name);
    char *slash = strrchr(to, '/');
    *slash = '\0';
    mkdir(to, 0777);
    fuzz_scratch_write(name, buf, n, to, sizeof to);
#endif
}

/* A diag printing into /dev/null, or to stderr when FUZZ_VERBOSE is set (to see what an
 * input does while reproducing it). */
static diag *fuzz_diag_new(void)
{
    static FILE *null; /* opened once: a diag does not close its stream */
    if (getenv("FUZZ_VERBOSE"))
        return diag_new(stderr);
    if (!null && !(null = fopen("/dev/null", "w")))
        abort();
    return diag_new(null);
}

/* Templates, charters and the schema are read from the source tree. */
static void fuzz_use_source_tree(void)
{
#ifdef FUZZ_DATADIR
    setenv("LIVRABLES_DATADIR", FUZZ_DATADIR, 0);
#endif
}

#endif
