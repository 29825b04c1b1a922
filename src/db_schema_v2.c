/* Schema step 2: meetings (三会一课) and their rolls. Wired into
 * db_migrations by src/db_schema.c as {2, db_schema_v2}; declared there:
 *     extern const char db_schema_v2[];
 * Never edit once shipped: add a step. */

#define DATE_OK(c) "CHECK (" c " = '' OR " c " GLOB " \
    "'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"
#define TIME_OK(c) "CHECK (" c " = '' OR " c " GLOB " \
    "'[0-2][0-9]:[0-5][0-9]')"

/* The date a member last took part in organisational life, else when
 * the member joined, else when the record was made: what the watch list
 * (src/model/watch.c) counts months from. Must stay textually identical
 * to WATCH_REF there, or the index is not used. */
#define WATCH_REF \
    "(CASE WHEN last_attended <> '' THEN last_attended" \
    " WHEN join_date <> '' THEN join_date" \
    " ELSE substr(created_at, 1, 10) END)"

extern const char db_schema_v2[];
const char db_schema_v2[] =
    /* kind: enum meeting_kind (src/model/meeting.h). */
    "CREATE TABLE meeting ("
    " id INTEGER PRIMARY KEY,"
    " org_id INTEGER NOT NULL REFERENCES org(id),"
    " kind INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 8),"
    " date TEXT NOT NULL CHECK (date <> '') " DATE_OK("date") ","
    " start_time TEXT NOT NULL DEFAULT '' " TIME_OK("start_time") ","
    " end_time TEXT NOT NULL DEFAULT '' " TIME_OK("end_time") ","
    " place TEXT NOT NULL DEFAULT '',"
    " host TEXT NOT NULL DEFAULT '',"
    " recorder TEXT NOT NULL DEFAULT '',"
    " lecturer TEXT NOT NULL DEFAULT '',"
    " topic TEXT NOT NULL DEFAULT '',"
    " updated_at TEXT NOT NULL,"
    " updated_by TEXT NOT NULL DEFAULT '',"
    " minutes TEXT NOT NULL DEFAULT ''"
    ");"
    /* the list, newest first */
    "CREATE INDEX meeting_date ON meeting(date, start_time);"
    /* the foreign key, an organisation's meetings, and compliance (one
     * grouped scan of this index) */
    "CREATE INDEX meeting_org ON meeting(org_id, kind, date);"

    /* The roll. A member row (guest = 0) is an expected attendee written
     * when the roll was made, with the member's organisation and
     * category (1 正式, 2 预备) as they were on the meeting date; a
     * guest row (guest = 1, state 5 列席) is a member (member_id) or a
     * person by name. version bumps on every change (compare-and-set
     * marking). makeup_date: 补课 of a 请假. */
    "CREATE TABLE attendance ("
    " id INTEGER PRIMARY KEY,"
    " meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
    " member_id INTEGER REFERENCES member(id),"
    " guest INTEGER NOT NULL DEFAULT 0 CHECK (guest IN (0, 1)),"
    " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 5),"
    " category INTEGER NOT NULL DEFAULT 0,"
    " org_id INTEGER REFERENCES org(id),"
    " version INTEGER NOT NULL DEFAULT 1,"
    " name TEXT NOT NULL DEFAULT '',"
    " reason TEXT NOT NULL DEFAULT '',"
    " makeup_date TEXT NOT NULL DEFAULT '' " DATE_OK("makeup_date") ","
    " marked_by TEXT NOT NULL DEFAULT '',"
    " updated_at TEXT NOT NULL,"
    " updated_by TEXT NOT NULL DEFAULT '',"
    " CHECK (member_id IS NOT NULL OR (guest = 1 AND name <> '')),"
    " CHECK ((guest = 1) = (state = 5))"
    ");"
    /* a member is on a roll at most once; the roll of a meeting */
    "CREATE UNIQUE INDEX attendance_roll ON attendance(meeting_id,"
    " member_id);"
    /* a member's history and last attendance */
    "CREATE INDEX attendance_member ON attendance(member_id, state,"
    " meeting_id);"
    /* 请假 rows (the watch list's leave count) and those still owing a
     * make-up (few: the watch list reads all of them) */
    "CREATE INDEX attendance_leave ON attendance(member_id, meeting_id)"
    " WHERE state = 3;"
    "CREATE INDEX attendance_owed ON attendance(member_id, meeting_id)"
    " WHERE state = 3 AND makeup_date = '';"

    "ALTER TABLE member ADD COLUMN last_attended TEXT NOT NULL DEFAULT ''"
    " " DATE_OK("last_attended") ";"
    /* The watch list reads members on the register in the order of
     * their reference date, most months first, straight from here. */
    "CREATE INDEX member_watch ON member(" WATCH_REF ", org_id)"
    " WHERE left_kind = 0 AND party_status = 1;";
