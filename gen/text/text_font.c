/* The text engine and its fonts: a 72 dpi Pango font map without hinting, family lists
 * resolved against the installed families, fonts cached by their description. */
#include "text/text_impl.h"
#include "util/i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

static void installed_families_load(tx_engine *tx)
{
    PangoFontFamily **fams = NULL;
    int n = 0;
    pango_font_map_list_families(tx->fontmap, &fams, &n);
    for (int i = 0; i < n; i++) {
        char *name = g_utf8_strdown(pango_font_family_get_name(fams[i]), -1);
        g_hash_table_add(tx->installed, name);
    }
    g_free(fams);
}

static PangoContext *context_new(PangoFontMap *fm)
{
    PangoContext *ctx = pango_font_map_create_context(fm);
    /* Unhinted metrics and unrounded positions: widths agree with the PDF at any zoom. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(ctx, 72.0);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    pango_context_set_base_dir(ctx, PANGO_DIRECTION_LTR);
    pango_context_set_language(ctx, pango_language_from_string("fr"));
    return ctx;
}

static void font_free(gpointer p)
{
    tx_font *f = p;
    pango_font_description_free(f->desc);
    pango_attr_list_unref(f->attrs);
    g_object_unref(f->font);
}

tx_engine *tx_engine_new(diag *d)
{
    tx_engine *tx = g_new0(tx_engine, 1);
    tx->d = d;
    tx->fontmap = pango_cairo_font_map_new();
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(tx->fontmap), 72.0);
    tx->ctx = context_new(tx->fontmap);
    tx->mem = arena_new();
    tx->installed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    tx->fonts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, font_free);
    tx->resolved = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    tx->held = g_hash_table_new_full(g_direct_hash, g_direct_equal, g_object_unref, NULL);
    installed_families_load(tx);
    return tx;
}

void tx_engine_destroy(tx_engine *tx)
{
    if (!tx)
        return;
    if (tx->words)
        g_hash_table_destroy(tx->words);
    g_hash_table_destroy(tx->fonts);
    g_hash_table_destroy(tx->held);
    g_hash_table_destroy(tx->resolved);
    g_hash_table_destroy(tx->installed);
    for (size_t i = 0; i < tx->nlangs; i++) {
        if (tx->langs[i].dict)
            hnj_hyphen_free(tx->langs[i].dict);
        g_free(tx->langs[i].lang);
    }
    g_free(tx->langs);
    for (size_t i = 0; i < G_N_ELEMENTS(tx->scratch); i++)
        free(tx->scratch[i]);
    for (size_t i = 0; i < tx->nitem_bufs; i++)
        free(tx->item_bufs[i].v);
    free(tx->item_bufs);
    g_object_unref(tx->ctx);
    g_object_unref(tx->fontmap);
    if (tx->thread_fontmap)
        g_object_unref(tx->thread_fontmap);
    arena_destroy(tx->mem);
    g_free(tx);
}

void tx_engine_lend_thread_fonts(tx_engine *tx)
{
    if (!tx->thread_fontmap)
        tx->thread_fontmap = pango_cairo_font_map_new();
    pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(tx->thread_fontmap));
}

void *tx_scratch(tx_engine *tx, int slot, size_t bytes)
{
    if (bytes > tx->scratch_cap[slot] || !tx->scratch[slot]) {
        size_t cap = grow_capacity(tx->scratch_cap[slot], bytes, 4096, 1);
        tx->scratch[slot] = grow_heap(tx->scratch[slot], 1, 0, cap, 0);
        tx->scratch_cap[slot] = cap;
    }
    return tx->scratch[slot];
}

tx_stats tx_engine_stats(const tx_engine *tx) { return tx->stats; }

/* ---- family lists --------------------------------------------------------------------- */

static bool is_generic(const char *name)
{
    static const char *const generic[] = {"serif", "sans-serif", "sans", "monospace",
                                          "cursive", "fantasy", "system-ui"};
    for (size_t i = 0; i < G_N_ELEMENTS(generic); i++)
        if (g_ascii_strcasecmp(name, generic[i]) == 0)
            return true;
    return false;
}

/* Splits "'Marianne', Arial, sans-serif" into trimmed, unquoted names (a GPtrArray of
 * g_strdup'ed strings). */
static GPtrArray *family_list_split(const char *families)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *s = families ? families : "";
    while (*s) {
        while (*s == ',' || isspace((unsigned char)*s))
            s++;
        if (!*s)
            break;
        const char *start = s, *end;
        if (*s == '\'' || *s == '"') {
            char q = *s++;
            start = s;
            while (*s && *s != q)
                s++;
            end = s;
            if (*s)
                s++;
            while (*s && *s != ',')
                s++;
        } else {
            while (*s && *s != ',')
                s++;
            end = s;
            while (end > start && isspace((unsigned char)end[-1]))
                end--;
        }
        if (end > start)
            g_ptr_array_add(names, g_strndup(start, (gsize)(end - start)));
    }
    return names;
}

static bool family_installed(tx_engine *tx, const char *name)
{
    if (is_generic(name))
        return true;
    char *low = g_utf8_strdown(name, -1);
    bool found = g_hash_table_contains(tx->installed, low);
    g_free(low);
    return found;
}

/* FOP, the reference renderer, draws the generic families in the base-14 Times, Helvetica
 * and Courier; the Liberation faces have their advance widths, so lines and pages break
 * where FOP breaks them (fontconfig would pick DejaVu, a wider face), and ascents small
 * enough for a 1.2 line-height. Generic names without an installed clone stay as they are. */
static const char *generic_clone(tx_engine *tx, const char *name)
{
    static const char *const clones[][2] = {
        {"serif", "Liberation Serif"},
        {"sans-serif", "Liberation Sans"},
        {"monospace", "Liberation Mono"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(clones); i++)
        if (g_ascii_strcasecmp(name, clones[i][0]) == 0 && family_installed(tx, clones[i][1]))
            return clones[i][1];
    return name;
}

/* The family to ask Pango for, or "" when none of the list is installed; *first receives
 * the first requested family (for the warning). Cached per list. */
static const char *family_resolve(tx_engine *tx, const char *families, char **first)
{
    GPtrArray *names = family_list_split(families);
    *first = g_strdup(names->len ? g_ptr_array_index(names, 0) : "");
    const char *cached = g_hash_table_lookup(tx->resolved, families ? families : "");
    if (cached) {
        g_ptr_array_free(names, TRUE);
        return cached;
    }
    const char *pick = "";
    for (guint i = 0; i < names->len; i++) {
        const char *n = g_ptr_array_index(names, i);
        if (family_installed(tx, n)) {
            pick = generic_clone(tx, n);
            break;
        }
    }
    char *value = g_strdup(pick);
    g_hash_table_insert(tx->resolved, g_strdup(families ? families : ""), value);
    g_ptr_array_free(names, TRUE);
    return value;
}

const char *tx_family_first_missing(tx_engine *tx, const char *families, const char **used)
{
    char *first = NULL;
    const char *pick = family_resolve(tx, families, &first);
    *used = *pick ? pick : NULL;
    const char *missing = NULL;
    if (*first && !family_installed(tx, first)) {
        /* Interned in the engine's arena so the caller can keep the pointer. */
        missing = arena_strdup(tx->mem, first);
    }
    g_free(first);
    return missing;
}

/* ---- fonts ---------------------------------------------------------------------------- */

static PangoFontDescription *desc_new(const char *family, double size, int weight, bool italic)
{
    PangoFontDescription *desc = pango_font_description_new();
    pango_font_description_set_family(desc, *family ? family : "sans-serif");
    pango_font_description_set_size(desc, (gint)(size * PANGO_SCALE + 0.5));
    if (weight < 100)
        weight = 100;
    if (weight > 1000)
        weight = 1000;
    pango_font_description_set_weight(desc, (PangoWeight)weight);
    pango_font_description_set_style(desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    return desc;
}

static tx_font *font_new(tx_engine *tx, const char *family, double size, int weight, bool italic)
{
    tx_font *f = ARENA_NEW(tx->mem, tx_font);
    f->desc = desc_new(family, size, weight, italic);
    f->attrs = pango_attr_list_new();
    pango_attr_list_insert(f->attrs, pango_attr_font_desc_new(f->desc));
    f->font = pango_font_map_load_font(tx->fontmap, tx->ctx, f->desc);
    f->scaled = tx_scaled_font(f->font);
    f->size = size;
    PangoFontMetrics *m = pango_font_get_metrics(f->font, pango_language_from_string("fr"));
    f->ascent = pango_font_metrics_get_ascent(m) / (double)PANGO_SCALE;
    f->descent = pango_font_metrics_get_descent(m) / (double)PANGO_SCALE;
    pango_font_metrics_unref(m);
    PangoFontDescription *used = pango_font_describe(f->font);
    f->family = arena_strdup(tx->mem, pango_font_description_get_family(used));
    pango_font_description_free(used);
    f->space = tx_shape_word(tx, f, " ", 1);
    f->hyphen = tx_shape_word(tx, f, "-", 1);
    return f;
}

/* tx_font_get without the recent fonts: the cache by key, else a new font. */
static const tx_font *font_lookup(tx_engine *tx, const char *families, double size, int weight,
                                  bool italic, const char *file, int line)
{
    char key[512];
    snprintf(key, sizeof key, "%s|%.4f|%d|%d", families ? families : "", size, weight,
             italic ? 1 : 0);
    tx_font *f = g_hash_table_lookup(tx->fonts, key);
    if (f)
        return f;

    char *first = NULL;
    const char *family = family_resolve(tx, families, &first);
    /* None installed: ask for the first anyway, fontconfig's match decides. */
    f = font_new(tx, *family ? family : first, size, weight, italic);
    g_hash_table_insert(tx->fonts, g_strdup(key), f);
    if (!*family) {
        /* Once per family list, whatever the size or style. */
        char *wkey = g_strconcat("\x01warned|", families ? families : "", NULL);
        if (!g_hash_table_contains(tx->resolved, wkey)) {
            diag_warning(tx->d, file, line, _("font family '%s' not found, using '%s'"), first,
                         f->family);
            g_hash_table_insert(tx->resolved, wkey, g_strdup(""));
        } else {
            g_free(wkey);
        }
    }
    g_free(first);
    return f;
}

/* The font of a recent call with exactly these arguments, or NULL. */
static const tx_font *recent_font(const tx_engine *tx, const char *families, double size,
                                  int weight, bool italic)
{
    for (size_t i = 0; i < G_N_ELEMENTS(tx->recent); i++) {
        const struct tx_recent_font *r = &tx->recent[i];
        if (r->font && r->size == size && r->weight == weight && r->italic == italic &&
            strcmp(r->families, families) == 0)
            return r->font;
    }
    return NULL;
}

static void recent_add(tx_engine *tx, const char *families, double size, int weight, bool italic,
                       const tx_font *f)
{
    if (strlen(families) >= sizeof tx->recent[0].families)
        return;
    struct tx_recent_font *r = &tx->recent[tx->recent_next++ % G_N_ELEMENTS(tx->recent)];
    strcpy(r->families, families);
    r->size = size;
    r->weight = weight;
    r->italic = italic;
    r->font = f;
}

const tx_font *tx_font_get(tx_engine *tx, const char *families, double size, int weight,
                           bool italic, const char *file, int line)
{
    const tx_font *recent = recent_font(tx, families ? families : "", size, weight, italic);
    if (recent)
        return recent;
    const tx_font *f = font_lookup(tx, families, size, weight, italic, file, line);
    recent_add(tx, families ? families : "", size, weight, italic, f);
    return f;
}

double tx_font_size(const tx_font *f) { return f->size; }
double tx_font_ascent(const tx_font *f) { return f->ascent; }
double tx_font_descent(const tx_font *f) { return f->descent; }
cairo_scaled_font_t *tx_font_cairo(const tx_font *f) { return f->scaled; }
const char *tx_font_family(const tx_font *f) { return f->family; }
