/* One term of a post (书记, 委员, 组长…) on an organisation: the post,
 * the person (a member picked from the register, name and phone copied,
 * or a name typed), phone, start and end dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/member.h"
#include "model/org.h"
#include "rules.h"
#include "screens.h"
#include "text.h"
#include "tui/dialog.h"
#include "tui/formview.h"
#include "tui/key.h"

enum { F_POST, F_MEMBER, F_NAME, F_PHONE, F_START, F_END, NFIELDS };

static const struct fv_field field_defs[NFIELDS] = {
    [F_POST] = {.label = "职务", .type = FV_CHOICE},
    [F_MEMBER] = {.label = "党员", .type = FV_REF, .width = 40,
                  .placeholder = "回车从党员名册中选择"},
    [F_NAME] = {.label = "姓名", .type = FV_TEXT,
                .max_chars = ORG_POST_NAME_CHARS, .width = 20},
    [F_PHONE] = {.label = "电话", .type = FV_PHONE, .max_chars = 20,
                 .width = 20},
    [F_START] = {.label = "任职日期", .type = FV_DATE,
                 .placeholder = "YYYY-MM-DD"},
    [F_END] = {.label = "离任日期", .type = FV_DATE,
               .placeholder = "空 = 现任"},
};

static const struct tui_binding keymap[] = {
    {ACT_SAVE, {TUI_FN(KEY_F(2)), TUI_CTRL('s')}, true},
    {ACT_NONE, {0}, false},
};

/* More members than this in the organisation: ask for a filter first. */
#define PICK_MAX 2000

struct post_form {
    struct screens_form form;   /* first: the form scaffolding */
    struct org_post p;            /* the record as loaded */
    char org_name[ORG_NAME_CHARS * 4 + 1];
    char kind[32];
    /* the posts this kind of organisation has: labels and codes */
    const char *choices[ORG_POST_N + 1];
    int codes[ORG_POST_N + 1];
    int nchoices;
    char member_name[ORG_POST_NAME_CHARS * 4 + 1];   /* as picked */
};

/* ---- validation ---- */

static const char *validate(void *ctx, formview *fv, int field, char *msg,
                            size_t msgsz)
{
    (void)ctx;
    (void)msg;
    (void)msgsz;
    const char *v = fv_get(fv, field);
    switch (field) {
    case F_POST:
        return fv_choice(fv, F_POST) <= 0 ? "请选择职务" : NULL;
    case F_NAME:
        return strspn(v, " ") == strlen(v) ? "请填写担任此职务的人员" : NULL;
    case F_END: {
        const char *start = fv_get(fv, F_START);
        if (*v && *start && rules_date_valid(start) &&
            strcmp(v, start) < 0)
            return "离任日期不能早于任职日期";
        return NULL;
    }
    default:
        return NULL;
    }
}

/* A typed name other than the picked member's makes it a person by
 * name. */
static void changed(void *ctx, formview *fv, int field)
{
    struct post_form *f = ctx;
    if (field == F_NAME && fv_ref(fv, F_MEMBER) &&
        strcmp(fv_get(fv, F_NAME), f->member_name) != 0) {
        fv_set_ref(fv, F_MEMBER, 0, "");
        f->member_name[0] = '\0';
    }
}

static bool pick_member(struct post_form *f)
{
    tui_app *app = f->form.base.app;
    db *d = f->form.ctx->db;
    zb_err e;
    char filter[64] = "";
    struct member_query q = {.org_id = f->p.org_id};
    long n = 0;
    if (member_count(d, &q, &n, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return false;
    }
    if (n > PICK_MAX) {
        if (!tui_prompt(app, "选择党员", "姓名、拼音首字母或编号：", filter,
                        sizeof filter, 30, NULL, NULL))
            return false;
        q.filter = filter;
    }
    q.sort = MEMBER_SORT_ORG;
    struct member_row *rows = malloc(sizeof *rows * PICK_MAX);
    char (*labels)[200] = malloc(sizeof *labels * PICK_MAX);
    const char **items = malloc(sizeof *items * PICK_MAX);
    int nr = 0;
    bool ok = false;
    if (!rows || !labels || !items) {
        tui_app_error(app, "内存不足");
        goto out;
    }
    if (member_window(d, &q, 0, PICK_MAX, rows, &nr, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        goto out;
    }
    if (nr == 0) {
        tui_app_error(app, "%s", filter[0] ? "没有符合条件的党员"
                                           : "该组织还没有党员，请直接填写姓名");
        goto out;
    }
    int initial = -1;
    for (int i = 0; i < nr; i++) {
        snprintf(labels[i], sizeof labels[0], "%.60s  %s  %.80s",
                 rows[i].name, rows[i].member_no, rows[i].org_name);
        items[i] = labels[i];
        if (rows[i].id == fv_ref(f->form.fv, F_MEMBER))
            initial = i;
    }
    int k = tui_pick(app, "选择党员", items, nr, initial);
    if (k < 0)
        goto out;
    char text[200];
    snprintf(text, sizeof text, "%.60s（%s）", rows[k].name,
             rows[k].member_no);
    fv_set_ref(f->form.fv, F_MEMBER, rows[k].id, text);
    snprintf(f->member_name, sizeof f->member_name, "%s", rows[k].name);
    fv_set(f->form.fv, F_NAME, rows[k].name);
    if (rows[k].phone[0])
        fv_set(f->form.fv, F_PHONE, rows[k].phone);
    ok = true;
out:
    free(rows);
    free(labels);
    free(items);
    return ok;
}

static bool pick(void *ctx, formview *fv, int field)
{
    (void)fv;
    return field == F_MEMBER && pick_member(ctx);
}

static const struct fv_ops form_ops = {validate, changed, pick};

/* ---- load / store ---- */

static void load(struct post_form *f)
{
    formview *fv = f->form.fv;
    const struct org_post *p = &f->p;
    int choice = 0;
    for (int i = 1; i < f->nchoices; i++)
        if (f->codes[i] == p->post)
            choice = i;
    fv_set_choice(fv, F_POST, choice);
    if (p->member_id) {
        char text[200];
        member m;
        zb_err e;
        if (member_get(f->form.ctx->db, p->member_id, &m, &e) == 0)
            snprintf(text, sizeof text, "%.60s（%s）", m.name, m.member_no);
        else
            snprintf(text, sizeof text, "%.60s", p->name);
        fv_set_ref(fv, F_MEMBER, p->member_id, text);
        snprintf(f->member_name, sizeof f->member_name, "%s", p->name);
    }
    fv_set(fv, F_NAME, p->name);
    fv_set(fv, F_PHONE, p->phone);
    fv_set(fv, F_START, p->start_date);
    fv_set(fv, F_END, p->end_date);
    fv_mark_clean(fv);
}

static void store(struct post_form *f, struct org_post *p)
{
    formview *fv = f->form.fv;
    int c = fv_choice(fv, F_POST);
    p->post = c > 0 && c < f->nchoices ? f->codes[c] : 0;
    p->member_id = fv_ref(fv, F_MEMBER);
    const char *name = fv_get(fv, F_NAME);
    name += strspn(name, " ");
    snprintf(p->name, sizeof p->name, "%s", name);
    for (size_t n = strlen(p->name); n > 0 && p->name[n - 1] == ' ';)
        p->name[--n] = '\0';
    snprintf(p->phone, sizeof p->phone, "%s", fv_get(fv, F_PHONE));
    snprintf(p->start_date, sizeof p->start_date, "%s", fv_get(fv, F_START));
    snprintf(p->end_date, sizeof p->end_date, "%s", fv_get(fv, F_END));
}

static const char *const model_field[NFIELDS] = {
    [F_POST] = "post", [F_NAME] = "name", [F_PHONE] = "phone",
    [F_START] = "start_date", [F_END] = "end_date",
};

static int save(struct screens_form *head)
{
    struct post_form *f = (struct post_form *)head;
    tui_app *app = f->form.base.app;
    if (!screens_form_check(&f->form))
        return TUI_HANDLED | TUI_REDRAW;
    struct org_post p = f->p;
    store(f, &p);
    zb_err e;
    const char *where = NULL;
    if (org_post_validate(f->form.ctx->db, &p, &where, &e) != 0 ||
        org_post_save(f->form.ctx->db, &p, &e) != 0) {
        screens_form_refused(&f->form,
                             fv_field_named(model_field, NFIELDS, where),
                             e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    f->form.ctx->saved_org_post = p.id;
    tui_app_status(app, "已保存：%s %s", org_post_label[p.post], p.name);
    fv_mark_clean(f->form.fv);
    return TUI_HANDLED | TUI_REDRAW | TUI_POP;
}

/* ---- screen ops ---- */

static void destroy(tui_screen *base)
{
    struct post_form *f = (struct post_form *)base;
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

tui_screen *org_post_form_new(tui_app *app, struct zb_ctx *ctx,
                              int64_t post_id, int64_t org_id)
{
    struct post_form *f = screens_form_alloc(sizeof *f, &ops, app, ctx,
                                             save);
    if (!f)
        return NULL;
    zb_err e;
    struct org o;
    if (post_id && org_post_get(ctx->db, post_id, &f->p, &e) != 0)
        goto fail;
    if (!post_id)
        f->p.org_id = org_id;
    if (org_get(ctx->db, f->p.org_id, &o, &e) != 0)
        goto fail;
    snprintf(f->org_name, sizeof f->org_name, "%s", o.name);
    snprintf(f->kind, sizeof f->kind, "%s", o.kind);
    f->choices[0] = "";
    f->codes[0] = 0;
    f->nchoices = 1;
    for (int post = 1; post < ORG_POST_N; post++) {
        if (!org_post_fits(post, o.kind) && post != f->p.post)
            continue;
        f->choices[f->nchoices] = org_post_label[post];
        f->codes[f->nchoices++] = post;
    }
    if (!post_id) {
        /* the head's post when it is the usual first entry */
        f->p.post = org_post_fits(POST_SECRETARY, o.kind) ? 0
                  : org_post_fits(POST_GROUP_LEADER, o.kind)
                        ? POST_GROUP_LEADER : POST_CONTACT;
        rules_today(f->p.start_date);
    }
    struct fv_field defs[NFIELDS];
    memcpy(defs, field_defs, sizeof defs);
    defs[F_POST].choices = f->choices;
    defs[F_POST].nchoices = f->nchoices;
    f->form.fv = fv_new(app, defs, NFIELDS, &form_ops, f);
    if (!f->form.fv) {
        free(f);
        return NULL;
    }
    if (post_id)
        snprintf(f->form.base.title, sizeof f->form.base.title,
                 "%.60s - 编辑任职：%s %.40s", f->org_name,
                 org_post_label[f->p.post > 0 && f->p.post < ORG_POST_N
                                    ? f->p.post : 0], f->p.name);
    else
        snprintf(f->form.base.title, sizeof f->form.base.title,
                 "%.60s - 新增任职", f->org_name);
    load(f);
    fv_set_focus(f->form.fv, post_id ? F_NAME : f->p.post ? F_MEMBER : F_POST);
    return &f->form.base;
fail:
    tui_app_error(app, "%s", e.msg);
    free(f);
    return NULL;
}
