/* Members, organisations, demo data and `check` against a temporary
 * database. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain.h"
#include "model/check.h"
#include "model/demo.h"
#include "model/member.h"
#include "model/org.h"
#include "rules.h"
#include "testutil.h"

#define TODAY "2025-06-30"

static long long q_int(db *d, const char *sql)
{
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

static long count(db *d, const char *filter, bool include_left,
                  int64_t org)
{
    struct member_query q = {.filter = filter, .include_left = include_left,
                             .org_id = org};
    long n = -1;
    zb_err err = {""};
    ck_assert_msg(member_count(d, &q, &n, &err) == 0, "%s", err.msg);
    return n;
}

/* Ground truth: the definition of a match, straight in SQL. */
static long like_count(db *d, const char *filter, bool include_left)
{
    sqlite3_stmt *st = db_stmt(d,
        "SELECT count(*) FROM member WHERE search LIKE '%' || ?1 || '%'"
        " AND (?2 OR left_kind = 0)", NULL);
    sqlite3_bind_text(st, 1, filter, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, include_left);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long n = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return n;
}

/* Names of the rows of a query, joined by spaces. */
static const char *names(db *d, const struct member_query *q, char *buf,
                         size_t n)
{
    struct member_row rows[64];
    int nrows = 0;
    zb_err err = {""};
    ck_assert_msg(member_window(d, q, 0, 64, rows, &nrows, &err) == 0,
                  "%s", err.msg);
    buf[0] = '\0';
    for (int i = 0; i < nrows; i++) {
        strncat(buf, rows[i].name, n - strlen(buf) - 1);
        if (i + 1 < nrows)
            strncat(buf, " ", n - strlen(buf) - 1);
    }
    return buf;
}

static member full_member(void)
{
    member m;
    member_init(&m);
    snprintf(m.name, sizeof m.name, "欧阳晓燕");
    m.gender = GENDER_FEMALE;
    snprintf(m.id_number, sizeof m.id_number, "11010519491231002X");
    snprintf(m.ethnic, sizeof m.ethnic, "满族");
    snprintf(m.birth_date, sizeof m.birth_date, "1949-12-31");
    snprintf(m.education, sizeof m.education, "大学本科");
    m.category = CATEGORY_FULL;
    snprintf(m.join_date, sizeof m.join_date, "1975-07-01");
    snprintf(m.full_date, sizeof m.full_date, "1976-07-01");
    snprintf(m.job, sizeof m.job, "退休教师（原市第三中学）");
    snprintf(m.phone, sizeof m.phone, "138 0013 8000");
    snprintf(m.address, sizeof m.address, "东湖社区 12 栋 3 单元 502 室");
    m.party_status = PARTY_STATUS_NORMAL;
    m.lost = true;
    snprintf(m.lost_date, sizeof m.lost_date, "2024-03-01");
    m.mobile = true;
    snprintf(m.mobile_dest, sizeof m.mobile_dest, "广东省深圳市");
    m.kind = KIND_MOBILE;
    snprintf(m.employer, sizeof m.employer, "无");
    snprintf(m.notes, sizeof m.notes, "备注：“老党员”——行动不便，"
             "需上门服务。\n第二行");
    return m;
}

START_TEST(test_round_trip)
{
    db *d = tu_open();
    int64_t org = tu_org(d, 0, "东湖社区党委", "社区党委");
    member m = full_member(), g;
    m.org_id = org;
    zb_err err = {""};
    ck_assert_int_eq(member_save(d, &m, &err), 0);
    ck_assert_int_eq(m.id, 1);
    ck_assert_str_eq(m.member_no, "10000001");
    ck_assert_str_eq(m.updated_by, db_user(d));
    ck_assert_int_eq(strlen(m.updated_at), 19);

    ck_assert_int_eq(member_get(d, m.id, &g, &err), 0);
    ck_assert_str_eq(g.member_no, "10000001");
    ck_assert_str_eq(g.name, "欧阳晓燕");
    ck_assert_int_eq(g.gender, GENDER_FEMALE);
    ck_assert_str_eq(g.id_number, "11010519491231002X");
    ck_assert_str_eq(g.ethnic, "满族");
    ck_assert_str_eq(g.birth_date, "1949-12-31");
    ck_assert_str_eq(g.education, "大学本科");
    ck_assert_int_eq(g.category, CATEGORY_FULL);
    ck_assert_int_eq(g.org_id, org);
    ck_assert_str_eq(g.join_date, "1975-07-01");
    ck_assert_str_eq(g.full_date, "1976-07-01");
    ck_assert_str_eq(g.job, "退休教师（原市第三中学）");
    ck_assert_str_eq(g.phone, "138 0013 8000");
    ck_assert_str_eq(g.address, "东湖社区 12 栋 3 单元 502 室");
    ck_assert_int_eq(g.party_status, PARTY_STATUS_NORMAL);
    ck_assert(g.lost);
    ck_assert_str_eq(g.lost_date, "2024-03-01");
    ck_assert(g.mobile);
    ck_assert_str_eq(g.mobile_dest, "广东省深圳市");
    ck_assert_int_eq(g.kind, KIND_MOBILE);
    ck_assert_str_eq(g.employer, "无");
    ck_assert_str_eq(g.notes, m.notes);
    ck_assert_int_eq(g.left_kind, LEFT_NONE);
    ck_assert_str_eq(g.updated_at, m.updated_at);
    ck_assert_str_eq(g.updated_by, db_user(d));
    /* stored as text, all 18 characters */
    ck_assert_int_eq(q_int(d, "SELECT typeof(id_number) = 'text' AND"
                              " length(id_number) = 18 FROM member"), 1);
    ck_assert_int_eq(q_int(d, "SELECT typeof(member_no) = 'text'"
                              " FROM member"), 1);
    ck_assert_int_eq(q_int(d, "SELECT created_at = updated_at"
                              " FROM member"), 1);

    /* update in place: same id and number, new values, keys follow */
    snprintf(g.phone, sizeof g.phone, "13912345678");
    g.lost = false;
    ck_assert_int_eq(member_save(d, &g, &err), 0);
    ck_assert_int_eq(g.id, 1);
    member h;
    ck_assert_int_eq(member_get(d, 1, &h, &err), 0);
    ck_assert_str_eq(h.phone, "13912345678");
    ck_assert(!h.lost);
    ck_assert_str_eq(h.lost_date, "");     /* no date without the flag */
    ck_assert_int_eq(count(d, "13912345678", false, 0), 1);
    ck_assert_int_eq(count(d, "13800138000", false, 0), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 1);

    ck_assert_int_eq(member_get(d, 99, &h, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "找不到"));
    member empty;
    member_init(&empty);
    ck_assert_int_eq(member_save(d, &empty, &err), -1);
    ck_assert_str_eq(err.msg, "姓名不能为空");
    db_close(d);
}
END_TEST

START_TEST(test_save_refuses_bad_values)
{
    db *d = tu_open();
    member m = full_member();
    zb_err err = {""};
    snprintf(m.birth_date, sizeof m.birth_date, "1949/12/31");
    ck_assert_int_eq(member_save(d, &m, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "YYYY-MM-DD"));
    m = full_member();
    m.org_id = 42;
    ck_assert_int_eq(member_save(d, &m, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "党组织不存在"));
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member_search('aa')"),
                     0);
    db_close(d);
}
END_TEST

START_TEST(test_duplicate_id_number)
{
    db *d = tu_open();
    int64_t a = tu_member(d, "王建国", "", "11010519491231002X", 0);
    member b;
    member_init(&b);
    snprintf(b.name, sizeof b.name, "李四");
    snprintf(b.id_number, sizeof b.id_number, "11010519491231002x");
    zb_err err = {""};
    ck_assert_int_eq(member_save(d, &b, &err), -1);
    ck_assert_str_eq(err.msg,
                     "公民身份号码已由党员 王建国（编号 10000001）使用");
    ck_assert_int_eq(b.id, 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 1);

    int64_t found = -1;
    char name[64];
    ck_assert_int_eq(member_find_idnum(d, "11010519491231002X", 0, &found,
                                       name, sizeof name, &err), 0);
    ck_assert_int_eq(found, a);
    ck_assert_str_eq(name, "王建国");
    ck_assert_int_eq(member_find_idnum(d, "11010519491231002X", a, &found,
                                       name, sizeof name, &err), 0);
    ck_assert_int_eq(found, 0);
    ck_assert_int_eq(member_find_idnum(d, "", 0, &found, name, sizeof name,
                                       &err), 0);
    ck_assert_int_eq(found, 0);

    /* the holder may be saved again; empty numbers never collide */
    member m;
    ck_assert_int_eq(member_get(d, a, &m, &err), 0);
    ck_assert_int_eq(member_save(d, &m, &err), 0);
    tu_member(d, "甲", "", "", 0);
    tu_member(d, "乙", "", "", 0);
    /* lower-case x is stored upper-case */
    int64_t c = tu_member(d, "丙", "", "44052418800101001x", 0);
    ck_assert_int_eq(member_get(d, c, &m, &err), 0);
    ck_assert_str_eq(m.id_number, "44052418800101001X");
    db_close(d);
}
END_TEST

START_TEST(test_delete_and_mark_left)
{
    db *d = tu_open();
    zb_err err = {""};
    int64_t a = tu_member(d, "新录入", "13800000001", "", 0);
    int64_t b = tu_member(d, "老党员", "13800000002", "", 0);
    bool has = true;
    ck_assert_int_eq(member_has_history(d, a, &has, &err), 0);
    ck_assert(!has);
    ck_assert_int_eq(member_delete(d, a, &err), 0);
    member m;
    ck_assert_int_eq(member_get(d, a, &m, &err), -1);
    ck_assert_int_eq(count(d, "新录入", true, 0), 0);

    /* entered two days ago: kept for ever, only marked as left */
    tu_sql(d, "UPDATE member SET created_at = datetime('now', '-2 days')");
    ck_assert_int_eq(member_has_history(d, b, &has, &err), 0);
    ck_assert(has);
    ck_assert_int_eq(member_delete(d, b, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "不能删除"));
    ck_assert_int_eq(member_get(d, b, &m, &err), 0);
    ck_assert_int_eq(member_has_history(d, 999, &has, &err), -1);

    ck_assert_int_eq(member_mark_left(d, b, LEFT_TRANSFERRED, "2025-01-02",
                                      &err), 0);
    ck_assert_int_eq(member_get(d, b, &m, &err), 0);
    ck_assert_int_eq(m.left_kind, LEFT_TRANSFERRED);
    ck_assert_str_eq(m.left_date, "2025-01-02");
    ck_assert_int_eq(count(d, "", false, 0), 0);
    ck_assert_int_eq(count(d, "", true, 0), 1);
    ck_assert_int_eq(count(d, "ldy", false, 0), 0);
    ck_assert_int_eq(count(d, "ldy", true, 0), 1);
    ck_assert_int_eq(count(d, "老党", true, 0), 1);
    ck_assert_int_eq(count(d, "0002", true, 0), 1);

    ck_assert_int_eq(member_mark_left(d, b, LEFT_DECEASED, "2025-13-01",
                                      &err), -1);
    ck_assert_int_eq(member_mark_left(d, b, 17, "2025-01-01", &err), -1);
    ck_assert_int_eq(member_mark_left(d, 999, LEFT_DECEASED, "2025-01-01",
                                      &err), -1);
    /* and back */
    ck_assert_int_eq(member_mark_left(d, b, LEFT_NONE, NULL, &err), 0);
    ck_assert_int_eq(member_get(d, b, &m, &err), 0);
    ck_assert_str_eq(m.left_date, "");
    ck_assert_int_eq(count(d, "ldy", false, 0), 1);
    bool stale_ok;
    long stale = -1;
    ck_assert_int_eq(member_check_keys(d, &stale, &stale_ok, &err), 0);
    ck_assert_int_eq(stale, 0);
    ck_assert(stale_ok);
    db_close(d);
}
END_TEST

START_TEST(test_numbers_never_reused)
{
    db *d = tu_open();
    zb_err err = {""};
    /* the tally keeps no zero counts: the register is empty again */
    bool empty = false;
    int64_t gone = tu_member(d, "零", "13800001234", "", 0);
    ck_assert_int_eq(member_delete(d, gone, &err), 0);
    ck_assert_int_eq(db_is_empty(d, &empty, &err), 0);
    ck_assert(empty);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member_tally"), 0);
    tu_member(d, "一", "", "", 0);
    tu_member(d, "二", "", "", 0);
    int64_t c = tu_member(d, "三", "", "", 0);
    ck_assert_int_eq(member_delete(d, c, &err), 0);
    int64_t e = tu_member(d, "四", "", "", 0);
    ck_assert_int_eq(e, 5);
    member m;
    ck_assert_int_eq(member_get(d, e, &m, &err), 0);
    ck_assert_str_eq(m.member_no, "10000005");
    char no[16];
    member_number(12345, no, sizeof no);
    ck_assert_str_eq(no, "10012345");
    db_close(d);
}
END_TEST

/* A small register for the list tests. */
static db *small_register(int64_t *street, int64_t *c1, int64_t *b1)
{
    db *d = tu_open();
    *street = tu_org(d, 0, "云溪街道党工委", "街道党工委");
    *c1 = tu_org(d, *street, "东湖社区党委", "社区党委");
    *b1 = tu_org(d, *c1, "第一网格党支部", "网格党支部");
    int64_t b2 = tu_org(d, *c1, "第二网格党支部", "网格党支部");
    int64_t c2 = tu_org(d, *street, "松林社区党支部", "社区党支部");
    tu_member(d, "张小军", "13800001234", "110105198005120016", *b1);
    tu_member(d, "安宁", "13912340000", "", b2);
    tu_member(d, "丁一", "0731-84561234", "", c2);
    tu_member(d, "曾小军", "", "440524188001010014", *b1);
    tu_member(d, "王芳", "15000000000", "11010519491231002X", b2);
    tu_member(d, "李明", "", "", 0);
    tu_member(d, "Tom Lee", "", "", c2);
    return d;
}

START_TEST(test_filters)
{
    int64_t street, c1, b1;
    db *d = small_register(&street, &c1, &b1);
    char buf[512];
    struct member_query q = {.filter = "zxj"};
    ck_assert_str_eq(names(d, &q, buf, sizeof buf), "曾小军 张小军");
    ck_assert_int_eq(count(d, "zxj", false, 0), 2);   /* 曾: zeng/ceng */
    ck_assert_int_eq(count(d, "cxj", false, 0), 1);
    ck_assert_int_eq(count(d, "ZXJ", false, 0), 2);
    ck_assert_int_eq(count(d, "  zxj ", false, 0), 2);
    ck_assert_int_eq(count(d, "小军", false, 0), 2);
    ck_assert_int_eq(count(d, "张", false, 0), 1);
    ck_assert_int_eq(count(d, "张小军", false, 0), 1);
    q.filter = "张";
    ck_assert_str_eq(names(d, &q, buf, sizeof buf), "张小军");
    ck_assert_int_eq(count(d, "1380", false, 0), 1);          /* phone */
    ck_assert_int_eq(count(d, "84561234", false, 0), 1);      /* landline */
    ck_assert_int_eq(count(d, "19491231", false, 0), 1);      /* ID */
    ck_assert_int_eq(count(d, "1231002x", false, 0), 1);
    ck_assert_int_eq(count(d, "1231002X", false, 0), 1);
    q.filter = "10000003";                                    /* number */
    ck_assert_str_eq(names(d, &q, buf, sizeof buf), "丁一");
    ck_assert_int_eq(count(d, "tom", false, 0), 1);
    ck_assert_int_eq(count(d, "tom lee", false, 0), 1);
    ck_assert_int_eq(count(d, "omle", false, 0), 1);  /* ASCII kept */
    ck_assert_int_eq(count(d, "", false, 0), 7);
    ck_assert_int_eq(count(d, NULL, false, 0), 7);
    /* LIKE characters are plain text */
    ck_assert_int_eq(count(d, "%", false, 0), 0);
    ck_assert_int_eq(count(d, "_", false, 0), 0);
    ck_assert_int_eq(count(d, "\\", false, 0), 0);
    ck_assert_int_eq(count(d, "没有", false, 0), 0);
    /* organisation filter: the organisation and everything under it */
    ck_assert_int_eq(count(d, "", false, b1), 2);
    ck_assert_int_eq(count(d, "", false, c1), 4);
    ck_assert_int_eq(count(d, "", false, street), 6);
    ck_assert_int_eq(count(d, "zxj", false, c1), 2);
    ck_assert_int_eq(count(d, "安", false, b1), 0);

    /* every plan agrees with the definition */
    static const char *const filters[] = {
        "z", "x", "zx", "zxj", "xj", "j", "1", "13", "138", "1380",
        "13800001234", "0000", "100000", "10000001", "1000000", "1231002x",
        "张", "小", "小军", "张小", "军 ", "wf", "a", "an", "lm", "tom",
        "om l", "0731-8", "-", "曾", "zeng", "2x", "x 1",
        "\xEF\xBF\xBD", "张\xBC",
        /* 1-3 digits anywhere, also at the very end of a phone number,
         * ID number or member number (the tails of a digit run) */
        "0", "00", "000", "4", "34", "234", "5", "16", "016", "7", "07",
        "84", "3", "05", "99", "6", "9",
        /* single letters, single and paired characters */
        "y", "q", "w", "l", "m", "王", "芳", "李", "丁", "一", "小军 ",
        "曾小", "王芳", "芳王", "军张", "1101", "19800512", "0512001",
        "zx ", "tom l",
    };
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++)
        for (int left = 0; left < 2; left++) {
            char f[64];
            snprintf(f, sizeof f, "%s", filters[i]);
            /* like_count takes the trimmed, lower-case filter */
            size_t n = strlen(f);
            while (n && f[n - 1] == ' ')
                f[--n] = '\0';
            ck_assert_msg(count(d, filters[i], left, 0) ==
                          like_count(d, f, left), "filter '%s'",
                          filters[i]);
        }
    db_close(d);
}
END_TEST

/* Ground truth for a query: the ids in order, straight in SQL. */
static int truth(db *d, const struct member_query *q, int64_t *ids, int max)
{
    static const char *const terms[MEMBER_SORT_COUNT] = {
        [MEMBER_SORT_PINYIN] = "sort_py%s, id%s",
        [MEMBER_SORT_STROKES] = "sort_strokes%s, id%s",
        [MEMBER_SORT_AGE] = "birth_date = ''%s, birth_date%s, id%s",
        [MEMBER_SORT_ORG] = "",
        [MEMBER_SORT_JOIN] = "join_date = ''%s, join_date%s, id%s",
        [MEMBER_SORT_NO] = "member_no%s, id%s",
    };
    char order[128], sql[512], f[64];
    const char *dir = q->desc ? " DESC" : "";
    snprintf(order, sizeof order, terms[q->sort], dir, dir, dir);
    snprintf(sql, sizeof sql, "SELECT id FROM member WHERE search LIKE"
             " '%%' || ?1 || '%%' AND (?2 OR left_kind = 0) ORDER BY %s",
             order);
    /* the filter as member.c takes it: trimmed, ASCII lower-case */
    const char *t = q->filter ? q->filter : "";
    while (*t == ' ')
        t++;
    snprintf(f, sizeof f, "%s", t);
    size_t n = strlen(f);
    while (n && f[n - 1] == ' ')
        f[--n] = '\0';
    for (char *c = f; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    sqlite3_stmt *st = NULL;
    ck_assert_int_eq(sqlite3_prepare_v2(db_handle(d), sql, -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, f, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, q->include_left);
    int k = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        ck_assert_int_lt(k, max);
        ids[k++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return k;
}

/* Count, windows anywhere (the start, the middle, near the end: read
 * from the other end) and positions agree with the ground truth, on a
 * register big enough for every plan: tally counts, the index in pinyin
 * order with ties (many 张小x share a prefix), bitmap walks and scans
 * in the other orders, pinyin blocks without a filter. */
START_TEST(test_search_agrees_with_like)
{
    db *d = tu_open();
    zb_err err = {""};
    ck_assert_int_eq(demo_fill(d, 2400, 5, &err), 0);
    static const char *const given[] = {"军", "明", "红", "华", "伟", "芳"};
    for (int i = 0; i < 60; i++) {
        char name[32], phone[16];
        snprintf(name, sizeof name, "张小%s", given[i % 6]);
        snprintf(phone, sizeof phone, "1380013%04d", i * 37);
        tu_member(d, name, phone, "", 0);
    }
    static const char *const filters[] = {
        "", "z", "x", "zx", "zxj", "xj", "1", "13", "138", "1380", "0",
        "00", "777", "99", "张", "王", "小", "小军", "张小", "张小军",
        "1101", "19800101", "11010", "19800", "x 1", "13800130",
        "zhang", "-", "a", "q",
    };
    static const int sorts[] = {MEMBER_SORT_PINYIN, MEMBER_SORT_STROKES,
                                MEMBER_SORT_AGE, MEMBER_SORT_NO};
    enum { MAX = 4000 };
    int64_t *want = malloc(sizeof *want * MAX);
    ck_assert_ptr_nonnull(want);
    for (size_t f = 0; f < sizeof filters / sizeof filters[0]; f++)
        for (size_t s = 0; s < sizeof sorts / sizeof sorts[0]; s++)
            for (int flags = 0; flags < 4; flags++) {
                struct member_query q = {
                    .filter = filters[f], .sort = sorts[s],
                    .desc = flags & 1, .include_left = flags & 2};
                int n = truth(d, &q, want, MAX);
                long total = -1;
                ck_assert_int_eq(member_count(d, &q, &total, &err), 0);
                ck_assert_msg(total == n, "filter '%s' sort %d flags %d:"
                              " count %ld, want %d", filters[f], sorts[s],
                              flags, total, n);
                long offs[] = {0, 3, n / 2, n - 7, 2100};
                for (size_t o = 0; o < sizeof offs / sizeof offs[0]; o++) {
                    struct member_row rows[12];
                    int k = -1;
                    long off = offs[o] < 0 ? 0 : offs[o];
                    ck_assert_int_eq(member_window(d, &q, off, 12, rows, &k,
                                                   &err), 0);
                    int expect = off >= n ? 0 : n - off < 12 ? n - (int)off
                                                             : 12;
                    ck_assert_msg(k == expect, "filter '%s' sort %d flags"
                                  " %d at %ld: %d rows, want %d",
                                  filters[f], sorts[s], flags, off, k,
                                  expect);
                    for (int i = 0; i < k; i++)
                        ck_assert_msg(rows[i].id == want[off + i],
                                      "filter '%s' sort %d flags %d: row"
                                      " %ld is %lld, want %lld", filters[f],
                                      sorts[s], flags, off + i,
                                      (long long)rows[i].id,
                                      (long long)want[off + i]);
                }
                int at[] = {0, n / 3, n - 1};
                for (size_t i = 0; i < 3 && n > 0; i++) {
                    long pos = -2;
                    ck_assert_int_eq(member_position(d, &q, want[at[i]],
                                                     &pos, &err), 0);
                    ck_assert_msg(pos == at[i], "filter '%s' sort %d flags"
                                  " %d: position %ld, want %d", filters[f],
                                  sorts[s], flags, pos, at[i]);
                }
            }
    free(want);
    db_close(d);
}
END_TEST

START_TEST(test_sorts)
{
    int64_t street, c1, b1;
    db *d = small_register(&street, &c1, &b1);
    zb_err err = {""};
    member m;
    ck_assert_int_eq(member_get(d, 5, &m, &err), 0);   /* 王芳 */
    snprintf(m.birth_date, sizeof m.birth_date, "1949-12-31");
    snprintf(m.join_date, sizeof m.join_date, "1970-01-01");
    ck_assert_int_eq(member_save(d, &m, &err), 0);
    ck_assert_int_eq(member_get(d, 1, &m, &err), 0);   /* 张小军 */
    snprintf(m.birth_date, sizeof m.birth_date, "1980-05-12");
    snprintf(m.join_date, sizeof m.join_date, "2003-07-01");
    ck_assert_int_eq(member_save(d, &m, &err), 0);

    char buf[512];
    struct member_query q = {.sort = MEMBER_SORT_PINYIN};
    ck_assert_str_eq(names(d, &q, buf, sizeof buf),
                     "安宁 丁一 李明 Tom Lee 王芳 曾小军 张小军");
    q.desc = true;
    ck_assert_str_eq(names(d, &q, buf, sizeof buf),
                     "张小军 曾小军 王芳 Tom Lee 李明 丁一 安宁");
    q = (struct member_query){.sort = MEMBER_SORT_STROKES};
    const char *s = names(d, &q, buf, sizeof buf);
    ck_assert_msg(strstr(s, "丁一") < strstr(s, "张小军"), "%s", s);
    ck_assert_msg(strstr(s, "丁一") < strstr(s, "安宁"), "%s", s);
    ck_assert_msg(strstr(s, "张小军") < strstr(s, "曾小军"), "%s", s);
    q = (struct member_query){.sort = MEMBER_SORT_AGE};
    s = names(d, &q, buf, sizeof buf);
    ck_assert_msg(strncmp(s, "王芳 张小军 ", strlen("王芳 张小军 ")) == 0,
                  "%s", s);
    q = (struct member_query){.sort = MEMBER_SORT_JOIN};
    s = names(d, &q, buf, sizeof buf);
    ck_assert_msg(strncmp(s, "王芳 张小军 ", strlen("王芳 张小军 ")) == 0,
                  "%s", s);
    q = (struct member_query){.sort = MEMBER_SORT_NO};
    ck_assert_str_eq(names(d, &q, buf, sizeof buf),
                     "张小军 安宁 丁一 曾小军 王芳 李明 Tom Lee");
    /* organisations in tree order, then pinyin; no organisation last */
    q = (struct member_query){.sort = MEMBER_SORT_ORG};
    ck_assert_str_eq(names(d, &q, buf, sizeof buf),
                     "曾小军 张小军 安宁 王芳 丁一 Tom Lee 李明");

    /* the organisation order follows changes, ours and others' */
    tu_sql(d, "UPDATE org SET sort = 0 WHERE name = '松林社区党支部'");
    q = (struct member_query){.sort = MEMBER_SORT_ORG};
    ck_assert_str_eq(names(d, &q, buf, sizeof buf),
                     "丁一 Tom Lee 曾小军 张小军 安宁 王芳 李明");
    db *o = NULL;
    ck_assert_int_eq(db_open(db_path(d), 0, &o, &err), 0);
    tu_sql(o, "UPDATE org SET sort = 9 WHERE name = '松林社区党支部'");
    db_close(o);
    ck_assert_str_eq(names(d, &q, buf, sizeof buf),
                     "曾小军 张小军 安宁 王芳 丁一 Tom Lee 李明");

    struct member_row rows[8];
    int n = 0;
    q = (struct member_query){.filter = "zxj"};
    ck_assert_int_eq(member_window(d, &q, 0, 8, rows, &n, &err), 0);
    ck_assert_int_eq(n, 2);
    ck_assert_str_eq(rows[1].name, "张小军");
    ck_assert_str_eq(rows[1].member_no, "10000001");
    ck_assert_str_eq(rows[1].org_name, "第一网格党支部");
    ck_assert_str_eq(rows[1].phone, "13800001234");
    ck_assert_str_eq(rows[1].id_number, "110105198005120016");
    ck_assert_str_eq(rows[1].birth_date, "1980-05-12");
    ck_assert_int_eq(rows[1].category, CATEGORY_FULL);
    ck_assert_int_eq(rows[1].kind, KIND_COMMUNITY);
    ck_assert_int_eq(rows[1].party_status, PARTY_STATUS_NORMAL);
    ck_assert_int_eq(member_window(d, &q, 1, 8, rows, &n, &err), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(member_window(d, &q, 5, 8, rows, &n, &err), 0);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(member_window(d, &q, 0, 0, rows, &n, &err), 0);
    ck_assert_int_eq(n, 0);
    db_close(d);
}
END_TEST

/* For every query shape: the window in one piece, the count, and the
 * position of every member agree with each other. */
START_TEST(test_position_agrees_with_window)
{
    int64_t street, c1, b1;
    db *d = small_register(&street, &c1, &b1);
    zb_err err = {""};
    tu_sql(d, "UPDATE member SET created_at = datetime('now', '-2 days')");
    ck_assert_int_eq(member_mark_left(d, 2, LEFT_DECEASED, "2024-01-01",
                                      &err), 0);
    for (int i = 0; i < 30; i++) {
        char name[32];
        snprintf(name, sizeof name, "张%s", i % 2 ? "小军" : "晓");
        tu_member(d, name, i % 3 ? "13800001234" : "", "", i % 2 ? b1 : 0);
    }
    static const char *const filters[] = {
        "", "zxj", "张", "1380", "13", "小军", "x", "-",
    };
    for (size_t f = 0; f < sizeof filters / sizeof filters[0]; f++)
        for (int sort = 0; sort < MEMBER_SORT_COUNT; sort++)
            for (int flags = 0; flags < 8; flags++) {
                struct member_query q = {
                    .filter = filters[f], .sort = sort,
                    .desc = flags & 1, .include_left = flags & 2,
                    .org_id = flags & 4 ? c1 : 0};
                long total;
                struct member_row rows[64];
                int n;
                ck_assert_int_eq(member_count(d, &q, &total, &err), 0);
                ck_assert_int_eq(member_window(d, &q, 0, 64, rows, &n,
                                               &err), 0);
                ck_assert_int_eq(n, total);
                for (int i = 0; i < n; i++) {
                    long pos;
                    ck_assert_int_eq(member_position(d, &q, rows[i].id,
                                                     &pos, &err), 0);
                    ck_assert_msg(pos == i, "filter '%s' sort %d flags %d:"
                                  " %s at %ld, want %d", filters[f], sort,
                                  flags, rows[i].name, pos, i);
                    struct member_row one;
                    int k;
                    ck_assert_int_eq(member_window(d, &q, i, 1, &one, &k,
                                                   &err), 0);
                    ck_assert_int_eq(k, 1);
                    ck_assert_int_eq(one.id, rows[i].id);
                }
                /* not in the list: -1 */
                long pos = 0;
                ck_assert_int_eq(member_position(d, &q, 9999, &pos, &err),
                                 0);
                ck_assert_int_eq(pos, -1);
            }
    db_close(d);
}
END_TEST

START_TEST(test_bulk)
{
    db *d = tu_open();
    zb_err err = {""};
    int64_t org = tu_org(d, 0, "东湖社区党委", "社区党委");
    tu_member(d, "先有的", "", "", org);
    struct member_bulk b;
    ck_assert_int_eq(member_bulk_begin(d, &b, "2024-01-02 03:04:05", &err),
                     0);
    member m = full_member();
    m.org_id = org;
    ck_assert_int_eq(member_bulk_add(&b, &m, &err), 0);
    ck_assert_int_eq(m.id, 2);
    ck_assert_str_eq(m.member_no, "10000002");
    member n2;
    member_init(&n2);
    snprintf(n2.name, sizeof n2.name, "张小军");
    snprintf(n2.phone, sizeof n2.phone, "13800001234");
    n2.left_kind = LEFT_TRANSFERRED;
    snprintf(n2.left_date, sizeof n2.left_date, "2024-01-01");
    ck_assert_int_eq(member_bulk_add(&b, &n2, &err), 0);
    ck_assert_int_eq(member_bulk_end(&b, true, &err), 0);

    member g;
    ck_assert_int_eq(member_get(d, 2, &g, &err), 0);
    ck_assert_str_eq(g.name, "欧阳晓燕");
    ck_assert_str_eq(g.notes, m.notes);
    ck_assert_str_eq(g.updated_at, "2024-01-02 03:04:05");
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member WHERE created_at"
                              " = '2024-01-02 03:04:05'"), 2);
    /* the same keys and index as member_save would make */
    long stale = -1;
    bool grams_ok = false;
    ck_assert_int_eq(member_check_keys(d, &stale, &grams_ok, &err), 0);
    ck_assert_int_eq(stale, 0);
    ck_assert(grams_ok);
    ck_assert_int_eq(count(d, "oyxy", false, 0), 1);
    ck_assert_int_eq(count(d, "zxj", false, 0), 0);
    ck_assert_int_eq(count(d, "zxj", true, 0), 1);
    ck_assert_int_eq(count(d, "", false, 0), 2);

    /* keep = false: nothing of it stays */
    ck_assert_int_eq(member_bulk_begin(d, &b, NULL, &err), 0);
    member x;
    member_init(&x);
    snprintf(x.name, sizeof x.name, "不要的");
    ck_assert_int_eq(member_bulk_add(&b, &x, &err), 0);
    ck_assert_int_eq(member_bulk_end(&b, false, &err), -1);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 3);
    /* a duplicate ID number fails the whole batch */
    ck_assert_int_eq(member_bulk_begin(d, &b, NULL, &err), 0);
    member y = full_member();
    ck_assert_int_eq(member_bulk_add(&b, &y, &err), 0);
    ck_assert_int_eq(member_bulk_end(&b, true, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "重复"));
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 3);
    ck_assert(sqlite3_get_autocommit(db_handle(d)));
    /* a later member_save continues the numbers */
    ck_assert_int_eq(tu_member(d, "后来的", "", "", 0), 4);
    db_close(d);
}
END_TEST

/* The member table's index definitions, in one text. */
static char *index_defs(db *d)
{
    sqlite3_stmt *st = db_stmt(d,
        "SELECT group_concat(name || ': ' || sql, char(10)) FROM"
        " (SELECT name, sql FROM sqlite_master WHERE type = 'index'"
        "  AND tbl_name = 'member' ORDER BY name)", NULL);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    char *s = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_reset(st);
    return s;
}

/* The query plan's details for sql, joined. */
static void plan(db *d, const char *sql, char *out, size_t n)
{
    char q[512];
    snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(db_handle(d), q, -1, &st, NULL),
                     SQLITE_OK);
    out[0] = '\0';
    while (sqlite3_step(st) == SQLITE_ROW) {
        strncat(out, (const char *)sqlite3_column_text(st, 3),
                n - strlen(out) - 1);
        strncat(out, "; ", n - strlen(out) - 1);
    }
    sqlite3_finalize(st);
}

/* Into an empty table the bulk loader drops the member table's indexes
 * and builds them after the rows: they must come back exactly, be used,
 * and still refuse duplicates. */
START_TEST(test_bulk_empty)
{
    db *d = tu_open();
    zb_err err = {""};
    int64_t org = tu_org(d, 0, "东湖社区党委", "社区党委");
    char *before = index_defs(d);
    ck_assert_ptr_nonnull(strstr(before, "member_id_number: CREATE UNIQUE"));
    ck_assert_ptr_nonnull(strstr(before, "member_py: CREATE INDEX"));

    struct member_bulk b;
    ck_assert_int_eq(member_bulk_begin(d, &b, NULL, &err), 0);
    member m = full_member();
    m.org_id = org;
    ck_assert_int_eq(member_bulk_add(&b, &m, &err), 0);
    for (int i = 0; i < 2000; i++) {
        member x;
        member_init(&x);
        snprintf(x.name, sizeof x.name, "%s%s", i % 2 ? "王" : "李",
                 i % 3 ? "建国" : "红梅");
        snprintf(x.id_number, sizeof x.id_number, "3301061980%08u",
                 (unsigned)i % 100000000u);
        snprintf(x.phone, sizeof x.phone, "139%08d", i * 7);
        x.org_id = i % 5 ? org : 0;
        x.left_kind = i % 50 == 7 ? LEFT_TRANSFERRED : 0;
        if (x.left_kind)
            snprintf(x.left_date, sizeof x.left_date, "2024-01-01");
        ck_assert_msg(member_bulk_add(&b, &x, &err) == 0, "%s", err.msg);
    }
    ck_assert_msg(member_bulk_end(&b, true, &err) == 0, "%s", err.msg);
    ck_assert(sqlite3_get_autocommit(db_handle(d)));

    char *after = index_defs(d);
    ck_assert_str_eq(after, before);
    free(after);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 2001);
    sqlite3_stmt *st = db_stmt(d, "PRAGMA integrity_check", NULL);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_reset(st);
    /* the indexes are filled and used */
    char p[1024];
    plan(d, "SELECT id FROM member WHERE id_number = '330106198000000042'"
         " AND id_number <> ''",
         p, sizeof p);
    ck_assert_msg(strstr(p, "member_id_number") != NULL, "%s", p);
    ck_assert_int_eq(q_int(d, "SELECT id FROM member INDEXED BY"
                              " member_id_number WHERE id_number ="
                              " '330106198000000042' AND id_number <> ''"),
                     44);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member INDEXED BY"
                              " member_py WHERE sort_py > ''"), 2001);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member INDEXED BY"
                              " member_left WHERE left_kind <> 0"), 40);
    /* the search finds bulk-loaded members by initials and digits */
    ck_assert_int_eq(count(d, "oyxy", false, 0), 1);
    ck_assert_int_eq(count(d, "ljg", false, 0), like_count(d, "ljg", false));
    ck_assert_int_gt(count(d, "ljg", false, 0), 300);
    ck_assert_int_eq(count(d, "13900000098", false, 0), 1);
    ck_assert_int_eq(count(d, "13900000049", true, 0), 1);   /* left */
    long stale = -1;
    bool grams_ok = false;
    ck_assert_int_eq(member_check_keys(d, &stale, &grams_ok, &err), 0);
    ck_assert_int_eq(stale, 0);
    ck_assert(grams_ok);
    /* the rebuilt unique index refuses a duplicate */
    member dup = full_member();
    ck_assert_int_eq(member_save(d, &dup, &err), -1);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 2001);

    /* a duplicate within a load into an empty table: nothing stays, the
     * indexes are back as they were */
    db_close(d);
    tu_cleanup();
    d = tu_open();
    org = tu_org(d, 0, "东湖社区党委", "社区党委");
    ck_assert_int_eq(member_bulk_begin(d, &b, NULL, &err), 0);
    member y = full_member(), z = full_member();
    ck_assert_int_eq(member_bulk_add(&b, &y, &err), 0);
    ck_assert_int_eq(member_bulk_add(&b, &z, &err), 0);
    ck_assert_int_eq(member_bulk_end(&b, true, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "重复"));
    ck_assert(sqlite3_get_autocommit(db_handle(d)));
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 0);
    after = index_defs(d);
    ck_assert_str_eq(after, before);
    free(after);
    free(before);
    db_close(d);
}
END_TEST

START_TEST(test_org_tree)
{
    db *d = tu_open();
    zb_err err = {""};
    struct org_item *v = NULL;
    int n = -1;
    ck_assert_int_eq(org_list(d, &v, &n, &err), 0);
    ck_assert_int_eq(n, 0);
    free(v);

    int64_t s = tu_org(d, 0, "云溪街道党工委", "街道党工委");
    int64_t b = tu_org(d, s, "松林社区党总支", "社区党总支");
    int64_t a = tu_org(d, s, "东湖社区党委", "社区党委");
    int64_t a1 = tu_org(d, a, "第一网格党支部", "网格党支部");
    int64_t b1 = tu_org(d, b, "第一网格党支部", "网格党支部");
    int64_t a1g = tu_org(d, a1, "第一党小组", "党小组");
    int64_t a2 = tu_org(d, a, "第二网格党支部", "网格党支部");
    int64_t other = tu_org(d, 0, "另一个街道党工委", "街道党工委");
    ck_assert_int_eq(org_list(d, &v, &n, &err), 0);
    ck_assert_int_eq(n, 8);
    /* creation order among siblings, children after their parent */
    int64_t want[] = {s, b, b1, a, a1, a1g, a2, other};
    int depth[] = {0, 1, 2, 1, 2, 3, 2, 0};
    for (int i = 0; i < 8; i++) {
        ck_assert_int_eq(v[i].id, want[i]);
        ck_assert_int_eq(v[i].depth, depth[i]);
        ck_assert(v[i].active);
    }
    ck_assert_str_eq(v[5].path,
                     "云溪街道党工委/东湖社区党委/第一网格党支部/第一党小组");
    ck_assert_str_eq(v[5].kind, "党小组");
    ck_assert_int_eq(v[5].parent_id, a1);
    ck_assert_int_eq(v[0].parent_id, 0);
    free(v);

    char name[128];
    ck_assert_int_eq(org_name(d, a2, name, sizeof name, &err), 0);
    ck_assert_str_eq(name, "第二网格党支部");
    ck_assert_int_eq(org_name(d, 999, name, sizeof name, &err), 0);
    ck_assert_str_eq(name, "");
    ck_assert_int_eq(org_add(d, 999, "无上级", "", NULL, &err), -1);
    ck_assert_str_eq(err.msg, "上级党组织不存在");
    ck_assert_int_eq(org_add(d, 0, "", "", NULL, &err), -1);
    db_close(d);
}
END_TEST

/* Digest of the demo data (everything but times and user). */
static uint64_t demo_digest(db *d)
{
    sqlite3_stmt *st = db_stmt(d,
        "SELECT m.id || m.member_no || m.name || m.gender || m.id_number"
        " || m.ethnic || m.birth_date || m.education || m.category"
        " || coalesce(o.name, '') || m.join_date || m.full_date || m.job"
        " || m.phone || m.address || m.party_status || m.lost"
        " || m.lost_date || m.mobile || m.mobile_dest || m.kind"
        " || m.employer || m.notes || m.left_kind || m.left_date"
        " FROM member m LEFT JOIN org o ON o.id = m.org_id ORDER BY m.id",
        NULL);
    uint64_t h = 1469598103934665603ULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *p = sqlite3_column_text(st, 0);
        for (; *p; p++)
            h = (h ^ *p) * 1099511628211ULL;
    }
    sqlite3_reset(st);
    return h;
}

static db *open_at(const char *name)
{
    db *d = NULL;
    zb_err err = {""};
    ck_assert_int_eq(db_open(tu_path(name), DB_OPEN_CREATE, &d, &err), 0);
    return d;
}

START_TEST(test_demo)
{
    db *d = tu_open();
    zb_err err = {""};
    ck_assert_int_eq(demo_fill(d, 2000, 7, &err), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 2000);
    ck_assert_int_eq(demo_fill(d, 10, 7, &err), -1);
    ck_assert_str_eq(err.msg, "数据库中已有数据，demo 只能用于空数据库");
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"), 2000);

    member m;
    ck_assert_int_eq(member_get(d, 1, &m, &err), 0);
    ck_assert_str_eq(m.name, "张小军");
    ck_assert_str_eq(m.member_no, "10000001");
    ck_assert_int_eq(count(d, "zxj", true, 0), 1);

    /* the organisation tree */
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org"
                              " WHERE kind = '街道党工委'"), 1);
    long communities = q_int(d, "SELECT count(*) FROM org WHERE kind IN"
                                " ('社区党委', '社区党总支', '社区党支部')");
    ck_assert(communities >= 6 && communities <= 8);
    long branches = q_int(d, "SELECT count(*) FROM org WHERE kind IN"
                             " ('网格党支部', '小区党支部', '功能型党支部')");
    ck_assert_msg(branches >= 2000 / 60 && branches <= 2000 / 40 + 8,
                  "%ld branches", branches);
    ck_assert(q_int(d, "SELECT count(*) FROM org WHERE kind = '党小组'") > 0);
    /* every kind is one of the code list */
    sqlite3_stmt *st = db_stmt(d, "SELECT DISTINCT kind FROM org", NULL);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        bool known = false;
        for (size_t i = 0; i < domain_org_kind_n; i++)
            known = known || strcmp(k, domain_org_kind[i]) == 0;
        ck_assert_msg(known, "kind %s", k);
    }
    sqlite3_reset(st);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member"
                              " WHERE org_id IS NULL"), 0);

    /* distributions, roughly */
    long full = q_int(d, "SELECT count(*) FROM member WHERE category = 1");
    ck_assert_msg(full > 1800 && full < 1920, "%ld full", full);
    long employed = q_int(d, "SELECT count(*) FROM member WHERE kind = 2");
    ck_assert_msg(employed > 480 && employed < 720, "%ld employed",
                  employed);
    long left = q_int(d, "SELECT count(*) FROM member WHERE left_kind > 0");
    ck_assert_msg(left > 15 && left < 80, "%ld left", left);
    ck_assert(q_int(d, "SELECT count(*) FROM member WHERE mobile = 1"
                       " AND mobile_dest <> ''") > 100);
    ck_assert(q_int(d, "SELECT count(*) FROM member WHERE lost = 1"
                       " AND lost_date <> ''") > 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member WHERE kind = 2"
                              " AND employer = ''"), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member WHERE category"
                              " = 1 AND full_date <> date(join_date,"
                              " '+1 year') AND substr(join_date, 6) <>"
                              " '02-29'"), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member WHERE category"
                              " = 2 AND (full_date <> '' OR join_date <="
                              " date('" TODAY "', '-1 year'))"), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member WHERE join_date"
                              " < date(birth_date, '+18 years')"), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member WHERE"
                              " substr(id_number, 7, 8) <>"
                              " replace(birth_date, '-', '')"), 0);
    ck_assert(q_int(d, "SELECT count(*) FROM member WHERE ethnic <> '汉族'")
              > 40);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member WHERE"
                              " created_at > datetime('now', '-1 day')"), 0);
    long problems = -1;
    FILE *out = tmpfile();
    ck_assert_int_eq(check_run(d, out, &problems, &err), 0);
    fclose(out);
    ck_assert_int_eq(problems, 0);
    uint64_t h1 = demo_digest(d);
    db_close(d);

    /* same seed, same data; another seed, other data */
    db *e = open_at("same.db");
    ck_assert_int_eq(demo_fill(e, 2000, 7, &err), 0);
    ck_assert(demo_digest(e) == h1);
    db_close(e);
    db *f = open_at("other.db");
    ck_assert_int_eq(demo_fill(f, 2000, 8, &err), 0);
    ck_assert(demo_digest(f) != h1);
    db_close(f);

    db *g = open_at("bad.db");
    ck_assert_int_eq(demo_fill(g, 0, 1, &err), -1);
    db_close(g);
    for (long k = 1; k <= 7; k += 3) {
        char name[32];
        snprintf(name, sizeof name, "tiny%ld.db", k);
        db *t = open_at(name);
        ck_assert_int_eq(demo_fill(t, k, 3, &err), 0);
        ck_assert_int_eq(q_int(t, "SELECT count(*) FROM member"), k);
        ck_assert_int_eq(member_get(t, 1, &m, &err), 0);
        ck_assert_str_eq(m.name, "张小军");
        db_close(t);
    }
}
END_TEST

static char *run_check(db *d, long *problems)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    zb_err err = {""};
    ck_assert_int_eq(check_run(d, out, problems, &err), 0);
    fclose(out);
    return buf;
}

START_TEST(test_check_run)
{
    db *d = tu_open();
    long problems = -1;
    tu_member(d, "合格党员", "13800001234", "11010519491231002X", 0);
    char *text = run_check(d, &problems);
    ck_assert_int_eq(problems, 0);
    ck_assert_str_eq(text, "检查完成：未发现问题\n");
    free(text);

    /* a bad check character, saved without the form's validation */
    int64_t bad = tu_member(d, "校验错", "", "110105194912310021", 0);
    text = run_check(d, &problems);
    ck_assert_int_eq(problems, 1);
    ck_assert_msg(strstr(text, "党员 校验错（编号 10000002）：公民身份号码"
                               "校验位错误") != NULL, "%s", text);
    ck_assert_ptr_nonnull(strstr(text, "检查完成：发现 1 个问题\n"));
    free(text);

    zb_err err = {""};
    member m;
    ck_assert_int_eq(member_get(d, bad, &m, &err), 0);
    /* a valid number of a man born 1980-05-12 */
    snprintf(m.id_number, sizeof m.id_number, "32010219800512003%c",
             rules_idnum_checkchar("32010219800512003"));
    snprintf(m.birth_date, sizeof m.birth_date, "1980-05-13");
    m.gender = GENDER_FEMALE;
    snprintf(m.join_date, sizeof m.join_date, "2099-01-01");
    snprintf(m.full_date, sizeof m.full_date, "2098-01-01");
    snprintf(m.phone, sizeof m.phone, "12345");
    ck_assert_int_eq(member_save(d, &m, &err), 0);
    text = run_check(d, &problems);
    ck_assert_msg(strstr(text, "出生日期 1980-05-13 与公民身份号码中的"
                               " 1980-05-12 不一致"), "%s", text);
    ck_assert_msg(strstr(text, "性别与公民身份号码不一致"), "%s", text);
    ck_assert_msg(strstr(text, "加入党组织日期 2099-01-01 晚于今天"), "%s",
                  text);
    ck_assert_msg(strstr(text, "转为正式党员日期 2098-01-01 早于加入党组织"
                               "日期 2099-01-01"), "%s", text);
    ck_assert_msg(strstr(text, "联系电话 12345 格式不正确"), "%s", text);
    ck_assert_int_eq(problems, 6);   /* also 转正 date in the future */
    free(text);

    /* what SQLite finds is reported too */
    tu_sql(d, "PRAGMA foreign_keys = OFF;"
              "UPDATE member SET org_id = 777 WHERE id = 1;"
              "PRAGMA foreign_keys = ON");
    text = run_check(d, &problems);
    ck_assert_msg(strstr(text, "外键问题：表 member 第 1 行引用的 org"
                               " 记录不存在"), "%s", text);
    ck_assert_int_eq(problems, 7);
    free(text);
    tu_sql(d, "UPDATE member SET org_id = NULL WHERE id = 1");

    /* keys changed behind the program's back are noticed, and rebuilt */
    tu_sql(d, "UPDATE member SET name = '改名' WHERE id = 1");
    tu_sql(d, "INSERT INTO member_search (rowid, grams) VALUES (99, 'ab')");
    text = run_check(d, &problems);
    ck_assert_msg(strstr(text, "有 1 名党员的搜索和排序字段"), "%s", text);
    ck_assert_msg(strstr(text, "member_search"), "%s", text);
    free(text);
    ck_assert_int_eq(member_reindex(d, &err), 0);
    ck_assert_int_eq(count(d, "gm", false, 0), 1);
    text = run_check(d, &problems);
    ck_assert_int_eq(problems, 6);
    free(text);
    /* a wrong count in the tally is noticed too, and rebuilt */
    tu_sql(d, "UPDATE member_tally SET n = n + 1 WHERE key = 0");
    text = run_check(d, &problems);
    ck_assert_msg(strstr(text, "member_search"), "%s", text);
    ck_assert_int_eq(problems, 7);
    free(text);
    ck_assert_int_eq(count(d, "", false, 0), 3);   /* (trusts the tally) */
    ck_assert_int_eq(member_reindex(d, &err), 0);
    ck_assert_int_eq(count(d, "", false, 0), 2);
    text = run_check(d, &problems);
    ck_assert_int_eq(problems, 6);
    free(text);
    db_close(d);
}
END_TEST

int main(void)
{
    setenv("ZHIBU_TODAY", TODAY, 1);
    Suite *s = suite_create("member");
    TCase *tc = tcase_create("member");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, NULL, tu_cleanup);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_save_refuses_bad_values);
    tcase_add_test(tc, test_duplicate_id_number);
    tcase_add_test(tc, test_delete_and_mark_left);
    tcase_add_test(tc, test_numbers_never_reused);
    tcase_add_test(tc, test_filters);
    tcase_add_test(tc, test_sorts);
    tcase_add_test(tc, test_position_agrees_with_window);
    tcase_add_test(tc, test_search_agrees_with_like);
    tcase_add_test(tc, test_bulk);
    tcase_add_test(tc, test_bulk_empty);
    tcase_add_test(tc, test_org_tree);
    tcase_add_test(tc, test_demo);
    tcase_add_test(tc, test_check_run);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
