/* Members: bulk loading (demo data, CSV import).
 *
 * One INSERT per row costs ~30 us with this many indexes (a cursor
 * each, a statement journal; multi-row VALUES did not help). Rows are
 * staged in temporary tables without indexes and moved with one
 * INSERT ... SELECT each (the index in rowid order); the tally is
 * counted in memory and written once. */
#include "model/member_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char stage_sql[] =
    "INSERT INTO temp.member_staging" MEMBER_INSERT_VALUES;
static const char stage_words_sql[] =
    "INSERT INTO temp.member_staging_words (id, doc, digits, names)"
    " VALUES (?1, ?2, ?3, ?4)";

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
    size_t len[2];
    char *words[2] = {
        member_index_words(search, m->left_kind != 0, INDEX_DIGITS, &len[0]),
        member_index_words(search, m->left_kind != 0, INDEX_NAMES, &len[1])};
    if (!words[0] || !words[1]) {
        free(words[0]);
        free(words[1]);
        return zb_fail(err, "内存不足");
    }
    if ((st = db_stmt(d, stage_words_sql, err))) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, member_doc_rowid(py, id));
        sqlite3_bind_text(st, 3, words[0], (int)len[0], SQLITE_STATIC);
        sqlite3_bind_text(st, 4, words[1], (int)len[1], SQLITE_STATIC);
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

int member_bulk_end(struct member_bulk *b, bool keep, zb_err *err)
{
    db *d = b->d;
    if (!b->open)
        return -1;
    b->open = false;
    /* staged in id order already */
    /* (columns named: those of later schema steps take their
     * defaults) */
    if (keep && (db_exec(d, "INSERT INTO main.member" MEMBER_INSERT_COLS
                            " SELECT " MEMBER_COL_LIST
                            " FROM temp.member_staging;", err) ||
                 /* each index in rowid order, in fewer and larger
                  * segments (30% faster), then one segment each: every
                  * word's members in one list */
                 db_exec(d, "INSERT INTO main.member_search (member_search,"
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
                         err) ||
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
