/* Demo grids (网格化管理) for the demo database. */
#ifndef ZB_MODEL_DEMO_GRIDS_H
#define ZB_MODEL_DEMO_GRIDS_H

#include <stdint.h>

#include "db.h"

/* For every community organisation (depth 1 under the street) a 社区
 * node of the same name with 4-6 片区 of 2-4 网格 each; the 网格 of the
 * first 片区 (the first two in the first community) have their
 * buildings entered (3-8 each, some with 2-3 units) with households and
 * population on the buildings, the other 网格 carry their own figures
 * (most inside the sizing rule, some outside). Roles with phones (some
 * held by members, some with a predecessor's past term) and deliberate
 * gaps: some 网格 without 网格员 or with only a past 网格长, some 片区
 * without 退管小组长, some buildings without 楼栋长 (the first community
 * always has one of each). The community's 网格党支部 are linked to its
 * 网格 in order. Every member gets a residence: a building or unit of
 * their community (a quarter of the 在职党员 live in another one).
 * Deterministic for a seed; part of the caller's transaction; expects
 * organisations and members in place. */
int demo_grids(db *d, uint64_t seed, zb_err *err);

#endif
