/* Members: the windowed list (count, window, position) under a filter.
 *
 * A filter f matches when search LIKE '%f%' (member.search: lower-case
 * name, pinyin initials, phone digits, ID number, member number). The
 * list asks for a count and a window of ~2 screens on every keystroke,
 * and a scan of 100 000 rows costs 25-40 ms, so filters are answered
 * from the search indexes and their tally (see member_keys.c):
 *   - a filter that is one gram (张, 小军, zxj, 1380) or 1-3 digits is
 *     counted by one row of the tally; its members are one FTS5 query;
 *   - a longer one (张小军, 19800101) is the AND of its grams, in one
 *     index (the name index if it has a term there), rechecked with
 *     zb_contains (db.h);
 *   - one without grams (punctuation) scans.
 * The name index lists its members in pinyin order (its rowids lead
 * with a sort_py prefix): a window in the default order reads just the
 * rows it shows, however the matches cluster (all 张 sort together).
 * Otherwise a window takes the cheapest of three ways, estimated from
 * the count: sort the index's members (few of them); walk the list's
 * order and test each row against a bitmap of the index's members (a
 * middling share); walk the order and test each row's search text
 * (most members match: the first rows come at once). Windows past the
 * middle are read from the other end; without a filter in pinyin order
 * the tally's sort_py blocks turn a position or an offset into a walk of
 * one block. Every plan gives exactly the rows of search LIKE '%f%' (the
 * tests compare them). */
#include "model/member_int.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

const char *const member_sort_label[MEMBER_SORT_COUNT] = {
    [MEMBER_SORT_PINYIN] = "按姓名拼音排序",
    [MEMBER_SORT_STROKES] = "按姓氏笔画排序",
    [MEMBER_SORT_AGE] = "按年龄排序",
    [MEMBER_SORT_ORG] = "按所在党组织排序",
    [MEMBER_SORT_JOIN] = "按入党日期排序",
    [MEMBER_SORT_NO] = "按党员编号排序",
};

/* Estimated costs in microseconds (100 000 members, 500 KB page cache,
 * the file in the OS cache): per row of an FTS5 query, per step of a
 * walk over a sort index, per row read from the member table, per
 * member of the index sorted by pinyin. */
#define COST_FTS 0.12
/* A prefix query first merges the lists of all its words: per member of
 * a 1, 2, 3-digit prefix (3: spelled out as 11 words, see add_word). */
static const double cost_prefix[4] = {0, 1.6, 0.6, 0.3};
#define COST_WALK 0.15
#define COST_ROW 3.0
#define COST_SORTED 1.5
/* A recheck plan sorts its candidates up to this many (then walks). */
#define RECHECK_SORTED_MAX 2500
#define PLAN_TERMS 8
/* Without a filter, windows from this ascending position on are read
 * from their pinyin block. */
#define BLOCK_FROM 2000

enum plan_kind { PLAN_ALL, PLAN_FTS, PLAN_SCAN };

struct plan {
    enum plan_kind kind;
    bool recheck;          /* the index's members are only candidates */
    int prefix;            /* digits of its shortest prefix term, 0: none */
    enum index table;      /* the index queried */
    long est;              /* FTS: members of the index query (the
                              exact count unless recheck or org_id) */
    long total;            /* members in the register states listed */
    char query[1024];      /* the FTS5 query */
    char needle[256];      /* the filter: trimmed, ASCII lower-case */
};

struct term {
    int32_t g;
    bool prefix;           /* digits: every digit word starting so */
    long n;                /* members having it */
};

/* ---- filters ---- */

static bool is_letter(char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static int add_term(struct term *t, int n, int max, int32_t g, bool prefix)
{
    for (int i = 0; i < n; i++)
        if (t[i].g == g && t[i].prefix == prefix)
            return n;
    if (n < max)
        t[n++] = (struct term){g, prefix, 0};
    return n;
}

/* Terms that every matching search text has. *exact: the filter is
 * exactly one term (its members are the matches). Returns the count; 0
 * if the filter has none (or broken UTF-8: scan). */
static int filter_terms(const char *f, struct term *t, int max, bool *exact)
{
    size_t len = strlen(f), i = 0;
    int n = 0, pieces = 0;
    bool one = false;
    *exact = false;
    while (i < len) {
        size_t start = i;
        if ((unsigned char)f[i] >= 0x80) {
            uint32_t c[128];
            int chars = 0;
            while (i < len && (unsigned char)f[i] >= 0x80 && chars < 128) {
                size_t at = i, k = text_decode(f + i, len - i, &c[chars]);
                i += k ? k : 1;
                /* broken bytes have no gram of their own */
                if (c[chars] == 0xFFFD &&
                    (i - at != 3 || memcmp(f + at, "\xEF\xBF\xBD", 3)))
                    return 0;
                chars++;
            }
            if (chars == 1)
                n = add_term(t, n, max, GRAM_CHAR + (int32_t)c[0], false);
            for (int k = 1; k < chars; k++) {
                if (gram_pair_ok(c[k - 1], c[k])) {
                    n = add_term(t, n, max, gram_pair(c[k - 1], c[k]),
                                 false);
                } else {
                    n = add_term(t, n, max, GRAM_CHAR + (int32_t)c[k - 1],
                                 false);
                    n = add_term(t, n, max, GRAM_CHAR + (int32_t)c[k],
                                 false);
                }
            }
            /* U+FFFD also stands for broken bytes in the data */
            one = start == 0 && i == len &&
                  ((chars == 1 && c[0] != 0xFFFD) ||
                   (chars == 2 && gram_pair_ok(c[0], c[1])));
        } else if (is_letter(f[i])) {
            while (i < len && is_letter(f[i]))
                i++;
            if (i - start <= 3) {
                n = add_term(t, n, max,
                             gram_letters(f + start, (int)(i - start)),
                             false);
            } else {
                for (size_t p = start; p + 3 <= i; p++)
                    n = add_term(t, n, max, gram_letters(f + p, 3), false);
            }
            one = start == 0 && i == len && i - start <= 3;
        } else if (is_digit(f[i])) {
            while (i < len && is_digit(f[i]))
                i++;
            size_t k = i - start;
            one = start == 0 && i == len && k <= 4;
            if (k == 4 || (k < 4 && (one || k == 3)))
                n = add_term(t, n, max, gram_digits(f + start, (int)k),
                             k < 4);
            for (size_t p = start; k > 4 && p + 4 <= i; p++)
                n = add_term(t, n, max, gram_digits(f + p, 4), false);
        } else {
            i++;
        }
        pieces++;
    }
    *exact = one && pieces == 1 && n == 1;
    return n;
}

/* Members having tally gram g (in the register states listed). */
static int tally_n(db *d, int32_t g, bool include_left, long *n,
                   zb_err *err)
{
    static const char sql[] =
        "SELECT coalesce(sum(n), 0) FROM member_tally"
        " WHERE key = ?1 OR key = ?2";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, tally_key(g, false));
    sqlite3_bind_int64(st, 2, include_left ? tally_key(g, true) : -1);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "统计搜索结果");
}

static int cmp_term(const void *a, const void *b)
{
    long x = ((const struct term *)a)->n, y = ((const struct term *)b)->n;
    return (x > y) - (x < y);
}

/* One word of a term: a 3-digit prefix is spelled out as its 11 words
 * (FTS5 merges a prefix query's whole doclist first: 10 times slower). */
static void add_word(char *q, size_t cap, const struct term *t, bool left)
{
    char w[16], spelled[192];
    size_t o = strlen(q), k = 0;
    gram_word(t->g, left, w);
    if (t->prefix && gram_digit_len(t->g) == 3) {
        int32_t g4 = gram_digits("0000", 4) +
                     (t->g - gram_digits("000", 3)) * 10;
        k = (size_t)snprintf(spelled, sizeof spelled, "\"%s\"", w);
        for (int i = 0; i < 10; i++) {
            char w4[16];
            gram_word(g4 + i, left, w4);
            k += (size_t)snprintf(spelled + k, sizeof spelled - k,
                                  " OR \"%s\"", w4);
        }
    }
    /* (the short form if the query would not hold it: a long filter of
     * several 3-digit pieces) */
    if (k && o + k + 64 < cap)
        snprintf(q + o, cap - o, "%s", spelled);
    else
        snprintf(q + o, cap - o, "\"%s\"%s", w, t->prefix ? "*" : "");
}

static void add_query_term(char *q, size_t cap, const struct term *t,
                           bool include_left)
{
    size_t o = strlen(q);
    snprintf(q + o, cap - o, "%s(", o ? " AND " : "");
    add_word(q, cap, t, false);
    if (include_left) {
        o = strlen(q);
        snprintf(q + o, cap - o, " OR ");
        add_word(q, cap, t, true);
    }
    o = strlen(q);
    snprintf(q + o, cap - o, ")");
}

/* Members of the plan's index query. */
static int index_count(db *d, struct plan *p, long *n, zb_err *err)
{
    static const char *const sql[2] = {
        [INDEX_DIGITS] = "SELECT count(*) FROM member_search(?1)",
        [INDEX_NAMES] = "SELECT count(*) FROM member_name_search(?1)",
    };
    sqlite3_stmt *st = db_stmt(d, sql[p->table], err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, p->query, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "统计搜索结果");
}

static int make_plan(db *d, const struct member_query *q, struct plan *p,
                     zb_err *err)
{
    char f[256];
    memset(p, 0, sizeof *p);
    const char *s = q->filter ? q->filter : "";
    while (*s == ' ' || *s == '\t')
        s++;
    snprintf(f, sizeof f, "%s", s);
    size_t n = strlen(f);
    while (n && (f[n - 1] == ' ' || f[n - 1] == '\t'))
        f[--n] = '\0';
    if (tally_n(d, GRAM_ALL, q->include_left, &p->total, err))
        return -1;
    if (!n) {
        p->kind = PLAN_ALL;
        return 0;
    }
    text_ascii_lower(f);
    memcpy(p->needle, f, n + 1);

    struct term t[64];
    bool exact;
    int nt = filter_terms(f, t, 64, &exact);
    if (nt == 0) {
        p->kind = PLAN_SCAN;
        return 0;
    }
    for (int i = 0; i < nt; i++)
        if (tally_n(d, t[i].g, q->include_left, &t[i].n, err))
            return -1;
    /* One index answers: the name index if any term is in it (the
     * digit terms are then left to the recheck). */
    int kept = 0;
    for (int i = 0; i < nt; i++)
        if (gram_digit_len(t[i].g) == 0)
            t[kept++] = t[i];
    p->table = kept ? INDEX_NAMES : INDEX_DIGITS;
    if (kept && kept < nt) {
        exact = false;
        nt = kept;
    }
    /* the rarest terms narrow the AND the most */
    qsort(t, (size_t)nt, sizeof *t, cmp_term);
    if (nt > PLAN_TERMS)
        nt = PLAN_TERMS;
    p->kind = PLAN_FTS;
    p->recheck = !exact;
    p->est = t[0].n;
    for (int i = 0; i < nt; i++) {
        add_query_term(p->query, sizeof p->query, &t[i], q->include_left);
        int k = t[i].prefix ? gram_digit_len(t[i].g) : 0;
        if (k && (!p->prefix || k < p->prefix))
            p->prefix = k;
    }
    /* The AND of several terms has far fewer members than its rarest
     * term (19800101: 6 of 1 500): count them, for the choice of plan. */
    if (nt > 1)
        return index_count(d, p, &p->est, err);
    return 0;
}

/* ---- SQL text ---- */

struct sql {
    char s[4096];
    size_t n;
};

static void add(struct sql *q, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void add(struct sql *q, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(q->s + q->n, sizeof q->s - q->n, fmt, ap);
    va_end(ap);
    if (k > 0)
        q->n += (size_t)k < sizeof q->s - q->n ? (size_t)k
                                               : sizeof q->s - q->n - 1;
}

/* The order of each sort, before the final m.id. */
static const char *const sort_terms[MEMBER_SORT_COUNT][3] = {
    [MEMBER_SORT_PINYIN] = {"m.sort_py"},
    [MEMBER_SORT_STROKES] = {"m.sort_strokes"},
    [MEMBER_SORT_AGE] = {"m.birth_date = ''", "m.birth_date"},
    [MEMBER_SORT_ORG] = {"r.rank", "m.sort_py"},
    [MEMBER_SORT_JOIN] = {"m.join_date = ''", "m.join_date"},
    [MEMBER_SORT_NO] = {"m.member_no"},
};

/* ORG sorting: temp.org_rank numbers the organisations in tree order
 * (parent first, siblings by sort then pinyin; members without one
 * last). Walking it and, per organisation, the index member_org
 * (org_id, sort_py, id) gives the order without sorting 100 000 rows.
 * It is rebuilt (a few ms for thousands of organisations) only when
 * the database changed: another connection committed (data_version) or
 * this one changed any row (total_changes). */
static int org_rank_refresh(db *d, zb_err *err)
{
    static const char fresh[] =
        "SELECT EXISTS (SELECT 1 FROM temp.org_rank_state"
        " WHERE data_version = (SELECT data_version FROM pragma_data_version)"
        " AND changes = total_changes())";
    static const char clear[] =
        "DELETE FROM temp.org_rank";
    static const char fill[] =
        "WITH RECURSIVE t(id, path, depth) AS ("
        " SELECT id, printf('%07d', sort + 1000000) || sort_py"
        "  || printf(' %012d/', id), 0 FROM org WHERE parent_id IS NULL"
        " UNION ALL"
        " SELECT o.id, t.path || printf('%07d', o.sort + 1000000)"
        "  || o.sort_py || printf(' %012d/', o.id), t.depth + 1"
        " FROM org o JOIN t ON o.parent_id = t.id WHERE t.depth < 64)"
        " INSERT INTO temp.org_rank (org_id)"
        " SELECT id FROM t ORDER BY path";
    static const char none[] =
        "INSERT INTO temp.org_rank (org_id) VALUES (NULL)";
    static const char clear_state[] = "DELETE FROM temp.org_rank_state";
    /* + 1: this very insert is a change too */
    static const char state[] =
        "INSERT INTO temp.org_rank_state"
        " SELECT data_version, total_changes() + 1 FROM pragma_data_version";
    const char *const steps[] = {clear, fill, none, clear_state, state};
    if (db_exec(d, "CREATE TEMP TABLE IF NOT EXISTS org_rank"
                   " (rank INTEGER PRIMARY KEY, org_id INTEGER UNIQUE);"
                   "CREATE TEMP TABLE IF NOT EXISTS org_rank_state"
                   " (data_version INTEGER, changes INTEGER);", err))
        return -1;
    sqlite3_stmt *st = db_stmt(d, fresh, err);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    bool ok = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "排列党组织");
    for (int i = 0; i < 5 && !ok; i++) {
        if (!(st = db_stmt(d, steps[i], err)))
            return -1;
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return db_fail(d, err, "排列党组织");
    }
    return 0;
}

static enum member_sort sort_of(const struct member_query *q)
{
    return q->sort >= 0 && q->sort < MEMBER_SORT_COUNT ? q->sort
                                                       : MEMBER_SORT_PINYIN;
}

/* ORDER BY terms; reverse reads the list from its end. */
static void add_order(struct sql *s, const struct member_query *q,
                      const char *prefix_alias, bool reverse)
{
    const char *const *t = sort_terms[sort_of(q)];
    const char *dir = q->desc != reverse ? " DESC" : "";
    for (int i = 0; i < 3 && t[i]; i++) {
        if (prefix_alias)
            add(s, "%s.k%d%s, ", prefix_alias, i, dir);
        else
            add(s, "%s%s, ", t[i], dir);
    }
    add(s, "%s%s", prefix_alias ? "w.id" : "m.id", dir);
}

static const char *const index_table[2] = {
    [INDEX_DIGITS] = "member_search",
    [INDEX_NAMES] = "member_name_search",
};
#define DOC_ID_MASK_SQL "16777215"
_Static_assert(DOC_ID_MASK == 16777215, "DOC_ID_MASK_SQL");

enum source {
    SRC_ORDER,      /* walk the list's order, no filter test */
    SRC_SCAN,       /* walk the order, test each row's search text */
    SRC_INDEX       /* the search index's members (rechecked if needed) */
};

/* "FROM ... WHERE ..." of the query. */
static void add_from(struct sql *s, const struct member_query *q,
                     const struct plan *p, enum source src, bool need_member,
                     bool sorted)
{
    bool org_sort = sorted && sort_of(q) == MEMBER_SORT_ORG;
    if (src == SRC_INDEX) {
        /* CROSS JOIN: the index's members drive, then row lookups, from
         * the narrow index when it has all that is needed */
        add(s, "FROM %s(:q) g", index_table[p->table]);
        if (need_member)
            add(s, " CROSS JOIN member m%s ON m.id = %s",
                sorted && sort_of(q) == MEMBER_SORT_PINYIN && !p->recheck
                    ? " INDEXED BY member_id_py" : "",
                p->table == INDEX_NAMES ? "(g.rowid & " DOC_ID_MASK_SQL ")"
                                        : "g.rowid");
        if (org_sort)
            add(s, " JOIN temp.org_rank r ON r.org_id IS m.org_id");
    } else if (org_sort) {
        add(s, "FROM temp.org_rank r CROSS JOIN member m"
               " ON m.org_id IS r.org_id");
    } else {
        add(s, "FROM member m");
    }
    add(s, " WHERE 1");
    if (!q->include_left && src != SRC_INDEX)
        add(s, " AND m.left_kind = 0");
    if (src == SRC_SCAN || (src == SRC_INDEX && p->recheck))
        add(s, " AND zb_contains(m.search, :needle)");
    if (q->org_id > 0 && q->org_direct)
        add(s, " AND m.org_id = :org");
    else if (q->org_id > 0)
        add(s, " AND m.org_id IN (WITH RECURSIVE sub(id) AS"
               " (SELECT :org UNION SELECT o.id FROM org o"
               " JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)");
}

static void bind_plan(sqlite3_stmt *st, const struct member_query *q,
                      const struct plan *p)
{
    int i;
    if ((i = sqlite3_bind_parameter_index(st, ":q")))
        sqlite3_bind_text(st, i, p->query, -1, SQLITE_TRANSIENT);
    if ((i = sqlite3_bind_parameter_index(st, ":needle")))
        sqlite3_bind_text(st, i, p->needle, -1, SQLITE_TRANSIENT);
    if ((i = sqlite3_bind_parameter_index(st, ":org")))
        sqlite3_bind_int64(st, i, q->org_id);
}

static int count_sql(db *d, const char *sql, const struct member_query *q,
                     const struct plan *p, long *n, zb_err *err)
{
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    bind_plan(st, q, p);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "统计党员");
}

/* ---- count ---- */

/* The index's members are too many to look each one up. */
static bool dense(const struct plan *p)
{
    return p->est * 4 >= p->total;
}

int member_count(db *d, const struct member_query *q, long *n, zb_err *err)
{
    struct plan p;
    struct sql s = {.n = 0};
    *n = 0;
    if (make_plan(d, q, &p, err))
        return -1;
    if (p.kind == PLAN_FTS && p.est == 0)
        return 0;
    if (q->org_id <= 0 && (p.kind == PLAN_ALL ||
                           (p.kind == PLAN_FTS && !p.recheck))) {
        *n = p.kind == PLAN_ALL ? p.total : p.est;
        return 0;
    }
    enum source src = p.kind == PLAN_ALL ? SRC_ORDER
                    : p.kind == PLAN_FTS && !dense(&p) ? SRC_INDEX
                    : SRC_SCAN;
    add(&s, "SELECT count(*) ");
    add_from(&s, q, &p, src, src != SRC_INDEX || p.recheck ||
                                 q->org_id > 0, false);
    return count_sql(d, s.s, q, &p, n, err);
}

/* ---- window ---- */

#define ROW_COLS \
    "mm.id, mm.member_no, mm.name, mm.gender, mm.birth_date," \
    " coalesce(o.name, ''), mm.category, mm.kind, mm.phone," \
    " mm.id_number, mm.left_kind, mm.party_status"

static void read_row(sqlite3_stmt *st, struct member_row *r)
{
    r->id = sqlite3_column_int64(st, 0);
    db_text(st, 1, r->member_no, sizeof r->member_no);
    db_text(st, 2, r->name, sizeof r->name);
    r->gender = sqlite3_column_int(st, 3);
    db_text(st, 4, r->birth_date, sizeof r->birth_date);
    db_text(st, 5, r->org_name, sizeof r->org_name);
    r->category = sqlite3_column_int(st, 6);
    r->kind = sqlite3_column_int(st, 7);
    db_text(st, 8, r->phone, sizeof r->phone);
    db_text(st, 9, r->id_number, sizeof r->id_number);
    r->left_kind = sqlite3_column_int(st, 10);
    r->party_status = sqlite3_column_int(st, 11);
}

static void reverse_rows(struct member_row *rows, int n)
{
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        struct member_row t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
    }
}

/* The window read by SQL: from src in the list's order (reverse: from
 * its end), optionally only rows whose sort_py >= lo. */
static int window_sql(db *d, const struct member_query *q,
                      const struct plan *p, enum source src, bool reverse,
                      const char *lo, long offset, int limit,
                      struct member_row *rows, int *nrows, zb_err *err)
{
    struct sql s = {.n = 0};
    const char *const *t = sort_terms[sort_of(q)];
    add(&s, "SELECT " ROW_COLS " FROM (SELECT m.id AS id");
    for (int i = 0; i < 3 && t[i]; i++)
        add(&s, ", %s AS k%d", t[i], i);
    add(&s, " ");
    add_from(&s, q, p, src, true, true);
    if (lo)
        add(&s, " AND m.sort_py >= :lo");
    add(&s, " ORDER BY ");
    add_order(&s, q, NULL, reverse);
    add(&s, " LIMIT :lim OFFSET :off) AS w"
            " CROSS JOIN member mm ON mm.id = w.id"
            " LEFT JOIN org o ON o.id = mm.org_id ORDER BY ");
    add_order(&s, q, "w", reverse);

    sqlite3_stmt *st = db_stmt(d, s.s, err);
    if (!st)
        return -1;
    bind_plan(st, q, p);
    if (lo)
        sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":lo"), lo,
                          -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":lim"), limit);
    sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":off"),
                       offset);
    int rc = SQLITE_DONE;
    *nrows = 0;
    while (*nrows < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
        read_row(st, &rows[(*nrows)++]);
    if (*nrows == limit)
        rc = SQLITE_DONE;
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(d, err, "读取党员列表");
    if (reverse)
        reverse_rows(rows, *nrows);
    return 0;
}

/* Members of the index query as a bitmap by id. */
struct bitmap {
    unsigned char *bits;
    int64_t max;
};

static bool bit_has(const struct bitmap *b, int64_t id)
{
    return id >= 0 && id <= b->max && (b->bits[id >> 3] >> (id & 7)) & 1;
}

static int bitmap_load(db *d, const struct plan *p, struct bitmap *b,
                       zb_err *err)
{
    static const char max_sql[] = "SELECT coalesce(max(id), 0) FROM member";
    static const char *const rows_sql[2] = {
        [INDEX_DIGITS] = "SELECT rowid FROM member_search(?1)",
        [INDEX_NAMES] = "SELECT rowid FROM member_name_search(?1)",
    };
    b->bits = NULL;
    sqlite3_stmt *st = db_stmt(d, max_sql, err);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    b->max = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "读取搜索索引");
    if (!(b->bits = calloc((size_t)(b->max >> 3) + 1, 1)))
        return zb_fail(err, "内存不足");
    if (!(st = db_stmt(d, rows_sql[p->table], err)))
        goto fail;
    sqlite3_bind_text(st, 1, p->query, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0) & DOC_ID_MASK;
        if (id <= b->max)
            b->bits[id >> 3] |= (unsigned char)(1u << (id & 7));
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return 0;
    db_fail(d, err, "读取搜索索引");
fail:
    free(b->bits);
    b->bits = NULL;
    return -1;
}

/* Whether member id's search text has the filter (candidates of a
 * recheck plan). */
static int recheck(db *d, const struct plan *p, int64_t id, bool *yes,
                   zb_err *err)
{
    static const char sql[] =
        "SELECT zb_contains(search, ?2) FROM member WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, p->needle, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    *yes = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0 : db_fail(d, err, "读取党员");
}

/* Walks the list's order over the index's members (bitmap b): calls
 * visit for each member of the list in turn until it returns non-zero
 * (1: stop, -1: error). */
static int walk(db *d, const struct member_query *q, const struct plan *p,
                const struct bitmap *b, bool reverse,
                int (*visit)(void *ctx, int64_t id, zb_err *err), void *ctx,
                zb_err *err)
{
    struct sql s = {.n = 0};
    add(&s, "SELECT m.id ");
    add_from(&s, q, p, SRC_ORDER, true, true);
    add(&s, " ORDER BY ");
    add_order(&s, q, NULL, reverse);
    sqlite3_stmt *st = db_stmt(d, s.s, err);
    if (!st)
        return -1;
    bind_plan(st, q, p);
    int rc, v = 0;
    while (!v && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        if (!bit_has(b, id))
            continue;
        bool yes = true;
        /* (the statement stays on its row meanwhile: a different one) */
        if (p->recheck && recheck(d, p, id, &yes, err)) {
            v = -1;
            break;
        }
        if (yes)
            v = visit(ctx, id, err);
    }
    if (!v && rc != SQLITE_DONE)
        v = db_fail(d, err, "读取党员列表");
    sqlite3_reset(st);
    return v < 0 ? -1 : 0;
}

struct collect {
    long skip;
    int64_t *ids;
    int n, limit;
};

static int collect_visit(void *ctx, int64_t id, zb_err *err)
{
    (void)err;
    struct collect *c = ctx;
    if (c->skip > 0) {
        c->skip--;
        return 0;
    }
    c->ids[c->n++] = id;
    return c->n >= c->limit;
}

static int fetch_ids(db *d, const int64_t *ids, int n,
                     struct member_row *rows, int *nrows, zb_err *err)
{
    static const char sql[] =
        "SELECT " ROW_COLS " FROM member mm"
        " LEFT JOIN org o ON o.id = mm.org_id WHERE mm.id = ?1";
    *nrows = 0;
    for (int i = 0; i < n; i++) {
        sqlite3_stmt *st = db_stmt(d, sql, err);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, ids[i]);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            read_row(st, &rows[(*nrows)++]);
        sqlite3_reset(st);
        if (rc != SQLITE_ROW)
            return db_fail(d, err, "读取党员列表");
    }
    return 0;
}

static int window_walk(db *d, const struct member_query *q,
                       const struct plan *p, bool reverse, long offset,
                       int limit, struct member_row *rows, int *nrows,
                       zb_err *err)
{
    struct bitmap b;
    int64_t *ids = malloc(sizeof *ids * (size_t)limit);
    if (!ids)
        return zb_fail(err, "内存不足");
    struct collect c = {.skip = offset, .ids = ids, .limit = limit};
    int rc = bitmap_load(d, p, &b, err);
    if (!rc) {
        rc = walk(d, q, p, &b, reverse, collect_visit, &c, err);
        free(b.bits);
    }
    if (!rc)
        rc = fetch_ids(d, ids, c.n, rows, nrows, err);
    free(ids);
    if (!rc && reverse)
        reverse_rows(rows, *nrows);
    return rc;
}

/* ---- pinyin order from the index ---- */

/* The index's rowids lead with a prefix of sort_py (member_doc_rowid):
 * read in rowid order its members come in pinyin order, but for those
 * with the same prefix (a "group", at most ~1000 of 100 000), which are
 * put in order by their sort_py. */
static bool index_ordered(const struct member_query *q, const struct plan *p)
{
    if (p->kind != PLAN_FTS || p->table != INDEX_NAMES ||
        sort_of(q) != MEMBER_SORT_PINYIN || q->org_id > 0)
        return false;
    /* Nearly everyone matches: walking the order meets them at once
     * (and a prefix query merges a thousand words first). */
    return p->recheck || p->est * (p->prefix ? 4 : 2) < p->total;
}

struct keyed {
    char *py;
    int64_t id;
};

struct idvec {
    struct keyed *v;
    size_t n, cap;
};

static void idvec_clear(struct idvec *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->v[i].py);
    a->n = 0;
}

static int idvec_push(struct idvec *a, int64_t id)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 128;
        struct keyed *v = realloc(a->v, sizeof *v * cap);
        if (!v)
            return -1;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = (struct keyed){NULL, id};
    return 0;
}

static int cmp_keyed(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    int c = strcmp(x->py, y->py);
    return c ? c : (x->id > y->id) - (x->id < y->id);
}

static int cmp_keyed_desc(const void *a, const void *b)
{
    return cmp_keyed(b, a);
}

/* Reads the sort_py of every member in a (from the narrow index). */
static int idvec_keys(db *d, struct idvec *a, zb_err *err)
{
    static const char sql[] =
        "SELECT sort_py FROM member INDEXED BY member_id_py WHERE id = ?1";
    for (size_t i = 0; i < a->n; i++) {
        sqlite3_stmt *st = db_stmt(d, sql, err);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, a->v[i].id);
        int rc = sqlite3_step(st);
        const char *py = rc == SQLITE_ROW
            ? (const char *)sqlite3_column_text(st, 0) : NULL;
        a->v[i].py = strdup(py ? py : "");
        sqlite3_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return db_fail(d, err, "读取党员列表");
        if (!a->v[i].py)
            return zb_fail(err, "内存不足");
    }
    return 0;
}

/* Steps an index query (?1 = the plan's query, then the rowid bounds
 * lo, hi if not -1): calls visit for each member of the list until it
 * returns non-zero (1: stop, -1: error). */
static int index_scan(db *d, const struct plan *p, bool desc, int64_t lo,
                      int64_t hi,
                      int (*visit)(void *ctx, int64_t rowid, zb_err *err),
                      void *ctx, zb_err *err)
{
    static const char *const sql[2] = {
        "SELECT rowid FROM member_name_search(?1) WHERE rowid >= ?2"
        " AND rowid < ?3 ORDER BY rowid",
        "SELECT rowid FROM member_name_search(?1) WHERE rowid >= ?2"
        " AND rowid < ?3 ORDER BY rowid DESC",
    };
    sqlite3_stmt *st = db_stmt(d, sql[desc], err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, p->query, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, lo >= 0 ? lo : 0);
    sqlite3_bind_int64(st, 3, hi >= 0 ? hi : INT64_MAX);
    int rc, v = 0;
    while (!v && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t r = sqlite3_column_int64(st, 0);
        bool yes = true;
        if (p->recheck && recheck(d, p, r & DOC_ID_MASK, &yes, err)) {
            v = -1;
            break;
        }
        if (yes)
            v = visit(ctx, r, err);
    }
    if (!v && rc != SQLITE_DONE)
        v = db_fail(d, err, "读取搜索索引");
    sqlite3_reset(st);
    return v < 0 ? -1 : 0;
}

struct ordered {
    long offset, end;      /* the window: list positions [offset, end) */
    long pos;              /* members seen */
    int64_t group;         /* prefix of the member last seen */
    long group_start;      /* position of the first of its group */
    long first;            /* position of the first member kept */
    struct idvec ids;      /* kept: the window's groups */
};

static int ordered_visit(void *ctx, int64_t rowid, zb_err *err)
{
    struct ordered *o = ctx;
    int64_t g = rowid >> DOC_ID_BITS;
    if (g != o->group) {
        if (o->first >= 0 && o->pos >= o->end)
            return 1;
        o->group = g;
        o->group_start = o->pos;
        if (o->first < 0)
            idvec_clear(&o->ids);
    }
    if (idvec_push(&o->ids, rowid & DOC_ID_MASK))
        return zb_fail(err, "内存不足");
    if (o->first < 0 && o->pos == o->offset)
        o->first = o->group_start;
    o->pos++;
    return 0;
}

static int window_ordered(db *d, const struct member_query *q,
                          const struct plan *p, bool reverse, long offset,
                          int limit, struct member_row *rows, int *nrows,
                          zb_err *err)
{
    bool desc = q->desc != reverse;
    struct ordered o = {.offset = offset, .end = offset + limit,
                        .group = -1, .first = -1};
    int rc = index_scan(d, p, desc, -1, -1, ordered_visit, &o, err);
    *nrows = 0;
    if (!rc && o.first >= 0)
        rc = idvec_keys(d, &o.ids, err);
    if (!rc && o.first >= 0) {
        qsort(o.ids.v, o.ids.n, sizeof *o.ids.v,
              desc ? cmp_keyed_desc : cmp_keyed);
        size_t skip = (size_t)(offset - o.first), n = 0;
        int64_t *ids = malloc(sizeof *ids * (size_t)limit);
        if (!ids) {
            rc = zb_fail(err, "内存不足");
        } else {
            for (size_t i = skip; i < o.ids.n && n < (size_t)limit; i++)
                ids[n++] = o.ids.v[i].id;
            rc = fetch_ids(d, ids, (int)n, rows, nrows, err);
            free(ids);
        }
        if (!rc && reverse)
            reverse_rows(rows, *nrows);
    }
    idvec_clear(&o.ids);
    free(o.ids.v);
    return rc;
}

struct counter {
    long n;
    const char *py;        /* group members before (py, id) only */
    int64_t id;
    bool desc;
    struct idvec ids;
};

static int count_visit(void *ctx, int64_t rowid, zb_err *err)
{
    struct counter *c = ctx;
    if (c->py)
        return idvec_push(&c->ids, rowid & DOC_ID_MASK)
                   ? zb_fail(err, "内存不足") : 0;
    c->n++;
    return 0;
}

/* Position of member (py, id) of the list: the members of the groups
 * before its group, then those of its group before it. */
static int position_ordered(db *d, const struct member_query *q,
                            const struct plan *p, const char *py,
                            int64_t id, long *pos, zb_err *err)
{
    int64_t g = member_doc_rowid(py, id) >> DOC_ID_BITS;
    int64_t lo = g << DOC_ID_BITS, hi = (g + 1) << DOC_ID_BITS;
    struct counter before = {0}, in = {.py = py, .id = id};
    int rc = q->desc ? index_scan(d, p, false, hi, -1, count_visit, &before,
                                  err)
                     : index_scan(d, p, false, -1, lo, count_visit, &before,
                                  err);
    if (!rc)
        rc = index_scan(d, p, false, lo, hi, count_visit, &in, err);
    if (!rc)
        rc = idvec_keys(d, &in.ids, err);
    if (!rc) {
        struct keyed me = {(char *)py, id};
        *pos = before.n;
        for (size_t i = 0; i < in.ids.n; i++) {
            int c = cmp_keyed(&in.ids.v[i], &me);
            *pos += q->desc ? c > 0 : c < 0;
        }
    }
    idvec_clear(&in.ids);
    free(in.ids.v);
    return rc;
}

/* ---- pinyin blocks (no filter, pinyin order, no organisation) ---- */

/* A sort_py block of the tally (its first 3 bytes): without a filter,
 * a position or an offset in pinyin order is the sum of the blocks
 * before it plus a walk inside one block (at most ~15% of the list). */
struct blocks {
    int32_t block;         /* the one found */
    long before, n;        /* members in blocks before it; in it */
};

static bool pinyin_blocks(const struct member_query *q, const struct plan *p)
{
    return p->kind == PLAN_ALL && sort_of(q) == MEMBER_SORT_PINYIN &&
           q->org_id <= 0;
}

/* The block holding position pos of the ascending order (or the block
 * of sort_py key if key is not NULL: pos ignored). */
static int find_block(db *d, const struct member_query *q, long pos,
                      const char *key, struct blocks *out, zb_err *err)
{
    static const char sql[] =
        "SELECT key, n FROM member_tally WHERE key >= ?1 AND key < ?2"
        " ORDER BY key";
    int32_t want = key ? gram_sort(key) : -1;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, tally_key(GRAM_SORT, false));
    sqlite3_bind_int64(st, 2, tally_key(GRAM_SORT + (1 << 24), false));
    int rc;
    long cum = 0;
    *out = (struct blocks){.block = -1};
    int32_t cur = -1;
    long n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t k = sqlite3_column_int64(st, 0);
        if (!q->include_left && (k & 1))
            continue;
        int32_t g = (int32_t)(k >> 1);
        if (g != cur && cur >= 0) {
            if ((key && cur == want) || (!key && pos < cum + n))
                break;
            cum += n;
            n = 0;
        }
        cur = g;
        n += (long)sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(d, err, "读取搜索计数");
    if (cur >= 0 && ((key && cur == want) || (!key && pos < cum + n)))
        *out = (struct blocks){cur, cum, n};
    return 0;
}

/* The smallest sort_py of a block: its bytes, trailing zeros dropped. */
static void block_low(int32_t block, char lo[4])
{
    int32_t v = block - GRAM_SORT;
    lo[0] = (char)(v >> 16 & 255);
    lo[1] = (char)(v >> 8 & 255);
    lo[2] = (char)(v & 255);
    lo[3] = '\0';
}

/* ---- window ---- */

int member_window(db *d, const struct member_query *q, long offset,
                  int limit, struct member_row *rows, int *nrows,
                  zb_err *err)
{
    struct plan p;
    *nrows = 0;
    if (offset < 0)
        offset = 0;
    if (limit <= 0)
        return 0;
    if (make_plan(d, q, &p, err))
        return -1;
    if (p.kind == PLAN_FTS && p.est == 0)
        return 0;
    if (sort_of(q) == MEMBER_SORT_ORG && org_rank_refresh(d, err))
        return -1;

    /* The list's length, where the tally tells it. */
    long total = -1;
    if (q->org_id <= 0 && p.kind == PLAN_ALL)
        total = p.total;
    else if (q->org_id <= 0 && p.kind == PLAN_FTS && !p.recheck)
        total = p.est;
    /* A window past the middle of a rechecked list: its length, to read
     * it from the end. */
    if (total < 0 && q->org_id <= 0 && p.kind == PLAN_FTS &&
        offset > p.est / 2 && member_count(d, q, &total, err))
        return -1;
    bool reverse = false;
    long asc = 0;   /* the ascending position of the window's first row */
    if (total >= 0) {
        if (offset >= total)
            return 0;
        if (offset + limit > total)
            limit = (int)(total - offset);
        asc = q->desc ? total - offset - limit : offset;
        /* past the middle: from the end */
        if (offset > total - offset - limit) {
            reverse = true;
            offset = total - offset - limit;
        }
    }

    if (pinyin_blocks(q, &p) && offset >= BLOCK_FROM) {
        struct blocks b;
        if (find_block(d, q, asc, NULL, &b, err))
            return -1;
        if (b.block >= 0) {
            char lo[4];
            struct member_query aq = *q;
            aq.desc = false;
            block_low(b.block, lo);
            if (window_sql(d, &aq, &p, SRC_ORDER, false, lo, asc - b.before,
                           limit, rows, nrows, err))
                return -1;
            if (q->desc)
                reverse_rows(rows, *nrows);
            return 0;
        }
    }
    if (p.kind != PLAN_FTS)
        return window_sql(d, q, &p, p.kind == PLAN_ALL ? SRC_ORDER
                                                       : SRC_SCAN,
                          reverse, NULL, offset, limit, rows, nrows, err);

    if (index_ordered(q, &p))
        return window_ordered(d, q, &p, reverse, offset, limit, rows, nrows,
                              err);

    /* an FTS plan in another order: the cheapest way to the window */
    double c = p.est > 0 ? (double)p.est : 1;
    double steps = (double)(offset + limit) * (double)p.total / c;
    double sorted = c * (sort_of(q) == MEMBER_SORT_PINYIN ? COST_SORTED
                                                          : COST_ROW);
    double walked = c * (p.prefix ? cost_prefix[p.prefix] : COST_FTS) +
                    steps * COST_WALK;
    double scanned = steps * COST_ROW;
    if (p.recheck) {
        /* (as if most candidates matched: then each costs a row read
         * when sorted, only the window's when walked) */
        if (p.est <= RECHECK_SORTED_MAX &&
            c * COST_ROW <= walked + (double)(offset + limit) * COST_ROW)
            return window_sql(d, q, &p, SRC_INDEX, reverse, NULL, offset,
                              limit, rows, nrows, err);
        return window_walk(d, q, &p, reverse, offset, limit, rows, nrows,
                           err);
    }
    if (sorted <= walked && sorted <= scanned)
        return window_sql(d, q, &p, SRC_INDEX, reverse, NULL, offset,
                          limit, rows, nrows, err);
    if (scanned <= walked)
        return window_sql(d, q, &p, SRC_SCAN, reverse, NULL, offset, limit,
                          rows, nrows, err);
    return window_walk(d, q, &p, reverse, offset, limit, rows, nrows, err);
}

/* ---- position ---- */

struct seek {
    int64_t id;
    long pos;
};

static int seek_visit(void *ctx, int64_t id, zb_err *err)
{
    (void)err;
    struct seek *s = ctx;
    if (id == s->id)
        return 1;
    s->pos++;
    return 0;
}

int member_position(db *d, const struct member_query *q, int64_t id,
                    long *pos, zb_err *err)
{
    struct plan p;
    struct sql one = {.n = 0}, cnt = {.n = 0};
    *pos = -1;
    if (make_plan(d, q, &p, err))
        return -1;
    if (p.kind == PLAN_FTS && p.est == 0)
        return 0;
    const char *const *t = sort_terms[sort_of(q)];
    bool org_sort = sort_of(q) == MEMBER_SORT_ORG;
    int nk = 0;
    while (nk < 3 && t[nk])
        nk++;

    /* The member's own sort values, if it is in the list at all
     * (zb_contains decides membership exactly as the index plans do). */
    if (org_sort && org_rank_refresh(d, err))
        return -1;
    add(&one, "SELECT ");
    for (int i = 0; i < nk; i++)
        add(&one, "%s, ", t[i]);
    add(&one, "m.id FROM member m%s WHERE m.id = :id",
        org_sort ? " JOIN temp.org_rank r ON r.org_id IS m.org_id" : "");
    if (!q->include_left)
        add(&one, " AND m.left_kind = 0");
    if (p.kind != PLAN_ALL)
        add(&one, " AND zb_contains(m.search, :needle)");
    if (q->org_id > 0 && q->org_direct)
        add(&one, " AND m.org_id = :org");
    else if (q->org_id > 0)
        add(&one, " AND m.org_id IN (WITH RECURSIVE sub(id) AS"
                  " (SELECT :org UNION SELECT o.id FROM org o"
                  " JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)");
    sqlite3_stmt *a = db_stmt(d, one.s, err);
    if (!a)
        return -1;
    bind_plan(a, q, &p);
    sqlite3_bind_int64(a, sqlite3_bind_parameter_index(a, ":id"), id);
    int rc = sqlite3_step(a);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(a);
        return rc == SQLITE_DONE ? 0 : db_fail(d, err, "查找党员位置");
    }

    if (index_ordered(q, &p)) {
        char py[MEMBER_SORTKEY_MAX];
        db_text(a, 0, py, sizeof py);
        sqlite3_reset(a);
        return position_ordered(d, q, &p, py, id, pos, err);
    }

    /* Many index members: walk the order over their bitmap (but for 1-2
     * digits, whose bitmap costs more than testing the rows before). */
    if (p.kind == PLAN_FTS && p.est > RECHECK_SORTED_MAX &&
        (!p.prefix || p.prefix > 2)) {
        sqlite3_reset(a);
        struct bitmap b;
        struct seek s = {.id = id};
        if (bitmap_load(d, &p, &b, err))
            return -1;
        rc = walk(d, q, &p, &b, false, seek_visit, &s, err);
        free(b.bits);
        if (!rc)
            *pos = s.pos;
        return rc;
    }

    /* Without a filter in pinyin order: the blocks before the member's,
     * then the members before it in its block. */
    struct blocks blk = {.block = -1};
    char lo[4] = "";
    if (pinyin_blocks(q, &p)) {
        const char *key = (const char *)sqlite3_column_text(a, 0);
        if (find_block(d, q, 0, key ? key : "", &blk, err)) {
            sqlite3_reset(a);
            return -1;
        }
        if (blk.block >= 0)
            block_low(blk.block, lo);
    }

    add(&cnt, "SELECT count(*) ");
    add_from(&cnt, q, &p, p.kind == PLAN_ALL ? SRC_ORDER
                          : p.kind == PLAN_FTS &&
                            p.est <= RECHECK_SORTED_MAX ? SRC_INDEX
                          : SRC_SCAN,
             true, true);
    if (blk.block >= 0)
        add(&cnt, " AND m.sort_py >= :lo");
    add(&cnt, " AND (");
    for (int i = 0; i < nk; i++)
        add(&cnt, "%s, ", t[i]);
    /* (in the ascending order when counting from a block) */
    add(&cnt, "m.id) %s (", q->desc && blk.block < 0 ? ">" : "<");
    for (int i = 0; i < nk; i++)
        add(&cnt, ":k%d, ", i);
    add(&cnt, ":kid)");

    sqlite3_stmt *b = db_stmt(d, cnt.s, err);
    if (!b) {
        sqlite3_reset(a);
        return -1;
    }
    bind_plan(b, q, &p);
    if (blk.block >= 0)
        sqlite3_bind_text(b, sqlite3_bind_parameter_index(b, ":lo"), lo, -1,
                          SQLITE_TRANSIENT);
    for (int i = 0; i <= nk; i++) {
        char name[16] = ":kid";
        if (i < nk)
            snprintf(name, sizeof name, ":k%d", i);
        sqlite3_bind_value(b, sqlite3_bind_parameter_index(b, name),
                           sqlite3_column_value(a, i));
    }
    rc = sqlite3_step(b);
    if (rc == SQLITE_ROW) {
        *pos = (long)sqlite3_column_int64(b, 0);
        if (blk.block >= 0) {
            *pos += blk.before;
            if (q->desc)
                *pos = p.total - 1 - *pos;
        }
    }
    sqlite3_reset(b);
    sqlite3_reset(a);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "查找党员位置");
}
