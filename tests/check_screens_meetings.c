/* Screen tests of 三会一课: the home menu, the meeting list and form,
 * the compliance table, the watch list and a member's history, on an
 * off-screen 80x24 terminal over a temporary database with planted
 * meetings and marks. */
#include <check.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
static int64_t street, branch_a, group_g, branch_b;
static int64_t zhang, li, wang, zhao, sun;
/* m1 A 支委会 10-10, m2 A 党课 09-15, m3 A 党员大会 03-20, m4 B 主题党日
 * 11-02, m5 G 党小组会 07-08, m6 A 支委会 06-12, m7 B 主题党日 10-05 */
static int64_t m1, m2, m3, m4, m5, m6, m7;

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

static int64_t add_meeting(int64_t org, int kind, const char *date,
                           const char *time, const char *topic)
{
    meeting *m = malloc(sizeof *m);
    ck_assert_ptr_nonnull(m);
    meeting_init(m);
    m->org_id = org;
    m->kind = kind;
    snprintf(m->date, sizeof m->date, "%s", date);
    snprintf(m->start_time, sizeof m->start_time, "%s", time);
    snprintf(m->topic, sizeof m->topic, "%s", topic);
    zb_err e;
    ck_assert_msg(meeting_save(d, m, &e) == 0, "%s", e.msg);
    int64_t id = m->id;
    free(m);
    return id;
}

static void mark(int64_t meeting_id, int64_t member_id, int state)
{
    struct att_row rows[16];
    int n = 0;
    zb_err e;
    ck_assert_msg(attendance_window(d, meeting_id, "", 0, 16, rows, &n,
                                    &e) == 0, "%s", e.msg);
    for (int i = 0; i < n; i++) {
        if (rows[i].member_id != member_id)
            continue;
        struct att_row cur;
        int rc = attendance_mark(d, rows[i].id, rows[i].version, state, "",
                                 &cur, &e);
        ck_assert_msg(rc == ATT_MARKED, "mark: %s", e.msg);
        return;
    }
    ck_abort_msg("member %lld not on the roll of %lld", (long long)member_id,
                 (long long)meeting_id);
}

static void setup(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("ZHIBU_TODAY", "2026-11-22", 1);
    d = tu_open();
    street = tu_org(d, 0, "青松街道党工委", "街道党工委");
    branch_a = tu_org(d, street, "东湖社区第一网格党支部", "网格党支部");
    group_g = tu_org(d, branch_a, "第一党小组", "党小组");
    branch_b = tu_org(d, street, "临江社区老党员支部", "功能型党支部");
    zhang = add_member("张小军", branch_a, CATEGORY_FULL);
    li = add_member("李明", group_g, CATEGORY_FULL);
    wang = add_member("王芳", branch_a, CATEGORY_PROBATION);
    zhao = add_member("赵磊", branch_b, CATEGORY_FULL);
    sun = add_member("孙丽", branch_b, CATEGORY_FULL);

    m1 = add_meeting(branch_a, MK_COMMITTEE, "2026-10-10", "09:00", "十月支委会");
    m2 = add_meeting(branch_a, MK_LESSON, "2026-09-15", "14:30", "学习党章");
    m3 = add_meeting(branch_a, MK_GENERAL, "2026-03-20", "", "一季度党员大会");
    m4 = add_meeting(branch_b, MK_THEME_DAY, "2026-11-02", "", "社区义务劳动");
    m5 = add_meeting(group_g, MK_GROUP, "2026-07-08", "", "小组学习");
    m6 = add_meeting(branch_a, MK_COMMITTEE, "2026-06-12", "", "六月支委会");
    m7 = add_meeting(branch_b, MK_THEME_DAY, "2026-10-05", "", "十月主题党日");

    mark(m1, zhang, ATT_PRESENT);
    mark(m2, zhang, ATT_LATE);
    mark(m3, zhang, ATT_LEAVE);
    mark(m6, zhang, ATT_ABSENT);
    mark(m5, li, ATT_PRESENT);
    mark(m7, zhao, ATT_PRESENT);
    mark(m7, sun, ATT_PRESENT);
    mark(m4, zhao, ATT_PRESENT);
    mark(m4, sun, ATT_LEAVE);

    ctx.db = d;
    ctx.saved_member = ctx.saved_meeting = 0;
    ck_assert_int_eq(harness_start(&h, 24, 80), 0);
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

static void push(tui_screen *s)
{
    ck_assert_ptr_nonnull(s);
    tui_app_push(h.app, s);
    harness_run(&h);
}

static bool has(const char *text)
{
    return harness_find(&h, text) >= 0;
}

/* Row containing `key` also contains `text`. */
static bool row_has(const char *key, const char *text)
{
    char row[1024];
    int y = harness_find(&h, key);
    if (y < 0)
        return false;
    harness_row(&h, y, row, sizeof row);
    return strstr(row, text) != NULL;
}

/* The row of `key` shows exactly `cell` starting at the column where the
 * header `head` starts. */
static bool under(const char *key, const char *cell, const char *head)
{
    int hdr = harness_find(&h, head);
    int y = harness_find(&h, key);
    if (hdr < 0 || y < 0)
        return false;
    int hc = harness_col(&h, hdr, head);
    if (hc < 0)
        return false;
    char row[1024];
    harness_row(&h, y, row, sizeof row);
    const char *p = row;
    int col = 0;
    while (*p && col < hc) {
        uint32_t c;
        size_t n = text_decode(p, strlen(p), &c);
        col += text_char_width(c);
        p += n ? n : 1;
    }
    size_t len = strlen(cell);
    return col == hc && strncmp(p, cell, len) == 0 &&
           (p[len] == ' ' || p[len] == '\0');
}

/* Right-aligned: `cell` ends where the header `head` ends. */
static bool under_right(const char *key, const char *cell, const char *head)
{
    int hdr = harness_find(&h, head);
    int y = harness_find(&h, key);
    if (hdr < 0 || y < 0)
        return false;
    int hc = harness_col(&h, hdr, head), c = harness_col(&h, y, cell);
    return hc >= 0 && c >= 0 &&
           c + text_width(cell) == hc + text_width(head);
}

static bool title_is(const char *prefix)
{
    char row[1024];
    harness_row(&h, 0, row, sizeof row);
    const char *p = row;
    while (*p == ' ')
        p++;
    return strncmp(p, prefix, strlen(prefix)) == 0;
}

/* ---- home ---- */

START_TEST(home_menu_counts_and_keys)
{
    push(home_screen_new(h.app, &ctx));
    dump_on_fail(has("1  党员信息") && has("2  三会一课") &&
                 has("3  组织生活检查") && has("4  组织生活预警"), "menu");
    dump_on_fail(has("党员 5"), "member count");
    dump_on_fail(has("本月会议 1"), "meetings this month");
    /* the watch counts follow on the first idle tick */
    dump_on_fail(has("组织生活预警：统计中"), "watch counts pending");
    tui_screen *top = tui_app_top(h.app);
    ck_assert_int_ne(top->ops->tick(top) & TUI_REDRAW, 0);
    tui_app_draw(h.app);
    /* 3+ months: two members (make-ups owed are on the watch list only) */
    dump_on_fail(has("组织生活预警 2 / 超过六个月 1"), "watch counts");

    harness_key(&h, '2');
    harness_run(&h);
    dump_on_fail(title_is("三会一课") && has("第 1/7 条"), "2 opens meetings");
    harness_key(&h, TUI_KEY_ESC);
    harness_run(&h);
    dump_on_fail(has("1  党员信息"), "Esc back home");
    harness_key(&h, '3');
    harness_run(&h);
    dump_on_fail(title_is("组织生活检查"), "3 opens compliance");
    harness_key(&h, TUI_KEY_ESC);
    harness_run(&h);
    harness_key(&h, '4');
    harness_run(&h);
    dump_on_fail(title_is("组织生活预警"), "4 opens the watch list");
    harness_key(&h, TUI_KEY_ESC);
    harness_run(&h);
    /* arrows and Enter: the cursor stays on the last item opened (4) */
    harness_key(&h, TUI_FN(KEY_UP));
    harness_key(&h, TUI_FN(KEY_UP));
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("三会一课"), "Up Up Enter opens item 2");
    harness_key(&h, TUI_KEY_ESC);
    harness_run(&h);
    harness_key(&h, '1');
    harness_run(&h);
    dump_on_fail(has("第 1/5 条") && has("公民身份号码"), "1 opens members");
    /* h on the member list: the selected member's history */
    harness_key(&h, 'h');
    harness_run(&h);
    dump_on_fail(title_is("组织生活出勤") && has("出勤率"), "h opens history");
    ck_assert_int_eq(tui_app_depth(h.app), 3);
}
END_TEST

/* ---- meetings ---- */

START_TEST(meetings_newest_first_with_counts)
{
    push(meetings_screen_new(h.app, &ctx, 0, 0));
    dump_on_fail(title_is("三会一课  全部组织"), "title");
    const char *order[] = {"2026-11-02", "2026-10-10", "2026-10-05",
                           "2026-09-15", "2026-07-08", "2026-06-12",
                           "2026-03-20"};
    int prev = harness_find(&h, "日期");
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        int y = harness_find(&h, order[i]);
        dump_on_fail(y > prev, "newest first");
        prev = y;
    }
    dump_on_fail(has("第 1/7 条"), "seven meetings");
    /* 支委会 of A: A's subtree (3 members) expected, 1 present */
    dump_on_fail(under("十月支委会", "支部委员会", "类型"), "kind column");
    dump_on_fail(under("十月支委会", "09:00", "时间"), "time column");
    dump_on_fail(under_right("十月支委会", "3", "应到"), "应到 3");
    char row[512];
    harness_row(&h, harness_find(&h, "十月支委会"), row, sizeof row);
    size_t n = strlen(row);
    dump_on_fail(n > 6 && strcmp(row + n - 6, "3    1") == 0, "实到 1");
}
END_TEST

START_TEST(meetings_filters)
{
    push(meetings_screen_new(h.app, &ctx, 0, 0));
    /* k: kind picker (k is not "up" here) */
    harness_key(&h, 'k');
    harness_type(&h, "党课");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("三会一课  全部组织  党课"), "kind in title");
    dump_on_fail(has("第 1/1 条") && has("学习党章"), "only the lesson");
    harness_key(&h, 'k');
    harness_type(&h, "全部");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(has("/7 条"), "all kinds again");

    /* t: a quarter */
    harness_key(&h, 't');
    harness_type(&h, "2026Q4");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("三会一课  全部组织  2026年第4季度"), "period title");
    dump_on_fail(has("/3 条") && !has("学习党章"), "Q4 only");
    /* a bad period is refused at the prompt and changes nothing */
    harness_key(&h, 't');
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, "2026Q5");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("三会一课  全部组织  2026年第4季度") &&
                 has("/3 条"), "bad period ignored");

    /* o: an organisation's subtree */
    harness_key(&h, 'o');
    harness_type(&h, "临江");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("三会一课  临江社区老党员支部"), "org title");
    dump_on_fail(has("/2 条") && has("社区义务劳动") &&
                 has("十月主题党日"), "B's Q4 meetings");

    /* back to all organisations and all dates, then the topic filter */
    harness_key(&h, 'o');
    harness_key(&h, TUI_FN(KEY_HOME));
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, 't');
    harness_key(&h, TUI_CTRL('u'));
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("三会一课  全部组织") && has("/7 条"),
                 "filters cleared");
    harness_key(&h, '/');
    harness_type(&h, "党章");
    harness_run(&h);
    dump_on_fail(has("第 1/1 条") && has("学习党章"), "topic filter");
}
END_TEST

START_TEST(meeting_form_validates_and_saves)
{
    push(meetings_screen_new(h.app, &ctx, branch_a, MK_COMMITTEE));
    dump_on_fail(has("第 1/2 条"), "A's committee meetings");
    harness_key(&h, 'a');
    harness_run(&h);
    dump_on_fail(title_is("三会一课 - 新增会议"), "form title");
    dump_on_fail(row_has("组织：", "东湖社区第一网格党支部"), "org preset");
    dump_on_fail(row_has("类型：", "支部委员会"), "kind preset");
    dump_on_fail(row_has("日期：", "2026-11-22"), "date defaults to today");
    dump_on_fail(!has("讲课人"), "no lecturer for a committee meeting");

    /* the cursor is on the date: on to the times */
    harness_key(&h, '\t');
    harness_type(&h, "9:30");
    harness_key(&h, '\t');
    harness_type(&h, "09:00");
    harness_key(&h, '\t');
    harness_run(&h);
    dump_on_fail(row_has("开始时间", "09:30"), "start normalized");
    dump_on_fail(row_has("结束时间", "结束时间不能早于开始时间"),
                 "end before start");
    harness_key(&h, TUI_FN(KEY_BTAB));
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, "25:00");
    harness_key(&h, '\t');
    harness_run(&h);
    dump_on_fail(row_has("结束时间", "时间格式应为 HH:MM"), "bad time");
    /* saving is refused while it stands */
    harness_key(&h, TUI_FN(KEY_F(2)));
    harness_run(&h);
    dump_on_fail(has("请改正后再保存"), "save refused");
    harness_key(&h, TUI_CTRL('u'));   /* the failed save focused it */
    harness_type(&h, "11:00");
    harness_key(&h, '\t');            /* 地点 */
    harness_type(&h, "社区党群服务中心");
    harness_key(&h, '\t');            /* 主持人 */
    harness_key(&h, '\t');            /* 记录人 */
    harness_key(&h, '\t');            /* 主题 (讲课人 hidden) */
    harness_type(&h, "十一月支委会");
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    dump_on_fail(has("已保存") && has("第 1/3 条"), "saved, back on the list");
    dump_on_fail(row_has("十一月支委会", "09:30") &&
                 row_has("十一月支委会", "2026-11-22"), "new row shown");
    /* the cursor is on it */
    dump_on_fail(has("第 1/3 条"), "cursor on the new meeting (newest)");

    struct meeting_query q = {.org_id = branch_a, .kind = MK_COMMITTEE};
    struct meeting_row rows[4];
    int n = 0;
    zb_err e;
    ck_assert(meeting_window(d, &q, 0, 4, rows, &n, &e) == 0);
    ck_assert_int_eq(n, 3);
    ck_assert_str_eq(rows[0].topic, "十一月支委会");
    ck_assert_int_eq(rows[0].expected, 3);   /* the roll was prepared */
    meeting *m = malloc(sizeof *m);
    ck_assert(meeting_get(d, rows[0].id, m, &e) == 0);
    ck_assert_str_eq(m->start_time, "09:30");
    ck_assert_str_eq(m->end_time, "11:00");
    ck_assert_str_eq(m->place, "社区党群服务中心");
    free(m);
}
END_TEST

START_TEST(meeting_form_lesson_has_lecturer_and_edit)
{
    push(meetings_screen_new(h.app, &ctx, 0, 0));
    /* e on 学习党章 (a 党课): the lecturer field is there */
    harness_key(&h, '/');
    harness_type(&h, "党章");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, 'e');
    harness_run(&h);
    dump_on_fail(title_is("三会一课 - 编辑会议 2026-09-15"), "edit title");
    dump_on_fail(has("讲课人"), "lecturer shown for a lesson");
    dump_on_fail(row_has("主题", "学习党章"), "topic loaded");
    /* focus is on the topic: change it and save */
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, "学习新党章");
    harness_key(&h, TUI_FN(KEY_F(2)));
    harness_run(&h);
    dump_on_fail(has("已保存"), "saved");
    meeting *m = malloc(sizeof *m);
    zb_err e;
    ck_assert(meeting_get(d, m2, m, &e) == 0);
    ck_assert_str_eq(m->topic, "学习新党章");
    free(m);
}
END_TEST

START_TEST(meetings_enter_opens_roll_and_delete)
{
    push(meetings_screen_new(h.app, &ctx, 0, 0));
    harness_key(&h, TUI_FN(KEY_DOWN));   /* 十月支委会 */
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("考勤"), "roll title");
    harness_key(&h, TUI_KEY_ESC);
    harness_run(&h);
    dump_on_fail(title_is("三会一课"), "back on the list");

    /* delete: no keeps it, yes removes it with its roll */
    harness_key(&h, '/');
    harness_type(&h, "六月");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, 'd');
    harness_type(&h, "n");
    harness_run(&h);
    dump_on_fail(has("六月支委会"), "n keeps it");
    harness_key(&h, 'd');
    harness_type(&h, "y");
    harness_run(&h);
    dump_on_fail(has("共 0 条") && has("已删除会议：2026-06-12 六月支委会"),
                 "deleted");
    meeting *m = malloc(sizeof *m);
    zb_err e;
    ck_assert(meeting_get(d, m6, m, &e) != 0);
    free(m);
}
END_TEST

/* ---- compliance ---- */

START_TEST(compliance_table_and_gap)
{
    push(compliance_screen_new(h.app, &ctx));
    dump_on_fail(title_is("组织生活检查  2026年  全部组织"), "title");
    dump_on_fail(has("期间：2026-01-01 至 2026-12-31（统计到 2026-11-22）") &&
                 has("3 个组织，3 个有缺口"), "period and totals");
    /* A: 党员大会 1 in 4 quarters begun, Q2 and Q3 ended without one (Q4
     * is not over); 支委会 2 in 11 months, 8 ended without */
    dump_on_fail(under("东湖社区第一网格", "1/4缺2", "党员大会"), "general");
    dump_on_fail(under("东湖社区第一网格", "2/11缺8", "支委会"), "committee");
    dump_on_fail(under("东湖社区第一网格", "1/4缺2", "党课"), "lesson");
    dump_on_fail(under("东湖社区第一网格", "0/1", "组织生活会") &&
                 !row_has("东湖社区第一网格", "0/1缺"), "the year is not over");
    /* the group: only 党小组会 applies */
    dump_on_fail(under("第一党小组", "1/11缺9", "党小组会"), "group");
    char row[512];
    harness_row(&h, harness_find(&h, "第一党小组"), row, sizeof row);
    dump_on_fail(strstr(row, "/4") == NULL, "nothing else for a group");
    dump_on_fail(under("临江社区老党员", "2/11缺9", "主题党日") &&
                 under("临江社区老党员", "0/4缺3", "党员大会"), "B");

    /* Enter on A: pick the committee gap, get A's committee meetings */
    harness_key(&h, '/');
    harness_type(&h, "东湖");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, TUI_KEY_ENTER);
    harness_type(&h, "支部委员会");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("三会一课  东湖社区第一网格党支部  支部委员会"),
                 "filtered meetings");
    dump_on_fail(has("第 1/2 条") && has("十月支委会") && has("六月支委会"),
                 "A's committee meetings");
}
END_TEST

START_TEST(compliance_period_and_org)
{
    push(compliance_screen_new(h.app, &ctx));
    harness_key(&h, 't');
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, "2026Q3");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("组织生活检查  2026年第3季度"), "quarter title");
    dump_on_fail(has("期间：2026-07-01 至 2026-09-30"), "quarter dates");
    dump_on_fail(under("东湖社区第一网格", "1/1", "党课"), "lesson held");
    dump_on_fail(under("第一党小组", "1/3缺2", "党小组会"), "group in Q3");
    harness_key(&h, 'o');
    harness_type(&h, "临江");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(has("1 个组织，1 个有缺口") && !has("第一党小组"), "root org");
}
END_TEST

/* ---- watch ---- */

START_TEST(watch_levels)
{
    push(watch_screen_new(h.app, &ctx));
    dump_on_fail(title_is("组织生活预警"), "title");
    dump_on_fail(has("党章第九条"), "the rule explained");
    dump_on_fail(has("第 1/4 条"), "four on the list");
    dump_on_fail(row_has("王芳", "从未") && row_has("王芳", "超过六个月"),
                 "never attended: flagged");
    dump_on_fail(row_has("李明", "2026-07-08") && row_has("李明", "预警"),
                 "four months: warned");
    dump_on_fail(under_right("李明", "4", "月数"), "months");
    dump_on_fail(row_has("孙丽", "待补课"), "make-up owed only");
    dump_on_fail(harness_find(&h, "王芳") < harness_find(&h, "李明"),
                 "longest first");
    dump_on_fail(!has("赵磊"), "attending members are not listed");
    /* Enter: the member's history */
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(title_is("组织生活出勤  王芳"), "history of the first");
}
END_TEST

/* ---- history ---- */

START_TEST(history_rate_and_makeup)
{
    push(member_history_new(h.app, &ctx, zhang));
    dump_on_fail(title_is("组织生活出勤  张小军"), "title");
    dump_on_fail(has("东湖社区第一网格党支部"), "organisation shown");
    dump_on_fail(has("出勤率 66.7%（出席 2 / 应参加 3，请假 1）"), "rate");
    dump_on_fail(has("近 12 个月（2025-12-01 至 2026-11-22）"), "period");
    dump_on_fail(has("第 1/4 条"), "four rows");
    int y1 = harness_find(&h, "十月支委会"), y3 = harness_find(&h, "一季度");
    dump_on_fail(y1 >= 0 && y1 < y3, "newest first");
    dump_on_fail(row_has("学习党章", "迟到") && row_has("六月支委会", "缺席"),
                 "states");

    /* m on a row that is not 请假 */
    harness_key(&h, 'm');
    harness_run(&h);
    dump_on_fail(has("只有请假的记录需要补课"), "not a leave");
    /* m on the 请假 row (the last): the date defaults to today */
    harness_key(&h, TUI_FN(KEY_END));
    harness_key(&h, 'm');
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(has("已登记补课：张小军（2026-11-22）"), "make-up recorded");
    long n = 0;
    zb_err e;
    ck_assert(watch_count(d, 0, "2026-11-22", 1, &n, &e) == 0);
    ck_assert_int_eq(n, 3);

    /* t: a quarter with only the leave */
    harness_key(&h, 't');
    harness_type(&h, "2026Q1");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(has("出勤率 -（应参加 0，请假 1）") && has("第 1/1 条"),
                 "Q1 rate");
}
END_TEST

START_TEST(member_form_f5_history)
{
    push(member_form_new(h.app, &ctx, li));
    harness_key(&h, TUI_FN(KEY_F(5)));
    harness_run(&h);
    dump_on_fail(title_is("组织生活出勤  李明"), "F5 opens history");
    dump_on_fail(has("出勤率 100.0%（出席 1 / 应参加 1，请假 0）"), "rate");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("screens_meetings");
    TCase *tc = tcase_create("meetings");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, home_menu_counts_and_keys);
    tcase_add_test(tc, meetings_newest_first_with_counts);
    tcase_add_test(tc, meetings_filters);
    tcase_add_test(tc, meeting_form_validates_and_saves);
    tcase_add_test(tc, meeting_form_lesson_has_lecturer_and_edit);
    tcase_add_test(tc, meetings_enter_opens_roll_and_delete);
    tcase_add_test(tc, compliance_table_and_gap);
    tcase_add_test(tc, compliance_period_and_org);
    tcase_add_test(tc, watch_levels);
    tcase_add_test(tc, history_rate_and_makeup);
    tcase_add_test(tc, member_form_f5_history);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
