/* 结对帮扶: the register of households and persons in need, a windowed
 * list with filters by text, kind, grid subtree, level and status. From
 * here: the household (its helpers and visits), the form, closing, the
 * pairing assistant, the totals and the overdue lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/household.h"
#include "rules.h"
#include "screens.h"
#include "text.h"
#include "tui/dialog.h"
#include "tui/key.h"
#include "tui/listview.h"

enum { COL_NAME, COL_KINDS, COL_LEVEL, COL_GRID, COL_HELPER, COL_VISIT,
       COL_STATUS, NCOLS };

static const struct lv_column columns[NCOLS] = {
    [COL_NAME] = {"姓名", 6, 12, TEXT_LEFT, false},
    [COL_KINDS] = {"类别", 4, 16, TEXT_LEFT, true},
    [COL_LEVEL] = {"困难程度", 8, 8, TEXT_LEFT, false},
    [COL_GRID] = {"网格", 4, 16, TEXT_LEFT, true},
    [COL_HELPER] = {"帮扶人", 6, 16, TEXT_LEFT, false},
    [COL_VISIT] = {"最近走访", 10, 10, TEXT_LEFT, false},
    [COL_STATUS] = {"状态", 6, 6, TEXT_LEFT, false},
};

static const struct tui_binding keymap[] = {
    {ACT_OPEN, {TUI_KEY_ENTER}, true},
    {ACT_ADD, {'a', TUI_FN(KEY_IC)}, true},
    {ACT_EDIT, {'e', TUI_FN(KEY_F(4))}, false},
    {ACT_DELETE, {'d', TUI_FN(KEY_DC)}, true},
    {ACT_FILTER, {'/'}, true},
    {ACT_ASSIST, {'s'}, true},
    {ACT_TOTALS, {'t'}, true},
    {ACT_OVERDUE, {'o'}, true},
    {ACT_SET_HH_KIND, {'k'}, false},
    {ACT_SET_GRID, {'g'}, false},
    {ACT_SET_LEVEL, {'l'}, false},
    {ACT_SET_STATUS, {'c'}, false},
    {ACT_SORT, {'r'}, false},
    {ACT_NONE, {0}, false},
};

struct households_screen {
    struct screens_list list;   /* first: the list scaffolding */
    struct household_query q;
    char grid_path[600];
    char today[11];
    struct household_row *rows;   /* fetch scratch */
    int rows_cap;
};

/* ---- shared: closing a household ---- */

static const char *validate_close_date(const char *text, void *ctx)
{
    const char *today = ctx;
    char norm[11];
    if (!rules_date_normalize(text, norm))
        return "日期格式应为 YYYY-MM-DD，如 2026-07-01";
    if (strcmp(norm, today) > 0)
        return "销号日期不能晚于今天";
    return NULL;
}

static const char *not_blank(const char *text, void *ctx)
{
    (void)ctx;
    return text[strspn(text, " ")] ? NULL : "请填写销号原因";
}

bool screens_close_household(tui_app *app, const char *name, char *reason,
                             size_t reasonsz, char date[11])
{
    char title[300], today[11];
    snprintf(title, sizeof title, "销号原因：%.200s", name);
    int k = tui_pick(app, title, household_close_reasons,
                     HH_CLOSE_REASONS_N, 0);
    if (k < 0)
        return false;
    char buf[HH_REASON_CHARS * 4 + 1] = "";
    if (k == HH_CLOSE_REASONS_N - 1) {
        /* 其他: the reason in words */
        if (!tui_prompt(app, title, "原因：", buf, sizeof buf,
                        HH_REASON_CHARS, not_blank, NULL))
            return false;
    } else {
        snprintf(buf, sizeof buf, "%s", household_close_reasons[k]);
    }
    rules_today(today);
    char d[64];
    snprintf(d, sizeof d, "%s", today);
    if (!tui_prompt(app, title, "销号日期：", d, sizeof d, 10,
                    validate_close_date, today))
        return false;
    rules_date_normalize(d, date);
    snprintf(reason, reasonsz, "%s", buf);
    return true;
}

/* ---- the list's data source ---- */

static void query_for(struct households_screen *s, const char *filter,
                      struct household_query *q)
{
    *q = s->q;
    q->filter = filter && *filter ? filter : NULL;
    q->today = s->today;
}

static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct households_screen *s = ctx;
    struct household_query q;
    query_for(s, filter, &q);
    return household_count(s->list.ctx->db, &q, n, err);
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    struct households_screen *s = ctx;
    if (limit > s->rows_cap) {
        struct household_row *r = realloc(s->rows, sizeof *r * (size_t)limit);
        if (!r)
            return zb_fail(err, "内存不足");
        s->rows = r;
        s->rows_cap = limit;
    }
    struct household_query q;
    query_for(s, filter, &q);
    int n = 0;
    if (household_window(s->list.ctx->db, &q, offset, limit, s->rows, &n,
                         err) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        const struct household_row *r = &s->rows[i];
        char kinds[200], helper[200];
        household_kinds_text(r->kinds, true, kinds, sizeof kinds);
        bool open = r->status == HH_OPEN;
        if (r->helpers > 1)
            snprintf(helper, sizeof helper, "%.130s等%d人", r->helper_name,
                     r->helpers);
        else if (r->helpers == 1)
            snprintf(helper, sizeof helper, "%s", r->helper_name);
        else
            snprintf(helper, sizeof helper, "%s", open ? "未结对" : "");
        const char *cells[NCOLS] = {
            [COL_NAME] = r->name,
            [COL_KINDS] = kinds,
            [COL_LEVEL] = r->level > 0 && r->level < HH_LEVEL_N
                              ? household_level_label[r->level] : "",
            [COL_GRID] = r->grid_name,
            [COL_HELPER] = helper,
            [COL_VISIT] = r->last_visit[0] ? r->last_visit : "未走访",
            [COL_STATUS] = r->status > 0 && r->status < HH_STATUS_N
                               ? household_status_label[r->status] : "",
        };
        int mark = !open ? LV_MARK_DIM
                 : r->helpers == 0 ? LV_MARK_WARN : LV_MARK_NONE;
        if (lv_rowset_add(rs, r->id, mark, cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int src_locate(void *ctx, const char *filter, int64_t id, long *pos,
                      zb_err *err)
{
    struct households_screen *s = ctx;
    struct household_query q;
    query_for(s, filter, &q);
    return household_position(s->list.ctx->db, &q, id, pos, err);
}

static const struct lv_source source = {src_count, src_fetch, src_locate};

/* ---- screen ---- */

/* The list's load: only the title (the list queries the database). */
static void set_title(struct screens_list *head)
{
    struct households_screen *s = (struct households_screen *)head;
    const struct household_query *q = &s->q;
    char kind[64] = "";
    for (int k = 0; k < HH_KIND_N; k++)
        if (q->kinds == HH_KIND_BIT(k))
            snprintf(kind, sizeof kind, "  %s", household_kind_label[k]);
    char t[1024];
    snprintf(t, sizeof t, "结对帮扶  %s%s%s%s%s%s%s%s",
             q->status ? household_status_label[q->status] : "全部", kind,
             q->grid_id ? "  " : "", q->grid_id ? s->grid_path : "",
             q->level ? "  " : "", q->level ? household_level_label[q->level]
                                             : "",
             q->sort != HH_SORT_PINYIN ? "  " : "",
             q->sort != HH_SORT_PINYIN ? household_sort_label[q->sort] : "");
    text_copy_chars(s->list.base.title, sizeof s->list.base.title, t,
                    sizeof t);
}

static int pick_kind(struct households_screen *s)
{
    const char *items[HH_KIND_N + 1];
    int initial = 0;
    items[0] = "全部类别";
    for (int k = 0; k < HH_KIND_N; k++) {
        items[k + 1] = household_kind_label[k];
        if (s->q.kinds == HH_KIND_BIT(k))
            initial = k + 1;
    }
    int i = tui_pick(s->list.base.app, "帮扶对象类别", items, HH_KIND_N + 1,
                     initial);
    if (i < 0)
        return TUI_HANDLED | TUI_REDRAW;
    s->q.kinds = i == 0 ? 0 : HH_KIND_BIT(i - 1);
    return screens_list_reload(&s->list);
}

static int pick_level(struct households_screen *s)
{
    const char *items[HH_LEVEL_N];
    items[0] = "全部";
    for (int l = 1; l < HH_LEVEL_N; l++)
        items[l] = household_level_label[l];
    int i = tui_pick(s->list.base.app, "困难程度", items, HH_LEVEL_N,
                     s->q.level);
    if (i < 0)
        return TUI_HANDLED | TUI_REDRAW;
    s->q.level = i;
    return screens_list_reload(&s->list);
}

static int pick_grid(struct households_screen *s)
{
    int64_t id = s->q.grid_id;
    char path[600];
    if (!screens_pick_grid(s->list.base.app, s->list.ctx->db, "按居住网格筛选",
                           "全部网格", 0, 0, &id, path, sizeof path))
        return TUI_HANDLED | TUI_REDRAW;
    s->q.grid_id = id;
    snprintf(s->grid_path, sizeof s->grid_path, "%s", id ? path : "");
    return screens_list_reload(&s->list);
}

static int pick_sort(struct households_screen *s)
{
    int i = tui_pick(s->list.base.app, "排序方式", household_sort_label,
                     HH_SORT_COUNT, (int)s->q.sort);
    if (i < 0)
        return TUI_HANDLED | TUI_REDRAW;
    s->q.sort = (enum household_sort)i;
    return screens_list_reload(&s->list);
}

/* 帮扶中 -> 已销号 -> 全部 -> 帮扶中 */
static int cycle_status(struct households_screen *s)
{
    s->q.status = s->q.status == HH_OPEN ? HH_CLOSED
                : s->q.status == HH_CLOSED ? 0 : HH_OPEN;
    return screens_list_reload(&s->list);
}

static int close_household(struct households_screen *s, household *h)
{
    tui_app *app = s->list.base.app;
    char reason[sizeof h->close_reason], date[11];
    if (!screens_close_household(app, h->name, reason, sizeof reason, date))
        return TUI_HANDLED | TUI_REDRAW;
    h->status = HH_CLOSED;
    snprintf(h->closed, sizeof h->closed, "%s", date);
    snprintf(h->close_reason, sizeof h->close_reason, "%s", reason);
    zb_err e;
    if (household_save(s->list.ctx->db, h, NULL, &e) != 0)
        tui_app_error(app, "不能销号：%s", e.msg);
    else
        tui_app_status(app, "已销号：%s（%s，%s）", h->name, reason, date);
    return screens_list_reload(&s->list);
}

/* A household entered by mistake (no pairs, no visits) may be erased;
 * anyone with a history is closed (销号) with a reason. */
static int delete_household(struct households_screen *s)
{
    tui_app *app = s->list.base.app;
    int64_t id = lv_selected_id(s->list.lv);
    if (!id)
        return TUI_HANDLED;
    db *d = s->list.ctx->db;
    zb_err e;
    bool history = false;
    household *h = malloc(sizeof *h);
    if (!h) {
        tui_app_error(app, "内存不足");
        return TUI_HANDLED;
    }
    int rc = TUI_HANDLED | TUI_REDRAW;
    if (household_get(d, id, h, &e) != 0 ||
        household_has_history(d, id, &history, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        goto out;
    }
    if (h->status == HH_CLOSED) {
        tui_app_error(app, "%s 已于 %s 销号（%s）；如需恢复帮扶，请编辑状态",
                      h->name, h->closed, h->close_reason);
        goto out;
    }
    if (history) {
        rc = close_household(s, h);
        goto out;
    }
    static const char *const choices[] = {
        "销号：不再需要帮扶，保留记录",
        "删除：录入有误，删除后不可恢复",
    };
    char title[300];
    snprintf(title, sizeof title, "%.200s 尚无结对和走访记录：", h->name);
    int k = tui_pick(app, title, choices, 2, 0);
    if (k == 0) {
        rc = close_household(s, h);
    } else if (k == 1) {
        char msg[400];
        snprintf(msg, sizeof msg, "删除帮扶对象「%.200s」？删除后不可恢复。",
                 h->name);
        if (tui_confirm(app, "删除帮扶对象", msg, false)) {
            if (household_delete(d, id, &e) != 0)
                tui_app_error(app, "%s", e.msg);
            else
                tui_app_status(app, "已删除：%s", h->name);
        }
        rc = screens_list_reload(&s->list);
    }
out:
    free(h);
    return rc;
}

static int action(tui_screen *base, enum tui_action a)
{
    struct households_screen *s = (struct households_screen *)base;
    tui_app *app = base->app;
    tui_screen *next = NULL;
    int64_t id = lv_selected_id(s->list.lv);
    switch (a) {
    case ACT_OPEN:
        if (!id)
            return TUI_HANDLED;
        next = household_view_new(app, s->list.ctx, id);
        break;
    case ACT_EDIT:
        if (!id)
            return TUI_HANDLED;
        next = household_form_new(app, s->list.ctx, id);
        break;
    case ACT_ADD:
        next = household_form_new(app, s->list.ctx, 0);
        break;
    case ACT_DELETE:
        return delete_household(s);
    case ACT_FILTER:
        lv_filter_start(s->list.lv);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_ASSIST:
        next = assist_screen_new(app, s->list.ctx, s->q.grid_id);
        break;
    case ACT_TOTALS:
        next = pair_totals_new(app, s->list.ctx);
        break;
    case ACT_OVERDUE:
        next = overdue_screen_new(app, s->list.ctx);
        break;
    case ACT_SET_HH_KIND:
        return pick_kind(s);
    case ACT_SET_GRID:
        return pick_grid(s);
    case ACT_SET_LEVEL:
        return pick_level(s);
    case ACT_SET_STATUS:
        return cycle_status(s);
    case ACT_SORT:
        return pick_sort(s);
    default:
        return TUI_UNHANDLED;
    }
    return screens_push(app, next);
}

static void destroy(tui_screen *base)
{
    struct households_screen *s = (struct households_screen *)base;
    free(s->rows);
    screens_list_free(&s->list);
}

static const struct tui_screen_ops ops = {
    .keymap = keymap,
    .draw = screens_list_draw,
    .key = screens_list_key,
    .action = action,
    .resume = screens_list_resume,
    .tick = screens_list_tick,
    .cursor = screens_list_cursor,
    .destroy = destroy,
};

tui_screen *households_screen_new(tui_app *app, struct zb_ctx *ctx)
{
    struct households_screen *s = screens_list_alloc(sizeof *s, &ops, app,
                                                     ctx);
    if (!s)
        return NULL;
    s->list.load = set_title;
    s->list.saved = &ctx->saved_household;
    s->q.view = HV_ALL;
    s->q.status = HH_OPEN;
    s->q.sort = HH_SORT_PINYIN;
    rules_today(s->today);
    s->list.lv = lv_new(columns, NCOLS, &source, s);
    if (!s->list.lv) {
        free(s);
        return NULL;
    }
    screens_list_reload(&s->list);
    return &s->list.base;
}
