/* The grid coverage rules (src/rules_grid.c): every gap kind, the sizing
 * bounds (inclusive), unknown figures, organisations below a grid. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_grid.h"

#define BIT(r) (1u << (r))
#define GRID_FULL (BIT(ROLE_GRID_HEAD) | BIT(ROLE_WORKER_FULL))

static struct rg_node grid_node(int parent, long hh, long pop,
                                unsigned roles, bool org)
{
    return (struct rg_node){GRID_GRID, parent, hh, pop, roles, org};
}

/* The gaps as "node:kind:text" lines, for one comparison. */
static void gaps_text(const struct rg_node *v, int n, char *out, size_t sz)
{
    struct rg_gap *g;
    int ng;
    ck_assert_int_eq(rules_grid_gaps(v, n, &g, &ng), 0);
    out[0] = '\0';
    size_t k = 0;
    for (int i = 0; i < ng && k < sz; i++)
        k += (size_t)snprintf(out + k, sz - k, "%d:%d:%s\n", g[i].node,
                              g[i].kind, g[i].text);
    free(g);
}

START_TEST(test_complete_grid_has_no_gap)
{
    struct rg_node v[] = {
        {GRID_COMMUNITY, -1, 400, 1200, 0, false},
        grid_node(0, 400, 1200, GRID_FULL, true),
    };
    char s[1024];
    gaps_text(v, 2, s, sizeof s);
    ck_assert_str_eq(s, "");
}
END_TEST

START_TEST(test_grid_roles)
{
    struct rg_node v[] = {
        grid_node(-1, -1, -1, 0, true),
        grid_node(-1, -1, -1, BIT(ROLE_GRID_HEAD), true),
        grid_node(-1, -1, -1, BIT(ROLE_WORKER_PART), true),
        grid_node(-1, -1, -1, BIT(ROLE_GRID_HEAD) | BIT(ROLE_WORKER_PART),
                  true),
        /* roles of other levels do not count */
        grid_node(-1, -1, -1, BIT(ROLE_AREA_HEAD) | BIT(ROLE_BUILDING_HEAD),
                  true),
    };
    char s[1024];
    gaps_text(v, 5, s, sizeof s);
    ck_assert_str_eq(s, "0:1:缺网格长\n0:2:缺网格员\n"
                        "1:2:缺网格员\n"
                        "2:1:缺网格长\n"
                        "4:1:缺网格长\n4:2:缺网格员\n");
}
END_TEST

START_TEST(test_area_heads)
{
    struct rg_node v[] = {
        {GRID_AREA, -1, -1, -1, 0, false},
        {GRID_AREA, -1, -1, -1, BIT(ROLE_GROUP_LEADER), false},
        {GRID_AREA, -1, -1, -1,
         BIT(ROLE_AREA_HEAD) | BIT(ROLE_GROUP_LEADER), false},
        {GRID_AREA, -1, -1, -1, BIT(ROLE_AREA_HEAD) |
         BIT(ROLE_GROUP_LEADER) | BIT(ROLE_RETIREE_HEAD), false},
    };
    char s[1024];
    gaps_text(v, 4, s, sizeof s);
    ck_assert_str_eq(s, "0:3:缺片长、党小组长、退管小组长\n"
                        "1:3:缺片长、退管小组长\n"
                        "2:3:缺退管小组长\n");
}
END_TEST

START_TEST(test_buildings)
{
    struct rg_node v[] = {
        grid_node(-1, -1, -1, GRID_FULL, true),
        {GRID_BUILDING, 0, 80, 200, 0, false},
        {GRID_BUILDING, 0, 80, 200, BIT(ROLE_BUILDING_HEAD), false},
        {GRID_UNIT, 2, 20, 50, 0, false},     /* a unit needs nobody */
        {GRID_COMMUNITY, -1, -1, -1, 0, false},
    };
    char s[1024];
    gaps_text(v, 5, s, sizeof s);
    ck_assert_str_eq(s, "1:4:缺楼栋长\n");
}
END_TEST

START_TEST(test_sizing_bounds)
{
    struct rg_node v[] = {
        grid_node(-1, 299, 999, GRID_FULL, true),
        grid_node(-1, 300, 1000, GRID_FULL, true),
        grid_node(-1, 500, 1500, GRID_FULL, true),
        grid_node(-1, 501, 1501, GRID_FULL, true),
        grid_node(-1, 812, -1, GRID_FULL, true),   /* unknown people */
        grid_node(-1, -1, 900, GRID_FULL, true),   /* unknown households */
        grid_node(-1, 0, 0, GRID_FULL, true),
    };
    char s[2048];
    gaps_text(v, 7, s, sizeof s);
    ck_assert_str_eq(s, "0:5:户数 299，低于 300-500 户\n"
                        "0:6:人口 999，低于 1000-1500 人\n"
                        "3:5:户数 501，超出 300-500 户\n"
                        "3:6:人口 1501，超出 1000-1500 人\n"
                        "4:5:户数 812，超出 300-500 户\n"
                        "5:6:人口 900，低于 1000-1500 人\n"
                        "6:5:户数 0，低于 300-500 户\n"
                        "6:6:人口 0，低于 1000-1500 人\n");
    char t[64];
    rules_grid_size_text("户数", -1, 300, 500, "户", t, sizeof t);
    ck_assert_str_eq(t, "");
    rules_grid_size_text("户数", 400, 300, 500, "户", t, sizeof t);
    ck_assert_str_eq(t, "");
}
END_TEST

START_TEST(test_org_on_grid_or_below)
{
    struct rg_node v[] = {
        {GRID_COMMUNITY, -1, -1, -1, 0, true},     /* 0: not below a grid */
        {GRID_AREA, 0, -1, -1, BIT(ROLE_AREA_HEAD) | BIT(ROLE_GROUP_LEADER)
         | BIT(ROLE_RETIREE_HEAD), true},          /* 1: above, no help */
        grid_node(1, -1, -1, GRID_FULL, false),    /* 2: org on a unit */
        {GRID_BUILDING, 2, -1, -1, BIT(ROLE_BUILDING_HEAD), false},
        {GRID_UNIT, 3, -1, -1, 0, true},
        grid_node(1, -1, -1, GRID_FULL, true),     /* 5: org on itself */
        grid_node(1, -1, -1, GRID_FULL, false),    /* 6: none */
        {GRID_BUILDING, 6, -1, -1, BIT(ROLE_BUILDING_HEAD), false},
    };
    char s[1024];
    gaps_text(v, 8, s, sizeof s);
    ck_assert_str_eq(s, "6:7:未建党组织\n");
}
END_TEST

START_TEST(test_cycle_is_harmless)
{
    /* damaged data: a building whose parent chain loops */
    struct rg_node v[] = {
        {GRID_BUILDING, 1, -1, -1, 0, true},
        {GRID_BUILDING, 0, -1, -1, 0, false},
    };
    char s[1024];
    gaps_text(v, 2, s, sizeof s);
    ck_assert_str_eq(s, "0:4:缺楼栋长\n1:4:缺楼栋长\n");
    struct rg_gap *g = (struct rg_gap *)1;
    int n = 5;
    ck_assert_int_eq(rules_grid_gaps(v, 0, &g, &n), 0);
    ck_assert_int_eq(n, 0);
    free(g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rules_grid");
    TCase *tc = tcase_create("rules_grid");
    tcase_add_test(tc, test_complete_grid_has_no_gap);
    tcase_add_test(tc, test_grid_roles);
    tcase_add_test(tc, test_area_heads);
    tcase_add_test(tc, test_buildings);
    tcase_add_test(tc, test_sizing_bounds);
    tcase_add_test(tc, test_org_on_grid_or_below);
    tcase_add_test(tc, test_cycle_is_harmless);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
