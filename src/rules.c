#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- small helpers ---- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* s without surrounding ASCII blanks: start pointer and length. */
static const char *trim(const char *s, size_t *len)
{
    if (!s) {
        *len = 0;
        return "";
    }
    while (is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_space(s[n - 1]))
        n--;
    *len = n;
    return s;
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Number of UTF-8 characters in s[0, n). */
static size_t utf8_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            k++;
    return k;
}

/* ---- calendar ---- */

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

static bool ymd_exists(int y, int m, int d)
{
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* YYYY-MM-DD of any year that exists; ages and spans need years the
 * strict input check refuses (an ID number may say 1880). */
static bool parse_iso(const char *s, int *y, int *m, int *d)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !is_digit(s[i]))
            return false;
    *y = num(s, 4);
    *m = num(s + 5, 2);
    *d = num(s + 8, 2);
    return ymd_exists(*y, *m, *d);
}

/* The well-known era/day-of-era computation. */
long rules_day_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* YYYY-MM-DD by hand: snprintf cannot prove to the compiler that the
 * fields fit. Callers pass a date that exists. */
static void fmt_ymd(char out[11], int y, int m, int d)
{
    const int v[3] = { y, m, d }, w[3] = { 4, 2, 2 };
    char *p = out;
    for (int f = 0; f < 3; f++) {
        int x = v[f];
        for (int i = w[f] - 1; i >= 0; i--) {
            p[i] = (char)('0' + x % 10);
            x /= 10;
        }
        p += w[f];
        *p++ = f < 2 ? '-' : '\0';
    }
}

static int ymd_cmp(int y1, int m1, int d1, int y2, int m2, int d2)
{
    long a = y1 * 10000L + m1 * 100 + d1, b = y2 * 10000L + m2 * 100 + d2;
    return a < b ? -1 : a > b;
}

bool rules_date_valid(const char *s)
{
    int y, m, d;
    return parse_iso(s, &y, &m, &d) && y >= 1900 && y <= 2100;
}

/* Reads 1..maxd ASCII digits at *p, advancing it. */
static bool read_num(const char **p, const char *end, int maxd, int *v)
{
    int n = 0;
    *v = 0;
    while (*p < end && is_digit(**p) && n < maxd) {
        *v = *v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n > 0 && !(*p < end && is_digit(**p));
}

static bool eat(const char **p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(end - *p) < n || memcmp(*p, lit, n) != 0)
        return false;
    *p += n;
    return true;
}

/* Full-width digits and separators (typed with a Chinese input method)
 * to ASCII, into out (at most outsz-1 bytes). */
static size_t fold_fullwidth(const char *s, size_t n, char *out, size_t outsz)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < outsz;) {
        const unsigned char *u = (const unsigned char *)s + i;
        /* U+FF0D..U+FF19 is EF BC 8D..99: － ． ／ ０..９ */
        if (n - i >= 3 && u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x8d &&
            u[2] <= 0x99) {
            out[k++] = (char)(u[2] - 0x8d + '-');
            i += 3;
        } else {
            out[k++] = s[i++];
        }
    }
    out[k] = '\0';
    return k;
}

bool rules_date_normalize(const char *s, char out[11])
{
    size_t n;
    const char *t = trim(s, &n);
    char buf[64];
    if (n >= sizeof buf)
        return false;
    n = fold_fullwidth(t, n, buf, sizeof buf);
    const char *p = buf, *end = buf + n;
    int y, m, d;

    if (n == 8 && strspn(buf, "0123456789") == 8) {
        y = num(buf, 4);
        m = num(buf + 4, 2);
        d = num(buf + 6, 2);
    } else {
        if (!read_num(&p, end, 4, &y) || p - buf != 4)
            return false;
        if (eat(&p, end, "年")) {
            if (!read_num(&p, end, 2, &m) || !eat(&p, end, "月") ||
                !read_num(&p, end, 2, &d))
                return false;
            eat(&p, end, "日");
        } else {
            if (p >= end || (*p != '-' && *p != '/' && *p != '.'))
                return false;
            char sep = *p++;
            if (!read_num(&p, end, 2, &m) || p >= end || *p++ != sep ||
                !read_num(&p, end, 2, &d))
                return false;
        }
        if (p != end)
            return false;
    }
    if (!ymd_exists(y, m, d) || y < 1900 || y > 2100)
        return false;
    fmt_ymd(out, y, m, d);
    return true;
}

const char *rules_today(char out[11])
{
    const char *env = getenv("ZHIBU_TODAY");
    if (env && rules_date_valid(env)) {
        memcpy(out, env, 11);
        return out;
    }
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm)) {
        memcpy(out, "1970-01-01", 11);
        return out;
    }
    fmt_ymd(out, (tm.tm_year + 1900) % 10000, tm.tm_mon + 1, tm.tm_mday);
    return out;
}

int rules_age(const char *birth, const char *today)
{
    int by, bm, bd, ty, tm, td;
    if (!parse_iso(birth, &by, &bm, &bd) || !parse_iso(today, &ty, &tm, &td))
        return -1;
    if (ymd_cmp(by, bm, bd, ty, tm, td) > 0)
        return -1;
    /* Born on 29 February: a year older on 1 March in common years. */
    return ty - by - (tm < bm || (tm == bm && td < bd));
}

long rules_days_between(const char *a, const char *b)
{
    int ay, am, ad, by, bm, bd;
    if (!parse_iso(a, &ay, &am, &ad) || !parse_iso(b, &by, &bm, &bd))
        return 0;
    return rules_day_from_civil(by, bm, bd) - rules_day_from_civil(ay, am, ad);
}

int rules_months_between(const char *a, const char *b)
{
    int ay, am, ad, by, bm, bd;
    if (!parse_iso(a, &ay, &am, &ad) || !parse_iso(b, &by, &bm, &bd))
        return 0;
    if (ymd_cmp(ay, am, ad, by, bm, bd) > 0)
        return -rules_months_between(b, a);
    /* A month is complete when the day of the month is reached again:
     * 01-31 -> 02-28 is not yet one month. */
    return (by - ay) * 12 + (bm - am) - (bd < ad);
}

/* Does a term starting on start begin before one ending on end is over?
 * ISO dates compare as strings, as the database compares them. */
static bool starts_before_end(const char *start, const char *end,
                              bool touching_ok)
{
    if (!start || !*start || !end || !*end)
        return true;
    int c = strcmp(start, end);
    return touching_ok ? c < 0 : c <= 0;
}

bool rules_terms_overlap(const char *s1, const char *e1, const char *s2,
                         const char *e2, bool touching_ok)
{
    return starts_before_end(s1, e2, touching_ok) &&
           starts_before_end(s2, e1, touching_ok);
}

/* ---- ID numbers (GB 11643) ---- */

char rules_idnum_checkchar(const char *first17)
{
    static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3,
                               7, 9, 10, 5, 8, 4, 2 };
    if (!first17)
        return '\0';
    int sum = 0;
    for (int i = 0; i < 17; i++) {
        if (!is_digit(first17[i]))
            return '\0';
        sum += (first17[i] - '0') * w[i];
    }
    return "10X98765432"[sum % 11];
}

/* Position (0-based) of the first character not allowed in an ID number
 * of n bytes, or -1. */
static int bad_char_at(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bool last18 = n == 18 && i == 17;
        if (!is_digit(s[i]) && !(last18 && (s[i] == 'X' || s[i] == 'x')))
            return (int)i;
    }
    return -1;
}

/* The 18-character form of a 15- or 18-character number whose
 * characters are already known to be valid. */
static void to18(const char *s, size_t n, char out[19])
{
    if (n == 18) {
        memcpy(out, s, 18);
        if (out[17] == 'x')
            out[17] = 'X';
    } else {
        memcpy(out, s, 6);
        out[6] = '1';
        out[7] = '9';
        memcpy(out + 8, s + 6, 9);
        out[17] = rules_idnum_checkchar(out);
    }
    out[18] = '\0';
}

enum idnum_result rules_idnum_check(const char *s, const char *today,
                                    struct idnum_info *info)
{
    size_t n;
    const char *t = trim(s, &n);
    if (n == 0)
        return IDNUM_EMPTY;
    size_t chars = utf8_chars(t, n);
    if (chars != 18 && chars != 15)
        return IDNUM_BAD_LENGTH;
    if (chars != n || bad_char_at(t, n) >= 0)
        return IDNUM_BAD_CHAR;

    char id[19];
    to18(t, n, id);
    int y = num(id + 6, 4), m = num(id + 10, 2), d = num(id + 12, 2);
    char now[11];
    int ty, tm, td;
    if (!today || !parse_iso(today, &ty, &tm, &td))
        parse_iso(rules_today(now), &ty, &tm, &td);
    if (y < 1800 || !ymd_exists(y, m, d) || ymd_cmp(y, m, d, ty, tm, td) > 0)
        return IDNUM_BAD_DATE;
    if (n == 18 && rules_idnum_checkchar(id) != id[17])
        return IDNUM_BAD_CHECKSUM;

    if (info) {
        memcpy(info->normalized, id, sizeof info->normalized);
        fmt_ymd(info->birth, y, m, d);
        info->gender = (id[16] - '0') % 2 ? 1 : 2;
    }
    return IDNUM_OK;
}

void rules_idnum_message(enum idnum_result r, const char *s, char *out,
                         size_t outsz)
{
    if (!out || outsz == 0)
        return;
    size_t n;
    const char *t = trim(s, &n);
    int bad;
    switch (r) {
    case IDNUM_OK:
        snprintf(out, outsz, "%s", "");
        break;
    case IDNUM_EMPTY:
        snprintf(out, outsz, "公民身份号码不能为空");
        break;
    case IDNUM_BAD_LENGTH:
        snprintf(out, outsz, "公民身份号码应为 18 位（当前 %zu 位）",
                 utf8_chars(t, n));
        break;
    case IDNUM_BAD_CHAR:
        bad = bad_char_at(t, n);
        /* bytes and characters agree up to the first non-ASCII byte */
        if (bad >= 0)
            snprintf(out, outsz, "公民身份号码含有非法字符（第 %d 位）",
                     (int)utf8_chars(t, (size_t)bad) + 1);
        else
            snprintf(out, outsz, "公民身份号码含有非法字符");
        break;
    case IDNUM_BAD_DATE:
        snprintf(out, outsz, "公民身份号码中的出生日期无效");
        break;
    case IDNUM_BAD_CHECKSUM: {
        char c = n == 18 ? rules_idnum_checkchar(t) : '\0';
        if (c)
            snprintf(out, outsz,
                     "公民身份号码校验位错误：最后一位应为 %c", c);
        else
            snprintf(out, outsz, "公民身份号码校验位错误");
        break;
    }
    default:
        snprintf(out, outsz, "公民身份号码无效");
        break;
    }
}

void rules_mask_idnum(const char *s, char *out, size_t outsz)
{
    if (!out || outsz == 0)
        return;
    out[0] = '\0';
    if (!s)
        return;
    size_t bytes = strlen(s), chars = utf8_chars(s, bytes);
    size_t keep = chars >= 18 ? 4 : chars / 4;
    size_t k = 0, ci = 0;
    for (size_t i = 0; i < bytes; ci++) {
        size_t clen = 1;
        while (i + clen < bytes && ((unsigned char)s[i + clen] & 0xc0) == 0x80)
            clen++;
        bool shown = ci < keep || ci >= chars - keep;
        size_t need = shown ? clen : 1;
        if (k + need >= outsz)
            break;
        if (shown)
            memcpy(out + k, s + i, clen);
        else
            out[k] = '*';
        k += need;
        i += clen;
    }
    out[k] = '\0';
}

/* ---- phones ---- */

size_t rules_digits(const char *s, char *out, size_t outsz)
{
    size_t k = 0;
    if (!out || outsz == 0)
        return 0;
    for (; s && *s && k + 1 < outsz; s++)
        if (is_digit(*s))
            out[k++] = *s;
    out[k] = '\0';
    return k;
}

static bool is_sep(char c)
{
    return c == ' ' || c == '-';
}

/* Digits of s[0, n) with single spaces or dashes allowed between them
 * (not leading, trailing or doubled). Returns the digit count, or -1. */
static int grouped_digits(const char *s, size_t n, char *out, size_t outsz)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_digit(s[i])) {
            if (k + 1 >= outsz)
                return -1;
            out[k++] = s[i];
        } else if (is_sep(s[i]) && i > 0 && i + 1 < n && is_digit(s[i - 1]) &&
                   is_digit(s[i + 1])) {
            continue;
        } else {
            return -1;
        }
    }
    out[k] = '\0';
    return (int)k;
}

static bool mobile_valid(const char *s, size_t n)
{
    if (n >= 3 && memcmp(s, "+86", 3) == 0) {
        s += 3;
        n -= 3;
        if (n > 0 && is_sep(*s)) {
            s++;
            n--;
        }
    }
    char d[32];
    int k = grouped_digits(s, n, d, sizeof d);
    const char *m = d;
    if (k == 13 && d[0] == '8' && d[1] == '6') {
        m += 2;
        k -= 2;
    }
    return k == 11 && m[0] == '1' && m[1] >= '3' && m[1] <= '9';
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i]))
            return false;
    return n > 0;
}

/* Local number: 7 or 8 digits. */
static bool local_valid(const char *s, size_t n)
{
    return (n == 7 || n == 8) && all_digits(s, n);
}

/* [area code][-| ]local, with the area code optionally in
 * parentheses. */
static bool landline_main_valid(const char *s, size_t n)
{
    if (local_valid(s, n))
        return true;
    size_t open = 0;
    if (n > 0 && s[0] == '(')
        open = 1;
    for (size_t alen = 3; alen <= 4; alen++) {
        if (open + alen > n || s[open] != '0' ||
            !all_digits(s + open, alen) || s[open + 1] == '0')
            continue;
        size_t i = open + alen;
        if (open) {
            if (i >= n || s[i] != ')')
                continue;
            i++;
        }
        if (i < n && is_sep(s[i]))
            i++;
        if (local_valid(s + i, n - i))
            return true;
    }
    return false;
}

static bool landline_valid(const char *s, size_t n)
{
    /* Split off an extension: "-123" or "转123" (the last one). */
    for (size_t i = n; i-- > 0;) {
        size_t seplen = 0;
        if (s[i] == '-')
            seplen = 1;
        else if (n - i >= 3 && memcmp(s + i, "转", 3) == 0)
            seplen = 3;
        if (!seplen)
            continue;
        size_t elen = n - i - seplen;
        if (elen >= 1 && elen <= 6 && all_digits(s + i + seplen, elen) &&
            landline_main_valid(s, i))
            return true;
        break;
    }
    return landline_main_valid(s, n);
}

bool rules_phone_valid(const char *s)
{
    size_t n;
    const char *t = trim(s, &n);
    if (n == 0)
        return false;
    return mobile_valid(t, n) || landline_valid(t, n);
}

void rules_civil_from_day(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

void rules_day_format(long z, char out[11])
{
    int y, m, d;
    rules_civil_from_day(z, &y, &m, &d);
    /* %u with modulo: the compiler can then prove the fields fit */
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u, (unsigned)d % 100u);
}
