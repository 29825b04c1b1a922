/* One member's organisational life: the attendance rows, newest first,
 * the attendance rate over a period, and 补课 for a 请假. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/attendance.h"
#include "model/member.h"
#include "model/org.h"
#include "rules.h"
#include "rules_meeting.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/key.h"
#include "tui/listview.h"

enum { COL_DATE, COL_KIND, COL_ORG, COL_TOPIC, COL_STATE, NCOLS };

static const struct lv_column columns[NCOLS] = {
    [COL_DATE] = {"日期", 10, 10, TEXT_LEFT, false},
    [COL_KIND] = {"类型", 4, 12, TEXT_LEFT, false},
    [COL_ORG] = {"组织", 8, 30, TEXT_LEFT, true},
    [COL_TOPIC] = {"主题", 8, 60, TEXT_LEFT, true},
    [COL_STATE] = {"状态", 4, 6, TEXT_LEFT, false},
};

static const struct tui_binding keymap[] = {
    {ACT_ROLL, {TUI_KEY_ENTER}, true},
    {ACT_MAKEUP, {'m'}, true},
    {ACT_SET_PERIOD, {'t'}, true},
    {ACT_NONE, {0}, false},
};

struct history_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    int64_t member_id;
    char name[MEMBER_NAME_CHARS * 4 + 1];
    char member_no[16];
    char org[128];
    char period[16];          /* "" = the last 12 months */
    char from[11], to[11];
    char today[11];
    char rate[600];           /* the rate line */
    listview *lv;
    struct att_history_row *rows;
    int rows_cap;
};

static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct history_screen *s = ctx;
    (void)filter;
    return attendance_history_count(s->ctx->db, s->member_id, s->from,
                                    s->to, n, err);
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    struct history_screen *s = ctx;
    (void)filter;
    if (limit > s->rows_cap) {
        struct att_history_row *r = realloc(s->rows, sizeof *r * (size_t)limit);
        if (!r)
            return zb_fail(err, "内存不足");
        s->rows = r;
        s->rows_cap = limit;
    }
    int n = 0;
    if (attendance_history_window(s->ctx->db, s->member_id, s->from, s->to,
                                  offset, limit, s->rows, &n, err) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        const struct att_history_row *r = &s->rows[i];
        int st = r->state >= 0 && r->state < DOMAIN_ATT_STATE_N ? r->state : 0;
        const char *cells[NCOLS] = {
            [COL_DATE] = r->date,
            [COL_KIND] = r->kind > 0 && r->kind < DOMAIN_MEETING_KIND_N
                             ? domain_meeting_kind[r->kind] : "",
            [COL_ORG] = r->org_name,
            [COL_TOPIC] = r->topic,
            [COL_STATE] = domain_att_state[st],
        };
        int mark = st == ATT_ABSENT ? LV_MARK_WARN
                 : st == ATT_NONE ? LV_MARK_DIM : LV_MARK_NONE;
        if (lv_rowset_add(rs, r->meeting_id, mark, cells) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static const struct lv_source source = {src_count, src_fetch, NULL};

/* The last 12 calendar months, this one included. */
static void last_year(const char *today, char from[11], char to[11])
{
    int y = atoi(today), m = atoi(today + 5) - 11;
    if (m < 1) {
        m += 12;
        y--;
    }
    snprintf(from, 11, "%04u-%02u-01", (unsigned)y % 10000u, (unsigned)m % 100u);
    snprintf(to, 11, "%s", today);
}

static void set_rate(struct history_screen *s)
{
    int attended = 0, leave = 0, absent = 0, total = 0;
    zb_err e;
    if (attendance_rate(s->ctx->db, s->member_id, s->from, s->to, &attended,
                        &leave, &absent, &total, &e) != 0) {
        snprintf(s->rate, sizeof s->rate, "%s", e.msg);
        return;
    }
    int due = attended + absent;
    int pm = rules_rate_permille(attended, due);
    if (pm < 0)
        snprintf(s->rate, sizeof s->rate, "出勤率 -（应参加 0，请假 %d）",
                 leave);
    else
        snprintf(s->rate, sizeof s->rate,
                 "出勤率 %d.%d%%（出席 %d / 应参加 %d，请假 %d）", pm / 10,
                 pm % 10, attended, due, leave);
}

static void set_title(struct history_screen *s)
{
    snprintf(s->base.title, sizeof s->base.title, "组织生活出勤  %.90s",
             s->name);
}

static int reload(struct history_screen *s)
{
    zb_err e;
    set_title(s);
    set_rate(s);
    if (lv_reload(s->lv, &e) != 0)
        tui_app_error(s->base.app, "%s", e.msg);
    return TUI_HANDLED | TUI_REDRAW;
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct history_screen *s = (struct history_screen *)base;
    attr_t na = tui_style(STYLE_NORMAL);
    char line[1024], label[64];
    snprintf(line, sizeof line, "姓名：%s    党员编号：%s    所在组织：%s",
             s->name, s->member_no, s->org);
    tui_put(w, 0, 0, line, wd, TEXT_LEFT, na);
    if (s->period[0])
        screens_period_label(s->period, label, sizeof label);
    else
        snprintf(label, sizeof label, "近 12 个月");
    snprintf(line, sizeof line, "期间：%s（%s 至 %s）", label, s->from,
             s->to);
    tui_put(w, 1, 0, line, wd, TEXT_LEFT, na);
    tui_put(w, 2, 0, s->rate, wd, TEXT_LEFT, na);
    lv_draw(s->lv, w, 3, 0, h - 3, wd);
    char pos[64];
    lv_position_text(s->lv, pos, sizeof pos);
    tui_app_set_position(base->app, pos);
}

static int key(tui_screen *base, int k)
{
    struct history_screen *s = (struct history_screen *)base;
    if (tui_keymap_lookup(keymap, k) != ACT_NONE)
        return TUI_UNHANDLED;
    return lv_key(s->lv, k);
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

/* The roll row of this member at the meeting (the history lists
 * meetings): found by the member number, which is exact. */
static int roll_row(struct history_screen *s, int64_t meeting_id,
                    int64_t *row_id, zb_err *err)
{
    int64_t ids[4], outsider = 0;
    int n = 0;
    *row_id = 0;
    if (attendance_find(s->ctx->db, meeting_id, s->member_no, ids, 4, &n,
                        &outsider, err) != 0)
        return -1;
    for (int i = 0; i < n && i < 4; i++) {
        struct att_row r;
        if (attendance_get(s->ctx->db, ids[i], &r, err) != 0)
            return -1;
        if (r.member_id == s->member_id) {
            *row_id = ids[i];
            return 0;
        }
    }
    return zb_fail(err, "在该会议的签到表上找不到此人");
}

static int makeup(struct history_screen *s)
{
    tui_app *app = s->base.app;
    int64_t meeting_id = lv_selected_id(s->lv);
    const char *state = lv_selected_cell(s->lv, COL_STATE);
    if (!meeting_id)
        return TUI_HANDLED;
    if (!state || strcmp(state, domain_att_state[ATT_LEAVE]) != 0) {
        tui_app_error(app, "只有请假的记录需要补课");
        return TUI_HANDLED | TUI_REDRAW;
    }
    char date[64];
    snprintf(date, sizeof date, "%s", s->today);
    char title[200];
    snprintf(title, sizeof title, "登记补课：%s %s",
             lv_selected_cell(s->lv, COL_DATE),
             lv_selected_cell(s->lv, COL_KIND));
    if (!tui_prompt(app, title, "补课日期：", date, sizeof date, 10,
                    validate_date, s->today))
        return TUI_HANDLED | TUI_REDRAW;
    char norm[11];
    rules_date_normalize(date, norm);
    zb_err e;
    int64_t row = 0;
    if (roll_row(s, meeting_id, &row, &e) != 0 ||
        attendance_makeup(s->ctx->db, row, norm, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    else
        tui_app_status(app, "已登记补课：%s（%s）", s->name, norm);
    return reload(s);
}

static int set_period(struct history_screen *s)
{
    char spec[16], from[11], to[11];
    snprintf(spec, sizeof spec, "%s", s->period);
    if (!screens_prompt_period(s->base.app, "出勤统计期间（留空为近 12 个月）",
                               spec, sizeof spec, from, to))
        return TUI_HANDLED | TUI_REDRAW;
    snprintf(s->period, sizeof s->period, "%s", spec);
    if (*spec) {
        snprintf(s->from, sizeof s->from, "%s", from);
        snprintf(s->to, sizeof s->to, "%s", to);
    } else {
        last_year(s->today, s->from, s->to);
    }
    return reload(s);
}

static int action(tui_screen *base, enum tui_action a)
{
    struct history_screen *s = (struct history_screen *)base;
    switch (a) {
    case ACT_OPEN:
    case ACT_ROLL: {
        int64_t id = lv_selected_id(s->lv);
        if (!id)
            return TUI_HANDLED;
        tui_screen *next = roll_screen_new(base->app, s->ctx, id);
        if (!next) {
            tui_app_error(base->app, "无法打开");
            return TUI_HANDLED | TUI_REDRAW;
        }
        tui_app_push(base->app, next);
        return TUI_HANDLED | TUI_REDRAW;
    }
    case ACT_MAKEUP:
        return makeup(s);
    case ACT_SET_PERIOD:
        return set_period(s);
    default:
        return TUI_UNHANDLED;
    }
}

static void resume(tui_screen *base)
{
    reload((struct history_screen *)base);
}

static int tick(tui_screen *base)
{
    struct history_screen *s = (struct history_screen *)base;
    if (!db_changed_elsewhere(s->ctx->db))
        return TUI_UNHANDLED;
    return reload(s);
}

static void destroy(tui_screen *base)
{
    struct history_screen *s = (struct history_screen *)base;
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

tui_screen *member_history_new(tui_app *app, struct zb_ctx *ctx,
                               int64_t member_id)
{
    struct history_screen *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    s->member_id = member_id;
    rules_today(s->today);
    last_year(s->today, s->from, s->to);
    member *m = malloc(sizeof *m);
    zb_err e;
    if (!m || member_get(ctx->db, member_id, m, &e) != 0) {
        if (m)
            tui_app_error(app, "%s", e.msg);
        free(m);
        free(s);
        return NULL;
    }
    snprintf(s->name, sizeof s->name, "%s", m->name);
    snprintf(s->member_no, sizeof s->member_no, "%s", m->member_no);
    if (m->org_id && org_name(ctx->db, m->org_id, s->org, sizeof s->org,
                              &e) != 0)
        s->org[0] = '\0';
    free(m);
    s->lv = lv_new(columns, NCOLS, &source, s);
    if (!s->lv) {
        free(s);
        return NULL;
    }
    reload(s);
    return &s->base;
}
