/* Demo meetings (三会一课) and their rolls, for the demo database. */
#ifndef ZB_MODEL_DEMO_MEETINGS_H
#define ZB_MODEL_DEMO_MEETINGS_H

#include <stdint.h>

#include "db.h"

struct demo_meeting_counts {
    long meetings;
    long rows;        /* attendance rows */
};

/* For every organisation the 三会一课 rules apply to, the meetings of the
 * `months` calendar months up to and including the current one
 * (rules_today()): monthly 主题党日 (Monday of the last week) and
 * 支部委员会, quarterly 支部党员大会 and 党课, 组织生活会 in December,
 * 民主评议党员 in January; monthly 党小组会 per 党小组. Some
 * organisations skip some of them (gaps for the compliance view). Rolls
 * follow attendance_prepare's rule; past meetings are marked (about 85%
 * 出席, 4% 迟到, 6% 请假 with reasons and mostly a 补课, 5% 缺席; a few
 * members never come, some stopped coming months ago), meetings from
 * today on are not. Fills member.last_attended. Deterministic for a seed.
 * Part of the caller's transaction; expects the members in place. */
int demo_meetings(db *d, int months, uint64_t seed,
                  struct demo_meeting_counts *out, zb_err *err);

#endif
