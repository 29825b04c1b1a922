/* Exports of organisations and their posts, with the importers' headers
 * (src/io/org_cols.h). Organisations in tree order (parents before
 * their children, siblings as on screen); posts by organisation in that
 * order, then post, start date and entry: an order an import into an
 * empty database reproduces. */
#include "io/export_orgs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/org_cols.h"
#include "model/grid.h"
#include "model/member.h"
#include "model/org.h"
#include "model/table_ids.h"

bool export_orgs_known(const char *kind)
{
    return kind && (strcmp(kind, "orgs") == 0 ||
                    strcmp(kind, "org-posts") == 0);
}

struct by_id {              /* an id and what to show for it */
    int64_t id;
    int pos;                /* tree position */
    const char *path;
};

static int cmp_by_id(const void *a, const void *b)
{
    const struct by_id *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static const struct by_id *find(const struct by_id *v, int n, int64_t id)
{
    struct by_id key = {.id = id};
    return id > 0 && n > 0
        ? bsearch(&key, v, (size_t)n, sizeof key, cmp_by_id) : NULL;
}

static int header(csv_writer *w, const struct import_col *cols, int n,
                  zb_err *err)
{
    for (int i = 0; i < n; i++)
        csv_field(w, cols[i].name, 0);
    return csv_end_record(w, err);
}

static int orgs(db *d, csv_writer *w, const struct org_item *tree, int n,
                long *rows, zb_err *err)
{
    struct grid_item *grids = NULL;
    int ng = 0;
    if (grid_list(d, &grids, &ng, err))
        return -1;
    struct by_id *gv = malloc(sizeof *gv * (size_t)(ng ? ng : 1));
    struct org *g = malloc(sizeof *g);
    int rc = gv && g ? header(w, org_cols, ORG_NCOLS, err)
                     : zb_fail(err, "内存不足");
    for (int i = 0; i < ng && gv; i++)
        gv[i] = (struct by_id){grids[i].id, i, grids[i].path};
    if (gv)
        qsort(gv, (size_t)ng, sizeof *gv, cmp_by_id);
    for (int i = 0; i < n && rc == 0; i++) {
        if ((rc = org_get(d, tree[i].id, g, err)))
            break;
        const struct by_id *grid = find(gv, ng, g->grid_id);
        const char *v[ORG_NCOLS] = {
            [OG_PATH] = tree[i].path, [OG_KIND] = g->kind,
            [OG_FOUNDED] = g->founded, [OG_ACTIVE] = g->active ? "是" : "否",
            [OG_GRID] = grid ? grid->path : "", [OG_NOTES] = g->notes,
        };
        for (int k = 0; k < ORG_NCOLS; k++)
            csv_field(w, v[k], 0);
        (*rows)++;
        rc = csv_end_record(w, err);
    }
    free(g);
    free(gv);
    free(grids);
    return rc;
}

struct post_row {
    struct org_post p;
    int pos;
};

static int cmp_post(const void *a, const void *b)
{
    const struct post_row *x = a, *y = b;
    if (x->pos != y->pos)
        return x->pos - y->pos;
    if (x->p.post != y->p.post)
        return x->p.post - y->p.post;
    int c = strcmp(x->p.start_date, y->p.start_date);
    if (c)
        return c;
    return (x->p.id > y->p.id) - (x->p.id < y->p.id);
}

static int posts(db *d, csv_writer *w, const struct org_item *tree, int n,
                 long *rows, zb_err *err)
{
    if (header(w, org_post_cols, ORG_POST_NCOLS, err))
        return -1;
    int64_t *ids = NULL;
    long np = 0;
    if (table_ids(d, TI_ORG_POSTS, &ids, &np, err))
        return -1;
    struct by_id *ov = malloc(sizeof *ov * (size_t)(n ? n : 1));
    struct post_row *pv = malloc(sizeof *pv * (size_t)(np ? np : 1));
    member *m = malloc(sizeof *m);
    int rc = ov && pv && m ? 0 : zb_fail(err, "内存不足");
    for (int i = 0; i < n && rc == 0; i++)
        ov[i] = (struct by_id){tree[i].id, i, tree[i].path};
    if (rc == 0)
        qsort(ov, (size_t)n, sizeof *ov, cmp_by_id);
    for (long i = 0; i < np && rc == 0; i++) {
        rc = org_post_get(d, ids[i], &pv[i].p, err);
        const struct by_id *o = find(ov, n, pv[i].p.org_id);
        pv[i].pos = o ? o->pos : n;
    }
    if (rc == 0)
        qsort(pv, (size_t)np, sizeof *pv, cmp_post);
    for (long i = 0; i < np && rc == 0; i++) {
        const struct org_post *p = &pv[i].p;
        const char *no = "";
        if (p->member_id) {
            if ((rc = member_get(d, p->member_id, m, err)))
                break;
            no = m->member_no;
        }
        const struct by_id *o = find(ov, n, p->org_id);
        const char *v[ORG_POST_NCOLS] = {
            [OP_ORG] = o ? o->path : "",
            [OP_POST] = p->post > 0 && p->post < ORG_POST_N
                            ? org_post_label[p->post] : "",
            [OP_NAME] = p->name, [OP_NO] = no, [OP_PHONE] = p->phone,
            [OP_START] = p->start_date, [OP_END] = p->end_date,
        };
        for (int k = 0; k < ORG_POST_NCOLS; k++)
            csv_field(w, v[k], k == OP_NO || k == OP_PHONE ? CSV_TEXT : 0);
        (*rows)++;
        rc = csv_end_record(w, err);
    }
    free(m);
    free(pv);
    free(ov);
    free(ids);
    return rc;
}

int export_orgs_write(db *d, const char *kind, csv_writer *w,
                      const struct export_options *o, long *rows,
                      zb_err *err)
{
    (void)o;
    *rows = 0;
    if (!export_orgs_known(kind))
        return zb_fail(err, "不能导出「%s」", kind ? kind : "");
    struct org_item *tree = NULL;
    int n = 0;
    if (org_list(d, &tree, &n, err))
        return -1;
    int rc = strcmp(kind, "orgs") == 0 ? orgs(d, w, tree, n, rows, err)
                                       : posts(d, w, tree, n, rows, err);
    free(tree);
    return rc;
}
