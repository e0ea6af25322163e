/* Structure elements for tagged PDF: what each FO makes, following FOP's accessibility
 * (org.apache.fop.accessibility, FOToPDFRoleMap): a `role` naming a standard structure
 * type sets it; otherwise the FO's kind decides. */
#include <string.h>

#include "layout/lay_inline.h"

/* PDF 1.7 § 14.8.4 standard structure types a role may name. Private and NonStruct are
 * left out: they group nothing a reader should see. */
static const char *const standard_types[] = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR",
    "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry",
    "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure",
    "Formula", "Form",
};

static const char *standard_role(const fo_node *n)
{
    const char *r = n ? n->props->role : NULL;
    if (!r || !*r)
        return NULL;
    for (size_t i = 0; i < sizeof standard_types / sizeof *standard_types; i++)
        if (strcmp(r, standard_types[i]) == 0)
            return standard_types[i];
    return NULL;
}

/* xml:lang when it names the language in effect ("en", "fr-FR"), else "fr", "fr-FR" from
 * language and country; NULL when none is set. */
static const char *lang_of(arena *a, const fo_props *p)
{
    bool lang = p->language && *p->language && strcmp(p->language, "none") != 0;
    bool country = p->country && *p->country && strcmp(p->country, "none") != 0;
    if (p->xml_lang && *p->xml_lang) {
        size_t n = strcspn(p->xml_lang, "-_");
        if (!lang || (strlen(p->language) == n && strncmp(p->xml_lang, p->language, n) == 0))
            return p->xml_lang;
    }
    if (lang && country)
        return arena_printf(a, "%s-%s", p->language, p->country);
    return lang ? p->language : NULL;
}

/* What role="artifact" makes: content that is not part of the document's structure. */
static lay_snode artifact_node;

static bool is_artifact_role(const fo_node *n)
{
    return n && n->props->role && strcmp(n->props->role, "artifact") == 0;
}

lay_snode *lay_snode_new(lay_build *b, const fo_node *n, const char *type)
{
    if ((b->sn && !b->sn->type) || is_artifact_role(n))
        return &artifact_node;
    lay_snode *s = ARENA_NEW(b->a, lay_snode);
    const char *role = standard_role(n);
    s->type = role ? role : type;
    s->parent = b->sn;
    s->seq = b->ctx->snode_seq++;
    s->lang = n ? lang_of(b->a, n->props) : NULL;
    if (!s->lang && b->sn)
        s->lang = b->sn->lang;
    if (n && n->props->fox_alt_text && *n->props->fox_alt_text)
        s->alt = n->props->fox_alt_text;
    return s;
}

/* A block holding only blocks (floats hold blocks) groups them (Div); one with inline
 * content is a paragraph. */
static bool has_inline_content(const fo_node *n)
{
    for (const fo_node *c = n->first_child; c; c = c->next_sibling) {
        if (c->kind == FO_MARKER || c->kind == FO_FLOAT || lay_is_block_level(c))
            continue;
        if (c->kind != FO_TEXT)
            return true;
        for (size_t i = 0; i < c->text_len; i++)
            if (!strchr(" \t\r\n", c->text[i]))
                return true;
    }
    return false;
}

const lay_snode *lay_snode_block(lay_build *b, const fo_node *n)
{
    switch (n->kind) {
    case FO_BLOCK: return lay_snode_new(b, n, has_inline_content(n) ? "P" : "Div");
    case FO_BLOCK_CONTAINER: return lay_snode_new(b, n, "Div");
    case FO_LIST_BLOCK: return lay_snode_new(b, n, "L");
    case FO_TABLE: return lay_snode_new(b, n, "Table");
    case FO_TABLE_AND_CAPTION: return lay_snode_new(b, n, "Div");
    case FO_TABLE_CAPTION: return lay_snode_new(b, n, "Caption");
    default:
        return standard_role(n) || is_artifact_role(n) ? lay_snode_new(b, n, "Div") : b->sn;
    }
}

const char *lay_node_text(arena *a, const fo_node *n)
{
    char buf[256];
    size_t len = 0;
    bool space = false;
    for (const fo_node *c = n->first_child; c && len < 200; c = c->next_sibling) {
        const char *t = c->kind == FO_TEXT ? c->text : lay_node_text(a, c);
        size_t tl = c->kind == FO_TEXT ? c->text_len : (t ? strlen(t) : 0);
        for (size_t i = 0; i < tl && len < 200; i++) {
            if (strchr(" \t\r\n", t[i])) {
                space = len > 0;
                continue;
            }
            if (space)
                buf[len++] = ' ';
            space = false;
            buf[len++] = t[i];
        }
        space = space || len > 0;
    }
    return len ? arena_strndup(a, buf, len) : NULL;
}

const lay_snode *lay_snode_inline(lay_build *b, const fo_node *n, const lay_snode *parent)
{
    const lay_snode *outer = b->sn;
    b->sn = parent;
    const lay_snode *s = NULL;
    if (n->kind == FO_BASIC_LINK) {
        lay_snode *link = lay_snode_new(b, n, "Link");
        if (link->type)
            link->text = lay_node_text(b->a, n);
        s = link;
    } else if (n->kind == FO_EXTERNAL_GRAPHIC || n->kind == FO_INSTREAM_FOREIGN_OBJECT) {
        s = lay_snode_new(b, n, "Figure");
    } else if (n->kind == FO_INLINE || n->kind == FO_WRAPPER) {
        const char *lang = lang_of(b->a, n->props);
        bool other_lang = lang && (!parent || !parent->lang || strcmp(lang, parent->lang) != 0);
        if (standard_role(n) || other_lang || is_artifact_role(n))
            s = lay_snode_new(b, n, "Span");
    }
    b->sn = outer;
    return s;
}

void lay_struct_anchor(lay_galley *g, arena *a, const lay_snode *sn)
{
    if (!sn || !sn->type)
        return;
    for (size_t i = 0; i < g->boxes.n; i++)
        if (g->boxes.v[i].sn && g->boxes.v[i].sn->type)
            return;
    if (g->n == 0)
        lay_galley_item(g, 0);
    lay_box *bx = lay_boxv_push(&g->boxes, a, LAY_RECT); /* zero size: draws nothing */
    bx->sn = sn;
}

void lay_boxv_artifacts(lay_boxv *bv, size_t from, bool pagination)
{
    for (size_t i = from; i < bv->n; i++) {
        bv->v[i].sn = NULL;
        bv->v[i].pagination = pagination;
    }
}
