/* The TUI core through the screen-test harness: bars, help, resize,
 * drawing by column budget, width interposition, dialogs, dispatch. */
#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "text.h"
#include "tui/dialog.h"
#include "tui/draw.h"

/* ---- a tiny screen ---- */

struct tscreen {
    tui_screen base;
    bool dirty;
    bool text_mode;          /* swallow text keys into text[] */
    char text[256];
    int rights, backspaces;
    enum tui_action last_action;
    int *destroyed;          /* incremented by destroy */
    int *resumed;
};

static const struct tui_binding tkeys[] = {
    { ACT_ADD, { 'a', TUI_FN(KEY_IC) }, true },
    { ACT_EDIT, { 'e', TUI_FN(KEY_F(4)) }, true },
    { ACT_SAVE, { TUI_FN(KEY_F(2)), TUI_CTRL('s') }, true },
    { ACT_SORT, { 's' }, false },
    { ACT_NONE, { 0 }, false },
};

static void t_draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    struct tscreen *t = (struct tscreen *)s;
    (void)h;
    tui_put(w, 0, 0, "正文第一行", wd, TEXT_LEFT, tui_style(STYLE_NORMAL));
    tui_put(w, 1, 0, t->text, wd, TEXT_LEFT, tui_style(STYLE_NORMAL));
    tui_app_set_position(s->app, "第 1/3 条");
}

static int t_key(tui_screen *s, int key)
{
    struct tscreen *t = (struct tscreen *)s;
    if (key == TUI_FN(KEY_RIGHT)) {
        t->rights++;
        return TUI_HANDLED;
    }
    if (key == TUI_FN(KEY_BACKSPACE)) {
        t->backspaces++;
        return TUI_HANDLED;
    }
    if (t->text_mode && tui_key_is_text(key)) {
        size_t len = strlen(t->text);
        len += text_encode((uint32_t)key, t->text + len);
        t->text[len] = 0;
        return TUI_HANDLED | TUI_REDRAW;
    }
    return TUI_UNHANDLED;
}

static int t_action(tui_screen *s, enum tui_action a)
{
    struct tscreen *t = (struct tscreen *)s;
    t->last_action = a;
    if (a == ACT_SAVE) {
        t->dirty = false;
        tui_app_status(s->app, "已保存");
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (a == ACT_ADD || a == ACT_EDIT || a == ACT_SORT)
        return TUI_HANDLED | TUI_REDRAW;
    return TUI_UNHANDLED;
}

static bool t_unsaved(tui_screen *s)
{
    return ((struct tscreen *)s)->dirty;
}

static void t_resume(tui_screen *s)
{
    struct tscreen *t = (struct tscreen *)s;
    if (t->resumed)
        (*t->resumed)++;
}

static void t_destroy(tui_screen *s)
{
    struct tscreen *t = (struct tscreen *)s;
    if (t->destroyed)
        (*t->destroyed)++;
    free(t);
}

static const struct tui_screen_ops tops = {
    .keymap = tkeys,
    .draw = t_draw,
    .key = t_key,
    .action = t_action,
    .unsaved = t_unsaved,
    .resume = t_resume,
    .destroy = t_destroy,
};

static struct tscreen *tscreen_new(const char *title)
{
    struct tscreen *t = calloc(1, sizeof *t);
    ck_assert_ptr_nonnull(t);
    t->base.ops = &tops;
    snprintf(t->base.title, sizeof t->base.title, "%s", title);
    t->last_action = ACT_NONE;
    return t;
}

static struct harness h;
static char row[4096];

static void start(int rows, int cols)
{
    ck_assert_int_eq(harness_start(&h, rows, cols), 0);
}

static const char *R(int y)
{
    return harness_row(&h, y, row, sizeof row);
}

/* Attributes and colour pair of a cell, as tui_style gives them. */
static attr_t cell_attr(int y, int x)
{
    cchar_t cc;
    wchar_t wch[CCHARW_MAX + 1];
    attr_t a = 0;
    short pair = 0;
    mvwin_wch(stdscr, y, x, &cc);
    getcchar(&cc, wch, &a, &pair, NULL);
    return (a & ~A_COLOR) | COLOR_PAIR(pair);
}

/* ---- tests ---- */

START_TEST(test_action_table)
{
    ck_assert_str_eq(tui_action_label(ACT_SAVE), "保存");
    ck_assert_str_eq(tui_action_help(ACT_HELP), "显示本屏的按键说明");
    ck_assert_str_eq(tui_action_label(ACT_NONE), "");
    ck_assert_int_eq(tui_keymap_lookup(tkeys, TUI_FN(KEY_F(4))), ACT_EDIT);
    ck_assert_int_eq(tui_keymap_lookup(tkeys, TUI_CTRL('s')), ACT_SAVE);
    ck_assert_int_eq(tui_keymap_lookup(tkeys, 'x'), ACT_NONE);
    ck_assert_int_eq(tui_keymap_lookup(NULL, 'a'), ACT_NONE);
}
END_TEST

START_TEST(test_key_names)
{
    static const struct {
        int key;
        const char *name;
    } cases[] = {
        { TUI_FN(KEY_F(1)), "F1" }, { TUI_FN(KEY_F(12)), "F12" },
        { TUI_CTRL('s'), "Ctrl-S" }, { TUI_KEY_ENTER, "Enter" },
        { TUI_KEY_ESC, "Esc" }, { TUI_KEY_TAB, "Tab" },
        { TUI_FN(KEY_BTAB), "S-Tab" }, { TUI_FN(KEY_UP), "Up" },
        { TUI_FN(KEY_DOWN), "Down" }, { TUI_FN(KEY_LEFT), "Left" },
        { TUI_FN(KEY_RIGHT), "Right" }, { TUI_FN(KEY_PPAGE), "PgUp" },
        { TUI_FN(KEY_NPAGE), "PgDn" }, { TUI_FN(KEY_HOME), "Home" },
        { TUI_FN(KEY_END), "End" }, { TUI_FN(KEY_IC), "Ins" },
        { TUI_FN(KEY_DC), "Del" }, { TUI_FN(KEY_BACKSPACE), "Bksp" },
        { ' ', "Space" }, { 'q', "q" }, { '?', "?" }, { '/', "/" },
    };
    char buf[32];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tui_key_name(cases[i].key, buf, sizeof buf);
        ck_assert_str_eq(buf, cases[i].name);
    }
    ck_assert(tui_key_is_text('a'));
    ck_assert(tui_key_is_text(0x5f20));
    ck_assert(!tui_key_is_text(TUI_KEY_ESC));
    ck_assert(!tui_key_is_text(TUI_FN(KEY_RIGHT)));
}
END_TEST

START_TEST(test_bars)
{
    start(24, 80);
    tui_app_push(h.app, &tscreen_new("党员名册")->base);
    harness_run(&h);
    ck_assert_int_eq(harness_col(&h, 0, "党员名册"), 1);
    ck_assert_int_eq(harness_col(&h, 0, "test.db"), 80 - 1 - 7);
    ck_assert_str_eq(R(1), "正文第一行");
    ck_assert_int_eq(harness_col(&h, 22, "第 1/3 条"), 80 - 1 - 9);
    ck_assert_str_eq(R(23), "a 新增  e 编辑  F2 保存  F1 帮助  Esc 返回  "
                            "F10 退出");
    /* the hint key itself is drawn in its own style */
    ck_assert_int_eq(cell_attr(23, 0), tui_style(STYLE_HINT_KEY));
    ck_assert_int_eq(cell_attr(23, 2), tui_style(STYLE_HINT_LABEL));
    ck_assert_int_eq(cell_attr(0, 1), tui_style(STYLE_TITLE));
    harness_stop(&h);
}
END_TEST

START_TEST(test_dispatch_and_status)
{
    start(24, 80);
    struct tscreen *t = tscreen_new("测试");
    t->dirty = true;
    tui_app_push(h.app, &t->base);
    harness_key(&h, TUI_FN(KEY_F(4)));
    harness_run(&h);
    ck_assert_int_eq(t->last_action, ACT_EDIT);
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    ck_assert_int_eq(t->last_action, ACT_SAVE);
    ck_assert(!t->dirty);
    ck_assert_int_eq(harness_col(&h, 22, "已保存"), 1);
    /* the message lasts until the next key */
    harness_key(&h, 's');
    harness_run(&h);
    ck_assert_int_eq(t->last_action, ACT_SORT);
    ck_assert_int_eq(harness_col(&h, 22, "已保存"), -1);
    /* one canonical backspace */
    harness_type(&h, "\x7f\x08");
    harness_key(&h, TUI_FN(KEY_BACKSPACE));
    harness_run(&h);
    ck_assert_int_eq(t->backspaces, 3);
    harness_stop(&h);
}
END_TEST

START_TEST(test_help_overlay)
{
    start(24, 80);
    tui_app_push(h.app, &tscreen_new("测试")->base);
    harness_run(&h);
    tui_app_help(h.app);   /* no input: shows and returns */
    if (harness_find(&h, "说明") < 0)
        harness_dump(&h, stderr);
    int y = harness_find(&h, "说明");
    ck_assert_int_ge(y, 0);
    ck_assert_int_ge(harness_find(&h, "帮助"), 0);
    static const struct {
        const char *keys;
        enum tui_action a;
    } want[] = {
        { "a/Ins", ACT_ADD }, { "e/F4", ACT_EDIT }, { "F2/Ctrl-S", ACT_SAVE },
        { "s", ACT_SORT }, { "F1/?", ACT_HELP }, { "Esc/q", ACT_BACK },
        { "F10", ACT_QUIT }, { "Ctrl-L", ACT_REDRAW },
    };
    int prev = y;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        int r = -1;
        for (int k = prev + 1; k < 24 && r < 0; k++) {
            const char *line = R(k);
            const char *p = strstr(line, want[i].keys);
            if (p && p[strlen(want[i].keys)] == ' '
                && strstr(line, tui_action_help(want[i].a)))
                r = k;
        }
        if (r < 0)
            harness_dump(&h, stderr);
        ck_assert_msg(r > prev, "help line for %s", want[i].keys);
        prev = r;
    }
    /* the key column and the text column line up */
    int kc = harness_col(&h, y, "键");
    ck_assert_int_eq(harness_col(&h, y + 1, "a/Ins"), kc);
    ck_assert_int_eq(harness_col(&h, y + 1, "新增一条"),
                     harness_col(&h, y, "说明"));
    harness_stop(&h);
}
END_TEST

START_TEST(test_too_small)
{
    start(24, 80);
    tui_app_push(h.app, &tscreen_new("测试")->base);
    harness_run(&h);
    harness_resize(&h, 23, 79);
    ck_assert(tui_app_too_small(h.app));
    int y = harness_find(&h, "终端太小：至少需要 80x24（当前 79x23）");
    if (y < 0)
        harness_dump(&h, stderr);
    ck_assert_int_eq(y, 11);
    ck_assert_int_eq(harness_find(&h, "测试"), -1);
    /* keys other than quit are ignored */
    harness_type(&h, "q");
    harness_run(&h);
    ck_assert_int_eq(tui_app_depth(h.app), 1);
    harness_resize(&h, 24, 80);
    ck_assert(!tui_app_too_small(h.app));
    ck_assert_int_eq(harness_find(&h, "终端太小"), -1);
    ck_assert_int_eq(harness_col(&h, 0, "测试"), 1);
    ck_assert_int_ge(harness_col(&h, 23, "F10 退出"), 0);
    /* larger: the bars follow the new size */
    harness_resize(&h, 30, 100);
    ck_assert_int_ge(harness_col(&h, 29, "F10 退出"), 0);
    ck_assert_int_eq(harness_col(&h, 0, "test.db"), 100 - 1 - 7);
    harness_stop(&h);
}
END_TEST

START_TEST(test_put_budget)
{
    start(24, 80);
    tui_put(stdscr, 5, 0, "张小军同志", 5, TEXT_LEFT, 0);
    tui_put(stdscr, 5, 5, "X", 1, TEXT_LEFT, 0);
    ck_assert_int_eq(harness_col(&h, 5, "X"), 5);
    ck_assert_str_eq(R(5), "张小~X");
    tui_put(stdscr, 6, 0, "张小军同志", 4, TEXT_LEFT, 0);
    tui_put(stdscr, 6, 4, "Y", 1, TEXT_LEFT, 0);
    ck_assert_int_eq(harness_col(&h, 6, "Y"), 4);
    ck_assert_str_eq(R(6), "张 ~Y");
    /* padding and alignment; a field overwrites what was there */
    tui_put(stdscr, 7, 0, "AAAAAAAAAA", 10, TEXT_LEFT, 0);
    int used = tui_put(stdscr, 7, 0, "李四", 7, TEXT_RIGHT, 0);
    ck_assert_int_eq(used, 4);
    ck_assert_str_eq(R(7), "   李四AAA");
    /* a wide character cut by a later field at its second half */
    tui_put(stdscr, 8, 0, "一二三", 6, TEXT_LEFT, 0);
    tui_put(stdscr, 8, 3, "Z", 1, TEXT_LEFT, 0);
    ck_assert_int_eq(harness_col(&h, 8, "Z"), 3);
    ck_assert_int_eq(harness_col(&h, 8, "三"), 4);
    ck_assert_str_eq(R(8), "一 Z三");
    /* and at the first half */
    tui_put(stdscr, 10, 0, "一二三", 6, TEXT_LEFT, 0);
    tui_put(stdscr, 10, 0, "W", 3, TEXT_LEFT, 0);
    ck_assert_str_eq(R(10), "W   三");
    tui_blank(stdscr, 10, 5, 1, 0);
    ck_assert_str_eq(R(10), "W");
    /* control characters never reach the terminal */
    tui_put(stdscr, 9, 0, "a\x1b[2Jb", 8, TEXT_LEFT, 0);
    ck_assert_str_eq(R(9), "a?[2Jb");
    harness_stop(&h);
}
END_TEST

START_TEST(test_wcwidth_interposed)
{
    start(24, 80);
    text_set_ambiguous_width(2);
    ck_assert_int_eq(wcwidth(0x201c), 2);
    /* drawn by relative advance, so only ncurses' own model decides */
    mvwaddwstr(stdscr, 3, 0, L"\u201cB");
    ck_assert_int_eq(getcurx(stdscr), 3);
    cchar_t cc;
    wchar_t wch[CCHARW_MAX + 1];
    attr_t a;
    short pair;
    mvwin_wch(stdscr, 3, 2, &cc);
    getcchar(&cc, wch, &a, &pair, NULL);
    ck_assert_int_eq(wch[0], L'B');
    ck_assert_int_eq(harness_col(&h, 3, "B"), 2);
    text_set_ambiguous_width(1);
    ck_assert_int_eq(wcwidth(0x201c), 1);
    mvwaddwstr(stdscr, 4, 0, L"\u201cB");
    mvwin_wch(stdscr, 4, 1, &cc);
    getcchar(&cc, wch, &a, &pair, NULL);
    ck_assert_int_eq(wch[0], L'B');
    ck_assert_int_eq(wcwidth(L'\x1b'), -1);
    ck_assert_int_eq(wcwidth(0x5f20), 2);
    harness_stop(&h);
}
END_TEST

START_TEST(test_confirm)
{
    start(24, 80);
    tui_app_push(h.app, &tscreen_new("测试")->base);
    harness_type(&h, "y");
    ck_assert(tui_confirm(h.app, "删除", "确定删除吗？", false));
    harness_type(&h, "n");
    ck_assert(!tui_confirm(h.app, "删除", "确定删除吗？", true));
    harness_key(&h, TUI_KEY_ESC);
    ck_assert(!tui_confirm(h.app, "删除", "确定删除吗？", true));
    harness_key(&h, TUI_KEY_ENTER);
    ck_assert(tui_confirm(h.app, "删除", "确定删除吗？", true));
    harness_key(&h, TUI_FN(KEY_RIGHT));
    harness_key(&h, TUI_KEY_ENTER);
    ck_assert(!tui_confirm(h.app, "删除", "确定删除吗？", true));
    harness_key(&h, TUI_KEY_TAB);
    harness_key(&h, TUI_KEY_ENTER);
    ck_assert(tui_confirm(h.app, "删除", "确定删除吗？", false));
    /* out of input: cancelled, the box is on screen over the app */
    ck_assert(!tui_confirm(h.app, "删除", "确定删除吗？", true));
    int y = harness_find(&h, "确定删除吗？");
    ck_assert_int_ge(y, 0);
    ck_assert_int_ge(harness_find(&h, "[ 是 ]"), y + 1);
    ck_assert_int_ge(harness_find(&h, "[ 否 ]"), y + 1);
    ck_assert_int_eq(harness_col(&h, 0, "测试"), 1);
    harness_stop(&h);
}
END_TEST

START_TEST(test_message)
{
    start(24, 80);
    harness_type(&h, " ");
    tui_message(h.app, "提示", "已导出 12 条");
    tui_message(h.app, "提示", "第一行\n第二行");
    int y = harness_find(&h, "第一行");
    ck_assert_int_ge(y, 0);
    ck_assert_int_eq(harness_find(&h, "第二行"), y + 1);
    ck_assert_int_eq(harness_col(&h, y + 1, "第二行"),
                     harness_col(&h, y, "第一行"));
    ck_assert_int_ge(harness_find(&h, "[ 确定 ]"), y + 2);
    harness_stop(&h);
}
END_TEST

static const char *const nations[] = { "汉族", "回族", "苗族", "Zhuang 壮族" };

START_TEST(test_pick)
{
    start(24, 80);
    harness_type(&h, "mz\r");
    ck_assert_int_eq(tui_pick(h.app, "民族", nations, 4, -1), 2);
    harness_type(&h, "回\r");
    ck_assert_int_eq(tui_pick(h.app, "民族", nations, 4, -1), 1);
    harness_type(&h, "zhu\r");   /* ASCII substring, case-insensitive */
    ck_assert_int_eq(tui_pick(h.app, "民族", nations, 4, -1), 3);
    harness_key(&h, TUI_FN(KEY_DOWN));
    harness_key(&h, TUI_KEY_ENTER);
    ck_assert_int_eq(tui_pick(h.app, "民族", nations, 4, 1), 2);
    harness_key(&h, TUI_FN(KEY_END));
    harness_key(&h, TUI_KEY_ENTER);
    ck_assert_int_eq(tui_pick(h.app, "民族", nations, 4, -1), 3);
    harness_key(&h, TUI_KEY_ESC);
    ck_assert_int_eq(tui_pick(h.app, "民族", nations, 4, 0), -1);
    /* a typo then Backspace */
    harness_type(&h, "mx");
    harness_key(&h, TUI_FN(KEY_BACKSPACE));
    harness_type(&h, "z\r");
    ck_assert_int_eq(tui_pick(h.app, "民族", nations, 4, -1), 2);
    /* nothing matches: Enter does nothing, input runs out: -1 */
    harness_type(&h, "qqq\r");
    ck_assert_int_eq(tui_pick(h.app, "民族", nations, 4, -1), -1);
    ck_assert_int_ge(harness_find(&h, "0/4"), 0);
    /* the screen shows the filter and the count */
    harness_type(&h, "hz");
    ck_assert_int_eq(tui_pick(h.app, "民族", nations, 4, -1), -1);
    int y = harness_find(&h, "筛选：hz");
    ck_assert_int_ge(y, 0);
    ck_assert_int_ge(harness_col(&h, y, "2/4"), 0);
    ck_assert_int_eq(harness_find(&h, "汉族"), y + 1);
    ck_assert_int_eq(harness_find(&h, "回族"), y + 2);
    ck_assert_int_eq(harness_find(&h, "苗族"), -1);
    harness_stop(&h);
}
END_TEST

START_TEST(test_pick_many)
{
    enum { N = 5000 };
    static char store[N][24];
    static const char *items[N];
    for (int i = 0; i < N; i++) {
        snprintf(store[i], sizeof store[i], "条目%04d", i);
        items[i] = store[i];
    }
    start(24, 80);
    harness_type(&h, "4321\r");
    ck_assert_int_eq(tui_pick(h.app, "选择", items, N, -1), 4321);
    harness_key(&h, TUI_FN(KEY_NPAGE));
    harness_key(&h, TUI_FN(KEY_NPAGE));
    harness_key(&h, TUI_KEY_ENTER);
    int r = tui_pick(h.app, "选择", items, N, -1);
    ck_assert_int_gt(r, 20);
    ck_assert_int_lt(r, 60);
    /* pre-selected far down: it is visible and highlighted */
    ck_assert_int_eq(tui_pick(h.app, "选择", items, N, 4000), -1);
    int y = harness_find(&h, "条目4000");
    ck_assert_int_ge(y, 0);
    harness_key(&h, TUI_FN(KEY_END));
    harness_key(&h, TUI_KEY_ENTER);
    ck_assert_int_eq(tui_pick(h.app, "选择", items, N, -1), N - 1);
    harness_stop(&h);
}
END_TEST

static int validate_calls;

static const char *only_digits(const char *text, void *ctx)
{
    (void)ctx;
    validate_calls++;
    if (!*text)
        return "不能为空";
    for (const char *p = text; *p; p++)
        if (*p < '0' || *p > '9')
            return "只能填数字";
    return NULL;
}

START_TEST(test_prompt)
{
    char buf[64] = "12";
    start(24, 80);
    validate_calls = 0;
    /* refused: the message shows under the field, the prompt stays */
    harness_type(&h, "a\r");
    ck_assert(!tui_prompt(h.app, "党费", "金额（元）：", buf, sizeof buf, 10,
                          only_digits, NULL));
    ck_assert_int_eq(validate_calls, 1);
    ck_assert_str_eq(buf, "12");
    int y = harness_find(&h, "只能填数字");
    ck_assert_int_ge(y, 0);
    ck_assert_int_eq(harness_find(&h, "12a"), y - 1);
    ck_assert_int_eq(harness_find(&h, "金额（元）："), y - 2);
    /* refused, corrected, accepted */
    validate_calls = 0;
    harness_type(&h, "a\r");
    harness_key(&h, TUI_FN(KEY_BACKSPACE));
    harness_type(&h, "3\r");
    ck_assert(tui_prompt(h.app, "党费", "金额（元）：", buf, sizeof buf, 10,
                         only_digits, NULL));
    ck_assert_int_eq(validate_calls, 2);
    ck_assert_str_eq(buf, "123");
    /* Esc keeps buf */
    harness_type(&h, "9");
    harness_key(&h, TUI_KEY_ESC);
    ck_assert(!tui_prompt(h.app, "党费", "金额：", buf, sizeof buf, 10,
                          only_digits, NULL));
    ck_assert_str_eq(buf, "123");
    /* CJK text and editing keys, no validator */
    strcpy(buf, "");
    harness_type(&h, "张军");
    harness_key(&h, TUI_FN(KEY_LEFT));
    harness_type(&h, "小\r");
    ck_assert(tui_prompt(h.app, "姓名", "姓名：", buf, sizeof buf, 20, NULL,
                         NULL));
    ck_assert_str_eq(buf, "张小军");
    harness_stop(&h);
}
END_TEST

START_TEST(test_back_unsaved)
{
    int destroyed = 0, resumed = 0;
    start(24, 80);
    struct tscreen *root = tscreen_new("党员名册");
    root->resumed = &resumed;
    root->destroyed = &destroyed;
    struct tscreen *form = tscreen_new("编辑党员");
    form->destroyed = &destroyed;
    form->dirty = true;
    tui_app_push(h.app, &root->base);
    tui_app_push(h.app, &form->base);
    harness_run(&h);
    ck_assert_int_eq(harness_col(&h, 0, "编辑党员"), 1);
    /* asked, answered no: stays */
    harness_key(&h, TUI_KEY_ESC);
    harness_type(&h, "n");
    harness_run(&h);
    ck_assert_int_eq(tui_app_depth(h.app), 2);
    ck_assert_int_eq(destroyed, 0);
    ck_assert_int_eq(harness_col(&h, 0, "编辑党员"), 1);
    /* the question is on screen when input runs out */
    harness_type(&h, "q");
    harness_run(&h);
    tui_app_handle_key(h.app, 'q');
    ck_assert_int_ge(harness_find(&h, "有未保存的修改，确定放弃吗？"), 0);
    ck_assert_int_eq(tui_app_depth(h.app), 2);
    /* yes: the form goes, the list resumes */
    harness_key(&h, TUI_KEY_ESC);
    harness_type(&h, "y");
    harness_run(&h);
    ck_assert_int_eq(tui_app_depth(h.app), 1);
    ck_assert_int_eq(destroyed, 1);
    ck_assert_int_eq(resumed, 1);
    ck_assert_int_eq(harness_col(&h, 0, "党员名册"), 1);
    harness_stop(&h);
    ck_assert_int_eq(destroyed, 2);   /* the app frees what is left */
}
END_TEST

START_TEST(test_quit)
{
    int destroyed = 0;
    start(24, 80);
    struct tscreen *root = tscreen_new("党员名册");
    root->destroyed = &destroyed;
    struct tscreen *form = tscreen_new("编辑党员");
    form->destroyed = &destroyed;
    root->dirty = true;   /* a screen below the top has changes */
    tui_app_push(h.app, &root->base);
    tui_app_push(h.app, &form->base);
    harness_key(&h, TUI_FN(KEY_F(10)));
    harness_type(&h, "n");
    harness_run(&h);
    ck_assert_int_eq(tui_app_depth(h.app), 2);
    harness_key(&h, TUI_FN(KEY_F(10)));
    harness_type(&h, "y");
    harness_type(&h, "e");   /* never read: the loop has ended */
    harness_run(&h);
    ck_assert_int_eq(form->last_action, ACT_NONE);
    harness_stop(&h);
    ck_assert_int_eq(destroyed, 2);
    /* nothing unsaved: F10 quits at once; Esc on the root empties it */
    start(24, 80);
    tui_app_push(h.app, &tscreen_new("A")->base);
    harness_key(&h, TUI_FN(KEY_F(10)));
    harness_run(&h);
    ck_assert_int_eq(tui_app_depth(h.app), 1);
    ck_assert_int_eq(harness_find(&h, "确定退出"), -1);
    harness_type(&h, "q");
    harness_run(&h);
    ck_assert_int_eq(tui_app_depth(h.app), 0);
    harness_stop(&h);
}
END_TEST

START_TEST(test_key_code_yes)
{
    start(24, 80);
    struct tscreen *t = tscreen_new("输入");
    t->text_mode = true;
    tui_app_push(h.app, &t->base);
    /* U+0105 has the value of KEY_RIGHT in some builds */
    harness_type(&h, "\xc4\x85");
    harness_type(&h, "q张");
    harness_run(&h);
    ck_assert_str_eq(t->text, "\xc4\x85q张");
    ck_assert_int_eq(t->rights, 0);
    harness_key(&h, TUI_FN(KEY_RIGHT));
    harness_run(&h);
    ck_assert_int_eq(t->rights, 1);
    ck_assert_str_eq(t->text, "\xc4\x85q张");
    ck_assert_str_eq(R(2), "\xc4\x85q张");
    harness_stop(&h);
}
END_TEST

START_TEST(test_read_key_translation)
{
    start(24, 80);
    harness_type(&h, "\n\r");
    harness_key(&h, TUI_FN(KEY_BTAB));
    harness_key(&h, TUI_FN(KEY_F(2)));
    harness_key(&h, TUI_FN(KEY_PPAGE));
    harness_key(&h, TUI_FN(KEY_DC));
    harness_key(&h, TUI_KEY_ESC);
    ck_assert_int_eq(tui_app_read_key(h.app, 0), TUI_KEY_ENTER);
    ck_assert_int_eq(tui_app_read_key(h.app, 0), TUI_KEY_ENTER);
    ck_assert_int_eq(tui_app_read_key(h.app, 0), TUI_FN(KEY_BTAB));
    ck_assert_int_eq(tui_app_read_key(h.app, 0), TUI_FN(KEY_F(2)));
    ck_assert_int_eq(tui_app_read_key(h.app, 0), TUI_FN(KEY_PPAGE));
    ck_assert_int_eq(tui_app_read_key(h.app, 0), TUI_FN(KEY_DC));
    ck_assert_int_eq(tui_app_read_key(h.app, 0), TUI_KEY_ESC);
    ck_assert_int_eq(tui_app_read_key(h.app, 0), TUI_KEY_EOF);
    harness_stop(&h);
}
END_TEST

START_TEST(test_box_ascii)
{
    start(24, 80);
    tui_box(stdscr, 2, 4, 4, 12, "标题", 0);
    ck_assert_str_eq(R(2), "    +- 标题 ---+");
    ck_assert_str_eq(R(3), "    |          |");
    ck_assert_str_eq(R(5), "    +----------+");
    harness_stop(&h);
}
END_TEST

/* A dialog box whose edges fall on the second half of a wide character
 * (left) and the first half of one (right) blanks those characters
 * whole: no half is left in the screen model. */
START_TEST(test_box_over_wide)
{
    start(24, 80);
    tui_put(stdscr, 3, 0, "中华人民共和国中华人民共和国", 40, TEXT_LEFT, 0);
    tui_box(stdscr, 2, 5, 3, 12, NULL, 0);
    /* column 5 is the second half of 人 (4-5), column 16 the first
     * half of 华 (16-17): both become spaces */
    ck_assert_str_eq(R(3), "中华 |          | 人民共和国");
    harness_stop(&h);
}
END_TEST

static Suite *tui_suite(void)
{
    Suite *s = suite_create("tui");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_action_table);
    tcase_add_test(tc, test_key_names);
    tcase_add_test(tc, test_bars);
    tcase_add_test(tc, test_dispatch_and_status);
    tcase_add_test(tc, test_help_overlay);
    tcase_add_test(tc, test_too_small);
    tcase_add_test(tc, test_put_budget);
    tcase_add_test(tc, test_wcwidth_interposed);
    tcase_add_test(tc, test_box_ascii);
    tcase_add_test(tc, test_box_over_wide);
    tcase_add_test(tc, test_read_key_translation);
    tcase_add_test(tc, test_key_code_yes);
    suite_add_tcase(s, tc);
    TCase *td = tcase_create("dialogs");
    tcase_add_test(td, test_confirm);
    tcase_add_test(td, test_message);
    tcase_add_test(td, test_pick);
    tcase_add_test(td, test_pick_many);
    tcase_add_test(td, test_prompt);
    tcase_add_test(td, test_back_unsaved);
    tcase_add_test(td, test_quit);
    suite_add_tcase(s, td);
    return s;
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    SRunner *sr = srunner_create(tui_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
