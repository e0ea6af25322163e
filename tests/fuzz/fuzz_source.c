/* libFuzzer entry point for the source path: bytes → atelier source → validation → XSLT →
 * render, through `build`'s own engine (gen/deliver). Schema, charter and stylesheets are
 * compiled once per process, as `build` does for a batch. Each input goes through one
 * deliverable, chosen by a hash of its bytes so that replaying an input repeats the same
 * run; `livrables build` on a regression input runs all five. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <stdint.h>

#include "deliver/deliver_internal.h"
#include "fuzz_support.h"

static deliver_options opts;
static deliver_ctx ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_use_source_tree();
    /* The images the examples name, beside the input. */
    static const char *const images[] = {
        "atelier-flash/images/vernay-carte.svg", "atelier-flash/images/vernay-friche.svg",
        "atelier-multisite/images/auzonne-carte.svg", "atelier-multisite/images/auzonne-vallee.svg",
        "atelier-multisite/images/castelvert-halle.svg", "atelier-multisite/images/castelvert-plan.svg",
        "atelier-multisite/images/garrigues-carte.svg", "atelier-multisite/images/garrigues-village.svg",
        "depot-partage/cerneux/images/cerneux-carte.svg",
    };
    for (size_t i = 0; i < sizeof images / sizeof *images; i++) {
        char rel[PATH_MAX];
        snprintf(rel, sizeof rel, "examples/%s", images[i]);
        fuzz_scratch_copy(rel, strstr(images[i], "images/"));
    }
    deliver_options_init(&opts);
    opts.out_dir = fuzz_out_dir();
    diag *setup = fuzz_diag_new();
    if (!deliver_ctx_init(&ctx, &opts, setup)) {
        fprintf(stderr, "fuzz_source: cannot load the stylesheets (LIVRABLES_DATADIR?)\n");
        abort();
    }
    /* Made here with a diag of its own: each input gets a fresh one below. */
    ctx.engine = render_engine_new(setup);
    return 0;
}

static uint32_t fnv1a(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[PATH_MAX];
    fuzz_scratch_write("atelier.xml", data, size, path, sizeof path);
    opts.only = deliver_table[fnv1a(data, size) % DELIVER_COUNT].name;
    diag *d = fuzz_diag_new();
    ctx.d = d;
    deliver_record rec = {0};
    deliver_atelier(&ctx, path, fuzz_out_dir(), false, &rec);
    deliver_record_clear(&rec);
    diag_destroy(d);
    fuzz_out_clear();
    return 0;
}
