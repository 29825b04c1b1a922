/* Fixture of the pairing screen tests: ZHIBU_TODAY 2026-11-22, an 80x24
 * off-screen terminal, and a database with
 *   东湖社区 > 第一片区 > 第一网格 > 3号楼 (b3), 5号楼 (b5);
 *   helpers 张卫 (3号楼, no pair), 李红 (5号楼), 王强 (3号楼);
 *   陈桂兰 低保+孤老, 较重困难, 3号楼, 王强 since 2026-01-01, visited
 *     2026-05-01 with 300 元 (overdue);
 *   刘小梅 单亲, 一般困难, 3号楼, unpaired, never visited;
 *   周建国 残疾, 特别困难, 5号楼, 李红 since 2026-09-01, visited
 *     2026-11-01 with 1,000 元, goods 200 元, 1 job, a follow-up
 *     申请残疾补贴 due 2026-11-10 (past due);
 *   孙兰英 贫困户, closed 2026-10-01.
 * All registered 2025-12-01. The globals are reset by ps_setup (a Check
 * fixture with ps_teardown). */
#ifndef ZB_TESTS_PAIRSCREENS_H
#define ZB_TESTS_PAIRSCREENS_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "db.h"
#include "harness.h"
#include "model/pair.h"
#include "screens.h"

extern db *d;
extern struct zb_config cfg;     /* ctx.cfg points here */
extern struct zb_ctx ctx;
extern struct harness h;
extern int64_t community, area, grid, b3, b5;
extern int64_t zhangwei, lihong, wangqiang;
extern int64_t chen, liu, zhou, sun_;
extern int64_t pair_chen, pair_zhou, visit_zhou;

void ps_setup(void);
void ps_teardown(void);
/* One more open household (registered 2025-12-01). */
int64_t ps_household(const char *name, unsigned kinds, int level,
                     int64_t grid_id);

/* Fails the test with the screen dumped when !ok. */
void dump_on_fail(int ok, const char *what);
/* Pushes a new screen and runs. */
void push(tui_screen *s);
/* Keys ended by 0: qk queues them, keys queues and runs. A dialog
 * reads the keys queued after the one that opened it (running out of
 * input cancels it), so queue its answers before running. */
void qk(const int *k);
void keys(const int *k);

/* Reading the screen: anywhere; in the body (not the title or the
 * status line); on the body row holding key. */
bool has(const char *text);
int body_row(const char *key);
bool in_body(const char *text);
bool row_has(const char *key, const char *text);
/* The row of key shows cell starting (under) or ending (under_right)
 * where the column header head above it does. */
bool under(const char *key, const char *cell, const char *head);
bool under_right(const char *key, const char *cell, const char *head);
/* A form field's message, on the field's row or the one below. */
bool field_says(const char *label, const char *msg);
bool title_is(const char *prefix);

/* Pairs of a household (ended ones too); caller frees *rows. */
int pairs_of(int64_t hh, struct pair_row **rows);

#endif
