/* Computing an element's properties: its attributes parsed over the inherited and initial
 * values, components (space-before.optimum...), the documented limits, margins mapped to
 * indents and spaces; and moving a computed set under another parent. */
#include "fo/fo_internal.h"
#include "util/i18n.h"

#include <string.h>

static const fo_prop_info *prop(fo_prop_id id)
{
    return &fo_prop_table()[id];
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

/* ---- computing ------------------------------------------------------------------------- */

static void mark(unsigned char *bits, fo_prop_id id)
{
    bits[id / 8] |= (unsigned char)(1u << (id % 8));
}

static bool marked(const unsigned char *bits, fo_prop_id id)
{
    return bits[id / 8] >> (id % 8) & 1;
}

static void report_invalid(const fo_pending *pd, fo_prop_id id, const char *v,
                           const fo_prop_ctx *cx)
{
    if (pd->d && cx && cx->past_limit)
        diag_error(pd->d, pd->file, pd->line, _("invalid value '%s' for property '%s': %s"), v,
                   prop(id)->name, _(cx->err));
    else if (pd->d)
        diag_error(pd->d, pd->file, pd->line, _("invalid value '%s' for property '%s'"), v,
                   prop(id)->name);
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
    switch (prop(id)->kind) {
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
                       "%gpt)"), v, prop(id)->name, bounds[i].max);
        else if (pd->d)
            diag_error(pd->d, pd->file, pd->line,
                       _("value '%s' for property '%s' is out of range (%g to %g)"), v,
                       prop(id)->name, bounds[i].min, bounds[i].max);
        return false;
    }
    return true;
}

static void compute_one(fo_props *p, const fo_pending *pd, fo_prop_ctx *cx)
{
    char buf[512];
    const char *v = trimmed(pd->value[cx->id], buf, sizeof buf);
    if (strcmp(v, "inherit") == 0) {
        copy_value(p, cx->parent ? cx->parent : cx->root, cx->id);
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
    if (!fo_prop_parse(p, v, cx)) {
        memcpy(field, save, field_size[cx->id]);
        report_invalid(pd, cx->id, pd->value[cx->id], cx);
    } else if (!within_bounds(p, pd, cx->id, v)) {
        memcpy(field, save, field_size[cx->id]);
    } else if (cx->lenient && pd->d) {
        diag_warning(pd->d, pd->file, pd->line, _("value '%s' for property '%s' %s"),
                     pd->value[cx->id], prop(cx->id)->name, _(cx->lenient));
    }
}

static bool apply_space_component(fo_space *s, fo_comp comp, const char *v, fo_prop_ctx *cx,
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
        return fo_prop_eval_int(cx, v, &s->precedence);
    }
    fo_len *target = comp == FO_COMP_MINIMUM ? &s->min
                     : comp == FO_COMP_OPTIMUM ? &s->opt
                     : comp == FO_COMP_MAXIMUM ? &s->max
                                               : NULL;
    if (!target || !fo_prop_eval_len(cx, v, cx->self->font_size, target))
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

static void apply_components(fo_props *p, const fo_pending *pd, fo_prop_ctx *cx,
                             unsigned char *spec)
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
        if (prop(id)->kind == K_P_SPACE) {
            ok = apply_space_component(f, comp, v, cx, &given[i]);
            /* later components of the same property see the earlier ones */
            for (int j = i + 1; j < pd->ncomps; j++)
                if (pd->comps[j].id == id)
                    given[j] |= given[i];
            make_consistent(f, given[i]);
        } else if (prop(id)->kind == K_P_KEEP) {
            fo_keep *k = f;
            int *slot = comp == FO_COMP_WITHIN_LINE     ? &k->within_line
                        : comp == FO_COMP_WITHIN_COLUMN ? &k->within_column
                        : comp == FO_COMP_WITHIN_PAGE   ? &k->within_page
                                                        : NULL;
            ok = slot && fo_prop_parse_keep(v, cx, slot);
        } else if (comp == FO_COMP_LENGTH) {
            ok = fo_prop_parse(p, v, cx);
        } else if (comp == FO_COMP_CONDITIONALITY) {
            ok = true; /* padding and border conditionality: not supported, accepted */
        }
        if (ok && cx->lenient && pd->d)
            diag_warning(pd->d, pd->file, pd->line, _("value '%s' for property '%s' %s"),
                         pd->comps[i].value, prop(id)->name, _(cx->lenient));
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
    const fo_props *initial = fo_initial_props();
    const fo_props *parent = parent_node ? parent_node->props : NULL;
    unsigned char spec[(FO_PROP_COUNT + 7) / 8] = {0};
    memcpy(out, initial, sizeof *out);
    if (parent)
        inherit_all(out, parent);

    fo_prop_ctx cx = {.parent = parent, .self = out, .context = parent_node, .a = pd->a,
                      .root = initial, .info = fo_prop_table()};
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
    for (int id = 0; id < FO_PROP_COUNT; id++)
        if (prop(id)->inherited && !marked(spec, id))
            copy_value(p, new_parent, id);
    for (int i = 0; i < 4; i++)
        if (!marked(spec, border_colors[i]))
            *(fo_color *)field_of(p, border_colors[i]) = p->color;
    if (marked(spec, FO_PROP_margin_left) && marked(spec, FO_PROP_start_indent))
        p->start_indent.abs += new_parent->start_indent.abs - old_parent->start_indent.abs;
    if (marked(spec, FO_PROP_margin_right) && marked(spec, FO_PROP_end_indent))
        p->end_indent.abs += new_parent->end_indent.abs - old_parent->end_indent.abs;
}

