/* interface settled */
/* Households and persons in need (帮扶对象): the record, validation,
 * and the windowed list queries (all, unpaired, overdue). All household
 * SQL lives in src/model/household*.c; pairs and visits are in
 * src/model/pair.h. */
#ifndef ZB_MODEL_HOUSEHOLD_H
#define ZB_MODEL_HOUSEHOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

/* Kinds: a bit set, bit (1u << HK_x). Stored in household.kinds. */
enum hh_kind {
    HK_DIBAO = 0,          /* 低保户 */
    HK_TEKUN = 1,          /* 特困户 */
    HK_PARTY = 2,          /* 困难党员 (links member_id) */
    HK_ELDERLY = 3,        /* 孤老/空巢老人 */
    HK_DISABLED = 4,       /* 残疾人 */
    HK_SINGLE_PARENT = 5,  /* 单亲家庭 */
    HK_LEFT_BEHIND = 6,    /* 留守儿童 */
    HK_UNEMPLOYED = 7,     /* 下岗失业（4050） */
    HK_POOR = 8            /* 贫困户 */
};
#define HH_KIND_N 9
#define HH_KIND_BIT(k) (1u << (k))
#define HH_KINDS_ALL ((1u << HH_KIND_N) - 1)
/* Indexed by enum hh_kind: 低保户, 特困户, 困难党员, 孤老/空巢老人,
 * 残疾人, 单亲家庭, 留守儿童, 下岗失业（4050）, 贫困户 */
extern const char *const household_kind_label[HH_KIND_N];
/* Short forms for list columns: 低保, 特困, 党员, 孤老, 残疾, 单亲,
 * 留守, 失业, 贫困 */
extern const char *const household_kind_short[HH_KIND_N];
/* "低保户、残疾人" (labels joined by 、 in kind order; "" for none). */
void household_kinds_text(unsigned kinds, bool shortform, char *out,
                          size_t outsz);

/* Difficulty: [0]="", 1 一般困难, 2 较重困难, 3 特别困难 */
extern const char *const household_level_label[];
#define HH_LEVEL_N 4

enum hh_status { HH_OPEN = 1, HH_CLOSED = 2 };
/* [0]="", 帮扶中, 已销号 */
extern const char *const household_status_label[];
#define HH_STATUS_N 3
/* Usual reasons to close, for a choice list (the reason is free text):
 * 已脱困, 迁出本社区, 去世, 其他 */
extern const char *const household_close_reasons[];
#define HH_CLOSE_REASONS_N 4

#define HH_NAME_CHARS 30
#define HH_ADDRESS_CHARS 100
#define HH_TEXT_CHARS 1000      /* needs, plan */
#define HH_REASON_CHARS 100

typedef struct household {
    int64_t id;                 /* 0 = not stored yet */
    char name[HH_NAME_CHARS * 4 + 1];        /* 户主或本人姓名 */
    unsigned kinds;             /* HH_KIND_BIT set */
    int level;                  /* 1..3 */
    int status;                 /* enum hh_status */
    int64_t grid_id;            /* residence grid node, 0 = none */
    int64_t member_id;          /* the 困难党员, 0 = none */
    int size;                   /* 家庭人口 1..99 */
    char phone[32];
    char address[HH_ADDRESS_CHARS * 4 + 1];
    char needs[HH_TEXT_CHARS * 4 + 1];       /* 困难与需求 */
    char plan[HH_TEXT_CHARS * 4 + 1];        /* 帮扶措施（一人一策） */
    char registered[11];        /* 登记日期; "" = today (on save) */
    char closed[11];            /* date closed, "" while open */
    char close_reason[HH_REASON_CHARS * 4 + 1];
    char last_visit[11];        /* kept by the visit model, "" = none */
    char created_at[20];
    char updated_at[20];
    char updated_by[64];
} household;

/* Zeroed; level 1, status open, size 1. */
void household_init(household *h);
int household_get(db *d, int64_t id, household *out, zb_err *err);

/* Checks before saving; 0, or -1 with a Chinese message and *field set
 * to the offending field's name so a form can show it there:
 *  "name"         请填写姓名; longer than HH_NAME_CHARS
 *  "kinds"        请至少选择一种帮扶对象类别
 *  "member_id"    困难党员须关联党员档案; the member does not exist or
 *                 left the register; already linked to another open
 *                 household ("该党员已登记为帮扶对象：<name>");
 *                 a member given without the 困难党员 kind
 *  "phone"        电话号码格式不正确 (rules_phone_valid; "" is fine)
 *  "size"         家庭人口应为 1–99
 *  "level"        困难程度无效
 *  "grid_id"      the node does not exist
 *  "address", "needs", "plan"  too long
 *  "registered"   登记日期无效 / 晚于今天
 *  "closed"       销号日期无效 / 晚于今天 / 早于登记日期
 *  "close_reason" 请填写销号原因 (closing without a reason)
 *  "status"       状态无效
 * field may be NULL. */
int household_validate(db *d, const household *h, const char **field,
                       zb_err *err);
/* Validates, then inserts (id == 0: sets id, created_at) or updates, in
 * one transaction, with the search and sort keys recomputed. Closing
 * (status open -> closed) also ends the household's ongoing pairs on
 * the closing date; reopening clears closed and close_reason. last_visit
 * is never written here. */
int household_save(db *d, household *h, const char **field, zb_err *err);
/* True if the household has pairs or visits (then it can only be
 * closed, not deleted). */
int household_has_history(db *d, int64_t id, bool *has, zb_err *err);
/* Deletes a household without pairs or visits; refused otherwise with
 * "已有结对或走访记录，不能删除；如已不需帮扶，请销号". */
int household_delete(db *d, int64_t id, zb_err *err);

/* ---- windowed list ---- */

enum household_sort {
    HH_SORT_PINYIN,      /* name by pinyin */
    HH_SORT_LEVEL,       /* hardest first, then pinyin */
    HH_SORT_VISIT,       /* longest without a visit first (never
                            visited first), then pinyin */
    HH_SORT_NEWEST,      /* latest registered first */
    HH_SORT_COUNT
};
/* 按姓名拼音, 按困难程度, 按走访日期, 按登记时间 */
extern const char *const household_sort_label[HH_SORT_COUNT];

enum household_view {
    HV_ALL,              /* every household matching the filters */
    HV_UNPAIRED,         /* open, without an ongoing pair */
    HV_OVERDUE           /* open, no visit in N days (N by level) */
};

struct household_query {
    enum household_view view;
    const char *filter;  /* NULL/"" = all. A name substring, pinyin
                            initials, or phone digits */
    unsigned kinds;      /* 0 = any; else households having ANY of
                            these HH_KIND_BITs */
    int64_t grid_id;     /* 0 = all; else this node and its subtree */
    int level;           /* 0 = all */
    int status;          /* 0 = all, HH_OPEN, HH_CLOSED (HV_UNPAIRED and
                            HV_OVERDUE imply HH_OPEN) */
    enum household_sort sort;
    /* HV_OVERDUE: today (YYYY-MM-DD; NULL = rules_today) and the days
     * per level (visit_days[1..3]; visit_days[0] unused). A household
     * is overdue when its last visit, or if never visited the day it
     * was registered, is more than visit_days[level] days before
     * today. NULL = pair_config_default's. */
    const char *today;
    const int *visit_days;
};

struct household_row {
    int64_t id;
    char name[HH_NAME_CHARS * 4 + 1];
    unsigned kinds;
    int level;
    int status;
    int size;
    char phone[32];
    char grid_name[160];        /* the residence node's name, "" = none */
    char last_visit[11];
    char created[11];           /* registration date (registered) */
    int helpers;                /* ongoing pairs */
    char helper_name[128];      /* one ongoing helper's name (the
                                   earliest pair), "" = none */
};

int household_count(db *d, const struct household_query *q, long *n,
                    zb_err *err);
/* Rows [offset, offset + limit) of the query's order. */
int household_window(db *d, const struct household_query *q, long offset,
                     int limit, struct household_row *rows, int *nrows,
                     zb_err *err);
/* Position of household id in the query's order (-1 if not in it). */
int household_position(db *d, const struct household_query *q, int64_t id,
                       long *pos, zb_err *err);

/* Open household linked to member_id (the 困难党员), 0 if none. */
int household_of_member(db *d, int64_t member_id, int64_t *id, zb_err *err);

#endif
