/* The framing of an incremental update: object streams and a cross-reference stream
 * (see pdf_update.h). */
#include "paint/pdf_update.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "util/grow.h"

/* Objects a stream holds, as qpdf's writer does. */
enum { OBJECTS_PER_STREAM = 100 };

/* zlib's level 5: within 1 % of the default level's size (6) on page content and on
 * structure objects, and a quarter faster. */
enum { DEFLATE_LEVEL = 5 };

/* One row of the cross-reference stream: type 1 (`field` is the object's offset) or type 2
 * (`field` is its object stream's number, `index` its place in it). */
typedef struct {
    int number;
    int type;
    long long field;
    int index;
} xref_row;

struct pdf_update {
    cairo_write_func_t write;
    void *closure;
    long long offset; /* of the next byte written, from the start of the file */
    int next_free;
    bool failed;
    xref_row *rows;
    size_t nrows, caprows;
    /* the object stream being filled */
    GString *header, *body;
    int in_stream;
    size_t first_row; /* its objects' rows */
    /* one deflate state for every stream, reset between them (initialising one clears
     * hundreds of kilobytes) */
    z_stream z;
    GByteArray *deflated;
};

pdf_update *pdf_update_new(long long base_len, int first_free, cairo_write_func_t write,
                           void *closure)
{
    pdf_update *u = g_new0(pdf_update, 1);
    u->write = write;
    u->closure = closure;
    u->offset = base_len;
    u->next_free = first_free;
    u->header = g_string_new(NULL);
    u->body = g_string_new(NULL);
    u->deflated = g_byte_array_new();
    if (deflateInit(&u->z, DEFLATE_LEVEL) != Z_OK)
        abort(); /* only out of memory, which aborts everywhere in Livrables */
    return u;
}

void pdf_update_destroy(pdf_update *u)
{
    if (!u)
        return;
    g_string_free(u->header, TRUE);
    g_string_free(u->body, TRUE);
    g_byte_array_free(u->deflated, TRUE);
    deflateEnd(&u->z);
    free(u->rows);
    g_free(u);
}

static void put(pdf_update *u, const void *data, size_t len)
{
    const unsigned char *p = data;
    while (!u->failed && len > 0) {
        unsigned int n = len > (1u << 20) ? 1u << 20 : (unsigned int)len;
        if (u->write(u->closure, p, n) != CAIRO_STATUS_SUCCESS)
            u->failed = true;
        p += n;
        len -= n;
        u->offset += n;
    }
}

static xref_row *new_row(pdf_update *u, int number, int type, long long field, int index)
{
    GROW_HEAP(u->rows, u->nrows, u->caprows, 1, 256);
    xref_row *r = &u->rows[u->nrows++];
    *r = (xref_row){number, type, field, index};
    return r;
}

/* Writes object `number` as a stream of `data` compressed, with `dict_keys` in its
 * dictionary; a type 1 row when `row` is set. */
static void put_stream(pdf_update *u, int number, const char *dict_keys, const GString *data,
                       bool row)
{
    g_byte_array_set_size(u->deflated, (guint)deflateBound(&u->z, data->len));
    u->z.next_in = (Bytef *)data->str;
    u->z.avail_in = (uInt)data->len;
    u->z.next_out = u->deflated->data;
    u->z.avail_out = u->deflated->len;
    if (deflate(&u->z, Z_FINISH) != Z_STREAM_END)
        abort(); /* the output has deflateBound's room: can't happen */
    unsigned long zlen = u->z.total_out;
    deflateReset(&u->z);
    if (row)
        new_row(u, number, 1, u->offset, 0);
    char *head = g_strdup_printf("%d 0 obj\n<< %s /Filter /FlateDecode /Length %lu >>\nstream\n",
                                 number, dict_keys, zlen);
    put(u, head, strlen(head));
    put(u, u->deflated->data, zlen);
    static const char tail[] = "\nendstream\nendobj\n";
    put(u, tail, sizeof tail - 1);
    g_free(head);
}

/* The object stream being filled, written out under a new number. */
static void flush_objects(pdf_update *u)
{
    if (u->in_stream == 0)
        return;
    int number = u->next_free++;
    for (size_t i = u->first_row; i < u->nrows; i++)
        u->rows[i].field = number;
    char keys[96];
    snprintf(keys, sizeof keys, "/Type /ObjStm /N %d /First %zu", u->in_stream,
             u->header->len + 1);
    g_string_append_c(u->header, '\n');
    g_string_append_len(u->header, u->body->str, (gssize)u->body->len);
    put_stream(u, number, keys, u->header, true);
    g_string_truncate(u->header, 0);
    g_string_truncate(u->body, 0);
    u->in_stream = 0;
    u->first_row = u->nrows;
}

bool pdf_update_add(pdf_update *u, int number, const char *text, size_t len)
{
    if (u->in_stream)
        g_string_append_c(u->header, ' ');
    pdf_append_int(u->header, number);
    g_string_append_c(u->header, ' ');
    pdf_append_int(u->header, (long long)u->body->len);
    g_string_append_len(u->body, text, (gssize)len);
    g_string_append_c(u->body, '\n');
    new_row(u, number, 2, 0, u->in_stream++);
    if (u->in_stream == OBJECTS_PER_STREAM)
        flush_objects(u);
    return !u->failed;
}

void pdf_append_int(GString *s, long long v)
{
    char digits[24];
    int n = 0;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do
        digits[n++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        g_string_append_c(s, '-');
    while (n > 0)
        g_string_append_c(s, digits[--n]);
}

static int by_number(const void *a, const void *b)
{
    const xref_row *x = a, *y = b;
    return (x->number > y->number) - (x->number < y->number);
}

/* Bytes needed for `v` in big-endian. */
static int width_of(long long v)
{
    int w = 1;
    while (w < 8 && (v >> (8 * w)) != 0)
        w++;
    return w;
}

static void put_be(GString *s, long long v, int width)
{
    for (int i = width - 1; i >= 0; i--)
        g_string_append_c(s, (char)((v >> (8 * i)) & 0xff));
}

/* The rows of `columns` bytes PNG-predicted, each from the one above (filter type 2, Up),
 * as qpdf writes them: consecutive rows differ little, so they compress to almost nothing. */
static void png_up(GString *rows, int columns)
{
    size_t n = rows->len / (size_t)columns;
    GString *out = g_string_sized_new(n * (size_t)(columns + 1));
    const unsigned char *r = (const unsigned char *)rows->str;
    for (size_t i = 0; i < n; i++) {
        g_string_append_c(out, 2);
        for (int c = 0; c < columns; c++) {
            unsigned char above = i ? r[(i - 1) * (size_t)columns + (size_t)c] : 0;
            g_string_append_c(out, (char)(unsigned char)(r[i * (size_t)columns + (size_t)c] - above));
        }
    }
    g_string_truncate(rows, 0);
    g_string_append_len(rows, out->str, (gssize)out->len);
    g_string_free(out, TRUE);
}

bool pdf_update_finish(pdf_update *u, int size, long long prev, const char *trailer_keys)
{
    flush_objects(u);
    int number = u->next_free++;
    new_row(u, number, 1, u->offset, 0); /* the cross-reference stream itself */
    qsort(u->rows, u->nrows, sizeof *u->rows, by_number);

    long long widest = 0;
    for (size_t i = 0; i < u->nrows; i++)
        if (u->rows[i].field > widest)
            widest = u->rows[i].field;
    int w2 = width_of(widest);
    /* rows, and /Index: one subsection per run of consecutive numbers */
    int columns = 3 + w2;
    GString *rows = g_string_sized_new(u->nrows * (size_t)(columns + 1));
    GString *keys = g_string_new("/Type /XRef /Index [");
    for (size_t i = 0; i < u->nrows;) {
        size_t j = i + 1;
        while (j < u->nrows && u->rows[j].number == u->rows[j - 1].number + 1)
            j++;
        g_string_append_printf(keys, "%s%d %zu", i ? " " : "", u->rows[i].number, j - i);
        for (; i < j; i++) {
            put_be(rows, u->rows[i].type, 1);
            put_be(rows, u->rows[i].field, w2);
            put_be(rows, u->rows[i].index, 2);
        }
    }
    png_up(rows, columns);
    int last = u->rows[u->nrows - 1].number;
    g_string_append_printf(keys, "] /W [1 %d 2] /DecodeParms << /Columns %d /Predictor 12 >>"
                                 " /Size %d /Prev %lld %s",
                           w2, columns, last + 1 > size ? last + 1 : size, prev, trailer_keys);
    long long xref_at = u->offset;
    put_stream(u, number, keys->str, rows, false);
    char *tail = g_strdup_printf("startxref\n%lld\n%%%%EOF\n", xref_at);
    put(u, tail, strlen(tail));
    g_free(tail);
    g_string_free(keys, TRUE);
    g_string_free(rows, TRUE);
    return !u->failed;
}
