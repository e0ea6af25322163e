/* Unit tests of a page-sequence streamed within (fo_doc_next_page_sequence_head,
 * fo_doc_next_flow_child): children in order with their properties, lines and
 * diagnostics, the same trees as the whole-sequence face, bounded memory on a long flow;
 * and fo_node_copy. */
#define _GNU_SOURCE /* asprintf */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glob.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "fo/fo.h"
#include "support.h"

#define EPS 1e-3

typedef arena_log fixture;

static const char *messages(fixture *f)
{
    return diag_capture_text(&f->log);
}

/* ---- a small document ------------------------------------------------------------------- */

static const char small_doc[] =
    "<!DOCTYPE fo:root [<!ENTITY lieu 'Vernay'>]>"
    "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'>\n"                             /* 1 */
    "<fo:layout-master-set><fo:simple-page-master master-name='A'><fo:region-body/>"
    "</fo:simple-page-master></fo:layout-master-set>\n"                                    /* 2 */
    "<fo:page-sequence master-reference='A' font-family='serif'><fo:title>Titre</fo:title>\n"
    "<fo:static-content flow-name='xsl-region-before'><fo:block>t</fo:block>"
    "</fo:static-content>\n"                                                               /* 4 */
    "<fo:flow flow-name='xsl-region-body' font-size='14pt' text-align='center'>\n"         /* 5 */
    "  <fo:block id='a'>A</fo:block>\n"                                                    /* 6 */
    "  stray <!-- c --> text &lieu;\n"                                                     /* 7 */
    "  <fo:table id='t'><fo:table-body><fo:table-row><fo:table-cell><fo:block>c</fo:block>"
    "</fo:table-cell></fo:table-row></fo:table-body></fo:table>\n"                         /* 8 */
    "  <fo:wrapper id='w'> <fo:block>w</fo:block> </fo:wrapper>\n"                         /* 9 */
    "  <fo:blok>unknown</fo:blok><xi:include xmlns:xi='http://www.w3.org/2001/XInclude' "
    "href='s.fo'/>\n"                                                                      /* 10 */
    "  <fo:block id='b' space-before='x'>B &amp; C</fo:block>\n"                           /* 11 */
    "</fo:flow></fo:page-sequence>\n"                                                      /* 12 */
    "<fo:page-sequence master-reference='A'><fo:flow flow-name='xsl-region-body'>"
    "<fo:block id='c'/></fo:flow></fo:page-sequence>\n"                                    /* 13 */
    "<fo:page-sequence master-reference='A'><fo:flow flow-name='xsl-region-body'/>"
    "</fo:page-sequence>\n"                                                                /* 14 */
    "</fo:root>\n";

static const char small_messages[] =
    "s.fo:10: error: unknown formatting object fo:blok\n"
    "s.fo:10: warning: ignoring element 'xi:include' from namespace "
    "'http://www.w3.org/2001/XInclude'\n"
    "s.fo:11: error: invalid value 'x' for property 'space-before'\n";

/* Streams the small document, each flow child in an arena of its own destroyed at once. */
static void check_small(fixture *f, fo_doc *doc)
{
    arena *sa = arena_new();
    fo_node *ps = fo_doc_next_page_sequence_head(doc, sa);
    assert_non_null(ps);
    assert_int_equal(ps->kind, FO_PAGE_SEQUENCE);
    assert_ptr_equal(ps->parent, fo_doc_root(doc));
    assert_non_null(fo_child(ps, FO_TITLE));
    assert_non_null(fo_child(ps, FO_STATIC_CONTENT));
    const fo_node *flow = fo_child(ps, FO_FLOW);
    assert_non_null(flow);
    assert_int_equal(flow->line, 5);
    static const struct {
        fo_kind kind;
        const char *id;
        int line;
    } want[] = {{FO_BLOCK, "a", 6},   {FO_TEXT, NULL, 7},   {FO_TABLE, "t", 8},
                {FO_WRAPPER, "w", 9}, {FO_BLOCK, "b", 11}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        arena *ca = arena_new();
        fo_node *c = fo_doc_next_flow_child(doc, ca);
        assert_non_null(c);
        assert_int_equal(c->kind, want[i].kind);
        assert_int_equal(c->line, want[i].line);
        assert_ptr_equal(c->parent, flow);
        assert_null(c->next_sibling);
        if (c->kind == FO_TEXT) {
            /* joined across the comment and the entity, white space collapsed */
            assert_string_equal(c->text, " stray text Vernay ");
            assert_ptr_equal(c->props, flow->props);
        } else {
            assert_string_equal(c->props->id, want[i].id);
            /* inherited from the flow and the page-sequence */
            assert_float_equal(c->props->font_size, 14, EPS);
            assert_int_equal(c->props->text_align, FO_KW_center);
            assert_string_equal(c->props->font_family, "serif");
        }
        if (c->kind == FO_WRAPPER) /* white space next to a block is not kept */
            assert_int_equal(c->first_child->kind, FO_BLOCK);
        if (c->kind == FO_BLOCK && i == 4)
            assert_string_equal(c->first_child->text, "B & C");
        arena_destroy(ca);
    }
    assert_null(fo_doc_next_flow_child(doc, sa));
    assert_null(fo_doc_next_flow_child(doc, sa));
    /* in streaming, the flow lists no children */
    assert_null(flow->first_child);
    assert_null(flow->last_child);
    assert_string_equal(messages(f), small_messages);

    arena *sb = arena_new();
    ps = fo_doc_next_page_sequence_head(doc, sb);
    assert_non_null(ps);
    arena_destroy(sa); /* the previous sequence's arena may go before the next's children */
    fo_node *c = fo_doc_next_flow_child(doc, sb);
    assert_non_null(c);
    assert_string_equal(c->props->id, "c");
    assert_null(fo_doc_next_flow_child(doc, sb));
    /* an empty flow */
    ps = fo_doc_next_page_sequence_head(doc, sb);
    assert_non_null(ps);
    assert_int_equal(ps->last_child->kind, FO_FLOW);
    assert_int_equal(ps->last_child->line, 14);
    assert_null(fo_doc_next_flow_child(doc, sb));
    assert_null(fo_doc_next_page_sequence_head(doc, sb));
    assert_false(fo_doc_failed(doc));
    arena_destroy(sb);
    assert_string_equal(messages(f), small_messages); /* nothing reported twice */
}

static void test_children_in_order_reader(void **state)
{
    fixture *f = *state;
    fo_doc *doc = fo_doc_open_memory(small_doc, strlen(small_doc), "s.fo", f->d);
    assert_non_null(doc);
    check_small(f, doc);
    fo_doc_destroy(doc);
}

static void test_children_in_order_memory(void **state)
{
    fixture *f = *state;
    xmlDoc *xml = xmlReadMemory(small_doc, (int)strlen(small_doc), "s.fo", NULL, XML_PARSE_NONET);
    assert_non_null(xml);
    fo_doc *doc = fo_doc_open_xml(xml, "s.fo", f->d);
    assert_non_null(doc);
    check_small(f, doc);
    fo_doc_destroy(doc);
    xmlFreeDoc(xml);
}

/* The next sequence's head before the end of this one's flow skips the rest unread. */
static void test_leave_sequence_early(void **state)
{
    fixture *f = *state;
    fo_doc *doc = fo_doc_open_file(TEST_DATA_DIR "/fo/unit/three-sequences.fo", f->d);
    assert_non_null(doc);
    arena *a = arena_new();
    assert_non_null(fo_doc_next_page_sequence_head(doc, a));
    fo_node *c = fo_doc_next_flow_child(doc, a);
    assert_string_equal(c->props->id, "one");
    assert_non_null(fo_doc_next_page_sequence_head(doc, a));
    c = fo_doc_next_flow_child(doc, a);
    assert_string_equal(c->props->id, "two");
    /* and the whole face after the streaming one */
    fo_node *ps = fo_doc_next_page_sequence(doc, a);
    assert_non_null(ps);
    assert_non_null(fo_child(ps, FO_FLOW)->first_child);
    assert_string_equal(fo_child(ps, FO_FLOW)->first_child->props->id, "three");
    assert_null(fo_doc_next_page_sequence_head(doc, a));
    arena_destroy(a);
    assert_string_equal(messages(f), "");
    fo_doc_destroy(doc);
}

/* ---- the same trees as the whole-sequence face ------------------------------------------ */

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

/* The properties' values field by field (the structs' padding is garbage), strings by
 * content. */
static uint64_t h_len(uint64_t h, const fo_len *v)
{
    h = mix(h, &v->abs, sizeof v->abs);
    h = mix(h, &v->rel, sizeof v->rel);
    h = mix(h, &v->prop, sizeof v->prop);
    return mix(h, &v->kw, sizeof v->kw);
}
static uint64_t h_str(uint64_t h, const char *const *v)
{
    return *v ? mix(h, *v, strlen(*v) + 1) : mix(h, "\xff", 1);
}
static uint64_t h_line_height(uint64_t h, const fo_line_height *v)
{
    return mix(mix(h, &v->is_factor, 1), &v->value, sizeof v->value);
}
static uint64_t h_space(uint64_t h, const fo_space *v)
{
    h = h_len(h_len(h_len(h, &v->min), &v->opt), &v->max);
    return mix(mix(h, &v->discard, 1), &v->precedence, sizeof v->precedence);
}
#define H_P_LENGTH(h, v) h_len(h, v)
#define H_P_STRING(h, v) h_str(h, v)
#define H_P_LINE_HEIGHT(h, v) h_line_height(h, v)
#define H_P_SPACE(h, v) h_space(h, v)
#define H_P_FONT_SIZE(h, v) mix(h, v, sizeof *(v))
#define H_P_FONT_WEIGHT(h, v) mix(h, v, sizeof *(v))
#define H_P_COLOR(h, v) mix(h, v, sizeof *(v)) /* four floats, no padding */
#define H_P_ENUM(h, v) mix(h, v, sizeof *(v))
#define H_P_INT(h, v) mix(h, v, sizeof *(v))
#define H_P_NUMBER(h, v) mix(h, v, sizeof *(v))
#define H_P_KEEP(h, v) mix(h, v, sizeof *(v)) /* three ints */
#define H_P_DECORATION(h, v) mix(h, v, sizeof *(v))

static uint64_t props_hash(const fo_props *p)
{
    uint64_t h = 1469598103934665603ull;
#define PROP(c, name, inh, kind, init, kws) h = H_##kind(h, &p->c);
#include "fo/props.def"
#undef PROP
    return h;
}

/* One line per node: depth, kind, line, text, properties, specified bits. */
static void dump_one(FILE *out, const fo_node *n, int depth)
{
    fprintf(out, "%*s%s %d %016llx %016llx", depth, "", fo_kind_name(n->kind), n->line,
            (unsigned long long)props_hash(n->props),
            (unsigned long long)mix(0, n->specified, sizeof n->specified));
    if (n->text)
        fprintf(out, " [%.*s]", (int)n->text_len, n->text);
    fputc('\n', out);
}

static void dump(FILE *out, const fo_node *n, int depth)
{
    dump_one(out, n, depth);
    for (const fo_node *c = n->first_child; c; c = c->next_sibling)
        dump(out, c, depth + 1);
}

/* Every sequence of `doc` dumped, whole or streamed (each flow child in its own arena,
 * dumped under its flow); the diagnostics appended. */
static char *dump_doc(fo_doc *doc, bool streamed, diag_capture *log)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    for (;;) {
        arena *a = arena_new();
        fo_node *ps = streamed ? fo_doc_next_page_sequence_head(doc, a)
                               : fo_doc_next_page_sequence(doc, a);
        if (!ps) {
            arena_destroy(a);
            break;
        }
        if (!streamed) {
            dump(out, ps, 0);
        } else {
            /* the head, then the children under the flow, then what followed the flow */
            dump_one(out, ps, 0);
            const fo_node *c = ps->first_child;
            for (; c && c->kind != FO_FLOW; c = c->next_sibling)
                dump(out, c, 1);
            if (c) {
                dump_one(out, c, 1);
                for (;;) {
                    arena *ca = arena_new();
                    fo_node *child = fo_doc_next_flow_child(doc, ca);
                    if (child)
                        dump(out, child, 2);
                    arena_destroy(ca);
                    if (!child)
                        break;
                }
                for (c = c->next_sibling; c; c = c->next_sibling)
                    dump(out, c, 1);
            }
        }
        arena_destroy(a);
    }
    fprintf(out, "--\n%s", diag_capture_text(log));
    fclose(out);
    return text;
}

static char *dump_file(const char *path, int how)
{
    diag_capture log;
    diag_capture_open(&log);
    xmlDoc *xml = NULL;
    fo_doc *doc;
    if (how < 2) {
        doc = fo_doc_open_file(path, log.d);
    } else {
        xml = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
        doc = fo_doc_open_xml(xml, path, log.d);
    }
    char *text = doc ? dump_doc(doc, how % 2 == 1, &log) : strdup("");
    fo_doc_destroy(doc);
    xmlFreeDoc(xml);
    diag_capture_close(&log);
    return text;
}

static void test_stream_matches_whole(void **state)
{
    (void)state;
    glob_t g;
    assert_int_equal(glob(TEST_DATA_DIR "/layout/*.fo", 0, NULL, &g), 0);
    assert_int_not_equal(glob(TEST_DATA_DIR "/fo/unit/three-sequences.fo", GLOB_APPEND, NULL, &g),
                         GLOB_NOSPACE);
    assert_true(g.gl_pathc > 20);
    for (size_t i = 0; i < g.gl_pathc; i++) {
        /* from the file whole and streamed, from an xmlDoc whole and streamed */
        char *whole = dump_file(g.gl_pathv[i], 0);
        assert_true(strlen(whole) > 100);
        for (int how = 1; how < 4; how++) {
            char *other = dump_file(g.gl_pathv[i], how);
            if (strcmp(whole, other) != 0) {
                /* for diff(1) */
                FILE *w = fopen("/tmp/fo_stream_whole.txt", "w"), *o = fopen("/tmp/fo_stream_other.txt", "w");
                fputs(whole, w);
                fputs(other, o);
                fclose(w);
                fclose(o);
                fail_msg("%s: way %d differs from the whole sequence read from the file: diff "
                         "/tmp/fo_stream_whole.txt /tmp/fo_stream_other.txt", g.gl_pathv[i], how);
            }
            free(other);
        }
        free(whole);
    }
    globfree(&g);
}

/* ---- long flows --------------------------------------------------------------------------- */

/* Writes an FO document of one page-sequence whose flow holds `blocks` paragraphs (about
 * 200 bytes each); with `broken_at` > 0, paragraph number `broken_at` is malformed. */
static void write_book(const char *path, long blocks, long broken_at)
{
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fputs("<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'>\n"
          "<fo:layout-master-set><fo:simple-page-master master-name='A'><fo:region-body/>"
          "</fo:simple-page-master></fo:layout-master-set>\n"
          "<fo:page-sequence master-reference='A'><fo:flow flow-name='xsl-region-body'>\n",
          out);
    for (long i = 1; i <= blocks; i++)
        fprintf(out,
                "<fo:block id='p%ld' space-before='6pt' text-align='justify'>Paragraphe %ld "
                "du dossier, <fo:inline font-weight='bold'>en gras</fo:inline> puis la suite "
                "du texte de l'atelier des territoires.%s</fo:block>\n",
                i, i, i == broken_at ? "</fo:inline>" : "");
    fputs("</fo:flow></fo:page-sequence></fo:root>\n", out);
    assert_int_equal(fclose(out), 0);
}

/* Streams the document at `path`, each child in an arena destroyed at once; returns the
 * number of children. `broken`: whether the XML breaks off within the flow. */
static long stream_book(const char *path, bool broken, diag *d)
{
    fo_doc *doc = fo_doc_open_file(path, d);
    assert_non_null(doc);
    arena *sa = arena_new();
    long n = 0;
    if (fo_doc_next_page_sequence_head(doc, sa)) {
        for (;;) {
            arena *ca = arena_new();
            fo_node *c = fo_doc_next_flow_child(doc, ca);
            arena_destroy(ca);
            if (!c)
                break;
            n++;
        }
    }
    assert_int_equal(fo_doc_failed(doc), broken);
    assert_null(fo_doc_next_page_sequence_head(doc, sa));
    assert_int_equal(fo_doc_failed(doc), broken);
    arena_destroy(sa);
    fo_doc_destroy(doc);
    return n;
}

static long peak_rss_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Memory stays flat while a long flow is streamed: the process's peak after 100,000
 * paragraphs (20 MB) is that after 10,000 (2 MB), where the whole sequence would need
 * some 70 MiB more. First in this program, before other tests raise the peak. */
static void test_memory_flat_on_long_flow(void **state)
{
    fixture *f = *state;
    char dir[64];
    assert_true(scratch_new(dir, "fostream"));
    char small[96], big[96];
    snprintf(small, sizeof small, "%s/small.fo", dir);
    snprintf(big, sizeof big, "%s/big.fo", dir);
#ifdef __SANITIZE_ADDRESS__ /* which holds freed memory in quarantine: no RSS to compare */
    const long big_blocks = 20000;
    const bool check_rss = false;
#else
    const long big_blocks = 100000;
    const bool check_rss = true;
#endif
    write_book(small, 10000, 0);
    write_book(big, big_blocks, 0);
    assert_int_equal(stream_book(small, false, f->d), 10000);
    long small_peak = peak_rss_kib();
    assert_int_equal(stream_book(big, false, f->d), big_blocks);
    long growth = peak_rss_kib() - small_peak;
    if (check_rss && growth > 8 * 1024)
        fail_msg("peak memory grew by %ld KiB from 2 MB to 20 MB of flow", growth);
    assert_string_equal(messages(f), "");
    assert_int_equal(scratch_remove(dir), 0);
}

/* A malformation deep in a long flow: the children before it, one error, then nothing. */
static void test_malformed_deep_in_flow(void **state)
{
    fixture *f = *state;
    char dir[64];
    assert_true(scratch_new(dir, "fostream"));
    char path[96];
    snprintf(path, sizeof path, "%s/broken.fo", dir);
    write_book(path, 20000, 15000);
    long n = stream_book(path, true, f->d);
    assert_true(n >= 14000 && n < 15000);
    assert_int_equal(diag_error_count(f->d), 1);
    char *want = NULL;
    assert_true(asprintf(&want, "%s:15003: error: Opening and ending tag mismatch: block line "
                                "15003 and inline\n", path) > 0);
    assert_string_equal(messages(f), want);
    free(want);
    /* the whole face refuses the sequence */
    fo_doc *doc = fo_doc_open_file(path, f->d);
    arena *a = arena_new();
    assert_null(fo_doc_next_page_sequence(doc, a));
    arena_destroy(a);
    fo_doc_destroy(doc);
    assert_int_equal(scratch_remove(dir), 0);
}

/* ---- fo_node_copy ------------------------------------------------------------------------- */

static void test_node_copy(void **state)
{
    fixture *f = *state;
    const char *text =
        "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'>"
        "<fo:page-sequence master-reference='A'><fo:flow flow-name='xsl-region-body' "
        "font-size='12pt'>\n"
        "<fo:block id='h' font-family='Liberation Sans' color='red'>"
        "<fo:marker marker-class-name='chapitre'>Chapitre <fo:inline id='i' "
        "font-style='italic'>un</fo:inline><fo:character character='&#xe9;'/></fo:marker>"
        "Titre</fo:block></fo:flow></fo:page-sequence></fo:root>";
    fo_doc *doc = fo_doc_open_memory(text, strlen(text), "c.fo", f->d);
    arena *sa = arena_new(), *ca = arena_new(), *keep = arena_new();
    fo_node *ps = fo_doc_next_page_sequence_head(doc, sa);
    assert_non_null(ps);
    fo_node *block = fo_doc_next_flow_child(doc, ca);
    assert_non_null(block);
    const fo_node *marker = fo_child(block, FO_MARKER);
    char *before = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&before, &size);
    dump(out, block, 0);
    fclose(out);

    fo_node *copy = fo_node_copy(block, NULL, keep);
    fo_node *marker_copy = fo_node_copy(marker, NULL, keep);
    arena_destroy(ca); /* the originals are gone */
    assert_null(copy->parent);
    assert_null(copy->next_sibling);
    copy->parent = (fo_node *)fo_child(ps, FO_FLOW);

    char *after = NULL;
    out = open_memstream(&after, &size);
    dump(out, copy, 0);
    fclose(out);
    assert_string_equal(after, before);
    assert_string_equal(copy->props->id, "h");
    assert_string_equal(copy->props->font_family, "Liberation Sans");
    assert_float_equal(copy->props->font_size, 12, EPS);
    const fo_node *m = fo_child(copy, FO_MARKER);
    assert_ptr_equal(m->parent, copy);
    assert_string_equal(m->props->marker_class_name, "chapitre");
    /* text shares its parent's properties in the copy too */
    assert_int_equal(m->first_child->kind, FO_TEXT);
    assert_ptr_equal(m->first_child->props, m->props);
    assert_string_equal(m->first_child->text, "Chapitre ");
    const fo_node *in = fo_child(m, FO_INLINE);
    assert_string_equal(in->props->id, "i");
    assert_int_equal(in->props->font_style, FO_KW_italic);
    assert_string_equal(fo_child(m, FO_CHARACTER)->text, "\xc3\xa9");
    assert_ptr_equal(copy->last_child->kind == FO_TEXT ? copy->last_child->props : NULL,
                     copy->props);
    /* a copied marker is retrieved as the original would be */
    assert_int_equal(marker_copy->kind, FO_MARKER);
    assert_string_equal(marker_copy->first_child->next_sibling->first_child->text, "un");
    free(before);
    free(after);
    arena_destroy(sa);
    arena_destroy(keep);
    fo_doc_destroy(doc);
    assert_string_equal(messages(f), "");
}

/* Entries of a table of contents copied with one pool: the structs of equal properties are
 * stored once, those that differ (the cited id) apart, and each copy reads as its original. */
static void test_node_copy_pooled(void **state)
{
    fixture *f = *state;
    const char *text =
        "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'>"
        "<fo:page-sequence master-reference='A'><fo:flow flow-name='xsl-region-body'>\n"
        "<fo:block text-align-last='justify'>Chapitre 1<fo:leader leader-pattern='dots'/>"
        "<fo:page-number-citation ref-id='ch1'/></fo:block>\n"
        "<fo:block text-align-last='justify'>Chapitre 2<fo:leader leader-pattern='dots'/>"
        "<fo:page-number-citation ref-id='ch2'/></fo:block>"
        "</fo:flow></fo:page-sequence></fo:root>";
    fo_doc *doc = fo_doc_open_memory(text, strlen(text), "p.fo", f->d);
    arena *sa = arena_new(), *keep = arena_new();
    assert_non_null(fo_doc_next_page_sequence_head(doc, sa));
    fo_copy_pool *pool = fo_copy_pool_new(keep);
    fo_node *copies[2];
    for (int k = 0; k < 2; k++) {
        arena *ca = arena_new(); /* each entry in an arena of its own, gone after the copy */
        fo_node *entry = fo_doc_next_flow_child(doc, ca);
        if (entry && entry->kind == FO_TEXT) /* the white space between the entries */
            entry = fo_doc_next_flow_child(doc, ca);
        assert_non_null(entry);
        copies[k] = fo_node_copy_pooled(entry, NULL, keep, pool);
        arena_destroy(ca);
    }
    const fo_node *c1 = fo_child(copies[0], FO_PAGE_NUMBER_CITATION);
    const fo_node *c2 = fo_child(copies[1], FO_PAGE_NUMBER_CITATION);
    assert_ptr_equal(copies[0]->props, copies[1]->props);
    assert_ptr_equal(fo_child(copies[0], FO_LEADER)->props, fo_child(copies[1], FO_LEADER)->props);
    assert_ptr_not_equal(c1->props, c2->props);
    assert_string_equal(c1->props->ref_id, "ch1");
    assert_string_equal(c2->props->ref_id, "ch2");
    assert_string_equal(copies[1]->first_child->text, "Chapitre 2");
    assert_int_equal(copies[0]->props->text_align_last, FO_KW_justify);
    arena_destroy(sa);
    arena_destroy(keep);
    fo_doc_destroy(doc);
    assert_string_equal(messages(f), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        ARENA_LOG_TEST(test_memory_flat_on_long_flow),
        ARENA_LOG_TEST(test_children_in_order_reader),
        ARENA_LOG_TEST(test_children_in_order_memory),
        ARENA_LOG_TEST(test_leave_sequence_early),
        cmocka_unit_test(test_stream_matches_whole),
        ARENA_LOG_TEST(test_malformed_deep_in_flow),
        ARENA_LOG_TEST(test_node_copy),
        ARENA_LOG_TEST(test_node_copy_pooled),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
