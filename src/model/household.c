/* Households and persons in need: the record, validation, save, delete.
 * The list queries are in household_list.c. */
#include "model/household.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "model/household_int.h"
#include "pinyin.h"
#include "rules.h"
#include "text.h"

const char *const household_kind_label[HH_KIND_N] = {
    "低保户", "特困户", "困难党员", "孤老/空巢老人", "残疾人", "单亲家庭",
    "留守儿童", "下岗失业（4050）", "贫困户"
};
const char *const household_kind_short[HH_KIND_N] = {
    "低保", "特困", "党员", "孤老", "残疾", "单亲", "留守", "失业", "贫困"
};
const char *const household_level_label[HH_LEVEL_N] = {
    "", "一般困难", "较重困难", "特别困难"
};
const char *const household_status_label[HH_STATUS_N] = {
    "", "帮扶中", "已销号"
};
const char *const household_close_reasons[HH_CLOSE_REASONS_N] = {
    "已脱困", "迁出本社区", "去世", "其他"
};

void household_kinds_text(unsigned kinds, bool shortform, char *out,
                          size_t outsz)
{
    size_t n = 0;
    if (outsz)
        out[0] = '\0';
    for (int k = 0; k < HH_KIND_N; k++) {
        if (!(kinds & HH_KIND_BIT(k)))
            continue;
        const char *l = shortform ? household_kind_short[k]
                                  : household_kind_label[k];
        int w = snprintf(out + n, outsz - n, "%s%s", n ? "、" : "", l);
        if (w < 0 || (size_t)w >= outsz - n) {
            /* cut before the piece that does not fit */
            out[n] = '\0';
            return;
        }
        n += (size_t)w;
    }
}

void household_init(household *h)
{
    memset(h, 0, sizeof *h);
    h->level = 1;
    h->status = HH_OPEN;
    h->size = 1;
}

#define HH_COLS \
    "id, name, kinds, level, status, grid_id, member_id, size, phone," \
    " address, needs, plan, closed, close_reason, last_visit, created_at," \
    " updated_at, updated_by, registered"

int household_get(db *d, int64_t id, household *out, zb_err *err)
{
    static const char sql[] = "SELECT " HH_COLS " FROM household"
                              " WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        household_init(out);
        out->id = sqlite3_column_int64(st, 0);
        db_text(st, 1, out->name, sizeof out->name);
        out->kinds = (unsigned)sqlite3_column_int(st, 2);
        out->level = sqlite3_column_int(st, 3);
        out->status = sqlite3_column_int(st, 4);
        out->grid_id = sqlite3_column_int64(st, 5);
        out->member_id = sqlite3_column_int64(st, 6);
        out->size = sqlite3_column_int(st, 7);
        db_text(st, 8, out->phone, sizeof out->phone);
        db_text(st, 9, out->address, sizeof out->address);
        db_text(st, 10, out->needs, sizeof out->needs);
        db_text(st, 11, out->plan, sizeof out->plan);
        db_text(st, 12, out->closed, sizeof out->closed);
        db_text(st, 13, out->close_reason, sizeof out->close_reason);
        db_text(st, 14, out->last_visit, sizeof out->last_visit);
        db_text(st, 15, out->created_at, sizeof out->created_at);
        db_text(st, 16, out->updated_at, sizeof out->updated_at);
        db_text(st, 17, out->updated_by, sizeof out->updated_by);
        db_text(st, 18, out->registered, sizeof out->registered);
    }
    return db_row_done(d, st, rc, "找不到该帮扶对象的记录（可能已被他人删除）",
                       "读取帮扶对象", err);
}

bool hh_blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

int hh_bad(const char **field, const char *name, zb_err *err,
           const char *fmt, ...)
{
    if (field)
        *field = name;
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return -1;
}

int hh_member_info(db *d, int64_t id, struct hh_member *out, zb_err *err)
{
    static const char sql[] =
        "SELECT name, left_kind, lost, party_status, address"
        " FROM member WHERE id = ?1";
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->found = true;
        db_text(st, 0, out->name, sizeof out->name);
        out->left_kind = sqlite3_column_int(st, 1);
        out->lost = sqlite3_column_int(st, 2) != 0;
        out->suspended = sqlite3_column_int(st, 3) == 2;
        db_text(st, 4, out->address, sizeof out->address);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : db_fail(d, err, "读取党员");
}

/* Another open household linked to member_id: its name, or "". */
static int other_household(db *d, int64_t member_id, int64_t self,
                           char *name, size_t sz, zb_err *err)
{
    static const char sql[] =
        "SELECT name FROM household WHERE member_id = ?1 AND id <> ?2"
        " AND status = 1 LIMIT 1";
    name[0] = '\0';
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, member_id);
    sqlite3_bind_int64(st, 2, self);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        db_text(st, 0, name, sz);
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : db_fail(d, err, "读取帮扶对象");
}

static int grid_exists(db *d, int64_t id, bool *yes, zb_err *err)
{
    static const char sql[] = "SELECT 1 FROM grid WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    *yes = rc == SQLITE_ROW;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : db_fail(d, err, "读取网格");
}

/* The checks that need no other rows. */
static int check_fields(const household *h, const char *today,
                        const char **field, zb_err *err)
{
    if (hh_blank(h->name))
        return hh_bad(field, "name", err, "请填写姓名");
    if (text_chars(h->name) > HH_NAME_CHARS)
        return hh_bad(field, "name", err, "姓名不能超过 %d 个字",
                      HH_NAME_CHARS);
    if ((h->kinds & HH_KINDS_ALL) == 0 || (h->kinds & ~HH_KINDS_ALL))
        return hh_bad(field, "kinds", err, "请至少选择一种帮扶对象类别");
    if (h->level < 1 || h->level > 3)
        return hh_bad(field, "level", err, "困难程度无效");
    if (h->size < 1 || h->size > 99)
        return hh_bad(field, "size", err, "家庭人口应为 1–99");
    if (h->phone[0] && !rules_phone_valid(h->phone))
        return hh_bad(field, "phone", err, "电话号码格式不正确");
    if (text_chars(h->address) > HH_ADDRESS_CHARS)
        return hh_bad(field, "address", err, "住址不能超过 %d 个字",
                      HH_ADDRESS_CHARS);
    if (text_chars(h->needs) > HH_TEXT_CHARS)
        return hh_bad(field, "needs", err, "困难与需求不能超过 %d 个字",
                      HH_TEXT_CHARS);
    if (text_chars(h->plan) > HH_TEXT_CHARS)
        return hh_bad(field, "plan", err, "帮扶措施不能超过 %d 个字",
                      HH_TEXT_CHARS);
    bool party = (h->kinds & HH_KIND_BIT(HK_PARTY)) != 0;
    if (party && h->member_id <= 0)
        return hh_bad(field, "member_id", err, "困难党员须关联党员档案");
    if (!party && h->member_id > 0)
        return hh_bad(field, "member_id", err,
                      "关联了党员档案，请勾选「困难党员」类别");
    if (h->status != HH_OPEN && h->status != HH_CLOSED)
        return hh_bad(field, "status", err, "状态无效");
    if (h->registered[0] && !rules_date_valid(h->registered))
        return hh_bad(field, "registered", err,
                      "登记日期无效：%s（应为 YYYY-MM-DD）", h->registered);
    if (strcmp(h->registered, today) > 0)
        return hh_bad(field, "registered", err, "登记日期不能晚于今天");
    if (h->status != HH_CLOSED)
        return 0;
    const char *reg = h->registered[0] ? h->registered : today;
    if (!rules_date_valid(h->closed))
        return hh_bad(field, "closed", err,
                      "销号日期无效：%s（应为 YYYY-MM-DD）",
                      h->closed[0] ? h->closed : "未填写");
    if (strcmp(h->closed, today) > 0)
        return hh_bad(field, "closed", err, "销号日期不能晚于今天");
    if (strcmp(h->closed, reg) < 0)
        return hh_bad(field, "closed", err, "销号日期早于登记日期 %s", reg);
    if (hh_blank(h->close_reason))
        return hh_bad(field, "close_reason", err, "请填写销号原因");
    if (text_chars(h->close_reason) > HH_REASON_CHARS)
        return hh_bad(field, "close_reason", err,
                      "销号原因不能超过 %d 个字", HH_REASON_CHARS);
    return 0;
}

int household_validate(db *d, const household *h, const char **field,
                       zb_err *err)
{
    if (field)
        *field = NULL;
    char today[11];
    rules_today(today);
    if (check_fields(h, today, field, err))
        return -1;
    if (h->member_id > 0) {
        struct hh_member m;
        if (hh_member_info(d, h->member_id, &m, err))
            return -1;
        if (!m.found)
            return hh_bad(field, "member_id", err, "关联的党员不存在");
        if (m.left_kind)
            return hh_bad(field, "member_id", err, "%s 已不在党员名册中",
                          m.name);
        char other[HH_NAME_CHARS * 4 + 1] = "";
        if (h->status == HH_OPEN &&
            other_household(d, h->member_id, h->id, other, sizeof other, err))
            return -1;
        if (other[0])
            return hh_bad(field, "member_id", err,
                          "该党员已登记为帮扶对象：%s", other);
    }
    if (h->grid_id > 0) {
        bool yes;
        if (grid_exists(d, h->grid_id, &yes, err))
            return -1;
        if (!yes)
            return hh_bad(field, "grid_id", err,
                          "所选网格不存在（可能已被删除）");
    }
    return 0;
}

void hh_keys(const char *name, const char *phone, char *search,
             size_t search_sz, char *sort_py, size_t sort_sz)
{
    char lower[HH_NAME_CHARS * 4 + 1], ini[256], digits[32];
    snprintf(lower, sizeof lower, "%s", name);
    text_ascii_lower(lower);
    pinyin_initials(name, ini, sizeof ini);
    rules_digits(phone, digits, sizeof digits);
    snprintf(search, search_sz, "%s %s %s", lower, ini, digits);
    pinyin_sort_key(name, sort_py, sort_sz);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

static int stored_status(db *d, int64_t id, int *status, zb_err *err)
{
    static const char sql[] = "SELECT status FROM household WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *status = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return zb_fail(err, "找不到该帮扶对象的记录（可能已被他人删除）");
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "读取帮扶对象");
}

/* Ends the household's pairs still running on `date` (a pair that has
 * not started by then ends on its first day). */
static int end_pairs(db *d, int64_t id, const char *date, const char *now,
                     zb_err *err)
{
    static const char sql[] =
        "UPDATE pair SET end_date = max(start_date, ?2), updated_at = ?3,"
        " updated_by = ?4 WHERE household_id = ?1"
        " AND (end_date = '' OR end_date > ?2)";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    bind_text(st, 2, date);
    bind_text(st, 3, now);
    bind_text(st, 4, db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "结束结对");
}

static const char insert_sql[] =
    "INSERT INTO household (name, sort_py, search, kinds, level, status,"
    " grid_id, member_id, size, phone, address, needs, plan, closed,"
    " close_reason, created_at, updated_at, updated_by, registered)"
    " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
    " ?15, ?16, ?17, ?17, ?18, ?19)";
static const char update_sql[] =
    "UPDATE household SET name = ?2, sort_py = ?3, search = ?4,"
    " kinds = ?5, level = ?6, status = ?7, grid_id = ?8, member_id = ?9,"
    " size = ?10, phone = ?11, address = ?12, needs = ?13, plan = ?14,"
    " closed = ?15, close_reason = ?16, updated_at = ?17, updated_by = ?18,"
    " registered = ?19 WHERE id = ?1";

int household_save(db *d, household *h, const char **field, zb_err *err)
{
    if (field)
        *field = NULL;
    if (h->status == HH_OPEN) {
        h->closed[0] = '\0';
        h->close_reason[0] = '\0';
    }
    if (!h->registered[0])
        rules_today(h->registered);
    if (db_begin(d, err))
        return -1;
    int old_status = 0;
    if (h->id && stored_status(d, h->id, &old_status, err))
        goto fail;
    if (household_validate(d, h, field, err))
        goto fail;
    char search[1024], sort_py[512], now[20];
    hh_keys(h->name, h->phone, search, sizeof search, sort_py,
            sizeof sort_py);
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, h->id ? update_sql : insert_sql, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, h->id);
    bind_text(st, 2, h->name);
    bind_text(st, 3, sort_py);
    bind_text(st, 4, search);
    sqlite3_bind_int(st, 5, (int)h->kinds);
    sqlite3_bind_int(st, 6, h->level);
    sqlite3_bind_int(st, 7, h->status);
    if (h->grid_id > 0)
        sqlite3_bind_int64(st, 8, h->grid_id);
    if (h->member_id > 0)
        sqlite3_bind_int64(st, 9, h->member_id);
    sqlite3_bind_int(st, 10, h->size);
    bind_text(st, 11, h->phone);
    bind_text(st, 12, h->address);
    bind_text(st, 13, h->needs);
    bind_text(st, 14, h->plan);
    bind_text(st, 15, h->status == HH_CLOSED ? h->closed : "");
    bind_text(st, 16, h->status == HH_CLOSED ? h->close_reason : "");
    bind_text(st, 17, now);
    bind_text(st, 18, db_user(d));
    bind_text(st, 19, h->registered);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "保存帮扶对象");
        goto fail;
    }
    int64_t id = h->id ? h->id : sqlite3_last_insert_rowid(db_handle(d));
    if (h->status == HH_CLOSED && old_status != HH_CLOSED &&
        end_pairs(d, id, h->closed, now, err))
        goto fail;
    if (db_commit(d, err))
        goto fail;
    if (!h->id)
        memcpy(h->created_at, now, sizeof h->created_at);
    h->id = id;
    memcpy(h->updated_at, now, sizeof h->updated_at);
    snprintf(h->updated_by, sizeof h->updated_by, "%s", db_user(d));
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int household_has_history(db *d, int64_t id, bool *has, zb_err *err)
{
    static const char sql[] =
        "SELECT EXISTS (SELECT 1 FROM pair WHERE household_id = ?1)"
        " OR EXISTS (SELECT 1 FROM visit WHERE household_id = ?1)";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *has = sqlite3_column_int(st, 0) != 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "读取结对记录");
}

int household_delete(db *d, int64_t id, zb_err *err)
{
    static const char sql[] = "DELETE FROM household WHERE id = ?1";
    bool has = false;
    if (db_begin(d, err))
        return -1;
    if (household_has_history(d, id, &has, err))
        goto fail;
    if (has) {
        zb_fail(err, "已有结对或走访记录，不能删除；如已不需帮扶，请销号");
        goto fail;
    }
    if (db_run_id(d, sql, id, "删除帮扶对象",
                  "找不到该帮扶对象的记录（可能已被他人删除）", err))
        goto fail;
    return db_commit(d, err) ? (db_rollback(d), -1) : 0;
fail:
    db_rollback(d);
    return -1;
}

int household_of_member(db *d, int64_t member_id, int64_t *id, zb_err *err)
{
    static const char sql[] =
        "SELECT id FROM household WHERE member_id = ?1 AND status = 1"
        " ORDER BY id LIMIT 1";
    *id = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, member_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : db_fail(d, err, "读取帮扶对象");
}
