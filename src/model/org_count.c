/* The organisation tree with member counts, current heads and hints:
 * what the organisation screen shows per node. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/member.h"
#include "model/org.h"
#include "rules_org.h"

struct slot {
    int64_t id;
    int idx;
};

static int cmp_slot(const void *a, const void *b)
{
    const struct slot *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static int index_of(const struct slot *v, int n, int64_t id)
{
    struct slot key = {id, 0};
    const struct slot *s = bsearch(&key, v, (size_t)n, sizeof *v, cmp_slot);
    return s ? s->idx : -1;
}

/* Members on the register per (category, organisation): one pass over
 * the partial index member_register, in its order. */
static int direct_counts(db *d, struct org_overview *rows,
                         const struct slot *ix, int n, zb_err *err)
{
    static const char sql[] =
        "SELECT category, org_id, count(*) FROM member"
        " WHERE left_kind = 0 AND org_id IS NOT NULL"
        " GROUP BY category, org_id";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int cat = sqlite3_column_int(st, 0);
        int i = index_of(ix, n, sqlite3_column_int64(st, 1));
        long c = (long)sqlite3_column_int64(st, 2);
        if (i < 0)
            continue;
        if (cat == CATEGORY_PROBATION)
            rows[i].direct_prob += c;
        else
            rows[i].direct_full += c;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "统计各组织党员人数");
}

/* The current 书记 (组长, 联系人) of each organisation; the latest start
 * wins if the records overlap. Unordered: a plain scan of the few
 * thousand terms, no index walk with row lookups. */
static int heads(db *d, const char *today, struct org_overview *rows,
                 const struct slot *ix, int n, zb_err *err)
{
    static const char sql[] =
        "SELECT org_id, name, start_date FROM org_post"
        " WHERE post IN (1, 7, 9)"
        " AND (start_date = '' OR start_date <= ?1)"
        " AND (end_date = '' OR end_date >= ?1)";
    char (*since)[11] = calloc((size_t)n, sizeof *since);
    if (!since)
        return zb_fail(err, "内存不足");
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st) {
        free(since);
        return -1;
    }
    sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = index_of(ix, n, sqlite3_column_int64(st, 0));
        char start[11];
        db_text(st, 2, start, sizeof start);
        if (i < 0 || (rows[i].head[0] && strcmp(start, since[i]) < 0))
            continue;
        db_text(st, 1, rows[i].head, sizeof rows[i].head);
        memcpy(since[i], start, sizeof start);
    }
    sqlite3_reset(st);
    free(since);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "读取组织负责人");
}

int org_overview_list(db *d, const char *today, struct org_overview **out,
                      int *nout, zb_err *err)
{
    struct org_item *items = NULL;
    int n = 0;
    *out = NULL;
    *nout = 0;
    if (org_list(d, &items, &n, err))
        return -1;
    if (n == 0) {
        free(items);
        return 0;
    }
    struct org_overview *rows = calloc((size_t)n, sizeof *rows);
    struct slot *ix = malloc((size_t)n * sizeof *ix);
    int *parent = malloc((size_t)n * sizeof *parent);
    if (!rows || !ix || !parent) {
        free(items);
        free(rows);
        free(ix);
        free(parent);
        return zb_fail(err, "内存不足");
    }
    for (int i = 0; i < n; i++) {
        rows[i].item = items[i];
        ix[i] = (struct slot){items[i].id, i};
    }
    free(items);
    qsort(ix, (size_t)n, sizeof *ix, cmp_slot);
    if (direct_counts(d, rows, ix, n, err) ||
        heads(d, today, rows, ix, n, err)) {
        free(rows);
        free(ix);
        free(parent);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        rows[i].total_full = rows[i].direct_full;
        rows[i].total_prob = rows[i].direct_prob;
        parent[i] = rows[i].item.parent_id
                  ? index_of(ix, n, rows[i].item.parent_id) : -1;
    }
    /* Tree order puts a parent before its children: from the end, each
     * node's total is complete when it is added to its parent's. */
    for (int i = n - 1; i >= 0; i--) {
        int p = parent[i];
        if (p < 0 || p == i)
            continue;
        rows[p].total_full += rows[i].total_full;
        rows[p].total_prob += rows[i].total_prob;
        if (strcmp(rows[i].item.kind, "党小组") == 0)
            rows[p].groups++;
    }
    for (int i = 0; i < n; i++) {
        struct org_overview *r = &rows[i];
        rules_org_hints(r->item.kind, r->total_full + r->total_prob,
                        r->groups, r->direct_full + r->direct_prob,
                        r->hint, sizeof r->hint);
    }
    free(ix);
    free(parent);
    *out = rows;
    *nout = n;
    return 0;
}

int org_member_totals(db *d, long *full, long *prob, zb_err *err)
{
    static const char sql[] =
        "SELECT count(*) FROM member WHERE left_kind = 0 AND category = ?1";
    struct member_query q = {0};
    long all = 0;
    *full = *prob = 0;
    /* all from the tally; the few 预备 from a range of member_register */
    if (member_count(d, &q, &all, err))
        return -1;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, CATEGORY_PROBATION);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *prob = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "统计预备党员");
    *full = all - *prob;
    return 0;
}
