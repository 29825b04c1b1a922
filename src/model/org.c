#include "model/org.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pinyin.h"

struct node {
    struct org_item item;
    int first_child, next_sibling;   /* indexes, -1 = none */
    bool placed;
};

static int cmp_id(const void *a, const void *b)
{
    const struct node *x = a, *y = b;
    return (x->item.id > y->item.id) - (x->item.id < y->item.id);
}

static int find(const struct node *v, int n, int64_t id)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (v[mid].item.id == id)
            return mid;
        if (v[mid].item.id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* Appends "/name" to a path, cutting at a character boundary. */
static void path_join(char *out, size_t outsz, const char *parent,
                      const char *name)
{
    char tmp[sizeof ((struct org_item *)0)->path + 160];
    int k = snprintf(tmp, sizeof tmp, "%s%s%s", parent,
                     *parent ? "/" : "", name);
    size_t n = k < 0 ? 0 : (size_t)k;
    if (n >= outsz) {
        n = outsz - 1;
        while (n > 0 && ((unsigned char)tmp[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, tmp, n);
    out[n] = '\0';
}

/* Depth-first, children in their sibling order. */
static void place(struct node *v, int i, int depth, const char *parent,
                  struct org_item *out, int *k)
{
    if (v[i].placed)
        return;
    v[i].placed = true;
    v[i].item.depth = depth;
    path_join(v[i].item.path, sizeof v[i].item.path, parent,
              v[i].item.name);
    out[(*k)++] = v[i].item;
    if (depth >= 64)
        return;
    for (int c = v[i].first_child; c >= 0; c = v[c].next_sibling)
        place(v, c, depth + 1, v[i].item.path, out, k);
}

int org_list(db *d, struct org_item **items, int *n, zb_err *err)
{
    static const char sql[] =
        "SELECT id, coalesce(parent_id, 0), name, kind, active FROM org"
        " ORDER BY sort, sort_py, id";
    *items = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    struct node *v = NULL;
    int nv = 0, cap = 0, rc;
    /* order[] keeps the sibling order while v[] is sorted by id. */
    int64_t *order = NULL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (nv == cap) {
            cap = cap ? cap * 2 : 64;
            struct node *nv2 = realloc(v, (size_t)cap * sizeof *v);
            int64_t *o2 = nv2 ? realloc(order, (size_t)cap * sizeof *order)
                              : NULL;
            if (nv2)
                v = nv2;
            if (o2)
                order = o2;
            if (!nv2 || !o2) {
                sqlite3_reset(st);
                free(v);
                free(order);
                return zb_fail(err, "内存不足");
            }
        }
        struct node *x = &v[nv];
        memset(x, 0, sizeof *x);
        x->item.id = sqlite3_column_int64(st, 0);
        x->item.parent_id = sqlite3_column_int64(st, 1);
        db_text(st, 2, x->item.name, sizeof x->item.name);
        db_text(st, 3, x->item.kind, sizeof x->item.kind);
        x->item.active = sqlite3_column_int(st, 4) != 0;
        x->first_child = x->next_sibling = -1;
        order[nv++] = x->item.id;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(v);
        free(order);
        return db_fail(d, err, "读取党组织");
    }
    if (nv == 0) {
        free(v);
        free(order);
        return 0;
    }
    qsort(v, (size_t)nv, sizeof *v, cmp_id);
    /* Link children in sibling order: walk order[] backwards and push
     * each node onto its parent's list. */
    for (int j = nv - 1; j >= 0; j--) {
        int i = find(v, nv, order[j]);
        int p = v[i].item.parent_id ? find(v, nv, v[i].item.parent_id) : -1;
        if (p >= 0 && p != i) {
            v[i].next_sibling = v[p].first_child;
            v[p].first_child = i;
        }
    }
    struct org_item *out = malloc((size_t)nv * sizeof *out);
    if (!out) {
        free(v);
        free(order);
        return zb_fail(err, "内存不足");
    }
    int k = 0;
    for (int j = 0; j < nv; j++) {
        int i = find(v, nv, order[j]);
        int p = v[i].item.parent_id ? find(v, nv, v[i].item.parent_id) : -1;
        if (p < 0)
            place(v, i, 0, "", out, &k);
    }
    /* Anything left is in a parent cycle: show it rather than hide it. */
    for (int j = 0; j < nv; j++) {
        int i = find(v, nv, order[j]);
        place(v, i, 0, "", out, &k);
    }
    free(v);
    free(order);
    *items = out;
    *n = k;
    return 0;
}

int org_add(db *d, int64_t parent_id, const char *name, const char *kind,
            int64_t *id, zb_err *err)
{
    static const char sql[] =
        "INSERT INTO org (parent_id, name, kind, sort, sort_py,"
        " updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, (SELECT coalesce(max(sort), 0) + 1 FROM org"
        "  WHERE parent_id IS ?1), ?4, ?5, ?6)";
    if (!name || !*name)
        return zb_fail(err, "党组织名称不能为空");
    char py[512], now[20];
    pinyin_sort_key(name, py, sizeof py);
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    if (parent_id > 0)
        sqlite3_bind_int64(st, 1, parent_id);
    else
        sqlite3_bind_null(st, 1);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, kind ? kind : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, py, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, db_user(d), -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        if (sqlite3_extended_errcode(db_handle(d)) ==
            SQLITE_CONSTRAINT_FOREIGNKEY)
            return zb_fail(err, "上级党组织不存在");
        return db_fail(d, err, "添加党组织");
    }
    if (id)
        *id = sqlite3_last_insert_rowid(db_handle(d));
    return 0;
}

int org_name(db *d, int64_t id, char *out, size_t outsz, zb_err *err)
{
    static const char sql[] = "SELECT name FROM org WHERE id = ?1";
    if (outsz)
        out[0] = '\0';
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        db_text(st, 0, out, outsz);
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
        ? 0 : db_fail(d, err, "读取党组织名称");
}

/* ---- one organisation ---- */

void org_init(struct org *o)
{
    memset(o, 0, sizeof *o);
    o->active = true;
}

int org_get(db *d, int64_t id, struct org *out, zb_err *err)
{
    static const char sql[] =
        "SELECT id, coalesce(parent_id, 0), name, kind, coalesce(grid_id, 0),"
        " founded, active, notes, sort, updated_at, updated_by"
        " FROM org WHERE id = ?1";
    org_init(out);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->id = sqlite3_column_int64(st, 0);
        out->parent_id = sqlite3_column_int64(st, 1);
        db_text(st, 2, out->name, sizeof out->name);
        db_text(st, 3, out->kind, sizeof out->kind);
        out->grid_id = sqlite3_column_int64(st, 4);
        db_text(st, 5, out->founded, sizeof out->founded);
        out->active = sqlite3_column_int(st, 6) != 0;
        db_text(st, 7, out->notes, sizeof out->notes);
        out->sort = sqlite3_column_int(st, 8);
        db_text(st, 9, out->updated_at, sizeof out->updated_at);
        db_text(st, 10, out->updated_by, sizeof out->updated_by);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return zb_fail(err, "党组织不存在（可能已被他人删除）");
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "读取党组织");
}
