/* The report screen (工作报表) on the fixture of tests/report_fixture.c:
 * opened from the home menu with 0, scrolled, the period and the
 * organisation changed, saved to a file (and replaced after asking). */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "report_fixture.h"
#include "screens.h"
#include "testutil.h"
#include "tui/key.h"

static db *d;
static struct zb_ctx ctx;
static struct harness h;
static struct rf_ids x;

static void setup(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    d = tu_open();
    rf_build(d, &x);
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

static bool row_has(const char *key, const char *text)
{
    char row[1024];
    int y = harness_find(&h, key);
    if (y < 0)
        return false;
    harness_row(&h, y, row, sizeof row);
    return strstr(row, text) != NULL;
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

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

START_TEST(report_screen)
{
    tui_app_push(h.app, home_screen_new(h.app, &ctx));
    harness_run(&h);
    dump_on_fail(has("0  工作报表") && has("9  帮扶预警"), "home menu item");
    harness_key(&h, '0');
    harness_run(&h);
    dump_on_fail(title_is("工作报表  2026年  全部组织"), "title");
    /* the year on 2026-11-22: 8 on the register, mA5 unmarked counted */
    dump_on_fail(row_has("期末党员总数", "8 名"), "members");
    dump_on_fail(has("统计期间：2026年（2026-01-01 至 2026-12-31）"), "period");
    dump_on_fail(!has("五、总结用语"), "summary below the fold");
    dump_on_fail(has("第 1-"), "position");

    /* End: the summary, wrapped to the screen's 80 columns */
    harness_key(&h, TUI_FN(KEY_END));
    harness_run(&h);
    dump_on_fail(has("五、总结用语（可直接粘贴）"), "summary at the end");
    dump_on_fail(has("截至 2026年11月22日，共有党员 8 名"), "first sentence");
    dump_on_fail(has("    ") && !has("~"), "wrapped, not cut");
    harness_key(&h, TUI_FN(KEY_HOME));
    harness_run(&h);
    dump_on_fail(has("党建工作统计报表"), "back to the top");
    harness_key(&h, TUI_FN(KEY_NPAGE));
    harness_run(&h);
    dump_on_fail(!has("党建工作统计报表"), "page down");

    /* t: the first half */
    harness_key(&h, 't');
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, "2026H1");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("工作报表  2026年上半年  全部组织"), "period title");
    dump_on_fail(has("党建工作统计报表"), "new report from the top");
    harness_key(&h, TUI_FN(KEY_NPAGE));
    harness_run(&h);
    dump_on_fail(row_has("支部党员大会", "4"), "H1 meetings table");
    for (int i = 0; i < 3; i++)
        harness_key(&h, TUI_FN(KEY_DOWN));
    harness_run(&h);
    dump_on_fail(row_has("出勤率（出席+迟到/应到）", "65.4%"), "H1 rate");

    /* o: organisation A */
    harness_key(&h, 'o');
    harness_type(&h, "东湖第一");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("工作报表  2026年上半年  东湖第一网格党支部"),
                 "org title");
    dump_on_fail(has("统计范围：青松街道党工委/东湖第一网格党支部"), "scope");

    /* w: saved under the name typed */
    const char *path = tu_path("报表.txt");
    harness_key(&h, 'w');
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, path);
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(has("报表已保存到"), "saved message");
    char *text = slurp(path);
    ck_assert_ptr_nonnull(text);
    ck_assert(strstr(text, "统计范围：青松街道党工委/东湖第一网格党支部\n"));
    ck_assert(strstr(text, "截至 2026年6月30日，共有党员 7 名"));

    /* again: asks before replacing (the dialog is gone by the time the
     * screen is read: its answers show it); n keeps the file */
    FILE *f = fopen(path, "w");
    fputs("old\n", f);
    fclose(f);
    harness_key(&h, 'w');
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, path);
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, 'n');
    harness_run(&h);
    ck_assert_str_eq(slurp(path), "old\n");
    harness_key(&h, 'w');
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, path);
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, 'y');
    harness_run(&h);
    ck_assert(strstr(slurp(path), "党建工作统计报表"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("screens_report");
    TCase *tc = tcase_create("report");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, report_screen);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
