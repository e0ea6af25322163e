/* lv:amount and lv:number: French number formatting, independent of the C locale. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "transform/lv.h"
#include "util/xalloc.h"

/* Writes the whole number `n` with U+202F between groups of three digits. */
static void put_grouped(char *out, unsigned long long n)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%llu", n);
    char *o = out;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0) {
            memcpy(o, LV_NNBSP, 3);
            o += 3;
        }
        *o++ = digits[i];
    }
    *o = '\0';
}

/* `x` in French: grouped units, then a comma and `decimals` digits of cents when
 * `with_cents` ("12,50"), trailing zeros dropped when `trim`. */
static char *format_number(double x, bool with_cents, bool trim)
{
    if (isnan(x) || isinf(x))
        return xstrdup("");
    unsigned long long cents = (unsigned long long)llround(fabs(x) * 100.0);
    char buf[96], *o = buf;
    if (x < 0 && cents > 0)
        *o++ = '-';
    put_grouped(o, cents / 100);
    o += strlen(o);
    unsigned frac = (unsigned)(cents % 100);
    if (with_cents && frac) {
        if (trim && frac % 10 == 0)
            sprintf(o, ",%u", frac / 10);
        else
            sprintf(o, ",%02u", frac);
    }
    return xstrdup(buf);
}

char *lv_number(double x)
{
    return format_number(x, true, true);
}

char *lv_amount(double x)
{
    char *n = format_number(x, true, false);
    if (!*n)
        return n;
    size_t len = strlen(n);
    char *r = realloc(n, len + sizeof LV_NBSP "€");
    if (!r)
        abort();
    memcpy(r + len, LV_NBSP "€", sizeof LV_NBSP "€");
    return r;
}
