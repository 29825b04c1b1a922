/* The pairing assistant over the database: one query for the grid tree,
 * one for the unpaired households, one for the possible helpers; the
 * rules (src/rules_pair.c) decide. */
#include "model/assist.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/household_int.h"
#include "rules.h"

void assist_opts_default(struct assist_opts *o)
{
    memset(o, 0, sizeof *o);
    o->max_load = 3;
}

/* ---- loading ---- */

struct hh_extra {
    char name[HH_NAME_CHARS * 4 + 1];
    unsigned kinds;
    int64_t grid_id;
};

static int load_households(db *d, const struct assist_opts *o,
                           const char *today, const struct gmap *g,
                           struct rp_household **out, struct hh_extra **extra,
                           size_t *n, zb_err *err)
{
    static const char sql[] = GRID_SUBTREE_CTE
        "SELECT h.id, h.level, coalesce(h.grid_id, 0),"
        " coalesce(h.member_id, 0), h.address, coalesce(m.address, ''),"
        " h.name, h.kinds"
        " FROM household h LEFT JOIN member m ON m.id = h.member_id"
        " WHERE h.status = 1"
        " AND (?1 IS NULL OR h.grid_id IN (SELECT id FROM gsub))"
        " AND NOT EXISTS (SELECT 1 FROM pair p WHERE p.household_id = h.id"
        "  AND " PAIR_ONGOING("p", "?2") ")"
        " ORDER BY h.id";
    *out = NULL;
    *extra = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    if (o->grid_id > 0)
        sqlite3_bind_int64(st, 1, o->grid_id);
    sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
    size_t cap = 0;
    int rc;
    char addr[512];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t nc = cap ? cap * 2 : 256;
            struct rp_household *h = realloc(*out, nc * sizeof *h);
            if (h)
                *out = h;
            struct hh_extra *x = realloc(*extra, nc * sizeof *x);
            if (x)
                *extra = x;
            if (!h || !x) {
                rc = SQLITE_NOMEM;
                break;
            }
            cap = nc;
        }
        struct rp_household *h = &(*out)[*n];
        struct hh_extra *x = &(*extra)[(*n)++];
        memset(h, 0, sizeof *h);
        h->id = sqlite3_column_int64(st, 0);
        h->level = sqlite3_column_int(st, 1);
        x->grid_id = sqlite3_column_int64(st, 2);
        h->place = hh_place_of(g, x->grid_id);
        h->member_id = sqlite3_column_int64(st, 3);
        db_text(st, 4, addr, sizeof addr);
        h->home_key[0] = rules_pair_home_key(addr);
        db_text(st, 5, addr, sizeof addr);
        h->home_key[1] = rules_pair_home_key(addr);
        db_text(st, 6, x->name, sizeof x->name);
        x->kinds = (unsigned)sqlite3_column_int(st, 7);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return rc == SQLITE_NOMEM ? zb_fail(err, "内存不足")
                                  : db_fail(d, err, "读取帮扶对象");
    return 0;
}

/* Sorted (id, count) pairs from a two-column query bound with ?1. */
struct idcount {
    int64_t id;
    int n;
};

static int load_idcounts(db *d, const char *sql, const char *today,
                         struct idcount **out, size_t *n, zb_err *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t nc = cap ? cap * 2 : 256;
            struct idcount *v = realloc(*out, nc * sizeof *v);
            if (!v) {
                rc = SQLITE_NOMEM;
                break;
            }
            *out = v;
            cap = nc;
        }
        (*out)[*n].id = sqlite3_column_int64(st, 0);
        (*out)[(*n)++].n = sqlite3_column_int(st, 1);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return rc == SQLITE_NOMEM ? zb_fail(err, "内存不足")
                                  : db_fail(d, err, "读取结对");
    return 0;
}

static int idcount_find(const struct idcount *v, size_t n, int64_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && v[lo].id == id ? v[lo].n : 0;
}

/* The helpers with their residence node and name (names in one pool:
 * a few bytes a member instead of a fixed buffer each). */
struct helpers {
    struct rp_helper *h;
    int64_t *residence;
    uint32_t *name;          /* offsets into pool */
    char *pool;
    size_t n, cap, pool_len, pool_cap;
};

static void helpers_free(struct helpers *x)
{
    free(x->h);
    free(x->residence);
    free(x->name);
    free(x->pool);
}

static int helpers_grow(struct helpers *x, size_t name_len)
{
    if (x->n == x->cap) {
        size_t nc = x->cap ? x->cap * 2 : 4096;
        struct rp_helper *h = realloc(x->h, nc * sizeof *h);
        if (h)
            x->h = h;
        int64_t *r = realloc(x->residence, nc * sizeof *r);
        if (r)
            x->residence = r;
        uint32_t *o = realloc(x->name, nc * sizeof *o);
        if (o)
            x->name = o;
        if (!h || !r || !o)
            return -1;
        x->cap = nc;
    }
    if (x->pool_len + name_len + 1 > x->pool_cap) {
        size_t nc = x->pool_cap ? x->pool_cap * 2 : 65536;
        while (nc < x->pool_len + name_len + 1)
            nc *= 2;
        char *p = realloc(x->pool, nc);
        if (!p)
            return -1;
        x->pool = p;
        x->pool_cap = nc;
    }
    return 0;
}

static int load_helpers(db *d, const char *today, const struct gmap *g,
                        bool without_residence, struct helpers *x,
                        zb_err *err)
{
    static const char loads_sql[] =
        "SELECT p.member_id, count(*) FROM pair p"
        " WHERE p.member_id IS NOT NULL AND " PAIR_ONGOING("p", "?1")
        " GROUP BY p.member_id ORDER BY p.member_id";
    static const char need_sql[] =
        "SELECT member_id, count(*) FROM household WHERE status = 1"
        " AND member_id IS NOT NULL AND ?1 IS NOT NULL"
        " GROUP BY member_id ORDER BY member_id";
    /* members with a residence come from the index member_pairing;
     * those without one only when anyone may be suggested */
    static const char members_sql[] =
        "SELECT id, residence_id, address, name FROM member m"
        " WHERE m.residence_id IS NOT NULL AND m.left_kind = 0"
        " AND m.lost = 0 AND m.party_status = 1";
    static const char homeless_sql[] =
        "SELECT id, 0, address, name FROM member m"
        " WHERE m.residence_id IS NULL AND m.left_kind = 0"
        " AND m.lost = 0 AND m.party_status = 1";
    memset(x, 0, sizeof *x);
    struct idcount *loads = NULL, *need = NULL;
    size_t nloads = 0, nneed = 0;
    int rc = -1;
    if (load_idcounts(d, loads_sql, today, &loads, &nloads, err) ||
        load_idcounts(d, need_sql, today, &need, &nneed, err))
        goto done;
    for (int pass = 0; pass < (without_residence ? 2 : 1); pass++) {
        sqlite3_stmt *st = db_stmt(d, pass ? homeless_sql : members_sql, err);
        if (!st)
            goto done;
        int sr;
        char addr[512];
        while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
            const char *name = (const char *)sqlite3_column_text(st, 3);
            size_t len = name ? strlen(name) : 0;
            if (helpers_grow(x, len)) {
                sr = SQLITE_NOMEM;
                break;
            }
            struct rp_helper *h = &x->h[x->n];
            memset(h, 0, sizeof *h);
            h->member_id = sqlite3_column_int64(st, 0);
            x->residence[x->n] = sqlite3_column_int64(st, 1);
            h->place = hh_place_of(g, x->residence[x->n]);
            db_text(st, 2, addr, sizeof addr);
            h->home_key = rules_pair_home_key(addr);
            h->load = idcount_find(loads, nloads, h->member_id);
            h->in_need = idcount_find(need, nneed, h->member_id) > 0;
            x->name[x->n++] = (uint32_t)x->pool_len;
            memcpy(x->pool + x->pool_len, name ? name : "", len);
            x->pool[x->pool_len + len] = '\0';
            x->pool_len += len + 1;
        }
        sqlite3_reset(st);
        if (sr != SQLITE_DONE) {
            if (sr == SQLITE_NOMEM)
                zb_fail(err, "内存不足");
            else
                db_fail(d, err, "读取党员");
            goto done;
        }
    }
    rc = 0;
done:
    free(loads);
    free(need);
    return rc;
}

struct served {
    int level;
    int64_t id;
    size_t idx;
};

static int cmp_served(const void *pa, const void *pb)
{
    const struct served *a = pa, *b = pb;
    if (a->level != b->level)
        return a->level > b->level ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

int assist_suggest(db *d, const struct assist_opts *o,
                   struct assist_item **items, int *n, zb_err *err)
{
    struct assist_opts def;
    if (!o) {
        assist_opts_default(&def);
        o = &def;
    }
    char today[11];
    if (o->today && rules_date_valid(o->today))
        snprintf(today, sizeof today, "%s", o->today);
    else
        rules_today(today);
    *items = NULL;
    *n = 0;
    struct gmap g = {NULL, 0};
    struct rp_household *hh = NULL;
    struct hh_extra *extra = NULL;
    struct helpers helpers;
    memset(&helpers, 0, sizeof helpers);
    struct rp_suggestion *sug = NULL;
    struct served *ord = NULL;
    size_t nhh = 0;
    int rc = -1;
    if (hh_gmap_load(d, &g, err) ||
        load_households(d, o, today, &g, &hh, &extra, &nhh, err) ||
        load_helpers(d, today, &g, o->allow_other, &helpers, err))
        goto done;
    sug = malloc((nhh ? nhh : 1) * sizeof *sug);
    ord = malloc((nhh ? nhh : 1) * sizeof *ord);
    *items = calloc(nhh ? nhh : 1, sizeof **items);
    if (!sug || !ord || !*items) {
        zb_fail(err, "内存不足");
        goto done;
    }
    struct rp_opts ro = {o->max_load > 0 ? o->max_load : 3, o->allow_other};
    if (rules_pair_suggest(hh, nhh, helpers.h, helpers.n, &ro, sug)) {
        zb_fail(err, "内存不足");
        goto done;
    }
    for (size_t i = 0; i < nhh; i++)
        ord[i] = (struct served){hh[i].level, hh[i].id, i};
    qsort(ord, nhh, sizeof *ord, cmp_served);
    for (size_t k = 0; k < nhh; k++) {
        size_t i = ord[k].idx;
        struct assist_item *it = &(*items)[k];
        it->household_id = hh[i].id;
        memcpy(it->household_name, extra[i].name, sizeof it->household_name);
        it->kinds = extra[i].kinds;
        it->level = hh[i].level;
        snprintf(it->household_place, sizeof it->household_place, "%s",
                 hh_node_name(&g, extra[i].grid_id));
        it->member_id = sug[i].member_id;
        it->locality = sug[i].locality;
        it->load = sug[i].load;
        memcpy(it->reason, sug[i].reason, sizeof it->reason);
        if (sug[i].helper >= 0) {
            size_t k = (size_t)sug[i].helper;
            snprintf(it->helper_name, sizeof it->helper_name, "%s",
                     helpers.pool + helpers.name[k]);
            snprintf(it->helper_place, sizeof it->helper_place, "%s",
                     hh_node_name(&g, helpers.residence[k]));
        }
    }
    *n = (int)nhh;
    rc = 0;
done:
    if (rc) {
        free(*items);
        *items = NULL;
    }
    free(g.n);
    free(hh);
    free(extra);
    helpers_free(&helpers);
    free(sug);
    free(ord);
    return rc;
}

/* ---- accepting ---- */

/* Whether the household is still open and without an ongoing pair. */
static int still_unpaired(db *d, int64_t id, const char *today, bool *yes,
                          zb_err *err)
{
    static const char sql[] =
        "SELECT h.status = 1 AND NOT EXISTS (SELECT 1 FROM pair p"
        " WHERE p.household_id = h.id AND " PAIR_ONGOING("p", "?2") ")"
        " FROM household h WHERE h.id = ?1";
    *yes = false;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *yes = sqlite3_column_int(st, 0) != 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : db_fail(d, err, "读取帮扶对象");
}

int assist_accept(db *d, const struct assist_item *items, int n,
                  const char *start_date, int max_load, int *accepted,
                  int *skipped, zb_err *err)
{
    char today[11];
    rules_today(today);
    if (!start_date || !*start_date)
        start_date = today;
    if (!rules_date_valid(start_date))
        return zb_fail(err, "开始日期无效：%s（应为 YYYY-MM-DD）",
                       start_date);
    struct pair_config cfg;
    pair_config_default(&cfg);
    if (max_load > 0)
        cfg.max_load = max_load;
    int made = 0, skip = 0;
    if (db_begin(d, err))
        return -1;
    for (int i = 0; i < n; i++) {
        const struct assist_item *it = &items[i];
        if (!it->member_id)
            continue;
        bool yes;
        if (still_unpaired(d, it->household_id, today, &yes, err))
            goto fail;
        if (!yes) {
            skip++;
            continue;
        }
        pair p;
        pair_init(&p);
        p.household_id = it->household_id;
        p.member_id = it->member_id;
        snprintf(p.start_date, sizeof p.start_date, "%s", start_date);
        const char *field;
        zb_err e;
        int v = pair_save(d, &p, &cfg, false, &field, &e);
        if (v == PAIR_OVERLOAD) {
            zb_fail(err, "情况已有变化，请重新生成推荐（%s）", e.msg);
            goto fail;
        }
        if (v) {
            zb_fail(err, "%s：%s", it->household_name, e.msg);
            goto fail;
        }
        made++;
    }
    if (db_commit(d, err))
        goto fail;
    if (accepted)
        *accepted = made;
    if (skipped)
        *skipped = skip;
    return 0;
fail:
    db_rollback(d);
    return -1;
}
