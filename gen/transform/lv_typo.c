/* lv:typo: French typography on running text, on code points. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "transform/lv.h"
#include "util/grow.h"

enum { NBSP = 0xA0, NNBSP = 0x202F, THIN = 0x2009, LAQUO = 0xAB, RAQUO = 0xBB, RSQUO = 0x2019 };

typedef struct {
    uint32_t *cp;
    size_t n, cap;
} cps;

static void push(cps *v, uint32_t c)
{
    GROW_HEAP(v->cp, v->n, v->cap, 1, 64);
    v->cp[v->n++] = c;
}

/* Lenient UTF-8 decoding: a stray byte stands for itself (libxml2 gives valid UTF-8). */
static cps decode(const char *s)
{
    cps v = {0};
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t c = *p;
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        if (extra)
            c &= 0x3F >> extra;
        p++;
        for (int i = 0; i < extra && (*p & 0xC0) == 0x80; i++)
            c = (c << 6) | (*p++ & 0x3F);
        push(&v, c);
    }
    return v;
}

static char *encode(const cps *v)
{
    char *out = malloc(v->n * 4 + 1), *o = out;
    if (!out)
        abort();
    for (size_t i = 0; i < v->n; i++) {
        uint32_t c = v->cp[i];
        if (c < 0x80) {
            *o++ = (char)c;
        } else if (c < 0x800) {
            *o++ = (char)(0xC0 | c >> 6);
            *o++ = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *o++ = (char)(0xE0 | c >> 12);
            *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
            *o++ = (char)(0x80 | (c & 0x3F));
        } else {
            *o++ = (char)(0xF0 | c >> 18);
            *o++ = (char)(0x80 | ((c >> 12) & 0x3F));
            *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
            *o++ = (char)(0x80 | (c & 0x3F));
        }
    }
    *o = '\0';
    return out;
}

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_hard_space(uint32_t c)
{
    return c == NBSP || c == NNBSP || c == THIN;
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Letters for word boundaries: ASCII and Latin-1/Latin Extended letters. */
static bool is_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

static bool is_high_punct(uint32_t c)
{
    return c == ';' || c == '!' || c == '?';
}

static uint32_t at(const cps *v, size_t i)
{
    return i < v->n ? v->cp[i] : 0;
}

/* True when the punctuation at `i` ends a phrase: followed (after more ;!?:) by a space,
 * the end or closing punctuation. Not so in "09:30" or "http://x?a=1". */
static bool closes_phrase(const cps *in, size_t i)
{
    size_t k = i + 1;
    while (is_high_punct(at(in, k)) || at(in, k) == ':')
        k++;
    uint32_t c = at(in, k);
    return c == 0 || is_space(c) || is_hard_space(c) || c == ')' || c == ']' || c == RAQUO || c == ',' ||
           c == '.' || c == '"' || c == 0x201D || c == RSQUO || c == 0x2026 || c == '\'';
}

/* True when a unit that sticks to its number starts at `i` ("30 %", "12 km²"). */
static bool unit_at(const cps *in, size_t i)
{
    static const char *const units[] = {"%",  "€",  "k€", "M€", "Md€", "km²", "km2", "km", "m²",
                                        "m2", "m³", "m3", "m",  "ha",  "h",   "min", "kg", "hab.",
                                        "habitants"};
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        cps w = decode(units[u]);
        bool match = i + w.n <= in->n && memcmp(in->cp + i, w.cp, w.n * sizeof *w.cp) == 0 &&
                     !is_letter(at(in, i + w.n)) && !is_digit(at(in, i + w.n));
        free(w.cp);
        if (match)
            return true;
    }
    return false;
}

/* True when a month's name starts at `i` ("20 juin 2025": the day never ends a line). */
static bool month_at(const cps *in, size_t i)
{
    static const char *const months[] = {"janvier", "février", "mars",      "avril",   "mai",
                                         "juin",    "juillet", "août",      "septembre",
                                         "octobre", "novembre", "décembre"};
    for (size_t m = 0; m < sizeof months / sizeof *months; m++) {
        cps w = decode(months[m]);
        bool match = i + w.n <= in->n && memcmp(in->cp + i, w.cp, w.n * sizeof *w.cp) == 0 &&
                     !is_letter(at(in, i + w.n));
        free(w.cp);
        if (match)
            return true;
    }
    return false;
}

/* True when the output ends with a day of the month: "20", "1er". */
static bool day_before(const cps *out)
{
    size_t n = out->n;
    if (n >= 3 && out->cp[n - 1] == 'r' && out->cp[n - 2] == 'e' && is_digit(out->cp[n - 3]))
        n -= 2;
    if (n == 0 || !is_digit(out->cp[n - 1]))
        return false;
    size_t k = n - 1;
    while (k > 0 && is_digit(out->cp[k - 1]))
        k--;
    return n - k <= 2 && (k == 0 || !is_letter(out->cp[k - 1]));
}

/* True when the output ends with a length unit standing alone ("m", "km", "cm" after a
 * space, a digit or the start): a 2 or 3 glued to it is an exponent ("12 m2"). */
static bool square_unit_before(const cps *out)
{
    size_t n = out->n;
    if (n == 0 || out->cp[n - 1] != 'm')
        return false;
    size_t k = n - 1;
    if (k > 0 && (out->cp[k - 1] == 'k' || out->cp[k - 1] == 'c'))
        k--;
    return k == 0 || !is_letter(out->cp[k - 1]);
}

/* What a run of spaces before `next` becomes, or 0 to drop it (`out`: what is written). */
static uint32_t gap(const cps *in, size_t next, uint32_t prev, const cps *out)
{
    uint32_t c = at(in, next);
    if (is_hard_space(prev) || prev == LAQUO || is_hard_space(c))
        return 0;
    if (is_high_punct(c) && closes_phrase(in, next))
        return NNBSP;
    if ((c == ':' && closes_phrase(in, next)) || c == RAQUO)
        return NBSP;
    if (is_digit(prev) && unit_at(in, next))
        return NBSP;
    if (month_at(in, next) && day_before(out))
        return NBSP;
    return ' ';
}

char *lv_typo(const char *s)
{
    cps in = decode(s ? s : ""), out = {0};
    for (size_t i = 0; i < in.n; i++) {
        uint32_t c = in.cp[i], prev = out.n ? out.cp[out.n - 1] : 0;
        if (is_space(c)) {
            size_t j = i;
            while (is_space(at(&in, j)))
                j++;
            uint32_t g = gap(&in, j, prev, &out);
            if (g)
                push(&out, g);
            i = j - 1;
        } else if ((is_high_punct(c) || c == ':') && closes_phrase(&in, i)) {
            bool glued = prev && !is_space(prev) && !is_hard_space(prev) && !is_high_punct(prev) &&
                         prev != ':' && prev != '(' && prev != '[' && prev != LAQUO;
            if (glued)
                push(&out, c == ':' ? NBSP : NNBSP);
            push(&out, c);
        } else if (c == LAQUO) {
            push(&out, c);
            push(&out, NBSP);
            while (is_space(at(&in, i + 1)) || is_hard_space(at(&in, i + 1)))
                i++;
        } else if (c == RAQUO) {
            if (prev && !is_space(prev) && !is_hard_space(prev))
                push(&out, NBSP);
            push(&out, c);
        } else if ((c == '2' || c == '3') && square_unit_before(&out) && !is_letter(at(&in, i + 1)) &&
                   !is_digit(at(&in, i + 1))) {
            push(&out, c == '2' ? 0xB2 : 0xB3); /* m2 → m², km3 → km³ */
        } else if (c == '\'') {
            push(&out, RSQUO);
        } else if ((c == '%' || c == 0x20AC) && is_digit(prev)) {
            push(&out, NBSP);
            push(&out, c);
        } else {
            push(&out, c);
        }
    }
    char *r = encode(&out);
    free(in.cp);
    free(out.cp);
    return r;
}
