/* The atelier schema as a model of allowed attributes, children and values (see
 * source_rng.h). Datatypes are checked by libxml2's XML Schema types and regular
 * expressions, the same code its RELAX NG validator uses. */
#include "source/source_rng.h"

#include <libxml/parser.h>
#include <libxml/xmlregexp.h>
#include <libxml/xmlschemastypes.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

#define RNG_NS "http://relaxng.org/ns/structure/1.0"
#define XSD_NS "http://www.w3.org/2001/XMLSchema"
#define MAX_REF_DEPTH 32

struct rng_model {
    xmlDoc *doc;
    GHashTable *defines;  /* name → <define> */
    GHashTable *contents; /* <element> → rng_content */
    GHashTable *names;    /* every element name of the schema (a set) */
};

static bool is_rng(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) &&
           (!name || xmlStrEqual(n->name, BAD_CAST name));
}

static const char *prop(const xmlNode *n, const char *name)
{
    xmlAttr *a = xmlHasProp((xmlNode *)n, BAD_CAST name);
    return a && a->children ? (const char *)a->children->content : NULL;
}

static void content_free(void *p)
{
    rng_content *c = p;
    g_array_free(c->attrs, TRUE);
    g_array_free(c->elems, TRUE);
    g_array_free(c->choices, TRUE);
    g_free(c);
}

static void collect(rng_model *m, xmlNode *n)
{
    for (; n; n = n->next) {
        if (is_rng(n, "define") && prop(n, "name"))
            g_hash_table_insert(m->defines, (char *)prop(n, "name"), n);
        if (is_rng(n, "element") && prop(n, "name"))
            g_hash_table_add(m->names, (char *)prop(n, "name"));
        if (n->type == XML_ELEMENT_NODE)
            collect(m, n->children);
    }
}

rng_model *rng_model_load(const char *path)
{
    xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    if (!doc)
        return NULL;
    xmlSchemaInitTypes();
    rng_model *m = g_new0(rng_model, 1);
    m->doc = doc;
    m->defines = g_hash_table_new(g_str_hash, g_str_equal);
    m->contents = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, content_free);
    m->names = g_hash_table_new(g_str_hash, g_str_equal);
    collect(m, xmlDocGetRootElement(doc));
    return m;
}

void rng_model_destroy(rng_model *m)
{
    if (!m)
        return;
    g_hash_table_destroy(m->defines);
    g_hash_table_destroy(m->contents);
    g_hash_table_destroy(m->names);
    xmlFreeDoc(m->doc);
    g_free(m);
}

bool rng_knows_element(rng_model *m, const char *name)
{
    return g_hash_table_contains(m->names, name);
}

/* ---- Walking an element's content --------------------------------------------------- */

typedef struct {
    rng_model *m;
    rng_content *c;
    int order;
    bool frozen; /* inside a repetition or an interleave: no order among its elements */
    int depth;
} walker;

static void walk(walker *w, xmlNode *n, bool required, bool repeat);
static xmlNode *deref(rng_model *m, xmlNode *p);

static void walk_children(walker *w, xmlNode *parent, bool required, bool repeat)
{
    for (xmlNode *n = parent->children; n; n = n->next)
        walk(w, n, required, repeat);
}

/* A choice whose branches are all values or datatypes: a value pattern, not a structure. */
static bool is_value_choice(const xmlNode *n)
{
    bool any = false;
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (!is_rng(k, "value") && !is_rng(k, "data"))
            return false;
        any = true;
    }
    return any;
}

static void add_item(GArray *items, xmlNode *n, bool required, bool repeat, int order)
{
    rng_item it = {prop(n, "name"), n, required, repeat, order};
    if (it.name)
        g_array_append_val(items, it);
}

static void walk(walker *w, xmlNode *n, bool required, bool repeat)
{
    if (!is_rng(n, NULL))
        return;
    const char *k = (const char *)n->name;
    if (strcmp(k, "element") == 0) {
        add_item(w->c->elems, n, required, repeat, w->order);
        if (!w->frozen)
            w->order++;
    } else if (strcmp(k, "attribute") == 0) {
        add_item(w->c->attrs, n, required, repeat, 0);
    } else if (strcmp(k, "ref") == 0) {
        xmlNode *def = prop(n, "name") ? g_hash_table_lookup(w->m->defines, prop(n, "name")) : NULL;
        xmlNode *first = deref(w->m, n);
        if (first && (is_rng(first, "data") || is_rng(first, "value") ||
                      (is_rng(first, "choice") && is_value_choice(first)))) {
            if (!w->c->text)
                w->c->text = n; /* the ref, whose name says what the value is */
        } else if (def && w->depth < MAX_REF_DEPTH) {
            w->depth++;
            walk_children(w, def, required, repeat);
            w->depth--;
        }
    } else if (strcmp(k, "optional") == 0) {
        walk_children(w, n, false, repeat);
    } else if (strcmp(k, "zeroOrMore") == 0 || strcmp(k, "oneOrMore") == 0 ||
               strcmp(k, "interleave") == 0) {
        bool was = w->frozen;
        w->frozen = true;
        walk_children(w, n, required && k[0] != 'z', repeat || k[0] != 'i');
        w->frozen = was;
        if (!was)
            w->order++;
    } else if (strcmp(k, "choice") == 0 && is_value_choice(n)) {
        if (!w->c->text)
            w->c->text = n;
    } else if (strcmp(k, "choice") == 0) {
        int start = w->order, end = start;
        rng_choice choice = {w->c->elems->len, 0};
        bool every_branch_elements = true; /* a branch of text alone needs no element */
        for (xmlNode *b = n->children; b; b = b->next) {
            if (!is_rng(b, NULL))
                continue;
            guint before = w->c->elems->len;
            w->order = start;
            walk(w, b, false, repeat);
            end = end > w->order ? end : w->order;
            every_branch_elements = every_branch_elements && w->c->elems->len > before;
        }
        w->order = end;
        choice.last = w->c->elems->len;
        if (required && every_branch_elements && choice.last > choice.first)
            g_array_append_val(w->c->choices, choice);
    } else if (strcmp(k, "group") == 0) {
        walk_children(w, n, required, repeat);
    } else if (strcmp(k, "mixed") == 0) {
        w->c->mixed = true;
        walk_children(w, n, required, repeat);
    } else if (strcmp(k, "text") == 0) {
        w->c->mixed = true;
    } else if (strcmp(k, "data") == 0 || strcmp(k, "value") == 0 || strcmp(k, "list") == 0) {
        if (!w->c->text)
            w->c->text = n;
    }
}

const rng_content *rng_content_of(rng_model *m, xmlNode *elem)
{
    rng_content *c = g_hash_table_lookup(m->contents, elem);
    if (c)
        return c;
    c = g_new0(rng_content, 1);
    c->attrs = g_array_new(FALSE, FALSE, sizeof(rng_item));
    c->elems = g_array_new(FALSE, FALSE, sizeof(rng_item));
    c->choices = g_array_new(FALSE, FALSE, sizeof(rng_choice));
    walker w = {.m = m, .c = c};
    walk_children(&w, elem, true, false);
    g_hash_table_insert(m->contents, elem, c);
    return c;
}

xmlNode *rng_root_element(rng_model *m, const char *name)
{
    for (xmlNode *n = xmlDocGetRootElement(m->doc)->children; n; n = n->next) {
        if (!is_rng(n, "start"))
            continue;
        rng_content c = {g_array_new(FALSE, FALSE, sizeof(rng_item)),
                         g_array_new(FALSE, FALSE, sizeof(rng_item)),
                         g_array_new(FALSE, FALSE, sizeof(rng_choice)), NULL, false};
        walker w = {.m = m, .c = &c};
        walk_children(&w, n, true, false);
        const rng_item *it = rng_find(c.elems, name);
        xmlNode *found = it ? it->pattern : NULL;
        g_array_free(c.attrs, TRUE);
        g_array_free(c.elems, TRUE);
        g_array_free(c.choices, TRUE);
        return found;
    }
    return NULL;
}

const rng_item *rng_find(const GArray *items, const char *name)
{
    for (guint i = 0; i < items->len; i++) {
        const rng_item *it = &g_array_index(items, rng_item, i);
        if (strcmp(it->name, name) == 0)
            return it;
    }
    return NULL;
}

xmlNode *rng_attribute_value(xmlNode *attribute)
{
    for (xmlNode *n = attribute->children; n; n = n->next)
        if (is_rng(n, NULL) && !is_rng(n, "name"))
            return n;
    return NULL;
}

/* ---- Values ------------------------------------------------------------------------- */

/* The first pattern inside a <define> or a <ref>'s definition. */
static xmlNode *deref(rng_model *m, xmlNode *p)
{
    for (int depth = 0; p && is_rng(p, "ref") && depth < MAX_REF_DEPTH; depth++) {
        xmlNode *def = prop(p, "name") ? g_hash_table_lookup(m->defines, prop(p, "name")) : NULL;
        p = NULL;
        for (xmlNode *k = def ? def->children : NULL; k && !p; k = k->next)
            if (is_rng(k, NULL))
                p = k;
    }
    return p;
}

static char *collapsed(const char *s)
{
    GString *out = g_string_new(NULL);
    bool space = false;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            space = out->len > 0;
            continue;
        }
        if (space)
            g_string_append_c(out, ' ');
        space = false;
        g_string_append_c(out, *s);
    }
    return g_string_free(out, FALSE);
}

/* Digits after the decimal point, trailing zeros left out. */
static int fraction_digits(const char *s)
{
    const char *dot = strchr(s, '.');
    if (!dot)
        return 0;
    int n = (int)strlen(dot + 1);
    while (n > 0 && dot[n] == '0')
        n--;
    return n;
}

static bool param_ok(const xmlNode *param, const char *v)
{
    const char *name = prop(param, "name");
    xmlChar *arg = xmlNodeGetContent(param);
    bool ok = true;
    if (!name || !arg) {
    } else if (strcmp(name, "pattern") == 0) {
        xmlRegexpPtr re = xmlRegexpCompile(arg);
        ok = !re || xmlRegexpExec(re, BAD_CAST v) == 1;
        xmlRegFreeRegexp(re);
    } else if (strcmp(name, "minInclusive") == 0) {
        ok = strtod(v, NULL) >= strtod((const char *)arg, NULL);
    } else if (strcmp(name, "minExclusive") == 0) {
        ok = strtod(v, NULL) > strtod((const char *)arg, NULL);
    } else if (strcmp(name, "fractionDigits") == 0) {
        ok = fraction_digits(v) <= atoi((const char *)arg);
    }
    xmlFree(arg);
    return ok;
}

static bool data_ok(const xmlNode *p, const char *value)
{
    const char *type = prop(p, "type");
    bool keep_spaces = type && strcmp(type, "string") == 0;
    char *v = keep_spaces ? g_strdup(value) : collapsed(value);
    bool ok = true;
    xmlSchemaTypePtr t = type ? xmlSchemaGetPredefinedType(BAD_CAST type, BAD_CAST XSD_NS) : NULL;
    if (t && strcmp(type, "ID") != 0 && strcmp(type, "IDREFS") != 0) {
        xmlSchemaValPtr val = NULL;
        ok = xmlSchemaValPredefTypeNode(t, BAD_CAST v, &val, NULL) == 0;
        xmlSchemaFreeValue(val);
    }
    for (const xmlNode *k = p->children; ok && k; k = k->next)
        if (is_rng(k, "param"))
            ok = param_ok(k, v);
    g_free(v);
    return ok;
}

bool rng_value_ok(rng_model *m, xmlNode *p, const char *value)
{
    p = deref(m, p);
    if (!p || is_rng(p, "text") || is_rng(p, "list"))
        return true;
    if (is_rng(p, "value")) {
        xmlChar *want = xmlNodeGetContent(p);
        char *a = collapsed((const char *)want), *b = collapsed(value);
        bool ok = strcmp(a, b) == 0;
        g_free(a);
        g_free(b);
        xmlFree(want);
        return ok;
    }
    if (is_rng(p, "data"))
        return data_ok(p, value);
    if (is_rng(p, "choice")) {
        for (xmlNode *k = p->children; k; k = k->next)
            if (is_rng(k, NULL) && rng_value_ok(m, k, value))
                return true;
        return false;
    }
    if (is_rng(p, "empty"))
        return !*value;
    return true;
}

bool rng_value_list(rng_model *m, xmlNode *p, GString *out)
{
    p = deref(m, p);
    if (is_rng(p, "value")) {
        xmlChar *v = xmlNodeGetContent(p);
        g_string_append(out, (const char *)v);
        xmlFree(v);
        return true;
    }
    if (!is_rng(p, "choice"))
        return false;
    for (xmlNode *k = p->children; k; k = k->next) {
        if (!is_rng(k, NULL))
            continue;
        if (!is_rng(k, "value"))
            return false;
        xmlChar *v = xmlNodeGetContent(k);
        g_string_append_printf(out, "%s%s", out->len ? ", " : "", (const char *)v);
        xmlFree(v);
    }
    return true;
}

bool rng_value_is_id(rng_model *m, xmlNode *p)
{
    p = deref(m, p);
    return is_rng(p, "data") && prop(p, "type") && strcmp(prop(p, "type"), "ID") == 0;
}

/* Forms the schema names (its defines, or the attributes that carry their own pattern),
 * then plain datatypes. */
static const struct {
    const char *name;
    const char *words;
} forms[] = {
    {"date", N_("a date such as 2025-03-12")},
    {"annee", N_("a year such as 2025")},
    {"heure", N_("a time such as 14:30")},
    {"montant", N_("an amount in euros such as 1250000 or 12500.50")},
    {"numero", N_("a number such as 1.2.3")},
    {"code-departement", N_("a département code such as 26, 2A or 974")},
    {"identifiant", N_("lower-case letters, digits and hyphens, such as val-de-drome")},
    {"texte", N_("some text")},
    {"version", N_("a version number such as 1.0")},
    {"courriel", N_("an e-mail address")},
    {"positiveInteger", N_("a whole number greater than zero")},
    {"nonNegativeInteger", N_("a whole number")},
    {"decimal", N_("a number such as 12.5")},
    {"gYear", N_("a year such as 2025")},
    {"anyURI", N_("a link or a file path")},
    {"language", N_("a language code such as fr")},
};

static const char *form_words(const char *name)
{
    for (size_t i = 0; name && i < sizeof forms / sizeof *forms; i++)
        if (strcmp(forms[i].name, name) == 0)
            return _(forms[i].words);
    return NULL;
}

void rng_value_expected(rng_model *m, xmlNode *p, GString *out)
{
    const char *words = NULL;
    if (is_rng(p, "ref"))
        words = form_words(prop(p, "name"));
    if (!words && p && p->parent && is_rng(p->parent, "attribute"))
        words = form_words(prop(p->parent, "name"));
    xmlNode *d = deref(m, p);
    if (!words && is_rng(d, "data"))
        words = form_words(prop(d, "type"));
    if (words) {
        g_string_append(out, words);
        return;
    }
    if (rng_value_list(m, p, out))
        return;
    g_string_append_printf(out, _("a value of type %s"),
                           is_rng(d, "data") && prop(d, "type") ? prop(d, "type") : "?");
}
