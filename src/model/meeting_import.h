/* What the CSV import of meetings and rolls (src/io/import_meetings.c)
 * needs of the meeting model beyond meeting.h and attendance.h: finding
 * a meeting by what a file says of it, and writing a roll row as the
 * file has it (state, category and organisation then, reason, make-up,
 * who marked it), keeping member.last_attended right; the tally
 * triggers see every write. All part of the caller's transaction. */
#ifndef ZB_MODEL_MEETING_IMPORT_H
#define ZB_MODEL_MEETING_IMPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "model/member.h"

/* The meeting of org_id on date of kind, with start_time and topic
 * when they are not NULL: *id, 0 if none, -2 if several. */
int meeting_find(db *d, int64_t org_id, const char *date, int kind,
                 const char *start_time, const char *topic, int64_t *id,
                 zb_err *err);

struct att_import {
    int64_t member_id;     /* 0: a guest by name */
    char name[MEMBER_NAME_CHARS * 4 + 1];   /* a guest by name */
    int state;             /* ATT_*; ATT_GUEST for every guest row */
    int category;          /* member rows: 1 正式, 2 预备; 0 = as stored,
                              for a new row as on the meeting date */
    int64_t org_id;        /* the organisation then, 0 = none; -1 = as
                              stored, for a new row the member's */
    /* NULL = as stored ("" for a new row); reason and make-up only
     * stay on a 请假 row */
    const char *reason, *makeup_date, *marked_by;
};

enum att_import_result { ATTI_ADDED, ATTI_UPDATED, ATTI_SAME };

/* Makes the meeting's row of r->member_id (or the guest r->name) say
 * what r says, adding it when missing. A member row where the roll has
 * a guest row (or the other way round) is turned into what r says.
 * *result tells what happened: ATTI_ADDED also for an expected row
 * nobody had marked yet (version 1, 未签到). */
int attendance_import_row(db *d, int64_t meeting_id,
                          const struct att_import *r, int *result,
                          zb_err *err);

/* Removes the meeting's unmarked (未签到) member rows whose member is
 * not in keep (sorted ascending): the file's roll stands for the whole
 * roll. *removed counts them. */
int attendance_import_prune(db *d, int64_t meeting_id, const int64_t *keep,
                            long nkeep, long *removed, zb_err *err);

#endif
