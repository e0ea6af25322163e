/* What every atelier of a run shares: schema, charter, compiled stylesheets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "deliver/deliver_internal.h"
#include "util/depfile.h"
#include "util/grow.h"
#include "util/xalloc.h"
#include "util/i18n.h"

transform *deliver_load_template(deliver_ctx *c, const char *name, strlist *modules)
{
    char rel[256];
    snprintf(rel, sizeof rel, "templates/%s.xsl", name);
    char *path = source_data_path(rel);
    transform *t = transform_load(path, c->charter_path, modules, c->d);
    free(path);
    return t;
}

bool deliver_ctx_init(deliver_ctx *c, const deliver_options *o, diag *d)
{
    memset(c, 0, sizeof *c);
    c->o = o;
    c->d = d;
    transform_build_date(c->build_date);
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    c->jobs = o->jobs > 0 ? o->jobs : online > 1 ? (int)(online < 256 ? online : 256) : 1;
    c->schema_path = source_data_path("schema/atelier.rng");
    c->schema = source_schema_load(c->schema_path, d);
    char *available = NULL;
    c->charter_path = deliver_style_path(o->style ? o->style : "etat", &available);
    if (!c->charter_path)
        diag_error(d, NULL, 0, _("unknown style '%s' (available: %s)"), o->style ? o->style : "etat", available);
    free(available);
    if (!c->schema || !c->charter_path)
        return false;
    /* A dry run only validates and names the outputs: no stylesheet is needed. */
    bool ok = true;
    for (int i = 0; i < DELIVER_COUNT && !o->dry_run; i++)
        if (deliver_selected(o, i) &&
            !(c->transforms[i] = deliver_load_template(c, deliver_table[i].name, &c->modules[i])))
            ok = false;
    return ok;
}

void deliver_ctx_clear(deliver_ctx *c)
{
    for (int i = 0; i < DELIVER_COUNT; i++)
        transform_destroy(c->transforms[i]);
    render_engine_destroy(c->engine);
    strlist_clear(&c->fonts_warned);
    source_schema_destroy(c->schema);
    free(c->schema_path);
    free(c->charter_path);
    for (int i = 0; i < DELIVER_COUNT; i++)
        strlist_clear(&c->modules[i]);
    memset(c, 0, sizeof *c);
}

source *deliver_load_source(deliver_ctx *c, const char *path)
{
    source *s = source_load(path, c->d);
    if (s && !source_validate(c->schema, s, c->d)) {
        source_destroy(s);
        return NULL;
    }
    return s;
}

void deliver_record_inputs(deliver_ctx *c, const source *s, const char *site,
                           const strlist *modules, strlist *deps)
{
    if (s)
        deliver_source_files(s, site, deps);
    for (size_t i = 0; modules && i < modules->count; i++)
        strlist_add(deps, modules->items[i]);
    if (c->charter_path)
        strlist_add(deps, c->charter_path);
    if (c->schema_path)
        strlist_add(deps, c->schema_path);
    if (c->o->bloc_marque && *c->o->bloc_marque)
        strlist_add(deps, c->o->bloc_marque);
}

void deliver_record_add(deliver_record *rec, const char *output, const strlist *deps)
{
    GROW_HEAP(rec->rules, rec->count, rec->cap, 1, 16);
    deliver_rule *r = &rec->rules[rec->count++];
    r->output = xstrdup(output);
    r->deps = (strlist){0};
    for (size_t i = 0; i < deps->count; i++)
        strlist_add(&r->deps, deps->items[i]);
}

bool deliver_write_depfile(deliver_ctx *c, const deliver_record *rec)
{
    if (!c->o->depfile)
        return true;
    depfile_rule *rules = calloc(rec->count ? rec->count : 1, sizeof *rules);
    if (!rules)
        abort();
    for (size_t i = 0; i < rec->count; i++)
        rules[i] = (depfile_rule){.target = rec->rules[i].output, .deps = &rec->rules[i].deps};
    bool ok = depfile_write(c->o->depfile, rules, rec->count, c->d);
    free(rules);
    return ok;
}

void deliver_record_save(const deliver_record *rec, FILE *f)
{
    for (size_t r = 0; r < rec->count; r++) {
        fprintf(f, "O %s\n", rec->rules[r].output);
        for (size_t i = 0; i < rec->rules[r].deps.count; i++)
            fprintf(f, "D %s\n", rec->rules[r].deps.items[i]);
    }
    fflush(f);
}

void deliver_record_load(deliver_record *rec, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    rewind(f);
    while ((n = getline(&line, &cap, f)) > 2) {
        line[n - 1] = '\0';
        if (line[0] == 'O') {
            strlist none = {0};
            deliver_record_add(rec, line + 2, &none);
        } else if (line[0] == 'D' && rec->count > 0) {
            strlist_add(&rec->rules[rec->count - 1].deps, line + 2);
        }
    }
    free(line);
}

void deliver_record_clear(deliver_record *rec)
{
    for (size_t i = 0; i < rec->count; i++) {
        free(rec->rules[i].output);
        strlist_clear(&rec->rules[i].deps);
    }
    free(rec->rules);
    *rec = (deliver_record){0};
}
