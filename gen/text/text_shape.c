/* The shaped-word cache: a word is itemized (font fallback) and shaped by Pango once per
 * font; every later occurrence is a hash lookup. Entries live in the engine's arena. */
#include "text/text_impl.h"

#include <pango/pangocairo.h>

#include <string.h>

typedef struct {
    const tx_font *f;
    const char *s;
    uint32_t len;
    uint32_t hash;
} tx_word_key;

static uint32_t word_hash(const tx_font *f, const char *s, size_t len)
{
    uint32_t h = 2166136261u ^ (uint32_t)((uintptr_t)f >> 4);
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static guint key_hash(gconstpointer k) { return ((const tx_word_key *)k)->hash; }

static gboolean key_equal(gconstpointer a, gconstpointer b)
{
    const tx_word_key *x = a, *y = b;
    return x->hash == y->hash && x->f == y->f && x->len == y->len &&
           memcmp(x->s, y->s, x->len) == 0;
}

/* The cairo scaled font that draws `font`, which the engine now holds. Pango makes it
 * on first request, here in the layout thread: painting only reads it. */
static cairo_scaled_font_t *font_hold(tx_engine *tx, PangoFont *font)
{
    if (!g_hash_table_contains(tx->held, font))
        g_hash_table_add(tx->held, g_object_ref(font));
    return tx_scaled_font(font);
}

cairo_scaled_font_t *tx_scaled_font(PangoFont *font)
{
    return PANGO_IS_CAIRO_FONT(font) ? pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font))
                                     : NULL;
}

/* Glyphs and clusters of one shaped item; `base` is the item's first byte in the word. */
static void run_fill(tx_engine *tx, tx_srun *r, const PangoGlyphString *gs, bool rtl)
{
    r->glyphs = ARENA_NEW_ARRAY(tx->mem, tx_glyph, gs->num_glyphs ? gs->num_glyphs : 1);
    r->clusters = ARENA_NEW_ARRAY(tx->mem, tx_cluster, gs->num_glyphs + 1);
    r->cadv = ARENA_NEW_ARRAY(tx->mem, double, gs->num_glyphs + 1);
    double x = 0;
    int ng = 0, nc = 0;
    for (int i = 0; i < gs->num_glyphs; i++) {
        const PangoGlyphInfo *gi = &gs->glyphs[i];
        bool starts = i == 0 || (!rtl && gs->log_clusters[i] != gs->log_clusters[i - 1]);
        if (starts) {
            int next = r->len;
            for (int j = i + 1; j < gs->num_glyphs; j++)
                if (gs->log_clusters[j] != gs->log_clusters[i]) {
                    next = gs->log_clusters[j];
                    break;
                }
            r->clusters[nc] = (tx_cluster){rtl ? r->len : next - gs->log_clusters[i], 0};
            r->cadv[nc] = 0;
            nc++;
        }
        double adv = gi->geometry.width / (double)PANGO_SCALE;
        r->cadv[nc - 1] += adv;
        /* Pango's special values stay here: an empty glyph draws nothing, an unknown one
         * is the font's .notdef (0), so that every glyph of a run is a real one. */
        if (gi->glyph != PANGO_GLYPH_EMPTY && gi->glyph != PANGO_GLYPH_INVALID_INPUT) {
            uint32_t index = (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) ? 0 : gi->glyph;
            r->glyphs[ng++] = (tx_glyph){index, x + gi->geometry.x_offset / (double)PANGO_SCALE,
                                          gi->geometry.y_offset / (double)PANGO_SCALE};
            r->clusters[nc - 1].num_glyphs++;
        }
        x += adv;
    }
    if (nc == 0 && r->len > 0)
        r->clusters[nc++] = (tx_cluster){r->len, 0};
    r->nglyphs = ng;
    r->nclusters = nc;
    r->width = x;
}

static tx_shaped *shape_new(tx_engine *tx, const tx_font *f, const char *s, size_t len)
{
    tx_shaped *sh = ARENA_NEW(tx->mem, tx_shaped);
    sh->nhyph = -1;
    if (len == 0 || !g_utf8_validate(s, (gssize)len, NULL))
        return sh; /* invalid text shapes to nothing rather than crashing Pango */
    GList *items = pango_itemize(tx->ctx, s, 0, (int)len, f->attrs, NULL);
    sh->runs = ARENA_NEW_ARRAY(tx->mem, tx_srun, g_list_length(items) + 1);
    PangoGlyphString *gs = pango_glyph_string_new();
    double x = 0;
    for (GList *l = items; l; l = l->next) {
        PangoItem *item = l->data;
        pango_shape_with_flags(s + item->offset, item->length, s, (int)len, &item->analysis, gs,
                               PANGO_SHAPE_NONE);
        tx_srun *r = &sh->runs[sh->nruns++];
        r->font = font_hold(tx, item->analysis.font ? item->analysis.font : f->font);
        r->start = item->offset;
        r->len = item->length;
        r->x = x;
        run_fill(tx, r, gs, item->analysis.level & 1);
        x += r->width;
        sh->nclusters += r->nclusters;
        pango_item_free(item);
    }
    g_list_free(items);
    pango_glyph_string_free(gs);
    sh->width = x;
    return sh;
}

const tx_shaped *tx_shape_word(tx_engine *tx, const tx_font *f, const char *utf8, size_t len)
{
    if (!tx->words)
        tx->words = g_hash_table_new(key_hash, key_equal);
    tx_word_key probe = {f, utf8, (uint32_t)len, word_hash(f, utf8, len)};
    tx_shaped *sh = g_hash_table_lookup(tx->words, &probe);
    if (sh) {
        tx->stats.words_reused++;
        return sh;
    }
    tx->stats.words_shaped++;
    sh = shape_new(tx, f, utf8, len);
    tx_word_key *key = ARENA_NEW(tx->mem, tx_word_key);
    *key = probe;
    key->s = arena_strndup(tx->mem, utf8, len);
    g_hash_table_insert(tx->words, key, sh);
    return sh;
}

double tx_shaped_span(const tx_shaped *sh, uint32_t from, uint32_t to, int *nclusters)
{
    double w = 0;
    int n = 0;
    for (int i = 0; i < sh->nruns; i++) {
        const tx_srun *r = &sh->runs[i];
        uint32_t b = (uint32_t)r->start;
        for (int c = 0; c < r->nclusters; c++) {
            if (b >= from && b < to) {
                w += r->cadv[c];
                n++;
            }
            b += (uint32_t)r->clusters[c].num_bytes;
        }
    }
    if (nclusters)
        *nclusters = n;
    return w;
}

double tx_measure(tx_engine *tx, const tx_font *f, const char *utf8, size_t len)
{
    return tx_shape_word(tx, f, utf8, len)->width;
}

double tx_text_width(tx_engine *tx, const char *families, double size, int weight, bool italic,
                     const char *utf8)
{
    const tx_font *f = tx_font_get(tx, families, size, weight, italic, NULL, 0);
    return tx_measure(tx, f, utf8, strlen(utf8));
}

/* The whole text in the primary font only, when fallback split it across fonts: a run has
 * one font, and a label is better with a missing glyph than with lost text. */
static tx_run run_single_font(tx_engine *tx, const tx_font *f, const char *s, size_t len,
                                    arena *a, double *width)
{
    tx_run run = {0};
    GList *items = pango_itemize(tx->ctx, s, 0, (int)len, f->attrs, NULL);
    PangoAnalysis an = ((PangoItem *)items->data)->analysis;
    an.font = f->font;
    PangoGlyphString *gs = pango_glyph_string_new();
    pango_shape_with_flags(s, (int)len, s, (int)len, &an, gs, PANGO_SHAPE_NONE);
    tx_srun r = {.font = f->scaled, .len = (int)len};
    run_fill(tx, &r, gs, false);
    pango_glyph_string_free(gs);
    g_list_free_full(items, (GDestroyNotify)pango_item_free);
    run.font = f->scaled;
    run.glyphs = r.glyphs;
    run.nglyphs = r.nglyphs;
    run.clusters = r.clusters;
    run.nclusters = r.nclusters;
    *width = r.width;
    (void)a;
    return run;
}

tx_run tx_shape_run(tx_engine *tx, const tx_font *f, tx_color color, const char *utf8,
                          size_t len, arena *a, double *width)
{
    const tx_shaped *sh = tx_shape_word(tx, f, utf8, len);
    double w = sh->width;
    tx_run run = {0};
    if (sh->nruns > 1) {
        run = run_single_font(tx, f, utf8, len, a, &w);
    } else if (sh->nruns == 1) {
        const tx_srun *r = &sh->runs[0];
        tx_glyph *g = ARENA_NEW_ARRAY_UNINIT(a, tx_glyph, r->nglyphs ? r->nglyphs : 1);
        memcpy(g, r->glyphs, sizeof *g * (size_t)r->nglyphs);
        tx_cluster *c = ARENA_NEW_ARRAY_UNINIT(a, tx_cluster, r->nclusters ? r->nclusters : 1);
        memcpy(c, r->clusters, sizeof *c * (size_t)r->nclusters);
        run.font = r->font;
        run.glyphs = g;
        run.nglyphs = r->nglyphs;
        run.clusters = c;
        run.nclusters = r->nclusters;
    } else {
        run.font = f->scaled;
    }
    run.size = f->size;
    run.family = f->family;
    run.color = color;
    run.utf8 = arena_strndup(a, utf8, len);
    run.utf8_len = (int)len;
    if (width)
        *width = w;
    return run;
}
