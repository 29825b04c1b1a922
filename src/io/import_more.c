/* Lookups shared by the importers of grids, roles, households, pairs
 * and visits (src/io/import_more.h). */
#include "io/import_more.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/grid.h"
#include "model/household.h"
#include "model/member.h"
#include "model/table_ids.h"
#include "rules.h"

void more_cache_free(struct more_cache *m)
{
    smap_free(m->grids);
    smap_free(m->members);
    smap_free(m->households);
    m->grids = m->members = m->households = NULL;
}

int more_label(const char *const *labels, int n, const char *v)
{
    for (int i = 1; i < n; i++)
        if (labels[i] && strcmp(labels[i], v) == 0)
            return i;
    return 0;
}

bool more_count(const char *v, long max, long *out)
{
    *out = -1;
    if (!*v)
        return true;
    long n = 0;
    bool any = false;
    const char *p = v;
    while (*p) {
        int digit = -1;
        if (*p >= '0' && *p <= '9') {
            digit = *p - '0';
            p++;
        } else if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC &&
                   (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99) {
            digit = (unsigned char)p[2] - 0x90;   /* full-width ０-９ */
            p += 3;
        } else {
            break;
        }
        any = true;
        n = n * 10 + digit;
        if (n > max)
            return false;
    }
    if (!any || (*p && strcmp(p, "户") && strcmp(p, "人") &&
                 strcmp(p, "份") && strcmp(p, "次")))
        return false;
    *out = n;
    return true;
}

void more_path_norm(const char *s, char *out, size_t outsz)
{
    size_t k = 0;
    out[0] = '\0';
    const char *p = s;
    while (*p) {
        const char *slash = strchr(p, '/');
        const char *e = slash ? slash : p + strlen(p);
        const char *a = p, *b = e;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        if (b > a && k + (size_t)(b - a) + 2 < outsz) {
            if (k)
                out[k++] = '/';
            memcpy(out + k, a, (size_t)(b - a));
            k += (size_t)(b - a);
            out[k] = '\0';
        }
        p = slash ? slash + 1 : e;
    }
}

/* ---- grids ---- */

static int load_grids(struct more_cache *m, db *d, zb_err *err)
{
    if (m->grids)
        return 0;
    if (!(m->grids = smap_new()))
        return zb_fail(err, "内存不足");
    struct grid_item *items = NULL;
    int n = 0;
    if (grid_list(d, &items, &n, err))
        return -1;
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++)
        if (smap_put(m->grids, items[i].path, items[i].id))
            rc = zb_fail(err, "内存不足");
    free(items);
    return rc;
}

int more_grid_add(struct more_cache *m, const char *path, int64_t id)
{
    char key[512];
    more_path_norm(path, key, sizeof key);
    return m->grids && smap_put(m->grids, key, id) ? -1 : 0;
}

int more_grid(struct import_ctx *c, struct more_cache *m, long line, int col,
              const char *path, int64_t *id, zb_err *err)
{
    *id = 0;
    if (load_grids(m, c->d, err))
        return -1;
    if (!*path)
        return 0;
    char key[512];
    more_path_norm(path, key, sizeof key);
    if (smap_get(m->grids, key, id))
        return 0;
    *id = -1;
    import_error(c, line, col, "找不到网格节点「%s」（请写完整路径，如 "
                 "东湖社区/第一片区/第一网格，或先导入网格）", path);
    return 0;
}

/* ---- members ---- */

/* The id of a zhibu member number ("1" and 7 digits), else 0. */
static int64_t number_id(const char *s)
{
    if (s[0] != '1' || strlen(s) != 8 || strspn(s, "0123456789") != 8)
        return 0;
    int64_t id = strtoll(s + 1, NULL, 10);
    char canon[16];
    member_number(id, canon, sizeof canon);
    return id > 0 && strcmp(canon, s) == 0 ? id : 0;
}

static int member_by_no(struct import_ctx *c, struct more_cache *m,
                        const char *no, int64_t *id, zb_err *err)
{
    char key[64];
    snprintf(key, sizeof key, "n:%s", no);
    if (smap_get(m->members, key, id))
        return 0;
    *id = 0;
    int64_t want = number_id(no);
    if (want) {
        member *x = malloc(sizeof *x);
        zb_err e;
        if (!x)
            return zb_fail(err, "内存不足");
        if (member_get(c->d, want, x, &e) == 0 && strcmp(x->member_no, no) == 0)
            *id = want;
        free(x);
    }
    return smap_put(m->members, key, *id) ? zb_fail(err, "内存不足") : 0;
}

int more_member(struct import_ctx *c, struct more_cache *m, long line,
                int no_col, const char *no, int idnum_col, const char *idnum,
                int name_col, const char *name, int64_t *id, char *name_out,
                size_t name_sz, zb_err *err)
{
    *id = 0;
    if (name_out && name_sz)
        name_out[0] = '\0';
    if (!*no && !*idnum)
        return 0;
    if (!m->members && !(m->members = smap_new()))
        return zb_fail(err, "内存不足");
    int64_t by_no = 0, by_id = 0;
    if (*no && member_by_no(c, m, no, &by_no, err))
        return -1;
    if (*no && !by_no) {
        import_error(c, line, no_col, "找不到党员编号 %s", no);
        *id = -1;
        return 0;
    }
    /* a masked number (exports mask them) says nothing */
    if (*idnum && !strchr(idnum, '*')) {
        char key[64], who[MEMBER_NAME_CHARS * 4 + 1];
        struct idnum_info info;
        const char *want = idnum;
        if (rules_idnum_check(idnum, c->today, &info) == IDNUM_OK)
            want = info.normalized;
        snprintf(key, sizeof key, "i:%s", want);
        if (!smap_get(m->members, key, &by_id)) {
            if (member_find_idnum(c->d, want, 0, &by_id, who, sizeof who,
                                  err))
                return -1;
            if (smap_put(m->members, key, by_id))
                return zb_fail(err, "内存不足");
        }
        if (!by_id) {
            import_error(c, line, idnum_col, "找不到公民身份号码为 %s 的党员",
                         idnum);
            *id = -1;
            return 0;
        }
    }
    if (by_no && by_id && by_no != by_id) {
        import_error(c, line, no_col, "党员编号 %s 与公民身份号码不是同一人",
                     no);
        *id = -1;
        return 0;
    }
    *id = by_no ? by_no : by_id;
    if (!*id)   /* only a masked ID number */
        return 0;
    member *x = malloc(sizeof *x);
    if (!x)
        return zb_fail(err, "内存不足");
    if (member_get(c->d, *id, x, err)) {
        free(x);
        return -1;
    }
    if (*name && strcmp(name, x->name) != 0) {
        import_error(c, line, name_col, "姓名「%s」与党员 %s（编号 %s）不符",
                     name, x->name, x->member_no);
        *id = -1;
    } else if (name_out) {
        snprintf(name_out, name_sz, "%s", x->name);
    }
    free(x);
    return 0;
}

/* ---- households ---- */

static void hh_key(const char *name, int64_t grid_id, char *out, size_t sz)
{
    snprintf(out, sz, "%s\x1f%lld", name, (long long)grid_id);
}

static int load_households(struct more_cache *m, db *d, zb_err *err)
{
    if (m->households)
        return 0;
    if (!(m->households = smap_new()))
        return zb_fail(err, "内存不足");
    int64_t *ids = NULL;
    long n = 0;
    if (table_ids(d, TI_HOUSEHOLDS, &ids, &n, err))
        return -1;
    household *h = malloc(sizeof *h);
    int rc = h ? 0 : zb_fail(err, "内存不足");
    for (long i = 0; i < n && rc == 0; i++) {
        if ((rc = household_get(d, ids[i], h, err)))
            break;
        char key[600];
        int64_t old;
        hh_key(h->name, h->grid_id, key, sizeof key);
        if (smap_put(m->households, key,
                     smap_get(m->households, key, &old) ? -2 : h->id))
            rc = zb_fail(err, "内存不足");
    }
    free(h);
    free(ids);
    return rc;
}

int more_household_add(struct more_cache *m, const char *name,
                       int64_t grid_id, int64_t id)
{
    char key[600];
    int64_t old;
    hh_key(name, grid_id, key, sizeof key);
    if (!m->households)
        return 0;
    return smap_put(m->households, key,
                    smap_get(m->households, key, &old) ? -2 : id);
}

int more_household_find(struct import_ctx *c, struct more_cache *m,
                        const char *name, int64_t grid_id, int64_t *id,
                        zb_err *err)
{
    *id = 0;
    if (load_households(m, c->d, err))
        return -1;
    char key[600];
    hh_key(name, grid_id, key, sizeof key);
    smap_get(m->households, key, id);
    return 0;
}

int more_household(struct import_ctx *c, struct more_cache *m, long line,
                   const int cols[3], const char *number, const char *name,
                   const char *grid, int64_t *id, zb_err *err)
{
    *id = -1;
    if (*number) {
        long v;
        household *h = malloc(sizeof *h);
        zb_err e;
        if (!h)
            return zb_fail(err, "内存不足");
        bool ok = more_count(number, 999999999L, &v) && v > 0 &&
                  household_get(c->d, v, h, &e) == 0;
        if (ok && *name && strcmp(h->name, name) != 0) {
            import_error(c, line, cols[1], "帮扶对象编号 %s 是「%s」，"
                         "与「%s」不符", number, h->name, name);
        } else if (ok) {
            *id = v;
        } else if (!*name) {
            import_error(c, line, cols[0], "找不到编号为 %s 的帮扶对象",
                         number);
        }
        free(h);
        /* a number from another database: fall back on name and grid */
        if (*id > 0 || !*name || import_row_bad(c, line))
            return 0;
    }
    if (!*name) {
        import_error(c, line, cols[1], "请填写帮扶对象姓名（或编号）");
        return 0;
    }
    int64_t grid_id = 0;
    if (more_grid(c, m, line, cols[2], grid, &grid_id, err))
        return -1;
    if (grid_id < 0)
        return 0;
    int64_t found = 0;
    if (more_household_find(c, m, name, grid_id, &found, err))
        return -1;
    if (found == -2)
        import_error(c, line, cols[1], "有多个名为「%s」的帮扶对象，"
                     "请用帮扶对象编号区分", name);
    else if (found == 0)
        import_error(c, line, cols[1], "找不到帮扶对象「%s」%s%s（请先导入"
                     "帮扶对象）", name, *grid ? "，网格 " : "", grid);
    else
        *id = found;
    return 0;
}

int more_field_col(const struct more_field *map, const char *field)
{
    for (; map->field; map++)
        if (field && strcmp(map->field, field) == 0)
            return map->col;
    return map->col;
}
