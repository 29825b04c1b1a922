/* The columns of the organisation and organisation-post CSV files,
 * shared by the importers (src/io/import_org_tree.c and
 * import_org_posts.c, which define the arrays) and the exporter
 * (src/io/export_orgs.c, which writes them in this order): one list, so
 * that an export always imports. */
#ifndef ZB_IO_ORG_COLS_H
#define ZB_IO_ORG_COLS_H

#include "io/import_int.h"

/* orgs: one organisation a row, by its full path from the root. */
enum org_col { OG_PATH, OG_KIND, OG_FOUNDED, OG_ACTIVE, OG_GRID, OG_NOTES,
               ORG_NCOLS };
extern const struct import_col org_cols[ORG_NCOLS];

/* org-posts: one term of a post; a member by 党员编号 (姓名 as a check),
 * anyone else by 姓名. */
enum org_post_col { OP_ORG, OP_POST, OP_NAME, OP_NO, OP_PHONE, OP_START,
                    OP_END, ORG_POST_NCOLS };
extern const struct import_col org_post_cols[ORG_POST_NCOLS];

#endif
