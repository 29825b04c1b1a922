#include "tui/app.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"
#include "tui/dialog.h"
#include "tui/draw.h"

struct tui_app {
    SCREEN *scr;
    bool test_mode;
    bool quit;
    tui_screen **stack;
    int depth, cap;
    WINDOW *body;           /* derwin of stdscr: rows 1..H-3 */
    int rows, cols;         /* size the body was made for */
    char right_title[160];
    char status[512];
    bool status_error;
    char position[128];
    int fast_errors;        /* consecutive instant read errors (EOF) */
};

/* Always available, whatever the screen binds. */
static const struct tui_binding global_keys[] = {
    { ACT_HELP, { TUI_FN(KEY_F(1)), '?' }, true },
    { ACT_BACK, { TUI_KEY_ESC, 'q' }, true },
    { ACT_QUIT, { TUI_FN(KEY_F(10)) }, true },
    { ACT_REDRAW, { TUI_CTRL('l') }, false },
    { ACT_NONE, { 0 }, false },
};

tui_app *tui_app_new(const struct tui_app_config *cfg)
{
    tui_app *app = calloc(1, sizeof *app);
    if (!app)
        return NULL;
    FILE *in = cfg && cfg->in ? cfg->in : stdin;
    FILE *out = cfg && cfg->out ? cfg->out : stdout;
    app->scr = newterm(NULL, out, in);
    if (!app->scr) {
        free(app);
        return NULL;
    }
    set_term(app->scr);
    app->test_mode = cfg && cfg->test_mode;
    if (cfg && cfg->right_title)
        snprintf(app->right_title, sizeof app->right_title, "%s",
                 cfg->right_title);
    if (cfg && cfg->test_rows > 0 && cfg->test_cols > 0)
        resizeterm(cfg->test_rows, cfg->test_cols);
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    tui_styles_init();
    if (app->test_mode) {
        /* resizeterm queued a KEY_RESIZE; the layout is fresh anyway. */
        flushinp();
    }
    return app;
}

static void destroy_screen(tui_screen *s)
{
    if (s && s->ops && s->ops->destroy)
        s->ops->destroy(s);
}

void tui_app_free(tui_app *app)
{
    if (!app)
        return;
    set_term(app->scr);
    while (app->depth > 0)
        destroy_screen(app->stack[--app->depth]);
    free(app->stack);
    if (app->body)
        delwin(app->body);
    endwin();
    delscreen(app->scr);
    free(app);
}

void tui_app_push(tui_app *app, tui_screen *s)
{
    if (app->depth == app->cap) {
        int cap = app->cap ? app->cap * 2 : 8;
        tui_screen **st = realloc(app->stack, (size_t)cap * sizeof *st);
        if (!st) {
            /* Cannot show it: the app owns s, so free it. */
            tui_app_error(app, "内存不足");
            destroy_screen(s);
            return;
        }
        app->stack = st;
        app->cap = cap;
    }
    s->app = app;
    app->stack[app->depth++] = s;
}

tui_screen *tui_app_top(tui_app *app)
{
    return app->depth > 0 ? app->stack[app->depth - 1] : NULL;
}

int tui_app_depth(tui_app *app)
{
    return app->depth;
}

bool tui_app_test_mode(const tui_app *app)
{
    return app->test_mode;
}

bool tui_app_too_small(const tui_app *app)
{
    (void)app;
    return LINES < TUI_MIN_ROWS || COLS < TUI_MIN_COLS;
}

WINDOW *tui_app_window(tui_app *app)
{
    (void)app;
    return stdscr;
}

void tui_app_status(tui_app *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->status, sizeof app->status, fmt, ap);
    va_end(ap);
    app->status_error = false;
}

void tui_app_error(tui_app *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->status, sizeof app->status, fmt, ap);
    va_end(ap);
    app->status_error = true;
}

void tui_app_set_position(tui_app *app, const char *text)
{
    snprintf(app->position, sizeof app->position, "%s", text ? text : "");
}

/* (Re)creates the body window when the terminal size changed. */
static void layout(tui_app *app)
{
    if (app->body && app->rows == LINES && app->cols == COLS)
        return;
    if (app->body)
        delwin(app->body);
    app->body = NULL;
    app->rows = LINES;
    app->cols = COLS;
    if (!tui_app_too_small(app))
        app->body = derwin(stdscr, LINES - 3, COLS, 1, 0);
}

static void paint_too_small(void)
{
    char msg[160];
    snprintf(msg, sizeof msg, "终端太小：至少需要 %dx%d（当前 %dx%d）",
             TUI_MIN_COLS, TUI_MIN_ROWS, COLS, LINES);
    werase(stdscr);
    int w = text_width(msg);
    if (w > COLS)
        w = COLS;
    tui_put(stdscr, LINES / 2, (COLS - w) / 2, msg, w, TEXT_LEFT,
            tui_style(STYLE_ERROR));
}

/* The hint-bar item for a binding: "F2" and "保存". */
static int hint_item_width(const struct tui_binding *b)
{
    char name[32];
    tui_key_name(b->keys[0], name, sizeof name);
    /* key, " label ", separator */
    return text_width(name) + text_width(tui_action_label(b->action)) + 3;
}

static int put_hint_item(int row, int x, const struct tui_binding *b)
{
    char name[32], label[96];
    tui_key_name(b->keys[0], name, sizeof name);
    snprintf(label, sizeof label, " %s ", tui_action_label(b->action));
    int nw = text_width(name), lw = text_width(label);
    tui_put(stdscr, row, x, name, nw, TEXT_LEFT, tui_style(STYLE_HINT_KEY));
    tui_put(stdscr, row, x + nw, label, lw, TEXT_LEFT,
            tui_style(STYLE_HINT_LABEL));
    return nw + lw + 1;
}

static void paint_hints(tui_app *app, tui_screen *top)
{
    int row = LINES - 1, width = COLS;
    tui_blank(stdscr, row, 0, width, tui_style(STYLE_NORMAL));
    int gw = 0;
    for (const struct tui_binding *b = global_keys; b->action != ACT_NONE;
         b++)
        if (b->hint)
            gw += hint_item_width(b);
    /* The screen's items come first but never crowd out the globals
     * (F1 is how one finds the rest); an item that does not fit whole
     * is left out, never cut. */
    int x = 0;
    const struct tui_binding *map = top ? top->ops->keymap : NULL;
    for (const struct tui_binding *b = map; b && b->action != ACT_NONE;
         b++) {
        if (!b->hint || b->keys[0] == 0)
            continue;
        int iw = hint_item_width(b);
        if (x + iw - 1 > width - gw)
            continue;
        x += put_hint_item(row, x, b);
    }
    for (const struct tui_binding *b = global_keys; b->action != ACT_NONE;
         b++) {
        if (!b->hint)
            continue;
        if (x + hint_item_width(b) - 1 > width)
            break;
        x += put_hint_item(row, x, b);
    }
    (void)app;
}

void tui_app_paint(tui_app *app)
{
    layout(app);
    if (tui_app_too_small(app) || !app->body) {
        paint_too_small();
        curs_set(0);
        return;
    }
    int h = LINES, w = COLS;
    tui_screen *top = tui_app_top(app);

    /* title bar */
    attr_t ta = tui_style(STYLE_TITLE);
    tui_blank(stdscr, 0, 0, w, ta);
    int rw = text_width(app->right_title);
    if (rw > w / 3)
        rw = w / 3;
    if (rw > 0)
        tui_put(stdscr, 0, w - rw - 1, app->right_title, rw, TEXT_RIGHT, ta);
    tui_put(stdscr, 0, 1, top ? top->title : "", w - rw - 3, TEXT_LEFT, ta);

    /* body */
    werase(app->body);
    app->position[0] = 0;
    if (top && top->ops->draw)
        top->ops->draw(top, app->body, h - 3, w);

    /* status line */
    int pw = text_width(app->position);
    if (pw > w / 3)
        pw = w / 3;
    tui_blank(stdscr, h - 2, 0, w, tui_style(STYLE_NORMAL));
    if (pw > 0)
        tui_put(stdscr, h - 2, w - pw - 1, app->position, pw, TEXT_RIGHT,
                tui_style(STYLE_STATUS));
    if (app->status[0]) {
        int sw = w - pw - 3;
        int tw = text_width(app->status);
        tui_put(stdscr, h - 2, 1, app->status, tw < sw ? tw : sw, TEXT_LEFT,
                tui_style(app->status_error ? STYLE_ERROR : STYLE_STATUS));
    }

    paint_hints(app, top);

    int cy = -1, cx = 0;
    if (top && top->ops->cursor)
        top->ops->cursor(top, &cy, &cx);
    if (cy >= 0 && cy < h - 3 && cx >= 0 && cx < w) {
        wmove(stdscr, cy + 1, cx);
        curs_set(1);
    } else {
        curs_set(0);
    }
}

void tui_app_draw(tui_app *app)
{
    tui_app_paint(app);
    /* The body is a subwindow: its changes are not flagged in stdscr. */
    touchwin(stdscr);
    wrefresh(stdscr);
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int tui_app_read_key(tui_app *app, int timeout_ms)
{
    wint_t wc = 0;
    if (app->test_mode)
        timeout_ms = 0;
    wtimeout(stdscr, timeout_ms);
    long t0 = now_ms();
    int r = wget_wch(stdscr, &wc);
    if (r == ERR) {
        if (app->test_mode)
            return TUI_KEY_EOF;
        /* A closed terminal makes every read fail at once. */
        if (timeout_ms < 0 || now_ms() - t0 < timeout_ms / 2) {
            if (++app->fast_errors >= 5)
                return TUI_KEY_EOF;
        } else {
            app->fast_errors = 0;
        }
        return TUI_KEY_NONE;
    }
    app->fast_errors = 0;
    if (r == KEY_CODE_YES) {
        switch (wc) {
        case KEY_ENTER:
            return TUI_KEY_ENTER;
        case KEY_RESIZE:
            tui_app_draw(app);
            return TUI_FN(KEY_RESIZE);
        default:
            return TUI_FN((int)wc);
        }
    }
    /* A character (never a key code, whatever its value). */
    switch (wc) {
    case '\n':
    case '\r':
        return TUI_KEY_ENTER;
    case 127:
    case 8:
        return TUI_FN(KEY_BACKSPACE);
    default:
        return (int)wc;
    }
}

static bool any_unsaved(tui_app *app, int from)
{
    for (int i = from; i < app->depth; i++) {
        tui_screen *s = app->stack[i];
        if (s->ops->unsaved && s->ops->unsaved(s))
            return true;
    }
    return false;
}

/* Removes s from the stack (normally the top), destroys it and tells
 * the new top it is visible again. */
static void pop_screen(tui_app *app, tui_screen *s)
{
    int i = app->depth - 1;
    while (i >= 0 && app->stack[i] != s)
        i--;
    if (i < 0)
        return;
    bool was_top = i == app->depth - 1;
    memmove(app->stack + i, app->stack + i + 1,
            (size_t)(app->depth - i - 1) * sizeof *app->stack);
    app->depth--;
    destroy_screen(s);
    tui_screen *top = tui_app_top(app);
    if (was_top && top && top->ops->resume)
        top->ops->resume(top);
}

static int do_quit(tui_app *app)
{
    if (any_unsaved(app, 0)
        && !tui_confirm(app, "放弃修改？", "有未保存的修改，确定退出吗？",
                        false))
        return TUI_HANDLED | TUI_REDRAW;
    app->quit = true;
    return TUI_QUIT;
}

static int do_global(tui_app *app, tui_screen *top, enum tui_action a)
{
    switch (a) {
    case ACT_HELP:
        tui_app_help(app);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_BACK:
        if (!top)
            return TUI_UNHANDLED;
        if (any_unsaved(app, app->depth - 1)
            && !tui_confirm(app, "放弃修改？", "有未保存的修改，确定放弃吗？",
                            false))
            return TUI_HANDLED | TUI_REDRAW;
        pop_screen(app, top);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_QUIT:
        return do_quit(app);
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        return TUI_HANDLED | TUI_REDRAW;
    default:
        return TUI_UNHANDLED;
    }
}

static bool is_global(enum tui_action a)
{
    return a == ACT_HELP || a == ACT_BACK || a == ACT_QUIT
           || a == ACT_REDRAW;
}

int tui_app_handle_key(tui_app *app, int key)
{
    if (key == TUI_KEY_NONE || key == TUI_KEY_EOF)
        return TUI_UNHANDLED;
    if (key == TUI_FN(KEY_RESIZE))
        return TUI_HANDLED | TUI_REDRAW;
    app->status[0] = 0;
    tui_screen *top = tui_app_top(app);
    if (tui_app_too_small(app)) {
        enum tui_action a = tui_keymap_lookup(global_keys, key);
        if (a == ACT_QUIT || a == ACT_REDRAW)
            return do_global(app, top, a);
        return TUI_HANDLED;
    }
    int r = TUI_UNHANDLED;
    enum tui_action a = ACT_NONE;
    if (top && top->ops->key)
        r = top->ops->key(top, key);
    if (r == TUI_UNHANDLED && top) {
        a = tui_keymap_lookup(top->ops->keymap, key);
        if (a != ACT_NONE && top->ops->action)
            r = top->ops->action(top, a);
    }
    if (r == TUI_UNHANDLED) {
        if (a == ACT_NONE || !is_global(a))
            a = tui_keymap_lookup(global_keys, key);
        if (is_global(a))
            return do_global(app, top, a);
        return TUI_UNHANDLED;
    }
    if (r & TUI_QUIT)
        app->quit = true;
    else if ((r & TUI_POP) && top)
        pop_screen(app, top);
    return r;
}

int tui_app_run(tui_app *app)
{
    app->quit = false;
    tui_app_draw(app);
    while (!app->quit && app->depth > 0) {
        int key = tui_app_read_key(app, 1000);
        if (key == TUI_KEY_EOF)
            break;
        if (key == TUI_KEY_NONE) {
            tui_screen *top = tui_app_top(app);
            if (top && top->ops->tick && (top->ops->tick(top) & TUI_REDRAW))
                tui_app_draw(app);
            continue;
        }
        tui_app_handle_key(app, key);
        if (!app->quit && app->depth > 0)
            tui_app_draw(app);
    }
    return 0;
}

/* ---- help overlay ---- */

struct help_line {
    char keys[64];
    enum tui_action action;
};

static int collect_help(const struct tui_binding *map, struct help_line *out,
                        int n, int max)
{
    for (const struct tui_binding *b = map; b && b->action != ACT_NONE;
         b++) {
        if (n >= max)
            break;
        struct help_line *l = &out[n++];
        l->action = b->action;
        l->keys[0] = 0;
        for (int i = 0; i < 4 && b->keys[i] != 0; i++) {
            char name[32];
            tui_key_name(b->keys[i], name, sizeof name);
            size_t len = strlen(l->keys);
            snprintf(l->keys + len, sizeof l->keys - len, "%s%s",
                     i ? "/" : "", name);
        }
    }
    return n;
}

void tui_app_help(tui_app *app)
{
    struct help_line lines[64];
    tui_screen *top = tui_app_top(app);
    int n = collect_help(top ? top->ops->keymap : NULL, lines, 0, 64);
    n = collect_help(global_keys, lines, n, 64);
    int kw = text_width("键"), hw = text_width("说明");
    for (int i = 0; i < n; i++) {
        int w = text_width(lines[i].keys);
        kw = w > kw ? w : kw;
        w = text_width(tui_action_help(lines[i].action));
        hw = w > hw ? w : hw;
    }
    int scroll = 0;
    for (;;) {
        tui_app_paint(app);
        int H = LINES, W = COLS;
        int bw = kw + hw + 6, bh = n + 3;
        if (bw > W - 2)
            bw = W - 2;
        if (bh > H - 2)
            bh = H - 2;
        int visible = bh - 3;
        if (visible < 0)
            visible = 0;
        if (scroll > n - visible)
            scroll = n - visible;
        if (scroll < 0)
            scroll = 0;
        int by = (H - bh) / 2, bx = (W - bw) / 2;
        attr_t na = tui_style(STYLE_NORMAL);
        tui_box(stdscr, by, bx, bh, bw, "帮助", na);
        int kcol = kw < bw - 6 ? kw : bw - 6;
        int hcol = bw - 4 - kcol - 2;
        if (kcol > 0 && bh > 2) {
            tui_put(stdscr, by + 1, bx + 2, "键", kcol, TEXT_LEFT,
                    tui_style(STYLE_HEADER));
            tui_put(stdscr, by + 1, bx + 2 + kcol, "", 2, TEXT_LEFT,
                    tui_style(STYLE_HEADER));
            tui_put(stdscr, by + 1, bx + 4 + kcol, "说明", hcol, TEXT_LEFT,
                    tui_style(STYLE_HEADER));
        }
        for (int i = 0; i < visible; i++) {
            const struct help_line *l = &lines[scroll + i];
            tui_put(stdscr, by + 2 + i, bx + 2, l->keys, kcol, TEXT_LEFT,
                    tui_style(STYLE_HINT_KEY));
            tui_put(stdscr, by + 2 + i, bx + 4 + kcol,
                    tui_action_help(l->action), hcol, TEXT_LEFT, na);
        }
        if (bh > 3 && n > visible) {
            char more[64];
            snprintf(more, sizeof more, "%d-%d/%d", scroll + 1,
                     scroll + visible, n);
            int mw = text_width(more);
            tui_put(stdscr, by + bh - 1, bx + bw - mw - 2, more, mw,
                    TEXT_LEFT, na);
        }
        curs_set(0);
        touchwin(stdscr);
        wrefresh(stdscr);
        int key = tui_app_read_key(app, -1);
        if (key == TUI_KEY_NONE || key == TUI_FN(KEY_RESIZE))
            continue;
        if (key == TUI_CTRL('l')) {
            clearok(curscr, TRUE);
            continue;
        }
        /* Long lists scroll; any other key closes. */
        if (n > visible && (key == TUI_FN(KEY_DOWN)
                            || key == TUI_FN(KEY_NPAGE)) &&
            scroll < n - visible) {
            scroll += key == TUI_FN(KEY_DOWN) ? 1 : visible;
            continue;
        }
        if (n > visible && (key == TUI_FN(KEY_UP) || key == TUI_FN(KEY_PPAGE))
            && scroll > 0) {
            scroll -= key == TUI_FN(KEY_UP) ? 1 : visible;
            continue;
        }
        break;
    }
}
