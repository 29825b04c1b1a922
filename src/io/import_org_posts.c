/* Importing the posts of organisations (书记, 委员, 组长 …):
 * `zhibu import org-posts`.
 *
 * One term a row: the organisation (full path, or a name only one has),
 * 职务, the person and the dates. A member is named by 党员编号 (姓名,
 * if given, must agree; the name then comes from the register), anyone
 * else by 姓名. The same organisation, 职务, name and 任职日期 is the same
 * term: updated where the file has a value (电话, 离任日期, 党员编号).
 * Checked by org_post_validate: a post the organisation's kind does not
 * have, overlapping terms of a post one person holds at a time. The
 * organisations must exist: import orgs (or members) first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/import_more.h"
#include "io/org_cols.h"
#include "io/org_lookup.h"
#include "model/org.h"

const struct import_col org_post_cols[ORG_POST_NCOLS] = {
    [OP_ORG] = {"组织路径", "党组织|组织|党组织路径|所在党组织|所在党支部"},
    [OP_POST] = {"职务", "职位|岗位"},
    [OP_NAME] = {"姓名", "任职人|人员"},
    [OP_NO] = {"党员编号", NULL},
    [OP_PHONE] = {"电话", "联系电话|手机|手机号|联系方式"},
    [OP_START] = {"任职日期", "开始日期|上任日期|起始日期"},
    [OP_END] = {"离任日期", "结束日期|卸任日期|截止日期"},
};

struct post_state {
    struct org_lookup orgs;
    struct more_cache m;    /* members */
};

static int post_begin(struct import_ctx *c, zb_err *err)
{
    struct post_state *s = c->state;
    return org_lookup_load(&s->orgs, c->d, err);
}

static const struct more_field post_fields[] = {
    {"post", OP_POST}, {"name", OP_NAME}, {"phone", OP_PHONE},
    {"start_date", OP_START}, {"end_date", OP_END}, {NULL, OP_NAME},
};

static int parse_post(const char *v)
{
    static const struct {
        const char *text;
        int post;
    } more[] = {
        {"党支部书记", POST_SECRETARY}, {"支部书记", POST_SECRETARY},
        {"党委书记", POST_SECRETARY}, {"党总支书记", POST_SECRETARY},
        {"党小组组长", POST_GROUP_LEADER}, {"党小组长", POST_GROUP_LEADER},
        {"中心户户主", POST_CONTACT},
    };
    int p = more_label(org_post_label, ORG_POST_N, v);
    for (size_t i = 0; !p && i < sizeof more / sizeof more[0]; i++)
        if (strcmp(v, more[i].text) == 0)
            p = more[i].post;
    return p;
}

/* The stored term of the same organisation, post, name and start (its
 * id in out->id), else out->id = 0. */
static int find_term(struct import_ctx *c, const struct org_post *p,
                     struct org_post *out, zb_err *err)
{
    struct org_post *v = NULL;
    int n = 0;
    if (org_post_list(c->d, p->org_id, true, c->today, &v, &n, err))
        return -1;
    out->id = 0;
    for (int i = 0; i < n; i++)
        if (v[i].post == p->post && strcmp(v[i].name, p->name) == 0 &&
            strcmp(v[i].start_date, p->start_date) == 0) {
            *out = v[i];
            break;
        }
    free(v);
    return 0;
}

static void date_cell(struct import_ctx *c, long line, int col,
                      const char *v, char out[11])
{
    out[0] = '\0';
    if (*v && !import_date(v, out))
        import_error(c, line, col, "日期无效：%s", v);
}

/* The row's values into p (organisation, post, person, dates). */
static int read_row(struct import_ctx *c, long line, const char *const *v,
                    struct org_post *p, zb_err *err)
{
    struct post_state *s = c->state;
    memset(p, 0, sizeof *p);
    if (!*v[OP_ORG])
        import_error(c, line, OP_ORG, "请填写党组织");
    else
        org_lookup_row(c, &s->orgs, line, OP_ORG, v[OP_ORG], &p->org_id);
    p->post = parse_post(v[OP_POST]);
    if (!p->post)
        import_error(c, line, OP_POST, "%s：%s", *v[OP_POST] ? "职务无效"
                     : "请填写职务（书记、副书记、组织委员、宣传委员、纪检"
                       "委员、委员、组长、副组长、联系人）", v[OP_POST]);
    char name[sizeof p->name];
    int64_t member = 0;
    if (more_member(c, &s->m, line, OP_NO, v[OP_NO], OP_NO, "", OP_NAME,
                    v[OP_NAME], &member, name, sizeof name, err))
        return -1;
    p->member_id = member > 0 ? member : 0;
    const char *who = member > 0 ? name : v[OP_NAME];
    if (strlen(who) >= sizeof p->name)
        import_error(c, line, OP_NAME, "姓名不能超过 %d 个字",
                     ORG_POST_NAME_CHARS);
    else
        snprintf(p->name, sizeof p->name, "%s", who);
    if (strlen(v[OP_PHONE]) >= sizeof p->phone)
        import_error(c, line, OP_PHONE, "电话号码太长：%s", v[OP_PHONE]);
    else
        snprintf(p->phone, sizeof p->phone, "%s", v[OP_PHONE]);
    date_cell(c, line, OP_START, v[OP_START], p->start_date);
    date_cell(c, line, OP_END, v[OP_END], p->end_date);
    return 0;
}

static int post_row(struct import_ctx *c, long line, const char *const *v,
                    zb_err *err)
{
    struct org_post p, old;
    if (read_row(c, line, v, &p, err))
        return -1;
    if (import_row_bad(c, line))
        return 0;
    if (find_term(c, &p, &old, err))
        return -1;
    if (old.id) {
        struct org_post w = old;
        if (p.phone[0])
            memcpy(w.phone, p.phone, sizeof w.phone);
        if (p.end_date[0])
            memcpy(w.end_date, p.end_date, sizeof w.end_date);
        if (p.member_id)
            w.member_id = p.member_id;
        if (!strcmp(w.phone, old.phone) && !strcmp(w.end_date, old.end_date) &&
            w.member_id == old.member_id) {
            c->res->unchanged++;
            return 0;
        }
        p = w;
    }
    const char *field = NULL;
    zb_err e;
    if (org_post_validate(c->d, &p, &field, &e)) {
        import_error(c, line, more_field_col(post_fields, field), "%s", e.msg);
        return 0;
    }
    if (org_post_save(c->d, &p, err))
        return -1;
    if (old.id) {
        c->res->updated++;
        import_change(c, "%s %s %s", v[OP_ORG], org_post_label[p.post],
                      p.name);
    } else {
        c->res->added++;
    }
    return 0;
}

static int post_end(struct import_ctx *c, bool keep, zb_err *err)
{
    struct post_state *s = c->state;
    (void)keep;
    (void)err;
    org_lookup_free(&s->orgs);
    more_cache_free(&s->m);
    return 0;
}

const struct import_kind import_org_posts_kind = {
    .name = "org-posts",
    .label = "党组织任职",
    .cols = org_post_cols,
    .ncols = ORG_POST_NCOLS,
    .state_size = sizeof(struct post_state),
    .begin = post_begin,
    .row = post_row,
    .end = post_end,
};
