/* The work-summary report (工作报表): the numbers a half-year or year-end
 * summary asks for, for a period [from, to] and an organisation subtree,
 * in one struct filled by one function. The counting rules are those of
 * the modules that own the data: compliance_report for the 三会一课
 * minimums, pair_totals for pairing assistance, grid_coverage for the
 * grid gaps. Plain text and CSV: src/io/report_text.h. */
#ifndef ZB_MODEL_REPORT_H
#define ZB_MODEL_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "domain.h"
#include "model/grid.h"
#include "model/household.h"
#include "model/meeting.h"
#include "model/pair.h"

/* Members of the organisation subtree (the organisation a member is
 * placed in; members who left keep their last one). */
struct report_members {
    /* On the register at the end of the period (upto: today for a
     * period not over yet): joined on or before it (or join date
     * unknown) and not left by then (left later counts; left without a
     * date does not). 预备 then: category 预备 now, or 正式 with a full
     * date after it. */
    long total, full, prob;
    long by_kind[DOMAIN_KIND_N];       /* KIND_*: 社区, 在职, 流动, 下岗失业 */
    long suspended;                    /* of them 停止党籍 (now) */
    long lost;                         /* of them 失联 (now) */
    /* Changes in the period. */
    long joined;                       /* join_date in [from, to] */
    long became_full;                  /* full_date in [from, to] */
    long left[DOMAIN_LEFT_N];          /* LEFT_*: left_date in the period */
};

/* 三会一课: meetings held by kind, and the minimums (compliance_report
 * summed over its organisations). Only meetings dated up to today count
 * as held (a planned meeting is not held yet). */
struct report_meetings {
    long held[MK_COUNT];          /* by kind, every organisation of the
                                     subtree; [0] = all kinds */
    long required[MK_COUNT];      /* 应开: windows started, summed */
    long rule_held[MK_COUNT];     /* held by the organisations the rule
                                     applies to */
    int orgs[MK_COUNT];           /* organisations the rule applies to */
    int short_orgs[MK_COUNT];     /* of them with a window below the
                                     minimum (ended windows only) */
    long missing[MK_COUNT];       /* such windows, summed */
    int norgs;                    /* organisations judged */
    int gap_orgs;                 /* of them with any gap */
};

/* The roll of the meetings held in the period (member rows only;
 * 列席 left out). Rates: rules_rate_permille (出席 + 迟到 over 应到),
 * -1 when nothing was due. */
struct report_attendance {
    long expected, attended;      /* 应到, 出席 + 迟到 */
    long present, late, leave, absent, unmarked;
    long full_expected, full_attended;   /* 正式党员 */
    long prob_expected, prob_attended;   /* 预备党员 */
    long guests;                  /* 列席 */
    int rate, full_rate, prob_rate;      /* per mille */
};

#define REPORT_GAP_KINDS 8        /* enum grid_gap_kind 1..7; [0] = all */

/* Grids: the nodes the organisation is built on. scope_n == 0 with
 * has_grids false: the organisation is linked to no grid node. */
struct report_grids {
    bool has_grids;
    int scope_n;                  /* root nodes of the scope (0 with
                                     has_grids: every grid) */
    char scope[512];              /* "东城社区" or "东城社区、西城社区"
                                     ("" = all) */
    long nodes[GRID_LEVEL_N];     /* by level */
    long households, population;  /* entered totals (-1 = none) */
    long roles[GRID_ROLE_N];      /* people in a role on the date, by
                                     role ([0] = all) */
    long gaps[REPORT_GAP_KINDS];  /* coverage gaps by kind ([0] = all) */
    long gap_nodes;               /* nodes with at least one gap */
    char date[11];                /* roles and gaps judged on */
};

struct report {
    char from[11], to[11];        /* the period */
    char today[11];
    char upto[11];                /* min(to, today): held means by then */
    int64_t org_id;               /* 0 = all */
    char org_name[128];           /* "" for all */
    char org_path[512];
    struct report_members members;
    struct report_meetings meetings;
    struct report_attendance attendance;
    struct pair_totals pairs;
    struct report_grids grids;
};

/* Fills *r for [from, to] (valid YYYY-MM-DD, from <= to) and org_id's
 * subtree (0 = every organisation), judged on rules_today() (as
 * compliance_report is). cfg: the 党课 rule (NULL = the default). Reads
 * in one (deferred) transaction so that the parts agree. */
int report_build(db *d, int64_t org_id, const char *from, const char *to,
                 const struct compliance_config *cfg, struct report *r,
                 zb_err *err);

/* The organisation named by s: its id ("12"), its path as org_list
 * shows it ("新华街道党工委/东城社区党委"), a unique tail of a path, or a
 * unique name. Refused with a Chinese message otherwise. */
int report_resolve_org(db *d, const char *s, int64_t *org_id, zb_err *err);

#endif
