/* From breakpoints to lines: the items of each line become segments (whole words, spaces,
 * leaders, objects), glue is stretched or shrunk, the line is aligned, and consecutive words
 * of one style and font are merged into one text run with the spaces as glyphs. */
#include "text/text_impl.h"

#include <math.h>
#include <string.h>

typedef enum { SG_WORD, SG_SPACE, SG_LEADER, SG_OBJECT } seg_kind;

typedef struct {
    seg_kind kind;
    const tx_item *it;
    const tx_shaped *sh; /* SG_WORD: what to draw */
    const char *text;    /* SG_WORD: the bytes sh shows */
    uint32_t len;
    double width, stretch, shrink;
    bool fill;
    double x;
} seg;

typedef struct {
    tx_para *p;
    arena *scratch; /* the lines' arena (tx_break_opts.scratch) */
    seg *segs;
    size_t nsegs;
    bool hyphenated;
} line_segs;

static void seg_push(line_segs *ls, seg s)
{
    ls->segs = tx_scratch(ls->p->tx, TX_SCR_SEGS, sizeof *ls->segs * (ls->nsegs + 1));
    ls->segs[ls->nsegs++] = s;
}

static bool same_word(const tx_item *a, const tx_item *b)
{
    return b->kind == TI_BOX && b->sub == TS_WORD && b->text == a->text && b->style == a->style;
}

/* A word made of fragments [i, *last]; the fragments shown may be part of the word only,
 * with a hyphen added when the line breaks at the hyphenation point right after it. */
static seg word_seg(line_segs *ls, size_t i, size_t e, size_t b, size_t *last)
{
    tx_para *p = ls->p;
    const tx_item *it = &p->items[i];
    uint32_t to = it->to;
    size_t k = i;
    while (k + 2 < e && p->items[k + 1].kind == TI_PENALTY &&
           p->items[k + 1].sub == TS_HYPHEN && same_word(it, &p->items[k + 2])) {
        k += 2;
        to = p->items[k].to;
    }
    *last = k;
    bool hyphen = b < p->nitems && b == k + 1 &&
                  (p->items[b].sub == TS_HYPHEN || p->items[b].sub == TS_SOFT);
    seg s = {.kind = SG_WORD, .it = it};
    if (it->from == 0 && to == it->len && !hyphen) {
        s.sh = it->shaped;
        s.text = it->text;
        s.len = it->len;
    } else {
        uint32_t n = to - it->from;
        char *t = arena_alloc(ls->scratch, n + 2); /* shaped and copied into the run */
        memcpy(t, it->text + it->from, n);
        if (hyphen)
            t[n++] = '-';
        s.sh = tx_shape_word(p->tx, it->style->font, t, n);
        s.text = t;
        s.len = n;
        ls->hyphenated = hyphen;
    }
    s.width = s.sh->width + it->style->letter_spacing * s.sh->nclusters;
    return s;
}

static void segs_build(line_segs *ls, size_t s, size_t e, size_t b)
{
    tx_para *p = ls->p;
    for (size_t i = s; i < e; i++) {
        const tx_item *it = &p->items[i];
        seg g = {.it = it, .width = it->width, .stretch = it->stretch, .shrink = it->shrink,
                 .fill = it->fill};
        if (it->kind == TI_BOX && it->sub == TS_WORD) {
            size_t last;
            g = word_seg(ls, i, e, b, &last);
            i = last;
        } else if (it->kind == TI_BOX) {
            g.kind = SG_OBJECT;
        } else if (it->kind == TI_GLUE) {
            g.kind = it->sub == TS_LEADER ? SG_LEADER : SG_SPACE;
            if (it->fill)
                g.stretch = 0;
        } else {
            continue;
        }
        seg_push(ls, g);
    }
}

/* ---- justification and alignment ------------------------------------------------------ */

static tx_align line_align(const tx_break_opts *o, bool ends_paragraph_or_forced)
{
    if (!ends_paragraph_or_forced)
        return o->text_align;
    if (o->text_align_last == TX_ALIGN_DEFAULT)
        return o->text_align == TX_ALIGN_JUSTIFY ? TX_ALIGN_START : o->text_align;
    return o->text_align_last;
}

/* Sets every segment's width and x; returns the width they take. A line wider than `avail`
 * shrinks its spaces when `shrink` (a justified paragraph, whose breaker counted on it for
 * every line, its last one included, as FOP does). */
static double segs_place(line_segs *ls, double avail, double indent, tx_align align, bool shrink)
{
    double w = 0, y = 0, z = 0;
    int nfill = 0;
    for (size_t i = 0; i < ls->nsegs; i++) {
        w += ls->segs[i].width;
        y += ls->segs[i].stretch;
        z += ls->segs[i].shrink;
        nfill += ls->segs[i].fill;
    }
    double extra = avail - w;
    for (size_t i = 0; i < ls->nsegs; i++) {
        seg *g = &ls->segs[i];
        if (nfill && extra > 0)
            g->width += g->fill ? extra / nfill : 0;
        else if (align == TX_ALIGN_JUSTIFY && extra > 0 && y > 0)
            g->width += g->stretch * extra / y;
        else if ((align == TX_ALIGN_JUSTIFY || shrink) && extra < 0 && z > 0)
            g->width += g->shrink * fmax(extra / z, -1.0);
    }
    double total = 0;
    for (size_t i = 0; i < ls->nsegs; i++)
        total += ls->segs[i].width;
    double slack = fmax(avail - total, 0), x = indent;
    if (align == TX_ALIGN_CENTER)
        x += slack / 2;
    else if (align == TX_ALIGN_END)
        x += slack;
    for (size_t i = 0; i < ls->nsegs; i++) {
        ls->segs[i].x = x;
        x += ls->segs[i].width;
    }
    return total;
}

/* ---- pieces and runs ------------------------------------------------------------------ */

enum { MAX_PENDING_SPACES = 8 };

typedef struct {
    tx_engine *tx;
    arena *a;
    size_t np;
    /* the open run */
    bool open;
    cairo_scaled_font_t *font;
    const tx_style *st;
    double x0, xend;
    size_t ng, nc, nu;
    /* spaces met since the last word, merged into the run if the next word joins it */
    double space_x[MAX_PENDING_SPACES];
    const tx_style *space_st[MAX_PENDING_SPACES];
    int nspaces;
} emitter;

static void piece_push(emitter *em, tx_piece pc)
{
    tx_piece *pcs = tx_scratch(em->tx, TX_SCR_PIECES, sizeof *pcs * (em->np + 1));
    pcs[em->np++] = pc;
}

static tx_glyph *glyphs_room(emitter *em, size_t n)
{
    return (tx_glyph *)tx_scratch(em->tx, TX_SCR_GLYPHS, sizeof(tx_glyph) * (em->ng + n)) +
           em->ng;
}

static tx_cluster *clusters_room(emitter *em, size_t n)
{
    return (tx_cluster *)tx_scratch(em->tx, TX_SCR_CLUSTERS,
                                     sizeof(tx_cluster) * (em->nc + n)) +
           em->nc;
}

static char *utf8_room(emitter *em, size_t n)
{
    return (char *)tx_scratch(em->tx, TX_SCR_UTF8, em->nu + n) + em->nu;
}

static tx_run run_make(arena *a, cairo_scaled_font_t *font, const tx_style *st, const tx_glyph *g,
                             size_t ng, const tx_cluster *c, size_t nc, const char *u, size_t nu)
{
    tx_glyph *gg = ARENA_NEW_ARRAY_UNINIT(a, tx_glyph, ng ? ng : 1);
    memcpy(gg, g, sizeof *gg * ng);
    tx_cluster *cc = ARENA_NEW_ARRAY_UNINIT(a, tx_cluster, nc ? nc : 1);
    memcpy(cc, c, sizeof *cc * nc);
    return (tx_run){font,      st->font->size, st->font->family, st->color, gg, (int)ng,
                          arena_strndup(a, u, nu), (int)nu, cc, (int)nc};
}

static void run_flush(emitter *em)
{
    em->nspaces = 0;
    if (!em->open)
        return;
    em->open = false;
    const tx_glyph *g = glyphs_room(em, 0) - em->ng;
    const tx_cluster *c = clusters_room(em, 0) - em->nc;
    const char *u = utf8_room(em, 0) - em->nu;
    tx_piece pc = {.kind = TX_PIECE_TEXT, .x = em->x0, .width = em->xend - em->x0,
                   .style = em->st};
    pc.run = run_make(em->a, em->font, em->st, g, em->ng, c, em->nc, u, em->nu);
    piece_push(em, pc);
}

/* The pending spaces of the run's style as glyphs of the open run, when the font has a
 * plain space glyph: copied text keeps its spaces, and one run holds a whole line. */
static bool spaces_mergeable(const emitter *em, cairo_scaled_font_t *font, const tx_style *st)
{
    const tx_shaped *sp = st->font->space;
    if (sp->nruns != 1 || sp->runs[0].font != font || sp->runs[0].nglyphs != 1)
        return false;
    for (int i = 0; i < em->nspaces; i++)
        if (em->space_st[i] != st)
            return false;
    return em->nspaces > 0;
}

static void spaces_append(emitter *em)
{
    if (!spaces_mergeable(em, em->font, em->st))
        return;
    const tx_shaped *sp = em->st->font->space;
    for (int i = 0; i < em->nspaces; i++) {
        tx_glyph *g = glyphs_room(em, 1);
        *g = sp->runs[0].glyphs[0];
        g->x += em->space_x[i] - em->x0;
        em->ng++;
        *clusters_room(em, 1) = (tx_cluster){1, 1};
        em->nc++;
        *utf8_room(em, 1) = ' ';
        em->nu++;
    }
}

static void srun_append(emitter *em, const tx_srun *r, const char *text, const tx_style *st,
                        double runx)
{
    if (!(em->open && em->font == r->font && em->st == st)) {
        /* A new run; spaces before it open it when they are in its font and style. */
        emitter keep = *em;
        run_flush(em);
        *em = (emitter){.tx = em->tx, .a = em->a, .np = em->np, .open = true, .font = r->font,
                        .st = st, .x0 = runx};
        if (spaces_mergeable(&keep, r->font, st)) {
            em->nspaces = keep.nspaces;
            memcpy(em->space_x, keep.space_x, sizeof em->space_x);
            memcpy(em->space_st, keep.space_st, sizeof em->space_st);
            em->x0 = em->space_x[0];
        }
    }
    spaces_append(em);
    em->nspaces = 0;
    tx_glyph *g = glyphs_room(em, (size_t)r->nglyphs);
    tx_cluster *c = clusters_room(em, (size_t)r->nclusters);
    double ls = st->letter_spacing;
    int gi = 0;
    for (int ci = 0; ci < r->nclusters; ci++) {
        c[ci] = r->clusters[ci];
        for (int k = 0; k < r->clusters[ci].num_glyphs; k++, gi++) {
            g[gi] = r->glyphs[gi];
            g[gi].x += runx - em->x0 + ls * ci;
        }
    }
    em->ng += (size_t)r->nglyphs;
    em->nc += (size_t)r->nclusters;
    memcpy(utf8_room(em, (size_t)r->len), text + r->start, (size_t)r->len);
    em->nu += (size_t)r->len;
    em->xend = runx + r->width + ls * r->nclusters;
}

static void word_emit(emitter *em, const seg *g)
{
    const tx_style *st = g->it->style;
    int before = 0;
    for (int i = 0; i < g->sh->nruns; i++) {
        const tx_srun *r = &g->sh->runs[i];
        srun_append(em, r, g->text, st, g->x + r->x + st->letter_spacing * before);
        before += r->nclusters;
    }
}

/* Dots on a grid of the dot's advance from the line's start edge, so that the dots of
 * stacked lines (a table of contents) line up. */
static void dots_emit(emitter *em, const seg *g)
{
    const tx_style *st = g->it->style;
    const tx_shaped *dot = tx_shape_word(em->tx, st->font, ".", 1);
    tx_piece pc = {.kind = TX_PIECE_SPACE, .x = g->x, .width = g->width, .style = st};
    double adv = dot->width + st->letter_spacing;
    if (dot->nruns != 1 || dot->runs[0].nglyphs != 1 || adv <= 0) {
        piece_push(em, pc);
        return;
    }
    double first = ceil(g->x / adv - 1e-9) * adv;
    long n = (long)floor((g->x + g->width - first) / adv + 1e-9);
    if (n <= 0) {
        piece_push(em, pc);
        return;
    }
    tx_glyph *gl = ARENA_NEW_ARRAY_UNINIT(em->a, tx_glyph, (size_t)n);
    tx_cluster *cl = ARENA_NEW_ARRAY_UNINIT(em->a, tx_cluster, (size_t)n);
    char *u = arena_alloc(em->a, (size_t)n + 1);
    for (long i = 0; i < n; i++) {
        gl[i] = dot->runs[0].glyphs[0];
        gl[i].x += first - g->x + (double)i * adv;
        cl[i] = (tx_cluster){1, 1};
        u[i] = '.';
    }
    pc.kind = TX_PIECE_TEXT;
    pc.run = (tx_run){dot->runs[0].font, st->font->size, st->font->family, st->color,
                            gl, (int)n, u, (int)n, cl, (int)n};
    piece_push(em, pc);
}

static void segs_emit(emitter *em, const line_segs *ls)
{
    for (size_t i = 0; i < ls->nsegs; i++) {
        const seg *g = &ls->segs[i];
        tx_piece pc = {.x = g->x, .width = g->width, .style = g->it->style};
        switch (g->kind) {
        case SG_WORD:
            word_emit(em, g);
            break;
        case SG_SPACE:
            if (em->nspaces < MAX_PENDING_SPACES) {
                em->space_st[em->nspaces] = g->it->style;
                em->space_x[em->nspaces++] = g->x;
            }
            break;
        case SG_OBJECT:
            run_flush(em);
            pc.kind = TX_PIECE_OBJECT;
            piece_push(em, pc);
            break;
        case SG_LEADER:
            run_flush(em);
            if (g->it->pattern == TX_LEADER_DOTS) {
                dots_emit(em, g);
            } else {
                pc.kind = g->it->pattern == TX_LEADER_RULE ? TX_PIECE_RULE : TX_PIECE_SPACE;
                pc.thickness = g->it->thickness;
                piece_push(em, pc);
            }
            break;
        }
    }
    run_flush(em);
}

/* ---- lines ------------------------------------------------------------------------------ */

static void metrics_add(tx_line *ln, const tx_style *st, const seg *g)
{
    if (!st)
        return;
    double asc = 0, desc = 0;
    if (g && g->kind == SG_OBJECT) {
        asc = g->it->ascent;
        desc = g->it->descent;
    } else if (st->font) {
        asc = st->font->ascent;
        desc = st->font->descent;
    }
    ln->ascent = fmax(ln->ascent, asc + st->baseline_shift);
    ln->descent = fmax(ln->descent, desc - st->baseline_shift);
    ln->line_height = fmax(ln->line_height, st->line_height);
}

static bool line_build(tx_para *p, const tx_break_opts *o, size_t index, size_t s, size_t b,
                       tx_line *ln)
{
    size_t e = b < p->nitems ? b : p->nitems;
    while (e > s && p->items[e - 1].kind != TI_BOX &&
           !(p->items[e - 1].kind == TI_GLUE && p->items[e - 1].sub == TS_LEADER))
        e--; /* spaces and break opportunities at the end of a line disappear */
    line_segs ls = {.p = p, .scratch = o->scratch};
    segs_build(&ls, s, e, b);
    bool last = b >= p->nitems;
    if (last && ls.nsegs == 0 && index > 0)
        return false; /* nothing after the last forced break */
    bool forced = last || (p->items[b].kind == TI_PENALTY && p->items[b].sub == TS_FORCED);
    double avail = tx_line_width(o, index, last);
    double indent = index == 0 ? o->text_indent : 0;
    memset(ln, 0, sizeof *ln);
    ln->width = segs_place(&ls, avail, indent, line_align(o, forced),
                           o->text_align == TX_ALIGN_JUSTIFY);
    ln->hyphenated = ls.hyphenated;
    for (size_t i = 0; i < ls.nsegs; i++)
        if (ls.segs[i].kind != SG_SPACE)
            metrics_add(ln, ls.segs[i].it->style, &ls.segs[i]);
    if (ls.nsegs == 0)
        metrics_add(ln, b < p->nitems ? p->items[b].style : p->last_style, NULL);

    emitter em = {.tx = p->tx, .a = p->a};
    segs_emit(&em, &ls);
    ln->pieces = ARENA_NEW_ARRAY(o->scratch, tx_piece, em.np ? em.np : 1);
    if (em.np)
        memcpy(ln->pieces, tx_scratch(p->tx, TX_SCR_PIECES, 0), sizeof(tx_piece) * em.np);
    ln->npieces = em.np;
    return true;
}

tx_lines tx_lines_build(tx_para *p, const tx_break_opts *o, tx_breaks br)
{
    tx_lines out = {ARENA_NEW_ARRAY(o->scratch, tx_line, br.n ? br.n : 1), 0};
    size_t s = 0;
    while (s < p->nitems && p->items[s].kind != TI_BOX && p->items[s].sub != TS_LEADER &&
           p->items[s].sub != TS_FORCED &&
           !(p->items[s].kind == TI_GLUE && p->items[s].sub == TS_SPACE &&
             p->items[s].style->preserve_spaces))
        s++;
    for (size_t i = 0; i < br.n; i++) {
        size_t b = br.at[i];
        if (line_build(p, o, out.nlines, s, b, &out.lines[out.nlines]))
            out.nlines++;
        s = tx_line_start(p, b);
    }
    return out;
}

static bool has_content(const tx_para *p)
{
    for (size_t i = 0; i < p->nitems; i++) {
        const tx_item *it = &p->items[i];
        if (it->kind == TI_BOX || it->sub == TS_LEADER || it->sub == TS_FORCED)
            return true;
    }
    return false;
}

static tx_breaks breaks_from(tx_para *p, const tx_break_opts *o, size_t from, size_t line0)
{
    if (line0 == 0 && o->wide_from) {
        tx_break_opts narrow = *o; /* the first lines as at the first width */
        narrow.wide_from = 0;
        return breaks_from(p, &narrow, from, line0);
    }
    return o->algorithm == TX_BREAK_TOTAL_FIT ? tx_break_total_fit(p, o, from, line0)
                                              : tx_break_greedy(p, o, from, line0);
}

tx_lines tx_para_break(tx_para *p, const tx_break_opts *opts)
{
    if (!p || !has_content(p)) {
        tx_para_discard(p);
        return (tx_lines){NULL, 0};
    }
    tx_break_opts with_scratch = *opts;
    if (!with_scratch.scratch)
        with_scratch.scratch = p->a;
    const tx_break_opts *o = &with_scratch;
    /* A leader longer than the line fills whatever the line leaves. */
    for (size_t i = 0; i < p->nitems; i++) {
        tx_item *it = &p->items[i];
        if (it->kind == TI_GLUE && it->sub == TS_LEADER)
            it->fill = !(it->width + it->stretch < o->width);
    }
    tx_breaks br = breaks_from(p, o, 0, 0);
    if (o->wide_from && br.n > o->wide_from) {
        /* the lines before the change keep their breaks; the rest is broken again */
        size_t keep = o->wide_from;
        size_t *first = ARENA_NEW_ARRAY(o->scratch, size_t, keep);
        memcpy(first, br.at, keep * sizeof *first);
        tx_breaks rest = breaks_from(p, o, first[keep - 1], keep);
        size_t *at = ARENA_NEW_ARRAY(o->scratch, size_t, keep + rest.n);
        memcpy(at, first, keep * sizeof *at);
        memcpy(at + keep, rest.at, rest.n * sizeof *at);
        br = (tx_breaks){at, keep + rest.n};
    }
    /* The breaks live in engine scratch or the paragraph's arena, which line building
     * does not touch. */
    tx_lines lines = tx_lines_build(p, o, br);
    tx_para_discard(p); /* the lines hold copies of what they show */
    return lines;
}
