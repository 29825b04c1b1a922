/* The application loop and the screen stack (htop style: handlers return
 * flags, the loop stays small). Layout of the terminal:
 *   row 0            title bar (screen title, right: database name)
 *   rows 1..H-3      the top screen's body
 *   row H-2          status line (messages, errors, list position)
 *   row H-1          hint bar, generated from the screen's keymap
 * Below 80x24 the app shows only "终端太小…" until resized. */
#ifndef ZB_TUI_APP_H
#define ZB_TUI_APP_H

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>

#include "tui/action.h"
#include "tui/key.h"

enum tui_flags {
    TUI_UNHANDLED = 0,
    TUI_HANDLED = 1,
    TUI_REDRAW = 2,    /* redraw the screen */
    TUI_POP = 4,       /* close this screen */
    TUI_QUIT = 8       /* leave the program (no more questions) */
};

#define TUI_MIN_COLS 80
#define TUI_MIN_ROWS 24

typedef struct tui_app tui_app;
typedef struct tui_screen tui_screen;

struct tui_screen_ops {
    /* Bindings of this screen (the app adds F1/?, Esc/q, F10, Ctrl-L). */
    const struct tui_binding *keymap;
    /* Draws the body: rows 0..h-1 of w (a window covering the body). */
    void (*draw)(tui_screen *s, WINDOW *w, int h, int wd);
    /* Gets every key first (text fields need raw keys). TUI_UNHANDLED
     * lets the app look the key up in the keymap and call action. */
    int (*key)(tui_screen *s, int key);
    int (*action)(tui_screen *s, enum tui_action a);
    /* Unsaved changes? (asked before BACK / QUIT). May be NULL. */
    bool (*unsaved)(tui_screen *s);
    /* The screen is on top again after the one above it closed. */
    void (*resume)(tui_screen *s);
    /* Called about once a second while idle: return TUI_REDRAW if data
     * changed (another user's edit). May be NULL. */
    int (*tick)(tui_screen *s);
    /* Where the terminal cursor goes, body-relative; *y = -1 hides it. */
    void (*cursor)(tui_screen *s, int *y, int *x);
    void (*destroy)(tui_screen *s);
};

/* Embed as the first member of a screen's struct. */
struct tui_screen {
    const struct tui_screen_ops *ops;
    tui_app *app;
    char title[160];
};

struct tui_app_config {
    const char *right_title;   /* shown at the right of the title bar */
    FILE *in, *out;            /* NULL: the real terminal (stdin/stdout) */
    int test_rows, test_cols;  /* > 0: fixed size (screen tests) */
    bool test_mode;            /* keys come from a pipe: when input runs
                                  out, loops and dialogs return instead of
                                  waiting */
};

/* Starts curses (newterm on the given or real terminal), raw keys,
 * keypad, short ESCDELAY, styles. NULL on failure. */
tui_app *tui_app_new(const struct tui_app_config *cfg);
/* Ends curses and frees every screen still on the stack. */
void tui_app_free(tui_app *app);

/* Pushes s (the app takes ownership; s->app is set). */
void tui_app_push(tui_app *app, tui_screen *s);
tui_screen *tui_app_top(tui_app *app);
int tui_app_depth(tui_app *app);

/* Runs until the stack is empty or QUIT (or input EOF in test mode).
 * Returns 0. */
int tui_app_run(tui_app *app);

/* One step, for tests and nested loops: reads a key (waiting at most
 * timeout_ms; -1 forever) and returns it, translating get_wch results
 * (KEY_CODE_YES -> TUI_FN, '\n' -> Enter) and handling KEY_RESIZE
 * (the app redraws; the key is returned too as TUI_FN(KEY_RESIZE)). */
int tui_app_read_key(tui_app *app, int timeout_ms);
/* Dispatches one key to the top screen and the global bindings. */
int tui_app_handle_key(tui_app *app, int key);
/* Draws everything (title, body, status, hint bar) and refreshes. */
void tui_app_draw(tui_app *app);
/* Like tui_app_draw but leaves the result in stdscr without sending it
 * to the terminal: a dialog draws its box over it, then refreshes once
 * (no flicker). */
void tui_app_paint(tui_app *app);

/* Status line message until the next key: plain or as an error. */
void tui_app_status(tui_app *app, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void tui_app_error(tui_app *app, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Text always shown at the right of the status line (list position
 * "第 31/583 条"); the top screen sets it while drawing. */
void tui_app_set_position(tui_app *app, const char *text);

bool tui_app_test_mode(const tui_app *app);
bool tui_app_too_small(const tui_app *app);
/* The whole screen's stdscr (dialogs draw over it). */
WINDOW *tui_app_window(tui_app *app);

/* The help overlay for the top screen (keys and help texts from its
 * keymap plus the global ones); returns on any key. */
void tui_app_help(tui_app *app);

#endif
