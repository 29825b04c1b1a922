/* Organisations named in an import file (所在党支部).
 *
 * A value names an organisation by its full path as zhibu shows and
 * exports it ("新华街道党工委/东城社区党委/第一支部"), by a tail of that
 * path that only one organisation has ("东城社区党委/第一支部"), or by a
 * name that only one organisation has ("第一支部"). Full-width slashes
 * and spaces around slashes are accepted.
 *
 * Unknown organisations are listed in the report. With --create-orgs
 * they are created: for a path, the missing levels under the longest
 * part of it that exists (or as a new root); a bare name under the only
 * root organisation if there is exactly one, else as a root. The kind
 * is guessed from the name (…党工委, …党委, …党总支, …党小组, …中心户,
 * 网格…, 小区…, 社区…支部; otherwise 功能型党支部) and can be changed
 * on the organisation screen. Creation goes through org_save, so an
 * impossible tree (a 党小组 under a 党委) is refused like on screen. */
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "io/import_int.h"
#include "model/org.h"

#define PATH_MAX_LEVELS 16

struct pending {           /* an unknown organisation, for the report */
    char *text;
    long first_line;
    long rows;
};

struct import_orgs {
    struct org_item *items;
    int n, cap;
    struct smap *paths;    /* full path -> index */
    struct smap *tails;    /* every tail of a path after a '/' (so also
                              the name) -> index, or R_AMBIGUOUS */
    struct smap *pend_ix;  /* normalized text -> index into pend */
    struct pending *pend;
    int npend;
    char **created;        /* "path（kind）" */
    int ncreated;
};

enum { R_UNKNOWN = -1, R_AMBIGUOUS = -2 };

/* Indexes item i: its path, and each tail of it. */
static int index_item(struct import_orgs *o, int i)
{
    const char *path = o->items[i].path;
    if (smap_put(o->paths, path, i))
        return -1;
    for (const char *p = path; p; p = strchr(p, '/')) {
        if (*p == '/')
            p++;
        if (p == path && strchr(path, '/'))
            continue;   /* the whole path is not a tail of itself */
        int64_t had;
        if (smap_put(o->tails, p,
                     smap_get(o->tails, p, &had) ? R_AMBIGUOUS : i))
            return -1;
    }
    return 0;
}

static int ensure(struct import_ctx *c, zb_err *err)
{
    if (c->orgs)
        return 0;
    struct import_orgs *o = c->orgs = calloc(1, sizeof *c->orgs);
    if (!o || !(o->pend_ix = smap_new()) || !(o->paths = smap_new()) ||
        !(o->tails = smap_new()))
        return zb_fail(err, "内存不足");
    if (org_list(c->d, &o->items, &o->n, err))
        return -1;
    o->cap = o->n;
    for (int i = 0; i < o->n; i++)
        if (index_item(o, i))
            return zb_fail(err, "内存不足");
    return 0;
}

/* Adds a created organisation to the items and the maps. */
static int add_item(struct import_orgs *o, const struct org *g,
                    const char *path, int depth)
{
    if (o->n == o->cap) {
        int cap = o->cap ? o->cap * 2 : 16;
        struct org_item *v = realloc(o->items, sizeof *v * (size_t)cap);
        if (!v)
            return -1;
        o->items = v;
        o->cap = cap;
    }
    struct org_item *it = &o->items[o->n];
    memset(it, 0, sizeof *it);
    it->id = g->id;
    it->parent_id = g->parent_id;
    it->depth = depth;
    it->active = true;
    snprintf(it->name, sizeof it->name, "%.*s", (int)sizeof it->name - 1,
             g->name);
    snprintf(it->kind, sizeof it->kind, "%s", g->kind);
    snprintf(it->path, sizeof it->path, "%.*s", (int)sizeof it->path - 1,
             path);
    return index_item(o, o->n++);
}

/* Slashes normalized: "／" and "\" become "/", no spaces around one,
 * none at the ends. */
static void normalize(const char *s, char *out, size_t outsz)
{
    size_t k = 0;
    while (*s && k + 1 < outsz) {
        if (strncmp(s, "／", 3) == 0 || *s == '\\' || *s == '/') {
            s += *s == '/' || *s == '\\' ? 1 : 3;
            while (k > 0 && out[k - 1] == ' ')
                k--;
            if (k > 0 && out[k - 1] != '/')
                out[k++] = '/';
            while (*s == ' ')
                s++;
            continue;
        }
        out[k++] = *s++;
    }
    while (k > 0 && out[k - 1] == '/')
        k--;
    out[k] = '\0';
}

/* Index of the organisation a normalized text names, or R_*: its
 * full path, else a tail of paths (a name, or the end of a path) that
 * only one organisation has. */
static int lookup(const struct import_orgs *o, const char *t)
{
    int64_t i;
    if (smap_get(o->paths, t, &i) || smap_get(o->tails, t, &i))
        return (int)i;
    return R_UNKNOWN;
}

const char *import_org_guess_kind(const char *name)
{
    static const struct {
        const char *suffix, *kind;
    } ends[] = {
        {"党工委", "街道党工委"}, {"党委", "社区党委"},
        {"党总支", "社区党总支"}, {"党小组", "党小组"},
        {"中心户", "党员中心户"},
    };
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t k = strlen(ends[i].suffix);
        if (n >= k && strcmp(name + n - k, ends[i].suffix) == 0)
            return ends[i].kind;
    }
    if (strstr(name, "网格"))
        return "网格党支部";
    if (strstr(name, "小区"))
        return "小区党支部";
    if (strstr(name, "社区"))
        return "社区党支部";
    return "功能型党支部";
}

/* Creates the missing levels of t. 0 and *id, or -1 with a row message
 * in msg (err untouched) or a database error (*fatal). */
static int create(struct import_ctx *c, const char *t, int64_t *id,
                  char *msg, size_t msgsz, bool *fatal, zb_err *err)
{
    struct import_orgs *o = c->orgs;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", t);
    char *level[PATH_MAX_LEVELS];
    int nl = 0;
    for (char *p = strtok(buf, "/"); p; p = strtok(NULL, "/")) {
        if (nl == PATH_MAX_LEVELS) {
            snprintf(msg, msgsz, "路径超过 %d 级", PATH_MAX_LEVELS);
            return -1;
        }
        level[nl++] = p;
    }
    /* the longest existing head of the path */
    int64_t parent = 0;
    int depth = 0;
    char path[2048] = "";   /* of parent */
    int from = 0;
    for (int k = nl - 1; k >= 1 && !parent; k--) {
        char head[1024] = "";
        for (int j = 0; j < k; j++) {
            strncat(head, level[j], sizeof head - strlen(head) - 2);
            if (j + 1 < k)
                strcat(head, "/");
        }
        int i = lookup(o, head);
        if (i >= 0) {
            parent = o->items[i].id;
            depth = o->items[i].depth + 1;
            snprintf(path, sizeof path, "%s", o->items[i].path);
            from = k;
        }
    }
    if (nl == 1) {
        int roots = 0;
        for (int i = 0; i < o->n; i++)
            if (o->items[i].depth == 0) {
                roots++;
                parent = o->items[i].id;
                snprintf(path, sizeof path, "%s", o->items[i].path);
            }
        depth = roots == 1 ? 1 : 0;
        if (roots != 1) {
            parent = 0;
            path[0] = '\0';
        }
    }
    for (int k = from; k < nl; k++) {
        struct org g;
        org_init(&g);
        g.parent_id = parent;
        snprintf(g.name, sizeof g.name, "%s", level[k]);
        snprintf(g.kind, sizeof g.kind, "%s",
                 import_org_guess_kind(level[k]));
        /* Checked first: a refused organisation is the row's problem,
         * while a failed org_save rolls back the whole import. */
        zb_err e;
        const char *field = NULL;
        if (org_validate(c->d, &g, &field, &e)) {
            snprintf(msg, msgsz, "无法新建党组织「%s」：%s", level[k], e.msg);
            return -1;
        }
        if (org_save(c->d, &g, &e)) {
            *fatal = true;
            return zb_fail(err, "新建党组织「%s」失败：%s", level[k], e.msg);
        }
        parent = g.id;
        size_t pl = strlen(path);
        snprintf(path + pl, sizeof path - pl, "%s%s", pl ? "/" : "", level[k]);
        if (add_item(o, &g, path, depth++))
            return *fatal = true, zb_fail(err, "内存不足");
        char **cr = realloc(o->created, sizeof *cr * (size_t)(o->ncreated + 1));
        if (!cr)
            return *fatal = true, zb_fail(err, "内存不足");
        o->created = cr;
        size_t need = strlen(path) + strlen(g.kind) + 16;
        if (!(cr[o->ncreated] = malloc(need)))
            return *fatal = true, zb_fail(err, "内存不足");
        snprintf(cr[o->ncreated++], need, "%s（%s）", path, g.kind);
    }
    *id = parent;
    return 0;
}

static int note_unknown(struct import_orgs *o, const char *t, long line,
                        zb_err *err)
{
    int64_t ix;
    if (smap_get(o->pend_ix, t, &ix)) {
        o->pend[ix].rows++;
        return 0;
    }
    struct pending *p = realloc(o->pend, sizeof *p * (size_t)(o->npend + 1));
    if (!p)
        return zb_fail(err, "内存不足");
    o->pend = p;
    if (!(p[o->npend].text = strdup(t)) ||
        smap_put(o->pend_ix, t, o->npend))
        return zb_fail(err, "内存不足");
    p[o->npend].first_line = line;
    p[o->npend].rows = 1;
    o->npend++;
    return 0;
}

int import_org_for_member(struct import_ctx *c, long line, int col,
                          const char *text, bool has_left, int64_t *id,
                          zb_err *err)
{
    *id = 0;
    if (ensure(c, err))
        return -1;
    struct import_orgs *o = c->orgs;
    char t[1024];
    normalize(text, t, sizeof t);
    int i = lookup(o, t);
    if (i == R_AMBIGUOUS) {
        import_error(c, line, col, "有多个党组织叫「%s」，请写出完整路径"
                     "（如 上级党组织/%s）", t, t);
        return 0;
    }
    if (i == R_UNKNOWN) {
        if (note_unknown(o, t, line, err))
            return -1;
        if (!c->opt->create_orgs) {
            import_error(c, line, col, "党组织「%s」不存在", t);
            return 0;
        }
        char msg[600];
        bool fatal = false;
        int64_t made = 0;
        if (create(c, t, &made, msg, sizeof msg, &fatal, err)) {
            if (fatal)
                return -1;
            import_error(c, line, col, "%s", msg);
            return 0;
        }
        for (i = o->n - 1; i >= 0 && o->items[i].id != made; i--)
            ;
        if (i < 0)
            return zb_fail(err, "新建的党组织读不到");
    }
    const struct org_item *it = &o->items[i];
    /* a member who left may have been in a branch dissolved since */
    if (!it->active && !has_left) {
        import_error(c, line, col, "党组织「%s」已撤销", it->path);
        return 0;
    }
    if (!domain_org_holds_members(it->kind)) {
        import_error(c, line, col, "「%s」是%s，党员应编入其下的党支部或党小组",
                     it->path, it->kind);
        return 0;
    }
    *id = it->id;
    return 0;
}

void import_orgs_report(struct import_ctx *c, FILE *out)
{
    struct import_orgs *o = c->orgs;
    if (!o)
        return;
    bool dry = c->opt->dry_run || c->res->errors;
    if (o->npend && !c->opt->create_orgs) {
        fprintf(out, "不存在的党组织（%d 个，加 --create-orgs 可自动新建）：\n",
                o->npend);
        for (int i = 0; i < o->npend; i++)
            fprintf(out, "  %s（第 %ld 行起，共 %ld 行）\n", o->pend[i].text,
                    o->pend[i].first_line, o->pend[i].rows);
    }
    if (o->ncreated) {
        fprintf(out, "%s的党组织（%d 个）：\n",
                dry ? "将新建（本次未写入）" : "新建", o->ncreated);
        for (int i = 0; i < o->ncreated; i++)
            fprintf(out, "  %s\n", o->created[i]);
    }
}

void import_orgs_free(struct import_ctx *c)
{
    struct import_orgs *o = c->orgs;
    if (!o)
        return;
    free(o->items);
    smap_free(o->paths);
    smap_free(o->tails);
    smap_free(o->pend_ix);
    for (int i = 0; i < o->npend; i++)
        free(o->pend[i].text);
    free(o->pend);
    for (int i = 0; i < o->ncreated; i++)
        free(o->created[i]);
    free(o->created);
    free(o);
    c->orgs = NULL;
}
