/* Importing households and persons in need (帮扶对象).
 *
 * A row is the household with that 帮扶对象编号 when the number is one of
 * this database's and the name agrees; else the one household with the
 * same name on the same grid node; else a new household. A stored
 * household is updated only where the file has a value. 类别 is a list
 * ("低保户、残疾人"; short forms such as 低保 and 残疾 too). A 困难党员 is
 * named by 困难党员编号 or 困难党员公民身份号码; naming one adds the
 * 困难党员 kind. Checked by household_validate, the form's rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/import_more.h"
#include "io/more_cols.h"
#include "model/household.h"
#include "rules.h"

const struct import_col household_cols[HOUSEHOLD_NCOLS] = {
    [H_ID] = {"帮扶对象编号", "对象编号|编号"},
    [H_NAME] = {"姓名", "户主姓名|户主或本人姓名|帮扶对象|对象姓名"},
    [H_KINDS] = {"类别", "帮扶对象类别|对象类别|困难类别|类型"},
    [H_LEVEL] = {"困难程度", "困难等级|程度"},
    [H_STATUS] = {"状态", "帮扶状态"},
    [H_GRID] = {"居住网格", "网格|所在网格|网格路径"},
    [H_MEMBER_NO] = {"困难党员编号", "党员编号"},
    [H_MEMBER_IDNUM] = {"困难党员公民身份号码", "公民身份号码|身份证号|"
                        "身份证号码"},
    [H_SIZE] = {"家庭人口", "家庭人数|人口|人数"},
    [H_PHONE] = {"联系电话", "电话|手机|手机号|联系方式"},
    [H_ADDRESS] = {"家庭住址", "住址|地址|现住址"},
    [H_NEEDS] = {"困难与需求", "困难情况|需求|致困原因"},
    [H_PLAN] = {"帮扶措施", "帮扶计划|一人一策"},
    [H_REGISTERED] = {"登记日期", "登记时间"},
    [H_CLOSED] = {"销号日期", "销号时间"},
    [H_REASON] = {"销号原因", NULL},
};

struct hh_state {
    struct more_cache m;
    struct smap *seen;     /* name \x1f grid -> line */
};

static int hh_begin(struct import_ctx *c, zb_err *err)
{
    struct hh_state *s = c->state;
    return (s->seen = smap_new()) ? 0 : zb_fail(err, "内存不足");
}

/* One kind by its label, short form or a common name; -1 if none. */
static int kind_of(const char *t)
{
    static const struct {
        const char *name;
        int kind;
    } extra[] = {
        {"孤老", HK_ELDERLY}, {"空巢老人", HK_ELDERLY}, {"孤寡老人", HK_ELDERLY},
        {"下岗失业", HK_UNEMPLOYED}, {"4050", HK_UNEMPLOYED},
        {"下岗失业人员", HK_UNEMPLOYED}, {"贫困党员", HK_PARTY},
        {"残疾", HK_DISABLED}, {"低保", HK_DIBAO},
    };
    for (int k = 0; k < HH_KIND_N; k++)
        if (strcmp(t, household_kind_label[k]) == 0 ||
            strcmp(t, household_kind_short[k]) == 0)
            return k;
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (strcmp(t, extra[i].name) == 0)
            return extra[i].kind;
    return -1;
}

/* "低保户、残疾人" (also , ， ; ； and spaces between) into *kinds; the
 * first unknown word into bad. */
static bool parse_kinds(const char *v, unsigned *kinds, char *bad,
                        size_t badsz)
{
    static const char *const seps[] = {"、", "，", "；", ",", ";", " ",
                                       "\xE3\x80\x80"};
    *kinds = 0;
    bad[0] = '\0';
    const char *p = v;
    while (*p) {
        size_t n = 0;
        const char *q = p;
        while (*q) {
            size_t sep = 0;
            for (size_t i = 0; i < sizeof seps / sizeof seps[0] && !sep; i++)
                if (strncmp(q, seps[i], strlen(seps[i])) == 0)
                    sep = strlen(seps[i]);
            if (sep) {
                n = (size_t)(q - p);
                q += sep;
                break;
            }
            q++;
            n = (size_t)(q - p);
        }
        if (n > 0) {
            char t[128];
            snprintf(t, sizeof t, "%.*s", (int)n, p);
            int k = kind_of(t);
            if (k < 0) {
                snprintf(bad, badsz, "%s", t);
                return false;
            }
            *kinds |= HH_KIND_BIT(k);
        }
        p = q;
    }
    return true;
}

static int parse_level(const char *v)
{
    static const char *const alias[] = {"", "一般", "较重", "特别"};
    static const char *const digit[] = {"", "1", "2", "3"};
    for (int i = 1; i < HH_LEVEL_N; i++)
        if (!strcmp(v, household_level_label[i]) || !strcmp(v, alias[i]) ||
            !strcmp(v, digit[i]))
            return i;
    return 0;
}

static const struct more_field hh_fields[] = {
    {"name", H_NAME}, {"kinds", H_KINDS}, {"member_id", H_MEMBER_NO},
    {"phone", H_PHONE}, {"size", H_SIZE}, {"level", H_LEVEL},
    {"grid_id", H_GRID}, {"address", H_ADDRESS}, {"needs", H_NEEDS},
    {"plan", H_PLAN}, {"registered", H_REGISTERED}, {"closed", H_CLOSED},
    {"close_reason", H_REASON}, {NULL, H_NAME},
};

/* The stored household the row is, or 0. */
static int match(struct import_ctx *c, struct hh_state *s, const char *number,
                 const char *name, int64_t grid_id, int64_t *id, zb_err *err)
{
    *id = 0;
    if (*number) {
        long v;
        household *h = malloc(sizeof *h);
        zb_err e;
        if (!h)
            return zb_fail(err, "内存不足");
        if (more_count(number, 999999999L, &v) && v > 0 &&
            household_get(c->d, v, h, &e) == 0 && strcmp(h->name, name) == 0)
            *id = v;
        free(h);
        if (*id)
            return 0;
    }
    int64_t found = 0;
    if (more_household_find(c, &s->m, name, grid_id, &found, err))
        return -1;
    *id = found > 0 ? found : 0;
    return 0;
}

/* Field values of the row over h (an empty cell keeps what h has). */
static void apply(struct import_ctx *c, long line, const char *const *v,
                  household *h)
{
    if (*v[H_KINDS]) {
        char bad[128];
        unsigned kinds;
        if (!parse_kinds(v[H_KINDS], &kinds, bad, sizeof bad))
            import_error(c, line, H_KINDS, "不认识的类别「%s」（可用：低保户、"
                         "特困户、困难党员、孤老/空巢老人、残疾人、单亲家庭、"
                         "留守儿童、下岗失业（4050）、贫困户）", bad);
        else
            h->kinds = kinds;
    }
    if (*v[H_LEVEL]) {
        int l = parse_level(v[H_LEVEL]);
        if (!l)
            import_error(c, line, H_LEVEL, "困难程度应为 一般困难、较重困难 或 "
                         "特别困难：%s", v[H_LEVEL]);
        h->level = l ? l : h->level;
    }
    if (*v[H_SIZE]) {
        long n;
        if (!more_count(v[H_SIZE], 999, &n))
            import_error(c, line, H_SIZE, "家庭人口应为整数：%s", v[H_SIZE]);
        else
            h->size = (int)n;
    }
    const struct {
        int col;
        char *dst;
        size_t sz;
    } text[] = {
        {H_PHONE, h->phone, sizeof h->phone},
        {H_ADDRESS, h->address, sizeof h->address},
        {H_NEEDS, h->needs, sizeof h->needs},
        {H_PLAN, h->plan, sizeof h->plan},
        {H_REASON, h->close_reason, sizeof h->close_reason},
    };
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
        if (*v[text[i].col])
            snprintf(text[i].dst, text[i].sz, "%s", v[text[i].col]);
    const struct {
        int col;
        char *dst;
    } dates[] = {{H_REGISTERED, h->registered}, {H_CLOSED, h->closed}};
    for (size_t i = 0; i < 2; i++) {
        char day[11];
        if (!*v[dates[i].col])
            continue;
        if (import_date(v[dates[i].col], day))
            memcpy(dates[i].dst, day, sizeof day);
        else
            import_error(c, line, dates[i].col, "日期无效：%s",
                         v[dates[i].col]);
    }
    if (*v[H_STATUS]) {
        int st = more_label(household_status_label, HH_STATUS_N, v[H_STATUS]);
        if (!st && strcmp(v[H_STATUS], "销号") == 0)
            st = HH_CLOSED;
        if (!st)
            import_error(c, line, H_STATUS, "状态应为 帮扶中 或 已销号：%s",
                         v[H_STATUS]);
        else
            h->status = st;
    } else if (*v[H_CLOSED]) {
        h->status = HH_CLOSED;
    }
}

static bool same(const household *a, const household *b)
{
    return a->kinds == b->kinds && a->level == b->level &&
           a->status == b->status && a->grid_id == b->grid_id &&
           a->member_id == b->member_id && a->size == b->size &&
           !strcmp(a->phone, b->phone) && !strcmp(a->address, b->address) &&
           !strcmp(a->needs, b->needs) && !strcmp(a->plan, b->plan) &&
           !strcmp(a->registered, b->registered) &&
           !strcmp(a->closed, b->closed) &&
           !strcmp(a->close_reason, b->close_reason);
}

static int hh_row(struct import_ctx *c, long line, const char *const *v,
                  zb_err *err)
{
    struct hh_state *s = c->state;
    if (!*v[H_NAME]) {
        import_error(c, line, H_NAME, "请填写姓名");
        return 0;
    }
    int64_t grid_id = 0, member_id = 0;
    if (more_grid(c, &s->m, line, H_GRID, v[H_GRID], &grid_id, err) ||
        more_member(c, &s->m, line, H_MEMBER_NO, v[H_MEMBER_NO],
                    H_MEMBER_IDNUM, v[H_MEMBER_IDNUM], H_NAME, "", &member_id,
                    NULL, 0, err))
        return -1;
    if (import_row_bad(c, line))
        return 0;
    char key[600];
    int64_t prev;
    snprintf(key, sizeof key, "%s\x1f%lld", v[H_NAME], (long long)grid_id);
    if (smap_get(s->seen, key, &prev)) {
        import_error(c, line, H_NAME, "与第 %lld 行是同一帮扶对象（姓名和网格"
                     "相同）", (long long)prev);
        return 0;
    }
    if (smap_put(s->seen, key, line))
        return zb_fail(err, "内存不足");
    int64_t id;
    if (match(c, s, v[H_ID], v[H_NAME], grid_id, &id, err))
        return -1;
    household *h = malloc(sizeof *h), *old = malloc(sizeof *old);
    int rc = 0;
    if (!h || !old) {
        rc = zb_fail(err, "内存不足");
        goto done;
    }
    household_init(h);
    if (id && (rc = household_get(c->d, id, h, err)))
        goto done;
    *old = *h;
    snprintf(h->name, sizeof h->name, "%s", v[H_NAME]);
    h->grid_id = grid_id;
    if (member_id > 0) {
        h->member_id = member_id;
        h->kinds |= HH_KIND_BIT(HK_PARTY);
    }
    apply(c, line, v, h);
    if (import_row_bad(c, line))
        goto done;
    if (id && same(h, old)) {
        c->res->unchanged++;
        goto done;
    }
    const char *field = NULL;
    zb_err e;
    if (household_validate(c->d, h, &field, &e)) {
        import_error(c, line, more_field_col(hh_fields, field), "%s", e.msg);
        goto done;
    }
    if ((rc = household_save(c->d, h, &field, err)))
        goto done;
    if (id) {
        c->res->updated++;
        import_change(c, "%s", h->name);
    } else {
        c->res->added++;
        if (more_household_add(&s->m, h->name, h->grid_id, h->id))
            rc = zb_fail(err, "内存不足");
    }
done:
    free(h);
    free(old);
    return rc;
}

static int hh_end(struct import_ctx *c, bool keep, zb_err *err)
{
    struct hh_state *s = c->state;
    (void)keep;
    (void)err;
    more_cache_free(&s->m);
    smap_free(s->seen);
    return 0;
}

const struct import_kind import_households_kind = {
    .name = "households",
    .label = "帮扶对象",
    .cols = household_cols,
    .ncols = HOUSEHOLD_NCOLS,
    .state_size = sizeof(struct hh_state),
    .begin = hh_begin,
    .row = hh_row,
    .end = hh_end,
};
