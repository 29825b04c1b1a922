/* Modal dialogs with their own nested loops (htop's picker): each draws
 * a centered ASCII box over the current screen and returns the answer.
 * In test mode, running out of input cancels. */
#ifndef ZB_TUI_DIALOG_H
#define ZB_TUI_DIALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/app.h"

/* Yes/no: 'y'/'Y'/Enter on 是 -> true; 'n'/Esc -> false. Left/Right/Tab
 * move between [是] and [否]; the default is `def`. */
bool tui_confirm(tui_app *app, const char *title, const char *msg,
                 bool def);

/* A message with [确定]; any of Enter/Esc/Space closes it. */
void tui_message(tui_app *app, const char *title, const char *msg);

/* Picker: a filtered list of items. Typing filters by substring and by
 * pinyin initials (any reading); Up/Down/PgUp/PgDn/Home/End move; Enter
 * picks; Esc cancels. Returns the index in items, or -1. `initial` is
 * pre-selected (-1 none). Works for thousands of items. */
int tui_pick(tui_app *app, const char *title, const char *const *items,
             int n, int initial);

/* One-line input with a label; `validate` (may be NULL) returns NULL
 * if the text is acceptable or a Chinese message shown under the field.
 * buf holds the initial text and receives the result. Returns true on
 * Enter with valid text, false on Esc. */
bool tui_prompt(tui_app *app, const char *title, const char *label,
                char *buf, size_t bufsz, size_t max_chars,
                const char *(*validate)(const char *text, void *ctx),
                void *ctx);

#endif
