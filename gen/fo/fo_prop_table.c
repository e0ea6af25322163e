/* The property table of props.def: lookup by name, the initial values (parsed once) and
 * property values as expression values (from-parent() and the like). */
#include "fo/fo_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static fo_prop_info info[FO_PROP_COUNT] = {
#define PROP(c, name, inh, kind, init, kws) {name, inh, K_##kind, init, kws, {0}},
#include "fo/props.def"
#undef PROP
};

static fo_hash prop_names;
static fo_props initial;
static pthread_once_t once = PTHREAD_ONCE_INIT;

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
    fo_prop_ctx cx = {.id = id, .self = &initial, .root = &initial, .info = info};
    if (!fo_prop_parse(&initial, info[id].initial, &cx)) {
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
