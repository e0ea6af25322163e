/* Reading amounts, years and permitted words out of cells typed every way people type them. */
#include <glib.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source/source_sheet_values.h"
#include "util/xalloc.h"

char *sheet_clean_text(const char *text)
{
    GString *out = g_string_new(NULL);
    bool space = false;
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c) || c == 0xA0 || c == 0x202F) {
            space = out->len > 0;
            continue;
        }
        if (g_unichar_iscntrl(c))
            continue;
        if (space)
            g_string_append_c(out, ' ');
        space = false;
        g_string_append_unichar(out, c);
    }
    char *r = xstrdup(out->str);
    g_string_free(out, TRUE);
    return r;
}

int64_t sheet_unit(const char *text)
{
    char *f = sheet_fold(text);
    int64_t unit = 0;
    if (!*f || strcmp(f, "€") == 0 || strcmp(f, "eur") == 0 || strcmp(f, "euro") == 0 || strcmp(f, "euros") == 0)
        unit = 1;
    else if (strcmp(f, "k€") == 0 || strcmp(f, "keur") == 0)
        unit = 1000;
    else if (strcmp(f, "m€") == 0 || strcmp(f, "meur") == 0)
        unit = 1000000;
    free(f);
    return unit;
}

/* A typed number in cents, refusing what is not a whole number of cents. */
static sheet_value_status number_cents(const char *text, int64_t unit, int64_t *cents)
{
    char *end;
    double v = g_ascii_strtod(text, &end);
    if (*end || end == text || !isfinite(v) || fabs(v) * (double)unit > 1e15)
        return SHEET_VALUE_BAD;
    if (v < 0)
        return SHEET_VALUE_NEGATIVE;
    double c = v * (double)unit * 100.0;
    double r = round(c);
    if (fabs(c - r) > 1e-6 * fmax(1.0, r))
        return SHEET_VALUE_CENTS;
    *cents = (int64_t)r;
    return SHEET_VALUE_OK;
}

/* Splits "50 000,50 k€" into its digits and separators and its unit. */
static sheet_value_status text_cents(const char *text, int64_t unit, int64_t *cents)
{
    GString *num = g_string_new(NULL);
    const char *p = text;
    for (; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c) || c == 0xA0 || c == 0x202F || c == 0x2009)
            continue; /* thousands separated by spaces, breaking or not */
        if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '+')
            g_string_append_c(num, (char)c);
        else
            break;
    }
    int64_t suffix = sheet_unit(p);
    if (!suffix || num->len == 0) {
        g_string_free(num, TRUE);
        return SHEET_VALUE_BAD;
    }
    char *s = num->str;
    if (s[0] == '-') {
        g_string_free(num, TRUE);
        return SHEET_VALUE_NEGATIVE;
    }
    if (s[0] == '+')
        s++;
    int dots = 0, commas = 0;
    for (char *q = s; *q; q++)
        dots += *q == '.', commas += *q == ',';
    /* The decimal separator is the last of two kinds, or a lone one; the other groups
     * thousands ("1.250,50", "1,250.50", "1.000.000"). */
    char decimal = 0, group = 0;
    if (dots && commas)
        decimal = strrchr(s, '.') > strrchr(s, ',') ? '.' : ',';
    else if (commas == 1)
        decimal = ',';
    else if (dots == 1)
        decimal = '.';
    group = decimal == '.' ? (commas ? ',' : 0) : decimal == ',' ? (dots ? '.' : 0) : dots ? '.' : commas ? ',' : 0;
    const char *dec = decimal ? strrchr(s, decimal) : NULL;
    if (decimal == '.' && !commas && strlen(dec + 1) == 3) {
        g_string_free(num, TRUE);
        return SHEET_VALUE_AMBIGUOUS;
    }
    /* Digits only, groups of three after the first, one decimal separator. */
    bool ok = (!decimal || (decimal == '.' ? dots : commas) == 1) && s[0] >= '0' && s[0] <= '9';
    GString *plain = g_string_new(NULL);
    int run = 0, groups = 0;
    for (const char *q = s; ok && *q && q != dec; q++) {
        if (*q >= '0' && *q <= '9') {
            g_string_append_c(plain, *q);
            run++;
        } else if (*q == group && (groups ? run == 3 : run >= 1 && run <= 3)) {
            groups++;
            run = 0;
        } else {
            ok = false;
        }
    }
    ok = ok && (!groups || run == 3);
    if (ok && dec) {
        g_string_append_c(plain, '.');
        g_string_append(plain, dec + 1);
        ok = dec[1] && strspn(dec + 1, "0123456789") == strlen(dec + 1);
    }
    sheet_value_status st = ok ? number_cents(plain->str, unit * suffix, cents) : SHEET_VALUE_BAD;
    g_string_free(plain, TRUE);
    g_string_free(num, TRUE);
    return st;
}

sheet_value_status sheet_amount(const sheet_cell *cell, int64_t unit, int64_t *cents)
{
    if (!cell || !cell->text)
        return SHEET_VALUE_BAD;
    if (cell->kind == SHEET_NUMBER)
        return number_cents(cell->text, unit, cents);
    if (cell->kind == SHEET_DATE)
        return SHEET_VALUE_BAD;
    return text_cents(cell->text, unit, cents);
}

void sheet_amount_format(int64_t cents, char out[32])
{
    if (cents % 100 == 0)
        snprintf(out, 32, "%" PRId64, cents / 100);
    else
        snprintf(out, 32, "%" PRId64 ".%02" PRId64, cents / 100, cents % 100);
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return n > 0;
}

bool sheet_year(const sheet_cell *cell, char out[5])
{
    if (!cell || !cell->text)
        return false;
    char *t = sheet_clean_text(cell->text);
    bool ok = false;
    size_t n = strlen(t);
    if (cell->kind == SHEET_DATE && n >= 4 && all_digits(t, 4)) {
        memcpy(out, t, 4), ok = true;
    } else if (cell->kind == SHEET_NUMBER) {
        char *end;
        double v = g_ascii_strtod(t, &end);
        if (!*end && v == floor(v) && v >= 1000 && v <= 9999)
            snprintf(out, 5, "%d", (int)v), ok = true;
    } else if (n == 4 && all_digits(t, 4)) {
        memcpy(out, t, 4), ok = true;
    } else if (n >= 8 && all_digits(t + n - 4, 4) && t[n - 5] == '/') {
        memcpy(out, t + n - 4, 4), ok = true; /* 15/03/2026 */
    }
    out[4] = '\0';
    free(t);
    return ok && out[0] != '0';
}

bool sheet_positive_integer(const sheet_cell *cell, char out[16])
{
    if (!cell || !cell->text || cell->kind == SHEET_DATE)
        return false;
    char *t = sheet_clean_text(cell->text);
    char *end;
    double v = cell->kind == SHEET_NUMBER ? g_ascii_strtod(t, &end) : (double)strtol(t, &end, 10);
    bool ok = end != t && v >= 1 && v <= 1e9 && v == floor(v) &&
              (cell->kind == SHEET_NUMBER ? !*end : (!*end || *end == ' ')) && t[0] != '+';
    if (ok)
        snprintf(out, 16, "%ld", (long)v);
    free(t);
    return ok;
}

const char *sheet_choice(const char *text, const char *const *allowed)
{
    char *f = sheet_fold(text);
    const char *found = NULL;
    for (int i = 0; allowed[i] && !found; i++)
        if (strcmp(f, allowed[i]) == 0)
            found = allowed[i];
    free(f);
    return found;
}
