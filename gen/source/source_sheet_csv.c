/* CSV files, parsed by libcsv: UTF-8 (a byte-order mark is dropped) or, failing that, the
 * Windows-1252 that Excel writes in France; the separator is the one of ';', ',' and tab that
 * the header line uses most. Every cell is text. */
#include <csv.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "source/source_sheet_messages.h"
#include "source/source_sheet_read.h"

typedef struct {
    workbook *wb;
    sheet *sh;
    const char *label;
    diag *d;
    int row;           /* the record being read, 1-based: the row a spreadsheet shows */
    int col;           /* next field of the record */
    int last_term;     /* what ended the previous record */
    bool failed;
} csv_reader;

static void on_field(void *data, size_t len, void *ctx)
{
    csv_reader *r = ctx;
    if (!r->failed && r->col < SHEET_MAX_COLS && len && r->row <= SHEET_MAX_ROWS)
        r->failed = !sheet_store(r->wb, r->sh, r->row, r->col, SHEET_TEXT, data, r->label, r->d);
    r->col++;
}

/* Empty lines are reported too (CSV_REPALL_NL) and stay rows, as spreadsheets show them;
 * but the LF of a CRLF is only the end of its record. */
static void on_record(int terminator, void *ctx)
{
    csv_reader *r = ctx;
    if (!(r->col == 0 && terminator == '\n' && r->last_term == '\r'))
        r->row++;
    r->col = 0;
    r->last_term = terminator;
}

/* The separator the first line uses most, quoted parts aside. */
static unsigned char guess_delimiter(const char *text)
{
    int semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (const char *p = text; *p && (quoted || (*p != '\n' && *p != '\r')); p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted)
            semicolons += *p == ';', commas += *p == ',', tabs += *p == '\t';
    }
    if (semicolons >= commas && semicolons >= tabs && semicolons)
        return ';';
    return tabs > commas ? '\t' : ',';
}

bool sheet_read_csv(const char *path, workbook *wb, const char *label, diag *d)
{
    gchar *raw = NULL;
    gsize len = 0;
    GError *err = NULL;
    if (!g_file_get_contents(path, &raw, &len, &err)) {
        diag_error(d, label, 0, MSG_SHEET_CANNOT_OPEN, err->message);
        g_error_free(err);
        return false;
    }
    if (len > SHEET_MAX_PART) {
        diag_error(d, label, 0, MSG_SHEET_MEMBER_TOO_BIG, MSG_SHEET_THE_FILE, SHEET_MAX_PART >> 20);
        g_free(raw);
        return false;
    }
    char *text = raw;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, len -= 3;
    char *converted = NULL;
    if (!g_utf8_validate(text, (gssize)len, NULL)) {
        converted = g_convert(text, (gssize)len, "UTF-8", "WINDOWS-1252", NULL, &len, NULL);
        if (!converted) {
            diag_error(d, label, 0, MSG_SHEET_CANNOT_OPEN, MSG_SHEET_NOT_TEXT);
            g_free(raw);
            return false;
        }
        text = converted;
    }

    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL) != 0)
        abort();
    csv_set_delim(&p, guess_delimiter(text));
    csv_reader r = {.wb = wb, .sh = workbook_add_sheet(wb, ""), .label = label, .d = d, .row = 1};
    csv_parse(&p, text, len, on_field, on_record, &r);
    bool ok = !r.failed && csv_error(&p) == CSV_SUCCESS &&
              csv_fini(&p, on_field, on_record, &r) == 0 && !r.failed;
    if (!ok && !r.failed)
        diag_error(d, label, 0, MSG_SHEET_CSV_SYNTAX, r.row,
                   csv_error(&p) == CSV_EPARSE ? MSG_SHEET_CSV_QUOTE : csv_strerror(csv_error(&p)));
    csv_free(&p);
    g_free(converted);
    g_free(raw);
    return ok;
}
