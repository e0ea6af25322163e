/* Checking an input file before a library reads it: libxml2 and libxslt only say that they
 * failed, this names the system's reason. */
#ifndef LIVRABLES_READABLE_H
#define LIVRABLES_READABLE_H

#include <stdbool.h>

#include "diag/diag.h"

/* True when `path` can be opened for reading and holds something; otherwise reports
 * "PATH: error: FAILURE: <strerror>" (or "FAILURE: the file is empty") on `d` and returns
 * false. */
bool file_readable(const char *path, const char *failure, diag *d);

#endif
