/* Transform: a deliverable stylesheet (template + charter) run over a loaded source.
 *
 * The stylesheet is composed in memory as a wrapper importing the template, then the
 * charter, so the charter's parameters and attribute sets win. It runs with security
 * preferences that forbid writing files, creating directories and any network access
 * (reading local files stays allowed), with the lv: extension functions of namespace
 * urn:livrables:xslt (lv:text-width measures labels with the text engine, so that the
 * charts drawn by the stylesheets fit the charter's fonts). XSLT problems are reported as `file:line: error: message`.
 * Compile once, run for every site: a transform is reusable and not thread-safe.
 */
#ifndef LIVRABLES_TRANSFORM_H
#define LIVRABLES_TRANSFORM_H

#include <stdbool.h>

#include "diag/diag.h"
#include "util/strlist.h"

struct _xmlDoc;

#define TRANSFORM_LV_NS "urn:livrables:xslt"

/* The string parameters every deliverable stylesheet receives (NULL passes ""). */
typedef struct {
    const char *site;        /* site id; "" for the livret and the dossier */
    const char *version;     /* the atelier's version, "1.0" by default */
    const char *build_date;  /* YYYY-MM-DD */
    const char *bloc_marque; /* image path given with --bloc-marque, or "" */
    const char *assets_dir;  /* absolute directory of the source */
} transform_params;

typedef struct transform transform;

/* Registers the lv: extension functions (once per process; later calls do nothing). */
void transform_register_extensions(void);

/* Compiles `template_path` with the charter `charter_path` (NULL for none) imported after
 * it. Every stylesheet module read is added to `modules` when not NULL. Returns NULL with
 * diagnostics when a module is missing or invalid. Free with transform_destroy. */
transform *transform_load(const char *template_path, const char *charter_path, strlist *modules,
                          diag *d);
void transform_destroy(transform *t); /* accepts NULL */

/* Runs the stylesheet over `src` (named `src_name` in diagnostics). Returns the result
 * document (the caller frees it with xmlFreeDoc), or NULL when the run failed or an
 * xsl:message terminated it (all reported to `d`). Files the stylesheet read with
 * document() are added to `inputs` when not NULL. */
struct _xmlDoc *transform_run(transform *t, struct _xmlDoc *src, const char *src_name,
                              const transform_params *p, strlist *inputs, diag *d);

/* Today's date (UTC) as YYYY-MM-DD into `out` (11 bytes), from SOURCE_DATE_EPOCH when set
 * and valid, so builds are reproducible. */
void transform_build_date(char out[11]);

#endif
