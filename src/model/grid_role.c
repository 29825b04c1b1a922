/* Grids: the responsible people on the nodes (roles with terms). */
#include "model/grid_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "text.h"

const char *const grid_level_label[GRID_LEVEL_N] = {
    "", "社区", "片区", "网格", "楼栋", "单元",
};

const char *const grid_role_label[GRID_ROLE_N] = {
    "", "片长", "党小组长", "退管小组长", "楼栋长", "网格长",
    "网格员（专职）", "网格员（兼职）", "单元长",
};

int grid_role_level(int role)
{
    switch (role) {
    case ROLE_AREA_HEAD:
    case ROLE_GROUP_LEADER:
    case ROLE_RETIREE_HEAD:
        return GRID_AREA;
    case ROLE_BUILDING_HEAD:
        return GRID_BUILDING;
    case ROLE_GRID_HEAD:
    case ROLE_WORKER_FULL:
    case ROLE_WORKER_PART:
        return GRID_GRID;
    case ROLE_UNIT_HEAD:
        return GRID_UNIT;
    default:
        return 0;
    }
}

#define ROLE_COLS \
    "id, grid_id, role, coalesce(member_id, 0), name, phone, start_date," \
    " end_date, notes"

static void read_role(sqlite3_stmt *st, struct grid_role *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->grid_id = sqlite3_column_int64(st, 1);
    r->role = sqlite3_column_int(st, 2);
    r->member_id = sqlite3_column_int64(st, 3);
    db_text(st, 4, r->name, sizeof r->name);
    db_text(st, 5, r->phone, sizeof r->phone);
    db_text(st, 6, r->start_date, sizeof r->start_date);
    db_text(st, 7, r->end_date, sizeof r->end_date);
    db_text(st, 8, r->notes, sizeof r->notes);
}

int grid_role_list(db *d, int64_t grid_id, bool include_past,
                   const char *today, struct grid_role **roles, int *n,
                   zb_err *err)
{
    static const char sql[] =
        "SELECT " ROLE_COLS " FROM grid_role WHERE grid_id = ?1"
        " AND (?3 OR end_date = '' OR end_date >= ?2)"
        " ORDER BY end_date <> '' AND end_date < ?2, role, start_date, id";
    *roles = NULL;
    *n = 0;
    char t[11];
    if (!today || !*today)
        today = rules_today(t);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, grid_id);
    sqlite3_bind_text(st, 2, today, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, include_past);
    struct grid_role *v = NULL;
    int nv = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (nv == cap) {
            cap = cap ? cap * 2 : 8;
            struct grid_role *v2 = realloc(v, (size_t)cap * sizeof *v);
            if (!v2) {
                sqlite3_reset(st);
                free(v);
                return zb_fail(err, "内存不足");
            }
            v = v2;
        }
        read_role(st, &v[nv++]);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(v);
        return db_fail(d, err, "读取任职记录");
    }
    *roles = v;
    *n = nv;
    return 0;
}

int grid_role_get(db *d, int64_t id, struct grid_role *out, zb_err *err)
{
    static const char sql[] =
        "SELECT " ROLE_COLS " FROM grid_role WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_role(st, out);
    return db_row_done(d, st, rc, "找不到该任职记录（可能已被他人删除）",
                       "读取任职记录", err);
}

/* "2024-01-01 至今", "起始不详 至 2024-06-30" */
static void term_text(const char *start, const char *end, char *out,
                      size_t outsz)
{
    snprintf(out, outsz, "%s %s%s", *start ? start : "起始不详",
             *end ? "至 " : "至今", end);
}

/* Another term of the same role on the same node whose dates meet r's:
 * '' start is the beginning of time, '' end the end of it. Several
 * 兼职网格员 serve one grid at once: for them only the same person
 * twice is an overlap. */
static int find_overlap(db *d, const struct grid_role *r, bool *found,
                        char *msg, size_t msgsz, zb_err *err)
{
    static const char sql[] =
        "SELECT name, start_date, end_date FROM grid_role"
        " WHERE grid_id = ?1 AND role = ?2 AND id <> ?3"
        " AND (?4 = 0 OR member_id = ?5 OR name = ?6)"
        " ORDER BY start_date, id";
    *found = false;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, r->grid_id);
    sqlite3_bind_int(st, 2, r->role);
    sqlite3_bind_int64(st, 3, r->id);
    sqlite3_bind_int(st, 4, r->role == ROLE_WORKER_PART);
    sqlite3_bind_int64(st, 5, r->member_id);
    sqlite3_bind_text(st, 6, r->name, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char s[11], e[11];
        db_text(st, 1, s, sizeof s);
        db_text(st, 2, e, sizeof e);
        /* both end days count: no handing over on the same day */
        if (!rules_terms_overlap(r->start_date, r->end_date, s, e, false))
            continue;
        char name[sizeof r->name], term[64];
        db_text(st, 0, name, sizeof name);
        term_text(s, e, term, sizeof term);
        snprintf(msg, msgsz, "与 %s %s 的任期重叠", name, term);
        *found = true;
        break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
        ? 0 : db_fail(d, err, "检查任期");
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t')
            return false;
    return true;
}

int grid_role_validate(db *d, const struct grid_role *r, const char **field,
                       zb_err *err)
{
    static const char node_sql[] = "SELECT level FROM grid WHERE id = ?1";
    static const char member_sql[] =
        "SELECT EXISTS (SELECT 1 FROM member WHERE id = ?1)";
    const char *dummy;
    if (!field)
        field = &dummy;
    *field = NULL;
    if (r->role < ROLE_AREA_HEAD || r->role >= GRID_ROLE_N) {
        *field = "role";
        return zb_fail(err, "请选择职务");
    }
    if (r->member_id == 0 && blank(r->name)) {
        *field = "name";
        return zb_fail(err, "请填写担任此职务的人员");
    }
    if (text_chars(r->name) > 32) {
        *field = "name";
        return zb_fail(err, "姓名不能超过 32 个字");
    }
    char today[11];
    rules_today(today);
    if (blank(r->phone) &&
        (!r->end_date[0] || strcmp(r->end_date, today) >= 0)) {
        /* the sign on the wall is for calling them */
        *field = "phone";
        return zb_fail(err, "请填写联系电话");
    }
    if (!blank(r->phone) && !rules_phone_valid(r->phone)) {
        *field = "phone";
        return zb_fail(err, "联系电话格式不正确：%s（手机 11 位，"
                       "座机如 0731-88886666）", r->phone);
    }
    if (r->start_date[0] && !rules_date_valid(r->start_date)) {
        *field = "start_date";
        return zb_fail(err, "任职日期无效：%s（应为 YYYY-MM-DD）",
                       r->start_date);
    }
    if (r->end_date[0] && !rules_date_valid(r->end_date)) {
        *field = "end_date";
        return zb_fail(err, "离任日期无效：%s（应为 YYYY-MM-DD）",
                       r->end_date);
    }
    if (r->start_date[0] && r->end_date[0] &&
        strcmp(r->end_date, r->start_date) < 0) {
        *field = "end_date";
        return zb_fail(err, "离任日期 %s 早于任职日期 %s", r->end_date,
                       r->start_date);
    }
    if (text_chars(r->notes) > 200) {
        *field = "notes";
        return zb_fail(err, "备注不能超过 200 个字");
    }

    sqlite3_stmt *st = db_stmt(d, node_sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, r->grid_id);
    int rc = sqlite3_step(st);
    int level = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) {
        *field = "grid";
        return zb_fail(err, "网格节点不存在（可能已被他人删除）");
    }
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "读取网格节点");
    int want = grid_role_level(r->role);
    if (want != level) {
        *field = "role";
        return zb_fail(err, "%s应设在%s上，此节点是%s",
                       grid_role_label[r->role], grid_level_label[want],
                       level > 0 && level < GRID_LEVEL_N
                           ? grid_level_label[level] : "未知层级");
    }
    if (r->member_id) {
        if (!(st = db_stmt(d, member_sql, err)))
            return -1;
        sqlite3_bind_int64(st, 1, r->member_id);
        rc = sqlite3_step(st);
        bool exists = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
        sqlite3_reset(st);
        if (rc != SQLITE_ROW)
            return db_fail(d, err, "读取党员");
        if (!exists) {
            *field = "name";
            return zb_fail(err, "所选党员不存在（可能已被删除）");
        }
    }
    bool overlap;
    char msg[300];
    if (find_overlap(d, r, &overlap, msg, sizeof msg, err))
        return -1;
    if (overlap) {
        *field = "start_date";
        return zb_fail(err, "%s", msg);
    }
    return 0;
}

/* A member picked for the role: the name as on the register, and the
 * member's phone unless one was given. */
static int copy_member(db *d, struct grid_role *r, zb_err *err)
{
    static const char sql[] = "SELECT name, phone FROM member WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, r->member_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        db_text(st, 0, r->name, sizeof r->name);
        if (blank(r->phone))
            db_text(st, 1, r->phone, sizeof r->phone);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
        ? 0 : db_fail(d, err, "读取党员");
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

int grid_role_save(db *d, struct grid_role *r, zb_err *err)
{
    static const char insert_sql[] =
        "INSERT INTO grid_role (grid_id, role, member_id, name, phone,"
        " start_date, end_date, notes, updated_at, updated_by)"
        " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    static const char update_sql[] =
        "UPDATE grid_role SET grid_id = ?2, role = ?3, member_id = ?4,"
        " name = ?5, phone = ?6, start_date = ?7, end_date = ?8,"
        " notes = ?9, updated_at = ?10, updated_by = ?11 WHERE id = ?1";
    struct grid_role w = *r;    /* r changes only once saved */
    if (db_begin(d, err))
        return -1;
    if (w.member_id && copy_member(d, &w, err))
        goto fail;
    if (blank(w.phone))
        w.phone[0] = '\0';
    char day[11];
    if (w.start_date[0] && rules_date_normalize(w.start_date, day))
        memcpy(w.start_date, day, sizeof day);
    if (w.end_date[0] && rules_date_normalize(w.end_date, day))
        memcpy(w.end_date, day, sizeof day);
    if (grid_role_validate(d, &w, NULL, err))
        goto fail;
    char now[20];
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, w.id ? update_sql : insert_sql, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, w.id);
    sqlite3_bind_int64(st, 2, w.grid_id);
    sqlite3_bind_int(st, 3, w.role);
    if (w.member_id)
        sqlite3_bind_int64(st, 4, w.member_id);
    else
        sqlite3_bind_null(st, 4);
    bind_text(st, 5, w.name);
    bind_text(st, 6, w.phone);
    bind_text(st, 7, w.start_date);
    bind_text(st, 8, w.end_date);
    bind_text(st, 9, w.notes);
    bind_text(st, 10, now);
    bind_text(st, 11, db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "保存任职记录");
        goto fail;
    }
    if (!w.id)
        w.id = sqlite3_last_insert_rowid(db_handle(d));
    else if (sqlite3_changes(db_handle(d)) == 0) {
        zb_fail(err, "找不到该任职记录（可能已被他人删除）");
        goto fail;
    }
    if (db_commit(d, err))
        goto fail;
    *r = w;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int grid_role_delete(db *d, int64_t id, zb_err *err)
{
    static const char sql[] = "DELETE FROM grid_role WHERE id = ?1";
    return db_run_id(d, sql, id, "删除任职记录",
                     "找不到该任职记录（可能已被他人删除）", err);
}
