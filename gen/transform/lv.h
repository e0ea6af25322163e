/* The French-typography helpers behind the lv: extension functions, as plain C so they can
 * be tested without a stylesheet. Every function returns a malloc'd UTF-8 string the
 * caller frees; none fails (allocation failure aborts). */
#ifndef LIVRABLES_LV_H
#define LIVRABLES_LV_H

#include <stdbool.h>
#include <stddef.h>

/* Code points the functions insert. */
#define LV_NNBSP "\xE2\x80\xAF" /* U+202F narrow no-break space */
#define LV_NBSP "\xC2\xA0"      /* U+00A0 no-break space */

/* French typography on running text: U+202F before ; ! ? (replacing a space or inserted),
 * U+00A0 before : and inside « », U+00A0 between a number and % € or an obvious unit,
 * ' → ’, runs of spaces collapsed, m2 km2 m3 after a number → m² km² m³. Times (09:30) and URLs (http://x?a=1) are left alone:
 * punctuation gets a space only when followed by a space, the end or closing punctuation. */
char *lv_typo(const char *s);

/* Marks of superscript runs in the text lv_superscripts returns: U+E000 opens one, U+E001
 * closes it (private-use code points, never in a source). */
#define LV_SUP_OPEN "\xEE\x80\x80"
#define LV_SUP_CLOSE "\xEE\x80\x81"

/* The text with the suffixes French typography sets as superscripts marked: ordinals after
 * figures ("1er", "1re", "2e", "2nd", "3es") and after Roman numerals ("XIIIe", "Ier").
 * "1er" → "1" LV_SUP_OPEN "er" LV_SUP_CLOSE. The stylesheets turn the marks into
 * superscript inlines. */
char *lv_superscripts(const char *s);

/* An amount in euros: "1 250 000 €" (U+202F thousands separator, U+00A0 before €); two
 * decimals with a comma when not whole ("1 250,50 €"). NaN gives "". */
char *lv_amount(double x);

/* A number: "30 000", "12,5" (at most two decimals, trailing zeros dropped). NaN gives "". */
char *lv_number(double x);

/* "2025-03-12" → "12 mars 2025", "2025-03-01" → "1er mars 2025"; "2025-03" → "mars 2025";
 * "2025" → "2025". Anything else is returned unchanged. */
char *lv_date(const char *iso);

/* "2025-03-12" → "mars 2025". Anything else is returned unchanged. */
char *lv_month_year(const char *iso);

/* A period as a phrase: "du 12 au 14 mars 2025", "du 12 mars au 4 avril 2025",
 * "du 12 décembre 2025 au 14 janvier 2026", "le 12 mars 2025" (same day or no end). */
char *lv_date_range(const char *from, const char *to);

/* `units` (1000 for tenths of a percent) shared out between the `n` non-negative `values`
 * in proportion, each share rounded on its own to the nearest unit, half away from zero,
 * written to `out`. The rounded shares may add up to a unit more or less than `units`
 * (three thirds are 333 + 333 + 333); see lv_shares_sum(). False, `out` unspecified, when a
 * value is negative or not finite or all are zero. */
bool lv_shares(const double *values, size_t n, long units, long *out);

/* The sum of the rounded shares lv_shares() gives, -1 when it fails: a table whose shares
 * don't add up to `units` says so under it. */
long lv_shares_sum(const double *values, size_t n, long units);

/* The share of values[index - 1] in the sum of the `n` values, in French with one decimal:
 * "38,2 %", "40,0 %" (lv_shares() rounding). "" when lv_shares() fails or index is not in
 * 1..n. */
char *lv_share(const double *values, size_t n, size_t index);

/* The words of `texts` for a search of whole words: " " then, for each text, a space and
 * the text with every character of `separators` (UTF-8) replaced by a space, then " ". The
 * same string as XPath's concat(' ', translate(T, separators, spaces), ' ') where T joins
 * the texts each preceded by a space, without translate()'s cost (a lookup of every
 * separator for each character, then a buffer call for it): the glossary looks for its
 * acronyms in the whole text of a document. */
char *lv_words(const char *const *texts, size_t n, const char *separators);

#endif
