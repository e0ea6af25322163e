/* Marked-content sequences on cairo, and the record of what each belongs to. */
#include "paint/paint_pdf_marks.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

pdf_marks *pdf_marks_new(arena *a, cairo_t *cr)
{
    pdf_marks *m = g_new0(pdf_marks, 1);
    m->a = a;
    m->cr = cr;
    m->by_seq = g_hash_table_new(g_direct_hash, g_direct_equal);
    return m;
}

void pdf_marks_drawn(pdf_marks *m)
{
    if (!m || !m->by_seq)
        return;
    g_hash_table_destroy(m->by_seq);
    m->by_seq = NULL;
}

void pdf_marks_destroy(pdf_marks *m)
{
    if (!m)
        return;
    pdf_marks_drawn(m);
    free(m->elems);
    free(m->mcs);
    free(m->links);
    g_free(m);
}

static void push_mark(pdf_mark **v, size_t *n, size_t *cap, pdf_mark mk)
{
    GROW_HEAP(*v, *n, *cap, 1, 256);
    (*v)[(*n)++] = mk;
}

/* The element index of `sn`, copying it and its ancestors on first sight. */
static int elem_of(pdf_marks *m, const lay_snode *sn)
{
    gpointer key = GSIZE_TO_POINTER((gsize)sn->seq);
    gpointer found = g_hash_table_lookup(m->by_seq, key);
    if (found)
        return (int)GPOINTER_TO_SIZE(found) - 1;
    int parent = sn->parent ? elem_of(m, sn->parent) : -1;
    GROW_HEAP(m->elems, m->nelems, m->capelems, 1, 256);
    pdf_elem *e = &m->elems[m->nelems];
    e->type = arena_strdup(m->a, sn->type);
    e->lang = arena_strdup(m->a, sn->lang);
    e->alt = arena_strdup(m->a, sn->alt);
    e->scope = arena_strdup(m->a, sn->scope);
    e->text = arena_strdup(m->a, sn->text);
    e->colspan = sn->colspan;
    e->rowspan = sn->rowspan;
    e->parent = parent;
    e->seq = sn->seq;
    g_hash_table_insert(m->by_seq, key, GSIZE_TO_POINTER(m->nelems + 1));
    return (int)m->nelems++;
}

/* The tag name of the marked content itself: the element's type when cairo 1.16 knows it
 * as a leaf (never Link, which would make an annotation), else Span. */
static const char *mc_name(const pdf_marks *m, int target)
{
    static const char *const names[] = {"P",  "H1", "H2",     "H3",      "H4",   "H5",
                                        "H6", "Lbl", "Figure", "Caption", "Span", "Code"};
    if (target == PDF_MC_PAGINATION)
        return PDF_MC_PAGINATION_TAG;
    if (target == PDF_MC_LAYOUT)
        return PDF_MC_LAYOUT_TAG;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(m->elems[target].type, names[i]) == 0)
            return names[i];
    return "Span";
}

void pdf_marks_close(pdf_marks *m)
{
    if (!m->open)
        return;
    cairo_tag_end(m->cr, m->open);
    m->open = NULL;
}

static void open_target(pdf_marks *m, int target)
{
    if (m->open && m->open_target == target)
        return;
    pdf_marks_close(m);
    m->open = mc_name(m, target);
    m->open_target = target;
    cairo_tag_begin(m->cr, m->open, "");
    push_mark(&m->mcs, &m->nmcs, &m->capmcs, (pdf_mark){m->page, target});
}

void pdf_marks_begin_page(pdf_marks *m, int page)
{
    pdf_marks_close(m);
    m->page = page;
}

void pdf_marks_box(pdf_marks *m, const lay_box *box)
{
    if (box->kind == LAY_DEST || box->kind == LAY_LINK)
        return; /* draw nothing */
    int target = box->sn && box->sn->type ? elem_of(m, box->sn)
                 : box->pagination           ? PDF_MC_PAGINATION
                                             : PDF_MC_LAYOUT;
    open_target(m, target);
}

void pdf_marks_artifact(pdf_marks *m)
{
    open_target(m, PDF_MC_LAYOUT);
}

void pdf_marks_link(pdf_marks *m, const lay_box *box)
{
    pdf_marks_close(m);
    int target = box->sn && box->sn->type ? elem_of(m, box->sn) : PDF_MC_LAYOUT;
    /* cairo gives the (empty) link tag an MCID of its own */
    push_mark(&m->mcs, &m->nmcs, &m->capmcs, (pdf_mark){m->page, target});
    push_mark(&m->links, &m->nlinks, &m->caplinks, (pdf_mark){m->page, target});
}
