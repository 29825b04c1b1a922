/* The work-summary report: members, 三会一课, attendance, pairing
 * assistance. Each part is one query (or the owning module's
 * function); rolls are read from meeting_tally (schema step 5), one row
 * per meeting, not from the millions of roll rows. The grid part is in
 * report_grids.c. */
#include "model/report.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/attendance.h"
#include "model/org.h"
#include "model/report_int.h"
#include "rules.h"
#include "rules_meeting.h"

/* ---- members ---- */

/* The rows come to C as they are: comparing dates here is several
 * times cheaper than SQL expressions over every member. */
#define MEMBER_COLS \
    "SELECT kind, category, party_status, lost, join_date, full_date," \
    " left_kind, left_date FROM member"

static bool in_period(const char *d, const struct report *r)
{
    return d[0] && strcmp(d, r->from) >= 0 && strcmp(d, r->to) <= 0;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "";
}

static int count_members(db *d, const struct report *r,
                         struct report_members *m, zb_err *err)
{
    static const char all[] = MEMBER_COLS " WHERE ?1 = 0";
    static const char sub[] = REPORT_SUBTREE MEMBER_COLS
        " WHERE org_id IN (SELECT id FROM sub)";
    sqlite3_stmt *st = db_stmt(d, r->org_id ? sub : all, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, r->org_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int kind = sqlite3_column_int(st, 0);
        int category = sqlite3_column_int(st, 1);
        const char *join = col_text(st, 4), *full = col_text(st, 5);
        int left = sqlite3_column_int(st, 6);
        const char *left_date = col_text(st, 7);
        /* on the register at the end: joined by then (or not known),
         * not left by then (a departure without a date counts) */
        if ((!join[0] || strcmp(join, r->upto) <= 0) &&
            (left == 0 || strcmp(left_date, r->upto) > 0)) {
            m->total++;
            if (category == CATEGORY_PROBATION ||
                (full[0] && strcmp(full, r->upto) > 0))
                m->prob++;
            else
                m->full++;
            if (kind > 0 && kind < DOMAIN_KIND_N)
                m->by_kind[kind]++;
            m->suspended += sqlite3_column_int(st, 2) == PARTY_STATUS_SUSPENDED;
            m->lost += sqlite3_column_int(st, 3) != 0;
        }
        m->joined += in_period(join, r);
        m->became_full += in_period(full, r);
        if (left > 0 && left < DOMAIN_LEFT_N && in_period(left_date, r))
            m->left[left]++;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "统计党员");
}

/* ---- meetings held and their rolls ---- */

/* One row per meeting from meeting_tally (schema step 5), in date
 * order: held by kind and the roll's counts together. Only meetings
 * dated up to today count (?3 = upto). */
#define TALLY_COLS \
    "SELECT kind, unmarked, present, late, leave, absent, guests," \
    " prob_due, prob_att FROM meeting_tally WHERE date BETWEEN ?2 AND ?3"

static int count_held(db *d, const struct report *r,
                      struct report_meetings *m, struct report_attendance *a,
                      zb_err *err)
{
    static const char all[] = TALLY_COLS " AND ?1 = 0";
    static const char sub[] = REPORT_SUBTREE TALLY_COLS
        " AND org_id IN (SELECT id FROM sub)";
    sqlite3_stmt *st = db_stmt(d, r->org_id ? sub : all, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, r->org_id);
    sqlite3_bind_text(st, 2, r->from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, r->upto, -1, SQLITE_STATIC);
    long prob_due = 0, prob_att = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int kind = sqlite3_column_int(st, 0);
        if (kind > 0 && kind < MK_COUNT)
            m->held[kind]++;
        m->held[0]++;
        a->unmarked += sqlite3_column_int(st, 1);
        a->present += sqlite3_column_int(st, 2);
        a->late += sqlite3_column_int(st, 3);
        a->leave += sqlite3_column_int(st, 4);
        a->absent += sqlite3_column_int(st, 5);
        a->guests += sqlite3_column_int(st, 6);
        prob_due += sqlite3_column_int(st, 7);
        prob_att += sqlite3_column_int(st, 8);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(d, err, "统计会议和出勤");
    a->attended = a->present + a->late;
    a->expected = a->attended + a->leave + a->absent + a->unmarked;
    a->prob_expected = prob_due;
    a->prob_attended = prob_att;
    a->full_expected = a->expected - prob_due;
    a->full_attended = a->attended - prob_att;
    a->rate = rules_rate_permille((int)a->attended, (int)a->expected);
    a->full_rate = rules_rate_permille((int)a->full_attended,
                                       (int)a->full_expected);
    a->prob_rate = rules_rate_permille((int)a->prob_attended,
                                       (int)a->prob_expected);
    return 0;
}

/* The minimums: compliance_report's rows summed per kind. */
static int sum_compliance(db *d, const struct report *r,
                          const struct compliance_config *cfg,
                          struct report_meetings *m, zb_err *err)
{
    struct compliance_row *rows = NULL;
    int n = 0;
    if (compliance_report(d, r->org_id, r->from, r->to, cfg, &rows, &n,
                          err) != 0)
        return -1;
    m->norgs = n;
    for (int i = 0; i < n; i++) {
        const struct compliance_row *c = &rows[i];
        if (c->gaps > 0)
            m->gap_orgs++;
        for (int k = 0; k < c->nkinds; k++) {
            const struct compliance_kind *ck = &c->kinds[k];
            if (ck->kind <= 0 || ck->kind >= MK_COUNT)
                continue;
            m->orgs[ck->kind]++;
            m->required[ck->kind] += ck->required;
            m->rule_held[ck->kind] += ck->held;
            m->missing[ck->kind] += ck->missing_windows;
            if (ck->missing_windows > 0)
                m->short_orgs[ck->kind]++;
        }
    }
    free(rows);
    return 0;
}

/* ---- the organisation ---- */

static int describe_org(db *d, struct report *r, zb_err *err)
{
    struct org_item *items = NULL;
    int n = 0;
    if (org_list(d, &items, &n, err) != 0)
        return -1;
    int found = -1;
    for (int i = 0; i < n && found < 0; i++)
        if (items[i].id == r->org_id)
            found = i;
    if (found >= 0) {
        snprintf(r->org_name, sizeof r->org_name, "%s", items[found].name);
        snprintf(r->org_path, sizeof r->org_path, "%s", items[found].path);
    }
    free(items);
    if (found < 0)
        return zb_fail(err, "找不到该党组织（编号 %lld）",
                       (long long)r->org_id);
    return 0;
}

static bool is_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* path ends with "/" tail (or is tail) */
static bool path_tail(const char *path, const char *tail)
{
    size_t n = strlen(path), k = strlen(tail);
    if (k == 0 || k > n || strcmp(path + n - k, tail) != 0)
        return false;
    return k == n || path[n - k - 1] == '/';
}

int report_resolve_org(db *d, const char *s, int64_t *org_id, zb_err *err)
{
    *org_id = 0;
    char want[512];
    /* blanks around the whole text and around each '/' */
    size_t k = 0;
    for (const char *p = s; *p && k + 1 < sizeof want; p++) {
        if (*p == ' ' || *p == '\t') {
            const char *q = p;
            while (*q == ' ' || *q == '\t')
                q++;
            if (k == 0 || !*q || *q == '/' || want[k - 1] == '/') {
                p = q - 1;
                continue;
            }
        }
        want[k++] = *p;
    }
    want[k] = '\0';
    if (!*want)
        return zb_fail(err, "请指定党组织（编号、路径或名称）");
    struct org_item *items = NULL;
    int n = 0;
    if (org_list(d, &items, &n, err) != 0)
        return -1;
    int64_t exact = 0, tail = 0;
    int ntail = 0;
    for (int i = 0; i < n; i++) {
        if (is_digits(want) && items[i].id == atoll(want))
            exact = items[i].id;
        else if (strcmp(items[i].path, want) == 0)
            exact = items[i].id;
        else if (path_tail(items[i].path, want)) {
            tail = items[i].id;
            ntail++;
        }
    }
    free(items);
    if (exact) {
        *org_id = exact;
        return 0;
    }
    if (ntail == 1) {
        *org_id = tail;
        return 0;
    }
    if (ntail > 1)
        return zb_fail(err, "有 %d 个党组织名为「%s」，请写出上级路径，"
                       "如 街道党工委/社区党委/%s", ntail, want, want);
    return zb_fail(err, "找不到党组织「%s」", want);
}

/* ---- the whole report ---- */

int report_build(db *d, int64_t org_id, const char *from, const char *to,
                 const struct compliance_config *cfg, struct report *r,
                 zb_err *err)
{
    memset(r, 0, sizeof *r);
    if (!from || !to || !rules_date_valid(from) || !rules_date_valid(to))
        return zb_fail(err, "统计期间的日期无效");
    if (strcmp(from, to) > 0)
        return zb_fail(err, "统计期间的开始日期晚于结束日期");
    snprintf(r->from, sizeof r->from, "%s", from);
    snprintf(r->to, sizeof r->to, "%s", to);
    rules_today(r->today);
    snprintf(r->upto, sizeof r->upto, "%s",
             strcmp(r->to, r->today) > 0 ? r->today : r->to);
    r->org_id = org_id > 0 ? org_id : 0;

    /* one read transaction: the parts agree with each other (BEGIN is
     * deferred: a report takes no write lock) */
    bool own = sqlite3_get_autocommit(db_handle(d)) != 0;
    if (own && db_exec(d, "BEGIN", err) != 0)
        return -1;
    int rc = -1;
    struct pair_scope scope = {r->org_id, 0};
    if (r->org_id && describe_org(d, r, err) != 0)
        goto done;
    if (count_members(d, r, &r->members, err) != 0 ||
        count_held(d, r, &r->meetings, &r->attendance, err) != 0 ||
        sum_compliance(d, r, cfg, &r->meetings, err) != 0 ||
        pair_totals(d, &scope, r->from, r->to, &r->pairs, err) != 0 ||
        report_grids(d, r, &r->grids, err) != 0)
        goto done;
    rc = 0;
done:
    if (own)
        db_exec(d, "COMMIT", NULL);
    return rc;
}
