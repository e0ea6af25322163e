/* RELAX NG validation of a loaded source. libxml2 decides whether the source is valid;
 * the problems are then told in an author's terms by source_explain.c, from the same
 * schema read as a model. */
#include <libxml/relaxng.h>
#include <stdlib.h>

#include "source/source_explain.h"
#include "source/source_internal.h"
#include "util/i18n.h"

struct source_schema {
    xmlRelaxNGPtr rng;
    rng_model *model;
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
    rng_model *model = rng ? rng_model_load(rng_path) : NULL;
    if (!model) {
        if (c.errors == 0)
            diag_error(d, rng_path, 0, _("cannot load the schema"));
        xmlRelaxNGFree(rng);
        return NULL;
    }
    source_schema *schema = malloc(sizeof *schema);
    if (!schema)
        abort();
    schema->rng = rng;
    schema->model = model;
    return schema;
}

void source_schema_destroy(source_schema *schema)
{
    if (!schema)
        return;
    xmlRelaxNGFree(schema->rng);
    rng_model_destroy(schema->model);
    free(schema);
}

/* The first element libxml2 complained about, for when the model finds nothing to say. */
static void note_node(void *ctx, xmlErrorPtr e)
{
    xmlNode **first = ctx;
    if (!*first && e->node && ((xmlNode *)e->node)->type == XML_ELEMENT_NODE)
        *first = e->node;
}

bool source_validate(const source_schema *schema, const source *s, diag *d)
{
    xml_handlers prev;
    xml_handlers_save(&prev);
    xmlNode *first = NULL;
    xmlSetStructuredErrorFunc(&first, note_node);
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema->rng);
    int rc = vc ? xmlRelaxNGValidateDoc(vc, s->doc) : -1;
    xmlRelaxNGFreeValidCtxt(vc);
    xml_handlers_restore(&prev);
    if (rc == 0)
        return true;
    if (source_explain(schema->model, s, d) > 0)
        return false;
    if (first)
        diag_error(d, source_node_file(s, first), (int)xmlGetLineNo(first),
                   _("<%s> does not match the schema"), (const char *)first->name);
    else
        diag_error(d, s->path, 0, _("does not match the schema"));
    return false;
}
