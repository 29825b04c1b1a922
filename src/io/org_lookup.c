/* Organisations by path or unique name (src/io/org_lookup.h). */
#include "io/org_lookup.h"

#include <stdlib.h>
#include <string.h>

#include "io/import_more.h"
#include "model/org.h"

static const char *last_level(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static int put(struct org_lookup *x, const char *path, int64_t id)
{
    char key[600];
    int64_t had;
    more_path_norm(path, key, sizeof key);
    const char *name = last_level(key);
    return smap_put(x->paths, key, id) ||
           smap_put(x->names, name, smap_get(x->names, name, &had) ? -2 : id)
               ? -1 : 0;
}

int org_lookup_load(struct org_lookup *x, db *d, zb_err *err)
{
    struct org_item *items = NULL;
    int n = 0;
    if (!(x->paths = smap_new()) || !(x->names = smap_new()))
        return zb_fail(err, "内存不足");
    if (org_list(d, &items, &n, err))
        return -1;
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++)
        if (put(x, items[i].path, items[i].id))
            rc = zb_fail(err, "内存不足");
    free(items);
    return rc;
}

void org_lookup_free(struct org_lookup *x)
{
    smap_free(x->paths);
    smap_free(x->names);
    x->paths = x->names = NULL;
}

int org_lookup_add(struct org_lookup *x, const char *path, int64_t id)
{
    return put(x, path, id);
}

int64_t org_lookup_path(const struct org_lookup *x, const char *path)
{
    char key[600];
    int64_t id;
    more_path_norm(path, key, sizeof key);
    return smap_get(x->paths, key, &id) ? id : 0;
}

void org_lookup_row(struct import_ctx *c, const struct org_lookup *x,
                    long line, int col, const char *text, int64_t *id)
{
    char key[600];
    *id = 0;
    more_path_norm(text, key, sizeof key);
    if (smap_get(x->paths, key, id) || smap_get(x->names, key, id)) {
        if (*id > 0)
            return;
        *id = 0;
        import_error(c, line, col, "有多个党组织叫「%s」，请写完整路径（如 "
                     "某街道党工委/某社区党委/某支部）", text);
        return;
    }
    import_error(c, line, col, "找不到党组织「%s」（请先导入党组织或党员，"
                 "或在党组织界面建立）", text);
}
