/* OpenDocument spreadsheets: the tables of content.xml. Repeated rows and cells
 * (number-rows-repeated, number-columns-repeated) are expanded only where they hold
 * something, and never past the sheet limits, whatever count the file claims. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "source/source_sheet_messages.h"
#include "source/source_sheet_read.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

/* A repeat count in [1, max]; anything else counts once or saturates. */
static long repeat_count(const xmlNode *n, const char *attr, long max)
{
    char *v = sheet_attr(n, NS_TABLE, attr);
    long count = v ? strtol(v, NULL, 10) : 1;
    xmlFree(v);
    return count < 1 ? 1 : count > max ? max : count;
}

/* The text of the paragraphs under `n`: spaces (text:s), tabs and line breaks as written,
 * annotations left out. */
static void append_text(GString *out, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            g_string_append(out, (const char *)c->content);
        } else if (sheet_is(c, NS_TEXT, "s")) {
            char *v = sheet_attr(c, NS_TEXT, "c");
            long k = v ? strtol(v, NULL, 10) : 1;
            xmlFree(v);
            for (long i = 0; i < (k < 1 ? 1 : k > 1000 ? 1000 : k); i++)
                g_string_append_c(out, ' ');
        } else if (sheet_is(c, NS_TEXT, "tab")) {
            g_string_append_c(out, '\t');
        } else if (sheet_is(c, NS_TEXT, "line-break")) {
            g_string_append_c(out, '\n');
        } else if (c->type == XML_ELEMENT_NODE && !sheet_is(c, NS_OFFICE, "annotation")) {
            append_text(out, c);
        }
    }
}

/* The value of a table-cell: typed numbers and dates from their attributes, the rest from
 * its paragraphs (one per line). Returns a malloc'd text or NULL when empty. */
static char *cell_value(const xmlNode *cell, sheet_kind *kind)
{
    char *type = sheet_attr(cell, NS_OFFICE, "value-type");
    char *typed = NULL;
    *kind = SHEET_TEXT;
    if (type && (strcmp(type, "float") == 0 || strcmp(type, "percentage") == 0 ||
                 strcmp(type, "currency") == 0)) {
        typed = sheet_attr(cell, NS_OFFICE, "value");
        *kind = SHEET_NUMBER;
    } else if (type && strcmp(type, "date") == 0) {
        typed = sheet_attr(cell, NS_OFFICE, "date-value");
        if (typed && strlen(typed) >= 10)
            typed[10] = '\0'; /* the day; a time part is of no use here */
        *kind = SHEET_DATE;
    }
    xmlFree(type);
    if (typed) {
        char *r = strdup(typed);
        xmlFree(typed);
        if (!r)
            abort();
        return r;
    }
    *kind = SHEET_TEXT;
    GString *text = g_string_new(NULL);
    for (const xmlNode *p = cell->children; p; p = p->next) {
        if (!sheet_is(p, NS_TEXT, "p") && !sheet_is(p, NS_TEXT, "h"))
            continue;
        if (text->len)
            g_string_append_c(text, '\n');
        append_text(text, p);
    }
    char *r = text->len ? strdup(text->str) : NULL;
    g_string_free(text, TRUE);
    return r;
}

typedef struct {
    workbook *wb;
    sheet *sh;
    const char *label;
    diag *d;
    long row; /* next row number, 1-based */
    bool failed;
} ods_reader;

/* One table-row, repeated `repeat` times when it holds something. */
static void read_row(ods_reader *r, const xmlNode *row)
{
    long repeat = repeat_count(row, "number-rows-repeated", SHEET_MAX_ROWS + 1L);
    /* The cells of one copy, gathered first so that copies are cheap to check. */
    GPtrArray *texts = g_ptr_array_new_with_free_func(free);
    GArray *cols = g_array_new(FALSE, FALSE, sizeof(int));
    GArray *kinds = g_array_new(FALSE, FALSE, sizeof(sheet_kind));
    long col = 0;
    for (const xmlNode *c = row->children; c && col < SHEET_MAX_COLS; c = c->next) {
        if (!sheet_is(c, NS_TABLE, "table-cell") && !sheet_is(c, NS_TABLE, "covered-table-cell"))
            continue;
        long span = repeat_count(c, "number-columns-repeated", SHEET_MAX_COLS);
        sheet_kind kind;
        char *text = cell_value(c, &kind);
        for (long i = 0; text && i < span && col + i < SHEET_MAX_COLS; i++) {
            g_ptr_array_add(texts, strdup(text));
            int ci = (int)(col + i);
            g_array_append_val(cols, ci);
            g_array_append_val(kinds, kind);
        }
        free(text);
        col += span;
    }
    if (texts->len == 0) {
        r->row += repeat; /* empty rows: only the count moves */
    } else {
        for (long i = 0; i < repeat && !r->failed; i++, r->row++) {
            if (r->row > SHEET_MAX_ROWS) {
                diag_error(r->d, r->label, 0, MSG_SHEET_TOO_MANY_ROWS, SHEET_MAX_ROWS);
                r->failed = true;
                break;
            }
            for (guint k = 0; k < texts->len && !r->failed; k++)
                r->failed = !sheet_store(r->wb, r->sh, (int)r->row, g_array_index(cols, int, k),
                                         g_array_index(kinds, sheet_kind, k), texts->pdata[k],
                                         r->label, r->d);
        }
    }
    g_ptr_array_free(texts, TRUE);
    g_array_free(cols, TRUE);
    g_array_free(kinds, TRUE);
}

/* Rows may sit in header-rows, row-groups and rows containers. */
static void read_rows(ods_reader *r, const xmlNode *parent)
{
    for (const xmlNode *n = parent->children; n && !r->failed; n = n->next) {
        if (sheet_is(n, NS_TABLE, "table-row"))
            read_row(r, n);
        else if (sheet_is(n, NS_TABLE, "table-header-rows") || sheet_is(n, NS_TABLE, "table-row-group") ||
                 sheet_is(n, NS_TABLE, "table-rows"))
            read_rows(r, n);
    }
}

static const xmlNode *child(const xmlNode *n, const char *ns, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (sheet_is(c, ns, name))
            return c;
    return NULL;
}

bool sheet_read_ods(zip_t *zip, workbook *wb, const char *label, diag *d)
{
    xmlDoc *doc = sheet_zip_xml(zip, "content.xml", true, "OpenDocument", label, d);
    if (!doc)
        return false;
    const xmlNode *body = child(xmlDocGetRootElement(doc), NS_OFFICE, "body");
    const xmlNode *calc = child(body, NS_OFFICE, "spreadsheet");
    bool ok = true;
    for (const xmlNode *t = calc ? calc->children : NULL; t && ok; t = t->next) {
        if (!sheet_is(t, NS_TABLE, "table"))
            continue;
        char *name = sheet_attr(t, NS_TABLE, "name");
        ods_reader r = {.wb = wb, .sh = workbook_add_sheet(wb, name ? name : ""), .label = label,
                        .d = d, .row = 1};
        xmlFree(name);
        read_rows(&r, t);
        ok = !r.failed;
    }
    xmlFreeDoc(doc);
    return ok;
}
