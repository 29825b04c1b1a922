/* Demo pairing assistance: households in need on the members' grid
 * nodes, pairs made by the assistant's own rules, visits of the last
 * twelve months. See demo_pairs.h. Names come from demo_name (never
 * real people). */
#include "model/demo_pairs.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/demo.h"
#include "model/household.h"
#include "model/household_int.h"
#include "model/pair.h"
#include "rules.h"
#include "rules_pair.h"

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

#define N(a) ((int)(sizeof a / sizeof a[0]))

/* kind -> weight of being a household's first kind (困难党员 apart) */
static const int kind_weight[HH_KIND_N] = {26, 8, 0, 20, 12, 8, 6, 12, 8};
static const char *const needs_pool[HH_KIND_N] = {
    "家庭收入低，需协助办理低保年审", "无劳动能力，生活不能自理",
    "年老体弱，行动不便，需定期看望", "独居，子女在外地，需定期探望",
    "肢体残疾，出行困难，需要辅具", "单亲抚养子女，经济压力大",
    "父母外出务工，由祖辈照看，需课业辅导", "下岗失业，希望找到合适工作",
    "因病致贫，医疗支出大",
};
static const char *const plans[] = {
    "每月走访一次，协助申请临时救助", "节日慰问，联系医院上门体检",
    "推荐就业岗位，参加技能培训", "结对党员每周电话问候，帮办实事",
    "协调志愿者辅导功课，联系学校减免费用",
    "一户一策：医疗、就业、助学三项并举",
};
static const char *const reasons[] = {"已脱困", "迁出本社区", "去世"};
static const char *const units[] = {
    "区民政局", "区人社局", "市供电公司", "区卫生健康局", "区税务局",
    "市自来水公司", "区教育局", "城投建设集团",
};
static const char *const posts[] = {"科长", "副科长", "干部", "主任",
                                    "副局长"};
static const char *const done_pool[VISIT_KIND_N] = {
    "", "上门看望，了解近况", "送去慰问金和慰问品",
    "代办医保报销手续", "推荐社区公益岗位", "陪同就医复查",
    "送去学习用品，辅导功课", "帮助修理水电",
};
static const char *const goods_pool[] = {
    "米、面、油", "棉被两床", "牛奶、鸡蛋", "冬衣一套", "学习用品",
};
static const char *const followups[] = {
    "协助办理医保报销", "联系残联申请轮椅", "跟进低保年审材料",
    "落实临时救助金", "联系学校减免午餐费", "安排上门体检",
};

struct dmember {
    int64_t id, residence;
    uint64_t home_key;
    int kind, birth_year;
    bool eligible, linked;
};

struct dctx {
    db *d;
    struct rng r;
    uint64_t names;          /* demo_name / demo_phone state */
    long today;
    struct gmap g;
    struct dmember *m;
    size_t nm;
};

static void day_text(long z, char out[11])
{
    rules_day_format(z, out);
}

static long day_of(const char *s)
{
    return rules_day_from_civil(atoi(s), atoi(s + 5), atoi(s + 8));
}

static int load_members(struct dctx *c, zb_err *err)
{
    static const char sql[] =
        "SELECT id, coalesce(residence_id, 0), address, kind, left_kind,"
        " lost, party_status, birth_date FROM member ORDER BY id";
    sqlite3_stmt *st = db_stmt(c->d, sql, err);
    if (!st)
        return -1;
    size_t cap = 0;
    int rc;
    char addr[512], birth[11];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (c->nm == cap) {
            size_t nc = cap ? cap * 2 : 1024;
            struct dmember *v = realloc(c->m, nc * sizeof *v);
            if (!v) {
                rc = SQLITE_NOMEM;
                break;
            }
            c->m = v;
            cap = nc;
        }
        struct dmember *x = &c->m[c->nm++];
        memset(x, 0, sizeof *x);
        x->id = sqlite3_column_int64(st, 0);
        x->residence = sqlite3_column_int64(st, 1);
        db_text(st, 2, addr, sizeof addr);
        x->home_key = rules_pair_home_key(addr);
        x->kind = sqlite3_column_int(st, 3);
        x->eligible = sqlite3_column_int(st, 4) == 0 &&
                      sqlite3_column_int(st, 5) == 0 &&
                      sqlite3_column_int(st, 6) == PARTY_STATUS_NORMAL;
        db_text(st, 7, birth, sizeof birth);
        x->birth_year = birth[0] ? atoi(birth) : 1980;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return rc == SQLITE_NOMEM ? zb_fail(err, "内存不足")
                                  : db_fail(c->d, err, "读取党员");
    return 0;
}

/* "东湖社区 3号楼2单元 502室" for a node (or just the room). */
static void make_address(struct dctx *c, int64_t node, char *out,
                         size_t outsz)
{
    const struct gnode *x = node ? hh_gfind(&c->g, node) : NULL;
    int room = between(&c->r, 1, 18) * 100 + between(&c->r, 1, 4);
    if (!x) {
        snprintf(out, outsz, "幸福里 %d室", room);
        return;
    }
    const struct gnode *up =
        x->level == 5 && x->parent ? hh_gfind(&c->g, x->parent) : NULL;
    snprintf(out, outsz, "%s %s%s %d室",
             hh_node_name(&c->g, x->place.community), up ? up->name : "",
             x->name, room);
}

static int member_text(db *d, int64_t id, char *name, size_t nsz,
                       char *addr, size_t asz, zb_err *err)
{
    static const char sql[] = "SELECT name, address FROM member WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        db_text(st, 0, name, nsz);
        db_text(st, 1, addr, asz);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "读取党员");
}

/* A 困难党员: an older community member, eligible, not linked yet. */
static struct dmember *pick_party(struct dctx *c)
{
    size_t start = (size_t)below(&c->r, (int)c->nm);
    for (size_t k = 0; k < c->nm && k < 5000; k++) {
        struct dmember *x = &c->m[(start + k) % c->nm];
        if (x->eligible && !x->linked && x->kind == KIND_COMMUNITY &&
            x->birth_year < 1958)
            return x;
    }
    return NULL;
}

struct dhh {
    int64_t id;
    int level;
    unsigned kinds;
    long registered, closed;      /* closed 0 = open */
    struct rp_household rp;
};

static int insert_household(struct dctx *c, struct dhh *h, household *x,
                            zb_err *err)
{
    static const char sql[] =
        "INSERT INTO household (name, sort_py, search, kinds, level, status,"
        " grid_id, member_id, size, phone, address, needs, plan, registered,"
        " closed, close_reason, created_at, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16, ?17, ?17, 'demo')";
    char search[1024], sort_py[512], when[20];
    hh_keys(x->name, x->phone, search, sizeof search, sort_py,
            sizeof sort_py);
    snprintf(when, sizeof when, "%s 09:00:00", x->registered);
    sqlite3_stmt *st = db_stmt(c->d, sql, err);
    if (!st)
        return -1;
    const char *text[] = {x->name, sort_py, search};
    for (int i = 0; i < 3; i++)
        sqlite3_bind_text(st, 1 + i, text[i], -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, (int)x->kinds);
    sqlite3_bind_int(st, 5, x->level);
    sqlite3_bind_int(st, 6, x->status);
    if (x->grid_id)
        sqlite3_bind_int64(st, 7, x->grid_id);
    if (x->member_id)
        sqlite3_bind_int64(st, 8, x->member_id);
    sqlite3_bind_int(st, 9, x->size);
    const char *more[] = {x->phone, x->address, x->needs, x->plan,
                          x->registered, x->closed, x->close_reason, when};
    for (int i = 0; i < 8; i++)
        sqlite3_bind_text(st, 10 + i, more[i], -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(c->d, err, "写入演示帮扶对象");
    h->id = sqlite3_last_insert_rowid(db_handle(c->d));
    h->rp.id = h->id;
    return 0;
}

static int make_household(struct dctx *c, struct dhh *h, zb_err *err)
{
    household x;
    household_init(&x);
    memset(h, 0, sizeof *h);
    struct dmember *party = chance(&c->r, 90) ? pick_party(c) : NULL;
    char maddr[HH_ADDRESS_CHARS * 4 + 1] = "";
    if (party) {
        party->linked = true;
        x.kinds = HH_KIND_BIT(HK_PARTY);
        x.member_id = party->id;
        x.grid_id = party->residence;
        if (member_text(c->d, party->id, x.name, sizeof x.name, maddr,
                        sizeof maddr, err))
            return -1;
        h->rp.member_id = party->id;
        h->rp.home_key[1] = party->home_key;
    } else {
        int total = 0;
        for (int k = 0; k < HH_KIND_N; k++)
            total += kind_weight[k];
        int w = below(&c->r, total), k = 0;
        while (w >= kind_weight[k])
            w -= kind_weight[k++];
        x.kinds = HH_KIND_BIT(k);
        demo_name(&c->names, x.name, sizeof x.name);
        x.grid_id = c->nm ? c->m[below(&c->r, (int)c->nm)].residence : 0;
    }
    if (chance(&c->r, 300)) {
        int k2 = below(&c->r, HH_KIND_N);
        if (k2 != HK_PARTY)
            x.kinds |= HH_KIND_BIT(k2);
    }
    x.level = chance(&c->r, 150) ? 3 : chance(&c->r, 350) ? 2 : 1;
    x.size = (x.kinds & HH_KIND_BIT(HK_ELDERLY)) ? between(&c->r, 1, 2)
                                                   : between(&c->r, 1, 5);
    if (chance(&c->r, 850))
        demo_phone(&c->names, x.phone, sizeof x.phone);
    if (maddr[0])
        snprintf(x.address, sizeof x.address, "%s", maddr);
    else
        make_address(c, x.grid_id, x.address, sizeof x.address);
    for (int k = 0; k < HH_KIND_N; k++)
        if (x.kinds & HH_KIND_BIT(k)) {
            snprintf(x.needs, sizeof x.needs, "%s", needs_pool[k]);
            break;
        }
    snprintf(x.plan, sizeof x.plan, "%s", plans[below(&c->r, N(plans))]);
    h->registered = c->today - between(&c->r, 20, 900);
    day_text(h->registered, x.registered);
    if (chance(&c->r, 50) && c->today - h->registered > 60) {
        h->closed = h->registered + between(&c->r, 30,
                                            (int)(c->today - h->registered));
        x.status = HH_CLOSED;
        day_text(h->closed, x.closed);
        snprintf(x.close_reason, sizeof x.close_reason, "%s",
                 reasons[below(&c->r, N(reasons))]);
    }
    h->level = x.level;
    h->kinds = x.kinds;
    h->rp.level = x.level;
    h->rp.place = hh_place_of(&c->g, x.grid_id);
    h->rp.home_key[0] = rules_pair_home_key(x.address);
    return insert_household(c, h, &x, err);
}

static int insert_pair(struct dctx *c, const struct dhh *h, int64_t member,
                       long start, int64_t *id, zb_err *err)
{
    static const char sql[] =
        "INSERT INTO pair (household_id, member_id, partner_name,"
        " partner_unit, partner_post, partner_phone, start_date, end_date,"
        " goal, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'demo')";
    char name[64] = "", phone[32] = "", s[11], e[11] = "", when[20];
    const char *unit = "", *post = "";
    if (!member) {
        demo_name(&c->names, name, sizeof name);
        demo_phone(&c->names, phone, sizeof phone);
        unit = units[below(&c->r, N(units))];
        post = posts[below(&c->r, N(posts))];
    }
    day_text(start, s);
    if (h->closed)
        day_text(h->closed, e);
    snprintf(when, sizeof when, "%s 10:00:00", s);
    sqlite3_stmt *st = db_stmt(c->d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, h->id);
    if (member)
        sqlite3_bind_int64(st, 2, member);
    const char *text[] = {name, unit, post, phone, s, e,
                          h->level == 3 ? "稳定基本生活，解决就医难题"
                                        : "每季度至少走访一次",
                          when};
    for (int i = 0; i < 8; i++)
        sqlite3_bind_text(st, 3 + i, text[i], -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(c->d, err, "写入演示结对");
    *id = sqlite3_last_insert_rowid(db_handle(c->d));
    return 0;
}

static int pick_kind(struct dctx *c, unsigned kinds, long day)
{
    int y, m, d;
    rules_civil_from_day(day, &y, &m, &d);
    if ((m <= 2 || m == 7) && chance(&c->r, 500))
        return VK_CONDOLENCE;       /* 春节、七一 */
    if ((kinds & HH_KIND_BIT(HK_UNEMPLOYED)) && chance(&c->r, 300))
        return VK_EMPLOYMENT;
    if ((kinds & (HH_KIND_BIT(HK_LEFT_BEHIND) |
                  HH_KIND_BIT(HK_SINGLE_PARENT))) && chance(&c->r, 250))
        return VK_EDUCATION;
    static const int w[] = {0, 45, 20, 15, 0, 10, 0, 10};
    int x = below(&c->r, 100), k = 1;
    while (k < VISIT_KIND_N - 1 && x >= w[k])
        x -= w[k++];
    return k;
}

static int insert_visit(struct dctx *c, const struct dhh *h, int64_t pair_id,
                        long day, zb_err *err)
{
    static const char sql[] =
        "INSERT INTO visit (pair_id, household_id, date, kind, done,"
        " cash_fen, goods, goods_fen, jobs, followup, followup_due,"
        " followup_done, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " 'demo')";
    int kind = pick_kind(c, h->kinds, day);
    int64_t cash = 0, goods_fen = 0;
    int jobs = 0;
    const char *goods = "", *fu = "";
    char date[11], due[11] = "", done[11] = "", when[20];
    day_text(day, date);
    if (kind == VK_CONDOLENCE) {
        cash = (int64_t)between(&c->r, 4, 20) * 5000;   /* 200..1000 元 */
        if (chance(&c->r, 600)) {
            goods = goods_pool[below(&c->r, N(goods_pool))];
            goods_fen = (int64_t)between(&c->r, 100, 400) * 100 +
                        (chance(&c->r, 200) ? 50 : 0);
        }
    } else if (kind == VK_EMPLOYMENT) {
        jobs = chance(&c->r, 400);
    }
    if (chance(&c->r, 200)) {
        fu = followups[below(&c->r, N(followups))];
        long z = day + between(&c->r, 7, 30);
        day_text(z, due);
        if (z < c->today - 3 && chance(&c->r, 650))
            day_text(z - below(&c->r, (int)(z - day)), done);
    }
    snprintf(when, sizeof when, "%s 18:00:00", date);
    sqlite3_stmt *st = db_stmt(c->d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, pair_id);
    sqlite3_bind_int64(st, 2, h->id);
    sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, kind);
    sqlite3_bind_text(st, 5, done_pool[kind], -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, cash);
    sqlite3_bind_text(st, 7, goods, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 8, goods_fen);
    sqlite3_bind_int(st, 9, jobs);
    const char *text[] = {fu, due, done, when};
    for (int i = 0; i < 4; i++)
        sqlite3_bind_text(st, 10 + i, text[i], -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(c->d, err, "写入演示走访");
}

/* Visits of one pair over the last year; `stop` > 0: none after it (an
 * overdue household). */
static int visits(struct dctx *c, const struct dhh *h, int64_t pair_id,
                  long start, long stop, bool partner, long *count,
                  zb_err *err)
{
    long end = h->closed ? h->closed : c->today;
    if (stop && stop < end)
        end = stop;
    long from = start > c->today - 365 ? start : c->today - 365;
    int lo = partner ? 90 : h->level == 3 ? 20 : h->level == 2 ? 30 : 45;
    int hi = partner ? 150 : h->level == 3 ? 40 : h->level == 2 ? 60 : 80;
    for (long day = from + between(&c->r, 3, lo); day <= end;
         day += between(&c->r, lo, hi)) {
        if (insert_visit(c, h, pair_id, day, err))
            return -1;
        (*count)++;
    }
    return 0;
}

static int helpers_of(struct dctx *c, struct rp_helper **out, size_t *n)
{
    *out = malloc((c->nm ? c->nm : 1) * sizeof **out);
    if (!*out)
        return -1;
    *n = 0;
    for (size_t i = 0; i < c->nm; i++) {
        const struct dmember *x = &c->m[i];
        struct rp_helper *h = &(*out)[(*n)++];
        memset(h, 0, sizeof *h);
        h->member_id = x->id;
        h->place = hh_place_of(&c->g, x->residence);
        h->home_key = x->home_key;
        h->left = !x->eligible;
        h->in_need = x->linked;
    }
    return 0;
}

int demo_pairs(db *d, uint64_t seed, struct demo_pair_counts *out,
               zb_err *err)
{
    struct dctx c = {d, {seed * 0x2545F4914F6CDD1DULL + 7}, seed ^ 0x5A17,
                     0, {NULL, 0}, NULL, 0};
    char today[11];
    c.today = day_of(rules_today(today));
    struct demo_pair_counts n = {0, 0, 0};
    struct dhh *hh = NULL;
    struct rp_helper *helpers = NULL;
    struct rp_suggestion *sug = NULL;
    struct rp_household *want = NULL;
    int rc = -1;
    if (hh_gmap_load(d, &c.g, err) || load_members(&c, err))
        goto done;
    long nh = ((long)c.nm * 3 + 99) / 100;
    hh = calloc((size_t)(nh ? nh : 1), sizeof *hh);
    want = malloc((size_t)(nh ? nh : 1) * sizeof *want);
    sug = malloc((size_t)(nh ? nh : 1) * sizeof *sug);
    if (!hh || !want || !sug) {
        zb_fail(err, "内存不足");
        goto done;
    }
    for (long i = 0; i < nh; i++)
        if (make_household(&c, &hh[i], err))
            goto done;
    n.households = nh;
    /* most are paired, by the assistant's own rules */
    size_t nw = 0;
    for (long i = 0; i < nh; i++)
        if (hh[i].closed || chance(&c.r, 820))
            want[nw++] = hh[i].rp;
    size_t nhelpers;
    if (helpers_of(&c, &helpers, &nhelpers)) {
        zb_fail(err, "内存不足");
        goto done;
    }
    struct rp_opts o;
    rules_pair_opts_default(&o);
    if (rules_pair_suggest(want, nw, helpers, nhelpers, &o, sug)) {
        zb_fail(err, "内存不足");
        goto done;
    }
    for (size_t k = 0, i = 0; k < nw; k++) {
        while (hh[i].id != want[k].id)
            i++;
        struct dhh *h = &hh[i];
        long last = h->closed ? h->closed : c.today - 1;
        long start = h->registered + between(&c.r, 0, 20);
        if (start > last)
            start = last;
        bool overdue = !h->closed && chance(&c.r, 150);
        long stop = overdue ? c.today - between(&c.r, 100, 200) : 0;
        int64_t pid;
        if (sug[k].member_id) {
            if (insert_pair(&c, h, sug[k].member_id, start, &pid, err) ||
                visits(&c, h, pid, start, stop, false, &n.visits, err))
                goto done;
            n.pairs++;
        }
        if (!sug[k].member_id || chance(&c.r, 100)) {
            if (insert_pair(&c, h, 0, start, &pid, err) ||
                visits(&c, h, pid, start, stop, true, &n.visits, err))
                goto done;
            n.pairs++;
        }
    }
    if (db_exec(d, "UPDATE household SET last_visit = coalesce((SELECT"
                   " max(date) FROM visit WHERE visit.household_id ="
                   " household.id), '')", err))
        goto done;
    if (out)
        *out = n;
    rc = 0;
done:
    free(c.g.n);
    free(c.m);
    free(hh);
    free(want);
    free(sug);
    free(helpers);
    return rc;
}
