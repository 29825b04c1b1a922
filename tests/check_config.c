/* The settings file: defaults, comments, values, and errors that name
 * the file and the line. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

static char path[64];

static void write_file(const char *text)
{
    snprintf(path, sizeof path, "/tmp/zhibu-config-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
}

START_TEST(defaults_and_missing_file)
{
    struct zb_config c;
    zb_err e;
    config_defaults(&c);
    ck_assert_int_eq(c.ambiguous_width, 1);
    ck_assert_str_eq(c.db_path, "");
    ck_assert_int_eq(c.lesson_unit, 2);
    ck_assert_int_eq(c.lesson_min, 1);
    ck_assert_int_eq(config_load(&c, "/nonexistent/zhibu/config", &e), 0);
    ck_assert_int_eq(c.ambiguous_width, 1);
}
END_TEST

START_TEST(values_and_comments)
{
    write_file("# office settings\n\n  ambiguous-width = 2   # PuTTY CJK\n"
               "database=/srv/zhibu/东湖社区.db\nlesson-unit = month\n"
               "lesson-min = 2\n");
    struct zb_config c;
    zb_err e;
    config_defaults(&c);
    ck_assert_msg(config_load(&c, path, &e) == 0, "%s", e.msg);
    ck_assert_int_eq(c.ambiguous_width, 2);
    ck_assert_str_eq(c.db_path, "/srv/zhibu/东湖社区.db");
    ck_assert_int_eq(c.lesson_unit, 1);
    ck_assert_int_eq(c.lesson_min, 2);
    unlink(path);
}
END_TEST

START_TEST(errors_name_the_line)
{
    struct zb_config c;
    zb_err e;
    write_file("ambiguous-width = 1\ncolour = red\n");
    config_defaults(&c);
    ck_assert_int_eq(config_load(&c, path, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "第 2 行"));
    ck_assert_ptr_nonnull(strstr(e.msg, "colour"));
    unlink(path);

    write_file("ambiguous-width = 3\n");
    ck_assert_int_eq(config_load(&c, path, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "只能是 1 或 2"));
    unlink(path);

    write_file("lesson-unit = fortnight\n");
    ck_assert_int_eq(config_load(&c, path, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "lesson-unit"));
    unlink(path);

    write_file("just words\n");
    ck_assert_int_eq(config_load(&c, path, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "第 1 行"));
    unlink(path);
}
END_TEST

START_TEST(pairing_settings)
{
    struct zb_config c;
    zb_err e;
    config_defaults(&c);
    ck_assert_int_eq(c.pair_max_load, 3);
    ck_assert_int_eq(c.visit_days, 90);
    ck_assert_int_eq(c.visit_days_level[3], 0);
    write_file("pair-max-load = 5\nvisit-days = 60\nvisit-days-3 = 30\n");
    ck_assert_msg(config_load(&c, path, &e) == 0, "%s", e.msg);
    ck_assert_int_eq(c.pair_max_load, 5);
    ck_assert_int_eq(c.visit_days, 60);
    ck_assert_int_eq(c.visit_days_level[1], 0);
    ck_assert_int_eq(c.visit_days_level[3], 30);
    unlink(path);
    const char *const bad[] = {"pair-max-load = 0\n", "pair-max-load = x\n",
                               "visit-days = 0\n", "visit-days-2 = 4000\n",
                               "visit-days-4 = 30\n", "visit-days- = 30\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_file(bad[i]);
        ck_assert_msg(config_load(&c, path, &e) == -1, "%s", bad[i]);
        ck_assert_ptr_nonnull(strstr(e.msg, "第 1 行"));
        unlink(path);
    }
    ck_assert_int_eq(c.pair_max_load, 5);
}
END_TEST

START_TEST(backup_keep_setting)
{
    struct zb_config c;
    zb_err e;
    config_defaults(&c);
    ck_assert_int_eq(c.backup_keep, 7);
    write_file("backup-keep = 0\n");
    ck_assert_msg(config_load(&c, path, &e) == 0, "%s", e.msg);
    ck_assert_int_eq(c.backup_keep, 0);
    unlink(path);
    write_file("backup-keep = 30\n");
    ck_assert_msg(config_load(&c, path, &e) == 0, "%s", e.msg);
    ck_assert_int_eq(c.backup_keep, 30);
    unlink(path);
    write_file("backup-keep = -1\n");
    ck_assert_int_eq(config_load(&c, path, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "backup-keep 应为 0 到 365"));
    unlink(path);
    write_file("backup-keep = many\n");
    ck_assert_int_eq(config_load(&c, path, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "第 1 行"));
    unlink(path);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("config");
    tcase_add_test(tc, defaults_and_missing_file);
    tcase_add_test(tc, values_and_comments);
    tcase_add_test(tc, backup_keep_setting);
    tcase_add_test(tc, errors_name_the_line);
    tcase_add_test(tc, pairing_settings);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
