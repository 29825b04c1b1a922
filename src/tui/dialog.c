#include "tui/dialog.h"

#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "pinyin.h"
#include "text.h"
#include "tui/draw.h"

#define MSG_LINES 12

struct geom {
    int y, x, h, w;
};

/* A box of h x w centred on the screen, clamped to it. */
static struct geom centre(int h, int w)
{
    struct geom g;
    g.h = h < LINES - 2 ? h : LINES - 2;
    g.w = w < COLS - 2 ? w : COLS - 2;
    if (g.h < 3)
        g.h = 3;
    if (g.w < 10)
        g.w = 10;
    g.y = (LINES - g.h) / 2;
    g.x = (COLS - g.w) / 2;
    if (g.y < 0)
        g.y = 0;
    if (g.x < 0)
        g.x = 0;
    return g;
}

static void refresh_all(void)
{
    touchwin(stdscr);
    wrefresh(stdscr);
}

/* Reads a dialog key: NONE for keys the loop just redraws after
 * (resize, Ctrl-L, timeouts). */
static int dialog_key(tui_app *app)
{
    int key = tui_app_read_key(app, -1);
    if (key == TUI_FN(KEY_RESIZE))
        return TUI_KEY_NONE;
    if (key == TUI_CTRL('l')) {
        clearok(curscr, TRUE);
        return TUI_KEY_NONE;
    }
    return key;
}

/* Splits msg into lines of at most width columns (at '\n' and between
 * characters). Returns the number of lines; each is a copy in out. */
static int wrap(const char *msg, int width, char out[][256], int max)
{
    int n = 0;
    size_t len = strlen(msg), i = 0;
    while (i <= len && n < max) {
        size_t o = 0;
        int w = 0;
        while (i < len && msg[i] != '\n') {
            uint32_t c;
            size_t k = text_decode(msg + i, len - i, &c);
            int cw = text_char_width(c);
            if (w + cw > width && w > 0)
                break;
            if (o + k >= 255)
                break;
            memcpy(out[n] + o, msg + i, k);
            o += k;
            w += cw;
            i += k;
        }
        out[n][o] = 0;
        n++;
        if (i < len && msg[i] == '\n')
            i++;
        else if (i >= len)
            break;
    }
    return n;
}

static int max_line_width(char lines[][256], int n)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        int w = text_width(lines[i]);
        m = w > m ? w : m;
    }
    return m;
}

/* Draws the message box with buttons; sel is the focused button. */
static void draw_buttons_box(tui_app *app, const char *title, const char *msg,
                             const char *const *buttons, int nb, int sel)
{
    char lines[MSG_LINES][256];
    tui_app_paint(app);
    int maxw = COLS - 8;
    int n = wrap(msg ? msg : "", maxw > 10 ? maxw : 10, lines, MSG_LINES);
    int bw = 0;
    for (int i = 0; i < nb; i++)
        bw += text_width(buttons[i]) + 2;
    int w = max_line_width(lines, n);
    int tw = text_width(title ? title : "") + 4;
    w = w > bw ? w : bw;
    w = w > tw ? w : tw;
    w += 6;
    if (w < 30)
        w = 30;
    struct geom g = centre(n + 4, w);
    attr_t na = tui_style(STYLE_NORMAL);
    tui_box(stdscr, g.y, g.x, g.h, g.w, title, na);
    for (int i = 0; i < n && i < g.h - 4; i++)
        tui_put(stdscr, g.y + 1 + i, g.x + 3, lines[i], g.w - 6, TEXT_LEFT,
                na);
    int x = g.x + (g.w - bw) / 2 + 1;
    for (int i = 0; i < nb; i++) {
        int bwi = text_width(buttons[i]);
        tui_put(stdscr, g.y + g.h - 2, x, buttons[i], bwi, TEXT_LEFT,
                tui_style(i == sel ? STYLE_CURSOR : STYLE_NORMAL));
        x += bwi + 2;
    }
    curs_set(0);
    refresh_all();
}

bool tui_confirm(tui_app *app, const char *title, const char *msg, bool def)
{
    static const char *const buttons[] = { "[ 是 ]", "[ 否 ]" };
    int sel = def ? 0 : 1;
    for (;;) {
        draw_buttons_box(app, title, msg, buttons, 2, sel);
        int key = dialog_key(app);
        switch (key) {
        case TUI_KEY_NONE:
            break;
        case TUI_KEY_EOF:
        case TUI_KEY_ESC:
        case 'n':
        case 'N':
            return false;
        case 'y':
        case 'Y':
            return true;
        case TUI_KEY_ENTER:
            return sel == 0;
        case TUI_KEY_TAB:
        case TUI_FN(KEY_BTAB):
        case TUI_FN(KEY_LEFT):
        case TUI_FN(KEY_RIGHT):
            sel = 1 - sel;
            break;
        default:
            break;
        }
    }
}

void tui_message(tui_app *app, const char *title, const char *msg)
{
    static const char *const buttons[] = { "[ 确定 ]" };
    for (;;) {
        draw_buttons_box(app, title, msg, buttons, 1, 0);
        int key = dialog_key(app);
        if (key == TUI_KEY_EOF || key == TUI_KEY_ENTER || key == TUI_KEY_ESC
            || key == ' ')
            return;
    }
}

/* ---- picker ---- */

struct picker {
    const char *const *items;
    int n;
    int *idx;        /* indices of the matching items */
    int m;           /* how many match */
    int cur, top;    /* in idx */
    char query[256];
};

static bool only_letters(const char *q)
{
    if (!*q)
        return false;
    for (; *q; q++)
        if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
            return false;
    return true;
}

static bool pick_matches(const char *item, const char *q, const char *lowq)
{
    if (!*q)
        return true;
    if (text_contains_ci(item, q))
        return true;
    return lowq && pinyin_match_initials(item, lowq);
}

/* Recomputes the matches; keeps the selected item when it still
 * matches. */
static void pick_filter(struct picker *p)
{
    int keep = p->m > 0 && p->cur < p->m ? p->idx[p->cur] : -1;
    char low[256];
    const char *lowq = NULL;
    if (only_letters(p->query)) {
        snprintf(low, sizeof low, "%s", p->query);
        lowq = text_ascii_lower(low);
    }
    p->m = 0;
    p->cur = 0;
    for (int i = 0; i < p->n; i++) {
        if (!pick_matches(p->items[i] ? p->items[i] : "", p->query, lowq))
            continue;
        if (i == keep)
            p->cur = p->m;
        p->idx[p->m++] = i;
    }
}

static void pick_move(struct picker *p, int delta)
{
    p->cur += delta;
    if (p->cur >= p->m)
        p->cur = p->m - 1;
    if (p->cur < 0)
        p->cur = 0;
}

static void pick_backspace(char *q)
{
    size_t len = strlen(q);
    if (len == 0)
        return;
    /* back over UTF-8 continuation bytes */
    len--;
    while (len > 0 && ((unsigned char)q[len] & 0xc0) == 0x80)
        len--;
    q[len] = 0;
}

static void pick_draw(tui_app *app, const char *title, struct picker *p,
                      int width)
{
    tui_app_paint(app);
    struct geom g = centre(p->n + 4, width);
    int rows = g.h - 3;
    if (rows < 1)
        rows = 1;
    if (p->cur < p->top)
        p->top = p->cur;
    if (p->cur >= p->top + rows)
        p->top = p->cur - rows + 1;
    if (p->top > p->m - rows)
        p->top = p->m - rows;
    if (p->top < 0)
        p->top = 0;
    attr_t na = tui_style(STYLE_NORMAL);
    tui_box(stdscr, g.y, g.x, g.h, g.w, title, na);
    int inner = g.w - 4;
    char count[48];
    snprintf(count, sizeof count, "%d/%d", p->m, p->n);
    int cw = text_width(count);
    char line[300];
    snprintf(line, sizeof line, "筛选：%s", p->query);
    int fw = inner - cw - 1;
    tui_put(stdscr, g.y + 1, g.x + 2, line, fw, TEXT_LEFT, na);
    tui_put(stdscr, g.y + 1, g.x + 2 + fw + 1, count, cw, TEXT_RIGHT,
            tui_style(STYLE_DIM));
    for (int r = 0; r < rows && r < g.h - 3; r++) {
        int i = p->top + r;
        if (i >= p->m)
            break;
        const char *item = p->items[p->idx[i]];
        tui_put(stdscr, g.y + 2 + r, g.x + 2, item ? item : "", inner,
                TEXT_LEFT, tui_style(i == p->cur ? STYLE_CURSOR
                                                 : STYLE_NORMAL));
    }
    if (p->m == 0)
        tui_put(stdscr, g.y + 2, g.x + 2, "（无匹配项）", inner, TEXT_LEFT,
                tui_style(STYLE_DIM));
    int qx = text_width(line);
    if (qx < fw) {
        wmove(stdscr, g.y + 1, g.x + 2 + qx);
        curs_set(1);
    } else {
        curs_set(0);
    }
    refresh_all();
}

int tui_pick(tui_app *app, const char *title, const char *const *items,
             int n, int initial)
{
    if (!items || n <= 0)
        return -1;
    struct picker p = { .items = items, .n = n };
    p.idx = malloc((size_t)n * sizeof *p.idx);
    if (!p.idx)
        return -1;
    pick_filter(&p);
    if (initial >= 0 && initial < n)
        p.cur = initial;
    int width = text_width(title ? title : "") + 8;
    for (int i = 0; i < n; i++) {
        int w = text_width(items[i] ? items[i] : "") + 6;
        width = w > width ? w : width;
    }
    if (width < 40)
        width = 40;
    int result = -1;
    for (;;) {
        pick_draw(app, title, &p, width);
        int rows = centre(n + 4, width).h - 3;
        int key = dialog_key(app);
        if (key == TUI_KEY_NONE)
            continue;
        if (key == TUI_KEY_EOF || key == TUI_KEY_ESC)
            break;
        if (key == TUI_KEY_ENTER) {
            if (p.m > 0) {
                result = p.idx[p.cur];
                break;
            }
            continue;
        }
        switch (key) {
        case TUI_FN(KEY_UP):
        case TUI_CTRL('p'):
            pick_move(&p, -1);
            continue;
        case TUI_FN(KEY_DOWN):
        case TUI_CTRL('n'):
            pick_move(&p, 1);
            continue;
        case TUI_FN(KEY_PPAGE):
            pick_move(&p, -(rows > 1 ? rows - 1 : 1));
            continue;
        case TUI_FN(KEY_NPAGE):
            pick_move(&p, rows > 1 ? rows - 1 : 1);
            continue;
        case TUI_FN(KEY_HOME):
            p.cur = 0;
            continue;
        case TUI_FN(KEY_END):
            p.cur = p.m > 0 ? p.m - 1 : 0;
            continue;
        case TUI_FN(KEY_BACKSPACE):
            pick_backspace(p.query);
            pick_filter(&p);
            continue;
        case TUI_CTRL('u'):
            p.query[0] = 0;
            pick_filter(&p);
            continue;
        default:
            break;
        }
        if (tui_key_is_text(key)) {
            size_t len = strlen(p.query);
            if (len + 5 < sizeof p.query) {
                len += text_encode((uint32_t)key, p.query + len);
                p.query[len] = 0;
                pick_filter(&p);
            }
        }
    }
    free(p.idx);
    return result;
}

/* ---- prompt ---- */

static bool prompt_edit(lineedit *le, int key)
{
    static const struct {
        int key;
        enum le_op op;
    } ops[] = {
        { TUI_FN(KEY_LEFT), LE_LEFT }, { TUI_FN(KEY_RIGHT), LE_RIGHT },
        { TUI_FN(KEY_HOME), LE_HOME }, { TUI_CTRL('a'), LE_HOME },
        { TUI_FN(KEY_END), LE_END }, { TUI_CTRL('e'), LE_END },
        { TUI_FN(KEY_BACKSPACE), LE_BACKSPACE }, { TUI_FN(KEY_DC), LE_DELETE },
        { TUI_CTRL('d'), LE_DELETE }, { TUI_CTRL('k'), LE_KILL_TO_END },
        { TUI_CTRL('u'), LE_KILL_TO_START }, { TUI_CTRL('w'), LE_KILL_WORD_BACK },
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (ops[i].key == key) {
            le_apply(le, ops[i].op, 0);
            return true;
        }
    if (tui_key_is_text(key)) {
        le_insert(le, (uint32_t)key);
        return true;
    }
    return false;
}

static void prompt_draw(tui_app *app, const char *title, const char *label,
                        lineedit *le, const char *error)
{
    tui_app_paint(app);
    int w = text_width(label ? label : "") + 6;
    int ew = error ? text_width(error) + 6 : 0;
    w = w > ew ? w : ew;
    if (w < 50)
        w = 50;
    struct geom g = centre(5, w);
    int inner = g.w - 4;
    attr_t na = tui_style(STYLE_NORMAL);
    tui_box(stdscr, g.y, g.x, g.h, g.w, title, na);
    tui_put(stdscr, g.y + 1, g.x + 2, label ? label : "", inner, TEXT_LEFT,
            na);
    uint32_t view[1024];
    int cc = 0;
    int fw = inner < 1000 ? inner : 1000;
    size_t k = le_view(le, fw, view, sizeof view / sizeof view[0], &cc);
    tui_blank(stdscr, g.y + 2, g.x + 2, fw, tui_style(STYLE_FIELD_FOCUS));
    tui_put32(stdscr, g.y + 2, g.x + 2, view, k, tui_style(STYLE_FIELD_FOCUS));
    if (g.h > 4)
        tui_put(stdscr, g.y + 3, g.x + 2, error ? error : "", inner,
                TEXT_LEFT, tui_style(error ? STYLE_ERROR : STYLE_NORMAL));
    wmove(stdscr, g.y + 2, g.x + 2 + (cc < fw ? cc : fw - 1));
    curs_set(1);
    refresh_all();
}

bool tui_prompt(tui_app *app, const char *title, const char *label,
                char *buf, size_t bufsz, size_t max_chars,
                const char *(*validate)(const char *text, void *ctx),
                void *ctx)
{
    if (!buf || bufsz == 0)
        return false;
    lineedit le;
    le_init(&le, false, max_chars);
    le_set(&le, buf);
    char *tmp = malloc(bufsz);
    const char *error = NULL;
    bool ok = false;
    while (tmp) {
        prompt_draw(app, title, label, &le, error);
        int key = dialog_key(app);
        if (key == TUI_KEY_NONE)
            continue;
        if (key == TUI_KEY_EOF || key == TUI_KEY_ESC)
            break;
        if (key == TUI_KEY_ENTER) {
            le_get_buf(&le, tmp, bufsz);
            error = validate ? validate(tmp, ctx) : NULL;
            if (!error) {
                memcpy(buf, tmp, strlen(tmp) + 1);
                ok = true;
                break;
            }
            continue;
        }
        if (prompt_edit(&le, key))
            error = NULL;
    }
    free(tmp);
    le_free(&le);
    return ok;
}
