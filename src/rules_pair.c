/* The pairing assistant's rules. Helpers are grouped per node at each
 * level (楼栋, 网格, 片区, 社区, and everyone for RP_OTHER); each group
 * is a min-heap on (load, member id) kept in place inside one sorted
 * array. Loads only grow, so a heap entry may hold a load lower than the
 * helper's current one: such an entry is re-keyed when it reaches the
 * top (lazy update), which keeps every choice exact. */
#include "rules_pair.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

const char *const rp_locality_label[] = {
    "", "同一楼栋", "同一网格", "同一片区", "同一社区", "其他"
};

void rules_pair_opts_default(struct rp_opts *o)
{
    o->max_load = 3;
    o->allow_other = false;
}

static int64_t place_key(const struct rp_place *p, int level)
{
    switch (level) {
    case RP_BUILDING: return p->building;
    case RP_GRID: return p->grid;
    case RP_AREA: return p->area;
    case RP_COMMUNITY: return p->community;
    default: return 1;     /* RP_OTHER: one group of everyone */
    }
}

int rules_pair_locality(const struct rp_place *a, const struct rp_place *b)
{
    for (int l = RP_BUILDING; l <= RP_COMMUNITY; l++) {
        int64_t ka = place_key(a, l);
        if (ka && ka == place_key(b, l))
            return l;
    }
    return RP_OTHER;
}

void rules_pair_reason(int locality, int load, char *out, size_t outsz)
{
    if (locality < RP_BUILDING || locality > RP_OTHER)
        locality = RP_OTHER;
    snprintf(out, outsz, "%s，当前帮扶 %d 户",
             locality == RP_OTHER ? "其他社区" : rp_locality_label[locality],
             load);
}

uint64_t rules_pair_home_key(const char *address)
{
    if (!address)
        return 0;
    uint64_t h = UINT64_C(14695981039346656037);
    int chars = 0;
    size_t len = strlen(address);
    while (len) {
        uint32_t c;
        size_t k = text_decode(address, len, &c);
        address += k;
        len -= k;
        if (c >= 0xFF01 && c <= 0xFF5E)
            c -= 0xFEE0;            /* full width to ASCII */
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                c += 'a' - 'A';
            else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                continue;           /* spaces, punctuation */
        } else if ((c >= 0x3000 && c <= 0x303F) || c == 0xFFE5 ||
                   (c >= 0x2000 && c <= 0x206F)) {
            continue;               /* CJK and general punctuation */
        }
        chars++;
        for (int i = 0; i < 4; i++) {
            h ^= (c >> (8 * i)) & 0xFF;
            h *= UINT64_C(1099511628211);
        }
    }
    if (chars < 4)
        return 0;
    return h ? h : 1;
}

/* ---- groups ---- */

struct entry {
    int64_t key;
    int64_t member_id;
    int load;        /* the load when the entry was (re)placed */
    int idx;         /* into the helpers array */
};

struct level {
    struct entry *e;         /* grouped by key; each group a heap */
    size_t n;
    /* groups: start of each in e, its current heap size */
    size_t *start, *size;
    int64_t *gkey;
    size_t ngroups;
    /* key -> group: open addressing, mask + 1 slots, -1 = empty */
    long *slot;
    size_t mask;
};

static bool less(const struct entry *a, const struct entry *b)
{
    if (a->load != b->load)
        return a->load < b->load;
    return a->member_id < b->member_id;
}

static void sift_down(struct entry *h, size_t n, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, m = i;
        if (l < n && less(&h[l], &h[m]))
            m = l;
        if (l + 1 < n && less(&h[l + 1], &h[m]))
            m = l + 1;
        if (m == i)
            return;
        struct entry t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

static void sift_up(struct entry *h, size_t i)
{
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!less(&h[i], &h[p]))
            return;
        struct entry t = h[i];
        h[i] = h[p];
        h[p] = t;
        i = p;
    }
}

static struct entry heap_pop(struct entry *h, size_t *n)
{
    struct entry top = h[0];
    h[0] = h[--*n];
    sift_down(h, *n, 0);
    return top;
}

static void heap_push(struct entry *h, size_t *n, struct entry e)
{
    h[*n] = e;
    sift_up(h, (*n)++);
}

static void level_free(struct level *lv)
{
    free(lv->e);
    free(lv->start);
    free(lv->size);
    free(lv->gkey);
    free(lv->slot);
}

static size_t hash_key(int64_t k, size_t mask)
{
    uint64_t x = (uint64_t)k * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(x >> 32) & mask;
}

/* The group of key, -1 if none (add: make one). */
static long group_of(struct level *lv, int64_t key, bool add)
{
    size_t i = hash_key(key, lv->mask);
    while (lv->slot[i] >= 0) {
        if (lv->gkey[lv->slot[i]] == key)
            return lv->slot[i];
        i = (i + 1) & lv->mask;
    }
    if (!add)
        return -1;
    lv->gkey[lv->ngroups] = key;
    lv->start[lv->ngroups] = lv->size[lv->ngroups] = 0;
    lv->slot[i] = (long)lv->ngroups;
    return (long)lv->ngroups++;
}

/* Groups the helpers of `order` (eligible ones, sorted by load then
 * member id) by their node at `level`: a counting sort, so that each
 * group's range is already in heap order. */
static int level_build(struct level *lv, int level,
                       const struct rp_helper *helpers, const int *order,
                       size_t nel, int max_load)
{
    memset(lv, 0, sizeof *lv);
    size_t cap = 16;
    while (cap < 2 * nel)
        cap *= 2;
    lv->mask = cap - 1;
    size_t m = nel ? nel : 1;
    lv->e = malloc(m * sizeof *lv->e);
    lv->start = malloc(m * sizeof *lv->start);
    lv->size = malloc(m * sizeof *lv->size);
    lv->gkey = malloc(m * sizeof *lv->gkey);
    lv->slot = malloc(cap * sizeof *lv->slot);
    long *gid = malloc(m * sizeof *gid);
    if (!lv->e || !lv->start || !lv->size || !lv->gkey || !lv->slot ||
        !gid) {
        free(gid);
        return -1;
    }
    memset(lv->slot, 0xff, cap * sizeof *lv->slot);    /* all -1 */
    for (size_t i = 0; i < nel; i++) {
        const struct rp_helper *h = &helpers[order[i]];
        int64_t k = place_key(&h->place, level);
        gid[i] = !k || h->load >= max_load ? -1 : group_of(lv, k, true);
        if (gid[i] >= 0)
            lv->size[gid[i]]++;
    }
    size_t at = 0;
    for (size_t g = 0; g < lv->ngroups; g++) {
        lv->start[g] = at;
        at += lv->size[g];
        lv->size[g] = 0;
    }
    lv->n = at;
    for (size_t i = 0; i < nel; i++) {
        if (gid[i] < 0)
            continue;
        const struct rp_helper *h = &helpers[order[i]];
        size_t g = (size_t)gid[i];
        lv->e[lv->start[g] + lv->size[g]++] =
            (struct entry){lv->gkey[g], h->member_id, h->load, order[i]};
    }
    free(gid);
    return 0;
}

static bool excluded(const struct rp_helper *h, const struct rp_household *hh)
{
    if (hh->member_id && h->member_id == hh->member_id)
        return true;
    return h->home_key &&
           (h->home_key == hh->home_key[0] || h->home_key == hh->home_key[1]);
}

struct run {
    const struct rp_helper *helpers;
    int *load;                /* current load per helper */
    int max_load;
    struct entry *aside;      /* popped for exclusion, pushed back */
    size_t naside, aside_cap;
};

/* The best helper of one group for hh (taken: its load grows), or -1. */
static int take(struct run *r, struct level *lv, long g,
                const struct rp_household *hh)
{
    struct entry *h = lv->e + lv->start[g];
    size_t *n = &lv->size[g];
    int found = -1;
    r->naside = 0;
    while (*n > 0) {
        struct entry top = h[0];
        int cur = r->load[top.idx];
        if (cur >= r->max_load) {
            heap_pop(h, n);
            continue;
        }
        if (top.load != cur) {
            h[0].load = cur;
            sift_down(h, *n, 0);
            continue;
        }
        if (excluded(&r->helpers[top.idx], hh)) {
            if (r->naside == r->aside_cap) {
                size_t cap = r->aside_cap ? r->aside_cap * 2 : 16;
                struct entry *a = realloc(r->aside, cap * sizeof *a);
                if (!a)
                    return -2;
                r->aside = a;
                r->aside_cap = cap;
            }
            r->aside[r->naside++] = heap_pop(h, n);
            continue;
        }
        found = top.idx;
        r->load[found]++;
        if (r->load[found] >= r->max_load) {
            heap_pop(h, n);
        } else {
            h[0].load = r->load[found];
            sift_down(h, *n, 0);
        }
        break;
    }
    for (size_t i = 0; i < r->naside; i++)
        heap_push(h, n, r->aside[i]);
    return found;
}

struct by_load {
    int64_t member_id;
    int load, idx;
};

static int cmp_by_load(const void *pa, const void *pb)
{
    const struct by_load *a = pa, *b = pb;
    if (a->load != b->load)
        return a->load < b->load ? -1 : 1;
    return a->member_id < b->member_id ? -1 : a->member_id > b->member_id;
}

/* Sorts the helper indices v by (load, member id). */
static int sort_by_load(const struct rp_helper *helpers, int *v, size_t n)
{
    struct by_load *t = malloc((n ? n : 1) * sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < n; i++)
        t[i] = (struct by_load){helpers[v[i]].member_id, helpers[v[i]].load,
                                v[i]};
    qsort(t, n, sizeof *t, cmp_by_load);
    for (size_t i = 0; i < n; i++)
        v[i] = t[i].idx;
    free(t);
    return 0;
}

struct order {
    int level;
    int64_t id;
    size_t idx;
};

static int cmp_order(const void *pa, const void *pb)
{
    const struct order *a = pa, *b = pb;
    if (a->level != b->level)
        return a->level > b->level ? -1 : 1;
    if (a->id != b->id)
        return a->id < b->id ? -1 : 1;
    return 0;
}

static bool place_empty(const struct rp_place *p)
{
    return !p->building && !p->grid && !p->area && !p->community;
}

int rules_pair_suggest(const struct rp_household *hh, size_t nhh,
                       const struct rp_helper *helpers, size_t nhelpers,
                       const struct rp_opts *opts, struct rp_suggestion *out)
{
    struct rp_opts def;
    if (!opts) {
        rules_pair_opts_default(&def);
        opts = &def;
    }
    int nlevels = opts->allow_other ? RP_OTHER : RP_COMMUNITY;
    struct level lv[RP_LOCALITY_N];
    memset(lv, 0, sizeof lv);
    int *eligible = malloc((nhelpers ? nhelpers : 1) * sizeof *eligible);
    int *load = malloc((nhelpers ? nhelpers : 1) * sizeof *load);
    struct order *ord = malloc((nhh ? nhh : 1) * sizeof *ord);
    struct run r = {helpers, load, opts->max_load, NULL, 0, 0};
    int rc = -1;
    if (!eligible || !load || !ord)
        goto done;
    size_t nel = 0;
    for (size_t i = 0; i < nhelpers; i++) {
        const struct rp_helper *h = &helpers[i];
        load[i] = h->load;
        if (!h->left && !h->lost && !h->suspended && !h->in_need &&
            h->member_id > 0)
            eligible[nel++] = (int)i;
    }
    if (sort_by_load(helpers, eligible, nel))
        goto done;
    for (int l = RP_BUILDING; l <= nlevels; l++)
        if (level_build(&lv[l], l, helpers, eligible, nel, opts->max_load))
            goto done;
    for (size_t i = 0; i < nhh; i++)
        ord[i] = (struct order){hh[i].level, hh[i].id, i};
    qsort(ord, nhh, sizeof *ord, cmp_order);
    for (size_t k = 0; k < nhh; k++) {
        const struct rp_household *h = &hh[ord[k].idx];
        struct rp_suggestion *s = &out[ord[k].idx];
        memset(s, 0, sizeof *s);
        s->household_id = h->id;
        s->helper = -1;
        for (int l = RP_BUILDING; l <= nlevels; l++) {
            int64_t key = place_key(&h->place, l);
            if (!key)
                continue;
            long g = group_of(&lv[l], key, false);
            if (g < 0)
                continue;
            int got = take(&r, &lv[l], g, h);
            if (got == -2)
                goto done;
            if (got >= 0) {
                s->member_id = helpers[got].member_id;
                s->helper = got;
                s->locality = l;
                s->load = load[got] - 1;
                rules_pair_reason(l, s->load, s->reason, sizeof s->reason);
                break;
            }
        }
        if (!s->member_id)
            snprintf(s->reason, sizeof s->reason, "%s",
                     place_empty(&h->place) && !opts->allow_other
                         ? "未登记居住网格，无法就近推荐"
                         : opts->allow_other ? "暂无可结对的党员"
                                             : "本社区暂无可结对的党员");
    }
    rc = 0;
done:
    for (int l = 0; l < RP_LOCALITY_N; l++)
        level_free(&lv[l]);
    free(eligible);
    free(load);
    free(ord);
    free(r.aside);
    return rc;
}
