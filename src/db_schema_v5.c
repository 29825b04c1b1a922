/* Schema step 5: each meeting's roll counted, for the work-summary
 * report (src/model/report.c). A district's year holds millions of roll
 * rows; the report reads one row per meeting from here instead, in date
 * order. Kept by triggers, so every writer of meetings and rolls (the
 * forms, marking, the demo, imports) keeps it right without knowing
 * about it. Wired into db_migrations by src/db_schema.c. Never edit once
 * shipped: add a step. */

/* The counters a roll row adds to (sign +) or takes from (sign -) its
 * meeting's tally: states 0 未签到 .. 5 列席; prob_*: 预备党员 rows
 * (category 2) that were due (not 列席) and that attended (出席, 迟到). */
#define TALLY_SET(r, sign) \
    " unmarked = unmarked " sign " (" r ".state = 0)," \
    " present = present " sign " (" r ".state = 1)," \
    " late = late " sign " (" r ".state = 2)," \
    " leave = leave " sign " (" r ".state = 3)," \
    " absent = absent " sign " (" r ".state = 4)," \
    " guests = guests " sign " (" r ".state = 5)," \
    " prob_due = prob_due " sign " (" r ".category = 2 AND " r ".state < 5)," \
    " prob_att = prob_att " sign \
    " (" r ".category = 2 AND " r ".state IN (1, 2))"

extern const char db_schema_v5[];
const char db_schema_v5[] =
    "CREATE TABLE meeting_tally ("
    " date TEXT NOT NULL,"
    " meeting_id INTEGER NOT NULL UNIQUE,"
    " org_id INTEGER NOT NULL,"
    " kind INTEGER NOT NULL,"
    " unmarked INTEGER NOT NULL DEFAULT 0,"
    " present INTEGER NOT NULL DEFAULT 0,"
    " late INTEGER NOT NULL DEFAULT 0,"
    " leave INTEGER NOT NULL DEFAULT 0,"
    " absent INTEGER NOT NULL DEFAULT 0,"
    " guests INTEGER NOT NULL DEFAULT 0,"
    " prob_due INTEGER NOT NULL DEFAULT 0,"
    " prob_att INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (date, meeting_id)"
    ") WITHOUT ROWID;"
    "INSERT INTO meeting_tally SELECT m.date, m.id, m.org_id, m.kind,"
    " count(a.id) FILTER (WHERE a.state = 0),"
    " count(a.id) FILTER (WHERE a.state = 1),"
    " count(a.id) FILTER (WHERE a.state = 2),"
    " count(a.id) FILTER (WHERE a.state = 3),"
    " count(a.id) FILTER (WHERE a.state = 4),"
    " count(a.id) FILTER (WHERE a.state = 5),"
    " count(a.id) FILTER (WHERE a.category = 2 AND a.state < 5),"
    " count(a.id) FILTER (WHERE a.category = 2 AND a.state IN (1, 2))"
    " FROM meeting m LEFT JOIN attendance a ON a.meeting_id = m.id"
    " GROUP BY m.id;"

    "CREATE TRIGGER meeting_tally_ins AFTER INSERT ON meeting BEGIN"
    " INSERT INTO meeting_tally (date, meeting_id, org_id, kind)"
    "  VALUES (new.date, new.id, new.org_id, new.kind);"
    " END;"
    "CREATE TRIGGER meeting_tally_upd AFTER UPDATE OF date, org_id, kind"
    " ON meeting BEGIN"
    " UPDATE meeting_tally SET date = new.date, org_id = new.org_id,"
    "  kind = new.kind WHERE meeting_id = new.id;"
    " END;"
    "CREATE TRIGGER meeting_tally_del AFTER DELETE ON meeting BEGIN"
    " DELETE FROM meeting_tally WHERE meeting_id = old.id;"
    " END;"

    "CREATE TRIGGER attendance_tally_ins AFTER INSERT ON attendance BEGIN"
    " UPDATE meeting_tally SET" TALLY_SET("new", "+")
    "  WHERE meeting_id = new.meeting_id;"
    " END;"
    /* also the rows a deleted meeting takes with it (ON DELETE CASCADE
     * fires delete triggers) */
    "CREATE TRIGGER attendance_tally_del AFTER DELETE ON attendance BEGIN"
    " UPDATE meeting_tally SET" TALLY_SET("old", "-")
    "  WHERE meeting_id = old.meeting_id;"
    " END;"
    "CREATE TRIGGER attendance_tally_upd AFTER UPDATE OF meeting_id,"
    " category, state ON attendance WHEN old.meeting_id <> new.meeting_id"
    " OR old.category <> new.category OR old.state <> new.state BEGIN"
    " UPDATE meeting_tally SET" TALLY_SET("old", "-")
    "  WHERE meeting_id = old.meeting_id;"
    " UPDATE meeting_tally SET" TALLY_SET("new", "+")
    "  WHERE meeting_id = new.meeting_id;"
    " END;";
