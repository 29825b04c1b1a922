/* Unit tests for the domain rules (src/rules.c) and code lists
 * (src/domain.c). */
#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "rules.h"

#define TODAY "2024-06-01"

/* ---- ID numbers ---- */

START_TEST(idnum_checkchar)
{
    ck_assert_int_eq(rules_idnum_checkchar("11010519491231002"), 'X');
    ck_assert_int_eq(rules_idnum_checkchar("44052418800101001"), '4');
    ck_assert_int_eq(rules_idnum_checkchar("32010219800101002"), '4');
    ck_assert_int_eq(rules_idnum_checkchar("32010220000229001"), '3');
    ck_assert_int_eq(rules_idnum_checkchar("1101051949123100"), '\0');
    ck_assert_int_eq(rules_idnum_checkchar("1101051949123100A"), '\0');
    ck_assert_int_eq(rules_idnum_checkchar(""), '\0');
    ck_assert_int_eq(rules_idnum_checkchar(NULL), '\0');
}
END_TEST

START_TEST(idnum_valid)
{
    struct idnum_info info;
    ck_assert_int_eq(rules_idnum_check("11010519491231002X", TODAY, &info),
                     IDNUM_OK);
    ck_assert_str_eq(info.birth, "1949-12-31");
    ck_assert_int_eq(info.gender, 2);   /* 17th digit 2: even */
    ck_assert_str_eq(info.normalized, "11010519491231002X");

    /* born 1880: accepted in an ID number */
    ck_assert_int_eq(rules_idnum_check("440524188001010014", TODAY, &info),
                     IDNUM_OK);
    ck_assert_str_eq(info.birth, "1880-01-01");
    ck_assert_int_eq(info.gender, 1);   /* 1: odd */

    /* lower-case x, surrounding blanks */
    ck_assert_int_eq(rules_idnum_check(" 11010519491231002x ", TODAY, &info),
                     IDNUM_OK);
    ck_assert_str_eq(info.normalized, "11010519491231002X");

    ck_assert_int_eq(rules_idnum_check("320102198001010024", TODAY, &info),
                     IDNUM_OK);
    ck_assert_int_eq(info.gender, 2);
    ck_assert_int_eq(rules_idnum_check("310115198706151230", TODAY, &info),
                     IDNUM_OK);
    ck_assert_int_eq(info.gender, 1);
    ck_assert_str_eq(info.birth, "1987-06-15");
    /* info may be NULL */
    ck_assert_int_eq(rules_idnum_check("110105198001010016", TODAY, NULL),
                     IDNUM_OK);
}
END_TEST

START_TEST(idnum_dates)
{
    /* leap days: 2000 is leap, 1900 and 2021 are not */
    ck_assert_int_eq(rules_idnum_check("320102200002290013", TODAY, NULL),
                     IDNUM_OK);
    ck_assert_int_eq(rules_idnum_check("320102202002290039", TODAY, NULL),
                     IDNUM_OK);
    ck_assert_int_eq(rules_idnum_check("320102190002290017", TODAY, NULL),
                     IDNUM_BAD_DATE);
    ck_assert_int_eq(rules_idnum_check("32010220210229001X", TODAY, NULL),
                     IDNUM_BAD_DATE);
    /* born today is fine, tomorrow is in the future */
    ck_assert_int_eq(rules_idnum_check("320102202406010013", TODAY, NULL),
                     IDNUM_OK);
    ck_assert_int_eq(rules_idnum_check("320102202406020019", TODAY, NULL),
                     IDNUM_BAD_DATE);
    ck_assert_int_eq(rules_idnum_check("320102202406020019", "2024-06-02",
                                       NULL), IDNUM_OK);
    /* before 1800 */
    ck_assert_int_eq(rules_idnum_check("320102179912310016", TODAY, NULL),
                     IDNUM_BAD_DATE);
    /* month 13: date is checked before the checksum */
    ck_assert_int_eq(rules_idnum_check("320102198013010010", TODAY, NULL),
                     IDNUM_BAD_DATE);
    /* no `today`: the real date (or ZHIBU_TODAY) is used */
    setenv("ZHIBU_TODAY", "2024-06-01", 1);
    ck_assert_int_eq(rules_idnum_check("320102202406010013", NULL, NULL),
                     IDNUM_OK);
    ck_assert_int_eq(rules_idnum_check("320102202406020019", NULL, NULL),
                     IDNUM_BAD_DATE);
    unsetenv("ZHIBU_TODAY");
}
END_TEST

START_TEST(idnum_errors)
{
    ck_assert_int_eq(rules_idnum_check("", TODAY, NULL), IDNUM_EMPTY);
    ck_assert_int_eq(rules_idnum_check("   ", TODAY, NULL), IDNUM_EMPTY);
    ck_assert_int_eq(rules_idnum_check(NULL, TODAY, NULL), IDNUM_EMPTY);
    ck_assert_int_eq(rules_idnum_check("11010519491231002", TODAY, NULL),
                     IDNUM_BAD_LENGTH);
    ck_assert_int_eq(rules_idnum_check("11010519491231002X1", TODAY, NULL),
                     IDNUM_BAD_LENGTH);
    ck_assert_int_eq(rules_idnum_check("1101051949123", TODAY, NULL),
                     IDNUM_BAD_LENGTH);
    ck_assert_int_eq(rules_idnum_check("11010519491231X02X", TODAY, NULL),
                     IDNUM_BAD_CHAR);
    ck_assert_int_eq(rules_idnum_check("110105 949123100 X", TODAY, NULL),
                     IDNUM_BAD_CHAR);
    ck_assert_int_eq(rules_idnum_check("11010519491231002Y", TODAY, NULL),
                     IDNUM_BAD_CHAR);
    /* 18 characters, but full-width digits */
    ck_assert_int_eq(rules_idnum_check("１１０１０５１９４９１２３１００２Ｘ",
                                       TODAY, NULL), IDNUM_BAD_CHAR);
    /* X not allowed in a 15-digit number */
    ck_assert_int_eq(rules_idnum_check("11010549123100X", TODAY, NULL),
                     IDNUM_BAD_CHAR);
    ck_assert_int_eq(rules_idnum_check("110105194912310039", TODAY, NULL),
                     IDNUM_BAD_CHECKSUM);
    ck_assert_int_eq(rules_idnum_check("110105194912310020", TODAY, NULL),
                     IDNUM_BAD_CHECKSUM);
    ck_assert_int_eq(rules_idnum_check("440524188001010015", TODAY, NULL),
                     IDNUM_BAD_CHECKSUM);
}
END_TEST

START_TEST(idnum_fifteen)
{
    struct idnum_info info;
    ck_assert_int_eq(rules_idnum_check("110105491231002", TODAY, &info),
                     IDNUM_OK);
    ck_assert_str_eq(info.normalized, "11010519491231002X");
    ck_assert_str_eq(info.birth, "1949-12-31");
    ck_assert_int_eq(info.gender, 2);
    ck_assert_int_eq(rules_idnum_check("320102800101001", TODAY, &info),
                     IDNUM_OK);
    ck_assert_str_eq(info.normalized, "320102198001010016");
    ck_assert_int_eq(info.gender, 1);
    ck_assert_str_eq(info.birth, "1980-01-01");
    ck_assert_int_eq(rules_idnum_check("320102800230001", TODAY, NULL),
                     IDNUM_BAD_DATE);
    /* 1900 is not a leap year */
    ck_assert_int_eq(rules_idnum_check("320102000229001", TODAY, NULL),
                     IDNUM_BAD_DATE);
}
END_TEST

static void ck_msg(enum idnum_result r, const char *s, const char *want)
{
    char out[256];
    memset(out, 'z', sizeof out);
    rules_idnum_message(r, s, out, sizeof out);
    ck_assert_str_eq(out, want);
}

START_TEST(idnum_messages)
{
    ck_msg(IDNUM_BAD_LENGTH, "11010519491231002",
           "公民身份号码应为 18 位（当前 17 位）");
    ck_msg(IDNUM_BAD_LENGTH, "11010519491231002X1",
           "公民身份号码应为 18 位（当前 19 位）");
    ck_msg(IDNUM_BAD_LENGTH, "张小军", "公民身份号码应为 18 位（当前 3 位）");
    ck_msg(IDNUM_BAD_CHAR, "11010519491231X02X",
           "公民身份号码含有非法字符（第 15 位）");
    ck_msg(IDNUM_BAD_CHAR, "１１０１０５１９４９１２３１００２Ｘ",
           "公民身份号码含有非法字符（第 1 位）");
    ck_msg(IDNUM_BAD_DATE, "320102190002290017",
           "公民身份号码中的出生日期无效");
    ck_msg(IDNUM_BAD_CHECKSUM, "110105194912310039",
           "公民身份号码校验位错误：最后一位应为 8");
    ck_msg(IDNUM_BAD_CHECKSUM, "110105194912310020",
           "公民身份号码校验位错误：最后一位应为 X");
    ck_msg(IDNUM_EMPTY, "", "公民身份号码不能为空");
    ck_msg(IDNUM_OK, "11010519491231002X", "");
    /* The message agrees with the check for a real mistake: one digit
     * mistyped. */
    const char *typo = "11010519491231012X";
    enum idnum_result r = rules_idnum_check(typo, TODAY, NULL);
    ck_assert_int_eq(r, IDNUM_BAD_CHECKSUM);
    ck_msg(r, typo, "公民身份号码校验位错误：最后一位应为 6");
    /* a tiny buffer is cut, never overrun, and stays a valid string */
    char small[8];
    rules_idnum_message(IDNUM_EMPTY, "", small, sizeof small);
    ck_assert_uint_lt(strlen(small), sizeof small);
}
END_TEST

START_TEST(mask)
{
    char out[64];
    rules_mask_idnum("11010519491231002X", out, sizeof out);
    ck_assert_str_eq(out, "1101**********002X");
    rules_mask_idnum("110105491231002", out, sizeof out);
    ck_assert_str_eq(out, "110*********002");
    rules_mask_idnum("12345678", out, sizeof out);
    ck_assert_str_eq(out, "12****78");
    rules_mask_idnum("12", out, sizeof out);
    ck_assert_str_eq(out, "**");
    rules_mask_idnum("", out, sizeof out);
    ck_assert_str_eq(out, "");
    rules_mask_idnum("11010519491231002X", out, 5);
    ck_assert_str_eq(out, "1101");
}
END_TEST

/* ---- phones ---- */

START_TEST(phones)
{
    static const char *const good[] = {
        "13812345678", "19912345678", "16612345678",
        "138 1234 5678", "138-1234-5678", " 13812345678 ",
        "+8613812345678", "+86 13812345678", "+86-138-1234-5678",
        "86 138 1234 5678", "8613812345678",
        "010-87654321", "0755-1234567", "0571 88776655", "01087654321",
        "(010)87654321", "(0755)1234567", "87654321", "8765432",
        "010-87654321-123", "010-87654321转8001", "87654321-1",
        "0755-1234567-123456",
    };
    static const char *const bad[] = {
        "", "   ", "1381234567", "138123456789", "12812345678",
        "10012345678", "+87 13812345678", "138--1234-5678", "-13812345678",
        "138_1234_5678", "1381234567a", "010-876543", "010-876543210",
        "0755-1234567-1234567", "010-87654321-", "(010-87654321",
        "0012345678", "123456", "abc", "+86", "１３８１２３４５６７８",
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        ck_assert_msg(rules_phone_valid(good[i]), "refused %s", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        ck_assert_msg(!rules_phone_valid(bad[i]), "accepted %s", bad[i]);
    ck_assert(!rules_phone_valid(NULL));
}
END_TEST

START_TEST(digits)
{
    char out[32];
    ck_assert_uint_eq(rules_digits("+86 138-1234-5678", out, sizeof out), 13);
    ck_assert_str_eq(out, "8613812345678");
    ck_assert_uint_eq(rules_digits("张小军", out, sizeof out), 0);
    ck_assert_str_eq(out, "");
    ck_assert_uint_eq(rules_digits("123456", out, 4), 3);
    ck_assert_str_eq(out, "123");
}
END_TEST

/* ---- dates ---- */

START_TEST(date_strict)
{
    static const char *const good[] = {
        "2021-07-01", "2020-02-29", "2000-02-29", "1900-01-01",
        "2100-12-31", "2021-12-31", "2021-01-31", "2021-04-30",
    };
    static const char *const bad[] = {
        "", "2021-7-1", "2021/07/01", "2021-02-29", "1900-02-29",
        "2100-02-29", "1899-12-31", "2101-01-01", "2021-04-31",
        "2021-13-01", "2021-00-10", "2021-01-00", "2021-07-01x",
        " 2021-07-01", "20210701", "2021-07-0a",
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        ck_assert_msg(rules_date_valid(good[i]), "refused %s", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        ck_assert_msg(!rules_date_valid(bad[i]), "accepted %s", bad[i]);
    ck_assert(!rules_date_valid(NULL));
}
END_TEST

START_TEST(date_lenient)
{
    static const char *const ok[][2] = {
        { "2021-07-01", "2021-07-01" },
        { "2021-7-1", "2021-07-01" },
        { "2021/7/1", "2021-07-01" },
        { "2021.7.1", "2021-07-01" },
        { "2021年7月1日", "2021-07-01" },
        { "2021年07月01日", "2021-07-01" },
        { "2021年7月1", "2021-07-01" },
        { "20210701", "2021-07-01" },
        { " 2021-12-31 ", "2021-12-31" },
        { "２０２１－０７－０１", "2021-07-01" },
        { "2020/2/29", "2020-02-29" },
        { "20000229", "2000-02-29" },
    };
    static const char *const bad[] = {
        "", "2021", "2021-7/1", "2021-02-29", "20210229", "21-7-1",
        "2021-123-1", "2021-7-", "2021年7月", "202107011", "2021-07-01 x",
        "2021-7-1-", "2021--7-1", "1899-12-31", "2021年7月32日",
        "2021-06-31", "abcd-ef-gh",
    };
    char out[11];
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        ck_assert_msg(rules_date_normalize(ok[i][0], out), "refused %s",
                      ok[i][0]);
        ck_assert_str_eq(out, ok[i][1]);
    }
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        ck_assert_msg(!rules_date_normalize(bad[i], out), "accepted %s",
                      bad[i]);
    ck_assert(!rules_date_normalize(NULL, out));
}
END_TEST

START_TEST(today)
{
    char out[11];
    setenv("ZHIBU_TODAY", "2024-02-29", 1);
    ck_assert_str_eq(rules_today(out), "2024-02-29");
    ck_assert_str_eq(out, "2024-02-29");
    /* an invalid override is ignored */
    setenv("ZHIBU_TODAY", "2023-02-29", 1);
    rules_today(out);
    ck_assert(rules_date_valid(out));
    ck_assert_str_ne(out, "2023-02-29");
    unsetenv("ZHIBU_TODAY");
    rules_today(out);
    ck_assert(rules_date_valid(out));
    ck_assert_str_gt(out, "2024-01-01");
}
END_TEST

START_TEST(age)
{
    ck_assert_int_eq(rules_age("1949-12-31", "2024-12-30"), 74);
    ck_assert_int_eq(rules_age("1949-12-31", "2024-12-31"), 75);
    ck_assert_int_eq(rules_age("2000-02-29", "2021-02-28"), 20);
    ck_assert_int_eq(rules_age("2000-02-29", "2021-03-01"), 21);
    ck_assert_int_eq(rules_age("2000-02-29", "2024-02-29"), 24);
    ck_assert_int_eq(rules_age("2024-06-01", "2024-06-01"), 0);
    ck_assert_int_eq(rules_age("1880-01-01", "2024-06-01"), 144);
    ck_assert_int_eq(rules_age("2024-06-02", "2024-06-01"), -1);
    ck_assert_int_eq(rules_age("2021-02-29", "2024-06-01"), -1);
    ck_assert_int_eq(rules_age("", "2024-06-01"), -1);
    ck_assert_int_eq(rules_age("1980-01-01", NULL), -1);
}
END_TEST

START_TEST(days_between)
{
    ck_assert_int_eq(rules_days_between("2024-06-01", "2024-06-01"), 0);
    ck_assert_int_eq(rules_days_between("2020-01-01", "2021-01-01"), 366);
    ck_assert_int_eq(rules_days_between("2021-01-01", "2022-01-01"), 365);
    ck_assert_int_eq(rules_days_between("2022-01-01", "2021-01-01"), -365);
    ck_assert_int_eq(rules_days_between("1970-01-01", "2000-01-01"), 10957);
    ck_assert_int_eq(rules_days_between("1900-02-28", "1900-03-01"), 1);
    ck_assert_int_eq(rules_days_between("2000-02-28", "2000-03-01"), 2);
    ck_assert_int_eq(rules_days_between("2021-12-31", "2022-01-01"), 1);
    ck_assert_int_eq(rules_days_between("1921-07-01", "2021-07-01"), 36525);
}
END_TEST

START_TEST(months_between)
{
    ck_assert_int_eq(rules_months_between("2026-01-31", "2026-02-28"), 0);
    ck_assert_int_eq(rules_months_between("2026-01-31", "2026-03-01"), 1);
    ck_assert_int_eq(rules_months_between("2026-01-15", "2026-07-14"), 5);
    ck_assert_int_eq(rules_months_between("2026-01-15", "2026-07-15"), 6);
    ck_assert_int_eq(rules_months_between("2025-12-01", "2026-01-01"), 1);
    ck_assert_int_eq(rules_months_between("2025-06-30", "2026-06-29"), 11);
    ck_assert_int_eq(rules_months_between("2024-02-29", "2025-02-28"), 11);
    ck_assert_int_eq(rules_months_between("2024-06-01", "2024-06-01"), 0);
    ck_assert_int_eq(rules_months_between("2026-07-15", "2026-01-15"), -6);
    ck_assert_int_eq(rules_months_between("2026-03-01", "2026-01-31"), -1);
}
END_TEST

/* ---- code lists ---- */

START_TEST(ethnic)
{
    ck_assert_str_eq(domain_ethnic[0], "汉族");
    ck_assert_str_eq(domain_ethnic[1], "蒙古族");
    ck_assert_str_eq(domain_ethnic[9], "朝鲜族");
    ck_assert_str_eq(domain_ethnic[28], "柯尔克孜族");
    ck_assert_str_eq(domain_ethnic[35], "毛南族");   /* code 36 */
    ck_assert_str_eq(domain_ethnic[42], "乌孜别克族");
    ck_assert_str_eq(domain_ethnic[45], "德昂族");   /* code 46 */
    ck_assert_str_eq(domain_ethnic[55], "基诺族");
    size_t suffix = strlen("族");
    for (int i = 0; i < DOMAIN_ETHNIC_N; i++) {
        const char *e = domain_ethnic[i];
        ck_assert_int_eq(domain_ethnic_index(e), i);
        ck_assert_uint_gt(strlen(e), suffix);
        ck_assert_str_eq(e + strlen(e) - suffix, "族");
    }
    ck_assert_int_eq(domain_ethnic_index("毛难族"), -1);
    ck_assert_int_eq(domain_ethnic_index("崩龙族"), -1);
    ck_assert_int_eq(domain_ethnic_index("汉"), -1);
    ck_assert_int_eq(domain_ethnic_index("汉族 "), -1);
    ck_assert_int_eq(domain_ethnic_index(""), -1);
    ck_assert_int_eq(domain_ethnic_index(NULL), -1);
}
END_TEST

START_TEST(lists)
{
    ck_assert_uint_eq(domain_education_n, 8);
    ck_assert_str_eq(domain_education[0], "");
    ck_assert_str_eq(domain_education[1], "研究生");
    ck_assert_str_eq(domain_education[4], "中等专科");
    ck_assert_str_eq(domain_education[7], "小学及以下");

    ck_assert_uint_eq(domain_org_kind_n, 9);
    ck_assert_str_eq(domain_org_kind[0], "街道党工委");
    ck_assert_str_eq(domain_org_kind[2], "社区党总支");
    ck_assert_str_eq(domain_org_kind[6], "功能型党支部");
    ck_assert_str_eq(domain_org_kind[8], "党员中心户");

    ck_assert_str_eq(domain_gender_label(GENDER_MALE), "男");
    ck_assert_str_eq(domain_gender_label(GENDER_FEMALE), "女");
    ck_assert_str_eq(domain_gender_label(GENDER_UNKNOWN), "未知");
    ck_assert_str_eq(domain_gender_label(GENDER_UNSPECIFIED), "未说明");
    ck_assert_str_eq(domain_gender_label(5), "");

    ck_assert_str_eq(domain_category[0], "");
    ck_assert_str_eq(domain_category[CATEGORY_FULL], "正式党员");
    ck_assert_str_eq(domain_category[CATEGORY_PROBATION], "预备党员");
    ck_assert_str_eq(domain_kind[KIND_COMMUNITY], "社区");
    ck_assert_str_eq(domain_kind[KIND_EMPLOYED], "在职");
    ck_assert_str_eq(domain_kind[KIND_MOBILE], "流动");
    ck_assert_str_eq(domain_kind[KIND_LAIDOFF], "下岗失业");
    ck_assert_str_eq(domain_party_status[PARTY_STATUS_NORMAL], "正常");
    ck_assert_str_eq(domain_party_status[PARTY_STATUS_SUSPENDED], "停止党籍");
    ck_assert_str_eq(domain_left[LEFT_NONE], "");
    ck_assert_str_eq(domain_left[LEFT_EXPELLED], "出党");
    ck_assert_str_eq(domain_left[LEFT_TRANSFERRED], "转出");
    ck_assert_str_eq(domain_left[LEFT_DECEASED], "去世");
}
END_TEST

START_TEST(test_day_numbers)
{
    char out[11];
    ck_assert_int_eq(rules_day_from_civil(1970, 1, 1), 0);
    ck_assert_int_eq(rules_day_from_civil(2000, 3, 1) -
                     rules_day_from_civil(2000, 2, 28), 2);
    ck_assert_int_eq(rules_day_from_civil(1900, 3, 1) -
                     rules_day_from_civil(1900, 2, 28), 1);
    rules_day_format(rules_day_from_civil(2024, 2, 29), out);
    ck_assert_str_eq(out, "2024-02-29");
    rules_day_format(-1, out);
    ck_assert_str_eq(out, "1969-12-31");
    for (long z = -800000; z < 800000; z += 997) {
        int y, m, d;
        rules_civil_from_day(z, &y, &m, &d);
        ck_assert_int_eq(rules_day_from_civil(y, m, d), z);
    }
}
END_TEST

/* Both argument orders must agree: overlap is symmetric. */
static bool overlap(const char *s1, const char *e1, const char *s2,
                    const char *e2, bool touching_ok)
{
    bool a = rules_terms_overlap(s1, e1, s2, e2, touching_ok);
    ck_assert_int_eq(a, rules_terms_overlap(s2, e2, s1, e1, touching_ok));
    return a;
}

START_TEST(terms_overlap)
{
    for (int t = 0; t < 2; t++) {
        bool tok = t;
        /* apart */
        ck_assert(!overlap("2020-01-01", "2020-12-31",
                           "2021-01-01", "2021-12-31", tok));
        /* crossing */
        ck_assert(overlap("2020-01-01", "2021-06-30",
                          "2021-01-01", "2021-12-31", tok));
        /* containment, identical, one-day terms */
        ck_assert(overlap("2020-01-01", "2023-12-31",
                          "2021-03-01", "2021-04-01", tok));
        ck_assert(overlap("2021-03-01", "2021-04-01",
                          "2021-03-01", "2021-04-01", tok));
        ck_assert(overlap("2021-03-01", "", "2021-03-01", "", tok));
        ck_assert(overlap("", "2021-04-01", "", "2021-04-01", tok));
        ck_assert(overlap("", "", "", "", tok));
        ck_assert(overlap("2021-03-05", "2021-03-05",
                          "2021-03-01", "2021-03-31", tok));
        /* open start: since ever; open end: still in office */
        ck_assert(overlap("", "2021-06-30", "2021-01-01", "2021-12-31", tok));
        ck_assert(!overlap("", "2020-06-30",
                           "2021-01-01", "2021-12-31", tok));
        ck_assert(overlap("2021-01-01", "", "2024-01-01", "2024-12-31", tok));
        ck_assert(!overlap("2025-01-01", "",
                           "2024-01-01", "2024-12-31", tok));
        ck_assert(overlap("", "", "2024-01-01", "2024-12-31", tok));
        ck_assert(overlap("2010-01-01", "", "", "2024-12-31", tok));
        ck_assert(!overlap("2025-01-01", "", "", "2024-12-31", tok));
        ck_assert(overlap(NULL, NULL, "2024-01-01", "2024-12-31", tok));
        /* the day before: never shared */
        ck_assert(!overlap("2021-01-01", "2023-12-31",
                           "2024-01-01", "", tok));
    }
    /* handing over on the day the previous term ended */
    ck_assert(!overlap("2021-01-01", "2023-12-31", "2023-12-31", "", true));
    ck_assert(overlap("2021-01-01", "2023-12-31", "2023-12-31", "", false));
    ck_assert(!overlap("", "2023-12-31", "2023-12-31", "2024-06-30", true));
    ck_assert(overlap("", "2023-12-31", "2023-12-31", "2024-06-30", false));
    /* a one-day term touching at both ends of its neighbours */
    ck_assert(!overlap("2024-03-01", "2024-03-01",
                       "2024-01-01", "2024-03-01", true));
    ck_assert(overlap("2024-03-01", "2024-03-01",
                      "2024-01-01", "2024-03-01", false));
    ck_assert(overlap("2024-03-01", "2024-03-02",
                      "2024-01-01", "2024-03-02", true));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("rules");
    TCase *id = tcase_create("idnum");
    tcase_add_test(id, idnum_checkchar);
    tcase_add_test(id, idnum_valid);
    tcase_add_test(id, idnum_dates);
    tcase_add_test(id, idnum_errors);
    tcase_add_test(id, idnum_fifteen);
    tcase_add_test(id, idnum_messages);
    tcase_add_test(id, mask);
    suite_add_tcase(s, id);
    TCase *ph = tcase_create("phone");
    tcase_add_test(ph, phones);
    tcase_add_test(ph, digits);
    suite_add_tcase(s, ph);
    TCase *dt = tcase_create("dates");
    tcase_add_test(dt, date_strict);
    tcase_add_test(dt, date_lenient);
    tcase_add_test(dt, today);
    tcase_add_test(dt, age);
    tcase_add_test(dt, days_between);
    tcase_add_test(dt, months_between);
    tcase_add_test(dt, terms_overlap);
    suite_add_tcase(s, dt);
    TCase *dm = tcase_create("domain");
    tcase_add_test(dm, ethnic);
    tcase_add_test(dm, lists);
    tcase_add_test(dm, test_day_numbers);
    suite_add_tcase(s, dm);
    return s;
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
