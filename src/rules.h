/* Domain rules as pure functions: ID number checksum (GB 11643), phone
 * formats, calendar dates, ages, masking. No I/O, no database. */
#ifndef ZB_RULES_H
#define ZB_RULES_H

#include <stdbool.h>
#include <stddef.h>

enum idnum_result {
    IDNUM_OK,
    IDNUM_EMPTY,
    IDNUM_BAD_LENGTH,    /* not 18 (or 15) characters */
    IDNUM_BAD_CHAR,      /* non-digit, or X anywhere but last */
    IDNUM_BAD_DATE,      /* birth date part not a real date, or future */
    IDNUM_BAD_CHECKSUM
};

struct idnum_info {
    char birth[11];      /* YYYY-MM-DD */
    int gender;          /* 1 male (odd sequence), 2 female (even) */
    char normalized[19]; /* 18 characters, upper-case X; a 15-digit
                            number converted to 18 */
};

/* The check character for the first 17 digits ('0'..'9' or 'X'). */
char rules_idnum_checkchar(const char *first17);
/* Validates s (18 chars, or the old 15 digits; lower-case x accepted).
 * Fills info on IDNUM_OK (info may be NULL). `today` is YYYY-MM-DD. */
enum idnum_result rules_idnum_check(const char *s, const char *today,
                                    struct idnum_info *info);
/* Chinese message for a result ("公民身份号码校验位错误，应为 X" etc.);
 * for IDNUM_BAD_CHECKSUM it names the expected check character. */
void rules_idnum_message(enum idnum_result r, const char *s, char *out,
                         size_t outsz);

/* Mainland phone: mobile 1[3-9] + 9 digits (optionally "+86"/"86"
 * prefixed, spaces or dashes between groups), or landline: optional
 * area code 0 + 2..3 digits, then 7..8 digits, optional extension
 * "-1..6 digits" (also "转"). Empty is not valid (callers decide whether
 * the field is required). */
bool rules_phone_valid(const char *s);
/* Just the digits of s into out; returns count. */
size_t rules_digits(const char *s, char *out, size_t outsz);

/* Strict ISO date YYYY-MM-DD that exists in the Gregorian calendar,
 * years 1900..2100. */
bool rules_date_valid(const char *s);
/* Lenient input forms people type: 2021-07-01, 2021-7-1, 2021/7/1,
 * 2021.7.1, 2021年7月1日, 20210701. Writes YYYY-MM-DD into out (11
 * bytes) and returns true if s is one of those and a real date. */
bool rules_date_normalize(const char *s, char out[11]);
/* Today's date as YYYY-MM-DD (local time). The environment variable
 * ZHIBU_TODAY=YYYY-MM-DD overrides it (tests use it for determinism). */
const char *rules_today(char out[11]);
/* Full years between birth and today (both YYYY-MM-DD); -1 if either
 * is invalid. */
int rules_age(const char *birth, const char *today);
/* Days from a to b (b - a), both valid YYYY-MM-DD. */
long rules_days_between(const char *a, const char *b);
/* Whole months from a to b (b - a, floor), both valid YYYY-MM-DD. */
int rules_months_between(const char *a, const char *b);

/* Whether two terms of office [s1, e1] and [s2, e2] (YYYY-MM-DD) share
 * a day. "" (or NULL) start = since ever, "" end = still in office.
 * touching_ok: a term may begin on the day the other ended (that day
 * is not shared); otherwise both end days count. */
bool rules_terms_overlap(const char *s1, const char *e1, const char *s2,
                         const char *e2, bool touching_ok);

/* Day numbers (days since 1970-01-01, proleptic Gregorian) for date
 * arithmetic, and back; rules_day_format writes YYYY-MM-DD. */
long rules_day_from_civil(int y, int m, int d);
void rules_civil_from_day(long z, int *y, int *m, int *d);
void rules_day_format(long z, char out[11]);

/* "11010519491231002X" -> "1101**********002X" (first 4, last 4 kept);
 * shorter inputs keep first and last quarter. */
void rules_mask_idnum(const char *s, char *out, size_t outsz);

#endif
