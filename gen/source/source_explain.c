/* Schema errors in an author's terms. libxml2 says a source is invalid, and at which nodes,
 * in its own words ("Element action failed to validate attributes"), often at the parent of
 * the real problem and in cascades. Here the source is walked against the schema's model
 * (source_rng.c) and each problem is reported once, at the line of the element concerned:
 * the element or attribute, what was found, what the schema allows. */
#include <libxml/tree.h>
#include <string.h>

#include "source/source_explain.h"
#include "util/i18n.h"

typedef struct {
    rng_model *m;
    const source *s;
    diag *d;
    int problems;
    GHashTable *ids; /* ID value → element that holds it */
} explainer;

/* "action 1.1.1": the nearest enclosing element with a numero, else the site; with
 * `named`, the element itself follows when it is another one ("seance 1, participant"). */
static char *context_of(const xmlNode *n, bool named)
{
    const xmlNode *at = NULL;
    xmlChar *label = NULL;
    for (const xmlNode *a = n; a && a->type == XML_ELEMENT_NODE && !label; a = a->parent)
        if ((label = xmlGetProp(a, BAD_CAST "numero")))
            at = a;
    for (const xmlNode *a = n; a && a->type == XML_ELEMENT_NODE && !label; a = a->parent)
        if (xmlStrEqual(a->name, BAD_CAST "site") && (label = xmlGetProp(a, BAD_CAST "id")))
            at = a;
    char *ctx = NULL;
    if (at && at != n && named)
        ctx = g_strdup_printf("%s %s, %s", (const char *)at->name, (const char *)label, (const char *)n->name);
    else if (at)
        ctx = g_strdup_printf("%s %s", (const char *)at->name, (const char *)label);
    else if (named)
        ctx = g_strdup((const char *)n->name);
    xmlFree(label);
    return ctx;
}

/* One problem at `n`, prefixed with its context ("action 1.1.1: ..."); `named` when the
 * message names an attribute of `n` but not `n`. */
static void problem(explainer *x, const xmlNode *n, bool named, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void problem(explainer *x, const xmlNode *n, bool named, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    char *ctx = context_of(n, named);
    const char *file = source_node_file(x->s, n);
    int line = (int)xmlGetLineNo(n);
    if (ctx)
        diag_error(x->d, file, line, _("%s: %s"), ctx, msg);
    else
        diag_error(x->d, file, line, "%s", msg);
    g_free(ctx);
    g_free(msg);
    x->problems++;
}

/* The name of an attribute as the schema writes it ("xml:lang"). */
static char *attr_name(const xmlAttr *a)
{
    if (a->ns && a->ns->prefix)
        return g_strdup_printf("%s:%s", (const char *)a->ns->prefix, (const char *)a->name);
    return g_strdup((const char *)a->name);
}

static char *names_of(const GArray *items, bool brackets)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < items->len; i++) {
        const char *name = g_array_index(items, rng_item, i).name;
        bool seen = false;
        for (guint j = 0; j < i && !seen; j++)
            seen = strcmp(g_array_index(items, rng_item, j).name, name) == 0;
        if (!seen)
            g_string_append_printf(s, brackets ? "%s<%s>" : "%s%s", s->len ? ", " : "", name);
    }
    if (!s->len)
        g_string_append(s, _("none"));
    return g_string_free(s, FALSE);
}

static bool blank(const char *s)
{
    return !s[strspn(s, " \t\r\n")];
}

/* A value (of an attribute, or an element's text) against its pattern `p`. */
static void check_value(explainer *x, const xmlNode *n, bool named, const char *what, xmlNode *p,
                        const char *value)
{
    if (rng_value_ok(x->m, p, value))
        return;
    GString *allowed = g_string_new(NULL);
    if (blank(value) && !rng_value_list(x->m, p, allowed)) {
        problem(x, n, named, _("%s is empty"), what);
    } else if (rng_value_list(x->m, p, allowed)) {
        problem(x, n, named, _("%s '%s' is not allowed (values: %s)"), what, value, allowed->str);
    } else {
        rng_value_expected(x->m, p, allowed);
        problem(x, n, named, _("%s '%s' is not valid (expected: %s)"), what, value, allowed->str);
    }
    g_string_free(allowed, TRUE);
}

static void check_id(explainer *x, xmlNode *n, const char *name, const char *value)
{
    xmlNode *first = g_hash_table_lookup(x->ids, value);
    if (!first) {
        g_hash_table_insert(x->ids, g_strdup(value), n);
        return;
    }
    problem(x, n, true, _("%s '%s' is already used (%s:%d)"), name, value, source_node_file(x->s, first),
            (int)xmlGetLineNo(first));
}

static void check_attributes(explainer *x, xmlNode *n, const rng_content *c)
{
    bool unknown = false;
    for (xmlAttr *a = n->properties; a; a = a->next) {
        char *name = attr_name(a);
        xmlChar *value = xmlNodeGetContent((xmlNode *)a);
        const rng_item *it = rng_find(c->attrs, name);
        if (!it) {
            char *allowed = names_of(c->attrs, false);
            problem(x, n, false, _("unknown attribute %s on <%s> (allowed: %s)"), name, (const char *)n->name,
                    allowed);
            g_free(allowed);
            unknown = true;
        } else {
            xmlNode *p = rng_attribute_value(it->pattern);
            check_value(x, n, true, name, p, (const char *)value);
            if (p && rng_value_is_id(x->m, p))
                check_id(x, n, name, (const char *)value);
        }
        xmlFree(value);
        g_free(name);
    }
    if (unknown)
        return; /* a misspelt attribute is one problem, not also a missing one */
    for (guint i = 0; i < c->attrs->len; i++) {
        const rng_item *it = &g_array_index(c->attrs, rng_item, i);
        const char *colon = strchr(it->name, ':');
        bool present = colon ? false : xmlHasProp(n, BAD_CAST it->name) != NULL;
        if (!it->required || present || colon)
            continue;
        GString *values = g_string_new(NULL);
        if (rng_value_list(x->m, rng_attribute_value(it->pattern), values))
            problem(x, n, false, _("attribute %s is missing on <%s> (values: %s)"), it->name,
                    (const char *)n->name, values->str);
        else
            problem(x, n, false, _("attribute %s is missing on <%s>"), it->name, (const char *)n->name);
        g_string_free(values, TRUE);
    }
}

static bool is_element(const xmlNode *k)
{
    return k->type == XML_ELEMENT_NODE;
}

static void explain_element(explainer *x, xmlNode *n, xmlNode *pattern);

static bool has_child(const xmlNode *n, const char *name)
{
    for (const xmlNode *k = n->children; k; k = k->next)
        if (is_element(k) && xmlStrEqual(k->name, BAD_CAST name))
            return true;
    return false;
}

/* Children: known here, in order, not repeated unless allowed, required ones present. */
static void check_children(explainer *x, xmlNode *n, const rng_content *c)
{
    bool stray = false, order_told = false;
    const rng_item *latest = NULL;
    const xmlNode *latest_node = NULL;
    for (xmlNode *k = n->children; k; k = k->next) {
        if (!is_element(k))
            continue;
        const char *name = (const char *)k->name;
        const rng_item *it = rng_find(c->elems, name);
        if (!it) {
            char *expected = names_of(c->elems, true);
            if (rng_knows_element(x->m, name))
                problem(x, k, false, _("element <%s> is not allowed in <%s> (expected here: %s)"), name,
                        (const char *)n->name, expected);
            else
                problem(x, k, false, _("unknown element <%s> in <%s> (expected here: %s)"), name,
                        (const char *)n->name, expected);
            g_free(expected);
            stray = true;
            continue;
        }
        if (latest && it->order < latest->order && !order_told) {
            problem(x, k, false, _("element <%s> must come before <%s>"), name, (const char *)latest_node->name);
            order_told = true;
        } else if (latest && latest == it && !it->repeatable) {
            problem(x, k, false, _("element <%s> may appear only once in <%s>"), name, (const char *)n->name);
        }
        if (!latest || it->order >= latest->order) {
            latest = it;
            latest_node = k;
        }
        explain_element(x, k, it->pattern);
    }
    if (stray)
        return; /* a misspelt element is one problem, not also a missing one */
    for (guint i = 0; i < c->elems->len; i++) {
        const rng_item *it = &g_array_index(c->elems, rng_item, i);
        if (it->required && !has_child(n, it->name))
            problem(x, n, false, _("element <%s> is missing in <%s>"), it->name, (const char *)n->name);
    }
    for (guint i = 0; i < c->choices->len; i++) {
        const rng_choice *ch = &g_array_index(c->choices, rng_choice, i);
        bool present = false;
        for (guint j = ch->first; j < ch->last && !present; j++)
            present = has_child(n, g_array_index(c->elems, rng_item, j).name);
        if (present)
            continue;
        GArray *branch = g_array_new(FALSE, FALSE, sizeof(rng_item));
        g_array_append_vals(branch, &g_array_index(c->elems, rng_item, ch->first), ch->last - ch->first);
        char *names = names_of(branch, true);
        problem(x, n, false, _("<%s> needs one of %s"), (const char *)n->name, names);
        g_free(names);
        g_array_free(branch, TRUE);
    }
}

static void check_text(explainer *x, xmlNode *n, const rng_content *c)
{
    bool has_elements = false;
    for (xmlNode *k = n->children; k && !has_elements; k = k->next)
        has_elements = is_element(k);
    if (has_elements && c->mixed)
        return;
    GString *text = g_string_new(NULL); /* its own text, not its children's */
    for (xmlNode *k = n->children; k; k = k->next)
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
            g_string_append(text, (const char *)k->content);
    if (c->text && !has_elements)
        check_value(x, n, false, (const char *)n->name, c->text, text->str);
    else if (!c->text && !c->mixed && !blank(text->str))
        problem(x, n, false, _("<%s> cannot hold text"), (const char *)n->name);
    g_string_free(text, TRUE);
}

static void explain_element(explainer *x, xmlNode *n, xmlNode *pattern)
{
    const rng_content *c = rng_content_of(x->m, pattern);
    check_attributes(x, n, c);
    check_text(x, n, c);
    check_children(x, n, c);
}

int source_explain(rng_model *m, const source *s, diag *d)
{
    explainer x = {.m = m, .s = s, .d = d,
                   .ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
    xmlNode *root = xmlDocGetRootElement(s->doc);
    const char *ns = root && root->ns ? (const char *)root->ns->href : "";
    xmlNode *pattern = root ? rng_root_element(m, (const char *)root->name) : NULL;
    if (!root) {
    } else if (strcmp(ns, SOURCE_NS) != 0) {
        problem(&x, root, false, _("<%s> is not in the atelier namespace: write xmlns=\"%s\""),
                (const char *)root->name, SOURCE_NS);
    } else if (!pattern) {
        problem(&x, root, false, _("the root element must be <atelier>, not <%s>"),
                (const char *)root->name);
    } else {
        explain_element(&x, root, pattern);
    }
    g_hash_table_destroy(x.ids);
    return x.problems;
}
