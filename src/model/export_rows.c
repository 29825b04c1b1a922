#include "model/export_rows.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

int export_rows_meetings(db *d,
                         int (*fn)(void *ctx, const struct export_meeting *r),
                         void *ctx, zb_err *err)
{
    static const char sql[] =
        "SELECT t.id, t.org_id, t.kind, t.date, t.start_time, t.end_time,"
        " t.place, t.host, t.recorder, t.lecturer, t.topic, t.minutes,"
        " coalesce(sum(a.guest = 0), 0),"
        " coalesce(sum(a.guest = 0 AND a.state IN (1, 2)), 0),"
        " coalesce(sum(a.state = 3), 0), coalesce(sum(a.state = 4), 0),"
        " coalesce(sum(a.guest = 1), 0)"
        " FROM meeting t LEFT JOIN attendance a ON a.meeting_id = t.id"
        " GROUP BY t.id ORDER BY t.date, t.start_time, t.id";
    struct export_meeting *r = malloc(sizeof *r);
    if (!r)
        return zb_fail(err, "内存不足");
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st) {
        free(r);
        return -1;
    }
    int rc = SQLITE_DONE, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        memset(r, 0, sizeof *r);
        meeting *m = &r->m;
        m->id = sqlite3_column_int64(st, 0);
        m->org_id = sqlite3_column_int64(st, 1);
        m->kind = sqlite3_column_int(st, 2);
        db_text(st, 3, m->date, sizeof m->date);
        db_text(st, 4, m->start_time, sizeof m->start_time);
        db_text(st, 5, m->end_time, sizeof m->end_time);
        db_text(st, 6, m->place, sizeof m->place);
        db_text(st, 7, m->host, sizeof m->host);
        db_text(st, 8, m->recorder, sizeof m->recorder);
        db_text(st, 9, m->lecturer, sizeof m->lecturer);
        db_text(st, 10, m->topic, sizeof m->topic);
        db_text(st, 11, m->minutes, sizeof m->minutes);
        r->expected = sqlite3_column_int(st, 12);
        r->present = sqlite3_column_int(st, 13);
        r->leave = sqlite3_column_int(st, 14);
        r->absent = sqlite3_column_int(st, 15);
        r->guests = sqlite3_column_int(st, 16);
        stop = fn(ctx, r);
    }
    sqlite3_reset(st);
    free(r);
    if (stop)
        return stop;
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "读取会议");
}

int export_rows_attendance(db *d,
                           int (*fn)(void *ctx, const struct export_att *r),
                           void *ctx, zb_err *err)
{
    static const char sql[] =
        "SELECT a.meeting_id, t.date, t.kind, t.topic, t.org_id,"
        " coalesce(m.member_no, ''), coalesce(m.name, a.name),"
        " coalesce(a.org_id, 0), a.category, a.state, a.reason,"
        " a.makeup_date, a.marked_by, coalesce(m.id_number, '')"
        " FROM attendance a JOIN meeting t ON t.id = a.meeting_id"
        " LEFT JOIN member m ON m.id = a.member_id"
        " ORDER BY t.date, t.start_time, t.id, a.guest,"
        " a.member_id IS NULL, a.member_id, a.id";
    struct export_att r;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    int rc = SQLITE_DONE, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        memset(&r, 0, sizeof r);
        r.meeting_id = sqlite3_column_int64(st, 0);
        db_text(st, 1, r.date, sizeof r.date);
        r.kind = sqlite3_column_int(st, 2);
        db_text(st, 3, r.topic, sizeof r.topic);
        r.meeting_org = sqlite3_column_int64(st, 4);
        db_text(st, 5, r.member_no, sizeof r.member_no);
        db_text(st, 6, r.name, sizeof r.name);
        r.org_id = sqlite3_column_int64(st, 7);
        r.category = sqlite3_column_int(st, 8);
        r.state = sqlite3_column_int(st, 9);
        db_text(st, 10, r.reason, sizeof r.reason);
        db_text(st, 11, r.makeup_date, sizeof r.makeup_date);
        db_text(st, 12, r.marked_by, sizeof r.marked_by);
        db_text(st, 13, r.id_number, sizeof r.id_number);
        stop = fn(ctx, &r);
    }
    sqlite3_reset(st);
    if (stop)
        return stop;
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "读取考勤");
}
