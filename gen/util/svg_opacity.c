/* An SVG's group opacity folded into paint opacity (see svg_opacity.h). */
#define _GNU_SOURCE /* memmem */
#include "util/svg_opacity.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdbool.h>
#include <string.h>

#define SVG_NS "http://www.w3.org/2000/svg"

static bool named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static bool in_svg(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, SVG_NS) == 0;
}

/* An attribute without a namespace, as SVG's presentation attributes are. */
static bool has(const xmlNode *n, const char *name)
{
    return xmlHasNsProp(n, (const xmlChar *)name, NULL) != NULL;
}

/* What makes a shape's paint depend on more than its and its ancestors' attributes: CSS,
 * <use> (a used shape inherits from the <use>), markers (drawn besides the stroke). */
static bool unjudgeable(const xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type == XML_PI_NODE && strcmp((const char *)n->name, "xml-stylesheet") == 0)
            return true;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (named(n, "style") || named(n, "use") || named(n, "marker") || unjudgeable(n->children))
            return true;
    }
    return false;
}

/* The attribute `name` of `n` or of its nearest ancestor that has it (inherited), or NULL. */
static xmlChar *inherited(const xmlNode *n, const char *name)
{
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        if (has(n, name))
            return xmlGetNoNsProp(n, (const xmlChar *)name);
    return NULL;
}

/* A plain number ("0.6", " 1 "), clamped to [0, 1] as opacities are. */
static bool opacity_value(const xmlChar *s, double *v)
{
    const char *p = (const char *)s;
    char *end;
    *v = g_ascii_strtod(p, &end);
    if (end == p)
        return false;
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
        end++;
    if (*end)
        return false;
    *v = *v < 0 ? 0 : *v > 1 ? 1 : *v;
    return true;
}

/* Whether the inherited paint `name` ("fill", "stroke") paints: its default, or anything
 * but "none" (a paint server, "transparent"... count as painting). */
static bool paints(const xmlNode *n, const char *name, bool by_default)
{
    xmlChar *v = inherited(n, name);
    if (!v)
        return by_default;
    bool none = strcmp(g_strstrip((char *)v), "none") == 0;
    xmlFree(v);
    return !none;
}

/* A shape with nothing drawn inside it (title and desc only) and no inline CSS on the way
 * up, whose opacity would not act on a filter's or a mask's result. */
static bool foldable_shape(const xmlNode *n)
{
    static const char *const shapes[] = {"path", "polygon", "polyline", "line",
                                         "rect", "circle",  "ellipse"};
    bool shape = false;
    for (size_t i = 0; i < G_N_ELEMENTS(shapes); i++)
        shape = shape || named(n, shapes[i]);
    if (!shape || !in_svg(n) || !has(n, "opacity") || has(n, "filter") || has(n, "mask"))
        return false;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !named(c, "title") && !named(c, "desc"))
            return false;
    for (const xmlNode *a = n; a && a->type == XML_ELEMENT_NODE; a = a->parent)
        if (has(a, "style"))
            return false;
    return true;
}

/* Folds `n`'s opacity into the one paint it draws with; false when it draws both or
 * neither, or a value is not a plain number. */
static bool fold(xmlNode *n)
{
    bool fill = !named(n, "line") && paints(n, "fill", true);
    bool stroke = paints(n, "stroke", false);
    if (fill == stroke)
        return false;
    const char *prop = fill ? "fill-opacity" : "stroke-opacity";
    xmlChar *op = xmlGetNoNsProp(n, (const xmlChar *)"opacity");
    xmlChar *cur = inherited(n, prop);
    double o, c = 1;
    bool ok = opacity_value(op, &o) && (!cur || opacity_value(cur, &c));
    xmlFree(op);
    xmlFree(cur);
    if (!ok)
        return false;
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    xmlSetProp(n, (const xmlChar *)prop, (const xmlChar *)g_ascii_formatd(buf, sizeof buf,
                                                                           "%.6g", o * c));
    xmlUnsetNsProp(n, NULL, (const xmlChar *)"opacity");
    return true;
}

/* Folds the shapes drawn where they stand (not in defs, clip paths, masks, patterns or
 * symbols); returns how many. */
static size_t fold_all(xmlNode *n)
{
    size_t folded = 0;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || named(n, "defs") || named(n, "clipPath") ||
            named(n, "mask") || named(n, "pattern") || named(n, "symbol"))
            continue;
        if (foldable_shape(n))
            folded += fold(n);
        else
            folded += fold_all(n->children);
    }
    return folded;
}

GBytes *svg_fold_opacity(const void *data, size_t len)
{
    if (!data || len > INT_MAX || !memmem(data, len, "opacity", 7))
        return NULL;
    xmlDoc *doc = xmlReadMemory(data, (int)len, NULL, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        return NULL;
    GBytes *out = NULL;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (root && !unjudgeable(doc->children) && fold_all(root) > 0) {
        xmlChar *mem = NULL;
        int size = 0;
        xmlDocDumpMemory(doc, &mem, &size);
        if (mem)
            out = g_bytes_new_with_free_func(mem, (size_t)size, xmlFree, mem);
    }
    xmlFreeDoc(doc);
    return out;
}
