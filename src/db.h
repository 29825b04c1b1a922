/* The SQLite store: open/create, migrate, transactions, statement
 * helpers. sqlite3_* is used only here and in src/model/. */
#ifndef ZB_DB_H
#define ZB_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

typedef struct db db;
struct sqlite3;
struct sqlite3_stmt;

/* Current schema version this program writes (PRAGMA user_version). */
#define DB_SCHEMA_VERSION 5
/* PRAGMA application_id of a zhibu database ("ZHBU"). */
#define DB_APPLICATION_ID 0x5A484255

enum db_open_flags {
    DB_OPEN_CREATE = 1,   /* create the file (0600, parent dirs) if missing */
    DB_OPEN_READONLY = 2
};

/* Every connection also has the SQL function zb_contains(text, needle):
 * 1 if needle occurs in text (bytes compared exactly). */

/* Opens path. Order matters: the file is inspected read-only first; a
 * file that is not a SQLite database, is corrupt, belongs to another
 * application, or has a newer schema is refused with a Chinese message
 * and is not modified. Then WAL, foreign_keys=ON, synchronous=FULL,
 * busy_timeout 5000 ms, and forward-only migrations (each in one
 * transaction). */
int db_open(const char *path, int flags, db **out, zb_err *err);
void db_close(db *d);

struct sqlite3 *db_handle(db *d);
const char *db_path(const db *d);
/* Unix user name recorded in updated_by. */
const char *db_user(const db *d);
int db_schema_version(db *d);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. Nested calls are counted: only
 * the outermost begin/commit touch SQLite; a rollback at any depth rolls
 * the whole transaction back. */
int db_begin(db *d, zb_err *err);
int db_commit(db *d, zb_err *err);
void db_rollback(db *d);

/* Cached prepared statement for a constant SQL string (keyed by the
 * pointer and text): reset and bindings cleared before it is returned.
 * NULL on error (message in err). Do not finalize it. */
struct sqlite3_stmt *db_stmt(db *d, const char *sql, zb_err *err);

/* Runs SQL without results (no parameters; schema and pragmas only). */
int db_exec(db *d, const char *sql, zb_err *err);

/* Fills err with "数据库错误：<what>：<sqlite message>" and returns -1. */
int db_fail(db *d, zb_err *err, const char *what);
/* Ends a read of one record: resets st after the sqlite3_step that
 * returned rc. 0 for a row; -1 with missing (no row) or a database
 * error about what. */
int db_row_done(db *d, struct sqlite3_stmt *st, int rc, const char *missing,
                const char *what, zb_err *err);
/* Runs sql, a statement without results whose only parameter ?1 is id
 * (a DELETE or UPDATE of one record). missing (may be NULL): the error
 * when no row changed. 0 or -1 (a database error about what, or
 * missing). */
int db_run_id(db *d, const char *sql, int64_t id, const char *what,
              const char *missing, zb_err *err);

/* True if another connection changed the database since the last call
 * (PRAGMA data_version): screens poll it to show others' changes. */
bool db_changed_elsewhere(db *d);

/* Default database path: $ZHIBU_DB, else $XDG_DATA_HOME/zhibu/zhibu.db,
 * else ~/.local/share/zhibu/zhibu.db. Writes into out; -1 if none. */
int db_default_path(char *out, size_t outsz);

/* Online backup to dest (sqlite3_backup): safe while others write. */
int db_backup(db *d, const char *dest, zb_err *err);

/* Page cache for bulk work (CSV import): kib > 0 KiB for the main and
 * the temporary database, 0 = back to the small defaults. A bulk insert
 * into indexed tables is much faster with the indexes' pages in memory. */
int db_set_cache(db *d, int kib, zb_err *err);

/* Copies text column col of the current row into out (NUL-terminated,
 * cut at a UTF-8 character boundary if too long; "" for NULL). */
void db_text(struct sqlite3_stmt *st, int col, char *out, size_t outsz);

/* Current time as "YYYY-MM-DD HH:MM:SS" UTC (updated_at, created_at). */
void db_now(char out[20]);

/* True if the database holds any row of user data. */
int db_is_empty(db *d, bool *empty, zb_err *err);

#endif
