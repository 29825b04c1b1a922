/* Screen tests of the roll (考勤): the real screen on an off-screen
 * terminal over a temporary database, driven by keys as a branch
 * secretary would type them. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain.h"
#include "harness.h"
#include "model/attendance.h"
#include "model/meeting.h"
#include "model/member.h"
#include "screens.h"
#include "testutil.h"
#include "text.h"
#include "tui/key.h"

static db *d;
static struct zb_ctx ctx;
static struct harness h;
static int64_t street, branch, other;
static int64_t mid;   /* the meeting on screen */
/* The branch's roll in its order (pinyin): */
enum { LI, QIAN, SUN, WANG, ZHANGJ, ZHANGX, ZHAO, NROLL };
static const char *const names[NROLL] = {
    "李明", "钱进", "孙丽", "王芳", "张晓静", "张小军", "赵磊"
};
static int64_t ids[NROLL];
static int64_t outsider;

static int64_t add_member(const char *name, int64_t org, int category)
{
    member m;
    member_init(&m);
    snprintf(m.name, sizeof m.name, "%s", name);
    m.org_id = org;
    m.category = category;
    snprintf(m.join_date, sizeof m.join_date, "2000-07-01");
    if (category == CATEGORY_FULL)
        snprintf(m.full_date, sizeof m.full_date, "2001-07-01");
    zb_err e;
    ck_assert_msg(member_save(d, &m, &e) == 0, "%s", e.msg);
    return m.id;
}

static int64_t add_meeting(int64_t org, int kind, const char *date)
{
    meeting *m = malloc(sizeof *m);
    ck_assert_ptr_nonnull(m);
    meeting_init(m);
    m->org_id = org;
    m->kind = kind;
    snprintf(m->date, sizeof m->date, "%s", date);
    snprintf(m->topic, sizeof m->topic, "学习党章");
    zb_err e;
    ck_assert_msg(meeting_save(d, m, &e) == 0, "%s", e.msg);
    int64_t id = m->id;
    free(m);
    return id;
}

static void open_roll(int64_t meeting_id)
{
    mid = meeting_id;
    tui_screen *s = roll_screen_new(h.app, &ctx, meeting_id);
    ck_assert_ptr_nonnull(s);
    tui_app_push(h.app, s);
    harness_run(&h);
}

static void setup(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("ZHIBU_TODAY", "2026-11-22", 1);
    d = tu_open();
    street = tu_org(d, 0, "青松街道党工委", "街道党工委");
    branch = tu_org(d, street, "东湖社区第一网格党支部", "网格党支部");
    other = tu_org(d, street, "临江社区老党员支部", "功能型党支部");
    for (int i = 0; i < NROLL; i++)
        ids[i] = add_member(names[i], branch,
                            i == WANG || i == ZHAO ? CATEGORY_PROBATION
                                                   : CATEGORY_FULL);
    outsider = add_member("周杰", other, CATEGORY_FULL);
    ctx.db = d;
    ck_assert_int_eq(harness_start(&h, 30, 110), 0);
}

static void teardown(void)
{
    harness_stop(&h);
    db_close(d);
    tu_cleanup();
}

static void dump_on_fail(int ok, const char *what)
{
    if (!ok) {
        harness_dump(&h, stderr);
        ck_abort_msg("%s", what);
    }
}

/* The screen row of a name, and whether it shows text too. */
static bool row_has(const char *name, const char *text)
{
    char row[1024];
    int y = harness_find(&h, name);
    if (y < 0)
        return false;
    harness_row(&h, y, row, sizeof row);
    return strstr(row, text) != NULL;
}

static int state_of(int64_t member_id)
{
    struct att_row rows[32];
    int n = 0;
    zb_err e;
    ck_assert_msg(attendance_window(d, mid, "", 0, 32, rows, &n, &e) == 0,
                  "%s", e.msg);
    for (int i = 0; i < n; i++)
        if (rows[i].member_id == member_id)
            return rows[i].state;
    return -1;
}

static const char *member_no(int64_t id)
{
    static member m;
    zb_err e;
    ck_assert(member_get(d, id, &m, &e) == 0);
    return m.member_no;
}

static bool has_text(const char *text)
{
    return harness_find(&h, text) >= 0;
}

START_TEST(opens_with_title_columns_and_totals)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-11-20"));
    dump_on_fail(harness_find(&h, "支部委员会") == 0, "kind in the title");
    char row[1024];
    harness_row(&h, 0, row, sizeof row);
    dump_on_fail(strstr(row, "东湖社区第一网格党支部") && strstr(row, "2026-11-20")
                 && strstr(row, "学习党章"), "org, date, topic in the title");
    dump_on_fail(harness_find(&h, "应到 7  实到 0（出席 0 迟到 0）  请假 0  "
                                  "缺席 0  未签到 7  列席 0  出席率 0.0%") == 1,
                 "totals line at the top of the body");
    int hdr = harness_find(&h, "党员编号");
    dump_on_fail(hdr == 2, "header below the totals");
    harness_row(&h, hdr, row, sizeof row);
    dump_on_fail(strstr(row, "姓名") && strstr(row, "所在组织") &&
                 strstr(row, "类别") && strstr(row, "状态") &&
                 strstr(row, "原因") && strstr(row, "登记人"), "all columns");
    /* roll order, unmarked, number and category shown */
    dump_on_fail(harness_find(&h, "李明") == 3, "first row");
    dump_on_fail(row_has("李明", "未签到") && row_has("李明", member_no(ids[LI]))
                 && row_has("李明", "正式"), "李明's row");
    dump_on_fail(row_has("王芳", "预备"), "probation shown");
    dump_on_fail(has_text("第 1/7 条"), "position");
    dump_on_fail(!has_text("表决"), "no quorum line for a committee meeting");
}
END_TEST

START_TEST(marks_move_on_and_update_totals)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-11-20"));
    harness_key(&h, '1');
    harness_run(&h);
    dump_on_fail(row_has("李明", "出席"), "1 marks present");
    dump_on_fail(has_text("第 2/7 条"), "cursor moved on");
    dump_on_fail(has_text("应到 7  实到 1（出席 1 迟到 0）"), "totals after 1");
    harness_key(&h, ' ');
    harness_key(&h, '4');
    harness_key(&h, '3');
    harness_run(&h);
    dump_on_fail(row_has("钱进", "出席"), "Space marks present");
    dump_on_fail(row_has("孙丽", "迟到"), "4 marks late");
    dump_on_fail(row_has("王芳", "缺席"), "3 marks absent");
    dump_on_fail(has_text("第 5/7 条"), "cursor after four marks");
    dump_on_fail(has_text("应到 7  实到 3（出席 2 迟到 1）  请假 0  缺席 1  "
                          "未签到 3  列席 0  出席率 42.9%"), "totals");
    dump_on_fail(row_has("李明", db_user(d)), "登记人 shown");
    /* committed, as the database sees it */
    ck_assert_int_eq(state_of(ids[LI]), ATT_PRESENT);
    ck_assert_int_eq(state_of(ids[SUN]), ATT_LATE);
    ck_assert_int_eq(state_of(ids[WANG]), ATT_ABSENT);
    ck_assert_int_eq(state_of(ids[ZHANGJ]), ATT_NONE);
    /* clear with 0 (no move), then x on an unmarked row is harmless */
    harness_key(&h, TUI_FN(KEY_UP));
    harness_key(&h, '0');
    harness_run(&h);
    dump_on_fail(row_has("王芳", "未签到") && has_text("第 4/7 条"),
                 "0 clears and stays");
    ck_assert_int_eq(state_of(ids[WANG]), ATT_NONE);
    harness_key(&h, 'x');
    harness_run(&h);
    dump_on_fail(has_text("未签到 4"), "x on unmarked changes nothing");
    /* the last row: marking keeps the cursor there */
    harness_key(&h, TUI_FN(KEY_END));
    harness_key(&h, '1');
    harness_key(&h, '1');
    harness_run(&h);
    dump_on_fail(has_text("第 7/7 条") && row_has("赵磊", "出席"), "last row");
}
END_TEST

START_TEST(reopen_continues_at_first_unmarked)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-11-20"));
    harness_type(&h, "1113");
    harness_key(&h, TUI_KEY_ESC);         /* close the roll */
    harness_run(&h);
    ck_assert_int_eq(tui_app_depth(h.app), 0);
    open_roll(mid);
    dump_on_fail(has_text("第 5/7 条") && has_text("实到 3"),
                 "reopened on the first unmarked row");
    harness_key(&h, '1');
    harness_run(&h);
    dump_on_fail(row_has("张晓静", "出席") && has_text("第 6/7 条"),
                 "marking goes on from there");
}
END_TEST

START_TEST(leave_with_reason)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-11-20"));
    harness_key(&h, '2');
    harness_type(&h, "外出务工");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, '2');                 /* empty reason is fine */
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(row_has("李明", "请假") && row_has("李明", "外出务工"),
                 "leave with its reason");
    dump_on_fail(row_has("钱进", "请假"), "leave without a reason");
    dump_on_fail(has_text("请假 2") && has_text("第 3/7 条"), "totals, cursor");
    struct att_row rows[8];
    int n = 0;
    zb_err e;
    ck_assert(attendance_window(d, mid, "", 0, 8, rows, &n, &e) == 0);
    ck_assert_str_eq(rows[0].reason, "外出务工");
    /* Esc in the prompt marks nothing */
    harness_key(&h, '2');
    harness_key(&h, TUI_KEY_ESC);
    harness_run(&h);
    dump_on_fail(row_has("孙丽", "未签到") && has_text("第 3/7 条"),
                 "Esc cancels the leave");
}
END_TEST

START_TEST(undo_restores_previous_state)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-11-20"));
    harness_key(&h, '2');
    harness_type(&h, "生病");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, TUI_FN(KEY_UP));
    harness_key(&h, '1');                 /* 李明: 请假 -> 出席 */
    harness_key(&h, '4');                 /* 钱进 late */
    harness_run(&h);
    dump_on_fail(row_has("钱进", "迟到") && has_text("第 3/7 条"), "marked");
    harness_key(&h, 'u');
    harness_run(&h);
    dump_on_fail(row_has("钱进", "未签到"), "undo clears the late");
    dump_on_fail(has_text("第 2/7 条"), "cursor back on the undone row");
    harness_key(&h, 'u');
    harness_run(&h);
    dump_on_fail(row_has("李明", "请假") && row_has("李明", "生病"),
                 "undo restores the leave and its reason");
    harness_key(&h, 'u');
    harness_key(&h, 'u');
    harness_run(&h);
    dump_on_fail(row_has("李明", "未签到"), "undo to unmarked");
    dump_on_fail(has_text("没有可撤销的标记"), "nothing left to undo");
    ck_assert_int_eq(state_of(ids[LI]), ATT_NONE);
}
END_TEST

START_TEST(all_present_asks_first)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-11-20"));
    harness_key(&h, '3');                 /* 李明 absent */
    harness_key(&h, 'A');
    harness_type(&h, "n");
    harness_run(&h);
    dump_on_fail(has_text("未签到 6"), "n changes nothing");
    harness_key(&h, 'A');
    harness_type(&h, "y");
    harness_run(&h);
    dump_on_fail(has_text("应到 7  实到 6（出席 6 迟到 0）  请假 0  缺席 1  "
                          "未签到 0"), "six marked present");
    dump_on_fail(row_has("李明", "缺席"), "marked rows untouched");
    ck_assert_int_eq(state_of(ids[ZHAO]), ATT_PRESENT);
    harness_key(&h, 'A');
    harness_run(&h);
    dump_on_fail(has_text("没有未签到的人员"), "nothing left to mark");
    /* undo takes the whole 全到 back */
    harness_key(&h, 'u');
    harness_run(&h);
    dump_on_fail(has_text("未签到 6") && row_has("李明", "缺席"),
                 "undo of 全到");
    ck_assert_int_eq(state_of(ids[ZHAO]), ATT_NONE);
}
END_TEST

START_TEST(scan_by_number_and_initials)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-11-20"));
    harness_key(&h, '/');
    harness_run(&h);
    dump_on_fail(harness_find(&h, "扫码签到：") == 27, "scan line at the bottom");
    /* a scanner: eight digits, then Enter */
    harness_type(&h, member_no(ids[ZHAO]));
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(has_text("已签到：赵磊（东湖社区第一网格党支部）  实到 1/7"),
                 "big confirmation");
    dump_on_fail(row_has("赵磊", "出席") && has_text("第 7/7 条"),
                 "marked, cursor on it");
    char row[1024];
    harness_row(&h, 27, row, sizeof row);
    dump_on_fail(strcmp(row, "扫码签到：") == 0, "input cleared, mode stays");
    /* pinyin initials, then the same person again */
    harness_type(&h, "lm\r");
    harness_type(&h, "sl\r");
    harness_run(&h);
    dump_on_fail(row_has("李明", "出席") && row_has("孙丽", "出席"),
                 "initials");
    dump_on_fail(has_text("实到 3/7") && has_text("第 3/7 条"), "count, cursor");
    harness_type(&h, "lm\r");
    harness_run(&h);
    dump_on_fail(has_text("李明（东湖社区第一网格党支部） 已签到"),
                 "already present");
    dump_on_fail(has_text("实到 3（出席 3"), "not counted twice");
    /* keys are text here: 1, u and q mark nothing */
    harness_type(&h, "1uq");
    harness_run(&h);
    dump_on_fail(has_text("扫码签到：1uq"), "typed into the line");
    harness_type(&h, "\r");
    harness_run(&h);
    dump_on_fail(has_text("未找到：1uq"), "no match");
    dump_on_fail(has_text("实到 3（出席 3") && has_text("扫码签到："),
                 "nothing changed");
    harness_key(&h, TUI_KEY_ESC);
    harness_run(&h);
    dump_on_fail(!has_text("扫码签到："), "Esc leaves scan mode");
    ck_assert_int_eq(state_of(ids[ZHAO]), ATT_PRESENT);
    ck_assert_int_eq(state_of(ids[QIAN]), ATT_NONE);
}
END_TEST

START_TEST(scan_ambiguous_shows_picker)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-11-20"));
    /* zxj: 张晓静 and 张小军. Out of input, the picker cancels */
    harness_key(&h, '/');
    harness_type(&h, "zxj\r");
    harness_run(&h);
    dump_on_fail(has_text("未签到（已取消选择）：zxj"), "picker cancelled");
    dump_on_fail(has_text("未签到 7"), "nothing marked");
    /* now pick 张小军 by typing in the picker */
    harness_type(&h, "zxj\r");
    harness_type(&h, "小军\r");
    harness_run(&h);
    dump_on_fail(has_text("已签到：张小军"), "picked and marked");
    ck_assert_int_eq(state_of(ids[ZHANGX]), ATT_PRESENT);
    ck_assert_int_eq(state_of(ids[ZHANGJ]), ATT_NONE);
}
END_TEST

START_TEST(scan_outsider_as_guest)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-11-20"));
    char input[32];
    snprintf(input, sizeof input, "%s\r", member_no(outsider));
    harness_key(&h, '/');
    harness_type(&h, input);
    harness_type(&h, "n");
    harness_run(&h);
    dump_on_fail(has_text("未登记：周杰") && has_text("列席 0"), "declined");
    harness_type(&h, input);
    harness_type(&h, "y");
    harness_run(&h);
    dump_on_fail(has_text("已登记列席：周杰") && has_text("列席 1"),
                 "added as 列席");
    dump_on_fail(row_has("周杰", "列席") && row_has("周杰", "临江社区"),
                 "guest row");
    dump_on_fail(has_text("应到 7  实到 0"), "a guest is not expected");
    ck_assert_int_eq(state_of(outsider), ATT_GUEST);
    /* marking a guest row is refused, not crashed */
    harness_key(&h, TUI_KEY_ESC);
    harness_key(&h, '1');
    harness_run(&h);
    dump_on_fail(has_text("周杰 是列席人员"), "guest row not marked");
}
END_TEST

START_TEST(add_guest_by_name_and_member)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-11-20"));
    harness_key(&h, 'a');
    harness_type(&h, "社区民警王五\r");
    harness_run(&h);
    dump_on_fail(has_text("已登记列席：社区民警王五") && has_text("列席 1"),
                 "guest by name");
    dump_on_fail(row_has("社区民警王五", "-"), "no category for a guest");
    /* a member's name offers the member (first item) */
    harness_key(&h, '+');
    harness_type(&h, "周杰\r\r");
    harness_run(&h);
    dump_on_fail(has_text("列席 2") && row_has("周杰", "临江社区"),
                 "guest as the member");
    ck_assert_int_eq(state_of(outsider), ATT_GUEST);
    /* someone on the roll is refused with the model's message */
    harness_key(&h, 'a');
    harness_type(&h, member_no(ids[LI]));
    harness_type(&h, "\r");
    harness_run(&h);
    dump_on_fail(has_text("列席 2"), "member on the roll not added");
    harness_key(&h, 'a');
    harness_type(&h, "99999999\r");
    harness_run(&h);
    dump_on_fail(has_text("未找到党员编号：99999999"), "unknown number");
}
END_TEST

START_TEST(conflict_keeps_other_users_mark)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-11-20"));
    db *d2 = NULL;
    zb_err e;
    ck_assert_msg(db_open(tu_path("zhibu.db"), 0, &d2, &e) == 0, "%s", e.msg);
    struct att_row rows[8], cur;
    int n = 0;
    ck_assert(attendance_window(d2, mid, "", 0, 8, rows, &n, &e) == 0);
    ck_assert_str_eq(rows[0].name, "李明");
    ck_assert_int_eq(attendance_mark(d2, rows[0].id, rows[0].version,
                                     ATT_ABSENT, "", &cur, &e), ATT_MARKED);
    /* the screen still shows the old version: its mark must not win */
    harness_key(&h, '1');
    harness_run(&h);
    char msg[256];
    snprintf(msg, sizeof msg, "李明 已被 %s 标记为 缺席，未覆盖", db_user(d2));
    dump_on_fail(has_text(msg), "conflict message");
    dump_on_fail(row_has("李明", "缺席") && has_text("第 1/7 条"),
                 "the other mark shows, cursor stays");
    ck_assert_int_eq(state_of(ids[LI]), ATT_ABSENT);
    /* another user's mark appears on the tick, without a key */
    ck_assert(attendance_window(d2, mid, "", 0, 8, rows, &n, &e) == 0);
    ck_assert_int_eq(attendance_mark(d2, rows[1].id, rows[1].version,
                                     ATT_LATE, "", &cur, &e), ATT_MARKED);
    tui_screen *top = tui_app_top(h.app);
    ck_assert(top->ops->tick(top) & TUI_REDRAW);
    tui_app_draw(h.app);
    dump_on_fail(row_has("钱进", "迟到"), "tick shows the other mark");
    ck_assert(!(top->ops->tick(top) & TUI_REDRAW));
    /* and now marking from the screen works on the fresh version */
    harness_key(&h, TUI_FN(KEY_DOWN));
    harness_key(&h, '1');
    harness_run(&h);
    dump_on_fail(row_has("钱进", "出席"), "marked after reload");
    db_close(d2);
}
END_TEST

START_TEST(future_meeting_refuses_present)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-12-01"));
    harness_key(&h, '1');
    harness_run(&h);
    dump_on_fail(has_text("会议日期在今天之后，不能登记出席"), "model's message");
    dump_on_fail(row_has("李明", "未签到") && has_text("第 1/7 条"),
                 "nothing changed, no move");
    harness_key(&h, '4');
    harness_run(&h);
    dump_on_fail(has_text("不能登记出席") && has_text("实到 0"), "late refused");
    ck_assert_int_eq(state_of(ids[LI]), ATT_NONE);
}
END_TEST

START_TEST(quorum_for_general_meeting)
{
    /* 5 正式 (李 钱 孙 张 张) and 2 预备 (王 赵) */
    open_roll(add_meeting(branch, MK_GENERAL, "2026-11-20"));
    dump_on_fail(has_text("正式党员 应到 5 实到 0：不足表决人数（需正式党员过半数出席）"),
                 "no quorum");
    harness_key(&h, TUI_FN(KEY_END));
    harness_key(&h, '1');                 /* 赵磊 预备: does not count */
    harness_key(&h, TUI_FN(KEY_HOME));
    harness_key(&h, '1');
    harness_key(&h, '4');                 /* late counts as present */
    harness_run(&h);
    dump_on_fail(has_text("正式党员 应到 5 实到 2：不足表决人数"), "2 of 5");
    harness_key(&h, '2');
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, '1');
    harness_run(&h);
    dump_on_fail(has_text("正式党员 应到 5 实到 2：不足表决人数"),
                 "预备 and leave do not count");
    harness_key(&h, '1');
    harness_run(&h);
    dump_on_fail(has_text("正式党员 应到 5 实到 3：可以表决"), "3 of 5");
}
END_TEST

/* Display column of needle in a UTF-8 line, -1 if absent. */
static int col_in(const char *line, const char *needle)
{
    const char *p = strstr(line, needle);
    if (!p)
        return -1;
    return text_width_n(line, (size_t)(p - line));
}

START_TEST(signin_sheet_written_and_aligned)
{
    open_roll(add_meeting(branch, MK_COMMITTEE, "2026-11-20"));
    ck_assert_int_eq(chdir(tu_dir()), 0);
    char want[256];
    snprintf(want, sizeof want, "签到表-2026-11-20-%lld.txt", (long long)mid);
    harness_key(&h, 'p');
    harness_key(&h, TUI_KEY_ENTER);       /* the default name */
    harness_run(&h);
    dump_on_fail(has_text("签到表已写入：") && has_text(want), "status says where");
    FILE *f = fopen(tu_path(want), "r");
    ck_assert_ptr_nonnull(f);
    char line[1024];
    int found = 0, col = -1;
    while (fgets(line, sizeof line, f)) {
        for (int i = 0; i < NROLL; i++) {
            if (!strstr(line, names[i]))
                continue;
            int c = col_in(line, member_no(ids[i]));
            ck_assert_msg(c > 0, "number on %s's line", names[i]);
            if (col < 0)
                col = c;
            ck_assert_msg(c == col, "number of %s at %d, not %d", names[i],
                          c, col);
            found++;
        }
    }
    fclose(f);
    ck_assert_int_eq(found, NROLL);
    /* another name through the prompt */
    harness_key(&h, 'p');
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, "sheet.txt\r");
    harness_run(&h);
    ck_assert_int_eq(access(tu_path("sheet.txt"), R_OK), 0);
    dump_on_fail(has_text("sheet.txt"), "status with the new name");
}
END_TEST

START_TEST(empty_roll_and_unknown_keys)
{
    int64_t empty = tu_org(d, street, "空支部", "网格党支部");
    open_roll(add_meeting(empty, MK_COMMITTEE, "2026-11-20"));
    dump_on_fail(has_text("应到 0") && has_text("出席率 -"), "empty totals");
    const char *keys = "1234 0xuA+zZ9!";
    for (const char *k = keys; *k; k++)
        harness_key(&h, *k);
    harness_key(&h, TUI_KEY_ESC);         /* leaves the guest prompt */
    harness_key(&h, TUI_FN(KEY_DOWN));
    harness_key(&h, TUI_FN(KEY_NPAGE));
    harness_key(&h, '1');
    harness_run(&h);
    dump_on_fail(has_text("名单为空，没有可标记的人员"), "message, no crash");
    harness_key(&h, '/');
    harness_type(&h, "\rabc\r");
    harness_run(&h);
    dump_on_fail(has_text("未找到：abc"), "scan on an empty roll");
}
END_TEST

START_TEST(small_terminal_and_long_roll)
{
    for (int i = 0; i < 40; i++) {
        char name[32];
        snprintf(name, sizeof name, "队员%02d", i);
        add_member(name, branch, CATEGORY_FULL);
    }
    harness_resize(&h, 24, 80);
    open_roll(add_meeting(branch, MK_GENERAL, "2026-11-20"));
    dump_on_fail(has_text("第 1/47 条"), "47 on the roll");
    for (int i = 0; i < 30; i++)
        harness_key(&h, '1');
    harness_run(&h);
    dump_on_fail(has_text("第 31/47 条") && has_text("实到 30"),
                 "30 marks, scrolled");
    int y = harness_find(&h, "第 31/47 条");
    dump_on_fail(y == 22, "status line");
    harness_key(&h, '/');
    harness_run(&h);
    dump_on_fail(harness_find(&h, "扫码签到：") == 21, "scan line fits");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("roll");
    TCase *tc = tcase_create("roll");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, opens_with_title_columns_and_totals);
    tcase_add_test(tc, marks_move_on_and_update_totals);
    tcase_add_test(tc, reopen_continues_at_first_unmarked);
    tcase_add_test(tc, leave_with_reason);
    tcase_add_test(tc, undo_restores_previous_state);
    tcase_add_test(tc, all_present_asks_first);
    tcase_add_test(tc, scan_by_number_and_initials);
    tcase_add_test(tc, scan_ambiguous_shows_picker);
    tcase_add_test(tc, scan_outsider_as_guest);
    tcase_add_test(tc, add_guest_by_name_and_member);
    tcase_add_test(tc, conflict_keeps_other_users_mark);
    tcase_add_test(tc, future_meeting_refuses_present);
    tcase_add_test(tc, quorum_for_general_meeting);
    tcase_add_test(tc, signin_sheet_written_and_aligned);
    tcase_add_test(tc, empty_roll_and_unknown_keys);
    tcase_add_test(tc, small_terminal_and_long_roll);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
