/* interface settled */
/* Money as int64 分 (fen): parsing what people type, formatting for
 * forms, lists and work summaries. No floating point anywhere. Pure. */
#ifndef ZB_RULES_MONEY_H
#define ZB_RULES_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* Largest amount accepted: 9,999,999,999.99 元 (sums of many such
 * amounts still fit an int64). */
#define MONEY_MAX_FEN INT64_C(999999999999)

/* Buffer size that holds any formatted amount of this module. */
#define MONEY_BUF 48

enum money_result {
    MONEY_OK,
    MONEY_EMPTY,        /* nothing but spaces: 0 分 (callers decide) */
    MONEY_NEGATIVE,     /* "-5": 不能为负数 */
    MONEY_DECIMALS,     /* "12.345": 最多两位小数 */
    MONEY_NOT_NUMBER,   /* "五百", "abc": 请用数字填写金额 */
    MONEY_BAD_FORMAT,   /* "1.2.3", "5.", ".": 格式不正确 */
    MONEY_GROUPING,     /* "1,00", "10,00,0": 千位分隔符位置不对 */
    MONEY_OVERFLOW      /* above MONEY_MAX_FEN */
};

/* Parses s into *fen (0 unless MONEY_OK). Accepted: digits with an
 * optional fraction of one or two digits ("500", "500.5", "500.50",
 * "0.5"), ASCII or full-width digits/point, thousands separators ","
 * or "，" only in groups of three ("1,000", "1，000.00", "12,345,678"),
 * a leading "￥" or "¥" and/or a trailing "元", spaces (ASCII, full
 * width, tabs) around the number and between the sign and the number.
 * "+500" is accepted as 500. Empty or only spaces: MONEY_EMPTY. */
enum money_result rules_money_parse(const char *s, int64_t *fen);

/* Chinese message for a result: "最多两位小数", "金额不能为负数",
 * "请用数字填写金额", "金额格式不正确", "千位分隔符位置不对",
 * "金额过大", "请填写金额" (MONEY_EMPTY); "" for MONEY_OK. Static. */
const char *rules_money_message(enum money_result r);

/* Parse for a form field or a model check: 0 with *fen set, or -1 with
 * "<label>：<message>" in err (label may be NULL: message alone). An
 * empty text is 0 分 unless required. */
int rules_money_input(const char *s, bool required, const char *label,
                      int64_t *fen, zb_err *err);

/* "500.50", "1000.00", "0.05", "-3.00": two decimals, no grouping, no
 * unit (what a form field shows; it parses back to the same fen). */
void rules_money_plain(int64_t fen, char *out, size_t outsz);
/* "1,000.00 元", "500.50 元", "0.00 元": grouped, with the unit. */
void rules_money_yuan(int64_t fen, char *out, size_t outsz);
/* Work-summary form in 万元 rounded half up to 0.01 万元 (100 元):
 * 6,000 元 -> "0.60 万元", 123,456.78 元 -> "12.35 万元",
 * 49.99 元 -> "0.00 万元". */
void rules_money_wan(int64_t fen, char *out, size_t outsz);

/* a + b into *sum; false (and *sum unchanged) if the result would leave
 * the int64 range. For sums over many rows. */
bool rules_money_add(int64_t a, int64_t b, int64_t *sum);

#endif
