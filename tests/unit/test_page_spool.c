/* The page spool (pages written to a temporary file and read back, every box kind) and
 * pages made before the numbers they cite are known, their static content laid out again
 * once their sequence's arena is gone (lay_remake). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "render/page_spool.h"
#include "text/text.h"

static const lay_glyph glyphs[] = {{36, 0, 0}, {37, 6.5, 0}, {38, 13, 0.5}};
static const lay_cluster clusters[] = {{1, 1}, {2, 1}, {1, 1}};
static const unsigned char png_bytes[] = {0x89, 'P', 'N', 'G', 0, 1, 2, 3};
static const char svg[] = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>";

/* A page with one box of each kind, structure elements two deep, an image of each source. */
static void sample_page(lay_page *pg, lay_box *boxes, lay_snode *sn, lay_image *im)
{
    sn[0] = (lay_snode){.type = "Document", .seq = 1, .lang = "fr"};
    sn[1] = (lay_snode){.type = "TH", .parent = &sn[0], .seq = 2, .scope = "Column",
                        .colspan = 2, .rowspan = 1, .alt = "en-tête"};
    sn[2] = (lay_snode){.type = "Link", .parent = &sn[1], .seq = 3, .text = "lien"};
    im[0] = (lay_image){.kind = LAY_IMAGE_PNG, .path = "/tmp/x.png", .intrinsic_width = 10,
                        .intrinsic_height = 20};
    im[1] = (lay_image){.kind = LAY_IMAGE_SVG_INLINE, .svg_data = svg, .svg_len = strlen(svg)};
    im[2] = (lay_image){.kind = LAY_IMAGE_PNG, .bytes = png_bytes, .nbytes = sizeof png_bytes};
    memset(boxes, 0, 9 * sizeof *boxes);
    boxes[0] = (lay_box){.kind = LAY_TEXT, .x = 1, .y = 2, .w = 3, .h = 4, .sn = &sn[1], .rot = 1};
    boxes[0].u.text = (lay_text_run){.font = (cairo_scaled_font_t *)(uintptr_t)0x1234,
                                     .size = 11, .family = "Liberation Serif",
                                     .color = {0.1f, 0.2f, 0.3f, 1}, .glyphs = glyphs,
                                     .nglyphs = 3, .utf8 = "Ééa", .utf8_len = 4,
                                     .clusters = clusters, .nclusters = 3};
    boxes[1] = (lay_box){.kind = LAY_RECT, .x = 5, .pagination = true};
    boxes[1].u.rect.color = (lay_color){1, 0, 0, 0.5f};
    boxes[2] = (lay_box){.kind = LAY_LINE, .w = 100, .sn = &sn[0]};
    boxes[2].u.line.thickness = 0.5;
    boxes[2].u.line.style = LAY_STYLE_DASHED;
    for (int k = 0; k < 3; k++) {
        boxes[3 + k] = (lay_box){.kind = LAY_IMAGE, .w = 10, .h = 10, .sn = &sn[1]};
        boxes[3 + k].u.image.image = &im[k];
        boxes[3 + k].u.image.clip = k == 1;
        boxes[3 + k].u.image.clip_w = 7;
    }
    boxes[6] = (lay_box){.kind = LAY_LINK, .sn = &sn[2]};
    boxes[6].u.link.uri = "https://example.org";
    boxes[7] = (lay_box){.kind = LAY_LINK, .sn = &sn[2]};
    boxes[7].u.link.dest = "sec2";
    boxes[8] = (lay_box){.kind = LAY_DEST, .y = 30};
    boxes[8].u.link.dest = "sec2";
    *pg = (lay_page){.width = 595, .height = 842, .number = 7, .label = "vii",
                     .title = "Chapitre", .boxes = boxes, .nboxes = 9};
}

static void assert_same_str(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void assert_same_snode(const lay_snode *a, const lay_snode *b)
{
    if (!a || !b) {
        assert_ptr_equal(a, b);
        return;
    }
    assert_ptr_not_equal(a, b);
    assert_same_str(a->type, b->type);
    assert_int_equal(a->seq, b->seq);
    assert_same_str(a->lang, b->lang);
    assert_same_str(a->alt, b->alt);
    assert_same_str(a->scope, b->scope);
    assert_same_str(a->text, b->text);
    assert_int_equal(a->colspan, b->colspan);
    assert_int_equal(a->rowspan, b->rowspan);
    assert_same_snode(a->parent, b->parent);
}

static void assert_same_page(const lay_page *a, const lay_page *b)
{
    assert_true(a->width == b->width && a->height == b->height);
    assert_int_equal(a->number, b->number);
    assert_same_str(a->label, b->label);
    assert_same_str(a->title, b->title);
    assert_int_equal(a->nboxes, b->nboxes);
    for (size_t i = 0; i < a->nboxes; i++) {
        const lay_box *x = &a->boxes[i], *y = &b->boxes[i];
        assert_int_equal(x->kind, y->kind);
        assert_true(x->x == y->x && x->y == y->y && x->w == y->w && x->h == y->h);
        assert_int_equal(x->rot, y->rot);
        assert_int_equal(x->pagination, y->pagination);
        assert_same_snode(x->sn, y->sn);
        switch (x->kind) {
        case LAY_TEXT:
            assert_ptr_equal(x->u.text.font, y->u.text.font); /* the engine's, as it is */
            assert_ptr_equal(x->u.text.family, y->u.text.family);
            assert_true(x->u.text.size == y->u.text.size);
            assert_memory_equal(&x->u.text.color, &y->u.text.color, sizeof x->u.text.color);
            assert_int_equal(x->u.text.nglyphs, y->u.text.nglyphs);
            assert_ptr_not_equal(x->u.text.glyphs, y->u.text.glyphs);
            assert_memory_equal(x->u.text.glyphs, y->u.text.glyphs,
                                (size_t)x->u.text.nglyphs * sizeof *x->u.text.glyphs);
            assert_int_equal(x->u.text.utf8_len, y->u.text.utf8_len);
            assert_memory_equal(x->u.text.utf8, y->u.text.utf8, (size_t)x->u.text.utf8_len);
            assert_int_equal(x->u.text.nclusters, y->u.text.nclusters);
            assert_memory_equal(x->u.text.clusters, y->u.text.clusters,
                                (size_t)x->u.text.nclusters * sizeof *x->u.text.clusters);
            break;
        case LAY_RECT:
            assert_memory_equal(&x->u.rect, &y->u.rect, sizeof x->u.rect);
            break;
        case LAY_LINE:
            assert_memory_equal(&x->u.line, &y->u.line, sizeof x->u.line);
            break;
        case LAY_IMAGE: {
            const lay_image *p = x->u.image.image, *q = y->u.image.image;
            assert_ptr_not_equal(p, q);
            assert_int_equal(p->kind, q->kind);
            assert_same_str(p->path, q->path);
            assert_int_equal(p->svg_len, q->svg_len);
            if (p->svg_data)
                assert_memory_equal(p->svg_data, q->svg_data, p->svg_len);
            else
                assert_null(q->svg_data);
            assert_int_equal(p->nbytes, q->nbytes);
            if (p->bytes)
                assert_memory_equal(p->bytes, q->bytes, p->nbytes);
            else
                assert_null(q->bytes);
            assert_true(p->intrinsic_width == q->intrinsic_width &&
                        p->intrinsic_height == q->intrinsic_height);
            assert_int_equal(x->u.image.clip, y->u.image.clip);
            assert_true(x->u.image.clip_w == y->u.image.clip_w);
            break;
        }
        case LAY_LINK:
        case LAY_DEST:
            assert_same_str(x->u.link.uri, y->u.link.uri);
            assert_same_str(x->u.link.dest, y->u.link.dest);
            break;
        }
    }
}

static void test_spool_round_trip_every_box_kind(void **state)
{
    (void)state;
    lay_page pg;
    lay_box boxes[9];
    lay_snode sn[3];
    lay_image im[3];
    sample_page(&pg, boxes, sn, im);
    lay_page empty = {.width = 100, .height = 200, .number = 8, .label = "viii"};
    page_spool *sp = page_spool_new();
    assert_non_null(sp);
    page_spool_ref r1, r2, r3;
    assert_true(page_spool_write(sp, &pg, &r1));
    assert_true(page_spool_write(sp, &empty, &r2));
    assert_true(page_spool_write(sp, &pg, &r3));
    assert_int_equal(page_spool_size(sp), r1.len + r2.len + r3.len);
    /* read back out of order, into an arena of their own */
    arena *a = arena_new();
    lay_page back[3];
    assert_true(page_spool_read(sp, r3, a, &back[2]));
    assert_true(page_spool_read(sp, r1, a, &back[0]));
    assert_true(page_spool_read(sp, r2, a, &back[1]));
    assert_same_page(&pg, &back[0]);
    assert_same_page(&empty, &back[1]);
    assert_same_page(&pg, &back[2]);
    /* the elements one page shares are one object once read back */
    assert_ptr_equal(back[0].boxes[0].sn, back[0].boxes[3].sn);
    assert_ptr_equal(back[0].boxes[2].sn, back[0].boxes[0].sn->parent);
    arena_destroy(a);
    page_spool_destroy(sp);
}

/* ---- pages made before the numbers they cite are known ---------------------------------- */

/* Two sequences: the first's footer cites the last page of the second ("page n / N"), its
 * header retrieves markers. */
static const char two_seq[] =
    "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'><fo:layout-master-set>"
    "<fo:simple-page-master master-name='p' page-width='200pt' page-height='200pt'>"
    "<fo:region-body margin='30pt'/><fo:region-before extent='20pt'/>"
    "<fo:region-after extent='20pt'/></fo:simple-page-master></fo:layout-master-set>"
    "<fo:page-sequence master-reference='p'>"
    "<fo:static-content flow-name='xsl-region-before'><fo:block>H <fo:retrieve-marker "
    "retrieve-class-name='c'/></fo:block></fo:static-content>"
    "<fo:static-content flow-name='xsl-region-after'><fo:block>P <fo:page-number/> / "
    "<fo:page-number-citation-last ref-id='fin'/></fo:block></fo:static-content>"
    "<fo:flow flow-name='xsl-region-body'>"
    "<fo:block><fo:marker marker-class-name='c'>Mun</fo:marker>Un</fo:block>"
    "<fo:block break-before='page'><fo:marker marker-class-name='c'>Mdeux</fo:marker>Deux"
    "</fo:block></fo:flow></fo:page-sequence>"
    "<fo:page-sequence master-reference='p' id='fin'><fo:flow flow-name='xsl-region-body'>"
    "<fo:block>Trois</fo:block><fo:block break-before='page'>Quatre</fo:block></fo:flow>"
    "</fo:page-sequence></fo:root>";

/* Whether the page's text, its runs joined with '|', holds `text`. */
static bool page_has(const lay_page *pg, const char *text)
{
    char buf[4096];
    size_t n = 0;
    for (size_t k = 0; k < pg->nboxes; k++) {
        const lay_box *b = &pg->boxes[k];
        if (b->kind != LAY_TEXT || n + (size_t)b->u.text.utf8_len + 2 > sizeof buf)
            continue;
        memcpy(buf + n, b->u.text.utf8, (size_t)b->u.text.utf8_len);
        n += (size_t)b->u.text.utf8_len;
        buf[n++] = '|';
    }
    buf[n] = 0;
    return strstr(buf, text) != NULL;
}

static void test_static_content_made_again_after_its_sequence(void **state)
{
    (void)state;
    diag *d = diag_new(stderr);
    tx_engine *tx = tx_engine_new(d);
    fo_doc *doc = fo_doc_open_memory(two_seq, strlen(two_seq), "two.fo", d);
    assert_non_null(doc);
    lay_ctx *ctx = lay_ctx_new(doc, tx, d);
    arena *keep = arena_new(), *pa = arena_new();

    arena *a1 = arena_new();
    lay_seq *s1 = lay_seq_new(ctx, fo_doc_next_page_sequence(doc, a1), a1);
    assert_non_null(s1);
    assert_false(lay_seq_waits(s1)); /* its flow cites nothing */
    lay_remake *rm[4];
    lay_pages p1 = lay_seq_pages_now(s1, pa, 4, keep, rm);
    assert_int_equal(p1.npages, 2);
    assert_true(lay_seq_pages_done(s1));
    assert_non_null(rm[0]);
    assert_non_null(rm[1]);
    assert_true(lay_remake_waits(rm[0]));
    assert_true(page_has(&p1.pages[0], "Mun") && page_has(&p1.pages[1], "Mdeux"));
    /* the pages go through the spool, the sequence's arena is freed */
    page_spool *sp = page_spool_new();
    page_spool_ref ref[2];
    assert_true(page_spool_write(sp, &p1.pages[0], &ref[0]));
    assert_true(page_spool_write(sp, &p1.pages[1], &ref[1]));
    arena_destroy(pa);
    arena_destroy(a1);

    arena *a2 = arena_new();
    lay_seq *s2 = lay_seq_new(ctx, fo_doc_next_page_sequence(doc, a2), a2);
    assert_non_null(s2);
    assert_null(fo_doc_next_page_sequence(doc, a2));
    lay_ctx_flows_done(ctx);
    assert_false(lay_remake_waits(rm[0]));
    assert_false(lay_remake_waits(rm[1]));

    arena *ra = arena_new();
    for (int i = 0; i < 2; i++) {
        lay_page pg;
        assert_true(page_spool_read(sp, ref[i], ra, &pg));
        size_t before = pg.nboxes;
        lay_remake_page(rm[i], &pg, ra);
        assert_true(page_has(&pg, i == 0 ? "|1| /|4|" : "|2| /|4|")); /* n / N */
        assert_false(page_has(&pg, "00"));
        assert_true(page_has(&pg, i == 0 ? "Mun" : "Mdeux")); /* the markers kept */
        assert_true(page_has(&pg, i == 0 ? "Un" : "Deux"));   /* the body untouched */
        assert_true(pg.nboxes + 2 >= before && pg.nboxes <= before + 2);
    }
    pa = arena_new();
    lay_remake *rm2[4];
    lay_pages p2 = lay_seq_pages_now(s2, pa, 4, keep, rm2);
    assert_int_equal(p2.npages, 2);
    assert_null(rm2[0]);
    assert_null(rm2[1]);
    arena_destroy(pa);
    arena_destroy(a2);
    /* nothing was laid out again: one pass */
    assert_false(lay_ctx_pass_done(ctx));
    arena_destroy(ra);
    arena_destroy(keep);
    page_spool_destroy(sp);
    lay_ctx_destroy(ctx);
    fo_doc_destroy(doc);
    tx_engine_destroy(tx);
    assert_int_equal(diag_error_count(d), 0);
    diag_destroy(d);
}

/* A table of contents in the first sequence citing chapters of the second. */
static const char toc_seq[] =
    "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'><fo:layout-master-set>"
    "<fo:simple-page-master master-name='p' page-width='300pt' page-height='200pt'>"
    "<fo:region-body margin='20pt'/></fo:simple-page-master></fo:layout-master-set>"
    "<fo:page-sequence master-reference='p'><fo:flow flow-name='xsl-region-body'>"
    "<fo:block>Sommaire</fo:block>"
    "<fo:block text-align-last='justify'>Alpha<fo:leader leader-pattern='dots'/>"
    "<fo:page-number-citation ref-id='a'/></fo:block>"
    "<fo:block text-align-last='justify'>Beta<fo:leader leader-pattern='dots'/>"
    "<fo:page-number-citation ref-id='b'/></fo:block>"
    "<fo:block break-before='page'>Fin du sommaire</fo:block></fo:flow></fo:page-sequence>"
    "<fo:page-sequence master-reference='p'><fo:flow flow-name='xsl-region-body'>"
    "<fo:block id='a'>Chapitre Alpha</fo:block>"
    "<fo:block break-before='page' id='b'>Chapitre Beta</fo:block>"
    "</fo:flow></fo:page-sequence></fo:root>";

static void test_flow_blocks_patched_in_spooled_pages(void **state)
{
    (void)state;
    diag *d = diag_new(stderr);
    tx_engine *tx = tx_engine_new(d);
    fo_doc *doc = fo_doc_open_memory(toc_seq, strlen(toc_seq), "toc.fo", d);
    assert_non_null(doc);
    lay_ctx *ctx = lay_ctx_new(doc, tx, d);
    arena *keep = arena_new(), *pa = arena_new();

    arena *a1 = arena_new();
    lay_seq *s1 = lay_seq_new(ctx, fo_doc_next_page_sequence(doc, a1), a1);
    assert_non_null(s1);
    assert_true(lay_seq_waits(s1)); /* its contents cite the next sequence */
    assert_true(lay_seq_patchable(s1));
    lay_remake *rm[4];
    lay_pages p1 = lay_seq_pages_now(s1, pa, 4, keep, rm);
    assert_int_equal(p1.npages, 2);
    assert_non_null(rm[0]); /* the contents' lines */
    assert_null(rm[1]);     /* nothing waits there */
    assert_true(lay_remake_waits(rm[0]));
    assert_true(page_has(&p1.pages[0], "Alpha"));
    page_spool *sp = page_spool_new();
    page_spool_ref ref;
    assert_true(page_spool_write(sp, &p1.pages[0], &ref));
    size_t nboxes = p1.pages[0].nboxes;
    arena_destroy(pa);
    arena_destroy(a1);

    arena *a2 = arena_new();
    lay_seq *s2 = lay_seq_new(ctx, fo_doc_next_page_sequence(doc, a2), a2);
    assert_non_null(s2);
    assert_false(lay_remake_waits(rm[0])); /* chapters laid out: their pages known */
    arena *ra = arena_new();
    lay_page pg;
    assert_true(page_spool_read(sp, ref, ra, &pg));
    assert_false(page_has(&pg, "|3|") || page_has(&pg, "|4|"));
    lay_remake_page(rm[0], &pg, ra);
    assert_int_equal(pg.nboxes, nboxes); /* patched in place */
    assert_true(page_has(&pg, "Alpha"));
    assert_true(page_has(&pg, "|3|"));
    assert_true(page_has(&pg, "|4|"));
    lay_ctx_flows_done(ctx);
    pa = arena_new();
    lay_remake *rm2[4];
    lay_pages p2 = lay_seq_pages_now(s2, pa, 4, keep, rm2);
    assert_int_equal(p2.npages, 2);
    arena_destroy(pa);
    arena_destroy(a2);
    assert_false(lay_ctx_pass_done(ctx)); /* one pass: the lines broke alike */
    arena_destroy(ra);
    arena_destroy(keep);
    page_spool_destroy(sp);
    lay_ctx_destroy(ctx);
    fo_doc_destroy(doc);
    tx_engine_destroy(tx);
    assert_int_equal(diag_error_count(d), 0);
    diag_destroy(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spool_round_trip_every_box_kind),
        cmocka_unit_test(test_static_content_made_again_after_its_sequence),
        cmocka_unit_test(test_flow_blocks_patched_in_spooled_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
