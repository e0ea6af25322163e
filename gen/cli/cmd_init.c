/* livrables init DIR: a starter atelier to fill in. */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli_internal.h"
#include "util/i18n.h"

static void init_usage(FILE *out)
{
    fprintf(out, "%s", _(
            "Usage: livrables init DIR\n\n"
            "Writes a commented starter atelier with one site, valid against the schema:\n"
            "  DIR/atelier.xml, DIR/sites/mon-site.xml and DIR/Makefile (run 'make' in DIR).\n"
            "Existing files are never overwritten: if any is there, nothing is written.\n\n"
            "Exit status: 0 success, 1 a file exists or cannot be written, 2 wrong usage.\n"));
}

int cmd_init(int argc, char **argv)
{
    static const struct option longopts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'h') {
            init_usage(stdout);
            return EXIT_OK;
        }
        init_usage(stderr);
        return EXIT_USAGE;
    }
    if (optind != argc - 1)
        return cli_usage_error("init", "%s",
                               optind == argc ? _("no directory given")
                                              : _("only one directory expected"));
    diag *d = diag_new(stderr);
    int rc = deliver_init(argv[optind], d);
    if (rc == 0)
        printf(_("wrote %s/atelier.xml, %s/sites/mon-site.xml, %s/Makefile\n"), argv[optind], argv[optind],
               argv[optind]);
    diag_destroy(d);
    return rc;
}
