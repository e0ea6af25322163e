/* The intrinsic size of an SVG read from its outermost svg element's attributes with
 * libxml2's reader, without librsvg building the whole drawing: layout only needs the size,
 * and the painter parses the SVG again to draw it (the sketches of the examples cost
 * librsvg tens of millions of instructions to load). The sizes are librsvg's at 72 dpi
 * (lengths parsed as 32-bit floats, as its CSS parser does); whatever this reader is not
 * sure to read as librsvg does (other units, a style attribute, CSS, a malformed document)
 * is left to librsvg. */
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "layout/lay_svg_size.h"

#define SVG_NS "http://www.w3.org/2000/svg"

static const char *skip_spaces(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
        s++;
    return s;
}

/* A number as librsvg's CSS parser reads it: a float. `*end` after it; false if none. */
static bool parse_number(const char *s, double *v, const char **end)
{
    if (!((*s >= '0' && *s <= '9') || *s == '.' || *s == '-' || *s == '+'))
        return false;
    char *e;
    double d = strtod(s, &e);
    if (e == s || !isfinite(d))
        return false;
    /* strtod also reads hexadecimal, infinities and NaN, which CSS doesn't */
    for (const char *c = s; c < e; c++)
        if (!strchr("0123456789.eE+-", *c))
            return false;
    *v = (double)(float)d;
    *end = e;
    return true;
}

/* A positive absolute length in points at 72 dpi, as librsvg converts it; false for any
 * other unit (percentages, font-relative units) or a value librsvg would reject. */
static bool parse_length(const char *s, double *pt)
{
    if (!s)
        return false;
    const char *e;
    double v;
    if (!parse_number(skip_spaces(s), &v, &e) || v <= 0)
        return false;
    static const struct { const char *unit; double per_inch; } units[] = {
        {"in", 1}, {"cm", 2.54}, {"mm", 25.4}, {"pt", 72}, {"pc", 6},
    };
    double dpi = 72;
    const char *rest = e;
    if (*skip_spaces(e) == '\0' || (strncmp(e, "px", 2) == 0 && *skip_spaces(e + 2) == '\0')) {
        *pt = v;
        return true;
    }
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strncmp(rest, units[i].unit, 2) == 0 && *skip_spaces(rest + 2) == '\0') {
            *pt = units[i].per_inch == 1 ? v * dpi : v * dpi / units[i].per_inch;
            return true;
        }
    return false;
}

/* viewBox="x y w h" (spaces or commas), w and h positive: its width and height. */
static bool parse_view_box(const char *s, double *w, double *h)
{
    if (!s)
        return false;
    double v[4];
    const char *p = skip_spaces(s);
    for (int i = 0; i < 4; i++) {
        const char *e;
        if (!parse_number(p, &v[i], &e))
            return false;
        p = skip_spaces(e);
        if (i < 3 && *p == ',')
            p = skip_spaces(p + 1);
    }
    if (*p || v[2] <= 0 || v[3] <= 0)
        return false;
    *w = v[2];
    *h = v[3];
    return true;
}

static char *attribute(xmlTextReaderPtr r, const char *name)
{
    return (char *)xmlTextReaderGetAttribute(r, BAD_CAST name);
}

/* The root's size as librsvg gives it, or false when this reader is unsure. */
static bool root_size(xmlTextReaderPtr r, double *w, double *h)
{
    const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
    const char *local = (const char *)xmlTextReaderConstLocalName(r);
    if (!ns || strcmp(ns, SVG_NS) != 0 || !local || strcmp(local, "svg") != 0)
        return false;
    char *style = attribute(r, "style");
    char *width = attribute(r, "width"), *height = attribute(r, "height");
    char *view_box = attribute(r, "viewBox");
    bool ok = !style;
    if (ok && width && height) {
        ok = parse_length(width, w) && parse_length(height, h);
    } else if (ok && !width && !height) {
        /* no size: the viewBox's, else 100 x 100 (lay_image.c's choice) */
        if (!view_box) {
            *w = *h = 100;
        } else {
            ok = parse_view_box(view_box, w, h);
        }
    } else {
        ok = false; /* one length alone, a percentage...: librsvg decides */
    }
    xmlFree(style);
    xmlFree(width);
    xmlFree(height);
    xmlFree(view_box);
    return ok;
}

bool lay_svg_size(const char *path, const unsigned char *bytes, size_t n, double *w, double *h)
{
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlTextReaderPtr r = path ? xmlReaderForFile(path, NULL, options)
                              : xmlReaderForMemory((const char *)bytes, (int)n, NULL, NULL, options);
    if (!r)
        return false;
    bool root_seen = false, ok = false;
    int ret;
    /* the whole document is read: a malformed one is librsvg's to refuse */
    while ((ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_ELEMENT && !root_seen) {
            root_seen = true;
            ok = root_size(r, w, h);
            if (!ok)
                break;
        } else if (type == XML_READER_TYPE_ELEMENT) {
            /* CSS might size the root element */
            const char *local = (const char *)xmlTextReaderConstLocalName(r);
            if (local && strcmp(local, "style") == 0) {
                ok = false;
                break;
            }
        } else if (type == XML_READER_TYPE_PROCESSING_INSTRUCTION) {
            ok = false; /* xml-stylesheet */
            break;
        }
    }
    if (ret != 0)
        ok = false;
    xmlFreeTextReader(r);
    return ok;
}
