/* 网格管理: the grid tree (社区 → 片区 → 网格 → 楼栋 → 单元) with its
 * households, population, resident members and current responsible
 * people; from a node: edit, add a child, move, delete, its roles, the
 * coverage check of its community, its contact sheet. Also the grid
 * picker and path the other grid screens share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/contact.h"
#include "model/grid.h"
#include "model/grid_heads.h"
#include "rules.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/key.h"
#include "tui/listview.h"
#include "tui/tree.h"

/* ---- shared helpers ---- */

void screens_grid_path(db *d, int64_t id, char *out, size_t outsz)
{
    /* At most five levels; the cap also stops a (refused) cycle. */
    char names[8][GRID_NAME_CHARS * 4 + 1];
    int k = 0;
    struct grid_node *g = malloc(sizeof *g);
    if (outsz)
        out[0] = '\0';
    if (!g)
        return;
    zb_err e;
    while (id && k < 8 && grid_get(d, id, g, &e) == 0) {
        snprintf(names[k++], sizeof names[0], "%s", g->name);
        id = g->parent_id;
    }
    free(g);
    size_t len = 0;
    while (k-- > 0 && len + 1 < outsz) {
        int w = snprintf(out + len, outsz - len, "%s%s", len ? "/" : "",
                         names[k]);
        if (w < 0 || (size_t)w >= outsz - len) {
            out[len] = '\0';   /* never half a name */
            break;
        }
        len += (size_t)w;
    }
}

bool screens_pick_grid(tui_app *app, db *d, const char *title,
                       const char *none_label, int64_t exclude,
                       int below_level, int64_t *id, char *path,
                       size_t pathsz)
{
    struct grid_item *items = NULL;
    int n = 0;
    zb_err e;
    if (grid_list(d, &items, &n, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return false;
    }
    const char **labels = malloc(sizeof *labels * (size_t)(n + 1));
    int *index = malloc(sizeof *index * (size_t)(n + 1));
    if (!labels || !index) {
        free(labels);
        free(index);
        free(items);
        tui_app_error(app, "内存不足");
        return false;
    }
    int k = 0, initial = -1;
    if (none_label) {
        if (*id == 0)
            initial = 0;
        labels[k] = none_label;
        index[k++] = -1;
    }
    for (int i = 0; i < n; i++) {
        if (items[i].id == exclude) {
            /* tree order: the subtree follows, deeper than the node */
            int depth = items[i].depth;
            while (i + 1 < n && items[i + 1].depth > depth)
                i++;
            continue;
        }
        if (below_level && items[i].level >= below_level)
            continue;
        if (items[i].id == *id)
            initial = k;
        labels[k] = items[i].path;
        index[k++] = i;
    }
    bool ok = false;
    if (k == 0) {
        tui_app_error(app, "没有可选的网格节点");
    } else {
        int pick = tui_pick(app, title, labels, k, initial);
        if (pick >= 0) {
            int i = index[pick];
            *id = i < 0 ? 0 : items[i].id;
            snprintf(path, pathsz, "%s", i < 0 ? none_label : items[i].path);
            ok = true;
        }
    }
    free(labels);
    free(index);
    free(items);
    return ok;
}

/* ---- the tree ---- */

enum { COL_NAME, COL_LEVEL, COL_HOUSEHOLDS, COL_POPULATION, COL_RESIDENTS,
       COL_HEADS, NCOLS };

static const struct lv_column columns[NCOLS] = {
    [COL_NAME] = {"名称", 12, 44, TEXT_LEFT, true},
    [COL_LEVEL] = {"层级", 4, 4, TEXT_LEFT, false},
    [COL_HOUSEHOLDS] = {"户数", 4, 8, TEXT_RIGHT, false},
    [COL_POPULATION] = {"人口", 4, 8, TEXT_RIGHT, false},
    [COL_RESIDENTS] = {"居住党员", 8, 8, TEXT_RIGHT, false},
    [COL_HEADS] = {"负责人", 6, 48, TEXT_LEFT, true},
};

static const struct tui_binding keymap[] = {
    {ACT_EDIT, {TUI_KEY_ENTER, 'e', TUI_FN(KEY_F(4))}, true},
    {ACT_ADD, {'a', TUI_FN(KEY_IC)}, true},
    {ACT_ADD_ROOT, {'A'}, false},
    {ACT_GRID_MOVE, {'m'}, true},
    {ACT_DELETE, {'d', TUI_FN(KEY_DC)}, false},
    {ACT_ROLES, {'r'}, true},
    {ACT_COVERAGE, {'c'}, true},
    {ACT_CONTACT, {'p'}, true},
    {ACT_FILTER, {'/'}, false},
    /* handled by tree_key; listed for the help overlay */
    {ACT_TREE_EXPAND, {TUI_FN(KEY_RIGHT), '+'}, false},
    {ACT_TREE_COLLAPSE, {TUI_FN(KEY_LEFT), '-'}, false},
    {ACT_TREE_EXPAND_ALL, {'*'}, false},
    {ACT_NONE, {0}, false},
};

/* Short role names for the 负责人 column (both kinds of 网格员 alike). */
static const char *const role_short[GRID_ROLE_N] = {
    "", "片长", "党小组长", "退管组长", "楼栋长", "网格长", "网格员",
    "网格员", "单元长"};

struct grids_screen {
    struct screens_list list;  /* first: the list scaffolding */
    struct grid_item *items;   /* tree order, as last loaded */
    int n;
    char today[11];
    bool shaped;               /* the first load chose what is expanded */
};

static const struct grid_item *item_of(const struct grids_screen *s,
                                       int64_t id)
{
    for (int i = 0; i < s->n; i++)
        if (s->items[i].id == id)
            return &s->items[i];
    return NULL;
}

/* "420", "420*" when the entered figure differs from the children's
 * sum, "" when nothing is known. */
static bool figure(long total, long entered, long children, char *out,
                   size_t outsz)
{
    bool differs = entered >= 0 && children >= 0 && entered != children;
    if (total < 0)
        out[0] = '\0';
    else
        snprintf(out, outsz, "%ld%s", total, differs ? "*" : "");
    return differs;
}

/* "网格长:张三 网格员:李四、王五" from the node's run of heads; the
 * names also go to search so that the filter finds a person's node. */
static void heads_text(const struct grid_head *h, int nh, char *out,
                       size_t outsz, char *search, size_t searchsz)
{
    size_t len = 0, slen = 0;
    out[0] = search[0] = '\0';
    const char *last = NULL;
    for (int i = 0; i < nh; i++) {
        int role = h[i].role > 0 && h[i].role < GRID_ROLE_N ? h[i].role : 0;
        const char *label = role_short[role];
        bool same = last && strcmp(last, label) == 0;
        int w = snprintf(out + len, outsz - len, "%s%s%s%s",
                         same ? "、" : len ? " " : "", same ? "" : label,
                         same ? "" : ":", h[i].name);
        if (w < 0 || (size_t)w >= outsz - len) {
            out[len] = '\0';   /* never half a name */
            break;
        }
        len += (size_t)w;
        last = label;
        w = snprintf(search + slen, searchsz - slen, "%s%s", slen ? " " : "",
                     h[i].name);
        if (w > 0 && (size_t)w < searchsz - slen)
            slen += (size_t)w;
        else
            search[slen] = '\0';
    }
}

static void load(struct screens_list *head)
{
    struct grids_screen *s = (struct grids_screen *)head;
    db *d = s->list.ctx->db;
    zb_err e;
    struct grid_item *items = NULL;
    struct grid_head *heads = NULL;
    int n = 0, nh = 0;
    if (grid_list(d, &items, &n, &e) != 0 ||
        grid_heads(d, s->today, &heads, &nh, &e) != 0) {
        free(items);
        tui_app_error(s->list.base.app, "%s", e.msg);
        return;
    }
    free(s->items);
    s->items = items;
    s->n = n;
    tree_clear(s->list.t);
    int roots = 0, h = 0;
    for (int i = 0; i < n; i++) {
        const struct grid_item *g = &items[i];
        /* heads come ordered by node id: find this node's run */
        int lo = 0, hi = nh;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (heads[mid].grid_id < g->id)
                lo = mid + 1;
            else
                hi = mid;
        }
        h = lo;
        int run = 0;
        while (h + run < nh && heads[h + run].grid_id == g->id)
            run++;
        char hh[32], pp[32], rr[32], who[512], search[512];
        bool odd = figure(g->total_households, g->households,
                          g->child_households, hh, sizeof hh);
        odd |= figure(g->total_population, g->population,
                      g->child_population, pp, sizeof pp);
        snprintf(rr, sizeof rr, "%ld", g->residents);
        heads_text(heads + h, run, who, sizeof who, search, sizeof search);
        const char *cells[NCOLS] = {
            [COL_NAME] = g->name,
            [COL_LEVEL] = g->level > 0 && g->level < GRID_LEVEL_N
                              ? grid_level_label[g->level] : "",
            [COL_HOUSEHOLDS] = hh,
            [COL_POPULATION] = pp,
            [COL_RESIDENTS] = g->residents > 0 ? rr : "",
            [COL_HEADS] = who,
        };
        if (tree_add(s->list.t, g->id, g->parent_id,
                     odd ? LV_MARK_WARN : LV_MARK_NONE, cells, search) != 0) {
            free(heads);
            tui_app_error(s->list.base.app, "内存不足");
            return;
        }
        roots += g->parent_id == 0;
    }
    free(heads);
    if (!s->shaped && n > 0) {
        /* One community: show its 片区 at once; a district: the list
         * of communities. */
        tree_expand_levels(s->list.t, roots == 1 ? 1 : 0);
        s->shaped = true;
    }
    snprintf(s->list.base.title, sizeof s->list.base.title,
             "网格管理  共 %d 个节点", n);
}

/* ---- actions ---- */

static int add_child(struct grids_screen *s)
{
    tui_app *app = s->list.base.app;
    const struct grid_item *g = item_of(s, lv_selected_id(s->list.lv));
    if (!g)
        return screens_push(app, grid_form_new(app, s->list.ctx, 0, 0,
                                               GRID_COMMUNITY));
    if (g->level >= GRID_UNIT) {
        tui_app_error(app, "单元是最下一级，不能再添加下级");
        return TUI_HANDLED | TUI_REDRAW;
    }
    return screens_push(app, grid_form_new(app, s->list.ctx, 0, g->id,
                                           g->level + 1));
}

static int move_node(struct grids_screen *s)
{
    tui_app *app = s->list.base.app;
    const struct grid_item *g = item_of(s, lv_selected_id(s->list.lv));
    if (!g)
        return TUI_HANDLED;
    if (g->level == GRID_COMMUNITY) {
        tui_app_error(app, "社区是最上一级，不能移到别的节点之下");
        return TUI_HANDLED | TUI_REDRAW;
    }
    int64_t id = g->id, parent = g->parent_id;
    char name[GRID_NAME_CHARS * 4 + 1], title[300], path[600];
    snprintf(name, sizeof name, "%s", g->name);
    snprintf(title, sizeof title, "把「%s」移到哪个节点之下？", name);
    if (!screens_pick_grid(app, s->list.ctx->db, title, NULL, id, g->level,
                           &parent, path, sizeof path))
        return TUI_HANDLED | TUI_REDRAW;
    if (parent == g->parent_id) {
        tui_app_status(app, "未移动：「%s」已在 %s 之下", name, path);
        return TUI_HANDLED | TUI_REDRAW;
    }
    zb_err e;
    if (grid_move(s->list.ctx->db, id, parent, &e) != 0) {
        tui_app_error(app, "无法移动：%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    screens_list_reload(&s->list);
    tree_focus(s->list.t, s->list.lv, id);
    tui_app_status(app, "已把「%s」移到 %s 之下", name, path);
    return TUI_HANDLED | TUI_REDRAW;
}

static int delete_node(struct grids_screen *s)
{
    tui_app *app = s->list.base.app;
    const struct grid_item *g = item_of(s, lv_selected_id(s->list.lv));
    if (!g)
        return TUI_HANDLED;
    int64_t id = g->id;
    char path[sizeof g->path], msg[700];
    snprintf(path, sizeof path, "%s", g->path);
    snprintf(msg, sizeof msg, "删除%s「%s」？", grid_level_label[g->level],
             path);
    if (!tui_confirm(app, "删除网格节点", msg, false))
        return TUI_HANDLED | TUI_REDRAW;
    zb_err e;
    if (grid_delete(s->list.ctx->db, id, &e) != 0) {
        tui_app_error(app, "%s", e.msg);   /* "不能删除：…" says why */
        return TUI_HANDLED | TUI_REDRAW;
    }
    screens_list_reload(&s->list);
    tui_app_status(app, "已删除：%s", path);
    return TUI_HANDLED | TUI_REDRAW;
}

static int open_coverage(struct grids_screen *s)
{
    int64_t id = lv_selected_id(s->list.lv);
    for (int guard = 0; id && tree_parent(s->list.t, id) && guard < 16;
         guard++)
        id = tree_parent(s->list.t, id);
    tui_app *app = s->list.base.app;
    return screens_push(app, coverage_screen_new(app, s->list.ctx, id));
}

static const char *not_blank(const char *text, void *ctx)
{
    (void)ctx;
    return strspn(text, " ") == strlen(text) ? "请输入文件名" : NULL;
}

static int write_contact(struct grids_screen *s)
{
    tui_app *app = s->list.base.app;
    const struct grid_item *g = item_of(s, lv_selected_id(s->list.lv));
    if (!g)
        return TUI_HANDLED;
    int64_t id = g->id;
    char file[1024];
    snprintf(file, sizeof file, "联系卡-%s.txt", g->name);
    /* the node's name is only a default: keep it a plain file name */
    for (char *p = file; *p; p++)
        if (*p == '/' || *p == ' ' || *p == '\\')
            *p = '_';
    if (!tui_prompt(app, "打印联系卡", "写入文件（在当前目录，可改名）：",
                    file, sizeof file, 200, not_blank, NULL))
        return TUI_HANDLED | TUI_REDRAW;
    size_t lead = strspn(file, " ");
    memmove(file, file + lead, strlen(file + lead) + 1);
    for (size_t len = strlen(file); len > 0 && file[len - 1] == ' ';)
        file[--len] = '\0';
    zb_err e;
    if (contact_sheet_write(s->list.ctx->db, id, s->today, file, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    char cwd[1024] = "";
    if (file[0] != '/' && getcwd(cwd, sizeof cwd))
        tui_app_status(app, "联系卡已写入：%s/%s", cwd, file);
    else
        tui_app_status(app, "联系卡已写入：%s", file);
    return TUI_HANDLED | TUI_REDRAW;
}

static int action(tui_screen *base, enum tui_action a)
{
    struct grids_screen *s = (struct grids_screen *)base;
    tui_app *app = base->app;
    struct zb_ctx *ctx = s->list.ctx;
    int64_t id = lv_selected_id(s->list.lv);
    switch (a) {
    case ACT_OPEN:
    case ACT_EDIT:
        if (!id)
            return TUI_HANDLED;
        return screens_push(app, grid_form_new(app, ctx, id, 0, 0));
    case ACT_ADD:
        return add_child(s);
    case ACT_ADD_ROOT:
        return screens_push(app, grid_form_new(app, ctx, 0, 0,
                                               GRID_COMMUNITY));
    case ACT_GRID_MOVE:
        return move_node(s);
    case ACT_DELETE:
        return delete_node(s);
    case ACT_ROLES:
        if (!id)
            return TUI_HANDLED;
        return screens_push(app, grid_roles_new(app, ctx, id));
    case ACT_COVERAGE:
        return open_coverage(s);
    case ACT_CONTACT:
        return write_contact(s);
    case ACT_FILTER:
        lv_filter_start(s->list.lv);
        return TUI_HANDLED | TUI_REDRAW;
    default:
        return TUI_UNHANDLED;
    }
}

/* ---- screen ops ---- */

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct grids_screen *s = (struct grids_screen *)base;
    screens_list_draw_empty(base, w, h, wd, s->n == 0,
                            "还没有网格。按 A 新增社区，"
                            "再按 a 逐级添加片区、网格、楼栋。");
}

static void destroy(tui_screen *base)
{
    struct grids_screen *s = (struct grids_screen *)base;
    free(s->items);
    screens_list_free(&s->list);
}

static const struct tui_screen_ops ops = {
    .keymap = keymap,
    .draw = draw,
    .key = screens_list_key,
    .action = action,
    .resume = screens_list_resume,
    .tick = screens_list_tick,
    .cursor = screens_list_cursor,
    .destroy = destroy,
};

tui_screen *grids_screen_new(tui_app *app, struct zb_ctx *ctx)
{
    struct grids_screen *s = screens_list_alloc(sizeof *s, &ops, app, ctx);
    if (!s)
        return NULL;
    s->list.load = load;
    s->list.saved = &ctx->saved_grid;
    rules_today(s->today);
    s->list.t = tree_new(NCOLS);
    s->list.lv = s->list.t ? lv_new(columns, NCOLS, &tree_lv_source,
                                    s->list.t) : NULL;
    if (!s->list.lv) {
        screens_list_free(&s->list);
        return NULL;
    }
    snprintf(s->list.base.title, sizeof s->list.base.title, "网格管理");
    screens_list_reload(&s->list);
    return &s->list.base;
}
