/* libxml2's errors as diagnostics: `file:line: error: message`, with the file an XIncluded
 * element came from, and refused XIncludes named as such. */
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xinclude.h>
#include <stdlib.h>
#include <string.h>

#include "source/source_internal.h"
#include "util/xalloc.h"
#include "util/i18n.h"

static bool is_xinclude(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           (xmlStrEqual(n->ns->href, XINCLUDE_NS) || xmlStrEqual(n->ns->href, XINCLUDE_OLD_NS)) &&
           xmlStrEqual(n->name, XINCLUDE_NODE);
}

/* The href of an xi:include element that points outside the tree, or NULL. */
static xmlChar *refused_href(const source_errctx *c, xmlNode *n)
{
    if (!c->root || !is_xinclude(n))
        return NULL;
    xmlChar *href = xmlGetProp(n, BAD_CAST "href");
    if (!href)
        return NULL;
    xmlChar *base = xmlNodeGetBase(n->doc, n);
    xmlChar *url = xmlBuildURI(href, base);
    bool inside = url && source_url_inside(c->root, (const char *)url);
    xmlFree(url);
    xmlFree(base);
    if (inside) {
        xmlFree(href);
        return NULL;
    }
    return href;
}

/* Prints the waiting location-less message at the last location seen. */
static void flush_pending(source_errctx *c)
{
    if (!c->pending)
        return;
    diag_report(c->d, c->pending_sev, c->last_file, c->last_line, "%s", c->pending);
    free(c->pending);
    c->pending = NULL;
}

static void on_error(void *ctx, xmlErrorPtr e)
{
    source_errctx *c = ctx;
    /* The file hook's refusal is reported once, at the xi:include element. */
    if (e->domain == XML_FROM_IO &&
        (e->code == XML_IO_NETWORK_ATTEMPT || (e->str1 && strlist_contains(&c->refused, e->str1))))
        return;

    const char *file = e->file;
    int line = e->line;
    xmlNode *node = e->node;
    if (node && node->type == XML_ELEMENT_NODE) {
        line = (int)xmlGetLineNo(node);
        if (c->src && node->doc == c->src->doc)
            file = source_node_file(c->src, node);
        else if (node->doc && node->doc->URL)
            file = (const char *)node->doc->URL;
    }
    diag_severity sev = e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
    if (sev == DIAG_ERROR)
        c->errors++;

    xmlChar *href = e->domain == XML_FROM_XINCLUDE ? refused_href(c, node) : NULL;
    if (href) {
        diag_report(c->d, sev, file, line, _("XInclude outside the source tree: %s"), (char *)href);
        xmlFree(href);
        return;
    }
    char *msg = xstrdup(e->message ? e->message : "unknown XML error");
    xml_message_trim(msg); /* diagnostics end without a newline */
    if (!file) {
        if (!c->pending) {
            c->pending = msg;
            c->pending_sev = sev;
            return;
        }
        file = c->last_file;
        line = c->last_line;
    }
    c->last_file = file;
    c->last_line = line;
    diag_report(c->d, sev, file, line, "%s", msg);
    free(msg);
    flush_pending(c);
}

/* Unstructured messages only duplicate structured ones: dropped. */
static void on_generic(void *ctx, const char *fmt, ...)
{
}

void source_errors_install(source_errctx *c, source_errsave *save)
{
    xml_handlers_save(&save->prev);
    save->ctx = c;
    xmlSetStructuredErrorFunc(c, on_error);
    xmlSetGenericErrorFunc(NULL, on_generic);
}

void source_errors_restore(const source_errsave *save)
{
    flush_pending(save->ctx);
    xml_handlers_restore(&save->prev);
}
