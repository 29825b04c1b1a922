/* The member form: the 16 items of the national party-member
 * information system, plus kind, employer and notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/member.h"
#include "model/member_valid.h"
#include "model/org.h"
#include "rules.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/formview.h"
#include "tui/key.h"

enum {
    F_NO, F_NAME, F_GENDER, F_IDNUM, F_ETHNIC, F_BIRTH, F_EDUCATION,
    F_CATEGORY, F_ORG, F_JOIN, F_FULL, F_JOB, F_PHONE, F_ADDRESS,
    F_RESIDENCE, F_STATUS, F_LOST, F_LOST_DATE, F_MOBILE, F_MOBILE_DEST,
    F_KIND, F_EMPLOYER, F_NOTES, F_LEFT, NFIELDS
};

static const char *const gender_choices[] = {"", "男", "女"};
static const char *ethnic_choices[DOMAIN_ETHNIC_N + 1];

static const struct fv_field fields[NFIELDS] = {
    [F_NO] = {.label = "党员编号", .type = FV_READONLY, .width = 16},
    [F_NAME] = {.label = "姓名", .type = FV_TEXT, .required = true,
                .max_chars = MEMBER_NAME_CHARS, .width = 24},
    [F_GENDER] = {.label = "性别", .type = FV_CHOICE,
                  .choices = gender_choices, .nchoices = 3},
    [F_IDNUM] = {.label = "公民身份号码", .type = FV_IDNUM, .max_chars = 18,
                 .width = 20},
    [F_ETHNIC] = {.label = "民族", .type = FV_CHOICE,
                  .choices = ethnic_choices, .nchoices = DOMAIN_ETHNIC_N + 1},
    [F_BIRTH] = {.label = "出生日期", .type = FV_DATE,
                 .placeholder = "YYYY-MM-DD"},
    [F_EDUCATION] = {.label = "学历", .type = FV_CHOICE},
    [F_CATEGORY] = {.label = "人员类别", .type = FV_CHOICE, .required = true,
                    .choices = domain_category, .nchoices = DOMAIN_CATEGORY_N},
    [F_ORG] = {.label = "所在党支部", .type = FV_REF, .required = true,
               .width = 60},
    [F_JOIN] = {.label = "加入党组织日期", .type = FV_DATE, .required = true,
                .placeholder = "YYYY-MM-DD"},
    [F_FULL] = {.label = "转为正式党员日期", .type = FV_DATE,
                .placeholder = "YYYY-MM-DD"},
    [F_JOB] = {.label = "工作岗位", .type = FV_TEXT,
               .max_chars = MEMBER_SHORT_CHARS, .width = 40},
    [F_PHONE] = {.label = "联系电话", .type = FV_PHONE, .max_chars = 20,
                 .width = 20},
    [F_ADDRESS] = {.label = "家庭住址", .type = FV_TEXT,
                   .max_chars = MEMBER_ADDRESS_CHARS, .width = 48},
    [F_RESIDENCE] = {.label = "居住网格", .type = FV_REF, .width = 60,
                     .placeholder = "回车选择（在职党员填居住地，不是单位）"},
    [F_STATUS] = {.label = "党籍状态", .type = FV_CHOICE, .required = true,
                  .choices = domain_party_status,
                  .nchoices = DOMAIN_PARTY_STATUS_N},
    [F_LOST] = {.label = "失联党员", .type = FV_BOOL},
    [F_LOST_DATE] = {.label = "失去联系日期", .type = FV_DATE,
                     .required = true, .placeholder = "YYYY-MM-DD"},
    [F_MOBILE] = {.label = "流动党员", .type = FV_BOOL},
    [F_MOBILE_DEST] = {.label = "外出流向", .type = FV_TEXT, .required = true,
                       .max_chars = MEMBER_SHORT_CHARS, .width = 40},
    [F_KIND] = {.label = "党员类型", .type = FV_CHOICE, .required = true,
                .choices = domain_kind, .nchoices = DOMAIN_KIND_N},
    [F_EMPLOYER] = {.label = "工作单位", .type = FV_TEXT,
                    .max_chars = MEMBER_SHORT_CHARS, .width = 40},
    [F_NOTES] = {.label = "备注", .type = FV_MULTILINE,
                 .max_chars = MEMBER_NOTES_CHARS, .width = 48, .height = 3},
    [F_LEFT] = {.label = "离开情况", .type = FV_READONLY, .width = 24},
};

static const struct tui_binding keymap[] = {
    {ACT_SAVE, {TUI_FN(KEY_F(2)), TUI_CTRL('s')}, true},
    {ACT_HISTORY, {TUI_FN(KEY_F(5))}, true},
    {ACT_NONE, {0}, false},
};

struct member_form {
    tui_screen base;
    struct zb_ctx *ctx;
    formview *fv;
    member m;             /* the record as loaded (edits go to a copy) */
    struct fv_field fields[NFIELDS];
    struct org_item *orgs;
    int norgs;
    char today[11];
};

static int choice_index(const char *const *choices, int n, const char *v)
{
    for (int i = 0; i < n; i++)
        if (strcmp(choices[i], v) == 0)
            return i;
    return 0;
}

static void sync_hidden(struct member_form *f)
{
    fv_set_hidden(f->fv, F_LOST_DATE, !fv_bool(f->fv, F_LOST));
    fv_set_hidden(f->fv, F_MOBILE_DEST, !fv_bool(f->fv, F_MOBILE));
}

/* ---- validation: the member rules (model/member_valid.h), shared
 * with the CSV importer ---- */

static void store(struct member_form *f, member *m);

static int rule_field(int field)
{
    switch (field) {
    case F_NAME: return MF_NAME;
    case F_GENDER: return MF_GENDER;
    case F_IDNUM: return MF_IDNUM;
    case F_ETHNIC: return MF_ETHNIC;
    case F_BIRTH: return MF_BIRTH;
    case F_EDUCATION: return MF_EDUCATION;
    case F_CATEGORY: return MF_CATEGORY;
    case F_ORG: return MF_ORG;
    case F_JOIN: return MF_JOIN;
    case F_FULL: return MF_FULL;
    case F_JOB: return MF_JOB;
    case F_PHONE: return MF_PHONE;
    case F_ADDRESS: return MF_ADDRESS;
    case F_STATUS: return MF_STATUS;
    case F_LOST_DATE: return MF_LOST_DATE;
    case F_MOBILE_DEST: return MF_MOBILE_DEST;
    case F_KIND: return MF_KIND;
    case F_EMPLOYER: return MF_EMPLOYER;
    case F_NOTES: return MF_NOTES;
    default: return -1;
    }
}

static const char *validate(void *ctx, formview *fv, int field, char *msg,
                            size_t msgsz)
{
    struct member_form *f = ctx;
    (void)fv;
    int rule = rule_field(field);
    if (rule < 0)
        return NULL;
    member m = f->m;
    store(f, &m);
    return member_field_problem(f->ctx->db, &m, rule, f->today, msg, msgsz);
}

/* Birth date and gender follow from a valid ID number when empty. */
static void changed(void *ctx, formview *fv, int field)
{
    struct member_form *f = ctx;
    if (field == F_IDNUM) {
        struct idnum_info info;
        if (rules_idnum_check(fv_get(fv, F_IDNUM), f->today, &info) !=
            IDNUM_OK)
            return;
        fv_set(fv, F_IDNUM, info.normalized);
        if (!*fv_get(fv, F_BIRTH))
            fv_set(fv, F_BIRTH, info.birth);
        if (fv_choice(fv, F_GENDER) == 0)
            fv_set_choice(fv, F_GENDER, info.gender);
    } else if (field == F_LOST || field == F_MOBILE) {
        sync_hidden(f);
    }
}

static bool pick(void *ctx, formview *fv, int field)
{
    struct member_form *f = ctx;
    if (field == F_RESIDENCE) {
        int64_t id = fv_ref(fv, F_RESIDENCE);
        char path[600];
        if (!screens_pick_grid(f->base.app, f->ctx->db, "选择居住网格",
                               "无", 0, 0, &id, path, sizeof path) ||
            id == fv_ref(fv, F_RESIDENCE))
            return false;
        fv_set_ref(fv, F_RESIDENCE, id, id ? path : "");
        return true;
    }
    if (field != F_ORG || f->norgs == 0)
        return false;
    const char **items = malloc(sizeof *items * (size_t)f->norgs);
    int *index = malloc(sizeof *index * (size_t)f->norgs);
    if (!items || !index) {
        free(items);
        free(index);
        return false;
    }
    int n = 0, initial = -1;
    for (int i = 0; i < f->norgs; i++) {
        if (!f->orgs[i].active || !domain_org_holds_members(f->orgs[i].kind))
            continue;
        if (f->orgs[i].id == fv_ref(fv, F_ORG))
            initial = n;
        index[n] = i;
        items[n++] = f->orgs[i].path;
    }
    int k = tui_pick(f->base.app, "选择所在党支部", items, n, initial);
    int i = k >= 0 ? index[k] : -1;
    free(items);
    free(index);
    if (i < 0 || f->orgs[i].id == fv_ref(fv, F_ORG))
        return false;
    fv_set_ref(fv, F_ORG, f->orgs[i].id, f->orgs[i].path);
    return true;
}

static const struct fv_ops form_ops = {validate, changed, pick};

/* ---- load / store ---- */

static const char *org_path(struct member_form *f, int64_t id)
{
    for (int i = 0; i < f->norgs; i++)
        if (f->orgs[i].id == id)
            return f->orgs[i].path;
    return "";
}

static void load(struct member_form *f)
{
    const member *m = &f->m;
    formview *fv = f->fv;
    fv_set(fv, F_NO, m->id ? m->member_no : "（保存后分配）");
    fv_set(fv, F_NAME, m->name);
    fv_set_choice(fv, F_GENDER,
                  m->gender == GENDER_MALE || m->gender == GENDER_FEMALE
                      ? m->gender : 0);
    fv_set(fv, F_IDNUM, m->id_number);
    fv_set_choice(fv, F_ETHNIC, domain_ethnic_index(m->ethnic) + 1);
    fv_set(fv, F_BIRTH, m->birth_date);
    fv_set_choice(fv, F_EDUCATION,
                  choice_index(domain_education, (int)domain_education_n,
                               m->education));
    fv_set_choice(fv, F_CATEGORY, m->category);
    if (m->org_id)
        fv_set_ref(fv, F_ORG, m->org_id, org_path(f, m->org_id));
    fv_set(fv, F_JOIN, m->join_date);
    fv_set(fv, F_FULL, m->full_date);
    fv_set(fv, F_JOB, m->job);
    fv_set(fv, F_PHONE, m->phone);
    fv_set(fv, F_ADDRESS, m->address);
    if (m->residence_id) {
        char path[600];
        screens_grid_path(f->ctx->db, m->residence_id, path, sizeof path);
        fv_set_ref(fv, F_RESIDENCE, m->residence_id, path);
    }
    fv_set_choice(fv, F_STATUS, m->party_status);
    fv_set_bool(fv, F_LOST, m->lost);
    fv_set(fv, F_LOST_DATE, m->lost_date);
    fv_set_bool(fv, F_MOBILE, m->mobile);
    fv_set(fv, F_MOBILE_DEST, m->mobile_dest);
    fv_set_choice(fv, F_KIND, m->kind);
    fv_set(fv, F_EMPLOYER, m->employer);
    fv_set(fv, F_NOTES, m->notes);
    if (m->left_kind) {
        char left[64];
        snprintf(left, sizeof left, "%s %s", domain_left[m->left_kind],
                 m->left_date);
        fv_set(fv, F_LEFT, left);
    }
    fv_set_hidden(fv, F_LEFT, m->left_kind == 0);
    sync_hidden(f);
    fv_mark_clean(fv);
}

#define COPY(dst, field) snprintf((dst), sizeof(dst), "%s", fv_get(fv, field))

static void store(struct member_form *f, member *m)
{
    formview *fv = f->fv;
    COPY(m->name, F_NAME);
    m->gender = fv_choice(fv, F_GENDER);
    COPY(m->id_number, F_IDNUM);
    int e = fv_choice(fv, F_ETHNIC);
    snprintf(m->ethnic, sizeof m->ethnic, "%s", e > 0 ? domain_ethnic[e - 1] : "");
    COPY(m->birth_date, F_BIRTH);
    snprintf(m->education, sizeof m->education, "%s",
             domain_education[fv_choice(fv, F_EDUCATION)]);
    m->category = fv_choice(fv, F_CATEGORY);
    m->org_id = fv_ref(fv, F_ORG);
    COPY(m->join_date, F_JOIN);
    COPY(m->full_date, F_FULL);
    COPY(m->job, F_JOB);
    COPY(m->phone, F_PHONE);
    COPY(m->address, F_ADDRESS);
    m->residence_id = fv_ref(fv, F_RESIDENCE);
    m->party_status = fv_choice(fv, F_STATUS);
    m->lost = fv_bool(fv, F_LOST);
    if (m->lost)
        COPY(m->lost_date, F_LOST_DATE);
    else
        m->lost_date[0] = '\0';
    m->mobile = fv_bool(fv, F_MOBILE);
    if (m->mobile)
        COPY(m->mobile_dest, F_MOBILE_DEST);
    else
        m->mobile_dest[0] = '\0';
    m->kind = fv_choice(fv, F_KIND);
    COPY(m->employer, F_EMPLOYER);
    COPY(m->notes, F_NOTES);
}

static int save(struct member_form *f)
{
    tui_app *app = f->base.app;
    int bad = fv_validate_all(f->fv);
    if (bad >= 0) {
        tui_app_error(app, "「%s」%s，请改正后再保存", fields[bad].label,
                      fv_error(f->fv, bad) ? fv_error(f->fv, bad) : "有误");
        return TUI_HANDLED | TUI_REDRAW;
    }
    member m = f->m;
    store(f, &m);
    zb_err e;
    if (member_save(f->ctx->db, &m, &e) != 0) {
        tui_app_error(app, "保存失败：%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    f->ctx->saved_member = m.id;
    tui_app_status(app, "已保存：%s（编号 %s）", m.name, m.member_no);
    fv_mark_clean(f->fv);
    return TUI_HANDLED | TUI_REDRAW | TUI_POP;
}

/* ---- screen ops ---- */

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct member_form *f = (struct member_form *)base;
    fv_draw(f->fv, w, 0, 0, h, wd);
    tui_app_set_position(base->app, fv_dirty(f->fv) ? "已修改" : "");
}

static int key(tui_screen *base, int k)
{
    struct member_form *f = (struct member_form *)base;
    return fv_key(f->fv, k);
}

static int action(tui_screen *base, enum tui_action a)
{
    struct member_form *f = (struct member_form *)base;
    if (a == ACT_SAVE)
        return save(f);
    if (a == ACT_HISTORY && f->m.id) {
        tui_screen *next = member_history_new(base->app, f->ctx, f->m.id);
        if (!next) {
            tui_app_error(base->app, "无法打开");
            return TUI_HANDLED | TUI_REDRAW;
        }
        tui_app_push(base->app, next);
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (a == ACT_HISTORY) {
        tui_app_error(base->app, "新党员保存后才有出勤记录");
        return TUI_HANDLED | TUI_REDRAW;
    }
    return TUI_UNHANDLED;
}

static bool unsaved(tui_screen *base)
{
    struct member_form *f = (struct member_form *)base;
    return fv_dirty(f->fv);
}

static void cursor(tui_screen *base, int *y, int *x)
{
    struct member_form *f = (struct member_form *)base;
    fv_cursor_pos(f->fv, y, x);
}

static void destroy(tui_screen *base)
{
    struct member_form *f = (struct member_form *)base;
    fv_free(f->fv);
    free(f->orgs);
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

tui_screen *member_form_new(tui_app *app, struct zb_ctx *ctx,
                            int64_t member_id)
{
    struct member_form *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->base.ops = &ops;
    f->base.app = app;
    f->ctx = ctx;
    rules_today(f->today);
    ethnic_choices[0] = "";
    for (int i = 0; i < DOMAIN_ETHNIC_N; i++)
        ethnic_choices[i + 1] = domain_ethnic[i];
    memcpy(f->fields, fields, sizeof fields);
    f->fields[F_EDUCATION].choices = domain_education;
    f->fields[F_EDUCATION].nchoices = (int)domain_education_n;

    zb_err e;
    member_init(&f->m);
    if ((member_id && member_get(ctx->db, member_id, &f->m, &e) != 0) ||
        org_list(ctx->db, &f->orgs, &f->norgs, &e) != 0) {
        free(f->orgs);
        free(f);
        return NULL;
    }
    f->fv = fv_new(app, f->fields, NFIELDS, &form_ops, f);
    if (!f->fv) {
        free(f->orgs);
        free(f);
        return NULL;
    }
    if (member_id)
        snprintf(f->base.title, sizeof f->base.title,
                 "党员信息 - 编辑 %.90s（编号 %.15s）", f->m.name, f->m.member_no);
    else
        snprintf(f->base.title, sizeof f->base.title, "党员信息 - 新增");
    load(f);
    fv_set_focus(f->fv, F_NAME);
    return &f->base;
}
