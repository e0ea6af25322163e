/* Telling something once per run when a run is several livrables processes: one per PDF
 * under make, one per atelier under build -j. */
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

/* For a process about to start children that should tell things once between them (build
 * -j): unless the variable is already set (by make), sets it to a new temporary directory
 * and returns it (owned: give it to run_once_end); NULL otherwise. */
char *run_once_begin(void);

/* Removes the directory of run_once_begin and its markers, unsets the variable, frees
 * `dir`. Accepts NULL. */
void run_once_end(char *dir);

#endif
