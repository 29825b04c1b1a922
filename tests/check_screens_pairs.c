/* Screen tests of 结对帮扶, the register side: the household list and
 * its filters, closing with a reason, the household form (refusals at
 * the fields, nothing saved), a household's helpers and visits, the
 * pair form's load-limit question and the visit form's money field.
 * Fixture: tests/pairscreens.c. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/household.h"
#include "model/pair.h"
#include "pairscreens.h"
#include "screens.h"
#include "tui/key.h"

static long households_total(void)
{
    struct household_query q = {.view = HV_ALL};
    long n = -1;
    zb_err e;
    ck_assert(household_count(d, &q, &n, &e) == 0);
    return n;
}

/* ---- the register ---- */

START_TEST(home_opens_pairing_screens)
{
    push(home_screen_new(h.app, &ctx));
    harness_key(&h, '8');
    harness_run(&h);
    dump_on_fail(title_is("结对帮扶  帮扶中"), "8 opens the register");
    harness_key(&h, TUI_KEY_ESC);
    harness_key(&h, '9');
    harness_run(&h);
    dump_on_fail(title_is("帮扶预警"), "9 opens the overdue lists");
}
END_TEST

START_TEST(households_list_and_filters)
{
    push(households_screen_new(h.app, &ctx));
    dump_on_fail(title_is("结对帮扶  帮扶中") && has("第 1/3 条"),
                 "three open households");
    dump_on_fail(!has("孙兰英"), "the closed one is hidden");
    dump_on_fail(under("陈桂兰", "低保、孤老", "类别"), "kinds, short");
    dump_on_fail(under("陈桂兰", "较重困难", "困难程度"), "level");
    dump_on_fail(under("陈桂兰", "3号楼", "网格"), "grid node");
    dump_on_fail(under("陈桂兰", "王强", "帮扶人"), "helper");
    dump_on_fail(under("陈桂兰", "2026-05-01", "最近走访"), "last visit");
    dump_on_fail(under("刘小梅", "未结对", "帮扶人") &&
                 under("刘小梅", "未走访", "最近走访"), "unpaired row");
    dump_on_fail(under("周建国", "帮扶中", "状态"), "status");

    /* text filter */
    qk((int[]){'/', 0});
    harness_type(&h, "周");
    harness_run(&h);
    dump_on_fail(has("第 1/1 条") && has("周建国") && !has("陈桂兰"),
                 "filter by name");
    keys((int[]){TUI_KEY_ESC, 0});
    dump_on_fail(has("/3 条") && has("陈桂兰"), "filter cleared");

    /* kind */
    qk((int[]){'k', 0});
    harness_type(&h, "单亲");
    keys((int[]){TUI_KEY_ENTER, 0});
    dump_on_fail(title_is("结对帮扶  帮扶中  单亲家庭") && has("第 1/1 条") &&
                 has("刘小梅"), "kind filter");
    keys((int[]){'k', TUI_FN(KEY_HOME), TUI_KEY_ENTER, 0});
    dump_on_fail(has("/3 条"), "all kinds");

    /* status: 帮扶中 -> 已销号 -> 全部 */
    keys((int[]){'c', 0});
    dump_on_fail(title_is("结对帮扶  已销号") && has("第 1/1 条") &&
                 under("孙兰英", "已销号", "状态"), "closed ones");
    keys((int[]){'c', 0});
    dump_on_fail(title_is("结对帮扶  全部") && has("/4 条") && in_body("孙兰英"),
                 "all");

    /* grid subtree */
    qk((int[]){'g', 0});
    harness_type(&h, "5号楼");
    keys((int[]){TUI_KEY_ENTER, 0});
    dump_on_fail(title_is("结对帮扶  全部  东湖社区/第一片区/第一网格/5号楼") &&
                 has("第 1/2 条") && has("周建国") && has("孙兰英"),
                 "grid filter");
    /* level */
    qk((int[]){'l', 0});
    harness_type(&h, "特别");
    keys((int[]){TUI_KEY_ENTER, 0});
    dump_on_fail(has("第 1/1 条") && has("周建国") && !has("孙兰英"),
                 "level filter");
}
END_TEST

START_TEST(households_close_asks_reason)
{
    push(households_screen_new(h.app, &ctx));
    qk((int[]){'/', 0});
    harness_type(&h, "刘小梅");
    /* no history: 销号 or 删除; 销号, reason 已脱困, date today */
    keys((int[]){TUI_KEY_ENTER, 'd', TUI_KEY_ENTER, TUI_KEY_ENTER,
                 TUI_KEY_ENTER, 0});
    dump_on_fail(has("已销号：刘小梅（已脱困，2026-11-22）"), "closed");
    household *x = malloc(sizeof *x);
    zb_err e;
    ck_assert(household_get(d, liu, x, &e) == 0);
    ck_assert_int_eq(x->status, HH_CLOSED);
    ck_assert_str_eq(x->close_reason, "已脱困");
    ck_assert_str_eq(x->closed, "2026-11-22");
    free(x);
    /* with history (陈桂兰 has a pair): straight to the reason; 其他 asks
     * for it in words */
    keys((int[]){TUI_KEY_ESC, 0});
    dump_on_fail(has("/2 条") && !has("刘小梅"), "two open ones left");
    harness_type(&h, "/陈桂兰");
    keys((int[]){TUI_KEY_ENTER, 0});
    dump_on_fail(has("第 1/1 条") && has("陈桂兰"), "filtered");
    qk((int[]){'d', TUI_FN(KEY_END), TUI_KEY_ENTER, 0});
    harness_type(&h, "投靠子女");
    keys((int[]){TUI_KEY_ENTER, TUI_KEY_ENTER, 0});
    dump_on_fail(has("已销号：陈桂兰（投靠子女，2026-11-22）"), "其他");
}
END_TEST

/* ---- the household form ---- */

START_TEST(household_form_refusals_then_save)
{
    long before = households_total();
    push(households_screen_new(h.app, &ctx));
    keys((int[]){'a', 0});
    dump_on_fail(title_is("帮扶对象 - 新增"), "form title");
    dump_on_fail(row_has("登记日期", "2026-11-22") && !has("困难党员") &&
                 !has("销号原因"), "defaults");
    harness_type(&h, "吴大妈");
    /* 类别 left empty; 困难程度; 家庭人口 0; 电话 12345 */
    qk((int[]){'\t', '\t', '\t', TUI_CTRL('u'), 0});
    harness_type(&h, "0");
    qk((int[]){'\t', 0});
    harness_type(&h, "12345");
    keys((int[]){'\t', TUI_FN(KEY_F(2)), 0});
    dump_on_fail(has("请改正后再保存"), "save refused");
    dump_on_fail(field_says("类别", "请至少选择一种帮扶对象类别"),
                 "kinds message");
    dump_on_fail(field_says("家庭人口", "家庭人口应为 1–99"), "size message");
    dump_on_fail(field_says("联系电话", "电话号码格式"), "phone message");
    ck_assert_int_eq(households_total(), before);

    /* the failed save focused 类别: the toggle list, 低保户 and 困难党员 */
    keys((int[]){TUI_KEY_ENTER, TUI_KEY_ENTER, TUI_FN(KEY_DOWN),
                 TUI_FN(KEY_DOWN), TUI_KEY_ENTER, TUI_FN(KEY_HOME),
                 TUI_KEY_ENTER, 0});
    dump_on_fail(row_has("类别", "低保户、困难党员") && has("困难党员："),
                 "kinds picked, member field shown");
    /* 困难党员 without a member is refused at that field */
    keys((int[]){TUI_FN(KEY_F(2)), 0});
    dump_on_fail(field_says("困难党员：", "困难党员须关联党员档案"),
                 "member required");
    ck_assert_int_eq(households_total(), before);
    /* pick 张卫 from the register */
    qk((int[]){TUI_KEY_ENTER, 0});
    harness_type(&h, "张卫");
    keys((int[]){TUI_KEY_ENTER, TUI_KEY_ENTER, 0});
    dump_on_fail(row_has("困难党员：", "张卫"), "member picked");
    qk((int[]){'\t', '\t', TUI_CTRL('u'), 0});
    harness_type(&h, "2");
    keys((int[]){'\t', TUI_CTRL('u'), TUI_FN(KEY_F(2)), 0});
    dump_on_fail(has("已保存：吴大妈") && title_is("结对帮扶"), "saved");
    ck_assert_int_eq(households_total(), before + 1);
    dump_on_fail(has("第 4/4 条") || has("吴大妈"), "cursor on the new one");

    struct household_query q = {.view = HV_ALL, .filter = "吴大妈"};
    struct household_row row;
    int n = 0;
    zb_err e;
    ck_assert(household_window(d, &q, 0, 1, &row, &n, &e) == 0);
    ck_assert_int_eq(n, 1);
    ck_assert_uint_eq(row.kinds, HH_KIND_BIT(HK_DIBAO) |
                                 HH_KIND_BIT(HK_PARTY));
    ck_assert_int_eq(row.size, 2);
    household *x = malloc(sizeof *x);
    ck_assert(household_get(d, row.id, x, &e) == 0);
    ck_assert(x->member_id == zhangwei);
    free(x);
}
END_TEST

/* ---- a household: helpers and visits ---- */

START_TEST(household_view_pairs_visits_followup)
{
    push(household_view_new(h.app, &ctx, zhou));
    dump_on_fail(title_is("帮扶对象  周建国"), "title");
    dump_on_fail(row_has("周建国", "残疾人") && row_has("周建国", "特别困难"),
                 "header");
    dump_on_fail(has("东湖社区/第一片区/第一网格/5号楼"), "grid path");
    dump_on_fail(under("李红", "2026-09-01", "开始"), "the pair");
    dump_on_fail(has("走访记录：1 次  慰问金 1,000.00 元  物品价值 200.00 元"),
                 "visit totals");
    dump_on_fail(under_right("上门看望", "1000.00", "慰问金") &&
                 under_right("上门看望", "200.00", "物品价值"),
                 "visit money columns");
    dump_on_fail(row_has("上门看望", "申请残疾补贴"), "follow-up shown");
    /* f: the follow-up done today */
    keys((int[]){'f', TUI_KEY_ENTER, 0});
    dump_on_fail(has("已办结：申请残疾补贴（2026-11-22）"), "done");
    visit *v = malloc(sizeof *v);
    zb_err e;
    ck_assert(visit_get(d, visit_zhou, v, &e) == 0);
    ck_assert_str_eq(v->followup_done, "2026-11-22");
    free(v);
    /* Tab to the helpers, x ends the pair on the date given */
    qk((int[]){'\t', 'x', TUI_CTRL('u'), 0});
    harness_type(&h, "2026-11-20");
    keys((int[]){TUI_KEY_ENTER, 0});
    dump_on_fail(has("已结束结对：李红（2026-11-20）"), "ended");
    pair *p = malloc(sizeof *p);
    ck_assert(pair_get(d, pair_zhou, p, &e) == 0);
    ck_assert_str_eq(p->end_date, "2026-11-20");
    free(p);
}
END_TEST

START_TEST(pair_above_limit_asks)
{
    cfg.pair_max_load = 1;
    push(household_view_new(h.app, &ctx, liu));
    dump_on_fail(has("帮扶人：在帮 0 人"), "no helper yet");
    /* p: a new pair; the picker lists the community's members, 王强 (who
     * already helps one) marked full */
    qk((int[]){'p', TUI_KEY_ENTER, 0});
    harness_type(&h, "王强");
    keys((int[]){TUI_KEY_ENTER, 0});
    dump_on_fail(row_has("结对党员", "王强"), "王强 picked");
    /* saving asks; n keeps it unsaved */
    keys((int[]){TUI_FN(KEY_F(2)), 'n', 0});
    dump_on_fail(has("未保存：可另选帮扶人") && title_is("结对 - 新增帮扶人"),
                 "asked, not saved");
    struct pair_row *rows = NULL;
    ck_assert_int_eq(pairs_of(liu, &rows), 0);
    free(rows);
    /* y saves above the limit */
    keys((int[]){TUI_FN(KEY_F(2)), 'y', 0});
    dump_on_fail(has("已保存结对：刘小梅") && has("帮扶人：在帮 1 人"),
                 "saved after yes");
    ck_assert_int_eq(pairs_of(liu, &rows), 1);
    ck_assert(rows[0].member_id == wangqiang);
    free(rows);
}
END_TEST

START_TEST(visit_money_field)
{
    push(household_view_new(h.app, &ctx, chen));
    keys((int[]){'v', 0});
    dump_on_fail(title_is("走访记录 - 新增 陈桂兰"), "visit form");
    dump_on_fail(row_has("帮扶人：", "王强"), "the only helper preset");
    /* 日期 -> 帮扶人 -> 类型 (慰问) -> 帮扶内容 -> 慰问金 */
    qk((int[]){'\t', '\t', TUI_FN(KEY_RIGHT), '\t', 0});
    harness_type(&h, "送米送油");
    qk((int[]){'\t', 0});
    harness_type(&h, "12.345");
    keys((int[]){'\t', 0});
    dump_on_fail(field_says("慰问金（元）", "最多两位小数"), "12.345 refused");
    keys((int[]){TUI_FN(KEY_F(2)), 0});
    dump_on_fail(has("请改正后再保存"), "save refused");
    struct pair_row *rows = NULL;
    ck_assert_int_eq(pairs_of(chen, &rows), 1);
    ck_assert_int_eq(rows[0].visits, 1);
    free(rows);
    /* other forms people type */
    qk((int[]){TUI_CTRL('u'), 0});
    harness_type(&h, "五百");
    keys((int[]){'\t', 0});
    dump_on_fail(field_says("慰问金（元）", "请用数字填写金额"), "五百 refused");
    qk((int[]){TUI_FN(KEY_BTAB), TUI_CTRL('u'), 0});
    harness_type(&h, "￥500.50");
    keys((int[]){'\t', 0});
    dump_on_fail(row_has("慰问金（元）", "500.50") &&
                 !field_says("慰问金（元）", "金额"), "500.50 accepted");
    keys((int[]){TUI_CTRL('s'), 0});
    dump_on_fail(has("已保存走访：2026-11-22 陈桂兰，慰问金 500.50 元"),
                 "saved");
    dump_on_fail(under_right("送米送油", "500.50", "慰问金"), "listed");
    ck_assert_int_eq(pairs_of(chen, &rows), 1);
    ck_assert_int_eq(rows[0].visits, 2);
    ck_assert_str_eq(rows[0].last_visit, "2026-11-22");
    free(rows);
    struct visit_row *vr = NULL;
    int n = 0;
    zb_err e;
    ck_assert(visit_list_household(d, chen, &vr, &n, &e) == 0);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq((int)vr[0].cash_fen, 50050);
    ck_assert_int_eq(vr[0].kind, VK_CONDOLENCE);
    free(vr);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("screens_pairs");
    TCase *tc = tcase_create("pairs");
    tcase_add_checked_fixture(tc, ps_setup, ps_teardown);
    tcase_add_test(tc, home_opens_pairing_screens);
    tcase_add_test(tc, households_list_and_filters);
    tcase_add_test(tc, households_close_asks_reason);
    tcase_add_test(tc, household_form_refusals_then_save);
    tcase_add_test(tc, household_view_pairs_visits_followup);
    tcase_add_test(tc, pair_above_limit_asks);
    tcase_add_test(tc, visit_money_field);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
