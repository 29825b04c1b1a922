/* The import framework: header matching, the pass over the rows inside
 * one transaction, the report. The kinds are in import_<kind>.c. */
#include "io/import_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rules.h"

/* in the order a whole register imports (each names what those before
 * it made) */
static const struct import_kind *const kinds[] = {
    &import_grids_kind, &import_org_tree_kind, &import_members_kind,
    &import_org_posts_kind, &import_grid_roles_kind, &import_households_kind,
    &import_pairs_kind, &import_visits_kind,
    &import_meetings_kind, &import_attendance_kind,
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

/* Page cache during an import: the member table's indexes of 100,000
 * members fit (bench/RESULTS.md). */
#define IMPORT_CACHE_KIB (128 * 1024)

/* Records before the header that may be titles ("党员信息表"). */
#define HEADER_SEARCH 10

const char *import_kind_names(void)
{
    return "grids、orgs、members、org-posts、grid-roles、households、pairs、"
           "visits、meetings、attendance";
}

static const struct import_kind *find_kind(const char *name)
{
    for (size_t i = 0; i < NKINDS; i++)
        if (name && strcmp(kinds[i]->name, name) == 0)
            return kinds[i];
    return NULL;
}

bool import_kind_known(const char *kind)
{
    return find_kind(kind) != NULL;
}

/* ---- report helpers ---- */

void import_error(struct import_ctx *c, long line, int col, const char *fmt,
                  ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (col >= 0)
        fprintf(c->errors, "  第 %ld 行「%s」：%s\n", line,
                c->kind->cols[col].name, msg);
    else
        fprintf(c->errors, "  第 %ld 行：%s\n", line, msg);
    if (c->last_error_line != line) {
        c->last_error_line = line;
        c->res->errors++;
    }
}

bool import_row_bad(const struct import_ctx *c, long line)
{
    return c->last_error_line == line;
}

void import_change(struct import_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("  ", c->changes);
    vfprintf(c->changes, fmt, ap);
    fputc('\n', c->changes);
    va_end(ap);
}

void import_note(struct import_ctx *c, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(c->notes, "  第 %ld 行：", line);
    vfprintf(c->notes, fmt, ap);
    fputc('\n', c->notes);
    va_end(ap);
}

/* ---- values ---- */

/* Leading and trailing white space: ASCII, U+3000 (full-width space),
 * U+00A0 and U+FEFF (a stray byte order mark). */
static size_t space_at(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
        c == '\f')
        return 1;
    if (strncmp(s, "\xE3\x80\x80", 3) == 0 ||
        strncmp(s, "\xEF\xBB\xBF", 3) == 0)
        return 3;
    if (strncmp(s, "\xC2\xA0", 2) == 0)
        return 2;
    return 0;
}

static char *trim(char *s)
{
    size_t k;
    while ((k = space_at(s)))
        s += k;
    size_t n = strlen(s);
    for (;;) {
        if (n >= 1 && space_at(s + n - 1) == 1)
            n -= 1;
        else if (n >= 2 && space_at(s + n - 2) == 2)
            n -= 2;
        else if (n >= 3 && space_at(s + n - 3) == 3)
            n -= 3;
        else
            break;
    }
    s[n] = '\0';
    return s;
}

bool import_date(const char *v, char out[11])
{
    if (rules_date_normalize(v, out))
        return true;
    /* "2021/7/1 0:00" or "2021-07-01 00:00:00": a date cell */
    const char *sp = strchr(v, ' ');
    if (!sp || sp - v > 16)
        return false;
    const char *t = sp + 1;
    if (strspn(t, "0123456789:") != strlen(t) || !strchr(t, ':'))
        return false;
    char d[17];
    memcpy(d, v, (size_t)(sp - v));
    d[sp - v] = '\0';
    return rules_date_normalize(d, out);
}

int import_yes_no(const char *v)
{
    static const char *const yes[] = {"是", "Y", "YES", "1", "TRUE", "有", "√"};
    static const char *const no[] = {"否", "N", "NO", "0", "FALSE", "无"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (strcasecmp(v, yes[i]) == 0)
            return 1;
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (strcasecmp(v, no[i]) == 0)
            return 0;
    return -1;
}

/* ---- string map: open addressing, FNV-1a ---- */

struct smap {
    char **keys;
    int64_t *values;
    size_t cap, n;
};

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

struct smap *smap_new(void)
{
    struct smap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->cap = 64;
    m->keys = calloc(m->cap, sizeof *m->keys);
    m->values = calloc(m->cap, sizeof *m->values);
    if (!m->keys || !m->values) {
        smap_free(m);
        return NULL;
    }
    return m;
}

void smap_free(struct smap *m)
{
    if (!m)
        return;
    for (size_t i = 0; m->keys && i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->values);
    free(m);
}

static size_t slot(const struct smap *m, const char *key)
{
    size_t i = (size_t)hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

bool smap_get(const struct smap *m, const char *key, int64_t *value)
{
    size_t i = slot(m, key);
    if (!m->keys[i])
        return false;
    *value = m->values[i];
    return true;
}

int smap_put(struct smap *m, const char *key, int64_t value)
{
    if ((m->n + 1) * 2 > m->cap) {
        struct smap big = {calloc(m->cap * 2, sizeof *big.keys),
                           calloc(m->cap * 2, sizeof *big.values),
                           m->cap * 2, m->n};
        if (!big.keys || !big.values) {
            free(big.keys);
            free(big.values);
            return -1;
        }
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i]) {
                size_t j = slot(&big, m->keys[i]);
                big.keys[j] = m->keys[i];
                big.values[j] = m->values[i];
            }
        free(m->keys);
        free(m->values);
        *m = big;
    }
    size_t i = slot(m, key);
    if (!m->keys[i]) {
        if (!(m->keys[i] = strdup(key)))
            return -1;
        m->n++;
    }
    m->values[i] = value;
    return 0;
}

/* ---- header ---- */

/* A header cell as people write it: "*姓名", "联系电话（手机）",
 * "出生日期:" all name their column. */
static void header_key(const char *cell, char *out, size_t outsz)
{
    size_t k = 0;
    for (const char *p = cell; *p && k + 4 < outsz;) {
        size_t sp = space_at(p);
        if (sp) {
            p += sp;
            continue;
        }
        out[k++] = *p++;
    }
    out[k] = '\0';
    char *s = out;
    while (*s == '*' || strncmp(s, "＊", 3) == 0)
        s += *s == '*' ? 1 : 3;
    memmove(out, s, strlen(s) + 1);
    /* a trailing (hint) or （hint） */
    char *open = strstr(out, "（");
    if (!open)
        open = strchr(out, '(');
    if (open && open > out)
        *open = '\0';
    size_t n = strlen(out);
    if (n >= 3 && strcmp(out + n - 3, "：") == 0)
        out[n - 3] = '\0';
    else if (n >= 1 && out[n - 1] == ':')
        out[n - 1] = '\0';
}

static int match_column(const struct import_kind *k, const char *cell)
{
    char key[256];
    header_key(cell, key, sizeof key);
    if (!*key)
        return -1;
    for (int i = 0; i < k->ncols; i++) {
        if (strcmp(key, k->cols[i].name) == 0)
            return i;
        const char *a = k->cols[i].aliases;
        size_t kl = strlen(key);
        while (a && *a) {
            const char *bar = strchr(a, '|');
            size_t n = bar ? (size_t)(bar - a) : strlen(a);
            if (n == kl && strncmp(a, key, n) == 0)
                return i;
            a = bar ? bar + 1 : NULL;
        }
    }
    return -1;
}

static int count_known(const struct import_kind *k,
                       const struct csv_record *rec)
{
    int n = 0;
    for (int i = 0; i < rec->n; i++)
        if (match_column(k, rec->field[i]) >= 0)
            n++;
    return n;
}

/* ---- the run ---- */

struct run {
    struct import_ctx c;
    csv_reader *r;
    int *map;          /* file column -> kind column, -1 */
    int nmap;
    long header_line;
    char *err_text, *chg_text, *note_text;
    size_t err_len, chg_len, note_len;
};

static int find_header(struct run *u, FILE *head, zb_err *err)
{
    const struct import_kind *k = u->c.kind;
    struct csv_record rec;
    int rc;
    for (int tries = 0; tries < HEADER_SEARCH; tries++) {
        if ((rc = csv_next(u->r, &rec, err)) < 0)
            return -1;
        if (rc == 0)
            break;
        if (count_known(k, &rec) < 2) {
            fprintf(head, "第 %ld 行不是标题行，已跳过\n", rec.line);
            continue;
        }
        u->header_line = rec.line;
        u->nmap = rec.n;
        if (!(u->map = malloc(sizeof *u->map * (size_t)rec.n)))
            return zb_fail(err, "内存不足");
        int *first = calloc((size_t)k->ncols, sizeof *first);
        if (!first)
            return zb_fail(err, "内存不足");
        bool any_unknown = false;
        for (int i = 0; i < rec.n; i++) {
            int col = match_column(k, rec.field[i]);
            u->map[i] = col;
            if (col >= 0 && first[col]) {
                zb_fail(err, "第 %ld 行：第 %d 列和第 %d 列都是「%s」，"
                        "请删去其中一列", rec.line, first[col], i + 1,
                        k->cols[col].name);
                free(first);
                return -1;
            }
            if (col >= 0) {
                first[col] = i + 1;
                u->c.have[col] = true;
            } else if (*trim(rec.field[i])) {
                fprintf(head, "%s%s（第 %d 列）",
                        any_unknown ? "、" : "未识别的列（已忽略）：",
                        rec.field[i], i + 1);
                any_unknown = true;
            }
        }
        if (any_unknown)
            fputc('\n', head);
        free(first);
        return 0;
    }
    return zb_fail(err, "找不到标题行：文件前 %d 行中没有一行含两个以上"
                   "可识别的列名（如 姓名、公民身份号码）", HEADER_SEARCH);
}

/* Values of a data record by kind column; -1 if the row is not usable
 * (reported). */
static int values(struct run *u, struct csv_record *rec, const char **v)
{
    for (int i = 0; i < u->c.kind->ncols; i++)
        v[i] = "";
    for (int i = 0; i < rec->n; i++) {
        char *s = trim(rec->field[i]);
        if (i >= u->nmap) {
            if (*s) {
                import_error(&u->c, rec->line, -1,
                             "有 %d 个字段，多于标题行的 %d 列"
                             "（引号或分隔符有误？）", rec->n, u->nmap);
                return -1;
            }
            continue;
        }
        if (u->map[i] >= 0)
            v[u->map[i]] = s;
    }
    return 0;
}

/* Rows after the header, through fn (scan or row). */
static int pass(struct run *u, bool scan, zb_err *err)
{
    const struct import_kind *k = u->c.kind;
    const char **v = malloc(sizeof *v * (size_t)k->ncols);
    if (!v)
        return zb_fail(err, "内存不足");
    struct csv_record rec;
    int rc;
    while ((rc = csv_next(u->r, &rec, err)) == 1) {
        if (rec.line <= u->header_line)
            continue;
        if (scan) {
            for (int i = 0; i < k->ncols; i++)
                v[i] = "";
            for (int i = 0; i < rec.n && i < u->nmap; i++)
                if (u->map[i] >= 0)
                    v[u->map[i]] = trim(rec.field[i]);
            if (k->scan(&u->c, rec.line, v, err)) {
                rc = -1;
                break;
            }
            continue;
        }
        u->c.res->rows++;
        if (values(u, &rec, v))
            continue;
        if (k->row(&u->c, rec.line, v, err)) {
            rc = -1;
            break;
        }
    }
    free(v);
    return rc < 0 ? -1 : 0;
}

static void summary(struct run *u, FILE *out)
{
    const struct import_result *res = u->c.res;
    fflush(u->c.errors);
    fflush(u->c.changes);
    fflush(u->c.notes);
    import_orgs_report(&u->c, out);
    if (u->note_len)
        fprintf(out, "说明：\n%s", u->note_text);
    if (res->errors)
        fprintf(out, "错误（%ld 行）：\n%s", res->errors, u->err_text);
    if (res->updated)
        fprintf(out, "更新的%s（%ld 名）：\n%s", u->c.kind->label,
                res->updated, u->chg_text);
    fprintf(out, "结果：新增 %ld，更新 %ld，错误 %ld", res->added,
            res->updated, res->errors);
    if (res->unchanged)
        fprintf(out, "（另有 %ld 行与库中相同）", res->unchanged);
    if (res->errors)
        fputs("。有错误，未导入任何数据。\n", out);
    else if (u->c.opt->dry_run)
        fputs("。试运行，未写入数据库。\n", out);
    else
        fputs("。已导入。\n", out);
}

static int run(db *d, const struct import_kind *k, csv_reader *r,
               const char *name, const struct import_options *o,
               struct import_result *res, FILE *out, zb_err *err)
{
    struct run u = {.r = r};
    struct import_ctx *c = &u.c;
    c->d = d;
    c->opt = o;
    c->kind = k;
    c->res = res;
    c->last_error_line = -1;
    if (o->today && rules_date_valid(o->today))
        snprintf(c->today, sizeof c->today, "%s", o->today);
    else
        rules_today(c->today);
    c->have = calloc((size_t)k->ncols, sizeof *c->have);
    c->state = calloc(1, k->state_size ? k->state_size : 1);
    c->errors = open_memstream(&u.err_text, &u.err_len);
    c->changes = open_memstream(&u.chg_text, &u.chg_len);
    c->notes = open_memstream(&u.note_text, &u.note_len);
    int rc = (!c->have || !c->state || !c->errors || !c->changes ||
              !c->notes)
                 ? zb_fail(err, "内存不足") : 0;

    fprintf(out, "导入%s：%s（%s，%s分隔）\n", k->label, name,
            csv_encoding_label(csv_reader_encoding(r)),
            csv_reader_separator(r) == '\t' ? "制表符" : "逗号");
    if (rc == 0)
        rc = find_header(&u, out, err);
    if (rc == 0 && k->scan) {
        rc = pass(&u, true, err);
        csv_rewind(r);
    }
    bool began = false;
    if (rc == 0 && !(rc = db_set_cache(d, IMPORT_CACHE_KIB, err)) &&
        !(rc = db_begin(d, err))) {
        began = true;
        rc = k->begin(c, err);
    }
    if (rc == 0)
        rc = pass(&u, false, err);
    if (began) {
        bool keep = rc == 0 && res->errors == 0 && !o->dry_run;
        /* end always runs: it releases what begin staged */
        if (k->end(c, keep, rc == 0 ? err : NULL))
            rc = -1, keep = false;
        if (keep && db_commit(d, err))
            rc = -1, keep = false;
        if (!keep)
            db_rollback(d);
        res->written = keep;
    }
    db_set_cache(d, 0, NULL);
    if (rc == 0)
        summary(&u, out);
    import_orgs_free(c);
    if (c->errors)
        fclose(c->errors);
    if (c->changes)
        fclose(c->changes);
    if (c->notes)
        fclose(c->notes);
    free(u.err_text);
    free(u.chg_text);
    free(u.note_text);
    free(u.map);
    free(c->have);
    free(c->state);
    if (rc)
        return -1;
    return res->errors ? 1 : 0;
}

static int start(db *d, const char *kind, csv_reader *r, const char *name,
                 const struct import_options *o, struct import_result *res,
                 char **report, zb_err *err)
{
    const struct import_kind *k = find_kind(kind);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    int rc;
    if (!out)
        rc = zb_fail(err, "内存不足");
    else if (!k)
        rc = zb_fail(err, "不能导入「%s」（可导入：%s）", kind,
                     import_kind_names());
    else
        rc = run(d, k, r, name, o, res, out, err);
    if (out)
        fclose(out);
    if (report)
        *report = text;
    else
        free(text);
    return rc;
}

int import_mem(db *d, const char *kind, const void *data, size_t len,
               const char *name, const struct import_options *o,
               struct import_result *res, char **report, zb_err *err)
{
    memset(res, 0, sizeof *res);
    if (report)
        *report = NULL;
    csv_reader *r;
    if (csv_reader_open_mem(data, len, o->encoding, &r, err))
        return -1;
    int rc = start(d, kind, r, name, o, res, report, err);
    csv_reader_free(r);
    return rc;
}

int import_file(db *d, const char *kind, const char *path,
                const struct import_options *o, struct import_result *res,
                char **report, zb_err *err)
{
    memset(res, 0, sizeof *res);
    if (report)
        *report = NULL;
    if (!import_kind_known(kind))
        return zb_fail(err, "不能导入「%s」（可导入：%s）", kind,
                       import_kind_names());
    csv_reader *r;
    zb_err e;
    if (csv_reader_open_file(path, o->encoding, &r, &e))
        return zb_fail(err, "%s：%s", path, e.msg);
    const char *base = strrchr(path, '/');
    int rc = start(d, kind, r, base ? base + 1 : path, o, res, report, err);
    csv_reader_free(r);
    return rc;
}
