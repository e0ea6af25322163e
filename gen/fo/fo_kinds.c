/* FO element kinds: names, content model flags and lookup by name. */
#include "fo/fo_internal.h"

#include <pthread.h>
#include <string.h>

enum { MIXED = 1, BLOCK = 2, INLINE = 4 };

static const struct {
    const char *name;
    int flags;
} kinds[FO_KIND_COUNT] = {
    [FO_TEXT] = {"#text", 0},
    [FO_ROOT] = {"root", 0},
    [FO_DECLARATIONS] = {"declarations", 0},
    [FO_LAYOUT_MASTER_SET] = {"layout-master-set", 0},
    [FO_SIMPLE_PAGE_MASTER] = {"simple-page-master", 0},
    [FO_PAGE_SEQUENCE_MASTER] = {"page-sequence-master", 0},
    [FO_SINGLE_PAGE_MASTER_REFERENCE] = {"single-page-master-reference", 0},
    [FO_REPEATABLE_PAGE_MASTER_REFERENCE] = {"repeatable-page-master-reference", 0},
    [FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES] = {"repeatable-page-master-alternatives", 0},
    [FO_CONDITIONAL_PAGE_MASTER_REFERENCE] = {"conditional-page-master-reference", 0},
    [FO_REGION_BODY] = {"region-body", 0},
    [FO_REGION_BEFORE] = {"region-before", 0},
    [FO_REGION_AFTER] = {"region-after", 0},
    [FO_REGION_START] = {"region-start", 0},
    [FO_REGION_END] = {"region-end", 0},
    [FO_PAGE_SEQUENCE] = {"page-sequence", 0},
    [FO_TITLE] = {"title", MIXED},
    [FO_FLOW] = {"flow", 0},
    [FO_STATIC_CONTENT] = {"static-content", 0},
    [FO_BLOCK] = {"block", MIXED | BLOCK},
    [FO_BLOCK_CONTAINER] = {"block-container", BLOCK},
    [FO_INLINE] = {"inline", MIXED | INLINE},
    [FO_INLINE_CONTAINER] = {"inline-container", INLINE},
    [FO_BIDI_OVERRIDE] = {"bidi-override", MIXED | INLINE},
    [FO_CHANGE_BAR_BEGIN] = {"change-bar-begin", 0}, /* neutral: block or inline level */
    [FO_CHANGE_BAR_END] = {"change-bar-end", 0},
    [FO_INDEX_PAGE_CITATION_LIST] = {"index-page-citation-list", INLINE},
    [FO_INDEX_KEY_REFERENCE] = {"index-key-reference", 0},
    [FO_INDEX_PAGE_NUMBER_PREFIX] = {"index-page-number-prefix", MIXED},
    [FO_INDEX_PAGE_NUMBER_SUFFIX] = {"index-page-number-suffix", MIXED},
    [FO_INDEX_PAGE_CITATION_LIST_SEPARATOR] = {"index-page-citation-list-separator", MIXED},
    [FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR] = {"index-page-citation-range-separator", MIXED},
    [FO_INDEX_RANGE_BEGIN] = {"index-range-begin", 0}, /* neutral */
    [FO_INDEX_RANGE_END] = {"index-range-end", 0},
    [FO_WRAPPER] = {"wrapper", MIXED},
    [FO_CHARACTER] = {"character", INLINE},
    [FO_LEADER] = {"leader", MIXED | INLINE},
    [FO_PAGE_NUMBER] = {"page-number", INLINE},
    [FO_PAGE_NUMBER_CITATION] = {"page-number-citation", INLINE},
    [FO_PAGE_NUMBER_CITATION_LAST] = {"page-number-citation-last", INLINE},
    [FO_BASIC_LINK] = {"basic-link", MIXED | INLINE},
    [FO_LIST_BLOCK] = {"list-block", BLOCK},
    [FO_LIST_ITEM] = {"list-item", BLOCK},
    [FO_LIST_ITEM_LABEL] = {"list-item-label", 0},
    [FO_LIST_ITEM_BODY] = {"list-item-body", 0},
    [FO_TABLE_AND_CAPTION] = {"table-and-caption", BLOCK},
    [FO_TABLE_CAPTION] = {"table-caption", 0},
    [FO_TABLE] = {"table", BLOCK},
    [FO_TABLE_COLUMN] = {"table-column", 0},
    [FO_TABLE_HEADER] = {"table-header", 0},
    [FO_TABLE_FOOTER] = {"table-footer", 0},
    [FO_TABLE_BODY] = {"table-body", 0},
    [FO_TABLE_ROW] = {"table-row", 0},
    [FO_TABLE_CELL] = {"table-cell", 0},
    [FO_EXTERNAL_GRAPHIC] = {"external-graphic", INLINE},
    [FO_INSTREAM_FOREIGN_OBJECT] = {"instream-foreign-object", INLINE},
    [FO_FOOTNOTE] = {"footnote", 0},
    [FO_FOOTNOTE_BODY] = {"footnote-body", 0},
    [FO_FLOAT] = {"float", 0}, /* neutral: in a block's inline content or among blocks */
    [FO_MARKER] = {"marker", MIXED},
    [FO_RETRIEVE_MARKER] = {"retrieve-marker", 0},
    [FO_RETRIEVE_TABLE_MARKER] = {"retrieve-table-marker", 0},
    [FO_BOOKMARK_TREE] = {"bookmark-tree", 0},
    [FO_BOOKMARK] = {"bookmark", 0},
    [FO_BOOKMARK_TITLE] = {"bookmark-title", MIXED},
};

/* XSL 1.1 formatting objects that are valid but not supported here. */
static const char *const unsupported[] = {
    "initial-property-set", "multi-switch", "multi-case",
    "multi-toggle", "multi-properties", "multi-property-set", "page-sequence-wrapper",
    "color-profile", "folio-prefix", "folio-suffix",
    "scaling-value-citation", "flow-map", "flow-assignment", "flow-source-list",
    "flow-name-specifier", "flow-target-list", "region-name-specifier",
};

static fo_hash table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init(void)
{
    size_t nu = sizeof unsupported / sizeof *unsupported;
    fo_hash_init(&table, FO_KIND_COUNT + nu);
    for (int k = 1; k < FO_KIND_COUNT; k++)
        fo_hash_put(&table, kinds[k].name, k);
    for (size_t i = 0; i < nu; i++)
        fo_hash_put(&table, unsupported[i], -2);
}

int fo_kind_lookup(const char *name)
{
    pthread_once(&once, init);
    return fo_hash_get(&table, name, strlen(name));
}

const char *fo_kind_name(fo_kind kind)
{
    return (unsigned)kind < FO_KIND_COUNT ? kinds[kind].name : "?";
}

bool fo_kind_is_mixed(fo_kind k) { return kinds[k].flags & MIXED; }
bool fo_kind_is_block_level(fo_kind k) { return kinds[k].flags & BLOCK; }
bool fo_kind_is_inline_level(fo_kind k) { return kinds[k].flags & INLINE; }
