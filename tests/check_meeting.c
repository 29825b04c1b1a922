/* Meetings, rolls, compliance, the watch list, the sign-in sheet and the
 * demo meetings, against a temporary database. */
#include <check.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db.h"
#include "domain.h"
#include "io/signin.h"
#include "model/attendance.h"
#include "model/demo.h"
#include "model/meeting.h"
#include "model/member.h"
#include "rules.h"
#include "rules_meeting.h"
#include "testutil.h"
#include "text.h"

#define TODAY "2026-06-15"

extern const char db_schema_v2[];

/* A database with the meeting tables (schema 2 applied here until
 * db_migrations carries it). */
static db *open_db(void)
{
    db *d = tu_open();
    if (db_schema_version(d) < 2) {
        sqlite3_stmt *st = db_stmt(d, "SELECT count(*) FROM sqlite_master"
                                      " WHERE name = 'meeting'", NULL);
        ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
        int have = sqlite3_column_int(st, 0);
        sqlite3_reset(st);
        if (!have)
            tu_sql(d, db_schema_v2);
    }
    return d;
}

static long long q_int(db *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static long long q_int(db *d, const char *fmt, ...)
{
    char sql[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_msg(st != NULL, "%s", sql);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

static const char *q_text(db *d, char *buf, size_t sz, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static const char *q_text(db *d, char *buf, size_t sz, const char *fmt, ...)
{
    char sql[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_msg(st != NULL, "%s", sql);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    db_text(st, 0, buf, sz);
    sqlite3_reset(st);
    return buf;
}

struct person {
    const char *name;
    const char *join;       /* "" = unknown */
    int category;
    const char *full;
    int status;             /* PARTY_STATUS_* (0 = normal) */
    const char *left;       /* left on this date, NULL = on the register */
};

static int64_t add_person(db *d, int64_t org, struct person p)
{
    member m;
    zb_err err = {""};
    member_init(&m);
    snprintf(m.name, sizeof m.name, "%s", p.name);
    m.org_id = org;
    snprintf(m.join_date, sizeof m.join_date, "%s", p.join ? p.join : "");
    if (p.category)
        m.category = p.category;
    snprintf(m.full_date, sizeof m.full_date, "%s", p.full ? p.full : "");
    if (p.status)
        m.party_status = p.status;
    if (p.left) {
        m.left_kind = LEFT_TRANSFERRED;
        snprintf(m.left_date, sizeof m.left_date, "%s", p.left);
    }
    ck_assert_msg(member_save(d, &m, &err) == 0, "%s: %s", p.name, err.msg);
    return m.id;
}

static int64_t add_simple(db *d, int64_t org, const char *name)
{
    return add_person(d, org, (struct person){name, "2010-07-01", 0, NULL,
                                              0, NULL});
}

static int64_t add_meeting(db *d, int64_t org, int kind, const char *date)
{
    meeting m;
    zb_err err = {""};
    meeting_init(&m);
    m.org_id = org;
    m.kind = kind;
    snprintf(m.date, sizeof m.date, "%s", date);
    snprintf(m.topic, sizeof m.topic, "%s %s", domain_meeting_kind[kind],
             date);
    ck_assert_msg(meeting_save(d, &m, &err) == 0, "%s", err.msg);
    return m.id;
}

static int64_t row_of(db *d, int64_t meeting_id, int64_t member_id)
{
    return q_int(d, "SELECT coalesce((SELECT id FROM attendance"
                    " WHERE meeting_id = %lld AND member_id = %lld), 0)",
                 (long long)meeting_id, (long long)member_id);
}

/* Marks (with the version as shown) and expects success. */
static void mark(db *d, int64_t row, int state, const char *reason)
{
    struct att_row r;
    zb_err err = {""};
    ck_assert_msg(attendance_get(d, row, &r, &err) == 0, "%s", err.msg);
    int rc = attendance_mark(d, row, r.version, state, reason, NULL, &err);
    ck_assert_msg(rc == ATT_MARKED, "mark %d: %d %s", state, rc, err.msg);
}

static void mark_member(db *d, int64_t meeting_id, int64_t member_id,
                        int state)
{
    int64_t row = row_of(d, meeting_id, member_id);
    ck_assert_msg(row > 0, "member %lld not on the roll of %lld",
                  (long long)member_id, (long long)meeting_id);
    mark(d, row, state, state == ATT_LEAVE ? "外出" : NULL);
}

static const char *last_attended(db *d, int64_t member_id, char buf[16])
{
    return q_text(d, buf, 16, "SELECT last_attended FROM member"
                              " WHERE id = %lld", (long long)member_id);
}

/* The names on a roll in its order, joined by spaces. */
static const char *roll_names(db *d, int64_t meeting_id, const char *filter,
                              char *buf, size_t n)
{
    struct att_row rows[64];
    int nrows = 0;
    zb_err err = {""};
    ck_assert_msg(attendance_window(d, meeting_id, filter, 0, 64, rows,
                                    &nrows, &err) == 0, "%s", err.msg);
    buf[0] = '\0';
    for (int i = 0; i < nrows; i++) {
        strncat(buf, rows[i].name, n - strlen(buf) - 1);
        if (i + 1 < nrows)
            strncat(buf, " ", n - strlen(buf) - 1);
    }
    return buf;
}

/* ---- an organisation tree for most tests ---- */

struct tree {
    int64_t street, community, branch, g1, g2, other;
};

static struct tree make_tree(db *d)
{
    struct tree t;
    t.street = tu_org(d, 0, "云溪街道党工委", "街道党工委");
    t.community = tu_org(d, t.street, "东湖社区党总支", "社区党总支");
    t.branch = tu_org(d, t.community, "东湖第一网格党支部", "网格党支部");
    t.g1 = tu_org(d, t.branch, "第一党小组", "党小组");
    t.g2 = tu_org(d, t.branch, "第二党小组", "党小组");
    t.other = tu_org(d, t.community, "东湖锦绣小区党支部", "小区党支部");
    return t;
}

/* ---- meetings ---- */

START_TEST(test_meeting_save_and_validate)
{
    db *d = open_db();
    struct tree t = make_tree(d);
    zb_err err = {""};
    meeting m;
    meeting_init(&m);
    ck_assert_str_eq(m.date, TODAY);
    m.kind = MK_GENERAL;
    ck_assert_int_eq(meeting_save(d, &m, &err), -1);
    ck_assert_str_eq(err.msg, "请选择召开会议的党组织");

    m.org_id = t.branch;
    snprintf(m.date, sizeof m.date, "2026-02-30");
    ck_assert_int_eq(meeting_save(d, &m, &err), -1);
    ck_assert_str_eq(err.msg, "会议日期无效：2026-02-30（应为 YYYY-MM-DD）");

    snprintf(m.date, sizeof m.date, "2026-06-01");
    snprintf(m.start_time, sizeof m.start_time, "10:00");
    snprintf(m.end_time, sizeof m.end_time, "9:00");
    ck_assert_int_eq(meeting_save(d, &m, &err), -1);
    ck_assert_str_eq(err.msg, "结束时间 09:00 早于开始时间 10:00");
    snprintf(m.end_time, sizeof m.end_time, "25:00");
    ck_assert_int_eq(meeting_save(d, &m, &err), -1);
    ck_assert_str_eq(err.msg, "结束时间无效：25:00（应为 HH:MM）");
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM meeting"), 0);

    /* a 党小组会 belongs to a 党小组, and a 党小组 holds no 党员大会 */
    snprintf(m.end_time, sizeof m.end_time, "1130");
    m.kind = MK_GROUP;
    ck_assert_int_eq(meeting_save(d, &m, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "党小组会只能由党小组召开"));
    m.org_id = t.g1;
    m.kind = MK_GENERAL;
    ck_assert_int_eq(meeting_save(d, &m, &err), -1);
    ck_assert_str_eq(err.msg, "党小组不能召开支部党员大会，应由所在支部召开");
    m.org_id = 99999;
    ck_assert_int_eq(meeting_save(d, &m, &err), -1);
    ck_assert_str_eq(err.msg, "召开会议的党组织不存在");
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM meeting"), 0);

    /* round trip */
    m.org_id = t.branch;
    m.kind = MK_LESSON;
    snprintf(m.start_time, sizeof m.start_time, "9:30");
    snprintf(m.place, sizeof m.place, "社区党群服务中心");
    snprintf(m.host, sizeof m.host, "张书记");
    snprintf(m.recorder, sizeof m.recorder, "李委员");
    snprintf(m.lecturer, sizeof m.lecturer, "王老师");
    snprintf(m.topic, sizeof m.topic, "党章学习");
    snprintf(m.minutes, sizeof m.minutes, "第一行\n第二行，“引号”——破折号");
    ck_assert_msg(meeting_save(d, &m, &err) == 0, "%s", err.msg);
    ck_assert(m.id > 0);
    ck_assert_str_eq(m.start_time, "09:30");
    ck_assert_str_eq(m.end_time, "11:30");
    meeting g;
    ck_assert_int_eq(meeting_get(d, m.id, &g, &err), 0);
    ck_assert_int_eq(g.org_id, t.branch);
    ck_assert_int_eq(g.kind, MK_LESSON);
    ck_assert_str_eq(g.date, "2026-06-01");
    ck_assert_str_eq(g.start_time, "09:30");
    ck_assert_str_eq(g.end_time, "11:30");
    ck_assert_str_eq(g.place, "社区党群服务中心");
    ck_assert_str_eq(g.host, "张书记");
    ck_assert_str_eq(g.recorder, "李委员");
    ck_assert_str_eq(g.lecturer, "王老师");
    ck_assert_str_eq(g.topic, "党章学习");
    ck_assert_str_eq(g.minutes, "第一行\n第二行，“引号”——破折号");
    ck_assert_str_eq(g.updated_by, db_user(d));
    ck_assert_int_eq(strlen(g.updated_at), 19);

    /* the lecturer is only kept for a 党课 */
    g.kind = MK_THEME_DAY;
    ck_assert_int_eq(meeting_save(d, &g, &err), 0);
    ck_assert_int_eq(meeting_get(d, m.id, &g, &err), 0);
    ck_assert_str_eq(g.lecturer, "");

    ck_assert_int_eq(meeting_get(d, 4242, &g, &err), -1);
    ck_assert_str_eq(err.msg, "找不到该会议的记录");
    db_close(d);
}
END_TEST

START_TEST(test_meeting_list)
{
    db *d = open_db();
    struct tree t = make_tree(d);
    zb_err err = {""};
    int64_t a = add_simple(d, t.branch, "张三");
    add_simple(d, t.other, "李四");
    int64_t m1 = add_meeting(d, t.branch, MK_THEME_DAY, "2026-01-26");
    int64_t m2 = add_meeting(d, t.other, MK_THEME_DAY, "2026-02-23");
    int64_t m3 = add_meeting(d, t.branch, MK_COMMITTEE, "2026-03-05");
    int64_t m4 = add_meeting(d, t.g1, MK_GROUP, "2026-03-05");
    mark_member(d, m1, a, ATT_PRESENT);

    struct meeting_query q = {0};
    long n;
    ck_assert_int_eq(meeting_count(d, &q, &n, &err), 0);
    ck_assert_int_eq(n, 4);
    struct meeting_row rows[8];
    int nrows;
    ck_assert_int_eq(meeting_window(d, &q, 0, 8, rows, &nrows, &err), 0);
    ck_assert_int_eq(nrows, 4);
    /* newest first; the same day: the later id first */
    ck_assert_int_eq(rows[0].id, m4);
    ck_assert_int_eq(rows[1].id, m3);
    ck_assert_int_eq(rows[2].id, m2);
    ck_assert_int_eq(rows[3].id, m1);
    ck_assert_str_eq(rows[3].org_name, "东湖第一网格党支部");
    ck_assert_int_eq(rows[3].expected, 1);
    ck_assert_int_eq(rows[3].present, 1);
    ck_assert_int_eq(rows[2].expected, 1);
    ck_assert_int_eq(rows[2].present, 0);
    ck_assert_int_eq(rows[0].expected, 0);    /* nobody in the 党小组 */
    for (int i = 0; i < 4; i++) {
        long pos;
        ck_assert_int_eq(meeting_position(d, &q, rows[i].id, &pos, &err),
                         0);
        ck_assert_int_eq(pos, i);
    }
    ck_assert_int_eq(meeting_window(d, &q, 1, 2, rows, &nrows, &err), 0);
    ck_assert_int_eq(nrows, 2);
    ck_assert_int_eq(rows[0].id, m3);

    /* the organisation and its subtree */
    q.org_id = t.branch;
    ck_assert_int_eq(meeting_count(d, &q, &n, &err), 0);
    ck_assert_int_eq(n, 3);
    long pos;
    ck_assert_int_eq(meeting_position(d, &q, m2, &pos, &err), 0);
    ck_assert_int_eq(pos, -1);
    ck_assert_int_eq(meeting_position(d, &q, m1, &pos, &err), 0);
    ck_assert_int_eq(pos, 2);
    q.org_id = t.community;
    ck_assert_int_eq(meeting_count(d, &q, &n, &err), 0);
    ck_assert_int_eq(n, 4);

    /* kind, dates, topic */
    q = (struct meeting_query){.kind = MK_THEME_DAY};
    ck_assert_int_eq(meeting_count(d, &q, &n, &err), 0);
    ck_assert_int_eq(n, 2);
    q = (struct meeting_query){.from = "2026-02-01", .to = "2026-03-04"};
    ck_assert_int_eq(meeting_count(d, &q, &n, &err), 0);
    ck_assert_int_eq(n, 1);
    q = (struct meeting_query){.from = "2026-03-05", .to = ""};
    ck_assert_int_eq(meeting_count(d, &q, &n, &err), 0);
    ck_assert_int_eq(n, 2);
    q = (struct meeting_query){.filter = " 党小组会 "};
    ck_assert_int_eq(meeting_count(d, &q, &n, &err), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(meeting_window(d, &q, 0, 8, rows, &nrows, &err), 0);
    ck_assert_int_eq(rows[0].id, m4);
    ck_assert_int_eq(rows[0].kind, MK_GROUP);

    /* deleting takes the roll with it */
    ck_assert_int_eq(meeting_delete(d, m1, &err), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance"
                              " WHERE meeting_id = %lld", (long long)m1), 0);
    ck_assert_int_eq(meeting_delete(d, m1, &err), -1);
    db_close(d);
}
END_TEST

/* ---- the roll ---- */

START_TEST(test_expected_attendees)
{
    db *d = open_db();
    struct tree t = make_tree(d);
    zb_err err = {""};
    int64_t zhang = add_simple(d, t.branch, "张三");
    int64_t li = add_simple(d, t.branch, "李四");
    add_person(d, t.branch, (struct person){"迟来", "2026-06-11", 2, NULL,
                                            0, NULL});
    add_person(d, t.branch, (struct person){"早走", "2000-01-01", 0, NULL,
                                            0, "2026-06-09"});
    int64_t late_leaver = add_person(d, t.branch,
        (struct person){"后走", "2000-01-01", 0, NULL, 0, "2026-06-20"});
    add_person(d, t.branch, (struct person){"停籍", "2000-01-01", 0, NULL,
                                            PARTY_STATUS_SUSPENDED, NULL});
    int64_t prob = add_person(d, t.branch,
        (struct person){"预备", "2026-01-01", CATEGORY_PROBATION, NULL, 0,
                        NULL});
    int64_t fresh = add_person(d, t.branch,
        (struct person){"新转", "2025-06-12", CATEGORY_FULL, "2026-06-12", 0,
                        NULL});
    int64_t wang = add_simple(d, t.g1, "王五");
    int64_t zhao = add_simple(d, t.g2, "赵六");
    int64_t qian = add_simple(d, t.other, "钱七");

    int64_t m = add_meeting(d, t.branch, MK_GENERAL, "2026-06-10");
    char buf[512];
    /* the branch's own members by pinyin, then each 党小组 in tree
     * order; nobody from the other branch */
    ck_assert_str_eq(roll_names(d, m, NULL, buf, sizeof buf),
                     "后走 李四 新转 预备 张三 王五 赵六");
    ck_assert_int_eq(row_of(d, m, qian), 0);
    ck_assert(row_of(d, m, late_leaver) > 0);

    /* the category as it was on the date */
    struct att_row r;
    ck_assert_int_eq(attendance_get(d, row_of(d, m, prob), &r, &err), 0);
    ck_assert_int_eq(r.category, CATEGORY_PROBATION);
    ck_assert_int_eq(attendance_get(d, row_of(d, m, fresh), &r, &err), 0);
    ck_assert_int_eq(r.category, CATEGORY_PROBATION);
    ck_assert_int_eq(attendance_get(d, row_of(d, m, zhang), &r, &err), 0);
    ck_assert_int_eq(r.category, CATEGORY_FULL);
    ck_assert_str_eq(r.name, "张三");
    ck_assert_str_eq(r.group_name, "东湖第一网格党支部");
    ck_assert_int_eq(r.state, ATT_NONE);
    ck_assert_int_eq(r.member_id, zhang);
    char no[16];
    member_number(zhang, no, sizeof no);
    ck_assert_str_eq(r.member_no, no);
    ck_assert_int_eq(attendance_get(d, row_of(d, m, wang), &r, &err), 0);
    ck_assert_str_eq(r.group_name, "第一党小组");

    /* idempotent */
    ck_assert_int_eq(attendance_prepare(d, m, &err), 0);
    ck_assert_int_eq(attendance_prepare(d, m, &err), 0);
    long n;
    ck_assert_int_eq(attendance_count(d, m, NULL, &n, &err), 0);
    ck_assert_int_eq(n, 7);

    /* a member added later is added when the roll is prepared again */
    int64_t sun = add_simple(d, t.g1, "孙八");
    ck_assert_int_eq(attendance_prepare(d, m, &err), 0);
    ck_assert_int_eq(attendance_count(d, m, NULL, &n, &err), 0);
    ck_assert_int_eq(n, 8);
    ck_assert_str_eq(roll_names(d, m, NULL, buf, sizeof buf),
                     "后走 李四 新转 预备 张三 孙八 王五 赵六");

    /* a 党小组 meeting: only its own members */
    int64_t gm = add_meeting(d, t.g1, MK_GROUP, "2026-06-10");
    ck_assert_str_eq(roll_names(d, gm, NULL, buf, sizeof buf), "孙八 王五");
    /* the community: everyone under it */
    int64_t cm = add_meeting(d, t.community, MK_GENERAL, "2026-06-10");
    ck_assert_int_eq(attendance_count(d, cm, NULL, &n, &err), 0);
    ck_assert_int_eq(n, 9);
    ck_assert(row_of(d, cm, qian) > 0);

    /* the filter: pinyin initials, name, member number */
    ck_assert_str_eq(roll_names(d, m, "zs", buf, sizeof buf), "张三");
    ck_assert_str_eq(roll_names(d, m, "ZS", buf, sizeof buf), "张三");
    ck_assert_str_eq(roll_names(d, m, "李", buf, sizeof buf), "李四");
    ck_assert_str_eq(roll_names(d, m, no, buf, sizeof buf), "张三");
    ck_assert_int_eq(attendance_count(d, m, "w", &n, &err), 0);
    ck_assert_int_eq(n, 1);

    /* position agrees with the window */
    struct att_row rows[16];
    int nrows;
    ck_assert_int_eq(attendance_window(d, m, NULL, 0, 16, rows, &nrows,
                                       &err), 0);
    ck_assert_int_eq(nrows, 8);
    for (int i = 0; i < nrows; i++) {
        long pos;
        ck_assert_int_eq(attendance_position(d, m, NULL, rows[i].id, &pos,
                                             &err), 0);
        ck_assert_int_eq(pos, i);
    }
    long pos;
    ck_assert_int_eq(attendance_position(d, m, "zs", row_of(d, m, li), &pos,
                                         &err), 0);
    ck_assert_int_eq(pos, -1);
    ck_assert_int_eq(attendance_window(d, m, NULL, 6, 16, rows, &nrows,
                                       &err), 0);
    ck_assert_int_eq(nrows, 2);
    ck_assert_int_eq(rows[1].member_id, zhao);

    /* moving the meeting to another organisation remakes the unmarked
     * part of the roll; marked rows stay (after its own members) */
    mark_member(d, m, zhang, ATT_PRESENT);
    meeting mt;
    ck_assert_int_eq(meeting_get(d, m, &mt, &err), 0);
    mt.org_id = t.other;
    ck_assert_int_eq(meeting_save(d, &mt, &err), 0);
    ck_assert_str_eq(roll_names(d, m, NULL, buf, sizeof buf), "钱七 张三");
    (void)sun;
    db_close(d);
}
END_TEST

START_TEST(test_totals_and_quorum)
{
    db *d = open_db();
    struct tree t = make_tree(d);
    zb_err err = {""};
    int64_t full[10], prob[3];
    for (int i = 0; i < 10; i++) {
        char name[32];
        snprintf(name, sizeof name, "正式%d", i);
        full[i] = add_simple(d, t.branch, name);
    }
    for (int i = 0; i < 3; i++) {
        char name[32];
        snprintf(name, sizeof name, "预备%d", i);
        prob[i] = add_person(d, t.branch, (struct person){name, "2026-01-01",
                             CATEGORY_PROBATION, NULL, 0, NULL});
    }
    int64_t m = add_meeting(d, t.branch, MK_GENERAL, "2026-06-01");
    for (int i = 0; i < 3; i++)
        mark_member(d, m, prob[i], ATT_PRESENT);
    for (int i = 0; i < 4; i++)
        mark_member(d, m, full[i], ATT_PRESENT);
    mark_member(d, m, full[4], ATT_LATE);
    mark_member(d, m, full[5], ATT_LEAVE);
    mark_member(d, m, full[6], ATT_ABSENT);
    int64_t guest;
    ck_assert_int_eq(attendance_add_guest(d, m, 0, "街道联络员", &guest,
                                          &err), 0);
    struct att_totals tt;
    ck_assert_int_eq(attendance_totals(d, m, &tt, &err), 0);
    ck_assert_int_eq(tt.expected, 13);
    ck_assert_int_eq(tt.present, 7);
    ck_assert_int_eq(tt.late, 1);
    ck_assert_int_eq(tt.leave, 1);
    ck_assert_int_eq(tt.absent, 1);
    ck_assert_int_eq(tt.unmarked, 3);
    ck_assert_int_eq(tt.guests, 1);
    ck_assert_int_eq(tt.full_expected, 10);
    ck_assert_int_eq(tt.full_present, 5);
    /* 5 of 10 with a vote: no quorum, whatever the 3 预备 do */
    ck_assert(!rules_quorum(tt.full_expected, tt.full_present));
    mark_member(d, m, full[7], ATT_PRESENT);
    ck_assert_int_eq(attendance_totals(d, m, &tt, &err), 0);
    ck_assert_int_eq(tt.full_present, 6);
    ck_assert(rules_quorum(tt.full_expected, tt.full_present));
    ck_assert_int_eq(attendance_totals(d, 9999, &tt, &err), 0);
    ck_assert_int_eq(tt.expected, 0);
    db_close(d);
}
END_TEST

START_TEST(test_compare_and_set)
{
    db *d1 = open_db();
    struct tree t = make_tree(d1);
    zb_err err = {""};
    int64_t a = add_simple(d1, t.branch, "张三");
    int64_t m = add_meeting(d1, t.branch, MK_THEME_DAY, "2026-06-01");
    db *d2 = tu_open();
    int64_t row = row_of(d1, m, a);

    /* both terminals show version v */
    struct att_row r1, r2, cur;
    ck_assert_int_eq(attendance_get(d1, row, &r1, &err), 0);
    ck_assert_int_eq(attendance_get(d2, row, &r2, &err), 0);
    ck_assert_int_eq(r1.version, r2.version);
    int rc = attendance_mark(d1, row, r1.version, ATT_PRESENT, NULL, &cur,
                             &err);
    ck_assert_int_eq(rc, ATT_MARKED);
    ck_assert_int_eq(cur.state, ATT_PRESENT);
    ck_assert_int_eq(cur.version, r1.version + 1);
    ck_assert_str_eq(cur.marked_by, db_user(d1));

    /* the second, with the stale version: told, nothing changes */
    memset(&cur, 0, sizeof cur);
    rc = attendance_mark(d2, row, r2.version, ATT_ABSENT, NULL, &cur, &err);
    ck_assert_int_eq(rc, ATT_CONFLICT);
    ck_assert_int_eq(cur.state, ATT_PRESENT);
    ck_assert_int_eq(cur.version, r1.version + 1);
    ck_assert_int_eq(attendance_get(d1, row, &r1, &err), 0);
    ck_assert_int_eq(r1.state, ATT_PRESENT);
    char buf[16];
    ck_assert_str_eq(last_attended(d2, a, buf), "2026-06-01");
    /* with what it was shown now, the second may change it */
    rc = attendance_mark(d2, row, cur.version, ATT_LATE, NULL, &cur, &err);
    ck_assert_int_eq(rc, ATT_MARKED);
    ck_assert_int_eq(cur.state, ATT_LATE);
    /* and each connection noticed the other's writes */
    ck_assert(db_changed_elsewhere(d1));

    /* bad states, a vanished row */
    ck_assert_int_eq(attendance_mark(d1, row, cur.version, ATT_GUEST, NULL,
                                     NULL, &err), -1);
    ck_assert_int_eq(attendance_mark(d1, row, cur.version, 9, NULL, NULL,
                                     &err), -1);
    ck_assert_int_eq(attendance_mark(d1, 777777, 1, ATT_PRESENT, NULL, NULL,
                                     &err), -1);
    ck_assert_str_eq(err.msg, "该考勤记录已不存在（会议可能已被删除）");
    db_close(d2);
    db_close(d1);
}
END_TEST

START_TEST(test_future_meeting)
{
    db *d = open_db();
    struct tree t = make_tree(d);
    zb_err err = {""};
    int64_t a = add_simple(d, t.branch, "张三");
    int64_t b = add_simple(d, t.branch, "李四");
    int64_t m = add_meeting(d, t.branch, MK_GENERAL, "2026-06-16");
    int64_t row = row_of(d, m, a);
    struct att_row r;
    ck_assert_int_eq(attendance_get(d, row, &r, &err), 0);
    ck_assert_int_eq(attendance_mark(d, row, r.version, ATT_PRESENT, NULL,
                                     NULL, &err), -1);
    ck_assert_str_eq(err.msg, "会议日期在今天之后，不能登记出席");
    ck_assert_int_eq(attendance_mark(d, row, r.version, ATT_LATE, NULL, NULL,
                                     &err), -1);
    ck_assert_int_eq(attendance_mark(d, row, r.version, ATT_ABSENT, NULL,
                                     NULL, &err), -1);
    struct att_row same;
    ck_assert_int_eq(attendance_get(d, row, &same, &err), 0);
    ck_assert_int_eq(same.state, ATT_NONE);
    ck_assert_int_eq(same.version, r.version);
    long n = -1;
    ck_assert_int_eq(attendance_mark_all(d, m, ATT_PRESENT, &n, &err), -1);
    ck_assert_str_eq(err.msg, "会议日期在今天之后，不能登记出席");
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance"
                              " WHERE state <> 0"), 0);
    char buf[16];
    ck_assert_str_eq(last_attended(d, a, buf), "");
    /* 请假 in advance is fine, and keeps its reason */
    mark(d, row, ATT_LEAVE, "  出差");
    ck_assert_int_eq(attendance_get(d, row, &r, &err), 0);
    ck_assert_int_eq(r.state, ATT_LEAVE);
    ck_assert_str_eq(r.reason, "出差");
    /* it will be owed a 补课 (but is no 请假 of the past year yet) */
    struct watch_row w[4];
    int nw;
    ck_assert_int_eq(watch_window(d, 0, TODAY, 2, 0, 4, w, &nw, &err), 0);
    ck_assert_int_eq(nw, 2);
    ck_assert_int_eq(w[0].member_id, a);
    ck_assert_int_eq(w[0].makeup_owed, 1);
    ck_assert_int_eq(w[0].leave_count, 0);
    ck_assert_int_eq(w[1].makeup_owed, 0);
    /* a guest cannot attend a meeting that has not happened */
    ck_assert_int_eq(attendance_add_guest(d, m, 0, "来宾", NULL, &err), -1);
    ck_assert_str_eq(err.msg, "会议日期在今天之后，不能登记列席");

    /* today is not the future; moving a meeting with marks to the
     * future is refused */
    int64_t today = add_meeting(d, t.branch, MK_THEME_DAY, TODAY);
    mark_member(d, today, b, ATT_PRESENT);
    ck_assert_str_eq(last_attended(d, b, buf), TODAY);
    meeting mt;
    ck_assert_int_eq(meeting_get(d, today, &mt, &err), 0);
    snprintf(mt.date, sizeof mt.date, "2026-07-01");
    ck_assert_int_eq(meeting_save(d, &mt, &err), -1);
    ck_assert_str_eq(err.msg, "已有 1 人登记出席，会议日期不能改到今天之后");
    db_close(d);
}
END_TEST

START_TEST(test_marks_and_last_attended)
{
    db *d = open_db();
    struct tree t = make_tree(d);
    zb_err err = {""};
    int64_t a = add_simple(d, t.branch, "张三");
    int64_t b = add_simple(d, t.branch, "李四");
    int64_t c = add_simple(d, t.g1, "王五");
    int64_t may = add_meeting(d, t.branch, MK_THEME_DAY, "2026-05-25");
    int64_t jun = add_meeting(d, t.branch, MK_COMMITTEE, "2026-06-02");
    char buf[16];

    /* 请假 keeps its reason; other states clear it */
    int64_t rb = row_of(d, jun, b);
    mark(d, rb, ATT_LEAVE, "生病");
    struct att_row r;
    ck_assert_int_eq(attendance_get(d, rb, &r, &err), 0);
    ck_assert_str_eq(r.reason, "生病");
    mark(d, rb, ATT_LEAVE, NULL);
    ck_assert_int_eq(attendance_get(d, rb, &r, &err), 0);
    ck_assert_str_eq(r.reason, "生病");

    /* A: every unmarked row present; the 请假 stays */
    long n = 0;
    ck_assert_int_eq(attendance_mark_all(d, jun, ATT_PRESENT, &n, &err), 0);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(attendance_get(d, rb, &r, &err), 0);
    ck_assert_int_eq(r.state, ATT_LEAVE);
    ck_assert_str_eq(last_attended(d, a, buf), "2026-06-02");
    ck_assert_str_eq(last_attended(d, c, buf), "2026-06-02");
    ck_assert_str_eq(last_attended(d, b, buf), "");
    ck_assert_int_eq(attendance_mark_all(d, jun, ATT_PRESENT, &n, &err), 0);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(attendance_mark_all(d, jun, ATT_GUEST, &n, &err), -1);

    /* an earlier meeting does not lower it; an undo does */
    mark_member(d, may, a, ATT_LATE);
    ck_assert_str_eq(last_attended(d, a, buf), "2026-06-02");
    mark_member(d, jun, a, ATT_NONE);
    ck_assert_str_eq(last_attended(d, a, buf), "2026-05-25");
    mark_member(d, jun, a, ATT_ABSENT);
    ck_assert_str_eq(last_attended(d, a, buf), "2026-05-25");
    mark_member(d, may, a, ATT_LEAVE);
    ck_assert_str_eq(last_attended(d, a, buf), "");
    mark(d, rb, ATT_PRESENT, NULL);
    ck_assert_int_eq(attendance_get(d, rb, &r, &err), 0);
    ck_assert_str_eq(r.reason, "");
    ck_assert_str_eq(last_attended(d, b, buf), "2026-06-02");

    /* moving the meeting moves it; deleting the meeting lowers it */
    mark_member(d, may, b, ATT_PRESENT);
    meeting mt;
    ck_assert_int_eq(meeting_get(d, jun, &mt, &err), 0);
    snprintf(mt.date, sizeof mt.date, "2026-06-05");
    ck_assert_int_eq(meeting_save(d, &mt, &err), 0);
    ck_assert_str_eq(last_attended(d, b, buf), "2026-06-05");
    ck_assert_str_eq(last_attended(d, c, buf), "2026-06-05");
    snprintf(mt.date, sizeof mt.date, "2026-06-01");
    ck_assert_int_eq(meeting_save(d, &mt, &err), 0);
    ck_assert_str_eq(last_attended(d, b, buf), "2026-06-01");
    ck_assert_int_eq(meeting_delete(d, jun, &err), 0);
    ck_assert_str_eq(last_attended(d, b, buf), "2026-05-25");
    ck_assert_str_eq(last_attended(d, c, buf), "");
    /* a stored value always agrees with the rolls */
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member m WHERE"
                              " last_attended <> coalesce((SELECT max(t.date)"
                              " FROM attendance a JOIN meeting t ON t.id ="
                              " a.meeting_id WHERE a.member_id = m.id AND"
                              " a.state IN (1, 2)), '')"), 0);
    db_close(d);
}
END_TEST

START_TEST(test_guests)
{
    db *d = open_db();
    struct tree t = make_tree(d);
    zb_err err = {""};
    int64_t a = add_simple(d, t.branch, "张三");
    int64_t outsider = add_simple(d, t.other, "钱七");
    int64_t m = add_meeting(d, t.branch, MK_GENERAL, "2026-06-01");
    int64_t g1, g2, g3;
    ck_assert_int_eq(attendance_add_guest(d, m, outsider, NULL, &g1, &err),
                     0);
    ck_assert(g1 > 0);
    ck_assert_int_eq(attendance_add_guest(d, m, outsider, NULL, &g3, &err),
                     -1);
    ck_assert_str_eq(err.msg, "钱七 已登记为列席");
    ck_assert_int_eq(attendance_add_guest(d, m, a, NULL, &g3, &err), -1);
    ck_assert_str_eq(err.msg, "张三 在应到名单中，请直接登记出席");
    ck_assert_int_eq(attendance_add_guest(d, m, 0, " 街道干部 ", &g2, &err),
                     0);
    ck_assert_int_eq(attendance_add_guest(d, m, 0, "街道干部", &g3, &err),
                     -1);
    ck_assert_str_eq(err.msg, "街道干部 已登记为列席");
    ck_assert_int_eq(attendance_add_guest(d, m, 0, "  ", &g3, &err), -1);
    ck_assert_str_eq(err.msg, "请输入列席人员的姓名");
    ck_assert_int_eq(attendance_add_guest(d, m, 0, NULL, &g3, &err), -1);
    ck_assert_int_eq(attendance_add_guest(d, m, 424242, NULL, &g3, &err),
                     -1);

    struct att_row rows[8];
    int nrows;
    ck_assert_int_eq(attendance_window(d, m, NULL, 0, 8, rows, &nrows, &err),
                     0);
    ck_assert_int_eq(nrows, 3);
    ck_assert_str_eq(rows[0].name, "张三");
    ck_assert_str_eq(rows[1].name, "钱七");
    ck_assert_int_eq(rows[1].state, ATT_GUEST);
    ck_assert_int_eq(rows[1].category, 0);
    ck_assert_str_eq(rows[1].group_name, "东湖锦绣小区党支部");
    ck_assert_str_eq(rows[2].name, "街道干部");
    ck_assert_int_eq(rows[2].member_id, 0);
    ck_assert_str_eq(rows[2].member_no, "");

    /* guests are no part of 应到, and keep their state */
    long n;
    ck_assert_int_eq(attendance_mark_all(d, m, ATT_PRESENT, &n, &err), 0);
    ck_assert_int_eq(n, 1);
    struct att_totals tt;
    ck_assert_int_eq(attendance_totals(d, m, &tt, &err), 0);
    ck_assert_int_eq(tt.expected, 1);
    ck_assert_int_eq(tt.present, 1);
    ck_assert_int_eq(tt.guests, 2);
    ck_assert_int_eq(attendance_mark(d, g2, rows[2].version, ATT_PRESENT,
                                     NULL, NULL, &err), -1);
    ck_assert_str_eq(err.msg, "列席人员不在应到名单中，只能登记为列席");
    char buf[16];
    ck_assert_str_eq(last_attended(d, outsider, buf), "");
    ck_assert_str_eq(roll_names(d, m, "街道", (char[64]){0}, 64),
                     "街道干部");
    db_close(d);
}
END_TEST

START_TEST(test_find)
{
    db *d = open_db();
    struct tree t = make_tree(d);
    zb_err err = {""};
    int64_t zxj = add_simple(d, t.branch, "张小军");
    int64_t zxj2 = add_simple(d, t.g1, "赵晓佳");
    add_simple(d, t.branch, "张三");
    int64_t zsf = add_simple(d, t.branch, "张三丰");
    int64_t lisi = add_simple(d, t.branch, "李四");
    int64_t twin1 = add_simple(d, t.branch, "王伟");
    int64_t twin2 = add_simple(d, t.g2, "王伟");
    int64_t out = add_simple(d, t.other, "钱七");
    int64_t m = add_meeting(d, t.branch, MK_THEME_DAY, "2026-06-01");
    int64_t ids[4], outsider;
    int n;
    char no[16];

    /* the member number a scanner types */
    member_number(zxj, no, sizeof no);
    ck_assert_int_eq(attendance_find(d, m, no, ids, 4, &n, &outsider, &err),
                     0);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(ids[0], row_of(d, m, zxj));
    ck_assert_int_eq(outsider, 0);
    char scanned[32];
    snprintf(scanned, sizeof scanned, "%s\r\n", no);
    ck_assert_int_eq(attendance_find(d, m, scanned, ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 1);

    /* exact name, even when it also is part of another */
    ck_assert_int_eq(attendance_find(d, m, "李四", ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(ids[0], row_of(d, m, lisi));
    ck_assert_int_eq(attendance_find(d, m, "张三", ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 1);
    /* two members of the same name: both */
    ck_assert_int_eq(attendance_find(d, m, "王伟", ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 2);
    ck_assert(ids[0] == row_of(d, m, twin1) || ids[1] == row_of(d, m, twin1));
    ck_assert(ids[0] == row_of(d, m, twin2) || ids[1] == row_of(d, m, twin2));

    /* initials: ambiguous, then whole initials before a part of them */
    ck_assert_int_eq(attendance_find(d, m, "zxj", ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(ids[0], row_of(d, m, zxj));    /* roll order */
    ck_assert_int_eq(ids[1], row_of(d, m, zxj2));
    ck_assert_int_eq(attendance_find(d, m, "ZSF", ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(ids[0], row_of(d, m, zsf));
    ck_assert_int_eq(attendance_find(d, m, "zs", ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 1);                         /* 张三, not 张三丰 */
    ck_assert_int_eq(attendance_find(d, m, "sf", ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 1);                         /* a part: 张三丰 */
    ck_assert_int_eq(attendance_find(d, m, "小", ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 1);
    /* more matches than room: all counted */
    ck_assert_int_eq(attendance_find(d, m, "z", ids, 1, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 4);

    /* not on the roll: the member is named, nothing changes */
    member_number(out, no, sizeof no);
    ck_assert_int_eq(attendance_find(d, m, no, ids, 4, &n, &outsider, &err),
                     0);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(outsider, out);
    ck_assert_int_eq(attendance_find(d, m, "钱七", ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(outsider, out);
    /* nobody at all */
    ck_assert_int_eq(attendance_find(d, m, "19999999", ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(outsider, 0);
    ck_assert_int_eq(attendance_find(d, m, "qqq", ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(outsider, 0);
    ck_assert_int_eq(attendance_find(d, m, "  ", ids, 4, &n, &outsider,
                                     &err), 0);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance"
                              " WHERE state <> 0"), 0);
    db_close(d);
}
END_TEST

/* ---- compliance ---- */

static const struct compliance_row *row_for(const struct compliance_row *v,
                                            int n, int64_t org)
{
    for (int i = 0; i < n; i++)
        if (v[i].org_id == org)
            return &v[i];
    ck_abort_msg("no row for organisation %lld", (long long)org);
    return NULL;
}

static const struct compliance_kind *kind_of(const struct compliance_row *r,
                                             int kind)
{
    for (int i = 0; i < r->nkinds; i++)
        if (r->kinds[i].kind == kind)
            return &r->kinds[i];
    ck_abort_msg("no kind %d for %s", kind, r->org_name);
    return NULL;
}

static void expect_kind(const struct compliance_row *r, int kind,
                        int windows, int held, int required, int missing,
                        const char *first_gap)
{
    const struct compliance_kind *k = kind_of(r, kind);
    ck_assert_msg(k->windows == windows && k->held == held &&
                  k->required == required && k->missing_windows == missing &&
                  strcmp(k->first_gap, first_gap) == 0,
                  "%s %s: windows %d held %d required %d missing %d gap %s",
                  r->org_name, domain_meeting_kind[kind], k->windows,
                  k->held, k->required, k->missing_windows, k->first_gap);
}

START_TEST(test_compliance)
{
    db *d = open_db();
    struct tree t = make_tree(d);
    zb_err err = {""};
    add_simple(d, t.branch, "张三");
    char date[11];
    for (int mo = 1; mo <= 12; mo++) {
        snprintf(date, sizeof date, "2025-%02u-10", (unsigned)mo % 100u);
        add_meeting(d, t.branch, MK_COMMITTEE, date);
        if (mo != 3 && mo != 11)
            add_meeting(d, t.branch, MK_THEME_DAY, date);
        if (mo <= 6)
            add_meeting(d, t.g1, MK_GROUP, date);
    }
    /* the last day of a quarter counts for it, the next day for the next */
    add_meeting(d, t.branch, MK_GENERAL, "2025-03-31");
    add_meeting(d, t.branch, MK_GENERAL, "2025-04-01");
    add_meeting(d, t.branch, MK_GENERAL, "2025-12-31");
    add_meeting(d, t.branch, MK_LESSON, "2025-02-14");
    add_meeting(d, t.branch, MK_LESSON, "2025-05-14");
    add_meeting(d, t.branch, MK_LESSON, "2025-08-14");
    add_meeting(d, t.branch, MK_LESSON, "2025-11-14");
    add_meeting(d, t.branch, MK_LIFE, "2025-12-20");
    add_meeting(d, t.branch, MK_OTHER, "2025-12-21");
    add_meeting(d, t.branch, MK_GENERAL, "2024-12-31");   /* outside */

    struct compliance_config cfg;
    compliance_config_default(&cfg);
    ck_assert_int_eq(cfg.lesson_unit, PERIOD_QUARTER);
    ck_assert_int_eq(cfg.lesson_min, 1);
    struct compliance_row *v;
    int n;
    ck_assert_int_eq(compliance_report(d, 0, "2025-01-01", "2025-12-31",
                                       &cfg, &v, &n, &err), 0);
    /* tree order; the street is not a 支部 */
    ck_assert_int_eq(n, 5);
    ck_assert_int_eq(v[0].org_id, t.community);
    ck_assert_int_eq(v[1].org_id, t.branch);
    ck_assert_int_eq(v[2].org_id, t.g1);
    ck_assert_int_eq(v[3].org_id, t.g2);
    ck_assert_int_eq(v[4].org_id, t.other);
    const struct compliance_row *b = row_for(v, n, t.branch);
    ck_assert_str_eq(b->org_name, "东湖第一网格党支部");
    ck_assert_str_eq(b->org_kind, "网格党支部");
    ck_assert_int_eq(b->nkinds, 6);
    expect_kind(b, MK_COMMITTEE, 12, 12, 12, 0, "");
    expect_kind(b, MK_THEME_DAY, 12, 10, 12, 2, "2025-03-01");
    expect_kind(b, MK_GENERAL, 4, 3, 4, 1, "2025-07-01");
    expect_kind(b, MK_LESSON, 4, 4, 4, 0, "");
    expect_kind(b, MK_LIFE, 1, 1, 1, 0, "");
    expect_kind(b, MK_APPRAISAL, 1, 0, 1, 1, "2025-01-01");
    ck_assert_int_eq(b->gaps, 4);
    ck_assert_int_eq(kind_of(b, MK_GENERAL)->unit, PERIOD_QUARTER);
    const struct compliance_row *g = row_for(v, n, t.g1);
    ck_assert_int_eq(g->nkinds, 1);
    expect_kind(g, MK_GROUP, 12, 6, 12, 6, "2025-07-01");
    ck_assert_int_eq(g->gaps, 6);
    const struct compliance_row *o = row_for(v, n, t.other);
    ck_assert_int_eq(o->gaps, 12 + 12 + 4 + 4 + 1 + 1);
    expect_kind(o, MK_GENERAL, 4, 0, 4, 4, "2025-01-01");
    free(v);

    /* 党课: twice a year, or monthly */
    cfg.lesson_unit = PERIOD_YEAR;
    cfg.lesson_min = 2;
    ck_assert_int_eq(compliance_report(d, t.branch, "2025-01-01",
                                       "2025-12-31", &cfg, &v, &n, &err), 0);
    /* the branch and its 党小组 only */
    ck_assert_int_eq(n, 3);
    expect_kind(row_for(v, n, t.branch), MK_LESSON, 1, 4, 2, 0, "");
    free(v);
    cfg.lesson_unit = PERIOD_MONTH;
    cfg.lesson_min = 1;
    ck_assert_int_eq(compliance_report(d, t.branch, "2025-01-01",
                                       "2025-12-31", &cfg, &v, &n, &err), 0);
    expect_kind(row_for(v, n, t.branch), MK_LESSON, 12, 4, 12, 8,
                "2025-01-01");
    free(v);

    /* a period that does not start on a window: windows unclipped,
     * meetings held counted in the period */
    ck_assert_int_eq(compliance_report(d, t.branch, "2025-03-15",
                                       "2025-04-15", NULL, &v, &n, &err), 0);
    b = row_for(v, n, t.branch);
    expect_kind(b, MK_GENERAL, 2, 2, 2, 0, "");
    expect_kind(b, MK_COMMITTEE, 2, 1, 2, 0, "");
    free(v);

    /* the current year: windows after today are not due; the current
     * window is not a gap yet; a planned meeting is not held */
    for (int mo = 1; mo <= 5; mo++) {
        snprintf(date, sizeof date, "2026-%02u-10", (unsigned)mo % 100u);
        add_meeting(d, t.branch, MK_THEME_DAY, date);
    }
    add_meeting(d, t.branch, MK_THEME_DAY, "2026-06-29");
    add_meeting(d, t.branch, MK_GENERAL, "2026-04-01");
    ck_assert_int_eq(compliance_report(d, t.branch, "2026-01-01",
                                       "2026-12-31", NULL, &v, &n, &err), 0);
    b = row_for(v, n, t.branch);
    expect_kind(b, MK_THEME_DAY, 6, 5, 6, 0, "");
    expect_kind(b, MK_COMMITTEE, 6, 0, 6, 5, "2026-01-01");
    expect_kind(b, MK_GENERAL, 2, 1, 2, 1, "2026-01-01");
    expect_kind(b, MK_LIFE, 1, 0, 1, 0, "");
    free(v);
    /* a period wholly in the future */
    ck_assert_int_eq(compliance_report(d, t.branch, "2027-01-01",
                                       "2027-12-31", NULL, &v, &n, &err), 0);
    expect_kind(row_for(v, n, t.branch), MK_THEME_DAY, 0, 0, 0, 0, "");
    free(v);

    /* an inactive organisation is left out; bad periods refused */
    tu_sql(d, "UPDATE org SET active = 0 WHERE kind = '小区党支部'");
    ck_assert_int_eq(compliance_report(d, 0, "2025-01-01", "2025-12-31",
                                       NULL, &v, &n, &err), 0);
    ck_assert_int_eq(n, 4);
    free(v);
    ck_assert_int_eq(compliance_report(d, 0, "2025-12-31", "2025-01-01",
                                       NULL, &v, &n, &err), -1);
    ck_assert_int_eq(compliance_report(d, 0, "2025-13-01", "2025-12-31",
                                       NULL, &v, &n, &err), -1);
    ck_assert_ptr_null(v);
    db_close(d);
}
END_TEST

/* ---- watch list ---- */

static const struct watch_row *watch_find(const struct watch_row *v, int n,
                                          int64_t id)
{
    for (int i = 0; i < n; i++)
        if (v[i].member_id == id)
            return &v[i];
    return NULL;
}

START_TEST(test_watch)
{
    db *d = open_db();
    struct tree t = make_tree(d);
    zb_err err = {""};
    int64_t recent = add_simple(d, t.branch, "近来");
    int64_t warn = add_simple(d, t.branch, "三月");
    int64_t flag = add_simple(d, t.g1, "半年");
    int64_t never = add_person(d, t.branch, (struct person){"从未",
                               "2020-01-01", 0, NULL, 0, NULL});
    int64_t leave = add_simple(d, t.branch, "请假");
    int64_t fresh = add_person(d, t.branch, (struct person){"新人",
                               "2026-05-01", CATEGORY_PROBATION, NULL, 0,
                               NULL});
    int64_t owes = add_simple(d, t.branch, "欠课");
    int64_t gone = add_person(d, t.branch, (struct person){"转走",
                              "2000-01-01", 0, NULL, 0, "2026-01-01"});
    int64_t susp = add_person(d, t.branch, (struct person){"停籍",
                              "2000-01-01", 0, NULL, PARTY_STATUS_SUSPENDED,
                              NULL});
    int64_t elsewhere = add_person(d, t.other, (struct person){"别处",
                                   "2000-01-01", 0, NULL, 0, NULL});

    int64_t dec = add_meeting(d, t.branch, MK_THEME_DAY, "2025-12-15");
    int64_t feb = add_meeting(d, t.branch, MK_THEME_DAY, "2026-02-01");
    int64_t mar = add_meeting(d, t.branch, MK_THEME_DAY, "2026-03-15");
    int64_t may1 = add_meeting(d, t.branch, MK_GENERAL, "2026-05-01");
    int64_t may = add_meeting(d, t.branch, MK_THEME_DAY, "2026-05-20");
    int64_t jun = add_meeting(d, t.branch, MK_COMMITTEE, "2026-06-01");
    mark_member(d, dec, flag, ATT_PRESENT);
    mark_member(d, dec, gone, ATT_PRESENT);
    mark_member(d, mar, warn, ATT_LATE);
    mark_member(d, may, recent, ATT_PRESENT);
    mark_member(d, feb, leave, ATT_PRESENT);
    /* 请假 is not attendance: the months go on */
    mark_member(d, may, leave, ATT_LEAVE);
    mark_member(d, may1, owes, ATT_LEAVE);
    mark_member(d, jun, owes, ATT_PRESENT);
    mark_member(d, jun, never, ATT_ABSENT);
    (void)susp;

    long n;
    ck_assert_int_eq(watch_count(d, 0, TODAY, 1, &n, &err), 0);
    ck_assert_int_eq(n, 6);   /* never, flag, elsewhere, leave, warn, owes */
    struct watch_row v[16];
    int nv;
    ck_assert_int_eq(watch_window(d, 0, TODAY, 1, 0, 16, v, &nv, &err), 0);
    ck_assert_int_eq(nv, 6);
    /* most months first; those only owing a make-up last */
    ck_assert_int_eq(v[0].member_id, elsewhere);   /* joined 2000 */
    ck_assert_int_eq(v[1].member_id, never);       /* joined 2020 */
    ck_assert_int_eq(v[2].member_id, flag);
    ck_assert_int_eq(v[3].member_id, leave);
    ck_assert_int_eq(v[4].member_id, warn);
    ck_assert_int_eq(v[5].member_id, owes);
    const struct watch_row *w = watch_find(v, nv, never);
    ck_assert_str_eq(w->last_attended, "");
    ck_assert_int_eq(w->months, 77);
    ck_assert_int_eq(w->level, 2);
    ck_assert_str_eq(w->name, "从未");
    ck_assert_str_eq(w->org_name, "东湖第一网格党支部");
    w = watch_find(v, nv, flag);
    ck_assert_str_eq(w->last_attended, "2025-12-15");
    ck_assert_int_eq(w->months, 6);
    ck_assert_int_eq(w->level, 2);
    ck_assert_str_eq(w->org_name, "第一党小组");
    w = watch_find(v, nv, warn);
    ck_assert_int_eq(w->months, 3);
    ck_assert_int_eq(w->level, 1);
    w = watch_find(v, nv, leave);
    ck_assert_str_eq(w->last_attended, "2026-02-01");
    ck_assert_int_eq(w->months, 4);
    ck_assert_int_eq(w->level, 1);
    ck_assert_int_eq(w->leave_count, 1);
    ck_assert_int_eq(w->makeup_owed, 1);
    w = watch_find(v, nv, owes);
    ck_assert_int_eq(w->months, 0);
    ck_assert_int_eq(w->level, 0);
    ck_assert_int_eq(w->makeup_owed, 1);
    ck_assert_ptr_null(watch_find(v, nv, recent));
    ck_assert_ptr_null(watch_find(v, nv, fresh));
    ck_assert_ptr_null(watch_find(v, nv, gone));
    ck_assert_ptr_null(watch_find(v, nv, susp));

    /* windows across the two parts */
    ck_assert_int_eq(watch_window(d, 0, TODAY, 1, 4, 16, v, &nv, &err), 0);
    ck_assert_int_eq(nv, 2);
    ck_assert_int_eq(v[0].member_id, warn);
    ck_assert_int_eq(v[1].member_id, owes);
    ck_assert_int_eq(watch_window(d, 0, TODAY, 1, 5, 1, v, &nv, &err), 0);
    ck_assert_int_eq(nv, 1);
    ck_assert_int_eq(v[0].member_id, owes);
    ck_assert_int_eq(watch_window(d, 0, TODAY, 1, 1, 2, v, &nv, &err), 0);
    ck_assert_int_eq(nv, 2);
    ck_assert_int_eq(v[0].member_id, never);
    ck_assert_int_eq(v[1].member_id, flag);

    /* flagged only (and make-ups owed), one branch, everyone */
    ck_assert_int_eq(watch_count(d, 0, TODAY, 2, &n, &err), 0);
    ck_assert_int_eq(n, 5);   /* elsewhere, never, flag + leave, owes */
    ck_assert_int_eq(watch_count(d, t.branch, TODAY, 2, &n, &err), 0);
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(watch_count(d, t.g1, TODAY, 1, &n, &err), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(watch_count(d, t.other, TODAY, 1, &n, &err), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(watch_count(d, 0, TODAY, 0, &n, &err), 0);
    ck_assert_int_eq(n, 8);   /* all on the register, not suspended */
    /* another day: one more month for everyone */
    ck_assert_int_eq(watch_count(d, t.branch, "2026-06-20", 1, &n, &err), 0);
    ck_assert_int_eq(n, 5);   /* the same: nobody crossed 3 months */
    ck_assert_int_eq(watch_count(d, t.branch, "2026-08-20", 1, &n, &err), 0);
    ck_assert_int_eq(n, 7);   /* now 近来 and 新人 too */

    /* 补课 */
    int64_t lrow = row_of(d, may, leave);
    ck_assert_int_eq(attendance_makeup(d, row_of(d, may, recent),
                                       "2026-06-01", &err), -1);
    ck_assert_str_eq(err.msg, "只有请假的记录才需要登记补课");
    ck_assert_int_eq(attendance_makeup(d, lrow, "2026-05-19", &err), -1);
    ck_assert_str_eq(err.msg, "补课日期 2026-05-19 早于会议日期 2026-05-20");
    ck_assert_int_eq(attendance_makeup(d, lrow, "2026-06-16", &err), -1);
    ck_assert_str_eq(err.msg, "补课日期不能在今天之后");
    ck_assert_int_eq(attendance_makeup(d, lrow, "2026-13-01", &err), -1);
    ck_assert_int_eq(attendance_makeup(d, lrow, "2026/6/2", &err), 0);
    ck_assert_int_eq(q_int(d, "SELECT makeup_date = '2026-06-02'"
                              " FROM attendance WHERE id = %lld",
                           (long long)lrow), 1);
    ck_assert_int_eq(attendance_makeup(d, row_of(d, may1, owes), TODAY,
                                       &err), 0);
    ck_assert_int_eq(watch_count(d, 0, TODAY, 2, &n, &err), 0);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(watch_window(d, 0, TODAY, 1, 0, 16, v, &nv, &err), 0);
    ck_assert_int_eq(nv, 5);
    w = watch_find(v, nv, leave);
    ck_assert_int_eq(w->leave_count, 1);
    ck_assert_int_eq(w->makeup_owed, 0);
    /* the make-up is cleared again */
    ck_assert_int_eq(attendance_makeup(d, lrow, "", &err), 0);
    ck_assert_int_eq(watch_count(d, 0, TODAY, 2, &n, &err), 0);
    ck_assert_int_eq(n, 4);
    db_close(d);
}
END_TEST

START_TEST(test_history_and_rate)
{
    db *d = open_db();
    struct tree t = make_tree(d);
    zb_err err = {""};
    int64_t a = add_simple(d, t.g1, "张三");
    int64_t m1 = add_meeting(d, t.branch, MK_THEME_DAY, "2026-01-26");
    int64_t m2 = add_meeting(d, t.g1, MK_GROUP, "2026-02-10");
    int64_t m3 = add_meeting(d, t.branch, MK_COMMITTEE, "2026-03-05");
    int64_t m4 = add_meeting(d, t.branch, MK_GENERAL, "2026-04-08");
    int64_t m5 = add_meeting(d, t.branch, MK_LESSON, "2026-05-08");
    int64_t m6 = add_meeting(d, t.other, MK_LESSON, "2026-05-09");
    int64_t m7 = add_meeting(d, t.branch, MK_THEME_DAY, "2026-06-29");
    mark_member(d, m1, a, ATT_PRESENT);
    mark_member(d, m2, a, ATT_LATE);
    mark_member(d, m3, a, ATT_LEAVE);
    mark_member(d, m4, a, ATT_ABSENT);
    /* m5 unmarked, m7 in the future; a 列席 elsewhere */
    ck_assert_int_eq(attendance_add_guest(d, m6, a, NULL, NULL, &err), 0);
    long n;
    ck_assert_int_eq(attendance_history_count(d, a, NULL, NULL, &n, &err), 0);
    ck_assert_int_eq(n, 7);
    struct att_history_row h[8];
    int nh;
    ck_assert_int_eq(attendance_history_window(d, a, NULL, NULL, 0, 8, h,
                                               &nh, &err), 0);
    ck_assert_int_eq(nh, 7);
    ck_assert_int_eq(h[0].meeting_id, m7);
    ck_assert_int_eq(h[1].meeting_id, m6);
    ck_assert_int_eq(h[1].state, ATT_GUEST);
    ck_assert_str_eq(h[1].org_name, "东湖锦绣小区党支部");
    ck_assert_int_eq(h[2].meeting_id, m5);
    ck_assert_int_eq(h[6].meeting_id, m1);
    ck_assert_int_eq(h[6].kind, MK_THEME_DAY);
    ck_assert_str_eq(h[6].date, "2026-01-26");
    ck_assert_str_eq(h[6].topic, "主题党日 2026-01-26");
    ck_assert_int_eq(h[5].meeting_id, m2);
    ck_assert_str_eq(h[5].org_name, "第一党小组");
    ck_assert_int_eq(attendance_history_window(d, a, "2026-02-01",
                                               "2026-04-30", 1, 8, h, &nh,
                                               &err), 0);
    ck_assert_int_eq(nh, 2);
    ck_assert_int_eq(h[0].meeting_id, m3);
    ck_assert_int_eq(h[1].meeting_id, m2);
    ck_assert_int_eq(attendance_history_count(d, a, "2026-02-01",
                                              "2026-04-30", &n, &err), 0);
    ck_assert_int_eq(n, 3);

    int att, leave, absent, total;
    ck_assert_int_eq(attendance_rate(d, a, NULL, NULL, &att, &leave, &absent,
                                     &total, &err), 0);
    ck_assert_int_eq(att, 2);
    ck_assert_int_eq(leave, 1);
    ck_assert_int_eq(absent, 1);
    ck_assert_int_eq(total, 4);
    /* 请假 is neither attended nor missed */
    ck_assert_int_eq(rules_rate_permille(att, total - leave), 667);
    ck_assert_int_eq(attendance_rate(d, a, "2026-03-01", "", &att, &leave,
                                     &absent, &total, &err), 0);
    ck_assert_int_eq(att, 0);
    ck_assert_int_eq(total, 2);
    ck_assert_int_eq(rules_rate_permille(att, total - leave), 0);
    db_close(d);
}
END_TEST

/* ---- the sign-in sheet ---- */

/* Display column where needle starts in line (-1 if absent). */
static int col_of(const char *line, const char *needle)
{
    const char *p = strstr(line, needle);
    if (!p)
        return -1;
    return text_width_n(line, (size_t)(p - line));
}

START_TEST(test_signin)
{
    db *d = open_db();
    struct tree t = make_tree(d);
    zb_err err = {""};
    int64_t ids[3];
    ids[0] = add_simple(d, t.branch, "王伟");
    ids[1] = add_simple(d, t.g1, "张小军");
    ids[2] = add_simple(d, t.g2, "欧阳晓明");
    meeting m;
    meeting_init(&m);
    m.org_id = t.branch;
    m.kind = MK_GENERAL;
    snprintf(m.date, sizeof m.date, "2026-06-20");
    snprintf(m.start_time, sizeof m.start_time, "14:30");
    snprintf(m.end_time, sizeof m.end_time, "16:00");
    snprintf(m.place, sizeof m.place, "社区党群服务中心");
    snprintf(m.topic, sizeof m.topic, "讨论接收预备党员");
    ck_assert_int_eq(meeting_save(d, &m, &err), 0);

    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ck_assert_int_eq(signin_write(d, m.id, f, &err), 0);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(text, "支部党员大会签到表\n"));
    ck_assert_ptr_nonnull(strstr(text, "组织：东湖第一网格党支部\n"));
    ck_assert_ptr_nonnull(strstr(text, "会议类型：支部党员大会\n"));
    ck_assert_ptr_nonnull(strstr(text, "日期时间：2026-06-20 14:30-16:00\n"));
    ck_assert_ptr_nonnull(strstr(text, "地点：社区党群服务中心\n"));
    ck_assert_ptr_nonnull(strstr(text, "主题：讨论接收预备党员\n"));
    ck_assert_ptr_nonnull(strstr(text, "应到：3 人\n"));

    /* every row: name, organisation, number and signature columns start
     * where the header's do */
    int org_col = -1, no_col = -1, sign_col = -1, rows = 0, blanks = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        if (strstr(line, "所在组织")) {
            org_col = col_of(line, "所在组织");
            no_col = col_of(line, "党员编号");
            sign_col = col_of(line, "签名");
            ck_assert_int_eq(col_of(line, "姓名"), 6);
            continue;
        }
        char no[16];
        for (int i = 0; i < 3; i++) {
            member_number(ids[i], no, sizeof no);
            if (!strstr(line, no))
                continue;
            rows++;
            const char *org = i == 0 ? "东湖第一网格党支部"
                            : i == 1 ? "第一党小组" : "第二党小组";
            ck_assert_msg(col_of(line, org) == org_col, "%s", line);
            ck_assert_msg(col_of(line, no) == no_col, "%s", line);
            ck_assert_msg(col_of(line, "________________") == sign_col,
                          "%s", line);
            ck_assert_int_eq(text_width(line), sign_col + 16);
        }
        if (strncmp(line, "      ____", 10) == 0) {
            blanks++;
            ck_assert_int_eq(col_of(line + 10, "  ____") + 10 + 2, org_col);
        }
    }
    ck_assert_int_eq(rows, 3);
    ck_assert_int_eq(blanks, 5);
    ck_assert(org_col > 6 + 8);
    free(text);

    /* to a file: replaced, 0644 */
    const char *path = tu_path("signin.txt");
    f = fopen(path, "w");
    fputs("old", f);
    fclose(f);
    chmod(path, 0600);
    ck_assert_int_eq(signin_write_file(d, m.id, path, &err), 0);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0644);
    ck_assert(st.st_size > 200);
    ck_assert_int_eq(signin_write_file(d, 4242, path, &err), -1);
    ck_assert_str_eq(err.msg, "找不到该会议的记录");
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert(st.st_size > 200);
    db_close(d);
}
END_TEST

/* ---- demo ---- */

START_TEST(test_demo_meetings)
{
    db *d = open_db();
    zb_err err = {""};
    struct demo_options o;
    demo_options_default(&o);
    ck_assert_int_eq(o.members, 600);
    ck_assert_int_eq(o.months, 12);
    o.members = 400;
    o.months = 6;
    o.communities = 3;
    struct demo_counts c;
    ck_assert_msg(demo_fill_opts(d, &o, &c, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(c.members, 400);
    ck_assert_int_eq(c.meetings, q_int(d, "SELECT count(*) FROM meeting"));
    ck_assert_int_eq(c.attendance, q_int(d, "SELECT count(*) FROM attendance"));
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org WHERE kind IN"
                              " ('社区党委', '社区党总支', '社区党支部')"), 3);
    ck_assert(c.meetings > 100);
    ck_assert(c.attendance > 5000);
    /* every kind but 其他 and, in January to June, 组织生活会 (held in
     * December); none outside the period */
    ck_assert_int_eq(q_int(d, "SELECT count(DISTINCT kind) FROM meeting"), 6);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM meeting"
                              " WHERE kind IN (6, 8)"), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM meeting"
                              " WHERE date < '2026-01-01'"), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM meeting"
                              " WHERE date > '2026-06-30'"), 0);
    /* members in 党小组, and their meetings */
    ck_assert(q_int(d, "SELECT count(*) FROM member m JOIN org o"
                       " ON o.id = m.org_id WHERE o.kind = '党小组'") > 50);
    ck_assert(q_int(d, "SELECT count(*) FROM attendance a JOIN meeting t"
                       " ON t.id = a.meeting_id WHERE t.kind = 3") > 100);
    /* marks as people make them */
    long long past = q_int(d, "SELECT count(*) FROM attendance a JOIN"
                              " meeting t ON t.id = a.meeting_id WHERE"
                              " t.date < '" TODAY "' AND a.guest = 0");
    long long present = q_int(d, "SELECT count(*) FROM attendance"
                                 " WHERE state = 1");
    long long leave = q_int(d, "SELECT count(*) FROM attendance"
                               " WHERE state = 3");
    ck_assert_msg(present * 100 / past >= 78 && present * 100 / past <= 92,
                  "%lld of %lld present", present, past);
    ck_assert_msg(leave * 100 / past >= 3 && leave * 100 / past <= 10,
                  "%lld of %lld leave", leave, past);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance a JOIN"
                              " meeting t ON t.id = a.meeting_id WHERE"
                              " t.date < '" TODAY "' AND a.state = 0"), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance a JOIN"
                              " meeting t ON t.id = a.meeting_id WHERE"
                              " t.date >= '" TODAY "' AND a.state <> 0"), 0);
    ck_assert(q_int(d, "SELECT count(*) FROM meeting WHERE date = '" TODAY
                       "'") >= 1);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance WHERE state = 3"
                              " AND reason = ''"), 0);
    ck_assert(q_int(d, "SELECT count(*) FROM attendance WHERE state = 3"
                       " AND makeup_date <> ''") > leave / 2);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance a JOIN"
                              " meeting t ON t.id = a.meeting_id WHERE"
                              " a.makeup_date <> '' AND (a.makeup_date <"
                              " t.date OR a.makeup_date > '" TODAY "')"), 0);
    /* the rolls follow the rule of attendance_prepare: preparing them
     * again adds nobody */
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance a JOIN"
                              " member m ON m.id = a.member_id JOIN meeting t"
                              " ON t.id = a.meeting_id WHERE a.guest = 0 AND"
                              " (m.join_date > t.date OR m.party_status = 2"
                              " OR (m.left_kind <> 0 AND m.left_date <"
                              " t.date))"), 0);
    sqlite3_stmt *st = db_stmt(d, "SELECT id FROM meeting ORDER BY id", NULL);
    long before = (long)q_int(d, "SELECT count(*) FROM attendance");
    int64_t mids[4096];
    int nm = 0;
    while (sqlite3_step(st) == SQLITE_ROW && nm < 4096)
        mids[nm++] = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    for (int i = 0; i < nm; i++)
        ck_assert_int_eq(attendance_prepare(d, mids[i], &err), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance"), before);
    /* last_attended agrees with the rolls */
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member m WHERE"
                              " last_attended <> coalesce((SELECT max(t.date)"
                              " FROM attendance a JOIN meeting t ON t.id ="
                              " a.meeting_id WHERE a.member_id = m.id AND"
                              " a.state IN (1, 2)), '')"), 0);
    /* something for the compliance view and the watch list */
    struct compliance_row *v;
    int n, with_gaps = 0, without = 0;
    ck_assert_int_eq(compliance_report(d, 0, "2026-01-01", "2026-06-30",
                                       NULL, &v, &n, &err), 0);
    for (int i = 0; i < n; i++)
        *(v[i].gaps ? &with_gaps : &without) += 1;
    free(v);
    ck_assert_msg(with_gaps > 0 && without > 0, "%d with gaps, %d without",
                  with_gaps, without);
    long flagged;
    ck_assert_int_eq(watch_count(d, 0, TODAY, 2, &flagged, &err), 0);
    ck_assert(flagged > 0);

    /* deterministic */
    db *e = NULL;
    ck_assert_int_eq(db_open(tu_path("again.db"), DB_OPEN_CREATE, &e, &err),
                     0);
    if (db_schema_version(e) < 2)
        tu_sql(e, db_schema_v2);
    struct demo_counts c2;
    ck_assert_int_eq(demo_fill_opts(e, &o, &c2, &err), 0);
    ck_assert_int_eq(c2.meetings, c.meetings);
    ck_assert_int_eq(c2.attendance, c.attendance);
    ck_assert_int_eq(q_int(e, "SELECT sum(state * id) FROM attendance"),
                     q_int(d, "SELECT sum(state * id) FROM attendance"));
    db_close(e);

    /* bad options */
    db *f = NULL;
    ck_assert_int_eq(db_open(tu_path("bad.db"), DB_OPEN_CREATE, &f, &err), 0);
    o.months = DEMO_MONTHS_MAX + 1;
    ck_assert_int_eq(demo_fill_opts(f, &o, NULL, &err), -1);
    o.months = 0;
    o.communities = -1;
    ck_assert_int_eq(demo_fill_opts(f, &o, NULL, &err), -1);
    db_close(f);
    db_close(d);
}
END_TEST

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("ZHIBU_TODAY", TODAY, 1);
    Suite *s = suite_create("meeting");
    TCase *tc = tcase_create("meeting");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, NULL, tu_cleanup);
    tcase_add_test(tc, test_meeting_save_and_validate);
    tcase_add_test(tc, test_meeting_list);
    tcase_add_test(tc, test_expected_attendees);
    tcase_add_test(tc, test_totals_and_quorum);
    tcase_add_test(tc, test_compare_and_set);
    tcase_add_test(tc, test_future_meeting);
    tcase_add_test(tc, test_marks_and_last_attended);
    tcase_add_test(tc, test_guests);
    tcase_add_test(tc, test_find);
    tcase_add_test(tc, test_compliance);
    tcase_add_test(tc, test_watch);
    tcase_add_test(tc, test_history_and_rate);
    tcase_add_test(tc, test_signin);
    tcase_add_test(tc, test_demo_meetings);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
