/* Whole tables in a stable order for the CSV export (src/io/export.c):
 * one statement each, rows handed to a callback. Members come from
 * member_each (model/member.h). */
#ifndef ZB_MODEL_EXPORT_ROWS_H
#define ZB_MODEL_EXPORT_ROWS_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "model/meeting.h"
#include "model/member.h"

struct export_meeting {
    meeting m;
    int expected;     /* 应到: member rows on the roll */
    int present;      /* 实到: 出席 + 迟到 */
    int leave;        /* 请假 */
    int absent;       /* 缺席 */
    int guests;       /* 列席 */
};

/* Every meeting, oldest first (date, start time, id). fn's non-zero
 * return stops the walk and is returned. */
int export_rows_meetings(db *d,
                         int (*fn)(void *ctx, const struct export_meeting *r),
                         void *ctx, zb_err *err);

struct export_att {
    int64_t meeting_id;
    char date[11];
    int kind;                       /* MK_* */
    char topic[MEETING_TOPIC_CHARS * 4 + 1];
    int64_t meeting_org;
    char member_no[16];             /* "" for a guest without a record */
    char name[MEMBER_NAME_CHARS * 4 + 1];
    char id_number[24];             /* "" for a guest without a record */
    int64_t org_id;                 /* the member's organisation then */
    int category;                   /* as on the meeting date */
    int state;                      /* ATT_* */
    char reason[128];
    char makeup_date[11];
    char marked_by[64];
};

/* Every roll row: meetings oldest first, then members by number, then
 * guests (members by number, others in the order entered): an order
 * that does not depend on how the roll was written. */
int export_rows_attendance(db *d,
                           int (*fn)(void *ctx, const struct export_att *r),
                           void *ctx, zb_err *err);

#endif
