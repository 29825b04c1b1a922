#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void config_defaults(struct zb_config *c)
{
    memset(c, 0, sizeof *c);
    c->ambiguous_width = 1;
    c->lesson_unit = 2;
    c->lesson_min = 1;
    c->pair_max_load = 3;
    c->visit_days = 90;
    c->backup_keep = 7;
}

int config_default_path(char *out, size_t outsz)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && *xdg)
        n = snprintf(out, outsz, "%s/zhibu/config", xdg);
    else if (home && *home)
        n = snprintf(out, outsz, "%s/.config/zhibu/config", home);
    else
        return -1;
    return (n < 0 || (size_t)n >= outsz) ? -1 : 0;
}

int config_set(struct zb_config *c, const char *key, const char *value,
               zb_err *err)
{
    if (strcmp(key, "ambiguous-width") == 0) {
        if (strcmp(value, "1") && strcmp(value, "2"))
            return zb_fail(err, "ambiguous-width 只能是 1 或 2（当前为「%s」）",
                           value);
        c->ambiguous_width = value[0] - '0';
        return 0;
    }
    if (strcmp(key, "database") == 0) {
        if (strlen(value) >= sizeof c->db_path)
            return zb_fail(err, "database 路径过长");
        strcpy(c->db_path, value);
        return 0;
    }
    if (strcmp(key, "lesson-unit") == 0) {
        static const char *const units[] = {"month", "quarter", "year"};
        for (int i = 0; i < 3; i++)
            if (strcmp(value, units[i]) == 0) {
                c->lesson_unit = i + 1;
                return 0;
            }
        return zb_fail(err, "lesson-unit 只能是 month、quarter 或 year"
                       "（当前为「%s」）", value);
    }
    if (strcmp(key, "lesson-min") == 0) {
        char *end;
        long v = strtol(value, &end, 10);
        if (end == value || *end || v < 1 || v > 99)
            return zb_fail(err, "lesson-min 应为 1 到 99 的整数（当前为「%s」）",
                           value);
        c->lesson_min = (int)v;
        return 0;
    }
    if (strcmp(key, "pair-max-load") == 0) {
        char *end;
        long v = strtol(value, &end, 10);
        if (end == value || *end || v < 1 || v > 99)
            return zb_fail(err, "pair-max-load 应为 1 到 99 的整数（当前为「%s」）",
                           value);
        c->pair_max_load = (int)v;
        return 0;
    }
    if (strncmp(key, "visit-days", 10) == 0) {
        int level = 0;
        if (key[10] == '-' && key[11] >= '1' && key[11] <= '3' && !key[12])
            level = key[11] - '0';
        else if (key[10])
            return zb_fail(err, "未知的设置「%s」（可用：visit-days、"
                           "visit-days-1、visit-days-2、visit-days-3）", key);
        char *end;
        long v = strtol(value, &end, 10);
        if (end == value || *end || v < 1 || v > 3650)
            return zb_fail(err, "%s 应为 1 到 3650 的天数（当前为「%s」）",
                           key, value);
        if (level)
            c->visit_days_level[level] = (int)v;
        else
            c->visit_days = (int)v;
        return 0;
    }
    if (strcmp(key, "backup-keep") == 0) {
        char *end;
        long v = strtol(value, &end, 10);
        if (end == value || *end || v < 0 || v > 365)
            return zb_fail(err, "backup-keep 应为 0 到 365 的整数（0 表示不做每日"
                           "备份；当前为「%s」）", value);
        c->backup_keep = (int)v;
        return 0;
    }
    return zb_fail(err, "未知的设置「%s」（可用：ambiguous-width、database、"
                   "lesson-unit、lesson-min、pair-max-load、visit-days、"
                   "visit-days-1/-2/-3、backup-keep）", key);
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

int config_load(struct zb_config *c, const char *path, zb_err *err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT)
            return 0;
        return zb_fail(err, "无法读取配置文件 %s：%s", path, strerror(errno));
    }
    char line[4200];
    int lineno = 0, rc = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        lineno++;
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char *s = trim(line);
        if (!*s)
            continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            rc = zb_fail(err, "配置文件 %s 第 %d 行：应为「名称 = 值」", path,
                         lineno);
            break;
        }
        *eq = '\0';
        zb_err e2;
        if (config_set(c, trim(s), trim(eq + 1), &e2) != 0)
            rc = zb_fail(err, "配置文件 %s 第 %d 行：%s", path, lineno,
                         e2.msg);
    }
    fclose(f);
    return rc;
}
