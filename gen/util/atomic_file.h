/* Output files that appear whole or not at all: written under a temporary name next to
 * the destination, then renamed over it. A failed run leaves no partial file behind and
 * an existing output untouched.
 *
 * Two destinations are written in place instead, since renaming over them would destroy
 * them: "-" (standard output) and an existing path that is not a regular file (a device
 * such as /dev/stdout or /dev/null, a FIFO, or a symbolic link to one of them). For those,
 * *temp is set to NULL and a failure may leave part of the output written.
 *
 * Temporaries are named "FINAL.tmp-PID-XXXXXX". A SIGINT, SIGTERM, SIGHUP or SIGPIPE removes the
 * process's own temporaries before it dies (util/fatal_signal.h), and creating an output
 * removes the temporaries that dead processes left next to it (after a crash or a
 * SIGKILL). */
#ifndef LIVRABLES_ATOMIC_FILE_H
#define LIVRABLES_ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>

/* Opens the output for `final_path`: a new temporary file with the permissions an ordinary
 * new file gets (mkstemp alone makes it private), or the destination itself (see above).
 * Returns the stream and sets *temp to the temporary name (malloc'd, the caller frees it, or
 * NULL when writing in place), or returns NULL with errno set. */
FILE *atomic_file_create(const char *final_path, char **temp);

/* Flushes and closes `f` (may be NULL); then, when `commit` and all went well, renames
 * `temp` to `final_path`, else removes `temp`. Frees `temp`. Returns false with errno set
 * when writing, closing or renaming failed. */
bool atomic_file_finish(FILE *f, char *temp, const char *final_path, bool commit);

/* For callers that close the stream themselves: renames the closed temporary `temp` to
 * `final_path` (false with errno set on failure), or removes it. Neither frees `temp`; both
 * accept NULL (an output written in place), publish then does nothing. */
bool atomic_file_publish(const char *temp, const char *final_path);
void atomic_file_discard(const char *temp);

/* True when `a` and `b` name the same existing file (same device and inode), so that
 * writing one would destroy the other. */
bool atomic_file_same(const char *a, const char *b);

#endif
