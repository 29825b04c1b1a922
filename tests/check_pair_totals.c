/* The overdue lists, follow-ups past due, totals of a period and the
 * pairing assistant over a temporary database. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "model/assist.h"
#include "model/household.h"
#include "model/pair.h"
#include "pairutil.h"
#include "rules_money.h"
#include "testutil.h"

#define TODAY "2026-06-15"

START_TEST(overdue_and_followups)
{
    db *d = tu_open();
    pu_tree(d);
    int64_t m = pu_member(d, "热心人", 6, NULL);
    /* level 1 visited 100 days ago (overdue at 90), level 1 at 80 days
     * (not), level 3 at 40 days (overdue at 30), never visited: new
     * (not) and registered 200 days ago (overdue) */
    int64_t a = pu_household(d, "甲户", BIT(HK_DIBAO), 1, 5, 0);
    int64_t b = pu_household(d, "乙户", BIT(HK_DIBAO), 1, 5, 0);
    int64_t c = pu_household(d, "丙户", BIT(HK_DIBAO), 3, 5, 0);
    int64_t x = pu_household(d, "丁户", BIT(HK_DIBAO), 2, 5, 0);
    int64_t y = pu_household(d, "戊户", BIT(HK_DIBAO), 2, 5, 0);
    pu_sql(d, "UPDATE household SET registered = '2025-11-01'"
           " WHERE id IN (%lld, %lld, %lld, %lld)", (long long)a,
           (long long)b, (long long)c, (long long)y);
    int64_t pa = pu_pair(d, a, m, "2026-01-01");
    int64_t pb = pu_pair(d, b, m, "2026-01-01");
    int64_t pc = pu_pair(d, c, m, "2026-01-01");
    pu_visit(d, pa, "2026-03-07", 0, 0, 0);   /* 100 days */
    pu_visit(d, pb, "2026-03-27", 0, 0, 0);   /* 80 days */
    int64_t vc = pu_visit(d, pc, "2026-05-06", 0, 0, 0);   /* 40 days */
    struct zb_config zc;
    config_defaults(&zc);
    zb_err e;
    ck_assert_int_eq(config_set(&zc, "visit-days-3", "30", &e), 0);
    struct pair_config cfg;
    pair_config_from(&cfg, &zc);
    ck_assert_int_eq(cfg.visit_days[1], 90);
    ck_assert_int_eq(cfg.visit_days[3], 30);
    ck_assert_int_eq(cfg.max_load, 3);
    struct household_query q = {0};
    q.view = HV_OVERDUE;
    q.visit_days = cfg.visit_days;
    q.sort = HH_SORT_VISIT;
    struct household_row rows[8];
    int nr;
    ck_assert_int_eq(household_window(d, &q, 0, 8, rows, &nr, &e), 0);
    ck_assert_int_eq(nr, 3);
    ck_assert_int_eq(rows[0].id, y);       /* never visited first */
    ck_assert_int_eq(rows[1].id, a);
    ck_assert_int_eq(rows[2].id, c);
    long pos;
    ck_assert_int_eq(household_position(d, &q, c, &pos, &e), 0);
    ck_assert_int_eq(pos, 2);
    ck_assert_int_eq(household_position(d, &q, x, &pos, &e), 0);
    ck_assert_int_eq(pos, -1);
    /* at 90 days for level 3 as well, 丙户 is fine */
    ck_assert_int_eq(config_set(&zc, "visit-days-3", "45", &e), 0);
    pair_config_from(&cfg, &zc);
    long n;
    ck_assert_int_eq(household_count(d, &q, &n, &e), 0);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(config_set(&zc, "visit-days", "60", &e), 0);
    ck_assert_int_eq(config_set(&zc, "visit-days-4", "60", &e), -1);
    pair_config_from(&cfg, &zc);
    ck_assert_int_eq(household_count(d, &q, &n, &e), 0);
    ck_assert_int_eq(n, 3);    /* 乙户 at 80 days now overdue too */
    q.view = HV_UNPAIRED;
    ck_assert_int_eq(household_count(d, &q, &n, &e), 0);
    ck_assert_int_eq(n, 2);

    /* follow-ups: one past due, one due later, one done */
    visit v;
    ck_assert_int_eq(visit_get(d, vc, &v, &e), 0);
    snprintf(v.followup, sizeof v.followup, "联系医院");
    snprintf(v.followup_due, sizeof v.followup_due, "2026-06-01");
    const char *f;
    ck_assert_int_eq(visit_save(d, &v, &f, &e), 0);
    visit w;
    visit_init(&w);
    w.pair_id = pb;
    snprintf(w.date, sizeof w.date, "2026-06-10");
    snprintf(w.followup, sizeof w.followup, "送轮椅");
    snprintf(w.followup_due, sizeof w.followup_due, "2026-06-20");
    ck_assert_int_eq(visit_save(d, &w, &f, &e), 0);
    struct followup_query fq = {NULL, 0};
    ck_assert_int_eq(followup_count(d, &fq, &n, &e), 0);
    ck_assert_int_eq(n, 1);
    struct visit_row vr[4];
    ck_assert_int_eq(followup_window(d, &fq, 0, 4, vr, &nr, &e), 0);
    ck_assert_int_eq(nr, 1);
    ck_assert_str_eq(vr[0].followup, "联系医院");
    ck_assert_str_eq(vr[0].household_name, "丙户");
    ck_assert_int_eq(followup_position(d, &fq, vc, &pos, &e), 0);
    ck_assert_int_eq(pos, 0);
    fq.today = "2026-06-21";
    ck_assert_int_eq(followup_count(d, &fq, &n, &e), 0);
    ck_assert_int_eq(n, 2);
    fq.grid_id = 10;
    ck_assert_int_eq(followup_count(d, &fq, &n, &e), 0);
    ck_assert_int_eq(n, 0);
    fq.grid_id = 0;
    fq.today = NULL;
    ck_assert_int_eq(visit_followup_done(d, vc, "2026-06-12", &e), 0);
    ck_assert_int_eq(followup_count(d, &fq, &n, &e), 0);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(visit_followup_done(d, vc, "2026-06-16", &e), -1);
    db_close(d);
}
END_TEST

START_TEST(totals)
{
    db *d = tu_open();
    pu_tree(d);
    int64_t org = tu_org(d, 0, "东社区党委", "党委");
    int64_t br = tu_org(d, org, "第一支部", "党支部");
    int64_t other = tu_org(d, 0, "西社区党委", "党委");
    int64_t m1 = pu_member(d, "甲", 4, NULL), m2 = pu_member(d, "乙", 4, NULL);
    int64_t m3 = pu_member(d, "丙", 11, NULL);
    pu_sql(d, "UPDATE member SET org_id = %lld WHERE id IN (%lld, %lld)",
           (long long)br, (long long)m1, (long long)m2);
    pu_sql(d, "UPDATE member SET org_id = %lld WHERE id = %lld",
           (long long)other, (long long)m3);
    int64_t h1 = pu_household(d, "一户", BIT(HK_DIBAO) | BIT(HK_DISABLED),
                              1, 5, 0);
    int64_t h2 = pu_household(d, "二户", BIT(HK_DIBAO), 2, 8, 0);
    int64_t h3 = pu_household(d, "三户", BIT(HK_POOR), 1, 11, 0);
    pu_household(d, "四户", BIT(HK_ELDERLY), 1, 6, 0);      /* unpaired */
    int64_t h5 = pu_household(d, "五户", BIT(HK_DIBAO), 1, 6, 0);
    pu_sql(d, "UPDATE household SET registered = '2025-12-01'");
    pu_sql(d, "UPDATE household SET registered = '2026-02-01'"
           " WHERE id = %lld", (long long)h2);
    /* 五户 closed before the period */
    pu_sql(d, "UPDATE household SET status = 2, closed = '2025-12-20',"
           " close_reason = '迁出本社区' WHERE id = %lld", (long long)h5);
    int64_t p1 = pu_pair(d, h1, m1, "2025-12-05");
    int64_t p2 = pu_pair(d, h2, m2, "2026-02-02");
    int64_t p3 = pu_pair(d, h3, m3, "2026-01-10");
    /* partner-unit helper too */
    pair pp;
    pair_init(&pp);
    pp.household_id = h1;
    snprintf(pp.partner_name, sizeof pp.partner_name, "周科长");
    snprintf(pp.partner_unit, sizeof pp.partner_unit, "区民政局");
    snprintf(pp.start_date, sizeof pp.start_date, "2026-01-05");
    zb_err e;
    const char *f;
    ck_assert_int_eq(pair_save(d, &pp, NULL, false, &f, &e), 0);
    pu_visit(d, p1, "2025-12-10", 20000, 0, 0);        /* before */
    pu_visit(d, p1, "2026-01-15", 50050, 30000, 1);
    pu_visit(d, p1, "2026-03-01", 0, 0, 0);
    pu_visit(d, p2, "2026-02-10", 100000, 15025, 2);
    pu_visit(d, p3, "2026-04-01", 60000, 0, 0);
    pu_visit(d, pp.id, "2026-05-01", 10000, 0, 0);
    struct pair_totals t;
    ck_assert_int_eq(pair_totals(d, NULL, "2026-01-01", "2026-06-30", &t, &e),
                     0);
    ck_assert_int_eq(t.households, 4);
    ck_assert_int_eq(t.by_kind[HK_DIBAO], 2);
    ck_assert_int_eq(t.by_kind[HK_DISABLED], 1);
    ck_assert_int_eq(t.by_kind[HK_POOR], 1);
    ck_assert_int_eq(t.by_kind[HK_ELDERLY], 1);
    ck_assert_int_eq(t.households_new, 1);
    ck_assert_int_eq(t.households_closed, 0);
    ck_assert_int_eq(t.pairs, 4);
    ck_assert_int_eq(t.pairs_new, 3);
    ck_assert_int_eq(t.helpers, 4);
    ck_assert_int_eq(t.visits, 5);
    ck_assert_int_eq(t.households_visited, 3);
    ck_assert_int_eq(t.cash_fen, 50050 + 100000 + 60000 + 10000);
    ck_assert_int_eq(t.goods_fen, 30000 + 15025);
    ck_assert_int_eq(t.jobs, 3);
    ck_assert_int_eq(t.unpaired, 1);
    char wan[MONEY_BUF];
    rules_money_wan(t.cash_fen + t.goods_fen, wan, sizeof wan);
    ck_assert_str_eq(wan, "0.27 万元");     /* 2,650.75 元 */
    /* a community: 东社区 leaves out 三户 */
    struct pair_scope s = {0, 1};
    ck_assert_int_eq(pair_totals(d, &s, "2026-01-01", "2026-06-30", &t, &e),
                     0);
    ck_assert_int_eq(t.households, 3);
    ck_assert_int_eq(t.visits, 4);
    ck_assert_int_eq(t.cash_fen, 50050 + 100000 + 10000);
    ck_assert_int_eq(t.unpaired, 1);
    /* an organisation: the work of its members (甲, 乙) */
    s = (struct pair_scope){org, 0};
    ck_assert_int_eq(pair_totals(d, &s, "2026-01-01", "2026-06-30", &t, &e),
                     0);
    ck_assert_int_eq(t.households, 2);
    ck_assert_int_eq(t.pairs, 2);
    ck_assert_int_eq(t.helpers, 2);
    ck_assert_int_eq(t.visits, 3);
    ck_assert_int_eq(t.households_visited, 2);
    ck_assert_int_eq(t.cash_fen, 150050);
    ck_assert_int_eq(t.jobs, 3);
    ck_assert_int_eq(t.unpaired, -1);
    /* December 2025: 五户 closed in it */
    ck_assert_int_eq(pair_totals(d, NULL, "2025-12-01", "2025-12-31", &t, &e),
                     0);
    ck_assert_int_eq(t.households, 4);
    ck_assert_int_eq(t.households_closed, 1);
    ck_assert_int_eq(t.visits, 1);
    ck_assert_int_eq(t.cash_fen, 20000);
    ck_assert_int_eq(pair_totals(d, NULL, "2026-02-01", "2026-01-01", &t, &e),
                     -1);
    db_close(d);
}
END_TEST

START_TEST(assistant_in_db)
{
    db *d = tu_open();
    pu_tree(d);
    /* household in 1单元 of 1号楼; helpers: one in 1号楼 (other unit
     * node: the building itself), one in 2号楼, one in 西社区 */
    int64_t near = pu_member(d, "近邻", 4, NULL);
    int64_t grid_mate = pu_member(d, "同格", 6, NULL);
    int64_t far = pu_member(d, "远方", 11, NULL);
    int64_t gone = pu_member(d, "已转出", 5, NULL);
    pu_sql(d, "UPDATE member SET left_kind = 2 WHERE id = %lld",
           (long long)gone);
    int64_t h1 = pu_household(d, "一户", BIT(HK_DIBAO), 1, 5, 0);
    int64_t h2 = pu_household(d, "二户", BIT(HK_DIBAO), 3, 5, 0);
    int64_t h3 = pu_household(d, "三户", BIT(HK_DIBAO), 1, 0, 0);
    struct assist_opts o;
    assist_opts_default(&o);
    o.max_load = 1;
    struct assist_item *it;
    int n;
    zb_err e;
    ck_assert_int_eq(assist_suggest(d, &o, &it, &n, &e), 0);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(it[0].household_id, h2);       /* hardest first */
    ck_assert_int_eq(it[0].member_id, near);
    ck_assert_str_eq(it[0].reason, "同一楼栋，当前帮扶 0 户");
    ck_assert_str_eq(it[0].helper_name, "近邻");
    ck_assert_str_eq(it[0].helper_place, "1号楼");
    ck_assert_str_eq(it[0].household_place, "1单元");
    ck_assert_int_eq(it[1].household_id, h1);
    ck_assert_int_eq(it[1].member_id, grid_mate);
    ck_assert_int_eq(it[1].locality, RP_GRID);
    ck_assert_int_eq(it[2].household_id, h3);
    ck_assert_int_eq(it[2].member_id, 0);
    /* meanwhile someone pairs 同格 by hand: accepting all fails whole */
    int64_t h4 = pu_household(d, "四户", BIT(HK_DIBAO), 1, 8, 0);
    pu_pair(d, h4, grid_mate, TODAY);
    int acc = -1, skip = -1;
    ck_assert_int_eq(assist_accept(d, it, n, NULL, 1, &acc, &skip, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "情况已有变化"));
    ck_assert_int_eq(pu_int(d, "SELECT count(*) FROM pair"), 1);
    /* accept one; then all again: the accepted one is skipped */
    ck_assert_int_eq(assist_accept(d, it, 1, NULL, 1, &acc, &skip, &e), 0);
    ck_assert_int_eq(acc, 1);
    ck_assert_int_eq(pu_int(d, "SELECT member_id FROM pair WHERE"
                            " household_id = %lld", (long long)h2),
                            near);
    free(it);
    /* candidates for 一户: same community first, the far one only when
     * searched for; the one who left never */
    struct assist_candidate *c;
    ck_assert_int_eq(assist_candidates(d, h1, NULL, &o, 10, &c, &n, &e), 0);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(c[0].member_id, near);        /* 同一楼栋, full */
    ck_assert(c[0].full);
    ck_assert_int_eq(c[1].member_id, grid_mate);
    ck_assert_str_eq(c[1].reason, "同一网格，当前帮扶 1 户");
    free(c);
    ck_assert_int_eq(assist_candidates(d, h1, "yf", &o, 10, &c, &n, &e), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(c[0].member_id, far);
    ck_assert_int_eq(c[0].locality, RP_OTHER);
    free(c);
    ck_assert_int_eq(assist_candidates(d, h1, "已转", &o, 10, &c, &n, &e), 0);
    ck_assert_int_eq(n, 0);
    free(c);
    db_close(d);
}
END_TEST

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("ZHIBU_TODAY", TODAY, 1);
    Suite *s = suite_create("pair_totals");
    TCase *tc = tcase_create("pair_totals");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, NULL, tu_cleanup);
    tcase_add_test(tc, overdue_and_followups);
    tcase_add_test(tc, totals);
    tcase_add_test(tc, assistant_in_db);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
