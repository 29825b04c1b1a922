/* The windowed household lists: all, unpaired, overdue; filters by
 * kind, grid subtree, level, status and text. */
#include "model/household.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "model/household_int.h"
#include "model/pair.h"
#include "rules.h"
#include "text.h"

const char *const household_sort_label[HH_SORT_COUNT] = {
    "按姓名拼音", "按困难程度", "按走访日期", "按登记时间"
};

/* Parameters: ?1 grid (subtree), ?2 kinds mask, ?3 level, ?4 status,
 * ?5 filter, NULL = no condition; ?6 view; ?7 today; ?8..?10 overdue
 * cut-off dates of levels 1..3; ?11 offset, ?12 limit, ?13 an id.
 * The unary + keeps SQLite from reading status and level through an
 * index: almost every row matches them, and a lookup per row costs ten
 * times a scan with the small page cache. */
#define WHERE \
    " (?1 IS NULL OR h.grid_id IN (SELECT id FROM gsub))" \
    " AND (?2 IS NULL OR (h.kinds & ?2) <> 0)" \
    " AND (?3 IS NULL OR +h.level = ?3)" \
    " AND (?4 IS NULL OR +h.status = ?4)" \
    " AND (?5 IS NULL OR instr(h.search, ?5) > 0)" \
    " AND (?6 <> 1 OR NOT EXISTS (SELECT 1 FROM pair p" \
    "  WHERE p.household_id = h.id AND " PAIR_ONGOING("p", "?7") "))" \
    " AND (?6 <> 2 OR (CASE WHEN h.last_visit <> '' THEN h.last_visit" \
    "  ELSE h.registered END)" \
    "  < (CASE h.level WHEN 3 THEN ?10 WHEN 2 THEN ?9 ELSE ?8 END))"

struct params {
    char filter[256];
    char today[11];
    char cut[4][11];
};

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static void bind_query(sqlite3_stmt *st, const struct household_query *q,
                       struct params *p)
{
    if (q->grid_id > 0)
        sqlite3_bind_int64(st, 1, q->grid_id);
    if (q->kinds & HH_KINDS_ALL)
        sqlite3_bind_int(st, 2, (int)(q->kinds & HH_KINDS_ALL));
    if (q->level > 0)
        sqlite3_bind_int(st, 3, q->level);
    if (q->view != HV_ALL)
        sqlite3_bind_int(st, 4, HH_OPEN);
    else if (q->status > 0)
        sqlite3_bind_int(st, 4, q->status);
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
    sqlite3_bind_int(st, 6, (int)q->view);
    if (q->today && rules_date_valid(q->today))
        snprintf(p->today, sizeof p->today, "%s", q->today);
    else
        rules_today(p->today);
    bind_text(st, 7, p->today);
    struct pair_config def;
    pair_config_default(&def);
    const int *days = q->visit_days ? q->visit_days : def.visit_days;
    int y, m, dd;
    sscanf(p->today, "%d-%d-%d", &y, &m, &dd);
    long today = rules_day_from_civil(y, m, dd);
    for (int l = 1; l <= 3; l++) {
        rules_day_format(today - (days[l] > 0 ? days[l] : 90), p->cut[l]);
        bind_text(st, 7 + l, p->cut[l]);
    }
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

int household_count(db *d, const struct household_query *q, long *n,
                    zb_err *err)
{
    static const char sql[] = GRID_SUBTREE_CTE
        "SELECT count(*) FROM household h WHERE" WHERE;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    struct params p;
    bind_query(st, q, &p);
    return step_long(d, st, n, "统计帮扶对象", err);
}

/* One row of the list by id (?1), ?2 today. */
static const char row_sql[] =
    "SELECT h.id, h.name, h.kinds, h.level, h.status, h.size, h.phone,"
    " coalesce((SELECT g.name FROM grid g WHERE g.id = h.grid_id), ''),"
    " h.last_visit, h.registered,"
    " (SELECT count(*) FROM pair p WHERE p.household_id = h.id"
    "  AND " PAIR_ONGOING("p", "?2") "),"
    " coalesce((SELECT coalesce(m.name, p.partner_name) FROM pair p"
    "  LEFT JOIN member m ON m.id = p.member_id"
    "  WHERE p.household_id = h.id AND " PAIR_ONGOING("p", "?2")
    "  ORDER BY p.start_date, p.id LIMIT 1), '')"
    " FROM household h WHERE h.id = ?1";

static int read_row(db *d, int64_t id, const char *today,
                    struct household_row *r, zb_err *err)
{
    sqlite3_stmt *st = db_stmt(d, row_sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    memset(r, 0, sizeof *r);
    if (rc == SQLITE_ROW) {
        r->id = sqlite3_column_int64(st, 0);
        db_text(st, 1, r->name, sizeof r->name);
        r->kinds = (unsigned)sqlite3_column_int(st, 2);
        r->level = sqlite3_column_int(st, 3);
        r->status = sqlite3_column_int(st, 4);
        r->size = sqlite3_column_int(st, 5);
        db_text(st, 6, r->phone, sizeof r->phone);
        db_text(st, 7, r->grid_name, sizeof r->grid_name);
        db_text(st, 8, r->last_visit, sizeof r->last_visit);
        db_text(st, 9, r->created, sizeof r->created);
        r->helpers = sqlite3_column_int(st, 10);
        db_text(st, 11, r->helper_name, sizeof r->helper_name);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : db_fail(d, err, "读取帮扶对象列表");
}

/* Each order twice: P "" walks an index in list order (the whole list:
 * the window is the next rows of the index); P "+" scans the table and
 * sorts what matches (a filter or a view: the rows are sparse in any
 * index order, and a lookup per skipped row would cost far more). */
#define ORDER_PINYIN(P) " ORDER BY " P "h.sort_py, " P "h.id"
#define ORDER_LEVEL(P) " ORDER BY " P "h.level DESC, " P "h.sort_py, " P "h.id"
#define ORDER_VISIT(P) \
    " ORDER BY " P "h.last_visit, " P "h.sort_py, " P "h.id"
#define ORDER_NEWEST(P) " ORDER BY " P "h.registered DESC, " P "h.id DESC"
#define LIMIT " LIMIT ?12 OFFSET ?11"
/* The ids of the window only: the columns are read for those rows
 * (read_row), never for every row a sort has to see. */
#define WINDOW(order) \
    GRID_SUBTREE_CTE "SELECT h.id FROM household h WHERE" WHERE order LIMIT

static const char *const window_sql[2][HH_SORT_COUNT] = {
    {WINDOW(ORDER_PINYIN("")), WINDOW(ORDER_LEVEL("")),
     WINDOW(ORDER_VISIT("")), WINDOW(ORDER_NEWEST(""))},
    {WINDOW(ORDER_PINYIN("+")), WINDOW(ORDER_LEVEL("+")),
     WINDOW(ORDER_VISIT("+")), WINDOW(ORDER_NEWEST("+"))},
};

/* 0: the whole list in an index's order; 1: scan and sort. */
static int plan(const struct household_query *q)
{
    bool text = false;
    for (const char *s = q->filter; s && *s; s++)
        if (*s != ' ')
            text = true;
    return q->view != HV_ALL || text || (q->kinds & HH_KINDS_ALL) ||
           q->level > 0 || q->status > 0 || q->grid_id > 0;
}

int household_window(db *d, const struct household_query *q, long offset,
                     int limit, struct household_row *rows, int *nrows,
                     zb_err *err)
{
    *nrows = 0;
    int sort = q->sort >= 0 && q->sort < HH_SORT_COUNT ? (int)q->sort : 0;
    sqlite3_stmt *st = db_stmt(d, window_sql[plan(q)][sort], err);
    if (!st)
        return -1;
    struct params p;
    bind_query(st, q, &p);
    sqlite3_bind_int64(st, 11, offset < 0 ? 0 : offset);
    sqlite3_bind_int(st, 12, limit < 0 ? 0 : limit);
    int rc = SQLITE_DONE;
    while (*nrows < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
        rows[(*nrows)++].id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_fail(d, err, "读取帮扶对象列表");
    for (int i = 0; i < *nrows; i++)
        if (read_row(d, rows[i].id, p.today, &rows[i], err))
            return -1;
    return 0;
}

/* Rows before household ?13 (alias k) in each order; P as above. */
#define BEFORE_PINYIN(P) \
    " AND (" P "h.sort_py, " P "h.id) < (k.sort_py, k.id)"
#define BEFORE_LEVEL(P) \
    " AND (-h.level, " P "h.sort_py, " P "h.id) < (-k.level, k.sort_py, k.id)"
#define BEFORE_VISIT(P) \
    " AND (" P "h.last_visit, " P "h.sort_py, " P "h.id)" \
    "  < (k.last_visit, k.sort_py, k.id)"
#define BEFORE_NEWEST(P) \
    " AND (" P "h.registered, " P "h.id) > (k.registered, k.id)"
#define POSITION(before) \
    GRID_SUBTREE_CTE \
    "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM household h" \
    "  WHERE h.id = ?13 AND" WHERE ") THEN -1 ELSE" \
    " (SELECT count(*) FROM household h, household k WHERE k.id = ?13" \
    "  AND" WHERE before ") END"

static const char *const position_sql[2][HH_SORT_COUNT] = {
    {POSITION(BEFORE_PINYIN("")), POSITION(BEFORE_LEVEL("")),
     POSITION(BEFORE_VISIT("")), POSITION(BEFORE_NEWEST(""))},
    {POSITION(BEFORE_PINYIN("+")), POSITION(BEFORE_LEVEL("+")),
     POSITION(BEFORE_VISIT("+")), POSITION(BEFORE_NEWEST("+"))},
};

int household_position(db *d, const struct household_query *q, int64_t id,
                       long *pos, zb_err *err)
{
    int sort = q->sort >= 0 && q->sort < HH_SORT_COUNT ? (int)q->sort : 0;
    sqlite3_stmt *st = db_stmt(d, position_sql[plan(q)][sort], err);
    if (!st)
        return -1;
    struct params p;
    bind_query(st, q, &p);
    sqlite3_bind_int64(st, 13, id);
    return step_long(d, st, pos, "查找帮扶对象", err);
}
