/* Screen tests of the member register: the real screens on an off-screen
 * terminal over a temporary database, read back as a person would see
 * them. */
#include <check.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain.h"
#include "harness.h"
#include "model/grid.h"
#include "model/member.h"
#include "model/org.h"
#include "screens.h"
#include "tui/key.h"

static char dir[64];
static char path[128];
static db *d;
static struct zb_ctx ctx;
static struct harness h;
static int64_t branch_a, branch_b;

static int64_t add_member(const char *name, int gender, const char *idnum,
                          const char *birth, int64_t org, const char *phone)
{
    member m;
    member_init(&m);
    snprintf(m.name, sizeof m.name, "%s", name);
    m.gender = gender;
    snprintf(m.id_number, sizeof m.id_number, "%s", idnum);
    snprintf(m.birth_date, sizeof m.birth_date, "%s", birth);
    snprintf(m.join_date, sizeof m.join_date, "1990-07-01");
    snprintf(m.full_date, sizeof m.full_date, "1991-07-01");
    snprintf(m.phone, sizeof m.phone, "%s", phone);
    m.org_id = org;
    zb_err e;
    ck_assert_msg(member_save(d, &m, &e) == 0, "%s", e.msg);
    return m.id;
}

static void setup(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("ZHIBU_TODAY", "2026-11-22", 1);
    snprintf(dir, sizeof dir, "/tmp/zhibu-screens-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/t.db", dir);
    zb_err e;
    ck_assert_msg(db_open(path, DB_OPEN_CREATE, &d, &e) == 0, "%s", e.msg);
    int64_t street;
    ck_assert(org_add(d, 0, "青松街道党工委", "街道党工委", &street, &e) == 0);
    ck_assert(org_add(d, street, "东湖社区第一网格党支部", "网格党支部",
                      &branch_a, &e) == 0);
    ck_assert(org_add(d, street, "临江社区老党员支部", "功能型党支部",
                      &branch_b, &e) == 0);
    add_member("张小军", GENDER_FEMALE, "11010519491231002X", "1949-12-31",
               branch_a, "13800001234");
    add_member("安然", GENDER_MALE, "440524188001010014", "1880-01-01",
               branch_b, "13900005678");
    add_member("欧阳诸葛慕容司马", GENDER_MALE, "", "1960-05-01", branch_a,
               "010-62345678");
    add_member("丁一", GENDER_MALE, "", "1970-01-01", branch_b, "13700000001");
    add_member("Li Lei", GENDER_MALE, "", "1980-01-01", branch_b, "");
    ctx.db = d;
    ctx.saved_member = 0;
    ck_assert_int_eq(harness_start(&h, 24, 80), 0);
    tui_app_push(h.app, members_screen_new(h.app, &ctx));
    harness_run(&h);
}

static void teardown(void)
{
    harness_stop(&h);
    db_close(d);
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static void dump_on_fail(int ok, const char *what)
{
    if (!ok) {
        harness_dump(&h, stderr);
        ck_abort_msg("%s", what);
    }
}

START_TEST(list_rows_and_columns)
{
    char row[512];
    int hdr = harness_find(&h, "公民身份号码");
    dump_on_fail(hdr >= 0, "header row");
    /* pinyin order: 安然 < 丁一 < Li Lei < 欧阳… < 张小军 */
    int an = harness_find(&h, "安然"), ding = harness_find(&h, "丁一");
    int ou = harness_find(&h, "欧阳"), zhang = harness_find(&h, "张小军");
    dump_on_fail(an > hdr && ding > an && ou > ding && zhang > ou,
                 "pinyin order");
    /* the long name is cut with '~' and never shifts the next column */
    harness_row(&h, ou, row, sizeof row);
    dump_on_fail(strstr(row, "欧阳诸葛慕") != NULL && strstr(row, "~") != NULL,
                 "long name truncated with ~");
    dump_on_fail(strstr(row, "欧阳诸葛慕容司马") == NULL, "name not cut");
    int gender_col = harness_col(&h, hdr, "性别");
    dump_on_fail(gender_col > 0, "gender header");
    dump_on_fail(harness_col(&h, ou, "男") == gender_col, "gender column (long)");
    dump_on_fail(harness_col(&h, an, "男") == gender_col, "gender column (short)");
    dump_on_fail(harness_col(&h, zhang, "女") == gender_col, "gender column");
    int phone_col = harness_col(&h, hdr, "联系电话");
    dump_on_fail(harness_col(&h, zhang, "13800001234") == phone_col, "phone column");
    dump_on_fail(harness_col(&h, ou, "010-62345678") == phone_col, "landline column");
    /* ID numbers are masked; ages are computed from the birth date */
    harness_row(&h, zhang, row, sizeof row);
    dump_on_fail(strstr(row, "1101**********002X") != NULL, "masked ID");
    dump_on_fail(strstr(row, "11010519491231002X") == NULL, "ID not masked");
    dump_on_fail(strstr(row, " 76 ") != NULL, "age 76");
    dump_on_fail(harness_find(&h, "第 1/5 条") == 22, "position on status line");
}
END_TEST

START_TEST(filter_by_initials_phone_and_name)
{
    harness_key(&h, '/');
    harness_type(&h, "zxj");
    harness_run(&h);
    dump_on_fail(harness_find(&h, "张小军") >= 0, "zxj finds 张小军");
    dump_on_fail(harness_find(&h, "安然") < 0, "others filtered out");
    dump_on_fail(harness_find(&h, "第 1/1 条") >= 0, "count 1");
    harness_key(&h, 27);
    harness_run(&h);
    /* the cursor stays on the record it was on */
    dump_on_fail(harness_find(&h, "第 5/5 条") >= 0, "Esc clears the filter");
    harness_key(&h, '/');
    harness_type(&h, "5678");
    harness_run(&h);
    dump_on_fail(harness_find(&h, "欧阳") >= 0 && harness_find(&h, "安然") >= 0,
                 "phone digits");
    dump_on_fail(harness_find(&h, "第 1/2 条") >= 0, "two phones end in 5678");
    harness_key(&h, 27);
    harness_key(&h, '/');
    harness_type(&h, "诸葛");
    harness_run(&h);
    dump_on_fail(harness_find(&h, "第 1/1 条") >= 0, "name substring");
}
END_TEST

START_TEST(sort_by_strokes)
{
    /* dialogs run their own loops: queue the whole conversation */
    harness_key(&h, 's');
    harness_type(&h, "bh");       /* 姓氏笔画 by initials */
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(harness_find(&h, "按姓氏笔画排序") == 0, "title names the order");
    /* 丁 2 strokes < 安 6 < 张 7 < 欧 8 */
    int ding = harness_find(&h, "丁一"), an = harness_find(&h, "安然");
    int zhang = harness_find(&h, "张小军"), ou = harness_find(&h, "欧阳");
    dump_on_fail(ding >= 0 && ding < an && an < zhang && zhang < ou,
                 "stroke order");
}
END_TEST

START_TEST(form_shows_member_and_validates)
{
    harness_key(&h, '/');
    harness_type(&h, "zxj");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    dump_on_fail(harness_find(&h, "编辑") >= 0 || harness_find(&h, "张小军（编号") >= 0,
                 "form title");
    int idrow = harness_find(&h, "公民身份号码");
    dump_on_fail(idrow >= 0 && harness_col(&h, idrow, "11010519491231002X") > 0,
                 "ID shown in full in the form");
    dump_on_fail(harness_find(&h, "东湖社区第一网格党支部") >= 0, "branch shown");
    /* to the ID field (name -> gender -> ID), break the check character */
    harness_key(&h, '\t');
    harness_key(&h, '\t');
    harness_key(&h, TUI_FN(KEY_BACKSPACE));
    harness_type(&h, "1");
    harness_key(&h, '\t');
    harness_run(&h);
    idrow = harness_find(&h, "公民身份号码");
    char row[512];
    harness_row(&h, idrow, row, sizeof row);
    dump_on_fail(strstr(row, "应为 X") != NULL, "checksum message at the field");
    harness_key(&h, TUI_FN(KEY_F(2)));
    harness_run(&h);
    dump_on_fail(harness_find(&h, "请改正后再保存") >= 0, "save refused");
    member m;
    zb_err e;
    ck_assert(member_get(d, 1, &m, &e) == 0);
    ck_assert_str_eq(m.id_number, "11010519491231002X");
}
END_TEST

START_TEST(form_edits_and_saves_phone)
{
    harness_key(&h, '/');
    harness_type(&h, "zxj");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, TUI_KEY_ENTER);
    for (int i = 0; i < 11; i++)
        harness_key(&h, '\t');
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, "13912345678");
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    dump_on_fail(harness_find(&h, "已保存") >= 0, "saved message");
    dump_on_fail(harness_find(&h, "13912345678") >= 0, "list shows new phone");
    member m;
    zb_err e;
    ck_assert(member_get(d, 1, &m, &e) == 0);
    ck_assert_str_eq(m.phone, "13912345678");
    ck_assert_str_eq(m.name, "张小军");
}
END_TEST

START_TEST(new_member_duplicate_id_refused)
{
    harness_key(&h, 'a');
    harness_run(&h);
    dump_on_fail(harness_find(&h, "新增") >= 0, "new form");
    harness_type(&h, "重复者");
    harness_key(&h, '\t');
    harness_key(&h, '\t');
    /* a fresh valid ID fills in birth date and gender */
    harness_type(&h, "110105198001010024");
    harness_key(&h, '\t');
    harness_run(&h);
    dump_on_fail(harness_find(&h, "1980-01-01") >= 0, "birth date from ID");
    int grow = harness_find(&h, "性别");
    dump_on_fail(harness_col(&h, grow, "女") > 0, "gender from ID");
    /* an ID someone already has names the holder */
    harness_key(&h, TUI_FN(KEY_BTAB));
    harness_key(&h, TUI_CTRL('u'));
    harness_type(&h, "11010519491231002x");
    harness_key(&h, '\t');
    harness_run(&h);
    int idrow = harness_find(&h, "公民身份号码");
    char row[512];
    harness_row(&h, idrow, row, sizeof row);
    dump_on_fail(strstr(row, "已由党员 张小军（编号 10000001）使用") != NULL,
                 "duplicate names holder");
    harness_key(&h, 27);   /* Esc asks before discarding: answer no */
    harness_type(&h, "n");
    harness_run(&h);
    dump_on_fail(harness_find(&h, "重复者") >= 0, "still in the form after n");
    harness_key(&h, 27);
    harness_type(&h, "y");
    harness_run(&h);
    dump_on_fail(harness_find(&h, "第 1/5 条") >= 0, "back on the list, nothing added");
}
END_TEST

START_TEST(delete_and_mark_left)
{
    /* 丁一 was entered today: erased after confirmation */
    harness_key(&h, '/');
    harness_type(&h, "dy");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, 'd');
    harness_type(&h, "y");  /* the confirmation */
    harness_key(&h, 27);    /* clear the filter */
    harness_run(&h);
    dump_on_fail(harness_find(&h, "丁一") < 0, "deleted");
    dump_on_fail(harness_find(&h, "第 1/4 条") >= 0, "four left");

    /* 安然 has a history (entered long ago): only marked as left */
    ck_assert_int_eq(sqlite3_exec(db_handle(d),
        "UPDATE member SET created_at = '2020-01-01 00:00:00' WHERE name = '安然'",
        NULL, NULL, NULL), SQLITE_OK);
    harness_key(&h, TUI_FN(KEY_HOME));
    harness_key(&h, 'd');
    harness_type(&h, "zc");            /* picker: 转出 */
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, TUI_KEY_ENTER);    /* prompt: the date, today */
    harness_run(&h);
    dump_on_fail(harness_find(&h, "已标记 安然 转出（2026-11-22）") >= 0,
                 "status after marking");
    dump_on_fail(harness_find(&h, "/3 条") >= 0, "hidden after leaving");
    harness_key(&h, 'l');
    harness_run(&h);
    int an = harness_find(&h, "安然");
    char row[512];
    harness_row(&h, an, row, sizeof row);
    dump_on_fail(an >= 0 && strstr(row, "转出") != NULL, "shown with l, as 转出");
}
END_TEST

START_TEST(form_sets_residence_grid)
{
    struct grid_node g;
    int64_t ids[3] = {0};
    const char *names[3] = {"东湖社区", "第一网格", "1号楼"};
    const int levels[3] = {GRID_COMMUNITY, GRID_GRID, GRID_BUILDING};
    zb_err e;
    for (int i = 0; i < 3; i++) {
        grid_node_init(&g);
        g.parent_id = i ? ids[i - 1] : 0;
        g.level = levels[i];
        snprintf(g.name, sizeof g.name, "%s", names[i]);
        ck_assert_msg(grid_save(d, &g, &e) == 0, "%s", e.msg);
        ids[i] = g.id;
    }
    harness_key(&h, '/');
    harness_type(&h, "zxj");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, TUI_KEY_ENTER);
    for (int i = 0; i < 13; i++)   /* 姓名 ... 家庭住址, 居住网格 */
        harness_key(&h, '\t');
    harness_key(&h, TUI_KEY_ENTER);
    harness_type(&h, "1号楼");
    harness_key(&h, TUI_KEY_ENTER);
    harness_run(&h);
    int row = harness_find(&h, "居住网格");
    char text[512];
    harness_row(&h, row, text, sizeof text);
    dump_on_fail(row >= 0 && strstr(text, "东湖社区/第一网格/1号楼") != NULL,
                 "residence path in the form");
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    dump_on_fail(harness_find(&h, "已保存") >= 0, "saved");
    member m;
    ck_assert(member_get(d, 1, &m, &e) == 0);
    ck_assert_int_eq(m.residence_id, ids[2]);
    /* shown again when the form is opened; 「无」 clears it */
    harness_key(&h, TUI_KEY_ENTER);
    for (int i = 0; i < 13; i++)
        harness_key(&h, '\t');
    harness_run(&h);
    row = harness_find(&h, "居住网格");
    harness_row(&h, row, text, sizeof text);
    dump_on_fail(strstr(text, "东湖社区/第一网格/1号楼") != NULL, "reloaded");
    harness_key(&h, TUI_KEY_ENTER);
    harness_type(&h, "无");
    harness_key(&h, TUI_KEY_ENTER);
    harness_key(&h, TUI_CTRL('s'));
    harness_run(&h);
    ck_assert(member_get(d, 1, &m, &e) == 0);
    ck_assert_int_eq(m.residence_id, 0);
}
END_TEST

START_TEST(resize_keeps_form_text)
{
    harness_key(&h, 'a');
    harness_type(&h, "新来的党员");
    harness_run(&h);
    harness_resize(&h, 23, 79);
    dump_on_fail(harness_find(&h, "终端太小") >= 0, "too small");
    harness_resize(&h, 30, 100);
    dump_on_fail(harness_find(&h, "新来的党员") >= 0, "text kept");
    harness_resize(&h, 24, 80);
    dump_on_fail(harness_find(&h, "新来的党员") >= 0, "text kept at 80x24");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("screens");
    TCase *tc = tcase_create("members");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, list_rows_and_columns);
    tcase_add_test(tc, filter_by_initials_phone_and_name);
    tcase_add_test(tc, sort_by_strokes);
    tcase_add_test(tc, form_shows_member_and_validates);
    tcase_add_test(tc, form_edits_and_saves_phone);
    tcase_add_test(tc, new_member_duplicate_id_refused);
    tcase_add_test(tc, delete_and_mark_left);
    tcase_add_test(tc, form_sets_residence_grid);
    tcase_add_test(tc, resize_keeps_form_text);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
