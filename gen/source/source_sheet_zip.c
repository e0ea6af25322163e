/* Opening a workbook: the format from the extension, ZIP members read with bounds, their
 * XML parsed safely; and the cell store the readers share. */
#include <errno.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "source/source_sheet_messages.h"
#include "source/source_sheet_read.h"
#include "util/xml_errors.h"

bool sheet_is(const xmlNode *n, const char *ns, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST ns) &&
           xmlStrEqual(n->name, BAD_CAST name);
}

char *sheet_attr(const xmlNode *n, const char *ns, const char *name)
{
    return (char *)(ns ? xmlGetNsProp(n, BAD_CAST name, BAD_CAST ns) : xmlGetNoNsProp(n, BAD_CAST name));
}

bool sheet_store(workbook *wb, sheet *sh, int row, int col, sheet_kind kind, const char *text,
                 const char *label, diag *d)
{
    if (!text || !*text || kind == SHEET_EMPTY)
        return true;
    if (sh->nrows == 0 || sh->rows[sh->nrows - 1].number != row)
        sheet_add_row(sh, row);
    if (sheet_row_set(wb, &sh->rows[sh->nrows - 1], col, kind, text))
        return true;
    diag_error(d, label, 0, MSG_SHEET_TOO_MANY_CELLS, SHEET_MAX_CELLS);
    return false;
}

/* The first XML error of a member, kept for one message. */
typedef struct {
    int line;
    char *message;
} first_error;

static void keep_first(void *ctx, xmlErrorPtr e)
{
    first_error *f = ctx;
    if (f->message || e->level < XML_ERR_ERROR)
        return;
    f->line = e->line;
    f->message = strdup(e->message ? e->message : "?");
    if (f->message)
        xml_message_trim(f->message);
}

static void ignore_generic(void *ctx, const char *fmt, ...)
{
}

xmlDoc *sheet_zip_xml(zip_t *zip, const char *name, bool required, const char *format,
                      const char *label, diag *d)
{
    zip_stat_t st;
    if (zip_stat(zip, name, 0, &st) != 0) {
        if (required)
            diag_error(d, label, 0, MSG_SHEET_NO_MEMBER, format, name);
        return NULL;
    }
    if (!(st.valid & ZIP_STAT_SIZE) || st.size > SHEET_MAX_PART) {
        diag_error(d, label, 0, MSG_SHEET_MEMBER_TOO_BIG, name, SHEET_MAX_PART >> 20);
        return NULL;
    }
    zip_file_t *zf = zip_fopen(zip, name, 0);
    char *buf = malloc(st.size + 1);
    if (!buf)
        abort();
    zip_int64_t got = zf ? zip_fread(zf, buf, st.size) : -1;
    if (!zf || got != (zip_int64_t)st.size) {
        diag_error(d, label, 0, MSG_SHEET_CANNOT_OPEN, zip_strerror(zip));
        if (zf)
            zip_fclose(zf);
        free(buf);
        return NULL;
    }
    zip_fclose(zf);

    xml_handlers saved;
    xml_handlers_save(&saved);
    first_error err = {0};
    xmlSetStructuredErrorFunc(&err, keep_first);
    xmlSetGenericErrorFunc(NULL, ignore_generic);
    xmlDoc *doc = xmlReadMemory(buf, (int)st.size, name, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    xml_handlers_restore(&saved);
    free(buf);
    if (!doc || err.message) {
        diag_error(d, label, 0, MSG_SHEET_BAD_XML, name, err.line, err.message ? err.message : "?");
        xmlFreeDoc(doc);
        doc = NULL;
    }
    free(err.message);
    return doc;
}

workbook *workbook_load(const char *path, const char *label, diag *d)
{
    sheet_format format = sheet_format_of(path);
    if (format == SHEET_FORMAT_UNKNOWN) {
        diag_error(d, label, 0, MSG_SHEET_UNKNOWN_FORMAT);
        return NULL;
    }
    workbook *wb = workbook_new();
    bool ok;
    if (format == SHEET_FORMAT_CSV) {
        ok = sheet_read_csv(path, wb, label, d);
    } else {
        int zerr = 0;
        zip_t *zip = zip_open(path, ZIP_RDONLY, &zerr);
        if (!zip) {
            zip_error_t e;
            zip_error_init_with_code(&e, zerr);
            diag_error(d, label, 0, MSG_SHEET_CANNOT_OPEN,
                       zerr == ZIP_ER_NOENT ? strerror(ENOENT) : zip_error_strerror(&e));
            zip_error_fini(&e);
            workbook_destroy(wb);
            return NULL;
        }
        ok = format == SHEET_FORMAT_ODS ? sheet_read_ods(zip, wb, label, d)
                                        : sheet_read_xlsx(zip, wb, label, d);
        zip_discard(zip);
    }
    if (!ok) {
        workbook_destroy(wb);
        return NULL;
    }
    return wb;
}
