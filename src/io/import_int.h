/* Internal to the importer (src/io/import*.c): what a kind of record
 * supplies, and what the framework offers it. A kind is a table of
 * columns and a row handler:
 *
 *   begin    after the header, inside the transaction (state zeroed)
 *   scan     optional first pass over every row, before begin
 *   row      one data row; values by column index, "" where the file
 *            has no such column or no value; problems go to
 *            import_error (the row is then not written), results to
 *            the counters in c->res and to import_change
 *   end      keep = no errors and not a dry run: finish writing, or
 *            drop everything staged; always release the state
 *
 * The framework opens the transaction before begin and commits or rolls
 * back after end. */
#ifndef ZB_IO_IMPORT_INT_H
#define ZB_IO_IMPORT_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "io/import.h"

struct import_col {
    const char *name;       /* the header zhibu exports */
    const char *aliases;    /* other headers, '|'-separated, or NULL */
};

struct import_ctx;

struct import_kind {
    const char *name;       /* "members" */
    const char *label;      /* "党员" */
    const struct import_col *cols;
    int ncols;
    size_t state_size;
    int (*scan)(struct import_ctx *c, long line, const char *const *v,
                zb_err *err);
    int (*begin)(struct import_ctx *c, zb_err *err);
    int (*row)(struct import_ctx *c, long line, const char *const *v,
               zb_err *err);
    int (*end)(struct import_ctx *c, bool keep, zb_err *err);
};

extern const struct import_kind import_members_kind;
/* src/io/import_grids.c, import_households.c, import_pairs.c */
extern const struct import_kind import_grids_kind, import_grid_roles_kind,
    import_households_kind, import_pairs_kind, import_visits_kind;
/* src/io/import_meetings.c, import_attendance.c */
extern const struct import_kind import_meetings_kind, import_attendance_kind;
/* src/io/import_org_tree.c, import_org_posts.c */
extern const struct import_kind import_org_tree_kind, import_org_posts_kind;

struct import_orgs;
struct smap;

struct import_ctx {
    db *d;
    const struct import_options *opt;
    const struct import_kind *kind;
    char today[11];
    bool *have;                /* [ncols]: the file has this column */
    void *state;               /* state_size bytes for the kind */
    struct import_result *res;
    FILE *errors, *changes, *notes;   /* report sections */
    long last_error_line;
    struct import_orgs *orgs;  /* organisations (import_org_for_member) */
};

/* A problem in a row (col -1: the row as a whole). Counts the row as
 * bad once. */
void import_error(struct import_ctx *c, long line, int col,
                  const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A line in the report's list of updated records. */
void import_change(struct import_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A remark on a row that is imported nonetheless. */
void import_note(struct import_ctx *c, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* True if the row already had an error. */
bool import_row_bad(const struct import_ctx *c, long line);

/* ---- value helpers ---- */

/* A date as people type it (rules_date_normalize), also with a time of
 * day after it as Excel writes date cells ("2021/7/1 0:00"). */
bool import_date(const char *v, char out[11]);
/* 是/否, Y/N, 1/0, TRUE/FALSE, 有/无: 1 yes, 0 no, -1 neither. */
int import_yes_no(const char *v);

/* ---- a string map (owned keys; values are int64) ---- */

struct smap *smap_new(void);
void smap_free(struct smap *m);
/* true and *value if present */
bool smap_get(const struct smap *m, const char *key, int64_t *value);
/* -1 out of memory */
int smap_put(struct smap *m, const char *key, int64_t value);

/* ---- organisations (import_orgs.c) ---- */

/* The organisation a member row names (所在党支部): its full path
 * ("新华街道党工委/东城社区党委/第一支部"), a unique tail of a path, or a
 * unique name. Sets *id, or *id = 0 and reports the row's problem
 * (unknown, ambiguous, not a 支部 or 党小组, dissolved). With
 * opt->create_orgs an unknown organisation is created (see
 * import_orgs.c). -1 only on a database failure. */
int import_org_for_member(struct import_ctx *c, long line, int col,
                          const char *text, bool has_left, int64_t *id,
                          zb_err *err);
/* The kind an organisation created by an import gets from its name
 * (…党委 社区党委, …网格… 网格党支部, else 功能型党支部). */
const char *import_org_guess_kind(const char *name);
/* The report's organisation section (unknown and created ones). */
void import_orgs_report(struct import_ctx *c, FILE *out);
void import_orgs_free(struct import_ctx *c);

#endif
