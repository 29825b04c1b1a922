/* Synthetic demo data: invented organisation names, names drawn from
 * common surnames and name characters, ID numbers made consistent with
 * birth date and gender. Never real people. Deterministic: splitmix64
 * seeded by the caller, and dates relative to rules_today(). */
#include "model/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/demo_grids.h"
#include "model/demo_meetings.h"
#include "model/demo_pairs.h"
#include "model/demo_posts.h"
#include "model/member.h"
#include "model/org.h"
#include "pinyin.h"
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

/* True with probability permille / 1000. */
static bool chance(struct rng *r, int permille)
{
    return below(r, 1000) < permille;
}

#define N(a) ((int)(sizeof a / sizeof a[0]))

struct weighted {
    const char *s;
    int w;
};

static const char *pick_w(struct rng *r, const struct weighted *v, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += v[i].w;
    int x = below(r, total);
    for (int i = 0; i < n; i++)
        if ((x -= v[i].w) < 0)
            return v[i].s;
    return v[n - 1].s;
}

/* Common surnames, roughly by frequency (per 10 000). */
static const struct weighted surnames[] = {
    {"王", 720}, {"李", 720}, {"张", 680}, {"刘", 540}, {"陈", 460},
    {"杨", 320}, {"黄", 230}, {"赵", 220}, {"吴", 200}, {"周", 190},
    {"徐", 150}, {"孙", 150}, {"马", 140}, {"朱", 130}, {"胡", 120},
    {"郭", 110}, {"何", 110}, {"高", 100}, {"林", 100}, {"罗", 90},
    {"郑", 90}, {"梁", 90}, {"谢", 70}, {"宋", 70}, {"唐", 70},
    {"许", 60}, {"韩", 60}, {"冯", 60}, {"邓", 60}, {"曹", 60},
    {"彭", 50}, {"曾", 50}, {"肖", 50}, {"田", 50}, {"董", 50},
    {"袁", 40}, {"潘", 40}, {"于", 40}, {"蒋", 40}, {"蔡", 40},
    {"余", 40}, {"杜", 40}, {"叶", 40}, {"程", 40}, {"苏", 40},
    {"魏", 40}, {"吕", 40}, {"丁", 40}, {"任", 30}, {"沈", 30},
    {"姚", 30}, {"卢", 30}, {"姜", 30}, {"崔", 30}, {"钟", 30},
    {"谭", 30}, {"陆", 30}, {"汪", 30}, {"范", 30}, {"金", 30},
    {"石", 30}, {"廖", 30}, {"贾", 30}, {"夏", 30}, {"韦", 30},
    {"付", 30}, {"方", 30}, {"白", 30}, {"邹", 30}, {"孟", 30},
    {"熊", 30}, {"秦", 30}, {"邱", 30}, {"江", 30}, {"尹", 30},
    {"薛", 20}, {"闫", 20}, {"段", 20}, {"雷", 20}, {"侯", 20},
    {"龙", 20}, {"史", 20}, {"陶", 20}, {"黎", 20}, {"贺", 20},
    {"顾", 20}, {"毛", 20}, {"郝", 20}, {"龚", 20}, {"邵", 20},
    {"万", 20}, {"钱", 20}, {"严", 20}, {"武", 20}, {"戴", 20},
    {"孔", 15}, {"覃", 10}, {"莫", 10}, {"向", 10}, {"汤", 10},
    {"单", 10}, {"区", 5}, {"安", 10}, {"仇", 5}, {"欧阳", 5},
    {"上官", 2}, {"司马", 2},
};

static const char *const male_chars[] = {
    "伟", "强", "军", "磊", "勇", "杰", "涛", "斌", "超", "明", "刚", "平",
    "辉", "鹏", "华", "飞", "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆",
    "旭", "宁", "龙", "林", "建", "国", "文", "志", "海", "东", "峰", "成",
    "庆", "德", "兵", "春", "立", "新", "忠", "卫", "民", "福", "荣", "振",
    "江", "山", "永", "祥", "光", "利", "学", "亮", "博", "晨", "阳", "松",
};
static const char *const female_chars[] = {
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "英", "玲", "燕",
    "萍", "红", "梅", "洁", "琳", "慧", "颖", "雪", "婷", "琴", "云", "莉",
    "兰", "凤", "珍", "玉", "桂", "淑", "佳", "欣", "悦", "怡", "晶", "倩",
    "月", "翠", "丹", "蓉", "薇", "璐", "彤", "岚", "华", "春",
};
static const char *const any_chars[] = {
    "小", "晓", "文", "海", "秋", "家", "子", "思", "雨", "嘉", "新", "永",
};

static const char *const communities[] = {
    "东湖社区", "松林社区", "临江社区", "枫桥社区", "杏园社区", "柳岸社区",
    "桂香社区", "青石社区",
};
static const char *const estates[] = {
    "锦绣", "翠苑", "阳光", "金桂", "丽景", "华庭", "江畔", "和平", "春晖",
    "御景", "兰亭", "新河",
};
static const char *const areas[] = {
    "110105", "310104", "420106", "440106", "510107", "320102", "330106",
    "370102", "430102", "610113", "350203", "120101",
};
static const char *const other_ethnic[] = {
    "回族", "满族", "蒙古族", "壮族", "土家族", "苗族", "朝鲜族", "彝族",
    "藏族",
};
static const char *const employers[] = {
    "市第一人民医院", "市自来水公司", "区税务局", "市第三中学", "区人民法院",
    "江城电力公司", "市公交集团", "区财政局", "市图书馆", "新城小学",
    "区卫生健康局", "市供销合作社", "城投建设集团", "区市场监管局",
    "滨江科技公司", "市中心医院",
};
static const char *const jobs_employed[] = {
    "工程师", "教师", "医生", "护士", "会计", "公务员", "技术员", "销售经理",
    "驾驶员", "律师", "研究员", "行政主管",
};
static const char *const destinations[] = {
    "广东省深圳市", "上海市浦东新区", "浙江省杭州市", "江苏省苏州市",
    "北京市朝阳区", "广东省广州市", "福建省厦门市", "湖北省武汉市",
};
static const char *const mobile_prefixes[] = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
    "150", "151", "152", "153", "155", "156", "157", "158", "159", "166",
    "173", "177", "180", "181", "182", "183", "185", "186", "187", "188",
    "189", "191", "198", "199",
};
static const char *const notes_pool[] = {
    "困难党员", "老党员，行动不便", "双报到党员", "党员中心户", "退役军人",
    "社区志愿者骨干",
};

/* ---- dates (days since 1970-01-01, proleptic Gregorian) ---- */

static long parse_day(const char *s)
{
    return rules_day_from_civil(atoi(s), atoi(s + 5), atoi(s + 8));
}

/* The same day n years later (28 Feb for 29 Feb). */
static long add_years(long z, int n)
{
    int y, m, d;
    rules_civil_from_day(z, &y, &m, &d);
    y += n;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100) || y % 400 == 0))
        d = 28;
    return rules_day_from_civil(y, m, d);
}

/* ---- organisations ---- */

/* 1..99 in Chinese numerals (第一, 第十二, 第三十). */
static void cn_number(int n, char *out, size_t outsz)
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

enum branch_role { ROLE_GRID, ROLE_ESTATE, ROLE_ELDER, ROLE_EMPLOYED };

struct branch {
    int64_t id;
    int role;
    int64_t groups[2];      /* its 党小组 */
    int ngroups;
};

struct community {
    const char *name;
    long members;
    int64_t id;
    struct branch *branches;
    int nbranches;
};

static int add_groups(db *d, struct rng *r, struct branch *b, zb_err *err)
{
    int n = below(r, 3);        /* 0-2 party groups */
    for (int i = 1; i <= n; i++) {
        char num[32], name[64];
        cn_number(i, num, sizeof num);
        snprintf(name, sizeof name, "第%s党小组", num);
        if (org_add(d, b->id, name, "党小组", &b->groups[b->ngroups++],
                    err))
            return -1;
    }
    return 0;
}

static int build_community(db *d, struct rng *r, int64_t street,
                           struct community *c, zb_err *err)
{
    char name[128];
    const char *kind = c->members > 300 ? "社区党委"
                     : c->members > 50 ? "社区党总支" : "社区党支部";
    snprintf(name, sizeof name, "%s%s", c->name,
             c->members > 300 ? "党委" : c->members > 50 ? "党总支"
                                                         : "党支部");
    if (org_add(d, street, name, kind, &c->id, err))
        return -1;
    int nb = c->members > 50 ? (int)((c->members + 25) / 50) : 0;
    c->branches = calloc((size_t)(nb > 0 ? nb : 1), sizeof *c->branches);
    if (!c->branches)
        return zb_fail(err, "内存不足");
    if (nb == 0) {
        /* a small community: its members are in the community branch */
        c->branches[0] = (struct branch){c->id, ROLE_GRID, {0, 0}, 0};
        c->nbranches = 1;
        return add_groups(d, r, &c->branches[0], err);
    }
    int grid = 0, estate = 0;
    for (int i = 0; i < nb; i++) {
        struct branch *b = &c->branches[i];
        char num[32];
        /* named after the community, as offices do: the member list
         * shows the branch name alone */
        if (i == 0 && nb >= 3) {
            b->role = ROLE_ELDER;
            snprintf(name, sizeof name, "%s老党员党支部", c->name);
        } else if (i == 1 && nb >= 4) {
            b->role = ROLE_EMPLOYED;
            snprintf(name, sizeof name, "%s在职党员党支部", c->name);
        } else if (i % 4 == 3) {
            b->role = ROLE_ESTATE;
            if (estate < N(estates))
                snprintf(name, sizeof name, "%s%s小区党支部", c->name,
                         estates[estate]);
            else
                snprintf(name, sizeof name, "%s%s%d期小区党支部", c->name,
                         estates[estate % N(estates)],
                         estate / N(estates) + 1);
            estate++;
        } else {
            b->role = ROLE_GRID;
            cn_number(++grid, num, sizeof num);
            snprintf(name, sizeof name, "%s第%s网格党支部", c->name, num);
        }
        const char *bkind = b->role == ROLE_ESTATE ? "小区党支部"
                          : b->role == ROLE_GRID ? "网格党支部"
                                                 : "功能型党支部";
        if (org_add(d, c->id, name, bkind, &b->id, err) ||
            add_groups(d, r, b, err))
            return -1;
    }
    c->nbranches = nb;
    return 0;
}

/* ---- members ---- */

struct idset {              /* open addressing, keys are 17-digit IDs */
    uint64_t *v;
    size_t cap;
};

static bool idset_add(struct idset *s, uint64_t key)
{
    size_t i = (size_t)(key * 0x9E3779B97F4A7C15ULL) & (s->cap - 1);
    while (s->v[i]) {
        if (s->v[i] == key)
            return false;
        i = (i + 1) & (s->cap - 1);
    }
    s->v[i] = key;
    return true;
}

/* Names the generator could make that occur in the source documents the
 * project came from (mostly parts of ordinary words, some real people):
 * demo data must never carry them. Sorted for bsearch. */
static const char *const seed_names[] = {
    "于新", "任杰", "刘新", "刘新兵", "区健", "区利", "区卫", "区学", "区家",
    "区建", "区建立", "区志", "区怡", "区成", "区成立", "区文", "区文明",
    "区新", "区民", "单兵", "向国", "吴凤", "吴凤兰", "张小", "张立",
    "张立平", "徐超", "李宁", "李忠", "李振", "李振强", "江华", "王莉",
    "范文", "袁秀", "袁秀英", "金松", "高学", "高文",
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool seed_name(const char *name)
{
    return bsearch(&name, seed_names, N(seed_names), sizeof seed_names[0],
                   cmp_str) != NULL;
}

static void make_name(struct rng *r, int gender, char *out, size_t outsz)
{
    const char *sur = pick_w(r, surnames, N(surnames));
    const char *const *pool = gender == GENDER_MALE ? male_chars
                                                    : female_chars;
    int npool = gender == GENDER_MALE ? N(male_chars) : N(female_chars);
    const char *a = chance(r, 150) ? any_chars[below(r, N(any_chars))]
                                   : pool[below(r, npool)];
    bool single = chance(r, 300);
    int b = single ? 0 : below(r, npool);
    /* a blocked name takes the next given-name character: no extra random
     * draws, so every other member stays as it was */
    for (int k = 0; k <= npool; k++) {
        if (single)
            snprintf(out, outsz, "%s%s", sur, a);
        else
            snprintf(out, outsz, "%s%s%s", sur, a, pool[(b + k) % npool]);
        if (!seed_name(out))
            return;
        if (single) {
            single = false;   /* 李宁 -> 李宁X */
            k = -1;
        }
    }
}

static const char *education_for(struct rng *r, int birth_year)
{
    /* indexes into domain_education: 1 研究生 .. 7 小学及以下 */
    static const int old[] = {7, 7, 7, 6, 6, 6, 6, 5, 5, 4, 3};
    static const int mid[] = {6, 6, 5, 5, 5, 4, 4, 3, 3, 2, 2};
    static const int gen[] = {5, 4, 3, 3, 3, 2, 2, 2, 2, 1};
    static const int young[] = {3, 3, 2, 2, 2, 2, 2, 2, 1, 1};
    const int *v;
    int n;
    if (birth_year < 1950) { v = old; n = N(old); }
    else if (birth_year < 1970) { v = mid; n = N(mid); }
    else if (birth_year < 1985) { v = gen; n = N(gen); }
    else { v = young; n = N(young); }
    size_t i = (size_t)v[below(r, n)];
    return i < domain_education_n ? domain_education[i] : "";
}

struct ctx {
    db *d;
    struct rng r;
    struct rng gr;          /* 党小组 placement: apart, so that the
                               members themselves stay as they were */
    long today;
    char today_s[11];
    struct idset ids;
};

static void make_idnum(struct ctx *c, long birth, int gender, char out[19])
{
    char b[11];
    rules_day_format(birth, b);
    for (;;) {
        int seq = below(&c->r, 500) * 2 + (gender == GENDER_MALE);
        char first[18];
        snprintf(first, sizeof first, "%s%.4s%.2s%.2s%03d",
                 areas[below(&c->r, N(areas))], b, b + 5, b + 8, seq);
        if (idset_add(&c->ids, strtoull(first, NULL, 10))) {
            snprintf(out, 19, "%s%c", first, rules_idnum_checkchar(first));
            return;
        }
    }
}

static void make_phone(struct ctx *c, char *out, size_t outsz)
{
    if (chance(&c->r, 20)) {
        snprintf(out, outsz, "0731-8%07d", below(&c->r, 10000000));
        return;
    }
    snprintf(out, outsz, "%s%08d",
             mobile_prefixes[below(&c->r, N(mobile_prefixes))],
             below(&c->r, 100000000));
    if (strcmp(out, "13912345678") == 0)    /* the e2e test's number */
        out[10] = '9';
}

void demo_name(uint64_t *state, char *out, size_t outsz)
{
    struct rng r = {*state};
    make_name(&r, chance(&r, 550) ? GENDER_MALE : GENDER_FEMALE, out, outsz);
    *state = r.s;
}

void demo_phone(uint64_t *state, char *out, size_t outsz)
{
    struct rng r = {*state};
    snprintf(out, outsz, "%s%08d",
             mobile_prefixes[below(&r, N(mobile_prefixes))],
             below(&r, 100000000));
    if (strcmp(out, "13912345678") == 0)    /* the e2e test's number */
        out[10] = '9';
    *state = r.s;
}

static int pick_kind(struct rng *r)
{
    int x = below(r, 100);
    return x < 55 ? KIND_COMMUNITY : x < 85 ? KIND_EMPLOYED
         : x < 93 ? KIND_MOBILE : KIND_LAIDOFF;
}

/* One synthetic member of community c (not stored yet). */
static void make_member(struct ctx *c, const struct community *cm,
                        member *m)
{
    struct rng *r = &c->r;
    member_init(m);
    m->kind = pick_kind(r);
    m->gender = chance(r, 650) ? GENDER_MALE : GENDER_FEMALE;
    int y0, y1;
    switch (m->kind) {
    case KIND_COMMUNITY: y0 = 1935; y1 = 1985; break;
    case KIND_EMPLOYED: y0 = 1962; y1 = 2001; break;
    case KIND_MOBILE: y0 = 1970; y1 = 2003; break;
    default: y0 = 1960; y1 = 1988; break;
    }
    int ty, tm, td;
    rules_civil_from_day(c->today, &ty, &tm, &td);
    if (y1 > ty - 20)
        y1 = ty - 20;
    if (y1 > 2004)
        y1 = 2004;
    long birth = rules_day_from_civil(between(r, y0, y1), 1, 1) +
                 below(r, 365);
    rules_day_format(birth, m->birth_date);
    int by = atoi(m->birth_date);

    for (;;) {
        make_name(r, m->gender, m->name, sizeof m->name);
        char ini[256];
        pinyin_initials(m->name, ini, sizeof ini);
        /* "zxj" finds exactly one member: 张小军 */
        if (!strstr(ini, "zxj"))
            break;
    }
    make_idnum(c, birth, m->gender, m->id_number);
    snprintf(m->ethnic, sizeof m->ethnic, "%s",
             chance(r, 930) ? "汉族" : other_ethnic[below(r, N(other_ethnic))]);
    snprintf(m->education, sizeof m->education, "%s",
             education_for(r, by));

    long adult = add_years(birth, 18);
    long last_full = add_years(c->today, -1) - 1;  /* latest 正式 join */
    if (chance(r, 70) && adult < c->today - 1) {
        m->category = CATEGORY_PROBATION;
        long from = adult > c->today - 364 ? adult : c->today - 364;
        long join = from + below(r, (int)(c->today - from));
        rules_day_format(join, m->join_date);
    } else {
        m->category = CATEGORY_FULL;
        long hi = add_years(birth, 18 + between(r, 2, 30));
        if (hi > last_full)
            hi = last_full;
        long lo = adult < hi ? adult : hi;
        long join = lo + below(r, (int)(hi - lo + 1));
        rules_day_format(join, m->join_date);
        rules_day_format(add_years(join, 1), m->full_date);
    }
    long join = parse_day(m->join_date);

    int age = ty - by;
    switch (m->kind) {
    case KIND_EMPLOYED:
        snprintf(m->employer, sizeof m->employer, "%s",
                 employers[below(r, N(employers))]);
        snprintf(m->job, sizeof m->job, "%s",
                 jobs_employed[below(r, N(jobs_employed))]);
        break;
    case KIND_MOBILE:
        m->mobile = true;
        snprintf(m->mobile_dest, sizeof m->mobile_dest, "%s",
                 destinations[below(r, N(destinations))]);
        snprintf(m->job, sizeof m->job, "%s",
                 chance(r, 500) ? "务工" : "个体经营");
        break;
    case KIND_LAIDOFF:
        snprintf(m->job, sizeof m->job, "%s",
                 chance(r, 500) ? "灵活就业" : "无");
        break;
    default:
        snprintf(m->job, sizeof m->job, "%s",
                 age >= 58 ? "退休" : chance(r, 500) ? "个体经营"
                                                     : "社区工作者");
        break;
    }
    make_phone(c, m->phone, sizeof m->phone);
    snprintf(m->address, sizeof m->address, "%s %d 栋 %d 单元 %d%02d 室",
             cm->name, between(r, 1, 36), between(r, 1, 6),
             between(r, 1, 18), between(r, 1, 4));

    if (chance(r, m->kind == KIND_MOBILE ? 40 : 3)) {
        m->lost = true;
        rules_day_format(join + below(r, (int)(c->today - join) + 1), m->lost_date);
        if (chance(r, 300))
            m->party_status = PARTY_STATUS_SUSPENDED;
    } else if (chance(r, 2)) {
        m->party_status = PARTY_STATUS_SUSPENDED;
    }
    if (chance(r, 20)) {
        m->left_kind = age >= 70 && chance(r, 600) ? LEFT_DECEASED
                                                   : LEFT_TRANSFERRED;
        rules_day_format(join + below(r, (int)(c->today - join) + 1), m->left_date);
    }
    if (chance(r, 30))
        snprintf(m->notes, sizeof m->notes, "%s",
                 notes_pool[below(r, N(notes_pool))]);
}

static int64_t branch_for(struct rng *r, const struct community *cm,
                          const member *m)
{
    int age_hint = atoi(m->birth_date);
    for (int i = 0; i < cm->nbranches; i++) {
        const struct branch *b = &cm->branches[i];
        if (b->role == ROLE_EMPLOYED && m->kind == KIND_EMPLOYED &&
            chance(r, 700))
            return b->id;
        if (b->role == ROLE_ELDER && age_hint < 1950 && chance(r, 600))
            return b->id;
    }
    /* otherwise any grid or estate branch */
    for (int tries = 0; tries < 16; tries++) {
        const struct branch *b = &cm->branches[below(r, cm->nbranches)];
        if (b->role == ROLE_GRID || b->role == ROLE_ESTATE)
            return b->id;
    }
    return cm->branches[0].id;
}

/* About half the members of a branch with 党小组 are in one of them. */
static int64_t group_for(struct rng *r, const struct community *cm,
                         int64_t branch)
{
    for (int i = 0; i < cm->nbranches; i++) {
        const struct branch *b = &cm->branches[i];
        if (b->id == branch && b->ngroups > 0 && chance(r, 550))
            return b->groups[below(r, b->ngroups)];
    }
    return branch;
}

/* The member the README and the tests talk about. */
static void zhang_xiaojun(struct ctx *c, const struct community *cm,
                          member *m)
{
    member_init(m);
    snprintf(m->name, sizeof m->name, "张小军");
    m->gender = GENDER_MALE;
    long birth = rules_day_from_civil(1980, 5, 12);
    rules_day_format(birth, m->birth_date);
    make_idnum(c, birth, m->gender, m->id_number);
    snprintf(m->ethnic, sizeof m->ethnic, "汉族");
    snprintf(m->education, sizeof m->education, "%s",
             domain_education_n > 2 ? domain_education[2] : "");
    snprintf(m->join_date, sizeof m->join_date, "2003-07-01");
    snprintf(m->full_date, sizeof m->full_date, "2004-07-01");
    m->kind = KIND_EMPLOYED;
    snprintf(m->employer, sizeof m->employer, "江城电力公司");
    snprintf(m->job, sizeof m->job, "工程师");
    snprintf(m->phone, sizeof m->phone, "13800001234");
    snprintf(m->address, sizeof m->address, "%s 3 栋 2 单元 401 室",
             cm->name);
    m->org_id = cm->branches[0].id;
    for (int i = cm->nbranches - 1; i >= 0; i--)
        if (cm->branches[i].role == ROLE_GRID)
            m->org_id = cm->branches[i].id;    /* the first grid branch */
}

/* Name of community i: the list, then invented pairs of characters
 * (a bijection of i onto the 400 pairs, so names never repeat). */
static void community_name(int i, char *out, size_t outsz)
{
    static const char *const first[] = {
        "金", "银", "玉", "翠", "丰", "红", "紫", "白", "明", "春", "秋",
        "安", "和", "平", "康", "福", "瑞", "兴", "盛", "宏",
    };
    static const char *const second[] = {
        "湖", "林", "江", "桥", "园", "岸", "香", "石", "山", "河", "苑",
        "城", "泉", "溪", "湾", "坊", "街", "塘", "坪", "庄",
    };
    if (i < N(communities)) {
        snprintf(out, outsz, "%s", communities[i]);
        return;
    }
    int k = (i - N(communities)) % 400, q = k / 20, r = k % 20;
    int round = (i - N(communities)) / 400;
    char num[32] = "";
    if (round > 0)
        cn_number(round + 1, num, sizeof num);
    snprintf(out, outsz, "%s%s%s社区", first[r * 7 % 20],
             second[(r * 3 + q) % 20], num);
}

static int fill(struct ctx *c, long n, int nc, const char *created,
                zb_err *err)
{
    db *d = c->d;
    int64_t street;
    if (org_add(d, 0, "云溪街道党工委", "街道党工委", &street, err))
        return -1;

    if (nc <= 0)
        nc = 6 + (n > 300) + (n > 3000);
    struct community *cms = calloc((size_t)nc, sizeof *cms);
    int *weight = calloc((size_t)nc, sizeof *weight);
    char (*names)[64] = calloc((size_t)nc, sizeof *names);
    if (!cms || !weight || !names) {
        free(cms);
        free(weight);
        free(names);
        return zb_fail(err, "内存不足");
    }
    int total = 0;
    /* uneven sizes, so that all three community levels occur (东湖 is
     * the big one) */
    for (int i = 0; i < nc; i++)
        total += weight[i] = i == 0 ? 24 : between(&c->r, 3, 20);
    long given = 0;
    for (int i = 0; i < nc; i++) {
        community_name(i, names[i], sizeof names[i]);
        cms[i].name = names[i];
        cms[i].members = i == nc - 1 ? n - given : n * weight[i] / total;
        given += cms[i].members;
    }
    /* 张小军 lives in the first community: it needs a place for him */
    for (int i = nc - 1; i > 0 && cms[0].members == 0; i--)
        if (cms[i].members > 0) {
            cms[i].members--;
            cms[0].members = 1;
        }
    int rc = 0;
    for (int i = 0; i < nc && !rc; i++)
        rc = build_community(d, &c->r, street, &cms[i], err);

    member m;
    struct member_bulk b;
    if (!rc && !(rc = member_bulk_begin(d, &b, created, err))) {
        zhang_xiaojun(c, &cms[0], &m);
        rc = member_bulk_add(&b, &m, err);
        for (int i = 0; i < nc && !rc; i++) {
            for (long k = i == 0; k < cms[i].members && !rc; k++) {
                make_member(c, &cms[i], &m);
                m.org_id = group_for(&c->gr, &cms[i],
                                     branch_for(&c->r, &cms[i], &m));
                rc = member_bulk_add(&b, &m, err);
            }
        }
        rc = member_bulk_end(&b, rc == 0, err) || rc;
    }
    for (int i = 0; i < nc; i++)
        free(cms[i].branches);
    free(cms);
    free(weight);
    free(names);
    return rc ? -1 : 0;
}

void demo_options_default(struct demo_options *o)
{
    o->members = 600;
    o->seed = 20260701;
    o->communities = 0;
    o->months = 12;
}

int demo_fill(db *d, long n_members, unsigned seed, zb_err *err)
{
    struct demo_options o;
    demo_options_default(&o);
    o.members = n_members;
    o.seed = seed;
    return demo_fill_opts(d, &o, NULL, err);
}

int demo_fill_opts(db *d, const struct demo_options *o,
                   struct demo_counts *out, zb_err *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (o->members < 1 || o->members > 1000000)
        return zb_fail(err, "演示党员人数应在 1 到 1000000 之间");
    if (o->communities < 0 || o->communities > DEMO_COMMUNITIES_MAX)
        return zb_fail(err, "演示社区数应在 1 到 %d 之间",
                       DEMO_COMMUNITIES_MAX);
    if (o->months < 0 || o->months > DEMO_MONTHS_MAX)
        return zb_fail(err, "演示会议月数应在 0 到 %d 之间",
                       DEMO_MONTHS_MAX);
    bool empty;
    if (db_is_empty(d, &empty, err))
        return -1;
    if (!empty)
        return zb_fail(err, "数据库中已有数据，demo 只能用于空数据库");

    unsigned seed = o->seed;
    struct ctx c = {.d = d, .r = {seed * 0x2545F4914F6CDD1DULL + 1},
                    .gr = {seed * 0x9E3779B97F4A7C15ULL + 3}};
    rules_today(c.today_s);
    c.today = parse_day(c.today_s);
    c.ids.cap = 1024;
    while (c.ids.cap < (size_t)o->members * 2)
        c.ids.cap *= 2;
    c.ids.v = calloc(c.ids.cap, sizeof *c.ids.v);
    if (!c.ids.v)
        return zb_fail(err, "内存不足");

    /* Entered a while ago, like real records: not erasable. */
    char when[20], day[11];
    rules_day_format(c.today - 30, day);
    snprintf(when, sizeof when, "%s 09:00:00", day);
    struct demo_meeting_counts mc = {0, 0};
    /* as the CSV import: bulk writes want the indexes' pages in memory */
    int rc = db_set_cache(d, 128 * 1024, err);
    if (!rc)
        rc = db_begin(d, err);
    if (!rc)
        rc = fill(&c, o->members, o->communities, when, err);
    if (!rc)
        rc = demo_grids(d, (uint64_t)seed + 2, err);
    if (!rc)
        rc = demo_posts(d, (uint64_t)seed + 3, c.today_s, NULL, err);
    if (!rc)
        rc = demo_meetings(d, o->months, (uint64_t)seed + 1, &mc, err);
    if (!rc)
        rc = demo_pairs(d, (uint64_t)seed + 4, NULL, err);
    if (!rc)
        rc = db_commit(d, err);
    if (rc)
        db_rollback(d);
    db_set_cache(d, 0, NULL);
    free(c.ids.v);
    if (!rc && out) {
        out->members = o->members;
        out->meetings = mc.meetings;
        out->attendance = mc.rows;
    }
    return rc;
}
