/* livrables build ATELIER.xml... -o DIR: every deliverable of one or more ateliers. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_internal.h"
#include "source/source.h"
#include "util/i18n.h"

static void build_usage(FILE *out)
{
    fprintf(out, "%s", _(
            "Usage: livrables build ATELIER.xml... -o DIR [OPTION]...\n\n"
            "Validates each atelier source, then writes for every site S\n"
            "  DIR/S/note-de-cadrage.pdf, carnet-de-suivi.pdf, rapport-final.pdf,\n"
            "  feuille-de-route.pdf, and once DIR/livret-de-capitalisation.pdf.\n"
            "With several ateliers, each goes to DIR/ATELIER-ID/ (the atelier's id attribute).\n\n"
            "Options:\n"
            "  -o, --output DIR       output directory (required; created if needed)\n"
            "      --only LIST        only these deliverables, comma-separated\n"
            "                         (note-de-cadrage, carnet-de-suivi, rapport-final,\n"
            "                         feuille-de-route, livret-de-capitalisation)\n"
            "      --site LIST        the per-site deliverables of these sites only\n"
            "                         (comma-separated ids; one atelier); the livret\n"
            "                         is still built unless --only leaves it out\n"
            "      --style NAME       graphic charter from styles/ (default etat)\n"
            "      --format FORMAT    pdf (default), fo (the XSL-FO, for FOP), or png (pages)\n"
            "      --dpi N            resolution of PNG pages (default 96)\n"
            "      --bloc-marque IMG  image of the bloc-marque for the covers\n"
            "      --allow-path DIR   let sources use images from DIR too (by default only\n"
            "                         from their own folder); may be repeated\n"
            "      --watch            build, then rebuild the outputs whose inputs change\n"
            "                         (sources, sites, images, a charter...) until Ctrl-C\n"
            "      --strict           treat every warning as an error (values read by\n"
            "                         approximation, missing fonts, unreadable images)\n"
            "  -M FILE                write a Makefile fragment, one rule per output: its\n"
            "                         source files (a site's output: not the other sites'),\n"
            "                         stylesheets, charter, schema and images; a failed\n"
            "                         build leaves the file as it was\n"
            "  -j, --jobs N           N processes at a time (default: one per processor): an\n"
            "                         atelier's deliverables N at a time; with several\n"
            "                         ateliers and -j N, N ateliers at a time instead\n"
            "  -n, --dry-run          validate, then print the outputs that would be written,\n"
            "                         one path a line; write nothing (not even -M)\n"
            "  -h, --help             show this help\n\n"
            "One 'wrote FILE' line per output, and on a terminal a progress line on standard\n"
            "error. A failing atelier does not stop the others. SOURCE_DATE_EPOCH, when set,\n"
            "gives the build date and the PDF dates (reproducible builds).\n\n"
            "Exit status: 0 success, 1 errors in the inputs, 2 wrong usage.\n"));
}

/* True when a comma-separated list has no empty item. */
static bool list_well_formed(const char *list)
{
    size_t n = strlen(list);
    return n && list[0] != ',' && list[n - 1] != ',' && !strstr(list, ",,");
}

/* Checks the options that can be wrong before any input is read: exit 2 when they are. */
static int check_options(const deliver_options *o, int ninputs)
{
    if (ninputs == 0)
        return cli_usage_error("build", _("no atelier source given"));
    if (!o->out_dir)
        return cli_usage_error("build", _("no output directory (-o DIR)"));
    if (o->sites && !list_well_formed(o->sites))
        return cli_usage_error("build", _("invalid --site '%s' (comma-separated site ids)"), o->sites);
    if (o->sites && ninputs > 1)
        return cli_usage_error("build", _("--site applies to one atelier, %d given"), ninputs);
    if (cli_check_style("build", o->style) != EXIT_OK)
        return EXIT_USAGE;
    diag *d = diag_new(stderr);
    bool only_ok = !o->only || deliver_check_only(o->only, d);
    diag_destroy(d);
    return only_ok ? EXIT_OK : EXIT_USAGE;
}

int cmd_build(int argc, char **argv)
{
    enum { OPT_ONLY = 256, OPT_SITE, OPT_STYLE, OPT_FORMAT, OPT_DPI, OPT_BLOC, OPT_ALLOW, OPT_STRICT, OPT_WATCH };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},      {"only", required_argument, NULL, OPT_ONLY},
        {"style", required_argument, NULL, OPT_STYLE}, {"format", required_argument, NULL, OPT_FORMAT},
        {"dpi", required_argument, NULL, OPT_DPI},     {"bloc-marque", required_argument, NULL, OPT_BLOC},
        {"site", required_argument, NULL, OPT_SITE},   {"dry-run", no_argument, NULL, 'n'},
        {"jobs", required_argument, NULL, 'j'},        {"help", no_argument, NULL, 'h'},
        {"allow-path", required_argument, NULL, OPT_ALLOW},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"watch", no_argument, NULL, OPT_WATCH},
        {NULL, 0, NULL, 0},
    };
    deliver_options o;
    deliver_options_init(&o);
    bool strict = false, watch = false;
    int c, dpi;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:M:j:nh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o.out_dir = optarg; break;
        case 'M': o.depfile = optarg; break;
        case OPT_ONLY: o.only = optarg; break;
        case OPT_SITE: o.sites = optarg; break;
        case 'n': o.dry_run = true; break;
        case OPT_STYLE: o.style = optarg; break;
        case OPT_BLOC: o.bloc_marque = optarg; break;
        case OPT_ALLOW: source_allow_path(optarg); break;
        case OPT_STRICT: strict = true; break;
        case OPT_WATCH: watch = true; break;
        case OPT_FORMAT:
            if (!cli_deliver_format(optarg, &o.format))
                return cli_usage_error("build", _("unknown format '%s' (pdf, fo, png)"), optarg);
            break;
        case OPT_DPI:
            if (!cli_parse_count(optarg, 2400, &dpi))
                return cli_usage_error("build", _("invalid --dpi '%s' (1 to 2400)"), optarg);
            o.dpi = dpi;
            break;
        case 'j':
            if (!cli_parse_count(optarg, 256, &o.jobs))
                return cli_usage_error("build", _("invalid --jobs '%s' (1 to 256)"), optarg);
            break;
        case 'h': build_usage(stdout); return EXIT_OK;
        default: build_usage(stderr); return EXIT_USAGE;
        }
    }
    int rc = check_options(&o, argc - optind);
    if (rc != EXIT_OK)
        return rc;
    if (watch && (o.dry_run || o.depfile))
        return cli_usage_error("build", _("--watch cannot be combined with %s"),
                               o.dry_run ? "--dry-run" : "-M");
    diag *d = diag_new(stderr);
    diag_set_strict(d, strict);
    if (watch) {
        rc = deliver_watch((const char *const *)argv + optind, argc - optind, &o, d);
        diag_destroy(d);
        return rc;
    }
    rc = deliver_build((const char *const *)argv + optind, argc - optind, &o, d);
    diag_destroy(d);
    return rc;
}
