/* Office Open XML workbooks: xl/workbook.xml names the sheets, its relationships say where
 * they are, xl/sharedStrings.xml holds most texts, and xl/styles.xml tells which numbers are
 * dates (serial days, 1900 or 1904 system). */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source/source_sheet_messages.h"
#include "source/source_sheet_read.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"

typedef struct {
    workbook *wb;
    const char *label;
    diag *d;
    GPtrArray *strings; /* shared strings */
    GArray *date_styles; /* gboolean per cell style (cellXfs index) */
    bool date1904;
} xlsx_reader;

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (sheet_is(c, NS_MAIN, name))
            return c;
    return NULL;
}

/* Text of <t> elements under `n`, phonetic runs (rPh) left out. */
static void append_t(GString *out, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (sheet_is(c, NS_MAIN, "t")) {
            xmlChar *t = xmlNodeGetContent(c);
            g_string_append(out, t ? (const char *)t : "");
            xmlFree(t);
        } else if (sheet_is(c, NS_MAIN, "r")) {
            append_t(out, c);
        }
    }
}

static bool read_shared_strings(xlsx_reader *x, zip_t *zip)
{
    int before = diag_error_count(x->d);
    xmlDoc *doc = sheet_zip_xml(zip, "xl/sharedStrings.xml", false, "XLSX", x->label, x->d);
    if (!doc)
        return diag_error_count(x->d) == before; /* none is fine: inline strings only */
    for (const xmlNode *si = xmlDocGetRootElement(doc)->children; si; si = si->next) {
        if (!sheet_is(si, NS_MAIN, "si"))
            continue;
        GString *s = g_string_new(NULL);
        append_t(s, si);
        g_ptr_array_add(x->strings, g_string_free(s, FALSE));
    }
    xmlFreeDoc(doc);
    return true;
}

/* Whether a number format shows a date: the built-in date formats, or a format code with
 * day, month or year letters outside quotes and brackets. */
static bool is_date_format(long id, const char *code)
{
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))
        return true;
    if (!code)
        return false;
    bool quoted = false, bracket = false;
    for (const char *p = code; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && *p == '[')
            bracket = true;
        else if (!quoted && *p == ']')
            bracket = false;
        else if (!quoted && !bracket && *p == '\\' && p[1])
            p++;
        else if (!quoted && !bracket && strchr("dDmMyY", *p))
            return true;
    }
    return false;
}

static void read_styles(xlsx_reader *x, zip_t *zip)
{
    xmlDoc *doc = sheet_zip_xml(zip, "xl/styles.xml", false, "XLSX", x->label, x->d);
    if (!doc)
        return; /* no styles: no dates; a broken styles part is not worth failing for */
    const xmlNode *root = xmlDocGetRootElement(doc);
    GHashTable *codes = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, xmlFree);
    for (const xmlNode *f = child(child(root, "numFmts"), "numFmt"); f; f = f->next) {
        if (!sheet_is(f, NS_MAIN, "numFmt"))
            continue;
        char *id = sheet_attr(f, NULL, "numFmtId");
        if (id)
            g_hash_table_insert(codes, GINT_TO_POINTER(atoi(id)), sheet_attr(f, NULL, "formatCode"));
        xmlFree(id);
    }
    for (const xmlNode *xf = child(root, "cellXfs") ? child(root, "cellXfs")->children : NULL;
         xf && x->date_styles->len < SHEET_MAX_COLS * 4u; xf = xf->next) {
        if (!sheet_is(xf, NS_MAIN, "xf"))
            continue;
        char *id = sheet_attr(xf, NULL, "numFmtId");
        long fmt = id ? strtol(id, NULL, 10) : 0;
        xmlFree(id);
        gboolean date = is_date_format(fmt, g_hash_table_lookup(codes, GINT_TO_POINTER((int)fmt)));
        g_array_append_val(x->date_styles, date);
    }
    g_hash_table_destroy(codes);
    xmlFreeDoc(doc);
}

/* "F12" into 0-based column and 1-based row; false when malformed or out of bounds. */
static bool parse_ref(const char *ref, int *col, int *row)
{
    long c = 0, r = 0;
    const char *p = ref;
    for (; *p >= 'A' && *p <= 'Z' && c <= SHEET_MAX_COLS; p++)
        c = c * 26 + (*p - 'A' + 1);
    if (p == ref || c > SHEET_MAX_COLS)
        return false;
    const char *digits = p;
    for (; *p >= '0' && *p <= '9' && r <= SHEET_MAX_ROWS; p++)
        r = r * 10 + (*p - '0');
    if (*p || p == digits || r < 1 || r > SHEET_MAX_ROWS)
        return false;
    *col = (int)c - 1;
    *row = (int)r;
    return true;
}

/* A serial day number as YYYY-MM-DD. Serial 60 is the 29 February 1900 that Lotus 1-2-3
 * believed in, so days from 61 count from 30 December 1899. */
static bool serial_to_date(double serial, bool date1904, char out[16])
{
    if (serial < 1 || serial > 2958465) /* up to 9999-12-31 */
        return false;
    long days = (long)serial;
    GDate *date = date1904 ? g_date_new_dmy(1, 1, 1904) : g_date_new_dmy(days < 60 ? 31 : 30, 12, 1899);
    g_date_add_days(date, (guint)days);
    snprintf(out, 16, "%04d-%02d-%02d", (int)g_date_get_year(date) % 10000, (int)g_date_get_month(date) % 100,
             (int)g_date_get_day(date) % 100);
    g_date_free(date);
    return true;
}

/* One <c> element: its kind and text (malloc'd, NULL when empty). */
static char *cell_value(xlsx_reader *x, const xmlNode *c, sheet_kind *kind)
{
    char *type = sheet_attr(c, NULL, "t");
    const xmlNode *v = child(c, "v");
    xmlChar *vtext = v ? xmlNodeGetContent(v) : NULL;
    char *result = NULL;
    *kind = SHEET_TEXT;
    if (type && strcmp(type, "s") == 0) {
        char *end;
        long i = vtext ? strtol((const char *)vtext, &end, 10) : -1;
        if (i >= 0 && i < (long)x->strings->len)
            result = strdup(x->strings->pdata[i]);
        else
            diag_error(x->d, x->label, 0, MSG_SHEET_BAD_SHARED, vtext ? (const char *)vtext : "?");
    } else if (type && strcmp(type, "inlineStr") == 0) {
        GString *s = g_string_new(NULL);
        if (child(c, "is"))
            append_t(s, child(c, "is"));
        result = g_string_free(s, FALSE);
    } else if (type && strcmp(type, "d") == 0) {
        *kind = SHEET_DATE;
        result = vtext ? strndup((const char *)vtext, 10) : NULL;
    } else if (type && strcmp(type, "n") != 0) {
        result = vtext ? strdup((const char *)vtext) : NULL; /* str, b, e: as written */
    } else if (vtext) {
        char *s = sheet_attr(c, NULL, "s");
        long style = s ? strtol(s, NULL, 10) : 0;
        xmlFree(s);
        char date[16];
        if (style >= 0 && style < (long)x->date_styles->len &&
            g_array_index(x->date_styles, gboolean, style) &&
            serial_to_date(g_ascii_strtod((const char *)vtext, NULL), x->date1904, date)) {
            *kind = SHEET_DATE;
            result = strdup(date);
        } else {
            *kind = SHEET_NUMBER;
            result = strdup((const char *)vtext);
        }
    }
    xmlFree(vtext);
    xmlFree(type);
    if (result && !*result) {
        free(result);
        result = NULL;
    }
    return result;
}

static bool read_sheet(xlsx_reader *x, xmlDoc *doc, sheet *sh)
{
    int row = 0;
    for (const xmlNode *r = child(child(xmlDocGetRootElement(doc), "sheetData"), "row"); r; r = r->next) {
        if (!sheet_is(r, NS_MAIN, "row"))
            continue;
        char *rattr = sheet_attr(r, NULL, "r");
        long rn = rattr ? strtol(rattr, NULL, 10) : row + 1;
        if (rn <= row || rn > SHEET_MAX_ROWS) {
            diag_error(x->d, x->label, 0, MSG_SHEET_BAD_REF, rattr ? rattr : "?");
            xmlFree(rattr);
            return false;
        }
        xmlFree(rattr);
        row = (int)rn;
        int col = -1;
        for (const xmlNode *c = r->children; c; c = c->next) {
            if (!sheet_is(c, NS_MAIN, "c"))
                continue;
            char *ref = sheet_attr(c, NULL, "r");
            int ccol = col + 1, crow = row;
            if (ref && (!parse_ref(ref, &ccol, &crow) || crow != row)) {
                diag_error(x->d, x->label, 0, MSG_SHEET_BAD_REF, ref);
                xmlFree(ref);
                return false;
            }
            col = ccol;
            sheet_kind kind;
            int errors = diag_error_count(x->d);
            char *text = cell_value(x, c, &kind);
            xmlFree(ref);
            bool ok = diag_error_count(x->d) == errors && col < SHEET_MAX_COLS &&
                      sheet_store(x->wb, sh, row, col, kind, text, x->label, x->d);
            free(text);
            if (!ok)
                return false;
        }
    }
    return true;
}

/* The member holding sheet `rid`, from xl/_rels/workbook.xml.rels. malloc'd or NULL. */
static char *sheet_member(xmlDoc *rels, const char *rid)
{
    for (const xmlNode *n = rels ? xmlDocGetRootElement(rels)->children : NULL; n; n = n->next) {
        if (!sheet_is(n, NS_PKG_REL, "Relationship"))
            continue;
        char *id = sheet_attr(n, NULL, "Id");
        char *target = sheet_attr(n, NULL, "Target");
        char *member = NULL;
        if (id && target && strcmp(id, rid) == 0)
            member = target[0] == '/' ? g_strdup(target + 1) : g_strconcat("xl/", target, NULL);
        xmlFree(id);
        xmlFree(target);
        if (member)
            return member;
    }
    return NULL;
}

bool sheet_read_xlsx(zip_t *zip, workbook *wb, const char *label, diag *d)
{
    xmlDoc *book = sheet_zip_xml(zip, "xl/workbook.xml", true, "XLSX", label, d);
    if (!book)
        return false;
    xmlDoc *rels = sheet_zip_xml(zip, "xl/_rels/workbook.xml.rels", true, "XLSX", label, d);
    xlsx_reader x = {.wb = wb, .label = label, .d = d, .strings = g_ptr_array_new_with_free_func(g_free),
                     .date_styles = g_array_new(FALSE, FALSE, sizeof(gboolean))};
    const xmlNode *root = xmlDocGetRootElement(book);
    const xmlNode *pr = child(root, "workbookPr");
    char *d1904 = pr ? sheet_attr(pr, NULL, "date1904") : NULL;
    x.date1904 = d1904 && (strcmp(d1904, "1") == 0 || strcmp(d1904, "true") == 0);
    xmlFree(d1904);
    bool ok = rels && read_shared_strings(&x, zip);
    if (ok)
        read_styles(&x, zip);
    for (const xmlNode *s = child(child(root, "sheets"), "sheet"); s && ok; s = s->next) {
        if (!sheet_is(s, NS_MAIN, "sheet"))
            continue;
        char *name = sheet_attr(s, NULL, "name");
        char *rid = sheet_attr(s, NS_REL, "id");
        char *member = rid ? sheet_member(rels, rid) : NULL;
        xmlDoc *doc = member ? sheet_zip_xml(zip, member, true, "XLSX", label, d) : NULL;
        if (!member)
            diag_error(d, label, 0, MSG_SHEET_NO_MEMBER, "XLSX", name ? name : "?");
        ok = doc && read_sheet(&x, doc, workbook_add_sheet(wb, name ? name : ""));
        xmlFreeDoc(doc);
        g_free(member);
        xmlFree(rid);
        xmlFree(name);
    }
    g_ptr_array_free(x.strings, TRUE);
    g_array_free(x.date_styles, TRUE);
    xmlFreeDoc(rels);
    xmlFreeDoc(book);
    return ok;
}
