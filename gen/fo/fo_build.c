/* Building fo_node trees from libxml2 element subtrees: elements, their computed
 * properties (shared between nodes when identical), text after white-space handling,
 * foreign objects serialized, metadata from declarations. */
#include "fo/fo_internal.h"
#include "util/i18n.h"

#include <libxml/tree.h>
#include <string.h>

#define DC_NS "http://purl.org/dc/elements/1.1/"
#define PDF_NS "http://ns.adobe.com/pdf/1.3/"
#define FOX_NS "http://xmlgraphics.apache.org/fop/extensions"
#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

/* ---- shared property structs --------------------------------------------------------- */

struct fo_props_cache {
    arena *a;
    const fo_props **slots;
    size_t cap, count;
    const char **strings;
    size_t scap, scount;
};

fo_props_cache *fo_props_cache_new(arena *a, size_t cap)
{
    fo_props_cache *c = ARENA_NEW(a, fo_props_cache);
    c->a = a;
    c->cap = cap;
    c->slots = ARENA_NEW_ARRAY(a, const fo_props *, c->cap);
    c->scap = cap;
    c->strings = ARENA_NEW_ARRAY(a, const char *, c->scap);
    return c;
}

static uint64_t hash_words(const void *p, size_t n)
{
    const uint64_t *w = p;
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (size_t i = 0; i < n / 8; i++)
        h = (h ^ w[i]) * 0x100000001b3ull + (h >> 29);
    return h;
}

static uint64_t hash_string(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* The same string as `s` from the cache, so that equal props compare equal bytewise. */
static const char *intern(fo_props_cache *c, const char *s)
{
    if (!s)
        return s;
    if (c->scount * 2 >= c->scap) {
        const char **old = c->strings;
        size_t oldcap = c->scap;
        c->scap *= 2;
        c->strings = ARENA_NEW_ARRAY(c->a, const char *, c->scap);
        for (size_t i = 0; i < oldcap; i++)
            if (old[i]) {
                size_t j = hash_string(old[i]) & (c->scap - 1);
                while (c->strings[j])
                    j = (j + 1) & (c->scap - 1);
                c->strings[j] = old[i];
            }
    }
    size_t j = hash_string(s) & (c->scap - 1);
    while (c->strings[j]) {
        if (c->strings[j] == s || strcmp(c->strings[j], s) == 0)
            return c->strings[j];
        j = (j + 1) & (c->scap - 1);
    }
    c->strings[j] = s;
    c->scount++;
    return s;
}

static void cache_grow(fo_props_cache *c)
{
    const fo_props **old = c->slots;
    size_t oldcap = c->cap;
    c->cap *= 2;
    c->slots = ARENA_NEW_ARRAY(c->a, const fo_props *, c->cap);
    for (size_t i = 0; i < oldcap; i++)
        if (old[i]) {
            size_t j = hash_words(old[i], sizeof(fo_props)) & (c->cap - 1);
            while (c->slots[j])
                j = (j + 1) & (c->cap - 1);
            c->slots[j] = old[i];
        }
}

const fo_props *fo_props_cache_share(fo_props_cache *c, fo_props *p)
{
    const char **fields[FO_PROP_COUNT];
    int n = fo_props_string_fields(p, fields);
    for (int i = 0; i < n; i++)
        *fields[i] = intern(c, *fields[i]);
    if (c->count * 2 >= c->cap)
        cache_grow(c);
    size_t j = hash_words(p, sizeof *p) & (c->cap - 1);
    while (c->slots[j]) {
        if (memcmp(c->slots[j], p, sizeof *p) == 0)
            return c->slots[j];
        j = (j + 1) & (c->cap - 1);
    }
    fo_props *copy = ARENA_NEW(c->a, fo_props);
    memcpy(copy, p, sizeof *p);
    c->slots[j] = copy;
    c->count++;
    return copy;
}

/* ---- tree helpers ------------------------------------------------------------------------ */

void fo_node_append(fo_node *parent, fo_node *child)
{
    child->parent = parent;
    if (parent->last_child)
        parent->last_child->next_sibling = child;
    else
        parent->first_child = child;
    parent->last_child = child;
}

bool fo_is_specified(const fo_node *n, fo_prop_id id)
{
    return (unsigned)id < FO_PROP_COUNT && (n->specified[id / 8] >> (id % 8) & 1);
}

const fo_node *fo_child(const fo_node *n, fo_kind kind)
{
    for (const fo_node *c = n ? n->first_child : NULL; c; c = c->next_sibling)
        if (c->kind == kind)
            return c;
    return NULL;
}

const fo_node *fo_ancestor(const fo_node *n, fo_kind kind)
{
    for (n = n ? n->parent : NULL; n; n = n->parent)
        if (n->kind == kind)
            return n;
    return NULL;
}

/* ---- properties from attributes ---------------------------------------------------------- */

void fo_compute_props(fo_node *n, const char *const *attrs, const fo_node *parent,
                      const char *file, arena *a, diag *d)
{
    fo_pending pd;
    memset(&pd, 0, sizeof pd);
    pd.file = file;
    pd.line = n->line;
    pd.element = fo_kind_name(n->kind);
    pd.d = d;
    pd.a = a;
    for (size_t i = 0; attrs && attrs[i] && attrs[i + 1]; i += 2)
        fo_pending_attribute(&pd, attrs[i], attrs[i + 1]);
    fo_props *p = ARENA_NEW(a, fo_props);
    fo_props_compute(p, n->specified, &pd, n->kind, parent);
    n->props = p;
}

/* The value of an attribute, borrowed when it is one text node, else arena-copied. */
static const char *attr_value(fo_builder *b, xmlAttr *at)
{
    xmlNode *t = at->children;
    if (!t)
        return "";
    if (!t->next && t->type == XML_TEXT_NODE)
        return (const char *)t->content;
    xmlChar *s = xmlNodeListGetString(at->doc, t, 1);
    const char *copy = arena_strdup(b->a, s ? (const char *)s : "");
    xmlFree(s);
    return copy;
}

static void compute_node_props(fo_builder *b, fo_node *n, xmlNode *x, const fo_node *parent)
{
    fo_pending pd;
    memset(&pd, 0, sizeof pd);
    pd.file = b->file;
    pd.line = n->line;
    pd.element = fo_kind_name(n->kind);
    pd.d = b->d;
    pd.a = b->a;
    for (xmlAttr *at = x->properties; at; at = at->next) {
        const char *name = (const char *)at->name;
        if (at->ns) {
            const char *href = (const char *)at->ns->href;
            if (href && strcmp(href, (const char *)XML_XML_NAMESPACE) == 0 &&
                strcmp(name, "lang") == 0)
                name = "xml:lang";
            else if (href && strcmp(href, FOX_NS) == 0 && strcmp(name, "alt-text") == 0)
                name = "fox:alt-text";
            else
                continue; /* xmlns, other fox: attributes, xml:base... */
        }
        fo_pending_attribute(&pd, name, attr_value(b, at));
    }
    fo_props tmp;
    fo_props_compute(&tmp, n->specified, &pd, n->kind, parent);
    n->props = fo_props_cache_share(b->cache, &tmp);
}

/* ---- text -------------------------------------------------------------------------------- */

bool fo_is_text_like(const xmlNode *x)
{
    return x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE ||
           x->type == XML_ENTITY_REF_NODE || x->type == XML_COMMENT_NODE ||
           x->type == XML_PI_NODE;
}

static bool is_block_element(xmlNode *x)
{
    if (!x || x->type != XML_ELEMENT_NODE || !x->ns || !x->ns->href ||
        strcmp((const char *)x->ns->href, FO_NS) != 0)
        return false;
    int k = fo_kind_lookup((const char *)x->name);
    return k > 0 && fo_kind_is_block_level((fo_kind)k);
}

/* Whether whitespace-only text from `first` up to `end` is kept: only in mixed content
 * (a wrapper is mixed when its parent is), and not next to a block, where it could only
 * make an empty line. */
static bool keeps_blank_text(const fo_node *parent, xmlNode *first, xmlNode *end)
{
    if (!fo_kind_is_mixed(parent->kind))
        return false;
    if (parent->kind == FO_WRAPPER && parent->parent && !fo_kind_is_mixed(parent->parent->kind))
        return false;
    xmlNode *prev = first->prev;
    while (prev && prev->type != XML_ELEMENT_NODE)
        prev = prev->prev;
    while (end && end->type != XML_ELEMENT_NODE)
        end = end->next;
    return !is_block_element(prev) && !is_block_element(end);
}

fo_node *fo_build_text(fo_builder *b, const fo_node *parent, int line, const char *s,
                       size_t len, bool keep_blank)
{
    if (!len || (fo_is_blank(s, len) && !keep_blank))
        return NULL;
    char *out = arena_alloc(b->a, len * 3 + 1);
    size_t n = fo_whitespace_apply(parent->props, s, len, out);
    if (!n)
        return NULL;
    out[n] = '\0';
    fo_node *t = ARENA_NEW(b->a, fo_node);
    t->kind = FO_TEXT;
    t->line = line;
    t->parent = (fo_node *)parent;
    t->props = parent->props;
    t->text = out;
    t->text_len = n;
    return t;
}

xmlNode *fo_build_text_run(fo_builder *b, xmlNode *x, const fo_node *parent, fo_node **out)
{
    int line = (int)xmlGetLineNo(x);
    xmlBuffer *buf = NULL;
    const char *s = NULL;
    size_t len = 0;
    xmlNode *end = x;
    int pieces = 0;
    for (; end && fo_is_text_like(end); end = end->next) {
        if (end->type == XML_COMMENT_NODE || end->type == XML_PI_NODE)
            continue;
        xmlChar *owned = NULL;
        const char *piece = (const char *)end->content;
        if (end->type == XML_ENTITY_REF_NODE)
            piece = (const char *)(owned = xmlNodeGetContent(end));
        if (piece && *piece) {
            if (pieces == 0 && !owned) {
                s = piece;
                len = strlen(piece);
            } else {
                if (!buf) {
                    buf = xmlBufferCreate();
                    if (s)
                        xmlBufferAdd(buf, (const xmlChar *)s, (int)len);
                }
                xmlBufferCat(buf, (const xmlChar *)piece);
            }
            pieces++;
        }
        xmlFree(owned);
    }
    if (buf) {
        s = (const char *)xmlBufferContent(buf);
        len = (size_t)xmlBufferLength(buf);
    }
    *out = fo_build_text(b, parent, line, s, len, keeps_blank_text(parent, x, end));
    if (buf)
        xmlBufferFree(buf);
    return end;
}

/* Collapses white space and trims, for titles and metadata. */
static const char *normalized(arena *a, const char *s)
{
    char *out = arena_alloc(a, strlen(s) + 1);
    size_t n = 0;
    for (; *s; s++) {
        bool ws = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
        if (ws && (n == 0 || out[n - 1] == ' '))
            continue;
        out[n++] = ws ? ' ' : *s;
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return out;
}

/* ---- foreign content and metadata -------------------------------------------------------- */

static bool in_ns(xmlNode *x, const char *ns)
{
    return x->ns && x->ns->href && strcmp((const char *)x->ns->href, ns) == 0;
}

/* The first element child serialized with the namespaces it uses declared on it. */
static void serialize_foreign(fo_builder *b, fo_node *n, xmlNode *x)
{
    xmlNode *child = x->children;
    while (child && child->type != XML_ELEMENT_NODE)
        child = child->next;
    if (!child) {
        diag_error(b->d, b->file, n->line, _("fo:instream-foreign-object without content"));
        return;
    }
    xmlDoc *tmp = xmlNewDoc((const xmlChar *)"1.0");
    xmlNode *copy = xmlDocCopyNode(child, tmp, 1);
    xmlBuffer *buf = xmlBufferCreate();
    if (copy && buf) {
        xmlDocSetRootElement(tmp, copy);
        xmlReconciliateNs(tmp, copy);
        xmlNodeDump(buf, tmp, copy, 0, 0);
        n->text = arena_strndup(b->a, (const char *)xmlBufferContent(buf),
                                (size_t)xmlBufferLength(buf));
        n->text_len = (size_t)xmlBufferLength(buf);
    }
    xmlBufferFree(buf);
    xmlFreeDoc(tmp);
}

/* The text of a metadata element: its first rdf:li when it is a list, else its content. */
static const char *meta_text(xmlNode *x, arena *a)
{
    for (xmlNode *c = x->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && in_ns(c, RDF_NS)) {
            if (strcmp((const char *)c->name, "li") == 0)
                return meta_text(c, a);
            const char *t = meta_text(c, a); /* rdf:Alt, rdf:Seq, rdf:Bag */
            if (*t)
                return t;
        }
    xmlChar *s = xmlNodeGetContent(x);
    const char *t = normalized(a, s ? (const char *)s : "");
    xmlFree(s);
    return t;
}

static void meta_set(fo_metadata *meta, const char *ns, const char *name, const char *v)
{
    if (!*v)
        return;
    if (strcmp(ns, DC_NS) == 0) {
        if (strcmp(name, "title") == 0)
            meta->title = v;
        else if (strcmp(name, "creator") == 0)
            meta->author = v;
        else if (strcmp(name, "description") == 0)
            meta->subject = v;
        else if (strcmp(name, "subject") == 0 && !meta->subject)
            meta->subject = v;
        else if (strcmp(name, "language") == 0)
            meta->language = v;
    } else if (strcmp(ns, PDF_NS) == 0 && strcmp(name, "Keywords") == 0) {
        meta->keywords = v;
    }
}

static void read_meta(xmlNode *x, fo_metadata *meta, arena *a)
{
    for (; x; x = x->next) {
        if (x->type != XML_ELEMENT_NODE)
            continue;
        for (xmlAttr *at = x->properties; at; at = at->next)
            if (at->ns && at->ns->href) {
                xmlChar *v = xmlNodeListGetString(at->doc, at->children, 1);
                meta_set(meta, (const char *)at->ns->href, (const char *)at->name,
                         normalized(a, v ? (const char *)v : ""));
                xmlFree(v);
            }
        if (in_ns(x, DC_NS) || in_ns(x, PDF_NS))
            meta_set(meta, (const char *)x->ns->href, (const char *)x->name, meta_text(x, a));
        else
            read_meta(x->children, meta, a);
    }
}

void fo_read_declarations(xmlNode *decl, fo_metadata *meta, arena *a)
{
    read_meta(decl->children, meta, a);
}

/* ---- elements ---------------------------------------------------------------------------- */

static void build_children(fo_builder *b, xmlNode *x, fo_node *n)
{
    for (xmlNode *c = x->children; c;) {
        if (fo_is_text_like(c)) {
            fo_node *t;
            c = fo_build_text_run(b, c, n, &t);
            if (t)
                fo_node_append(n, t);
            continue;
        }
        if (c->type == XML_ELEMENT_NODE)
            fo_build_element(b, c, n, 0);
        c = c->next;
    }
}

static void warn_foreign(fo_builder *b, xmlNode *x)
{
    int line = (int)xmlGetLineNo(x);
    if (x->ns && x->ns->href)
        diag_warning(b->d, b->file, line, _("ignoring element '%s%s%s' from namespace '%s'"),
                     x->ns->prefix ? (const char *)x->ns->prefix : "",
                     x->ns->prefix ? ":" : "", (const char *)x->name,
                     (const char *)x->ns->href);
    else
        diag_warning(b->d, b->file, line, _("ignoring element '%s' outside the FO namespace"),
                     (const char *)x->name);
}

fo_node *fo_build_element(fo_builder *b, xmlNode *x, fo_node *parent, int flags)
{
    if (!in_ns(x, FO_NS)) {
        warn_foreign(b, x);
        return NULL;
    }
    int line = (int)xmlGetLineNo(x);
    int kind = fo_kind_lookup((const char *)x->name);
    if (kind == -2) {
        diag_warning(b->d, b->file, line, _("unsupported formatting object fo:%s ignored"),
                     (const char *)x->name);
        return NULL;
    }
    if (kind < 0) {
        diag_error(b->d, b->file, line, _("unknown formatting object fo:%s"),
                   (const char *)x->name);
        return NULL;
    }
    fo_node *n = ARENA_NEW(b->a, fo_node);
    n->kind = (fo_kind)kind;
    n->line = line;
    n->parent = parent; /* for label-end() while computing */
    compute_node_props(b, n, x, parent);
    if (parent && !(flags & FO_BUILD_DETACHED))
        fo_node_append(parent, n);
    switch (n->kind) {
    case FO_CHARACTER:
        n->text = n->props->character;
        n->text_len = strlen(n->text);
        return n;
    case FO_INSTREAM_FOREIGN_OBJECT:
        serialize_foreign(b, n, x);
        return n;
    case FO_DECLARATIONS:
        if (b->meta)
            fo_read_declarations(x, b->meta, b->meta_arena);
        return n;
    case FO_TITLE:
        if (b->meta && !b->meta->title && parent && parent->kind == FO_PAGE_SEQUENCE) {
            xmlChar *s = xmlNodeGetContent(x);
            const char *t = normalized(b->meta_arena, s ? (const char *)s : "");
            xmlFree(s);
            if (*t)
                b->meta->title = t;
        }
        break;
    default:
        break;
    }
    if (!(flags & FO_BUILD_SHALLOW))
        build_children(b, x, n);
    return n;
}
