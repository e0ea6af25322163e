#define _GNU_SOURCE /* vasprintf */
#include "diag/diag.h"
#include "util/i18n.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Remembered reports (as hashes in a set) make duplicates cheap to drop. */
struct diag {
    pthread_mutex_t lock; /* layout and painting may report from two threads */
    FILE *out;
    bool quiet;
    bool strict; /* warnings count and print as errors */
    atomic_int errors; /* read without the lock by the counting functions */
    atomic_int warnings;
    char *first_error;
    uint64_t *seen;
    size_t nseen, capseen;
    char *progress; /* the progress line on the terminal, or NULL */
    FILE *capture;  /* diag_divert: records written here instead of printed */
};

diag *diag_new(FILE *out)
{
    diag *d = calloc(1, sizeof *d);
    if (!d)
        abort();
    pthread_mutex_init(&d->lock, NULL);
    d->out = out;
    return d;
}

void diag_destroy(diag *d)
{
    if (!d)
        return;
    pthread_mutex_destroy(&d->lock);
    free(d->first_error);
    free(d->seen);
    free(d->progress);
    free(d);
}

static uint64_t hash_text(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* True when this exact text was already reported. The hashes sit in an open-addressing
 * set (0 marks a free slot), so documents with thousands of warnings stay fast. */
static bool seen_before(diag *d, const char *text)
{
    uint64_t h = hash_text(text) | 1;
    if (2 * (d->nseen + 1) > d->capseen) {
        size_t cap = d->capseen ? d->capseen * 2 : 64;
        uint64_t *slots = calloc(cap, sizeof *slots);
        if (!slots)
            abort();
        for (size_t i = 0; i < d->capseen; i++) {
            if (!d->seen[i])
                continue;
            size_t j = d->seen[i] & (cap - 1);
            while (slots[j])
                j = (j + 1) & (cap - 1);
            slots[j] = d->seen[i];
        }
        free(d->seen);
        d->seen = slots;
        d->capseen = cap;
    }
    size_t j = h & (d->capseen - 1);
    while (d->seen[j]) {
        if (d->seen[j] == h)
            return true;
        j = (j + 1) & (d->capseen - 1);
    }
    d->seen[j] = h;
    d->nseen++;
    return false;
}

/* Counts, remembers and prints (or captures) one formatted report. */
static void report_text(diag *d, diag_severity sev, const char *text)
{
    pthread_mutex_lock(&d->lock);
    if (!seen_before(d, text)) {
        if (sev == DIAG_ERROR) {
            d->errors++;
            if (!d->first_error)
                d->first_error = strdup(text);
        } else if (sev == DIAG_WARNING) {
            d->warnings++;
        }
        if (d->capture) {
            /* at once: a worker that dies later loses none of what it reported */
            fprintf(d->capture, "%d %zu\n%s", (int)sev, strlen(text), text);
            fflush(d->capture);
        } else if (!d->quiet && d->out) {
            fprintf(d->out, d->progress ? "\r\033[K%s\n%s" : "%s\n", text, d->progress);
            fflush(d->out);
        }
    }
    pthread_mutex_unlock(&d->lock);
}

void diag_vreport(diag *d, diag_severity sev, const char *file, int line, const char *fmt,
                  va_list ap)
{
    static const char *const names[] = {N_("note"), N_("warning"), N_("error")};
    if (sev == DIAG_WARNING && d->strict)
        sev = DIAG_ERROR;
    char msg[2048];
    vsnprintf(msg, sizeof msg, fmt, ap);

    char text[4096];
    if (file && line > 0)
        snprintf(text, sizeof text, _("%s:%d: %s: %s"), file, line, _(names[sev]), msg);
    else if (file)
        snprintf(text, sizeof text, _("%s: %s: %s"), file, _(names[sev]), msg);
    else
        snprintf(text, sizeof text, _("livrables: %s: %s"), _(names[sev]), msg);
    report_text(d, sev, text);
}

void diag_divert(diag *d, FILE *to)
{
    pthread_mutex_lock(&d->lock);
    d->capture = to;
    pthread_mutex_unlock(&d->lock);
}

/* Reads one record's header "SEVERITY LENGTH\n" at *p; false when there is none. */
static bool read_record_head(const char **p, const char *end, int *sev, size_t *len)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    if (!nl || nl - *p > 40)
        return false;
    char head[48];
    memcpy(head, *p, (size_t)(nl - *p));
    head[nl - *p] = '\0';
    char *rest;
    long s = strtol(head, &rest, 10);
    if (rest == head || *rest != ' ' || s < DIAG_NOTE || s > DIAG_ERROR)
        return false;
    char *last;
    unsigned long long n = strtoull(rest + 1, &last, 10);
    if (last == rest + 1 || *last || n > (unsigned long long)(end - nl - 1))
        return false;
    *sev = (int)s;
    *len = (size_t)n;
    *p = nl + 1;
    return true;
}

bool diag_replay(diag *d, const char *records, size_t len)
{
    const char *p = records, *end = records + len;
    while (p < end) {
        int sev;
        size_t n;
        if (!read_record_head(&p, end, &sev, &n))
            return false;
        char *text = strndup(p, n);
        if (!text)
            abort();
        report_text(d, (diag_severity)sev, text);
        free(text);
        p += n;
    }
    return true;
}

void diag_report(diag *d, diag_severity sev, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(d, sev, file, line, fmt, ap);
    va_end(ap);
}

int diag_error_count(const diag *d) { return atomic_load(&d->errors); }
int diag_warning_count(const diag *d) { return atomic_load(&d->warnings); }
void diag_set_quiet(diag *d, bool quiet) { d->quiet = quiet; }
void diag_set_strict(diag *d, bool strict) { d->strict = strict; }
bool diag_strict(const diag *d) { return d->strict; }

void diag_forget_reported(diag *d)
{
    pthread_mutex_lock(&d->lock);
    if (d->seen)
        memset(d->seen, 0, d->capseen * sizeof *d->seen);
    d->nseen = 0;
    pthread_mutex_unlock(&d->lock);
}
void diag_progress(diag *d, const char *fmt, ...)
{
    if (d->quiet || d->capture || !d->out || !isatty(fileno(d->out)))
        return;
    char *text = NULL;
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        if (vasprintf(&text, fmt, ap) < 0)
            text = NULL;
        va_end(ap);
    }
    pthread_mutex_lock(&d->lock);
    fprintf(d->out, "\r\033[K%s", text ? text : "");
    fflush(d->out);
    free(d->progress);
    d->progress = text;
    pthread_mutex_unlock(&d->lock);
}

const char *diag_first_error(const diag *d) { return d->first_error; }
