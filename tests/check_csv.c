/* The CSV reader and writer (src/io/csv.h): what Excel and WPS write,
 * encodings, line numbers, limits, and a writer round trip. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv.h"

/* Reads every record of text into "a|b|c" lines joined by "\n", each
 * prefixed by its line number and ':'. */
static char *dump(const char *text, size_t len, enum csv_encoding enc,
                  zb_err *err, int *rc_out)
{
    csv_reader *r;
    *rc_out = csv_reader_open_mem(text, len, enc, &r, err);
    if (*rc_out)
        return NULL;
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    struct csv_record rec;
    int rc;
    while ((rc = csv_next(r, &rec, err)) == 1) {
        fprintf(f, "%ld:", rec.line);
        for (int i = 0; i < rec.n; i++) {
            ck_assert_uint_eq(strlen(rec.field[i]), rec.len[i]);
            fprintf(f, "%s%s", i ? "|" : "", rec.field[i]);
        }
        fputc('\n', f);
    }
    fclose(f);
    *rc_out = rc;
    csv_reader_free(r);
    return out;
}

static void expect(const char *text, size_t len, enum csv_encoding enc,
                   const char *want)
{
    zb_err err = {""};
    int rc;
    char *got = dump(text, len, enc, &err, &rc);
    ck_assert_msg(rc == 0, "error: %s", err.msg);
    ck_assert_str_eq(got, want);
    free(got);
}

static void expect_error(const char *text, size_t len, const char *msg_part)
{
    zb_err err = {""};
    int rc;
    char *got = dump(text, len, CSV_ENC_AUTO, &err, &rc);
    free(got);
    ck_assert_int_eq(rc, -1);
    ck_assert_msg(strstr(err.msg, msg_part) != NULL, "message: %s (want %s)",
                  err.msg, msg_part);
}

#define EXPECT(lit, want) expect(lit, sizeof lit - 1, CSV_ENC_AUTO, want)

START_TEST(utf8_bom_crlf_quotes)
{
    EXPECT("\xEF\xBB\xBF姓名,备注\r\n"
           "张三,\"住在\"\"东城\"\"，3号楼, 2单元\"\r\n"
           "李四,\"第一行\r\n第二行\n第三行\"\r\n"
           "王五,\r\n",
           "1:姓名|备注\n"
           "2:张三|住在\"东城\"，3号楼, 2单元\n"
           "3:李四|第一行\n第二行\n第三行\n"
           "6:王五|\n");
    /* no BOM, LF, last line without a newline */
    EXPECT("a,b\nc,d", "1:a|b\n2:c|d\n");
    /* CR only (old Mac Excel) */
    EXPECT("a,b\rc,\"x\ry\"\re,f\r", "1:a|b\n2:c|x\ny\n4:e|f\n");
}
END_TEST

START_TEST(blank_lines_and_lenient_quotes)
{
    /* blank lines and all-empty records are skipped, lines still count */
    EXPECT("\r\n\r\na,b\r\n\r\n,\r\n,,\r\nc,d\r\n\r\n",
           "3:a|b\n7:c|d\n");
    /* a quote inside an unquoted field, text after a closing quote */
    EXPECT("5\"寸,\"ab\"cd,\"\"\n", "1:5\"寸|abcd|\n");
    /* a record with fewer fields is kept as it is */
    EXPECT("a,b,c\nd\n", "1:a|b|c\n2:d\n");
}
END_TEST

START_TEST(tab_separated)
{
    zb_err err;
    csv_reader *r;
    static const char text[] = "姓名\t备注\n张三\t\"a,b\tc\"\n";
    ck_assert_int_eq(csv_reader_open_mem(text, sizeof text - 1,
                                         CSV_ENC_AUTO, &r, &err), 0);
    ck_assert_int_eq(csv_reader_separator(r), '\t');
    csv_reader_free(r);
    EXPECT("姓名\t备注\n张三\t\"a,b\tc\"\n", "1:姓名|备注\n2:张三|a,b\tc\n");
    /* a comma-separated header that contains a tab in quotes */
    EXPECT("\"a\tb\",c\n1,2\n", "1:a\tb|c\n2:1|2\n");
}
END_TEST

START_TEST(gb18030_detected_and_forced)
{
    /* "姓名,性别\n张三,男\n𠀀" in GB18030 (𠀀 takes four bytes) */
    static const char gb[] = "\xd0\xd5\xc3\xfb,\xd0\xd4\xb1\xf0\n"
                             "\xd5\xc5\xc8\xfd,\xc4\xd0\n\x95\x32\x82\x36";
    expect(gb, sizeof gb - 1, CSV_ENC_AUTO,
           "1:姓名|性别\n2:张三|男\n3:𠀀\n");
    expect(gb, sizeof gb - 1, CSV_ENC_GB18030,
           "1:姓名|性别\n2:张三|男\n3:𠀀\n");
    zb_err err;
    csv_reader *r;
    ck_assert_int_eq(csv_reader_open_mem(gb, sizeof gb - 1, CSV_ENC_AUTO, &r,
                                         &err), 0);
    ck_assert_int_eq(csv_reader_encoding(r), CSV_ENC_GB18030);
    csv_reader_free(r);
    /* forced UTF-8 on GB18030 bytes: refused, naming the line */
    ck_assert_int_eq(csv_reader_open_mem(gb, sizeof gb - 1, CSV_ENC_UTF8, &r,
                                         &err), -1);
    ck_assert_msg(strstr(err.msg, "第 1 行") && strstr(err.msg, "UTF-8"),
                  "%s", err.msg);
    /* valid UTF-8 is read as UTF-8 */
    static const char u8[] = "姓名\n张三\n";
    ck_assert_int_eq(csv_reader_open_mem(u8, sizeof u8 - 1, CSV_ENC_AUTO, &r,
                                         &err), 0);
    ck_assert_int_eq(csv_reader_encoding(r), CSV_ENC_UTF8);
    csv_reader_free(r);
    /* neither UTF-8 nor GB18030 (0xFF never occurs in GB18030) */
    expect_error("a\nb\n\xff\xfe\xff\n", 8, "第 3 行");
}
END_TEST

START_TEST(utf16_with_bom)
{
    /* Excel's "Unicode text": UTF-16LE with a BOM, tab-separated */
    static const char u16[] = "\xff\xfe" "a\0\t\0" "\x20\x5f\n\0" "1\0\t\0"
                              "2\0\n\0";
    expect(u16, sizeof u16 - 1, CSV_ENC_AUTO, "1:a|张\n2:1|2\n");
}
END_TEST

START_TEST(errors_and_limits)
{
    expect_error("a,b\nc,\"never closed\nd\ne\n", 24, "第 2 行的引号没有结束");
    expect_error("a,b\n\0c\n", 7, "NUL");

    size_t big = CSV_MAX_FIELD + 10;
    char *s = malloc(big + 16);
    ck_assert_ptr_nonnull(s);
    memcpy(s, "a\n\"", 3);
    memset(s + 3, 'x', big);
    memcpy(s + 3 + big, "\"\n", 2);
    expect_error(s, big + 5, "第 2 行开始的字段超过 64 KB");
    /* the same unquoted */
    memcpy(s, "a\nb\n", 4);
    memset(s + 4, 'y', big);
    expect_error(s, big + 4, "第 3 行有超过 64 KB 的字段");
    free(s);

    /* too many fields */
    size_t n = (CSV_MAX_FIELDS + 1) * 2;
    s = malloc(n + 1);
    for (size_t i = 0; i < n; i += 2)
        s[i] = 'x', s[i + 1] = ',';
    s[n - 1] = '\n';
    expect_error(s, n, "第 1 行的字段超过 1024 个");
    free(s);

    /* a record over the record limit (many medium fields) */
    size_t fields = 40, each = 30000;
    s = malloc(fields * (each + 1) + 1);
    for (size_t i = 0; i < fields; i++) {
        memset(s + i * (each + 1), 'z', each);
        s[i * (each + 1) + each] = ',';
    }
    expect_error(s, fields * (each + 1), "超过 1024 KB");
    free(s);
}
END_TEST

START_TEST(rewind_gives_the_same_records)
{
    static const char text[] = "h1,h2\n\"a\"\"b\",c\n\nd,e";
    zb_err err;
    csv_reader *r;
    ck_assert_int_eq(csv_reader_open_mem(text, sizeof text - 1, CSV_ENC_AUTO,
                                         &r, &err), 0);
    struct csv_record rec;
    long lines[2][4];
    int k[2] = {0, 0};
    for (int pass = 0; pass < 2; pass++) {
        while (csv_next(r, &rec, &err) == 1)
            lines[pass][k[pass]++] = rec.line;
        csv_rewind(r);
    }
    csv_reader_free(r);
    ck_assert_int_eq(k[0], 3);
    ck_assert_int_eq(k[1], 3);
    ck_assert_int_eq(lines[1][2], 4);
    ck_assert_int_eq(lines[0][2], lines[1][2]);
}
END_TEST

START_TEST(encoding_names)
{
    enum csv_encoding e;
    ck_assert(csv_encoding_parse("GBK", &e) && e == CSV_ENC_GB18030);
    ck_assert(csv_encoding_parse("utf-8", &e) && e == CSV_ENC_UTF8);
    ck_assert(csv_encoding_parse("auto", &e) && e == CSV_ENC_AUTO);
    ck_assert(!csv_encoding_parse("latin1", &e));
}
END_TEST

static const char *const values[] = {
    "110105194912310021", "13800138000", "+86 138", "0012", "普通文字",
    "a,b", "他说\"好\"", "两行\n文字", " 前后空格 ", "", "10000001",
};
#define NVALUES (sizeof values / sizeof values[0])

static char *write_all(enum csv_encoding enc, size_t *len)
{
    char *out = NULL;
    FILE *f = open_memstream(&out, len);
    csv_writer *w;
    zb_err err;
    ck_assert_int_eq(csv_writer_open(f, enc, &w, &err), 0);
    for (int rec = 0; rec < 3; rec++) {
        for (size_t i = 0; i < NVALUES; i++)
            csv_field(w, values[i], i < 4 || i == 10 ? CSV_TEXT : 0);
        ck_assert_int_eq(csv_end_record(w, &err), 0);
    }
    ck_assert_int_eq(csv_writer_close(w, &err), 0);
    fclose(f);
    return out;
}

static void read_back(const char *text, size_t len, enum csv_encoding want)
{
    zb_err err;
    csv_reader *r;
    ck_assert_int_eq(csv_reader_open_mem(text, len, CSV_ENC_AUTO, &r, &err),
                     0);
    ck_assert_int_eq(csv_reader_encoding(r), want);
    struct csv_record rec;
    int n = 0;
    while (csv_next(r, &rec, &err) == 1) {
        ck_assert_int_eq(rec.n, (int)NVALUES);
        for (size_t i = 0; i < NVALUES; i++) {
            const char *v = rec.field[i];
            /* the Excel text marker: a leading tab on CSV_TEXT digits */
            if ((i < 4 || i == 10) && values[i][0]) {
                ck_assert_int_eq(v[0], '\t');
                v++;
            }
            ck_assert_str_eq(v, values[i]);
        }
        n++;
    }
    ck_assert_int_eq(n, 3);
    csv_reader_free(r);
}

START_TEST(writer_round_trip)
{
    size_t len;
    char *u8 = write_all(CSV_ENC_UTF8, &len);
    ck_assert(memcmp(u8, "\xEF\xBB\xBF\"\t110105194912310021\",", 25) == 0);
    ck_assert_ptr_nonnull(strstr(u8, ",普通文字,\"a,b\",\"他说\"\"好\"\"\","
                                     "\"两行\n文字\",\" 前后空格 \",,"
                                     "\"\t10000001\"\r\n"));
    read_back(u8, len, CSV_ENC_UTF8);
    free(u8);

    char *gb = write_all(CSV_ENC_GB18030, &len);
    ck_assert(memcmp(gb, "\"\t1101", 6) == 0);   /* no BOM */
    /* 普通 in GB18030 */
    ck_assert_ptr_nonnull(strstr(gb, "\xc6\xd5\xcd\xa8"));
    read_back(gb, len, CSV_ENC_GB18030);
    free(gb);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("csv");
    tcase_add_test(tc, utf8_bom_crlf_quotes);
    tcase_add_test(tc, blank_lines_and_lenient_quotes);
    tcase_add_test(tc, tab_separated);
    tcase_add_test(tc, gb18030_detected_and_forced);
    tcase_add_test(tc, utf16_with_bom);
    tcase_add_test(tc, errors_and_limits);
    tcase_add_test(tc, rewind_gives_the_same_records);
    tcase_add_test(tc, encoding_names);
    tcase_add_test(tc, writer_round_trip);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
