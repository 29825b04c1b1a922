/* Whom a member helps: their pairs, ongoing first (ended ones dimmed).
 * Enter opens the household. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/member.h"
#include "model/pair.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/key.h"
#include "tui/listview.h"

enum { COL_NAME, COL_START, COL_END, COL_VISITS, COL_LAST, COL_GOAL, NCOLS };

static const struct lv_column columns[NCOLS] = {
    [COL_NAME] = {"帮扶对象", 8, 14, TEXT_LEFT, false},
    [COL_START] = {"开始", 10, 10, TEXT_LEFT, false},
    [COL_END] = {"结束", 4, 10, TEXT_LEFT, false},
    [COL_VISITS] = {"走访次数", 8, 8, TEXT_RIGHT, false},
    [COL_LAST] = {"最近走访", 10, 10, TEXT_LEFT, false},
    [COL_GOAL] = {"帮扶目标", 8, 60, TEXT_LEFT, true},
};

static const struct tui_binding keymap[] = {
    {ACT_OPEN, {TUI_KEY_ENTER}, true},
    {ACT_NONE, {0}, false},
};

struct member_pairs {
    tui_screen base;
    struct zb_ctx *ctx;
    int64_t member_id;
    char name[128];
    listview *lv;
    struct pair_row *rows;
    int n;
    int ongoing;
};

static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct member_pairs *s = ctx;
    (void)filter;
    (void)err;
    *n = s->n;
    return 0;
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    struct member_pairs *s = ctx;
    (void)filter;
    for (long i = offset; i < s->n && i < offset + limit; i++) {
        const struct pair_row *r = &s->rows[i];
        char visits[16];
        snprintf(visits, sizeof visits, "%d", r->visits);
        const char *cells[NCOLS] = {
            [COL_NAME] = r->household_name,
            [COL_START] = r->start_date,
            [COL_END] = r->end_date,
            [COL_VISITS] = visits,
            [COL_LAST] = r->last_visit[0] ? r->last_visit : "未走访",
            [COL_GOAL] = r->goal,
        };
        if (lv_rowset_add(rs, r->id, r->ongoing ? LV_MARK_NONE : LV_MARK_DIM,
                          cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static const struct lv_source source = {src_count, src_fetch, NULL};

static int reload(struct member_pairs *s)
{
    zb_err e;
    free(s->rows);
    s->rows = NULL;
    s->n = s->ongoing = 0;
    if (pair_list_member(s->ctx->db, s->member_id, true, &s->rows, &s->n,
                         &e) != 0)
        tui_app_error(s->base.app, "%s", e.msg);
    for (int i = 0; i < s->n; i++)
        s->ongoing += s->rows[i].ongoing;
    snprintf(s->base.title, sizeof s->base.title, "结对帮扶  %.100s", s->name);
    if (lv_reload(s->lv, &e) != 0)
        tui_app_error(s->base.app, "%s", e.msg);
    return TUI_HANDLED | TUI_REDRAW;
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct member_pairs *s = (struct member_pairs *)base;
    char line[300];
    if (s->n)
        snprintf(line, sizeof line, "%s 在帮 %d 户%s", s->name, s->ongoing,
                 s->n > s->ongoing ? "（灰色为已结束的结对）" : "");
    else
        snprintf(line, sizeof line, "%s 尚未结对帮扶", s->name);
    tui_put(w, 0, 0, line, wd, TEXT_LEFT, tui_style(STYLE_DIM));
    lv_draw(s->lv, w, 1, 0, h - 1, wd);
    char pos[64];
    lv_position_text(s->lv, pos, sizeof pos);
    tui_app_set_position(base->app, pos);
}

static int key(tui_screen *base, int k)
{
    struct member_pairs *s = (struct member_pairs *)base;
    return lv_key(s->lv, k);
}

static int action(tui_screen *base, enum tui_action a)
{
    struct member_pairs *s = (struct member_pairs *)base;
    if (a != ACT_OPEN)
        return TUI_UNHANDLED;
    int64_t id = lv_selected_id(s->lv);
    for (int i = 0; id && i < s->n; i++) {
        if (s->rows[i].id != id)
            continue;
        tui_screen *next = household_view_new(base->app, s->ctx,
                                              s->rows[i].household_id);
        if (!next) {
            tui_app_error(base->app, "无法打开");
            return TUI_HANDLED | TUI_REDRAW;
        }
        tui_app_push(base->app, next);
        return TUI_HANDLED | TUI_REDRAW;
    }
    return TUI_HANDLED;
}

static void resume(tui_screen *base)
{
    reload((struct member_pairs *)base);
}

static void destroy(tui_screen *base)
{
    struct member_pairs *s = (struct member_pairs *)base;
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
    .destroy = destroy,
};

tui_screen *member_pairs_new(tui_app *app, struct zb_ctx *ctx,
                             int64_t member_id)
{
    struct member_pairs *s = calloc(1, sizeof *s);
    member *m = malloc(sizeof *m);
    zb_err e;
    if (!s || !m || member_get(ctx->db, member_id, m, &e) != 0) {
        if (s && m)
            tui_app_error(app, "%s", e.msg);
        free(s);
        free(m);
        return NULL;
    }
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    s->member_id = member_id;
    snprintf(s->name, sizeof s->name, "%s", m->name);
    free(m);
    s->lv = lv_new(columns, NCOLS, &source, s);
    if (!s->lv) {
        free(s);
        return NULL;
    }
    reload(s);
    return &s->base;
}
