/* The household form (帮扶对象): who, which kinds of need (several may
 * apply), how hard, where they live, the needs and the plan (一人一策);
 * closing asks the reason. Each field is checked by the model's
 * household_validate, its message shown at the field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/household.h"
#include "model/member.h"
#include "rules.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/formview.h"
#include "tui/key.h"

enum {
    F_NAME, F_KINDS, F_MEMBER, F_LEVEL, F_SIZE, F_PHONE, F_ADDRESS, F_GRID,
    F_NEEDS, F_PLAN, F_REGISTERED, F_STATUS, F_CLOSED, F_REASON, NFIELDS
};

/* index + 1 = enum hh_status */
static const char *const status_choices[] = {"帮扶中", "已销号"};
/* How many member matches the picker shows. */
#define PICK_MAX 200

static const struct fv_field fields[NFIELDS] = {
    [F_NAME] = {.label = "姓名", .type = FV_TEXT, .required = true,
                .max_chars = HH_NAME_CHARS, .width = 24,
                .placeholder = "户主或本人"},
    [F_KINDS] = {.label = "类别", .type = FV_REF, .width = 60,
                 .placeholder = "回车选择（可多选）"},
    [F_MEMBER] = {.label = "困难党员", .type = FV_REF, .width = 40,
                  .placeholder = "回车从党员名册选择"},
    [F_LEVEL] = {.label = "困难程度", .type = FV_CHOICE, .required = true,
                 .choices = household_level_label, .nchoices = HH_LEVEL_N},
    [F_SIZE] = {.label = "家庭人口", .type = FV_NUMBER, .max_chars = 2,
                .width = 4},
    [F_PHONE] = {.label = "联系电话", .type = FV_PHONE, .max_chars = 20,
                 .width = 20},
    [F_ADDRESS] = {.label = "住址", .type = FV_TEXT,
                   .max_chars = HH_ADDRESS_CHARS, .width = 48},
    [F_GRID] = {.label = "居住网格", .type = FV_REF, .width = 60,
                .placeholder = "回车选择"},
    [F_NEEDS] = {.label = "困难与需求", .type = FV_MULTILINE,
                 .max_chars = HH_TEXT_CHARS, .width = 56, .height = 3},
    [F_PLAN] = {.label = "帮扶措施", .type = FV_MULTILINE,
                .max_chars = HH_TEXT_CHARS, .width = 56, .height = 3,
                .placeholder = "一人一策：商定的帮扶措施"},
    [F_REGISTERED] = {.label = "登记日期", .type = FV_DATE, .required = true,
                      .placeholder = "YYYY-MM-DD"},
    [F_STATUS] = {.label = "状态", .type = FV_CHOICE,
                  .choices = status_choices, .nchoices = 2},
    [F_CLOSED] = {.label = "销号日期", .type = FV_DATE,
                  .placeholder = "YYYY-MM-DD"},
    [F_REASON] = {.label = "销号原因", .type = FV_TEXT,
                  .max_chars = HH_REASON_CHARS, .width = 40},
};

/* The model's name of each field (household_validate's *field). */
static const char *const model_field[NFIELDS] = {
    [F_NAME] = "name", [F_KINDS] = "kinds", [F_MEMBER] = "member_id",
    [F_LEVEL] = "level", [F_SIZE] = "size", [F_PHONE] = "phone",
    [F_ADDRESS] = "address", [F_GRID] = "grid_id", [F_NEEDS] = "needs",
    [F_PLAN] = "plan", [F_REGISTERED] = "registered", [F_CLOSED] = "closed",
    [F_REASON] = "close_reason",
};

static const struct tui_binding keymap[] = {
    {ACT_SAVE, {TUI_FN(KEY_F(2)), TUI_CTRL('s')}, true},
    {ACT_NONE, {0}, false},
};

struct household_form {
    struct screens_form form;   /* first: the form scaffolding */
    household h;            /* the record as loaded */
};

static bool has_party(formview *fv)
{
    return (fv_ref(fv, F_KINDS) & HH_KIND_BIT(HK_PARTY)) != 0;
}

static void sync_hidden(struct household_form *f)
{
    bool closed = fv_choice(f->form.fv, F_STATUS) + 1 == HH_CLOSED;
    fv_set_hidden(f->form.fv, F_MEMBER, !has_party(f->form.fv));
    fv_set_hidden(f->form.fv, F_STATUS, f->h.id == 0);
    fv_set_hidden(f->form.fv, F_CLOSED, !closed);
    fv_set_hidden(f->form.fv, F_REASON, !closed);
}


#define COPY(dst, field) snprintf((dst), sizeof(dst), "%s", fv_get(fv, field))

static void store(struct household_form *f, household *h)
{
    formview *fv = f->form.fv;
    COPY(h->name, F_NAME);
    h->kinds = (unsigned)fv_ref(fv, F_KINDS);
    h->member_id = has_party(fv) ? fv_ref(fv, F_MEMBER) : 0;
    h->level = fv_choice(fv, F_LEVEL);
    h->size = (int)strtol(fv_get(fv, F_SIZE), NULL, 10);
    COPY(h->phone, F_PHONE);
    COPY(h->address, F_ADDRESS);
    h->grid_id = fv_ref(fv, F_GRID);
    COPY(h->needs, F_NEEDS);
    COPY(h->plan, F_PLAN);
    COPY(h->registered, F_REGISTERED);
    h->status = f->h.id ? fv_choice(fv, F_STATUS) + 1 : HH_OPEN;
    if (h->status == HH_CLOSED) {
        COPY(h->closed, F_CLOSED);
        COPY(h->close_reason, F_REASON);
    } else {
        h->closed[0] = h->close_reason[0] = '\0';
    }
}

/* ---- validation: one field at a time, the others neutral, so that a
 * problem elsewhere never hides this field's own ---- */

static void neutral(household *n)
{
    snprintf(n->name, sizeof n->name, "甲");
    n->kinds = HH_KIND_BIT(HK_DIBAO);
    n->member_id = 0;
    n->level = 1;
    n->size = 1;
    n->phone[0] = n->address[0] = n->needs[0] = n->plan[0] = '\0';
    n->grid_id = 0;
    n->registered[0] = '\0';
    n->status = HH_OPEN;
    n->closed[0] = n->close_reason[0] = '\0';
}

static const char *validate(void *ctx, formview *fv, int field, char *msg,
                            size_t msgsz)
{
    struct household_form *f = ctx;
    (void)fv;
    if (!model_field[field])
        return NULL;
    household *all = malloc(sizeof *all), *one = malloc(sizeof *one);
    const char *bad = NULL, *res = NULL;
    zb_err e;
    if (!all || !one)
        goto out;
    *all = f->h;
    store(f, all);
    *one = f->h;
    neutral(one);
    switch (field) {
    case F_NAME: memcpy(one->name, all->name, sizeof one->name); break;
    case F_MEMBER: one->member_id = all->member_id; /* fall through */
    case F_KINDS: one->kinds = all->kinds; break;
    case F_LEVEL: one->level = all->level; break;
    case F_SIZE: one->size = all->size; break;
    case F_PHONE: memcpy(one->phone, all->phone, sizeof one->phone); break;
    case F_ADDRESS:
        memcpy(one->address, all->address, sizeof one->address);
        break;
    case F_GRID: one->grid_id = all->grid_id; break;
    case F_NEEDS: memcpy(one->needs, all->needs, sizeof one->needs); break;
    case F_PLAN: memcpy(one->plan, all->plan, sizeof one->plan); break;
    /* closing is checked against the registration date */
    case F_CLOSED:
    case F_REASON:
    case F_REGISTERED:
        memcpy(one->registered, all->registered, sizeof one->registered);
        if (field == F_REGISTERED)
            break;
        one->status = all->status;
        memcpy(one->closed, all->closed, sizeof one->closed);
        memcpy(one->close_reason, all->close_reason,
               sizeof one->close_reason);
        break;
    default:
        break;
    }
    if (household_validate(f->form.ctx->db, one, &bad, &e) != 0 &&
        fv_field_named(model_field, NFIELDS, bad) == field) {
        snprintf(msg, msgsz, "%s", e.msg);
        res = msg;
    }
out:
    free(all);
    free(one);
    return res;
}

/* Closing asks why; giving no reason keeps the household open. */
static void status_changed(struct household_form *f)
{
    formview *fv = f->form.fv;
    if (fv_choice(fv, F_STATUS) + 1 == HH_CLOSED &&
        !*fv_get(fv, F_REASON)) {
        char reason[HH_REASON_CHARS * 4 + 1], date[11];
        if (screens_close_household(f->form.base.app, fv_get(fv, F_NAME),
                                    reason, sizeof reason, date)) {
            fv_set(fv, F_REASON, reason);
            fv_set(fv, F_CLOSED, date);
        } else {
            fv_set_choice(fv, F_STATUS, HH_OPEN - 1);
        }
    }
    sync_hidden(f);
}

static void changed(void *ctx, formview *fv, int field)
{
    struct household_form *f = ctx;
    (void)fv;
    if (field == F_KINDS)
        sync_hidden(f);
    else if (field == F_STATUS)
        status_changed(f);
}

/* ---- pickers ---- */

/* Kinds: a toggle list over tui_pick; Enter on a kind flips it, Enter
 * on 完成 keeps the choice, Esc drops it. */
static bool pick_kinds(struct household_form *f)
{
    formview *fv = f->form.fv;
    unsigned kinds = (unsigned)fv_ref(fv, F_KINDS);
    char labels[HH_KIND_N][64];
    const char *items[HH_KIND_N + 1];
    int at = 1;
    for (;;) {
        items[0] = "完成";
        for (int k = 0; k < HH_KIND_N; k++) {
            snprintf(labels[k], sizeof labels[k], "[%c] %s",
                     kinds & HH_KIND_BIT(k) ? 'x' : ' ',
                     household_kind_label[k]);
            items[k + 1] = labels[k];
        }
        int i = tui_pick(f->form.base.app,
                         "帮扶对象类别（回车勾选，选「完成」确认）", items,
                         HH_KIND_N + 1, at);
        if (i < 0)
            return false;
        if (i == 0)
            break;
        kinds ^= HH_KIND_BIT(i - 1);
        at = i;
    }
    if (kinds == (unsigned)fv_ref(fv, F_KINDS))
        return false;
    char text[300];
    household_kinds_text(kinds, false, text, sizeof text);
    fv_set_ref(fv, F_KINDS, kinds, text);
    /* fv_set_ref on the focused field does not reach changed() */
    sync_hidden(f);
    return true;
}

static const char *not_blank(const char *text, void *ctx)
{
    (void)ctx;
    return text[strspn(text, " ")] ? NULL : "请输入要查找的党员";
}

/* The 困难党员: a search of the register, then a pick among matches. */
static bool pick_member(struct household_form *f)
{
    tui_app *app = f->form.base.app;
    formview *fv = f->form.fv;
    char text[128] = "";
    if (!tui_prompt(app, "选择困难党员", "姓名、拼音首字母、电话或党员编号：",
                    text, sizeof text, 40, not_blank, NULL))
        return false;
    struct member_row *rows = malloc(sizeof *rows * PICK_MAX);
    char (*labels)[300] = malloc(sizeof *labels * PICK_MAX);
    const char **items = malloc(sizeof *items * PICK_MAX);
    bool changed = false;
    if (!rows || !labels || !items) {
        tui_app_error(app, "内存不足");
        goto out;
    }
    struct member_query q = {.filter = text, .sort = MEMBER_SORT_PINYIN};
    int n = 0;
    zb_err e;
    if (member_window(f->form.ctx->db, &q, 0, PICK_MAX, rows, &n, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        goto out;
    }
    if (n == 0) {
        tui_app_error(app, "名册中没有与「%s」相符的党员", text);
        goto out;
    }
    for (int i = 0; i < n; i++) {
        snprintf(labels[i], sizeof labels[i], "%s  %s  %s  %s", rows[i].name,
                 rows[i].member_no, rows[i].phone, rows[i].org_name);
        items[i] = labels[i];
    }
    char title[200];
    snprintf(title, sizeof title, "「%s」匹配 %d 人%s", text, n,
             n == PICK_MAX ? "（只列出前 200 人）" : "");
    int k = tui_pick(app, title, items, n, 0);
    if (k < 0 || rows[k].id == fv_ref(fv, F_MEMBER))
        goto out;
    const struct member_row *m = &rows[k];
    char ref[200];
    snprintf(ref, sizeof ref, "%s（编号 %s）", m->name, m->member_no);
    fv_set_ref(fv, F_MEMBER, m->id, ref);
    /* a 困难党员 is usually the person registered */
    if (!*fv_get(fv, F_NAME))
        fv_set(fv, F_NAME, m->name);
    if (!*fv_get(fv, F_PHONE) && m->phone[0])
        fv_set(fv, F_PHONE, m->phone);
    changed = true;
out:
    free(rows);
    free(labels);
    free(items);
    return changed;
}

static bool pick(void *ctx, formview *fv, int field)
{
    struct household_form *f = ctx;
    if (field == F_KINDS)
        return pick_kinds(f);
    if (field == F_MEMBER)
        return pick_member(f);
    if (field == F_GRID) {
        int64_t id = fv_ref(fv, F_GRID);
        char path[600];
        if (!screens_pick_grid(f->form.base.app, f->form.ctx->db,
                               "选择居住网格", "无", 0, 0, &id, path,
                               sizeof path) ||
            id == fv_ref(fv, F_GRID))
            return false;
        fv_set_ref(fv, F_GRID, id, id ? path : "");
        return true;
    }
    return false;
}

static const struct fv_ops form_ops = {validate, changed, pick};

/* ---- load / save ---- */

static void load(struct household_form *f)
{
    const household *h = &f->h;
    formview *fv = f->form.fv;
    fv_set(fv, F_NAME, h->name);
    if (h->kinds) {
        char text[300];
        household_kinds_text(h->kinds, false, text, sizeof text);
        fv_set_ref(fv, F_KINDS, h->kinds, text);
    }
    if (h->member_id) {
        member *m = malloc(sizeof *m);
        zb_err e;
        char ref[200] = "";
        if (m && member_get(f->form.ctx->db, h->member_id, m, &e) == 0)
            snprintf(ref, sizeof ref, "%s（编号 %s）", m->name, m->member_no);
        free(m);
        fv_set_ref(fv, F_MEMBER, h->member_id, ref);
    }
    fv_set_choice(fv, F_LEVEL, h->level > 0 && h->level < HH_LEVEL_N
                                   ? h->level : 1);
    char size[16];
    snprintf(size, sizeof size, "%d", h->size);
    fv_set(fv, F_SIZE, size);
    fv_set(fv, F_PHONE, h->phone);
    fv_set(fv, F_ADDRESS, h->address);
    if (h->grid_id) {
        char path[600];
        screens_grid_path(f->form.ctx->db, h->grid_id, path, sizeof path);
        fv_set_ref(fv, F_GRID, h->grid_id, path);
    }
    fv_set(fv, F_NEEDS, h->needs);
    fv_set(fv, F_PLAN, h->plan);
    char today[11];
    fv_set(fv, F_REGISTERED, h->registered[0] ? h->registered
                                               : rules_today(today));
    fv_set_choice(fv, F_STATUS, h->status == HH_CLOSED ? 1 : 0);
    fv_set(fv, F_CLOSED, h->closed);
    fv_set(fv, F_REASON, h->close_reason);
    sync_hidden(f);
    fv_mark_clean(fv);
}

static int save(struct screens_form *head)
{
    struct household_form *f = (struct household_form *)head;
    tui_app *app = f->form.base.app;
    if (!screens_form_check(&f->form))
        return TUI_HANDLED | TUI_REDRAW;
    household *h = malloc(sizeof *h);
    if (!h) {
        tui_app_error(app, "内存不足");
        return TUI_HANDLED | TUI_REDRAW;
    }
    *h = f->h;
    store(f, h);
    const char *field = NULL;
    zb_err e;
    int rc = TUI_HANDLED | TUI_REDRAW;
    if (household_save(f->form.ctx->db, h, &field, &e) != 0) {
        screens_form_refused(&f->form,
                             fv_field_named(model_field, NFIELDS, field),
                             e.msg);
    } else {
        f->form.ctx->saved_household = h->id;
        tui_app_status(app, "已保存：%s", h->name);
        fv_mark_clean(f->form.fv);
        rc |= TUI_POP;
    }
    free(h);
    return rc;
}

/* ---- screen ops ---- */

static void destroy(tui_screen *base)
{
    struct household_form *f = (struct household_form *)base;
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

tui_screen *household_form_new(tui_app *app, struct zb_ctx *ctx,
                               int64_t household_id)
{
    struct household_form *f = screens_form_alloc(sizeof *f, &ops, app, ctx,
                                                  save);
    if (!f)
        return NULL;
    zb_err e;
    household_init(&f->h);
    if (household_id && household_get(ctx->db, household_id, &f->h, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        free(f);
        return NULL;
    }
    f->form.fv = fv_new(app, fields, NFIELDS, &form_ops, f);
    if (!f->form.fv) {
        free(f);
        return NULL;
    }
    if (household_id)
        snprintf(f->form.base.title, sizeof f->form.base.title,
                 "帮扶对象 - 编辑 %.100s", f->h.name);
    else
        snprintf(f->form.base.title, sizeof f->form.base.title,
                 "帮扶对象 - 新增");
    load(f);
    fv_set_focus(f->form.fv, F_NAME);
    return &f->form.base;
}
