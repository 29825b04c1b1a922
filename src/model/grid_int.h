/* Internal to the grid model (src/model/grid*.c and the contact sheet's
 * reader): what its files share. Not for screens. */
#ifndef ZB_MODEL_GRID_INT_H
#define ZB_MODEL_GRID_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/grid.h"

/* The whole tree as grid_list returns it; residents are counted only
 * when asked (one grouped query over the members). */
int grid_load(db *d, bool residents, struct grid_item **items, int *n,
              zb_err *err);

/* Positions 0..n-1 of items ordered by id, for grid_index_find
 * (malloc'ed; NULL when out of memory). */
int *grid_index_new(const struct grid_item *items, int n);
/* Position of id in items, -1 if absent. */
int grid_index_find(const struct grid_item *items, const int *index, int n,
                    int64_t id);

/* Sort key of a node name: pinyin (pinyin_sort_key) with every run of
 * digits or Chinese numerals as a zero-padded number, so that 第二网格
 * comes before 第十网格 and 3号楼 before 12号楼. */
size_t grid_sort_key(const char *name, char *out, size_t outsz);

/* Current roles are those whose term contains today: start_date '' or
 * <= today, end_date '' or >= today. */
#define GRID_ROLE_CURRENT(t) \
    "(" t "start_date = '' OR " t "start_date <= ?1) AND" \
    " (" t "end_date = '' OR " t "end_date >= ?1)"

#endif
