/* interface settled */
/* The pairing assistant over the database: loads the open unpaired
 * households and the possible helpers (one query each), runs
 * rules_pair_suggest (src/rules_pair.h), and stores accepted
 * suggestions as pairs. */
#ifndef ZB_MODEL_ASSIST_H
#define ZB_MODEL_ASSIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "model/household.h"
#include "model/pair.h"
#include "rules_pair.h"

struct assist_opts {
    int max_load;        /* pairs per helper (pair_config.max_load) */
    bool allow_other;    /* see rp_opts.allow_other */
    int64_t grid_id;     /* 0 = every household; else only households
                            in this grid subtree (helpers still come from
                            anywhere the rules allow) */
    const char *today;   /* NULL = rules_today: "ongoing" is judged on it */
};
/* max_load 3, allow_other false, grid_id 0, today NULL. */
void assist_opts_default(struct assist_opts *o);

struct assist_item {
    int64_t household_id;
    char household_name[HH_NAME_CHARS * 4 + 1];
    unsigned kinds;
    int level;
    char household_place[160];   /* residence node's name, "" = none */
    int64_t member_id;           /* suggested helper, 0 = none */
    char helper_name[128];
    char helper_place[160];      /* the helper's residence node name */
    int locality;                /* enum rp_locality */
    int load;                    /* helper's pairs before this one */
    char reason[128];            /* rp_suggestion.reason */
};

/* Suggestions for every open household without an ongoing pair, in
 * the order households are served (level 3 first, then id). *items is
 * malloc'ed (caller frees); *n households, with a helper or not. */
int assist_suggest(db *d, const struct assist_opts *o,
                   struct assist_item **items, int *n, zb_err *err);

/* Stores items with a helper as pairs starting on start_date (NULL =
 * today), all in one transaction. Items whose household meanwhile got
 * a pair or was closed are skipped (*skipped counts them); if a helper
 * would go above max_load (someone else paired them meanwhile) nothing
 * is saved and err says "情况已有变化，请重新生成推荐". *accepted: pairs
 * made. Either count pointer may be NULL. */
int assist_accept(db *d, const struct assist_item *items, int n,
                  const char *start_date, int max_load, int *accepted,
                  int *skipped, zb_err *err);

/* "Pick another helper": eligible members (not left, not 失联, not
 * 停止党籍, not in need, not the household's own member or of its home)
 * for one household, nearest first (enum rp_locality), then fewest
 * pairs, then pinyin; filter (NULL/"" = none) on name substring, pinyin
 * initials or member number. Without a filter only members of the same
 * community are listed; with one, anyone matching. At most limit rows.
 * Members at or above max_load are listed (full = true) after the
 * others of their locality so a confirmed choice stays possible. */
struct assist_candidate {
    int64_t member_id;
    char name[128];
    char member_no[16];
    char place[160];             /* residence node's name */
    char org_name[128];
    int locality;                /* enum rp_locality */
    int load;
    bool full;                   /* load >= max_load */
    char reason[128];            /* "同一网格，当前帮扶 2 户" */
};
int assist_candidates(db *d, int64_t household_id, const char *filter,
                      const struct assist_opts *o, int limit,
                      struct assist_candidate **rows, int *n, zb_err *err);

#endif
