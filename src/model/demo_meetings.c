/* Demo meetings: invented topics and places, rolls computed in memory
 * (the rule of attendance_prepare) and written with two prepared
 * statements, so that a district of a million attendance rows takes
 * seconds. */
#include "model/demo_meetings.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/attendance.h"
#include "model/meeting.h"
#include "model/org.h"
#include "rules.h"

#define N(a) ((int)(sizeof a / sizeof a[0]))

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

/* ---- dates (days since 1970-01-01) ---- */

static long parse_day(const char *s)
{
    if (!rules_date_valid(s))
        return 0;
    return rules_day_from_civil(atoi(s), atoi(s + 5), atoi(s + 8));
}

static int month_len(int y, int m)
{
    return (int)(rules_day_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1,
                                 1) - rules_day_from_civil(y, m, 1));
}

/* ---- invented content ---- */

static const char *const topics_theme[] = {
    "重温入党誓词", "学习党章党规", "社区环境整治志愿服务",
    "走访慰问困难党员和老党员", "垃圾分类宣传志愿服务",
    "参观红色教育基地", "文明城市创建志愿服务", "防汛防火安全宣传",
    "关爱空巢老人上门服务", "学习身边榜样先进事迹", "党员认领微心愿",
    "楼道清理和小广告整治",
};
static const char *const topics_committee[] = {
    "研究本月支部工作安排", "研究发展党员工作", "讨论党费收缴情况",
    "研究困难党员帮扶措施", "研究网格民情问题办理", "部署主题党日活动",
    "研究流动党员联系工作", "讨论年度工作总结提纲",
};
static const char *const topics_general[] = {
    "通报支部季度工作", "讨论接收预备党员", "讨论预备党员转正",
    "学习传达上级会议精神", "推荐优秀共产党员", "通报党费收缴使用情况",
};
static const char *const topics_lesson[] = {
    "党的光辉历程", "新时代党员的责任与担当", "党章是党的根本大法",
    "基层治理中的党员作用", "全心全意为人民服务", "严守党的纪律和规矩",
    "红色家风代代传",
};
static const char *const topics_group[] = {
    "学习交流和民情收集", "楼栋党员联系群众情况交流",
    "学习近期重要文章", "网格巡查情况通报", "党员责任区工作交流",
};
static const char *const places[] = {
    "社区党群服务中心会议室", "社区党员活动室", "网格党群服务站",
    "新时代文明实践站", "小区物业会议室", "社区党群服务中心二楼",
};
static const char *const leave_reasons[] = {
    "外出", "生病", "工作冲突", "照顾家人", "出差", "住院治疗",
    "外出务工",
};
static const char *const guest_names[] = {
    "周立新", "郑晓燕", "陈建华", "刘春梅", "王国强",
};

/* ---- data in memory ---- */

struct dm_member {
    int64_t id;
    int64_t org_id;
    long join, full, left;   /* days; join 0 = unknown (always expected) */
    int category;
    bool left_set, suspended;
    int kind;                /* behaviour */
    long fade;               /* behaviour FADED: absent from this day */
    long last;               /* last attended, 0 = never */
    char name[MEMBER_NAME_CHARS * 4 + 1];
};

enum { B_NORMAL, B_MOBILE, B_NEVER, B_FADED };

struct dm_post {             /* a committee term: member, days */
    int member;
    long from, to;            /* 0 = open */
};

struct dm_org {
    int64_t id;
    int depth;
    bool branch, group;
    int lax;                  /* permille of meetings skipped */
    int *members;             /* indexes into the member array */
    int nmembers, cap;
    int *expected;            /* own (党小组) or whole subtree */
    int nexpected;
    struct dm_post *posts;    /* committee terms (支部委员会 rolls) */
    int nposts, posts_cap;
};

struct gen {
    db *d;
    struct rng r;
    long today;
    char user[64];
    struct dm_member *m;
    int nm;
    struct dm_org *o;
    int no;
    sqlite3_stmt *ins_meeting, *ins_row;
    struct demo_meeting_counts counts;
};

static bool is_branch_kind(const char *kind)
{
    static const char *const k[] = {"社区党委", "社区党总支", "社区党支部",
                                    "网格党支部", "小区党支部", "功能型党支部"};
    for (int i = 0; i < N(k); i++)
        if (strcmp(kind, k[i]) == 0)
            return true;
    return false;
}

struct idmap {
    int64_t id;
    int idx;
};

static int cmp_idmap(const void *a, const void *b)
{
    const struct idmap *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static int push(int **v, int *n, int *cap, int x)
{
    if (*n == *cap) {
        int c = *cap ? *cap * 2 : 16;
        int *w = realloc(*v, (size_t)c * sizeof *w);
        if (!w)
            return -1;
        *v = w;
        *cap = c;
    }
    (*v)[(*n)++] = x;
    return 0;
}

static int load_orgs(struct gen *g, zb_err *err)
{
    struct org_item *items;
    int n;
    if (org_list(g->d, &items, &n, err))
        return -1;
    g->o = calloc((size_t)n + 1, sizeof *g->o);
    if (!g->o) {
        free(items);
        return zb_fail(err, "内存不足");
    }
    g->no = n;
    for (int i = 0; i < n; i++) {
        struct dm_org *o = &g->o[i];
        o->id = items[i].id;
        o->depth = items[i].depth;
        o->group = strcmp(items[i].kind, "党小组") == 0;
        o->branch = is_branch_kind(items[i].kind);
        int x = below(&g->r, 100);
        o->lax = x < 70 ? 10 : x < 90 ? 80 : 250;
    }
    free(items);
    return 0;
}

static int load_members(struct gen *g, zb_err *err)
{
    static const char sql[] =
        "SELECT id, coalesce(org_id, 0), join_date, full_date, category,"
        " left_kind, left_date, party_status, mobile, lost, name"
        " FROM member ORDER BY id";
    sqlite3_stmt *st = db_stmt(g->d, sql, err);
    if (!st)
        return -1;
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (g->nm == cap) {
            cap = cap ? cap * 2 : 1024;
            struct dm_member *v = realloc(g->m, (size_t)cap * sizeof *v);
            if (!v) {
                sqlite3_reset(st);
                return zb_fail(err, "内存不足");
            }
            g->m = v;
        }
        struct dm_member *m = &g->m[g->nm++];
        char s[11];
        memset(m, 0, sizeof *m);
        m->id = sqlite3_column_int64(st, 0);
        m->org_id = sqlite3_column_int64(st, 1);
        db_text(st, 2, s, sizeof s);
        m->join = parse_day(s);
        db_text(st, 3, s, sizeof s);
        m->full = parse_day(s);
        m->category = sqlite3_column_int(st, 4);
        m->left_set = sqlite3_column_int(st, 5) != 0;
        db_text(st, 6, s, sizeof s);
        m->left = parse_day(s);
        m->suspended = sqlite3_column_int(st, 7) == PARTY_STATUS_SUSPENDED;
        bool mobile = sqlite3_column_int(st, 8) != 0;
        bool lost = sqlite3_column_int(st, 9) != 0;
        db_text(st, 10, m->name, sizeof m->name);
        int x = below(&g->r, 1000);
        m->kind = lost || x < 15 ? B_NEVER : x < 40 ? B_FADED
                : mobile ? B_MOBILE : B_NORMAL;
        if (m->id == 1)
            m->kind = B_NORMAL;       /* 张小军 of the README comes */
        m->fade = g->today - between(&g->r, 100, 240);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(g->d, err, "读取党员");
}

/* Who each organisation's meetings expect: a 党小组 its own members,
 * anything else its whole subtree (o[] is in tree order). */
static int place_members(struct gen *g, zb_err *err)
{
    struct idmap *map = malloc(((size_t)g->no + 1) * sizeof *map);
    if (!map)
        return zb_fail(err, "内存不足");
    for (int i = 0; i < g->no; i++)
        map[i] = (struct idmap){g->o[i].id, i};
    qsort(map, (size_t)g->no, sizeof *map, cmp_idmap);
    int rc = 0;
    for (int k = 0; k < g->nm && !rc; k++) {
        struct idmap key = {g->m[k].org_id, 0};
        struct idmap *f = bsearch(&key, map, (size_t)g->no, sizeof *map,
                                  cmp_idmap);
        if (f) {
            struct dm_org *o = &g->o[f->idx];
            rc = push(&o->members, &o->nmembers, &o->cap, k);
        }
    }
    free(map);
    for (int i = 0; i < g->no && !rc; i++) {
        struct dm_org *o = &g->o[i];
        if (!o->branch && !o->group)
            continue;
        int cap = 0;
        for (int j = i; j < g->no && !rc; j++) {
            if (j > i && (g->o[j].depth <= o->depth || o->group))
                break;
            for (int k = 0; k < g->o[j].nmembers && !rc; k++)
                rc = push(&o->expected, &o->nexpected, &cap,
                          g->o[j].members[k]);
        }
    }
    return rc ? zb_fail(err, "内存不足") : 0;
}

/* The committee terms (书记 … 委员) held by members on the register:
 * a 支部委员会 expects them (the rule of attendance_prepare). */
static int load_posts(struct gen *g, zb_err *err)
{
    static const char sql[] =
        "SELECT org_id, member_id, start_date, end_date FROM org_post"
        " WHERE post BETWEEN 1 AND 6 AND member_id IS NOT NULL";
    struct idmap *map = malloc(((size_t)g->no + 1) * sizeof *map);
    if (!map)
        return zb_fail(err, "内存不足");
    for (int i = 0; i < g->no; i++)
        map[i] = (struct idmap){g->o[i].id, i};
    qsort(map, (size_t)g->no, sizeof *map, cmp_idmap);
    sqlite3_stmt *st = db_stmt(g->d, sql, err);
    if (!st) {
        free(map);
        return -1;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct idmap key = {sqlite3_column_int64(st, 0), 0};
        struct idmap *f = bsearch(&key, map, (size_t)g->no, sizeof *map,
                                  cmp_idmap);
        int64_t mid = sqlite3_column_int64(st, 1);
        int lo = 0, hi = g->nm;     /* g->m is in id order */
        while (lo < hi) {
            int mi = (lo + hi) / 2;
            if (g->m[mi].id < mid)
                lo = mi + 1;
            else
                hi = mi;
        }
        if (!f || lo >= g->nm || g->m[lo].id != mid)
            continue;
        struct dm_org *o = &g->o[f->idx];
        if (o->nposts == o->posts_cap) {
            int c = o->posts_cap ? o->posts_cap * 2 : 8;
            struct dm_post *v = realloc(o->posts, (size_t)c * sizeof *v);
            if (!v) {
                sqlite3_reset(st);
                free(map);
                return zb_fail(err, "内存不足");
            }
            o->posts = v;
            o->posts_cap = c;
        }
        char a[11], b[11];
        db_text(st, 2, a, sizeof a);
        db_text(st, 3, b, sizeof b);
        o->posts[o->nposts++] = (struct dm_post){lo, parse_day(a),
                                                 parse_day(b)};
    }
    sqlite3_reset(st);
    free(map);
    return rc == SQLITE_DONE ? 0 : db_fail(g->d, err, "读取支部委员");
}

/* The members a meeting of kind expects on day, into out (distinct). */
static int roll_of(const struct dm_org *o, int kind, long day, int *out)
{
    int n = 0;
    if (kind == MK_COMMITTEE) {
        for (int i = 0; i < o->nposts; i++) {
            const struct dm_post *p = &o->posts[i];
            if ((p->from && p->from > day) || (p->to && p->to < day))
                continue;
            bool dup = false;
            for (int k = 0; k < n && !dup; k++)
                dup = out[k] == p->member;
            if (!dup)
                out[n++] = p->member;
        }
        if (n > 0)
            return n;
    }
    for (int i = 0; i < o->nexpected; i++)
        out[n++] = o->expected[i];
    return n;
}

/* ---- writing ---- */

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

struct plan {
    int kind;
    long day;
    const char *start, *end;
    const char *topic;
};

/* The state of one expected member at a past meeting. */
static int mark_for(struct gen *g, const struct dm_member *m, long day,
                    const char **reason)
{
    struct rng *r = &g->r;
    int x = below(r, 1000);
    *reason = "";
    int kind = m->kind;
    if (kind == B_FADED && day < m->fade)
        kind = B_NORMAL;
    switch (kind) {
    case B_NEVER:
        if (x < 60) {
            *reason = "外出务工";
            return ATT_LEAVE;
        }
        return ATT_ABSENT;
    case B_FADED:
        if (x < 150) {
            *reason = leave_reasons[below(r, N(leave_reasons))];
            return ATT_LEAVE;
        }
        return ATT_ABSENT;
    case B_MOBILE:
        if (x < 550)
            return ATT_PRESENT;
        if (x < 580)
            return ATT_LATE;
        if (x < 850) {
            *reason = chance(r, 700) ? "外出务工" : "在外地";
            return ATT_LEAVE;
        }
        return ATT_ABSENT;
    default:
        /* with the others above: about 85% 出席, 4% 迟到, 6% 请假, 5%
         * 缺席 over all rows */
        if (x < 910)
            return ATT_PRESENT;
        if (x < 950)
            return ATT_LATE;
        if (x < 990) {
            *reason = leave_reasons[below(r, N(leave_reasons))];
            return ATT_LEAVE;
        }
        return ATT_ABSENT;
    }
}

static bool expected_on(const struct dm_member *m, long day)
{
    return (m->join == 0 || m->join <= day) &&
           (!m->left_set || (m->left != 0 && m->left >= day)) &&
           !m->suspended;
}

static int write_roll(struct gen *g, const struct dm_org *o, int kind,
                      int64_t mid, long day, int *expected, int *present,
                      zb_err *err)
{
    *expected = *present = 0;
    int *who = malloc(((size_t)o->nexpected + (size_t)o->nposts + 1) *
                      sizeof *who);
    if (!who)
        return zb_fail(err, "内存不足");
    int nwho = roll_of(o, kind, day, who);
    char date[11], when[20], makeup[11];
    rules_day_format(day, date);
    snprintf(when, sizeof when, "%s 20:00:00", date);
    bool past = day < g->today;
    sqlite3_stmt *st = g->ins_row;
    *expected = *present = 0;
    for (int i = 0; i < nwho; i++) {
        struct dm_member *m = &g->m[who[i]];
        if (!expected_on(m, day))
            continue;
        const char *reason = "";
        int state = past ? mark_for(g, m, day, &reason) : ATT_NONE;
        makeup[0] = '\0';
        if (state == ATT_LEAVE) {
            /* most 请假 are made up within weeks; recent ones not yet */
            long mk = day + between(&g->r, 3, 25);
            if (mk < g->today &&
                chance(&g->r, day < g->today - 30 ? 995 : 700))
                rules_day_format(mk, makeup);
        }
        if (state == ATT_PRESENT || state == ATT_LATE) {
            (*present)++;
            if (day > m->last)
                m->last = day;
        }
        (*expected)++;
        int cat = m->category == CATEGORY_PROBATION ||
                  (m->full != 0 && m->full > day) ? CATEGORY_PROBATION
                                                 : CATEGORY_FULL;
        sqlite3_bind_int64(st, 1, mid);
        sqlite3_bind_int64(st, 2, m->id);
        sqlite3_bind_int(st, 3, 0);
        sqlite3_bind_int(st, 4, state);
        sqlite3_bind_int(st, 5, cat);
        sqlite3_bind_int64(st, 6, m->org_id);
        sqlite3_bind_text(st, 7, "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 8, reason, -1, SQLITE_STATIC);
        bind_text(st, 9, makeup);
        sqlite3_bind_text(st, 10, state ? g->user : "", -1, SQLITE_STATIC);
        bind_text(st, 11, when);
        sqlite3_bind_text(st, 12, g->user, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            free(who);
            return db_fail(g->d, err, "生成演示考勤");
        }
        g->counts.rows++;
    }
    if (past && chance(&g->r, 30)) {
        sqlite3_bind_int64(st, 1, mid);
        sqlite3_bind_null(st, 2);
        sqlite3_bind_int(st, 3, 1);
        sqlite3_bind_int(st, 4, ATT_GUEST);
        sqlite3_bind_int(st, 5, 0);
        sqlite3_bind_null(st, 6);
        sqlite3_bind_text(st, 7, guest_names[below(&g->r, N(guest_names))],
                          -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 8, "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 9, "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 10, g->user, -1, SQLITE_STATIC);
        bind_text(st, 11, when);
        sqlite3_bind_text(st, 12, g->user, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            free(who);
            return db_fail(g->d, err, "生成演示考勤");
        }
        g->counts.rows++;
    }
    free(who);
    return 0;
}

static int write_meeting(struct gen *g, const struct dm_org *o,
                         const struct plan *p, zb_err *err)
{
    char date[11], when[20], minutes[512];
    rules_day_format(p->day, date);
    snprintf(when, sizeof when, "%s 21:00:00", date);
    const char *host = "", *recorder = "";
    if (o->nexpected > 0)
        host = g->m[o->expected[0]].name;
    if (o->nexpected > 1)
        recorder = g->m[o->expected[1]].name;
    sqlite3_stmt *st = g->ins_meeting;
    sqlite3_bind_int64(st, 1, o->id);
    sqlite3_bind_int(st, 2, p->kind);
    bind_text(st, 3, date);
    sqlite3_bind_text(st, 4, p->start, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, p->end, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, places[below(&g->r, N(places))], -1,
                      SQLITE_STATIC);
    bind_text(st, 7, host);
    bind_text(st, 8, recorder);
    bind_text(st, 9, p->kind == MK_LESSON ? host : "");
    sqlite3_bind_text(st, 10, p->topic, -1, SQLITE_STATIC);
    bind_text(st, 11, when);
    sqlite3_bind_text(st, 12, g->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 13, "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(g->d, err, "生成演示会议");
    int64_t mid = sqlite3_last_insert_rowid(db_handle(g->d));
    g->counts.meetings++;
    int expected, present;
    if (write_roll(g, o, p->kind, mid, p->day, &expected, &present, err))
        return -1;
    if (p->day >= g->today)
        return 0;
    /* minutes of a past meeting */
    static const char upd[] = "UPDATE meeting SET minutes = ?2 WHERE id = ?1";
    snprintf(minutes, sizeof minutes,
             "会议由%s主持，应到 %d 人，实到 %d 人。\n围绕“%s”进行了"
             "学习和讨论，大家结合实际交流了体会。",
             *host ? host : "支部书记", expected, present, p->topic);
    if (!(st = db_stmt(g->d, upd, err)))
        return -1;
    sqlite3_bind_int64(st, 1, mid);
    bind_text(st, 2, minutes);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(g->d, err, "生成演示会议");
}

/* Monday of the week holding the month's last day (seed 002's
 * 主题党日). 1970-01-01 was a Thursday. */
static long last_monday(int y, int m)
{
    long z = rules_day_from_civil(y, m, month_len(y, m));
    return z - (z + 3) % 7;
}

static const char *pick(struct rng *r, const char *const *v, int n)
{
    return v[below(r, n)];
}

/* The meetings one organisation plans in one month. */
static int plan_month(struct gen *g, const struct dm_org *o, int y, int m,
                      struct plan *out)
{
    struct rng *r = &g->r;
    int n = 0, len = month_len(y, m);
    long day1 = rules_day_from_civil(y, m, 1);
    if (o->group) {
        out[n++] = (struct plan){MK_GROUP, day1 + between(r, 11, 19),
                                 "19:00", "20:00",
                                 pick(r, topics_group, N(topics_group))};
        return n;
    }
    bool evening = chance(r, 500);
    out[n++] = (struct plan){MK_COMMITTEE, day1 + between(r, 1, 9),
                             evening ? "19:30" : "15:00",
                             evening ? "21:00" : "16:30",
                             pick(r, topics_committee, N(topics_committee))};
    out[n++] = (struct plan){MK_THEME_DAY, last_monday(y, m), "09:00",
                             "11:00", pick(r, topics_theme,
                                           N(topics_theme))};
    /* one month of each quarter, chosen per organisation and quarter */
    uint64_t h = (uint64_t)o->id * 1000003u + (uint64_t)(y * 4 + (m - 1) / 3);
    int gm = (int)(h % 3), lm = (int)((h / 3) % 3);
    int qm = (m - 1) % 3;
    if (qm == gm)
        out[n++] = (struct plan){MK_GENERAL, day1 + between(r, 9, 24),
                                 "14:30", "16:30",
                                 pick(r, topics_general, N(topics_general))};
    if (qm == lm)
        out[n++] = (struct plan){MK_LESSON, day1 + between(r, 4, len - 4),
                                 "09:30", "11:00",
                                 pick(r, topics_lesson, N(topics_lesson))};
    if (m == 12)
        out[n++] = (struct plan){MK_LIFE, day1 + between(r, 14, 27),
                                 "14:00", "17:00",
                                 "年度组织生活会暨批评与自我批评"};
    if (m == 1)
        out[n++] = (struct plan){MK_APPRAISAL, day1 + between(r, 9, 24),
                                 "14:30", "16:30", "年度民主评议党员"};
    return n;
}

static int run(struct gen *g, int months, zb_err *err)
{
    int ty, tm, td;
    rules_civil_from_day(g->today, &ty, &tm, &td);
    int k0 = ty * 12 + tm - 1 - (months - 1);
    for (int i = 0; i < g->no; i++) {
        const struct dm_org *o = &g->o[i];
        if ((!o->branch && !o->group) || o->nexpected == 0)
            continue;
        for (int k = k0; k <= ty * 12 + tm - 1; k++) {
            struct plan p[8];
            int n = plan_month(g, o, k / 12, k % 12 + 1, p);
            for (int j = 0; j < n; j++) {
                bool future = p[j].day >= g->today;
                /* quarterly and yearly ones are skipped less often */
                int lax = p[j].kind == MK_COMMITTEE ||
                          p[j].kind == MK_THEME_DAY ||
                          p[j].kind == MK_GROUP ? o->lax : o->lax / 2;
                if (!future && chance(&g->r, lax))
                    continue;
                if (write_meeting(g, o, &p[j], err))
                    return -1;
            }
        }
    }
    return 0;
}

/* A 党课 today to mark: in the branch of 张小军 (member 1, the README's
 * example), else the first branch with members. */
static int today_lesson(struct gen *g, zb_err *err)
{
    int64_t want = g->nm > 0 && g->m[0].id == 1 ? g->m[0].org_id : 0;
    int pick = -1;
    for (int i = 0; i < g->no; i++) {
        const struct dm_org *o = &g->o[i];
        if (o->branch && o->nmembers > 0 && (pick < 0 || o->id == want))
            pick = i;
        if (pick >= 0 && g->o[pick].id == want)
            break;
    }
    if (pick < 0)
        return 0;
    struct plan p = {MK_LESSON, g->today, "14:30", "16:00",
                     "学习党章专题党课"};
    return write_meeting(g, &g->o[pick], &p, err);
}

static int write_last(struct gen *g, zb_err *err)
{
    static const char sql[] =
        "UPDATE member SET last_attended = ?2 WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(g->d, sql, err);
    if (!st)
        return -1;
    for (int i = 0; i < g->nm; i++) {
        if (!g->m[i].last)
            continue;
        char day[11];
        rules_day_format(g->m[i].last, day);
        sqlite3_bind_int64(st, 1, g->m[i].id);
        bind_text(st, 2, day);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return db_fail(g->d, err, "更新党员最近参加组织生活日期");
    }
    return 0;
}

int demo_meetings(db *d, int months, uint64_t seed,
                  struct demo_meeting_counts *out, zb_err *err)
{
    static const char ins_meeting[] =
        "INSERT INTO meeting (org_id, kind, date, start_time, end_time,"
        " place, host, recorder, lecturer, topic, updated_at, updated_by,"
        " minutes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
        " ?12, ?13)";
    static const char ins_row[] =
        "INSERT INTO attendance (meeting_id, member_id, guest, state,"
        " category, org_id, name, reason, makeup_date, marked_by,"
        " updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
        " ?9, ?10, ?11, ?12)";
    struct gen g = {.d = d, .r = {seed * 0xD1B54A32D192ED03ULL + 7}};
    char today[11];
    rules_today(today);
    g.today = parse_day(today);
    snprintf(g.user, sizeof g.user, "%s", db_user(d));
    if (out)
        *out = (struct demo_meeting_counts){0, 0};
    if (months <= 0)
        return 0;
    int rc = -1;
    bool big_cache = false;
    int cache = -500;
    if (db_begin(d, err))
        return -1;
    if (load_orgs(&g, err) || load_members(&g, err) ||
        place_members(&g, err) || load_posts(&g, err))
        goto done;
    /* The statements stay prepared for the whole run (db_stmt's cache
     * could evict them between uses: these are used a million times). */
    if (sqlite3_prepare_v2(db_handle(d), ins_meeting, -1, &g.ins_meeting,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db_handle(d), ins_row, -1, &g.ins_row,
                           NULL) != SQLITE_OK) {
        db_fail(d, err, "准备语句");
        goto done;
    }
    /* The roll indexes grow in member order, not in insertion order:
     * with the usual small page cache every row would fetch pages. */
    sqlite3_stmt *cs = db_stmt(d, "PRAGMA cache_size", err);
    if (!cs)
        goto done;
    if (sqlite3_step(cs) == SQLITE_ROW)
        cache = sqlite3_column_int(cs, 0);
    sqlite3_reset(cs);
    if (db_exec(d, "PRAGMA cache_size = -65536", err))
        goto done;
    big_cache = true;
    if (run(&g, months, err) || today_lesson(&g, err) ||
        write_last(&g, err))
        goto done;
    rc = db_commit(d, err);
done:
    if (rc)
        db_rollback(d);
    if (big_cache) {
        char back[64];
        snprintf(back, sizeof back, "PRAGMA cache_size = %d", cache);
        db_exec(d, back, NULL);
    }
    sqlite3_finalize(g.ins_meeting);
    sqlite3_finalize(g.ins_row);
    for (int i = 0; i < g.no; i++) {
        free(g.o[i].members);
        free(g.o[i].expected);
        free(g.o[i].posts);
    }
    free(g.o);
    free(g.m);
    if (!rc && out)
        *out = g.counts;
    return rc;
}
