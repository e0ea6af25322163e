#include "render/page_ledger.h"

#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

/* A 64-bit multiply-xorshift mix over 8-byte words: fast on glyph arrays (a page holds
 * thousands), and no cryptographic strength needed; GLib's hashes are 32-bit byte loops. */
static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 33);
}

static uint64_t mix_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    h = mix(h, n);
    if (!n)
        return h; /* p may be NULL then */
    for (; n >= 8; n -= 8, b += 8) {
        uint64_t w;
        memcpy(&w, b, 8);
        h = mix(h, w);
    }
    uint64_t w = 0;
    memcpy(&w, b, n);
    return mix(h, w);
}

static uint64_t mix_str(uint64_t h, const char *s)
{
    return s ? mix_bytes(h, s, strlen(s)) : mix(h, 1);
}

static uint64_t mix_double(uint64_t h, double d)
{
    uint64_t w;
    memcpy(&w, &d, 8);
    return mix(h, w);
}

static uint64_t mix_color(uint64_t h, const lay_color *c)
{
    return mix_bytes(h, c, sizeof *c);
}

static uint64_t box_digest(uint64_t h, const lay_box *b)
{
    h = mix(h, (uint64_t)b->kind | (uint64_t)b->rot << 8 | (uint64_t)b->pagination << 16);
    h = mix_double(mix_double(mix_double(mix_double(h, b->x), b->y), b->w), b->h);
    /* the structure element by its creation order and type: the painter keys it so */
    h = b->sn ? mix_str(mix(h, b->sn->seq), b->sn->type) : mix(h, 0);
    switch (b->kind) {
    case LAY_TEXT: {
        const lay_text_run *r = &b->u.text;
        h = mix(h, (uint64_t)(uintptr_t)r->font); /* the text engine's, the same each pass */
        h = mix_color(mix_str(mix_double(h, r->size), r->family), &r->color);
        h = mix_bytes(h, r->glyphs, (size_t)r->nglyphs * sizeof *r->glyphs);
        h = mix_bytes(h, r->utf8, (size_t)r->utf8_len);
        h = mix_bytes(h, r->clusters, (size_t)r->nclusters * sizeof *r->clusters);
        break;
    }
    case LAY_RECT:
        h = mix_color(h, &b->u.rect.color);
        break;
    case LAY_LINE:
        h = mix_color(h, &b->u.line.color);
        h = mix(mix_double(h, b->u.line.thickness), b->u.line.style);
        break;
    case LAY_IMAGE: {
        const lay_image *im = b->u.image.image;
        if (im) {
            h = mix_str(mix(h, im->kind), im->path);
            h = mix_bytes(h, im->svg_data, im->svg_data ? im->svg_len : 0);
            h = mix_bytes(h, im->bytes, im->bytes ? im->nbytes : 0);
            h = mix_double(mix_double(h, im->intrinsic_width), im->intrinsic_height);
        }
        h = mix(h, b->u.image.clip);
        h = mix_double(mix_double(h, b->u.image.clip_x), b->u.image.clip_y);
        h = mix_double(mix_double(h, b->u.image.clip_w), b->u.image.clip_h);
        break;
    }
    case LAY_LINK:
    case LAY_DEST:
        h = mix_str(mix_str(h, b->u.link.uri), b->u.link.dest);
        break;
    }
    return h;
}

uint64_t page_digest(const lay_page *pg)
{
    uint64_t h = mix_double(mix_double(0, pg->width), pg->height);
    h = mix_str(mix_str(mix(h, (uint64_t)(int64_t)pg->number), pg->label), pg->title);
    h = mix(h, pg->nboxes);
    for (size_t i = 0; i < pg->nboxes; i++)
        h = box_digest(h, &pg->boxes[i]);
    return h;
}

void page_ledger_pass(page_ledger *l, bool keep)
{
    if (!keep || l->differs)
        l->nheld = 0;
    l->nkept = l->nheld;
    l->seen = 0;
    l->frozen = l->differs = false;
}

bool page_ledger_paint(page_ledger *l, const lay_page *pg)
{
    size_t i = l->seen++;
    if (l->differs)
        return false;
    if (i < l->nkept) {
        if (page_digest(pg) != l->held[i])
            l->differs = true; /* the painter holds another page i */
        return false;
    }
    if (l->frozen)
        return false;
    GROW_HEAP(l->held, l->nheld, l->capheld, 1, 64);
    l->held[l->nheld++] = page_digest(pg);
    return true;
}

void page_ledger_pass_end(page_ledger *l)
{
    if (l->seen < l->nkept)
        l->differs = true;
}

size_t page_ledger_skipped(const page_ledger *l)
{
    return l->nkept;
}

void page_ledger_free(page_ledger *l)
{
    free(l->held);
    *l = (page_ledger){0};
}
