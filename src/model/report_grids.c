/* The grid part of the work-summary report. An organisation's grids are
 * the nodes its subtree is built on (org.grid_id), else the node of its
 * nearest ancestor that is built on one; the scope is their lowest
 * common node when they lie in one community (a 社区党委 whose 网格党支部
 * sit on the community's grids gets the community), else their
 * communities. Every grid when the report covers every organisation. */
#include "model/report_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct slot {
    int64_t id;
    int idx;
};

static int cmp_slot(const void *a, const void *b)
{
    const struct slot *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static int find(const struct slot *v, int n, int64_t id)
{
    struct slot key = {id, 0};
    const struct slot *s = bsearch(&key, v, (size_t)n, sizeof *v, cmp_slot);
    return s ? s->idx : -1;
}

struct tree {
    struct grid_item *items;
    int n;
    struct slot *ix;       /* by id */
    int *parent;           /* index of the parent, -1 for a root */
    int *end;              /* one past the node's subtree in tree order */
};

static void tree_free(struct tree *t)
{
    free(t->items);
    free(t->ix);
    free(t->parent);
    free(t->end);
}

static int tree_load(db *d, struct tree *t, zb_err *err)
{
    memset(t, 0, sizeof *t);
    if (grid_list(d, &t->items, &t->n, err) != 0)
        return -1;
    size_t n = (size_t)(t->n > 0 ? t->n : 1);
    t->ix = malloc(n * sizeof *t->ix);
    t->parent = malloc(n * sizeof *t->parent);
    t->end = malloc(n * sizeof *t->end);
    if (!t->ix || !t->parent || !t->end)
        return zb_fail(err, "内存不足");
    for (int i = 0; i < t->n; i++)
        t->ix[i] = (struct slot){t->items[i].id, i};
    qsort(t->ix, (size_t)t->n, sizeof *t->ix, cmp_slot);
    /* tree order: a node's subtree is the run of deeper nodes after it */
    int *stack = malloc(n * sizeof *stack), top = 0;
    if (!stack)
        return zb_fail(err, "内存不足");
    for (int i = 0; i < t->n; i++) {
        while (top > 0 && t->items[stack[top - 1]].depth >=
                              t->items[i].depth)
            t->end[stack[--top]] = i;
        t->parent[i] = top > 0 ? stack[top - 1] : -1;
        stack[top++] = i;
    }
    while (top > 0)
        t->end[stack[--top]] = t->n;
    free(stack);
    return 0;
}

static bool inside(const struct tree *t, int node, int root)
{
    return node >= root && node < t->end[root];
}

/* Grid nodes the organisation is built on: its subtree's, else its
 * nearest ancestor's. Indexes into t; *nv of them. */
static int linked_nodes(db *d, const struct tree *t, int64_t org_id,
                        int **v, int *nv, zb_err *err)
{
    static const char sub[] = REPORT_SUBTREE
        "SELECT DISTINCT grid_id FROM org WHERE id IN (SELECT id FROM sub)"
        " AND grid_id IS NOT NULL";
    static const char up[] =
        "WITH RECURSIVE up(id, depth) AS (SELECT ?1, 0 UNION ALL"
        " SELECT o.parent_id, up.depth + 1 FROM org o JOIN up"
        " ON o.id = up.id WHERE o.parent_id IS NOT NULL AND up.depth < 64)"
        " SELECT o.grid_id FROM up JOIN org o ON o.id = up.id"
        " WHERE o.grid_id IS NOT NULL ORDER BY up.depth LIMIT 1";
    *v = malloc((size_t)(t->n > 0 ? t->n : 1) * sizeof **v);
    *nv = 0;
    if (!*v)
        return zb_fail(err, "内存不足");
    for (int pass = 0; pass < 2 && *nv == 0; pass++) {
        sqlite3_stmt *st = db_stmt(d, pass ? up : sub, err);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, org_id);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            int i = find(t->ix, t->n, sqlite3_column_int64(st, 0));
            if (i >= 0 && *nv < t->n)
                (*v)[(*nv)++] = i;
        }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return db_fail(d, err, "读取党组织所建网格");
    }
    return 0;
}

static int root_of(const struct tree *t, int i)
{
    while (t->parent[i] >= 0)
        i = t->parent[i];
    return i;
}

/* The scope's root nodes (tree order) into roots; returns how many. */
static int scope_roots(const struct tree *t, const int *v, int nv,
                       int *roots)
{
    int c = root_of(t, v[0]);
    bool one = true;
    for (int k = 1; k < nv && one; k++)
        one = root_of(t, v[k]) == c;
    if (one) {
        /* the deepest ancestor of v[0] holding every linked node */
        for (int a = v[0]; a >= 0; a = t->parent[a]) {
            bool all = true;
            for (int k = 0; k < nv && all; k++)
                all = inside(t, v[k], a);
            if (all) {
                roots[0] = a;
                return 1;
            }
        }
    }
    int n = 0;
    for (int i = 0; i < t->n; i++) {
        if (t->parent[i] >= 0)
            continue;
        bool used = false;
        for (int k = 0; k < nv && !used; k++)
            used = inside(t, v[k], i);
        if (used)
            roots[n++] = i;
    }
    return n;
}

static void scope_text(const struct tree *t, const int *roots, int n,
                       char *out, size_t outsz)
{
    size_t k = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *p = t->items[roots[i]].path;
        size_t need = strlen(p) + (i ? 3 : 0);
        if (k + need + 8 >= outsz) {
            snprintf(out + k, outsz - k, "等 %d 处", n);
            return;
        }
        k += (size_t)snprintf(out + k, outsz - k, "%s%s", i ? "、" : "", p);
    }
}

static int count_roles(db *d, const struct tree *t, const bool *in,
                       const char *date, struct report_grids *g, zb_err *err)
{
    static const char sql[] =
        "SELECT grid_id, role, count(*) FROM grid_role"
        " WHERE (start_date = '' OR start_date <= ?1)"
        " AND (end_date = '' OR end_date >= ?1) GROUP BY grid_id, role";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = find(t->ix, t->n, sqlite3_column_int64(st, 0));
        int role = sqlite3_column_int(st, 1);
        long n = (long)sqlite3_column_int64(st, 2);
        if (i < 0 || !in[i] || role <= 0 || role >= GRID_ROLE_N)
            continue;
        g->roles[role] += n;
        g->roles[0] += n;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "统计网格负责人");
}

static int count_gaps(db *d, const struct tree *t, const bool *in,
                      const char *date, struct report_grids *g, zb_err *err)
{
    struct grid_gap *gaps = NULL;
    int n = 0;
    if (grid_coverage(d, 0, date, &gaps, &n, err) != 0)
        return -1;
    int64_t last = 0;
    for (int k = 0; k < n; k++) {
        int i = find(t->ix, t->n, gaps[k].grid_id);
        if (i < 0 || !in[i])
            continue;
        if (gaps[k].kind > 0 && gaps[k].kind < REPORT_GAP_KINDS)
            g->gaps[gaps[k].kind]++;
        g->gaps[0]++;
        /* a node's gaps come together (tree order) */
        if (gaps[k].grid_id != last)
            g->gap_nodes++;
        last = gaps[k].grid_id;
    }
    free(gaps);
    return 0;
}

int report_grids(db *d, const struct report *r, struct report_grids *g,
                 zb_err *err)
{
    memset(g, 0, sizeof *g);
    snprintf(g->date, sizeof g->date, "%s", r->upto);
    g->households = g->population = -1;
    struct tree t;
    int *linked = NULL, nlinked = 0, *roots = NULL, nroots = 0;
    bool *in = NULL;
    int rc = -1;
    if (tree_load(d, &t, err) != 0)
        goto done;
    if (t.n == 0) {
        rc = 0;
        goto done;
    }
    roots = malloc((size_t)t.n * sizeof *roots);
    in = calloc((size_t)t.n, sizeof *in);
    if (!roots || !in) {
        zb_fail(err, "内存不足");
        goto done;
    }
    if (r->org_id) {
        if (linked_nodes(d, &t, r->org_id, &linked, &nlinked, err) != 0)
            goto done;
        if (nlinked == 0) {
            rc = 0;
            goto done;
        }
        nroots = scope_roots(&t, linked, nlinked, roots);
        g->scope_n = nroots;
        scope_text(&t, roots, nroots, g->scope, sizeof g->scope);
    } else {
        for (int i = 0; i < t.n; i++)
            if (t.parent[i] < 0)
                roots[nroots++] = i;
    }
    g->has_grids = true;
    for (int k = 0; k < nroots; k++) {
        const struct grid_item *it = &t.items[roots[k]];
        for (int i = roots[k]; i < t.end[roots[k]]; i++)
            in[i] = true;
        if (it->total_households >= 0)
            g->households = (g->households < 0 ? 0 : g->households) +
                            it->total_households;
        if (it->total_population >= 0)
            g->population = (g->population < 0 ? 0 : g->population) +
                            it->total_population;
    }
    for (int i = 0; i < t.n; i++)
        if (in[i] && t.items[i].level > 0 && t.items[i].level < GRID_LEVEL_N)
            g->nodes[t.items[i].level]++;
    if (count_roles(d, &t, in, g->date, g, err) != 0 ||
        count_gaps(d, &t, in, g->date, g, err) != 0)
        goto done;
    rc = 0;
done:
    tree_free(&t);
    free(linked);
    free(roots);
    free(in);
    return rc;
}
