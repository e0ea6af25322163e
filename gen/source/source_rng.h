/* The atelier schema read as a model, for messages in an author's terms: which attributes
 * and child elements an element allows, in which order, and which values an attribute or
 * a text takes. Read from schema/atelier.rng itself (its XML syntax: element, attribute,
 * ref, optional, zeroOrMore, oneOrMore, choice, group, interleave, mixed, text, data,
 * value), so that the messages never disagree with the schema libxml2 validates against. */
#ifndef LIVRABLES_SOURCE_RNG_H
#define LIVRABLES_SOURCE_RNG_H

#include <glib.h>
#include <libxml/tree.h>
#include <stdbool.h>

typedef struct rng_model rng_model;

/* An attribute or a child element an element's content allows. */
typedef struct {
    const char *name;  /* borrowed from the schema */
    xmlNode *pattern;  /* its <attribute> or <element> */
    bool required;     /* not under optional, zeroOrMore or choice */
    bool repeatable;   /* elements: under oneOrMore or zeroOrMore */
    int order;         /* elements: rank in the content; equal ranks may come in any order */
} rng_item;

/* A required choice between elements: elems[first] to elems[last - 1] (the elements of
 * its branches), one of which must be there. */
typedef struct {
    guint first, last;
} rng_choice;

/* What the content of one <element> pattern allows. */
typedef struct {
    GArray *attrs;     /* of rng_item */
    GArray *elems;     /* of rng_item */
    GArray *choices;   /* of rng_choice: required choices between elements */
    xmlNode *text;     /* the pattern of its text (data, value, choice of values), or NULL */
    bool mixed;        /* any text may stand between child elements */
} rng_content;

/* Reads the schema at `path`. NULL when it cannot be read. Free with rng_model_destroy. */
rng_model *rng_model_load(const char *path);
void rng_model_destroy(rng_model *m); /* accepts NULL */

/* The <element> pattern of a root element named `name`, or NULL. */
xmlNode *rng_root_element(rng_model *m, const char *name);

/* The content of the <element> pattern `elem` (borrowed, computed once). */
const rng_content *rng_content_of(rng_model *m, xmlNode *elem);

/* The item named `name` in `items`, or NULL. */
const rng_item *rng_find(const GArray *items, const char *name);

/* True when some element of the schema, anywhere, is named `name`. */
bool rng_knows_element(rng_model *m, const char *name);

/* The value pattern of an <attribute> pattern (NULL: any text). */
xmlNode *rng_attribute_value(xmlNode *attribute);

/* True when `value` matches the value pattern `p` (NULL matches anything). */
bool rng_value_ok(rng_model *m, xmlNode *p, const char *value);

/* True when `p` only allows some listed values; `out` then receives them ("1, 2, 3"). */
bool rng_value_list(rng_model *m, xmlNode *p, GString *out);

/* What `p` expects, in words, translated ("a date such as 2025-03-12"). */
void rng_value_expected(rng_model *m, xmlNode *p, GString *out);

/* True when `p` is an ID (unique in the document). */
bool rng_value_is_id(rng_model *m, xmlNode *p);

#endif
