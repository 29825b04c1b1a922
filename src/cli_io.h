/* The import and export subcommands of the command line (src/cli.c
 * parses their arguments before the database is opened, then runs
 * them). */
#ifndef ZB_CLI_IO_H
#define ZB_CLI_IO_H

#include <stdbool.h>

#include "db.h"
#include "io/export.h"
#include "io/import.h"

struct cli_io {
    bool is_export;
    const char *kind;
    const char *file;          /* export: NULL or "-" = standard output */
    struct import_options imp;
    struct export_options exp;
};

/* argv[0] is "import" or "export". 0, or 2 after a usage message on
 * stderr. */
int cli_io_parse(int argc, char **argv, struct cli_io *io);
/* Runs it: the exit status (0, or 1 with a message). */
int cli_io_run(db *d, const struct cli_io *io);

#endif
