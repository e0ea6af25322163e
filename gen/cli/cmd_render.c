/* livrables render IN.fo -o OUT: the XSL-FO engine on its own. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_internal.h"
#include "diag/diag.h"
#include "render/render.h"
#include "util/atomic_file.h"
#include "util/depfile.h"
#include "util/i18n.h"

static void render_usage(FILE *out)
{
    fprintf(out, "%s", _(
            "Usage: livrables render IN.fo -o OUT [OPTION]...\n\n"
            "Renders an XSL-FO document (the subset listed in the README) to PDF, to one\n"
            "PNG per page, or to a text dump of the laid-out pages.\n\n"
            "Options:\n"
            "  -o, --output FILE      output file (required; - for standard output); for PNG,\n"
            "                         FILE-1.png, FILE-2.png...\n"
            "  -f, --format FORMAT    pdf (default), png, or text (a dump of every box, for tests)\n"
            "      --dpi N            resolution of PNG pages (default 96)\n"
            "      --title TEXT       PDF title (overrides the FO's declarations)\n"
            "      --author TEXT      PDF author\n"
            "      --subject TEXT     PDF subject\n"
            "      --keywords TEXT    PDF keywords\n"
            "      --max-pages N      stop with an error when the document needs more than N\n"
            "                         pages (default 100000)\n"
            "      --strict           treat every warning as an error (values read by\n"
            "                         approximation, missing fonts, unreadable images)\n"
            "  -M FILE                write a Makefile fragment listing the files OUT was made\n"
            "                         from (the FO file and the images it uses)\n"
            "  -h, --help             show this help\n\n"
            "When SOURCE_DATE_EPOCH is set, the PDF's dates come from it and the same input\n"
            "gives a byte-identical PDF. The output is written to a temporary file and only\n"
            "renamed into place when rendering succeeded; standard output and an existing\n"
            "output that is not a regular file (a device, a FIFO) are written in place.\n\n"
            "Exit status: 0 success, 1 errors in the input, 2 wrong usage.\n"));
}

static bool parse_format(const char *s, paint_format *out)
{
    if (strcmp(s, "pdf") == 0)
        *out = PAINT_PDF;
    else if (strcmp(s, "png") == 0)
        *out = PAINT_PNG;
    else if (strcmp(s, "text") == 0)
        *out = PAINT_TEXT;
    else
        return false;
    return true;
}

int cmd_render(int argc, char **argv)
{
    enum { OPT_DPI = 256, OPT_TITLE, OPT_AUTHOR, OPT_SUBJECT, OPT_KEYWORDS, OPT_MAX_PAGES, OPT_STRICT };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},   {"format", required_argument, NULL, 'f'},
        {"dpi", required_argument, NULL, OPT_DPI},  {"title", required_argument, NULL, OPT_TITLE},
        {"author", required_argument, NULL, OPT_AUTHOR},
        {"subject", required_argument, NULL, OPT_SUBJECT},
        {"keywords", required_argument, NULL, OPT_KEYWORDS},
        {"max-pages", required_argument, NULL, OPT_MAX_PAGES},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0},
    };
    render_options o;
    render_options_init(&o);
    const char *out = NULL, *depfile = NULL;
    bool strict = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:M:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case 'f':
            if (!parse_format(optarg, &o.format)) {
                fprintf(stderr, _("livrables render: error: unknown format '%s' (pdf, png, text)\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_DPI: {
            char *end;
            o.dpi = strtod(optarg, &end);
            if (*end || o.dpi < 1 || o.dpi > 2400) {
                fprintf(stderr, _("livrables render: error: invalid --dpi '%s' (1 to 2400)\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        }
        case OPT_TITLE: o.title = optarg; break;
        case OPT_AUTHOR: o.author = optarg; break;
        case OPT_SUBJECT: o.subject = optarg; break;
        case OPT_KEYWORDS: o.keywords = optarg; break;
        case OPT_MAX_PAGES:
            if (!cli_parse_count(optarg, 10000000, &o.max_pages))
                return cli_usage_error("render", _("invalid --max-pages '%s' (1 to 10000000)"), optarg);
            break;
        case OPT_STRICT: strict = true; break;
        case 'M': depfile = optarg; break;
        case 'h': render_usage(stdout); return EXIT_OK;
        default: render_usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind != argc - 1 || !out)
        return cli_usage_error("render", "%s",
                               optind >= argc ? _("no input file")
                               : !out         ? _("no output file (-o OUT)")
                                              : _("more than one input file"));
    if (atomic_file_same(argv[optind], out) || (depfile && atomic_file_same(argv[optind], depfile)))
        return cli_usage_error("render", _("the output '%s' is the input file"),
                               atomic_file_same(argv[optind], out) ? out : depfile);

    diag *d = diag_new(stderr);
    diag_set_strict(d, strict);
    strlist inputs = {0};
    if (depfile)
        o.inputs = &inputs;
    render_engine *e = render_engine_new(d);
    bool ok = render_file(e, argv[optind], out, &o, d);
    if (ok && depfile) {
        depfile_rule rule = {.target = out, .deps = &inputs};
        ok = depfile_write(depfile, &rule, 1, d);
    }
    render_engine_destroy(e);
    strlist_clear(&inputs);
    diag_destroy(d);
    return ok ? EXIT_OK : EXIT_INPUT_ERROR;
}
