/* Spreadsheets as plain tables: the rows and cells of the sheets of an ODS, XLSX or CSV file,
 * read with libzip, libxml2 and libcsv. Only what an action plan needs: the value of each
 * cell as text, typed (number, date) or not, and where it stood, for messages that name a
 * cell ("plan.ods:actions:F12").
 *
 * The same tables are written back by `livrables export-plan` (gen/deliver/plan_write_*). */
#ifndef LIVRABLES_SOURCE_SHEET_H
#define LIVRABLES_SOURCE_SHEET_H

#include <stdbool.h>

#include "diag/diag.h"

/* Bounds against hostile files: a sheet may claim a billion repeated rows or columns. */
#define SHEET_MAX_ROWS 1048576   /* Excel's row limit: further rows are an error */
#define SHEET_MAX_COLS 16384     /* Excel's column limit (XFD) */
#define SHEET_MAX_CELLS 1000000  /* non-empty cells kept in one workbook */
#define SHEET_MAX_PART (64 << 20) /* bytes of one uncompressed ZIP member (content.xml...) */

typedef enum {
    SHEET_EMPTY,
    SHEET_TEXT,   /* text as typed; paragraphs of a cell separated by '\n' */
    SHEET_NUMBER, /* a typed number, written the C way: "50000", "1.5", "-3" */
    SHEET_DATE,   /* a typed date: "YYYY-MM-DD" */
} sheet_kind;

typedef struct {
    sheet_kind kind;
    char *text; /* owned; NULL when empty */
} sheet_cell;

typedef struct {
    int number; /* 1-based row number in the sheet (the "12" of F12) */
    int ncells; /* cells[0] is column A */
    int cap;    /* cells allocated */
    sheet_cell *cells;
} sheet_row;

typedef struct {
    char *name; /* "" for a CSV file */
    sheet_row *rows; /* rows holding at least one non-empty cell, in order */
    int nrows, cap;
} sheet;

typedef struct {
    sheet *sheets;
    int nsheets, cap;
    int ncells; /* non-empty cells, bounded by SHEET_MAX_CELLS */
} workbook;

/* Reads the workbook at `path`, its format from the extension (.ods, .xlsx, .csv, any case).
 * Problems are reported to `d` with `label` (the path as the user knows it) as the file.
 * Returns NULL on failure. Free with workbook_destroy. */
workbook *workbook_load(const char *path, const char *label, diag *d);

/* An empty workbook for writing. Never returns NULL. */
workbook *workbook_new(void);
void workbook_destroy(workbook *wb); /* accepts NULL */

/* Appends a sheet named `name` (copied); borrowed pointer valid until the next add. */
sheet *workbook_add_sheet(workbook *wb, const char *name);

/* Appends row `number` to `sh` (numbers must grow); borrowed until the next add. */
sheet_row *sheet_add_row(sheet *sh, int number);

/* Sets cell `col` (0-based) of `row` to a copy of `text` with `kind`. Returns false when the
 * workbook already holds SHEET_MAX_CELLS cells. Empty text leaves the cell empty. */
bool sheet_row_set(workbook *wb, sheet_row *row, int col, sheet_kind kind, const char *text);

/* The cell at `col` of `row`, or NULL when empty. Borrowed. */
const sheet_cell *sheet_row_cell(const sheet_row *row, int col);

/* The sheet whose name matches `name` ignoring case and accents, or NULL. Borrowed. */
const sheet *workbook_find(const workbook *wb, const char *name);

/* "F12" for column 5 (0-based) of row 12, into `out` (at least 16 bytes). */
void sheet_cell_ref(int col, int row, char out[16]);

/* `s` without accents, in lower case, trimmed, inner spaces and underscores as single
 * hyphens: "Axe titre" and "AXE_TITRE" give "axe-titre", "Priorité" "priorite". malloc'd. */
char *sheet_fold(const char *s);

/* The format of `path` from its extension. */
typedef enum { SHEET_FORMAT_UNKNOWN, SHEET_FORMAT_ODS, SHEET_FORMAT_XLSX, SHEET_FORMAT_CSV } sheet_format;
sheet_format sheet_format_of(const char *path);

#endif
