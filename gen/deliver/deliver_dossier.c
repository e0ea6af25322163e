/* The final seminar's dossier: several validated ateliers in one document, through
 * templates/dossier.xsl. */
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "deliver/deliver_internal.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* <dossier xmlns="urn:livrables:atelier:1"><atelier>…</atelier>…</dossier>, copies of the
 * sources. Each copy carries xml:base (the source's absolute directory) so that the
 * stylesheet can resolve an atelier's images. */
static xmlDocPtr aggregate_new(source *const *sources, const int *order, int n)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "dossier", NULL);
    xmlSetNs(root, xmlNewNs(root, BAD_CAST SOURCE_NS, NULL));
    xmlDocSetRootElement(doc, root);
    for (int k = 0; k < n; k++) {
        int i = order[k];
        xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(sources[i]->doc), doc, 1);
        char base[4096];
        snprintf(base, sizeof base, "%s/", sources[i]->dir);
        xmlNodeSetBase(copy, BAD_CAST base);
        xmlAddChild(root, copy);
    }
    return doc;
}

int deliver_dossier(const char *const *paths, int npaths, const char *out_path,
                    const deliver_options *o, diag *d)
{
    deliver_options local = *o;
    local.only = ""; /* none of the per-atelier deliverables */
    deliver_ctx c;
    bool ok = deliver_ctx_init(&c, &local, d);
    source **sources = calloc((size_t)npaths, sizeof *sources);
    int *order = calloc((size_t)npaths, sizeof *order);
    if (!sources || !order)
        abort();
    deliver_record rec = {0};
    /* Every invalid source is reported, not only the first. */
    for (int i = 0; ok && c.schema && i < npaths; i++) {
        diag_progress(d, _("[%d/%d] reading %s"), i + 1, npaths + 1, paths[i]);
        sources[i] = deliver_load_source(&c, paths[i]);
    }
    for (int i = 0; ok && i < npaths; i++)
        ok = sources[i] != NULL;
    ok = ok && dossier_programme_check(sources, npaths, order, d);
    strlist deps = {0};
    transform *t = ok ? deliver_load_template(&c, "dossier", &deps) : NULL;
    if (t) {
        xmlDocPtr agg = aggregate_new(sources, order, npaths);
        /* deps already holds the dossier's stylesheet modules. */
        for (int i = 0; i < npaths; i++)
            deliver_record_inputs(&c, sources[i], NULL, NULL, &deps);
        /* The stylesheet resolves images against the output: a bloc-marque given relative
         * to the current directory must be made absolute. */
        char *bloc = o->bloc_marque && *o->bloc_marque ? realpath(o->bloc_marque, NULL) : NULL;
        transform_params p = {
            .site = "",
            .version = "1.0",
            .build_date = c.build_date,
            .bloc_marque = bloc ? bloc : o->bloc_marque,
            .assets_dir = sources[order[0]]->dir,
        };
        diag_progress(d, _("[%d/%d] laying out %s"), npaths + 1, npaths + 1, out_path);
        xmlDocPtr fo = transform_run(t, agg, paths[0], &p, &deps, d);
        /* Like build, create the output's directory. */
        char *dir = xstrdup(out_path);
        char *slash = strrchr(dir, '/');
        if (slash && slash != dir) {
            *slash = '\0';
            ok = deliver_mkdirs(dir, d);
        }
        free(dir);
        ok = ok && fo && deliver_output(&c, fo, out_path, &deps, &rec);
        ok = ok && deliver_write_depfile(&c, &rec);
        xmlFreeDoc(fo);
        xmlFreeDoc(agg);
        free(bloc);
    } else {
        ok = false;
    }
    diag_progress(d, NULL);
    transform_destroy(t);
    for (int i = 0; i < npaths; i++)
        source_destroy(sources[i]);
    free(sources);
    free(order);
    deliver_record_clear(&rec);
    strlist_clear(&deps);
    deliver_ctx_clear(&c);
    return ok ? 0 : 1;
}
