/* The store: creating, refusing, migrating, pragmas, transactions,
 * statement cache, data_version, backup. */
#include <check.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "model/check.h"
#include "model/member.h"
#include "model/org.h"
#include "testutil.h"

static long long q_int(db *d, const char *sql)
{
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

static const char *q_text(db *d, const char *sql, char *buf, size_t n)
{
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    db_text(st, 0, buf, n);
    sqlite3_reset(st);
    return buf;
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Opening must fail with msg_part, leaving the file byte-for-byte as
 * it was and creating no journal files next to it. */
static void expect_refused(const char *path, const char *msg_part)
{
    long size0, size1;
    uint64_t h0 = tu_file_hash(path, &size0);
    db *d = NULL;
    zb_err err = {""};
    ck_assert_int_eq(db_open(path, DB_OPEN_CREATE, &d, &err), -1);
    ck_assert_ptr_null(d);
    ck_assert_msg(strstr(err.msg, msg_part) != NULL, "message: %s",
                  err.msg);
    ck_assert_ptr_null(strchr(err.msg, '\n'));
    uint64_t h1 = tu_file_hash(path, &size1);
    ck_assert_int_eq(size0, size1);
    ck_assert_msg(h0 == h1, "file changed");
    char side[600];
    snprintf(side, sizeof side, "%s-wal", path);
    ck_assert_msg(!exists(side), "-wal created");
    snprintf(side, sizeof side, "%s-journal", path);
    ck_assert_msg(!exists(side), "-journal created");
}

START_TEST(test_create_new)
{
    mode_t old = umask(0);      /* the file must be 0600 regardless */
    const char *path = tu_path("a/b/c/office.db");
    db *d = NULL;
    zb_err err = {""};
    ck_assert_int_eq(db_open(path, DB_OPEN_CREATE, &d, &err), 0);
    umask(old);
    ck_assert_int_eq(db_schema_version(d), DB_SCHEMA_VERSION);
    ck_assert_int_eq(q_int(d, "PRAGMA application_id"), DB_APPLICATION_ID);
    ck_assert_str_eq(db_path(d), path);
    ck_assert_str_ne(db_user(d), "");
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    ck_assert_int_eq(stat(tu_path("a/b/c"), &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
    ck_assert_int_eq(stat(tu_path("a"), &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
    /* the tables of version 1 exist */
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM sqlite_master"
                              " WHERE name IN ('org', 'member',"
                              " 'member_search')"), 3);
    bool empty = false;
    ck_assert_int_eq(db_is_empty(d, &empty, &err), 0);
    ck_assert(empty);
    db_close(d);

    /* reopening an up-to-date file changes nothing */
    ck_assert_int_eq(db_open(path, 0, &d, &err), 0);
    ck_assert_int_eq(db_schema_version(d), DB_SCHEMA_VERSION);
    db_close(d);
}
END_TEST

/* db_run_id and db_row_done: the statements' own outcome, a missing
 * record, a refused statement. */
START_TEST(test_id_helpers)
{
    db *d = NULL;
    zb_err err = {""};
    ck_assert_int_eq(db_open(tu_path("ids.db"), DB_OPEN_CREATE, &d, &err), 0);
    ck_assert_int_eq(db_exec(d, "CREATE TABLE t(id INTEGER PRIMARY KEY,"
                                " v TEXT NOT NULL);"
                                "INSERT INTO t VALUES (1, 'a'), (2, 'b');",
                             &err), 0);
    static const char del[] = "DELETE FROM t WHERE id = ?1";
    ck_assert_int_eq(db_run_id(d, del, 1, "删", "没有了", &err), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM t"), 1);
    ck_assert_int_eq(db_run_id(d, del, 1, "删", "没有了", &err), -1);
    ck_assert_str_eq(err.msg, "没有了");
    ck_assert_int_eq(db_run_id(d, del, 1, "删", NULL, &err), 0);
    static const char bad[] = "UPDATE t SET v = NULL WHERE id = ?1";
    ck_assert_int_eq(db_run_id(d, bad, 2, "改值", NULL, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "数据库错误：改值："));

    static const char get[] = "SELECT v FROM t WHERE id = ?1";
    char v[8] = "";
    for (int64_t id = 1; id <= 2; id++) {
        sqlite3_stmt *st = db_stmt(d, get, &err);
        ck_assert_ptr_nonnull(st);
        sqlite3_bind_int64(st, 1, id);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            db_text(st, 0, v, sizeof v);
        ck_assert_int_eq(db_row_done(d, st, rc, "找不到", "读", &err),
                         id == 2 ? 0 : -1);
    }
    ck_assert_str_eq(v, "b");
    ck_assert_str_eq(err.msg, "找不到");
    db_close(d);
}
END_TEST

START_TEST(test_missing_without_create)
{
    const char *path = tu_path("nothing/here.db");
    db *d = NULL;
    zb_err err = {""};
    ck_assert_int_eq(db_open(path, 0, &d, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "不存在"));
    ck_assert(!exists(path));
    ck_assert(!exists(tu_path("nothing")));
    ck_assert_int_eq(db_open(path, DB_OPEN_CREATE | DB_OPEN_READONLY, &d,
                             &err), -1);
    ck_assert(!exists(path));
}
END_TEST

START_TEST(test_refuse_text_file)
{
    const char *path = tu_path("notes.csv");
    const char text[] = "姓名,电话\n测试,123\n";
    write_file(path, text, sizeof text - 1);
    expect_refused(path, "不是 zhibu 数据库（或文件已损坏）：");
    db *d = NULL;
    zb_err err = {""};
    db_open(path, 0, &d, &err);
    ck_assert_ptr_nonnull(strstr(err.msg, path));
}
END_TEST

START_TEST(test_refuse_random_bytes)
{
    const char *path = tu_path("random.bin");
    unsigned char buf[8192];
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (size_t i = 0; i < sizeof buf; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        buf[i] = (unsigned char)x;
    }
    write_file(path, buf, sizeof buf);
    expect_refused(path, "不是 zhibu 数据库");

    /* A SQLite header followed by garbage: corrupt. */
    memcpy(buf, "SQLite format 3", 16);
    write_file(path, buf, sizeof buf);
    expect_refused(path, "不是 zhibu 数据库");

    /* Too short to be anything. */
    write_file(path, "SQLite", 6);
    expect_refused(path, "不是 zhibu 数据库");
}
END_TEST

static void make_foreign(const char *path, const char *sql)
{
    sqlite3 *h;
    ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
}

START_TEST(test_refuse_foreign_sqlite)
{
    const char *a = tu_path("other.db");
    make_foreign(a, "PRAGMA application_id = 1234;"
                    "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    expect_refused(a, "不是 zhibu 数据库");

    const char *b = tu_path("plain.db");
    make_foreign(b, "CREATE TABLE contacts(name, phone);"
                    "INSERT INTO contacts VALUES ('测试', '123');");
    expect_refused(b, "不是 zhibu 数据库");

    const char *c = tu_path("versioned.db");
    make_foreign(c, "PRAGMA user_version = 3;");
    expect_refused(c, "不是 zhibu 数据库");
}
END_TEST

START_TEST(test_refuse_newer_version)
{
    db *d = tu_open();
    const char *path = db_path(d);
    char p[512];
    snprintf(p, sizeof p, "%s", path);
    tu_sql(d, "PRAGMA user_version = 99");
    db_close(d);
    char want[256];
    snprintf(want, sizeof want, "数据库由更新版本的 zhibu 创建（版本 99），"
             "本程序只支持到版本 %d，请升级 zhibu", DB_SCHEMA_VERSION);
    expect_refused(p, want);
}
END_TEST

START_TEST(test_failed_migration_rolls_back)
{
    /* An empty database with a view in the way of version 1's tables:
     * the step fails, is reported, and leaves nothing behind. */
    const char *path = tu_path("blocked.db");
    make_foreign(path, "CREATE VIEW member AS SELECT 1 AS x;");
    db *d = NULL;
    zb_err err = {""};
    ck_assert_int_eq(db_open(path, 0, &d, &err), -1);
    ck_assert_msg(strstr(err.msg, "数据库升级到版本 1 失败：") != NULL,
                  "%s", err.msg);
    sqlite3 *h;
    ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT (SELECT user_version FROM"
                                           " pragma_user_version),"
                                           " (SELECT application_id FROM"
                                           " pragma_application_id),"
                                           " (SELECT count(*) FROM"
                                           " sqlite_master)", -1, &st, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(st, 0), 0);
    ck_assert_int_eq(sqlite3_column_int(st, 1), 0);
    ck_assert_int_eq(sqlite3_column_int(st, 2), 1);    /* the view only */
    sqlite3_finalize(st);
    sqlite3_close(h);
}
END_TEST

START_TEST(test_empty_file_is_new)
{
    const char *path = tu_path("empty.db");
    write_file(path, "", 0);
    chmod(path, 0600);
    db *d = NULL;
    zb_err err = {""};
    ck_assert_int_eq(db_open(path, 0, &d, &err), 0);
    ck_assert_int_eq(db_schema_version(d), DB_SCHEMA_VERSION);
    db_close(d);
}
END_TEST

START_TEST(test_pragmas)
{
    db *d = tu_open();
    char buf[32];
    ck_assert_str_eq(q_text(d, "PRAGMA journal_mode", buf, sizeof buf),
                     "wal");
    ck_assert_int_eq(q_int(d, "PRAGMA foreign_keys"), 1);
    ck_assert_int_eq(q_int(d, "PRAGMA synchronous"), 2);
    ck_assert_int_eq(q_int(d, "PRAGMA busy_timeout"), 5000);
    /* foreign keys are enforced */
    zb_err err = {""};
    ck_assert_int_eq(db_exec(d, "INSERT INTO org (parent_id, name,"
                                " updated_at) VALUES (999, 'x', '')",
                             &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "FOREIGN KEY"));
    db_close(d);
}
END_TEST

START_TEST(test_readonly)
{
    db *d = tu_open();
    int64_t org = tu_org(d, 0, "测试街道党工委", "街道党工委");
    tu_member(d, "张小军", "13800001234", "", org);
    db_close(d);
    zb_err err = {""};
    ck_assert_int_eq(db_open(tu_path("zhibu.db"), DB_OPEN_READONLY, &d,
                             &err), 0);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org"), 1);
    ck_assert_int_eq(db_exec(d, "DELETE FROM org", &err), -1);
    /* lists, search and check work without write access (they use
     * temporary tables only) */
    struct member_query q = {.filter = "zxj", .sort = MEMBER_SORT_ORG};
    struct member_row rows[4];
    int n = -1;
    long total = -1, problems = -1;
    ck_assert_msg(member_window(d, &q, 0, 4, rows, &n, &err) == 0, "%s",
                  err.msg);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(member_count(d, &q, &total, &err), 0);
    ck_assert_int_eq(total, 1);
    FILE *out = tmpfile();
    ck_assert_msg(check_run(d, out, &problems, &err) == 0, "%s", err.msg);
    fclose(out);
    ck_assert_int_eq(problems, 0);
    db_close(d);
}
END_TEST

START_TEST(test_nested_transactions)
{
    db *d = tu_open();
    zb_err err = {""};
    ck_assert_int_eq(db_begin(d, &err), 0);
    ck_assert_int_eq(db_begin(d, &err), 0);
    tu_org(d, 0, "甲", "");
    ck_assert_int_eq(db_commit(d, &err), 0);   /* inner: nothing yet */
    db_rollback(d);                             /* rolls back all */
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org"), 0);
    ck_assert_int_eq(db_commit(d, &err), -1);   /* nothing open now */

    ck_assert_int_eq(db_begin(d, &err), 0);
    ck_assert_int_eq(db_begin(d, &err), 0);
    tu_org(d, 0, "乙", "");
    ck_assert_int_eq(db_commit(d, &err), 0);
    /* still inside the outer transaction: another connection cannot
     * see the row yet */
    db *o = NULL;
    ck_assert_int_eq(db_open(tu_path("zhibu.db"), 0, &o, &err), 0);
    ck_assert_int_eq(q_int(o, "SELECT count(*) FROM org"), 0);
    ck_assert_int_eq(db_commit(d, &err), 0);
    ck_assert_int_eq(q_int(o, "SELECT count(*) FROM org"), 1);
    /* rollback at the inner level also ends the outer transaction */
    ck_assert_int_eq(db_begin(d, &err), 0);
    tu_org(d, 0, "丙", "");
    ck_assert_int_eq(db_begin(d, &err), 0);
    db_rollback(d);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM org"), 1);
    ck_assert(sqlite3_get_autocommit(db_handle(d)));
    db_close(o);
    db_close(d);
}
END_TEST

START_TEST(test_stmt_cache)
{
    db *d = tu_open();
    static const char sql[] = "SELECT ?1";
    sqlite3_stmt *a = db_stmt(d, sql, NULL);
    ck_assert_ptr_nonnull(a);
    sqlite3_bind_int(a, 1, 42);
    ck_assert_int_eq(sqlite3_step(a), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(a, 0), 42);
    /* same statement, reset and with its binding cleared */
    sqlite3_stmt *b = db_stmt(d, sql, NULL);
    ck_assert_ptr_eq(a, b);
    ck_assert(!sqlite3_stmt_busy(b));
    ck_assert_int_eq(sqlite3_step(b), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_type(b, 0), SQLITE_NULL);
    sqlite3_reset(b);
    /* same text at another address: same statement */
    char buf[64];
    snprintf(buf, sizeof buf, "%s", sql);
    ck_assert_ptr_eq(db_stmt(d, buf, NULL), a);
    /* the same buffer with other text: not the old statement */
    snprintf(buf, sizeof buf, "SELECT 7");
    sqlite3_stmt *c = db_stmt(d, buf, NULL);
    ck_assert_ptr_ne(c, a);
    ck_assert_int_eq(sqlite3_step(c), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(c, 0), 7);
    sqlite3_reset(c);
    /* many distinct statements: the cache stays bounded and correct */
    for (int i = 0; i < 600; i++) {
        snprintf(buf, sizeof buf, "SELECT %d", i);
        sqlite3_stmt *s = db_stmt(d, buf, NULL);
        ck_assert_ptr_nonnull(s);
        ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
        ck_assert_int_eq(sqlite3_column_int(s, 0), i);
        sqlite3_reset(s);
    }
    /* bad SQL: NULL and a message */
    zb_err err = {""};
    ck_assert_ptr_null(db_stmt(d, "SELEKT 1", &err));
    ck_assert_ptr_nonnull(strstr(err.msg, "数据库错误："));
    db_close(d);
}
END_TEST

START_TEST(test_changed_elsewhere)
{
    db *a = tu_open();
    db *b = NULL;
    zb_err err = {""};
    ck_assert_int_eq(db_open(tu_path("zhibu.db"), 0, &b, &err), 0);
    ck_assert(!db_changed_elsewhere(a));
    tu_org(a, 0, "自己改的", "");
    ck_assert(!db_changed_elsewhere(a));   /* own writes do not count */
    tu_org(b, 0, "别人改的", "");
    ck_assert(db_changed_elsewhere(a));
    ck_assert(!db_changed_elsewhere(a));
    db_close(b);
    db_close(a);
}
END_TEST

START_TEST(test_backup)
{
    db *d = tu_open();
    tu_org(d, 0, "备份测试党委", "");
    zb_err err = {""};
    const char *dest = tu_path("copy.db");
    char keep[512];
    snprintf(keep, sizeof keep, "%s", dest);
    ck_assert_int_eq(db_backup(d, keep, &err), 0);
    struct stat st;
    ck_assert_int_eq(stat(keep, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    /* never over an existing file */
    ck_assert_int_eq(db_backup(d, keep, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "已存在"));
    db_close(d);

    db *c = NULL;
    ck_assert_int_eq(db_open(keep, 0, &c, &err), 0);
    char name[64];
    ck_assert_str_eq(q_text(c, "SELECT name FROM org", name, sizeof name),
                     "备份测试党委");
    ck_assert_int_eq(db_schema_version(c), DB_SCHEMA_VERSION);
    db_close(c);
}
END_TEST

START_TEST(test_default_path)
{
    char out[512];
    setenv("ZHIBU_DB", "/x/y.db", 1);
    ck_assert_int_eq(db_default_path(out, sizeof out), 0);
    ck_assert_str_eq(out, "/x/y.db");
    unsetenv("ZHIBU_DB");
    setenv("XDG_DATA_HOME", "/data", 1);
    ck_assert_int_eq(db_default_path(out, sizeof out), 0);
    ck_assert_str_eq(out, "/data/zhibu/zhibu.db");
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/home/someone", 1);
    ck_assert_int_eq(db_default_path(out, sizeof out), 0);
    ck_assert_str_eq(out, "/home/someone/.local/share/zhibu/zhibu.db");
    ck_assert_int_eq(db_default_path(out, 10), -1);
}
END_TEST

START_TEST(test_db_text_cuts_at_characters)
{
    db *d = tu_open();
    sqlite3_stmt *st = db_stmt(d, "SELECT '张三丰', NULL", NULL);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    char buf[8];
    db_text(st, 0, buf, 5);        /* room for one character only */
    ck_assert_str_eq(buf, "张");
    db_text(st, 0, buf, sizeof buf);
    ck_assert_str_eq(buf, "张三");
    db_text(st, 1, buf, sizeof buf);
    ck_assert_str_eq(buf, "");
    sqlite3_reset(st);
    char now[20];
    db_now(now);
    ck_assert_int_eq(strlen(now), 19);
    ck_assert_int_eq(now[10], ' ');
    db_close(d);
}
END_TEST

START_TEST(test_is_empty)
{
    db *d = tu_open();
    bool empty = false;
    zb_err err = {""};
    ck_assert_int_eq(db_is_empty(d, &empty, &err), 0);
    ck_assert(empty);
    tu_org(d, 0, "有数据", "");
    ck_assert_int_eq(db_is_empty(d, &empty, &err), 0);
    ck_assert(!empty);
    db_close(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("db");
    TCase *tc = tcase_create("db");
    tcase_add_checked_fixture(tc, NULL, tu_cleanup);
    tcase_add_test(tc, test_create_new);
    tcase_add_test(tc, test_missing_without_create);
    tcase_add_test(tc, test_refuse_text_file);
    tcase_add_test(tc, test_refuse_random_bytes);
    tcase_add_test(tc, test_refuse_foreign_sqlite);
    tcase_add_test(tc, test_refuse_newer_version);
    tcase_add_test(tc, test_failed_migration_rolls_back);
    tcase_add_test(tc, test_empty_file_is_new);
    tcase_add_test(tc, test_pragmas);
    tcase_add_test(tc, test_readonly);
    tcase_add_test(tc, test_nested_transactions);
    tcase_add_test(tc, test_stmt_cache);
    tcase_add_test(tc, test_changed_elsewhere);
    tcase_add_test(tc, test_backup);
    tcase_add_test(tc, test_default_path);
    tcase_add_test(tc, test_db_text_cuts_at_characters);
    tcase_add_test(tc, test_is_empty);
    tcase_add_test(tc, test_id_helpers);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
