/* Grids (网格化管理): the tree 社区 → 片区 → 网格 → 楼栋 → 单元, the
 * households and population entered per node, the responsible people
 * (roles with dates), and the coverage check. All grid SQL lives in
 * src/model/grid*.c. */
#ifndef ZB_MODEL_GRID_H
#define ZB_MODEL_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

enum grid_level {
    GRID_COMMUNITY = 1,   /* 社区 */
    GRID_AREA = 2,        /* 片区（大网格） */
    GRID_GRID = 3,        /* 网格（中网格） */
    GRID_BUILDING = 4,    /* 楼栋 */
    GRID_UNIT = 5         /* 单元 */
};
/* [0]="", 社区, 片区, 网格, 楼栋, 单元 */
extern const char *const grid_level_label[];
#define GRID_LEVEL_N 6

enum grid_role_kind {
    ROLE_AREA_HEAD = 1,       /* 片长 (a community worker) */
    ROLE_GROUP_LEADER = 2,    /* 党小组长 */
    ROLE_RETIREE_HEAD = 3,    /* 退管小组长 */
    ROLE_BUILDING_HEAD = 4,   /* 楼栋长 */
    ROLE_GRID_HEAD = 5,       /* 网格长 */
    ROLE_WORKER_FULL = 6,     /* 网格员（专职） */
    ROLE_WORKER_PART = 7,     /* 网格员（兼职） */
    ROLE_UNIT_HEAD = 8        /* 单元长 */
};
/* [0]="", 片长, 党小组长, 退管小组长, 楼栋长, 网格长, 网格员（专职）,
 * 网格员（兼职）, 单元长 */
extern const char *const grid_role_label[];
#define GRID_ROLE_N 9
/* The level a role belongs on (片长/党小组长/退管小组长: 片区; 楼栋长:
 * 楼栋; 网格长/网格员: 网格; 单元长: 单元). */
int grid_role_level(int role);

#define GRID_NAME_CHARS 40
#define GRID_NOTES_CHARS 1000

/* One node as stored. households/population: -1 = not entered. */
struct grid_node {
    int64_t id;                /* 0 = not stored yet */
    int64_t parent_id;         /* 0 = a root (a 社区) */
    int level;                 /* enum grid_level */
    char name[GRID_NAME_CHARS * 4 + 1];
    int sort;
    long households, population;
    char notes[GRID_NOTES_CHARS * 4 + 1];
    char updated_at[20];
    char updated_by[64];
};

/* One node of the whole tree as listed, with computed figures. */
struct grid_item {
    int64_t id, parent_id;
    int level, depth;
    char name[GRID_NAME_CHARS * 4 + 1];
    char path[512];            /* "东城社区/第三片区/5号楼" */
    long households, population;         /* entered, -1 = not */
    /* The node's own entered value when it has one, else the sum of
     * its children's totals (-1 when nothing below is entered either). */
    long total_households, total_population;
    /* The children's totals summed (-1 when none has one): shown next
     * to an entered value so a mismatch is visible. */
    long child_households, child_population;
    long residents;            /* members on the register whose
                                  residence is in the subtree */
};

/* The whole tree in tree order (parent before children, siblings by
 * sort then pinyin of name, numbers in names read as numbers: 第二网格
 * before 第十网格), totals computed, as a malloc'ed array. residents:
 * members on the register (not those who left). Caller frees *items. */
int grid_list(db *d, struct grid_item **items, int *n, zb_err *err);

void grid_node_init(struct grid_node *g);   /* zeroed, figures -1 */
int grid_get(db *d, int64_t id, struct grid_node *out, zb_err *err);

/* Checks a node before saving; returns 0 or -1 with a Chinese message
 * naming the problem (empty name "请填写名称"; level not below its
 * parent's, e.g. "楼栋不能建在单元之下"; negative figures). field gets
 * the name of the offending field ("name", "level", "households",
 * "population", "parent") so a form can show it next to the field. */
int grid_validate(db *d, const struct grid_node *g, const char **field,
                  zb_err *err);
/* Inserts (id == 0, sets it) or updates, after grid_validate, in one
 * transaction. Also refused: a sibling with the same name, a '/' in the
 * name (it separates paths), a level change that would leave children
 * not below it or roles of another level on it. */
int grid_save(db *d, struct grid_node *g, zb_err *err);
/* Moves id under new_parent (0 = make it a root, only for a 社区).
 * Refused: under itself or its own subtree ("不能移到它自己的下级"),
 * a level not below the new parent's. */
int grid_move(db *d, int64_t id, int64_t new_parent, zb_err *err);
/* Deletes a node with nothing attached. Refused, saying why: it has
 * child nodes, roles (current or past), residents, organisations built
 * on it, or households in need registered on it. */
int grid_delete(db *d, int64_t id, zb_err *err);

/* The node named by s: its id ("17") or its path as grid_list shows it
 * ("东城社区/第一片区/第二网格"; blanks around each name ignored).
 * Refused with a Chinese message if there is none. */
int grid_resolve(db *d, const char *s, int64_t *id, zb_err *err);

/* ---- roles ---- */

struct grid_role {
    int64_t id;                /* 0 = not stored yet */
    int64_t grid_id;
    int role;                  /* enum grid_role_kind */
    int64_t member_id;         /* 0 = not a member on the register */
    char name[32 * 4 + 1];
    char phone[32];
    char start_date[11], end_date[11];   /* "" = unknown / still */
    char notes[200 * 4 + 1];
};

/* Roles of one node, current first (end_date "" or >= today), then by
 * role and start date; include_past false leaves out ended ones. */
int grid_role_list(db *d, int64_t grid_id, bool include_past,
                   const char *today, struct grid_role **roles, int *n,
                   zb_err *err);
int grid_role_get(db *d, int64_t id, struct grid_role *out, zb_err *err);
/* Refused with a Chinese message and *field set ("name", "role",
 * "phone", "start_date", "end_date"; "grid" when the node is gone): no
 * person ("请填写担任此职务的人员"), a role that does not belong on the
 * node's level, no phone on a current term ("请填写联系电话"), a bad
 * phone, a bad date, end before start, dates overlapping another term
 * of the same role on the same node ("与 张三 2024-01-01 至今 的任期重叠";
 * "" start = since ever, "" end = still). Several 网格员（兼职） may
 * serve at once: for them only the same person (member or name) twice
 * overlaps. grid_role_save first copies a picked member's name (and
 * phone, when none is given) and normalizes lenient dates (2025/3/1). */
int grid_role_validate(db *d, const struct grid_role *r, const char **field,
                       zb_err *err);
int grid_role_save(db *d, struct grid_role *r, zb_err *err);
int grid_role_delete(db *d, int64_t id, zb_err *err);

/* ---- contact sheet (公示牌 / 联系卡) data ---- */

struct grid_contact {
    int64_t grid_id;           /* the node the role is on */
    int role;                  /* enum grid_role_kind */
    char where[512];           /* for a node below the sheet's node, its
                                  path from there ("3号楼/1单元"); "" for
                                  the node itself and its ancestors */
    char name[32 * 4 + 1];
    char phone[32];
};

struct grid_contact_org {
    int64_t org_id;
    char name[128];
    char secretary[32 * 4 + 1];   /* current 书记, "" if none */
    char phone[32];
};

struct grid_contacts {
    char path[512];            /* the node's path */
    int level;
    struct grid_contact *people;   /* malloc'ed */
    int npeople;
    struct grid_contact_org *orgs;  /* malloc'ed */
    int norgs;
};

/* Who to call about node grid_id on today: the roles current on its
 * ancestors, on itself, then on every node below it in tree order
 * (by role and start date on each node); the active organisations built
 * on the node or below it, else those on its nearest ancestor that has
 * any, each with its current 书记. Free with grid_contacts_free. */
int grid_contacts(db *d, int64_t grid_id, const char *today,
                  struct grid_contacts *out, zb_err *err);
void grid_contacts_free(struct grid_contacts *c);

/* ---- coverage (一片三长、每格定人) ---- */

enum grid_gap_kind {
    GAP_NO_GRID_HEAD = 1,      /* 网格 without a current 网格长 */
    GAP_NO_WORKER,             /* 网格 without a current 网格员 */
    GAP_AREA_HEADS,            /* 片区 missing one of 片长, 党小组长,
                                  退管小组长 */
    GAP_NO_BUILDING_HEAD,      /* 楼栋 without a current 楼栋长 */
    GAP_SIZE_HOUSEHOLDS,       /* 网格 outside 300–500 households */
    GAP_SIZE_POPULATION,       /* 网格 outside 1,000–1,500 people */
    GAP_NO_ORG                 /* 网格 with no party organisation on it */
};

struct grid_gap {
    int64_t grid_id;
    int kind;                  /* enum grid_gap_kind */
    char path[512];
    char text[256];            /* "缺网格长", "户数 812，超出 300-500 户"
                                  (ASCII '-': no ambiguous-width dash) */
};

/* Gaps in the subtree of community_id (0 = every community) on date
 * today, in tree order. Caller frees *gaps. */
int grid_coverage(db *d, int64_t community_id, const char *today,
                  struct grid_gap **gaps, int *n, zb_err *err);

#endif
