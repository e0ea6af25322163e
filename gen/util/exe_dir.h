/* The folder of the running executable, from which an installed or build-tree binary finds
 * its data and its message catalogues wherever they were moved to. */
#ifndef LIVRABLES_EXE_DIR_H
#define LIVRABLES_EXE_DIR_H

#include <stdbool.h>
#include <stddef.h>

/* Fills `out` with the executable's folder (no trailing slash); false when /proc can't say. */
bool exe_dir(char *out, size_t size);

#endif
