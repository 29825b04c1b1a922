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

int main(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("config");
    tcase_add_test(tc, defaults_and_missing_file);
    tcase_add_test(tc, values_and_comments);
    tcase_add_test(tc, errors_name_the_line);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
