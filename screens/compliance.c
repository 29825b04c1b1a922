/* 组织生活检查: meetings held against the 三会一课 minimums, one row per
 * organisation, one column per kind, over a period. The report is small
 * (one row per organisation), so it is loaded whole and the list is
 * served from memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/meeting.h"
#include "model/org.h"
#include "rules.h"
#include "rules_meeting.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/key.h"
#include "tui/listview.h"

/* The kinds with a minimum, in column order. */
static const int kinds[] = {MK_GENERAL, MK_COMMITTEE, MK_GROUP, MK_LESSON,
                            MK_THEME_DAY, MK_LIFE, MK_APPRAISAL};
#define NKINDS ((int)(sizeof kinds / sizeof kinds[0]))
#define NCOLS (NKINDS + 1)

/* Short headers so that the table fits 80 columns. */
static const struct lv_column columns[NCOLS] = {
    {"组织", 8, 40, TEXT_LEFT, true},
    {"党员大会", 6, 10, TEXT_LEFT, false},
    {"支委会", 6, 10, TEXT_LEFT, false},
    {"党小组会", 6, 10, TEXT_LEFT, false},
    {"党课", 4, 10, TEXT_LEFT, false},
    {"主题党日", 6, 10, TEXT_LEFT, false},
    {"组织生活会", 6, 10, TEXT_LEFT, false},
    {"民主评议", 6, 10, TEXT_LEFT, false},
};

static const struct tui_binding keymap[] = {
    {ACT_OPEN, {TUI_KEY_ENTER}, true},
    {ACT_SET_PERIOD, {'t'}, true},
    {ACT_SET_ORG, {'o'}, true},
    {ACT_FILTER, {'/'}, true},
    {ACT_NONE, {0}, false},
};

/* Rows come in tree order: names are indented by depth (several 党小组
 * are called 第一党小组), and the filter matches the whole path. */
struct row_info {
    char label[200];
    char path[512];
};

struct compliance_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    int64_t root;
    char root_name[128];
    char period[16];
    char from[11], to[11];    /* the period */
    char today[11];
    struct compliance_config cfg;
    struct compliance_row *rows;
    int nrows;
    struct row_info *info;    /* per row: indented name, path */
    int *shown;               /* indexes of rows matching the filter */
    int nshown;
    int gaps;                 /* rows with a gap */
    listview *lv;
};

static const struct compliance_kind *find_kind(const struct compliance_row *r,
                                               int kind)
{
    for (int i = 0; i < r->nkinds; i++)
        if (r->kinds[i].kind == kind)
            return &r->kinds[i];
    return NULL;
}

static int refilter(struct compliance_screen *s, const char *filter,
                    zb_err *err)
{
    free(s->shown);
    s->shown = malloc(sizeof *s->shown * (size_t)(s->nrows ? s->nrows : 1));
    s->nshown = 0;
    if (!s->shown)
        return zb_fail(err, "内存不足");
    for (int i = 0; i < s->nrows; i++)
        if (!filter || !*filter || text_contains_ci(s->info[i].path, filter))
            s->shown[s->nshown++] = i;
    return 0;
}

/* The list asks again with every filter change; the report itself is
 * only loaded by load(). */
static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct compliance_screen *s = ctx;
    if (refilter(s, filter, err) != 0)
        return -1;
    *n = s->nshown;
    return 0;
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    struct compliance_screen *s = ctx;
    (void)filter;
    for (long i = offset; i < offset + limit && i < s->nshown; i++) {
        const struct compliance_row *r = &s->rows[s->shown[i]];
        char cells[NKINDS][32];
        const char *cp[NCOLS];
        cp[0] = s->info[s->shown[i]].label;
        for (int k = 0; k < NKINDS; k++) {
            const struct compliance_kind *ck = find_kind(r, kinds[k]);
            cells[k][0] = '\0';
            if (ck && ck->missing_windows > 0)
                snprintf(cells[k], sizeof cells[k], "%d/%d缺%d", ck->held,
                         ck->required, ck->missing_windows);
            else if (ck)
                snprintf(cells[k], sizeof cells[k], "%d/%d", ck->held,
                         ck->required);
            cp[k + 1] = cells[k];
        }
        if (lv_rowset_add(rs, r->org_id,
                          r->gaps ? LV_MARK_WARN : LV_MARK_NONE, cp) != 0)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

static int src_locate(void *ctx, const char *filter, int64_t id, long *pos,
                      zb_err *err)
{
    struct compliance_screen *s = ctx;
    (void)filter;
    (void)err;
    *pos = -1;
    for (int i = 0; i < s->nshown; i++)
        if (s->rows[s->shown[i]].org_id == id)
            *pos = i;
    return 0;
}

static const struct lv_source source = {src_count, src_fetch, src_locate};

/* ---- screen ---- */

static void set_title(struct compliance_screen *s)
{
    char label[64];
    screens_period_label(s->period, label, sizeof label);
    snprintf(s->base.title, sizeof s->base.title, "组织生活检查  %s  %.60s",
             label, s->root ? s->root_name : "全部组织");
}

static void set_dates(struct compliance_screen *s)
{
    if (!rules_period_parse(s->period, s->from, s->to)) {
        snprintf(s->period, sizeof s->period, "%.4s", s->today);
        rules_period_parse(s->period, s->from, s->to);
    }
}

static int describe_rows(struct compliance_screen *s, zb_err *err)
{
    struct org_item *orgs = NULL;
    int norgs = 0;
    s->info = calloc((size_t)(s->nrows ? s->nrows : 1), sizeof *s->info);
    if (!s->info)
        return zb_fail(err, "内存不足");
    if (org_list(s->ctx->db, &orgs, &norgs, err) != 0)
        return -1;
    int *depth = calloc((size_t)(s->nrows ? s->nrows : 1), sizeof *depth);
    if (!depth) {
        free(orgs);
        return zb_fail(err, "内存不足");
    }
    int top = 1 << 20;
    for (int i = 0; i < s->nrows; i++) {
        const char *path = s->rows[i].org_name;
        for (int k = 0; k < norgs; k++)
            if (orgs[k].id == s->rows[i].org_id) {
                depth[i] = orgs[k].depth;
                path = orgs[k].path;
                break;
            }
        snprintf(s->info[i].path, sizeof s->info[i].path, "%s", path);
        if (depth[i] < top)
            top = depth[i];
    }
    for (int i = 0; i < s->nrows; i++) {
        int indent = 2 * (depth[i] - top);
        if (indent > 12)
            indent = 12;
        snprintf(s->info[i].label, sizeof s->info[i].label, "%*s%.127s",
                 indent, "", s->rows[i].org_name);
    }
    free(depth);
    free(orgs);
    return 0;
}

static int load(struct compliance_screen *s)
{
    zb_err e;
    set_title(s);
    set_dates(s);
    free(s->rows);
    free(s->info);
    s->rows = NULL;
    s->info = NULL;
    s->nrows = 0;
    s->gaps = 0;
    if (compliance_report(s->ctx->db, s->root, s->from, s->to, &s->cfg,
                          &s->rows, &s->nrows, &e) != 0 ||
        describe_rows(s, &e) != 0) {
        tui_app_error(s->base.app, "%s", e.msg);
        free(s->rows);
        s->rows = NULL;
        s->nrows = 0;
    }
    for (int i = 0; i < s->nrows; i++)
        if (s->rows[i].gaps)
            s->gaps++;
    if (lv_reload(s->lv, &e) != 0)
        tui_app_error(s->base.app, "%s", e.msg);
    return TUI_HANDLED | TUI_REDRAW;
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct compliance_screen *s = (struct compliance_screen *)base;
    attr_t na = tui_style(STYLE_NORMAL);
    char line[256], upto[64] = "";
    /* the model judges only windows that have ended by today */
    if (strcmp(s->to, s->today) > 0)
        snprintf(upto, sizeof upto, "（统计到 %s）", s->today);
    snprintf(line, sizeof line, "期间：%s 至 %s%s    %d 个组织，%d 个有缺口",
             s->from, s->to, upto, s->nrows, s->gaps);
    tui_put(w, 0, 0, line, wd, TEXT_LEFT, s->gaps ? tui_style(STYLE_WARN) : na);
    tui_put(w, 1, 0,
            "已开/应开；缺N：N 个已结束的月（季、年）未达最低次数；空白：不适用",
            wd, TEXT_LEFT, tui_style(STYLE_DIM));
    lv_draw(s->lv, w, 2, 0, h - 2, wd);
    char pos[64];
    lv_position_text(s->lv, pos, sizeof pos);
    tui_app_set_position(base->app, pos);
}

static int key(tui_screen *base, int k)
{
    struct compliance_screen *s = (struct compliance_screen *)base;
    if (!lv_filtering(s->lv)) {
        if (k == TUI_KEY_ESC && *lv_filter(s->lv)) {
            lv_set_filter(s->lv, "");
            return TUI_HANDLED | TUI_REDRAW;
        }
        if (tui_keymap_lookup(keymap, k) != ACT_NONE)
            return TUI_UNHANDLED;
    }
    return lv_key(s->lv, k);
}

static const struct compliance_row *selected(struct compliance_screen *s)
{
    long c = lv_cursor(s->lv);
    if (lv_count(s->lv) == 0 || c < 0 || c >= s->nshown)
        return NULL;
    return &s->rows[s->shown[c]];
}

static const char *unit_word(enum period_unit u)
{
    return u == PERIOD_MONTH ? "个月" : u == PERIOD_QUARTER ? "个季度" : "年";
}

/* Enter: the kinds this organisation fell short of, each with its first
 * gap; the one picked opens the meetings of that organisation and kind. */
static int open_row(struct compliance_screen *s)
{
    const struct compliance_row *r = selected(s);
    if (!r)
        return TUI_HANDLED;
    int64_t org = r->org_id;
    int kind = 0;
    if (r->gaps) {
        char labels[MK_COUNT][200];
        const char *items[MK_COUNT];
        int kind_of[MK_COUNT], n = 0;
        for (int i = 0; i < r->nkinds && n < MK_COUNT; i++) {
            const struct compliance_kind *ck = &r->kinds[i];
            if (ck->missing_windows <= 0)
                continue;
            struct period_window w;
            char first[64] = "";
            if (rules_date_valid(ck->first_gap)) {
                rules_window_of(ck->first_gap, ck->unit, &w);
                rules_window_label(&w, ck->unit, first, sizeof first);
            }
            snprintf(labels[n], sizeof labels[n],
                     "%s：已开 %d / 应开 %d，%d %s未开，首个 %s",
                     domain_meeting_kind[ck->kind], ck->held, ck->required,
                     ck->missing_windows, unit_word(ck->unit), first);
            items[n] = labels[n];
            kind_of[n++] = ck->kind;
        }
        char title[200];
        snprintf(title, sizeof title, "%.120s 的缺口：", r->org_name);
        int i = tui_pick(s->base.app, title, items, n, 0);
        if (i < 0)
            return TUI_HANDLED | TUI_REDRAW;
        kind = kind_of[i];
    }
    tui_screen *next = meetings_screen_new(s->base.app, s->ctx, org, kind);
    if (!next) {
        tui_app_error(s->base.app, "无法打开");
        return TUI_HANDLED | TUI_REDRAW;
    }
    tui_app_push(s->base.app, next);
    return TUI_HANDLED | TUI_REDRAW;
}

static int action(tui_screen *base, enum tui_action a)
{
    struct compliance_screen *s = (struct compliance_screen *)base;
    switch (a) {
    case ACT_OPEN:
        return open_row(s);
    case ACT_SET_PERIOD: {
        char spec[16], from[11], to[11];
        snprintf(spec, sizeof spec, "%s", s->period);
        if (!screens_prompt_period(base->app, "检查期间", spec, sizeof spec,
                                   from, to))
            return TUI_HANDLED | TUI_REDRAW;
        if (!*spec)   /* empty: back to the current year */
            snprintf(spec, sizeof spec, "%.4s", s->today);
        snprintf(s->period, sizeof s->period, "%s", spec);
        return load(s);
    }
    case ACT_SET_ORG:
        if (screens_pick_org(base->app, s->ctx->db, "检查范围", &s->root,
                             s->root_name, sizeof s->root_name))
            return load(s);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_FILTER:
        lv_filter_start(s->lv);
        return TUI_HANDLED | TUI_REDRAW;
    default:
        return TUI_UNHANDLED;
    }
}

static void resume(tui_screen *base)
{
    load((struct compliance_screen *)base);
}

static int tick(tui_screen *base)
{
    struct compliance_screen *s = (struct compliance_screen *)base;
    if (!db_changed_elsewhere(s->ctx->db))
        return TUI_UNHANDLED;
    return load(s);
}

static void cursor(tui_screen *base, int *y, int *x)
{
    struct compliance_screen *s = (struct compliance_screen *)base;
    lv_cursor_pos(s->lv, y, x);
}

static void destroy(tui_screen *base)
{
    struct compliance_screen *s = (struct compliance_screen *)base;
    lv_free(s->lv);
    free(s->rows);
    free(s->info);
    free(s->shown);
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

tui_screen *compliance_screen_new(tui_app *app, struct zb_ctx *ctx)
{
    struct compliance_screen *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    rules_today(s->today);
    snprintf(s->period, sizeof s->period, "%.4s", s->today);
    compliance_config_default(&s->cfg);
    if (ctx->cfg) {   /* local rules for 党课 (config: lesson-unit, lesson-min) */
        s->cfg.lesson_unit = (enum period_unit)ctx->cfg->lesson_unit;
        s->cfg.lesson_min = ctx->cfg->lesson_min;
    }
    s->lv = lv_new(columns, NCOLS, &source, s);
    if (!s->lv) {
        free(s);
        return NULL;
    }
    load(s);
    return &s->base;
}
