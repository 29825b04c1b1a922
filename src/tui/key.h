/* Keys as plain ints: a Unicode character (>= 0, < TUI_KEY_FN) for text,
 * or TUI_KEY_FN + a curses KEY_* code for function keys. get_wch's
 * KEY_CODE_YES is checked, so a character never collides with a key
 * code ("ą" is not KEY_RIGHT). */
#ifndef ZB_TUI_KEY_H
#define ZB_TUI_KEY_H

#include <stddef.h>

#define TUI_KEY_FN 0x200000
#define TUI_FN(k) (TUI_KEY_FN + (k))        /* TUI_FN(KEY_F(2)) */
#define TUI_CTRL(c) ((c) & 0x1f)             /* TUI_CTRL('s') */
#define TUI_KEY_ESC 27
#define TUI_KEY_ENTER '\r'                   /* '\n' is mapped to it */
#define TUI_KEY_TAB '\t'
#define TUI_KEY_NONE (-1)                    /* timeout, no key */
#define TUI_KEY_EOF (-2)                     /* input closed */

/* Human name of a key for the hint bar and help: "F2", "Ctrl-S",
 * "Enter", "Esc", "Tab", "S-Tab", "Up", "Down", "PgUp", "PgDn", "Home",
 * "End", "Ins", "Del", "Space", or the character. ASCII only. */
void tui_key_name(int key, char *out, size_t outsz);

/* True for a key that is text input (printable, not a control char). */
int tui_key_is_text(int key);

#endif
