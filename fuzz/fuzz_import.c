/* libFuzzer target: any bytes through the CSV reader and the member
 * import in --dry-run mode, on a temporary database with a small
 * organisation tree and a member (so that matching, updates and
 * organisation lookups run too). Built by `make fuzz` with clang
 * -fsanitize=fuzzer,address,undefined; run by fuzz/run.sh. A dry run
 * must never change the database: checked after every input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "io/csv.h"
#include "io/import.h"
#include "model/member.h"
#include "model/org.h"

static db *d;
static char dir[64];
static long members;

static void cleanup(void)
{
    static const char *const files[] = {"fuzz.db", "fuzz.db-wal",
                                        "fuzz.db-shm"};
    db_close(d);
    d = NULL;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char p[128];
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        unlink(p);
    }
    rmdir(dir);
}

static void die(const char *what, const zb_err *e)
{
    fprintf(stderr, "fuzz_import setup: %s: %s\n", what, e->msg);
    abort();
}

static long count(void)
{
    struct member_query q = {.include_left = true};
    long n = -1;
    zb_err e;
    if (member_count(d, &q, &n, &e))
        die("count", &e);
    return n;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("ZHIBU_TODAY", "2026-06-30", 1);
    snprintf(dir, sizeof dir, "/tmp/zhibu-fuzz-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    char path[128];
    snprintf(path, sizeof path, "%s/fuzz.db", dir);
    zb_err e;
    if (db_open(path, DB_OPEN_CREATE, &d, &e))
        die("open", &e);
    atexit(cleanup);
    int64_t street, comm, branch;
    if (org_add(d, 0, "新华街道党工委", "街道党工委", &street, &e) ||
        org_add(d, street, "东城社区党委", "社区党委", &comm, &e) ||
        org_add(d, comm, "第一网格党支部", "网格党支部", &branch, &e) ||
        org_add(d, comm, "第二网格党支部", "网格党支部", NULL, &e) ||
        org_add(d, branch, "第一党小组", "党小组", NULL, &e))
        die("orgs", &e);
    member m;
    member_init(&m);
    snprintf(m.name, sizeof m.name, "欧阳晓燕");
    snprintf(m.id_number, sizeof m.id_number, "11010519491231002X");
    snprintf(m.birth_date, sizeof m.birth_date, "1949-12-31");
    m.gender = 2;
    snprintf(m.join_date, sizeof m.join_date, "1975-07-01");
    m.org_id = branch;
    if (member_save(d, &m, &e))
        die("member", &e);
    members = count();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const enum csv_encoding encs[] = {CSV_ENC_AUTO, CSV_ENC_UTF8,
                                             CSV_ENC_GB18030};
    /* the reader alone, to the end */
    csv_reader *r;
    zb_err e;
    if (csv_reader_open_mem(data, size, encs[size % 3], &r, &e) == 0) {
        struct csv_record rec;
        while (csv_next(r, &rec, &e) == 1)
            for (int i = 0; i < rec.n; i++)
                if (strlen(rec.field[i]) != rec.len[i])
                    abort();
        csv_reader_free(r);
    }
    /* the import, dry run */
    struct import_options o = {.encoding = encs[(size / 3) % 3],
                               .dry_run = true,
                               .create_orgs = size % 2,
                               .today = "2026-06-30"};
    struct import_result res;
    char *report = NULL;
    int rc = import_mem(d, "members", data, size, "fuzz.csv", &o, &res,
                        &report, &e);
    if (rc >= 0 && (!report || !strstr(report, "结果：")))
        abort();   /* a finished import always ends with its summary */
    free(report);
    if (res.written || count() != members)
        abort();   /* a dry run wrote something */
    return 0;
}
