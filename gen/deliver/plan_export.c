/* An action plan as rows: one row per action under its axe and objective, one row per
 * financing line. */
#include <glib.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deliver/plan_export.h"
#include "source/source_sheet_messages.h"
#include "source/source_sheet_plan.h"
#include "source/source_sheet_values.h"

static bool is_elem(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST SOURCE_NS) &&
           xmlStrEqual(n->name, BAD_CAST name);
}

static xmlNode *first(const xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is_elem(c, name))
            return c;
    return NULL;
}

static void find_strategies(xmlNode *n, GPtrArray *sites)
{
    for (; n; n = n->next) {
        if (is_elem(n, "site") && first(n, "strategie"))
            g_ptr_array_add(sites, n);
        else if (n->type == XML_ELEMENT_NODE)
            find_strategies(n->children, sites);
    }
}

xmlNode *plan_export_find(const source *s, const char *site_id, diag *d)
{
    GPtrArray *sites = g_ptr_array_new();
    find_strategies(xmlDocGetRootElement(s->doc), sites);
    GString *ids = g_string_new(NULL);
    xmlNode *found = NULL;
    for (guint i = 0; i < sites->len; i++) {
        xmlChar *id = xmlGetProp(sites->pdata[i], BAD_CAST "id");
        g_string_append_printf(ids, "%s%s", i ? ", " : "", id ? (const char *)id : "?");
        if (site_id && id && strcmp((const char *)id, site_id) == 0)
            found = first(sites->pdata[i], "strategie");
        xmlFree(id);
    }
    if (!site_id && sites->len == 1)
        found = first(sites->pdata[0], "strategie");
    else if (!site_id && sites->len == 0)
        diag_error(d, s->path, 0, MSG_EXPORT_NO_PLAN);
    else if (!site_id)
        diag_error(d, s->path, 0, MSG_EXPORT_WHICH_SITE, (int)sites->len, ids->str);
    else if (!found)
        diag_error(d, s->path, 0, MSG_EXPORT_NO_SITE, site_id, ids->str);
    g_string_free(ids, TRUE);
    g_ptr_array_free(sites, TRUE);
    return found;
}

/* The writing context: which columns the actions sheet has, and where. */
typedef struct {
    const source *s;
    diag *d;
    workbook *wb;
    int pos[PLAN_NCOLUMNS]; /* the column of each plan column, -1 when left out */
    int arow, frow;         /* last row written in each sheet */
} export_ctx;

/* The plain text of an inline element; a warning when markup is flattened. malloc'd. */
static char *flat(export_ctx *x, const xmlNode *n, const char *what, const char *action)
{
    if (!n)
        return NULL;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            diag_warning(x->d, source_node_file(x->s, n), (int)xmlGetLineNo(n), MSG_EXPORT_MARKUP, what,
                         action, (const char *)c->name);
            break;
        }
    xmlChar *t = xmlNodeGetContent(n);
    char *r = sheet_clean_text(t ? (const char *)t : "");
    xmlFree(t);
    return r;
}

/* Paragraphs one per line, list items as "- item". malloc'd. */
static char *prose(export_ctx *x, const xmlNode *n, const char *action)
{
    GString *s = g_string_new(NULL);
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
        if (is_elem(c, "p")) {
            char *t = flat(x, c, "description", action);
            g_string_append_printf(s, "%s%s", s->len ? "\n" : "", t);
            free(t);
        } else if (is_elem(c, "liste")) {
            for (const xmlNode *i = c->children; i; i = i->next) {
                if (!is_elem(i, "item"))
                    continue;
                char *t = flat(x, i, "description", action);
                g_string_append_printf(s, "%s- %s", s->len ? "\n" : "", t);
                free(t);
            }
        }
    }
    return g_string_free(s, FALSE);
}

/* The items of `list`/`item` elements joined by "; ". malloc'd or NULL. */
static char *items(export_ctx *x, const xmlNode *list, const char *what, const char *action)
{
    if (!list)
        return NULL;
    GString *s = g_string_new(NULL);
    for (const xmlNode *i = list->children; i; i = i->next) {
        if (i->type != XML_ELEMENT_NODE)
            continue;
        char *t = flat(x, i, what, action);
        g_string_append_printf(s, "%s%s", s->len ? "; " : "", t);
        free(t);
    }
    return g_string_free(s, FALSE);
}

static void put(export_ctx *x, sheet_row *row, int column, sheet_kind kind, const char *text)
{
    if (x->pos[column] >= 0 && text)
        sheet_row_set(x->wb, row, x->pos[column], kind, text);
}

static void put_attr(export_ctx *x, sheet_row *row, int column, sheet_kind kind, const xmlNode *n,
                     const char *attr)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST attr);
    put(x, row, column, kind, (const char *)v);
    xmlFree(v);
}

static void put_owned(export_ctx *x, sheet_row *row, int column, char *text)
{
    put(x, row, column, SHEET_TEXT, text);
    free(text);
}

static void warn_lost(export_ctx *x, const xmlNode *n, const char *kind)
{
    xmlChar *num = xmlGetProp(n, BAD_CAST "numero");
    bool prose_seen = false;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (is_elem(c, "p") || is_elem(c, "liste"))
            prose_seen = true;
    if (prose_seen)
        diag_warning(x->d, source_node_file(x->s, n), (int)xmlGetLineNo(n), MSG_EXPORT_PROSE_LOST, kind,
                     (const char *)num);
    static const char *const attrs[] = {"id", "enjeux"};
    for (size_t i = 0; i < 2; i++)
        if (xmlHasProp(n, BAD_CAST attrs[i]))
            diag_warning(x->d, source_node_file(x->s, n), (int)xmlGetLineNo(n), MSG_EXPORT_ATTR_LOST,
                         attrs[i], kind, (const char *)num);
    xmlFree(num);
}

static void export_action(export_ctx *x, sheet *acts, sheet *fins, const xmlNode *axe, const xmlNode *obj,
                          const xmlNode *a)
{
    sheet_row *row = sheet_add_row(acts, ++x->arow);
    xmlChar *num = xmlGetProp(a, BAD_CAST "numero");
    const char *n = num ? (const char *)num : "";
    put_attr(x, row, PLAN_AXE, SHEET_NUMBER, axe, "numero");
    put_owned(x, row, PLAN_AXE_TITRE, flat(x, first(axe, "titre"), "titre", n));
    put_attr(x, row, PLAN_OBJECTIF, SHEET_TEXT, obj, "numero");
    put_owned(x, row, PLAN_OBJECTIF_TITRE, flat(x, first(obj, "titre"), "titre", n));
    put(x, row, PLAN_NUMERO, SHEET_TEXT, n);
    put_attr(x, row, PLAN_ID, SHEET_TEXT, a, "id");
    put_owned(x, row, PLAN_TITRE, flat(x, first(a, "titre"), "titre", n));
    put_owned(x, row, PLAN_DESCRIPTION, prose(x, first(a, "description"), n));
    put_owned(x, row, PLAN_PORTEUR, flat(x, first(a, "porteur"), "porteur", n));
    put_owned(x, row, PLAN_PARTENAIRES, items(x, first(a, "partenaires"), "partenaire", n));
    put_attr(x, row, PLAN_HORIZON, SHEET_TEXT, a, "horizon");
    put_attr(x, row, PLAN_DEBUT, SHEET_NUMBER, a, "debut");
    put_attr(x, row, PLAN_DUREE, SHEET_NUMBER, a, "duree");
    put_attr(x, row, PLAN_PRIORITE, SHEET_NUMBER, a, "priorite");
    put_attr(x, row, PLAN_STATUT, SHEET_TEXT, a, "statut");
    const xmlNode *cout = first(a, "cout");
    if (cout) {
        xmlChar *v = xmlNodeGetContent(cout);
        char *t = sheet_clean_text((const char *)v);
        put(x, row, PLAN_COUT, SHEET_NUMBER, t);
        free(t);
        xmlFree(v);
        put_attr(x, row, PLAN_TAXE, SHEET_TEXT, cout, "taxe");
    }
    put_owned(x, row, PLAN_ETUDES, items(x, first(a, "etudes"), "etude", n));
    put_owned(x, row, PLAN_OUTILS, items(x, first(a, "outils"), "outil", n));
    put_owned(x, row, PLAN_INDICATEURS, items(x, first(a, "indicateurs"), "indicateur", n));
    for (const xmlNode *l = first(first(a, "financements"), "ligne"); l; l = l->next) {
        if (!is_elem(l, "ligne"))
            continue;
        sheet_row *fr = sheet_add_row(fins, ++x->frow);
        sheet_row_set(x->wb, fr, FIN_ACTION, SHEET_TEXT, n);
        static const struct { int col; const char *attr; sheet_kind kind; } f[] = {
            {FIN_FINANCEUR, "financeur", SHEET_TEXT}, {FIN_MONTANT, "montant", SHEET_NUMBER},
            {FIN_ETAT, "etat", SHEET_TEXT}, {FIN_DISPOSITIF, "dispositif", SHEET_TEXT},
            {FIN_TYPE, "type", SHEET_TEXT}};
        for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
            xmlChar *v = xmlGetProp(l, BAD_CAST f[i].attr);
            char *t = v ? sheet_clean_text((const char *)v) : NULL;
            sheet_row_set(x->wb, fr, f[i].col, f[i].kind, t);
            free(t);
            xmlFree(v);
        }
    }
    xmlFree(num);
}

/* Whether some action (or its cost) carries attribute `attr`: only then has it a column. */
static bool any_attr(const xmlNode *strategie, const char *attr, bool on_cout)
{
    for (const xmlNode *axe = strategie->children; axe; axe = axe->next)
        for (const xmlNode *o = is_elem(axe, "axe") ? axe->children : NULL; o; o = o->next)
            for (const xmlNode *a = is_elem(o, "objectif") ? o->children : NULL; a; a = a->next)
                if (is_elem(a, "action") && xmlHasProp(on_cout ? first(a, "cout") : a, BAD_CAST attr))
                    return true;
    return false;
}

workbook *plan_export_workbook(const source *s, const xmlNode *strategie, diag *d)
{
    export_ctx x = {.s = s, .d = d, .wb = workbook_new(), .arow = 1, .frow = 1};
    int ncol = 0;
    for (int c = 0; c < PLAN_NCOLUMNS; c++) {
        bool keep = c != PLAN_UNITE && (c != PLAN_ID || any_attr(strategie, "id", false)) &&
                    (c != PLAN_TAXE || any_attr(strategie, "taxe", true));
        x.pos[c] = keep ? ncol++ : -1;
    }
    sheet *acts = workbook_add_sheet(x.wb, "actions");
    sheet_row *head = sheet_add_row(acts, 1);
    for (int c = 0; c < PLAN_NCOLUMNS; c++)
        put(&x, head, c, SHEET_TEXT, plan_action_columns[c].name);
    workbook_add_sheet(x.wb, "financements");
    acts = &x.wb->sheets[0];
    sheet *fins = &x.wb->sheets[1];
    head = sheet_add_row(fins, 1);
    for (int c = 0; c < FIN_NCOLUMNS; c++)
        sheet_row_set(x.wb, head, c, SHEET_TEXT, plan_fin_columns[c].name);
    for (const xmlNode *axe = strategie->children; axe; axe = axe->next) {
        if (!is_elem(axe, "axe"))
            continue;
        warn_lost(&x, axe, "axe");
        for (const xmlNode *o = axe->children; o; o = o->next) {
            if (!is_elem(o, "objectif"))
                continue;
            warn_lost(&x, o, "objectif");
            bool any = false;
            for (const xmlNode *a = o->children; a; a = a->next)
                if (is_elem(a, "action"))
                    export_action(&x, acts, fins, axe, o, a), any = true;
            if (!any) {
                xmlChar *num = xmlGetProp(o, BAD_CAST "numero");
                diag_warning(d, source_node_file(s, o), (int)xmlGetLineNo(o), MSG_EXPORT_EMPTY_OBJECTIF,
                             num ? (const char *)num : "?");
                xmlFree(num);
            }
        }
    }
    return x.wb;
}

char *plan_export_csv_financements(const char *path)
{
    const char *dot = strrchr(path, '.');
    size_t stem = dot && !strchr(dot, '/') ? (size_t)(dot - path) : strlen(path);
    return g_strdup_printf("%.*s-financements.csv", (int)stem, path);
}

bool plan_write(const workbook *wb, const char *path, diag *d)
{
    switch (sheet_format_of(path)) {
    case SHEET_FORMAT_ODS:
        return plan_write_ods(wb, path, d);
    case SHEET_FORMAT_XLSX:
        return plan_write_xlsx(wb, path, d);
    case SHEET_FORMAT_CSV: {
        char *fin = plan_export_csv_financements(path);
        bool ok = plan_write_csv(&wb->sheets[0], path, d) && plan_write_csv(&wb->sheets[1], fin, d);
        g_free(fin);
        return ok;
    }
    default:
        diag_error(d, path, 0, MSG_SHEET_UNKNOWN_FORMAT);
        return false;
    }
}
