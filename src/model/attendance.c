/* The roll of a meeting: who is expected, marks (compare-and-set, one
 * committed transaction each), guests, totals, the scan lookup, and a
 * member's history. member.last_attended is kept here. */
#include "model/attendance.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/meeting.h"
#include "model/meeting_int.h"
#include "pinyin.h"
#include "rules.h"
#include "text.h"

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

static int exec_bound(db *d, sqlite3_stmt *st, const char *what,
                      zb_err *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, what);
}

/* ---- expected attendees ---- */

int attendance_prepare(db *d, int64_t meeting_id, zb_err *err)
{
    /* Category as it was on the date: 正式 once full_date is reached. */
    static const char sql[] =
        "WITH RECURSIVE mt(org_id, date, grp) AS ("
        "  SELECT t.org_id, t.date, o.kind = '党小组'"
        "  FROM meeting t JOIN org o ON o.id = t.org_id WHERE t.id = ?1),"
        " sub(id) AS (SELECT org_id FROM mt UNION"
        "  SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id"
        "  WHERE NOT (SELECT grp FROM mt))"
        " INSERT INTO attendance (meeting_id, member_id, guest, state,"
        "  category, org_id, updated_at, updated_by)"
        " SELECT ?1, m.id, 0, 0,"
        "  CASE WHEN m.category = 2 OR m.full_date > mt.date THEN 2"
        "  ELSE 1 END, m.org_id, ?2, ?3"
        " FROM mt, sub JOIN member m ON m.org_id = sub.id"
        " WHERE m.join_date <= mt.date"
        "  AND (m.left_kind = 0 OR m.left_date >= mt.date)"
        "  AND m.party_status <> 2"
        "  AND NOT EXISTS (SELECT 1 FROM attendance x"
        "   WHERE x.meeting_id = ?1 AND x.member_id = m.id)";
    /* A 支部委员会 with committee posts (书记 … 委员, src/model/org.h)
     * recorded for the date expects their holders, wherever their
     * membership sits; without any, the whole branch as above. */
    static const char committee[] =
        "WITH mt(org_id, date) AS (SELECT org_id, date FROM meeting"
        "  WHERE id = ?1),"
        " holders(member_id) AS (SELECT p.member_id FROM org_post p, mt"
        "  WHERE p.org_id = mt.org_id AND p.post BETWEEN 1 AND 6"
        "  AND p.member_id IS NOT NULL"
        "  AND (p.start_date = '' OR p.start_date <= mt.date)"
        "  AND (p.end_date = '' OR p.end_date >= mt.date))"
        " INSERT INTO attendance (meeting_id, member_id, guest, state,"
        "  category, org_id, updated_at, updated_by)"
        " SELECT ?1, m.id, 0, 0,"
        "  CASE WHEN m.category = 2 OR m.full_date > mt.date THEN 2"
        "  ELSE 1 END, m.org_id, ?2, ?3"
        " FROM mt, member m WHERE m.id IN (SELECT member_id FROM holders)"
        "  AND m.join_date <= mt.date"
        "  AND (m.left_kind = 0 OR m.left_date >= mt.date)"
        "  AND m.party_status <> 2"
        "  AND NOT EXISTS (SELECT 1 FROM attendance x"
        "   WHERE x.meeting_id = ?1 AND x.member_id = m.id)";
    static const char has_holders[] =
        "SELECT count(*) FROM meeting t JOIN org_post p ON p.org_id = t.org_id"
        " WHERE t.id = ?1 AND t.kind = 2 AND p.post BETWEEN 1 AND 6"
        " AND p.member_id IS NOT NULL"
        " AND (p.start_date = '' OR p.start_date <= t.date)"
        " AND (p.end_date = '' OR p.end_date >= t.date)";
    char now[20];
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, has_holders, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    int rc = sqlite3_step(st);
    bool by_posts = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "读取支部委员");
    st = db_stmt(d, by_posts ? committee : sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    bind_text(st, 2, now);
    bind_text(st, 3, db_user(d));
    return exec_bound(d, st, "生成应到名单", err);
}

int att_refresh_roll(db *d, int64_t meeting_id, zb_err *err)
{
    static const char sql[] =
        "DELETE FROM attendance WHERE meeting_id = ?1 AND guest = 0"
        " AND state = 0";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    if (exec_bound(d, st, "更新应到名单", err))
        return -1;
    return attendance_prepare(d, meeting_id, err);
}

#define LAST_OF(who) \
    "coalesce((SELECT max(t.date) FROM attendance a" \
    " JOIN meeting t ON t.id = a.meeting_id" \
    " WHERE a.member_id = " who " AND a.state IN (1, 2)), '')"

int att_recompute_meeting(db *d, int64_t meeting_id, zb_err *err)
{
    static const char sql[] =
        "UPDATE member SET last_attended = " LAST_OF("member.id")
        " WHERE id IN (SELECT member_id FROM attendance"
        "  WHERE meeting_id = ?1 AND state IN (1, 2))";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    return exec_bound(d, st, "更新党员最近参加组织生活日期", err);
}

/* ---- the roll ---- */

/* The organisations under the meeting's (?1) with their tree-order
 * keys: sibling sort, pinyin and id at each level, as org_list orders
 * them. Depth-limited: a parent cycle cannot loop. */
#define TREE_CTE \
    "WITH RECURSIVE tree(id, path, depth) AS (" \
    " SELECT org_id, '', 0 FROM meeting WHERE id = ?1" \
    " UNION ALL SELECT o.id, tree.path || printf('%07d', o.sort + 1000000)" \
    "  || o.sort_py || char(1) || printf('%012d', o.id) || char(2)," \
    "  tree.depth + 1 FROM org o JOIN tree ON o.parent_id = tree.id" \
    "  WHERE tree.depth < 64)," \
    " tp(id, path) AS (SELECT id, min(path) FROM tree GROUP BY id) "

#define ROW_COLS \
    "a.id, coalesce(a.member_id, 0), coalesce(m.name, a.name)," \
    " coalesce(m.member_no, ''), coalesce(g.name, ''), a.category," \
    " a.state, a.reason, a.version, a.marked_by"
#define ROW_FROM \
    " FROM attendance a LEFT JOIN member m ON m.id = a.member_id" \
    " LEFT JOIN org g ON g.id = a.org_id"
/* ?2: filter (lower-case), NULL = everyone */
#define ROLL_WHERE \
    " WHERE a.meeting_id = ?1 AND (?2 IS NULL" \
    "  OR zb_contains(coalesce(m.search, lower(a.name)), ?2)" \
    "  OR zb_contains(coalesce(m.name, a.name), ?2))"
/* guests in the order they came */
#define ROLL_ORDER \
    "a.guest, a.guest OR tp.path IS NULL, CASE WHEN a.guest = 0 THEN" \
    " tp.path END, CASE WHEN a.guest = 0 THEN m.sort_py END, a.id"

static void read_row(sqlite3_stmt *st, struct att_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->member_id = sqlite3_column_int64(st, 1);
    db_text(st, 2, r->name, sizeof r->name);
    db_text(st, 3, r->member_no, sizeof r->member_no);
    db_text(st, 4, r->group_name, sizeof r->group_name);
    r->category = sqlite3_column_int(st, 5);
    r->state = sqlite3_column_int(st, 6);
    db_text(st, 7, r->reason, sizeof r->reason);
    r->version = sqlite3_column_int64(st, 8);
    db_text(st, 9, r->marked_by, sizeof r->marked_by);
}

/* Trimmed, ASCII-lower-cased filter; bound as ?2 unless empty. */
static void bind_filter(sqlite3_stmt *st, const char *filter, char *buf,
                        size_t sz)
{
    buf[0] = '\0';
    if (filter) {
        while (*filter == ' ')
            filter++;
        snprintf(buf, sz, "%s", filter);
        size_t n = strlen(buf);
        while (n > 0 && buf[n - 1] == ' ')
            buf[--n] = '\0';
        text_ascii_lower(buf);
    }
    if (buf[0])
        bind_text(st, 2, buf);
}

int attendance_count(db *d, int64_t meeting_id, const char *filter,
                     long *n, zb_err *err)
{
    static const char sql[] = "SELECT count(*)" ROW_FROM ROLL_WHERE;
    char f[256];
    *n = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    bind_filter(st, filter, f, sizeof f);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "统计考勤");
}

int attendance_window(db *d, int64_t meeting_id, const char *filter,
                      long offset, int limit, struct att_row *rows,
                      int *nrows, zb_err *err)
{
    static const char sql[] =
        TREE_CTE "SELECT " ROW_COLS ROW_FROM
        " LEFT JOIN tp ON tp.id = a.org_id" ROLL_WHERE
        " ORDER BY " ROLL_ORDER " LIMIT ?4 OFFSET ?3";
    char f[256];
    *nrows = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    bind_filter(st, filter, f, sizeof f);
    sqlite3_bind_int64(st, 3, offset < 0 ? 0 : offset);
    sqlite3_bind_int(st, 4, limit < 0 ? 0 : limit);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *nrows < limit)
        read_row(st, &rows[(*nrows)++]);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_fail(d, err, "读取考勤");
    return 0;
}

int attendance_position(db *d, int64_t meeting_id, const char *filter,
                        int64_t row_id, long *pos, zb_err *err)
{
    static const char sql[] =
        TREE_CTE "SELECT coalesce((SELECT p FROM (SELECT a.id AS id,"
        " row_number() OVER (ORDER BY " ROLL_ORDER ") - 1 AS p" ROW_FROM
        " LEFT JOIN tp ON tp.id = a.org_id" ROLL_WHERE ")"
        " WHERE id = ?3), -1)";
    char f[256];
    *pos = -1;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    bind_filter(st, filter, f, sizeof f);
    sqlite3_bind_int64(st, 3, row_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *pos = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "查找考勤位置");
}

int attendance_get(db *d, int64_t row_id, struct att_row *out, zb_err *err)
{
    static const char sql[] = "SELECT " ROW_COLS ROW_FROM
                              " WHERE a.id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, row_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_row(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return zb_fail(err, "该考勤记录已不存在（会议可能已被删除）");
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "读取考勤");
}

/* ---- marking ---- */

/* A mark that says the member was there (or was not) needs the
 * meeting to have taken place. */
static int check_date(int state, const char *date, zb_err *err)
{
    char today[11];
    rules_today(today);
    if (strcmp(date, today) <= 0)
        return 0;
    if (state == ATT_PRESENT || state == ATT_LATE)
        return zb_fail(err, "会议日期在今天之后，不能登记出席");
    if (state == ATT_ABSENT)
        return zb_fail(err, "会议日期在今天之后，不能登记缺席");
    if (state == ATT_GUEST)
        return zb_fail(err, "会议日期在今天之后，不能登记列席");
    return 0;
}

static bool attends(int state)
{
    return state == ATT_PRESENT || state == ATT_LATE;
}

/* Keeps member.last_attended right after one row of a meeting on date
 * went from state `was` to `now`. */
static int update_last(db *d, int64_t member_id, const char *date, int was,
                       int now, zb_err *err)
{
    static const char raise[] =
        "UPDATE member SET last_attended = ?2"
        " WHERE id = ?1 AND last_attended < ?2";
    /* an undo lowers it again, if this meeting was the latest */
    static const char lower[] =
        "UPDATE member SET last_attended = " LAST_OF("?1")
        " WHERE id = ?1 AND last_attended = ?2";
    if (!member_id || attends(was) == attends(now))
        return 0;
    sqlite3_stmt *st = db_stmt(d, attends(now) ? raise : lower, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, member_id);
    bind_text(st, 2, date);
    return exec_bound(d, st, "更新党员最近参加组织生活日期", err);
}

int attendance_mark(db *d, int64_t row_id, int64_t version, int state,
                    const char *reason, struct att_row *current,
                    zb_err *err)
{
    static const char load[] =
        "SELECT a.version, a.state, coalesce(a.member_id, 0), a.guest,"
        " t.date, a.reason FROM attendance a"
        " JOIN meeting t ON t.id = a.meeting_id WHERE a.id = ?1";
    static const char upd[] =
        "UPDATE attendance SET state = ?2, reason = ?3,"
        " makeup_date = CASE WHEN ?2 = 3 THEN makeup_date ELSE '' END,"
        " version = version + 1, marked_by = ?4, updated_at = ?5,"
        " updated_by = ?4 WHERE id = ?1";
    if (state == ATT_GUEST)
        return zb_fail(err, "列席人员请用「添加列席」登记");
    if (state < ATT_NONE || state > ATT_ABSENT)
        return zb_fail(err, "无效的考勤状态：%d", state);
    if (db_begin(d, err))
        return -1;
    sqlite3_stmt *st = db_stmt(d, load, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, row_id);
    int rc = sqlite3_step(st);
    int64_t ver = 0, member_id = 0;
    int was = 0, guest = 0;
    char date[11] = "", old_reason[128] = "";
    if (rc == SQLITE_ROW) {
        ver = sqlite3_column_int64(st, 0);
        was = sqlite3_column_int(st, 1);
        member_id = sqlite3_column_int64(st, 2);
        guest = sqlite3_column_int(st, 3);
        db_text(st, 4, date, sizeof date);
        db_text(st, 5, old_reason, sizeof old_reason);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) {
        zb_fail(err, "该考勤记录已不存在（会议可能已被删除）");
        goto fail;
    }
    if (rc != SQLITE_ROW) {
        db_fail(d, err, "读取考勤");
        goto fail;
    }
    if (ver != version) {
        /* someone else marked it since the screen showed it */
        int r = current ? attendance_get(d, row_id, current, err) : 0;
        db_rollback(d);
        return r ? -1 : ATT_CONFLICT;
    }
    if (guest) {
        zb_fail(err, "列席人员不在应到名单中，只能登记为列席");
        goto fail;
    }
    if (check_date(state, date, err))
        goto fail;
    char why[128] = "";
    if (state == ATT_LEAVE) {
        const char *r = reason ? reason : old_reason;
        while (*r == ' ')
            r++;
        text_copy_chars(why, sizeof why, r, 30);
    }
    if (state != was || strcmp(why, old_reason) != 0) {
        char now[20];
        db_now(now);
        if (!(st = db_stmt(d, upd, err)))
            goto fail;
        sqlite3_bind_int64(st, 1, row_id);
        sqlite3_bind_int(st, 2, state);
        bind_text(st, 3, why);
        bind_text(st, 4, db_user(d));
        bind_text(st, 5, now);
        if (exec_bound(d, st, "登记考勤", err) ||
            update_last(d, member_id, date, was, state, err))
            goto fail;
    }
    if (db_commit(d, err))
        goto fail;
    if (current && attendance_get(d, row_id, current, err))
        return -1;
    return ATT_MARKED;
fail:
    db_rollback(d);
    return -1;
}

/* Date of a meeting, "" if there is none. */
static int meeting_date(db *d, int64_t meeting_id, char date[11],
                        zb_err *err)
{
    static const char sql[] = "SELECT date FROM meeting WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        db_text(st, 0, date, 11);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return zb_fail(err, "找不到该会议的记录（可能已被他人删除）");
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "读取会议");
}

int attendance_mark_all(db *d, int64_t meeting_id, int state, long *n,
                        zb_err *err)
{
    static const char raise[] =
        "UPDATE member SET last_attended = ?2"
        " WHERE last_attended < ?2 AND id IN (SELECT member_id"
        "  FROM attendance WHERE meeting_id = ?1 AND state = 0"
        "  AND guest = 0)";
    static const char upd[] =
        "UPDATE attendance SET state = ?2, version = version + 1,"
        " marked_by = ?3, updated_at = ?4, updated_by = ?3"
        " WHERE meeting_id = ?1 AND state = 0 AND guest = 0";
    *n = 0;
    if (state < ATT_PRESENT || state > ATT_ABSENT)
        return zb_fail(err, "无效的考勤状态：%d", state);
    char date[11] = "", now[20];
    if (db_begin(d, err))
        return -1;
    if (meeting_date(d, meeting_id, date, err) ||
        check_date(state, date, err))
        goto fail;
    sqlite3_stmt *st;
    if (attends(state)) {
        if (!(st = db_stmt(d, raise, err)))
            goto fail;
        sqlite3_bind_int64(st, 1, meeting_id);
        bind_text(st, 2, date);
        if (exec_bound(d, st, "更新党员最近参加组织生活日期", err))
            goto fail;
    }
    db_now(now);
    if (!(st = db_stmt(d, upd, err)))
        goto fail;
    sqlite3_bind_int64(st, 1, meeting_id);
    sqlite3_bind_int(st, 2, state);
    bind_text(st, 3, db_user(d));
    bind_text(st, 4, now);
    if (exec_bound(d, st, "登记考勤", err))
        goto fail;
    *n = sqlite3_changes(db_handle(d));
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    *n = 0;
    db_rollback(d);
    return -1;
}

int attendance_add_guest(db *d, int64_t meeting_id, int64_t member_id,
                         const char *name, int64_t *row_id, zb_err *err)
{
    static const char on_roll[] =
        "SELECT a.guest, m.name FROM attendance a JOIN member m"
        " ON m.id = a.member_id WHERE a.meeting_id = ?1"
        " AND a.member_id = ?2";
    static const char named[] =
        "SELECT EXISTS (SELECT 1 FROM attendance WHERE meeting_id = ?1"
        " AND member_id IS NULL AND name = ?2)";
    static const char ins[] =
        "INSERT INTO attendance (meeting_id, member_id, guest, state,"
        " category, org_id, name, marked_by, updated_at, updated_by)"
        " SELECT ?1, m.id, 1, 5, 0, m.org_id, '', ?3, ?4, ?3"
        " FROM member m WHERE m.id = ?2";
    static const char ins_name[] =
        "INSERT INTO attendance (meeting_id, member_id, guest, state,"
        " category, name, marked_by, updated_at, updated_by)"
        " VALUES (?1, NULL, 1, 5, 0, ?2, ?3, ?4, ?3)";
    char who[MEMBER_NAME_CHARS * 4 + 1] = "", date[11], now[20];
    if (row_id)
        *row_id = 0;
    if (member_id == 0) {
        const char *s = name ? name : "";
        while (*s == ' ')
            s++;
        snprintf(who, sizeof who, "%s", s);
        size_t n = strlen(who);
        while (n > 0 && who[n - 1] == ' ')
            who[--n] = '\0';
        if (!who[0])
            return zb_fail(err, "请输入列席人员的姓名");
        if (text_chars(who) > MEMBER_NAME_CHARS || strlen(s) >= sizeof who)
            return zb_fail(err, "姓名不能超过 %d 个字", MEMBER_NAME_CHARS);
    }
    if (db_begin(d, err))
        return -1;
    if (meeting_date(d, meeting_id, date, err) ||
        check_date(ATT_GUEST, date, err))
        goto fail;
    sqlite3_stmt *st;
    int rc;
    if (member_id) {
        if (!(st = db_stmt(d, on_roll, err)))
            goto fail;
        sqlite3_bind_int64(st, 1, meeting_id);
        sqlite3_bind_int64(st, 2, member_id);
        rc = sqlite3_step(st);
        int guest = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
        if (rc == SQLITE_ROW)
            db_text(st, 1, who, sizeof who);
        sqlite3_reset(st);
        if (rc == SQLITE_ROW) {
            if (guest)
                zb_fail(err, "%s 已登记为列席", who);
            else
                zb_fail(err, "%s 在应到名单中，请直接登记出席", who);
            goto fail;
        }
        if (rc != SQLITE_DONE) {
            db_fail(d, err, "读取考勤");
            goto fail;
        }
    } else {
        if (!(st = db_stmt(d, named, err)))
            goto fail;
        sqlite3_bind_int64(st, 1, meeting_id);
        bind_text(st, 2, who);
        rc = sqlite3_step(st);
        int dup = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
        sqlite3_reset(st);
        if (rc != SQLITE_ROW) {
            db_fail(d, err, "读取考勤");
            goto fail;
        }
        if (dup) {
            zb_fail(err, "%s 已登记为列席", who);
            goto fail;
        }
    }
    db_now(now);
    if (!(st = db_stmt(d, member_id ? ins : ins_name, err)))
        goto fail;
    sqlite3_bind_int64(st, 1, meeting_id);
    if (member_id)
        sqlite3_bind_int64(st, 2, member_id);
    else
        bind_text(st, 2, who);
    bind_text(st, 3, db_user(d));
    bind_text(st, 4, now);
    if (exec_bound(d, st, "登记列席", err))
        goto fail;
    if (sqlite3_changes(db_handle(d)) != 1) {
        zb_fail(err, "找不到该党员的记录");
        goto fail;
    }
    int64_t id = sqlite3_last_insert_rowid(db_handle(d));
    if (db_commit(d, err))
        goto fail;
    if (row_id)
        *row_id = id;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int attendance_totals(db *d, int64_t meeting_id, struct att_totals *t,
                      zb_err *err)
{
    static const char sql[] =
        "SELECT total(guest = 0), total(state = 1), total(state = 2),"
        " total(state = 3), total(state = 4),"
        " total(state = 0 AND guest = 0), total(guest = 1),"
        " total(guest = 0 AND category = 1),"
        " total(guest = 0 AND category = 1 AND state IN (1, 2))"
        " FROM attendance WHERE meeting_id = ?1";
    memset(t, 0, sizeof *t);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        int *v[] = {&t->expected, &t->present, &t->late, &t->leave,
                    &t->absent, &t->unmarked, &t->guests,
                    &t->full_expected, &t->full_present};
        for (int i = 0; i < 9; i++)
            *v[i] = (int)sqlite3_column_double(st, i);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "统计考勤");
}

/* ---- scan mode ---- */

struct cand {
    int64_t id;
    char no[16];
    char name[MEMBER_NAME_CHARS * 4 + 1];
};

/* The roll in its order: ids, numbers and names. */
static int load_roll(db *d, int64_t meeting_id, struct cand **out, int *n,
                     zb_err *err)
{
    static const char sql[] =
        TREE_CTE "SELECT a.id, coalesce(m.member_no, ''),"
        " coalesce(m.name, a.name)" ROW_FROM
        " LEFT JOIN tp ON tp.id = a.org_id WHERE a.meeting_id = ?1"
        " ORDER BY " ROLL_ORDER;
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    struct cand *v = NULL;
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            struct cand *v2 = realloc(v, (size_t)cap * sizeof *v);
            if (!v2) {
                sqlite3_reset(st);
                free(v);
                return zb_fail(err, "内存不足");
            }
            v = v2;
        }
        struct cand *c = &v[(*n)++];
        c->id = sqlite3_column_int64(st, 0);
        db_text(st, 1, c->no, sizeof c->no);
        db_text(st, 2, c->name, sizeof c->name);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(v);
        *n = 0;
        return db_fail(d, err, "读取考勤");
    }
    *out = v;
    return 0;
}

enum match_tier { T_NUMBER, T_NAME, T_INITIALS, T_LOOSE, T_TIERS };

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

static bool all_alnum(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
              (*s >= 'A' && *s <= 'Z')))
            return false;
    return true;
}

/* Whether the name's whole initials are q (not just contain it). */
static bool initials_whole(const char *name, const char *q)
{
    char ini[512];
    pinyin_initials(name, ini, sizeof ini);
    size_t first = strcspn(ini, " ");
    return first == strlen(q) && pinyin_match_initials(name, q);
}

static bool matches(const struct cand *c, const char *q, int tier)
{
    switch (tier) {
    case T_NUMBER:
        return all_digits(q) && strcmp(c->no, q) == 0;
    case T_NAME:
        return strcmp(c->name, q) == 0;
    case T_INITIALS:
        return all_alnum(q) && initials_whole(c->name, q);
    default:
        return (all_alnum(q) && pinyin_match_initials(c->name, q)) ||
               text_contains_ci(c->name, q);
    }
}

/* A member on the register by number, or by a name only one has. */
static int find_outsider(db *d, const char *q, int64_t *id, zb_err *err)
{
    static const char by_no[] =
        "SELECT id FROM member WHERE member_no = ?1 AND left_kind = 0";
    static const char by_name[] =
        "SELECT id FROM member WHERE name = ?1 AND left_kind = 0 LIMIT 2";
    *id = 0;
    sqlite3_stmt *st = db_stmt(d, all_digits(q) ? by_no : by_name, err);
    if (!st)
        return -1;
    bind_text(st, 1, q);
    int rc, n = 0;
    int64_t found = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        found = sqlite3_column_int64(st, 0);
        n++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(d, err, "查找党员");
    if (n == 1)
        *id = found;
    return 0;
}

int attendance_find(db *d, int64_t meeting_id, const char *input,
                    int64_t *row_ids, int max, int *n, int64_t *outsider,
                    zb_err *err)
{
    *n = 0;
    if (outsider)
        *outsider = 0;
    char q[256];
    const char *s = input ? input : "";
    while (*s == ' ' || *s == '\t')
        s++;
    snprintf(q, sizeof q, "%s", s);
    size_t len = strlen(q);
    while (len > 0 && (q[len - 1] == ' ' || q[len - 1] == '\t' ||
                       q[len - 1] == '\r' || q[len - 1] == '\n'))
        q[--len] = '\0';
    if (!q[0])
        return 0;
    struct cand *roll;
    int nroll;
    if (load_roll(d, meeting_id, &roll, &nroll, err))
        return -1;
    for (int tier = 0; tier < T_TIERS && *n == 0; tier++) {
        for (int i = 0; i < nroll; i++) {
            if (!matches(&roll[i], q, tier))
                continue;
            if (*n < max)
                row_ids[*n] = roll[i].id;
            (*n)++;
        }
    }
    free(roll);
    if (*n == 0 && outsider)
        return find_outsider(d, q, outsider, err);
    return 0;
}

/* ---- per member ---- */

#define HIST_WHERE \
    " FROM attendance a JOIN meeting t ON t.id = a.meeting_id" \
    " WHERE a.member_id = ?1 AND (?2 IS NULL OR t.date >= ?2)" \
    " AND (?3 IS NULL OR t.date <= ?3)"

static void bind_range(sqlite3_stmt *st, int64_t member_id,
                       const char *from, const char *to)
{
    sqlite3_bind_int64(st, 1, member_id);
    if (from && *from)
        bind_text(st, 2, from);
    if (to && *to)
        bind_text(st, 3, to);
}

int attendance_history_count(db *d, int64_t member_id, const char *from,
                             const char *to, long *n, zb_err *err)
{
    static const char sql[] = "SELECT count(*)" HIST_WHERE;
    *n = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    bind_range(st, member_id, from, to);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "统计参会记录");
}

int attendance_history_window(db *d, int64_t member_id, const char *from,
                              const char *to, long offset, int limit,
                              struct att_history_row *rows, int *nrows,
                              zb_err *err)
{
    static const char sql[] =
        "SELECT t.id, t.date, t.kind, coalesce((SELECT name FROM org"
        "  WHERE id = t.org_id), ''), t.topic, a.state" HIST_WHERE
        " ORDER BY t.date DESC, t.start_time DESC, t.id DESC"
        " LIMIT ?5 OFFSET ?4";
    *nrows = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    bind_range(st, member_id, from, to);
    sqlite3_bind_int64(st, 4, offset < 0 ? 0 : offset);
    sqlite3_bind_int(st, 5, limit < 0 ? 0 : limit);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *nrows < limit) {
        struct att_history_row *r = &rows[(*nrows)++];
        memset(r, 0, sizeof *r);
        r->meeting_id = sqlite3_column_int64(st, 0);
        db_text(st, 1, r->date, sizeof r->date);
        r->kind = sqlite3_column_int(st, 2);
        db_text(st, 3, r->org_name, sizeof r->org_name);
        db_text(st, 4, r->topic, sizeof r->topic);
        r->state = sqlite3_column_int(st, 5);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_fail(d, err, "读取参会记录");
    return 0;
}

int attendance_rate(db *d, int64_t member_id, const char *from,
                    const char *to, int *attended, int *leave, int *absent,
                    int *total, zb_err *err)
{
    /* total: the marked rows of the member's own rolls (guests and
     * unmarked rows are no part of the rate) */
    static const char sql[] =
        "SELECT total(a.state IN (1, 2)), total(a.state = 3),"
        " total(a.state = 4), total(a.state BETWEEN 1 AND 4)" HIST_WHERE
        " AND a.guest = 0";
    *attended = *leave = *absent = *total = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    bind_range(st, member_id, from, to);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *attended = (int)sqlite3_column_double(st, 0);
        *leave = (int)sqlite3_column_double(st, 1);
        *absent = (int)sqlite3_column_double(st, 2);
        *total = (int)sqlite3_column_double(st, 3);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "统计出席率");
}
