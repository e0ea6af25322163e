/* Images, decoded once per painter: a logo on every page is read once, and since the
 * same cairo surface is painted each time, the PDF embeds it once.
 *
 * PNG goes through cairo; JPEG is decoded by gdk-pixbuf for raster outputs and carries its
 * original bytes as mime data, so the PDF embeds the file as is (DCTDecode); other bitmaps
 * (GIF, TIFF, BMP...) are decoded by gdk-pixbuf; SVG stays a librsvg handle drawn as
 * vectors, the one layout's size probe parsed (util/svg_doc.h). An image comes from its
 * file or from the bytes of a data: URI.
 */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h> /* before jpeglib.h, which needs FILE */
#include <jpeglib.h>
#include <string.h>

#include "paint/paint_internal.h"
#include "util/i18n.h"
#include "util/svg_doc.h"

typedef struct {
    cairo_surface_t *surface; /* PNG, JPEG */
    RsvgHandle *svg;          /* SVG, inline SVG */
    double width, height;     /* pixels of the surface */
} image_entry;                /* both NULL: the image could not be read */

struct paint_images {
    diag *d;
    GHashTable *cache; /* GBytes (kind byte + path or inline document) -> image_entry */
};

static void entry_free(void *data)
{
    image_entry *e = data;
    if (e->surface)
        cairo_surface_destroy(e->surface);
    if (e->svg)
        g_object_unref(e->svg);
    g_free(e);
}

paint_images *paint_images_new(diag *d)
{
    paint_images *im = g_new0(paint_images, 1);
    im->d = d;
    im->cache = g_hash_table_new_full(g_bytes_hash, g_bytes_equal,
                                      (GDestroyNotify)g_bytes_unref, entry_free);
    return im;
}

void paint_images_destroy(paint_images *im)
{
    if (!im)
        return;
    g_hash_table_destroy(im->cache);
    g_free(im);
    /* the document is drawn: the SVGs layout and this painter shared go */
    svg_doc_forget_all();
}

/* An image surface with the pixels of `pb` (premultiplied, as cairo wants them). */
static cairo_surface_t *surface_from_pixbuf(GdkPixbuf *pb)
{
    int w = gdk_pixbuf_get_width(pb), h = gdk_pixbuf_get_height(pb);
    int n = gdk_pixbuf_get_n_channels(pb), stride = gdk_pixbuf_get_rowstride(pb);
    bool alpha = gdk_pixbuf_get_has_alpha(pb);
    const guchar *src = gdk_pixbuf_read_pixels(pb);
    cairo_surface_t *s = cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32
                                                          : CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        return s;
    cairo_surface_flush(s);
    unsigned char *dst = cairo_image_surface_get_data(s);
    int dstride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < h; y++) {
        const guchar *in = src + (size_t)y * stride;
        uint32_t *out = (uint32_t *)(dst + (size_t)y * dstride);
        for (int x = 0; x < w; x++, in += n) {
            uint32_t a = alpha ? in[3] : 255;
            uint32_t r = (in[0] * a + 127) / 255, g = (in[1] * a + 127) / 255,
                     b = (in[2] * a + 127) / 255;
            out[x] = a << 24 | r << 16 | g << 8 | b;
        }
    }
    cairo_surface_mark_dirty(s);
    return s;
}

/* libjpeg reports through these: an error ends decoding, and a warning (corrupt data,
 * premature end of file) counts, since the PDF would embed the damaged bytes as they are. */
typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf fail;
} jpeg_checker;

static void jpeg_fail(j_common_ptr cinfo)
{
    longjmp(((jpeg_checker *)cinfo->err)->fail, 1);
}

/* Counts warnings (level -1) as libjpeg's own emit_message does, printing nothing. */
static void jpeg_quiet(j_common_ptr cinfo, int level)
{
    if (level < 0)
        cinfo->err->num_warnings++;
}

/* True when libjpeg decodes the whole of `data` without a warning. gdk-pixbuf fills what a
 * truncated file lacks with grey and says nothing. */
static bool jpeg_complete(const unsigned char *data, size_t len, GError **err)
{
    struct jpeg_decompress_struct cinfo;
    jpeg_checker jerr;
    cinfo.err = jpeg_std_error(&jerr.pub);
    jerr.pub.error_exit = jpeg_fail;
    jerr.pub.emit_message = jpeg_quiet;
    JSAMPARRAY row = NULL;
    if (setjmp(jerr.fail)) {
        jpeg_destroy_decompress(&cinfo);
        g_set_error_literal(err, G_FILE_ERROR, G_FILE_ERROR_FAILED, "damaged JPEG data");
        return false;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)len);
    jpeg_read_header(&cinfo, TRUE);
    jpeg_start_decompress(&cinfo);
    row = (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE,
                                     cinfo.output_width * cinfo.output_components, 1);
    while (cinfo.output_scanline < cinfo.output_height && jerr.pub.num_warnings == 0)
        jpeg_read_scanlines(&cinfo, row, 1);
    bool ok = jerr.pub.num_warnings == 0;
    if (ok)
        jpeg_finish_decompress(&cinfo);
    ok = ok && jerr.pub.num_warnings == 0;
    jpeg_destroy_decompress(&cinfo);
    if (!ok)
        g_set_error_literal(err, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                            "truncated or damaged JPEG data");
    return ok;
}

/* Decodes JPEG bytes (`data`, g_malloc'd, taken) and attaches them for the PDF, which embeds
 * them as they are; NULL with *err set on failure. */
static cairo_surface_t *jpeg_surface(gchar *data, gsize len, GError **err)
{
    if (!jpeg_complete((const unsigned char *)data, len, err)) {
        g_free(data);
        return NULL;
    }
    GdkPixbufLoader *loader = gdk_pixbuf_loader_new_with_type("jpeg", err);
    cairo_surface_t *s = NULL;
    if (loader && gdk_pixbuf_loader_write(loader, (const guchar *)data, len, err) &&
        gdk_pixbuf_loader_close(loader, err)) {
        GdkPixbuf *pb = gdk_pixbuf_loader_get_pixbuf(loader);
        if (pb)
            s = surface_from_pixbuf(pb);
    } else if (loader) {
        gdk_pixbuf_loader_close(loader, NULL);
    }
    if (loader)
        g_object_unref(loader);
    if (s && cairo_surface_status(s) == CAIRO_STATUS_SUCCESS &&
        cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, (unsigned char *)data, len,
                                    g_free, data) == CAIRO_STATUS_SUCCESS)
        return s;
    g_free(data);
    if (s)
        cairo_surface_destroy(s);
    if (err && !*err)
        g_set_error_literal(err, G_FILE_ERROR, G_FILE_ERROR_FAILED, "not a JPEG image");
    return NULL;
}

static cairo_surface_t *load_jpeg(const lay_image *img, GError **err)
{
    gchar *data;
    gsize len;
    if (img->bytes) {
        data = g_memdup2(img->bytes, img->nbytes);
        len = img->nbytes;
    } else if (!g_file_get_contents(img->path, &data, &len, err)) {
        return NULL;
    }
    return jpeg_surface(data, len, err);
}

/* Reads a data: URI's PNG bytes for cairo. */
typedef struct {
    const unsigned char *p, *end;
} byte_reader;

static cairo_status_t read_bytes(void *closure, unsigned char *out, unsigned int n)
{
    byte_reader *r = closure;
    if ((size_t)(r->end - r->p) < n)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(out, r->p, n);
    r->p += n;
    return CAIRO_STATUS_SUCCESS;
}

/* Other bitmaps (GIF, TIFF, BMP...) through gdk-pixbuf; NULL with *err set on failure. */
static cairo_surface_t *load_raster(const lay_image *img, GError **err)
{
    GdkPixbuf *pb = NULL;
    if (img->bytes) {
        GdkPixbufLoader *l = gdk_pixbuf_loader_new();
        if (gdk_pixbuf_loader_write(l, img->bytes, img->nbytes, err) &&
            gdk_pixbuf_loader_close(l, err) && gdk_pixbuf_loader_get_pixbuf(l))
            pb = g_object_ref(gdk_pixbuf_loader_get_pixbuf(l));
        else
            gdk_pixbuf_loader_close(l, NULL);
        g_object_unref(l);
    } else {
        pb = gdk_pixbuf_new_from_file(img->path, err);
    }
    if (!pb)
        return NULL;
    /* GIF and the like carry no orientation; TIFF and others may */
    GdkPixbuf *oriented = gdk_pixbuf_apply_embedded_orientation(pb);
    cairo_surface_t *s = surface_from_pixbuf(oriented ? oriented : pb);
    if (oriented)
        g_object_unref(oriented);
    g_object_unref(pb);
    return s;
}

static cairo_surface_t *load_png(const lay_image *img, GError **err)
{
    byte_reader r = {img->bytes, img->bytes ? img->bytes + img->nbytes : NULL};
    cairo_surface_t *s = img->bytes ? cairo_image_surface_create_from_png_stream(read_bytes, &r)
                                    : cairo_image_surface_create_from_png(img->path);
    cairo_status_t st = cairo_surface_status(s);
    if (st == CAIRO_STATUS_SUCCESS)
        return s;
    cairo_surface_destroy(s);
    g_set_error_literal(err, G_FILE_ERROR, G_FILE_ERROR_FAILED, cairo_status_to_string(st));
    return NULL;
}

static RsvgHandle *load_svg(const lay_image *img, GError **err)
{
    return img->bytes ? svg_doc_get(NULL, img->bytes, img->nbytes, err)
                      : svg_doc_get(img->path, NULL, 0, err);
}

static void load(image_entry *e, const lay_image *img, GError **err)
{
    switch (img->kind) {
    case LAY_IMAGE_PNG:
        e->surface = load_png(img, err);
        break;
    case LAY_IMAGE_JPEG:
        e->surface = load_jpeg(img, err);
        break;
    case LAY_IMAGE_RASTER:
        e->surface = load_raster(img, err);
        break;
    case LAY_IMAGE_SVG:
        e->svg = load_svg(img, err);
        break;
    case LAY_IMAGE_SVG_INLINE:
        e->svg = svg_doc_get(NULL, (const guint8 *)img->svg_data, img->svg_len, err);
        break;
    }
    if (e->surface) {
        e->width = cairo_image_surface_get_width(e->surface);
        e->height = cairo_image_surface_get_height(e->surface);
    }
}

/* The cache key: the kind, then the path or the inline document itself. */
static GBytes *image_key(const lay_image *img)
{
    bool inline_svg = img->kind == LAY_IMAGE_SVG_INLINE;
    const char *src = inline_svg  ? img->svg_data
                      : img->bytes ? (const char *)img->bytes
                                   : img->path;
    size_t len = inline_svg ? img->svg_len : img->bytes ? img->nbytes : (src ? strlen(src) : 0);
    guint8 *buf = g_malloc(len + 1);
    buf[0] = (guint8)img->kind;
    if (len)
        memcpy(buf + 1, src, len);
    return g_bytes_new_take(buf, len + 1);
}

/* The entry for `img`, loading it on first use (a failure is remembered and warned once). */
static const image_entry *lookup(paint_images *im, const lay_image *img)
{
    GBytes *key = image_key(img);
    image_entry *e = g_hash_table_lookup(im->cache, key);
    if (e) {
        g_bytes_unref(key);
        return e;
    }
    e = g_new0(image_entry, 1);
    bool has_source = img->kind == LAY_IMAGE_SVG_INLINE ? img->svg_data != NULL
                                                          : img->path || img->bytes;
    GError *err = NULL;
    if (has_source)
        load(e, img, &err);
    if (!e->surface && !e->svg)
        diag_warning(im->d, img->path ? img->path : "data: URI", 0, _("cannot read image: %s"),
                     err ? err->message : "no data");
    g_clear_error(&err);
    g_hash_table_insert(im->cache, key, e);
    return e;
}

/* Clips to the extent of (x, y, w, h) in device space widened to whole units, so that an
 * edge drawn on the viewport's border keeps its antialiased pixels (a turned image: the
 * extent of its turned box). */
static void clip_to_device_units(cairo_t *cr, double x, double y, double w, double h)
{
    double x0 = x, y0 = y, x1 = x + w, y1 = y + h;
    cairo_user_to_device(cr, &x0, &y0);
    cairo_user_to_device(cr, &x1, &y1);
    double l = floor(fmin(x0, x1)), t = floor(fmin(y0, y1));
    cairo_save(cr);
    cairo_identity_matrix(cr);
    cairo_rectangle(cr, l, t, ceil(fmax(x0, x1)) - l, ceil(fmax(y0, y1)) - t);
    cairo_restore(cr); /* the path stays, in device space */
    cairo_clip(cr);
}

bool paint_image_draw(paint_images *im, cairo_t *cr, const lay_image *img, double x, double y,
                      double w, double h)
{
    const image_entry *e = img ? lookup(im, img) : NULL;
    if (!e || (!e->surface && !e->svg))
        return false;
    if (w <= 0 || h <= 0)
        return true;
    if (e->svg) {
        RsvgRectangle viewport = {x, y, w, h};
        GError *err = NULL;
        /* An SVG is drawn within its viewport, as FOP (Batik) and browsers clip the
         * outermost svg element: librsvg 2.48 doesn't, and would let what a drawing puts
         * past its viewBox run over the page. */
        cairo_save(cr);
        clip_to_device_units(cr, x, y, w, h);
        if (!rsvg_handle_render_document(e->svg, cr, &viewport, &err)) {
            diag_warning(im->d, img->path, 0, _("cannot draw image: %s"), err->message);
            g_error_free(err);
        }
        cairo_restore(cr);
        return true;
    }
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, w / e->width, h / e->height);
    cairo_set_source_surface(cr, e->surface, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    return true;
}
