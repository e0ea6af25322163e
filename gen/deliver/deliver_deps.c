/* Which files of a source a deliverable is made from: a site's documents do not depend on
 * the files of the other sites, so touching one site rebuilds only its own outputs. */
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "deliver/deliver_internal.h"
#include "util/grow.h"

/* Where one XIncluded file landed: the id of the site its top element is in, or NULL when it
 * is outside every site. */
typedef struct {
    const char *file;
    const char *site;
} landing;

typedef struct {
    landing *items;
    size_t count, cap;
} landings;

static void landings_add(landings *l, const char *file, const char *site)
{
    GROW_HEAP(l->items, l->count, l->cap, 1, 16);
    l->items[l->count++] = (landing){file, site};
}

bool deliver_is_site(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST SOURCE_NS) &&
           xmlStrEqual(n->name, BAD_CAST "site");
}

/* The id of site element `n`, as a copy held by `ids` (alive until the list is cleared). */
static const char *site_id(const xmlNode *n, strlist *ids)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST "id");
    const char *id = v ? (const char *)v : "";
    strlist_add(ids, id);
    const char *kept = NULL;
    for (size_t i = 0; i < ids->count && !kept; i++)
        if (strcmp(ids->items[i], id) == 0)
            kept = ids->items[i];
    xmlFree(v);
    return kept;
}

/* Walks the elements under `n`; `file` is the one their parent came from (a pointer owned
 * by the source, distinct per include) and `site` the id of the site they are in. An element
 * whose file differs from its parent's is the top of an XIncluded file. */
static void collect(const source *s, xmlNode *n, const char *file, const char *site, landings *out,
                    strlist *ids)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *here = deliver_is_site(n) ? site_id(n, ids) : site;
        const char *nfile = source_node_file(s, n);
        if (nfile != file)
            landings_add(out, nfile, here);
        collect(s, n->children, nfile, here, out, ids);
    }
}

/* Whether `file` (one of s->files) goes with the outputs of `site`: yes unless every place
 * it was included lies inside another site. A file read but never seen as an include's top
 * element (a text include, say) is kept, to be safe. */
static bool file_for_site(const landings *l, const char *file, const char *site)
{
    bool seen = false;
    for (size_t i = 0; i < l->count; i++) {
        if (strcmp(l->items[i].file, file) != 0)
            continue;
        seen = true;
        if (!l->items[i].site || strcmp(l->items[i].site, site) == 0)
            return true;
    }
    return !seen;
}

void deliver_source_files(const source *s, const char *site, strlist *deps)
{
    if (!site || !*site) {
        for (size_t i = 0; i < s->files.count; i++)
            strlist_add(deps, s->files.items[i]);
        return;
    }
    landings l = {0};
    strlist ids = {0};
    xmlNode *root = xmlDocGetRootElement(s->doc);
    if (root)
        collect(s, root->children, source_node_file(s, root), NULL, &l, &ids);
    for (size_t i = 0; i < s->files.count; i++)
        if (i == 0 || file_for_site(&l, s->files.items[i], site))
            strlist_add(deps, s->files.items[i]);
    free(l.items);
    strlist_clear(&ids);
}
