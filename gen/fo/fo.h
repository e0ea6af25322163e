/* FO: the XSL-FO tree with computed properties, as plain data.
 *
 * An FO document is read page-sequence by page-sequence so that memory grows with the
 * largest page-sequence, not with the document: fo_doc_open_*() reads everything before the
 * first page-sequence (layout-master-set, declarations, bookmark-tree), then each call to
 * fo_doc_next_page_sequence() builds one page-sequence subtree in an arena the caller owns;
 * fo_doc_next_page_sequence_head() and fo_doc_next_flow_child() stream within one, so that
 * memory need not grow with the largest page-sequence either.
 * fo_doc_rewind() starts again from the first page-sequence (for a second layout pass).
 *
 * Every element node carries its computed properties (XSL 1.1 § 5): inheritance applied,
 * shorthands expanded, margins mapped to indents and spaces, lengths in points. Lengths that
 * depend on the size of a reference area only known at layout time (percentages,
 * label-end(), proportional-column-width()) stay linear: see fo_len.
 *
 * Problems in the FO (malformed XML, unknown element or property, unparsable value) are
 * reported to the diag given at open, with the FO file and line.
 */
#ifndef LIVRABLES_FO_H
#define LIVRABLES_FO_H

#include <stdbool.h>
#include <stddef.h>

#include "diag/diag.h"
#include "util/arena.h"

/* libxml2's document type, without pulling its headers in. */
struct _xmlDoc;

/* ---- values ------------------------------------------------------------------------ */

typedef enum {
    FO_KW_UNSET = 0,
#define KW(c, name) FO_KW_##c,
#include "fo/keywords.def"
#undef KW
    FO_KW_COUNT
} fo_kw;

/* The XSL name of a keyword ("even-page"). */
const char *fo_kw_name(fo_kw kw);

/* A length: abs + rel * B + prop * U points, where B is the percentage base (usually the
 * width of the containing reference area, known at layout) and U the proportional unit of a
 * table column. `kw` is set instead when the value is a keyword (auto, thin, sub...). */
typedef struct {
    double abs;
    double rel;
    double prop;
    fo_kw kw;
} fo_len;

/* The value in points for a percentage base (ignores `prop`). */
double fo_len_resolve(fo_len len, double base);
bool fo_len_is_auto(fo_len len);

typedef struct {
    float r, g, b, a; /* 0..1; a == 0 is transparent */
} fo_color;

/* space-before/after/start/end and leader-length: a range with an optimum. */
typedef struct {
    fo_len min, opt, max;
    bool discard;   /* .conditionality="discard" (the initial value) */
    int precedence; /* .precedence; FO_FORCE for "force" */
} fo_space;
#define FO_FORCE 0x7fffffff

/* keep-*: 0 is auto, FO_KEEP_ALWAYS is always, otherwise the integer strength. */
typedef struct {
    int within_line, within_column, within_page;
} fo_keep;
#define FO_KEEP_ALWAYS 0x7fffffff

/* line-height: either a factor of the font-size ("normal" is 1.2, a number inherits as a
 * number) or an absolute length in points. */
typedef struct {
    bool is_factor;
    double value;
} fo_line_height;

/* text-decoration: "underline line-through", "no-underline"... (XSL 1.1 § 7.17.4), as bits;
 * a decoration neither set nor cleared is inherited from the enclosing inline. */
enum {
    FO_DECO_UNDERLINE = 1 << 0,
    FO_DECO_NO_UNDERLINE = 1 << 1,
    FO_DECO_OVERLINE = 1 << 2,
    FO_DECO_NO_OVERLINE = 1 << 3,
    FO_DECO_LINE_THROUGH = 1 << 4,
    FO_DECO_NO_LINE_THROUGH = 1 << 5,
    FO_DECO_BLINK = 1 << 6, /* read, not drawn: a printed page does not blink */
    FO_DECO_NO_BLINK = 1 << 7,
};

/* An integer property (P_INT) set to one of its keywords (initial-page-number="auto-odd",
 * maximum-repeats="no-limit") holds the keyword negated; fo_int_kw() gives it back. */
#define FO_INT_KW(kw) (-(int)(kw))
static inline fo_kw fo_int_kw(int v)
{
    return v < 0 ? (fo_kw)-v : FO_KW_UNSET;
}

/* ---- limits ------------------------------------------------------------------------ */

/* Values that size memory or loops are bounded where they enter, when a property is
 * computed (README, "Limits"). A value past its limit is an error, except font-size, which
 * is clamped with a warning. Element nesting is bounded by libxml2 (256 levels). */
#define FO_MAX_COLUMNS 1000         /* column-number, number-columns-spanned, -repeated */
#define FO_MAX_ROWS_SPANNED 10000   /* number-rows-spanned */
#define FO_MAX_PAGE_NUMBER 10000000 /* initial-page-number */
#define FO_MAX_COUNT 1000           /* widows, orphans, column-count, hyphenation counts */
#define FO_MAX_FONT_SIZE 1000.0     /* points */
#define FO_MAX_PAGE_SIZE 14400.0    /* points (200 in): the largest page PDF allows */
#define FO_MAX_LENGTH 1e6           /* points, any other length (about 350 m) */

/* ---- computed properties ----------------------------------------------------------- */

#define P_LENGTH fo_len
#define P_FONT_SIZE double
#define P_FONT_WEIGHT int
#define P_LINE_HEIGHT fo_line_height
#define P_COLOR fo_color
#define P_ENUM fo_kw
#define P_INT int
#define P_NUMBER double
#define P_STRING const char *
#define P_SPACE fo_space
#define P_KEEP fo_keep
#define P_DECORATION unsigned

/* One field per property of props.def, holding its computed value. */
typedef struct fo_props {
#define PROP(c, name, inh, kind, init, kws) kind c;
#include "fo/props.def"
#undef PROP
} fo_props;

#undef P_LENGTH
#undef P_FONT_SIZE
#undef P_FONT_WEIGHT
#undef P_LINE_HEIGHT
#undef P_COLOR
#undef P_ENUM
#undef P_INT
#undef P_NUMBER
#undef P_STRING
#undef P_SPACE
#undef P_KEEP
#undef P_DECORATION

/* Property identifiers, for the parser and for "was it specified" questions. */
typedef enum {
#define PROP(c, name, inh, kind, init, kws) FO_PROP_##c,
#include "fo/props.def"
#undef PROP
    FO_PROP_COUNT
} fo_prop_id;

/* The width of a border in points: 0 when its style is none or hidden. side: 0 before,
 * 1 after, 2 start, 3 end. */
double fo_border_width(const fo_props *p, int side);

/* ---- the tree ---------------------------------------------------------------------- */

typedef enum {
    FO_TEXT, /* character data (not an element) */
    FO_ROOT,
    FO_DECLARATIONS,
    FO_LAYOUT_MASTER_SET,
    FO_SIMPLE_PAGE_MASTER,
    FO_PAGE_SEQUENCE_MASTER,
    FO_SINGLE_PAGE_MASTER_REFERENCE,
    FO_REPEATABLE_PAGE_MASTER_REFERENCE,
    FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES,
    FO_CONDITIONAL_PAGE_MASTER_REFERENCE,
    FO_REGION_BODY,
    FO_REGION_BEFORE,
    FO_REGION_AFTER,
    FO_REGION_START,
    FO_REGION_END,
    FO_PAGE_SEQUENCE,
    FO_TITLE,
    FO_FLOW,
    FO_STATIC_CONTENT,
    FO_BLOCK,
    FO_BLOCK_CONTAINER,
    FO_INLINE,
    FO_INLINE_CONTAINER,
    FO_BIDI_OVERRIDE,
    FO_CHANGE_BAR_BEGIN,
    FO_CHANGE_BAR_END,
    FO_INDEX_PAGE_CITATION_LIST,
    FO_INDEX_KEY_REFERENCE,
    FO_INDEX_PAGE_NUMBER_PREFIX,
    FO_INDEX_PAGE_NUMBER_SUFFIX,
    FO_INDEX_PAGE_CITATION_LIST_SEPARATOR,
    FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR,
    FO_INDEX_RANGE_BEGIN,
    FO_INDEX_RANGE_END,
    FO_WRAPPER,
    FO_CHARACTER,
    FO_LEADER,
    FO_PAGE_NUMBER,
    FO_PAGE_NUMBER_CITATION,
    FO_PAGE_NUMBER_CITATION_LAST,
    FO_BASIC_LINK,
    FO_LIST_BLOCK,
    FO_LIST_ITEM,
    FO_LIST_ITEM_LABEL,
    FO_LIST_ITEM_BODY,
    FO_TABLE_AND_CAPTION,
    FO_TABLE_CAPTION,
    FO_TABLE,
    FO_TABLE_COLUMN,
    FO_TABLE_HEADER,
    FO_TABLE_FOOTER,
    FO_TABLE_BODY,
    FO_TABLE_ROW,
    FO_TABLE_CELL,
    FO_EXTERNAL_GRAPHIC,
    FO_INSTREAM_FOREIGN_OBJECT,
    FO_FOOTNOTE,
    FO_FOOTNOTE_BODY,
    FO_FLOAT,
    FO_MARKER,
    FO_RETRIEVE_MARKER,
    FO_RETRIEVE_TABLE_MARKER,
    FO_BOOKMARK_TREE,
    FO_BOOKMARK,
    FO_BOOKMARK_TITLE,
    FO_KIND_COUNT
} fo_kind;

/* The XSL local name of an element kind ("table-cell"); "#text" for FO_TEXT. */
const char *fo_kind_name(fo_kind kind);

typedef struct fo_node fo_node;
struct fo_node {
    fo_kind kind;
    int line; /* line in the FO file, for diagnostics */
    fo_node *parent, *first_child, *last_child, *next_sibling;

    /* Computed properties. Text nodes share their parent's. Never NULL. */
    const fo_props *props;

    /* FO_TEXT: the characters after linefeed-treatment and white-space-collapse within the
     * node (XSL § 7.16); spaces at line starts and ends are removed by the line builder.
     * FO_INSTREAM_FOREIGN_OBJECT: its child serialized as XML (an <svg> document).
     * FO_CHARACTER: the character. Otherwise NULL. */
    const char *text;
    size_t text_len;

    /* Bit set of the properties specified on this element itself (not inherited), indexed
     * by fo_prop_id; lets layout tell "width=auto" from "width not given". */
    unsigned char specified[(FO_PROP_COUNT + 7) / 8];
};

bool fo_is_specified(const fo_node *n, fo_prop_id id);

/* Document metadata, from declarations (x:xmpmeta with dc:title, dc:creator,
 * dc:description/dc:subject, pdf:Keywords) or the first page-sequence's fo:title. */
typedef struct {
    const char *title, *author, *subject, *keywords, *language;
} fo_metadata;

typedef struct fo_doc fo_doc;

/* Opens an FO file for streaming. Returns NULL (with a diagnostic) when the file can't be
 * read or its root is not fo:root. Never fetches the network; no DTD is loaded. */
fo_doc *fo_doc_open_file(const char *path, diag *d);

/* The same over an in-memory document (the result of a stylesheet), which stays owned by
 * the caller and must outlive the fo_doc. `path` names it in diagnostics. */
fo_doc *fo_doc_open_xml(struct _xmlDoc *xml, const char *path, diag *d);

/* The same over the text of an FO document in memory (`text`, `len` bytes, borrowed: it
 * must outlive the fo_doc), streamed as a file is; `path` names it in diagnostics. */
fo_doc *fo_doc_open_memory(const char *text, size_t len, const char *path, diag *d);

void fo_doc_destroy(fo_doc *doc); /* accepts NULL */

/* The file name used in diagnostics. */
const char *fo_doc_path(const fo_doc *doc);

/* fo:root with the children read before the page-sequences: layout-master-set,
 * declarations, bookmark-tree. Owned by the fo_doc. */
const fo_node *fo_doc_root(const fo_doc *doc);

/* Finds a simple-page-master or page-sequence-master by master-name, or NULL. */
const fo_node *fo_doc_master(const fo_doc *doc, const char *name);

const fo_metadata *fo_doc_metadata(const fo_doc *doc);

/* The next page-sequence, built in `a` (owned by the caller); NULL when there is none left
 * or on a fatal error (check diag_error_count). The whole subtree: its fo:flow's children
 * are linked in order. */
fo_node *fo_doc_next_page_sequence(fo_doc *doc, arena *a);

/* ---- a page-sequence streamed ------------------------------------------------------------ */

/* The same page-sequence in parts, so that memory need not hold its flow whole:
 *
 *   arena *sa = arena_new();
 *   fo_node *ps = fo_doc_next_page_sequence_head(doc, sa);
 *   const fo_node *flow = ps->last_child;          // fo:flow, if the sequence has one
 *   for (;;) {
 *       arena *ca = arena_new();                     // or sa itself
 *       fo_node *child = fo_doc_next_flow_child(doc, ca);
 *       if (!child) { arena_destroy(ca); break; }
 *       ... lay `child` out, paint what it made, then arena_destroy(ca) ...
 *   }
 *   ... arena_destroy(sa) once the sequence is done ...
 *
 * The head, built in `a` (the sequence's arena, owned by the caller): the fo:page-sequence
 * with its children before fo:flow (fo:title, fo:static-content) and the fo:flow (its last
 * child, when it has one), whose first_child and last_child stay NULL: in streaming,
 * nothing lists the flow's children.
 * NULL when no page-sequence is left or on a fatal error (check diag_error_count). A call
 * before the previous sequence's flow was read to its end skips the rest of that one
 * unread (no diagnostics). */
fo_node *fo_doc_next_page_sequence_head(fo_doc *doc, arena *a);

/* The next child of the flow of the sequence whose head was returned last, built in `a`
 * (owned by the caller, who may destroy it once the child is laid out; the sequence's
 * arena must outlive it): an element, or a text node for character data directly in the
 * flow other than white space (invalid, as in the whole sequence). Its parent is the flow, its
 * next_sibling NULL; its properties inherit from the flow's. Whatever it needs beyond
 * `a`'s life (a marker later pages retrieve) is copied out with fo_node_copy(). NULL at
 * the flow's end, and from then on; at that point the sequence's children after its flow,
 * if any (invalid: FOP refuses them), are built into the sequence's arena and appended to
 * the page-sequence. NULL also on a fatal error (fo_doc_failed() tells). */
fo_node *fo_doc_next_flow_child(fo_doc *doc, arena *a);

/* Whether the XML broke off within the page-sequence handed out last (a diagnostic said
 * where): what was handed out of it is incomplete, and nothing follows. */
bool fo_doc_failed(const fo_doc *doc);

/* Goes back to the first page-sequence. Diagnostics already printed are not repeated.
 * Returns false if the input can't be read again. */
bool fo_doc_rewind(fo_doc *doc);

/* ---- helpers for tests and other stages ----------------------------------------------- */

/* Parses a whole FO document from memory into one arena (every page-sequence kept as a
 * child of the returned root). For unit tests and small documents. */
fo_node *fo_parse_memory(const char *xml, size_t len, const char *path, arena *a, diag *d);

/* Computes the properties of an element from its attributes (name/value pairs, NULL
 * terminated) and its parent's computed properties (NULL for the root). Used by the tree
 * builder and by unit tests. `n` receives props and its `specified` bits. */
void fo_compute_props(fo_node *n, const char *const *attrs, const fo_node *parent,
                      const char *file, arena *a, diag *d);

/* Evaluates one property value expression as a length, with em relative to `font_size`
 * and label-end()/body-start() relative to the nearest list-block above `context`.
 * Returns false (and sets *err) when it can't be parsed. */
bool fo_eval_length(const char *expr, double font_size, const fo_node *context, fo_len *out,
                    const char **err);

/* Parses a colour (#rgb, #rrggbb, rgb(r,g,b), a CSS/XSL name, "transparent"). */
bool fo_parse_color(const char *s, fo_color *out);

/* The children of fo:marker `marker` as retrieved by fo:retrieve-marker `retrieve`: a copy
 * of the marker's subtree (allocated in `a`, text shared) whose properties inherit from
 * the retrieve-marker instead of from where the marker sat in the flow (XSL 1.1 § 6.13.6).
 * The copy's root stands for the retrieve-marker: its props are the retrieve-marker's. */
fo_node *fo_marker_clone(const fo_node *marker, const fo_node *retrieve, arena *a);

/* A deep copy of `n`'s subtree in `a`: nodes, properties and strings (text shares its
 * parent's properties in the copy as in the original). The copy's parent and
 * next_sibling are NULL: the caller sets them (layout asks ancestors about list-blocks and
 * tables). For what must outlive the arena `n` lives in. `keep`, when not NULL, chooses
 * which of n's own children are copied. */
fo_node *fo_node_copy(const fo_node *n, bool (*keep)(const fo_node *child), arena *a);

/* Copies made with one pool store equal property structs once (the entries of a table of
 * contents differ in their ids and text only). The pool lives in `a`, as its copies. */
typedef struct fo_props_cache fo_copy_pool;
fo_copy_pool *fo_copy_pool_new(arena *a);

/* fo_node_copy into the pool's arena `a`, sharing property structs through `pool`. */
fo_node *fo_node_copy_pooled(const fo_node *n, bool (*keep)(const fo_node *child), arena *a,
                             fo_copy_pool *pool);

/* Appends `child` to `parent`'s children (and sets its parent). */
void fo_node_append(fo_node *parent, fo_node *child);

/* The first child of `n` of the given kind, or NULL. */
const fo_node *fo_child(const fo_node *n, fo_kind kind);

/* The nearest ancestor of the given kind, or NULL. */
const fo_node *fo_ancestor(const fo_node *n, fo_kind kind);

#endif
