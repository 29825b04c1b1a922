/* A pure line editor: a state machine over an array of code points,
 * with no curses and no I/O. The cursor always sits on a grapheme
 * boundary, so a CJK character or a letter with its combining marks is
 * one step. Optional multi-line mode (for minutes and notes): '\n' is a
 * character in the buffer; rows are laid out by wrapping at a given
 * width. */
#ifndef ZB_LINEEDIT_H
#define ZB_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct lineedit {
    uint32_t *buf;
    size_t len, cap;
    size_t cursor;        /* index into buf, at a grapheme boundary */
    size_t max_chars;     /* 0 = unlimited */
    bool multiline;
    int hscroll;          /* single-line: first visible column */
    int vscroll;          /* multi-line: first visible row */
} lineedit;

enum le_op {
    LE_LEFT, LE_RIGHT,           /* one grapheme */
    LE_WORD_LEFT, LE_WORD_RIGHT, /* ASCII word, or one CJK run */
    LE_HOME, LE_END,             /* of the (logical) line */
    LE_BACKSPACE, LE_DELETE,     /* one grapheme */
    LE_KILL_TO_END,              /* Ctrl-K */
    LE_KILL_TO_START,            /* Ctrl-U */
    LE_KILL_WORD_BACK,           /* Ctrl-W */
    LE_UP, LE_DOWN               /* multi-line only: by wrapped row */
};

void le_init(lineedit *le, bool multiline, size_t max_chars);
void le_free(lineedit *le);
void le_clear(lineedit *le);

/* Replaces the content (cursor to the end). Returns 0, -1 on OOM.
 * Text beyond max_chars is dropped; '\n' is dropped unless multiline;
 * control characters other than '\n' are dropped. */
int le_set(lineedit *le, const char *utf8);
/* Malloc'ed UTF-8 copy of the content (NULL on OOM). */
char *le_get(const lineedit *le);
/* Writes the content into out (at most outsz bytes incl. NUL, cut at a
 * character boundary); returns bytes written. */
size_t le_get_buf(const lineedit *le, char *out, size_t outsz);

/* Inserts one character at the cursor. Returns true if the buffer
 * changed (false: control character, newline in single-line mode, or
 * max_chars reached). A combining mark joins the grapheme before it. */
bool le_insert(lineedit *le, uint32_t c);
/* Inserts a UTF-8 string (e.g. pasted text or a scanner burst). */
bool le_insert_utf8(lineedit *le, const char *utf8);

/* Applies an edit or motion. `width` is the wrap width in columns for
 * LE_UP/LE_DOWN in multi-line mode (ignored otherwise). Returns true if
 * the buffer or the cursor changed. */
bool le_apply(lineedit *le, enum le_op op, int width);

/* Single-line view: adjusts hscroll so the cursor is visible in a field
 * `width` columns wide (keeping a little context), then writes into out
 * the visible code points padded with spaces to exactly width columns
 * (a wide character cut by either edge is replaced by a space) and
 * returns how many code points were written (at most max).
 * *cursor_col gets the cursor's column within the field. */
size_t le_view(lineedit *le, int width, uint32_t *out, size_t max,
               int *cursor_col);

/* Multi-line view: wraps the text at `width` columns (never splitting a
 * wide character; a row ends at '\n'), adjusts vscroll so the cursor row
 * is visible among `height` rows, and fills rows[r] (each max code
 * points) with row vscroll + r, padded with spaces to exactly width
 * columns; rows past the end are all spaces. *cursor_row and *cursor_col
 * get the cursor position relative to the view. */
void le_view_rows(lineedit *le, int width, int height, uint32_t **rows,
                  size_t max, int *cursor_row, int *cursor_col);

#endif
