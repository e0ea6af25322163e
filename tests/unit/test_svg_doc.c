/* SVG documents parsed once for layout's size probe and the painter (svg_doc.c): the same
 * handle for the same file and bytes, a new one when the file changed (build --watch), and
 * the size layout gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "util/svg_doc.h"

#define SVG_40 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\"/>"
#define SVG_VIEWBOX "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\"/>"

/* A temporary file holding `text`: its path (g_free it, after g_unlink). */
static char *file_with(const char *text)
{
    char *path = NULL;
    int fd = g_file_open_tmp("svg-doc-XXXXXX.svg", &path, NULL);
    assert_true(fd >= 0);
    close(fd);
    assert_true(g_file_set_contents(path, text, -1, NULL));
    return path;
}

static void same_file_same_handle(void **state)
{
    (void)state;
    char *path = file_with(SVG_40);
    RsvgHandle *a = svg_doc_get(path, NULL, 0, NULL);
    RsvgHandle *b = svg_doc_get(path, NULL, 0, NULL);
    assert_non_null(a);
    assert_ptr_equal(a, b);
    g_object_unref(a);
    g_object_unref(b);
    svg_doc_forget_all();
    g_unlink(path);
    g_free(path);
}

static void edited_file_parsed_again(void **state)
{
    (void)state;
    char *path = file_with(SVG_40);
    double w = 0, h = 0;
    assert_true(svg_doc_size(path, NULL, 0, &w, &h));
    assert_true(w == 40 && h == 30);
    RsvgHandle *a = svg_doc_get(path, NULL, 0, NULL);
    assert_true(g_file_set_contents(path, SVG_VIEWBOX, -1, NULL));
    RsvgHandle *b = svg_doc_get(path, NULL, 0, NULL);
    assert_ptr_not_equal(a, b);
    assert_true(svg_doc_size(path, NULL, 0, &w, &h));
    assert_true(w == 200 && h == 100); /* no width and height: the viewBox's size */
    g_object_unref(a);
    g_object_unref(b);
    svg_doc_forget_all();
    g_unlink(path);
    g_free(path);
}

static void same_bytes_from_two_files_are_two_documents(void **state)
{
    (void)state;
    /* their references are resolved against different folders */
    RsvgHandle *a = svg_doc_get(NULL, (const guint8 *)SVG_40, strlen(SVG_40), NULL);
    char *path = file_with(SVG_40);
    RsvgHandle *b = svg_doc_get(path, NULL, 0, NULL);
    assert_non_null(a);
    assert_ptr_not_equal(a, b);
    g_object_unref(a);
    g_object_unref(b);
    svg_doc_forget_all();
    g_unlink(path);
    g_free(path);
}

static void unreadable_is_reported(void **state)
{
    (void)state;
    GError *err = NULL;
    static const char junk[] = "GIF89a not an SVG";
    assert_null(svg_doc_get(NULL, (const guint8 *)junk, sizeof junk - 1, &err));
    assert_non_null(err);
    g_error_free(err);
    double w, h;
    assert_false(svg_doc_size(NULL, (const guint8 *)junk, sizeof junk - 1, &w, &h));
    assert_false(svg_doc_size("/nonexistent/none.svg", NULL, 0, &w, &h));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_file_same_handle),
        cmocka_unit_test(edited_file_parsed_again),
        cmocka_unit_test(same_bytes_from_two_files_are_two_documents),
        cmocka_unit_test(unreadable_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
