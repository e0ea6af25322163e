/* The deliverables, the charters and the options' defaults. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deliver/deliver_internal.h"
#include "util/i18n.h"

const deliverable deliver_table[DELIVER_COUNT] = {
    {"note-de-cadrage", true, 8},   {"carnet-de-suivi", true, 10},           {"rapport-final", true, 25},
    {"feuille-de-route", true, 32}, {"livret-de-capitalisation", false, 15},
};

void deliver_options_init(deliver_options *o)
{
    memset(o, 0, sizeof *o);
    o->format = DELIVER_PDF;
    o->jobs = 0; /* the online processors, over one atelier's deliverables */
}

const char *const *deliver_names(void)
{
    static const char *names[DELIVER_COUNT + 1];
    for (int i = 0; i < DELIVER_COUNT; i++)
        names[i] = deliver_table[i].name;
    return names;
}

bool deliver_listed(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, name, n) == 0)
            return true;
        p += len + (end != NULL);
    }
    return false;
}

bool deliver_check_only(const char *only, diag *d)
{
    for (const char *p = only; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        bool known = false;
        for (int i = 0; i < DELIVER_COUNT; i++)
            known |= strlen(deliver_table[i].name) == len && strncmp(p, deliver_table[i].name, len) == 0;
        if (!known) {
            diag_error(d, NULL, 0,
                       _("unknown deliverable '%.*s' (available: note-de-cadrage, carnet-de-suivi, "
                       "rapport-final, feuille-de-route, livret-de-capitalisation)"),
                       (int)len, p);
            return false;
        }
        p += len + (end != NULL);
    }
    return true;
}

bool deliver_selected(const deliver_options *o, int i)
{
    return !o->only || deliver_listed(o->only, deliver_table[i].name);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "etat, neutre": the charters in styles/ (base.xsl holds the defaults, not a charter). */
static char *available_styles(const char *dir)
{
    strlist names = {0};
    DIR *dh = opendir(dir);
    for (struct dirent *e; dh && (e = readdir(dh));) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".xsl") == 0 && strcmp(e->d_name, "base.xsl") != 0) {
            char name[256];
            snprintf(name, sizeof name, "%.*s", (int)(n - 4), e->d_name);
            strlist_add(&names, name);
        }
    }
    if (dh)
        closedir(dh);
    if (names.count)
        qsort(names.items, names.count, sizeof *names.items, compare_names);
    size_t size = 1;
    for (size_t i = 0; i < names.count; i++)
        size += strlen(names.items[i]) + 2;
    char *out = calloc(1, size);
    if (!out)
        abort();
    for (size_t i = 0; i < names.count; i++) {
        if (i)
            strcat(out, ", ");
        strcat(out, names.items[i]);
    }
    strlist_clear(&names);
    return out;
}

/* True when `name` is a path to a charter file of the user's (ends in .xsl). */
static bool is_charter_file(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".xsl") == 0;
}

char *deliver_style_path(const char *name, char **available)
{
    if (available)
        *available = NULL;
    /* A design team's own charter can live in its repository: --style charte/ddt26.xsl */
    if (is_charter_file(name)) {
        char *path = realpath(name, NULL);
        if (path && access(path, R_OK) == 0)
            return path;
        free(path);
        if (available)
            *available = strdup("a readable .xsl file, or a name from styles/");
        return NULL;
    }
    char *dir = source_data_path("styles");
    bool plain = *name && !strchr(name, '/') && strcmp(name, "base") != 0 && name[0] != '.';
    size_t n = strlen(dir) + strlen(name) + 8;
    char *path = malloc(n);
    if (!path)
        abort();
    snprintf(path, n, "%s/%s.xsl", dir, name);
    if (!plain || access(path, R_OK) != 0) {
        free(path);
        path = NULL;
        if (available)
            *available = available_styles(dir);
    }
    free(dir);
    return path;
}
