/* Editing the organisation tree: validation, save, move, delete. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/org.h"
#include "pinyin.h"
#include "rules.h"
#include "rules_org.h"
#include "text.h"

/* One integer from a query with one bound id. */
static int count_of(db *d, const char *sql, int64_t id, long *n,
                    const char *what, zb_err *err)
{
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    *n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, what);
}

static int kind_of(db *d, int64_t id, char *kind, size_t ksz, bool *found,
                   zb_err *err)
{
    static const char sql[] = "SELECT kind FROM org WHERE id = ?1";
    kind[0] = '\0';
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW)
        db_text(st, 0, kind, ksz);
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
        ? 0 : db_fail(d, err, "读取党组织");
}

/* True if a is b or one of b's ancestors (walks b's parents; a cycle in
 * stored data ends the walk after 256 steps). */
static int is_ancestor(db *d, int64_t a, int64_t b, bool *yes, zb_err *err)
{
    static const char sql[] =
        "SELECT coalesce(parent_id, 0) FROM org WHERE id = ?1";
    *yes = false;
    for (int i = 0; b && i < 256; i++) {
        if (b == a) {
            *yes = true;
            return 0;
        }
        sqlite3_stmt *st = db_stmt(d, sql, err);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, b);
        int rc = sqlite3_step(st);
        int64_t p = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return db_fail(d, err, "读取党组织");
        b = p;
    }
    return 0;
}

/* The parent rule for kind under parent_id (0 = root): -1 with the
 * message when refused. */
static int check_parent(db *d, int64_t id, const char *kind,
                        int64_t parent_id, const char **field, zb_err *err)
{
    char pkind[32] = "", msg[160];
    *field = NULL;
    if (parent_id) {
        bool found, cyc = false;
        if (kind_of(d, parent_id, pkind, sizeof pkind, &found, err))
            return -1;
        *field = "parent";
        if (!found)
            return zb_fail(err, "上级组织不存在（可能已被他人删除）");
        if (id && is_ancestor(d, id, parent_id, &cyc, err)) {
            *field = NULL;
            return -1;
        }
        if (cyc)
            return zb_fail(err, "不能把组织移到它自己的下级组织之下");
    }
    *field = "kind";
    const char *m = rules_org_parent_ok(kind, pkind, msg, sizeof msg);
    return m ? zb_fail(err, "%s", m) : 0;
}

/* An existing organisation's children and members must still fit when
 * its kind changes. */
static int check_kind_change(db *d, const struct org *o, zb_err *err)
{
    static const char kids[] = "SELECT kind, count(*) FROM org"
                               " WHERE parent_id = ?1 GROUP BY kind";
    static const char placed[] = "SELECT count(*) FROM member"
                                 " WHERE org_id = ?1 AND left_kind = 0";
    sqlite3_stmt *st = db_stmt(d, kids, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, o->id);
    int rc;
    char ck[32], msg[160];
    const char *bad = NULL;
    while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_text(st, 0, ck, sizeof ck);
        bad = rules_org_parent_ok(ck, o->kind, msg, sizeof msg);
    }
    sqlite3_reset(st);
    if (bad)
        return zb_fail(err, "下级组织中有%s，%s", ck, bad);
    if (!domain_org_holds_members(o->kind)) {
        long n;
        if (count_of(d, placed, o->id, &n, "统计党员", err))
            return -1;
        if (n > 0)
            return zb_fail(err, "该组织直接编有 %ld 名党员，%s不直接管理党员",
                           n, o->kind);
    }
    return 0;
}

static bool kind_known(const char *kind)
{
    for (size_t i = 0; i < domain_org_kind_n; i++)
        if (strcmp(kind, domain_org_kind[i]) == 0)
            return true;
    return false;
}

int org_validate(db *d, const struct org *o, const char **field,
                 zb_err *err)
{
    static const char grid_sql[] = "SELECT count(*) FROM grid WHERE id = ?1";
    const char *f = NULL;
    int rc = 0;
    char today[11];
    rules_today(today);
    if (!o->name[0]) {
        f = "name";
        rc = zb_fail(err, "请填写组织名称");
    } else if (text_chars(o->name) > ORG_NAME_CHARS) {
        f = "name";
        rc = zb_fail(err, "组织名称不能超过 %d 个字", ORG_NAME_CHARS);
    } else if (!o->kind[0]) {
        f = "kind";
        rc = zb_fail(err, "请选择组织类型");
    } else if (!kind_known(o->kind)) {
        f = "kind";
        rc = zb_fail(err, "组织类型「%s」无效", o->kind);
    } else if (o->founded[0] && !rules_date_valid(o->founded)) {
        f = "founded";
        rc = zb_fail(err, "成立日期格式应为 YYYY-MM-DD，如 2021-07-01");
    } else if (o->founded[0] && strcmp(o->founded, today) > 0) {
        f = "founded";
        rc = zb_fail(err, "成立日期不能晚于今天");
    } else if (text_chars(o->notes) > ORG_NOTES_CHARS) {
        f = "notes";
        rc = zb_fail(err, "备注不能超过 %d 个字", ORG_NOTES_CHARS);
    } else if (o->parent_id && o->parent_id == o->id) {
        f = "parent";
        rc = zb_fail(err, "不能把组织移到它自己的下级组织之下");
    } else if (check_parent(d, o->id, o->kind, o->parent_id, &f, err)) {
        rc = -1;
    } else if (o->id && check_kind_change(d, o, err)) {
        f = "kind";
        rc = -1;
    } else if (o->grid_id) {
        long n;
        if (count_of(d, grid_sql, o->grid_id, &n, "读取网格", err))
            rc = -1;
        else if (n == 0) {
            f = "grid";
            rc = zb_fail(err, "所建网格不存在（可能已被删除）");
        }
    }
    if (field)
        *field = rc ? f : NULL;
    return rc;
}

static void bind_opt_id(sqlite3_stmt *st, int i, int64_t id)
{
    if (id > 0)
        sqlite3_bind_int64(st, i, id);
    else
        sqlite3_bind_null(st, i);
}

int org_save(db *d, struct org *o, zb_err *err)
{
    static const char ins[] =
        "INSERT INTO org (parent_id, name, kind, grid_id, founded, active,"
        " notes, sort, sort_py, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT coalesce(max(sort), 0)"
        "  + 1 FROM org WHERE parent_id IS ?1), ?8, ?9, ?10)";
    static const char upd[] =
        "UPDATE org SET parent_id = ?1, name = ?2, kind = ?3, grid_id = ?4,"
        " founded = ?5, active = ?6, notes = ?7, sort_py = ?8,"
        " updated_at = ?9, updated_by = ?10 WHERE id = ?11";
    if (db_begin(d, err))
        return -1;
    if (org_validate(d, o, NULL, err))
        goto fail;
    char py[512], now[20];
    pinyin_sort_key(o->name, py, sizeof py);
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, o->id ? upd : ins, err);
    if (!st)
        goto fail;
    bind_opt_id(st, 1, o->parent_id);
    sqlite3_bind_text(st, 2, o->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o->kind, -1, SQLITE_STATIC);
    bind_opt_id(st, 4, o->grid_id);
    sqlite3_bind_text(st, 5, o->founded, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 6, o->active ? 1 : 0);
    sqlite3_bind_text(st, 7, o->notes, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, py, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, db_user(d), -1, SQLITE_STATIC);
    if (o->id)
        sqlite3_bind_int64(st, 11, o->id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "保存党组织");
        goto fail;
    }
    if (o->id && sqlite3_changes(db_handle(d)) == 0) {
        zb_fail(err, "党组织不存在（可能已被他人删除）");
        goto fail;
    }
    int64_t id = o->id ? o->id : sqlite3_last_insert_rowid(db_handle(d));
    if (db_commit(d, err))
        goto fail;
    o->id = id;
    snprintf(o->updated_at, sizeof o->updated_at, "%s", now);
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int org_move(db *d, int64_t id, int64_t new_parent, zb_err *err)
{
    static const char sql[] =
        "UPDATE org SET parent_id = ?1, sort = (SELECT coalesce(max(sort), 0)"
        " + 1 FROM org WHERE parent_id IS ?1), updated_at = ?2,"
        " updated_by = ?3 WHERE id = ?4";
    char kind[32], now[20];
    bool found;
    if (db_begin(d, err))
        return -1;
    if (kind_of(d, id, kind, sizeof kind, &found, err))
        goto fail;
    if (!found) {
        zb_fail(err, "党组织不存在（可能已被他人删除）");
        goto fail;
    }
    if (new_parent == id) {
        zb_fail(err, "不能把组织移到它自己的下级组织之下");
        goto fail;
    }
    const char *field;
    if (check_parent(d, id, kind, new_parent, &field, err))
        goto fail;
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        goto fail;
    bind_opt_id(st, 1, new_parent);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, db_user(d), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "移动党组织");
        goto fail;
    }
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

/* Reasons why id cannot be deleted into why ("" if it can). */
static int blockers(db *d, int64_t id, const char *name, char *why,
                    size_t whysz, zb_err *err)
{
    static const struct {
        const char *sql, *fmt;
    } refs[] = {
        {"SELECT count(*) FROM org WHERE parent_id = ?1",
         "还有 %ld 个下级组织"},
        {"SELECT count(*) FROM member WHERE org_id = ?1",
         "还有 %ld 名党员（含已离开的）"},
        {"SELECT count(*) FROM meeting WHERE org_id = ?1",
         "已有 %ld 次会议记录"},
        /* rolls keep each member's organisation of the day */
        {"SELECT count(*) FROM attendance WHERE org_id = ?1",
         "%ld 条考勤记录记载为该组织的党员"},
    };
    char list[400] = "";
    size_t k = 0;
    why[0] = '\0';
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        long n;
        if (count_of(d, refs[i].sql, id, &n, "检查党组织", err))
            return -1;
        if (n == 0 || k >= sizeof list)
            continue;
        if (k)
            k += (size_t)snprintf(list + k, sizeof list - k, "；");
        if (k < sizeof list)
            k += (size_t)snprintf(list + k, sizeof list - k, refs[i].fmt, n);
    }
    if (list[0] && name)
        snprintf(why, whysz, "不能删除「%s」：%s", name, list);
    else
        snprintf(why, whysz, "%s", list);
    return 0;
}

int org_delete_check(db *d, int64_t id, char *why, size_t whysz,
                     zb_err *err)
{
    struct org o;
    if (org_get(d, id, &o, err))
        return -1;
    return blockers(d, id, NULL, why, whysz, err);
}

int org_delete(db *d, int64_t id, zb_err *err)
{
    static const char del_posts[] = "DELETE FROM org_post WHERE org_id = ?1";
    static const char del_org[] = "DELETE FROM org WHERE id = ?1";
    struct org o;
    char why[sizeof err->msg];
    if (db_begin(d, err))
        return -1;
    if (org_get(d, id, &o, err) ||
        blockers(d, id, o.name, why, sizeof why, err))
        goto fail;
    if (why[0]) {
        zb_fail(err, "%s", why);
        goto fail;
    }
    const char *steps[] = {del_posts, del_org};
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *st = db_stmt(d, steps[i], err);
        if (!st)
            goto fail;
        sqlite3_bind_int64(st, 1, id);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            db_fail(d, err, "删除党组织");
            goto fail;
        }
    }
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}
