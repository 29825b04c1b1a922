/* The first screen: a menu of the modules and a few headline counts,
 * each one count query (recomputed when the screen is on top again). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/attendance.h"
#include "model/meeting.h"
#include "model/member.h"
#include "model/org.h"
#include "rules.h"
#include "rules_meeting.h"
#include "screens.h"
#include "tui/draw.h"
#include "tui/key.h"

enum { ITEM_MEMBERS, ITEM_MEETINGS, ITEM_COMPLIANCE, ITEM_WATCH, ITEM_ORGS,
       ITEM_GRIDS, ITEM_COVERAGE, ITEM_HOUSEHOLDS, ITEM_OVERDUE, ITEM_REPORT,
       ITEM_IMPORT, NITEMS };

static const char *const items[NITEMS] = {
    [ITEM_MEMBERS] = "1  党员信息",
    [ITEM_MEETINGS] = "2  三会一课",
    [ITEM_COMPLIANCE] = "3  组织生活检查",
    [ITEM_WATCH] = "4  组织生活预警",
    [ITEM_ORGS] = "5  组织架构",
    [ITEM_GRIDS] = "6  网格管理",
    [ITEM_COVERAGE] = "7  网格覆盖检查",
    [ITEM_HOUSEHOLDS] = "8  结对帮扶",
    [ITEM_OVERDUE] = "9  帮扶预警",
    [ITEM_REPORT] = "0  工作报表",
    [ITEM_IMPORT] = "i  导入数据",
};

static const struct tui_binding keymap[] = {
    {ACT_OPEN, {TUI_KEY_ENTER}, true},
    {ACT_NONE, {0}, false},
};

#define MENU_X 2
#define MENU_W 22
#define INFO_X 28

struct home_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    int cursor;
    char lines[4][512];    /* the counts, ready to draw */
    int nlines;
    bool warn;             /* someone is past six months */
    bool watch_pending;    /* watch counts not computed yet */
};

/* The watch counts scan an index of every member: the menu is drawn
 * first and they follow on the first idle tick. */
static void count_all(struct home_screen *s, bool with_watch)
{
    db *d = s->ctx->db;
    zb_err e;
    char today[11];
    rules_today(today);
    s->nlines = 0;
    s->warn = false;

    long full = 0, prob = 0;
    if (org_member_totals(d, &full, &prob, &e) != 0) {
        snprintf(s->lines[s->nlines++], sizeof s->lines[0], "%s", e.msg);
        return;
    }
    snprintf(s->lines[s->nlines++], sizeof s->lines[0],
             "党员 %ld（正式 %ld，预备 %ld）", full + prob, full, prob);

    struct period_window month;
    rules_window_of(today, PERIOD_MONTH, &month);
    struct meeting_query q = {.from = month.from, .to = month.to};
    long meetings = 0;
    if (meeting_count(d, &q, &meetings, &e) != 0) {
        snprintf(s->lines[s->nlines++], sizeof s->lines[0], "%s", e.msg);
        return;
    }
    snprintf(s->lines[s->nlines++], sizeof s->lines[0], "本月会议 %ld",
             meetings);

    s->watch_pending = !with_watch;
    if (!with_watch) {
        snprintf(s->lines[s->nlines++], sizeof s->lines[0],
                 "组织生活预警：统计中");
        return;
    }
    long warn = 0, flag = 0;
    if (watch_count_level(d, 0, today, 1, &warn, &e) != 0 ||
        watch_count_level(d, 0, today, 2, &flag, &e) != 0) {
        snprintf(s->lines[s->nlines++], sizeof s->lines[0], "%s", e.msg);
        return;
    }
    snprintf(s->lines[s->nlines++], sizeof s->lines[0],
             "组织生活预警 %ld / 超过六个月 %ld", warn, flag);
    s->warn = flag > 0;
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct home_screen *s = (struct home_screen *)base;
    attr_t na = tui_style(STYLE_NORMAL);
    (void)h;
    tui_put(w, 1, MENU_X, "请选择（数字键或上下键，回车进入）：", wd - MENU_X,
            TEXT_LEFT, tui_style(STYLE_DIM));
    for (int i = 0; i < NITEMS; i++) {
        attr_t a = i == s->cursor ? tui_style(STYLE_CURSOR) : na;
        tui_put(w, 3 + i, MENU_X, items[i], MENU_W, TEXT_LEFT, a);
    }
    if (wd > INFO_X + 10) {
        tui_put(w, 3, INFO_X, "概况：", wd - INFO_X, TEXT_LEFT,
                tui_style(STYLE_HEADER));
        for (int i = 0; i < s->nlines; i++) {
            attr_t a = i == 2 && s->warn ? tui_style(STYLE_WARN) : na;
            tui_put(w, 4 + i, INFO_X, s->lines[i], wd - INFO_X, TEXT_LEFT, a);
        }
    }
    tui_app_set_position(base->app, "");
}

static int open_item(struct home_screen *s, int item)
{
    tui_app *app = s->base.app;
    tui_screen *next = NULL;
    s->cursor = item;
    switch (item) {
    case ITEM_MEMBERS:
        next = members_screen_new(app, s->ctx);
        break;
    case ITEM_MEETINGS:
        next = meetings_screen_new(app, s->ctx, 0, 0);
        break;
    case ITEM_COMPLIANCE:
        next = compliance_screen_new(app, s->ctx);
        break;
    case ITEM_WATCH:
        next = watch_screen_new(app, s->ctx);
        break;
    case ITEM_ORGS:
        next = orgs_screen_new(app, s->ctx);
        break;
    case ITEM_GRIDS:
        next = grids_screen_new(app, s->ctx);
        break;
    case ITEM_COVERAGE:
        next = coverage_screen_new(app, s->ctx, 0);
        break;
    case ITEM_HOUSEHOLDS:
        next = households_screen_new(app, s->ctx);
        break;
    case ITEM_OVERDUE:
        next = overdue_screen_new(app, s->ctx);
        break;
    case ITEM_REPORT:
        next = report_screen_new(app, s->ctx);
        break;
    case ITEM_IMPORT:   /* asks first: Esc there opens nothing */
        return import_screen_open(app, s->ctx);
    default:
        return TUI_HANDLED;
    }
    if (!next) {
        tui_app_error(app, "无法打开");
        return TUI_HANDLED | TUI_REDRAW;
    }
    tui_app_push(app, next);
    return TUI_HANDLED | TUI_REDRAW;
}

static int key(tui_screen *base, int k)
{
    struct home_screen *s = (struct home_screen *)base;
    if (k >= '1' && k <= '9')
        return open_item(s, k - '1');
    if (k == '0')
        return open_item(s, ITEM_REPORT);
    if (k == 'i')
        return open_item(s, ITEM_IMPORT);
    if (k == TUI_FN(KEY_UP) || k == 'k') {
        s->cursor = (s->cursor + NITEMS - 1) % NITEMS;
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (k == TUI_FN(KEY_DOWN) || k == 'j') {
        s->cursor = (s->cursor + 1) % NITEMS;
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (k == TUI_FN(KEY_HOME)) {
        s->cursor = 0;
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (k == TUI_FN(KEY_END)) {
        s->cursor = NITEMS - 1;
        return TUI_HANDLED | TUI_REDRAW;
    }
    return TUI_UNHANDLED;
}

static int action(tui_screen *base, enum tui_action a)
{
    struct home_screen *s = (struct home_screen *)base;
    if (a == ACT_OPEN)
        return open_item(s, s->cursor);
    return TUI_UNHANDLED;
}

static void resume(tui_screen *base)
{
    count_all((struct home_screen *)base, true);
}

static int tick(tui_screen *base)
{
    struct home_screen *s = (struct home_screen *)base;
    if (!s->watch_pending && !db_changed_elsewhere(s->ctx->db))
        return TUI_UNHANDLED;
    count_all(s, true);
    return TUI_HANDLED | TUI_REDRAW;
}

static void cursor(tui_screen *base, int *y, int *x)
{
    (void)base;
    *y = -1;
    *x = 0;
}

static void destroy(tui_screen *base)
{
    free(base);
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

tui_screen *home_screen_new(tui_app *app, struct zb_ctx *ctx)
{
    struct home_screen *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    snprintf(s->base.title, sizeof s->base.title, "zhibu  社区党建");
    count_all(s, false);
    return &s->base;
}
