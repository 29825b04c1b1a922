/* Fixtures for the pairing tests: a small grid tree, members living
 * on it, households, pairs and visits saved through the model (each
 * fails the running test if the save fails). */
#ifndef ZB_TESTS_PAIRUTIL_H
#define ZB_TESTS_PAIRUTIL_H

#include <stdint.h>

#include "db.h"
#include "model/household.h"
#include "model/pair.h"

#define BIT(k) HH_KIND_BIT(k)

/* Runs / queries SQL made with printf. */
void pu_sql(db *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
long long pu_int(db *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* 东社区(1) > 一片(2) > 一格(3) > 1号楼(4) > 1单元(5), 2号楼(6);
 * 一片 > 二格(7) > 3号楼(8); 二片(9); 西社区(10) > 西一片(11) */
void pu_tree(db *d);
/* A member living on node residence (0 = none) at addr (NULL = ""). */
int64_t pu_member(db *d, const char *name, int residence, const char *addr);
int64_t pu_household(db *d, const char *name, unsigned kinds, int level,
                     int grid_id, int64_t member_id);
/* A pair saved with confirmed = true. */
int64_t pu_pair(db *d, int64_t hh, int64_t member, const char *start);
/* A visit; goods text "米面油" when goods > 0. */
int64_t pu_visit(db *d, int64_t pair_id, const char *date, int64_t cash,
                 int64_t goods, int jobs);

#endif
