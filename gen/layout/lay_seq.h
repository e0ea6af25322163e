/* A page-sequence's layout state, shared by its steps (lay_page.c) and the page window
 * (lay_window.c). Private to gen/layout. */
#ifndef LIVRABLES_LAY_SEQ_H
#define LIVRABLES_LAY_SEQ_H

#include "layout/layout_internal.h"

typedef struct {
    lay_ctx *ctx;
    const fo_node *master; /* simple-page-master or page-sequence-master */
    lay_master_state st;
    const fo_node *last_spm;
    lay_geometry *geo;
    size_t ngeo, cap;
    arena *a;
} picker;

typedef struct {
    picker *pk;
    int first_number;
    bool columns; /* some master has a multi-column body: lay_paginate_columns */
    size_t page0; /* flow pages the window made already: pagination's page 0 is this one */
    int header0;  /* the table whose header repeats atop that page, 0 none */
} avail_ud;

/* Where the flow's layout may start again: before a block-level child of the flow. */
typedef struct {
    const fo_node *child;
    lay_galley_mark m;
    double w;               /* the width the items from here on were laid out at */
    double full_w, col_w;   /* the body's and a column's width then */
    size_t wide_at;         /* the child's lines from this item on are wide_dw wider */
    double wide_dw;         /* (a page of another width cuts it), 0: none */
    size_t cite;            /* the first citation record made by the child */
    unsigned long snode_seq; /* the context's counters before it, to lay it out again */
    int anon_seq;           /* with the same structure order and page-number keys */
} restart_pt;

typedef struct lay_window lay_window;

typedef struct {
    lay_build *b;
    struct lay_seq *seq; /* the sequence whose window makes pages as its flow goes, or NULL */
    restart_pt *v;
    size_t n, cap;
    double full_w, col_w; /* the body's width and a column's, for the children to come */
    /* the child to lay out at wide_w, its lines from item wide_at on wide_dw wider */
    const fo_node *wide_child;
    size_t wide_at;
    double wide_w, wide_dw;
} restarts;

typedef struct {
    lay_ctx *ctx;
    arena *a;
    const fo_node *ps;
    const lay_galley *g;
    const char *format;
    size_t *active; /* decorations running across the page start */
    size_t nactive;
    size_t next_decor;
    lay_item_hook on_item; /* told where items' boxes go, or NULL */
    void *on_item_ud;
    size_t page;
} assembler;

/* Assembling the pages in order: what one page needs from the ones before it. */
typedef struct {
    assembler as;
    lay_master_state st; /* the page-sequence-master's progress */
    double *xs, *ys;     /* item positions on the page being assembled (xs: columns) */
    size_t idk;          /* the next id (sorted) to get a named destination */
} seq_assembly;

/* What a page-sequence's steps share: the sequence, its numbering, its flow's galley,
 * its page breaks and its pages. All but the pages live in the sequence's arena `a`; the
 * pages in the arena of their assembly. */
struct lay_seq {
    lay_ctx *ctx;
    arena *a;
    const fo_node *ps, *flow;
    picker pk;
    avail_ud ud;
    int first_number; /* of the first page of the flow */
    int blank_number; /* of the blank page the previous sequence left to this one */
    size_t lead;      /* 1 when that blank page comes first, else 0 */
    lay_galley g;
    lay_build b;      /* how the flow was laid out, to lay blocks of it out again */
    restarts rs;      /* before each of the flow's blocks */
    size_t cite_begin, cite_end; /* the flow's citation records */
    size_t pcite0, pcite1; /* the citation records of the last assembly */
    bool assembled;
    seq_assembly sa;  /* the pages being made */
    size_t next_page; /* the next one to make; 0: none made yet */
    lay_pbreak *pb;   /* the pages not made by the window: pb[0] is page `made` */
    size_t np;
    lay_page *pages;
    /* The page window (lay_window.c): pages made and handed over while the flow was laid
     * out, the lead blank page included, and the flow pages among them. The galley, pb and
     * pages above start after them. */
    size_t made, page0;
    lay_window *win;        /* NULL: the whole sequence at once */
    bool prev_closed;       /* the previous sequence's last page was settled */
    lay_master_state st_made; /* the page-sequence-master's progress after them */
    size_t nactive_made;    /* decorations running across their end: galley's first ones */
    /* Pages made before the numbers they cite are known (lay_remake.c): */
    lay_page_hook on_page; /* told each page's static content as it is made, or NULL */
    void *on_page_ud;
    lay_item_hook on_item; /* told where the flow's items go, or NULL */
    void *on_item_ud;
    bool settled; /* the blocks whose citations changed were laid out again */
};
typedef lay_seq seq_layout;

/* ---- steps the window shares with lay_page.c ------------------------------------------ */

/* Body height of flow page `index` (counted from ud->page0): avail_ud as ud. */
double lay_seq_avail(void *ud, size_t index);

/* The geometry of the master pk picks for page `index` of the sequence (numbered
 * `number`; the last, a blank one), the picker's state in st. */
void lay_seq_geometry(picker *pk, lay_master_state *st, size_t index, int number, bool last,
                      bool blank, lay_geometry *g);

/* Number and label of the sequence's page `abs` (counting pages made), its title on the
 * first page. */
void lay_seq_label_page(const seq_layout *s, size_t abs, lay_page *pg, arena *pa);

/* Page i of s->pb into pg (labelled): geometry, static content, body, destinations;
 * `last`: the sequence's last page (lay_page_assemble.c). */
void lay_seq_assemble_page(seq_layout *s, seq_assembly *sa, size_t i, lay_page *pg, bool last);

/* The page of pb[0, np) showing item `item`. */
size_t lay_seq_page_of(const lay_pbreak *pb, size_t np, size_t item);

/* The previous sequence's last page is known: the blank page it left is this one's first,
 * and its ids end there. */
void lay_seq_close_previous(seq_layout *s);

/* Before each block-level child of the flow (lay_flow_children's callback, restarts as
 * ud): its restart point, its width (lay_seq_flow.c). */
void lay_seq_on_child(void *ud, const fo_node *child);

/* Paginates the flow's galley, laying blocks out again at the width of the pages they land
 * on; returns the page count, the breaks in *pb. */
size_t lay_seq_paginate_flow(lay_build *b, const fo_node *flow, restarts *rs, avail_ud *ud,
                             int first_number, lay_pbreak **pb);

/* The blank pages force-page-count and the previous sequence ask for, added to s->pb. */
void lay_seq_add_blanks(seq_layout *s);

/* s->pages: every page not made yet, labelled (in pa). */
void lay_seq_label_pages(seq_layout *s, arena *pa);

/* The flow's ids placed on s->pages (again: a layout before this one placed them). */
void lay_seq_place_flow_ids(seq_layout *s, bool again);

/* ---- forward citations (lay_relayout.c) ------------------------------------------------ */

/* The flow's blocks whose forward citations now show other numbers, laid out again. */
void lay_seq_settle_flow(seq_layout *s);

/* ---- the page window (lay_window.c) ---------------------------------------------------- */

/* A window for s when its pages can be made as its flow goes (one body width, no
 * columns), else NULL. Pages go to `sink`. */
lay_window *lay_window_new(seq_layout *s, lay_page_sink sink, void *ud);

/* Before each block-level child of the flow: makes and hands over the pages no content
 * to come can change, drops their items, and starts a new chunk arena for the layout
 * data to come when the current one is full. */
void lay_window_at_child(seq_layout *s);

/* The window pulls the flow's children itself (lay_window_pull), from `pull`; it makes the
 * pages whose static content waits with recipes in `recipes` (NULL: it stops there). */
void lay_window_pull_from(lay_window *w, fo_node *flow, lay_flow_pull pull, void *ud,
                          arena *recipes);

/* Whether it does. */
bool lay_window_pulls(const lay_window *w);

/* The flow's next child (lay_flow_children_pulled's puller, the sequence as ud): the pages
 * no content to come can change made first, then the child pulled into the chunk arena its
 * layout data goes to and linked to the flow. Once the window stopped, into the sequence's
 * arena. */
const fo_node *lay_window_pull(void *ud);

/* Every child left pulled into `a` and linked to the flow (which may be NULL). */
void lay_seq_pull_rest(fo_node *flow, lay_flow_pull pull, void *ud, arena *a);

/* The ids whose first page the window made and whose last one is among s->pages now. */
void lay_window_place_open_ids(seq_layout *s);


#endif
