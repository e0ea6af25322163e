/* The accessibility step: the structure tree and what cairo 1.16 can't write, added with
 * libqpdf's C API as PDF objects (see paint_pdf_tagged.h). */
#include "paint/paint_pdf_tagged.h"
#include "util/i18n.h"

#include <glib.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/grow.h"

typedef struct {
    qpdf_data q;
    const pdf_marks *m;
    int npages;
    qpdf_oh *pages;  /* page dictionaries */
    qpdf_oh doc;     /* the Document element */
    qpdf_oh *elems;  /* one dictionary per pdf_elem */
    const char *lang;
    int next_id;     /* object number for the next new object */
    GHashTable *names; /* "/P" -> its name object, made once (names are immutable) */
} tagger;

/* `oh` made an indirect object. qpdf_make_indirect_object counts every object of the file
 * at each call (quadratic over thousands of elements): new objects take the numbers after
 * the last one instead. */
static qpdf_oh indirect(tagger *t, qpdf_oh oh)
{
    int id = t->next_id++;
    qpdf_replace_object(t->q, id, 0, oh);
    return qpdf_get_object_by_id(t->q, id, 0);
}

/* ---- the structure tree ------------------------------------------------------------------ */

/* One entry of an element's /K: a child element, a marked-content sequence or a link
 * annotation, with the keys that order it. */
typedef struct {
    enum { K_ELEM, K_MCID, K_ANNOT } kind;
    int index;              /* element, mark or link index */
    size_t painted;         /* first drawing position (marks order) */
    unsigned long seq;      /* FO order (elements) */
    bool last;              /* TFoot: after the bodies whatever its FO position */
} kentry;

typedef struct {
    kentry *v;
    size_t n, cap;
    bool has_content; /* marked content of its own: order by drawing */
} klist;

static void kpush(klist *k, kentry e)
{
    GROW_HEAP(k->v, k->n, k->cap, 1, 4);
    k->v[k->n++] = e;
}

/* Ties (a link's annotation and its marked content) broken by kind, then index. */
static int tie(const kentry *a, const kentry *b)
{
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static int by_drawing(const void *x, const void *y)
{
    const kentry *a = x, *b = y;
    if (a->painted != b->painted)
        return a->painted < b->painted ? -1 : 1;
    return tie(a, b);
}

/* Children only (Table, TR, L, LI...): FO order, which is reading order; a list's label
 * comes first although it is drawn after its body's first line. */
static int by_fo_order(const void *x, const void *y)
{
    const kentry *a = x, *b = y;
    if (a->last != b->last)
        return a->last ? 1 : -1;
    if (a->seq != b->seq)
        return a->seq < b->seq ? -1 : 1;
    return tie(a, b);
}

/* Marks' page-relative MCIDs, in drawing order. */
static int *mcids_of(const pdf_marks *m, int npages)
{
    int *count = g_new0(int, npages > 0 ? npages : 1);
    int *mcid = g_new(int, m->nmcs ? m->nmcs : 1);
    for (size_t i = 0; i < m->nmcs; i++)
        mcid[i] = m->mcs[i].page < npages ? count[m->mcs[i].page]++ : -1;
    g_free(count);
    return mcid;
}

static qpdf_oh name(qpdf_data q, const char *n)
{
    return qpdf_oh_new_name(q, n);
}

/* A name object shared by every dictionary of the tree that uses it. */
static qpdf_oh shared_name(tagger *t, const char *n)
{
    gpointer v = g_hash_table_lookup(t->names, n);
    if (v)
        return (qpdf_oh)GPOINTER_TO_UINT(v);
    qpdf_oh oh = qpdf_oh_new_name(t->q, n);
    g_hash_table_insert(t->names, g_strdup(n), GUINT_TO_POINTER(oh));
    return oh;
}

static qpdf_oh mcr(tagger *t, int page, int mcid)
{
    qpdf_oh d = qpdf_oh_new_dictionary(t->q);
    qpdf_oh_replace_key(t->q, d, "/Type", shared_name(t, "/MCR"));
    qpdf_oh_replace_key(t->q, d, "/Pg", t->pages[page]);
    qpdf_oh_replace_key(t->q, d, "/MCID", qpdf_oh_new_integer(t->q, mcid));
    return d;
}

static qpdf_oh objr(tagger *t, int page, qpdf_oh annot)
{
    qpdf_oh d = qpdf_oh_new_dictionary(t->q);
    qpdf_oh_replace_key(t->q, d, "/Type", name(t->q, "/OBJR"));
    qpdf_oh_replace_key(t->q, d, "/Pg", t->pages[page]);
    qpdf_oh_replace_key(t->q, d, "/Obj", annot);
    return d;
}

/* The effective language of element i (its own, else its parent's, else the document's). */
static const char *elem_lang(const tagger *t, int i)
{
    for (; i >= 0; i = t->m->elems[i].parent)
        if (t->m->elems[i].lang)
            return t->m->elems[i].lang;
    return t->lang;
}

static void elem_attributes(tagger *t, int i)
{
    const pdf_elem *e = &t->m->elems[i];
    qpdf_data q = t->q;
    qpdf_oh d = t->elems[i];
    qpdf_oh_replace_key(q, d, "/Type", shared_name(t, "/StructElem"));
    char s[64];
    snprintf(s, sizeof s, "/%s", e->type);
    qpdf_oh_replace_key(q, d, "/S", shared_name(t, s));
    qpdf_oh_replace_key(q, d, "/P", e->parent >= 0 ? t->elems[e->parent] : t->doc);
    const char *lang = elem_lang(t, i);
    const char *outer = e->parent >= 0 ? elem_lang(t, e->parent) : t->lang;
    if (lang && (!outer || strcmp(lang, outer) != 0))
        qpdf_oh_replace_key(q, d, "/Lang", qpdf_oh_new_unicode_string(q, lang));
    if (e->alt)
        qpdf_oh_replace_key(q, d, "/Alt", qpdf_oh_new_unicode_string(q, e->alt));
    if (e->scope || e->colspan > 1 || e->rowspan > 1) {
        qpdf_oh a = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, a, "/O", name(q, "/Table"));
        if (e->scope) {
            char *sc = g_strconcat("/", e->scope, NULL);
            qpdf_oh_replace_key(q, a, "/Scope", name(q, sc));
            g_free(sc);
        }
        if (e->colspan > 1)
            qpdf_oh_replace_key(q, a, "/ColSpan", qpdf_oh_new_integer(q, e->colspan));
        if (e->rowspan > 1)
            qpdf_oh_replace_key(q, a, "/RowSpan", qpdf_oh_new_integer(q, e->rowspan));
        qpdf_oh_replace_key(q, d, "/A", a);
    }
}

/* /K of element dictionary `d` from its sorted entries; /Pg is the page of its first
 * marked content, which then needs no MCR dictionary. */
static void write_kids(tagger *t, qpdf_oh d, klist *k, const int *mcid, const qpdf_oh *annots)
{
    if (k->n > 1) /* k->v is NULL for an element with no entry: qsort wants an array */
        qsort(k->v, k->n, sizeof *k->v, k->has_content ? by_drawing : by_fo_order);
    qpdf_data q = t->q;
    int pg = -1;
    for (size_t j = 0; j < k->n && pg < 0; j++)
        if (k->v[j].kind == K_MCID)
            pg = t->m->mcs[k->v[j].index].page;
    if (pg >= 0)
        qpdf_oh_replace_key(q, d, "/Pg", t->pages[pg]);
    qpdf_oh arr = qpdf_oh_new_array(q);
    for (size_t j = 0; j < k->n; j++) {
        const kentry *e = &k->v[j];
        if (e->kind == K_ELEM) {
            qpdf_oh_append_item(q, arr, t->elems[e->index]);
        } else if (e->kind == K_MCID) {
            int page = t->m->mcs[e->index].page;
            if (page == pg)
                qpdf_oh_append_item(q, arr, qpdf_oh_new_integer(q, mcid[e->index]));
            else
                qpdf_oh_append_item(q, arr, mcr(t, page, mcid[e->index]));
        } else {
            qpdf_oh_append_item(q, arr, objr(t, t->m->links[e->index].page, annots[e->index]));
        }
    }
    qpdf_oh_replace_key(q, d, "/K", arr);
}

/* Link annotations cairo wrote, page by page in drawing order: the k-th of a page is the
 * k-th link drawn on it. NULL handles (0) where they don't match. */
static qpdf_oh *link_annotations(tagger *t)
{
    const pdf_marks *m = t->m;
    qpdf_oh *annots = g_new0(qpdf_oh, m->nlinks ? m->nlinks : 1);
    size_t li = 0;
    for (int p = 0; p < t->npages; p++) {
        qpdf_oh list = qpdf_oh_get_key(t->q, t->pages[p], "/Annots");
        int n = qpdf_oh_is_array(t->q, list) ? qpdf_oh_get_array_n_items(t->q, list) : 0;
        int k = 0;
        for (; li < m->nlinks && m->links[li].page < p; li++)
            ;
        for (; li < m->nlinks && m->links[li].page == p; li++) {
            while (k < n) {
                qpdf_oh a = qpdf_oh_get_array_item(t->q, list, k++);
                qpdf_oh st = qpdf_oh_get_key(t->q, a, "/Subtype");
                if (qpdf_oh_is_name_and_equals(t->q, st, "/Link")) {
                    annots[li] = a;
                    break;
                }
            }
        }
    }
    return annots;
}

/* The element dictionaries, with their attributes, under a Document element; returns the
 * StructTreeRoot. */
static qpdf_oh make_elements(tagger *t)
{
    qpdf_data q = t->q;
    size_t ne = t->m->nelems;
    t->elems = g_new(qpdf_oh, ne ? ne : 1);
    for (size_t i = 0; i < ne; i++)
        t->elems[i] = indirect(t, qpdf_oh_new_dictionary(q));
    qpdf_oh root = indirect(t, qpdf_oh_new_dictionary(q));
    t->doc = indirect(t, qpdf_oh_new_dictionary(q));
    qpdf_oh_replace_key(q, t->doc, "/Type", name(q, "/StructElem"));
    qpdf_oh_replace_key(q, t->doc, "/S", name(q, "/Document"));
    qpdf_oh_replace_key(q, t->doc, "/P", root);
    for (size_t i = 0; i < ne; i++)
        elem_attributes(t, (int)i);
    qpdf_oh_replace_key(q, root, "/Type", name(q, "/StructTreeRoot"));
    qpdf_oh_replace_key(q, root, "/K", t->doc);
    return root;
}

/* The /K entries of every element (kids[nelems]: the document's), with their order keys. */
static klist *collect_kids(const tagger *t, const qpdf_oh *annots)
{
    const pdf_marks *m = t->m;
    size_t ne = m->nelems;
    /* first drawing position of every element, its descendants' included */
    size_t *painted = g_new(size_t, ne ? ne : 1);
    for (size_t i = 0; i < ne; i++)
        painted[i] = (size_t)-1;
    for (size_t i = 0; i < m->nmcs; i++)
        for (int e = m->mcs[i].target; e >= 0 && painted[e] > i; e = m->elems[e].parent)
            painted[e] = i;

    klist *kids = g_new0(klist, ne + 1);
    for (size_t i = 0; i < ne; i++) {
        int p = m->elems[i].parent;
        kpush(&kids[p >= 0 ? (size_t)p : ne],
              (kentry){K_ELEM, (int)i, painted[i], m->elems[i].seq,
                       strcmp(m->elems[i].type, "TFoot") == 0});
    }
    for (size_t i = 0; i < m->nmcs; i++) {
        int e = m->mcs[i].target;
        if (e < 0)
            continue;
        kpush(&kids[e], (kentry){K_MCID, (int)i, i, 0, false});
        kids[e].has_content = true;
    }
    size_t mi = 0;
    for (size_t i = 0; i < m->nlinks; i++) {
        int e = m->links[i].target;
        if (e < 0 || !annots[i])
            continue;
        /* ordered with the link's own marked content, drawn with it */
        while (mi < m->nmcs && (m->mcs[mi].page < m->links[i].page ||
                                (m->mcs[mi].page == m->links[i].page && m->mcs[mi].target != e)))
            mi++;
        kpush(&kids[e], (kentry){K_ANNOT, (int)i, mi, 0, false});
    }
    g_free(painted);
    return kids;
}

/* ParentTree: page i's MCIDs under key i, link annotations after the pages; every page
 * gets /StructParents and /Tabs /S. */
static void write_parent_tree(tagger *t, qpdf_oh root, const qpdf_oh *annots)
{
    qpdf_data q = t->q;
    const pdf_marks *m = t->m;
    qpdf_oh nums = qpdf_oh_new_array(q);
    size_t k = 0;
    for (int p = 0; p < t->npages; p++) {
        qpdf_oh arr = qpdf_oh_new_array(q);
        for (; k < m->nmcs && m->mcs[k].page == p; k++) {
            int e = m->mcs[k].target;
            qpdf_oh_append_item(q, arr, e >= 0 ? t->elems[e] : qpdf_oh_new_null(q));
        }
        qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, p));
        qpdf_oh_append_item(q, nums, indirect(t, arr));
        qpdf_oh_replace_key(q, t->pages[p], "/StructParents", qpdf_oh_new_integer(q, p));
        qpdf_oh_replace_key(q, t->pages[p], "/Tabs", name(q, "/S"));
    }
    int next_key = t->npages;
    for (size_t i = 0; i < m->nlinks; i++) {
        if (!annots[i])
            continue;
        if (m->links[i].target < 0) {
            qpdf_oh_remove_key(q, annots[i], "/StructParent");
            continue;
        }
        qpdf_oh_replace_key(q, annots[i], "/StructParent", qpdf_oh_new_integer(q, next_key));
        qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, next_key));
        qpdf_oh_append_item(q, nums, t->elems[m->links[i].target]);
        next_key++;
    }
    qpdf_oh parent_tree = qpdf_oh_new_dictionary(q);
    qpdf_oh_replace_key(q, parent_tree, "/Nums", nums);
    qpdf_oh_replace_key(q, root, "/ParentTree", indirect(t, parent_tree));
    qpdf_oh_replace_key(q, root, "/ParentTreeNextKey", qpdf_oh_new_integer(q, next_key));
}

/* Annotations need a description (PDF/UA): the link's fox:alt-text, else its text, else
 * where it goes. */
static void describe_links(tagger *t, const qpdf_oh *annots)
{
    qpdf_data q = t->q;
    const pdf_marks *m = t->m;
    for (size_t i = 0; i < m->nlinks; i++) {
        if (!annots[i])
            continue;
        const pdf_elem *e = m->links[i].target >= 0 ? &m->elems[m->links[i].target] : NULL;
        const char *desc = e && e->alt ? e->alt : e ? e->text : NULL;
        if (desc) {
            qpdf_oh_replace_key(q, annots[i], "/Contents", qpdf_oh_new_unicode_string(q, desc));
            continue;
        }
        qpdf_oh a = qpdf_oh_get_key(q, annots[i], "/A");
        qpdf_oh uri = qpdf_oh_is_dictionary(q, a) ? qpdf_oh_get_key(q, a, "/URI") : 0;
        if (uri && qpdf_oh_is_string(q, uri))
            qpdf_oh_replace_key(q, annots[i], "/Contents", uri);
    }
}

static void build_tree(tagger *t)
{
    size_t ne = t->m->nelems;
    qpdf_oh root = make_elements(t);
    qpdf_oh *annots = link_annotations(t);
    klist *kids = collect_kids(t, annots);
    int *mcid = mcids_of(t->m, t->npages);
    for (size_t i = 0; i < ne; i++)
        write_kids(t, t->elems[i], &kids[i], mcid, annots);
    write_kids(t, t->doc, &kids[ne], mcid, annots);
    write_parent_tree(t, root, annots);
    describe_links(t, annots);
    qpdf_oh_replace_key(t->q, qpdf_get_root(t->q), "/StructTreeRoot", root);
    for (size_t i = 0; i <= ne; i++)
        free(kids[i].v);
    g_free(kids);
    g_free(mcid);
    g_free(annots);
}

/* ---- artifacts ---------------------------------------------------------------------------- */

/* cairo writes each marked-content start on a line of its own: "/Tag << /MCID n >> BDC". */
static bool placeholder_at(const char *s, const char *end, const char *tag, const char **after)
{
    size_t tl = strlen(tag);
    static const char mid[] = " << /MCID ";
    if ((size_t)(end - s) < tl + 1 + sizeof mid || s[0] != '/' ||
        memcmp(s + 1, tag, tl) != 0 || memcmp(s + 1 + tl, mid, sizeof mid - 1) != 0)
        return false;
    const char *p = s + 1 + tl + sizeof mid - 1;
    const char *digits = p;
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    static const char tail[] = " >> BDC";
    if (p == digits || (size_t)(end - p) < sizeof tail - 1 || memcmp(p, tail, sizeof tail - 1) != 0)
        return false;
    *after = p + sizeof tail - 1;
    return true;
}

/* The page's content with the artifact placeholders made /Artifact sequences. */
static GString *artifacts_marked(const unsigned char *data, size_t len)
{
    const char *s = (const char *)data, *end = s + len;
    GString *out = g_string_sized_new(len + 256);
    const char *line = s;
    while (line < end) {
        const char *after;
        if (placeholder_at(line, end, PDF_MC_PAGINATION_TAG, &after)) {
            g_string_append(out, "/Artifact << /Type /Pagination >> BDC");
            line = after;
        } else if (placeholder_at(line, end, PDF_MC_LAYOUT_TAG, &after)) {
            g_string_append(out, "/Artifact << /Type /Layout >> BDC");
            line = after;
        }
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *next = nl ? nl + 1 : end;
        g_string_append_len(out, line, next - line);
        line = next;
    }
    return out;
}

static bool mark_artifacts(tagger *t)
{
    qpdf_data q = t->q;
    for (int p = 0; p < t->npages; p++) {
        unsigned char *data = NULL;
        size_t len = 0;
        if (qpdf_oh_get_page_content_data(q, t->pages[p], &data, &len) & QPDF_ERRORS)
            return false;
        GString *s = artifacts_marked(data, len);
        free(data);
        /* cairo writes one content stream a page: its data is replaced in place (a new
         * stream object would make qpdf count every object of the file, page after page) */
        qpdf_oh st = qpdf_oh_get_key(q, t->pages[p], "/Contents");
        bool in_place = qpdf_oh_is_stream(q, st);
        if (!in_place)
            st = qpdf_oh_new_stream(q);
        qpdf_oh_replace_stream_data(q, st, (unsigned char *)s->str, s->len, qpdf_oh_new_null(q),
                                    qpdf_oh_new_null(q));
        g_string_free(s, TRUE);
        if (!in_place)
            qpdf_oh_replace_key(q, t->pages[p], "/Contents", st);
    }
    return true;
}

/* ---- document level ---------------------------------------------------------------------- */

static void iso_date(long long when, char *buf, size_t size, const char *fmt)
{
    time_t tt = (time_t)when;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, size, fmt, &tm);
}

static void xmp_alt(GString *x, const char *tag, const char *v)
{
    if (!v || !*v)
        return;
    char *e = g_markup_escape_text(v, -1);
    g_string_append_printf(x, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li>"
                              "</rdf:Alt></%s>\n", tag, e, tag);
    g_free(e);
}

static void xmp_simple(GString *x, const char *tag, const char *v)
{
    if (!v || !*v)
        return;
    char *e = g_markup_escape_text(v, -1);
    g_string_append_printf(x, "   <%s>%s</%s>\n", tag, e, tag);
    g_free(e);
}

static GString *xmp_packet(const paint_options *o, const char *lang, const char *producer)
{
    char date[32];
    iso_date(o->creation_date, date, sizeof date, "%Y-%m-%dT%H:%M:%SZ");
    GString *x = g_string_new("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                              "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                              " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                              "  <rdf:Description rdf:about=\"\"\n"
                              "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                              "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                              "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                              "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                              "   <dc:format>application/pdf</dc:format>\n");
    xmp_alt(x, "dc:title", o->title);
    if (o->author && *o->author) {
        char *e = g_markup_escape_text(o->author, -1);
        g_string_append_printf(x, "   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq>"
                                  "</dc:creator>\n", e);
        g_free(e);
    }
    xmp_alt(x, "dc:description", o->subject);
    if (lang) {
        char *e = g_markup_escape_text(lang, -1);
        g_string_append_printf(x, "   <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag>"
                                  "</dc:language>\n", e);
        g_free(e);
    }
    xmp_simple(x, "xmp:CreateDate", date);
    xmp_simple(x, "xmp:ModifyDate", date);
    xmp_simple(x, "xmp:MetadataDate", date);
    xmp_simple(x, "xmp:CreatorTool", o->creator);
    xmp_simple(x, "pdf:Producer", producer);
    xmp_simple(x, "pdf:Keywords", o->keywords);
    g_string_append(x, "   <pdfuaid:part>1</pdfuaid:part>\n"
                       "  </rdf:Description>\n"
                       " </rdf:RDF>\n"
                       "</x:xmpmeta>\n"
                       "<?xpacket end=\"w\"?>");
    return x;
}

static void document_level(tagger *t, const paint_options *o)
{
    qpdf_data q = t->q;
    qpdf_oh cat = qpdf_get_root(q);
    const char *producer = o->creator && *o->creator ? o->creator : "Livrables";

    qpdf_oh mark = qpdf_oh_new_dictionary(q);
    qpdf_oh_replace_key(q, mark, "/Marked", qpdf_oh_new_bool(q, QPDF_TRUE));
    qpdf_oh_replace_key(q, cat, "/MarkInfo", mark);
    if (t->lang)
        qpdf_oh_replace_key(q, cat, "/Lang", qpdf_oh_new_unicode_string(q, t->lang));
    qpdf_oh vp = qpdf_oh_get_key(q, cat, "/ViewerPreferences");
    if (!qpdf_oh_is_dictionary(q, vp))
        vp = qpdf_oh_new_dictionary(q);
    qpdf_oh_replace_key(q, vp, "/DisplayDocTitle", qpdf_oh_new_bool(q, QPDF_TRUE));
    qpdf_oh_replace_key(q, cat, "/ViewerPreferences", vp);

    /* cairo 1.16 starts /PageLabels at the first labelled page, but the number tree must
     * hold page 0: unlabelled pages before it get plain decimal numbers */
    qpdf_oh labels = qpdf_oh_get_key(q, cat, "/PageLabels");
    if (qpdf_oh_is_dictionary(q, labels)) {
        qpdf_oh nums = qpdf_oh_get_key(q, labels, "/Nums");
        if (!qpdf_oh_is_array(q, nums) || qpdf_oh_get_array_n_items(q, nums) < 2) {
            qpdf_oh_remove_key(q, cat, "/PageLabels");
        } else if (qpdf_oh_get_int_value(q, qpdf_oh_get_array_item(q, nums, 0)) != 0) {
            qpdf_oh decimal = qpdf_oh_new_dictionary(q);
            qpdf_oh_replace_key(q, decimal, "/S", name(q, "/D"));
            qpdf_oh_insert_item(q, nums, 0, decimal);
            qpdf_oh_insert_item(q, nums, 0, qpdf_oh_new_integer(q, 0));
        }
    }

    GString *x = xmp_packet(o, t->lang, producer);
    qpdf_oh meta = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, meta, (unsigned char *)x->str, x->len, qpdf_oh_new_null(q),
                                qpdf_oh_new_null(q));
    g_string_free(x, TRUE);
    qpdf_oh md = qpdf_oh_get_dict(q, meta);
    qpdf_oh_replace_key(q, md, "/Type", name(q, "/Metadata"));
    qpdf_oh_replace_key(q, md, "/Subtype", name(q, "/XML"));
    qpdf_oh_replace_key(q, cat, "/Metadata", meta);

    /* cairo 1.16 writes dates without their "D:" */
    char date[40];
    iso_date(o->creation_date, date, sizeof date, "D:%Y%m%d%H%M%SZ");
    qpdf_set_info_key(q, "/CreationDate", date);
    qpdf_set_info_key(q, "/ModDate", date);
    qpdf_set_info_key(q, "/Producer", producer);
}

/* ---- the whole step ----------------------------------------------------------------------- */

/* The document's language: the FO's, else the first element's, else French. */
static const char *document_lang(const pdf_marks *m, const paint_options *o)
{
    if (o->language && *o->language)
        return o->language;
    for (size_t i = 0; i < m->nelems; i++)
        if (m->elems[i].lang)
            return m->elems[i].lang;
    return "fr";
}

static bool report(qpdf_data q, bool ok, const char *name, diag *d)
{
    if (qpdf_has_error(q)) {
        qpdf_error e = qpdf_get_error(q);
        diag_error(d, name, 0, _("cannot write PDF: %s"), qpdf_get_error_full_text(q, e));
        return false;
    }
    if (!ok)
        diag_error(d, name, 0, _("cannot write PDF: tagging failed"));
    return ok;
}

/* Hands qpdf's output to the write function, in pieces it can take. */
static bool write_all(const unsigned char *buf, size_t len, cairo_write_func_t write,
                      void *closure)
{
    while (len > 0) {
        unsigned int n = len > (1u << 20) ? 1u << 20 : (unsigned int)len;
        if (write(closure, buf, n) != CAIRO_STATUS_SUCCESS)
            return false;
        buf += n;
        len -= n;
    }
    return true;
}

bool pdf_tagged_write(const unsigned char *pdf, size_t len, const pdf_marks *m,
                      const paint_options *o, cairo_write_func_t write, void *closure,
                      const char *name, diag *d)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    bool ok = (qpdf_read_memory(q, name, (const char *)pdf, len, NULL) & QPDF_ERRORS) == 0;
    tagger t = {.q = q, .m = m, .lang = document_lang(m, o)};
    if (ok) {
        t.npages = qpdf_get_num_pages(q);
        t.pages = g_new(qpdf_oh, t.npages > 0 ? t.npages : 1);
        for (int i = 0; i < t.npages; i++)
            t.pages[i] = qpdf_get_page_n(q, (size_t)i);
        /* cairo numbers its objects from 1 without gaps, so the trailer's /Size is the
         * next free number (qpdf_make_indirect_object would walk every object for it) */
        t.next_id = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Size"));
        /* first: the XMP stream, as qpdf walks every object of the file for a new stream,
         * which is cheap before the structure tree is added */
        document_level(&t, o);
        int meta_id = qpdf_oh_get_object_id(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/Metadata"));
        if (meta_id >= t.next_id)
            t.next_id = meta_id + 1;
        t.names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        build_tree(&t);
        g_hash_table_destroy(t.names);
        /* the handles made so far (tens of thousands) are no longer needed: the objects
         * live on in the document */
        qpdf_oh_release_all(q);
        for (int i = 0; i < t.npages; i++)
            t.pages[i] = qpdf_get_page_n(q, (size_t)i);
        ok = mark_artifacts(&t);
    }
    if (ok)
        ok = (qpdf_init_write_memory(q) & QPDF_ERRORS) == 0;
    if (ok) {
        qpdf_set_deterministic_ID(q, QPDF_TRUE);
        qpdf_set_object_stream_mode(q, qpdf_o_generate);
        qpdf_set_compress_streams(q, QPDF_TRUE);
        qpdf_set_decode_level(q, qpdf_dl_none);
        ok = (qpdf_write(q) & QPDF_ERRORS) == 0;
    }
    ok = report(q, ok, name, d);
    if (ok)
        ok = write_all(qpdf_get_buffer(q), qpdf_get_buffer_length(q), write, closure);
    g_free(t.pages);
    g_free(t.elems);
    qpdf_cleanup(&q);
    return ok;
}
