/* Unit tests for the pure line editor, with CJK text. */
#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "text.h"

#define IDEO30 "一二三四五六七八九十" "百千万亿甲乙丙丁戊己" "庚辛壬癸子丑寅卯辰巳"

/* The editor's content, checked and freed. */
static void ck_content(const lineedit *le, const char *want)
{
    char *got = le_get(le);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, want);
    free(got);
}

/* Single-line view of `width` columns as UTF-8; also checks that the
 * view is exactly `width` columns and the cursor inside it. */
static char *view(lineedit *le, int width, int *cc)
{
    uint32_t out[256];
    size_t n = le_view(le, width, out, 256, cc);
    ck_assert_int_eq(text_width32(out, 0, n), width);
    ck_assert_int_ge(*cc, 0);
    ck_assert_int_lt(*cc, width);
    char *s = text_from32(out, n);
    ck_assert_ptr_nonnull(s);
    return s;
}

static void ck_view(lineedit *le, int width, const char *want, int want_cc)
{
    int cc;
    char *s = view(le, width, &cc);
    ck_assert_str_eq(s, want);
    ck_assert_int_eq(cc, want_cc);
    free(s);
}

static void ck_rows(lineedit *le, int width, int height,
                    const char *const *want, int want_cr, int want_cc);

START_TEST(empty_editor)
{
    lineedit le;
    le_init(&le, false, 0);
    ck_content(&le, "");
    ck_assert(!le_apply(&le, LE_LEFT, 0));
    ck_assert(!le_apply(&le, LE_BACKSPACE, 0));
    ck_assert(!le_apply(&le, LE_KILL_WORD_BACK, 0));
    ck_view(&le, 4, "    ", 0);
    ck_assert_int_eq(le_set(&le, NULL), 0);
    ck_content(&le, "");
    le_free(&le);
    le_init(&le, true, 0);
    static const char *const blank[] = { "   ", "   " };
    ck_rows(&le, 3, 2, blank, 0, 0);
    ck_assert(!le_apply(&le, LE_UP, 3));
    ck_assert(!le_apply(&le, LE_DOWN, 3));
    le_free(&le);
}
END_TEST

START_TEST(insert_cjk_and_move)
{
    lineedit le;
    le_init(&le, false, 0);
    ck_assert(le_insert_utf8(&le, "张小军"));
    ck_assert_uint_eq(le.len, 3);
    ck_assert_uint_eq(le.cursor, 3);
    ck_assert(le_apply(&le, LE_LEFT, 0));
    ck_assert_uint_eq(le.cursor, 2);
    ck_assert(le_apply(&le, LE_LEFT, 0));
    ck_assert_uint_eq(le.cursor, 1);
    ck_assert(le_insert(&le, 'A'));
    ck_content(&le, "张A小军");
    ck_assert_uint_eq(le.cursor, 2);
    ck_assert(le_apply(&le, LE_RIGHT, 0));
    ck_assert(le_apply(&le, LE_RIGHT, 0));
    ck_assert_uint_eq(le.cursor, 4);
    ck_assert(!le_apply(&le, LE_RIGHT, 0));
    ck_assert(le_apply(&le, LE_HOME, 0));
    ck_assert(!le_apply(&le, LE_LEFT, 0));
    ck_assert_uint_eq(le.cursor, 0);
    le_free(&le);
}
END_TEST

START_TEST(backspace_whole_ideograph)
{
    lineedit le;
    le_init(&le, false, 0);
    le_set(&le, "张小军");
    ck_assert(le_apply(&le, LE_BACKSPACE, 0));
    ck_content(&le, "张小");
    ck_assert_uint_eq(le.cursor, 2);
    le_apply(&le, LE_HOME, 0);
    ck_assert(!le_apply(&le, LE_BACKSPACE, 0));
    ck_assert(le_apply(&le, LE_DELETE, 0));
    ck_content(&le, "小");
    le_free(&le);
}
END_TEST

START_TEST(combining_mark_one_step)
{
    lineedit le;
    le_init(&le, false, 0);
    le_set(&le, "e\xcc\x81x");  /* e + U+0301, x */
    ck_assert_uint_eq(le.len, 3);
    le_apply(&le, LE_LEFT, 0);
    ck_assert_uint_eq(le.cursor, 2);
    le_apply(&le, LE_LEFT, 0);
    ck_assert_uint_eq(le.cursor, 0);
    le_apply(&le, LE_RIGHT, 0);
    ck_assert_uint_eq(le.cursor, 2);
    ck_assert(le_apply(&le, LE_BACKSPACE, 0));
    ck_content(&le, "x");
    /* Typed after its base, the mark joins it. */
    le_set(&le, "");
    le_insert(&le, 'e');
    ck_assert(le_insert(&le, 0x301));
    ck_assert_uint_eq(le.cursor, 2);
    le_apply(&le, LE_LEFT, 0);
    ck_assert_uint_eq(le.cursor, 0);
    /* A base typed before an orphan mark: the cursor stays on a
     * boundary. */
    le_set(&le, "\xcc\x81");
    le_apply(&le, LE_HOME, 0);
    ck_assert(le_insert(&le, 'a'));
    ck_assert_uint_eq(le.cursor, 2);
    int cc;
    char *s = view(&le, 5, &cc);
    ck_assert_str_eq(s, "a\xcc\x81    ");
    ck_assert_int_eq(cc, 1);
    free(s);
    le_free(&le);
}
END_TEST

START_TEST(supplementary_ideograph)
{
    lineedit le;
    le_init(&le, false, 0);
    ck_assert_int_eq(text_char_width(0x20BB7), 2);
    le_set(&le, "a\xf0\xa0\xae\xb7" "b");  /* a 𠮷 b */
    ck_assert_uint_eq(le.len, 3);
    ck_assert_int_eq(text_width32(le.buf, 0, le.len), 4);
    le_apply(&le, LE_LEFT, 0);
    ck_view(&le, 10, "a\xf0\xa0\xae\xb7" "b      ", 3);
    le_apply(&le, LE_LEFT, 0);
    ck_assert_uint_eq(le.cursor, 1);
    ck_view(&le, 10, "a\xf0\xa0\xae\xb7" "b      ", 1);
    ck_assert(le_apply(&le, LE_DELETE, 0));
    ck_content(&le, "ab");
    le_free(&le);
}
END_TEST

START_TEST(max_chars_refuses)
{
    lineedit le;
    le_init(&le, false, 5);
    ck_assert(le_insert_utf8(&le, "张小军abc"));
    ck_content(&le, "张小军ab");
    ck_assert(!le_insert(&le, 'x'));
    ck_assert(!le_insert(&le, 0x674E));
    ck_assert(!le_insert_utf8(&le, "李"));
    ck_content(&le, "张小军ab");
    /* Room again after a deletion, also in the middle. */
    le_apply(&le, LE_HOME, 0);
    le_apply(&le, LE_DELETE, 0);
    ck_assert(le_insert(&le, 0x674E));
    ck_content(&le, "李小军ab");
    ck_assert_int_eq(le_set(&le, "一二三四五六七"), 0);
    ck_content(&le, "一二三四五");
    ck_assert_uint_eq(le.cursor, 5);
    le_free(&le);
}
END_TEST

START_TEST(set_get_round_trip)
{
    static const char *const samples[] = {
        "",
        "abc",
        "张小军",
        "党支部A栋3号楼（东）１２３，完成。",
        "2021年7月1日：主题党日——“学党史”",
        "e\xcc\x81t\xc3\xa9 \xf0\xa0\xae\xb7",
    };
    lineedit le;
    le_init(&le, false, 0);
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        ck_assert_int_eq(le_set(&le, samples[i]), 0);
        ck_assert_uint_eq(le.cursor, le.len);
        ck_assert_uint_eq(le.len, text_chars(samples[i]));
        ck_content(&le, samples[i]);
        char buf[128];
        size_t n = le_get_buf(&le, buf, sizeof buf);
        ck_assert_uint_eq(n, strlen(samples[i]));
        ck_assert_str_eq(buf, samples[i]);
    }
    /* A short buffer is cut at a character boundary. */
    le_set(&le, "党支部");
    char small[5];
    ck_assert_uint_eq(le_get_buf(&le, small, sizeof small), 3);
    ck_assert_str_eq(small, "党");
    ck_assert_uint_eq(le_get_buf(&le, small, 1), 0);
    ck_assert_str_eq(small, "");
    le_clear(&le);
    ck_content(&le, "");
    ck_assert_uint_eq(le.cursor, 0);
    le_free(&le);
}
END_TEST

START_TEST(home_end_delete_kill)
{
    lineedit le;
    le_init(&le, false, 0);
    le_set(&le, "abc张小军def");
    ck_assert(le_apply(&le, LE_HOME, 0));
    ck_assert_uint_eq(le.cursor, 0);
    ck_assert(!le_apply(&le, LE_HOME, 0));
    ck_assert(le_apply(&le, LE_END, 0));
    ck_assert_uint_eq(le.cursor, 9);
    ck_assert(!le_apply(&le, LE_END, 0));
    ck_assert(!le_apply(&le, LE_DELETE, 0));

    /* Ctrl-K from the middle */
    le.cursor = 4;
    ck_assert(le_apply(&le, LE_KILL_TO_END, 0));
    ck_content(&le, "abc张");
    ck_assert_uint_eq(le.cursor, 4);
    ck_assert(!le_apply(&le, LE_KILL_TO_END, 0));

    /* Ctrl-U */
    le_set(&le, "abc张小军def");
    le.cursor = 5;
    ck_assert(le_apply(&le, LE_KILL_TO_START, 0));
    ck_content(&le, "军def");
    ck_assert_uint_eq(le.cursor, 0);
    ck_assert(!le_apply(&le, LE_KILL_TO_START, 0));

    /* Delete at the cursor */
    ck_assert(le_apply(&le, LE_DELETE, 0));
    ck_content(&le, "def");
    le_free(&le);
}
END_TEST

START_TEST(words)
{
    lineedit le;
    le_init(&le, false, 0);
    le_set(&le, "hello 张小军，world2 x");
    /* h0..o4 ' '5 张6 小7 军8 ，9 w10..2 15 ' '16 x17 end18 */
    ck_assert(le_apply(&le, LE_WORD_LEFT, 0));
    ck_assert_uint_eq(le.cursor, 17);
    le_apply(&le, LE_WORD_LEFT, 0);
    ck_assert_uint_eq(le.cursor, 10);
    le_apply(&le, LE_WORD_LEFT, 0);
    ck_assert_uint_eq(le.cursor, 6);
    le_apply(&le, LE_WORD_LEFT, 0);
    ck_assert_uint_eq(le.cursor, 0);
    ck_assert(!le_apply(&le, LE_WORD_LEFT, 0));
    le_apply(&le, LE_WORD_RIGHT, 0);
    ck_assert_uint_eq(le.cursor, 5);
    le_apply(&le, LE_WORD_RIGHT, 0);
    ck_assert_uint_eq(le.cursor, 9);
    le_apply(&le, LE_WORD_RIGHT, 0);
    ck_assert_uint_eq(le.cursor, 16);
    le_apply(&le, LE_WORD_RIGHT, 0);
    ck_assert_uint_eq(le.cursor, 18);
    ck_assert(!le_apply(&le, LE_WORD_RIGHT, 0));

    /* Ctrl-W: a CJK run is one word, distinct from ASCII next to it. */
    le_set(&le, "abc 张小军");
    ck_assert(le_apply(&le, LE_KILL_WORD_BACK, 0));
    ck_content(&le, "abc ");
    ck_assert(le_apply(&le, LE_KILL_WORD_BACK, 0));
    ck_content(&le, "");
    ck_assert(!le_apply(&le, LE_KILL_WORD_BACK, 0));
    le_set(&le, "abc张三");
    le_apply(&le, LE_KILL_WORD_BACK, 0);
    ck_content(&le, "abc");
    le_set(&le, "张三 会议  ");
    le_apply(&le, LE_KILL_WORD_BACK, 0);
    ck_content(&le, "张三 ");
    /* from the middle: the text after the cursor stays */
    le_set(&le, "foo bar baz");
    le.cursor = 7;
    le_apply(&le, LE_KILL_WORD_BACK, 0);
    ck_content(&le, "foo  baz");
    ck_assert_uint_eq(le.cursor, 4);
    le_free(&le);
}
END_TEST

START_TEST(hscroll_edges)
{
    lineedit le;
    le_init(&le, false, 0);
    /* 30 ideographs = 60 columns in a 10-column field. Cursor at the end:
     * the last four ideographs, the one before cut by the left edge. */
    le_set(&le, IDEO30);
    ck_view(&le, 10, " 寅卯辰巳 ", 9);
    le_apply(&le, LE_HOME, 0);
    ck_view(&le, 10, "一二三四五", 0);
    /* Shifted by one column: the fifth ideograph is cut by the right
     * edge. */
    le_set(&le, "a" IDEO30);
    le_apply(&le, LE_HOME, 0);
    ck_view(&le, 10, "a一二三四 ", 0);
    le_apply(&le, LE_END, 0);
    ck_view(&le, 10, " 寅卯辰巳 ", 9);  /* 61 columns, hscroll 52 */
    ck_assert_int_eq(le.hscroll, 52);
    le_free(&le);
}
END_TEST

START_TEST(hscroll_cursor_always_visible)
{
    lineedit le;
    le_init(&le, false, 0);
    le_set(&le, IDEO30);
    uint32_t out[64];
    int cc;
    /* Walk to the start and back; the character under the cursor is
     * always the one the buffer has there, whole. */
    for (int pass = 0; pass < 2; pass++) {
        for (int step = 0; step <= 30; step++) {
            size_t n = le_view(&le, 10, out, 64, &cc);
            ck_assert_int_eq(text_width32(out, 0, n), 10);
            ck_assert_int_ge(cc, 0);
            ck_assert_int_lt(cc, 10);
            ck_assert_int_eq(cc, 2 * (int)le.cursor - le.hscroll);
            /* find the code point starting at column cc */
            int col = 0;
            size_t k = 0;
            while (k < n && col < cc)
                col += text_char_width(out[k++]);
            ck_assert_int_eq(col, cc);
            if (le.cursor < le.len) {
                ck_assert_uint_eq(out[k], le.buf[le.cursor]);
                ck_assert_int_le(cc + 2, 10);
            }
            le_apply(&le, pass == 0 ? LE_LEFT : LE_RIGHT, 0);
        }
    }
    /* Some context is kept to the left when moving left. */
    le_apply(&le, LE_END, 0);
    le_view(&le, 10, out, 64, &cc);
    for (int i = 0; i < 10; i++)
        le_apply(&le, LE_LEFT, 0);
    le_view(&le, 10, out, 64, &cc);
    ck_assert_int_ge(cc, 2);
    /* Text shrinking pulls the view back. */
    le_set(&le, "短");
    le_view(&le, 10, out, 64, &cc);
    ck_assert_int_eq(le.hscroll, 0);
    ck_assert_int_eq(cc, 2);
    /* Width 1: a wide character cannot be shown, the view is still one
     * column. */
    le_apply(&le, LE_HOME, 0);
    size_t n = le_view(&le, 1, out, 64, &cc);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(out[0], ' ');
    ck_assert_int_eq(cc, 0);
    /* A small max cuts the output without overflowing it. */
    le_set(&le, "abcdef");
    ck_assert_uint_eq(le_view(&le, 10, out, 3, &cc), 3);
    le_free(&le);
}
END_TEST

/* Multi-line view rows as UTF-8 strings (rows of 16 code points). */
static void rows_view(lineedit *le, int width, int height, char **got,
                      int *cr, int *cc)
{
    uint32_t store[8][16];
    uint32_t *rows[8];
    for (int i = 0; i < 8; i++)
        rows[i] = store[i];
    le_view_rows(le, width, height, rows, 16, cr, cc);
    for (int r = 0; r < height; r++) {
        /* count code points of an exactly-width row */
        size_t n = 0;
        int w = 0;
        while (w < width && n < 16)
            w += text_char_width(rows[r][n++]);
        ck_assert_int_eq(w, width);
        got[r] = text_from32(rows[r], n);
    }
}

static void ck_rows(lineedit *le, int width, int height,
                    const char *const *want, int want_cr, int want_cc)
{
    char *got[8];
    int cr, cc;
    rows_view(le, width, height, got, &cr, &cc);
    for (int r = 0; r < height; r++) {
        ck_assert_str_eq(got[r], want[r]);
        free(got[r]);
    }
    ck_assert_int_eq(cr, want_cr);
    ck_assert_int_eq(cc, want_cc);
}

START_TEST(multiline_wrap_and_rows)
{
    lineedit le;
    le_init(&le, true, 0);
    le_set(&le, "一二三四五六七\nab");
    static const char *const all[] = {
        "一二三", "四五六", "七    ", "ab    ", "      "
    };
    ck_rows(&le, 6, 5, all, 3, 2);
    /* Only three rows: the cursor row is the last one shown. */
    static const char *const tail[] = { "四五六", "七    ", "ab    " };
    ck_rows(&le, 6, 3, tail, 2, 2);
    /* Back at the start the view scrolls up. */
    le.cursor = 0;
    static const char *const head[] = { "一二三", "四五六", "七    " };
    ck_rows(&le, 6, 3, head, 0, 0);
    /* Odd width: a wide character never straddles the edge. */
    static const char *const odd[] = { "一二 ", "三四 ", "五六 ", "七   " };
    ck_rows(&le, 5, 4, odd, 0, 0);
    /* A line filling the width exactly: the cursor at its end goes to
     * the next row. */
    le_set(&le, "一二三");
    static const char *const fullrow[] = { "一二三", "      " };
    ck_rows(&le, 6, 2, fullrow, 1, 0);
    /* Text shrinking pulls the view back. */
    le_set(&le, "a\nb\nc\nd\ne");
    static const char *const five[] = { "c ", "d ", "e " };
    ck_rows(&le, 2, 3, five, 2, 1);
    ck_assert_int_eq(le.vscroll, 2);
    for (int i = 0; i < 4; i++)
        ck_assert(le_apply(&le, LE_BACKSPACE, 2));
    static const char *const three[] = { "a ", "b ", "c " };
    ck_rows(&le, 2, 3, three, 2, 1);
    ck_assert_int_eq(le.vscroll, 0);
    le_free(&le);
}
END_TEST

START_TEST(multiline_up_down)
{
    lineedit le;
    le_init(&le, true, 0);
    le_set(&le, "一二三四五六七\nab");
    /* rows at width 6: 一二三 | 四五六 | 七 | ab */
    ck_assert_uint_eq(le.cursor, 10);
    ck_assert(!le_apply(&le, LE_DOWN, 6));
    ck_assert(le_apply(&le, LE_UP, 6));
    ck_assert_uint_eq(le.cursor, 7);   /* after 七 (col 2) */
    ck_assert(le_apply(&le, LE_UP, 6));
    ck_assert_uint_eq(le.cursor, 4);   /* after 四 */
    ck_assert(le_apply(&le, LE_UP, 6));
    ck_assert_uint_eq(le.cursor, 1);
    ck_assert(!le_apply(&le, LE_UP, 6));
    ck_assert(le_apply(&le, LE_DOWN, 6));
    ck_assert_uint_eq(le.cursor, 4);
    ck_assert(le_apply(&le, LE_DOWN, 6));
    ck_assert_uint_eq(le.cursor, 7);
    ck_assert(le_apply(&le, LE_DOWN, 6));
    ck_assert_uint_eq(le.cursor, 10);
    /* Column 1 in a row of wide characters: the nearest to the left. */
    le_set(&le, "abc\n一二");
    le.cursor = 1;
    ck_assert(le_apply(&le, LE_DOWN, 6));
    ck_assert_uint_eq(le.cursor, 4);
    le.cursor = 3;                     /* end of "abc", col 3 */
    le_apply(&le, LE_DOWN, 6);
    ck_assert_uint_eq(le.cursor, 5);   /* after 一, col 2 */
    le.cursor = 6;                     /* end, col 4 */
    le_apply(&le, LE_UP, 6);
    ck_assert_uint_eq(le.cursor, 3);   /* clamped to the line end */
    /* Going up into a soft-wrapped row never lands on its end, which
     * is shown on the next row. 一二 | 三abc | d at width 5. */
    le_set(&le, "一二三abcd");
    le.cursor = 5;                     /* before c: row 1, col 4 */
    le_apply(&le, LE_UP, 5);
    ck_assert_uint_eq(le.cursor, 1);
    /* Home and End are of the logical line; Ctrl-K at the end of a
     * line joins the next one. */
    le_set(&le, "ab\ncd\nef");
    le.cursor = 4;
    le_apply(&le, LE_HOME, 0);
    ck_assert_uint_eq(le.cursor, 3);
    le_apply(&le, LE_END, 0);
    ck_assert_uint_eq(le.cursor, 5);
    ck_assert(le_apply(&le, LE_KILL_TO_END, 0));
    ck_content(&le, "ab\ncdef");
    le.cursor = 4;
    le_apply(&le, LE_KILL_TO_END, 0);
    ck_content(&le, "ab\nc");
    le_apply(&le, LE_KILL_TO_START, 0);
    ck_content(&le, "ab\n");
    ck_assert_uint_eq(le.cursor, 3);
    le_free(&le);
}
END_TEST

START_TEST(newline_modes)
{
    lineedit le;
    le_init(&le, false, 0);
    ck_assert(!le_insert(&le, '\n'));
    ck_assert_uint_eq(le.len, 0);
    le_set(&le, "第一行\n第二行");
    ck_content(&le, "第一行第二行");
    le_clear(&le);
    ck_assert(le_insert_utf8(&le, "ab\ncd\n"));
    ck_content(&le, "abcd");
    ck_assert(!le_apply(&le, LE_UP, 10));
    ck_assert(!le_apply(&le, LE_DOWN, 10));
    le_free(&le);

    le_init(&le, true, 0);
    ck_assert(le_insert(&le, '\n'));
    le_set(&le, "第一行\n第二行");
    ck_content(&le, "第一行\n第二行");
    le_free(&le);
}
END_TEST

START_TEST(control_chars_refused)
{
    static const uint32_t bad[] = {
        0, '\t', '\r', 0x1b, 0x7f, 0x85, 0x9b, 0xd800, 0x110000
    };
    lineedit le;
    le_init(&le, true, 0);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        ck_assert_msg(!le_insert(&le, bad[i]), "accepted U+%04X",
                      (unsigned)bad[i]);
    ck_assert_uint_eq(le.len, 0);
    le_set(&le, "a\tb\x1b[31mc\r\nd\x7f");
    ck_content(&le, "ab[31mc\nd");
    le_free(&le);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("lineedit");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, empty_editor);
    tcase_add_test(tc, insert_cjk_and_move);
    tcase_add_test(tc, backspace_whole_ideograph);
    tcase_add_test(tc, combining_mark_one_step);
    tcase_add_test(tc, supplementary_ideograph);
    tcase_add_test(tc, max_chars_refuses);
    tcase_add_test(tc, set_get_round_trip);
    tcase_add_test(tc, home_end_delete_kill);
    tcase_add_test(tc, words);
    tcase_add_test(tc, hscroll_edges);
    tcase_add_test(tc, hscroll_cursor_always_visible);
    tcase_add_test(tc, multiline_wrap_and_rows);
    tcase_add_test(tc, multiline_up_down);
    tcase_add_test(tc, newline_modes);
    tcase_add_test(tc, control_chars_refused);
    suite_add_tcase(s, tc);
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
