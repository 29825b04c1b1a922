/* Compliance with the 三会一课 minimums: for each organisation the rules
 * apply to, meetings held per kind against the windows (months,
 * quarters, years) of a period. One grouped query (meetings per
 * organisation, kind and month), the rest in C. */
#include "model/meeting.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/org.h"
#include "rules.h"
#include "rules_meeting.h"

void compliance_config_default(struct compliance_config *c)
{
    c->lesson_unit = PERIOD_QUARTER;
    c->lesson_min = 1;
}

struct rule {
    int kind;
    enum period_unit unit;
    int min;
};

#define BRANCH_RULES 6

/* 支部工作条例 arts. 11-13 and DOMAIN.md. */
static void branch_rules(const struct compliance_config *cfg,
                         struct rule out[BRANCH_RULES])
{
    struct rule r[BRANCH_RULES] = {
        {MK_GENERAL, PERIOD_QUARTER, 1},
        {MK_COMMITTEE, PERIOD_MONTH, 1},
        {MK_LESSON, cfg->lesson_unit, cfg->lesson_min},
        {MK_THEME_DAY, PERIOD_MONTH, 1},
        {MK_LIFE, PERIOD_YEAR, 1},
        {MK_APPRAISAL, PERIOD_YEAR, 1},
    };
    memcpy(out, r, sizeof r);
}

static const struct rule group_rule = {MK_GROUP, PERIOD_MONTH, 1};

static bool is_branch(const char *kind)
{
    static const char *const k[] = {"社区党委", "社区党总支", "社区党支部",
                                    "网格党支部", "小区党支部", "功能型党支部"};
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        if (strcmp(kind, k[i]) == 0)
            return true;
    return false;
}

static int month_no(const char *date)
{
    return atoi(date) * 12 + atoi(date + 5) - 1;
}

struct org_ref {
    int64_t id;
    int row;
};

static int cmp_ref(const void *a, const void *b)
{
    const struct org_ref *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static int find_row(const struct org_ref *v, int n, int64_t id)
{
    struct org_ref key = {id, 0};
    const struct org_ref *r = bsearch(&key, v, (size_t)n, sizeof *v,
                                      cmp_ref);
    return r ? r->row : -1;
}

/* The rows (organisations the rules apply to) under root, tree order. */
static int pick_orgs(db *d, int64_t root, struct compliance_row **rows,
                     int *n, zb_err *err)
{
    struct org_item *items;
    int ni;
    *rows = NULL;
    *n = 0;
    if (org_list(d, &items, &ni, err))
        return -1;
    int start = 0, end = ni;
    if (root > 0) {
        start = ni;
        for (int i = 0; i < ni; i++)
            if (items[i].id == root) {
                start = i;
                break;
            }
        end = start < ni ? start + 1 : ni;
        while (end < ni && items[end].depth > items[start].depth)
            end++;
    }
    struct compliance_row *v = calloc((size_t)(end - start) + 1, sizeof *v);
    if (!v) {
        free(items);
        return zb_fail(err, "内存不足");
    }
    int k = 0;
    for (int i = start; i < end; i++) {
        const struct org_item *o = &items[i];
        if (!o->active ||
            !(is_branch(o->kind) || strcmp(o->kind, "党小组") == 0))
            continue;
        struct compliance_row *r = &v[k++];
        r->org_id = o->id;
        snprintf(r->org_name, sizeof r->org_name, "%s", o->name);
        snprintf(r->org_kind, sizeof r->org_kind, "%s", o->kind);
    }
    free(items);
    *rows = v;
    *n = k;
    return 0;
}

/* Meetings per (row, rule slot, month since qfrom's) and held in [from,
 * to]. */
struct tally {
    int nmonths;
    int *month;     /* [row][slot][month] */
    int *held;      /* [row][slot] */
};

static int slot_of(const struct compliance_row *r, int kind)
{
    for (int s = 0; s < r->nkinds; s++)
        if (r->kinds[s].kind == kind)
            return s;
    return -1;
}

static int count_meetings(db *d, const char *qfrom, const char *qto,
                          const char *from, const char *to,
                          struct compliance_row *rows, int n,
                          struct tally *t, zb_err *err)
{
    /* Grouped in the order of the index meeting_org, so that SQLite
     * aggregates as it scans (no temporary b-tree): "+date" keeps it
     * from choosing the date index instead. Days are summed into
     * months here. */
    static const char sql[] =
        "SELECT org_id, kind, date, count(*) FROM meeting"
        " WHERE +date BETWEEN ?1 AND ?2 GROUP BY org_id, kind, date";
    struct org_ref *refs = malloc(((size_t)n + 1) * sizeof *refs);
    if (!refs)
        return zb_fail(err, "内存不足");
    for (int i = 0; i < n; i++)
        refs[i] = (struct org_ref){rows[i].org_id, i};
    qsort(refs, (size_t)n, sizeof *refs, cmp_ref);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st) {
        free(refs);
        return -1;
    }
    sqlite3_bind_text(st, 1, qfrom, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, qto, -1, SQLITE_STATIC);
    int m0 = month_no(qfrom), rc;
    int64_t last_id = -1;
    int row = -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        if (id != last_id) {
            row = find_row(refs, n, id);
            last_id = id;
        }
        if (row < 0)
            continue;
        int s = slot_of(&rows[row], sqlite3_column_int(st, 1));
        const char *day = (const char *)sqlite3_column_text(st, 2);
        if (s < 0 || !day || strlen(day) != 10)
            continue;
        int m = month_no(day) - m0, k = sqlite3_column_int(st, 3);
        if (m < 0 || m >= t->nmonths)
            continue;
        size_t cell = (size_t)row * BRANCH_RULES + (size_t)s;
        t->month[cell * (size_t)t->nmonths + (size_t)m] += k;
        if (strcmp(day, from) >= 0 && strcmp(day, to) <= 0)
            t->held[cell] += k;
    }
    sqlite3_reset(st);
    free(refs);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "统计会议");
}

struct windows {
    struct period_window *w;
    int n;
};

/* Fills one kind's record from the month counts: windows that have
 * started count, and those that have ended without the minimum are
 * gaps (the current one is not judged yet). */
static void judge(struct compliance_kind *k, const struct windows *ws,
                  const int *months, int m0, int nmonths, const char *today)
{
    for (int i = 0; i < ws->n; i++) {
        const struct period_window *w = &ws->w[i];
        if (strcmp(w->from, today) > 0)
            break;
        k->windows++;
        if (strcmp(w->to, today) >= 0)
            continue;
        int held = 0;
        for (int m = month_no(w->from) - m0; m <= month_no(w->to) - m0; m++)
            if (months && m >= 0 && m < nmonths)
                held += months[m];
        if (held < k->min_per_window) {
            if (!k->missing_windows++)
                snprintf(k->first_gap, sizeof k->first_gap, "%s", w->from);
        }
    }
    k->required = k->windows * k->min_per_window;
}

static int make_windows(const char *from, const char *to,
                        enum period_unit unit, struct windows *ws,
                        zb_err *err)
{
    ws->n = rules_windows(from, to, unit, NULL, 0);
    ws->w = malloc(((size_t)ws->n + 1) * sizeof *ws->w);
    if (!ws->w)
        return zb_fail(err, "内存不足");
    rules_windows(from, to, unit, ws->w, ws->n);
    return 0;
}

int compliance_report(db *d, int64_t root_org, const char *from,
                      const char *to, const struct compliance_config *cfg,
                      struct compliance_row **rows, int *n, zb_err *err)
{
    *rows = NULL;
    *n = 0;
    if (!from || !to || !rules_date_valid(from) || !rules_date_valid(to))
        return zb_fail(err, "统计期间的日期无效");
    if (strcmp(from, to) > 0)
        return zb_fail(err, "统计期间的开始日期晚于结束日期");
    struct compliance_config defaults;
    if (!cfg) {
        compliance_config_default(&defaults);
        cfg = &defaults;
    }
    if (cfg->lesson_min < 1 || cfg->lesson_unit < PERIOD_MONTH ||
        cfg->lesson_unit > PERIOD_YEAR)
        return zb_fail(err, "党课次数要求无效");

    char today[11], qfrom[11], qto[11], hto[11];
    rules_today(today);
    /* every window starts on or after 1 January of from's year */
    snprintf(qfrom, sizeof qfrom, "%.4s-01-01", from);
    snprintf(qto, sizeof qto, "%.4s-12-31", to);
    if (strcmp(qto, today) > 0)
        memcpy(qto, today, sizeof qto);
    memcpy(hto, strcmp(to, today) > 0 ? today : to, sizeof hto);

    struct compliance_row *v;
    int nv;
    if (pick_orgs(d, root_org, &v, &nv, err))
        return -1;
    struct rule br[BRANCH_RULES];
    branch_rules(cfg, br);
    for (int i = 0; i < nv; i++) {
        bool group = strcmp(v[i].org_kind, "党小组") == 0;
        v[i].nkinds = group ? 1 : BRANCH_RULES;
        for (int s = 0; s < v[i].nkinds; s++) {
            const struct rule *r = group ? &group_rule : &br[s];
            v[i].kinds[s].kind = r->kind;
            v[i].kinds[s].unit = r->unit;
            v[i].kinds[s].min_per_window = r->min;
        }
    }

    struct windows ws[PERIOD_YEAR + 1] = {{NULL, 0}};
    struct tally t = {0, NULL, NULL};
    int rc = -1;
    for (int u = PERIOD_MONTH; u <= PERIOD_YEAR; u++)
        if (make_windows(from, to, (enum period_unit)u, &ws[u], err))
            goto done;
    if (strcmp(qfrom, qto) <= 0) {
        t.nmonths = month_no(qto) - month_no(qfrom) + 1;
        t.month = calloc((size_t)nv * BRANCH_RULES * (size_t)t.nmonths + 1,
                         sizeof *t.month);
        t.held = calloc((size_t)nv * BRANCH_RULES + 1, sizeof *t.held);
        if (!t.month || !t.held) {
            zb_fail(err, "内存不足");
            goto done;
        }
        if (count_meetings(d, qfrom, qto, from, hto, v, nv, &t, err))
            goto done;
    }
    for (int i = 0; i < nv; i++) {
        v[i].gaps = 0;
        for (int s = 0; s < v[i].nkinds; s++) {
            struct compliance_kind *k = &v[i].kinds[s];
            size_t cell = (size_t)i * BRANCH_RULES + (size_t)s;
            const int *months = NULL;    /* NULL: no month has started */
            if (t.month) {
                months = t.month + cell * (size_t)t.nmonths;
                k->held = t.held[cell];
            }
            judge(k, &ws[k->unit], months, month_no(qfrom), t.nmonths,
                  today);
            v[i].gaps += k->missing_windows;
        }
    }
    rc = 0;
done:
    for (int u = PERIOD_MONTH; u <= PERIOD_YEAR; u++)
        free(ws[u].w);
    free(t.month);
    free(t.held);
    if (rc) {
        free(v);
        return -1;
    }
    *rows = v;
    *n = nv;
    return 0;
}
