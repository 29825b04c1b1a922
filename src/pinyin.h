/* Pinyin and stroke data from Unihan, compiled into a generated table
 * (src/pinyin_data.c, made by tools/gen-pinyin.py). Used for search keys
 * (initials) and sort keys (pinyin, or surname stroke count). */
#ifndef ZB_PINYIN_H
#define ZB_PINYIN_H

#include <stddef.h>
#include <stdint.h>

/* Number of distinct toneless readings of c (0 if c is not a Han
 * character with a known reading), and the readings themselves:
 * reading 0 is the most common (Unihan kMandarin); others come from the
 * dictionary readings (kTGHZ2013, kXHC1983, kHanyuPinyin). Strings are
 * lowercase ASCII, static, no tone marks, 'ü' written as 'v'. */
int pinyin_count(uint32_t c);
const char *pinyin_reading(uint32_t c, int i);

/* Total stroke count of c (Unihan kTotalStrokes), 0 if unknown. */
int pinyin_strokes(uint32_t c);

/* Search key for a name: every distinct initials string the name can be
 * read as, separated by single spaces, lowercase. ASCII letters and
 * digits are kept as themselves (lowercased); other characters are
 * skipped, and so are Han characters without a known reading. The
 * number of variants is capped at 16 (readings past the cap are ignored;
 * the primary reading always present first, then variants with fewer
 * non-primary readings).
 * Example: "张小军" -> "zxj"; "曾小军" -> "cxj zxj"; "单" -> "d c s".
 * Returns bytes written (NUL-terminated, cut at outsz). */
size_t pinyin_initials(const char *utf8, char *out, size_t outsz);

/* Sort key by pinyin: the primary toneless reading of each Han
 * character, lowercase, each followed by a space; other characters are
 * kept as they are (ASCII lowercased, invalid bytes as U+FFFD), without a
 * space. Comparing keys with strcmp (memcmp) orders names as a Chinese
 * reader expects: "an " < "ang " < "zhang " etc. A Han character without
 * a known reading (e.g. U+20BB7) is kept as itself, so it sorts after
 * every reading. If the FIRST character is one of these surnames, its
 * surname reading is used (曾 zeng, 单 shan, 区 ou, 仇 qiu,
 * 解 xie, 朴 piao, 查 zha, 盖 ge, 覃 qin, 缪 miao, 种 chong, 繁 po,
 * 朝 chao, 翟 zhai, 秘 bi, 薄 bo, 召 shao).
 * The key is cut at outsz before a piece that does not fit whole;
 * returns bytes written. */
size_t pinyin_sort_key(const char *utf8, char *out, size_t outsz);

/* Sort key by strokes (姓氏笔画): for each character its stroke count as
 * two decimal digits (00 if unknown or not Han), then its sort-key
 * reading (surname rule as above; other characters as themselves), then
 * a space: "张三" -> "07zhang 03san ". strcmp order = surname stroke
 * count, then (same count) the surname's pinyin, so that one surname's
 * members stay together, then the next characters the same way. */
size_t pinyin_stroke_key(const char *utf8, char *out, size_t outsz);

/* True if the query (ASCII letters and digits, case ignored) matches
 * the name's initials as a substring under any reading combination
 * (every reading, no cap). Positions are the same as pinyin_initials:
 * Han characters without a reading and non-alphanumerics are skipped.
 * An empty query matches; a query with any other character does not. */
int pinyin_match_initials(const char *utf8_name, const char *query);

#endif
