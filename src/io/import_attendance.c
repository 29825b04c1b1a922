/* Importing the rolls of meetings (考勤).
 *
 * The meeting by 会议编号, checked against the row's date, kind and
 * organisation, or found by them; the person by 党员编号 or 公民身份号码
 * (姓名 must agree), a guest without a record by 姓名. Each row becomes
 * the meeting's roll row (model/meeting_import.h), so
 * member.last_attended and the meeting tally stay right. A file with the
 * 人员类别 column is a roll as zhibu exports it: for each meeting it
 * names, its rows are the whole roll, and expected members it does not
 * list who are still 未签到 are taken off the roll (said in the
 * report). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "io/import_more.h"
#include "io/meeting_cols.h"
#include "io/org_lookup.h"
#include "model/attendance.h"
#include "model/meeting.h"
#include "model/meeting_import.h"
#include "text.h"

const struct import_col att_cols[ATT_NCOLS] = {
    [A_MEETING] = {"会议编号", NULL},
    [A_DATE] = {"会议日期", "日期"},
    [A_KIND] = {"会议类型", NULL},
    [A_TOPIC] = {"会议主题", "主题"},
    [A_MORG] = {"会议党组织", "召开组织"},
    [A_NO] = {"党员编号", NULL},
    [A_NAME] = {"姓名", "党员姓名"},
    [A_IDNUM] = {"公民身份号码", "身份证号|身份证号码"},
    [A_ORG] = {"所在党组织", "所在党支部"},
    [A_CATEGORY] = {"人员类别", "党员类别"},
    [A_STATE] = {"考勤情况", "考勤|出勤情况|签到情况"},
    [A_REASON] = {"请假事由", "请假原因"},
    [A_MAKEUP] = {"补课日期", NULL},
    [A_MARKED_BY] = {"登记人", NULL},
};

static bool fits(struct import_ctx *c, long line, int col, const char *v,
                 size_t max_chars, size_t bufsz)
{
    if (text_chars(v) <= max_chars && strlen(v) < bufsz)
        return true;
    import_error(c, line, col, "此字段最多 %zu 个字", max_chars);
    return false;
}

/* ---- attendance ---- */

struct roll {              /* a meeting the file names: its members */
    int64_t meeting_id;
    int64_t *members;
    long n, cap;
};

struct att_run {
    struct org_lookup orgs;
    struct more_cache m;
    struct smap *meetings;   /* the row's meeting columns -> id */
    struct smap *seen;       /* "<meeting>:<member or name>" -> line */
    struct smap *roll_ix;    /* meeting id -> index into rolls */
    struct roll *rolls;
    int nrolls, cap;
    meeting *scratch;
    int64_t last_id;         /* the meeting whose date is last_date */
    char last_date[11];
};

static int att_begin(struct import_ctx *c, zb_err *err)
{
    struct att_run *s = c->state;
    if (!(s->meetings = smap_new()) || !(s->seen = smap_new()) ||
        !(s->roll_ix = smap_new()) ||
        !(s->scratch = malloc(sizeof *s->scratch)))
        return zb_fail(err, "内存不足");
    return org_lookup_load(&s->orgs, c->d, err);
}

/* The meeting a row names: *id and *date, or *id = 0 (reported). */
static int att_meeting(struct import_ctx *c, struct att_run *s, long line,
                       const char *const *v, int64_t *id, char date[11],
                       zb_err *err)
{
    *id = 0;
    char key[1024];
    snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%s\x1f%s", v[A_MEETING],
             v[A_DATE], v[A_KIND], v[A_MORG], v[A_TOPIC]);
    int64_t cached;
    if (smap_get(s->meetings, key, &cached)) {
        if (cached <= 0) {
            import_error(c, line, A_MEETING, "找不到该会议（见上文同一会议的"
                         "行）");
            return 0;
        }
        *id = cached;
    } else {
        long number = -1;
        char want_date[11] = "";
        int kind = 0;
        int64_t org = 0;
        if (*v[A_MEETING] && (!more_count(v[A_MEETING], 999999999L, &number) ||
                              number <= 0))
            import_error(c, line, A_MEETING, "会议编号应为正整数：%s",
                         v[A_MEETING]);
        if (*v[A_DATE] && !import_date(v[A_DATE], want_date))
            import_error(c, line, A_DATE, "日期无效：%s", v[A_DATE]);
        if (*v[A_KIND] &&
            !(kind = more_label(domain_meeting_kind, DOMAIN_MEETING_KIND_N,
                                v[A_KIND])))
            import_error(c, line, A_KIND, "不认识的会议类型「%s」", v[A_KIND]);
        if (*v[A_MORG])
            org_lookup_row(c, &s->orgs, line, A_MORG, v[A_MORG], &org);
        if (import_row_bad(c, line))
            return 0;
        zb_err e;
        if (number > 0 && meeting_get(c->d, number, s->scratch, &e) == 0 &&
            (!*want_date || !strcmp(s->scratch->date, want_date)) &&
            (!kind || s->scratch->kind == kind) &&
            (!org || s->scratch->org_id == org))
            *id = number;
        if (!*id && *want_date && kind && org &&
            meeting_find(c->d, org, want_date, kind, NULL,
                         *v[A_TOPIC] ? v[A_TOPIC] : NULL, id, err))
            return -1;
        if (*id < 0)
            *id = 0;
        if (smap_put(s->meetings, key, *id))
            return zb_fail(err, "内存不足");
        if (!*id) {
            import_error(c, line, A_MEETING, "找不到该会议（会议编号、日期、"
                         "类型和党组织都要与库中一致；请先导入会议）");
            return 0;
        }
    }
    if (*id != s->last_id) {
        if (meeting_get(c->d, *id, s->scratch, err))
            return -1;
        s->last_id = *id;
        memcpy(s->last_date, s->scratch->date, sizeof s->last_date);
    }
    memcpy(date, s->last_date, 11);
    return 0;
}

static int state_of(const char *v)
{
    for (int i = 0; i < DOMAIN_ATT_STATE_N; i++)
        if (!strcmp(v, domain_att_state[i]))
            return i;
    if (!strcmp(v, "到") || !strcmp(v, "已到") || !strcmp(v, "√"))
        return ATT_PRESENT;
    if (!strcmp(v, "未到"))
        return ATT_ABSENT;
    return -1;
}

/* The member ids of a meeting's roll in the file. */
static int roll_add(struct att_run *s, int64_t meeting_id,
                    int64_t member_id, zb_err *err)
{
    char key[24];
    int64_t ix;
    snprintf(key, sizeof key, "%lld", (long long)meeting_id);
    if (!smap_get(s->roll_ix, key, &ix)) {
        if (s->nrolls == s->cap) {
            int cap = s->cap ? s->cap * 2 : 16;
            struct roll *r = realloc(s->rolls, sizeof *r * (size_t)cap);
            if (!r)
                return zb_fail(err, "内存不足");
            s->rolls = r;
            s->cap = cap;
        }
        ix = s->nrolls++;
        s->rolls[ix] = (struct roll){.meeting_id = meeting_id};
        if (smap_put(s->roll_ix, key, ix))
            return zb_fail(err, "内存不足");
    }
    struct roll *r = &s->rolls[ix];
    if (!member_id)
        return 0;
    if (r->n == r->cap) {
        long cap = r->cap ? r->cap * 2 : 32;
        int64_t *m = realloc(r->members, sizeof *m * (size_t)cap);
        if (!m)
            return zb_fail(err, "内存不足");
        r->members = m;
        r->cap = cap;
    }
    r->members[r->n++] = member_id;
    return 0;
}

/* State, category, organisation, reason, make-up and recorder of a row
 * into a; false if one is wrong (reported). */
static bool att_values(struct import_ctx *c, struct att_run *s, long line,
                       const char *const *v, const char *date,
                       struct att_import *a, char makeup[11])
{
    bool guest_by_name = a->member_id == 0;
    a->state = *v[A_STATE] ? state_of(v[A_STATE])
             : guest_by_name ? ATT_GUEST : ATT_NONE;
    if (a->state < 0) {
        import_error(c, line, A_STATE, "考勤情况应为 未签到、出席、迟到、请假、"
                     "缺席 或 列席：%s", v[A_STATE]);
        return false;
    }
    if (guest_by_name && a->state != ATT_GUEST)
        import_error(c, line, A_STATE, "没有党员编号或公民身份号码的人员只能"
                     "登记为列席");
    if (strcmp(date, c->today) > 0 && a->state != ATT_NONE &&
        a->state != ATT_LEAVE)
        import_error(c, line, A_STATE, "会议日期 %s 在今天之后，不能登记%s",
                     date, domain_att_state[a->state]);
    if (*v[A_CATEGORY] && a->state != ATT_GUEST) {
        a->category = more_label(domain_category, DOMAIN_CATEGORY_N,
                                 v[A_CATEGORY]);
        if (!a->category)
            a->category = !strcmp(v[A_CATEGORY], "正式") ? CATEGORY_FULL
                        : !strcmp(v[A_CATEGORY], "预备") ? CATEGORY_PROBATION
                                                         : 0;
        if (!a->category)
            import_error(c, line, A_CATEGORY, "人员类别应为「正式党员」或"
                         "「预备党员」");
    }
    a->org_id = -1;
    if (*v[A_ORG])
        org_lookup_row(c, &s->orgs, line, A_ORG, v[A_ORG], &a->org_id);
    if (*v[A_REASON]) {
        if (a->state != ATT_LEAVE)
            import_error(c, line, A_REASON, "只有请假才填写请假事由");
        else if (text_chars(v[A_REASON]) > 30)
            import_error(c, line, A_REASON, "请假事由最多 30 个字");
        else
            a->reason = v[A_REASON];
    }
    if (*v[A_MAKEUP]) {
        if (a->state != ATT_LEAVE)
            import_error(c, line, A_MAKEUP, "只有请假才有补课日期");
        else if (!import_date(v[A_MAKEUP], makeup))
            import_error(c, line, A_MAKEUP, "日期无效：%s", v[A_MAKEUP]);
        else if (strcmp(makeup, date) < 0)
            import_error(c, line, A_MAKEUP, "补课日期早于会议日期 %s", date);
        else
            a->makeup_date = makeup;
    }
    if (*v[A_MARKED_BY]) {
        if (strlen(v[A_MARKED_BY]) >= 64)
            import_error(c, line, A_MARKED_BY, "登记人最多 63 个字节");
        else
            a->marked_by = v[A_MARKED_BY];
    }
    return !import_row_bad(c, line);
}

static int att_row(struct import_ctx *c, long line, const char *const *v,
                   zb_err *err)
{
    struct att_run *s = c->state;
    int64_t meeting_id, member_id = 0;
    char date[11] = "", makeup[11];
    if (att_meeting(c, s, line, v, &meeting_id, date, err) ||
        more_member(c, &s->m, line, A_NO, v[A_NO], A_IDNUM, v[A_IDNUM],
                    A_NAME, v[A_NAME], &member_id, NULL, 0, err))
        return -1;
    if (import_row_bad(c, line))
        return 0;
    if (!member_id && !*v[A_NAME]) {
        import_error(c, line, A_NAME, "请填写党员编号、公民身份号码或姓名");
        return 0;
    }
    if (!member_id && strchr(v[A_IDNUM], '*')) {
        import_error(c, line, A_IDNUM, "号码已打码，请填写党员编号（或导出时"
                     "加 --full）");
        return 0;
    }
    struct att_import a = {.member_id = member_id};
    if (!member_id &&
        fits(c, line, A_NAME, v[A_NAME], MEMBER_NAME_CHARS, sizeof a.name))
        snprintf(a.name, sizeof a.name, "%s", v[A_NAME]);
    if (!att_values(c, s, line, v, date, &a, makeup))
        return 0;
    char key[600];
    int64_t prev;
    if (member_id)
        snprintf(key, sizeof key, "%lld:%lld", (long long)meeting_id,
                 (long long)member_id);
    else
        snprintf(key, sizeof key, "%lld:%s", (long long)meeting_id, a.name);
    if (smap_get(s->seen, key, &prev)) {
        import_error(c, line, -1, "与第 %lld 行是同一次会议的同一人",
                     (long long)prev);
        return 0;
    }
    if (smap_put(s->seen, key, line) ||
        roll_add(s, meeting_id, member_id, err))
        return zb_fail(err, "内存不足");
    int result;
    if (attendance_import_row(c->d, meeting_id, &a, &result, err))
        return -1;
    if (result == ATTI_ADDED) {
        c->res->added++;
    } else if (result == ATTI_UPDATED) {
        c->res->updated++;
        import_change(c, "第 %ld 行 %s（%s 的会议，编号 %lld）：%s", line,
                      *v[A_NAME] ? v[A_NAME] : v[A_NO], date,
                      (long long)meeting_id, domain_att_state[a.state]);
    } else {
        c->res->unchanged++;
    }
    return 0;
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int att_end(struct import_ctx *c, bool keep, zb_err *err)
{
    struct att_run *s = c->state;
    int rc = 0;
    /* a roll as zhibu exports it stands for the whole roll (also in a
     * dry run, for the report; it is rolled back then) */
    bool whole = c->have[A_CATEGORY] && c->res->errors == 0 && err;
    (void)keep;
    for (int i = 0; i < s->nrolls; i++) {
        struct roll *r = &s->rolls[i];
        long removed = 0;
        if (whole && rc == 0) {
            if (r->n > 1)
                qsort(r->members, (size_t)r->n, sizeof *r->members, cmp_id);
            rc = attendance_import_prune(c->d, r->meeting_id, r->members,
                                         r->n, &removed, err);
            if (rc == 0 && removed)
                fprintf(c->notes, "  会议编号 %lld：应到名单中有 %ld 名未签到"
                        "的党员不在文件中，已移出应到名单\n",
                        (long long)r->meeting_id, removed);
        }
        free(r->members);
    }
    free(s->rolls);
    org_lookup_free(&s->orgs);
    more_cache_free(&s->m);
    smap_free(s->meetings);
    smap_free(s->seen);
    smap_free(s->roll_ix);
    free(s->scratch);
    return rc;
}

const struct import_kind import_attendance_kind = {
    .name = "attendance",
    .label = "考勤",
    .cols = att_cols,
    .ncols = ATT_NCOLS,
    .state_size = sizeof(struct att_run),
    .begin = att_begin,
    .row = att_row,
    .end = att_end,
};
