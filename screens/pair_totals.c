/* 帮扶统计: the numbers a work summary needs for a period and an
 * organisation or a place (a community, 片区, 网格): households by
 * kind, pairs, visits, households visited, cash and goods (元 and 万元),
 * jobs found, and the sentence itself ("慰问走访 XX 户，发放慰问金及慰问品
 * X 万元"). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/household.h"
#include "model/org.h"
#include "model/pair.h"
#include "rules.h"
#include "rules_meeting.h"
#include "rules_money.h"
#include "screens.h"
#include "text.h"
#include "tui/draw.h"
#include "tui/key.h"

static const struct tui_binding keymap[] = {
    {ACT_SET_PERIOD, {'t'}, true},
    {ACT_SET_ORG, {'o'}, true},
    {ACT_SET_GRID, {'g'}, true},
    {ACT_NONE, {0}, false},
};

#define LABEL_X 2
#define LABEL_W 14
#define VALUE_X (LABEL_X + LABEL_W)
#define NLINES 14

struct totals_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    char period[16];           /* as typed, "" = all time */
    char from[11], to[11];
    struct pair_scope scope;
    char org_name[128];
    char grid_path[600];
    struct pair_totals t;
    bool ok;
    char label[NLINES][64];
    char value[NLINES][700];
    int nlines;
    char sentence[400];
};

static void add(struct totals_screen *s, const char *label, const char *fmt,
                ...) __attribute__((format(printf, 3, 4)));

static void add(struct totals_screen *s, const char *label, const char *fmt,
                ...)
{
    if (s->nlines >= NLINES)
        return;
    snprintf(s->label[s->nlines], sizeof s->label[0], "%s", label);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->value[s->nlines], sizeof s->value[0], fmt, ap);
    va_end(ap);
    s->nlines++;
}

static void set_title(struct totals_screen *s)
{
    char period[64] = "全部时间";
    if (s->period[0])
        screens_period_label(s->period, period, sizeof period);
    char t[1024];
    snprintf(t, sizeof t, "帮扶统计  %s  %s%s%s", period,
             s->scope.org_id ? s->org_name : "全部组织",
             s->scope.grid_id ? "  " : "",
             s->scope.grid_id ? s->grid_path : "");
    text_copy_chars(s->base.title, sizeof s->base.title, t, sizeof t);
}

/* The figures as lines of text, computed once per change. */
static void compute(struct totals_screen *s)
{
    set_title(s);
    s->nlines = 0;
    s->sentence[0] = '\0';
    char from[11], to[11];
    if (s->period[0]) {
        snprintf(from, sizeof from, "%s", s->from);
        snprintf(to, sizeof to, "%s", s->to);
    } else {
        snprintf(from, sizeof from, "1900-01-01");
        rules_today(to);
    }
    zb_err e;
    s->ok = pair_totals(s->ctx->db, &s->scope, from, to, &s->t, &e) == 0;
    if (!s->ok) {
        tui_app_error(s->base.app, "%s", e.msg);
        return;
    }
    const struct pair_totals *t = &s->t;
    add(s, "统计期间", "%s 至 %s", s->period[0] ? from : "最早", to);
    add(s, "帮扶对象", "%ld 户（期内新登记 %ld 户，销号 %ld 户）",
        t->households, t->households_new, t->households_closed);
    char kinds[600] = "";
    size_t n = 0;
    for (int k = 0; k < HH_KIND_N; k++) {
        if (!t->by_kind[k])
            continue;
        int w = snprintf(kinds + n, sizeof kinds - n, "%s%s %ld",
                         n ? "、" : "", household_kind_label[k],
                         t->by_kind[k]);
        if (w < 0 || (size_t)w >= sizeof kinds - n)
            break;
        n += (size_t)w;
    }
    add(s, "  其中", "%s", n ? kinds : "无");
    add(s, "结对", "%ld 对（期内新结对 %ld 对），帮扶人 %ld 人", t->pairs,
        t->pairs_new, t->helpers);
    add(s, "期末未结对", "%ld 户", t->unpaired);
    add(s, "走访", "%ld 次，走访 %ld 户", t->visits, t->households_visited);
    char cash[MONEY_BUF], goods[MONEY_BUF], sum[MONEY_BUF], wan[MONEY_BUF];
    int64_t total = 0;
    if (!rules_money_add(t->cash_fen, t->goods_fen, &total))
        total = MONEY_MAX_FEN;
    rules_money_yuan(t->cash_fen, cash, sizeof cash);
    rules_money_yuan(t->goods_fen, goods, sizeof goods);
    rules_money_yuan(total, sum, sizeof sum);
    rules_money_wan(total, wan, sizeof wan);
    add(s, "慰问金", "%s", cash);
    add(s, "慰问品价值", "%s", goods);
    add(s, "合计", "%s（%s）", sum, wan);
    add(s, "帮助就业", "%ld 人", t->jobs);
    snprintf(s->sentence, sizeof s->sentence,
             "结对帮扶 %ld 户，慰问走访 %ld 户，发放慰问金及慰问品 %s%s",
             t->households, t->households_visited, wan,
             t->jobs ? "，" : "。");
    if (t->jobs) {
        size_t len = strlen(s->sentence);
        snprintf(s->sentence + len, sizeof s->sentence - len,
                 "帮助 %ld 人实现就业。", t->jobs);
    }
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct totals_screen *s = (struct totals_screen *)base;
    attr_t na = tui_style(STYLE_NORMAL);
    int y = 1;
    for (int i = 0; i < s->nlines && y < h; i++, y++) {
        tui_put(w, y, LABEL_X, s->label[i], LABEL_W, TEXT_LEFT,
                tui_style(STYLE_HEADER));
        tui_put(w, y, VALUE_X, s->value[i], wd - VALUE_X, TEXT_LEFT, na);
    }
    if (s->ok && y + 2 < h) {
        y++;
        tui_put(w, y++, LABEL_X, "工作总结用语：", wd - LABEL_X, TEXT_LEFT,
                tui_style(STYLE_HEADER));
        tui_put(w, y++, LABEL_X, s->sentence, wd - LABEL_X, TEXT_LEFT, na);
    }
    if (y + 1 < h)
        tui_put(w, h - 1, LABEL_X,
                "t 期间（年、半年、季度、月）  o 组织（其党员的结对）  g 网格（住在该处的对象）",
                wd - LABEL_X, TEXT_LEFT, tui_style(STYLE_DIM));
    tui_app_set_position(base->app, "");
}

static int action(tui_screen *base, enum tui_action a)
{
    struct totals_screen *s = (struct totals_screen *)base;
    tui_app *app = base->app;
    switch (a) {
    case ACT_SET_PERIOD:
        if (screens_prompt_period(app, "统计期间", s->period, sizeof s->period,
                                  s->from, s->to))
            compute(s);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_SET_ORG:
        if (screens_pick_org(app, s->ctx->db, "统计哪个组织的党员结对",
                             &s->scope.org_id, s->org_name,
                             sizeof s->org_name))
            compute(s);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_SET_GRID: {
        int64_t id = s->scope.grid_id;
        char path[600];
        if (screens_pick_grid(app, s->ctx->db, "统计哪里的帮扶对象",
                              "全部网格", 0, 0, &id, path, sizeof path)) {
            s->scope.grid_id = id;
            snprintf(s->grid_path, sizeof s->grid_path, "%s", id ? path : "");
            compute(s);
        }
        return TUI_HANDLED | TUI_REDRAW;
    }
    default:
        return TUI_UNHANDLED;
    }
}

static void resume(tui_screen *base)
{
    compute((struct totals_screen *)base);
}

static int tick(tui_screen *base)
{
    struct totals_screen *s = (struct totals_screen *)base;
    if (!db_changed_elsewhere(s->ctx->db))
        return TUI_UNHANDLED;
    compute(s);
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
    .action = action,
    .resume = resume,
    .tick = tick,
    .cursor = cursor,
    .destroy = destroy,
};

tui_screen *pair_totals_new(tui_app *app, struct zb_ctx *ctx)
{
    struct totals_screen *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    /* the half-year a summary is usually written for */
    char today[11];
    rules_today(today);
    snprintf(s->period, sizeof s->period, "%.4sH%c", today,
             strncmp(today + 5, "07", 2) < 0 ? '1' : '2');
    rules_period_parse(s->period, s->from, s->to);
    compute(s);
    return &s->base;
}
