/* Grids: who to call about a node (the data of the contact sheet that
 * src/io/contact.c prints). */
#include "model/grid_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/org.h"
#include "rules.h"

/* Where node i comes on the sheet of node s (-1: not on it): its
 * ancestors top-down, then s and its subtree in tree order. */
struct sheet {
    const struct grid_item *items;
    const int *idx;
    int n, s, end;
    bool *ancestor;
};

static int rank_of(const struct sheet *sh, int i)
{
    if (i < 0)
        return -1;
    if (sh->ancestor[i])
        return sh->items[i].depth;
    if (i >= sh->s && i < sh->end)
        return sh->items[sh->s].depth + (i - sh->s);
    return -1;
}

struct ranked {
    int rank, seq;
    int kind;     /* 0 a person, 1 an organisation */
    int pos;      /* in the people or orgs array */
};

static int cmp_ranked(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

static int load_people(db *d, const char *today, const struct sheet *sh,
                       struct grid_contacts *out, zb_err *err)
{
    static const char sql[] =
        "SELECT grid_id, role, name, phone FROM grid_role WHERE "
        GRID_ROLE_CURRENT("") " ORDER BY role, start_date, id";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
    struct grid_contact *v = NULL;
    struct ranked *r = NULL;
    int nv = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = grid_index_find(sh->items, sh->idx, sh->n,
                                sqlite3_column_int64(st, 0));
        int rank = rank_of(sh, i);
        if (rank < 0)
            continue;
        if (nv == cap) {
            cap = cap ? cap * 2 : 16;
            struct grid_contact *v2 = realloc(v, (size_t)cap * sizeof *v);
            if (v2)
                v = v2;
            struct ranked *r2 = v2 ? realloc(r, (size_t)cap * sizeof *r)
                                   : NULL;
            if (r2)
                r = r2;
            if (!v2 || !r2) {
                sqlite3_reset(st);
                free(v);
                free(r);
                return zb_fail(err, "内存不足");
            }
        }
        struct grid_contact *c = &v[nv];
        memset(c, 0, sizeof *c);
        c->grid_id = sh->items[i].id;
        c->role = sqlite3_column_int(st, 1);
        if (i > sh->s && i < sh->end)
            snprintf(c->where, sizeof c->where, "%s",
                     sh->items[i].path + strlen(sh->items[sh->s].path) + 1);
        db_text(st, 2, c->name, sizeof c->name);
        db_text(st, 3, c->phone, sizeof c->phone);
        r[nv] = (struct ranked){rank, nv, 0, nv};
        nv++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(v);
        free(r);
        return db_fail(d, err, "读取网格任职");
    }
    /* by place on the sheet; the query's order within a node */
    if (nv > 1)
        qsort(r, (size_t)nv, sizeof *r, cmp_ranked);
    struct grid_contact *sorted = malloc((size_t)(nv > 0 ? nv : 1) *
                                         sizeof *sorted);
    if (!sorted) {
        free(v);
        free(r);
        return zb_fail(err, "内存不足");
    }
    for (int k = 0; k < nv; k++)
        sorted[k] = v[r[k].pos];
    free(v);
    free(r);
    out->people = sorted;
    out->npeople = nv;
    return 0;
}

/* Active organisations on the subtree of s; if none, those on the
 * nearest ancestor that has any. */
static int load_orgs(db *d, const char *today, const struct sheet *sh,
                     struct grid_contacts *out, zb_err *err)
{
    static const char sql[] =
        "SELECT o.grid_id, o.id, o.name, coalesce(p.name, ''),"
        " coalesce(p.phone, '') FROM org o"
        " LEFT JOIN org_post p ON p.id = (SELECT q.id FROM org_post q"
        "  WHERE q.org_id = o.id AND q.post = ?2 AND "
        GRID_ROLE_CURRENT("q.")
        "  ORDER BY q.start_date DESC, q.id DESC LIMIT 1)"
        " WHERE o.grid_id IS NOT NULL AND o.active = 1"
        " ORDER BY o.sort, o.sort_py, o.id";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, POST_SECRETARY);
    struct grid_contact_org *v = NULL;
    struct ranked *r = NULL;
    int nv = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = grid_index_find(sh->items, sh->idx, sh->n,
                                sqlite3_column_int64(st, 0));
        int rank = rank_of(sh, i);
        if (rank < 0)
            continue;
        if (nv == cap) {
            cap = cap ? cap * 2 : 8;
            struct grid_contact_org *v2 = realloc(v, (size_t)cap * sizeof *v);
            if (v2)
                v = v2;
            struct ranked *r2 = v2 ? realloc(r, (size_t)cap * sizeof *r)
                                   : NULL;
            if (r2)
                r = r2;
            if (!v2 || !r2) {
                sqlite3_reset(st);
                free(v);
                free(r);
                return zb_fail(err, "内存不足");
            }
        }
        struct grid_contact_org *o = &v[nv];
        memset(o, 0, sizeof *o);
        o->org_id = sqlite3_column_int64(st, 1);
        db_text(st, 2, o->name, sizeof o->name);
        db_text(st, 3, o->secretary, sizeof o->secretary);
        db_text(st, 4, o->phone, sizeof o->phone);
        r[nv] = (struct ranked){rank, nv, 1, nv};
        nv++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(v);
        free(r);
        return db_fail(d, err, "读取党组织");
    }
    if (nv > 1)
        qsort(r, (size_t)nv, sizeof *r, cmp_ranked);
    int own = sh->items[sh->s].depth;    /* ranks >= own: the subtree */
    int from = 0, to = nv;
    if (nv && r[nv - 1].rank >= own) {
        while (from < nv && r[from].rank < own)
            from++;
    } else if (nv) {
        /* only ancestors: the nearest one's */
        from = nv - 1;
        while (from > 0 && r[from - 1].rank == r[nv - 1].rank)
            from--;
    }
    struct grid_contact_org *sorted =
        malloc((size_t)(to - from > 0 ? to - from : 1) * sizeof *sorted);
    if (!sorted) {
        free(v);
        free(r);
        return zb_fail(err, "内存不足");
    }
    for (int k = from; k < to; k++)
        sorted[k - from] = v[r[k].pos];
    free(v);
    free(r);
    out->orgs = sorted;
    out->norgs = to - from;
    return 0;
}

void grid_contacts_free(struct grid_contacts *c)
{
    free(c->people);
    free(c->orgs);
    c->people = NULL;
    c->orgs = NULL;
    c->npeople = c->norgs = 0;
}

int grid_contacts(db *d, int64_t grid_id, const char *today,
                  struct grid_contacts *out, zb_err *err)
{
    memset(out, 0, sizeof *out);
    char t[11];
    if (!today || !*today)
        today = rules_today(t);
    struct sheet sh = {NULL, NULL, 0, -1, 0, NULL};
    struct grid_item *items = NULL;
    int n = 0, rc = -1;
    if (grid_load(d, false, &items, &n, err))
        return -1;
    sh.items = items;
    sh.n = n;
    int *idx = grid_index_new(items, n);
    sh.ancestor = calloc((size_t)(n > 0 ? n : 1), sizeof *sh.ancestor);
    sh.idx = idx;
    if (!idx || !sh.ancestor) {
        zb_fail(err, "内存不足");
        goto done;
    }
    sh.s = grid_index_find(items, idx, n, grid_id);
    if (sh.s < 0) {
        zb_fail(err, "找不到该网格节点（可能已被他人删除）");
        goto done;
    }
    for (sh.end = sh.s + 1;
         sh.end < n && items[sh.end].depth > items[sh.s].depth; sh.end++)
        ;
    int a = items[sh.s].parent_id
        ? grid_index_find(items, idx, n, items[sh.s].parent_id) : -1;
    for (int k = 0; a >= 0 && k < 64 && !sh.ancestor[a]; k++) {
        sh.ancestor[a] = true;
        a = items[a].parent_id
            ? grid_index_find(items, idx, n, items[a].parent_id) : -1;
    }
    snprintf(out->path, sizeof out->path, "%s", items[sh.s].path);
    out->level = items[sh.s].level;
    if (load_people(d, today, &sh, out, err) ||
        load_orgs(d, today, &sh, out, err)) {
        grid_contacts_free(out);
        goto done;
    }
    rc = 0;
done:
    free(sh.ancestor);
    free(idx);
    free(items);
    return rc;
}
