/* An organisation's form: name, kind, parent (shown), the grid it is
 * built on, founding date, active, notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/org.h"
#include "rules.h"
#include "rules_org.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/formview.h"
#include "tui/key.h"

enum { F_NAME, F_KIND, F_PARENT, F_GRID, F_FOUNDED, F_ACTIVE, F_NOTES,
       NFIELDS };

/* "" then domain_org_kind (filled once: the field table is static). */
#define MAX_KINDS 16
static const char *kind_choices[MAX_KINDS + 1];
static int nkind_choices;

static struct fv_field fields[NFIELDS] = {
    [F_NAME] = {.label = "名称", .type = FV_TEXT,
                .max_chars = ORG_NAME_CHARS, .width = 44},
    [F_KIND] = {.label = "类型", .type = FV_CHOICE},
    [F_PARENT] = {.label = "上级组织", .type = FV_READONLY, .width = 60},
    [F_GRID] = {.label = "所建网格", .type = FV_REF, .width = 50},
    [F_FOUNDED] = {.label = "成立日期", .type = FV_DATE,
                   .placeholder = "YYYY-MM-DD"},
    [F_ACTIVE] = {.label = "是否有效", .type = FV_BOOL},
    [F_NOTES] = {.label = "备注", .type = FV_MULTILINE,
                 .max_chars = ORG_NOTES_CHARS, .width = 60, .height = 4},
};

static const struct tui_binding keymap[] = {
    {ACT_SAVE, {TUI_FN(KEY_F(2)), TUI_CTRL('s')}, true},
    {ACT_NONE, {0}, false},
};

struct org_form {
    struct screens_form form;   /* first: the form scaffolding */
    struct org o;             /* the record as loaded */
    char parent_kind[32];
    char today[11];
};

/* ---- validation ---- */

static const char *validate(void *ctx, formview *fv, int field, char *msg,
                            size_t msgsz)
{
    struct org_form *f = ctx;
    const char *v = fv_get(fv, field);
    switch (field) {
    case F_NAME:
        return strspn(v, " ") == strlen(v) ? "请填写组织名称" : NULL;
    case F_KIND:
        if (fv_choice(fv, F_KIND) <= 0)
            return "请选择组织类型";
        return rules_org_parent_ok(v, f->parent_kind, msg, msgsz);
    case F_FOUNDED:
        return *v && strcmp(v, f->today) > 0 ? "成立日期不能晚于今天" : NULL;
    default:
        return NULL;
    }
}

static bool pick(void *ctx, formview *fv, int field)
{
    struct org_form *f = ctx;
    if (field != F_GRID)
        return false;
    int64_t id = fv_ref(fv, F_GRID);
    char path[600];
    if (!screens_pick_grid(f->form.base.app, f->form.ctx->db, "选择所建网格",
                           "（无）", 0, 0, &id, path, sizeof path) ||
        id == fv_ref(fv, F_GRID))
        return false;
    fv_set_ref(fv, F_GRID, id, id ? path : "");
    return true;
}

static const struct fv_ops form_ops = {validate, NULL, pick};

/* ---- load / store ---- */

static int kind_index(const char *kind)
{
    for (int i = 1; i < nkind_choices; i++)
        if (strcmp(kind_choices[i], kind) == 0)
            return i;
    return 0;
}

/* The usual kind one level below the parent's. */
static const char *default_kind(const char *parent_kind)
{
    switch (rules_org_rank(parent_kind)) {
    case 0:
        return "社区党委";
    case 1:
    case 2:
        return "网格党支部";
    case 3:
        return "党小组";
    case 4:
        return "党员中心户";
    default:
        return *parent_kind ? "" : "街道党工委";
    }
}

static void load(struct org_form *f, const char *parent_path)
{
    formview *fv = f->form.fv;
    const struct org *o = &f->o;
    fv_set(fv, F_NAME, o->name);
    fv_set_choice(fv, F_KIND, kind_index(o->kind));
    fv_set(fv, F_PARENT, o->parent_id ? parent_path : "（无，最上级组织）");
    char path[600] = "";
    screens_grid_path(f->form.ctx->db, o->grid_id, path, sizeof path);
    fv_set_ref(fv, F_GRID, o->grid_id, path);
    fv_set(fv, F_FOUNDED, o->founded);
    fv_set_bool(fv, F_ACTIVE, o->active);
    fv_set(fv, F_NOTES, o->notes);
    fv_mark_clean(fv);
}

static void store(struct org_form *f, struct org *o)
{
    formview *fv = f->form.fv;
    const char *name = fv_get(fv, F_NAME);
    name += strspn(name, " ");
    snprintf(o->name, sizeof o->name, "%s", name);
    for (size_t n = strlen(o->name); n > 0 && o->name[n - 1] == ' ';)
        o->name[--n] = '\0';
    int k = fv_choice(fv, F_KIND);
    snprintf(o->kind, sizeof o->kind, "%s",
             k > 0 && k < nkind_choices ? kind_choices[k] : "");
    o->grid_id = fv_ref(fv, F_GRID);
    snprintf(o->founded, sizeof o->founded, "%s", fv_get(fv, F_FOUNDED));
    o->active = fv_bool(fv, F_ACTIVE);
    snprintf(o->notes, sizeof o->notes, "%s", fv_get(fv, F_NOTES));
}

static const char *const model_field[NFIELDS] = {
    [F_NAME] = "name", [F_KIND] = "kind", [F_GRID] = "grid",
    [F_FOUNDED] = "founded", [F_NOTES] = "notes",
};

/* A refused parent is a kind that may not sit there: shown at 类型. */
static int field_of(const char *name)
{
    if (name && strcmp(name, "parent") == 0)
        return F_KIND;
    return fv_field_named(model_field, NFIELDS, name);
}

static int save(struct screens_form *head)
{
    struct org_form *f = (struct org_form *)head;
    tui_app *app = f->form.base.app;
    if (!screens_form_check(&f->form))
        return TUI_HANDLED | TUI_REDRAW;
    struct org *o = malloc(sizeof *o);
    if (!o) {
        tui_app_error(app, "内存不足");
        return TUI_HANDLED | TUI_REDRAW;
    }
    *o = f->o;
    store(f, o);
    zb_err e;
    const char *where = NULL;
    if (org_validate(f->form.ctx->db, o, &where, &e) != 0 ||
        org_save(f->form.ctx->db, o, &e) != 0) {
        screens_form_refused(&f->form, field_of(where), e.msg);
        free(o);
        return TUI_HANDLED | TUI_REDRAW;
    }
    f->form.ctx->saved_org = o->id;
    tui_app_status(app, "已保存：%s", o->name);
    free(o);
    fv_mark_clean(f->form.fv);
    return TUI_HANDLED | TUI_REDRAW | TUI_POP;
}

/* ---- screen ops ---- */

static void destroy(tui_screen *base)
{
    struct org_form *f = (struct org_form *)base;
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

/* The parent's path from org_list (the form shows it read-only). */
static int parent_info(db *d, int64_t parent_id, char *path, size_t pathsz,
                       char *kind, size_t kindsz, zb_err *e)
{
    struct org_item *items = NULL;
    int n = 0;
    path[0] = kind[0] = '\0';
    if (!parent_id)
        return 0;
    if (org_list(d, &items, &n, e) != 0)
        return -1;
    for (int i = 0; i < n; i++)
        if (items[i].id == parent_id) {
            snprintf(path, pathsz, "%s", items[i].path);
            snprintf(kind, kindsz, "%s", items[i].kind);
        }
    free(items);
    return 0;
}

tui_screen *org_form_new(tui_app *app, struct zb_ctx *ctx, int64_t org_id,
                         int64_t parent_id)
{
    if (!nkind_choices) {
        kind_choices[nkind_choices++] = "";
        for (size_t i = 0; i < domain_org_kind_n && i < MAX_KINDS; i++)
            kind_choices[nkind_choices++] = domain_org_kind[i];
        fields[F_KIND].choices = kind_choices;
        fields[F_KIND].nchoices = nkind_choices;
    }
    struct org_form *f = screens_form_alloc(sizeof *f, &ops, app, ctx,
                                            save);
    if (!f)
        return NULL;
    rules_today(f->today);
    zb_err e;
    char ppath[512];
    org_init(&f->o);
    if (org_id && org_get(ctx->db, org_id, &f->o, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        free(f);
        return NULL;
    }
    if (!org_id)
        f->o.parent_id = parent_id;
    if (parent_info(ctx->db, f->o.parent_id, ppath, sizeof ppath,
                    f->parent_kind, sizeof f->parent_kind, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        free(f);
        return NULL;
    }
    if (!org_id)
        snprintf(f->o.kind, sizeof f->o.kind, "%s",
                 default_kind(f->parent_kind));
    f->form.fv = fv_new(app, fields, NFIELDS, &form_ops, f);
    if (!f->form.fv) {
        free(f);
        return NULL;
    }
    if (org_id)
        snprintf(f->form.base.title, sizeof f->form.base.title,
                 "组织架构 - 编辑 %.120s", f->o.name);
    else if (f->o.parent_id)
        snprintf(f->form.base.title, sizeof f->form.base.title,
                 "组织架构 - 新增下级组织（上级：%.100s）", ppath);
    else
        snprintf(f->form.base.title, sizeof f->form.base.title,
                 "组织架构 - 新增最上级组织");
    load(f, ppath);
    fv_set_focus(f->form.fv, F_NAME);
    return &f->form.base;
}
