/* libFuzzer entry point for the FO path: bytes → FO file → render to PDF, and again to the
 * text dump (the two painters walk the same boxes differently). The render engine (fonts,
 * shaped words) lives as long as the process, as in a `build` of many deliverables. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <stdint.h>

#include "render/render.h"
#include "fuzz_support.h"

static render_engine *engine;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_use_source_tree();
    /* The images the test files name, beside the input. */
    fuzz_scratch_copy("tests/fo/render/logo.png", "logo.png");
    fuzz_scratch_copy("tests/fo/render/photo.jpg", "photo.jpg");
    fuzz_scratch_copy("tests/fo/conformance/nores.png", "nores.png");
    /* Font warnings of the engine are not the input's: they go nowhere, once. */
    engine = render_engine_new(fuzz_diag_new());
    return 0;
}

static void render_to(const char *fo, const char *out, paint_format format)
{
    diag *d = fuzz_diag_new();
    render_options o;
    render_options_init(&o);
    o.format = format;
    o.creation_date = 0;
    render_file(engine, fo, out, &o, d);
    diag_destroy(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char fo[PATH_MAX], pdf[PATH_MAX], txt[PATH_MAX];
    fuzz_scratch_write("in.fo", data, size, fo, sizeof fo);
    snprintf(pdf, sizeof pdf, "%s/out.pdf", fuzz_out_dir());
    snprintf(txt, sizeof txt, "%s/out.txt", fuzz_out_dir());
    render_to(fo, pdf, PAINT_PDF);
    render_to(fo, txt, PAINT_TEXT);
    fuzz_out_clear();
    return 0;
}
