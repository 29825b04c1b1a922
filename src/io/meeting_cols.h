/* The columns of the meeting and attendance CSV files, shared by the
 * importers (src/io/import_meetings.c and import_attendance.c, which
 * define the arrays) and the exporter (src/io/export.c, which writes
 * them in this order): one list, so that an export always imports. */
#ifndef ZB_IO_MEETING_COLS_H
#define ZB_IO_MEETING_COLS_H

#include "io/import_int.h"

/* meetings: 会议编号 is this database's number (attendance files name a
 * meeting by it, checked against date, kind and organisation); 应到 …
 * 列席 are counted from the roll and not read back. */
enum meeting_col { MT_ID, MT_DATE, MT_START, MT_END, MT_KIND, MT_ORG,
                   MT_TOPIC, MT_PLACE, MT_HOST, MT_RECORDER, MT_LECTURER,
                   MT_EXPECTED, MT_PRESENT, MT_LEAVE, MT_ABSENT, MT_GUESTS,
                   MT_MINUTES, MEETING_NCOLS };
extern const struct import_col meeting_cols[MEETING_NCOLS];

/* attendance: one roll row; a member by 党员编号 or 公民身份号码 (姓名
 * as a check), a guest without a record by 姓名 alone. */
enum att_col { A_MEETING, A_DATE, A_KIND, A_TOPIC, A_MORG, A_NO, A_NAME,
               A_IDNUM, A_ORG, A_CATEGORY, A_STATE, A_REASON, A_MAKEUP,
               A_MARKED_BY, ATT_NCOLS };
extern const struct import_col att_cols[ATT_NCOLS];

#endif
