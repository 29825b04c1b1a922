/* Importing members (党员).
 *
 * A row is matched to a stored member by 公民身份号码, or by 党员编号
 * (zhibu's own numbers, e.g. from an export) when the name or ID number
 * agrees. A matched member is updated only where the file has a value:
 * an empty cell never blanks stored data. Other rows are new members;
 * a new member keeps the 党员编号 the file gives it if that number was
 * never handed out here (so an export imported into an empty database
 * keeps its numbers), else gets the next one. Values are checked by
 * the member rules the form uses (model/member_valid.h), after the
 * value formats people type are understood (dates as 2021/7/1,
 * 2021年7月1日 …; 男/女; 是/否; 正式/预备). New members are loaded with
 * member_bulk (about 20 times faster than one save per row), updates
 * with member_save. 居住网格 is a grid path that must exist (import
 * grids first). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "io/import_int.h"
#include "io/import_more.h"
#include "io/member_cols.h"
#include "model/member.h"
#include "model/member_valid.h"
#include "rules.h"

#define NCOLS MEMBER_NCOLS

/* The column of each member rule (member_valid.h). */
static const int rule_col[MF_COUNT] = {
    [MF_NAME] = C_NAME, [MF_GENDER] = C_GENDER, [MF_IDNUM] = C_IDNUM,
    [MF_ETHNIC] = C_ETHNIC, [MF_BIRTH] = C_BIRTH,
    [MF_EDUCATION] = C_EDUCATION, [MF_CATEGORY] = C_CATEGORY,
    [MF_ORG] = C_ORG, [MF_JOIN] = C_JOIN, [MF_FULL] = C_FULL,
    [MF_JOB] = C_JOB, [MF_PHONE] = C_PHONE, [MF_ADDRESS] = C_ADDRESS,
    [MF_STATUS] = C_STATUS, [MF_LOST] = C_LOST,
    [MF_LOST_DATE] = C_LOST_DATE, [MF_MOBILE] = C_MOBILE,
    [MF_MOBILE_DEST] = C_MOBILE_DEST, [MF_KIND] = C_KIND,
    [MF_EMPLOYER] = C_EMPLOYER, [MF_NOTES] = C_NOTES,
};

struct state {
    struct member_bulk bulk;
    bool bulk_open;
    int64_t first_new;     /* ids below were handed out before */
    int64_t next_auto;     /* next id for a row without a number */
    int64_t max_number;    /* highest 党员编号 id in the file */
    bool empty;            /* no member stored when the import began:
                              nothing to match (the usual first import) */
    struct smap *ids;      /* ID number -> line, rows seen */
    struct smap *numbers;  /* 党员编号 -> line, rows seen */
    struct more_cache grids;   /* 居住网格 paths */
};

#define COPY(dst, v) member_col_copy((dst), sizeof(dst), (v))

/* ---- matching ---- */

static const char *number_key(int64_t id, char buf[16])
{
    member_number(id, buf, 16);
    return buf;
}

/* The stored member the row means: *target (0 = a new member). Problems
 * are reported. -1 on a database failure. */
static int match(struct import_ctx *c, long line, const member *in,
                 const bool *set, int64_t number, member *target,
                 bool *found, zb_err *err)
{
    struct state *s = c->state;
    *found = false;
    int64_t by_id = 0, prev;
    char name[MEMBER_NAME_CHARS * 4 + 1];
    if (set[C_IDNUM]) {
        if (smap_get(s->ids, in->id_number, &prev)) {
            import_error(c, line, C_IDNUM, "与第 %lld 行的号码相同",
                         (long long)prev);
            return 0;
        }
        if (!s->empty && member_find_idnum(c->d, in->id_number, 0, &by_id,
                                           name, sizeof name, err))
            return -1;
    }
    char key[16];
    if (number && smap_get(s->numbers, number_key(number, key), &prev)) {
        import_error(c, line, C_NO, "与第 %lld 行的党员编号相同",
                     (long long)prev);
        return 0;
    }
    member by_no;
    bool has_no = false;
    if (number && !s->empty) {
        zb_err e;
        has_no = member_get(c->d, number, &by_no, &e) == 0;
    }
    if (by_id) {
        if (member_get(c->d, by_id, target, err))
            return -1;
        if (has_no && by_no.id != by_id) {
            import_error(c, line, C_NO, "公民身份号码属于党员 %s（编号 %s），"
                         "与党员编号 %s 不符", target->name, target->member_no,
                         by_no.member_no);
            return 0;
        }
        *found = true;
        return 0;
    }
    if (has_no) {
        if ((set[C_IDNUM] && *by_no.id_number) ||
            (set[C_NAME] && strcmp(by_no.name, in->name) != 0)) {
            import_error(c, line, C_NO, "党员编号 %s 属于党员 %s，%s不符",
                         by_no.member_no, by_no.name,
                         set[C_IDNUM] && *by_no.id_number ? "公民身份号码"
                                                         : "姓名");
            return 0;
        }
        *target = by_no;
        *found = true;
    }
    return 0;
}

/* ---- merging and checking ---- */

/* The file's values over m: only those the file has. */
static void merge(member *m, const member *in, const bool *set)
{
    if (set[C_NAME])
        COPY(m->name, in->name);
    if (set[C_GENDER])
        m->gender = in->gender;
    if (set[C_IDNUM])
        COPY(m->id_number, in->id_number);
    if (set[C_ETHNIC])
        COPY(m->ethnic, in->ethnic);
    if (set[C_BIRTH])
        COPY(m->birth_date, in->birth_date);
    if (set[C_EDUCATION])
        COPY(m->education, in->education);
    if (set[C_CATEGORY])
        m->category = in->category;
    if (set[C_ORG])
        m->org_id = in->org_id;
    if (set[C_JOIN])
        COPY(m->join_date, in->join_date);
    if (set[C_FULL])
        COPY(m->full_date, in->full_date);
    if (set[C_JOB])
        COPY(m->job, in->job);
    if (set[C_PHONE])
        COPY(m->phone, in->phone);
    if (set[C_ADDRESS])
        COPY(m->address, in->address);
    if (set[C_STATUS])
        m->party_status = in->party_status;
    /* a date or destination alone means 是, as on the form; 否 clears */
    if (set[C_LOST] || set[C_LOST_DATE])
        m->lost = set[C_LOST] ? in->lost : true;
    if (set[C_LOST_DATE])
        COPY(m->lost_date, in->lost_date);
    if (!m->lost)
        m->lost_date[0] = '\0';
    if (set[C_MOBILE] || set[C_MOBILE_DEST])
        m->mobile = set[C_MOBILE] ? in->mobile : true;
    if (set[C_MOBILE_DEST])
        COPY(m->mobile_dest, in->mobile_dest);
    if (!m->mobile)
        m->mobile_dest[0] = '\0';
    if (set[C_KIND])
        m->kind = in->kind;
    if (set[C_EMPLOYER])
        COPY(m->employer, in->employer);
    if (set[C_NOTES])
        COPY(m->notes, in->notes);
    if (set[C_LEFT])
        m->left_kind = in->left_kind;
    if (set[C_LEFT_DATE])
        COPY(m->left_date, in->left_date);
    if (set[C_RESIDENCE])
        m->residence_id = in->residence_id;
}

/* The member rules over the merged record; a column whose value could
 * not be read is not judged again. */
static void check(struct import_ctx *c, long line, const char *const *v,
                  const bool *set, const member *m)
{
    if (set[C_LOST] && !m->lost && set[C_LOST_DATE])
        import_error(c, line, C_LOST_DATE, "「是否失联党员」为「否」，"
                     "不应填写失去联系日期");
    if (set[C_MOBILE] && !m->mobile && set[C_MOBILE_DEST])
        import_error(c, line, C_MOBILE_DEST, "「是否流动党员」为「否」，"
                     "不应填写外出流向");
    for (int f = 0; f < MF_COUNT; f++) {
        int col = rule_col[f];
        if (*v[col] && !set[col])
            continue;
        char msg[512];
        const char *p = member_field_problem(NULL, m, f, c->today, msg,
                                             sizeof msg);
        if (p)
            import_error(c, line, col, "%s", p);
    }
    if (m->left_kind && !*m->left_date && !(*v[C_LEFT_DATE]))
        import_error(c, line, C_LEFT_DATE, "必填（已填离开情况）");
    if (!m->left_kind && *m->left_date && !(*v[C_LEFT]))
        import_error(c, line, C_LEFT, "必填（已填离开日期）");
    if (*m->left_date && strcmp(m->left_date, c->today) > 0)
        import_error(c, line, C_LEFT_DATE, "日期不能晚于今天");
}

/* Labels of the fields that differ, "、"-joined ("" if none). */
static void differences(const member *a, const member *b, char *out,
                        size_t outsz)
{
    struct {
        bool differs;
        int col;
    } f[] = {
        {strcmp(a->name, b->name) != 0, C_NAME},
        {a->gender != b->gender, C_GENDER},
        {strcmp(a->id_number, b->id_number) != 0, C_IDNUM},
        {strcmp(a->ethnic, b->ethnic) != 0, C_ETHNIC},
        {strcmp(a->birth_date, b->birth_date) != 0, C_BIRTH},
        {strcmp(a->education, b->education) != 0, C_EDUCATION},
        {a->category != b->category, C_CATEGORY},
        {a->org_id != b->org_id, C_ORG},
        {strcmp(a->join_date, b->join_date) != 0, C_JOIN},
        {strcmp(a->full_date, b->full_date) != 0, C_FULL},
        {strcmp(a->job, b->job) != 0, C_JOB},
        {strcmp(a->phone, b->phone) != 0, C_PHONE},
        {strcmp(a->address, b->address) != 0, C_ADDRESS},
        {a->party_status != b->party_status, C_STATUS},
        {a->lost != b->lost, C_LOST},
        {strcmp(a->lost_date, b->lost_date) != 0, C_LOST_DATE},
        {a->mobile != b->mobile, C_MOBILE},
        {strcmp(a->mobile_dest, b->mobile_dest) != 0, C_MOBILE_DEST},
        {a->kind != b->kind, C_KIND},
        {strcmp(a->employer, b->employer) != 0, C_EMPLOYER},
        {strcmp(a->notes, b->notes) != 0, C_NOTES},
        {a->left_kind != b->left_kind, C_LEFT},
        {strcmp(a->left_date, b->left_date) != 0, C_LEFT_DATE},
        {a->residence_id != b->residence_id, C_RESIDENCE},
    };
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (f[i].differs && k + 40 < outsz)
            k += (size_t)snprintf(out + k, outsz - k, "%s%s", k ? "、" : "",
                                  member_cols[f[i].col].name);
}

/* ---- the kind ---- */

static int scan(struct import_ctx *c, long line, const char *const *v,
                zb_err *err)
{
    (void)line;
    (void)err;
    struct state *s = c->state;
    int64_t id = *v[C_NO] ? member_col_number(v[C_NO]) : 0;
    if (id > s->max_number)
        s->max_number = id;
    return 0;
}

static int begin(struct import_ctx *c, zb_err *err)
{
    struct state *s = c->state;
    if (!(s->ids = smap_new()) || !(s->numbers = smap_new()))
        return zb_fail(err, "内存不足");
    struct member_query q = {.include_left = true};
    long n;
    if (member_count(c->d, &q, &n, err))
        return -1;
    s->empty = n == 0;
    return 0;
}

/* The id of a new member: the file's number if it was never handed out
 * (and not taken by an earlier row), else the next free one. */
static int new_id(struct import_ctx *c, long line, int64_t number,
                  int64_t *id, zb_err *err)
{
    struct state *s = c->state;
    if (!s->bulk_open) {
        if (member_bulk_begin(c->d, &s->bulk, NULL, err))
            return -1;
        s->bulk_open = true;
        s->first_new = s->bulk.next_id;
        s->next_auto = s->max_number >= s->first_new ? s->max_number + 1
                                                       : s->first_new;
    }
    if (number && number >= s->first_new) {
        *id = number;
        return 0;
    }
    *id = s->next_auto++;
    if (number) {
        char no[16];
        member_number(*id, no, sizeof no);
        import_note(c, line, "党员编号 %s 以前用过，改为新编号 %s",
                    number_key(number, (char[16]){0}), no);
    }
    return 0;
}

static int row(struct import_ctx *c, long line, const char *const *v,
               zb_err *err)
{
    struct state *s = c->state;
    member in, m, old;
    bool set[NCOLS] = {false};
    int64_t number = 0;
    bool masked = false;
    /* only the fields set[] marks are read: no need to clear in */
    in.org_id = 0;
    member_cols_parse(c, line, v, &in, set, &number, &masked);

    bool found;
    if (match(c, line, &in, set, number, &old, &found, err))
        return -1;
    if (masked) {
        /* a masked export updates members matched by 党员编号 */
        char mask[40];
        rules_mask_idnum(old.id_number, mask, sizeof mask);
        if (!found || !*old.id_number || strcmp(mask, v[C_IDNUM]) != 0)
            import_error(c, line, C_IDNUM, "号码已打码（导出时加 --full 才有"
                         "完整号码）");
    }
    if (*v[C_ORG]) {
        if (import_org_for_member(c, line, C_ORG, v[C_ORG],
                                  set[C_LEFT] && in.left_kind != 0,
                                  &in.org_id, err))
            return -1;
        set[C_ORG] = in.org_id != 0;
    }
    if (*v[C_RESIDENCE]) {
        int64_t grid;
        if (more_grid(c, &s->grids, line, C_RESIDENCE, v[C_RESIDENCE], &grid,
                      err))
            return -1;
        in.residence_id = grid;
        set[C_RESIDENCE] = grid > 0;
    }
    if (found) {
        m = old;
    } else {
        member_init(&m);
        m.category = 0;   /* must be given (or follow from 转正日期) */
    }
    merge(&m, &in, set);
    if (!found && !m.category && *m.full_date)
        m.category = CATEGORY_FULL;
    member_apply_idnum(&m, c->today);
    check(c, line, v, set, &m);
    if (import_row_bad(c, line))
        return 0;

    char key[16];
    if ((*m.id_number && smap_put(s->ids, m.id_number, line)) ||
        (number && smap_put(s->numbers, number_key(number, key), line)))
        return zb_fail(err, "内存不足");
    if (!found) {
        int64_t id;
        if (new_id(c, line, number, &id, err))
            return -1;
        s->bulk.next_id = id;
        if (member_bulk_add(&s->bulk, &m, err))
            return -1;
        c->res->added++;
        return 0;
    }
    char what[1024];
    differences(&old, &m, what, sizeof what);
    if (number && number != old.id)
        import_note(c, line, "文件中的党员编号 %s 与库中的 %s 不同，保留库中编号",
                    number_key(number, key), old.member_no);
    if (!*what) {
        c->res->unchanged++;
        return 0;
    }
    zb_err e;
    if (member_save(c->d, &m, &e))
        return zb_fail(err, "第 %ld 行：%s", line, e.msg);
    c->res->updated++;
    import_change(c, "第 %ld 行 %s（编号 %s）：%s", line, m.name, m.member_no,
                  what);
    return 0;
}

static int end(struct import_ctx *c, bool keep, zb_err *err)
{
    struct state *s = c->state;
    int rc = 0;
    if (s->bulk_open) {
        s->bulk_open = false;
        rc = member_bulk_end(&s->bulk, keep, err);
    }
    smap_free(s->ids);
    smap_free(s->numbers);
    more_cache_free(&s->grids);
    return keep ? rc : 0;
}

const struct import_kind import_members_kind = {
    .name = "members",
    .label = "党员",
    .cols = member_cols,
    .ncols = NCOLS,
    .state_size = sizeof(struct state),
    .scan = scan,
    .begin = begin,
    .row = row,
    .end = end,
};
