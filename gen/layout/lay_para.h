/* A paragraph being gathered from a block's inline content (lay_inline.c) and set into
 * lines made into galley items (lay_inline_lines.c). Private to gen/layout. */
#ifndef LIVRABLES_LAY_PARA_H
#define LIVRABLES_LAY_PARA_H

#include "layout/lay_inline.h"

/* An fo:inline-container laid out: its boxes from the top-left corner of its border box,
 * and its galley, whose ids, markers and footnotes the line holding it takes. */
struct lay_inline_box {
    lay_boxv boxes;
    lay_galley g;
    double w, h;
    double ascent; /* from its top to the baseline of the line holding it */
    double dx;     /* content's start in the border box */
};

/* What layout attaches to a piece of text through tx_style.tag. */
typedef struct {
    const char *uri, *dest;
    bool underline, overline, strike;
    const char *id;           /* an anchor: placed on the line showing it */
    const lay_graphic *img;   /* an image object */
    lay_galley *footnote;     /* a footnote body cited here */
    const lay_galley *bfloat; /* a before-float anchored here */
    const struct lay_inline_box *box; /* an inline-container's content */
    const fo_node *cbar;      /* a change-bar-begin or -end inside the paragraph */
    const lay_snode *sn;      /* structure element of the text (Link, Span, Figure), or
                               * NULL for the block's own */
} lay_tag;

typedef struct {
    lay_build *b;
    const fo_node *blk; /* whose paragraph properties apply */
    tx_para *p;
    bool content;       /* something visible was added */
    bool first;         /* the first paragraph of the block: text-indent applies */
    const char **anchors; /* ids of the current paragraph */
    size_t nanchors, capanchors;
    const tx_style *strut; /* the block's own font and line-height */
    lay_float_side **sides; /* side floats anchored in the current paragraph */
    size_t nsides, capsides;
    const lay_galley **lone; /* before-floats of a paragraph with nothing else */
    size_t nlone, caplone;
} para_state;

/* The structure element text styled by `t` belongs to, with the block's as default. */
static inline const lay_snode *lay_tag_sn(const lay_build *b, const lay_tag *t)
{
    return t && t->sn ? t->sn : b->sn;
}

/* Sets the paragraph gathered so far into lines, made into the galley's items (with its
 * anchors, floats and links), and starts the next one. */
void lay_para_flush(para_state *st);

#endif
