/* Importing meetings (三会一课).
 *
 * A row is the stored meeting with that 会议编号 when date, kind and
 * organisation agree; else the one meeting of the organisation on that
 * date of that kind with the same start time and topic; else a new
 * meeting, which keeps the 会议编号 if it is free here (so that an
 * export imported into an empty database keeps its numbers and its
 * attendance file still names the right meetings). The organisation is
 * named by its full path (as exported) or by a name only one has; it
 * must exist. A stored meeting is updated only where the file has a
 * value. Saved through meeting_save: the roll of a new meeting is made
 * as on screen. 应到 … 列席 are not read (the roll says them). The rolls
 * are imported by src/io/import_attendance.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "io/import_more.h"
#include "io/meeting_cols.h"
#include "io/org_lookup.h"
#include "model/meeting.h"
#include "model/meeting_import.h"
#include "rules.h"
#include "rules_meeting.h"
#include "text.h"

const struct import_col meeting_cols[MEETING_NCOLS] = {
    [MT_ID] = {"会议编号", "编号"},
    [MT_DATE] = {"日期", "会议日期|召开日期|时间"},
    [MT_START] = {"开始时间", NULL},
    [MT_END] = {"结束时间", NULL},
    [MT_KIND] = {"会议类型", "类型|会议类别"},
    [MT_ORG] = {"党组织", "召开组织|会议党组织|所在党支部|党支部"},
    [MT_TOPIC] = {"主题", "会议主题|议题"},
    [MT_PLACE] = {"地点", "会议地点"},
    [MT_HOST] = {"主持人", NULL},
    [MT_RECORDER] = {"记录人", NULL},
    [MT_LECTURER] = {"讲课人", "授课人"},
    [MT_EXPECTED] = {"应到", "应到人数"},
    [MT_PRESENT] = {"实到", "实到人数"},
    [MT_LEAVE] = {"请假", "请假人数"},
    [MT_ABSENT] = {"缺席", "缺席人数"},
    [MT_GUESTS] = {"列席", "列席人数"},
    [MT_MINUTES] = {"会议记录", "记录|内容"},
};

static bool fits(struct import_ctx *c, long line, int col, const char *v,
                 size_t max_chars, size_t bufsz)
{
    if (text_chars(v) <= max_chars && strlen(v) < bufsz)
        return true;
    import_error(c, line, col, "此字段最多 %zu 个字", max_chars);
    return false;
}

/* ---- meetings ---- */

struct mt_state {
    struct org_lookup orgs;
    struct smap *seen;     /* meeting id -> line */
    meeting *m, *old;      /* scratch (large: the minutes) */
};

static int mt_begin(struct import_ctx *c, zb_err *err)
{
    struct mt_state *s = c->state;
    if (!(s->seen = smap_new()) || !(s->m = malloc(sizeof *s->m)) ||
        !(s->old = malloc(sizeof *s->old)))
        return zb_fail(err, "内存不足");
    return org_lookup_load(&s->orgs, c->d, err);
}

/* The date, kind and organisation of a row (each required); false if
 * any is missing or wrong (reported). */
static bool mt_key(struct import_ctx *c, const struct org_lookup *orgs,
                   long line, const char *const *v, const int cols[3],
                   char date[11], int *kind, int64_t *org)
{
    bool ok = true;
    date[0] = '\0';
    *kind = 0;
    *org = 0;
    if (!*v[cols[0]])
        import_error(c, line, cols[0], "请填写会议日期"), ok = false;
    else if (!import_date(v[cols[0]], date))
        import_error(c, line, cols[0], "日期无效：%s", v[cols[0]]), ok = false;
    if (!*v[cols[1]])
        import_error(c, line, cols[1], "请填写会议类型"), ok = false;
    else if (!(*kind = more_label(domain_meeting_kind, DOMAIN_MEETING_KIND_N,
                                  v[cols[1]])))
        import_error(c, line, cols[1], "不认识的会议类型「%s」（可用：支部党员"
                     "大会、支部委员会、党小组会、党课、主题党日、组织生活会、"
                     "民主评议党员、其他）", v[cols[1]]), ok = false;
    if (!*v[cols[2]])
        import_error(c, line, cols[2], "请填写召开会议的党组织"), ok = false;
    else
        org_lookup_row(c, orgs, line, cols[2], v[cols[2]], org);
    return ok && *org > 0;
}

/* The file's values over m (an empty cell keeps what m has). */
static void mt_apply(struct import_ctx *c, long line, const char *const *v,
                     meeting *m)
{
    static const int times[] = {MT_START, MT_END};
    for (int i = 0; i < 2; i++) {
        const char *t = v[times[i]];
        char hm[6];
        if (!*t)
            continue;
        if (!rules_time_normalize(t, hm)) {
            import_error(c, line, times[i], "时间无效：%s（应为 HH:MM）", t);
            continue;
        }
        memcpy(i ? m->end_time : m->start_time, hm, sizeof hm);
    }
    const struct {
        int col;
        char *dst;
        size_t sz, max;
    } text[] = {
        {MT_TOPIC, m->topic, sizeof m->topic, MEETING_TOPIC_CHARS},
        {MT_PLACE, m->place, sizeof m->place, MEETING_SHORT_CHARS},
        {MT_HOST, m->host, sizeof m->host, MEETING_SHORT_CHARS},
        {MT_RECORDER, m->recorder, sizeof m->recorder, MEETING_SHORT_CHARS},
        {MT_LECTURER, m->lecturer, sizeof m->lecturer, MEETING_SHORT_CHARS},
        {MT_MINUTES, m->minutes, sizeof m->minutes, MEETING_MINUTES_CHARS},
    };
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
        const char *t = v[text[i].col];
        if (*t && fits(c, line, text[i].col, t, text[i].max, text[i].sz))
            snprintf(text[i].dst, text[i].sz, "%s", t);
    }
    if (m->kind != MK_LESSON && *v[MT_LECTURER]) {
        import_note(c, line, "只有党课记录讲课人，「%s」未导入",
                    v[MT_LECTURER]);
        m->lecturer[0] = '\0';
    }
}

static bool mt_same(const meeting *a, const meeting *b)
{
    return a->org_id == b->org_id && a->kind == b->kind &&
           !strcmp(a->date, b->date) && !strcmp(a->start_time, b->start_time) &&
           !strcmp(a->end_time, b->end_time) && !strcmp(a->place, b->place) &&
           !strcmp(a->host, b->host) && !strcmp(a->recorder, b->recorder) &&
           !strcmp(a->lecturer, b->lecturer) && !strcmp(a->topic, b->topic) &&
           !strcmp(a->minutes, b->minutes);
}

/* The stored meeting the row is (*id, 0 = new; *want: the 会议编号 a new
 * one may keep). */
static int mt_match(struct import_ctx *c, struct mt_state *s, long line,
                    const char *const *v, long number, const char *date,
                    int kind, int64_t org, int64_t *id, int64_t *want,
                    zb_err *err)
{
    *id = *want = 0;
    if (number > 0) {
        zb_err e;
        if (meeting_get(c->d, number, s->old, &e) == 0) {
            if (s->old->org_id == org && s->old->kind == kind &&
                !strcmp(s->old->date, date)) {
                *id = number;
                return 0;
            }
        } else {
            *want = number;
        }
    }
    char start[6] = "";
    if (*v[MT_START] && !rules_time_normalize(v[MT_START], start))
        start[0] = '\0';
    int64_t found;
    if (meeting_find(c->d, org, date, kind,
                     c->have[MT_START] ? start : NULL,
                     c->have[MT_TOPIC] ? v[MT_TOPIC] : NULL, &found, err))
        return -1;
    if (found == -2) {
        import_error(c, line, -1, "库中有多次日期、类型、党组织、开始时间和"
                     "主题都相同的会议，无法确定是哪一次");
        return 0;
    }
    if (found > 0) {
        *id = found;
        *want = 0;
    } else if (number > 0 && !*want) {
        import_note(c, line, "会议编号 %ld 在库中是另一次会议，本会议另行编号",
                    number);
    }
    return 0;
}

static int mt_row(struct import_ctx *c, long line, const char *const *v,
                  zb_err *err)
{
    struct mt_state *s = c->state;
    static const int key_cols[3] = {MT_DATE, MT_KIND, MT_ORG};
    char date[11];
    int kind;
    int64_t org;
    long number = -1;
    bool key_ok = mt_key(c, &s->orgs, line, v, key_cols, date, &kind, &org);
    if (*v[MT_ID] && (!more_count(v[MT_ID], 999999999L, &number) ||
                      number <= 0))
        import_error(c, line, MT_ID, "会议编号应为正整数：%s", v[MT_ID]);
    if (!key_ok || import_row_bad(c, line))
        return 0;
    int64_t id, want;
    if (mt_match(c, s, line, v, number, date, kind, org, &id, &want, err))
        return -1;
    if (import_row_bad(c, line))
        return 0;
    meeting *m = s->m;
    if (id) {
        if (meeting_get(c->d, id, s->old, err))
            return -1;
        *m = *s->old;
    } else {
        meeting_init(m);
    }
    memcpy(m->date, date, sizeof m->date);
    m->kind = kind;
    m->org_id = org;
    mt_apply(c, line, v, m);
    if (import_row_bad(c, line))
        return 0;
    char key[24];
    int64_t prev;
    snprintf(key, sizeof key, "%lld", (long long)id);
    if (id && smap_get(s->seen, key, &prev)) {
        import_error(c, line, -1, "与第 %lld 行是同一次会议", (long long)prev);
        return 0;
    }
    if (id && mt_same(m, s->old)) {
        c->res->unchanged++;
    } else {
        zb_err e;
        if (meeting_validate(c->d, m, &e)) {
            import_error(c, line, -1, "%s", e.msg);
            return 0;
        }
        if (meeting_save_as(c->d, m, want, err))
            return -1;
        if (id) {
            c->res->updated++;
            import_change(c, "第 %ld 行 %s %s（会议编号 %lld）", line, m->date,
                          domain_meeting_kind[m->kind], (long long)m->id);
        } else {
            c->res->added++;
        }
    }
    snprintf(key, sizeof key, "%lld", (long long)m->id);
    return smap_put(s->seen, key, line) ? zb_fail(err, "内存不足") : 0;
}

static int mt_end(struct import_ctx *c, bool keep, zb_err *err)
{
    struct mt_state *s = c->state;
    (void)keep;
    (void)err;
    org_lookup_free(&s->orgs);
    smap_free(s->seen);
    free(s->m);
    free(s->old);
    return 0;
}

const struct import_kind import_meetings_kind = {
    .name = "meetings",
    .label = "会议",
    .cols = meeting_cols,
    .ncols = MEETING_NCOLS,
    .state_size = sizeof(struct mt_state),
    .begin = mt_begin,
    .row = mt_row,
    .end = mt_end,
};
