/* Screens of zhibu. A screen is mostly data (columns or fields, a
 * keymap) and a few callbacks into the model. */
#ifndef ZB_SCREENS_H
#define ZB_SCREENS_H

#include <stdint.h>

#include "config.h"
#include "db.h"
#include "tui/app.h"

/* What every screen may use. */
struct zb_ctx {
    db *db;
    /* Set by the member form on save so the list can move its cursor
     * to the saved record when it is on top again. */
    int64_t saved_member;
};

/* Runs the interactive program on d until the user quits. */
int screens_run(db *d, const struct zb_config *cfg);

tui_screen *members_screen_new(tui_app *app, struct zb_ctx *ctx);
/* member_id 0 = a new member */
tui_screen *member_form_new(tui_app *app, struct zb_ctx *ctx,
                            int64_t member_id);

#endif
