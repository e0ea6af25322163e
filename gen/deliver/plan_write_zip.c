/* Writing plans as OpenDocument (.ods) and Office Open XML (.xlsx) workbooks: each part's XML
 * through xmlTextWriter, the parts zipped in memory by libzip, the result written atomically.
 * Numbers are typed cells; member dates follow SOURCE_DATE_EPOCH, so builds are
 * reproducible. */
#include <glib.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "deliver/plan_export.h"
#include "source/source_sheet_messages.h"

#define W(call) ok = ok && (call) >= 0
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define MIME_ODS "application/vnd.oasis.opendocument.spreadsheet"

/* A zip being built in memory. */
typedef struct {
    zip_source_t *buf;
    zip_t *zip;
    time_t mtime;
    bool ok;
} zip_out;

static void archive_begin(zip_out *z)
{
    zip_error_t err;
    zip_error_init(&err);
    z->buf = zip_source_buffer_create(NULL, 0, 0, &err);
    zip_source_keep(z->buf);
    z->zip = zip_open_from_source(z->buf, ZIP_TRUNCATE, &err);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    z->mtime = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    z->ok = z->buf && z->zip;
    zip_error_fini(&err);
}

/* Adds member `name` holding a copy of `data`; `store` leaves it uncompressed. */
static void member_add(zip_out *z, const char *name, const char *data, size_t len, bool store)
{
    if (!z->ok)
        return;
    void *copy = malloc(len ? len : 1);
    if (!copy)
        abort();
    memcpy(copy, data, len);
    zip_source_t *src = zip_source_buffer(z->zip, copy, len, 1);
    zip_int64_t i = src ? zip_file_add(z->zip, name, src, ZIP_FL_ENC_UTF_8) : -1;
    if (i < 0) {
        zip_source_free(src);
        z->ok = false;
        return;
    }
    zip_set_file_compression(z->zip, (zip_uint64_t)i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    zip_file_set_mtime(z->zip, (zip_uint64_t)i, z->mtime, 0);
}

static void member_add_buffer(zip_out *z, const char *name, xmlBuffer *b)
{
    if (b)
        member_add(z, name, (const char *)xmlBufferContent(b), (size_t)xmlBufferLength(b), false);
    else
        z->ok = false;
}

/* Closes the archive and writes its bytes to `path`. */
static bool archive_finish(zip_out *z, const char *path, diag *d)
{
    bool ok = z->ok && zip_close(z->zip) == 0;
    if (!ok && z->zip)
        zip_discard(z->zip);
    zip_stat_t st;
    char *bytes = NULL;
    if (ok && zip_source_stat(z->buf, &st) == 0 && zip_source_open(z->buf) == 0) {
        bytes = malloc(st.size ? st.size : 1);
        if (!bytes)
            abort();
        ok = zip_source_read(z->buf, bytes, st.size) == (zip_int64_t)st.size;
        zip_source_close(z->buf);
    } else {
        ok = false;
    }
    zip_source_free(z->buf);
    if (ok)
        ok = plan_write_bytes(path, bytes, st.size, d);
    else
        diag_error(d, path, 0, MSG_EXPORT_CANNOT_WRITE, MSG_EXPORT_NO_ZIP);
    free(bytes);
    return ok;
}

/* An xmlTextWriter into a new buffer. */
static xmlTextWriter *writer(xmlBuffer **b)
{
    *b = xmlBufferCreate();
    xmlTextWriter *w = *b ? xmlNewTextWriterMemory(*b, 0) : NULL;
    if (!w)
        abort();
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    return w;
}

/* Ends the document; the buffer, or NULL (freed) when a write failed. */
static xmlBuffer *done(xmlTextWriter *w, xmlBuffer *b, bool ok)
{
    ok = ok && xmlTextWriterEndDocument(w) >= 0;
    xmlFreeTextWriter(w);
    if (!ok) {
        xmlBufferFree(b);
        return NULL;
    }
    return b;
}

/* ---- ODS ------------------------------------------------------------------------------- */

static bool ods_cell(xmlTextWriter *w, const sheet_cell *c)
{
    bool ok = true;
    W(xmlTextWriterStartElement(w, BAD_CAST "table:table-cell"));
    if (c && c->kind == SHEET_NUMBER) {
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "office:value-type", BAD_CAST "float"));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "office:value", BAD_CAST c->text));
    } else if (c) {
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "office:value-type", BAD_CAST "string"));
    }
    if (c) {
        gchar **lines = g_strsplit(c->text, "\n", -1);
        for (int i = 0; lines[i]; i++)
            W(xmlTextWriterWriteElement(w, BAD_CAST "text:p", BAD_CAST lines[i]));
        g_strfreev(lines);
    }
    W(xmlTextWriterEndElement(w));
    return ok;
}

static xmlBuffer *ods_content(const workbook *wb)
{
    xmlBuffer *b;
    xmlTextWriter *w = writer(&b);
    bool ok = true;
    W(xmlTextWriterStartElement(w, BAD_CAST "office:document-content"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:office", BAD_CAST NS_OFFICE));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:table", BAD_CAST NS_TABLE));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:text", BAD_CAST NS_TEXT));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:style", BAD_CAST NS_STYLE));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:fo", BAD_CAST NS_FO));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "office:version", BAD_CAST "1.3"));
    /* Wide columns, so that titles can be read without resizing. */
    W(xmlTextWriterStartElement(w, BAD_CAST "office:automatic-styles"));
    W(xmlTextWriterStartElement(w, BAD_CAST "style:style"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "style:name", BAD_CAST "co1"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "style:family", BAD_CAST "table-column"));
    W(xmlTextWriterStartElement(w, BAD_CAST "style:table-column-properties"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "style:column-width", BAD_CAST "4cm"));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterStartElement(w, BAD_CAST "office:body"));
    W(xmlTextWriterStartElement(w, BAD_CAST "office:spreadsheet"));
    for (int s = 0; s < wb->nsheets; s++) {
        const sheet *sh = &wb->sheets[s];
        int width = 0;
        for (int r = 0; r < sh->nrows; r++)
            width = sh->rows[r].ncells > width ? sh->rows[r].ncells : width;
        W(xmlTextWriterStartElement(w, BAD_CAST "table:table"));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "table:name", BAD_CAST sh->name));
        W(xmlTextWriterStartElement(w, BAD_CAST "table:table-column"));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "table:style-name", BAD_CAST "co1"));
        W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "table:number-columns-repeated", "%d", width ? width : 1));
        W(xmlTextWriterEndElement(w));
        for (int r = 0; r < sh->nrows; r++) {
            W(xmlTextWriterStartElement(w, BAD_CAST "table:table-row"));
            for (int c = 0; c < width; c++)
                ok = ok && ods_cell(w, sheet_row_cell(&sh->rows[r], c));
            W(xmlTextWriterEndElement(w));
        }
        W(xmlTextWriterEndElement(w));
    }
    return done(w, b, ok);
}

static xmlBuffer *ods_manifest(void)
{
    xmlBuffer *b;
    xmlTextWriter *w = writer(&b);
    bool ok = true;
    W(xmlTextWriterStartElement(w, BAD_CAST "manifest:manifest"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:manifest", BAD_CAST NS_MANIFEST));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "manifest:version", BAD_CAST "1.3"));
    static const char *const entries[][2] = {{"/", MIME_ODS}, {"content.xml", "text/xml"}};
    for (int i = 0; i < 2; i++) {
        W(xmlTextWriterStartElement(w, BAD_CAST "manifest:file-entry"));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "manifest:full-path", BAD_CAST entries[i][0]));
        if (i == 0)
            W(xmlTextWriterWriteAttribute(w, BAD_CAST "manifest:version", BAD_CAST "1.3"));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "manifest:media-type", BAD_CAST entries[i][1]));
        W(xmlTextWriterEndElement(w));
    }
    return done(w, b, ok);
}

bool plan_write_ods(const workbook *wb, const char *path, diag *d)
{
    zip_out z;
    archive_begin(&z);
    /* The mimetype comes first and uncompressed, so that tools recognise the format. */
    member_add(&z, "mimetype", MIME_ODS, strlen(MIME_ODS), true);
    xmlBuffer *manifest = ods_manifest(), *content = ods_content(wb);
    member_add_buffer(&z, "META-INF/manifest.xml", manifest);
    member_add_buffer(&z, "content.xml", content);
    bool ok = archive_finish(&z, path, d);
    xmlBufferFree(manifest);
    xmlBufferFree(content);
    return ok;
}

/* ---- XLSX ------------------------------------------------------------------------------ */

static bool xlsx_cell(xmlTextWriter *w, const sheet_cell *c, int col, int row)
{
    bool ok = true;
    char ref[16];
    sheet_cell_ref(col, row, ref);
    W(xmlTextWriterStartElement(w, BAD_CAST "c"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "r", BAD_CAST ref));
    if (c->kind == SHEET_NUMBER) {
        W(xmlTextWriterWriteElement(w, BAD_CAST "v", BAD_CAST c->text));
    } else {
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "t", BAD_CAST "inlineStr"));
        W(xmlTextWriterStartElement(w, BAD_CAST "is"));
        W(xmlTextWriterStartElement(w, BAD_CAST "t"));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "xml:space", BAD_CAST "preserve"));
        W(xmlTextWriterWriteString(w, BAD_CAST c->text));
        W(xmlTextWriterEndElement(w));
        W(xmlTextWriterEndElement(w));
    }
    W(xmlTextWriterEndElement(w));
    return ok;
}

static xmlBuffer *xlsx_sheet(const sheet *sh)
{
    xmlBuffer *b;
    xmlTextWriter *w = writer(&b);
    bool ok = true;
    W(xmlTextWriterStartElement(w, BAD_CAST "worksheet"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST NS_MAIN));
    W(xmlTextWriterStartElement(w, BAD_CAST "sheetData"));
    for (int r = 0; r < sh->nrows; r++) {
        W(xmlTextWriterStartElement(w, BAD_CAST "row"));
        W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "r", "%d", sh->rows[r].number));
        for (int c = 0; c < sh->rows[r].ncells; c++)
            if (sheet_row_cell(&sh->rows[r], c))
                ok = ok && xlsx_cell(w, &sh->rows[r].cells[c], c, sh->rows[r].number);
        W(xmlTextWriterEndElement(w));
    }
    return done(w, b, ok);
}

/* The fixed parts: content types, relationships, the workbook and a minimal stylesheet. */
static char *xlsx_workbook(const workbook *wb)
{
    GString *s = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook xmlns=\"" NS_MAIN
                              "\" xmlns:r=\"" NS_REL "\"><sheets>");
    for (int i = 0; i < wb->nsheets; i++) {
        char *name = (char *)xmlEncodeSpecialChars(NULL, BAD_CAST wb->sheets[i].name);
        g_string_append_printf(s, "<sheet name=\"%s\" sheetId=\"%d\" r:id=\"rId%d\"/>", name, i + 1, i + 1);
        xmlFree(name);
    }
    g_string_append(s, "</sheets></workbook>");
    return g_string_free(s, FALSE);
}

static char *xlsx_rels(const workbook *wb)
{
    GString *s = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships "
                              "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (int i = 0; i < wb->nsheets; i++)
        g_string_append_printf(s, "<Relationship Id=\"rId%d\" Type=\"" NS_REL "/worksheet\" "
                                  "Target=\"worksheets/sheet%d.xml\"/>", i + 1, i + 1);
    g_string_append_printf(s, "<Relationship Id=\"rId%d\" Type=\"" NS_REL "/styles\" Target=\"styles.xml\"/>",
                           wb->nsheets + 1);
    g_string_append(s, "</Relationships>");
    return g_string_free(s, FALSE);
}

static char *xlsx_content_types(const workbook *wb)
{
    GString *s = g_string_new(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        "<Override PartName=\"/xl/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
    for (int i = 0; i < wb->nsheets; i++)
        g_string_append_printf(s, "<Override PartName=\"/xl/worksheets/sheet%d.xml\" ContentType=\"application/"
                                  "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>", i + 1);
    g_string_append(s, "</Types>");
    return g_string_free(s, FALSE);
}

static const char xlsx_root_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";

static const char xlsx_styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<styleSheet xmlns=\"" NS_MAIN "\">"
    "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>"
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    "</styleSheet>";

static void member_add_string(zip_out *z, const char *name, char *text)
{
    member_add(z, name, text, strlen(text), false);
    g_free(text);
}

bool plan_write_xlsx(const workbook *wb, const char *path, diag *d)
{
    zip_out z;
    archive_begin(&z);
    member_add_string(&z, "[Content_Types].xml", xlsx_content_types(wb));
    member_add(&z, "_rels/.rels", xlsx_root_rels, strlen(xlsx_root_rels), false);
    member_add_string(&z, "xl/workbook.xml", xlsx_workbook(wb));
    member_add_string(&z, "xl/_rels/workbook.xml.rels", xlsx_rels(wb));
    member_add(&z, "xl/styles.xml", xlsx_styles, strlen(xlsx_styles), false);
    GPtrArray *bufs = g_ptr_array_new_with_free_func((GDestroyNotify)xmlBufferFree);
    for (int i = 0; i < wb->nsheets; i++) {
        char name[64];
        snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", i + 1);
        xmlBuffer *b = xlsx_sheet(&wb->sheets[i]);
        member_add_buffer(&z, name, b);
        if (b)
            g_ptr_array_add(bufs, b);
    }
    bool ok = archive_finish(&z, path, d);
    g_ptr_array_free(bufs, TRUE);
    return ok;
}
