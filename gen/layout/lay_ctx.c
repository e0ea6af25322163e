/* The layout context: page counting over passes, the id table and citations.
 *
 * Every id records where it landed in the current pass. A citation shows the value of the
 * current pass when the id was already placed (a backward reference), else the value of
 * the previous pass, else a placeholder. Each citation remembers what it showed, so that
 * the end of the pass can tell whether the document must be laid out again, and so that
 * a page-sequence held for a forward reference knows which of its blocks to lay out again
 * (lay_page.c: lay_seq_pages).
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "layout/layout_internal.h"
#include "util/i18n.h"
#include "util/grow.h"

typedef struct {
    const char *id;
    int pass_set;             /* pass in which `cur` was last set */
    int pass_provisional;     /* pass in which `cur[1]` may still move (see below) */
    const char *cur[2];       /* labels of the first and last page, this pass */
    const char *prev[2];      /* the same, previous pass */
    int num[2], prev_num[2];  /* their page numbers, for index page ranges */
} id_entry;

typedef struct {
    id_entry *e;
    bool last;
    bool forward;     /* the id had no value of this pass when cited */
    bool superseded;  /* its content was laid out again: a later record replaces it */
    const char *shown;
} citation;

struct lay_idtab {
    GHashTable *map; /* id -> id_entry*, keys and values in ctx->a */
    citation *cites;
    size_t ncites, capcites;
};

lay_ctx *lay_ctx_new(const fo_doc *doc, tx_engine *tx, diag *d)
{
    arena *a = arena_new();
    lay_ctx *ctx = ARENA_NEW(a, lay_ctx);
    ctx->a = a;
    ctx->doc = doc;
    ctx->tx = tx;
    ctx->d = d;
    ctx->file = doc ? fo_doc_path(doc) : NULL;
    ctx->ids = ARENA_NEW(a, lay_idtab);
    ctx->ids->map = g_hash_table_new(g_str_hash, g_str_equal);
    ctx->next_number = 1;
    ctx->pass = 1;
    ctx->max_pages = LAY_DEFAULT_MAX_PAGES;
    return ctx;
}

void lay_ctx_set_max_pages(lay_ctx *ctx, int max_pages)
{
    ctx->max_pages = max_pages;
}

void lay_ctx_set_min_ppi(lay_ctx *ctx, double ppi)
{
    ctx->min_ppi = ppi;
}

void lay_ctx_destroy(lay_ctx *ctx)
{
    if (!ctx)
        return;
    g_hash_table_destroy(ctx->ids->map);
    if (ctx->images)
        g_hash_table_destroy(ctx->images);
    if (ctx->low_ppi_warned)
        g_hash_table_destroy(ctx->low_ppi_warned);
    lay_index_free(ctx);
    arena_destroy(ctx->a);
}

static id_entry *entry_get(lay_ctx *ctx, const char *id, bool create)
{
    id_entry *e = g_hash_table_lookup(ctx->ids->map, id);
    if (!e && create) {
        e = ARENA_NEW(ctx->a, id_entry);
        e->id = arena_strdup(ctx->a, id);
        g_hash_table_insert(ctx->ids->map, (gpointer)e->id, e);
    }
    return e;
}

void lay_ctx_id_place(lay_ctx *ctx, const char *id, int first_page, const char *first_label,
                      int last_page, const char *last_label)
{
    if (!id || !*id)
        return;
    id_entry *e = entry_get(ctx, id, true);
    if (e->pass_set != ctx->pass) {
        e->pass_set = ctx->pass;
        e->cur[0] = arena_strdup(ctx->a, first_label);
        e->num[0] = first_page;
    }
    /* An id seen again (static content, a repeated header) keeps its first page. */
    e->cur[1] = arena_strdup(ctx->a, last_label);
    e->num[1] = last_page;
}

void lay_ctx_id_forget(lay_ctx *ctx, const char *id)
{
    id_entry *e = id && *id ? entry_get(ctx, id, false) : NULL;
    if (e && e->pass_set == ctx->pass)
        e->pass_set = 0;
}

void lay_ctx_id_provisional(lay_ctx *ctx, const char *id)
{
    id_entry *e = id && *id ? entry_get(ctx, id, false) : NULL;
    if (e)
        e->pass_provisional = ctx->pass;
}

/* Whether `e` (its last page when `last`) has its value of this pass, one that won't move:
 * a sequence's last page is provisional until the next sequence knows whether it starts
 * with a blank page that belongs to it. */
static bool entry_known(const lay_ctx *ctx, const id_entry *e, bool last)
{
    return e->pass_set == ctx->pass && !(last && e->pass_provisional == ctx->pass);
}

const char *lay_ctx_cite(lay_ctx *ctx, const char *id, bool last, arena *a)
{
    id_entry *e = entry_get(ctx, id ? id : "", true);
    bool known = entry_known(ctx, e, last);
    const char *shown;
    if (!known && e->pass_set == ctx->pass) {
        /* may still move: the previous pass knew where it ended */
        shown = e->prev[1] ? e->prev[1] : e->cur[1];
    } else if (known) {
        shown = e->cur[last];
    } else if (e->prev[last]) {
        shown = e->prev[last];
        ctx->forward_refs = true;
    } else {
        shown = "00"; /* as wide as a two-digit number: a fair guess for the first pass */
        ctx->forward_refs = true;
    }
    lay_idtab *t = ctx->ids;
    GROW_ARENA(ctx->a, t->cites, t->ncites, t->capcites, 1, 64);
    t->cites[t->ncites++] = (citation){e, last, !known, false, shown};
    return arena_strdup(a, shown);
}

const char *lay_ctx_cite_page(lay_ctx *ctx, const char *id, bool last, arena *a, int *number)
{
    const char *label = lay_ctx_cite(ctx, id, last, a);
    id_entry *e = entry_get(ctx, id ? id : "", false);
    *number = !e ? 0 : e->pass_set == ctx->pass ? e->num[last] : e->prev_num[last];
    return label;
}

void lay_ctx_id_settled(lay_ctx *ctx, const char *id)
{
    id_entry *e = id && *id ? entry_get(ctx, id, false) : NULL;
    if (e && e->pass_provisional == ctx->pass)
        e->pass_provisional = 0;
}

void lay_ctx_flows_done(lay_ctx *ctx)
{
    for (int k = 0; k < 2; k++)
        lay_ctx_id_settled(ctx, ctx->prev_seq_ids[k]);
}

size_t lay_ctx_cite_mark(const lay_ctx *ctx)
{
    return ctx->ids->ncites;
}

/* Whether a forward citation among records [from, to) passes `test`; superseded records
 * count only `with_superseded`. The lay_ctx_cites_* queries below differ only in these. */
static bool cites_any(const lay_ctx *ctx, size_t from, size_t to, bool with_superseded,
                      bool (*test)(const lay_ctx *, const citation *))
{
    const lay_idtab *t = ctx->ids;
    for (size_t i = from; i < to && i < t->ncites; i++) {
        const citation *c = &t->cites[i];
        if (c->forward && (with_superseded || !c->superseded) && test(ctx, c))
            return true;
    }
    return false;
}

static bool cite_unknown(const lay_ctx *ctx, const citation *c)
{
    return !entry_known(ctx, c->e, c->last);
}

/* unknown, and without a previous pass's value to show meanwhile */
static bool cite_waits(const lay_ctx *ctx, const citation *c)
{
    return !c->e->prev[c->last] && cite_unknown(ctx, c);
}

static bool cite_any(const lay_ctx *ctx, const citation *c)
{
    (void)ctx;
    (void)c;
    return true;
}

/* known now, and not what its line shows */
static bool cite_changed(const lay_ctx *ctx, const citation *c)
{
    return entry_known(ctx, c->e, c->last) && strcmp(c->e->cur[c->last], c->shown) != 0;
}

bool lay_ctx_cites_waiting(const lay_ctx *ctx, size_t from, size_t to)
{
    return cites_any(ctx, from, to, false, cite_waits);
}

bool lay_ctx_cites_waiting_any(const lay_ctx *ctx, size_t from, size_t to)
{
    return cites_any(ctx, from, to, true, cite_waits);
}

bool lay_ctx_cites_unknown(const lay_ctx *ctx, size_t from, size_t to)
{
    return cites_any(ctx, from, to, false, cite_unknown);
}

bool lay_ctx_cites_forward(const lay_ctx *ctx, size_t from, size_t to)
{
    return cites_any(ctx, from, to, false, cite_any);
}

bool lay_ctx_cites_changed(const lay_ctx *ctx, size_t from, size_t to)
{
    return cites_any(ctx, from, to, false, cite_changed);
}

void lay_ctx_cites_supersede(lay_ctx *ctx, size_t from, size_t to)
{
    lay_idtab *t = ctx->ids;
    for (size_t i = from; i < to && i < t->ncites; i++)
        t->cites[i].superseded = true;
}

void lay_ctx_must_redo(lay_ctx *ctx)
{
    ctx->must_redo = true;
}

void lay_ctx_must_redo_from_page(lay_ctx *ctx)
{
    ctx->must_redo_page = true;
}

bool lay_ctx_redo_pending(const lay_ctx *ctx)
{
    return ctx->must_redo;
}

bool lay_ctx_pass_done(lay_ctx *ctx)
{
    lay_idtab *t = ctx->ids;
    bool again = ctx->must_redo || ctx->must_redo_page;
    for (size_t i = 0; i < t->ncites; i++) {
        citation *c = &t->cites[i];
        if (c->superseded)
            continue;
        const char *final = c->e->pass_set == ctx->pass ? c->e->cur[c->last] : NULL;
        if (!final) {
            /* "\x01" keys are layout's own (page-number in a flow), dropped on relayout */
            if (c->e->id[0] != '\x01' && (ctx->pass == 1 || strcmp(c->shown, "00") != 0))
                diag_warning(ctx->d, ctx->file, 0, _("page-number-citation: unknown id '%s'"),
                             c->e->id);
            continue; /* an id that never lands can't converge: not a reason to go on */
        }
        if (strcmp(final, c->shown) != 0)
            again = true;
    }
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, t->map);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        id_entry *e = v;
        if (e->pass_set == ctx->pass) {
            e->prev[0] = e->cur[0];
            e->prev[1] = e->cur[1];
            e->prev_num[0] = e->num[0];
            e->prev_num[1] = e->num[1];
        }
    }
    if (ctx->index_grew) /* an index before its entries (lay_index.c) */
        again = true;
    ctx->index_grew = false;
    t->ncites = 0;
    ctx->last_pages = ctx->pages;
    ctx->last_forward_refs = ctx->forward_refs;
    ctx->forward_refs = false;
    ctx->must_redo = ctx->must_redo_page = false;
    ctx->pages = 0;
    ctx->next_number = 1;
    ctx->prev_force_auto = false;
    ctx->prev_seq_ids[0] = ctx->prev_seq_ids[1] = NULL;
    ctx->anon_seq = 0;
    ctx->index_seq = 0;
    /* the next pass's elements in the same order as this one's: a painter kept open holds
     * this pass's first pages (render.c) */
    ctx->snode_seq = 0;
    ctx->pass++;
    return again;
}

bool lay_ctx_has_forward_refs(const lay_ctx *ctx)
{
    /* during a pass: that pass so far; between passes: the pass just done */
    return ctx->forward_refs || (ctx->pages == 0 && ctx->last_forward_refs);
}

void lay_ctx_record_inputs(lay_ctx *ctx, strlist *inputs)
{
    ctx->inputs = inputs;
}

int lay_ctx_page_count(const lay_ctx *ctx)
{
    return ctx->last_pages;
}

/* ---- number formatting ------------------------------------------------------------------ */

static void roman(int n, bool upper, char *buf, size_t size)
{
    static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *sym[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl",
                                "x", "ix", "v", "iv", "i"};
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < 13 && n > 0; i++) {
        while (n >= val[i]) {
            for (const char *s = sym[i]; *s && len + 1 < size; s++)
                buf[len++] = upper ? (char)(*s - 'a' + 'A') : *s;
            n -= val[i];
        }
    }
    buf[len] = '\0';
}

/* a, b, ..., z, aa, ab... (bijective base 26) */
static void alpha(int n, bool upper, char *buf, size_t size)
{
    char tmp[16];
    int len = 0;
    while (n > 0 && len < 15) {
        n--;
        tmp[len++] = (char)((upper ? 'A' : 'a') + n % 26);
        n /= 26;
    }
    size_t o = 0;
    while (len > 0 && o + 1 < size)
        buf[o++] = tmp[--len];
    buf[o] = '\0';
}

void lay_format_number(int n, const char *format, char *buf, size_t size)
{
    if (!format || !*format)
        format = "1";
    if (n > 0 && (strcmp(format, "i") == 0 || strcmp(format, "I") == 0) && n < 4000) {
        roman(n, format[0] == 'I', buf, size);
        return;
    }
    if (n > 0 && (strcmp(format, "a") == 0 || strcmp(format, "A") == 0)) {
        alpha(n, format[0] == 'A', buf, size);
        return;
    }
    /* "01", "001": zero padded to the token's width */
    int width = 1;
    if (format[0] == '0') {
        width = 0;
        while (format[width] == '0')
            width++;
        if (format[width] == '1')
            width++;
    }
    snprintf(buf, size, "%0*d", width, n);
}
