/* interface settled */
/* Pairs (结对: a helper and a household) and visits (走访记录), the
 * follow-ups list and the totals of a period. All pair and visit SQL
 * lives in src/model/pair*.c and visit*.c. Households: household.h. */
#ifndef ZB_MODEL_PAIR_H
#define ZB_MODEL_PAIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "model/household.h"

/* Local rules, from the config file (pair-max-load, visit-days,
 * visit-days-1/-2/-3): screens copy them from struct zb_config. */
struct pair_config {
    int max_load;        /* pairs one member may hold; default 3 */
    int visit_days[HH_LEVEL_N];   /* [1..3]: a household of that level
                                     is overdue after this many days
                                     without a visit; default 90 each;
                                     [0] unused */
};
void pair_config_default(struct pair_config *c);
/* From the settings (zc NULL = defaults). */
struct zb_config;
void pair_config_from(struct pair_config *c, const struct zb_config *zc);

/* ---- pairs ---- */

#define PAIR_NAME_CHARS 30
#define PAIR_UNIT_CHARS 60
#define PAIR_GOAL_CHARS 200

typedef struct pair {
    int64_t id;                 /* 0 = not stored yet */
    int64_t household_id;
    int64_t member_id;          /* the helper if a member, else 0 */
    /* A helper from a partner unit (共建单位), not on the register:
     * used when member_id is 0. */
    char partner_name[PAIR_NAME_CHARS * 4 + 1];
    char partner_unit[PAIR_UNIT_CHARS * 4 + 1];
    char partner_post[PAIR_NAME_CHARS * 4 + 1];
    char partner_phone[32];
    char start_date[11];
    char end_date[11];          /* "" = ongoing */
    char goal[PAIR_GOAL_CHARS * 4 + 1];    /* 帮扶目标 */
    char updated_at[20];
    char updated_by[64];
} pair;

/* Zeroed, start_date today. */
void pair_init(pair *p);
int pair_get(db *d, int64_t id, pair *out, zb_err *err);

/* pair_validate / pair_save result when only the load limit is in the
 * way: err says "<name> 已结对帮扶 3 户（上限 3 户），仍要结对吗？";
 * call again with confirmed = true to save anyway. */
#define PAIR_OVERLOAD 1

/* Checks; 0, PAIR_OVERLOAD, or -1 with a message and *field set
 * ("household_id", "member_id", "partner_name", "partner_unit",
 * "partner_phone", "start_date", "end_date", "goal"):
 * no helper ("请选择结对党员或填写共建单位人员"), a partner without the
 * unit, bad phone, the household missing or closed (new pairs only),
 * the member missing; for a new pair or a changed member also: left the
 * register / 失联 / 停止党籍, the household's own 困难党员
 * ("不能与本人结对"), the same home address ("<name> 与帮扶对象同住一户"),
 * (a stored pair keeps its member after they left; a pair that has
 * ended needs no eligible helper, only not the household's own
 * 困难党员: imports of history); already an ongoing
 * pair of the same member and household, bad dates, end before start, end before the
 * pair's last visit; then the load: the member's ongoing pairs other
 * than this one >= cfg->max_load and not confirmed -> PAIR_OVERLOAD
 * (field "member_id"). today NULL = rules_today. */
int pair_validate(db *d, const pair *p, const struct pair_config *cfg,
                  bool confirmed, const char *today, const char **field,
                  zb_err *err);
/* Validates (as above, today's date) and saves in one transaction. */
int pair_save(db *d, pair *p, const struct pair_config *cfg, bool confirmed,
              const char **field, zb_err *err);
/* Ends an ongoing pair on date (>= start and >= its last visit). */
int pair_end(db *d, int64_t id, const char *date, zb_err *err);
/* Deletes a pair without visits (entered by mistake); refused with
 * "已有走访记录，不能删除；请结束结对" otherwise. */
int pair_delete(db *d, int64_t id, zb_err *err);
/* Ongoing pairs of a member on today (NULL = rules_today). */
int pair_member_load(db *d, int64_t member_id, const char *today, int *load,
                     zb_err *err);

struct pair_row {
    int64_t id;
    int64_t household_id;
    char household_name[HH_NAME_CHARS * 4 + 1];
    int64_t member_id;          /* 0 = partner-unit helper */
    char helper_name[PAIR_NAME_CHARS * 4 + 1];
    /* member: the organisation's name; partner: "单位 职务" */
    char helper_unit[PAIR_UNIT_CHARS * 4 + PAIR_NAME_CHARS * 4 + 2];
    char helper_phone[32];
    char start_date[11], end_date[11];
    char goal[PAIR_GOAL_CHARS * 4 + 1];
    int visits;
    char last_visit[11];        /* of this pair, "" = none */
    bool ongoing;               /* end_date "" or >= today */
};

/* Pairs of a household (its helpers), ongoing first, then by start.
 * Malloc'ed array; caller frees *rows. include_ended false leaves out
 * pairs that have ended before today. */
int pair_list_household(db *d, int64_t household_id, bool include_ended,
                        struct pair_row **rows, int *n, zb_err *err);
/* Pairs of a member (whom they help), same order and rules. */
int pair_list_member(db *d, int64_t member_id, bool include_ended,
                     struct pair_row **rows, int *n, zb_err *err);

/* ---- visits ---- */

enum visit_kind {
    VK_VISIT = 1,        /* 走访 */
    VK_CONDOLENCE = 2,   /* 慰问 */
    VK_ERRAND = 3,       /* 帮办实事 */
    VK_EMPLOYMENT = 4,   /* 就业帮扶 */
    VK_MEDICAL = 5,      /* 医疗救助 */
    VK_EDUCATION = 6,    /* 助学 */
    VK_OTHER = 7         /* 其他 */
};
/* [0]="", 走访, 慰问, 帮办实事, 就业帮扶, 医疗救助, 助学, 其他 */
extern const char *const visit_kind_label[];
#define VISIT_KIND_N 8

#define VISIT_TEXT_CHARS 1000   /* done */
#define VISIT_SHORT_CHARS 200   /* goods, followup */
#define VISIT_JOBS_MAX 99

typedef struct visit {
    int64_t id;                 /* 0 = not stored yet */
    int64_t pair_id;            /* who visited: one of the household's
                                   pairs */
    int64_t household_id;       /* set from the pair on save */
    char date[11];
    int kind;                   /* enum visit_kind */
    char done[VISIT_TEXT_CHARS * 4 + 1];        /* 帮扶内容 */
    int64_t cash_fen;           /* 慰问金, 分 */
    char goods[VISIT_SHORT_CHARS * 4 + 1];      /* 慰问品 */
    int64_t goods_fen;          /* their value, 分 */
    int jobs;                   /* 帮助就业（份） */
    char followup[VISIT_SHORT_CHARS * 4 + 1];   /* 待办事项 */
    char followup_due[11];      /* "" = none */
    char followup_done[11];     /* "" = not done yet */
    char updated_at[20];
    char updated_by[64];
} visit;

/* Zeroed, date today, kind 走访. */
void visit_init(visit *v);
int visit_get(db *d, int64_t id, visit *out, zb_err *err);

/* Checks; 0 or -1 with a message and *field set ("pair_id", "date",
 * "kind", "cash", "goods_value", "goods", "jobs", "followup",
 * "followup_due", "done"): no pair ("请选择走访人"), date invalid / in
 * the future ("走访日期不能晚于今天") / before the pair started
 * ("早于结对开始日期 2025-03-01") / after the pair ended, negative or
 * too large money (amounts come from rules_money_parse: screens show
 * its message at the field), goods value without goods text, jobs
 * outside 0..99, a follow-up without text or due date (either without
 * the other), due before the visit date. today NULL = rules_today. */
int visit_validate(db *d, const visit *v, const char *today,
                   const char **field, zb_err *err);
/* Validates and saves; household.last_visit follows in the same
 * transaction (recomputed, so moving a visit's date back lowers it). */
int visit_save(db *d, visit *v, const char **field, zb_err *err);
/* Deletes a visit; household.last_visit recomputed. */
int visit_delete(db *d, int64_t id, zb_err *err);
/* Marks a visit's follow-up done on date ("" = not done again). */
int visit_followup_done(db *d, int64_t id, const char *date, zb_err *err);

struct visit_row {
    int64_t id;
    int64_t pair_id;
    int64_t household_id;
    char household_name[HH_NAME_CHARS * 4 + 1];
    char date[11];
    int kind;
    char helper_name[PAIR_NAME_CHARS * 4 + 1];
    char done[VISIT_SHORT_CHARS * 4 + 1];   /* first line, cut */
    int64_t cash_fen, goods_fen;
    int jobs;
    char followup[VISIT_SHORT_CHARS * 4 + 1];
    char followup_due[11], followup_done[11];
};

/* Visits of a household, newest first. Malloc'ed; caller frees. */
int visit_list_household(db *d, int64_t household_id,
                         struct visit_row **rows, int *n, zb_err *err);

/* ---- follow-ups past due (windowed, for the overdue screen) ---- */

struct followup_query {
    const char *today;   /* NULL = rules_today */
    int64_t grid_id;     /* 0 = all; else households in this subtree */
};
/* Visits whose follow-up is not done and due before today, of open
 * households, oldest due date first. */
int followup_count(db *d, const struct followup_query *q, long *n,
                   zb_err *err);
int followup_window(db *d, const struct followup_query *q, long offset,
                    int limit, struct visit_row *rows, int *nrows,
                    zb_err *err);
int followup_position(db *d, const struct followup_query *q, int64_t visit_id,
                      long *pos, zb_err *err);

/* ---- totals for a work summary ---- */

/* What the totals cover. Both 0: everything. grid_id: households whose
 * residence node is in that subtree (a community, 片区, ...). org_id:
 * the work of that organisation's members (its subtree): the pairs
 * they hold, the visits of those pairs, the households of those pairs.
 * Both set: both conditions. */
struct pair_scope {
    int64_t org_id;
    int64_t grid_id;
};

struct pair_totals {
    /* Households open at some time in [from, to] (registered on or
     * before `to`, not closed before `from`), and per kind (one
     * household counts once under each of its kinds). */
    long households;
    long by_kind[HH_KIND_N];
    long households_new;      /* registered in [from, to] */
    long households_closed;   /* closed in [from, to] */
    long pairs;               /* pairs ongoing at some time in the period */
    long pairs_new;           /* started in the period */
    long helpers;             /* distinct helpers of those pairs */
    long visits;              /* visits dated in the period */
    long households_visited;  /* distinct households of those visits */
    int64_t cash_fen;         /* 慰问金 in the period */
    int64_t goods_fen;        /* value of goods */
    long jobs;                /* jobs found */
    long unpaired;            /* open on `to` without a pair running on
                                 `to`; -1 with an org_id scope (an
                                 unpaired household has no organisation) */
};

/* Totals over [from, to] (inclusive YYYY-MM-DD). */
int pair_totals(db *d, const struct pair_scope *scope, const char *from,
                const char *to, struct pair_totals *out, zb_err *err);

#endif
