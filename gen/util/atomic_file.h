/* Output files that appear whole or not at all: written under a temporary name next to
 * the destination, then renamed over it. A failed run leaves no partial file behind and
 * an existing output untouched. */
#ifndef LIVRABLES_ATOMIC_FILE_H
#define LIVRABLES_ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>

/* Creates "final_path.XXXXXX" with the permissions an ordinary new file gets (mkstemp alone
 * makes it private) and opens it for writing. Returns the stream and sets *temp to the
 * temporary name (malloc'd, the caller frees it), or returns NULL with errno set. */
FILE *atomic_file_create(const char *final_path, char **temp);

/* Flushes and closes `f` (may be NULL); then, when `commit` and all went well, renames
 * `temp` to `final_path`, else removes `temp`. Frees `temp`. Returns false with errno set
 * when writing, closing or renaming failed. */
bool atomic_file_finish(FILE *f, char *temp, const char *final_path, bool commit);

#endif
