/* The pairing assistant (结对推荐): one line per open household without a
 * helper, with the suggested member and the reason ("同一楼栋，当前帮扶
 * 1 户"). Accept one (Enter/y), accept all (A, after a confirmation with
 * the count), or pick another helper (p). The suggestions are computed
 * again after every change, so the loads they show stay true. Also the
 * helper picker the pair form shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/assist.h"
#include "model/household.h"
#include "model/pair.h"
#include "screens.h"
#include "text.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/key.h"
#include "tui/listview.h"

/* How many candidates the helper picker lists. */
#define PICK_MAX 200

/* ---- shared: the helper picker ---- */

static const char *not_blank(const char *text, void *ctx)
{
    (void)ctx;
    return text[strspn(text, " ")] ? NULL : "请输入要查找的党员";
}

bool screens_pick_helper(tui_app *app, struct zb_ctx *ctx,
                         int64_t household_id, int64_t *member_id,
                         char *name, size_t namesz)
{
    struct pair_config cfg;
    pair_config_from(&cfg, ctx->cfg);
    struct assist_opts o;
    assist_opts_default(&o);
    o.max_load = cfg.max_load;
    char filter[128] = "";
    char (*labels)[600] = malloc(sizeof *labels * PICK_MAX);
    const char **items = malloc(sizeof *items * (PICK_MAX + 1));
    bool ok = false;
    if (!labels || !items) {
        tui_app_error(app, "内存不足");
        goto out;
    }
    for (;;) {
        struct assist_candidate *rows = NULL;
        int n = 0;
        zb_err e;
        if (assist_candidates(ctx->db, household_id, filter, &o, PICK_MAX,
                              &rows, &n, &e) != 0) {
            tui_app_error(app, "%s", e.msg);
            goto out;
        }
        char first[300];
        snprintf(first, sizeof first, "%s",
                 filter[0] ? "按姓名查找其他党员（重新输入）…"
                           : "按姓名查找其他党员（不限本社区）…");
        items[0] = first;
        int initial = n ? 1 : 0;
        for (int i = 0; i < n; i++) {
            const struct assist_candidate *c = &rows[i];
            snprintf(labels[i], sizeof labels[i], "%s  %s  %s%s  %s  %s",
                     c->name, c->member_no, c->reason,
                     c->full ? "（已满）" : "", c->place, c->org_name);
            items[i + 1] = labels[i];
            if (c->member_id == *member_id)
                initial = i + 1;
        }
        char title[300];
        if (filter[0])
            snprintf(title, sizeof title, "「%s」可结对的党员 %d 人%s", filter,
                     n, n == PICK_MAX ? "（只列出前 200 人）" : "");
        else
            snprintf(title, sizeof title, "本社区可结对的党员 %d 人%s", n,
                     n == PICK_MAX ? "（只列出前 200 人）" : "");
        int k = tui_pick(app, title, items, n + 1, initial);
        if (k > 0) {
            *member_id = rows[k - 1].member_id;
            snprintf(name, namesz, "%s（编号 %s）", rows[k - 1].name,
                     rows[k - 1].member_no);
            ok = true;
        }
        free(rows);
        if (k != 0)
            break;
        if (!tui_prompt(app, "查找党员", "姓名、拼音首字母或党员编号：",
                        filter, sizeof filter, 40, not_blank, NULL))
            break;
    }
out:
    free(labels);
    free(items);
    return ok;
}

/* ---- the assistant ---- */

enum { COL_NAME, COL_KINDS, COL_LEVEL, COL_PLACE, COL_HELPER, COL_REASON,
       NCOLS };

static const struct lv_column columns[NCOLS] = {
    [COL_NAME] = {"帮扶对象", 8, 12, TEXT_LEFT, false},
    [COL_KINDS] = {"类别", 4, 12, TEXT_LEFT, true},
    [COL_LEVEL] = {"困难程度", 8, 8, TEXT_LEFT, false},
    [COL_PLACE] = {"居住网格", 8, 16, TEXT_LEFT, true},
    [COL_HELPER] = {"推荐帮扶人", 10, 12, TEXT_LEFT, false},
    [COL_REASON] = {"推荐理由", 8, 30, TEXT_LEFT, true},
};

static const struct tui_binding keymap[] = {
    {ACT_ACCEPT, {TUI_KEY_ENTER, 'y'}, true},
    {ACT_ACCEPT_ALL, {'A'}, true},
    {ACT_PICK_HELPER, {'p'}, true},
    {ACT_OPEN, {'h'}, true},
    {ACT_SET_GRID, {'g'}, true},
    {ACT_FILTER, {'/'}, false},
    {ACT_NONE, {0}, false},
};

struct assist_screen {
    struct screens_list list;   /* first: the list scaffolding */
    struct pair_config cfg;
    int64_t grid_id;
    char grid_path[600];
    struct assist_item *items;
    int n;
    int with_helper;
    int *rows;               /* indexes of items matching the filter */
    long nrows;
};

static bool matches(const struct assist_item *it, const char *filter)
{
    return !filter || !*filter || text_contains_ci(it->household_name, filter) ||
           text_contains_ci(it->helper_name, filter) ||
           text_contains_ci(it->household_place, filter);
}

static void select_rows(struct assist_screen *s, const char *filter)
{
    s->nrows = 0;
    for (int i = 0; i < s->n; i++)
        if (matches(&s->items[i], filter))
            s->rows[s->nrows++] = i;
}

static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct assist_screen *s = ctx;
    (void)err;
    select_rows(s, filter);
    *n = s->nrows;
    return 0;
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    struct assist_screen *s = ctx;
    select_rows(s, filter);
    for (long k = offset; k < s->nrows && k < offset + limit; k++) {
        const struct assist_item *it = &s->items[s->rows[k]];
        char kinds[200];
        household_kinds_text(it->kinds, true, kinds, sizeof kinds);
        const char *cells[NCOLS] = {
            [COL_NAME] = it->household_name,
            [COL_KINDS] = kinds,
            [COL_LEVEL] = it->level > 0 && it->level < HH_LEVEL_N
                              ? household_level_label[it->level] : "",
            [COL_PLACE] = it->household_place,
            [COL_HELPER] = it->member_id ? it->helper_name : "（无）",
            [COL_REASON] = it->reason,
        };
        if (lv_rowset_add(rs, it->household_id,
                          it->member_id ? LV_MARK_NONE : LV_MARK_WARN,
                          cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int src_locate(void *ctx, const char *filter, int64_t id, long *pos,
                      zb_err *err)
{
    struct assist_screen *s = ctx;
    (void)err;
    select_rows(s, filter);
    *pos = -1;
    for (long k = 0; k < s->nrows; k++)
        if (s->items[s->rows[k]].household_id == id)
            *pos = k;
    return 0;
}

static const struct lv_source source = {src_count, src_fetch, src_locate};

static void set_title(struct assist_screen *s)
{
    snprintf(s->list.base.title, sizeof s->list.base.title, "结对推荐%s%.100s",
             s->grid_id ? "  " : "", s->grid_id ? s->grid_path : "");
}

/* Suggestions computed again from the database. */
static void load(struct screens_list *head)
{
    struct assist_screen *s = (struct assist_screen *)head;
    tui_app *app = s->list.base.app;
    struct assist_opts o;
    assist_opts_default(&o);
    o.max_load = s->cfg.max_load;
    o.grid_id = s->grid_id;
    free(s->items);
    s->items = NULL;
    s->n = s->with_helper = 0;
    zb_err e;
    if (assist_suggest(s->list.ctx->db, &o, &s->items, &s->n, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    free(s->rows);
    s->rows = malloc(sizeof *s->rows * (size_t)(s->n + 1));
    if (!s->rows)
        s->n = 0;
    for (int i = 0; i < s->n; i++)
        s->with_helper += s->items[i].member_id != 0;
    set_title(s);
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct assist_screen *s = (struct assist_screen *)base;
    char line[300];
    snprintf(line, sizeof line,
             "未结对 %d 户，可推荐 %d 户；每名党员最多帮扶 %d 户。"
             "就近优先：同一楼栋、网格、片区、社区",
             s->n, s->with_helper, s->cfg.max_load);
    tui_put(w, 0, 0, line, wd, TEXT_LEFT, tui_style(STYLE_DIM));
    screens_list_draw_at(&s->list, w, 1, h - 1, wd);
}

static const struct assist_item *selected(struct assist_screen *s)
{
    int64_t id = lv_selected_id(s->list.lv);
    for (int i = 0; id && i < s->n; i++)
        if (s->items[i].household_id == id)
            return &s->items[i];
    return NULL;
}

static int accept_one(struct assist_screen *s)
{
    tui_app *app = s->list.base.app;
    const struct assist_item *it = selected(s);
    if (!it)
        return TUI_HANDLED;
    if (!it->member_id) {
        tui_app_error(app, "%s：%s；可按 p 另选帮扶人", it->household_name,
                      it->reason);
        return TUI_HANDLED | TUI_REDRAW;
    }
    int accepted = 0, skipped = 0;
    zb_err e;
    if (assist_accept(s->list.ctx->db, it, 1, NULL, s->cfg.max_load, &accepted,
                      &skipped, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    else if (accepted)
        tui_app_status(app, "已结对：%s 帮扶 %s", it->helper_name,
                       it->household_name);
    else
        tui_app_error(app, "%s 已有帮扶人或已销号，未重复结对",
                      it->household_name);
    return screens_list_reload(&s->list);
}

static int accept_all(struct assist_screen *s)
{
    tui_app *app = s->list.base.app;
    if (s->with_helper == 0) {
        tui_app_error(app, "没有可采纳的推荐");
        return TUI_HANDLED | TUI_REDRAW;
    }
    char msg[300];
    snprintf(msg, sizeof msg, "采纳全部 %d 条推荐，建立 %d 对结对？",
             s->with_helper, s->with_helper);
    if (!tui_confirm(app, "全部采纳", msg, false))
        return TUI_HANDLED | TUI_REDRAW;
    int accepted = 0, skipped = 0;
    zb_err e;
    if (assist_accept(s->list.ctx->db, s->items, s->n, NULL, s->cfg.max_load,
                      &accepted, &skipped, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    else if (skipped)
        tui_app_status(app, "已结对 %d 户（%d 户情况已变化，已跳过）",
                       accepted, skipped);
    else
        tui_app_status(app, "已结对 %d 户", accepted);
    return screens_list_reload(&s->list);
}

static int pick_other(struct assist_screen *s)
{
    tui_app *app = s->list.base.app;
    const struct assist_item *it = selected(s);
    if (!it)
        return TUI_HANDLED;
    int64_t household_id = it->household_id, member_id = it->member_id;
    char household_name[sizeof it->household_name], name[200];
    snprintf(household_name, sizeof household_name, "%s", it->household_name);
    if (!screens_pick_helper(app, s->list.ctx, household_id, &member_id, name,
                             sizeof name))
        return TUI_HANDLED | TUI_REDRAW;
    pair *p = malloc(sizeof *p);
    if (!p) {
        tui_app_error(app, "内存不足");
        return TUI_HANDLED | TUI_REDRAW;
    }
    pair_init(p);
    p->household_id = household_id;
    p->member_id = member_id;
    zb_err e;
    int rc = pair_save(s->list.ctx->db, p, &s->cfg, false, NULL, &e);
    if (rc == PAIR_OVERLOAD) {
        if (tui_confirm(app, "超过帮扶上限", e.msg, false))
            rc = pair_save(s->list.ctx->db, p, &s->cfg, true, NULL, &e);
        else
            rc = -2;
    }
    if (rc == 0)
        tui_app_status(app, "已结对：%s 帮扶 %s", name, household_name);
    else if (rc != -2)
        tui_app_error(app, "不能结对：%s", e.msg);
    free(p);
    return screens_list_reload(&s->list);
}

static int pick_grid(struct assist_screen *s)
{
    int64_t id = s->grid_id;
    char path[600];
    if (!screens_pick_grid(s->list.base.app, s->list.ctx->db,
                           "只看此网格节点的帮扶对象", "全部网格", 0, 0,
                           &id, path, sizeof path))
        return TUI_HANDLED | TUI_REDRAW;
    s->grid_id = id;
    snprintf(s->grid_path, sizeof s->grid_path, "%s", id ? path : "");
    return screens_list_reload(&s->list);
}

static int action(tui_screen *base, enum tui_action a)
{
    struct assist_screen *s = (struct assist_screen *)base;
    switch (a) {
    case ACT_ACCEPT:
        return accept_one(s);
    case ACT_ACCEPT_ALL:
        return accept_all(s);
    case ACT_PICK_HELPER:
        return pick_other(s);
    case ACT_SET_GRID:
        return pick_grid(s);
    case ACT_FILTER:
        lv_filter_start(s->list.lv);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_OPEN: {
        const struct assist_item *it = selected(s);
        if (!it)
            return TUI_HANDLED;
        return screens_push(base->app, household_view_new(
                                           base->app, s->list.ctx,
                                           it->household_id));
    }
    default:
        return TUI_UNHANDLED;
    }
}

static void destroy(tui_screen *base)
{
    struct assist_screen *s = (struct assist_screen *)base;
    free(s->items);
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

tui_screen *assist_screen_new(tui_app *app, struct zb_ctx *ctx,
                              int64_t grid_id)
{
    struct assist_screen *s = screens_list_alloc(sizeof *s, &ops, app, ctx);
    if (!s)
        return NULL;
    s->list.load = load;
    pair_config_from(&s->cfg, ctx->cfg);
    s->grid_id = grid_id;
    if (grid_id)
        screens_grid_path(ctx->db, grid_id, s->grid_path, sizeof s->grid_path);
    s->list.lv = lv_new(columns, NCOLS, &source, s);
    if (!s->list.lv) {
        free(s);
        return NULL;
    }
    screens_list_reload(&s->list);
    return &s->list.base;
}
