/* Source: safe loading and validation of an atelier source.
 *
 * Loading never touches the network, never loads a DTD nor substitutes entities (default
 * libxml2 entity limits apply), and processes XInclude only for files inside the source's
 * own directory tree. Every file read is recorded for dependency files. Validation runs
 * the RELAX NG schema and reports each problem as `file:line: error: message`, with the
 * file and line an XIncluded element came from.
 *
 * The loader installs process-wide libxml2 hooks while it runs: not for use from several
 * threads at once (batches use processes).
 */
#ifndef LIVRABLES_SOURCE_H
#define LIVRABLES_SOURCE_H

#include <stdbool.h>

#include "diag/diag.h"
#include "util/strlist.h"

struct _xmlDoc;
struct _xmlNode;

/* The namespace of the atelier vocabulary. */
#define SOURCE_NS "urn:livrables:atelier:1"

typedef struct source_include source_include;

typedef struct {
    struct _xmlDoc *doc; /* owned; XIncludes done, xml:base attributes removed */
    char *path;          /* the file name as given */
    char *dir;           /* absolute directory of the source (the XInclude boundary) */
    strlist files;       /* every file read: the source, then XIncluded files and action-plan
                            spreadsheets (as resolved against the names given, so relative
                            names stay relative) */
    /* Private: where XIncluded elements came from. */
    source_include *includes;
    int ninclude;
} source;

/* Loads and XIncludes `path`. Returns NULL when the file is malformed, unreadable or
 * includes something it must not (every problem reported to `d`). Free with source_destroy. */
source *source_load(const char *path, diag *d);
void source_destroy(source *s); /* accepts NULL */

/* True when `url` (a path or file: URL, resolved against the current directory when
 * relative) names a local file inside the absolute directory `root` (symbolic links
 * resolved). The boundary of XIncludes, images and stylesheet reads. */
bool source_url_inside(const char *root, const char *url);

/* Lets sources read images from `dir` too (besides their own folder): --allow-path.
 * Process-wide; call before loading. */
void source_allow_path(const char *dir);

/* The file an element of s->doc was read from (the source or an XIncluded file); borrowed. */
const char *source_node_file(const source *s, const struct _xmlNode *node);

/* A compiled RELAX NG schema, reusable for many sources. */
typedef struct source_schema source_schema;

/* Compiles the schema at `rng_path`. Returns NULL (with diagnostics) on failure. */
source_schema *source_schema_load(const char *rng_path, diag *d);
void source_schema_destroy(source_schema *schema); /* accepts NULL */

/* Validates s->doc. Returns true when valid; otherwise every problem was reported as
 * `file:line: error: message` naming the element. */
bool source_validate(const source_schema *schema, const source *s, diag *d);

/* The directory holding templates/, styles/ and schema/: $LIVRABLES_DATADIR when set, else
 * found next to the executable (PREFIX/bin/../share/livrables, or the source tree root for
 * build/livrables), else the compiled-in LIVRABLES_DATADIR. Borrowed, computed once. */
const char *source_data_dir(void);

/* `source_data_dir()/rel`, malloc'd (caller frees). */
char *source_data_path(const char *rel);

#endif
