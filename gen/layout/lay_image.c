/* Images: resolving src (files, data: URIs), probing intrinsic sizes from file headers
 * (PNG, JPEG), librsvg (SVG) or gdk-pixbuf (other bitmaps), and sizing the viewport and content per XSL § 7.15 (content-width/height,
 * scaling, width/height). Bitmaps without a resolution count as LAY_IMAGE_DPI. */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "layout/layout_internal.h"
#include "util/i18n.h"
#include "util/svg_doc.h"

/* FOP's default source resolution: a bitmap without resolution info (no PNG pHYs, JFIF
 * density unit 0) gets the size FOP gives it, one pixel a point. */
#define LAY_IMAGE_DPI 72.0

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/* Decoding a raster image takes 4 bytes a pixel: a header claiming more is refused before
 * anything is allocated (a few bytes of PNG can claim 4 billion pixels). */
static bool pixels_within_limit(double w, double h)
{
    return w >= 1 && h >= 1 && w <= LAY_MAX_IMAGE_SIDE && h <= LAY_MAX_IMAGE_SIDE &&
           w * h <= LAY_MAX_IMAGE_PIXELS;
}

/* PNG: IHDR size, pHYs density when given in pixels per metre. */
static bool probe_png(FILE *f, double *w, double *h)
{
    unsigned char hd[33];
    if (fread(hd, 1, 33, f) != 33 || memcmp(hd + 12, "IHDR", 4) != 0)
        return false;
    double pw = (double)be32(hd + 16), ph = (double)be32(hd + 20);
    double dx = LAY_IMAGE_DPI, dy = LAY_IMAGE_DPI;
    unsigned char ch[8];
    while (fread(ch, 1, 8, f) == 8) {
        unsigned long len = be32(ch);
        if (memcmp(ch + 4, "IDAT", 4) == 0 || memcmp(ch + 4, "IEND", 4) == 0)
            break;
        if (memcmp(ch + 4, "pHYs", 4) == 0 && len == 9) {
            unsigned char ph9[9];
            if (fread(ph9, 1, 9, f) == 9 && ph9[8] == 1 && be32(ph9) > 0 && be32(ph9 + 4) > 0) {
                dx = (double)be32(ph9) * 0.0254;
                dy = (double)be32(ph9 + 4) * 0.0254;
            }
            break;
        }
        if (fseek(f, (long)len + 4, SEEK_CUR) != 0)
            break;
    }
    if (!pixels_within_limit(pw, ph))
        return false;
    *w = pw * 72.0 / dx;
    *h = ph * 72.0 / dy;
    return true;
}

/* JPEG: the frame header's size, the JFIF density when given in dots per inch or cm. */
static bool probe_jpeg(FILE *f, double *w, double *h)
{
    double dx = LAY_IMAGE_DPI, dy = LAY_IMAGE_DPI;
    unsigned char m[4];
    if (fseek(f, 2, SEEK_SET) != 0)
        return false;
    while (fread(m, 1, 4, f) == 4) {
        if (m[0] != 0xFF)
            return false;
        unsigned marker = m[1], len = be16(m + 2);
        if (len < 2)
            return false;
        if (marker == 0xE0 && len >= 16) {
            unsigned char app[14];
            if (fread(app, 1, 14, f) != 14)
                return false;
            if (memcmp(app, "JFIF", 5) == 0 && (app[7] == 1 || app[7] == 2) && be16(app + 8) &&
                be16(app + 10)) {
                double k = app[7] == 2 ? 2.54 : 1.0;
                dx = be16(app + 8) * k;
                dy = be16(app + 10) * k;
            }
            if (fseek(f, (long)len - 16, SEEK_CUR) != 0)
                return false;
            continue;
        }
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
            marker != 0xCC) {
            unsigned char sof[5];
            if (fread(sof, 1, 5, f) != 5)
                return false;
            if (!pixels_within_limit(be16(sof + 3), be16(sof + 1)))
                return false;
            *h = be16(sof + 1) * 72.0 / dy;
            *w = be16(sof + 3) * 72.0 / dx;
            return true;
        }
        if (fseek(f, (long)len - 2, SEEK_CUR) != 0)
            return false;
    }
    return false;
}

/* Any other bitmap gdk-pixbuf reads: GIF, TIFF, BMP, ICO, WebP... at LAY_IMAGE_DPI. */
static bool probe_pixbuf(const char *path, const unsigned char *bytes, size_t n, double *w,
                         double *h)
{
    int pw = 0, ph = 0;
    if (path) {
        if (!gdk_pixbuf_get_file_info(path, &pw, &ph))
            return false;
    } else {
        GdkPixbufLoader *l = gdk_pixbuf_loader_new();
        bool ok = gdk_pixbuf_loader_write(l, bytes, n, NULL);
        ok = gdk_pixbuf_loader_close(l, NULL) && ok;
        GdkPixbufFormat *fmt = gdk_pixbuf_loader_get_format(l);
        GdkPixbuf *pb = ok && fmt ? gdk_pixbuf_loader_get_pixbuf(l) : NULL;
        if (pb) {
            pw = gdk_pixbuf_get_width(pb);
            ph = gdk_pixbuf_get_height(pb);
        }
        g_object_unref(l);
    }
    if (!pixels_within_limit(pw, ph))
        return false;
    *w = pw * 72.0 / LAY_IMAGE_DPI;
    *h = ph * 72.0 / LAY_IMAGE_DPI;
    return true;
}

bool lay_image_probe(const char *path, const unsigned char *bytes, size_t n,
                     lay_image_kind *kind, double *w, double *h)
{
    FILE *f = path ? fopen(path, "rb") : fmemopen((void *)bytes, n, "rb");
    if (!f)
        return false;
    unsigned char sig[8] = {0};
    size_t got = fread(sig, 1, 8, f);
    bool ok = false;
    if (got == 8 && memcmp(sig, "\x89PNG\r\n\x1a\n", 8) == 0) {
        rewind(f);
        *kind = LAY_IMAGE_PNG;
        ok = probe_png(f, w, h);
    } else if (got >= 3 && sig[0] == 0xFF && sig[1] == 0xD8 && sig[2] == 0xFF) {
        *kind = LAY_IMAGE_JPEG;
        ok = probe_jpeg(f, w, h);
    }
    fclose(f);
    if (ok || got == 0)
        return ok;
    /* anything else: SVG, then the bitmaps gdk-pixbuf knows */
    if (svg_doc_size(path, path ? NULL : bytes, n, w, h)) {
        *kind = LAY_IMAGE_SVG;
        return true;
    }
    *kind = LAY_IMAGE_RASTER;
    return probe_pixbuf(path, bytes, n, w, h);
}

/* The bytes of a data: URI (RFC 2397: "data:[type][;base64],payload"), in `a`; NULL when
 * it is malformed. */
static unsigned char *data_uri_bytes(const char *uri, arena *a, size_t *n)
{
    const char *comma = strchr(uri, ',');
    if (!comma)
        return NULL;
    bool base64 = comma - uri >= 7 && strncmp(comma - 7, ";base64", 7) == 0;
    GBytes *raw = g_uri_unescape_bytes(comma + 1, -1, NULL, NULL);
    if (!raw)
        return NULL;
    gsize len;
    const char *p = g_bytes_get_data(raw, &len);
    unsigned char *out = NULL;
    if (base64) {
        char *text = g_strndup(p, len);
        gsize dlen = 0;
        guchar *dec = g_base64_decode(text, &dlen);
        g_free(text);
        if (dec && dlen) {
            out = arena_alloc(a, dlen);
            memcpy(out, dec, dlen);
            *n = dlen;
        }
        g_free(dec);
    } else if (len) {
        out = arena_alloc(a, len);
        memcpy(out, p, len);
        *n = len;
    }
    g_bytes_unref(raw);
    return out;
}

/* src="url('x')", "url(x)" or "x"; file: URIs; relative to the FO file's directory. */
static char *resolve_src(lay_ctx *ctx, const char *src, arena *a, bool *remote)
{
    size_t len = strlen(src);
    while (len && (*src == ' '))
        src++, len--;
    if (len > 5 && strncmp(src, "url(", 4) == 0 && src[len - 1] == ')') {
        src += 4;
        len -= 5;
    }
    if (len >= 2 && (src[0] == '\'' || src[0] == '"') && src[len - 1] == src[0]) {
        src++;
        len -= 2;
    }
    char *s = arena_strndup(a, src, len);
    *remote = strncmp(s, "http:", 5) == 0 || strncmp(s, "https:", 6) == 0 ||
              strncmp(s, "ftp:", 4) == 0;
    if (*remote || strncmp(s, "data:", 5) == 0)
        return s;
    if (strncmp(s, "file://", 7) == 0)
        s += 7;
    else if (strncmp(s, "file:", 5) == 0)
        s += 5;
    if (s[0] == '/' || !ctx->file)
        return s;
    char *dir = g_path_get_dirname(ctx->file);
    char *full = arena_printf(a, "%s/%s", dir, s);
    g_free(dir);
    return full;
}

/* The image of a file or of a data: URI (`path` NULL), probed once per document: NULL
 * with a warning when it can't be read; layout goes on with an empty box, as FOP does. */
static const lay_image *load_image(lay_ctx *ctx, const fo_node *n, const char *path,
                                   const char *src)
{
    if (!ctx->images)
        ctx->images = g_hash_table_new(g_str_hash, g_str_equal);
    const char *key = path ? path : src;
    gpointer found;
    if (g_hash_table_lookup_extended(ctx->images, key, NULL, &found))
        return found;
    lay_image *img = ARENA_NEW(ctx->a, lay_image);
    if (!path) {
        img->bytes = data_uri_bytes(src, ctx->a, &img->nbytes);
        if (!img->bytes)
            diag_warning(ctx->d, ctx->file, n->line, _("image: malformed data: URI"));
    }
    if ((path || img->bytes) &&
        !lay_image_probe(path, img->bytes, img->nbytes, &img->kind, &img->intrinsic_width,
                         &img->intrinsic_height)) {
        if (path && !g_file_test(path, G_FILE_TEST_EXISTS))
            diag_warning(ctx->d, ctx->file, n->line, _("image '%s' not found"), src);
        else
            diag_warning(ctx->d, ctx->file, n->line,
                         _("image '%.200s': unknown or damaged format, or more than %d megapixels"),
                         src, LAY_MAX_IMAGE_PIXELS / 1000000);
        img = NULL;
    } else if (!path && !img->bytes) {
        img = NULL;
    } else if (path) {
        img->path = arena_strdup(ctx->a, path);
        if (ctx->inputs && !strlist_contains(ctx->inputs, path))
            strlist_add(ctx->inputs, path);
    }
    g_hash_table_insert(ctx->images, arena_strdup(ctx->a, key), img);
    return img;
}

static const lay_image *load_inline(lay_ctx *ctx, const fo_node *n, arena *a)
{
    if (!n->text || !n->text_len)
        return NULL;
    double w, h;
    if (!svg_doc_size(NULL, (const guint8 *)n->text, n->text_len, &w, &h)) {
        diag_error(ctx->d, ctx->file, n->line, _("instream-foreign-object: unreadable SVG"));
        return NULL;
    }
    lay_image *img = ARENA_NEW(a, lay_image);
    img->kind = LAY_IMAGE_SVG_INLINE;
    img->svg_data = n->text;
    img->svg_len = n->text_len;
    img->intrinsic_width = w;
    img->intrinsic_height = h;
    return img;
}

/* A scale factor from content-width or -height, or a negative value when it leaves the
 * choice to the other dimension. */
static double scale_of(fo_len c, double intrinsic, double viewport)
{
    if (intrinsic <= 0)
        return -1;
    switch (c.kw) {
    case FO_KW_auto: return -1;
    case FO_KW_scale_to_fit: return viewport >= 0 ? viewport / intrinsic : -1;
    case FO_KW_scale_down_to_fit:
        return viewport >= 0 && intrinsic > viewport ? viewport / intrinsic : 1;
    case FO_KW_scale_up_to_fit:
        return viewport >= 0 && intrinsic < viewport ? viewport / intrinsic : 1;
    default: return fo_len_resolve(c, intrinsic) / intrinsic;
    }
}

static double dimension(const fo_node *n, fo_prop_id pd, fo_len pdv, fo_len v, double base)
{
    fo_len l = fo_is_specified(n, pd) ? pdv : v;
    return fo_len_is_auto(l) ? -1 : fo_len_resolve(l, base);
}

/* A bitmap file printed `printed_w` points wide with fewer pixels an inch than the print
 * needs (ctx->min_ppi) is blurred on paper: a warning, once per image and document. */
static void check_print_resolution(lay_ctx *ctx, const fo_node *n, const lay_image *img,
                                   double printed_w)
{
    if (ctx->min_ppi <= 0 || !img || !img->path || printed_w <= 0 ||
        (img->kind != LAY_IMAGE_PNG && img->kind != LAY_IMAGE_JPEG && img->kind != LAY_IMAGE_RASTER))
        return;
    if (!ctx->low_ppi_warned)
        ctx->low_ppi_warned = g_hash_table_new(g_str_hash, g_str_equal);
    if (g_hash_table_contains(ctx->low_ppi_warned, img->path))
        return;
    int pw = 0, ph = 0;
    if (!gdk_pixbuf_get_file_info(img->path, &pw, &ph) || pw <= 0)
        return;
    double ppi = pw / (printed_w / 72.0);
    if (ppi >= ctx->min_ppi)
        return;
    g_hash_table_add(ctx->low_ppi_warned, (gpointer)img->path);
    diag_warning(ctx->d, ctx->file, n->line,
                 _("image '%s' is printed at %.0f ppi (%d pixels over %.0f mm), below the %.0f ppi "
                   "print needs: it will look blurred"),
                 img->path, ppi, pw, printed_w / 72.0 * 25.4, ctx->min_ppi);
}

lay_graphic lay_graphic_size(lay_ctx *ctx, const fo_node *n, double ref_w, arena *a)
{
    const fo_props *p = n->props;
    lay_graphic g = {0};
    if (n->kind == FO_INSTREAM_FOREIGN_OBJECT) {
        g.image = load_inline(ctx, n, a);
    } else if (p->src && *p->src) {
        bool remote;
        char *path = resolve_src(ctx, p->src, a, &remote);
        if (strncmp(path, "data:", 5) == 0)
            g.image = load_image(ctx, n, NULL, path);
        else if (remote)
            diag_warning(ctx->d, ctx->file, n->line, _("image '%s': network images are not fetched"),
                         path);
        else
            g.image = load_image(ctx, n, path, p->src);
    } else {
        diag_warning(ctx->d, ctx->file, n->line, _("external-graphic without src"));
    }
    double iw = g.image ? g.image->intrinsic_width : 0, ih = g.image ? g.image->intrinsic_height : 0;
    double vw = dimension(n, FO_PROP_inline_progression_dimension, p->inline_progression_dimension,
                          p->width, ref_w);
    double vh = dimension(n, FO_PROP_block_progression_dimension, p->block_progression_dimension,
                          p->height, 0);
    double sx = scale_of(p->content_width, iw, vw), sy = scale_of(p->content_height, ih, vh);
    if (p->scaling != FO_KW_non_uniform) {
        if (sx < 0 && sy >= 0)
            sx = sy;
        else if (sy < 0 && sx >= 0)
            sy = sx;
        else if (sx >= 0 && sy >= 0)
            sx = sy = sx < sy ? sx : sy;
    }
    if (sx < 0)
        sx = 1;
    if (sy < 0)
        sy = 1;
    g.cw = iw * sx;
    g.ch = ih * sy;
    /* An image that could not be read keeps the size it was given (content-width/-height
     * as lengths), so the page looks as it would with it. */
    if (!g.image) {
        if (p->content_width.kw == FO_KW_UNSET)
            g.cw = fo_len_resolve(p->content_width, 0);
        if (p->content_height.kw == FO_KW_UNSET)
            g.ch = fo_len_resolve(p->content_height, 0);
    }
    g.w = vw >= 0 ? vw : g.cw;
    g.h = vh >= 0 ? vh : g.ch;
    check_print_resolution(ctx, n, g.image, g.cw);
    /* content smaller than its viewport is placed by text-align and display-align (XSL 1.1
     * § 6.6.5), as FOP does: a map scaled down to fit a full-width frame stays centred */
    g.cx = 0;
    g.cy = 0;
    fo_kw ta = p->text_align;
    if (ta == FO_KW_center)
        g.cx = (g.w - g.cw) / 2;
    else if (ta == FO_KW_end || ta == FO_KW_right)
        g.cx = g.w - g.cw;
    if (p->display_align == FO_KW_center)
        g.cy = (g.h - g.ch) / 2;
    else if (p->display_align == FO_KW_after)
        g.cy = g.h - g.ch;
    return g;
}
