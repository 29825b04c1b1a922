#include "io/backup_roll.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules.h"

#define SUFFIX ".backup-"

static int cmp_desc(const void *a, const void *b)
{
    return strcmp(*(char *const *)b, *(char *const *)a);
}

/* Deletes all but the newest keep backups of base in dir. */
static int prune(const char *dir, const char *base, int keep, int *removed,
                 zb_err *err)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return zb_fail(err, "无法读取目录 %s：%s", dir, strerror(errno));
    size_t bl = strlen(base), sl = strlen(SUFFIX);
    char **names = NULL;
    int n = 0, cap = 0, rc = 0;
    struct dirent *e;
    while ((e = readdir(dp))) {
        const char *s = e->d_name;
        if (strncmp(s, base, bl) != 0 || strncmp(s + bl, SUFFIX, sl) != 0 ||
            strlen(s + bl + sl) != 10 || !rules_date_valid(s + bl + sl))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **v = realloc(names, sizeof *v * (size_t)cap);
            if (!v) {
                rc = zb_fail(err, "内存不足");
                break;
            }
            names = v;
        }
        if (!(names[n] = strdup(s))) {
            rc = zb_fail(err, "内存不足");
            break;
        }
        n++;
    }
    closedir(dp);
    if (rc == 0 && n > 0)
        qsort(names, (size_t)n, sizeof *names, cmp_desc);   /* newest first */
    for (int i = keep; rc == 0 && i < n; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (unlink(path) != 0)
            rc = zb_fail(err, "无法删除旧备份 %s：%s", path, strerror(errno));
        else
            (*removed)++;
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

int backup_roll(db *d, const char *today, int keep,
                struct backup_roll_result *res, zb_err *err)
{
    memset(res, 0, sizeof *res);
    if (keep <= 0)
        return 0;
    if (!rules_date_valid(today))
        return zb_fail(err, "日期无效：%s", today);
    const char *path = db_path(d);
    const char *slash = strrchr(path, '/');
    char dir[4096];
    if (slash)
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    else
        snprintf(dir, sizeof dir, ".");
    if (!dir[0])
        snprintf(dir, sizeof dir, "/");
    const char *base = slash ? slash + 1 : path;
    snprintf(res->path, sizeof res->path, "%s" SUFFIX "%s", path, today);
    if (access(res->path, F_OK) != 0) {
        char tmp[4300];
        snprintf(tmp, sizeof tmp, "%s.tmp-%ld", res->path, (long)getpid());
        unlink(tmp);   /* a leftover of a crashed run with our pid */
        zb_err e;
        if (db_backup(d, tmp, &e) != 0)
            return zb_fail(err, "每日备份失败：%s", e.msg);
        /* rename: a backup file is either complete or absent */
        if (rename(tmp, res->path) != 0) {
            int saved = errno;
            unlink(tmp);
            return zb_fail(err, "每日备份失败：%s", strerror(saved));
        }
        res->made = true;
    }
    return prune(dir, base, keep, &res->removed, err);
}
