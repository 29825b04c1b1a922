/* Import of organisations and their posts written by hand: missing
 * ancestors created parent first (with the kind a later row gives),
 * updates only where the file has a value, bad rows (a tree the
 * organisation screen refuses, unknown kinds, grids and organisations,
 * overlapping terms) meaning nothing is written, dry runs. The round
 * trip of a demo database is in tests/check_import_more.c. */
#include <check.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/export.h"
#include "io/import.h"
#include "model/org.h"
#include "testutil.h"

static db *d;

static void setup(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("ZHIBU_TODAY", "2026-11-22", 1);
    d = tu_open();
}

static void teardown(void)
{
    db_close(d);
    tu_cleanup();
}

static int import_text(const char *kind, const char *text, bool dry_run,
                       struct import_result *res, char **report)
{
    struct import_options o = {.encoding = CSV_ENC_AUTO, .dry_run = dry_run,
                               .today = "2026-11-22"};
    zb_err e = {""};
    char *rep = NULL;
    int rc = import_mem(d, kind, text, strlen(text), kind, &o, res, &rep,
                        &e);
    ck_assert_msg(rc >= 0, "%s: %s\n%s", kind, e.msg, rep ? rep : "");
    if (report)
        *report = rep;
    else
        free(rep);
    return rc;
}

static long long q(const char *sql)
{
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_msg(st != NULL, "%s", sql);
    long long v = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

static void grids(void)
{
    struct import_result res;
    ck_assert_int_eq(import_text("grids", "网格路径,层级\n东湖社区,社区\n"
                                 "东湖社区/第一网格,网格\n", false, &res,
                                 NULL), 0);
    ck_assert_int_eq(res.added, 2);
}

static const char tree[] =
    "组织路径,类型,成立日期,是否有效,所建网格,备注\n"
    "新华街道党工委 / 东城社区党委/第一网格党支部,网格党支部,2021/7/1,是,"
    "东湖社区/第一网格,\n"
    "新华街道党工委/东城社区党委,社区党委,,,,\"换届，2024年\"\n"
    "新华街道党工委/东城社区党委/第一网格党支部/第一党小组,,,,,\n";

START_TEST(tree_parent_first)
{
    grids();
    struct import_result res;
    char *rep = NULL;
    ck_assert_int_eq(import_text("orgs", tree, false, &res, &rep), 0);
    ck_assert_msg(res.added == 3 && res.updated == 0 && res.written,
                  "%s", rep);
    /* the root from its name, noted; 东城 with the kind its row gives */
    ck_assert_msg(strstr(rep, "新建上级组织「新华街道党工委」（街道党工委）"),
                  "%s", rep);
    ck_assert(strstr(rep, "「新华街道党工委/东城社区党委」") == NULL);
    free(rep);
    ck_assert_int_eq(q("SELECT count(*) FROM org"), 4);
    ck_assert_int_eq(q("SELECT count(*) FROM org o JOIN org p"
                       " ON p.id = o.parent_id WHERE o.name = '东城社区党委'"
                       " AND o.kind = '社区党委' AND p.kind = '街道党工委'"
                       " AND o.notes = '换届，2024年'"), 1);
    ck_assert_int_eq(q("SELECT count(*) FROM org o JOIN grid g"
                       " ON g.id = o.grid_id WHERE o.name = '第一网格党支部'"
                       " AND o.founded = '2021-07-01' AND g.name = '第一网格'"),
                     1);
    ck_assert_int_eq(q("SELECT count(*) FROM org WHERE name = '第一党小组'"
                       " AND kind = '党小组'"), 1);

    /* again: nothing changes; then values only where the file has one */
    ck_assert_int_eq(import_text("orgs", tree, false, &res, NULL), 0);
    ck_assert_int_eq(res.unchanged, 3);
    ck_assert_int_eq(import_text("orgs", "组织路径,类型,成立日期,是否有效,"
                                 "所建网格,备注\n新华街道党工委/东城社区党委/"
                                 "第一网格党支部,,,否,,已并入\n",
                                 false, &res, &rep), 0);
    ck_assert_msg(res.updated == 1 && strstr(rep, "第一网格党支部"), "%s", rep);
    free(rep);
    ck_assert_int_eq(q("SELECT count(*) FROM org WHERE name = '第一网格党支部'"
                       " AND active = 0 AND founded = '2021-07-01'"
                       " AND grid_id IS NOT NULL AND notes = '已并入'"
                       " AND kind = '网格党支部'"), 1);
}
END_TEST

START_TEST(tree_bad_rows)
{
    grids();
    struct import_result res;
    ck_assert_int_eq(import_text("orgs", tree, false, &res, NULL), 0);
    static const char bad[] =
        "组织路径,类型,成立日期,是否有效,所建网格,备注\n"
        "新华街道党工委/西城社区党委,社区党委,,,,\n"             /* fine */
        "新华街道党工委/东城社区党委/错建党小组,党小组,,,,\n"   /* 3 */
        "新华街道党工委/南城社区,居委会,,,,\n"                  /* 4 */
        "新华街道党工委/北城社区党委,,2021-13-01,也许,,\n"      /* 5 */
        "新华街道党工委/东城社区党委,,2030-01-01,,,\n"          /* 6 */
        "新华街道党工委/东城社区党委/第一网格党支部,,,,东湖社区/第九网格,\n"
        ",网格党支部,,,,\n"                                      /* 8 */
        "新华街道党工委/西城社区党委,社区党委,,,,\n"             /* 9 */
        "新华街道党工委/东城社区党委/第一网格党支部/第一党小组/张家,"
        "党员中心户,,,,\n";                                      /* fine */
    char *rep = NULL;
    ck_assert_int_eq(import_text("orgs", bad, false, &res, &rep), 1);
    ck_assert_msg(res.errors == 7 && !res.written, "%s", rep);
    static const char *const says[] = {
        "第 3 行「类型」：党小组只能建在党支部之下",
        "第 4 行「类型」：类型应为",
        "第 5 行「成立日期」：日期无效：2021-13-01",
        "第 5 行「是否有效」：应为 是 或 否：也许",
        "第 6 行「成立日期」：成立日期不能晚于今天",
        "第 7 行「所建网格」：找不到网格节点「东湖社区/第九网格」",
        "第 8 行「组织路径」：请填写组织路径",
        "第 9 行「组织路径」：与第 2 行重复",
        "有错误，未导入任何数据",
    };
    for (size_t i = 0; i < sizeof says / sizeof says[0]; i++)
        ck_assert_msg(strstr(rep, says[i]), "%s\n---\n%s", says[i], rep);
    free(rep);
    ck_assert_int_eq(q("SELECT count(*) FROM org"), 4);
    ck_assert_int_eq(q("SELECT count(*) FROM org WHERE founded <> ''"), 1);

    /* a dry run of the good rows reports and writes nothing */
    ck_assert_int_eq(import_text("orgs", "组织路径,类型\n新华街道党工委/西城"
                                 "社区党委,社区党委\n", true, &res, NULL), 0);
    ck_assert_int_eq(res.added, 1);
    ck_assert_int_eq(q("SELECT count(*) FROM org"), 4);
}
END_TEST

START_TEST(posts_by_hand)
{
    int64_t street = tu_org(d, 0, "新华街道党工委", "街道党工委");
    int64_t branch = tu_org(d, street, "第一支部", "社区党支部");
    tu_org(d, branch, "第一党小组", "党小组");
    int64_t m = tu_member(d, "赵一平", "13900000001", "", branch);
    char no[16], text[1024];
    snprintf(no, sizeof no, "%lld", q("SELECT member_no FROM member"));
    ck_assert_int_gt(m, 0);
    snprintf(text, sizeof text,
             "组织路径,职务,姓名,党员编号,电话,任职日期,离任日期\n"
             "新华街道党工委/第一支部,书记,,%s,,2021年7月1日,\n"
             "第一支部,组织委员,钱二,,13900000002,2021-07-01,2023-12-31\n"
             "第一党小组,组长,孙三,,,2022/3/1,\n", no);
    struct import_result res;
    char *rep = NULL;
    ck_assert_int_eq(import_text("org-posts", text, false, &res, &rep), 0);
    ck_assert_msg(res.added == 3, "%s", rep);
    free(rep);
    ck_assert_int_eq(q("SELECT count(*) FROM org_post WHERE post = 1"
                       " AND name = '赵一平' AND member_id IS NOT NULL"
                       " AND start_date = '2021-07-01' AND phone = ''"), 1);
    ck_assert_int_eq(q("SELECT count(*) FROM org_post WHERE post = 7"
                       " AND name = '孙三' AND start_date = '2022-03-01'"), 1);

    /* the same term again: its end date and phone added, nothing else */
    ck_assert_int_eq(import_text("org-posts", "组织路径,职务,姓名,电话,任职日期,"
                                 "离任日期\n第一支部,书记,赵一平,13900000001,"
                                 "2021-07-01,2026-06-30\n", false, &res,
                                 NULL), 0);
    ck_assert_int_eq(res.updated, 1);
    ck_assert_int_eq(q("SELECT count(*) FROM org_post WHERE post = 1"
                       " AND end_date = '2026-06-30' AND member_id IS NOT NULL"
                       " AND phone = '13900000001'"), 1);

    static const char bad[] =
        "组织路径,职务,姓名,党员编号,电话,任职日期,离任日期\n"
        "第一支部,书记,李四,,,2025-01-01,\n"          /* 2 overlaps */
        "第一党小组,书记,周五,,,,\n"                   /* 3 */
        "第九支部,委员,吴六,,,,\n"                     /* 4 */
        "第一支部,委员,,,,,\n"                         /* 5 */
        "第一支部,委员,郑七,19999999,,,\n"             /* 6 */
        "第一支部,委员,王八,,123,2024-01-01,2023-01-01\n"  /* 7 */
        "第一支部,副书记,冯九,,,2026-07-01,\n";       /* fine */
    ck_assert_int_eq(import_text("org-posts", bad, false, &res, &rep), 1);
    ck_assert_msg(res.errors == 6 && !res.written, "%s", rep);
    static const char *const says[] = {
        "第 2 行「任职日期」：与 赵一平（2021-07-01 至 2026-06-30）的书记任期重叠",
        "第 3 行「职务」：党小组不设书记",
        "第 4 行「组织路径」：找不到党组织「第九支部」",
        "第 5 行「姓名」：请填写担任此职务的人员",
        "第 6 行「党员编号」：找不到党员编号 19999999",
        "第 7 行「电话」：电话号码格式不对",
    };
    for (size_t i = 0; i < sizeof says / sizeof says[0]; i++)
        ck_assert_msg(strstr(rep, says[i]), "%s\n---\n%s", says[i], rep);
    free(rep);
    ck_assert_int_eq(q("SELECT count(*) FROM org_post"), 3);
}
END_TEST

/* The export of a tree lists parents first with the importer's headers. */
/* A member who left may sit in a branch dissolved since; a member on
 * the register may not be placed in one. */
START_TEST(dissolved_branch)
{
    grids();
    struct import_result res;
    ck_assert_int_eq(import_text("orgs", tree, false, &res, NULL), 0);
    tu_sql(d, "UPDATE org SET active = 0 WHERE name = '第一网格党支部'");
    ck_assert_int_eq(q("SELECT count(*) FROM org WHERE active = 0"), 1);
    static const char head[] =
        "姓名,性别,人员类别,加入党组织日期,所在党支部,离开情况,离开日期\n";
    char csv[512];
    char *rep = NULL;
    snprintf(csv, sizeof csv, "%s王秋生,男,正式党员,1990-07-01,"
             "东城社区党委/第一网格党支部,转出,2025-03-01\n", head);
    ck_assert_int_eq(import_text("members", csv, false, &res, &rep), 0);
    ck_assert_msg(res.added == 1 && res.written, "%s", rep);
    free(rep);
    snprintf(csv, sizeof csv, "%s李冬梅,女,正式党员,1990-07-01,"
             "东城社区党委/第一网格党支部,,\n", head);
    ck_assert_int_eq(import_text("members", csv, false, &res, &rep), 1);
    ck_assert_msg(res.added == 0 && !res.written && strstr(rep, "已撤销"),
                  "%s", rep);
    free(rep);
    ck_assert_int_eq(q("SELECT count(*) FROM member"), 1);
}
END_TEST

START_TEST(export_headers)
{
    grids();
    struct import_result res;
    ck_assert_int_eq(import_text("orgs", tree, false, &res, NULL), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    struct export_options o = {CSV_ENC_UTF8, false};
    long rows = 0;
    zb_err e;
    ck_assert(export_write(d, "orgs", f, &o, &rows, &e) == 0);
    fclose(f);
    ck_assert_int_eq(rows, 4);
    ck_assert_msg(strstr(buf, "组织路径,类型,成立日期,是否有效,所建网格,备注\r\n"
                              "新华街道党工委,街道党工委,,是,,\r\n"
                              "新华街道党工委/东城社区党委,社区党委,,是,,"
                              "换届，2024年\r\n"), "%s", buf);
    free(buf);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("import_orgs");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, tree_parent_first);
    tcase_add_test(tc, tree_bad_rows);
    tcase_add_test(tc, posts_by_hand);
    tcase_add_test(tc, dissolved_branch);
    tcase_add_test(tc, export_headers);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
