/* interface settled */
/* Demo pairing assistance (结对帮扶) for the demo database. */
#ifndef ZB_MODEL_DEMO_PAIRS_H
#define ZB_MODEL_DEMO_PAIRS_H

#include <stdint.h>

#include "db.h"

struct demo_pair_counts {
    long households, pairs, visits;
};

/* About 3 households per 100 members, kinds mixed (some 困难党员 linked
 * to members), living on the grid nodes of the members' communities
 * (grid_id NULL where the demo has no grid); most paired with members
 * of the same community, some unpaired; visits over the last 12 months
 * up to rules_today() with cash, goods and jobs; some households
 * overdue, some follow-ups past due, a few households closed.
 * Deterministic for a seed. Part of the caller's transaction; expects
 * the members (and grids, if any) in place. out may be NULL. */
int demo_pairs(db *d, uint64_t seed, struct demo_pair_counts *out,
               zb_err *err);

#endif
