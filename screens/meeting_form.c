/* The meeting form: when, where, who led it, the topic and the minutes.
 * Saving also prepares the roll (meeting_save). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "model/meeting.h"
#include "model/org.h"
#include "rules.h"
#include "rules_meeting.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/formview.h"
#include "tui/key.h"

enum {
    F_ORG, F_KIND, F_DATE, F_START, F_END, F_PLACE, F_HOST, F_RECORDER,
    F_LECTURER, F_TOPIC, F_MINUTES, NFIELDS
};

static const struct fv_field fields[NFIELDS] = {
    [F_ORG] = {.label = "组织", .type = FV_REF, .required = true,
               .width = 60},
    [F_KIND] = {.label = "类型", .type = FV_CHOICE, .required = true,
                .choices = domain_meeting_kind,
                .nchoices = DOMAIN_MEETING_KIND_N},
    [F_DATE] = {.label = "日期", .type = FV_DATE, .required = true,
                .placeholder = "YYYY-MM-DD"},
    [F_START] = {.label = "开始时间", .type = FV_TEXT, .max_chars = 5,
                 .width = 6, .placeholder = "HH:MM"},
    [F_END] = {.label = "结束时间", .type = FV_TEXT, .max_chars = 5,
               .width = 6, .placeholder = "HH:MM"},
    [F_PLACE] = {.label = "地点", .type = FV_TEXT,
                 .max_chars = MEETING_SHORT_CHARS, .width = 40},
    [F_HOST] = {.label = "主持人", .type = FV_TEXT,
                .max_chars = MEETING_SHORT_CHARS, .width = 24},
    [F_RECORDER] = {.label = "记录人", .type = FV_TEXT,
                    .max_chars = MEETING_SHORT_CHARS, .width = 24},
    [F_LECTURER] = {.label = "讲课人", .type = FV_TEXT,
                    .max_chars = MEETING_SHORT_CHARS, .width = 24},
    [F_TOPIC] = {.label = "主题", .type = FV_TEXT, .required = true,
                 .max_chars = MEETING_TOPIC_CHARS, .width = 60},
    [F_MINUTES] = {.label = "会议记录", .type = FV_MULTILINE,
                   .max_chars = MEETING_MINUTES_CHARS, .width = 60,
                   .height = 6},
};

static const struct tui_binding keymap[] = {
    {ACT_SAVE, {TUI_FN(KEY_F(2)), TUI_CTRL('s')}, true},
    {ACT_NONE, {0}, false},
};

struct meeting_form {
    struct screens_form form;   /* first: the form scaffolding */
    meeting m;              /* the record as loaded */
    struct org_item *orgs;
    int norgs;
};

static void sync_hidden(struct meeting_form *f)
{
    fv_set_hidden(f->form.fv, F_LECTURER,
                  fv_choice(f->form.fv, F_KIND) != MK_LESSON);
}

/* ---- validation ---- */

static const char *validate(void *ctx, formview *fv, int field, char *msg,
                            size_t msgsz)
{
    (void)ctx;
    (void)msg;
    (void)msgsz;
    char t[6], start[6];
    const char *v = fv_get(fv, field);
    switch (field) {
    case F_ORG:
        return fv_ref(fv, F_ORG) ? NULL : "必填";
    case F_TOPIC:
        return strspn(v, " ") == strlen(v) ? "必填" : NULL;
    case F_START:
        if (*v && !rules_time_normalize(v, t))
            return "时间格式应为 HH:MM";
        return NULL;
    case F_END:
        if (!*v)
            return NULL;
        if (!rules_time_normalize(v, t))
            return "时间格式应为 HH:MM";
        if (rules_time_normalize(fv_get(fv, F_START), start) &&
            strcmp(t, start) < 0)
            return "结束时间不能早于开始时间";
        return NULL;
    default:
        return NULL;
    }
}

static void changed(void *ctx, formview *fv, int field)
{
    struct meeting_form *f = ctx;
    char t[6];
    if (field == F_KIND) {
        sync_hidden(f);
    } else if (field == F_START || field == F_END) {
        if (rules_time_normalize(fv_get(fv, field), t) &&
            strcmp(t, fv_get(fv, field)) != 0)
            fv_set(fv, field, t);
    }
}

static bool pick(void *ctx, formview *fv, int field)
{
    struct meeting_form *f = ctx;
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
        if (!f->orgs[i].active)
            continue;
        if (f->orgs[i].id == fv_ref(fv, F_ORG))
            initial = n;
        index[n] = i;
        items[n++] = f->orgs[i].path;
    }
    int k = tui_pick(f->form.base.app, "选择党组织", items, n, initial);
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

static const char *org_path(struct meeting_form *f, int64_t id)
{
    for (int i = 0; i < f->norgs; i++)
        if (f->orgs[i].id == id)
            return f->orgs[i].path;
    return "";
}

static void load(struct meeting_form *f)
{
    const meeting *m = &f->m;
    formview *fv = f->form.fv;
    if (m->org_id)
        fv_set_ref(fv, F_ORG, m->org_id, org_path(f, m->org_id));
    fv_set_choice(fv, F_KIND,
                  m->kind > 0 && m->kind < DOMAIN_MEETING_KIND_N ? m->kind : 0);
    fv_set(fv, F_DATE, m->date);
    fv_set(fv, F_START, m->start_time);
    fv_set(fv, F_END, m->end_time);
    fv_set(fv, F_PLACE, m->place);
    fv_set(fv, F_HOST, m->host);
    fv_set(fv, F_RECORDER, m->recorder);
    fv_set(fv, F_LECTURER, m->lecturer);
    fv_set(fv, F_TOPIC, m->topic);
    fv_set(fv, F_MINUTES, m->minutes);
    sync_hidden(f);
    fv_mark_clean(fv);
}

#define COPY(dst, field) snprintf((dst), sizeof(dst), "%s", fv_get(fv, field))

static void store(struct meeting_form *f, meeting *m)
{
    formview *fv = f->form.fv;
    m->org_id = fv_ref(fv, F_ORG);
    m->kind = fv_choice(fv, F_KIND);
    COPY(m->date, F_DATE);
    char t[6];
    if (!rules_time_normalize(fv_get(fv, F_START), t))
        t[0] = '\0';
    snprintf(m->start_time, sizeof m->start_time, "%s", t);
    if (!rules_time_normalize(fv_get(fv, F_END), t))
        t[0] = '\0';
    snprintf(m->end_time, sizeof m->end_time, "%s", t);
    COPY(m->place, F_PLACE);
    COPY(m->host, F_HOST);
    COPY(m->recorder, F_RECORDER);
    if (m->kind == MK_LESSON)
        COPY(m->lecturer, F_LECTURER);
    else
        m->lecturer[0] = '\0';
    COPY(m->topic, F_TOPIC);
    COPY(m->minutes, F_MINUTES);
}

static int save(struct screens_form *head)
{
    struct meeting_form *f = (struct meeting_form *)head;
    tui_app *app = f->form.base.app;
    if (!screens_form_check(&f->form))
        return TUI_HANDLED | TUI_REDRAW;
    meeting *m = malloc(sizeof *m);
    if (!m) {
        tui_app_error(app, "内存不足");
        return TUI_HANDLED | TUI_REDRAW;
    }
    *m = f->m;
    store(f, m);
    zb_err e;
    if (meeting_save(f->form.ctx->db, m, &e) != 0) {
        tui_app_error(app, "保存失败：%s", e.msg);
        free(m);
        return TUI_HANDLED | TUI_REDRAW;
    }
    f->form.ctx->saved_meeting = m->id;
    tui_app_status(app, "已保存：%s %s %.150s", m->date,
                   domain_meeting_kind[m->kind], m->topic);
    free(m);
    fv_mark_clean(f->form.fv);
    return TUI_HANDLED | TUI_REDRAW | TUI_POP;
}

/* ---- screen ops ---- */

static void destroy(tui_screen *base)
{
    struct meeting_form *f = (struct meeting_form *)base;
    free(f->orgs);
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

tui_screen *meeting_form_new(tui_app *app, struct zb_ctx *ctx,
                             int64_t meeting_id, int64_t org_id, int kind)
{
    struct meeting_form *f = screens_form_alloc(sizeof *f, &ops, app, ctx,
                                                save);
    if (!f)
        return NULL;
    zb_err e;
    meeting_init(&f->m);
    if ((meeting_id && meeting_get(ctx->db, meeting_id, &f->m, &e) != 0) ||
        org_list(ctx->db, &f->orgs, &f->norgs, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        free(f->orgs);
        free(f);
        return NULL;
    }
    if (!meeting_id) {
        f->m.org_id = org_id;
        f->m.kind = kind > 0 && kind < DOMAIN_MEETING_KIND_N ? kind : 0;
        rules_today(f->m.date);
    }
    f->form.fv = fv_new(app, fields, NFIELDS, &form_ops, f);
    if (!f->form.fv) {
        free(f->orgs);
        free(f);
        return NULL;
    }
    if (meeting_id)
        snprintf(f->form.base.title, sizeof f->form.base.title,
                 "三会一课 - 编辑会议 %s %.100s", f->m.date, f->m.topic);
    else
        snprintf(f->form.base.title, sizeof f->form.base.title,
                 "三会一课 - 新增会议");
    load(f);
    int focus = !f->m.org_id ? F_ORG : !f->m.kind ? F_KIND
              : meeting_id ? F_TOPIC : F_DATE;
    fv_set_focus(f->form.fv, focus);
    return &f->form.base;
}
