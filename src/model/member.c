/* Party members: the records (get, save, delete, mark as left).
 * The derived keys, the search index and its tally are in
 * member_keys.c, bulk loading in member_bulk.c and the list queries in
 * member_search.c. */
#include "model/member_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "rules.h"

/* ---- records ---- */

void member_init(member *m)
{
    memset(m, 0, sizeof *m);
    m->category = CATEGORY_FULL;
    m->party_status = PARTY_STATUS_NORMAL;
    m->kind = KIND_COMMUNITY;
}

#define MEMBER_COLS \
    "id, member_no, name, gender, id_number, ethnic, birth_date," \
    " education, category, coalesce(org_id, 0), join_date, full_date," \
    " job, phone, address, party_status, lost, lost_date, mobile," \
    " mobile_dest, kind, employer, notes, left_kind, left_date," \
    " updated_at, updated_by, coalesce(residence_id, 0)"

static void read_member(sqlite3_stmt *st, member *m)
{
    member_init(m);
    m->id = sqlite3_column_int64(st, 0);
    db_text(st, 1, m->member_no, sizeof m->member_no);
    db_text(st, 2, m->name, sizeof m->name);
    m->gender = sqlite3_column_int(st, 3);
    db_text(st, 4, m->id_number, sizeof m->id_number);
    db_text(st, 5, m->ethnic, sizeof m->ethnic);
    db_text(st, 6, m->birth_date, sizeof m->birth_date);
    db_text(st, 7, m->education, sizeof m->education);
    m->category = sqlite3_column_int(st, 8);
    m->org_id = sqlite3_column_int64(st, 9);
    db_text(st, 10, m->join_date, sizeof m->join_date);
    db_text(st, 11, m->full_date, sizeof m->full_date);
    db_text(st, 12, m->job, sizeof m->job);
    db_text(st, 13, m->phone, sizeof m->phone);
    db_text(st, 14, m->address, sizeof m->address);
    m->party_status = sqlite3_column_int(st, 15);
    m->lost = sqlite3_column_int(st, 16) != 0;
    db_text(st, 17, m->lost_date, sizeof m->lost_date);
    m->mobile = sqlite3_column_int(st, 18) != 0;
    db_text(st, 19, m->mobile_dest, sizeof m->mobile_dest);
    m->kind = sqlite3_column_int(st, 20);
    db_text(st, 21, m->employer, sizeof m->employer);
    db_text(st, 22, m->notes, sizeof m->notes);
    m->left_kind = sqlite3_column_int(st, 23);
    db_text(st, 24, m->left_date, sizeof m->left_date);
    db_text(st, 25, m->updated_at, sizeof m->updated_at);
    db_text(st, 26, m->updated_by, sizeof m->updated_by);
    m->residence_id = sqlite3_column_int64(st, 27);
}

int member_each(db *d, int (*fn)(void *ctx, const member *m), void *ctx,
                zb_err *err)
{
    static const char sql[] = "SELECT " MEMBER_COLS
                              " FROM member ORDER BY id";
    member *m = malloc(sizeof *m);
    if (!m)
        return zb_fail(err, "内存不足");
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st) {
        free(m);
        return -1;
    }
    int rc = SQLITE_DONE, r = 0;
    while (r == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        read_member(st, m);
        r = fn(ctx, m);
    }
    sqlite3_reset(st);
    free(m);
    if (r)
        return r;
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "读取党员");
}

int member_get(db *d, int64_t id, member *out, zb_err *err)
{
    static const char sql[] = "SELECT " MEMBER_COLS
                              " FROM member WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_member(st, out);
    return db_row_done(d, st, rc, "找不到该党员的记录", "读取党员", err);
}

/* The member (other than exclude_id) holding id_number. */
static int idnum_holder(db *d, const char *id_number, int64_t exclude_id,
                        int64_t *found, char *name, size_t name_sz,
                        char *no, size_t no_sz, zb_err *err)
{
    static const char sql[] =
        "SELECT id, name, member_no FROM member"
        " WHERE id_number = ?1 AND id_number <> '' AND id <> ?2 LIMIT 1";
    char idn[sizeof ((member *)0)->id_number];
    snprintf(idn, sizeof idn, "%s", id_number);
    size_t n = strlen(idn);
    if (n && idn[n - 1] == 'x')
        idn[n - 1] = 'X';
    *found = 0;
    if (name_sz)
        name[0] = '\0';
    if (no_sz)
        no[0] = '\0';
    if (!*idn)
        return 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, idn, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, exclude_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *found = sqlite3_column_int64(st, 0);
        db_text(st, 1, name, name_sz);
        db_text(st, 2, no, no_sz);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(d, err, "查找公民身份号码");
    return 0;
}

int member_find_idnum(db *d, const char *id_number, int64_t exclude_id,
                      int64_t *found_id, char *name_out, size_t name_sz,
                      zb_err *err)
{
    char no[16];
    return idnum_holder(d, id_number, exclude_id, found_id, name_out,
                        name_sz, no, sizeof no, err);
}

/* Current search text and left_kind of a stored member. */
/* Current keys and left_kind of a stored member (what its index
 * entries were made from). */
static int load_keys(db *d, int64_t id, char *no, char *search,
                     char *sort_py, int *left_kind, zb_err *err)
{
    static const char sql[] =
        "SELECT member_no, search, left_kind, sort_py FROM member"
        " WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        db_text(st, 0, no, 16);
        db_text(st, 1, search, MEMBER_SEARCH_MAX);
        *left_kind = sqlite3_column_int(st, 2);
        db_text(st, 3, sort_py, MEMBER_SORTKEY_MAX);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return zb_fail(err, "找不到该党员的记录");
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "读取党员");
    return 0;
}

int member_next_id(db *d, int64_t *id, zb_err *err)
{
    /* AUTOINCREMENT's counter too: numbers of erased members are never
     * handed out again. */
    static const char sql[] =
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence"
        "                     WHERE name = 'member'), 0),"
        "           coalesce((SELECT max(id) FROM member), 0)) + 1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "分配党员编号");
}

static const char insert_sql[] = "INSERT INTO member" MEMBER_INSERT_VALUES;
static const char update_sql[] =
    "UPDATE member SET left_kind = ?3, org_id = ?4, name = ?5,"
    " sort_py = ?6, sort_strokes = ?7, search = ?8, gender = ?9,"
    " birth_date = ?10, category = ?11, kind = ?12, party_status = ?13,"
    " phone = ?14, id_number = ?15, join_date = ?16, full_date = ?17,"
    " ethnic = ?18, education = ?19, job = ?20, lost = ?21,"
    " lost_date = ?22, mobile = ?23, mobile_dest = ?24, employer = ?25,"
    " address = ?26, left_date = ?27, updated_at = ?29,"
    " updated_by = ?30, notes = ?31, residence_id = ?32 WHERE id = ?1";

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

void member_bind(sqlite3_stmt *st, const member *m, int64_t id,
                 const char *search, const char *py, const char *strokes,
                 const char *now, const char *user)
{
    sqlite3_bind_int64(st, 1, id);
    bind_text(st, 2, m->member_no);
    sqlite3_bind_int(st, 3, m->left_kind);
    if (m->org_id > 0)
        sqlite3_bind_int64(st, 4, m->org_id);
    else
        sqlite3_bind_null(st, 4);
    bind_text(st, 5, m->name);
    bind_text(st, 6, py);
    bind_text(st, 7, strokes);
    bind_text(st, 8, search);
    sqlite3_bind_int(st, 9, m->gender);
    bind_text(st, 10, m->birth_date);
    sqlite3_bind_int(st, 11, m->category);
    sqlite3_bind_int(st, 12, m->kind);
    sqlite3_bind_int(st, 13, m->party_status);
    bind_text(st, 14, m->phone);
    bind_text(st, 15, m->id_number);
    bind_text(st, 16, m->join_date);
    bind_text(st, 17, m->full_date);
    bind_text(st, 18, m->ethnic);
    bind_text(st, 19, m->education);
    bind_text(st, 20, m->job);
    sqlite3_bind_int(st, 21, m->lost);
    bind_text(st, 22, m->lost ? m->lost_date : "");
    sqlite3_bind_int(st, 23, m->mobile);
    bind_text(st, 24, m->mobile ? m->mobile_dest : "");
    bind_text(st, 25, m->employer);
    bind_text(st, 26, m->address);
    bind_text(st, 27, m->left_kind ? m->left_date : "");
    bind_text(st, 28, now);
    bind_text(st, 29, now);
    bind_text(st, 30, user);
    bind_text(st, 31, m->notes);
    if (m->residence_id > 0)
        sqlite3_bind_int64(st, 32, m->residence_id);
    else
        sqlite3_bind_null(st, 32);
}

static int save_fail(db *d, zb_err *err, const char *what)
{
    int ext = sqlite3_extended_errcode(db_handle(d));
    if (ext == SQLITE_CONSTRAINT_CHECK)
        return zb_fail(err, "保存失败：数据不符合要求（日期应为"
                       " YYYY-MM-DD，性别等代码应有效）");
    if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
        return zb_fail(err, "保存失败：所在党组织不存在"
                       "（或居住的网格节点已被删除）");
    if (ext == SQLITE_CONSTRAINT_UNIQUE)
        return zb_fail(err, "保存失败：公民身份号码或党员编号已被使用");
    return db_fail(d, err, what);
}

int member_save(db *d, member *m, zb_err *err)
{
    /* Upper-case X, as stored and as the unique index compares. */
    size_t idlen = strlen(m->id_number);
    if (idlen && m->id_number[idlen - 1] == 'x')
        m->id_number[idlen - 1] = 'X';
    if (!m->name[0])
        return zb_fail(err, "姓名不能为空");
    if (db_begin(d, err))
        return -1;

    int64_t holder, id = m->id;
    char hname[sizeof m->name], hno[16];
    if (idnum_holder(d, m->id_number, m->id, &holder, hname, sizeof hname,
                     hno, sizeof hno, err))
        goto fail;
    if (holder) {
        zb_fail(err, "公民身份号码已由党员 %s（编号 %s）使用", hname, hno);
        goto fail;
    }

    char old_search[MEMBER_SEARCH_MAX] = "", old_py[MEMBER_SORTKEY_MAX];
    char no[16];
    int old_left = -1;
    if (id == 0) {
        if (member_next_id(d, &id, err))
            goto fail;
        member_number(id, no, sizeof no);
    } else if (load_keys(d, id, no, old_search, old_py, &old_left, err)) {
        goto fail;
    }
    member saved = *m;    /* keys are computed from the final record */
    snprintf(saved.member_no, sizeof saved.member_no, "%s", no);

    char search[MEMBER_SEARCH_MAX], py[MEMBER_SORTKEY_MAX];
    char strokes[MEMBER_SORTKEY_MAX], now[20];
    member_keys(&saved, search, py, strokes);
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, m->id ? update_sql : insert_sql, err);
    if (!st)
        goto fail;
    member_bind(st, &saved, id, search, py, strokes, now, db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        save_fail(d, err, "保存党员");
        goto fail;
    }
    if (old_left != saved.left_kind || strcmp(old_search, search) != 0 ||
        strcmp(old_py, py) != 0) {
        struct index_doc was = {old_search, old_py, old_left};
        struct index_doc now = {search, py, saved.left_kind};
        if (member_index_update(d, id, old_left >= 0 ? &was : NULL, &now,
                                err))
            goto fail;
    }
    if (db_commit(d, err))
        goto fail;
    m->id = id;
    memcpy(m->member_no, saved.member_no, sizeof m->member_no);
    memcpy(m->updated_at, now, sizeof m->updated_at);
    snprintf(m->updated_by, sizeof m->updated_by, "%s", db_user(d));
    return 0;
fail:
    db_rollback(d);
    return -1;
}



/* Tables whose rows refer to a member: (table, column). Later schema
 * versions add theirs here (attendance, pairs, visits, ...). */
static const struct { const char *table, *column; } history_refs[] = {
    {"attendance", "member_id"},
    {NULL, NULL}
};

int member_has_history(db *d, int64_t id, bool *has, zb_err *err)
{
    static const char age_sql[] =
        "SELECT created_at < datetime('now', '-1 day')"
        " FROM member WHERE id = ?1";
    *has = false;
    for (int i = 0; history_refs[i].table && !*has; i++) {
        char sql[256];
        snprintf(sql, sizeof sql,
                 "SELECT EXISTS (SELECT 1 FROM %s WHERE %s = ?1)",
                 history_refs[i].table, history_refs[i].column);
        sqlite3_stmt *st = db_stmt(d, sql, err);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, id);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            *has = sqlite3_column_int(st, 0) != 0;
        sqlite3_reset(st);
        if (rc != SQLITE_ROW)
            return db_fail(d, err, "检查党员的历史记录");
    }
    if (*has)
        return 0;
    sqlite3_stmt *st = db_stmt(d, age_sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *has = sqlite3_column_int(st, 0) != 0;
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return zb_fail(err, "找不到该党员的记录");
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "检查党员的历史记录");
}

int member_delete(db *d, int64_t id, zb_err *err)
{
    static const char sql[] = "DELETE FROM member WHERE id = ?1";
    bool has;
    char no[16], search[MEMBER_SEARCH_MAX], py[MEMBER_SORTKEY_MAX];
    int left;
    if (db_begin(d, err))
        return -1;
    if (member_has_history(d, id, &has, err))
        goto fail;
    if (has) {
        zb_fail(err, "该党员的记录已保存超过 24 小时或已被其他记录引用，"
                "不能删除；如已离开，请标记为出党、转出或去世");
        goto fail;
    }
    if (load_keys(d, id, no, search, py, &left, err))
        goto fail;
    struct index_doc was = {search, py, left};
    if (member_index_update(d, id, &was, NULL, err))
        goto fail;
    if (db_run_id(d, sql, id, "删除党员", NULL, err))
        goto fail;
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int member_mark_left(db *d, int64_t id, int left_kind, const char *date,
                     zb_err *err)
{
    static const char sql[] =
        "UPDATE member SET left_kind = ?2, left_date = ?3,"
        " updated_at = ?4, updated_by = ?5 WHERE id = ?1";
    if (left_kind < 0 || left_kind >= DOMAIN_LEFT_N)
        return zb_fail(err, "无效的离开类型：%d", left_kind);
    if (left_kind == LEFT_NONE)
        date = "";
    else if (!date || !rules_date_valid(date))
        return zb_fail(err, "日期无效：%s（应为 YYYY-MM-DD）",
                       date ? date : "");
    char no[16], search[MEMBER_SEARCH_MAX], py[MEMBER_SORTKEY_MAX];
    char now[20];
    int old_left;
    if (db_begin(d, err))
        return -1;
    if (load_keys(d, id, no, search, py, &old_left, err))
        goto fail;
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, left_kind);
    bind_text(st, 3, date);
    bind_text(st, 4, now);
    bind_text(st, 5, db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "标记党员离开");
        goto fail;
    }
    struct index_doc was = {search, py, old_left};
    struct index_doc is = {search, py, left_kind};
    if (old_left != left_kind &&
        member_index_update(d, id, &was, &is, err))
        goto fail;
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

