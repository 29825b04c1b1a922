/* Screen tests of 结对帮扶, the overview side: the overdue lists, the
 * pairing assistant (reasons, accept one, accept all, pick another),
 * the totals and a member's pairs. Fixture: tests/pairscreens.c. */
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

START_TEST(overdue_lists)
{
    push(overdue_screen_new(h.app, &ctx));
    dump_on_fail(title_is("帮扶预警  超期未走访"), "title");
    dump_on_fail(has("[超期未走访 2]") && has("未结对 1") &&
                 has("跟进逾期 1"), "counts");
    /* 2026-05-01 .. 2026-11-22: 205 days, over the 90 of 较重困难 */
    dump_on_fail(under_right("陈桂兰", "205", "未走访天数") &&
                 row_has("陈桂兰", "2026-05-01"), "chen overdue");
    dump_on_fail(row_has("刘小梅", "从未走访") &&
                 under_right("刘小梅", "356", "未走访天数"),
                 "never visited: since registration");
    dump_on_fail(!has("周建国"), "visited recently");
    keys((int[]){'\t', 0});
    dump_on_fail(title_is("帮扶预警  未结对") && has("刘小梅") &&
                 !has("陈桂兰"), "unpaired");
    keys((int[]){'\t', 0});
    dump_on_fail(title_is("帮扶预警  跟进逾期") &&
                 row_has("周建国", "申请残疾补贴") &&
                 under_right("周建国", "12", "逾期天数"), "follow-up late");
    keys((int[]){TUI_KEY_ENTER, 0});
    dump_on_fail(title_is("帮扶对象  周建国"), "Enter opens the household");
}
END_TEST

START_TEST(assistant_reason_and_accept)
{
    int64_t zheng = ps_household("郑秀英", HH_KIND_BIT(HK_ELDERLY), 3, b5);
    push(assist_screen_new(h.app, &ctx, 0));
    dump_on_fail(title_is("结对推荐"), "title");
    dump_on_fail(has("未结对 2 户，可推荐 2 户"), "summary");
    /* 张卫 lives in 3号楼 with no pair; 王强 there already helps one */
    dump_on_fail(under("刘小梅", "张卫", "推荐帮扶人") &&
                 row_has("刘小梅", "同一楼栋，当前帮扶 0 户"), "reason");
    /* level 3 first: 郑秀英 in 5号楼 gets 李红 (same building, 1 pair) */
    dump_on_fail(harness_find(&h, "郑秀英") < harness_find(&h, "刘小梅") &&
                 row_has("郑秀英", "李红") &&
                 row_has("郑秀英", "同一楼栋，当前帮扶 1 户"), "hardest first");
    /* Enter accepts the selected one (郑秀英) */
    keys((int[]){TUI_KEY_ENTER, 0});
    dump_on_fail(has("已结对：李红 帮扶 郑秀英"), "accepted");
    dump_on_fail(has("未结对 1 户") && !in_body("郑秀英") && in_body("刘小梅"),
                 "list refreshed");
    struct pair_row *rows = NULL;
    ck_assert_int_eq(pairs_of(zheng, &rows), 1);
    ck_assert(rows[0].member_id == lihong);
    free(rows);
    /* A: all of the rest after a confirmation */
    keys((int[]){'A', 'y', 0});
    dump_on_fail(has("已结对 1 户") && has("未结对 0 户"), "accept all");
    ck_assert_int_eq(pairs_of(liu, &rows), 1);
    ck_assert(rows[0].member_id == zhangwei);
    free(rows);
}
END_TEST

START_TEST(assistant_pick_other)
{
    push(assist_screen_new(h.app, &ctx, 0));
    /* p: 李红 instead of 张卫 */
    qk((int[]){'p', 0});
    harness_type(&h, "李红");
    keys((int[]){TUI_KEY_ENTER, 0});
    dump_on_fail(has("已结对：李红（编号") && has("未结对 0 户"), "picked");
    struct pair_row *rows = NULL;
    ck_assert_int_eq(pairs_of(liu, &rows), 1);
    ck_assert(rows[0].member_id == lihong);
    free(rows);
}
END_TEST

START_TEST(totals_show_sums)
{
    push(pair_totals_new(h.app, &ctx));
    dump_on_fail(title_is("帮扶统计  2026年下半年  全部组织"), "title");
    dump_on_fail(row_has("统计期间", "2026-07-01 至 2026-12-31"), "period");
    dump_on_fail(row_has("走访", "1 次，走访 1 户"), "visits");
    dump_on_fail(row_has("慰问金", "1,000.00 元"), "cash");
    dump_on_fail(row_has("慰问品价值", "200.00 元"), "goods");
    dump_on_fail(row_has("合计", "1,200.00 元（0.12 万元）"), "sum");
    dump_on_fail(row_has("帮助就业", "1 人"), "jobs");
    dump_on_fail(has("慰问走访 1 户，发放慰问金及慰问品 0.12 万元"),
                 "summary sentence");
    /* the whole year also has 陈桂兰's 300 元 in May */
    qk((int[]){'t', TUI_CTRL('u'), 0});
    harness_type(&h, "2026");
    keys((int[]){TUI_KEY_ENTER, 0});
    dump_on_fail(title_is("帮扶统计  2026年") &&
                 row_has("慰问金", "1,300.00 元") &&
                 row_has("走访", "2 次，走访 2 户"), "year");
    /* a place: only 5号楼 (周建国) */
    qk((int[]){'g', 0});
    harness_type(&h, "5号楼");
    keys((int[]){TUI_KEY_ENTER, 0});
    dump_on_fail(row_has("慰问金", "1,000.00 元") &&
                 row_has("走访", "1 次，走访 1 户"), "grid scope");
}
END_TEST

START_TEST(member_pairs_from_members)
{
    push(members_screen_new(h.app, &ctx));
    qk((int[]){'/', 0});
    harness_type(&h, "王强");
    keys((int[]){TUI_KEY_ENTER, 'b', 0});
    dump_on_fail(title_is("结对帮扶  王强") && has("王强 在帮 1 户"), "title");
    dump_on_fail(under("陈桂兰", "2026-01-01", "开始") &&
                 under("陈桂兰", "2026-05-01", "最近走访"), "the pair");
    keys((int[]){TUI_KEY_ENTER, 0});
    dump_on_fail(title_is("帮扶对象  陈桂兰"), "Enter opens the household");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("screens_assist");
    TCase *tc = tcase_create("assist");
    tcase_add_checked_fixture(tc, ps_setup, ps_teardown);
    tcase_add_test(tc, overdue_lists);
    tcase_add_test(tc, assistant_reason_and_accept);
    tcase_add_test(tc, assistant_pick_other);
    tcase_add_test(tc, totals_show_sums);
    tcase_add_test(tc, member_pairs_from_members);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
