/* Layout internals: the galley, pagination, masters, tables and the context.
 *
 * A flow is first turned into a galley: a list of unbreakable vertical items (a line, a
 * table row, a padding strip, a block-container) with, between each item and the one
 * before, the decision data pagination needs (space, keep strength, forced break). Each
 * item carries its boxes relative to its own top. Backgrounds and borders of blocks are
 * kept apart as decorations over item ranges, so a block split across pages gets them on
 * every part. Pagination (lay_paginate) is a pure function over the decision data;
 * lay_page.c then copies the boxes of each page's items into the page.
 */
#ifndef LIVRABLES_LAYOUT_INTERNAL_H
#define LIVRABLES_LAYOUT_INTERNAL_H

#include "layout/layout.h"
#include "text/text.h"

/* Keep strength given to widows/orphans constraints: stronger than any integer keep an
 * author would write, weaker than "always". */
#define LAY_KEEP_LINES 1000000

/* ---- growable box lists ----------------------------------------------------------------- */

typedef struct {
    lay_box *v;
    size_t n, cap;
    arena *own; /* set: the list grows there, whatever arena its callers give (a flow's
                 * galley outlives the arenas of the blocks laid out into it) */
} lay_boxv;

/* Appends a zeroed box of `kind` to `bv` (grown in `a`) and returns it. */
lay_box *lay_boxv_push(lay_boxv *bv, arena *a, lay_box_kind kind);

/* &v[i]. An empty list has no array (v NULL): &v[0] is then NULL, as pointer arithmetic on
 * NULL, even adding 0, is undefined. */
static inline const lay_box *lay_boxes_at(const lay_box *v, size_t i)
{
    return i ? v + i : v;
}

/* Appends copies of `n` boxes moved by (dx, dy). */
void lay_boxv_append(lay_boxv *bv, arena *a, const lay_box *src, size_t n, double dx, double dy);

lay_color lay_color_of(fo_color c);

/* ---- pagination: a pure function --------------------------------------------------------- */

/* What pagination needs to know about an item and the gap before it. */
typedef struct {
    double height;
    double space;      /* resolved space in the gap before the item */
    bool discard;      /* that space is dropped when the item starts a page */
    int keep;          /* keep strength of the gap: 0 free, FO_KEEP_ALWAYS never broken */
    fo_kw brk;         /* forced break before: FO_KW_page/odd_page/even_page, else 0 */
    int table;         /* > 0: a body row of that table (header/footer repeat at breaks) */
    double header_h;   /* heights repeated when breaking inside `table` (0 if omitted) */
    double footer_h;
    double footnote_h; /* footnote bodies cited by this item, placed at the page bottom */
    double float_h;    /* before-floats anchored in this item, stacked at a page top */
    double float_sep_h; /* the before-float separator shown above them (lay_float.c) */
} lay_pitem;

/* Items [start, end) of a multi-column page set from (x, y) of its body: a column, or a
 * band across the body (span="all"). */
typedef struct {
    size_t start, end;
    double x, y;
} lay_colslot;

typedef struct {
    size_t start, end;     /* items [start, end) on the page */
    bool blank;            /* inserted for an odd/even break: no items */
    int header_table;      /* table whose header repeats at the top, 0 none */
    int footer_table;      /* table whose footer repeats at the bottom, 0 none */
    const lay_colslot *slots; /* a multi-column page's columns and bands (lay_columns.h); */
    size_t nslots;            /* NULL: the items stack from the body's top */
    /* the before-floats of items [float_from, float_to) stand at the page's top */
    size_t float_from, float_to;
} lay_pbreak;

/* Body height available on page `index` (0-based within the sequence). */
typedef double (*lay_avail_fn)(void *ud, size_t index);

/* Splits items into pages, greedily (first fit), honouring forced breaks, keeps (the
 * latest break of the weakest keep wins when nothing free fits), repeated table headers
 * and footers and footnotes. A before-float goes to the top of its anchor's page when it
 * fits there, else to the next pages, in order (pages of floats alone may follow the
 * last item). `first_number` is the number of the first page, used for
 * odd/even breaks (blank pages are inserted). Returns the number of pages; *out is
 * allocated in `a`. An item taller than a page gets a page of its own. n == 0 gives one
 * empty page. */
size_t lay_paginate(const lay_pitem *items, size_t n, lay_avail_fn avail, void *ud,
                    int first_number, lay_pbreak **out, arena *a);

/* The same over items that more will follow (`more`): only the first pages, those that
 * no item to come can change (each ends where an item already there overflowed it or
 * broke it), as lay_paginate would give them for any continuation. Pagination resumes at
 * the end of the last of them, with `header` the table whose header repeats at the top of
 * the first page (that page's footer_table). Pages holding before-floats are never final
 * (floats may wait for later pages). With `more` false, it is lay_paginate starting with
 * that header. */
size_t lay_paginate_resume(const lay_pitem *items, size_t n, bool more, int header,
                           lay_avail_fn avail, void *ud, int first_number, lay_pbreak **out,
                           arena *a);

/* The header to resume with after pages pb[0, np) that started with `header`: the footer
 * table of the last page that is not blank (blank pages carry it over). */
static inline int lay_pbreak_header_after(const lay_pbreak *pb, size_t np, int header)
{
    for (size_t i = np; i-- > 0;)
        if (!pb[i].blank)
            return pb[i].footer_table;
    return header;
}

/* Where a page (or column) of height h starting at item s ends (exclusive, at most n):
 * first fit as lay_paginate does it. y0: height already used at its top. At least one
 * item is taken. */
size_t lay_page_fill(const lay_pitem *items, size_t n, size_t s, double h, double y0);

/* The number of a page-sequence's first page: `next_number` continued, or its
 * initial-page-number `ipn` (a number when `ipn_given`, or auto/auto-odd/auto-even as
 * FO_INT_KW). *lead_blank is set when a blank page must come first because the previous
 * sequence (if `after_pages`) had force-page-count="auto" and ended on the parity the new
 * first page needs for itself; that blank page takes number next_number. */
int lay_start_number(int next_number, bool after_pages, bool prev_force_auto, int ipn,
                     bool ipn_given, bool *lead_blank);

/* ---- galleys ------------------------------------------------------------------------------ */

typedef struct {
    size_t first, count; /* boxes of the item in the galley's box list */
    /* The first `under` of them are underlays (table cell and row backgrounds): painted
     * before every other box of the page, so that a row's background never covers the
     * collapsed border the row above shares with it. */
    size_t under;
    /* A body row of a table whose header retrieves table markers: the header variant
     * repeated on a page this item starts (0: lay_table_rep's own header). */
    int header_variant;
    /* The same for a footer with fo:retrieve-table-marker repeated on a page this item
     * ends (0: lay_table_rep's own footer). */
    int footer_variant;
} lay_icontent;

/* A background and borders drawn over the items [first, last] on each page they reach. */
typedef struct {
    size_t first, last;
    double x, w;           /* border box, in the galley's frame */
    double bw[4];          /* border widths: before, after, start, end */
    lay_color bc[4];
    lay_line_style bs[4];
    lay_color bg;          /* a == 0: none */
    bool continued;        /* it started on a page dropped from the galley (its top border
                            * was drawn there): lay_galley_drop_front */
} lay_decor;

typedef struct {
    const char *id;
    size_t first, last; /* items */
    double x;
} lay_idrec;

typedef struct {
    const char *cls;
    const fo_node *marker;
    size_t first, last;
    /* it started, or ended too, on pages dropped from the galley (first or last is then 0):
     * lay_galley_drop_front */
    bool started_before, ended_before;
    bool kept; /* marker (and cls) copied out of its flow child's chunk (lay_window.c) */
} lay_markrec;

typedef struct {
    const char *cls;
    const fo_node *marker;
} lay_markref;

typedef struct lay_table_rep lay_table_rep;

/* Laid-out content of a table header or footer, repeated at breaks. */
struct lay_table_rep {
    lay_box *header, *footer;
    size_t nheader, nfooter;
    size_t nheader_under, nfooter_under; /* leading underlays, as lay_icontent.under */
    double header_h, footer_h;
    /* A header with fo:retrieve-table-marker differs by the row a page starts with:
     * variants[k - 1] (header fields only) is header variant k. */
    lay_table_rep *variants;
    int nvariants;
    /* The same for a footer, by the row a page ends with: fvariants[k - 1] (footer fields
     * only) is footer variant k. */
    lay_table_rep *fvariants;
    int nfvariants;
};

typedef struct {
    arena *a;
    lay_pitem *pi;
    lay_icontent *ic;
    size_t n, cap;
    lay_boxv boxes;
    lay_decor *decor;
    size_t ndecor, capdecor;
    lay_idrec *ids;
    size_t nids, capids;
    lay_markrec *marks;
    size_t nmarks, capmarks;
    lay_table_rep **tables; /* indexed by lay_pitem.table - 1 */
    size_t ntables, captables;
    /* Boxes added to an item after later items were made (list labels), and footnote
     * bodies cited by an item (stacked from 0; their height is in pi[].footnote_h).
     * Parallel to the items, allocated on first use. */
    lay_boxv *extra;
    lay_boxv *fnotes;
    /* the next gap, accumulated until the next item is added */
    double pend_space;
    bool pend_discard;
    bool pend_any;
    int pend_keep;
    fo_kw pend_brk;
    int cur_table;
    int cur_header_variant; /* of the items made for cur_table's body rows */
    int cur_footer_variant;
    struct lay_floats *floats; /* before-floats made and side floats beside the lines to
                                * come (lay_float.c); NULL when there are none */
} lay_galley;

void lay_galley_init(lay_galley *g, arena *a);

/* Space joining the pending gap (spaces meeting at a gap resolve to their maximum). */
void lay_galley_space(lay_galley *g, double space, bool discard);
void lay_galley_keep(lay_galley *g, int strength);
void lay_galley_break(lay_galley *g, fo_kw brk);

/* Starts a new item of `height`, taking the pending gap. Boxes pushed to g->boxes until
 * the next call belong to it. Returns its index. */
size_t lay_galley_item(lay_galley *g, double height);

/* The state of a galley between two top-level blocks of a flow, to lay the rest out again
 * (at another width) from there. */
typedef struct {
    size_t n, nboxes, ndecor, nids, nmarks, ntables;
    double pend_space;
    bool pend_discard, pend_any;
    int pend_keep;
    fo_kw pend_brk;
    int cur_table;
} lay_galley_mark;

void lay_galley_mark_get(const lay_galley *g, lay_galley_mark *m);

/* Drops everything added to `g` since `m` was taken. */
void lay_galley_truncate(lay_galley *g, const lay_galley_mark *m);

/* The items [from, to) take the boxes of the as many items laid out again after `end` (the
 * galley's end then), which are dropped (lay_galley_truncate). Their lines may hold
 * another count of boxes (underlays alike): the box list is spliced, the later items'
 * boxes move by *delta, which the caller's marks past `from` must follow. */
void lay_galley_take_boxes(lay_galley *g, size_t from, size_t to, const lay_galley_mark *end,
                           ptrdiff_t *delta);

/* What lay_galley_drop_front took away: counts to rebase indices into the galley by. */
typedef struct {
    size_t items, boxes, decor, ids, marks;
} lay_galley_drop;

/* Drops items [0, k) of the flow's galley, whose pages are made (the page window): the
 * arrays shift down and every index is rebased. A decoration reaching past k stays,
 * marked continued; ids of the dropped items go (the caller placed them); markers stay
 * when they reach past k, or when they are the last of their class before k (static
 * content on later pages may retrieve them), marked started/ended before. The galley
 * must hold no floats. */
lay_galley_drop lay_galley_drop_front(lay_galley *g, size_t k);

/* A mark taken before the drop, rebased (its state must be past the dropped items). */
void lay_galley_mark_rebase(lay_galley_mark *m, const lay_galley_drop *d);

/* Stacks the whole galley without page breaks: boxes moved by (dx, dy) into `out`, with
 * decorations first, then the items' underlays, then their other boxes. Leading and
 * trailing discardable spaces are dropped. Returns the height. */
double lay_galley_stack(const lay_galley *g, lay_boxv *out, arena *a, double dx, double dy);

/* The same for items [from, to) only, as if they were the whole galley (a slice of a
 * table cell shown on one page); decorations cut at the range ends. */
double lay_galley_stack_range(const lay_galley *g, size_t from, size_t to, lay_boxv *out,
                              arena *a, double dx, double dy);

/* The boxes of item i (the extra ones are apart). */
const lay_box *lay_galley_item_boxes(const lay_galley *g, size_t i, size_t *n);

/* The extra or footnote box list of item i, allocated on first use. */
lay_boxv *lay_galley_extra(lay_galley *g, size_t i);
lay_boxv *lay_galley_fnotes(lay_galley *g, size_t i);

/* The height lay_galley_stack would give. */
double lay_galley_height(const lay_galley *g);

/* Adds a decoration (kept in order of first item); returns its index. */
long lay_galley_decor(lay_galley *g, lay_decor d);

/* Emits the decoration `d` for items [a, b] of g shown at y_top..y_bottom. */
void lay_decor_emit(const lay_decor *d, lay_boxv *out, arena *a, double dx, double y_top,
                    double y_bottom, bool first_part, bool last_part);

/* ---- context ----------------------------------------------------------------------------- */

typedef struct lay_idtab lay_idtab;

struct lay_ctx {
    const fo_doc *doc;
    tx_engine *tx;
    diag *d;
    const char *file;
    arena *a; /* lives as long as the context: id table, strings */
    lay_idtab *ids;
    int next_number;   /* page number of the next page of this pass */
    int pages;         /* pages laid out in this pass */
    int max_pages;     /* more is an error (runaway documents) */
    int last_pages;    /* in the last completed pass */
    int pass;
    bool forward_refs; /* this pass used an unknown id */
    bool last_forward_refs;
    bool changed;      /* a cited value differs from the final one */
    bool must_redo;    /* a held block laid out again broke otherwise: one more pass */
    bool must_redo_page; /* the same for a block of a made page (lay_remake_page tells) */
    bool prev_force_auto; /* the previous sequence had force-page-count="auto" */
    const char *prev_seq_ids[2]; /* ids of the previous page-sequence and its flow */
    int anon_seq;      /* counter for flow page-number keys, reset every pass */
    unsigned long snode_seq; /* structure elements made so far: their order */
    strlist *inputs;   /* files read, for dependency files; borrowed, may be NULL */
    void *images;      /* GHashTable: resolved path -> lay_image (in ctx->a), or missing */
    double min_ppi;    /* a bitmap printed below it is warned about; 0: never */
    void *low_ppi_warned; /* GHashTable: paths of the images already warned about */
    /* change bars begun and not ended yet: their class, galley and decoration */
    struct {
        const char *cls;
        const lay_galley *g;
        long decor;
    } cbars[16];
    int ncbars;
    /* index entries (lay_index.c): anchors made this pass, and the table of index keys,
     * which lasts across passes so that an index before its entries converges */
    int index_seq;
    void *index_keys; /* GHashTable: index-key -> GPtrArray of lay_index_entry */
    void *index_anchors; /* GHashTable: anchor id -> the entry, registered once */
    void *index_cited;   /* GHashTable: index-key -> the last pass a citation list showed it */
    bool index_grew;     /* a key got an entry after a list showed it: lay out again */
};

/* ---- indexes (lay_index.c) ---------------------------------------------------------------- */

/* Releases the index tables of a context (lay_ctx_destroy). */
void lay_index_free(lay_ctx *ctx);

/* Page number formatting (format "1", "01", "i", "I", "a", "A"); writes into buf. */
void lay_format_number(int n, const char *format, char *buf, size_t size);

/* Records where `id` landed in this pass (first and last page). */
void lay_ctx_id_place(lay_ctx *ctx, const char *id, int first_page, const char *first_label,
                      int last_page, const char *last_label);

/* Forgets where `id` landed in this pass: its content was laid out again and is placed
 * anew. */
void lay_ctx_id_forget(lay_ctx *ctx, const char *id);

/* Marks the last page of `id` (placed in this pass) as one that may still move (a
 * page-sequence that may get a blank page at its end): citations of it then show the
 * previous pass's value when there is one. */
void lay_ctx_id_provisional(lay_ctx *ctx, const char *id);

/* The label to show for a citation of `id` (last page when `last`), recording its use for
 * convergence. Unknown ids give a placeholder "00" and mark a forward reference. */
const char *lay_ctx_cite(lay_ctx *ctx, const char *id, bool last, arena *a);

/* The same, with the page's number in *number (0 while unknown), for index ranges. */
const char *lay_ctx_cite_page(lay_ctx *ctx, const char *id, bool last, arena *a, int *number);

/* The last page of `id` is final (the sequence after it has started). */
void lay_ctx_id_settled(lay_ctx *ctx, const char *id);

/* Citation records are numbered in the order they were made: lay_ctx_cite_mark() is the
 * number of the next one, and [from, to) a range of them. */
size_t lay_ctx_cite_mark(const lay_ctx *ctx);

/* Whether a forward citation of the range still has no value at all (neither from this
 * pass nor from the previous one): what it shows is a placeholder. */
bool lay_ctx_cites_waiting(const lay_ctx *ctx, size_t from, size_t to);

/* lay_ctx_cites_waiting counting superseded citations too: those of the pages the window
 * made with recipes, superseded at once so that the flow's ranges they fall in skip them. */
bool lay_ctx_cites_waiting_any(const lay_ctx *ctx, size_t from, size_t to);

/* Whether a forward citation of the range still has no value of this pass (it may show
 * the previous pass's): what the page window's citing blocks wait on. */
bool lay_ctx_cites_unknown(const lay_ctx *ctx, size_t from, size_t to);

/* Whether a citation of the range had no value of this pass when made (what it showed
 * may still change). */
bool lay_ctx_cites_forward(const lay_ctx *ctx, size_t from, size_t to);

/* Whether a forward citation of the range showed something else than its id's value now. */
bool lay_ctx_cites_changed(const lay_ctx *ctx, size_t from, size_t to);

/* The content holding the range was laid out again: those records no longer count. */
void lay_ctx_cites_supersede(lay_ctx *ctx, size_t from, size_t to);

/* Asks for another pass (lay_ctx_pass_done returns true): the pages handed over from now on
 * may differ in it (lay_ctx_redo_pending). */
void lay_ctx_must_redo(lay_ctx *ctx);

/* The same when a block of a made page broke into other lines: only that page and those
 * after it may differ (lay_remake_page returns false for it). */
void lay_ctx_must_redo_from_page(lay_ctx *ctx);

/* ---- page masters ------------------------------------------------------------------------ */

typedef struct {
    double width, height;
    double body_x, body_y, body_w, body_h;
    /* regions: 0 before, 1 after, 2 start, 3 end */
    bool has_region[4];
    double rx[4], ry[4], rw[4], rh[4];
    const char *region_name[4];
    const char *body_name;
    const fo_node *region[4];
    const fo_node *body;
    /* The region-body's reference-orientation in quarter turns (lay_orient.c): its flow is
     * laid out in body_w x body_h, already swapped for a quarter turn, then turned into
     * the body's place on the page, whose size is lay_geometry_body_rect's. */
    int body_turn;
    int columns;        /* the region-body's column-count, at least 1 */
    double column_gap;
} lay_geometry;

/* The region-body's rectangle on the page, turned or not. */
void lay_geometry_body_rect(const lay_geometry *g, double *x, double *y, double *w, double *h);

/* Turns the body's boxes v[0..n) of a page laid out with geometry g (a region-body with
 * reference-orientation) into their place on the page; nothing when it has none. */
void lay_geometry_turn_body(const lay_geometry *g, lay_box *v, size_t n);

/* The geometry of a simple-page-master. */
void lay_master_geometry(const fo_node *spm, lay_geometry *g);

/* Where a page-sequence-master is in its sub-sequences. */
typedef struct {
    int index;   /* current child */
    int repeats; /* pages taken from it */
} lay_master_state;

/* The master-name to use for the next page of a page-sequence-master, advancing `st`.
 * `first`/`last`: page position in the sequence; `odd`: its number is odd; `blank`: a
 * page with no flow content. Returns NULL when the master is exhausted. */
const char *lay_master_pick(const fo_node *psm, lay_master_state *st, bool first, bool last,
                            bool odd, bool blank);

/* ---- tables --------------------------------------------------------------------------------- */

/* Column widths: each spec is an fo_len (abs + rel * table width + prop * unit) or auto.
 * Fixed and percentage widths first; the rest shared by proportional units, auto columns
 * counting as one unit each: table-layout="fixed". Writes n widths to out. */
void lay_table_column_widths(const fo_len *specs, int n, double table_width, double *out);

/* Column widths by content (table-layout="auto", CSS 2.1 § 17.5.2.2 in spirit): columns
 * with a width spec keep it as above; auto columns share the rest by their content widths
 * minw/maxw (the longest word, the whole text on one line; padding and borders in):
 * each gets its max-content width when all fit (the slack shared in proportion to it),
 * else its min-content width plus the room left in proportion to max - min, else
 * min-content widths scaled down to fit. Proportional columns, if any, share what the
 * auto columns' max-content widths leave. Writes n widths to out. */
void lay_table_auto_widths(const fo_len *specs, const double *minw, const double *maxw, int n,
                           double table_width, double *out);

/* ---- builders (lay_block.c, lay_list.c, lay_table.c) -------------------------------------- */

/* A marker a page's static content retrieved, kept for when it is laid out again. */
typedef struct {
    const char *cls;
    fo_kw position;
    const fo_node *marker;
} lay_markfound;

/* Per-page data for static content. */
typedef struct {
    int number;
    const char *label;
    const lay_galley *flow; /* the flow's galley, for markers */
    size_t start, end;      /* the page's items in it */
    /* markers found before, consulted first: a page laid out again after its flow's
     * galley is gone (lay_remake.c) */
    const lay_markfound *found;
    size_t nfound;
} lay_pageinfo;

typedef struct lay_build {
    lay_ctx *ctx;
    arena *a;
    lay_galley *g;
    double ref_w;          /* width of the reference area */
    double x0;             /* where the reference area starts in the galley's frame */
    double body_w;         /* width of the region body, for footnotes */
    double page_h;         /* body height of a page: taller table rows are split; 0 never */
    /* A block that pages of another width cut (lay_page.c): the lines that paragraphs
     * put in galley `wide_g` from its item `wide_at` on (0: none) are `wide_dw` wider. */
    const lay_galley *wide_g;
    size_t wide_at;
    double wide_dw;
    bool measure;          /* measuring content widths: text-align start, no hyphenation,
                              words joined by hyphens kept whole */
    const lay_pageinfo *page; /* static content: the page being decorated; NULL in flows */
    const lay_snode *sn;   /* structure element content laid out now belongs to */
    /* A table header being laid out: the body rows, and the one that starts the table
     * fragment, whose markers its fo:retrieve-table-marker elements show; none elsewhere. */
    const fo_node *const *marker_rows;
    int nmarker_rows, marker_row;
    bool marker_footer; /* a table footer: marker_row ends the fragment */
    double float_sep_h; /* height of the page-sequence's before-float separator */
    bool before_in_place; /* before-floats laid out where they stand (multi-column pages) */
} lay_build;

/* Builds items for the block-level children of `parent` (a flow, a block, a cell...). */
void lay_blocks(lay_build *b, const fo_node *parent);

/* The children of a flow, from `from` on (NULL: all), into b's galley; before each
 * block-level child (inline content before it done), at(ud, child) is called. */
void lay_flow_children(lay_build *b, const fo_node *flow, const fo_node *from,
                       void (*at)(void *ud, const fo_node *child), void *ud);

/* lay_flow_children over children pulled one at a time: pull(pull_ud) gives the next one
 * (NULL at the flow's end), once the one before it is laid out. */
void lay_flow_children_pulled(lay_build *b, const fo_node *flow,
                              const fo_node *(*pull)(void *pull_ud), void *pull_ud,
                              void (*at)(void *ud, const fo_node *child), void *ud);

/* One block-level FO (block, block-container, list-block, table...). */
void lay_block_level(lay_build *b, const fo_node *n);

void lay_block(lay_build *b, const fo_node *n);
void lay_list_block(lay_build *b, const fo_node *n);
void lay_table(lay_build *b, const fo_node *n);

/* A sub-galley for a reference area of width `w` (a cell, a block-container...). */
void lay_sub_build(const lay_build *parent, lay_build *sub, lay_galley *g, double w);

/* A static-content `sc` laid out for the page `info` into `out`, in `region` (for its
 * display-align) at (x, y) of size w x h. */
void lay_static_place(lay_ctx *ctx, arena *a, const fo_node *sc, const fo_node *region,
                      const lay_pageinfo *info, lay_boxv *out, double x, double y, double w,
                      double h);

/* What lay_seq_pages tells of each page's static content as it makes the page, for the
 * pages made before the numbers it cites are known (lay_remake.c). */
typedef struct {
    const fo_node *sc, *region;
    double x, y, w, h;
} lay_static_region;

typedef struct {
    const fo_node *ps;             /* the page-sequence, its static contents */
    const lay_pageinfo *info;      /* number, label, items (for markers) */
    size_t static_from, static_to; /* the page's static content boxes */
    size_t cite_from, cite_to;     /* the citation records that static content made */
    lay_static_region regions[4];
    int nregions;
} lay_page_statics;

/* Called for page i of the sequence (0: its first) once its static content is made. */
typedef void (*lay_page_hook)(void *ud, size_t i, const lay_page_statics *st);
void lay_seq_page_hook_set(lay_seq *s, lay_page_hook fn, void *ud);

void *lay_seq_page_hook_ud(const lay_seq *s); /* NULL until set */

/* Where lay_seq_pages put the boxes of the flow's item `item` on page `page`: its
 * underlays, its other boxes (its extra boxes right after them), or its footnotes, from
 * `pos` in the page's box array, moved by (dx, dy). Not told for a turned region-body. */
typedef enum { LAY_PART_UNDER, LAY_PART_MAIN, LAY_PART_FOOTNOTES } lay_item_part;
typedef void (*lay_item_hook)(void *ud, size_t page, size_t item, lay_item_part part,
                              size_t pos, double dx, double dy);
void lay_seq_item_hook_set(lay_seq *s, lay_item_hook fn, void *ud);

/* Lays out again the flow's blocks whose citations now show other numbers (once; done by
 * lay_seq_pages otherwise). */
void lay_seq_settle(lay_seq *s);

/* A block of the flow whose forward citations wait, and how to lay it out again alone. */
typedef struct {
    const fo_node *child;  /* in the sequence's arena */
    lay_galley_mark m;     /* the galley's state before it */
    double ref_w, body_w;
    size_t wide_at;        /* relative to its first item, 0: none */
    double wide_dw;
    unsigned long snode_seq;
    int anon_seq;
    size_t cite_from, cite_to; /* its citation records */
    size_t item_from, item_to; /* its items in the galley */
    const lay_build *b;    /* how the flow was laid out (the sequence's) */
} lay_flow_block;

/* The flow's blocks whose citations still wait, in order, in `a`; false when some waiting
 * citation can't be patched that way (text straight in the flow, lines beside a float). */
bool lay_seq_waiting_blocks(lay_seq *s, arena *a, lay_flow_block **out, size_t *n);

/* The flow's blocks (lay_flow_block) whose items start before galley item `end` and whose
 * citations had no value of this pass when made (lay_ctx_cites_forward), in `a`: the page
 * window makes their pages with recipes. */
void lay_seq_forward_blocks(lay_seq *s, size_t end, arena *a, lay_flow_block **out, size_t *n);

/* The flow's items the page window made pages of and dropped from the galley: the
 * galley's item 0 is the flow's item lay_seq_items_dropped(s). */
size_t lay_seq_items_dropped(const lay_seq *s);

/* The window's next batch of pages (page i of the batch told as i): out[i] receives the
 * recipe of page i when its static content waits or it shows items of blocks[0, n), the
 * flow's blocks with forward citations whose items start on the batch (not kept yet, in
 * item order, their items counted from galley item 0, which is the flow's item `base`),
 * else NULL. Recipes and the blocks' copies go in `keep` (lay_remake.c); the blocks wait
 * until their ids have a value of this pass (lay_ctx_cites_unknown). */
void lay_seq_remake_window(lay_seq *s, arena *keep, lay_remake **out, size_t base,
                           const lay_flow_block *blocks, size_t n);
lay_ctx *lay_seq_ctx(const lay_seq *s);
size_t lay_seq_pages_made(const lay_seq *s); /* the next page lay_seq_pages makes */

/* Marker retrieval for static content: the marker of class `cls` for the page, or NULL. */
const fo_node *lay_marker_find(const lay_pageinfo *pg, const char *cls, fo_kw position);

/* The marker of class `cls` a table header retrieves for the fragment that starts with
 * rows[at] of the table body's `n` rows: the first in that row or a later one, else the
 * last in an earlier row (XSL 1.1 § 6.13.7, first-starting, as far as layout can know it
 * when the header is made); NULL if none. */
const fo_node *lay_table_marker_find(const fo_node *const *rows, int n, int at,
                                     const fo_node *retrieval, bool footer);

/* Records the fo:marker children of `n` (a cell, a list item's body or label, a
 * block-container laid out apart) as marks of the items [first, g->n - 1] of `g`, or of
 * item `first` alone when none was added: a marker whose parent has no other content
 * still marks the place where that parent stands. */
void lay_markers_record(lay_galley *g, const fo_node *n, size_t first);

/* fo:change-bar-begin (`end` false) or fo:change-bar-end `n` at item `item` of b's
 * galley: the bar of its class, a decoration beside the items from the begin's to the
 * end's, in the margin (change-bar-placement, -offset, -width, -style, -color). An end
 * without its begin is ignored. (lay_changebar.c) */
void lay_change_bar(lay_build *b, const fo_node *n, bool end, size_t item);

/* Ends the change bars still open in b's galley at its last item (the end of a flow). */
void lay_change_bars_close(lay_build *b);

/* Moves ids and markers of a sub-galley onto item `item` of the parent galley. */
void lay_galley_adopt(lay_galley *g, const lay_galley *sub, size_t item, double dx);

/* Resolved borders and padding of a node. */
typedef struct {
    double bw[4], pad[4];
    lay_color bc[4];
    lay_line_style bs[4];
} lay_edges;

void lay_edges_get(const fo_node *n, double ref_w, lay_edges *e);
/* Draws the borders and background of a rectangle. */
void lay_edges_draw(const lay_edges *e, fo_color bg, lay_boxv *out, arena *a, double x,
                    double y, double w, double h);

/* Opening and closing a block-level FO: break, space, keeps, id, markers, border and
 * padding strips, background as a decoration. */
typedef struct {
    size_t first; /* first item of the block */
    long decor;   /* index of its decoration, or -1 */
    long idrec;
    size_t mark0, nmark;
    lay_edges edges;
    double x, w;  /* border box in the galley frame */
} lay_frame;

void lay_frame_open(lay_build *b, const fo_node *n, lay_frame *f, double x, double w);
/* The same without the node's borders and padding (a table in the collapsing border
 * model, whose cells draw the table's borders). */
void lay_frame_open_bare(lay_build *b, const fo_node *n, lay_frame *f, double x, double w);

/* The border box (x, width) of a block-level `n` from its indents: the indents reach the
 * content rectangle, padding and border lie inside them (XSL § 5.3.2). */
void lay_border_box(const lay_build *b, const fo_node *n, const lay_edges *e, double *x,
                    double *w);
void lay_frame_close(lay_build *b, const fo_node *n, lay_frame *f);

/* Lengths of a node resolved for the current reference area. */
double lay_start_indent(const lay_build *b, const fo_node *n);
double lay_end_indent(const lay_build *b, const fo_node *n);

/* ---- floats (lay_float.c) ------------------------------------------------------------------ */

/* FO_KW_before, FO_KW_start or FO_KW_end (left, right, inside and outside mapped for
 * lr-tb), or FO_KW_none: the float is laid out as plain blocks where it stands. */
fo_kw lay_float_kind(const lay_build *b, const fo_node *n);

/* A before-float's content laid out at the region-body's width (in b's arena). */
lay_galley *lay_float_before_new(const lay_build *b, const fo_node *n);

/* Hangs the before-float laid out in `fg` on item `item` of b's galley (the line holding
 * its anchor): pi[item].float_h grows by its height. */
void lay_float_before_attach(const lay_build *b, size_t item, const lay_galley *fg);

/* Moves the before-floats of a sub-galley (a cell, a list label) onto item `item` of g. */
void lay_floats_adopt(lay_galley *g, const lay_galley *sub, size_t item);

/* Drops the floats hanging on items from `n` on (lay_galley_truncate). */
void lay_floats_truncate(lay_galley *g, size_t n);

/* The height of the page-sequence's xsl-before-float-separator at b's body width; 0 when
 * it has none. */
double lay_float_separator_h(const lay_build *b, const fo_node *ps);

/* Places, at (x, y) of width w, the separator and the before-floats page `pb` holds, as
 * pagination decided; returns their height (0: none on this page). Boxes in `a`. */
double lay_floats_place(lay_ctx *ctx, arena *a, const fo_node *ps, const lay_galley *g,
                        const lay_pbreak *pb, const lay_pageinfo *page, lay_boxv *out,
                        double x, double y, double w);

/* Places the ids inside the before-floats on the pages the floats land on (pages[p] for
 * pb[p], np of them); `again`: they were placed by an earlier layout of the flow. */
void lay_floats_place_ids(lay_ctx *ctx, const lay_galley *g, const lay_pbreak *pb, size_t np,
                          const lay_page *pages, bool again);

/* A side float laid out, not placed yet (in b's arena). */
typedef struct lay_float_side lay_float_side;
lay_float_side *lay_float_side_new(const lay_build *b, const fo_node *n, fo_kw side);

/* Whether side float `f` is so wide that the lines beside it would be too short (less
 * than a fifth of the reference area): it is then laid out as a block where it stands,
 * one unbreakable item of b's galley (lay_float_side_block). */
bool lay_float_side_fills(const lay_build *b, const lay_float_side *f);
void lay_float_side_block(const lay_build *b, const lay_float_side *f);

/* Places the `nnew` side floats anchored in a paragraph about to be made in b's galley
 * (at their edge, beside the floats standing there), and says how its lines, with start
 * and end indents si, ei and a line-height of about lh, are shortened by the floats beside
 * them, older and new. Returns the number of lines concerned; (*narrow)[i] is what line i
 * loses, (*shift)[i] what it loses at its start. Arrays in b's arena. */
size_t lay_float_narrow(const lay_build *b, lay_float_side *const *fs, size_t nnew,
                        double si, double ei, double lh, double **narrow, double **shift);

/* Stands the `n` side floats placed by lay_float_narrow at the top of item `item` (the
 * first line of the paragraph holding their anchors). */
void lay_float_side_attach(const lay_build *b, lay_float_side *const *fs, size_t n, size_t item);

/* Whether lines of g were made beside a side float: a block of it laid out again alone,
 * elsewhere, would not be beside it. */
bool lay_floats_side_any(const lay_galley *g);

/* Before a block-level `n`: when it clears a side float (its `clear`, or any block-level
 * object other than a block), space that moves it below the float. */
void lay_float_clear(lay_build *b, const fo_node *n);

/* ---- structure (lay_struct.c) ------------------------------------------------------------- */

/* A new structure element of `type` for `n` (NULL: none), child of b->sn, in b->a. Its
 * language is n's; its alternative text n's fox:alt-text. */
lay_snode *lay_snode_new(lay_build *b, const fo_node *n, const char *type);

/* The element a block-level FO makes (P, its role, Div, L, Table, Caption...), or b->sn
 * when it makes none (a wrapper). */
const lay_snode *lay_snode_block(lay_build *b, const fo_node *n);

/* The element an inline FO makes: a Link, or a Span for a role or another language; NULL
 * when it makes none. `parent` is the element around it. */
const lay_snode *lay_snode_inline(lay_build *b, const fo_node *n, const lay_snode *parent);

/* The text of `n`'s descendants, white space collapsed, at most about 200 bytes; NULL when
 * there is none. */
const char *lay_node_text(arena *a, const fo_node *n);

/* When nothing in `g` belongs to a structure element, adds an empty box of `sn` so that the
 * element is written all the same (an empty table cell is still a TD). */
void lay_struct_anchor(lay_galley *g, arena *a, const lay_snode *sn);

/* Marks boxes [from, bv->n) as artifacts (pagination ones when `pagination`). */
void lay_boxv_artifacts(lay_boxv *bv, size_t from, bool pagination);

/* ---- images -------------------------------------------------------------------------------- */

typedef struct {
    const lay_image *image; /* NULL when missing */
    double w, h;            /* viewport size */
    double cx, cy, cw, ch;  /* content rectangle within the viewport */
} lay_graphic;

/* Sizes an external-graphic or instream-foreign-object; reports a missing image. */
lay_graphic lay_graphic_size(lay_ctx *ctx, const fo_node *n, double ref_w, arena *a);

/* Intrinsic size of an image file in points, from its header. Returns false when the
 * format is unknown or the file unreadable. */
/* The kind and intrinsic size (points) of an image given by its file `path` or by its
 * `bytes` (path NULL); false when it can't be read or is too large (below). */
bool lay_image_probe(const char *path, const unsigned char *bytes, size_t n,
                     lay_image_kind *kind, double *w, double *h);

/* Raster images larger than this are refused (cairo's own limit is 32767 a side). */
#define LAY_MAX_IMAGE_SIDE 32767
#define LAY_MAX_IMAGE_PIXELS 50000000

#endif
