#include <stdio.h>
#include <string.h>

#include "io/backup_roll.h"
#include "rules.h"
#include "screens.h"
#include "text.h"

/* The rolling daily backup next to the database. A failure never stops
 * the start: it is shown on the status line. */
static void daily_backup(tui_app *app, db *d, const struct zb_config *cfg)
{
    char today[11];
    struct backup_roll_result r;
    zb_err e;
    if (backup_roll(d, rules_today(today), cfg->backup_keep, &r, &e) != 0)
        tui_app_error(app, "%s", e.msg);
}

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
    /* the menu first: a large database's backup takes a moment, and
     * keys typed meanwhile wait in the terminal's queue */
    tui_app_draw(app);
    daily_backup(app, d, cfg);
    tui_app_run(app);
    tui_app_free(app);
    return 0;
}
