/* Text: fonts, shaping, hyphenation and line breaking, the text engine's face.
 *
 * The engine owns a Pango font map at 72 dpi (1 unit = 1 pt, no hinting, unrounded glyph
 * positions, so that shaping agrees with the PDF), a cache of resolved fonts and a cache
 * of shaped words: a word seen once is never shaped again, which is where the speed is.
 *
 * A paragraph is built piece by piece (text in a font, inline objects, leaders, forced
 * breaks), then broken into lines of a given width. Breaking is behind one call with an
 * algorithm switch: greedy (first fit) or total fit (Knuth-Plass, with French
 * hyphenation from libhyphen). Lines come back with every piece positioned: alignment and
 * justification are done here, so layout only stacks lines.
 *
 * The engine speaks its own words, not FO's: runs of glyphs with a colour, alignments,
 * leader patterns. Pango stays inside it: a finished run names its font by the cairo
 * scaled font to draw it with, so painting needs no Pango. Layout asks it for lines; the
 * stylesheets' charts measure their labels through it (tx_text_width).
 */
#ifndef LIVRABLES_TEXT_H
#define LIVRABLES_TEXT_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag/diag.h"
#include "util/arena.h"

typedef struct tx_engine tx_engine;

/* ---- what finished text is made of ---------------------------------------------------- */

typedef struct {
    float r, g, b, a;
} tx_color;

/* One glyph of a run: the font's glyph index (0 is .notdef) and its origin, relative to
 * the run origin. Every glyph of a run is drawn. Floats: an offset within a line is a few
 * hundred points, where a float is exact to 1/10000 of a point, and a page holds thousands
 * of glyphs (12 bytes each instead of 24). */
typedef struct {
    uint32_t index;
    float x, y;
} tx_glyph;

/* A cluster maps bytes of the run's text to glyphs (cairo_text_cluster_t's meaning), so
 * that text copied from the PDF is the source text, ligatures included. */
typedef struct {
    int num_bytes, num_glyphs;
} tx_cluster;

/* A run of glyphs in one font and colour, ready to draw. */
typedef struct {
    cairo_scaled_font_t *font; /* borrowed from the text engine, lives as long as it */
    double size;               /* points, for the text dump */
    const char *family;
    tx_color color;
    const tx_glyph *glyphs;
    int nglyphs;
    const char *utf8; /* the text shown, not NUL-terminated */
    int utf8_len;
    const tx_cluster *clusters;
    int nclusters;
} tx_run;

/* Where a line's pieces go when the line has room to spare. TX_ALIGN_DEFAULT (zero) is
 * the start for a paragraph's lines and, for its last line, the alignment of the others
 * except that a justified paragraph's last line goes to the start. */
typedef enum {
    TX_ALIGN_DEFAULT,
    TX_ALIGN_START,
    TX_ALIGN_CENTER,
    TX_ALIGN_END,
    TX_ALIGN_JUSTIFY,
} tx_align;

/* What fills a leader. */
typedef enum { TX_LEADER_SPACE, TX_LEADER_DOTS, TX_LEADER_RULE } tx_leader;

/* A new engine. Reports missing fonts through `d` (borrowed, must outlive the engine). */
tx_engine *tx_engine_new(diag *d);
void tx_engine_destroy(tx_engine *tx); /* accepts NULL */

/* Makes a font map of the engine the calling thread's default Pango font map, the one
 * librsvg sets an SVG's text with. A painting thread is started for each document: with
 * this it finds the fonts the previous ones loaded instead of matching them again through
 * fontconfig. Not the layout's font map (layout runs while painting does): one kept for
 * such threads, used by one of them at a time. */
void tx_engine_lend_thread_fonts(tx_engine *tx);

/* A resolved font, owned by the engine. */
typedef struct tx_font tx_font;

/* The font for a comma-separated family list (CSS/XSL syntax, quotes allowed; generic
 * names serif, sans-serif, monospace), size in points, weight 100..900, italic or not.
 * The first installed family wins; when none is installed a warning names the missing
 * family at file:line (once per family) and fontconfig's fallback is used. Never NULL. */
const tx_font *tx_font_get(tx_engine *tx, const char *families, double size, int weight,
                           bool italic, const char *file, int line);

/* When the first family of the list `families` is not installed, returns its name (owned by
 * the engine) and sets *used to the installed family of the list that fonts will use (NULL
 * when none is: fontconfig's fallback then). Returns NULL when the first family is
 * installed or generic. Reports nothing: for callers that warn in their own terms. */
const char *tx_family_first_missing(tx_engine *tx, const char *families, const char **used);

double tx_font_size(const tx_font *f);
double tx_font_ascent(const tx_font *f);  /* points above the baseline, positive */
double tx_font_descent(const tx_font *f); /* points below the baseline, positive */
const char *tx_font_family(const tx_font *f); /* the family actually used */
cairo_scaled_font_t *tx_font_cairo(const tx_font *f); /* what its runs are drawn with */

/* The advance width in points of `utf8` set in `f` on one line (no breaking). */
double tx_measure(tx_engine *tx, const tx_font *f, const char *utf8, size_t len);

/* The advance width in points of the NUL-terminated `utf8` on one line, in the font that
 * tx_font_get() resolves for `families`, `size`, `weight` and `italic`: the font, shaping
 * and caches layout uses, without a layout. For labels measured outside layout (the
 * stylesheets' charts). A family list none of which is installed warns once, like
 * tx_font_get() without a location. */
double tx_text_width(tx_engine *tx, const char *families, double size, int weight, bool italic,
                     const char *utf8);

/* Shapes `utf8` on one line into a run (glyphs relative to the run origin), allocated in
 * `a`; *width receives the advance. For page numbers, leaders, and short labels. */
tx_run tx_shape_run(tx_engine *tx, const tx_font *f, tx_color color, const char *utf8,
                          size_t len, arena *a, double *width);

/* ---- paragraphs ----------------------------------------------------------------------- */

typedef struct tx_para tx_para;

/* How a piece of text looks, set by layout. `tag` is layout's own (a link, a text
 * decoration...) and comes back untouched on every piece made from that text. */
typedef struct {
    const tx_font *font;
    tx_color color;
    double baseline_shift; /* points, positive raises */
    double letter_spacing; /* points added after each character */
    double word_spacing;   /* points added to each space */
    double line_height;    /* this text's line-height in points, for the line box */
    bool hyphenate;
    /* hyphenation-remain- and -push-character-count: the fewest letters a hyphenated word
     * leaves before the hyphen and carries to the next line (below 2 counts as 2) */
    int hyph_remain, hyph_push;
    bool no_wrap;            /* wrap-option="no-wrap" */
    bool preserve_spaces;    /* white-space-collapse="false" */
    bool rtl;                /* inside fo:bidi-override direction="rtl": set mirrored by
                              * layout once the line is made */
    const void *tag;
} tx_style;

/* A new, empty paragraph in `a`. `lang` is the language for hyphenation ("fr"); NULL
 * means no hyphenation whatever the styles say. The paragraph ends with tx_para_break()
 * or tx_para_discard(): its items are the engine's, reused by the next paragraph. */
tx_para *tx_para_new(tx_engine *tx, arena *a, const char *lang);

/* Ends a paragraph without breaking it (nothing to set): gives its items back to the
 * engine. Accepts NULL and an ended paragraph. */
void tx_para_discard(tx_para *p);

/* From now on, a word joined by hyphens ("Castelvert-sur-Arrats") offers no break after
 * its hyphens: for min-content widths, so that a table column sized by its content is
 * wide enough for such a name when it can be. */
void tx_para_whole_words(tx_para *p);

/* Appends text. Spaces that follow spaces (across calls too) collapse unless the style
 * preserves them; U+00A0 and U+202F never break nor stretch; U+200B is a break
 * opportunity; '\n' is a forced line break (linefeed-treatment="preserve" was applied by
 * the FO stage). The text is copied. */
void tx_para_text(tx_para *p, const char *utf8, size_t len, const tx_style *style);

/* Appends an inline object (an image, an inline-container) of the given size that sits on
 * the baseline: ascent above it, descent below. */
void tx_para_object(tx_para *p, double width, double ascent, double descent,
                    const tx_style *style);

/* Appends a leader: a stretchable piece between min and max, optimum opt, filled with the
 * pattern. A leader whose max is unbounded (100%)
 * fills the rest of its line: a table of contents with dot leaders. */
void tx_para_leader(tx_para *p, double min, double opt, double max, tx_leader pattern,
                    double rule_thickness, const tx_style *style);

/* Forces a line break here. */
void tx_para_break_here(tx_para *p);

typedef enum { TX_BREAK_GREEDY, TX_BREAK_TOTAL_FIT } tx_break_algorithm;

typedef struct {
    double width;        /* line width in points */
    double text_indent;  /* first line indent (may be negative) */
    double last_line_end_indent;
    tx_align text_align;
    tx_align text_align_last; /* the last line and lines before a forced break */
    tx_break_algorithm algorithm;
    /* Lines narrowed by something beside them (a float): line i < nnarrow is narrower by
     * narrow[i] (borrowed). */
    const double *narrow;
    size_t nnarrow;
    /* A change of width: lines from `wide_from` (> 0) on are `wide_width` wide. The lines
     * before it break as they would at `width` alone; the rest of the paragraph is broken
     * again from there (layout: a page of another width cuts the paragraph). */
    size_t wide_from;
    double wide_width;
    /* Where the lines and their pieces go: an arena the caller drops once it has used
     * them (the runs they show stay in the paragraph's arena); NULL: the paragraph's. */
    arena *scratch;
} tx_break_opts;

typedef enum {
    TX_PIECE_TEXT,   /* run: glyphs to draw at (x, baseline - baseline_shift) */
    TX_PIECE_OBJECT, /* an object of the given width */
    TX_PIECE_RULE,   /* a rule leader: a line of `thickness` from x to x + width */
    TX_PIECE_SPACE,  /* an empty leader or gap: nothing to draw */
} tx_piece_kind;

typedef struct {
    tx_piece_kind kind;
    double x;     /* from the line's start edge */
    double width; /* advance */
    double thickness;
    const tx_style *style;
    tx_run run; /* TX_PIECE_TEXT */
} tx_piece;

typedef struct {
    tx_piece *pieces;
    size_t npieces;
    double width;             /* the width the pieces take, after justification */
    double ascent, descent;   /* largest over the line's fonts and objects, points */
    double line_height;       /* largest line-height of the line's styles */
    bool hyphenated;          /* the line ends with an inserted hyphen */
} tx_line;

typedef struct {
    tx_line *lines;
    size_t nlines;
} tx_lines;

/* Breaks the paragraph into lines, allocated in opts->scratch, and ends it (see
 * tx_para_new). An empty paragraph gives no lines. A word wider than the line overflows
 * it rather than being lost. */
tx_lines tx_para_break(tx_para *p, const tx_break_opts *opts);

/* ---- statistics ----------------------------------------------------------------------- */

typedef struct {
    size_t words_shaped;  /* cache misses */
    size_t words_reused;  /* cache hits */
} tx_stats;

tx_stats tx_engine_stats(const tx_engine *tx);

#endif
