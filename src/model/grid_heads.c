#include "model/grid_heads.h"

#include <sqlite3.h>
#include <stdlib.h>

int grid_heads(db *d, const char *today, struct grid_head **heads, int *n,
               zb_err *err)
{
    static const char sql[] =
        "SELECT grid_id, role, name FROM grid_role"
        " WHERE (start_date = '' OR start_date <= ?1)"
        "   AND (end_date = '' OR end_date >= ?1)"
        " ORDER BY grid_id, role, start_date, id";
    *heads = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
    struct grid_head *v = NULL;
    int k = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (k == cap) {
            cap = cap ? cap * 2 : 256;
            struct grid_head *nv = realloc(v, (size_t)cap * sizeof *nv);
            if (!nv) {
                free(v);
                sqlite3_reset(st);
                return zb_fail(err, "内存不足");
            }
            v = nv;
        }
        v[k].grid_id = sqlite3_column_int64(st, 0);
        v[k].role = sqlite3_column_int(st, 1);
        db_text(st, 2, v[k].name, sizeof v[k].name);
        k++;
    }
    if (rc != SQLITE_DONE) {
        free(v);
        return db_fail(d, err, "读取网格负责人");
    }
    *heads = v;
    *n = k;
    return 0;
}
