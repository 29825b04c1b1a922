/* Organisations that import rows name (src/io/import_meetings.c,
 * import_attendance.c, import_org_tree.c, import_org_posts.c): by full
 * path as zhibu exports it ("云溪街道党工委/东湖社区党委/第一网格党支部",
 * blanks around the slashes ignored) or by a name only one organisation
 * has. Loaded once per import; organisations the import creates are
 * added as it goes. (Member rows use import_org_for_member, which also
 * creates organisations: src/io/import_orgs.c.) */
#ifndef ZB_IO_ORG_LOOKUP_H
#define ZB_IO_ORG_LOOKUP_H

#include <stdbool.h>
#include <stdint.h>

#include "io/import_int.h"

struct org_lookup {
    struct smap *paths;   /* normalized path -> id */
    struct smap *names;   /* name -> id, -2 when several have it */
};

int org_lookup_load(struct org_lookup *x, db *d, zb_err *err);
void org_lookup_free(struct org_lookup *x);
/* An organisation this import created (path normalized). -1 out of
 * memory. */
int org_lookup_add(struct org_lookup *x, const char *path, int64_t id);
/* The id at exactly this path (normalized first), else 0. */
int64_t org_lookup_path(const struct org_lookup *x, const char *path);
/* The organisation text names (path or unique name): *id, or *id = 0
 * and the row's problem reported at col (unknown, ambiguous). */
void org_lookup_row(struct import_ctx *c, const struct org_lookup *x,
                    long line, int col, const char *text, int64_t *id);

#endif
