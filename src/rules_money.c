/* Money in 分: parsing typed amounts and formatting them. Integers only:
 * a typed amount is read digit by digit, never through strtod. */
#include "rules_money.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

/* Folds the full-width forms people type with a Chinese input method to
 * ASCII; the currency signs and 元 become markers. */
enum { CH_YUAN_SIGN = 0x100, CH_YUAN_WORD, CH_SPACE };

static uint32_t fold(uint32_t c)
{
    if (c >= 0xFF10 && c <= 0xFF19)
        return '0' + (c - 0xFF10);
    switch (c) {
    case 0xFF0E: return '.';     /* ． */
    case 0x3002: return '.';     /* 。 typed for a point by mistake */
    case 0xFF0C: return ',';     /* ， */
    case 0xFF0D: return '-';     /* － */
    case 0x2212: return '-';     /* − */
    case 0xFF0B: return '+';     /* ＋ */
    case 0xFFE5: case 0x00A5: return CH_YUAN_SIGN;   /* ￥ ¥ */
    case 0x5143: return CH_YUAN_WORD;                /* 元 */
    case ' ': case '\t': case 0x3000: case 0x00A0: return CH_SPACE;
    default: return c;
    }
}

#define MAXC 128

/* The folded code points of s without leading/trailing spaces; -1 if
 * s is too long to be an amount. */
static int folded(const char *s, uint32_t *out)
{
    int n = 0;
    size_t len = strlen(s);
    while (len) {
        uint32_t c;
        size_t k = text_decode(s, len, &c);
        if (n == MAXC)
            return -1;
        out[n++] = fold(c);
        s += k;
        len -= k;
    }
    int a = 0;
    while (a < n && out[a] == CH_SPACE)
        a++;
    while (n > a && out[n - 1] == CH_SPACE)
        n--;
    if (a)
        memmove(out, out + a, (size_t)(n - a) * sizeof *out);
    return n - a;
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Skips spaces from i; returns the new index. */
static int skip_spaces(const uint32_t *c, int i, int n)
{
    while (i < n && c[i] == CH_SPACE)
        i++;
    return i;
}

/* The number part [a, b): digits, groups, one point. */
static enum money_result number(const uint32_t *c, int a, int b,
                                int64_t *fen)
{
    if (a >= b)
        return MONEY_BAD_FORMAT;
    for (int i = a; i < b; i++)
        if (!is_digit(c[i]) && c[i] != ',' && c[i] != '.')
            return c[i] == CH_SPACE || c[i] == '-' || c[i] == '+' ||
                           c[i] == CH_YUAN_SIGN || c[i] == CH_YUAN_WORD
                       ? MONEY_BAD_FORMAT
                       : MONEY_NOT_NUMBER;
    int point = -1;
    for (int i = a; i < b; i++)
        if (c[i] == '.') {
            if (point >= 0)
                return MONEY_BAD_FORMAT;
            point = i;
        }
    int int_end = point >= 0 ? point : b;
    /* the fraction: one or two digits, no separators */
    int frac = 0, nfrac = 0;
    if (point >= 0) {
        for (int i = point + 1; i < b; i++) {
            if (c[i] == ',')
                return MONEY_BAD_FORMAT;
            nfrac++;
        }
        if (nfrac == 0)
            return MONEY_BAD_FORMAT;
        if (nfrac > 2)
            return MONEY_DECIMALS;
        for (int i = point + 1; i < b; i++)
            frac = frac * 10 + (int)(c[i] - '0');
        if (nfrac == 1)
            frac *= 10;
    }
    /* the integer part: groups of three after the first when separated */
    bool grouped = false;
    for (int i = a; i < int_end; i++)
        if (c[i] == ',')
            grouped = true;
    if (a == int_end && point < 0)
        return MONEY_BAD_FORMAT;
    if (grouped) {
        int run = 0, groups = 0;
        for (int i = a; i <= int_end; i++) {
            if (i == int_end || c[i] == ',') {
                if (run == 0 || run > 3 || (groups > 0 && run != 3))
                    return MONEY_GROUPING;
                groups++;
                run = 0;
            } else {
                run++;
            }
        }
    }
    int64_t yuan = 0;
    for (int i = a; i < int_end; i++) {
        if (c[i] == ',')
            continue;
        yuan = yuan * 10 + (int64_t)(c[i] - '0');
        if (yuan > MONEY_MAX_FEN / 100)
            return MONEY_OVERFLOW;
    }
    int64_t v = yuan * 100 + frac;
    if (v > MONEY_MAX_FEN)
        return MONEY_OVERFLOW;
    *fen = v;
    return MONEY_OK;
}

enum money_result rules_money_parse(const char *s, int64_t *fen)
{
    *fen = 0;
    if (!s)
        return MONEY_EMPTY;
    uint32_t c[MAXC];
    int n = folded(s, c);
    if (n < 0)
        return MONEY_OVERFLOW;
    if (n == 0)
        return MONEY_EMPTY;
    int a = 0, b = n;
    bool negative = false, sign = false, currency = false;
    /* leading sign and currency sign, in either order */
    for (int round = 0; round < 2; round++) {
        a = skip_spaces(c, a, b);
        if (a < b && (c[a] == '-' || c[a] == '+') && !sign) {
            sign = true;
            negative = c[a] == '-';
            a++;
        } else if (a < b && c[a] == CH_YUAN_SIGN && !currency) {
            currency = true;
            a++;
        }
    }
    a = skip_spaces(c, a, b);
    if (b > a && c[b - 1] == CH_YUAN_WORD) {
        b--;
        while (b > a && c[b - 1] == CH_SPACE)
            b--;
    }
    int64_t v = 0;
    enum money_result r = number(c, a, b, &v);
    if (r != MONEY_OK)
        return r;
    if (negative)
        return MONEY_NEGATIVE;
    *fen = v;
    return MONEY_OK;
}

const char *rules_money_message(enum money_result r)
{
    switch (r) {
    case MONEY_OK: return "";
    case MONEY_EMPTY: return "请填写金额";
    case MONEY_NEGATIVE: return "金额不能为负数";
    case MONEY_DECIMALS: return "金额最多两位小数（精确到分）";
    case MONEY_NOT_NUMBER: return "请用数字填写金额，如 500 或 500.50";
    case MONEY_BAD_FORMAT: return "金额格式不正确，应如 500、500.50 或 1,000";
    case MONEY_GROUPING: return "千位分隔符位置不对，应如 1,000 或 12,345.50";
    case MONEY_OVERFLOW: return "金额过大（不能超过 9,999,999,999.99 元）";
    }
    return "金额无效";
}

int rules_money_input(const char *s, bool required, const char *label,
                      int64_t *fen, zb_err *err)
{
    enum money_result r = rules_money_parse(s, fen);
    if (r == MONEY_OK || (r == MONEY_EMPTY && !required))
        return 0;
    if (label && *label)
        return zb_fail(err, "%s：%s", label, rules_money_message(r));
    return zb_fail(err, "%s", rules_money_message(r));
}

/* |fen| without overflow for INT64_MIN. */
static uint64_t magnitude(int64_t fen)
{
    return fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
}

/* Writes v with a comma every three digits. */
static void grouped(uint64_t v, char *out, size_t outsz)
{
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
    char buf[40];
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
    snprintf(out, outsz, "%s", buf);
}

void rules_money_plain(int64_t fen, char *out, size_t outsz)
{
    uint64_t m = magnitude(fen);
    snprintf(out, outsz, "%s%llu.%02u", fen < 0 ? "-" : "",
             (unsigned long long)(m / 100), (unsigned)(m % 100));
}

void rules_money_yuan(int64_t fen, char *out, size_t outsz)
{
    uint64_t m = magnitude(fen);
    char g[40];
    grouped(m / 100, g, sizeof g);
    snprintf(out, outsz, "%s%s.%02u 元", fen < 0 ? "-" : "", g,
             (unsigned)(m % 100));
}

void rules_money_wan(int64_t fen, char *out, size_t outsz)
{
    /* hundredths of 万元: units of 10,000 分, rounded half up */
    uint64_t m = magnitude(fen);
    uint64_t h = m / 10000 + (m % 10000 >= 5000 ? 1 : 0);
    char g[40];
    grouped(h / 100, g, sizeof g);
    snprintf(out, outsz, "%s%s.%02u 万元", fen < 0 && h ? "-" : "", g,
             (unsigned)(h % 100));
}

bool rules_money_add(int64_t a, int64_t b, int64_t *sum)
{
    if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
        return false;
    *sum = a + b;
    return true;
}
