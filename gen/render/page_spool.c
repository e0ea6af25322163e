#define _GNU_SOURCE /* mkostemp */
#include "render/page_spool.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A page's record: this head, its boxes, then what they point to, each piece aligned to 8
 * bytes. Pointers in the record are offsets from its start plus one (0 stays NULL); the
 * structure elements and images are listed in the head so that each is fixed up once. */
typedef struct {
    lay_page page;
    uint64_t snodes, nsnodes; /* offset of an array of the elements' offsets */
    uint64_t images, nimages;
} record_head;

struct page_spool {
    int fd;
    uint64_t end;
    /* the record being written, kept between pages */
    char *buf;
    size_t n, cap;
    GHashTable *seen; /* element or image -> its offset + 1, in the record being written */
    uint64_t *snodes, *images;
    size_t nsnodes, capsnodes, nimages, capimages;
};

page_spool *page_spool_new(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    char *path = g_strdup_printf("%s/livrables-pages-XXXXXX", dir);
    int fd = mkostemp(path, O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        g_free(path);
        errno = e;
        return NULL;
    }
    unlink(path); /* gone with the process, whatever happens */
    g_free(path);
    page_spool *sp = calloc(1, sizeof *sp);
    if (!sp)
        abort();
    sp->fd = fd;
    sp->seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    return sp;
}

void page_spool_destroy(page_spool *sp)
{
    if (!sp)
        return;
    close(sp->fd);
    g_hash_table_destroy(sp->seen);
    free(sp->buf);
    free(sp->snodes);
    free(sp->images);
    free(sp);
}

uint64_t page_spool_size(const page_spool *sp)
{
    return sp->end;
}

/* ---- writing ------------------------------------------------------------------------------ */

static void *grow_array(void *v, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return v;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    v = realloc(v, c * elem);
    if (!v)
        abort();
    *cap = c;
    return v;
}

/* Room for `len` bytes at the end of the record, 8-aligned; returns their offset. */
static size_t reserve(page_spool *sp, size_t len)
{
    size_t at = (sp->n + 7) & ~(size_t)7;
    sp->buf = grow_array(sp->buf, &sp->cap, at + len, 1);
    memset(sp->buf + sp->n, 0, at - sp->n);
    sp->n = at + len;
    return at;
}

/* Appends `len` bytes; returns the encoded pointer to them (NULL stays NULL). */
static void *put(page_spool *sp, const void *p, size_t len)
{
    if (!p)
        return NULL;
    size_t at = reserve(sp, len);
    if (len)
        memcpy(sp->buf + at, p, len);
    return (void *)(uintptr_t)(at + 1);
}

static void *put_str(page_spool *sp, const char *s)
{
    return s ? put(sp, s, strlen(s) + 1) : NULL;
}

static void *put_snode(page_spool *sp, const lay_snode *sn)
{
    if (!sn)
        return NULL;
    gpointer known = g_hash_table_lookup(sp->seen, sn);
    if (known)
        return known;
    lay_snode c = *sn;
    c.parent = put_snode(sp, sn->parent); /* before it: written once, whatever the order */
    c.type = put_str(sp, sn->type);
    c.lang = put_str(sp, sn->lang);
    c.alt = put_str(sp, sn->alt);
    c.scope = put_str(sp, sn->scope);
    c.text = put_str(sp, sn->text);
    void *enc = put(sp, &c, sizeof c);
    g_hash_table_insert(sp->seen, (gpointer)sn, enc);
    sp->snodes = grow_array(sp->snodes, &sp->capsnodes, sp->nsnodes + 1, sizeof *sp->snodes);
    sp->snodes[sp->nsnodes++] = (uintptr_t)enc;
    return enc;
}

static void *put_image(page_spool *sp, const lay_image *im)
{
    if (!im)
        return NULL;
    gpointer known = g_hash_table_lookup(sp->seen, im);
    if (known)
        return known;
    lay_image c = *im;
    c.path = put_str(sp, im->path);
    c.svg_data = put(sp, im->svg_data, im->svg_len);
    c.bytes = put(sp, im->bytes, im->nbytes);
    void *enc = put(sp, &c, sizeof c);
    g_hash_table_insert(sp->seen, (gpointer)im, enc);
    sp->images = grow_array(sp->images, &sp->capimages, sp->nimages + 1, sizeof *sp->images);
    sp->images[sp->nimages++] = (uintptr_t)enc;
    return enc;
}

/* The box's pointers, written after the boxes; the box at `at` in the record gets their
 * encoded values (the record may move while growing: boxes are addressed by offset). */
static void put_box_data(page_spool *sp, size_t at)
{
    lay_box b;
    memcpy(&b, sp->buf + at, sizeof b);
    b.sn = put_snode(sp, b.sn);
    switch (b.kind) {
    case LAY_TEXT:
        /* font and family belong to the text engine */
        b.u.text.glyphs = put(sp, b.u.text.glyphs, (size_t)b.u.text.nglyphs * sizeof(lay_glyph));
        b.u.text.utf8 = put(sp, b.u.text.utf8, (size_t)b.u.text.utf8_len);
        b.u.text.clusters =
            put(sp, b.u.text.clusters, (size_t)b.u.text.nclusters * sizeof(lay_cluster));
        break;
    case LAY_IMAGE:
        b.u.image.image = put_image(sp, b.u.image.image);
        break;
    case LAY_LINK:
    case LAY_DEST:
        b.u.link.uri = put_str(sp, b.u.link.uri);
        b.u.link.dest = put_str(sp, b.u.link.dest);
        break;
    case LAY_RECT:
    case LAY_LINE:
        break;
    }
    memcpy(sp->buf + at, &b, sizeof b);
}

static bool write_all(int fd, const char *p, size_t n, uint64_t off)
{
    while (n > 0) {
        ssize_t w = pwrite(fd, p, n, (off_t)off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = ENOSPC;
            return false;
        }
        p += w, n -= (size_t)w, off += (uint64_t)w;
    }
    return true;
}

bool page_spool_write(page_spool *sp, const lay_page *pg, page_spool_ref *ref)
{
    sp->n = sp->nsnodes = sp->nimages = 0;
    g_hash_table_remove_all(sp->seen);
    size_t head = reserve(sp, sizeof(record_head));
    size_t boxes = reserve(sp, pg->nboxes * sizeof(lay_box));
    if (pg->nboxes)
        memcpy(sp->buf + boxes, pg->boxes, pg->nboxes * sizeof(lay_box));
    for (size_t i = 0; i < pg->nboxes; i++)
        put_box_data(sp, boxes + i * sizeof(lay_box));
    record_head h = {.page = *pg};
    h.page.boxes = (lay_box *)(uintptr_t)(boxes + 1);
    h.page.label = put_str(sp, pg->label);
    h.page.title = put_str(sp, pg->title);
    h.nsnodes = sp->nsnodes;
    h.snodes = sp->nsnodes ? reserve(sp, sp->nsnodes * sizeof *sp->snodes) : 0;
    if (sp->nsnodes)
        memcpy(sp->buf + h.snodes, sp->snodes, sp->nsnodes * sizeof *sp->snodes);
    h.nimages = sp->nimages;
    h.images = sp->nimages ? reserve(sp, sp->nimages * sizeof *sp->images) : 0;
    if (sp->nimages)
        memcpy(sp->buf + h.images, sp->images, sp->nimages * sizeof *sp->images);
    memcpy(sp->buf + head, &h, sizeof h);
    if (!write_all(sp->fd, sp->buf, sp->n, sp->end))
        return false;
    *ref = (page_spool_ref){sp->end, sp->n};
    sp->end += sp->n;
    return true;
}

/* ---- reading ------------------------------------------------------------------------------ */

/* The pointer an encoded offset stands for in the record at `base`. */
static void *at(char *base, const void *enc)
{
    uintptr_t o = (uintptr_t)enc;
    return o ? base + (o - 1) : NULL;
}

bool page_spool_read(page_spool *sp, page_spool_ref ref, arena *a, lay_page *out)
{
    if (ref.len < sizeof(record_head)) {
        errno = EINVAL;
        return false;
    }
    char *base = arena_alloc_uninit(a, (size_t)ref.len);
    size_t got = 0;
    while (got < ref.len) {
        ssize_t r = pread(sp->fd, base + got, (size_t)ref.len - got, (off_t)(ref.off + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (r == 0)
                errno = EIO;
            return false;
        }
        got += (size_t)r;
    }
    record_head h;
    memcpy(&h, base, sizeof h);
    uint64_t *snodes = (uint64_t *)(void *)(base + h.snodes);
    for (uint64_t i = 0; i < h.nsnodes; i++) {
        lay_snode *sn = at(base, (void *)(uintptr_t)snodes[i]);
        sn->parent = at(base, sn->parent);
        sn->type = at(base, sn->type);
        sn->lang = at(base, sn->lang);
        sn->alt = at(base, sn->alt);
        sn->scope = at(base, sn->scope);
        sn->text = at(base, sn->text);
    }
    uint64_t *images = (uint64_t *)(void *)(base + h.images);
    for (uint64_t i = 0; i < h.nimages; i++) {
        lay_image *im = at(base, (void *)(uintptr_t)images[i]);
        im->path = at(base, im->path);
        im->svg_data = at(base, im->svg_data);
        im->bytes = at(base, im->bytes);
    }
    *out = h.page;
    out->boxes = at(base, h.page.boxes);
    out->label = at(base, h.page.label);
    out->title = at(base, h.page.title);
    for (size_t i = 0; i < out->nboxes; i++) {
        lay_box *b = &out->boxes[i];
        b->sn = at(base, b->sn);
        switch (b->kind) {
        case LAY_TEXT:
            b->u.text.glyphs = at(base, b->u.text.glyphs);
            b->u.text.utf8 = at(base, b->u.text.utf8);
            b->u.text.clusters = at(base, b->u.text.clusters);
            break;
        case LAY_IMAGE:
            b->u.image.image = at(base, b->u.image.image);
            break;
        case LAY_LINK:
        case LAY_DEST:
            b->u.link.uri = at(base, b->u.link.uri);
            b->u.link.dest = at(base, b->u.link.dest);
            break;
        case LAY_RECT:
        case LAY_LINE:
            break;
        }
    }
    return true;
}
