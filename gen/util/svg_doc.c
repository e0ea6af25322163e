/* SVG documents parsed once per process (see svg_doc.h). */
#include "util/svg_doc.h"

#include <string.h>

#include "util/svg_opacity.h"

typedef struct {
    RsvgHandle *handle;
    double width, height; /* points */
} svg_doc;

static GMutex lock;
static GHashTable *docs; /* GBytes (path, NUL, bytes) -> svg_doc */

static void doc_free(void *data)
{
    svg_doc *d = data;
    g_object_unref(d->handle);
    g_free(d);
}

/* The document's key: the file it came from (or nothing), a NUL, its bytes. */
static GBytes *doc_key(const char *path, const guint8 *data, size_t len)
{
    size_t plen = path ? strlen(path) : 0;
    guint8 *buf = g_malloc(plen + 1 + len);
    if (plen)
        memcpy(buf, path, plen);
    buf[plen] = '\0';
    if (len)
        memcpy(buf + plen + 1, data, len);
    return g_bytes_new_take(buf, plen + 1 + len);
}

/* librsvg's handle of the document, shapes' group opacity folded where that draws the
 * same; `path` the file it came from, whose folder its references are resolved against. */
static RsvgHandle *parse(const guint8 *data, size_t len, const char *path, GError **err)
{
    GBytes *folded = svg_fold_opacity(data, len);
    if (!folded)
        return path ? rsvg_handle_new_from_file(path, err)
                    : rsvg_handle_new_from_data(data, len, err);
    GInputStream *in = g_memory_input_stream_new_from_bytes(folded);
    GFile *base = path ? g_file_new_for_path(path) : NULL;
    RsvgHandle *h = rsvg_handle_new_from_stream_sync(in, base, RSVG_HANDLE_FLAGS_NONE, NULL, err);
    if (base)
        g_object_unref(base);
    g_object_unref(in);
    g_bytes_unref(folded);
    return h;
}

/* The size layout gives the document (see svg_doc_size), measured at 72 dpi; the handle
 * is given back librsvg's default resolution, which the painter draws at. */
static void measure(svg_doc *d)
{
    RsvgHandle *rh = d->handle;
    rsvg_handle_set_dpi(rh, 72);
    gdouble pw, ph;
    gboolean hw, hh, hv;
    RsvgLength lw, lh;
    RsvgRectangle vb;
    if (rsvg_handle_get_intrinsic_size_in_pixels(rh, &pw, &ph)) {
        d->width = pw;
        d->height = ph;
    } else {
        rsvg_handle_get_intrinsic_dimensions(rh, &hw, &lw, &hh, &lh, &hv, &vb);
        d->width = hv ? vb.width : 100;
        d->height = hv ? vb.height : 100;
    }
    rsvg_handle_set_dpi(rh, 0);
}

/* The document, parsed and measured on first use, or NULL with *err set; `lock` held (the
 * painter's thread and layout's may ask at once), and kept until what is needed of the
 * document is taken: svg_doc_forget_all may free it then. */
static const svg_doc *lookup_locked(const char *path, const guint8 *data, size_t len,
                                    GError **err)
{
    if (!docs)
        docs = g_hash_table_new_full(g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref,
                                     doc_free);
    GBytes *key = doc_key(path, data, len);
    svg_doc *d = g_hash_table_lookup(docs, key);
    if (!d) {
        RsvgHandle *h = parse(data, len, path, err);
        if (h) {
            d = g_new0(svg_doc, 1);
            d->handle = h;
            measure(d);
            g_hash_table_insert(docs, g_bytes_ref(key), d);
        }
    }
    g_bytes_unref(key);
    return d;
}

/* Looks the document up (its file read when `data` is NULL) and copies out its handle (a
 * new reference) and size; false with *err set when it can't be read. */
static bool find(const char *path, const guint8 *data, size_t len, RsvgHandle **handle,
                 double *w, double *h, GError **err)
{
    gchar *read = NULL;
    if (!data) {
        gsize n = 0;
        if (!g_file_get_contents(path, &read, &n, err))
            return false;
        data = (const guint8 *)read;
        len = n;
    }
    g_mutex_lock(&lock);
    const svg_doc *d = lookup_locked(path, data, len, err);
    if (d && handle)
        *handle = g_object_ref(d->handle);
    if (d && w) {
        *w = d->width;
        *h = d->height;
    }
    g_mutex_unlock(&lock);
    g_free(read);
    return d != NULL;
}

RsvgHandle *svg_doc_get(const char *path, const guint8 *data, size_t len, GError **err)
{
    RsvgHandle *handle = NULL;
    return find(path, data, len, &handle, NULL, NULL, err) ? handle : NULL;
}

bool svg_doc_size(const char *path, const guint8 *data, size_t len, double *w, double *h)
{
    return find(path, data, len, NULL, w, h, NULL);
}

void svg_doc_forget_all(void)
{
    g_mutex_lock(&lock);
    if (docs)
        g_hash_table_remove_all(docs);
    g_mutex_unlock(&lock);
}
