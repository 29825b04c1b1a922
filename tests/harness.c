#include "harness.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

#include "text.h"
#include "tui/key.h"

#define HARNESS_TMP 8192

int harness_start(struct harness *h, int rows, int cols)
{
    memset(h, 0, sizeof *h);
    h->in_w = -1;
    setlocale(LC_ALL, "C.UTF-8");
    setenv("TERM", "xterm-256color", 1);
    char num[16];
    snprintf(num, sizeof num, "%d", rows);
    setenv("LINES", num, 1);
    snprintf(num, sizeof num, "%d", cols);
    setenv("COLUMNS", num, 1);
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    h->in = fdopen(fds[0], "r");
    h->in_w = fds[1];
    h->out = fopen("/dev/null", "w");
    h->tmp = malloc(HARNESS_TMP);
    if (!h->in || !h->out || !h->tmp) {
        harness_stop(h);
        return -1;
    }
    struct tui_app_config cfg = {
        .right_title = "test.db",
        .in = h->in,
        .out = h->out,
        .test_rows = rows,
        .test_cols = cols,
        .test_mode = true,
    };
    h->app = tui_app_new(&cfg);
    if (!h->app) {
        harness_stop(h);
        return -1;
    }
    h->rows = rows;
    h->cols = cols;
    return 0;
}

void harness_stop(struct harness *h)
{
    if (h->app)
        tui_app_free(h->app);
    h->app = NULL;
    if (h->in_w >= 0)
        close(h->in_w);
    h->in_w = -1;
    if (h->in)
        fclose(h->in);
    if (h->out)
        fclose(h->out);
    h->in = h->out = NULL;
    free(h->tmp);
    h->tmp = NULL;
}

static void write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

void harness_type(struct harness *h, const char *utf8)
{
    write_all(h->in_w, utf8, strlen(utf8));
}

/* The terminfo capability xterm sends for a curses key code. */
static const char *key_cap(int code)
{
    static const struct {
        int code;
        const char *cap;
    } caps[] = {
        { KEY_UP, "kcuu1" }, { KEY_DOWN, "kcud1" }, { KEY_LEFT, "kcub1" },
        { KEY_RIGHT, "kcuf1" }, { KEY_HOME, "khome" }, { KEY_END, "kend" },
        { KEY_PPAGE, "kpp" }, { KEY_NPAGE, "knp" }, { KEY_IC, "kich1" },
        { KEY_DC, "kdch1" }, { KEY_BTAB, "kcbt" },
    };
    static char fname[8];
    if (code >= KEY_F(1) && code <= KEY_F(12)) {
        snprintf(fname, sizeof fname, "kf%d", code - KEY_F0);
        return fname;
    }
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
        if (caps[i].code == code)
            return caps[i].cap;
    return NULL;
}

void harness_key(struct harness *h, int key)
{
    if (key >= TUI_KEY_FN) {
        int code = key - TUI_KEY_FN;
        if (code == KEY_BACKSPACE) {
            harness_type(h, "\x7f");
            return;
        }
        if (code == KEY_ENTER) {
            harness_type(h, "\r");
            return;
        }
        const char *cap = key_cap(code);
        char *seq = cap ? tigetstr(cap) : NULL;
        if (seq && seq != (char *)-1)
            harness_type(h, seq);
        return;
    }
    if (key < 0)
        return;
    char buf[8];
    size_t n = text_encode((uint32_t)key, buf);
    buf[n] = 0;
    write_all(h->in_w, buf, n);
}

void harness_run(struct harness *h)
{
    tui_app_run(h->app);
    tui_app_draw(h->app);
}

void harness_resize(struct harness *h, int rows, int cols)
{
    resizeterm(rows, cols);
    h->rows = rows;
    h->cols = cols;
    harness_run(h);
}

const char *harness_row(struct harness *h, int y, char *buf, size_t n)
{
    size_t o = 0;
    (void)h;    /* the app's terminal is the current curses screen */
    if (n == 0)
        return buf;
    buf[0] = 0;
    if (y < 0 || y >= getmaxy(stdscr))
        return buf;
    int maxx = getmaxx(stdscr);
    for (int x = 0; x < maxx;) {
        cchar_t cc;
        wchar_t wch[CCHARW_MAX + 1];
        attr_t attr;
        short pair;
        int w = 1;
        if (mvwin_wch(stdscr, y, x, &cc) == OK
            && getcchar(&cc, wch, &attr, &pair, NULL) == OK) {
            if (wch[0] == 0) {
                wch[0] = L' ';
                wch[1] = 0;
            }
            int cw = text_char_width((uint32_t)wch[0]);
            w = cw > 1 ? cw : 1;
            for (int i = 0; wch[i] && i < CCHARW_MAX; i++) {
                char enc[8];
                size_t k = text_encode((uint32_t)wch[i], enc);
                if (o + k + 1 >= n)
                    goto done;
                memcpy(buf + o, enc, k);
                o += k;
            }
        } else {
            if (o + 2 >= n)
                goto done;
            buf[o++] = ' ';
        }
        x += w;
    }
done:
    while (o > 0 && buf[o - 1] == ' ')
        o--;
    buf[o] = 0;
    return buf;
}

int harness_col(struct harness *h, int y, const char *text)
{
    const char *row = harness_row(h, y, h->tmp, HARNESS_TMP);
    const char *p = strstr(row, text);
    if (!p)
        return -1;
    return text_width_n(row, (size_t)(p - row));
}

int harness_find(struct harness *h, const char *text)
{
    for (int y = 0; y < getmaxy(stdscr); y++)
        if (strstr(harness_row(h, y, h->tmp, HARNESS_TMP), text))
            return y;
    return -1;
}

void harness_dump(struct harness *h, FILE *f)
{
    for (int y = 0; y < getmaxy(stdscr); y++)
        fprintf(f, "%2d|%s\n", y, harness_row(h, y, h->tmp, HARNESS_TMP));
}
