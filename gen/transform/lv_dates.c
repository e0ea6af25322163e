/* lv:date, lv:month-year, lv:date-range: ISO dates as French prose. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "transform/lv.h"
#include "util/xalloc.h"

static const char *const months[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                     "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

typedef struct {
    int year, month, day; /* month and day 0 when absent */
} ymd;

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (surrounding spaces allowed). */
static bool parse_iso(const char *s, ymd *d)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    *d = (ymd){0};
    if (!(n == 4 || n == 7 || n == 10) || !digits(s, 4))
        return false;
    d->year = atoi(s);
    if (n >= 7) {
        if (s[4] != '-' || !digits(s + 5, 2))
            return false;
        d->month = (s[5] - '0') * 10 + (s[6] - '0');
        if (d->month < 1 || d->month > 12)
            return false;
    }
    if (n == 10) {
        if (s[7] != '-' || !digits(s + 8, 2))
            return false;
        d->day = (s[8] - '0') * 10 + (s[9] - '0');
        if (d->day < 1 || d->day > 31)
            return false;
    }
    return true;
}

/* "1er", "12". */
static void put_day(char *out, size_t size, int day)
{
    snprintf(out, size, day == 1 ? "1er" : "%d", day);
}

/* The date's day, month and year joined by spaces, leaving out the month or the year
 * when asked (for ranges that share them). */
static void format_ymd(char *out, size_t size, const ymd *d, bool with_month, bool with_year)
{
    char day[8] = "";
    if (d->day)
        put_day(day, sizeof day, d->day);
    const char *parts[3] = {day, with_month && d->month ? months[d->month - 1] : "", ""};
    char year[16] = "";
    if (with_year)
        snprintf(year, sizeof year, "%d", d->year);
    parts[2] = year;
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; i < 3; i++) {
        if (!*parts[i])
            continue;
        n += (size_t)snprintf(out + n, n < size ? size - n : 0, "%s%s", n ? " " : "", parts[i]);
    }
}

char *lv_date(const char *iso)
{
    ymd d;
    if (!iso || !parse_iso(iso, &d))
        return xstrdup(iso ? iso : "");
    char buf[64];
    format_ymd(buf, sizeof buf, &d, true, true);
    return xstrdup(buf);
}

char *lv_month_year(const char *iso)
{
    ymd d;
    if (!iso || !parse_iso(iso, &d))
        return xstrdup(iso ? iso : "");
    d.day = 0;
    char buf[64];
    format_ymd(buf, sizeof buf, &d, true, true);
    return xstrdup(buf);
}

char *lv_date_range(const char *from, const char *to)
{
    ymd a, b;
    if (!from || !parse_iso(from, &a))
        return xstrdup(from ? from : "");
    bool same = !to || !*to || strcmp(from, to) == 0 || !parse_iso(to, &b);
    char buf[160], first[64], last[64];
    if (same) {
        format_ymd(first, sizeof first, &a, true, true);
        snprintf(buf, sizeof buf, "%s %s", a.day ? "le" : "en", first);
        return xstrdup(buf);
    }
    /* Say the year (and the month) once when both ends share it. */
    bool same_year = a.year == b.year;
    bool same_month = same_year && a.month == b.month && a.day && b.day;
    format_ymd(first, sizeof first, &a, !same_month, !same_year);
    format_ymd(last, sizeof last, &b, true, true);
    if (a.day)
        snprintf(buf, sizeof buf, "du %s au %s", first, last);
    else /* "de mars à mai", "d’avril à juin" */
        snprintf(buf, sizeof buf, "%s%s à %s", (first[0] == 'a' || first[0] == 'o') ? "d’" : "de ", first, last);
    return xstrdup(buf);
}
