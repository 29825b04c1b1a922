/* Importing pairs (结对) and visits (走访记录).
 *
 * Both name the household by 帮扶对象编号, or by 帮扶对象 (name) and
 * 帮扶对象网格 (its grid path), as src/io/import_more.c resolves them.
 *
 * pairs: the helper is a member (帮扶人党员编号 or 帮扶人公民身份号码; the
 * name, if given, must agree) or a partner-unit person (帮扶人 with
 * 共建单位). The same household, helper and start date is the same pair:
 * updated where the file has a value. Checked by pair_validate; the load
 * limit does not apply to pairs on file (they happened). A pair of a
 * household that has since been closed is history: the household is
 * reopened for the save and closed again as it was, in the import's
 * transaction.
 *
 * visits: the helper as for pairs, or left out when the household had
 * one pair on the visit's date; that pair is the visit's. A visit with
 * the same pair, date, kind and amounts as a stored one is the same
 * visit (left as it is). Money in 元 as people type it (rules_money).
 * Checked by visit_validate. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/import_more.h"
#include "io/more_cols.h"
#include "model/household.h"
#include "model/pair.h"
#include "rules.h"
#include "rules_money.h"

const struct import_col pair_cols[PAIR_NCOLS] = {
    [P_HH_ID] = {"帮扶对象编号", "对象编号"},
    [P_HH_NAME] = {"帮扶对象", "帮扶对象姓名|对象姓名|户主姓名"},
    [P_HH_GRID] = {"帮扶对象网格", "居住网格|网格"},
    [P_NO] = {"帮扶人党员编号", "党员编号"},
    [P_IDNUM] = {"帮扶人公民身份号码", "公民身份号码|身份证号|身份证号码"},
    [P_NAME] = {"帮扶人", "帮扶人姓名|结对人|姓名"},
    [P_UNIT] = {"共建单位", "单位|工作单位|帮扶单位"},
    [P_POST] = {"职务", NULL},
    [P_PHONE] = {"帮扶人电话", "联系电话|电话"},
    [P_START] = {"开始日期", "结对日期|结对时间"},
    [P_END] = {"结束日期", NULL},
    [P_GOAL] = {"帮扶目标", "目标"},
};

const struct import_col visit_cols[VISIT_NCOLS] = {
    [V_HH_ID] = {"帮扶对象编号", "对象编号"},
    [V_HH_NAME] = {"帮扶对象", "帮扶对象姓名|对象姓名|户主姓名"},
    [V_HH_GRID] = {"帮扶对象网格", "居住网格|网格"},
    [V_NO] = {"走访人党员编号", "帮扶人党员编号|党员编号"},
    [V_IDNUM] = {"走访人公民身份号码", "帮扶人公民身份号码|公民身份号码|"
                 "身份证号"},
    [V_NAME] = {"走访人", "帮扶人|走访人姓名"},
    [V_DATE] = {"走访日期", "日期|时间"},
    [V_KIND] = {"走访类型", "类型"},
    [V_DONE] = {"帮扶内容", "走访内容|内容"},
    [V_CASH] = {"慰问金", "慰问金额|金额"},
    [V_GOODS] = {"慰问品", "物品"},
    [V_GOODS_VALUE] = {"慰问品折价", "物品价值|慰问品价值"},
    [V_JOBS] = {"帮助就业", "就业|帮助就业份数"},
    [V_FOLLOWUP] = {"待办事项", "待跟进事项|跟进事项"},
    [V_DUE] = {"办理期限", "期限|跟进期限"},
    [V_FOLLOWUP_DONE] = {"办结日期", NULL},
};

struct pv_state {
    struct more_cache m;
};

static int pv_begin(struct import_ctx *c, zb_err *err)
{
    (void)c;
    (void)err;
    return 0;
}

static int pv_end(struct import_ctx *c, bool keep, zb_err *err)
{
    struct pv_state *s = c->state;
    (void)keep;
    (void)err;
    more_cache_free(&s->m);
    return 0;
}

static bool date_cell(struct import_ctx *c, long line, int col,
                      const char *v, char out[11])
{
    out[0] = '\0';
    if (!*v || import_date(v, out))
        return true;
    import_error(c, line, col, "日期无效：%s", v);
    return false;
}

/* ---- pairs ---- */

static const struct more_field pair_fields[] = {
    {"household_id", P_HH_NAME}, {"member_id", P_NO},
    {"partner_name", P_NAME}, {"partner_unit", P_UNIT},
    {"partner_phone", P_PHONE}, {"start_date", P_START},
    {"end_date", P_END}, {"goal", P_GOAL}, {NULL, P_NAME},
};

/* The stored pair of the household with the same helper and start. */
static int find_pair(struct import_ctx *c, const pair *p, pair *out,
                     zb_err *err)
{
    struct pair_row *v = NULL;
    int n = 0;
    out->id = 0;
    if (pair_list_household(c->d, p->household_id, true, &v, &n, err))
        return -1;
    int rc = 0;
    for (int i = 0; i < n && !out->id && rc == 0; i++) {
        if (v[i].member_id != p->member_id ||
            strcmp(v[i].start_date, p->start_date) != 0)
            continue;
        pair q;
        if ((rc = pair_get(c->d, v[i].id, &q, err)))
            break;
        if (p->member_id || (!strcmp(q.partner_name, p->partner_name) &&
                             !strcmp(q.partner_unit, p->partner_unit)))
            *out = q;
    }
    free(v);
    return rc;
}

/* Saves p (validated by the caller's rules) on a household that may be
 * closed: then reopened for the save and closed again as it was. */
static int save_on(struct import_ctx *c, long line, pair *p, zb_err *err)
{
    struct pair_config cfg;
    pair_config_default(&cfg);
    household *h = malloc(sizeof *h);
    if (!h)
        return zb_fail(err, "内存不足");
    int rc = household_get(c->d, p->household_id, h, err);
    bool closed = rc == 0 && h->status == HH_CLOSED;
    const char *field = NULL;
    zb_err e;
    if (rc == 0 && closed) {
        household open = *h;
        open.status = HH_OPEN;
        if (household_validate(c->d, &open, &field, &e)) {
            import_error(c, line, P_HH_NAME, "帮扶对象已销号，无法补录结对：%s",
                         e.msg);
            goto done;
        }
        if ((rc = household_save(c->d, &open, &field, err)))
            goto done;
    }
    if (rc == 0) {
        int v = pair_validate(c->d, p, &cfg, true, NULL, &field, &e);
        if (v != 0) {
            import_error(c, line, more_field_col(pair_fields, field), "%s",
                         e.msg);
            goto done;   /* the import is rolled back: nothing to undo */
        }
        rc = pair_save(c->d, p, &cfg, true, &field, err);
    }
    if (rc == 0 && closed) {
        household again = *h;   /* closed, with its date and reason */
        again.id = h->id;
        rc = household_save(c->d, &again, &field, err);
    }
done:
    free(h);
    return rc;
}

static int pair_row(struct import_ctx *c, long line, const char *const *v,
                    zb_err *err)
{
    struct pv_state *s = c->state;
    static const int hh_cols[3] = {P_HH_ID, P_HH_NAME, P_HH_GRID};
    pair p;
    pair_init(&p);
    if (more_household(c, &s->m, line, hh_cols, v[P_HH_ID], v[P_HH_NAME],
                       v[P_HH_GRID], &p.household_id, err) ||
        more_member(c, &s->m, line, P_NO, v[P_NO], P_IDNUM, v[P_IDNUM],
                    P_NAME, v[P_NAME], &p.member_id, NULL, 0, err))
        return -1;
    if (p.member_id == 0) {
        if (!*v[P_UNIT])
            import_error(c, line, P_NO, "请填写帮扶人党员编号（党员），或"
                         "共建单位和帮扶人姓名（共建单位人员）");
        snprintf(p.partner_name, sizeof p.partner_name, "%s", v[P_NAME]);
        snprintf(p.partner_unit, sizeof p.partner_unit, "%s", v[P_UNIT]);
        snprintf(p.partner_post, sizeof p.partner_post, "%s", v[P_POST]);
        snprintf(p.partner_phone, sizeof p.partner_phone, "%s", v[P_PHONE]);
    }
    p.start_date[0] = '\0';
    if (!*v[P_START])
        import_error(c, line, P_START, "请填写开始日期");
    date_cell(c, line, P_START, v[P_START], p.start_date);
    date_cell(c, line, P_END, v[P_END], p.end_date);
    snprintf(p.goal, sizeof p.goal, "%s", v[P_GOAL]);
    if (import_row_bad(c, line) || p.household_id <= 0 || p.member_id < 0)
        return 0;
    pair old;
    if (find_pair(c, &p, &old, err))
        return -1;
    if (old.id) {
        pair w = old;
        if (p.end_date[0])
            memcpy(w.end_date, p.end_date, sizeof w.end_date);
        if (p.goal[0])
            memcpy(w.goal, p.goal, sizeof w.goal);
        if (!p.member_id && *v[P_POST])
            memcpy(w.partner_post, p.partner_post, sizeof w.partner_post);
        if (!p.member_id && *v[P_PHONE])
            memcpy(w.partner_phone, p.partner_phone, sizeof w.partner_phone);
        if (!strcmp(w.end_date, old.end_date) && !strcmp(w.goal, old.goal) &&
            !strcmp(w.partner_post, old.partner_post) &&
            !strcmp(w.partner_phone, old.partner_phone)) {
            c->res->unchanged++;
            return 0;
        }
        p = w;
    }
    long bad = c->res->errors;
    if (save_on(c, line, &p, err))
        return -1;
    if (c->res->errors != bad)
        return 0;
    if (old.id) {
        c->res->updated++;
        import_change(c, "%s 与 %s（%s 起）", v[P_HH_NAME][0] ? v[P_HH_NAME]
                      : v[P_HH_ID], v[P_NAME], p.start_date);
    } else {
        c->res->added++;
    }
    return 0;
}

const struct import_kind import_pairs_kind = {
    .name = "pairs",
    .label = "结对",
    .cols = pair_cols,
    .ncols = PAIR_NCOLS,
    .state_size = sizeof(struct pv_state),
    .begin = pv_begin,
    .row = pair_row,
    .end = pv_end,
};

/* ---- visits ---- */

static const struct more_field visit_fields[] = {
    {"pair_id", V_NAME}, {"date", V_DATE}, {"kind", V_KIND},
    {"cash", V_CASH}, {"goods_value", V_GOODS_VALUE}, {"goods", V_GOODS},
    {"jobs", V_JOBS}, {"followup", V_FOLLOWUP}, {"followup_due", V_DUE},
    {"done", V_DONE}, {NULL, V_DATE},
};

/* The household's pair that made the visit: the helper's, on the date.
 * Reports the row's problem and leaves *id 0. */
static int visit_pair(struct import_ctx *c, long line, int64_t household,
                      int64_t member_id, const char *name, const char *date,
                      int64_t *id, zb_err *err)
{
    struct pair_row *v = NULL;
    int n = 0, found = 0;
    *id = 0;
    if (pair_list_household(c->d, household, true, &v, &n, err))
        return -1;
    for (int i = 0; i < n; i++) {
        if (strcmp(v[i].start_date, date) > 0 ||
            (v[i].end_date[0] && strcmp(v[i].end_date, date) < 0))
            continue;
        if (member_id > 0 ? v[i].member_id != member_id
                          : *name && strcmp(v[i].helper_name, name) != 0)
            continue;
        *id = v[i].id;
        found++;
    }
    free(v);
    if (found == 1)
        return 0;
    *id = 0;
    if (found == 0)
        import_error(c, line, V_NAME, "%s%s在 %s 没有结对（请先导入结对）",
                     *name ? name : "该帮扶对象", *name ? " 与该帮扶对象" : "",
                     date);
    else
        import_error(c, line, V_NAME, "该帮扶对象在 %s 有 %d 个结对，请填写"
                     "走访人", date, found);
    return 0;
}

static void money(struct import_ctx *c, long line, int col, const char *v,
                  int64_t *fen)
{
    zb_err e;
    if (rules_money_input(v, false, NULL, fen, &e))
        import_error(c, line, col, "%s：%s", e.msg, v);
}

/* A stored visit of the pair equal to v (date, kind, amounts). */
static int find_visit(struct import_ctx *c, const visit *x, bool *found,
                      zb_err *err)
{
    struct visit_row *v = NULL;
    int n = 0;
    *found = false;
    if (visit_list_household(c->d, x->household_id, &v, &n, err))
        return -1;
    for (int i = 0; i < n && !*found; i++)
        *found = v[i].pair_id == x->pair_id && !strcmp(v[i].date, x->date) &&
                 v[i].kind == x->kind && v[i].cash_fen == x->cash_fen &&
                 v[i].goods_fen == x->goods_fen && v[i].jobs == x->jobs;
    free(v);
    return 0;
}

static int visit_row(struct import_ctx *c, long line, const char *const *v,
                     zb_err *err)
{
    struct pv_state *s = c->state;
    static const int hh_cols[3] = {V_HH_ID, V_HH_NAME, V_HH_GRID};
    visit *x = malloc(sizeof *x);
    if (!x)
        return zb_fail(err, "内存不足");
    visit_init(x);
    int64_t member_id = 0;
    int rc = 0;
    if ((rc = more_household(c, &s->m, line, hh_cols, v[V_HH_ID],
                             v[V_HH_NAME], v[V_HH_GRID], &x->household_id,
                             err)) ||
        (rc = more_member(c, &s->m, line, V_NO, v[V_NO], V_IDNUM, v[V_IDNUM],
                          V_NAME, v[V_NAME], &member_id, NULL, 0, err)))
        goto done;
    if (!*v[V_DATE])
        import_error(c, line, V_DATE, "请填写走访日期");
    date_cell(c, line, V_DATE, v[V_DATE], x->date);
    x->kind = *v[V_KIND] ? more_label(visit_kind_label, VISIT_KIND_N,
                                      v[V_KIND]) : VK_VISIT;
    if (!x->kind)
        import_error(c, line, V_KIND, "走访类型应为 走访、慰问、帮办实事、"
                     "就业帮扶、医疗救助、助学 或 其他：%s", v[V_KIND]);
    money(c, line, V_CASH, v[V_CASH], &x->cash_fen);
    money(c, line, V_GOODS_VALUE, v[V_GOODS_VALUE], &x->goods_fen);
    long jobs;
    if (!more_count(v[V_JOBS], VISIT_JOBS_MAX, &jobs))
        import_error(c, line, V_JOBS, "帮助就业应为 0–%d 的整数：%s",
                     VISIT_JOBS_MAX, v[V_JOBS]);
    x->jobs = jobs > 0 ? (int)jobs : 0;
    snprintf(x->done, sizeof x->done, "%s", v[V_DONE]);
    snprintf(x->goods, sizeof x->goods, "%s", v[V_GOODS]);
    snprintf(x->followup, sizeof x->followup, "%s", v[V_FOLLOWUP]);
    date_cell(c, line, V_DUE, v[V_DUE], x->followup_due);
    date_cell(c, line, V_FOLLOWUP_DONE, v[V_FOLLOWUP_DONE], x->followup_done);
    if (import_row_bad(c, line) || x->household_id <= 0 || member_id < 0)
        goto done;
    if ((rc = visit_pair(c, line, x->household_id, member_id, v[V_NAME],
                         x->date, &x->pair_id, err)) || !x->pair_id)
        goto done;
    bool found;
    if ((rc = find_visit(c, x, &found, err)))
        goto done;
    if (found) {
        c->res->unchanged++;
        goto done;
    }
    const char *field = NULL;
    zb_err e;
    if (visit_validate(c->d, x, NULL, &field, &e)) {
        import_error(c, line, more_field_col(visit_fields, field), "%s", e.msg);
        goto done;
    }
    if ((rc = visit_save(c->d, x, &field, err)))
        goto done;
    c->res->added++;
done:
    free(x);
    return rc;
}

const struct import_kind import_visits_kind = {
    .name = "visits",
    .label = "走访记录",
    .cols = visit_cols,
    .ncols = VISIT_NCOLS,
    .state_size = sizeof(struct pv_state),
    .begin = pv_begin,
    .row = visit_row,
    .end = pv_end,
};
