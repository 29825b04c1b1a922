/* `zhibu check`: database integrity and rule checks. */
#ifndef ZB_MODEL_CHECK_H
#define ZB_MODEL_CHECK_H

#include <stdio.h>

#include "db.h"

/* Runs PRAGMA integrity_check and foreign_key_check, then the rule
 * checks (ID checksum, ID vs birth date and gender, dates in the future,
 * 转正 before 入党, phone format, duplicate ID numbers). Writes one line
 * per problem to out, in Chinese, then a summary line. *problems gets
 * the count. */
int check_run(db *d, FILE *out, long *problems, zb_err *err);

#endif
