/* livrables: structured XML to the PDF deliverables of an Atelier des territoires.
 * This file only dispatches to the commands (gen/cli). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "util/fatal_signal.h"
#include "util/i18n.h"

#ifndef LIVRABLES_VERSION
#define LIVRABLES_VERSION "dev"
#endif

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"build", cmd_build, N_("build the deliverables of one or more ateliers")},
    {"validate", cmd_validate, N_("check atelier sources against the schema")},
    {"render", cmd_render, N_("render an XSL-FO file to PDF or PNG")},
    {"dossier", cmd_dossier, N_("build the final-seminar dossier over several ateliers")},
    {"init", cmd_init, N_("write a starter atelier into a directory")},
    {"export-plan", cmd_export_plan, N_("write a source's action plan into a spreadsheet")},
};

static void usage(FILE *out)
{
    fprintf(out, "%s", _("Usage: livrables COMMAND [OPTION]... [FILE]...\n\n"
                 "Turns structured XML describing an Atelier des territoires into its PDF\n"
                 "deliverables, through XSLT and an XSL-FO rendering engine.\n\nCommands:\n"));
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
    fprintf(out, "%s", _("\nOptions:\n"
                 "  -h, --help     show this help (COMMAND --help shows a command's options)\n"
                 "  --version      print the version\n\n"
                 "Exit status: 0 success, 1 errors in the inputs, 2 wrong usage.\n"));
}

int main(int argc, char **argv)
{
    i18n_init();
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    fatal_signal_install();
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("livrables %s\n", LIVRABLES_VERSION);
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, _("livrables: error: unknown command '%s' (see livrables --help)\n"), name);
    return EXIT_USAGE;
}
