/* One term of a grid role: which role (only those that belong on the
 * node's level), the person (a member from the register, or any name),
 * phone, dates, notes. The checks are the model's (grid_role_validate),
 * shown next to the field they concern. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/grid.h"
#include "model/member.h"
#include "rules.h"
#include "screens.h"
#include "text.h"
#include "tui/dialog.h"
#include "tui/formview.h"
#include "tui/key.h"

enum { F_ROLE, F_MEMBER, F_NAME, F_PHONE, F_START, F_END, F_NOTES,
       NFIELDS };

static const struct fv_field fields[NFIELDS] = {
    /* not .required: the model's own messages say more than "必填" */
    [F_ROLE] = {.label = "职务", .type = FV_CHOICE},
    [F_MEMBER] = {.label = "党员", .type = FV_REF, .width = 40,
                  .placeholder = "回车从党员名册中选择（非党员可不选）"},
    [F_NAME] = {.label = "姓名", .type = FV_TEXT, .max_chars = 32,
                .width = 20},
    [F_PHONE] = {.label = "电话", .type = FV_PHONE, .max_chars = 20,
                 .width = 20},
    [F_START] = {.label = "任职日期", .type = FV_DATE,
                 .placeholder = "YYYY-MM-DD"},
    [F_END] = {.label = "离任日期", .type = FV_DATE,
               .placeholder = "空 = 至今"},
    [F_NOTES] = {.label = "备注", .type = FV_TEXT, .max_chars = 200,
                 .width = 60},
};

static const struct tui_binding keymap[] = {
    {ACT_SAVE, {TUI_FN(KEY_F(2)), TUI_CTRL('s')}, true},
    {ACT_NONE, {0}, false},
};

/* How many member matches the picker shows. */
#define PICK_MAX 200

struct grid_role_form {
    struct screens_form form;   /* first: the form scaffolding */
    struct grid_role r;            /* as loaded, or the new term */
    struct fv_field fields[NFIELDS];
    const char *choices[GRID_ROLE_N];
    int role_of[GRID_ROLE_N];      /* choice index -> role */
    int nchoices;
};

/* The model's name of each field (grid_role_validate names the bad
 * one). */
static const char *const model_field[NFIELDS] = {
    [F_ROLE] = "role", [F_MEMBER] = "member", [F_NAME] = "name",
    [F_PHONE] = "phone", [F_START] = "start_date", [F_END] = "end_date",
    [F_NOTES] = "notes",
};

static void store(struct grid_role_form *f, struct grid_role *r)
{
    formview *fv = f->form.fv;
    int c = fv_choice(fv, F_ROLE);
    r->role = c > 0 && c < f->nchoices ? f->role_of[c] : 0;
    r->member_id = fv_ref(fv, F_MEMBER);
    const char *name = fv_get(fv, F_NAME);
    name += strspn(name, " ");
    snprintf(r->name, sizeof r->name, "%s", name);
    for (size_t len = strlen(r->name); len > 0 && r->name[len - 1] == ' ';)
        r->name[--len] = '\0';
    snprintf(r->phone, sizeof r->phone, "%s", fv_get(fv, F_PHONE));
    snprintf(r->start_date, sizeof r->start_date, "%s", fv_get(fv, F_START));
    snprintf(r->end_date, sizeof r->end_date, "%s", fv_get(fv, F_END));
    snprintf(r->notes, sizeof r->notes, "%s", fv_get(fv, F_NOTES));
}

static const char *validate(void *ctx, formview *fv, int field, char *msg,
                            size_t msgsz)
{
    (void)fv;
    struct grid_role_form *f = ctx;
    struct grid_role r = f->r;
    store(f, &r);
    const char *bad = NULL;
    zb_err e;
    if (grid_role_validate(f->form.ctx->db, &r, &bad, &e) != 0 &&
        fv_field_named(model_field, NFIELDS, bad) == field) {
        snprintf(msg, msgsz, "%s", e.msg);
        return msg;
    }
    return NULL;
}

static const char *not_blank(const char *text, void *ctx)
{
    (void)ctx;
    return strspn(text, " ") == strlen(text)
           ? "请输入姓名、拼音首字母、电话或党员编号" : NULL;
}

/* The register can hold 100,000 people: ask for a search text first,
 * then pick among its matches. */
static bool pick(void *ctx, formview *fv, int field)
{
    struct grid_role_form *f = ctx;
    tui_app *app = f->form.base.app;
    if (field != F_MEMBER)
        return false;
    char text[128] = "";
    if (!tui_prompt(app, "选择党员", "姓名、拼音首字母、电话或党员编号：",
                    text, sizeof text, 40, not_blank, NULL))
        return false;
    struct member_row *rows = malloc(sizeof *rows * PICK_MAX);
    char (*labels)[300] = malloc(sizeof *labels * (PICK_MAX + 1));
    const char **items = malloc(sizeof *items * (PICK_MAX + 1));
    if (!rows || !labels || !items) {
        free(rows);
        free(labels);
        free(items);
        tui_app_error(app, "内存不足");
        return false;
    }
    struct member_query q = {.filter = text, .sort = MEMBER_SORT_PINYIN};
    int n = 0;
    zb_err e;
    bool changed = false;
    if (member_window(f->form.ctx->db, &q, 0, PICK_MAX, rows, &n, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        goto out;
    }
    items[0] = "（不关联党员，只填姓名）";
    for (int i = 0; i < n; i++) {
        snprintf(labels[i], sizeof labels[i], "%s  %s  %s  %s", rows[i].name,
                 rows[i].member_no, rows[i].phone, rows[i].org_name);
        items[i + 1] = labels[i];
    }
    if (n == 0) {
        tui_app_error(app, "名册中没有与「%s」相符的党员", text);
        goto out;
    }
    char title[200];
    snprintf(title, sizeof title, "「%s」匹配 %d 人%s", text, n,
             n == PICK_MAX ? "（只列出前 200 人）" : "");
    int k = tui_pick(app, title, items, n + 1, n == 1 ? 1 : -1);
    if (k == 0 && fv_ref(fv, F_MEMBER)) {
        fv_set_ref(fv, F_MEMBER, 0, "");
        changed = true;
    } else if (k > 0 && rows[k - 1].id != fv_ref(fv, F_MEMBER)) {
        const struct member_row *m = &rows[k - 1];
        char ref[200];
        snprintf(ref, sizeof ref, "%s（编号 %s）", m->name, m->member_no);
        fv_set_ref(fv, F_MEMBER, m->id, ref);
        /* the person's name and phone as on the register */
        fv_set(fv, F_NAME, m->name);
        if (m->phone[0])
            fv_set(fv, F_PHONE, m->phone);
        fv_set_error(fv, F_NAME, NULL);
        changed = true;
    }
out:
    free(rows);
    free(labels);
    free(items);
    return changed;
}

static const struct fv_ops form_ops = {validate, NULL, pick};

/* ---- load / save ---- */

static void load(struct grid_role_form *f)
{
    formview *fv = f->form.fv;
    const struct grid_role *r = &f->r;
    int c = 0;
    for (int i = 1; i < f->nchoices; i++)
        if (f->role_of[i] == r->role)
            c = i;
    fv_set_choice(fv, F_ROLE, c);
    if (r->member_id) {
        member *m = malloc(sizeof *m);
        zb_err e;
        char ref[200];
        if (m && member_get(f->form.ctx->db, r->member_id, m, &e) == 0)
            snprintf(ref, sizeof ref, "%s（编号 %s）", m->name, m->member_no);
        else
            snprintf(ref, sizeof ref, "%s", r->name);
        free(m);
        fv_set_ref(fv, F_MEMBER, r->member_id, ref);
    }
    fv_set(fv, F_NAME, r->name);
    fv_set(fv, F_PHONE, r->phone);
    fv_set(fv, F_START, r->start_date);
    fv_set(fv, F_END, r->end_date);
    fv_set(fv, F_NOTES, r->notes);
    fv_mark_clean(fv);
}

static int save(struct screens_form *head)
{
    struct grid_role_form *f = (struct grid_role_form *)head;
    tui_app *app = f->form.base.app;
    if (!screens_form_check(&f->form))
        return TUI_HANDLED | TUI_REDRAW;
    struct grid_role r = f->r;
    store(f, &r);
    const char *field = NULL;
    zb_err e;
    if (grid_role_validate(f->form.ctx->db, &r, &field, &e) != 0 ||
        grid_role_save(f->form.ctx->db, &r, &e) != 0) {
        int i = fv_field_named(model_field, NFIELDS, field);
        fv_error_at(f->form.fv, i, e.msg);
        if (i >= 0)
            tui_app_error(app, "「%s」%s，请改正后再保存", fields[i].label,
                          e.msg);
        else
            tui_app_error(app, "保存失败：%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    f->form.ctx->saved_grid_role = r.id;
    tui_app_status(app, "已保存：%s %s", grid_role_label[r.role], r.name);
    fv_mark_clean(f->form.fv);
    return TUI_HANDLED | TUI_REDRAW | TUI_POP;
}

/* ---- screen ops ---- */

static void destroy(tui_screen *base)
{
    struct grid_role_form *f = (struct grid_role_form *)base;
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

tui_screen *grid_role_form_new(tui_app *app, struct zb_ctx *ctx,
                               int64_t role_id, int64_t grid_id, int role)
{
    struct grid_role_form *f = screens_form_alloc(sizeof *f, &ops, app, ctx,
                                                  save);
    if (!f)
        return NULL;
    zb_err e;
    struct grid_node *g = malloc(sizeof *g);
    if (role_id && grid_role_get(ctx->db, role_id, &f->r, &e) != 0)
        goto fail;
    if (role_id)
        grid_id = f->r.grid_id;
    if (!g) {
        snprintf(e.msg, sizeof e.msg, "内存不足");
        goto fail;
    }
    if (grid_get(ctx->db, grid_id, g, &e) != 0)
        goto fail;
    if (!role_id) {
        f->r.grid_id = grid_id;
        f->r.role = role;
    }
    /* Only the roles that belong on this level (and the term's own). */
    f->choices[0] = "";
    f->nchoices = 1;
    for (int k = 1; k < GRID_ROLE_N; k++) {
        if (grid_role_level(k) != g->level && k != f->r.role)
            continue;
        f->role_of[f->nchoices] = k;
        f->choices[f->nchoices++] = grid_role_label[k];
    }
    if (f->nchoices == 1) {
        snprintf(e.msg, sizeof e.msg, "%s一级不设网格职务（片区、网格、楼栋、单元才有）",
                 grid_level_label[g->level]);
        goto fail;
    }
    memcpy(f->fields, fields, sizeof fields);
    f->fields[F_ROLE].choices = f->choices;
    f->fields[F_ROLE].nchoices = f->nchoices;
    f->form.fv = fv_new(app, f->fields, NFIELDS, &form_ops, f);
    if (!f->form.fv) {
        snprintf(e.msg, sizeof e.msg, "内存不足");
        goto fail;
    }
    char path[600], shown[100];
    screens_grid_path(ctx->db, grid_id, path, sizeof path);
    text_copy_chars(shown, sizeof shown, path, 30);
    snprintf(f->form.base.title, sizeof f->form.base.title, "负责人 - %s  %s",
             role_id ? "编辑任职" : "新增任职", shown);
    /* A level with one role (楼栋长, 单元长): nothing to choose. */
    if (!role_id && !f->r.role && f->nchoices == 2)
        f->r.role = f->role_of[1];
    load(f);
    fv_set_focus(f->form.fv, f->r.role ? F_MEMBER : F_ROLE);
    free(g);
    return &f->form.base;
fail:
    tui_app_error(app, "%s", e.msg);
    free(g);
    free(f);
    return NULL;
}
