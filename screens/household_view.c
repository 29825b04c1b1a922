/* One household: the record at the top, then its helpers (pairs) and its
 * visits, two lists with Tab between them. Add or end a pair, log or
 * edit a visit, mark a follow-up done, edit the household. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/household.h"
#include "model/pair.h"
#include "rules.h"
#include "rules_money.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/key.h"
#include "tui/listview.h"

enum { PC_NAME, PC_UNIT, PC_PHONE, PC_START, PC_END, PC_VISITS, PC_LAST,
       PC_GOAL, NPCOLS };

static const struct lv_column pair_columns[NPCOLS] = {
    [PC_NAME] = {"帮扶人", 6, 12, TEXT_LEFT, false},
    [PC_UNIT] = {"组织/单位", 8, 24, TEXT_LEFT, true},
    [PC_PHONE] = {"电话", 4, 13, TEXT_LEFT, false},
    [PC_START] = {"开始", 10, 10, TEXT_LEFT, false},
    [PC_END] = {"结束", 4, 10, TEXT_LEFT, false},
    [PC_VISITS] = {"走访", 4, 4, TEXT_RIGHT, false},
    [PC_LAST] = {"最近走访", 10, 10, TEXT_LEFT, false},
    [PC_GOAL] = {"帮扶目标", 4, 40, TEXT_LEFT, true},
};

enum { VC_DATE, VC_HELPER, VC_KIND, VC_DONE, VC_CASH, VC_GOODS, VC_JOBS,
       VC_FOLLOW, NVCOLS };

static const struct lv_column visit_columns[NVCOLS] = {
    [VC_DATE] = {"日期", 10, 10, TEXT_LEFT, false},
    [VC_HELPER] = {"走访人", 6, 12, TEXT_LEFT, false},
    [VC_KIND] = {"类型", 4, 8, TEXT_LEFT, false},
    [VC_DONE] = {"帮扶内容", 8, 40, TEXT_LEFT, true},
    [VC_CASH] = {"慰问金", 6, 12, TEXT_RIGHT, false},
    [VC_GOODS] = {"物品价值", 8, 12, TEXT_RIGHT, false},
    [VC_JOBS] = {"就业", 4, 4, TEXT_RIGHT, false},
    [VC_FOLLOW] = {"待办事项", 8, 40, TEXT_LEFT, true},
};

static const struct tui_binding keymap[] = {
    {ACT_OPEN, {TUI_KEY_ENTER}, true},
    {ACT_SWITCH_PANE, {TUI_KEY_TAB}, true},
    {ACT_ADD_PAIR, {'p'}, true},
    {ACT_END_PAIR, {'x'}, true},
    {ACT_ADD_VISIT, {'v'}, true},
    {ACT_ADD, {'a', TUI_FN(KEY_IC)}, false},
    {ACT_FOLLOWUP_DONE, {'f'}, true},
    {ACT_EDIT, {'e', TUI_FN(KEY_F(4))}, true},
    {ACT_DELETE, {'d', TUI_FN(KEY_DC)}, false},
    {ACT_NONE, {0}, false},
};

enum { PANE_PAIRS, PANE_VISITS };
#define HEAD_ROWS 4
#define PAIR_ROWS_MAX 4

struct hh_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    int64_t id;
    household h;
    char grid_path[600];
    char today[11];
    int pane;
    listview *pairs_lv, *visits_lv;
    struct pair_row *pairs;
    int npairs;
    struct visit_row *visits;
    int nvisits;
    int64_t cash_fen, goods_fen;
};

static const char *kind_label(int kind)
{
    return kind > 0 && kind < VISIT_KIND_N ? visit_kind_label[kind] : "";
}

/* ---- the two in-memory sources ---- */

static int pairs_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct hh_screen *s = ctx;
    (void)filter;
    (void)err;
    *n = s->npairs;
    return 0;
}

static int pairs_fetch(void *ctx, const char *filter, long offset, int limit,
                       struct lv_rowset *rs, zb_err *err)
{
    struct hh_screen *s = ctx;
    (void)filter;
    for (long i = offset; i < s->npairs && i < offset + limit; i++) {
        const struct pair_row *r = &s->pairs[i];
        char visits[16];
        snprintf(visits, sizeof visits, "%d", r->visits);
        const char *cells[NPCOLS] = {
            [PC_NAME] = r->helper_name,
            [PC_UNIT] = r->helper_unit,
            [PC_PHONE] = r->helper_phone,
            [PC_START] = r->start_date,
            [PC_END] = r->end_date[0] ? r->end_date : "",
            [PC_VISITS] = visits,
            [PC_LAST] = r->last_visit,
            [PC_GOAL] = r->goal,
        };
        if (lv_rowset_add(rs, r->id, r->ongoing ? LV_MARK_NONE : LV_MARK_DIM,
                          cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int pairs_locate(void *ctx, const char *filter, int64_t id, long *pos,
                        zb_err *err)
{
    struct hh_screen *s = ctx;
    (void)filter;
    (void)err;
    *pos = -1;
    for (int i = 0; i < s->npairs; i++)
        if (s->pairs[i].id == id)
            *pos = i;
    return 0;
}

static int visits_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct hh_screen *s = ctx;
    (void)filter;
    (void)err;
    *n = s->nvisits;
    return 0;
}

static int visits_fetch(void *ctx, const char *filter, long offset, int limit,
                        struct lv_rowset *rs, zb_err *err)
{
    struct hh_screen *s = ctx;
    (void)filter;
    for (long i = offset; i < s->nvisits && i < offset + limit; i++) {
        const struct visit_row *r = &s->visits[i];
        char cash[MONEY_BUF] = "", goods[MONEY_BUF] = "", jobs[16] = "";
        char follow[VISIT_SHORT_CHARS * 4 + 64] = "";
        if (r->cash_fen)
            rules_money_plain(r->cash_fen, cash, sizeof cash);
        if (r->goods_fen)
            rules_money_plain(r->goods_fen, goods, sizeof goods);
        if (r->jobs)
            snprintf(jobs, sizeof jobs, "%d", r->jobs);
        bool late = false;
        if (r->followup[0] && r->followup_done[0]) {
            snprintf(follow, sizeof follow, "已办结 %s", r->followup);
        } else if (r->followup[0]) {
            late = strcmp(r->followup_due, s->today) < 0;
            snprintf(follow, sizeof follow, "%s前 %s", r->followup_due,
                     r->followup);
        }
        const char *cells[NVCOLS] = {
            [VC_DATE] = r->date,
            [VC_HELPER] = r->helper_name,
            [VC_KIND] = kind_label(r->kind),
            [VC_DONE] = r->done,
            [VC_CASH] = cash,
            [VC_GOODS] = goods,
            [VC_JOBS] = jobs,
            [VC_FOLLOW] = follow,
        };
        if (lv_rowset_add(rs, r->id, late ? LV_MARK_WARN : LV_MARK_NONE,
                          cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int visits_locate(void *ctx, const char *filter, int64_t id, long *pos,
                         zb_err *err)
{
    struct hh_screen *s = ctx;
    (void)filter;
    (void)err;
    *pos = -1;
    for (int i = 0; i < s->nvisits; i++)
        if (s->visits[i].id == id)
            *pos = i;
    return 0;
}

static const struct lv_source pairs_source = {pairs_count, pairs_fetch,
                                              pairs_locate};
static const struct lv_source visits_source = {visits_count, visits_fetch,
                                               visits_locate};

/* ---- loading ---- */

static void set_title(struct hh_screen *s)
{
    snprintf(s->base.title, sizeof s->base.title, "帮扶对象  %.100s%s",
             s->h.name, s->h.status == HH_CLOSED ? "（已销号）" : "");
}

static int reload(struct hh_screen *s)
{
    tui_app *app = s->base.app;
    db *d = s->ctx->db;
    zb_err e;
    free(s->pairs);
    free(s->visits);
    s->pairs = NULL;
    s->visits = NULL;
    s->npairs = s->nvisits = 0;
    if (household_get(d, s->id, &s->h, &e) != 0 ||
        pair_list_household(d, s->id, true, &s->pairs, &s->npairs, &e) != 0 ||
        visit_list_household(d, s->id, &s->visits, &s->nvisits, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    screens_grid_path(d, s->h.grid_id, s->grid_path, sizeof s->grid_path);
    s->cash_fen = s->goods_fen = 0;
    for (int i = 0; i < s->nvisits; i++) {
        rules_money_add(s->cash_fen, s->visits[i].cash_fen, &s->cash_fen);
        rules_money_add(s->goods_fen, s->visits[i].goods_fen, &s->goods_fen);
    }
    set_title(s);
    if (lv_reload(s->pairs_lv, &e) != 0 || lv_reload(s->visits_lv, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    return TUI_HANDLED | TUI_REDRAW;
}

/* ---- drawing ---- */

static void first_line(const char *s, char *out, size_t outsz)
{
    size_t n = strcspn(s, "\n");
    snprintf(out, outsz, "%.*s%s", (int)n, s, s[n] ? " ~" : "");
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct hh_screen *s = (struct hh_screen *)base;
    const household *hh = &s->h;
    attr_t na = tui_style(STYLE_NORMAL), dim = tui_style(STYLE_DIM);
    char line[HH_TEXT_CHARS * 4 + 700], kinds[300], text[HH_TEXT_CHARS * 4 + 8];
    household_kinds_text(hh->kinds, false, kinds, sizeof kinds);
    snprintf(line, sizeof line, "%s  %s  %s  家庭人口 %d  电话 %s%s%s",
             hh->name, kinds,
             hh->level > 0 && hh->level < HH_LEVEL_N
                 ? household_level_label[hh->level] : "",
             hh->size, hh->phone[0] ? hh->phone : "-",
             hh->status == HH_CLOSED ? "  已销号：" : "",
             hh->status == HH_CLOSED ? hh->close_reason : "");
    tui_put(w, 0, 0, line, wd, TEXT_LEFT, tui_style(STYLE_HEADER));
    snprintf(line, sizeof line, "住址：%s    网格：%s",
             hh->address[0] ? hh->address : "-",
             s->grid_path[0] ? s->grid_path : "-");
    tui_put(w, 1, 0, line, wd, TEXT_LEFT, na);
    first_line(hh->needs, text, sizeof text);
    snprintf(line, sizeof line, "困难与需求：%s", text[0] ? text : "-");
    tui_put(w, 2, 0, line, wd, TEXT_LEFT, na);
    first_line(hh->plan, text, sizeof text);
    snprintf(line, sizeof line, "帮扶措施：%s", text[0] ? text : "-");
    tui_put(w, 3, 0, line, wd, TEXT_LEFT, na);

    int y = HEAD_ROWS;
    int ongoing = 0;
    for (int i = 0; i < s->npairs; i++)
        ongoing += s->pairs[i].ongoing;
    snprintf(line, sizeof line, "%s帮扶人：在帮 %d 人%s",
             s->pane == PANE_PAIRS ? "> " : "  ", ongoing,
             s->npairs > ongoing ? "（灰色为已结束的结对）" : "");
    tui_put(w, y++, 0, line, wd, TEXT_LEFT,
            s->pane == PANE_PAIRS ? tui_style(STYLE_HEADER) : dim);
    int rows = s->npairs < 1 ? 1 : s->npairs > PAIR_ROWS_MAX ? PAIR_ROWS_MAX
                                                             : s->npairs;
    lv_draw(s->pairs_lv, w, y, 0, rows + 1, wd);
    y += rows + 1;

    char cash[MONEY_BUF], goods[MONEY_BUF];
    rules_money_yuan(s->cash_fen, cash, sizeof cash);
    rules_money_yuan(s->goods_fen, goods, sizeof goods);
    snprintf(line, sizeof line, "%s走访记录：%d 次  慰问金 %s  物品价值 %s",
             s->pane == PANE_VISITS ? "> " : "  ", s->nvisits, cash, goods);
    tui_put(w, y++, 0, line, wd, TEXT_LEFT,
            s->pane == PANE_VISITS ? tui_style(STYLE_HEADER) : dim);
    if (h > y)
        lv_draw(s->visits_lv, w, y, 0, h - y, wd);

    char pos[64];
    lv_position_text(s->pane == PANE_PAIRS ? s->pairs_lv : s->visits_lv, pos,
                     sizeof pos);
    tui_app_set_position(base->app, pos);
}

static listview *focused(struct hh_screen *s)
{
    return s->pane == PANE_PAIRS ? s->pairs_lv : s->visits_lv;
}

static int key(tui_screen *base, int k)
{
    struct hh_screen *s = (struct hh_screen *)base;
    if (tui_keymap_lookup(keymap, k) != ACT_NONE)
        return TUI_UNHANDLED;
    return lv_key(focused(s), k);
}

/* ---- actions ---- */

static int push(struct hh_screen *s, tui_screen *next)
{
    if (!next) {
        tui_app_error(s->base.app, "无法打开");
        return TUI_HANDLED | TUI_REDRAW;
    }
    tui_app_push(s->base.app, next);
    return TUI_HANDLED | TUI_REDRAW;
}

static const struct pair_row *selected_pair(struct hh_screen *s)
{
    int64_t id = lv_selected_id(s->pairs_lv);
    for (int i = 0; id && i < s->npairs; i++)
        if (s->pairs[i].id == id)
            return &s->pairs[i];
    return NULL;
}

static const struct visit_row *selected_visit(struct hh_screen *s)
{
    int64_t id = lv_selected_id(s->visits_lv);
    for (int i = 0; id && i < s->nvisits; i++)
        if (s->visits[i].id == id)
            return &s->visits[i];
    return NULL;
}

static const char *validate_date(const char *text, void *ctx)
{
    const char *today = ctx;
    char norm[11];
    if (!rules_date_normalize(text, norm))
        return "日期格式应为 YYYY-MM-DD，如 2026-07-01";
    if (strcmp(norm, today) > 0)
        return "日期不能晚于今天";
    return NULL;
}

static int end_pair(struct hh_screen *s)
{
    tui_app *app = s->base.app;
    const struct pair_row *p = selected_pair(s);
    if (s->pane != PANE_PAIRS || !p) {
        tui_app_error(app, "请先用 Tab 切换到帮扶人，选中要结束的结对");
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (!p->ongoing) {
        tui_app_error(app, "该结对已于 %s 结束", p->end_date);
        return TUI_HANDLED | TUI_REDRAW;
    }
    char title[300], date[64];
    snprintf(title, sizeof title, "结束结对：%.100s 帮扶 %.100s",
             p->helper_name, s->h.name);
    snprintf(date, sizeof date, "%s", s->today);
    if (!tui_prompt(app, title, "结束日期：", date, sizeof date, 10,
                    validate_date, s->today))
        return TUI_HANDLED | TUI_REDRAW;
    char norm[11];
    rules_date_normalize(date, norm);
    zb_err e;
    if (pair_end(s->ctx->db, p->id, norm, &e) != 0)
        tui_app_error(app, "不能结束：%s", e.msg);
    else
        tui_app_status(app, "已结束结对：%s（%s）", p->helper_name, norm);
    return reload(s);
}

static int delete_selected(struct hh_screen *s)
{
    tui_app *app = s->base.app;
    zb_err e;
    char msg[600];
    if (s->pane == PANE_PAIRS) {
        const struct pair_row *p = selected_pair(s);
        if (!p)
            return TUI_HANDLED;
        if (p->visits > 0) {
            tui_app_error(app, "已有走访记录，不能删除；请结束结对（x）");
            return TUI_HANDLED | TUI_REDRAW;
        }
        snprintf(msg, sizeof msg, "删除结对「%.100s 帮扶 %.100s」？仅用于录入有误。",
                 p->helper_name, s->h.name);
        if (tui_confirm(app, "删除结对", msg, false)) {
            if (pair_delete(s->ctx->db, p->id, &e) != 0)
                tui_app_error(app, "%s", e.msg);
            else
                tui_app_status(app, "已删除结对：%s", p->helper_name);
        }
        return reload(s);
    }
    const struct visit_row *v = selected_visit(s);
    if (!v)
        return TUI_HANDLED;
    snprintf(msg, sizeof msg, "删除 %s %.100s 的%s记录？删除后不可恢复。",
             v->date, v->helper_name, kind_label(v->kind));
    if (tui_confirm(app, "删除走访记录", msg, false)) {
        if (visit_delete(s->ctx->db, v->id, &e) != 0)
            tui_app_error(app, "%s", e.msg);
        else
            tui_app_status(app, "已删除走访记录：%s", v->date);
    }
    return reload(s);
}

static int followup_done(struct hh_screen *s)
{
    tui_app *app = s->base.app;
    const struct visit_row *v = selected_visit(s);
    if (s->pane != PANE_VISITS || !v || !v->followup[0]) {
        tui_app_error(app, "请在走访记录中选中有待办事项的一条");
        return TUI_HANDLED | TUI_REDRAW;
    }
    zb_err e;
    if (v->followup_done[0]) {
        char msg[600];
        snprintf(msg, sizeof msg, "「%.200s」已于 %s 办结，改回未办结？",
                 v->followup, v->followup_done);
        if (!tui_confirm(app, "待办事项", msg, false))
            return TUI_HANDLED | TUI_REDRAW;
        if (visit_followup_done(s->ctx->db, v->id, "", &e) != 0)
            tui_app_error(app, "%s", e.msg);
        return reload(s);
    }
    char date[64];
    snprintf(date, sizeof date, "%s", s->today);
    if (!tui_prompt(app, "待办事项已办结", "办结日期：", date, sizeof date,
                    10, validate_date, s->today))
        return TUI_HANDLED | TUI_REDRAW;
    char norm[11];
    rules_date_normalize(date, norm);
    if (visit_followup_done(s->ctx->db, v->id, norm, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    else
        tui_app_status(app, "已办结：%s（%s）", v->followup, norm);
    return reload(s);
}

static int add_visit(struct hh_screen *s)
{
    if (s->npairs == 0) {
        tui_app_error(s->base.app, "还没有帮扶人：请先结对（p）再登记走访");
        return TUI_HANDLED | TUI_REDRAW;
    }
    return push(s, visit_form_new(s->base.app, s->ctx, 0, s->id));
}

static int action(tui_screen *base, enum tui_action a)
{
    struct hh_screen *s = (struct hh_screen *)base;
    tui_app *app = base->app;
    switch (a) {
    case ACT_SWITCH_PANE:
        s->pane = s->pane == PANE_PAIRS ? PANE_VISITS : PANE_PAIRS;
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_OPEN:
        if (s->pane == PANE_PAIRS) {
            const struct pair_row *p = selected_pair(s);
            return p ? push(s, pair_form_new(app, s->ctx, p->id, s->id))
                     : TUI_HANDLED;
        } else {
            const struct visit_row *v = selected_visit(s);
            return v ? push(s, visit_form_new(app, s->ctx, v->id, s->id))
                     : TUI_HANDLED;
        }
    case ACT_ADD:
        if (s->pane == PANE_VISITS)
            return add_visit(s);
        /* fall through */
    case ACT_ADD_PAIR:
        if (s->h.status == HH_CLOSED) {
            tui_app_error(app, "已销号的帮扶对象不能新增结对");
            return TUI_HANDLED | TUI_REDRAW;
        }
        return push(s, pair_form_new(app, s->ctx, 0, s->id));
    case ACT_ADD_VISIT:
        return add_visit(s);
    case ACT_END_PAIR:
        return end_pair(s);
    case ACT_FOLLOWUP_DONE:
        return followup_done(s);
    case ACT_DELETE:
        return delete_selected(s);
    case ACT_EDIT:
        return push(s, household_form_new(app, s->ctx, s->id));
    default:
        return TUI_UNHANDLED;
    }
}

static void resume(tui_screen *base)
{
    reload((struct hh_screen *)base);
}

static int tick(tui_screen *base)
{
    struct hh_screen *s = (struct hh_screen *)base;
    if (!db_changed_elsewhere(s->ctx->db))
        return TUI_UNHANDLED;
    return reload(s);
}

static void cursor(tui_screen *base, int *y, int *x)
{
    (void)base;
    *y = -1;
    *x = 0;
}

static void destroy(tui_screen *base)
{
    struct hh_screen *s = (struct hh_screen *)base;
    lv_free(s->pairs_lv);
    lv_free(s->visits_lv);
    free(s->pairs);
    free(s->visits);
    free(s);
}

static const struct tui_screen_ops ops = {
    .keymap = keymap,
    .draw = draw,
    .key = key,
    .action = action,
    .resume = resume,
    .tick = tick,
    .cursor = cursor,
    .destroy = destroy,
};

tui_screen *household_view_new(tui_app *app, struct zb_ctx *ctx,
                               int64_t household_id)
{
    struct hh_screen *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    s->id = household_id;
    rules_today(s->today);
    zb_err e;
    if (household_get(ctx->db, household_id, &s->h, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        free(s);
        return NULL;
    }
    s->pairs_lv = lv_new(pair_columns, NPCOLS, &pairs_source, s);
    s->visits_lv = lv_new(visit_columns, NVCOLS, &visits_source, s);
    if (!s->pairs_lv || !s->visits_lv) {
        lv_free(s->pairs_lv);
        lv_free(s->visits_lv);
        free(s);
        return NULL;
    }
    reload(s);
    /* with helpers in place, visits are what one comes for */
    s->pane = s->npairs ? PANE_VISITS : PANE_PAIRS;
    return &s->base;
}
