/* Screen tests of the list view: a small screen embedding a listview
 * over fake sources, driven through the off-screen terminal. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "tui/draw.h"
#include "tui/listview.h"

/* ---- fake sources ---- */

struct fake {
    long n;                     /* generated rows (when rows is NULL) */
    const char *const (*rows)[3];   /* explicit rows: name, number, phone */
    long nrows;
    int count_calls, fetch_calls;
    long fetched_rows;          /* total rows handed over */
    int max_limit;              /* largest limit asked for */
    bool fail_count;
    char last_filter[64];
};

/* Generated row i (0-based): number M000001.., a name, a phone. */
static void gen_row(long i, char *name, char *num, char *phone)
{
    static const char *const names[] = { "王小明", "李华", "Zhang Wei",
                                         "欧阳建国" };
    snprintf(name, 32, "%s", names[i % 4]);
    snprintf(num, 24, "M%06ld", i + 1);
    snprintf(phone, 24, "139%08ld", i);
}

static long fake_total(const struct fake *f)
{
    return f->rows ? f->nrows : f->n;
}

static bool fake_match(const struct fake *f, long i, const char *filter)
{
    if (!filter || !*filter)
        return true;
    char name[32], num[24], phone[24];
    if (f->rows) {
        return strstr(f->rows[i][0], filter) || strstr(f->rows[i][1], filter);
    }
    gen_row(i, name, num, phone);
    return strstr(num, filter) != NULL || strstr(name, filter) != NULL;
}

static int fake_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct fake *f = ctx;
    f->count_calls++;
    snprintf(f->last_filter, sizeof f->last_filter, "%s", filter);
    if (f->fail_count)
        return zb_fail(err, "数据库已锁定");
    long c = 0;
    if (!*filter) {
        c = fake_total(f);
    } else {
        for (long i = 0; i < fake_total(f); i++)
            c += fake_match(f, i, filter);
    }
    *n = c;
    return 0;
}

static int fake_fetch(void *ctx, const char *filter, long offset, int limit,
                      struct lv_rowset *rs, zb_err *err)
{
    struct fake *f = ctx;
    f->fetch_calls++;
    if (limit > f->max_limit)
        f->max_limit = limit;
    long seen = 0;
    long i = *filter ? 0 : offset;   /* unfiltered: direct access */
    if (!*filter)
        seen = offset;
    for (; i < fake_total(f) && seen < offset + limit; i++) {
        if (!fake_match(f, i, filter))
            continue;
        if (seen++ < offset)
            continue;
        char name[32], num[24], phone[24];
        const char *cells[3];
        int mark = LV_MARK_NONE;
        if (f->rows) {
            cells[0] = f->rows[i][0];
            cells[1] = f->rows[i][1];
            cells[2] = f->rows[i][2];
            mark = (int)(i % 4);
        } else {
            gen_row(i, name, num, phone);
            cells[0] = num;
            cells[1] = name;
            cells[2] = phone;
        }
        if (lv_rowset_add(rs, i + 1, mark, cells) < 0)
            return zb_fail(err, "内存不足");
        f->fetched_rows++;
    }
    return 0;
}

static int fake_locate(void *ctx, const char *filter, int64_t id, long *pos,
                       zb_err *err)
{
    struct fake *f = ctx;
    (void)err;
    long p = 0;
    for (long i = 0; i < fake_total(f); i++) {
        if (!fake_match(f, i, filter))
            continue;
        if (i + 1 == id) {
            *pos = p;
            return 0;
        }
        p++;
    }
    *pos = -1;
    return 0;
}

static const struct lv_source fake_src = { fake_count, fake_fetch,
                                           fake_locate };

/* ---- a screen embedding the list ---- */

struct lscreen {
    tui_screen base;
    listview *lv;
};

static void ls_draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    struct lscreen *ls = (struct lscreen *)s;
    char pos[64];
    lv_draw(ls->lv, w, 0, 0, h, wd);
    lv_position_text(ls->lv, pos, sizeof pos);
    tui_app_set_position(s->app, pos);
}

static int ls_key(tui_screen *s, int key)
{
    struct lscreen *ls = (struct lscreen *)s;
    if (!lv_filtering(ls->lv) && key == '/') {
        lv_filter_start(ls->lv);
        return TUI_HANDLED | TUI_REDRAW;
    }
    return lv_key(ls->lv, key);
}

static void ls_cursor(tui_screen *s, int *y, int *x)
{
    lv_cursor_pos(((struct lscreen *)s)->lv, y, x);
}

static void ls_destroy(tui_screen *s)
{
    lv_free(((struct lscreen *)s)->lv);
    free(s);
}

static const struct tui_binding ls_keys[] = { { ACT_NONE, { 0 }, false } };
static const struct tui_screen_ops ls_ops = {
    .keymap = ls_keys,
    .draw = ls_draw,
    .key = ls_key,
    .cursor = ls_cursor,
    .destroy = ls_destroy,
};

static const struct lv_column gen_cols[] = {
    { "编号", 7, 8, TEXT_LEFT, false },
    { "姓名", 4, 12, TEXT_LEFT, true },
    { "电话", 11, 11, TEXT_LEFT, false },
};

static struct harness H;
static char row[4096];

static listview *start(struct fake *f, const struct lv_column *cols,
                       int ncols, int rows, int width)
{
    ck_assert_int_eq(harness_start(&H, rows, width), 0);
    struct lscreen *s = calloc(1, sizeof *s);
    s->base.ops = &ls_ops;
    snprintf(s->base.title, sizeof s->base.title, "列表");
    s->lv = lv_new(cols, ncols, &fake_src, f);
    ck_assert_ptr_nonnull(s->lv);
    tui_app_push(H.app, &s->base);
    zb_err err = { "" };
    int r = lv_reload(s->lv, &err);
    ck_assert_int_eq(r, f->fail_count ? -1 : 0);
    harness_run(&H);
    return s->lv;
}

static const char *status_row(void)
{
    return harness_row(&H, H.rows - 2, row, sizeof row);
}

/* ZB_DUMP=1 shows every checked screen. */
static void dump_on_fail(bool ok)
{
    if (!ok || getenv("ZB_DUMP"))
        harness_dump(&H, stderr);
}

/* attr + colour pair of a screen cell, comparable with tui_style(). */
static attr_t cell_attr(int y, int x)
{
    cchar_t cc;
    wchar_t wch[CCHARW_MAX + 1];
    attr_t a = 0;
    short pair = 0;
    mvwin_wch(stdscr, y, x, &cc);
    getcchar(&cc, wch, &a, &pair, NULL);
    return (a & ~A_COLOR) | (attr_t)COLOR_PAIR(pair);
}

/* ---- tests ---- */

START_TEST(test_windowed_fetch)
{
    struct fake f = { .n = 100000 };
    listview *lv = start(&f, gen_cols, 3, 24, 80);
    /* Body: rows 1..21; header on row 1, 20 data rows. */
    ck_assert_int_eq(f.count_calls, 1);
    ck_assert_int_le(f.fetch_calls, 2);
    ck_assert_int_le(f.max_limit, 3 * 24);
    ck_assert_int_eq(harness_col(&H, 2, "M000001"), 0);
    ck_assert_int_eq(harness_col(&H, 21, "M000020"), 0);
    ck_assert_ptr_nonnull(strstr(status_row(), "第 1/100000 条"));

    int calls = f.fetch_calls;
    harness_key(&H, TUI_FN(KEY_END));
    harness_run(&H);
    dump_on_fail(harness_col(&H, 21, "M100000") == 0);
    ck_assert_int_eq(harness_col(&H, 21, "M100000"), 0);
    ck_assert_ptr_nonnull(strstr(status_row(), "第 100000/100000 条"));
    ck_assert_int_eq(f.fetch_calls, calls + 1);
    ck_assert_int_eq(lv_selected_id(lv), 100000);

    harness_key(&H, TUI_FN(KEY_PPAGE));
    harness_run(&H);
    ck_assert_int_le(f.fetch_calls, calls + 2);
    ck_assert_ptr_nonnull(strstr(status_row(), "第 99981/100000 条"));
    ck_assert_str_eq(lv_selected_cell(lv, 0), "M099981");

    harness_key(&H, TUI_FN(KEY_PPAGE));
    harness_key(&H, TUI_FN(KEY_PPAGE));
    harness_key(&H, TUI_FN(KEY_NPAGE));
    harness_key(&H, TUI_FN(KEY_HOME));
    harness_key(&H, TUI_FN(KEY_DOWN));
    harness_key(&H, 'j');
    harness_key(&H, 'k');
    harness_run(&H);
    ck_assert_int_eq(lv_cursor(lv), 1);
    ck_assert_int_le(f.max_limit, 3 * 24);
    /* Never anywhere near the whole table. */
    ck_assert_int_lt(f.fetched_rows, 500);
    ck_assert_int_eq(f.count_calls, 1);
    /* The cursor row is drawn in the cursor style over the full width. */
    ck_assert_uint_eq(cell_attr(3, 0), tui_style(STYLE_CURSOR));
    ck_assert_uint_eq(cell_attr(3, 79), tui_style(STYLE_CURSOR));
    ck_assert_uint_eq(cell_attr(1, 0), tui_style(STYLE_HEADER));
    ck_assert_uint_eq(cell_attr(2, 0), tui_style(STYLE_NORMAL));
    harness_stop(&H);
}
END_TEST

static const char *const cjk_rows[][3] = {
    { "李华", "A01", "13900000001" },
    { "欧阳娜娜娜娜娜娜娜", "A02", "13900000002" },
    { "Wang", "A03", "13900000003" },
    { "司马相如相如", "A04", "13900000004" },
    { "张三x", "A05", "13900000005" },
};

static const struct lv_column cjk_cols[] = {
    { "姓名", 4, 9, TEXT_LEFT, true },
    { "编号", 3, 6, TEXT_RIGHT, false },
    { "电话", 11, 11, TEXT_LEFT, false },
};

START_TEST(test_columns_cjk)
{
    struct fake f = { .rows = cjk_rows, .nrows = 5 };
    start(&f, cjk_cols, 3, 24, 80);
    /* Name column capped at 9: "欧阳娜娜" would need 8 + marker. */
    harness_row(&H, 3, row, sizeof row);
    ck_assert_ptr_nonnull(strstr(row, "~"));
    ck_assert_ptr_nonnull(strstr(row, "欧阳娜娜~"));
    ck_assert_ptr_null(strstr(row, "娜娜娜娜娜"));
    ck_assert_ptr_nonnull(strstr(harness_row(&H, 5, row, sizeof row),
                                 "司马相如~"));
    /* Every row: the phone starts at the same display column (the
     * number column is 4 wide: its title is wider than its cells). */
    int col = harness_col(&H, 2, "13900000001");
    ck_assert_int_eq(col, 9 + 1 + 4 + 1);
    for (int y = 3; y <= 6; y++) {
        char ph[16];
        snprintf(ph, sizeof ph, "1390000000%d", y - 1);
        dump_on_fail(harness_col(&H, y, ph) == col);
        ck_assert_int_eq(harness_col(&H, y, ph), col);
    }
    /* Right-aligned numbers end at the column's right edge. */
    ck_assert_int_eq(harness_col(&H, 2, "A01"), 9 + 1 + 1);
    ck_assert_int_eq(harness_col(&H, 1, "电话"), col);
    /* Marks: row 1 dim, 2 warn, 3 good (row 0 is the cursor). */
    ck_assert_uint_eq(cell_attr(3, 0), tui_style(STYLE_DIM));
    ck_assert_uint_eq(cell_attr(4, 0), tui_style(STYLE_WARN));
    ck_assert_uint_eq(cell_attr(5, 0), tui_style(STYLE_MARK));
    ck_assert_uint_eq(cell_attr(2, 0), tui_style(STYLE_CURSOR));
    harness_stop(&H);
}
END_TEST

#define C40(c) c c c c c c c c c c c c c c c c c c c c \
                c c c c c c c c c c c c c c c c c c c c
static const char *const wide_rows[][3] = {
    { C40("A"), C40("B"), C40("C") },
};

/* n times c and the marker, as a cut cell shows. */
static const char *cut(char c, int n)
{
    static char buf[4][128];
    static int k;
    char *b = buf[k++ % 4];
    memset(b, c, (size_t)n);
    b[n] = '~';
    b[n + 1] = 0;
    return b;
}

START_TEST(test_columns_shrink)
{
    /* 30 + 1 + 30 + 1 + 30 = 92 > 80: the flex column gives 12. */
    static const struct lv_column cols[] = {
        { "A", 10, 30, TEXT_LEFT, false },
        { "B", 10, 30, TEXT_LEFT, true },
        { "C", 10, 30, TEXT_LEFT, false },
    };
    struct fake f = { .rows = wide_rows, .nrows = 1 };
    start(&f, cols, 3, 24, 80);
    ck_assert_int_eq(harness_col(&H, 2, cut('A', 29)), 0);
    ck_assert_int_eq(harness_col(&H, 2, cut('B', 17)), 31);
    ck_assert_int_eq(harness_col(&H, 2, cut('C', 29)), 50);
    ck_assert_int_eq(harness_col(&H, 1, "C"), 50);
    harness_stop(&H);

    /* 40 + 1 + 40 + 1 + 40 = 122: the flex column goes down to its
     * min (10) first, then the others share the last 12 evenly. */
    static const struct lv_column cols2[] = {
        { "A", 10, 40, TEXT_LEFT, false },
        { "B", 10, 40, TEXT_LEFT, true },
        { "C", 10, 40, TEXT_LEFT, false },
    };
    f = (struct fake){ .rows = wide_rows, .nrows = 1 };
    start(&f, cols2, 3, 24, 80);
    ck_assert_int_eq(harness_col(&H, 2, cut('A', 33)), 0);
    ck_assert_int_eq(harness_col(&H, 2, cut('B', 9)), 35);
    ck_assert_int_eq(harness_col(&H, 2, cut('C', 33)), 46);
    harness_stop(&H);
}
END_TEST

START_TEST(test_columns_drop)
{
    /* Nothing can shrink below 30: the last column is left out. */
    static const struct lv_column cols[] = {
        { "A", 30, 30, TEXT_LEFT, false },
        { "B", 30, 30, TEXT_LEFT, true },
        { "C", 30, 30, TEXT_LEFT, false },
    };
    struct fake f = { .rows = wide_rows, .nrows = 1 };
    start(&f, cols, 3, 24, 80);
    ck_assert_int_eq(harness_col(&H, 2, cut('A', 29)), 0);
    ck_assert_int_eq(harness_col(&H, 2, cut('B', 29)), 31);
    ck_assert_int_eq(harness_col(&H, 2, "C"), -1);
    ck_assert_int_eq(harness_col(&H, 1, "C"), -1);
    harness_stop(&H);
}
END_TEST

START_TEST(test_filter)
{
    struct fake f = { .n = 100000 };
    listview *lv = start(&f, gen_cols, 3, 24, 80);
    long want = 0;
    for (long i = 0; i < 100000; i++)
        want += fake_match(&f, i, "9999");
    ck_assert_int_gt(want, 1);

    harness_key(&H, TUI_FN(KEY_DOWN));
    harness_key(&H, TUI_FN(KEY_DOWN));
    harness_key(&H, '/');
    harness_type(&H, "9999");
    harness_run(&H);
    ck_assert(lv_filtering(lv));
    ck_assert_int_eq(f.count_calls, 1 + 4);
    ck_assert_str_eq(f.last_filter, "9999");
    char want_pos[64];
    snprintf(want_pos, sizeof want_pos, "第 1/%ld 条", want);
    dump_on_fail(strstr(status_row(), want_pos) != NULL);
    ck_assert_ptr_nonnull(strstr(status_row(), want_pos));
    /* The filter line is the last body row; the cursor sits after it. */
    ck_assert_int_eq(harness_col(&H, 21, "筛选：9999"), 0);
    int cy, cx;
    lv_cursor_pos(lv, &cy, &cx);
    ck_assert_int_eq(cy, 20);
    ck_assert_int_eq(cx, 6 + 4);
    ck_assert_int_eq(harness_col(&H, 2, "M009999"), 0);

    /* Letters are filter text now, not movement. */
    ck_assert_int_eq(lv_key(lv, 'j'), TUI_HANDLED | TUI_REDRAW);
    ck_assert_str_eq(lv_filter(lv), "9999j");
    harness_key(&H, TUI_FN(KEY_BACKSPACE));
    harness_run(&H);
    ck_assert_str_eq(lv_filter(lv), "9999");

    /* Enter keeps the filter and closes the line. */
    harness_key(&H, TUI_KEY_ENTER);
    harness_key(&H, TUI_FN(KEY_DOWN));
    harness_run(&H);
    ck_assert(!lv_filtering(lv));
    ck_assert_str_eq(lv_filter(lv), "9999");
    ck_assert_int_eq(harness_find(&H, "筛选："), -1);
    snprintf(want_pos, sizeof want_pos, "第 2/%ld 条", want);
    ck_assert_ptr_nonnull(strstr(status_row(), want_pos));
    int64_t id = lv_selected_id(lv);

    /* Esc clears it; the cursor stays on the same record. */
    harness_key(&H, '/');
    harness_run(&H);
    ck_assert_int_eq(harness_col(&H, 21, "筛选：9999"), 0);
    harness_key(&H, TUI_KEY_ESC);
    harness_run(&H);
    ck_assert(!lv_filtering(lv));
    ck_assert_str_eq(lv_filter(lv), "");
    ck_assert_int_eq(lv_count(lv), 100000);
    ck_assert_int_eq(lv_selected_id(lv), id);
    snprintf(want_pos, sizeof want_pos, "第 %ld/100000 条", (long)id);
    ck_assert_ptr_nonnull(strstr(status_row(), want_pos));
    ck_assert_int_le(f.max_limit, 3 * 24);
    harness_stop(&H);
}
END_TEST

START_TEST(test_filter_no_match)
{
    struct fake f = { .n = 1000 };
    listview *lv = start(&f, gen_cols, 3, 24, 80);
    lv_filter_start(lv);
    harness_type(&H, "张无忌");
    harness_run(&H);
    ck_assert_int_eq(lv_count(lv), 0);
    int y = harness_find(&H, "没有符合条件的记录");
    ck_assert_int_gt(y, 1);
    ck_assert_int_eq(harness_col(&H, y, "没有符合条件的记录"), (80 - 18) / 2);
    ck_assert_ptr_nonnull(strstr(status_row(), "共 0 条"));
    ck_assert_int_eq(lv_selected_id(lv), 0);
    ck_assert_ptr_null(lv_selected_cell(lv, 0));
    /* Moving in an empty list is harmless. */
    lv_key(lv, TUI_FN(KEY_DOWN));
    lv_key(lv, TUI_FN(KEY_NPAGE));
    ck_assert_int_eq(lv_cursor(lv), 0);
    harness_stop(&H);
}
END_TEST

START_TEST(test_empty)
{
    struct fake f = { .n = 0 };
    listview *lv = start(&f, gen_cols, 3, 24, 80);
    int y = harness_find(&H, "暂无记录");
    ck_assert_int_gt(y, 1);
    ck_assert_int_eq(harness_col(&H, y, "暂无记录"), (80 - 8) / 2);
    ck_assert_uint_eq(cell_attr(y, (80 - 8) / 2), tui_style(STYLE_DIM));
    ck_assert_ptr_nonnull(strstr(status_row(), "共 0 条"));
    char pos[32];
    lv_position_text(lv, pos, sizeof pos);
    ck_assert_str_eq(pos, "共 0 条");
    ck_assert_int_eq(lv_key(lv, TUI_FN(KEY_END)) & TUI_HANDLED, TUI_HANDLED);
    harness_stop(&H);
}
END_TEST

START_TEST(test_keys_left_to_screen)
{
    struct fake f = { .n = 50 };
    listview *lv = lv_new(gen_cols, 3, &fake_src, &f);
    zb_err err = { "" };
    ck_assert_int_eq(lv_reload(lv, &err), 0);
    const int keys[] = { 'a', 'e', 'd', '/', 's', TUI_KEY_ENTER,
                         TUI_KEY_ESC, TUI_FN(KEY_F(2)) };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        ck_assert_int_eq(lv_key(lv, keys[i]), TUI_UNHANDLED);
    ck_assert_int_eq(lv_key(lv, TUI_FN(KEY_DOWN)), TUI_HANDLED | TUI_REDRAW);
    ck_assert_int_eq(lv_key(lv, 'G'), TUI_HANDLED | TUI_REDRAW);
    ck_assert_int_eq(lv_cursor(lv), 49);
    ck_assert_int_eq(lv_key(lv, 'g'), TUI_HANDLED | TUI_REDRAW);
    ck_assert_int_eq(lv_cursor(lv), 0);
    lv_set_cursor(lv, 30);
    ck_assert_int_eq(lv_selected_id(lv), 31);
    ck_assert_str_eq(lv_selected_cell(lv, 0), "M000031");
    char pos[32];
    lv_position_text(lv, pos, sizeof pos);
    ck_assert_str_eq(pos, "第 31/50 条");
    /* A reload keeps the cursor on the record. */
    ck_assert_int_eq(lv_reload(lv, &err), 0);
    ck_assert_int_eq(lv_selected_id(lv), 31);
    /* A set filter re-queries; the position text stays plain. */
    lv_set_filter(lv, "M00004");
    ck_assert_int_eq(lv_count(lv), 10);
    lv_position_text(lv, pos, sizeof pos);
    ck_assert_str_eq(pos, "第 1/10 条");
    lv_free(lv);
}
END_TEST

START_TEST(test_source_error)
{
    struct fake f = { .n = 100, .fail_count = true };
    listview *lv = start(&f, gen_cols, 3, 24, 80);
    zb_err err = { "" };
    ck_assert_int_eq(lv_reload(lv, &err), -1);
    ck_assert_str_eq(err.msg, "数据库已锁定");
    ck_assert_int_eq(lv_count(lv), 0);
    harness_key(&H, TUI_FN(KEY_DOWN));
    harness_key(&H, TUI_FN(KEY_END));
    harness_key(&H, '/');
    harness_type(&H, "12");
    harness_run(&H);
    ck_assert_int_gt(harness_find(&H, "数据库已锁定"), 1);
    ck_assert_int_eq(lv_selected_id(lv), 0);
    /* Recovery. */
    f.fail_count = false;
    lv_key(lv, TUI_KEY_ESC);
    ck_assert_int_eq(lv_reload(lv, &err), 0);
    ck_assert_int_eq(lv_count(lv), 100);
    harness_run(&H);
    ck_assert_int_eq(harness_find(&H, "数据库已锁定"), -1);
    ck_assert_int_eq(harness_col(&H, 2, "M000001"), 0);
    harness_stop(&H);
}
END_TEST

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    Suite *s = suite_create("listview");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_windowed_fetch);
    tcase_add_test(tc, test_columns_cjk);
    tcase_add_test(tc, test_columns_shrink);
    tcase_add_test(tc, test_columns_drop);
    tcase_add_test(tc, test_filter);
    tcase_add_test(tc, test_filter_no_match);
    tcase_add_test(tc, test_empty);
    tcase_add_test(tc, test_keys_left_to_screen);
    tcase_add_test(tc, test_source_error);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
