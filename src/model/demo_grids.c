/* Demo grids: the grid tree of every community, roles with deliberate
 * gaps, organisations built on grids, members' residences. See
 * demo_grids.h. */
#include "model/demo_grids.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/demo.h"
#include "model/grid.h"
#include "model/grid_int.h"
#include "rules.h"

struct rng {
    uint64_t s;
};

static uint64_t next(struct rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int below(struct rng *r, int n)
{
    return n > 0 ? (int)(next(r) % (uint64_t)n) : 0;
}

static int between(struct rng *r, int lo, int hi)
{
    return lo + below(r, hi - lo + 1);
}

static bool chance(struct rng *r, int permille)
{
    return below(r, 1000) < permille;
}

/* 1..99 in Chinese numerals (一, 十二, 三十). */
static void cn_num(int n, char *out, size_t outsz)
{
    static const char *const dig[] = {"", "一", "二", "三", "四", "五",
                                      "六", "七", "八", "九"};
    if (n < 10)
        snprintf(out, outsz, "%s", dig[n]);
    else if (n < 20)
        snprintf(out, outsz, "十%s", dig[n % 10]);
    else if (n < 100)
        snprintf(out, outsz, "%s十%s", dig[n / 10], dig[n % 10]);
    else
        snprintf(out, outsz, "%d", n);
}

struct ids {
    int64_t *v;
    int n, cap;
};

static int ids_add(struct ids *a, int64_t id)
{
    if (a->n == a->cap) {
        int cap = a->cap ? a->cap * 2 : 32;
        int64_t *v = realloc(a->v, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = id;
    return 0;
}

struct community {
    int64_t org_id;
    char name[128];
    struct ids homes;      /* buildings and units */
    struct ids grids;      /* 网格 nodes, in order */
    struct ids people;     /* members on the register, for roles */
};

struct gen {
    db *d;
    struct rng r;
    long today;
    char now[20];
    struct community *cms;
    int ncms;
    /* the first community's deliberate gaps, each once */
    bool gap_retiree, gap_worker, gap_building;
};

/* ---- rows ---- */

static int add_node(struct gen *g, int64_t parent, int level,
                    const char *name, long households, long population,
                    int64_t *id, zb_err *err)
{
    static const char sql[] =
        "INSERT INTO grid (parent_id, level, name, sort_py, households,"
        " population, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    char py[512];
    grid_sort_key(name, py, sizeof py);
    sqlite3_stmt *st = db_stmt(g->d, sql, err);
    if (!st)
        return -1;
    if (parent)
        sqlite3_bind_int64(st, 1, parent);
    else
        sqlite3_bind_null(st, 1);
    sqlite3_bind_int(st, 2, level);
    sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, py, -1, SQLITE_STATIC);
    if (households >= 0)
        sqlite3_bind_int64(st, 5, households);
    if (population >= 0)
        sqlite3_bind_int64(st, 6, population);
    sqlite3_bind_text(st, 7, g->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, db_user(g->d), -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(g->d, err, "生成演示网格");
    *id = sqlite3_last_insert_rowid(db_handle(g->d));
    return 0;
}

/* A person for a role: a member of the community (permille of the
 * time, when it has any) or someone from the name generator. */
static int person(struct gen *g, struct community *c, int permille,
                  int64_t *member_id, char *name, size_t nsz, char *phone,
                  size_t psz, zb_err *err)
{
    static const char sql[] = "SELECT name, phone FROM member WHERE id = ?1";
    *member_id = 0;
    if (c->people.n > 0 && chance(&g->r, permille)) {
        int64_t id = c->people.v[below(&g->r, c->people.n)];
        sqlite3_stmt *st = db_stmt(g->d, sql, err);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, id);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            db_text(st, 0, name, nsz);
            db_text(st, 1, phone, psz);
        }
        sqlite3_reset(st);
        if (rc != SQLITE_ROW)
            return db_fail(g->d, err, "读取演示党员");
        if (phone[0] && rules_phone_valid(phone)) {
            *member_id = id;
            return 0;
        }
    }
    demo_name(&g->r.s, name, nsz);
    demo_phone(&g->r.s, phone, psz);
    return 0;
}

/* A term of a role: who and when. */
struct term {
    int64_t mid;
    char name[32 * 4 + 1], phone[32], s[11], e[11];
    long start;
};

/* Draws a term: current (started a while ago), or ended (past = true,
 * before the day `before`). */
static int draw_term(struct gen *g, struct community *c, int member_permille,
                     bool past, long before, struct term *t, zb_err *err)
{
    t->e[0] = '\0';
    if (person(g, c, member_permille, &t->mid, t->name, sizeof t->name,
               t->phone, sizeof t->phone, err))
        return -1;
    if (past) {
        long end = before - 1;
        t->start = end - between(&g->r, 365, 1500);
        rules_day_format(end, t->e);
    } else {
        t->start = g->today - between(&g->r, 60, 2400);
    }
    rules_day_format(t->start, t->s);
    return 0;
}

static int insert_term(struct gen *g, int64_t node, int role,
                       const struct term *t, zb_err *err)
{
    static const char sql[] =
        "INSERT INTO grid_role (grid_id, role, member_id, name, phone,"
        " start_date, end_date, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    sqlite3_stmt *st = db_stmt(g->d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, node);
    sqlite3_bind_int(st, 2, role);
    if (t->mid)
        sqlite3_bind_int64(st, 3, t->mid);
    sqlite3_bind_text(st, 4, t->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, t->phone, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, t->s, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, t->e, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, g->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, db_user(g->d), -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(g->d, err, "生成演示网格任职");
}

/* A term of role on node (see draw_term). */
static int add_role(struct gen *g, struct community *c, int64_t node,
                    int role, int member_permille, bool past, long before,
                    long *start_out, zb_err *err)
{
    struct term t;
    if (draw_term(g, c, member_permille, past, before, &t, err))
        return -1;
    if (start_out)
        *start_out = t.start;
    return insert_term(g, node, role, &t, err);
}

/* n current 网格员（兼职） on node, each person once: open terms of the
 * same person on the same node overlap (grid_role_validate), so a
 * person drawn twice serves once. */
static int part_timers(struct gen *g, struct community *c, int64_t node,
                       int n, zb_err *err)
{
    struct term t[3];
    int kept = 0;
    for (int k = 0; k < n && k < 3; k++) {
        if (draw_term(g, c, 500, false, 0, &t[kept], err))
            return -1;
        bool again = false;
        for (int i = 0; i < kept; i++)
            again |= (t[i].mid && t[i].mid == t[kept].mid) ||
                     strcmp(t[i].name, t[kept].name) == 0;
        if (again)
            continue;
        if (insert_term(g, node, ROLE_WORKER_PART, &t[kept], err))
            return -1;
        kept++;
    }
    return 0;
}

/* A current holder, and now and then the predecessor's past term. */
static int staffed(struct gen *g, struct community *c, int64_t node,
                   int role, int member_permille, zb_err *err)
{
    long start;
    if (add_role(g, c, node, role, member_permille, false, 0, &start, err))
        return -1;
    if (chance(&g->r, 250))
        return add_role(g, c, node, role, member_permille, true, start,
                        NULL, err);
    return 0;
}

/* ---- the tree ---- */

static int building(struct gen *g, struct community *c, int64_t grid,
                    int no, long hh, long pop, zb_err *err)
{
    char name[32];
    int64_t id;
    snprintf(name, sizeof name, "%d栋", no);
    if (add_node(g, grid, GRID_BUILDING, name, hh, pop, &id, err))
        return -1;
    bool gap = !g->gap_building || chance(&g->r, 70);
    g->gap_building = true;
    if (!gap && staffed(g, c, id, ROLE_BUILDING_HEAD, 450, err))
        return -1;
    if (!chance(&g->r, 350))
        return ids_add(&c->homes, id) ? zb_fail(err, "内存不足") : 0;
    int nu = between(&g->r, 2, 3);
    for (int u = 1; u <= nu; u++) {
        int64_t unit;
        snprintf(name, sizeof name, "%d单元", u);
        if (add_node(g, id, GRID_UNIT, name, -1, -1, &unit, err))
            return -1;
        if (chance(&g->r, 500) &&
            add_role(g, c, unit, ROLE_UNIT_HEAD, 300, false, 0, NULL, err))
            return -1;
        if (ids_add(&c->homes, unit))
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int grid(struct gen *g, struct community *c, int64_t area, int no,
                bool detailed, int *bno, zb_err *err)
{
    struct rng *r = &g->r;
    char num[32], name[64];
    cn_num(no, num, sizeof num);
    snprintf(name, sizeof name, "第%s网格", num);
    /* most grids follow the sizing rule, some do not */
    long hh = chance(r, 130) ? (chance(r, 500) ? between(r, 180, 290)
                                               : between(r, 520, 820))
                             : between(r, 300, 500);
    long pop = hh * between(r, 26, 32) / 10;
    if (hh >= 300 && hh <= 500)
        pop = pop < 1000 ? 1000 + below(r, 60) : pop > 1500
            ? 1500 - below(r, 60) : pop;
    int64_t id;
    if (add_node(g, area, GRID_GRID, name, detailed ? -1 : hh,
                 detailed ? -1 : pop, &id, err))
        return -1;
    if (ids_add(&c->grids, id))
        return zb_fail(err, "内存不足");
    if (chance(r, 40)) {
        /* the 网格长's term ended and nobody took over yet */
        if (add_role(g, c, id, ROLE_GRID_HEAD, 200, true,
                     g->today - between(r, 10, 200), NULL, err))
            return -1;
    } else if (staffed(g, c, id, ROLE_GRID_HEAD, 200, err)) {
        return -1;
    }
    bool no_worker = (!g->gap_worker && no == 2) || chance(r, 60);
    if (no == 2)
        g->gap_worker = true;
    if (!no_worker) {
        if (staffed(g, c, id, ROLE_WORKER_FULL, 100, err))
            return -1;
        if (part_timers(g, c, id, chance(r, 400) ? between(r, 1, 3) : 0,
                        err))
            return -1;
    }
    if (!detailed)
        return 0;
    int nb = between(r, 3, 8);
    long left_hh = hh, left_pop = pop;
    for (int b = 0; b < nb; b++) {
        long bh = b == nb - 1 ? left_hh
                              : left_hh * between(r, 70, 130) / 100 / (nb - b);
        long bp = b == nb - 1 ? left_pop
                              : left_pop * bh / (left_hh > 0 ? left_hh : 1);
        left_hh -= bh;
        left_pop -= bp;
        if (building(g, c, id, ++*bno, bh, bp, err))
            return -1;
    }
    return 0;
}

static int community(struct gen *g, int ci, zb_err *err)
{
    struct community *c = &g->cms[ci];
    struct rng *r = &g->r;
    int64_t root;
    if (add_node(g, 0, GRID_COMMUNITY, c->name, -1, -1, &root, err))
        return -1;
    int na = between(r, 4, 6), detailed = ci == 0 ? 2 : 1;
    int gno = 0, bno = 0;
    for (int a = 1; a <= na; a++) {
        char num[32], name[64];
        int64_t area;
        cn_num(a, num, sizeof num);
        snprintf(name, sizeof name, "第%s片区", num);
        if (add_node(g, root, GRID_AREA, name, -1, -1, &area, err))
            return -1;
        bool no_retiree = (!g->gap_retiree && a == 2) || chance(r, 70);
        if (a == 2)
            g->gap_retiree = true;
        if ((!chance(r, 20) &&
             staffed(g, c, area, ROLE_AREA_HEAD, 100, err)) ||
            (!chance(r, 20) &&
             staffed(g, c, area, ROLE_GROUP_LEADER, 800, err)) ||
            (!no_retiree &&
             staffed(g, c, area, ROLE_RETIREE_HEAD, 500, err)))
            return -1;
        int ng = between(r, 2, 4);
        for (int k = 0; k < ng; k++)
            if (grid(g, c, area, ++gno, a <= detailed, &bno, err))
                return -1;
    }
    return 0;
}

/* ---- what is already there: communities, members ---- */

static int load_communities(struct gen *g, zb_err *err)
{
    static const char sql[] =
        "SELECT id, name FROM org WHERE parent_id = (SELECT id FROM org"
        " WHERE parent_id IS NULL ORDER BY id LIMIT 1) ORDER BY sort, id";
    sqlite3_stmt *st = db_stmt(g->d, sql, err);
    if (!st)
        return -1;
    int rc, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (g->ncms == cap) {
            cap = cap ? cap * 2 : 16;
            struct community *v = realloc(g->cms, (size_t)cap * sizeof *v);
            if (!v) {
                sqlite3_reset(st);
                return zb_fail(err, "内存不足");
            }
            g->cms = v;
        }
        struct community *c = &g->cms[g->ncms++];
        memset(c, 0, sizeof *c);
        c->org_id = sqlite3_column_int64(st, 0);
        db_text(st, 1, c->name, sizeof c->name);
        /* 东湖社区党委 -> 东湖社区 */
        static const char *const suffix[] = {"党委", "党总支", "党支部"};
        size_t n = strlen(c->name);
        for (size_t k = 0; k < sizeof suffix / sizeof *suffix; k++) {
            size_t m = strlen(suffix[k]);
            if (n > m && strcmp(c->name + n - m, suffix[k]) == 0) {
                c->name[n - m] = '\0';
                break;
            }
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(g->d, err, "读取社区");
}

struct org_link {
    int64_t id, parent;
    int community;     /* index into cms, -1 = none (yet) */
};

static int cmp_org(const void *a, const void *b)
{
    const struct org_link *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static int org_find(const struct org_link *v, int n, int64_t id)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (v[mid].id == id)
            return mid;
        if (v[mid].id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* Community of every organisation (its ancestor at depth 1). */
static int load_orgs(struct gen *g, struct org_link **out, int *nout,
                     zb_err *err)
{
    static const char sql[] =
        "SELECT id, coalesce(parent_id, 0) FROM org ORDER BY id";
    sqlite3_stmt *st = db_stmt(g->d, sql, err);
    if (!st)
        return -1;
    struct org_link *v = NULL;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            struct org_link *v2 = realloc(v, (size_t)cap * sizeof *v);
            if (!v2) {
                sqlite3_reset(st);
                free(v);
                return zb_fail(err, "内存不足");
            }
            v = v2;
        }
        v[n].id = sqlite3_column_int64(st, 0);
        v[n].parent = sqlite3_column_int64(st, 1);
        v[n].community = -1;
        n++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(v);
        return db_fail(g->d, err, "读取党组织");
    }
    if (n > 1)
        qsort(v, (size_t)n, sizeof *v, cmp_org);
    for (int ci = 0; ci < g->ncms; ci++) {
        int i = org_find(v, n, g->cms[ci].org_id);
        if (i >= 0)
            v[i].community = ci;
    }
    for (int i = 0; i < n; i++) {
        int j = i;
        for (int k = 0; k < 64 && j >= 0 && v[j].community < 0; k++)
            j = v[j].parent ? org_find(v, n, v[j].parent) : -1;
        v[i].community = j >= 0 ? v[j].community : -1;
    }
    *out = v;
    *nout = n;
    return 0;
}

struct person_row {
    int64_t id;
    int community;
    int kind;
};

static int load_members(struct gen *g, const struct org_link *orgs,
                        int norgs, struct person_row **out, long *nout,
                        zb_err *err)
{
    static const char sql[] =
        "SELECT id, coalesce(org_id, 0), kind, left_kind FROM member"
        " ORDER BY id";
    sqlite3_stmt *st = db_stmt(g->d, sql, err);
    if (!st)
        return -1;
    struct person_row *v = NULL;
    long n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            struct person_row *v2 = realloc(v, (size_t)cap * sizeof *v);
            if (!v2) {
                sqlite3_reset(st);
                free(v);
                return zb_fail(err, "内存不足");
            }
            v = v2;
        }
        struct person_row *p = &v[n++];
        p->id = sqlite3_column_int64(st, 0);
        int i = org_find(orgs, norgs, sqlite3_column_int64(st, 1));
        p->community = i >= 0 ? orgs[i].community : -1;
        p->kind = sqlite3_column_int(st, 2);
        if (p->community >= 0 && sqlite3_column_int(st, 3) == 0 &&
            ids_add(&g->cms[p->community].people, p->id)) {
            sqlite3_reset(st);
            free(v);
            return zb_fail(err, "内存不足");
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(v);
        return db_fail(g->d, err, "读取党员");
    }
    *out = v;
    *nout = n;
    return 0;
}

/* ---- links ---- */

/* The community's 网格党支部, in order, onto its grids in order. */
static int link_orgs(struct gen *g, zb_err *err)
{
    static const char branches[] =
        "SELECT id FROM org WHERE parent_id = ?1 AND kind = '网格党支部'"
        " ORDER BY sort, id";
    static const char link[] = "UPDATE org SET grid_id = ?2 WHERE id = ?1";
    for (int ci = 0; ci < g->ncms; ci++) {
        struct community *c = &g->cms[ci];
        struct ids b = {NULL, 0, 0};
        sqlite3_stmt *st = db_stmt(g->d, branches, err);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, c->org_id);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            if (ids_add(&b, sqlite3_column_int64(st, 0)))
                break;
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            free(b.v);
            return rc == SQLITE_ROW ? zb_fail(err, "内存不足")
                                    : db_fail(g->d, err, "读取网格党支部");
        }
        for (int k = 0; k < b.n && k < c->grids.n && rc == SQLITE_DONE;
             k++) {
            if (!(st = db_stmt(g->d, link, err))) {
                free(b.v);
                return -1;
            }
            sqlite3_bind_int64(st, 1, b.v[k]);
            sqlite3_bind_int64(st, 2, c->grids.v[k]);
            rc = sqlite3_step(st);
            sqlite3_reset(st);
        }
        free(b.v);
        if (rc != SQLITE_DONE)
            return db_fail(g->d, err, "关联网格党支部");
    }
    return 0;
}

static int residences(struct gen *g, const struct person_row *v, long n,
                      zb_err *err)
{
    static const char sql[] =
        "UPDATE member SET residence_id = ?2 WHERE id = ?1";
    for (long i = 0; i < n; i++) {
        int ci = v[i].community;
        if (ci < 0 || (v[i].kind == KIND_EMPLOYED && chance(&g->r, 250)))
            ci = below(&g->r, g->ncms);
        const struct ids *h = &g->cms[ci].homes;
        if (h->n == 0)
            continue;
        sqlite3_stmt *st = db_stmt(g->d, sql, err);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, v[i].id);
        sqlite3_bind_int64(st, 2, h->v[below(&g->r, h->n)]);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return db_fail(g->d, err, "登记演示党员的居住网格");
    }
    return 0;
}

int demo_grids(db *d, uint64_t seed, zb_err *err)
{
    struct gen g;
    memset(&g, 0, sizeof g);
    g.d = d;
    g.r.s = seed * 0xD1B54A32D192ED03ULL + 7;
    char today[11], day[11];
    rules_today(today);
    g.today = rules_day_from_civil(atoi(today), atoi(today + 5),
                                   atoi(today + 8));
    rules_day_format(g.today - 30, day);
    snprintf(g.now, sizeof g.now, "%s 09:00:00", day);

    struct org_link *orgs = NULL;
    struct person_row *people = NULL;
    int norgs = 0, rc = -1;
    long npeople = 0;
    if (db_begin(d, err))
        return -1;
    if (load_communities(&g, err) || load_orgs(&g, &orgs, &norgs, err) ||
        load_members(&g, orgs, norgs, &people, &npeople, err))
        goto done;
    for (int ci = 0; ci < g.ncms; ci++)
        if (community(&g, ci, err))
            goto done;
    if (link_orgs(&g, err) || (g.ncms && residences(&g, people, npeople,
                                                    err)))
        goto done;
    rc = db_commit(d, err);
done:
    if (rc)
        db_rollback(d);
    for (int ci = 0; ci < g.ncms; ci++) {
        free(g.cms[ci].homes.v);
        free(g.cms[ci].grids.v);
        free(g.cms[ci].people.v);
    }
    free(g.cms);
    free(orgs);
    free(people);
    return rc;
}
