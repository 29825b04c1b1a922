/* Unit tests for the pure rules of 三会一课 (src/rules_meeting.c). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "rules_meeting.h"

static void assert_window(const struct period_window *w, const char *from,
                          const char *to)
{
    ck_assert_str_eq(w->from, from);
    ck_assert_str_eq(w->to, to);
}

START_TEST(windows_months)
{
    struct period_window w[16];
    ck_assert_int_eq(rules_windows("2026-01-15", "2026-03-02", PERIOD_MONTH,
                                   w, 16), 3);
    assert_window(&w[0], "2026-01-01", "2026-01-31");
    assert_window(&w[1], "2026-02-01", "2026-02-28");
    assert_window(&w[2], "2026-03-01", "2026-03-31");
    /* across a year end */
    ck_assert_int_eq(rules_windows("2025-11-30", "2026-01-01", PERIOD_MONTH,
                                   w, 16), 3);
    assert_window(&w[0], "2025-11-01", "2025-11-30");
    assert_window(&w[1], "2025-12-01", "2025-12-31");
    assert_window(&w[2], "2026-01-01", "2026-01-31");
    /* one day */
    ck_assert_int_eq(rules_windows("2026-06-30", "2026-06-30", PERIOD_MONTH,
                                   w, 16), 1);
    assert_window(&w[0], "2026-06-01", "2026-06-30");
}
END_TEST

START_TEST(windows_leap_years)
{
    struct period_window w[4];
    ck_assert_int_eq(rules_windows("2024-02-10", "2024-02-10", PERIOD_MONTH,
                                   w, 4), 1);
    assert_window(&w[0], "2024-02-01", "2024-02-29");
    rules_windows("2000-02-01", "2000-02-01", PERIOD_MONTH, w, 4);
    assert_window(&w[0], "2000-02-01", "2000-02-29");
    rules_windows("1900-02-01", "1900-02-01", PERIOD_MONTH, w, 4);
    assert_window(&w[0], "1900-02-01", "1900-02-28");
    rules_windows("2100-02-01", "2100-02-01", PERIOD_MONTH, w, 4);
    assert_window(&w[0], "2100-02-01", "2100-02-28");
    rules_windows("2025-02-01", "2025-02-01", PERIOD_MONTH, w, 4);
    assert_window(&w[0], "2025-02-01", "2025-02-28");
}
END_TEST

START_TEST(windows_quarters_and_years)
{
    struct period_window w[8];
    ck_assert_int_eq(rules_windows("2026-02-10", "2026-08-01",
                                   PERIOD_QUARTER, w, 8), 3);
    assert_window(&w[0], "2026-01-01", "2026-03-31");
    assert_window(&w[1], "2026-04-01", "2026-06-30");
    assert_window(&w[2], "2026-07-01", "2026-09-30");
    ck_assert_int_eq(rules_windows("2025-12-31", "2026-01-01",
                                   PERIOD_QUARTER, w, 8), 2);
    assert_window(&w[0], "2025-10-01", "2025-12-31");
    assert_window(&w[1], "2026-01-01", "2026-03-31");
    ck_assert_int_eq(rules_windows("2025-06-01", "2026-01-01", PERIOD_YEAR,
                                   w, 8), 2);
    assert_window(&w[0], "2025-01-01", "2025-12-31");
    assert_window(&w[1], "2026-01-01", "2026-12-31");
    /* a whole year: 12 months, 4 quarters, 1 year */
    ck_assert_int_eq(rules_windows("2026-01-01", "2026-12-31", PERIOD_MONTH,
                                   NULL, 0), 12);
    ck_assert_int_eq(rules_windows("2026-01-01", "2026-12-31",
                                   PERIOD_QUARTER, NULL, 0), 4);
    ck_assert_int_eq(rules_windows("2026-01-01", "2026-12-31", PERIOD_YEAR,
                                   NULL, 0), 1);
    /* three years of months */
    ck_assert_int_eq(rules_windows("2024-01-01", "2026-12-31", PERIOD_MONTH,
                                   NULL, 0), 36);
}
END_TEST

START_TEST(windows_limits)
{
    struct period_window w[2];
    memset(w, 'x', sizeof w);
    /* the total is returned, only max are written */
    ck_assert_int_eq(rules_windows("2026-01-01", "2026-04-30", PERIOD_MONTH,
                                   w, 2), 4);
    assert_window(&w[1], "2026-02-01", "2026-02-28");
    ck_assert_int_eq(rules_windows("2026-05-01", "2026-04-30", PERIOD_MONTH,
                                   w, 2), 0);
    ck_assert_int_eq(rules_windows("2026-02-30", "2026-04-30", PERIOD_MONTH,
                                   w, 2), 0);
    ck_assert_int_eq(rules_windows("", "2026-04-30", PERIOD_MONTH, w, 2),
                     0);
}
END_TEST

START_TEST(window_of_last_day_of_quarter)
{
    struct period_window w;
    /* a meeting on the last day of a quarter belongs to that quarter */
    rules_window_of("2026-03-31", PERIOD_QUARTER, &w);
    assert_window(&w, "2026-01-01", "2026-03-31");
    rules_window_of("2026-04-01", PERIOD_QUARTER, &w);
    assert_window(&w, "2026-04-01", "2026-06-30");
    rules_window_of("2026-12-31", PERIOD_QUARTER, &w);
    assert_window(&w, "2026-10-01", "2026-12-31");
    rules_window_of("2026-09-30", PERIOD_QUARTER, &w);
    assert_window(&w, "2026-07-01", "2026-09-30");
    rules_window_of("2024-02-29", PERIOD_MONTH, &w);
    assert_window(&w, "2024-02-01", "2024-02-29");
    rules_window_of("2026-07-04", PERIOD_YEAR, &w);
    assert_window(&w, "2026-01-01", "2026-12-31");
}
END_TEST

START_TEST(period_parse)
{
    char from[11], to[11];
    struct {
        const char *spec, *from, *to;
    } ok[] = {
        {"2026", "2026-01-01", "2026-12-31"},
        {"2026H1", "2026-01-01", "2026-06-30"},
        {"2026H2", "2026-07-01", "2026-12-31"},
        {"2026h2", "2026-07-01", "2026-12-31"},
        {"2026Q1", "2026-01-01", "2026-03-31"},
        {"2026Q2", "2026-04-01", "2026-06-30"},
        {"2026Q3", "2026-07-01", "2026-09-30"},
        {"2026Q4", "2026-10-01", "2026-12-31"},
        {"2024Q1", "2024-01-01", "2024-03-31"},
        {"2026-02", "2026-02-01", "2026-02-28"},
        {"2024-02", "2024-02-01", "2024-02-29"},
        {"2026-12", "2026-12-01", "2026-12-31"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        ck_assert_msg(rules_period_parse(ok[i].spec, from, to), "%s",
                      ok[i].spec);
        ck_assert_str_eq(from, ok[i].from);
        ck_assert_str_eq(to, ok[i].to);
    }
    const char *bad[] = {"", "26", "2026Q5", "2026Q0", "2026H3", "2026-13",
                         "2026-00", "2026-1", "2026-011", "1899", "2101",
                         "2026 ", "二〇二六", "2026Q", "2026-ab"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!rules_period_parse(bad[i], from, to), "%s", bad[i]);
    ck_assert(!rules_period_parse(NULL, from, to));
}
END_TEST

START_TEST(window_labels)
{
    char buf[64];
    struct period_window w = {"2026-03-01", "2026-03-31"};
    rules_window_label(&w, PERIOD_MONTH, buf, sizeof buf);
    ck_assert_str_eq(buf, "2026年3月");
    struct period_window q = {"2026-10-01", "2026-12-31"};
    rules_window_label(&q, PERIOD_QUARTER, buf, sizeof buf);
    ck_assert_str_eq(buf, "2026年第4季度");
    struct period_window q1 = {"2026-01-01", "2026-03-31"};
    rules_window_label(&q1, PERIOD_QUARTER, buf, sizeof buf);
    ck_assert_str_eq(buf, "2026年第1季度");
    struct period_window y = {"2026-01-01", "2026-12-31"};
    rules_window_label(&y, PERIOD_YEAR, buf, sizeof buf);
    ck_assert_str_eq(buf, "2026年");
    struct period_window m12 = {"2025-12-01", "2025-12-31"};
    rules_window_label(&m12, PERIOD_MONTH, buf, sizeof buf);
    ck_assert_str_eq(buf, "2025年12月");
}
END_TEST

START_TEST(quorum)
{
    /* 10 正式 and 3 预备: the 预备 have no vote and do not count */
    ck_assert(!rules_quorum(10, 5));
    ck_assert(rules_quorum(10, 6));
    ck_assert(rules_quorum(10, 10));
    ck_assert(!rules_quorum(4, 2));
    ck_assert(rules_quorum(3, 2));
    ck_assert(rules_quorum(1, 1));
    ck_assert(!rules_quorum(1, 0));
    ck_assert(!rules_quorum(0, 0));
}
END_TEST

START_TEST(watch_levels)
{
    ck_assert_int_eq(rules_watch_level(-1), 0);
    ck_assert_int_eq(rules_watch_level(0), 0);
    ck_assert_int_eq(rules_watch_level(2), 0);
    ck_assert_int_eq(rules_watch_level(3), 1);
    ck_assert_int_eq(rules_watch_level(5), 1);
    ck_assert_int_eq(rules_watch_level(6), 2);
    ck_assert_int_eq(rules_watch_level(40), 2);
}
END_TEST

START_TEST(rates)
{
    ck_assert_int_eq(rules_rate_permille(0, 0), -1);
    ck_assert_int_eq(rules_rate_permille(3, 0), -1);
    ck_assert_int_eq(rules_rate_permille(0, 5), 0);
    ck_assert_int_eq(rules_rate_permille(1, 3), 333);
    ck_assert_int_eq(rules_rate_permille(2, 3), 667);
    ck_assert_int_eq(rules_rate_permille(3, 3), 1000);
    ck_assert_int_eq(rules_rate_permille(17, 20), 850);
    ck_assert_int_eq(rules_rate_permille(199, 200), 995);
}
END_TEST

START_TEST(times)
{
    char t[6];
    struct {
        const char *in, *out;
    } ok[] = {
        {"09:30", "09:30"}, {"9:30", "09:30"}, {"0930", "09:30"},
        {"23:59", "23:59"}, {"00:00", "00:00"}, {" 8:05 ", "08:05"},
        {"12\xef\xbc\x9a" "30", "12:30"},      /* full-width colon */
        {"1405", "14:05"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        memset(t, 'x', sizeof t);
        ck_assert_msg(rules_time_normalize(ok[i].in, t), "%s", ok[i].in);
        ck_assert_str_eq(t, ok[i].out);
    }
    const char *bad[] = {"", "24:00", "12:60", "9:5", "123", "12345",
                         "ab:cd", "12-30", "1:2:3", "12:30pm", "-1:00"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!rules_time_normalize(bad[i], t), "%s", bad[i]);
    ck_assert(!rules_time_normalize(NULL, t));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rules_meeting");
    TCase *tc = tcase_create("rules_meeting");
    tcase_add_test(tc, windows_months);
    tcase_add_test(tc, windows_leap_years);
    tcase_add_test(tc, windows_quarters_and_years);
    tcase_add_test(tc, windows_limits);
    tcase_add_test(tc, window_of_last_day_of_quarter);
    tcase_add_test(tc, period_parse);
    tcase_add_test(tc, window_labels);
    tcase_add_test(tc, quorum);
    tcase_add_test(tc, watch_levels);
    tcase_add_test(tc, rates);
    tcase_add_test(tc, times);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
