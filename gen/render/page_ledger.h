/* The pages a painter holds, across layout passes.
 *
 * When a forward citation's number breaks a block into other lines during a pass, the
 * document takes another pass (lay_ctx_pass_done); the pages painted before that happened
 * were made with the lines and numbers the next pass will give them again. The ledger lets
 * the painter stay open: once a pass knows it will be followed by another, it paints no
 * further page ("frozen"); the next pass then hands over only the pages after those the
 * painter holds, after checking that each it skips is the one painted (a digest of its
 * boxes). When one differs, the painter holds a wrong page: the pass goes on painting
 * nothing, and the caller starts again with a fresh painter. Private to gen/render. */
#ifndef LIVRABLES_PAGE_LEDGER_H
#define LIVRABLES_PAGE_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "layout/layout.h"

typedef struct {
    uint64_t *held;  /* digests of the pages the painter holds, in order (malloc'd) */
    size_t nheld, capheld;
    size_t nkept;    /* of them, those painted by an earlier pass: skipped in this one */
    size_t seen;     /* pages handed over in this pass */
    bool frozen;     /* another pass follows: paint nothing more */
    bool differs;    /* a page skipped differed from the one painted: the painter is wrong */
} page_ledger;

/* A digest of everything a page shows: its size, number, label, title, and each box with
 * what it draws (glyphs, text, colours, images, links, structure elements). */
uint64_t page_digest(const lay_page *pg);

/* Starts a pass: the pages painted so far are kept (the painter stays open) when `keep`,
 * else forgotten (a fresh painter). */
void page_ledger_pass(page_ledger *l, bool keep);

/* The next page of the pass, about to be handed over: whether to paint it. False for a
 * page the painter holds already (checked against it) and once frozen or wrong. */
bool page_ledger_paint(page_ledger *l, const lay_page *pg);

/* Ends a pass: one that handed over fewer pages than the painter holds from before leaves
 * it holding pages the document no longer has (differs). */
void page_ledger_pass_end(page_ledger *l);

/* Pages painted in earlier passes that this one did not hand over again. */
size_t page_ledger_skipped(const page_ledger *l);

void page_ledger_free(page_ledger *l);

#endif
