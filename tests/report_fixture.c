/* The report fixture (today 2026-11-22).
 *
 * Organisations: 青松街道党工委 (street) > 东湖第一网格党支部 (A) >
 * 第一党小组 (G); 临江老党员支部 (B) under the street. A is built on
 * 第一网格.
 *
 * Members (org, kind, category, join, full, left):
 *   1 张一   A 社区 正式 2000-07-01 2001-07-01
 *   2 李二   G 在职 正式 2010-01-01 2011-01-01
 *   3 王三   A 社区 预备 2026-03-01
 *   4 赵四   B 流动 正式 2025-05-01 2026-05-01
 *   5 孙五   B 社区 正式 2000-01-01 2001-01-01 转出 2026-04-10
 *   6 周六   A 下岗 正式 1990-01-01 1991-01-01 去世 2026-08-15
 *   7 吴七   A 社区 正式 2025-09-01 2026-09-01
 *   8 郑八   G 社区 预备 2026-07-15
 *   9 钱九   B 社区 正式 1980-01-01 1981-01-01 出党 2025-12-01
 *  10 冯十   A 社区 正式 1995-01-01 1996-01-01 停止党籍
 *  11 陈十一 A 在职 正式 2001-01-01 2002-01-01 失联
 *
 * Meetings and marks (roll: who was expected; 正/预 as on the date):
 *   mA1 A 党员大会 2026-03-20  1正 出席, 2正 迟到, 3预 出席, 6正 请假,
 *                              7预 缺席, 11正 未签到
 *   mA2 A 支委会 2026-01-10    1正 2正 6正 7预 出席, 11正 缺席
 *   mA3 A 支委会 2026-02-10    1正 出席; 2正 6正 7预 11正 未签到
 *   mA4 A 党课 2026-05-15      1 2 3预 6 7预 11: all 出席
 *   mG1 G 党小组会 2026-04-08  2正 出席
 *   mB1 B 主题党日 2026-02-02  4预 出席, 5正 出席, one 列席 guest
 *   mB2 B 其他 2026-06-20      4正 缺席
 *   mA5 A 支委会 2026-09-10    1 2 3预 7 8预 11, unmarked
 *   mB0 B 党员大会 2025-12-20  (before the year)
 *   mFuture A 主题党日 2026-12-05 (after today: planned, not held)
 *
 * Grids: 东湖社区 > 第一片区 > 第一网格 (400 户, 1200 人; 网格长 from
 * 2025-01-01, 网格员（专职） from 2026-03-01) > 1号楼 (a 楼栋长
 * 2020-01-01..2025-12-31, none now); 第一片区 > 第二网格 (600 户, no
 * roles, no organisation); 第一片区 has only a 片长 (from 2024-01-01).
 * 西岭社区 is empty.
 *
 * Households: h1 困难户甲 (低保户、残疾人, registered 2025-10-01, on
 * 1号楼), h2 困难户乙 (孤老/空巢老人, registered 2026-02-01). Pairs: p1
 * h1 with 张一 from 2026-01-05; p2 h2 with a partner (共建单位) from
 * 2026-02-15. Visits: p1 2026-02-01 500.00 元 + goods 200.00 元;
 * p1 2026-07-01 300.00 元, 1 job; p2 2026-03-08 goods 150.50 元, 2 jobs. */
#include "report_fixture.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/attendance.h"
#include "model/grid.h"
#include "model/household.h"
#include "model/meeting.h"
#include "model/member.h"
#include "model/org.h"
#include "model/pair.h"
#include "testutil.h"

static int64_t add_member(db *d, const char *name, int64_t org, int kind,
                          int category, const char *join, const char *full,
                          int left_kind, const char *left_date)
{
    member *m = malloc(sizeof *m);
    ck_assert_ptr_nonnull(m);
    member_init(m);
    snprintf(m->name, sizeof m->name, "%s", name);
    m->org_id = org;
    m->kind = kind;
    m->category = category;
    snprintf(m->join_date, sizeof m->join_date, "%s", join);
    snprintf(m->full_date, sizeof m->full_date, "%s", full);
    m->left_kind = left_kind;
    snprintf(m->left_date, sizeof m->left_date, "%s", left_date);
    zb_err e;
    ck_assert_msg(member_save(d, m, &e) == 0, "%s: %s", name, e.msg);
    int64_t id = m->id;
    free(m);
    return id;
}

static int64_t add_meeting(db *d, int64_t org, int kind, const char *date)
{
    meeting *m = malloc(sizeof *m);
    ck_assert_ptr_nonnull(m);
    meeting_init(m);
    m->org_id = org;
    m->kind = kind;
    snprintf(m->date, sizeof m->date, "%s", date);
    snprintf(m->topic, sizeof m->topic, "%s", "学习");
    zb_err e;
    ck_assert_msg(meeting_save(d, m, &e) == 0, "%s: %s", date, e.msg);
    int64_t id = m->id;
    free(m);
    return id;
}

static void mark(db *d, int64_t meeting_id, int64_t member_id, int state)
{
    struct att_row rows[16];
    int n = 0;
    zb_err e;
    ck_assert_msg(attendance_window(d, meeting_id, "", 0, 16, rows, &n,
                                    &e) == 0, "%s", e.msg);
    for (int i = 0; i < n; i++) {
        if (rows[i].member_id != member_id)
            continue;
        struct att_row cur;
        ck_assert_msg(attendance_mark(d, rows[i].id, rows[i].version, state,
                                      "", &cur, &e) == ATT_MARKED,
                      "mark: %s", e.msg);
        return;
    }
    ck_abort_msg("member %lld not on the roll of %lld", (long long)member_id,
                 (long long)meeting_id);
}

static int64_t node(db *d, int64_t parent, int level, const char *name,
                    long households, long population)
{
    struct grid_node g;
    zb_err e;
    grid_node_init(&g);
    g.parent_id = parent;
    g.level = level;
    snprintf(g.name, sizeof g.name, "%s", name);
    g.households = households;
    g.population = population;
    ck_assert_msg(grid_save(d, &g, &e) == 0, "%s: %s", name, e.msg);
    return g.id;
}

static void role(db *d, int64_t grid, int kind, const char *name,
                 const char *start, const char *end)
{
    struct grid_role r;
    zb_err e;
    memset(&r, 0, sizeof r);
    r.grid_id = grid;
    r.role = kind;
    snprintf(r.name, sizeof r.name, "%s", name);
    snprintf(r.phone, sizeof r.phone, "13900001111");
    snprintf(r.start_date, sizeof r.start_date, "%s", start);
    snprintf(r.end_date, sizeof r.end_date, "%s", end);
    ck_assert_msg(grid_role_save(d, &r, &e) == 0, "%s: %s", name, e.msg);
}

static int64_t add_household(db *d, const char *name, unsigned kinds,
                             const char *registered, int64_t grid)
{
    household *h = malloc(sizeof *h);
    ck_assert_ptr_nonnull(h);
    household_init(h);
    snprintf(h->name, sizeof h->name, "%s", name);
    h->kinds = kinds;
    h->grid_id = grid;
    snprintf(h->registered, sizeof h->registered, "%s", registered);
    const char *field = NULL;
    zb_err e;
    ck_assert_msg(household_save(d, h, &field, &e) == 0, "%s: %s", name,
                  e.msg);
    int64_t id = h->id;
    free(h);
    return id;
}

static int64_t add_pair(db *d, int64_t hh, int64_t member_id,
                        const char *partner, const char *start)
{
    pair *p = malloc(sizeof *p);
    ck_assert_ptr_nonnull(p);
    pair_init(p);
    p->household_id = hh;
    p->member_id = member_id;
    if (partner) {
        snprintf(p->partner_name, sizeof p->partner_name, "%s", partner);
        snprintf(p->partner_unit, sizeof p->partner_unit, "区税务局");
    }
    snprintf(p->start_date, sizeof p->start_date, "%s", start);
    struct pair_config cfg;
    pair_config_default(&cfg);
    const char *field = NULL;
    zb_err e;
    ck_assert_msg(pair_save(d, p, &cfg, true, &field, &e) == 0, "pair: %s",
                  e.msg);
    int64_t id = p->id;
    free(p);
    return id;
}

static void add_visit(db *d, int64_t pair_id, const char *date,
                      int64_t cash, const char *goods, int64_t goods_fen,
                      int jobs)
{
    visit *v = malloc(sizeof *v);
    ck_assert_ptr_nonnull(v);
    visit_init(v);
    v->pair_id = pair_id;
    snprintf(v->date, sizeof v->date, "%s", date);
    v->kind = VK_CONDOLENCE;
    v->cash_fen = cash;
    snprintf(v->goods, sizeof v->goods, "%s", goods);
    v->goods_fen = goods_fen;
    v->jobs = jobs;
    const char *field = NULL;
    zb_err e;
    ck_assert_msg(visit_save(d, v, &field, &e) == 0, "visit %s: %s", date,
                  e.msg);
    free(v);
}

void rf_build(db *d, struct rf_ids *x)
{
    setenv("ZHIBU_TODAY", "2026-11-22", 1);
    memset(x, 0, sizeof *x);
    x->street = tu_org(d, 0, "青松街道党工委", "街道党工委");
    x->a = tu_org(d, x->street, "东湖第一网格党支部", "网格党支部");
    x->g = tu_org(d, x->a, "第一党小组", "党小组");
    x->b = tu_org(d, x->street, "临江老党员支部", "功能型党支部");

    const int F = CATEGORY_FULL, P = CATEGORY_PROBATION;
    x->m[1] = add_member(d, "张一", x->a, KIND_COMMUNITY, F, "2000-07-01",
                         "2001-07-01", 0, "");
    x->m[2] = add_member(d, "李二", x->g, KIND_EMPLOYED, F, "2010-01-01",
                         "2011-01-01", 0, "");
    x->m[3] = add_member(d, "王三", x->a, KIND_COMMUNITY, P, "2026-03-01",
                         "", 0, "");
    x->m[4] = add_member(d, "赵四", x->b, KIND_MOBILE, F, "2025-05-01",
                         "2026-05-01", 0, "");
    x->m[5] = add_member(d, "孙五", x->b, KIND_COMMUNITY, F, "2000-01-01",
                         "2001-01-01", LEFT_TRANSFERRED, "2026-04-10");
    x->m[6] = add_member(d, "周六", x->a, KIND_LAIDOFF, F, "1990-01-01",
                         "1991-01-01", LEFT_DECEASED, "2026-08-15");
    x->m[7] = add_member(d, "吴七", x->a, KIND_COMMUNITY, F, "2025-09-01",
                         "2026-09-01", 0, "");
    x->m[8] = add_member(d, "郑八", x->g, KIND_COMMUNITY, P, "2026-07-15",
                         "", 0, "");
    x->m[9] = add_member(d, "钱九", x->b, KIND_COMMUNITY, F, "1980-01-01",
                         "1981-01-01", LEFT_EXPELLED, "2025-12-01");
    x->m[10] = add_member(d, "冯十", x->a, KIND_COMMUNITY, F, "1995-01-01",
                          "1996-01-01", 0, "");
    x->m[11] = add_member(d, "陈十一", x->a, KIND_EMPLOYED, F, "2001-01-01",
                          "2002-01-01", 0, "");
    char sql[256];
    snprintf(sql, sizeof sql, "UPDATE member SET party_status = 2 WHERE id = %lld",
             (long long)x->m[10]);
    tu_sql(d, sql);
    snprintf(sql, sizeof sql, "UPDATE member SET lost = 1, lost_date = '2025-06-01' WHERE id = %lld",
             (long long)x->m[11]);
    tu_sql(d, sql);

    x->mB0 = add_meeting(d, x->b, MK_GENERAL, "2025-12-20");
    x->mA1 = add_meeting(d, x->a, MK_GENERAL, "2026-03-20");
    x->mA2 = add_meeting(d, x->a, MK_COMMITTEE, "2026-01-10");
    x->mA3 = add_meeting(d, x->a, MK_COMMITTEE, "2026-02-10");
    x->mA4 = add_meeting(d, x->a, MK_LESSON, "2026-05-15");
    x->mG1 = add_meeting(d, x->g, MK_GROUP, "2026-04-08");
    x->mB1 = add_meeting(d, x->b, MK_THEME_DAY, "2026-02-02");
    x->mB2 = add_meeting(d, x->b, MK_OTHER, "2026-06-20");
    x->mA5 = add_meeting(d, x->a, MK_COMMITTEE, "2026-09-10");
    x->mFuture = add_meeting(d, x->a, MK_THEME_DAY, "2026-12-05");

    const int64_t *m = x->m;
    mark(d, x->mA1, m[1], ATT_PRESENT);
    mark(d, x->mA1, m[2], ATT_LATE);
    mark(d, x->mA1, m[3], ATT_PRESENT);
    mark(d, x->mA1, m[6], ATT_LEAVE);
    mark(d, x->mA1, m[7], ATT_ABSENT);
    mark(d, x->mA2, m[1], ATT_PRESENT);
    mark(d, x->mA2, m[2], ATT_PRESENT);
    mark(d, x->mA2, m[6], ATT_PRESENT);
    mark(d, x->mA2, m[7], ATT_PRESENT);
    mark(d, x->mA2, m[11], ATT_ABSENT);
    mark(d, x->mA3, m[1], ATT_PRESENT);
    zb_err e;
    long n = 0;
    ck_assert_msg(attendance_mark_all(d, x->mA4, ATT_PRESENT, &n, &e) == 0,
                  "%s", e.msg);
    ck_assert_int_eq(n, 6);
    mark(d, x->mG1, m[2], ATT_PRESENT);
    mark(d, x->mB1, m[4], ATT_PRESENT);
    mark(d, x->mB1, m[5], ATT_PRESENT);
    int64_t guest = 0;
    ck_assert_msg(attendance_add_guest(d, x->mB1, 0, "外单位同志", &guest,
                                       &e) == 0, "%s", e.msg);
    mark(d, x->mB2, m[4], ATT_ABSENT);

    x->community = node(d, 0, GRID_COMMUNITY, "东湖社区", -1, -1);
    x->area = node(d, x->community, GRID_AREA, "第一片区", -1, -1);
    x->grid1 = node(d, x->area, GRID_GRID, "第一网格", 400, 1200);
    x->building = node(d, x->grid1, GRID_BUILDING, "1号楼", -1, -1);
    x->grid2 = node(d, x->area, GRID_GRID, "第二网格", 600, -1);
    x->west = node(d, 0, GRID_COMMUNITY, "西岭社区", -1, -1);
    role(d, x->grid1, ROLE_GRID_HEAD, "网格长甲", "2025-01-01", "");
    role(d, x->grid1, ROLE_WORKER_FULL, "网格员乙", "2026-03-01", "");
    role(d, x->building, ROLE_BUILDING_HEAD, "楼栋长丙", "2020-01-01",
         "2025-12-31");
    role(d, x->area, ROLE_AREA_HEAD, "片长丁", "2024-01-01", "");
    snprintf(sql, sizeof sql, "UPDATE org SET grid_id = %lld WHERE id = %lld",
             (long long)x->grid1, (long long)x->a);
    tu_sql(d, sql);

    x->h1 = add_household(d, "困难户甲",
                          HH_KIND_BIT(HK_DIBAO) | HH_KIND_BIT(HK_DISABLED),
                          "2025-10-01", x->building);
    x->h2 = add_household(d, "困难户乙", HH_KIND_BIT(HK_ELDERLY),
                          "2026-02-01", 0);
    x->p1 = add_pair(d, x->h1, m[1], NULL, "2026-01-05");
    x->p2 = add_pair(d, x->h2, 0, "共建同志", "2026-02-15");
    add_visit(d, x->p1, "2026-02-01", 50000, "米面油", 20000, 0);
    add_visit(d, x->p1, "2026-07-01", 30000, "", 0, 1);
    add_visit(d, x->p2, "2026-03-08", 0, "棉被", 15050, 2);
}
