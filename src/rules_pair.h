/* interface settled */
/* The pairing assistant (结对帮扶 推荐) as pure functions: who should
 * help each open, unpaired household. No database (src/model/assist.c
 * loads the inputs and stores accepted suggestions).
 *
 * Places are compared through the grid tree (src/model/grid.h): each
 * person carries the ids of the nodes at or above their own node at
 * each level. 楼栋 covers its 单元s, so two people in one building
 * (whatever unit) are 同一楼栋. Levels may be skipped in a tree (a 楼栋
 * right under a 片区): a level the node does not have is 0 and never
 * matches. */
#ifndef ZB_RULES_PAIR_H
#define ZB_RULES_PAIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Closeness of helper and household, best first. */
enum rp_locality {
    RP_NONE = 0,        /* no suggestion */
    RP_BUILDING = 1,    /* 同一楼栋 */
    RP_GRID = 2,        /* 同一网格 */
    RP_AREA = 3,        /* 同一片区 */
    RP_COMMUNITY = 4,   /* 同一社区 */
    RP_OTHER = 5        /* 其他（不同社区或未登记居住地）: only with
                           rp_opts.allow_other */
};
/* [0]="", 同一楼栋, 同一网格, 同一片区, 同一社区, 其他 */
extern const char *const rp_locality_label[];
#define RP_LOCALITY_N 6

/* Grid node ids at or above a person's node, 0 = none at that level
 * (no node registered, or the tree skips the level). */
struct rp_place {
    int64_t building;    /* the 楼栋 (a 单元's parent 楼栋) */
    int64_t grid;        /* the 网格 */
    int64_t area;        /* the 片区 */
    int64_t community;   /* the 社区 */
};

/* An open household without a current helper. */
struct rp_household {
    int64_t id;
    int level;           /* difficulty 1..3: harder cases are served
                            first, so they get the closest helpers */
    struct rp_place place;
    int64_t member_id;   /* the 困难党员 this household is, 0 = none */
    /* Same-household keys (rules_pair_home_key of the household's
     * address and of the linked member's address), 0 = unknown. A
     * helper whose key equals either is of the same household. */
    uint64_t home_key[2];
};

/* A possible helper: a member. */
struct rp_helper {
    int64_t member_id;
    struct rp_place place;     /* of the residence node */
    int load;                  /* current open pairs */
    uint64_t home_key;         /* of the member's address, 0 = unknown */
    /* Never candidates: left the register, 失联, 停止党籍, or themselves
     * a person in need (linked to an open household). */
    bool left, lost, suspended, in_need;
};

struct rp_opts {
    int max_load;        /* pairs a helper may hold; default 3 */
    bool allow_other;    /* when nobody in the same community is free,
                            suggest anyone (RP_OTHER); default false */
};
void rules_pair_opts_default(struct rp_opts *o);

struct rp_suggestion {
    int64_t household_id;
    int64_t member_id;   /* the helper, 0 = none found */
    long helper;         /* its index in the helpers array, -1 = none */
    int locality;        /* enum rp_locality, RP_NONE if none */
    int load;            /* helper's pairs before this one (counting
                            earlier suggestions of the same run) */
    char reason[128];    /* "同一楼栋，当前帮扶 1 户", or why none:
                            "本社区暂无可结对的党员",
                            "未登记居住网格，无法就近推荐" */
};

/* One suggestion per household, out[i] for hh[i]. Rules, in order: a
 * helper is never ineligible (flags above), never the household's own
 * member, never of the same household (home keys), never at or above
 * max_load (counting suggestions already made in this run); among the
 * others the closest locality wins, then the fewest pairs, then the
 * smaller member id. Households are served in order of level (3 first),
 * then id, so the result does not depend on the order of the arrays
 * (duplicate household or member ids are the caller's error). No
 * O(households × helpers) scan: helpers are grouped per node. Returns 0,
 * or -1 if memory ran out. */
int rules_pair_suggest(const struct rp_household *hh, size_t nhh,
                       const struct rp_helper *helpers, size_t nhelpers,
                       const struct rp_opts *opts, struct rp_suggestion *out);

/* Locality of two places (RP_OTHER when not even the community
 * matches or a place is empty). */
int rules_pair_locality(const struct rp_place *a, const struct rp_place *b);

/* "同一网格，当前帮扶 2 户" (locality RP_BUILDING..RP_OTHER; load = the
 * helper's pairs before the new one). */
void rules_pair_reason(int locality, int load, char *out, size_t outsz);

/* Key of a home address for the same-household rule: a hash of the
 * address with spaces and punctuation removed, ASCII lower-cased and
 * full-width digits/letters folded; 0 for an address with fewer than 4
 * such characters (too vague to decide anything). */
uint64_t rules_pair_home_key(const char *address);

#endif
