/* Layout: page-sequences of the FO tree into pages of positioned boxes.
 *
 * Layout makes every line and page decision; painting only walks the boxes it produces.
 * Coordinates are in points, origin at the top-left corner of the page, y going down.
 * Pages and their boxes live in the arena given to lay_sequence(); the fonts they refer to
 * belong to the text engine (tx_engine) and live as long as it does.
 *
 * Forward references (page-number-citation to a later page) are patches, not a second
 * layout: a page-sequence is laid out and paginated (lay_seq_new), and its pages are made
 * (lay_seq_pages) once the numbers it cites are known (lay_seq_waits). Making them lays out
 * again only the flow's blocks whose citations showed a placeholder; static content is
 * laid out per page then, so a "page n / N" footer never moves the flow. When a block laid
 * out again breaks into other lines, the document needs another pass, which uses the
 * numbers of the one before: lay_ctx_pass_done() tells. A caller that won't keep a waiting
 * sequence makes its pages at once instead (lay_seq_pages_now), each page that showed a
 * placeholder with a recipe to finish it later (lay_remake_page).
 */
#ifndef LIVRABLES_LAYOUT_H
#define LIVRABLES_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag/diag.h"
#include "fo/fo.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/strlist.h"

/* Text boxes carry the text engine's finished runs: glyphs, clusters, colour and the cairo
 * scaled font that draws them. */
typedef tx_color lay_color;
typedef tx_glyph lay_glyph;
typedef tx_cluster lay_cluster;
typedef tx_run lay_text_run;

/* LAY_IMAGE_RASTER: any other bitmap gdk-pixbuf reads (GIF, TIFF, BMP, WebP...). */
typedef enum {
    LAY_IMAGE_PNG,
    LAY_IMAGE_JPEG,
    LAY_IMAGE_SVG,
    LAY_IMAGE_SVG_INLINE,
    LAY_IMAGE_RASTER,
} lay_image_kind;

/* An image as layout sized it; painting loads and draws it. */
typedef struct {
    lay_image_kind kind;
    const char *path;     /* resolved file path (NULL for inline SVG and data: URIs) */
    const char *svg_data; /* inline SVG document (instream-foreign-object) */
    size_t svg_len;
    const unsigned char *bytes; /* the file's bytes, from a data: URI (RFC 2397), or NULL */
    size_t nbytes;
    double intrinsic_width, intrinsic_height; /* points */
} lay_image;

typedef enum {
    LAY_STYLE_SOLID,
    LAY_STYLE_DOTTED,
    LAY_STYLE_DASHED,
    LAY_STYLE_DOUBLE,
} lay_line_style;

/* What content belongs to in the document's logical structure (tagged PDF): an element of
 * a standard structure type, made by layout in FO order, as FOP's accessibility derives it
 * (fo:block → P or its role, lists → L/LI/Lbl/LBody, tables → Table/THead/TBody/TFoot/TR/
 * TH/TD, graphics → Figure, basic-link → Link). Immutable once made; lives in the arena of
 * the pages that point to it. Painting turns it into marked content and a structure tree. */
typedef struct lay_snode lay_snode;
struct lay_snode {
    const char *type;        /* "P", "H2", "Table", "TH", "Figure"...; NULL: an artifact
                              * (role="artifact", as FOP reads it), and all it holds */
    const lay_snode *parent; /* NULL: a child of the document */
    unsigned long seq;       /* creation order, which is FO order */
    const char *lang;        /* language in effect ("fr", "en-GB"), or NULL */
    const char *alt;         /* alternative text (fox:alt-text), or NULL */
    const char *scope;       /* TH: "Column", else NULL */
    int colspan, rowspan;    /* TH, TD: columns and rows spanned (0 or 1: one) */
    const char *text;        /* Link: its text, to describe its annotation; else NULL */
};

typedef enum {
    LAY_TEXT,  /* text.run at baseline origin (x, y) */
    LAY_RECT,  /* filled rectangle (x, y, w, h) */
    LAY_LINE,  /* stroked segment from (x, y) to (x + w, y + h) */
    LAY_IMAGE, /* image scaled into (x, y, w, h), clipped to clip_* when clip is set */
    LAY_LINK,  /* clickable area (x, y, w, h) to link.uri or to the id link.dest */
    LAY_DEST,  /* named destination link.dest at (x, y) */
} lay_box_kind;

typedef struct {
    lay_box_kind kind;
    double x, y, w, h;
    const lay_snode *sn; /* the structure element it belongs to; NULL: an artifact */
    bool pagination;     /* an artifact repeated with pages: running heads, table headers */
    /* LAY_TEXT, LAY_IMAGE: quarter turns anticlockwise (reference-orientation) of the run or
     * image around (x, y), its origin; an image's clip rectangle is then relative to (x, y)
     * in the image's own unturned frame. 0 for almost every box. */
    unsigned char rot;
    union {
        lay_text_run text;
        struct {
            lay_color color;
        } rect;
        struct {
            lay_color color;
            double thickness;
            lay_line_style style;
        } line;
        struct {
            const lay_image *image;
            bool clip;
            double clip_x, clip_y, clip_w, clip_h;
        } image;
        struct {
            const char *uri;  /* external destination, or NULL */
            const char *dest; /* internal destination id, or NULL */
        } link;
    } u;
} lay_box;

typedef struct {
    double width, height;
    int number;        /* the page number value */
    const char *label; /* the page number as formatted ("iv", "12") */
    const char *title; /* on a sequence's first page, the text of its fo:title; else NULL */
    lay_box *boxes;    /* in painting order */
    size_t nboxes;
} lay_page;

typedef struct {
    lay_page *pages;
    size_t npages;
} lay_pages;

/* One entry of the PDF outline (fo:bookmark), as a tree. */
typedef struct lay_outline {
    const char *title;
    const char *dest; /* internal destination id, or NULL */
    const char *uri;  /* external destination, or NULL */
    bool open;        /* starting-state="show" */
    struct lay_outline *first_child, *next_sibling;
} lay_outline;

typedef struct lay_ctx lay_ctx;

/* A layout context for one FO document. Borrows the document, the text engine and the
 * reporter, which must outlive it. */
lay_ctx *lay_ctx_new(const fo_doc *doc, tx_engine *tx, diag *d);
void lay_ctx_destroy(lay_ctx *ctx); /* accepts NULL */

/* The most pages a document may have; past it layout stops with an error instead of
 * exhausting the machine. LAY_DEFAULT_MAX_PAGES until set. */
#define LAY_DEFAULT_MAX_PAGES 100000
void lay_ctx_set_max_pages(lay_ctx *ctx, int max_pages);

/* Asks for a warning when a bitmap is printed at fewer than `ppi` pixels per inch (once
 * per image and document); 0, the default, never warns, as FOP. */
void lay_ctx_set_min_ppi(lay_ctx *ctx, double ppi);

/* Asks the context to add every file it reads (images) to `inputs` (borrowed), for
 * dependency files. */
void lay_ctx_record_inputs(lay_ctx *ctx, strlist *inputs);

/* A page-sequence laid out and broken into pages, its pages not made yet. */
typedef struct lay_seq lay_seq;

/* Pages made before the numbers they cite are known (lay_remake.c, below). */
typedef struct lay_remake lay_remake;

/* Lays out the flow of one page-sequence (from fo_doc_next_page_sequence) and breaks it
 * into pages; the ids it holds get their page numbers. Page numbering continues from the
 * previous sequence of the same pass. Allocated in `a` (which also holds the FO subtree and
 * must outlive it). NULL after an error (reported: more pages than allowed). */
lay_seq *lay_seq_new(lay_ctx *ctx, const fo_node *page_sequence, arena *a);

/* Where the page window hands over the pages it made: `pages` in `pages_arena`, remakes[k]
 * the recipe of page k when its static content waits for a number ("page n / N"), NULL
 * when it is final (remakes NULL: all are), and `ndone` arenas (layout data of the flow)
 * to destroy once these pages are painted; `done` itself is malloc'd, the sink frees it. */
typedef void (*lay_page_sink)(void *ud, lay_pages pages, arena *pages_arena,
                              lay_remake *const *remakes, arena **done, size_t ndone);

/* The flow's next child built into `a` (from fo_doc_next_flow_child), NULL at its end. */
typedef fo_node *(*lay_flow_pull)(void *ud, arena *a);

/* lay_seq_new that makes the sequence's pages as its flow is laid out, as soon as the page
 * breaker can no longer change them, and hands them to `sink` (after every page queued
 * before), so that only the pages still open stay in memory (the page window,
 * doc/page-window.md). Pages it can't make so (a forward citation in the flow, multi-column
 * or differing body widths, floats...) are left to lay_seq_pages, as with lay_seq_new.
 * It takes a page-sequence's head (fo_doc_next_page_sequence_head: its flow without
 * children): the flow's children are pulled one at a time as the window goes, each
 * into the chunk arena its layout data goes to, freed with the pages that point into it
 * (what must outlive it, markers pages may still retrieve, is copied into `a`). When the window can't be used, or once it stops, the children are pulled into `a`
 * and linked to the flow, as lay_seq_new takes them. Pages whose static content cites a
 * number not known yet are made with recipes in `recipes` (lay_seq_pages_now's `keep`)
 * and handed over with them; with `recipes` NULL the window stops at the first. */
lay_seq *lay_seq_new_pulled(lay_ctx *ctx, fo_node *head, arena *a, lay_flow_pull pull,
                            void *pull_ud, lay_page_sink sink, void *ud, arena *recipes);

/* The arenas besides the sequence's own that its remaining pages point into (the window's
 * layout chunks), moved to the caller (malloc'd array, *n of them; NULL when none): destroy
 * them with the sequence's arena, once its last page is painted. */
arena **lay_seq_take_arenas(lay_seq *s, size_t *n);

/* Pages in the sequence, blank ones included. */
size_t lay_seq_page_count(const lay_seq *s);

/* True while a number the sequence cites is known neither from this pass nor from the
 * previous one (its pages would show a placeholder): a forward reference not laid out yet.
 * Before the sequence's pages were made, only its flow counts; after, its static content
 * too. */
bool lay_seq_waits(const lay_seq *s);

/* Makes the sequence's next pages, at most `max` of them (0: all the rest), in
 * `pages_arena` (the sequence's arena must outlive them): pages leave in batches, each
 * batch in its own arena, freed once painted. Before the first page, the flow's blocks
 * whose citations showed other numbers are laid out again. When the first batch's static
 * content cites a number not known yet, *provisional is set: the caller drops the batch,
 * and the next call starts again from the first page. With `provisional` NULL, the pages
 * are final whatever they cite (the end of a pass: what is unknown now stays so). */
lay_pages lay_seq_pages(lay_seq *s, arena *pages_arena, size_t max, bool *provisional);

/* True once the sequence's last page was made. */
bool lay_seq_pages_done(const lay_seq *s);

/* Pages made before the numbers they cite are known (lay_remake.c): what a page whose
 * static content cited a number not known yet needs to lay that static content out again
 * (lay_remake, above). */

/* lay_seq_pages for a caller that won't wait: the next pages (at most `max`, > 0) are made
 * at once with the numbers known now. remakes[k] receives page k's recipe, or NULL when
 * the page is final; recipes live in `keep`, which must outlive them (not the sequence's
 * arena: a page with a recipe no longer needs its sequence once copied elsewhere). Each
 * recipe must be used once (lay_remake_page), or the pass ends with placeholders. */
lay_pages lay_seq_pages_now(lay_seq *s, arena *pages_arena, size_t max, arena *keep,
                            lay_remake **remakes);

/* Whether the sequence's pages can be made before the numbers its flow cites are known
 * (lay_seq_pages_now then keeps what its waiting blocks need to be laid out again); false
 * when its flow must wait unmade (text straight in the flow citing, lines beside a float). */
bool lay_seq_patchable(lay_seq *s);

/* True while a number the recipe's page cites is still unknown. */
bool lay_remake_waits(const lay_remake *r);

/* Lays the static content of page `pg` (made with recipe `r`, its boxes as they were made)
 * out again with the numbers known now, and its flow's blocks that waited; the new box
 * array is allocated in `a`. False when such a block broke into other lines: the page,
 * and those after it, are not final (the document takes another pass). */
bool lay_remake_page(const lay_remake *r, lay_page *pg, arena *a);

/* lay_seq_new and lay_seq_pages at once, all in `a`: pages with the numbers known now. */
lay_pages lay_sequence(lay_ctx *ctx, const fo_node *page_sequence, arena *a);

/* Every page-sequence of the pass was laid out: the last one's last page is final. */
void lay_ctx_flows_done(lay_ctx *ctx);

/* Ends a pass over the document: returns true when a further pass is needed because a
 * page-number-citation was laid out with a number that differs from where its id finally
 * landed (or with a placeholder). Resets sequence numbering for the next pass. */
bool lay_ctx_pass_done(lay_ctx *ctx);

/* True once the pass is known to need another because a sequence changed its page count
 * (the sequences after it are numbered otherwise): pages handed over from here on may
 * differ in the next pass. A block of a made page that broke into other lines is told by
 * lay_remake_page instead: the pages before it stand. */
bool lay_ctx_redo_pending(const lay_ctx *ctx);

/* True when the pass just done laid out citations that were not known yet (forward
 * references). The first pass can be painted directly when this is false. */
bool lay_ctx_has_forward_refs(const lay_ctx *ctx);

/* Total pages laid out in the last completed pass. */
int lay_ctx_page_count(const lay_ctx *ctx);

/* The outline from the document's bookmark-tree, allocated in `a`; NULL if none. */
lay_outline *lay_outline_build(lay_ctx *ctx, arena *a);

#endif
