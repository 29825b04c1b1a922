#include "tui/tree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pinyin.h"
#include "text.h"
#include "tui/app.h"
#include "tui/key.h"

/* Columns of indentation per level in the first cell. */
#define TREE_INDENT 2
/* Deeper levels are not indented further (keeps the name visible). */
#define TREE_MAX_INDENT_DEPTH 16

struct tnode {
    int64_t id;
    int parent;                     /* index, -1 = root */
    int first_child, last_child, next_sibling;
    int depth;
    int mark;
    bool expanded;
    bool match, shown;              /* under the current filter */
    long row;                       /* visible row, -1 = hidden */
    char **cells;
    char *search;
};

struct tree {
    int ncells;
    struct tnode *v;
    int n, cap;
    int first_root, last_root;

    /* id -> index + 1 (0 = empty slot); open addressing. */
    int *slots;
    size_t nslots;

    /* Ids expanded before the last tree_clear (sorted). */
    int64_t *kept;
    long nkept;

    /* The visible rows as node indexes, rebuilt lazily. */
    int *vis;
    long nvis;
    bool dirty;
    char *filter;                   /* filter vis was built for */
};

/* ---- the id index ---- */

static size_t hash_id(int64_t id, size_t mask)
{
    uint64_t x = (uint64_t)id * 0x9E3779B97F4A7C15ull;
    return (size_t)(x >> 17) & mask;
}

static int find_index(const tree *t, int64_t id)
{
    if (!t->nslots)
        return -1;
    size_t mask = t->nslots - 1;
    for (size_t h = hash_id(id, mask);; h = (h + 1) & mask) {
        int s = t->slots[h];
        if (s == 0)
            return -1;
        if (t->v[s - 1].id == id)
            return s - 1;
    }
}

static void slot_put(int *slots, size_t nslots, const struct tnode *v,
                     int idx)
{
    size_t mask = nslots - 1;
    size_t h = hash_id(v[idx].id, mask);
    while (slots[h] != 0)
        h = (h + 1) & mask;
    slots[h] = idx + 1;
}

static int grow_slots(tree *t, size_t want)
{
    size_t ns = t->nslots ? t->nslots : 64;
    while (ns < want * 2)
        ns *= 2;
    if (ns == t->nslots)
        return 0;
    int *s = calloc(ns, sizeof *s);
    if (!s)
        return -1;
    for (int i = 0; i < t->n; i++)
        slot_put(s, ns, t->v, i);
    free(t->slots);
    t->slots = s;
    t->nslots = ns;
    return 0;
}

/* ---- life cycle ---- */

tree *tree_new(int ncells)
{
    tree *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->ncells = ncells > 0 ? ncells : 1;
    t->first_root = t->last_root = -1;
    t->filter = strdup("");
    if (!t->filter) {
        free(t);
        return NULL;
    }
    return t;
}

static void free_nodes(tree *t)
{
    for (int i = 0; i < t->n; i++) {
        for (int c = 0; c < t->ncells; c++)
            free(t->v[i].cells[c]);
        free(t->v[i].cells);
        free(t->v[i].search);
    }
    t->n = 0;
}

void tree_free(tree *t)
{
    if (!t)
        return;
    free_nodes(t);
    free(t->v);
    free(t->slots);
    free(t->kept);
    free(t->vis);
    free(t->filter);
    free(t);
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

void tree_clear(tree *t)
{
    long k = 0;
    for (int i = 0; i < t->n; i++)
        k += t->v[i].expanded;
    int64_t *kept = k ? malloc((size_t)k * sizeof *kept) : NULL;
    free(t->kept);
    t->kept = NULL;
    t->nkept = 0;
    if (kept) {
        long j = 0;
        for (int i = 0; i < t->n; i++)
            if (t->v[i].expanded)
                kept[j++] = t->v[i].id;
        qsort(kept, (size_t)j, sizeof *kept, cmp_i64);
        t->kept = kept;
        t->nkept = j;
    }
    free_nodes(t);
    if (t->slots)
        memset(t->slots, 0, t->nslots * sizeof *t->slots);
    t->first_root = t->last_root = -1;
    t->nvis = 0;
    t->dirty = true;
}

int tree_add(tree *t, int64_t id, int64_t parent_id, int mark,
             const char *const *cells, const char *search)
{
    if (id == 0 || find_index(t, id) >= 0)
        return -1;
    if (t->n == t->cap) {
        int cap = t->cap ? t->cap * 2 : 64;
        struct tnode *v = realloc(t->v, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        t->v = v;
        t->cap = cap;
    }
    if (grow_slots(t, (size_t)t->n + 1) < 0)
        return -1;
    struct tnode *x = &t->v[t->n];
    memset(x, 0, sizeof *x);
    x->cells = calloc((size_t)t->ncells, sizeof *x->cells);
    x->search = strdup(search ? search : "");
    if (!x->cells || !x->search)
        goto oom;
    for (int c = 0; c < t->ncells; c++) {
        x->cells[c] = strdup(cells && cells[c] ? cells[c] : "");
        if (!x->cells[c])
            goto oom;
    }
    x->id = id;
    x->mark = mark;
    x->first_child = x->last_child = x->next_sibling = -1;
    x->row = -1;
    x->expanded = t->nkept &&
        bsearch(&id, t->kept, (size_t)t->nkept, sizeof id, cmp_i64);
    int p = parent_id ? find_index(t, parent_id) : -1;
    x->parent = p;
    x->depth = p >= 0 ? t->v[p].depth + 1 : 0;
    int idx = t->n++;
    if (p >= 0) {
        if (t->v[p].last_child >= 0)
            t->v[t->v[p].last_child].next_sibling = idx;
        else
            t->v[p].first_child = idx;
        t->v[p].last_child = idx;
    } else {
        if (t->last_root >= 0)
            t->v[t->last_root].next_sibling = idx;
        else
            t->first_root = idx;
        t->last_root = idx;
    }
    slot_put(t->slots, t->nslots, t->v, idx);
    t->dirty = true;
    return 0;
oom:
    if (x->cells) {
        for (int c = 0; c < t->ncells; c++)
            free(x->cells[c]);
        free(x->cells);
    }
    free(x->search);
    return -1;
}

/* ---- the visible rows ---- */

static bool only_letters(const char *q)
{
    if (!*q)
        return false;
    for (; *q; q++)
        if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
            return false;
    return true;
}

/* Marks the nodes matching filter and their ancestors as shown. */
static void mark_matches(tree *t, const char *filter)
{
    char low[256];
    const char *lowq = NULL;
    if (only_letters(filter) && strlen(filter) < sizeof low) {
        memcpy(low, filter, strlen(filter) + 1);
        lowq = text_ascii_lower(low);
    }
    for (int i = 0; i < t->n; i++)
        t->v[i].match = t->v[i].shown = false;
    for (int i = 0; i < t->n; i++) {
        struct tnode *x = &t->v[i];
        x->match = text_contains_ci(x->cells[0], filter) ||
                   text_contains_ci(x->search, filter) ||
                   (lowq && pinyin_match_initials(x->cells[0], lowq));
        if (!x->match)
            continue;
        /* Stop at the first ancestor already shown: each node is
         * climbed through once, so this stays O(n). */
        for (int a = i; a >= 0 && !t->v[a].shown; a = t->v[a].parent)
            t->v[a].shown = true;
    }
}

/* Depth first from the roots; a node's children are visited when it is
 * expanded (no filter) or shown (filter). Iterative: any depth. */
static void rebuild(tree *t)
{
    bool filtered = t->filter[0] != '\0';
    if (filtered)
        mark_matches(t, t->filter);
    for (long r = 0; r < t->nvis; r++)
        t->v[t->vis[r]].row = -1;
    if (t->nvis == 0)
        for (int i = 0; i < t->n; i++)
            t->v[i].row = -1;
    if (!t->vis && t->n) {
        t->vis = malloc((size_t)t->cap * sizeof *t->vis);
        if (!t->vis) {
            t->nvis = 0;
            return;
        }
    } else if (t->n) {
        int *nv = realloc(t->vis, (size_t)t->cap * sizeof *nv);
        if (!nv) {
            t->nvis = 0;
            return;
        }
        t->vis = nv;
    }
    long k = 0;
    int i = t->first_root;
    while (i >= 0) {
        struct tnode *x = &t->v[i];
        bool show = !filtered || x->shown;
        if (show) {
            x->row = k;
            t->vis[k++] = i;
        }
        bool open = filtered ? x->shown : x->expanded;
        if (show && open && x->first_child >= 0) {
            i = x->first_child;
            continue;
        }
        /* Next sibling, or climb until an ancestor has one. */
        while (i >= 0 && t->v[i].next_sibling < 0)
            i = t->v[i].parent;
        if (i >= 0)
            i = t->v[i].next_sibling;
    }
    t->nvis = k;
    t->dirty = false;
}

static void use_filter(tree *t, const char *filter)
{
    if (!filter)
        filter = "";
    if (strcmp(filter, t->filter) != 0) {
        char *f = strdup(filter);
        if (f) {
            free(t->filter);
            t->filter = f;
            t->dirty = true;
        }
    }
    if (t->dirty)
        rebuild(t);
}

static void settle(const tree *t)
{
    if (t->dirty)
        rebuild((tree *)t);
}

/* The first cell: indentation, marker, name. */
static void first_cell(const tree *t, const struct tnode *x, char *out,
                       size_t outsz)
{
    int d = x->depth < TREE_MAX_INDENT_DEPTH ? x->depth
                                             : TREE_MAX_INDENT_DEPTH;
    int ind = d * TREE_INDENT;
    char marker = ' ';
    if (x->first_child >= 0) {
        bool open = x->expanded;
        if (t->filter[0]) {
            open = false;
            for (int c = x->first_child; c >= 0; c = t->v[c].next_sibling)
                if (t->v[c].shown) {
                    open = true;
                    break;
                }
        }
        marker = open ? '-' : '+';
    }
    snprintf(out, outsz, "%*s%c %s", ind, "", marker, x->cells[0]);
}

/* ---- the list view source ---- */

static int src_count(void *ctx, const char *filter, long *n, zb_err *err)
{
    (void)err;
    tree *t = ctx;
    use_filter(t, filter);
    *n = t->nvis;
    return 0;
}

static int src_fetch(void *ctx, const char *filter, long offset, int limit,
                     struct lv_rowset *rs, zb_err *err)
{
    tree *t = ctx;
    use_filter(t, filter);
    const char **cells = malloc((size_t)t->ncells * sizeof *cells);
    size_t bufsz = TREE_MAX_INDENT_DEPTH * TREE_INDENT + 8;
    char *buf = NULL;
    if (!cells)
        return zb_fail(err, "内存不足");
    for (long r = offset; r < t->nvis && r < offset + limit; r++) {
        const struct tnode *x = &t->v[t->vis[r]];
        size_t need = bufsz + strlen(x->cells[0]);
        char *b = realloc(buf, need);
        if (!b)
            goto oom;
        buf = b;
        first_cell(t, x, buf, need);
        cells[0] = buf;
        for (int c = 1; c < t->ncells; c++)
            cells[c] = x->cells[c];
        if (lv_rowset_add(rs, x->id, x->mark, cells) < 0)
            goto oom;
    }
    free(buf);
    free(cells);
    return 0;
oom:
    free(buf);
    free(cells);
    return zb_fail(err, "内存不足");
}

static int src_locate(void *ctx, const char *filter, int64_t id, long *pos,
                      zb_err *err)
{
    (void)err;
    tree *t = ctx;
    use_filter(t, filter);
    int i = find_index(t, id);
    *pos = i >= 0 ? t->v[i].row : -1;
    return 0;
}

const struct lv_source tree_lv_source = {
    .count = src_count,
    .fetch = src_fetch,
    .locate = src_locate,
};

/* ---- queries ---- */

long tree_size(const tree *t)
{
    return t->n;
}

long tree_visible(const tree *t)
{
    settle(t);
    return t->nvis;
}

int64_t tree_id_at(const tree *t, long row)
{
    settle(t);
    if (row < 0 || row >= t->nvis)
        return 0;
    return t->v[t->vis[row]].id;
}

long tree_row_of(const tree *t, int64_t id)
{
    settle(t);
    int i = find_index(t, id);
    return i >= 0 ? t->v[i].row : -1;
}

int tree_depth(const tree *t, int64_t id)
{
    int i = find_index(t, id);
    return i >= 0 ? t->v[i].depth : -1;
}

int64_t tree_parent(const tree *t, int64_t id)
{
    int i = find_index(t, id);
    return i >= 0 && t->v[i].parent >= 0 ? t->v[t->v[i].parent].id : 0;
}

bool tree_has_children(const tree *t, int64_t id)
{
    int i = find_index(t, id);
    return i >= 0 && t->v[i].first_child >= 0;
}

bool tree_expanded(const tree *t, int64_t id)
{
    int i = find_index(t, id);
    return i >= 0 && t->v[i].expanded;
}

bool tree_is_ancestor(const tree *t, int64_t a, int64_t b)
{
    int ia = find_index(t, a);
    for (int i = find_index(t, b); ia >= 0 && i >= 0; i = t->v[i].parent)
        if (i == ia)
            return true;
    return false;
}

int tree_subtree(const tree *t, int64_t id, int64_t **ids, long *n)
{
    *ids = NULL;
    *n = 0;
    int root = find_index(t, id);
    if (root < 0)
        return 0;
    int64_t *out = malloc((size_t)t->n * sizeof *out);
    if (!out)
        return -1;
    long k = 0;
    int i = root;
    for (;;) {
        out[k++] = t->v[i].id;
        if (t->v[i].first_child >= 0) {
            i = t->v[i].first_child;
            continue;
        }
        while (i != root && t->v[i].next_sibling < 0)
            i = t->v[i].parent;
        if (i == root)
            break;
        i = t->v[i].next_sibling;
    }
    *ids = out;
    *n = k;
    return 0;
}

/* ---- expanding ---- */

void tree_set_expanded(tree *t, int64_t id, bool expanded)
{
    int i = find_index(t, id);
    if (i < 0 || t->v[i].expanded == expanded)
        return;
    t->v[i].expanded = expanded;
    t->dirty = true;
}

void tree_toggle(tree *t, int64_t id)
{
    tree_set_expanded(t, id, !tree_expanded(t, id));
}

void tree_reveal(tree *t, int64_t id)
{
    int i = find_index(t, id);
    if (i < 0)
        return;
    for (int p = t->v[i].parent; p >= 0; p = t->v[p].parent) {
        if (!t->v[p].expanded) {
            t->v[p].expanded = true;
            t->dirty = true;
        }
    }
}

void tree_expand_levels(tree *t, int depth)
{
    for (int i = 0; i < t->n; i++)
        t->v[i].expanded = t->v[i].depth < depth;
    t->dirty = true;
}

static void expand_subtree(tree *t, int root)
{
    int i = root;
    for (;;) {
        t->v[i].expanded = true;
        if (t->v[i].first_child >= 0) {
            i = t->v[i].first_child;
            continue;
        }
        while (i != root && t->v[i].next_sibling < 0)
            i = t->v[i].parent;
        if (i == root)
            break;
        i = t->v[i].next_sibling;
    }
    t->dirty = true;
}

static int reload_keep(tree *t, listview *lv, int64_t id)
{
    (void)t;
    lv_reload(lv, NULL);
    long row = tree_row_of(t, id);
    if (row >= 0)
        lv_set_cursor(lv, row);
    return TUI_HANDLED | TUI_REDRAW;
}

int tree_key(tree *t, listview *lv, int key)
{
    if (lv_filtering(lv))
        return TUI_UNHANDLED;
    bool right = key == TUI_FN(KEY_RIGHT) || key == '+';
    bool left = key == TUI_FN(KEY_LEFT) || key == '-';
    bool all = key == '*';
    if (!right && !left && !all)
        return TUI_UNHANDLED;
    int64_t id = lv_selected_id(lv);
    int i = id ? find_index(t, id) : -1;
    if (i < 0)
        return TUI_HANDLED;
    struct tnode *x = &t->v[i];
    bool filtered = lv_filter(lv)[0] != '\0';
    if (all) {
        if (x->first_child >= 0)
            expand_subtree(t, i);
        return reload_keep(t, lv, id);
    }
    if (right) {
        if (x->first_child < 0)
            return TUI_HANDLED;
        if (!filtered && !x->expanded) {
            x->expanded = true;
            t->dirty = true;
            return reload_keep(t, lv, id);
        }
        /* Open already: step onto the first visible child. */
        for (int c = x->first_child; c >= 0; c = t->v[c].next_sibling) {
            if (tree_row_of(t, t->v[c].id) >= 0)
                return reload_keep(t, lv, t->v[c].id);
        }
        return TUI_HANDLED;
    }
    if (!filtered && x->expanded && x->first_child >= 0) {
        x->expanded = false;
        t->dirty = true;
        return reload_keep(t, lv, id);
    }
    if (x->parent >= 0)
        return reload_keep(t, lv, t->v[x->parent].id);
    return TUI_HANDLED;
}

void tree_focus(tree *t, listview *lv, int64_t id)
{
    zb_err e;
    tree_reveal(t, id);
    lv_reload(lv, &e);
    long row = tree_row_of(t, id);
    if (row < 0 && *lv_filter(lv)) {
        lv_set_filter(lv, "");
        row = tree_row_of(t, id);
    }
    if (row >= 0)
        lv_set_cursor(lv, row);
}
