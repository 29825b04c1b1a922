/* Pure rules of 三会一课: calendar windows, quorum, the six-month watch,
 * meeting times. */
#include "rules_meeting.h"

#include <stdio.h>
#include <string.h>

#include "rules.h"

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int num(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static void fmt(char out[11], int y, int m, int d)
{
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u, (unsigned)d % 100u);
}

/* First month of the window of `unit` that holds month m. */
static int first_month(int m, enum period_unit unit)
{
    return unit == PERIOD_MONTH ? m : unit == PERIOD_QUARTER
                                          ? (m - 1) / 3 * 3 + 1 : 1;
}

static int span(enum period_unit unit)
{
    return unit == PERIOD_MONTH ? 1 : unit == PERIOD_QUARTER ? 3 : 12;
}

static void window_at(int y, int m, enum period_unit unit,
                      struct period_window *w)
{
    int last = m + span(unit) - 1;
    fmt(w->from, y, m, 1);
    fmt(w->to, y, last, month_days(y, last));
}

void rules_window_of(const char *date, enum period_unit unit,
                     struct period_window *out)
{
    int y = num(date, 4), m = num(date + 5, 2);
    window_at(y, first_month(m, unit), unit, out);
}

int rules_windows(const char *from, const char *to, enum period_unit unit,
                  struct period_window *out, int max)
{
    if (!rules_date_valid(from) || !rules_date_valid(to) ||
        strcmp(from, to) > 0)
        return 0;
    int y = num(from, 4), m = first_month(num(from + 5, 2), unit);
    int ty = num(to, 4), tm = num(to + 5, 2);
    int n = 0;
    while (y < ty || (y == ty && m <= tm)) {
        if (n < max)
            window_at(y, m, unit, &out[n]);
        n++;
        m += span(unit);
        if (m > 12) {
            m -= 12;
            y++;
        }
    }
    return n;
}

bool rules_period_parse(const char *spec, char from[11], char to[11])
{
    if (!spec)
        return false;
    size_t n = strlen(spec);
    if (n < 4 || !digits(spec, 4))
        return false;
    int y = num(spec, 4);
    if (y < 1900 || y > 2100)
        return false;
    int m0, m1;
    if (n == 4) {
        m0 = 1;
        m1 = 12;
    } else if (n == 6 && (spec[4] == 'H' || spec[4] == 'h') &&
               (spec[5] == '1' || spec[5] == '2')) {
        m0 = spec[5] == '1' ? 1 : 7;
        m1 = m0 + 5;
    } else if (n == 6 && (spec[4] == 'Q' || spec[4] == 'q') &&
               spec[5] >= '1' && spec[5] <= '4') {
        m0 = (spec[5] - '1') * 3 + 1;
        m1 = m0 + 2;
    } else if (n == 7 && spec[4] == '-' && digits(spec + 5, 2) &&
               num(spec + 5, 2) >= 1 && num(spec + 5, 2) <= 12) {
        m0 = m1 = num(spec + 5, 2);
    } else {
        return false;
    }
    fmt(from, y, m0, 1);
    fmt(to, y, m1, month_days(y, m1));
    return true;
}

void rules_window_label(const struct period_window *w, enum period_unit unit,
                        char *out, size_t outsz)
{
    int y = num(w->from, 4), m = num(w->from + 5, 2);
    if (unit == PERIOD_MONTH)
        snprintf(out, outsz, "%d年%d月", y, m);
    else if (unit == PERIOD_QUARTER)
        snprintf(out, outsz, "%d年第%d季度", y, (m - 1) / 3 + 1);
    else
        snprintf(out, outsz, "%d年", y);
}

bool rules_quorum(int full_expected, int full_present)
{
    return full_expected > 0 && full_present > 0 &&
           (long)full_present * 2 > (long)full_expected;
}

int rules_watch_level(int months)
{
    return months >= 6 ? 2 : months >= 3 ? 1 : 0;
}

int rules_rate_permille(int attended, int due)
{
    if (due <= 0)
        return -1;
    if (attended <= 0)
        return 0;
    if (attended >= due)
        return 1000;
    return (int)(((long)attended * 1000 + due / 2) / due);
}

bool rules_time_normalize(const char *s, char out[6])
{
    if (!s)
        return false;
    while (*s == ' ')
        s++;
    char buf[16];
    size_t n = 0;
    /* a full-width colon (U+FF1A) is what a Chinese IME types */
    for (; *s && n < sizeof buf - 1; s++) {
        if (strncmp(s, "\xef\xbc\x9a", 3) == 0) {
            buf[n++] = ':';
            s += 2;
        } else {
            buf[n++] = *s;
        }
    }
    if (*s)
        return false;
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    int h, m;
    if (n == 5 && buf[2] == ':' && digits(buf, 2) && digits(buf + 3, 2)) {
        h = num(buf, 2);
        m = num(buf + 3, 2);
    } else if (n == 4 && buf[1] == ':' && digits(buf, 1) &&
               digits(buf + 2, 2)) {
        h = num(buf, 1);
        m = num(buf + 2, 2);
    } else if (n == 4 && digits(buf, 4)) {
        h = num(buf, 2);
        m = num(buf + 2, 2);
    } else {
        return false;
    }
    if (h > 23 || m > 59)
        return false;
    snprintf(out, 6, "%02u:%02u", (unsigned)h % 100u, (unsigned)m % 100u);
    return true;
}
