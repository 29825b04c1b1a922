/* Demo committee posts (synthetic): for every 社区党委, 党总支 and 党支部
 * a 书记 and two to four committee members chosen from its own members
 * (and its subtree's), for every 党小组 a 组长, and for about a third a
 * predecessor whose term has ended. */
#ifndef ZB_MODEL_DEMO_POSTS_H
#define ZB_MODEL_DEMO_POSTS_H

#include <stdint.h>

#include "db.h"

/* Adds the posts to the organisations and members already in d (part of
 * the caller's transaction). Deterministic for a seed and today. *n
 * (may be NULL) gets the number of terms written. */
int demo_posts(db *d, uint64_t seed, const char *today, long *n,
               zb_err *err);

#endif
