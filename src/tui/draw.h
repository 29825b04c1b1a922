/* Drawing UTF-8 text into curses windows by column budget. Every call
 * positions absolutely and fills exactly the budget, so a wrong width
 * elsewhere can never shift the rest of a row. This file also makes
 * ncursesw use our width oracle (text_char_width) so that the screen
 * model and the terminal agree, including ambiguous-width characters
 * when the setting says they are wide. */
#ifndef ZB_TUI_DRAW_H
#define ZB_TUI_DRAW_H

#include <curses.h>

#include "text.h"

/* Draws s at (y, x) in exactly cols columns (text_fit rules: sanitized,
 * '~' marker when cut, padding). Returns columns used by the text. */
int tui_put(WINDOW *w, int y, int x, const char *s, int cols,
            enum text_align align, attr_t attr);

/* Draws code points already fitted to a width (from le_view etc.). */
void tui_put32(WINDOW *w, int y, int x, const uint32_t *s, size_t n,
               attr_t attr);

/* Fills cols columns with spaces. */
void tui_blank(WINDOW *w, int y, int x, int cols, attr_t attr);

/* An ASCII box ('+', '-', '|') with an optional title in the top edge. */
void tui_box(WINDOW *w, int y, int x, int h, int wd, const char *title,
             attr_t attr);

/* Colour pairs / attributes used by the toolkit (set up by the app). */
enum tui_style {
    STYLE_NORMAL, STYLE_TITLE, STYLE_HEADER, STYLE_CURSOR, STYLE_HINT_KEY,
    STYLE_HINT_LABEL, STYLE_STATUS, STYLE_ERROR, STYLE_FIELD,
    STYLE_FIELD_FOCUS, STYLE_DIM, STYLE_MARK, STYLE_WARN, STYLE_COUNT
};
attr_t tui_style(enum tui_style s);
void tui_styles_init(void);   /* after initscr/newterm */

#endif
