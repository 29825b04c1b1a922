/* Committee posts and group leaders of organisations, with their terms
 * (history is kept: a term ends, it is not overwritten). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/org.h"
#include "rules.h"
#include "text.h"

const char *const org_post_label[ORG_POST_N] = {
    "", "书记", "副书记", "组织委员", "宣传委员", "纪检委员", "委员", "组长",
    "副组长", "联系人"
};

bool org_post_single(int post)
{
    return post == POST_SECRETARY || post == POST_ORGANISING ||
           post == POST_PROPAGANDA || post == POST_DISCIPLINE ||
           post == POST_GROUP_LEADER || post == POST_CONTACT;
}

bool org_post_committee(int post)
{
    return post >= POST_SECRETARY && post <= POST_MEMBER;
}

bool org_post_fits(int post, const char *kind)
{
    if (strcmp(kind, "党小组") == 0)
        return post == POST_GROUP_LEADER || post == POST_GROUP_DEPUTY;
    if (strcmp(kind, "党员中心户") == 0)
        return post == POST_CONTACT;
    return org_post_committee(post);
}

#define POST_COLS \
    "id, org_id, post, coalesce(member_id, 0), name, phone, start_date," \
    " end_date"

static void read_post(sqlite3_stmt *st, struct org_post *p)
{
    memset(p, 0, sizeof *p);
    p->id = sqlite3_column_int64(st, 0);
    p->org_id = sqlite3_column_int64(st, 1);
    p->post = sqlite3_column_int(st, 2);
    p->member_id = sqlite3_column_int64(st, 3);
    db_text(st, 4, p->name, sizeof p->name);
    db_text(st, 5, p->phone, sizeof p->phone);
    db_text(st, 6, p->start_date, sizeof p->start_date);
    db_text(st, 7, p->end_date, sizeof p->end_date);
}

int org_post_list(db *d, int64_t org_id, bool include_past,
                  const char *today, struct org_post **posts, int *n,
                  zb_err *err)
{
    static const char sql[] =
        "SELECT " POST_COLS " FROM org_post WHERE org_id = ?1"
        " AND (?2 OR end_date = '' OR end_date >= ?3)"
        " ORDER BY end_date <> '' AND end_date < ?3,"
        " CASE WHEN end_date = '' OR end_date >= ?3 THEN post END,"
        " CASE WHEN end_date = '' OR end_date >= ?3 THEN start_date END,"
        " end_date DESC, start_date DESC, id";
    *posts = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, org_id);
    sqlite3_bind_int(st, 2, include_past ? 1 : 0);
    sqlite3_bind_text(st, 3, today, -1, SQLITE_STATIC);
    struct org_post *v = NULL;
    int k = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (k == cap) {
            cap = cap ? cap * 2 : 16;
            struct org_post *v2 = realloc(v, (size_t)cap * sizeof *v);
            if (!v2) {
                sqlite3_reset(st);
                free(v);
                return zb_fail(err, "内存不足");
            }
            v = v2;
        }
        read_post(st, &v[k++]);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(v);
        return db_fail(d, err, "读取组织任职");
    }
    *posts = v;
    *n = k;
    return 0;
}

int org_post_get(db *d, int64_t id, struct org_post *out, zb_err *err)
{
    static const char sql[] =
        "SELECT " POST_COLS " FROM org_post WHERE id = ?1";
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_post(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return zb_fail(err, "任职记录不存在（可能已被他人删除）");
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "读取任职记录");
}

/* Another term of the same single-holder post on the same organisation
 * whose dates meet p's ('' = open at that end; a term may begin on the
 * day the previous one ended). */
static int overlapping(db *d, const struct org_post *p, struct org_post *o,
                       bool *found, zb_err *err)
{
    static const char sql[] =
        "SELECT " POST_COLS " FROM org_post WHERE org_id = ?1 AND post = ?2"
        " AND id <> ?3 ORDER BY start_date, id";
    *found = false;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, p->org_id);
    sqlite3_bind_int(st, 2, p->post);
    sqlite3_bind_int64(st, 3, p->id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        read_post(st, o);
        if (rules_terms_overlap(p->start_date, p->end_date, o->start_date,
                                o->end_date, true)) {
            *found = true;
            break;
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
        ? 0 : db_fail(d, err, "检查任期");
}

static int exists(db *d, const char *sql, int64_t id, bool *yes,
                  char *text, size_t textsz, zb_err *err)
{
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    *yes = rc == SQLITE_ROW;
    if (*yes && text)
        db_text(st, 0, text, textsz);
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
        ? 0 : db_fail(d, err, "读取");
}

static int fail_at(const char **field, const char *f, zb_err *err,
                   const char *msg)
{
    if (field)
        *field = f;
    return zb_fail(err, "%s", msg);
}

int org_post_validate(db *d, const struct org_post *p, const char **field,
                      zb_err *err)
{
    static const char org_sql[] = "SELECT kind FROM org WHERE id = ?1";
    static const char mem_sql[] = "SELECT name FROM member WHERE id = ?1";
    char kind[32], buf[200];
    bool yes;
    if (field)
        *field = NULL;
    if (exists(d, org_sql, p->org_id, &yes, kind, sizeof kind, err))
        return -1;
    if (!yes)
        return fail_at(field, "post", err, "党组织不存在（可能已被他人删除）");
    if (p->post <= 0 || p->post >= ORG_POST_N)
        return fail_at(field, "post", err, "请选择职务");
    if (!org_post_fits(p->post, kind)) {
        snprintf(buf, sizeof buf, "%s不设%s",
                 *kind ? kind : "该组织", org_post_label[p->post]);
        return fail_at(field, "post", err, buf);
    }
    if (!p->name[0])
        return fail_at(field, "name", err, "请填写担任此职务的人员");
    if (text_chars(p->name) > ORG_POST_NAME_CHARS) {
        snprintf(buf, sizeof buf, "姓名不能超过 %d 个字",
                 ORG_POST_NAME_CHARS);
        return fail_at(field, "name", err, buf);
    }
    if (p->member_id) {
        if (exists(d, mem_sql, p->member_id, &yes, NULL, 0, err))
            return -1;
        if (!yes)
            return fail_at(field, "name", err, "所选党员不存在（可能已被删除）");
    }
    if (p->phone[0] && !rules_phone_valid(p->phone))
        return fail_at(field, "phone", err,
                       "电话号码格式不对：手机 11 位，座机如 010-12345678");
    if (p->start_date[0] && !rules_date_valid(p->start_date))
        return fail_at(field, "start_date", err,
                       "任职日期格式应为 YYYY-MM-DD，如 2021-07-01");
    if (p->end_date[0] && !rules_date_valid(p->end_date))
        return fail_at(field, "end_date", err,
                       "离任日期格式应为 YYYY-MM-DD，如 2021-07-01");
    if (p->start_date[0] && p->end_date[0] &&
        strcmp(p->end_date, p->start_date) < 0)
        return fail_at(field, "end_date", err, "离任日期不能早于任职日期");
    if (!org_post_single(p->post))
        return 0;
    struct org_post o;
    if (overlapping(d, p, &o, &yes, err))
        return -1;
    if (yes) {
        snprintf(buf, sizeof buf, "与 %s（%s 至 %s）的%s任期重叠", o.name,
                 o.start_date[0] ? o.start_date : "日期不详",
                 o.end_date[0] ? o.end_date : "今", org_post_label[o.post]);
        return fail_at(field, p->start_date[0] ? "start_date" : "end_date",
                       err, buf);
    }
    return 0;
}

int org_post_save(db *d, struct org_post *p, zb_err *err)
{
    static const char ins[] =
        "INSERT INTO org_post (org_id, post, member_id, name, phone,"
        " start_date, end_date, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    static const char upd[] =
        "UPDATE org_post SET org_id = ?1, post = ?2, member_id = ?3,"
        " name = ?4, phone = ?5, start_date = ?6, end_date = ?7,"
        " updated_at = ?8, updated_by = ?9 WHERE id = ?10";
    if (db_begin(d, err))
        return -1;
    if (org_post_validate(d, p, NULL, err))
        goto fail;
    char now[20];
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, p->id ? upd : ins, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, p->org_id);
    sqlite3_bind_int(st, 2, p->post);
    if (p->member_id)
        sqlite3_bind_int64(st, 3, p->member_id);
    else
        sqlite3_bind_null(st, 3);
    sqlite3_bind_text(st, 4, p->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, p->phone, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, p->start_date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, p->end_date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, db_user(d), -1, SQLITE_STATIC);
    if (p->id)
        sqlite3_bind_int64(st, 10, p->id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "保存任职记录");
        goto fail;
    }
    if (p->id && sqlite3_changes(db_handle(d)) == 0) {
        zb_fail(err, "任职记录不存在（可能已被他人删除）");
        goto fail;
    }
    int64_t id = p->id ? p->id : sqlite3_last_insert_rowid(db_handle(d));
    if (db_commit(d, err))
        goto fail;
    p->id = id;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int org_post_end(db *d, int64_t id, const char *date, const char **field,
                 zb_err *err)
{
    struct org_post p;
    if (org_post_get(d, id, &p, err))
        return -1;
    snprintf(p.end_date, sizeof p.end_date, "%s", date ? date : "");
    if (org_post_validate(d, &p, field, err))
        return -1;
    return org_post_save(d, &p, err);
}

int org_post_delete(db *d, int64_t id, zb_err *err)
{
    static const char sql[] = "DELETE FROM org_post WHERE id = ?1";
    return db_run_id(d, sql, id, "删除任职记录",
                     "任职记录不存在（可能已被他人删除）", err);
}
