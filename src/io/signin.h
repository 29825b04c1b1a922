/* The sign-in sheet (签到表) of a meeting, as plain text for printing:
 * the meeting's particulars, then one line per expected attendee with
 * sequence number, name, organisation, member number (barcode-friendly
 * digits) and a blank to sign, aligned by display width (CJK names of
 * 2-4 characters line up), then blank lines for 列席 guests. */
#ifndef ZB_IO_SIGNIN_H
#define ZB_IO_SIGNIN_H

#include <stdint.h>
#include <stdio.h>

#include "db.h"

int signin_write(db *d, int64_t meeting_id, FILE *out, zb_err *err);
/* Writes to path (created 0644, replaced if it exists). */
int signin_write_file(db *d, int64_t meeting_id, const char *path,
                      zb_err *err);

#endif
