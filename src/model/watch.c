/* The watch list (党章 art. 9): members who have not taken part in
 * organisational life for months, and 请假 still owing a make-up (补课).
 *
 * Members are read in the order of the index member_watch (reference
 * date: last attended, else joined), so a window is an index range:
 * first those at or past the level's cut-off date (part A), then those
 * only owing a make-up (part B: after A, since their reference dates
 * are later than the cut-off). */
#include "model/attendance.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "model/meeting_int.h"
#include "rules.h"
#include "rules_meeting.h"

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

void att_months_back(const char *date, int months, char out[11])
{
    int y = 0, m = 0, d = 0;
    sscanf(date, "%4d-%2d-%2d", &y, &m, &d);
    int k = y * 12 + (m - 1) - months;
    y = k / 12;
    m = k % 12 + 1;
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
                              31};
    int dim = m == 2 && leap(y) ? 29 : len[m - 1];
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u, (unsigned)(d < dim ? d : dim) % 100u);
}

#define ALIVE " m.left_kind = 0 AND m.party_status = 1"
/* 请假 without a 补课 (also for a meeting yet to come: it will be owed) */
#define OWED \
    " m.id IN (SELECT x.member_id FROM attendance x" \
    "  WHERE x.state = 3 AND x.makeup_date = '')"
#define PART_A " FROM member m WHERE" ALIVE " AND " WATCH_REF " <= ?2"
#define PART_B " FROM member m WHERE" ALIVE " AND " WATCH_REF " > ?2 AND" OWED
#define IN_SUB " AND m.org_id IN (SELECT id FROM sub)"

struct params {
    int64_t root;
    char today[11], cut[11], since[11];
};

static void init_params(struct params *p, int64_t root, const char *today,
                        int min_level)
{
    p->root = root;
    if (today && rules_date_valid(today))
        snprintf(p->today, sizeof p->today, "%s", today);
    else
        rules_today(p->today);
    if (min_level <= 0)      /* everyone: part B is empty */
        snprintf(p->cut, sizeof p->cut, "9999-12-31");
    else
        att_months_back(p->today, min_level == 1 ? 3 : 6, p->cut);
    att_months_back(p->today, 12, p->since);
}

/* ?1 root, ?2 cut-off, ?3 today, ?4 a year ago (as far as used) */
static void bind_params(sqlite3_stmt *st, const struct params *p)
{
    int n = sqlite3_bind_parameter_count(st);
    if (p->root > 0)
        sqlite3_bind_int64(st, 1, p->root);
    sqlite3_bind_text(st, 2, p->cut, -1, SQLITE_STATIC);
    if (n >= 4) {
        sqlite3_bind_text(st, 3, p->today, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, p->since, -1, SQLITE_STATIC);
    }
}

static int count_part(db *d, const struct params *p, bool b, long *n,
                      zb_err *err)
{
    static const char a_all[] = "SELECT count(*)" PART_A;
    static const char a_sub[] = SUBTREE_CTE "SELECT count(*)" PART_A IN_SUB;
    static const char b_all[] = "SELECT count(*)" PART_B;
    static const char b_sub[] = SUBTREE_CTE "SELECT count(*)" PART_B IN_SUB;
    const char *sql = b ? (p->root > 0 ? b_sub : b_all)
                        : (p->root > 0 ? a_sub : a_all);
    *n = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    bind_params(st, p);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "统计预警名单");
}

int watch_count(db *d, int64_t root_org, const char *today, int min_level,
                long *n, zb_err *err)
{
    struct params p;
    long a, b;
    init_params(&p, root_org, today, min_level);
    b = 0;
    if (count_part(d, &p, false, &a, err) ||
        (min_level > 0 && count_part(d, &p, true, &b, err)))
        return -1;
    *n = a + b;
    return 0;
}

/* The window's members first (ids in index order), then their
 * particulars: the counts are computed for the rows shown only. */
#define COLS \
    "SELECT m.id, m.name, m.member_no, coalesce((SELECT name FROM org" \
    "  WHERE id = m.org_id), ''), m.last_attended, k.ref," \
    " (SELECT count(*) FROM attendance x JOIN meeting t" \
    "  ON t.id = x.meeting_id WHERE x.member_id = m.id AND x.state = 3" \
    "  AND t.date > ?4 AND t.date <= ?3)," \
    " (SELECT count(*) FROM attendance x WHERE x.member_id = m.id" \
    "  AND x.state = 3 AND x.makeup_date = '')" \
    " FROM (SELECT m.id AS id, " WATCH_REF " AS ref, m.org_id AS org"
#define ORDER \
    " ORDER BY " WATCH_REF ", m.org_id, m.id LIMIT ?6 OFFSET ?5) k" \
    " JOIN member m ON m.id = k.id ORDER BY k.ref, k.org, k.id"

static int window_part(db *d, const struct params *p, bool b, long offset,
                       int limit, struct watch_row *rows, int *nrows,
                       zb_err *err)
{
    static const char a_all[] = COLS PART_A ORDER;
    static const char a_sub[] = SUBTREE_CTE COLS PART_A IN_SUB ORDER;
    static const char b_all[] = COLS PART_B ORDER;
    static const char b_sub[] = SUBTREE_CTE COLS PART_B IN_SUB ORDER;
    const char *sql = b ? (p->root > 0 ? b_sub : b_all)
                        : (p->root > 0 ? a_sub : a_all);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    bind_params(st, p);
    sqlite3_bind_int64(st, 5, offset);
    sqlite3_bind_int(st, 6, limit);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *nrows < limit) {
        struct watch_row *r = &rows[(*nrows)++];
        char ref[11];
        memset(r, 0, sizeof *r);
        r->member_id = sqlite3_column_int64(st, 0);
        db_text(st, 1, r->name, sizeof r->name);
        db_text(st, 2, r->member_no, sizeof r->member_no);
        db_text(st, 3, r->org_name, sizeof r->org_name);
        db_text(st, 4, r->last_attended, sizeof r->last_attended);
        db_text(st, 5, ref, sizeof ref);
        r->leave_count = sqlite3_column_int(st, 6);
        r->makeup_owed = sqlite3_column_int(st, 7);
        r->months = rules_date_valid(ref)
                        ? rules_months_between(ref, p->today) : 0;
        if (r->months < 0)
            r->months = 0;
        r->level = rules_watch_level(r->months);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_fail(d, err, "读取预警名单");
    return 0;
}

int watch_window(db *d, int64_t root_org, const char *today, int min_level,
                 long offset, int limit, struct watch_row *rows, int *nrows,
                 zb_err *err)
{
    struct params p;
    long a;
    *nrows = 0;
    if (offset < 0)
        offset = 0;
    if (limit <= 0)
        return 0;
    init_params(&p, root_org, today, min_level);
    if (count_part(d, &p, false, &a, err))
        return -1;
    int got = 0, more = 0;
    if (offset < a &&
        window_part(d, &p, false, offset, limit, rows, &got, err))
        return -1;
    if (got < limit && min_level > 0 &&
        window_part(d, &p, true, offset > a ? offset - a : 0, limit - got,
                    rows + got, &more, err))
        return -1;
    *nrows = got + more;
    return 0;
}

int attendance_makeup(db *d, int64_t row_id, const char *date, zb_err *err)
{
    static const char load[] =
        "SELECT a.state, t.date FROM attendance a"
        " JOIN meeting t ON t.id = a.meeting_id WHERE a.id = ?1";
    static const char upd[] =
        "UPDATE attendance SET makeup_date = ?2, version = version + 1,"
        " updated_at = ?3, updated_by = ?4 WHERE id = ?1";
    char day[11] = "", mdate[11] = "", today[11], now[20];
    if (date && *date && !rules_date_normalize(date, day))
        return zb_fail(err, "补课日期无效：%s（应为 YYYY-MM-DD）", date);
    rules_today(today);
    if (day[0] && strcmp(day, today) > 0)
        return zb_fail(err, "补课日期不能在今天之后");
    if (db_begin(d, err))
        return -1;
    sqlite3_stmt *st = db_stmt(d, load, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, row_id);
    int rc = sqlite3_step(st);
    int state = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    if (rc == SQLITE_ROW)
        db_text(st, 1, mdate, sizeof mdate);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) {
        zb_fail(err, "该考勤记录已不存在（会议可能已被删除）");
        goto fail;
    }
    if (rc != SQLITE_ROW) {
        db_fail(d, err, "读取考勤");
        goto fail;
    }
    if (state != ATT_LEAVE) {
        zb_fail(err, "只有请假的记录才需要登记补课");
        goto fail;
    }
    if (day[0] && strcmp(day, mdate) < 0) {
        zb_fail(err, "补课日期 %s 早于会议日期 %s", day, mdate);
        goto fail;
    }
    db_now(now);
    if (!(st = db_stmt(d, upd, err)))
        goto fail;
    sqlite3_bind_int64(st, 1, row_id);
    sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, db_user(d), -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "登记补课");
        goto fail;
    }
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int watch_count_level(db *d, int64_t root_org, const char *today, int level,
                      long *n, zb_err *err)
{
    struct params p;
    init_params(&p, root_org, today, level);
    return count_part(d, &p, false, n, err);
}
