/* Party organisations (党组织): a tree of any depth, with the grid each
 * is built on, committee posts (org_post.c) and member counts per node.
 * All org SQL lives in src/model/org*.c. */
#ifndef ZB_MODEL_ORG_H
#define ZB_MODEL_ORG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

#define ORG_NAME_CHARS 40
#define ORG_NOTES_CHARS 1000

struct org_item {
    int64_t id;
    int64_t parent_id;     /* 0 for a root */
    int depth;             /* 0 for a root */
    char name[128];        /* ORG_NAME_CHARS of CJK fit */
    char kind[32];         /* one of domain_org_kind */
    char path[512];        /* "新华街道党工委/东城社区党委/第一网格党支部" */
    bool active;
};

/* All organisations in tree order (parent before children, siblings by
 * sort order then name), as a malloc'ed array. Caller frees *items. */
int org_list(db *d, struct org_item **items, int *n, zb_err *err);

/* Inserts an organisation without the checks of org_validate (demo,
 * tests, import); sets *id. parent_id 0 = root. */
int org_add(db *d, int64_t parent_id, const char *name, const char *kind,
            int64_t *id, zb_err *err);

/* Name of one organisation into out ("" if not found). */
int org_name(db *d, int64_t id, char *out, size_t outsz, zb_err *err);

/* ---- one organisation ---- */

struct org {
    int64_t id;                /* 0 = not stored yet */
    int64_t parent_id;         /* 0 = a root */
    char name[ORG_NAME_CHARS * 4 + 1];
    char kind[32];             /* one of domain_org_kind */
    int64_t grid_id;           /* 所建网格, 0 = none */
    char founded[11];          /* YYYY-MM-DD or "" */
    bool active;
    char notes[ORG_NOTES_CHARS * 4 + 1];
    int sort;                  /* among siblings (set on insert) */
    char updated_at[20];
    char updated_by[64];
};

void org_init(struct org *o);   /* zeroed, active */
int org_get(db *d, int64_t id, struct org *out, zb_err *err);

/* Checks an organisation before saving; 0 or -1 with a Chinese message
 * and *field set to the offending field ("name", "kind", "parent",
 * "grid", "founded", "notes"): empty name "请填写组织名称"; a kind not in
 * domain_org_kind; a founding date that is not a real date or is after
 * today; a kind that may not sit under the parent's ("党小组只能建在党支
 * 部之下", src/rules_org.h), or under which its children may not sit, or
 * that holds no members while members are placed in it; a parent inside
 * its own subtree; a grid that does not exist. */
int org_validate(db *d, const struct org *o, const char **field,
                 zb_err *err);
/* Inserts (id == 0: sets id, sort after the last sibling) or updates,
 * after org_validate, in one transaction; sort_py kept. */
int org_save(db *d, struct org *o, zb_err *err);

/* Moves id under new_parent (0 = a root). Refused under itself or its
 * subtree ("不能把组织移到它自己的下级组织之下") or under a parent of a
 * kind it may not sit under. The node goes last among its new siblings.
 * Its subtree moves with it. */
int org_move(db *d, int64_t id, int64_t new_parent, zb_err *err);

/* Deletes an organisation and its committee posts, in one transaction.
 * Refused, saying every reason ("不能删除「X」：还有 2 个下级组织；还有 5 名
 * 党员（含已离开的）；已有 3 次会议记录"): child organisations, members
 * (also those who left), meetings, roll rows naming it. */
int org_delete(db *d, int64_t id, zb_err *err);
/* The reasons org_delete would give, without the name ("还有 2 个下级组
 * 织；…"; "" if it may be deleted): a screen says why before asking. */
int org_delete_check(db *d, int64_t id, char *why, size_t whysz,
                     zb_err *err);

/* ---- the tree with counts (the organisation screen) ---- */

struct org_overview {
    struct org_item item;
    /* Members on the register (not left): placed in this organisation,
     * and in its whole subtree; 正式 and 预备 apart. */
    long direct_full, direct_prob;
    long total_full, total_prob;
    int groups;                   /* child 党小组 */
    char head[32 * 4 + 1];        /* current 书记 / 组长 / 联系人, "" */
    char hint[160];               /* rules_org_hints, "" */
};

/* Every organisation in tree order with its counts (one grouped pass
 * over an index of the register), current head on `today` and hints.
 * Caller frees *rows. */
int org_overview_list(db *d, const char *today, struct org_overview **rows,
                      int *n, zb_err *err);

/* Members on the register: *full 正式, *prob 预备 (the home screen). */
int org_member_totals(db *d, long *full, long *prob, zb_err *err);

/* ---- committee posts (src/model/org_post.c) ---- */

enum org_post_kind {
    POST_SECRETARY = 1,     /* 书记 */
    POST_DEPUTY = 2,        /* 副书记 */
    POST_ORGANISING = 3,    /* 组织委员 */
    POST_PROPAGANDA = 4,    /* 宣传委员 */
    POST_DISCIPLINE = 5,    /* 纪检委员 */
    POST_MEMBER = 6,        /* 委员 */
    POST_GROUP_LEADER = 7,  /* 组长 (党小组) */
    POST_GROUP_DEPUTY = 8,  /* 副组长 (党小组) */
    POST_CONTACT = 9        /* 联系人 (党员中心户) */
};
/* [0]="", 书记, 副书记, 组织委员, 宣传委员, 纪检委员, 委员, 组长, 副组长,
 * 联系人 */
extern const char *const org_post_label[];
#define ORG_POST_N 10
/* Held by one person at a time: 书记, 组织委员, 宣传委员, 纪检委员, 组长,
 * 联系人. */
bool org_post_single(int post);
/* A committee post (书记 … 委员): the 支部委员会's members. */
bool org_post_committee(int post);
/* Whether an organisation of kind has the post: 党小组 组长/副组长,
 * 党员中心户 联系人, every other kind 书记 … 委员. */
bool org_post_fits(int post, const char *kind);

#define ORG_POST_NAME_CHARS 30

struct org_post {
    int64_t id;                /* 0 = not stored yet */
    int64_t org_id;
    int post;                  /* enum org_post_kind */
    int64_t member_id;         /* 0 = a person typed by name */
    char name[ORG_POST_NAME_CHARS * 4 + 1];
    char phone[32];
    char start_date[11], end_date[11];   /* "" = unknown / still */
};

/* Posts of one organisation: current ones (end "" or >= today) first,
 * by post and start date, then past ones, latest first; include_past
 * false leaves out ended terms. Caller frees *posts. */
int org_post_list(db *d, int64_t org_id, bool include_past,
                  const char *today, struct org_post **posts, int *n,
                  zb_err *err);
int org_post_get(db *d, int64_t id, struct org_post *out, zb_err *err);
/* Refused with a Chinese message and *field set ("post", "name",
 * "phone", "start_date", "end_date"): no person ("请填写担任此职务的人员"),
 * a post the organisation's kind does not have, a member who does not
 * exist, a bad phone or date, end before start, and for a single-holder
 * post dates overlapping another term on the same organisation ("与 张三
 * （2024-01-01 至 今）的书记任期重叠"). A term may start on the day the
 * previous one ended. */
int org_post_validate(db *d, const struct org_post *p, const char **field,
                      zb_err *err);
/* Inserts or updates after org_post_validate, in one transaction. */
int org_post_save(db *d, struct org_post *p, zb_err *err);
/* Ends a term on date (validated like a save). */
int org_post_end(db *d, int64_t id, const char *date, const char **field,
                 zb_err *err);
int org_post_delete(db *d, int64_t id, zb_err *err);

#endif
