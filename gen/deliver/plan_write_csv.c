/* Writing plans: CSV through libcsv's quoting, any bytes atomically. CSV files get ';' between
 * fields and a UTF-8 byte-order mark: what Excel opens correctly in France (LibreOffice
 * too), and what the reader takes back. */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deliver/plan_export.h"
#include "source/source_sheet_messages.h"
#include "util/atomic_file.h"

bool plan_write_bytes(const char *path, const void *data, size_t len, diag *d)
{
    char *temp = NULL;
    FILE *f = atomic_file_create(path, &temp);
    if (!f) {
        diag_error(d, path, 0, MSG_EXPORT_CANNOT_WRITE, strerror(errno));
        return false;
    }
    bool ok = fwrite(data, 1, len, f) == len;
    if (!atomic_file_finish(f, temp, path, ok) || !ok) {
        diag_error(d, path, 0, MSG_EXPORT_CANNOT_WRITE, strerror(errno ? errno : EIO));
        return false;
    }
    return true;
}

bool plan_write_csv(const sheet *sh, const char *path, diag *d)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        abort();
    fputs("\xEF\xBB\xBF", mem);
    int width = 0;
    for (int r = 0; r < sh->nrows; r++)
        width = sh->rows[r].ncells > width ? sh->rows[r].ncells : width;
    for (int r = 0; r < sh->nrows; r++) {
        for (int c = 0; c < width; c++) {
            const sheet_cell *cell = sheet_row_cell(&sh->rows[r], c);
            if (c)
                fputc(';', mem);
            if (cell)
                csv_fwrite(mem, cell->text, strlen(cell->text));
        }
        fputs("\r\n", mem);
    }
    fclose(mem);
    bool ok = plan_write_bytes(path, text, len, d);
    free(text);
    return ok;
}
