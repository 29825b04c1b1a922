/* Grid coverage: the tree, today's roles and the organisations' grid
 * links, run through the rules of src/rules_grid.c. */
#include "model/grid_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "rules_grid.h"

static int load_roles(db *d, const char *today,
                      const struct grid_item *items, const int *idx,
                      int n, struct rg_node *nodes, zb_err *err)
{
    static const char sql[] =
        "SELECT grid_id, role FROM grid_role WHERE " GRID_ROLE_CURRENT("");
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = grid_index_find(items, idx, n, sqlite3_column_int64(st, 0));
        int role = sqlite3_column_int(st, 1);
        if (i >= 0 && role > 0 && role < GRID_ROLE_N)
            nodes[i].roles |= 1u << role;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "读取网格任职");
}

static int load_orgs(db *d, const struct grid_item *items, const int *idx,
                     int n, struct rg_node *nodes, zb_err *err)
{
    static const char sql[] =
        "SELECT DISTINCT grid_id FROM org"
        " WHERE grid_id IS NOT NULL AND active = 1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = grid_index_find(items, idx, n, sqlite3_column_int64(st, 0));
        if (i >= 0)
            nodes[i].has_org = true;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "读取党组织的网格");
}

int grid_coverage(db *d, int64_t community_id, const char *today,
                  struct grid_gap **gaps, int *n, zb_err *err)
{
    *gaps = NULL;
    *n = 0;
    char t[11];
    if (!today || !*today)
        today = rules_today(t);
    struct grid_item *items = NULL;
    int ni = 0;
    if (grid_load(d, false, &items, &ni, err))
        return -1;
    int rc = -1;
    int *idx = grid_index_new(items, ni);
    struct rg_node *nodes = calloc((size_t)(ni > 0 ? ni : 1), sizeof *nodes);
    struct rg_gap *found = NULL;
    int nfound = 0;
    if (!idx || !nodes) {
        zb_fail(err, "内存不足");
        goto done;
    }
    for (int i = 0; i < ni; i++) {
        nodes[i].level = items[i].level;
        nodes[i].parent = items[i].parent_id
            ? grid_index_find(items, idx, ni, items[i].parent_id) : -1;
        nodes[i].households = items[i].total_households;
        nodes[i].population = items[i].total_population;
    }
    if (load_roles(d, today, items, idx, ni, nodes, err) ||
        load_orgs(d, items, idx, ni, nodes, err))
        goto done;
    /* the subtree is a run in tree order: from the node to the next one
     * that is not deeper */
    int from = 0, to = ni;
    if (community_id) {
        from = grid_index_find(items, idx, ni, community_id);
        if (from < 0) {
            zb_fail(err, "找不到该网格节点（可能已被他人删除）");
            goto done;
        }
        for (to = from + 1; to < ni && items[to].depth > items[from].depth;
             to++)
            ;
    }
    if (rules_grid_gaps(nodes, ni, &found, &nfound)) {
        zb_fail(err, "内存不足");
        goto done;
    }
    int k = 0;
    for (int j = 0; j < nfound; j++)
        k += found[j].node >= from && found[j].node < to;
    struct grid_gap *out = calloc((size_t)(k > 0 ? k : 1), sizeof *out);
    if (!out) {
        zb_fail(err, "内存不足");
        goto done;
    }
    k = 0;
    for (int j = 0; j < nfound; j++) {
        const struct rg_gap *x = &found[j];
        if (x->node < from || x->node >= to)
            continue;
        struct grid_gap *g = &out[k++];
        g->grid_id = items[x->node].id;
        g->kind = x->kind;
        memcpy(g->path, items[x->node].path, sizeof g->path);
        memcpy(g->text, x->text, sizeof g->text);
    }
    *gaps = out;
    *n = k;
    rc = 0;
done:
    free(found);
    free(nodes);
    free(idx);
    free(items);
    return rc;
}
