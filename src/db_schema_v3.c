/* Schema step 3: organisations in full (grid link, committee posts) and
 * the grid tree (网格化管理) with its roles; members gain a residence
 * node. Wired into db_migrations by src/db_schema.c. Never edit once
 * shipped: add a step. */

#define DATE_OK(c) "CHECK (" c " = '' OR " c " GLOB " \
    "'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"

extern const char db_schema_v3[];
const char db_schema_v3[] =
    /* The grid tree. level: enum grid_level (src/model/grid.h), 1 社区,
     * 2 片区, 3 网格, 4 楼栋, 5 单元; a child is one level or more below
     * its parent. households/population: as entered for this node, NULL
     * when not entered (sums upward are computed, not stored). */
    "CREATE TABLE grid ("
    " id INTEGER PRIMARY KEY,"
    " parent_id INTEGER REFERENCES grid(id),"
    " level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),"
    " name TEXT NOT NULL CHECK (name <> ''),"
    " sort INTEGER NOT NULL DEFAULT 0"
    "  CHECK (sort BETWEEN -999999 AND 999999),"
    " sort_py TEXT NOT NULL DEFAULT '',"
    " households INTEGER CHECK (households IS NULL OR households >= 0),"
    " population INTEGER CHECK (population IS NULL OR population >= 0),"
    " updated_at TEXT NOT NULL,"
    " updated_by TEXT NOT NULL DEFAULT '',"
    " notes TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX grid_parent ON grid(parent_id, sort);"

    /* Responsible people on grid nodes. role: enum grid_role_kind. A
     * person is a member (member_id, name and phone copied at the time)
     * or anyone by name. end_date '' = still in the role. Overlapping
     * dates for the same role on the same node are refused by
     * src/model/grid_role.c. */
    "CREATE TABLE grid_role ("
    " id INTEGER PRIMARY KEY,"
    " grid_id INTEGER NOT NULL REFERENCES grid(id),"
    " role INTEGER NOT NULL CHECK (role BETWEEN 1 AND 8),"
    " member_id INTEGER REFERENCES member(id),"
    " name TEXT NOT NULL CHECK (name <> ''),"
    " phone TEXT NOT NULL DEFAULT '',"
    " start_date TEXT NOT NULL DEFAULT '' " DATE_OK("start_date") ","
    " end_date TEXT NOT NULL DEFAULT '' " DATE_OK("end_date") ","
    " updated_at TEXT NOT NULL,"
    " updated_by TEXT NOT NULL DEFAULT '',"
    " notes TEXT NOT NULL DEFAULT '',"
    " CHECK (end_date = '' OR start_date = '' OR end_date >= start_date)"
    ");"
    "CREATE INDEX grid_role_grid ON grid_role(grid_id, role, start_date);"
    "CREATE INDEX grid_role_member ON grid_role(member_id)"
    " WHERE member_id IS NOT NULL;"

    /* Organisations: the grid they are built on, notes. */
    "ALTER TABLE org ADD COLUMN grid_id INTEGER REFERENCES grid(id);"
    "ALTER TABLE org ADD COLUMN notes TEXT NOT NULL DEFAULT '';"
    "CREATE INDEX org_grid ON org(grid_id) WHERE grid_id IS NOT NULL;"

    /* Committee posts and group leaders, with dates so history is kept.
     * post: enum org_post_kind (src/model/org.h). */
    "CREATE TABLE org_post ("
    " id INTEGER PRIMARY KEY,"
    " org_id INTEGER NOT NULL REFERENCES org(id),"
    " post INTEGER NOT NULL CHECK (post BETWEEN 1 AND 9),"
    " member_id INTEGER REFERENCES member(id),"
    " name TEXT NOT NULL CHECK (name <> ''),"
    " phone TEXT NOT NULL DEFAULT '',"
    " start_date TEXT NOT NULL DEFAULT '' " DATE_OK("start_date") ","
    " end_date TEXT NOT NULL DEFAULT '' " DATE_OK("end_date") ","
    " updated_at TEXT NOT NULL,"
    " updated_by TEXT NOT NULL DEFAULT '',"
    " CHECK (end_date = '' OR start_date = '' OR end_date >= start_date)"
    ");"
    "CREATE INDEX org_post_org ON org_post(org_id, post, start_date);"
    "CREATE INDEX org_post_member ON org_post(member_id)"
    " WHERE member_id IS NOT NULL;"

    /* Where a member lives (for 在职党员 not where their organisation
     * is). */
    "ALTER TABLE member ADD COLUMN residence_id INTEGER REFERENCES grid(id);"
    /* left_kind: residents per node are counted from the index */
    "CREATE INDEX member_residence ON member(residence_id, left_kind)"
    " WHERE residence_id IS NOT NULL;"

    /* The register by category and organisation: the organisation
     * tree's counts per node (正式/预备) are one scan of it in group
     * order, the number of 预备党员 a range of it (src/model/org_count.c).
     * left_kind is in it so that SQLite reads it as a covering index. */
    "CREATE INDEX member_register ON member(category, org_id, left_kind)"
    " WHERE left_kind = 0;";
