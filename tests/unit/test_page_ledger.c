/* The pages a painter holds across layout passes (render/page_ledger.h): page digests that
 * follow what a page shows, not where it lives, and the ledger's decisions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "render/page_ledger.h"

typedef struct {
    lay_glyph glyphs[3];
    char text[8];
    lay_snode sn;
    lay_box boxes[2];
    lay_page page;
} sample;

/* Page `number` with a text run and a rectangle, everything in `s` (its own copies). */
static void sample_page(sample *s, int number)
{
    *s = (sample){.glyphs = {{36, 0, 0}, {37, 6.5f, 0}, {38, 13, 0}}};
    strcpy(s->text, "abc");
    s->sn = (lay_snode){.type = "P", .seq = 7};
    s->boxes[0] = (lay_box){.kind = LAY_TEXT, .x = 10, .y = 20, .sn = &s->sn,
                            .u.text = {.size = 10, .family = "DejaVu Serif", .glyphs = s->glyphs,
                                       .nglyphs = 3, .utf8 = s->text, .utf8_len = 3}};
    s->boxes[1] = (lay_box){.kind = LAY_RECT, .x = 1, .y = 2, .w = 3, .h = 4,
                            .u.rect.color = {1, 0, 0, 1}};
    s->page = (lay_page){.width = 595, .height = 842, .number = number,
                         .label = number == 1 ? "1" : "2", .boxes = s->boxes, .nboxes = 2};
}

static void test_digest_follows_what_the_page_shows(void **state)
{
    (void)state;
    sample a, b;
    sample_page(&a, 1);
    sample_page(&b, 1); /* other memory, same content */
    assert_true(page_digest(&a.page) == page_digest(&b.page));
    b.glyphs[1].x = 6.75f;
    assert_true(page_digest(&a.page) != page_digest(&b.page));
    sample_page(&b, 1);
    b.sn.seq = 8; /* another structure element */
    assert_true(page_digest(&a.page) != page_digest(&b.page));
    sample_page(&b, 1);
    b.page.nboxes = 1;
    assert_true(page_digest(&a.page) != page_digest(&b.page));
    sample_page(&b, 2);
    assert_true(page_digest(&a.page) != page_digest(&b.page));
    b.page.boxes = NULL; /* an empty page */
    b.page.nboxes = 0;
    assert_true(page_digest(&b.page) == page_digest(&b.page));
}

static void test_ledger_keeps_the_pages_painted_before_the_freeze(void **state)
{
    (void)state;
    sample p1, p2;
    sample_page(&p1, 1);
    sample_page(&p2, 2);
    page_ledger l = {0};
    /* pass 1: page 1 painted, then the pass knows another follows */
    page_ledger_pass(&l, false);
    assert_true(page_ledger_paint(&l, &p1.page));
    l.frozen = true;
    assert_false(page_ledger_paint(&l, &p2.page));
    page_ledger_pass_end(&l);
    assert_false(l.differs);
    /* pass 2, the painter kept: page 1 checked and skipped, page 2 painted */
    page_ledger_pass(&l, true);
    assert_false(page_ledger_paint(&l, &p1.page));
    assert_true(page_ledger_paint(&l, &p2.page));
    page_ledger_pass_end(&l);
    assert_false(l.differs);
    assert_int_equal(page_ledger_skipped(&l), 1);
    page_ledger_free(&l);
}

static void test_ledger_tells_a_kept_page_that_differs(void **state)
{
    (void)state;
    sample p1, other;
    sample_page(&p1, 1);
    sample_page(&other, 1);
    strcpy(other.text, "abd");
    page_ledger l = {0};
    page_ledger_pass(&l, false);
    assert_true(page_ledger_paint(&l, &p1.page));
    l.frozen = true;
    page_ledger_pass(&l, true);
    assert_false(page_ledger_paint(&l, &other.page));
    assert_true(l.differs);
    assert_false(page_ledger_paint(&l, &p1.page)); /* nothing more painted */
    /* the next pass starts afresh: everything painted */
    page_ledger_pass(&l, true);
    assert_int_equal(page_ledger_skipped(&l), 0);
    assert_true(page_ledger_paint(&l, &p1.page));
    /* a pass that hands over fewer pages than the painter holds */
    l.frozen = true;
    page_ledger_pass(&l, true);
    page_ledger_pass_end(&l);
    assert_true(l.differs);
    page_ledger_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digest_follows_what_the_page_shows),
        cmocka_unit_test(test_ledger_keeps_the_pages_painted_before_the_freeze),
        cmocka_unit_test(test_ledger_tells_a_kept_page_that_differs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
