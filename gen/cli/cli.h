/* The commands of the livrables program. Each takes the arguments after the program name
 * (argv[0] is the command's name) and returns the process exit code:
 *   0 success, 1 a problem in the inputs (reported as file:line: error: ...), 2 wrong usage. */
#ifndef LIVRABLES_CLI_H
#define LIVRABLES_CLI_H

enum { EXIT_OK = 0, EXIT_INPUT_ERROR = 1, EXIT_USAGE = 2 };

int cmd_render(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_dossier(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_export_plan(int argc, char **argv);

#endif
