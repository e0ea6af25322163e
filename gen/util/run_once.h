/* Telling something once per make run, when make runs one livrables process per PDF. */
#ifndef LIVRABLES_RUN_ONCE_H
#define LIVRABLES_RUN_ONCE_H

#include <stdbool.h>

/* The environment variable naming a directory shared by the livrables processes of one
 * run (the Makefiles export it and empty it when make starts). */
#define RUN_ONCE_ENV "LIVRABLES_ONCE_DIR"

/* True when this process is the first of the run to tell `what` (a short name such as
 * "font-Marianne"): it creates the marker file $LIVRABLES_ONCE_DIR/what, which only one
 * process can do. Always true when the variable is unset or the directory unusable. */
bool run_once_first(const char *what);

#endif
