/* Households, pairs and visits over a temporary database: validation
 * messages at their fields, lists, last_visit, nothing half-saved. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "model/household.h"
#include "model/pair.h"
#include "pairutil.h"
#include "testutil.h"

#define TODAY "2026-06-15"

/* validate h: expect failure at field with a message containing msg */
static void hh_bad_at(db *d, const household *h, const char *field,
                      const char *msg)
{
    zb_err e = {""};
    const char *f = NULL;
    ck_assert_int_eq(household_validate(d, h, &f, &e), -1);
    ck_assert_msg(f && strcmp(f, field) == 0, "field %s, want %s (%s)",
                  f ? f : "NULL", field, e.msg);
    ck_assert_msg(strstr(e.msg, msg) != NULL, "「%s」 lacks 「%s」", e.msg,
                  msg);
}

START_TEST(household_validation)
{
    db *d = tu_open();
    pu_tree(d);
    int64_t m1 = pu_member(d, "贺兰山", 4, NULL);
    int64_t gone = pu_member(d, "离开者", 4, NULL);
    pu_sql(d, "UPDATE member SET left_kind = 2 WHERE id = %lld",
           (long long)gone);
    household h;
    household_init(&h);
    hh_bad_at(d, &h, "name", "请填写姓名");
    snprintf(h.name, sizeof h.name, "  ");
    hh_bad_at(d, &h, "name", "请填写姓名");
    snprintf(h.name, sizeof h.name, "钱塘");
    hh_bad_at(d, &h, "kinds", "请至少选择一种");
    h.kinds = BIT(HK_PARTY);
    hh_bad_at(d, &h, "member_id", "困难党员须关联党员档案");
    h.kinds = BIT(HK_DIBAO);
    h.member_id = m1;
    hh_bad_at(d, &h, "member_id", "困难党员");
    h.kinds |= BIT(HK_PARTY);
    h.member_id = gone;
    hh_bad_at(d, &h, "member_id", "已不在党员名册中");
    h.member_id = 99999;
    hh_bad_at(d, &h, "member_id", "不存在");
    h.member_id = m1;
    snprintf(h.phone, sizeof h.phone, "12345");
    hh_bad_at(d, &h, "phone", "电话号码格式不正确");
    snprintf(h.phone, sizeof h.phone, "13912345678");
    h.size = 0;
    hh_bad_at(d, &h, "size", "1–99");
    h.size = 100;
    hh_bad_at(d, &h, "size", "1–99");
    h.size = 3;
    h.level = 4;
    hh_bad_at(d, &h, "level", "困难程度");
    h.level = 3;
    h.grid_id = 77;
    hh_bad_at(d, &h, "grid_id", "网格不存在");
    h.grid_id = 5;
    snprintf(h.registered, sizeof h.registered, "2026-06-16");
    hh_bad_at(d, &h, "registered", "登记日期不能晚于今天");
    snprintf(h.registered, sizeof h.registered, "2026-02-30");
    hh_bad_at(d, &h, "registered", "登记日期无效");
    snprintf(h.registered, sizeof h.registered, "2026-03-01");
    h.status = HH_CLOSED;
    hh_bad_at(d, &h, "closed", "销号日期无效");
    snprintf(h.closed, sizeof h.closed, "2026-07-01");
    hh_bad_at(d, &h, "closed", "不能晚于今天");
    snprintf(h.closed, sizeof h.closed, "2026-02-01");
    hh_bad_at(d, &h, "closed", "早于登记日期 2026-03-01");
    snprintf(h.closed, sizeof h.closed, "2026-06-01");
    hh_bad_at(d, &h, "close_reason", "请填写销号原因");
    h.status = HH_OPEN;

    zb_err e;
    const char *f;
    ck_assert_int_eq(household_save(d, &h, &f, &e), 0);
    ck_assert_int_gt(h.id, 0);
    household g;
    ck_assert_int_eq(household_get(d, h.id, &g, &e), 0);
    ck_assert_str_eq(g.name, "钱塘");
    ck_assert_uint_eq(g.kinds, BIT(HK_DIBAO) | BIT(HK_PARTY));
    ck_assert_int_eq(g.member_id, m1);
    ck_assert_int_eq(g.grid_id, 5);
    ck_assert_int_eq(g.size, 3);
    ck_assert_int_eq(g.level, 3);
    ck_assert_str_eq(g.last_visit, "");
    ck_assert_str_eq(g.registered, "2026-03-01");
    ck_assert_int_eq(strlen(g.created_at), 19);
    /* the same member in a second open household */
    household h2;
    household_init(&h2);
    snprintf(h2.name, sizeof h2.name, "另一户");
    h2.kinds = BIT(HK_PARTY);
    h2.member_id = m1;
    hh_bad_at(d, &h2, "member_id", "已登记为帮扶对象：钱塘");
    /* a failed save stores nothing */
    ck_assert_int_eq(household_save(d, &h2, &f, &e), -1);
    ck_assert_int_eq(pu_int(d, "SELECT count(*) FROM household"), 1);
    int64_t found;
    ck_assert_int_eq(household_of_member(d, m1, &found, &e), 0);
    ck_assert_int_eq(found, h.id);
    char text[128];
    household_kinds_text(g.kinds, false, text, sizeof text);
    ck_assert_str_eq(text, "低保户、困难党员");
    household_kinds_text(BIT(HK_UNEMPLOYED) | BIT(HK_POOR), true, text,
                         sizeof text);
    ck_assert_str_eq(text, "失业、贫困");
    db_close(d);
}
END_TEST

START_TEST(household_lists)
{
    db *d = tu_open();
    pu_tree(d);
    int64_t m = pu_member(d, "帮手甲", 4, NULL);
    int64_t a = pu_household(d, "张大爷", BIT(HK_ELDERLY), 1, 5, 0);
    int64_t b = pu_household(d, "李阿姨", BIT(HK_DIBAO) | BIT(HK_DISABLED),
                             3, 8, 0);
    int64_t c = pu_household(d, "王小明", BIT(HK_LEFT_BEHIND), 2, 11, 0);
    int64_t x = pu_household(d, "赵六", BIT(HK_POOR), 2, 0, 0);
    household hc;
    zb_err e;
    const char *f;
    ck_assert_int_eq(household_get(d, c, &hc, &e), 0);
    snprintf(hc.phone, sizeof hc.phone, "138 0000 1111");
    ck_assert_int_eq(household_save(d, &hc, &f, &e), 0);
    pu_pair(d, a, m, "2026-01-01");
    long n;
    struct household_query q = {0};
    ck_assert_int_eq(household_count(d, &q, &n, &e), 0);
    ck_assert_int_eq(n, 4);
    struct household_row rows[8];
    int nr;
    ck_assert_int_eq(household_window(d, &q, 0, 8, rows, &nr, &e), 0);
    ck_assert_int_eq(nr, 4);
    /* pinyin: li, wang, zhang, zhao */
    ck_assert_str_eq(rows[0].name, "李阿姨");
    ck_assert_str_eq(rows[1].name, "王小明");
    ck_assert_str_eq(rows[2].name, "张大爷");
    ck_assert_str_eq(rows[3].name, "赵六");
    ck_assert_int_eq(rows[2].helpers, 1);
    ck_assert_str_eq(rows[2].helper_name, "帮手甲");
    ck_assert_str_eq(rows[2].grid_name, "1单元");
    ck_assert_str_eq(rows[1].grid_name, "西一片");
    long pos;
    ck_assert_int_eq(household_position(d, &q, a, &pos, &e), 0);
    ck_assert_int_eq(pos, 2);
    q.sort = HH_SORT_LEVEL;
    ck_assert_int_eq(household_window(d, &q, 0, 8, rows, &nr, &e), 0);
    ck_assert_str_eq(rows[0].name, "李阿姨");
    ck_assert_str_eq(rows[1].name, "王小明");
    ck_assert_str_eq(rows[2].name, "赵六");
    ck_assert_int_eq(household_position(d, &q, x, &pos, &e), 0);
    ck_assert_int_eq(pos, 2);
    q.sort = HH_SORT_NEWEST;     /* 赵六 registered long ago: last */
    pu_sql(d, "UPDATE household SET registered = '2026-01-01' WHERE id = %lld",
           (long long)x);
    ck_assert_int_eq(household_window(d, &q, 1, 3, rows, &nr, &e), 0);
    ck_assert_int_eq(nr, 3);
    ck_assert_int_eq(rows[0].id, b);
    ck_assert_int_eq(rows[1].id, a);
    ck_assert_int_eq(rows[2].id, x);
    ck_assert_str_eq(rows[2].created, "2026-01-01");
    ck_assert_int_eq(household_position(d, &q, a, &pos, &e), 0);
    ck_assert_int_eq(pos, 2);
    q.sort = HH_SORT_PINYIN;
    /* filters */
    q.grid_id = 2;          /* 一片: 1单元 and 3号楼 */
    ck_assert_int_eq(household_count(d, &q, &n, &e), 0);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(household_position(d, &q, c, &pos, &e), 0);
    ck_assert_int_eq(pos, -1);
    q.grid_id = 0;
    q.kinds = BIT(HK_DISABLED) | BIT(HK_LEFT_BEHIND);
    ck_assert_int_eq(household_count(d, &q, &n, &e), 0);
    ck_assert_int_eq(n, 2);
    q.kinds = 0;
    q.level = 2;
    ck_assert_int_eq(household_count(d, &q, &n, &e), 0);
    ck_assert_int_eq(n, 2);
    q.level = 0;
    const char *const filters[] = {"大爷", "zdy", "ZDY", "0001111", " lay "};
    const long want[] = {1, 1, 1, 1, 1};
    for (int i = 0; i < 5; i++) {
        q.filter = filters[i];
        ck_assert_int_eq(household_count(d, &q, &n, &e), 0);
        ck_assert_msg(n == want[i], "%s: %ld", filters[i], n);
    }
    q.filter = NULL;
    q.view = HV_UNPAIRED;
    ck_assert_int_eq(household_count(d, &q, &n, &e), 0);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(household_position(d, &q, a, &pos, &e), 0);
    ck_assert_int_eq(pos, -1);
    db_close(d);
}
END_TEST

START_TEST(pair_validation)
{
    db *d = tu_open();
    pu_tree(d);
    int64_t poor = pu_member(d, "困难党员甲", 4, "幸福路8号1单元101");
    int64_t kin = pu_member(d, "同户家属", 4, "幸福路 8 号 1 单元 101");
    int64_t lost = pu_member(d, "失联者", 4, NULL);
    int64_t susp = pu_member(d, "停籍者", 4, NULL);
    int64_t ok = pu_member(d, "热心人", 6, NULL);
    pu_sql(d, "UPDATE member SET lost = 1 WHERE id = %lld", (long long)lost);
    pu_sql(d, "UPDATE member SET party_status = 2 WHERE id = %lld",
           (long long)susp);
    int64_t h = pu_household(d, "困难党员甲", BIT(HK_PARTY), 2, 5, poor);
    struct pair_config cfg;
    pair_config_default(&cfg);
    cfg.max_load = 1;
    pair p;
    pair_init(&p);
    p.household_id = h;
    zb_err e;
    const char *f;
    ck_assert_int_eq(pair_validate(d, &p, &cfg, false, NULL, &f, &e), -1);
    ck_assert_str_eq(f, "member_id");
    ck_assert_str_eq(e.msg, "请选择结对党员或填写共建单位人员");
    snprintf(p.partner_name, sizeof p.partner_name, "孙干部");
    ck_assert_int_eq(pair_validate(d, &p, &cfg, false, NULL, &f, &e), -1);
    ck_assert_str_eq(f, "partner_unit");
    snprintf(p.partner_unit, sizeof p.partner_unit, "区税务局");
    snprintf(p.partner_phone, sizeof p.partner_phone, "999");
    ck_assert_int_eq(pair_validate(d, &p, &cfg, false, NULL, &f, &e), -1);
    ck_assert_str_eq(f, "partner_phone");
    p.partner_phone[0] = '\0';
    ck_assert_int_eq(pair_validate(d, &p, &cfg, false, NULL, &f, &e), 0);
    p.partner_name[0] = p.partner_unit[0] = '\0';

    const int64_t bad[] = {poor, kin, lost, susp};
    const char *const msg[] = {"不能与本人结对", "同住一户", "失联",
                               "停止党籍"};
    for (int i = 0; i < 4; i++) {
        p.member_id = bad[i];
        ck_assert_int_eq(pair_validate(d, &p, &cfg, false, NULL, &f, &e),
                         -1);
        ck_assert_msg(strstr(e.msg, msg[i]), "%s", e.msg);
        ck_assert_str_eq(f, "member_id");
    }
    p.member_id = ok;
    snprintf(p.end_date, sizeof p.end_date, "2026-01-01");
    snprintf(p.start_date, sizeof p.start_date, "2026-02-01");
    ck_assert_int_eq(pair_validate(d, &p, &cfg, false, NULL, &f, &e), -1);
    ck_assert_str_eq(f, "end_date");
    p.end_date[0] = '\0';
    ck_assert_int_eq(pair_save(d, &p, &cfg, false, &f, &e), 0);
    /* again: a duplicate */
    pair q;
    pair_init(&q);
    q.household_id = h;
    q.member_id = ok;
    ck_assert_int_eq(pair_validate(d, &q, &cfg, true, NULL, &f, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "已与此户结对"));
    /* the load limit: one more household asks for a confirmation */
    int64_t h2 = pu_household(d, "第二户", BIT(HK_DIBAO), 1, 6, 0);
    q.household_id = h2;
    ck_assert_int_eq(pair_save(d, &q, &cfg, false, &f, &e), PAIR_OVERLOAD);
    ck_assert_str_eq(f, "member_id");
    ck_assert_str_eq(e.msg,
                     "热心人 已结对帮扶 1 户（上限 1 户），仍要结对吗？");
    ck_assert_int_eq(pu_int(d, "SELECT count(*) FROM pair"), 1);
    ck_assert_int_eq(pair_save(d, &q, &cfg, true, &f, &e), 0);
    int load;
    ck_assert_int_eq(pair_member_load(d, ok, NULL, &load, &e), 0);
    ck_assert_int_eq(load, 2);
    /* lists both ways */
    struct pair_row *rows;
    int n;
    ck_assert_int_eq(pair_list_member(d, ok, false, &rows, &n, &e), 0);
    ck_assert_int_eq(n, 2);
    ck_assert_str_eq(rows[0].household_name, "困难党员甲");
    ck_assert_int_eq(rows[0].ongoing, 1);
    free(rows);
    ck_assert_int_eq(pair_end(d, p.id, "2026-03-01", &e), 0);
    ck_assert_int_eq(pair_list_household(d, h, false, &rows, &n, &e), 0);
    ck_assert_int_eq(n, 0);
    free(rows);
    ck_assert_int_eq(pair_list_household(d, h, true, &rows, &n, &e), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(rows[0].helper_name, "热心人");
    ck_assert_str_eq(rows[0].end_date, "2026-03-01");
    ck_assert_int_eq(rows[0].ongoing, 0);
    free(rows);
    ck_assert_int_eq(pair_end(d, q.id, "2025-01-01", &e), -1);
    /* closing a household ends its pairs */
    household hh;
    ck_assert_int_eq(household_get(d, h2, &hh, &e), 0);
    hh.status = HH_CLOSED;
    snprintf(hh.closed, sizeof hh.closed, "%s", TODAY);
    snprintf(hh.close_reason, sizeof hh.close_reason, "已脱困");
    ck_assert_msg(household_save(d, &hh, &f, &e) == 0, "%s", e.msg);
    ck_assert_int_eq(pu_int(d, "SELECT count(*) FROM pair WHERE end_date = ''"),
                            0);
    pair r;
    pair_init(&r);
    r.household_id = h2;
    r.member_id = ok;
    ck_assert_int_eq(pair_validate(d, &r, &cfg, true, NULL, &f, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "已销号"));
    /* deletes: a pair without visits goes; a household with pairs not */
    ck_assert_int_eq(household_delete(d, h2, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "请销号"));
    ck_assert_int_eq(pair_delete(d, q.id, &e), 0);
    ck_assert_int_eq(household_delete(d, h2, &e), 0);
    db_close(d);
}
END_TEST

START_TEST(visits_and_last_visit)
{
    db *d = tu_open();
    pu_tree(d);
    int64_t m = pu_member(d, "热心人", 6, NULL);
    int64_t h = pu_household(d, "钱塘", BIT(HK_DIBAO), 1, 5, 0);
    int64_t p = pu_pair(d, h, m, "2026-02-01");
    visit v;
    visit_init(&v);
    zb_err e;
    const char *f;
    ck_assert_int_eq(visit_validate(d, &v, NULL, &f, &e), -1);
    ck_assert_str_eq(f, "pair_id");
    ck_assert_str_eq(e.msg, "请选择走访人");
    v.pair_id = p;
    snprintf(v.date, sizeof v.date, "2026-06-16");
    ck_assert_int_eq(visit_validate(d, &v, NULL, &f, &e), -1);
    ck_assert_str_eq(f, "date");
    ck_assert_str_eq(e.msg, "走访日期不能晚于今天");
    snprintf(v.date, sizeof v.date, "2026-01-31");
    ck_assert_int_eq(visit_validate(d, &v, NULL, &f, &e), -1);
    ck_assert_str_eq(e.msg, "走访日期早于结对开始日期 2026-02-01");
    snprintf(v.date, sizeof v.date, "2026-03-01");
    v.cash_fen = -1;
    ck_assert_int_eq(visit_validate(d, &v, NULL, &f, &e), -1);
    ck_assert_str_eq(f, "cash");
    v.cash_fen = 50050;
    v.goods_fen = 100;
    ck_assert_int_eq(visit_validate(d, &v, NULL, &f, &e), -1);
    ck_assert_str_eq(f, "goods");
    snprintf(v.goods, sizeof v.goods, "棉被两床");
    v.jobs = 100;
    ck_assert_int_eq(visit_validate(d, &v, NULL, &f, &e), -1);
    ck_assert_str_eq(f, "jobs");
    v.jobs = 1;
    snprintf(v.followup, sizeof v.followup, "办理低保复审");
    ck_assert_int_eq(visit_validate(d, &v, NULL, &f, &e), -1);
    ck_assert_str_eq(f, "followup_due");
    snprintf(v.followup_due, sizeof v.followup_due, "2026-02-28");
    ck_assert_int_eq(visit_validate(d, &v, NULL, &f, &e), -1);
    ck_assert_str_eq(f, "followup_due");
    ck_assert_str_eq(e.msg, "办理期限早于走访日期 2026-03-01");
    snprintf(v.followup_due, sizeof v.followup_due, "2026-04-01");
    /* a failed save leaves nothing behind */
    v.kind = 0;
    ck_assert_int_eq(visit_save(d, &v, &f, &e), -1);
    ck_assert_int_eq(pu_int(d, "SELECT count(*) FROM visit"), 0);
    ck_assert_int_eq(pu_int(d, "SELECT last_visit = '' FROM household"), 1);
    v.kind = VK_CONDOLENCE;
    ck_assert_int_eq(visit_save(d, &v, &f, &e), 0);
    ck_assert_int_eq(v.household_id, h);
    int64_t v2 = pu_visit(d, p, "2026-05-01", 0, 0, 0);
    household g;
    ck_assert_int_eq(household_get(d, h, &g, &e), 0);
    ck_assert_str_eq(g.last_visit, "2026-05-01");
    /* moving the latest visit back lowers last_visit */
    visit w;
    ck_assert_int_eq(visit_get(d, v2, &w, &e), 0);
    snprintf(w.date, sizeof w.date, "2026-02-15");
    ck_assert_int_eq(visit_save(d, &w, &f, &e), 0);
    ck_assert_int_eq(household_get(d, h, &g, &e), 0);
    ck_assert_str_eq(g.last_visit, "2026-03-01");
    ck_assert_int_eq(visit_delete(d, v.id, &e), 0);
    ck_assert_int_eq(household_get(d, h, &g, &e), 0);
    ck_assert_str_eq(g.last_visit, "2026-02-15");
    /* a pair with visits ends no earlier than its last visit, and is
     * not deleted */
    ck_assert_int_eq(pair_end(d, p, "2026-02-10", &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "2026-02-15"));
    ck_assert_int_eq(pair_delete(d, p, &e), -1);
    ck_assert_int_eq(pair_end(d, p, "2026-04-30", &e), 0);
    visit late;
    visit_init(&late);
    late.pair_id = p;
    snprintf(late.date, sizeof late.date, "2026-05-02");
    ck_assert_int_eq(visit_validate(d, &late, NULL, &f, &e), -1);
    ck_assert_str_eq(e.msg, "走访日期晚于结对结束日期 2026-04-30");
    struct visit_row *rows;
    int n;
    ck_assert_int_eq(visit_list_household(d, h, &rows, &n, &e), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(rows[0].helper_name, "热心人");
    free(rows);
    ck_assert_int_eq(visit_delete(d, v2, &e), 0);
    ck_assert_int_eq(household_get(d, h, &g, &e), 0);
    ck_assert_str_eq(g.last_visit, "");
    db_close(d);
}
END_TEST

/* History: a pair that ended may name a helper who has since left (or
 * is 失联 / 停止党籍); an ongoing one may not, and an ended one is still
 * not the household's own 困难党员. */
START_TEST(ended_pair_needs_no_eligible_helper)
{
    db *d = tu_open();
    pu_tree(d);
    int64_t poor = pu_member(d, "困难党员乙", 4, NULL);
    int64_t gone = pu_member(d, "已转出者", 4, NULL);
    int64_t lost = pu_member(d, "失联者丙", 4, NULL);
    pu_sql(d, "UPDATE member SET left_kind = 2, left_date = '2026-03-01'"
              " WHERE id = %lld", (long long)gone);
    pu_sql(d, "UPDATE member SET lost = 1 WHERE id = %lld", (long long)lost);
    int64_t h = pu_household(d, "困难党员乙", BIT(HK_PARTY), 2, 5, poor);
    struct pair_config cfg;
    pair_config_default(&cfg);
    pair p;
    pair_init(&p);
    p.household_id = h;
    p.member_id = gone;
    snprintf(p.start_date, sizeof p.start_date, "2025-01-01");
    zb_err e;
    const char *f = NULL;
    /* ongoing: refused */
    ck_assert_int_eq(pair_validate(d, &p, &cfg, false, NULL, &f, &e), -1);
    ck_assert_str_eq(f, "member_id");
    ck_assert_ptr_nonnull(strstr(e.msg, "已不在党员名册中"));
    /* ended before today: history, accepted and saved */
    snprintf(p.end_date, sizeof p.end_date, "2026-02-28");
    ck_assert_msg(pair_validate(d, &p, &cfg, false, NULL, &f, &e) == 0, "%s",
                  e.msg);
    ck_assert_int_eq(pair_save(d, &p, &cfg, false, &f, &e), 0);
    ck_assert_int_gt(p.id, 0);
    pair q;
    pair_init(&q);
    q.household_id = h;
    q.member_id = lost;
    snprintf(q.start_date, sizeof q.start_date, "2025-01-01");
    snprintf(q.end_date, sizeof q.end_date, "2025-12-31");
    ck_assert_int_eq(pair_validate(d, &q, &cfg, false, NULL, &f, &e), 0);
    /* ending today is still ongoing today */
    snprintf(q.end_date, sizeof q.end_date, TODAY);
    ck_assert_int_eq(pair_validate(d, &q, &cfg, false, NULL, &f, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "失联"));
    /* never the household's own member */
    q.member_id = poor;
    snprintf(q.end_date, sizeof q.end_date, "2025-12-31");
    ck_assert_int_eq(pair_validate(d, &q, &cfg, false, NULL, &f, &e), -1);
    ck_assert_str_eq(e.msg, "不能与本人结对");
    db_close(d);
}
END_TEST

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("ZHIBU_TODAY", TODAY, 1);
    Suite *s = suite_create("pair");
    TCase *tc = tcase_create("pair");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, NULL, tu_cleanup);
    tcase_add_test(tc, household_validation);
    tcase_add_test(tc, household_lists);
    tcase_add_test(tc, pair_validation);
    tcase_add_test(tc, visits_and_last_visit);
    tcase_add_test(tc, ended_pair_needs_no_eligible_helper);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
