/* The current responsible people of every grid node at once, for the
 * grid tree's 负责人 column (one query instead of one per node). */
#ifndef ZB_MODEL_GRID_HEADS_H
#define ZB_MODEL_GRID_HEADS_H

#include <stdint.h>

#include "db.h"

struct grid_head {
    int64_t grid_id;
    int role;                  /* enum grid_role_kind */
    char name[32 * 4 + 1];
};

/* Roles current on today (start "" or <= today, end "" or >= today),
 * ordered by node, role, start date. Caller frees *heads. */
int grid_heads(db *d, const char *today, struct grid_head **heads, int *n,
               zb_err *err);

#endif
