/* The roll of a meeting (考勤). The expected attendees are written onto
 * the roll (state ATT_NONE) when the meeting is saved or its roll opened,
 * so a roll stays as it was even after members move. Every mark is its
 * own committed transaction; marks are compare-and-set so that two
 * people marking the same meeting never overwrite each other silently. */
#ifndef ZB_MODEL_ATTENDANCE_H
#define ZB_MODEL_ATTENDANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "model/member.h"

enum att_state {
    ATT_NONE = 0,      /* 未签到 */
    ATT_PRESENT = 1,   /* 出席 */
    ATT_LATE = 2,      /* 迟到 */
    ATT_LEAVE = 3,     /* 请假 */
    ATT_ABSENT = 4,    /* 缺席 */
    ATT_GUEST = 5      /* 列席 (not an expected member) */
};

/* Adds every expected attendee missing from the roll: the meeting
 * organisation's members on the meeting date — for a 党小组 its own
 * members; for any other organisation the members of it and of its whole
 * subtree (a 支部 meeting includes its 党小组). A member is expected if
 * joined on or before the date, not left before it, and not 停止党籍.
 * A 支部委员会 expects only the holders of the organisation's committee
 * posts (书记 … 委员, org_post) on the date, when any are recorded.
 * Idempotent. Part of the caller's transaction if one is open. */
int attendance_prepare(db *d, int64_t meeting_id, zb_err *err);

struct att_row {
    int64_t id;                  /* attendance row id */
    int64_t member_id;           /* 0 for a guest without a record */
    char name[MEMBER_NAME_CHARS * 4 + 1];
    char member_no[16];
    char group_name[128];        /* the member's organisation */
    int category;                /* CATEGORY_* (0 for guests) */
    int state;                   /* ATT_* */
    char reason[128];            /* 请假 reason */
    int64_t version;             /* bumps on every change */
    char marked_by[64];
};

/* The roll in a stable order: expected members by their organisation
 * (tree order), then name pinyin; guests last. filter as in members. */
int attendance_count(db *d, int64_t meeting_id, const char *filter,
                     long *n, zb_err *err);
int attendance_window(db *d, int64_t meeting_id, const char *filter,
                      long offset, int limit, struct att_row *rows,
                      int *nrows, zb_err *err);
int attendance_position(db *d, int64_t meeting_id, const char *filter,
                        int64_t row_id, long *pos, zb_err *err);
int attendance_get(db *d, int64_t row_id, struct att_row *out, zb_err *err);

enum att_mark_result { ATT_MARKED = 0, ATT_CONFLICT = 1 };

/* Sets row_id's state if its version is still `version` (what the screen
 * showed). Returns ATT_MARKED, or ATT_CONFLICT with *current filled (the
 * row as another user left it; nothing changed), or -1 with err
 * ("会议日期在今天之后，不能登记出席" for present/late on a future meeting).
 * One committed transaction (synchronous=FULL): once this returns, a
 * power cut does not take the mark back. */
int attendance_mark(db *d, int64_t row_id, int64_t version, int state,
                    const char *reason, struct att_row *current,
                    zb_err *err);

/* Marks every ATT_NONE row of the meeting as state; *n = rows changed. */
int attendance_mark_all(db *d, int64_t meeting_id, int state, long *n,
                        zb_err *err);

/* Adds a 列席 row: a member not expected (member_id != 0) or a person by
 * name (member_id == 0). Refuses a member already on the roll. Sets
 * *row_id. */
int attendance_add_guest(db *d, int64_t meeting_id, int64_t member_id,
                         const char *name, int64_t *row_id, zb_err *err);

struct att_totals {
    int expected;       /* 应到: member rows that are not guests */
    int present;        /* 出席 */
    int late;           /* 迟到 */
    int leave;          /* 请假 */
    int absent;         /* 缺席 */
    int unmarked;
    int guests;         /* 列席 */
    int full_expected;  /* 正式党员 expected (have a vote) */
    int full_present;   /* 正式党员 出席 + 迟到 */
};
int attendance_totals(db *d, int64_t meeting_id, struct att_totals *t,
                      zb_err *err);

/* Scan mode lookup among the meeting's roll: an exact member number
 * first, then an exact name, then pinyin initials or a name substring.
 * Fills up to max row ids; *n = matches (may exceed max). If nothing on
 * the roll matches but a member number or exact name matches a member
 * who is not on it, *outsider gets that member's id (else 0). */
int attendance_find(db *d, int64_t meeting_id, const char *input,
                    int64_t *row_ids, int max, int *n, int64_t *outsider,
                    zb_err *err);

/* ---- per member ---- */

struct att_history_row {
    int64_t meeting_id;
    char date[11];
    int kind;
    char org_name[128];
    char topic[404];
    int state;
};
/* A member's attendance, newest first (windowed). */
int attendance_history_count(db *d, int64_t member_id, const char *from,
                             const char *to, long *n, zb_err *err);
int attendance_history_window(db *d, int64_t member_id, const char *from,
                              const char *to, long offset, int limit,
                              struct att_history_row *rows, int *nrows,
                              zb_err *err);
/* Rate over a period: attended (出席+迟到) / (rows - 请假 - unmarked);
 * *attended, *leave, *absent, *total filled. */
int attendance_rate(db *d, int64_t member_id, const char *from,
                    const char *to, int *attended, int *leave, int *absent,
                    int *total, zb_err *err);

/* ---- watch list (党章 art. 9: six months) ---- */

struct watch_row {
    int64_t member_id;
    char name[MEMBER_NAME_CHARS * 4 + 1];
    char member_no[16];
    char org_name[128];
    char last_attended[11];   /* "" = never */
    int months;               /* since last attended (or since joining) */
    int leave_count;          /* 请假 in the last 12 months */
    int makeup_owed;          /* 请假 without 补课 recorded */
    int level;                /* 0 fine, 1 warn (>= 3 months), 2 flag (>= 6) */
};
/* Members of root_org's subtree (0 = all) with level >= min_level (or
 * makeup owed), most months first; windowed. Uses a stored
 * member.last_attended kept up to date by attendance_mark. */
int watch_count(db *d, int64_t root_org, const char *today, int min_level,
                long *n, zb_err *err);
int watch_window(db *d, int64_t root_org, const char *today, int min_level,
                 long offset, int limit, struct watch_row *rows, int *nrows,
                 zb_err *err);
/* Members at level >= level only (make-ups owed not counted): one
 * indexed count, cheap enough for a start screen. */
int watch_count_level(db *d, int64_t root_org, const char *today, int level,
                      long *n, zb_err *err);
/* Records a make-up (补课) for a 请假 row. */
int attendance_makeup(db *d, int64_t row_id, const char *date, zb_err *err);

#endif
