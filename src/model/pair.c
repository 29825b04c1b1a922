/* Pairs (结对): validation with the load limit, save, end, delete, and
 * the lists of a household's helpers and of a member's households. */
#include "model/pair.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "model/household_int.h"
#include "rules.h"
#include "rules_pair.h"
#include "text.h"

void pair_config_default(struct pair_config *c)
{
    memset(c, 0, sizeof *c);
    c->max_load = 3;
    for (int l = 1; l < HH_LEVEL_N; l++)
        c->visit_days[l] = 90;
}

void pair_config_from(struct pair_config *c, const struct zb_config *zc)
{
    pair_config_default(c);
    if (!zc)
        return;
    if (zc->pair_max_load > 0)
        c->max_load = zc->pair_max_load;
    for (int l = 1; l < HH_LEVEL_N; l++) {
        int days = zc->visit_days_level[l] > 0 ? zc->visit_days_level[l]
                                               : zc->visit_days;
        if (days > 0)
            c->visit_days[l] = days;
    }
}

void pair_init(pair *p)
{
    memset(p, 0, sizeof *p);
    rules_today(p->start_date);
}

#define PAIR_COLS \
    "id, household_id, coalesce(member_id, 0), partner_name, partner_unit," \
    " partner_post, partner_phone, start_date, end_date, goal, updated_at," \
    " updated_by"

int pair_get(db *d, int64_t id, pair *out, zb_err *err)
{
    static const char sql[] = "SELECT " PAIR_COLS " FROM pair WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        memset(out, 0, sizeof *out);
        out->id = sqlite3_column_int64(st, 0);
        out->household_id = sqlite3_column_int64(st, 1);
        out->member_id = sqlite3_column_int64(st, 2);
        db_text(st, 3, out->partner_name, sizeof out->partner_name);
        db_text(st, 4, out->partner_unit, sizeof out->partner_unit);
        db_text(st, 5, out->partner_post, sizeof out->partner_post);
        db_text(st, 6, out->partner_phone, sizeof out->partner_phone);
        db_text(st, 7, out->start_date, sizeof out->start_date);
        db_text(st, 8, out->end_date, sizeof out->end_date);
        db_text(st, 9, out->goal, sizeof out->goal);
        db_text(st, 10, out->updated_at, sizeof out->updated_at);
        db_text(st, 11, out->updated_by, sizeof out->updated_by);
    }
    return db_row_done(d, st, rc, "找不到该结对记录（可能已被他人删除）",
                       "读取结对", err);
}

/* What validation needs of the household. */
struct hh_facts {
    bool found;
    int status;
    int64_t member_id;
    char address[HH_ADDRESS_CHARS * 4 + 1];
    char member_address[512];
};

static int household_facts(db *d, int64_t id, struct hh_facts *f,
                           zb_err *err)
{
    static const char sql[] =
        "SELECT h.status, coalesce(h.member_id, 0), h.address,"
        " coalesce(m.address, '')"
        " FROM household h LEFT JOIN member m ON m.id = h.member_id"
        " WHERE h.id = ?1";
    memset(f, 0, sizeof *f);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        f->found = true;
        f->status = sqlite3_column_int(st, 0);
        f->member_id = sqlite3_column_int64(st, 1);
        db_text(st, 2, f->address, sizeof f->address);
        db_text(st, 3, f->member_address, sizeof f->member_address);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : db_fail(d, err, "读取帮扶对象");
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

/* A one-number query: ?1 id, ?2 another id, ?3 a date. */
static int query_long(db *d, const char *sql, int64_t a, int64_t b,
                      const char *date, long *out, zb_err *err)
{
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    if (date)
        bind_text(st, 3, date);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "读取结对");
}

/* First and last visit dates of a pair ("" if none). */
static int visit_span(db *d, int64_t pair_id, char first[11], char last[11],
                      zb_err *err)
{
    static const char sql[] =
        "SELECT coalesce(min(date), ''), coalesce(max(date), '')"
        " FROM visit WHERE pair_id = ?1";
    first[0] = last[0] = '\0';
    if (!pair_id)
        return 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, pair_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        db_text(st, 0, first, 11);
        db_text(st, 1, last, 11);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "读取走访记录");
}

static int check_partner(const pair *p, const char **field, zb_err *err)
{
    if (hh_blank(p->partner_name) && hh_blank(p->partner_unit))
        return hh_bad(field, "member_id", err,
                      "请选择结对党员或填写共建单位人员");
    if (hh_blank(p->partner_name))
        return hh_bad(field, "partner_name", err, "请填写共建单位人员姓名");
    if (text_chars(p->partner_name) > PAIR_NAME_CHARS)
        return hh_bad(field, "partner_name", err, "姓名不能超过 %d 个字",
                      PAIR_NAME_CHARS);
    if (hh_blank(p->partner_unit))
        return hh_bad(field, "partner_unit", err, "请填写共建单位名称");
    if (text_chars(p->partner_unit) > PAIR_UNIT_CHARS)
        return hh_bad(field, "partner_unit", err, "单位名称不能超过 %d 个字",
                      PAIR_UNIT_CHARS);
    if (text_chars(p->partner_post) > PAIR_NAME_CHARS)
        return hh_bad(field, "partner_post", err, "职务不能超过 %d 个字",
                      PAIR_NAME_CHARS);
    if (p->partner_phone[0] && !rules_phone_valid(p->partner_phone))
        return hh_bad(field, "partner_phone", err, "电话号码格式不正确");
    return 0;
}

/* Whether a member may take up a pair with the household. */
static int check_eligible(const pair *p, const struct hh_facts *h,
                          const struct hh_member *m, const char **field,
                          zb_err *err)
{
    if (m->left_kind)
        return hh_bad(field, "member_id", err, "%s 已不在党员名册中",
                      m->name);
    if (m->lost)
        return hh_bad(field, "member_id", err, "%s 为失联党员，不能结对",
                      m->name);
    if (m->suspended)
        return hh_bad(field, "member_id", err, "%s 已停止党籍，不能结对",
                      m->name);
    if (p->member_id == h->member_id)
        return hh_bad(field, "member_id", err, "不能与本人结对");
    uint64_t k = rules_pair_home_key(m->address);
    if (k && (k == rules_pair_home_key(h->address) ||
              k == rules_pair_home_key(h->member_address)))
        return hh_bad(field, "member_id", err,
                      "%s 与帮扶对象同住一户，不能结对", m->name);
    return 0;
}

/* changed: a new pair or another member than stored (a stored pair
 * keeps its member even after they left the register). */
static int check_member(db *d, const pair *p, const struct hh_facts *h,
                        const char *today, bool changed, struct hh_member *m,
                        const char **field, zb_err *err)
{
    static const char dup[] =
        "SELECT count(*) FROM pair p, pair me WHERE me.id = ?1"
        " AND p.household_id = me.household_id AND p.member_id = ?2"
        " AND p.id <> ?1 AND " PAIR_ONGOING("p", "?3");
    static const char dup_new[] =
        "SELECT count(*) FROM pair p WHERE p.household_id = ?1"
        " AND p.member_id = ?2 AND " PAIR_ONGOING("p", "?3");
    if (hh_member_info(d, p->member_id, m, err))
        return -1;
    if (!m->found)
        return hh_bad(field, "member_id", err, "所选党员不存在");
    /* an ended pair is history: the helper may have left since */
    bool ongoing = !p->end_date[0] || strcmp(p->end_date, today) >= 0;
    if (changed && (ongoing ? check_eligible(p, h, m, field, err)
                            : p->member_id == h->member_id
                                  ? hh_bad(field, "member_id", err,
                                           "不能与本人结对")
                                  : 0))
        return -1;
    long n = 0;
    if (ongoing &&
        query_long(d, p->id ? dup : dup_new, p->id ? p->id : p->household_id,
                   p->member_id, today, &n, err))
        return -1;
    if (n > 0)
        return hh_bad(field, "member_id", err, "%s 已与此户结对", m->name);
    return 0;
}

static int check_dates(db *d, const pair *p, const char **field,
                       zb_err *err)
{
    if (!rules_date_valid(p->start_date))
        return hh_bad(field, "start_date", err,
                      "开始日期无效：%s（应为 YYYY-MM-DD）",
                      p->start_date[0] ? p->start_date : "未填写");
    if (p->end_date[0] && !rules_date_valid(p->end_date))
        return hh_bad(field, "end_date", err,
                      "结束日期无效：%s（应为 YYYY-MM-DD）", p->end_date);
    if (p->end_date[0] && strcmp(p->end_date, p->start_date) < 0)
        return hh_bad(field, "end_date", err, "结束日期早于开始日期 %s",
                      p->start_date);
    if (text_chars(p->goal) > PAIR_GOAL_CHARS)
        return hh_bad(field, "goal", err, "帮扶目标不能超过 %d 个字",
                      PAIR_GOAL_CHARS);
    char first[11], last[11];
    if (visit_span(d, p->id, first, last, err))
        return -1;
    if (first[0] && strcmp(p->start_date, first) > 0)
        return hh_bad(field, "start_date", err,
                      "开始日期晚于该结对的首次走访 %s", first);
    if (last[0] && p->end_date[0] && strcmp(p->end_date, last) < 0)
        return hh_bad(field, "end_date", err,
                      "结束日期早于该结对最近一次走访 %s", last);
    return 0;
}

int pair_validate(db *d, const pair *p, const struct pair_config *cfg,
                  bool confirmed, const char *today_in, const char **field,
                  zb_err *err)
{
    if (field)
        *field = NULL;
    char today[11];
    if (today_in && rules_date_valid(today_in))
        snprintf(today, sizeof today, "%s", today_in);
    else
        rules_today(today);
    struct pair_config def;
    if (!cfg) {
        pair_config_default(&def);
        cfg = &def;
    }
    struct hh_facts h;
    if (p->household_id <= 0)
        return hh_bad(field, "household_id", err, "请选择帮扶对象");
    if (household_facts(d, p->household_id, &h, err))
        return -1;
    if (!h.found)
        return hh_bad(field, "household_id", err,
                      "找不到该帮扶对象（可能已被他人删除）");
    bool member_changed = true;
    if (p->id) {
        pair old;
        if (pair_get(d, p->id, &old, err))
            return -1;
        member_changed = old.member_id != p->member_id;
        if (old.household_id != p->household_id)
            return hh_bad(field, "household_id", err,
                          "不能把结对改到另一户，请结束后新建");
    } else if (h.status != HH_OPEN) {
        return hh_bad(field, "household_id", err,
                      "该帮扶对象已销号，不能新建结对");
    }
    struct hh_member m;
    memset(&m, 0, sizeof m);
    if (p->member_id > 0) {
        if (check_member(d, p, &h, today, member_changed, &m, field, err))
            return -1;
    } else if (check_partner(p, field, err)) {
        return -1;
    }
    if (check_dates(d, p, field, err))
        return -1;
    bool ongoing = !p->end_date[0] || strcmp(p->end_date, today) >= 0;
    if (p->member_id > 0 && ongoing && !confirmed) {
        static const char sql[] =
            "SELECT count(*) FROM pair p WHERE p.member_id = ?1"
            " AND p.id <> ?2 AND " PAIR_ONGOING("p", "?3");
        long load = 0;
        if (query_long(d, sql, p->member_id, p->id, today, &load, err))
            return -1;
        if (load >= cfg->max_load) {
            hh_bad(field, "member_id", err,
                   "%s 已结对帮扶 %ld 户（上限 %d 户），仍要结对吗？", m.name,
                   load, cfg->max_load);
            return PAIR_OVERLOAD;
        }
    }
    return 0;
}

static const char insert_sql[] =
    "INSERT INTO pair (household_id, member_id, partner_name, partner_unit,"
    " partner_post, partner_phone, start_date, end_date, goal, updated_at,"
    " updated_by) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
static const char update_sql[] =
    "UPDATE pair SET household_id = ?2, member_id = ?3, partner_name = ?4,"
    " partner_unit = ?5, partner_post = ?6, partner_phone = ?7,"
    " start_date = ?8, end_date = ?9, goal = ?10, updated_at = ?11,"
    " updated_by = ?12 WHERE id = ?1";

int pair_save(db *d, pair *p, const struct pair_config *cfg, bool confirmed,
              const char **field, zb_err *err)
{
    if (p->member_id > 0) {
        /* a member helper: the partner fields do not apply */
        p->partner_name[0] = p->partner_unit[0] = '\0';
        p->partner_post[0] = p->partner_phone[0] = '\0';
    }
    if (db_begin(d, err))
        return -1;
    int v = pair_validate(d, p, cfg, confirmed, NULL, field, err);
    if (v != 0) {
        db_rollback(d);
        return v;
    }
    char now[20];
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, p->id ? update_sql : insert_sql, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, p->id);
    sqlite3_bind_int64(st, 2, p->household_id);
    if (p->member_id > 0)
        sqlite3_bind_int64(st, 3, p->member_id);
    bind_text(st, 4, p->partner_name);
    bind_text(st, 5, p->partner_unit);
    bind_text(st, 6, p->partner_post);
    bind_text(st, 7, p->partner_phone);
    bind_text(st, 8, p->start_date);
    bind_text(st, 9, p->end_date);
    bind_text(st, 10, p->goal);
    bind_text(st, 11, now);
    bind_text(st, 12, db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "保存结对");
        goto fail;
    }
    int64_t id = p->id ? p->id : sqlite3_last_insert_rowid(db_handle(d));
    if (db_commit(d, err))
        goto fail;
    p->id = id;
    memcpy(p->updated_at, now, sizeof p->updated_at);
    snprintf(p->updated_by, sizeof p->updated_by, "%s", db_user(d));
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int pair_end(db *d, int64_t id, const char *date, zb_err *err)
{
    static const char sql[] =
        "UPDATE pair SET end_date = ?2, updated_at = ?3, updated_by = ?4"
        " WHERE id = ?1";
    if (!date || !rules_date_valid(date))
        return zb_fail(err, "结束日期无效：%s（应为 YYYY-MM-DD）",
                       date && *date ? date : "未填写");
    if (db_begin(d, err))
        return -1;
    pair p;
    char first[11], last[11], now[20];
    if (pair_get(d, id, &p, err) || visit_span(d, id, first, last, err))
        goto fail;
    if (strcmp(date, p.start_date) < 0) {
        zb_fail(err, "结束日期早于开始日期 %s", p.start_date);
        goto fail;
    }
    if (last[0] && strcmp(date, last) < 0) {
        zb_fail(err, "结束日期早于该结对最近一次走访 %s", last);
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
        db_fail(d, err, "结束结对");
        goto fail;
    }
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int pair_delete(db *d, int64_t id, zb_err *err)
{
    static const char visits[] =
        "SELECT count(*) FROM visit WHERE pair_id = ?1";
    static const char del[] = "DELETE FROM pair WHERE id = ?1";
    long n = 0;
    if (db_begin(d, err))
        return -1;
    if (query_long(d, visits, id, 0, NULL, &n, err))
        goto fail;
    if (n > 0) {
        zb_fail(err, "已有走访记录，不能删除；请结束结对");
        goto fail;
    }
    if (db_run_id(d, del, id, "删除结对",
                  "找不到该结对记录（可能已被他人删除）", err))
        goto fail;
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int pair_member_load(db *d, int64_t member_id, const char *today, int *load,
                     zb_err *err)
{
    static const char sql[] =
        "SELECT count(*) FROM pair p WHERE p.member_id = ?1"
        " AND " PAIR_ONGOING("p", "?3");
    char t[11];
    if (!today || !rules_date_valid(today))
        today = rules_today(t);
    long n = 0;
    if (query_long(d, sql, member_id, 0, today, &n, err))
        return -1;
    *load = (int)n;
    return 0;
}

/* ---- lists ---- */

#define ROW_SQL(cond) \
    "SELECT p.id, p.household_id, h.name, coalesce(p.member_id, 0)," \
    " coalesce(m.name, p.partner_name)," \
    " CASE WHEN p.member_id IS NOT NULL THEN coalesce(o.name, '')" \
    "  ELSE trim(p.partner_unit || ' ' || p.partner_post) END," \
    " CASE WHEN p.member_id IS NOT NULL THEN m.phone" \
    "  ELSE p.partner_phone END," \
    " p.start_date, p.end_date, p.goal," \
    " (SELECT count(*) FROM visit v WHERE v.pair_id = p.id)," \
    " coalesce((SELECT max(v.date) FROM visit v WHERE v.pair_id = p.id)," \
    "  '')," \
    " " PAIR_ONGOING("p", "?2") " AS ongoing" \
    " FROM pair p JOIN household h ON h.id = p.household_id" \
    " LEFT JOIN member m ON m.id = p.member_id" \
    " LEFT JOIN org o ON o.id = m.org_id" \
    " WHERE " cond " AND (?3 OR " PAIR_ONGOING("p", "?2") ")" \
    " ORDER BY ongoing DESC, p.start_date, p.id"

static int list(db *d, const char *sql, int64_t id, bool include_ended,
                struct pair_row **rows, int *n, zb_err *err)
{
    *rows = NULL;
    *n = 0;
    char today[11];
    rules_today(today);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    bind_text(st, 2, today);
    sqlite3_bind_int(st, 3, include_ended);
    int rc, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            int nc = cap ? cap * 2 : 8;
            struct pair_row *r = realloc(*rows, (size_t)nc * sizeof *r);
            if (!r) {
                rc = SQLITE_NOMEM;
                break;
            }
            *rows = r;
            cap = nc;
        }
        struct pair_row *r = &(*rows)[(*n)++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        r->household_id = sqlite3_column_int64(st, 1);
        db_text(st, 2, r->household_name, sizeof r->household_name);
        r->member_id = sqlite3_column_int64(st, 3);
        db_text(st, 4, r->helper_name, sizeof r->helper_name);
        db_text(st, 5, r->helper_unit, sizeof r->helper_unit);
        db_text(st, 6, r->helper_phone, sizeof r->helper_phone);
        db_text(st, 7, r->start_date, sizeof r->start_date);
        db_text(st, 8, r->end_date, sizeof r->end_date);
        db_text(st, 9, r->goal, sizeof r->goal);
        r->visits = sqlite3_column_int(st, 10);
        db_text(st, 11, r->last_visit, sizeof r->last_visit);
        r->ongoing = sqlite3_column_int(st, 12) != 0;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(*rows);
        *rows = NULL;
        *n = 0;
        if (rc == SQLITE_NOMEM)
            return zb_fail(err, "内存不足");
        return db_fail(d, err, "读取结对列表");
    }
    return 0;
}

int pair_list_household(db *d, int64_t household_id, bool include_ended,
                        struct pair_row **rows, int *n, zb_err *err)
{
    static const char sql[] = ROW_SQL("p.household_id = ?1");
    return list(d, sql, household_id, include_ended, rows, n, err);
}

int pair_list_member(db *d, int64_t member_id, bool include_ended,
                     struct pair_row **rows, int *n, zb_err *err)
{
    static const char sql[] = ROW_SQL("p.member_id = ?1");
    return list(d, sql, member_id, include_ended, rows, n, err);
}
