/* RELAX NG validation of a loaded source, errors at the file and line of each element. */
#include <libxml/relaxng.h>
#include <stdlib.h>

#include "source/source_internal.h"

struct source_schema {
    xmlRelaxNGPtr rng;
};

source_schema *source_schema_load(const char *rng_path, diag *d)
{
    source_errctx c = {.d = d};
    source_errsave save;
    source_errors_install(&c, &save);
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(rng_path);
    xmlRelaxNGPtr rng = pc ? xmlRelaxNGParse(pc) : NULL;
    xmlRelaxNGFreeParserCtxt(pc);
    source_errors_restore(&save);
    if (!rng) {
        if (c.errors == 0)
            diag_error(d, rng_path, 0, "cannot load the schema");
        return NULL;
    }
    source_schema *schema = malloc(sizeof *schema);
    if (!schema)
        abort();
    schema->rng = rng;
    return schema;
}

void source_schema_destroy(source_schema *schema)
{
    if (!schema)
        return;
    xmlRelaxNGFree(schema->rng);
    free(schema);
}

bool source_validate(const source_schema *schema, const source *s, diag *d)
{
    source_errctx c = {.d = d, .src = s};
    source_errsave save;
    source_errors_install(&c, &save);
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema->rng);
    int rc = vc ? xmlRelaxNGValidateDoc(vc, s->doc) : -1;
    xmlRelaxNGFreeValidCtxt(vc);
    source_errors_restore(&save);
    if (rc != 0 && c.errors == 0)
        diag_error(d, s->path, 0, "does not match the schema");
    return rc == 0;
}
