/* Placeholder until the screen is written. */
#include "screens.h"

tui_screen *grids_screen_new(tui_app *app, struct zb_ctx *ctx)
{
    (void)app;
    (void)ctx;
    return NULL;
}
