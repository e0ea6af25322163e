/* Private interfaces between the files of gen/fo. Not for other stages. */
#ifndef LIVRABLES_FO_INTERNAL_H
#define LIVRABLES_FO_INTERNAL_H

#include <stdint.h>

#include "fo/fo.h"
#include "util/xml_errors.h"

struct _xmlNode;

/* ---- string hash tables (fo_hash.c) ---------------------------------------------------- */

/* A fixed table from NUL-terminated keys (borrowed, static) to small integers. */
typedef struct {
    const char **keys;
    int *values;
    size_t cap; /* a power of two */
} fo_hash;

/* Builds the table with room for `n` keys. Never fails (aborts on out of memory). */
void fo_hash_init(fo_hash *h, size_t n);
void fo_hash_put(fo_hash *h, const char *key, int value);
/* The value of the `len` bytes at `key`, or -1. */
int fo_hash_get(const fo_hash *h, const char *key, size_t len);

/* ---- element kinds (fo_kinds.c) -------------------------------------------------------- */

/* The kind of an FO element local name; -1 when unknown, -2 when it is an XSL 1.1 element
 * Livrables does not support. */
int fo_kind_lookup(const char *name);
/* Whether whitespace-only text directly inside is kept (mixed content). */
bool fo_kind_is_mixed(fo_kind k);
/* Block-level FOs, on which margins map to indents and spaces (XSL § 5.3.2). */
bool fo_kind_is_block_level(fo_kind k);
/* Inline-level FOs, on which margin-left/right map to space-start/end. */
bool fo_kind_is_inline_level(fo_kind k);

/* ---- values (fo_values.c, fo_colors.c) ------------------------------------------------- */

/* The keyword spelled by `len` bytes at `s`, or FO_KW_UNSET. */
fo_kw fo_kw_lookup(const char *s, size_t len);

/* Parses a decimal number (never locale dependent) at *s, advancing *s. */
bool fo_parse_number(const char **s, double *out);

/* Points per unit ("mm", "pt"...); 0 when the unit is unknown. "em" is not handled here. */
double fo_unit_points(const char *unit, size_t len);

/* A colour name (case-insensitive), or false. */
bool fo_color_by_name(const char *s, size_t len, fo_color *out);

/* Case-insensitive comparison of `len` bytes at `s` with the NUL-terminated `lit`. */
bool fo_ieq(const char *s, size_t len, const char *lit);

/* ---- expressions (fo_expr.c) ------------------------------------------------------------ */

/* The value of an expression: a length (abs + rel * base + prop * unit), a number or a
 * colour. */
typedef struct {
    double abs, rel, prop;
    bool is_len;
    bool is_color;
    fo_color color;
    /* Set when the expression used something FOP accepts outside XSL 1.1 (the mpt unit,
     * a percentage in proportional-column-width()): how it was read, for a warning. */
    const char *nonstandard;
} fo_val;

typedef struct {
    double font_size;          /* for em */
    const fo_node *context;    /* searched (inclusive) for the nearest list-block */
    const fo_props *parent;    /* for from-parent() and inherited-property-value() */
} fo_expr_ctx;

/* Evaluates an expression; false with *err set on a syntax or type error. */
bool fo_expr_eval(const char *s, const fo_expr_ctx *cx, fo_val *out, const char **err);

/* ---- properties (fo_prop_table.c, fo_prop_parse.c, fo_props.c) ---------------------------- */

typedef enum {
    K_P_LENGTH, K_P_FONT_SIZE, K_P_FONT_WEIGHT, K_P_LINE_HEIGHT, K_P_COLOR, K_P_ENUM,
    K_P_INT, K_P_NUMBER, K_P_STRING, K_P_SPACE, K_P_KEEP, K_P_DECORATION
} fo_prop_kind;

typedef struct {
    const char *name;
    bool inherited;
    fo_prop_kind kind;
    const char *initial;
    const char *keywords;
    uint64_t kw_set[(FO_KW_COUNT + 63) / 64]; /* the keywords accepted */
} fo_prop_info;

/* The table of props.def, initialized once. */
const fo_prop_info *fo_prop_table(void);
/* The initial values of every property (as on fo:root without attributes). */
const fo_props *fo_initial_props(void);
/* The property id of an XSL name, or -1. */
int fo_prop_lookup(const char *name, size_t len);

/* The value of property `id` in `p` as an expression value (lengths, numbers, colours);
 * false for keywords, strings and compound values. */
bool fo_prop_value(const fo_props *p, int id, fo_val *out);

/* What a value is parsed against (fo_prop_parse.c). */
typedef struct {
    fo_prop_id id;
    const fo_props *parent; /* inherited values: the parent's, or NULL at the root */
    fo_props *self;         /* font-size and color, already computed */
    const fo_node *context; /* for label-end() */
    arena *a;               /* for strings; NULL for static initial values */
    const fo_props *root;   /* the initial values: the parent of the root */
    const fo_prop_info *info; /* the table (given, as it is filled while parsed) */
    const char *err;
    bool past_limit; /* err says why a well-formed value is refused: worth printing */
    const char *lenient; /* a value read by interpretation: why, for a warning */
} fo_prop_ctx;

/* Parses `v` (trimmed, not "inherit") into the field of property cx->id. */
bool fo_prop_parse(fo_props *p, const char *v, fo_prop_ctx *cx);
/* A length, em-relative to `em` (components of a space). */
bool fo_prop_eval_len(fo_prop_ctx *cx, const char *v, double em, fo_len *out);
/* An integer, rounded (a space's precedence). */
bool fo_prop_eval_int(fo_prop_ctx *cx, const char *v, int *out);
/* One keep component: auto, always or an integer. */
bool fo_prop_parse_keep(const char *v, fo_prop_ctx *cx, int *out);

/* Components of compound values (space-before.optimum, keep-together.within-page...). */
typedef enum {
    FO_COMP_NONE, FO_COMP_MINIMUM, FO_COMP_OPTIMUM, FO_COMP_MAXIMUM, FO_COMP_CONDITIONALITY,
    FO_COMP_PRECEDENCE, FO_COMP_WITHIN_LINE, FO_COMP_WITHIN_COLUMN, FO_COMP_WITHIN_PAGE,
    FO_COMP_LENGTH
} fo_comp;

/* The values given on one element, before computing: at most one per property (the most
 * specific wins, see fo_shorthands.c) plus components. */
enum { FO_MAX_COMPONENTS = 32 };
typedef struct {
    const char *value[FO_PROP_COUNT];
    unsigned char prio[FO_PROP_COUNT];
    struct {
        fo_prop_id id;
        fo_comp comp;
        const char *value;
    } comps[FO_MAX_COMPONENTS];
    int ncomps;
    /* for messages and for storage of split values */
    const char *file;
    int line;
    const char *element;
    diag *d;
    arena *a;
} fo_pending;

/* Sets value `v` for property `id` at priority `prio` (kept if no more specific value). */
void fo_pending_set(fo_pending *pd, fo_prop_id id, const char *v, int prio);

/* Records one attribute (name="value") in `pd`: property, shorthand, absolute property,
 * component; warns about unknown properties. */
void fo_pending_attribute(fo_pending *pd, const char *name, const char *value);

/* Whether `name` is an XSL 1.1 property name (fo_specnames.c). */
bool fo_is_xsl_property(const char *name, size_t len);

/* Computes props into *out from the pending values, for an element of kind `kind` whose
 * parent element is `parent_node` (NULL for the root); sets `specified` (may be NULL). */
void fo_props_compute(fo_props *out, unsigned char *specified, const fo_pending *pd,
                      fo_kind kind, const fo_node *parent_node);

/* Fills `fields` (room for FO_PROP_COUNT) with the addresses of the string fields of `p`;
 * returns their count. */
/* Moves computed properties `p` (with `spec`, the bits of what the element specified) from
 * under `old_parent` to under `new_parent`: used for the content of a retrieved marker. */
void fo_props_reparent(fo_props *p, const unsigned char *spec, const fo_props *old_parent,
                       const fo_props *new_parent);

int fo_props_string_fields(fo_props *p, const char ***fields);

/* ---- whitespace (fo_whitespace.c) ---------------------------------------------------------- */

/* Applies linefeed-treatment, white-space-treatment and white-space-collapse of `p` to
 * `len` bytes at `s`; the result is written into `out` (room for 3 * len bytes, as a
 * linefeed may become a zero-width space) and its length returned. */
size_t fo_whitespace_apply(const fo_props *p, const char *s, size_t len, char *out);

/* Whether `len` bytes at `s` are XML whitespace only. */
bool fo_is_blank(const char *s, size_t len);

/* ---- tree building (fo_build.c) ------------------------------------------------------------- */

/* Shares identical computed property structs within one arena. `cap` (a power of two) is
 * the number of structs it starts with room for: 256 for a page-sequence, a few for one
 * flow child (it grows as needed). */
typedef struct fo_props_cache fo_props_cache;
fo_props_cache *fo_props_cache_new(arena *a, size_t cap);

/* An arena copy of *p, or an identical one made before; p's strings must live as long as
 * the cache's arena (they are interned in place). */
const fo_props *fo_props_cache_share(fo_props_cache *c, fo_props *p);

typedef struct {
    const char *file;
    diag *d;
    arena *a;
    fo_props_cache *cache;
    fo_metadata *meta;  /* where the fallback title goes; may be NULL */
    arena *meta_arena;  /* owns metadata strings */
} fo_builder;

/* Builds the FO element `x` (in the FO namespace) and its subtree under `parent` (which may
 * be NULL for the root). Children are not built with FO_BUILD_SHALLOW; with
 * FO_BUILD_DETACHED the node points to its parent (for inheritance) but is not appended to
 * its children (the parent lives in another arena). Returns the node, or NULL when the
 * element is skipped (with a diagnostic). */
enum { FO_BUILD_SHALLOW = 1, FO_BUILD_DETACHED = 2 };
fo_node *fo_build_element(fo_builder *b, struct _xmlNode *x, fo_node *parent, int flags);

/* Whether a libxml2 node is character data for the tree: text, CDATA, an entity reference,
 * or a comment or processing instruction (skipped, but not splitting the text around). */
bool fo_is_text_like(const struct _xmlNode *x);

/* The text node of `len` bytes at `s` (one run of character data) in `parent`, not
 * appended (its parent pointer set); NULL when white-space handling leaves nothing, or
 * when it is only white space and `keep_blank` is false. */
fo_node *fo_build_text(fo_builder *b, const fo_node *parent, int line, const char *s,
                       size_t len, bool keep_blank);

/* The run of text-like siblings starting at `x` as one text node of `parent` in *out (not
 * appended; NULL when nothing is left of it); returns the node after the run. */
struct _xmlNode *fo_build_text_run(fo_builder *b, struct _xmlNode *x, const fo_node *parent,
                                   fo_node **out);

/* Reads document metadata from a declarations element. */
void fo_read_declarations(struct _xmlNode *decl, fo_metadata *meta, arena *a);

#define FO_NS "http://www.w3.org/1999/XSL/Format"

/* Whether `x` is the FO element of local name `name`. */
bool fo_is_element(const struct _xmlNode *x, const char *name);

/* ---- documents (fo_doc.c: opening, the prelude; fo_sequence.c: page-sequences) ---------- */

struct _xmlDoc;
struct _xmlTextReader;
struct _xmlBuffer;

/* The page-sequence being handed out: its head, then its flow's children one by one. */
typedef struct {
    fo_node *ps;           /* in the sequence's arena; NULL before the first */
    fo_node *flow;         /* its fo:flow while children may be left to hand out */
    arena *a;              /* the sequence's arena (the caller's) */
    fo_props_cache *cache; /* property structs shared within the sequence's arena */
    bool failed;           /* the XML broke off: nothing more is handed out */
    /* from the reader */
    int depth;                /* of the fo:page-sequence element */
    bool ended;               /* its end tag was read */
    bool flow_empty;          /* <fo:flow/>: no end tag to wait for */
    struct _xmlBuffer *text;  /* character data directly in the flow or the sequence */
    int text_line;            /* where it starts */
    bool text_pending;
    /* in memory */
    struct _xmlNode *next;       /* the flow's next child */
    struct _xmlNode *after_flow; /* the sequence's child after the flow */
} fo_sequence;

struct fo_doc {
    char *path;
    diag *d;
    arena *a;
    fo_props_cache *cache;
    fo_node *root;
    fo_metadata meta;
    bool title_done; /* the first page-sequence was read (fallback title) */
    /* in memory */
    struct _xmlDoc *xml;
    struct _xmlNode *first_ps, *next_ps;
    /* from a file, or from its text in memory (mem, borrowed) */
    const char *mem;
    size_t mem_len;
    struct _xmlTextReader *reader;
    bool positioned; /* the reader's current node is not examined yet */
    bool xml_error;  /* libxml2 reported an error of this document */
    fo_sequence seq;
};

/* A builder into `a`, with the fallback title's metadata while the first page-sequence is
 * read. */
fo_builder fo_doc_builder(fo_doc *doc, arena *a, fo_props_cache *cache);

/* In memory: the first page-sequence at or after `c` (looking inside
 * fo:page-sequence-wrapper), or NULL; and the node after `c`, leaving wrappers. */
struct _xmlNode *fo_doc_page_sequence_from(struct _xmlNode *c);
struct _xmlNode *fo_doc_next_through_wrappers(struct _xmlNode *c);

/* From the reader. step: the next node to examine (1, or 0 at the end, -1 on error).
 * skip: past the current node's subtree, stopping on the next node to examine. */
int fo_doc_step(fo_doc *doc);
int fo_doc_skip(fo_doc *doc);
/* The reader failed: reports it unless libxml2 already did. */
void fo_doc_reader_failed(fo_doc *doc);
/* Advances to the next page-sequence start tag (false at the end or on error), reporting
 * unknown FO elements met on the way. */
bool fo_doc_seek_page_sequence(fo_doc *doc);

/* Routes libxml2's errors to the document's diag while the reader parses; `saved` gets
 * the handlers to put back with xml_handlers_restore(). */
void fo_doc_catch_errors(fo_doc *doc, xml_handlers *saved);

#endif
