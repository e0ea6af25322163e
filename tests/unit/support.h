/* Helpers shared by the unit tests: a diag writing into memory (so a test reads the exact
 * text printed), an arena with such a diag as a cmocka fixture, scratch directories, and
 * whole files read into memory. Header-only: every test is one .c file. */
#ifndef LIVRABLES_TEST_SUPPORT_H
#define LIVRABLES_TEST_SUPPORT_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag/diag.h"
#include "util/arena.h"

/* ---- a diag writing into memory ------------------------------------------------------ */

typedef struct {
    FILE *f;
    char *text;
    size_t size;
    diag *d;
} diag_capture;

static inline void diag_capture_open(diag_capture *c)
{
    c->text = NULL;
    c->size = 0;
    c->f = open_memstream(&c->text, &c->size);
    if (!c->f)
        abort();
    c->d = diag_new(c->f);
}

/* Everything printed so far ("" when nothing); valid until the next report or the close. */
static inline const char *diag_capture_text(diag_capture *c)
{
    fflush(c->f);
    return c->text ? c->text : "";
}

/* The number of bytes printed so far. */
static inline size_t diag_capture_size(diag_capture *c)
{
    fflush(c->f);
    return c->size;
}

static inline void diag_capture_close(diag_capture *c)
{
    diag_destroy(c->d);
    fclose(c->f);
    free(c->text);
}

/* ---- cmocka fixture: an arena and a captured diag ------------------------------------- */

typedef struct {
    arena *a;
    diag *d; /* log.d */
    diag_capture log;
} arena_log;

static inline int arena_log_setup(void **state)
{
    arena_log *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->a = arena_new();
    diag_capture_open(&f->log);
    f->d = f->log.d;
    *state = f;
    return 0;
}

static inline int arena_log_teardown(void **state)
{
    arena_log *f = *state;
    diag_capture_close(&f->log);
    arena_destroy(f->a);
    free(f);
    return 0;
}

/* A cmocka test run with a fresh arena_log in *state. */
#define ARENA_LOG_TEST(fn) cmocka_unit_test_setup_teardown(fn, arena_log_setup, arena_log_teardown)

/* ---- scratch directories -------------------------------------------------------------- */

/* Makes a new empty directory "/tmp/PREFIX-XXXXXX"; its name goes to `dir` (64 bytes).
 * False if it could not be made. */
static inline bool scratch_new(char dir[64], const char *prefix)
{
    snprintf(dir, 64, "/tmp/%s-XXXXXX", prefix);
    return mkdtemp(dir) != NULL;
}

/* Removes `dir` and everything below it (symbolic links are not followed). 0 on success,
 * -1 otherwise. */
static inline int scratch_remove(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(n);
        if (!path)
            abort();
        snprintf(path, n, "%s/%s", dir, e->d_name);
        if ((e->d_type == DT_DIR ? scratch_remove(path) : unlink(path)) != 0)
            rc = -1;
        free(path);
    }
    closedir(d);
    return rmdir(dir) == 0 ? rc : -1;
}

/* ---- files ----------------------------------------------------------------------------- */

/* The whole file, NUL-terminated (free it); *len its size when len is not NULL. NULL if it
 * cannot be read. */
static inline char *read_whole_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    size_t size = 0;
    FILE *m = open_memstream(&text, &size);
    char buf[4096];
    size_t n;
    while (m && (n = fread(buf, 1, sizeof buf, f)) > 0)
        fwrite(buf, 1, n, m);
    bool ok = m && !ferror(f);
    fclose(f);
    if (m)
        fclose(m);
    if (!ok) {
        free(text);
        return NULL;
    }
    if (len)
        *len = size;
    return text;
}

#endif
