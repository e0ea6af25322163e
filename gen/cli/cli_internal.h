/* Private to cli: what several commands share when they read their options. */
#ifndef LIVRABLES_CLI_INTERNAL_H
#define LIVRABLES_CLI_INTERNAL_H

#include <stdbool.h>

#include "cli/cli.h"
#include "deliver/deliver.h"

/* Prints "livrables CMD: error: MESSAGE" and a pointer to CMD --help on stderr. Returns
 * EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A positive whole number within [1, max] into *out; false otherwise. */
bool cli_parse_count(const char *s, int max, int *out);

/* "pdf", "fo" or "png" into *f; false (and *f untouched) for anything else. */
bool cli_deliver_format(const char *s, deliver_format *f);

/* EXIT_OK when the charter `style` (NULL means "etat") is installed; otherwise prints the
 * available ones on stderr and returns EXIT_USAGE. */
int cli_check_style(const char *cmd, const char *style);

#endif
