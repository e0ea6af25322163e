/* `livrables export-plan`: the action plan of a source written as a spreadsheet that
 * <plan-actions href="..."/> reads back (same columns, same values). */
#ifndef LIVRABLES_PLAN_EXPORT_H
#define LIVRABLES_PLAN_EXPORT_H

#include <stdbool.h>

#include "diag/diag.h"
#include "source/source.h"
#include "source/source_sheet.h"

/* The strategie of site `site_id` (NULL: the only site with one) of `s`, or NULL after
 * reporting why. Borrowed. */
struct _xmlNode *plan_export_find(const source *s, const char *site_id, diag *d);

/* Sheets "actions" and "financements" from the axes of `strategie`. What a cell cannot hold
 * (markup, prose under axes, objectives without actions) is a warning. Never NULL; free with
 * workbook_destroy. */
workbook *plan_export_workbook(const source *s, const struct _xmlNode *strategie, diag *d);

/* Writes `wb` to `path` as ODS, XLSX or CSV after its extension, atomically. For CSV, sheet
 * "financements" goes to plan_export_csv_financements(path). False after reporting. */
bool plan_write(const workbook *wb, const char *path, diag *d);

/* "dir/plan-financements.csv" for "dir/plan.csv". malloc'd. */
char *plan_export_csv_financements(const char *path);

/* Private to the writers. */
bool plan_write_ods(const workbook *wb, const char *path, diag *d);
bool plan_write_xlsx(const workbook *wb, const char *path, diag *d);
bool plan_write_csv(const sheet *sh, const char *path, diag *d);
/* Writes the `len` bytes of `data` to `path` atomically; false after reporting. */
bool plan_write_bytes(const char *path, const void *data, size_t len, diag *d);

#endif
