/* Fixtures for the pairing tests (check_pair.c, check_pair_totals.c). */
#include "pairutil.h"

#include <check.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

void pu_sql(db *d, const char *fmt, ...)
{
    char sql[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    tu_sql(d, sql);
}

long long pu_int(db *d, const char *fmt, ...)
{
    char sql[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_msg(st != NULL, "%s", sql);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

static void grid(db *d, int id, int parent, int level, const char *name)
{
    char p[16];
    snprintf(p, sizeof p, "%d", parent);
    pu_sql(d, "INSERT INTO grid (id, parent_id, level, name, updated_at)"
           " VALUES (%d, %s, %d, '%s', '2026-01-01 00:00:00')",
           id, parent ? p : "NULL", level, name);
}

/* 东社区(1) > 一片(2) > 一格(3) > 1号楼(4) > 1单元(5), 2号楼(6);
 * 一片 > 二格(7) > 3号楼(8); 二片(9); 西社区(10) > 西一片(11) */
void pu_tree(db *d)
{
    grid(d, 1, 0, 1, "东社区");
    grid(d, 2, 1, 2, "一片");
    grid(d, 3, 2, 3, "一格");
    grid(d, 4, 3, 4, "1号楼");
    grid(d, 5, 4, 5, "1单元");
    grid(d, 6, 3, 4, "2号楼");
    grid(d, 7, 2, 3, "二格");
    grid(d, 8, 7, 4, "3号楼");
    grid(d, 9, 1, 2, "二片");
    grid(d, 10, 0, 1, "西社区");
    grid(d, 11, 10, 2, "西一片");
}

int64_t pu_member(db *d, const char *name, int residence, const char *addr)
{
    int64_t id = tu_member(d, name, "", "", 0);
    if (residence)
        pu_sql(d, "UPDATE member SET residence_id = %d WHERE id = %lld",
               residence, (long long)id);
    if (addr)
        pu_sql(d, "UPDATE member SET address = '%s' WHERE id = %lld", addr,
               (long long)id);
    return id;
}

int64_t pu_household(db *d, const char *name, unsigned kinds, int level,
                     int grid_id, int64_t member_id)
{
    household h;
    household_init(&h);
    snprintf(h.name, sizeof h.name, "%s", name);
    h.kinds = kinds;
    h.level = level;
    h.grid_id = grid_id;
    h.member_id = member_id;
    zb_err e;
    const char *f;
    ck_assert_msg(household_save(d, &h, &f, &e) == 0, "%s: %s", name, e.msg);
    return h.id;
}

int64_t pu_pair(db *d, int64_t hh, int64_t member, const char *start)
{
    pair p;
    pair_init(&p);
    p.household_id = hh;
    p.member_id = member;
    snprintf(p.start_date, sizeof p.start_date, "%s", start);
    zb_err e;
    const char *f;
    int rc = pair_save(d, &p, NULL, true, &f, &e);
    ck_assert_msg(rc == 0, "pair: %s", e.msg);
    return p.id;
}

int64_t pu_visit(db *d, int64_t pair_id, const char *date,
                 int64_t cash, int64_t goods, int jobs)
{
    visit v;
    visit_init(&v);
    v.pair_id = pair_id;
    snprintf(v.date, sizeof v.date, "%s", date);
    v.cash_fen = cash;
    v.goods_fen = goods;
    if (goods)
        snprintf(v.goods, sizeof v.goods, "米面油");
    v.jobs = jobs;
    zb_err e;
    const char *f;
    ck_assert_msg(visit_save(d, &v, &f, &e) == 0, "visit: %s", e.msg);
    return v.id;
}
