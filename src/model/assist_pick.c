/* "Pick another helper": the eligible members for one household,
 * nearest first (src/model/assist.h). */
#include "model/assist.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/household_int.h"
#include "rules.h"

/* ---- candidates for one household ---- */

struct cand {
    struct assist_candidate c;
    char sort_py[256];
};

static int cmp_cand(const void *pa, const void *pb)
{
    const struct cand *a = pa, *b = pb;
    if (a->c.locality != b->c.locality)
        return a->c.locality < b->c.locality ? -1 : 1;
    if (a->c.full != b->c.full)
        return a->c.full ? 1 : -1;
    if (a->c.load != b->c.load)
        return a->c.load < b->c.load ? -1 : 1;
    int s = strcmp(a->sort_py, b->sort_py);
    if (s)
        return s;
    return a->c.member_id < b->c.member_id ? -1
                                           : a->c.member_id > b->c.member_id;
}

/* ?1 community node (subtree) or NULL, ?2 today, ?3 the household's own
 * member, ?4 filter or NULL, ?5 how many rows at most. */
static const char cand_sql[] = GRID_SUBTREE_CTE
    "SELECT m.id, m.name, m.member_no, coalesce(m.residence_id, 0),"
    " m.address, coalesce(o.name, ''), m.sort_py,"
    " (SELECT count(*) FROM pair p WHERE p.member_id = m.id"
    "  AND " PAIR_ONGOING("p", "?2") ")"
    " FROM member m LEFT JOIN org o ON o.id = m.org_id"
    " WHERE" HH_ELIGIBLE " AND m.id <> ?3"
    " AND (?4 IS NULL OR instr(m.search, ?4) > 0)"
    " AND (?4 IS NOT NULL OR ?1 IS NULL"
    "  OR m.residence_id IN (SELECT id FROM gsub))"
    " ORDER BY m.sort_py, m.id LIMIT ?5";

int assist_candidates(db *d, int64_t household_id, const char *filter,
                      const struct assist_opts *o, int limit,
                      struct assist_candidate **rows, int *n, zb_err *err)
{
    struct assist_opts def;
    if (!o) {
        assist_opts_default(&def);
        o = &def;
    }
    int max_load = o->max_load > 0 ? o->max_load : 3;
    char today[11], f[128] = "";
    if (o->today && rules_date_valid(o->today))
        snprintf(today, sizeof today, "%s", o->today);
    else
        rules_today(today);
    if (filter) {
        while (*filter == ' ')
            filter++;
        snprintf(f, sizeof f, "%s", filter);
        size_t len = strlen(f);
        while (len && f[len - 1] == ' ')
            f[--len] = '\0';
        for (char *c = f; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
    }
    *rows = NULL;
    *n = 0;
    household h;
    if (household_get(d, household_id, &h, err))
        return -1;
    struct gmap g = {NULL, 0};
    struct cand *c = NULL;
    size_t nc = 0, cap = 0;
    int rc = -1;
    if (hh_gmap_load(d, &g, err))
        goto done;
    struct rp_place hp = hh_place_of(&g, h.grid_id);
    uint64_t keys[2] = {rules_pair_home_key(h.address), 0};
    if (h.member_id) {
        struct hh_member m;
        if (hh_member_info(d, h.member_id, &m, err))
            goto done;
        keys[1] = rules_pair_home_key(m.address);
    }
    sqlite3_stmt *st = db_stmt(d, cand_sql, err);
    if (!st)
        goto done;
    if (hp.community)
        sqlite3_bind_int64(st, 1, hp.community);
    sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, h.member_id);
    if (f[0])
        sqlite3_bind_text(st, 4, f, -1, SQLITE_TRANSIENT);
    /* without a place or a filter: the first in pinyin order only */
    sqlite3_bind_int(st, 5, !f[0] && !hp.community ? limit : 100000);
    int sr;
    char addr[512];
    while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
        db_text(st, 4, addr, sizeof addr);
        uint64_t k = rules_pair_home_key(addr);
        if (k && (k == keys[0] || k == keys[1]))
            continue;
        if (nc == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            struct cand *x = realloc(c, ncap * sizeof *x);
            if (!x) {
                sr = SQLITE_NOMEM;
                break;
            }
            c = x;
            cap = ncap;
        }
        struct cand *x = &c[nc++];
        memset(x, 0, sizeof *x);
        x->c.member_id = sqlite3_column_int64(st, 0);
        db_text(st, 1, x->c.name, sizeof x->c.name);
        db_text(st, 2, x->c.member_no, sizeof x->c.member_no);
        int64_t res = sqlite3_column_int64(st, 3);
        snprintf(x->c.place, sizeof x->c.place, "%s", hh_node_name(&g, res));
        db_text(st, 5, x->c.org_name, sizeof x->c.org_name);
        db_text(st, 6, x->sort_py, sizeof x->sort_py);
        x->c.load = sqlite3_column_int(st, 7);
        x->c.full = x->c.load >= max_load;
        struct rp_place mp = hh_place_of(&g, res);
        x->c.locality = rules_pair_locality(&hp, &mp);
        rules_pair_reason(x->c.locality, x->c.load, x->c.reason,
                          sizeof x->c.reason);
    }
    sqlite3_reset(st);
    if (sr != SQLITE_DONE) {
        if (sr == SQLITE_NOMEM)
            zb_fail(err, "内存不足");
        else
            db_fail(d, err, "读取党员");
        goto done;
    }
    if (nc)
        qsort(c, nc, sizeof *c, cmp_cand);
    size_t keep = limit > 0 && (size_t)limit < nc ? (size_t)limit : nc;
    *rows = malloc((keep ? keep : 1) * sizeof **rows);
    if (!*rows) {
        zb_fail(err, "内存不足");
        goto done;
    }
    for (size_t i = 0; i < keep; i++)
        (*rows)[i] = c[i].c;
    *n = (int)keep;
    rc = 0;
done:
    free(g.n);
    free(c);
    return rc;
}
