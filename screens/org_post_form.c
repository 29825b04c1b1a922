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
    tui_screen base;
    struct zb_ctx *ctx;
    formview *fv;
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
    tui_app *app = f->base.app;
    db *d = f->ctx->db;
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
        if (rows[i].id == fv_ref(f->fv, F_MEMBER))
            initial = i;
    }
    int k = tui_pick(app, "选择党员", items, nr, initial);
    if (k < 0)
        goto out;
    char text[200];
    snprintf(text, sizeof text, "%.60s（%s）", rows[k].name,
             rows[k].member_no);
    fv_set_ref(f->fv, F_MEMBER, rows[k].id, text);
    snprintf(f->member_name, sizeof f->member_name, "%s", rows[k].name);
    fv_set(f->fv, F_NAME, rows[k].name);
    if (rows[k].phone[0])
        fv_set(f->fv, F_PHONE, rows[k].phone);
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
    formview *fv = f->fv;
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
        if (member_get(f->ctx->db, p->member_id, &m, &e) == 0)
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
    formview *fv = f->fv;
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

static int field_of(const char *name)
{
    static const struct {
        const char *name;
        int field;
    } map[] = {
        {"post", F_POST}, {"name", F_NAME}, {"phone", F_PHONE},
        {"start_date", F_START}, {"end_date", F_END},
    };
    for (size_t i = 0; name && i < sizeof map / sizeof map[0]; i++)
        if (strcmp(name, map[i].name) == 0)
            return map[i].field;
    return -1;
}

static int save(struct post_form *f)
{
    tui_app *app = f->base.app;
    int bad = fv_validate_all(f->fv);
    if (bad >= 0) {
        tui_app_error(app, "「%s」%s，请改正后再保存", field_defs[bad].label,
                      fv_error(f->fv, bad) ? fv_error(f->fv, bad) : "有误");
        return TUI_HANDLED | TUI_REDRAW;
    }
    struct org_post p = f->p;
    store(f, &p);
    zb_err e;
    const char *where = NULL;
    if (org_post_validate(f->ctx->db, &p, &where, &e) != 0 ||
        org_post_save(f->ctx->db, &p, &e) != 0) {
        int fld = field_of(where);
        if (fld >= 0) {
            fv_set_error(f->fv, fld, e.msg);
            fv_set_focus(f->fv, fld);
        }
        tui_app_error(app, "保存失败：%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    f->ctx->saved_org_post = p.id;
    tui_app_status(app, "已保存：%s %s", org_post_label[p.post], p.name);
    fv_mark_clean(f->fv);
    return TUI_HANDLED | TUI_REDRAW | TUI_POP;
}

/* ---- screen ops ---- */

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct post_form *f = (struct post_form *)base;
    fv_draw(f->fv, w, 0, 0, h, wd);
    tui_app_set_position(base->app, fv_dirty(f->fv) ? "已修改" : "");
}

static int key(tui_screen *base, int k)
{
    struct post_form *f = (struct post_form *)base;
    return fv_key(f->fv, k);
}

static int action(tui_screen *base, enum tui_action a)
{
    struct post_form *f = (struct post_form *)base;
    if (a == ACT_SAVE)
        return save(f);
    return TUI_UNHANDLED;
}

static bool unsaved(tui_screen *base)
{
    struct post_form *f = (struct post_form *)base;
    return fv_dirty(f->fv);
}

static void cursor(tui_screen *base, int *y, int *x)
{
    struct post_form *f = (struct post_form *)base;
    fv_cursor_pos(f->fv, y, x);
}

static void destroy(tui_screen *base)
{
    struct post_form *f = (struct post_form *)base;
    fv_free(f->fv);
    free(f);
}

static const struct tui_screen_ops ops = {
    .keymap = keymap,
    .draw = draw,
    .key = key,
    .action = action,
    .unsaved = unsaved,
    .cursor = cursor,
    .destroy = destroy,
};

tui_screen *org_post_form_new(tui_app *app, struct zb_ctx *ctx,
                              int64_t post_id, int64_t org_id)
{
    struct post_form *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->base.ops = &ops;
    f->base.app = app;
    f->ctx = ctx;
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
    f->fv = fv_new(app, defs, NFIELDS, &form_ops, f);
    if (!f->fv) {
        free(f);
        return NULL;
    }
    if (post_id)
        snprintf(f->base.title, sizeof f->base.title,
                 "%.60s - 编辑任职：%s %.40s", f->org_name,
                 org_post_label[f->p.post > 0 && f->p.post < ORG_POST_N
                                    ? f->p.post : 0], f->p.name);
    else
        snprintf(f->base.title, sizeof f->base.title, "%.60s - 新增任职",
                 f->org_name);
    load(f);
    fv_set_focus(f->fv, post_id ? F_NAME : f->p.post ? F_MEMBER : F_POST);
    return &f->base;
fail:
    tui_app_error(app, "%s", e.msg);
    free(f);
    return NULL;
}
