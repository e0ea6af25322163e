/* Inline content: a block's inline children fed to the text engine as paragraphs, and
 * the lines it returns made into galley items (text runs, images, rules, links,
 * underlines, ids). A block-level child splits the paragraph in two. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "layout/lay_inline.h"
#include "layout/lay_index.h"
#include "layout/lay_orient.h"
#include "util/grow.h"

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
static const lay_snode *tag_sn(const lay_build *b, const lay_tag *t)
{
    return t && t->sn ? t->sn : b->sn;
}

static const lay_tag *tag_derive(lay_build *b, const lay_tag *parent, const fo_node *n)
{
    arena *a = b->a;
    const fo_props *p = n->props;
    bool link = n->kind == FO_BASIC_LINK;
    unsigned d = p->text_decoration;
    bool deco = d & ~(FO_DECO_BLINK | FO_DECO_NO_BLINK);
    bool inline_kind = n->kind == FO_INLINE || n->kind == FO_WRAPPER || link;
    const lay_snode *sn = inline_kind ? lay_snode_inline(b, n, tag_sn(b, parent)) : NULL;
    if (!link && !deco && !sn)
        return parent;
    lay_tag *t = ARENA_NEW(a, lay_tag);
    if (parent) {
        t->uri = parent->uri;
        t->dest = parent->dest;
        t->underline = parent->underline;
        t->overline = parent->overline;
        t->strike = parent->strike;
        t->sn = parent->sn;
    }
    if (sn)
        t->sn = sn;
    if (link) {
        const char *ext = p->external_destination;
        if (ext && *ext) {
            /* url('x'), url("x") and url(x) all mean x */
            size_t len = strlen(ext);
            if (len > 5 && strncmp(ext, "url(", 4) == 0 && ext[len - 1] == ')') {
                ext += 4;
                len -= 5;
            }
            if (len >= 2 && (ext[0] == '\'' || ext[0] == '"') && ext[len - 1] == ext[0]) {
                ext++;
                len -= 2;
            }
            t->uri = arena_strndup(a, ext, len);
            t->dest = NULL;
        } else if (p->internal_destination && *p->internal_destination) {
            t->dest = p->internal_destination;
            t->uri = NULL;
        }
    }
    if (d & (FO_DECO_UNDERLINE | FO_DECO_NO_UNDERLINE))
        t->underline = d & FO_DECO_UNDERLINE;
    if (d & (FO_DECO_OVERLINE | FO_DECO_NO_OVERLINE))
        t->overline = d & FO_DECO_OVERLINE;
    if (d & (FO_DECO_LINE_THROUGH | FO_DECO_NO_LINE_THROUGH))
        t->strike = d & FO_DECO_LINE_THROUGH;
    return t;
}

/* Whether `n` lies in an inline with keep-together.within-line (any strength): a run the
 * line breaker never breaks nor hyphenates ("130 000 € (acquis)", "Saint-Geniès"). Not
 * inherited, so asked of each inline ancestor up to the block. */
static bool kept_within_line(const fo_node *n)
{
    for (; n; n = n->parent) {
        switch (n->kind) {
        case FO_INLINE:
        case FO_BASIC_LINK:
        case FO_BIDI_OVERRIDE:
        case FO_CHARACTER:
            if (n->props->keep_together.within_line)
                return true;
            break;
        case FO_WRAPPER:
        case FO_PAGE_NUMBER:
        case FO_PAGE_NUMBER_CITATION:
        case FO_PAGE_NUMBER_CITATION_LAST:
        case FO_LEADER:
            break;
        default:
            return false;
        }
    }
    return false;
}

static tx_style *make_style(para_state *st, const fo_node *n, const tx_style *parent)
{
    lay_build *b = st->b;
    const fo_props *p = n->props;
    tx_style *s = ARENA_NEW(b->a, tx_style);
    bool italic = p->font_style == FO_KW_italic || p->font_style == FO_KW_oblique ||
                  p->font_style == FO_KW_backslant;
    s->font = tx_font_get(b->ctx->tx, p->font_family, p->font_size, p->font_weight, italic,
                          b->ctx->file, n->line);
    s->color = lay_color_of(p->color);
    double fs = p->font_size;
    fo_len bs = p->baseline_shift;
    /* As FOP places them: a superscript's baseline at about the parent's x-height, a
     * subscript's lowered by its own descent. */
    double pfs = parent && parent->font ? tx_font_size(parent->font) : fs;
    if (bs.kw == FO_KW_super)
        s->baseline_shift = pfs * 0.45;
    else if (bs.kw == FO_KW_sub)
        s->baseline_shift = -fs * 0.22;
    else if (bs.kw == FO_KW_UNSET)
        s->baseline_shift = fo_len_resolve(bs, fs * 1.2);
    if (parent && n->kind != FO_BLOCK)
        s->baseline_shift += parent->baseline_shift;
    if (p->letter_spacing.kw != FO_KW_normal)
        s->letter_spacing = fo_len_resolve(p->letter_spacing, fs);
    if (p->word_spacing.kw != FO_KW_normal)
        s->word_spacing = fo_len_resolve(p->word_spacing, fs);
    s->line_height = p->line_height.is_factor ? p->line_height.value * fs : p->line_height.value;
    s->hyphenate = p->hyphenate == FO_KW_true && !b->measure;
    s->hyph_remain = p->hyphenation_remain_character_count;
    s->hyph_push = p->hyphenation_push_character_count;
    s->no_wrap = p->wrap_option == FO_KW_no_wrap || kept_within_line(n);
    s->preserve_spaces = p->white_space_collapse == FO_KW_false;
    s->rtl = n->kind == FO_BIDI_OVERRIDE ? p->direction == FO_KW_rtl : parent && parent->rtl;
    s->tag = tag_derive(b, parent ? parent->tag : NULL, n);
    return s;
}

static const char *para_lang(const fo_props *p)
{
    if (p->language && *p->language && strcmp(p->language, "none") != 0)
        return p->language;
    if (p->xml_lang && *p->xml_lang)
        return p->xml_lang;
    return "fr"; /* documents of the French State: the sensible default */
}

static tx_para *para(para_state *st)
{
    if (!st->p) {
        st->p = tx_para_new(st->b->ctx->tx, st->b->a, para_lang(st->blk->props));
        if (st->b->measure)
            tx_para_whole_words(st->p);
    }
    return st->p;
}

static void add_anchor(para_state *st, const char *id, const tx_style *style)
{
    lay_tag *t = ARENA_NEW(st->b->a, lay_tag);
    t->id = id;
    tx_style *s = ARENA_NEW(st->b->a, tx_style);
    *s = *style;
    s->tag = t;
    tx_para_object(para(st), 0, 0, 0, s);
    GROW_ARENA(st->b->a, st->anchors, st->nanchors, st->capanchors, 1, 8);
    st->anchors[st->nanchors++] = id;
}

static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

static void add_text(para_state *st, const char *text, size_t len, const tx_style *style,
                     const fo_props *p)
{
    if (!text || len == 0)
        return;
    if (!is_blank(text, len) || (p->linefeed_treatment == FO_KW_preserve && memchr(text, '\n', len)))
        st->content = true;
    else if (!st->p)
        return; /* white space before anything: nothing to set */
    if (p->text_transform == FO_KW_uppercase || p->text_transform == FO_KW_lowercase) {
        char *t = p->text_transform == FO_KW_uppercase ? g_utf8_strup(text, (gssize)len)
                                                       : g_utf8_strdown(text, (gssize)len);
        tx_para_text(para(st), t, strlen(t), style);
        g_free(t);
        return;
    }
    tx_para_text(para(st), text, len, style);
}

/* ---- lines into items -------------------------------------------------------------------- */

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

/* leader-pattern in the text engine's words: use-content and a rule of style none are
 * drawn as space. */
static tx_leader map_leader(fo_kw pattern, fo_kw rule_style)
{
    switch (pattern) {
    case FO_KW_dots: return TX_LEADER_DOTS;
    case FO_KW_rule: return rule_style == FO_KW_none ? TX_LEADER_SPACE : TX_LEADER_RULE;
    default: return TX_LEADER_SPACE;
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
            bx->sn = tag_sn(b, t);
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
            bx->sn = tag_sn(b, t);
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

static void flush(para_state *st)
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

/* ---- the walk ----------------------------------------------------------------------------- */

static void walk(para_state *st, const fo_node *n, const tx_style *style);

static void add_graphic(para_state *st, const fo_node *c, const tx_style *style)
{
    lay_build *b = st->b;
    double si = lay_start_indent(b, st->blk), ei = lay_end_indent(b, st->blk);
    lay_graphic *gr = ARENA_NEW(b->a, lay_graphic);
    *gr = lay_graphic_size(b->ctx, c, b->ref_w - si - ei, b->a);
    lay_tag *t = ARENA_NEW(b->a, lay_tag);
    if (style->tag)
        *t = *(const lay_tag *)style->tag;
    t->img = gr;
    t->id = c->props->id && *c->props->id ? c->props->id : NULL;
    t->footnote = NULL;
    t->sn = lay_snode_inline(b, c, tag_sn(b, style->tag));
    tx_style *s = ARENA_NEW(b->a, tx_style);
    *s = *style;
    s->tag = t;
    tx_para_object(para(st), gr->w, gr->h, 0, s);
    st->content = true;
}

static void add_leader(para_state *st, const fo_node *c, const tx_style *style)
{
    lay_build *b = st->b;
    const fo_props *p = c->props;
    double si = lay_start_indent(b, st->blk), ei = lay_end_indent(b, st->blk);
    double w = b->ref_w - si - ei;
    double min = fo_len_resolve(p->leader_length.min, w);
    double opt = fo_len_resolve(p->leader_length.opt, w);
    double max = fo_len_resolve(p->leader_length.max, w);
    /* As in FOP, a leader only stretches on a justified line. */
    const fo_props *bp = st->blk->props;
    if (bp->text_align != FO_KW_justify && bp->text_align_last != FO_KW_justify)
        max = opt;
    if (b->measure) /* a leader takes no more than its minimum in a content width */
        opt = max = min > 0 ? min : 0;
    if (max < opt)
        max = opt;
    if (min > opt)
        min = opt;
    tx_para_leader(para(st), min, opt, max, map_leader(p->leader_pattern, p->rule_style),
                   fo_len_resolve(p->rule_thickness, 0), style);
    st->content = true;
}

/* fo:float: a before-float hangs on the line of its anchor, a side float waits for the
 * paragraph's lines (flush), a float laid out in place splits the paragraph as a block. */
static void add_float(para_state *st, const fo_node *c, const tx_style *style)
{
    lay_build *b = st->b;
    fo_kw kind = lay_float_kind(b, c);
    if (kind == FO_KW_none) {
        flush(st);
        lay_blocks(b, c);
    } else if (kind == FO_KW_before) {
        lay_tag *t = ARENA_NEW(b->a, lay_tag);
        t->bfloat = lay_float_before_new(b, c);
        /* kept apart too, for a paragraph that has no line to hang it on */
        GROW_ARENA(b->a, st->lone, st->nlone, st->caplone, 1, 2);
        st->lone[st->nlone++] = t->bfloat;
        tx_style *s = ARENA_NEW(b->a, tx_style);
        *s = *style;
        s->tag = t;
        tx_para_object(para(st), 0, 0, 0, s);
    } else {
        lay_float_side *f = lay_float_side_new(b, c, kind);
        if (lay_float_side_fills(b, f)) {
            flush(st); /* the paragraph so far, then the float as a block */
            lay_float_side_block(b, f);
            return;
        }
        GROW_ARENA(b->a, st->sides, st->nsides, st->capsides, 1, 2);
        st->sides[st->nsides++] = f;
    }
}

static void add_footnote(para_state *st, const fo_node *c, const tx_style *style)
{
    lay_build *b = st->b;
    for (const fo_node *k = c->first_child; k; k = k->next_sibling) {
        if (k->kind == FO_INLINE) {
            const tx_style *s = make_style(st, k, style);
            walk(st, k, s);
        } else if (k->kind == FO_FOOTNOTE_BODY) {
            lay_galley *g = ARENA_NEW(b->a, lay_galley);
            lay_build sub;
            lay_sub_build(b, &sub, g, b->body_w > 0 ? b->body_w : b->ref_w);
            sub.sn = lay_snode_new(&sub, k, "Note");
            lay_blocks(&sub, k);
            lay_tag *t = ARENA_NEW(b->a, lay_tag);
            t->footnote = g;
            tx_style *s = ARENA_NEW(b->a, tx_style);
            *s = *style;
            s->tag = t;
            tx_para_object(para(st), 0, 0, 0, s);
        }
    }
}

/* The right edge of the widest content among boxes: the shrink-to-fit width of an
 * inline-container of auto width. */
static double content_extent(const lay_boxv *bv)
{
    double r = 0;
    for (size_t i = 0; i < bv->n; i++) {
        const lay_box *bx = &bv->v[i];
        if (bx->kind != LAY_DEST && bx->kind != LAY_LINK && bx->x + bx->w > r)
            r = bx->x + bx->w;
    }
    return r;
}

/* An fo:inline-container: its blocks laid out in a reference area of their own, placed on
 * the line as one object, turned by its reference-orientation. Its width is its
 * inline-progression-dimension, else what its content needs (shrink-to-fit, as CSS's
 * inline-block; FOP takes the whole line), at most the line's width. */
static void add_inline_container(para_state *st, const fo_node *c, const tx_style *style)
{
    lay_build *b = st->b;
    const fo_props *p = c->props;
    double avail = b->ref_w - lay_start_indent(b, st->blk) - lay_end_indent(b, st->blk);
    lay_edges e;
    lay_edges_get(c, avail, &e);
    double ew = e.bw[2] + e.pad[2] + e.pad[3] + e.bw[3];
    double eh = e.bw[0] + e.pad[0] + e.pad[1] + e.bw[1];
    fo_len wl = fo_is_specified(c, FO_PROP_inline_progression_dimension)
                    ? p->inline_progression_dimension : p->width;
    fo_len hl = fo_is_specified(c, FO_PROP_block_progression_dimension)
                    ? p->block_progression_dimension : p->height;
    int q = lay_orient_quarters(c);
    fo_len line_len = wl, depth = hl; /* read in its own (turned) frame, as block-containers */
    double inner_w = fo_len_is_auto(line_len) ? avail - ew : fo_len_resolve(line_len, avail);
    if (inner_w < 1)
        inner_w = 1;

    struct lay_inline_box *ib = ARENA_NEW(b->a, struct lay_inline_box);
    lay_build sub;
    lay_sub_build(b, &sub, &ib->g, inner_w);
    lay_blocks(&sub, c);
    lay_boxv content = {0};
    double content_h = lay_galley_stack(&ib->g, &content, b->a, 0, 0);
    double fw = inner_w, fh = fo_len_is_auto(depth) ? content_h : fo_len_resolve(depth, avail);
    if (fo_len_is_auto(line_len) && !(q % 2)) {
        double ext = content_extent(&content);
        fw = ext > 1 && ext < inner_w ? ext : inner_w;
    }
    /* upright, its first line's baseline sits on the line's (as FOP places it); turned,
     * its bottom edge does */
    double base = -1;
    for (size_t i = 0; !q && i < content.n && base < 0; i++)
        if (content.v[i].kind == LAY_TEXT)
            base = content.v[i].y;
    lay_boxes_turn(content.v, content.n, q, fw, fh);
    ib->w = (q % 2 ? fh : fw) + ew;
    ib->h = (q % 2 ? fw : fh) + eh;
    ib->ascent = base >= 0 ? base + e.bw[0] + e.pad[0] : ib->h;
    ib->dx = e.bw[2] + e.pad[2];
    lay_edges_draw(&e, p->background_color, &ib->boxes, b->a, 0, 0, ib->w, ib->h);
    lay_boxv_append(&ib->boxes, b->a, content.v, content.n, ib->dx, e.bw[0] + e.pad[0]);

    lay_tag *t = ARENA_NEW(b->a, lay_tag);
    if (style->tag)
        *t = *(const lay_tag *)style->tag;
    t->img = NULL;
    t->footnote = NULL;
    t->box = ib;
    t->id = p->id && *p->id ? p->id : NULL;
    tx_style *s = ARENA_NEW(b->a, tx_style);
    *s = *style;
    s->tag = t;
    tx_para_object(para(st), ib->w, ib->ascent, ib->h - ib->ascent, s);
    st->content = true;
}

/* A change bar begins or ends at the line holding this point of the paragraph; between
 * paragraphs, at the next item (begin) or after the last one (end). */
static void add_change_bar(para_state *st, const fo_node *c, const tx_style *style)
{
    lay_build *b = st->b;
    bool end = c->kind == FO_CHANGE_BAR_END;
    if (!st->p || !st->content || !style) {
        lay_change_bar(b, c, end, end && b->g->n ? b->g->n - 1 : b->g->n);
        return;
    }
    lay_tag *t = ARENA_NEW(b->a, lay_tag);
    t->cbar = c;
    tx_style *s = ARENA_NEW(b->a, tx_style);
    *s = *style;
    s->tag = t;
    tx_para_object(para(st), 0, 0, 0, s);
}

static const fo_node *child_of_kind(const fo_node *n, fo_kind kind)
{
    for (const fo_node *c = n ? n->first_child : NULL; c; c = c->next_sibling)
        if (c->kind == kind)
            return c;
    return NULL;
}

/* A page of an index citation, a link to where it cites with page-number-treatment="link". */
static void add_index_page(para_state *st, const char *label, const char *anchor,
                           const fo_node *ref, const tx_style *style, const fo_props *p)
{
    const tx_style *s = style;
    if (ref->props->page_number_treatment == FO_KW_link && anchor) {
        lay_tag *t = ARENA_NEW(st->b->a, lay_tag);
        if (style->tag)
            *t = *(const lay_tag *)style->tag;
        t->uri = NULL;
        t->dest = anchor;
        tx_style *ls = ARENA_NEW(st->b->a, tx_style);
        *ls = *style;
        ls->tag = t;
        s = ls;
    }
    add_text(st, label, strlen(label), s, p);
}

/* Content of a separator, prefix or suffix element, or `fallback` when there is none. */
static void add_part(para_state *st, const fo_node *part, const char *fallback,
                     const tx_style *style, const fo_props *p)
{
    if (part)
        walk(st, part, make_style(st, part, style));
    else if (fallback)
        add_text(st, fallback, strlen(fallback), style, p);
}

/* fo:index-page-citation-list: its pages and ranges, each with the prefix and suffix of
 * the fo:index-key-reference it comes from, between its list separators (", " by default)
 * and with its range separator ("–" by default). */
static void add_index_list(para_state *st, const fo_node *c, const tx_style *style)
{
    lay_index_item *items;
    size_t n = lay_index_items(st->b, c, &items);
    const fo_node *list_sep = child_of_kind(c, FO_INDEX_PAGE_CITATION_LIST_SEPARATOR);
    const fo_node *range_sep = child_of_kind(c, FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR);
    for (size_t i = 0; i < n; i++) {
        const lay_index_item *it = &items[i];
        const fo_node *ref = it->ref;
        const tx_style *rs = make_style(st, ref, style);
        if (i > 0)
            add_part(st, list_sep, ", ", style, c->props);
        add_part(st, child_of_kind(ref, FO_INDEX_PAGE_NUMBER_PREFIX), NULL, rs, ref->props);
        add_index_page(st, it->lo_label, it->lo_anchor, ref, rs, ref->props);
        if (it->hi_label) {
            add_part(st, range_sep, "\u2013", style, c->props);
            add_index_page(st, it->hi_label, it->hi_anchor, ref, rs, ref->props);
        }
        add_part(st, child_of_kind(ref, FO_INDEX_PAGE_NUMBER_SUFFIX), NULL, rs, ref->props);
    }
}

static void add_number(para_state *st, const char *text, const tx_style *style,
                       const fo_props *p)
{
    add_text(st, text, strlen(text), style, p);
}

static void walk_child(para_state *st, const fo_node *c, const tx_style *style)
{
    lay_build *b = st->b;
    if (lay_is_block_level(c)) {
        flush(st);
        lay_block_level(b, c);
        return;
    }
    const char *index_anchor = style ? lay_index_anchor(b, c) : NULL;
    if (index_anchor)
        add_anchor(st, index_anchor, style);
    switch (c->kind) {
    case FO_TEXT:
        add_text(st, c->text, c->text_len, style, c->props);
        break;
    case FO_INLINE_CONTAINER:
        add_inline_container(st, c, make_style(st, c, style));
        break;
    case FO_CHANGE_BAR_BEGIN:
    case FO_CHANGE_BAR_END:
        add_change_bar(st, c, style);
        break;
    case FO_INDEX_PAGE_CITATION_LIST:
        add_index_list(st, c, make_style(st, c, style));
        break;
    case FO_INLINE:
    case FO_WRAPPER:
    case FO_BASIC_LINK:
    case FO_BIDI_OVERRIDE: {
        const tx_style *s = make_style(st, c, style);
        if (c->props->id && *c->props->id)
            add_anchor(st, c->props->id, s);
        walk(st, c, s);
        break;
    }
    case FO_CHARACTER: {
        const tx_style *s = make_style(st, c, style);
        const char *ch = c->text ? c->text : c->props->character;
        if (ch)
            add_text(st, ch, c->text ? c->text_len : strlen(ch), s, c->props);
        break;
    }
    case FO_PAGE_NUMBER: {
        tx_style *s = make_style(st, c, style);
        if (b->page) {
            add_number(st, b->page->label, s, c->props);
        } else {
            /* in a flow the page is not known yet: cite the spot like an id */
            const char *key = arena_printf(b->ctx->a, "\x01pn%d", b->ctx->anon_seq++);
            add_anchor(st, key, s);
            add_number(st, lay_ctx_cite(b->ctx, key, false, b->a), s, c->props);
        }
        break;
    }
    case FO_PAGE_NUMBER_CITATION:
    case FO_PAGE_NUMBER_CITATION_LAST: {
        const tx_style *s = make_style(st, c, style);
        const char *label = lay_ctx_cite(b->ctx, c->props->ref_id,
                                         c->kind == FO_PAGE_NUMBER_CITATION_LAST, b->a);
        add_number(st, label, s, c->props);
        break;
    }
    case FO_LEADER:
        add_leader(st, c, make_style(st, c, style));
        break;
    case FO_EXTERNAL_GRAPHIC:
    case FO_INSTREAM_FOREIGN_OBJECT:
        add_graphic(st, c, make_style(st, c, style));
        break;
    case FO_FOOTNOTE:
        add_footnote(st, c, style);
        break;
    case FO_FLOAT:
        add_float(st, c, style);
        break;
    case FO_RETRIEVE_MARKER:
        if (b->page) {
            const fo_node *m = lay_marker_find(b->page, c->props->retrieve_class_name,
                                               c->props->retrieve_position);
            /* the marker's content inherits from where it is retrieved */
            if (m)
                walk(st, fo_marker_clone(m, c, b->a), style);
        }
        break;
    case FO_RETRIEVE_TABLE_MARKER:
        if (b->marker_rows) {
            const fo_node *m = lay_table_marker_find(b->marker_rows, b->nmarker_rows, b->marker_row,
                                                     c, b->marker_footer);
            if (m)
                walk(st, fo_marker_clone(m, c, b->a), style);
        }
        break;
    default:
        break; /* markers (retrieved elsewhere), unknown elements */
    }
}

static void walk(para_state *st, const fo_node *n, const tx_style *style)
{
    for (const fo_node *c = n->first_child; c; c = c->next_sibling)
        walk_child(st, c, style);
}

/* The flow's children from `first` on, each one's successor from next(next_ud, child). */
static void flow_children(lay_build *b, const fo_node *flow, const fo_node *first,
                          const fo_node *(*next)(void *next_ud, const fo_node *prev),
                          void *next_ud, void (*at)(void *ud, const fo_node *child), void *ud)
{
    para_state st = {.b = b, .blk = flow, .first = true};
    const tx_style *style = NULL;
    for (const fo_node *c = first; c; c = next(next_ud, c)) {
        if (lay_is_block_level(c)) {
            flush(&st);
            at(ud, c);
        } else if (!style && c->kind != FO_MARKER &&
                   !(c->kind == FO_TEXT && is_blank(c->text, c->text_len))) {
            style = st.strut = make_style(&st, flow, NULL); /* text straight in the flow */
        }
        if (!style && !lay_is_block_level(c))
            continue;
        walk_child(&st, c, style);
    }
    flush(&st);
    lay_change_bars_close(b);
    /* markers of empty blocks at the end of the flow mark its last item */
    lay_galley *g = b->g;
    for (size_t i = g->nmarks; g->n && i-- > 0 && g->marks[i].first >= g->n;)
        g->marks[i].first = g->marks[i].last = g->n - 1;
}

static const fo_node *next_sibling(void *unused, const fo_node *prev)
{
    (void)unused;
    return prev->next_sibling;
}

void lay_flow_children(lay_build *b, const fo_node *flow, const fo_node *from,
                       void (*at)(void *ud, const fo_node *child), void *ud)
{
    if (!from)
        b->ctx->ncbars = 0; /* a new flow: bars left open by another pass are gone */
    flow_children(b, flow, from ? from : flow->first_child, next_sibling, NULL, at, ud);
}

/* The puller's state between two children: its own function takes no `prev`. */
typedef struct {
    const fo_node *(*pull)(void *ud);
    void *ud;
} puller;

static const fo_node *next_pulled(void *ud, const fo_node *prev)
{
    (void)prev;
    const puller *p = ud;
    return p->pull(p->ud);
}

void lay_flow_children_pulled(lay_build *b, const fo_node *flow,
                              const fo_node *(*pull)(void *pull_ud), void *pull_ud,
                              void (*at)(void *ud, const fo_node *child), void *ud)
{
    b->ctx->ncbars = 0;
    puller p = {pull, pull_ud};
    flow_children(b, flow, pull(pull_ud), next_pulled, &p, at, ud);
}

void lay_inline_content(lay_build *b, const fo_node *n)
{
    para_state st = {.b = b, .blk = n, .first = true};
    const tx_style *style = NULL;
    /* A style is only needed once inline content shows up; blocks made only of blocks
     * (the flow, most cells) skip the font lookup. */
    bool inline_seen = false;
    for (const fo_node *c = n->first_child; c; c = c->next_sibling)
        if (!lay_is_block_level(c) && c->kind != FO_MARKER &&
            !(c->kind == FO_TEXT && is_blank(c->text, c->text_len))) {
            inline_seen = true;
            break;
        }
    if (inline_seen)
        style = st.strut = make_style(&st, n, NULL);
    for (const fo_node *c = n->first_child; c; c = c->next_sibling) {
        if (!style && !lay_is_block_level(c))
            continue; /* white space between blocks */
        walk_child(&st, c, style);
    }
    flush(&st);
}
