#include "tui/draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* ncursesw decides how many cells a character takes with the C
 * library's wcwidth(). glibc's table disagrees with ours (libunistring)
 * on some characters, and never counts ambiguous-width characters as 2.
 * If the two models disagreed, ncurses would place later characters of a
 * row in other cells than we computed, and its optimiser would corrupt
 * the terminal. Defining wcwidth here interposes the library's one for
 * libncursesw (the executable's definition wins the dynamic lookup), so
 * there is one width oracle everywhere. It lives in draw.c because that
 * object is always linked whenever curses is used. */
int wcwidth(wchar_t c)
{
    if (c == 0)
        return 0;
    if (c < 32 || (c >= 0x7f && c < 0xa0))
        return -1;
    return text_char_width((uint32_t)c);
}

/* One cell's worth: a base character and the zero-width ones after it. */
static int put_cell(WINDOW *w, const wchar_t *wc, attr_t attr)
{
    cchar_t cc;
    short pair = (short)PAIR_NUMBER(attr);
    if (setcchar(&cc, wc, attr & ~A_COLOR, pair, NULL) == ERR)
        return ERR;
    return wadd_wch(w, &cc);
}

/* Draws code points from the current position, grouping each base
 * character with its combining marks (ncurses keeps them in one cell).
 * Stops before a character that would cross max_cols. */
static int put_run(WINDOW *w, const uint32_t *s, size_t n, int max_cols,
                   attr_t attr)
{
    int col = 0;
    size_t i = 0;
    while (i < n) {
        wchar_t cell[CCHARW_MAX + 1];
        int k = 0;
        uint32_t c = text_safe_char(s[i]);
        int cw = text_char_width(c);
        if (cw == 0) {
            /* A mark with no base: hang it on a space so it shows. */
            cell[k++] = L' ';
            cw = 1;
        } else {
            cell[k++] = (wchar_t)c;
            i++;
        }
        while (i < n && text_char_width(text_safe_char(s[i])) == 0) {
            if (k < CCHARW_MAX)
                cell[k++] = (wchar_t)text_safe_char(s[i]);
            i++;
        }
        cell[k] = 0;
        if (col + cw > max_cols)
            break;
        put_cell(w, cell, attr);
        col += cw;
    }
    return col;
}

/* Columns available from x to the right edge of w. */
static int room(WINDOW *w, int y, int x, int cols)
{
    int maxy = getmaxy(w), maxx = getmaxx(w);
    if (y < 0 || y >= maxy || x < 0 || x >= maxx)
        return 0;
    return cols < maxx - x ? cols : maxx - x;
}

/* Start column of the cell covering column x of row y (a wide
 * character covers two). Walks from the left edge: each cell's width is
 * the oracle's, which is also what ncurses used to place it. */
static int cell_start(WINDOW *w, int y, int x)
{
    int c = 0;
    while (c < x) {
        cchar_t cc;
        wchar_t wch[CCHARW_MAX + 1];
        attr_t a;
        short pair;
        int cw = 1;
        if (mvwin_wch(w, y, c, &cc) == OK
            && getcchar(&cc, wch, &a, &pair, NULL) == OK && wch[0])
            cw = text_char_width((uint32_t)wch[0]);
        if (cw < 1)
            cw = 1;
        if (c + cw > x)
            return c;
        c += cw;
    }
    return x;
}

/* A field drawn over half of a wide character leaves the other half
 * behind in ncurses' model (and garbage on the terminal). Before drawing
 * [x, x+cols), note such halves; after, turn them into spaces. */
struct edges {
    int left_from, right_to;    /* blank [left_from, x), [x+cols, right_to) */
};

static struct edges edges_before(WINDOW *w, int y, int x, int cols)
{
    struct edges e = { x, x + cols };
    e.left_from = x > 0 ? cell_start(w, y, x) : x;
    int end = x + cols;
    if (end < getmaxx(w)) {
        int st = cell_start(w, y, end);
        if (st != end)
            e.right_to = st + 2;
    }
    return e;
}

static void edges_after(WINDOW *w, int y, int x, int cols, struct edges e)
{
    for (int c = e.left_from; c < x; c++) {
        wmove(w, y, c);
        put_cell(w, L" ", A_NORMAL);
    }
    for (int c = x + cols; c < e.right_to && c < getmaxx(w); c++) {
        wmove(w, y, c);
        put_cell(w, L" ", A_NORMAL);
    }
}

int tui_put(WINDOW *w, int y, int x, const char *s, int cols,
            enum text_align align, attr_t attr)
{
    cols = room(w, y, x, cols);
    if (cols <= 0)
        return 0;
    struct edges e = edges_before(w, y, x, cols);
    /* Zero-width characters can make the fitted text longer than cols
     * code points; allow for a few per column. */
    size_t max = (size_t)cols * 4 + 8;
    uint32_t stackbuf[512];
    uint32_t *buf = max <= 512 ? stackbuf : malloc(max * sizeof *buf);
    if (!buf) {
        tui_blank(w, y, x, cols, attr);
        return 0;
    }
    int used = 0;
    size_t n = text_fit32(buf, max, s ? s : "", cols, align, &used);
    wmove(w, y, x);
    int drawn = put_run(w, buf, n, cols, attr);
    /* Whatever happened above, the field ends exactly at x + cols. */
    if (drawn < cols) {
        wmove(w, y, x + drawn);
        for (int i = drawn; i < cols; i++)
            put_cell(w, L" ", attr);
    }
    edges_after(w, y, x, cols, e);
    if (buf != stackbuf)
        free(buf);
    /* Columns of the text itself: the fitted width minus padding. */
    int text_cols = text_width(s ? s : "");
    return text_cols < cols ? text_cols : cols;
}

void tui_put32(WINDOW *w, int y, int x, const uint32_t *s, size_t n,
               attr_t attr)
{
    int cols = room(w, y, x, getmaxx(w));
    if (cols <= 0)
        return;
    cols = room(w, y, x, text_width32(s, 0, n));
    struct edges e = edges_before(w, y, x, cols);
    wmove(w, y, x);
    put_run(w, s, n, cols, attr);
    edges_after(w, y, x, cols, e);
}

void tui_blank(WINDOW *w, int y, int x, int cols, attr_t attr)
{
    cols = room(w, y, x, cols);
    if (cols <= 0)
        return;
    struct edges e = edges_before(w, y, x, cols);
    wmove(w, y, x);
    for (int i = 0; i < cols; i++)
        put_cell(w, L" ", attr);
    edges_after(w, y, x, cols, e);
}

void tui_box(WINDOW *w, int y, int x, int h, int wd, const char *title,
             attr_t attr)
{
    if (h < 2 || wd < 2)
        return;
    for (int r = 0; r < h; r++) {
        int last = r == 0 || r == h - 1;
        int cols = room(w, y + r, x, wd);
        if (cols <= 0)
            continue;
        /* a dialog's edge over half of a wide character under it */
        struct edges e = edges_before(w, y + r, x, cols);
        wmove(w, y + r, x);
        put_cell(w, last ? L"+" : L"|", attr);
        for (int c = 1; c < wd - 1; c++)
            if (room(w, y + r, x + c, 1) > 0)
                put_cell(w, last ? L"-" : L" ", attr);
        if (room(w, y + r, x + wd - 1, 1) > 0)
            put_cell(w, last ? L"+" : L"|", attr);
        edges_after(w, y + r, x, cols, e);
    }
    if (title && *title && wd > 6) {
        int tw = text_width(title) + 2;
        if (tw > wd - 4)
            tw = wd - 4;
        char buf[512];
        snprintf(buf, sizeof buf, " %s ", title);
        tui_put(w, y, x + 2, buf, tw, TEXT_LEFT, attr | A_BOLD);
    }
}

static attr_t styles[STYLE_COUNT];

attr_t tui_style(enum tui_style s)
{
    if ((int)s < 0 || s >= STYLE_COUNT)
        return A_NORMAL;
    return styles[s];
}

/* Every style carries a non-colour attribute, so each one stays
 * recognisable on a monochrome terminal; colour only adds to it. Pairs
 * of reversed styles are given with foreground and background swapped. */
void tui_styles_init(void)
{
    static const struct {
        attr_t mono;
        short fg, bg;    /* -2: no colour pair */
    } def[STYLE_COUNT] = {
        [STYLE_NORMAL] = { A_NORMAL, -2, -2 },
        [STYLE_TITLE] = { A_REVERSE | A_BOLD, COLOR_BLUE, COLOR_WHITE },
        [STYLE_HEADER] = { A_BOLD | A_UNDERLINE, COLOR_CYAN, -1 },
        [STYLE_CURSOR] = { A_REVERSE, COLOR_CYAN, COLOR_BLACK },
        [STYLE_HINT_KEY] = { A_BOLD, -2, -2 },
        [STYLE_HINT_LABEL] = { A_REVERSE, COLOR_CYAN, COLOR_BLACK },
        [STYLE_STATUS] = { A_NORMAL, COLOR_GREEN, -1 },
        [STYLE_ERROR] = { A_REVERSE | A_BOLD, COLOR_RED, COLOR_WHITE },
        [STYLE_FIELD] = { A_UNDERLINE, -2, -2 },
        [STYLE_FIELD_FOCUS] = { A_REVERSE | A_UNDERLINE, COLOR_YELLOW,
                                COLOR_BLACK },
        [STYLE_DIM] = { A_DIM, -2, -2 },
        [STYLE_MARK] = { A_BOLD, COLOR_GREEN, -1 },
        [STYLE_WARN] = { A_BOLD | A_UNDERLINE, COLOR_YELLOW, -1 },
    };
    bool colour = has_colors() && start_color() == OK
                  && COLOR_PAIRS > STYLE_COUNT;
    bool defaults = colour && use_default_colors() == OK;
    for (int i = 0; i < STYLE_COUNT; i++) {
        styles[i] = def[i].mono;
        if (!colour || def[i].fg == -2)
            continue;
        short fg = def[i].fg, bg = def[i].bg;
        if (!defaults) {
            if (fg == -1)
                fg = COLOR_WHITE;
            if (bg == -1)
                bg = COLOR_BLACK;
        }
        if (init_pair((short)(i + 1), fg, bg) == OK)
            styles[i] |= COLOR_PAIR(i + 1);
    }
}
