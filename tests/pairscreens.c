/* The fixture of the pairing screen tests (check_screens_pairs.c,
 * check_screens_assist.c): a temporary database with a small grid tree,
 * three helpers and four households, and helpers that read the
 * off-screen terminal. */
#include "pairscreens.h"

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/grid.h"
#include "testutil.h"
#include "text.h"

db *d;
struct zb_config cfg;
struct zb_ctx ctx;
struct harness h;
/* 东湖社区 > 第一片区 > 第一网格 > 3号楼, 5号楼 */
int64_t community, area, grid, b3, b5;
int64_t zhangwei, lihong, wangqiang;   /* helpers: 3号楼, 5号楼, 3号楼 */
/* chen: 低保+孤老, 3号楼, 王强 since 01-01, visited 05-01 (overdue);
 * liu: 单亲, 3号楼, unpaired; zhou: 残疾, 5号楼, 李红 since 09-01,
 * visited 11-01 with money, a job and a follow-up due 11-10 (past);
 * sun: 贫困户, closed */
int64_t chen, liu, zhou, sun_;
int64_t pair_chen, pair_zhou, visit_zhou;

static int64_t add_grid(int64_t parent, int level, const char *name)
{
    struct grid_node *g = malloc(sizeof *g);
    ck_assert_ptr_nonnull(g);
    grid_node_init(g);
    g->parent_id = parent;
    g->level = level;
    snprintf(g->name, sizeof g->name, "%s", name);
    zb_err e;
    ck_assert_msg(grid_save(d, g, &e) == 0, "%s", e.msg);
    int64_t id = g->id;
    free(g);
    return id;
}

static int64_t add_member(const char *name, int64_t org, int64_t residence)
{
    int64_t id = tu_member(d, name, "", "", org);
    char sql[200];
    snprintf(sql, sizeof sql, "UPDATE member SET residence_id = %lld"
             " WHERE id = %lld", (long long)residence, (long long)id);
    tu_sql(d, sql);
    return id;
}

int64_t ps_household(const char *name, unsigned kinds, int level,
                     int64_t grid_id)
{
    household *x = malloc(sizeof *x);
    ck_assert_ptr_nonnull(x);
    household_init(x);
    snprintf(x->name, sizeof x->name, "%s", name);
    x->kinds = kinds;
    x->level = level;
    x->grid_id = grid_id;
    snprintf(x->registered, sizeof x->registered, "2025-12-01");
    zb_err e;
    const char *f = NULL;
    ck_assert_msg(household_save(d, x, &f, &e) == 0, "%s: %s", name, e.msg);
    int64_t id = x->id;
    free(x);
    return id;
}

static int64_t add_pair(int64_t hh, int64_t member, const char *start)
{
    pair *p = malloc(sizeof *p);
    ck_assert_ptr_nonnull(p);
    pair_init(p);
    p->household_id = hh;
    p->member_id = member;
    snprintf(p->start_date, sizeof p->start_date, "%s", start);
    zb_err e;
    const char *f = NULL;
    ck_assert_msg(pair_save(d, p, NULL, true, &f, &e) == 0, "%s", e.msg);
    int64_t id = p->id;
    free(p);
    return id;
}

static int64_t add_visit(int64_t pair_id, const char *date, int64_t cash,
                         int64_t goods, int jobs, const char *followup,
                         const char *due)
{
    visit *v = malloc(sizeof *v);
    ck_assert_ptr_nonnull(v);
    visit_init(v);
    v->pair_id = pair_id;
    snprintf(v->date, sizeof v->date, "%s", date);
    v->kind = cash ? VK_CONDOLENCE : VK_VISIT;
    snprintf(v->done, sizeof v->done, "上门看望");
    v->cash_fen = cash;
    v->goods_fen = goods;
    if (goods)
        snprintf(v->goods, sizeof v->goods, "米和油");
    v->jobs = jobs;
    snprintf(v->followup, sizeof v->followup, "%s", followup);
    snprintf(v->followup_due, sizeof v->followup_due, "%s", due);
    zb_err e;
    const char *f = NULL;
    ck_assert_msg(visit_save(d, v, &f, &e) == 0, "%s: %s", f ? f : "",
                  e.msg);
    int64_t id = v->id;
    free(v);
    return id;
}

void ps_setup(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("ZHIBU_TODAY", "2026-11-22", 1);
    d = tu_open();
    int64_t street = tu_org(d, 0, "青松街道党工委", "街道党工委");
    int64_t branch = tu_org(d, street, "东湖社区党支部", "社区党支部");
    community = add_grid(0, GRID_COMMUNITY, "东湖社区");
    area = add_grid(community, GRID_AREA, "第一片区");
    grid = add_grid(area, GRID_GRID, "第一网格");
    b3 = add_grid(grid, GRID_BUILDING, "3号楼");
    b5 = add_grid(grid, GRID_BUILDING, "5号楼");
    zhangwei = add_member("张卫", branch, b3);
    lihong = add_member("李红", branch, b5);
    wangqiang = add_member("王强", branch, b3);

    chen = ps_household("陈桂兰", HH_KIND_BIT(HK_DIBAO) |
                         HH_KIND_BIT(HK_ELDERLY), 2, b3);
    liu = ps_household("刘小梅", HH_KIND_BIT(HK_SINGLE_PARENT), 1, b3);
    zhou = ps_household("周建国", HH_KIND_BIT(HK_DISABLED), 3, b5);
    sun_ = ps_household("孙兰英", HH_KIND_BIT(HK_POOR), 1, b5);
    pair_chen = add_pair(chen, wangqiang, "2026-01-01");
    add_visit(pair_chen, "2026-05-01", 30000, 0, 0, "", "");
    pair_zhou = add_pair(zhou, lihong, "2026-09-01");
    visit_zhou = add_visit(pair_zhou, "2026-11-01", 100000, 20000, 1,
                           "申请残疾补贴", "2026-11-10");

    household *x = malloc(sizeof *x);
    ck_assert_ptr_nonnull(x);
    zb_err e;
    ck_assert(household_get(d, sun_, x, &e) == 0);
    x->status = HH_CLOSED;
    snprintf(x->closed, sizeof x->closed, "2026-10-01");
    snprintf(x->close_reason, sizeof x->close_reason, "已脱困");
    const char *f = NULL;
    ck_assert_msg(household_save(d, x, &f, &e) == 0, "%s", e.msg);
    free(x);

    config_defaults(&cfg);
    memset(&ctx, 0, sizeof ctx);
    ctx.db = d;
    ctx.cfg = &cfg;
    ck_assert_int_eq(harness_start(&h, 24, 80), 0);
}

void ps_teardown(void)
{
    harness_stop(&h);
    db_close(d);
    tu_cleanup();
}

void dump_on_fail(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "---- %s ----\n", what);
        harness_dump(&h, stderr);
        ck_abort_msg("%s", what);
    }
}

void push(tui_screen *s)
{
    ck_assert_ptr_nonnull(s);
    tui_app_push(h.app, s);
    harness_run(&h);
}

/* Queues keys; a dialog opened by them reads what is queued after them,
 * so the answers must be queued before the keys are run. */
void qk(const int *k)
{
    for (; *k; k++)
        harness_key(&h, *k);
}

void keys(const int *k)
{
    qk(k);
    harness_run(&h);
}

bool has(const char *text)
{
    return harness_find(&h, text) >= 0;
}

bool row_has(const char *key, const char *text)
{
    char row[1024];
    int y = body_row(key);
    if (y < 0)
        return false;
    harness_row(&h, y, row, sizeof row);
    return strstr(row, text) != NULL;
}

/* Row of `key` in the body (not the title or the status line), -1. */
int body_row(const char *key)
{
    char row[1024];
    for (int y = 1; y < h.rows - 2; y++)
        if (strstr(harness_row(&h, y, row, sizeof row), key))
            return y;
    return -1;
}

bool in_body(const char *text)
{
    return body_row(text) >= 0;
}

/* The nearest row above y holding head (a column header), -1. */
static int header_above(int y, const char *head)
{
    char row[1024];
    while (--y >= 0)
        if (strstr(harness_row(&h, y, row, sizeof row), head))
            return y;
    return -1;
}

/* The row of `key` shows `cell` starting where the header `head` above
 * it starts. */
bool under(const char *key, const char *cell, const char *head)
{
    int y = body_row(key);
    int hdr = y < 0 ? -1 : header_above(y, head);
    if (hdr < 0)
        return false;
    int hc = harness_col(&h, hdr, head);
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
    return hc >= 0 && col == hc && strncmp(p, cell, len) == 0 &&
           (p[len] == ' ' || p[len] == '\0');
}

/* Right-aligned: `cell` ends where the header `head` above it ends. */
bool under_right(const char *key, const char *cell, const char *head)
{
    int y = body_row(key);
    int hdr = y < 0 ? -1 : header_above(y, head);
    if (hdr < 0)
        return false;
    int hc = harness_col(&h, hdr, head), c = harness_col(&h, y, cell);
    return hc >= 0 && c >= 0 &&
           c + text_width(cell) == hc + text_width(head);
}

/* A form field's message: on the field's row or the one below. */
bool field_says(const char *label, const char *msg)
{
    char row[1024];
    int y = body_row(label);
    if (y < 0)
        return false;
    if (strstr(harness_row(&h, y, row, sizeof row), msg))
        return true;
    return strstr(harness_row(&h, y + 1, row, sizeof row), msg) != NULL;
}

bool title_is(const char *prefix)
{
    char row[1024];
    harness_row(&h, 0, row, sizeof row);
    const char *p = row;
    while (*p == ' ')
        p++;
    return strncmp(p, prefix, strlen(prefix)) == 0;
}


int pairs_of(int64_t hh, struct pair_row **rows)
{
    int n = 0;
    zb_err e;
    ck_assert_msg(pair_list_household(d, hh, true, rows, &n, &e) == 0, "%s",
                  e.msg);
    return n;
}
