/* The accessibility step: the structure tree and what cairo 1.16 can't write (see
 * paint_pdf_tagged.h). cairo's file is edited as PDF objects by pdf_base (qpdf), the
 * structure tree made there as qpdf objects from what is decided here, and the whole
 * written again by qpdf without cairo's own tree. */
#include "paint/paint_pdf_tagged.h"
#include "util/i18n.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "paint/pdf_base.h"

typedef struct {
    const pdf_marks *m;
    pdf_base *b;
    int npages;
    int *annots;       /* each link's annotation in pdf_base, or -1 */
    const char *lang;
} tagger;

/* ---- the structure tree ------------------------------------------------------------------ */

/* One entry of an element's /K: a child element, a marked-content sequence or a link
 * annotation, with the keys that order it. */
enum { K_ELEM, K_MCID, K_ANNOT };
typedef struct {
    size_t painted;         /* first drawing position (marks order) */
    unsigned long seq;      /* FO order (elements) */
    int index;              /* element, mark or link index */
    unsigned char kind;     /* K_* */
    bool last;              /* TFoot: after the bodies whatever its FO position */
} kentry;

/* The /K entries of every element in one array, element after element (the document's
 * last): one allocation for hundreds of thousands of elements, not one each. */
typedef struct {
    kentry *v;
    size_t *first;     /* element i's entries: v[first[i]] to v[first[i + 1]] excluded */
    bool *has_content; /* marked content of its own: order by drawing */
} kid_table;

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

/* The effective language of element i (its own, else its parent's, else the document's). */
static const char *elem_lang(const tagger *t, int i)
{
    for (; i >= 0; i = t->m->elems[i].parent)
        if (t->m->elems[i].lang)
            return t->m->elems[i].lang;
    return t->lang;
}

/* Element i's dictionary but its /K: /Lang only where it differs from its parent's. */
static bool elem_attributes(tagger *t, int i)
{
    const pdf_elem *e = &t->m->elems[i];
    const char *lang = elem_lang(t, i);
    const char *outer = e->parent >= 0 ? elem_lang(t, e->parent) : t->lang;
    bool own_lang = lang && (!outer || strcmp(lang, outer) != 0);
    int parent = e->parent >= 0 ? e->parent : (int)t->m->nelems; /* else the Document */
    if (!pdf_base_elem_begin(t->b, i, e->type, parent, own_lang ? lang : NULL, e->alt))
        return false;
    if (e->scope || e->colspan > 1 || e->rowspan > 1)
        return pdf_base_elem_table(t->b, e->scope, e->colspan, e->rowspan);
    return true;
}

/* /K of the element begun (`i`) from its sorted entries, and its end; /Pg is the page of
 * its first marked content, which then needs no MCR dictionary. */
static bool write_kids(tagger *t, const kid_table *k, size_t i, const int *mcid)
{
    kentry *v = k->v + k->first[i];
    size_t n = k->first[i + 1] - k->first[i];
    if (n > 1)
        qsort(v, n, sizeof *v, k->has_content[i] ? by_drawing : by_fo_order);
    int pg = -1;
    for (size_t j = 0; j < n && pg < 0; j++)
        if (v[j].kind == K_MCID)
            pg = t->m->mcs[v[j].index].page;
    bool ok = pg < 0 || pdf_base_elem_page(t->b, pg);
    for (size_t j = 0; j < n && ok; j++) {
        const kentry *e = &v[j];
        if (e->kind == K_ELEM) {
            ok = pdf_base_elem_kid(t->b, e->index);
        } else if (e->kind == K_MCID) {
            int page = t->m->mcs[e->index].page;
            ok = pdf_base_elem_mcid(t->b, page == pg ? -1 : page, mcid[e->index]);
        } else {
            ok = pdf_base_elem_link(t->b, t->m->links[e->index].page, t->annots[e->index]);
        }
    }
    return ok && pdf_base_elem_end(t->b);
}

/* Link annotations cairo wrote, page by page in drawing order: the k-th of a page is the
 * k-th link drawn on it. -1 where they don't match. */
static int *link_annotations(tagger *t)
{
    const pdf_marks *m = t->m;
    int *annots = g_new(int, m->nlinks ? m->nlinks : 1);
    for (size_t i = 0; i < m->nlinks; i++)
        annots[i] = -1;
    size_t li = 0;
    for (int p = 0; p < t->npages; p++) {
        int n = pdf_base_page_links(t->b, p), k = 0;
        for (; li < m->nlinks && m->links[li].page < p; li++)
            ;
        for (; li < m->nlinks && m->links[li].page == p && k < n; li++)
            annots[li] = pdf_base_page_link(t->b, p, k++);
    }
    return annots;
}

/* Counts (first pass: `table->v` NULL, `at` the counts) or places (`at` the next free
 * slot of each element) one /K entry of element `owner`. */
static void kid_add(kid_table *table, size_t *at, size_t owner, kentry e)
{
    if (table->v)
        table->v[at[owner]] = e;
    at[owner]++;
}

/* Every /K entry, element by element in index order, then marked content, then link
 * annotations: counted, then placed (see kid_add). */
static void each_kid(const tagger *t, const size_t *painted, kid_table *table, size_t *at)
{
    const pdf_marks *m = t->m;
    size_t ne = m->nelems;
    for (size_t i = 0; i < ne; i++) {
        int p = m->elems[i].parent;
        kid_add(table, at, p >= 0 ? (size_t)p : ne,
                (kentry){painted[i], m->elems[i].seq, (int)i, K_ELEM,
                         strcmp(m->elems[i].type, "TFoot") == 0});
    }
    for (size_t i = 0; i < m->nmcs; i++) {
        int e = m->mcs[i].target;
        if (e < 0)
            continue;
        kid_add(table, at, (size_t)e, (kentry){i, 0, (int)i, K_MCID, false});
        table->has_content[e] = true;
    }
    size_t mi = 0;
    for (size_t i = 0; i < m->nlinks; i++) {
        int e = m->links[i].target;
        if (e < 0 || t->annots[i] < 0)
            continue;
        /* ordered with the link's own marked content, drawn with it */
        while (mi < m->nmcs && (m->mcs[mi].page < m->links[i].page ||
                                (m->mcs[mi].page == m->links[i].page && m->mcs[mi].target != e)))
            mi++;
        kid_add(table, at, (size_t)e, (kentry){mi, 0, (int)i, K_ANNOT, false});
    }
}

/* The /K entries of every element (the document's last), with their order keys. */
static kid_table collect_kids(const tagger *t)
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

    kid_table table = {.first = g_new0(size_t, ne + 2), .has_content = g_new0(bool, ne + 1)};
    size_t *at = g_new0(size_t, ne + 1);
    each_kid(t, painted, &table, at); /* counts */
    for (size_t i = 0; i <= ne; i++)
        table.first[i + 1] = table.first[i] + at[i];
    table.v = g_new(kentry, table.first[ne + 1] ? table.first[ne + 1] : 1);
    memcpy(at, table.first, (ne + 1) * sizeof *at);
    each_kid(t, painted, &table, at); /* places */
    g_free(at);
    g_free(painted);
    return table;
}

/* Every page gets /StructParents (its key in the ParentTree) and /Tabs /S; a link
 * annotation tied to its Link element gets the next keys, after the pages, and every one
 * a description (PDF/UA): the link's fox:alt-text, else its text, else where it goes.
 * Returns the ParentTree's next key, -1 after reporting an error. */
static int tag_pages_and_links(tagger *t)
{
    const pdf_marks *m = t->m;
    for (int p = 0; p < t->npages; p++)
        if (!pdf_base_tag_page(t->b, p, p))
            return -1;
    int next_key = t->npages;
    for (size_t i = 0; i < m->nlinks; i++) {
        if (t->annots[i] < 0)
            continue;
        const pdf_elem *e = m->links[i].target >= 0 ? &m->elems[m->links[i].target] : NULL;
        if (!pdf_base_tag_link(t->b, t->annots[i], e ? next_key++ : -1,
                               e && e->alt ? e->alt : e ? e->text : NULL))
            return -1;
    }
    return next_key;
}

/* ParentTree: page i's MCIDs under key i, link annotations after the pages. */
static bool parent_tree(tagger *t)
{
    const pdf_marks *m = t->m;
    int *elems = g_new(int, m->nmcs ? m->nmcs : 1);
    bool ok = true;
    size_t k = 0;
    for (int p = 0; p < t->npages && ok; p++) {
        size_t n = 0;
        for (; k < m->nmcs && m->mcs[k].page == p; k++)
            elems[n++] = m->mcs[k].target;
        ok = pdf_base_parent_page(t->b, p, elems, n);
    }
    g_free(elems);
    for (size_t i = 0; i < m->nlinks && ok; i++)
        if (t->annots[i] >= 0 && m->links[i].target >= 0)
            ok = pdf_base_parent_link(t->b, m->links[i].target);
    return ok;
}

/* The structure tree, element by element, and its ParentTree. */
static bool make_tree(tagger *t)
{
    size_t ne = t->m->nelems;
    kid_table kids = collect_kids(t);
    int *mcid = mcids_of(t->m, t->npages);
    bool ok = pdf_base_tree_new(t->b, (int)ne);
    for (size_t i = 0; i < ne && ok; i++)
        ok = elem_attributes(t, (int)i) && write_kids(t, &kids, i, mcid);
    ok = ok && pdf_base_elem_begin(t->b, (int)ne, "Document", -1, NULL, NULL) &&
         write_kids(t, &kids, ne, mcid) && parent_tree(t);
    g_free(kids.v);
    g_free(kids.first);
    g_free(kids.has_content);
    g_free(mcid);
    return ok;
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

/* The page's content with the artifact placeholders made /Artifact sequences; the text
 * between them copied in one piece. */
static GString *artifacts_marked(const unsigned char *data, size_t len)
{
    const char *s = (const char *)data, *end = s + len;
    GString *out = g_string_sized_new(len + 256);
    const char *copied = s; /* what is before it is in out */
    for (const char *line = s; line < end;) {
        const char *after, *artifact = NULL;
        if (placeholder_at(line, end, PDF_MC_PAGINATION_TAG, &after))
            artifact = "/Artifact << /Type /Pagination >> BDC";
        else if (placeholder_at(line, end, PDF_MC_LAYOUT_TAG, &after))
            artifact = "/Artifact << /Type /Layout >> BDC";
        if (artifact) {
            g_string_append_len(out, copied, line - copied);
            g_string_append(out, artifact);
            copied = line = after;
        }
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        line = nl ? nl + 1 : end;
    }
    g_string_append_len(out, copied, end - copied);
    return out;
}

static bool mark_artifacts(tagger *t)
{
    for (int p = 0; p < t->npages; p++) {
        unsigned char *data = NULL;
        size_t len = 0;
        if (!pdf_base_page_content(t->b, p, &data, &len))
            return false;
        GString *s = artifacts_marked(data, len);
        free(data);
        bool ok = pdf_base_set_page_content(t->b, p, s->str, s->len);
        g_string_free(s, TRUE);
        if (!ok)
            return false;
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

static bool document_level(tagger *t, const paint_options *o)
{
    const char *producer = o->creator && *o->creator ? o->creator : "Livrables";
    GString *x = xmp_packet(o, t->lang, producer);
    /* cairo 1.16 writes dates without their "D:" */
    char date[40];
    iso_date(o->creation_date, date, sizeof date, "D:%Y%m%d%H%M%SZ");
    bool ok = pdf_base_tag_document(t->b, t->lang, x->str, x->len, date, producer);
    g_string_free(x, TRUE);
    return ok;
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

/* The final file's bytes to the output's write function, in pieces it can take. */
typedef struct {
    cairo_write_func_t write;
    void *closure;
} output;

static bool to_output(void *closure, const unsigned char *buf, size_t len)
{
    const output *out = closure;
    while (len > 0) {
        unsigned int n = len > (1u << 20) ? 1u << 20 : (unsigned int)len;
        if (out->write(out->closure, buf, n) != CAIRO_STATUS_SUCCESS)
            return false;
        buf += n;
        len -= n;
    }
    return true;
}

/* cairo's file edited (pages, links, artifacts, catalog) and the structure tree made;
 * returns the ParentTree's next key, or -1 after reporting an error. */
static int edit(tagger *t, const paint_options *o)
{
    t->npages = pdf_base_npages(t->b);
    t->annots = link_annotations(t);
    int next_key = tag_pages_and_links(t);
    if (next_key < 0 || !mark_artifacts(t) || !document_level(t, o) || !make_tree(t))
        return -1;
    return next_key;
}

bool pdf_tagged_write(const unsigned char *pdf, size_t len, const pdf_marks *m,
                      const paint_options *o, cairo_write_func_t write, void *closure,
                      const char *name, diag *d)
{
    tagger t = {.m = m, .lang = document_lang(m, o)};
    t.b = pdf_base_open(pdf, len, (int)m->nelems, name, d);
    if (!t.b)
        return false;
    int next_key = edit(&t, o);
    output out = {write, closure};
    bool ok = next_key >= 0 && pdf_base_write(t.b, next_key, to_output, &out);
    g_free(t.annots);
    pdf_base_destroy(t.b);
    return ok;
}
