/* 组织生活预警: members who have not taken part in organisational life
 * for three months or more (党章第九条 sets six as the limit), and those
 * who owe a make-up lesson (补课) for a 请假. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/attendance.h"
#include "rules.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/key.h"
#include "tui/listview.h"

enum { COL_NAME, COL_NO, COL_ORG, COL_LAST, COL_MONTHS, COL_LEAVE,
       COL_MAKEUP, COL_STATE, NCOLS };

static const struct lv_column columns[NCOLS] = {
    [COL_NAME] = {"姓名", 6, 12, TEXT_LEFT, false},
    [COL_NO] = {"党员编号", 8, 8, TEXT_LEFT, false},
    [COL_ORG] = {"所在组织", 8, 30, TEXT_LEFT, true},
    [COL_LAST] = {"最近参加", 10, 10, TEXT_LEFT, false},
    [COL_MONTHS] = {"月数", 4, 4, TEXT_RIGHT, false},
    [COL_LEAVE] = {"请假(12个月)", 12, 12, TEXT_RIGHT, false},
    [COL_MAKEUP] = {"待补课", 6, 6, TEXT_RIGHT, false},
    [COL_STATE] = {"状态", 4, 10, TEXT_LEFT, false},
};

static const struct tui_binding keymap[] = {
    {ACT_HISTORY, {TUI_KEY_ENTER, 'h', TUI_FN(KEY_F(5))}, true},
    {ACT_SET_ORG, {'o'}, true},
    {ACT_NONE, {0}, false},
};

#define WATCH_NOTE \
    "党章第九条：连续六个月不参加党的组织生活，视为自行脱党。三个月起预警。"

struct watch_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    int64_t root;
    char root_name[128];
    char today[11];
    listview *lv;
    struct watch_row *rows;
    int rows_cap;
};

static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct watch_screen *s = ctx;
    (void)filter;
    return watch_count(s->ctx->db, s->root, s->today, 1, n, err);
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    struct watch_screen *s = ctx;
    (void)filter;
    if (limit > s->rows_cap) {
        struct watch_row *r = realloc(s->rows, sizeof *r * (size_t)limit);
        if (!r)
            return zb_fail(err, "内存不足");
        s->rows = r;
        s->rows_cap = limit;
    }
    int n = 0;
    if (watch_window(s->ctx->db, s->root, s->today, 1, offset, limit,
                     s->rows, &n, err) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        const struct watch_row *r = &s->rows[i];
        char months[16], leave[16], makeup[16];
        snprintf(months, sizeof months, "%d", r->months);
        snprintf(leave, sizeof leave, "%d", r->leave_count);
        snprintf(makeup, sizeof makeup, "%d", r->makeup_owed);
        const char *state = r->level >= 2 ? "超过六个月"
                          : r->level == 1 ? "预警"
                          : r->makeup_owed ? "待补课" : "";
        const char *cells[NCOLS] = {
            [COL_NAME] = r->name,
            [COL_NO] = r->member_no,
            [COL_ORG] = r->org_name,
            [COL_LAST] = r->last_attended[0] ? r->last_attended : "从未",
            [COL_MONTHS] = months,
            [COL_LEAVE] = r->leave_count ? leave : "",
            [COL_MAKEUP] = r->makeup_owed ? makeup : "",
            [COL_STATE] = state,
        };
        int mark = r->level >= 1 ? LV_MARK_WARN : LV_MARK_DIM;
        if (lv_rowset_add(rs, r->member_id, mark, cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static const struct lv_source source = {src_count, src_fetch, NULL};

static void set_title(struct watch_screen *s)
{
    snprintf(s->base.title, sizeof s->base.title, "组织生活预警  %.100s",
             s->root ? s->root_name : "全部组织");
}

static int reload(struct watch_screen *s)
{
    zb_err e;
    set_title(s);
    if (lv_reload(s->lv, &e) != 0)
        tui_app_error(s->base.app, "%s", e.msg);
    return TUI_HANDLED | TUI_REDRAW;
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct watch_screen *s = (struct watch_screen *)base;
    tui_put(w, 0, 0, WATCH_NOTE, wd, TEXT_LEFT, tui_style(STYLE_DIM));
    lv_draw(s->lv, w, 1, 0, h - 1, wd);
    char pos[64];
    lv_position_text(s->lv, pos, sizeof pos);
    tui_app_set_position(base->app, pos);
}

static int key(tui_screen *base, int k)
{
    struct watch_screen *s = (struct watch_screen *)base;
    if (tui_keymap_lookup(keymap, k) != ACT_NONE)
        return TUI_UNHANDLED;
    return lv_key(s->lv, k);
}

static int action(tui_screen *base, enum tui_action a)
{
    struct watch_screen *s = (struct watch_screen *)base;
    switch (a) {
    case ACT_OPEN:
    case ACT_HISTORY: {
        int64_t id = lv_selected_id(s->lv);
        if (!id)
            return TUI_HANDLED;
        tui_screen *next = member_history_new(base->app, s->ctx, id);
        if (!next) {
            tui_app_error(base->app, "无法打开");
            return TUI_HANDLED | TUI_REDRAW;
        }
        tui_app_push(base->app, next);
        return TUI_HANDLED | TUI_REDRAW;
    }
    case ACT_SET_ORG:
        if (screens_pick_org(base->app, s->ctx->db, "预警范围", &s->root,
                             s->root_name, sizeof s->root_name))
            return reload(s);
        return TUI_HANDLED | TUI_REDRAW;
    default:
        return TUI_UNHANDLED;
    }
}

static void resume(tui_screen *base)
{
    reload((struct watch_screen *)base);
}

static int tick(tui_screen *base)
{
    struct watch_screen *s = (struct watch_screen *)base;
    if (!db_changed_elsewhere(s->ctx->db))
        return TUI_UNHANDLED;
    return reload(s);
}

static void destroy(tui_screen *base)
{
    struct watch_screen *s = (struct watch_screen *)base;
    lv_free(s->lv);
    free(s->rows);
    free(s);
}

static const struct tui_screen_ops ops = {
    .keymap = keymap,
    .draw = draw,
    .key = key,
    .action = action,
    .resume = resume,
    .tick = tick,
    .destroy = destroy,
};

tui_screen *watch_screen_new(tui_app *app, struct zb_ctx *ctx)
{
    struct watch_screen *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    rules_today(s->today);
    s->lv = lv_new(columns, NCOLS, &source, s);
    if (!s->lv) {
        free(s);
        return NULL;
    }
    set_title(s);
    zb_err e;
    if (lv_reload(s->lv, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    return &s->base;
}
