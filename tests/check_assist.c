/* Unit tests for the pairing assistant's pure rules (src/rules_pair.c):
 * locality order, load limit, spreading, exclusions, determinism, and
 * agreement with a plain O(households × helpers) reference. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules_pair.h"

/* Places in a small tree: community c, area a, grid g, building b. Ids
 * are made unique per level by the multipliers. */
static struct rp_place place(int c, int a, int g, int b)
{
    struct rp_place p = {0, 0, 0, 0};
    p.community = c ? 1000000 + c : 0;
    p.area = a ? 100000 + c * 1000 + a : 0;
    p.grid = g ? 10000 + c * 1000 + a * 100 + g : 0;
    p.building = b ? c * 100000 + a * 1000 + g * 100 + b : 0;
    return p;
}

static struct rp_household hh(int64_t id, int level, struct rp_place p)
{
    struct rp_household h;
    memset(&h, 0, sizeof h);
    h.id = id;
    h.level = level;
    h.place = p;
    return h;
}

static struct rp_helper helper(int64_t id, struct rp_place p, int load)
{
    struct rp_helper m;
    memset(&m, 0, sizeof m);
    m.member_id = id;
    m.place = p;
    m.load = load;
    return m;
}

static struct rp_opts opts(int max_load)
{
    struct rp_opts o;
    rules_pair_opts_default(&o);
    o.max_load = max_load;
    return o;
}

START_TEST(locality_order)
{
    struct rp_household h[1] = {hh(1, 1, place(1, 1, 1, 1))};
    struct rp_helper m[] = {
        helper(10, place(1, 2, 1, 1), 0),   /* same community only */
        helper(11, place(1, 1, 2, 1), 0),   /* same 片区 */
        helper(12, place(1, 1, 1, 2), 2),   /* same 网格, busier */
        helper(13, place(1, 1, 1, 1), 2),   /* same 楼栋, busier */
        helper(14, place(2, 1, 1, 1), 0),   /* another community */
    };
    struct rp_opts o = opts(3);
    struct rp_suggestion s[1];
    ck_assert_int_eq(rules_pair_suggest(h, 1, m, 5, &o, s), 0);
    ck_assert_int_eq(s[0].member_id, 13);
    ck_assert_int_eq(s[0].helper, 3);
    ck_assert_int_eq(s[0].locality, RP_BUILDING);
    ck_assert_int_eq(s[0].load, 2);
    ck_assert_str_eq(s[0].reason, "同一楼栋，当前帮扶 2 户");

    m[3].load = 3;      /* full: the 网格 comes next */
    ck_assert_int_eq(rules_pair_suggest(h, 1, m, 5, &o, s), 0);
    ck_assert_int_eq(s[0].member_id, 12);
    ck_assert_str_eq(s[0].reason, "同一网格，当前帮扶 2 户");
    m[2].load = 3;
    ck_assert_int_eq(rules_pair_suggest(h, 1, m, 5, &o, s), 0);
    ck_assert_int_eq(s[0].member_id, 11);
    ck_assert_str_eq(s[0].reason, "同一片区，当前帮扶 0 户");
    m[1].load = 5;      /* above the limit already */
    ck_assert_int_eq(rules_pair_suggest(h, 1, m, 5, &o, s), 0);
    ck_assert_int_eq(s[0].member_id, 10);
    ck_assert_int_eq(s[0].locality, RP_COMMUNITY);
    ck_assert_str_eq(s[0].reason, "同一社区，当前帮扶 0 户");
    m[0].load = 3;      /* nobody left in the community */
    ck_assert_int_eq(rules_pair_suggest(h, 1, m, 5, &o, s), 0);
    ck_assert_int_eq(s[0].member_id, 0);
    ck_assert_int_eq(s[0].helper, -1);
    ck_assert_int_eq(s[0].locality, RP_NONE);
    ck_assert_str_eq(s[0].reason, "本社区暂无可结对的党员");
    o.allow_other = true;   /* then someone from elsewhere */
    ck_assert_int_eq(rules_pair_suggest(h, 1, m, 5, &o, s), 0);
    ck_assert_int_eq(s[0].member_id, 14);
    ck_assert_int_eq(s[0].locality, RP_OTHER);
    ck_assert_str_eq(s[0].reason, "其他社区，当前帮扶 0 户");
}
END_TEST

START_TEST(fewer_pairs_then_member_id)
{
    struct rp_household h[1] = {hh(1, 1, place(1, 1, 1, 0))};
    struct rp_helper m[] = {
        helper(30, place(1, 1, 1, 5), 1),
        helper(20, place(1, 1, 1, 6), 1),
        helper(40, place(1, 1, 1, 7), 0),
    };
    struct rp_opts o = opts(3);
    struct rp_suggestion s[1];
    ck_assert_int_eq(rules_pair_suggest(h, 1, m, 3, &o, s), 0);
    ck_assert_int_eq(s[0].member_id, 40);    /* fewest pairs */
    m[2].load = 1;
    ck_assert_int_eq(rules_pair_suggest(h, 1, m, 3, &o, s), 0);
    ck_assert_int_eq(s[0].member_id, 20);    /* tie: smaller id */
    ck_assert_int_eq(s[0].locality, RP_GRID);
}
END_TEST

START_TEST(load_limit_and_spread)
{
    /* six households of one 网格, three helpers there with no pairs:
     * two each, in turn; never above the limit */
    struct rp_household h[6];
    for (int i = 0; i < 6; i++)
        h[i] = hh(100 + i, 1, place(1, 1, 1, 0));
    struct rp_helper m[] = {
        helper(3, place(1, 1, 1, 0), 0),
        helper(1, place(1, 1, 1, 0), 0),
        helper(2, place(1, 1, 1, 0), 0),
    };
    struct rp_opts o = opts(2);
    struct rp_suggestion s[6];
    ck_assert_int_eq(rules_pair_suggest(h, 6, m, 3, &o, s), 0);
    const int64_t want[6] = {1, 2, 3, 1, 2, 3};
    const int want_load[6] = {0, 0, 0, 1, 1, 1};
    for (int i = 0; i < 6; i++) {
        ck_assert_int_eq(s[i].household_id, 100 + i);
        ck_assert_int_eq(s[i].member_id, want[i]);
        ck_assert_int_eq(s[i].load, want_load[i]);
    }
    ck_assert_str_eq(s[4].reason, "同一网格，当前帮扶 1 户");

    /* a seventh household finds nobody: all at the limit of 2 */
    struct rp_household h7[7];
    memcpy(h7, h, sizeof h);
    h7[6] = hh(106, 1, place(1, 1, 1, 0));
    struct rp_suggestion s7[7];
    ck_assert_int_eq(rules_pair_suggest(h7, 7, m, 3, &o, s7), 0);
    ck_assert_int_eq(s7[6].member_id, 0);
    int count[4] = {0};
    for (int i = 0; i < 7; i++)
        count[s7[i].member_id]++;
    ck_assert_int_eq(count[1], 2);
    ck_assert_int_eq(count[2], 2);
    ck_assert_int_eq(count[3], 2);

    /* an existing load counts: helper 1 already holds 1 of 2 */
    m[1].load = 1;
    ck_assert_int_eq(rules_pair_suggest(h, 6, m, 3, &o, s), 0);
    count[0] = count[1] = count[2] = count[3] = 0;
    for (int i = 0; i < 6; i++)
        count[s[i].member_id]++;
    ck_assert_int_eq(count[1], 1);
    ck_assert_int_eq(count[2], 2);
    ck_assert_int_eq(count[3], 2);
    ck_assert_int_eq(count[0], 1);
}
END_TEST

START_TEST(exclusions)
{
    struct rp_household h[1] = {hh(1, 3, place(1, 1, 1, 1))};
    h[0].member_id = 50;                        /* a 困难党员 */
    h[0].home_key[0] = rules_pair_home_key("幸福路 8 号 3 单元 201");
    h[0].home_key[1] = rules_pair_home_key("幸福路8号3单元202");
    struct rp_helper m[] = {
        helper(50, place(1, 1, 1, 1), 0),       /* the person themselves */
        helper(51, place(1, 1, 1, 1), 0),       /* same home */
        helper(52, place(1, 1, 1, 1), 0),       /* same home (member's) */
        helper(53, place(1, 1, 1, 1), 0),       /* left */
        helper(54, place(1, 1, 1, 1), 0),       /* 失联 */
        helper(55, place(1, 1, 1, 1), 0),       /* 停止党籍 */
        helper(56, place(1, 1, 1, 1), 0),       /* in need themselves */
        helper(60, place(1, 1, 2, 0), 2),       /* fine, farther */
    };
    m[0].home_key = h[0].home_key[1];
    m[1].home_key = rules_pair_home_key("幸福路８号３单元２０１");
    m[2].home_key = rules_pair_home_key("幸福路8号，3单元202。");
    m[3].left = true;
    m[4].lost = true;
    m[5].suspended = true;
    m[6].in_need = true;
    struct rp_opts o = opts(3);
    o.allow_other = true;
    struct rp_suggestion s[1];
    ck_assert_int_eq(rules_pair_suggest(h, 1, m, 8, &o, s), 0);
    ck_assert_int_eq(s[0].member_id, 60);
    ck_assert_int_eq(s[0].locality, RP_AREA);

    /* the excluded ones stay available for the next household */
    struct rp_household h2[2] = {h[0], hh(2, 1, place(1, 1, 1, 1))};
    struct rp_suggestion s2[2];
    ck_assert_int_eq(rules_pair_suggest(h2, 2, m, 8, &o, s2), 0);
    ck_assert_int_eq(s2[0].member_id, 60);
    ck_assert_int_eq(s2[1].member_id, 50);
    ck_assert_int_eq(s2[1].locality, RP_BUILDING);
}
END_TEST

START_TEST(hardest_first)
{
    /* one free place: the 特别困难 household gets it, whatever the
     * order of the input */
    struct rp_household h[3] = {
        hh(1, 1, place(1, 1, 1, 1)),
        hh(2, 3, place(1, 1, 1, 1)),
        hh(3, 2, place(1, 1, 1, 1)),
    };
    struct rp_helper m[1] = {helper(9, place(1, 1, 1, 1), 1)};
    struct rp_opts o = opts(2);
    struct rp_suggestion s[3];
    ck_assert_int_eq(rules_pair_suggest(h, 3, m, 1, &o, s), 0);
    ck_assert_int_eq(s[0].member_id, 0);
    ck_assert_int_eq(s[1].member_id, 9);
    ck_assert_int_eq(s[2].member_id, 0);
}
END_TEST

START_TEST(no_place)
{
    struct rp_household h[1] = {hh(1, 1, place(0, 0, 0, 0))};
    struct rp_helper m[1] = {helper(9, place(1, 1, 1, 1), 0)};
    struct rp_opts o = opts(3);
    struct rp_suggestion s[1];
    ck_assert_int_eq(rules_pair_suggest(h, 1, m, 1, &o, s), 0);
    ck_assert_int_eq(s[0].member_id, 0);
    ck_assert_str_eq(s[0].reason, "未登记居住网格，无法就近推荐");
    o.allow_other = true;
    ck_assert_int_eq(rules_pair_suggest(h, 1, m, 1, &o, s), 0);
    ck_assert_int_eq(s[0].member_id, 9);
    ck_assert_int_eq(s[0].locality, RP_OTHER);
    /* empty inputs */
    ck_assert_int_eq(rules_pair_suggest(NULL, 0, NULL, 0, &o, s), 0);
    ck_assert_int_eq(rules_pair_suggest(h, 1, NULL, 0, NULL, s), 0);
    ck_assert_int_eq(s[0].member_id, 0);
}
END_TEST

START_TEST(locality_and_keys)
{
    struct rp_place a = place(1, 1, 1, 1), b = place(1, 1, 1, 2);
    ck_assert_int_eq(rules_pair_locality(&a, &a), RP_BUILDING);
    ck_assert_int_eq(rules_pair_locality(&a, &b), RP_GRID);
    b = place(1, 1, 2, 1);
    ck_assert_int_eq(rules_pair_locality(&a, &b), RP_AREA);
    b = place(1, 2, 1, 1);
    ck_assert_int_eq(rules_pair_locality(&a, &b), RP_COMMUNITY);
    b = place(2, 1, 1, 1);
    ck_assert_int_eq(rules_pair_locality(&a, &b), RP_OTHER);
    b = place(0, 0, 0, 0);
    ck_assert_int_eq(rules_pair_locality(&b, &b), RP_OTHER);
    /* a skipped level never matches: 楼栋 straight under a 片区 */
    struct rp_place c = place(1, 1, 0, 0), d = place(1, 1, 0, 0);
    ck_assert_int_eq(rules_pair_locality(&c, &d), RP_AREA);

    char r[128];
    rules_pair_reason(RP_BUILDING, 1, r, sizeof r);
    ck_assert_str_eq(r, "同一楼栋，当前帮扶 1 户");
    ck_assert_str_eq(rp_locality_label[RP_COMMUNITY], "同一社区");

    ck_assert_uint_eq(rules_pair_home_key("幸福路 8 号"),
                      rules_pair_home_key("幸福路8号"));
    ck_assert_uint_eq(rules_pair_home_key("Xingfu Rd 8"),
                      rules_pair_home_key("ｘｉｎｇｆｕ ｒｄ ８"));
    ck_assert_uint_ne(rules_pair_home_key("幸福路8号"),
                      rules_pair_home_key("幸福路9号"));
    ck_assert_uint_eq(rules_pair_home_key(""), 0);
    ck_assert_uint_eq(rules_pair_home_key("8号"), 0);
    ck_assert_uint_eq(rules_pair_home_key(NULL), 0);
}
END_TEST

/* ---- against a plain reference ---- */

static uint64_t rng_state;
static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng_state >> 33) % n);
}

static struct rp_place random_place(void)
{
    if (rnd(20) == 0)
        return place(0, 0, 0, 0);
    int c = 1 + (int)rnd(3), a = 1 + (int)rnd(3), g = (int)rnd(4),
        b = g ? (int)rnd(5) : 0;
    return place(c, a, g, b);
}

static int cmp_idx_level(const struct rp_household *h, size_t i, size_t j)
{
    if (h[i].level != h[j].level)
        return h[i].level > h[j].level ? -1 : 1;
    return h[i].id < h[j].id ? -1 : h[i].id > h[j].id;
}

/* The rules written out plainly. */
static void reference(const struct rp_household *h, size_t nh,
                      const struct rp_helper *m, size_t nm, int max_load,
                      struct rp_suggestion *out)
{
    int *load = malloc(nm * sizeof *load);
    size_t *ord = malloc(nh * sizeof *ord);
    for (size_t i = 0; i < nm; i++)
        load[i] = m[i].load;
    for (size_t i = 0; i < nh; i++)
        ord[i] = i;
    for (size_t i = 1; i < nh; i++)         /* insertion sort */
        for (size_t j = i; j > 0 && cmp_idx_level(h, ord[j], ord[j - 1]) < 0;
             j--) {
            size_t t = ord[j];
            ord[j] = ord[j - 1];
            ord[j - 1] = t;
        }
    for (size_t k = 0; k < nh; k++) {
        const struct rp_household *x = &h[ord[k]];
        long best = -1;
        int best_loc = 99;
        for (size_t i = 0; i < nm; i++) {
            const struct rp_helper *y = &m[i];
            if (y->left || y->lost || y->suspended || y->in_need ||
                load[i] >= max_load)
                continue;
            if (x->member_id && y->member_id == x->member_id)
                continue;
            if (y->home_key && (y->home_key == x->home_key[0] ||
                                y->home_key == x->home_key[1]))
                continue;
            int loc = rules_pair_locality(&x->place, &y->place);
            if (loc == RP_OTHER)
                continue;
            bool fewer = best >= 0 &&
                         (load[i] < load[best] ||
                          (load[i] == load[best] &&
                           y->member_id < m[best].member_id));
            if (best < 0 || loc < best_loc || (loc == best_loc && fewer)) {
                best = (long)i;
                best_loc = loc;
            }
        }
        out[ord[k]].member_id = best >= 0 ? m[best].member_id : 0;
        out[ord[k]].locality = best >= 0 ? best_loc : RP_NONE;
        out[ord[k]].load = best >= 0 ? load[best] : 0;
        if (best >= 0)
            load[best]++;
    }
    free(load);
    free(ord);
}

START_TEST(matches_reference_and_is_stable)
{
    rng_state = 42 + (uint64_t)_i;
    size_t nh = 400, nm = 600;
    struct rp_household *h = calloc(nh, sizeof *h);
    struct rp_helper *m = calloc(nm, sizeof *m);
    for (size_t i = 0; i < nh; i++) {
        h[i] = hh((int64_t)(i * 7 % nh) + 1, 1 + (int)rnd(3), random_place());
        if (rnd(5) == 0)
            h[i].member_id = 1 + rnd((unsigned)nm);
        if (rnd(4) == 0)
            h[i].home_key[0] = 1 + rnd(50);
    }
    for (size_t i = 0; i < nm; i++) {
        m[i] = helper((int64_t)((i * 13) % nm) + 1, random_place(),
                      (int)rnd(4));
        if (rnd(4) == 0)
            m[i].home_key = 1 + rnd(50);
        m[i].left = rnd(30) == 0;
        m[i].lost = rnd(30) == 0;
        m[i].suspended = rnd(30) == 0;
        m[i].in_need = rnd(30) == 0;
    }
    struct rp_opts o = opts(3);
    struct rp_suggestion *s = calloc(nh, sizeof *s),
                         *want = calloc(nh, sizeof *want),
                         *s2 = calloc(nh, sizeof *s2);
    ck_assert_int_eq(rules_pair_suggest(h, nh, m, nm, &o, s), 0);
    reference(h, nh, m, nm, 3, want);
    long matched = 0;
    for (size_t i = 0; i < nh; i++) {
        ck_assert_int_eq(s[i].household_id, h[i].id);
        ck_assert_msg(s[i].member_id == want[i].member_id,
                      "household %lld: %lld, reference %lld",
                      (long long)h[i].id, (long long)s[i].member_id,
                      (long long)want[i].member_id);
        ck_assert_int_eq(s[i].locality, want[i].locality);
        ck_assert_int_eq(s[i].load, want[i].load);
        matched += s[i].member_id != 0;
    }
    ck_assert_int_gt(matched, 100);
    ck_assert_int_lt(matched, (long)nh);

    /* reversed inputs: the same suggestion for every household */
    for (size_t i = 0; i < nh / 2; i++) {
        struct rp_household t = h[i];
        h[i] = h[nh - 1 - i];
        h[nh - 1 - i] = t;
    }
    for (size_t i = 0; i < nm / 2; i++) {
        struct rp_helper t = m[i];
        m[i] = m[nm - 1 - i];
        m[nm - 1 - i] = t;
    }
    ck_assert_int_eq(rules_pair_suggest(h, nh, m, nm, &o, s2), 0);
    for (size_t i = 0; i < nh; i++) {
        const struct rp_suggestion *a = &s2[i], *b = &s[nh - 1 - i];
        ck_assert_int_eq(a->household_id, b->household_id);
        ck_assert_int_eq(a->member_id, b->member_id);
        ck_assert_str_eq(a->reason, b->reason);
    }
    free(h);
    free(m);
    free(s);
    free(s2);
    free(want);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("assist");
    TCase *tc = tcase_create("assist");
    tcase_add_test(tc, locality_order);
    tcase_add_test(tc, fewer_pairs_then_member_id);
    tcase_add_test(tc, load_limit_and_spread);
    tcase_add_test(tc, exclusions);
    tcase_add_test(tc, hardest_first);
    tcase_add_test(tc, no_place);
    tcase_add_test(tc, locality_and_keys);
    tcase_add_loop_test(tc, matches_reference_and_is_stable, 0, 5);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
