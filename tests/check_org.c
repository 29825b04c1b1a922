/* The organisation tree: rules (pure), validation, save, move, delete,
 * counts per node, committee posts, hints, the 支部委员会 roll and the
 * member list of one organisation, against a temporary database. */
#include <check.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain.h"
#include "model/attendance.h"
#include "model/demo.h"
#include "model/meeting.h"
#include "model/member.h"
#include "model/org.h"
#include "rules_org.h"
#include "testutil.h"

#define TODAY "2026-06-15"

static long long q_int(db *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static long long q_int(db *d, const char *fmt, ...)
{
    char sql[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_msg(st != NULL, "%s", sql);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

static int64_t add_m(db *d, int64_t org, const char *name, int category,
                     bool left)
{
    member m;
    zb_err err = {""};
    member_init(&m);
    snprintf(m.name, sizeof m.name, "%s", name);
    m.org_id = org;
    m.category = category;
    snprintf(m.join_date, sizeof m.join_date, "2010-07-01");
    if (left) {
        m.left_kind = LEFT_TRANSFERRED;
        snprintf(m.left_date, sizeof m.left_date, "2025-01-01");
    }
    ck_assert_msg(member_save(d, &m, &err) == 0, "%s", err.msg);
    return m.id;
}

/* street 云溪街道党工委
 *   a 东湖社区党总支
 *     b1 东湖第一网格党支部: 3 正式 + 1 预备 direct, 1 left
 *       g1 第一党小组: 2 正式 + 1 预备
 *       g2 第二党小组: 1 正式
 *     b2 东湖锦绣小区党支部: 51 正式 + 1 预备
 *   c 西岭社区党支部 (empty) */
struct fx {
    int64_t street, a, b1, g1, g2, b2, c;
    int64_t zhang, li, wang;     /* in b1 */
};

static struct fx fixture(db *d, bool big)
{
    struct fx f;
    f.street = tu_org(d, 0, "云溪街道党工委", "街道党工委");
    f.a = tu_org(d, f.street, "东湖社区党总支", "社区党总支");
    f.b1 = tu_org(d, f.a, "东湖第一网格党支部", "网格党支部");
    f.g1 = tu_org(d, f.b1, "第一党小组", "党小组");
    f.g2 = tu_org(d, f.b1, "第二党小组", "党小组");
    f.b2 = tu_org(d, f.a, "东湖锦绣小区党支部", "小区党支部");
    f.c = tu_org(d, f.street, "西岭社区党支部", "社区党支部");
    f.zhang = add_m(d, f.b1, "张一", CATEGORY_FULL, false);
    f.li = add_m(d, f.b1, "李二", CATEGORY_FULL, false);
    f.wang = add_m(d, f.b1, "王三", CATEGORY_FULL, false);
    add_m(d, f.b1, "赵四", CATEGORY_PROBATION, false);
    add_m(d, f.b1, "钱五", CATEGORY_FULL, true);
    add_m(d, f.g1, "孙六", CATEGORY_FULL, false);
    add_m(d, f.g1, "周七", CATEGORY_FULL, false);
    add_m(d, f.g1, "吴八", CATEGORY_PROBATION, false);
    add_m(d, f.g2, "郑九", CATEGORY_FULL, false);
    if (big) {
        for (int i = 0; i < 51; i++) {
            char name[32];
            snprintf(name, sizeof name, "锦绣%d", i + 1);
            add_m(d, f.b2, name, CATEGORY_FULL, false);
        }
        add_m(d, f.b2, "锦绣预备", CATEGORY_PROBATION, false);
    }
    return f;
}

static const struct org_overview *find_row(const struct org_overview *v,
                                           int n, int64_t id)
{
    for (int i = 0; i < n; i++)
        if (v[i].item.id == id)
            return &v[i];
    ck_abort_msg("organisation %lld not in the overview", (long long)id);
    return NULL;
}

/* ---- pure rules ---- */

START_TEST(test_rules)
{
    char msg[160], out[160];
    ck_assert_int_eq(rules_org_rank("街道党工委"), 0);
    ck_assert_int_eq(rules_org_rank("社区党总支"), 2);
    ck_assert_int_eq(rules_org_rank("功能型党支部"), 3);
    ck_assert_int_eq(rules_org_rank("党员中心户"), 5);
    ck_assert_int_eq(rules_org_rank("居委会"), -1);
    ck_assert(rules_org_is_branch("小区党支部"));
    ck_assert(!rules_org_is_branch("党小组"));

    ck_assert_ptr_null(rules_org_parent_ok("社区党委", "", msg, sizeof msg));
    ck_assert_ptr_null(rules_org_parent_ok("网格党支部", "社区党委", msg,
                                           sizeof msg));
    ck_assert_ptr_null(rules_org_parent_ok("党小组", "网格党支部", msg,
                                           sizeof msg));
    ck_assert_ptr_null(rules_org_parent_ok("党员中心户", "党小组", msg,
                                           sizeof msg));
    ck_assert_str_eq(rules_org_parent_ok("党小组", "社区党总支", msg,
                                         sizeof msg),
                     "党小组只能建在党支部之下");
    ck_assert_str_eq(rules_org_parent_ok("党小组", NULL, msg, sizeof msg),
                     "党小组只能建在党支部之下");
    ck_assert_str_eq(rules_org_parent_ok("党员中心户", "社区党委", msg,
                                         sizeof msg),
                     "党员中心户只能建在党支部或党小组之下");
    ck_assert_str_eq(rules_org_parent_ok("社区党委", "网格党支部", msg,
                                         sizeof msg),
                     "社区党委不能建在网格党支部之下");
    ck_assert_str_eq(rules_org_parent_ok("小区党支部", "网格党支部", msg,
                                         sizeof msg),
                     "小区党支部不能建在网格党支部之下");
    ck_assert_str_eq(rules_org_parent_ok("", "社区党委", msg, sizeof msg),
                     "请选择组织类型");

    rules_org_hints("网格党支部", 50, 0, 50, out, sizeof out);
    ck_assert_str_eq(out, "");
    rules_org_hints("网格党支部", 51, 0, 51, out, sizeof out);
    ck_assert_str_eq(out, "建议升格为党总支");
    rules_org_hints("网格党支部", 20, 2, 3, out, sizeof out);
    ck_assert_str_eq(out, "3 名党员未编入党小组");
    rules_org_hints("社区党支部", 60, 1, 7, out, sizeof out);
    ck_assert_str_eq(out, "建议升格为党总支；7 名党员未编入党小组");
    rules_org_hints("网格党支部", 20, 2, 0, out, sizeof out);
    ck_assert_str_eq(out, "");
    /* not a 支部: no hints */
    rules_org_hints("社区党总支", 400, 0, 0, out, sizeof out);
    ck_assert_str_eq(out, "");
    rules_org_hints("党小组", 80, 0, 80, out, sizeof out);
    ck_assert_str_eq(out, "");
}
END_TEST

/* ---- validation and saving ---- */

static void expect_refused(db *d, const struct org *o, const char *field,
                           const char *msg)
{
    zb_err err = {""};
    const char *f = NULL;
    ck_assert_int_eq(org_validate(d, o, &f, &err), -1);
    ck_assert_str_eq(err.msg, msg);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f, field);
    /* and nothing is saved */
    struct org copy = *o;
    long long before = q_int(d, "SELECT count(*) FROM org");
    ck_assert_int_eq(org_save(d, &copy, &err), -1);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org"), before);
}

START_TEST(test_validate_and_save)
{
    db *d = tu_open();
    struct fx f = fixture(d, false);
    zb_err err = {""};
    struct org o;
    org_init(&o);
    o.parent_id = f.b1;
    snprintf(o.kind, sizeof o.kind, "党小组");
    expect_refused(d, &o, "name", "请填写组织名称");
    snprintf(o.name, sizeof o.name, "第三党小组");
    snprintf(o.kind, sizeof o.kind, "小组");
    expect_refused(d, &o, "kind", "组织类型「小组」无效");
    o.kind[0] = '\0';
    expect_refused(d, &o, "kind", "请选择组织类型");
    snprintf(o.kind, sizeof o.kind, "党小组");
    snprintf(o.founded, sizeof o.founded, "2026-02-30");
    expect_refused(d, &o, "founded",
                   "成立日期格式应为 YYYY-MM-DD，如 2021-07-01");
    snprintf(o.founded, sizeof o.founded, "2026-06-16");
    expect_refused(d, &o, "founded", "成立日期不能晚于今天");
    snprintf(o.founded, sizeof o.founded, "2026-06-15");
    o.parent_id = f.a;
    expect_refused(d, &o, "kind", "党小组只能建在党支部之下");
    o.parent_id = 9999;
    expect_refused(d, &o, "parent", "上级组织不存在（可能已被他人删除）");
    o.parent_id = f.b1;
    o.grid_id = 4242;
    expect_refused(d, &o, "grid", "所建网格不存在（可能已被删除）");
    o.grid_id = 0;

    snprintf(o.notes, sizeof o.notes, "楼栋党小组，覆盖 3 栋");
    ck_assert_msg(org_save(d, &o, &err) == 0, "%s", err.msg);
    ck_assert(o.id > 0);
    struct org g;
    ck_assert_int_eq(org_get(d, o.id, &g, &err), 0);
    ck_assert_str_eq(g.name, "第三党小组");
    ck_assert_str_eq(g.kind, "党小组");
    ck_assert_str_eq(g.founded, "2026-06-15");
    ck_assert_str_eq(g.notes, "楼栋党小组，覆盖 3 栋");
    ck_assert(g.parent_id == f.b1);
    ck_assert(g.active);
    ck_assert_int_eq(g.sort, 3);    /* after 第一 and 第二党小组 */
    ck_assert_int_eq(q_int(d, "SELECT sort_py = 'di san dang xiao zu '"
                              " FROM org WHERE id = %lld",
                           (long long)o.id), 1);

    /* update: a new name, inactive; the pinyin key follows */
    snprintf(g.name, sizeof g.name, "阿里党小组");
    g.active = false;
    ck_assert_msg(org_save(d, &g, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(q_int(d, "SELECT active FROM org WHERE id = %lld",
                           (long long)g.id), 0);
    ck_assert_int_eq(q_int(d, "SELECT sort_py LIKE 'a li %%' FROM org"
                              " WHERE id = %lld", (long long)g.id), 1);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org"), 8);

    /* a kind change must still fit the children and the members */
    struct org c;
    ck_assert_int_eq(org_get(d, f.b1, &c, &err), 0);
    snprintf(c.kind, sizeof c.kind, "社区党总支");
    expect_refused(d, &c, "kind", "社区党总支不能建在社区党总支之下");
    ck_assert_int_eq(org_get(d, f.c, &c, &err), 0);
    int64_t cg = tu_org(d, f.c, "西岭党小组", "党小组");
    snprintf(c.kind, sizeof c.kind, "社区党总支");
    expect_refused(d, &c, "kind",
                   "下级组织中有党小组，党小组只能建在党支部之下");
    tu_sql(d, "DELETE FROM org WHERE kind = '党小组' AND name = '西岭党小组'");
    (void)cg;
    add_m(d, f.c, "西岭一", CATEGORY_FULL, false);
    expect_refused(d, &c, "kind",
                   "该组织直接编有 1 名党员，社区党总支不直接管理党员");
    /* a parent inside the subtree, through save */
    ck_assert_int_eq(org_get(d, f.a, &c, &err), 0);
    c.parent_id = f.g1;
    expect_refused(d, &c, "parent", "不能把组织移到它自己的下级组织之下");
    c.parent_id = f.a;
    expect_refused(d, &c, "parent", "不能把组织移到它自己的下级组织之下");

    ck_assert_int_eq(org_get(d, 4242, &c, &err), -1);
    ck_assert_str_eq(err.msg, "党组织不存在（可能已被他人删除）");
    db_close(d);
}
END_TEST

/* ---- moving ---- */

START_TEST(test_move)
{
    db *d = tu_open();
    struct fx f = fixture(d, false);
    zb_err err = {""};
    /* cycles refused: under itself, a child, a grandchild */
    ck_assert_int_eq(org_move(d, f.a, f.a, &err), -1);
    ck_assert_str_eq(err.msg, "不能把组织移到它自己的下级组织之下");
    ck_assert_int_eq(org_move(d, f.a, f.b1, &err), -1);
    ck_assert_str_eq(err.msg, "不能把组织移到它自己的下级组织之下");
    ck_assert_int_eq(org_move(d, f.street, f.g1, &err), -1);
    ck_assert_str_eq(err.msg, "不能把组织移到它自己的下级组织之下");
    /* kinds */
    ck_assert_int_eq(org_move(d, f.g1, f.a, &err), -1);
    ck_assert_str_eq(err.msg, "党小组只能建在党支部之下");
    ck_assert_int_eq(org_move(d, f.b2, f.c, &err), -1);
    ck_assert_str_eq(err.msg, "小区党支部不能建在社区党支部之下");
    ck_assert_int_eq(org_move(d, f.b2, 9999, &err), -1);
    ck_assert_str_eq(err.msg, "上级组织不存在（可能已被他人删除）");
    /* nothing changed */
    ck_assert_int_eq(q_int(d, "SELECT parent_id FROM org WHERE id = %lld",
                           (long long)f.a), f.street);

    /* g1 to b2 (last among its new siblings), its members with it */
    ck_assert_msg(org_move(d, f.g1, f.b2, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(q_int(d, "SELECT parent_id FROM org WHERE id = %lld",
                           (long long)f.g1), f.b2);
    /* b1 (with g2) to the street, then a root */
    ck_assert_msg(org_move(d, f.b1, f.street, &err) == 0, "%s", err.msg);
    ck_assert_msg(org_move(d, f.b1, 0, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(q_int(d, "SELECT parent_id IS NULL FROM org"
                              " WHERE id = %lld", (long long)f.b1), 1);
    struct org_item *items;
    int n;
    ck_assert_int_eq(org_list(d, &items, &n, &err), 0);
    ck_assert_int_eq(n, 7);
    /* tree order: b1 is the second root, g2 under it */
    int pos_b1 = -1;
    for (int i = 0; i < n; i++)
        if (items[i].id == f.b1)
            pos_b1 = i;
    ck_assert_int_eq(pos_b1, 5);
    ck_assert(items[6].id == f.g2);
    ck_assert_int_eq(items[6].depth, 1);
    ck_assert_str_eq(items[6].path, "东湖第一网格党支部/第二党小组");
    free(items);
    /* a 党小组 cannot become a root */
    ck_assert_int_eq(org_move(d, f.g2, 0, &err), -1);
    ck_assert_str_eq(err.msg, "党小组只能建在党支部之下");
    db_close(d);
}
END_TEST

/* ---- deleting ---- */

static int64_t add_meeting(db *d, int64_t org, int kind, const char *date)
{
    meeting m;
    zb_err err = {""};
    meeting_init(&m);
    m.org_id = org;
    m.kind = kind;
    snprintf(m.date, sizeof m.date, "%s", date);
    snprintf(m.topic, sizeof m.topic, "%s %s", domain_meeting_kind[kind],
             date);
    ck_assert_msg(meeting_save(d, &m, &err) == 0, "%s", err.msg);
    return m.id;
}

START_TEST(test_delete)
{
    db *d = tu_open();
    struct fx f = fixture(d, false);
    zb_err err = {""};
    ck_assert_int_eq(org_delete(d, f.b1, &err), -1);
    ck_assert_str_eq(err.msg, "不能删除「东湖第一网格党支部」：还有 2 个下级组织；"
                              "还有 5 名党员（含已离开的）");
    char why[400];
    ck_assert_int_eq(org_delete_check(d, f.b1, why, sizeof why, &err), 0);
    ck_assert_str_eq(why, "还有 2 个下级组织；还有 5 名党员（含已离开的）");
    ck_assert_int_eq(org_delete_check(d, f.c, why, sizeof why, &err), 0);
    ck_assert_str_eq(why, "");
    ck_assert_int_eq(org_delete(d, f.g2, &err), -1);
    ck_assert_str_eq(err.msg, "不能删除「第二党小组」：还有 1 名党员（含已离开的）");
    add_meeting(d, f.g2, MK_GROUP, "2026-05-10");
    add_meeting(d, f.g2, MK_GROUP, "2026-06-10");
    ck_assert_int_eq(org_delete(d, f.g2, &err), -1);
    ck_assert_str_eq(err.msg, "不能删除「第二党小组」：还有 1 名党员（含已离开的）；"
                              "已有 2 次会议记录；2 条考勤记录记载为该组织的党员");
    /* the member moves on: the rolls still name the group */
    tu_sql(d, "UPDATE member SET org_id = (SELECT id FROM org WHERE"
              " name = '第一党小组') WHERE name = '郑九'");
    tu_sql(d, "DELETE FROM meeting WHERE org_id = (SELECT id FROM org WHERE"
              " name = '第二党小组')");
    int64_t m = add_meeting(d, f.b1, MK_GENERAL, "2026-06-01");
    tu_sql(d, "UPDATE attendance SET org_id = (SELECT id FROM org WHERE"
              " name = '第二党小组') WHERE member_id = (SELECT id FROM member"
              " WHERE name = '郑九')");
    ck_assert_int_eq(org_delete(d, f.g2, &err), -1);
    ck_assert_str_eq(err.msg, "不能删除「第二党小组」：1 条考勤记录记载为该组织的党员");
    tu_sql(d, "DELETE FROM meeting");
    (void)m;

    /* c: empty but with posts, which go with it */
    struct org_post p = {.org_id = f.c, .post = POST_SECRETARY};
    snprintf(p.name, sizeof p.name, "外聘书记");
    ck_assert_msg(org_post_save(d, &p, &err) == 0, "%s", err.msg);
    ck_assert_msg(org_delete(d, f.c, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org WHERE id = %lld",
                           (long long)f.c), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org_post"), 0);
    ck_assert_msg(org_delete(d, f.g2, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(org_delete(d, f.g2, &err), -1);
    ck_assert_str_eq(err.msg, "党组织不存在（可能已被他人删除）");
    db_close(d);
}
END_TEST

/* ---- counts and hints ---- */

START_TEST(test_counts)
{
    db *d = tu_open();
    struct fx f = fixture(d, true);
    zb_err err = {""};
    add_m(d, 0, "无组织", CATEGORY_FULL, false);
    struct org_overview *v;
    int n;
    ck_assert_int_eq(org_overview_list(d, TODAY, &v, &n, &err), 0);
    ck_assert_int_eq(n, 7);
    const struct org_overview *r = find_row(v, n, f.b1);
    ck_assert_int_eq(r->direct_full, 3);
    ck_assert_int_eq(r->direct_prob, 1);
    ck_assert_int_eq(r->total_full, 6);
    ck_assert_int_eq(r->total_prob, 2);
    ck_assert_int_eq(r->groups, 2);
    ck_assert_str_eq(r->hint, "4 名党员未编入党小组");
    r = find_row(v, n, f.g1);
    ck_assert_int_eq(r->direct_full, 2);
    ck_assert_int_eq(r->direct_prob, 1);
    ck_assert_int_eq(r->total_full, 2);
    ck_assert_str_eq(r->hint, "");
    r = find_row(v, n, f.b2);
    ck_assert_int_eq(r->total_full, 51);
    ck_assert_int_eq(r->total_prob, 1);
    ck_assert_str_eq(r->hint, "建议升格为党总支");
    r = find_row(v, n, f.a);
    ck_assert_int_eq(r->direct_full, 0);
    ck_assert_int_eq(r->total_full, 57);
    ck_assert_int_eq(r->total_prob, 3);
    ck_assert_str_eq(r->hint, "");    /* a 党总支 already */
    r = find_row(v, n, f.street);
    ck_assert_int_eq(r->total_full, 57);
    ck_assert_int_eq(r->total_prob, 3);
    r = find_row(v, n, f.c);
    ck_assert_int_eq(r->total_full + r->total_prob, 0);
    free(v);

    long full, prob;
    ck_assert_int_eq(org_member_totals(d, &full, &prob, &err), 0);
    ck_assert_int_eq(full, 58);    /* with the one in no organisation */
    ck_assert_int_eq(prob, 3);

    /* a member leaving drops out of the counts */
    tu_sql(d, "UPDATE member SET left_kind = 3, left_date = '2026-06-01'"
              " WHERE name = '孙六'");
    ck_assert_int_eq(org_overview_list(d, TODAY, &v, &n, &err), 0);
    ck_assert_int_eq(find_row(v, n, f.b1)->total_full, 5);
    ck_assert_int_eq(find_row(v, n, f.street)->total_full, 56);
    free(v);
    /* one pass over the register's index */
    sqlite3_stmt *st = db_stmt(d, "EXPLAIN QUERY PLAN SELECT category,"
                                  " org_id, count(*) FROM member WHERE"
                                  " left_kind = 0 AND org_id IS NOT NULL"
                                  " GROUP BY category, org_id", &err);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    char plan[256];
    db_text(st, 3, plan, sizeof plan);
    sqlite3_reset(st);
    ck_assert_msg(strstr(plan, "member_register") != NULL, "%s", plan);
    ck_assert_msg(strstr(plan, "COVERING") != NULL, "%s", plan);
    db_close(d);
}
END_TEST

/* ---- posts ---- */

static struct org_post post(int64_t org, int kind, int64_t member_id,
                            const char *name, const char *from,
                            const char *to)
{
    struct org_post p = {.org_id = org, .post = kind,
                         .member_id = member_id};
    snprintf(p.name, sizeof p.name, "%s", name);
    snprintf(p.start_date, sizeof p.start_date, "%s", from);
    snprintf(p.end_date, sizeof p.end_date, "%s", to);
    return p;
}

static void post_refused(db *d, struct org_post p, const char *field,
                         const char *msg)
{
    zb_err err = {""};
    const char *f = NULL;
    ck_assert_int_eq(org_post_validate(d, &p, &f, &err), -1);
    ck_assert_str_eq(err.msg, msg);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f, field);
    long long before = q_int(d, "SELECT count(*) FROM org_post");
    ck_assert_int_eq(org_post_save(d, &p, &err), -1);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org_post"), before);
}

START_TEST(test_posts)
{
    db *d = tu_open();
    struct fx f = fixture(d, false);
    zb_err err = {""};
    struct org_post p = post(f.b1, POST_SECRETARY, f.zhang, "张一",
                             "2021-03-01", "2023-12-31");
    ck_assert_msg(org_post_save(d, &p, &err) == 0, "%s", err.msg);
    p = post(f.b1, POST_SECRETARY, f.li, "李二", "2024-01-01", "");
    ck_assert_msg(org_post_save(d, &p, &err) == 0, "%s", err.msg);
    int64_t li_sec = p.id;

    post_refused(d, post(f.b1, POST_SECRETARY, f.wang, "王三", "2023-06-01",
                         "2023-08-01"),
                 "start_date", "与 张一（2021-03-01 至 2023-12-31）的书记任期重叠");
    post_refused(d, post(f.b1, POST_SECRETARY, 0, "外人", "2025-01-01", ""),
                 "start_date", "与 李二（2024-01-01 至 今）的书记任期重叠");
    post_refused(d, post(f.b1, POST_SECRETARY, 0, "外人", "", "2021-06-01"),
                 "end_date", "与 张一（2021-03-01 至 2023-12-31）的书记任期重叠");
    post_refused(d, post(f.b1, POST_SECRETARY, 0, "", "2020-01-01", ""),
                 "name", "请填写担任此职务的人员");
    post_refused(d, post(f.b1, POST_MEMBER, 0, "某人", "2024-05-01",
                         "2024-04-01"),
                 "end_date", "离任日期不能早于任职日期");
    post_refused(d, post(f.b1, POST_MEMBER, 0, "某人", "2024-13-01", ""),
                 "start_date", "任职日期格式应为 YYYY-MM-DD，如 2021-07-01");
    post_refused(d, post(f.g1, POST_SECRETARY, 0, "某人", "", ""),
                 "post", "党小组不设书记");
    post_refused(d, post(f.b1, POST_GROUP_LEADER, 0, "某人", "", ""),
                 "post", "网格党支部不设组长");
    post_refused(d, post(f.b1, 0, 0, "某人", "", ""), "post", "请选择职务");
    post_refused(d, post(f.b1, POST_MEMBER, 777777, "某人", "", ""),
                 "name", "所选党员不存在（可能已被删除）");
    struct org_post bad = post(f.b1, POST_MEMBER, 0, "某人", "", "");
    snprintf(bad.phone, sizeof bad.phone, "12345");
    post_refused(d, bad, "phone",
                 "电话号码格式不对：手机 11 位，座机如 010-12345678");

    /* a term may begin the day the previous one ended */
    p = post(f.b1, POST_SECRETARY, f.zhang, "张一", "2020-01-01",
             "2021-03-01");
    ck_assert_msg(org_post_save(d, &p, &err) == 0, "%s", err.msg);
    /* several 委员 at once; a 副书记 too */
    p = post(f.b1, POST_MEMBER, f.wang, "王三", "2024-01-01", "");
    ck_assert_msg(org_post_save(d, &p, &err) == 0, "%s", err.msg);
    p = post(f.b1, POST_MEMBER, 0, "社区干部", "2024-01-01", "");
    snprintf(p.phone, sizeof p.phone, "13800138000");
    ck_assert_msg(org_post_save(d, &p, &err) == 0, "%s", err.msg);
    p = post(f.b1, POST_DEPUTY, f.zhang, "张一", "2024-01-01", "");
    ck_assert_msg(org_post_save(d, &p, &err) == 0, "%s", err.msg);
    p = post(f.g1, POST_GROUP_LEADER, 0, "孙六", "2024-01-01", "");
    ck_assert_msg(org_post_save(d, &p, &err) == 0, "%s", err.msg);

    /* current first by post, then past ones latest first */
    struct org_post *v;
    int n;
    ck_assert_int_eq(org_post_list(d, f.b1, true, TODAY, &v, &n, &err), 0);
    ck_assert_int_eq(n, 6);
    ck_assert_str_eq(v[0].name, "李二");
    ck_assert_int_eq(v[0].post, POST_SECRETARY);
    ck_assert_int_eq(v[1].post, POST_DEPUTY);
    ck_assert_int_eq(v[2].post, POST_MEMBER);
    ck_assert_int_eq(v[3].post, POST_MEMBER);
    ck_assert_str_eq(v[4].end_date, "2023-12-31");
    ck_assert_str_eq(v[5].end_date, "2021-03-01");
    free(v);
    ck_assert_int_eq(org_post_list(d, f.b1, false, TODAY, &v, &n, &err), 0);
    ck_assert_int_eq(n, 4);
    free(v);

    /* heads in the overview: 书记 of the branch, 组长 of the group */
    struct org_overview *ov;
    ck_assert_int_eq(org_overview_list(d, TODAY, &ov, &n, &err), 0);
    ck_assert_str_eq(find_row(ov, n, f.b1)->head, "李二");
    ck_assert_str_eq(find_row(ov, n, f.g1)->head, "孙六");
    ck_assert_str_eq(find_row(ov, n, f.g2)->head, "");
    free(ov);
    /* on a past date the head of then */
    ck_assert_int_eq(org_overview_list(d, "2022-01-01", &ov, &n, &err), 0);
    ck_assert_str_eq(find_row(ov, n, f.b1)->head, "张一");
    free(ov);

    /* ending a term: checked like a save */
    const char *field = NULL;
    ck_assert_int_eq(org_post_end(d, li_sec, "2023-01-01", &field, &err), -1);
    ck_assert_str_eq(err.msg, "离任日期不能早于任职日期");
    ck_assert_str_eq(field, "end_date");
    ck_assert_msg(org_post_end(d, li_sec, "2026-06-01", &field, &err) == 0,
                  "%s", err.msg);
    struct org_post g;
    ck_assert_int_eq(org_post_get(d, li_sec, &g, &err), 0);
    ck_assert_str_eq(g.end_date, "2026-06-01");
    ck_assert_int_eq(org_overview_list(d, TODAY, &ov, &n, &err), 0);
    ck_assert_str_eq(find_row(ov, n, f.b1)->head, "");
    free(ov);
    ck_assert_int_eq(org_post_delete(d, li_sec, &err), 0);
    ck_assert_int_eq(org_post_delete(d, li_sec, &err), -1);
    ck_assert_int_eq(org_post_get(d, li_sec, &g, &err), -1);
    db_close(d);
}
END_TEST

/* ---- the 支部委员会 roll ---- */

START_TEST(test_committee_roll)
{
    db *d = tu_open();
    struct fx f = fixture(d, false);
    zb_err err = {""};
    int64_t sun = q_int(d, "SELECT id FROM member WHERE name = '孙六'");
    /* 张一 书记 until 2026-03-31, 李二 from 2026-04-01; 孙六 (in a
     * 党小组) 组织委员; 王三 委员 ended in 2025; an outsider by name */
    struct org_post ps[] = {
        post(f.b1, POST_SECRETARY, f.zhang, "张一", "2021-01-01",
             "2026-03-31"),
        post(f.b1, POST_SECRETARY, f.li, "李二", "2026-04-01", ""),
        post(f.b1, POST_ORGANISING, sun, "孙六", "2021-01-01", ""),
        post(f.b1, POST_MEMBER, f.wang, "王三", "2021-01-01", "2025-12-31"),
        post(f.b1, POST_MEMBER, 0, "外聘委员", "2021-01-01", ""),
        post(f.g1, POST_GROUP_LEADER, sun, "孙六", "2021-01-01", ""),
    };
    for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++)
        ck_assert_msg(org_post_save(d, &ps[i], &err) == 0, "%s", err.msg);

    int64_t m = add_meeting(d, f.b1, MK_COMMITTEE, "2026-05-10");
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance"
                              " WHERE meeting_id = %lld", (long long)m), 2);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance WHERE"
                              " meeting_id = %lld AND member_id IN"
                              " (%lld, %lld)", (long long)m,
                           (long long)f.li, (long long)sun), 2);
    /* the committee of an earlier date */
    m = add_meeting(d, f.b1, MK_COMMITTEE, "2025-03-10");
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance WHERE"
                              " meeting_id = %lld AND member_id IN"
                              " (%lld, %lld, %lld)", (long long)m,
                           (long long)f.zhang, (long long)sun,
                           (long long)f.wang), 3);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance"
                              " WHERE meeting_id = %lld", (long long)m), 3);
    /* a general meeting: the whole branch (8 on the register) */
    m = add_meeting(d, f.b1, MK_GENERAL, "2026-05-10");
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance"
                              " WHERE meeting_id = %lld", (long long)m), 8);
    /* a committee with no posts recorded: everyone, as before */
    int64_t b2m = add_m(d, f.b2, "锦绣一", CATEGORY_FULL, false);
    add_m(d, f.b2, "锦绣二", CATEGORY_PROBATION, false);
    m = add_meeting(d, f.b2, MK_COMMITTEE, "2026-05-10");
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance"
                              " WHERE meeting_id = %lld", (long long)m), 2);
    ck_assert(q_int(d, "SELECT count(*) FROM attendance WHERE meeting_id ="
                       " %lld AND member_id = %lld", (long long)m,
                    (long long)b2m) == 1);
    db_close(d);
}
END_TEST

/* ---- the member list of one organisation ---- */

START_TEST(test_member_query_direct)
{
    db *d = tu_open();
    struct fx f = fixture(d, false);
    zb_err err = {""};
    struct member_query q = {.org_id = f.b1};
    long n = 0;
    ck_assert_int_eq(member_count(d, &q, &n, &err), 0);
    ck_assert_int_eq(n, 8);
    q.org_direct = true;
    ck_assert_int_eq(member_count(d, &q, &n, &err), 0);
    ck_assert_int_eq(n, 4);
    q.include_left = true;
    ck_assert_int_eq(member_count(d, &q, &n, &err), 0);
    ck_assert_int_eq(n, 5);
    q.include_left = false;
    struct member_row rows[16];
    int nr = 0;
    ck_assert_int_eq(member_window(d, &q, 0, 16, rows, &nr, &err), 0);
    ck_assert_int_eq(nr, 4);
    for (int i = 0; i < nr; i++)
        ck_assert_str_eq(rows[i].org_name, "东湖第一网格党支部");
    long pos = -1;
    int64_t sun = q_int(d, "SELECT id FROM member WHERE name = '孙六'");
    ck_assert_int_eq(member_position(d, &q, sun, &pos, &err), 0);
    ck_assert_int_eq(pos, -1);
    ck_assert_int_eq(member_position(d, &q, f.wang, &pos, &err), 0);
    ck_assert(pos >= 0);
    /* with a filter */
    q.filter = "zy";     /* 张一 */
    ck_assert_int_eq(member_count(d, &q, &n, &err), 0);
    ck_assert_int_eq(n, 1);
    q.org_direct = false;
    q.org_id = f.g1;
    q.filter = "zq";
    ck_assert_int_eq(member_count(d, &q, &n, &err), 0);
    ck_assert_int_eq(n, 1);
    db_close(d);
}
END_TEST

/* ---- demo posts ---- */

START_TEST(test_demo_posts)
{
    db *d = tu_open();
    zb_err err = {""};
    struct demo_options o;
    demo_options_default(&o);
    o.members = 400;
    o.months = 3;
    ck_assert_msg(demo_fill_opts(d, &o, NULL, &err) == 0, "%s", err.msg);
    /* every 支部 (and 党委, 党总支) a current 书记, every 党小组 with
     * members a 组长 */
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org o WHERE kind IN"
                              " ('社区党委', '社区党总支', '社区党支部',"
                              " '网格党支部', '小区党支部', '功能型党支部')"
                              " AND (SELECT count(*) FROM org_post p WHERE"
                              " p.org_id = o.id AND p.post = 1 AND"
                              " p.end_date = '') <> 1"), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org o WHERE kind ="
                              " '党小组' AND EXISTS (SELECT 1 FROM member m"
                              " WHERE m.org_id = o.id AND m.left_kind = 0)"
                              " AND NOT EXISTS (SELECT 1 FROM org_post p"
                              " WHERE p.org_id = o.id AND p.post = 7"
                              " AND p.end_date = '')"), 0);
    /* 2-4 committee members besides the 书记, some past terms */
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org o WHERE kind LIKE"
                              " '%%党支部' AND (SELECT count(*) FROM org_post"
                              " p WHERE p.org_id = o.id AND p.post BETWEEN 2"
                              " AND 6) NOT BETWEEN 1 AND 4"), 0);
    ck_assert(q_int(d, "SELECT count(*) FROM org_post WHERE end_date <> ''")
              > 0);
    /* each term passes the model's own checks (no overlaps, posts fit) */
    long long n = q_int(d, "SELECT count(*) FROM org_post");
    for (long long i = 1; i <= n; i++) {
        struct org_post p;
        ck_assert_int_eq(org_post_get(d, (int64_t)i, &p, &err), 0);
        ck_assert_msg(org_post_validate(d, &p, NULL, &err) == 0,
                      "post %lld: %s", i, err.msg);
        ck_assert(p.member_id > 0 && p.name[0]);
    }
    /* 支部委员会 rolls: only those holding a committee post that day */
    ck_assert(q_int(d, "SELECT count(*) FROM attendance a JOIN meeting t"
                       " ON t.id = a.meeting_id WHERE t.kind = 2") > 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM attendance a JOIN"
                              " meeting t ON t.id = a.meeting_id WHERE"
                              " t.kind = 2 AND a.guest = 0 AND NOT EXISTS"
                              " (SELECT 1 FROM org_post p WHERE p.org_id ="
                              " t.org_id AND p.member_id = a.member_id AND"
                              " p.post BETWEEN 1 AND 6 AND p.start_date <="
                              " t.date AND (p.end_date = '' OR p.end_date"
                              " >= t.date))"), 0);
    db_close(d);
}
END_TEST

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("ZHIBU_TODAY", TODAY, 1);
    Suite *s = suite_create("org");
    TCase *tc = tcase_create("org");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, NULL, tu_cleanup);
    tcase_add_test(tc, test_rules);
    tcase_add_test(tc, test_validate_and_save);
    tcase_add_test(tc, test_move);
    tcase_add_test(tc, test_delete);
    tcase_add_test(tc, test_counts);
    tcase_add_test(tc, test_posts);
    tcase_add_test(tc, test_committee_roll);
    tcase_add_test(tc, test_member_query_direct);
    tcase_add_test(tc, test_demo_posts);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
