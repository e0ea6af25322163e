/* Property value expressions (XSL 1.1 § 5.9): numbers and lengths with units, + - * div
 * mod, parentheses and the core functions. Lengths stay linear (abs + rel * base +
 * prop * unit) so that percentages can be resolved at layout. */
#include "fo/fo_internal.h"
#include "util/i18n.h"

#include <math.h>
#include <string.h>

typedef struct {
    const char *s;
    const fo_expr_ctx *cx;
    const char *err;
    const char *nonstandard; /* see fo_val */
} parser;

static bool parse_add(parser *p, fo_val *out);

static void skip_ws(parser *p)
{
    while (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r')
        p->s++;
}

static bool fail(parser *p, const char *msg)
{
    if (!p->err)
        p->err = msg;
    return false;
}

static bool is_name_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_name_char(char c)
{
    return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* An NCName at the cursor; its length (0 if none). */
static size_t name_length(const char *s)
{
    size_t n = 0;
    if (!is_name_start(s[0]))
        return 0;
    while (is_name_char(s[n]))
        n++;
    return n;
}

static fo_val number(double v)
{
    return (fo_val){.abs = v};
}

static bool is_pure_abs(const fo_val *v)
{
    return !v->is_color && v->rel == 0 && v->prop == 0;
}

static bool parse_quantity(parser *p, fo_val *out)
{
    double v;
    if (!fo_parse_number(&p->s, &v))
        return fail(p, "number expected");
    if (*p->s == '%') {
        p->s++;
        *out = (fo_val){.rel = v / 100.0, .is_len = true};
        return true;
    }
    size_t n = 0;
    while ((p->s[n] >= 'a' && p->s[n] <= 'z') || (p->s[n] >= 'A' && p->s[n] <= 'Z'))
        n++;
    if (n == 0) {
        *out = number(v);
        return true;
    }
    double unit = (n == 2 && p->s[0] == 'e' && p->s[1] == 'm') ? p->cx->font_size
                                                                : fo_unit_points(p->s, n);
    if (n == 3 && strncmp(p->s, "mpt", 3) == 0) { /* FOP's millipoints */
        unit = 0.001;
        p->nonstandard = N_("uses FOP's unit mpt (not XSL 1.1); read as 1/1000 pt");
    }
    if (unit == 0 && !(n == 2 && p->s[0] == 'e' && p->s[1] == 'm'))
        return fail(p, "unknown unit");
    p->s += n;
    *out = (fo_val){.abs = v * unit, .is_len = true};
    return true;
}

static const fo_node *nearest_list_block(const fo_node *n)
{
    for (; n; n = n->parent)
        if (n->kind == FO_LIST_BLOCK)
            return n;
    return NULL;
}

/* label-end() and body-start() (XSL 1.1 § 7.8.x): from the enclosing list-block. */
static bool list_function(parser *p, bool label_end, fo_val *out)
{
    const fo_node *lb = nearest_list_block(p->cx->context);
    if (!lb)
        return fail(p, label_end ? N_("label-end() outside a list-block")
                                 : N_("body-start() outside a list-block"));
    const fo_props *q = lb->props;
    fo_len si = q->start_indent, d = q->provisional_distance_between_starts,
           sep = q->provisional_label_separation;
    fo_val v = {.abs = si.abs + d.abs, .rel = si.rel + d.rel, .is_len = true};
    if (label_end)
        v = (fo_val){.abs = -(v.abs - sep.abs), .rel = 1.0 - (v.rel - sep.rel), .is_len = true};
    *out = v;
    return true;
}

static bool property_function(parser *p, fo_val *out)
{
    skip_ws(p);
    size_t n = name_length(p->s);
    if (!n)
        return fail(p, "property name expected");
    int id = fo_prop_lookup(p->s, n);
    p->s += n;
    if (id < 0)
        return fail(p, "unknown property in function");
    const fo_props *src = p->cx->parent ? p->cx->parent : fo_initial_props();
    if (!fo_prop_value(src, id, out))
        return fail(p, "property value can't be used in an expression");
    return true;
}

/* Comma-separated arguments up to ')'; returns their count. */
static int parse_args(parser *p, fo_val *args, int max)
{
    int n = 0;
    skip_ws(p);
    if (*p->s == ')') {
        p->s++;
        return 0;
    }
    for (;;) {
        if (n == max) {
            fail(p, "too many arguments");
            return -1;
        }
        if (!parse_add(p, &args[n++]))
            return -1;
        skip_ws(p);
        if (*p->s == ',') {
            p->s++;
            continue;
        }
        if (*p->s == ')') {
            p->s++;
            return n;
        }
        fail(p, "')' expected");
        return -1;
    }
}

static bool numeric_function(parser *p, const char *name, size_t len, fo_val *out)
{
    fo_val a[2];
    int n = parse_args(p, a, 2);
    if (n < 0)
        return false;
    bool two = fo_ieq(name, len, "min") || fo_ieq(name, len, "max");
    if (n != (two ? 2 : 1))
        return fail(p, "wrong number of arguments");
    if (fo_ieq(name, len, "proportional-column-width")) {
        /* FOP reads proportional-column-width(25%) as 25 */
        bool percent = a[0].is_len && a[0].abs == 0 && a[0].prop == 0 && a[0].rel != 0;
        if ((a[0].is_len && !percent) || a[0].is_color)
            return fail(p, "proportional-column-width() takes a number");
        if (percent)
            p->nonstandard = N_("gives proportional-column-width() a percentage (not XSL 1.1); "
                             "read as a number, as FOP does");
        *out = (fo_val){.prop = percent ? a[0].rel * 100 : a[0].abs, .is_len = true};
        return true;
    }
    if (!is_pure_abs(&a[0]) || (two && (!is_pure_abs(&a[1]) || a[0].is_len != a[1].is_len)))
        return fail(p, "function arguments must be absolute numbers or lengths");
    double x = a[0].abs;
    if (fo_ieq(name, len, "abs"))
        x = fabs(x);
    else if (fo_ieq(name, len, "floor"))
        x = floor(x);
    else if (fo_ieq(name, len, "ceiling"))
        x = ceil(x);
    else if (fo_ieq(name, len, "round"))
        x = floor(x + 0.5);
    else if (fo_ieq(name, len, "min"))
        x = fmin(x, a[1].abs);
    else if (fo_ieq(name, len, "max"))
        x = fmax(x, a[1].abs);
    else
        return fail(p, "unknown function");
    *out = (fo_val){.abs = x, .is_len = a[0].is_len};
    return true;
}

static bool colour_function(parser *p, const char *start, fo_val *out)
{
    const char *close = strchr(p->s, ')');
    if (!close)
        return fail(p, "')' expected");
    char buf[256];
    size_t n = (size_t)(close + 1 - start);
    if (n >= sizeof buf)
        return fail(p, "colour too long");
    memcpy(buf, start, n);
    buf[n] = '\0';
    if (!fo_parse_color(buf, &out->color))
        return fail(p, "invalid colour");
    out->is_color = true;
    p->s = close + 1;
    return true;
}

static bool parse_function(parser *p, fo_val *out)
{
    const char *start = p->s;
    size_t len = name_length(p->s);
    const char *name = p->s;
    p->s += len;
    skip_ws(p);
    if (*p->s != '(')
        return fail(p, "unexpected name");
    p->s++;
    if (fo_ieq(name, len, "rgb") || fo_ieq(name, len, "rgb-icc") || fo_ieq(name, len, "cmyk"))
        return colour_function(p, start, out);
    if (fo_ieq(name, len, "label-end") || fo_ieq(name, len, "body-start")) {
        fo_val none[1];
        if (parse_args(p, none, 1) != 0)
            return fail(p, "no arguments expected");
        return list_function(p, name[0] == 'l', out);
    }
    if (fo_ieq(name, len, "inherited-property-value") || fo_ieq(name, len, "from-parent") ||
        fo_ieq(name, len, "from-nearest-specified-value")) {
        if (!property_function(p, out))
            return false;
        skip_ws(p);
        if (*p->s++ != ')')
            return fail(p, "')' expected");
        return true;
    }
    return numeric_function(p, name, len, out);
}

static bool parse_primary(parser *p, fo_val *out)
{
    skip_ws(p);
    char c = *p->s;
    if (c == '(') {
        p->s++;
        if (!parse_add(p, out))
            return false;
        skip_ws(p);
        if (*p->s != ')')
            return fail(p, "')' expected");
        p->s++;
        return true;
    }
    if ((c >= '0' && c <= '9') || c == '.')
        return parse_quantity(p, out);
    if (is_name_start(c))
        return parse_function(p, out);
    return fail(p, c ? N_("unexpected character") : N_("unexpected end"));
}

static bool parse_unary(parser *p, fo_val *out)
{
    skip_ws(p);
    if (*p->s == '-' || *p->s == '+') {
        bool neg = *p->s == '-';
        p->s++;
        if (!parse_unary(p, out))
            return false;
        if (out->is_color)
            return fail(p, "colours have no sign");
        if (neg) {
            out->abs = -out->abs;
            out->rel = -out->rel;
            out->prop = -out->prop;
        }
        return true;
    }
    return parse_primary(p, out);
}

/* The multiplicative operator at the cursor: '*', 'd' (div), 'm' (mod), or 0. */
static char mul_operator(parser *p)
{
    skip_ws(p);
    if (*p->s == '*') {
        p->s++;
        return '*';
    }
    size_t n = name_length(p->s);
    if (n == 3 && (strncmp(p->s, "div", 3) == 0 || strncmp(p->s, "mod", 3) == 0)) {
        char op = p->s[0];
        p->s += 3;
        return op;
    }
    return 0;
}

static bool multiply(parser *p, char op, fo_val *a, const fo_val *b)
{
    if (a->is_color || b->is_color)
        return fail(p, "colours can't be multiplied");
    if (op == '*') {
        if (a->is_len && b->is_len)
            return fail(p, "a length can't be multiplied by a length");
        const fo_val *len = a->is_len ? a : b;
        double k = a->is_len ? b->abs : a->abs;
        *a = (fo_val){.abs = len->abs * k, .rel = len->rel * k, .prop = len->prop * k,
                      .is_len = len->is_len};
        return true;
    }
    if (op == 'd') {
        if (b->is_len) {
            if (!a->is_len || !is_pure_abs(a) || !is_pure_abs(b) || b->abs == 0)
                return fail(p, "invalid division");
            *a = number(a->abs / b->abs);
            return true;
        }
        if (b->abs == 0)
            return fail(p, "division by zero");
        a->abs /= b->abs;
        a->rel /= b->abs;
        a->prop /= b->abs;
        return true;
    }
    if (!is_pure_abs(a) || !is_pure_abs(b) || a->is_len != b->is_len || b->abs == 0)
        return fail(p, "invalid mod");
    a->abs = fmod(a->abs, b->abs);
    return true;
}

static bool parse_mul(parser *p, fo_val *out)
{
    if (!parse_unary(p, out))
        return false;
    for (;;) {
        const char *save = p->s;
        char op = mul_operator(p);
        if (!op) {
            p->s = save;
            return true;
        }
        fo_val b;
        if (!parse_unary(p, &b) || !multiply(p, op, out, &b))
            return false;
    }
}

static bool add(parser *p, fo_val *a, const fo_val *b, double sign)
{
    if (a->is_color || b->is_color)
        return fail(p, "colours can't be added");
    /* A bare 0 is allowed next to a length (it is a valid length on its own). */
    bool a_zero = !a->is_len && a->abs == 0, b_zero = !b->is_len && b->abs == 0;
    if (a->is_len != b->is_len && !a_zero && !b_zero)
        return fail(p, "a number and a length can't be added");
    a->abs += sign * b->abs;
    a->rel += sign * b->rel;
    a->prop += sign * b->prop;
    a->is_len = a->is_len || b->is_len;
    return true;
}

static bool parse_add(parser *p, fo_val *out)
{
    if (!parse_mul(p, out))
        return false;
    for (;;) {
        skip_ws(p);
        char c = *p->s;
        if (c != '+' && c != '-')
            return true;
        p->s++;
        fo_val b;
        if (!parse_mul(p, &b) || !add(p, out, &b, c == '-' ? -1 : 1))
            return false;
    }
}

bool fo_expr_eval(const char *s, const fo_expr_ctx *cx, fo_val *out, const char **err)
{
    parser p = {s, cx, NULL, NULL};
    *out = (fo_val){0};
    if (!parse_add(&p, out)) {
        if (err)
            *err = p.err;
        return false;
    }
    skip_ws(&p);
    if (*p.s) {
        if (err)
            *err = N_("unexpected text after the expression");
        return false;
    }
    out->nonstandard = p.nonstandard;
    /* 1e400pt or 1e308 * 10: nothing downstream can lay out an infinite or NaN value. */
    if (!isfinite(out->abs) || !isfinite(out->rel) || !isfinite(out->prop)) {
        if (err)
            *err = N_("the value is not a finite number");
        return false;
    }
    return true;
}

bool fo_eval_length(const char *expr, double font_size, const fo_node *context, fo_len *out,
                    const char **err)
{
    fo_expr_ctx cx = {font_size, context, context ? context->props : NULL};
    fo_val v;
    if (!fo_expr_eval(expr, &cx, &v, err))
        return false;
    if (v.is_color || (!v.is_len && v.abs != 0)) {
        if (err)
            *err = N_("a length is expected");
        return false;
    }
    *out = (fo_len){v.abs, v.rel, v.prop, FO_KW_UNSET};
    return true;
}
