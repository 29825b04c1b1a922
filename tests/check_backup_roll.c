/* The rolling daily backup (src/io/backup_roll.h), with the dates
 * given: one file a day, only the newest `keep` kept, nothing else in
 * the directory touched, a failure reported, and a backup taken while
 * another process writes is a sound database. */
#include <check.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"
#include "io/backup_roll.h"
#include "model/member.h"
#include "testutil.h"

static bool exists(const char *name)
{
    return access(tu_path(name), F_OK) == 0;
}

static void touch(const char *name)
{
    FILE *f = fopen(tu_path(name), "w");
    ck_assert_ptr_nonnull(f);
    fputs("x", f);
    fclose(f);
}

static long long q_int(db *d, const char *sql)
{
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

START_TEST(one_a_day_newest_kept)
{
    db *d = tu_open();
    tu_member(d, "甲", "", "", 0);
    struct backup_roll_result r;
    zb_err err = {""};

    ck_assert_msg(backup_roll(d, "2026-01-10", 3, &r, &err) == 0, "%s",
                  err.msg);
    ck_assert(r.made);
    ck_assert_str_eq(r.path, tu_path("zhibu.db.backup-2026-01-10"));
    struct stat st;
    ck_assert_int_eq(stat(r.path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    /* a real copy */
    db *b = NULL;
    ck_assert_int_eq(db_open(r.path, 0, &b, &err), 0);
    ck_assert_int_eq(q_int(b, "SELECT count(*) FROM member"), 1);
    db_close(b);

    /* the same day again: nothing new */
    ck_assert_int_eq(backup_roll(d, "2026-01-10", 3, &r, &err), 0);
    ck_assert(!r.made);
    ck_assert_int_eq(r.removed, 0);

    /* older ones and unrelated files */
    char name[64];
    for (int day = 1; day <= 9; day++) {
        snprintf(name, sizeof name, "zhibu.db.backup-2026-01-%02d", day);
        touch(name);
    }
    touch("zhibu.db.backup-notes.txt");
    touch("zhibu.db.backup-2026-13-01");
    touch("other.db.backup-2026-01-01");
    touch("zhibu.db.backup-2026-01-01.txt");
    ck_assert_int_eq(backup_roll(d, "2026-01-10", 3, &r, &err), 0);
    ck_assert(!r.made);
    ck_assert_int_eq(r.removed, 7);
    ck_assert(exists("zhibu.db.backup-2026-01-10"));
    ck_assert(exists("zhibu.db.backup-2026-01-09"));
    ck_assert(exists("zhibu.db.backup-2026-01-08"));
    ck_assert(!exists("zhibu.db.backup-2026-01-07"));
    ck_assert(!exists("zhibu.db.backup-2026-01-01"));
    ck_assert(exists("zhibu.db.backup-notes.txt"));
    ck_assert(exists("zhibu.db.backup-2026-13-01"));
    ck_assert(exists("other.db.backup-2026-01-01"));
    ck_assert(exists("zhibu.db.backup-2026-01-01.txt"));
    ck_assert(exists("zhibu.db"));

    /* the next day: one more made, the oldest of the three goes */
    ck_assert_int_eq(backup_roll(d, "2026-01-11", 3, &r, &err), 0);
    ck_assert(r.made);
    ck_assert_int_eq(r.removed, 1);
    ck_assert(!exists("zhibu.db.backup-2026-01-08"));
    ck_assert(exists("zhibu.db.backup-2026-01-11"));

    /* keep 0: off */
    ck_assert_int_eq(backup_roll(d, "2026-01-12", 0, &r, &err), 0);
    ck_assert(!r.made);
    ck_assert(!exists("zhibu.db.backup-2026-01-12"));
    ck_assert(exists("zhibu.db.backup-2026-01-09"));
    db_close(d);
}
END_TEST

START_TEST(failure_is_reported_and_deletes_nothing)
{
    db *d = tu_open();
    touch("zhibu.db.backup-2026-01-01");
    touch("zhibu.db.backup-2026-01-02");
    /* the temporary file cannot be created: a directory is in the way */
    char tmp[600];
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld",
             tu_path("zhibu.db.backup-2026-02-01"), (long)getpid());
    ck_assert_int_eq(mkdir(tmp, 0700), 0);
    struct backup_roll_result r;
    zb_err err = {""};
    ck_assert_int_eq(backup_roll(d, "2026-02-01", 1, &r, &err), -1);
    ck_assert_msg(strstr(err.msg, "每日备份失败"), "%s", err.msg);
    ck_assert(!r.made);
    ck_assert(!exists("zhibu.db.backup-2026-02-01"));
    ck_assert(exists("zhibu.db.backup-2026-01-01"));
    ck_assert(exists("zhibu.db.backup-2026-01-02"));
    rmdir(tmp);
    ck_assert_int_eq(backup_roll(d, "not a date", 1, &r, &err), -1);
    db_close(d);
}
END_TEST

START_TEST(backup_while_another_process_writes)
{
    db *d = tu_open();
    /* enough pages that the backup takes many steps */
    struct member_bulk b;
    zb_err err = {""};
    ck_assert_int_eq(member_bulk_begin(d, &b, NULL, &err), 0);
    for (int i = 0; i < 3000; i++) {
        member m;
        member_init(&m);
        snprintf(m.name, sizeof m.name, "党员%d", i);
        snprintf(m.address, sizeof m.address, "%0200d", i);
        ck_assert_int_eq(member_bulk_add(&b, &m, &err), 0);
    }
    ck_assert_int_eq(member_bulk_end(&b, true, &err), 0);

    pid_t pid = fork();
    ck_assert_int_ne(pid, -1);
    if (pid == 0) {
        /* the other user: its own connection, saving members */
        db *w = NULL;
        if (db_open(tu_path("zhibu.db"), 0, &w, &err) != 0)
            _exit(2);
        for (int i = 0;; i++) {
            member m;
            member_init(&m);
            snprintf(m.name, sizeof m.name, "新人%d", i);
            if (member_save(w, &m, &err) != 0)
                _exit(3);
            usleep(2000);   /* a busy office, not a tight loop: a
                               backup restarts after every commit */
        }
    }
    usleep(100000);
    struct backup_roll_result r;
    int rc = backup_roll(d, "2026-03-01", 2, &r, &err);
    kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    ck_assert_msg(rc == 0, "%s", err.msg);
    ck_assert(r.made);
    long long now = q_int(d, "SELECT count(*) FROM member");
    ck_assert_int_gt(now, 3000);   /* the writer did write */

    db *c = NULL;
    ck_assert_int_eq(db_open(r.path, 0, &c, &err), 0);
    sqlite3_stmt *st = db_stmt(c, "PRAGMA integrity_check", NULL);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_reset(st);
    long long copied = q_int(c, "SELECT count(*) FROM member");
    ck_assert_int_ge(copied, 3000);
    ck_assert_int_le(copied, now);
    db_close(c);
    db_close(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("backup_roll");
    TCase *tc = tcase_create("backup_roll");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, NULL, tu_cleanup);
    tcase_add_test(tc, one_a_day_newest_kept);
    tcase_add_test(tc, failure_is_reported_and_deletes_nothing);
    tcase_add_test(tc, backup_while_another_process_writes);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
