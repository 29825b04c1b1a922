#include "model/demo_posts.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/org.h"
#include "rules.h"
#include "rules_org.h"

struct rng {
    uint64_t s;
};

static uint64_t next(struct rng *r)
{
    /* splitmix64 */
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int below(struct rng *r, int n)
{
    return n > 0 ? (int)(next(r) % (uint64_t)n) : 0;
}

struct person {
    int64_t id, org_id;
    char name[128];
    char phone[32];
};

struct unit {                  /* an organisation and its candidates */
    int64_t id;
    int depth;
    int branch;                /* 1 支部, 2 党小组, 0 neither */
    int first, n;              /* members placed in it: people[first..] */
};

static int cmp_person(const void *a, const void *b)
{
    const struct person *x = a, *y = b;
    if (x->org_id != y->org_id)
        return (x->org_id > y->org_id) - (x->org_id < y->org_id);
    return (x->id > y->id) - (x->id < y->id);
}

static int load_people(db *d, struct person **out, int *n, zb_err *err)
{
    static const char sql[] =
        "SELECT id, org_id, name, phone FROM member"
        " WHERE left_kind = 0 AND party_status <> 2 AND org_id IS NOT NULL";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    struct person *v = NULL;
    int k = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (k == cap) {
            cap = cap ? cap * 2 : 1024;
            struct person *v2 = realloc(v, (size_t)cap * sizeof *v);
            if (!v2) {
                sqlite3_reset(st);
                free(v);
                return zb_fail(err, "内存不足");
            }
            v = v2;
        }
        v[k].id = sqlite3_column_int64(st, 0);
        v[k].org_id = sqlite3_column_int64(st, 1);
        db_text(st, 2, v[k].name, sizeof v[k].name);
        db_text(st, 3, v[k].phone, sizeof v[k].phone);
        k++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(v);
        return db_fail(d, err, "读取党员");
    }
    qsort(v, (size_t)k, sizeof *v, cmp_person);
    *out = v;
    *n = k;
    return 0;
}

static int insert(db *d, int64_t org, int post, const struct person *p,
                  const char *from, const char *to, const char *now,
                  zb_err *err)
{
    static const char sql[] =
        "INSERT INTO org_post (org_id, post, member_id, name, phone,"
        " start_date, end_date, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, org);
    sqlite3_bind_int(st, 2, post);
    sqlite3_bind_int64(st, 3, p->id);
    sqlite3_bind_text(st, 4, p->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, p->phone, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, to, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, db_user(d), -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "生成演示任职");
}

static void add_run(const struct unit *u, int *scratch, int *k)
{
    for (int i = 0; i < u->n; i++)
        scratch[(*k)++] = u->first + i;
}

/* Unit i's terms: candidates are its own members, and for a committee
 * (社区党委, 党总支, 支部) those of its whole subtree too (the units
 * following it deeper in tree order). */
static int posts_for(db *d, struct rng *r, const struct unit *units,
                     int nunits, int i, const struct person *people,
                     int *scratch, long today, const char *now, long *count,
                     zb_err *err)
{
    const struct unit *u = &units[i];
    int k = 0;
    add_run(u, scratch, &k);
    for (int j = i + 1; u->branch == 1 && j < nunits &&
                        units[j].depth > u->depth; j++)
        add_run(&units[j], scratch, &k);
    if (k == 0)
        return 0;
    for (int a = k - 1; a > 0; a--) {
        int b = below(r, a + 1), t = scratch[a];
        scratch[a] = scratch[b];
        scratch[b] = t;
    }
    char from[11], past[11];
    long start = today - 365 - below(r, 4 * 365);
    rules_day_format(start, from);
    int lead = u->branch == 1 ? POST_SECRETARY : POST_GROUP_LEADER;
    if (insert(d, u->id, lead, &people[scratch[0]], from, "", now, err))
        return -1;
    (*count)++;
    /* a predecessor, whose term ended the day this one began, for about
     * a third */
    if (k > 1 && below(r, 3) == 0) {
        rules_day_format(start - 365 * (3 + below(r, 3)), past);
        if (insert(d, u->id, lead, &people[scratch[k - 1]], past, from, now,
                   err))
            return -1;
        (*count)++;
    }
    if (u->branch != 1)
        return 0;
    static const int committee[] = {POST_ORGANISING, POST_PROPAGANDA,
                                    POST_DISCIPLINE, POST_DEPUTY};
    int want = 2 + below(r, 3);
    for (int c = 0; c < want && c + 1 < k; c++) {
        if (insert(d, u->id, committee[c], &people[scratch[c + 1]], from, "",
                   now, err))
            return -1;
        (*count)++;
    }
    return 0;
}

int demo_posts(db *d, uint64_t seed, const char *today, long *n,
               zb_err *err)
{
    struct org_item *orgs = NULL;
    struct person *people = NULL;
    struct unit *units = NULL;
    int *scratch = NULL;
    int norgs = 0, npeople = 0, rc = -1;
    long count = 0;
    struct rng r = {seed * 0xD1B54A32D192ED03ULL + 7};
    if (n)
        *n = 0;
    if (org_list(d, &orgs, &norgs, err) ||
        load_people(d, &people, &npeople, err))
        goto out;
    units = calloc((size_t)norgs + 1, sizeof *units);
    scratch = malloc(((size_t)npeople + 1) * sizeof *scratch);
    if (!units || !scratch) {
        zb_fail(err, "内存不足");
        goto out;
    }
    int p = 0;
    for (int i = 0; i < norgs; i++) {
        units[i].id = orgs[i].id;
        units[i].depth = orgs[i].depth;
        int rank = rules_org_rank(orgs[i].kind);
        units[i].branch = rank >= 1 && rank <= 3 ? 1 : rank == 4 ? 2 : 0;
    }
    /* people are sorted by org id: find each unit's run */
    for (int i = 0; i < norgs; i++) {
        int lo = 0, hi = npeople;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (people[mid].org_id < units[i].id)
                lo = mid + 1;
            else
                hi = mid;
        }
        p = lo;
        units[i].first = p;
        while (p < npeople && people[p].org_id == units[i].id)
            p++;
        units[i].n = p - units[i].first;
    }
    long day = rules_days_between("1970-01-01", today);
    char now[20];
    db_now(now);
    for (int i = 0; i < norgs; i++) {
        if (!units[i].branch)
            continue;
        if (posts_for(d, &r, units, norgs, i, people, scratch, day, now,
                      &count, err))
            goto out;
    }
    if (n)
        *n = count;
    rc = 0;
out:
    free(orgs);
    free(people);
    free(units);
    free(scratch);
    return rc;
}
