/* The grid tree in memory for the pairing model: every node with its
 * place (src/rules_pair.h) by level. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "model/household_int.h"

struct gnode *hh_gfind(const struct gmap *g, int64_t id)
{
    size_t lo = 0, hi = g->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g->n[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < g->len && g->n[lo].id == id ? &g->n[lo] : NULL;
}

int hh_gmap_load(db *d, struct gmap *g, zb_err *err)
{
    static const char sql[] =
        "SELECT id, coalesce(parent_id, 0), level, name FROM grid"
        " ORDER BY id";
    g->n = NULL;
    g->len = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (g->len == cap) {
            size_t nc = cap ? cap * 2 : 64;
            struct gnode *n = realloc(g->n, nc * sizeof *n);
            if (!n) {
                rc = SQLITE_NOMEM;
                break;
            }
            g->n = n;
            cap = nc;
        }
        struct gnode *x = &g->n[g->len++];
        memset(x, 0, sizeof *x);
        x->id = sqlite3_column_int64(st, 0);
        x->parent = sqlite3_column_int64(st, 1);
        x->level = sqlite3_column_int(st, 2);
        db_text(st, 3, x->name, sizeof x->name);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(g->n);
        g->n = NULL;
        return rc == SQLITE_NOMEM ? zb_fail(err, "内存不足")
                                  : db_fail(d, err, "读取网格");
    }
    /* each node's place: itself and its ancestors by level (a 单元
     * belongs to its 楼栋); a broken parent chain just stops */
    for (size_t i = 0; i < g->len; i++) {
        struct rp_place *p = &g->n[i].place;
        const struct gnode *x = &g->n[i];
        for (int depth = 0; x && depth < 16; depth++) {
            int64_t *slot = x->level == 4   ? &p->building
                            : x->level == 3 ? &p->grid
                            : x->level == 2 ? &p->area
                            : x->level == 1 ? &p->community
                                            : NULL;
            if (slot && !*slot)
                *slot = x->id;
            x = x->parent ? hh_gfind(g, x->parent) : NULL;
        }
    }
    return 0;
}

struct rp_place hh_place_of(const struct gmap *g, int64_t node)
{
    struct rp_place none = {0, 0, 0, 0};
    const struct gnode *x = node ? hh_gfind(g, node) : NULL;
    return x ? x->place : none;
}

const char *hh_node_name(const struct gmap *g, int64_t node)
{
    const struct gnode *x = node ? hh_gfind(g, node) : NULL;
    return x ? x->name : "";
}
