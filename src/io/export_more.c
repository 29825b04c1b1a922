/* Exports of grids, grid roles, households, pairs and visits, with the
 * importers' headers (src/io/more_cols.h). Each record is read through
 * its module's _get function (ids from model/table_ids.h); grids in tree
 * order so that parents come before their children. */
#include "io/export_more.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/more_cols.h"
#include "model/grid.h"
#include "model/household.h"
#include "model/member.h"
#include "model/pair.h"
#include "model/table_ids.h"
#include "rules.h"
#include "rules_money.h"

static const char *const kinds[] = {"grids", "grid-roles", "households",
                                    "pairs", "visits"};
#define NKINDS (sizeof kinds / sizeof kinds[0])

bool export_more_known(const char *kind)
{
    for (size_t i = 0; kind && i < NKINDS; i++)
        if (strcmp(kind, kinds[i]) == 0)
            return true;
    return false;
}

struct out {
    db *d;
    csv_writer *w;
    const struct export_options *o;
    long rows;
    zb_err *err;
    struct grid_item *grids;    /* by id, for paths */
    int ngrids;
    member *m;                  /* scratch */
};

static int cmp_grid(const void *a, const void *b)
{
    const struct grid_item *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static const char *grid_path(const struct out *o, int64_t id)
{
    struct grid_item key = {.id = id};
    const struct grid_item *it =
        id ? bsearch(&key, o->grids, (size_t)o->ngrids, sizeof key, cmp_grid)
           : NULL;
    return it ? it->path : "";
}

static int header(struct out *o, const struct import_col *cols, int n,
                  const int *money_cols)
{
    for (int i = 0; i < n; i++) {
        bool money = false;
        for (const int *m = money_cols; m && *m >= 0; m++)
            money |= *m == i;
        char h[128];
        snprintf(h, sizeof h, "%s%s", cols[i].name, money ? "（元）" : "");
        csv_field(o->w, h, 0);
    }
    return csv_end_record(o->w, o->err);
}

static int record(struct out *o, const char *const *v, int n,
                  unsigned text_mask)
{
    for (int i = 0; i < n; i++)
        csv_field(o->w, v[i], text_mask & (1u << i) ? CSV_TEXT : 0);
    o->rows++;
    return csv_end_record(o->w, o->err);
}

/* A member's number and ID number (masked unless full); "" for 0. */
static int member_ids(struct out *o, int64_t id, char *no, size_t nosz,
                      char *idnum, size_t idsz, char *name, size_t namesz)
{
    no[0] = idnum[0] = '\0';
    if (name)
        name[0] = '\0';
    if (id <= 0)
        return 0;
    if (member_get(o->d, id, o->m, o->err))
        return -1;
    snprintf(no, nosz, "%s", o->m->member_no);
    if (o->o->full)
        snprintf(idnum, idsz, "%s", o->m->id_number);
    else
        rules_mask_idnum(o->m->id_number, idnum, idsz);
    if (name)
        snprintf(name, namesz, "%s", o->m->name);
    return 0;
}

static void num(long v, char *out, size_t sz)
{
    if (v < 0)
        out[0] = '\0';
    else
        snprintf(out, sz, "%ld", v);
}

/* ---- grids and roles ---- */

static int grids(struct out *o, const struct grid_item *tree, int n)
{
    if (header(o, grid_cols, GRID_NCOLS, NULL))
        return -1;
    struct grid_node g;
    for (int i = 0; i < n; i++) {
        if (grid_get(o->d, tree[i].id, &g, o->err))
            return -1;
        char hh[24], pop[24];
        num(g.households, hh, sizeof hh);
        num(g.population, pop, sizeof pop);
        const char *v[GRID_NCOLS] = {
            [G_PATH] = tree[i].path,
            [G_LEVEL] = g.level > 0 && g.level < GRID_LEVEL_N
                            ? grid_level_label[g.level] : "",
            [G_HOUSEHOLDS] = hh, [G_POPULATION] = pop, [G_NOTES] = g.notes,
        };
        if (record(o, v, GRID_NCOLS, 0))
            return -1;
    }
    return 0;
}

static int roles(struct out *o)
{
    if (header(o, role_cols, ROLE_NCOLS, NULL))
        return -1;
    int64_t *ids = NULL;
    long n = 0;
    if (table_ids(o->d, TI_GRID_ROLES, &ids, &n, o->err))
        return -1;
    int rc = 0;
    struct grid_role r;
    for (long i = 0; i < n && rc == 0; i++) {
        char no[16], idnum[40];
        if ((rc = grid_role_get(o->d, ids[i], &r, o->err)) ||
            (rc = member_ids(o, r.member_id, no, sizeof no, idnum,
                             sizeof idnum, NULL, 0)))
            break;
        const char *v[ROLE_NCOLS] = {
            [R_GRID] = grid_path(o, r.grid_id),
            [R_ROLE] = r.role > 0 && r.role < GRID_ROLE_N
                           ? grid_role_label[r.role] : "",
            [R_NAME] = r.name, [R_PHONE] = r.phone, [R_NO] = no,
            [R_IDNUM] = idnum, [R_START] = r.start_date,
            [R_END] = r.end_date, [R_NOTES] = r.notes,
        };
        rc = record(o, v, ROLE_NCOLS,
                    1u << R_PHONE | 1u << R_NO | 1u << R_IDNUM);
    }
    free(ids);
    return rc;
}

/* ---- households ---- */

static int households(struct out *o)
{
    if (header(o, household_cols, HOUSEHOLD_NCOLS, NULL))
        return -1;
    int64_t *ids = NULL;
    long n = 0;
    if (table_ids(o->d, TI_HOUSEHOLDS, &ids, &n, o->err))
        return -1;
    household *h = malloc(sizeof *h);
    int rc = h ? 0 : zb_fail(o->err, "内存不足");
    for (long i = 0; i < n && rc == 0; i++) {
        char id[24], kinds_text[256], no[16], idnum[40], size[16];
        if ((rc = household_get(o->d, ids[i], h, o->err)) ||
            (rc = member_ids(o, h->member_id, no, sizeof no, idnum,
                             sizeof idnum, NULL, 0)))
            break;
        snprintf(id, sizeof id, "%lld", (long long)h->id);
        snprintf(size, sizeof size, "%d", h->size);
        household_kinds_text(h->kinds, false, kinds_text, sizeof kinds_text);
        const char *v[HOUSEHOLD_NCOLS] = {
            [H_ID] = id, [H_NAME] = h->name, [H_KINDS] = kinds_text,
            [H_LEVEL] = h->level > 0 && h->level < HH_LEVEL_N
                            ? household_level_label[h->level] : "",
            [H_STATUS] = h->status > 0 && h->status < HH_STATUS_N
                             ? household_status_label[h->status] : "",
            [H_GRID] = grid_path(o, h->grid_id), [H_MEMBER_NO] = no,
            [H_MEMBER_IDNUM] = idnum, [H_SIZE] = size, [H_PHONE] = h->phone,
            [H_ADDRESS] = h->address, [H_NEEDS] = h->needs,
            [H_PLAN] = h->plan, [H_REGISTERED] = h->registered,
            [H_CLOSED] = h->closed, [H_REASON] = h->close_reason,
        };
        rc = record(o, v, HOUSEHOLD_NCOLS, 1u << H_MEMBER_NO |
                    1u << H_MEMBER_IDNUM | 1u << H_PHONE);
    }
    free(h);
    free(ids);
    return rc;
}

/* ---- pairs and visits ---- */

/* The household's number, name and grid path (the last one read is
 * kept: pairs and visits come by household). */
struct hh_ref {
    int64_t id;
    char number[24];
    char name[HH_NAME_CHARS * 4 + 1];
    char grid[512];
};

static int hh_ref(struct out *o, int64_t id, struct hh_ref *r)
{
    if (r->id == id)
        return 0;
    household *h = malloc(sizeof *h);
    if (!h)
        return zb_fail(o->err, "内存不足");
    int rc = household_get(o->d, id, h, o->err);
    if (rc == 0) {
        r->id = id;
        snprintf(r->number, sizeof r->number, "%lld", (long long)id);
        snprintf(r->name, sizeof r->name, "%s", h->name);
        snprintf(r->grid, sizeof r->grid, "%s", grid_path(o, h->grid_id));
    }
    free(h);
    return rc;
}

static int pairs(struct out *o)
{
    if (header(o, pair_cols, PAIR_NCOLS, NULL))
        return -1;
    int64_t *ids = NULL;
    long n = 0;
    if (table_ids(o->d, TI_PAIRS, &ids, &n, o->err))
        return -1;
    struct hh_ref ref = {0};
    pair p;
    int rc = 0;
    for (long i = 0; i < n && rc == 0; i++) {
        char no[16], idnum[40], name[MEMBER_NAME_CHARS * 4 + 1];
        if ((rc = pair_get(o->d, ids[i], &p, o->err)) ||
            (rc = hh_ref(o, p.household_id, &ref)) ||
            (rc = member_ids(o, p.member_id, no, sizeof no, idnum,
                             sizeof idnum, name, sizeof name)))
            break;
        const char *v[PAIR_NCOLS] = {
            [P_HH_ID] = ref.number, [P_HH_NAME] = ref.name,
            [P_HH_GRID] = ref.grid, [P_NO] = no, [P_IDNUM] = idnum,
            [P_NAME] = p.member_id ? name : p.partner_name,
            [P_UNIT] = p.partner_unit, [P_POST] = p.partner_post,
            [P_PHONE] = p.partner_phone, [P_START] = p.start_date,
            [P_END] = p.end_date, [P_GOAL] = p.goal,
        };
        rc = record(o, v, PAIR_NCOLS,
                    1u << P_NO | 1u << P_IDNUM | 1u << P_PHONE);
    }
    free(ids);
    return rc;
}

static int visits(struct out *o)
{
    static const int money_cols[] = {V_CASH, V_GOODS_VALUE, -1};
    if (header(o, visit_cols, VISIT_NCOLS, money_cols))
        return -1;
    int64_t *ids = NULL;
    long n = 0;
    if (table_ids(o->d, TI_VISITS, &ids, &n, o->err))
        return -1;
    struct hh_ref ref = {0};
    visit *x = malloc(sizeof *x);
    pair p;
    int rc = x ? 0 : zb_fail(o->err, "内存不足");
    for (long i = 0; i < n && rc == 0; i++) {
        char no[16], idnum[40], name[MEMBER_NAME_CHARS * 4 + 1];
        char cash[MONEY_BUF], goods[MONEY_BUF], jobs[16];
        if ((rc = visit_get(o->d, ids[i], x, o->err)) ||
            (rc = pair_get(o->d, x->pair_id, &p, o->err)) ||
            (rc = hh_ref(o, x->household_id, &ref)) ||
            (rc = member_ids(o, p.member_id, no, sizeof no, idnum,
                             sizeof idnum, name, sizeof name)))
            break;
        rules_money_plain(x->cash_fen, cash, sizeof cash);
        rules_money_plain(x->goods_fen, goods, sizeof goods);
        snprintf(jobs, sizeof jobs, "%d", x->jobs);
        const char *v[VISIT_NCOLS] = {
            [V_HH_ID] = ref.number, [V_HH_NAME] = ref.name,
            [V_HH_GRID] = ref.grid, [V_NO] = no, [V_IDNUM] = idnum,
            [V_NAME] = p.member_id ? name : p.partner_name,
            [V_DATE] = x->date,
            [V_KIND] = x->kind > 0 && x->kind < VISIT_KIND_N
                           ? visit_kind_label[x->kind] : "",
            [V_DONE] = x->done, [V_CASH] = cash, [V_GOODS] = x->goods,
            [V_GOODS_VALUE] = goods, [V_JOBS] = jobs,
            [V_FOLLOWUP] = x->followup, [V_DUE] = x->followup_due,
            [V_FOLLOWUP_DONE] = x->followup_done,
        };
        rc = record(o, v, VISIT_NCOLS, 1u << V_NO | 1u << V_IDNUM);
    }
    free(x);
    free(ids);
    return rc;
}

int export_more_write(db *d, const char *kind, csv_writer *w,
                      const struct export_options *opt, long *rows,
                      zb_err *err)
{
    struct out o = {.d = d, .w = w, .o = opt, .err = err};
    *rows = 0;
    if (!export_more_known(kind))
        return zb_fail(err, "不能导出「%s」", kind ? kind : "");
    struct grid_item *tree = NULL;
    int n = 0;
    if (grid_list(d, &tree, &n, err))
        return -1;
    o.grids = malloc(sizeof *o.grids * (size_t)(n ? n : 1));
    o.m = malloc(sizeof *o.m);
    int rc = 0;
    if (!o.grids || !o.m) {
        rc = zb_fail(err, "内存不足");
    } else {
        memcpy(o.grids, tree, sizeof *tree * (size_t)n);
        o.ngrids = n;
        qsort(o.grids, (size_t)n, sizeof *o.grids, cmp_grid);
        if (strcmp(kind, "grids") == 0)
            rc = grids(&o, tree, n);
        else if (strcmp(kind, "grid-roles") == 0)
            rc = roles(&o);
        else if (strcmp(kind, "households") == 0)
            rc = households(&o);
        else if (strcmp(kind, "pairs") == 0)
            rc = pairs(&o);
        else
            rc = visits(&o);
    }
    free(tree);
    free(o.grids);
    free(o.m);
    *rows = o.rows;
    return rc;
}
