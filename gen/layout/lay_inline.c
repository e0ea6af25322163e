/* Inline content: a block's inline children fed to the text engine as paragraphs (their
 * styles, links, anchors, images, leaders, footnotes, floats, inline-containers, index
 * page lists); lay_inline_lines.c makes the lines it returns into galley items. A
 * block-level child splits the paragraph in two. */
#include <glib.h>
#include <string.h>

#include "layout/lay_index.h"
#include "layout/lay_orient.h"
#include "layout/lay_para.h"
#include "util/grow.h"

static const lay_tag *tag_derive(lay_build *b, const lay_tag *parent, const fo_node *n)
{
    arena *a = b->a;
    const fo_props *p = n->props;
    bool link = n->kind == FO_BASIC_LINK;
    unsigned d = p->text_decoration;
    bool deco = d & ~(FO_DECO_BLINK | FO_DECO_NO_BLINK);
    bool inline_kind = n->kind == FO_INLINE || n->kind == FO_WRAPPER || link;
    const lay_snode *sn = inline_kind ? lay_snode_inline(b, n, lay_tag_sn(b, parent)) : NULL;
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
    if (!is_blank(text, len) ||
        (p->linefeed_treatment == FO_KW_preserve && memchr(text, '\n', len)))
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
    t->sn = lay_snode_inline(b, c, lay_tag_sn(b, style->tag));
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
        lay_para_flush(st);
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
            lay_para_flush(st); /* the paragraph so far, then the float as a block */
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
        lay_para_flush(st);
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
            lay_para_flush(&st);
            at(ud, c);
        } else if (!style && c->kind != FO_MARKER &&
                   !(c->kind == FO_TEXT && is_blank(c->text, c->text_len))) {
            style = st.strut = make_style(&st, flow, NULL); /* text straight in the flow */
        }
        if (!style && !lay_is_block_level(c))
            continue;
        walk_child(&st, c, style);
    }
    lay_para_flush(&st);
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
    lay_para_flush(&st);
}
