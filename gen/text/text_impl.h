/* Text engine internals shared by the text_*.c files (not part of the layout interface).
 *
 * text_font.c   engine, font resolution and cache
 * text_shape.c  the shaped-word cache (Pango itemize + shape), tx_measure, tx_shape_run
 * text_hyph.c   hyphenation points of a word (libhyphen)
 * text_para.c   a paragraph as Knuth-Plass items (boxes, glue, penalties)
 * text_break.c  choosing breakpoints: greedy and total fit
 * text_lines.c  breakpoints to positioned lines (alignment, justification, runs)
 */
#ifndef LIVRABLES_TEXT_IMPL_H
#define LIVRABLES_TEXT_IMPL_H

#include <glib.h>
#include <hyphen.h>
#include <pango/pangocairo.h>
#include <stdint.h>

#include "text/text.h"

/* One run of a shaped word in one font (several when glyphs fall back to other fonts). */
typedef struct {
    cairo_scaled_font_t *font; /* of a PangoFont held by the engine */
    double x;                  /* run origin from the word origin */
    double width;
    int start, len;  /* bytes of the word this run shows */
    tx_glyph *glyphs;
    int nglyphs;
    tx_cluster *clusters; /* logical order */
    double *cadv;          /* advance of each cluster */
    int nclusters;
} tx_srun;

/* A shaped word, owned by the engine's cache. */
typedef struct {
    double width;
    tx_srun *runs;
    int nruns;
    int nclusters;   /* over all runs, for letter-spacing */
    int nhyph;       /* -1: not computed yet */
    uint32_t *hyph;  /* byte offsets where a hyphen may be inserted, increasing */
} tx_shaped;

struct tx_font {
    PangoFontDescription *desc;
    PangoAttrList *attrs; /* the description as an attribute, for itemizing */
    PangoFont *font;
    cairo_scaled_font_t *scaled; /* the font's own, for runs */
    double size, ascent, descent;
    const char *family;
    const tx_shaped *space;  /* " " in this font */
    const tx_shaped *hyphen; /* "-" in this font */
};

typedef struct {
    char *lang;
    HyphenDict *dict; /* NULL when no dictionary exists for lang */
} tx_hyph_lang;

struct tx_engine {
    diag *d;
    PangoFontMap *fontmap;
    PangoContext *ctx;
    PangoFontMap *thread_fontmap; /* lent to painting threads, made at the first */
    arena *mem;            /* fonts, shaped words, cache keys */
    GHashTable *installed; /* lower-cased family names */
    GHashTable *fonts;     /* "families|size|weight|italic" -> tx_font */
    /* The last fonts asked for, with their exact arguments: layout asks for a font at every
     * run of text, mostly the one it just had, and the key above costs a formatted
     * number. */
    struct tx_recent_font {
        char families[120];
        double size;
        int weight;
        bool italic;
        const struct tx_font *font; /* NULL: unused */
    } recent[4];
    unsigned recent_next;
    GHashTable *resolved;  /* family list -> family to ask Pango for ("" when none) */
    GHashTable *words;     /* tx_word_key -> tx_shaped */
    GHashTable *held;      /* PangoFont set, one reference each: fallback fonts of runs */
    tx_hyph_lang *langs;
    size_t nlangs;
    tx_stats stats;
    /* scratch for breaking and line building, reused across paragraphs */
    void *scratch[8];
    size_t scratch_cap[8];
    /* item arrays of paragraphs, reused by the next ones: items die once the lines are
     * built, and a paragraph nested in one still open (a footnote) takes another */
    struct tx_item_buf *item_bufs;
    size_t nitem_bufs, item_bufs_cap;
};

enum { TX_SCR_NODES, TX_SCR_BREAKS, TX_SCR_SEGS, TX_SCR_GLYPHS, TX_SCR_CLUSTERS, TX_SCR_UTF8,
       TX_SCR_PIECES, TX_SCR_SUMS };

/* Scratch buffer `slot` of at least `bytes`, owned by the engine, valid until the next call
 * for the same slot. */
void *tx_scratch(tx_engine *tx, int slot, size_t bytes);

/* The cairo scaled font that draws `font` (owned by it), NULL if Pango gave no cairo font. */
cairo_scaled_font_t *tx_scaled_font(PangoFont *font);

/* The shaped form of `utf8` in `f`, from the cache or shaped now. Never NULL. */
const tx_shaped *tx_shape_word(tx_engine *tx, const tx_font *f, const char *utf8, size_t len);

/* Width of the clusters of `sh` that start in bytes [from, to), and their count. */
double tx_shaped_span(const tx_shaped *sh, uint32_t from, uint32_t to, int *nclusters);

/* Hyphenation points of the word (see tx_shaped.hyph), computed once per shaped word.
 * `dict` may be NULL (no points). */
void tx_hyphenate(tx_engine *tx, tx_shaped *sh, const char *word, size_t len, HyphenDict *dict);

/* The dictionary for a language tag ("fr", "fr-FR"), loaded once; NULL if none. */
HyphenDict *tx_hyph_dict(tx_engine *tx, const char *lang);

/* ---- paragraph items -------------------------------------------------------------------- */

typedef enum { TI_BOX, TI_GLUE, TI_PENALTY } tx_item_kind;

typedef enum {
    TS_WORD,     /* box: a word or a fragment of one (text, from, to) */
    TS_OBJECT,   /* box: an inline object */
    TS_SPACE,    /* glue: an inter-word space (breakable unless nobreak) */
    TS_LEADER,   /* glue: a leader, never a breakpoint */
    TS_HYPHEN,   /* penalty: a hyphenation point, a hyphen is added when broken */
    TS_SOFT,     /* penalty: a soft hyphen (U+00AD), a hyphen is added when broken */
    TS_EXPLICIT, /* penalty: after an explicit hyphen or dash, nothing added */
    TS_NAME,     /* penalty: after a hyphen of a proper name ("Saint-"), nothing added; a
                  * breakpoint only when no line can be set otherwise */
    TS_ZWSP,     /* penalty: a zero-width break opportunity */
    TS_FORCED,   /* penalty: a forced break */
} tx_item_sub;

enum { TX_INF_PENALTY = 10000 };

typedef struct {
    uint8_t kind, sub;
    bool flagged; /* hyphen penalties */
    bool nobreak; /* glue that is not a breakpoint (no-wrap) */
    bool fill;    /* leader that fills the rest of the line */
    uint8_t pattern; /* leader: a tx_leader */
    int penalty;
    double width, stretch, shrink;
    double ascent, descent; /* objects */
    double thickness;       /* rule leaders */
    const tx_style *style;
    const tx_shaped *shaped; /* TS_WORD: the whole word */
    const char *text;        /* TS_WORD: the whole word, in the paragraph's arena */
    uint32_t len, from, to;  /* TS_WORD: word length, this fragment's bytes */
} tx_item;

typedef struct tx_item_buf {
    tx_item *v;
    size_t cap;
    bool in_use;
} tx_item_buf;

struct tx_para {
    tx_engine *tx;
    arena *a;
    HyphenDict *dict;
    tx_item *items; /* the engine's item_bufs[buf], while the paragraph is open */
    size_t nitems, cap, buf;
    const tx_style *last_style;
    bool whole_words; /* no break after a hyphen inside a word (min-content widths) */
};

/* A break: the item index the line ends at (nitems for the paragraph's end). */
typedef struct {
    size_t *at;
    size_t n;
} tx_breaks;

/* Breakpoints for `p` (engine scratch memory, valid until the next break call): of its
 * lines from `line0` on, the first of them starting after break `from` (0: the start). */
tx_breaks tx_break_greedy(tx_para *p, const tx_break_opts *o, size_t from, size_t line0);
tx_breaks tx_break_total_fit(tx_para *p, const tx_break_opts *o, size_t from, size_t line0);

/* Width of line `index` (0 first), `last` when it ends the paragraph. */
double tx_line_width(const tx_break_opts *o, size_t index, bool last);

/* True when a line may end at item i (nitems: the end). */
bool tx_is_breakpoint(const tx_para *p, size_t i, bool hyphens);

/* The first item of a line that follows a break at `b`. */
size_t tx_line_start(const tx_para *p, size_t b);

/* Lines from breakpoints, in the paragraph's arena. */
tx_lines tx_lines_build(tx_para *p, const tx_break_opts *o, tx_breaks br);

#endif
