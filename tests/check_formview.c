/* Screen tests of the form view: small screens embedding a formview,
 * driven through the off-screen terminal. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "rules.h"
#include "tui/draw.h"
#include "tui/formview.h"

enum { F_NAME, F_BIRTH, F_ID, F_PHONE, F_SEX, F_EDU, F_NOTE, F_LOST,
       F_LOSTDATE, F_BRANCH, F_NO, F_COUNT };

static const char *const sexes[] = { "", "男", "女" };
static const char *const edus[] = { "", "小学", "初中", "高中", "中专",
                                    "大专", "大学本科", "硕士研究生",
                                    "博士研究生" };

static const struct fv_field person[F_COUNT] = {
    [F_NAME] = { .label = "姓名", .type = FV_TEXT, .max_chars = 10,
                 .required = true },
    [F_BIRTH] = { .label = "出生日期", .type = FV_DATE, .max_chars = 12,
                  .placeholder = "YYYY-MM-DD" },
    [F_ID] = { .label = "身份证号", .type = FV_IDNUM, .max_chars = 18 },
    [F_PHONE] = { .label = "联系电话", .type = FV_PHONE, .max_chars = 20 },
    [F_SEX] = { .label = "性别", .type = FV_CHOICE, .choices = sexes,
                .nchoices = 3 },
    [F_EDU] = { .label = "学历", .type = FV_CHOICE, .choices = edus,
                .nchoices = 9 },
    [F_NOTE] = { .label = "备注", .type = FV_MULTILINE, .max_chars = 200,
                 .height = 3 },
    [F_LOST] = { .label = "失联", .type = FV_BOOL },
    [F_LOSTDATE] = { .label = "失联日期", .type = FV_DATE },
    [F_BRANCH] = { .label = "所在支部", .type = FV_REF },
    [F_NO] = { .label = "党员编号", .type = FV_READONLY },
};

/* Screen rows (body row 0 is screen row 1) with 失联日期 hidden. */
enum { R_NAME = 1, R_BIRTH, R_ID, R_PHONE, R_SEX, R_EDU, R_NOTE,
       R_LOST = 10, R_BRANCH, R_NO };
#define X0 11   /* labels are 10 columns ("出生日期：") and a space */

struct calls {
    int changed[F_COUNT];
    int validated;
    int picked;
};

static const char *my_validate(void *ctx, formview *fv, int field,
                               char *msg, size_t msgsz)
{
    struct calls *c = ctx;
    c->validated++;
    if (field == F_NAME && strcmp(fv_get(fv, F_NAME), "test") == 0) {
        snprintf(msg, msgsz, "姓名不能是 %s", "test");
        return msg;
    }
    return NULL;
}

static void my_changed(void *ctx, formview *fv, int field)
{
    struct calls *c = ctx;
    if (field >= 0 && field < F_COUNT)
        c->changed[field]++;
    if (field == F_LOST)
        fv_set_hidden(fv, F_LOSTDATE, !fv_bool(fv, F_LOST));
    if (field == F_ID) {
        struct idnum_info info;
        char today[11];
        if (rules_idnum_check(fv_get(fv, F_ID), rules_today(today), &info)
            == IDNUM_OK)
            fv_set(fv, F_BIRTH, info.birth);
    }
}

static bool my_pick(void *ctx, formview *fv, int field)
{
    struct calls *c = ctx;
    c->picked++;
    fv_set_ref(fv, field, 42, "第一网格党支部");
    return true;
}

static const struct fv_ops my_ops = { my_validate, my_changed, my_pick };

/* ---- a screen embedding the form ---- */

struct fscreen {
    tui_screen base;
    formview *fv;
};

static void fs_draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    fv_draw(((struct fscreen *)s)->fv, w, 0, 0, h, wd);
}

static int fs_key(tui_screen *s, int key)
{
    return fv_key(((struct fscreen *)s)->fv, key);
}

static void fs_cursor(tui_screen *s, int *y, int *x)
{
    fv_cursor_pos(((struct fscreen *)s)->fv, y, x);
}

static bool fs_unsaved(tui_screen *s)
{
    return fv_dirty(((struct fscreen *)s)->fv);
}

static void fs_destroy(tui_screen *s)
{
    fv_free(((struct fscreen *)s)->fv);
    free(s);
}

static const struct tui_binding fs_keys[] = { { ACT_NONE, { 0 }, false } };
static const struct tui_screen_ops fs_ops = {
    .keymap = fs_keys,
    .draw = fs_draw,
    .key = fs_key,
    .cursor = fs_cursor,
    .unsaved = fs_unsaved,
    .destroy = fs_destroy,
};

static struct harness H;
static struct calls C;
static char row[4096];

static formview *start_form(const struct fv_field *fields, int n)
{
    memset(&C, 0, sizeof C);
    ck_assert_int_eq(harness_start(&H, 24, 80), 0);
    struct fscreen *s = calloc(1, sizeof *s);
    s->base.ops = &fs_ops;
    snprintf(s->base.title, sizeof s->base.title, "表单");
    s->fv = fv_new(H.app, fields, n, &my_ops, &C);
    ck_assert_ptr_nonnull(s->fv);
    tui_app_push(H.app, &s->base);
    return s->fv;
}

static formview *start(void)
{
    formview *fv = start_form(person, F_COUNT);
    fv_set_hidden(fv, F_LOSTDATE, true);
    fv_set(fv, F_NO, "M000123");
    fv_mark_clean(fv);
    harness_run(&H);
    return fv;
}

static const char *screen_row(int y)
{
    return harness_row(&H, y, row, sizeof row);
}

/* ZB_DUMP=1 shows every checked screen. */
static void dump_on_fail(bool ok)
{
    if (!ok || getenv("ZB_DUMP"))
        harness_dump(&H, stderr);
}

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

static void keys(const int *k, int n)
{
    for (int i = 0; i < n; i++)
        harness_key(&H, k[i]);
}

/* ---- tests ---- */

START_TEST(test_layout_and_cjk_text)
{
    formview *fv = start();
    dump_on_fail(harness_col(&H, R_NAME, "*姓名：") == 3);
    /* Labels right-aligned to one column, "*" on required ones. */
    ck_assert_int_eq(harness_col(&H, R_NAME, "*姓名："), 3);
    ck_assert_int_eq(harness_col(&H, R_BIRTH, "出生日期："), 0);
    ck_assert_int_eq(harness_col(&H, R_NO, "党员编号： M000123"), 0);
    ck_assert_int_eq(harness_col(&H, R_BIRTH, "YYYY-MM-DD"), X0);
    ck_assert_int_eq(harness_find(&H, "失联日期"), -1);   /* hidden */
    ck_assert_uint_eq(cell_attr(R_NAME, X0), tui_style(STYLE_FIELD_FOCUS));
    ck_assert_uint_eq(cell_attr(R_ID, X0), tui_style(STYLE_FIELD));

    harness_type(&H, "张三丰");
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_NAME), "张三丰");
    ck_assert_int_eq(harness_col(&H, R_NAME, "张三丰"), X0);
    int y, x;
    fv_cursor_pos(fv, &y, &x);
    ck_assert_int_eq(y, R_NAME - 1);
    ck_assert_int_eq(x, X0 + 6);

    /* Line editing keys. */
    harness_key(&H, TUI_FN(KEY_BACKSPACE));
    harness_key(&H, TUI_CTRL('a'));
    harness_type(&H, "欧阳");
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_NAME), "欧阳张三");
    harness_key(&H, TUI_FN(KEY_RIGHT));
    harness_key(&H, TUI_FN(KEY_DC));
    harness_key(&H, TUI_FN(KEY_END));
    harness_key(&H, TUI_FN(KEY_LEFT));
    harness_key(&H, TUI_CTRL('k'));
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_NAME), "欧阳");
    harness_key(&H, TUI_FN(KEY_HOME));
    harness_type(&H, "ab ");
    harness_key(&H, TUI_CTRL('e'));
    harness_key(&H, TUI_CTRL('w'));
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_NAME), "ab ");
    harness_key(&H, TUI_CTRL('u'));
    harness_type(&H, "李四");
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_NAME), "李四");
    ck_assert_ptr_null(fv_error(fv, F_NAME));
    harness_stop(&H);
}
END_TEST

START_TEST(test_max_chars)
{
    formview *fv = start();
    harness_type(&H, "一二三四五六七八九十甲乙");
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_NAME), "一二三四五六七八九十");
    ck_assert_ptr_nonnull(strstr(screen_row(22), "最多 10 个字"));
    ck_assert_int_eq(harness_col(&H, R_NAME, "一二三四五六七八九十"), X0);
    harness_stop(&H);
}
END_TEST

START_TEST(test_date)
{
    formview *fv = start();
    harness_type(&H, "王五");
    harness_key(&H, '\t');
    harness_type(&H, "2021-13-45");
    harness_key(&H, '\t');
    harness_run(&H);
    const char *msg = "日期格式应为 YYYY-MM-DD，如 2021-07-01";
    ck_assert_str_eq(fv_error(fv, F_BIRTH), msg);
    /* Right of the field (17 columns) on the field's own row. */
    dump_on_fail(harness_col(&H, R_BIRTH, msg) == X0 + 17 + 1);
    ck_assert_int_eq(harness_col(&H, R_BIRTH, msg), X0 + 17 + 1);
    ck_assert_uint_eq(cell_attr(R_BIRTH, X0 + 18), tui_style(STYLE_ERROR));
    ck_assert_int_eq(fv_focus(fv), F_ID);   /* focus still moves */

    /* A letter is refused with a short status. */
    harness_key(&H, TUI_FN(KEY_BTAB));
    harness_type(&H, "a");
    harness_run(&H);
    ck_assert_int_eq(fv_focus(fv), F_BIRTH);
    ck_assert_ptr_nonnull(strstr(screen_row(22), "此字段只能输入"));
    ck_assert_str_eq(fv_get(fv, F_BIRTH), "2021-13-45");
    ck_assert_str_eq(fv_error(fv, F_BIRTH), msg);   /* unchanged */

    harness_key(&H, TUI_CTRL('u'));
    harness_run(&H);
    ck_assert_ptr_null(fv_error(fv, F_BIRTH));  /* the value changed */
    ck_assert_int_eq(harness_find(&H, "日期格式应为"), -1);
    harness_type(&H, "2021/7/1");
    harness_key(&H, '\t');
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_BIRTH), "2021-07-01");
    ck_assert_ptr_null(fv_error(fv, F_BIRTH));
    ck_assert_int_eq(harness_col(&H, R_BIRTH, "2021-07-01"), X0);
    ck_assert_int_eq(C.changed[F_BIRTH], 1);

    harness_key(&H, TUI_FN(KEY_UP));
    harness_key(&H, TUI_CTRL('u'));
    harness_type(&H, "1999年12月3日");
    harness_key(&H, TUI_FN(KEY_DOWN));
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_BIRTH), "1999-12-03");
    harness_stop(&H);
}
END_TEST

/* A synthetic ID number (not a real person's): area 110105, birth
 * 1990-03-07, a sequence, then the check character. */
static void make_id(char out[19], int seq, char check)
{
    snprintf(out, 19, "11010519900307%03u", (unsigned)seq % 1000u);
    out[17] = check ? check : rules_idnum_checkchar(out);
    out[18] = 0;
}

START_TEST(test_idnum)
{
    formview *fv = start();
    char id[19];
    make_id(id, 123, 0);
    char good = id[17];
    id[17] = good == '0' ? '1' : '0';
    fv_set_focus(fv, F_ID);
    harness_type(&H, id);
    harness_key(&H, '\t');
    harness_run(&H);
    char want[64];
    snprintf(want, sizeof want, "最后一位应为 %c", good);
    ck_assert_ptr_nonnull(fv_error(fv, F_ID));
    ck_assert_ptr_nonnull(strstr(fv_error(fv, F_ID), want));
    int col = harness_col(&H, R_ID, "公民身份号码校验位错误");
    dump_on_fail(col == X0 + 19 + 1);
    ck_assert_int_eq(col, X0 + 19 + 1);
    ck_assert_ptr_nonnull(strstr(screen_row(R_ID), want));
    ck_assert_int_eq(C.changed[F_ID], 0);   /* not while invalid */

    /* Fixed: valid, and the screen's changed() fills the birth date. */
    fv_set_focus(fv, F_ID);
    harness_key(&H, TUI_FN(KEY_BACKSPACE));
    harness_key(&H, good);
    harness_key(&H, '\t');
    harness_run(&H);
    ck_assert_ptr_null(fv_error(fv, F_ID));
    ck_assert_int_eq(C.changed[F_ID], 1);
    ck_assert_str_eq(fv_get(fv, F_BIRTH), "1990-03-07");
    ck_assert_int_eq(harness_find(&H, "校验位"), -1);

    /* Lower-case x is upper-cased; other letters are refused. */
    int seq = 0;
    for (seq = 100; seq < 1000; seq++) {
        make_id(id, seq, 0);
        if (id[17] == 'X')
            break;
    }
    ck_assert_int_lt(seq, 1000);
    id[17] = 'x';
    fv_set_focus(fv, F_ID);
    harness_key(&H, TUI_CTRL('u'));
    harness_type(&H, id);
    harness_type(&H, "a");
    harness_run(&H);
    ck_assert_ptr_nonnull(strstr(screen_row(22), "只能输入数字和 X"));
    id[17] = 'X';
    ck_assert_str_eq(fv_get(fv, F_ID), id);
    harness_key(&H, '\t');
    harness_run(&H);
    ck_assert_ptr_null(fv_error(fv, F_ID));
    harness_stop(&H);
}
END_TEST

START_TEST(test_required_and_validate_all)
{
    formview *fv = start();
    fv_set_focus(fv, F_PHONE);
    harness_type(&H, "12345");
    harness_run(&H);
    ck_assert_int_eq(fv_validate_all(fv), F_NAME);
    harness_run(&H);
    ck_assert_int_eq(fv_focus(fv), F_NAME);
    ck_assert_str_eq(fv_error(fv, F_NAME), "必填");
    ck_assert_int_eq(harness_col(&H, R_NAME, "必填"), X0 + 21 + 1);
    ck_assert_ptr_nonnull(fv_error(fv, F_PHONE));
    ck_assert_int_gt(harness_col(&H, R_PHONE, "电话号码格式不对"), X0);

    /* The screen's own check runs after the built-in ones. */
    harness_type(&H, "test");
    harness_run(&H);
    ck_assert_ptr_null(fv_error(fv, F_NAME));
    ck_assert_int_eq(fv_validate_all(fv), F_NAME);
    ck_assert_str_eq(fv_error(fv, F_NAME), "姓名不能是 test");

    harness_key(&H, TUI_CTRL('u'));
    harness_type(&H, "赵六");
    harness_run(&H);
    fv_set_focus(fv, F_PHONE);
    harness_key(&H, TUI_CTRL('u'));
    harness_type(&H, "010-12345678转123");
    harness_run(&H);
    ck_assert_int_eq(fv_validate_all(fv), -1);
    ck_assert_int_gt(C.validated, 0);
    ck_assert_int_eq(fv_focus(fv), F_PHONE);
    harness_stop(&H);
}
END_TEST

/* A model's refusal shown at the field it names. */
START_TEST(test_error_at_named_field)
{
    static const char *const names[F_COUNT] = {
        [F_NAME] = "name", [F_PHONE] = "phone", [F_BIRTH] = "birth_date",
    };
    ck_assert_int_eq(fv_field_named(names, F_COUNT, "phone"), F_PHONE);
    ck_assert_int_eq(fv_field_named(names, F_COUNT, "birth_date"), F_BIRTH);
    ck_assert_int_eq(fv_field_named(names, F_COUNT, "nope"), -1);
    ck_assert_int_eq(fv_field_named(names, F_COUNT, NULL), -1);
    formview *fv = start();
    ck_assert_str_eq(fv_label(fv, F_PHONE), "联系电话");
    ck_assert_str_eq(fv_label(fv, F_COUNT), "");
    fv_error_at(fv, fv_field_named(names, F_COUNT, "phone"), "号码已被占用");
    ck_assert_int_eq(fv_focus(fv), F_PHONE);
    ck_assert_str_eq(fv_error(fv, F_PHONE), "号码已被占用");
    fv_error_at(fv, -1, "无处可放");   /* nothing happens */
    ck_assert_int_eq(fv_focus(fv), F_PHONE);
    harness_run(&H);
    ck_assert_int_gt(harness_col(&H, R_PHONE, "号码已被占用"), X0);
    harness_stop(&H);
}
END_TEST

START_TEST(test_choice_and_picker)
{
    formview *fv = start();
    fv_set_focus(fv, F_SEX);
    harness_key(&H, TUI_FN(KEY_RIGHT));
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_SEX), "男");
    ck_assert_int_eq(harness_col(&H, R_SEX, "男"), X0);
    const int k[] = { TUI_FN(KEY_RIGHT), ' ', TUI_FN(KEY_LEFT) };
    keys(k, 1);
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_SEX), "女");
    keys(k + 1, 1);
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_SEX), "");   /* wraps */
    keys(k + 2, 1);
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_SEX), "女");
    ck_assert_int_eq(fv_choice(fv, F_SEX), 2);
    ck_assert_int_eq(fv_focus(fv), F_SEX);

    /* Enter opens the picker; typing filters it; Enter picks. */
    harness_key(&H, '\t');
    harness_key(&H, TUI_KEY_ENTER);
    harness_type(&H, "硕士");
    harness_key(&H, TUI_KEY_ENTER);
    harness_run(&H);
    ck_assert_int_eq(fv_focus(fv), F_EDU);
    ck_assert_str_eq(fv_get(fv, F_EDU), "硕士研究生");
    ck_assert_int_eq(fv_choice(fv, F_EDU), 7);
    ck_assert_int_eq(harness_col(&H, R_EDU, "硕士研究生"), X0);
    ck_assert_int_eq(C.changed[F_EDU], 1);
    /* Typing on a choice opens the picker with that text typed. */
    harness_type(&H, "博");
    harness_key(&H, TUI_KEY_ENTER);
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_EDU), "博士研究生");
    ck_assert_int_eq(C.changed[F_EDU], 2);
    /* A pick that is cancelled (the input runs out) changes nothing. */
    harness_key(&H, TUI_KEY_ENTER);
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_EDU), "博士研究生");
    harness_stop(&H);
}
END_TEST

START_TEST(test_bool_ref_readonly)
{
    formview *fv = start();
    ck_assert_int_eq(harness_col(&H, R_LOST, "失联： 否"), 4);
    fv_set_focus(fv, F_LOST);
    harness_key(&H, ' ');
    harness_run(&H);
    ck_assert(fv_bool(fv, F_LOST));
    ck_assert_str_eq(fv_get(fv, F_LOST), "是");
    /* The screen's changed() showed the date field at once. */
    ck_assert_int_eq(harness_find(&H, "失联日期："), R_LOST + 1);
    ck_assert_int_eq(harness_find(&H, "所在支部："), R_BRANCH + 1);
    harness_key(&H, '\t');
    harness_run(&H);
    ck_assert_int_eq(fv_focus(fv), F_LOSTDATE);
    harness_key(&H, TUI_FN(KEY_BTAB));
    harness_key(&H, TUI_FN(KEY_LEFT));
    harness_run(&H);
    ck_assert(!fv_bool(fv, F_LOST));
    ck_assert_int_eq(harness_find(&H, "失联日期"), -1);

    harness_key(&H, '\t');
    harness_key(&H, TUI_KEY_ENTER);
    harness_run(&H);
    ck_assert_int_eq(fv_focus(fv), F_BRANCH);
    ck_assert_int_eq(C.picked, 1);
    ck_assert_int_eq(fv_ref(fv, F_BRANCH), 42);
    /* a pick is a change the screen hears about at once */
    ck_assert_int_eq(C.changed[F_BRANCH], 1);
    ck_assert_int_eq(harness_col(&H, R_BRANCH, "第一网格党支部"), X0);
    /* Tab skips the read-only field and wraps to the first. */
    harness_key(&H, '\t');
    harness_run(&H);
    ck_assert_int_eq(fv_focus(fv), F_NAME);
    harness_key(&H, TUI_FN(KEY_UP));   /* no wrap with arrows */
    harness_run(&H);
    ck_assert_int_eq(fv_focus(fv), F_NAME);
    harness_key(&H, TUI_FN(KEY_BTAB));
    harness_run(&H);
    ck_assert_int_eq(fv_focus(fv), F_BRANCH);
    harness_key(&H, TUI_FN(KEY_DC));
    harness_run(&H);
    ck_assert_int_eq(fv_ref(fv, F_BRANCH), 0);
    ck_assert_str_eq(fv_get(fv, F_BRANCH), "");
    /* Keys a form does not use are left to the screen. */
    ck_assert_int_eq(fv_key(fv, TUI_FN(KEY_F(2))), TUI_UNHANDLED);
    ck_assert_int_eq(fv_key(fv, TUI_KEY_ESC), TUI_UNHANDLED);
    harness_stop(&H);
}
END_TEST

START_TEST(test_dirty)
{
    formview *fv = start_form(person, F_COUNT);
    fv_set(fv, F_NAME, "钱七");
    fv_set_choice(fv, F_SEX, 1);
    fv_set_bool(fv, F_LOST, false);
    fv_set_ref(fv, F_BRANCH, 7, "第二支部");
    ck_assert(!fv_dirty(fv));    /* before the first mark_clean */
    fv_mark_clean(fv);
    ck_assert(!fv_dirty(fv));
    harness_run(&H);
    harness_key(&H, TUI_FN(KEY_END));
    harness_type(&H, "a");
    harness_run(&H);
    ck_assert(fv_dirty(fv));
    harness_key(&H, TUI_FN(KEY_BACKSPACE));
    harness_run(&H);
    ck_assert(!fv_dirty(fv));
    fv_set_choice(fv, F_SEX, 2);
    ck_assert(fv_dirty(fv));
    fv_set_choice(fv, F_SEX, 1);
    ck_assert(!fv_dirty(fv));
    fv_set_ref(fv, F_BRANCH, 8, "第二支部");
    ck_assert(fv_dirty(fv));
    fv_mark_clean(fv);
    ck_assert(!fv_dirty(fv));
    harness_stop(&H);
}
END_TEST

START_TEST(test_hscroll)
{
    static const struct fv_field f[] = {
        { .label = "地址", .type = FV_TEXT, .max_chars = 40, .width = 10 },
        { .label = "备注", .type = FV_TEXT },
    };
    formview *fv = start_form(f, 2);
    const int x0 = 7;   /* "地址：" is 6 columns */
    const char *text = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸";
    harness_type(&H, text);
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, 0), text);
    int y, x;
    fv_cursor_pos(fv, &y, &x);
    ck_assert_int_eq(y, 0);
    ck_assert_int_ge(x, x0);
    ck_assert_int_lt(x, x0 + 10);
    /* The tail is in view, the head is not, nothing spills over. */
    ck_assert_ptr_nonnull(strstr(screen_row(1), "癸"));
    ck_assert_ptr_null(strstr(screen_row(1), "一二"));
    ck_assert_int_le(harness_col(&H, 1, "癸") + 2, x0 + 10);
    harness_key(&H, TUI_FN(KEY_HOME));
    harness_run(&H);
    fv_cursor_pos(fv, &y, &x);
    ck_assert_int_eq(x, x0);
    ck_assert_int_eq(harness_col(&H, 1, "一二三四"), x0);
    ck_assert_ptr_null(strstr(screen_row(1), "癸"));
    /* Unfocused, the head shows with the cut marker. */
    harness_key(&H, '\t');
    harness_run(&H);
    ck_assert_int_eq(harness_col(&H, 1, "一二三四 ~"), x0);
    harness_stop(&H);
}
END_TEST

START_TEST(test_multiline)
{
    formview *fv = start();
    fv_set_focus(fv, F_NOTE);
    harness_type(&H, "第一行");
    harness_key(&H, TUI_KEY_ENTER);
    harness_type(&H, "第二行");
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_NOTE), "第一行\n第二行");
    ck_assert_int_eq(harness_col(&H, R_NOTE, "第一行"), X0);
    ck_assert_int_eq(harness_col(&H, R_NOTE + 1, "第二行"), X0);
    int y, x;
    fv_cursor_pos(fv, &y, &x);
    ck_assert_int_eq(y, R_NOTE);    /* body-relative second row */
    ck_assert_int_eq(x, X0 + 6);
    harness_key(&H, TUI_FN(KEY_UP));
    harness_run(&H);
    ck_assert_int_eq(fv_focus(fv), F_NOTE);
    fv_cursor_pos(fv, &y, &x);
    ck_assert_int_eq(y, R_NOTE - 1);
    harness_key(&H, TUI_FN(KEY_UP));
    harness_run(&H);
    ck_assert_int_eq(fv_focus(fv), F_EDU);
    harness_stop(&H);
}
END_TEST

START_TEST(test_resize_keeps_text)
{
    formview *fv = start();
    harness_type(&H, "孙八");
    harness_key(&H, '\t');
    harness_type(&H, "2020-1-2");
    harness_run(&H);
    harness_resize(&H, 30, 100);
    ck_assert_str_eq(fv_get(fv, F_NAME), "孙八");
    ck_assert_str_eq(fv_get(fv, F_BIRTH), "2020-1-2");
    ck_assert_int_eq(harness_col(&H, R_NAME, "孙八"), X0);
    ck_assert_int_eq(harness_col(&H, R_BIRTH, "2020-1-2"), X0);
    harness_resize(&H, 24, 80);
    harness_type(&H, "5");
    harness_run(&H);
    ck_assert_str_eq(fv_get(fv, F_BIRTH), "2020-1-25");
    ck_assert_int_eq(harness_col(&H, R_NAME, "孙八"), X0);
    ck_assert_int_eq(harness_col(&H, R_BIRTH, "2020-1-25"), X0);
    harness_stop(&H);
}
END_TEST

START_TEST(test_vertical_scroll)
{
    static struct fv_field f[30];
    static char labels[30][24];
    for (int i = 0; i < 30; i++) {
        snprintf(labels[i], sizeof labels[i], "字段%02d", i + 1);
        f[i] = (struct fv_field){ .label = labels[i], .type = FV_TEXT,
                                  .max_chars = 8 };
    }
    formview *fv = start_form(f, 30);
    harness_run(&H);
    ck_assert_int_eq(harness_find(&H, "字段01："), 1);
    ck_assert_int_eq(harness_find(&H, "字段30"), -1);
    for (int i = 0; i < 29; i++)
        harness_key(&H, '\t');
    harness_type(&H, "末");
    harness_run(&H);
    ck_assert_int_eq(fv_focus(fv), 29);
    ck_assert_int_eq(harness_find(&H, "字段30： 末"), 21);
    ck_assert_int_eq(harness_find(&H, "字段01"), -1);
    int y, x;
    fv_cursor_pos(fv, &y, &x);
    ck_assert_int_eq(y, 20);
    harness_key(&H, '\t');    /* wraps to the top */
    harness_run(&H);
    ck_assert_int_eq(harness_find(&H, "字段01："), 1);
    harness_stop(&H);
}
END_TEST

START_TEST(test_error_below_when_narrow)
{
    static const struct fv_field f[] = {
        { .label = "电话", .type = FV_PHONE, .width = 60 },
        { .label = "姓名", .type = FV_TEXT, .required = true },
    };
    formview *fv = start_form(f, 2);
    harness_type(&H, "999");
    harness_key(&H, '\t');
    harness_run(&H);
    ck_assert_ptr_nonnull(fv_error(fv, 0));
    /* Labels take 7 ("*姓名："), the field 8..67: 11 < 16 columns
     * remain, so the message goes on the row below, under the field. */
    int y = harness_find(&H, "电话号码格式不对");
    dump_on_fail(y == 2);
    ck_assert_int_eq(y, 2);
    ck_assert_int_eq(harness_col(&H, 2, "电话号码格式不对"), 8);
    ck_assert_int_eq(harness_find(&H, "*姓名："), 3);
    harness_stop(&H);
}
END_TEST

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("ZHIBU_TODAY", "2024-06-01", 1);
    Suite *s = suite_create("formview");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_layout_and_cjk_text);
    tcase_add_test(tc, test_max_chars);
    tcase_add_test(tc, test_date);
    tcase_add_test(tc, test_idnum);
    tcase_add_test(tc, test_required_and_validate_all);
    tcase_add_test(tc, test_choice_and_picker);
    tcase_add_test(tc, test_bool_ref_readonly);
    tcase_add_test(tc, test_dirty);
    tcase_add_test(tc, test_hscroll);
    tcase_add_test(tc, test_multiline);
    tcase_add_test(tc, test_resize_keeps_text);
    tcase_add_test(tc, test_vertical_scroll);
    tcase_add_test(tc, test_error_below_when_narrow);
    tcase_add_test(tc, test_error_at_named_field);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
