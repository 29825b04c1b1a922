/* Placeholder until the screen is written. */
#include "screens.h"

tui_screen *coverage_screen_new(tui_app *app, struct zb_ctx *ctx,
                                int64_t community_id)
{
    (void)app;
    (void)ctx;
    (void)community_id;
    return NULL;
}
