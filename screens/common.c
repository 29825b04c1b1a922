/* What many screens share: pushing a screen, and the scaffolding of a
 * screen built around one list view (struct screens_list) or a form
 * (struct screens_form). */
#include <stdlib.h>

#include "screens.h"
#include "tui/draw.h"

int screens_push(tui_app *app, tui_screen *next)
{
    if (!next) {
        tui_app_error(app, "无法打开");
        return TUI_HANDLED | TUI_REDRAW;
    }
    tui_app_push(app, next);
    return TUI_HANDLED | TUI_REDRAW;
}

/* ---- list screens ---- */

void *screens_list_alloc(size_t size, const struct tui_screen_ops *ops,
                         tui_app *app, struct zb_ctx *ctx)
{
    struct screens_list *s = calloc(1, size);
    if (!s)
        return NULL;
    s->base.ops = ops;
    s->base.app = app;
    s->ctx = ctx;
    return s;
}

void screens_list_free(struct screens_list *s)
{
    lv_free(s->lv);
    tree_free(s->t);
    free(s);
}

int screens_list_reload(struct screens_list *s)
{
    zb_err e;
    if (s->load)
        s->load(s);
    if (lv_reload(s->lv, &e) != 0)
        tui_app_error(s->base.app, "%s", e.msg);
    return TUI_HANDLED | TUI_REDRAW;
}

void screens_list_focus(struct screens_list *s, int64_t id)
{
    if (s->t)
        tree_focus(s->t, s->lv, id);
    else
        lv_select_id(s->lv, id);
}

void screens_list_draw_at(struct screens_list *s, WINDOW *w, int y, int h,
                          int wd)
{
    char pos[64];
    lv_draw(s->lv, w, y, 0, h, wd);
    lv_position_text(s->lv, pos, sizeof pos);
    tui_app_set_position(s->base.app, pos);
}

void screens_list_draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    screens_list_draw_at((struct screens_list *)base, w, 0, h, wd);
}

void screens_list_draw_empty(tui_screen *base, WINDOW *w, int h, int wd,
                             bool empty, const char *hint)
{
    screens_list_draw(base, w, h, wd);
    if (empty && h > 3)
        tui_put(w, 2, 2, hint, wd - 2, TEXT_LEFT, tui_style(STYLE_DIM));
}

int screens_list_key(tui_screen *base, int k)
{
    struct screens_list *s = (struct screens_list *)base;
    if (!lv_filtering(s->lv)) {
        if (k == TUI_KEY_ESC && *lv_filter(s->lv)) {
            int64_t id = lv_selected_id(s->lv);
            lv_set_filter(s->lv, "");
            if (s->t && id)
                tree_focus(s->t, s->lv, id);
            return TUI_HANDLED | TUI_REDRAW;
        }
        if (s->t) {
            int r = tree_key(s->t, s->lv, k);
            if (r != TUI_UNHANDLED)
                return r;
        }
        /* the screen's letters before the list's */
        if (tui_keymap_lookup(base->ops->keymap, k) != ACT_NONE)
            return TUI_UNHANDLED;
    }
    return lv_key(s->lv, k);
}

void screens_list_resume(tui_screen *base)
{
    struct screens_list *s = (struct screens_list *)base;
    screens_list_reload(s);
    if (s->saved && *s->saved) {
        screens_list_focus(s, *s->saved);
        *s->saved = 0;
    }
}

int screens_list_tick(tui_screen *base)
{
    struct screens_list *s = (struct screens_list *)base;
    if (!db_changed_elsewhere(s->ctx->db))
        return TUI_UNHANDLED;
    return screens_list_reload(s);
}

void screens_list_cursor(tui_screen *base, int *y, int *x)
{
    lv_cursor_pos(((struct screens_list *)base)->lv, y, x);
}

/* ---- form screens ---- */

void *screens_form_alloc(size_t size, const struct tui_screen_ops *ops,
                         tui_app *app, struct zb_ctx *ctx,
                         int (*save)(struct screens_form *f))
{
    struct screens_form *f = calloc(1, size);
    if (!f)
        return NULL;
    f->base.ops = ops;
    f->base.app = app;
    f->ctx = ctx;
    f->save = save;
    return f;
}

void screens_form_free(struct screens_form *f)
{
    fv_free(f->fv);
    free(f);
}

bool screens_form_check(struct screens_form *f)
{
    int bad = fv_validate_all(f->fv);
    if (bad < 0)
        return true;
    const char *why = fv_error(f->fv, bad);
    tui_app_error(f->base.app, "「%s」%s，请改正后再保存",
                  fv_label(f->fv, bad), why ? why : "有误");
    return false;
}

void screens_form_refused(struct screens_form *f, int field,
                          const char *msg)
{
    fv_error_at(f->fv, field, msg);
    tui_app_error(f->base.app, "保存失败：%s", msg);
}

void screens_form_draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct screens_form *f = (struct screens_form *)base;
    fv_draw(f->fv, w, 0, 0, h, wd);
    tui_app_set_position(base->app, fv_dirty(f->fv) ? "已修改" : "");
}

int screens_form_key(tui_screen *base, int k)
{
    return fv_key(((struct screens_form *)base)->fv, k);
}

int screens_form_action(tui_screen *base, enum tui_action a)
{
    struct screens_form *f = (struct screens_form *)base;
    if (a == ACT_SAVE && f->save)
        return f->save(f);
    return TUI_UNHANDLED;
}

bool screens_form_unsaved(tui_screen *base)
{
    return fv_dirty(((struct screens_form *)base)->fv);
}

void screens_form_cursor(tui_screen *base, int *y, int *x)
{
    fv_cursor_pos(((struct screens_form *)base)->fv, y, x);
}
