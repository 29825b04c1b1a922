/* Grids: the tree as a list (tree order, totals summed upward,
 * residents per subtree) and the node names' sort key. */
#include "model/grid_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pinyin.h"
#include "text.h"

/* Deeper than this can only be a parent cycle in damaged data. */
#define MAX_DEPTH 64

/* ---- sort key ---- */

static int cn_digit(uint32_t c)
{
    static const uint32_t dig[] = {0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                   0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
    if (c == 0x3007)              /* 〇 */
        return 0;
    if (c == 0x4E24)              /* 两 */
        return 2;
    for (int i = 0; i < 10; i++)
        if (dig[i] == c)
            return i;
    return -1;
}

static int cn_unit(uint32_t c)
{
    return c == 0x5341 ? 10 : c == 0x767E ? 100 : c == 0x5343 ? 1000 : 0;
}

static void put(char *out, size_t outsz, size_t *k, const char *s)
{
    size_t n = strlen(s);
    if (*k + n < outsz) {
        memcpy(out + *k, s, n);
        *k += n;
        out[*k] = '\0';
    }
}

size_t grid_sort_key(const char *name, char *out, size_t outsz)
{
    size_t k = 0, len = strlen(name), i = 0, text_from = 0;
    if (outsz == 0)
        return 0;
    out[0] = '\0';
    while (i <= len) {
        uint32_t c = 0;
        size_t step = i < len ? text_decode(name + i, len - i, &c) : 0;
        bool num = i < len && ((c >= '0' && c <= '9') || cn_digit(c) >= 0 ||
                               cn_unit(c) > 0);
        if (!num && i < len) {
            i += step;
            continue;
        }
        if (i > text_from) {
            /* the text before the number, as pinyin */
            char seg[256], key[512];
            size_t sn = i - text_from < sizeof seg - 1 ? i - text_from
                                                       : sizeof seg - 1;
            memcpy(seg, name + text_from, sn);
            seg[sn] = '\0';
            pinyin_sort_key(seg, key, sizeof key);
            put(out, outsz, &k, key);
        }
        if (i >= len)
            break;
        /* a number: ASCII digits, or Chinese numerals (十二, 二十, 一百零五,
         * or digit by digit as in 二〇二四) */
        unsigned long long total = 0, cur = 0, digits = 0;
        bool units = false, ascii = c >= '0' && c <= '9';
        while (i < len) {
            step = text_decode(name + i, len - i, &c);
            int dv = ascii ? (c >= '0' && c <= '9' ? (int)(c - '0') : -1)
                           : cn_digit(c);
            int u = ascii ? 0 : cn_unit(c);
            if (dv < 0 && u == 0)
                break;
            if (dv >= 0) {
                digits = digits * 10 + (unsigned)dv;
                cur = (unsigned)dv;
            } else {
                units = true;
                total += (cur ? cur : 1) * (unsigned)u;
                cur = 0;
            }
            if (digits > 999999999ULL)
                digits = 999999999ULL;
            i += step;
        }
        unsigned long long v = ascii || !units ? digits : total + cur;
        if (v > 999999999ULL)
            v = 999999999ULL;
        char nb[16];
        snprintf(nb, sizeof nb, "%09llu ", v);
        put(out, outsz, &k, nb);
        text_from = i;
    }
    return k;
}

/* ---- the tree ---- */

struct node {
    int64_t id, parent_id;
    int level;
    long households, population;
    long residents;
    int first_child, next_sibling;   /* indexes into the node array */
    bool placed;
    char name[GRID_NAME_CHARS * 4 + 1];
};

static int cmp_node_id(const void *a, const void *b)
{
    const struct node *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static int find_node(const struct node *v, int n, int64_t id)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (v[mid].id == id)
            return mid;
        if (v[mid].id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* Appends "/name" to a path, cut at a character boundary. */
static void path_join(char *out, size_t outsz, const char *parent,
                      const char *name)
{
    size_t pn = strlen(parent), nn = strlen(name), k = 0;
    if (pn >= outsz)
        pn = outsz - 1;
    memmove(out, parent, pn);
    k = pn;
    if (pn && k + 1 < outsz)
        out[k++] = '/';
    if (k + nn >= outsz) {
        nn = outsz - 1 - k;
        while (nn > 0 && ((unsigned char)name[nn] & 0xC0) == 0x80)
            nn--;
    }
    memcpy(out + k, name, nn);
    out[k + nn] = '\0';
}

struct placer {
    struct node *v;
    struct grid_item *out;
    int *parent_pos;     /* position in out of each placed item's parent */
    int k;
};

static void place(struct placer *p, int i, int depth, int parent_pos)
{
    struct node *x = &p->v[i];
    if (x->placed)
        return;
    x->placed = true;
    int pos = p->k++;
    struct grid_item *it = &p->out[pos];
    memset(it, 0, sizeof *it);
    it->id = x->id;
    it->parent_id = parent_pos >= 0 ? x->parent_id : 0;
    it->level = x->level;
    it->depth = depth;
    memcpy(it->name, x->name, sizeof it->name);
    path_join(it->path, sizeof it->path,
              parent_pos >= 0 ? p->out[parent_pos].path : "", x->name);
    it->households = x->households;
    it->population = x->population;
    it->residents = x->residents;
    p->parent_pos[pos] = parent_pos;
    if (depth >= MAX_DEPTH)
        return;
    for (int c = x->first_child; c >= 0; c = p->v[c].next_sibling)
        place(p, c, depth + 1, pos);
}

static long add_figure(long sum, long v)
{
    return v < 0 ? sum : sum < 0 ? v : sum + v;
}

/* Totals bottom-up: items are in tree order, so walking backwards sees
 * every child before its parent. */
static void compute_totals(struct grid_item *it, const int *parent_pos,
                           int n)
{
    for (int i = 0; i < n; i++) {
        it[i].child_households = it[i].child_population = -1;
    }
    for (int i = n - 1; i >= 0; i--) {
        struct grid_item *x = &it[i];
        x->total_households = x->households >= 0 ? x->households
                                                 : x->child_households;
        x->total_population = x->population >= 0 ? x->population
                                                 : x->child_population;
        int p = parent_pos[i];
        if (p >= 0) {
            it[p].child_households = add_figure(it[p].child_households,
                                                x->total_households);
            it[p].child_population = add_figure(it[p].child_population,
                                                x->total_population);
            it[p].residents += x->residents;
        }
    }
}

static int count_residents(db *d, struct node *v, int nv, zb_err *err)
{
    static const char sql[] =
        "SELECT residence_id, count(*) FROM member"
        " WHERE residence_id IS NOT NULL AND left_kind = 0"
        " GROUP BY residence_id";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = find_node(v, nv, sqlite3_column_int64(st, 0));
        if (i >= 0)
            v[i].residents = (long)sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "统计网格居住党员");
}

static long figure(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL
        ? -1 : (long)sqlite3_column_int64(st, col);
}

int grid_load(db *d, bool residents, struct grid_item **items, int *n,
              zb_err *err)
{
    static const char sql[] =
        "SELECT id, coalesce(parent_id, 0), level, name, households,"
        " population FROM grid ORDER BY sort, sort_py, id";
    *items = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    struct node *v = NULL;
    int64_t *order = NULL;    /* sibling order, while v[] is by id */
    int nv = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (nv == cap) {
            cap = cap ? cap * 2 : 256;
            struct node *v2 = realloc(v, (size_t)cap * sizeof *v);
            if (v2)
                v = v2;
            int64_t *o2 = v2 ? realloc(order, (size_t)cap * sizeof *order)
                             : NULL;
            if (o2)
                order = o2;
            if (!v2 || !o2) {
                sqlite3_reset(st);
                free(v);
                free(order);
                return zb_fail(err, "内存不足");
            }
        }
        struct node *x = &v[nv];
        x->id = sqlite3_column_int64(st, 0);
        x->parent_id = sqlite3_column_int64(st, 1);
        x->level = sqlite3_column_int(st, 2);
        db_text(st, 3, x->name, sizeof x->name);
        x->households = figure(st, 4);
        x->population = figure(st, 5);
        x->residents = 0;
        x->first_child = x->next_sibling = -1;
        x->placed = false;
        order[nv++] = x->id;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(v);
        free(order);
        return db_fail(d, err, "读取网格");
    }
    if (nv == 0) {
        free(v);
        free(order);
        return 0;
    }
    qsort(v, (size_t)nv, sizeof *v, cmp_node_id);
    if (residents && count_residents(d, v, nv, err)) {
        free(v);
        free(order);
        return -1;
    }
    /* children in sibling order: push each onto its parent's list,
     * walking the order backwards */
    int *pos = malloc((size_t)nv * sizeof *pos);
    struct grid_item *out = malloc((size_t)nv * sizeof *out);
    int *parent_pos = malloc((size_t)nv * sizeof *parent_pos);
    if (!pos || !out || !parent_pos) {
        free(pos);
        free(out);
        free(parent_pos);
        free(v);
        free(order);
        return zb_fail(err, "内存不足");
    }
    for (int j = 0; j < nv; j++)
        pos[j] = find_node(v, nv, order[j]);
    for (int j = nv - 1; j >= 0; j--) {
        int i = pos[j];
        int p = v[i].parent_id ? find_node(v, nv, v[i].parent_id) : -1;
        if (p >= 0 && p != i) {
            v[i].next_sibling = v[p].first_child;
            v[p].first_child = i;
        }
    }
    struct placer pl = {v, out, parent_pos, 0};
    for (int j = 0; j < nv; j++) {
        int i = pos[j];
        if (!v[i].parent_id || find_node(v, nv, v[i].parent_id) < 0)
            place(&pl, i, 0, -1);
    }
    /* anything left is in a parent cycle: show it rather than hide it */
    for (int j = 0; j < nv; j++)
        place(&pl, pos[j], 0, -1);
    compute_totals(out, parent_pos, pl.k);
    free(pos);
    free(parent_pos);
    free(v);
    free(order);
    *items = out;
    *n = pl.k;
    return 0;
}

int grid_list(db *d, struct grid_item **items, int *n, zb_err *err)
{
    return grid_load(d, true, items, n, err);
}

struct id_pos {
    int64_t id;
    int pos;
};

static int cmp_id_pos(const void *a, const void *b)
{
    const struct id_pos *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

int *grid_index_new(const struct grid_item *items, int n)
{
    size_t m = (size_t)(n > 0 ? n : 1);
    int *idx = malloc(m * sizeof *idx);
    struct id_pos *v = malloc(m * sizeof *v);
    if (!idx || !v) {
        free(idx);
        free(v);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        v[i] = (struct id_pos){items[i].id, i};
    if (n > 1)
        qsort(v, (size_t)n, sizeof *v, cmp_id_pos);
    for (int i = 0; i < n; i++)
        idx[i] = v[i].pos;
    free(v);
    return idx;
}

int grid_index_find(const struct grid_item *items, const int *index, int n,
                    int64_t id)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int64_t x = items[index[mid]].id;
        if (x == id)
            return index[mid];
        if (x < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}
