/* Private to deliver: the state shared by the builds of one run. */
#ifndef LIVRABLES_DELIVER_INTERNAL_H
#define LIVRABLES_DELIVER_INTERNAL_H

#include <stdio.h>

#include "deliver/deliver.h"
#include "render/render.h"
#include "source/source.h"
#include "transform/transform.h"

enum { DELIVER_COUNT = 5 };

/* One deliverable: its template's name and whether there is one per site. */
typedef struct {
    const char *name;
    bool per_site;
} deliverable;

extern const deliverable deliver_table[DELIVER_COUNT];

/* Whether deliver_table[i] is part of this build (--only). */
bool deliver_selected(const deliver_options *o, int i);

/* What a build wrote and what it was made from (for -M). */
typedef struct {
    strlist outputs;
    strlist deps;
} deliver_record;

/* Compiled once, before any child is forked; the render engine is made in the process
 * that renders (fonts are not shared across fork). */
typedef struct {
    const deliver_options *o;
    diag *d;
    char *schema_path;
    source_schema *schema;
    char *charter_path;
    transform *transforms[DELIVER_COUNT]; /* NULL when not selected */
    strlist modules;                      /* every stylesheet module read */
    char build_date[11];
    render_engine *engine;
    strlist fonts_warned; /* missing charter fonts already reported */
    bool print_written;   /* "wrote FILE" lines on stdout */
} deliver_ctx;

/* Loads the schema, the charter and the selected stylesheets. False with diagnostics. */
bool deliver_ctx_init(deliver_ctx *c, const deliver_options *o, diag *d);
void deliver_ctx_clear(deliver_ctx *c);

/* Compiles the template `name` with the charter into c->modules. NULL on failure. */
transform *deliver_load_template(deliver_ctx *c, const char *name);

/* Loads and validates `path`; NULL with diagnostics when unusable. */
source *deliver_load_source(deliver_ctx *c, const char *path);

/* Builds one atelier into `out_dir` (or out_dir/ID when `subdir`). Returns true when every
 * output was written; records outputs and dependencies in `rec`. */
bool deliver_atelier(deliver_ctx *c, const char *path, const char *out_dir, bool subdir,
                     deliver_record *rec);

/* Writes one stylesheet result to `out`: FO as a file, else rendered to PDF or PNG pages
 * (OUT-1.png...). Adds the output and its inputs (images) to `rec`. */
bool deliver_output(deliver_ctx *c, struct _xmlDoc *fo, const char *out, deliver_record *rec);

/* ".pdf", ".fo" or ".png". */
const char *deliver_extension(deliver_format f);

/* Adds the files a source, the stylesheets and the schema were read from to `rec`. */
void deliver_record_inputs(deliver_ctx *c, const source *s, deliver_record *rec);

/* Writes the -M file when asked. */
bool deliver_write_depfile(deliver_ctx *c, const deliver_record *rec);

void deliver_record_clear(deliver_record *rec);

/* mkdir -p; false with a diagnostic. */
bool deliver_mkdirs(const char *dir, diag *d);

#endif
