/* reference-orientation: turning laid-out content. Private to gen/layout. */
#ifndef LIVRABLES_LAY_ORIENT_H
#define LIVRABLES_LAY_ORIENT_H

#include "layout/layout_internal.h"

/* The quarter turns anticlockwise (0 to 3) that `n`'s own reference-orientation asks for
 * (90 → 1, -90 and 270 → 3); 0 when it is only inherited, since the parent's frame is
 * turned already. */
int lay_orient_quarters(const fo_node *n);

/* Turns boxes laid out in an upright frame w × h (origin at its top-left corner) by `q`
 * quarters anticlockwise, into the frame of the turned area: h × w for 1 and 3 quarters,
 * w × h for 2, origin at its top-left corner. */
void lay_boxes_turn(lay_box *v, size_t n, int q, double w, double h);

/* The same for boxes of a frame w × h whose top-left corner is (x0, y0), turned in place:
 * the turned frame keeps that corner. */
void lay_boxes_turn_at(lay_box *v, size_t n, int q, double x0, double y0, double w, double h);

#endif
