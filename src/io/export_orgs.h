/* `zhibu export orgs|org-posts`: the columns of src/io/org_cols.h, which
 * the importers read back (an export imports into an empty database as
 * the same data: orgs after grids, org-posts after members). Called by
 * src/io/export.c. */
#ifndef ZB_IO_EXPORT_ORGS_H
#define ZB_IO_EXPORT_ORGS_H

#include <stdbool.h>

#include "db.h"
#include "io/csv.h"
#include "io/export.h"

bool export_orgs_known(const char *kind);
/* The header and the rows of kind onto w; *rows counts the rows. */
int export_orgs_write(db *d, const char *kind, csv_writer *w,
                      const struct export_options *o, long *rows,
                      zb_err *err);

#endif
