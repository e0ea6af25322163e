/* Workbooks in memory: sheets, rows and cells, cell references, folded names. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "source/source_sheet.h"
#include "util/grow.h"
#include "util/xalloc.h"

workbook *workbook_new(void)
{
    workbook *wb = calloc(1, sizeof *wb);
    if (!wb)
        abort();
    return wb;
}

void workbook_destroy(workbook *wb)
{
    if (!wb)
        return;
    for (int s = 0; s < wb->nsheets; s++) {
        sheet *sh = &wb->sheets[s];
        for (int r = 0; r < sh->nrows; r++) {
            for (int c = 0; c < sh->rows[r].ncells; c++)
                free(sh->rows[r].cells[c].text);
            free(sh->rows[r].cells);
        }
        free(sh->rows);
        free(sh->name);
    }
    free(wb->sheets);
    free(wb);
}

sheet *workbook_add_sheet(workbook *wb, const char *name)
{
    GROW_HEAP(wb->sheets, wb->nsheets, wb->cap, 1, 8);
    sheet *sh = &wb->sheets[wb->nsheets++];
    *sh = (sheet){.name = xstrdup(name)};
    return sh;
}

sheet_row *sheet_add_row(sheet *sh, int number)
{
    GROW_HEAP(sh->rows, sh->nrows, sh->cap, 1, 8);
    sheet_row *row = &sh->rows[sh->nrows++];
    *row = (sheet_row){.number = number};
    return row;
}

bool sheet_row_set(workbook *wb, sheet_row *row, int col, sheet_kind kind, const char *text)
{
    if (!text || !*text || kind == SHEET_EMPTY || col < 0 || col >= SHEET_MAX_COLS)
        return true;
    if (wb->ncells >= SHEET_MAX_CELLS)
        return false;
    if (col >= row->cap) /* every column up to col, the new ones empty */
        GROW_HEAP_ZEROED(row->cells, row->cap, row->cap, col + 1 - row->cap, 16);
    if (col >= row->ncells)
        row->ncells = col + 1;
    sheet_cell *cell = &row->cells[col];
    if (!cell->text)
        wb->ncells++;
    free(cell->text);
    cell->text = xstrdup(text);
    cell->kind = kind;
    return true;
}

const sheet_cell *sheet_row_cell(const sheet_row *row, int col)
{
    if (!row || col < 0 || col >= row->ncells || !row->cells[col].text)
        return NULL;
    return &row->cells[col];
}

const sheet *workbook_find(const workbook *wb, const char *name)
{
    char *want = sheet_fold(name);
    const sheet *found = NULL;
    for (int i = 0; i < wb->nsheets && !found; i++) {
        char *have = sheet_fold(wb->sheets[i].name);
        if (strcmp(have, want) == 0)
            found = &wb->sheets[i];
        free(have);
    }
    free(want);
    return found;
}

void sheet_cell_ref(int col, int row, char out[16])
{
    char letters[8];
    int n = 0;
    for (int c = col + 1; c > 0 && n < 7; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    int len = 0;
    while (n > 0)
        out[len++] = letters[--n];
    snprintf(out + len, (size_t)(16 - len), "%d", row);
}

char *sheet_fold(const char *s)
{
    /* Canonical decomposition puts accents apart as combining marks, which go. */
    char *nfd = g_utf8_normalize(s, -1, G_NORMALIZE_NFD);
    if (!nfd)
        return xstrdup("");
    GString *bare = g_string_new(NULL);
    for (const char *p = nfd; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_type(c) != G_UNICODE_NON_SPACING_MARK)
            g_string_append_unichar(bare, c);
    }
    g_free(nfd);
    char *folded = g_utf8_casefold(bare->str, -1);
    g_string_free(bare, TRUE);
    /* Spaces, underscores and hyphens: one hyphen between words, none around. */
    GString *out = g_string_new(NULL);
    bool gap = false;
    for (const char *p = folded; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c) || c == '_' || c == '-') {
            gap = out->len > 0;
            continue;
        }
        if (gap)
            g_string_append_c(out, '-');
        gap = false;
        g_string_append_unichar(out, c);
    }
    g_free(folded);
    char *r = xstrdup(out->str);
    g_string_free(out, TRUE);
    return r;
}

sheet_format sheet_format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return SHEET_FORMAT_UNKNOWN;
    if (strcasecmp(dot, ".ods") == 0)
        return SHEET_FORMAT_ODS;
    if (strcasecmp(dot, ".xlsx") == 0)
        return SHEET_FORMAT_XLSX;
    if (strcasecmp(dot, ".csv") == 0)
        return SHEET_FORMAT_CSV;
    return SHEET_FORMAT_UNKNOWN;
}
