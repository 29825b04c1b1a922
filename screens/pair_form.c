/* A pair (结对): the helper is a member picked from the nearest
 * eligible ones (with their load), or a person from a partner unit
 * (共建单位) typed in; start, end and goal. A member at the load limit
 * is paired only after a confirmation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/household.h"
#include "model/member.h"
#include "model/pair.h"
#include "rules.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/formview.h"
#include "tui/key.h"

enum {
    F_HOUSEHOLD, F_KIND, F_MEMBER, F_PNAME, F_PUNIT, F_PPOST, F_PPHONE,
    F_START, F_END, F_GOAL, NFIELDS
};

enum { KIND_MEMBER, KIND_PARTNER };
static const char *const kind_choices[] = {"党员", "共建单位人员"};

static const struct fv_field fields[NFIELDS] = {
    [F_HOUSEHOLD] = {.label = "帮扶对象", .type = FV_READONLY, .width = 40},
    [F_KIND] = {.label = "帮扶人", .type = FV_CHOICE, .choices = kind_choices,
                .nchoices = 2},
    [F_MEMBER] = {.label = "结对党员", .type = FV_REF, .width = 50,
                  .placeholder = "回车选择（就近、帮扶户数少的在前）"},
    [F_PNAME] = {.label = "姓名", .type = FV_TEXT,
                 .max_chars = PAIR_NAME_CHARS, .width = 20},
    [F_PUNIT] = {.label = "共建单位", .type = FV_TEXT,
                 .max_chars = PAIR_UNIT_CHARS, .width = 40},
    [F_PPOST] = {.label = "职务", .type = FV_TEXT,
                 .max_chars = PAIR_NAME_CHARS, .width = 20},
    [F_PPHONE] = {.label = "电话", .type = FV_PHONE, .max_chars = 20,
                  .width = 20},
    [F_START] = {.label = "开始日期", .type = FV_DATE, .required = true,
                 .placeholder = "YYYY-MM-DD"},
    [F_END] = {.label = "结束日期", .type = FV_DATE,
               .placeholder = "空 = 仍在帮扶"},
    [F_GOAL] = {.label = "帮扶目标", .type = FV_MULTILINE,
                .max_chars = PAIR_GOAL_CHARS, .width = 56, .height = 2},
};

static const char *const model_field[NFIELDS] = {
    [F_HOUSEHOLD] = "household_id", [F_MEMBER] = "member_id",
    [F_PNAME] = "partner_name", [F_PUNIT] = "partner_unit",
    [F_PPHONE] = "partner_phone", [F_START] = "start_date",
    [F_END] = "end_date", [F_GOAL] = "goal",
};

static const struct tui_binding keymap[] = {
    {ACT_SAVE, {TUI_FN(KEY_F(2)), TUI_CTRL('s')}, true},
    {ACT_NONE, {0}, false},
};

struct pair_form {
    struct screens_form form;   /* first: the form scaffolding */
    pair p;                 /* the record as loaded */
    struct pair_config cfg;
    char household[HH_NAME_CHARS * 4 + 1];
};

static bool is_partner(formview *fv)
{
    return fv_choice(fv, F_KIND) == KIND_PARTNER;
}

static void sync_hidden(struct pair_form *f)
{
    bool partner = is_partner(f->form.fv);
    fv_set_hidden(f->form.fv, F_MEMBER, partner);
    fv_set_hidden(f->form.fv, F_PNAME, !partner);
    fv_set_hidden(f->form.fv, F_PUNIT, !partner);
    fv_set_hidden(f->form.fv, F_PPOST, !partner);
    fv_set_hidden(f->form.fv, F_PPHONE, !partner);
}


#define COPY(dst, field) snprintf((dst), sizeof(dst), "%s", fv_get(fv, field))

static void store(struct pair_form *f, pair *p)
{
    formview *fv = f->form.fv;
    if (is_partner(fv)) {
        p->member_id = 0;
        COPY(p->partner_name, F_PNAME);
        COPY(p->partner_unit, F_PUNIT);
        COPY(p->partner_post, F_PPOST);
        COPY(p->partner_phone, F_PPHONE);
    } else {
        p->member_id = fv_ref(fv, F_MEMBER);
        p->partner_name[0] = p->partner_unit[0] = '\0';
        p->partner_post[0] = p->partner_phone[0] = '\0';
    }
    COPY(p->start_date, F_START);
    COPY(p->end_date, F_END);
    COPY(p->goal, F_GOAL);
}

/* The whole record is checked (confirmed, so the load limit is left to
 * the save); only a problem at this field is shown here. */
static const char *validate(void *ctx, formview *fv, int field, char *msg,
                            size_t msgsz)
{
    struct pair_form *f = ctx;
    (void)fv;
    if (!model_field[field])
        return NULL;
    pair *p = malloc(sizeof *p);
    if (!p)
        return NULL;
    *p = f->p;
    store(f, p);
    const char *bad = NULL, *res = NULL;
    zb_err e;
    if (pair_validate(f->form.ctx->db, p, &f->cfg, true, NULL, &bad, &e) < 0 &&
        fv_field_named(model_field, NFIELDS, bad) == field) {
        snprintf(msg, msgsz, "%s", e.msg);
        res = msg;
    }
    free(p);
    return res;
}

static void changed(void *ctx, formview *fv, int field)
{
    struct pair_form *f = ctx;
    (void)fv;
    if (field == F_KIND)
        sync_hidden(f);
}

static bool pick(void *ctx, formview *fv, int field)
{
    struct pair_form *f = ctx;
    if (field != F_MEMBER)
        return false;
    int64_t id = fv_ref(fv, F_MEMBER);
    char name[200];
    if (!screens_pick_helper(f->form.base.app, f->form.ctx,
                             f->p.household_id, &id, name, sizeof name) ||
        id == fv_ref(fv, F_MEMBER))
        return false;
    fv_set_ref(fv, F_MEMBER, id, name);
    return true;
}

static const struct fv_ops form_ops = {validate, changed, pick};

/* ---- load / save ---- */

static void load(struct pair_form *f)
{
    const pair *p = &f->p;
    formview *fv = f->form.fv;
    fv_set(fv, F_HOUSEHOLD, f->household);
    bool partner = p->id && !p->member_id;
    fv_set_choice(fv, F_KIND, partner ? KIND_PARTNER : KIND_MEMBER);
    if (p->member_id) {
        member *m = malloc(sizeof *m);
        zb_err e;
        char ref[200] = "";
        if (m && member_get(f->form.ctx->db, p->member_id, m, &e) == 0)
            snprintf(ref, sizeof ref, "%s（编号 %s）", m->name, m->member_no);
        free(m);
        fv_set_ref(fv, F_MEMBER, p->member_id, ref);
    }
    fv_set(fv, F_PNAME, p->partner_name);
    fv_set(fv, F_PUNIT, p->partner_unit);
    fv_set(fv, F_PPOST, p->partner_post);
    fv_set(fv, F_PPHONE, p->partner_phone);
    fv_set(fv, F_START, p->start_date);
    fv_set(fv, F_END, p->end_date);
    fv_set(fv, F_GOAL, p->goal);
    sync_hidden(f);
    fv_mark_clean(fv);
}

static int save(struct screens_form *head)
{
    struct pair_form *f = (struct pair_form *)head;
    tui_app *app = f->form.base.app;
    if (!screens_form_check(&f->form))
        return TUI_HANDLED | TUI_REDRAW;
    pair *p = malloc(sizeof *p);
    if (!p) {
        tui_app_error(app, "内存不足");
        return TUI_HANDLED | TUI_REDRAW;
    }
    *p = f->p;
    store(f, p);
    const char *field = NULL;
    zb_err e;
    int rc = pair_save(f->form.ctx->db, p, &f->cfg, false, &field, &e);
    if (rc == PAIR_OVERLOAD) {
        if (!tui_confirm(app, "超过帮扶上限", e.msg, false)) {
            tui_app_status(app, "未保存：可另选帮扶人");
            free(p);
            return TUI_HANDLED | TUI_REDRAW;
        }
        rc = pair_save(f->form.ctx->db, p, &f->cfg, true, &field, &e);
    }
    int flags = TUI_HANDLED | TUI_REDRAW;
    if (rc != 0) {
        screens_form_refused(&f->form,
                             fv_field_named(model_field, NFIELDS, field),
                             e.msg);
    } else {
        tui_app_status(app, "已保存结对：%s", f->household);
        fv_mark_clean(f->form.fv);
        flags |= TUI_POP;
    }
    free(p);
    return flags;
}

/* ---- screen ops ---- */

static void destroy(tui_screen *base)
{
    struct pair_form *f = (struct pair_form *)base;
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

tui_screen *pair_form_new(tui_app *app, struct zb_ctx *ctx, int64_t pair_id,
                          int64_t household_id)
{
    struct pair_form *f = screens_form_alloc(sizeof *f, &ops, app, ctx,
                                             save);
    household *h = malloc(sizeof *h);
    if (!f || !h) {
        free(f);
        free(h);
        return NULL;
    }
    pair_config_from(&f->cfg, ctx->cfg);
    zb_err e;
    pair_init(&f->p);
    f->p.household_id = household_id;
    if ((pair_id && pair_get(ctx->db, pair_id, &f->p, &e) != 0) ||
        household_get(ctx->db, f->p.household_id, h, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        free(h);
        free(f);
        return NULL;
    }
    snprintf(f->household, sizeof f->household, "%s", h->name);
    free(h);
    f->form.fv = fv_new(app, fields, NFIELDS, &form_ops, f);
    if (!f->form.fv) {
        free(f);
        return NULL;
    }
    snprintf(f->form.base.title, sizeof f->form.base.title, "结对 - %s %.100s",
             pair_id ? "编辑" : "新增帮扶人", f->household);
    load(f);
    fv_set_focus(f->form.fv, pair_id ? F_END : F_MEMBER);
    return &f->form.base;
}
