/* PDF backend: one cairo PDF surface, page size and label set per page, outline and
 * metadata added at the end; the accessibility step then writes the file through our own
 * stream (so a full disk is reported). */
#include <cairo-pdf.h>
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "paint/paint_internal.h"
#include "paint/paint_pdf_marks.h"
#include "paint/paint_pdf_tagged.h"
#include "util/i18n.h"

typedef struct {
    paint_stream stream;
    paint_stream cairo_out; /* what cairo writes, before the accessibility step: a temporary
                             * file, whose write errors are the output's */
    paint_canvas cv;
    const lay_outline *outline;
    pdf_marks *marks;
} pdf_state;

/* cairo's output goes to a temporary file, the accessibility step (paint_pdf_tagged.c)
 * reading it mapped in memory: only the pages that it reads are loaded, and cairo's own
 * structure tree, most of the file, never is.
 *
 * A temporary file already unlinked (in $TMPDIR), or NULL after reporting why. */
static FILE *temporary_file(painter *p)
{
    GError *err = NULL;
    char *path = NULL;
    int fd = g_file_open_tmp("livrables-XXXXXX.pdf", &path, &err);
    if (fd < 0) {
        diag_error(p->d, p->out_path, 0, _("cannot create a temporary file: %s"), err->message);
        g_error_free(err);
        return NULL;
    }
    g_unlink(path);
    g_free(path);
    FILE *f = fdopen(fd, "w+b");
    if (!f) {
        diag_error(p->d, p->out_path, 0, _("cannot create a temporary file: %s"), strerror(errno));
        close(fd);
    }
    return f;
}

/* The accessibility step on what cairo wrote, mapped in memory. */
static bool write_tagged(painter *p, pdf_state *s)
{
    GError *err = NULL;
    GMappedFile *map = NULL;
    errno = 0;
    if (fflush(s->cairo_out.f) != 0)
        paint_write_error(p, errno ? errno : EIO);
    /* cairo 1.16 may finish with a success status after its write function failed */
    if (p->write_failed)
        return false;
    map = g_mapped_file_new_from_fd(fileno(s->cairo_out.f), FALSE, &err);
    if (!map) {
        diag_error(p->d, p->out_path, 0, _("cannot write PDF: %s"), err->message);
        g_error_free(err);
        return false;
    }
    bool ok = pdf_tagged_write((const unsigned char *)g_mapped_file_get_contents(map),
                               g_mapped_file_get_length(map), s->marks, &p->opts,
                               paint_stream_write, &s->stream, p->out_path, p->d);
    g_mapped_file_unref(map);
    return ok;
}

/* "YYYY-MM-DDThh:mm:sZ" for cairo's metadata (it turns it into a PDF date). */
static void iso_date(long long when, char buf[32])
{
    time_t t = (time_t)when;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void set_metadata(cairo_surface_t *s, const paint_options *o)
{
    static const struct {
        cairo_pdf_metadata_t key;
        size_t offset;
    } fields[] = {
        {CAIRO_PDF_METADATA_TITLE, offsetof(paint_options, title)},
        {CAIRO_PDF_METADATA_AUTHOR, offsetof(paint_options, author)},
        {CAIRO_PDF_METADATA_SUBJECT, offsetof(paint_options, subject)},
        {CAIRO_PDF_METADATA_KEYWORDS, offsetof(paint_options, keywords)},
        {CAIRO_PDF_METADATA_CREATOR, offsetof(paint_options, creator)},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const char *v = *(const char *const *)((const char *)o + fields[i].offset);
        if (v && *v)
            cairo_pdf_surface_set_metadata(s, fields[i].key, v);
    }
    /* Fixed dates make the output byte-identical from run to run. */
    char date[32];
    iso_date(o->creation_date, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
}

static bool pdf_open(painter *p)
{
    pdf_state *s = ARENA_NEW(p->a, pdf_state);
    p->impl = s;
    s->stream.p = p;
    s->stream.f = paint_output_create(p, p->out_path);
    if (!s->stream.f)
        return false;
    /* A4 until the first page sets its own size. */
    s->cairo_out.p = p;
    s->cairo_out.f = temporary_file(p);
    if (!s->cairo_out.f)
        return false;
    s->cv.surface = cairo_pdf_surface_create_for_stream(paint_stream_write, &s->cairo_out,
                                                        595.28, 841.89);
    s->cv.cr = cairo_create(s->cv.surface);
    if (cairo_status(s->cv.cr) != CAIRO_STATUS_SUCCESS) {
        diag_error(p->d, p->out_path, 0, _("cannot create PDF: %s"),
                   cairo_status_to_string(cairo_status(s->cv.cr)));
        return false;
    }
    set_metadata(s->cv.surface, &p->opts);
    s->cv.pc = paint_cairo_new(p, s->cv.cr, true);
    s->marks = pdf_marks_new(p->a, s->cv.cr);
    return true;
}

/* Reports cairo's error unless it is a write error already reported. */
static bool check(painter *p, cairo_status_t st)
{
    if (st == CAIRO_STATUS_SUCCESS)
        return true;
    if (!p->write_failed)
        diag_error(p->d, p->out_path, 0, _("cannot write PDF: %s"), cairo_status_to_string(st));
    return false;
}

/* Works around cairo 1.16 bugs with tags (links, destinations):
 * - a link outside any structure element makes a struct tree that refers to an object
 *   never written (qpdf: "file is damaged"): one "Document" element holds everything.
 *   It is never a leaf, so it gets no marked content; the tree cairo writes is replaced
 *   by paint_pdf_tagged.c anyway;
 * - a page cairo saw no drawing on loses its destinations, or trips an assertion when
 *   a later page has some: every page starts with a white square in the very corner
 *   (mostly off the page), covered by anything drawn there: a layout artifact. */
static void start_page_content(painter *p, pdf_state *s)
{
    cairo_t *cr = s->cv.cr;
    if (p->npages == 1)
        cairo_tag_begin(cr, "Document", "");
    pdf_marks_begin_page(s->marks, p->npages - 1);
    pdf_marks_artifact(s->marks);
    cairo_save(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, -0.5, -0.5, 1, 1);
    cairo_fill(cr);
    cairo_restore(cr);
}

static bool pdf_begin_page(painter *p, const lay_page *page)
{
    pdf_state *s = p->impl;
    /* no title from the declarations or the command line: the first fo:title (as FOP) */
    if ((!p->opts.title || !*p->opts.title) && page->title && *page->title) {
        p->opts.title = arena_strdup(p->a, page->title);
        cairo_pdf_surface_set_metadata(s->cv.surface, CAIRO_PDF_METADATA_TITLE, p->opts.title);
    }
    cairo_pdf_surface_set_size(s->cv.surface, page->width, page->height);
    start_page_content(p, s);
    return check(p, cairo_status(s->cv.cr));
}

static bool pdf_box(painter *p, const lay_box *box)
{
    pdf_state *s = p->impl;
    if (paint_cairo_link_drawn(box))
        pdf_marks_link(s->marks, box);
    else
        pdf_marks_box(s->marks, box);
    return paint_cairo_box(s->cv.pc, box) || check(p, cairo_status(s->cv.cr));
}

static bool pdf_end_page(painter *p, const lay_page *page)
{
    pdf_state *s = p->impl;
    /* Set at the end: cairo 1.16 forgets a label set before the first drawing. */
    if (page->label && *page->label)
        cairo_pdf_surface_set_page_label(s->cv.surface, page->label);
    pdf_marks_close(s->marks);
    cairo_show_page(s->cv.cr);
    return check(p, cairo_status(s->cv.cr));
}

static void pdf_outline(painter *p, const lay_outline *outline)
{
    ((pdf_state *)p->impl)->outline = outline;
}

/* Adds bookmarks under `parent`; a link attribute string as for link tags. */
static void add_outline(cairo_surface_t *surface, int parent, const lay_outline *o)
{
    for (; o; o = o->next_sibling) {
        GString *attrs = g_string_new(NULL);
        const char *target = o->dest ? o->dest : o->uri;
        if (target) {
            g_string_append(attrs, o->dest ? "dest='" : "uri='");
            for (const char *c = target; *c; c++) {
                if (*c == '\'' || *c == '\\')
                    g_string_append_c(attrs, '\\');
                g_string_append_c(attrs, *c);
            }
            g_string_append_c(attrs, '\'');
        }
        int id = cairo_pdf_surface_add_outline(surface, parent, o->title, attrs->str,
                                               o->open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        g_string_free(attrs, TRUE);
        add_outline(surface, id, o->first_child);
    }
}

static bool pdf_finish(painter *p)
{
    pdf_state *s = p->impl;
    if (p->npages > 0)
        cairo_tag_end(s->cv.cr, "Document");
    if (s->outline)
        add_outline(s->cv.surface, CAIRO_PDF_OUTLINE_ROOT, s->outline);
    cairo_surface_finish(s->cv.surface);
    bool ok = check(p, cairo_surface_status(s->cv.surface));
    paint_canvas_release(&s->cv);
    pdf_marks_drawn(s->marks);
    /* Every page is painted: the blocks layout's arenas gave back to the pool go to malloc,
     * which qpdf is about to ask for a lot (else the peak is both at once). */
    arena_trim();
    /* what cairo can't write (structure tree, artifacts, language, XMP...) */
    if (ok)
        ok = write_tagged(p, s);
    fclose(s->cairo_out.f);
    s->cairo_out.f = NULL;
    pdf_marks_destroy(s->marks);
    s->marks = NULL;
    ok = paint_output_close(p, s->stream.f) && ok;
    s->stream.f = NULL;
    return ok && !p->write_failed;
}

static void pdf_abort(painter *p)
{
    pdf_state *s = p->impl;
    if (!s)
        return;
    if (s->stream.f)
        fclose(s->stream.f);
    s->stream.f = NULL; /* what cairo still writes while finishing is dropped */
    paint_canvas_release(&s->cv);
    if (s->cairo_out.f)
        fclose(s->cairo_out.f);
    s->cairo_out.f = NULL;
    pdf_marks_destroy(s->marks);
    s->marks = NULL;
}

const paint_backend paint_pdf_backend = {
    .open = pdf_open,
    .begin_page = pdf_begin_page,
    .box = pdf_box,
    .end_page = pdf_end_page,
    .outline = pdf_outline,
    .finish = pdf_finish,
    .abort = pdf_abort,
};
