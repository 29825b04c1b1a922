/* The command line: options, subcommands (init, demo, check, backup),
 * and the hand-over to the TUI. Prints only here and in main.c. */
#ifndef ZB_CLI_H
#define ZB_CLI_H

#include <stdio.h>

#include "config.h"
#include "db.h"

/* Starts the interactive program on an open database; returns the exit
 * status. Supplied by main.c so that src/ does not depend on screens/. */
typedef int (*cli_tui_fn)(db *d, const struct zb_config *cfg);

/* Parses argv and runs; returns the process exit status (0 ok, 1 error,
 * 2 usage). */
int cli_main(int argc, char **argv, cli_tui_fn run_tui);

/* Writes UTF-8 text to f in the locale's encoding (GB18030 terminals get
 * GB18030; UTF-8 ones get the bytes as they are). */
void cli_puts(FILE *f, const char *utf8);
void cli_printf(FILE *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
