/* Importing organisations (党组织): `zhibu import orgs`.
 *
 * One organisation a row, named by its full path from the root
 * ("云溪街道党工委/东湖社区党委/东湖第一网格党支部"). One that exists at
 * that path is updated where the file has a value (an empty cell never
 * blanks stored data; the path fixes its place, so it never moves). A
 * new one is created under its parent, and missing ancestors with it,
 * parent first: an ancestor listed later in the file gets the 类型 given
 * there (its other values when its row comes), others a kind guessed
 * from the name. 类型 may be left out for a new organisation too. Every
 * organisation goes through org_validate and org_save, so a tree the
 * organisation screen would refuse (a 党小组 under a 党委) is refused
 * here, row by row. 所建网格 names a grid node by its path: import grids
 * first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "io/import_more.h"
#include "io/org_cols.h"
#include "io/org_lookup.h"
#include "model/org.h"

const struct import_col org_cols[ORG_NCOLS] = {
    [OG_PATH] = {"组织路径", "党组织路径|党组织|组织|组织名称|党组织名称"},
    [OG_KIND] = {"类型", "组织类型|党组织类型|组织类别"},
    [OG_FOUNDED] = {"成立日期", "成立时间|建立日期"},
    [OG_ACTIVE] = {"是否有效", "有效|状态"},
    [OG_GRID] = {"所建网格", "网格|网格路径|所在网格"},
    [OG_NOTES] = {"备注", "说明"},
};

#define MAX_LEVELS 16

struct tree_state {
    struct org_lookup orgs;
    struct more_cache m;     /* grids */
    struct smap *kinds;      /* path in the file -> kind index + 1 */
    struct smap *seen;       /* path -> line, rows done */
    struct smap *made;       /* path -> id: created before its own row */
};

static int kind_index(const char *v)
{
    for (size_t i = 0; i < domain_org_kind_n; i++)
        if (strcmp(v, domain_org_kind[i]) == 0)
            return (int)i;
    return -1;
}

static int tree_scan(struct import_ctx *c, long line, const char *const *v,
                     zb_err *err)
{
    struct tree_state *s = c->state;
    (void)line;
    if (!s->kinds && !(s->kinds = smap_new()))
        return zb_fail(err, "内存不足");
    char key[600];
    more_path_norm(v[OG_PATH], key, sizeof key);
    int k = kind_index(v[OG_KIND]);
    return *key && k >= 0 && smap_put(s->kinds, key, k + 1)
        ? zb_fail(err, "内存不足") : 0;
}

static int tree_begin(struct import_ctx *c, zb_err *err)
{
    struct tree_state *s = c->state;
    if (!(s->seen = smap_new()) || !(s->made = smap_new()) ||
        (!s->kinds && !(s->kinds = smap_new())))
        return zb_fail(err, "内存不足");
    return org_lookup_load(&s->orgs, c->d, err);
}

static const struct more_field org_fields[] = {
    {"name", OG_PATH}, {"parent", OG_PATH}, {"kind", OG_KIND},
    {"founded", OG_FOUNDED}, {"grid", OG_GRID}, {"notes", OG_NOTES},
    {NULL, OG_PATH},
};

/* Creates the organisation at path[0..depth] under parent (its row's
 * values come later); *id, or -1 with the problem reported. */
static int create(struct import_ctx *c, long line, char *const *level,
                  int depth, int64_t parent, const char *path, bool own,
                  int64_t *id, zb_err *err)
{
    struct tree_state *s = c->state;
    struct org g;
    org_init(&g);
    g.parent_id = parent;
    int64_t k = 0;
    if (smap_get(s->kinds, path, &k) && k > 0)
        snprintf(g.kind, sizeof g.kind, "%s", domain_org_kind[k - 1]);
    else
        snprintf(g.kind, sizeof g.kind, "%s",
                 import_org_guess_kind(level[depth]));
    *id = -1;
    if (strlen(level[depth]) >= sizeof g.name) {
        import_error(c, line, OG_PATH, "组织名称不能超过 %d 个字：%s",
                     ORG_NAME_CHARS, level[depth]);
        return 0;
    }
    snprintf(g.name, sizeof g.name, "%s", level[depth]);
    const char *field = NULL;
    zb_err e;
    if (org_validate(c->d, &g, &field, &e)) {
        if (own)
            import_error(c, line, more_field_col(org_fields, field), "%s",
                         e.msg);
        else
            import_error(c, line, OG_PATH, "上级组织「%s」：%s", path, e.msg);
        return 0;
    }
    if (org_save(c->d, &g, err) || org_lookup_add(&s->orgs, path, g.id))
        return -1;
    if (!own) {
        if (smap_put(s->made, path, g.id))
            return zb_fail(err, "内存不足");
        if (!k)
            import_note(c, line, "新建上级组织「%s」（%s）", path, g.kind);
    }
    *id = g.id;
    return 0;
}

/* Creates the organisation at path and its missing ancestors: *id (-1:
 * a problem, reported). */
static int find_or_create(struct import_ctx *c, long line, const char *path,
                          int64_t *id, zb_err *err)
{
    struct tree_state *s = c->state;
    char buf[600], head[600] = "";
    char *level[MAX_LEVELS];
    int n = 0;
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = strtok(buf, "/"); p; p = strtok(NULL, "/")) {
        if (n == MAX_LEVELS) {
            import_error(c, line, OG_PATH, "路径超过 %d 级", MAX_LEVELS);
            *id = -1;
            return 0;
        }
        level[n++] = p;
    }
    int64_t parent = 0;
    for (int i = 0; i < n; i++) {
        size_t hl = strlen(head);
        snprintf(head + hl, sizeof head - hl, "%s%s", hl ? "/" : "",
                 level[i]);
        int64_t at = org_lookup_path(&s->orgs, head);
        if (!at) {
            if (create(c, line, level, i, parent, head, i == n - 1, &at, err))
                return -1;
            if (at < 0)
                return *id = -1, 0;
        }
        parent = at;
    }
    *id = parent;
    return 0;
}

/* 是否有效: 1, 0, or -1 for an empty cell; -2 if not understood. */
static int parse_active(const char *v)
{
    if (!*v)
        return -1;
    if (!strcmp(v, "有效") || !strcmp(v, "正常"))
        return 1;
    if (!strcmp(v, "无效") || !strcmp(v, "撤销") || !strcmp(v, "已撤销"))
        return 0;
    int yn = import_yes_no(v);
    return yn < 0 ? -2 : yn;
}

/* The row's values (kind, founded, active, grid, notes) over g. */
static void apply(struct import_ctx *c, long line, const char *const *v,
                  int kind, const char *founded, int active, int64_t grid,
                  struct org *g)
{
    if (kind >= 0)
        snprintf(g->kind, sizeof g->kind, "%s", domain_org_kind[kind]);
    if (*founded)
        snprintf(g->founded, sizeof g->founded, "%s", founded);
    if (active >= 0)
        g->active = active == 1;
    if (grid > 0)
        g->grid_id = grid;
    if (!*v[OG_NOTES])
        return;
    if (strlen(v[OG_NOTES]) >= sizeof g->notes)
        import_error(c, line, OG_NOTES, "备注不能超过 %d 个字",
                     ORG_NOTES_CHARS);
    else
        snprintf(g->notes, sizeof g->notes, "%s", v[OG_NOTES]);
}

static bool same(const struct org *a, const struct org *b)
{
    return !strcmp(a->kind, b->kind) && !strcmp(a->founded, b->founded) &&
           a->active == b->active && a->grid_id == b->grid_id &&
           !strcmp(a->notes, b->notes);
}

static int tree_row(struct import_ctx *c, long line, const char *const *v,
                    zb_err *err)
{
    struct tree_state *s = c->state;
    char path[600];
    more_path_norm(v[OG_PATH], path, sizeof path);
    if (!*path) {
        import_error(c, line, OG_PATH, "请填写组织路径，如 某街道党工委/某社区"
                     "党委/某支部");
        return 0;
    }
    int64_t prev;
    if (smap_get(s->seen, path, &prev)) {
        import_error(c, line, OG_PATH, "与第 %lld 行重复", (long long)prev);
        return 0;
    }
    if (smap_put(s->seen, path, line))
        return zb_fail(err, "内存不足");
    int kind = *v[OG_KIND] ? kind_index(v[OG_KIND]) : -1;
    if (*v[OG_KIND] && kind < 0)
        import_error(c, line, OG_KIND, "类型应为 街道党工委、社区党委、社区党"
                     "总支、社区党支部、网格党支部、小区党支部、功能型党支部、"
                     "党小组 或 党员中心户：%s", v[OG_KIND]);
    char founded[11] = "";
    if (*v[OG_FOUNDED] && !import_date(v[OG_FOUNDED], founded))
        import_error(c, line, OG_FOUNDED, "日期无效：%s", v[OG_FOUNDED]);
    int active = parse_active(v[OG_ACTIVE]);
    if (active == -2)
        import_error(c, line, OG_ACTIVE, "应为 是 或 否：%s", v[OG_ACTIVE]);
    int64_t grid = 0;
    if (more_grid(c, &s->m, line, OG_GRID, v[OG_GRID], &grid, err))
        return -1;
    if (import_row_bad(c, line))
        return 0;

    int64_t id = org_lookup_path(&s->orgs, path), made = 0;
    bool exists = id > 0 && !smap_get(s->made, path, &made);
    if (!id) {
        if (find_or_create(c, line, path, &id, err))
            return -1;
        if (id < 0)
            return 0;
    }
    struct org g, old;
    if (org_get(c->d, id, &g, err))
        return -1;
    old = g;
    apply(c, line, v, kind, founded, active, grid, &g);
    if (import_row_bad(c, line))
        return 0;
    if (!same(&g, &old)) {
        const char *field = NULL;
        zb_err e;
        if (org_validate(c->d, &g, &field, &e)) {
            import_error(c, line, more_field_col(org_fields, field), "%s",
                         e.msg);
            return 0;
        }
        if (org_save(c->d, &g, err))
            return -1;
    }
    if (!exists)
        c->res->added++;   /* also one created earlier as an ancestor */
    else if (same(&g, &old))
        c->res->unchanged++;
    else {
        c->res->updated++;
        import_change(c, "%s", path);
    }
    return 0;
}

static int tree_end(struct import_ctx *c, bool keep, zb_err *err)
{
    struct tree_state *s = c->state;
    (void)keep;
    (void)err;
    org_lookup_free(&s->orgs);
    more_cache_free(&s->m);
    smap_free(s->kinds);
    smap_free(s->seen);
    smap_free(s->made);
    return 0;
}

const struct import_kind import_org_tree_kind = {
    .name = "orgs",
    .label = "党组织",
    .cols = org_cols,
    .ncols = ORG_NCOLS,
    .state_size = sizeof(struct tree_state),
    .scan = tree_scan,
    .begin = tree_begin,
    .row = tree_row,
    .end = tree_end,
};
