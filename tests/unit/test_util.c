/* Unit tests for the small shared pieces: arena, diagnostics, string lists, depfiles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TEST_ASAN 1
#endif
#ifdef TEST_ASAN
#include <sanitizer/asan_interface.h>
#endif

#include "diag/diag.h"
#include "util/arena.h"
#include "util/depfile.h"
#include "util/grow.h"
#include "util/strlist.h"
#include "support.h"

static void arena_allocations_are_zeroed_aligned_and_survive_growth(void **state)
{
    arena *a = arena_new();
    char *first = arena_strdup(a, "premier");
    for (int i = 0; i < 10000; i++) {
        double *d = ARENA_NEW(a, double);
        assert_int_equal((uintptr_t)d % _Alignof(max_align_t), 0);
        assert_true(*d == 0.0);
        *d = i;
    }
    void *big = arena_alloc(a, 1 << 20); /* a private block */
    memset(big, 1, 1 << 20);
    assert_string_equal(first, "premier");
    assert_string_equal(arena_printf(a, "%s-%d", "page", 12), "page-12");
    assert_true(arena_footprint(a) >= (1 << 20));
    int *grown = arena_grow(a, NULL, sizeof(int), 0, 4);
    grown[3] = 7;
    grown = arena_grow(a, grown, sizeof(int), 4, 8);
    assert_int_equal(grown[3], 7);
    assert_int_equal(grown[7], 0);
    arena_destroy(a);
    arena_destroy(NULL);
}

/* Two big arrays growing in turn (a galley's boxes and items) keep their contents, get
 * their new slots zeroed, and leave no copy behind: the footprint follows the arrays, not
 * the sum of every size they went through. */
static void big_arrays_grow_in_place(void **state)
{
    arena *a = arena_new();
    int *x = NULL, *y = NULL;
    size_t cap = 0;
    for (size_t n = 16; n <= ((size_t)1 << 20); n *= 2) {
        x = arena_grow(a, x, sizeof *x, cap, n);
        y = arena_grow_uninit(a, y, sizeof *y, cap, n);
        for (size_t i = cap; i < n; i++) {
            assert_int_equal(x[i], 0);
            x[i] = (int)i;
            y[i] = -(int)i;
        }
        cap = n;
        (void)ARENA_NEW(a, double); /* small allocations in between */
    }
    for (size_t i = 0; i < cap; i++) {
        assert_int_equal(x[i], (int)i);
        assert_int_equal(y[i], -(int)i);
    }
    assert_true(arena_footprint(a) < 5 * (2 * cap * sizeof(int)) / 4); /* copies: 2x */
    arena_reset(a);
    int *z = arena_grow(a, NULL, sizeof *z, 0, 1 << 16);
    z = arena_grow(a, z, sizeof *z, 1 << 16, 1 << 17);
    assert_int_equal(z[(1 << 17) - 1], 0);
    arena_destroy(a);
}

/* Fills `n` doubles of `a` with garbage, one allocation each; returns the first. */
static double *dirty_doubles(arena *a, int n)
{
    double *first = NULL;
    for (int i = 0; i < n; i++) {
        double *d = ARENA_NEW(a, double);
        *d = 42.0 + i;
        if (!first)
            first = d;
    }
    return first;
}

/* A reset arena (a page done) and a new one after a destroyed one (a document done) work
 * in memory already obtained: no new block, and what they hand out is still zero-filled. */
static void arena_blocks_are_recycled_and_allocations_stay_zeroed(void **state)
{
    arena *a = arena_new();
    dirty_doubles(a, 20000); /* several blocks */
    size_t footprint = arena_footprint(a);
    for (int round = 0; round < 3; round++) {
        arena_reset(a);
        for (int i = 0; i < 20000; i++)
            assert_true(*ARENA_NEW(a, double) == 0.0);
        assert_int_equal(arena_footprint(a), footprint);
    }
    arena_destroy(a);

    arena *one = arena_new(); /* one block */
    double *old = dirty_doubles(one, 1);
    arena_destroy(one);
    arena *b = arena_new();
    double *recycled = ARENA_NEW(b, double);
    assert_ptr_equal(recycled, old); /* the block just given back */
    assert_true(*recycled == 0.0);
    char *raw = arena_alloc_uninit(b, 100);
    memset(raw, 'x', 100);
    arena_destroy(b);
    arena_trim();
}

#ifdef TEST_ASAN
/* A write one byte past an arena allocation, in a child: ASan must stop it. */
static bool overflow_is_caught(char *p, size_t n)
{
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY); /* the expected ASan report */
        dup2(devnull, STDERR_FILENO);
        ((volatile char *)p)[n] = 1;
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    return !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
#endif

/* Under AddressSanitizer the bytes no allocation owns are poisoned, so an overflow inside
 * an arena is reported like one between two mallocs. */
static void arena_overflows_are_caught_under_asan(void **state)
{
#ifndef TEST_ASAN
    skip();
#else
    arena *a = arena_new();
    char *s = arena_strdup(a, "trois");
    char *next = arena_alloc(a, 13);
    assert_false(__asan_address_is_poisoned(s + 5));
    assert_true(__asan_address_is_poisoned(s + 6)); /* the redzone before `next` */
    assert_false(__asan_address_is_poisoned(next + 12));
    assert_true(__asan_address_is_poisoned(next + 13)); /* the block's free tail */
    assert_true(overflow_is_caught(next, 13));

    char *big = arena_alloc(a, 1 << 20); /* a private block */
    assert_true(__asan_address_is_poisoned(big + (1 << 20)));
    assert_true(overflow_is_caught(big, 1 << 20));

    int *v = arena_grow(a, NULL, sizeof(int), 0, 4);
    int *w = arena_grow(a, v, sizeof(int), 4, 8);
    assert_true(__asan_address_is_poisoned(v)); /* abandoned by the growth */
    assert_false(__asan_address_is_poisoned(w + 7));
    assert_true(__asan_address_is_poisoned(w + 8));
    int *u = arena_grow_uninit(a, w, sizeof(int), 8, 16);
    assert_true(__asan_address_is_poisoned(w));
    assert_false(__asan_address_is_poisoned(u + 15));
    assert_true(overflow_is_caught((char *)u, 16 * sizeof(int)));
    arena_destroy(a);
#endif
}

static void report_some(diag *d)
{
    diag_error(d, "doc.fo", 12, "unknown formatting object fo:%s", "blok");
    diag_warning(d, "doc.fo", 3, "font family '%s' not found", "Marianne");
    diag_error(d, "doc.fo", 12, "unknown formatting object fo:%s", "blok"); /* repeated */
    diag_error(d, "out.pdf", 0, "cannot write");
    diag_error(d, NULL, 0, "no input");
}

static void diag_prints_file_line_severity_once(void **state)
{
    diag_capture c;
    diag_capture_open(&c);
    report_some(c.d);
    const char *text = diag_capture_text(&c);
    int errors = diag_error_count(c.d);
    assert_string_equal(text, "doc.fo:12: error: unknown formatting object fo:blok\n"
                              "doc.fo:3: warning: font family 'Marianne' not found\n"
                              "out.pdf: error: cannot write\n"
                              "livrables: error: no input\n");
    assert_int_equal(errors, 3);
    diag_capture_close(&c);
}

/* A build worker's reports, diverted to a file and replayed by its parent, print as if
 * reported there: same text and order, counted, deduplicated against the parent's own
 * reports; a text holding a newline stays one report. Broken records are refused. */
static void diag_diverted_reports_replay_whole(void **state)
{
    char *records = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&records, &len);
    assert_non_null(f);
    diag *worker = diag_new(stderr);
    diag_divert(worker, f);
    report_some(worker);
    diag_warning(worker, "t.xsl", 7, "message on\ntwo lines");
    diag_progress(worker, "[1/2] drawn nowhere");
    assert_int_equal(diag_error_count(worker), 3);
    fclose(f);

    diag_capture c;
    diag_capture_open(&c);
    diag_error(c.d, "out.pdf", 0, "cannot write"); /* already said by the parent */
    assert_true(diag_replay(c.d, records, len));
    assert_string_equal(diag_capture_text(&c), "out.pdf: error: cannot write\n"
                                               "doc.fo:12: error: unknown formatting object fo:blok\n"
                                               "doc.fo:3: warning: font family 'Marianne' not found\n"
                                               "livrables: error: no input\n"
                                               "t.xsl:7: warning: message on\ntwo lines\n");
    assert_int_equal(diag_error_count(c.d), 3);
    assert_int_equal(diag_warning_count(c.d), 2);

    static const char *const broken[] = {"2 500\nshort", "x 3\nabc", "9 3\nabc", "2 3abc", "2\n"};
    for (size_t i = 0; i < sizeof broken / sizeof *broken; i++)
        assert_false(diag_replay(c.d, broken[i], strlen(broken[i])));
    diag_capture_close(&c);
    diag_destroy(worker);
    free(records);
}

static void strlist_keeps_unique_entries_in_order(void **state)
{
    strlist l = {0};
    assert_true(strlist_add(&l, "a.xml"));
    assert_true(strlist_add(&l, "b.xsl"));
    assert_false(strlist_add(&l, "a.xml"));
    assert_int_equal(l.count, 2);
    assert_string_equal(l.items[1], "b.xsl");
    strlist_clear(&l);
    assert_int_equal(l.count, 0);
}

static void depfile_writes_one_rule_per_output_and_phony_rules(void **state)
{
    char dir[64];
    assert_true(scratch_new(dir, "livrables-test"));
    char path[256];
    snprintf(path, sizeof path, "%s/out.d", dir);
    strlist fdr = {0}, livret = {0};
    strlist_add(&fdr, "atelier.xml");
    strlist_add(&fdr, "images/carte$1.png");
    strlist_add(&livret, "atelier.xml");
    strlist_add(&livret, "my dir/livret.xsl");
    depfile_rule rules[] = {
        {.target = "out/site a/feuille-de-route.pdf", .deps = &fdr},
        {.target = "out/livret.pdf", .deps = &livret},
    };
    diag *d = diag_new(stderr);
    assert_true(depfile_write(path, rules, 2, d));
    char *content = read_whole_file(path, NULL);
    assert_non_null(content);
    assert_string_equal(content, "out/site\\ a/feuille-de-route.pdf: \\\n"
                                 "  atelier.xml \\\n"
                                 "  images/carte$$1.png\n"
                                 "out/livret.pdf: \\\n"
                                 "  atelier.xml \\\n"
                                 "  my\\ dir/livret.xsl\n"
                                 "\natelier.xml:\n"
                                 "\nimages/carte$$1.png:\n"
                                 "\nmy\\ dir/livret.xsl:\n");
    /* A failed write reports and leaves nothing behind. */
    assert_false(depfile_write("/nonexistent-dir/x.d", rules, 1, d));
    assert_int_equal(diag_error_count(d), 1);
    free(content);
    scratch_remove(dir);
    diag_destroy(d);
    strlist_clear(&fdr);
    strlist_clear(&livret);
}

/* An array size that overflows size_t stops the process with a message, never wraps to a
 * small block that later writes would overrun. */
static void arena_array_size_overflow_aborts(void **state)
{
    static const size_t counts[][2] = {{SIZE_MAX / 2, 4}, {(size_t)-1, 1}, {1u << 31, 1u << 31}};
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        fflush(NULL);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            freopen("/dev/null", "w", stderr);
            arena *a = arena_new();
            arena_grow(a, NULL, counts[i][1], 0, counts[i][0]);
            _exit(0);
        }
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status));
        assert_int_equal(WTERMSIG(status), SIGABRT);
    }
}

/* The growable array: capacities double from the first one, arena and heap arrays keep
 * their elements, ZEROED fills the new slots, and a count that can't be a size aborts. */
static void grow_doubles_keeps_elements_and_checks_sizes(void **state)
{
    assert_int_equal(grow_capacity(0, 1, 16, 4), 16);
    assert_int_equal(grow_capacity(16, 17, 16, 4), 32);
    assert_int_equal(grow_capacity(16, 100, 16, 4), 128);

    arena *a = arena_new();
    int *v = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 1000; i++) {
        GROW_ARENA(a, v, n, cap, 1, 8);
        v[n++] = i;
    }
    assert_int_equal(cap, 1024);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(v[i], i);
    int used = 3, room = 0; /* int counts, as some callers keep */
    char *z = NULL;
    GROW_ARENA_ZEROED(a, z, used, room, 10, 4);
    assert_int_equal(room, 16);
    for (int i = 0; i < 16; i++)
        assert_int_equal(z[i], 0);
    arena_destroy(a);

    double *h = NULL;
    size_t hn = 0, hcap = 0;
    GROW_HEAP_ZEROED(h, hn, hcap, 5, 4);
    assert_int_equal(hcap, 8);
    for (size_t i = 0; i < hcap; i++)
        assert_true(h[i] == 0.0);
    free(h);

    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        freopen("/dev/null", "w", stderr);
        grow_capacity(SIZE_MAX / 4, SIZE_MAX / 2 + 2, 1, 1);
        _exit(0);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGABRT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_allocations_are_zeroed_aligned_and_survive_growth),
        cmocka_unit_test(arena_blocks_are_recycled_and_allocations_stay_zeroed),
        cmocka_unit_test(big_arrays_grow_in_place),
        cmocka_unit_test(arena_array_size_overflow_aborts),
        cmocka_unit_test(grow_doubles_keeps_elements_and_checks_sizes),
        cmocka_unit_test(arena_overflows_are_caught_under_asan),
        cmocka_unit_test(diag_prints_file_line_severity_once),
        cmocka_unit_test(diag_diverted_reports_replay_whole),
        cmocka_unit_test(strlist_keeps_unique_entries_in_order),
        cmocka_unit_test(depfile_writes_one_rule_per_output_and_phony_rules),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
