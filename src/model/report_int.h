/* Internal to the report model (src/model/report*.c). */
#ifndef ZB_MODEL_REPORT_INT_H
#define ZB_MODEL_REPORT_INT_H

#include "model/report.h"

/* The organisations of the subtree rooted at ?1 (itself included) as a
 * CTE named sub(id). UNION: a parent cycle cannot loop. */
#define REPORT_SUBTREE \
    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION" \
    " SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id) "

/* The grid part of r (r->org_id, r->upto set): report_grids.c. */
int report_grids(db *d, const struct report *r, struct report_grids *g,
                 zb_err *err);

#endif
