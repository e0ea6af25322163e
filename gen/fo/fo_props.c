/* The property table of props.def: lookup by name, initial values (parsed once), value
 * parsing by kind, inheritance, and computing an element's properties. */
#include "fo/fo_internal.h"
#include "util/i18n.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static fo_prop_info info[FO_PROP_COUNT] = {
#define PROP(c, name, inh, kind, init, kws) {name, inh, K_##kind, init, kws, {0}},
#include "fo/props.def"
#undef PROP
};

static fo_hash prop_names;
static fo_props initial;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* What a value is parsed against. */
typedef struct {
    fo_prop_id id;
    const fo_props *parent; /* inherited values: the parent's, or NULL at the root */
    fo_props *self;         /* font-size and color, already computed */
    const fo_node *context; /* for label-end() */
    arena *a;               /* for strings; NULL for static initial values */
    const char *err;
    bool past_limit; /* err says why a well-formed value is refused: worth printing */
    const char *lenient; /* a value read by interpretation: why, for a warning */
} vctx;

static bool has_kw(fo_prop_id id, fo_kw kw)
{
    return kw != FO_KW_UNSET && (info[id].kw_set[kw / 64] >> (kw % 64) & 1);
}

/* The keyword `v` (trimmed) if the property accepts it. */
static fo_kw accepted_kw(fo_prop_id id, const char *v)
{
    size_t n = strlen(v);
    fo_kw kw = fo_kw_lookup(v, n);
    return has_kw(id, kw) ? kw : FO_KW_UNSET;
}

static double parent_font_size(const vctx *cx)
{
    return cx->parent ? cx->parent->font_size : 12.0;
}

static bool eval(vctx *cx, const char *v, double em, fo_val *out)
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

static bool eval_len(vctx *cx, const char *v, double em, fo_len *out)
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

static bool eval_int(vctx *cx, const char *v, int *out)
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

static bool parse_P_LENGTH(const char *v, vctx *cx, fo_len *out)
{
    fo_kw kw = accepted_kw(cx->id, v);
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
        return eval_len(cx, first, cx->self->font_size, out);
    }
    return eval_len(cx, v, cx->self->font_size, out);
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

static bool parse_P_FONT_SIZE(const char *v, vctx *cx, double *out)
{
    double parent = parent_font_size(cx);
    if (font_size_keyword(v, parent, out))
        return true;
    fo_len l;
    if (!eval_len(cx, v, parent, &l))
        return false;
    *out = l.abs + l.rel * parent; /* a percentage is of the parent's font-size */
    if (*out < 0) {
        cx->err = N_("negative font-size");
        return false;
    }
    return true;
}

static bool parse_P_FONT_WEIGHT(const char *v, vctx *cx, int *out)
{
    int parent = cx->parent ? cx->parent->font_weight : 400;
    fo_kw kw = accepted_kw(cx->id, v);
    /* bolder and lighter as CSS 2.1 for the four usual faces */
    if (kw == FO_KW_normal || kw == FO_KW_bold)
        *out = kw == FO_KW_normal ? 400 : 700;
    else if (kw == FO_KW_bolder)
        *out = parent < 400 ? 400 : parent < 600 ? 700 : 900;
    else if (kw == FO_KW_lighter)
        *out = parent < 600 ? 100 : parent < 800 ? 400 : 700;
    else if (!eval_int(cx, v, out))
        return false;
    else if (*out < 1 || *out > 1000) {
        cx->err = N_("font-weight out of range");
        return false;
    }
    return true;
}

static bool parse_P_LINE_HEIGHT(const char *v, vctx *cx, fo_line_height *out)
{
    if (accepted_kw(cx->id, v) == FO_KW_normal) {
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

static bool parse_P_COLOR(const char *v, vctx *cx, fo_color *out)
{
    if (strcasecmp(v, "currentColor") == 0) {
        /* for color itself, the parent's colour */
        *out = cx->id == FO_PROP_color ? (cx->parent ? cx->parent->color : initial.color)
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

static bool parse_P_ENUM(const char *v, vctx *cx, fo_kw *out)
{
    fo_kw kw = accepted_kw(cx->id, v);
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
    if (cx->id == FO_PROP_vertical_align && eval_len(cx, v, cx->self->font_size, &l)) {
        *out = FO_KW_baseline;
        cx->lenient = N_("is not supported; using 'baseline'");
        return true;
    }
    cx->err = N_("unknown keyword");
    return false;
}

static bool parse_P_INT(const char *v, vctx *cx, int *out)
{
    fo_kw kw = accepted_kw(cx->id, v);
    if (kw) {
        *out = FO_INT_KW(kw);
        return true;
    }
    return eval_int(cx, v, out);
}

/* No P_NUMBER property in props.def yet; kept for the kind's completeness. */
__attribute__((unused)) static bool parse_P_NUMBER(const char *v, vctx *cx, double *out)
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

static bool parse_P_STRING(const char *v, vctx *cx, const char **out)
{
    size_t n = strlen(v);
    if (cx->id == FO_PROP_src || cx->id == FO_PROP_external_destination)
        v = strip_uri(v, &n);
    *out = cx->a ? arena_strndup(cx->a, v, n) : v;
    return true;
}

/* "6pt" sets minimum, optimum and maximum; "0pt 12pt 100%" sets them in turn. */
static bool parse_P_SPACE(const char *v, vctx *cx, fo_space *out)
{
    fo_len l[3];
    if (eval_len(cx, v, cx->self->font_size, &l[0])) {
        l[1] = l[2] = l[0];
    } else {
        char buf[256];
        if (strlen(v) >= sizeof buf)
            return false;
        strcpy(buf, v);
        char *save = NULL, *tok = strtok_r(buf, " \t\n", &save);
        for (int i = 0; i < 3; i++, tok = strtok_r(NULL, " \t\n", &save))
            if (!tok || !eval_len(cx, tok, cx->self->font_size, &l[i]))
                return false;
        if (tok)
            return false;
        cx->err = NULL;
    }
    *out = (fo_space){l[0], l[1], l[2], true, 0};
    return true;
}

static bool parse_keep_value(const char *v, vctx *cx, int *out)
{
    if (strcmp(v, "auto") == 0)
        *out = 0;
    else if (strcmp(v, "always") == 0)
        *out = FO_KEEP_ALWAYS;
    else if (!eval_int(cx, v, out))
        return false;
    return true;
}

static bool parse_P_KEEP(const char *v, vctx *cx, fo_keep *out)
{
    int k;
    if (!parse_keep_value(v, cx, &k))
        return false;
    *out = (fo_keep){k, k, k};
    return true;
}

/* "none" or up to four of underline|no-underline, overline|no-overline,
 * line-through|no-line-through, blink|no-blink, each at most once. */
static bool parse_P_DECORATION(const char *v, vctx *cx, unsigned *out)
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
static bool parse_value(fo_props *p, const char *v, vctx *cx)
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

static void copy_value(fo_props *p, const fo_props *src, fo_prop_id id)
{
    switch (id) {
#define PROP(c, name, inh, kind, init, kws)                                                    \
    case FO_PROP_##c:                                                                          \
        p->c = src->c;                                                                         \
        break;
#include "fo/props.def"
#undef PROP
    default:
        break;
    }
}

static void inherit_all(fo_props *p, const fo_props *parent)
{
#define PROP(c, name, inh, kind, init, kws)                                                    \
    if (inh)                                                                                   \
        p->c = parent->c;
#include "fo/props.def"
#undef PROP
}

/* Property values as expression values, by kind (for from-parent() and the like). */
static bool val_P_LENGTH(const fo_len *l, fo_val *out)
{
    *out = (fo_val){.abs = l->abs, .rel = l->rel, .prop = l->prop, .is_len = true};
    return l->kw == FO_KW_UNSET;
}
static bool val_P_FONT_SIZE(const double *v, fo_val *out)
{
    *out = (fo_val){.abs = *v, .is_len = true};
    return true;
}
static bool val_P_FONT_WEIGHT(const int *v, fo_val *out)
{
    *out = (fo_val){.abs = *v};
    return true;
}
static bool val_P_LINE_HEIGHT(const fo_line_height *v, fo_val *out)
{
    *out = (fo_val){.abs = v->value, .is_len = !v->is_factor};
    return true;
}
static bool val_P_COLOR(const fo_color *v, fo_val *out)
{
    *out = (fo_val){.is_color = true, .color = *v};
    return true;
}
static bool val_P_INT(const int *v, fo_val *out)
{
    *out = (fo_val){.abs = *v};
    return true;
}
__attribute__((unused)) static bool val_P_NUMBER(const double *v, fo_val *out)
{
    *out = (fo_val){.abs = *v};
    return true;
}
static bool val_P_SPACE(const fo_space *v, fo_val *out)
{
    return val_P_LENGTH(&v->opt, out);
}
static bool val_none(const void *v, fo_val *out) { return false; }
#define val_P_ENUM val_none
#define val_P_STRING val_none
#define val_P_KEEP val_none
#define val_P_DECORATION val_none

bool fo_prop_value(const fo_props *p, int id, fo_val *out)
{
    *out = (fo_val){0};
    switch (id) {
#define PROP(c, name, inh, kind, init, kws)                                                    \
    case FO_PROP_##c:                                                                          \
        return val_##kind(&p->c, out);
#include "fo/props.def"
#undef PROP
    default:
        return false;
    }
}

static void parse_keywords(fo_prop_info *pi)
{
    const char *s = pi->keywords;
    while (*s) {
        size_t n = strcspn(s, "|");
        fo_kw kw = fo_kw_lookup(s, n);
        if (!kw) {
            fprintf(stderr, "livrables: fatal: props.def: unknown keyword '%.*s' for %s\n",
                    (int)n, s, pi->name);
            abort();
        }
        pi->kw_set[kw / 64] |= (uint64_t)1 << (kw % 64);
        s += n + (s[n] == '|');
    }
}

static void init_initial_value(fo_prop_id id)
{
    vctx cx = {id, NULL, &initial, NULL, NULL, NULL, false, NULL};
    if (!parse_value(&initial, info[id].initial, &cx)) {
        fprintf(stderr, "livrables: fatal: props.def: bad initial value '%s' for %s\n",
                info[id].initial, info[id].name);
        abort();
    }
}

static void init(void)
{
    fo_hash_init(&prop_names, FO_PROP_COUNT);
    for (int id = 0; id < FO_PROP_COUNT; id++) {
        parse_keywords(&info[id]);
        fo_hash_put(&prop_names, info[id].name, id);
    }
    /* font-size and color first: em lengths and currentColor depend on them */
    init_initial_value(FO_PROP_font_size);
    init_initial_value(FO_PROP_color);
    for (int id = 0; id < FO_PROP_COUNT; id++)
        if (id != FO_PROP_font_size && id != FO_PROP_color)
            init_initial_value(id);
}

const fo_prop_info *fo_prop_table(void)
{
    pthread_once(&once, init);
    return info;
}

const fo_props *fo_initial_props(void)
{
    pthread_once(&once, init);
    return &initial;
}

int fo_prop_lookup(const char *name, size_t len)
{
    pthread_once(&once, init);
    return fo_hash_get(&prop_names, name, len);
}

/* ---- computing ------------------------------------------------------------------------- */

static void mark(unsigned char *bits, fo_prop_id id)
{
    bits[id / 8] |= (unsigned char)(1u << (id % 8));
}

static bool marked(const unsigned char *bits, fo_prop_id id)
{
    return bits[id / 8] >> (id % 8) & 1;
}

static void report_invalid(const fo_pending *pd, fo_prop_id id, const char *v, const vctx *cx)
{
    if (pd->d && cx && cx->past_limit)
        diag_error(pd->d, pd->file, pd->line, _("invalid value '%s' for property '%s': %s"), v,
                   info[id].name, _(cx->err));
    else if (pd->d)
        diag_error(pd->d, pd->file, pd->line, _("invalid value '%s' for property '%s'"), v,
                   info[id].name);
}

/* Trims `v` into buf (or returns v itself when there is nothing to trim). */
static const char *trimmed(const char *v, char *buf, size_t cap)
{
    while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
        v++;
    size_t n = strlen(v);
    if (n == 0 || (v[n - 1] != ' ' && v[n - 1] != '\t' && v[n - 1] != '\n' && v[n - 1] != '\r'))
        return v;
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\n' || v[n - 1] == '\r'))
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, v, n);
    buf[n] = '\0';
    return buf;
}

static void *field_of(fo_props *p, fo_prop_id id);

/* The documented limits of fo.h, by property. */
typedef struct {
    fo_prop_id id;
    double min, max;
} prop_bound;

static const prop_bound bounds[] = {
    {FO_PROP_column_number, 0, FO_MAX_COLUMNS},
    {FO_PROP_number_columns_spanned, 1, FO_MAX_COLUMNS},
    {FO_PROP_number_columns_repeated, 1, FO_MAX_COLUMNS},
    {FO_PROP_number_rows_spanned, 1, FO_MAX_ROWS_SPANNED},
    {FO_PROP_initial_page_number, 0, FO_MAX_PAGE_NUMBER},
    {FO_PROP_widows, 1, FO_MAX_COUNT},
    {FO_PROP_orphans, 1, FO_MAX_COUNT},
    {FO_PROP_column_count, 1, FO_MAX_COUNT},
    {FO_PROP_maximum_repeats, 0, FO_MAX_PAGE_NUMBER},
    {FO_PROP_grouping_size, 0, FO_MAX_COUNT},
    {FO_PROP_hyphenation_push_character_count, 1, FO_MAX_COUNT},
    {FO_PROP_hyphenation_remain_character_count, 1, FO_MAX_COUNT},
    {FO_PROP_reference_orientation, -270, 270},
    {FO_PROP_page_width, 0, FO_MAX_PAGE_SIZE},
    {FO_PROP_page_height, 0, FO_MAX_PAGE_SIZE},
};

/* The value a bound applies to, or false when there is none (keywords, auto). */
static bool bounded_value(const fo_props *p, fo_prop_id id, double *v)
{
    const void *f = field_of((fo_props *)p, id);
    switch (info[id].kind) {
    case K_P_INT:
        *v = *(const int *)f;
        return fo_int_kw(*(const int *)f) == FO_KW_UNSET;
    case K_P_LENGTH: {
        const fo_len *l = f;
        *v = l->abs;
        return l->kw == FO_KW_UNSET;
    }
    default:
        return false;
    }
}

/* Checks a parsed value against its limit; false with the limit's message when past it. A
 * font-size past its limit is clamped with a warning instead: the text stays readable. */
static bool within_bounds(fo_props *p, const fo_pending *pd, fo_prop_id id, const char *v)
{
    if (id == FO_PROP_font_size) {
        if (p->font_size > FO_MAX_FONT_SIZE) {
            if (pd->d)
                diag_report(pd->d, DIAG_WARNING, pd->file, pd->line,
                            _("font-size '%s' is larger than %gpt; using %gpt"), v,
                            FO_MAX_FONT_SIZE, FO_MAX_FONT_SIZE);
            p->font_size = FO_MAX_FONT_SIZE;
        }
        return true;
    }
    for (size_t i = 0; i < sizeof bounds / sizeof bounds[0]; i++) {
        double x;
        if (bounds[i].id != id || !bounded_value(p, id, &x))
            continue;
        bool is_page_size = id == FO_PROP_page_width || id == FO_PROP_page_height;
        if (is_page_size ? x > 0 && x <= bounds[i].max : x >= bounds[i].min && x <= bounds[i].max)
            return true;
        if (pd->d && is_page_size)
            diag_error(pd->d, pd->file, pd->line,
                       _("value '%s' for property '%s' is out of range (more than 0pt, at most "
                       "%gpt)"), v, info[id].name, bounds[i].max);
        else if (pd->d)
            diag_error(pd->d, pd->file, pd->line,
                       _("value '%s' for property '%s' is out of range (%g to %g)"), v,
                       info[id].name, bounds[i].min, bounds[i].max);
        return false;
    }
    return true;
}

static void compute_one(fo_props *p, const fo_pending *pd, vctx *cx)
{
    char buf[512];
    const char *v = trimmed(pd->value[cx->id], buf, sizeof buf);
    if (strcmp(v, "inherit") == 0) {
        copy_value(p, cx->parent ? cx->parent : &initial, cx->id);
        return;
    }
    /* a failed parse must leave the inherited or initial value */
    static const size_t field_size[FO_PROP_COUNT] = {
#define PROP(c, name, inh, kind, init, kws) sizeof(((fo_props *)0)->c),
#include "fo/props.def"
#undef PROP
    };
    unsigned char save[sizeof(fo_space) > 64 ? sizeof(fo_space) : 64];
    void *field = field_of(p, cx->id);
    memcpy(save, field, field_size[cx->id]);
    cx->err = NULL;
    cx->past_limit = false;
    cx->lenient = NULL;
    if (!parse_value(p, v, cx)) {
        memcpy(field, save, field_size[cx->id]);
        report_invalid(pd, cx->id, pd->value[cx->id], cx);
    } else if (!within_bounds(p, pd, cx->id, v)) {
        memcpy(field, save, field_size[cx->id]);
    } else if (cx->lenient && pd->d) {
        diag_warning(pd->d, pd->file, pd->line, _("value '%s' for property '%s' %s"),
                     pd->value[cx->id], info[cx->id].name, _(cx->lenient));
    }
}

static bool apply_space_component(fo_space *s, fo_comp comp, const char *v, vctx *cx,
                                  unsigned *given)
{
    if (comp == FO_COMP_CONDITIONALITY) {
        if (strcmp(v, "discard") != 0 && strcmp(v, "retain") != 0)
            return false;
        s->discard = v[0] == 'd';
        return true;
    }
    if (comp == FO_COMP_PRECEDENCE) {
        if (strcmp(v, "force") == 0) {
            s->precedence = FO_FORCE;
            return true;
        }
        return eval_int(cx, v, &s->precedence);
    }
    fo_len *target = comp == FO_COMP_MINIMUM ? &s->min
                     : comp == FO_COMP_OPTIMUM ? &s->opt
                     : comp == FO_COMP_MAXIMUM ? &s->max
                                               : NULL;
    if (!target || !eval_len(cx, v, cx->self->font_size, target))
        return false;
    *given |= 1u << comp;
    return true;
}

/* Keeps minimum <= optimum <= maximum, moving the components that were not given. */
static void make_consistent(fo_space *s, unsigned given)
{
    if (s->min.abs > s->opt.abs) {
        if (given & (1u << FO_COMP_OPTIMUM) && !(given & (1u << FO_COMP_MINIMUM)))
            s->min = s->opt;
        else
            s->opt = s->min;
    }
    if (s->max.abs < s->opt.abs) {
        if (given & (1u << FO_COMP_MAXIMUM) && !(given & (1u << FO_COMP_OPTIMUM)))
            s->opt = s->max;
        else
            s->max = s->opt;
    }
}

static void apply_components(fo_props *p, const fo_pending *pd, vctx *cx, unsigned char *spec)
{
    unsigned given[FO_MAX_COMPONENTS] = {0};
    for (int i = 0; i < pd->ncomps; i++) {
        fo_prop_id id = pd->comps[i].id;
        fo_comp comp = pd->comps[i].comp;
        char buf[256];
        const char *v = trimmed(pd->comps[i].value, buf, sizeof buf);
        cx->id = id;
        cx->err = NULL;
        cx->past_limit = false;
        cx->lenient = NULL;
        bool ok = false;
        void *f = field_of(p, id);
        if (info[id].kind == K_P_SPACE) {
            ok = apply_space_component(f, comp, v, cx, &given[i]);
            /* later components of the same property see the earlier ones */
            for (int j = i + 1; j < pd->ncomps; j++)
                if (pd->comps[j].id == id)
                    given[j] |= given[i];
            make_consistent(f, given[i]);
        } else if (info[id].kind == K_P_KEEP) {
            fo_keep *k = f;
            int *slot = comp == FO_COMP_WITHIN_LINE     ? &k->within_line
                        : comp == FO_COMP_WITHIN_COLUMN ? &k->within_column
                        : comp == FO_COMP_WITHIN_PAGE   ? &k->within_page
                                                        : NULL;
            ok = slot && parse_keep_value(v, cx, slot);
        } else if (comp == FO_COMP_LENGTH) {
            ok = parse_value(p, v, cx);
        } else if (comp == FO_COMP_CONDITIONALITY) {
            ok = true; /* padding and border conditionality: not supported, accepted */
        }
        if (ok && cx->lenient && pd->d)
            diag_warning(pd->d, pd->file, pd->line, _("value '%s' for property '%s' %s"),
                         pd->comps[i].value, info[id].name, _(cx->lenient));
        if (ok)
            mark(spec, id);
        else
            report_invalid(pd, id, pd->comps[i].value, cx);
    }
}

static void *field_of(fo_props *p, fo_prop_id id)
{
    switch (id) {
#define PROP(c, name, inh, kind, init, kws)                                                    \
    case FO_PROP_##c:                                                                          \
        return &p->c;
#include "fo/props.def"
#undef PROP
    default:
        return NULL;
    }
}

static fo_len len_add(fo_len a, fo_len b)
{
    return (fo_len){a.abs + b.abs, a.rel + b.rel, a.prop + b.prop, FO_KW_UNSET};
}

static fo_len no_auto(fo_len l)
{
    return l.kw ? (fo_len){0} : l;
}

/* A specified margin gives the space on its side (all three components), unless that space
 * is specified too. */
static void margin_to_space(unsigned char *spec, fo_prop_id margin_id, fo_len margin,
                            fo_prop_id space_id, fo_space *space)
{
    if (!marked(spec, margin_id) || marked(spec, space_id))
        return;
    fo_len m = no_auto(margin);
    *space = (fo_space){m, m, m, true, 0};
    mark(spec, space_id);
}

/* The indent a margin gives: the parent's indent plus the margin, border and padding. */
static fo_len margin_indent(fo_len parent_indent, fo_len margin, double border, fo_len padding)
{
    fo_len extra = {border, 0, 0, 0};
    return len_add(len_add(parent_indent, no_auto(margin)), len_add(extra, padding));
}

/* XSL 1.1 § 5.3.2: margins of block-level FOs give indents and spaces. */
static void map_block_margins(fo_props *p, const fo_props *parent, unsigned char *spec)
{
    fo_len zero = {0};
    if (marked(spec, FO_PROP_margin_left) && !marked(spec, FO_PROP_start_indent)) {
        p->start_indent = margin_indent(parent ? parent->start_indent : zero, p->margin_left,
                                        fo_border_width(p, 2), p->padding_start);
        mark(spec, FO_PROP_start_indent);
    }
    if (marked(spec, FO_PROP_margin_right) && !marked(spec, FO_PROP_end_indent)) {
        p->end_indent = margin_indent(parent ? parent->end_indent : zero, p->margin_right,
                                      fo_border_width(p, 3), p->padding_end);
        mark(spec, FO_PROP_end_indent);
    }
    margin_to_space(spec, FO_PROP_margin_top, p->margin_top, FO_PROP_space_before,
                    &p->space_before);
    margin_to_space(spec, FO_PROP_margin_bottom, p->margin_bottom, FO_PROP_space_after,
                    &p->space_after);
}

static void map_inline_margins(fo_props *p, unsigned char *spec)
{
    margin_to_space(spec, FO_PROP_margin_left, p->margin_left, FO_PROP_space_start,
                    &p->space_start);
    margin_to_space(spec, FO_PROP_margin_right, p->margin_right, FO_PROP_space_end, &p->space_end);
}

static const fo_prop_id border_colors[4] = {FO_PROP_border_before_color,
                                            FO_PROP_border_after_color,
                                            FO_PROP_border_start_color, FO_PROP_border_end_color};

void fo_props_compute(fo_props *out, unsigned char *specified, const fo_pending *pd,
                      fo_kind kind, const fo_node *parent_node)
{
    pthread_once(&once, init);
    const fo_props *parent = parent_node ? parent_node->props : NULL;
    unsigned char spec[(FO_PROP_COUNT + 7) / 8] = {0};
    memcpy(out, &initial, sizeof *out);
    if (parent)
        inherit_all(out, parent);

    vctx cx = {0, parent, out, parent_node, pd->a, NULL, false, NULL};
    static const fo_prop_id first[] = {FO_PROP_font_size, FO_PROP_color};
    for (int i = 0; i < 2; i++)
        if (pd->value[first[i]]) {
            cx.id = first[i];
            compute_one(out, pd, &cx);
            mark(spec, first[i]);
        }
    for (int id = 0; id < FO_PROP_COUNT; id++) {
        if (!pd->value[id] || id == FO_PROP_font_size || id == FO_PROP_color)
            continue;
        cx.id = id;
        compute_one(out, pd, &cx);
        mark(spec, id);
    }
    apply_components(out, pd, &cx, spec);

    /* the initial border colour is currentColor: the element's own colour */
    for (int i = 0; i < 4; i++)
        if (!marked(spec, border_colors[i]))
            *(fo_color *)field_of(out, border_colors[i]) = out->color;
    if (fo_kind_is_block_level(kind))
        map_block_margins(out, parent, spec);
    else if (fo_kind_is_inline_level(kind))
        map_inline_margins(out, spec);
    if (specified)
        memcpy(specified, spec, sizeof spec);
}

int fo_props_string_fields(fo_props *p, const char ***fields)
{
    int n = 0;
#define PROP(c, name, inh, kind, init, kws)                                                    \
    if (K_##kind == K_P_STRING)                                                                \
        fields[n++] = (const char **)(void *)&p->c;
#include "fo/props.def"
#undef PROP
    return n;
}

/* Inherited values not given on the element follow the new parent. Values given in
 * relative terms (em, percentages of the font-size) keep what they computed to under the
 * old parent; indents made from margins move by the difference of the parents' indents. */
void fo_props_reparent(fo_props *p, const unsigned char *spec, const fo_props *old_parent,
                       const fo_props *new_parent)
{
    pthread_once(&once, init);
    for (int id = 0; id < FO_PROP_COUNT; id++)
        if (info[id].inherited && !marked(spec, id))
            copy_value(p, new_parent, id);
    for (int i = 0; i < 4; i++)
        if (!marked(spec, border_colors[i]))
            *(fo_color *)field_of(p, border_colors[i]) = p->color;
    if (marked(spec, FO_PROP_margin_left) && marked(spec, FO_PROP_start_indent))
        p->start_indent.abs += new_parent->start_indent.abs - old_parent->start_indent.abs;
    if (marked(spec, FO_PROP_margin_right) && marked(spec, FO_PROP_end_indent))
        p->end_indent.abs += new_parent->end_indent.abs - old_parent->end_indent.abs;
}
