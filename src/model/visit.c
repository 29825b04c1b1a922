/* Visits (走访记录): validation, save with household.last_visit kept in
 * the same transaction, delete, follow-up done, a household's list. */
#include "model/pair.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/household_int.h"
#include "rules.h"
#include "rules_money.h"
#include "text.h"

const char *const visit_kind_label[VISIT_KIND_N] = {
    "", "走访", "慰问", "帮办实事", "就业帮扶", "医疗救助", "助学", "其他"
};

void visit_init(visit *v)
{
    memset(v, 0, sizeof *v);
    rules_today(v->date);
    v->kind = VK_VISIT;
}

#define VISIT_COLS \
    "id, pair_id, household_id, date, kind, done, cash_fen, goods," \
    " goods_fen, jobs, followup, followup_due, followup_done, updated_at," \
    " updated_by"

int visit_get(db *d, int64_t id, visit *out, zb_err *err)
{
    static const char sql[] = "SELECT " VISIT_COLS " FROM visit"
                              " WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        memset(out, 0, sizeof *out);
        out->id = sqlite3_column_int64(st, 0);
        out->pair_id = sqlite3_column_int64(st, 1);
        out->household_id = sqlite3_column_int64(st, 2);
        db_text(st, 3, out->date, sizeof out->date);
        out->kind = sqlite3_column_int(st, 4);
        db_text(st, 5, out->done, sizeof out->done);
        out->cash_fen = sqlite3_column_int64(st, 6);
        db_text(st, 7, out->goods, sizeof out->goods);
        out->goods_fen = sqlite3_column_int64(st, 8);
        out->jobs = sqlite3_column_int(st, 9);
        db_text(st, 10, out->followup, sizeof out->followup);
        db_text(st, 11, out->followup_due, sizeof out->followup_due);
        db_text(st, 12, out->followup_done, sizeof out->followup_done);
        db_text(st, 13, out->updated_at, sizeof out->updated_at);
        db_text(st, 14, out->updated_by, sizeof out->updated_by);
    }
    return db_row_done(d, st, rc, "找不到该走访记录（可能已被他人删除）",
                       "读取走访记录", err);
}

struct pair_brief {
    bool found;
    int64_t household_id;
    char start[11], end[11];
};

static int pair_brief(db *d, int64_t id, struct pair_brief *b, zb_err *err)
{
    static const char sql[] =
        "SELECT household_id, start_date, end_date FROM pair WHERE id = ?1";
    memset(b, 0, sizeof *b);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        b->found = true;
        b->household_id = sqlite3_column_int64(st, 0);
        db_text(st, 1, b->start, sizeof b->start);
        db_text(st, 2, b->end, sizeof b->end);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : db_fail(d, err, "读取结对");
}

static int check_money(int64_t fen, const char *name, const char **field,
                       zb_err *err)
{
    if (fen < 0)
        return hh_bad(field, name, err, "%s",
                      rules_money_message(MONEY_NEGATIVE));
    if (fen > MONEY_MAX_FEN)
        return hh_bad(field, name, err, "%s",
                      rules_money_message(MONEY_OVERFLOW));
    return 0;
}

static int check_followup(const visit *v, const char *today,
                          const char **field, zb_err *err)
{
    bool text = !hh_blank(v->followup);
    if (text && !v->followup_due[0])
        return hh_bad(field, "followup_due", err, "请填写办理期限");
    if (!text && v->followup_due[0])
        return hh_bad(field, "followup", err, "请填写待办事项");
    if (text_chars(v->followup) > VISIT_SHORT_CHARS)
        return hh_bad(field, "followup", err, "待办事项不能超过 %d 个字",
                      VISIT_SHORT_CHARS);
    if (v->followup_due[0] && !rules_date_valid(v->followup_due))
        return hh_bad(field, "followup_due", err,
                      "办理期限无效：%s（应为 YYYY-MM-DD）", v->followup_due);
    if (v->followup_due[0] && strcmp(v->followup_due, v->date) < 0)
        return hh_bad(field, "followup_due", err, "办理期限早于走访日期 %s",
                      v->date);
    if (v->followup_done[0]) {
        if (!rules_date_valid(v->followup_done))
            return hh_bad(field, "followup_done", err,
                          "办结日期无效：%s（应为 YYYY-MM-DD）",
                          v->followup_done);
        if (strcmp(v->followup_done, v->date) < 0)
            return hh_bad(field, "followup_done", err,
                          "办结日期早于走访日期 %s", v->date);
        if (strcmp(v->followup_done, today) > 0)
            return hh_bad(field, "followup_done", err,
                          "办结日期不能晚于今天");
    }
    return 0;
}

int visit_validate(db *d, const visit *v, const char *today_in,
                   const char **field, zb_err *err)
{
    if (field)
        *field = NULL;
    char today[11];
    if (today_in && rules_date_valid(today_in))
        snprintf(today, sizeof today, "%s", today_in);
    else
        rules_today(today);
    if (v->pair_id <= 0)
        return hh_bad(field, "pair_id", err, "请选择走访人");
    struct pair_brief p;
    if (pair_brief(d, v->pair_id, &p, err))
        return -1;
    if (!p.found)
        return hh_bad(field, "pair_id", err, "所选结对不存在（可能已被删除）");
    if (v->household_id > 0 && v->household_id != p.household_id)
        return hh_bad(field, "pair_id", err, "所选走访人不是该户的结对人");
    if (!rules_date_valid(v->date))
        return hh_bad(field, "date", err, "走访日期无效：%s（应为 YYYY-MM-DD）",
                      v->date[0] ? v->date : "未填写");
    if (strcmp(v->date, today) > 0)
        return hh_bad(field, "date", err, "走访日期不能晚于今天");
    if (strcmp(v->date, p.start) < 0)
        return hh_bad(field, "date", err, "走访日期早于结对开始日期 %s",
                      p.start);
    if (p.end[0] && strcmp(v->date, p.end) > 0)
        return hh_bad(field, "date", err, "走访日期晚于结对结束日期 %s",
                      p.end);
    if (v->kind < 1 || v->kind >= VISIT_KIND_N)
        return hh_bad(field, "kind", err, "走访类型无效");
    if (text_chars(v->done) > VISIT_TEXT_CHARS)
        return hh_bad(field, "done", err, "帮扶内容不能超过 %d 个字",
                      VISIT_TEXT_CHARS);
    if (check_money(v->cash_fen, "cash", field, err) ||
        check_money(v->goods_fen, "goods_value", field, err))
        return -1;
    if (text_chars(v->goods) > VISIT_SHORT_CHARS)
        return hh_bad(field, "goods", err, "慰问品不能超过 %d 个字",
                      VISIT_SHORT_CHARS);
    if (v->goods_fen > 0 && hh_blank(v->goods))
        return hh_bad(field, "goods", err, "填写了物品价值，请写明慰问品");
    if (v->jobs < 0 || v->jobs > VISIT_JOBS_MAX)
        return hh_bad(field, "jobs", err, "帮助就业份数应为 0–%d",
                      VISIT_JOBS_MAX);
    return check_followup(v, today, field, err);
}

/* household.last_visit from its visits. */
static int refresh_last_visit(db *d, int64_t household_id, zb_err *err)
{
    static const char sql[] =
        "UPDATE household SET last_visit = coalesce((SELECT max(date)"
        "  FROM visit WHERE household_id = ?1), '') WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, household_id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "更新最近走访日期");
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

static const char insert_sql[] =
    "INSERT INTO visit (pair_id, household_id, date, kind, done, cash_fen,"
    " goods, goods_fen, jobs, followup, followup_due, followup_done,"
    " updated_at, updated_by)"
    " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
static const char update_sql[] =
    "UPDATE visit SET pair_id = ?2, household_id = ?3, date = ?4, kind = ?5,"
    " done = ?6, cash_fen = ?7, goods = ?8, goods_fen = ?9, jobs = ?10,"
    " followup = ?11, followup_due = ?12, followup_done = ?13,"
    " updated_at = ?14, updated_by = ?15 WHERE id = ?1";

int visit_save(db *d, visit *v, const char **field, zb_err *err)
{
    if (hh_blank(v->followup) && !v->followup_due[0])
        v->followup_done[0] = '\0';
    if (db_begin(d, err))
        return -1;
    int64_t old_household = 0;
    if (v->id) {
        visit old;
        if (visit_get(d, v->id, &old, err))
            goto fail;
        old_household = old.household_id;
    }
    if (visit_validate(d, v, NULL, field, err))
        goto fail;
    struct pair_brief p;
    if (pair_brief(d, v->pair_id, &p, err))
        goto fail;
    char now[20];
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, v->id ? update_sql : insert_sql, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, v->id);
    sqlite3_bind_int64(st, 2, v->pair_id);
    sqlite3_bind_int64(st, 3, p.household_id);
    bind_text(st, 4, v->date);
    sqlite3_bind_int(st, 5, v->kind);
    bind_text(st, 6, v->done);
    sqlite3_bind_int64(st, 7, v->cash_fen);
    bind_text(st, 8, v->goods);
    sqlite3_bind_int64(st, 9, v->goods_fen);
    sqlite3_bind_int(st, 10, v->jobs);
    bind_text(st, 11, v->followup);
    bind_text(st, 12, v->followup_due);
    bind_text(st, 13, v->followup_done);
    bind_text(st, 14, now);
    bind_text(st, 15, db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "保存走访记录");
        goto fail;
    }
    int64_t id = v->id ? v->id : sqlite3_last_insert_rowid(db_handle(d));
    if (refresh_last_visit(d, p.household_id, err) ||
        (old_household && old_household != p.household_id &&
         refresh_last_visit(d, old_household, err)))
        goto fail;
    if (db_commit(d, err))
        goto fail;
    v->id = id;
    v->household_id = p.household_id;
    memcpy(v->updated_at, now, sizeof v->updated_at);
    snprintf(v->updated_by, sizeof v->updated_by, "%s", db_user(d));
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int visit_delete(db *d, int64_t id, zb_err *err)
{
    static const char sql[] = "DELETE FROM visit WHERE id = ?1";
    visit old;
    if (db_begin(d, err))
        return -1;
    if (visit_get(d, id, &old, err))
        goto fail;
    if (db_run_id(d, sql, id, "删除走访记录", NULL, err))
        goto fail;
    if (refresh_last_visit(d, old.household_id, err) || db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int visit_followup_done(db *d, int64_t id, const char *date, zb_err *err)
{
    static const char sql[] =
        "UPDATE visit SET followup_done = ?2, updated_at = ?3,"
        " updated_by = ?4 WHERE id = ?1";
    char today[11], now[20];
    rules_today(today);
    if (!date)
        date = "";
    if (db_begin(d, err))
        return -1;
    visit v;
    if (visit_get(d, id, &v, err))
        goto fail;
    if (!v.followup_due[0]) {
        zb_fail(err, "该走访没有待办事项");
        goto fail;
    }
    if (date[0] && !rules_date_valid(date)) {
        zb_fail(err, "办结日期无效：%s（应为 YYYY-MM-DD）", date);
        goto fail;
    }
    if (date[0] && strcmp(date, v.date) < 0) {
        zb_fail(err, "办结日期早于走访日期 %s", v.date);
        goto fail;
    }
    if (date[0] && strcmp(date, today) > 0) {
        zb_fail(err, "办结日期不能晚于今天");
        goto fail;
    }
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, id);
    bind_text(st, 2, date);
    bind_text(st, 3, now);
    bind_text(st, 4, db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "保存办结日期");
        goto fail;
    }
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

/* ---- rows ---- */

void hh_visit_row(struct sqlite3_stmt *st, struct visit_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->pair_id = sqlite3_column_int64(st, 1);
    r->household_id = sqlite3_column_int64(st, 2);
    db_text(st, 3, r->household_name, sizeof r->household_name);
    db_text(st, 4, r->date, sizeof r->date);
    r->kind = sqlite3_column_int(st, 5);
    db_text(st, 6, r->helper_name, sizeof r->helper_name);
    db_text(st, 7, r->done, sizeof r->done);
    char *nl = strchr(r->done, '\n');
    if (nl)
        *nl = '\0';
    r->cash_fen = sqlite3_column_int64(st, 8);
    r->goods_fen = sqlite3_column_int64(st, 9);
    r->jobs = sqlite3_column_int(st, 10);
    db_text(st, 11, r->followup, sizeof r->followup);
    db_text(st, 12, r->followup_due, sizeof r->followup_due);
    db_text(st, 13, r->followup_done, sizeof r->followup_done);
}

int visit_list_household(db *d, int64_t household_id,
                         struct visit_row **rows, int *n, zb_err *err)
{
    static const char sql[] =
        "SELECT " HH_VISIT_ROW_COLS " WHERE v.household_id = ?1"
        " ORDER BY v.date DESC, v.id DESC";
    *rows = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, household_id);
    int rc, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            int nc = cap ? cap * 2 : 16;
            struct visit_row *r = realloc(*rows, (size_t)nc * sizeof *r);
            if (!r) {
                rc = SQLITE_NOMEM;
                break;
            }
            *rows = r;
            cap = nc;
        }
        hh_visit_row(st, &(*rows)[(*n)++]);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(*rows);
        *rows = NULL;
        *n = 0;
        return rc == SQLITE_NOMEM ? zb_fail(err, "内存不足")
                                  : db_fail(d, err, "读取走访记录");
    }
    return 0;
}
