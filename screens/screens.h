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

/* What every screen may use. */
struct zb_ctx {
    db *db;
    const struct zb_config *cfg;   /* settings; NULL = defaults */
    /* Set by a form on save so the list below can move its cursor to
     * the saved record when it is on top again. */
    int64_t saved_member;
    int64_t saved_meeting;
};

/* Runs the interactive program on d until the user quits. */
int screens_run(db *d, const struct zb_config *cfg);

/* The first screen: a menu of the modules with a few headline counts. */
tui_screen *home_screen_new(tui_app *app, struct zb_ctx *ctx);

tui_screen *members_screen_new(tui_app *app, struct zb_ctx *ctx);
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
/* 网格管理: the grid tree with households, population and roles. */
tui_screen *grids_screen_new(tui_app *app, struct zb_ctx *ctx);
/* 网格覆盖检查: coverage gaps of one community (0 = all). */
tui_screen *coverage_screen_new(tui_app *app, struct zb_ctx *ctx,
                                int64_t community_id);
/* 结对帮扶: the register of households and persons in need. */
tui_screen *households_screen_new(tui_app *app, struct zb_ctx *ctx);
/* 帮扶预警: overdue visits, unpaired households, follow-ups past due. */
tui_screen *overdue_screen_new(tui_app *app, struct zb_ctx *ctx);

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
