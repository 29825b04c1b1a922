/* Unit tests of the tree model behind tree screens (src/tui/tree.c):
 * building, expanding, the rows handed to a list view, the filter
 * (substring and pinyin initials) and the tree keys. No screen. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/app.h"
#include "tui/tree.h"

/* Fixture:
 *   1 新华街道党工委
 *     2 东城社区党委
 *       4 第一网格党支部
 *         6 一号楼党小组
 *       5 第二网格党支部
 *     3 西城社区党总支
 *   7 老党员支部 (second root) */
static tree *fixture(void)
{
    tree *t = tree_new(2);
    ck_assert_ptr_nonnull(t);
    static const struct { int64_t id, parent; const char *name, *kind; }
    nodes[] = {
        { 1, 0, "新华街道党工委", "街道党工委" },
        { 2, 1, "东城社区党委", "社区党委" },
        { 3, 1, "西城社区党总支", "社区党总支" },
        { 4, 2, "第一网格党支部", "网格党支部" },
        { 5, 2, "第二网格党支部", "网格党支部" },
        { 6, 4, "一号楼党小组", "党小组" },
        { 7, 0, "老党员支部", "功能型党支部" },
    };
    for (size_t i = 0; i < sizeof nodes / sizeof nodes[0]; i++) {
        const char *cells[2] = { nodes[i].name, nodes[i].kind };
        ck_assert_int_eq(tree_add(t, nodes[i].id, nodes[i].parent,
                                  LV_MARK_NONE, cells,
                                  i == 4 ? "secret-word" : NULL), 0);
    }
    return t;
}

/* Ids of the visible rows as "1 2 4 ...". */
static const char *shape(const tree *t)
{
    static char buf[256];
    size_t k = 0;
    buf[0] = '\0';
    for (long r = 0; r < tree_visible(t); r++)
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%lld",
                              r ? " " : "", (long long)tree_id_at(t, r));
    return buf;
}

/* First cells of the rows fetched through the list view source. */
static void fetch_rows(tree *t, const char *filter, long off, int lim,
                       char out[][64], int64_t *ids, int *n)
{
    /* The rowset is opaque: go through a list view to read cells. */
    listview *lv = lv_new((const struct lv_column[]){
                    { "名称", 4, 0, TEXT_LEFT, true },
                    { "类型", 4, 0, TEXT_LEFT, false } },
                2, &tree_lv_source, t);
    lv_set_filter(lv, filter);
    *n = 0;
    for (long r = off; r < lv_count(lv) && r < off + lim; r++) {
        lv_set_cursor(lv, r);
        snprintf(out[*n], 64, "%s", lv_selected_cell(lv, 0));
        ids[*n] = lv_selected_id(lv);
        (*n)++;
    }
    lv_free(lv);
}

START_TEST(build_and_expand)
{
    tree *t = fixture();
    ck_assert_int_eq(tree_size(t), 7);
    /* Everything collapsed: the roots. */
    ck_assert_str_eq(shape(t), "1 7");
    ck_assert_int_eq(tree_depth(t, 6), 3);
    ck_assert_int_eq(tree_depth(t, 99), -1);
    ck_assert(tree_parent(t, 6) == 4);
    ck_assert(tree_parent(t, 1) == 0);
    ck_assert(tree_has_children(t, 2));
    ck_assert(!tree_has_children(t, 5));
    ck_assert_int_eq(tree_row_of(t, 2), -1);

    tree_set_expanded(t, 1, true);
    ck_assert_str_eq(shape(t), "1 2 3 7");
    ck_assert_int_eq(tree_row_of(t, 3), 2);
    tree_toggle(t, 2);
    ck_assert_str_eq(shape(t), "1 2 4 5 3 7");
    tree_toggle(t, 2);
    ck_assert_str_eq(shape(t), "1 2 3 7");
    ck_assert(!tree_expanded(t, 2));

    tree_reveal(t, 6);
    ck_assert_str_eq(shape(t), "1 2 4 6 5 3 7");
    tree_expand_levels(t, 0);
    ck_assert_str_eq(shape(t), "1 7");
    tree_expand_levels(t, 2);
    ck_assert_str_eq(shape(t), "1 2 4 5 3 7");
    ck_assert_int_eq(tree_visible(t), 6);
    ck_assert(tree_id_at(t, 6) == 0);
    ck_assert(tree_id_at(t, -1) == 0);

    /* Duplicate ids and id 0 are refused. */
    const char *cells[2] = { "x", "y" };
    ck_assert_int_eq(tree_add(t, 3, 1, 0, cells, NULL), -1);
    ck_assert_int_eq(tree_add(t, 0, 1, 0, cells, NULL), -1);
    /* An unknown parent makes a root. */
    ck_assert_int_eq(tree_add(t, 8, 42, 0, cells, NULL), 0);
    ck_assert_str_eq(shape(t), "1 2 4 5 3 7 8");
    tree_free(t);
}
END_TEST

START_TEST(ancestors_and_subtree)
{
    tree *t = fixture();
    ck_assert(tree_is_ancestor(t, 1, 6));
    ck_assert(tree_is_ancestor(t, 4, 6));
    ck_assert(tree_is_ancestor(t, 6, 6));
    ck_assert(!tree_is_ancestor(t, 6, 4));
    ck_assert(!tree_is_ancestor(t, 3, 6));
    ck_assert(!tree_is_ancestor(t, 7, 1));
    ck_assert(!tree_is_ancestor(t, 99, 1));

    int64_t *ids;
    long n;
    ck_assert_int_eq(tree_subtree(t, 2, &ids, &n), 0);
    ck_assert_int_eq(n, 4);
    ck_assert(ids[0] == 2 && ids[1] == 4 && ids[2] == 6 && ids[3] == 5);
    free(ids);
    ck_assert_int_eq(tree_subtree(t, 5, &ids, &n), 0);
    ck_assert_int_eq(n, 1);
    ck_assert(ids[0] == 5);
    free(ids);
    ck_assert_int_eq(tree_subtree(t, 1, &ids, &n), 0);
    ck_assert_int_eq(n, 6);
    free(ids);
    tree_free(t);
}
END_TEST

START_TEST(clear_keeps_expansion)
{
    tree *t = fixture();
    tree_set_expanded(t, 1, true);
    tree_set_expanded(t, 4, true);   /* hidden under collapsed 2 */
    tree_clear(t);
    ck_assert_int_eq(tree_size(t), 0);
    ck_assert_int_eq(tree_visible(t), 0);
    ck_assert_str_eq(shape(t), "");
    tree_free(t);

    t = fixture();
    tree_set_expanded(t, 1, true);
    tree_set_expanded(t, 4, true);
    tree_clear(t);
    /* Reload with node 5 gone and a new node 9 under 2. */
    const char *c[2] = { "n", "k" };
    tree_add(t, 1, 0, 0, c, NULL);
    tree_add(t, 2, 1, 0, c, NULL);
    tree_add(t, 4, 2, 0, c, NULL);
    tree_add(t, 6, 4, 0, c, NULL);
    tree_add(t, 9, 2, 0, c, NULL);
    ck_assert(tree_expanded(t, 1));
    ck_assert(tree_expanded(t, 4));
    ck_assert(!tree_expanded(t, 2));
    ck_assert_str_eq(shape(t), "1 2");
    tree_set_expanded(t, 2, true);
    ck_assert_str_eq(shape(t), "1 2 4 6 9");
    tree_free(t);
}
END_TEST

START_TEST(rows_indent_and_markers)
{
    tree *t = fixture();
    tree_expand_levels(t, 2);
    char cells[16][64];
    int64_t ids[16];
    int n;
    fetch_rows(t, "", 0, 16, cells, ids, &n);
    ck_assert_int_eq(n, 6);
    ck_assert_str_eq(cells[0], "- 新华街道党工委");
    ck_assert_str_eq(cells[1], "  - 东城社区党委");
    ck_assert_str_eq(cells[2], "    + 第一网格党支部");
    ck_assert_str_eq(cells[3], "      第二网格党支部");
    ck_assert_str_eq(cells[4], "    西城社区党总支");
    ck_assert_str_eq(cells[5], "  老党员支部");
    ck_assert(ids[2] == 4);
    /* A window in the middle. */
    fetch_rows(t, "", 3, 2, cells, ids, &n);
    ck_assert_int_eq(n, 2);
    ck_assert(ids[0] == 5 && ids[1] == 3);
    tree_free(t);
}
END_TEST

START_TEST(filter_shows_matches_with_ancestors)
{
    tree *t = fixture();   /* all collapsed */
    char cells[16][64];
    int64_t ids[16];
    int n;
    /* "党小组" matches node 6 only: its ancestors come with it. */
    fetch_rows(t, "党小组", 0, 16, cells, ids, &n);
    ck_assert_int_eq(n, 4);
    ck_assert(ids[0] == 1 && ids[1] == 2 && ids[2] == 4 && ids[3] == 6);
    ck_assert_str_eq(cells[0], "- 新华街道党工委");
    ck_assert_str_eq(cells[3], "        一号楼党小组");
    /* Pinyin initials: 第二网格党支部 = d e w g d z b. */
    fetch_rows(t, "dewg", 0, 16, cells, ids, &n);
    ck_assert_int_eq(n, 3);
    ck_assert(ids[2] == 5);
    /* Upper case letters too, and the search text. */
    fetch_rows(t, "LDY", 0, 16, cells, ids, &n);
    ck_assert_int_eq(n, 1);
    ck_assert(ids[0] == 7);
    fetch_rows(t, "secret", 0, 16, cells, ids, &n);
    ck_assert_int_eq(n, 3);
    ck_assert(ids[2] == 5);
    /* A node with children none of which match: marked '+'. */
    fetch_rows(t, "第一网格", 0, 16, cells, ids, &n);
    ck_assert_int_eq(n, 3);
    ck_assert_str_eq(cells[2], "    + 第一网格党支部");
    fetch_rows(t, "没有这个", 0, 16, cells, ids, &n);
    ck_assert_int_eq(n, 0);
    /* Clearing the filter restores the collapsed shape. */
    fetch_rows(t, "", 0, 16, cells, ids, &n);
    ck_assert_int_eq(n, 2);
    tree_free(t);
}
END_TEST

/* tree_focus reveals a node, dropping a filter that hides it;
 * lv_select_id finds a visible row. */
START_TEST(focus_and_select)
{
    tree *t = fixture();   /* all collapsed */
    listview *lv = lv_new((const struct lv_column[]){
                    { "名称", 4, 0, TEXT_LEFT, true },
                    { "类型", 4, 0, TEXT_LEFT, false } },
                2, &tree_lv_source, t);
    ck_assert_ptr_nonnull(lv);
    lv_reload(lv, NULL);
    tree_focus(t, lv, 6);
    ck_assert_str_eq(shape(t), "1 2 4 6 5 3 7");
    ck_assert_int_eq(lv_selected_id(lv), 6);
    ck_assert_int_eq(lv_cursor(lv), 3);
    lv_set_filter(lv, "西城");
    ck_assert_int_eq(lv_count(lv), 2);
    tree_focus(t, lv, 3);              /* a match: the filter stays */
    ck_assert_str_eq(lv_filter(lv), "西城");
    ck_assert_int_eq(lv_selected_id(lv), 3);
    tree_focus(t, lv, 5);              /* hidden by it: dropped */
    ck_assert_str_eq(lv_filter(lv), "");
    ck_assert_int_eq(lv_selected_id(lv), 5);
    ck_assert(lv_select_id(lv, 7));
    ck_assert_int_eq(lv_selected_id(lv), 7);
    ck_assert(!lv_select_id(lv, 99));
    ck_assert(!lv_select_id(lv, 0));
    ck_assert_int_eq(lv_selected_id(lv), 7);
    lv_free(lv);
    tree_free(t);
}
END_TEST

START_TEST(keys_expand_collapse_move)
{
    tree *t = fixture();
    static const struct lv_column cols[] = {
        { "名称", 4, 0, TEXT_LEFT, true }, { "类型", 4, 0, TEXT_LEFT, false }
    };
    listview *lv = lv_new(cols, 2, &tree_lv_source, t);
    lv_reload(lv, NULL);
    ck_assert_int_eq(lv_count(lv), 2);
    ck_assert(lv_selected_id(lv) == 1);

    /* Right expands, Right again steps onto the first child. */
    ck_assert_int_eq(tree_key(t, lv, TUI_FN(KEY_RIGHT)),
                     TUI_HANDLED | TUI_REDRAW);
    ck_assert_int_eq(lv_count(lv), 4);
    ck_assert(lv_selected_id(lv) == 1);
    tree_key(t, lv, TUI_FN(KEY_RIGHT));
    ck_assert(lv_selected_id(lv) == 2);
    /* '*' expands the whole subtree of 2. */
    tree_key(t, lv, '*');
    ck_assert_str_eq(shape(t), "1 2 4 6 5 3 7");
    ck_assert_int_eq(lv_count(lv), 7);
    ck_assert(lv_selected_id(lv) == 2);
    /* Down to 6 (a leaf): Left goes to its parent 4, Left collapses 4. */
    lv_key(lv, TUI_FN(KEY_DOWN));
    lv_key(lv, TUI_FN(KEY_DOWN));
    ck_assert(lv_selected_id(lv) == 6);
    ck_assert_int_eq(tree_key(t, lv, '+'), TUI_HANDLED);   /* a leaf */
    tree_key(t, lv, TUI_FN(KEY_LEFT));
    ck_assert(lv_selected_id(lv) == 4);
    tree_key(t, lv, '-');
    ck_assert(lv_selected_id(lv) == 4);
    ck_assert(!tree_expanded(t, 4));
    ck_assert_int_eq(lv_count(lv), 6);
    /* Collapsing an ancestor keeps the cursor on the node collapsed. */
    tree_key(t, lv, TUI_FN(KEY_LEFT));   /* to 2 */
    tree_key(t, lv, TUI_FN(KEY_LEFT));   /* collapse 2 */
    ck_assert(lv_selected_id(lv) == 2);
    ck_assert_int_eq(lv_count(lv), 4);
    /* Other keys are not the tree's. */
    ck_assert_int_eq(tree_key(t, lv, 'x'), TUI_UNHANDLED);
    ck_assert_int_eq(tree_key(t, lv, TUI_FN(KEY_DOWN)), TUI_UNHANDLED);
    /* While the filter line is open, Left/Right edit it. */
    lv_filter_start(lv);
    ck_assert_int_eq(tree_key(t, lv, TUI_FN(KEY_LEFT)), TUI_UNHANDLED);
    lv_free(lv);
    tree_free(t);
}
END_TEST

START_TEST(keys_under_filter_move_only)
{
    tree *t = fixture();
    static const struct lv_column cols[] = {
        { "名称", 4, 0, TEXT_LEFT, true }, { "类型", 4, 0, TEXT_LEFT, false }
    };
    listview *lv = lv_new(cols, 2, &tree_lv_source, t);
    lv_set_filter(lv, "网格");
    ck_assert_str_eq(shape(t), "1 2 4 5");
    ck_assert_int_eq(lv_count(lv), 4);
    ck_assert(lv_selected_id(lv) == 1);
    /* Right steps onto the first shown child, does not expand. */
    tree_key(t, lv, TUI_FN(KEY_RIGHT));
    ck_assert(lv_selected_id(lv) == 2);
    ck_assert(!tree_expanded(t, 1));
    lv_key(lv, TUI_FN(KEY_DOWN));
    lv_key(lv, TUI_FN(KEY_DOWN));
    ck_assert(lv_selected_id(lv) == 5);
    tree_key(t, lv, '-');
    ck_assert(lv_selected_id(lv) == 2);
    ck_assert_int_eq(lv_count(lv), 4);
    lv_free(lv);
    tree_free(t);
}
END_TEST

/* A district: 60 communities x 5 areas x 10 grids = 3,061 nodes. */
static tree *district(void)
{
    tree *t = tree_new(3);
    int64_t id = 1;
    char name[64];
    const char *cells[3] = { name, "k", "0" };
    snprintf(name, sizeof name, "街道党工委");
    tree_add(t, id++, 0, 0, cells, NULL);
    for (int c = 0; c < 60; c++) {
        int64_t cid = id++;
        snprintf(name, sizeof name, "第%d社区党委", c + 1);
        tree_add(t, cid, 1, 0, cells, NULL);
        for (int a = 0; a < 5; a++) {
            int64_t aid = id++;
            snprintf(name, sizeof name, "第%d片区党支部", a + 1);
            tree_add(t, aid, cid, 0, cells, NULL);
            for (int g = 0; g < 9; g++) {
                snprintf(name, sizeof name, "第%d党小组", g + 1);
                tree_add(t, id++, aid, 0, cells, NULL);
            }
        }
    }
    return t;
}

static double ms_since(const struct timespec *a)
{
    struct timespec b;
    clock_gettime(CLOCK_MONOTONIC, &b);
    return (double)(b.tv_sec - a->tv_sec) * 1e3 +
           (double)(b.tv_nsec - a->tv_nsec) / 1e6;
}

START_TEST(district_scale)
{
    tree *t = district();
    ck_assert_int_eq(tree_size(t), 1 + 60 * (1 + 5 * 10));
    tree_expand_levels(t, 99);
    ck_assert_int_eq(tree_visible(t), tree_size(t));
    /* The last node of the last community. */
    int64_t last = tree_size(t);
    ck_assert_int_eq(tree_row_of(t, last), tree_size(t) - 1);
    ck_assert_int_eq(tree_depth(t, last), 3);

    static const struct lv_column cols[] = {
        { "名称", 4, 0, TEXT_LEFT, true }, { "类型", 4, 0, TEXT_LEFT, false },
        { "数", 1, 0, TEXT_RIGHT, false }
    };
    listview *lv = lv_new(cols, 3, &tree_lv_source, t);
    tree_expand_levels(t, 1);
    lv_reload(lv, NULL);
    ck_assert_int_eq(lv_count(lv), 61);
    /* 100 expand/collapse steps through the keys; the cost is printed
     * (bench numbers), never asserted. */
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    lv_set_cursor(lv, 30);
    for (int i = 0; i < 100; i++) {
        tree_key(t, lv, '*');
        tree_key(t, lv, '-');
    }
    double ms = ms_since(&t0) / 200;
    ck_assert_int_eq(lv_count(lv), 61);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    lv_set_filter(lv, "pqdzb");   /* initials of 第N片区党支部 */
    double fms = ms_since(&t0);
    ck_assert_int_eq(lv_count(lv), 1 + 60 * (1 + 5));
    fprintf(stderr, "tree 3,061 nodes: expand/collapse %.3f ms a key,"
            " pinyin filter %.2f ms\n", ms, fms);
    lv_free(lv);
    tree_free(t);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tree");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, build_and_expand);
    tcase_add_test(tc, focus_and_select);
    tcase_add_test(tc, ancestors_and_subtree);
    tcase_add_test(tc, clear_keeps_expansion);
    tcase_add_test(tc, rows_indent_and_markers);
    tcase_add_test(tc, filter_shows_matches_with_ancestors);
    tcase_add_test(tc, keys_expand_collapse_move);
    tcase_add_test(tc, keys_under_filter_move_only);
    tcase_add_test(tc, district_scale);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
