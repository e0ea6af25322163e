/* Unit tests of gen/fo: building trees from FO documents, white space, diagnostics,
 * foreign objects, metadata and streaming page-sequences. */
#define _GNU_SOURCE /* asprintf */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fo/fo.h"
#include "support.h"

#define EPS 1e-3
#define FO_OPEN "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\">"

typedef arena_log fixture;

static const char *messages(fixture *f)
{
    return diag_capture_text(&f->log);
}

/* Parses `flow` as the content of an fo:flow (line 1 is the fo:root start tag). */
static fo_node *parse_flow(fixture *f, const char *flow)
{
    char *doc = NULL;
    int n = asprintf(&doc,
                     FO_OPEN "\n<fo:layout-master-set><fo:simple-page-master master-name=\"A\">"
                             "<fo:region-body/></fo:simple-page-master></fo:layout-master-set>\n"
                             "<fo:page-sequence master-reference=\"A\">"
                             "<fo:flow flow-name=\"xsl-region-body\">\n%s</fo:flow>"
                             "</fo:page-sequence></fo:root>",
                     flow);
    assert_true(n > 0);
    fo_node *root = fo_parse_memory(doc, (size_t)n, "t.fo", f->a, f->d);
    free(doc);
    return root;
}

static const fo_node *find_id(const fo_node *n, const char *id)
{
    for (; n; n = n->next_sibling) {
        if (n->kind != FO_TEXT && strcmp(n->props->id, id) == 0)
            return n;
        const fo_node *hit = find_id(n->first_child, id);
        if (hit)
            return hit;
    }
    return NULL;
}

/* The concatenated text of a node's text children, with '|' between nodes. */
static const char *texts(fixture *f, const fo_node *n)
{
    char *s = arena_strdup(f->a, "");
    for (const fo_node *c = n->first_child; c; c = c->next_sibling)
        s = arena_printf(f->a, "%s%s%s", s, *s ? "|" : "",
                         c->kind == FO_TEXT ? c->text : fo_kind_name(c->kind));
    return s;
}

/* ---- structure ---------------------------------------------------------------------------- */

static void test_tree_structure(void **state)
{
    fixture *f = *state;
    fo_node *root = parse_flow(f, "<fo:block id=\"b\" font-size=\"10pt\">Hello <fo:inline "
                                  "font-weight=\"bold\">bold</fo:inline> world</fo:block>\n");
    assert_non_null(root);
    assert_int_equal(root->kind, FO_ROOT);
    const fo_node *lms = fo_child(root, FO_LAYOUT_MASTER_SET);
    assert_non_null(lms);
    assert_int_equal(lms->line, 2);
    const fo_node *ps = fo_child(root, FO_PAGE_SEQUENCE);
    assert_non_null(ps);
    assert_string_equal(ps->props->master_reference, "A");
    const fo_node *flow = fo_child(ps, FO_FLOW);
    assert_non_null(flow);
    /* whitespace-only text in the flow is dropped */
    assert_string_equal(texts(f, flow), "block");
    const fo_node *b = find_id(root, "b");
    assert_non_null(b);
    assert_int_equal(b->line, 4);
    assert_ptr_equal(fo_ancestor(b, FO_PAGE_SEQUENCE), ps);
    assert_null(fo_ancestor(b, FO_TABLE));
    assert_string_equal(texts(f, b), "Hello |inline| world");
    const fo_node *in = fo_child(b, FO_INLINE);
    assert_int_equal(in->props->font_weight, 700);
    assert_float_equal(in->props->font_size, 10, EPS);
    /* text nodes share their parent's props */
    assert_ptr_equal(in->first_child->props, in->props);
    assert_string_equal(messages(f), "");
}

static void test_props_shared(void **state)
{
    fixture *f = *state;
    fo_node *root = parse_flow(f, "<fo:block id=\"a\"><fo:block space-after=\"6pt\">x</fo:block>"
                                  "<fo:block space-after=\"6pt\">y</fo:block>"
                                  "<fo:block space-after=\"7pt\">z</fo:block></fo:block>");
    const fo_node *a = find_id(root, "a");
    const fo_node *x = a->first_child, *y = x->next_sibling, *z = y->next_sibling;
    assert_ptr_equal(x->props, y->props);
    assert_ptr_not_equal(y->props, z->props);
}

/* ---- white space --------------------------------------------------------------------------- */

static void test_whitespace(void **state)
{
    fixture *f = *state;
    fo_node *root = parse_flow(
        f, "<fo:block id=\"a\">  one\n   two\t three  </fo:block>\n"
           "<fo:block id=\"b\" linefeed-treatment=\"preserve\">one  \n  two</fo:block>\n"
           "<fo:block id=\"c\" linefeed-treatment=\"ignore\">on\ne</fo:block>\n"
           "<fo:block id=\"d\" white-space-collapse=\"false\">a   b\nc</fo:block>\n"
           "<fo:block id=\"e\" white-space=\"pre\">  x\n  y</fo:block>\n"
           "<fo:block id=\"f\"><fo:inline>a</fo:inline>\n  <fo:inline>b</fo:inline></fo:block>\n"
           "<fo:list-block id=\"g\">\n  <fo:list-item>\n <fo:list-item-label><fo:block/>"
           "</fo:list-item-label>\n<fo:list-item-body><fo:block/></fo:list-item-body>"
           "</fo:list-item>\n</fo:list-block>\n"
           "<fo:block id=\"h\">a<!-- comment -->b&amp;c<![CDATA[<d>]]></fo:block>\n"
           "<fo:block id=\"i\" linefeed-treatment=\"treat-as-zero-width-space\">a\nb</fo:block>\n"
           "<fo:block id=\"j\">\n  <fo:block>x</fo:block>\n  <fo:block>y</fo:block> z\n</fo:block>\n"
           "<fo:wrapper id=\"k\">\n  <fo:block>x</fo:block>\n</fo:wrapper>\n");
    assert_string_equal(texts(f, find_id(root, "a")), " one two three ");
    assert_string_equal(texts(f, find_id(root, "b")), "one\ntwo");
    assert_string_equal(texts(f, find_id(root, "c")), "one");
    assert_string_equal(texts(f, find_id(root, "d")), "a   b c");
    assert_string_equal(texts(f, find_id(root, "e")), "  x\n  y");
    assert_string_equal(texts(f, find_id(root, "f")), "inline| |inline");
    const fo_node *g = find_id(root, "g");
    assert_string_equal(texts(f, g), "list-item");
    assert_string_equal(texts(f, g->first_child), "list-item-label|list-item-body");
    assert_string_equal(texts(f, find_id(root, "h")), "ab&c<d>");
    assert_string_equal(texts(f, find_id(root, "i")), "a\xe2\x80\x8b" "b");
    /* blank text next to blocks is dropped, other text is kept */
    assert_string_equal(texts(f, find_id(root, "j")), "block|block| z ");
    assert_string_equal(texts(f, find_id(root, "k")), "block");
    assert_string_equal(messages(f), "");
}

/* ---- special content -------------------------------------------------------------------------- */

static void test_character_and_foreign_object(void **state)
{
    fixture *f = *state;
    fo_node *root = parse_flow(
        f, "<fo:block id=\"a\">x<fo:character character=\"\xc3\xa9\"/></fo:block>\n"
           "<fo:block><fo:instream-foreign-object id=\"svg\">\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
           "<rect width=\"5\" height=\"5\"/></svg></fo:instream-foreign-object></fo:block>\n");
    const fo_node *ch = fo_child(find_id(root, "a"), FO_CHARACTER);
    assert_non_null(ch);
    assert_string_equal(ch->text, "\xc3\xa9");
    const fo_node *ifo = find_id(root, "svg");
    assert_non_null(ifo->text);
    assert_non_null(strstr(ifo->text, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(ifo->text, "<rect width=\"5\" height=\"5\"/>"));
    assert_int_equal(ifo->text_len, strlen(ifo->text));
    assert_null(ifo->first_child);
    assert_string_equal(messages(f), "");
}

static void test_prefixed_svg(void **state)
{
    fixture *f = *state;
    const char *doc =
        "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" "
        "xmlns:svg=\"http://www.w3.org/2000/svg\"><fo:page-sequence master-reference=\"A\">"
        "<fo:flow flow-name=\"b\"><fo:block><fo:instream-foreign-object id=\"i\">"
        "<svg:svg width=\"1\"><svg:g/></svg:svg></fo:instream-foreign-object></fo:block>"
        "</fo:flow></fo:page-sequence></fo:root>";
    fo_node *root = fo_parse_memory(doc, strlen(doc), "t.fo", f->a, f->d);
    const fo_node *ifo = find_id(root, "i");
    assert_non_null(ifo);
    /* the namespace declared on fo:root is carried into the serialized document */
    assert_non_null(strstr(ifo->text, "xmlns:svg=\"http://www.w3.org/2000/svg\""));
}

/* ---- diagnostics ------------------------------------------------------------------------------- */

static void test_element_diagnostics(void **state)
{
    fixture *f = *state;
    fo_node *root = parse_flow(
        f, "<fo:blok>lost</fo:blok>\n"
           "<fo:block xmlns:fox=\"http://xmlgraphics.apache.org/fop/extensions\" "
           "fox:x=\"1\"><fox:destination internal-destination=\"x\"/>kept</fo:block>\n"
           "<fo:block fonts-size=\"3pt\" z-index=\"1\" space-before.optimum=\"x\">y</fo:block>\n"
           "<fo:multi-switch>f</fo:multi-switch>\n");
    assert_non_null(root);
    assert_string_equal(
        messages(f),
        "t.fo:4: error: unknown formatting object fo:blok\n"
        "t.fo:5: warning: ignoring element 'fox:destination' from namespace "
        "'http://xmlgraphics.apache.org/fop/extensions'\n"
        "t.fo:6: warning: unknown property 'fonts-size' on fo:block\n"
        "t.fo:6: error: invalid value 'x' for property 'space-before'\n"
        "t.fo:7: warning: unsupported formatting object fo:multi-switch ignored\n");
    const fo_node *flow = fo_child(fo_child(root, FO_PAGE_SEQUENCE), FO_FLOW);
    assert_string_equal(texts(f, flow), "block|block");
    assert_string_equal(texts(f, flow->first_child), "kept");
}

static void test_malformed_memory(void **state)
{
    fixture *f = *state;
    const char *doc = FO_OPEN "\n<fo:block>\n</fo:inline></fo:root>";
    assert_null(fo_parse_memory(doc, strlen(doc), "bad.fo", f->a, f->d));
    assert_string_equal(messages(f),
                        "bad.fo:3: error: Opening and ending tag mismatch: block line 2 and "
                        "inline\n");
    const char *other = "<html/>";
    assert_null(fo_parse_memory(other, strlen(other), "o.fo", f->a, f->d));
    assert_non_null(strstr(messages(f), "o.fo:1: error: the root element is not fo:root\n"));
}

static void test_malformed_file(void **state)
{
    fixture *f = *state;
    /* The reader parses ahead: a small file fails at open, a large one while streaming. */
    fo_doc *doc = fo_doc_open_file(TEST_DATA_DIR "/fo/unit/malformed.fo", f->d);
    if (doc)
        assert_null(fo_doc_next_page_sequence(doc, f->a));
    assert_true(diag_error_count(f->d) > 0);
    assert_non_null(strstr(messages(f), "/fo/unit/malformed.fo:8: error: Opening and ending "
                                        "tag mismatch: block line 8 and inline\n"));
    fo_doc_destroy(doc);
    assert_null(fo_doc_open_file(TEST_DATA_DIR "/fo/unit/missing.fo", f->d));
    assert_non_null(strstr(messages(f), "missing.fo: error: cannot open: No such file"));
    fo_doc_destroy(NULL);
}

/* ---- streaming ------------------------------------------------------------------------------- */

static void check_stream(fixture *f, fo_doc *doc)
{
    static const char *const ids[] = {"one", "two", "three"};
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < 3; i++) {
            arena *a = arena_new();
            fo_node *ps = fo_doc_next_page_sequence(doc, a);
            assert_non_null(ps);
            assert_int_equal(ps->kind, FO_PAGE_SEQUENCE);
            assert_ptr_equal(ps->parent, fo_doc_root(doc));
            assert_non_null(find_id(ps, ids[i]));
            if (i == 0) {
                assert_float_equal(find_id(ps, "one")->props->font_size, 10, EPS);
                assert_non_null(fo_child(ps, FO_TITLE));
            }
            if (i == 1)
                assert_non_null(find_id(ps, "two-b"));
            /* inherited from fo:root */
            assert_string_equal(ps->props->language, "fr");
            arena_destroy(a);
        }
        arena *a = arena_new();
        assert_null(fo_doc_next_page_sequence(doc, a));
        arena_destroy(a);
        assert_true(fo_doc_rewind(doc));
    }
    const fo_node *root = fo_doc_root(doc);
    assert_non_null(fo_child(root, FO_LAYOUT_MASTER_SET));
    assert_non_null(fo_child(root, FO_DECLARATIONS));
    assert_null(fo_child(root, FO_PAGE_SEQUENCE));
    const fo_node *a4 = fo_doc_master(doc, "A4");
    assert_non_null(a4);
    assert_int_equal(a4->kind, FO_SIMPLE_PAGE_MASTER);
    assert_float_equal(a4->props->page_width.abs, 595.2756, EPS);
    assert_float_equal(a4->props->margin_left.abs, 56.6929, EPS);
    assert_float_equal(a4->props->margin_top.abs, 28.3465, EPS);
    assert_float_equal(fo_child(a4, FO_REGION_BODY)->props->margin_top.abs, 28.3465, EPS);
    assert_int_equal(fo_doc_master(doc, "any")->kind, FO_PAGE_SEQUENCE_MASTER);
    assert_null(fo_doc_master(doc, "none"));
    const fo_metadata *m = fo_doc_metadata(doc);
    assert_string_equal(m->title, "Atelier des territoires");
    assert_string_equal(m->author, "DDT");
    assert_string_equal(m->subject, "Synth\xc3\xa8se");
    assert_string_equal(m->keywords, "atelier, territoire");
    assert_string_equal(m->language, "fr");
    assert_string_equal(messages(f), "");
}

static void test_stream_file(void **state)
{
    fixture *f = *state;
    fo_doc *doc = fo_doc_open_file(TEST_DATA_DIR "/fo/unit/three-sequences.fo", f->d);
    assert_non_null(doc);
    assert_string_equal(fo_doc_path(doc), TEST_DATA_DIR "/fo/unit/three-sequences.fo");
    check_stream(f, doc);
    fo_doc_destroy(doc);
}

static void test_stream_memory(void **state)
{
    fixture *f = *state;
    xmlDoc *xml = xmlReadFile(TEST_DATA_DIR "/fo/unit/three-sequences.fo", NULL, XML_PARSE_NONET);
    assert_non_null(xml);
    fo_doc *doc = fo_doc_open_xml(xml, "mem.fo", f->d);
    assert_non_null(doc);
    assert_string_equal(fo_doc_path(doc), "mem.fo");
    check_stream(f, doc);
    fo_doc_destroy(doc);
    xmlFreeDoc(xml);
}

static void test_fallback_title(void **state)
{
    fixture *f = *state;
    const char *text = FO_OPEN "<fo:page-sequence master-reference=\"A\"><fo:title>The "
                               "<fo:inline>title</fo:inline></fo:title><fo:flow flow-name=\"b\"/>"
                               "</fo:page-sequence></fo:root>";
    xmlDoc *xml = xmlReadMemory(text, (int)strlen(text), "t.fo", NULL, 0);
    fo_doc *doc = fo_doc_open_xml(xml, "t.fo", f->d);
    assert_null(fo_doc_metadata(doc)->title);
    assert_non_null(fo_doc_next_page_sequence(doc, f->a));
    assert_string_equal(fo_doc_metadata(doc)->title, "The title");
    fo_doc_destroy(doc);
    xmlFreeDoc(xml);
}

/* ---- markers -------------------------------------------------------------------------------- */

static void test_marker_clone_inherits_from_retrieve_marker(void **state)
{
    fixture *f = *state;
    fo_node *root = parse_flow(
        f, "<fo:block id='h' font-size='24pt' font-weight='bold' color='red' margin-left='1cm'>"
           "<fo:marker marker-class-name='c'>Title <fo:inline id='i' font-style='italic'>x"
           "</fo:inline><fo:block id='b' margin-left='5pt'>sub</fo:block>"
           "<fo:inline id='big' font-size='30pt'>y</fo:inline></fo:marker>Title</fo:block>"
           "<fo:block id='hdr' font-size='8pt' color='blue' start-indent='2pt'>"
           "<fo:retrieve-marker id='rm' retrieve-class-name='c'/></fo:block>");
    assert_non_null(root);
    const fo_node *h = find_id(root, "h"), *rm = find_id(root, "rm");
    const fo_node *marker = fo_child(h, FO_MARKER);
    assert_non_null(marker);
    /* in place, the marker's children inherit from the heading */
    assert_float_equal(find_id(root, "i")->props->font_size, 24, EPS);
    fo_node *c = fo_marker_clone(marker, rm, f->a);
    assert_ptr_equal(c->props, rm->props);
    assert_string_equal(texts(f, c), "Title |inline|block|inline");
    const fo_node *i = find_id(c->first_child, "i"), *b = find_id(c->first_child, "b");
    const fo_node *big = find_id(c->first_child, "big");
    assert_non_null(i);
    assert_ptr_equal(i->parent, c);
    assert_float_equal(i->props->font_size, 8, EPS);   /* from the header, not 24pt */
    assert_int_equal(i->props->font_weight, 400);        /* not bold */
    assert_float_equal(i->props->color.b, 1, EPS);       /* blue */
    assert_int_equal(i->props->font_style, FO_KW_italic); /* its own value stays */
    assert_float_equal(big->props->font_size, 30, EPS);
    /* margins made into indents move with the new parent: 2pt + 5pt */
    assert_float_equal(b->props->start_indent.abs, 7, EPS);
    assert_string_equal(b->first_child->text, "sub");
    assert_ptr_equal(b->first_child->props, b->props);
    /* the original tree is untouched */
    assert_float_equal(find_id(root, "i")->props->font_size, 24, EPS);
}

static void test_int_keywords(void **state)
{
    fixture *f = *state;
    assert_int_equal(fo_int_kw(3), FO_KW_UNSET);
    assert_int_equal(fo_int_kw(FO_INT_KW(FO_KW_no_limit)), FO_KW_no_limit);
    fo_node *root = parse_flow(f, "<fo:block/>");
    assert_non_null(root);
    char doc[] = FO_OPEN "<fo:layout-master-set><fo:simple-page-master master-name='A'>"
                         "<fo:region-body/></fo:simple-page-master>"
                         "<fo:page-sequence-master master-name='M'>"
                         "<fo:repeatable-page-master-reference master-reference='A' "
                         "maximum-repeats='no-limit'/></fo:page-sequence-master>"
                         "</fo:layout-master-set><fo:page-sequence master-reference='A' "
                         "initial-page-number='auto-odd'><fo:flow flow-name='xsl-region-body'>"
                         "<fo:block/></fo:flow></fo:page-sequence>"
                         "<fo:page-sequence master-reference='A' initial-page-number='7'>"
                         "<fo:flow flow-name='xsl-region-body'><fo:block/></fo:flow>"
                         "</fo:page-sequence></fo:root>";
    root = fo_parse_memory(doc, strlen(doc), "t.fo", f->a, f->d);
    assert_non_null(root);
    const fo_node *lms = fo_child(root, FO_LAYOUT_MASTER_SET);
    const fo_node *rep = fo_child(fo_child(lms, FO_PAGE_SEQUENCE_MASTER),
                                  FO_REPEATABLE_PAGE_MASTER_REFERENCE);
    assert_int_equal(fo_int_kw(rep->props->maximum_repeats), FO_KW_no_limit);
    const fo_node *ps = fo_child(root, FO_PAGE_SEQUENCE);
    assert_int_equal(fo_int_kw(ps->props->initial_page_number), FO_KW_auto_odd);
    ps = ps->next_sibling;
    while (ps && ps->kind != FO_PAGE_SEQUENCE)
        ps = ps->next_sibling;
    assert_non_null(ps);
    assert_int_equal(ps->props->initial_page_number, 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        ARENA_LOG_TEST(test_tree_structure),
        ARENA_LOG_TEST(test_props_shared),
        ARENA_LOG_TEST(test_whitespace),
        ARENA_LOG_TEST(test_character_and_foreign_object),
        ARENA_LOG_TEST(test_prefixed_svg),
        ARENA_LOG_TEST(test_element_diagnostics),
        ARENA_LOG_TEST(test_malformed_memory),
        ARENA_LOG_TEST(test_malformed_file),
        ARENA_LOG_TEST(test_stream_file),
        ARENA_LOG_TEST(test_stream_memory),
        ARENA_LOG_TEST(test_fallback_title),
        ARENA_LOG_TEST(test_marker_clone_inherits_from_retrieve_marker),
        ARENA_LOG_TEST(test_int_keywords),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
