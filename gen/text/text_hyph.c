/* Hyphenation points of a word from libhyphen's pattern dictionaries (UTF-8 ones, as
 * shipped by Debian's hyphen-* packages), computed once per shaped word. */
#include "text/text_impl.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HYPH_MIN_LETTERS = 5, HYPH_LEFT_MIN = 2, HYPH_RIGHT_MIN = 2, HYPH_MAX_BYTES = 200 };

static HyphenDict *dict_load(const char *lang)
{
    char ll[3] = {0};
    if (!lang || !g_ascii_isalpha(lang[0]) || !g_ascii_isalpha(lang[1]))
        return NULL;
    ll[0] = g_ascii_tolower(lang[0]);
    ll[1] = g_ascii_tolower(lang[1]);
    char path[256];
    snprintf(path, sizeof path, "/usr/share/hyphen/hyph_%s.dic", ll);
    HyphenDict *d = hnj_hyphen_load(path);
    if (d)
        return d;
    snprintf(path, sizeof path, "/usr/share/hyphen/hyph_%s_*.dic", ll);
    glob_t g;
    if (glob(path, 0, NULL, &g) == 0 && g.gl_pathc > 0)
        d = hnj_hyphen_load(g.gl_pathv[0]);
    globfree(&g);
    return d;
}

HyphenDict *tx_hyph_dict(tx_engine *tx, const char *lang)
{
    if (!lang || !*lang)
        return NULL;
    for (size_t i = 0; i < tx->nlangs; i++)
        if (strcmp(tx->langs[i].lang, lang) == 0)
            return tx->langs[i].dict;
    tx->langs = g_renew(tx_hyph_lang, tx->langs, tx->nlangs + 1);
    tx->langs[tx->nlangs] = (tx_hyph_lang){g_strdup(lang), dict_load(lang)};
    return tx->langs[tx->nlangs++].dict;
}

/* The longest run of letters in the word (bytes [*from, *to)), and whether the word may be
 * hyphenated at all: no digits, not all capitals, long enough. */
static bool letters_span(const char *w, size_t len, size_t *from, size_t *to, int *nletters)
{
    size_t best_from = 0, best_to = 0, cur = 0;
    int best_n = 0, n = 0, lower = 0;
    bool in = false;
    for (const char *p = w; p < w + len; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isdigit(c))
            return false;
        if (g_unichar_isalpha(c) || c == 0xAD) {
            if (!in)
                cur = (size_t)(p - w), n = 0;
            in = true;
            n++;
            lower += g_unichar_islower(c);
            if (n > best_n)
                best_from = cur, best_to = (size_t)(g_utf8_next_char(p) - w), best_n = n;
        } else {
            in = false;
        }
    }
    *from = best_from;
    *to = best_to;
    *nletters = best_n;
    return best_n >= HYPH_MIN_LETTERS && lower > 0 && best_to - best_from < HYPH_MAX_BYTES;
}

void tx_hyphenate(tx_engine *tx, tx_shaped *sh, const char *word, size_t len, HyphenDict *dict)
{
    if (sh->nhyph >= 0)
        return;
    sh->nhyph = 0;
    size_t from, to;
    int n;
    if (!dict || !letters_span(word, len, &from, &to, &n))
        return;
    char *low = g_utf8_strdown(word + from, (gssize)(to - from));
    if (strlen(low) != to - from) { /* case mapping changed lengths: offsets would lie */
        g_free(low);
        return;
    }
    char hyphens[HYPH_MAX_BYTES + 8];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    memset(hyphens, 0, sizeof hyphens);
    if (hnj_hyphen_hyphenate3(dict, low, (int)(to - from), hyphens, NULL, &rep, &pos, &cut,
                              HYPH_LEFT_MIN, HYPH_RIGHT_MIN, HYPH_LEFT_MIN, HYPH_RIGHT_MIN) != 0) {
        g_free(low);
        return;
    }
    /* hyphens[] is indexed by character in UTF-8 dictionaries: odd means "after this one". */
    uint32_t points[HYPH_MAX_BYTES];
    int np = 0, ci = 0;
    for (const char *p = low; *p; p = g_utf8_next_char(p), ci++) {
        const char *next = g_utf8_next_char(p);
        if ((hyphens[ci] & 1) && *next && ci + 1 >= HYPH_LEFT_MIN && n - ci - 1 >= HYPH_RIGHT_MIN)
            points[np++] = (uint32_t)(from + (size_t)(next - low));
    }
    if (rep) { /* non-standard hyphenation (not used by French): ignore its changes */
        for (size_t i = 0; i < to - from; i++)
            free(rep[i]);
        free(rep);
        free(pos);
        free(cut);
    }
    g_free(low);
    if (np) {
        sh->hyph = ARENA_NEW_ARRAY(tx->mem, uint32_t, (size_t)np);
        memcpy(sh->hyph, points, sizeof points[0] * (size_t)np);
        sh->nhyph = np;
    }
}
