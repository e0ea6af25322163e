/* lv:share: percentages, each rounded to a tenth of a percent, half away from zero. */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "transform/lv.h"
#include "util/xalloc.h"

/* Amounts are compared in whole cents so that the rounding is exact integer arithmetic. */
bool lv_shares(const double *values, size_t n, long units, long *out)
{
    long long total = 0;
    long long *cents = calloc(n ? n : 1, sizeof *cents);
    if (!cents)
        abort();
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        ok = isfinite(values[i]) && values[i] >= 0;
        cents[i] = ok ? llround(values[i] * 100.0) : 0;
        total += cents[i];
    }
    ok = ok && total > 0;
    /* Each share rounded on its own, half up (shares are never negative, so half away from
     * zero, the French usage): exactly 5.85 % is 5.9 %, 5.845 % is 5.8 %. Never nudged to make the
     * column add up: a published share is the one a reader who divides finds. */
    for (size_t i = 0; ok && i < n; i++)
        out[i] = (long)((2 * cents[i] * units + total) / (2 * total)); /* < 2^63 under 10^12 euros */
    free(cents);
    return ok;
}

long lv_shares_sum(const double *values, size_t n, long units)
{
    long *parts = calloc(n ? n : 1, sizeof *parts);
    if (!parts)
        abort();
    long sum = -1;
    if (lv_shares(values, n, units, parts)) {
        sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += parts[i];
    }
    free(parts);
    return sum;
}

char *lv_share(const double *values, size_t n, size_t index)
{
    long *tenths = calloc(n ? n : 1, sizeof *tenths);
    if (!tenths)
        abort();
    char *r;
    if (index < 1 || index > n || !lv_shares(values, n, 1000, tenths)) {
        r = xstrdup("");
    } else {
        /* always one decimal, so that a column of shares reads alike: "29,0 %", "17,8 %" */
        char *whole = lv_number((double)(tenths[index - 1] / 10));
        size_t len = strlen(whole);
        r = realloc(whole, len + 2 + sizeof LV_NBSP "%");
        if (!r)
            abort();
        r[len] = ',';
        r[len + 1] = (char)('0' + tenths[index - 1] % 10); /* shares are never negative */
        memcpy(r + len + 2, LV_NBSP "%", sizeof LV_NBSP "%");
    }
    free(tenths);
    return r;
}
