/* A visit (走访记录): when, who of the household's helpers, what kind,
 * what was done, the cash and goods given (money as people type it:
 * 500, 500.5, ￥500, 500元, 1,000), jobs found, and a follow-up with its
 * due date. Money refusals are shown at the field with the rule's
 * message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/household.h"
#include "model/pair.h"
#include "rules.h"
#include "rules_money.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/formview.h"
#include "tui/key.h"

enum {
    F_HOUSEHOLD, F_DATE, F_PAIR, F_KIND, F_DONE, F_CASH, F_GOODS,
    F_GOODS_VALUE, F_JOBS, F_FOLLOW, F_FOLLOWUP, F_DUE, NFIELDS
};

static const struct fv_field fields[NFIELDS] = {
    [F_HOUSEHOLD] = {.label = "帮扶对象", .type = FV_READONLY, .width = 40},
    [F_DATE] = {.label = "日期", .type = FV_DATE, .required = true,
                .placeholder = "YYYY-MM-DD"},
    [F_PAIR] = {.label = "帮扶人", .type = FV_CHOICE, .required = true},
    [F_KIND] = {.label = "类型", .type = FV_CHOICE, .required = true,
                .choices = visit_kind_label, .nchoices = VISIT_KIND_N},
    [F_DONE] = {.label = "帮扶内容", .type = FV_MULTILINE,
                .max_chars = VISIT_TEXT_CHARS, .width = 56, .height = 3},
    [F_CASH] = {.label = "慰问金（元）", .type = FV_TEXT, .max_chars = 24,
                .width = 16, .placeholder = "如 500 或 500.50"},
    [F_GOODS] = {.label = "慰问品", .type = FV_TEXT,
                 .max_chars = VISIT_SHORT_CHARS, .width = 40,
                 .placeholder = "如 米一袋、油一桶"},
    [F_GOODS_VALUE] = {.label = "物品价值（元）", .type = FV_TEXT,
                       .max_chars = 24, .width = 16},
    [F_JOBS] = {.label = "就业岗位数", .type = FV_NUMBER, .max_chars = 2,
                .width = 4},
    [F_FOLLOW] = {.label = "需跟进", .type = FV_BOOL},
    [F_FOLLOWUP] = {.label = "待办事项", .type = FV_TEXT, .required = true,
                    .max_chars = VISIT_SHORT_CHARS, .width = 40},
    [F_DUE] = {.label = "办理期限", .type = FV_DATE, .required = true,
               .placeholder = "YYYY-MM-DD"},
};

static const char *const model_field[NFIELDS] = {
    [F_PAIR] = "pair_id", [F_DATE] = "date", [F_KIND] = "kind",
    [F_DONE] = "done", [F_CASH] = "cash", [F_GOODS] = "goods",
    [F_GOODS_VALUE] = "goods_value", [F_JOBS] = "jobs",
    [F_FOLLOWUP] = "followup", [F_DUE] = "followup_due",
};

static const struct tui_binding keymap[] = {
    {ACT_SAVE, {TUI_FN(KEY_F(2)), TUI_CTRL('s')}, true},
    {ACT_NONE, {0}, false},
};

struct visit_form {
    struct screens_form form;   /* first: the form scaffolding */
    visit v;                    /* the record as loaded */
    char household[HH_NAME_CHARS * 4 + 1];
    struct fv_field fields[NFIELDS];
    struct pair_row *pairs;
    int npairs;
    char (*labels)[200];        /* pair choices: [0] "", then the pairs */
    const char **choices;
};

static void sync_hidden(struct visit_form *f)
{
    bool follow = fv_bool(f->form.fv, F_FOLLOW);
    fv_set_hidden(f->form.fv, F_FOLLOWUP, !follow);
    fv_set_hidden(f->form.fv, F_DUE, !follow);
}

static int form_field(const char *name)
{
    if (name && strcmp(name, "followup_done") == 0)
        return F_DUE;
    return fv_field_named(model_field, NFIELDS, name);
}

static int64_t money_of(formview *fv, int field)
{
    int64_t fen = 0;
    if (rules_money_parse(fv_get(fv, field), &fen) != MONEY_OK)
        fen = 0;
    return fen;
}

#define COPY(dst, field) snprintf((dst), sizeof(dst), "%s", fv_get(fv, field))

static void store(struct visit_form *f, visit *v)
{
    formview *fv = f->form.fv;
    int k = fv_choice(fv, F_PAIR);
    v->pair_id = k > 0 && k <= f->npairs ? f->pairs[k - 1].id : 0;
    COPY(v->date, F_DATE);
    v->kind = fv_choice(fv, F_KIND);
    COPY(v->done, F_DONE);
    v->cash_fen = money_of(fv, F_CASH);
    COPY(v->goods, F_GOODS);
    v->goods_fen = money_of(fv, F_GOODS_VALUE);
    v->jobs = (int)strtol(fv_get(fv, F_JOBS), NULL, 10);
    if (fv_bool(fv, F_FOLLOW)) {
        COPY(v->followup, F_FOLLOWUP);
        COPY(v->followup_due, F_DUE);
    } else {
        v->followup[0] = v->followup_due[0] = v->followup_done[0] = '\0';
    }
}

/* Money is the rule's business first (what was typed), then the
 * model's (the whole record); only a problem at this field is shown. */
static const char *validate(void *ctx, formview *fv, int field, char *msg,
                            size_t msgsz)
{
    struct visit_form *f = ctx;
    zb_err e;
    if (field == F_CASH || field == F_GOODS_VALUE) {
        int64_t fen;
        if (rules_money_input(fv_get(fv, field), false, NULL, &fen, &e) != 0) {
            snprintf(msg, msgsz, "%s", e.msg);
            return msg;
        }
    }
    if (!model_field[field])
        return NULL;
    visit *v = malloc(sizeof *v);
    if (!v)
        return NULL;
    *v = f->v;
    store(f, v);
    const char *bad = NULL, *res = NULL;
    if (visit_validate(f->form.ctx->db, v, NULL, &bad, &e) != 0 &&
        form_field(bad) == field) {
        snprintf(msg, msgsz, "%s", e.msg);
        res = msg;
    }
    free(v);
    return res;
}

/* A valid amount is shown back in one form ("￥500" -> "500.00"). */
static void changed(void *ctx, formview *fv, int field)
{
    struct visit_form *f = ctx;
    if (field == F_FOLLOW) {
        sync_hidden(f);
    } else if (field == F_CASH || field == F_GOODS_VALUE) {
        int64_t fen;
        char plain[MONEY_BUF];
        if (rules_money_parse(fv_get(fv, field), &fen) == MONEY_OK) {
            rules_money_plain(fen, plain, sizeof plain);
            if (strcmp(plain, fv_get(fv, field)) != 0)
                fv_set(fv, field, plain);
        }
    }
}

static const struct fv_ops form_ops = {validate, changed, NULL};

/* ---- load / save ---- */

static void load(struct visit_form *f)
{
    const visit *v = &f->v;
    formview *fv = f->form.fv;
    char buf[MONEY_BUF];
    fv_set(fv, F_HOUSEHOLD, f->household);
    fv_set(fv, F_DATE, v->date);
    int pick = 0, ongoing = 0;
    for (int i = 0; i < f->npairs; i++) {
        if (v->pair_id && f->pairs[i].id == v->pair_id)
            pick = i + 1;
        if (!v->id && f->pairs[i].ongoing && ongoing++ == 0)
            pick = i + 1;
    }
    /* a new visit: the helper is preset only when there is one */
    if (!v->id && ongoing > 1)
        pick = 0;
    fv_set_choice(fv, F_PAIR, pick);
    fv_set_choice(fv, F_KIND, v->kind > 0 && v->kind < VISIT_KIND_N ? v->kind
                                                                    : 0);
    fv_set(fv, F_DONE, v->done);
    buf[0] = '\0';
    if (v->cash_fen)
        rules_money_plain(v->cash_fen, buf, sizeof buf);
    fv_set(fv, F_CASH, buf);
    fv_set(fv, F_GOODS, v->goods);
    buf[0] = '\0';
    if (v->goods_fen)
        rules_money_plain(v->goods_fen, buf, sizeof buf);
    fv_set(fv, F_GOODS_VALUE, buf);
    char jobs[16] = "";
    if (v->jobs)
        snprintf(jobs, sizeof jobs, "%d", v->jobs);
    fv_set(fv, F_JOBS, jobs);
    fv_set_bool(fv, F_FOLLOW, v->followup[0] || v->followup_due[0]);
    fv_set(fv, F_FOLLOWUP, v->followup);
    fv_set(fv, F_DUE, v->followup_due);
    sync_hidden(f);
    fv_mark_clean(fv);
}

static int save(struct screens_form *head)
{
    struct visit_form *f = (struct visit_form *)head;
    tui_app *app = f->form.base.app;
    if (!screens_form_check(&f->form))
        return TUI_HANDLED | TUI_REDRAW;
    visit *v = malloc(sizeof *v);
    if (!v) {
        tui_app_error(app, "内存不足");
        return TUI_HANDLED | TUI_REDRAW;
    }
    *v = f->v;
    store(f, v);
    const char *field = NULL;
    zb_err e;
    int rc = TUI_HANDLED | TUI_REDRAW;
    if (visit_save(f->form.ctx->db, v, &field, &e) != 0) {
        screens_form_refused(&f->form, form_field(field), e.msg);
    } else {
        char cash[MONEY_BUF];
        rules_money_yuan(v->cash_fen, cash, sizeof cash);
        tui_app_status(app, "已保存走访：%s %s，慰问金 %s", v->date,
                       f->household, cash);
        fv_mark_clean(f->form.fv);
        rc |= TUI_POP;
    }
    free(v);
    return rc;
}

/* ---- screen ops ---- */

static void destroy(tui_screen *base)
{
    struct visit_form *f = (struct visit_form *)base;
    free(f->pairs);
    free(f->labels);
    free(f->choices);
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

/* The helper choices: every pair of the household (ended ones marked,
 * for visits made before the end). */
static int make_choices(struct visit_form *f)
{
    f->labels = malloc(sizeof *f->labels * (size_t)(f->npairs + 1));
    f->choices = malloc(sizeof *f->choices * (size_t)(f->npairs + 1));
    if (!f->labels || !f->choices)
        return -1;
    f->labels[0][0] = '\0';
    f->choices[0] = f->labels[0];
    for (int i = 0; i < f->npairs; i++) {
        const struct pair_row *p = &f->pairs[i];
        if (p->ongoing)
            snprintf(f->labels[i + 1], sizeof f->labels[0], "%.150s",
                     p->helper_name);
        else
            snprintf(f->labels[i + 1], sizeof f->labels[0],
                     "%.150s（%s 结束）", p->helper_name, p->end_date);
        f->choices[i + 1] = f->labels[i + 1];
    }
    memcpy(f->fields, fields, sizeof fields);
    f->fields[F_PAIR].choices = f->choices;
    f->fields[F_PAIR].nchoices = f->npairs + 1;
    return 0;
}

tui_screen *visit_form_new(tui_app *app, struct zb_ctx *ctx,
                           int64_t visit_id, int64_t household_id)
{
    struct visit_form *f = screens_form_alloc(sizeof *f, &ops, app, ctx,
                                              save);
    household *h = malloc(sizeof *h);
    if (!f || !h) {
        free(f);
        free(h);
        return NULL;
    }
    zb_err e;
    visit_init(&f->v);
    f->v.household_id = household_id;
    if ((visit_id && visit_get(ctx->db, visit_id, &f->v, &e) != 0) ||
        household_get(ctx->db, f->v.household_id, h, &e) != 0 ||
        pair_list_household(ctx->db, f->v.household_id, true, &f->pairs,
                            &f->npairs, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        free(h);
        free(f->pairs);
        free(f);
        return NULL;
    }
    snprintf(f->household, sizeof f->household, "%s", h->name);
    free(h);
    if (make_choices(f) != 0 ||
        !(f->form.fv = fv_new(app, f->fields, NFIELDS, &form_ops, f))) {
        free(f->pairs);
        free(f->labels);
        free(f->choices);
        free(f);
        return NULL;
    }
    snprintf(f->form.base.title, sizeof f->form.base.title,
             "走访记录 - %s %.100s", visit_id ? "编辑" : "新增", f->household);
    load(f);
    fv_set_focus(f->form.fv, visit_id ? F_DONE : F_DATE);
    return &f->form.base;
}
