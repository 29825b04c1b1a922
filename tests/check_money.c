/* Unit tests for money in 分 (src/rules_money.c): every accepted and
 * refused form, the formats, sums without floating point. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules_money.h"

static int64_t ok(const char *s)
{
    int64_t fen = -1;
    enum money_result r = rules_money_parse(s, &fen);
    ck_assert_msg(r == MONEY_OK, "「%s」 refused (%d)", s, (int)r);
    return fen;
}

static void refused(const char *s, enum money_result want)
{
    int64_t fen = -1;
    enum money_result r = rules_money_parse(s, &fen);
    ck_assert_msg(r == want, "「%s」 gave %d, want %d", s, (int)r, (int)want);
    ck_assert_msg(fen == 0, "「%s」 left %lld", s, (long long)fen);
}

START_TEST(accepted_forms)
{
    ck_assert_int_eq(ok("500"), 50000);
    ck_assert_int_eq(ok("500.5"), 50050);
    ck_assert_int_eq(ok("500.50"), 50050);
    ck_assert_int_eq(ok("500.05"), 50005);
    ck_assert_int_eq(ok("0.5"), 50);
    ck_assert_int_eq(ok("0.01"), 1);
    ck_assert_int_eq(ok("0"), 0);
    ck_assert_int_eq(ok("￥500"), 50000);
    ck_assert_int_eq(ok("¥500"), 50000);
    ck_assert_int_eq(ok("￥ 500.5"), 50050);
    ck_assert_int_eq(ok("500元"), 50000);
    ck_assert_int_eq(ok("500 元"), 50000);
    ck_assert_int_eq(ok("￥1,000元"), 100000);
    ck_assert_int_eq(ok("1,000"), 100000);
    ck_assert_int_eq(ok("1，000.00"), 100000);
    ck_assert_int_eq(ok("12,345,678.9"), 1234567890);
    ck_assert_int_eq(ok("１２３．４５"), 12345);      /* full width */
    ck_assert_int_eq(ok("５００元"), 50000);
    ck_assert_int_eq(ok("  500  "), 50000);
    ck_assert_int_eq(ok("\t500.50\t"), 50050);
    ck_assert_int_eq(ok("\xE3\x80\x80" "88" "\xE3\x80\x80"), 8800); /* 　 */
    ck_assert_int_eq(ok("+500"), 50000);
    ck_assert_int_eq(ok("0500"), 50000);
    ck_assert_int_eq(ok("6000"), 600000);
    ck_assert_int_eq(ok("9,999,999,999.99"), MONEY_MAX_FEN);
}
END_TEST

START_TEST(refused_forms)
{
    refused("12.345", MONEY_DECIMALS);
    refused("0.001", MONEY_DECIMALS);
    refused("-5", MONEY_NEGATIVE);
    refused("－5", MONEY_NEGATIVE);
    refused("-￥5", MONEY_NEGATIVE);
    refused("￥-5.50", MONEY_NEGATIVE);
    refused("五百", MONEY_NOT_NUMBER);
    refused("500块", MONEY_NOT_NUMBER);
    refused("abc", MONEY_NOT_NUMBER);
    refused("5百元", MONEY_NOT_NUMBER);
    refused("1.2.3", MONEY_BAD_FORMAT);
    refused("5.", MONEY_BAD_FORMAT);
    refused(".", MONEY_BAD_FORMAT);
    refused("￥", MONEY_BAD_FORMAT);
    refused("元", MONEY_BAD_FORMAT);
    refused("5 00", MONEY_BAD_FORMAT);
    refused("--5", MONEY_BAD_FORMAT);
    refused("1,000.0,0", MONEY_BAD_FORMAT);
    refused("1,00", MONEY_GROUPING);
    refused("10,00,0", MONEY_GROUPING);
    refused(",100", MONEY_GROUPING);
    refused("1000,000", MONEY_GROUPING);
    refused("1,,000", MONEY_GROUPING);
    refused("1,000,", MONEY_GROUPING);
    refused("10000000000", MONEY_OVERFLOW);   /* 100 亿 */
    refused("99999999999999999999999", MONEY_OVERFLOW);
    refused("", MONEY_EMPTY);
    refused("   ", MONEY_EMPTY);
    refused(NULL, MONEY_EMPTY);
}
END_TEST

START_TEST(messages)
{
    ck_assert_str_eq(rules_money_message(MONEY_OK), "");
    ck_assert_ptr_nonnull(strstr(rules_money_message(MONEY_DECIMALS),
                                 "最多两位小数"));
    ck_assert_ptr_nonnull(strstr(rules_money_message(MONEY_NEGATIVE),
                                 "不能为负数"));
    ck_assert_ptr_nonnull(strstr(rules_money_message(MONEY_NOT_NUMBER),
                                 "请用数字填写金额"));
    ck_assert_ptr_nonnull(strstr(rules_money_message(MONEY_GROUPING),
                                 "千位分隔符"));
    ck_assert_ptr_nonnull(strstr(rules_money_message(MONEY_EMPTY),
                                 "请填写金额"));

    zb_err e;
    int64_t fen = 7;
    ck_assert_int_eq(rules_money_input("", false, "慰问金", &fen, &e), 0);
    ck_assert_int_eq(fen, 0);
    ck_assert_int_eq(rules_money_input("", true, "慰问金", &fen, &e), -1);
    ck_assert_str_eq(e.msg, "慰问金：请填写金额");
    ck_assert_int_eq(rules_money_input("12.345", false, "慰问金", &fen, &e),
                     -1);
    ck_assert_str_eq(e.msg, "慰问金：金额最多两位小数（精确到分）");
    ck_assert_int_eq(rules_money_input("-5", false, NULL, &fen, &e), -1);
    ck_assert_str_eq(e.msg, "金额不能为负数");
    ck_assert_int_eq(rules_money_input("500.50", true, "x", &fen, &e), 0);
    ck_assert_int_eq(fen, 50050);
}
END_TEST

START_TEST(formats)
{
    char b[MONEY_BUF];
    rules_money_plain(50050, b, sizeof b);
    ck_assert_str_eq(b, "500.50");
    rules_money_plain(5, b, sizeof b);
    ck_assert_str_eq(b, "0.05");
    rules_money_plain(100000, b, sizeof b);
    ck_assert_str_eq(b, "1000.00");
    rules_money_plain(-300, b, sizeof b);
    ck_assert_str_eq(b, "-3.00");
    rules_money_plain(INT64_MIN, b, sizeof b);
    ck_assert_str_eq(b, "-92233720368547758.08");

    rules_money_yuan(100000, b, sizeof b);
    ck_assert_str_eq(b, "1,000.00 元");
    rules_money_yuan(50050, b, sizeof b);
    ck_assert_str_eq(b, "500.50 元");
    rules_money_yuan(0, b, sizeof b);
    ck_assert_str_eq(b, "0.00 元");
    rules_money_yuan(123456789012, b, sizeof b);
    ck_assert_str_eq(b, "1,234,567,890.12 元");
    rules_money_yuan(99999, b, sizeof b);
    ck_assert_str_eq(b, "999.99 元");

    rules_money_wan(600000, b, sizeof b);        /* 6,000 元 */
    ck_assert_str_eq(b, "0.60 万元");
    rules_money_wan(12345678, b, sizeof b);      /* 123,456.78 元 */
    ck_assert_str_eq(b, "12.35 万元");
    rules_money_wan(4999, b, sizeof b);
    ck_assert_str_eq(b, "0.00 万元");
    rules_money_wan(5000, b, sizeof b);          /* 50 元: half up */
    ck_assert_str_eq(b, "0.01 万元");
    rules_money_wan(12345678900, b, sizeof b);   /* 123,456,789 元 */
    ck_assert_str_eq(b, "12,345.68 万元");

    /* what a form shows parses back to the same amount */
    const int64_t v[] = {0, 1, 10, 99, 100, 50050, 123456789, MONEY_MAX_FEN};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        int64_t back;
        rules_money_plain(v[i], b, sizeof b);
        ck_assert_int_eq(rules_money_parse(b, &back), MONEY_OK);
        ck_assert_int_eq(back, v[i]);
        rules_money_yuan(v[i], b, sizeof b);
        ck_assert_int_eq(rules_money_parse(b, &back), MONEY_OK);
        ck_assert_int_eq(back, v[i]);
    }
}
END_TEST

START_TEST(sums_exact)
{
    /* 0.1 + 0.2 in 分 is exactly 0.3; a thousand 0.01 are 10.00 */
    int64_t a, b, s = 0;
    ck_assert_int_eq(rules_money_parse("0.1", &a), MONEY_OK);
    ck_assert_int_eq(rules_money_parse("0.2", &b), MONEY_OK);
    ck_assert(rules_money_add(a, b, &s));
    ck_assert_int_eq(s, 30);
    s = 0;
    for (int i = 0; i < 1000; i++)
        ck_assert(rules_money_add(s, 1, &s));
    char out[MONEY_BUF];
    rules_money_yuan(s, out, sizeof out);
    ck_assert_str_eq(out, "10.00 元");
    /* the largest amounts summed many times still fit */
    s = 0;
    for (int i = 0; i < 1000; i++)
        ck_assert(rules_money_add(s, MONEY_MAX_FEN, &s));
    ck_assert_int_eq(s, MONEY_MAX_FEN * 1000);
    s = INT64_MAX - 1;
    ck_assert(!rules_money_add(s, 2, &s));
    ck_assert_int_eq(s, INT64_MAX - 1);
    ck_assert(!rules_money_add(INT64_MIN, -1, &s));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("money");
    TCase *tc = tcase_create("money");
    tcase_add_test(tc, accepted_forms);
    tcase_add_test(tc, refused_forms);
    tcase_add_test(tc, messages);
    tcase_add_test(tc, formats);
    tcase_add_test(tc, sums_exact);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
