/* Marker retrieval for static content (fo:retrieve-marker): the marker of a class a page
 * shows, by retrieve-position, from the flow galley's marks in document order. */
#include <string.h>

#include "layout/lay_seq.h"

static bool same_class(const lay_markrec *m, const char *cls)
{
    return cls && m->cls && strcmp(m->cls, cls) == 0;
}

const fo_node *lay_marker_find(const lay_pageinfo *pg, const char *cls, fo_kw position)
{
    const lay_galley *g = pg->flow;
    if (!cls)
        return NULL;
    for (size_t i = 0; i < pg->nfound; i++) /* a page laid out again, its flow gone */
        if (pg->found[i].position == position && strcmp(pg->found[i].cls, cls) == 0)
            return pg->found[i].marker;
    if (!g)
        return NULL;
    /* marks are in document order of their blocks' starts */
    size_t lo = 0, hi = g->nmarks;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (g->marks[mid].started_before || g->marks[mid].first < pg->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    const lay_markrec *found = NULL;
    if (position == FO_KW_first_including_carryover) {
        for (size_t i = lo; i-- > 0;)
            if (same_class(&g->marks[i], cls) && !g->marks[i].ended_before &&
                g->marks[i].last >= pg->start) {
                found = &g->marks[i];
                break;
            }
    }
    for (size_t i = lo; !found && i < g->nmarks && g->marks[i].first < pg->end; i++) {
        if (!same_class(&g->marks[i], cls))
            continue;
        if (position == FO_KW_last_starting_within_page ||
            position == FO_KW_last_ending_within_page) {
            if (position == FO_KW_last_ending_within_page && g->marks[i].last >= pg->end)
                continue;
            const lay_markrec *m = &g->marks[i];
            for (size_t j = i + 1; j < g->nmarks && g->marks[j].first < pg->end; j++)
                if (same_class(&g->marks[j], cls) &&
                    (position != FO_KW_last_ending_within_page || g->marks[j].last < pg->end))
                    m = &g->marks[j];
            found = m;
        } else {
            found = &g->marks[i];
        }
    }
    /* nothing on this page: the last one before it within the page-sequence */
    for (size_t i = lo; !found && i-- > 0;)
        if (same_class(&g->marks[i], cls))
            found = &g->marks[i];
    return found ? found->marker : NULL;
}
