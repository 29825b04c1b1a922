/* The columns of a member CSV file, shared by the importer
 * (import_members.c, which defines member_cols) and the exporter
 * (export.c, which writes them in this order): one list, so that an
 * export always imports. */
#ifndef ZB_IO_MEMBER_COLS_H
#define ZB_IO_MEMBER_COLS_H

#include "io/import_int.h"

enum member_col {
    C_NO, C_NAME, C_GENDER, C_IDNUM, C_ETHNIC, C_BIRTH, C_EDUCATION,
    C_CATEGORY, C_ORG, C_JOIN, C_FULL, C_JOB, C_PHONE, C_ADDRESS, C_STATUS,
    C_LOST, C_LOST_DATE, C_MOBILE, C_MOBILE_DEST, C_KIND, C_EMPLOYER,
    C_NOTES, C_LEFT, C_LEFT_DATE, MEMBER_NCOLS
};

extern const struct import_col member_cols[MEMBER_NCOLS];

#endif
