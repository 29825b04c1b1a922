/* Members: the derived keys (search text, sort keys), the search
 * indexes and the tally.
 *
 * The search indexes hold, per member, its grams as words: every
 * non-ASCII character, every pair of adjacent CJK ideographs, every 1-3
 * letter piece of a run of letters (member_name_search, rowid: a sort_py
 * prefix and the id, so that it lists members in pinyin order), and
 * every 4-digit piece of a run of digits and the 1-3 digit tails of each
 * run (member_search, rowid: the id). Every substring of 1-4 digits is
 * thus a prefix of some digit word. Two tables: digits are three
 * quarters of the words, and sparse rowids would make their lists three
 * times larger.
 *
 * The tally (member_tally) counts members per (gram, register state) for
 * those grams and also every 1-3 digit substring, every sort_py block
 * (its first 3 bytes) and the register itself: a filter that is one gram
 * is counted by one row, and a position in pinyin order is found by
 * summing blocks and counting inside one. member.c keeps all of them in
 * step with the rows (member_index_update). */
#include "model/member_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pinyin.h"
#include "rules.h"
#include "text.h"

void member_number(int64_t id, char *out, size_t outsz)
{
    snprintf(out, outsz, "1%07lld", (long long)id);
}

static void append_word(char *out, size_t *o, size_t cap, const char *w)
{
    size_t n = strlen(w);
    if (!n || *o + n + 2 > cap)
        return;
    if (*o)
        out[(*o)++] = ' ';
    memcpy(out + *o, w, n);
    *o += n;
    out[*o] = '\0';
}

void member_keys(const member *m, char *search, char *sort_py,
                 char *sort_strokes)
{
    char name[sizeof m->name], initials[MEMBER_SEARCH_MAX / 2];
    char phone[40], idn[sizeof m->id_number];
    size_t o = 0;

    snprintf(name, sizeof name, "%s", m->name);
    text_ascii_lower(name);
    pinyin_initials(m->name, initials, sizeof initials);
    rules_digits(m->phone, phone, sizeof phone);
    snprintf(idn, sizeof idn, "%s", m->id_number);
    text_ascii_lower(idn);

    search[0] = '\0';
    append_word(search, &o, MEMBER_SEARCH_MAX, name);
    append_word(search, &o, MEMBER_SEARCH_MAX, initials);
    append_word(search, &o, MEMBER_SEARCH_MAX, phone);
    append_word(search, &o, MEMBER_SEARCH_MAX, idn);
    append_word(search, &o, MEMBER_SEARCH_MAX, m->member_no);
    pinyin_sort_key(m->name, sort_py, MEMBER_SORTKEY_MAX);
    pinyin_stroke_key(m->name, sort_strokes, MEMBER_SORTKEY_MAX);
}

/* ---- grams ---- */

static bool is_letter(char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static const int32_t digit_base[5] = {0, 1, 11, 111, 1111};

int32_t gram_digits(const char *p, int k)
{
    int32_t v = 0;
    for (int i = 0; i < k; i++)
        v = v * 10 + (p[i] - '0');
    return digit_base[k] + v;
}

int gram_digit_len(int32_t g)
{
    for (int k = 1; k <= 4; k++)
        if (g >= digit_base[k] && g < (k < 4 ? digit_base[k + 1]
                                             : GRAM_LETTERS))
            return k;
    return 0;
}

int32_t gram_letters(const char *p, int k)
{
    int32_t v = 0;
    for (int i = 0; i < k; i++)
        v = v * 27 + (p[i] - 'a' + 1);
    return GRAM_LETTERS + v;
}

bool gram_pair_ok(uint32_t a, uint32_t b)
{
    return a >= GRAM_CJK_FIRST && a < GRAM_CJK_FIRST + GRAM_CJK_N &&
           b >= GRAM_CJK_FIRST && b < GRAM_CJK_FIRST + GRAM_CJK_N;
}

int32_t gram_pair(uint32_t a, uint32_t b)
{
    return GRAM_PAIR + (int32_t)(a - GRAM_CJK_FIRST) * GRAM_CJK_N +
           (int32_t)(b - GRAM_CJK_FIRST);
}

int32_t gram_sort(const char *s)
{
    int32_t v = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < 3; i++)
        v = v * 256 + (i < n ? (unsigned char)s[i] : 0);
    return GRAM_SORT + v;
}

static size_t run_end(const char *s, size_t i, size_t len,
                      bool (*in)(char))
{
    while (i < len && in(s[i]))
        i++;
    return i;
}

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

#define PUSH(g) do { if (n < cap) out[n++] = (g); } while (0)

/* The grams of a search text, unsorted; all_digits adds every 1-3 digit
 * substring (tally) to the index grams. */
static int grams_of(const char *s, int32_t *out, int cap, bool all_digits)
{
    size_t len = strlen(s), i = 0;
    int n = 0;
    uint32_t prev = 0;   /* the non-ASCII character just before, if any */
    while (i < len) {
        if ((unsigned char)s[i] >= 0x80) {
            uint32_t c;
            size_t k = text_decode(s + i, len - i, &c);
            PUSH(GRAM_CHAR + (int32_t)c);
            if (prev && gram_pair_ok(prev, c))
                PUSH(gram_pair(prev, c));
            prev = c;
            i += k ? k : 1;
            continue;
        }
        prev = 0;
        if (is_letter(s[i])) {
            size_t end = run_end(s, i, len, is_letter);
            for (size_t p = i; p < end; p++)
                for (size_t k = 1; k <= 3 && p + k <= end; k++)
                    PUSH(gram_letters(s + p, (int)k));
            i = end;
        } else if (is_digit(s[i])) {
            size_t end = run_end(s, i, len, is_digit);
            for (size_t p = i; p < end; p++) {
                /* the 4 digits from p, or the tail if fewer are left */
                size_t k = end - p < 4 ? end - p : 4;
                PUSH(gram_digits(s + p, (int)k));
                for (size_t j = 1; all_digits && j <= 3 && p + j <= end; j++)
                    PUSH(gram_digits(s + p, (int)j));
            }
            i = end;
        } else {
            i++;
        }
    }
    return n;
}
#undef PUSH

static int sort_unique_i32(int32_t *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_i32);
    int u = 0;
    for (int k = 0; k < n; k++)
        if (u == 0 || v[u - 1] != v[k])
            v[u++] = v[k];
    return u;
}

/* Drops repeated grams (the first of each stays, order kept): a hash
 * set, several times faster than sorting ~150 grams per member in bulk
 * loads. */
static int unique_i32(int32_t *v, int n)
{
    int32_t small[1024], *set = small;
    size_t cap = 16;
    while (cap < (size_t)n * 2)
        cap *= 2;
    if (cap > sizeof small / sizeof small[0] &&
        !(set = malloc(sizeof *set * cap)))
        return sort_unique_i32(v, n);
    memset(set, 0xff, sizeof *set * cap);   /* -1: empty (grams >= 0) */
    int u = 0;
    for (int k = 0; k < n; k++) {
        size_t i = ((uint32_t)v[k] * 2654435761u) & (cap - 1);
        while (set[i] != -1 && set[i] != v[k])
            i = (i + 1) & (cap - 1);
        if (set[i] == -1) {
            set[i] = v[k];
            v[u++] = v[k];
        }
    }
    if (set != small)
        free(set);
    return u;
}

/* Changing what this returns changes the index words: the search index
 * must then be rebuilt (member_reindex), since removing a member's
 * document needs exactly the words it was added with. */
int member_grams(const char *search, int32_t *out)
{
    return sort_unique_i32(out, grams_of(search, out, MEMBER_GRAMS_MAX,
                                         false));
}

int member_tally_keys(const char *search, const char *sort_py, bool left,
                      int64_t *out)
{
    int32_t *g = malloc(sizeof *g * MEMBER_TALLY_MAX);
    if (!g)
        return -1;
    int n = grams_of(search, g, MEMBER_TALLY_MAX - 2, true);
    g[n++] = gram_sort(sort_py);
    g[n++] = GRAM_ALL;
    n = unique_i32(g, n);
    for (int i = 0; i < n; i++)
        out[i] = tally_key(g[i], left);
    free(g);
    return n;
}

static size_t base32(uint32_t v, char *out)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyz234567";
    char tmp[8];
    size_t n = 0, o = 0;
    do {
        tmp[n++] = digits[v & 31];
        v >>= 5;
    } while (v);
    while (n)
        out[o++] = tmp[--n];
    out[o] = '\0';
    return o;
}

size_t gram_word(int32_t g, bool left, char *out)
{
    size_t o = 0;
    out[o++] = left ? 'l' : 'a';
    int k = gram_digit_len(g);
    if (k) {
        out[o++] = 'd';
        for (int v = g - digit_base[k], i = k - 1; i >= 0; i--, v /= 10)
            out[o + (size_t)i] = (char)('0' + v % 10);
        o += (size_t)k;
        out[o] = '\0';
    } else if (g > GRAM_LETTERS && g < GRAM_CHAR) {
        char tmp[4];
        int n = 0;
        for (int32_t v = g - GRAM_LETTERS; v && n < 3; v /= 27)
            tmp[n++] = (char)('a' + v % 27 - 1);
        out[o++] = 'p';
        while (n)
            out[o++] = tmp[--n];
        out[o] = '\0';
    } else if (g >= GRAM_PAIR) {
        out[o++] = 'h';
        o += base32((uint32_t)(g - GRAM_PAIR), out + o);
    } else {
        out[o++] = 'c';
        o += base32((uint32_t)(g - GRAM_CHAR), out + o);
    }
    return o;
}

int member_index_words(const char *search, bool left, char *words[2],
                       size_t len[2])
{
    int32_t g[MEMBER_GRAMS_MAX];
    /* any order: a document's words are a set */
    int n = unique_i32(g, grams_of(search, g, MEMBER_GRAMS_MAX, false));
    words[0] = malloc((size_t)n * 16 + 1);
    words[1] = malloc((size_t)n * 16 + 1);
    if (!words[0] || !words[1]) {
        free(words[0]);
        free(words[1]);
        words[0] = words[1] = NULL;
        return -1;
    }
    len[0] = len[1] = 0;
    for (int i = 0; i < n; i++) {
        int which = gram_digit_len(g[i]) ? INDEX_DIGITS : INDEX_NAMES;
        len[which] += gram_word(g[i], left, words[which] + len[which]);
        words[which][len[which]++] = ' ';
    }
    words[0][len[0]] = words[1][len[1]] = '\0';
    return 0;
}

/* ---- keeping the index and the tally ---- */

/* The symbol of a sort_py byte; lossy symbols stand for several bytes,
 * so nothing after one may count (the rest of the prefix is 0). */
static int sort_symbol(unsigned char b, bool *lossy)
{
    *lossy = true;
    if (b < 0x20)
        return 1;
    if (b == ' ') {
        *lossy = false;
        return 2;
    }
    if (b < 'a')
        return 3;
    if (b <= 'z') {
        *lossy = false;
        return 4 + (b - 'a');
    }
    return b < 0x80 ? 30 : 31;
}

int64_t member_doc_rowid(const char *sort_py, int64_t id)
{
    if (id < 0 || id > DOC_ID_MASK)
        return -1;
    int64_t prefix = 0;
    bool stop = false;
    for (int i = 0; i < 7; i++) {
        int sym = 0;   /* past the end */
        if (!stop && sort_py[0]) {
            sym = sort_symbol((unsigned char)*sort_py++, &stop);
        } else {
            stop = true;
        }
        prefix = prefix * 32 + sym;
    }
    return prefix << DOC_ID_BITS | id;
}

/* The SQL of the two indexes: insert, delete (rowid, words). */
static const char *const fts_sql[2][2] = {
    [INDEX_DIGITS] = {
        "INSERT INTO member_search (rowid, grams) VALUES (?1, ?2)",
        "INSERT INTO member_search (member_search, rowid, grams)"
        " VALUES ('delete', ?1, ?2)"},
    [INDEX_NAMES] = {
        "INSERT INTO member_name_search (rowid, grams) VALUES (?1, ?2)",
        "INSERT INTO member_name_search (member_name_search, rowid, grams)"
        " VALUES ('delete', ?1, ?2)"},
};

static int fts_put(db *d, int64_t id, const char *search,
                   const char *sort_py, bool left, bool add, zb_err *err)
{
    int64_t rowid[2] = {[INDEX_DIGITS] = id,
                        [INDEX_NAMES] = member_doc_rowid(sort_py, id)};
    if (rowid[INDEX_NAMES] < 0)
        return zb_fail(err, "党员编号超出范围：%lld", (long long)id);
    char *words[2];
    size_t len[2];
    if (member_index_words(search, left, words, len))
        return zb_fail(err, "内存不足");
    int rc = SQLITE_DONE;
    sqlite3_stmt *st = NULL;
    for (int which = 0; which < 2 && rc == SQLITE_DONE; which++) {
        if (!(st = db_stmt(d, fts_sql[which][!add], err)))
            break;
        sqlite3_bind_int64(st, 1, rowid[which]);
        sqlite3_bind_text(st, 2, words[which], (int)len[which],
                          SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    free(words[0]);
    free(words[1]);
    if (!st)
        return -1;
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "更新搜索索引");
}

/* A count that reaches 0 is removed: a register whose members were all
 * erased again is empty (db_is_empty). */
static int tally_add(db *d, int64_t key, int64_t n, zb_err *err)
{
    static const char add[] =
        "INSERT INTO member_tally (key, n) VALUES (?1, ?2)"
        " ON CONFLICT (key) DO UPDATE SET n = n + excluded.n RETURNING n";
    static const char drop[] =
        "DELETE FROM member_tally WHERE key = ?1 AND n = 0";
    sqlite3_stmt *st = db_stmt(d, add, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_int64(st, 2, n);
    int rc = sqlite3_step(st);
    bool zero = rc == SQLITE_ROW && sqlite3_column_int64(st, 0) == 0;
    if (rc == SQLITE_ROW)
        rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(d, err, "更新搜索计数");
    if (!zero)
        return 0;
    if (!(st = db_stmt(d, drop, err)))
        return -1;
    sqlite3_bind_int64(st, 1, key);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "更新搜索计数");
}

/* Tally keys of a document (malloc'ed; *n of them), NULL: none. */
static int64_t *doc_keys(const struct index_doc *doc, int *n)
{
    *n = 0;
    if (!doc)
        return NULL;
    int64_t *keys = malloc(sizeof *keys * MEMBER_TALLY_MAX);
    if (keys)
        *n = member_tally_keys(doc->search, doc->sort_py,
                               doc->left_kind != 0, keys);
    return keys;
}

int member_index_update(db *d, int64_t id, const struct index_doc *old,
                        const struct index_doc *now, zb_err *err)
{
    if ((old && fts_put(d, id, old->search, old->sort_py,
                        old->left_kind != 0, false, err)) ||
        (now && fts_put(d, id, now->search, now->sort_py,
                        now->left_kind != 0, true, err)))
        return -1;
    int no, nn, rc = 0;
    int64_t *ko = doc_keys(old, &no), *kn = doc_keys(now, &nn);
    if ((old && (!ko || no < 0)) || (now && (!kn || nn < 0))) {
        free(ko);
        free(kn);
        return zb_fail(err, "内存不足");
    }
    /* only the keys that differ change */
    if (ko)
        qsort(ko, (size_t)no, sizeof *ko, cmp_i64);
    if (kn)
        qsort(kn, (size_t)nn, sizeof *kn, cmp_i64);
    int i = 0, j = 0;
    while (!rc && (i < no || j < nn)) {
        if (j >= nn || (i < no && ko[i] < kn[j]))
            rc = tally_add(d, ko[i++], -1, err);
        else if (i >= no || kn[j] < ko[i])
            rc = tally_add(d, kn[j++], 1, err);
        else
            i++, j++;
    }
    free(ko);
    free(kn);
    return rc;
}

/* ---- in-memory tally ---- */

/* Open addressing, entries side by side (one cache miss per gram).
 * stamp: the last member counted in an entry, so that a member's
 * repeated grams count once without a separate pass to drop them. */
struct tally_slot {
    int64_t key;   /* -1: empty */
    int32_t n;     /* members (ids fit DOC_ID_BITS) */
    uint32_t stamp;
};
struct tally_map {
    struct tally_slot *slot;
    size_t cap, used;
    uint32_t stamp;
    int32_t grams[MEMBER_TALLY_MAX];
};

static struct tally_slot *slots_new(size_t cap)
{
    struct tally_slot *s = malloc(sizeof *s * cap);
    if (s)
        for (size_t i = 0; i < cap; i++)
            s[i] = (struct tally_slot){-1, 0, 0};
    return s;
}

struct tally_map *tally_map_new(void)
{
    struct tally_map *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->cap = 1 << 12;
    if (!(t->slot = slots_new(t->cap))) {
        free(t);
        return NULL;
    }
    return t;
}

void tally_map_free(struct tally_map *t)
{
    if (!t)
        return;
    free(t->slot);
    free(t);
}

static size_t slot_of(const struct tally_slot *slot, size_t cap,
                      int64_t key)
{
    uint64_t h = (uint64_t)key * 0x9E3779B97F4A7C15ULL;
    size_t i = (size_t)(h >> 20) & (cap - 1);
    while (slot[i].key != -1 && slot[i].key != key)
        i = (i + 1) & (cap - 1);
    return i;
}

static int map_grow(struct tally_map *t)
{
    size_t cap = t->cap * 2;
    struct tally_slot *s = slots_new(cap);
    if (!s)
        return -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i].key != -1)
            s[slot_of(s, cap, t->slot[i].key)] = t->slot[i];
    free(t->slot);
    t->slot = s;
    t->cap = cap;
    return 0;
}

/* The same keys as member_tally_keys, counted once per member. */
int tally_map_add(struct tally_map *t, const char *search,
                  const char *sort_py, bool left)
{
    int32_t *g = t->grams;
    int n = grams_of(search, g, MEMBER_TALLY_MAX - 2, true);
    g[n++] = gram_sort(sort_py);
    g[n++] = GRAM_ALL;
    if (++t->stamp == 0) {   /* wrapped: forget the old stamps */
        for (size_t i = 0; i < t->cap; i++)
            t->slot[i].stamp = 0;
        t->stamp = 1;
    }
    for (int i = 0; i < n; i++) {
        if (t->used * 2 >= t->cap && map_grow(t))
            return -1;
        int64_t key = tally_key(g[i], left);
        struct tally_slot *e = &t->slot[slot_of(t->slot, t->cap, key)];
        if (e->key == -1) {
            e->key = key;
            t->used++;
        }
        if (e->stamp != t->stamp) {
            e->stamp = t->stamp;
            e->n++;
        }
    }
    return 0;
}

/* The map's entries in key order (malloc'ed indexes into the map). */
static size_t *map_sorted(const struct tally_map *t)
{
    size_t *ix = malloc(sizeof *ix * (t->used + 1)), k = 0;
    int64_t *keys = malloc(sizeof *keys * (t->used + 1));
    if (!ix || !keys) {
        free(ix);
        free(keys);
        return NULL;
    }
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i].key != -1)
            keys[k++] = t->slot[i].key;
    qsort(keys, k, sizeof *keys, cmp_i64);
    for (size_t i = 0; i < k; i++)
        ix[i] = slot_of(t->slot, t->cap, keys[i]);
    free(keys);
    return ix;
}

int tally_map_write(db *d, const struct tally_map *t, zb_err *err)
{
    /* (counts only grow here: no zeros to remove) */
    static const char sql[] =
        "INSERT INTO member_tally (key, n) VALUES (?1, ?2)"
        " ON CONFLICT (key) DO UPDATE SET n = n + excluded.n";
    size_t *ix = map_sorted(t);   /* in key order: b-tree appends */
    if (!ix)
        return zb_fail(err, "内存不足");
    int rc = SQLITE_DONE;
    for (size_t i = 0; i < t->used && rc == SQLITE_DONE; i++) {
        sqlite3_stmt *st = db_stmt(d, sql, err);
        if (!st) {
            free(ix);
            return -1;
        }
        sqlite3_bind_int64(st, 1, t->slot[ix[i]].key);
        sqlite3_bind_int64(st, 2, t->slot[ix[i]].n);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
    }
    free(ix);
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "更新搜索计数");
}

int tally_map_compare(db *d, const struct tally_map *t, bool *same,
                      zb_err *err)
{
    static const char sql[] =
        "SELECT key, n FROM member_tally ORDER BY key";
    size_t *ix = map_sorted(t);
    if (!ix)
        return zb_fail(err, "内存不足");
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st) {
        free(ix);
        return -1;
    }
    size_t i = 0;
    int rc;
    *same = true;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *same) {
        while (i < t->used && t->slot[ix[i]].n == 0)
            i++;
        *same = i < t->used &&
                t->slot[ix[i]].key == sqlite3_column_int64(st, 0) &&
                t->slot[ix[i]].n == sqlite3_column_int64(st, 1);
        i++;
    }
    while (*same && i < t->used && t->slot[ix[i]].n == 0)
        i++;
    if (rc == SQLITE_DONE && i < t->used)
        *same = false;
    sqlite3_reset(st);
    free(ix);
    return rc == SQLITE_DONE || rc == SQLITE_ROW
               ? 0 : db_fail(d, err, "检查搜索计数");
}

/* ---- consistency of the derived keys ---- */

#define KEY_COLS "id, member_no, name, phone, id_number, search, sort_py," \
    " sort_strokes, left_kind"

/* Reads the key-relevant part of a row (KEY_COLS) and recomputes. */
static bool keys_stale(sqlite3_stmt *st, char *search)
{
    member m;
    char py[MEMBER_SORTKEY_MAX], strokes[MEMBER_SORTKEY_MAX];
    char old[MEMBER_SEARCH_MAX];
    member_init(&m);
    db_text(st, 1, m.member_no, sizeof m.member_no);
    db_text(st, 2, m.name, sizeof m.name);
    db_text(st, 3, m.phone, sizeof m.phone);
    db_text(st, 4, m.id_number, sizeof m.id_number);
    member_keys(&m, search, py, strokes);
    db_text(st, 5, old, sizeof old);
    bool same = strcmp(old, search) == 0;
    db_text(st, 6, old, sizeof old);
    same = same && strcmp(old, py) == 0;
    db_text(st, 7, old, sizeof old);
    return !(same && strcmp(old, strokes) == 0);
}

int member_check_keys(db *d, long *stale, bool *grams_ok, zb_err *err)
{
    static const char sql[] = "SELECT " KEY_COLS " FROM member";
    static const char vocab[] =
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.member_search_vocab"
        " USING fts5vocab(main, member_search, 'row');"
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.member_name_search_vocab"
        " USING fts5vocab(main, member_name_search, 'row')";
    static const char count[] =
        "SELECT (SELECT coalesce(sum(doc), 0) FROM temp.member_search_vocab)"
        " + (SELECT coalesce(sum(doc), 0)"
        "    FROM temp.member_name_search_vocab)";
    *stale = 0;
    *grams_ok = true;
    long long want = 0, have = -1;
    struct tally_map *t = tally_map_new();
    if (!t)
        return zb_fail(err, "内存不足");
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        goto fail;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char search[MEMBER_SEARCH_MAX], stored[MEMBER_SEARCH_MAX];
        char py[MEMBER_SORTKEY_MAX];
        int32_t g[MEMBER_GRAMS_MAX];
        if (keys_stale(st, search))
            (*stale)++;
        /* the index and tally were made from the stored keys */
        db_text(st, 5, stored, sizeof stored);
        db_text(st, 6, py, sizeof py);
        want += member_grams(stored, g);
        if (tally_map_add(t, stored, py, sqlite3_column_int(st, 8) != 0)) {
            sqlite3_reset(st);
            zb_fail(err, "内存不足");
            goto fail;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "检查搜索索引");
        goto fail;
    }
    if (db_exec(d, vocab, err) || !(st = db_stmt(d, count, err)))
        goto fail;
    if (sqlite3_step(st) == SQLITE_ROW)
        have = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    bool same = false;
    if (tally_map_compare(d, t, &same, err))
        goto fail;
    *grams_ok = have == want && same;
    tally_map_free(t);
    return 0;
fail:
    tally_map_free(t);
    return -1;
}

int member_reindex(db *d, zb_err *err)
{
    static const char sql[] = "SELECT " KEY_COLS " FROM member";
    static const char upd[] =
        "UPDATE member SET search = ?2, sort_py = ?3, sort_strokes = ?4"
        " WHERE id = ?1";
    struct tally_map *t = tally_map_new();
    if (!t)
        return zb_fail(err, "内存不足");
    if (db_begin(d, err)) {
        tally_map_free(t);
        return -1;
    }
    if (db_exec(d, "INSERT INTO member_search (member_search)"
                   " VALUES ('delete-all');"
                   "INSERT INTO member_name_search (member_name_search)"
                   " VALUES ('delete-all');"
                   "DELETE FROM member_tally;", err))
        goto fail;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        goto fail;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        member m;
        char search[MEMBER_SEARCH_MAX], py[MEMBER_SORTKEY_MAX];
        char strokes[MEMBER_SORTKEY_MAX];
        int64_t id = sqlite3_column_int64(st, 0);
        bool left = sqlite3_column_int(st, 8) != 0;
        member_init(&m);
        db_text(st, 1, m.member_no, sizeof m.member_no);
        db_text(st, 2, m.name, sizeof m.name);
        db_text(st, 3, m.phone, sizeof m.phone);
        db_text(st, 4, m.id_number, sizeof m.id_number);
        member_keys(&m, search, py, strokes);
        sqlite3_stmt *u = db_stmt(d, upd, err);
        if (!u)
            break;
        sqlite3_bind_int64(u, 1, id);
        sqlite3_bind_text(u, 2, search, -1, SQLITE_STATIC);
        sqlite3_bind_text(u, 3, py, -1, SQLITE_STATIC);
        sqlite3_bind_text(u, 4, strokes, -1, SQLITE_STATIC);
        int urc = sqlite3_step(u);
        sqlite3_reset(u);
        if (urc != SQLITE_DONE) {
            db_fail(d, err, "重建搜索索引");
            break;
        }
        if (fts_put(d, id, search, py, left, true, err))
            break;
        if (tally_map_add(t, search, py, left)) {
            zb_fail(err, "内存不足");
            break;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        if (rc != SQLITE_ROW)
            db_fail(d, err, "重建搜索索引");
        goto fail;
    }
    if (tally_map_write(d, t, err) || db_commit(d, err))
        goto fail;
    tally_map_free(t);
    return 0;
fail:
    tally_map_free(t);
    db_rollback(d);
    return -1;
}
