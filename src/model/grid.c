/* Grids: one node (get, validate, save, move, delete, find by path).
 * The list is in grid_tree.c, roles in grid_role.c, coverage in
 * grid_coverage.c. */
#include "model/grid_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* A node's ancestors are walked at most this far: a deeper chain can
 * only be a cycle in damaged data. */
#define MAX_DEPTH 64

/* ---- one node ---- */

static long figure(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL
        ? -1 : (long)sqlite3_column_int64(st, col);
}

void grid_node_init(struct grid_node *g)
{
    memset(g, 0, sizeof *g);
    g->level = GRID_COMMUNITY;
    g->households = g->population = -1;
}

int grid_get(db *d, int64_t id, struct grid_node *out, zb_err *err)
{
    static const char sql[] =
        "SELECT id, coalesce(parent_id, 0), level, name, sort, households,"
        " population, notes, updated_at, updated_by FROM grid WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        grid_node_init(out);
        out->id = sqlite3_column_int64(st, 0);
        out->parent_id = sqlite3_column_int64(st, 1);
        out->level = sqlite3_column_int(st, 2);
        db_text(st, 3, out->name, sizeof out->name);
        out->sort = sqlite3_column_int(st, 4);
        out->households = figure(st, 5);
        out->population = figure(st, 6);
        db_text(st, 7, out->notes, sizeof out->notes);
        db_text(st, 8, out->updated_at, sizeof out->updated_at);
        db_text(st, 9, out->updated_by, sizeof out->updated_by);
    }
    return db_row_done(d, st, rc, "找不到该网格节点（可能已被他人删除）",
                       "读取网格节点", err);
}

static const char *level_name(int level)
{
    return level > 0 && level < GRID_LEVEL_N ? grid_level_label[level]
                                             : "节点";
}

/* Level and parent of a stored node; *found false if there is none. */
static int node_brief(db *d, int64_t id, int *level, int64_t *parent,
                      bool *found, zb_err *err)
{
    static const char sql[] =
        "SELECT level, coalesce(parent_id, 0) FROM grid WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW) {
        *level = sqlite3_column_int(st, 0);
        *parent = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
        ? 0 : db_fail(d, err, "读取网格节点");
}

/* *inside: target is id itself or in id's subtree (walks target's
 * ancestors). */
static int in_subtree(db *d, int64_t id, int64_t target, bool *inside,
                      zb_err *err)
{
    *inside = false;
    int64_t cur = target;
    for (int k = 0; cur && k < MAX_DEPTH; k++) {
        if (cur == id) {
            *inside = true;
            return 0;
        }
        int level;
        int64_t parent;
        bool found;
        if (node_brief(d, cur, &level, &parent, &found, err))
            return -1;
        if (!found)
            return 0;
        cur = parent;
    }
    if (cur)   /* a cycle that does not pass through id */
        *inside = true;
    return 0;
}

/* The level a node's parent must be above and its children below. */
static int check_placement(db *d, int64_t id, int level, int64_t parent_id,
                           const char **field, zb_err *err)
{
    if (parent_id == 0) {
        if (level != GRID_COMMUNITY) {
            *field = "parent";
            return zb_fail(err, "%s必须建在上级节点之下"
                           "（只有社区可以作为最上级）",
                           level_name(level));
        }
        return 0;
    }
    int plevel;
    int64_t pparent;
    bool found;
    if (node_brief(d, parent_id, &plevel, &pparent, &found, err))
        return -1;
    if (!found) {
        *field = "parent";
        return zb_fail(err, "上级节点不存在（可能已被他人删除）");
    }
    if (id) {
        bool inside;
        if (in_subtree(d, id, parent_id, &inside, err))
            return -1;
        if (inside) {
            *field = "parent";
            return zb_fail(err, "不能移到它自己的下级");
        }
    }
    if (level <= plevel) {
        *field = "level";
        return zb_fail(err, "%s不能建在%s之下", level_name(level),
                       level_name(plevel));
    }
    return 0;
}

/* For a stored node changing level: its children and roles must still
 * fit. */
static int check_level_change(db *d, int64_t id, int level,
                              const char **field, zb_err *err)
{
    static const char child_sql[] =
        "SELECT min(level) FROM grid WHERE parent_id = ?1";
    static const char role_sql[] =
        "SELECT role FROM grid_role WHERE grid_id = ?1 ORDER BY role";
    sqlite3_stmt *st = db_stmt(d, child_sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    int minc = rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL
        ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "读取下级节点");
    if (minc && minc <= level) {
        *field = "level";
        return zb_fail(err, "下级已有%s，不能改为%s", level_name(minc),
                       level_name(level));
    }
    if (!(st = db_stmt(d, role_sql, err)))
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int bad = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int role = sqlite3_column_int(st, 0);
        if (grid_role_level(role) != level) {
            bad = role;
            break;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(d, err, "读取任职记录");
    if (bad) {
        *field = "level";
        return zb_fail(err, "此节点有%s的任职记录，不能改为%s",
                       grid_role_label[bad], level_name(level));
    }
    return 0;
}

static int check_sibling_name(db *d, const struct grid_node *g,
                              const char **field, zb_err *err)
{
    static const char sql[] =
        "SELECT EXISTS (SELECT 1 FROM grid WHERE parent_id IS ?1"
        " AND name = ?2 AND id <> ?3)";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    if (g->parent_id)
        sqlite3_bind_int64(st, 1, g->parent_id);
    else
        sqlite3_bind_null(st, 1);
    sqlite3_bind_text(st, 2, g->name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, g->id);
    int rc = sqlite3_step(st);
    bool dup = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "检查重名");
    if (dup) {
        *field = "name";
        return zb_fail(err, "同一上级下已有名为「%s」的节点", g->name);
    }
    return 0;
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t')
            return false;
    return true;
}

int grid_validate(db *d, const struct grid_node *g, const char **field,
                  zb_err *err)
{
    const char *dummy;
    if (!field)
        field = &dummy;
    *field = NULL;
    if (blank(g->name)) {
        *field = "name";
        return zb_fail(err, "请填写名称");
    }
    if (text_chars(g->name) > GRID_NAME_CHARS) {
        *field = "name";
        return zb_fail(err, "名称不能超过 %d 个字", GRID_NAME_CHARS);
    }
    if (strchr(g->name, '/')) {
        *field = "name";
        return zb_fail(err, "名称中不能有「/」（它用来分隔路径）");
    }
    if (g->level < GRID_COMMUNITY || g->level > GRID_UNIT) {
        *field = "level";
        return zb_fail(err, "请选择层级（社区、片区、网格、楼栋或单元）");
    }
    if (g->households < -1) {
        *field = "households";
        return zb_fail(err, "户数不能为负数");
    }
    if (g->population < -1) {
        *field = "population";
        return zb_fail(err, "人口数不能为负数");
    }
    if (g->households > 9999999) {
        *field = "households";
        return zb_fail(err, "户数过大：%ld", g->households);
    }
    if (g->population > 99999999) {
        *field = "population";
        return zb_fail(err, "人口数过大：%ld", g->population);
    }
    if (g->sort < -999999 || g->sort > 999999) {
        *field = "sort";
        return zb_fail(err, "排序号应在 -999999 到 999999 之间");
    }
    if (text_chars(g->notes) > GRID_NOTES_CHARS) {
        *field = "notes";
        return zb_fail(err, "备注不能超过 %d 个字", GRID_NOTES_CHARS);
    }
    if (g->id) {
        int level;
        int64_t parent;
        bool found;
        if (node_brief(d, g->id, &level, &parent, &found, err))
            return -1;
        if (!found)
            return zb_fail(err, "找不到该网格节点（可能已被他人删除）");
        if (level != g->level &&
            check_level_change(d, g->id, g->level, field, err))
            return -1;
    }
    if (check_placement(d, g->id, g->level, g->parent_id, field, err) ||
        check_sibling_name(d, g, field, err))
        return -1;
    return 0;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

static void bind_figure(sqlite3_stmt *st, int i, long v)
{
    if (v < 0)
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_int64(st, i, v);
}

int grid_save(db *d, struct grid_node *g, zb_err *err)
{
    static const char insert_sql[] =
        "INSERT INTO grid (parent_id, level, name, sort, sort_py,"
        " households, population, notes, updated_at, updated_by)"
        " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    static const char update_sql[] =
        "UPDATE grid SET parent_id = ?2, level = ?3, name = ?4, sort = ?5,"
        " sort_py = ?6, households = ?7, population = ?8, notes = ?9,"
        " updated_at = ?10, updated_by = ?11 WHERE id = ?1";
    if (db_begin(d, err))
        return -1;
    if (grid_validate(d, g, NULL, err))
        goto fail;
    char py[512], now[20];
    grid_sort_key(g->name, py, sizeof py);
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, g->id ? update_sql : insert_sql, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, g->id);
    if (g->parent_id)
        sqlite3_bind_int64(st, 2, g->parent_id);
    else
        sqlite3_bind_null(st, 2);
    sqlite3_bind_int(st, 3, g->level);
    bind_text(st, 4, g->name);
    sqlite3_bind_int(st, 5, g->sort);
    bind_text(st, 6, py);
    bind_figure(st, 7, g->households);
    bind_figure(st, 8, g->population);
    bind_text(st, 9, g->notes);
    bind_text(st, 10, now);
    bind_text(st, 11, db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "保存网格节点");
        goto fail;
    }
    int64_t id = g->id ? g->id : sqlite3_last_insert_rowid(db_handle(d));
    if (db_commit(d, err))
        goto fail;
    g->id = id;
    memcpy(g->updated_at, now, sizeof g->updated_at);
    snprintf(g->updated_by, sizeof g->updated_by, "%s", db_user(d));
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int grid_move(db *d, int64_t id, int64_t new_parent, zb_err *err)
{
    static const char sql[] =
        "UPDATE grid SET parent_id = ?2, updated_at = ?3, updated_by = ?4"
        " WHERE id = ?1";
    if (db_begin(d, err))
        return -1;
    int level;
    int64_t parent;
    bool found;
    const char *field;
    if (node_brief(d, id, &level, &parent, &found, err))
        goto fail;
    if (!found) {
        zb_fail(err, "找不到该网格节点（可能已被他人删除）");
        goto fail;
    }
    if (check_placement(d, id, level, new_parent, &field, err))
        goto fail;
    char now[20];
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, id);
    if (new_parent)
        sqlite3_bind_int64(st, 2, new_parent);
    else
        sqlite3_bind_null(st, 2);
    bind_text(st, 3, now);
    bind_text(st, 4, db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "移动网格节点");
        goto fail;
    }
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

/* ---- delete ---- */

static int count_of(db *d, const char *sql, int64_t id, long *n,
                    zb_err *err)
{
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    *n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "检查网格节点的关联");
}

static void append(char *out, size_t outsz, const char *s)
{
    size_t k = strlen(out);
    if (k && k + 3 < outsz)
        k += (size_t)snprintf(out + k, outsz - k, "；");
    if (k < outsz)
        snprintf(out + k, outsz - k, "%s", s);
}

int grid_delete(db *d, int64_t id, zb_err *err)
{
    static const char children[] =
        "SELECT count(*) FROM grid WHERE parent_id = ?1";
    static const char roles[] =
        "SELECT count(*) FROM grid_role WHERE grid_id = ?1";
    static const char residents[] =
        "SELECT count(*) FROM member WHERE residence_id = ?1";
    static const char orgs[] =
        "SELECT count(*) FROM org WHERE grid_id = ?1";
    static const char org_name[] =
        "SELECT name FROM org WHERE grid_id = ?1 ORDER BY id LIMIT 1";
    static const char households[] =
        "SELECT count(*) FROM household WHERE grid_id = ?1";
    static const char del[] = "DELETE FROM grid WHERE id = ?1";
    if (db_begin(d, err))
        return -1;
    int level;
    int64_t parent;
    bool found;
    if (node_brief(d, id, &level, &parent, &found, err))
        goto fail;
    if (!found) {
        zb_fail(err, "找不到该网格节点（可能已被他人删除）");
        goto fail;
    }
    long nc, nr, nm, no, nh;
    if (count_of(d, children, id, &nc, err) ||
        count_of(d, roles, id, &nr, err) ||
        count_of(d, residents, id, &nm, err) ||
        count_of(d, orgs, id, &no, err) ||
        count_of(d, households, id, &nh, err))
        goto fail;
    char why[400] = "", part[200];
    if (nc) {
        snprintf(part, sizeof part, "下面还有 %ld 个下级节点", nc);
        append(why, sizeof why, part);
    }
    if (nr) {
        snprintf(part, sizeof part, "有 %ld 条任职记录（含已离任的）", nr);
        append(why, sizeof why, part);
    }
    if (nm) {
        snprintf(part, sizeof part, "有 %ld 名党员登记居住在此", nm);
        append(why, sizeof why, part);
    }
    if (no) {
        char name[128] = "";
        sqlite3_stmt *st = db_stmt(d, org_name, err);
        if (!st)
            goto fail;
        sqlite3_bind_int64(st, 1, id);
        if (sqlite3_step(st) == SQLITE_ROW)
            db_text(st, 0, name, sizeof name);
        sqlite3_reset(st);
        if (no > 1)
            snprintf(part, sizeof part, "党组织「%s」等 %ld 个建在此节点上",
                     name, no);
        else
            snprintf(part, sizeof part, "党组织「%s」建在此节点上", name);
        append(why, sizeof why, part);
    }
    if (nh) {
        snprintf(part, sizeof part, "有 %ld 户困难家庭登记在此", nh);
        append(why, sizeof why, part);
    }
    if (why[0]) {
        zb_fail(err, "不能删除：%s", why);
        goto fail;
    }
    if (db_run_id(d, del, id, "删除网格节点", NULL, err))
        goto fail;
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

/* ---- finding a node by id or path ---- */

int grid_resolve(db *d, const char *s, int64_t *id, zb_err *err)
{
    *id = 0;
    while (*s == ' ')
        s++;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (end != s && *end == '\0' && v > 0) {
        struct grid_node g;
        if (grid_get(d, v, &g, err))
            return -1;
        *id = v;
        return 0;
    }
    /* a path: names separated by '/', blanks around each name ignored */
    char want[512];
    size_t k = 0;
    const char *p = s;
    while (*p) {
        const char *slash = strchr(p, '/');
        const char *e = slash ? slash : p + strlen(p);
        const char *a = p;
        while (a < e && (*a == ' ' || *a == '\t'))
            a++;
        const char *b = e;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        if (b > a) {
            size_t len = (size_t)(b - a);
            if (k + len + 2 > sizeof want)
                return zb_fail(err, "网格节点路径太长");
            if (k)
                want[k++] = '/';
            memcpy(want + k, a, len);
            k += len;
        }
        p = slash ? slash + 1 : e;
    }
    want[k] = '\0';
    if (!k)
        return zb_fail(err, "请给出网格节点的编号或路径");
    struct grid_item *items;
    int n;
    if (grid_load(d, false, &items, &n, err))
        return -1;
    for (int i = 0; i < n && !*id; i++)
        if (strcmp(items[i].path, want) == 0)
            *id = items[i].id;
    free(items);
    if (!*id)
        return zb_fail(err, "找不到网格节点：%s"
                       "（路径如 东城社区/第一片区/第二网格）",
                       want);
    return 0;
}
