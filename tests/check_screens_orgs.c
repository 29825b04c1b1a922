/* Screen tests of 组织架构: the tree with its counts and hints, expand
 * and collapse, adding a child through the form, moving (the node's own
 * subtree is never offered), deleting (refused with the reason), the
 * member list of one node, the committee posts, on an off-screen 80x24
 * terminal over a temporary database. */
#include <check.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "harness.h"
#include "model/grid.h"
#include "model/member.h"
#include "model/org.h"
#include "screens.h"
#include "testutil.h"
#include "tui/key.h"

static db *d;
static struct zb_ctx ctx;
static struct harness h;
/* street 云溪街道党工委
 *   a 东湖社区党总支
 *     b1 东湖第一网格党支部: 3 正式 + 1 预备, 1 left
 *       g1 第一党小组: 2 正式 + 1 预备
 *       g2 第二党小组: 1 正式
 *     b2 东湖锦绣小区党支部: 1 正式
 *   c 西岭社区党支部 (empty) */
static int64_t street, a, b1, g1, g2, b2, c;

static int64_t add_m(int64_t org, const char *name, int category,
                     bool left)
{
    member m;
    zb_err err = {""};
    member_init(&m);
    snprintf(m.name, sizeof m.name, "%s", name);
    m.org_id = org;
    m.category = category;
    snprintf(m.phone, sizeof m.phone, "1390000%04d", (int)(org * 10 + 1));
    snprintf(m.join_date, sizeof m.join_date, "2010-07-01");
    if (left) {
        m.left_kind = LEFT_TRANSFERRED;
        snprintf(m.left_date, sizeof m.left_date, "2025-01-01");
    }
    ck_assert_msg(member_save(d, &m, &err) == 0, "%s", err.msg);
    return m.id;
}

static long long q_int(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static long long q_int(const char *fmt, ...)
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

static void setup(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("ZHIBU_TODAY", "2026-06-15", 1);
    d = tu_open();
    street = tu_org(d, 0, "云溪街道党工委", "街道党工委");
    a = tu_org(d, street, "东湖社区党总支", "社区党总支");
    b1 = tu_org(d, a, "东湖第一网格党支部", "网格党支部");
    g1 = tu_org(d, b1, "第一党小组", "党小组");
    g2 = tu_org(d, b1, "第二党小组", "党小组");
    b2 = tu_org(d, a, "东湖锦绣小区党支部", "小区党支部");
    c = tu_org(d, street, "西岭社区党支部", "社区党支部");
    add_m(b1, "张一", CATEGORY_FULL, false);
    add_m(b1, "李二", CATEGORY_FULL, false);
    add_m(b1, "王三", CATEGORY_FULL, false);
    add_m(b1, "赵四", CATEGORY_PROBATION, false);
    add_m(b1, "钱五", CATEGORY_FULL, true);
    add_m(g1, "孙六", CATEGORY_FULL, false);
    add_m(g1, "周七", CATEGORY_FULL, false);
    add_m(g1, "吴八", CATEGORY_PROBATION, false);
    add_m(g2, "郑九", CATEGORY_FULL, false);
    add_m(b2, "锦绣一", CATEGORY_FULL, false);
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

static bool row_has(const char *key, const char *text)
{
    char row[1024];
    int y = harness_find(&h, key);
    if (y < 0)
        return false;
    harness_row(&h, y, row, sizeof row);
    return strstr(row, text) != NULL;
}

static bool title_is(const char *prefix)
{
    char row[1024];
    harness_row(&h, 0, row, sizeof row);
    const char *p = row;
    while (*p == ' ')
        p++;
    return strncmp(p, prefix, strlen(prefix)) == 0;
}

static void queue(const int *k, int n)
{
    for (int i = 0; i < n; i++)
        harness_key(&h, k[i]);
}

/* Queues keys; KEYS also runs them. A dialog (picker, prompt, confirm)
 * reads the keys queued when it opens: queue its answer before running. */
#define QUEUE(...) queue((const int[]){__VA_ARGS__}, \
                         (int)(sizeof((const int[]){__VA_ARGS__}) / sizeof(int)))
#define KEYS(...) (QUEUE(__VA_ARGS__), harness_run(&h))

/* Moves the cursor to the row of name: Home, then Down to it (the list
 * starts under the title and the header, on screen row 2). */
static void cursor_to(const char *name)
{
    harness_key(&h, TUI_FN(KEY_HOME));
    harness_run(&h);
    int y = harness_find(&h, name);
    if (y < 2) {
        harness_dump(&h, stderr);
        ck_abort_msg("%s is not on the list", name);
    }
    for (int i = 2; i < y; i++)
        harness_key(&h, TUI_FN(KEY_DOWN));
    harness_run(&h);
    char want[32];
    snprintf(want, sizeof want, "第 %d/", y - 1);
    dump_on_fail(has(want), name);
}

START_TEST(tree_counts_and_expand)
{
    push(orgs_screen_new(h.app, &ctx));
    dump_on_fail(title_is("组织架构  共 7 个组织，9 名党员"), "title");
    /* two levels open: the street, its communities and their branches */
    dump_on_fail(has("第 1/5 条"), "five rows visible");
    dump_on_fail(row_has("云溪街道党工委", "- 云溪街道党工委"), "street open");
    dump_on_fail(row_has("东湖第一网格党支部", "+ 东湖第一网格党支部"),
                 "branch closed");
    dump_on_fail(!has("第一党小组"), "groups hidden");
    dump_on_fail(row_has("东湖第一网格党支部", "3/1") &&
                 row_has("东湖第一网格党支部", "6/2"), "b1 counts");
    dump_on_fail(row_has("东湖第一网格党支部", "4 名党员未编入党小组"),
                 "b1 hint");
    dump_on_fail(row_has("东湖社区党总支", "7/2"), "a total");
    dump_on_fail(row_has("西岭社区党支部", " - "), "c empty");
    dump_on_fail(row_has("云溪街道党工委", "7/2"), "street total");

    /* Right on b1 opens it, Right again goes to its first group */
    cursor_to("东湖第一网格党支部");
    KEYS(TUI_FN(KEY_RIGHT));
    dump_on_fail(has("第一党小组") && has("第二党小组") && has("/7 条"),
                 "expanded");
    dump_on_fail(row_has("第一党小组", "2/1"), "g1 counts");
    KEYS(TUI_FN(KEY_RIGHT));
    dump_on_fail(has("第 4/7 条"), "on the first group");
    /* Left: to the parent, Left again: collapsed, cursor stays */
    KEYS(TUI_FN(KEY_LEFT));
    dump_on_fail(has("第 3/7 条"), "back on b1");
    KEYS(TUI_FN(KEY_LEFT));
    dump_on_fail(has("第 3/5 条") && !has("第一党小组"), "collapsed");
    /* '-' on the street closes everything; '*' opens the whole tree */
    KEYS(TUI_FN(KEY_HOME), '-');
    dump_on_fail(has("第 1/1 条"), "the root only");
    KEYS('*');
    dump_on_fail(has("第 1/7 条") && has("第二党小组"), "all open");
    /* the filter keeps the ancestors of what matches */
    KEYS('/', 'd', 'e', 'd', 'x', 'z', TUI_KEY_ENTER);
    dump_on_fail(has("第二党小组") && !has("第一党小组") &&
                 !has("西岭") && has("/4 条"), "pinyin filter");
    KEYS(TUI_KEY_ESC);
    dump_on_fail(has("西岭") && has("/7 条"), "filter dropped");
}
END_TEST

START_TEST(add_child_and_edit)
{
    push(orgs_screen_new(h.app, &ctx));
    cursor_to("东湖第一网格党支部");
    KEYS('a');
    dump_on_fail(title_is("组织架构 - 新增下级组织（上级：云溪街道党工委/东湖社区"
                          "党总支"), "form title");
    dump_on_fail(row_has("上级组织", "云溪街道党工委/东湖社区党总支/东湖第一网格"
                         "党支部"), "parent path");
    dump_on_fail(row_has("类型", "党小组"), "kind preset");
    /* an empty name is refused at its field */
    KEYS(TUI_FN(KEY_F(2)));
    dump_on_fail(has("请填写组织名称"), "empty name refused");
    harness_type(&h, "第三党小组");
    KEYS(TUI_FN(KEY_F(2)));
    dump_on_fail(title_is("组织架构  共 8 个组织"), "back on the tree");
    dump_on_fail(has("已保存：第三党小组"), "saved");
    /* revealed, cursor on it (b1's third child: row 6 of 8) */
    dump_on_fail(has("第 6/8 条") && has("第三党小组"), "cursor on new");
    ck_assert_int_eq(q_int("SELECT count(*) FROM org WHERE name = '第三党小组'"
                           " AND parent_id = %lld AND kind = '党小组'",
                           (long long)b1), 1);

    /* edit b1's name: the cursor stays on it */
    cursor_to("东湖第一网格党支部");
    KEYS(TUI_KEY_ENTER);
    dump_on_fail(title_is("组织架构 - 编辑 东湖第一网格党支部"), "edit form");
    KEYS(TUI_FN(KEY_END), TUI_FN(KEY_BACKSPACE), TUI_FN(KEY_BACKSPACE),
         TUI_FN(KEY_BACKSPACE));
    harness_type(&h, "支部");
    KEYS(TUI_FN(KEY_F(2)));
    dump_on_fail(has("第 3/8 条") && row_has("东湖第一网格支部", "3/1"),
                 "renamed, cursor kept");
    /* a kind that may not sit there is refused next to the field */
    KEYS(TUI_KEY_ENTER, TUI_KEY_TAB);
    QUEUE(TUI_KEY_ENTER);
    harness_type(&h, "社区党委");
    KEYS(TUI_KEY_ENTER, TUI_FN(KEY_F(2)));
    dump_on_fail(has("社区党委不能建在社区党总支之下"), "kind refused");
    /* Esc with changes asks first; 'n' stays, then y leaves */
    KEYS(TUI_KEY_ESC);
    dump_on_fail(tui_app_depth(h.app) == 2, "asked, stayed");
    ck_assert_int_eq(q_int("SELECT count(*) FROM org WHERE kind = '社区党委'"),
                     0);
}
END_TEST

START_TEST(move_and_delete)
{
    push(orgs_screen_new(h.app, &ctx));
    KEYS('*');
    /* a's subtree is never offered as its new parent */
    cursor_to("东湖社区党总支");
    QUEUE('m');
    harness_type(&h, "第一党小组");
    KEYS(TUI_KEY_ENTER, TUI_KEY_ESC);
    ck_assert_int_eq(q_int("SELECT parent_id FROM org WHERE id = %lld",
                           (long long)a), street);
    dump_on_fail(!has("已把"), "not moved under its own group");
    /* g1 may go under the other branch */
    cursor_to("第一党小组");
    QUEUE('m');
    harness_type(&h, "锦绣");
    KEYS(TUI_KEY_ENTER);
    dump_on_fail(has("已把「第一党小组」移到"), "moved");
    ck_assert_int_eq(q_int("SELECT parent_id FROM org WHERE id = %lld",
                           (long long)g1), b2);
    /* the cursor follows it: now under b2 (row 6 of 7) */
    dump_on_fail(has("第 6/7 条"), "cursor follows the moved node");
    dump_on_fail(row_has("东湖锦绣小区党支部", "3/1"), "b2 total now");

    /* delete: refused with the reasons, nothing asked */
    cursor_to("东湖第一网格党支部");
    KEYS('d');
    dump_on_fail(has("不能删除：还有 1 个下级组织；还有 5 名党员（含已离开的）"),
                 "delete refused");
    ck_assert_int_eq(q_int("SELECT count(*) FROM org"), 7);
    /* an empty one: asked, then gone */
    cursor_to("西岭社区党支部");
    KEYS('d', 'y');
    dump_on_fail(has("已删除：云溪街道党工委/西岭社区党支部"), "deleted");
    ck_assert_int_eq(q_int("SELECT count(*) FROM org"), 6);
    /* only the status line still names it */
    dump_on_fail(harness_find(&h, "西岭") == 22, "gone from the tree");
}
END_TEST

START_TEST(members_of_a_node)
{
    push(orgs_screen_new(h.app, &ctx));
    cursor_to("东湖第一网格党支部");
    KEYS('p');
    dump_on_fail(title_is("党员信息 - 东湖第一网格党支部（直属）"), "title");
    dump_on_fail(has("第 1/4 条") && has("张一") && !has("孙六"), "direct");
    KEYS(TUI_KEY_ESC, 'P');
    dump_on_fail(title_is("党员信息 - 东湖第一网格党支部（含下级组织）"),
                 "subtree title");
    dump_on_fail(has("第 1/8 条") && has("孙六"), "subtree");
    KEYS(TUI_KEY_ESC);
    dump_on_fail(title_is("组织架构"), "back");
}
END_TEST

START_TEST(posts_and_head)
{
    push(orgs_screen_new(h.app, &ctx));
    cursor_to("东湖第一网格党支部");
    KEYS('c');
    dump_on_fail(title_is("东湖第一网格党支部 - 班子成员  现任 0 人"), "posts");
    KEYS('a');
    dump_on_fail(title_is("东湖第一网格党支部 - 新增任职"), "post form");
    /* no person: refused */
    QUEUE(TUI_KEY_ENTER);
    harness_type(&h, "书记");
    KEYS(TUI_KEY_ENTER, TUI_FN(KEY_F(2)));
    dump_on_fail(has("请填写担任此职务的人员"), "person required");
    /* pick 张一 from the register: name and phone copied */
    dump_on_fail(row_has("姓名", "请填写担任此职务的人员"), "at its field");
    QUEUE(TUI_FN(KEY_BTAB), TUI_KEY_ENTER);
    harness_type(&h, "张一");
    KEYS(TUI_KEY_ENTER);
    dump_on_fail(row_has("姓名", "张一") && row_has("电话", "1390000"),
                 "copied from the member");
    KEYS(TUI_FN(KEY_F(2)));
    dump_on_fail(title_is("东湖第一网格党支部 - 班子成员  现任 1 人"),
                 "saved");
    dump_on_fail(row_has("张一", "书记") && row_has("张一", "现任") &&
                 row_has("张一", "2026-06-15"), "row");
    ck_assert_int_eq(q_int("SELECT count(*) FROM org_post WHERE org_id = %lld"
                           " AND post = 1 AND member_id IS NOT NULL",
                           (long long)b1), 1);
    /* a second 书记 at once is refused with the holder's term */
    QUEUE('a', TUI_KEY_ENTER);
    harness_type(&h, "书记");
    KEYS(TUI_KEY_ENTER, TUI_KEY_TAB, TUI_KEY_TAB);
    harness_type(&h, "外人");
    KEYS(TUI_FN(KEY_F(2)));
    dump_on_fail(has("与 张一（2026-06-15 至 今）的书记任期重叠"),
                 "overlap refused");
    KEYS(TUI_KEY_ESC, 'y');
    /* ending the term: x, date */
    QUEUE('x', TUI_CTRL('u'));
    harness_type(&h, "2026-06-15");
    KEYS(TUI_KEY_ENTER);
    dump_on_fail(has("已登记：书记 张一 于 2026-06-15 离任"), "ended");
    KEYS(TUI_KEY_ESC);
    /* the tree shows no head after the term ended today? still today */
    dump_on_fail(row_has("东湖第一网格党支部", "张一"), "head shown");
}
END_TEST

START_TEST(grid_and_other_terminals)
{
    struct grid_node g;
    zb_err err = {""};
    grid_node_init(&g);
    g.level = GRID_COMMUNITY;
    snprintf(g.name, sizeof g.name, "西岭社区");
    ck_assert_msg(grid_save(d, &g, &err) == 0, "%s", err.msg);
    push(orgs_screen_new(h.app, &ctx));
    cursor_to("西岭社区党支部");
    /* the grid it is built on, from the grid picker; founded */
    QUEUE(TUI_KEY_ENTER, TUI_KEY_TAB, TUI_KEY_TAB, TUI_KEY_ENTER);
    harness_type(&h, "西岭");
    KEYS(TUI_KEY_ENTER);
    dump_on_fail(row_has("所建网格", "西岭社区"), "grid picked");
    KEYS(TUI_KEY_TAB);
    harness_type(&h, "2030-01-01");
    KEYS(TUI_KEY_TAB);
    dump_on_fail(has("成立日期不能晚于今天"), "future founding date");
    KEYS(TUI_FN(KEY_BTAB), TUI_CTRL('u'));
    harness_type(&h, "2019.7.1");
    KEYS(TUI_FN(KEY_F(2)));
    dump_on_fail(has("已保存：西岭社区党支部"), "saved");
    ck_assert_int_eq(q_int("SELECT grid_id = %lld AND founded = '2019-07-01'"
                           " FROM org WHERE id = %lld", (long long)g.id,
                           (long long)c), 1);

    /* another user adds a branch: shown on the next tick, the cursor
     * stays on its node */
    db *other = NULL;
    ck_assert_int_eq(db_open(tu_path("zhibu.db"), 0, &other, &err), 0);
    int64_t id;
    ck_assert_int_eq(org_add(other, a, "东湖阳光小区党支部", "小区党支部", &id,
                             &err), 0);
    db_close(other);
    tui_screen *top = tui_app_top(h.app);
    ck_assert_int_ne(top->ops->tick(top) & TUI_REDRAW, 0);
    tui_app_draw(h.app);
    dump_on_fail(has("东湖阳光小区党支部") && title_is("组织架构  共 8 个组织"),
                 "other terminal's change");
    dump_on_fail(row_has("西岭社区党支部", "") && has("第 6/6 条"),
                 "cursor kept");
    /* nothing changed: no reload */
    ck_assert_int_eq(top->ops->tick(top), TUI_UNHANDLED);
}
END_TEST

START_TEST(home_counts)
{
    push(home_screen_new(h.app, &ctx));
    dump_on_fail(has("党员 9（正式 7，预备 2）"), "home counts");
    KEYS('5');
    dump_on_fail(title_is("组织架构"), "5 opens the tree");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("screens_orgs");
    TCase *tc = tcase_create("orgs");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, tree_counts_and_expand);
    tcase_add_test(tc, add_child_and_edit);
    tcase_add_test(tc, move_and_delete);
    tcase_add_test(tc, members_of_a_node);
    tcase_add_test(tc, posts_and_head);
    tcase_add_test(tc, grid_and_other_terminals);
    tcase_add_test(tc, home_counts);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
