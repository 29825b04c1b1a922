/* The member register: a windowed list over the member table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/member.h"
#include "model/org.h"
#include "rules.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/key.h"
#include "tui/listview.h"

enum { COL_NAME, COL_GENDER, COL_AGE, COL_ORG, COL_CATEGORY, COL_KIND,
       COL_PHONE, COL_IDNUM, NCOLS };

static const struct lv_column columns[NCOLS] = {
    [COL_NAME] = {"姓名", 6, 12, TEXT_LEFT, false},
    [COL_GENDER] = {"性别", 4, 4, TEXT_LEFT, false},
    [COL_AGE] = {"年龄", 4, 4, TEXT_RIGHT, false},
    [COL_ORG] = {"所在支部", 8, 30, TEXT_LEFT, true},
    [COL_CATEGORY] = {"类别", 4, 4, TEXT_LEFT, false},
    [COL_KIND] = {"类型", 4, 8, TEXT_LEFT, false},
    [COL_PHONE] = {"联系电话", 11, 16, TEXT_LEFT, false},
    [COL_IDNUM] = {"公民身份号码", 18, 18, TEXT_LEFT, false},
};

static const struct tui_binding keymap[] = {
    {ACT_OPEN, {TUI_KEY_ENTER}, true},
    {ACT_ADD, {'a', TUI_FN(KEY_IC)}, true},
    {ACT_EDIT, {'e', TUI_FN(KEY_F(4))}, false},
    {ACT_DELETE, {'d', TUI_FN(KEY_DC)}, true},
    {ACT_FILTER, {'/'}, true},
    {ACT_SORT, {'s'}, true},
    {ACT_TOGGLE_LEFT, {'l'}, true},
    {ACT_HISTORY, {'h', TUI_FN(KEY_F(5))}, true},
    {ACT_PAIRS, {'b'}, false},
    {ACT_NONE, {0}, false},
};

struct members_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    struct member_query q;
    listview *lv;
    char today[11];
    char org_name[128];        /* when limited to one organisation */
    struct member_row *rows;   /* fetch scratch */
    int rows_cap;
};

/* ---- the list's data source ---- */

static void query_for(struct members_screen *s, const char *filter,
                      struct member_query *q)
{
    *q = s->q;
    q->filter = filter;
}

static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct members_screen *s = ctx;
    struct member_query q;
    query_for(s, filter, &q);
    return member_count(s->ctx->db, &q, n, err);
}

static const char *short_label(const char *const *labels, int n, int i)
{
    return (i > 0 && i < n) ? labels[i] : "";
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    struct members_screen *s = ctx;
    if (limit > s->rows_cap) {
        struct member_row *r = realloc(s->rows, sizeof *r * (size_t)limit);
        if (!r)
            return zb_fail(err, "内存不足");
        s->rows = r;
        s->rows_cap = limit;
    }
    struct member_query q;
    query_for(s, filter, &q);
    int n = 0;
    if (member_window(s->ctx->db, &q, offset, limit, s->rows, &n, err) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        const struct member_row *r = &s->rows[i];
        char age[12] = "", masked[32];
        int a = rules_age(r->birth_date, s->today);
        if (a >= 0)
            snprintf(age, sizeof age, "%d", a);
        rules_mask_idnum(r->id_number, masked, sizeof masked);
        const char *category = r->category == CATEGORY_FULL ? "正式"
                             : r->category == CATEGORY_PROBATION ? "预备" : "";
        const char *kind = short_label(domain_kind, DOMAIN_KIND_N, r->kind);
        const char *cells[NCOLS] = {
            [COL_NAME] = r->name,
            [COL_GENDER] = r->gender == GENDER_MALE || r->gender == GENDER_FEMALE
                               ? domain_gender_label(r->gender) : "",
            [COL_AGE] = age,
            [COL_ORG] = r->org_name,
            [COL_CATEGORY] = r->left_kind ? domain_left[r->left_kind] : category,
            [COL_KIND] = kind,
            [COL_PHONE] = r->phone,
            [COL_IDNUM] = masked,
        };
        int mark = r->left_kind ? LV_MARK_DIM
                 : r->party_status == PARTY_STATUS_SUSPENDED ? LV_MARK_WARN
                 : LV_MARK_NONE;
        if (lv_rowset_add(rs, r->id, mark, cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int src_locate(void *ctx, const char *filter, int64_t id, long *pos,
                      zb_err *err)
{
    struct members_screen *s = ctx;
    struct member_query q;
    query_for(s, filter, &q);
    return member_position(s->ctx->db, &q, id, pos, err);
}

static const struct lv_source source = {src_count, src_fetch, src_locate};

/* ---- screen ---- */

static void set_title(struct members_screen *s)
{
    if (s->q.org_id > 0)
        snprintf(s->base.title, sizeof s->base.title,
                 "党员信息 - %.90s%s  %s%s", s->org_name,
                 s->q.org_direct ? "（直属）" : "（含下级组织）",
                 member_sort_label[s->q.sort],
                 s->q.include_left ? "  含已离开" : "");
    else
        snprintf(s->base.title, sizeof s->base.title, "党员信息  %s%s",
                 member_sort_label[s->q.sort],
                 s->q.include_left ? "  含已离开" : "");
}

static int reload(struct members_screen *s)
{
    zb_err e;
    set_title(s);
    if (lv_reload(s->lv, &e) != 0)
        tui_app_error(s->base.app, "%s", e.msg);
    return TUI_HANDLED | TUI_REDRAW;
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct members_screen *s = (struct members_screen *)base;
    char pos[64];
    lv_draw(s->lv, w, 0, 0, h, wd);
    lv_position_text(s->lv, pos, sizeof pos);
    tui_app_set_position(base->app, pos);
}

static int key(tui_screen *base, int k)
{
    struct members_screen *s = (struct members_screen *)base;
    /* Esc first drops a kept filter, and only then goes back */
    if (k == TUI_KEY_ESC && !lv_filtering(s->lv) && *lv_filter(s->lv)) {
        lv_set_filter(s->lv, "");
        return TUI_HANDLED | TUI_REDRAW;
    }
    return lv_key(s->lv, k);
}

static int pick_sort(struct members_screen *s)
{
    int i = tui_pick(s->base.app, "排序方式", member_sort_label,
                     MEMBER_SORT_COUNT, (int)s->q.sort);
    if (i < 0)
        return TUI_HANDLED | TUI_REDRAW;
    s->q.sort = (enum member_sort)i;
    return reload(s);
}

static const char *validate_left_date(const char *text, void *ctx)
{
    const char *today = ctx;
    char norm[11];
    if (!rules_date_normalize(text, norm))
        return "日期格式应为 YYYY-MM-DD，如 2021-07-01";
    if (strcmp(norm, today) > 0)
        return "日期不能晚于今天";
    return NULL;
}

/* A member entered by mistake today is erased; anyone with a history is
 * only marked as left, with the reason and the date. */
static int delete_member(struct members_screen *s)
{
    tui_app *app = s->base.app;
    int64_t id = lv_selected_id(s->lv);
    if (!id)
        return TUI_HANDLED;
    db *d = s->ctx->db;
    zb_err e;
    member m;
    bool history = false;
    if (member_get(d, id, &m, &e) != 0 ||
        member_has_history(d, id, &history, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (!history) {
        char msg[300];
        snprintf(msg, sizeof msg,
                 "删除党员「%s」（编号 %s）？该记录今天录入，删除后不可恢复。",
                 m.name, m.member_no);
        if (tui_confirm(app, "删除党员", msg, false)) {
            if (member_delete(d, id, &e) != 0)
                tui_app_error(app, "%s", e.msg);
            else
                tui_app_status(app, "已删除：%s", m.name);
        }
        return reload(s);
    }
    if (m.left_kind) {
        tui_app_error(app, "%s 已于 %s %s，不能再删除", m.name, m.left_date,
                      domain_left[m.left_kind]);
        return TUI_HANDLED | TUI_REDRAW;
    }
    char title[200];
    snprintf(title, sizeof title, "%s 有历史记录，只能标记为离开：", m.name);
    int kind = tui_pick(app, title, domain_left + 1, DOMAIN_LEFT_N - 1, -1);
    if (kind < 0)
        return TUI_HANDLED | TUI_REDRAW;
    char date[64];
    snprintf(date, sizeof date, "%s", s->today);
    if (!tui_prompt(app, domain_left[kind + 1], "日期：", date, sizeof date,
                    10, validate_left_date, s->today))
        return TUI_HANDLED | TUI_REDRAW;
    char norm[11];
    rules_date_normalize(date, norm);
    if (member_mark_left(d, id, kind + 1, norm, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    else
        tui_app_status(app, "已标记 %s %s（%s）", m.name,
                       domain_left[kind + 1], norm);
    return reload(s);
}

static int action(tui_screen *base, enum tui_action a)
{
    struct members_screen *s = (struct members_screen *)base;
    tui_screen *next = NULL;
    switch (a) {
    case ACT_OPEN:
    case ACT_EDIT:
        if (!lv_selected_id(s->lv))
            return TUI_HANDLED;
        next = member_form_new(base->app, s->ctx, lv_selected_id(s->lv));
        break;
    case ACT_ADD:
        next = member_form_new(base->app, s->ctx, 0);
        break;
    case ACT_PAIRS:
        if (!lv_selected_id(s->lv))
            return TUI_HANDLED;
        next = member_pairs_new(base->app, s->ctx, lv_selected_id(s->lv));
        break;
    case ACT_HISTORY:
        if (!lv_selected_id(s->lv))
            return TUI_HANDLED;
        next = member_history_new(base->app, s->ctx, lv_selected_id(s->lv));
        break;
    case ACT_DELETE:
        return delete_member(s);
    case ACT_FILTER:
        lv_filter_start(s->lv);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_SORT:
        return pick_sort(s);
    case ACT_TOGGLE_LEFT:
        s->q.include_left = !s->q.include_left;
        return reload(s);
    default:
        return TUI_UNHANDLED;
    }
    if (!next) {
        tui_app_error(base->app, "无法打开表单");
        return TUI_HANDLED | TUI_REDRAW;
    }
    tui_app_push(base->app, next);
    return TUI_HANDLED | TUI_REDRAW;
}

static void resume(tui_screen *base)
{
    struct members_screen *s = (struct members_screen *)base;
    reload(s);
    if (s->ctx->saved_member) {
        /* jump to the record just saved (a new one may be anywhere) */
        long pos = -1;
        zb_err e;
        struct member_query q;
        query_for(s, lv_filter(s->lv), &q);
        if (member_position(s->ctx->db, &q, s->ctx->saved_member, &pos,
                            &e) == 0 && pos >= 0)
            lv_set_cursor(s->lv, pos);
        s->ctx->saved_member = 0;
    }
}

static int tick(tui_screen *base)
{
    struct members_screen *s = (struct members_screen *)base;
    if (!db_changed_elsewhere(s->ctx->db))
        return TUI_UNHANDLED;
    return reload(s);
}

static void cursor(tui_screen *base, int *y, int *x)
{
    struct members_screen *s = (struct members_screen *)base;
    lv_cursor_pos(s->lv, y, x);
}

static void destroy(tui_screen *base)
{
    struct members_screen *s = (struct members_screen *)base;
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
    .cursor = cursor,
    .destroy = destroy,
};

tui_screen *members_screen_new_org(tui_app *app, struct zb_ctx *ctx,
                                   int64_t org_id, bool subtree)
{
    tui_screen *base = members_screen_new(app, ctx);
    if (!base || org_id <= 0)
        return base;
    struct members_screen *s = (struct members_screen *)base;
    zb_err e;
    if (org_name(ctx->db, org_id, s->org_name, sizeof s->org_name, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    s->q.org_id = org_id;
    s->q.org_direct = !subtree;
    set_title(s);
    if (lv_reload(s->lv, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    return base;
}

tui_screen *members_screen_new(tui_app *app, struct zb_ctx *ctx)
{
    struct members_screen *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    s->q.sort = MEMBER_SORT_PINYIN;
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
