/* Layout of whole FO documents (tests/fo/layout/): repeated table headers, footnotes,
 * markers in running headers, page-number citations resolved as patches in one pass. Pages
 * are read through their text boxes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "text/text.h"

#define MAX_PAGES 64
#define MAX_SEQUENCES 16

typedef struct {
    int npages;
    char *text[MAX_PAGES]; /* the page's text boxes, joined with '|' */
    int links[MAX_PAGES], dests[MAX_PAGES];
    int passes;
} laid_doc;

static void page_text(laid_doc *out, const lay_page *pg, int i)
{
    size_t len = 1;
    for (size_t k = 0; k < pg->nboxes; k++)
        if (pg->boxes[k].kind == LAY_TEXT)
            len += (size_t)pg->boxes[k].u.text.utf8_len + 1;
    char *s = calloc(1, len), *o = s;
    out->links[i] = out->dests[i] = 0;
    for (size_t k = 0; k < pg->nboxes; k++) {
        const lay_box *b = &pg->boxes[k];
        if (b->kind == LAY_TEXT) {
            memcpy(o, b->u.text.utf8, (size_t)b->u.text.utf8_len);
            o += b->u.text.utf8_len;
            *o++ = '|';
        } else if (b->kind == LAY_LINK) {
            out->links[i]++;
        } else if (b->kind == LAY_DEST) {
            out->dests[i]++;
        }
    }
    free(out->text[i]);
    out->text[i] = s;
}

/* Lays out tests/fo/layout/<name> with as many passes as it takes (at most 4); keeps the
 * text of the last pass's pages. As the renderer does with forward references, every
 * sequence's pages are made once all sequences are laid out. */
static void lay_file(const char *name, laid_doc *out)
{
    char path[512];
    snprintf(path, sizeof path, "%s/fo/layout/%s", TEST_DATA_DIR, name);
    diag *d = diag_new(stderr);
    tx_engine *tx = tx_engine_new(d);
    fo_doc *doc = fo_doc_open_file(path, d);
    assert_non_null(doc);
    lay_ctx *ctx = lay_ctx_new(doc, tx, d);
    memset(out, 0, sizeof *out);
    for (int pass = 1; pass <= 4; pass++) {
        if (pass > 1)
            assert_true(fo_doc_rewind(doc));
        int n = 0, nseq = 0;
        lay_seq *seqs[MAX_SEQUENCES];
        arena *arenas[MAX_SEQUENCES];
        for (;;) {
            arena *a = arena_new();
            fo_node *ps = fo_doc_next_page_sequence(doc, a);
            if (!ps) {
                arena_destroy(a);
                break;
            }
            assert_true(nseq < MAX_SEQUENCES);
            arenas[nseq] = a;
            seqs[nseq] = lay_seq_new(ctx, ps, a);
            assert_non_null(seqs[nseq]);
            nseq++;
        }
        lay_ctx_flows_done(ctx);
        for (int k = 0; k < nseq; k++) {
            arena *pa = arena_new();
            lay_pages pages = lay_seq_pages(seqs[k], pa, 0, NULL);
            for (size_t i = 0; i < pages.npages && n < MAX_PAGES; i++)
                page_text(out, &pages.pages[i], n++);
            arena_destroy(pa);
            arena_destroy(arenas[k]);
        }
        out->npages = n;
        out->passes = pass;
        if (!lay_ctx_pass_done(ctx))
            break;
    }
    assert_int_equal(lay_ctx_page_count(ctx), out->npages);
    lay_ctx_destroy(ctx);
    fo_doc_destroy(doc);
    tx_engine_destroy(tx);
    assert_int_equal(diag_error_count(d), 0);
    diag_destroy(d);
}

static void laid_free(laid_doc *l)
{
    for (int i = 0; i < MAX_PAGES; i++)
        free(l->text[i]);
}

static void test_table_header_and_footer_repeat(void **state)
{
    laid_doc l;
    lay_file("table_break.fo", &l);
    assert_true(l.npages >= 3);
    for (int i = 0; i < l.npages; i++) {
        if (!strstr(l.text[i], "Ligne "))
            continue; /* the page after the table */
        if (!strstr(l.text[i], "Intitulé"))
            fail_msg("page %d lacks the table header: %s", i + 1, l.text[i]);
        if (!strstr(l.text[i], "Suite du tableau"))
            fail_msg("page %d lacks the table footer", i + 1);
    }
    /* the footnote sits on the first page, and only there */
    assert_non_null(strstr(l.text[0], "Une note de bas de page"));
    assert_null(strstr(l.text[1], "Une note de bas de page"));
    /* rows are never split: a row's two cells are on the same page */
    for (int i = 0; i < l.npages; i++)
        for (int r = 1; r <= 40; r++) {
            char cell[16], line[32];
            snprintf(cell, sizeof cell, "|R%d|", r);
            snprintf(line, sizeof line, "Ligne %d du", r);
            if (strstr(l.text[i], cell) && !strstr(l.text[i], line))
                fail_msg("row %d split on page %d", r, i + 1);
        }
    /* keep-with-next: the title is on the same page as the last block */
    assert_non_null(strstr(l.text[l.npages - 1], "Titre gardé"));
    laid_free(&l);
}

static void test_citations_markers_and_links(void **state)
{
    laid_doc l;
    lay_file("basic.fo", &l);
    assert_int_equal(l.npages, 2);
    assert_int_equal(l.passes, 1); /* "page n / N" is a patch, not a second layout */
    /* running header from markers */
    assert_non_null(strstr(l.text[0], "Chapitre un"));
    assert_non_null(strstr(l.text[1], "Chapitre deux"));
    /* page n / N and a citation of section 2 on page 2 */
    assert_non_null(strstr(l.text[0], "|1| /|2|"));
    assert_non_null(strstr(l.text[1], "|2| /|2|"));
    assert_non_null(strstr(l.text[0], "page|2|"));
    assert_int_equal(l.links[0], 2); /* external and internal link */
    assert_true(l.dests[1] >= 1);    /* section 2's id */
    laid_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_header_and_footer_repeat),
        cmocka_unit_test(test_citations_markers_and_links),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
