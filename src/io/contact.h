/* The contact sheet of a grid node (网格公示牌 / 联系卡) as plain UTF-8
 * text for printing: a title (the node's path), then the responsible
 * people on the date `today`, one per line: 职务, 姓名, 电话, aligned by
 * display width so that CJK names of 2-4 characters line up. The people
 * are the node's own roles, its ancestors' 片长 / 党小组长 / 退管小组长 /
 * 网格长 / 网格员, and the 楼栋长 / 单元长 of the buildings and units
 * below it; then the party organisation built on the node (or on the
 * node's 网格) and its 书记. */
#ifndef ZB_IO_CONTACT_H
#define ZB_IO_CONTACT_H

#include <stdint.h>
#include <stdio.h>

#include "db.h"

/* today: YYYY-MM-DD, NULL or "" = rules_today(). */
int contact_sheet_print(db *d, int64_t grid_id, const char *today,
                        FILE *out, zb_err *err);
/* Writes to path atomically (a temporary file renamed over it), mode
 * 0644. */
int contact_sheet_write(db *d, int64_t grid_id, const char *today,
                        const char *path, zb_err *err);

#endif
