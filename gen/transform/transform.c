/* Compiling the wrapper stylesheet (template, then charter) and running it safely. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libexslt/exslt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/text.h"
#include "source/source.h"
#include "transform/transform.h"
#include "transform/xslt_errors.h"
#include "util/readable.h"
#include "util/xalloc.h"
#include "util/i18n.h"

struct transform {
    xsltStylesheetPtr style;
    xsltSecurityPrefsPtr prefs;
    char *name;        /* the template's path, for messages without a location */
    char *data_dir;    /* the folder holding the template's folder: modules, charters */
    char *charter_dir; /* a user charter's folder, or NULL */
};

/* The text engine lv:text-width measures with, shared by every transform (each loading
 * its own fonts cost a fontconfig sort per font and transform) and made at the first run:
 * a transform is compiled before the build forks, fonts must be loaded after. Its font
 * warnings are silenced: the renderer's engine already names a missing charter font.
 * It goes with the last transform. */
static struct {
    tx_engine *engine;
    diag *d;
    int transforms; /* alive */
} measure;

void transform_register_lv_functions(void); /* lv_ext.c */

/* Where the loader records what it reads (libxslt gives it no context of ours). */
static strlist *recorded_modules, *recorded_documents;
static xsltDocLoaderFunc default_loader;

/* Every stylesheet module and document() read passes here: never from the network, never
 * with a DTD loaded or an entity substituted (libxslt asks for both by default: an external
 * entity could pull any file of the machine into a PDF), and remembered for dependency
 * files. */
static xmlDocPtr recording_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                                  xsltLoadType type)
{
    options &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR | XML_PARSE_DTDVALID |
                 XML_PARSE_XINCLUDE);
    xmlDocPtr doc = default_loader(uri, dict, options | XML_PARSE_NONET, ctxt, type);
    strlist *into = type == XSLT_LOAD_DOCUMENT ? recorded_documents : recorded_modules;
    if (doc && into)
        strlist_add(into, (const char *)uri);
    return doc;
}

/* The folders a stylesheet may read from while one transform compiles or runs: Livrables'
 * data directory (templates, modules, charters), a user charter's folder and the source's
 * folder (images, documents next to it). libxslt's security callbacks take no context of
 * ours, hence these globals; a transform is not thread-safe anyway. */
static const char *readable_dirs[3];

static int check_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
    for (size_t i = 0; i < sizeof readable_dirs / sizeof readable_dirs[0]; i++)
        if (readable_dirs[i] && source_url_inside(readable_dirs[i], value))
            return 1;
    return 0;
}

static void set_readable_dirs(const char *data_dir, const char *charter_dir, const char *assets_dir)
{
    readable_dirs[0] = data_dir;
    readable_dirs[1] = charter_dir;
    readable_dirs[2] = assets_dir && *assets_dir ? assets_dir : NULL;
}

/* The absolute directory `levels` levels above `path` (1: the directory holding it). */
static char *dir_above(const char *path, int levels)
{
    char *real = realpath(path, NULL);
    if (!real)
        return NULL;
    for (int i = 0; i < levels; i++) {
        char *slash = strrchr(real, '/');
        if (slash && slash != real)
            *slash = '\0';
        else
            real[1] = '\0';
    }
    return real;
}

void transform_register_extensions(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    exsltRegisterAll();
    transform_register_lv_functions();
    default_loader = xsltDocDefaultLoader;
    xsltSetLoaderFunc(recording_loader);
}

/* <xsl:stylesheet version="1.0"><xsl:import href=template/><xsl:import href=charter/> */
static xmlDocPtr wrapper_new(const char *template_path, const char *charter_path)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "stylesheet", NULL);
    xmlNsPtr xsl = xmlNewNs(root, XSLT_NAMESPACE, BAD_CAST "xsl");
    xmlSetNs(root, xsl);
    xmlNewProp(root, BAD_CAST "version", BAD_CAST "1.0");
    xmlDocSetRootElement(doc, root);
    const char *hrefs[] = {template_path, charter_path};
    for (int i = 0; i < 2; i++) {
        if (!hrefs[i])
            continue;
        xmlNodePtr imp = xmlNewChild(root, xsl, BAD_CAST "import", NULL);
        xmlNewProp(imp, BAD_CAST "href", BAD_CAST hrefs[i]);
    }
    return doc;
}

static xsltSecurityPrefsPtr prefs_new(void)
{
    xsltSecurityPrefsPtr p = xsltNewSecurityPrefs();
    xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_READ_FILE, check_read);
    return p;
}

transform *transform_load(const char *template_path, const char *charter_path, strlist *modules,
                          diag *d)
{
    transform_register_extensions();
    /* A missing template or charter is named plainly rather than by libxslt's import error. */
    if (!file_readable(template_path, "cannot read template", d) ||
        (charter_path && !file_readable(charter_path, "cannot read charter", d)))
        return NULL;
    xslt_errors e;
    xslt_errors_install(&e, d, template_path);
    recorded_modules = modules;
    /* xsl:import and xsl:include are checked against the default preferences. */
    char *data_dir = dir_above(template_path, 2);
    char *charter_dir = charter_path ? dir_above(charter_path, 1) : NULL;
    set_readable_dirs(data_dir, charter_dir, NULL);
    xsltSecurityPrefsPtr load_prefs = prefs_new();
    xsltSecurityPrefsPtr old_prefs = xsltGetDefaultSecurityPrefs();
    xsltSetDefaultSecurityPrefs(load_prefs);
    xmlDocPtr wrapper = wrapper_new(template_path, charter_path);
    xsltStylesheetPtr style = xsltParseStylesheetDoc(wrapper);
    xsltSetDefaultSecurityPrefs(old_prefs);
    xsltFreeSecurityPrefs(load_prefs);
    set_readable_dirs(NULL, NULL, NULL);
    recorded_modules = NULL;
    xslt_errors_restore(&e);
    if (!style || style->errors || e.errors) {
        if (!style)
            xmlFreeDoc(wrapper);
        xsltFreeStylesheet(style);
        if (e.errors == 0)
            diag_error(d, template_path, 0, _("cannot compile the stylesheet"));
        free(data_dir);
        free(charter_dir);
        return NULL;
    }
    transform *t = calloc(1, sizeof *t);
    if (!t)
        abort();
    t->style = style;
    t->prefs = prefs_new();
    t->name = xstrdup(template_path);
    t->data_dir = data_dir;
    t->charter_dir = charter_dir;
    measure.transforms++;
    return t;
}

void transform_destroy(transform *t)
{
    if (!t)
        return;
    xsltFreeStylesheet(t->style);
    xsltFreeSecurityPrefs(t->prefs);
    if (--measure.transforms == 0) {
        tx_engine_destroy(measure.engine);
        diag_destroy(measure.d);
        measure.engine = NULL;
        measure.d = NULL;
    }
    free(t->name);
    free(t->data_dir);
    free(t->charter_dir);
    free(t);
}

static tx_engine *measure_engine(void)
{
    if (!measure.engine) {
        measure.d = diag_new(stderr);
        diag_set_quiet(measure.d, true);
        measure.engine = tx_engine_new(measure.d);
    }
    return measure.engine;
}

/* The stylesheet's modules, already parsed, lent to the run for document(''): libxslt
 * would otherwise parse each module again on its first document('') of every run (the
 * data islands of source.xsl, charts.xsl...). Lent as "main" documents, which the run does
 * not free. Their blank text nodes are gone, as libxslt strips a stylesheet's: the
 * islands are read by element and attribute. */
static void lend_modules(xsltTransformContextPtr ctxt, xsltStylesheetPtr style)
{
    for (xsltStylesheetPtr s = style; s; s = s->next) {
        if (s->doc && s->doc->URL) {
            xsltDocumentPtr d = xsltNewDocument(ctxt, s->doc);
            if (d)
                d->main = 1;
        }
        for (xsltDocumentPtr inc = s->docList; inc; inc = inc->next)
            if (inc->doc && inc->doc->URL) {
                xsltDocumentPtr d = xsltNewDocument(ctxt, inc->doc);
                if (d)
                    d->main = 1;
            }
        lend_modules(ctxt, s->imports);
    }
}

xmlDocPtr transform_run(transform *t, xmlDocPtr src, const char *src_name, const transform_params *p,
                        strlist *inputs, diag *d)
{
    const char *params[] = {
        "site",        p->site ? p->site : "",
        "version",     p->version ? p->version : "1.0",
        "build-date",  p->build_date ? p->build_date : "",
        "bloc-marque", p->bloc_marque ? p->bloc_marque : "",
        "assets-dir",  p->assets_dir ? p->assets_dir : "",
        NULL,
    };
    int errors_before = diag_error_count(d);
    xslt_errors e;
    xslt_errors_install(&e, d, t->name);
    xsltTransformContextPtr ctxt = xsltNewTransformContext(t->style, src);
    xmlDocPtr out = NULL;
    if (ctxt) {
        ctxt->_private = measure_engine();
        lend_modules(ctxt, t->style);
        xsltSetCtxtSecurityPrefs(t->prefs, ctxt);
        xsltSetTransformErrorFunc(ctxt, &e, xslt_errors_write);
        recorded_documents = inputs;
        set_readable_dirs(t->data_dir, t->charter_dir, p->assets_dir);
        if (xsltQuoteUserParams(ctxt, params) == 0)
            out = xsltApplyStylesheetUser(t->style, src, NULL, NULL, NULL, ctxt);
        set_readable_dirs(NULL, NULL, NULL);
        recorded_documents = NULL;
        bool stopped = ctxt->state == XSLT_STATE_STOPPED;
        bool failed = ctxt->state == XSLT_STATE_ERROR || stopped;
        xslt_errors_flush(&e);
        if (stopped)
            diag_error(d, src_name, 0, _("%s: the stylesheet stopped the transformation (xsl:message terminate)"),
                       t->name);
        if (failed || e.errors) {
            xmlFreeDoc(out);
            out = NULL;
        }
        xsltFreeTransformContext(ctxt);
    }
    xslt_errors_restore(&e);
    if (!out && diag_error_count(d) == errors_before)
        diag_error(d, src_name, 0, _("%s: the transformation failed"), t->name);
    return out;
}

void transform_build_date(char out[11])
{
    time_t now = time(NULL);
    const char *env = getenv("SOURCE_DATE_EPOCH");
    struct tm tm;
    if (env && *env) {
        char *end;
        long long v = strtoll(env, &end, 10);
        if (!*end && v >= 0) {
            now = (time_t)v;
            gmtime_r(&now, &tm);
            strftime(out, 11, "%Y-%m-%d", &tm);
            return;
        }
    }
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}
