/* Values: keywords, numbers, units and colours. */
#include "fo/fo_internal.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const kw_names[FO_KW_COUNT] = {
    [FO_KW_UNSET] = "",
#define KW(c, name) [FO_KW_##c] = name,
#include "fo/keywords.def"
#undef KW
};

static fo_hash kw_table;
static pthread_once_t kw_once = PTHREAD_ONCE_INIT;

static void kw_init(void)
{
    fo_hash_init(&kw_table, FO_KW_COUNT);
    for (int k = 1; k < FO_KW_COUNT; k++)
        fo_hash_put(&kw_table, kw_names[k], k);
}

const char *fo_kw_name(fo_kw kw)
{
    return (unsigned)kw < FO_KW_COUNT ? kw_names[kw] : "";
}

fo_kw fo_kw_lookup(const char *s, size_t len)
{
    pthread_once(&kw_once, kw_init);
    int k = fo_hash_get(&kw_table, s, len);
    return k < 0 ? FO_KW_UNSET : (fo_kw)k;
}

bool fo_ieq(const char *s, size_t len, const char *lit)
{
    return strlen(lit) == len && strncasecmp(s, lit, len) == 0;
}

/* strtod depends on LC_NUMERIC ("1,5" in French): FO numbers always use a dot. */
bool fo_parse_number(const char **sp, double *out)
{
    const char *s = *sp;
    double v = 0;
    bool digits = false;
    while (*s >= '0' && *s <= '9') {
        v = v * 10 + (*s++ - '0');
        digits = true;
    }
    if (*s == '.' && s[1] >= '0' && s[1] <= '9') {
        s++;
        double scale = 0.1;
        while (*s >= '0' && *s <= '9') {
            v += (*s++ - '0') * scale;
            scale /= 10;
        }
        digits = true;
    }
    if (!digits)
        return false;
    if ((*s == 'e' || *s == 'E') && s[1] >= '0' && s[1] <= '9') {
        /* exponents are not XSL syntax but appear in generated FO; "1em" is not one */
        s++;
        int e = 0;
        while (*s >= '0' && *s <= '9')
            e = e * 10 + (*s++ - '0');
        v *= pow(10, e);
    }
    *out = v;
    *sp = s;
    return true;
}

double fo_unit_points(const char *u, size_t len)
{
    if (len != 2)
        return 0;
    static const struct {
        char name[3];
        double pt;
    } units[] = {
        {"pt", 1.0},          {"mm", 72.0 / 25.4}, {"cm", 72.0 / 2.54},
        {"in", 72.0},         {"pc", 12.0},        {"px", 0.75},
    };
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (u[0] == units[i].name[0] && u[1] == units[i].name[1])
            return units[i].pt;
    return 0;
}

double fo_len_resolve(fo_len len, double base)
{
    return len.abs + len.rel * base;
}

bool fo_len_is_auto(fo_len len)
{
    return len.kw == FO_KW_auto;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static bool parse_hex(const char *s, size_t n, fo_color *out)
{
    int v[8];
    if (n != 3 && n != 4 && n != 6 && n != 8)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((v[i] = hexval(s[i])) < 0)
            return false;
    float c[4] = {0, 0, 0, 1};
    if (n <= 4)
        for (size_t i = 0; i < n; i++)
            c[i] = (float)(v[i] * 17) / 255.0f;
    else
        for (size_t i = 0; i < n / 2; i++)
            c[i] = (float)(v[2 * i] * 16 + v[2 * i + 1]) / 255.0f;
    *out = (fo_color){c[0], c[1], c[2], c[3]};
    return true;
}

static const char *skip_ws(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return s;
}

/* rgb(r, g, b), rgb-icc(r, g, b, ...) with 0..255 numbers or percentages;
 * cmyk(c, m, y, k) with 0..1 numbers or percentages (a FOP extension). */
static bool parse_function_color(const char *s, fo_color *out)
{
    bool cmyk = strncasecmp(s, "cmyk(", 5) == 0;
    bool icc = strncasecmp(s, "rgb-icc(", 8) == 0;
    if (!cmyk && !icc && strncasecmp(s, "rgb(", 4) != 0)
        return false;
    s = strchr(s, '(') + 1;
    int want = cmyk ? 4 : 3;
    double c[4];
    for (int i = 0; i < want; i++) {
        s = skip_ws(s);
        if (!fo_parse_number(&s, &c[i]))
            return false;
        if (*s == '%') {
            c[i] /= 100.0;
            s++;
        } else if (!cmyk) {
            c[i] /= 255.0;
        }
        c[i] = c[i] < 0 ? 0 : c[i] > 1 ? 1 : c[i];
        s = skip_ws(s);
        if (i < want - 1 && *s++ != ',')
            return false;
    }
    if (icc && *s == ',')
        s = strchr(s, ')') ? strchr(s, ')') : s;
    if (*skip_ws(s) != ')' || *skip_ws(skip_ws(s) + 1) != '\0')
        return false;
    if (cmyk)
        *out = (fo_color){(float)((1 - c[0]) * (1 - c[3])), (float)((1 - c[1]) * (1 - c[3])),
                          (float)((1 - c[2]) * (1 - c[3])), 1};
    else
        *out = (fo_color){(float)c[0], (float)c[1], (float)c[2], 1};
    return true;
}

bool fo_parse_color(const char *s, fo_color *out)
{
    s = skip_ws(s);
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0)
        return false;
    if (s[0] == '#')
        return parse_hex(s + 1, n - 1, out);
    if (fo_ieq(s, n, "transparent")) {
        *out = (fo_color){0, 0, 0, 0};
        return true;
    }
    if (memchr(s, '(', n))
        return parse_function_color(s, out);
    return fo_color_by_name(s, n, out);
}

double fo_border_width(const fo_props *p, int side)
{
    static const size_t style_off[4] = {
        offsetof(fo_props, border_before_style), offsetof(fo_props, border_after_style),
        offsetof(fo_props, border_start_style), offsetof(fo_props, border_end_style)};
    static const size_t width_off[4] = {
        offsetof(fo_props, border_before_width), offsetof(fo_props, border_after_width),
        offsetof(fo_props, border_start_width), offsetof(fo_props, border_end_width)};
    if (side < 0 || side > 3)
        return 0;
    fo_kw style = *(const fo_kw *)((const char *)p + style_off[side]);
    if (style == FO_KW_none || style == FO_KW_hidden)
        return 0;
    const fo_len *w = (const fo_len *)((const char *)p + width_off[side]);
    return w->abs;
}
