/* `zhibu import KIND FILE`: CSV into the register, all or nothing.
 *
 * Columns are matched by their Chinese headers (and a few aliases) in
 * any order; the header is the first record that names at least two
 * known columns (title rows above it are skipped). Every value is
 * trimmed of surrounding white space (also the tab that zhibu's export
 * puts before digits for Excel). The whole file is one transaction: any
 * row with an error means nothing is written, and the report lists every
 * problem with its line, column and reason. --dry-run does all of it,
 * then rolls back. Adding a kind is a table of columns and a row handler
 * (src/io/import_int.h). */
#ifndef ZB_IO_IMPORT_H
#define ZB_IO_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "io/csv.h"

struct import_options {
    enum csv_encoding encoding;   /* CSV_ENC_AUTO detects */
    bool dry_run;                 /* report only, write nothing */
    bool create_orgs;             /* create organisations not found */
    const char *today;            /* YYYY-MM-DD; NULL = rules_today() */
};

struct import_result {
    long rows;            /* data records read */
    long added;           /* new records */
    long updated;         /* existing records changed */
    long unchanged;       /* existing records the file matched exactly */
    long errors;          /* rows with at least one problem */
    bool written;         /* committed */
};

/* The kinds that can be imported, for messages: "members". */
const char *import_kind_names(void);
bool import_kind_known(const char *kind);

/* Imports a file (import_file) or bytes (import_mem; name is shown in
 * the report). Returns 0 if every row was fine (written unless dry_run),
 * 1 if rows had errors (nothing written), -1 if the import could not run
 * at all (err: unreadable file, no header, a database error). *report
 * (if report is not NULL) gets the report as malloc'ed UTF-8 text, also
 * on 1 and -1 (it may then be partial); the caller frees it. */
int import_file(db *d, const char *kind, const char *path,
                const struct import_options *o, struct import_result *res,
                char **report, zb_err *err);
int import_mem(db *d, const char *kind, const void *data, size_t len,
               const char *name, const struct import_options *o,
               struct import_result *res, char **report, zb_err *err);

#endif
