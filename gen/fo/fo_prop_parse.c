/* Parsing one property value by its kind (props.def): lengths and expressions, font sizes
 * and weights, colours, keywords (with the approximated ones), spaces, keeps, decorations. */
#include "fo/fo_internal.h"
#include "util/i18n.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool has_kw(const fo_prop_ctx *cx, fo_prop_id id, fo_kw kw)
{
    return kw != FO_KW_UNSET && (cx->info[id].kw_set[kw / 64] >> (kw % 64) & 1);
}

/* The keyword `v` (trimmed) if the property accepts it. */
static fo_kw accepted_kw(const fo_prop_ctx *cx, fo_prop_id id, const char *v)
{
    size_t n = strlen(v);
    fo_kw kw = fo_kw_lookup(v, n);
    return has_kw(cx, id, kw) ? kw : FO_KW_UNSET;
}

static double parent_font_size(const fo_prop_ctx *cx)
{
    return cx->parent ? cx->parent->font_size : 12.0;
}

static bool eval(fo_prop_ctx *cx, const char *v, double em, fo_val *out)
{
    fo_expr_ctx ex = {em, cx->context, cx->parent};
    if (fo_expr_eval(v, &ex, out, &cx->err)) {
        if (out->nonstandard)
            cx->lenient = out->nonstandard;
        return true;
    }
    cx->past_limit = !isfinite(out->abs) || !isfinite(out->rel) || !isfinite(out->prop);
    return false;
}

bool fo_prop_eval_len(fo_prop_ctx *cx, const char *v, double em, fo_len *out)
{
    fo_val x;
    if (!eval(cx, v, em, &x))
        return false;
    if (x.is_color) {
        cx->err = N_("a length is expected");
        return false;
    }
    if (!x.is_len && x.abs != 0) { /* FOP: "assume pixels (like in HTML)" */
        x.abs *= fo_unit_points("px", 2);
        cx->lenient = N_("has no unit (not XSL 1.1); read as pixels, as FOP does");
    }
    if (fabs(x.abs) > FO_MAX_LENGTH || fabs(x.rel) > FO_MAX_LENGTH || fabs(x.prop) > FO_MAX_LENGTH) {
        cx->err = N_("a length is limited to 1000000pt");
        cx->past_limit = true;
        return false;
    }
    *out = (fo_len){x.abs, x.rel, x.prop, FO_KW_UNSET};
    return true;
}

bool fo_prop_eval_int(fo_prop_ctx *cx, const char *v, int *out)
{
    fo_val x;
    if (!eval(cx, v, 12, &x))
        return false;
    if (x.is_len || x.is_color) {
        cx->err = N_("a number is expected");
        return false;
    }
    /* Saturated, so that within_bounds() reports the property's own limit; lround of a
     * value past INT_MAX would be undefined. */
    *out = x.abs >= INT_MAX ? INT_MAX : x.abs <= -INT_MAX ? -INT_MAX : (int)lround(x.abs);
    return true;
}

static bool parse_P_LENGTH(const char *v, fo_prop_ctx *cx, fo_len *out)
{
    fo_kw kw = accepted_kw(cx, cx->id, v);
    if (kw == FO_KW_thin || kw == FO_KW_medium || kw == FO_KW_thick) {
        *out = (fo_len){kw == FO_KW_thin ? 0.5 : kw == FO_KW_medium ? 1.0 : 2.0, 0, 0, 0};
        return true;
    }
    if (kw) {
        *out = (fo_len){0, 0, 0, kw};
        return true;
    }
    if (cx->id == FO_PROP_border_separation && strchr(v, ' ')) {
        /* "inline-progression block-progression": the first one applies to both */
        char first[64];
        snprintf(first, sizeof first, "%.*s", (int)strcspn(v, " "), v);
        return fo_prop_eval_len(cx, first, cx->self->font_size, out);
    }
    return fo_prop_eval_len(cx, v, cx->self->font_size, out);
}

/* Absolute size keywords, as FOP: medium is 12pt and each step is a factor 1.2. */
static bool font_size_keyword(const char *v, double parent, double *out)
{
    static const char *const sizes[] = {"xx-small", "x-small", "small", "medium",
                                        "large",    "x-large", "xx-large"};
    for (int i = 0; i < 7; i++)
        if (strcmp(v, sizes[i]) == 0) {
            *out = 12.0 * pow(1.2, i - 3);
            return true;
        }
    if (strcmp(v, "larger") == 0 || strcmp(v, "smaller") == 0) {
        *out = v[0] == 'l' ? parent * 1.2 : parent / 1.2;
        return true;
    }
    return false;
}

static bool parse_P_FONT_SIZE(const char *v, fo_prop_ctx *cx, double *out)
{
    double parent = parent_font_size(cx);
    if (font_size_keyword(v, parent, out))
        return true;
    fo_len l;
    if (!fo_prop_eval_len(cx, v, parent, &l))
        return false;
    *out = l.abs + l.rel * parent; /* a percentage is of the parent's font-size */
    if (*out < 0) {
        cx->err = N_("negative font-size");
        return false;
    }
    return true;
}

static bool parse_P_FONT_WEIGHT(const char *v, fo_prop_ctx *cx, int *out)
{
    int parent = cx->parent ? cx->parent->font_weight : 400;
    fo_kw kw = accepted_kw(cx, cx->id, v);
    /* bolder and lighter as CSS 2.1 for the four usual faces */
    if (kw == FO_KW_normal || kw == FO_KW_bold)
        *out = kw == FO_KW_normal ? 400 : 700;
    else if (kw == FO_KW_bolder)
        *out = parent < 400 ? 400 : parent < 600 ? 700 : 900;
    else if (kw == FO_KW_lighter)
        *out = parent < 600 ? 100 : parent < 800 ? 400 : 700;
    else if (!fo_prop_eval_int(cx, v, out))
        return false;
    else if (*out < 1 || *out > 1000) {
        cx->err = N_("font-weight out of range");
        return false;
    }
    return true;
}

static bool parse_P_LINE_HEIGHT(const char *v, fo_prop_ctx *cx, fo_line_height *out)
{
    if (accepted_kw(cx, cx->id, v) == FO_KW_normal) {
        *out = (fo_line_height){true, 1.2};
        return true;
    }
    double fs = cx->self->font_size;
    fo_val x;
    if (!eval(cx, v, fs, &x))
        return false;
    if (x.is_color || x.prop != 0) {
        cx->err = N_("a number or a length is expected");
        return false;
    }
    if (!x.is_len)
        *out = (fo_line_height){true, x.abs};
    else
        *out = (fo_line_height){false, x.abs + x.rel * fs}; /* % of the font-size */
    return true;
}

static bool parse_P_COLOR(const char *v, fo_prop_ctx *cx, fo_color *out)
{
    if (strcasecmp(v, "currentColor") == 0) {
        /* for color itself, the parent's colour */
        *out = cx->id == FO_PROP_color ? (cx->parent ? cx->parent : cx->root)->color
                                       : cx->self->color;
        return true;
    }
    if (fo_parse_color(v, out))
        return true;
    cx->err = N_("invalid colour");
    return false;
}

/* Keywords XSL 1.1 (or FOP) defines that are not implemented: each is read as the closest
 * supported one, with a warning. */
static const struct {
    fo_prop_id id;
    const char *value;
    fo_kw instead;
    const char *why;
} approximated[] = {
    {FO_PROP_leader_alignment, "reference-area", FO_KW_none, N_("is not supported; using 'none'")},
    {FO_PROP_visibility, "collapse", FO_KW_hidden, N_("is read as 'hidden'")},
    {FO_PROP_force_page_count, "doubly-even", FO_KW_even,
     N_("is not XSL 1.1; read as 'even'")},
#define WRITING_MODE(m) {FO_PROP_writing_mode, m, FO_KW_lr_tb, N_("is not supported; laid out as 'lr-tb'")},
    WRITING_MODE("rl-tb") WRITING_MODE("tb-rl") WRITING_MODE("tb-lr") WRITING_MODE("bt-lr")
    WRITING_MODE("bt-rl") WRITING_MODE("lr-bt") WRITING_MODE("rl-bt")
    WRITING_MODE("lr-alternating-rl-bt") WRITING_MODE("lr-alternating-rl-tb")
    WRITING_MODE("lr-inverting-rl-bt") WRITING_MODE("lr-inverting-rl-tb")
    WRITING_MODE("tb-lr-in-lr-pairs") WRITING_MODE("lr") WRITING_MODE("rl") WRITING_MODE("tb")
#undef WRITING_MODE
};

static bool parse_P_ENUM(const char *v, fo_prop_ctx *cx, fo_kw *out)
{
    fo_kw kw = accepted_kw(cx, cx->id, v);
    if (kw) {
        *out = kw;
        return true;
    }
    for (size_t i = 0; i < sizeof approximated / sizeof approximated[0]; i++)
        if (approximated[i].id == cx->id && strcmp(approximated[i].value, v) == 0) {
            *out = approximated[i].instead;
            cx->lenient = approximated[i].why;
            return true;
        }
    /* vertical-align <length> | <percentage> (XSL 1.1 § 7.31.22): valid, not implemented */
    fo_len l;
    if (cx->id == FO_PROP_vertical_align && fo_prop_eval_len(cx, v, cx->self->font_size, &l)) {
        *out = FO_KW_baseline;
        cx->lenient = N_("is not supported; using 'baseline'");
        return true;
    }
    cx->err = N_("unknown keyword");
    return false;
}

static bool parse_P_INT(const char *v, fo_prop_ctx *cx, int *out)
{
    fo_kw kw = accepted_kw(cx, cx->id, v);
    if (kw) {
        *out = FO_INT_KW(kw);
        return true;
    }
    return fo_prop_eval_int(cx, v, out);
}

/* No P_NUMBER property in props.def yet; kept for the kind's completeness. */
__attribute__((unused)) static bool parse_P_NUMBER(const char *v, fo_prop_ctx *cx, double *out)
{
    fo_val x;
    if (!eval(cx, v, cx->self->font_size, &x))
        return false;
    if (x.is_len || x.is_color) {
        cx->err = N_("a number is expected");
        return false;
    }
    *out = x.abs;
    return true;
}

/* url(...) around a URI (src, external-destination), with optional quotes, is dropped. */
static const char *strip_uri(const char *v, size_t *len)
{
    *len = strlen(v);
    if (*len >= 5 && strncmp(v, "url(", 4) == 0 && v[*len - 1] == ')') {
        v += 4;
        *len -= 5;
        while (*len && (*v == ' ' || *v == '\t'))
            v++, (*len)--;
        while (*len && (v[*len - 1] == ' ' || v[*len - 1] == '\t'))
            (*len)--;
    }
    if (*len >= 2 && (v[0] == '\'' || v[0] == '"') && v[*len - 1] == v[0]) {
        v++;
        *len -= 2;
    }
    return v;
}

static bool parse_P_STRING(const char *v, fo_prop_ctx *cx, const char **out)
{
    size_t n = strlen(v);
    if (cx->id == FO_PROP_src || cx->id == FO_PROP_external_destination)
        v = strip_uri(v, &n);
    *out = cx->a ? arena_strndup(cx->a, v, n) : v;
    return true;
}

/* "6pt" sets minimum, optimum and maximum; "0pt 12pt 100%" sets them in turn. */
static bool parse_P_SPACE(const char *v, fo_prop_ctx *cx, fo_space *out)
{
    fo_len l[3];
    if (fo_prop_eval_len(cx, v, cx->self->font_size, &l[0])) {
        l[1] = l[2] = l[0];
    } else {
        char buf[256];
        if (strlen(v) >= sizeof buf)
            return false;
        strcpy(buf, v);
        char *save = NULL, *tok = strtok_r(buf, " \t\n", &save);
        for (int i = 0; i < 3; i++, tok = strtok_r(NULL, " \t\n", &save))
            if (!tok || !fo_prop_eval_len(cx, tok, cx->self->font_size, &l[i]))
                return false;
        if (tok)
            return false;
        cx->err = NULL;
    }
    *out = (fo_space){l[0], l[1], l[2], true, 0};
    return true;
}

bool fo_prop_parse_keep(const char *v, fo_prop_ctx *cx, int *out)
{
    if (strcmp(v, "auto") == 0)
        *out = 0;
    else if (strcmp(v, "always") == 0)
        *out = FO_KEEP_ALWAYS;
    else if (!fo_prop_eval_int(cx, v, out))
        return false;
    return true;
}

static bool parse_P_KEEP(const char *v, fo_prop_ctx *cx, fo_keep *out)
{
    int k;
    if (!fo_prop_parse_keep(v, cx, &k))
        return false;
    *out = (fo_keep){k, k, k};
    return true;
}

/* "none" or up to four of underline|no-underline, overline|no-overline,
 * line-through|no-line-through, blink|no-blink, each at most once. */
static bool parse_P_DECORATION(const char *v, fo_prop_ctx *cx, unsigned *out)
{
    static const char *const words[] = {"underline",    "no-underline", "overline",
                                        "no-overline",  "line-through", "no-line-through",
                                        "blink",        "no-blink"};
    if (strcmp(v, "none") == 0) {
        *out = 0;
        return true;
    }
    unsigned bits = 0;
    for (const char *s = v; *s;) {
        size_t n = strcspn(s, " \t\n\r");
        size_t i = 0;
        while (i < 8 && !(strlen(words[i]) == n && strncmp(s, words[i], n) == 0))
            i++;
        /* one word of each pair: bits 2k and 2k+1 */
        if (i == 8 || bits & (3u << (i & ~1u))) {
            cx->err = N_("unknown or repeated decoration");
            return false;
        }
        bits |= 1u << i;
        s += n;
        s += strspn(s, " \t\n\r");
    }
    *out = bits;
    return bits != 0;
}

/* Parses `v` (trimmed, not "inherit") into the field of property cx->id. */
bool fo_prop_parse(fo_props *p, const char *v, fo_prop_ctx *cx)
{
    switch (cx->id) {
#define PROP(c, name, inh, kind, init, kws)                                                    \
    case FO_PROP_##c:                                                                          \
        return parse_##kind(v, cx, &p->c);
#include "fo/props.def"
#undef PROP
    default:
        return false;
    }
}
