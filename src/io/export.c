#include "io/export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain.h"
#include "io/export_more.h"
#include "io/export_orgs.h"
#include "io/meeting_cols.h"
#include "io/member_cols.h"
#include "model/attendance.h"
#include "model/export_rows.h"
#include "model/grid.h"
#include "model/member.h"
#include "model/org.h"
#include "rules.h"

const char *export_kind_names(void)
{
    return "members、meetings、attendance、grids、orgs、org-posts、grid-roles、"
           "households、pairs、visits";
}

bool export_kind_known(const char *kind)
{
    return kind && (strcmp(kind, "members") == 0 ||
                    strcmp(kind, "meetings") == 0 ||
                    strcmp(kind, "attendance") == 0 ||
                    export_more_known(kind) || export_orgs_known(kind));
}

struct out {
    csv_writer *w;
    const struct export_options *o;
    struct org_item *orgs;    /* by id, for paths */
    int norgs;
    struct grid_item *grids;  /* by id, for paths (members only) */
    int ngrids;
    long rows;
    zb_err *err;
};

static int cmp_org(const void *a, const void *b)
{
    const struct org_item *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static const char *org_path(const struct out *o, int64_t id)
{
    struct org_item key = {.id = id};
    const struct org_item *it =
        id && o->norgs > 0
            ? bsearch(&key, o->orgs, (size_t)o->norgs, sizeof key, cmp_org)
            : NULL;
    return it ? it->path : "";
}

static int cmp_grid(const void *a, const void *b)
{
    const struct grid_item *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static const char *grid_path(const struct out *o, int64_t id)
{
    struct grid_item key = {.id = id};
    const struct grid_item *it =
        id && o->ngrids > 0
            ? bsearch(&key, o->grids, (size_t)o->ngrids, sizeof key, cmp_grid)
            : NULL;
    return it ? it->path : "";
}

static const char *label(const char *const *labels, int n, int i)
{
    return i > 0 && i < n ? labels[i] : "";
}

static int end_record(struct out *o)
{
    o->rows++;
    return csv_end_record(o->w, o->err) ? -1 : 0;
}

/* ---- members ---- */

static int member_row(void *ctx, const member *m)
{
    struct out *o = ctx;
    csv_writer *w = o->w;
    char idnum[40];
    if (o->o->full)
        snprintf(idnum, sizeof idnum, "%s", m->id_number);
    else
        rules_mask_idnum(m->id_number, idnum, sizeof idnum);
    const char *v[MEMBER_NCOLS] = {
        [C_NO] = m->member_no,
        [C_NAME] = m->name,
        [C_GENDER] = m->gender == GENDER_MALE || m->gender == GENDER_FEMALE
                         ? domain_gender_label(m->gender) : "",
        [C_IDNUM] = idnum,
        [C_ETHNIC] = m->ethnic,
        [C_BIRTH] = m->birth_date,
        [C_EDUCATION] = m->education,
        [C_CATEGORY] = label(domain_category, DOMAIN_CATEGORY_N, m->category),
        [C_ORG] = org_path(o, m->org_id),
        [C_JOIN] = m->join_date,
        [C_FULL] = m->full_date,
        [C_JOB] = m->job,
        [C_PHONE] = m->phone,
        [C_ADDRESS] = m->address,
        [C_STATUS] = label(domain_party_status, DOMAIN_PARTY_STATUS_N,
                           m->party_status),
        [C_LOST] = m->lost ? "是" : "否",
        [C_LOST_DATE] = m->lost_date,
        [C_MOBILE] = m->mobile ? "是" : "否",
        [C_MOBILE_DEST] = m->mobile_dest,
        [C_KIND] = label(domain_kind, DOMAIN_KIND_N, m->kind),
        [C_EMPLOYER] = m->employer,
        [C_NOTES] = m->notes,
        [C_LEFT] = label(domain_left, DOMAIN_LEFT_N, m->left_kind),
        [C_LEFT_DATE] = m->left_date,
        [C_RESIDENCE] = grid_path(o, m->residence_id),
    };
    for (int i = 0; i < MEMBER_NCOLS; i++)
        csv_field(w, v[i], i == C_NO || i == C_IDNUM || i == C_PHONE
                               ? CSV_TEXT : 0);
    return end_record(o);
}

static int members(db *d, struct out *o)
{
    if (grid_list(d, &o->grids, &o->ngrids, o->err))
        return -1;
    if (o->ngrids > 0)
        qsort(o->grids, (size_t)o->ngrids, sizeof *o->grids, cmp_grid);
    for (int i = 0; i < MEMBER_NCOLS; i++)
        csv_field(o->w, member_cols[i].name, 0);
    if (csv_end_record(o->w, o->err))
        return -1;
    return member_each(d, member_row, o, o->err) ? -1 : 0;
}

/* ---- meetings ---- */

static int meeting_row(void *ctx, const struct export_meeting *r)
{
    struct out *o = ctx;
    const meeting *m = &r->m;
    char id[24], n[5][16];
    snprintf(id, sizeof id, "%lld", (long long)m->id);
    const int counts[5] = {r->expected, r->present, r->leave, r->absent,
                           r->guests};
    for (int i = 0; i < 5; i++)
        snprintf(n[i], sizeof n[i], "%d", counts[i]);
    const char *v[MEETING_NCOLS] = {
        [MT_ID] = id, [MT_DATE] = m->date, [MT_START] = m->start_time,
        [MT_END] = m->end_time,
        [MT_KIND] = label(domain_meeting_kind, DOMAIN_MEETING_KIND_N,
                          m->kind),
        [MT_ORG] = org_path(o, m->org_id), [MT_TOPIC] = m->topic,
        [MT_PLACE] = m->place, [MT_HOST] = m->host,
        [MT_RECORDER] = m->recorder, [MT_LECTURER] = m->lecturer,
        [MT_EXPECTED] = n[0], [MT_PRESENT] = n[1], [MT_LEAVE] = n[2],
        [MT_ABSENT] = n[3], [MT_GUESTS] = n[4], [MT_MINUTES] = m->minutes,
    };
    for (int i = 0; i < MEETING_NCOLS; i++)
        csv_field(o->w, v[i], 0);
    return end_record(o);
}

static int meetings(db *d, struct out *o)
{
    for (int i = 0; i < MEETING_NCOLS; i++)
        csv_field(o->w, meeting_cols[i].name, 0);
    if (csv_end_record(o->w, o->err))
        return -1;
    return export_rows_meetings(d, meeting_row, o, o->err) ? -1 : 0;
}

/* ---- attendance ---- */

static int att_row(void *ctx, const struct export_att *r)
{
    struct out *o = ctx;
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)r->meeting_id);
    char idnum[40];
    if (o->o->full)
        snprintf(idnum, sizeof idnum, "%s", r->id_number);
    else
        rules_mask_idnum(r->id_number, idnum, sizeof idnum);
    const char *v[ATT_NCOLS] = {
        [A_MEETING] = id, [A_DATE] = r->date,
        [A_KIND] = label(domain_meeting_kind, DOMAIN_MEETING_KIND_N, r->kind),
        [A_TOPIC] = r->topic, [A_MORG] = org_path(o, r->meeting_org),
        [A_NO] = r->member_no, [A_NAME] = r->name, [A_IDNUM] = idnum,
        [A_ORG] = org_path(o, r->org_id),
        [A_CATEGORY] = label(domain_category, DOMAIN_CATEGORY_N, r->category),
        [A_STATE] = r->state >= 0 && r->state < DOMAIN_ATT_STATE_N
                        ? domain_att_state[r->state] : "",
        [A_REASON] = r->reason, [A_MAKEUP] = r->makeup_date,
        [A_MARKED_BY] = r->marked_by,
    };
    for (int i = 0; i < ATT_NCOLS; i++)
        csv_field(o->w, v[i], i == A_NO || i == A_IDNUM ? CSV_TEXT : 0);
    return end_record(o);
}

static int attendance(db *d, struct out *o)
{
    for (int i = 0; i < ATT_NCOLS; i++)
        csv_field(o->w, att_cols[i].name, 0);
    if (csv_end_record(o->w, o->err))
        return -1;
    return export_rows_attendance(d, att_row, o, o->err) ? -1 : 0;
}

int export_write(db *d, const char *kind, FILE *f,
                 const struct export_options *opt, long *rows, zb_err *err)
{
    *rows = 0;
    if (!export_kind_known(kind))
        return zb_fail(err, "不能导出「%s」（可导出：%s）", kind ? kind : "",
                       export_kind_names());
    struct out o = {.o = opt, .err = err};
    enum csv_encoding enc = opt->encoding == CSV_ENC_GB18030
                                ? CSV_ENC_GB18030 : CSV_ENC_UTF8;
    if (org_list(d, &o.orgs, &o.norgs, err))
        return -1;
    if (o.norgs > 0)
        qsort(o.orgs, (size_t)o.norgs, sizeof *o.orgs, cmp_org);
    int rc = csv_writer_open(f, enc, &o.w, err);
    if (rc == 0) {
        if (strcmp(kind, "members") == 0)
            rc = members(d, &o);
        else if (strcmp(kind, "meetings") == 0)
            rc = meetings(d, &o);
        else if (export_more_known(kind))
            rc = export_more_write(d, kind, o.w, opt, &o.rows, err);
        else if (export_orgs_known(kind))
            rc = export_orgs_write(d, kind, o.w, opt, &o.rows, err);
        else
            rc = attendance(d, &o);
        zb_err e2;
        if (csv_writer_close(o.w, &e2) && rc == 0)
            rc = zb_fail(err, "%s", e2.msg);
    }
    free(o.orgs);
    free(o.grids);
    *rows = o.rows;
    return rc;
}

int export_file(db *d, const char *kind, const char *path,
                const struct export_options *o, long *rows, zb_err *err)
{
    *rows = 0;
    if (!export_kind_known(kind))
        return zb_fail(err, "不能导出「%s」（可导出：%s）", kind ? kind : "",
                       export_kind_names());
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return zb_fail(err, errno == EEXIST ? "文件已存在，不会覆盖：%s"
                                            : "无法创建 %s：%s",
                       path, strerror(errno));
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        close(fd);
        unlink(path);
        return zb_fail(err, "无法写入 %s", path);
    }
    int rc = export_write(d, kind, f, o, rows, err);
    if (fclose(f) != 0 && rc == 0)
        rc = zb_fail(err, "写入 %s 失败：%s", path, strerror(errno));
    if (rc)
        unlink(path);
    return rc;
}
