/* The committee (班子) of one organisation: its posts with their terms,
 * current first, then past ones. Add, edit, end a term, delete a term
 * entered by mistake. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/org.h"
#include "rules.h"
#include "screens.h"
#include "text.h"
#include "tui/dialog.h"
#include "tui/key.h"
#include "tui/listview.h"

enum { COL_POST, COL_NAME, COL_PHONE, COL_START, COL_END, COL_STATE,
       NCOLS };

static const struct lv_column columns[NCOLS] = {
    [COL_POST] = {"职务", 4, 8, TEXT_LEFT, false},
    [COL_NAME] = {"姓名", 6, 16, TEXT_LEFT, true},
    [COL_PHONE] = {"电话", 4, 16, TEXT_LEFT, false},
    [COL_START] = {"任职日期", 10, 10, TEXT_LEFT, false},
    [COL_END] = {"离任日期", 10, 10, TEXT_LEFT, false},
    [COL_STATE] = {"状态", 4, 6, TEXT_LEFT, false},
};

static const struct tui_binding keymap[] = {
    {ACT_EDIT, {TUI_KEY_ENTER, 'e', TUI_FN(KEY_F(4))}, true},
    {ACT_ADD, {'a', TUI_FN(KEY_IC)}, true},
    {ACT_END_ROLE, {'x'}, true},
    {ACT_DELETE, {'d', TUI_FN(KEY_DC)}, true},
    {ACT_FILTER, {'/'}, false},
    {ACT_NONE, {0}, false},
};

struct org_posts {
    struct screens_list list;   /* first: the list scaffolding */
    int64_t org_id;
    char org_name[128];
    struct org_post *posts;
    int n;
    char today[11];
};

static bool current(const struct org_posts *s, const struct org_post *p)
{
    return !p->end_date[0] || strcmp(p->end_date, s->today) >= 0;
}

static bool matches(const struct org_post *p, const char *filter)
{
    return !*filter || text_contains_ci(p->name, filter) ||
           text_contains_ci(org_post_label[p->post], filter);
}

/* ---- the list's source: the loaded terms ---- */

static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    (void)err;
    struct org_posts *s = ctx;
    long k = 0;
    for (int i = 0; i < s->n; i++)
        k += matches(&s->posts[i], filter);
    *n = k;
    return 0;
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    struct org_posts *s = ctx;
    long k = 0;
    for (int i = 0; i < s->n && k < offset + limit; i++) {
        const struct org_post *p = &s->posts[i];
        if (!matches(p, filter) || k++ < offset)
            continue;
        bool now = current(s, p);
        const char *cells[NCOLS] = {
            [COL_POST] = p->post > 0 && p->post < ORG_POST_N
                             ? org_post_label[p->post] : "",
            [COL_NAME] = p->name,
            [COL_PHONE] = p->phone,
            [COL_START] = p->start_date[0] ? p->start_date : "不详",
            [COL_END] = p->end_date[0] ? p->end_date : "",
            [COL_STATE] = now ? "现任" : "已离任",
        };
        if (lv_rowset_add(rs, p->id, now ? LV_MARK_NONE : LV_MARK_DIM,
                          cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int src_locate(void *ctx, const char *filter, int64_t id, long *pos,
                      zb_err *err)
{
    (void)err;
    struct org_posts *s = ctx;
    long k = 0;
    *pos = -1;
    for (int i = 0; i < s->n; i++) {
        if (!matches(&s->posts[i], filter))
            continue;
        if (s->posts[i].id == id) {
            *pos = k;
            break;
        }
        k++;
    }
    return 0;
}

static const struct lv_source source = {src_count, src_fetch, src_locate};

/* ---- loading ---- */

static void load(struct screens_list *head)
{
    struct org_posts *s = (struct org_posts *)head;
    zb_err e;
    struct org_post *v = NULL;
    int n = 0, cur = 0;
    if (org_post_list(s->list.ctx->db, s->org_id, true, s->today, &v, &n,
                      &e) != 0) {
        tui_app_error(s->list.base.app, "%s", e.msg);
    } else {
        free(s->posts);
        s->posts = v;
        s->n = n;
    }
    for (int i = 0; i < s->n; i++)
        cur += current(s, &s->posts[i]);
    snprintf(s->list.base.title, sizeof s->list.base.title,
             "%.100s - 班子成员  现任 %d 人，历任 %d 条", s->org_name, cur,
             s->n - cur);
}

static const struct org_post *selected(const struct org_posts *s)
{
    int64_t id = lv_selected_id(s->list.lv);
    for (int i = 0; id && i < s->n; i++)
        if (s->posts[i].id == id)
            return &s->posts[i];
    return NULL;
}

/* ---- actions ---- */

static const char *valid_end(const char *text, void *ctx)
{
    const struct org_post *p = ctx;
    char norm[11];
    if (!rules_date_normalize(text, norm))
        return "日期格式应为 YYYY-MM-DD，如 2021-07-01";
    if (p->start_date[0] && strcmp(norm, p->start_date) < 0)
        return "离任日期不能早于任职日期";
    return NULL;
}

static int end_term(struct org_posts *s)
{
    tui_app *app = s->list.base.app;
    const struct org_post *p = selected(s);
    if (!p)
        return TUI_HANDLED;
    struct org_post copy = *p;
    if (copy.end_date[0] && strcmp(copy.end_date, s->today) < 0) {
        tui_app_error(app, "%s 已于 %s 离任", copy.name, copy.end_date);
        return TUI_HANDLED | TUI_REDRAW;
    }
    char title[300], date[64];
    snprintf(title, sizeof title, "%s %s 离任", org_post_label[copy.post],
             copy.name);
    snprintf(date, sizeof date, "%s", s->today);
    if (!tui_prompt(app, title, "离任日期：", date, sizeof date, 10,
                    valid_end, &copy))
        return TUI_HANDLED | TUI_REDRAW;
    char norm[11];
    rules_date_normalize(date, norm);
    zb_err e;
    if (org_post_end(s->list.ctx->db, copy.id, norm, NULL, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    screens_list_reload(&s->list);
    tui_app_status(app, "已登记：%s %s 于 %s 离任", org_post_label[copy.post],
                   copy.name, norm);
    return TUI_HANDLED | TUI_REDRAW;
}

static int delete_term(struct org_posts *s)
{
    tui_app *app = s->list.base.app;
    const struct org_post *p = selected(s);
    if (!p)
        return TUI_HANDLED;
    struct org_post copy = *p;
    char msg[400];
    snprintf(msg, sizeof msg, "删除 %s 的%s任职记录？只用于登记错误的记录；"
             "卸任请按 x 登记离任，以保留历史。", copy.name,
             org_post_label[copy.post]);
    if (!tui_confirm(app, "删除任职记录", msg, false))
        return TUI_HANDLED | TUI_REDRAW;
    zb_err e;
    if (org_post_delete(s->list.ctx->db, copy.id, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    screens_list_reload(&s->list);
    tui_app_status(app, "已删除：%s %s", org_post_label[copy.post],
                   copy.name);
    return TUI_HANDLED | TUI_REDRAW;
}

static int action(tui_screen *base, enum tui_action a)
{
    struct org_posts *s = (struct org_posts *)base;
    tui_app *app = base->app;
    int64_t id = lv_selected_id(s->list.lv);
    switch (a) {
    case ACT_OPEN:
    case ACT_EDIT:
        if (!id)
            return TUI_HANDLED;
        return screens_push(app, org_post_form_new(app, s->list.ctx, id,
                                                   s->org_id));
    case ACT_ADD:
        return screens_push(app, org_post_form_new(app, s->list.ctx, 0,
                                                   s->org_id));
    case ACT_END_ROLE:
        return end_term(s);
    case ACT_DELETE:
        return delete_term(s);
    case ACT_FILTER:
        lv_filter_start(s->list.lv);
        return TUI_HANDLED | TUI_REDRAW;
    default:
        return TUI_UNHANDLED;
    }
}

/* ---- screen ops ---- */

static void destroy(tui_screen *base)
{
    struct org_posts *s = (struct org_posts *)base;
    free(s->posts);
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

tui_screen *org_posts_new(tui_app *app, struct zb_ctx *ctx, int64_t org_id)
{
    struct org_posts *s = screens_list_alloc(sizeof *s, &ops, app, ctx);
    if (!s)
        return NULL;
    s->list.load = load;
    s->list.saved = &ctx->saved_org_post;
    s->org_id = org_id;
    rules_today(s->today);
    zb_err e;
    if (org_name(ctx->db, org_id, s->org_name, sizeof s->org_name, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        free(s);
        return NULL;
    }
    s->list.lv = lv_new(columns, NCOLS, &source, s);
    if (!s->list.lv) {
        free(s);
        return NULL;
    }
    screens_list_reload(&s->list);
    return &s->list.base;
}
