/* livrables dossier ATELIER.xml... -o DOSSIER.pdf: the final seminar's dossier. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_internal.h"
#include "source/source.h"
#include "util/atomic_file.h"
#include "util/i18n.h"

static void dossier_usage(FILE *out)
{
    fprintf(out, "%s", _(
            "Usage: livrables dossier ATELIER.xml... -o DOSSIER.pdf [OPTION]...\n\n"
            "One document for the regional final seminar over several ateliers: cover,\n"
            "programme, a comparative table of every site, then each site's roadmap, with\n"
            "one table of contents and continuous page numbers.\n\n"
            "Options:\n"
            "  -o, --output FILE      the dossier (required)\n"
            "      --style NAME       graphic charter from styles/ (default etat)\n"
            "      --format FORMAT    pdf (default), fo or png\n"
            "      --bloc-marque IMG  image of the bloc-marque for the cover\n"
            "      --allow-path DIR   let sources use images from DIR too; may be repeated\n"
            "      --strict           treat every warning as an error (values read by\n"
            "                         approximation, missing fonts, unreadable images)\n"
            "  -M FILE                write a Makefile fragment of the dossier's inputs\n"
            "  -h, --help             show this help\n\n"
            "Exit status: 0 success, 1 errors in the inputs, 2 wrong usage.\n"));
}

int cmd_dossier(int argc, char **argv)
{
    enum { OPT_STYLE = 256, OPT_FORMAT, OPT_BLOC, OPT_ALLOW, OPT_STRICT };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},      {"style", required_argument, NULL, OPT_STYLE},
        {"format", required_argument, NULL, OPT_FORMAT}, {"bloc-marque", required_argument, NULL, OPT_BLOC},
        {"allow-path", required_argument, NULL, OPT_ALLOW},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"help", no_argument, NULL, 'h'},              {NULL, 0, NULL, 0},
    };
    deliver_options o;
    deliver_options_init(&o);
    const char *out = NULL;
    bool strict = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:M:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case 'M': o.depfile = optarg; break;
        case OPT_STYLE: o.style = optarg; break;
        case OPT_BLOC: o.bloc_marque = optarg; break;
        case OPT_ALLOW: source_allow_path(optarg); break;
        case OPT_STRICT: strict = true; break;
        case OPT_FORMAT:
            if (!cli_deliver_format(optarg, &o.format)) {
                fprintf(stderr, _("livrables dossier: error: unknown format '%s' (pdf, fo, png)\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        case 'h': dossier_usage(stdout); return EXIT_OK;
        default: dossier_usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind == argc || !out)
        return cli_usage_error("dossier", "%s",
                               optind == argc ? _("no atelier source given")
                                              : _("no output file (-o DOSSIER.pdf)"));
    if (cli_check_style("dossier", o.style) != EXIT_OK)
        return EXIT_USAGE;
    for (int i = optind; i < argc; i++)
        if (atomic_file_same(argv[i], out) || (o.depfile && atomic_file_same(argv[i], o.depfile)))
            return cli_usage_error("dossier", _("the output '%s' is the input file"),
                                   atomic_file_same(argv[i], out) ? out : o.depfile);
    diag *d = diag_new(stderr);
    diag_set_strict(d, strict);
    int rc = deliver_dossier((const char *const *)argv + optind, argc - optind, out, &o, d);
    diag_destroy(d);
    return rc;
}
