/* Indexes (XSL 1.1 § 6.10): formatting objects with an index-key, and page ranges from
 * fo:index-range-begin to fo:index-range-end, are recorded under their key with an anchor
 * id, placed like any id; an fo:index-page-citation-list cites the anchors of the keys its
 * fo:index-key-reference children name, in page order, merged into ranges as its merge-*
 * properties say, within one index-class. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "layout/lay_index.h"

typedef struct {
    const char *anchor; /* the id standing for the entry (a range's start) */
    const char *end;    /* a range: the anchor of its index-range-end; else NULL */
    const char *cls;    /* index-class */
    int pass;           /* the last pass that met it */
} lay_index_entry;

void lay_index_free(lay_ctx *ctx)
{
    if (ctx->index_keys)
        g_hash_table_destroy(ctx->index_keys);
    if (ctx->index_anchors)
        g_hash_table_destroy(ctx->index_anchors);
    if (ctx->index_cited)
        g_hash_table_destroy(ctx->index_cited);
    ctx->index_keys = ctx->index_anchors = ctx->index_cited = NULL;
}

static void entry_tables(lay_ctx *ctx)
{
    ctx->index_keys = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify)g_ptr_array_unref);
    ctx->index_anchors = g_hash_table_new(g_str_hash, g_str_equal);
    ctx->index_cited = g_hash_table_new(g_str_hash, g_str_equal);
}

/* Registers an entry once: an anchor seen again (a later pass) keeps its first record. */
static void entry_add(lay_ctx *ctx, const char *key, const char *anchor, const char *end,
                      const char *cls)
{
    if (!ctx->index_keys)
        entry_tables(ctx);
    lay_index_entry *seen = g_hash_table_lookup(ctx->index_anchors, anchor);
    if (seen) {
        seen->pass = ctx->pass;
        return;
    }
    lay_index_entry *e = ARENA_NEW(ctx->a, lay_index_entry);
    e->anchor = arena_strdup(ctx->a, anchor);
    e->end = end ? arena_strdup(ctx->a, end) : NULL;
    e->cls = arena_strdup(ctx->a, cls ? cls : "");
    e->pass = ctx->pass;
    GPtrArray *list = g_hash_table_lookup(ctx->index_keys, key);
    if (!list) {
        list = g_ptr_array_new();
        g_hash_table_insert(ctx->index_keys, arena_strdup(ctx->a, key), list);
    }
    g_ptr_array_add(list, e);
    g_hash_table_insert(ctx->index_anchors, (gpointer)e->anchor, e);
    /* a list laid out before this entry, in this pass, showed its key without it */
    if (GPOINTER_TO_INT(g_hash_table_lookup(ctx->index_cited, key)) == ctx->pass) {
        ctx->index_grew = true;
        ctx->forward_refs = true;
    }
}

static const char *end_anchor(lay_build *b, const char *begin_id)
{
    return arena_printf(b->a, "lv-index-end:%s", begin_id);
}

const char *lay_index_anchor(lay_build *b, const fo_node *n)
{
    const fo_props *p = n->props;
    if (b->page || b->measure || n->kind == FO_TEXT)
        return NULL; /* static content is not indexed, nor content measured for a width */
    if (n->kind == FO_INDEX_RANGE_END)
        return p->ref_id && *p->ref_id ? end_anchor(b, p->ref_id) : NULL;
    if (!p->index_key || !*p->index_key)
        return NULL;
    lay_ctx *ctx = b->ctx;
    if (n->kind == FO_INDEX_RANGE_BEGIN && p->id && *p->id) {
        entry_add(ctx, p->index_key, p->id, end_anchor(b, p->id), p->index_class);
        return p->id;
    }
    const char *anchor = arena_printf(b->a, "lv-index-%d", ctx->index_seq++);
    entry_add(ctx, p->index_key, anchor, NULL, p->index_class);
    return anchor;
}

/* ---- the citation list ---------------------------------------------------------------- */

typedef struct {
    int lo, hi;             /* page numbers */
    lay_index_item it;
    const char *cls;
    int ref;                /* which index-key-reference (its rank) */
    bool range;             /* an index-range, or pages merged into one */
} raw_item;

static gint raw_cmp(gconstpointer a, gconstpointer b)
{
    const raw_item *x = *(const raw_item *const *)a, *y = *(const raw_item *const *)b;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    if (x->hi != y->hi)
        return x->hi > y->hi ? -1 : 1; /* the wider range first: it absorbs the other */
    return x->ref - y->ref;
}

/* Whether b may join the run a (a first in page order), as the list's merge-* say. */
static bool joins(const fo_props *lp, const raw_item *a, const raw_item *b)
{
    if (strcmp(a->cls, b->cls) != 0)
        return false; /* pages of another class (another numbering) never merge */
    if (a->ref != b->ref) {
        bool ranges = a->range || b->range;
        fo_kw m = ranges ? lp->merge_ranges_across_index_key_references
                         : lp->merge_pages_across_index_key_references;
        if (m == FO_KW_leave_separate)
            return false;
    }
    if (b->lo <= a->hi)
        return true; /* the same page, or inside the run */
    return b->lo == a->hi + 1 && lp->merge_sequential_page_numbers != FO_KW_leave_separate;
}

size_t lay_index_items(lay_build *b, const fo_node *list, lay_index_item **out)
{
    lay_ctx *ctx = b->ctx;
    GPtrArray *raw = g_ptr_array_new_with_free_func(g_free);
    int rank = 0;
    for (const fo_node *r = list->first_child; r; r = r->next_sibling) {
        if (r->kind != FO_INDEX_KEY_REFERENCE)
            continue;
        rank++;
        const char *key = r->props->ref_index_key;
        if (key && *key) {
            if (!ctx->index_keys)
                entry_tables(ctx);
            g_hash_table_insert(ctx->index_cited, arena_strdup(ctx->a, key),
                                GINT_TO_POINTER(ctx->pass));
        }
        GPtrArray *entries = key && ctx->index_keys ? g_hash_table_lookup(ctx->index_keys, key)
                                                    : NULL;
        for (guint i = 0; entries && i < entries->len; i++) {
            const lay_index_entry *e = g_ptr_array_index(entries, i);
            if (e->pass < ctx->pass - 1)
                continue; /* met in an older pass only: laid out otherwise since */
            raw_item *it = g_new0(raw_item, 1);
            it->it.lo_label = lay_ctx_cite_page(ctx, e->anchor, false, b->a, &it->lo);
            it->it.lo_anchor = e->anchor;
            it->it.ref = r;
            it->hi = it->lo;
            if (e->end) {
                int hi;
                const char *l = lay_ctx_cite_page(ctx, e->end, false, b->a, &hi);
                if (hi > it->lo) {
                    it->hi = hi;
                    it->it.hi_label = l;
                    it->it.hi_anchor = e->end;
                    it->range = true;
                }
            }
            it->cls = e->cls;
            it->ref = rank;
            g_ptr_array_add(raw, it);
        }
    }
    g_ptr_array_sort(raw, raw_cmp);
    /* runs: each item joins the run before it when it may, else starts its own */
    size_t n = 0;
    lay_index_item *v = ARENA_NEW_ARRAY(b->a, lay_index_item, raw->len + 1);
    raw_item cur = {0};
    for (guint i = 0; i < raw->len; i++) {
        const raw_item *it = g_ptr_array_index(raw, i);
        if (i > 0 && joins(list->props, &cur, it)) {
            if (it->hi > cur.hi) {
                cur.hi = it->hi;
                cur.it.hi_label = it->it.hi_label ? it->it.hi_label : it->it.lo_label;
                cur.it.hi_anchor = it->it.hi_anchor ? it->it.hi_anchor : it->it.lo_anchor;
                cur.range = true;
            }
            continue;
        }
        if (i > 0)
            v[n++] = cur.it;
        cur = *it;
    }
    if (raw->len)
        v[n++] = cur.it;
    *out = v;
    g_ptr_array_free(raw, TRUE);
    return n;
}
