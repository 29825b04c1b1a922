/* `zhibu export grids|grid-roles|households|pairs|visits`: the columns of
 * src/io/more_cols.h, which the importers read back (an export imports
 * into an empty database as the same data, after members and grids).
 * Called by src/io/export.c. ID numbers masked unless o->full. */
#ifndef ZB_IO_EXPORT_MORE_H
#define ZB_IO_EXPORT_MORE_H

#include <stdbool.h>

#include "db.h"
#include "io/csv.h"
#include "io/export.h"

bool export_more_known(const char *kind);
/* The header and the rows of kind onto w; *rows counts the rows. */
int export_more_write(db *d, const char *kind, csv_writer *w,
                      const struct export_options *o, long *rows,
                      zb_err *err);

#endif
