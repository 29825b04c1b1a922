/* The grid node form: name, level, households and population as
 * entered (empty = not entered), sort order and notes. The checks are
 * the model's (grid_validate), shown next to the field they concern. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/grid.h"
#include "screens.h"
#include "text.h"
#include "tui/formview.h"
#include "tui/key.h"

enum { F_NAME, F_LEVEL, F_PARENT, F_HOUSEHOLDS, F_POPULATION, F_SORT,
       F_NOTES, NFIELDS };

static const struct fv_field fields[NFIELDS] = {
    /* not .required: the model's own messages say more than "必填" */
    [F_NAME] = {.label = "名称", .type = FV_TEXT,
                .max_chars = GRID_NAME_CHARS, .width = 40},
    [F_LEVEL] = {.label = "层级", .type = FV_CHOICE,
                 .choices = grid_level_label, .nchoices = GRID_LEVEL_N},
    [F_PARENT] = {.label = "上级", .type = FV_READONLY, .width = 60},
    [F_HOUSEHOLDS] = {.label = "户数", .type = FV_NUMBER, .max_chars = 7,
                      .width = 9, .placeholder = "未填"},
    [F_POPULATION] = {.label = "人口", .type = FV_NUMBER, .max_chars = 7,
                      .width = 9, .placeholder = "未填"},
    [F_SORT] = {.label = "排序", .type = FV_NUMBER, .max_chars = 7,
                .width = 9},
    [F_NOTES] = {.label = "备注", .type = FV_MULTILINE,
                 .max_chars = GRID_NOTES_CHARS, .width = 60, .height = 4},
};

static const struct tui_binding keymap[] = {
    {ACT_SAVE, {TUI_FN(KEY_F(2)), TUI_CTRL('s')}, true},
    {ACT_NONE, {0}, false},
};

struct grid_form {
    struct screens_form form;   /* first: the form scaffolding */
    struct grid_node g;     /* as loaded (or the new node's preset) */
};

/* The model's field names and the form's fields. */
/* The model's name of each field (grid_validate names the bad one). */
static const char *const model_field[NFIELDS] = {
    [F_NAME] = "name", [F_LEVEL] = "level", [F_PARENT] = "parent",
    [F_HOUSEHOLDS] = "households", [F_POPULATION] = "population",
    [F_SORT] = "sort", [F_NOTES] = "notes",
};

/* Empty = not entered (-1). *ok false when the text is not a number
 * that fits. */
static long number(const char *v, bool *ok)
{
    *ok = true;
    if (!*v)
        return -1;
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (errno || *end || x > 9999999 || x < -9999999) {
        *ok = false;
        return -1;
    }
    return x;
}

static void store(struct grid_form *f, struct grid_node *g)
{
    formview *fv = f->form.fv;
    bool ok;
    const char *name = fv_get(fv, F_NAME);
    name += strspn(name, " ");
    snprintf(g->name, sizeof g->name, "%s", name);
    for (size_t len = strlen(g->name); len > 0 && g->name[len - 1] == ' ';)
        g->name[--len] = '\0';
    g->level = fv_choice(fv, F_LEVEL);
    g->households = number(fv_get(fv, F_HOUSEHOLDS), &ok);
    g->population = number(fv_get(fv, F_POPULATION), &ok);
    long sort = number(fv_get(fv, F_SORT), &ok);
    g->sort = sort < 0 && !*fv_get(fv, F_SORT) ? 0 : (int)sort;
    snprintf(g->notes, sizeof g->notes, "%s", fv_get(fv, F_NOTES));
}

/* The model's verdict on the whole form, if it concerns `field`. */
static const char *validate(void *ctx, formview *fv, int field, char *msg,
                            size_t msgsz)
{
    struct grid_form *f = ctx;
    if (field == F_HOUSEHOLDS || field == F_POPULATION || field == F_SORT) {
        bool ok;
        number(fv_get(fv, field), &ok);
        if (!ok)
            return "数字太大";
    }
    struct grid_node *g = malloc(sizeof *g);
    if (!g)
        return NULL;
    *g = f->g;
    store(f, g);
    const char *bad = NULL;
    zb_err e;
    int rc = grid_validate(f->form.ctx->db, g, &bad, &e);
    free(g);
    if (rc != 0 && fv_field_named(model_field, NFIELDS, bad) == field) {
        snprintf(msg, msgsz, "%s", e.msg);
        return msg;
    }
    return NULL;
}

static const struct fv_ops form_ops = {validate, NULL, NULL};

static void set_number(formview *fv, int field, long v)
{
    char buf[32] = "";
    if (v >= 0 || field == F_SORT)
        snprintf(buf, sizeof buf, "%ld", v);
    fv_set(fv, field, buf);
}

static void load(struct grid_form *f)
{
    formview *fv = f->form.fv;
    const struct grid_node *g = &f->g;
    char path[600];
    fv_set(fv, F_NAME, g->name);
    fv_set_choice(fv, F_LEVEL,
                  g->level > 0 && g->level < GRID_LEVEL_N ? g->level : 0);
    screens_grid_path(f->form.ctx->db, g->parent_id, path, sizeof path);
    fv_set(fv, F_PARENT, g->parent_id ? path : "（无，社区是最上一级）");
    set_number(fv, F_HOUSEHOLDS, g->households);
    set_number(fv, F_POPULATION, g->population);
    set_number(fv, F_SORT, g->sort);
    fv_set(fv, F_NOTES, g->notes);
    fv_mark_clean(fv);
}

static int save(struct screens_form *head)
{
    struct grid_form *f = (struct grid_form *)head;
    tui_app *app = f->form.base.app;
    if (!screens_form_check(&f->form))
        return TUI_HANDLED | TUI_REDRAW;
    struct grid_node *g = malloc(sizeof *g);
    if (!g) {
        tui_app_error(app, "内存不足");
        return TUI_HANDLED | TUI_REDRAW;
    }
    *g = f->g;
    store(f, g);
    const char *field = NULL;
    zb_err e;
    if (grid_validate(f->form.ctx->db, g, &field, &e) != 0 ||
        grid_save(f->form.ctx->db, g, &e) != 0) {
        int i = fv_field_named(model_field, NFIELDS, field);
        fv_error_at(f->form.fv, i, e.msg);
        if (i >= 0)
            tui_app_error(app, "「%s」%s，请改正后再保存", fields[i].label,
                          e.msg);
        else
            tui_app_error(app, "保存失败：%s", e.msg);
        free(g);
        return TUI_HANDLED | TUI_REDRAW;
    }
    f->form.ctx->saved_grid = g->id;
    tui_app_status(app, "已保存：%s「%s」", grid_level_label[g->level],
                   g->name);
    free(g);
    fv_mark_clean(f->form.fv);
    return TUI_HANDLED | TUI_REDRAW | TUI_POP;
}

/* ---- screen ops ---- */

static void destroy(tui_screen *base)
{
    struct grid_form *f = (struct grid_form *)base;
    screens_form_free(&f->form);
}

static const struct tui_screen_ops ops = {
    .keymap = keymap,
    .draw = screens_form_draw,
    .key = screens_form_key,
    .action = screens_form_action,
    .unsaved = screens_form_unsaved,
    .cursor = screens_form_cursor,
    .destroy = destroy,
};

tui_screen *grid_form_new(tui_app *app, struct zb_ctx *ctx, int64_t grid_id,
                          int64_t parent_id, int level)
{
    struct grid_form *f = screens_form_alloc(sizeof *f, &ops, app, ctx,
                                             save);
    if (!f)
        return NULL;
    zb_err e;
    grid_node_init(&f->g);
    if (grid_id) {
        if (grid_get(ctx->db, grid_id, &f->g, &e) != 0) {
            tui_app_error(app, "%s", e.msg);
            free(f);
            return NULL;
        }
    } else {
        f->g.parent_id = parent_id;
        if (!level && parent_id) {
            struct grid_node *p = malloc(sizeof *p);
            if (p && grid_get(ctx->db, parent_id, p, &e) == 0)
                level = p->level + 1;
            free(p);
        }
        f->g.level = level > 0 && level < GRID_LEVEL_N ? level
                     : parent_id ? 0 : GRID_COMMUNITY;
    }
    f->form.fv = fv_new(app, fields, NFIELDS, &form_ops, f);
    if (!f->form.fv) {
        free(f);
        return NULL;
    }
    const char *lv = f->g.level > 0 && f->g.level < GRID_LEVEL_N
                         ? grid_level_label[f->g.level] : "节点";
    char name[96];
    text_copy_chars(name, sizeof name, f->g.name, 30);
    if (grid_id)
        snprintf(f->form.base.title, sizeof f->form.base.title,
                 "网格管理 - 编辑%s「%s」", lv, name);
    else
        snprintf(f->form.base.title, sizeof f->form.base.title,
                 "网格管理 - 新增%s", lv);
    load(f);
    fv_set_focus(f->form.fv, F_NAME);
    return &f->form.base;
}
