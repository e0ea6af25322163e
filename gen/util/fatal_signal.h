/* What a process must undo when SIGINT, SIGTERM, SIGHUP or SIGPIPE ends it: remove its temporary
 * files and stop the child processes it started (which then remove their own). The tables
 * are fixed-size and read by the handler without locks or allocation. */
#ifndef LIVRABLES_FATAL_SIGNAL_H
#define LIVRABLES_FATAL_SIGNAL_H

#include <sys/types.h>

/* Installs the handler for SIGINT, SIGTERM, SIGHUP and SIGPIPE (not for a signal the process was
 * started with ignored). After cleaning up, the signal ends the process as it would have.
 * Call once, early in main(). */
void fatal_signal_install(void);

/* Registers / unregisters a file to remove. Thread-safe. A path longer than PATH_MAX, or
 * past the table's room, is not registered (the next run removes it: see atomic_file.h). */
void fatal_signal_add_file(const char *path);
void fatal_signal_remove_file(const char *path);

/* Registers / unregisters a child process to send the same signal to, and wait for. */
void fatal_signal_add_child(pid_t pid);
void fatal_signal_remove_child(pid_t pid);

/* In a child just forked: forgets the parent's files and children, which are not its own. */
void fatal_signal_forget_all(void);

/* fork(), for a child the handler stops with the parent: SIGINT, SIGTERM and SIGHUP wait
 * until the parent has registered it (one in between would leave it running, orphaned), and
 * the child starts with the parent's files and children forgotten. Returns as fork() does,
 * errno set on failure. Flush stdio before. */
pid_t fatal_signal_fork(void);

#endif
