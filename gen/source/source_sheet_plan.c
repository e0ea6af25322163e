/* <plan-actions href="plan.ods"/>: the rows of a spreadsheet become the <axe>, <objectif> and
 * <action> elements a hand-written source holds, before validation. Each generated element
 * remembers its cell ("plan.ods:actions:F12") for messages; the axes remember the file itself,
 * so that dependency files put the spreadsheet with its site's outputs. */
#include <errno.h>
#include <glib.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source/source_internal.h"
#include "source/source_sheet_messages.h"
#include "source/source_sheet_plan.h"
#include "source/source_sheet_values.h"
#include "util/xalloc.h"

const plan_column_spec plan_action_columns[PLAN_NCOLUMNS] = {
    [PLAN_AXE] = {"axe", false},           [PLAN_AXE_TITRE] = {"axe-titre", true},
    [PLAN_OBJECTIF] = {"objectif", false}, [PLAN_OBJECTIF_TITRE] = {"objectif-titre", true},
    [PLAN_NUMERO] = {"numero", true},      [PLAN_ID] = {"id", false},
    [PLAN_TITRE] = {"titre", true},        [PLAN_DESCRIPTION] = {"description", true},
    [PLAN_PORTEUR] = {"porteur", true},    [PLAN_PARTENAIRES] = {"partenaires", false},
    [PLAN_HORIZON] = {"horizon", true},    [PLAN_DEBUT] = {"debut", false},
    [PLAN_DUREE] = {"duree", false},       [PLAN_PRIORITE] = {"priorite", true},
    [PLAN_STATUT] = {"statut", true},      [PLAN_COUT] = {"cout", false},
    [PLAN_TAXE] = {"taxe", false},         [PLAN_UNITE] = {"unite", false},
    [PLAN_ETUDES] = {"etudes", false},     [PLAN_OUTILS] = {"outils", false},
    [PLAN_INDICATEURS] = {"indicateurs", false},
};

const plan_column_spec plan_fin_columns[FIN_NCOLUMNS] = {
    [FIN_ACTION] = {"action", true}, [FIN_FINANCEUR] = {"financeur", true},
    [FIN_MONTANT] = {"montant", true}, [FIN_ETAT] = {"etat", false},
    [FIN_DISPOSITIF] = {"dispositif", false}, [FIN_TYPE] = {"type", false},
};

const char *const plan_horizons[] = {"court", "moyen", "long", NULL};
const char *const plan_priorites[] = {"1", "2", "3", NULL};
const char *const plan_statuts[] = {"a-lancer", "en-cours", "realisee", "abandonnee", NULL};
const char *const plan_etats[] = {"acquis", "sollicite", "a-rechercher", NULL};
const char *const plan_fin_types[] = {"subvention", "autofinancement", "emprunt", "portage", NULL};
const char *const plan_taxes[] = {"ht", "ttc", NULL};

/* One sheet being read. */
typedef struct {
    source *s;
    diag *d;
    xmlNs *ns;
    const char *file;  /* the workbook as the user knows it: "sites/plan.ods" */
    const char *sheet; /* "actions", or "" for a CSV file */
    int errors;
    GPtrArray *axes;      /* xmlNode *, in order of appearance */
    GHashTable *by_numero; /* "1", "1.1", "1.1.1" -> xmlNode * (axes, objectives, actions) */
    GHashTable *where;     /* the same numbers -> the cell that introduced them (owned) */
} plan_ctx;

/* "plan.ods:actions:F12" (malloc'd). */
static char *cell_name(const plan_ctx *p, int col, int row)
{
    char ref[16];
    sheet_cell_ref(col < 0 ? 0 : col, row, ref);
    return *p->sheet ? g_strdup_printf("%s:%s:%s", p->file, p->sheet, ref)
                     : g_strdup_printf("%s:%s", p->file, ref);
}

static void cell_error(plan_ctx *p, int col, int row, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void cell_error(plan_ctx *p, int col, int row, const char *fmt, ...)
{
    char *at = cell_name(p, col, row);
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(p->d, DIAG_ERROR, at, 0, fmt, ap);
    va_end(ap);
    g_free(at);
    p->errors++;
}

static void note(plan_ctx *p, xmlNode *n, int col, int row)
{
    char *at = cell_name(p, col, row);
    source_note_origin(p->s, n, at);
    g_free(at);
}

/* A new element `name` holding `text` (when not NULL), appended to `parent`. */
static xmlNode *add(plan_ctx *p, xmlNode *parent, const char *name, const char *text)
{
    xmlNode *n = xmlNewNode(p->ns, BAD_CAST name);
    if (text)
        xmlAddChild(n, xmlNewText(BAD_CAST text));
    return parent ? xmlAddChild(parent, n) : n;
}

/* ---- headers --------------------------------------------------------------------------- */

static char *column_list(const plan_column_spec *specs, int n)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < n; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", specs[i].name);
    return g_string_free(s, FALSE);
}

/* Maps each known column to its position in the first row (-1: absent). */
static bool read_headers(plan_ctx *p, const sheet *sh, const plan_column_spec *specs, int n, int *col_of)
{
    for (int i = 0; i < n; i++)
        col_of[i] = -1;
    if (sh->nrows == 0) {
        char *at = *p->sheet ? g_strdup_printf("%s:%s", p->file, p->sheet) : g_strdup(p->file);
        diag_error(p->d, at, 0, MSG_PLAN_EMPTY_SHEET);
        g_free(at);
        p->errors++;
        return false;
    }
    const sheet_row *head = &sh->rows[0];
    char *known = column_list(specs, n);
    for (int c = 0; c < head->ncells; c++) {
        const sheet_cell *cell = sheet_row_cell(head, c);
        if (!cell)
            continue;
        char *name = sheet_fold(cell->text);
        int found = -1;
        for (int i = 0; i < n && found < 0; i++)
            if (strcmp(name, specs[i].name) == 0)
                found = i;
        if (found < 0) {
            char *at = cell_name(p, c, head->number);
            diag_warning(p->d, at, 0, MSG_PLAN_UNKNOWN_COLUMN, cell->text, known);
            g_free(at);
        } else if (col_of[found] >= 0) {
            char ref[16];
            sheet_cell_ref(col_of[found], head->number, ref);
            cell_error(p, c, head->number, MSG_PLAN_DUPLICATE_COLUMN, specs[found].name, ref);
        } else {
            col_of[found] = c;
        }
        free(name);
    }
    GString *missing = g_string_new(NULL);
    for (int i = 0; i < n; i++)
        if (specs[i].required && col_of[i] < 0)
            g_string_append_printf(missing, "%s%s", missing->len ? ", " : "", specs[i].name);
    if (missing->len) {
        char *at = *p->sheet ? g_strdup_printf("%s:%s", p->file, p->sheet) : g_strdup(p->file);
        diag_error(p->d, at, 0, MSG_PLAN_NO_COLUMN, missing->str, known);
        g_free(at);
        p->errors++;
    }
    g_string_free(missing, TRUE);
    free(known);
    return p->errors == 0;
}

/* ---- cells ----------------------------------------------------------------------------- */

/* One row of the actions sheet with its column positions. */
typedef struct {
    plan_ctx *p;
    const sheet_row *row;
    const int *col_of;
    int errors;
} row_ctx;

static const sheet_cell *cell(const row_ctx *r, int column)
{
    return r->col_of[column] < 0 ? NULL : sheet_row_cell(r->row, r->col_of[column]);
}

static int col(const row_ctx *r, int column)
{
    return r->col_of[column];
}

static void row_error(row_ctx *r, int column, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void row_error(row_ctx *r, int column, const char *fmt, ...)
{
    char *at = cell_name(r->p, r->col_of[column], r->row->number);
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(r->p->d, DIAG_ERROR, at, 0, fmt, ap);
    va_end(ap);
    g_free(at);
    r->errors++;
    r->p->errors++;
}

/* The cleaned text of a cell, or NULL when it is empty. malloc'd. */
static char *text(const row_ctx *r, int column)
{
    const sheet_cell *c = cell(r, column);
    if (!c)
        return NULL;
    char *t = sheet_clean_text(c->text);
    if (!*t) {
        free(t);
        return NULL;
    }
    return t;
}

static char *required(row_ctx *r, int column)
{
    char *t = text(r, column);
    if (!t)
        row_error(r, column, MSG_PLAN_REQUIRED, plan_action_columns[column].name);
    return t;
}

static char *allowed_list(const char *const *allowed)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; allowed[i]; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", allowed[i]);
    return g_string_free(s, FALSE);
}

/* A permitted word, or NULL after an error (or when empty and not required). */
static const char *choice(row_ctx *r, int column, const char *const *allowed, bool req, const char *name)
{
    char *t = req ? required(r, column) : text(r, column);
    if (!t)
        return NULL;
    const char *v = sheet_choice(t, allowed);
    if (!v) {
        char *list = allowed_list(allowed);
        row_error(r, column, MSG_PLAN_CHOICE, name, t, list);
        g_free(list);
    }
    free(t);
    return v;
}

/* "1", "1.1", "1.1.1": digits, and at least `dots` dots between them. */
static bool is_numero(const char *s, int dots)
{
    int seen = 0;
    bool digit = false;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            digit = true;
        } else if (*s == '.' && digit) {
            seen++;
            digit = false;
        } else {
            return false;
        }
    }
    return digit && seen >= dots;
}

/* A number cell ("1.1" typed as a number keeps its text); a date is a typing accident. */
static char *numero_cell(row_ctx *r, int column, int dots, const char *example)
{
    const sheet_cell *c = cell(r, column);
    if (!c)
        return NULL;
    if (c->kind == SHEET_DATE) {
        row_error(r, column, MSG_PLAN_NUMERO_DATE, plan_action_columns[column].name, example);
        return NULL;
    }
    char *t = sheet_clean_text(c->text);
    if (!is_numero(t, dots)) {
        row_error(r, column, MSG_PLAN_NUMERO, plan_action_columns[column].name, t, example);
        free(t);
        return NULL;
    }
    return t;
}

/* The part of `numero` before its last dot (malloc'd), "" when there is none. */
static char *parent_numero(const char *numero)
{
    const char *dot = strrchr(numero, '.');
    return dot ? g_strndup(numero, (size_t)(dot - numero)) : g_strdup("");
}

static bool starts_under(const char *numero, const char *parent)
{
    size_t n = strlen(parent);
    return strncmp(numero, parent, n) == 0 && numero[n] == '.';
}

/* ---- building ------------------------------------------------------------------------- */

/* Description cells: one paragraph per line; lines starting with "-" or "•" are list items. */
static void add_prose(plan_ctx *p, xmlNode *parent, const char *raw)
{
    gchar **lines = g_strsplit(raw, "\n", -1);
    xmlNode *list = NULL;
    for (int i = 0; lines[i]; i++) {
        char *t = sheet_clean_text(lines[i]);
        const char *body = t;
        bool item = g_str_has_prefix(t, "- ") || g_str_has_prefix(t, "• ") || g_str_has_prefix(t, "– ");
        if (item)
            body = g_utf8_next_char(t) + 1;
        if (*body && item) {
            if (!list)
                list = add(p, parent, "liste", NULL);
            add(p, list, "item", body);
        } else if (*body) {
            list = NULL;
            add(p, parent, "p", body);
        }
        free(t);
    }
    g_strfreev(lines);
}

/* Items separated by ';' (or line breaks), as `list` of `item` elements; NULL when none. */
static xmlNode *add_items(plan_ctx *p, xmlNode *parent, const char *raw, const char *list, const char *item)
{
    gchar **parts = g_strsplit_set(raw, ";\n", -1);
    xmlNode *l = NULL;
    for (int i = 0; parts[i]; i++) {
        char *t = sheet_clean_text(parts[i]);
        if (*t) {
            if (!l)
                l = add(p, parent, list, NULL);
            add(p, l, item, t);
        }
        free(t);
    }
    g_strfreev(parts);
    return l;
}

/* The axe or objective `numero`, created at its first row; its title from `title_col`. */
static xmlNode *group(row_ctx *r, xmlNode *parent, const char *kind, const char *numero, int title_col)
{
    plan_ctx *p = r->p;
    xmlNode *g = g_hash_table_lookup(p->by_numero, numero);
    char *title = text(r, title_col);
    if (!g) {
        g = add(p, parent, kind, NULL);
        xmlNewProp(g, BAD_CAST "numero", BAD_CAST numero);
        xmlNode *t = add(p, g, "titre", NULL);
        note(p, t, col(r, title_col), r->row->number);
        if (!parent) {
            g_ptr_array_add(p->axes, g);
            source_note_origin(p->s, g, p->file); /* the file itself: see the top comment */
        } else {
            note(p, g, col(r, title_col), r->row->number);
        }
        g_hash_table_insert(p->by_numero, g_strdup(numero), g);
        g_hash_table_insert(p->where, g_strdup(numero), cell_name(p, col(r, title_col), r->row->number));
    }
    xmlNode *t = g->children;
    if (title && !t->children) {
        xmlAddChild(t, xmlNewText(BAD_CAST title));
        g_hash_table_insert(p->where, g_strdup(numero), cell_name(p, col(r, title_col), r->row->number));
    } else if (title) {
        xmlChar *had = xmlNodeGetContent(t);
        if (strcmp((const char *)had, title) != 0)
            row_error(r, title_col, MSG_PLAN_TITLE_DIFFERS, kind, numero, (const char *)had,
                      (const char *)g_hash_table_lookup(p->where, numero));
        xmlFree(had);
    }
    free(title);
    return g;
}

/* The attributes and children of one action, in the schema's order. */
static void fill_action(row_ctx *r, xmlNode *a, const char *numero)
{
    plan_ctx *p = r->p;
    int row = r->row->number;
    char *id = text(r, PLAN_ID);
    if (id)
        xmlNewProp(a, BAD_CAST "id", BAD_CAST id);
    free(id);
    xmlNewProp(a, BAD_CAST "numero", BAD_CAST numero);
    const char *horizon = choice(r, PLAN_HORIZON, plan_horizons, true, "horizon");
    if (horizon)
        xmlNewProp(a, BAD_CAST "horizon", BAD_CAST horizon);
    char year[5], months[16];
    if (cell(r, PLAN_DEBUT) && sheet_year(cell(r, PLAN_DEBUT), year))
        xmlNewProp(a, BAD_CAST "debut", BAD_CAST year);
    else if (cell(r, PLAN_DEBUT))
        row_error(r, PLAN_DEBUT, MSG_PLAN_YEAR, cell(r, PLAN_DEBUT)->text);
    if (cell(r, PLAN_DUREE) && sheet_positive_integer(cell(r, PLAN_DUREE), months))
        xmlNewProp(a, BAD_CAST "duree", BAD_CAST months);
    else if (cell(r, PLAN_DUREE))
        row_error(r, PLAN_DUREE, MSG_PLAN_MONTHS, cell(r, PLAN_DUREE)->text);
    const char *prio = choice(r, PLAN_PRIORITE, plan_priorites, true, "priorite");
    if (prio)
        xmlNewProp(a, BAD_CAST "priorite", BAD_CAST prio);
    const char *statut = choice(r, PLAN_STATUT, plan_statuts, true, "statut");
    if (statut)
        xmlNewProp(a, BAD_CAST "statut", BAD_CAST statut);

    char *titre = required(r, PLAN_TITRE);
    note(p, add(p, a, "titre", titre), col(r, PLAN_TITRE), row);
    free(titre);
    const sheet_cell *desc = cell(r, PLAN_DESCRIPTION);
    char *d = required(r, PLAN_DESCRIPTION);
    xmlNode *dn = add(p, a, "description", NULL);
    note(p, dn, col(r, PLAN_DESCRIPTION), row);
    if (d)
        add_prose(p, dn, desc->text);
    free(d);
    char *porteur = required(r, PLAN_PORTEUR);
    note(p, add(p, a, "porteur", porteur), col(r, PLAN_PORTEUR), row);
    free(porteur);
    if (cell(r, PLAN_PARTENAIRES)) {
        xmlNode *l = add_items(p, a, cell(r, PLAN_PARTENAIRES)->text, "partenaires", "partenaire");
        if (l)
            note(p, l, col(r, PLAN_PARTENAIRES), row);
    }
    int64_t unit = 1;
    if (cell(r, PLAN_UNITE) && !(unit = sheet_unit(cell(r, PLAN_UNITE)->text))) {
        row_error(r, PLAN_UNITE, MSG_PLAN_CHOICE, "unite", cell(r, PLAN_UNITE)->text, "€, k€, M€");
        unit = 1;
    }
    const char *taxe = choice(r, PLAN_TAXE, plan_taxes, false, "taxe");
    if (cell(r, PLAN_COUT)) {
        int64_t cents = 0;
        sheet_value_status st = sheet_amount(cell(r, PLAN_COUT), unit, &cents);
        const char *v = cell(r, PLAN_COUT)->text;
        if (st == SHEET_VALUE_OK) {
            char amount[32];
            sheet_amount_format(cents, amount);
            xmlNode *c = add(p, a, "cout", amount);
            if (taxe)
                xmlNewProp(c, BAD_CAST "taxe", BAD_CAST(strcmp(taxe, "ht") == 0 ? "HT" : "TTC"));
            note(p, c, col(r, PLAN_COUT), row);
        } else {
            row_error(r, PLAN_COUT,
                      st == SHEET_VALUE_AMBIGUOUS ? MSG_PLAN_AMOUNT_AMBIGUOUS
                      : st == SHEET_VALUE_CENTS   ? MSG_PLAN_AMOUNT_CENTS
                      : st == SHEET_VALUE_NEGATIVE ? MSG_PLAN_AMOUNT_NEGATIVE
                                                   : MSG_PLAN_AMOUNT,
                      "cout", v);
        }
    }
    static const struct { int column; const char *list, *item; } lists[] = {
        {PLAN_ETUDES, "etudes", "etude"},
        {PLAN_OUTILS, "outils", "outil"},
        {PLAN_INDICATEURS, "indicateurs", "indicateur"},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        if (!cell(r, lists[i].column))
            continue;
        xmlNode *l = add_items(p, a, cell(r, lists[i].column)->text, lists[i].list, lists[i].item);
        if (l)
            note(p, l, col(r, lists[i].column), row);
    }
}

/* One row of the actions sheet. */
static void read_action(plan_ctx *p, const sheet_row *row, const int *col_of)
{
    row_ctx r = {.p = p, .row = row, .col_of = col_of};
    bool any = false;
    for (int i = 0; i < PLAN_NCOLUMNS && !any; i++)
        any = cell(&r, i) != NULL;
    if (!any)
        return; /* a row of unknown columns only */
    char *numero = cell(&r, PLAN_NUMERO) ? numero_cell(&r, PLAN_NUMERO, 2, "1.1.1")
                                         : required(&r, PLAN_NUMERO);
    if (!numero)
        return;
    char *objectif = numero_cell(&r, PLAN_OBJECTIF, 1, "1.1");
    if (!objectif && !cell(&r, PLAN_OBJECTIF))
        objectif = parent_numero(numero);
    char *axe = numero_cell(&r, PLAN_AXE, 0, "1");
    if (!axe && !cell(&r, PLAN_AXE) && objectif)
        axe = parent_numero(objectif);
    if (objectif && !starts_under(numero, objectif))
        row_error(&r, PLAN_NUMERO, MSG_PLAN_NOT_UNDER, "numero", numero, "objectif", objectif);
    else if (objectif && axe && !starts_under(objectif, axe))
        row_error(&r, col_of[PLAN_OBJECTIF] >= 0 ? PLAN_OBJECTIF : PLAN_NUMERO, MSG_PLAN_NOT_UNDER,
                  "objectif", objectif, "axe", axe);
    const char *seen = g_hash_table_lookup(p->where, numero);
    if (seen && g_hash_table_lookup(p->by_numero, numero))
        row_error(&r, PLAN_NUMERO, MSG_PLAN_DUPLICATE_ACTION, numero, seen);
    if (r.errors == 0 && objectif && axe) {
        xmlNode *ax = group(&r, NULL, "axe", axe, PLAN_AXE_TITRE);
        xmlNode *ob = group(&r, ax, "objectif", objectif, PLAN_OBJECTIF_TITRE);
        xmlNode *a = add(p, ob, "action", NULL);
        note(p, a, col_of[PLAN_NUMERO], row->number);
        g_hash_table_insert(p->by_numero, g_strdup(numero), a);
        g_hash_table_insert(p->where, g_strdup(numero), cell_name(p, col_of[PLAN_NUMERO], row->number));
        fill_action(&r, a, numero);
    }
    free(axe);
    free(objectif);
    free(numero);
}

/* Every axe and objective needs its title from one of its rows. */
static void check_titles(plan_ctx *p)
{
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, p->by_numero);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        xmlNode *g = value;
        if (xmlStrEqual(g->name, BAD_CAST "action") || g->children->children)
            continue;
        bool is_axe = xmlStrEqual(g->name, BAD_CAST "axe");
        diag_error(p->d, g_hash_table_lookup(p->where, key), 0, MSG_PLAN_NO_TITLE,
                   is_axe ? "axe" : "objectif", (const char *)key, is_axe ? "axe-titre" : "objectif-titre");
        p->errors++;
    }
}

/* ---- financements ---------------------------------------------------------------------- */

/* The <financements> of action `a`, created before etudes, outils and indicateurs. */
static xmlNode *financements_of(plan_ctx *p, xmlNode *a, bool *created)
{
    xmlNode *before = NULL;
    *created = false;
    for (xmlNode *c = a->children; c; c = c->next) {
        if (xmlStrEqual(c->name, BAD_CAST "financements"))
            return c;
        if (!before && (xmlStrEqual(c->name, BAD_CAST "etudes") || xmlStrEqual(c->name, BAD_CAST "outils") ||
                        xmlStrEqual(c->name, BAD_CAST "indicateurs")))
            before = c;
    }
    xmlNode *f = add(p, NULL, "financements", NULL);
    *created = true;
    return before ? xmlAddPrevSibling(before, f) : xmlAddChild(a, f);
}

static void read_financement(plan_ctx *p, plan_ctx *actions, const sheet_row *row, const int *col_of,
                             bool separate_file)
{
    row_ctx r = {.p = p, .row = row, .col_of = col_of};
    bool any = false;
    for (int i = 0; i < FIN_NCOLUMNS && !any; i++)
        any = cell(&r, i) != NULL;
    if (!any)
        return;
#define FIN_REQUIRED(c)                                                                         \
    (cell(&r, c) ? sheet_clean_text(cell(&r, c)->text)                                          \
                 : (row_error(&r, c, MSG_PLAN_REQUIRED, plan_fin_columns[c].name), NULL))
    char *action = FIN_REQUIRED(FIN_ACTION);
    char *financeur = FIN_REQUIRED(FIN_FINANCEUR);
#undef FIN_REQUIRED
    xmlNode *a = action ? g_hash_table_lookup(actions->by_numero, action) : NULL;
    if (action && (!a || !xmlStrEqual(a->name, BAD_CAST "action")))
        row_error(&r, FIN_ACTION, MSG_PLAN_UNKNOWN_ACTION, action), a = NULL;
    char amount[32] = "";
    if (!cell(&r, FIN_MONTANT)) {
        row_error(&r, FIN_MONTANT, MSG_PLAN_REQUIRED, "montant");
    } else {
        int64_t cents;
        sheet_value_status st = sheet_amount(cell(&r, FIN_MONTANT), 1, &cents);
        if (st == SHEET_VALUE_OK)
            sheet_amount_format(cents, amount);
        else
            row_error(&r, FIN_MONTANT,
                      st == SHEET_VALUE_AMBIGUOUS ? MSG_PLAN_AMOUNT_AMBIGUOUS
                      : st == SHEET_VALUE_CENTS   ? MSG_PLAN_AMOUNT_CENTS
                      : st == SHEET_VALUE_NEGATIVE ? MSG_PLAN_AMOUNT_NEGATIVE
                                                   : MSG_PLAN_AMOUNT,
                      "montant", cell(&r, FIN_MONTANT)->text);
    }
    const char *etat = choice(&r, FIN_ETAT, plan_etats, false, "etat");
    const char *type = choice(&r, FIN_TYPE, plan_fin_types, false, "type");
    char *dispositif = text(&r, FIN_DISPOSITIF);
    if (a && r.errors == 0) {
        bool created;
        xmlNode *f = financements_of(p, a, &created);
        if (created && separate_file)
            source_note_origin(p->s, f, p->file); /* the file itself, for dependencies */
        else if (created)
            note(p, f, col_of[FIN_ACTION], row->number);
        xmlNode *l = add(p, f, "ligne", NULL);
        xmlNewProp(l, BAD_CAST "financeur", BAD_CAST financeur);
        xmlNewProp(l, BAD_CAST "montant", BAD_CAST amount);
        if (dispositif)
            xmlNewProp(l, BAD_CAST "dispositif", BAD_CAST dispositif);
        if (etat)
            xmlNewProp(l, BAD_CAST "etat", BAD_CAST etat);
        if (type)
            xmlNewProp(l, BAD_CAST "type", BAD_CAST type);
        note(p, l, col_of[FIN_ACTION], row->number);
    }
    free(dispositif);
    free(financeur);
    free(action);
}

/* ---- the plan-actions element ---------------------------------------------------------- */

/* `href` resolved against the folder of the file holding `el`; NULL after an error. */
static char *plan_path(source *s, xmlNode *el, const char *href, diag *d)
{
    const char *file = source_node_file(s, el);
    int line = (int)xmlGetLineNo(el);
    if (strchr(href, ':') && strncmp(href, "file:", 5) != 0) {
        diag_error(d, file, line, MSG_PLAN_NOT_LOCAL, href);
        return NULL;
    }
    char *decoded = source_url_to_path(href);
    char *dir = g_path_get_dirname(file);
    char *path = decoded[0] == '/' || strcmp(dir, ".") == 0 ? g_strdup(decoded)
                                                              : g_build_filename(dir, decoded, NULL);
    if (path[0] != '/')
        source_path_normalize_relative(path);
    g_free(dir);
    free(decoded);
    if (!source_path_allowed(s, path)) {
        diag_error(d, file, line, MSG_PLAN_OUTSIDE, href);
        g_free(path);
        return NULL;
    }
    strlist_add(&s->files, path);
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error(d, file, line, MSG_SHEET_CANNOT_OPEN, strerror(errno));
        g_free(path);
        return NULL;
    }
    fclose(f);
    return path;
}

static char *sheet_names(const workbook *wb)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < wb->nsheets; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", wb->sheets[i].name);
    return g_string_free(s, FALSE);
}

/* The sheet `name` of `wb` (the only one of a CSV file); NULL after an error when `req`. */
static const sheet *find_sheet(const workbook *wb, const char *path, const char *name, bool req, diag *d)
{
    if (sheet_format_of(path) == SHEET_FORMAT_CSV)
        return &wb->sheets[0];
    const sheet *sh = workbook_find(wb, name);
    if (!sh && req) {
        char *names = sheet_names(wb);
        diag_error(d, path, 0, MSG_SHEET_NO_SHEET, name, names);
        g_free(names);
    }
    return sh;
}

/* Axes already written in the strategie keep their numbers; without them, the sheet must
 * hold at least one action (a strategie needs an axe). */
static void check_inline_axes(plan_ctx *p, xmlNode *el)
{
    bool inline_axes = false;
    for (xmlNode *n = el->parent->children; n; n = n->next)
        inline_axes = inline_axes || (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "axe"));
    if (!inline_axes && p->axes->len == 0) {
        char *at = *p->sheet ? g_strdup_printf("%s:%s", p->file, p->sheet) : g_strdup(p->file);
        diag_error(p->d, at, 0, MSG_PLAN_NO_ACTIONS);
        g_free(at);
        p->errors++;
    }
    for (xmlNode *n = el->parent->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "axe"))
            continue;
        xmlChar *num = xmlGetProp(n, BAD_CAST "numero");
        if (num && g_hash_table_lookup(p->by_numero, num))
            diag_error(p->d, g_hash_table_lookup(p->where, num), 0, MSG_PLAN_AXE_IN_SOURCE,
                       (const char *)num, source_node_file(p->s, n), (int)xmlGetLineNo(n)),
                p->errors++;
        xmlFree(num);
    }
}

static bool expand_one(source *s, xmlNode *el, diag *d)
{
    xmlChar *href = xmlGetProp(el, BAD_CAST "href");
    xmlChar *fin_href = xmlGetProp(el, BAD_CAST "financements");
    if (!href || !*href) {
        diag_error(d, source_node_file(s, el), (int)xmlGetLineNo(el), MSG_PLAN_NO_HREF);
        xmlFree(href);
        xmlFree(fin_href);
        return false;
    }
    char *path = plan_path(s, el, (const char *)href, d);
    char *fin_path = path && fin_href ? plan_path(s, el, (const char *)fin_href, d) : NULL;
    workbook *wb = path ? workbook_load(path, path, d) : NULL;
    workbook *fin_wb = fin_path ? workbook_load(fin_path, fin_path, d) : NULL;
    bool ok = wb && (!fin_href || fin_wb);
    const sheet *actions = ok ? find_sheet(wb, path, "actions", true, d) : NULL;
    const sheet *fins = !ok || !actions ? NULL
                        : fin_wb        ? find_sheet(fin_wb, fin_path, "financements", true, d)
                                        : sheet_format_of(path) == SHEET_FORMAT_CSV ? NULL /* one sheet: the actions */
                                                                    : find_sheet(wb, path, "financements", false, d);
    ok = actions && (!fin_wb || fins);

    plan_ctx p = {.s = s, .d = d, .ns = el->ns, .file = path,
                  .sheet = actions && sheet_format_of(path) != SHEET_FORMAT_CSV ? actions->name : "",
                  .axes = g_ptr_array_new(),
                  .by_numero = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
                  .where = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free)};
    int col_of[PLAN_NCOLUMNS], fin_col_of[FIN_NCOLUMNS];
    if (ok && read_headers(&p, actions, plan_action_columns, PLAN_NCOLUMNS, col_of)) {
        for (int i = 1; i < actions->nrows; i++)
            read_action(&p, &actions->rows[i], col_of);
        check_titles(&p);
    }
    if (ok && p.errors == 0 && fins) {
        const char *fpath = fin_wb ? fin_path : path;
        plan_ctx f = p;
        f.file = fpath;
        f.sheet = sheet_format_of(fpath) == SHEET_FORMAT_CSV ? "" : fins->name;
        f.errors = 0;
        if (read_headers(&f, fins, plan_fin_columns, FIN_NCOLUMNS, fin_col_of))
            for (int i = 1; i < fins->nrows; i++)
                read_financement(&f, &p, &fins->rows[i], fin_col_of, fin_wb != NULL);
        p.errors += f.errors;
    }
    if (ok && p.errors == 0)
        check_inline_axes(&p, el);
    ok = ok && p.errors == 0;
    /* Into the tree in place of the element; on failure the built nodes go. */
    for (guint i = 0; i < p.axes->len; i++) {
        xmlNode *axe = p.axes->pdata[i];
        if (ok)
            xmlAddPrevSibling(el, axe);
        else
            xmlFreeNode(axe);
    }
    if (ok) {
        xmlUnlinkNode(el);
        xmlFreeNode(el);
    }
    g_ptr_array_free(p.axes, TRUE);
    g_hash_table_destroy(p.by_numero);
    g_hash_table_destroy(p.where);
    workbook_destroy(fin_wb);
    workbook_destroy(wb);
    g_free(fin_path);
    g_free(path);
    xmlFree(fin_href);
    xmlFree(href);
    return ok;
}

static bool is_source_element(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST SOURCE_NS) &&
           xmlStrEqual(n->name, BAD_CAST name);
}

/* The plan-actions elements of strategie elements, gathered before the tree changes. */
static void collect(xmlNode *n, GPtrArray *out)
{
    for (; n; n = n->next) {
        if (is_source_element(n, "plan-actions") && is_source_element(n->parent, "strategie"))
            g_ptr_array_add(out, n);
        else if (n->type == XML_ELEMENT_NODE)
            collect(n->children, out);
    }
}

bool source_sheet_expand(source *s, diag *d)
{
    GPtrArray *plans = g_ptr_array_new();
    collect(xmlDocGetRootElement(s->doc), plans);
    bool ok = true;
    for (guint i = 0; i < plans->len; i++)
        ok = expand_one(s, plans->pdata[i], d) && ok;
    g_ptr_array_free(plans, TRUE);
    return ok;
}
