/* The roll of a meeting (考勤): one key per person, the cursor moving on,
 * a scan mode for barcode scanners, and compare-and-set marks so that two
 * people taking the same roll never overwrite each other silently. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain.h"
#include "io/signin.h"
#include "lineedit.h"
#include "model/attendance.h"
#include "model/meeting.h"
#include "model/member.h"
#include "model/org.h"
#include "rules_meeting.h"
#include "screens.h"
#include "text.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/key.h"
#include "tui/listview.h"

enum { COL_NAME, COL_NO, COL_ORG, COL_CATEGORY, COL_STATE, COL_REASON,
       COL_BY, NCOLS };

static const struct lv_column columns[NCOLS] = {
    [COL_NAME] = {"姓名", 6, 12, TEXT_LEFT, false},
    [COL_NO] = {"党员编号", 8, 8, TEXT_LEFT, false},
    [COL_ORG] = {"所在组织", 8, 30, TEXT_LEFT, true},
    [COL_CATEGORY] = {"类别", 4, 4, TEXT_LEFT, false},
    [COL_STATE] = {"状态", 6, 6, TEXT_LEFT, false},
    [COL_REASON] = {"原因", 4, 24, TEXT_LEFT, true},
    [COL_BY] = {"登记人", 6, 12, TEXT_LEFT, false},
};

/* Order is the hint bar's priority: at 80 columns the first six show. */
static const struct tui_binding keymap[] = {
    {ACT_MARK_PRESENT, {'1', ' '}, true},
    {ACT_MARK_LEAVE, {'2'}, true},
    {ACT_MARK_ABSENT, {'3'}, true},
    {ACT_MARK_LATE, {'4'}, true},
    {ACT_SCAN, {'/'}, true},
    {ACT_UNDO, {'u'}, true},
    {ACT_ALL_PRESENT, {'A'}, true},
    {ACT_ADD_GUEST, {'a', '+'}, true},
    {ACT_PRINT, {'p'}, true},
    {ACT_MARK_CLEAR, {'0', 'x'}, false},
    {ACT_NONE, {0}, false},
};

#define SCAN_LABEL "扫码签到："
#define SCAN_MAX_CHARS 40
#define FIND_MAX 50

struct undo_entry {
    int64_t row_id;
    int prev_state;
    char prev_reason[128];
    int new_state;
    int group;        /* entries of one 全到 share a group */
};

struct roll_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    int64_t meeting_id;
    int kind;
    char date[11];
    listview *lv;
    struct att_totals tot;
    bool tot_ok;
    /* The rows the list shows (the last window fetched): their versions
     * are what a mark compares against. */
    struct att_row *rows;
    int nrows, rows_cap;
    struct undo_entry *undo;
    int nundo, undo_cap, next_group;
    bool scanning;
    lineedit scan;
    char scan_msg[400];   /* the last scan's result, kept until the next */
    bool scan_err;
    int cur_y, cur_x;
};

/* ---- the list's data source ---- */

static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    struct roll_screen *s = ctx;
    return attendance_count(s->ctx->db, s->meeting_id, filter, n, err);
}

static const char *category_label(const struct att_row *r)
{
    if (r->state == ATT_GUEST && r->category == 0)
        return "-";
    return r->category == CATEGORY_FULL ? "正式"
         : r->category == CATEGORY_PROBATION ? "预备" : "-";
}

static const char *state_label(int state)
{
    return state >= 0 && state < DOMAIN_ATT_STATE_N ? domain_att_state[state]
                                                    : "?";
}

static int row_mark(int state)
{
    switch (state) {
    case ATT_PRESENT:
    case ATT_LATE:
        return LV_MARK_GOOD;
    case ATT_LEAVE:
    case ATT_ABSENT:
        return LV_MARK_WARN;
    case ATT_GUEST:
        return LV_MARK_DIM;
    default:
        return LV_MARK_NONE;
    }
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    struct roll_screen *s = ctx;
    s->nrows = 0;
    if (limit > s->rows_cap) {
        struct att_row *r = realloc(s->rows, sizeof *r * (size_t)limit);
        if (!r)
            return zb_fail(err, "内存不足");
        s->rows = r;
        s->rows_cap = limit;
    }
    int n = 0;
    if (attendance_window(s->ctx->db, s->meeting_id, filter, offset, limit,
                          s->rows, &n, err) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        const struct att_row *r = &s->rows[i];
        const char *cells[NCOLS] = {
            [COL_NAME] = r->name,
            [COL_NO] = r->member_no,
            [COL_ORG] = r->group_name,
            [COL_CATEGORY] = category_label(r),
            [COL_STATE] = state_label(r->state),
            [COL_REASON] = r->reason,
            [COL_BY] = r->marked_by,
        };
        if (lv_rowset_add(rs, r->id, row_mark(r->state), cells) != 0)
            return zb_fail(err, "内存不足");
    }
    s->nrows = n;
    return 0;
}

static int src_locate(void *ctx, const char *filter, int64_t id, long *pos,
                      zb_err *err)
{
    struct roll_screen *s = ctx;
    return attendance_position(s->ctx->db, s->meeting_id, filter, id, pos,
                               err);
}

static const struct lv_source source = {src_count, src_fetch, src_locate};

/* ---- helpers ---- */

static void reload(struct roll_screen *s)
{
    zb_err e;
    if (lv_reload(s->lv, &e) != 0)
        tui_app_error(s->base.app, "%s", e.msg);
    s->tot_ok = attendance_totals(s->ctx->db, s->meeting_id, &s->tot,
                                  &e) == 0;
    if (!s->tot_ok)
        tui_app_error(s->base.app, "%s", e.msg);
}

/* The row as the screen shows it (its version is what we compare
 * against); falls back to the stored row when it is not in view. */
static int shown_row(struct roll_screen *s, int64_t id, struct att_row *out,
                     zb_err *err)
{
    for (int i = 0; i < s->nrows; i++)
        if (s->rows[i].id == id) {
            *out = s->rows[i];
            return 0;
        }
    return attendance_get(s->ctx->db, id, out, err);
}

static void move_to_row(struct roll_screen *s, int64_t id)
{
    long pos = -1;
    zb_err e;
    if (attendance_position(s->ctx->db, s->meeting_id, lv_filter(s->lv), id,
                            &pos, &e) == 0 && pos >= 0)
        lv_set_cursor(s->lv, pos);
}

static int push_undo(struct roll_screen *s, const struct att_row *before,
                     int new_state, int group)
{
    if (s->nundo == s->undo_cap) {
        int cap = s->undo_cap ? s->undo_cap * 2 : 64;
        struct undo_entry *u = realloc(s->undo, sizeof *u * (size_t)cap);
        if (!u)
            return -1;
        s->undo = u;
        s->undo_cap = cap;
    }
    struct undo_entry *u = &s->undo[s->nundo++];
    u->row_id = before->id;
    u->prev_state = before->state;
    snprintf(u->prev_reason, sizeof u->prev_reason, "%s", before->reason);
    u->new_state = new_state;
    u->group = group;
    return 0;
}

static const char *who(const struct att_row *r)
{
    return r->marked_by[0] ? r->marked_by : "其他用户";
}

static void conflict_message(struct roll_screen *s, const struct att_row *cur)
{
    tui_app_error(s->base.app, "%s 已被 %s 标记为 %s，未覆盖", cur->name,
                  who(cur), state_label(cur->state));
}

/* attendance_mark with the shown version. Returns ATT_MARKED,
 * ATT_CONFLICT (message shown, list reloaded) or -1 (message shown). */
static int mark_row(struct roll_screen *s, const struct att_row *r, int state,
                    const char *reason)
{
    struct att_row cur;
    zb_err e;
    int rc = attendance_mark(s->ctx->db, r->id, r->version, state,
                             reason ? reason : "", &cur, &e);
    if (rc < 0) {
        tui_app_error(s->base.app, "%s", e.msg);
        return -1;
    }
    if (rc == ATT_CONFLICT) {
        reload(s);
        conflict_message(s, &cur);
        return ATT_CONFLICT;
    }
    if (push_undo(s, r, state, ++s->next_group) != 0)
        tui_app_error(s->base.app, "内存不足：此标记无法撤销");
    return ATT_MARKED;
}

/* ---- marks from keys ---- */

static int mark_selected(struct roll_screen *s, int state)
{
    tui_app *app = s->base.app;
    int64_t id = lv_selected_id(s->lv);
    if (!id) {
        tui_app_error(app, "名单为空，没有可标记的人员");
        return TUI_HANDLED | TUI_REDRAW;
    }
    struct att_row r;
    zb_err e;
    if (shown_row(s, id, &r, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (r.state == ATT_GUEST) {
        tui_app_error(app, "%s 是列席人员，不参加考勤标记", r.name);
        return TUI_HANDLED | TUI_REDRAW;
    }
    char reason[400] = "";
    if (state == ATT_LEAVE) {
        if (r.state == ATT_LEAVE)
            snprintf(reason, sizeof reason, "%s", r.reason);
        char title[300];
        snprintf(title, sizeof title, "请假：%s", r.name);
        if (!tui_prompt(app, title, "请假原因（可不填，回车确定）：", reason,
                        sizeof reason, 40, NULL, NULL)) {
            tui_app_status(app, "未标记");
            return TUI_HANDLED | TUI_REDRAW;
        }
    }
    if (state == ATT_NONE && r.state == ATT_NONE)
        return TUI_HANDLED | TUI_REDRAW;
    if (r.state == state && strcmp(r.reason, reason) == 0) {
        /* nothing to write: just move on */
        tui_app_status(app, "%s 已是 %s", r.name, state_label(state));
        lv_set_cursor(s->lv, lv_cursor(s->lv) + 1);
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (mark_row(s, &r, state, reason) != ATT_MARKED)
        return TUI_HANDLED | TUI_REDRAW;
    reload(s);
    if (state == ATT_NONE) {
        tui_app_status(app, "已清除：%s", r.name);
    } else {
        tui_app_status(app, "%s：%s", r.name, state_label(state));
        lv_set_cursor(s->lv, lv_cursor(s->lv) + 1);
    }
    return TUI_HANDLED | TUI_REDRAW;
}

static int undo_last(struct roll_screen *s)
{
    tui_app *app = s->base.app;
    if (s->nundo == 0) {
        tui_app_status(app, "没有可撤销的标记");
        return TUI_HANDLED | TUI_REDRAW;
    }
    int group = s->undo[s->nundo - 1].group;
    int undone = 0, skipped = 0;
    char last_name[MEMBER_NAME_CHARS * 4 + 1] = "";
    char problem[700] = "";
    int64_t last_id = 0;
    int last_state = ATT_NONE;
    while (s->nundo > 0 && s->undo[s->nundo - 1].group == group) {
        struct undo_entry u = s->undo[--s->nundo];
        struct att_row cur, after;
        zb_err e;
        if (attendance_get(s->ctx->db, u.row_id, &cur, &e) != 0) {
            snprintf(problem, sizeof problem, "%s", e.msg);
            skipped++;
            continue;
        }
        if (cur.state != u.new_state) {
            /* someone changed it after us: theirs stands */
            snprintf(problem, sizeof problem, "%s 已被 %s 改为 %s，未撤销",
                     cur.name, who(&cur), state_label(cur.state));
            skipped++;
            continue;
        }
        int rc = attendance_mark(s->ctx->db, cur.id, cur.version,
                                 u.prev_state, u.prev_reason, &after, &e);
        if (rc == ATT_MARKED) {
            undone++;
            last_id = cur.id;
            last_state = u.prev_state;
            snprintf(last_name, sizeof last_name, "%s", cur.name);
        } else {
            if (rc == ATT_CONFLICT)
                snprintf(problem, sizeof problem,
                         "%s 已被 %s 标记为 %s，未撤销", after.name,
                         who(&after), state_label(after.state));
            else
                snprintf(problem, sizeof problem, "%s", e.msg);
            skipped++;
        }
    }
    reload(s);
    if (last_id)
        move_to_row(s, last_id);
    if (skipped)
        tui_app_error(app, "%s", problem);
    else if (undone == 1)
        tui_app_status(app, "已撤销：%s 恢复为 %s", last_name,
                       state_label(last_state));
    else
        tui_app_status(app, "已撤销：%d 人恢复为未签到", undone);
    return TUI_HANDLED | TUI_REDRAW;
}

/* The first max unmarked rows in roll order (to undo a 全到 row by
 * row; to open where the roll was left). Malloc'ed ids. */
static int unmarked_rows(struct roll_screen *s, long max, int64_t **ids,
                         int *n, zb_err *err)
{
    long count = 0;
    *ids = NULL;
    *n = 0;
    if (attendance_count(s->ctx->db, s->meeting_id, "", &count, err) != 0)
        return -1;
    if (count > max)
        count = max;
    if (count <= 0)
        return 0;
    int64_t *out = malloc(sizeof *out * (size_t)count);
    struct att_row *buf = malloc(sizeof *buf * 100);
    if (!out || !buf) {
        free(out);
        free(buf);
        return zb_fail(err, "内存不足");
    }
    int k = 0;
    for (long off = 0; k < count; off += 100) {
        int got = 0;
        if (attendance_window(s->ctx->db, s->meeting_id, "", off, 100, buf,
                              &got, err) != 0) {
            free(out);
            free(buf);
            return -1;
        }
        for (int i = 0; i < got && k < count; i++)
            if (buf[i].state == ATT_NONE)
                out[k++] = buf[i].id;
        if (got < 100)
            break;
    }
    free(buf);
    *ids = out;
    *n = k;
    return 0;
}

static int all_present(struct roll_screen *s)
{
    tui_app *app = s->base.app;
    reload(s);
    if (!s->tot_ok)
        return TUI_HANDLED | TUI_REDRAW;
    if (s->tot.unmarked == 0) {
        tui_app_status(app, "没有未签到的人员");
        return TUI_HANDLED | TUI_REDRAW;
    }
    char msg[200];
    snprintf(msg, sizeof msg, "把 %d 名未签到人员标记为出席？", s->tot.unmarked);
    if (!tui_confirm(app, "全部出席", msg, false)) {
        tui_app_status(app, "未标记");
        return TUI_HANDLED | TUI_REDRAW;
    }
    zb_err e;
    int64_t *ids = NULL;
    int nids = 0;
    if (unmarked_rows(s, s->tot.unmarked, &ids, &nids, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    long n = 0;
    if (attendance_mark_all(s->ctx->db, s->meeting_id, ATT_PRESENT, &n,
                            &e) != 0) {
        free(ids);
        tui_app_error(app, "%s", e.msg);
        reload(s);
        return TUI_HANDLED | TUI_REDRAW;
    }
    int group = ++s->next_group;
    struct att_row none = {0};
    none.state = ATT_NONE;
    for (int i = 0; i < nids; i++) {
        none.id = ids[i];
        if (push_undo(s, &none, ATT_PRESENT, group) != 0)
            break;
    }
    free(ids);
    reload(s);
    tui_app_status(app, "已把 %ld 人标记为出席（u 可撤销）", n);
    return TUI_HANDLED | TUI_REDRAW;
}

/* ---- 列席 guests ---- */

static const char *not_empty(const char *text, void *ctx)
{
    (void)ctx;
    for (const char *p = text; *p; p++)
        if (*p != ' ')
            return NULL;
    return "请输入姓名或党员编号";
}

static void trim(char *t)
{
    size_t len = strlen(t);
    while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\t'))
        t[--len] = 0;
    size_t lead = strspn(t, " \t");
    memmove(t, t + lead, strlen(t + lead) + 1);
}

static bool all_digits(const char *t)
{
    if (!*t)
        return false;
    for (; *t; t++)
        if (*t < '0' || *t > '9')
            return false;
    return true;
}

static void free_items(char **items, int n)
{
    for (int i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

/* Adds a guest (a member off the roll, or a person by name) and puts
 * the cursor on the new row. */
static void add_guest_row(struct roll_screen *s, int64_t member_id,
                          const char *name)
{
    int64_t row = 0;
    zb_err e;
    if (attendance_add_guest(s->ctx->db, s->meeting_id, member_id, name,
                             &row, &e) != 0) {
        tui_app_error(s->base.app, "%s", e.msg);
        return;
    }
    reload(s);
    move_to_row(s, row);
    tui_app_status(s->base.app, "已登记列席：%s", name);
}

/* Members whose name or number is exactly t: up to max ids. */
static int exact_members(struct roll_screen *s, const char *t,
                         struct member_row *rows, int max, int *n,
                         zb_err *err)
{
    struct member_query q = {.filter = t, .sort = MEMBER_SORT_PINYIN};
    struct member_row *buf = malloc(sizeof *buf * FIND_MAX);
    if (!buf)
        return zb_fail(err, "内存不足");
    int got = 0;
    if (member_window(s->ctx->db, &q, 0, FIND_MAX, buf, &got, err) != 0) {
        free(buf);
        return -1;
    }
    *n = 0;
    for (int i = 0; i < got && *n < max; i++)
        if (strcmp(buf[i].name, t) == 0 || strcmp(buf[i].member_no, t) == 0)
            rows[(*n)++] = buf[i];
    free(buf);
    return 0;
}

static int add_guest(struct roll_screen *s)
{
    tui_app *app = s->base.app;
    char text[400] = "";
    if (!tui_prompt(app, "添加列席人员", "姓名或党员编号：", text,
                    sizeof text, MEMBER_NAME_CHARS, not_empty, NULL))
        return TUI_HANDLED | TUI_REDRAW;
    trim(text);
    struct member_row found[8];
    int n = 0;
    zb_err e;
    if (exact_members(s, text, found, 8, &n, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (n == 0) {
        if (all_digits(text))
            tui_app_error(app, "未找到党员编号：%s", text);
        else
            add_guest_row(s, 0, text);
        return TUI_HANDLED | TUI_REDRAW;
    }
    int pick = 0;
    if (n > 1 || !all_digits(text)) {
        /* same-named members, or a non-member of that name */
        char **items = calloc((size_t)n + 1, sizeof *items);
        if (!items) {
            tui_app_error(app, "内存不足");
            return TUI_HANDLED | TUI_REDRAW;
        }
        int k = 0;
        for (; k < n; k++) {
            char line[400];
            snprintf(line, sizeof line, "%s  %s  %s", found[k].name,
                     found[k].org_name, found[k].member_no);
            if (!(items[k] = strdup(line)))
                break;
        }
        if (k == n)
            items[k] = strdup("不是党员：仅登记姓名");
        if (k < n || !items[k]) {
            free_items(items, k + 1);
            tui_app_error(app, "内存不足");
            return TUI_HANDLED | TUI_REDRAW;
        }
        pick = tui_pick(app, "列席人员是：", (const char *const *)items,
                        n + 1, 0);
        free_items(items, n + 1);
        if (pick < 0)
            return TUI_HANDLED | TUI_REDRAW;
    }
    if (pick == n)
        add_guest_row(s, 0, text);
    else
        add_guest_row(s, found[pick].id, found[pick].name);
    return TUI_HANDLED | TUI_REDRAW;
}

/* ---- scan mode ---- */

static void scan_result(struct roll_screen *s, bool error, const char *fmt,
                        ...) __attribute__((format(printf, 3, 4)));
static void scan_result(struct roll_screen *s, bool error, const char *fmt,
                        ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->scan_msg, sizeof s->scan_msg, fmt, ap);
    va_end(ap);
    s->scan_err = error;
    if (error)
        tui_app_error(s->base.app, "%s", s->scan_msg);
    else
        tui_app_status(s->base.app, "%s", s->scan_msg);
}

static void scan_mark(struct roll_screen *s, int64_t row_id)
{
    struct att_row r;
    zb_err e;
    if (attendance_get(s->ctx->db, row_id, &r, &e) != 0) {
        scan_result(s, true, "%s", e.msg);
        return;
    }
    char who_org[400];
    snprintf(who_org, sizeof who_org, "%s（%s）", r.name, r.group_name);
    if (r.state == ATT_PRESENT || r.state == ATT_LATE) {
        reload(s);
        move_to_row(s, r.id);
        scan_result(s, false, "%s 已签到（%s），无需重复", who_org,
                    state_label(r.state));
        return;
    }
    if (r.state == ATT_GUEST) {
        reload(s);
        move_to_row(s, r.id);
        scan_result(s, false, "%s 已登记为列席", who_org);
        return;
    }
    if (r.state == ATT_LEAVE) {
        reload(s);
        move_to_row(s, r.id);
        scan_result(s, true, "%s 已请假；如已到会，请按 1 标记出席",
                    who_org);
        return;
    }
    int rc = mark_row(s, &r, ATT_PRESENT, "");
    if (rc < 0) {
        s->scan_err = true;
        snprintf(s->scan_msg, sizeof s->scan_msg, "未签到：%s", r.name);
        return;
    }
    reload(s);
    move_to_row(s, r.id);
    if (rc == ATT_CONFLICT) {
        s->scan_err = true;
        snprintf(s->scan_msg, sizeof s->scan_msg,
                 "%s 已被其他用户修改，未覆盖", r.name);
        return;
    }
    char count[64] = "";
    if (s->tot_ok)
        snprintf(count, sizeof count, "实到 %d/%d",
                 s->tot.present + s->tot.late, s->tot.expected);
    scan_result(s, false, "已签到：%s  %s", who_org, count);
}

static int pick_candidate(struct roll_screen *s, const int64_t *ids, int n,
                          const char *input)
{
    char **items = calloc((size_t)n, sizeof *items);
    if (!items)
        return -1;
    int k = 0;
    for (; k < n; k++) {
        struct att_row r;
        zb_err e;
        char line[400];
        if (attendance_get(s->ctx->db, ids[k], &r, &e) == 0)
            snprintf(line, sizeof line, "%s  %s  %s  %s", r.name,
                     r.group_name, r.member_no, state_label(r.state));
        else
            snprintf(line, sizeof line, "?");
        if (!(items[k] = strdup(line)))
            break;
    }
    int pick = -1;
    if (k == n) {
        char title[300];
        snprintf(title, sizeof title, "「%s」匹配 %d 人，请选择：", input, n);
        pick = tui_pick(s->base.app, title, (const char *const *)items, n, 0);
    }
    free_items(items, k);
    return pick;
}

static void scan_enter(struct roll_screen *s)
{
    tui_app *app = s->base.app;
    char input[SCAN_MAX_CHARS * 4 + 1];
    le_get_buf(&s->scan, input, sizeof input);
    le_clear(&s->scan);
    trim(input);
    if (!input[0])
        return;
    int64_t ids[FIND_MAX];
    int n = 0;
    int64_t outsider = 0;
    zb_err e;
    if (attendance_find(s->ctx->db, s->meeting_id, input, ids, FIND_MAX, &n,
                        &outsider, &e) != 0) {
        scan_result(s, true, "%s", e.msg);
        return;
    }
    if (n == 1) {
        scan_mark(s, ids[0]);
        return;
    }
    if (n > 1) {
        int shown = n < FIND_MAX ? n : FIND_MAX;
        int i = pick_candidate(s, ids, shown, input);
        if (i < 0) {
            scan_result(s, false, "未签到（已取消选择）：%s", input);
            return;
        }
        scan_mark(s, ids[i]);
        return;
    }
    if (outsider) {
        member m;
        if (member_get(s->ctx->db, outsider, &m, &e) != 0) {
            scan_result(s, true, "%s", e.msg);
            return;
        }
        char msg[400];
        snprintf(msg, sizeof msg, "%s 不在本次应到名单中，作为列席人员登记？",
                 m.name);
        if (!tui_confirm(app, "不在名单中", msg, true)) {
            scan_result(s, false, "未登记：%s", m.name);
            return;
        }
        add_guest_row(s, outsider, m.name);
        scan_result(s, false, "已登记列席：%s", m.name);
        return;
    }
    scan_result(s, true, "未找到：%s", input);
}

static int scan_key(struct roll_screen *s, int k)
{
    const int done = TUI_HANDLED | TUI_REDRAW;
    if (k == TUI_KEY_ESC) {
        s->scanning = false;
        le_clear(&s->scan);
        s->scan_msg[0] = 0;
        tui_app_status(s->base.app, "已退出扫码签到");
        return done;
    }
    if (k == TUI_KEY_ENTER) {
        scan_enter(s);
        return done;
    }
    if (k == TUI_FN(KEY_UP) || k == TUI_FN(KEY_DOWN) ||
        k == TUI_FN(KEY_PPAGE) || k == TUI_FN(KEY_NPAGE))
        return lv_key(s->lv, k);
    static const struct { int key; enum le_op op; } ops[] = {
        { TUI_FN(KEY_LEFT), LE_LEFT }, { TUI_FN(KEY_RIGHT), LE_RIGHT },
        { TUI_FN(KEY_HOME), LE_HOME }, { TUI_FN(KEY_END), LE_END },
        { TUI_CTRL('a'), LE_HOME }, { TUI_CTRL('e'), LE_END },
        { TUI_FN(KEY_BACKSPACE), LE_BACKSPACE }, { TUI_CTRL('h'), LE_BACKSPACE },
        { TUI_FN(KEY_DC), LE_DELETE }, { TUI_CTRL('d'), LE_DELETE },
        { TUI_CTRL('k'), LE_KILL_TO_END }, { TUI_CTRL('u'), LE_KILL_TO_START },
        { TUI_CTRL('w'), LE_KILL_WORD_BACK },
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (ops[i].key == k) {
            le_apply(&s->scan, ops[i].op, 0);
            return done;
        }
    if (k >= 0 && k < TUI_KEY_FN && tui_key_is_text(k)) {
        le_insert(&s->scan, (uint32_t)k);
        return done;
    }
    /* F1, F10, Ctrl-L...: the app's */
    return TUI_UNHANDLED;
}

/* ---- sign-in sheet ---- */

static int print_sheet(struct roll_screen *s)
{
    tui_app *app = s->base.app;
    char name[1024];
    snprintf(name, sizeof name, "签到表-%s-%lld.txt", s->date,
             (long long)s->meeting_id);
    if (!tui_prompt(app, "打印签到表", "写入文件（在当前目录，可改名）：",
                    name, sizeof name, 200, not_empty, NULL))
        return TUI_HANDLED | TUI_REDRAW;
    trim(name);
    zb_err e;
    if (signin_write_file(s->ctx->db, s->meeting_id, name, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    char cwd[1024] = "";
    if (name[0] != '/' && getcwd(cwd, sizeof cwd))
        tui_app_status(app, "签到表已写入：%s/%s", cwd, name);
    else
        tui_app_status(app, "签到表已写入：%s", name);
    return TUI_HANDLED | TUI_REDRAW;
}

/* ---- drawing ---- */

static void totals_text(const struct roll_screen *s, char *out, size_t n)
{
    const struct att_totals *t = &s->tot;
    int attended = t->present + t->late;
    char rate[32] = "-";
    int pm = rules_rate_permille(attended, t->expected);
    if (pm >= 0)
        snprintf(rate, sizeof rate, "%d.%d%%", pm / 10, pm % 10);
    snprintf(out, n,
             "应到 %d  实到 %d（出席 %d 迟到 %d）  请假 %d  缺席 %d  "
             "未签到 %d  列席 %d  出席率 %s",
             t->expected, attended, t->present, t->late, t->leave, t->absent,
             t->unmarked, t->guests, rate);
}

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct roll_screen *s = (struct roll_screen *)base;
    attr_t normal = tui_style(STYLE_NORMAL);
    int y = 0;
    char line[512];
    s->cur_y = -1;
    if (s->tot_ok) {
        totals_text(s, line, sizeof line);
        tui_put(w, y++, 0, line, wd, TEXT_LEFT, normal | A_BOLD);
    } else {
        tui_put(w, y++, 0, "（统计不可用）", wd, TEXT_LEFT,
                tui_style(STYLE_ERROR));
    }
    if (s->kind == MK_GENERAL && s->tot_ok) {
        bool ok = rules_quorum(s->tot.full_expected, s->tot.full_present);
        snprintf(line, sizeof line, "正式党员 应到 %d 实到 %d：",
                 s->tot.full_expected, s->tot.full_present);
        int lw = text_width(line);
        if (lw > wd)
            lw = wd;
        tui_put(w, y, 0, line, lw, TEXT_LEFT, normal);
        tui_put(w, y, lw, ok ? "可以表决" : "不足表决人数（需正式党员过半数出席）",
                wd - lw, TEXT_LEFT, tui_style(ok ? STYLE_MARK : STYLE_WARN));
        y++;
    }
    int list_h = h - y - (s->scanning ? 2 : 0);
    lv_draw(s->lv, w, y, 0, list_h, wd);
    if (s->scanning && h - 2 > y) {
        attr_t ra = s->scan_err ? tui_style(STYLE_ERROR)
                                : tui_style(STYLE_MARK) | A_REVERSE | A_BOLD;
        tui_blank(w, h - 2, 0, wd, normal);
        if (s->scan_msg[0]) {
            int mw = text_width(s->scan_msg) + 2;
            if (mw > wd)
                mw = wd;
            snprintf(line, sizeof line, " %s ", s->scan_msg);
            tui_put(w, h - 2, 0, line, mw, TEXT_LEFT, ra);
        }
        int lw = text_width(SCAN_LABEL);
        tui_put(w, h - 1, 0, SCAN_LABEL, lw, TEXT_LEFT, normal | A_BOLD);
        int ew = wd - lw - 1;
        if (ew > 0) {
            uint32_t *buf = malloc(((size_t)ew + 1) * sizeof *buf);
            if (buf) {
                int cc = 0;
                size_t k = le_view(&s->scan, ew, buf, (size_t)ew + 1, &cc);
                tui_put32(w, h - 1, lw, buf, k,
                          tui_style(STYLE_FIELD_FOCUS));
                free(buf);
                s->cur_y = h - 1;
                s->cur_x = lw + cc;
            }
        }
    }
    char pos[64];
    lv_position_text(s->lv, pos, sizeof pos);
    tui_app_set_position(base->app, pos);
}

/* ---- screen ---- */

static int key(tui_screen *base, int k)
{
    struct roll_screen *s = (struct roll_screen *)base;
    if (s->scanning)
        return scan_key(s, k);
    return lv_key(s->lv, k);
}

static int action(tui_screen *base, enum tui_action a)
{
    struct roll_screen *s = (struct roll_screen *)base;
    switch (a) {
    case ACT_MARK_PRESENT:
        return mark_selected(s, ATT_PRESENT);
    case ACT_MARK_LATE:
        return mark_selected(s, ATT_LATE);
    case ACT_MARK_LEAVE:
        return mark_selected(s, ATT_LEAVE);
    case ACT_MARK_ABSENT:
        return mark_selected(s, ATT_ABSENT);
    case ACT_MARK_CLEAR:
        return mark_selected(s, ATT_NONE);
    case ACT_UNDO:
        return undo_last(s);
    case ACT_ALL_PRESENT:
        return all_present(s);
    case ACT_ADD_GUEST:
        return add_guest(s);
    case ACT_PRINT:
        return print_sheet(s);
    case ACT_SCAN:
        s->scanning = true;
        le_clear(&s->scan);
        s->scan_msg[0] = 0;
        tui_app_status(base->app,
                       "扫码签到：输入或扫描党员编号、姓名或拼音首字母，"
                       "回车签到，Esc 退出");
        return TUI_HANDLED | TUI_REDRAW;
    default:
        return TUI_UNHANDLED;
    }
}

static void resume(tui_screen *base)
{
    reload((struct roll_screen *)base);
}

static int tick(tui_screen *base)
{
    struct roll_screen *s = (struct roll_screen *)base;
    if (!db_changed_elsewhere(s->ctx->db))
        return TUI_UNHANDLED;
    reload(s);
    return TUI_REDRAW;
}

static void cursor(tui_screen *base, int *y, int *x)
{
    struct roll_screen *s = (struct roll_screen *)base;
    if (s->scanning && s->cur_y >= 0) {
        *y = s->cur_y;
        *x = s->cur_x;
    } else {
        *y = -1;
        *x = 0;
    }
}

static void destroy(tui_screen *base)
{
    struct roll_screen *s = (struct roll_screen *)base;
    lv_free(s->lv);
    le_free(&s->scan);
    free(s->rows);
    free(s->undo);
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

/* Appends src to dst (size n) without cutting a character. */
static void append(char *dst, size_t n, const char *src)
{
    size_t len = strlen(dst);
    text_copy_chars(dst + len, n - len, src, n);
}

static void set_title(struct roll_screen *s, const meeting *m)
{
    char org[128] = "";
    zb_err e;
    org_name(s->ctx->db, m->org_id, org, sizeof org, &e);
    s->base.title[0] = 0;
    size_t n = sizeof s->base.title;
    append(s->base.title, n, "考勤  ");
    append(s->base.title, n,
           m->kind > 0 && m->kind < DOMAIN_MEETING_KIND_N
               ? domain_meeting_kind[m->kind] : "会议");
    append(s->base.title, n, "  ");
    append(s->base.title, n, org);
    append(s->base.title, n, "  ");
    append(s->base.title, n, m->date);
    if (m->topic[0]) {
        append(s->base.title, n, "  ");
        append(s->base.title, n, m->topic);
    }
}

tui_screen *roll_screen_new(tui_app *app, struct zb_ctx *ctx,
                            int64_t meeting_id)
{
    struct roll_screen *s = calloc(1, sizeof *s);
    meeting *m = malloc(sizeof *m);
    if (!s || !m) {
        free(s);
        free(m);
        return NULL;
    }
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    s->meeting_id = meeting_id;
    le_init(&s->scan, false, SCAN_MAX_CHARS);
    s->lv = lv_new(columns, NCOLS, &source, s);
    if (!s->lv) {
        le_free(&s->scan);
        free(s);
        free(m);
        return NULL;
    }
    zb_err e;
    if (meeting_get(ctx->db, meeting_id, m, &e) != 0) {
        snprintf(s->base.title, sizeof s->base.title, "考勤");
        tui_app_error(app, "%s", e.msg);
    } else {
        s->kind = m->kind;
        snprintf(s->date, sizeof s->date, "%s", m->date);
        set_title(s, m);
        /* members entered after the meeting was saved join its roll */
        if (attendance_prepare(ctx->db, meeting_id, &e) != 0)
            tui_app_error(app, "%s", e.msg);
    }
    free(m);
    reload(s);
    /* continue where the roll was left (after a crash, or a second
     * person joining): on the first unmarked row */
    int64_t *first = NULL;
    int nfirst = 0;
    if (unmarked_rows(s, 1, &first, &nfirst, &e) == 0 && nfirst > 0)
        move_to_row(s, first[0]);
    free(first);
    return &s->base;
}
