/* Internal to the meeting model (meeting.c, attendance.c, watch.c,
 * compliance.c, demo_meetings.c): what they share. Not for other
 * modules. */
#ifndef ZB_MODEL_MEETING_INT_H
#define ZB_MODEL_MEETING_INT_H

#include <stdint.h>

#include "db.h"

/* Organisations of the subtree rooted at the organisation bound to ?1
 * (itself included), as a CTE named sub(id). UNION: a parent cycle
 * cannot loop. */
#define SUBTREE_CTE \
    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION" \
    " SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id) "

/* A member's reference date for the watch list. Textually identical to
 * the expression of the index member_watch (src/db_schema_v2.c). */
#define WATCH_REF \
    "(CASE WHEN last_attended <> '' THEN last_attended" \
    " WHEN join_date <> '' THEN join_date" \
    " ELSE substr(created_at, 1, 10) END)"

/* member.last_attended of the members present (出席 / 迟到) at a
 * meeting, recomputed from their rolls (after the meeting's date
 * changed or it was deleted: call before deleting). */
int att_recompute_meeting(db *d, int64_t meeting_id, zb_err *err);

/* Makes the roll match a changed meeting: unmarked member rows that are
 * no longer expected go, then attendance_prepare. */
int att_refresh_roll(db *d, int64_t meeting_id, zb_err *err);

/* "YYYY-MM-DD" months before date (the day clamped to the month's
 * length): a date a is at least `months` whole months before `date`
 * (rules_months_between(a, date) >= months) iff a <= the result. */
void att_months_back(const char *date, int months, char out[11]);

#endif
