/* The work-summary report on the fixture of tests/report_fixture.c,
 * whose numbers were counted by hand: members, 三会一课 against the
 * minimums, attendance, pairing assistance, grids; the text and CSV
 * forms; the roll tally kept by triggers; the org resolver. */
#include <check.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "io/report_text.h"
#include "model/attendance.h"
#include "model/meeting.h"
#include "model/report.h"
#include "report_fixture.h"
#include "testutil.h"
#include "text.h"

static db *d;
static struct rf_ids x;
static struct report *r;

static void setup(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    d = tu_open();
    rf_build(d, &x);
    r = calloc(1, sizeof *r);
    ck_assert_ptr_nonnull(r);
}

static void teardown(void)
{
    free(r);
    db_close(d);
    tu_cleanup();
}

static void build(int64_t org, const char *from, const char *to)
{
    zb_err e;
    ck_assert_msg(report_build(d, org, from, to, NULL, r, &e) == 0, "%s",
                  e.msg);
}

#define H1 "2026-01-01", "2026-06-30"
#define YEAR "2026-01-01", "2026-12-31"

START_TEST(members_first_half)
{
    build(0, H1);
    const struct report_members *m = &r->members;
    ck_assert_int_eq(m->total, 8);          /* 1 2 3 4 6 7 10 11 */
    ck_assert_int_eq(m->full, 6);
    ck_assert_int_eq(m->prob, 2);           /* 3, and 7 (full 09-01) */
    ck_assert_int_eq(m->by_kind[KIND_COMMUNITY], 4);   /* 1 3 7 10 */
    ck_assert_int_eq(m->by_kind[KIND_EMPLOYED], 2);    /* 2 11 */
    ck_assert_int_eq(m->by_kind[KIND_MOBILE], 1);      /* 4 */
    ck_assert_int_eq(m->by_kind[KIND_LAIDOFF], 1);     /* 6, died later */
    ck_assert_int_eq(m->suspended, 1);
    ck_assert_int_eq(m->lost, 1);
    ck_assert_int_eq(m->joined, 1);         /* 3 */
    ck_assert_int_eq(m->became_full, 1);    /* 4 */
    ck_assert_int_eq(m->left[LEFT_TRANSFERRED], 1);    /* 5 */
    ck_assert_int_eq(m->left[LEFT_DECEASED], 0);
    ck_assert_int_eq(m->left[LEFT_EXPELLED], 0);       /* 9 left in 2025 */
}
END_TEST

START_TEST(members_year_and_org)
{
    build(0, YEAR);
    const struct report_members *m = &r->members;
    ck_assert_int_eq(m->total, 8);          /* 1 2 3 4 7 8 10 11 */
    ck_assert_int_eq(m->full, 6);
    ck_assert_int_eq(m->prob, 2);           /* 3 8 */
    ck_assert_int_eq(m->by_kind[KIND_COMMUNITY], 5);
    ck_assert_int_eq(m->by_kind[KIND_LAIDOFF], 0);
    ck_assert_int_eq(m->joined, 2);
    ck_assert_int_eq(m->became_full, 2);
    ck_assert_int_eq(m->left[LEFT_TRANSFERRED], 1);
    ck_assert_int_eq(m->left[LEFT_DECEASED], 1);

    build(x.a, YEAR);                       /* A and its 党小组 G */
    ck_assert_str_eq(r->org_name, "东湖第一网格党支部");
    ck_assert_str_eq(r->org_path, "青松街道党工委/东湖第一网格党支部");
    ck_assert_int_eq(m->total, 7);          /* 1 2 3 7 8 10 11 */
    ck_assert_int_eq(m->prob, 2);
    ck_assert_int_eq(m->joined, 2);
    ck_assert_int_eq(m->became_full, 1);
    ck_assert_int_eq(m->left[LEFT_DECEASED], 1);
    ck_assert_int_eq(m->left[LEFT_TRANSFERRED], 0);

    build(x.g, YEAR);
    ck_assert_int_eq(m->total, 2);          /* 2 8 */
    ck_assert_int_eq(m->by_kind[KIND_EMPLOYED], 1);
}
END_TEST

START_TEST(meetings_against_minimums)
{
    build(0, H1);
    const struct report_meetings *m = &r->meetings;
    ck_assert_int_eq(m->held[MK_GENERAL], 1);
    ck_assert_int_eq(m->held[MK_COMMITTEE], 2);
    ck_assert_int_eq(m->held[MK_GROUP], 1);
    ck_assert_int_eq(m->held[MK_LESSON], 1);
    ck_assert_int_eq(m->held[MK_THEME_DAY], 1);
    ck_assert_int_eq(m->held[MK_LIFE], 0);
    ck_assert_int_eq(m->held[MK_OTHER], 1);
    ck_assert_int_eq(m->held[0], 7);
    ck_assert_int_eq(m->norgs, 3);          /* A, G, B */
    ck_assert_int_eq(m->gap_orgs, 3);
    /* 党员大会: A and B, two quarters each; A missed Q2, B both */
    ck_assert_int_eq(m->orgs[MK_GENERAL], 2);
    ck_assert_int_eq(m->required[MK_GENERAL], 4);
    ck_assert_int_eq(m->missing[MK_GENERAL], 3);
    ck_assert_int_eq(m->short_orgs[MK_GENERAL], 2);
    /* 支委会: 6 months each; A held January and February */
    ck_assert_int_eq(m->required[MK_COMMITTEE], 12);
    ck_assert_int_eq(m->missing[MK_COMMITTEE], 10);
    /* 党小组会: G only */
    ck_assert_int_eq(m->orgs[MK_GROUP], 1);
    ck_assert_int_eq(m->required[MK_GROUP], 6);
    ck_assert_int_eq(m->missing[MK_GROUP], 5);
    ck_assert_int_eq(m->required[MK_LESSON], 4);
    ck_assert_int_eq(m->missing[MK_LESSON], 3);
    ck_assert_int_eq(m->required[MK_THEME_DAY], 12);
    ck_assert_int_eq(m->missing[MK_THEME_DAY], 11);
    /* the year of 组织生活会 has not ended: required, not a gap */
    ck_assert_int_eq(m->required[MK_LIFE], 2);
    ck_assert_int_eq(m->short_orgs[MK_LIFE], 0);
    ck_assert_int_eq(m->orgs[MK_OTHER], 0);

    /* the year: the planned 主题党日 of 12-05 is not held yet */
    build(0, YEAR);
    ck_assert_int_eq(m->held[MK_THEME_DAY], 1);
    ck_assert_int_eq(m->held[MK_COMMITTEE], 3);
    ck_assert_str_eq(r->upto, "2026-11-22");
    build(x.b, YEAR);
    ck_assert_int_eq(m->held[0], 2);        /* mB1 mB2; mB0 is 2025 */
    ck_assert_int_eq(m->norgs, 1);
}
END_TEST

START_TEST(attendance_rates)
{
    build(0, H1);
    const struct report_attendance *a = &r->attendance;
    ck_assert_int_eq(a->expected, 26);
    ck_assert_int_eq(a->present, 16);
    ck_assert_int_eq(a->late, 1);
    ck_assert_int_eq(a->attended, 17);
    ck_assert_int_eq(a->leave, 1);
    ck_assert_int_eq(a->absent, 3);
    ck_assert_int_eq(a->unmarked, 5);
    ck_assert_int_eq(a->guests, 1);
    ck_assert_int_eq(a->full_expected, 19);
    ck_assert_int_eq(a->full_attended, 12);
    ck_assert_int_eq(a->prob_expected, 7);
    ck_assert_int_eq(a->prob_attended, 5);
    ck_assert_int_eq(a->rate, 654);         /* 17 / 26 */
    ck_assert_int_eq(a->full_rate, 632);    /* 12 / 19 */
    ck_assert_int_eq(a->prob_rate, 714);    /* 5 / 7 */

    /* the year adds mA5 (6 unmarked), not the planned meeting */
    build(0, YEAR);
    ck_assert_int_eq(a->expected, 32);
    ck_assert_int_eq(a->unmarked, 11);
    build(x.g, H1);
    ck_assert_int_eq(a->expected, 1);
    ck_assert_int_eq(a->rate, 1000);
    build(0, "2026-07-01", "2026-08-31");   /* nothing held */
    ck_assert_int_eq(a->expected, 0);
    ck_assert_int_eq(a->rate, -1);
}
END_TEST

START_TEST(pairing)
{
    build(0, H1);
    const struct pair_totals *p = &r->pairs;
    ck_assert_int_eq(p->households, 2);
    ck_assert_int_eq(p->by_kind[HK_DIBAO], 1);
    ck_assert_int_eq(p->by_kind[HK_DISABLED], 1);
    ck_assert_int_eq(p->by_kind[HK_ELDERLY], 1);
    ck_assert_int_eq(p->households_new, 1);
    ck_assert_int_eq(p->pairs, 2);
    ck_assert_int_eq(p->visits, 2);
    ck_assert_int_eq(p->households_visited, 2);
    ck_assert_int_eq(p->cash_fen, 50000);
    ck_assert_int_eq(p->goods_fen, 35050);
    ck_assert_int_eq(p->jobs, 2);
    ck_assert_int_eq(p->unpaired, 0);

    build(0, YEAR);
    ck_assert_int_eq(p->visits, 3);
    ck_assert_int_eq(p->cash_fen, 80000);
    ck_assert_int_eq(p->jobs, 3);

    /* A's members' work: p1 of 张一 only */
    build(x.a, YEAR);
    ck_assert_int_eq(p->pairs, 1);
    ck_assert_int_eq(p->visits, 2);
    ck_assert_int_eq(p->households_visited, 1);
    ck_assert_int_eq(p->cash_fen, 80000);
    ck_assert_int_eq(p->goods_fen, 20000);
    ck_assert_int_eq(p->jobs, 1);
}
END_TEST

START_TEST(grids_and_gaps)
{
    build(0, H1);
    const struct report_grids *g = &r->grids;
    ck_assert(g->has_grids);
    ck_assert_str_eq(g->scope, "");
    ck_assert_int_eq(g->nodes[GRID_COMMUNITY], 2);
    ck_assert_int_eq(g->nodes[GRID_AREA], 1);
    ck_assert_int_eq(g->nodes[GRID_GRID], 2);
    ck_assert_int_eq(g->nodes[GRID_BUILDING], 1);
    ck_assert_int_eq(g->nodes[GRID_UNIT], 0);
    ck_assert_int_eq(g->households, 1000);
    ck_assert_int_eq(g->population, 1200);
    ck_assert_str_eq(g->date, "2026-06-30");
    ck_assert_int_eq(g->roles[0], 3);
    ck_assert_int_eq(g->roles[ROLE_GRID_HEAD], 1);
    ck_assert_int_eq(g->roles[ROLE_WORKER_FULL], 1);
    ck_assert_int_eq(g->roles[ROLE_AREA_HEAD], 1);
    ck_assert_int_eq(g->roles[ROLE_BUILDING_HEAD], 0);   /* ended 2025 */
    /* 第一片区 heads; 1号楼; 第二网格 head, worker, size, org */
    ck_assert_int_eq(g->gaps[0], 6);
    ck_assert_int_eq(g->gaps[GAP_AREA_HEADS], 1);
    ck_assert_int_eq(g->gaps[GAP_NO_BUILDING_HEAD], 1);
    ck_assert_int_eq(g->gaps[GAP_NO_GRID_HEAD], 1);
    ck_assert_int_eq(g->gaps[GAP_NO_WORKER], 1);
    ck_assert_int_eq(g->gaps[GAP_SIZE_HOUSEHOLDS], 1);
    ck_assert_int_eq(g->gaps[GAP_NO_ORG], 1);
    ck_assert_int_eq(g->gap_nodes, 3);

    /* before the 网格员 started */
    build(0, "2026-01-01", "2026-02-28");
    ck_assert_int_eq(g->roles[ROLE_WORKER_FULL], 0);
    ck_assert_int_eq(g->gaps[GAP_NO_WORKER], 2);

    /* A is built on 第一网格: that grid and its building */
    build(x.a, H1);
    ck_assert(g->has_grids);
    ck_assert_str_eq(g->scope, "东湖社区/第一片区/第一网格");
    ck_assert_int_eq(g->nodes[GRID_GRID], 1);
    ck_assert_int_eq(g->nodes[GRID_BUILDING], 1);
    ck_assert_int_eq(g->nodes[GRID_COMMUNITY], 0);
    ck_assert_int_eq(g->households, 400);
    ck_assert_int_eq(g->roles[0], 2);
    ck_assert_int_eq(g->gaps[0], 1);
    /* G sits under A: A's grid; the street holds A */
    build(x.g, H1);
    ck_assert_str_eq(g->scope, "东湖社区/第一片区/第一网格");
    build(x.street, H1);
    ck_assert_str_eq(g->scope, "东湖社区/第一片区/第一网格");
    /* B is built on nothing */
    build(x.b, H1);
    ck_assert(!g->has_grids);
}
END_TEST

/* The text: aligned columns and the sentences of a summary. */
START_TEST(text_output)
{
    build(0, H1);
    zb_err e;
    char *t = report_text(r, &e);
    ck_assert_msg(t != NULL, "%s", e.msg);
    ck_assert_msg(strstr(t, "统计期间：2026年上半年（2026-01-01 至 2026-06-30）\n"),
                  "%s", t);
    ck_assert(strstr(t, "统计范围：全部党组织\n"));
    ck_assert_msg(strstr(t, "  开展党员大会 1 次，支部委员会 2 次，党小组会 1 次，"
                            "党课 1 次，主题党日 1 次，组织生活会 0 次，"
                            "民主评议党员 0 次，其他学习活动 1 次；"
                            "党员参加组织生活出勤率 65.4%。\n"), "%s", t);
    ck_assert_msg(strstr(t, "慰问走访 2 户（2 次），发放慰问金及慰问品 "
                            "0.09 万元（850.50 元），帮助联系就业岗位 2 份。"),
                  "%s", t);
    ck_assert_msg(strstr(t, "截至 2026年6月30日，共有党员 8 名，其中正式党员 "
                            "6 名、预备党员 2 名。"), "%s", t);
    ck_assert(strstr(t, "划分网格 2 个，配备网格长 1 名、网格员 1 名、"
                        "楼栋长 0 名。"));
    /* every figure row ends its number at the same display column,
     * whatever the width of its label */
    static const char *const rows[] = {
        "  期末党员总数", "    正式党员", "    下岗失业党员",
        "  本期预备党员转正", "  出勤率（出席+迟到/应到）", "  慰问金",
        "  在任负责人（2026-06-30）"};
    const char *want[] = {"8", "6", "1", "1", "65.4%", "500.00", "3"};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const char *p = strstr(t, rows[i]);
        ck_assert_msg(p != NULL, "row %s missing:\n%s", rows[i], t);
        const char *eol = strchr(p, '\n');
        char line[256];
        snprintf(line, sizeof line, "%.*s", (int)(eol - p), p);
        const char *num = strstr(line + strlen(rows[i]), want[i]);
        ck_assert_msg(num != NULL, "%s", line);
        /* the number ends at column 2 + 26 + 14 */
        int end = text_width_n(line, (size_t)(num - line)) +
                  text_width(want[i]);
        ck_assert_msg(end == 42, "'%s' ends at %d", line, end);
    }
    /* the meeting table: 党员大会 1 held, 4 due, 2 organisations, 2 short */
    const char *p = strstr(t, "  支部党员大会");
    ck_assert_ptr_nonnull(p);
    char line[256];
    snprintf(line, sizeof line, "%.*s", (int)(strchr(p, '\n') - p), p);
    ck_assert_str_eq(line, "  支部党员大会           1       4         2           2");
    free(t);
}
END_TEST

START_TEST(csv_output)
{
    build(x.a, YEAR);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    zb_err e;
    ck_assert_msg(report_csv_write(r, f, CSV_ENC_UTF8, &e) == 0, "%s", e.msg);
    fclose(f);
    ck_assert(len > 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0);
    const char *t = buf + 3;
    ck_assert_msg(strncmp(t, "项目,数值\r\n", strlen("项目,数值\r\n")) == 0,
                  "%s", t);
    ck_assert(strstr(t, "\r\n统计范围,青松街道党工委/东湖第一网格党支部\r\n"));
    ck_assert(strstr(t, "\r\n党员/期末党员总数,7\r\n"));
    ck_assert(strstr(t, "\r\n三会一课/支部委员会/已开,3\r\n"));
    ck_assert(strstr(t, "\r\n结对帮扶/慰问金（元）,800.00\r\n"));
    ck_assert(strstr(t, "\r\n网格/负责人/网格长,1\r\n"));
    /* an organisation's unpaired households are not defined */
    ck_assert(!strstr(t, "期末未结对"));
    /* one figure a line: no item twice */
    int lines = 0;
    for (const char *p = t; (p = strstr(p, "\r\n")); p += 2)
        lines++;
    ck_assert_int_gt(lines, 60);
    free(buf);
}
END_TEST

static long long q(const char *sql)
{
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

/* The tally equals the roll after marks, undo, re-rolls and deletes. */
#define COUNT_ROLL(cond) \
    " (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id" \
    " AND " cond ")"
static void tally_matches(void)
{
    ck_assert_int_eq(q(
        "SELECT count(*) FROM meeting m LEFT JOIN meeting_tally t"
        " ON t.meeting_id = m.id WHERE t.meeting_id IS NULL"
        " OR t.date <> m.date OR t.org_id <> m.org_id OR t.kind <> m.kind"
        " OR t.unmarked <>" COUNT_ROLL("a.state = 0")
        " OR t.present <>" COUNT_ROLL("a.state = 1")
        " OR t.late <>" COUNT_ROLL("a.state = 2")
        " OR t.leave <>" COUNT_ROLL("a.state = 3")
        " OR t.absent <>" COUNT_ROLL("a.state = 4")
        " OR t.guests <>" COUNT_ROLL("a.state = 5")
        " OR t.prob_due <>" COUNT_ROLL("a.category = 2 AND a.state < 5")
        " OR t.prob_att <>" COUNT_ROLL("a.category = 2 AND a.state IN (1, 2)")),
        0);
    ck_assert_int_eq(q("SELECT count(*) FROM meeting_tally WHERE meeting_id"
                       " NOT IN (SELECT id FROM meeting)"), 0);
    ck_assert_int_eq(q("SELECT count(*) FROM meeting_tally"),
                     q("SELECT count(*) FROM meeting"));
}

START_TEST(tally_follows_roll)
{
    tally_matches();
    zb_err e;
    struct att_row rows[16];
    int n = 0;
    ck_assert(attendance_window(d, x.mA5, "", 0, 16, rows, &n, &e) == 0);
    ck_assert_int_eq(n, 6);
    struct att_row cur;
    ck_assert(attendance_mark(d, rows[0].id, rows[0].version, ATT_PRESENT,
                              "", &cur, &e) == ATT_MARKED);
    tally_matches();
    ck_assert(attendance_mark(d, rows[0].id, rows[0].version + 1, ATT_NONE,
                              "", &cur, &e) == ATT_MARKED);
    tally_matches();
    build(0, YEAR);
    ck_assert_int_eq(r->attendance.unmarked, 11);
    /* a deleted meeting takes its roll and its tally */
    ck_assert_msg(meeting_delete(d, x.mA1, &e) == 0, "%s", e.msg);
    tally_matches();
    build(0, H1);
    ck_assert_int_eq(r->attendance.expected, 20);
    ck_assert_int_eq(r->meetings.held[MK_GENERAL], 0);
    /* a meeting moved to another date re-rolls */
    meeting m;
    ck_assert(meeting_get(d, x.mA5, &m, &e) == 0);
    snprintf(m.date, sizeof m.date, "2026-03-01");
    ck_assert_msg(meeting_save(d, &m, &e) == 0, "%s", e.msg);
    tally_matches();
    m.org_id = x.b;
    m.kind = MK_LESSON;
    ck_assert_msg(meeting_save(d, &m, &e) == 0, "%s", e.msg);
    tally_matches();
    build(x.b, H1);
    ck_assert_int_eq(r->meetings.held[MK_LESSON], 1);
}
END_TEST

/* A database of step 4 gets the tally of the meetings it has. */
START_TEST(tally_migration)
{
    tu_sql(d, "DROP TRIGGER meeting_tally_ins; DROP TRIGGER meeting_tally_upd;"
              " DROP TRIGGER meeting_tally_del;"
              " DROP TRIGGER attendance_tally_ins;"
              " DROP TRIGGER attendance_tally_del;"
              " DROP TRIGGER attendance_tally_upd;"
              " DROP TABLE meeting_tally; PRAGMA user_version = 4");
    db_close(d);
    zb_err e;
    d = NULL;
    ck_assert_msg(db_open(tu_path("zhibu.db"), 0, &d, &e) == 0, "%s", e.msg);
    ck_assert_int_eq(db_schema_version(d), 5);
    tally_matches();
    build(0, H1);
    ck_assert_int_eq(r->attendance.expected, 26);
    ck_assert_int_eq(r->attendance.prob_attended, 5);
}
END_TEST

START_TEST(period_labels)
{
    char out[64];
    report_period_label("2026-01-01", "2026-12-31", out, sizeof out);
    ck_assert_str_eq(out, "2026年");
    report_period_label("2026-07-01", "2026-12-31", out, sizeof out);
    ck_assert_str_eq(out, "2026年下半年");
    report_period_label("2026-07-01", "2026-09-30", out, sizeof out);
    ck_assert_str_eq(out, "2026年第3季度");
    report_period_label("2026-02-01", "2026-02-28", out, sizeof out);
    ck_assert_str_eq(out, "2026年2月");
    report_period_label("2026-02-10", "2026-05-31", out, sizeof out);
    ck_assert_str_eq(out, "2026-02-10 至 2026-05-31");
}
END_TEST

START_TEST(resolve_org)
{
    zb_err e;
    int64_t id = -1;
    char num[32];
    snprintf(num, sizeof num, "%lld", (long long)x.b);
    ck_assert(report_resolve_org(d, num, &id, &e) == 0 && id == x.b);
    ck_assert(report_resolve_org(d, "青松街道党工委/东湖第一网格党支部", &id,
                                 &e) == 0 && id == x.a);
    ck_assert(report_resolve_org(d, " 东湖第一网格党支部 / 第一党小组 ", &id,
                                 &e) == 0 && id == x.g);
    ck_assert(report_resolve_org(d, "临江老党员支部", &id, &e) == 0 &&
              id == x.b);
    ck_assert_int_eq(report_resolve_org(d, "不存在的支部", &id, &e), -1);
    ck_assert_str_eq(e.msg, "找不到党组织「不存在的支部」");
    tu_org(d, x.b, "第一党小组", "党小组");
    ck_assert_int_eq(report_resolve_org(d, "第一党小组", &id, &e), -1);
    ck_assert_msg(strstr(e.msg, "有 2 个党组织名为「第一党小组」"), "%s",
                  e.msg);
    zb_err e2;
    ck_assert_int_eq(report_build(d, 0, "2026-05-01", "2026-04-01", NULL, r,
                                  &e2), -1);
    ck_assert_str_eq(e2.msg, "统计期间的开始日期晚于结束日期");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("report");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, members_first_half);
    tcase_add_test(tc, members_year_and_org);
    tcase_add_test(tc, meetings_against_minimums);
    tcase_add_test(tc, attendance_rates);
    tcase_add_test(tc, pairing);
    tcase_add_test(tc, grids_and_gaps);
    tcase_add_test(tc, text_output);
    tcase_add_test(tc, csv_output);
    tcase_add_test(tc, tally_follows_roll);
    tcase_add_test(tc, tally_migration);
    tcase_add_test(tc, period_labels);
    tcase_add_test(tc, resolve_org);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
