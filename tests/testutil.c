#include "testutil.h"

#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/org.h"

static char dir[256];

const char *tu_dir(void)
{
    if (!dir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/zhibu-test-XXXXXX",
                 base && *base ? base : "/tmp");
        ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp failed");
    }
    return dir;
}

const char *tu_path(const char *name)
{
    static char buf[4][512];
    static int next;
    char *p = buf[next++ % 4];
    snprintf(p, sizeof buf[0], "%s/%s", tu_dir(), name);
    return p;
}

static int rm_one(const char *path, const struct stat *sb, int flag,
                  struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void tu_cleanup(void)
{
    if (dir[0])
        nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
    dir[0] = '\0';
}

db *tu_open(void)
{
    db *d = NULL;
    zb_err err = {""};
    int rc = db_open(tu_path("zhibu.db"), DB_OPEN_CREATE, &d, &err);
    ck_assert_msg(rc == 0, "db_open: %s", err.msg);
    return d;
}

int64_t tu_org(db *d, int64_t parent_id, const char *name,
               const char *kind)
{
    int64_t id = 0;
    zb_err err = {""};
    int rc = org_add(d, parent_id, name, kind, &id, &err);
    ck_assert_msg(rc == 0, "org_add %s: %s", name, err.msg);
    return id;
}

int64_t tu_member(db *d, const char *name, const char *phone,
                  const char *id_number, int64_t org_id)
{
    member m;
    zb_err err = {""};
    member_init(&m);
    snprintf(m.name, sizeof m.name, "%s", name);
    snprintf(m.phone, sizeof m.phone, "%s", phone);
    snprintf(m.id_number, sizeof m.id_number, "%s", id_number);
    m.org_id = org_id;
    int rc = member_save(d, &m, &err);
    ck_assert_msg(rc == 0, "member_save %s: %s", name, err.msg);
    return m.id;
}

void tu_sql(db *d, const char *sql)
{
    zb_err err = {""};
    int rc = db_exec(d, sql, &err);
    ck_assert_msg(rc == 0, "%s: %s", sql, err.msg);
}

uint64_t tu_file_hash(const char *path, long *size)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    uint64_t h = 1469598103934665603ULL;
    long n = 0;
    int c;
    while ((c = getc(f)) != EOF) {
        h = (h ^ (unsigned char)c) * 1099511628211ULL;
        n++;
    }
    fclose(f);
    if (size)
        *size = n;
    return h;
}
