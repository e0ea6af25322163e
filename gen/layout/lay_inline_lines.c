/* A paragraph's lines into galley items: each line's pieces become text runs, images,
 * leaders, inline-containers' boxes, link areas and text decorations, mirrored for
 * right-to-left lines; ids and floats anchored in the paragraph go on the line that shows
 * them. */
#include <math.h>
#include <string.h>

#include "layout/lay_para.h"

/* text-align and text-align-last in the text engine's words (left/right as start/end:
 * lines are left to right here; relative and unset as the engine's default). */
static tx_align map_align(fo_kw a)
{
    switch (a) {
    case FO_KW_start:
    case FO_KW_left:
    case FO_KW_inside: return TX_ALIGN_START;
    case FO_KW_end:
    case FO_KW_right:
    case FO_KW_outside: return TX_ALIGN_END;
    case FO_KW_center: return TX_ALIGN_CENTER;
    case FO_KW_justify: return TX_ALIGN_JUSTIFY;
    default: return TX_ALIGN_DEFAULT;
    }
}


/* The Link element around text styled by `t` (a Span may sit between them). */
static const lay_snode *link_sn(const lay_tag *t)
{
    for (const lay_snode *s = t->sn; s && s->type; s = s->parent)
        if (strcmp(s->type, "Link") == 0)
            return s;
    return NULL;
}

static void flush_link(lay_galley *g, arena *a, const lay_tag *t, double x0, double x1, double h)
{
    if (!t || x1 <= x0)
        return;
    lay_box *bx = lay_boxv_push(&g->boxes, a, LAY_LINK);
    bx->x = x0, bx->y = 0, bx->w = x1 - x0, bx->h = h;
    bx->sn = link_sn(t);
    bx->u.link.uri = t->uri;
    bx->u.link.dest = t->dest;
}

static void decoration(lay_galley *g, arena *a, const tx_piece *pc, double x, double y,
                       double thickness)
{
    lay_box *bx = lay_boxv_push(&g->boxes, a, LAY_LINE);
    bx->x = x, bx->y = y, bx->w = pc->width, bx->h = 0;
    bx->u.line.color = pc->style->color;
    bx->u.line.thickness = thickness;
    bx->u.line.style = LAY_STYLE_SOLID;
}

static void piece_boxes(lay_build *b, const tx_piece *pc, double x, double base, size_t item)
{
    lay_galley *g = b->g;
    const lay_tag *t = pc->style->tag;
    double y = base - pc->style->baseline_shift;
    double fs = tx_font_size(pc->style->font);
    switch (pc->kind) {
    case TX_PIECE_TEXT:
        if (pc->run.nglyphs > 0) {
            lay_box *bx = lay_boxv_push(&g->boxes, b->a, LAY_TEXT);
            bx->x = x, bx->y = y, bx->w = pc->width;
            bx->sn = lay_tag_sn(b, t);
            bx->u.text = pc->run;
        }
        break;
    case TX_PIECE_RULE: {
        /* the rule sits on the baseline, as in FOP */
        double th = pc->thickness > 0 ? pc->thickness : 1;
        lay_box *bx = lay_boxv_push(&g->boxes, b->a, LAY_LINE);
        bx->x = x, bx->y = y - th / 2, bx->w = pc->width, bx->h = 0;
        bx->u.line.color = pc->style->color;
        bx->u.line.thickness = th;
        bx->u.line.style = LAY_STYLE_SOLID;
        break;
    }
    case TX_PIECE_OBJECT:
        if (t && t->img && t->img->image) {
            const lay_graphic *gr = t->img;
            lay_box *bx = lay_boxv_push(&g->boxes, b->a, LAY_IMAGE);
            bx->x = x + gr->cx, bx->y = y - gr->h + gr->cy, bx->w = gr->cw, bx->h = gr->ch;
            bx->sn = lay_tag_sn(b, t);
            bx->u.image.image = gr->image;
            if (gr->cx < 0 || gr->cy < 0 || gr->cx + gr->cw > gr->w + 0.01 ||
                gr->cy + gr->ch > gr->h + 0.01) {
                bx->u.image.clip = true;
                bx->u.image.clip_x = x, bx->u.image.clip_y = y - gr->h;
                bx->u.image.clip_w = gr->w, bx->u.image.clip_h = gr->h;
            }
        }
        if (t && t->cbar)
            lay_change_bar(b, t->cbar, t->cbar->kind == FO_CHANGE_BAR_END, item);
        if (t && t->box) {
            lay_boxv_append(&g->boxes, b->a, t->box->boxes.v, t->box->boxes.n, x,
                            y - t->box->ascent);
            lay_galley_adopt(g, &t->box->g, item, x + t->box->dx);
        }
        if (t && t->id)
            lay_galley_id(g, t->id, item, x);
        if (t && t->footnote && t->footnote->n) {
            lay_boxv *fn = lay_galley_fnotes(g, item);
            double h = lay_galley_stack(t->footnote, fn, b->a, 0, g->pi[item].footnote_h);
            g->pi[item].footnote_h += h;
            lay_galley_adopt(g, t->footnote, item, 0);
        }
        if (t && t->bfloat)
            lay_float_before_attach(b, item, t->bfloat);
        break;
    default:
        break;
    }
    if (t && pc->kind == TX_PIECE_TEXT) {
        double th = fs / 16 > 0.5 ? fs / 16 : 0.5;
        if (t->underline)
            decoration(g, b->a, pc, x, y + fs * 0.12, th);
        if (t->strike)
            decoration(g, b->a, pc, x, y - fs * 0.3, th);
        if (t->overline)
            decoration(g, b->a, pc, x, y - tx_font_ascent(pc->style->font), th);
    }
}

/* The line's height and baseline. Content taller than the line-height (an image, a
 * raised inline) stands on the block's strut and keeps its leading above and below, as FOP
 * stacks it: an image on the baseline gets the font's descent and the half-leadings. */
static double line_box(const tx_line *ln, const tx_style *strut, double *base)
{
    double asc = ln->ascent, desc = ln->descent, leading = 0;
    if (strut && strut->font) {
        double sa = tx_font_ascent(strut->font), sd = tx_font_descent(strut->font);
        asc = asc > sa ? asc : sa;
        desc = desc > sd ? desc : sd;
        leading = strut->line_height - sa - sd;
    }
    double content = ln->ascent + ln->descent;
    if (leading > 0 && asc + desc + leading > ln->line_height + 1e-9 &&
        content > ln->line_height + 1e-9) {
        *base = leading / 2 + asc;
        return asc + desc + leading;
    }
    double lh = ln->line_height > content ? ln->line_height : content;
    *base = (lh - content) / 2 + ln->ascent;
    return lh;
}

/* A text run set right to left: its glyphs mirrored within its width. */
static lay_text_run mirror_run(const lay_text_run *r, double width, arena *a)
{
    lay_text_run m = *r;
    if (r->nglyphs <= 0)
        return m;
    lay_glyph *g = ARENA_NEW_ARRAY(a, lay_glyph, r->nglyphs);
    for (int i = 0; i < r->nglyphs; i++) {
        double next = i + 1 < r->nglyphs ? r->glyphs[i + 1].x : width;
        g[i] = r->glyphs[i];
        g[i].x = width - next;
    }
    m.glyphs = g;
    return m;
}

/* fo:bidi-override direction="rtl" (XSL 1.1 § 6.6.2): each stretch of the line it holds
 * is set right to left, as Unicode's RLO sets it: its pieces mirrored within the stretch,
 * their glyphs within each piece. Returns the line itself when it holds none. */
static const tx_line *mirror_rtl(const tx_line *ln, arena *a)
{
    size_t i = 0;
    while (i < ln->npieces && !ln->pieces[i].style->rtl)
        i++;
    if (i == ln->npieces)
        return ln;
    tx_line *m = ARENA_NEW(a, tx_line);
    *m = *ln;
    tx_piece *pcs = ARENA_NEW_ARRAY(a, tx_piece, ln->npieces);
    memcpy(pcs, ln->pieces, sizeof *pcs * ln->npieces);
    m->pieces = pcs;
    while (i < m->npieces) {
        size_t j = i;
        double s0 = pcs[i].x, s1 = pcs[i].x + pcs[i].width;
        for (; j < m->npieces && pcs[j].style->rtl; j++) {
            s0 = pcs[j].x < s0 ? pcs[j].x : s0;
            s1 = pcs[j].x + pcs[j].width > s1 ? pcs[j].x + pcs[j].width : s1;
        }
        for (size_t k = i; k < j; k++) {
            pcs[k].x = s0 + s1 - pcs[k].x - pcs[k].width;
            if (pcs[k].kind == TX_PIECE_TEXT)
                pcs[k].run = mirror_run(&pcs[k].run, pcs[k].width, a);
        }
        for (i = j; i < m->npieces && !pcs[i].style->rtl; i++)
            ;
    }
    return m;
}

/* The side floats of the paragraph stand at the top of item `first`, its first line; a
 * paragraph with no line gives them, and its before-floats, an empty item of their own. */
static void attach_floats(para_state *st, size_t first)
{
    if (!st->nsides && !st->nlone)
        return;
    lay_galley *g = st->b->g;
    if (first == g->n)
        lay_galley_item(g, 0);
    for (size_t i = 0; i < st->nlone; i++)
        lay_float_before_attach(st->b, first, st->lone[i]);
    lay_float_side_attach(st->b, st->sides, st->nsides, first);
    st->nsides = 0;
    st->nlone = 0;
}

static void emit_line(lay_build *b, const tx_line *ln, const tx_style *strut, double x0)
{
    ln = mirror_rtl(ln, b->a);
    double base;
    double lh = line_box(ln, strut, &base);
    size_t item = lay_galley_item(b->g, lh);
    const lay_tag *link = NULL;
    double lx0 = 0, lx1 = 0;
    for (size_t i = 0; i < ln->npieces; i++) {
        const tx_piece *pc = &ln->pieces[i];
        double x = x0 + pc->x;
        piece_boxes(b, pc, x, base, item);
        const lay_tag *t = pc->style->tag;
        const lay_tag *lt = t && (t->uri || t->dest) ? t : NULL;
        bool same = lt && link && lt->uri == link->uri && lt->dest == link->dest;
        if (!same) {
            flush_link(b->g, b->a, link, lx0, lx1, lh);
            link = lt;
            lx0 = x;
        }
        if (lt)
            lx1 = x + pc->width;
    }
    flush_link(b->g, b->a, link, lx0, lx1, lh);
}

void lay_para_flush(para_state *st)
{
    lay_build *b = st->b;
    const fo_props *p = st->blk->props;
    double si = lay_start_indent(b, st->blk), ei = lay_end_indent(b, st->blk);
    if (!st->p || !st->content) {
        /* anchors of an empty paragraph land on whatever comes next */
        for (size_t i = 0; i < st->nanchors; i++)
            lay_galley_id(b->g, st->anchors[i], b->g->n, b->x0 + si);
        st->nanchors = 0;
        tx_para_discard(st->p);
        st->p = NULL;
        st->content = false;
        if (st->nsides) {
            double *narrow, *shift;
            lay_float_narrow(b, st->sides, st->nsides, si, ei, 0, &narrow, &shift);
        }
        attach_floats(st, b->g->n);
        return;
    }
    tx_break_opts o = {0};
    o.width = b->ref_w - si - ei;
    if (o.width < 1)
        o.width = 1;
    o.text_indent = st->first ? fo_len_resolve(p->text_indent, b->ref_w) : 0;
    o.last_line_end_indent = fo_len_resolve(p->last_line_end_indent, b->ref_w);
    o.text_align = b->measure ? TX_ALIGN_START : map_align(p->text_align);
    o.text_align_last = b->measure ? TX_ALIGN_START : map_align(p->text_align_last);
    o.algorithm = o.text_align == TX_ALIGN_JUSTIFY ? TX_BREAK_TOTAL_FIT : TX_BREAK_GREEDY;
    if (b->wide_at && b->wide_g == b->g) { /* lines on a page of another width */
        if (b->g->n >= b->wide_at)
            o.width = fmax(o.width + b->wide_dw, 1);
        else {
            o.wide_from = b->wide_at - b->g->n;
            o.wide_width = fmax(o.width + b->wide_dw, 1);
        }
    }
    double *narrow = NULL, *shift = NULL;
    o.nnarrow = lay_float_narrow(b, st->sides, st->nsides, si, ei,
                                 st->strut ? st->strut->line_height : 0, &narrow, &shift);
    o.narrow = narrow;
    /* lines and pieces die once their boxes are made; the runs stay in b->a */
    o.scratch = arena_new();
    tx_lines lines = tx_para_break(st->p, &o);
    size_t n = lines.nlines;
    size_t orphans = p->orphans > 0 ? (size_t)p->orphans : 1;
    size_t widows = p->widows > 0 ? (size_t)p->widows : 1;
    size_t first = b->g->n;
    for (size_t k = 0; k < n; k++) {
        /* lines beside a side float stay on its page */
        if (k > 0 && (k < orphans || k + widows > n || k < o.nnarrow))
            lay_galley_keep(b->g, LAY_KEEP_LINES);
        emit_line(b, &lines.lines[k], st->strut, b->x0 + si + (k < o.nnarrow ? shift[k] : 0));
    }
    arena_destroy(o.scratch);
    st->nlone = 0; /* hung on the lines by piece_boxes */
    attach_floats(st, first);
    st->p = NULL;
    st->content = false;
    st->first = false;
    st->nanchors = 0;
}
