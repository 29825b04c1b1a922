/* The import screen (导入数据, home menu key i) on CSV fixtures written to
 * the test's directory: a clean file dry-run then imported (and seen on
 * the home and member screens), a file with bad rows refused with every
 * reason listed, a report of 1,000 bad rows scrolled, organisations
 * created on request, ~ and a wrong encoding. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "model/org.h"
#include "screens.h"
#include "testutil.h"
#include "tui/key.h"

static db *d;
static struct zb_ctx ctx;
static struct harness h;

#define HEADER "姓名,性别,公民身份号码,人员类别,所在党支部,加入党组织日期," \
               "转为正式党员日期"

static void setup(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    d = tu_open();
    int64_t root = tu_org(d, 0, "试点社区党委", "社区党委");
    tu_org(d, root, "试点网格党支部", "网格党支部");
    ctx.db = d;
    ck_assert_int_eq(harness_start(&h, 24, 80), 0);
}

static void teardown(void)
{
    harness_stop(&h);
    db_close(d);
    tu_cleanup();
}

static void dump_on_fail(int ok, const char *what)
{
    if (!ok) {
        harness_dump(&h, stderr);
        ck_abort_msg("%s", what);
    }
}

static bool has(const char *text)
{
    return harness_find(&h, text) >= 0;
}

static bool title_is(const char *prefix)
{
    char row[1024];
    harness_row(&h, 0, row, sizeof row);
    const char *p = row;
    while (*p == ' ')
        p++;
    return strncmp(p, prefix, strlen(prefix)) == 0;
}

static long members(void)
{
    long full = -1, prob = -1;
    zb_err e;
    ck_assert_int_eq(org_member_totals(d, &full, &prob, &e), 0);
    return full + prob;
}

/* An 18-digit ID number from 17 digits and the GB 11643 check digit. */
static const char *idnum(const char *first17)
{
    static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8,
                              4, 2};
    static char out[4][19];
    static int next;
    char *o = out[next++ % 4];
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (first17[i] - '0') * w[i];
    snprintf(o, 19, "%.17s%c", first17, "10X98765432"[sum % 11]);
    return o;
}

static const char *write_file(const char *name, const char *text)
{
    const char *path = tu_path(name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs("\xEF\xBB\xBF", f);   /* as Excel saves "CSV UTF-8" */
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
    return path;
}

/* Three members of 试点网格党支部, CRLF line ends. */
static const char *good_file(const char *org)
{
    char text[2048];
    snprintf(text, sizeof text,
             HEADER "\r\n"
             "甘霖泽,男,%s,正式党员,%s,2015-07-01,2016-07-01\r\n"
             "柯雨桐,女,%s,预备党员,%s,2026/3/1,\r\n"
             "郎望舒,男,%s,正式党员,%s,2001年7月1日,20020701\r\n",
             idnum("11010119900307123"), org, idnum("11010119851122456"), org,
             idnum("32050219770615789"), org);
    return write_file("good.csv", text);
}

/* From the home menu: i, the kind, the path, the encoding (Enter: 自动识别),
 * and for members the organisations question (answer). */
static void open_import(const char *kind, const char *path, int answer)
{
    tui_app_push(h.app, home_screen_new(h.app, &ctx));
    harness_run(&h);
    dump_on_fail(has("i  导入数据"), "home menu item");
    harness_key(&h, 'i');
    harness_type(&h, kind);
    harness_key(&h, TUI_KEY_ENTER);
    harness_type(&h, path);
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, TUI_KEY_ENTER);
    if (answer)
        harness_key(&h, answer);
    harness_run(&h);
}

START_TEST(good_file_imported)
{
    open_import("党员", good_file("试点网格党支部"), 'n');
    dump_on_fail(title_is("导入数据  党员"), "title");
    dump_on_fail(has("试运行：新增 3，更新 0，错误 0。按 F2 导入"), "summary");
    dump_on_fail(has("导入党员：good.csv（UTF-8，逗号分隔）"), "report");
    dump_on_fail(has("结果：新增 3，更新 0，错误 0。试运行，未写入数据库。"),
                 "report's result");
    dump_on_fail(has("不存在的党组织：只列出"), "orgs setting");
    ck_assert_int_eq(members(), 0);   /* the dry run wrote nothing */

    /* F2, then n: still nothing */
    harness_key(&h, TUI_FN(KEY_F(2)));
    harness_key(&h, 'n');
    harness_run(&h);
    ck_assert_int_eq(members(), 0);
    dump_on_fail(has("按 F2 导入"), "still ready");

    harness_key(&h, TUI_FN(KEY_F(2)));
    harness_key(&h, 'y');
    harness_run(&h);
    dump_on_fail(has("已导入：新增 3，更新 0"), "imported");
    dump_on_fail(has("结果：新增 3，更新 0，错误 0。已导入。"), "report");
    ck_assert_int_eq(members(), 3);

    /* again: refused until dry-run again */
    harness_key(&h, 'y');
    harness_run(&h);
    dump_on_fail(has("已经导入"), "no second import");
    ck_assert_int_eq(members(), 3);
    /* r: the same file now matches the register */
    harness_key(&h, 'r');
    harness_run(&h);
    dump_on_fail(has("试运行：新增 0，更新 0，错误 0，3 行与库中相同"),
                 "dry run again");

    /* back home: the counts were read again; 1 lists the new members */
    harness_key(&h, TUI_KEY_ESC);
    harness_run(&h);
    dump_on_fail(has("党员 3（正式 2，预备 1）"), "home counts");
    harness_key(&h, '1');
    harness_run(&h);
    dump_on_fail(has("甘霖泽") && has("柯雨桐") && has("郎望舒"),
                 "members listed");
}
END_TEST

START_TEST(bad_rows_refused)
{
    char text[2048];
    snprintf(text, sizeof text,
             HEADER ",微信号\n"
             "甘霖泽,男,%s,正式党员,试点网格党支部,2015-07-01,2016-07-01,\n"
             "柯雨桐,女,110101198511224560,预备党员,试点网格党支部,2026/3/1,,\n"
             "郎望舒,男,%s,正式党员,试点网格党支部,2001-07-01,2002-07-01,x\n"
             "钮星河,男,%s,正式党员,试点网格党支部,2021年13月1日,2022-07-01,\n"
             "濮秋实,女,%s,正式党员,试点网格党支部,2010-07-01,2011-07-01,\n",
             idnum("11010119900307123"), idnum("32050219770615789"),
             idnum("32050219800101123"), idnum("32050219810202234"));
    open_import("党员", write_file("bad.csv", text), 'n');
    dump_on_fail(has("试运行：新增 3，更新 0，错误 2 行。有错误，不能导入"),
                 "summary");
    dump_on_fail(has("未识别的列（已忽略）：微信号（第 8 列）"), "unknown column");
    dump_on_fail(has("错误（2 行）："), "errors head");
    dump_on_fail(has("第 3 行「公民身份号码」：公民身份号码校验位错误"),
                 "first reason");
    dump_on_fail(has("第 5 行「加入党组织日期」：无法识别的日期"),
                 "second reason");
    dump_on_fail(has("有错误，未导入任何数据。"), "report's result");

    harness_key(&h, TUI_FN(KEY_F(2)));
    harness_run(&h);
    dump_on_fail(has("有 2 行错误，不能导入：请改正文件后按 r 重新试运行"),
                 "import refused");
    harness_key(&h, 'y');
    harness_key(&h, 'y');
    harness_run(&h);
    ck_assert_int_eq(members(), 0);
}
END_TEST

START_TEST(long_report_scrolls)
{
    size_t cap = 256 * 1024, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text + len, cap - len, HEADER "\n");
    for (int i = 0; i < 1000; i++) {
        char base[32];
        /* odd sequence numbers: men */
        snprintf(base, sizeof base, "1101011990030%d%03d", 7 + i / 500,
                 i % 500 * 2 + 1);
        len += (size_t)snprintf(text + len, cap - len,
                                "党员%04d,男,%s,正式党员,试点网格党支部,"
                                "2015-07-01,2016-7-32\n", i, idnum(base));
    }
    open_import("党员", write_file("long.csv", text), 'n');
    free(text);
    dump_on_fail(has("错误 1000 行。有错误，不能导入"), "summary");
    dump_on_fail(has("错误（1000 行）："), "errors head");
    dump_on_fail(has("第 2 行「转为正式党员日期」"), "first row");
    dump_on_fail(has("第 1-16/2003 行"), "position");

    harness_key(&h, TUI_FN(KEY_END));
    harness_run(&h);
    dump_on_fail(has("第 1001 行「转为正式党员日期」"), "last row");
    dump_on_fail(has("结果：新增 0，更新 0，错误 1000。"), "result at the end");
    dump_on_fail(has("第 1988-2003/2003 行"), "position at the end");
    dump_on_fail(has("错误 1000 行。有错误"), "summary stays");
    harness_key(&h, TUI_FN(KEY_PPAGE));
    harness_key(&h, TUI_FN(KEY_UP));
    harness_run(&h);
    dump_on_fail(has("第 1972-1987/2003 行"), "page up");
    harness_key(&h, TUI_FN(KEY_HOME));
    harness_key(&h, TUI_FN(KEY_NPAGE));
    harness_run(&h);
    dump_on_fail(has("第 16-31/2003 行") && !has("第 2 行「"), "page down");
    harness_key(&h, TUI_FN(KEY_F(2)));
    harness_run(&h);
    dump_on_fail(has("有 1000 行错误，不能导入"), "refused");
    ck_assert_int_eq(members(), 0);
}
END_TEST

START_TEST(orgs_created_on_request)
{
    open_import("党员", good_file("新设网格党支部"), 'n');
    dump_on_fail(has("错误 3 行。有错误，不能导入"), "unknown org: errors");
    dump_on_fail(has("不存在的党组织（1 个，按 o 可设为自动新建）"),
                 "the screen's hint");
    harness_key(&h, 'o');
    harness_run(&h);
    dump_on_fail(has("不存在的党组织：自动新建"), "setting");
    dump_on_fail(has("试运行：新增 3，更新 0，错误 0。按 F2 导入"), "ready");
    dump_on_fail(has("将新建（本次未写入）的党组织（1 个）"), "orgs listed");
    ck_assert_int_eq(members(), 0);
    harness_key(&h, TUI_FN(KEY_F(2)));
    harness_key(&h, TUI_KEY_TAB);     /* [否] -> [是] */
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(has("已导入：新增 3，更新 0"), "imported");
    ck_assert_int_eq(members(), 3);
}
END_TEST

START_TEST(path_and_encoding)
{
    good_file("试点网格党支部");
    setenv("HOME", tu_dir(), 1);
    tui_app_push(h.app, home_screen_new(h.app, &ctx));
    /* Esc at the kind: nothing opens */
    harness_key(&h, 'i');
    harness_key(&h, TUI_KEY_ESC);
    harness_run(&h);
    dump_on_fail(title_is("zhibu  社区党建"), "still home");

    harness_key(&h, 'i');
    harness_key(&h, TUI_KEY_ENTER);            /* 党员 is first */
    harness_type(&h, "/no/such/file.csv");
    harness_key(&h, TUI_KEY_ENTER);            /* refused: stays */
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, "'~/good.csv'");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, TUI_FN(KEY_DOWN));         /* GB18030 */
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, 'n');
    harness_run(&h);
    dump_on_fail(title_is("导入数据  党员"), "title");
    char want[1200];
    snprintf(want, sizeof want, "CSV 文件：%s/good.csv", tu_dir());
    dump_on_fail(has(want), "~ expanded");
    dump_on_fail(has("文件编码：GB18030"), "encoding setting");
    dump_on_fail(has("无法试运行，原因如下") && has("既不是有效的 UTF-8"),
                 "UTF-8 read as GB18030");
    harness_key(&h, TUI_FN(KEY_F(2)));
    harness_run(&h);
    dump_on_fail(has("文件无法读取，不能导入"), "refused");

    harness_key(&h, 'e');
    harness_key(&h, TUI_FN(KEY_HOME));
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(has("文件编码：自动识别"), "encoding back");
    dump_on_fail(has("试运行：新增 3，更新 0，错误 0。按 F2 导入"), "ready");

    /* t: another kind re-runs on the same file: no grid columns */
    harness_key(&h, 't');
    harness_type(&h, "走访");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("导入数据  走访记录"), "kind changed");
    dump_on_fail(!has("不存在的党组织："), "no orgs setting for visits");
    dump_on_fail(has("无法试运行，原因如下") && has("找不到标题行"),
                 "not a visits file");
    ck_assert_int_eq(members(), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("screens_import");
    TCase *tc = tcase_create("import");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, good_file_imported);
    tcase_add_test(tc, bad_rows_refused);
    tcase_add_test(tc, long_report_scrolls);
    tcase_add_test(tc, orgs_created_on_request);
    tcase_add_test(tc, path_and_encoding);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
