/* livrables validate FILE...: load (with XInclude) and check each source against the schema. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli_internal.h"
#include "source/source.h"
#include "util/i18n.h"

static void validate_usage(FILE *out)
{
    fprintf(out, "%s", _(
            "Usage: livrables validate [-v] ATELIER.xml...\n\n"
            "Loads each atelier source (XInclude inside its directory only, no network) and\n"
            "checks it against the schema. Problems are printed as FILE:LINE: error: MESSAGE,\n"
            "with the file and line of XIncluded files. Nothing is printed on success.\n\n"
            "Options:\n"
            "  -v, --verbose        print 'FILE: valid' for each valid source\n"
            "      --allow-path DIR let sources use images from DIR too (by default only from\n"
            "                       their own folder); may be repeated\n"
            "  -h, --help           show this help\n\n"
            "Exit status: 0 all valid, 1 errors in the inputs, 2 wrong usage.\n"));
}

int cmd_validate(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"verbose", no_argument, NULL, 'v'}, {"help", no_argument, NULL, 'h'},
        {"allow-path", required_argument, NULL, 'A'}, {NULL, 0, NULL, 0}};
    bool verbose = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "vh", longopts, NULL)) != -1) {
        switch (c) {
        case 'v': verbose = true; break;
        case 'A': source_allow_path(optarg); break;
        case 'h': validate_usage(stdout); return EXIT_OK;
        default: validate_usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind == argc)
        return cli_usage_error("validate", _("no atelier source given"));
    diag *d = diag_new(stderr);
    char *rng = source_data_path("schema/atelier.rng");
    source_schema *schema = source_schema_load(rng, d);
    bool all_ok = schema != NULL;
    for (int i = optind; schema && i < argc; i++) {
        source *s = source_load(argv[i], d);
        bool ok = s && source_validate(schema, s, d);
        if (ok && verbose)
            printf(_("%s: valid\n"), argv[i]);
        all_ok = all_ok && ok;
        source_destroy(s);
    }
    source_schema_destroy(schema);
    free(rng);
    diag_destroy(d);
    return all_ok ? EXIT_OK : EXIT_INPUT_ERROR;
}
