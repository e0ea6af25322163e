/* reference-orientation (XSL 1.1 § 7.21.3): content laid out in its own upright frame,
 * then turned a quarter, a half or three quarters anticlockwise into the frame of the area
 * that holds it. Rectangles, rules, links and destinations are moved; text runs and images
 * keep their origin's new place and carry the turn (lay_box.rot) for the painter. */
#include "layout/lay_orient.h"

int lay_orient_quarters(const fo_node *n)
{
    if (!fo_is_specified(n, FO_PROP_reference_orientation))
        return 0; /* inherited: the parent's frame is already turned */
    int deg = n->props->reference_orientation;
    return ((deg / 90) % 4 + 4) % 4;
}

/* The point (u, v) of a frame w × h turned by q quarters. */
static void turn_point(int q, double w, double h, double u, double v, double *x, double *y)
{
    switch (q) {
    case 1: *x = v, *y = w - u; break;
    case 2: *x = w - u, *y = h - v; break;
    case 3: *x = h - v, *y = u; break;
    default: *x = u, *y = v; break;
    }
}

static void turn_rect(lay_box *b, int q, double w, double h)
{
    double x0, y0, x1, y1;
    turn_point(q, w, h, b->x, b->y, &x0, &y0);
    turn_point(q, w, h, b->x + b->w, b->y + b->h, &x1, &y1);
    b->x = x0 < x1 ? x0 : x1;
    b->y = y0 < y1 ? y0 : y1;
    b->w = x0 < x1 ? x1 - x0 : x0 - x1;
    b->h = y0 < y1 ? y1 - y0 : y0 - y1;
}

void lay_boxes_turn(lay_box *v, size_t n, int q, double w, double h)
{
    q = ((q % 4) + 4) % 4;
    if (!q)
        return;
    for (size_t i = 0; i < n; i++) {
        lay_box *b = &v[i];
        double x, y, x1, y1;
        switch (b->kind) {
        case LAY_RECT:
        case LAY_LINK:
            turn_rect(b, q, w, h);
            break;
        case LAY_LINE:
            turn_point(q, w, h, b->x, b->y, &x, &y);
            turn_point(q, w, h, b->x + b->w, b->y + b->h, &x1, &y1);
            b->x = x, b->y = y, b->w = x1 - x, b->h = y1 - y;
            break;
        case LAY_IMAGE:
            if (b->u.image.clip && !b->rot) {
                b->u.image.clip_x -= b->x;
                b->u.image.clip_y -= b->y;
            }
            /* fall through */
        case LAY_TEXT:
            turn_point(q, w, h, b->x, b->y, &x, &y);
            b->x = x, b->y = y;
            b->rot = (unsigned char)((b->rot + q) % 4);
            break;
        case LAY_DEST:
            turn_point(q, w, h, b->x, b->y, &x, &y);
            b->x = x, b->y = y;
            break;
        }
    }
}

static void move(lay_box *v, size_t n, double dx, double dy)
{
    for (size_t i = 0; i < n; i++) {
        v[i].x += dx;
        v[i].y += dy;
        if (v[i].kind == LAY_IMAGE && v[i].u.image.clip && !v[i].rot) {
            v[i].u.image.clip_x += dx;
            v[i].u.image.clip_y += dy;
        }
    }
}

void lay_boxes_turn_at(lay_box *v, size_t n, int q, double x0, double y0, double w, double h)
{
    move(v, n, -x0, -y0);
    lay_boxes_turn(v, n, q, w, h);
    move(v, n, x0, y0);
}
