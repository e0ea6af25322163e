/* One atelier to its deliverables: per site, then the atelier-wide livret. */
#include <errno.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "deliver/deliver_internal.h"
#include "util/atomic_file.h"
#include "util/grow.h"
#include "util/xalloc.h"
#include "util/i18n.h"
#include "util/run_once.h"

bool deliver_mkdirs(const char *dir, diag *d)
{
    char *p = xstrdup(dir);
    bool ok = true;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s)
            continue;
        char keep = *s;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            diag_error(d, p, 0, _("cannot create directory: %s"), strerror(errno));
            ok = false;
            break;
        }
        *s = keep;
        if (!keep)
            break;
    }
    free(p);
    return ok;
}

/* The FO as a file, through a temporary name so a failure leaves no partial output. */
static bool write_fo(xmlDocPtr fo, const char *path, diag *d)
{
    char *tmp = NULL;
    FILE *f = atomic_file_create(path, &tmp);
    bool ok = f && xmlDocDump(f, fo) >= 0;
    if (f)
        ok = atomic_file_finish(f, tmp, path, ok) && ok;
    if (!ok)
        diag_error(d, path, 0, _("cannot write: %s"), strerror(errno));
    return ok;
}

const char *deliver_extension(deliver_format f)
{
    static const char *const ext[] = {[DELIVER_PDF] = ".pdf", [DELIVER_FO] = ".fo", [DELIVER_PNG] = ".png"};
    return ext[f];
}

/* True unless another livrables process of the same make run already warned about it. */
static bool font_warning_first(const char *family)
{
    char what[256];
    snprintf(what, sizeof what, "font-%s", family);
    return run_once_first(what);
}

void deliver_font_missing(deliver_ctx *c, const char *missing, const char *used)
{
    if (c->fonts_deferred) { /* a worker: the parent reports it, at this point of the task */
        if (c->fonts_deferred->count == 0) {
            fflush(c->capture);
            c->fonts_deferred_at = (long long)ftello(c->capture);
        }
        char entry[1024];
        snprintf(entry, sizeof entry, "%s\t%s", missing, used ? used : "");
        strlist_add(c->fonts_deferred, entry);
        return;
    }
    if (strlist_add(&c->fonts_warned, missing) && font_warning_first(missing))
        diag_warning(c->d, c->charter_path, 0,
                     _("font family '%s' is not installed, using '%s' instead; install "
                     "its font files (.otf or .ttf) in ~/.local/share/fonts or "
                     "/usr/local/share/fonts, then run 'fc-cache'"),
                     missing, used && *used ? used : "a fallback font");
}

/* Warns, once per run and family, when a font-family list of the FO starts with a family that
 * is not installed: the charter asked for it (Marianne for the etat charter) and the reader
 * should know the PDF uses a fallback. True when one is missing. */
static bool warn_missing_charter_fonts(deliver_ctx *c, xmlNodePtr n)
{
    bool any = false;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *families = xmlGetProp(n, BAD_CAST "font-family");
        if (families) {
            const char *used = NULL;
            const char *missing = render_font_missing(c->engine, (const char *)families, &used);
            if (missing) {
                deliver_font_missing(c, missing, used);
                any = true;
            }
            xmlFree(families);
        }
        any |= warn_missing_charter_fonts(c, n->children);
    }
    return any;
}

/* Renders the FO through its text, so that a problem in it is reported at a line of that
 * text; then the text is kept as FO_NAME next to the outputs, so the message names a file
 * that exists. */
static bool render_generated(deliver_ctx *c, xmlDocPtr fo, const char *fo_name, const char *out,
                             const render_options *ro)
{
    xmlChar *text = NULL;
    int len = 0;
    xmlDocDumpMemory(fo, &text, &len);
    if (!text) {
        diag_error(c->d, fo_name, 0, _("cannot serialize the XSL-FO"));
        return false;
    }
    int errors_before = diag_error_count(c->d);
    bool ok = render_memory(c->engine, (const char *)text, (size_t)len, fo_name, out, ro, c->d);
    if (!ok && diag_error_count(c->d) > errors_before) {
        char *tmp = NULL;
        FILE *f = atomic_file_create(fo_name, &tmp);
        if (f && fwrite(text, 1, (size_t)len, f) == (size_t)len &&
            atomic_file_finish(f, tmp, fo_name, true))
            diag_report(c->d, DIAG_NOTE, fo_name, 0,
                        _("the XSL-FO with these errors is kept here for inspection"));
        else if (f)
            atomic_file_finish(f, tmp, fo_name, false);
    }
    xmlFree(text);
    return ok;
}

/* The length of `out` without its extension. */
static int base_length(const char *out)
{
    const char *dot = strrchr(out, '.');
    return (int)(dot && !strchr(dot, '/') ? (size_t)(dot - out) : strlen(out));
}

void deliver_written_name(deliver_format f, const char *out, char *buf, size_t size)
{
    int base_len = base_length(out);
    if (f == DELIVER_PNG)
        snprintf(buf, size, "%.*s-1.png", base_len, out);
    else
        snprintf(buf, size, "%s", out);
}

bool deliver_output(deliver_ctx *c, xmlDocPtr fo, const char *out, strlist *deps,
                    deliver_record *rec)
{
    /* The FO is named after the output in diagnostics; PNG pages are OUT-1.png,
     * OUT-2.png...: make is told about the first. */
    char fo_name[4096], written[4096];
    snprintf(fo_name, sizeof fo_name, "%.*s.fo", base_length(out), out);
    deliver_written_name(c->o->format, out, written, sizeof written);
    bool ok;
    if (c->o->format == DELIVER_FO) {
        ok = write_fo(fo, out, c->d);
    } else {
        if (!c->engine)
            c->engine = render_engine_new(c->d);
        /* under --strict the fallback font is an error: no deliverable is made with it (the
         * message itself is printed once per run) */
        if (warn_missing_charter_fonts(c, xmlDocGetRootElement(fo)) && diag_strict(c->d))
            return false;
        render_options ro;
        render_options_init(&ro);
        ro.format = c->o->format == DELIVER_PNG ? PAINT_PNG : PAINT_PDF;
        /* deliverables are printed: a photo or map below 300 ppi comes out blurred */
        if (ro.format == PAINT_PDF)
            ro.min_ppi = DELIVER_PRINT_PPI;
        if (c->o->dpi > 0)
            ro.dpi = c->o->dpi;
        strlist inputs = {0};
        ro.inputs = &inputs;
        ok = render_generated(c, fo, fo_name, out, &ro);
        for (size_t i = 0; i < inputs.count; i++)
            strlist_add(deps, inputs.items[i]);
        strlist_clear(&inputs);
    }
    if (ok) {
        deliver_record_add(rec, written, deps);
        deliver_print_written(c, written);
    }
    return ok;
}

void deliver_print_written(deliver_ctx *c, const char *written)
{
    if (!c->print_written)
        return;
    diag_progress(c->d, NULL); /* on the same terminal, the line goes above it */
    printf(_("wrote %s\n"), written);
    fflush(stdout);
}

static const char *attr(xmlNodePtr n, const char *name, char *buf, size_t size)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    snprintf(buf, size, "%s", v ? (const char *)v : "");
    xmlFree(v);
    return buf;
}

/* out_dir/[site/], and that followed by NAME.EXT, for task k. */
static void task_paths(const deliver_ctx *c, const deliver_plan *p, int k, char *dir, size_t dsize,
                       char *out, size_t osize)
{
    const deliver_task *t = &p->tasks[k];
    snprintf(dir, dsize, *t->site ? "%s/%s" : "%s", p->dir, t->site);
    snprintf(out, osize, "%s/%s%s", dir, deliver_table[t->index].name, deliver_extension(c->o->format));
}

void deliver_show_task(deliver_ctx *c, const deliver_plan *p, int k)
{
    const deliver_task *t = &p->tasks[k];
    if (c->progress)
        diag_progress(c->d, "[%d/%d] %s%s%s%s", ++c->progress_done, c->progress_total, t->site,
                      *t->site ? "/" : "", deliver_table[t->index].name, deliver_extension(c->o->format));
}

bool deliver_run_task(deliver_ctx *c, const deliver_plan *p, int k, deliver_record *rec)
{
    const deliver_task *t = &p->tasks[k];
    char dir[4096], out[4200];
    task_paths(c, p, k, dir, sizeof dir, out, sizeof out);
    if (c->o->dry_run) {
        char written[4300];
        deliver_written_name(c->o->format, out, written, sizeof written);
        printf("%s\n", written);
        return true;
    }
    if (!deliver_mkdirs(dir, c->d))
        return false;
    transform_params tp = {
        .site = t->site,
        .version = p->version,
        .build_date = c->build_date,
        .bloc_marque = c->o->bloc_marque,
        .assets_dir = p->s->dir,
    };
    strlist deps = {0};
    deliver_record_inputs(c, p->s, t->site, &c->modules[t->index], &deps);
    xmlDocPtr fo = transform_run(c->transforms[t->index], p->s->doc, p->s->path, &tp, &deps, c->d);
    bool ok = fo && deliver_output(c, fo, out, &deps, rec);
    xmlFreeDoc(fo);
    strlist_clear(&deps);
    return ok;
}

/* A site id is a directory name: no separators, not "." or "..". */
static bool safe_id(const char *id)
{
    return *id && !strchr(id, '/') && strcmp(id, ".") != 0 && strcmp(id, "..") != 0;
}

/* Whether the atelier has a site whose id is the `len` bytes at `id`. */
static bool has_site(xmlNodePtr root, const char *id, size_t len)
{
    for (xmlNodePtr n = root->children; n; n = n->next) {
        char site[512];
        if (deliver_is_site(n) && strlen(attr(n, "id", site, sizeof site)) == len &&
            strncmp(site, id, len) == 0)
            return true;
    }
    return false;
}

/* Checks that every site of o->sites is in the atelier: false with one error per unknown id,
 * naming the atelier's sites. */
static bool check_sites(deliver_ctx *c, const source *s, xmlNodePtr root)
{
    bool ok = true;
    for (const char *p = c->o->sites; p && *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (!has_site(root, p, len)) {
            char known[2048] = "", id[512];
            size_t used = 0;
            for (xmlNodePtr n = root->children; n && used < sizeof known; n = n->next)
                if (deliver_is_site(n))
                    used += (size_t)snprintf(known + used, sizeof known - used, "%s%s",
                                             used ? ", " : "", attr(n, "id", id, sizeof id));
            diag_error(c->d, s->path, (int)xmlGetLineNo(root), _("no site '%.*s' in this atelier (its sites: %s)"),
                       (int)len, p, used ? known : "none");
            ok = false;
        }
        p += len + (end != NULL);
    }
    return ok;
}

/* How many outputs the atelier `root` gives in this build, for the progress line. */
static int count_outputs(const deliver_ctx *c, xmlNodePtr root)
{
    int sites = 0, n = 0;
    for (xmlNodePtr k = root->children; k; k = k->next) {
        char site[512];
        sites += deliver_is_site(k) && (!c->o->sites || deliver_listed(c->o->sites, attr(k, "id", site, sizeof site)));
    }
    for (int i = 0; i < DELIVER_COUNT; i++)
        if (deliver_selected(c->o, i))
            n += deliver_table[i].per_site ? sites : 1;
    return n;
}

static void add_task(deliver_plan *p, size_t *cap, int index, const char *site)
{
    GROW_HEAP(p->tasks, p->count, *cap, 1, 16);
    p->tasks[p->count++] = (deliver_task){.index = index, .site = xstrdup(site)};
}

/* The deliverables of this build, in build order, into p->tasks. A site whose id cannot
 * name a folder is an error and left out: false then. */
static bool plan_tasks(deliver_ctx *c, const source *s, xmlNodePtr root, deliver_plan *p)
{
    bool ok = true;
    size_t cap = 0;
    for (int i = 0; i < DELIVER_COUNT; i++) {
        if (!deliver_selected(c->o, i))
            continue;
        if (!deliver_table[i].per_site) {
            add_task(p, &cap, i, "");
            continue;
        }
        for (xmlNodePtr n = root->children; n; n = n->next) {
            if (!deliver_is_site(n))
                continue;
            char site[512];
            attr(n, "id", site, sizeof site);
            if (c->o->sites && !deliver_listed(c->o->sites, site))
                continue;
            if (!safe_id(site)) {
                diag_error(c->d, source_node_file(s, n), (int)xmlGetLineNo(n),
                           _("the site's id '%s' cannot name a directory"), site);
                ok = false;
                continue;
            }
            add_task(p, &cap, i, site);
        }
    }
    return ok;
}

bool deliver_atelier(deliver_ctx *c, const char *path, const char *out_dir, bool subdir,
                     deliver_record *rec)
{
    source *s = deliver_load_source(c, path);
    if (!s)
        return false;
    xmlNodePtr root = xmlDocGetRootElement(s->doc);
    char id[512], version[64], dir[4096];
    attr(root, "id", id, sizeof id);
    if (!*attr(root, "version", version, sizeof version))
        snprintf(version, sizeof version, "1.0");
    if (subdir && !safe_id(id)) {
        diag_error(c->d, s->path, (int)xmlGetLineNo(root), _("the atelier's id '%s' cannot name a directory"), id);
        source_destroy(s);
        return false;
    }
    if (!check_sites(c, s, root)) {
        source_destroy(s);
        return false;
    }
    snprintf(dir, sizeof dir, subdir ? "%s/%s" : "%s", out_dir, id);
    c->progress_total += count_outputs(c, root);

    deliver_plan plan = {.s = s, .version = version, .dir = dir};
    bool ok = plan_tasks(c, s, root, &plan);
    ok = deliver_run_tasks(c, &plan, rec) && ok;
    for (int k = 0; k < plan.count; k++)
        free(plan.tasks[k].site);
    free(plan.tasks);
    source_destroy(s);
    return ok;
}
