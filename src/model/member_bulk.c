/* Members: bulk loading (demo data, CSV import).
 *
 * One INSERT per row into the indexed table costs ~30 us (a cursor per
 * index, a statement journal; multi-row VALUES did not help). Rows are
 * staged in temporary tables without indexes and moved at end with one
 * INSERT ... SELECT; into an EMPTY member table its indexes are dropped
 * first and built again afterwards, each from one sorted pass (CREATE
 * INDEX), all in the same transaction. (Inserting the rows directly
 * into the index-less table cost 4 times the instructions of staging
 * them: per-statement work on the AUTOINCREMENT table.) The
 * search words are fed to each FTS5 index in its rowid order (an FTS5
 * insert per row would flush its pending terms at every statement);
 * the tally is counted in memory and written once. */
#include "model/member_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char stage_sql[] =
    "INSERT INTO temp.member_staging" MEMBER_INSERT_VALUES;
/* (columns named: those of later schema steps take their defaults) */
static const char move_sql[] =
    "INSERT INTO main.member" MEMBER_INSERT_COLS
    " SELECT " MEMBER_COL_LIST " FROM temp.member_staging";
static const char stage_words_sql[] =
    "INSERT INTO temp.member_staging_words (id, doc, digits, names)"
    " VALUES (?1, ?2, ?3, ?4)";

/* The member table's indexes as the schema created them: their CREATE
 * statements are read back from sqlite_master, so the definitions stay
 * in one place (src/db_schema*.c). */
#define MAX_INDEXES 40
struct bulk_indexes {
    int n;
    char *name[MAX_INDEXES], *sql[MAX_INDEXES];
};

static void indexes_free(struct bulk_indexes *x)
{
    if (!x)
        return;
    for (int i = 0; i < x->n; i++) {
        free(x->name[i]);
        free(x->sql[i]);
    }
    free(x);
}

static int indexes_read(db *d, struct bulk_indexes **out, zb_err *err)
{
    static const char sql[] =
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'index'"
        " AND tbl_name = 'member' AND sql IS NOT NULL ORDER BY name";
    struct bulk_indexes *x = calloc(1, sizeof *x);
    sqlite3_stmt *st = x ? db_stmt(d, sql, err) : NULL;
    if (!st) {
        free(x);
        return x ? -1 : zb_fail(err, "内存不足");
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *def = (const char *)sqlite3_column_text(st, 1);
        if (x->n == MAX_INDEXES || !name || !def || strchr(name, '"')) {
            sqlite3_reset(st);
            indexes_free(x);
            return zb_fail(err, "批量保存：无法处理党员表的索引 %s",
                           name ? name : "");
        }
        x->name[x->n] = strdup(name);
        x->sql[x->n] = strdup(def);
        if (!x->name[x->n++] || !x->sql[x->n - 1]) {
            sqlite3_reset(st);
            indexes_free(x);
            return zb_fail(err, "内存不足");
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        indexes_free(x);
        return db_fail(d, err, "读取党员表的索引");
    }
    *out = x;
    return 0;
}

/* If the member table is empty: its indexes are read and dropped
 * (*out; NULL otherwise). Inside the bulk's transaction, so a rollback
 * brings them back. */
static int drop_indexes_if_empty(db *d, struct bulk_indexes **out,
                                 zb_err *err)
{
    *out = NULL;
    sqlite3_stmt *st = db_stmt(d, "SELECT EXISTS (SELECT 1 FROM main.member)",
                               err);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    bool empty = rc == SQLITE_ROW && sqlite3_column_int(st, 0) == 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return db_fail(d, err, "检查党员表");
    if (!empty)
        return 0;
    struct bulk_indexes *x = NULL;
    if (indexes_read(d, &x, err))
        return -1;
    for (int i = 0; i < x->n; i++) {
        char sql[160];
        snprintf(sql, sizeof sql, "DROP INDEX main.\"%.100s\"", x->name[i]);
        if (db_exec(d, sql, err)) {
            indexes_free(x);
            return -1;
        }
    }
    *out = x;
    return 0;
}

int member_bulk_begin(db *d, struct member_bulk *b, const char *created_at,
                      zb_err *err)
{
    memset(b, 0, sizeof *b);
    b->d = d;
    if (created_at && *created_at)
        snprintf(b->created_at, sizeof b->created_at, "%s", created_at);
    else
        db_now(b->created_at);
    if (!(b->tally = tally_map_new()))
        return zb_fail(err, "内存不足");
    if (db_begin(d, err)) {
        tally_map_free(b->tally);
        b->tally = NULL;
        return -1;
    }
    if (member_next_id(d, &b->next_id, err) ||
        db_exec(d, "DROP TABLE IF EXISTS temp.member_staging;"
                   "DROP TABLE IF EXISTS temp.member_staging_words;"
                   "CREATE TEMP TABLE member_staging AS"
                   " SELECT " MEMBER_COL_LIST " FROM main.member WHERE 0;"
                   "CREATE TEMP TABLE member_staging_words"
                   " (id INTEGER PRIMARY KEY, doc INTEGER NOT NULL,"
                   " digits TEXT NOT NULL, names TEXT NOT NULL);",
                err)) {
        db_rollback(d);
        tally_map_free(b->tally);
        b->tally = NULL;
        return -1;
    }
    b->open = true;
    return 0;
}

int member_bulk_add(struct member_bulk *b, member *m, zb_err *err)
{
    db *d = b->d;
    if (!b->open)
        return zb_fail(err, "批量保存未开始");
    size_t idlen = strlen(m->id_number);
    if (idlen && m->id_number[idlen - 1] == 'x')
        m->id_number[idlen - 1] = 'X';
    if (!m->name[0])
        return zb_fail(err, "姓名不能为空");
    int64_t id = b->next_id;
    if (id > DOC_ID_MASK)
        return zb_fail(err, "党员编号超出范围：%lld", (long long)id);
    member_number(id, m->member_no, sizeof m->member_no);
    char search[MEMBER_SEARCH_MAX], py[MEMBER_SORTKEY_MAX];
    char strokes[MEMBER_SORTKEY_MAX];
    member_keys(m, search, py, strokes);
    sqlite3_stmt *st = db_stmt(d, stage_sql, err);
    if (!st)
        return -1;
    member_bind(st, m, id, search, py, strokes, b->created_at, db_user(d));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(d, err, "暂存党员");
    char *words[2];
    size_t len[2];
    if (member_index_words(search, m->left_kind != 0, words, len))
        return zb_fail(err, "内存不足");
    if ((st = db_stmt(d, stage_words_sql, err))) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, member_doc_rowid(py, id));
        sqlite3_bind_text(st, 3, words[INDEX_DIGITS],
                          (int)len[INDEX_DIGITS], SQLITE_STATIC);
        sqlite3_bind_text(st, 4, words[INDEX_NAMES], (int)len[INDEX_NAMES],
                          SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    free(words[0]);
    free(words[1]);
    if (!st)
        return -1;
    if (rc != SQLITE_DONE)
        return db_fail(d, err, "暂存党员");
    if (tally_map_add(b->tally, search, py, m->left_kind != 0))
        return zb_fail(err, "内存不足");
    m->id = id;
    b->next_id++;
    b->added++;
    memcpy(m->updated_at, b->created_at, sizeof m->updated_at);
    snprintf(m->updated_by, sizeof m->updated_by, "%s", db_user(d));
    return 0;
}

/* The staged rows into main.member. */
static int move_rows(db *d, zb_err *err)
{
    struct bulk_indexes *x;
    if (drop_indexes_if_empty(d, &x, err))
        return -1;
    int rc = db_exec(d, move_sql, err);
    /* unique ones included: a duplicate fails here */
    for (int i = 0; x && i < x->n && !rc; i++)
        rc = db_exec(d, x->sql[i], err);
    indexes_free(x);
    return rc;
}

/* Each search index filled in its rowid order, in few large segments
 * (hashsize 8 MB), then merged into one: every word's members in one
 * list. */
static int fill_search(db *d, zb_err *err)
{
    return db_exec(d, "INSERT INTO main.member_search (member_search,"
                      " rank) VALUES ('hashsize', 8388608);"
                      "INSERT INTO main.member_search (rowid, grams)"
                      " SELECT id, digits"
                      " FROM temp.member_staging_words ORDER BY id;"
                      "INSERT INTO main.member_search (member_search,"
                      " rank) VALUES ('hashsize', 1048576);"
                      "INSERT INTO main.member_search (member_search)"
                      " VALUES ('optimize');"
                      "INSERT INTO main.member_name_search"
                      " (member_name_search, rank)"
                      " VALUES ('hashsize', 8388608);"
                      "INSERT INTO main.member_name_search"
                      " (rowid, grams) SELECT doc, names"
                      " FROM temp.member_staging_words ORDER BY doc;"
                      "INSERT INTO main.member_name_search"
                      " (member_name_search, rank)"
                      " VALUES ('hashsize', 1048576);"
                      "INSERT INTO main.member_name_search"
                      " (member_name_search) VALUES ('optimize');",
                   err);
}

int member_bulk_end(struct member_bulk *b, bool keep, zb_err *err)
{
    db *d = b->d;
    if (!b->open)
        return -1;
    b->open = false;
    if (keep && (move_rows(d, err) || fill_search(d, err) ||
                 tally_map_write(d, b->tally, err) ||
                 db_exec(d, "DROP TABLE temp.member_staging;"
                            "DROP TABLE temp.member_staging_words;", err) ||
                 db_commit(d, err))) {
        if (sqlite3_extended_errcode(db_handle(d)) ==
            SQLITE_CONSTRAINT_UNIQUE)
            zb_fail(err, "批量保存失败：公民身份号码或党员编号重复");
        keep = false;
    }
    tally_map_free(b->tally);
    b->tally = NULL;
    if (!keep) {
        db_rollback(d);
        return -1;
    }
    return 0;
}
