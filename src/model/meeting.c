/* Meetings: the record (get, save, delete) and the windowed list. The
 * roll is in attendance.c, compliance in compliance.c. */
#include "model/meeting.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/attendance.h"
#include "model/meeting_int.h"
#include "rules.h"
#include "text.h"

void meeting_init(meeting *m)
{
    memset(m, 0, sizeof *m);
    rules_today(m->date);
}

#define MEETING_COLS \
    "id, org_id, kind, date, start_time, end_time, place, host," \
    " recorder, lecturer, topic, minutes, updated_at, updated_by"

int meeting_get(db *d, int64_t id, meeting *out, zb_err *err)
{
    static const char sql[] = "SELECT " MEETING_COLS
                              " FROM meeting WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        memset(out, 0, sizeof *out);
        out->id = sqlite3_column_int64(st, 0);
        out->org_id = sqlite3_column_int64(st, 1);
        out->kind = sqlite3_column_int(st, 2);
        db_text(st, 3, out->date, sizeof out->date);
        db_text(st, 4, out->start_time, sizeof out->start_time);
        db_text(st, 5, out->end_time, sizeof out->end_time);
        db_text(st, 6, out->place, sizeof out->place);
        db_text(st, 7, out->host, sizeof out->host);
        db_text(st, 8, out->recorder, sizeof out->recorder);
        db_text(st, 9, out->lecturer, sizeof out->lecturer);
        db_text(st, 10, out->topic, sizeof out->topic);
        db_text(st, 11, out->minutes, sizeof out->minutes);
        db_text(st, 12, out->updated_at, sizeof out->updated_at);
        db_text(st, 13, out->updated_by, sizeof out->updated_by);
    }
    return db_row_done(d, st, rc, "找不到该会议的记录", "读取会议", err);
}

/* The kind of organisation id ("" and -1 if there is none). */
static int org_kind(db *d, int64_t id, char *kind, size_t sz, zb_err *err)
{
    static const char sql[] = "SELECT kind FROM org WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        db_text(st, 0, kind, sz);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return zb_fail(err, "召开会议的党组织不存在");
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "读取党组织");
}

/* The checks of a meeting that need no other rows; normalizes times. */
static int validate(meeting *m, zb_err *err)
{
    if (m->org_id <= 0)
        return zb_fail(err, "请选择召开会议的党组织");
    if (m->kind < MK_GENERAL || m->kind >= MK_COUNT)
        return zb_fail(err, "会议类型无效");
    if (!rules_date_valid(m->date))
        return zb_fail(err, "会议日期无效：%s（应为 YYYY-MM-DD）", m->date);
    char t[6];
    if (m->start_time[0]) {
        if (!rules_time_normalize(m->start_time, t))
            return zb_fail(err, "开始时间无效：%s（应为 HH:MM）",
                           m->start_time);
        memcpy(m->start_time, t, sizeof t);
    }
    if (m->end_time[0]) {
        if (!rules_time_normalize(m->end_time, t))
            return zb_fail(err, "结束时间无效：%s（应为 HH:MM）",
                           m->end_time);
        memcpy(m->end_time, t, sizeof t);
    }
    if (m->start_time[0] && m->end_time[0] &&
        strcmp(m->end_time, m->start_time) < 0)
        return zb_fail(err, "结束时间 %s 早于开始时间 %s", m->end_time,
                       m->start_time);
    if (text_chars(m->topic) > MEETING_TOPIC_CHARS)
        return zb_fail(err, "主题不能超过 %d 个字", MEETING_TOPIC_CHARS);
    return 0;
}

/* 党小组会 belongs to a 党小组, and a 党小组 holds no 支部 meetings. */
static int check_kind_for_org(int kind, const char *okind, zb_err *err)
{
    bool group = strcmp(okind, "党小组") == 0;
    if (kind == MK_GROUP && !group)
        return zb_fail(err, "党小组会只能由党小组召开（%s 不是党小组）",
                       *okind ? okind : "该组织");
    if (group && (kind == MK_GENERAL || kind == MK_COMMITTEE ||
                  kind == MK_LIFE || kind == MK_APPRAISAL))
        return zb_fail(err, "党小组不能召开%s，应由所在支部召开",
                       domain_meeting_kind[kind]);
    return 0;
}

struct stored {
    int64_t org_id;
    char date[11];
    int present;     /* 出席 + 迟到 on the roll */
};

static int load_stored(db *d, int64_t id, struct stored *s, zb_err *err)
{
    static const char sql[] =
        "SELECT org_id, date, (SELECT count(*) FROM attendance"
        "  WHERE meeting_id = ?1 AND state IN (1, 2))"
        " FROM meeting WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        s->org_id = sqlite3_column_int64(st, 0);
        db_text(st, 1, s->date, sizeof s->date);
        s->present = sqlite3_column_int(st, 2);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return zb_fail(err, "找不到该会议的记录（可能已被他人删除）");
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "读取会议");
}

/* ?15: the id, NULL = the next one */
static const char insert_sql[] =
    "INSERT INTO meeting (id, org_id, kind, date, start_time, end_time,"
    " place, host, recorder, lecturer, topic, minutes, updated_at,"
    " updated_by)"
    " VALUES (?15, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
static const char update_sql[] =
    "UPDATE meeting SET org_id = ?2, kind = ?3, date = ?4,"
    " start_time = ?5, end_time = ?6, place = ?7, host = ?8,"
    " recorder = ?9, lecturer = ?10, topic = ?11, minutes = ?12,"
    " updated_at = ?13, updated_by = ?14 WHERE id = ?1";

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

int meeting_validate(db *d, const meeting *m, zb_err *err)
{
    meeting *c = malloc(sizeof *c);
    char okind[32] = "";
    if (!c)
        return zb_fail(err, "内存不足");
    *c = *m;
    int rc = validate(c, err) || org_kind(d, m->org_id, okind, sizeof okind,
                                          err) ||
             check_kind_for_org(m->kind, okind, err) ? -1 : 0;
    free(c);
    return rc;
}

static int save(db *d, meeting *m, int64_t want, zb_err *err);

int meeting_save(db *d, meeting *m, zb_err *err)
{
    return save(d, m, 0, err);
}

int meeting_save_as(db *d, meeting *m, int64_t want, zb_err *err)
{
    return save(d, m, m->id ? 0 : want, err);
}

static int save(db *d, meeting *m, int64_t want, zb_err *err)
{
    if (validate(m, err))
        return -1;
    char okind[32] = "", today[11], now[20];
    rules_today(today);
    if (db_begin(d, err))
        return -1;
    if (org_kind(d, m->org_id, okind, sizeof okind, err) ||
        check_kind_for_org(m->kind, okind, err))
        goto fail;
    struct stored old = {0, "", 0};
    if (m->id && load_stored(d, m->id, &old, err))
        goto fail;
    if (m->id && old.present > 0 && strcmp(m->date, today) > 0) {
        zb_fail(err, "已有 %d 人登记出席，会议日期不能改到今天之后",
                old.present);
        goto fail;
    }
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, m->id ? update_sql : insert_sql, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, m->id);
    sqlite3_bind_int64(st, 2, m->org_id);
    sqlite3_bind_int(st, 3, m->kind);
    bind_text(st, 4, m->date);
    bind_text(st, 5, m->start_time);
    bind_text(st, 6, m->end_time);
    bind_text(st, 7, m->place);
    bind_text(st, 8, m->host);
    bind_text(st, 9, m->recorder);
    bind_text(st, 10, m->kind == MK_LESSON ? m->lecturer : "");
    bind_text(st, 11, m->topic);
    bind_text(st, 12, m->minutes);
    bind_text(st, 13, now);
    bind_text(st, 14, db_user(d));
    if (!m->id && want > 0)
        sqlite3_bind_int64(st, 15, want);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "保存会议");
        goto fail;
    }
    int64_t id = m->id ? m->id : sqlite3_last_insert_rowid(db_handle(d));
    if (!m->id) {
        if (attendance_prepare(d, id, err))
            goto fail;
    } else if (old.org_id != m->org_id || strcmp(old.date, m->date) != 0) {
        if (att_refresh_roll(d, id, err) ||
            (strcmp(old.date, m->date) != 0 &&
             att_recompute_meeting(d, id, err)))
            goto fail;
    } else if (attendance_prepare(d, id, err)) {
        goto fail;
    }
    if (db_commit(d, err))
        goto fail;
    m->id = id;
    if (m->kind != MK_LESSON)
        m->lecturer[0] = '\0';
    memcpy(m->updated_at, now, sizeof m->updated_at);
    snprintf(m->updated_by, sizeof m->updated_by, "%s", db_user(d));
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int meeting_delete(db *d, int64_t id, zb_err *err)
{
    static const char del_roll[] =
        "DELETE FROM attendance WHERE meeting_id = ?1";
    static const char del[] = "DELETE FROM meeting WHERE id = ?1";
    struct stored old;
    if (db_begin(d, err))
        return -1;
    if (load_stored(d, id, &old, err))
        goto fail;
    /* the roll first: who was present must still be found */
    if (db_run_id(d, del_roll, id, "删除会议的考勤", NULL, err))
        goto fail;
    if (old.present > 0) {
        /* the rows are gone: recompute from what is left */
        static const char again[] =
            "UPDATE member SET last_attended = coalesce((SELECT max(t.date)"
            "  FROM attendance a JOIN meeting t ON t.id = a.meeting_id"
            "  WHERE a.member_id = member.id AND a.state IN (1, 2)"
            "  AND t.id <> ?1), '')"
            " WHERE last_attended = ?2";
        sqlite3_stmt *st = db_stmt(d, again, err);
        if (!st)
            goto fail;
        sqlite3_bind_int64(st, 1, id);
        bind_text(st, 2, old.date);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            db_fail(d, err, "更新党员最近参加组织生活日期");
            goto fail;
        }
    }
    if (db_run_id(d, del, id, "删除会议", NULL, err) || db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

/* ---- the list ---- */

/* Parameters: ?1 org (subtree), ?2 kind, ?3 from, ?4 to, ?5 filter
 * (lower-case), ?6 .. for the caller. NULL = no condition. */
#define LIST_WHERE \
    " (?2 IS NULL OR t.kind = ?2) AND (?3 IS NULL OR t.date >= ?3)" \
    " AND (?4 IS NULL OR t.date <= ?4)" \
    " AND (?5 IS NULL OR zb_contains(lower(t.topic), ?5)" \
    "  OR zb_contains(lower(t.place), ?5))"
#define IN_SUB " AND t.org_id IN (SELECT id FROM sub)"

struct list_params {
    char filter[MEETING_TOPIC_CHARS * 4 + 1];
};

static void bind_query(sqlite3_stmt *st, const struct meeting_query *q,
                       struct list_params *p)
{
    if (q->org_id > 0)
        sqlite3_bind_int64(st, 1, q->org_id);
    if (q->kind > 0)
        sqlite3_bind_int(st, 2, q->kind);
    if (q->from && *q->from)
        bind_text(st, 3, q->from);
    if (q->to && *q->to)
        bind_text(st, 4, q->to);
    p->filter[0] = '\0';
    if (q->filter) {
        const char *s = q->filter;
        while (*s == ' ')
            s++;
        snprintf(p->filter, sizeof p->filter, "%s", s);
        size_t n = strlen(p->filter);
        while (n > 0 && p->filter[n - 1] == ' ')
            p->filter[--n] = '\0';
        text_ascii_lower(p->filter);
    }
    if (p->filter[0])
        bind_text(st, 5, p->filter);
}

static int step_int(db *d, sqlite3_stmt *st, long *out, const char *what,
                    zb_err *err)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, what);
}

int meeting_count(db *d, const struct meeting_query *q, long *n,
                  zb_err *err)
{
    static const char all[] =
        "SELECT count(*) FROM meeting t WHERE" LIST_WHERE;
    static const char org[] = SUBTREE_CTE
        "SELECT count(*) FROM meeting t WHERE" LIST_WHERE IN_SUB;
    sqlite3_stmt *st = db_stmt(d, q->org_id > 0 ? org : all, err);
    if (!st)
        return -1;
    struct list_params p;
    bind_query(st, q, &p);
    return step_int(d, st, n, "统计会议", err);
}

#define ROW_COLS \
    "SELECT t.id, t.date, t.start_time, t.kind, coalesce(o.name, '')," \
    " t.topic," \
    " (SELECT count(*) FROM attendance a WHERE a.meeting_id = t.id" \
    "  AND a.guest = 0)," \
    " (SELECT count(*) FROM attendance a WHERE a.meeting_id = t.id" \
    "  AND a.state IN (1, 2))" \
    " FROM meeting t LEFT JOIN org o ON o.id = t.org_id WHERE"
#define ORDER " ORDER BY t.date DESC, t.start_time DESC, t.id DESC"

int meeting_window(db *d, const struct meeting_query *q, long offset,
                   int limit, struct meeting_row *rows, int *nrows,
                   zb_err *err)
{
    static const char all[] = ROW_COLS LIST_WHERE ORDER
                              " LIMIT ?7 OFFSET ?6";
    static const char org[] = SUBTREE_CTE ROW_COLS LIST_WHERE IN_SUB ORDER
                              " LIMIT ?7 OFFSET ?6";
    *nrows = 0;
    sqlite3_stmt *st = db_stmt(d, q->org_id > 0 ? org : all, err);
    if (!st)
        return -1;
    struct list_params p;
    bind_query(st, q, &p);
    sqlite3_bind_int64(st, 6, offset < 0 ? 0 : offset);
    sqlite3_bind_int(st, 7, limit < 0 ? 0 : limit);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *nrows < limit) {
        struct meeting_row *r = &rows[(*nrows)++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        db_text(st, 1, r->date, sizeof r->date);
        db_text(st, 2, r->start_time, sizeof r->start_time);
        r->kind = sqlite3_column_int(st, 3);
        db_text(st, 4, r->org_name, sizeof r->org_name);
        db_text(st, 5, r->topic, sizeof r->topic);
        r->expected = sqlite3_column_int(st, 6);
        r->present = sqlite3_column_int(st, 7);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_fail(d, err, "读取会议列表");
    return 0;
}

int meeting_position(db *d, const struct meeting_query *q, int64_t id,
                     long *pos, zb_err *err)
{
    /* rows before the meeting in the list's order, if it is in it */
    static const char all[] =
        "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM meeting t"
        "  WHERE t.id = ?6 AND" LIST_WHERE ") THEN -1 ELSE"
        " (SELECT count(*) FROM meeting t, meeting k WHERE k.id = ?6 AND"
        LIST_WHERE " AND (t.date > k.date OR (t.date = k.date AND"
        "  (t.start_time > k.start_time OR (t.start_time = k.start_time"
        "  AND t.id > k.id))))) END";
    static const char org[] = SUBTREE_CTE
        "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM meeting t"
        "  WHERE t.id = ?6 AND" LIST_WHERE IN_SUB ") THEN -1 ELSE"
        " (SELECT count(*) FROM meeting t, meeting k WHERE k.id = ?6 AND"
        LIST_WHERE IN_SUB " AND (t.date > k.date OR (t.date = k.date AND"
        "  (t.start_time > k.start_time OR (t.start_time = k.start_time"
        "  AND t.id > k.id))))) END";
    sqlite3_stmt *st = db_stmt(d, q->org_id > 0 ? org : all, err);
    if (!st)
        return -1;
    struct list_params p;
    bind_query(st, q, &p);
    sqlite3_bind_int64(st, 6, id);
    return step_int(d, st, pos, "查找会议位置", err);
}
