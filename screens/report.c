/* 工作报表: the work-summary report (src/model/report.h) for a period and
 * an organisation, as the same plain text the command line prints,
 * wrapped to the screen and scrolled; it can be saved to a text file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/report_text.h"
#include "model/meeting.h"
#include "model/report.h"
#include "rules.h"
#include "rules_meeting.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/key.h"

static const struct tui_binding keymap[] = {
    {ACT_SET_PERIOD, {'t'}, true},
    {ACT_SET_ORG, {'o'}, true},
    {ACT_SAVE_FILE, {'w', TUI_FN(KEY_F(2))}, true},
    {ACT_NONE, {0}, false},
};

struct report_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    char period[16];
    char from[11], to[11];
    int64_t org;
    char org_name[128];
    struct report *r;         /* NULL when it could not be built */
    char *text;               /* the report as text */
    char *wrapped;            /* text wrapped to wrap_cols */
    int wrap_cols;
    const char **lines;       /* into wrapped */
    int nlines;
    int top;                  /* first line shown */
    int rows;                 /* lines shown at the last draw */
};

static void set_title(struct report_screen *s)
{
    char label[64];
    screens_period_label(s->period, label, sizeof label);
    snprintf(s->base.title, sizeof s->base.title, "工作报表  %s  %.60s",
             label, s->org ? s->org_name : "全部组织");
}

static void drop_lines(struct report_screen *s)
{
    free(s->wrapped);
    free(s->lines);
    s->wrapped = NULL;
    s->lines = NULL;
    s->nlines = 0;
    s->wrap_cols = 0;
}

/* Splits the text wrapped to cols into lines (again when cols changed). */
static void layout(struct report_screen *s, int cols)
{
    if (s->wrapped && s->wrap_cols == cols)
        return;
    drop_lines(s);
    if (!s->text)
        return;
    s->wrapped = report_text_wrap(s->text, cols);
    if (!s->wrapped)
        return;
    int n = 1;
    for (const char *p = s->wrapped; *p; p++)
        n += *p == '\n';
    s->lines = malloc(sizeof *s->lines * (size_t)n);
    if (!s->lines) {
        drop_lines(s);
        return;
    }
    s->wrap_cols = cols;
    for (char *p = s->wrapped; *p;) {
        s->lines[s->nlines++] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
}

static int load(struct report_screen *s)
{
    zb_err e;
    set_title(s);
    if (!rules_period_parse(s->period, s->from, s->to)) {
        char today[11];
        snprintf(s->period, sizeof s->period, "%.4s", rules_today(today));
        rules_period_parse(s->period, s->from, s->to);
    }
    struct compliance_config cc;
    compliance_config_default(&cc);
    if (s->ctx->cfg) {   /* the local 党课 rule, as the compliance screen */
        cc.lesson_unit = (enum period_unit)s->ctx->cfg->lesson_unit;
        cc.lesson_min = s->ctx->cfg->lesson_min;
    }
    drop_lines(s);
    free(s->text);
    s->text = NULL;
    s->top = 0;
    if (report_build(s->ctx->db, s->org, s->from, s->to, &cc, s->r, &e) != 0
        || !(s->text = report_text(s->r, &e)))
        tui_app_error(s->base.app, "%s", e.msg);
    return TUI_HANDLED | TUI_REDRAW;
}

static void clamp_top(struct report_screen *s)
{
    int max = s->nlines - s->rows;
    if (s->top > max)
        s->top = max;
    if (s->top < 0)
        s->top = 0;
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct report_screen *s = (struct report_screen *)base;
    attr_t na = tui_style(STYLE_NORMAL), hd = tui_style(STYLE_HEADER);
    layout(s, wd);
    s->rows = h;
    clamp_top(s);
    for (int y = 0; y < h; y++) {
        int i = s->top + y;
        const char *line = i < s->nlines ? s->lines[i] : "";
        /* section heads (一、… 五、) stand out */
        bool head = i < s->nlines && line[0] && line[0] != ' ' && i > 4;
        tui_put(w, y, 0, line, wd, TEXT_LEFT, head ? hd : na);
    }
    char pos[64] = "";
    if (s->nlines > 0) {
        int last = s->top + h < s->nlines ? s->top + h : s->nlines;
        snprintf(pos, sizeof pos, "第 %d-%d/%d 行", s->top + 1, last,
                 s->nlines);
    }
    tui_app_set_position(base->app, pos);
}

static int scroll_by(struct report_screen *s, int by)
{
    s->top += by;
    clamp_top(s);
    return TUI_HANDLED | TUI_REDRAW;
}

static int key(tui_screen *base, int k)
{
    struct report_screen *s = (struct report_screen *)base;
    int page = s->rows > 1 ? s->rows - 1 : 1;
    if (k == TUI_FN(KEY_DOWN) || k == 'j')
        return scroll_by(s, 1);
    if (k == TUI_FN(KEY_UP) || k == 'k')
        return scroll_by(s, -1);
    if (k == TUI_FN(KEY_NPAGE) || k == ' ')
        return scroll_by(s, page);
    if (k == TUI_FN(KEY_PPAGE))
        return scroll_by(s, -page);
    if (k == TUI_FN(KEY_HOME))
        return scroll_by(s, -s->nlines);
    if (k == TUI_FN(KEY_END))
        return scroll_by(s, s->nlines);
    return TUI_UNHANDLED;
}

static const char *validate_path(const char *text, void *ctx)
{
    (void)ctx;
    return *text ? NULL : "请输入文件名";
}

/* w: the text to a file in the current directory (or a path typed). */
static int save(struct report_screen *s)
{
    tui_app *app = s->base.app;
    if (!s->text) {
        tui_app_error(app, "没有可保存的报表");
        return TUI_HANDLED | TUI_REDRAW;
    }
    char label[64], path[1024];
    report_period_label(s->from, s->to, label, sizeof label);
    snprintf(path, sizeof path, "工作报表-%s.txt", label);
    for (char *p = path; *p; p++)
        if (*p == ' ')
            *p = '_';
    if (!tui_prompt(app, "保存报表", "文件名：", path, sizeof path, 200,
                    validate_path, NULL))
        return TUI_HANDLED | TUI_REDRAW;
    bool replace = false;
    if (access(path, F_OK) == 0) {
        char msg[1200];
        snprintf(msg, sizeof msg, "文件 %s 已存在，要覆盖吗？", path);
        if (!tui_confirm(app, "保存报表", msg, false))
            return TUI_HANDLED | TUI_REDRAW;
        replace = true;
    }
    zb_err e;
    if (report_text_file(s->r, path, replace, &e) != 0)
        tui_app_error(app, "%s", e.msg);
    else
        tui_app_status(app, "报表已保存到 %s", path);
    return TUI_HANDLED | TUI_REDRAW;
}

static int action(tui_screen *base, enum tui_action a)
{
    struct report_screen *s = (struct report_screen *)base;
    switch (a) {
    case ACT_SET_PERIOD: {
        char spec[16], from[11], to[11];
        snprintf(spec, sizeof spec, "%s", s->period);
        if (!screens_prompt_period(base->app, "报表期间", spec, sizeof spec,
                                   from, to))
            return TUI_HANDLED | TUI_REDRAW;
        if (*spec)   /* empty: keep the period */
            snprintf(s->period, sizeof s->period, "%s", spec);
        return load(s);
    }
    case ACT_SET_ORG:
        if (screens_pick_org(base->app, s->ctx->db, "报表范围", &s->org,
                             s->org_name, sizeof s->org_name))
            return load(s);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_SAVE_FILE:
        return save(s);
    default:
        return TUI_UNHANDLED;
    }
}

static void cursor(tui_screen *base, int *y, int *x)
{
    (void)base;
    *y = -1;
    *x = 0;
}

static void destroy(tui_screen *base)
{
    struct report_screen *s = (struct report_screen *)base;
    drop_lines(s);
    free(s->text);
    free(s->r);
    free(s);
}

static const struct tui_screen_ops ops = {
    .keymap = keymap,
    .draw = draw,
    .key = key,
    .action = action,
    .cursor = cursor,
    .destroy = destroy,
};

tui_screen *report_screen_new(tui_app *app, struct zb_ctx *ctx)
{
    struct report_screen *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->r = malloc(sizeof *s->r);
    if (!s->r) {
        free(s);
        return NULL;
    }
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    char today[11];
    snprintf(s->period, sizeof s->period, "%.4s", rules_today(today));
    load(s);
    return &s->base;
}
