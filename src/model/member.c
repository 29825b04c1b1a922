/* Party members: storage, derived keys and the windowed list queries.
 *
 * Search. member.search holds the lower-case name, every pinyin-initials
 * variant, phone digits, ID number and member number; a filter f matches
 * when search LIKE '%f%'. Scanning 100 000 rows with LIKE costs 40-60 ms
 * per query and a list asks twice (count, window) on every keystroke, so
 * the search text is also indexed by its grams:
 *   - every non-ASCII character (a name character: 张),
 *   - every 1-, 2- and 3-letter piece of a run of letters (initials),
 *   - every 4-digit piece of a run of digits (phone, ID, member number).
 * A filter that is one gram (张, zxj, 1380) is answered from the index
 * alone; a longer one takes its rarest gram's members and rechecks them
 * (zb_contains, see db.h); a filter with no gram (1-3 digits,
 * punctuation) scans. Every plan gives exactly the rows of search LIKE
 * '%f%' (the tests compare them).
 *
 * The index is an FTS5 table used as a plain inverted index (one
 * document per member, its grams as words, no content, no positions):
 * about 37 grams a member make 3.7 million postings for 100 000 members,
 * which FTS5 keeps in ~6 MB and writes in under 2 s, where a WITHOUT
 * ROWID table of (gram, member) rows took 47 MB and 8 s even when loaded
 * in order. Words carry the member's register state ('a' on the
 * register, 'l' left) so that the default list needs no row lookups to
 * count. */
#include "model/member.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "pinyin.h"
#include "rules.h"
#include "text.h"

const char *const member_sort_label[MEMBER_SORT_COUNT] = {
    [MEMBER_SORT_PINYIN] = "按姓名拼音排序",
    [MEMBER_SORT_STROKES] = "按姓氏笔画排序",
    [MEMBER_SORT_AGE] = "按年龄排序",
    [MEMBER_SORT_ORG] = "按所在党组织排序",
    [MEMBER_SORT_JOIN] = "按入党日期排序",
    [MEMBER_SORT_NO] = "按党员编号排序",
};

/* ---- derived keys ---- */

#define GRAM_DIGITS 1        /* 4 digits: 1 .. 10000 */
#define GRAM_LETTERS 10001   /* 1-3 letters, base 27: .. 29683 */
#define GRAM_CHAR 32768      /* one non-ASCII code point */
/* A gram with more members than this, or than a quarter of all, is
 * "dense": a window then walks the sort order and checks each row, which
 * meets 40 matches at once, instead of sorting all the gram's members. */
#define GRAM_DENSE 20000
#define GRAM_SAMPLE 4        /* grams of a long filter that are counted */

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

static bool is_letter(char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static int32_t letters_gram(const char *p, size_t n)
{
    int32_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 27 + (p[i] - 'a' + 1);
    return GRAM_LETTERS + v;
}

static int32_t digits_gram(const char *p)
{
    return GRAM_DIGITS + (p[0] - '0') * 1000 + (p[1] - '0') * 100 +
           (p[2] - '0') * 10 + (p[3] - '0');
}

static size_t run_end(const char *s, size_t i, size_t len,
                      bool (*in)(char))
{
    while (i < len && in(s[i]))
        i++;
    return i;
}

static int cmp_gram(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* Changing what this returns changes the index words: the search index
 * must then be rebuilt (member_reindex) by a migration, since removing a
 * member's document needs exactly the words it was added with. */
int member_grams(const char *s, int32_t *out)
{
    size_t len = strlen(s), i = 0;
    int n = 0;
    while (i < len && n + 3 <= MEMBER_GRAMS_MAX) {
        if ((unsigned char)s[i] >= 0x80) {
            uint32_t c;
            i += text_decode(s + i, len - i, &c);
            out[n++] = GRAM_CHAR + (int32_t)c;
        } else if (is_letter(s[i])) {
            size_t end = run_end(s, i, len, is_letter);
            for (size_t p = i; p < end && n + 3 <= MEMBER_GRAMS_MAX; p++)
                for (size_t k = 1; k <= 3 && p + k <= end; k++)
                    out[n++] = letters_gram(s + p, k);
            i = end;
        } else if (is_digit(s[i])) {
            size_t end = run_end(s, i, len, is_digit);
            for (size_t p = i; p + 4 <= end && n < MEMBER_GRAMS_MAX; p++)
                out[n++] = digits_gram(s + p);
            i = end;
        } else {
            i++;
        }
    }
    qsort(out, (size_t)n, sizeof *out, cmp_gram);
    int u = 0;
    for (int k = 0; k < n; k++)
        if (u == 0 || out[u - 1] != out[k])
            out[u++] = out[k];
    return u;
}

/* The index word of a gram: 'a' or 'l' (left), then base 32. */
static size_t gram_word(int32_t g, bool left, char *out)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyz234567";
    char tmp[8];
    size_t n = 0, o = 0;
    do {
        tmp[n++] = digits[g & 31];
        g >>= 5;
    } while (g);
    out[o++] = left ? 'l' : 'a';
    while (n)
        out[o++] = tmp[--n];
    out[o] = '\0';
    return o;
}

/* The index words of a search text (malloc'ed; *len bytes). */
static char *grams_words(const char *search, bool left, size_t *len)
{
    int32_t g[MEMBER_GRAMS_MAX];
    int n = member_grams(search, g);
    char *words = malloc((size_t)n * 9 + 1);
    size_t o = 0;
    if (!words)
        return NULL;
    for (int i = 0; i < n; i++) {
        o += gram_word(g[i], left, words + o);
        words[o++] = ' ';
    }
    words[o] = '\0';
    *len = o;
    return words;
}

/* Adds (or removes) a member's document in the search index. Removing
 * needs exactly the words that were added: the stored search text and
 * left_kind give them. */
static int grams_put(db *d, int64_t id, const char *search, int left_kind,
                     bool add, zb_err *err)
{
    static const char ins[] =
        "INSERT INTO member_search (rowid, grams) VALUES (?1, ?2)";
    static const char del[] =
        "INSERT INTO member_search (member_search, rowid, grams)"
        " VALUES ('delete', ?1, ?2)";
    size_t len;
    char *words = grams_words(search, left_kind != 0, &len);
    if (!words)
        return zb_fail(err, "内存不足");
    sqlite3_stmt *st = db_stmt(d, add ? ins : del, err);
    int rc = SQLITE_DONE;
    if (st) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, words, (int)len, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
    }
    free(words);
    if (!st)
        return -1;
    return rc == SQLITE_DONE ? 0 : db_fail(d, err, "更新搜索索引");
}

/* ---- records ---- */

void member_init(member *m)
{
    memset(m, 0, sizeof *m);
    m->category = CATEGORY_FULL;
    m->party_status = PARTY_STATUS_NORMAL;
    m->kind = KIND_COMMUNITY;
}

#define MEMBER_COLS \
    "id, member_no, name, gender, id_number, ethnic, birth_date," \
    " education, category, coalesce(org_id, 0), join_date, full_date," \
    " job, phone, address, party_status, lost, lost_date, mobile," \
    " mobile_dest, kind, employer, notes, left_kind, left_date," \
    " updated_at, updated_by"

static void read_member(sqlite3_stmt *st, member *m)
{
    member_init(m);
    m->id = sqlite3_column_int64(st, 0);
    db_text(st, 1, m->member_no, sizeof m->member_no);
    db_text(st, 2, m->name, sizeof m->name);
    m->gender = sqlite3_column_int(st, 3);
    db_text(st, 4, m->id_number, sizeof m->id_number);
    db_text(st, 5, m->ethnic, sizeof m->ethnic);
    db_text(st, 6, m->birth_date, sizeof m->birth_date);
    db_text(st, 7, m->education, sizeof m->education);
    m->category = sqlite3_column_int(st, 8);
    m->org_id = sqlite3_column_int64(st, 9);
    db_text(st, 10, m->join_date, sizeof m->join_date);
    db_text(st, 11, m->full_date, sizeof m->full_date);
    db_text(st, 12, m->job, sizeof m->job);
    db_text(st, 13, m->phone, sizeof m->phone);
    db_text(st, 14, m->address, sizeof m->address);
    m->party_status = sqlite3_column_int(st, 15);
    m->lost = sqlite3_column_int(st, 16) != 0;
    db_text(st, 17, m->lost_date, sizeof m->lost_date);
    m->mobile = sqlite3_column_int(st, 18) != 0;
    db_text(st, 19, m->mobile_dest, sizeof m->mobile_dest);
    m->kind = sqlite3_column_int(st, 20);
    db_text(st, 21, m->employer, sizeof m->employer);
    db_text(st, 22, m->notes, sizeof m->notes);
    m->left_kind = sqlite3_column_int(st, 23);
    db_text(st, 24, m->left_date, sizeof m->left_date);
    db_text(st, 25, m->updated_at, sizeof m->updated_at);
    db_text(st, 26, m->updated_by, sizeof m->updated_by);
}

int member_get(db *d, int64_t id, member *out, zb_err *err)
{
    static const char sql[] = "SELECT " MEMBER_COLS
                              " FROM member WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_member(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc == SQLITE_DONE)
        return zb_fail(err, "找不到该党员的记录");
    return db_fail(d, err, "读取党员");
}

/* The member (other than exclude_id) holding id_number. */
static int idnum_holder(db *d, const char *id_number, int64_t exclude_id,
                        int64_t *found, char *name, size_t name_sz,
                        char *no, size_t no_sz, zb_err *err)
{
    static const char sql[] =
        "SELECT id, name, member_no FROM member"
        " WHERE id_number = ?1 AND id_number <> '' AND id <> ?2 LIMIT 1";
    char idn[sizeof ((member *)0)->id_number];
    snprintf(idn, sizeof idn, "%s", id_number);
    size_t n = strlen(idn);
    if (n && idn[n - 1] == 'x')
        idn[n - 1] = 'X';
    *found = 0;
    if (name_sz)
        name[0] = '\0';
    if (no_sz)
        no[0] = '\0';
    if (!*idn)
        return 0;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, idn, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, exclude_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *found = sqlite3_column_int64(st, 0);
        db_text(st, 1, name, name_sz);
        db_text(st, 2, no, no_sz);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(d, err, "查找公民身份号码");
    return 0;
}

int member_find_idnum(db *d, const char *id_number, int64_t exclude_id,
                      int64_t *found_id, char *name_out, size_t name_sz,
                      zb_err *err)
{
    char no[16];
    return idnum_holder(d, id_number, exclude_id, found_id, name_out,
                        name_sz, no, sizeof no, err);
}

/* Current search text and left_kind of a stored member. */
static int load_keys(db *d, int64_t id, char *no, char *search,
                     int *left_kind, zb_err *err)
{
    static const char sql[] =
        "SELECT member_no, search, left_kind FROM member WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        db_text(st, 0, no, 16);
        db_text(st, 1, search, MEMBER_SEARCH_MAX);
        *left_kind = sqlite3_column_int(st, 2);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return zb_fail(err, "找不到该党员的记录");
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "读取党员");
    return 0;
}

static int next_id(db *d, int64_t *id, zb_err *err)
{
    /* AUTOINCREMENT's counter too: numbers of erased members are never
     * handed out again. */
    static const char sql[] =
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence"
        "                     WHERE name = 'member'), 0),"
        "           coalesce((SELECT max(id) FROM member), 0)) + 1";
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "分配党员编号");
}

/* Parameters ?1 .. ?31, shared by INSERT and UPDATE (which skips ?2,
 * ?28: member_no and created_at never change). */
#define INSERT_COLS \
    " (id, member_no, left_kind, org_id, name, sort_py," \
    " sort_strokes, search, gender, birth_date, category, kind," \
    " party_status, phone, id_number, join_date, full_date, ethnic," \
    " education, job, lost, lost_date, mobile, mobile_dest, employer," \
    " address, left_date, created_at, updated_at, updated_by, notes)"
#define INSERT_COLS_VALUES INSERT_COLS \
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13," \
    " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26," \
    " ?27, ?28, ?29, ?30, ?31)"
static const char insert_sql[] = "INSERT INTO member" INSERT_COLS_VALUES;
static const char update_sql[] =
    "UPDATE member SET left_kind = ?3, org_id = ?4, name = ?5,"
    " sort_py = ?6, sort_strokes = ?7, search = ?8, gender = ?9,"
    " birth_date = ?10, category = ?11, kind = ?12, party_status = ?13,"
    " phone = ?14, id_number = ?15, join_date = ?16, full_date = ?17,"
    " ethnic = ?18, education = ?19, job = ?20, lost = ?21,"
    " lost_date = ?22, mobile = ?23, mobile_dest = ?24, employer = ?25,"
    " address = ?26, left_date = ?27, updated_at = ?29,"
    " updated_by = ?30, notes = ?31 WHERE id = ?1";

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

/* Binds parameters base + 1 .. base + 31. */
static void bind_member(sqlite3_stmt *st, int base, const member *m,
                        int64_t id, const char *search, const char *py,
                        const char *strokes, const char *now,
                        const char *user)
{
    sqlite3_bind_int64(st, base + 1, id);
    bind_text(st, base + 2, m->member_no);
    sqlite3_bind_int(st, base + 3, m->left_kind);
    if (m->org_id > 0)
        sqlite3_bind_int64(st, base + 4, m->org_id);
    else
        sqlite3_bind_null(st, base + 4);
    bind_text(st, base + 5, m->name);
    bind_text(st, base + 6, py);
    bind_text(st, base + 7, strokes);
    bind_text(st, base + 8, search);
    sqlite3_bind_int(st, base + 9, m->gender);
    bind_text(st, base + 10, m->birth_date);
    sqlite3_bind_int(st, base + 11, m->category);
    sqlite3_bind_int(st, base + 12, m->kind);
    sqlite3_bind_int(st, base + 13, m->party_status);
    bind_text(st, base + 14, m->phone);
    bind_text(st, base + 15, m->id_number);
    bind_text(st, base + 16, m->join_date);
    bind_text(st, base + 17, m->full_date);
    bind_text(st, base + 18, m->ethnic);
    bind_text(st, base + 19, m->education);
    bind_text(st, base + 20, m->job);
    sqlite3_bind_int(st, base + 21, m->lost);
    bind_text(st, base + 22, m->lost ? m->lost_date : "");
    sqlite3_bind_int(st, base + 23, m->mobile);
    bind_text(st, base + 24, m->mobile ? m->mobile_dest : "");
    bind_text(st, base + 25, m->employer);
    bind_text(st, base + 26, m->address);
    bind_text(st, base + 27, m->left_kind ? m->left_date : "");
    bind_text(st, base + 28, now);
    bind_text(st, base + 29, now);
    bind_text(st, base + 30, user);
    bind_text(st, base + 31, m->notes);
}

static int save_fail(db *d, zb_err *err, const char *what)
{
    int ext = sqlite3_extended_errcode(db_handle(d));
    if (ext == SQLITE_CONSTRAINT_CHECK)
        return zb_fail(err, "保存失败：数据不符合要求（日期应为"
                       " YYYY-MM-DD，性别等代码应有效）");
    if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
        return zb_fail(err, "保存失败：所在党组织不存在");
    if (ext == SQLITE_CONSTRAINT_UNIQUE)
        return zb_fail(err, "保存失败：公民身份号码或党员编号已被使用");
    return db_fail(d, err, what);
}

int member_save(db *d, member *m, zb_err *err)
{
    /* Upper-case X, as stored and as the unique index compares. */
    size_t idlen = strlen(m->id_number);
    if (idlen && m->id_number[idlen - 1] == 'x')
        m->id_number[idlen - 1] = 'X';
    if (!m->name[0])
        return zb_fail(err, "姓名不能为空");
    if (db_begin(d, err))
        return -1;

    int64_t holder, id = m->id;
    char hname[sizeof m->name], hno[16];
    if (idnum_holder(d, m->id_number, m->id, &holder, hname, sizeof hname,
                     hno, sizeof hno, err))
        goto fail;
    if (holder) {
        zb_fail(err, "公民身份号码已由党员 %s（编号 %s）使用", hname, hno);
        goto fail;
    }

    char old_search[MEMBER_SEARCH_MAX] = "", no[16];
    int old_left = -1;
    if (id == 0) {
        if (next_id(d, &id, err))
            goto fail;
        member_number(id, no, sizeof no);
    } else if (load_keys(d, id, no, old_search, &old_left, err)) {
        goto fail;
    }
    member saved = *m;    /* keys are computed from the final record */
    snprintf(saved.member_no, sizeof saved.member_no, "%s", no);

    char search[MEMBER_SEARCH_MAX], py[MEMBER_SORTKEY_MAX];
    char strokes[MEMBER_SORTKEY_MAX], now[20];
    member_keys(&saved, search, py, strokes);
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, m->id ? update_sql : insert_sql, err);
    if (!st)
        goto fail;
    bind_member(st, 0, &saved, id, search, py, strokes, now, db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        save_fail(d, err, "保存党员");
        goto fail;
    }
    if (old_left != saved.left_kind || strcmp(old_search, search) != 0) {
        if ((old_left >= 0 &&
             grams_put(d, id, old_search, old_left, false, err)) ||
            grams_put(d, id, search, saved.left_kind, true, err))
            goto fail;
    }
    if (db_commit(d, err))
        goto fail;
    m->id = id;
    memcpy(m->member_no, saved.member_no, sizeof m->member_no);
    memcpy(m->updated_at, now, sizeof m->updated_at);
    snprintf(m->updated_by, sizeof m->updated_by, "%s", db_user(d));
    return 0;
fail:
    db_rollback(d);
    return -1;
}

/* ---- bulk loading ---- */

/* One INSERT per row costs ~30 us with this many indexes (a cursor
 * each, a statement journal; multi-row VALUES did not help). Rows are
 * staged in temporary tables without indexes and moved with one
 * INSERT ... SELECT each: 100 000 members in ~4 s instead of ~9 s. */
static const char stage_sql[] =
    "INSERT INTO temp.member_staging" INSERT_COLS_VALUES;
static const char stage_words_sql[] =
    "INSERT INTO temp.member_staging_words (id, words) VALUES (?1, ?2)";

int member_bulk_begin(db *d, struct member_bulk *b, const char *created_at,
                      zb_err *err)
{
    memset(b, 0, sizeof *b);
    b->d = d;
    if (created_at && *created_at)
        snprintf(b->created_at, sizeof b->created_at, "%s", created_at);
    else
        db_now(b->created_at);
    if (db_begin(d, err))
        return -1;
    if (next_id(d, &b->next_id, err) ||
        db_exec(d, "DROP TABLE IF EXISTS temp.member_staging;"
                   "DROP TABLE IF EXISTS temp.member_staging_words;"
                   "CREATE TEMP TABLE member_staging AS"
                   " SELECT * FROM main.member WHERE 0;"
                   "CREATE TEMP TABLE member_staging_words"
                   " (id INTEGER PRIMARY KEY, words TEXT NOT NULL);", err)) {
        db_rollback(d);
        return -1;
    }
    b->open = true;
    return 0;
}

int member_bulk_add(struct member_bulk *b, member *m, zb_err *err)
{
    db *d = b->d;
    size_t idlen = strlen(m->id_number);
    if (idlen && m->id_number[idlen - 1] == 'x')
        m->id_number[idlen - 1] = 'X';
    if (!m->name[0])
        return zb_fail(err, "姓名不能为空");
    int64_t id = b->next_id;
    member_number(id, m->member_no, sizeof m->member_no);
    char search[MEMBER_SEARCH_MAX], py[MEMBER_SORTKEY_MAX];
    char strokes[MEMBER_SORTKEY_MAX];
    member_keys(m, search, py, strokes);
    sqlite3_stmt *st = db_stmt(d, stage_sql, err);
    if (!st)
        return -1;
    bind_member(st, 0, m, id, search, py, strokes, b->created_at,
                db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(d, err, "暂存党员");
    size_t len;
    char *words = grams_words(search, m->left_kind != 0, &len);
    if (!words)
        return zb_fail(err, "内存不足");
    if ((st = db_stmt(d, stage_words_sql, err))) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, words, (int)len, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    free(words);
    if (!st)
        return -1;
    if (rc != SQLITE_DONE)
        return db_fail(d, err, "暂存党员");
    m->id = id;
    b->next_id++;
    b->added++;
    memcpy(m->updated_at, b->created_at, sizeof m->updated_at);
    snprintf(m->updated_by, sizeof m->updated_by, "%s", db_user(d));
    return 0;
}

int member_bulk_end(struct member_bulk *b, bool keep, zb_err *err)
{
    db *d = b->d;
    if (!b->open)
        return -1;
    b->open = false;
    /* staged in id order already */
    if (keep && (db_exec(d, "INSERT INTO main.member"
                            " SELECT * FROM temp.member_staging;", err) ||
                 db_exec(d, "INSERT INTO main.member_search (rowid, grams)"
                            " SELECT id, words"
                            " FROM temp.member_staging_words ORDER BY id;",
                         err) ||
                 db_exec(d, "DROP TABLE temp.member_staging;"
                            "DROP TABLE temp.member_staging_words;", err) ||
                 db_commit(d, err))) {
        if (sqlite3_extended_errcode(db_handle(d)) ==
            SQLITE_CONSTRAINT_UNIQUE)
            zb_fail(err, "批量保存失败：公民身份号码或党员编号重复");
        keep = false;
    }
    if (!keep) {
        db_rollback(d);
        return -1;
    }
    return 0;
}

/* Tables whose rows refer to a member: (table, column). Later schema
 * versions add theirs here (attendance, pairs, visits, ...). */
static const struct { const char *table, *column; } history_refs[] = {
    {NULL, NULL}
};

int member_has_history(db *d, int64_t id, bool *has, zb_err *err)
{
    static const char age_sql[] =
        "SELECT created_at < datetime('now', '-1 day')"
        " FROM member WHERE id = ?1";
    *has = false;
    for (int i = 0; history_refs[i].table && !*has; i++) {
        char sql[256];
        snprintf(sql, sizeof sql,
                 "SELECT EXISTS (SELECT 1 FROM %s WHERE %s = ?1)",
                 history_refs[i].table, history_refs[i].column);
        sqlite3_stmt *st = db_stmt(d, sql, err);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, id);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            *has = sqlite3_column_int(st, 0) != 0;
        sqlite3_reset(st);
        if (rc != SQLITE_ROW)
            return db_fail(d, err, "检查党员的历史记录");
    }
    if (*has)
        return 0;
    sqlite3_stmt *st = db_stmt(d, age_sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *has = sqlite3_column_int(st, 0) != 0;
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return zb_fail(err, "找不到该党员的记录");
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "检查党员的历史记录");
}

int member_delete(db *d, int64_t id, zb_err *err)
{
    static const char sql[] = "DELETE FROM member WHERE id = ?1";
    bool has;
    char no[16], search[MEMBER_SEARCH_MAX];
    int left;
    if (db_begin(d, err))
        return -1;
    if (member_has_history(d, id, &has, err))
        goto fail;
    if (has) {
        zb_fail(err, "该党员的记录已保存超过 24 小时或已被其他记录引用，"
                "不能删除；如已离开，请标记为出党、转出或去世");
        goto fail;
    }
    if (load_keys(d, id, no, search, &left, err) ||
        grams_put(d, id, search, left, false, err))
        goto fail;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "删除党员");
        goto fail;
    }
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

int member_mark_left(db *d, int64_t id, int left_kind, const char *date,
                     zb_err *err)
{
    static const char sql[] =
        "UPDATE member SET left_kind = ?2, left_date = ?3,"
        " updated_at = ?4, updated_by = ?5 WHERE id = ?1";
    if (left_kind < 0 || left_kind >= DOMAIN_LEFT_N)
        return zb_fail(err, "无效的离开类型：%d", left_kind);
    if (left_kind == LEFT_NONE)
        date = "";
    else if (!date || !rules_date_valid(date))
        return zb_fail(err, "日期无效：%s（应为 YYYY-MM-DD）",
                       date ? date : "");
    char no[16], search[MEMBER_SEARCH_MAX], now[20];
    int old_left;
    if (db_begin(d, err))
        return -1;
    if (load_keys(d, id, no, search, &old_left, err))
        goto fail;
    db_now(now);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, left_kind);
    bind_text(st, 3, date);
    bind_text(st, 4, now);
    bind_text(st, 5, db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        db_fail(d, err, "标记党员离开");
        goto fail;
    }
    if (old_left != left_kind &&
        (grams_put(d, id, search, old_left, false, err) ||
         grams_put(d, id, search, left_kind, true, err)))
        goto fail;
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

/* ---- consistency of the derived keys ---- */

#define KEY_COLS "id, member_no, name, phone, id_number, search, sort_py," \
    " sort_strokes, left_kind"

/* Reads the key-relevant part of a row (KEY_COLS) and recomputes. */
static bool keys_stale(sqlite3_stmt *st, char *search, int *n_grams)
{
    member m;
    char py[MEMBER_SORTKEY_MAX], strokes[MEMBER_SORTKEY_MAX];
    char old[MEMBER_SEARCH_MAX];
    int32_t g[MEMBER_GRAMS_MAX];
    member_init(&m);
    db_text(st, 1, m.member_no, sizeof m.member_no);
    db_text(st, 2, m.name, sizeof m.name);
    db_text(st, 3, m.phone, sizeof m.phone);
    db_text(st, 4, m.id_number, sizeof m.id_number);
    member_keys(&m, search, py, strokes);
    db_text(st, 5, old, sizeof old);
    if (n_grams)
        *n_grams = member_grams(old, g);
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
        " USING fts5vocab(main, member_search, 'row')";
    static const char count[] =
        "SELECT coalesce(sum(doc), 0) FROM temp.member_search_vocab";
    *stale = 0;
    *grams_ok = true;
    long long want = 0, have = -1;
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char search[MEMBER_SEARCH_MAX];
        int n;
        if (keys_stale(st, search, &n))
            (*stale)++;
        want += n;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(d, err, "检查搜索索引");
    if (db_exec(d, vocab, err) || !(st = db_stmt(d, count, err)))
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        have = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    *grams_ok = have == want;
    return 0;
}

int member_reindex(db *d, zb_err *err)
{
    static const char sql[] = "SELECT " KEY_COLS " FROM member";
    static const char upd[] =
        "UPDATE member SET search = ?2, sort_py = ?3, sort_strokes = ?4"
        " WHERE id = ?1";
    if (db_begin(d, err))
        return -1;
    if (db_exec(d, "INSERT INTO member_search (member_search)"
                   " VALUES ('delete-all')", err))
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
        int left = sqlite3_column_int(st, 8);
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
        bind_text(u, 2, search);
        bind_text(u, 3, py);
        bind_text(u, 4, strokes);
        int urc = sqlite3_step(u);
        sqlite3_reset(u);
        if (urc != SQLITE_DONE) {
            db_fail(d, err, "重建搜索索引");
            break;
        }
        if (grams_put(d, id, search, left, true, err))
            break;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        if (rc != SQLITE_ROW)
            db_fail(d, err, "重建搜索索引");
        goto fail;
    }
    if (db_commit(d, err))
        goto fail;
    return 0;
fail:
    db_rollback(d);
    return -1;
}

/* ---- windowed list ---- */

enum plan_kind { PLAN_ALL, PLAN_GRAM, PLAN_SCAN };

struct plan {
    enum plan_kind kind;
    int32_t gram;
    bool recheck;          /* the gram's members are only candidates */
    bool dense;            /* a gram most members have */
    long gram_members;     /* of the chosen gram, counted up to GRAM_DENSE */
    char query[48];        /* the index query of the gram */
    char needle[256];      /* the filter: trimmed, ASCII lower-case */
};

/* Grams of a filter that every matching search text must contain. */
static int filter_grams(const char *f, int32_t *out, int max, bool *exact)
{
    size_t len = strlen(f), i = 0;
    int n = 0, pieces = 0;
    bool one = false;
    while (i < len && n + 8 <= max) {
        size_t start = i;
        if ((unsigned char)f[i] >= 0x80) {
            uint32_t c;
            i += text_decode(f + i, len - i, &c);
            /* a broken byte sequence has no gram of its own: scan */
            if (c == 0xFFFD && (i - start != 3 ||
                                memcmp(f + start, "\xEF\xBF\xBD", 3)))
                return 0;
            out[n++] = GRAM_CHAR + (int32_t)c;
            /* U+FFFD also stands for broken bytes in the data */
            one = start == 0 && i == len && c != 0xFFFD;
        } else if (is_letter(f[i])) {
            i = run_end(f, i, len, is_letter);
            if (i - start <= 3) {
                out[n++] = letters_gram(f + start, i - start);
                one = start == 0 && i == len;
            } else {
                for (size_t p = start; p + 3 <= i && n < max; p++)
                    out[n++] = letters_gram(f + p, 3);
            }
        } else if (is_digit(f[i])) {
            i = run_end(f, i, len, is_digit);
            for (size_t p = start; p + 4 <= i && n < max; p++)
                out[n++] = digits_gram(f + p);
            one = start == 0 && i == len && len == 4;
        } else {
            i++;
        }
        pieces++;
    }
    *exact = one && pieces == 1 && n == 1;
    return n;
}

/* The index query for a gram (both register states if include_left). */
static void gram_query(int32_t g, bool include_left, char *out)
{
    char w[16];
    size_t o = 0;
    out[o++] = '"';
    o += gram_word(g, false, out + o);
    out[o++] = '"';
    if (include_left) {
        gram_word(g, true, w);
        o += (size_t)sprintf(out + o, " OR \"%s\"", w);
    }
    out[o] = '\0';
}

/* Members having a gram, counted up to cap. */
static int gram_rows(db *d, int32_t gram, bool include_left, long cap,
                     long *rows, zb_err *err)
{
    static const char sql[] =
        "SELECT count(*) FROM (SELECT rowid FROM member_search(?1)"
        " LIMIT ?2)";
    char q[48];
    gram_query(gram, include_left, q);
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, q, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, cap);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *rows = sqlite3_column_int64(st, 0);
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
    if (!n) {
        p->kind = PLAN_ALL;
        return 0;
    }
    text_ascii_lower(f);
    memcpy(p->needle, f, n + 1);

    int32_t g[64];
    bool exact;
    int ng = filter_grams(f, g, 64, &exact);
    if (ng == 0) {
        p->kind = PLAN_SCAN;
        return 0;
    }
    /* The rarest of (a sample of) its grams. */
    long best = -1;
    int step = ng > GRAM_SAMPLE ? ng / GRAM_SAMPLE : 1;
    for (int i = 0; i < ng; i += step) {
        long rows = 0;
        if (gram_rows(d, g[i], q->include_left, GRAM_DENSE, &rows, err))
            return -1;
        if (best < 0 || rows < best) {
            best = rows;
            p->gram = g[i];
        }
    }
    p->kind = PLAN_GRAM;
    gram_query(p->gram, q->include_left, p->query);
    p->recheck = !exact;
    p->gram_members = best;
    p->dense = best >= GRAM_DENSE;
    if (!p->dense) {
        static const char all[] = "SELECT count(*) FROM member";
        sqlite3_stmt *st = db_stmt(d, all, err);
        if (!st)
            return -1;
        if (sqlite3_step(st) == SQLITE_ROW)
            p->dense = best * 4 >= sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
    }
    return 0;
}

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

static void add_order(struct sql *s, const struct member_query *q,
                      const char *prefix_alias)
{
    const char *const *t = sort_terms[sort_of(q)];
    const char *dir = q->desc ? " DESC" : "";
    for (int i = 0; i < 3 && t[i]; i++) {
        if (prefix_alias)
            add(s, "%s.k%d%s, ", prefix_alias, i, dir);
        else
            add(s, "%s%s, ", t[i], dir);
    }
    add(s, "%s%s", prefix_alias ? "w.id" : "m.id", dir);
}

/* "FROM ... WHERE ..." of the query; need_member false allows counting
 * from the search index alone. */
static void add_from(struct sql *s, const struct member_query *q,
                     const struct plan *p, bool need_member, bool sorted)
{
    bool org_sort = sorted && sort_of(q) == MEMBER_SORT_ORG;
    bool driven = p->kind == PLAN_GRAM;
    if (driven) {
        /* CROSS JOIN: the index's members drive, then row lookups, from
         * the narrow index when it has all that is needed (30% faster
         * for a surname in the default order) */
        add(s, "FROM member_search(:q) g");
        if (need_member)
            add(s, " CROSS JOIN member m%s ON m.id = g.rowid",
                sorted && sort_of(q) == MEMBER_SORT_PINYIN && !p->recheck
                    ? " INDEXED BY member_id_py" : "");
        if (org_sort)
            add(s, " JOIN temp.org_rank r ON r.org_id IS m.org_id");
    } else if (org_sort) {
        add(s, "FROM temp.org_rank r CROSS JOIN member m"
               " ON m.org_id IS r.org_id");
    } else {
        add(s, "FROM member m");
    }
    add(s, " WHERE 1");
    if (!q->include_left && !driven)
        add(s, " AND m.left_kind = 0");
    if (p->kind == PLAN_SCAN || (p->kind == PLAN_GRAM && p->recheck))
        add(s, " AND zb_contains(m.search, :needle)");
    if (q->org_id > 0)
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

int member_count(db *d, const struct member_query *q, long *n, zb_err *err)
{
    struct plan p;
    struct sql s = {.n = 0};
    *n = 0;
    if (make_plan(d, q, &p, err))
        return -1;
    if (p.kind == PLAN_GRAM && !p.recheck && q->org_id <= 0 &&
        p.gram_members < GRAM_DENSE) {
        *n = p.gram_members;       /* the plan counted them already */
        return 0;
    }
    if (p.kind == PLAN_ALL && q->org_id <= 0) {
        /* count(*) of a whole table only counts b-tree cells; those who
         * left are few and have their own (partial) index */
        add(&s, "SELECT (SELECT count(*) FROM member)");
        if (!q->include_left)
            add(&s, " - (SELECT count(*) FROM member WHERE left_kind <> 0)");
    } else {
        bool need_member = !(p.kind == PLAN_GRAM && !p.recheck &&
                             q->org_id <= 0);
        add(&s, "SELECT count(*) ");
        add_from(&s, q, &p, need_member, false);
    }
    sqlite3_stmt *st = db_stmt(d, s.s, err);
    if (!st)
        return -1;
    bind_plan(st, q, &p);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "统计党员");
}

int member_window(db *d, const struct member_query *q, long offset,
                  int limit, struct member_row *rows, int *nrows,
                  zb_err *err)
{
    struct plan p;
    struct sql s = {.n = 0};
    *nrows = 0;
    if (limit <= 0)
        return 0;
    if (make_plan(d, q, &p, err))
        return -1;
    /* A gram most members have: walking the sort order finds the first
     * rows at once, where sorting all the gram's members would not. */
    if (p.kind == PLAN_GRAM && p.dense)
        p.kind = PLAN_SCAN;
    const char *const *t = sort_terms[sort_of(q)];
    if (sort_of(q) == MEMBER_SORT_ORG && org_rank_refresh(d, err))
        return -1;
    add(&s, "SELECT mm.id, mm.member_no, mm.name, mm.gender,"
            " mm.birth_date, coalesce(o.name, ''), mm.category, mm.kind,"
            " mm.phone, mm.id_number, mm.left_kind, mm.party_status"
            " FROM (SELECT m.id AS id");
    for (int i = 0; i < 3 && t[i]; i++)
        add(&s, ", %s AS k%d", t[i], i);
    add(&s, " ");
    add_from(&s, q, &p, true, true);
    add(&s, " ORDER BY ");
    add_order(&s, q, NULL);
    add(&s, " LIMIT :lim OFFSET :off) AS w"
            " CROSS JOIN member mm ON mm.id = w.id"
            " LEFT JOIN org o ON o.id = mm.org_id ORDER BY ");
    add_order(&s, q, "w");

    sqlite3_stmt *st = db_stmt(d, s.s, err);
    if (!st)
        return -1;
    bind_plan(st, q, &p);
    sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":lim"), limit);
    sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":off"),
                       offset < 0 ? 0 : offset);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *nrows < limit) {
        struct member_row *r = &rows[(*nrows)++];
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
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(d, err, "读取党员列表");
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
    const char *const *t = sort_terms[sort_of(q)];
    bool org_sort = sort_of(q) == MEMBER_SORT_ORG;
    int nk = 0;
    while (nk < 3 && t[nk])
        nk++;

    /* The member's own sort values, if it is in the list at all
     * (zb_contains decides membership exactly as the gram plans do). */
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
    if (q->org_id > 0)
        add(&one, " AND m.org_id IN (WITH RECURSIVE sub(id) AS"
                  " (SELECT :org UNION SELECT o.id FROM org o"
                  " JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)");

    add(&cnt, "SELECT count(*) ");
    add_from(&cnt, q, &p, true, true);
    add(&cnt, " AND (");
    for (int i = 0; i < nk; i++)
        add(&cnt, "%s, ", t[i]);
    add(&cnt, "m.id) %s (", q->desc ? ">" : "<");
    for (int i = 0; i < nk; i++)
        add(&cnt, ":k%d, ", i);
    add(&cnt, ":kid)");

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
    sqlite3_stmt *b = db_stmt(d, cnt.s, err);
    if (!b) {
        sqlite3_reset(a);
        return -1;
    }
    bind_plan(b, q, &p);
    for (int i = 0; i <= nk; i++) {
        char name[8] = ":kid";
        if (i < nk)
            snprintf(name, sizeof name, ":k%d", i);
        sqlite3_bind_value(b, sqlite3_bind_parameter_index(b, name),
                           sqlite3_column_value(a, i));
    }
    rc = sqlite3_step(b);
    if (rc == SQLITE_ROW)
        *pos = (long)sqlite3_column_int64(b, 0);
    sqlite3_reset(b);
    sqlite3_reset(a);
    return rc == SQLITE_ROW ? 0 : db_fail(d, err, "查找党员位置");
}
