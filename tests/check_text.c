/* Unit tests for src/text.c: widths, decoding, fitting to a column
 * budget, grapheme steps. */
#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Every test starts with the default (narrow) ambiguous width. */
static void setup(void)
{
    text_set_ambiguous_width(1);
}

static const char *fit(int cols, const char *s, enum text_align a, int *ret)
{
    static char buf[256];
    int r = text_fit(buf, sizeof buf, s, cols, a);

    if (ret)
        *ret = r;
    /* the result must take exactly cols columns */
    ck_assert_int_eq(text_width(buf), cols > 0 ? cols : 0);
    return buf;
}

START_TEST(test_char_width)
{
    ck_assert_int_eq(text_char_width('a'), 1);
    ck_assert_int_eq(text_char_width(0x5F20), 2);   /* 张 */
    ck_assert_int_eq(text_char_width(0x20BB7), 2);  /* 𠮷, not in the BMP */
    ck_assert_int_eq(text_char_width(0xFF0C), 2);   /* ， */
    ck_assert_int_eq(text_char_width(0x3002), 2);   /* 。 */
    ck_assert_int_eq(text_char_width(0xFF08), 2);   /* （ */
    ck_assert_int_eq(text_char_width(0xFF09), 2);   /* ） */
    ck_assert_int_eq(text_char_width(0x0301), 0);   /* combining acute */
    ck_assert_int_eq(text_char_width(0x200D), 0);   /* zero width joiner */
    ck_assert_int_eq(text_char_width(0x01), 1);     /* drawn as '?' */
    ck_assert_int_eq(text_char_width(0x7F), 1);
    ck_assert_int_eq(text_char_width(0x85), 1);
    ck_assert_int_eq(text_char_width(0xFFFD), 1);
    ck_assert_int_eq(text_char_width(0xD800), 1);
}
END_TEST

START_TEST(test_ambiguous)
{
    static const uint32_t amb[] = {0x201C, 0x201D, 0x00B7, 0x2014, 0x2026};
    size_t i;

    ck_assert_int_eq(text_ambiguous_width(), 1);
    for (i = 0; i < 5; i++)
        ck_assert_int_eq(text_char_width(amb[i]), 1);
    ck_assert_int_eq(text_width("“你好”·—…"), 9);
    text_set_ambiguous_width(2);
    ck_assert_int_eq(text_ambiguous_width(), 2);
    for (i = 0; i < 5; i++)
        ck_assert_int_eq(text_char_width(amb[i]), 2);
    ck_assert_int_eq(text_width("“你好”·—…"), 14);
    /* ambiguous but zero-width or not drawn raw: unaffected */
    ck_assert_int_eq(text_char_width(0x0301), 0);
    ck_assert_int_eq(text_char_width(0xFFFD), 1);
    ck_assert_int_eq(text_char_width('a'), 1);
    ck_assert_int_eq(text_char_width(0x5F20), 2);
    /* the cut never splits a now-wide quote */
    ck_assert_str_eq(fit(6, "“你好”", TEXT_LEFT, NULL), "“你 ~");
    ck_assert_str_eq(fit(8, "“你好”", TEXT_LEFT, NULL), "“你好”");
    text_set_ambiguous_width(7); /* nonsense falls back to narrow */
    ck_assert_int_eq(text_ambiguous_width(), 1);
    ck_assert_str_eq(fit(6, "“你好”", TEXT_LEFT, NULL), "“你好”");
}
END_TEST

START_TEST(test_safe_char)
{
    static const uint32_t bad[] = {0x00, 0x09, 0x0A, 0x1B, 0x7F, 0x80, 0x9F,
                                   0xD800, 0xDFFF, 0xFDD0, 0xFDEF, 0xFFFE,
                                   0xFFFF, 0x1FFFE, 0x10FFFF, 0x110000,
                                   0xFFFD, 0x202E, 0x2066, 0x2028};
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_uint_eq(text_safe_char(bad[i]), '?');
    ck_assert_uint_eq(text_safe_char('a'), 'a');
    ck_assert_uint_eq(text_safe_char(0x5F20), 0x5F20);
    ck_assert_uint_eq(text_safe_char(0x20BB7), 0x20BB7);
    ck_assert_uint_eq(text_safe_char(0x0301), 0x0301);
    ck_assert_uint_eq(text_safe_char(0xA0), 0xA0);
}
END_TEST

START_TEST(test_decode)
{
    uint32_t c;

    ck_assert_uint_eq(text_decode("", 0, &c), 0);
    ck_assert_uint_eq(text_decode("a", 1, &c), 1);
    ck_assert_uint_eq(c, 'a');
    ck_assert_uint_eq(text_decode("\xc3\xa9", 2, &c), 2);
    ck_assert_uint_eq(c, 0xE9);
    ck_assert_uint_eq(text_decode("张", 3, &c), 3);
    ck_assert_uint_eq(c, 0x5F20);
    ck_assert_uint_eq(text_decode("𠮷", 4, &c), 4);
    ck_assert_uint_eq(c, 0x20BB7);
    /* invalid: each consumes exactly one byte */
    ck_assert_uint_eq(text_decode("\x80", 1, &c), 1);
    ck_assert_uint_eq(c, 0xFFFD);
    ck_assert_uint_eq(text_decode("\xc0\x80", 2, &c), 1);       /* overlong */
    ck_assert_uint_eq(c, 0xFFFD);
    ck_assert_uint_eq(text_decode("\xe0\x80\x80", 3, &c), 1);   /* overlong */
    ck_assert_uint_eq(text_decode("\xed\xa0\x80", 3, &c), 1);   /* surrogate */
    ck_assert_uint_eq(c, 0xFFFD);
    ck_assert_uint_eq(text_decode("\xf4\x90\x80\x80", 4, &c), 1); /* >10FFFF */
    ck_assert_uint_eq(text_decode("\xf5\x80\x80\x80", 4, &c), 1);
    ck_assert_uint_eq(text_decode("\xe5\xbc", 2, &c), 1);       /* truncated */
    ck_assert_uint_eq(text_decode("张", 2, &c), 1);             /* n too short */
    ck_assert_uint_eq(c, 0xFFFD);
    ck_assert_uint_eq(text_decode("\xe5" "a", 2, &c), 1);
    ck_assert_uint_eq(c, 0xFFFD);
}
END_TEST

START_TEST(test_encode)
{
    char b[4];

    ck_assert_uint_eq(text_encode('a', b), 1);
    ck_assert_int_eq(b[0], 'a');
    ck_assert_uint_eq(text_encode(0xE9, b), 2);
    ck_assert_int_eq(memcmp(b, "\xc3\xa9", 2), 0);
    ck_assert_uint_eq(text_encode(0x5F20, b), 3);
    ck_assert_int_eq(memcmp(b, "张", 3), 0);
    ck_assert_uint_eq(text_encode(0x20BB7, b), 4);
    ck_assert_int_eq(memcmp(b, "𠮷", 4), 0);
    ck_assert_uint_eq(text_encode(0xD800, b), 3);
    ck_assert_int_eq(memcmp(b, "\xef\xbf\xbd", 3), 0);
    ck_assert_uint_eq(text_encode(0x110000, b), 3);
}
END_TEST

START_TEST(test_width)
{
    ck_assert_int_eq(text_width(""), 0);
    ck_assert_int_eq(text_width("abc"), 3);
    ck_assert_int_eq(text_width("张小军"), 6);
    ck_assert_int_eq(text_width("ab张三c"), 7);
    ck_assert_int_eq(text_width("𠮷"), 2);
    ck_assert_int_eq(text_width("，。（）"), 8);
    ck_assert_int_eq(text_width("e\xcc\x81"), 1);
    ck_assert_int_eq(text_width("a\tb\x1b"), 4);
    ck_assert_int_eq(text_width("\xff\xfe"), 2);
    ck_assert_int_eq(text_width("\xe5\xbc"), 2); /* truncated: 2 bad bytes */
    ck_assert_int_eq(text_width_n("张小军", 6), 4);
    ck_assert_int_eq(text_width_n("张小军", 4), 3); /* 张 + one bad byte */
    ck_assert_int_eq(text_width_n("ab", 0), 0);
    ck_assert_uint_eq(text_chars("张a\xff𠮷e\xcc\x81"), 6);
    ck_assert_uint_eq(text_chars(""), 0);
}
END_TEST

START_TEST(test_fit_examples)
{
    int r;

    ck_assert_str_eq(fit(5, "张小军同志", TEXT_LEFT, &r), "张小~");
    ck_assert_int_eq(r, 5);
    ck_assert_str_eq(fit(6, "张小军同志", TEXT_LEFT, &r), "张小 ~");
    ck_assert_int_eq(r, 6);
    ck_assert_str_eq(fit(10, "张小军同志", TEXT_LEFT, &r), "张小军同志");
    ck_assert_int_eq(r, 10);
    ck_assert_str_eq(fit(12, "张小军同志", TEXT_LEFT, &r), "张小军同志  ");
    ck_assert_int_eq(r, 10);
    ck_assert_str_eq(fit(9, "张小军同志", TEXT_LEFT, &r), "张小军同~");
}
END_TEST

START_TEST(test_fit_odd_budgets)
{
    int r;

    ck_assert_str_eq(fit(1, "张小军", TEXT_LEFT, &r), "~");
    ck_assert_int_eq(r, 1);
    ck_assert_str_eq(fit(2, "张小军", TEXT_LEFT, &r), " ~");
    ck_assert_str_eq(fit(3, "张小军", TEXT_LEFT, &r), "张~");
    ck_assert_int_eq(r, 3);
    ck_assert_str_eq(fit(4, "张小军", TEXT_LEFT, NULL), "张 ~");
    ck_assert_str_eq(fit(5, "张小军", TEXT_LEFT, NULL), "张小~");
    ck_assert_str_eq(fit(6, "张小军", TEXT_LEFT, NULL), "张小军");
    ck_assert_str_eq(fit(3, "𠮷𠮷", TEXT_LEFT, NULL), "𠮷~");
    ck_assert_str_eq(fit(4, "𠮷𠮷", TEXT_LEFT, NULL), "𠮷𠮷");
    ck_assert_str_eq(fit(5, "，。（）", TEXT_LEFT, NULL), "，。~");
    ck_assert_str_eq(fit(6, "，。（）", TEXT_LEFT, NULL), "，。 ~");
}
END_TEST

START_TEST(test_fit_zero_one)
{
    char buf[16];
    int r;

    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(text_fit(buf, sizeof buf, "张小军", 0, TEXT_LEFT), 0);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq(text_fit(buf, sizeof buf, "abc", -3, TEXT_LEFT), 0);
    ck_assert_str_eq(buf, "");
    ck_assert_str_eq(fit(1, "a", TEXT_LEFT, &r), "a");
    ck_assert_int_eq(r, 1);
    ck_assert_str_eq(fit(1, "ab", TEXT_LEFT, &r), "~");
    ck_assert_str_eq(fit(1, "张", TEXT_LEFT, &r), "~");
    ck_assert_str_eq(fit(1, "", TEXT_LEFT, &r), " ");
    ck_assert_int_eq(r, 0);
    ck_assert_str_eq(fit(3, "", TEXT_CENTER, &r), "   ");
}
END_TEST

START_TEST(test_fit_mixed)
{
    ck_assert_str_eq(fit(4, "ab张三", TEXT_LEFT, NULL), "ab ~");
    ck_assert_str_eq(fit(5, "ab张三", TEXT_LEFT, NULL), "ab张~");
    ck_assert_str_eq(fit(6, "ab张三", TEXT_LEFT, NULL), "ab张三");
    ck_assert_str_eq(fit(5, "张a三bc", TEXT_LEFT, NULL), "张a ~");
    ck_assert_str_eq(fit(6, "张a三bc", TEXT_LEFT, NULL), "张a三~");
    ck_assert_str_eq(fit(8, "第1支部，", TEXT_LEFT, NULL), "第1支部~");
    ck_assert_str_eq(fit(7, "第1支部，", TEXT_LEFT, NULL), "第1支 ~");
}
END_TEST

START_TEST(test_fit_align)
{
    int r;

    ck_assert_str_eq(fit(5, "张", TEXT_RIGHT, &r), "   张");
    ck_assert_int_eq(r, 2);
    ck_assert_str_eq(fit(5, "张", TEXT_CENTER, &r), " 张  ");
    ck_assert_int_eq(r, 2);
    ck_assert_str_eq(fit(6, "张", TEXT_CENTER, NULL), "  张  ");
    ck_assert_str_eq(fit(5, "张", TEXT_LEFT, NULL), "张   ");
    ck_assert_str_eq(fit(6, "12", TEXT_RIGHT, NULL), "    12");
    /* cut text ignores alignment: it fills the budget */
    ck_assert_str_eq(fit(4, "张小军", TEXT_RIGHT, &r), "张 ~");
    ck_assert_int_eq(r, 4);
    ck_assert_str_eq(fit(4, "张小军", TEXT_CENTER, NULL), "张 ~");
}
END_TEST

START_TEST(test_fit_combining)
{
    ck_assert_str_eq(fit(2, "e\xcc\x81xyz", TEXT_LEFT, NULL), "e\xcc\x81~");
    ck_assert_str_eq(fit(3, "e\xcc\x81xyz", TEXT_LEFT, NULL), "e\xcc\x81x~");
    ck_assert_str_eq(fit(3, "e\xcc\x81" "e\xcc\x81", TEXT_RIGHT, NULL),
                     " e\xcc\x81" "e\xcc\x81");
}
END_TEST

START_TEST(test_fit_unsafe)
{
    ck_assert_str_eq(fit(4, "a\x01\xff" "b", TEXT_LEFT, NULL), "a??b");
    ck_assert_str_eq(fit(3, "a\x01\xff" "b", TEXT_LEFT, NULL), "a?~");
    ck_assert_str_eq(fit(5, "\t张\n", TEXT_LEFT, NULL), "?张? ");
    ck_assert_str_eq(fit(3, "\xe5\xbc" "a", TEXT_LEFT, NULL), "??a");
    ck_assert_str_eq(fit(3, "\x1b[31m", TEXT_LEFT, NULL), "?[~");
    ck_assert_str_eq(fit(2, "\xef\xbf\xbd", TEXT_LEFT, NULL), "? ");
}
END_TEST

START_TEST(test_fit_small_buffer)
{
    char buf[8];
    int r;

    /* room for 张小 (6 bytes) but not for the whole padded result */
    r = text_fit(buf, 7, "张小军", 6, TEXT_LEFT);
    ck_assert_str_eq(buf, "张小");
    ck_assert_int_eq(r, 4);
    r = text_fit(buf, 5, "张小军", 6, TEXT_LEFT);
    ck_assert_str_eq(buf, "张");
    r = text_fit(buf, 1, "张小军", 6, TEXT_LEFT);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq(r, 0);
    ck_assert_int_eq(text_fit(NULL, 0, "abc", 3, TEXT_LEFT), 0);
}
END_TEST

START_TEST(test_fit32)
{
    uint32_t out[32];
    int used = -1;
    size_t n;

    n = text_fit32(out, 32, "张小军同志", 6, TEXT_LEFT, &used);
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(used, 6);
    ck_assert_uint_eq(out[0], 0x5F20);
    ck_assert_uint_eq(out[1], 0x5C0F);
    ck_assert_uint_eq(out[2], ' ');
    ck_assert_uint_eq(out[3], '~');
    n = text_fit32(out, 32, "ab", 4, TEXT_RIGHT, &used);
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(used, 4);
    ck_assert_uint_eq(out[0], ' ');
    ck_assert_uint_eq(out[2], 'a');
    n = text_fit32(out, 32, "a\x01\xff" "𠮷", 5, TEXT_LEFT, &used);
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(used, 5);
    ck_assert_uint_eq(out[1], '?');
    ck_assert_uint_eq(out[2], '?');
    ck_assert_uint_eq(out[3], 0x20BB7);
    n = text_fit32(out, 2, "张小军", 6, TEXT_LEFT, &used);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(used, 4);
    n = text_fit32(out, 32, "张", 0, TEXT_LEFT, &used);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(used, 0);
    /* a combining mark is never separated from its base */
    n = text_fit32(out, 1, "e\xcc\x81", 1, TEXT_LEFT, &used);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(used, 0);
}
END_TEST

START_TEST(test_to32_roundtrip)
{
    const char *s = "a张𠮷e\xcc\x81，。";
    size_t len = 0;
    uint32_t *u = text_to32(s, &len);
    char *back;

    ck_assert_ptr_nonnull(u);
    ck_assert_uint_eq(len, 7);
    ck_assert_uint_eq(u[0], 'a');
    ck_assert_uint_eq(u[1], 0x5F20);
    ck_assert_uint_eq(u[2], 0x20BB7);
    ck_assert_uint_eq(u[4], 0x0301);
    back = text_from32(u, len);
    ck_assert_ptr_nonnull(back);
    ck_assert_str_eq(back, s);
    free(back);
    free(u);

    u = text_to32("x\xff", &len);
    ck_assert_uint_eq(len, 2);
    ck_assert_uint_eq(u[1], 0xFFFD);
    back = text_from32(u, len);
    ck_assert_str_eq(back, "x\xef\xbf\xbd");
    free(back);
    free(u);

    u = text_to32("", &len);
    ck_assert_ptr_nonnull(u);
    ck_assert_uint_eq(len, 0);
    back = text_from32(u, 0);
    ck_assert_str_eq(back, "");
    free(back);
    free(u);
}
END_TEST

START_TEST(test_grapheme)
{
    /* e + acute | x | 𠮷 | 张 | a */
    static const uint32_t s[] = {'e', 0x0301, 'x', 0x20BB7, 0x5F20, 'a'};
    size_t len = 6;

    ck_assert_uint_eq(text_next_grapheme(s, len, 0), 2);
    ck_assert_uint_eq(text_next_grapheme(s, len, 2), 3);
    ck_assert_uint_eq(text_next_grapheme(s, len, 3), 4);
    ck_assert_uint_eq(text_next_grapheme(s, len, 4), 5);
    ck_assert_uint_eq(text_next_grapheme(s, len, 5), 6);
    ck_assert_uint_eq(text_next_grapheme(s, len, 6), 6);
    ck_assert_uint_eq(text_next_grapheme(s, len, 99), 6);
    ck_assert_uint_eq(text_prev_grapheme(s, len, 6), 5);
    ck_assert_uint_eq(text_prev_grapheme(s, len, 4), 3);
    ck_assert_uint_eq(text_prev_grapheme(s, len, 3), 2);
    ck_assert_uint_eq(text_prev_grapheme(s, len, 2), 0);
    ck_assert_uint_eq(text_prev_grapheme(s, len, 1), 0);
    ck_assert_uint_eq(text_prev_grapheme(s, len, 0), 0);
    ck_assert_uint_eq(text_prev_grapheme(s, len, 99), 5);
    ck_assert_uint_eq(text_next_grapheme(s, 0, 0), 0);
    ck_assert_int_eq(text_width32(s, 0, 6), 7);
    ck_assert_int_eq(text_width32(s, 0, 2), 1);
    ck_assert_int_eq(text_width32(s, 3, 5), 4);
    ck_assert_int_eq(text_width32(s, 2, 2), 0);
}
END_TEST

START_TEST(test_copy_chars)
{
    char buf[16];

    ck_assert_uint_eq(text_copy_chars(buf, sizeof buf, "张小军", 2), 6);
    ck_assert_str_eq(buf, "张小");
    ck_assert_uint_eq(text_copy_chars(buf, sizeof buf, "张小军", 10), 9);
    ck_assert_str_eq(buf, "张小军");
    ck_assert_uint_eq(text_copy_chars(buf, sizeof buf, "张小军", 0), 0);
    ck_assert_str_eq(buf, "");
    /* buffer limit: cut at a character boundary, never mid-sequence */
    ck_assert_uint_eq(text_copy_chars(buf, 5, "张小军", 3), 3);
    ck_assert_str_eq(buf, "张");
    ck_assert_uint_eq(text_copy_chars(buf, 3, "张小军", 3), 0);
    ck_assert_str_eq(buf, "");
    ck_assert_uint_eq(text_copy_chars(buf, sizeof buf, "a\xff𠮷b", 3), 6);
    ck_assert_str_eq(buf, "a\xff𠮷");
    ck_assert_uint_eq(text_copy_chars(buf, 0, "abc", 3), 0);
}
END_TEST

START_TEST(test_case)
{
    char s[] = "AbC张Z9";

    ck_assert_str_eq(text_ascii_lower(s), "abc张z9");
    ck_assert(text_contains_ci("Zhang San", "san"));
    ck_assert(text_contains_ci("zhang san", "ANG S"));
    ck_assert(text_contains_ci("张小军同志", "小军"));
    ck_assert(text_contains_ci("第1支部ABC", "部abc"));
    ck_assert(text_contains_ci("abc", ""));
    ck_assert(text_contains_ci("", ""));
    ck_assert(!text_contains_ci("", "a"));
    ck_assert(!text_contains_ci("abc", "abcd"));
    ck_assert(!text_contains_ci("张小军", "小张"));
    ck_assert(!text_contains_ci("Zhang", "zhz"));
}
END_TEST

static Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_char_width);
    tcase_add_test(tc, test_ambiguous);
    tcase_add_test(tc, test_safe_char);
    tcase_add_test(tc, test_decode);
    tcase_add_test(tc, test_encode);
    tcase_add_test(tc, test_width);
    tcase_add_test(tc, test_fit_examples);
    tcase_add_test(tc, test_fit_odd_budgets);
    tcase_add_test(tc, test_fit_zero_one);
    tcase_add_test(tc, test_fit_mixed);
    tcase_add_test(tc, test_fit_align);
    tcase_add_test(tc, test_fit_combining);
    tcase_add_test(tc, test_fit_unsafe);
    tcase_add_test(tc, test_fit_small_buffer);
    tcase_add_test(tc, test_fit32);
    tcase_add_test(tc, test_to32_roundtrip);
    tcase_add_test(tc, test_grapheme);
    tcase_add_test(tc, test_copy_chars);
    tcase_add_test(tc, test_case);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(text_suite());
    int failed;

    setlocale(LC_ALL, "C.UTF-8");
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
