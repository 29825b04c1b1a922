/* The grid model against a temporary database: the tree (order, totals,
 * residents, moves, cycles, level order, deletes with reasons), roles
 * (overlaps, persons, levels, phones), nothing half-saved. */
#include <check.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain.h"
#include "model/grid.h"
#include "model/grid_int.h"
#include "model/member.h"
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

static int64_t node(db *d, int64_t parent, int level, const char *name,
                    long households, long population)
{
    struct grid_node g;
    zb_err err = {""};
    grid_node_init(&g);
    g.parent_id = parent;
    g.level = level;
    snprintf(g.name, sizeof g.name, "%s", name);
    g.households = households;
    g.population = population;
    ck_assert_msg(grid_save(d, &g, &err) == 0, "%s: %s", name, err.msg);
    ck_assert(g.id > 0);
    return g.id;
}

static int64_t role(db *d, int64_t grid, int kind, const char *name,
                    const char *start, const char *end)
{
    struct grid_role r;
    zb_err err = {""};
    memset(&r, 0, sizeof r);
    r.grid_id = grid;
    r.role = kind;
    snprintf(r.name, sizeof r.name, "%s", name);
    snprintf(r.phone, sizeof r.phone, "13900001111");
    snprintf(r.start_date, sizeof r.start_date, "%s", start);
    snprintf(r.end_date, sizeof r.end_date, "%s", end);
    ck_assert_msg(grid_role_save(d, &r, &err) == 0, "%s: %s", name,
                  err.msg);
    return r.id;
}

static const struct grid_item *item(const struct grid_item *v, int n,
                                    int64_t id)
{
    for (int i = 0; i < n; i++)
        if (v[i].id == id)
            return &v[i];
    ck_abort_msg("node %lld not listed", (long long)id);
    return NULL;
}

/* The fixture: 东城社区 / 第一片区 / 第一网格 / 1号楼 (100 户 300 人
 * entered; units 40/120 and 50/-) , 2号楼 (nothing), 3号楼 (unit 30/90);
 * 第二网格 empty. */
struct fx {
    int64_t c, a1, g1, g2, b1, b2, b3, u1, u2, u3;
};

static void fixture(db *d, struct fx *f)
{
    f->c = node(d, 0, GRID_COMMUNITY, "东城社区", -1, -1);
    f->a1 = node(d, f->c, GRID_AREA, "第一片区", -1, -1);
    f->g1 = node(d, f->a1, GRID_GRID, "第一网格", -1, -1);
    f->g2 = node(d, f->a1, GRID_GRID, "第二网格", -1, -1);
    f->b1 = node(d, f->g1, GRID_BUILDING, "1号楼", 100, 300);
    f->b2 = node(d, f->g1, GRID_BUILDING, "2号楼", -1, -1);
    f->b3 = node(d, f->g1, GRID_BUILDING, "3号楼", -1, -1);
    f->u1 = node(d, f->b1, GRID_UNIT, "1单元", 40, 120);
    f->u2 = node(d, f->b1, GRID_UNIT, "2单元", 50, -1);
    f->u3 = node(d, f->b3, GRID_UNIT, "1单元", 30, 90);
}

static void resident(db *d, const char *name, int64_t where, bool left)
{
    member m;
    zb_err err = {""};
    member_init(&m);
    snprintf(m.name, sizeof m.name, "%s", name);
    m.residence_id = where;
    if (left) {
        m.left_kind = LEFT_TRANSFERRED;
        snprintf(m.left_date, sizeof m.left_date, "2025-01-01");
    }
    ck_assert_msg(member_save(d, &m, &err) == 0, "%s", err.msg);
    member back;
    ck_assert_int_eq(member_get(d, m.id, &back, &err), 0);
    ck_assert_int_eq(back.residence_id, where);
}

START_TEST(test_totals_and_order)
{
    db *d = tu_open();
    struct fx f;
    fixture(d, &f);
    resident(d, "张三", f.u1, false);
    resident(d, "李四", f.u1, false);
    resident(d, "王五", f.b2, false);
    resident(d, "赵六", f.b1, true);    /* left: not counted */
    struct grid_item *v;
    int n;
    zb_err err = {""};
    ck_assert_int_eq(grid_list(d, &v, &n, &err), 0);
    ck_assert_int_eq(n, 10);
    /* tree order, siblings by name with numbers as numbers */
    const int64_t want[] = {f.c, f.a1, f.g1, f.b1, f.u1, f.u2, f.b2, f.b3,
                            f.u3, f.g2};
    for (int i = 0; i < n; i++)
        ck_assert_msg(v[i].id == want[i], "row %d is %s", i, v[i].path);
    ck_assert_str_eq(v[4].path, "东城社区/第一片区/第一网格/1号楼/1单元");
    ck_assert_int_eq(v[4].depth, 4);

    const struct grid_item *x = item(v, n, f.b1);
    ck_assert_int_eq(x->households, 100);
    ck_assert_int_eq(x->total_households, 100);      /* entered wins */
    ck_assert_int_eq(x->child_households, 90);
    ck_assert_int_eq(x->total_population, 300);
    ck_assert_int_eq(x->child_population, 120);
    ck_assert_int_eq(x->residents, 2);
    x = item(v, n, f.b2);
    ck_assert_int_eq(x->total_households, -1);
    ck_assert_int_eq(x->child_households, -1);
    ck_assert_int_eq(x->residents, 1);
    x = item(v, n, f.b3);
    ck_assert_int_eq(x->households, -1);
    ck_assert_int_eq(x->total_households, 30);
    ck_assert_int_eq(x->total_population, 90);
    x = item(v, n, f.g1);
    ck_assert_int_eq(x->total_households, 130);
    ck_assert_int_eq(x->total_population, 390);
    ck_assert_int_eq(x->residents, 3);
    x = item(v, n, f.c);
    ck_assert_int_eq(x->total_households, 130);
    ck_assert_int_eq(x->total_population, 390);
    ck_assert_int_eq(x->residents, 3);
    ck_assert_int_eq(x->depth, 0);
    ck_assert_int_eq(x->parent_id, 0);
    x = item(v, n, f.g2);
    ck_assert_int_eq(x->total_households, -1);
    ck_assert_int_eq(x->residents, 0);
    free(v);
    db_close(d);
}
END_TEST

START_TEST(test_sort_key)
{
    char a[256], b[256];
    const char *order[] = {"第一网格", "第二网格", "第九网格", "第十网格",
                           "第十二网格", "第二十网格", "第一百零五网格"};
    for (size_t i = 0; i + 1 < sizeof order / sizeof *order; i++) {
        grid_sort_key(order[i], a, sizeof a);
        grid_sort_key(order[i + 1], b, sizeof b);
        ck_assert_msg(strcmp(a, b) < 0, "%s !< %s (%s, %s)", order[i],
                      order[i + 1], a, b);
    }
    grid_sort_key("3号楼", a, sizeof a);
    grid_sort_key("12号楼", b, sizeof b);
    ck_assert_msg(strcmp(a, b) < 0, "%s %s", a, b);
    grid_sort_key("第十二网格", a, sizeof a);
    ck_assert_str_eq(a, "di 000000012 wang ge ");
}
END_TEST

START_TEST(test_validate)
{
    db *d = tu_open();
    struct fx f;
    fixture(d, &f);
    struct grid_node g;
    zb_err err = {""};
    const char *field = NULL;
    long before = (long)q_int(d, "SELECT count(*) FROM grid");

    grid_node_init(&g);
    g.parent_id = f.g1;
    g.level = GRID_BUILDING;
    snprintf(g.name, sizeof g.name, "  ");
    ck_assert_int_eq(grid_validate(d, &g, &field, &err), -1);
    ck_assert_str_eq(err.msg, "请填写名称");
    ck_assert_str_eq(field, "name");
    ck_assert_int_eq(grid_save(d, &g, &err), -1);
    ck_assert_str_eq(err.msg, "请填写名称");

    snprintf(g.name, sizeof g.name, "9号楼");
    g.parent_id = f.u1;
    ck_assert_int_eq(grid_validate(d, &g, &field, &err), -1);
    ck_assert_str_eq(err.msg, "楼栋不能建在单元之下");
    ck_assert_str_eq(field, "level");
    ck_assert_int_eq(grid_save(d, &g, &err), -1);

    g.parent_id = f.g1;
    g.households = -5;
    ck_assert_int_eq(grid_validate(d, &g, &field, &err), -1);
    ck_assert_str_eq(field, "households");
    ck_assert_str_eq(err.msg, "户数不能为负数");
    g.households = -1;
    g.population = -3;
    ck_assert_int_eq(grid_validate(d, &g, &field, &err), -1);
    ck_assert_str_eq(field, "population");
    g.population = -1;

    snprintf(g.name, sizeof g.name, "1号楼");     /* a sibling has it */
    ck_assert_int_eq(grid_validate(d, &g, &field, &err), -1);
    ck_assert_str_eq(field, "name");
    ck_assert_str_eq(err.msg, "同一上级下已有名为「1号楼」的节点");

    g.parent_id = 0;                              /* only a 社区 is a root */
    snprintf(g.name, sizeof g.name, "9号楼");
    ck_assert_int_eq(grid_validate(d, &g, &field, &err), -1);
    ck_assert_str_eq(field, "parent");
    g.parent_id = 9999;
    ck_assert_int_eq(grid_validate(d, &g, &field, &err), -1);
    ck_assert_str_eq(field, "parent");
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM grid"), before);

    /* a level change must leave the children below */
    ck_assert_int_eq(grid_get(d, f.b1, &g, &err), 0);
    ck_assert_str_eq(g.name, "1号楼");
    ck_assert_int_eq(g.households, 100);
    g.level = GRID_UNIT;
    ck_assert_int_eq(grid_save(d, &g, &err), -1);
    ck_assert_str_eq(err.msg, "下级已有单元，不能改为单元");
    /* and roles where they belong */
    role(d, f.b2, ROLE_BUILDING_HEAD, "孙七", "2025-01-01", "");
    ck_assert_int_eq(grid_get(d, f.b2, &g, &err), 0);
    g.level = GRID_UNIT;
    ck_assert_int_eq(grid_save(d, &g, &err), -1);
    ck_assert_str_eq(err.msg, "此节点有楼栋长的任职记录，不能改为单元");
    ck_assert_int_eq(grid_get(d, f.b2, &g, &err), 0);
    ck_assert_int_eq(g.level, GRID_BUILDING);

    /* an edit that is fine */
    g.households = 75;
    snprintf(g.notes, sizeof g.notes, "新建小区");
    ck_assert_int_eq(grid_save(d, &g, &err), 0);
    ck_assert_int_eq(q_int(d, "SELECT households FROM grid WHERE id = %lld",
                           (long long)f.b2), 75);
    db_close(d);
}
END_TEST

START_TEST(test_move)
{
    db *d = tu_open();
    struct fx f;
    fixture(d, &f);
    zb_err err = {""};
    ck_assert_int_eq(grid_move(d, f.g1, f.b1, &err), -1);
    ck_assert_str_eq(err.msg, "不能移到它自己的下级");
    ck_assert_int_eq(grid_move(d, f.g1, f.u3, &err), -1);
    ck_assert_str_eq(err.msg, "不能移到它自己的下级");
    ck_assert_int_eq(grid_move(d, f.g1, f.g1, &err), -1);
    ck_assert_str_eq(err.msg, "不能移到它自己的下级");
    ck_assert_int_eq(grid_move(d, f.b1, f.b2, &err), -1);
    ck_assert_str_eq(err.msg, "楼栋不能建在楼栋之下");
    ck_assert_int_eq(grid_move(d, f.a1, 0, &err), -1);
    ck_assert_int_eq(q_int(d, "SELECT parent_id FROM grid WHERE id = %lld",
                           (long long)f.g1), f.a1);

    /* 3号楼 to the second grid: both grids' sums follow */
    ck_assert_int_eq(grid_move(d, f.b3, f.g2, &err), 0);
    /* a 网格 straight under the 社区 (no 片区) is allowed */
    ck_assert_int_eq(grid_move(d, f.g2, f.c, &err), 0);
    struct grid_item *v;
    int n;
    ck_assert_int_eq(grid_list(d, &v, &n, &err), 0);
    ck_assert_int_eq(item(v, n, f.g1)->total_households, 100);
    ck_assert_int_eq(item(v, n, f.g2)->total_households, 30);
    ck_assert_int_eq(item(v, n, f.g2)->depth, 1);
    ck_assert_int_eq(item(v, n, f.u3)->depth, 3);
    ck_assert_str_eq(item(v, n, f.u3)->path, "东城社区/第二网格/3号楼/1单元");
    ck_assert_int_eq(item(v, n, f.c)->total_households, 130);
    free(v);

    /* a saved parent change goes through the same checks */
    struct grid_node g;
    ck_assert_int_eq(grid_get(d, f.a1, &g, &err), 0);
    g.parent_id = f.g1;
    const char *field;
    ck_assert_int_eq(grid_validate(d, &g, &field, &err), -1);
    ck_assert_str_eq(err.msg, "不能移到它自己的下级");
    ck_assert_str_eq(field, "parent");
    db_close(d);
}
END_TEST

START_TEST(test_delete)
{
    db *d = tu_open();
    struct fx f;
    fixture(d, &f);
    zb_err err = {""};
    ck_assert_int_eq(grid_delete(d, f.b1, &err), -1);
    ck_assert_str_eq(err.msg, "不能删除：下面还有 2 个下级节点");

    role(d, f.b2, ROLE_BUILDING_HEAD, "孙七", "2020-01-01", "2021-01-01");
    resident(d, "张三", f.b2, false);
    resident(d, "李四", f.b2, true);
    int64_t org = tu_org(d, 0, "第一网格党支部", "网格党支部");
    char sql[256];
    snprintf(sql, sizeof sql, "UPDATE org SET grid_id = %lld WHERE id = %lld",
             (long long)f.b2, (long long)org);
    tu_sql(d, sql);
    snprintf(sql, sizeof sql, "INSERT INTO household (name, grid_id,"
             " registered, created_at, updated_at)"
             " VALUES ('某户', %lld, '2025-01-01', 'x', 'x')",
             (long long)f.b2);
    tu_sql(d, sql);
    ck_assert_int_eq(grid_delete(d, f.b2, &err), -1);
    ck_assert_str_eq(err.msg, "不能删除：有 1 条任职记录（含已离任的）；"
                     "有 2 名党员登记居住在此；"
                     "党组织「第一网格党支部」建在此节点上；"
                     "有 1 户困难家庭登记在此");
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM grid WHERE id = %lld",
                           (long long)f.b2), 1);

    long before = (long)q_int(d, "SELECT count(*) FROM grid");
    ck_assert_int_eq(grid_delete(d, f.u2, &err), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM grid"), before - 1);
    ck_assert_int_eq(grid_delete(d, f.u2, &err), -1);
    ck_assert_str_eq(err.msg, "找不到该网格节点（可能已被他人删除）");
    db_close(d);
}
END_TEST

START_TEST(test_resolve)
{
    db *d = tu_open();
    struct fx f;
    fixture(d, &f);
    zb_err err = {""};
    int64_t id;
    ck_assert_int_eq(grid_resolve(d, "东城社区/第一片区/第一网格", &id, &err),
                     0);
    ck_assert_int_eq(id, f.g1);
    ck_assert_int_eq(grid_resolve(d, " 东城社区 / 第一片区/第一网格/3号楼/ ",
                                  &id, &err), 0);
    ck_assert_int_eq(id, f.b3);
    char s[32];
    snprintf(s, sizeof s, "%lld", (long long)f.u2);
    ck_assert_int_eq(grid_resolve(d, s, &id, &err), 0);
    ck_assert_int_eq(id, f.u2);
    ck_assert_int_eq(grid_resolve(d, "东城社区/第九片区", &id, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "找不到网格节点：东城社区/第九片区"));
    ck_assert_int_eq(grid_resolve(d, "99999", &id, &err), -1);
    db_close(d);
}
END_TEST

static int try_role(db *d, struct grid_role *r, const char **field,
                    zb_err *err)
{
    int rc = grid_role_validate(d, r, field, err);
    int rc2 = grid_role_save(d, r, err);
    ck_assert_msg(rc == rc2, "validate %d, save %d: %s", rc, rc2, err->msg);
    return rc;
}

START_TEST(test_roles)
{
    db *d = tu_open();
    struct fx f;
    fixture(d, &f);
    zb_err err = {""};
    const char *field = NULL;
    int64_t zs = role(d, f.g1, ROLE_GRID_HEAD, "张三", "2024-01-01", "");
    long before = (long)q_int(d, "SELECT count(*) FROM grid_role");

    struct grid_role r;
    memset(&r, 0, sizeof r);
    r.grid_id = f.g1;
    r.role = ROLE_GRID_HEAD;
    snprintf(r.phone, sizeof r.phone, "13900002222");
    snprintf(r.start_date, sizeof r.start_date, "2024-06-01");
    ck_assert_int_eq(try_role(d, &r, &field, &err), -1);
    ck_assert_str_eq(err.msg, "请填写担任此职务的人员");
    ck_assert_str_eq(field, "name");

    snprintf(r.name, sizeof r.name, "李四");
    ck_assert_int_eq(try_role(d, &r, &field, &err), -1);
    ck_assert_str_eq(err.msg, "与 张三 2024-01-01 至今 的任期重叠");
    ck_assert_str_eq(field, "start_date");
    ck_assert_int_eq(r.id, 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM grid_role"), before);

    /* an earlier term that ends the day before: fine; on the same day:
     * overlap (both days count) */
    snprintf(r.start_date, sizeof r.start_date, "2023-01-01");
    snprintf(r.end_date, sizeof r.end_date, "2024-01-01");
    ck_assert_int_eq(try_role(d, &r, &field, &err), -1);
    snprintf(r.end_date, sizeof r.end_date, "2023-12-31");
    ck_assert_int_eq(grid_role_save(d, &r, &err), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM grid_role"), before + 1);
    /* an unknown start reaches back forever */
    struct grid_role o = r;
    o.id = 0;
    o.start_date[0] = '\0';
    snprintf(o.end_date, sizeof o.end_date, "2023-05-01");
    snprintf(o.name, sizeof o.name, "王五");
    ck_assert_int_eq(try_role(d, &o, &field, &err), -1);
    ck_assert_str_eq(err.msg, "与 李四 2023-01-01 至 2023-12-31 的任期重叠");
    snprintf(o.end_date, sizeof o.end_date, "2022-12-31");
    ck_assert_int_eq(grid_role_save(d, &o, &err), 0);
    /* ... and then nothing can start before it ends */
    struct grid_role p = o;
    p.id = 0;
    snprintf(p.start_date, sizeof p.start_date, "1999-01-01");
    snprintf(p.end_date, sizeof p.end_date, "1999-02-01");
    ck_assert_int_eq(try_role(d, &p, &field, &err), -1);
    ck_assert_str_eq(err.msg, "与 王五 起始不详 至 2022-12-31 的任期重叠");

    /* editing a term does not collide with itself */
    struct grid_role z;
    ck_assert_int_eq(grid_role_get(d, zs, &z, &err), 0);
    ck_assert_str_eq(z.name, "张三");
    snprintf(z.notes, sizeof z.notes, "兼任片区联络员");
    ck_assert_int_eq(grid_role_save(d, &z, &err), 0);

    /* the role must suit the node's level */
    memset(&r, 0, sizeof r);
    r.grid_id = f.g1;
    r.role = ROLE_BUILDING_HEAD;
    snprintf(r.name, sizeof r.name, "赵六");
    snprintf(r.phone, sizeof r.phone, "13900003333");
    ck_assert_int_eq(try_role(d, &r, &field, &err), -1);
    ck_assert_str_eq(err.msg, "楼栋长应设在楼栋上，此节点是网格");
    ck_assert_str_eq(field, "role");
    r.role = 0;
    ck_assert_int_eq(try_role(d, &r, &field, &err), -1);
    ck_assert_str_eq(field, "role");

    /* phone: required for a current term, and well-formed */
    r.role = ROLE_WORKER_FULL;
    r.phone[0] = '\0';
    ck_assert_int_eq(try_role(d, &r, &field, &err), -1);
    ck_assert_str_eq(err.msg, "请填写联系电话");
    ck_assert_str_eq(field, "phone");
    snprintf(r.phone, sizeof r.phone, "139-00");
    ck_assert_int_eq(try_role(d, &r, &field, &err), -1);
    ck_assert_str_eq(field, "phone");
    snprintf(r.phone, sizeof r.phone, "0731-88886666");
    snprintf(r.start_date, sizeof r.start_date, "2025-03-01");
    snprintf(r.end_date, sizeof r.end_date, "2025-02-01");
    ck_assert_int_eq(try_role(d, &r, &field, &err), -1);
    ck_assert_str_eq(field, "end_date");
    ck_assert_str_eq(err.msg, "离任日期 2025-02-01 早于任职日期 2025-03-01");
    snprintf(r.end_date, sizeof r.end_date, "2025-13-01");
    ck_assert_int_eq(try_role(d, &r, &field, &err), -1);
    ck_assert_str_eq(field, "end_date");
    r.end_date[0] = '\0';
    ck_assert_int_eq(grid_role_save(d, &r, &err), 0);

    /* several 兼职网格员 at once, but not the same person twice */
    int64_t w1 = role(d, f.g1, ROLE_WORKER_PART, "钱一", "2025-01-01", "");
    int64_t w2 = role(d, f.g1, ROLE_WORKER_PART, "钱二", "2025-01-01", "");
    ck_assert(w1 != w2);
    memset(&r, 0, sizeof r);
    r.grid_id = f.g1;
    r.role = ROLE_WORKER_PART;
    snprintf(r.name, sizeof r.name, "钱一");
    snprintf(r.phone, sizeof r.phone, "13900004444");
    snprintf(r.start_date, sizeof r.start_date, "2025-06-01");
    ck_assert_int_eq(try_role(d, &r, &field, &err), -1);
    ck_assert_str_eq(err.msg, "与 钱一 2025-01-01 至今 的任期重叠");

    /* the list: current first, then by role and start */
    struct grid_role *v;
    int n;
    ck_assert_int_eq(grid_role_list(d, f.g1, true, TODAY, &v, &n, &err), 0);
    ck_assert_int_eq(n, 6);
    ck_assert_str_eq(v[0].name, "张三");
    ck_assert_int_eq(v[1].role, ROLE_WORKER_FULL);
    ck_assert_str_eq(v[2].name, "钱一");
    ck_assert_str_eq(v[3].name, "钱二");
    ck_assert_str_eq(v[4].name, "王五");     /* past, start '' first */
    ck_assert_str_eq(v[5].name, "李四");
    free(v);
    ck_assert_int_eq(grid_role_list(d, f.g1, false, TODAY, &v, &n, &err), 0);
    ck_assert_int_eq(n, 4);
    free(v);

    ck_assert_int_eq(grid_role_delete(d, w2, &err), 0);
    ck_assert_int_eq(grid_role_delete(d, w2, &err), -1);
    ck_assert_int_eq(grid_role_get(d, w2, &r, &err), -1);
    db_close(d);
}
END_TEST

START_TEST(test_role_member)
{
    db *d = tu_open();
    struct fx f;
    fixture(d, &f);
    zb_err err = {""};
    int64_t m = tu_member(d, "周八", "13800005678", "", 0);
    struct grid_role r;
    memset(&r, 0, sizeof r);
    r.grid_id = f.b1;
    r.role = ROLE_BUILDING_HEAD;
    r.member_id = m;
    snprintf(r.start_date, sizeof r.start_date, "2025/3/1");
    ck_assert_int_eq(grid_role_save(d, &r, &err), 0);
    ck_assert_str_eq(r.name, "周八");
    ck_assert_str_eq(r.phone, "13800005678");
    ck_assert_str_eq(r.start_date, "2025-03-01");
    struct grid_role back;
    ck_assert_int_eq(grid_role_get(d, r.id, &back, &err), 0);
    ck_assert_int_eq(back.member_id, m);
    ck_assert_str_eq(back.name, "周八");
    ck_assert_str_eq(back.phone, "13800005678");
    /* a phone given for the role is kept */
    struct grid_role u;
    memset(&u, 0, sizeof u);
    u.grid_id = f.u1;
    u.role = ROLE_UNIT_HEAD;
    u.member_id = m;
    snprintf(u.phone, sizeof u.phone, "0731-88886666");
    ck_assert_int_eq(grid_role_save(d, &u, &err), 0);
    ck_assert_str_eq(u.phone, "0731-88886666");
    u.id = 0;
    u.grid_id = f.u2;
    u.member_id = 99999;
    ck_assert_int_eq(grid_role_save(d, &u, &err), -1);
    ck_assert_str_eq(err.msg, "所选党员不存在（可能已被删除）");
    db_close(d);
}
END_TEST

int main(void)
{
    setenv("ZHIBU_TODAY", TODAY, 1);
    Suite *s = suite_create("grid");
    TCase *tc = tcase_create("grid");
    tcase_add_checked_fixture(tc, NULL, tu_cleanup);
    tcase_add_test(tc, test_totals_and_order);
    tcase_add_test(tc, test_sort_key);
    tcase_add_test(tc, test_validate);
    tcase_add_test(tc, test_move);
    tcase_add_test(tc, test_delete);
    tcase_add_test(tc, test_resolve);
    tcase_add_test(tc, test_roles);
    tcase_add_test(tc, test_role_member);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
