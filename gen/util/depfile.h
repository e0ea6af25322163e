/* Dependency files: Makefile fragments listing what outputs were made from (like gcc -MD). */
#ifndef LIVRABLES_DEPFILE_H
#define LIVRABLES_DEPFILE_H

#include <stdbool.h>

#include "diag/diag.h"
#include "util/strlist.h"

/* One rule: `target` was made from `deps`. */
typedef struct {
    const char *target;
    const strlist *deps;
} depfile_rule;

/* Writes one `target: deps` rule per entry to `path`, so that a touched input rebuilds
 * exactly the outputs made from it; then an empty rule per dependency (as gcc -MP does) so
 * that a deleted input does not break make. Spaces, '#' and '$' in names are escaped.
 * Written to a temporary file and renamed. Returns false with a diagnostic on failure. */
bool depfile_write(const char *path, const depfile_rule *rules, size_t nrules, diag *d);

#endif
