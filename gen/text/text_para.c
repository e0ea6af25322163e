/* A paragraph as Knuth-Plass items: words are boxes (cut into fragments at hyphenation
 * points), spaces are glue, break opportunities are penalties. Text is copied once into
 * the paragraph's arena and words are slices of that copy. */
#include "text/text_impl.h"

#include <math.h>
#include <string.h>

#include "util/grow.h"

/* A break after a word's own hyphen costs more than a hyphenation point: it cuts a
 * compound or a place name ("Castelvert-sur- / Arrats"), which a looser line avoids. A
 * compound that starts with a capital is a proper name ("Saint- / Geniès",
 * "Bourgogne-Franche- / Comté"), which French typography does not cut: a breakpoint only
 * in the breaker's last pass, where a loose line costs less, so that only a column
 * narrower than the name breaks there. */
enum { HYPHEN_PENALTY = 50, EXPLICIT_HYPHEN_PENALTY = 1000, NAME_HYPHEN_PENALTY = 9000 };

/* An item array not in use, for a new paragraph: a reused one keeps its capacity, so a
 * document's paragraphs grow one array (or a few, when nested) instead of abandoning
 * doubled copies to the layout arena. */
static size_t item_buf_take(tx_engine *tx)
{
    for (size_t i = 0; i < tx->nitem_bufs; i++)
        if (!tx->item_bufs[i].in_use) {
            tx->item_bufs[i].in_use = true;
            return i;
        }
    GROW_HEAP(tx->item_bufs, tx->nitem_bufs, tx->item_bufs_cap, 1, 4);
    tx->item_bufs[tx->nitem_bufs] = (tx_item_buf){NULL, 0, true};
    return tx->nitem_bufs++;
}

tx_para *tx_para_new(tx_engine *tx, arena *a, const char *lang)
{
    tx_para *p = ARENA_NEW(a, tx_para);
    p->tx = tx;
    p->a = a;
    p->dict = tx_hyph_dict(tx, lang);
    p->buf = item_buf_take(tx);
    p->items = tx->item_bufs[p->buf].v;
    p->cap = tx->item_bufs[p->buf].cap;
    return p;
}

void tx_para_discard(tx_para *p)
{
    if (!p || !p->tx)
        return;
    p->tx->item_bufs[p->buf].in_use = false;
    p->items = NULL;
    p->nitems = p->cap = 0;
    p->tx = NULL;
}

void tx_para_whole_words(tx_para *p)
{
    p->whole_words = true;
}

static tx_item *item_add(tx_para *p, tx_item_kind kind, tx_item_sub sub, const tx_style *st)
{
    if (p->nitems == p->cap) {
        tx_item_buf *b = &p->tx->item_bufs[p->buf];
        GROW_HEAP(b->v, p->nitems, b->cap, 1, 256);
        p->items = b->v;
        p->cap = b->cap;
    }
    tx_item *it = &p->items[p->nitems++];
    memset(it, 0, sizeof *it);
    it->kind = (uint8_t)kind;
    it->sub = (uint8_t)sub;
    it->style = st;
    return it;
}

static void fragment_add(tx_para *p, const char *w, size_t len, const tx_shaped *sh,
                         uint32_t from, uint32_t to, const tx_style *st)
{
    tx_item *it = item_add(p, TI_BOX, TS_WORD, st);
    int n = sh->nclusters;
    double width = (from == 0 && to == len) ? sh->width : tx_shaped_span(sh, from, to, &n);
    it->width = width + st->letter_spacing * n;
    it->shaped = sh;
    it->text = w;
    it->len = (uint32_t)len;
    it->from = from;
    it->to = to;
}

/* Letters in bytes [from, to) of a word. */
static int letters_in(const char *w, size_t from, size_t to)
{
    int n = 0;
    for (const char *c = w + from; c < w + to; c = g_utf8_next_char(c))
        n += g_unichar_isalpha(g_utf8_get_char(c)) != 0;
    return n;
}

/* Whether the word may break at its hyphenation point `at` under the style's remain and
 * push counts (the points were found with 2 and 2, the initial values). */
static bool hyph_allowed(const char *w, size_t len, uint32_t at, const tx_style *st)
{
    if (st->hyph_remain <= 2 && st->hyph_push <= 2)
        return true;
    return letters_in(w, 0, at) >= st->hyph_remain && letters_in(w, at, len) >= st->hyph_push;
}

static void word_add(tx_para *p, const char *w, size_t len, const tx_style *st)
{
    if (len == 0)
        return;
    const tx_shaped *sh = tx_shape_word(p->tx, st->font, w, len);
    if (st->hyphenate && !st->no_wrap && p->dict)
        tx_hyphenate(p->tx, (tx_shaped *)sh, w, len, p->dict);
    uint32_t prev = 0;
    for (int i = 0; st->hyphenate && !st->no_wrap && p->dict && i < sh->nhyph; i++) {
        if (!hyph_allowed(w, len, sh->hyph[i], st))
            continue;
        fragment_add(p, w, len, sh, prev, sh->hyph[i], st);
        tx_item *pen = item_add(p, TI_PENALTY, TS_HYPHEN, st);
        pen->width = st->font->hyphen->width;
        pen->penalty = HYPHEN_PENALTY;
        pen->flagged = true;
        prev = sh->hyph[i];
    }
    fragment_add(p, w, len, sh, prev, (uint32_t)len, st);
}

static void space_add(tx_para *p, const tx_style *st)
{
    bool after_space = p->nitems && p->items[p->nitems - 1].kind == TI_GLUE &&
                       p->items[p->nitems - 1].sub == TS_SPACE;
    if (after_space && !st->preserve_spaces)
        return;
    double w = st->font->space->width;
    tx_item *it = item_add(p, TI_GLUE, TS_SPACE, st);
    /* TeX-like inter-word glue: stretch by half a space, shrink by a third. */
    it->width = w + st->word_spacing + st->letter_spacing;
    it->stretch = w / 2;
    it->shrink = w / 3;
    it->nobreak = st->no_wrap;
}

static void penalty_add(tx_para *p, tx_item_sub sub, int penalty, bool flagged,
                        const tx_style *st)
{
    tx_item *it = item_add(p, TI_PENALTY, sub, st);
    it->penalty = penalty;
    it->flagged = flagged;
}

static bool is_space(gunichar c) { return c == ' ' || c == '\t' || c == '\r'; }

/* A line may end after this character when it sits inside a word (porte-avions, et/ou). */
static bool breaks_after(gunichar c, gunichar prev, gunichar next)
{
    if (next == 0 || is_space(next) || next == '\n')
        return false;
    switch (c) {
    case '-':
    case 0x2010: /* hyphen */
    case '/':
        return g_unichar_isalnum(prev) && g_unichar_isalnum(next);
    case 0x2013: /* en dash */
    case 0x2014: /* em dash */
        return prev != 0;
    default:
        return false;
    }
}

/* Whether the first letter of [w, end) is a capital: "Saint-", "(Bourgogne-", "«Pont-". */
static bool capitalised(const char *w, const char *end)
{
    for (; w < end; w = g_utf8_next_char(w)) {
        gunichar c = g_utf8_get_char(w);
        if (g_unichar_isalpha(c))
            return g_unichar_isupper(c);
    }
    return false;
}

void tx_para_text(tx_para *p, const char *utf8, size_t len, const tx_style *st)
{
    if (!utf8 || len == 0)
        return;
    char *s = arena_strndup(p->a, utf8, len);
    /* word: the piece being read; compound: where its space-delimited word starts (a
     * compound's pieces end at its hyphens) */
    const char *end = s + len, *word = NULL, *compound = NULL;
    gunichar prev = 0;
    p->last_style = st;
    for (const char *q = s; q < end;) {
        gunichar c = (unsigned char)*q < 0x80 ? (gunichar)*q : g_utf8_get_char(q);
        const char *next = g_utf8_next_char(q);
        if (is_space(c) || c == '\n' || c == 0x200B) {
            if (word)
                word_add(p, word, (size_t)(q - word), st);
            word = compound = NULL;
            if (c == '\n')
                penalty_add(p, TS_FORCED, -TX_INF_PENALTY, false, st);
            else if (c == 0x200B && !st->no_wrap)
                penalty_add(p, TS_ZWSP, 0, false, st);
            else if (c != 0x200B)
                space_add(p, st);
        } else {
            if (!word)
                word = q;
            if (!compound)
                compound = q;
            gunichar nc = next < end ? g_utf8_get_char(next) : 0;
            if (!st->no_wrap && c == 0xAD && nc && !is_space(nc)) {
                /* the soft hyphen stays in the text (it shapes to nothing) */
                word_add(p, word, (size_t)(next - word), st);
                penalty_add(p, TS_SOFT, HYPHEN_PENALTY, true, st);
                p->items[p->nitems - 1].width = st->font->hyphen->width;
                word = NULL;
            } else if (!st->no_wrap && !p->whole_words && breaks_after(c, prev, nc)) {
                bool name = (c == '-' || c == 0x2010) && capitalised(compound, q);
                word_add(p, word, (size_t)(next - word), st);
                if (name)
                    penalty_add(p, TS_NAME, NAME_HYPHEN_PENALTY, true, st);
                else
                    penalty_add(p, TS_EXPLICIT, EXPLICIT_HYPHEN_PENALTY, true, st);
                word = NULL;
            }
        }
        prev = c;
        q = next;
    }
    if (word)
        word_add(p, word, (size_t)(end - word), st);
}

void tx_para_object(tx_para *p, double width, double ascent, double descent,
                    const tx_style *style)
{
    tx_item *it = item_add(p, TI_BOX, TS_OBJECT, style);
    it->width = width;
    it->ascent = ascent;
    it->descent = descent;
    p->last_style = style;
}

void tx_para_leader(tx_para *p, double min, double opt, double max, tx_leader pattern,
                    double rule_thickness, const tx_style *style)
{
    if (!(opt >= min))
        opt = min;
    if (!(max >= opt))
        max = opt;
    tx_item *it = item_add(p, TI_GLUE, TS_LEADER, style);
    it->width = opt;
    it->shrink = opt - min;
    it->stretch = isfinite(max) ? max - opt : HUGE_VAL;
    it->pattern = (uint8_t)pattern;
    it->thickness = rule_thickness;
    p->last_style = style;
}

void tx_para_break_here(tx_para *p)
{
    penalty_add(p, TS_FORCED, -TX_INF_PENALTY, false, p->last_style);
}
