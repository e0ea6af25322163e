/* A page-sequence read in two parts so that memory need not hold it whole: its head (the
 * fo:page-sequence, its children before fo:flow, the fo:flow without children) built into
 * the sequence's arena, then the flow's children one at a time, each into the arena its
 * caller gives. From a file, the reader expands one child, the child is built, and the
 * reader moves past it, freeing its DOM. The whole-sequence face is both parts into one
 * arena, the flow's children linked in order. */
#include "fo/fo_internal.h"

#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <string.h>

/* A flow child usually shares few property structs: its cache starts small. */
enum { CHILD_CACHE_SIZE = 16, SEQUENCE_CACHE_SIZE = 256 };

/* ---- character data directly in the sequence or the flow, from the reader ----------------- */

/* Adds a text-like node to the pending run, as fo_build_text_run() joins siblings. */
static void text_add(fo_sequence *q, xmlNode *x)
{
    if (!q->text_pending) {
        q->text_pending = true;
        q->text_line = (int)xmlGetLineNo(x);
    }
    if (x->type == XML_COMMENT_NODE || x->type == XML_PI_NODE)
        return;
    if (x->type == XML_ENTITY_REF_NODE) {
        xmlChar *s = xmlNodeGetContent(x);
        if (s)
            xmlBufferCat(q->text, s);
        xmlFree(s);
    } else if (x->content) {
        xmlBufferCat(q->text, x->content);
    }
}

/* The pending run as a text node of `parent` (not appended), or NULL. Neither
 * fo:page-sequence nor fo:flow is mixed content: white space alone in them is dropped. */
static fo_node *text_flush(fo_sequence *q, fo_builder *b, const fo_node *parent)
{
    if (!q->text_pending)
        return NULL;
    q->text_pending = false;
    fo_node *t = fo_build_text(b, parent, q->text_line, (const char *)xmlBufferContent(q->text),
                               (size_t)xmlBufferLength(q->text), false);
    xmlBufferEmpty(q->text);
    return t;
}

static void append_text(fo_sequence *q, fo_builder *b, fo_node *parent)
{
    fo_node *t = text_flush(q, b, parent);
    if (t)
        fo_node_append(parent, t);
}

/* ---- from the reader ------------------------------------------------------------------------ */

static bool reader_at_end_of(fo_doc *doc, int depth)
{
    return xmlTextReaderNodeType(doc->reader) == XML_READER_TYPE_END_ELEMENT &&
           xmlTextReaderDepth(doc->reader) == depth;
}

static void reader_failed(fo_doc *doc)
{
    fo_doc_reader_failed(doc);
    doc->seq.failed = true;
}

/* Builds the sequence's children into its arena, appended to it, up to the start tag of its
 * fo:flow (built without children) when `to_flow`, else up to the sequence's end tag. */
static void reader_sequence_children(fo_doc *doc, bool to_flow)
{
    fo_sequence *q = &doc->seq;
    fo_builder b = fo_doc_builder(doc, q->a, q->cache);
    int r;
    while ((r = fo_doc_step(doc)) == 1) {
        if (reader_at_end_of(doc, q->depth)) {
            append_text(q, &b, q->ps);
            q->ended = true;
            return;
        }
        xmlNode *x = xmlTextReaderCurrentNode(doc->reader);
        if (fo_is_text_like(x)) {
            text_add(q, x);
            continue;
        }
        if (xmlTextReaderNodeType(doc->reader) != XML_READER_TYPE_ELEMENT)
            continue;
        append_text(q, &b, q->ps);
        if (to_flow && fo_is_element(x, "flow")) {
            q->flow = fo_build_element(&b, x, q->ps, FO_BUILD_SHALLOW);
            q->flow_empty = xmlTextReaderIsEmptyElement(doc->reader) == 1;
            return;
        }
        xmlNode *full = xmlTextReaderExpand(doc->reader);
        if (!full)
            break;
        fo_build_element(&b, full, q->ps, 0);
        if ((r = fo_doc_skip(doc)) != 1)
            break;
    }
    reader_failed(doc); /* the document ended (or broke) inside the sequence */
}

static fo_node *reader_head(fo_doc *doc)
{
    fo_sequence *q = &doc->seq;
    if (!fo_doc_seek_page_sequence(doc))
        return NULL;
    doc->positioned = false;
    q->depth = xmlTextReaderDepth(doc->reader);
    fo_builder b = fo_doc_builder(doc, q->a, q->cache);
    q->ps = fo_build_element(&b, xmlTextReaderCurrentNode(doc->reader), doc->root,
                             FO_BUILD_SHALLOW | FO_BUILD_DETACHED);
    q->ended = xmlTextReaderIsEmptyElement(doc->reader) == 1;
    if (!q->ended)
        reader_sequence_children(doc, true);
    return q->ps;
}

/* The flow's next child, or NULL at its end (the reader then on the flow's end tag). */
static fo_node *reader_flow_child(fo_doc *doc, fo_builder *b)
{
    fo_sequence *q = &doc->seq;
    if (q->flow_empty)
        return NULL;
    int r;
    while ((r = fo_doc_step(doc)) == 1) {
        if (reader_at_end_of(doc, q->depth + 1)) {
            fo_node *t = text_flush(q, b, q->flow);
            doc->positioned = t != NULL; /* the end tag again at the next call */
            return t;
        }
        xmlNode *x = xmlTextReaderCurrentNode(doc->reader);
        if (fo_is_text_like(x)) {
            text_add(q, x);
            continue;
        }
        if (xmlTextReaderNodeType(doc->reader) != XML_READER_TYPE_ELEMENT)
            continue;
        fo_node *t = text_flush(q, b, q->flow);
        if (t) {
            doc->positioned = true; /* the element at the next call */
            return t;
        }
        xmlNode *full = xmlTextReaderExpand(doc->reader);
        if (!full)
            break;
        fo_node *n = fo_build_element(b, full, q->flow, FO_BUILD_DETACHED);
        /* past the child: the reader frees its DOM when it moves to the next sibling */
        if ((r = fo_doc_skip(doc)) != 1)
            break;
        if (n)
            return n;
    }
    reader_failed(doc);
    return NULL;
}

/* Reads up to the sequence's end tag without building anything: the caller moved on to
 * the next sequence before the end of this one's flow. */
static void reader_leave_sequence(fo_doc *doc)
{
    fo_sequence *q = &doc->seq;
    int r;
    while ((r = fo_doc_step(doc)) == 1)
        if (reader_at_end_of(doc, q->depth))
            return;
    reader_failed(doc);
}

/* ---- in memory ------------------------------------------------------------------------------ */

/* Builds the sequence's children from `c` on into its arena, appended to it, up to its
 * fo:flow (built without children) when `to_flow`, else to the last one. */
static void memory_sequence_children(fo_doc *doc, xmlNode *c, bool to_flow)
{
    fo_sequence *q = &doc->seq;
    fo_builder b = fo_doc_builder(doc, q->a, q->cache);
    while (c) {
        if (fo_is_text_like(c)) {
            fo_node *t;
            c = fo_build_text_run(&b, c, q->ps, &t);
            if (t)
                fo_node_append(q->ps, t);
            continue;
        }
        if (to_flow && fo_is_element(c, "flow")) {
            q->flow = fo_build_element(&b, c, q->ps, FO_BUILD_SHALLOW);
            q->next = c->children;
            q->after_flow = c->next;
            return;
        }
        if (c->type == XML_ELEMENT_NODE)
            fo_build_element(&b, c, q->ps, 0);
        c = c->next;
    }
}

static fo_node *memory_head(fo_doc *doc)
{
    fo_sequence *q = &doc->seq;
    xmlNode *x = fo_doc_page_sequence_from(doc->next_ps);
    if (!x) {
        doc->next_ps = NULL;
        return NULL;
    }
    doc->next_ps = fo_doc_next_through_wrappers(x);
    fo_builder b = fo_doc_builder(doc, q->a, q->cache);
    q->ps = fo_build_element(&b, x, doc->root, FO_BUILD_SHALLOW | FO_BUILD_DETACHED);
    memory_sequence_children(doc, x->children, true);
    return q->ps;
}

static fo_node *memory_flow_child(fo_doc *doc, fo_builder *b)
{
    fo_sequence *q = &doc->seq;
    while (q->next) {
        xmlNode *c = q->next;
        if (fo_is_text_like(c)) {
            fo_node *t;
            q->next = fo_build_text_run(b, c, q->flow, &t);
            if (t)
                return t;
            continue;
        }
        q->next = c->next;
        fo_node *n = c->type == XML_ELEMENT_NODE
                         ? fo_build_element(b, c, q->flow, FO_BUILD_DETACHED)
                         : NULL;
        if (n)
            return n;
    }
    return NULL;
}

/* ---- the faces ------------------------------------------------------------------------------ */

fo_node *fo_doc_next_page_sequence_head(fo_doc *doc, arena *a)
{
    fo_sequence *q = &doc->seq;
    xml_handlers saved;
    if (!doc->xml)
        fo_doc_catch_errors(doc, &saved);
    if (q->ps && !doc->xml && !q->ended && !q->failed)
        reader_leave_sequence(doc);
    bool failed = q->failed;
    xmlBuffer *text = q->text;
    memset(q, 0, sizeof *q);
    q->text = text;
    xmlBufferEmpty(text);
    q->failed = failed; /* nothing follows a break */
    q->a = a;
    q->cache = fo_props_cache_new(a, SEQUENCE_CACHE_SIZE);
    fo_node *ps = NULL;
    if (!failed)
        ps = doc->xml ? memory_head(doc) : reader_head(doc);
    if (ps)
        doc->title_done = true;
    if (!doc->xml)
        xml_handlers_restore(&saved);
    return q->failed ? NULL : ps;
}

/* The flow's next child built into `a` with `cache`; at the flow's end, the sequence's
 * children after it, built into the sequence's arena. */
static fo_node *next_flow_child(fo_doc *doc, arena *a, fo_props_cache *cache)
{
    fo_sequence *q = &doc->seq;
    if (!q->flow || q->failed)
        return NULL;
    fo_builder b = fo_doc_builder(doc, a, cache);
    if (doc->xml) {
        fo_node *n = memory_flow_child(doc, &b);
        if (!n) {
            q->flow = NULL;
            memory_sequence_children(doc, q->after_flow, false);
        }
        return n;
    }
    xml_handlers saved;
    fo_doc_catch_errors(doc, &saved);
    fo_node *n = reader_flow_child(doc, &b);
    if (!n) {
        q->flow = NULL;
        if (!q->failed)
            reader_sequence_children(doc, false);
    }
    xml_handlers_restore(&saved);
    return n;
}

fo_node *fo_doc_next_flow_child(fo_doc *doc, arena *a)
{
    fo_sequence *q = &doc->seq;
    if (!q->flow)
        return NULL;
    /* into the sequence's arena, its props are shared with the sequence's */
    fo_props_cache *cache = a == q->a ? q->cache : fo_props_cache_new(a, CHILD_CACHE_SIZE);
    return next_flow_child(doc, a, cache);
}

fo_node *fo_doc_next_page_sequence(fo_doc *doc, arena *a)
{
    fo_node *ps = fo_doc_next_page_sequence_head(doc, a);
    if (!ps)
        return NULL;
    fo_node *flow = doc->seq.flow;
    for (fo_node *c; (c = next_flow_child(doc, a, doc->seq.cache));)
        fo_node_append(flow, c);
    return doc->seq.failed ? NULL : ps;
}

bool fo_doc_failed(const fo_doc *doc)
{
    return doc->seq.failed;
}
