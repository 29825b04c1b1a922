/* Screen tests of 网格管理: the grid tree (expand/collapse, figures),
 * the node form (add, refused saves), move and delete refusals, the
 * roles screen and the coverage view, on an off-screen 80x24 terminal
 * over a temporary database with a small planted tree. */
#include <check.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "model/grid.h"
#include "model/member.h"
#include "screens.h"
#include "testutil.h"
#include "text.h"
#include "tui/key.h"

static db *d;
static struct zb_ctx ctx;
static struct harness h;
/* 东湖社区 ─ 第一片区 ─ 第一网格 (420 households entered) ─ 1号楼 (200,
 * 600), 2号楼 (180, 500); 第二片区 empty. 张三 is the 网格长 of 第一网格;
 * 王芳 lives in 1号楼. */
static int64_t community, area1, area2, grid1, bld1, bld2;
static int64_t li, wang;

static int64_t add_node(int64_t parent, int level, const char *name,
                        long households, long population)
{
    struct grid_node g;
    grid_node_init(&g);
    g.parent_id = parent;
    g.level = level;
    snprintf(g.name, sizeof g.name, "%s", name);
    g.households = households;
    g.population = population;
    zb_err e;
    ck_assert_msg(grid_save(d, &g, &e) == 0, "grid_save %s: %s", name, e.msg);
    return g.id;
}

static void add_role(int64_t grid, int role, const char *name,
                     const char *phone)
{
    struct grid_role r;
    memset(&r, 0, sizeof r);
    r.grid_id = grid;
    r.role = role;
    snprintf(r.name, sizeof r.name, "%s", name);
    snprintf(r.phone, sizeof r.phone, "%s", phone);
    zb_err e;
    ck_assert_msg(grid_role_save(d, &r, &e) == 0, "grid_role_save: %s", e.msg);
}

/* One integer from SQL (counts in the database). */
static long q1(const char *sql)
{
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(db_handle(d), sql, -1, &st, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long v = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void setup(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("ZHIBU_TODAY", "2026-11-22", 1);
    d = tu_open();
    int64_t street = tu_org(d, 0, "青松街道党工委", "街道党工委");
    int64_t branch = tu_org(d, street, "东湖社区第一网格党支部", "网格党支部");
    community = add_node(0, GRID_COMMUNITY, "东湖社区", -1, -1);
    area1 = add_node(community, GRID_AREA, "第一片区", -1, -1);
    area2 = add_node(community, GRID_AREA, "第二片区", -1, -1);
    grid1 = add_node(area1, GRID_GRID, "第一网格", 420, -1);
    bld1 = add_node(grid1, GRID_BUILDING, "1号楼", 200, 600);
    bld2 = add_node(grid1, GRID_BUILDING, "2号楼", 180, 500);
    add_role(grid1, ROLE_GRID_HEAD, "张三", "13800000000");
    li = tu_member(d, "李四", "13800000001", "", branch);
    wang = tu_member(d, "王芳", "13800000002", "", branch);
    member m;
    zb_err e;
    ck_assert(member_get(d, wang, &m, &e) == 0);
    m.residence_id = bld1;
    ck_assert_msg(member_save(d, &m, &e) == 0, "%s", e.msg);

    memset(&ctx, 0, sizeof ctx);
    ctx.db = d;
    ck_assert_int_eq(harness_start(&h, 24, 80), 0);
}

static void teardown(void)
{
    harness_stop(&h);
    db_close(d);
    tu_cleanup();
}

static void dump_on_fail(int ok, const char *what)
{
    if (!ok) {
        harness_dump(&h, stderr);
        ck_abort_msg("%s", what);
    }
}

static void push(tui_screen *s)
{
    ck_assert_ptr_nonnull(s);
    tui_app_push(h.app, s);
    harness_run(&h);
}

static bool has(const char *text)
{
    return harness_find(&h, text) >= 0;
}

/* The first row containing `key` also contains `text`. */
static bool row_has(const char *key, const char *text)
{
    char row[1024];
    int y = harness_find(&h, key);
    if (y < 0)
        return false;
    harness_row(&h, y, row, sizeof row);
    return strstr(row, text) != NULL;
}

/* Right-aligned: `cell` on the row of `key` ends where the header `head`
 * ends. */
static bool under_right(const char *key, const char *cell, const char *head)
{
    int hdr = harness_find(&h, head);
    int y = harness_find(&h, key);
    if (hdr < 0 || y < 0)
        return false;
    int hc = harness_col(&h, hdr, head), c = harness_col(&h, y, cell);
    return hc >= 0 && c >= 0 &&
           c + text_width(cell) == hc + text_width(head);
}

/* The right-aligned cell of the row of `key` that ends where the header
 * `head` ends, exactly: "1" is not found inside "1100" of the next
 * column. */
static bool cell_right(const char *key, const char *cell, const char *head)
{
    int hdr = harness_find(&h, head);
    int y = harness_find(&h, key);
    if (hdr < 0 || y < 0)
        return false;
    int end = harness_col(&h, hdr, head) + text_width(head);
    char row[1024];
    harness_row(&h, y, row, sizeof row);
    /* the byte offsets where each column starts */
    int col = 0;
    size_t at_end = (size_t)-1, i = 0, len = strlen(row);
    while (i <= len) {
        if (col == end) {
            at_end = i;
            break;
        }
        if (i == len)
            break;
        uint32_t c;
        size_t n = text_decode(row + i, len - i, &c);
        col += text_char_width(c);
        i += n ? n : 1;
    }
    size_t cl = strlen(cell);
    if (at_end == (size_t)-1 || at_end < cl)
        return false;
    size_t start = at_end - cl;
    return strncmp(row + start, cell, cl) == 0 &&
           (start == 0 || row[start - 1] == ' ') &&
           (row[at_end] == ' ' || row[at_end] == '\0');
}

static void keys(const int *k, int n)
{
    for (int i = 0; i < n; i++)
        harness_key(&h, k[i]);
}

/* Opens the tree and puts the cursor on 第一网格 (社区, 第一片区 expanded
 * by the down/right keys, then onto its first child). */
static void open_on_grid1(void)
{
    push(grids_screen_new(h.app, &ctx));
    const int k[] = {TUI_FN(KEY_DOWN), TUI_FN(KEY_RIGHT), TUI_FN(KEY_RIGHT)};
    keys(k, 3);
    harness_run(&h);
    dump_on_fail(has("第 3/4 条"), "cursor on 第一网格");
}

START_TEST(tree_expand_collapse_and_figures)
{
    push(grids_screen_new(h.app, &ctx));
    dump_on_fail(has("网格管理  共 6 个节点"), "title with the node count");
    /* one community: it opens with its 片区 shown */
    dump_on_fail(has("东湖社区") && has("第一片区") && has("第二片区"),
                 "community and areas");
    dump_on_fail(!has("第一网格"), "grids collapsed");
    dump_on_fail(row_has("第一片区", "+ 第一片区"), "collapsed marker");
    dump_on_fail(row_has("东湖社区", "- 东湖社区"), "expanded marker");

    harness_key(&h, TUI_FN(KEY_DOWN));
    harness_key(&h, TUI_FN(KEY_RIGHT));
    harness_run(&h);
    dump_on_fail(has("第一网格"), "expanded: 第一网格 shown");
    dump_on_fail(row_has("第一片区", "- 第一片区"), "marker after expand");
    /* 420 entered, children sum to 380: marked */
    dump_on_fail(under_right("第一网格", "420*", "户数"), "420* under 户数");
    dump_on_fail(under_right("第一网格", "1100", "人口"),
                 "population summed from the buildings");
    dump_on_fail(cell_right("第一网格", "1", "居住党员"), "one resident");
    dump_on_fail(cell_right("第一网格", "1100", "人口"), "cell_right finds");
    dump_on_fail(!cell_right("第一网格", "100", "人口"), "cell_right exact");
    dump_on_fail(row_has("第一网格", "网格长:张三"), "the 网格长 shown");
    /* the area's total is the grid's entered figure */
    dump_on_fail(under_right("第一片区", "420", "户数"), "area total");

    /* Right on an open node steps onto its first child; again expands */
    harness_key(&h, TUI_FN(KEY_RIGHT));
    harness_key(&h, TUI_FN(KEY_RIGHT));
    harness_run(&h);
    dump_on_fail(has("1号楼") && has("2号楼"), "buildings shown");
    dump_on_fail(under_right("1号楼", "200", "户数") &&
                 under_right("1号楼", "600", "人口"), "building figures");
    dump_on_fail(under_right("2号楼", "180", "户数"), "second building");
    dump_on_fail(has("第 3/6 条"), "cursor stays on 第一网格");

    harness_key(&h, TUI_FN(KEY_LEFT));
    harness_run(&h);
    dump_on_fail(!has("1号楼") && has("第 3/4 条"), "collapsed again");
    harness_key(&h, TUI_FN(KEY_LEFT));   /* closed: to the parent */
    harness_key(&h, TUI_FN(KEY_LEFT));   /* and closes it */
    harness_run(&h);
    dump_on_fail(!has("第一网格") && has("第 2/3 条"), "area collapsed");

    /* the filter finds a node by a responsible person's name */
    harness_key(&h, '/');
    harness_type(&h, "张三");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(has("第一网格") && !has("第二片区"), "filter by head");
}
END_TEST

START_TEST(add_node_through_the_form)
{
    open_on_grid1();
    harness_key(&h, 'a');
    harness_run(&h);
    dump_on_fail(has("网格管理 - 新增楼栋"), "form title: level preset");
    dump_on_fail(row_has("上级", "东湖社区/第一片区/第一网格"), "parent path");
    harness_type(&h, "3号楼");
    harness_key(&h, '\t');   /* 层级 */
    harness_key(&h, '\t');   /* 户数 (上级 is read-only) */
    harness_type(&h, "120");
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    dump_on_fail(has("已保存：楼栋「3号楼」"), "saved message");
    dump_on_fail(under_right("3号楼", "120", "户数"), "new node with figure");
    /* the cursor is on the new node: 社区, 片区, 网格, 1-3号楼, 片区 */
    dump_on_fail(has("第 6/7 条"), "cursor on the new node");
    dump_on_fail(has("网格管理  共 7 个节点"), "count in the title");
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM grid WHERE name = '3号楼' AND level = 4"
             " AND parent_id = %lld AND households = 120"
             " AND population IS NULL", (long long)grid1);
    ck_assert_int_eq(q1(sql), 1);

    /* editing keeps the cursor on the node */
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, '\t');
    harness_key(&h, '\t');
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, "130");
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    dump_on_fail(under_right("3号楼", "130", "户数") && has("第 6/7 条"),
                 "edited in place");
}
END_TEST

START_TEST(refused_save_shows_message_by_field)
{
    open_on_grid1();
    harness_key(&h, 'a');
    harness_type(&h, "错层");
    harness_key(&h, '\t');
    harness_key(&h, TUI_FN(KEY_LEFT));   /* 楼栋 -> 网格 */
    harness_key(&h, TUI_FN(KEY_LEFT));   /* -> 片区 */
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    dump_on_fail(row_has("层级：", "片区不能建在网格之下"),
                 "level message next to 层级");
    dump_on_fail(has("请改正后再保存"), "status says why");
    ck_assert_int_eq(q1("SELECT count(*) FROM grid"), 6);

    /* an empty name: the model's message by 名称 */
    harness_key(&h, TUI_FN(KEY_RIGHT));
    harness_key(&h, TUI_FN(KEY_RIGHT));
    harness_key(&h, TUI_FN(KEY_BTAB));
    harness_key(&h, TUI_CTRL('u'));
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    dump_on_fail(row_has("名称：", "请填写名称"), "name message");
    dump_on_fail(!row_has("层级：", "不能建在"), "level fixed");
    /* a negative figure */
    harness_type(&h, "4号楼");
    harness_key(&h, '\t');
    harness_key(&h, '\t');
    harness_type(&h, "-5");
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    dump_on_fail(row_has("户数：", "户数不能为负数"), "negative households");
    ck_assert_int_eq(q1("SELECT count(*) FROM grid"), 6);

    /* Esc asks; yes leaves with nothing saved */
    harness_key(&h, TUI_KEY_ESC);
    harness_type(&h, "y");
    harness_run(&h);
    dump_on_fail(has("网格管理  共 6 个节点"), "back on the tree");
    ck_assert_int_eq(q1("SELECT count(*) FROM grid"), 6);
}
END_TEST

START_TEST(move_and_its_refusals)
{
    open_on_grid1();
    /* the picker offers valid parents only: not its own building */
    harness_key(&h, 'm');
    harness_type(&h, "1号楼");
    harness_key(&h, TUI_KEY_ENTER);      /* no match: nothing picked */
    harness_key(&h, TUI_KEY_ESC);
    harness_run(&h);
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT parent_id FROM grid WHERE id = %lld",
             (long long)grid1);
    ck_assert_int_eq(q1(sql), area1);
    /* and the model refuses it anyway */
    zb_err e;
    ck_assert_int_eq(grid_move(d, grid1, bld1, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "不能移到它自己的下级"));

    /* to the other area: moved, the cursor follows it */
    harness_key(&h, 'm');
    harness_type(&h, "第二片区");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(has("已把「第一网格」移到 东湖社区/第二片区 之下"),
                 "moved message");
    ck_assert_int_eq(q1(sql), area2);
    /* rows: 社区, 第一片区 (now empty), 第二片区, 第一网格 */
    dump_on_fail(has("第 4/4 条"), "cursor on the moved node");
    dump_on_fail(row_has("第二片区", "420"), "figures follow the move");

    /* a 社区 does not move */
    harness_key(&h, TUI_FN(KEY_HOME));
    harness_key(&h, 'm');
    harness_run(&h);
    dump_on_fail(has("社区是最上一级"), "community refused");
}
END_TEST

START_TEST(delete_says_why_not)
{
    open_on_grid1();
    harness_key(&h, 'd');
    harness_type(&h, "y");
    harness_run(&h);
    dump_on_fail(has("不能删除") && has("下级节点"), "refusal with reason");
    ck_assert_int_eq(q1("SELECT count(*) FROM grid"), 6);
    /* 2号楼 has nothing attached: deleted */
    harness_key(&h, TUI_FN(KEY_RIGHT));
    harness_key(&h, TUI_FN(KEY_DOWN));
    harness_key(&h, TUI_FN(KEY_DOWN));
    harness_key(&h, 'd');
    harness_type(&h, "y");
    harness_run(&h);
    dump_on_fail(has("已删除：东湖社区/第一片区/第一网格/2号楼"), "deleted");
    dump_on_fail(!has("  2号楼 ") && !has("180"), "gone from the tree");
    ck_assert_int_eq(q1("SELECT count(*) FROM grid"), 5);
}
END_TEST

START_TEST(roles_screen_adds_a_role)
{
    push(grid_roles_new(h.app, &ctx, bld1));
    dump_on_fail(has("东湖社区/第一片区/第一网格/1号楼") && has("现任 0 人"),
                 "roles title");
    harness_key(&h, 'a');
    harness_run(&h);
    /* a building has one role: preset, the cursor on 党员 */
    dump_on_fail(row_has("职务：", "楼栋长"), "role preset");
    harness_key(&h, TUI_KEY_ENTER);      /* the member picker */
    harness_type(&h, "ls");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, TUI_KEY_ENTER);      /* the one match */
    harness_run(&h);
    dump_on_fail(row_has("姓名：", "李四") && row_has("电话：", "13800000001"),
                 "name and phone from the register");
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    dump_on_fail(has("已保存：楼栋长 李四"), "saved");
    dump_on_fail(row_has("李四", "楼栋长") && row_has("李四", "至今"),
                 "listed as current");
    dump_on_fail(has("现任 1 人"), "title count");
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM grid_role WHERE grid_id = %lld AND role = 4"
             " AND member_id = %lld AND phone = '13800000001'",
             (long long)bld1, (long long)li);
    ck_assert_int_eq(q1(sql), 1);

    /* a second 楼栋长 at the same time: refused next to the dates */
    harness_key(&h, 'a');
    harness_key(&h, '\t');
    harness_type(&h, "王五");
    harness_key(&h, '\t');
    harness_type(&h, "13900000000");
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    dump_on_fail(row_has("任职日期：", "任期重叠"), "overlap by the date");
    ck_assert_int_eq(q1("SELECT count(*) FROM grid_role"), 2);
    /* no person at all */
    harness_key(&h, TUI_FN(KEY_UP));
    harness_key(&h, TUI_FN(KEY_UP));
    harness_key(&h, TUI_CTRL('u'));
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    dump_on_fail(row_has("姓名：", "请填写担任此职务的人员"), "no person");
    harness_key(&h, TUI_KEY_ESC);
    harness_type(&h, "y");
    harness_run(&h);
    ck_assert_int_eq(q1("SELECT count(*) FROM grid_role"), 2);

    /* 离任 a week ago: shown as past, the title counts it */
    harness_key(&h, 'x');
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, "2026-11-15");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(has("现任 0 人，历任 1 人"), "ended");
    dump_on_fail(row_has("李四", "2026-11-15"), "end date shown");
}
END_TEST

START_TEST(coverage_gap_disappears_after_fix)
{
    push(coverage_screen_new(h.app, &ctx, community));
    dump_on_fail(has("网格覆盖检查  东湖社区"), "coverage title");
    dump_on_fail(row_has("第一网格/1号楼", "缺楼栋长"), "building gap");
    dump_on_fail(row_has("第一网格/2号楼", "缺楼栋长"), "second building");
    dump_on_fail(row_has("第一网格 ", "缺网格员") ||
                 has("缺网格员"), "grid without a worker");
    char title[256];
    harness_row(&h, 0, title, sizeof title);
    int before = 0;
    const char *p = strstr(title, "共 ");
    ck_assert_ptr_nonnull(p);
    before = atoi(p + strlen("共 "));
    ck_assert_int_ge(before, 3);

    /* Enter on the building's gap opens its roles */
    harness_key(&h, '/');
    harness_type(&h, "1号楼");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(has("负责人  东湖社区/第一片区/第一网格/1号楼"),
                 "roles of the building");
    harness_key(&h, 'a');
    harness_key(&h, '\t');               /* 党员 -> 姓名 */
    harness_type(&h, "赵六");
    harness_key(&h, '\t');
    harness_type(&h, "13911112222");
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    dump_on_fail(row_has("赵六", "楼栋长"), "role added");
    harness_key(&h, TUI_KEY_ESC);        /* back to the coverage view */
    harness_run(&h);
    dump_on_fail(!has("1号楼"), "the fixed gap is gone");
    harness_key(&h, TUI_KEY_ESC);        /* drop the filter */
    harness_run(&h);
    dump_on_fail(row_has("2号楼", "缺楼栋长") && !has("1号楼"),
                 "only the other building is left");
    harness_row(&h, 0, title, sizeof title);
    p = strstr(title, "共 ");
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(atoi(p + strlen("共 ")), before - 1);
}
END_TEST

START_TEST(others_changes_show_on_the_tick)
{
    open_on_grid1();
    db *other = NULL;
    zb_err e;
    ck_assert_msg(db_open(tu_path("zhibu.db"), 0, &other, &e) == 0, "%s",
                  e.msg);
    struct grid_node g;
    grid_node_init(&g);
    g.parent_id = area1;
    g.level = GRID_GRID;
    snprintf(g.name, sizeof g.name, "新网格");
    ck_assert_msg(grid_save(other, &g, &e) == 0, "%s", e.msg);
    db_close(other);
    tui_screen *top = tui_app_top(h.app);
    ck_assert(top->ops->tick(top) & TUI_REDRAW);
    harness_run(&h);
    dump_on_fail(has("新网格") && has("共 7 个节点"), "other's node shown");
    dump_on_fail(has("第 3/5 条"), "cursor kept on 第一网格");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("screens_grids");
    TCase *tc = tcase_create("grids");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, tree_expand_collapse_and_figures);
    tcase_add_test(tc, add_node_through_the_form);
    tcase_add_test(tc, refused_save_shows_message_by_field);
    tcase_add_test(tc, move_and_its_refusals);
    tcase_add_test(tc, delete_says_why_not);
    tcase_add_test(tc, roles_screen_adds_a_role);
    tcase_add_test(tc, coverage_gap_disappears_after_fix);
    tcase_add_test(tc, others_changes_show_on_the_tick);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
