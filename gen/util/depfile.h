/* Dependency files: Makefile fragments listing what outputs were made from (like gcc -MD). */
#ifndef LIVRABLES_DEPFILE_H
#define LIVRABLES_DEPFILE_H

#include <stdbool.h>

#include "diag/diag.h"
#include "util/strlist.h"

/* Writes `targets: deps` to `path`, then an empty rule per dependency (as gcc -MP does) so
 * that a deleted input does not break make. Spaces, '#' and '$' in names are escaped.
 * Written to a temporary file and renamed. Returns false with a diagnostic on failure. */
bool depfile_write(const char *path, const strlist *targets, const strlist *deps, diag *d);

#endif
