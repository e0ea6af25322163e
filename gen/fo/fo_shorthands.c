/* Attributes to property values: shorthands (margin, padding, border...), absolute
 * properties mapped onto relative ones for lr-tb (padding-left is padding-start), compound
 * components (space-before.optimum) and the CSS-like page-break-* and white-space.
 *
 * When several attributes give one property, the most specific wins whatever their order
 * (XSL 1.1 § 5.2): border < border-width < border-top < border-top-width <
 * border-before-width. */
#include "fo/fo_internal.h"
#include "util/i18n.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

enum { PRIO_SHORT = 1, PRIO_GROUP = 2, PRIO_SIDE = 3, PRIO_ABS = 4, PRIO_REL = 5 };

/* Attribute actions besides plain properties (which are looked up in props.def). */
typedef enum {
    A_MARGIN = 1, A_PADDING, A_BORDER, A_BORDER_WIDTH, A_BORDER_STYLE, A_BORDER_COLOR,
    A_BORDER_SIDE, /* + side */
    A_ABS = 64,    /* + absolute property index (table below) */
    A_PAGE_BREAK_BEFORE = 256, A_PAGE_BREAK_AFTER, A_PAGE_BREAK_INSIDE, A_WHITE_SPACE,
    A_FONT, A_XML_LANG
} action;

/* Sides in the order of the CSS box shorthands: top, right, bottom, left, mapped for
 * lr-tb onto before, end, after, start. */
static const char *const side_names[4] = {"top", "right", "bottom", "left"};
static const fo_prop_id side_width[4] = {FO_PROP_border_before_width, FO_PROP_border_end_width,
                                         FO_PROP_border_after_width,
                                         FO_PROP_border_start_width};
static const fo_prop_id side_style[4] = {FO_PROP_border_before_style, FO_PROP_border_end_style,
                                         FO_PROP_border_after_style,
                                         FO_PROP_border_start_style};
static const fo_prop_id side_color[4] = {FO_PROP_border_before_color, FO_PROP_border_end_color,
                                         FO_PROP_border_after_color,
                                         FO_PROP_border_start_color};
static const fo_prop_id side_padding[4] = {FO_PROP_padding_before, FO_PROP_padding_end,
                                           FO_PROP_padding_after, FO_PROP_padding_start};
static const fo_prop_id side_margin[4] = {FO_PROP_margin_top, FO_PROP_margin_right,
                                          FO_PROP_margin_bottom, FO_PROP_margin_left};

/* Absolute properties: name and relative target, filled at init. */
enum { NABS = 16 };
static char abs_names[NABS][24];
static fo_prop_id abs_target[NABS];

static fo_hash actions;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char side_shorthands[4][16];

static void init(void)
{
    fo_hash_init(&actions, 64);
    static const struct {
        const char *name;
        int act;
    } fixed[] = {
        {"margin", A_MARGIN},
        {"padding", A_PADDING},
        {"border", A_BORDER},
        {"border-width", A_BORDER_WIDTH},
        {"border-style", A_BORDER_STYLE},
        {"border-color", A_BORDER_COLOR},
        {"page-break-before", A_PAGE_BREAK_BEFORE},
        {"page-break-after", A_PAGE_BREAK_AFTER},
        {"page-break-inside", A_PAGE_BREAK_INSIDE},
        {"white-space", A_WHITE_SPACE},
        {"font", A_FONT},
        {"xml:lang", A_XML_LANG},
    };
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        fo_hash_put(&actions, fixed[i].name, fixed[i].act);
    int n = 0;
    for (int s = 0; s < 4; s++) {
        snprintf(side_shorthands[s], sizeof side_shorthands[s], "border-%s", side_names[s]);
        fo_hash_put(&actions, side_shorthands[s], A_BORDER_SIDE + s);
        const char *what[4] = {"padding-%s", "border-%s-width", "border-%s-style",
                               "border-%s-color"};
        const fo_prop_id *target[4] = {side_padding, side_width, side_style, side_color};
        for (int w = 0; w < 4; w++, n++) {
            snprintf(abs_names[n], sizeof abs_names[n], what[w], side_names[s]);
            abs_target[n] = target[w][s];
            fo_hash_put(&actions, abs_names[n], A_ABS + n);
        }
    }
}

void fo_pending_set(fo_pending *pd, fo_prop_id id, const char *v, int prio)
{
    if (pd->value[id] && pd->prio[id] > prio)
        return;
    pd->value[id] = v;
    pd->prio[id] = (unsigned char)prio;
}

/* Splits `v` at whitespace outside parentheses into at most `max` arena-owned tokens;
 * returns the count, or max + 1 when there are more. */
static int split(fo_pending *pd, const char *v, const char **tok, int max)
{
    int n = 0;
    const char *s = v;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        if (!*s)
            return n;
        const char *start = s;
        int depth = 0;
        while (*s && (depth > 0 || !(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))) {
            depth += *s == '(' ? 1 : *s == ')' ? -1 : 0;
            s++;
        }
        if (n == max)
            return max + 1;
        tok[n++] = arena_strndup(pd->a, start, (size_t)(s - start));
    }
}

static void invalid(fo_pending *pd, const char *name, const char *v)
{
    if (pd->d)
        diag_error(pd->d, pd->file, pd->line, _("invalid value '%s' for property '%s'"), v, name);
}

/* margin, padding, border-width/style/color: one to four values, CSS order. */
static void box_shorthand(fo_pending *pd, const char *name, const char *v,
                          const fo_prop_id *targets, int prio)
{
    const char *t[4];
    int n = split(pd, v, t, 4);
    static const int pick[5][4] = {{0}, {0, 0, 0, 0}, {0, 1, 0, 1}, {0, 1, 2, 1}, {0, 1, 2, 3}};
    if (n < 1 || n > 4) {
        invalid(pd, name, v);
        return;
    }
    for (int s = 0; s < 4; s++)
        fo_pending_set(pd, targets[s], t[pick[n][s]], prio);
}

static bool is_border_style(const char *t)
{
    static const char *const styles[] = {"none", "hidden", "dotted", "dashed", "solid",
                                         "double", "groove", "ridge", "inset", "outset"};
    for (size_t i = 0; i < sizeof styles / sizeof *styles; i++)
        if (strcmp(t, styles[i]) == 0)
            return true;
    return false;
}

/* border and border-top...: width, style and colour in any order. */
static void border_shorthand(fo_pending *pd, const char *name, const char *v, int first,
                             int count, int prio)
{
    const char *t[3];
    int n = split(pd, v, t, 3);
    if (n < 1 || n > 3) {
        invalid(pd, name, v);
        return;
    }
    for (int i = 0; i < n; i++) {
        fo_color c;
        const fo_prop_id *target = is_border_style(t[i])                ? side_style
                                   : strcmp(t[i], "inherit") == 0       ? NULL
                                   : fo_parse_color(t[i], &c) ||
                                           strcasecmp(t[i], "currentColor") == 0
                                       ? side_color
                                       : side_width;
        for (int s = first; s < first + count; s++) {
            if (target)
                fo_pending_set(pd, target[s], t[i], prio);
            else
                for (int k = 0; k < 3; k++)
                    fo_pending_set(pd, (k == 0 ? side_style : k == 1 ? side_color : side_width)[s],
                                   "inherit", prio);
        }
    }
}

static void page_break(fo_pending *pd, action a, const char *name, const char *v)
{
    fo_prop_id brk = a == A_PAGE_BREAK_BEFORE ? FO_PROP_break_before : FO_PROP_break_after;
    fo_prop_id keep = a == A_PAGE_BREAK_BEFORE  ? FO_PROP_keep_with_previous
                      : a == A_PAGE_BREAK_AFTER ? FO_PROP_keep_with_next
                                                : FO_PROP_keep_together;
    if (strcmp(v, "avoid") == 0)
        fo_pending_set(pd, keep, "always", PRIO_SHORT);
    else if (a == A_PAGE_BREAK_INSIDE && strcmp(v, "auto") == 0)
        fo_pending_set(pd, keep, "auto", PRIO_SHORT);
    else if (a != A_PAGE_BREAK_INSIDE && strcmp(v, "auto") == 0)
        fo_pending_set(pd, brk, "auto", PRIO_SHORT);
    else if (a != A_PAGE_BREAK_INSIDE && strcmp(v, "always") == 0)
        fo_pending_set(pd, brk, "page", PRIO_SHORT);
    else if (a != A_PAGE_BREAK_INSIDE && strcmp(v, "left") == 0)
        fo_pending_set(pd, brk, "even-page", PRIO_SHORT);
    else if (a != A_PAGE_BREAK_INSIDE && strcmp(v, "right") == 0)
        fo_pending_set(pd, brk, "odd-page", PRIO_SHORT);
    else if (strcmp(v, "inherit") == 0)
        fo_pending_set(pd, a == A_PAGE_BREAK_INSIDE ? keep : brk, "inherit", PRIO_SHORT);
    else
        invalid(pd, name, v);
}

static void white_space(fo_pending *pd, const char *v)
{
    static const struct {
        const char *value, *linefeed, *collapse, *treatment, *wrap;
    } modes[] = {
        {"normal", "treat-as-space", "true", "ignore-if-surrounding-linefeed", "wrap"},
        {"pre", "preserve", "false", "preserve", "no-wrap"},
        {"nowrap", "treat-as-space", "true", "ignore-if-surrounding-linefeed", "no-wrap"},
        {"pre-wrap", "preserve", "false", "preserve", "wrap"},
        {"pre-line", "preserve", "true", "ignore-if-surrounding-linefeed", "wrap"},
        {"inherit", "inherit", "inherit", "inherit", "inherit"},
    };
    for (size_t i = 0; i < sizeof modes / sizeof *modes; i++)
        if (strcmp(v, modes[i].value) == 0) {
            fo_pending_set(pd, FO_PROP_linefeed_treatment, modes[i].linefeed, PRIO_SHORT);
            fo_pending_set(pd, FO_PROP_white_space_collapse, modes[i].collapse, PRIO_SHORT);
            fo_pending_set(pd, FO_PROP_white_space_treatment, modes[i].treatment, PRIO_SHORT);
            fo_pending_set(pd, FO_PROP_wrap_option, modes[i].wrap, PRIO_SHORT);
            return;
        }
    invalid(pd, "white-space", v);
}

/* font: [style] [variant] [weight] size[/line-height] family */
static void font_shorthand(fo_pending *pd, const char *v)
{
    const char *s = v;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\n')
            s++;
        size_t n = strcspn(s, " \t\n");
        if (!n)
            break;
        char *t = arena_strndup(pd->a, s, n);
        if (!strcmp(t, "italic") || !strcmp(t, "oblique") || !strcmp(t, "backslant"))
            fo_pending_set(pd, FO_PROP_font_style, t, PRIO_SHORT);
        else if (!strcmp(t, "small-caps"))
            fo_pending_set(pd, FO_PROP_font_variant, t, PRIO_SHORT);
        else if (!strcmp(t, "bold") || !strcmp(t, "bolder") || !strcmp(t, "lighter") ||
                 (n == 3 && t[0] >= '1' && t[0] <= '9' && !strcmp(t + 1, "00")))
            fo_pending_set(pd, FO_PROP_font_weight, t, PRIO_SHORT);
        else if (strcmp(t, "normal") != 0) {
            char *slash = strchr(t, '/');
            if (slash) {
                *slash = '\0';
                fo_pending_set(pd, FO_PROP_line_height, slash + 1, PRIO_SHORT);
            }
            fo_pending_set(pd, FO_PROP_font_size, t, PRIO_SHORT);
            s += n;
            while (*s == ' ' || *s == '\t' || *s == '\n')
                s++;
            if (*s)
                fo_pending_set(pd, FO_PROP_font_family, arena_strdup(pd->a, s), PRIO_SHORT);
            return;
        }
        s += n;
    }
    invalid(pd, "font", v);
}

/* xml:lang="fr-FR" gives language "fr" and country "FR" unless these are given. */
static void xml_lang(fo_pending *pd, const char *v)
{
    fo_pending_set(pd, FO_PROP_xml_lang, v, PRIO_REL);
    size_t n = strcspn(v, "-_");
    fo_pending_set(pd, FO_PROP_language, arena_strndup(pd->a, v, n), PRIO_SHORT);
    if (v[n])
        fo_pending_set(pd, FO_PROP_country, v + n + 1, PRIO_SHORT);
}

static void run_action(fo_pending *pd, int act, const char *name, const char *v)
{
    if (act >= A_ABS && act < A_ABS + NABS) {
        fo_pending_set(pd, abs_target[act - A_ABS], v, PRIO_ABS);
        return;
    }
    if (act >= A_BORDER_SIDE && act < A_BORDER_SIDE + 4) {
        border_shorthand(pd, name, v, act - A_BORDER_SIDE, 1, PRIO_SIDE);
        return;
    }
    switch (act) {
    case A_MARGIN: box_shorthand(pd, name, v, side_margin, PRIO_SHORT); break;
    case A_PADDING: box_shorthand(pd, name, v, side_padding, PRIO_SHORT); break;
    case A_BORDER: border_shorthand(pd, name, v, 0, 4, PRIO_SHORT); break;
    case A_BORDER_WIDTH: box_shorthand(pd, name, v, side_width, PRIO_GROUP); break;
    case A_BORDER_STYLE: box_shorthand(pd, name, v, side_style, PRIO_GROUP); break;
    case A_BORDER_COLOR: box_shorthand(pd, name, v, side_color, PRIO_GROUP); break;
    case A_PAGE_BREAK_BEFORE:
    case A_PAGE_BREAK_AFTER:
    case A_PAGE_BREAK_INSIDE: page_break(pd, (action)act, name, v); break;
    case A_WHITE_SPACE: white_space(pd, v); break;
    case A_FONT: font_shorthand(pd, v); break;
    case A_XML_LANG: xml_lang(pd, v); break;
    default: break;
    }
}

static fo_comp component_of(const char *c)
{
    static const char *const names[] = {
        [FO_COMP_MINIMUM] = "minimum",           [FO_COMP_OPTIMUM] = "optimum",
        [FO_COMP_MAXIMUM] = "maximum",           [FO_COMP_CONDITIONALITY] = "conditionality",
        [FO_COMP_PRECEDENCE] = "precedence",     [FO_COMP_WITHIN_LINE] = "within-line",
        [FO_COMP_WITHIN_COLUMN] = "within-column", [FO_COMP_WITHIN_PAGE] = "within-page",
        [FO_COMP_LENGTH] = "length",
    };
    for (int i = 1; i < (int)(sizeof names / sizeof *names); i++)
        if (strcmp(c, names[i]) == 0)
            return (fo_comp)i;
    return FO_COMP_NONE;
}

static bool component_fits(const fo_prop_info *pi, fo_comp c)
{
    if (pi->kind == K_P_SPACE)
        return c >= FO_COMP_MINIMUM && c <= FO_COMP_PRECEDENCE;
    if (pi->kind == K_P_KEEP)
        return c >= FO_COMP_WITHIN_LINE && c <= FO_COMP_WITHIN_PAGE;
    if (pi->kind == K_P_LENGTH)
        return c == FO_COMP_LENGTH || c == FO_COMP_CONDITIONALITY;
    return false;
}

/* name.component="value"; false if the name is not a known compound property. */
static bool component(fo_pending *pd, const char *name, const char *v)
{
    const char *dot = strchr(name, '.');
    int id = fo_prop_lookup(name, (size_t)(dot - name));
    if (id < 0) {
        int act = fo_hash_get(&actions, name, (size_t)(dot - name));
        if (act < A_ABS || act >= A_ABS + NABS)
            return false;
        id = abs_target[act - A_ABS];
    }
    fo_comp c = component_of(dot + 1);
    if (!component_fits(&fo_prop_table()[id], c))
        return false;
    if (pd->ncomps < FO_MAX_COMPONENTS) {
        pd->comps[pd->ncomps].id = id;
        pd->comps[pd->ncomps].comp = c;
        pd->comps[pd->ncomps].value = v;
        pd->ncomps++;
    }
    return true;
}

void fo_pending_attribute(fo_pending *pd, const char *name, const char *value)
{
    pthread_once(&once, init);
    size_t len = strlen(name);
    int act = fo_hash_get(&actions, name, len); /* first: xml:lang is also a property */
    if (act > 0) {
        run_action(pd, act, name, value);
        return;
    }
    int id = fo_prop_lookup(name, len);
    if (id >= 0) {
        fo_pending_set(pd, id, value, PRIO_REL);
        return;
    }
    if (strchr(name, ':'))
        return; /* other namespaces: xmlns, fox:, xml:base, xml:space... */
    if (strchr(name, '.') && component(pd, name, value))
        return;
    if (fo_is_xsl_property(name, strcspn(name, ".")))
        return; /* valid XSL but not supported: silently ignored */
    if (pd->d)
        diag_warning(pd->d, pd->file, pd->line, _("unknown property '%s' on fo:%s"), name,
                     pd->element);
}
