/* Follow-ups past due (a windowed list) and the totals of a period for a
 * work summary. */
#include "model/pair.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "model/household_int.h"
#include "rules.h"

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* ---- follow-ups ---- */

/* ?1 grid (subtree) or NULL, ?2 today, ?3 offset, ?4 limit, ?5 visit id */
#define FU_WHERE \
    " v.followup_due <> '' AND v.followup_done = ''" \
    " AND v.followup_due < ?2 AND h.status = 1" \
    " AND (?1 IS NULL OR h.grid_id IN (SELECT id FROM gsub))"

static void fu_bind(sqlite3_stmt *st, const struct followup_query *q)
{
    char today[11];
    if (q->grid_id > 0)
        sqlite3_bind_int64(st, 1, q->grid_id);
    if (q->today && rules_date_valid(q->today))
        bind_text(st, 2, q->today);
    else
        bind_text(st, 2, rules_today(today));
}

static int step_long(db *d, sqlite3_stmt *st, long *out, const char *what,
                     zb_err *err)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, what);
}

int followup_count(db *d, const struct followup_query *q, long *n,
                   zb_err *err)
{
    static const char sql[] = GRID_SUBTREE_CTE
        "SELECT count(*) FROM visit v JOIN household h"
        " ON h.id = v.household_id WHERE" FU_WHERE;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    fu_bind(st, q);
    return step_long(d, st, n, "统计待办事项", err);
}

int followup_window(db *d, const struct followup_query *q, long offset,
                    int limit, struct visit_row *rows, int *nrows,
                    zb_err *err)
{
    static const char sql[] = GRID_SUBTREE_CTE
        "SELECT " HH_VISIT_ROW_COLS " WHERE" FU_WHERE
        " ORDER BY v.followup_due, v.id LIMIT ?4 OFFSET ?3";
    *nrows = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    fu_bind(st, q);
    sqlite3_bind_int64(st, 3, offset < 0 ? 0 : offset);
    sqlite3_bind_int(st, 4, limit < 0 ? 0 : limit);
    int rc = SQLITE_DONE;
    while (*nrows < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
        hh_visit_row(st, &rows[(*nrows)++]);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_fail(d, err, "读取待办事项");
    return 0;
}

int followup_position(db *d, const struct followup_query *q, int64_t visit_id,
                      long *pos, zb_err *err)
{
    static const char sql[] = GRID_SUBTREE_CTE
        "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM visit v JOIN household h"
        "  ON h.id = v.household_id WHERE v.id = ?5 AND" FU_WHERE ")"
        " THEN -1 ELSE (SELECT count(*) FROM visit v JOIN household h"
        "  ON h.id = v.household_id, visit k WHERE k.id = ?5 AND" FU_WHERE
        "  AND (v.followup_due, v.id) < (k.followup_due, k.id)) END";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    fu_bind(st, q);
    sqlite3_bind_int64(st, 5, visit_id);
    return step_long(d, st, pos, "查找待办事项", err);
}

/* ---- totals ---- */

/* ?1 grid (subtree), ?2 org (subtree), NULL = everything; ?3 from,
 * ?4 to. */
#define SCOPE_CTE \
    "WITH RECURSIVE gsub(id) AS (SELECT ?1 WHERE ?1 IS NOT NULL UNION" \
    " SELECT g.id FROM grid g JOIN gsub ON g.parent_id = gsub.id)," \
    " osub(id) AS (SELECT ?2 WHERE ?2 IS NOT NULL UNION" \
    " SELECT o.id FROM org o JOIN osub ON o.parent_id = osub.id) "
#define IN_GRID(h) " (?1 IS NULL OR " h ".grid_id IN (SELECT id FROM gsub))"
#define BY_ORG(p) \
    " (?2 IS NULL OR " p ".member_id IN (SELECT m.id FROM member m" \
    "  WHERE m.org_id IN (SELECT id FROM osub)))"
/* a pair running at some time in [?3, ?4] */
#define IN_PERIOD(p) \
    " " p ".start_date <= ?4 AND (" p ".end_date = '' OR " p \
    ".end_date >= ?3)"

#define KIND_SUM(k) ", sum((h.kinds & (1 << " #k ")) <> 0)"

static const char households_sql[] = SCOPE_CTE
    "SELECT count(*)" KIND_SUM(0) KIND_SUM(1) KIND_SUM(2) KIND_SUM(3)
    KIND_SUM(4) KIND_SUM(5) KIND_SUM(6) KIND_SUM(7) KIND_SUM(8)
    ", sum(h.registered >= ?3)"
    ", sum(h.closed <> '' AND h.closed <= ?4)"
    " FROM household h WHERE h.registered <= ?4"
    " AND (h.closed = '' OR h.closed >= ?3) AND" IN_GRID("h")
    " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM pair p"
    "  WHERE p.household_id = h.id AND" IN_PERIOD("p") " AND" BY_ORG("p")
    "))";

static const char pairs_sql[] = SCOPE_CTE
    "SELECT count(*), sum(p.start_date >= ?3),"
    " count(DISTINCT CASE WHEN p.member_id IS NOT NULL"
    "  THEN CAST(p.member_id AS TEXT)"
    "  ELSE p.partner_unit || '/' || p.partner_name END)"
    " FROM pair p JOIN household h ON h.id = p.household_id"
    " WHERE" IN_PERIOD("p") " AND" IN_GRID("h") " AND" BY_ORG("p");

static const char visits_sql[] = SCOPE_CTE
    "SELECT count(*), count(DISTINCT v.household_id),"
    " coalesce(sum(v.cash_fen), 0), coalesce(sum(v.goods_fen), 0),"
    " coalesce(sum(v.jobs), 0)"
    " FROM visit v JOIN pair p ON p.id = v.pair_id"
    " JOIN household h ON h.id = v.household_id"
    " WHERE v.date BETWEEN ?3 AND ?4 AND" IN_GRID("h") " AND" BY_ORG("p");

static const char unpaired_sql[] = SCOPE_CTE
    "SELECT count(*) FROM household h"
    " WHERE h.registered <= ?4"
    " AND (h.closed = '' OR h.closed > ?4) AND" IN_GRID("h")
    " AND NOT EXISTS (SELECT 1 FROM pair p WHERE p.household_id = h.id"
    "  AND p.start_date <= ?4 AND (p.end_date = '' OR p.end_date >= ?4))";

static sqlite3_stmt *prepare(db *d, const char *sql,
                             const struct pair_scope *s, const char *from,
                             const char *to, zb_err *err)
{
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return NULL;
    if (s && s->grid_id > 0)
        sqlite3_bind_int64(st, 1, s->grid_id);
    if (s && s->org_id > 0)
        sqlite3_bind_int64(st, 2, s->org_id);
    bind_text(st, 3, from);
    bind_text(st, 4, to);
    return st;
}

static long col_long(sqlite3_stmt *st, int i)
{
    return (long)sqlite3_column_int64(st, i);
}

int pair_totals(db *d, const struct pair_scope *scope, const char *from,
                const char *to, struct pair_totals *out, zb_err *err)
{
    memset(out, 0, sizeof *out);
    if (!from || !to || !rules_date_valid(from) || !rules_date_valid(to))
        return zb_fail(err, "统计期间无效（应为 YYYY-MM-DD）");
    if (strcmp(from, to) > 0)
        return zb_fail(err, "统计期间的开始日期晚于结束日期");
    sqlite3_stmt *st = prepare(d, households_sql, scope, from, to, err);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->households = col_long(st, 0);
        for (int k = 0; k < HH_KIND_N; k++)
            out->by_kind[k] = col_long(st, 1 + k);
        out->households_new = col_long(st, 1 + HH_KIND_N);
        out->households_closed = col_long(st, 2 + HH_KIND_N);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "统计帮扶对象");

    if (!(st = prepare(d, pairs_sql, scope, from, to, err)))
        return -1;
    if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        out->pairs = col_long(st, 0);
        out->pairs_new = col_long(st, 1);
        out->helpers = col_long(st, 2);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "统计结对");

    if (!(st = prepare(d, visits_sql, scope, from, to, err)))
        return -1;
    if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        out->visits = col_long(st, 0);
        out->households_visited = col_long(st, 1);
        out->cash_fen = sqlite3_column_int64(st, 2);
        out->goods_fen = sqlite3_column_int64(st, 3);
        out->jobs = col_long(st, 4);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "统计走访");

    if (scope && scope->org_id > 0) {
        out->unpaired = -1;     /* an organisation's unpaired: undefined */
        return 0;
    }
    if (!(st = prepare(d, unpaired_sql, scope, from, to, err)))
        return -1;
    if ((rc = sqlite3_step(st)) == SQLITE_ROW)
        out->unpaired = col_long(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "统计未结对对象");
}
