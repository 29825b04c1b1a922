/* Pure rules of 三会一课: period windows, quorum, the six-month watch,
 * meeting times. No database. */
#ifndef ZB_RULES_MEETING_H
#define ZB_RULES_MEETING_H

#include <stdbool.h>
#include <stddef.h>

enum period_unit { PERIOD_MONTH = 1, PERIOD_QUARTER = 2, PERIOD_YEAR = 3 };

struct period_window {
    char from[11];   /* first day, YYYY-MM-DD */
    char to[11];     /* last day */
};

/* The calendar windows (months, quarters or years) that overlap
 * [from, to] (valid YYYY-MM-DD, from <= to), in order, unclipped: a
 * meeting on 2026-03-31 belongs to the window 2026-01-01..2026-03-31 of
 * PERIOD_QUARTER. Writes at most max; returns the total number. */
int rules_windows(const char *from, const char *to, enum period_unit unit,
                  struct period_window *out, int max);

/* The window of `unit` containing date. */
void rules_window_of(const char *date, enum period_unit unit,
                     struct period_window *out);

/* A period as people name it: "2026" (year), "2026H1"/"2026H2",
 * "2026Q1".."2026Q4", "2026-03" (month). Fills from/to; false if not
 * one of those. */
bool rules_period_parse(const char *spec, char from[11], char to[11]);

/* Chinese label of a window for lists: "2026年3月", "2026年第1季度",
 * "2026年". */
void rules_window_label(const struct period_window *w, enum period_unit unit,
                        char *out, size_t outsz);

/* A vote may be held: more than half of the 正式党员 (who have a vote)
 * are present. 预备党员 do not count either way. */
bool rules_quorum(int full_expected, int full_present);

/* Months since the last organisational life: 0 fine, 1 warn (>= 3
 * months), 2 flag (>= 6 months, 党章 art. 9). */
int rules_watch_level(int months);

/* Attendance rate in per mille (0..1000), -1 if nothing was due. */
int rules_rate_permille(int attended, int due);

/* "HH:MM" 00:00..23:59 (also accepts "H:MM" and "HHMM", normalizing into
 * out[6]); false otherwise. */
bool rules_time_normalize(const char *s, char out[6]);

#endif
