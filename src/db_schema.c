/* Schema migrations. Never edit a step that has shipped: add a new one.
 * Conventions: plain English names; dates 'YYYY-MM-DD' TEXT ('' when
 * unknown); timestamps 'YYYY-MM-DD HH:MM:SS' UTC; ID numbers, phones and
 * member numbers TEXT; money INTEGER 分; every row has updated_at and
 * updated_by (Unix user name). */
#include "db_schema.h"

#define DATE_OK(c) "CHECK (" c " = '' OR " c " GLOB " \
    "'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"

static const char v1[] =
    /* Party organisations: a tree of any depth. sort orders siblings
     * (then sort_py, the pinyin key of name, kept by src/model/org.c). */
    "CREATE TABLE org ("
    " id INTEGER PRIMARY KEY,"
    " parent_id INTEGER REFERENCES org(id),"
    " name TEXT NOT NULL CHECK (name <> ''),"
    " kind TEXT NOT NULL DEFAULT '',"
    " sort INTEGER NOT NULL DEFAULT 0"
    "  CHECK (sort BETWEEN -999999 AND 999999),"
    " sort_py TEXT NOT NULL DEFAULT '',"
    " active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
    " founded TEXT NOT NULL DEFAULT '' " DATE_OK("founded") ","
    " updated_at TEXT NOT NULL,"
    " updated_by TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX org_parent ON org(parent_id, sort);"

    /* Party members. Small, hot columns first (the list reads them);
     * notes last. search/sort_py/sort_strokes are derived from the
     * other columns by src/model/member.c on every save. AUTOINCREMENT:
     * an id, and so a member number, is never handed out twice. */
    "CREATE TABLE member ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " member_no TEXT NOT NULL CHECK (member_no <> ''),"
    " left_kind INTEGER NOT NULL DEFAULT 0 CHECK (left_kind >= 0),"
    " org_id INTEGER REFERENCES org(id),"
    " name TEXT NOT NULL CHECK (name <> ''),"
    " sort_py TEXT NOT NULL DEFAULT '',"
    " sort_strokes TEXT NOT NULL DEFAULT '',"
    " search TEXT NOT NULL DEFAULT '',"
    " gender INTEGER NOT NULL DEFAULT 0 CHECK (gender IN (0, 1, 2, 9)),"
    " birth_date TEXT NOT NULL DEFAULT '' " DATE_OK("birth_date") ","
    " category INTEGER NOT NULL DEFAULT 1,"
    " kind INTEGER NOT NULL DEFAULT 1,"
    " party_status INTEGER NOT NULL DEFAULT 1,"
    " phone TEXT NOT NULL DEFAULT '',"
    " id_number TEXT NOT NULL DEFAULT '',"
    " join_date TEXT NOT NULL DEFAULT '' " DATE_OK("join_date") ","
    " full_date TEXT NOT NULL DEFAULT '' " DATE_OK("full_date") ","
    " ethnic TEXT NOT NULL DEFAULT '',"
    " education TEXT NOT NULL DEFAULT '',"
    " job TEXT NOT NULL DEFAULT '',"
    " lost INTEGER NOT NULL DEFAULT 0 CHECK (lost IN (0, 1)),"
    " lost_date TEXT NOT NULL DEFAULT '' " DATE_OK("lost_date") ","
    " mobile INTEGER NOT NULL DEFAULT 0 CHECK (mobile IN (0, 1)),"
    " mobile_dest TEXT NOT NULL DEFAULT '',"
    " employer TEXT NOT NULL DEFAULT '',"
    " address TEXT NOT NULL DEFAULT '',"
    " left_date TEXT NOT NULL DEFAULT '' " DATE_OK("left_date") ","
    " created_at TEXT NOT NULL,"
    " updated_at TEXT NOT NULL,"
    " updated_by TEXT NOT NULL DEFAULT '',"
    " notes TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE UNIQUE INDEX member_no ON member(member_no);"
    "CREATE UNIQUE INDEX member_id_number ON member(id_number)"
    " WHERE id_number <> '';"
    /* the foreign key, the org filter, and ORG sorting (members of each
     * organisation in pinyin order, see src/model/member.c) */
    "CREATE INDEX member_org ON member(org_id, sort_py, id, left_kind);"
    /* the few who left: counting everyone else is count(*) minus them */
    "CREATE INDEX member_left ON member(left_kind) WHERE left_kind <> 0;"
    /* One index per list order: the order itself, then left_kind so the
     * default filter (left_kind = 0) is read from the index. */
    "CREATE INDEX member_py ON member(sort_py, id, left_kind);"
    "CREATE INDEX member_strokes ON member(sort_strokes, id, left_kind);"
    /* By id, narrow: the pinyin keys of the members a search found are
     * read from here (a 2-level b-tree) instead of the wide rows. */
    "CREATE INDEX member_id_py ON member(id, sort_py, org_id);"
    "CREATE INDEX member_age ON member(birth_date = '', birth_date, id,"
    " left_kind);"
    "CREATE INDEX member_join ON member(join_date = '', join_date, id,"
    " left_kind);"

    /* The search index of member.search (see src/model/member_keys.c),
     * in two FTS5 tables used only as compact inverted indexes (no
     * content, no positions): one document per member whose words are
     * the member's grams, prefixed 'a' (on the register) or 'l' (left).
     * member_search: the digit grams (4-digit pieces and the 1-3 digit
     * tails of each digit run), rowid = member id. member_name_search:
     * the others (a non-ASCII character, a pair of ideographs, a 1-3
     * letter piece), rowid = a prefix of sort_py and the member id, so
     * that it lists its members in pinyin order. */
    "CREATE VIRTUAL TABLE member_search USING fts5(grams, content = '',"
    " detail = 'none', columnsize = 0, tokenize = 'ascii');"
    "CREATE VIRTUAL TABLE member_name_search USING fts5(grams,"
    " content = '', detail = 'none', columnsize = 0, tokenize = 'ascii');"
    /* How many members (key % 2: on the register or left) have each
     * gram, each 1-3 digit substring, each sort_py block; key 0/1: all
     * members. Derived data, kept with the search indexes. */
    "CREATE TABLE member_tally (key INTEGER PRIMARY KEY,"
    " n INTEGER NOT NULL);";

/* src/db_schema_v2.c: meetings and the roll (三会一课). */
extern const char db_schema_v2[];
/* src/db_schema_v3.c: organisations in full, grids, residence. */
extern const char db_schema_v3[];
/* src/db_schema_v4.c: pairing assistance (结对帮扶). */
extern const char db_schema_v4[];
/* src/db_schema_v5.c: the roll's counts per meeting (reports). */
extern const char db_schema_v5[];

const struct db_migration db_migrations[] = {
    {1, v1},
    {2, db_schema_v2},
    {3, db_schema_v3},
    {4, db_schema_v4},
    {5, db_schema_v5},
};
const int db_migrations_n = sizeof db_migrations / sizeof db_migrations[0];
