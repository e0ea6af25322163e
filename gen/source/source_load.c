/* Loading a source: parse without network or DTD, XInclude inside the source's tree only,
 * remember every file read and where each XIncluded element came from. */
#include <glib.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xinclude.h>
#include <libxml/xmlIO.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source/source_internal.h"
#include "util/readable.h"
#include "util/xalloc.h"
#include "util/i18n.h"

#define LOAD_FLAGS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOXINCNODE)

/* The load in progress, for the file hook (libxml2 gives it no context of ours). */
static source_errctx *current_load;

/* Every file libxml2 opens passes here while a source loads: refuse what lies outside the
 * tree (XInclude, external entities, any scheme but file:), record the rest. */
static xmlParserInputBufferPtr guarded_open(const char *uri, xmlCharEncoding enc)
{
    source_errctx *c = current_load;
    if (c && c->root && !source_url_inside(c->root, uri)) {
        strlist_add(&c->refused, uri);
        return NULL;
    }
    xmlParserInputBufferPtr buf = __xmlParserInputBufferCreateFilename(uri, enc);
    if (buf && c && c->src) {
        char *path = source_url_to_path(uri);
        strlist_add(&((source *)c->src)->files, path);
        free(path);
    }
    return buf;
}

/* The absolute directory of `path` (symbolic links resolved). */
static char *directory_of(const char *path)
{
    char *real = realpath(path, NULL);
    if (!real)
        return NULL;
    char *slash = strrchr(real, '/');
    if (slash == real)
        slash[1] = '\0';
    else
        *slash = '\0';
    return real;
}

void source_note_origin(source *s, const xmlNode *node, const char *file)
{
    s->includes = realloc(s->includes, (size_t)(s->ninclude + 1) * sizeof *s->includes);
    if (!s->includes)
        abort();
    s->includes[s->ninclude].node = node;
    s->includes[s->ninclude].file = xstrdup(file);
    s->ninclude++;
}

/* XInclude left xml:base on the top element of each included file: note the file, so that
 * diagnostics can name it, before the attributes go (the schema does not expect them). */
static void collect_bases(source *s, xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlHasNsProp(n, BAD_CAST "base", XML_XML_NAMESPACE)) {
            xmlChar *base = xmlNodeGetBase(n->doc, n);
            if (base) {
                char *file = source_url_to_path((const char *)base);
                source_note_origin(s, n, file);
                free(file);
                xmlFree(base);
            }
        }
        collect_bases(s, n->children);
    }
}

static void strip_bases(xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlAttr *a = xmlHasNsProp(n, BAD_CAST "base", XML_XML_NAMESPACE);
        if (a)
            xmlRemoveProp(a);
        strip_bases(n->children);
    }
}

static bool is_include_root(const source *s, const xmlNode *n)
{
    for (int i = 0; i < s->ninclude; i++)
        if (s->includes[i].node == n)
            return true;
    return false;
}

/* Rewrites relative src attributes under `n` (up to nested include roots) as prefix/src. */
static void rebase_srcs(const source *s, xmlNode *n, const char *prefix, bool top)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || (!top && is_include_root(s, n)))
            continue;
        xmlChar *src = xmlGetNoNsProp(n, BAD_CAST "src");
        if (src && src[0] && src[0] != '/' && !strchr((const char *)src, ':')) {
            size_t len = strlen(prefix) + xmlStrlen(src) + 2;
            char *rebased = malloc(len);
            if (!rebased)
                abort();
            snprintf(rebased, len, "%s/%s", prefix, (const char *)src);
            source_path_normalize_relative(rebased);
            xmlSetProp(n, BAD_CAST "src", BAD_CAST rebased);
            free(rebased);
        }
        xmlFree(src);
        rebase_srcs(s, n->children, prefix, false);
        if (top)
            break;
    }
}

/* Images of an XIncluded file are written relative to that file: make them relative to
 * the source's directory, the one stylesheets resolve against (assets-dir). */
static void rebase_includes(source *s)
{
    size_t root_len = strlen(s->dir);
    for (int i = 0; i < s->ninclude; i++) {
        char *real = realpath(s->includes[i].file, NULL);
        char *slash = real ? strrchr(real, '/') : NULL;
        if (slash)
            *slash = '\0';
        if (real && strncmp(real, s->dir, root_len) == 0 && real[root_len] == '/')
            rebase_srcs(s, (xmlNode *)s->includes[i].node, real + root_len + 1, true);
        free(real);
    }
}

/* Folders besides a source's own from which its images may be read (--allow-path). */
static strlist allowed_dirs;

void source_allow_path(const char *dir)
{
    char *real = realpath(dir, NULL);
    strlist_add(&allowed_dirs, real ? real : dir);
    free(real);
}

bool source_path_allowed(const source *s, const char *url)
{
    if (source_url_inside(s->dir, url))
        return true;
    for (size_t i = 0; i < allowed_dirs.count; i++)
        if (source_url_inside(allowed_dirs.items[i], url))
            return true;
    return false;
}

/* Images (src attributes, already relative to the source's directory) must lie inside that
 * directory, as XIncluded files do: a source from a shared repository must not be able to
 * put /etc/passwd or a file next to it into a PDF. */
static bool check_image_paths(const source *s, const xmlNode *n, diag *d)
{
    bool ok = true;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *src = xmlGetNoNsProp(n, BAD_CAST "src");
        if (src && src[0]) {
            const char *v = (const char *)src;
            char *path = v[0] == '/' || strchr(v, ':') ? g_strdup(v) : g_build_filename(s->dir, v, NULL);
            if (!source_path_allowed(s, path)) {
                diag_error(d, source_node_file(s, n), xmlGetLineNo(n),
                           strchr(v, ':') && strncmp(v, "file:", 5) != 0
                               ? "image '%s' is not a local file; images are never fetched"
                               : "image '%s' is outside the atelier's folder (--allow-path DIR "
                                 "allows another folder)",
                           v);
                ok = false;
            }
            g_free(path);
        }
        xmlFree(src);
        ok = check_image_paths(s, n->children, d) && ok;
    }
    return ok;
}

const char *source_node_file(const source *s, const xmlNode *node)
{
    for (const xmlNode *n = node; n; n = n->parent)
        for (int i = 0; i < s->ninclude; i++)
            if (s->includes[i].node == n)
                return s->includes[i].file;
    return s->path;
}

/* Parses and XIncludes with the hooks installed; false when anything failed. */
static bool parse(source *s, source_errctx *c)
{
    s->doc = xmlReadFile(s->path, NULL, LOAD_FLAGS);
    if (!s->doc || c->errors)
        return false;
    /* The document's name as given, so resolved includes stay relative to it. */
    xmlFree((xmlChar *)s->doc->URL);
    s->doc->URL = xmlStrdup(BAD_CAST s->path);
    bool failed = xmlXIncludeProcessFlags(s->doc, LOAD_FLAGS) < 0 || c->errors;
    if (failed || c->refused.count) {
        /* A refused include, even with a fallback, is an error: say which, unless libxml2
         * already reported the failure. */
        if (c->errors == 0)
            for (size_t i = 0; i < c->refused.count; i++)
                diag_error(c->d, s->path, 0, _("XInclude outside the source tree: %s"),
                           c->refused.items[i]);
        return false;
    }
    collect_bases(s, xmlDocGetRootElement(s->doc));
    strip_bases(xmlDocGetRootElement(s->doc));
    rebase_includes(s);
    /* Action plans from spreadsheets become elements before anything looks at them. */
    return check_image_paths(s, xmlDocGetRootElement(s->doc), c->d) && source_sheet_expand(s, c->d);
}

source *source_load(const char *path, diag *d)
{
    if (!file_readable(path, "cannot read", d))
        return NULL;

    int errors_before = diag_error_count(d);
    source *s = calloc(1, sizeof *s);
    if (!s)
        abort();
    s->path = xstrdup(path);
    s->dir = directory_of(path);
    strlist_add(&s->files, path);

    source_errctx c = {.d = d, .src = s, .root = s->dir};
    source_errsave save;
    source_errors_install(&c, &save);
    xmlParserInputBufferCreateFilenameFunc old = xmlParserInputBufferCreateFilenameDefault(guarded_open);
    current_load = &c;
    bool ok = s->dir && parse(s, &c);
    current_load = NULL;
    xmlParserInputBufferCreateFilenameDefault(old);
    source_errors_restore(&save);
    strlist_clear(&c.refused);

    if (!ok) {
        if (diag_error_count(d) == errors_before)
            diag_error(d, path, 0, _("cannot load the source"));
        source_destroy(s);
        return NULL;
    }
    return s;
}

void source_destroy(source *s)
{
    if (!s)
        return;
    xmlFreeDoc(s->doc);
    for (int i = 0; i < s->ninclude; i++)
        free(s->includes[i].file);
    free(s->includes);
    strlist_clear(&s->files);
    free(s->path);
    free(s->dir);
    free(s);
}
