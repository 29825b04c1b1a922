/* The ids of every row of a table in id order: for exports (and the
 * importers' lookups) that then read each record through its module's
 * _get function, so that the mapping of columns stays in one place. */
#ifndef ZB_MODEL_TABLE_IDS_H
#define ZB_MODEL_TABLE_IDS_H

#include <stdint.h>

#include "db.h"

enum table_ids_kind {
    TI_HOUSEHOLDS,   /* household */
    TI_PAIRS,        /* pair, by household then start date */
    TI_VISITS,       /* visit, by household then date */
    TI_GRID_ROLES,   /* grid_role */
    TI_ORG_POSTS     /* org_post */
};

/* *ids is malloc'ed (caller frees; may be NULL when *n is 0). */
int table_ids(db *d, enum table_ids_kind k, int64_t **ids, long *n,
              zb_err *err);

#endif
