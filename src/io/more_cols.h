/* The columns of the grid, grid role, household, pair and visit CSV
 * files, shared by their importers (src/io/import_grids.c,
 * import_households.c, import_pairs.c, which define the arrays) and the
 * exporter (src/io/export_more.c, which writes them in this order): one
 * list, so that an export always imports. */
#ifndef ZB_IO_MORE_COLS_H
#define ZB_IO_MORE_COLS_H

#include "io/import_int.h"

/* grids: a node by its path from the community down. */
enum grid_col { G_PATH, G_LEVEL, G_HOUSEHOLDS, G_POPULATION, G_NOTES,
                GRID_NCOLS };
extern const struct import_col grid_cols[GRID_NCOLS];

/* grid-roles: a term of a responsible person on a node. */
enum role_col { R_GRID, R_ROLE, R_NAME, R_PHONE, R_NO, R_IDNUM, R_START,
                R_END, R_NOTES, ROLE_NCOLS };
extern const struct import_col role_cols[ROLE_NCOLS];

/* households: 编号 is this database's number (pairs and visits files
 * name a household by it, or by name and grid). */
enum household_col { H_ID, H_NAME, H_KINDS, H_LEVEL, H_STATUS, H_GRID,
                     H_MEMBER_NO, H_MEMBER_IDNUM, H_SIZE, H_PHONE, H_ADDRESS,
                     H_NEEDS, H_PLAN, H_REGISTERED, H_CLOSED, H_REASON,
                     HOUSEHOLD_NCOLS };
extern const struct import_col household_cols[HOUSEHOLD_NCOLS];

/* pairs: the household (编号, or name and grid) and the helper: a member
 * (党员编号 or 公民身份号码, with the name as a check) or a partner
 * (姓名 with 共建单位). */
enum pair_col { P_HH_ID, P_HH_NAME, P_HH_GRID, P_NO, P_IDNUM, P_NAME,
                P_UNIT, P_POST, P_PHONE, P_START, P_END, P_GOAL,
                PAIR_NCOLS };
extern const struct import_col pair_cols[PAIR_NCOLS];

/* visits: the household as for pairs, the helper as for pairs (may be
 * left out when the household had one helper on the date), the visit. */
enum visit_col { V_HH_ID, V_HH_NAME, V_HH_GRID, V_NO, V_IDNUM, V_NAME,
                 V_DATE, V_KIND, V_DONE, V_CASH, V_GOODS, V_GOODS_VALUE,
                 V_JOBS, V_FOLLOWUP, V_DUE, V_FOLLOWUP_DONE, VISIT_NCOLS };
extern const struct import_col visit_cols[VISIT_NCOLS];

#endif
