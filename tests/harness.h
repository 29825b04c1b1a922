/* Screen-test harness: an app on an off-screen ncurses terminal of a
 * fixed size (newterm on pipes), keys written into its input as a real
 * terminal (xterm) would send them, and the screen read back as UTF-8
 * rows. */
#ifndef ZB_TESTS_HARNESS_H
#define ZB_TESTS_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tui/app.h"

struct harness {
    tui_app *app;
    int rows, cols;
    int in_w;          /* write end of the key pipe */
    FILE *in, *out;    /* the app's terminal */
    char *tmp;         /* scratch */
};

/* Starts an app in test mode (TERM=xterm-256color, rows x cols). */
int harness_start(struct harness *h, int rows, int cols);
void harness_stop(struct harness *h);   /* frees the app and its screens */

/* Queues raw input bytes (UTF-8 text, control characters). */
void harness_type(struct harness *h, const char *utf8);
/* Queues one key as xterm sends it: a character (UTF-8 encoded) or
 * TUI_FN(KEY_*) for arrows, F-keys, PgUp/PgDn, Home/End, Ins/Del,
 * S-Tab, Backspace. */
void harness_key(struct harness *h, int key);
/* Processes every queued key (tui_app_run in test mode returns when the
 * input is exhausted), then draws. */
void harness_run(struct harness *h);
/* Resizes the off-screen terminal (as a SIGWINCH would) and redraws. */
void harness_resize(struct harness *h, int rows, int cols);

/* Row y of the screen as UTF-8 (a wide character once), trailing
 * spaces removed. Returns buf. */
const char *harness_row(struct harness *h, int y, char *buf, size_t n);
/* Display column where `text` starts on row y, -1 if absent. */
int harness_col(struct harness *h, int y, const char *text);
/* First row containing text, -1 if none. */
int harness_find(struct harness *h, const char *text);
/* Writes the whole screen to f (for failure messages). */
void harness_dump(struct harness *h, FILE *f);

#endif
