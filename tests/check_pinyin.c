/* Unit tests for src/pinyin.c and its generated table. */
#include <check.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "pinyin.h"
#include "text.h"

static char buf[512];

static const char *initials(const char *s)
{
    pinyin_initials(s, buf, sizeof buf);
    return buf;
}

/* Rotating buffers, so that two keys can be compared in one call. */
static const char *sort_key(const char *s)
{
    static char k[4][512];
    static int i;

    i = (i + 1) % 4;
    pinyin_sort_key(s, k[i], sizeof k[i]);
    return k[i];
}

static const char *stroke_key(const char *s)
{
    static char k[4][512];
    static int i;

    i = (i + 1) % 4;
    pinyin_stroke_key(s, k[i], sizeof k[i]);
    return k[i];
}

static uint32_t cp(const char *s)
{
    uint32_t c;

    text_decode(s, strlen(s), &c);
    return c;
}

/* True if the space-separated list has the word w. */
static bool has_word(const char *list, const char *w)
{
    size_t n = strlen(w);
    const char *p = list;

    while ((p = strstr(p, w)) != NULL) {
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
        p++;
    }
    return false;
}

START_TEST(test_readings)
{
    ck_assert_int_eq(pinyin_count(cp("张")), 1);
    ck_assert_str_eq(pinyin_reading(cp("张"), 0), "zhang");
    ck_assert_int_eq(pinyin_count(cp("曾")), 2);
    ck_assert_str_eq(pinyin_reading(cp("曾"), 0), "ceng");
    ck_assert_str_eq(pinyin_reading(cp("曾"), 1), "zeng");
    ck_assert_int_eq(pinyin_count(cp("单")), 3);
    ck_assert_str_eq(pinyin_reading(cp("单"), 0), "dan");
    ck_assert_str_eq(pinyin_reading(cp("单"), 1), "chan");
    ck_assert_str_eq(pinyin_reading(cp("单"), 2), "shan");
    ck_assert_int_eq(pinyin_count(cp("区")), 2);
    ck_assert_str_eq(pinyin_reading(cp("区"), 0), "qu");
    ck_assert_str_eq(pinyin_reading(cp("区"), 1), "ou");
    ck_assert_str_eq(pinyin_reading(cp("女"), 0), "nv");
    ck_assert_str_eq(pinyin_reading(cp("绿"), 0), "lv");
    ck_assert_str_eq(pinyin_reading(cp("䶮"), 0), "yan"); /* Ext. A */
    ck_assert_ptr_null(pinyin_reading(cp("曾"), 2));
    ck_assert_ptr_null(pinyin_reading(cp("曾"), -1));
    ck_assert_ptr_null(pinyin_reading('a', 0));
    ck_assert_int_eq(pinyin_count('a'), 0);
    ck_assert_int_eq(pinyin_count(0), 0);
    ck_assert_int_eq(pinyin_count(0x10FFFF), 0);
    ck_assert_int_eq(pinyin_count(0xFFFFFFFF), 0);
    /* 𠮷 (U+20BB7) has strokes in Unihan but no reading */
    ck_assert_int_eq(pinyin_count(0x20BB7), 0);
    ck_assert_ptr_null(pinyin_reading(0x20BB7, 0));
}
END_TEST

START_TEST(test_readings_ascii_only)
{
    /* every reading of the whole BMP CJK block is plain lowercase ASCII */
    uint32_t c;
    int i, n, with = 0;

    for (c = 0x4E00; c <= 0x9FFF; c++) {
        n = pinyin_count(c);
        with += n > 0;
        for (i = 0; i < n; i++) {
            const char *r = pinyin_reading(c, i);
            ck_assert_ptr_nonnull(r);
            ck_assert_uint_ge(strlen(r), 1);
            ck_assert_uint_eq(strspn(r, "abcdefghijklmnopqrstuvwxyz"),
                              strlen(r));
        }
    }
    ck_assert_int_gt(with, 20000);
}
END_TEST

START_TEST(test_strokes)
{
    ck_assert_int_eq(pinyin_strokes(cp("丁")), 2);
    ck_assert_int_eq(pinyin_strokes(cp("王")), 4);
    ck_assert_int_eq(pinyin_strokes(cp("张")), 7);
    ck_assert_int_eq(pinyin_strokes(cp("曾")), 12);
    ck_assert_int_eq(pinyin_strokes(cp("一")), 1);
    ck_assert_int_eq(pinyin_strokes(0x20BB7), 6);
    ck_assert_int_eq(pinyin_strokes('a'), 0);
    ck_assert_int_eq(pinyin_strokes(0x10FFFF), 0);
}
END_TEST

START_TEST(test_initials)
{
    ck_assert_str_eq(initials("张小军"), "zxj");
    ck_assert_str_eq(initials("曾小军"), "cxj zxj");
    ck_assert_str_eq(initials("单"), "d c s");
    ck_assert_str_eq(initials("区"), "q o");
    ck_assert_str_eq(initials(""), "");
    ck_assert_str_eq(initials("Li Ming"), "liming");
    ck_assert_str_eq(initials("张A3"), "za3");
    ck_assert_str_eq(initials("王·小明"), initials("王小明"));
    ck_assert_str_eq(initials("𠮷"), "");
    ck_assert_str_eq(initials("𠮷张"), "z");
    ck_assert_str_eq(initials("\xff张\x01"), "z");
    ck_assert_str_eq(initials("，。！"), "");
}
END_TEST

START_TEST(test_initials_cap)
{
    size_t n;
    int words = 1;
    const char *p;

    /* 5 x 单: 3^5 readings, capped at 16, primary first, then one
     * deviation at a time */
    n = pinyin_initials("单单单单单", buf, sizeof buf);
    ck_assert_uint_eq(n, strlen(buf));
    for (p = buf; *p; p++)
        words += *p == ' ';
    ck_assert_int_eq(words, 16);
    ck_assert(strncmp(buf, "ddddd ", 6) == 0);
    ck_assert(has_word(buf, "sdddd"));
    ck_assert(has_word(buf, "cdddd"));
    ck_assert(has_word(buf, "dddds"));
    ck_assert(!has_word(buf, "sssss"));
    /* the matcher is not capped */
    ck_assert(pinyin_match_initials("单单单单单", "sssss"));
    ck_assert(pinyin_match_initials("单单单单单", "scdsc"));
    ck_assert(!pinyin_match_initials("单单单单单", "sssssd"));
}
END_TEST

START_TEST(test_long_name)
{
    /* more tokens than the stack buffer; every one ambiguous */
    size_t n = 3000, i;
    char *name = malloc(n * 3 + 1), *q = malloc(n + 1), *key = malloc(n * 20);

    ck_assert_ptr_nonnull(name);
    ck_assert_ptr_nonnull(q);
    ck_assert_ptr_nonnull(key);
    for (i = 0; i < n; i++) {
        memcpy(name + 3 * i, "单", 3);
        q[i] = i % 2 ? 's' : 'c';
    }
    name[3 * n] = '\0';
    q[n] = '\0';
    ck_assert_uint_eq(pinyin_initials(name, key, n * 20), 16 * (n + 1) - 1);
    ck_assert_int_eq(key[n], ' ');
    ck_assert_int_eq(key[n - 1], 'd');
    ck_assert_int_eq(key[2 * n], 'c'); /* 2nd variant: last char deviates */
    ck_assert(pinyin_match_initials(name, q));
    q[n - 1] = 'x';
    ck_assert(!pinyin_match_initials(name, q));
    ck_assert_uint_eq(pinyin_sort_key(name, key, n * 20), 5 + 4 * (n - 1));
    free(name);
    free(q);
    free(key);
}
END_TEST

START_TEST(test_initials_cut)
{
    char small[8];

    ck_assert_uint_eq(pinyin_initials("曾小军", small, 5), 3);
    ck_assert_str_eq(small, "cxj");
    ck_assert_uint_eq(pinyin_initials("曾小军", small, 8), 7);
    ck_assert_str_eq(small, "cxj zxj");
    ck_assert_uint_eq(pinyin_initials("曾小军", small, 3), 2);
    ck_assert_str_eq(small, "cx");
    ck_assert_uint_eq(pinyin_initials("曾小军", small, 0), 0);
}
END_TEST

START_TEST(test_match)
{
    ck_assert(pinyin_match_initials("张小军", "zxj"));
    ck_assert(pinyin_match_initials("张小军", "xj"));
    ck_assert(pinyin_match_initials("张小军", "z"));
    ck_assert(pinyin_match_initials("张小军", "ZXJ"));
    ck_assert(pinyin_match_initials("张小军", ""));
    ck_assert(!pinyin_match_initials("张小军", "zxk"));
    ck_assert(!pinyin_match_initials("张小军", "zj"));
    ck_assert(!pinyin_match_initials("张小军", "zxjz"));
    ck_assert(!pinyin_match_initials("张小军", "z j"));
    ck_assert(!pinyin_match_initials("张小军", "张"));
    ck_assert(pinyin_match_initials("曾小军", "cxj"));
    ck_assert(pinyin_match_initials("曾小军", "zxj"));
    ck_assert(pinyin_match_initials("单", "d"));
    ck_assert(pinyin_match_initials("单", "c"));
    ck_assert(pinyin_match_initials("单", "s"));
    ck_assert(!pinyin_match_initials("单", "x"));
    ck_assert(pinyin_match_initials("区", "q"));
    ck_assert(pinyin_match_initials("区", "o"));
    ck_assert(pinyin_match_initials("单区", "so"));
    ck_assert(pinyin_match_initials("Li明", "lim"));
    ck_assert(pinyin_match_initials("第3支部", "3z"));
    ck_assert(!pinyin_match_initials("𠮷", "j"));
    ck_assert(!pinyin_match_initials("", "a"));
}
END_TEST

START_TEST(test_match_agrees_with_initials)
{
    /* every listed variant (and its substrings) matches */
    static const char *names[] = {"曾小军", "单区仇", "朴查盖", "丁王张"};
    char list[512], word[64];
    size_t i, a, b;
    const char *p;

    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        pinyin_initials(names[i], list, sizeof list);
        for (p = list; *p;) {
            size_t n = strcspn(p, " ");
            for (a = 0; a < n; a++)
                for (b = a + 1; b <= n; b++) {
                    memcpy(word, p + a, b - a);
                    word[b - a] = '\0';
                    ck_assert_msg(pinyin_match_initials(names[i], word),
                                  "%s %s", names[i], word);
                }
            p += n + (p[n] == ' ');
        }
    }
}
END_TEST

START_TEST(test_sort_key)
{
    ck_assert_str_eq(sort_key("张小军"), "zhang xiao jun ");
    ck_assert_str_eq(sort_key("安"), "an ");
    ck_assert(strcmp(sort_key("安"), sort_key("白")) < 0);
    {
        char a[64], b[64], z[64];
        pinyin_sort_key("安", a, sizeof a);
        pinyin_sort_key("白", b, sizeof b);
        pinyin_sort_key("张", z, sizeof z);
        ck_assert(strcmp(a, b) < 0);
        ck_assert(strcmp(b, z) < 0);
        pinyin_sort_key("昂", b, sizeof b);
        ck_assert(strcmp(a, b) < 0); /* an < ang */
        pinyin_sort_key("张三", b, sizeof b);
        ck_assert(strcmp(z, b) < 0); /* prefix first */
    }
    ck_assert(strncmp(sort_key("曾小军"), "zeng", 4) == 0);
    ck_assert_str_eq(sort_key("曾"), "zeng ");
    ck_assert_str_eq(sort_key("单小明"), "shan xiao ming ");
    ck_assert_str_eq(sort_key("区"), "ou ");
    /* surname rule only for the first character */
    ck_assert_str_eq(sort_key("王曾"), "wang ceng ");
    ck_assert_str_eq(sort_key("Zhang San"), "zhang san");
    ck_assert_str_eq(sort_key("李A"), "li a");
    ck_assert_str_eq(sort_key("𠮷"), "𠮷");
    ck_assert_str_eq(sort_key("\xff张"), "\xef\xbf\xbdzhang ");
    ck_assert_str_eq(sort_key(""), "");
}
END_TEST

START_TEST(test_surnames_are_readings)
{
    /* each surname reading is one of the character's own readings */
    static const char *chars[] = {"曾", "单", "区", "仇", "解", "朴", "查",
                                  "盖", "覃", "缪", "种", "繁", "朝", "翟",
                                  "秘", "薄", "召"};
    size_t i;
    int j, n;

    for (i = 0; i < sizeof chars / sizeof chars[0]; i++) {
        char key[32];
        uint32_t c = cp(chars[i]);
        bool found = false;

        pinyin_sort_key(chars[i], key, sizeof key);
        key[strlen(key) - 1] = '\0';
        n = pinyin_count(c);
        for (j = 0; j < n; j++)
            found = found || strcmp(pinyin_reading(c, j), key) == 0;
        ck_assert_msg(found, "%s %s", chars[i], key);
    }
    ck_assert_str_eq(sort_key("朴"), "piao ");
    ck_assert_str_eq(sort_key("解"), "xie ");
    ck_assert_str_eq(sort_key("仇"), "qiu ");
    ck_assert_str_eq(sort_key("繁"), "po ");
}
END_TEST

START_TEST(test_stroke_key)
{
    char d[64], w[64], z[64], z3[64];

    pinyin_stroke_key("丁", d, sizeof d);
    pinyin_stroke_key("王", w, sizeof w);
    pinyin_stroke_key("张", z, sizeof z);
    pinyin_stroke_key("张三", z3, sizeof z3);
    ck_assert_str_eq(d, "02ding ");
    ck_assert_str_eq(z3, "07zhang 03san ");
    ck_assert(strcmp(d, w) < 0);
    ck_assert(strcmp(w, z) < 0);
    ck_assert(strcmp(z, z3) < 0);
    /* 王 and 毛 both have 4 strokes: a surname's members stay together,
     * 毛 (mao) before 王 (wang) whatever the given names */
    ck_assert(strcmp(stroke_key("毛十二画"), stroke_key("王一")) < 0);
    ck_assert(strcmp(stroke_key("王一"), stroke_key("王二")) < 0);
    /* more strokes in the surname sort later, whatever follows */
    ck_assert(strcmp(stroke_key("王龘"), stroke_key("张一")) < 0);
    ck_assert(strncmp(stroke_key("曾"), "12zeng ", 7) == 0);
    ck_assert_str_eq(stroke_key("𠮷"), "06𠮷 ");
    ck_assert_str_eq(stroke_key("Li"), "00l 00i ");
    ck_assert(strcmp(stroke_key("Li"), stroke_key("丁")) < 0);
}
END_TEST

START_TEST(test_key_cut)
{
    char k[16];

    /* only whole pieces: "zhang " fits in 8 bytes, "xiao " does not */
    ck_assert_uint_eq(pinyin_sort_key("张小军", k, 8), 6);
    ck_assert_str_eq(k, "zhang ");
    ck_assert_uint_eq(pinyin_sort_key("𠮷𠮷", k, 8), 4);
    ck_assert_str_eq(k, "𠮷");
    ck_assert_uint_eq(pinyin_stroke_key("张小军", k, 16), 15);
    ck_assert_str_eq(k, "07zhang 03xiao ");
    ck_assert_uint_eq(pinyin_sort_key("张", k, 0), 0);
}
END_TEST

static Suite *pinyin_suite(void)
{
    Suite *s = suite_create("pinyin");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_readings);
    tcase_add_test(tc, test_readings_ascii_only);
    tcase_add_test(tc, test_strokes);
    tcase_add_test(tc, test_initials);
    tcase_add_test(tc, test_initials_cap);
    tcase_add_test(tc, test_initials_cut);
    tcase_add_test(tc, test_long_name);
    tcase_add_test(tc, test_match);
    tcase_add_test(tc, test_match_agrees_with_initials);
    tcase_add_test(tc, test_sort_key);
    tcase_add_test(tc, test_surnames_are_readings);
    tcase_add_test(tc, test_stroke_key);
    tcase_add_test(tc, test_key_cut);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(pinyin_suite());
    int failed;

    setlocale(LC_ALL, "C.UTF-8");
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
