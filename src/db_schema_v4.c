/* Schema step 4: pairing assistance (结对帮扶): households and persons
 * in need, pairs with helpers, visits. Wired into db_migrations by
 * src/db_schema.c. Never edit once shipped: add a step. Money is
 * INTEGER 分. */

#define DATE_OK(c) "CHECK (" c " = '' OR " c " GLOB " \
    "'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"

extern const char db_schema_v4[];
const char db_schema_v4[] =
    /* kinds: a bit set of enum hh_kind (src/model/household.h); level:
     * difficulty 1..3; status 1 open, 2 closed (close_reason, closed).
     * member_id: the 困难党员 this household is. last_visit: the latest
     * visit date, kept by the visit model for the overdue list.
     * registered: the day it was registered (登记日期; may be earlier
     * than created_at for records entered afterwards). */
    "CREATE TABLE household ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL CHECK (name <> ''),"
    " sort_py TEXT NOT NULL DEFAULT '',"
    " search TEXT NOT NULL DEFAULT '',"
    " kinds INTEGER NOT NULL DEFAULT 0 CHECK (kinds >= 0),"
    " level INTEGER NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 3),"
    " status INTEGER NOT NULL DEFAULT 1 CHECK (status IN (1, 2)),"
    " grid_id INTEGER REFERENCES grid(id),"
    " member_id INTEGER REFERENCES member(id),"
    " size INTEGER NOT NULL DEFAULT 1 CHECK (size BETWEEN 1 AND 99),"
    " phone TEXT NOT NULL DEFAULT '',"
    " address TEXT NOT NULL DEFAULT '',"
    " last_visit TEXT NOT NULL DEFAULT '' " DATE_OK("last_visit") ","
    " registered TEXT NOT NULL CHECK (registered <> '') "
    DATE_OK("registered") ","
    " closed TEXT NOT NULL DEFAULT '' " DATE_OK("closed") ","
    " close_reason TEXT NOT NULL DEFAULT '',"
    " created_at TEXT NOT NULL,"
    " updated_at TEXT NOT NULL,"
    " updated_by TEXT NOT NULL DEFAULT '',"
    " needs TEXT NOT NULL DEFAULT '',"
    " plan TEXT NOT NULL DEFAULT '',"
    " CHECK ((status = 2) = (closed <> '')),"
    " CHECK (closed = '' OR closed >= registered)"
    ");"
    "CREATE INDEX household_py ON household(sort_py, id);"
    "CREATE INDEX household_grid ON household(grid_id)"
    " WHERE grid_id IS NOT NULL;"
    "CREATE INDEX household_member ON household(member_id)"
    " WHERE member_id IS NOT NULL;"
    "CREATE INDEX household_open ON household(status, last_visit);"
    /* the list orders (src/model/household_list.c) */
    "CREATE INDEX household_level ON household(level DESC, sort_py, id);"
    "CREATE INDEX household_visit ON household(last_visit, sort_py, id);"
    "CREATE INDEX household_reg ON household(registered, id);"

    /* A helper is a member or a person from a partner unit (共建单位).
     * end_date '' = ongoing. */
    "CREATE TABLE pair ("
    " id INTEGER PRIMARY KEY,"
    " household_id INTEGER NOT NULL REFERENCES household(id),"
    " member_id INTEGER REFERENCES member(id),"
    " partner_name TEXT NOT NULL DEFAULT '',"
    " partner_unit TEXT NOT NULL DEFAULT '',"
    " partner_post TEXT NOT NULL DEFAULT '',"
    " partner_phone TEXT NOT NULL DEFAULT '',"
    " start_date TEXT NOT NULL CHECK (start_date <> '') "
    DATE_OK("start_date") ","
    " end_date TEXT NOT NULL DEFAULT '' " DATE_OK("end_date") ","
    " goal TEXT NOT NULL DEFAULT '',"
    " updated_at TEXT NOT NULL,"
    " updated_by TEXT NOT NULL DEFAULT '',"
    " CHECK (member_id IS NOT NULL OR partner_name <> ''),"
    " CHECK (end_date = '' OR end_date >= start_date)"
    ");"
    "CREATE INDEX pair_household ON pair(household_id, end_date);"
    "CREATE INDEX pair_member ON pair(member_id, end_date)"
    " WHERE member_id IS NOT NULL;"

    /* kind: enum visit_kind. household_id repeats the pair's for the
     * totals. followup_due '' = none; followup_done: when it was done. */
    "CREATE TABLE visit ("
    " id INTEGER PRIMARY KEY,"
    " pair_id INTEGER NOT NULL REFERENCES pair(id),"
    " household_id INTEGER NOT NULL REFERENCES household(id),"
    " date TEXT NOT NULL CHECK (date <> '') " DATE_OK("date") ","
    " kind INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 9),"
    " cash_fen INTEGER NOT NULL DEFAULT 0 CHECK (cash_fen >= 0),"
    " goods_fen INTEGER NOT NULL DEFAULT 0 CHECK (goods_fen >= 0),"
    " jobs INTEGER NOT NULL DEFAULT 0 CHECK (jobs >= 0),"
    " goods TEXT NOT NULL DEFAULT '',"
    " followup TEXT NOT NULL DEFAULT '',"
    " followup_due TEXT NOT NULL DEFAULT '' " DATE_OK("followup_due") ","
    " followup_done TEXT NOT NULL DEFAULT '' " DATE_OK("followup_done") ","
    " updated_at TEXT NOT NULL,"
    " updated_by TEXT NOT NULL DEFAULT '',"
    " done TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX visit_household ON visit(household_id, date);"
    "CREATE INDEX visit_pair ON visit(pair_id, date);"
    "CREATE INDEX visit_date ON visit(date);"
    "CREATE INDEX visit_followup ON visit(followup_due)"
    " WHERE followup_due <> '' AND followup_done = '';"

    /* The pairing assistant reads every possible helper: this covering
     * index is a tenth of the member table (src/model/assist.c). */
    "CREATE INDEX member_pairing ON member(residence_id, left_kind, lost,"
    " party_status, address, name) WHERE residence_id IS NOT NULL;";
