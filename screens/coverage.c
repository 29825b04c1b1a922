/* 网格覆盖检查: the coverage gaps of one community (or all), in tree
 * order: grids without a 网格长 or 网格员, 片区 without their three heads,
 * buildings without a 楼栋长, grids outside the sizing rule, grids with
 * no party organisation. Enter opens the node where the gap is fixed;
 * back here the check runs again, so a fixed gap disappears. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/grid.h"
#include "rules.h"
#include "screens.h"
#include "text.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/key.h"
#include "tui/listview.h"

enum { COL_PATH, COL_PROBLEM, NCOLS };

static const struct lv_column columns[NCOLS] = {
    [COL_PATH] = {"路径", 12, 60, TEXT_LEFT, true},
    [COL_PROBLEM] = {"问题", 8, 60, TEXT_LEFT, true},
};

static const struct tui_binding keymap[] = {
    {ACT_OPEN, {TUI_KEY_ENTER}, true},
    {ACT_EDIT, {'e', TUI_FN(KEY_F(4))}, true},
    {ACT_ROLES, {'r'}, true},
    {ACT_SET_COMMUNITY, {'c'}, true},
    {ACT_FILTER, {'/'}, false},
    {ACT_NONE, {0}, false},
};

struct coverage_screen {
    struct screens_list list;   /* first: the list scaffolding */
    int64_t community_id;          /* 0 = every community */
    char community[GRID_NAME_CHARS * 4 + 1];
    char today[11];
    struct grid_gap *gaps;
    int n;
    int *rows;                     /* gaps matching the filter */
    long nrows;
};

/* A row's id: the node and the kind of gap, so that the cursor finds
 * the same gap after the check runs again. */
static int64_t gap_id(const struct grid_gap *g)
{
    return g->grid_id * 16 + g->kind;
}

static bool role_gap(int kind)
{
    return kind == GAP_NO_GRID_HEAD || kind == GAP_NO_WORKER ||
           kind == GAP_AREA_HEADS || kind == GAP_NO_BUILDING_HEAD;
}

/* ---- the list source ---- */

static void select_rows(struct coverage_screen *s, const char *filter)
{
    s->nrows = 0;
    for (int i = 0; i < s->n; i++)
        if (!filter || !*filter ||
            text_contains_ci(s->gaps[i].path, filter) ||
            text_contains_ci(s->gaps[i].text, filter))
            s->rows[s->nrows++] = i;
}

static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    (void)err;
    struct coverage_screen *s = ctx;
    select_rows(s, filter);
    *n = s->nrows;
    return 0;
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    struct coverage_screen *s = ctx;
    select_rows(s, filter);
    for (long k = offset; k < s->nrows && k < offset + limit; k++) {
        const struct grid_gap *g = &s->gaps[s->rows[k]];
        const char *cells[NCOLS] = {[COL_PATH] = g->path,
                                    [COL_PROBLEM] = g->text};
        int mark = g->kind == GAP_SIZE_HOUSEHOLDS ||
                   g->kind == GAP_SIZE_POPULATION ? LV_MARK_NONE
                                                  : LV_MARK_WARN;
        if (lv_rowset_add(rs, gap_id(g), mark, cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int src_locate(void *ctx, const char *filter, int64_t id, long *pos,
                      zb_err *err)
{
    (void)err;
    struct coverage_screen *s = ctx;
    select_rows(s, filter);
    *pos = -1;
    for (long k = 0; k < s->nrows && *pos < 0; k++)
        if (gap_id(&s->gaps[s->rows[k]]) == id)
            *pos = k;
    return 0;
}

static const struct lv_source source = {src_count, src_fetch, src_locate};

/* ---- loading ---- */

static void set_title(struct coverage_screen *s)
{
    snprintf(s->list.base.title, sizeof s->list.base.title,
             "网格覆盖检查  %.100s  共 %d 处问题",
             s->community_id ? s->community : "全部社区", s->n);
}

static void load(struct screens_list *head)
{
    struct coverage_screen *s = (struct coverage_screen *)head;
    tui_app *app = s->list.base.app;
    zb_err e;
    struct grid_gap *gaps = NULL;
    int n = 0;
    if (grid_coverage(s->list.ctx->db, s->community_id, s->today, &gaps, &n,
                      &e) != 0) {
        tui_app_error(app, "%s", e.msg);
    } else {
        int *rows = malloc(sizeof *rows * (size_t)(n ? n : 1));
        if (!rows) {
            free(gaps);
            tui_app_error(app, "内存不足");
        } else {
            free(s->gaps);
            free(s->rows);
            s->gaps = gaps;
            s->rows = rows;
            s->n = n;
        }
    }
    /* A fixed gap is gone: the list's reload keeps the cursor where it
     * was. */
    set_title(s);
}

static const struct grid_gap *selected(const struct coverage_screen *s)
{
    int64_t id = lv_selected_id(s->list.lv);
    for (int i = 0; id && i < s->n; i++)
        if (gap_id(&s->gaps[i]) == id)
            return &s->gaps[i];
    return NULL;
}

/* ---- actions ---- */

static int pick_community(struct coverage_screen *s)
{
    tui_app *app = s->list.base.app;
    struct grid_item *items = NULL;
    int n = 0;
    zb_err e;
    if (grid_list(s->list.ctx->db, &items, &n, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    const char **labels = malloc(sizeof *labels * (size_t)(n + 1));
    int *index = malloc(sizeof *index * (size_t)(n + 1));
    if (!labels || !index) {
        free(labels);
        free(index);
        free(items);
        tui_app_error(app, "内存不足");
        return TUI_HANDLED | TUI_REDRAW;
    }
    int k = 0, initial = 0;
    labels[k] = "全部社区";
    index[k++] = -1;
    for (int i = 0; i < n; i++) {
        if (items[i].parent_id != 0)
            continue;
        if (items[i].id == s->community_id)
            initial = k;
        labels[k] = items[i].name;
        index[k++] = i;
    }
    int p = tui_pick(app, "检查哪个社区？", labels, k, initial);
    if (p >= 0) {
        int i = index[p];
        s->community_id = i < 0 ? 0 : items[i].id;
        snprintf(s->community, sizeof s->community, "%s",
                 i < 0 ? "" : items[i].name);
    }
    free(labels);
    free(index);
    free(items);
    if (p >= 0) {
        screens_list_reload(&s->list);
        lv_set_cursor(s->list.lv, 0);
    }
    return TUI_HANDLED | TUI_REDRAW;
}

static int open_gap(struct coverage_screen *s, bool roles)
{
    tui_app *app = s->list.base.app;
    const struct grid_gap *g = selected(s);
    if (!g)
        return TUI_HANDLED;
    if (roles)
        return screens_push(app, grid_roles_new(app, s->list.ctx,
                                                g->grid_id));
    int r = screens_push(app, grid_form_new(app, s->list.ctx, g->grid_id, 0,
                                            0));
    if (g->kind == GAP_NO_ORG)
        tui_app_status(app,
                       "在「组织架构」中把建在此网格上的党组织的所在网格设为它");
    return r;
}

static int action(tui_screen *base, enum tui_action a)
{
    struct coverage_screen *s = (struct coverage_screen *)base;
    const struct grid_gap *g = selected(s);
    switch (a) {
    case ACT_OPEN:
        return open_gap(s, g && role_gap(g->kind));
    case ACT_EDIT:
        return open_gap(s, false);
    case ACT_ROLES:
        return open_gap(s, true);
    case ACT_SET_COMMUNITY:
        return pick_community(s);
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
    struct coverage_screen *s = (struct coverage_screen *)base;
    screens_list_draw_empty(base, w, h, wd, s->n == 0,
                            "未发现问题：每个网格、片区、楼栋都已定人定责。");
}

static void destroy(tui_screen *base)
{
    struct coverage_screen *s = (struct coverage_screen *)base;
    free(s->gaps);
    free(s->rows);
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

tui_screen *coverage_screen_new(tui_app *app, struct zb_ctx *ctx,
                                int64_t community_id)
{
    struct coverage_screen *s = screens_list_alloc(sizeof *s, &ops, app, ctx);
    if (!s)
        return NULL;
    s->list.load = load;
    s->community_id = community_id;
    rules_today(s->today);
    if (community_id) {
        struct grid_node *g = malloc(sizeof *g);
        zb_err e;
        if (g && grid_get(ctx->db, community_id, g, &e) == 0)
            snprintf(s->community, sizeof s->community, "%s", g->name);
        free(g);
    }
    s->list.lv = lv_new(columns, NCOLS, &source, s);
    if (!s->list.lv) {
        free(s);
        return NULL;
    }
    screens_list_reload(&s->list);
    return &s->list.base;
}
