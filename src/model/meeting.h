/* 三会一课 and other organisational life: meetings of an organisation.
 * All meeting SQL lives here. */
#ifndef ZB_MODEL_MEETING_H
#define ZB_MODEL_MEETING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "rules_meeting.h"

/* Meeting kinds (stored as these codes; labels in domain_meeting_kind). */
enum meeting_kind {
    MK_GENERAL = 1,    /* 支部党员大会 */
    MK_COMMITTEE = 2,  /* 支部委员会 */
    MK_GROUP = 3,      /* 党小组会 */
    MK_LESSON = 4,     /* 党课 */
    MK_THEME_DAY = 5,  /* 主题党日 */
    MK_LIFE = 6,       /* 组织生活会 */
    MK_APPRAISAL = 7,  /* 民主评议党员 */
    MK_OTHER = 8,      /* 其他（学习、联席会议…） */
    MK_COUNT = 9
};

#define MEETING_SHORT_CHARS 40     /* place, host, recorder, lecturer */
#define MEETING_TOPIC_CHARS 100
#define MEETING_MINUTES_CHARS 5000

typedef struct meeting {
    int64_t id;                    /* 0 = not stored yet */
    int64_t org_id;
    int kind;                      /* MK_* */
    char date[11];                 /* YYYY-MM-DD */
    char start_time[6];            /* HH:MM or "" */
    char end_time[6];
    char place[MEETING_SHORT_CHARS * 4 + 1];
    char host[MEETING_SHORT_CHARS * 4 + 1];      /* 主持人 */
    char recorder[MEETING_SHORT_CHARS * 4 + 1];  /* 记录人 */
    char lecturer[MEETING_SHORT_CHARS * 4 + 1];  /* 讲课人 (党课) */
    char topic[MEETING_TOPIC_CHARS * 4 + 1];
    char minutes[MEETING_MINUTES_CHARS * 4 + 1]; /* multi-line */
    char updated_at[20];
    char updated_by[64];
} meeting;

void meeting_init(meeting *m);
int meeting_get(db *d, int64_t id, meeting *out, zb_err *err);
/* Inserts or updates in one transaction, then (same transaction) makes
 * sure the roll holds every expected attendee (attendance_prepare). */
int meeting_save(db *d, meeting *m, zb_err *err);
/* meeting_save of a new meeting with the id want (> 0, not taken): an
 * import keeps an export's 会议编号. */
int meeting_save_as(db *d, meeting *m, int64_t want, zb_err *err);
/* The checks meeting_save makes before it writes (date, times, kind for
 * the organisation's kind, topic length): an importer asks first, since
 * a failed save rolls back the caller's whole transaction. */
int meeting_validate(db *d, const meeting *m, zb_err *err);
/* Deletes the meeting and its roll. */
int meeting_delete(db *d, int64_t id, zb_err *err);

/* ---- windowed list, newest first ---- */
struct meeting_query {
    int64_t org_id;        /* 0 = all; otherwise the org and its subtree */
    int kind;              /* 0 = all */
    const char *from, *to; /* inclusive YYYY-MM-DD, NULL/"" = open */
    const char *filter;    /* topic / place substring, NULL = none */
};

struct meeting_row {
    int64_t id;
    char date[11];
    char start_time[6];
    int kind;
    char org_name[128];
    char topic[MEETING_TOPIC_CHARS * 4 + 1];
    int expected;          /* 应到: member rows on the roll */
    int present;           /* 实到: 出席 + 迟到 */
};

int meeting_count(db *d, const struct meeting_query *q, long *n, zb_err *err);
int meeting_window(db *d, const struct meeting_query *q, long offset,
                   int limit, struct meeting_row *rows, int *nrows,
                   zb_err *err);
int meeting_position(db *d, const struct meeting_query *q, int64_t id,
                     long *pos, zb_err *err);

/* ---- compliance (三会一课 minimums) ---- */

/* One organisation's record for one kind over [from, to]: how many
 * windows (months / quarters / years, per the kind's rule) the period
 * has, how many meetings were held, and which windows had none. */
struct compliance_kind {
    int kind;
    enum period_unit unit;      /* from the rule */
    int min_per_window;
    int windows;                /* windows in the period */
    int held;                   /* meetings of this kind in the period */
    int required;               /* windows * min_per_window */
    int missing_windows;        /* windows with fewer than min meetings */
    char first_gap[11];         /* start date of the first such window */
};

struct compliance_row {
    int64_t org_id;
    char org_name[128];
    char org_kind[32];
    int nkinds;
    struct compliance_kind kinds[MK_COUNT];
    int gaps;                   /* sum of missing_windows */
};

/* Configurable minimum for 党课 (per quarter by default): times per
 * unit. Others follow DOMAIN.md. */
struct compliance_config {
    enum period_unit lesson_unit;
    int lesson_min;
};
void compliance_config_default(struct compliance_config *c);

/* Rows for every active organisation under root_org (0 = all) that
 * meetings rules apply to (支部-level organisations: the six 支部 kinds;
 * 党小组: 党小组会 only), over [from, to]. Malloc'ed array. One grouped
 * query, not one per organisation. */
int compliance_report(db *d, int64_t root_org, const char *from,
                      const char *to, const struct compliance_config *cfg,
                      struct compliance_row **rows, int *n, zb_err *err);

#endif
