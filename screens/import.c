/* 导入数据: the importer of src/io/import.h from the screen. The kind is
 * picked first (Esc there goes back to the menu); then the file, its
 * encoding and, for members, whether unknown organisations are created.
 * Every change of these re-runs the dry run, whose report (the same text
 * the command line prints) is shown below a fixed summary line and
 * scrolls. F2 imports for real after a confirmation, and only when the
 * dry run found no errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/import.h"
#include "io/report_text.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/key.h"

/* The kinds offered, in this order; those the importer does not know
 * (yet) are left out. */
static const struct {
    const char *name, *label;
} kinds[] = {
    {"members", "党员"},
    {"orgs", "党组织"},
    {"org-posts", "党组织任职"},
    {"grids", "网格"},
    {"grid-roles", "网格负责人"},
    {"households", "帮扶对象"},
    {"pairs", "结对"},
    {"visits", "走访记录"},
    {"meetings", "会议"},
    {"attendance", "考勤"},
};
#define NKINDS ((int)(sizeof kinds / sizeof kinds[0]))

static const struct {
    enum csv_encoding enc;
    const char *label, *item;
} encodings[] = {
    {CSV_ENC_AUTO, "自动识别", "自动识别（UTF-8 或 GB18030）"},
    {CSV_ENC_GB18030, "GB18030", "GB18030（GBK，旧版 Excel、WPS 另存的）"},
    {CSV_ENC_UTF8, "UTF-8", "UTF-8"},
};
#define NENCODINGS ((int)(sizeof encodings / sizeof encodings[0]))

static const struct tui_binding keymap[] = {
    {ACT_IMPORT, {TUI_FN(KEY_F(2)), 'y'}, true},
    {ACT_DRY_RUN, {'r'}, true},
    {ACT_IMPORT_FILE, {'f'}, true},
    {ACT_IMPORT_KIND, {'t'}, true},
    {ACT_IMPORT_ENCODING, {'e'}, false},
    {ACT_IMPORT_ORGS, {'o'}, false},
    {ACT_NONE, {0}, false},
};

enum state {
    ST_NO_FILE,    /* nothing run yet */
    ST_FAILED,     /* the import could not run (message in text) */
    ST_ERRORS,     /* rows with errors: cannot import */
    ST_EMPTY,      /* no data rows */
    ST_READY,      /* a clean dry run */
    ST_DONE        /* imported */
};

#define HEAD_ROWS 5    /* settings, a blank, the summary */

struct import_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    int kind;                  /* index in kinds */
    char typed[1024];          /* the path as typed */
    char path[1100];           /* ~ expanded, quotes dropped */
    int enc;                   /* index in encodings */
    bool create_orgs;
    enum state state;
    struct import_result res;
    char summary[256];
    char *text;                /* the importer's report */
    char *wrapped;             /* text wrapped to wrap_cols */
    int wrap_cols;
    const char **lines;        /* into wrapped */
    int nlines;
    int top;                   /* first line shown */
    int rows;                  /* report lines shown at the last draw */
};

static bool is_members(const struct import_screen *s)
{
    return strcmp(kinds[s->kind].name, "members") == 0;
}

/* "~/x.csv" -> "$HOME/x.csv"; quotes around a pasted path and blanks
 * around it dropped. Relative paths stay relative to the current
 * directory. */
static void expand_path(const char *typed, char *out, size_t outsz)
{
    while (*typed == ' ')
        typed++;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", typed);
    size_t n = strlen(buf);
    while (n > 0 && buf[n - 1] == ' ')
        buf[--n] = '\0';
    char *p = buf;
    if (n >= 2 && (buf[0] == '\'' || buf[0] == '"') && buf[n - 1] == buf[0]) {
        buf[n - 1] = '\0';
        p++;
    }
    const char *home = getenv("HOME");
    if (home && *home && p[0] == '~' && (p[1] == '/' || p[1] == '\0'))
        snprintf(out, outsz, "%s%s", home, p + 1);
    else
        snprintf(out, outsz, "%s", p);
}

static const char *validate_path(const char *text, void *ctx)
{
    (void)ctx;
    char path[1100];
    struct stat st;
    expand_path(text, path, sizeof path);
    if (!*path)
        return "请输入文件路径";
    if (stat(path, &st) != 0)
        return "找不到这个文件（路径相对于启动 zhibu 时的当前目录）";
    if (S_ISDIR(st.st_mode))
        return "这是一个文件夹，请输入其中的 CSV 文件";
    if (access(path, R_OK) != 0)
        return "没有读取这个文件的权限";
    return NULL;
}

/* ---- the report's lines ---- */

static void drop_lines(struct import_screen *s)
{
    free(s->wrapped);
    free(s->lines);
    s->wrapped = NULL;
    s->lines = NULL;
    s->nlines = 0;
    s->wrap_cols = 0;
}

static void set_text(struct import_screen *s, char *text)
{
    drop_lines(s);
    free(s->text);
    s->text = text;
    s->top = 0;
}

static void layout(struct import_screen *s, int cols)
{
    if (s->wrapped && s->wrap_cols == cols)
        return;
    drop_lines(s);
    if (!s->text || !(s->wrapped = report_text_wrap(s->text, cols)))
        return;
    int n = 1;
    for (const char *p = s->wrapped; *p; p++)
        n += *p == '\n';
    if (!(s->lines = malloc(sizeof *s->lines * (size_t)n))) {
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

/* The command line's hint, said the screen's way. */
static void reword(char *text)
{
    static const char cli[] = "加 --create-orgs 可自动新建";
    static const char tui[] = "按 o 可设为自动新建";
    char *p = text ? strstr(text, cli) : NULL;
    if (p) {   /* tui is shorter */
        memcpy(p, tui, sizeof tui - 1);
        memmove(p + sizeof tui - 1, p + sizeof cli - 1,
                strlen(p + sizeof cli - 1) + 1);
    }
}

/* ---- running the importer ---- */

static void run(struct import_screen *s, bool dry)
{
    tui_app *app = s->base.app;
    if (!*s->path) {
        s->state = ST_NO_FILE;
        return;
    }
    tui_app_status(app, dry ? "正在试运行……" : "正在导入……");
    tui_app_draw(app);
    struct import_options o = {
        .encoding = encodings[s->enc].enc,
        .dry_run = dry,
        .create_orgs = s->create_orgs,
    };
    char *report = NULL;
    zb_err e;
    int rc = import_file(s->ctx->db, kinds[s->kind].name, s->path, &o,
                         &s->res, &report, &e);
    reword(report);
    set_text(s, report);
    const struct import_result *r = &s->res;
    char more[64] = "";
    if (r->unchanged)
        snprintf(more, sizeof more, "，%ld 行与库中相同", r->unchanged);
    if (rc < 0) {
        s->state = ST_FAILED;
        snprintf(s->summary, sizeof s->summary, "无法%s，原因如下",
                 dry ? "试运行" : "导入");
        /* the message may be long (a path): wrapped with the report */
        const char *had = s->text ? s->text : "";
        size_t n = strlen(had) + strlen(e.msg) + 2;
        char *text = malloc(n);
        if (text) {
            snprintf(text, n, "%s%s\n", had, e.msg);
            set_text(s, text);
        }
    } else if (rc > 0) {
        s->state = ST_ERRORS;
        snprintf(s->summary, sizeof s->summary,
                 "%s：新增 %ld，更新 %ld，错误 %ld 行。有错误，不能导入",
                 dry ? "试运行" : "未导入", r->added, r->updated, r->errors);
    } else if (r->rows == 0) {
        s->state = ST_EMPTY;
        snprintf(s->summary, sizeof s->summary, "文件中没有数据行");
    } else if (dry) {
        s->state = ST_READY;
        snprintf(s->summary, sizeof s->summary,
                 "试运行：新增 %ld，更新 %ld，错误 0%s。按 F2 导入",
                 r->added, r->updated, more);
    } else {
        s->state = ST_DONE;
        snprintf(s->summary, sizeof s->summary, "已导入：新增 %ld，更新 %ld%s",
                 r->added, r->updated, more);
    }
    if (s->state == ST_FAILED)
        tui_app_error(app, "%s", e.msg);
    else if (s->state == ST_ERRORS)
        tui_app_error(app, "有 %ld 行错误，请改正文件后按 r 重新试运行",
                      r->errors);
    else
        tui_app_status(app, "%s", s->summary);
}

/* ---- the questions ---- */

static bool ask_kind(tui_app *app, int *kind)
{
    const char *items[NKINDS];
    int idx[NKINDS], n = 0, initial = -1;
    for (int i = 0; i < NKINDS; i++)
        if (import_kind_known(kinds[i].name)) {
            if (i == *kind)
                initial = n;
            idx[n] = i;
            items[n++] = kinds[i].label;
        }
    int k = tui_pick(app, "导入什么", items, n, initial);
    if (k < 0)
        return false;
    *kind = idx[k];
    return true;
}

static bool ask_file(struct import_screen *s)
{
    char buf[sizeof s->typed];
    snprintf(buf, sizeof buf, "%s", s->typed);
    if (!tui_prompt(s->base.app, "导入文件", "CSV 文件：", buf, sizeof buf,
                    500, validate_path, NULL))
        return false;
    snprintf(s->typed, sizeof s->typed, "%s", buf);
    expand_path(buf, s->path, sizeof s->path);
    return true;
}

static bool ask_encoding(struct import_screen *s)
{
    const char *items[NENCODINGS];
    for (int i = 0; i < NENCODINGS; i++)
        items[i] = encodings[i].item;
    int k = tui_pick(s->base.app, "文件编码", items, NENCODINGS, s->enc);
    if (k < 0)
        return false;
    s->enc = k;
    return true;
}

static bool ask_orgs(struct import_screen *s)
{
    s->create_orgs = tui_confirm(s->base.app, "党组织",
                                 "文件中不存在的党组织要自动新建吗？（否：只列出）",
                                 false);
    return true;
}

static int import_now(struct import_screen *s)
{
    tui_app *app = s->base.app;
    switch (s->state) {
    case ST_NO_FILE:
        tui_app_error(app, "请先按 f 选择要导入的文件");
        return TUI_HANDLED | TUI_REDRAW;
    case ST_FAILED:
        tui_app_error(app, "文件无法读取，不能导入");
        return TUI_HANDLED | TUI_REDRAW;
    case ST_ERRORS:
        tui_app_error(app, "有 %ld 行错误，不能导入：请改正文件后按 r 重新试运行",
                      s->res.errors);
        return TUI_HANDLED | TUI_REDRAW;
    case ST_EMPTY:
        tui_app_error(app, "文件中没有数据行，没有可导入的内容");
        return TUI_HANDLED | TUI_REDRAW;
    case ST_DONE:
        tui_app_error(app, "已经导入；要再导入请按 r 重新试运行");
        return TUI_HANDLED | TUI_REDRAW;
    case ST_READY:
        break;
    }
    const char *base = strrchr(s->path, '/');
    char msg[1400];
    snprintf(msg, sizeof msg, "把 %s 导入%s？新增 %ld，更新 %ld",
             base ? base + 1 : s->path, kinds[s->kind].label, s->res.added,
             s->res.updated);
    if (tui_confirm(app, "导入数据", msg, false))
        run(s, false);
    return TUI_HANDLED | TUI_REDRAW;
}

/* ---- the screen ---- */

static void set_title(struct import_screen *s)
{
    snprintf(s->base.title, sizeof s->base.title, "导入数据  %s",
             kinds[s->kind].label);
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct import_screen *s = (struct import_screen *)base;
    attr_t na = tui_style(STYLE_NORMAL), dim = tui_style(STYLE_DIM);
    char line[1400];
    snprintf(line, sizeof line, "导入内容：%s（t 更换）", kinds[s->kind].label);
    tui_put(w, 0, 0, line, wd, TEXT_LEFT, na);
    snprintf(line, sizeof line, "CSV 文件：%s（f 更换）",
             *s->path ? s->path : "未选择");
    tui_put(w, 1, 0, line, wd, TEXT_LEFT, na);
    snprintf(line, sizeof line, "文件编码：%s（e 更换）%s%s",
             encodings[s->enc].label,
             is_members(s) ? "    不存在的党组织：" : "",
             !is_members(s) ? ""
             : s->create_orgs ? "自动新建（o 切换）" : "只列出（o 切换）");
    tui_put(w, 2, 0, line, wd, TEXT_LEFT, na);
    tui_blank(w, 3, 0, wd, na);

    enum tui_style st = STYLE_HEADER;
    const char *sum = s->summary;
    if (s->state == ST_NO_FILE) {
        st = STYLE_DIM;
        sum = *s->path ? "按 r 试运行" : "请按 f 输入要导入的 CSV 文件路径";
    } else if (s->state == ST_FAILED) {
        st = STYLE_ERROR;
    } else if (s->state == ST_ERRORS || s->state == ST_EMPTY) {
        st = STYLE_WARN;
    }
    tui_put(w, 4, 0, sum, wd, TEXT_LEFT, tui_style(st));

    layout(s, wd);
    s->rows = h - HEAD_ROWS;
    if (s->rows < 1)
        s->rows = 1;
    if (s->top > s->nlines - s->rows)
        s->top = s->nlines - s->rows;
    if (s->top < 0)
        s->top = 0;
    for (int y = HEAD_ROWS; y < h; y++) {
        int i = s->top + y - HEAD_ROWS;
        const char *l = i < s->nlines ? s->lines[i] : "";
        /* section heads (错误（2 行）：) stand out from their items */
        bool head = l[0] && l[0] != ' ' && i > 0;
        tui_put(w, y, 0, l, wd, TEXT_LEFT, head ? tui_style(STYLE_HEADER)
                                                : i == 0 ? dim : na);
    }
    char pos[64] = "";
    if (s->nlines > s->rows) {
        int last = s->top + s->rows < s->nlines ? s->top + s->rows
                                                : s->nlines;
        snprintf(pos, sizeof pos, "第 %d-%d/%d 行", s->top + 1, last,
                 s->nlines);
    }
    tui_app_set_position(base->app, pos);
}

static int scroll_by(struct import_screen *s, int by)
{
    s->top += by;
    if (s->top > s->nlines - s->rows)
        s->top = s->nlines - s->rows;
    if (s->top < 0)
        s->top = 0;
    return TUI_HANDLED | TUI_REDRAW;
}

static int key(tui_screen *base, int k)
{
    struct import_screen *s = (struct import_screen *)base;
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

static int action(tui_screen *base, enum tui_action a)
{
    struct import_screen *s = (struct import_screen *)base;
    tui_app *app = base->app;
    switch (a) {
    case ACT_IMPORT_KIND:
        if (ask_kind(app, &s->kind)) {
            set_title(s);
            if (is_members(s) && *s->path)
                ask_orgs(s);
            run(s, true);
        }
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_IMPORT_FILE:
        if (ask_file(s))
            run(s, true);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_IMPORT_ENCODING:
        if (ask_encoding(s))
            run(s, true);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_IMPORT_ORGS:
        if (!is_members(s)) {
            tui_app_error(app, "只有导入党员时才会新建党组织");
            return TUI_HANDLED | TUI_REDRAW;
        }
        s->create_orgs = !s->create_orgs;
        run(s, true);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_DRY_RUN:
        if (!*s->path)
            tui_app_error(app, "请先按 f 选择要导入的文件");
        else
            run(s, true);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_IMPORT:
        return import_now(s);
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
    struct import_screen *s = (struct import_screen *)base;
    drop_lines(s);
    free(s->text);
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

int import_screen_open(tui_app *app, struct zb_ctx *ctx)
{
    int kind = 0;
    if (!ask_kind(app, &kind))
        return TUI_HANDLED | TUI_REDRAW;
    struct import_screen *s = calloc(1, sizeof *s);
    if (!s) {
        tui_app_error(app, "无法打开：内存不足");
        return TUI_HANDLED | TUI_REDRAW;
    }
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    s->kind = kind;
    set_title(s);
    tui_app_push(app, &s->base);
    /* the rest is asked over the screen; Esc leaves it as it is */
    if (ask_file(s) && ask_encoding(s) && (!is_members(s) || ask_orgs(s)))
        run(s, true);
    return TUI_HANDLED | TUI_REDRAW;
}
