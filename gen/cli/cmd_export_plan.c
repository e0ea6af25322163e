/* livrables export-plan SITE.xml -o plan.ods: a source's action plan as a spreadsheet. */
#include <getopt.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli_internal.h"
#include "deliver/plan_export.h"
#include "source/source.h"
#include "util/i18n.h"

static void export_usage(FILE *out)
{
    fprintf(out, "%s", _(
            "Usage: livrables export-plan [--site ID] ATELIER.xml -o PLAN.ods|PLAN.xlsx|PLAN.csv\n\n"
            "Writes the action plan of a source (its axes, objectives and actions) into a\n"
            "spreadsheet that <plan-actions href=\"PLAN.ods\"/> reads back, so that a team can keep\n"
            "the plan in LibreOffice Calc or Excel. The format follows the extension:\n"
            "  .ods, .xlsx  sheets 'actions' (one row per action) and 'financements' (one row\n"
            "               per financing line)\n"
            "  .csv         the actions in PLAN.csv and the financing lines next to it in\n"
            "               PLAN-financements.csv (write <plan-actions href=\"PLAN.csv\"\n"
            "               financements=\"PLAN-financements.csv\"/>); ';' between fields, UTF-8\n"
            "What a cell cannot hold (markup such as <sigle>, text under an axis or objective\n"
            "title, objectives without actions) is left out with a warning. Outputs are written\n"
            "whole or not at all.\n\n"
            "Options:\n"
            "  -o, --output FILE    the spreadsheet to write (required)\n"
            "      --site ID        the site whose plan to write, when the source has several\n"
            "      --allow-path DIR let the source use files from DIR too; may be repeated\n"
            "  -h, --help           show this help\n\n"
            "Exit status: 0 success, 1 errors in the inputs, 2 wrong usage.\n"));
}

int cmd_export_plan(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'}, {"site", required_argument, NULL, 's'},
        {"allow-path", required_argument, NULL, 'A'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *output = NULL, *site = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': output = optarg; break;
        case 's': site = optarg; break;
        case 'A': source_allow_path(optarg); break;
        case 'h': export_usage(stdout); return EXIT_OK;
        default: export_usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind == argc)
        return cli_usage_error("export-plan", _("no atelier source given"));
    if (optind + 1 < argc)
        return cli_usage_error("export-plan", _("one source at a time"));
    if (!output)
        return cli_usage_error("export-plan", _("no output given (-o PLAN.ods, .xlsx or .csv)"));
    if (sheet_format_of(output) == SHEET_FORMAT_UNKNOWN)
        return cli_usage_error("export-plan", _("'%s': the output must end in .ods, .xlsx or .csv"), output);
    diag *d = diag_new(stderr);
    source *s = source_load(argv[optind], d);
    xmlNode *strategie = s ? plan_export_find(s, site, d) : NULL;
    bool ok = false;
    if (strategie) {
        workbook *wb = plan_export_workbook(s, strategie, d);
        ok = plan_write(wb, output, d);
        workbook_destroy(wb);
    }
    source_destroy(s);
    diag_destroy(d);
    return ok ? EXIT_OK : EXIT_INPUT_ERROR;
}
