/* Importing grids (网格) and their responsible people (网格负责人).
 *
 * grids: one node a row, named by its path from the community down
 * ("东湖社区/第一片区/5号楼"). A node that exists is updated where the
 * file has a value (an empty cell never blanks stored data); a new one
 * is created under its parent, and missing ancestors with it: an
 * ancestor listed later in the file gets the level given there, others
 * the level of their depth (社区, 片区, 网格, 楼栋, 单元). 层级 may be
 * left out for a new node: one level below its parent.
 *
 * grid-roles: one term a row (node, 职务, person, dates). The same node,
 * 职务, name and start date is the same term: updated where the file
 * has a value. A person on the register is named by 党员编号 or
 * 公民身份号码 (the name then comes from the register). Both are checked
 * by the grid model's rules (grid_validate, grid_role_validate). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/import_more.h"
#include "io/more_cols.h"
#include "model/grid.h"
#include "model/member.h"
#include "rules.h"

const struct import_col grid_cols[GRID_NCOLS] = {
    [G_PATH] = {"网格路径", "路径|网格|节点|网格节点|所在网格"},
    [G_LEVEL] = {"层级", "级别|节点层级|类型"},
    [G_HOUSEHOLDS] = {"户数", "住户数|总户数"},
    [G_POPULATION] = {"人口", "人数|总人口|常住人口"},
    [G_NOTES] = {"备注", "说明"},
};

const struct import_col role_cols[ROLE_NCOLS] = {
    [R_GRID] = {"网格路径", "网格|网格节点|所在网格|节点|路径"},
    [R_ROLE] = {"职务", "岗位|角色|职责"},
    [R_NAME] = {"姓名", "负责人|人员"},
    [R_PHONE] = {"联系电话", "电话|手机|手机号|联系方式"},
    [R_NO] = {"党员编号", NULL},
    [R_IDNUM] = {"公民身份号码", "身份证号|身份证号码|身份证"},
    [R_START] = {"开始日期", "任职日期|上任日期|起始日期"},
    [R_END] = {"结束日期", "离任日期|卸任日期|截止日期"},
    [R_NOTES] = {"备注", "说明"},
};

/* ---- grids ---- */

struct grid_state {
    struct more_cache m;
    struct smap *levels;   /* path in the file -> level given there */
    struct smap *seen;     /* path -> line, rows done */
};

static int parse_level(const char *v)
{
    int l = more_label(grid_level_label, GRID_LEVEL_N, v);
    if (!l && strcmp(v, "大网格") == 0)
        l = GRID_AREA;
    if (!l && (strcmp(v, "中网格") == 0 || strcmp(v, "小网格") == 0))
        l = GRID_GRID;
    if (!l && strcmp(v, "楼") == 0)
        l = GRID_BUILDING;
    return l;
}

static int grid_scan(struct import_ctx *c, long line, const char *const *v,
                     zb_err *err)
{
    struct grid_state *s = c->state;
    (void)line;
    if (!s->levels && !(s->levels = smap_new()))
        return zb_fail(err, "内存不足");
    char key[512];
    more_path_norm(v[G_PATH], key, sizeof key);
    int l = parse_level(v[G_LEVEL]);
    if (*key && l && smap_put(s->levels, key, l))
        return zb_fail(err, "内存不足");
    return 0;
}

static int grid_begin(struct import_ctx *c, zb_err *err)
{
    struct grid_state *s = c->state;
    if (!(s->seen = smap_new()))
        return zb_fail(err, "内存不足");
    int64_t dummy;
    /* loads the tree's paths */
    return more_grid(c, &s->m, 0, G_PATH, "", &dummy, err);
}

static const struct more_field grid_fields[] = {
    {"name", G_PATH}, {"parent", G_PATH}, {"level", G_LEVEL},
    {"households", G_HOUSEHOLDS}, {"population", G_POPULATION},
    {"notes", G_NOTES}, {NULL, G_PATH},
};

/* Creates the node at path (and its missing ancestors); *id. want_level
 * 0 = from the file or the depth. Row problems are reported (*id = -1). */
static int create_node(struct import_ctx *c, long line, const char *path,
                       int depth, int want_level, bool own, int64_t *id,
                       zb_err *err)
{
    struct grid_state *s = c->state;
    if (smap_get(s->m.grids, path, id))
        return 0;
    char parent[512];
    snprintf(parent, sizeof parent, "%s", path);
    char *slash = strrchr(parent, '/');
    int64_t pid = 0;
    int plevel = 0;
    if (slash) {
        *slash = '\0';
        if (create_node(c, line, parent, depth - 1, 0, false, &pid, err))
            return -1;
        if (pid < 0) {
            *id = -1;
            return 0;
        }
        struct grid_node pn;
        if (grid_get(c->d, pid, &pn, err))
            return -1;
        plevel = pn.level;
    }
    int64_t listed;
    bool in_file = smap_get(s->levels, path, &listed);
    int level = want_level;
    if (!level && in_file)
        level = (int)listed;
    if (!level)
        level = own || depth + 1 <= plevel ? plevel + 1 : depth + 1;
    struct grid_node g;
    grid_node_init(&g);
    g.parent_id = pid;
    g.level = level > GRID_UNIT ? GRID_UNIT : level;
    snprintf(g.name, sizeof g.name, "%s", slash ? slash + 1 : path);
    const char *field = NULL;
    zb_err e;
    if (grid_validate(c->d, &g, &field, &e)) {
        if (own)
            import_error(c, line, more_field_col(grid_fields, field), "%s",
                         e.msg);
        else
            import_error(c, line, G_PATH, "上级节点「%s」：%s", path, e.msg);
        *id = -1;
        return 0;
    }
    if (grid_save(c->d, &g, err) || more_grid_add(&s->m, path, g.id))
        return -1;
    if (!own && !in_file)
        import_note(c, line, "新建上级节点「%s」（%s）", path,
                    grid_level_label[g.level]);
    *id = g.id;
    return 0;
}

static int grid_row(struct import_ctx *c, long line, const char *const *v,
                    zb_err *err)
{
    struct grid_state *s = c->state;
    char path[512];
    more_path_norm(v[G_PATH], path, sizeof path);
    if (!*path) {
        import_error(c, line, G_PATH, "请填写网格路径，如 东湖社区/第一片区");
        return 0;
    }
    int64_t prev;
    if (smap_get(s->seen, path, &prev)) {
        import_error(c, line, G_PATH, "与第 %lld 行重复", (long long)prev);
        return 0;
    }
    if (smap_put(s->seen, path, line))
        return zb_fail(err, "内存不足");
    int level = parse_level(v[G_LEVEL]);
    if (*v[G_LEVEL] && !level)
        import_error(c, line, G_LEVEL, "层级应为 社区、片区、网格、楼栋 或 单元："
                     "%s", v[G_LEVEL]);
    long hh, pop;
    if (!more_count(v[G_HOUSEHOLDS], 99999999L, &hh))
        import_error(c, line, G_HOUSEHOLDS, "户数应为不小于 0 的整数：%s",
                     v[G_HOUSEHOLDS]);
    if (!more_count(v[G_POPULATION], 99999999L, &pop))
        import_error(c, line, G_POPULATION, "人口应为不小于 0 的整数：%s",
                     v[G_POPULATION]);
    if (import_row_bad(c, line))
        return 0;
    int64_t id = 0;
    bool exists = smap_get(s->m.grids, path, &id);
    if (!exists) {
        int depth = 0;
        for (const char *p = path; *p; p++)
            depth += *p == '/';
        if (create_node(c, line, path, depth, level, true, &id, err))
            return -1;
        if (id < 0)
            return 0;
        c->res->added++;   /* created ancestors are notes, not rows */
    }
    struct grid_node g, old;
    if (grid_get(c->d, id, &g, err))
        return -1;
    old = g;
    if (level)
        g.level = level;
    if (hh >= 0)
        g.households = hh;
    if (pop >= 0)
        g.population = pop;
    if (*v[G_NOTES])
        snprintf(g.notes, sizeof g.notes, "%s", v[G_NOTES]);
    bool changed = g.level != old.level || g.households != old.households ||
                   g.population != old.population ||
                   strcmp(g.notes, old.notes) != 0;
    if (!changed) {
        if (exists)
            c->res->unchanged++;
        return 0;
    }
    const char *field = NULL;
    zb_err e;
    if (grid_validate(c->d, &g, &field, &e)) {
        import_error(c, line, more_field_col(grid_fields, field), "%s", e.msg);
        return 0;
    }
    if (grid_save(c->d, &g, err))
        return -1;
    if (exists) {
        c->res->updated++;
        import_change(c, "%s", path);
    }
    return 0;
}

static int grid_end(struct import_ctx *c, bool keep, zb_err *err)
{
    struct grid_state *s = c->state;
    (void)keep;
    (void)err;
    more_cache_free(&s->m);
    smap_free(s->levels);
    smap_free(s->seen);
    return 0;
}

const struct import_kind import_grids_kind = {
    .name = "grids",
    .label = "网格",
    .cols = grid_cols,
    .ncols = GRID_NCOLS,
    .state_size = sizeof(struct grid_state),
    .scan = grid_scan,
    .begin = grid_begin,
    .row = grid_row,
    .end = grid_end,
};

/* ---- grid roles ---- */

struct role_state {
    struct more_cache m;
};

static int role_begin(struct import_ctx *c, zb_err *err)
{
    (void)c;
    (void)err;
    return 0;
}

static const struct more_field role_fields[] = {
    {"name", R_NAME}, {"role", R_ROLE}, {"phone", R_PHONE},
    {"start_date", R_START}, {"end_date", R_END}, {"notes", R_NOTES},
    {NULL, R_NAME},
};

/* The stored term of the same node, role, name and start, or 0. */
static int find_term(struct import_ctx *c, const struct grid_role *r,
                     struct grid_role *out, zb_err *err)
{
    struct grid_role *v = NULL;
    int n = 0;
    if (grid_role_list(c->d, r->grid_id, true, c->today, &v, &n, err))
        return -1;
    out->id = 0;
    for (int i = 0; i < n; i++)
        if (v[i].role == r->role && strcmp(v[i].name, r->name) == 0 &&
            strcmp(v[i].start_date, r->start_date) == 0) {
            *out = v[i];
            break;
        }
    free(v);
    return 0;
}

static bool date_cell(struct import_ctx *c, long line, int col,
                      const char *v, char out[11])
{
    out[0] = '\0';
    if (!*v)
        return true;
    if (import_date(v, out))
        return true;
    import_error(c, line, col, "日期无效：%s", v);
    return false;
}

static int role_row(struct import_ctx *c, long line, const char *const *v,
                    zb_err *err)
{
    struct role_state *s = c->state;
    struct grid_role r;
    memset(&r, 0, sizeof r);
    if (!*v[R_GRID])
        import_error(c, line, R_GRID, "请填写网格路径");
    else if (more_grid(c, &s->m, line, R_GRID, v[R_GRID], &r.grid_id, err))
        return -1;
    r.role = more_label(grid_role_label, GRID_ROLE_N, v[R_ROLE]);
    if (!r.role && strcmp(v[R_ROLE], "网格员") == 0)
        r.role = ROLE_WORKER_FULL;
    if (!r.role && strcmp(v[R_ROLE], "兼职网格员") == 0)
        r.role = ROLE_WORKER_PART;
    if (!r.role && strcmp(v[R_ROLE], "专职网格员") == 0)
        r.role = ROLE_WORKER_FULL;
    if (!r.role)
        import_error(c, line, R_ROLE, "%s：%s", *v[R_ROLE] ? "职务无效"
                     : "请填写职务（片长、网格长、网格员、楼栋长……）",
                     v[R_ROLE]);
    char name[sizeof r.name];
    if (more_member(c, &s->m, line, R_NO, v[R_NO], R_IDNUM, v[R_IDNUM],
                    R_NAME, v[R_NAME], &r.member_id, name, sizeof name, err))
        return -1;
    snprintf(r.name, sizeof r.name, "%s", r.member_id > 0 ? name : v[R_NAME]);
    date_cell(c, line, R_START, v[R_START], r.start_date);
    date_cell(c, line, R_END, v[R_END], r.end_date);
    if (import_row_bad(c, line))
        return 0;
    struct grid_role old;
    if (find_term(c, &r, &old, err))
        return -1;
    if (old.id) {
        struct grid_role w = old;
        if (*v[R_PHONE])
            snprintf(w.phone, sizeof w.phone, "%s", v[R_PHONE]);
        if (r.end_date[0])
            memcpy(w.end_date, r.end_date, sizeof w.end_date);
        if (*v[R_NOTES])
            snprintf(w.notes, sizeof w.notes, "%s", v[R_NOTES]);
        if (r.member_id > 0)
            w.member_id = r.member_id;
        if (!strcmp(w.phone, old.phone) && !strcmp(w.end_date, old.end_date) &&
            !strcmp(w.notes, old.notes) && w.member_id == old.member_id) {
            c->res->unchanged++;
            return 0;
        }
        r = w;
    } else {
        snprintf(r.phone, sizeof r.phone, "%s", v[R_PHONE]);
        snprintf(r.notes, sizeof r.notes, "%s", v[R_NOTES]);
    }
    if (r.member_id > 0 && !r.phone[0]) {
        /* the member's phone, as the form and grid_role_save fill it in */
        member *x = malloc(sizeof *x);
        if (!x)
            return zb_fail(err, "内存不足");
        if (member_get(c->d, r.member_id, x, err)) {
            free(x);
            return -1;
        }
        snprintf(r.phone, sizeof r.phone, "%s", x->phone);
        free(x);
    }
    const char *field = NULL;
    zb_err e;
    if (grid_role_validate(c->d, &r, &field, &e)) {
        import_error(c, line, more_field_col(role_fields, field), "%s", e.msg);
        return 0;
    }
    if (grid_role_save(c->d, &r, err))
        return -1;
    if (old.id) {
        c->res->updated++;
        import_change(c, "%s %s %s", v[R_GRID], grid_role_label[r.role],
                      r.name);
    } else {
        c->res->added++;
    }
    return 0;
}

static int role_end(struct import_ctx *c, bool keep, zb_err *err)
{
    struct role_state *s = c->state;
    (void)keep;
    (void)err;
    more_cache_free(&s->m);
    return 0;
}

const struct import_kind import_grid_roles_kind = {
    .name = "grid-roles",
    .label = "网格负责人",
    .cols = role_cols,
    .ncols = ROLE_NCOLS,
    .state_size = sizeof(struct role_state),
    .begin = role_begin,
    .row = role_row,
    .end = role_end,
};
