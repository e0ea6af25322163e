/* Private to the spreadsheet readers: one loader per format, and the helpers they share. */
#ifndef LIVRABLES_SOURCE_SHEET_READ_H
#define LIVRABLES_SOURCE_SHEET_READ_H

#include <libxml/tree.h>
#include <zip.h>

#include "source/source_sheet.h"

/* Each fills `wb`; false after reporting to `d` with `label`. */
bool sheet_read_ods(zip_t *zip, workbook *wb, const char *label, diag *d);
bool sheet_read_xlsx(zip_t *zip, workbook *wb, const char *label, diag *d);
bool sheet_read_csv(const char *path, workbook *wb, const char *label, diag *d);

/* The ZIP member `name` parsed as XML (no network, no DTD, no entity substitution).
 * `required`: a missing member is an error; otherwise NULL is returned silently. NULL on
 * failure, reported. Free with xmlFreeDoc. */
xmlDoc *sheet_zip_xml(zip_t *zip, const char *name, bool required, const char *format,
                      const char *label, diag *d);

/* Whether element `n` is `name` in namespace `ns`. */
bool sheet_is(const xmlNode *n, const char *ns, const char *name);

/* The value of attribute `name` in namespace `ns` (NULL: none) of `n`, or NULL. xmlFree it. */
char *sheet_attr(const xmlNode *n, const char *ns, const char *name);

/* Stores cell (col, row) of the sheet being read, reporting the cell limit once. */
bool sheet_store(workbook *wb, sheet *sh, int row, int col, sheet_kind kind, const char *text,
                 const char *label, diag *d);

#endif
