/* `zhibu report`: the work-summary report on the command line (src/cli.c
 * parses the arguments before the database is opened, then runs it). */
#ifndef ZB_CLI_REPORT_H
#define ZB_CLI_REPORT_H

#include <stdbool.h>

#include "config.h"
#include "db.h"
#include "io/csv.h"

struct cli_report {
    char from[11], to[11];       /* the period ("" = this year) */
    const char *org;             /* --org ID|PATH, NULL = every org */
    bool csv;
    enum csv_encoding encoding;  /* of --csv: UTF-8 (default) or GB18030 */
    const char *file;            /* NULL or "-" = standard output */
};

/* argv[0] is "report". 0, or 2 after a usage message on stderr. */
int cli_report_parse(int argc, char **argv, struct cli_report *rep);
/* Runs it: the exit status (0, or 1 with a message). cfg: the 党课
 * rule (NULL = defaults). */
int cli_report_run(db *d, const struct cli_report *rep,
                   const struct zb_config *cfg);

#endif
