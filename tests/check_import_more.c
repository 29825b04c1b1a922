/* Import and export of grids, grid roles, households, pairs and visits:
 * the round trip of the report fixture (tests/report_fixture.c) into an
 * empty database, files written by hand with the forms people type, bad
 * rows (nothing imported, every problem with its line and column), dry
 * runs, and updates that never blank stored data. */
#include <check.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/export.h"
#include "io/import.h"
#include "model/grid.h"
#include "model/household.h"
#include "model/member.h"
#include "model/pair.h"
#include "report_fixture.h"
#include "testutil.h"

static db *d;
static struct rf_ids x;

static void setup(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    d = tu_open();
    rf_build(d, &x);
}

static void teardown(void)
{
    db_close(d);
    tu_cleanup();
}

/* The export of kind as a malloc'ed string. */
static char *export_of(db *from, const char *kind)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    struct export_options o = {CSV_ENC_UTF8, true};
    long rows = 0;
    zb_err e;
    ck_assert_msg(export_write(from, kind, f, &o, &rows, &e) == 0, "%s: %s",
                  kind, e.msg);
    fclose(f);
    return buf;
}

/* Imports text; returns the framework's result code, report in *report
 * (freed by the caller) when report is not NULL. */
static int import_text(db *to, const char *kind, const char *text,
                       bool dry_run, struct import_result *res, char **report)
{
    struct import_options o = {.encoding = CSV_ENC_AUTO, .dry_run = dry_run,
                               .create_orgs = true, .today = "2026-11-22"};
    zb_err e = {""};
    char *rep = NULL;
    int rc = import_mem(to, kind, text, strlen(text), kind, &o, res, &rep,
                        &e);
    ck_assert_msg(rc >= 0, "%s: %s\n%s", kind, e.msg, rep ? rep : "");
    if (report)
        *report = rep;
    else
        free(rep);
    return rc;
}

static long long q(db *in, const char *sql)
{
    sqlite3_stmt *st = db_stmt(in, sql, NULL);
    ck_assert_msg(st != NULL, "%s", sql);
    long long v = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

static const char *const kinds[] = {"members", "grids", "grid-roles",
                                    "households", "pairs", "visits"};
#define NKINDS (sizeof kinds / sizeof kinds[0])

START_TEST(round_trip)
{
    zb_err e;
    /* a closed household: its pair becomes history */
    household h;
    ck_assert(household_get(d, x.h2, &h, &e) == 0);
    h.status = HH_CLOSED;
    snprintf(h.closed, sizeof h.closed, "2026-10-01");
    snprintf(h.close_reason, sizeof h.close_reason, "已脱困");
    const char *field = NULL;
    ck_assert_msg(household_save(d, &h, &field, &e) == 0, "%s", e.msg);

    char *before[NKINDS];
    for (size_t i = 0; i < NKINDS; i++)
        before[i] = export_of(d, kinds[i]);
    ck_assert(strstr(before[1], "东湖社区/第一片区/第一网格,网格,400,1200,"));
    ck_assert(strstr(before[4], ",已脱困") == NULL);   /* pairs file */
    ck_assert(strstr(before[3], "困难户乙,孤老/空巢老人,一般困难,已销号"));
    ck_assert(strstr(before[5], ",500.00,米面油,200.00,0,"));

    db *fresh = NULL;
    ck_assert(db_open(tu_path("fresh.db"), DB_OPEN_CREATE, &fresh, &e) == 0);
    for (size_t i = 0; i < NKINDS; i++) {
        struct import_result res;
        char *rep = NULL;
        int rc = import_text(fresh, kinds[i], before[i], false, &res, &rep);
        ck_assert_msg(rc == 0 && res.written, "%s:\n%s", kinds[i], rep);
        free(rep);
    }
    for (size_t i = 0; i < NKINDS; i++) {
        char *after = export_of(fresh, kinds[i]);
        ck_assert_msg(strcmp(before[i], after) == 0, "%s differs:\n%s\n---\n%s",
                      kinds[i], before[i], after);
        free(after);
    }
    /* the closed household kept its closing, the pair ended on it */
    ck_assert_int_eq(q(fresh, "SELECT count(*) FROM household WHERE status = 2"
                              " AND closed = '2026-10-01'"), 1);
    ck_assert_int_eq(q(fresh, "SELECT count(*) FROM pair WHERE end_date ="
                              " '2026-10-01'"), 1);
    ck_assert_int_eq(q(fresh, "SELECT sum(cash_fen) FROM visit"), 80000);
    /* importing the same files again changes nothing */
    for (size_t i = 1; i < NKINDS; i++) {
        struct import_result res;
        ck_assert_int_eq(import_text(fresh, kinds[i], before[i], false, &res,
                                     NULL), 0);
        ck_assert_msg(res.added == 0 && res.updated == 0 &&
                      res.unchanged == res.rows, "%s: %ld %ld %ld/%ld",
                      kinds[i], res.added, res.updated, res.unchanged,
                      res.rows);
    }
    ck_assert_int_eq(q(fresh, "SELECT count(*) FROM visit"), 3);
    db_close(fresh);
    for (size_t i = 0; i < NKINDS; i++)
        free(before[i]);
}
END_TEST

/* Paths create their missing ancestors; a stored node is updated only
 * where the file has a value. */
START_TEST(grids_by_path)
{
    struct import_result res;
    char *rep = NULL;
    const char *csv =
        "网格节点信息表\n"
        "路径,层级,户数,人口,备注\n"
        "南山社区/第二片区/第五网格,网格,320,1100,新划\n"
        "南山社区/第二片区/第五网格/7号楼,,,,\n"
        " 东湖社区 / 第一片区 / 第一网格 ,,450,,\n";
    ck_assert_int_eq(import_text(d, "grids", csv, false, &res, &rep), 0);
    ck_assert_msg(res.added == 2 && res.updated == 1, "%s", rep);
    ck_assert_msg(strstr(rep, "第 3 行：新建上级节点「南山社区」（社区）"), "%s",
                  rep);
    ck_assert_msg(strstr(rep, "新建上级节点「南山社区/第二片区」（片区）"), "%s",
                  rep);
    free(rep);
    zb_err e;
    int64_t id;
    struct grid_node g;
    ck_assert(grid_resolve(d, "南山社区/第二片区/第五网格/7号楼", &id, &e) == 0);
    ck_assert(grid_get(d, id, &g, &e) == 0);
    ck_assert_int_eq(g.level, GRID_BUILDING);
    ck_assert(grid_get(d, x.grid1, &g, &e) == 0);
    ck_assert_int_eq(g.households, 450);
    ck_assert_int_eq(g.population, 1200);    /* blank cell: kept */
}
END_TEST

/* Three bad rows among good ones: nothing written, every problem listed
 * with its line and column. */
START_TEST(bad_rows_nothing_written)
{
    long long households = q(d, "SELECT count(*) FROM household");
    struct import_result res;
    char *rep = NULL;
    const char *csv =
        "姓名,类别,困难程度,居住网格,家庭人口,联系电话,登记日期\n"
        "新户一,\"低保、残疾人\",较重,东湖社区/第一片区/第二网格,3,,2026/3/5\n"
        "新户二,孤儿,一般困难,,2,,2026-03-06\n"
        "新户三,特困户,一般困难,东湖社区/无此网格,1,,2026-03-07\n"
        "新户四,贫困户,特别困难,,150,,20260308\n"
        "新户五,单亲家庭,特别困难,,2,13800138000,2026年3月9日\n";
    ck_assert_int_eq(import_text(d, "households", csv, false, &res, &rep), 1);
    ck_assert_int_eq(res.errors, 3);
    ck_assert(!res.written);
    ck_assert_msg(strstr(rep, "第 3 行「类别」：不认识的类别「孤儿」"), "%s", rep);
    ck_assert_msg(strstr(rep, "第 4 行「居住网格」：找不到网格节点"), "%s", rep);
    ck_assert_msg(strstr(rep, "第 5 行「家庭人口」："), "%s", rep);
    free(rep);
    ck_assert_int_eq(q(d, "SELECT count(*) FROM household"), households);

    /* without them: written, the forms understood */
    const char *good =
        "姓名,类别,困难程度,居住网格,家庭人口,登记日期,困难党员编号\n"
        "新户一,\"低保、残疾人\",较重,东湖社区/第一片区/第二网格,3,2026/3/5,\n";
    ck_assert_int_eq(import_text(d, "households", good, false, &res, NULL), 0);
    ck_assert_int_eq(q(d, "SELECT count(*) FROM household WHERE name = '新户一'"
                          " AND kinds = 17 AND level = 2 AND size = 3"
                          " AND registered = '2026-03-05'"), 1);
}
END_TEST

/* Pairs by member number or partner unit; visits with money as typed. */
START_TEST(pairs_and_visits)
{
    zb_err e;
    member m;
    ck_assert(member_get(d, x.m[2], &m, &e) == 0);
    char csv[1024];
    snprintf(csv, sizeof csv,
             "帮扶对象,帮扶对象网格,帮扶人党员编号,帮扶人,共建单位,开始日期\n"
             "困难户甲,东湖社区/第一片区/第一网格/1号楼,%s,李二,,2026-04-01\n"
             "困难户甲,东湖社区/第一片区/第一网格/1号楼,,王志愿,区图书馆,"
             "2026-04-02\n", m.member_no);
    struct import_result res;
    char *rep = NULL;
    ck_assert_int_eq(import_text(d, "pairs", csv, true, &res, &rep), 0);
    ck_assert_msg(res.added == 2 && !res.written, "%s", rep);
    free(rep);
    ck_assert_int_eq(q(d, "SELECT count(*) FROM pair"), 2);   /* dry run */
    ck_assert_int_eq(import_text(d, "pairs", csv, false, &res, NULL), 0);
    ck_assert_int_eq(q(d, "SELECT count(*) FROM pair"), 4);

    /* a wrong name for the number, an unknown household */
    snprintf(csv, sizeof csv,
             "帮扶对象,帮扶对象网格,帮扶人党员编号,帮扶人,开始日期\n"
             "困难户甲,东湖社区/第一片区/第一网格/1号楼,%s,张三,2026-05-01\n"
             "不存在户,,%s,,2026-05-01\n", m.member_no, m.member_no);
    ck_assert_int_eq(import_text(d, "pairs", csv, false, &res, &rep), 1);
    ck_assert_int_eq(res.errors, 2);
    ck_assert_msg(strstr(rep, "第 2 行「帮扶人」：姓名「张三」与党员 李二"), "%s",
                  rep);
    ck_assert_msg(strstr(rep, "第 3 行「帮扶对象」：找不到帮扶对象「不存在户」"),
                  "%s", rep);
    free(rep);

    /* visits: the helper picks the pair; money as typed */
    const char *visits =
        "帮扶对象,帮扶对象网格,走访人,走访日期,走访类型,慰问金（元）,慰问品,"
        "慰问品折价（元）,帮助就业\n"
        "困难户甲,东湖社区/第一片区/第一网格/1号楼,王志愿,2026年5月3日,慰问,"
        "\"￥1,000.50\",米,200元,1\n"
        "困难户乙,,,2026-06-01,走访,0,,,\n"
        "困难户甲,东湖社区/第一片区/第一网格/1号楼,李二,2026-05-04,慰问,"
        "12.345,,,\n"
        "困难户甲,东湖社区/第一片区/第一网格/1号楼,,2026-05-05,走访,,,,\n";
    ck_assert_int_eq(import_text(d, "visits", visits, false, &res, &rep), 1);
    ck_assert_int_eq(res.errors, 2);
    ck_assert_msg(strstr(rep, "第 4 行「慰问金」：金额最多两位小数"), "%s", rep);
    ck_assert_msg(strstr(rep, "第 5 行「走访人」：该帮扶对象在 2026-05-05 有 3 个"
                              "结对，请填写走访人"), "%s", rep);
    free(rep);
    const char *ok =
        "帮扶对象,帮扶对象网格,走访人,走访日期,走访类型,慰问金,慰问品,"
        "慰问品折价,帮助就业\n"
        "困难户甲,东湖社区/第一片区/第一网格/1号楼,王志愿,2026年5月3日,慰问,"
        "\"￥1,000.50\",米,200元,1\n"
        "困难户乙,,,2026-06-01,走访,0,,,\n";
    ck_assert_int_eq(import_text(d, "visits", ok, false, &res, &rep), 0);
    ck_assert_msg(res.added == 2, "%s", rep);
    free(rep);
    ck_assert_int_eq(q(d, "SELECT count(*) FROM visit v JOIN pair p"
                          " ON p.id = v.pair_id WHERE v.cash_fen = 100050"
                          " AND v.goods_fen = 20000 AND v.jobs = 1"
                          " AND p.partner_name = '王志愿'"), 1);
    ck_assert_int_eq(q(d, "SELECT last_visit = '2026-06-01' FROM household"
                          " WHERE name = '困难户乙'"), 1);
}
END_TEST

START_TEST(grid_roles)
{
    zb_err e;
    member m;
    ck_assert(member_get(d, x.m[7], &m, &e) == 0);
    char csv[1024];
    snprintf(csv, sizeof csv,
             "网格,职务,姓名,联系电话,党员编号,开始日期,结束日期\n"
             "东湖社区/第一片区,党小组长,,13900000007,%s,2026-01-01,\n"
             "东湖社区/第一片区,退管小组长,老赵,13912345678,,2026-01-01,\n"
             "东湖社区/第一片区/第一网格,网格长,另一人,13912345679,,"
             "2026-02-01,\n"
             "东湖社区/第一片区/第一网格,楼栋长,某人,13912345670,,,\n",
             m.member_no);
    struct import_result res;
    char *rep = NULL;
    ck_assert_int_eq(import_text(d, "grid-roles", csv, false, &res, &rep), 1);
    ck_assert_msg(res.errors == 2, "%s", rep);
    ck_assert_msg(strstr(rep, "第 4 行「开始日期」："), "%s", rep);  /* overlap */
    ck_assert_msg(strstr(rep, "第 5 行「职务」："), "%s", rep);      /* level */
    free(rep);
    snprintf(csv, sizeof csv,
             "网格,职务,姓名,联系电话,党员编号,开始日期,结束日期\n"
             "东湖社区/第一片区,党小组长,,13900000007,%s,2026-01-01,\n"
             "东湖社区/第一片区,退管小组长,老赵,13912345678,,2026-01-01,\n",
             m.member_no);
    ck_assert_int_eq(import_text(d, "grid-roles", csv, false, &res, &rep), 0);
    free(rep);
    ck_assert_int_eq(q(d, "SELECT count(*) FROM grid_role WHERE name = '吴七'"
                          " AND member_id IS NOT NULL"), 1);
    /* the 片区 has its three heads now: no gap there */
    struct grid_gap *gaps = NULL;
    int n = 0;
    ck_assert(grid_coverage(d, x.area, "2026-11-22", &gaps, &n, &e) == 0);
    for (int i = 0; i < n; i++)
        ck_assert_int_ne(gaps[i].kind, GAP_AREA_HEADS);
    free(gaps);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("import_more");
    TCase *tc = tcase_create("import_more");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, grids_by_path);
    tcase_add_test(tc, bad_rows_nothing_written);
    tcase_add_test(tc, pairs_and_visits);
    tcase_add_test(tc, grid_roles);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
