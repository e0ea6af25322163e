/* Choosing where lines end: first fit, and Knuth-Plass total fit (minimum total demerits
 * over the whole paragraph, as in TeX's line_break). */
#include "text/text_impl.h"

#include <math.h>
#include <string.h>

enum {
    LINE_PENALTY = 10,
    FLAGGED_DEMERITS = 3000, /* two hyphenated lines in a row */
    FITNESS_DEMERITS = 10000, /* a very loose line next to a tight one */
    FINAL_HYPHEN_DEMERITS = 5000, /* a hyphen on the line before the last */
};
static const double TOLERANCE = 2.0; /* largest adjustment ratio of a feasible line */
static const double INF_BAD = 10000;
static const double MAX_RATIO = 1000; /* FOP's ratio of a line with no stretch */
static const double EPS = 1e-6;

/* ---- shared helpers ------------------------------------------------------------------- */

double tx_line_width(const tx_break_opts *o, size_t index, bool last)
{
    double w = o->wide_from && index >= o->wide_from ? o->wide_width : o->width;
    if (index == 0)
        w -= o->text_indent;
    if (last)
        w -= o->last_line_end_indent;
    if (index < o->nnarrow)
        w -= o->narrow[index];
    return w;
}

bool tx_is_breakpoint(const tx_para *p, size_t i, bool hyphens)
{
    if (i >= p->nitems)
        return true;
    const tx_item *it = &p->items[i];
    if (it->kind == TI_GLUE) {
        if (it->sub != TS_SPACE || it->nobreak || i == 0)
            return false;
        const tx_item *prev = &p->items[i - 1];
        return prev->kind == TI_BOX || (prev->kind == TI_GLUE && prev->sub == TS_LEADER);
    }
    if (it->kind == TI_PENALTY)
        return it->sub != TS_HYPHEN || hyphens;
    return false;
}

static bool discardable(const tx_item *it)
{
    return (it->kind == TI_GLUE && it->sub == TS_SPACE) ||
           (it->kind == TI_PENALTY && it->sub != TS_FORCED);
}

static size_t skip_discardable(const tx_para *p, size_t i)
{
    while (i < p->nitems && discardable(&p->items[i]))
        i++;
    return i;
}

/* A preserved space (white-space-collapse="false") after a forced line break starts the
 * next line: the indentation of code listings. */
static bool kept_space(const tx_item *it)
{
    return it->kind == TI_GLUE && it->sub == TS_SPACE && it->style->preserve_spaces;
}

size_t tx_line_start(const tx_para *p, size_t b)
{
    if (b >= p->nitems)
        return p->nitems;
    if (p->items[b].kind == TI_PENALTY && p->items[b].sub == TS_FORCED && b + 1 < p->nitems &&
        kept_space(&p->items[b + 1]))
        return b + 1;
    return skip_discardable(p, b + 1);
}

/* Prefix sums of widths, stretch, shrink and fill leaders over items [0, i). */
typedef struct {
    double w, y, z, fill;
} sums;

static sums *sums_compute(tx_para *p)
{
    sums *s = tx_scratch(p->tx, TX_SCR_SUMS, sizeof *s * (p->nitems + 1));
    s[0] = (sums){0, 0, 0, 0};
    for (size_t i = 0; i < p->nitems; i++) {
        const tx_item *it = &p->items[i];
        s[i + 1] = s[i];
        if (it->kind == TI_PENALTY)
            continue;
        s[i + 1].w += it->width;
        if (it->fill)
            s[i + 1].fill += 1;
        else
            s[i + 1].y += it->stretch;
        s[i + 1].z += it->shrink;
    }
    return s;
}

static double break_width(const tx_para *p, size_t b)
{
    return b < p->nitems && p->items[b].kind == TI_PENALTY ? p->items[b].width : 0;
}

static bool forced_at(const tx_para *p, size_t b)
{
    return b >= p->nitems ||
           (p->items[b].kind == TI_PENALTY && p->items[b].penalty <= -TX_INF_PENALTY);
}

/* Where the content of a line from `start` that ends at break b stops: the spaces and break
 * opportunities that end a line disappear (tx_lines_build drops them), so a space before a
 * forced break or at the end of the paragraph takes no room. */
static size_t content_end(const tx_para *p, size_t start, size_t b)
{
    size_t e = b < p->nitems ? b : p->nitems;
    while (e > start && p->items[e - 1].kind != TI_BOX &&
           !(p->items[e - 1].kind == TI_GLUE && p->items[e - 1].sub == TS_LEADER))
        e--;
    return e;
}

static size_t *breaks_push(tx_para *p, size_t *n, size_t at)
{
    size_t *br = tx_scratch(p->tx, TX_SCR_BREAKS, sizeof *br * (*n + 1));
    br[(*n)++] = at;
    return br;
}

/* ---- greedy --------------------------------------------------------------------------- */

/* Whether breaking at i cuts a word at its own hyphen ("Castelvert-sur- / Arrats"). */
static bool at_explicit_hyphen(const tx_para *p, size_t i)
{
    return i < p->nitems && p->items[i].kind == TI_PENALTY &&
           (p->items[i].sub == TS_EXPLICIT || p->items[i].sub == TS_NAME);
}

/* Whether the word cut at the explicit hyphen `cut` fits whole on a line that starts
 * after the break `from`: up to the next break that is not one of its hyphens. */
static bool word_fits_after(tx_para *p, const sums *s, const tx_break_opts *o, size_t line,
                            size_t from, size_t cut)
{
    size_t j = cut + 1;
    while (j < p->nitems && !(tx_is_breakpoint(p, j, false) && !at_explicit_hyphen(p, j)))
        j++;
    size_t start = tx_line_start(p, from);
    size_t e = content_end(p, start, j);
    return s[e].w - s[start].w <= tx_line_width(o, line + 1, j >= p->nitems) + EPS;
}

/* First fit, except that a word is not cut at its own hyphen when it fits whole on the
 * next line: a name such as "Saint-Geniès-d'Auzonne" moves there rather than split. */
tx_breaks tx_break_greedy(tx_para *p, const tx_break_opts *o, size_t from, size_t line0)
{
    sums *s = sums_compute(p);
    bool justify = o->text_align == TX_ALIGN_JUSTIFY;
    size_t n = 0, *br = tx_scratch(p->tx, TX_SCR_BREAKS, sizeof *br);
    size_t start = line0 ? tx_line_start(p, from) : skip_discardable(p, 0);
    size_t last_fit = SIZE_MAX, last_whole = SIZE_MAX;
    for (size_t i = start; i <= p->nitems; i++) {
        if (!tx_is_breakpoint(p, i, true))
            continue;
        size_t e = content_end(p, start, i);
        double w = s[e].w - s[start].w + break_width(p, i);
        double shrink = justify ? s[e].z - s[start].z : 0;
        bool fits = w - shrink <= tx_line_width(o, line0 + n, i == p->nitems) + EPS;
        size_t at;
        if (fits && !forced_at(p, i)) {
            last_fit = i;
            if (!at_explicit_hyphen(p, i))
                last_whole = i;
            continue;
        }
        if (fits || last_fit == SIZE_MAX)
            at = i; /* a forced break, or an overflow with no earlier way out */
        else if (at_explicit_hyphen(p, last_fit) && last_whole != SIZE_MAX &&
                 word_fits_after(p, s, o, line0 + n, last_whole, last_fit))
            at = last_whole;
        else
            at = last_fit;
        br = breaks_push(p, &n, at);
        if (at >= p->nitems)
            break;
        start = tx_line_start(p, at);
        last_fit = last_whole = SIZE_MAX;
        i = start - 1; /* the loop's increment brings it back to start */
    }
    return (tx_breaks){br, n};
}

/* ---- total fit ------------------------------------------------------------------------ */

typedef struct {
    size_t pos, line, start;
    int fitness;
    bool flagged;
    double demerits;
    long prev; /* node index, -1 for the paragraph start */
    long next; /* next active node, -1 at the end */
} kp_node;

typedef struct {
    tx_para *p;
    const tx_break_opts *o;
    sums *s;
    kp_node *nodes;
    size_t nnodes;
    long active;
    double tolerance;
    bool justify;
    double ragged_stretch;
    double end_fill; /* stretch of the glue that ends a paragraph (HUGE_VAL: infinite) */
    size_t from, line0; /* the lines broken: from line line0, after break `from` */
} kp;

static long node_new(kp *k, kp_node n)
{
    k->nodes = tx_scratch(k->p->tx, TX_SCR_NODES, sizeof *k->nodes * (k->nnodes + 1));
    k->nodes[k->nnodes] = n;
    return (long)k->nnodes++;
}

/* The adjustment ratio of the line from node a to break b. */
static double line_ratio(const kp *k, const kp_node *a, size_t b)
{
    const sums *s = k->s;
    double L = tx_line_width(k->o, a->line, b >= k->p->nitems);
    size_t e = content_end(k->p, a->start, b);
    double w = s[e].w - s[a->start].w + break_width(k->p, b);
    if (w < L - EPS) {
        if (s[e].fill - s[a->start].fill > 0)
            return 0;
        double y = k->justify ? s[e].y - s[a->start].y : k->ragged_stretch;
        if (forced_at(k->p, b))
            y += k->end_fill;
        if (isinf(y))
            return 0;
        return y > EPS ? (L - w) / y : HUGE_VAL;
    }
    if (w > L + EPS) {
        double z = k->justify ? s[e].z - s[a->start].z : 0;
        return z > EPS ? (L - w) / z : -HUGE_VAL;
    }
    return 0;
}

static int fitness_class(double r)
{
    return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

/* TeX's demerits for justified text. Ragged text has no spaces to judge: there the cost of
 * a line grows with the square of what it leaves empty (minimum raggedness). */
static double demerits(const kp *k, const kp_node *a, size_t b, double r, int fit)
{
    const tx_item *it = b < k->p->nitems ? &k->p->items[b] : NULL;
    double d;
    if (k->justify) {
        /* uncapped, as FOP's: in the last pass, where any loose line is accepted, a line
         * that cannot stretch at all (one word) is worse than any that can */
        double q = fmin(fabs(r), MAX_RATIO);
        double bad = 100 * q * q * q;
        d = (LINE_PENALTY + bad) * (LINE_PENALTY + bad);
    } else {
        double bad = fmin(100 * r * r, INF_BAD);
        d = LINE_PENALTY * LINE_PENALTY + bad * bad;
    }
    if (it && it->kind == TI_PENALTY && it->penalty > -TX_INF_PENALTY)
        d += it->penalty >= 0 ? (double)it->penalty * it->penalty
                              : -(double)it->penalty * it->penalty;
    if (it && it->flagged && a->flagged)
        d += FLAGGED_DEMERITS;
    if (!it && a->flagged)
        d += FINAL_HYPHEN_DEMERITS;
    /* After a forced break a new paragraph starts, as in FOP: no fitness to match. */
    bool after_forced = a->prev >= 0 && forced_at(k->p, a->pos);
    if (abs(fit - a->fitness) > 1 && !after_forced)
        d += FITNESS_DEMERITS;
    return d;
}

typedef struct {
    double d;
    long from;
    int fitness;
} kp_candidate;

/* Tries every active node against break b; returns false when none is left. */
static bool kp_try(kp *k, size_t b, bool final)
{
    kp_candidate best[4];
    for (int f = 0; f < 4; f++)
        best[f] = (kp_candidate){HUGE_VAL, -1, f};
    bool found = false, forced = forced_at(k->p, b);
    long prev = -1, overfull = -1;
    for (long a = k->active; a >= 0;) {
        kp_node *n = &k->nodes[a];
        long next = n->next;
        double r = line_ratio(k, n, b);
        if (r >= -1 && r <= k->tolerance) {
            /* A last line with room to spare leaves its spaces as they are (the end glue
             * takes the slack): decent, whatever its badness. */
            bool slack_to_end_glue = forced && r > 0 && k->end_fill > 0;
            int fit = k->justify && !slack_to_end_glue ? fitness_class(r) : 1;
            double d = n->demerits + demerits(k, n, b, r, fit);
            if (d < best[fit].d)
                best[fit] = (kp_candidate){d, a, fit};
            found = true;
        }
        if (r < -1 && (overfull < 0 || n->pos > k->nodes[overfull].pos))
            overfull = a;
        if (r < -1 || forced) {
            if (prev < 0)
                k->active = next;
            else
                k->nodes[prev].next = next;
        } else {
            prev = a;
        }
        a = next;
    }
    if (!found && k->active < 0 && final && overfull >= 0) {
        /* The last hope: the least overfull line rather than lose the text. */
        best[1] = (kp_candidate){k->nodes[overfull].demerits, overfull, 1};
    }
    bool flagged = b < k->p->nitems && k->p->items[b].flagged;
    for (int f = 0; f < 4; f++) {
        if (best[f].from < 0)
            continue;
        kp_node nn = {b, k->nodes[best[f].from].line + 1, tx_line_start(k->p, b), f, flagged,
                      best[f].d, best[f].from, k->active};
        k->active = node_new(k, nn);
    }
    return k->active >= 0;
}

static bool kp_run(kp *k, bool hyphens, double tolerance, bool final)
{
    k->nnodes = 0;
    k->tolerance = tolerance;
    size_t start = k->line0 ? tx_line_start(k->p, k->from) : skip_discardable(k->p, 0);
    kp_node first = {k->from, k->line0, start, 1, false, 0, -1, -1};
    k->active = node_new(k, first);
    size_t b0 = k->line0 && start <= k->from ? k->from + 1 : start;
    for (size_t b = b0; b <= k->p->nitems; b++) {
        if (!tx_is_breakpoint(k->p, b, hyphens))
            continue;
        /* a proper name is cut only in the last pass, where looser lines compete */
        if (!final && b < k->p->nitems && k->p->items[b].kind == TI_PENALTY &&
            k->p->items[b].sub == TS_NAME)
            continue;
        if (!kp_try(k, b, final))
            return false;
    }
    return true;
}

static tx_breaks kp_collect(kp *k)
{
    long best = -1;
    for (long a = k->active; a >= 0; a = k->nodes[a].next)
        if (k->nodes[a].pos == k->p->nitems &&
            (best < 0 || k->nodes[a].demerits < k->nodes[best].demerits))
            best = a;
    size_t n = 0;
    for (long a = best; a >= 0 && k->nodes[a].prev >= 0; a = k->nodes[a].prev)
        n++;
    size_t *br = tx_scratch(k->p->tx, TX_SCR_BREAKS, sizeof *br * (n + 1));
    size_t i = n;
    for (long a = best; a >= 0 && k->nodes[a].prev >= 0; a = k->nodes[a].prev)
        br[--i] = k->nodes[a].pos;
    return (tx_breaks){br, best >= 0 ? n : 0};
}

static double ragged_stretch(const tx_para *p)
{
    for (size_t i = 0; i < p->nitems; i++)
        if (p->items[i].kind == TI_BOX && p->items[i].style && p->items[i].style->font)
            return 3 * p->items[i].style->font->size;
    return 36;
}

/* The glue that ends a paragraph, and a line before a forced break. Justified text ends
 * as in FOP: with a glue that stretches by a line's width (not TeX's infinite \parfillskip),
 * so a short last line has a badness and a paragraph that fits on fewer lines by shrinking
 * its spaces does so rather than leave a word alone on its last line. Ragged text, and a
 * last line justified too (where FOP's ratio for it would push all the looseness of a short
 * paragraph onto one line), keep an infinite one: their last line is free. */
static double end_fill(const tx_break_opts *o)
{
    if (o->text_align != TX_ALIGN_JUSTIFY || o->text_align_last == TX_ALIGN_JUSTIFY)
        return HUGE_VAL;
    return fmax(o->width - o->last_line_end_indent, 0);
}

tx_breaks tx_break_total_fit(tx_para *p, const tx_break_opts *o, size_t from, size_t line0)
{
    kp k = {.p = p, .o = o, .justify = o->text_align == TX_ALIGN_JUSTIFY, .from = from,
            .line0 = line0};
    k.s = sums_compute(p);
    k.ragged_stretch = ragged_stretch(p);
    k.end_fill = end_fill(o);
    /* First without hyphenation, then with it, then accepting any loose line, a proper
     * name cut at its hyphen, and overfull lines as a last resort. */
    if (kp_run(&k, false, TOLERANCE, false) || kp_run(&k, true, TOLERANCE, false) ||
        kp_run(&k, true, HUGE_VAL, true)) {
        tx_breaks br = kp_collect(&k);
        if (br.n)
            return br;
    }
    return tx_break_greedy(p, o, from, line0);
}
