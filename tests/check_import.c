/* CSV import of members (src/io/import.h) and the export round trip
 * (src/io/export.h), against temporary databases. Fixtures are written
 * by the tests; people are synthetic. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain.h"
#include "io/export.h"
#include "io/import.h"
#include "model/demo.h"
#include "model/grid.h"
#include "model/member.h"
#include "model/member_valid.h"
#include "model/org.h"
#include "rules.h"
#include "testutil.h"

#define TODAY "2026-06-30"
#define HEADER "姓名,性别,公民身份号码,民族,出生日期,学历,人员类别,所在党支部," \
               "加入党组织日期,转为正式党员日期,联系电话,家庭住址\r\n"

static long long q_int(db *d, const char *sql)
{
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

/* A valid, unique ID number for person i, and the birth date in it. */
static void person_id(int i, char id[19], char birth[11], int *gender)
{
    long day = rules_day_from_civil(1950, 1, 1) + (i * 37L) % 15000;
    int y, m, dd;
    rules_civil_from_day(day, &y, &m, &dd);
    char first[64];
    snprintf(first, sizeof first, "%06d%04d%02d%02d%03d", 110101 + i / 1000,
             y % 10000, m % 100, dd % 100, i % 1000);
    memcpy(id, first, 17);
    id[17] = rules_idnum_checkchar(first);
    id[18] = '\0';
    memcpy(birth, first + 6, 4);
    snprintf(birth + 4, 7, "-%02u-%02u", (unsigned)m % 100u,
             (unsigned)dd % 100u);
    *gender = (i % 1000) % 2 ? GENDER_MALE : GENDER_FEMALE;
}

static const char *const surnames[] = {"赵", "钱", "孙", "李", "周", "吴",
                                       "郑", "冯", "陈", "褚"};
static const char *const given[] = {"晓", "建", "国", "丽", "明", "华",
                                    "平", "芳", "军", "红", "伟", "静"};

/* One CSV row (HEADER's columns) for person i in branch. */
static void person_row(FILE *f, int i, const char *branch)
{
    char id[19], birth[11];
    int g;
    person_id(i, id, birth, &g);
    int y = atoi(birth);
    /* 25 and 26 years later (29 February becomes 1 March) */
    const char *md = strcmp(birth + 4, "-02-29") == 0 ? "-03-01" : birth + 4;
    fprintf(f, "%s%s%s,%s,%s,汉族,%s,大学本科,正式党员,%s,%d%s,%d%s,"
            "139%08d,\"测试路%d号, %d室\"\r\n",
            surnames[i % 10], given[i % 12], given[(i / 12) % 12],
            g == GENDER_MALE ? "男" : "女", id, birth, branch, y + 25, md,
            y + 26, md, i, i % 97 + 1, i % 7 + 101);
}

struct run {
    int rc;
    struct import_result res;
    char *report;
    zb_err err;
};

static struct run import_text(db *d, const char *text, size_t len,
                              bool dry, bool create)
{
    struct import_options o = {.dry_run = dry, .create_orgs = create,
                               .today = TODAY};
    struct run r;
    memset(&r, 0, sizeof r);
    r.rc = import_mem(d, "members", text, len, "test.csv", &o, &r.res,
                      &r.report, &r.err);
    ck_assert_ptr_nonnull(r.report);
    return r;
}

#define IMPORT(d, lit, dry, create) import_text(d, lit, strlen(lit), dry, create)

static int count_lines_with(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = text; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* A street, a community and two branches. */
static int64_t setup_orgs(db *d, int64_t *second)
{
    int64_t street = tu_org(d, 0, "新华街道党工委", "街道党工委");
    int64_t comm = tu_org(d, street, "东城社区党委", "社区党委");
    int64_t b1 = tu_org(d, comm, "第一网格党支部", "网格党支部");
    int64_t b2 = tu_org(d, comm, "第二网格党支部", "网格党支部");
    if (second)
        *second = b2;
    return b1;
}

START_TEST(thousand_rows_three_bad)
{
    db *d = tu_open();
    setup_orgs(d, NULL);
    char *text;
    size_t len;
    FILE *f = open_memstream(&text, &len);
    fputs("\xEF\xBB\xBF" HEADER, f);
    for (int i = 0; i < 1000; i++) {
        if (i == 99)    /* line 101: a wrong check digit */
            fputs("坏校验,男,110105194912310021,汉族,,,正式党员,"
                  "第一网格党支部,1975-01-01,,,\r\n", f);
        else if (i == 499)    /* line 501: no such month */
            fputs("坏日期,女,,汉族,1960-01-01,,正式党员,第一网格党支部,"
                  "2021-13-01,,,\r\n", f);
        else if (i == 899)    /* line 901: joined at 10 */
            fputs("太年轻,男,,汉族,1990-05-05,,预备党员,第一网格党支部,"
                  "2000-05-05,,,\r\n", f);
        else
            person_row(f, i, "新华街道党工委/东城社区党委/第一网格党支部");
    }
    fclose(f);
    struct run r = import_text(d, text, len, false, false);
    ck_assert_int_eq(r.rc, 1);
    ck_assert_int_eq(r.res.rows, 1000);
    ck_assert_int_eq(r.res.errors, 3);
    ck_assert_int_eq(count_lines_with(r.report, "\n  第 "), 3);
    ck_assert_msg(strstr(r.report, "  第 101 行「公民身份号码」：") &&
                  strstr(r.report, "校验"), "%s", r.report);
    ck_assert_msg(strstr(r.report, "  第 501 行「加入党组织日期」：无法识别的日期"
                                   "「2021-13-01」"), "%s", r.report);
    ck_assert_msg(strstr(r.report, "  第 901 行「加入党组织日期」：入党时应年满 "
                                   "18 周岁"), "%s", r.report);
    ck_assert_msg(strstr(r.report, "错误 3。有错误，未导入任何数据"), "%s",
                  r.report);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 0);
    ck_assert(!r.res.written);
    free(r.report);

    /* dry run of the good rows: the same report, nothing written */
    char *good = malloc(len + 1);
    size_t k = 0;
    for (const char *p = text; *p;) {
        const char *e = strchr(p, '\n') + 1;
        if (!strstr(p, "坏校验") || strstr(p, "坏校验") >= e)
            if (!strstr(p, "坏日期") || strstr(p, "坏日期") >= e)
                if (!strstr(p, "太年轻") || strstr(p, "太年轻") >= e) {
                    memcpy(good + k, p, (size_t)(e - p));
                    k += (size_t)(e - p);
                }
        p = e;
    }
    r = import_text(d, good, k, true, false);
    ck_assert_msg(r.rc == 0, "%s %s", r.err.msg, r.report);
    ck_assert_msg(r.res.added == 997, "%s", r.report);
    ck_assert_msg(strstr(r.report, "新增 997，更新 0，错误 0。试运行"), "%s",
                  r.report);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 0);
    free(r.report);

    r = import_text(d, good, k, false, false);
    ck_assert_int_eq(r.rc, 0);
    ck_assert(r.res.written);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 997);
    ck_assert_int_eq(q_int(d, "SELECT count(DISTINCT member_no) FROM member"),
                     997);
    /* the stored values, and the search index works for them */
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member WHERE"
                              " address = '测试路2号, 102室'"
                              " AND phone = '13900000001'"
                              " AND education = '大学本科' AND category = 1"
                              " AND full_date = (substr(birth_date, 1, 4) + 26)"
                              " || substr(birth_date, 5)"), 1);
    struct member_query q = {.filter = "13900000001"};
    long n = 0;
    ck_assert_int_eq(member_count(d, &q, &n, &r.err), 0);
    ck_assert_int_eq(n, 1);
    free(r.report);
    free(good);
    free(text);
    db_close(d);
}
END_TEST

START_TEST(duplicate_id_updates_without_blanking)
{
    db *d = tu_open();
    int64_t b1, b2;
    b1 = setup_orgs(d, &b2);
    char id[19], birth[11];
    int g;
    person_id(7, id, birth, &g);
    int64_t mid = tu_member(d, "原名", "13800138000", id, b1);
    member m;
    zb_err err;
    ck_assert_int_eq(member_get(d, mid, &m, &err), 0);
    snprintf(m.address, sizeof m.address, "旧地址");
    snprintf(m.join_date, sizeof m.join_date, "2001-07-01");
    ck_assert_int_eq(member_save(d, &m, &err), 0);

    char text[2048];
    snprintf(text, sizeof text,
             "公民身份号码,姓名,联系电话,家庭住址,所在党支部\n"
             "%s,,,新地址,第二网格党支部\n", id);
    struct run r = IMPORT(d, text, false, false);
    ck_assert_msg(r.rc == 0, "%s %s", r.err.msg, r.report);
    ck_assert_int_eq(r.res.updated, 1);
    ck_assert_int_eq(r.res.added, 0);
    ck_assert_msg(strstr(r.report, "更新的党员（1 名）：\n"
                                   "  第 2 行 原名（编号 10000001）："
                                   "性别、出生日期、所在党支部、家庭住址\n"),
                  "%s", r.report);
    free(r.report);
    ck_assert_int_eq(member_get(d, mid, &m, &err), 0);
    ck_assert_str_eq(m.name, "原名");              /* blank cell: kept */
    ck_assert_str_eq(m.phone, "13800138000");     /* blank cell: kept */
    ck_assert_str_eq(m.address, "新地址");
    ck_assert_int_eq(m.org_id, b2);
    ck_assert_str_eq(m.join_date, "2001-07-01");  /* no column: kept */
    ck_assert_str_eq(m.birth_date, birth);        /* from the ID number */

    /* the same file again: nothing changes */
    r = IMPORT(d, text, false, false);
    ck_assert_int_eq(r.rc, 0);
    ck_assert_int_eq(r.res.updated, 0);
    ck_assert_int_eq(r.res.unchanged, 1);
    free(r.report);

    /* the same ID twice in one file */
    snprintf(text, sizeof text,
             "公民身份号码,姓名,所在党支部\n%s,甲,第二网格党支部\n"
             "%s,乙,第二网格党支部\n", id, id);
    r = IMPORT(d, text, false, false);
    ck_assert_int_eq(r.rc, 1);
    ck_assert_msg(strstr(r.report, "第 3 行「公民身份号码」：与第 2 行的号码相同"),
                  "%s", r.report);
    free(r.report);
    ck_assert_int_eq(member_get(d, mid, &m, &err), 0);
    ck_assert_str_eq(m.name, "原名");
    db_close(d);
}
END_TEST

START_TEST(columns_title_rows_and_aliases)
{
    db *d = tu_open();
    setup_orgs(d, NULL);
    /* a title row, tabs, unknown columns, aliases, hints in headers */
    const char *text =
        "党员信息登记表\n"
        "序号\t*姓名\t身份证号\t年龄\t入党时间（年月日）\t所在支部\t党员类别\t手机号\n"
        "1\t李红\t\t60\t1990年3月5日\t第一网格党支部\t正式\t 139 0000 1234 \n";
    struct run r = IMPORT(d, text, false, false);
    ck_assert_msg(r.rc == 0, "%s %s", r.err.msg, r.report);
    ck_assert_msg(strstr(r.report, "第 1 行不是标题行，已跳过"), "%s", r.report);
    ck_assert_msg(strstr(r.report, "未识别的列（已忽略）：序号（第 1 列）、"
                                   "年龄（第 4 列）\n"), "%s", r.report);
    ck_assert_msg(strstr(r.report, "制表符分隔"), "%s", r.report);
    ck_assert_int_eq(r.res.added, 1);
    free(r.report);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member WHERE name = '李红'"
                              " AND join_date = '1990-03-05'"
                              " AND phone = '139 0000 1234'"), 1);

    /* two columns naming the same field stop the import */
    r = IMPORT(d, "姓名,身份证号,公民身份号码\n甲,,\n", false, false);
    ck_assert_int_eq(r.rc, -1);
    ck_assert_msg(strstr(r.err.msg, "第 2 列和第 3 列都是「公民身份号码」"), "%s",
                  r.err.msg);
    free(r.report);
    /* no header at all */
    r = IMPORT(d, "a,b\n1,2\n", false, false);
    ck_assert_int_eq(r.rc, -1);
    ck_assert_msg(strstr(r.err.msg, "找不到标题行"), "%s", r.err.msg);
    free(r.report);
    db_close(d);
}
END_TEST

START_TEST(unknown_branches_listed_and_created)
{
    db *d = tu_open();
    setup_orgs(d, NULL);
    long orgs = (long)q_int(d, "SELECT count(*) FROM org");
    const char *text =
        "姓名,所在党支部,加入党组织日期,人员类别\n"
        "甲,东城社区党委/第九网格党支部,2001-07-01,正式党员\n"
        "乙,东城社区党委 ／ 第九网格党支部,2001-07-01,正式党员\n"
        "丙,老党员支部,2001-07-01,预备党员\n"
        "丁,东城社区党委,2001-07-01,正式党员\n";
    struct run r = IMPORT(d, text, false, false);
    ck_assert_int_eq(r.rc, 1);
    ck_assert_msg(strstr(r.report, "不存在的党组织（2 个，加 --create-orgs "
                                   "可自动新建）：\n"
                                   "  东城社区党委/第九网格党支部（第 2 行起，共 2 行）\n"
                                   "  老党员支部（第 4 行起，共 1 行）\n"),
                  "%s", r.report);
    ck_assert_msg(strstr(r.report, "第 5 行「所在党支部」：「新华街道党工委/"
                                   "东城社区党委」是社区党委，党员应编入其下的"
                                   "党支部或党小组"), "%s", r.report);
    ck_assert_int_eq(r.res.errors, 4);
    free(r.report);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org"), orgs);

    /* created with the option (the 党委 row still refused: all or none) */
    r = IMPORT(d, text, false, true);
    ck_assert_int_eq(r.rc, 1);
    ck_assert_msg(strstr(r.report, "将新建（本次未写入）的党组织（2 个）"), "%s",
                  r.report);
    free(r.report);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org"), orgs);
    char *ok = strdup(text);
    *strstr(ok, "丁,") = '\0';
    r = IMPORT(d, ok, false, true);
    ck_assert_msg(r.rc == 0, "%s %s", r.err.msg, r.report);
    ck_assert_msg(strstr(r.report, "新建的党组织（2 个）：\n"
                                   "  新华街道党工委/东城社区党委/第九网格党支部"
                                   "（网格党支部）\n"
                                   "  新华街道党工委/老党员支部（功能型党支部）\n"),
                  "%s",
                  r.report);
    free(r.report);
    free(ok);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org"), orgs + 2);
    /* under the community named in the path; the bare name under the
     * only root */
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org o JOIN org p"
                              " ON p.id = o.parent_id WHERE"
                              " o.name = '第九网格党支部'"
                              " AND p.name = '东城社区党委'"), 1);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org o JOIN org p"
                              " ON p.id = o.parent_id WHERE"
                              " o.name = '老党员支部'"
                              " AND p.name = '新华街道党工委'"), 1);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member m JOIN org o"
                              " ON o.id = m.org_id WHERE"
                              " o.name = '第九网格党支部'"), 2);
    db_close(d);
}
END_TEST

START_TEST(every_date_form)
{
    db *d = tu_open();
    setup_orgs(d, NULL);
    static const char *const forms[] = {
        "2021-07-01", "2021-7-1", "2021/7/1", "2021.7.1", "2021年7月1日",
        "20210701", "2021/7/1 0:00", "2021-07-01 00:00:00",
    };
    char text[4096];
    size_t k = (size_t)snprintf(text, sizeof text,
                                "姓名,所在党支部,人员类别,加入党组织日期\n");
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        k += (size_t)snprintf(text + k, sizeof text - k,
                              "人%zu,第一网格党支部,预备党员,%s\n", i, forms[i]);
    struct run r = IMPORT(d, text, false, false);
    ck_assert_msg(r.rc == 0, "%s %s", r.err.msg, r.report);
    free(r.report);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"
                              " WHERE join_date = '2021-07-01'"), 8);
    /* not dates */
    r = IMPORT(d, "姓名,所在党支部,人员类别,加入党组织日期\n"
                  "错一,第一网格党支部,预备党员,2021/2/30\n"
                  "错二,第一网格党支部,预备党员,07/01/2021\n"
                  "错三,第一网格党支部,预备党员,2099-01-01\n", false, false);
    ck_assert_int_eq(r.rc, 1);
    ck_assert_int_eq(r.res.errors, 3);
    ck_assert_msg(strstr(r.report, "第 4 行「加入党组织日期」：日期不能晚于今天"),
                  "%s", r.report);
    free(r.report);
    db_close(d);
}
END_TEST

/* ---- round trip ---- */

struct collect {
    member *v;
    int n;
};

static int collect_one(void *ctx, const member *m)
{
    struct collect *c = ctx;
    c->v = realloc(c->v, sizeof *c->v * (size_t)(c->n + 1));
    c->v[c->n++] = *m;
    return 0;
}

static const char *path_of(const struct org_item *v, int n, int64_t id)
{
    for (int i = 0; i < n; i++)
        if (v[i].id == id)
            return v[i].path;
    return "";
}

static char *export_text(db *d, const char *kind, bool full,
                         enum csv_encoding enc, size_t *len, long *rows)
{
    char *text = NULL;
    FILE *f = open_memstream(&text, len);
    struct export_options o = {.encoding = enc, .full = full};
    zb_err err;
    ck_assert_msg(export_write(d, kind, f, &o, rows, &err) == 0, "%s",
                  err.msg);
    fclose(f);
    return text;
}

/* The grid path of a node, "" for 0 (a static buffer). */
static const char *grid_path_of(db *d, int64_t id)
{
    static char path[512];
    struct grid_item *v = NULL;
    int n = 0;
    zb_err err;
    path[0] = '\0';
    if (!id)
        return path;
    ck_assert_int_eq(grid_list(d, &v, &n, &err), 0);
    for (int i = 0; i < n; i++)
        if (v[i].id == id)
            snprintf(path, sizeof path, "%s", v[i].path);
    free(v);
    ck_assert_msg(path[0], "grid %lld", (long long)id);
    return path;
}

static void compare_registers(db *a, db *b)
{
    struct collect ca = {0}, cb = {0};
    zb_err err;
    ck_assert_int_eq(member_each(a, collect_one, &ca, &err), 0);
    ck_assert_int_eq(member_each(b, collect_one, &cb, &err), 0);
    ck_assert_int_eq(ca.n, cb.n);
    struct org_item *oa, *ob;
    int na, nb;
    ck_assert_int_eq(org_list(a, &oa, &na, &err), 0);
    ck_assert_int_eq(org_list(b, &ob, &nb, &err), 0);
    int lefts = 0;
    for (int i = 0; i < ca.n; i++) {
        const member *x = &ca.v[i], *y = &cb.v[i];
        ck_assert_int_eq(x->id, y->id);
        ck_assert_str_eq(x->member_no, y->member_no);
        ck_assert_str_eq(x->name, y->name);
        ck_assert_int_eq(x->gender, y->gender);
        ck_assert_str_eq(x->id_number, y->id_number);
        ck_assert_str_eq(x->ethnic, y->ethnic);
        ck_assert_str_eq(x->birth_date, y->birth_date);
        ck_assert_str_eq(x->education, y->education);
        ck_assert_int_eq(x->category, y->category);
        ck_assert_str_eq(path_of(oa, na, x->org_id), path_of(ob, nb, y->org_id));
        ck_assert_str_eq(x->join_date, y->join_date);
        ck_assert_str_eq(x->full_date, y->full_date);
        ck_assert_str_eq(x->job, y->job);
        ck_assert_str_eq(x->phone, y->phone);
        ck_assert_str_eq(x->address, y->address);
        ck_assert_int_eq(x->party_status, y->party_status);
        ck_assert_int_eq(x->lost, y->lost);
        ck_assert_str_eq(x->lost_date, y->lost_date);
        ck_assert_int_eq(x->mobile, y->mobile);
        ck_assert_str_eq(x->mobile_dest, y->mobile_dest);
        ck_assert_int_eq(x->kind, y->kind);
        ck_assert_str_eq(x->employer, y->employer);
        ck_assert_str_eq(x->notes, y->notes);
        ck_assert_int_eq(x->left_kind, y->left_kind);
        ck_assert_str_eq(x->left_date, y->left_date);
        char home[512];
        snprintf(home, sizeof home, "%s", grid_path_of(a, x->residence_id));
        ck_assert_str_eq(home, grid_path_of(b, y->residence_id));
        lefts += x->left_kind != 0;
    }
    free(ca.v);
    free(cb.v);
    free(oa);
    free(ob);
}

static void round_trip(enum csv_encoding enc)
{
    db *a = tu_open();
    zb_err err;
    struct demo_options o;
    demo_options_default(&o);
    o.members = 400;
    o.months = 0;
    ck_assert_msg(demo_fill_opts(a, &o, NULL, &err) == 0, "%s", err.msg);
    /* awkward values the demo does not make */
    member m;
    ck_assert_int_eq(member_get(a, 5, &m, &err), 0);
    snprintf(m.notes, sizeof m.notes, "第一行，有逗号\n第二行\"引号\"");
    snprintf(m.address, sizeof m.address, "东城区, 3号楼");
    ck_assert_int_eq(member_save(a, &m, &err), 0);
    /* a gap in the numbers: a record entered by mistake and erased */
    m.id = 0;
    m.id_number[0] = '\0';
    ck_assert_int_eq(member_save(a, &m, &err), 0);
    ck_assert_int_eq(member_delete(a, m.id, &err), 0);
    m.id = 0;
    ck_assert_int_eq(member_save(a, &m, &err), 0);
    ck_assert_int_eq(m.id, o.members + 2);

    size_t len;
    long rows;
    char *text = export_text(a, "members", true, enc, &len, &rows);
    ck_assert_int_eq(rows, q_int(a, "SELECT count(*) FROM member"));

    db *b = NULL;
    ck_assert_int_eq(db_open(tu_path("empty.db"), DB_OPEN_CREATE, &b, &err), 0);
    /* 居住网格 names grid nodes: the grids come first */
    size_t glen;
    long grows;
    char *grids = export_text(a, "grids", true, enc, &glen, &grows);
    struct import_options go = {.today = TODAY};
    struct import_result gres;
    char *grep_ = NULL;
    ck_assert_int_eq(import_mem(b, "grids", grids, glen, "grids.csv", &go,
                                &gres, &grep_, &err), 0);
    ck_assert_int_eq(gres.added, grows);
    free(grep_);
    free(grids);
    struct run r = import_text(b, text, len, false, true);
    ck_assert_msg(r.rc == 0, "%s\n%.3000s", r.err.msg, r.report);
    ck_assert_int_eq(r.res.added, rows);
    free(r.report);
    compare_registers(a, b);
    ck_assert_int_gt(q_int(b, "SELECT count(*) FROM member"
                              " WHERE residence_id IS NOT NULL"), 100);
    /* the index of the imported register answers like the original */
    ck_assert_int_eq(q_int(b, "SELECT count(*) FROM member_tally"),
                     q_int(a, "SELECT count(*) FROM member_tally"));
    free(text);
    db_close(b);
    db_close(a);
}

START_TEST(round_trip_utf8)
{
    round_trip(CSV_ENC_UTF8);
}
END_TEST

START_TEST(round_trip_gb18030)
{
    round_trip(CSV_ENC_GB18030);
}
END_TEST

START_TEST(masked_export_does_not_import)
{
    db *a = tu_open();
    int64_t b1 = setup_orgs(a, NULL);
    tu_member(a, "甲", "", "11010519491231002X", b1);
    tu_sql(a, "UPDATE member SET join_date = '1970-07-01'");
    size_t len;
    long rows;
    char *text = export_text(a, "members", false, CSV_ENC_UTF8, &len, &rows);
    ck_assert_int_eq(rows, 1);
    ck_assert_msg(strstr(text, "\"\t1101**********002X\""), "%s", text);
    ck_assert(!strstr(text, "11010519491231002X"));
    db *b = NULL;
    zb_err err;
    ck_assert_int_eq(db_open(tu_path("b.db"), DB_OPEN_CREATE, &b, &err), 0);
    struct run r = import_text(b, text, len, false, true);
    ck_assert_int_eq(r.rc, 1);
    ck_assert_msg(strstr(r.report, "「公民身份号码」：号码已打码"), "%s",
                  r.report);
    free(r.report);
    /* into the database it came from: matched by 党员编号, the masked
     * number agrees with the stored one */
    r = import_text(a, text, len, false, false);
    ck_assert_msg(r.rc == 0, "%s", r.report);
    ck_assert_int_eq(r.res.added, 0);
    ck_assert_int_eq(r.res.errors, 0);
    ck_assert_int_eq(r.res.updated + r.res.unchanged, 1);
    free(r.report);
    free(text);

    /* meetings and attendance export with their headers */
    text = export_text(a, "meetings", false, CSV_ENC_UTF8, &len, &rows);
    ck_assert_int_eq(rows, 0);
    ck_assert(strncmp(text, "\xEF\xBB\xBF会议编号,日期,", 22) == 0);
    free(text);
    text = export_text(a, "attendance", false, CSV_ENC_UTF8, &len, &rows);
    ck_assert(strstr(text, "考勤情况") != NULL);
    free(text);
    db_close(b);
    db_close(a);
}
END_TEST

START_TEST(match_by_member_number)
{
    db *d = tu_open();
    int64_t b1 = setup_orgs(d, NULL);
    int64_t id = tu_member(d, "王某", "", "", b1);
    ck_assert_int_eq(id, 1);
    tu_sql(d, "UPDATE member SET join_date = '2001-07-01'");
    struct run r = IMPORT(d, "党员编号,姓名,工作单位\n10000001,王某,某公司\n",
                          false, false);
    ck_assert_msg(r.rc == 0, "%s", r.report);
    ck_assert_int_eq(r.res.updated, 1);
    free(r.report);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"
                              " WHERE employer = '某公司'"), 1);
    /* a number that belongs to someone else by name */
    r = IMPORT(d, "党员编号,姓名,工作单位\n10000001,李某,某公司\n", false, false);
    ck_assert_int_eq(r.rc, 1);
    ck_assert_msg(strstr(r.report, "党员编号 10000001 属于党员 王某，姓名不符"),
                  "%s", r.report);
    free(r.report);
    /* not one of ours */
    r = IMPORT(d, "党员编号,姓名\n001,李某\n", false, false);
    ck_assert_int_eq(r.rc, 1);
    ck_assert_msg(strstr(r.report, "「001」不是本程序的党员编号"), "%s",
                  r.report);
    free(r.report);
    db_close(d);
}
END_TEST

/* The shared member rules (model/member_valid.h) directly. */
START_TEST(member_rules)
{
    member m;
    member_init(&m);
    char msg[256];
    const char *p;
#define PROBLEM(f) member_field_problem(NULL, &m, (f), TODAY, msg, sizeof msg)
    ck_assert_str_eq(PROBLEM(MF_NAME), "必填");
    snprintf(m.name, sizeof m.name, "甲");
    ck_assert_ptr_null(PROBLEM(MF_NAME));
    ck_assert_str_eq(PROBLEM(MF_ORG), "必填");
    ck_assert_str_eq(PROBLEM(MF_JOIN), "必填");
    snprintf(m.birth_date, sizeof m.birth_date, "1990-05-05");
    snprintf(m.join_date, sizeof m.join_date, "2008-05-04");
    ck_assert_str_eq(PROBLEM(MF_JOIN), "入党时应年满 18 周岁");
    snprintf(m.join_date, sizeof m.join_date, "2008-05-05");
    ck_assert_ptr_null(PROBLEM(MF_JOIN));
    snprintf(m.full_date, sizeof m.full_date, "2008-01-01");
    ck_assert_str_eq(PROBLEM(MF_FULL), "转正日期不能早于入党日期");
    snprintf(m.full_date, sizeof m.full_date, "2009-05-05");
    m.category = CATEGORY_PROBATION;
    ck_assert_ptr_nonnull(strstr(PROBLEM(MF_FULL), "预备党员尚未转正"));
    snprintf(m.birth_date, sizeof m.birth_date, "2027-01-01");
    ck_assert_str_eq(PROBLEM(MF_BIRTH), "日期不能晚于今天");
    snprintf(m.birth_date, sizeof m.birth_date, "1949-12-30");
    snprintf(m.id_number, sizeof m.id_number, "11010519491231002X");
    p = PROBLEM(MF_IDNUM);
    ck_assert_str_eq(p, "与出生日期不符：号码中为 1949-12-31");
    snprintf(m.birth_date, sizeof m.birth_date, "1949-12-31");
    m.gender = GENDER_MALE;
    ck_assert_str_eq(PROBLEM(MF_IDNUM), "与性别不符：号码中为女");
    m.lost = true;
    ck_assert_str_eq(PROBLEM(MF_LOST_DATE), "必填");
    m.mobile = true;
    ck_assert_str_eq(PROBLEM(MF_MOBILE_DEST), "必填");
    snprintf(m.phone, sizeof m.phone, "12345");
    ck_assert_ptr_nonnull(strstr(PROBLEM(MF_PHONE), "电话号码格式不对"));
    snprintf(m.ethnic, sizeof m.ethnic, "毛难族");   /* obsolete name */
    ck_assert_ptr_nonnull(PROBLEM(MF_ETHNIC));
#undef PROBLEM
    /* birth date and gender follow from the ID number when empty */
    member_init(&m);
    snprintf(m.id_number, sizeof m.id_number, "11010519491231002x");
    member_apply_idnum(&m, TODAY);
    ck_assert_str_eq(m.id_number, "11010519491231002X");
    ck_assert_str_eq(m.birth_date, "1949-12-31");
    ck_assert_int_eq(m.gender, GENDER_FEMALE);
}
END_TEST

int main(void)
{
    setenv("ZHIBU_TODAY", TODAY, 1);
    Suite *s = suite_create("import");
    TCase *tc = tcase_create("import");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, NULL, tu_cleanup);
    tcase_add_test(tc, thousand_rows_three_bad);
    tcase_add_test(tc, duplicate_id_updates_without_blanking);
    tcase_add_test(tc, columns_title_rows_and_aliases);
    tcase_add_test(tc, unknown_branches_listed_and_created);
    tcase_add_test(tc, every_date_form);
    tcase_add_test(tc, round_trip_utf8);
    tcase_add_test(tc, round_trip_gb18030);
    tcase_add_test(tc, masked_export_does_not_import);
    tcase_add_test(tc, match_by_member_number);
    tcase_add_test(tc, member_rules);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
