/* Schema errors in an author's terms (source_explain.c). */
#ifndef LIVRABLES_SOURCE_EXPLAIN_H
#define LIVRABLES_SOURCE_EXPLAIN_H

#include "source/source.h"
#include "source/source_rng.h"

/* Reports every problem of s->doc against the schema model `m`, one error each, at the
 * file and line of the element concerned. Returns how many were reported. */
int source_explain(rng_model *m, const source *s, diag *d);

#endif
