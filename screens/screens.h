/* Screens of zhibu. A screen is mostly data (columns or fields, a
 * keymap) and a few callbacks into the model. */
#ifndef ZB_SCREENS_H
#define ZB_SCREENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "db.h"
#include "tui/app.h"
#include "tui/formview.h"
#include "tui/listview.h"
#include "tui/tree.h"

/* What every screen may use. */
struct zb_ctx {
    db *db;
    const struct zb_config *cfg;   /* settings; NULL = defaults */
    /* Set by a form on save so the list below can move its cursor to
     * the saved record when it is on top again. */
    int64_t saved_member;
    int64_t saved_meeting;
    int64_t saved_grid;
    int64_t saved_org;
    int64_t saved_org_post;
    int64_t saved_grid_role;
    int64_t saved_household;
};

/* ---- shared by the screens (defined in screens/common.c) ---- */

/* Pushes next, or says 无法打开 when it could not be made (NULL).
 * Returns TUI_HANDLED | TUI_REDRAW for an action handler to return. */
int screens_push(tui_app *app, tui_screen *next);

/* The head of a screen built around one list view (optionally showing
 * a tree). A screen whose struct starts with it gets its reload, keys,
 * resume, tick and cursor from the screens_list_* functions below:
 * set .key/.resume/.tick/.cursor (and .draw when the list is all it
 * draws) to them in its ops. */
struct screens_list {
    tui_screen base;
    struct zb_ctx *ctx;
    listview *lv;
    tree *t;         /* the tree lv shows (tree_lv_source), or NULL */
    /* Reads the screen's own data and sets its title before the list
     * re-queries; reports its own errors. NULL = nothing to read. */
    void (*load)(struct screens_list *s);
    /* The ctx->saved_* id that resume puts the cursor on (and clears),
     * or NULL. */
    int64_t *saved;
};

/* A zeroed screen of size bytes with the head set (ops, app, ctx), or
 * NULL. The caller makes head->lv (and t). */
void *screens_list_alloc(size_t size, const struct tui_screen_ops *ops,
                         tui_app *app, struct zb_ctx *ctx);
/* Frees lv, t and the screen itself (after the screen freed its own
 * data). */
void screens_list_free(struct screens_list *s);
/* load, then the list re-queried (errors on the status line).
 * Returns TUI_HANDLED | TUI_REDRAW. */
int screens_list_reload(struct screens_list *s);
/* The cursor on record id: the tree node revealed, or the row located
 * under the filter. */
void screens_list_focus(struct screens_list *s, int64_t id);
/* Draws the list over the whole body and the position "第 3/20 条". */
void screens_list_draw_at(struct screens_list *s, WINDOW *w, int y, int h,
                          int wd);
/* ops: */
void screens_list_draw(tui_screen *base, WINDOW *w, int h, int wd);
/* screens_list_draw, and when empty (nothing to list, filter or not)
 * the hint in dim text over the list: what to press to start. */
void screens_list_draw_empty(tui_screen *base, WINDOW *w, int h, int wd,
                             bool empty, const char *hint);
/* Esc first drops a kept filter (on the same node in a tree), then
 * goes back; tree keys; the screen's own keys go to the keymap before
 * the list's letters; the rest to the list. */
int screens_list_key(tui_screen *base, int k);
/* reload, then the cursor on *saved (which is cleared). */
void screens_list_resume(tui_screen *base);
/* reload when another user changed the database. */
int screens_list_tick(tui_screen *base);
void screens_list_cursor(tui_screen *base, int *y, int *x);

/* The head of a form screen: its struct starts with it, and its ops
 * take draw, key, action (F2 = save), unsaved and cursor from the
 * screens_form_* functions below. */
struct screens_form {
    tui_screen base;
    struct zb_ctx *ctx;
    formview *fv;
    /* ACT_SAVE: returns TUI_* flags (TUI_POP when saved). */
    int (*save)(struct screens_form *f);
};

/* A zeroed form screen of size bytes with the head set, or NULL. The
 * caller makes head->fv. */
void *screens_form_alloc(size_t size, const struct tui_screen_ops *ops,
                         tui_app *app, struct zb_ctx *ctx,
                         int (*save)(struct screens_form *f));
/* Frees fv and the screen itself (after the screen freed its data). */
void screens_form_free(struct screens_form *f);
/* Validates every field; at the first bad one says "「label」why，请改正后
 * 再保存" and returns false. */
bool screens_form_check(struct screens_form *f);
/* The model refused the record: msg at the field it named (-1 = none)
 * and "保存失败：msg" on the status line. */
void screens_form_refused(struct screens_form *f, int field,
                          const char *msg);
/* ops: */
void screens_form_draw(tui_screen *base, WINDOW *w, int h, int wd);
int screens_form_key(tui_screen *base, int k);
int screens_form_action(tui_screen *base, enum tui_action a);
bool screens_form_unsaved(tui_screen *base);
void screens_form_cursor(tui_screen *base, int *y, int *x);

/* Runs the interactive program on d until the user quits. */
int screens_run(db *d, const struct zb_config *cfg);

/* The first screen: a menu of the modules with a few headline counts. */
tui_screen *home_screen_new(tui_app *app, struct zb_ctx *ctx);

tui_screen *members_screen_new(tui_app *app, struct zb_ctx *ctx);
/* The members of one organisation: placed directly in it, or (subtree)
 * in it and every organisation under it; the title names it. */
tui_screen *members_screen_new_org(tui_app *app, struct zb_ctx *ctx,
                                   int64_t org_id, bool subtree);
/* member_id 0 = a new member */
tui_screen *member_form_new(tui_app *app, struct zb_ctx *ctx,
                            int64_t member_id);
/* A member's organisational life: attendance history and rate. */
tui_screen *member_history_new(tui_app *app, struct zb_ctx *ctx,
                               int64_t member_id);

/* 三会一课: meetings of org_id's subtree (0 = all), kind 0 = all. */
tui_screen *meetings_screen_new(tui_app *app, struct zb_ctx *ctx,
                                int64_t org_id, int kind);
/* meeting_id 0 = a new meeting (org and kind preset when non-zero) */
tui_screen *meeting_form_new(tui_app *app, struct zb_ctx *ctx,
                             int64_t meeting_id, int64_t org_id, int kind);
/* The roll of a meeting. */
tui_screen *roll_screen_new(tui_app *app, struct zb_ctx *ctx,
                            int64_t meeting_id);
/* Meetings held against the minimums, per organisation and period. */
tui_screen *compliance_screen_new(tui_app *app, struct zb_ctx *ctx);
/* Members not seen at organisational life for 3 / 6 months. */
tui_screen *watch_screen_new(tui_app *app, struct zb_ctx *ctx);

/* 组织架构: the organisation tree with member counts. */
tui_screen *orgs_screen_new(tui_app *app, struct zb_ctx *ctx);
/* An organisation's form: org_id 0 = a new one under parent_id (0 = a
 * new root). */
tui_screen *org_form_new(tui_app *app, struct zb_ctx *ctx, int64_t org_id,
                         int64_t parent_id);
/* The committee posts / group leaders of one organisation, current
 * first, then past terms. */
tui_screen *org_posts_new(tui_app *app, struct zb_ctx *ctx, int64_t org_id);
/* One term: post_id 0 = a new one on org_id. */
tui_screen *org_post_form_new(tui_app *app, struct zb_ctx *ctx,
                              int64_t post_id, int64_t org_id);
/* 网格管理: the grid tree with households, population and roles. */
tui_screen *grids_screen_new(tui_app *app, struct zb_ctx *ctx);
/* 网格覆盖检查: coverage gaps of one community (0 = all). */
tui_screen *coverage_screen_new(tui_app *app, struct zb_ctx *ctx,
                                int64_t community_id);
/* A grid node's form: grid_id 0 = a new node under parent_id (0 = a
 * new 社区) at level (0 = the level below the parent's). */
tui_screen *grid_form_new(tui_app *app, struct zb_ctx *ctx, int64_t grid_id,
                          int64_t parent_id, int level);
/* The responsible people of a grid node, current first, then past. */
tui_screen *grid_roles_new(tui_app *app, struct zb_ctx *ctx,
                           int64_t grid_id);
/* One role term: role_id 0 = a new one on grid_id (role 0 = none yet). */
tui_screen *grid_role_form_new(tui_app *app, struct zb_ctx *ctx,
                               int64_t role_id, int64_t grid_id, int role);
/* Shared by the grid screens (defined in screens/grids.c). */
/* Picks a grid node from grid_list paths. none_label (may be NULL) is a
 * first item meaning "no node" (id 0); exclude (0 = none) leaves out
 * that node and its subtree; below_level (0 = any) offers only nodes of
 * a level above it (valid parents of a node of that level). True if one
 * was picked: *id and path set. */
bool screens_pick_grid(tui_app *app, db *d, const char *title,
                       const char *none_label, int64_t exclude,
                       int below_level, int64_t *id, char *path,
                       size_t pathsz);
/* "东城社区/第一片区/3号楼" of a node ("" for 0 or an unknown id). */
void screens_grid_path(db *d, int64_t id, char *out, size_t outsz);
/* 结对帮扶: the register of households and persons in need. */
tui_screen *households_screen_new(tui_app *app, struct zb_ctx *ctx);
/* 帮扶预警: overdue visits, unpaired households, follow-ups past due. */
tui_screen *overdue_screen_new(tui_app *app, struct zb_ctx *ctx);
/* A household's form: household_id 0 = a new one. */
tui_screen *household_form_new(tui_app *app, struct zb_ctx *ctx,
                               int64_t household_id);
/* One household: its record, its helpers (pairs) and its visits. */
tui_screen *household_view_new(tui_app *app, struct zb_ctx *ctx,
                               int64_t household_id);
/* A pair: pair_id 0 = a new helper for household_id. */
tui_screen *pair_form_new(tui_app *app, struct zb_ctx *ctx, int64_t pair_id,
                          int64_t household_id);
/* A visit: visit_id 0 = a new visit to household_id. */
tui_screen *visit_form_new(tui_app *app, struct zb_ctx *ctx,
                           int64_t visit_id, int64_t household_id);
/* The pairing assistant: suggestions for unpaired households of the
 * grid subtree grid_id (0 = all). */
tui_screen *assist_screen_new(tui_app *app, struct zb_ctx *ctx,
                              int64_t grid_id);
/* 帮扶统计: the totals of a period for a work summary. */
tui_screen *pair_totals_new(tui_app *app, struct zb_ctx *ctx);
/* Whom a member helps. */
tui_screen *member_pairs_new(tui_app *app, struct zb_ctx *ctx,
                             int64_t member_id);
/* Shared by the pairing screens. */
/* Asks why a household is closed (the usual reasons, or typed in for
 * 其他) and the date (default today). True with both set. */
bool screens_close_household(tui_app *app, const char *name, char *reason,
                             size_t reasonsz, char date[11]);
/* Picks a helper member for household_id: eligible members nearest
 * first with their load (those at the limit marked 已满: saving the
 * pair then asks), or a name search. True with *member_id and the
 * picked person's name set. */
bool screens_pick_helper(tui_app *app, struct zb_ctx *ctx,
                         int64_t household_id, int64_t *member_id,
                         char *name, size_t namesz);

/* 工作报表: the work-summary report for a period and an organisation
 * (this year, every organisation at first), scrollable, saved with w. */
tui_screen *report_screen_new(tui_app *app, struct zb_ctx *ctx);

/* 导入数据 (home menu key i): asks what to import (Esc: nothing opens),
 * pushes the import screen and asks over it for the CSV file, its
 * encoding and, for members, whether unknown organisations are created;
 * then dry-runs and shows the report. F2 imports after a confirmation,
 * only when the dry run found no errors. Returns TUI_* flags for an
 * action handler. */
int import_screen_open(tui_app *app, struct zb_ctx *ctx);

/* Shared by the 三会一课 screens (defined in screens/meetings.c). */
/* Picks an organisation from org_list paths, the first item being
 * 「全部组织」 (id 0). True if one was picked: *org_id and name set. */
bool screens_pick_org(tui_app *app, db *d, const char *title,
                      int64_t *org_id, char *name, size_t namesz);
/* Asks for a period as people name it ("2026", "2026H1", "2026Q3",
 * "2026-03"; rules_period_parse); spec holds the initial text and gets
 * the answer. Empty text is accepted (from/to become ""). Bad input is
 * reported at the prompt. True on Enter. */
bool screens_prompt_period(tui_app *app, const char *title, char *spec,
                           size_t specsz, char from[11], char to[11]);
/* "2026年", "2026年上半年", "2026年第3季度", "2026年3月" for a valid spec;
 * the spec itself otherwise. */
void screens_period_label(const char *spec, char *out, size_t outsz);

#endif
