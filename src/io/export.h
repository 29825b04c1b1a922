/* `zhibu export KIND [FILE]`: members, meetings, attendance as CSV that
 * Excel and WPS open correctly (src/io/csv.h: UTF-8 with a BOM, or
 * GB18030; digits kept as text). Member files carry the headers the
 * importer reads (src/io/member_cols.h), organisations as full paths,
 * so that an export imports into an empty database as the same data.
 * ID numbers are masked ("1101**********002X") unless `full`. */
#ifndef ZB_IO_EXPORT_H
#define ZB_IO_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "db.h"
#include "io/csv.h"

struct export_options {
    enum csv_encoding encoding;   /* CSV_ENC_UTF8 (default) or GB18030 */
    bool full;                    /* unmasked ID numbers */
};

/* "members、meetings、attendance" */
const char *export_kind_names(void);
bool export_kind_known(const char *kind);

/* Writes KIND to f; *rows = data records written. */
int export_write(db *d, const char *kind, FILE *f,
                 const struct export_options *o, long *rows, zb_err *err);
/* Writes KIND to a new file (mode 0600: it holds personal data),
 * refusing to replace an existing one; nothing is left behind on
 * failure. */
int export_file(db *d, const char *kind, const char *path,
                const struct export_options *o, long *rows, zb_err *err);

#endif
