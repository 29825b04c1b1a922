/* The columns of a member CSV file, shared by the importer
 * (import_members.c) and the exporter (export.c, which writes them in
 * this order): one list (member_cols.c), so that an export always
 * imports. */
#ifndef ZB_IO_MEMBER_COLS_H
#define ZB_IO_MEMBER_COLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "io/import_int.h"
#include "model/member.h"

enum member_col {
    C_NO, C_NAME, C_GENDER, C_IDNUM, C_ETHNIC, C_BIRTH, C_EDUCATION,
    C_CATEGORY, C_ORG, C_JOIN, C_FULL, C_JOB, C_PHONE, C_ADDRESS, C_STATUS,
    C_LOST, C_LOST_DATE, C_MOBILE, C_MOBILE_DEST, C_KIND, C_EMPLOYER,
    C_NOTES, C_LEFT, C_LEFT_DATE, C_RESIDENCE, MEMBER_NCOLS
};

extern const struct import_col member_cols[MEMBER_NCOLS];

/* The id of a zhibu member number ("1" and 7 digits), else 0. */
int64_t member_col_number(const char *s);
/* A value into a member field, cut to dstsz (sizes are checked first). */
void member_col_copy(char *dst, size_t dstsz, const char *v);
/* One row's non-empty values (v by member_col) read into in: set[col]
 * is true for each value that could be read (only those fields of in
 * are written); every other one is reported with import_error.
 * *number: the 党员编号's id (0 = none); *masked: the ID number is a
 * masked one ("1101**********002X"), to be judged once the row is
 * matched. 所在党支部 and 居住网格 are left to the caller. */
void member_cols_parse(struct import_ctx *c, long line, const char *const *v,
                       member *in, bool *set, int64_t *number, bool *masked);

#endif
