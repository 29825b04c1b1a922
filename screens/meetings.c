/* 三会一课: the meetings of an organisation's subtree, newest first, with
 * organisation, kind, period and topic filters. Also the organisation
 * and period pickers the other meeting screens share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/attendance.h"
#include "model/meeting.h"
#include "model/org.h"
#include "rules.h"
#include "rules_meeting.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/key.h"
#include "tui/listview.h"

/* ---- shared pickers ---- */

bool screens_pick_org(tui_app *app, db *d, const char *title,
                      int64_t *org_id, char *name, size_t namesz)
{
    struct org_item *orgs = NULL;
    int n = 0;
    zb_err e;
    if (org_list(d, &orgs, &n, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return false;
    }
    const char **items = malloc(sizeof *items * (size_t)(n + 1));
    int *index = malloc(sizeof *index * (size_t)(n + 1));
    if (!items || !index) {
        free(items);
        free(index);
        free(orgs);
        tui_app_error(app, "内存不足");
        return false;
    }
    int k = 0, initial = *org_id ? -1 : 0;
    items[k] = "全部组织";
    index[k++] = -1;
    for (int i = 0; i < n; i++) {
        if (!orgs[i].active)
            continue;
        if (orgs[i].id == *org_id)
            initial = k;
        items[k] = orgs[i].path;
        index[k++] = i;
    }
    int pick = tui_pick(app, title, items, k, initial);
    bool ok = pick >= 0;
    if (ok) {
        int i = index[pick];
        *org_id = i < 0 ? 0 : orgs[i].id;
        snprintf(name, namesz, "%s", i < 0 ? "全部组织" : orgs[i].name);
    }
    free(items);
    free(index);
    free(orgs);
    return ok;
}

static const char *validate_period(const char *text, void *ctx)
{
    (void)ctx;
    char from[11], to[11];
    if (!*text || rules_period_parse(text, from, to))
        return NULL;
    return "期间格式应为 2026、2026H1、2026Q3 或 2026-03";
}

bool screens_prompt_period(tui_app *app, const char *title, char *spec,
                           size_t specsz, char from[11], char to[11])
{
    char buf[32];
    snprintf(buf, sizeof buf, "%s", spec);
    if (!tui_prompt(app, title, "期间（年 2026、半年 2026H1、季度 2026Q3、月 2026-03）：",
                    buf, sizeof buf, 10, validate_period, NULL))
        return false;
    from[0] = to[0] = '\0';
    if (*buf)
        rules_period_parse(buf, from, to);
    snprintf(spec, specsz, "%s", buf);
    return true;
}

void screens_period_label(const char *spec, char *out, size_t outsz)
{
    char from[11], to[11];
    if (!spec || !rules_period_parse(spec, from, to)) {
        snprintf(out, outsz, "%s", spec ? spec : "");
        return;
    }
    int y = atoi(spec);
    const char *rest = spec + 4;
    if (!*rest)
        snprintf(out, outsz, "%d年", y);
    else if (rest[0] == 'H' || rest[0] == 'h')
        snprintf(out, outsz, "%d年%s半年", y, rest[1] == '1' ? "上" : "下");
    else if (rest[0] == 'Q' || rest[0] == 'q')
        snprintf(out, outsz, "%d年第%c季度", y, rest[1]);
    else
        snprintf(out, outsz, "%d年%d月", y, atoi(from + 5));
}

/* ---- the list ---- */

enum { COL_DATE, COL_TIME, COL_KIND, COL_ORG, COL_TOPIC, COL_EXPECTED,
       COL_PRESENT, NCOLS };

static const struct lv_column columns[NCOLS] = {
    [COL_DATE] = {"日期", 10, 10, TEXT_LEFT, false},
    [COL_TIME] = {"时间", 5, 5, TEXT_LEFT, false},
    [COL_KIND] = {"类型", 4, 12, TEXT_LEFT, false},
    [COL_ORG] = {"组织", 8, 30, TEXT_LEFT, true},
    [COL_TOPIC] = {"主题", 8, 60, TEXT_LEFT, true},
    [COL_EXPECTED] = {"应到", 4, 5, TEXT_RIGHT, false},
    [COL_PRESENT] = {"实到", 4, 5, TEXT_RIGHT, false},
};

static const struct tui_binding keymap[] = {
    {ACT_ROLL, {TUI_KEY_ENTER, 'r'}, true},
    {ACT_EDIT, {'e', TUI_FN(KEY_F(4))}, true},
    {ACT_ADD, {'a', TUI_FN(KEY_IC)}, true},
    {ACT_DELETE, {'d', TUI_FN(KEY_DC)}, false},
    {ACT_SET_ORG, {'o'}, true},
    {ACT_SET_KIND, {'k'}, true},
    {ACT_SET_PERIOD, {'t'}, true},
    {ACT_FILTER, {'/'}, false},
    {ACT_NONE, {0}, false},
};

struct meetings_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    int64_t org_id;
    char org_name[128];
    int kind;
    char period[16];          /* as typed, "" = all */
    char from[11], to[11];
    char today[11];
    listview *lv;
    struct meeting_row *rows; /* fetch scratch */
    int rows_cap;
};

static void query_for(struct meetings_screen *s, const char *filter,
                      struct meeting_query *q)
{
    memset(q, 0, sizeof *q);
    q->org_id = s->org_id;
    q->kind = s->kind;
    q->from = s->from;
    q->to = s->to;
    q->filter = filter && *filter ? filter : NULL;
}

static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct meetings_screen *s = ctx;
    struct meeting_query q;
    query_for(s, filter, &q);
    return meeting_count(s->ctx->db, &q, n, err);
}

static const char *kind_label(int kind)
{
    return kind > 0 && kind < DOMAIN_MEETING_KIND_N ? domain_meeting_kind[kind]
                                                    : "";
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    struct meetings_screen *s = ctx;
    if (limit > s->rows_cap) {
        struct meeting_row *r = realloc(s->rows, sizeof *r * (size_t)limit);
        if (!r)
            return zb_fail(err, "内存不足");
        s->rows = r;
        s->rows_cap = limit;
    }
    struct meeting_query q;
    query_for(s, filter, &q);
    int n = 0;
    if (meeting_window(s->ctx->db, &q, offset, limit, s->rows, &n, err) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        const struct meeting_row *r = &s->rows[i];
        char expected[16], present[16];
        snprintf(expected, sizeof expected, "%d", r->expected);
        snprintf(present, sizeof present, "%d", r->present);
        bool future = strcmp(r->date, s->today) > 0;
        const char *cells[NCOLS] = {
            [COL_DATE] = r->date,
            [COL_TIME] = r->start_time,
            [COL_KIND] = kind_label(r->kind),
            [COL_ORG] = r->org_name,
            [COL_TOPIC] = r->topic,
            [COL_EXPECTED] = expected,
            [COL_PRESENT] = future ? "" : present,
        };
        if (lv_rowset_add(rs, r->id, future ? LV_MARK_DIM : LV_MARK_NONE,
                          cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int src_locate(void *ctx, const char *filter, int64_t id, long *pos,
                      zb_err *err)
{
    struct meetings_screen *s = ctx;
    struct meeting_query q;
    query_for(s, filter, &q);
    return meeting_position(s->ctx->db, &q, id, pos, err);
}

static const struct lv_source source = {src_count, src_fetch, src_locate};

/* ---- screen ---- */

static void set_title(struct meetings_screen *s)
{
    char period[64] = "";
    if (s->period[0])
        screens_period_label(s->period, period, sizeof period);
    snprintf(s->base.title, sizeof s->base.title, "三会一课  %.60s%s%s%s%s",
             s->org_id ? s->org_name : "全部组织",
             s->kind ? "  " : "", kind_label(s->kind),
             period[0] ? "  " : "", period);
}

static int reload(struct meetings_screen *s)
{
    zb_err e;
    set_title(s);
    if (lv_reload(s->lv, &e) != 0)
        tui_app_error(s->base.app, "%s", e.msg);
    return TUI_HANDLED | TUI_REDRAW;
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct meetings_screen *s = (struct meetings_screen *)base;
    char pos[64];
    lv_draw(s->lv, w, 0, 0, h, wd);
    lv_position_text(s->lv, pos, sizeof pos);
    tui_app_set_position(base->app, pos);
}

static int key(tui_screen *base, int k)
{
    struct meetings_screen *s = (struct meetings_screen *)base;
    if (!lv_filtering(s->lv)) {
        /* Esc first drops a kept topic filter, and only then goes back */
        if (k == TUI_KEY_ESC && *lv_filter(s->lv)) {
            lv_set_filter(s->lv, "");
            return TUI_HANDLED | TUI_REDRAW;
        }
        /* this screen's letters (k = kind) before the list's j/k moves */
        if (tui_keymap_lookup(keymap, k) != ACT_NONE)
            return TUI_UNHANDLED;
    }
    return lv_key(s->lv, k);
}

static int pick_kind(struct meetings_screen *s)
{
    const char *items[DOMAIN_MEETING_KIND_N];
    items[0] = "全部类型";
    for (int i = 1; i < DOMAIN_MEETING_KIND_N; i++)
        items[i] = domain_meeting_kind[i];
    int i = tui_pick(s->base.app, "会议类型", items, DOMAIN_MEETING_KIND_N,
                     s->kind);
    if (i < 0)
        return TUI_HANDLED | TUI_REDRAW;
    s->kind = i;
    return reload(s);
}

static int pick_org(struct meetings_screen *s)
{
    if (screens_pick_org(s->base.app, s->ctx->db, "选择党组织", &s->org_id,
                         s->org_name, sizeof s->org_name))
        return reload(s);
    return TUI_HANDLED | TUI_REDRAW;
}

static int pick_period(struct meetings_screen *s)
{
    if (screens_prompt_period(s->base.app, "按期间筛选", s->period,
                              sizeof s->period, s->from, s->to))
        return reload(s);
    return TUI_HANDLED | TUI_REDRAW;
}

static int delete_meeting(struct meetings_screen *s)
{
    tui_app *app = s->base.app;
    int64_t id = lv_selected_id(s->lv);
    if (!id)
        return TUI_HANDLED;
    db *d = s->ctx->db;
    zb_err e;
    meeting *m = malloc(sizeof *m);
    if (!m) {
        tui_app_error(app, "内存不足");
        return TUI_HANDLED;
    }
    struct att_totals t;
    if (meeting_get(d, id, m, &e) != 0 ||
        attendance_totals(d, id, &t, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        free(m);
        return TUI_HANDLED | TUI_REDRAW;
    }
    int marks = t.present + t.late + t.leave + t.absent + t.guests;
    char msg[600];
    if (marks > 0)
        snprintf(msg, sizeof msg,
                 "删除 %s %s「%.150s」？它有 %d 条考勤登记，将一并删除，不可恢复。",
                 m->date, kind_label(m->kind), m->topic, marks);
    else
        snprintf(msg, sizeof msg, "删除 %s %s「%.150s」？尚无考勤登记。",
                 m->date, kind_label(m->kind), m->topic);
    if (tui_confirm(app, "删除会议", msg, false)) {
        if (meeting_delete(d, id, &e) != 0)
            tui_app_error(app, "%s", e.msg);
        else
            tui_app_status(app, "已删除会议：%s %.150s", m->date, m->topic);
    }
    free(m);
    return reload(s);
}

static int action(tui_screen *base, enum tui_action a)
{
    struct meetings_screen *s = (struct meetings_screen *)base;
    tui_screen *next = NULL;
    int64_t id = lv_selected_id(s->lv);
    switch (a) {
    case ACT_OPEN:
    case ACT_ROLL:
        if (!id)
            return TUI_HANDLED;
        next = roll_screen_new(base->app, s->ctx, id);
        break;
    case ACT_EDIT:
        if (!id)
            return TUI_HANDLED;
        next = meeting_form_new(base->app, s->ctx, id, 0, 0);
        break;
    case ACT_ADD:
        next = meeting_form_new(base->app, s->ctx, 0, s->org_id, s->kind);
        break;
    case ACT_DELETE:
        return delete_meeting(s);
    case ACT_SET_ORG:
        return pick_org(s);
    case ACT_SET_KIND:
        return pick_kind(s);
    case ACT_SET_PERIOD:
        return pick_period(s);
    case ACT_FILTER:
        lv_filter_start(s->lv);
        return TUI_HANDLED | TUI_REDRAW;
    default:
        return TUI_UNHANDLED;
    }
    if (!next) {
        tui_app_error(base->app, "无法打开");
        return TUI_HANDLED | TUI_REDRAW;
    }
    tui_app_push(base->app, next);
    return TUI_HANDLED | TUI_REDRAW;
}

static void resume(tui_screen *base)
{
    struct meetings_screen *s = (struct meetings_screen *)base;
    reload(s);
    if (s->ctx->saved_meeting) {
        long pos = -1;
        zb_err e;
        struct meeting_query q;
        query_for(s, lv_filter(s->lv), &q);
        if (meeting_position(s->ctx->db, &q, s->ctx->saved_meeting, &pos,
                             &e) == 0 && pos >= 0)
            lv_set_cursor(s->lv, pos);
        s->ctx->saved_meeting = 0;
    }
}

static int tick(tui_screen *base)
{
    struct meetings_screen *s = (struct meetings_screen *)base;
    if (!db_changed_elsewhere(s->ctx->db))
        return TUI_UNHANDLED;
    return reload(s);
}

static void cursor(tui_screen *base, int *y, int *x)
{
    struct meetings_screen *s = (struct meetings_screen *)base;
    lv_cursor_pos(s->lv, y, x);
}

static void destroy(tui_screen *base)
{
    struct meetings_screen *s = (struct meetings_screen *)base;
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

tui_screen *meetings_screen_new(tui_app *app, struct zb_ctx *ctx,
                                int64_t org_id, int kind)
{
    struct meetings_screen *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    s->org_id = org_id;
    s->kind = kind > 0 && kind < DOMAIN_MEETING_KIND_N ? kind : 0;
    rules_today(s->today);
    zb_err e;
    if (org_id && org_name(ctx->db, org_id, s->org_name, sizeof s->org_name,
                           &e) != 0)
        tui_app_error(app, "%s", e.msg);
    s->lv = lv_new(columns, NCOLS, &source, s);
    if (!s->lv) {
        free(s);
        return NULL;
    }
    set_title(s);
    if (lv_reload(s->lv, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    return &s->base;
}
