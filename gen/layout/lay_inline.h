/* Inline content of blocks: paragraphs fed to the text engine, lines made into items.
 * Private to gen/layout. */
#ifndef LIVRABLES_LAY_INLINE_H
#define LIVRABLES_LAY_INLINE_H

#include "layout/layout_internal.h"

/* Lays out the children of `n` (a block, or any node whose children mix inline content
 * and blocks): runs of inline content become paragraphs set with n's paragraph
 * properties; block-level children are laid out in between. */
void lay_inline_content(lay_build *b, const fo_node *n);

/* True for the FOs that stack as blocks. */
bool lay_is_block_level(const fo_node *n);

/* Records `id` on item `item` of the galley (x in the galley frame). */
void lay_galley_id(lay_galley *g, const char *id, size_t item, double x);

#endif
