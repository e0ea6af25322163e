/* Ordinal suffixes marked for superscript: "1er", "2e", "XIIIe" (French typography sets
 * them raised and smaller). Works on UTF-8 bytes: every pattern is ASCII, and any byte of
 * a multi-byte character counts as a letter, so "é2e" is left alone. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "transform/lv.h"

static bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static bool is_wordish(unsigned char c)
{
    return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool is_roman(unsigned char c) { return c == 'I' || c == 'V' || c == 'X'; }

/* The length of the ordinal suffix at s (longest first), or 0. */
static size_t suffix_at(const char *s, bool roman)
{
    static const char *const arabic[] = {"ers", "res", "nds", "ndes", "nde", "er", "re", "nd", "es", "e"};
    static const char *const latin[] = {"ers", "er", "es", "e"};
    const char *const *list = roman ? latin : arabic;
    size_t n = roman ? sizeof latin / sizeof *latin : sizeof arabic / sizeof *arabic;
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(list[i]);
        if (len > best && strncmp(s, list[i], len) == 0 && !is_wordish((unsigned char)s[len]))
            best = len;
    }
    return best;
}

char *lv_superscripts(const char *s)
{
    s = s ? s : "";
    size_t n = strlen(s);
    /* each match adds 6 bytes of marks to at least 2 bytes of text */
    char *out = malloc(4 * n + 1), *o = out;
    if (!out)
        abort();
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        bool start = i == 0 || !is_wordish((unsigned char)s[i - 1]);
        size_t j = i;
        if (start && is_ascii_digit(c))
            while (is_ascii_digit((unsigned char)s[j]))
                j++;
        else if (start && is_roman(c))
            while (is_roman((unsigned char)s[j]))
                j++;
        size_t suf = j > i ? suffix_at(s + j, !is_ascii_digit(c)) : 0;
        /* A lone Roman letter only in "Ier", "Ve", "Xe": never a word such as "Ver". */
        if (suf && !is_ascii_digit(c) && j - i == 1 &&
            !(c == 'I' ? strncmp(s + j, "er", 2) == 0 && suf == 2 : suf == 1))
            suf = 0;
        if (!suf) {
            size_t k = j > i ? j : i + 1;
            memcpy(o, s + i, k - i);
            o += k - i;
            i = k;
            continue;
        }
        memcpy(o, s + i, j - i);
        o += j - i;
        memcpy(o, LV_SUP_OPEN, 3);
        memcpy(o + 3, s + j, suf);
        memcpy(o + 3 + suf, LV_SUP_CLOSE, 3);
        o += 6 + suf;
        i = j + suf;
    }
    *o = '\0';
    return out;
}
