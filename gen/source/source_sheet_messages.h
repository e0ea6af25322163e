/* Every message about a spreadsheet, in one place: English message ids that the gettext
 * catalogue translates (po/fr.po). Cell messages are printed as
 * `plan.ods:actions:F12: error: MESSAGE`. */
#ifndef LIVRABLES_SOURCE_SHEET_MESSAGES_H
#define LIVRABLES_SOURCE_SHEET_MESSAGES_H

#include "util/i18n.h"

/* Reading the file. */
#define MSG_SHEET_UNKNOWN_FORMAT _("unknown spreadsheet format (use .ods, .xlsx or .csv)")
#define MSG_SHEET_CANNOT_OPEN _("cannot open the spreadsheet: %s")
#define MSG_SHEET_NO_MEMBER _("not a valid %s file: %s is missing")
#define MSG_SHEET_MEMBER_TOO_BIG _("%s is larger than %d MiB once uncompressed")
#define MSG_SHEET_THE_FILE _("the file")
#define MSG_SHEET_BAD_XML _("%s is not well-formed XML (line %d: %s)")
#define MSG_SHEET_TOO_MANY_CELLS _("more than %d non-empty cells")
#define MSG_SHEET_TOO_MANY_ROWS _("more than %d rows")
#define MSG_SHEET_BAD_REF _("cell reference '%s' is not valid")
#define MSG_SHEET_BAD_SHARED _("shared string %s does not exist")
#define MSG_SHEET_CSV_SYNTAX _("CSV syntax error in row %d: %s")
#define MSG_SHEET_NOT_TEXT _("neither UTF-8 nor Windows-1252 text")
#define MSG_SHEET_CSV_QUOTE _("a quote is misplaced or not closed")
#define MSG_SHEET_NO_SHEET _("no sheet named '%s' (sheets: %s)")

/* The action plan element. */
#define MSG_PLAN_NO_HREF _("plan-actions needs an href attribute naming the spreadsheet")
#define MSG_PLAN_NOT_LOCAL _("action plan '%s' is not a local file")
#define MSG_PLAN_OUTSIDE _("action plan '%s' is outside the atelier's folder")
#define MSG_PLAN_CSV_FINANCEMENTS _("a CSV action plan holds one sheet: name the financing lines with financements=\"FILE.csv\"")

/* Headers. */
#define MSG_PLAN_NO_COLUMN _("missing columns: %s (the first row holds the headers; known columns: %s)")
#define MSG_PLAN_UNKNOWN_COLUMN _("unknown column '%s' ignored (known columns: %s)")
#define MSG_PLAN_DUPLICATE_COLUMN _("column '%s' appears twice (first in %s)")
#define MSG_PLAN_NO_ACTIONS _("no action under the headers, and no axe written in the source")
#define MSG_PLAN_EMPTY_SHEET _("the sheet is empty: its first row must hold the headers")

/* Cells of the actions sheet. */
#define MSG_PLAN_REQUIRED _("%s is empty, but it is required")
#define MSG_PLAN_CHOICE _("%s '%s': allowed values are %s")
#define MSG_PLAN_NUMERO _("%s '%s' is not a number like %s")
#define MSG_PLAN_NUMERO_DATE _("%s was read as a date: type it as text, for example '%s")
#define MSG_PLAN_NOT_UNDER _("%s '%s' is not under %s '%s'")
#define MSG_PLAN_DUPLICATE_ACTION _("action %s already appears in %s")
#define MSG_PLAN_TITLE_DIFFERS _("%s %s already has the title '%s' (in %s)")
#define MSG_PLAN_NO_TITLE _("%s %s has no title: fill %s on one of its rows")
#define MSG_PLAN_AXE_IN_SOURCE _("axe %s is already written in the source (%s:%d)")
#define MSG_PLAN_YEAR _("debut '%s': expected a year, such as 2026")
#define MSG_PLAN_MONTHS _("duree '%s': expected a whole number of months, such as 24")
#define MSG_PLAN_AMOUNT _("%s '%s' is not an amount in euros (such as 50000, 50 000 € or 1250,50)")
#define MSG_PLAN_AMOUNT_AMBIGUOUS _("%s '%s' is ambiguous: write 50000 or 50 000 for fifty thousand")
#define MSG_PLAN_AMOUNT_CENTS _("%s '%s' has more than two decimals")
#define MSG_PLAN_AMOUNT_NEGATIVE _("%s '%s' is negative")

/* Cells of the financements sheet. */
#define MSG_PLAN_UNKNOWN_ACTION _("action '%s' is not in the actions sheet")

/* Export. */
#define MSG_EXPORT_MARKUP _("%s of action %s holds markup (%s) that a cell cannot keep: written as plain text")
#define MSG_EXPORT_PROSE_LOST _("the text under the title of %s %s has no column in the spreadsheet: left out")
#define MSG_EXPORT_EMPTY_OBJECTIF _("objectif %s has no action: a spreadsheet holds actions only, so it is left out")
#define MSG_EXPORT_ATTR_LOST _("attribute %s of %s %s has no column in the spreadsheet: left out")
#define MSG_EXPORT_NO_PLAN _("no action plan to export (no site with a strategie)")
#define MSG_EXPORT_WHICH_SITE _("%d sites have an action plan: choose one with --site (%s)")
#define MSG_EXPORT_NO_SITE _("no site '%s' with an action plan (sites: %s)")
#define MSG_EXPORT_CANNOT_WRITE _("cannot write: %s")
#define MSG_EXPORT_NO_ZIP _("cannot build the ZIP archive")

#endif
