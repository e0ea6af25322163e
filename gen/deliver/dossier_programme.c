/* A dossier is about one final seminar and the sites on its programme (doc/vocabulary.md,
 * seminaire-final): the checks of `livrables dossier` before anything is written, and the
 * order of the ateliers in the dossier (the programme's). */
#include <libxml/tree.h>
#include <limits.h>
#include <stdlib.h>

#include "deliver/deliver_internal.h"
#include "util/i18n.h"

/* The first child element of `parent` named `name` in the atelier vocabulary, or NULL. */
static xmlNodePtr child_named(const xmlNode *parent, const char *name)
{
    for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST SOURCE_NS) &&
            xmlStrEqual(n->name, BAD_CAST name))
            return n;
    return NULL;
}

static bool has_attr(const xmlNode *n, const char *name, const xmlChar *value)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    bool same = v && xmlStrEqual(v, value);
    xmlFree(v);
    return same;
}

/* The position in the programme of the first point presenting site `id`, or -1. */
static int programme_rank(const xmlNode *programme, const xmlChar *id)
{
    int k = 0;
    for (xmlNodePtr p = programme ? programme->children : NULL; p; p = p->next)
        if (p->type == XML_ELEMENT_NODE) {
            if (has_attr(p, "site", id))
                return k;
            k++;
        }
    return -1;
}

static bool programme_names_sites(const xmlNode *programme)
{
    for (xmlNodePtr p = programme ? programme->children : NULL; p; p = p->next)
        if (p->type == XML_ELEMENT_NODE && xmlHasProp(p, BAD_CAST "site"))
            return true;
    return false;
}

/* Whether some source holds a site `id`. */
static bool site_given(source *const *sources, int n, const xmlChar *id)
{
    for (int i = 0; i < n; i++)
        for (xmlNodePtr s = xmlDocGetRootElement(sources[i]->doc)->children; s; s = s->next)
            if (deliver_is_site(s) && has_attr(s, "id", id))
                return true;
    return false;
}

/* The one seminar of the sources, its source's index in *at; NULL when there is none (a
 * warning) or more than one (an error, *two set). */
static xmlNodePtr the_seminar(source *const *sources, int n, int *at, bool *two, diag *d)
{
    xmlNodePtr seminar = NULL;
    for (int i = 0; i < n; i++) {
        xmlNodePtr s = child_named(xmlDocGetRootElement(sources[i]->doc), "seminaire-final");
        if (s && seminar) {
            diag_error(d, source_node_file(sources[i], s), (int)xmlGetLineNo(s),
                       _("a second final seminar: a dossier is about one seminar (the first is at %s:%ld); "
                         "give only the ateliers presented at one seminar"),
                       source_node_file(sources[*at], seminar), xmlGetLineNo(seminar));
            *two = true;
        } else if (s) {
            seminar = s;
            *at = i;
        }
    }
    if (!seminar) {
        xmlNodePtr root = xmlDocGetRootElement(sources[0]->doc);
        diag_warning(d, sources[0]->path, (int)xmlGetLineNo(root),
                     _("no final seminar in the ateliers given: the dossier has no programme and "
                       "holds every site"));
    }
    return *two ? NULL : seminar;
}

bool dossier_programme_check(source *const *sources, int n, int *order, diag *d)
{
    int errors = diag_error_count(d); /* with --strict, warnings count too */
    int at = 0;
    bool two = false;
    xmlNodePtr seminar = the_seminar(sources, n, &at, &two, d);
    if (!seminar) {
        for (int i = 0; i < n; i++)
            order[i] = i;
        return !two && diag_error_count(d) == errors;
    }
    xmlNodePtr programme = child_named(seminar, "programme");
    bool named = programme_names_sites(programme);
    const char *sem_file = source_node_file(sources[at], seminar);
    long sem_line = xmlGetLineNo(seminar);
    bool ok = true;
    int *rank = calloc((size_t)n, sizeof *rank);
    if (!rank)
        abort();
    /* Every site on the programme; an atelier ranks as its first site there. */
    for (int i = 0; i < n; i++) {
        rank[i] = named ? INT_MAX : (i == at ? 0 : INT_MAX);
        for (xmlNodePtr s = xmlDocGetRootElement(sources[i]->doc)->children; s; s = s->next) {
            if (!deliver_is_site(s))
                continue;
            xmlChar *id = xmlGetProp(s, BAD_CAST "id");
            int r = named ? programme_rank(programme, id) : (i == at ? 0 : -1);
            if (r < 0) {
                diag_error(d, source_node_file(sources[i], s), (int)xmlGetLineNo(s),
                           _("site '%s' is not on the programme of the final seminar (%s:%ld): "
                             "name it in a point of the programme (site=\"%s\") or leave its atelier "
                             "out of the dossier"),
                           id ? (const char *)id : "", sem_file, sem_line, id ? (const char *)id : "");
                ok = false;
            } else if (r < rank[i]) {
                rank[i] = r;
            }
            xmlFree(id);
        }
    }
    /* A site on the programme that the dossier would miss. */
    for (xmlNodePtr p = programme ? programme->children : NULL; p; p = p->next) {
        xmlChar *id = p->type == XML_ELEMENT_NODE ? xmlGetProp(p, BAD_CAST "site") : NULL;
        if (id && !site_given(sources, n, id))
            diag_warning(d, source_node_file(sources[at], p), (int)xmlGetLineNo(p),
                         _("the programme presents site '%s', which no atelier given holds"), id);
        xmlFree(id);
    }
    /* Programme order, stable: insertion sort of the few ateliers by rank. */
    for (int i = 0; i < n; i++) {
        int j = i;
        for (; j > 0 && rank[order[j - 1]] > rank[i]; j--)
            order[j] = order[j - 1];
        order[j] = i;
    }
    free(rank);
    return ok && diag_error_count(d) == errors;
}
