/* The responsible people of one grid node: current terms first, then
 * past ones (dimmed), so the history stays visible. Add, edit, end
 * (离任) and delete terms; the term form is screens/grid_role_form.c. */
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

enum { COL_ROLE, COL_NAME, COL_PHONE, COL_START, COL_END, COL_NOTES,
       NCOLS };

static const struct lv_column columns[NCOLS] = {
    [COL_ROLE] = {"职务", 6, 14, TEXT_LEFT, false},
    [COL_NAME] = {"姓名", 6, 16, TEXT_LEFT, false},
    [COL_PHONE] = {"电话", 6, 16, TEXT_LEFT, false},
    [COL_START] = {"任职日期", 10, 10, TEXT_LEFT, false},
    [COL_END] = {"离任日期", 10, 10, TEXT_LEFT, false},
    [COL_NOTES] = {"备注", 4, 40, TEXT_LEFT, true},
};

static const struct tui_binding keymap[] = {
    {ACT_EDIT, {TUI_KEY_ENTER, 'e', TUI_FN(KEY_F(4))}, true},
    {ACT_ADD, {'a', TUI_FN(KEY_IC)}, true},
    {ACT_END_ROLE, {'x'}, true},
    {ACT_DELETE, {'d', TUI_FN(KEY_DC)}, true},
    {ACT_FILTER, {'/'}, false},
    {ACT_NONE, {0}, false},
};

struct grid_roles_screen {
    struct screens_list list;   /* first: the list scaffolding */
    int64_t grid_id;
    int level;
    char path[600];
    char today[11];
    struct grid_role *roles;   /* current first, then past */
    int n;
    int *rows;                 /* indexes of roles matching the filter */
    long nrows;
    int current;               /* how many are current */
};

static bool is_past(const struct grid_roles_screen *s,
                    const struct grid_role *r)
{
    return r->end_date[0] && strcmp(r->end_date, s->today) < 0;
}

static const char *role_label(int role)
{
    return role > 0 && role < GRID_ROLE_N ? grid_role_label[role] : "";
}

/* ---- the list source: the loaded terms, filtered in memory ---- */

static bool matches(const struct grid_role *r, const char *filter)
{
    return !filter || !*filter || text_contains_ci(r->name, filter) ||
           text_contains_ci(r->phone, filter) ||
           text_contains_ci(role_label(r->role), filter) ||
           text_contains_ci(r->notes, filter);
}

static void select_rows(struct grid_roles_screen *s, const char *filter)
{
    s->nrows = 0;
    for (int i = 0; i < s->n; i++)
        if (matches(&s->roles[i], filter))
            s->rows[s->nrows++] = i;
}

static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    (void)err;
    struct grid_roles_screen *s = ctx;
    select_rows(s, filter);
    *n = s->nrows;
    return 0;
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    struct grid_roles_screen *s = ctx;
    select_rows(s, filter);
    for (long k = offset; k < s->nrows && k < offset + limit; k++) {
        const struct grid_role *r = &s->roles[s->rows[k]];
        bool past = is_past(s, r);
        const char *cells[NCOLS] = {
            [COL_ROLE] = role_label(r->role),
            [COL_NAME] = r->name,
            [COL_PHONE] = r->phone,
            [COL_START] = r->start_date,
            [COL_END] = r->end_date[0] ? r->end_date : "至今",
            [COL_NOTES] = r->notes,
        };
        if (lv_rowset_add(rs, r->id, past ? LV_MARK_DIM : LV_MARK_NONE,
                          cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int src_locate(void *ctx, const char *filter, int64_t id, long *pos,
                      zb_err *err)
{
    (void)err;
    struct grid_roles_screen *s = ctx;
    select_rows(s, filter);
    *pos = -1;
    for (long k = 0; k < s->nrows; k++)
        if (s->roles[s->rows[k]].id == id)
            *pos = k;
    return 0;
}

static const struct lv_source source = {src_count, src_fetch, src_locate};

/* ---- loading ---- */

static void load(struct screens_list *head)
{
    struct grid_roles_screen *s = (struct grid_roles_screen *)head;
    tui_app *app = s->list.base.app;
    zb_err e;
    struct grid_role *roles = NULL;
    int n = 0;
    if (grid_role_list(s->list.ctx->db, s->grid_id, true, s->today, &roles, &n,
                       &e) != 0) {
        tui_app_error(app, "%s", e.msg);
    } else {
        int *rows = malloc(sizeof *rows * (size_t)(n ? n : 1));
        if (!rows) {
            free(roles);
            tui_app_error(app, "内存不足");
        } else {
            free(s->roles);
            free(s->rows);
            s->roles = roles;
            s->rows = rows;
            s->n = n;
            s->current = 0;
            for (int i = 0; i < n; i++)
                s->current += !is_past(s, &roles[i]);
        }
    }
    char path[80];
    text_copy_chars(path, sizeof path, s->path, 26);
    snprintf(s->list.base.title, sizeof s->list.base.title,
             "负责人  %s  现任 %d 人，历任 %d 人", path, s->current,
             s->n - s->current);
}

static const struct grid_role *selected(const struct grid_roles_screen *s)
{
    int64_t id = lv_selected_id(s->list.lv);
    for (int i = 0; id && i < s->n; i++)
        if (s->roles[i].id == id)
            return &s->roles[i];
    return NULL;
}

/* ---- actions ---- */

static const char *valid_date(const char *text, void *ctx)
{
    (void)ctx;
    char out[11];
    return rules_date_normalize(text, out) ? NULL
           : "日期格式应为 YYYY-MM-DD，如 2026-07-01";
}

static int end_role(struct grid_roles_screen *s)
{
    tui_app *app = s->list.base.app;
    const struct grid_role *cur = selected(s);
    if (!cur)
        return TUI_HANDLED;
    if (is_past(s, cur)) {
        tui_app_error(app, "%s 已于 %s 离任", cur->name, cur->end_date);
        return TUI_HANDLED | TUI_REDRAW;
    }
    struct grid_role r = *cur;
    char date[32], title[300];
    snprintf(date, sizeof date, "%s", r.end_date[0] ? r.end_date : s->today);
    snprintf(title, sizeof title, "%s %s 离任", role_label(r.role), r.name);
    if (!tui_prompt(app, title, "离任日期：", date, sizeof date, 10,
                    valid_date, NULL))
        return TUI_HANDLED | TUI_REDRAW;
    rules_date_normalize(date, r.end_date);
    const char *field = NULL;
    zb_err e;
    if (grid_role_validate(s->list.ctx->db, &r, &field, &e) != 0 ||
        grid_role_save(s->list.ctx->db, &r, &e) != 0) {
        tui_app_error(app, "未登记离任：%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    screens_list_reload(&s->list);
    tui_app_status(app, "已登记：%s %s 于 %s 离任", role_label(r.role), r.name,
                   r.end_date);
    return TUI_HANDLED | TUI_REDRAW;
}

static int delete_role(struct grid_roles_screen *s)
{
    tui_app *app = s->list.base.app;
    const struct grid_role *cur = selected(s);
    if (!cur)
        return TUI_HANDLED;
    int64_t id = cur->id;
    char msg[600], who[300];
    snprintf(who, sizeof who, "%s %s", role_label(cur->role), cur->name);
    snprintf(msg, sizeof msg,
             "删除「%s」这条任职记录？（只用于删除录错的记录；换人请按 x 登记离任，以保留历史）",
             who);
    if (!tui_confirm(app, "删除任职记录", msg, false))
        return TUI_HANDLED | TUI_REDRAW;
    zb_err e;
    if (grid_role_delete(s->list.ctx->db, id, &e) != 0) {
        tui_app_error(app, "无法删除：%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    screens_list_reload(&s->list);
    tui_app_status(app, "已删除任职记录：%s", who);
    return TUI_HANDLED | TUI_REDRAW;
}

static int action(tui_screen *base, enum tui_action a)
{
    struct grid_roles_screen *s = (struct grid_roles_screen *)base;
    tui_app *app = base->app;
    const struct grid_role *cur = selected(s);
    switch (a) {
    case ACT_OPEN:
    case ACT_EDIT:
        if (!cur)
            return TUI_HANDLED;
        return screens_push(app, grid_role_form_new(app, s->list.ctx, cur->id,
                                                    s->grid_id, 0));
    case ACT_ADD:
        return screens_push(app, grid_role_form_new(app, s->list.ctx, 0,
                                                    s->grid_id, 0));
    case ACT_END_ROLE:
        return end_role(s);
    case ACT_DELETE:
        return delete_role(s);
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
    struct grid_roles_screen *s = (struct grid_roles_screen *)base;
    screens_list_draw_empty(base, w, h, wd, s->n == 0,
                            "还没有登记负责人。按 a 新增。");
}

static void destroy(tui_screen *base)
{
    struct grid_roles_screen *s = (struct grid_roles_screen *)base;
    free(s->roles);
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

tui_screen *grid_roles_new(tui_app *app, struct zb_ctx *ctx, int64_t grid_id)
{
    struct grid_roles_screen *s = screens_list_alloc(sizeof *s, &ops, app,
                                                     ctx);
    if (!s)
        return NULL;
    s->list.load = load;
    s->list.saved = &ctx->saved_grid_role;
    s->grid_id = grid_id;
    rules_today(s->today);
    struct grid_node *g = malloc(sizeof *g);
    zb_err e;
    if (!g || grid_get(ctx->db, grid_id, g, &e) != 0) {
        if (g)
            tui_app_error(app, "%s", e.msg);
        free(g);
        free(s);
        return NULL;
    }
    s->level = g->level;
    free(g);
    screens_grid_path(ctx->db, grid_id, s->path, sizeof s->path);
    s->list.lv = lv_new(columns, NCOLS, &source, s);
    if (!s->list.lv) {
        free(s);
        return NULL;
    }
    screens_list_reload(&s->list);
    return &s->list.base;
}
