/* lv:share: percentages that add up to exactly 100 % (largest-remainder rounding). */
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
    long long *rest = calloc(n ? n : 1, sizeof *rest);
    if (!cents || !rest)
        abort();
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        ok = isfinite(values[i]) && values[i] >= 0;
        cents[i] = ok ? llround(values[i] * 100.0) : 0;
        total += cents[i];
    }
    ok = ok && total > 0;
    long given = 0;
    for (size_t i = 0; ok && i < n; i++) {
        long long scaled = cents[i] * units; /* < 2^63 for amounts under 10^13 euros */
        out[i] = (long)(scaled / total);
        rest[i] = scaled % total;
        given += out[i];
    }
    /* The units still to give go one each to the largest remainders, the first on ties. */
    for (; ok && given < units; given++) {
        size_t best = 0;
        for (size_t i = 1; i < n; i++)
            if (rest[i] > rest[best])
                best = i;
        out[best]++;
        rest[best] = -1;
    }
    free(cents);
    free(rest);
    return ok;
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
        char *num = lv_number(tenths[index - 1] / 10.0);
        size_t len = strlen(num);
        r = realloc(num, len + sizeof LV_NBSP "%");
        if (!r)
            abort();
        memcpy(r + len, LV_NBSP "%", sizeof LV_NBSP "%");
    }
    free(tenths);
    return r;
}
