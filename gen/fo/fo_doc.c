/* FO documents opened for streaming: from a file with an xmlTextReader or from an
 * in-memory xmlDoc. Everything before the first page-sequence is read at open and stays in
 * the document's own arena; the page-sequences are read by fo_sequence.c. */
#include "fo/fo_internal.h"
#include "util/readable.h"
#include "util/xml_errors.h"
#include "util/i18n.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>

/* No network, no DTD, no external entities; line numbers past 65535. */
#define FO_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA)

/* libxml2 errors become diagnostics of the FO file. */
static void on_xml_error(void *ctx, xmlError *err)
{
    const char *path = ((const fo_doc *)ctx)->path;
    diag *d = ((const fo_doc *)ctx)->d;
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", err->message ? err->message : "XML error");
    xml_message_trim(msg);
    for (char *nl = strchr(msg, '\n'); nl; nl = strchr(nl, '\n'))
        *nl = ' '; /* one diagnostic, one line */
    diag_report(d, err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR, path, err->line,
                "%s", msg);
    if (err->level != XML_ERR_WARNING)
        ((fo_doc *)ctx)->xml_error = true;
}

/* The reader failed. Some failures (an input that does not convert from its declared
 * encoding) reach no error handler of ours: the document must not then pass for one that
 * simply ended there. */
void fo_doc_reader_failed(fo_doc *doc)
{
    if (!doc->xml_error)
        diag_error(doc->d, doc->path, xmlTextReaderGetParserLineNumber(doc->reader),
                   _("the XML cannot be read past this line (wrong encoding?)"));
    doc->xml_error = true;
}

static fo_doc *doc_new(const char *path, diag *d)
{
    fo_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        abort();
    doc->a = arena_new();
    doc->path = arena_strdup(doc->a, path ? path : "<fo>");
    doc->d = d;
    doc->cache = fo_props_cache_new(doc->a, 256);
    doc->seq.text = xmlBufferCreate();
    if (!doc->seq.text)
        abort();
    return doc;
}

void fo_doc_destroy(fo_doc *doc)
{
    if (!doc)
        return;
    if (doc->reader)
        xmlFreeTextReader(doc->reader);
    xmlBufferFree(doc->seq.text);
    arena_destroy(doc->a);
    free(doc);
}

const char *fo_doc_path(const fo_doc *doc) { return doc->path; }
const fo_node *fo_doc_root(const fo_doc *doc) { return doc->root; }
const fo_metadata *fo_doc_metadata(const fo_doc *doc) { return &doc->meta; }

const fo_node *fo_doc_master(const fo_doc *doc, const char *name)
{
    const fo_node *set = fo_child(doc->root, FO_LAYOUT_MASTER_SET);
    for (const fo_node *m = set ? set->first_child : NULL; m; m = m->next_sibling)
        if ((m->kind == FO_SIMPLE_PAGE_MASTER || m->kind == FO_PAGE_SEQUENCE_MASTER) &&
            strcmp(m->props->master_name, name) == 0)
            return m;
    return NULL;
}

bool fo_is_element(const xmlNode *x, const char *name)
{
    return x && x->type == XML_ELEMENT_NODE && x->ns && x->ns->href &&
           strcmp((const char *)x->ns->href, FO_NS) == 0 &&
           strcmp((const char *)x->name, name) == 0;
}

/* fo:page-sequence-wrapper only groups page-sequences (XSL 1.1 § 6.4.6): they are read
 * through it, as if they were children of fo:root. */
static bool is_wrapper(xmlNode *x)
{
    return fo_is_element(x, "page-sequence-wrapper");
}

/* The node after `c` in document order, entering no element but wrappers. */
xmlNode *fo_doc_next_through_wrappers(xmlNode *c)
{
    while (!c->next && c->parent && is_wrapper(c->parent))
        c = c->parent;
    return c->next;
}

/* The first page-sequence at or after `c`, looking inside wrappers; NULL if none. */
xmlNode *fo_doc_page_sequence_from(xmlNode *c)
{
    while (c) {
        if (fo_is_element(c, "page-sequence"))
            return c;
        if (is_wrapper(c) && c->children)
            c = c->children;
        else
            c = fo_doc_next_through_wrappers(c);
    }
    return NULL;
}

fo_builder fo_doc_builder(fo_doc *doc, arena *a, fo_props_cache *cache)
{
    fo_builder b = {doc->path, doc->d, a, cache, NULL, doc->a};
    if (!doc->title_done)
        b.meta = &doc->meta;
    return b;
}

/* fo:root itself, without children; false (with an error) when `x` is something else. */
static bool build_root(fo_doc *doc, xmlNode *x)
{
    if (!fo_is_element(x, "root")) {
        diag_error(doc->d, doc->path, x ? (int)xmlGetLineNo(x) : 0,
                   _("the root element is not fo:root"));
        return false;
    }
    fo_builder b = fo_doc_builder(doc, doc->a, doc->cache);
    doc->root = fo_build_element(&b, x, NULL, FO_BUILD_SHALLOW);
    const fo_props *p = doc->root->props;
    if (*p->xml_lang)
        doc->meta.language = p->xml_lang;
    else if (strcmp(p->language, "none") != 0 && strcmp(p->country, "none") != 0)
        doc->meta.language = arena_printf(doc->a, "%s-%s", p->language, p->country);
    else if (strcmp(p->language, "none") != 0)
        doc->meta.language = p->language;
    return true;
}

/* A child of fo:root before the first page-sequence, kept in the document's arena. */
static void build_prelude_child(fo_doc *doc, xmlNode *x)
{
    fo_builder b = fo_doc_builder(doc, doc->a, doc->cache);
    fo_build_element(&b, x, doc->root, 0);
}

/* ---- in memory -------------------------------------------------------------------------- */

fo_doc *fo_doc_open_xml(struct _xmlDoc *xml, const char *path, diag *d)
{
    fo_doc *doc = doc_new(path, d);
    doc->xml = xml;
    xmlNode *root = xml ? xmlDocGetRootElement(xml) : NULL;
    if (!build_root(doc, root)) {
        fo_doc_destroy(doc);
        return NULL;
    }
    for (xmlNode *c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (fo_is_element(c, "page-sequence") || is_wrapper(c)) {
            doc->first_ps = doc->next_ps = c;
            break;
        }
        build_prelude_child(doc, c);
    }
    return doc;
}

/* ---- from a file ------------------------------------------------------------------------ */

int fo_doc_step(fo_doc *doc)
{
    if (doc->positioned) {
        doc->positioned = false;
        return 1;
    }
    return xmlTextReaderRead(doc->reader);
}

int fo_doc_skip(fo_doc *doc)
{
    int r = xmlTextReaderNext(doc->reader);
    doc->positioned = r == 1;
    return r;
}

/* Advances to the next page-sequence start tag, a child of fo:root; calls `other` (may be
 * NULL) on the other element children met on the way. False at the end or on error. */
static bool seek_with(fo_doc *doc, void (*other)(fo_doc *, xmlNode *))
{
    int r;
    while ((r = fo_doc_step(doc)) == 1) {
        int type = xmlTextReaderNodeType(doc->reader);
        int depth = xmlTextReaderDepth(doc->reader);
        if (depth == 0)
            return false; /* </fo:root> */
        /* only fo:root's children and, through wrappers, their descendants get here */
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        xmlNode *x = xmlTextReaderCurrentNode(doc->reader);
        if (fo_is_element(x, "page-sequence")) {
            doc->positioned = true;
            return true;
        }
        if (is_wrapper(x))
            continue; /* into it: its page-sequences are read as fo:root's */
        if (other) {
            xmlNode *full = xmlTextReaderExpand(doc->reader);
            if (!full) {
                fo_doc_reader_failed(doc);
                return false;
            }
            other(doc, full);
        }
        if ((r = fo_doc_skip(doc)) != 1)
            break;
    }
    if (r < 0)
        fo_doc_reader_failed(doc);
    return false;
}

/* Opens the reader and builds fo:root when `with_root`; stops on its first child. */
static bool open_reader(fo_doc *doc, bool with_root)
{
    doc->reader = doc->mem ? xmlReaderForMemory(doc->mem, (int)doc->mem_len, doc->path, NULL,
                                                FO_PARSE_OPTIONS)
                           : xmlReaderForFile(doc->path, NULL, FO_PARSE_OPTIONS);
    if (!doc->reader) {
        diag_error(doc->d, doc->path, 0, _("cannot read the file"));
        return false;
    }
    xmlTextReaderSetStructuredErrorHandler(doc->reader, on_xml_error, doc);
    doc->positioned = false;
    int r;
    while ((r = xmlTextReaderRead(doc->reader)) == 1 &&
           xmlTextReaderNodeType(doc->reader) != XML_READER_TYPE_ELEMENT)
        ;
    if (r != 1) {
        if (r == 0)
            diag_error(doc->d, doc->path, 0, _("no root element"));
        else
            fo_doc_reader_failed(doc);
        return false;
    }
    if (with_root && !build_root(doc, xmlTextReaderCurrentNode(doc->reader)))
        return false;
    return true;
}

/* While the reader parses, libxml2's errors that belong to no parser context (encoding
 * conversion) become diagnostics of the document too, instead of lines on stderr. */
static void ignore_generic(void *ctx, const char *fmt, ...)
{
    /* only repeats, unstructured, what the structured handler reported */
}

void fo_doc_catch_errors(fo_doc *doc, xml_handlers *saved)
{
    xml_handlers_save(saved);
    xmlSetStructuredErrorFunc(doc, on_xml_error);
    xmlSetGenericErrorFunc(NULL, ignore_generic);
}

/* Opens the reader (over the file or doc->mem) and reads up to the first page-sequence. */
static fo_doc *open_streaming(fo_doc *doc)
{
    xml_handlers saved;
    fo_doc_catch_errors(doc, &saved);
    bool ok = open_reader(doc, true);
    if (ok && xmlTextReaderIsEmptyElement(doc->reader) != 1)
        seek_with(doc, build_prelude_child);
    xml_handlers_restore(&saved);
    if (!ok) {
        fo_doc_destroy(doc);
        return NULL;
    }
    return doc;
}

fo_doc *fo_doc_open_file(const char *path, diag *d)
{
    if (!file_readable(path, "cannot open", d))
        return NULL;
    return open_streaming(doc_new(path, d));
}

fo_doc *fo_doc_open_memory(const char *text, size_t len, const char *path, diag *d)
{
    if (len > INT_MAX) {
        diag_error(d, path, 0, _("the XSL-FO is larger than 2 GiB"));
        return NULL;
    }
    fo_doc *doc = doc_new(path, d);
    doc->mem = text;
    doc->mem_len = len;
    return open_streaming(doc);
}

static void foreign_after_start(fo_doc *doc, xmlNode *x)
{
    /* elements after the page-sequences are not laid out; report unknown ones */
    if (x->ns && x->ns->href && strcmp((const char *)x->ns->href, FO_NS) == 0 &&
        fo_kind_lookup((const char *)x->name) == -1)
        diag_error(doc->d, doc->path, (int)xmlGetLineNo(x), _("unknown formatting object fo:%s"),
                   (const char *)x->name);
}

bool fo_doc_seek_page_sequence(fo_doc *doc)
{
    return doc->reader && seek_with(doc, foreign_after_start);
}

bool fo_doc_rewind(fo_doc *doc)
{
    xmlBuffer *text = doc->seq.text;
    memset(&doc->seq, 0, sizeof doc->seq);
    doc->seq.text = text;
    xmlBufferEmpty(text);
    if (doc->xml) {
        doc->next_ps = doc->first_ps;
        return true;
    }
    if (doc->reader)
        xmlFreeTextReader(doc->reader);
    doc->reader = NULL;
    xml_handlers saved;
    fo_doc_catch_errors(doc, &saved);
    bool ok = open_reader(doc, false);
    if (ok) {
        doc->title_done = true;
        if (xmlTextReaderIsEmptyElement(doc->reader) != 1)
            seek_with(doc, NULL);
    }
    xml_handlers_restore(&saved);
    return ok;
}

/* ---- whole documents in memory ------------------------------------------------------------ */

fo_node *fo_parse_memory(const char *xml, size_t len, const char *path, arena *a, diag *d)
{
    fo_doc ctx = {.path = (char *)(path ? path : "<memory>"), .d = d};
    xml_handlers saved;
    xml_handlers_save(&saved);
    xmlSetStructuredErrorFunc(&ctx, on_xml_error);
    xmlDoc *x = xmlReadMemory(xml, (int)len, ctx.path, NULL, FO_PARSE_OPTIONS);
    xml_handlers_restore(&saved);
    if (!x)
        return NULL;
    fo_node *root = NULL;
    xmlNode *rx = xmlDocGetRootElement(x);
    if (!fo_is_element(rx, "root")) {
        diag_error(d, ctx.path, rx ? (int)xmlGetLineNo(rx) : 0,
                   _("the root element is not fo:root"));
    } else {
        fo_builder b = {ctx.path, d, a, fo_props_cache_new(a, 256), NULL, a};
        root = fo_build_element(&b, rx, NULL, 0);
    }
    xmlFreeDoc(x);
    return root;
}
