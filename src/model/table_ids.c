#include "model/table_ids.h"

#include <sqlite3.h>
#include <stdlib.h>

int table_ids(db *d, enum table_ids_kind k, int64_t **ids, long *n,
              zb_err *err)
{
    static const char *const sql[] = {
        [TI_HOUSEHOLDS] = "SELECT id FROM household ORDER BY id",
        [TI_PAIRS] = "SELECT id FROM pair"
                     " ORDER BY household_id, start_date, id",
        [TI_VISITS] = "SELECT id FROM visit ORDER BY household_id, date, id",
        [TI_GRID_ROLES] = "SELECT id FROM grid_role ORDER BY id",
        [TI_ORG_POSTS] = "SELECT id FROM org_post ORDER BY id",
    };
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(d, sql[k], err);
    if (!st)
        return -1;
    long cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            int64_t *v = realloc(*ids, (size_t)cap * sizeof *v);
            if (!v) {
                sqlite3_reset(st);
                free(*ids);
                *ids = NULL;
                *n = 0;
                return zb_fail(err, "内存不足");
            }
            *ids = v;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(*ids);
        *ids = NULL;
        *n = 0;
        return db_fail(d, err, "读取记录");
    }
    return 0;
}
