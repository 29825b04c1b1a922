/* Internal to the importers of grids, grid roles, households, pairs and
 * visits (src/io/import_grids.c, import_households.c, import_pairs.c):
 * looking up what a row names (grid nodes by path, members by number or
 * ID number, households by number or name and grid), with caches so that
 * a file of thousands of rows asks the database once per name. */
#ifndef ZB_IO_IMPORT_MORE_H
#define ZB_IO_IMPORT_MORE_H

#include <stdbool.h>
#include <stdint.h>

#include "io/import_int.h"

struct more_cache {
    struct smap *grids;        /* normalized path -> node id */
    struct smap *members;      /* "n:<no>" / "i:<ID>" -> member id */
    struct smap *households;   /* "<name>\x1f<grid id>" -> id (-1: several) */
};

void more_cache_free(struct more_cache *m);

/* Index i in 1..n-1 with labels[i] equal to v, else 0. */
int more_label(const char *const *labels, int n, const char *v);
/* A whole number 0..max: "" gives *out = -1 (not given); false if v is
 * not one (digits only, ASCII or full width; "12户"/"12人" accepted). */
bool more_count(const char *v, long max, long *out);

/* "东湖社区 / 第一片区/ 第一网格" -> "东湖社区/第一片区/第一网格". */
void more_path_norm(const char *s, char *out, size_t outsz);

/* The grid node at path (as grid_list shows it; blanks around names
 * ignored): *id, or 0 for "" (no node; the tree's paths are loaded
 * all the same). An unknown path is the row's
 * problem (reported at col, *id = -1). -1 only on a database failure.
 * more_grid_add: a node created by this import. */
int more_grid(struct import_ctx *c, struct more_cache *m, long line, int col,
              const char *path, int64_t *id, zb_err *err);
int more_grid_add(struct more_cache *m, const char *path, int64_t id);

/* The member a row names by 党员编号 and/or 公民身份号码: *id (0 when
 * both are ""), checked against name when name is not "" and against
 * each other. Problems are reported (*id = -1). name_out (may be NULL)
 * gets the member's name. -1 only on a database failure. */
int more_member(struct import_ctx *c, struct more_cache *m, long line,
                int no_col, const char *no, int idnum_col, const char *idnum,
                int name_col, const char *name, int64_t *id, char *name_out,
                size_t name_sz, zb_err *err);

/* The household a row names: by 编号 (its name, if given, must agree)
 * or by name and grid path (exactly one household). Problems are
 * reported at the given columns (*id = -1). -1 only on a database
 * failure. */
int more_household(struct import_ctx *c, struct more_cache *m, long line,
                   const int cols[3], const char *number, const char *name,
                   const char *grid, int64_t *id, zb_err *err);
/* A household created by this import (name, grid) -> id. */
int more_household_add(struct more_cache *m, const char *name,
                       int64_t grid_id, int64_t id);
/* The household that exactly matches name and grid_id: *id, 0 if none,
 * -2 if several. */
int more_household_find(struct import_ctx *c, struct more_cache *m,
                        const char *name, int64_t grid_id, int64_t *id,
                        zb_err *err);

/* A model's field name mapped to a column. */
struct more_field {
    const char *field;
    int col;
};
/* The column of field in map (ended by {NULL, x}: x is the fallback). */
int more_field_col(const struct more_field *map, const char *field);

#endif
