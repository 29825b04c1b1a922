/* Meetings and rolls as an import file has them: the lookup of a
 * meeting and the writing of one roll row. */
#include "model/meeting_import.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "model/attendance.h"

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

int meeting_find(db *d, int64_t org_id, const char *date, int kind,
                 const char *start_time, const char *topic, int64_t *id,
                 zb_err *err)
{
    static const char sql[] =
        "SELECT id FROM meeting WHERE org_id = ?1 AND kind = ?3"
        " AND date = ?2 AND (?4 IS NULL OR start_time = ?4)"
        " AND (?5 IS NULL OR topic = ?5) LIMIT 2";
    *id = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, org_id);
    bind_text(st, 2, date);
    sqlite3_bind_int(st, 3, kind);
    if (start_time)
        bind_text(st, 4, start_time);
    if (topic)
        bind_text(st, 5, topic);
    int rc, n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        *id = n++ ? -2 : sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "查找会议");
}

static bool attends(int state)
{
    return state == ATT_PRESENT || state == ATT_LATE;
}

struct stored_row {
    int64_t id, version;
    int guest, state, category;
    int64_t org_id;
    char reason[128], makeup_date[11], marked_by[64];
};

/* The row r names on the meeting's roll: s->id 0 if there is none. */
static int load(db *d, int64_t meeting_id, const struct att_import *r,
                struct stored_row *s, zb_err *err)
{
    static const char by_member[] =
        "SELECT id, guest, state, category, coalesce(org_id, 0), reason,"
        " makeup_date, marked_by, version FROM attendance"
        " WHERE meeting_id = ?1 AND member_id = ?2";
    static const char by_name[] =
        "SELECT id, guest, state, category, coalesce(org_id, 0), reason,"
        " makeup_date, marked_by, version FROM attendance"
        " WHERE meeting_id = ?1 AND member_id IS NULL AND name = ?3"
        " ORDER BY id LIMIT 1";
    memset(s, 0, sizeof *s);
    sqlite3_stmt *st = db_stmt(d, r->member_id ? by_member : by_name, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    if (r->member_id)
        sqlite3_bind_int64(st, 2, r->member_id);
    else
        bind_text(st, 3, r->name);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        s->id = sqlite3_column_int64(st, 0);
        s->guest = sqlite3_column_int(st, 1);
        s->state = sqlite3_column_int(st, 2);
        s->category = sqlite3_column_int(st, 3);
        s->org_id = sqlite3_column_int64(st, 4);
        db_text(st, 5, s->reason, sizeof s->reason);
        db_text(st, 6, s->makeup_date, sizeof s->makeup_date);
        db_text(st, 7, s->marked_by, sizeof s->marked_by);
        s->version = sqlite3_column_int64(st, 8);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0
                                                 : db_fail(d, err, "读取考勤");
}

/* member.last_attended after one member's row went from was to now. */
static int last_attended(db *d, int64_t meeting_id, int64_t member_id,
                         int was, int now, zb_err *err)
{
    static const char raise[] =
        "UPDATE member SET last_attended = (SELECT date FROM meeting"
        "  WHERE id = ?2)"
        " WHERE id = ?1 AND last_attended < (SELECT date FROM meeting"
        "  WHERE id = ?2)";
    static const char again[] =
        "UPDATE member SET last_attended = coalesce((SELECT max(t.date)"
        "  FROM attendance a JOIN meeting t ON t.id = a.meeting_id"
        "  WHERE a.member_id = ?1 AND a.state IN (1, 2)), '')"
        " WHERE id = ?1";
    if (!member_id || attends(was) == attends(now))
        return 0;
    sqlite3_stmt *st = db_stmt(d, attends(now) ? raise : again, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, member_id);
    if (attends(now))
        sqlite3_bind_int64(st, 2, meeting_id);
    return exec_bound(d, st, "更新党员最近参加组织生活日期", err);
}

int attendance_import_row(db *d, int64_t meeting_id,
                          const struct att_import *r, int *result,
                          zb_err *err)
{
    static const char ins[] =
        "INSERT INTO attendance (meeting_id, member_id, guest, state,"
        " category, org_id, name, reason, makeup_date, marked_by,"
        " updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
    static const char upd[] =
        "UPDATE attendance SET guest = ?3, state = ?4, category = ?5,"
        " org_id = ?6, reason = ?8, makeup_date = ?9, marked_by = ?10,"
        " version = version + 1, updated_at = ?11, updated_by = ?12"
        " WHERE id = ?13";
    static const char then[] =
        "SELECT CASE WHEN m.category = 2 OR m.full_date > t.date THEN 2"
        " ELSE 1 END, coalesce(m.org_id, 0) FROM member m, meeting t"
        " WHERE m.id = ?1 AND t.id = ?2";
    struct stored_row s;
    *result = ATTI_SAME;
    if (load(d, meeting_id, r, &s, err))
        return -1;
    int guest = r->state == ATT_GUEST;
    int category = r->category;
    int64_t org_id = r->org_id;
    if (s.id) {
        category = category ? category : s.category;
        org_id = org_id >= 0 ? org_id : s.org_id;
    } else if (r->member_id && (!category || org_id < 0)) {
        sqlite3_stmt *st = db_stmt(d, then, err);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, r->member_id);
        sqlite3_bind_int64(st, 2, meeting_id);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            category = category ? category : sqlite3_column_int(st, 0);
            org_id = org_id >= 0 ? org_id : sqlite3_column_int64(st, 1);
        }
        if (db_row_done(d, st, rc, "找不到该党员或会议的记录", "读取党员",
                        err))
            return -1;
    }
    if (guest)
        category = 0;
    if (org_id < 0)
        org_id = 0;
    bool leave = r->state == ATT_LEAVE;
    const char *reason = !leave ? "" : r->reason ? r->reason : s.reason;
    const char *makeup = !leave ? "" : r->makeup_date ? r->makeup_date
                                                      : s.makeup_date;
    const char *marked_by = r->marked_by ? r->marked_by : s.marked_by;
    if (s.id && s.guest == guest && s.state == r->state &&
        s.category == category && s.org_id == org_id &&
        !strcmp(s.reason, reason) && !strcmp(s.makeup_date, makeup) &&
        !strcmp(s.marked_by, marked_by))
        return 0;
    char now[20];
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, s.id ? upd : ins, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    if (r->member_id)
        sqlite3_bind_int64(st, 2, r->member_id);
    sqlite3_bind_int(st, 3, guest);
    sqlite3_bind_int(st, 4, r->state);
    sqlite3_bind_int(st, 5, category);
    if (org_id)
        sqlite3_bind_int64(st, 6, org_id);
    bind_text(st, 7, r->member_id ? "" : r->name);
    bind_text(st, 8, reason);
    bind_text(st, 9, makeup);
    bind_text(st, 10, marked_by);
    bind_text(st, 11, now);
    bind_text(st, 12, db_user(d));
    sqlite3_bind_int64(st, 13, s.id);
    if (exec_bound(d, st, "登记考勤", err) ||
        last_attended(d, meeting_id, r->member_id, s.id ? s.state : ATT_NONE,
                      r->state, err))
        return -1;
    /* a row the roll was made with and nobody marked yet is new data */
    bool fresh = !s.id || (s.version == 1 && s.state == ATT_NONE);
    *result = fresh ? ATTI_ADDED : ATTI_UPDATED;
    return 0;
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int attendance_import_prune(db *d, int64_t meeting_id, const int64_t *keep,
                            long nkeep, long *removed, zb_err *err)
{
    static const char sql[] =
        "SELECT id, member_id FROM attendance WHERE meeting_id = ?1"
        " AND guest = 0 AND state = 0 AND member_id IS NOT NULL";
    static const char del[] = "DELETE FROM attendance WHERE id = ?1";
    *removed = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, meeting_id);
    int64_t *gone = NULL;
    long n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t member_id = sqlite3_column_int64(st, 1);
        if (nkeep > 0 && bsearch(&member_id, keep, (size_t)nkeep,
                                 sizeof *keep, cmp_id))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            int64_t *v = realloc(gone, (size_t)cap * sizeof *v);
            if (!v) {
                sqlite3_reset(st);
                free(gone);
                return zb_fail(err, "内存不足");
            }
            gone = v;
        }
        gone[n++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(gone);
        return db_fail(d, err, "读取考勤");
    }
    for (long i = 0; i < n; i++)
        if (db_run_id(d, del, gone[i], "更新应到名单", NULL, err)) {
            free(gone);
            return -1;
        }
    free(gone);
    *removed = n;
    return 0;
}
