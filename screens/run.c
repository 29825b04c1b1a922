#include <stdio.h>
#include <string.h>

#include "screens.h"
#include "text.h"

int screens_run(db *d, const struct zb_config *cfg)
{
    text_set_ambiguous_width(cfg->ambiguous_width);
    struct zb_ctx ctx = {.db = d, .cfg = cfg};

    /* The title bar shows which database file is open: people share
     * several of them on one box. */
    const char *path = db_path(d);
    const char *base = strrchr(path, '/');
    char right[200];
    snprintf(right, sizeof right, "zhibu  %s", base ? base + 1 : path);

    struct tui_app_config ac = {.right_title = right};
    tui_app *app = tui_app_new(&ac);
    if (!app) {
        fputs("zhibu：无法初始化终端（请检查 TERM 设置）\n", stderr);
        return 1;
    }
    tui_screen *home = home_screen_new(app, &ctx);
    if (!home) {
        tui_app_free(app);
        fputs("zhibu：内存不足\n", stderr);
        return 1;
    }
    tui_app_push(app, home);
    tui_app_run(app);
    tui_app_free(app);
    return 0;
}
