/* Cell values of an action plan as the source's attribute values: amounts in euros however
 * they were typed, years, months, permitted words. Private to gen/source (and unit tests). */
#ifndef LIVRABLES_SOURCE_SHEET_VALUES_H
#define LIVRABLES_SOURCE_SHEET_VALUES_H

#include <stdbool.h>
#include <stdint.h>

#include "source/source_sheet.h"

typedef enum {
    SHEET_VALUE_OK,
    SHEET_VALUE_BAD,       /* not what was expected */
    SHEET_VALUE_AMBIGUOUS, /* "50.000": fifty thousand or fifty? */
    SHEET_VALUE_CENTS,     /* more than two decimals */
    SHEET_VALUE_NEGATIVE,
} sheet_value_status;

/* An amount in cents from a typed number or a text such as "50 000", "50 000 €", "1,5",
 * "1.250,50", "12 k€". `unit` multiplies it (1, 1000...). */
sheet_value_status sheet_amount(const sheet_cell *cell, int64_t unit, int64_t *cents);

/* "50000" or "1250.50": an amount as the schema writes it, into `out` (32 bytes). */
void sheet_amount_format(int64_t cents, char out[32]);

/* The multiplier named by a unit cell ("€", "k€", "M€", "euros"...), or 0 when unknown. */
int64_t sheet_unit(const char *text);

/* A year (from a number, a date or a text "2026" or "15/03/2026") into `out` (5 bytes). */
bool sheet_year(const sheet_cell *cell, char out[5]);

/* A positive whole number (a typed number, or digits optionally followed by a word such as
 * "mois") into `out` (16 bytes). */
bool sheet_positive_integer(const sheet_cell *cell, char out[16]);

/* The permitted word `text` matches once folded (case, accents, spaces): "À lancer" gives
 * "a-lancer" among {"a-lancer", "en-cours"...}. Returns the permitted word or NULL. */
const char *sheet_choice(const char *text, const char *const *allowed);

/* `text` with runs of white space (line breaks included) as single spaces, trimmed, and
 * control characters dropped. malloc'd. */
char *sheet_clean_text(const char *text);

#endif
