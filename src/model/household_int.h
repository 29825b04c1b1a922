/* Internal to the pairing-assistance model (household*.c, pair.c,
 * visit.c, pair_totals.c, assist.c, demo_pairs.c): what they share. */
#ifndef ZB_MODEL_HOUSEHOLD_INT_H
#define ZB_MODEL_HOUSEHOLD_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "rules_pair.h"

/* Grid nodes of the subtree rooted at the node bound to ?1 (itself
 * included; none when ?1 is NULL), as a CTE named gsub(id). */
#define GRID_SUBTREE_CTE \
    "WITH RECURSIVE gsub(id) AS (SELECT ?1 WHERE ?1 IS NOT NULL UNION" \
    " SELECT g.id FROM grid g JOIN gsub ON g.parent_id = gsub.id) "

/* A pair is ongoing on a day (bound as `t`) when it has not ended
 * before it. */
#define PAIR_ONGOING(p, t) "(" p ".end_date = '' OR " p ".end_date >= " t ")"

/* Members who may help (alias m): on the register, not 失联, not 停止党籍,
 * not a person in need themselves (linked to an open household). */
#define HH_ELIGIBLE \
    " m.left_kind = 0 AND m.lost = 0 AND m.party_status = 1" \
    " AND NOT EXISTS (SELECT 1 FROM household x WHERE x.member_id = m.id" \
    "  AND x.status = 1)"

struct hh_member {
    bool found;
    char name[128];
    int left_kind;
    bool lost, suspended;
    char address[512];
};
/* The facts of a member the pairing rules need (found false if none). */
int hh_member_info(db *d, int64_t id, struct hh_member *out, zb_err *err);

/* True if s holds nothing but spaces. */
bool hh_blank(const char *s);

/* Sets *field (if field) to name, formats the message into err, and
 * returns -1: a validation failure at one field. */
int hh_bad(const char **field, const char *name, zb_err *err,
           const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* The stored search text (lower-case name, pinyin initials, phone
 * digits) and pinyin sort key of a household. */
void hh_keys(const char *name, const char *phone, char *search,
             size_t search_sz, char *sort_py, size_t sort_sz);

/* The columns of a struct visit_row (alias v for visit; the FROM is
 * included), read by hh_visit_row. */
#define HH_VISIT_ROW_COLS \
    "v.id, v.pair_id, v.household_id, h.name, v.date, v.kind," \
    " coalesce(m.name, p.partner_name), substr(v.done, 1, 200)," \
    " v.cash_fen, v.goods_fen, v.jobs, v.followup, v.followup_due," \
    " v.followup_done" \
    " FROM visit v JOIN pair p ON p.id = v.pair_id" \
    " JOIN household h ON h.id = v.household_id" \
    " LEFT JOIN member m ON m.id = p.member_id"
/* The grid tree in memory (src/model/household_grid.c): every node with its
 * place (src/rules_pair.h), sorted by id. */
struct gnode {
    int64_t id, parent;
    int level;
    char name[160];
    struct rp_place place;
};
struct gmap {
    struct gnode *n;
    size_t len;
};
/* Loads the whole grid table; free g->n. */
int hh_gmap_load(db *d, struct gmap *g, zb_err *err);
struct gnode *hh_gfind(const struct gmap *g, int64_t id);
/* A node's place / name; empty for 0 or an unknown node. */
struct rp_place hh_place_of(const struct gmap *g, int64_t node);
const char *hh_node_name(const struct gmap *g, int64_t node);

struct visit_row;
void hh_visit_row(struct sqlite3_stmt *st, struct visit_row *r);

#endif
