/* 帮扶预警: three lists of what needs doing, switched with Tab:
 * 超期未走访 (open households whose last visit, or registration if never
 * visited, is older than the limit of their difficulty level), 未结对
 * (open households without a helper), 跟进逾期 (follow-ups past their
 * due date). Enter opens the household. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/household.h"
#include "model/pair.h"
#include "rules.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/key.h"
#include "tui/listview.h"

enum { SEC_OVERDUE, SEC_UNPAIRED, SEC_FOLLOWUP, NSECS };
static const char *const section_label[NSECS] = {
    "超期未走访", "未结对", "跟进逾期"
};

enum { OC_NAME, OC_KINDS, OC_LEVEL, OC_GRID, OC_HELPER, OC_LAST, OC_DAYS,
       OC_LIMIT, NOCOLS };
static const struct lv_column overdue_columns[NOCOLS] = {
    [OC_NAME] = {"姓名", 6, 12, TEXT_LEFT, false},
    [OC_KINDS] = {"类别", 4, 14, TEXT_LEFT, true},
    [OC_LEVEL] = {"困难程度", 8, 8, TEXT_LEFT, false},
    [OC_GRID] = {"网格", 4, 16, TEXT_LEFT, true},
    [OC_HELPER] = {"帮扶人", 6, 12, TEXT_LEFT, false},
    [OC_LAST] = {"最近走访", 10, 10, TEXT_LEFT, false},
    [OC_DAYS] = {"未走访天数", 10, 10, TEXT_RIGHT, false},
    [OC_LIMIT] = {"期限", 6, 6, TEXT_RIGHT, false},
};

enum { UC_NAME, UC_KINDS, UC_LEVEL, UC_GRID, UC_PHONE, UC_CREATED, UC_DAYS,
       NUCOLS };
static const struct lv_column unpaired_columns[NUCOLS] = {
    [UC_NAME] = {"姓名", 6, 12, TEXT_LEFT, false},
    [UC_KINDS] = {"类别", 4, 16, TEXT_LEFT, true},
    [UC_LEVEL] = {"困难程度", 8, 8, TEXT_LEFT, false},
    [UC_GRID] = {"网格", 4, 20, TEXT_LEFT, true},
    [UC_PHONE] = {"电话", 4, 13, TEXT_LEFT, false},
    [UC_CREATED] = {"登记日期", 10, 10, TEXT_LEFT, false},
    [UC_DAYS] = {"已等待天数", 10, 10, TEXT_RIGHT, false},
};

enum { FC_NAME, FC_DATE, FC_HELPER, FC_TEXT, FC_DUE, FC_DAYS, NFCOLS };
static const struct lv_column followup_columns[NFCOLS] = {
    [FC_NAME] = {"帮扶对象", 8, 12, TEXT_LEFT, false},
    [FC_DATE] = {"走访日期", 10, 10, TEXT_LEFT, false},
    [FC_HELPER] = {"走访人", 6, 12, TEXT_LEFT, false},
    [FC_TEXT] = {"待办事项", 8, 40, TEXT_LEFT, true},
    [FC_DUE] = {"期限", 10, 10, TEXT_LEFT, false},
    [FC_DAYS] = {"逾期天数", 8, 8, TEXT_RIGHT, false},
};

static const struct tui_binding keymap[] = {
    {ACT_OPEN, {TUI_KEY_ENTER}, true},
    {ACT_SECTION, {TUI_KEY_TAB, 'v'}, true},
    {ACT_SET_GRID, {'g'}, true},
    {ACT_ASSIST, {'s'}, true},
    {ACT_NONE, {0}, false},
};

struct overdue_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    struct pair_config cfg;
    int64_t grid_id;
    char grid_path[600];
    char today[11];
    int section;
    long counts[NSECS];
    listview *lv[NSECS];
    struct household_row *hrows;   /* fetch scratch */
    int hrows_cap;
    struct visit_row *vrows;
    int vrows_cap;
};

/* ---- sources ---- */

static void hquery(struct overdue_screen *s, int section,
                   struct household_query *q)
{
    memset(q, 0, sizeof *q);
    q->view = section == SEC_OVERDUE ? HV_OVERDUE : HV_UNPAIRED;
    q->grid_id = s->grid_id;
    q->status = HH_OPEN;
    q->sort = section == SEC_OVERDUE ? HH_SORT_VISIT : HH_SORT_LEVEL;
    q->today = s->today;
    q->visit_days = s->cfg.visit_days;
}

static int fetch_households(struct overdue_screen *s, int section,
                            long offset, int limit, int *n, zb_err *err)
{
    if (limit > s->hrows_cap) {
        struct household_row *r = realloc(s->hrows, sizeof *r * (size_t)limit);
        if (!r)
            return zb_fail(err, "内存不足");
        s->hrows = r;
        s->hrows_cap = limit;
    }
    struct household_query q;
    hquery(s, section, &q);
    return household_window(s->ctx->db, &q, offset, limit, s->hrows, n, err);
}

static const char *level_label(int level)
{
    return level > 0 && level < HH_LEVEL_N ? household_level_label[level] : "";
}

static long days_since(struct overdue_screen *s, const char *date)
{
    return rules_date_valid(date) ? rules_days_between(date, s->today) : 0;
}

static int ov_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct overdue_screen *s = ctx;
    struct household_query q;
    (void)filter;
    hquery(s, SEC_OVERDUE, &q);
    return household_count(s->ctx->db, &q, n, err);
}

static int ov_fetch(void *ctx, const char *filter, long offset, int limit,
                    struct lv_rowset *rs, zb_err *err)
{
    struct overdue_screen *s = ctx;
    int n = 0;
    (void)filter;
    if (fetch_households(s, SEC_OVERDUE, offset, limit, &n, err) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        const struct household_row *r = &s->hrows[i];
        char kinds[200], days[32], limit_days[32];
        household_kinds_text(r->kinds, true, kinds, sizeof kinds);
        const char *since = r->last_visit[0] ? r->last_visit : r->created;
        snprintf(days, sizeof days, "%ld", days_since(s, since));
        snprintf(limit_days, sizeof limit_days, "%d天",
                 r->level > 0 && r->level < HH_LEVEL_N
                     ? s->cfg.visit_days[r->level] : 0);
        const char *cells[NOCOLS] = {
            [OC_NAME] = r->name,
            [OC_KINDS] = kinds,
            [OC_LEVEL] = level_label(r->level),
            [OC_GRID] = r->grid_name,
            [OC_HELPER] = r->helpers ? r->helper_name : "未结对",
            [OC_LAST] = r->last_visit[0] ? r->last_visit : "从未走访",
            [OC_DAYS] = days,
            [OC_LIMIT] = limit_days,
        };
        if (lv_rowset_add(rs, r->id, LV_MARK_WARN, cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int un_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct overdue_screen *s = ctx;
    struct household_query q;
    (void)filter;
    hquery(s, SEC_UNPAIRED, &q);
    return household_count(s->ctx->db, &q, n, err);
}

static int un_fetch(void *ctx, const char *filter, long offset, int limit,
                    struct lv_rowset *rs, zb_err *err)
{
    struct overdue_screen *s = ctx;
    int n = 0;
    (void)filter;
    if (fetch_households(s, SEC_UNPAIRED, offset, limit, &n, err) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        const struct household_row *r = &s->hrows[i];
        char kinds[200], days[32];
        household_kinds_text(r->kinds, true, kinds, sizeof kinds);
        snprintf(days, sizeof days, "%ld", days_since(s, r->created));
        const char *cells[NUCOLS] = {
            [UC_NAME] = r->name,
            [UC_KINDS] = kinds,
            [UC_LEVEL] = level_label(r->level),
            [UC_GRID] = r->grid_name,
            [UC_PHONE] = r->phone,
            [UC_CREATED] = r->created,
            [UC_DAYS] = days,
        };
        if (lv_rowset_add(rs, r->id, LV_MARK_WARN, cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static void fquery(struct overdue_screen *s, struct followup_query *q)
{
    q->today = s->today;
    q->grid_id = s->grid_id;
}

static int fu_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct overdue_screen *s = ctx;
    struct followup_query q;
    (void)filter;
    fquery(s, &q);
    return followup_count(s->ctx->db, &q, n, err);
}

static int fu_fetch(void *ctx, const char *filter, long offset, int limit,
                    struct lv_rowset *rs, zb_err *err)
{
    struct overdue_screen *s = ctx;
    (void)filter;
    if (limit > s->vrows_cap) {
        struct visit_row *r = realloc(s->vrows, sizeof *r * (size_t)limit);
        if (!r)
            return zb_fail(err, "内存不足");
        s->vrows = r;
        s->vrows_cap = limit;
    }
    struct followup_query q;
    fquery(s, &q);
    int n = 0;
    if (followup_window(s->ctx->db, &q, offset, limit, s->vrows, &n, err) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        const struct visit_row *r = &s->vrows[i];
        char days[32];
        snprintf(days, sizeof days, "%ld", days_since(s, r->followup_due));
        const char *cells[NFCOLS] = {
            [FC_NAME] = r->household_name,
            [FC_DATE] = r->date,
            [FC_HELPER] = r->helper_name,
            [FC_TEXT] = r->followup,
            [FC_DUE] = r->followup_due,
            [FC_DAYS] = days,
        };
        if (lv_rowset_add(rs, r->id, LV_MARK_WARN, cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int fu_locate(void *ctx, const char *filter, int64_t id, long *pos,
                     zb_err *err)
{
    struct overdue_screen *s = ctx;
    struct followup_query q;
    (void)filter;
    fquery(s, &q);
    return followup_position(s->ctx->db, &q, id, pos, err);
}

static const struct lv_source sources[NSECS] = {
    [SEC_OVERDUE] = {ov_count, ov_fetch, NULL},
    [SEC_UNPAIRED] = {un_count, un_fetch, NULL},
    [SEC_FOLLOWUP] = {fu_count, fu_fetch, fu_locate},
};

/* ---- screen ---- */

static void set_title(struct overdue_screen *s)
{
    snprintf(s->base.title, sizeof s->base.title, "帮扶预警  %s%s%.100s",
             section_label[s->section], s->grid_id ? "  " : "",
             s->grid_id ? s->grid_path : "");
}

static int reload(struct overdue_screen *s)
{
    zb_err e;
    set_title(s);
    for (int i = 0; i < NSECS; i++) {
        if (lv_reload(s->lv[i], &e) != 0)
            tui_app_error(s->base.app, "%s", e.msg);
        s->counts[i] = lv_count(s->lv[i]);
    }
    return TUI_HANDLED | TUI_REDRAW;
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct overdue_screen *s = (struct overdue_screen *)base;
    char line[400];
    int n = 0;
    for (int i = 0; i < NSECS; i++)
        n += snprintf(line + n, sizeof line - (size_t)n, "%s%s %ld%s    ",
                      i == s->section ? "[" : " ", section_label[i],
                      s->counts[i], i == s->section ? "]" : " ");
    snprintf(line + n, sizeof line - (size_t)n, "（Tab 切换）");
    tui_put(w, 0, 0, line, wd, TEXT_LEFT, tui_style(STYLE_HEADER));
    char note[200];
    if (s->section == SEC_OVERDUE)
        snprintf(note, sizeof note,
                 "走访期限：一般困难 %d 天，较重困难 %d 天，特别困难 %d 天",
                 s->cfg.visit_days[1], s->cfg.visit_days[2],
                 s->cfg.visit_days[3]);
    else if (s->section == SEC_UNPAIRED)
        snprintf(note, sizeof note, "按 s 打开结对推荐，为未结对的对象推荐帮扶党员");
    else
        snprintf(note, sizeof note, "在帮扶对象的走访记录中按 f 标记已办结");
    tui_put(w, 1, 0, note, wd, TEXT_LEFT, tui_style(STYLE_DIM));
    lv_draw(s->lv[s->section], w, 2, 0, h - 2, wd);
    char pos[64];
    lv_position_text(s->lv[s->section], pos, sizeof pos);
    tui_app_set_position(base->app, pos);
}

static int key(tui_screen *base, int k)
{
    struct overdue_screen *s = (struct overdue_screen *)base;
    if (tui_keymap_lookup(keymap, k) != ACT_NONE)
        return TUI_UNHANDLED;
    return lv_key(s->lv[s->section], k);
}

static int push(struct overdue_screen *s, tui_screen *next)
{
    if (!next) {
        tui_app_error(s->base.app, "无法打开");
        return TUI_HANDLED | TUI_REDRAW;
    }
    tui_app_push(s->base.app, next);
    return TUI_HANDLED | TUI_REDRAW;
}

static int open_selected(struct overdue_screen *s)
{
    int64_t id = lv_selected_id(s->lv[s->section]);
    if (!id)
        return TUI_HANDLED;
    if (s->section == SEC_FOLLOWUP) {
        visit *v = malloc(sizeof *v);
        zb_err e;
        if (!v || visit_get(s->ctx->db, id, v, &e) != 0) {
            tui_app_error(s->base.app, "%s", v ? e.msg : "内存不足");
            free(v);
            return TUI_HANDLED | TUI_REDRAW;
        }
        id = v->household_id;
        free(v);
    }
    return push(s, household_view_new(s->base.app, s->ctx, id));
}

static int action(tui_screen *base, enum tui_action a)
{
    struct overdue_screen *s = (struct overdue_screen *)base;
    switch (a) {
    case ACT_OPEN:
        return open_selected(s);
    case ACT_SECTION:
        s->section = (s->section + 1) % NSECS;
        set_title(s);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_ASSIST:
        return push(s, assist_screen_new(base->app, s->ctx, s->grid_id));
    case ACT_SET_GRID: {
        int64_t id = s->grid_id;
        char path[600];
        if (screens_pick_grid(base->app, s->ctx->db, "只看此网格节点",
                              "全部网格", 0, 0, &id, path, sizeof path)) {
            s->grid_id = id;
            snprintf(s->grid_path, sizeof s->grid_path, "%s", id ? path : "");
            return reload(s);
        }
        return TUI_HANDLED | TUI_REDRAW;
    }
    default:
        return TUI_UNHANDLED;
    }
}

static void resume(tui_screen *base)
{
    reload((struct overdue_screen *)base);
}

static int tick(tui_screen *base)
{
    struct overdue_screen *s = (struct overdue_screen *)base;
    if (!db_changed_elsewhere(s->ctx->db))
        return TUI_UNHANDLED;
    return reload(s);
}

static void destroy(tui_screen *base)
{
    struct overdue_screen *s = (struct overdue_screen *)base;
    for (int i = 0; i < NSECS; i++)
        lv_free(s->lv[i]);
    free(s->hrows);
    free(s->vrows);
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

tui_screen *overdue_screen_new(tui_app *app, struct zb_ctx *ctx)
{
    struct overdue_screen *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    pair_config_from(&s->cfg, ctx->cfg);
    rules_today(s->today);
    s->lv[SEC_OVERDUE] = lv_new(overdue_columns, NOCOLS,
                                &sources[SEC_OVERDUE], s);
    s->lv[SEC_UNPAIRED] = lv_new(unpaired_columns, NUCOLS,
                                 &sources[SEC_UNPAIRED], s);
    s->lv[SEC_FOLLOWUP] = lv_new(followup_columns, NFCOLS,
                                 &sources[SEC_FOLLOWUP], s);
    if (!s->lv[0] || !s->lv[1] || !s->lv[2]) {
        for (int i = 0; i < NSECS; i++)
            lv_free(s->lv[i]);
        free(s);
        return NULL;
    }
    reload(s);
    /* open on the first list that has something */
    for (int i = 0; i < NSECS; i++)
        if (s->counts[i] > 0) {
            s->section = i;
            break;
        }
    set_title(s);
    return &s->base;
}
