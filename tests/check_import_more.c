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
#include "model/attendance.h"
#include "model/demo.h"
#include "model/grid.h"
#include "model/household.h"
#include "model/member.h"
#include "model/org.h"
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

/* in the order they import (members name their 居住网格) */
static const char *const kinds[] = {"grids", "members", "grid-roles",
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
    ck_assert(strstr(before[0], "东湖社区/第一片区/第一网格,网格,400,1200,"));
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
    for (size_t i = 0; i < NKINDS; i++) {
        struct import_result res;
        if (!strcmp(kinds[i], "members"))
            continue;
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

/* A query's single text value, malloc'ed. */
static char *qs(db *in, const char *sql)
{
    sqlite3_stmt *st = db_stmt(in, sql, NULL);
    ck_assert_msg(st != NULL, "%s", sql);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    const char *t = (const char *)sqlite3_column_text(st, 0);
    char *v = strdup(t ? t : "");
    sqlite3_reset(st);
    return v;
}

/* A demo database (grids, organisations and their posts, members with
 * residences, 12 months of meetings with their rolls, pairs, visits)
 * exported kind by kind and imported in that order into an empty one:
 * every export is the same, and what is kept beside the exported data
 * (member.last_attended, the meeting tally, the ids of organisations)
 * is too. Importing organisations, posts, meetings and the roll again
 * changes nothing. */
static const char *const every_kind[] = {
    "grids", "orgs", "members", "org-posts", "grid-roles", "households",
    "pairs", "visits", "meetings", "attendance",
};
#define NEVERY (sizeof every_kind / sizeof every_kind[0])

START_TEST(demo_round_trip_every_kind)
{
    setenv("ZHIBU_TODAY", "2026-11-22", 1);
    zb_err e;
    db *a = NULL, *b = NULL;
    ck_assert(db_open(tu_path("demo.db"), DB_OPEN_CREATE, &a, &e) == 0);
    ck_assert(db_open(tu_path("empty.db"), DB_OPEN_CREATE, &b, &e) == 0);
    struct demo_options o;
    demo_options_default(&o);
    o.members = 300;
    ck_assert_msg(demo_fill_opts(a, &o, NULL, &e) == 0, "%s", e.msg);
    /* a guest without a record, a make-up, a member who left since */
    long long mt = q(a, "SELECT max(meeting_id) FROM attendance"
                        " WHERE state = 3");
    ck_assert_int_gt(mt, 0);
    int64_t row;
    ck_assert(attendance_add_guest(a, mt, 0, "社区民警", &row, &e) == 0);
    sqlite3_stmt *st = db_stmt(a, "SELECT id FROM attendance WHERE"
                                  " meeting_id = ?1 AND state = 3", NULL);
    sqlite3_bind_int64(st, 1, mt);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    row = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    ck_assert(attendance_makeup(a, row, "2026-11-20", &e) == 0);
    ck_assert_int_gt(q(a, "SELECT count(*) FROM member WHERE"
                          " residence_id IS NOT NULL"), 100);
    /* a dissolved organisation with a founding date and notes */
    struct org g;
    org_init(&g);
    g.parent_id = q(a, "SELECT id FROM org WHERE parent_id IS NULL");
    snprintf(g.name, sizeof g.name, "老城社区党支部");
    snprintf(g.kind, sizeof g.kind, "社区党支部");
    snprintf(g.founded, sizeof g.founded, "1998-07-01");
    snprintf(g.notes, sizeof g.notes, "2025年并入\"东湖\"，档案移交,\n另存");
    ck_assert_msg(org_save(a, &g, &e) == 0, "%s", e.msg);
    g.active = false;
    ck_assert_msg(org_save(a, &g, &e) == 0, "%s", e.msg);

    char *before[NEVERY];
    for (size_t i = 0; i < NEVERY; i++)
        before[i] = export_of(a, every_kind[i]);
    ck_assert(strstr(before[9], ",社区民警,,,,列席,"));
    ck_assert(strstr(before[9], ",请假,") && strstr(before[9], ",2026-11-20,"));
    /* organisations with their grids, posts of members with numbers */
    ck_assert(strstr(before[1], "网格党支部,,是,东湖社区/第一片区/第一网格,"));
    ck_assert(strstr(before[1], "/第一党小组,党小组,,是,,"));
    ck_assert(strstr(before[1], "/老城社区党支部,社区党支部,1998-07-01,否,,"
                                "\"2025年并入\"\"东湖\"\"，档案移交,\n另存\""));
    ck_assert(strstr(before[3], ",书记,") && strstr(before[3], "\"\t1000"));
    for (size_t i = 0; i < NEVERY; i++) {
        struct import_result res;
        char *rep = NULL;
        int rc = import_text(b, every_kind[i], before[i], false, &res, &rep);
        ck_assert_msg(rc == 0 && res.written, "%s:\n%.2000s", every_kind[i],
                      rep);
        ck_assert_int_eq(res.errors, 0);
        free(rep);
    }
    for (size_t i = 0; i < NEVERY; i++) {
        char *after = export_of(b, every_kind[i]);
        ck_assert_msg(strcmp(before[i], after) == 0, "%s differs",
                      every_kind[i]);
        free(after);
    }
    /* organisations imported in tree order keep their ids, so the ids
     * that refer to them agree too */
    static const char *const kept[] = {
        "SELECT group_concat(id || ':' || last_attended || ':' || org_id, ',')"
        " FROM (SELECT id, last_attended, org_id FROM member ORDER BY id)",
        /* (grid ids may differ: grids import in tree order) */
        "SELECT group_concat(id || ':' || coalesce(parent_id, 0) || ':' || name"
        " || ':' || kind || ':' || active || ':' || founded, ',') FROM"
        " (SELECT * FROM org ORDER BY id)",
        "SELECT group_concat(org_id || ':' || post || ':' || coalesce("
        "member_id, 0) || ':' || start_date, ',') FROM"
        " (SELECT * FROM org_post ORDER BY org_id, post, start_date, name)",
        "SELECT group_concat(meeting_id || ':' || org_id || ':' || date"
        " || ':' || kind"
        " || ':' || unmarked || ':' || present || ':' || late || ':' || leave"
        " || ':' || absent || ':' || guests || ':' || prob_due || ':'"
        " || prob_att, ',') FROM (SELECT * FROM meeting_tally"
        " ORDER BY meeting_id)",
    };
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
        char *x = qs(a, kept[i]), *y = qs(b, kept[i]);
        ck_assert_msg(strlen(x) > 100 && strcmp(x, y) == 0, "%s", kept[i]);
        free(x);
        free(y);
    }
    ck_assert_int_gt(q(b, "SELECT count(*) FROM member WHERE"
                          " last_attended <> ''"), 100);
    static const size_t again[] = {1, 3, 8, 9};
    for (size_t k = 0; k < sizeof again / sizeof again[0]; k++) {
        size_t i = again[k];
        struct import_result res;
        ck_assert_int_eq(import_text(b, every_kind[i], before[i], false, &res,
                                     NULL), 0);
        ck_assert_msg(res.added == 0 && res.updated == 0 &&
                      res.unchanged == res.rows, "%s", every_kind[i]);
    }
    for (size_t i = 0; i < NEVERY; i++)
        free(before[i]);
    db_close(b);
    db_close(a);
}
END_TEST

/* Meetings and rolls typed by hand: organisations by a unique name,
 * dates and times as people type them; bad rows (a kind the
 * organisation may not hold, an unknown kind or organisation, a mark on
 * a meeting still to come) mean nothing is written; a roll without
 * 人员类别 only marks and adds, it takes nobody off. */
START_TEST(meetings_by_hand)
{
    struct import_result res;
    char *rep = NULL;
    long long meetings = q(d, "SELECT count(*) FROM meeting");
    const char *bad =
        "日期,会议类型,党组织,主题,开始时间\n"
        "2026/10/8,党课,东湖第一网格党支部,学习党章,9:00\n"
        "2026-10-09,党小组会,临江老党员支部,议题,\n"
        "2026-10-10,茶话会,东湖第一网格党支部,,\n"
        "2026-10-11,主题党日,不存在的支部,,\n";
    ck_assert_int_eq(import_text(d, "meetings", bad, false, &res, &rep), 1);
    ck_assert_int_eq(res.errors, 3);
    ck_assert_msg(strstr(rep, "第 3 行：党小组会只能由党小组召开") &&
                  strstr(rep, "第 4 行「会议类型」：不认识的会议类型「茶话会」") &&
                  strstr(rep, "第 5 行「党组织」：找不到党组织「不存在的支部」"),
                  "%s", rep);
    free(rep);
    ck_assert_int_eq(q(d, "SELECT count(*) FROM meeting"), meetings);
    const char *good = "日期,会议类型,党组织,主题,开始时间\n"
                       "2026/10/8,党课,东湖第一网格党支部,学习党章,9:00\n";
    ck_assert_int_eq(import_text(d, "meetings", good, false, &res, NULL), 0);
    ck_assert_int_eq(res.added, 1);
    long long id = q(d, "SELECT id FROM meeting WHERE date = '2026-10-08'"
                        " AND kind = 4 AND start_time = '09:00'");
    ck_assert_int_gt(id, 0);
    long long roll = q(d, "SELECT count(*) FROM attendance WHERE"
                          " meeting_id = (SELECT max(id) FROM meeting)");
    ck_assert_int_gt(roll, 2);
    /* the same row again: the same meeting */
    ck_assert_int_eq(import_text(d, "meetings", good, false, &res, NULL), 0);
    ck_assert_int_eq(res.unchanged, 1);

    member m;
    zb_err e;
    ck_assert(member_get(d, x.m[1], &m, &e) == 0);
    char csv[1024];
    snprintf(csv, sizeof csv,
             "会议编号,姓名,党员编号,考勤情况\n"
             "%lld,张一,%s,出席\n"
             "%lld,社区民警,,列席\n"
             "%lld,张一,%s,出席\n",
             id, m.member_no, id, (long long)x.mFuture, m.member_no);
    ck_assert_int_eq(import_text(d, "attendance", csv, false, &res, &rep), 1);
    ck_assert_msg(strstr(rep, "第 4 行「考勤情况」：会议日期 2026-12-05 在今天"
                              "之后，不能登记出席"), "%s", rep);
    free(rep);
    ck_assert_int_eq(q(d, "SELECT count(*) FROM attendance WHERE"
                          " name = '社区民警'"), 0);
    *strrchr(csv, '\n') = '\0';
    *(strrchr(csv, '\n') + 1) = '\0';
    ck_assert_int_eq(import_text(d, "attendance", csv, false, &res, &rep), 0);
    ck_assert_msg(res.added == 2 && res.errors == 0, "%s", rep);
    free(rep);
    ck_assert_int_eq(q(d, "SELECT count(*) FROM attendance WHERE"
                          " meeting_id = (SELECT max(id) FROM meeting)"),
                     roll + 1);
    char *last = qs(d, "SELECT last_attended FROM member WHERE id = 1");
    ck_assert_msg(x.m[1] == 1 && strcmp(last, "2026-10-08") >= 0, "%s", last);
    free(last);
    ck_assert_int_eq(q(d, "SELECT present FROM meeting_tally WHERE"
                          " meeting_id = (SELECT max(id) FROM meeting)"), 1);
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
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, demo_round_trip_every_kind);
    tcase_add_test(tc, meetings_by_hand);
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
