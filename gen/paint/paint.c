/* Painter: options, dispatch to a backend, and output files that appear only on commit. */
#include "paint/paint_internal.h"
#include "util/atomic_file.h"
#include "util/i18n.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct paint_output {
    char *temp, *final;
    paint_output *next;
};

static const paint_backend *backend_for(paint_format format)
{
    switch (format) {
    case PAINT_PDF:
        return &paint_pdf_backend;
    case PAINT_PNG:
        return &paint_png_backend;
    case PAINT_TEXT:
        return &paint_text_backend;
    }
    return NULL;
}

static void copy_options(painter *p, const paint_options *o)
{
    p->opts = *o;
    p->opts.title = arena_strdup(p->a, o->title);
    p->opts.author = arena_strdup(p->a, o->author);
    p->opts.subject = arena_strdup(p->a, o->subject);
    p->opts.keywords = arena_strdup(p->a, o->keywords);
    p->opts.creator = arena_strdup(p->a, o->creator);
    p->opts.language = arena_strdup(p->a, o->language);
    if (p->opts.dpi <= 0)
        p->opts.dpi = 96;
    if (p->opts.creation_date < 0)
        p->opts.creation_date = (long long)time(NULL);
}

/* Removes every temporary file not yet renamed. */
static void remove_outputs(painter *p)
{
    for (paint_output *o = p->outputs; o; o = o->next)
        atomic_file_discard(o->temp);
}

static void painter_free(painter *p)
{
    paint_images_destroy(p->images);
    arena_destroy(p->a);
    free(p);
}

painter *paint_open(const char *out_path, const paint_options *opts, diag *d)
{
    const paint_options defaults = {.format = PAINT_PDF, .creation_date = -1};
    if (!opts)
        opts = &defaults;
    const paint_backend *be = backend_for(opts->format);
    if (!be || !out_path || !*out_path) {
        diag_error(d, out_path, 0, _("cannot open painter: bad output or format"));
        return NULL;
    }
    painter *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    p->be = be;
    p->d = d;
    p->a = arena_new();
    p->out_path = arena_strdup(p->a, out_path);
    copy_options(p, opts);
    p->images = paint_images_new(d);
    if (!be->open(p)) {
        be->abort(p);
        remove_outputs(p);
        painter_free(p);
        return NULL;
    }
    return p;
}

bool paint_page(painter *p, const lay_page *page)
{
    if (!p || !page || p->write_failed)
        return false;
    p->npages++;
    if (!p->be->begin_page(p, page))
        return false;
    for (size_t i = 0; i < page->nboxes; i++)
        if (!p->be->box(p, &page->boxes[i]))
            return false;
    return p->be->end_page(p, page);
}

static lay_outline *copy_outline(arena *a, const lay_outline *o)
{
    lay_outline *first = NULL, **tail = &first;
    for (; o; o = o->next_sibling) {
        lay_outline *c = ARENA_NEW(a, lay_outline);
        c->title = arena_strdup(a, o->title ? o->title : "");
        c->dest = arena_strdup(a, o->dest);
        c->uri = arena_strdup(a, o->uri);
        c->open = o->open;
        c->first_child = copy_outline(a, o->first_child);
        *tail = c;
        tail = &c->next_sibling;
    }
    return first;
}

void paint_outline(painter *p, const lay_outline *outline)
{
    if (!p || !outline || !p->be->outline)
        return;
    /* The caller's arena may die before paint_close, where PDF adds the outline. */
    p->be->outline(p, copy_outline(p->a, outline));
}

/* Renames every temporary file into place; on failure removes those left. */
static bool rename_outputs(painter *p)
{
    for (paint_output *o = p->outputs; o; o = o->next) {
        if (!atomic_file_publish(o->temp, o->final)) {
            diag_error(p->d, o->final, 0, _("cannot write: %s"), strerror(errno));
            remove_outputs(p);
            return false;
        }
        o->temp = NULL;
    }
    return true;
}

bool paint_close(painter *p, bool commit)
{
    if (!p)
        return false;
    bool ok = false;
    if (commit && !p->write_failed) {
        ok = p->be->finish(p) && !p->write_failed;
        ok = ok && rename_outputs(p);
    } else {
        p->be->abort(p);
    }
    if (!ok)
        remove_outputs(p);
    painter_free(p);
    return ok;
}

/* ---- output files -------------------------------------------------------------------- */

FILE *paint_output_create(painter *p, const char *final_path)
{
    char *temp = NULL;
    FILE *f = atomic_file_create(final_path, &temp);
    if (!f) {
        diag_error(p->d, final_path, 0, _("cannot write: %s"), strerror(errno));
        return NULL;
    }
    paint_output *o = ARENA_NEW(p->a, paint_output);
    o->temp = arena_strdup(p->a, temp);
    free(temp);
    o->final = arena_strdup(p->a, final_path);
    paint_output **tail = &p->outputs;
    while (*tail)
        tail = &(*tail)->next;
    *tail = o;
    return f;
}

bool paint_output_close(painter *p, FILE *f)
{
    if (!f)
        return true;
    errno = 0;
    bool ok = fflush(f) == 0 && !ferror(f);
    int err = ok ? 0 : (errno ? errno : EIO);
    if (fclose(f) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok)
        paint_write_error(p, err);
    return ok;
}

void paint_write_error(painter *p, int err)
{
    if (p->write_failed)
        return;
    p->write_failed = true;
    diag_error(p->d, p->out_path, 0, _("cannot write: %s"), strerror(err));
}

cairo_status_t paint_stream_write(void *closure, const unsigned char *data, unsigned int len)
{
    paint_stream *s = closure;
    if (!s->f) /* aborted: the output is being thrown away */
        return CAIRO_STATUS_WRITE_ERROR;
    errno = 0;
    if (len && fwrite(data, 1, len, s->f) != len) {
        paint_write_error(s->p, errno ? errno : EIO);
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

/* ---- numbers -------------------------------------------------------------------------- */

char *paint_fmt(char *buf, double v, int decimals)
{
    static const long long scales[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    if (!isfinite(v) || fabs(v) > 1e9)
        v = 0;
    long long scale = scales[decimals];
    long long n = llround(v * (double)scale);
    const char *sign = n < 0 ? "-" : "";
    unsigned long long u = n < 0 ? (unsigned long long)-n : (unsigned long long)n;
    if (decimals == 0)
        snprintf(buf, 32, "%s%u", sign, (unsigned)u);
    else /* |v| <= 1e9: both parts fit an unsigned int */
        snprintf(buf, 32, "%s%u.%0*u", sign, (unsigned)(u / (unsigned long long)scale), decimals,
                 (unsigned)(u % (unsigned long long)scale));
    return buf;
}
