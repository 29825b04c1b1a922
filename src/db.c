#include "db.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db_schema.h"

#define NOT_OURS "不是 zhibu 数据库（或文件已损坏）：%s"
#define STMT_CACHE_MAX 256

struct stmt_entry {
    const char *key;        /* the caller's pointer (fast path) */
    char *sql;              /* our copy of the text (the real key) */
    sqlite3_stmt *st;
    unsigned long used;     /* for least-recently-used eviction */
};

struct db {
    sqlite3 *h;
    char *path;
    char user[64];
    int depth;              /* db_begin nesting */
    long long data_version;
    struct stmt_entry *cache;
    int ncache, capcache;
    unsigned long tick;
};

/* What the read-only look at a file found. */
struct file_info {
    bool empty;             /* zero bytes: a new database */
    long long app_id, version, tables;
};

int db_fail(db *d, zb_err *err, const char *what)
{
    return zb_fail(err, "数据库错误：%s：%s", what,
                   d && d->h ? sqlite3_errmsg(d->h) : "无连接");
}

int db_row_done(db *d, sqlite3_stmt *st, int rc, const char *missing,
                const char *what, zb_err *err)
{
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc == SQLITE_DONE)
        return zb_fail(err, "%s", missing);
    return db_fail(d, err, what);
}

int db_run_id(db *d, const char *sql, int64_t id, const char *what,
              const char *missing, zb_err *err)
{
    sqlite3_stmt *st = db_stmt(d, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(d, err, what);
    if (missing && sqlite3_changes(d->h) == 0)
        return zb_fail(err, "%s", missing);
    return 0;
}

static void find_user(char *out, size_t outsz)
{
    struct passwd *pw = getpwuid(geteuid());
    const char *u = pw && pw->pw_name && *pw->pw_name ? pw->pw_name
                                                       : getenv("USER");
    snprintf(out, outsz, "%s", u && *u ? u : "unknown");
}

/* mkdir -p for the directories above path (mode 0700). */
static int make_parents(const char *path, zb_err *err)
{
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
        return zb_fail(err, "数据库路径太长：%s", path);
    char *slash = strrchr(buf, '/');
    if (!slash || slash == buf)
        return 0;
    *slash = '\0';
    for (char *p = buf + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(buf, 0700) != 0 && errno != EEXIST)
                return zb_fail(err, "无法创建目录 %s：%s", buf,
                               strerror(errno));
            *p = c;
            if (c == '\0')
                break;
        }
    }
    return 0;
}

/* Creates an empty file readable by the owner only, whatever the umask. */
static int create_file(const char *path, zb_err *err)
{
    if (make_parents(path, err))
        return -1;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        return zb_fail(err, "无法创建数据库文件 %s：%s", path,
                       strerror(errno));
    if (fd >= 0)
        close(fd);
    return 0;
}

static int pragma_int(sqlite3 *h, const char *sql, long long *v)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

static int read_info(sqlite3 *h, struct file_info *fi)
{
    return pragma_int(h, "PRAGMA application_id", &fi->app_id) ||
           pragma_int(h, "PRAGMA user_version", &fi->version) ||
           pragma_int(h, "SELECT count(*) FROM sqlite_master"
                         " WHERE type = 'table'"
                         " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                      &fi->tables) ? -1 : 0;
}

static int read_file_info(const char *name, int flags,
                          struct file_info *fi)
{
    sqlite3 *h = NULL;
    int rc = sqlite3_open_v2(name, &h, SQLITE_OPEN_READONLY | flags, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(h, 5000);
        rc = read_info(h, fi) ? SQLITE_ERROR : SQLITE_OK;
    }
    sqlite3_close(h);
    return rc == SQLITE_OK ? 0 : -1;
}

/* "file:<path>?immutable=1" with the path percent-encoded. */
static int file_uri(const char *path, char *out, size_t outsz)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = (size_t)snprintf(out, outsz, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (o + 4 >= outsz)
            return -1;
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
            out[o++] = (char)*p;
        } else {
            out[o++] = '%';
            out[o++] = hex[*p >> 4];
            out[o++] = hex[*p & 15];
        }
    }
    int k = snprintf(out + o, outsz - o, "?immutable=1");
    return k < 0 || (size_t)k >= outsz - o ? -1 : 0;
}

/* Looks at the file without changing it: the raw header first, then
 * SQLite through a read-only connection. */
static int inspect(const char *path, struct file_info *fi, zb_err *err)
{
    memset(fi, 0, sizeof *fi);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return zb_fail(err, "无法打开数据库文件 %s：%s", path,
                       strerror(errno));
    struct stat st;
    unsigned char hdr[100];
    ssize_t n = -1;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
        n = read(fd, hdr, sizeof hdr);
    close(fd);
    if (n == 0) {
        fi->empty = true;
        return 0;
    }
    if (n != (ssize_t)sizeof hdr || memcmp(hdr, "SQLite format 3", 16))
        return zb_fail(err, NOT_OURS, path);

    /* immutable: no locks, no -wal/-shm files made next to someone
     * else's file. A zhibu file is judged again, through the real
     * connection, before anything is written (see db_open). */
    char uri[8192];
    if (file_uri(path, uri, sizeof uri))
        return zb_fail(err, "数据库路径太长：%s", path);
    if (read_file_info(uri, SQLITE_OPEN_URI, fi) == 0)
        return 0;
    /* Without locks we may have read pages while another zhibu was
     * checkpointing: ask once more, properly locked, before calling the
     * file damaged. */
    if (read_file_info(path, 0, fi) == 0)
        return 0;
    return zb_fail(err, NOT_OURS, path);
}

/* Is this file ours (or new), and not from a newer program? */
static int judge(const char *path, const struct file_info *fi, zb_err *err)
{
    if (fi->empty)
        return 0;
    if (fi->app_id == 0) {
        if (fi->tables > 0 || fi->version != 0)
            return zb_fail(err, NOT_OURS, path);
        return 0;
    }
    if (fi->app_id != DB_APPLICATION_ID)
        return zb_fail(err, NOT_OURS, path);
    if (fi->version > DB_SCHEMA_VERSION)
        return zb_fail(err, "数据库由更新版本的 zhibu 创建（版本 %lld），"
                       "本程序只支持到版本 %d，请升级 zhibu",
                       fi->version, DB_SCHEMA_VERSION);
    return 0;
}

int db_exec(db *d, const char *sql, zb_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(d->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        zb_fail(err, "数据库错误：%s", msg ? msg : sqlite3_errmsg(d->h));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static int migrate(db *d, const char *path, zb_err *err)
{
    long long v = 0;
    if (pragma_int(d->h, "PRAGMA user_version", &v))
        return db_fail(d, err, "读取数据库版本");
    if (v >= db_migrations[db_migrations_n - 1].version)
        return 0;       /* up to date: no write lock needed */
    for (int i = 0; i < db_migrations_n; i++) {
        const struct db_migration *m = &db_migrations[i];
        struct file_info fi = {0};
        if (db_exec(d, "BEGIN IMMEDIATE", err))
            return -1;
        /* Again under the write lock: another process may have
         * migrated (or replaced the file) since we looked. */
        if (read_info(d->h, &fi)) {
            db_fail(d, err, "读取数据库版本");
            goto fail;
        }
        fi.empty = fi.app_id == 0 && fi.tables == 0 && fi.version == 0;
        if (judge(path, &fi, err))
            goto fail;
        if (fi.version >= m->version) {
            if (db_exec(d, "COMMIT", err))
                goto fail;
            continue;
        }
        char set[128];
        snprintf(set, sizeof set,
                 "PRAGMA application_id = %d; PRAGMA user_version = %d;",
                 DB_APPLICATION_ID, m->version);
        zb_err e2;
        if (db_exec(d, m->sql, &e2) || db_exec(d, set, &e2) ||
            db_exec(d, "COMMIT", &e2)) {
            zb_fail(err, "数据库升级到版本 %d 失败：%s", m->version,
                    e2.msg);
            goto fail;
        }
    }
    return 0;
fail:
    if (!sqlite3_get_autocommit(d->h))
        sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

/* zb_contains(haystack, needle): 1 if needle occurs in haystack, bytes
 * compared exactly. The same as LIKE '%needle%' for lower-case text,
 * without pattern parsing: 3 times faster when scanning. */
static void fn_contains(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    const char *h = (const char *)sqlite3_value_text(v[0]);
    int hl = sqlite3_value_bytes(v[0]);
    const char *n = (const char *)sqlite3_value_text(v[1]);
    int nl = sqlite3_value_bytes(v[1]);
    int found = 0;
    if (h && n) {
        if (nl == 0)
            found = 1;
        for (const char *p = h, *end = h + hl - nl + 1; !found && p < end;
             p++) {
            p = memchr(p, n[0], (size_t)(end - p));
            if (!p)
                break;
            found = memcmp(p, n, (size_t)nl) == 0;
        }
    }
    sqlite3_result_int(c, found);
}

static int configure(db *d, int flags, zb_err *err)
{
    sqlite3_extended_result_codes(d->h, 1);
    if (sqlite3_create_function(d->h, "zb_contains", 2,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC |
                                SQLITE_INNOCUOUS, NULL, fn_contains, NULL,
                                NULL) != SQLITE_OK)
        return db_fail(d, err, "注册函数");
    sqlite3_busy_timeout(d->h, 5000);
    if (!(flags & DB_OPEN_READONLY)) {
        sqlite3_stmt *st;
        bool wal = false;
        if (sqlite3_prepare_v2(d->h, "PRAGMA journal_mode = WAL", -1, &st,
                               NULL) != SQLITE_OK)
            return db_fail(d, err, "设置日志模式");
        if (sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char *mode = sqlite3_column_text(st, 0);
            wal = mode && strcmp((const char *)mode, "wal") == 0;
        }
        sqlite3_finalize(st);
        if (!wal)
            return zb_fail(err, "数据库错误：无法启用 WAL 模式：%s",
                           d->path);
    }
    /* No memory map and a 500 KB page cache: an old office PC or a
     * Raspberry Pi runs several of these at once, and the OS page cache
     * already shares the file between them (bench/RESULTS.md). */
    return db_exec(d, "PRAGMA foreign_keys = ON;"
                      "PRAGMA synchronous = FULL;"
                      "PRAGMA mmap_size = 0;"
                      "PRAGMA cache_size = -500;", err);
}

int db_open(const char *path, int flags, db **out, zb_err *err)
{
    *out = NULL;
    if (!path || !*path)
        return zb_fail(err, "未指定数据库文件");
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno != ENOENT)
            return zb_fail(err, "无法访问数据库文件 %s：%s", path,
                           strerror(errno));
        if (!(flags & DB_OPEN_CREATE) || (flags & DB_OPEN_READONLY))
            return zb_fail(err, "数据库文件不存在：%s", path);
        if (create_file(path, err))
            return -1;
    }

    struct file_info fi;
    if (inspect(path, &fi, err) || judge(path, &fi, err))
        return -1;
    if ((flags & DB_OPEN_READONLY) &&
        (fi.empty || fi.version < DB_SCHEMA_VERSION))
        return zb_fail(err, "数据库需要初始化或升级（版本 %lld），"
                       "不能以只读方式打开：%s", fi.version, path);

    db *d = calloc(1, sizeof *d);
    if (!d || !(d->path = strdup(path))) {
        free(d);
        return zb_fail(err, "内存不足");
    }
    find_user(d->user, sizeof d->user);
    int oflags = (flags & DB_OPEN_READONLY) ? SQLITE_OPEN_READONLY
                                            : SQLITE_OPEN_READWRITE;
    if (sqlite3_open_v2(path, &d->h, oflags, NULL) != SQLITE_OK) {
        zb_fail(err, "无法打开数据库 %s：%s", path,
                d->h ? sqlite3_errmsg(d->h) : "内存不足");
        db_close(d);
        return -1;
    }
    /* The same judgement through this connection, which also sees what
     * is still in a -wal file; refusing must not checkpoint it. */
    sqlite3_db_config(d->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    sqlite3_busy_timeout(d->h, 5000);
    if (!fi.empty) {
        if (read_info(d->h, &fi)) {
            zb_fail(err, NOT_OURS, path);
            db_close(d);
            return -1;
        }
        if (judge(path, &fi, err)) {
            db_close(d);
            return -1;
        }
    }
    sqlite3_db_config(d->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
    if (configure(d, flags, err) ||
        (!(flags & DB_OPEN_READONLY) && migrate(d, path, err))) {
        db_close(d);
        return -1;
    }
    db_changed_elsewhere(d);   /* remember the current data_version */
    *out = d;
    return 0;
}

void db_close(db *d)
{
    if (!d)
        return;
    for (int i = 0; i < d->ncache; i++) {
        sqlite3_finalize(d->cache[i].st);
        free(d->cache[i].sql);
    }
    free(d->cache);
    if (d->h) {
        if (!sqlite3_get_autocommit(d->h))
            sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(d->h);
    }
    free(d->path);
    free(d);
}

struct sqlite3 *db_handle(db *d) { return d->h; }

void db_text(struct sqlite3_stmt *st, int col, char *out, size_t outsz)
{
    if (!outsz)
        return;
    const char *s = (const char *)sqlite3_column_text(st, col);
    size_t n = s ? (size_t)sqlite3_column_bytes(st, col) : 0;
    if (n >= outsz) {
        n = outsz - 1;
        /* never cut a UTF-8 sequence in half */
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(out, s, n);
    out[n] = '\0';
}

void db_now(char out[20])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}
const char *db_path(const db *d) { return d->path; }
const char *db_user(const db *d) { return d->user; }

int db_schema_version(db *d)
{
    long long v = -1;
    pragma_int(d->h, "PRAGMA user_version", &v);
    return (int)v;
}

int db_begin(db *d, zb_err *err)
{
    if (d->depth == 0 && db_exec(d, "BEGIN IMMEDIATE", err))
        return -1;
    d->depth++;
    return 0;
}

int db_commit(db *d, zb_err *err)
{
    if (d->depth <= 0)
        return zb_fail(err, "数据库错误：没有进行中的事务");
    if (--d->depth > 0)
        return 0;
    if (db_exec(d, "COMMIT", err)) {
        if (!sqlite3_get_autocommit(d->h))
            sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    return 0;
}

void db_rollback(db *d)
{
    d->depth = 0;
    if (!sqlite3_get_autocommit(d->h))
        sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
}

static struct stmt_entry *cache_find(db *d, const char *sql)
{
    for (int i = 0; i < d->ncache; i++)
        if (d->cache[i].key == sql && strcmp(d->cache[i].sql, sql) == 0)
            return &d->cache[i];
    for (int i = 0; i < d->ncache; i++)
        if (strcmp(d->cache[i].sql, sql) == 0) {
            d->cache[i].key = sql;
            return &d->cache[i];
        }
    return NULL;
}

/* A free slot: grows the array, or evicts the least recently used
 * statement that is not running. */
static struct stmt_entry *cache_slot(db *d)
{
    if (d->ncache < STMT_CACHE_MAX) {
        if (d->ncache == d->capcache) {
            int cap = d->capcache ? d->capcache * 2 : 32;
            struct stmt_entry *c = realloc(d->cache, cap * sizeof *c);
            if (!c)
                return NULL;
            d->cache = c;
            d->capcache = cap;
        }
        return &d->cache[d->ncache++];
    }
    struct stmt_entry *victim = NULL;
    for (int i = 0; i < d->ncache; i++)
        if (!sqlite3_stmt_busy(d->cache[i].st) &&
            (!victim || d->cache[i].used < victim->used))
            victim = &d->cache[i];
    if (victim) {
        sqlite3_finalize(victim->st);
        free(victim->sql);
    }
    return victim;
}

sqlite3_stmt *db_stmt(db *d, const char *sql, zb_err *err)
{
    struct stmt_entry *e = cache_find(d, sql);
    if (!e) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(d->h, sql, -1, &st, NULL) != SQLITE_OK) {
            db_fail(d, err, "准备语句");
            return NULL;
        }
        char *copy = strdup(sql);
        if (!copy || !(e = cache_slot(d))) {
            free(copy);
            sqlite3_finalize(st);
            zb_fail(err, "内存不足");
            return NULL;
        }
        e->key = sql;
        e->sql = copy;
        e->st = st;
    }
    e->used = ++d->tick;
    sqlite3_reset(e->st);
    sqlite3_clear_bindings(e->st);
    return e->st;
}

bool db_changed_elsewhere(db *d)
{
    sqlite3_stmt *st = db_stmt(d, "PRAGMA data_version", NULL);
    if (!st)
        return false;
    long long v = d->data_version;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    bool changed = v != d->data_version;
    d->data_version = v;
    return changed;
}

int db_default_path(char *out, size_t outsz)
{
    const char *e = getenv("ZHIBU_DB");
    int n;
    if (e && *e) {
        n = snprintf(out, outsz, "%s", e);
    } else if ((e = getenv("XDG_DATA_HOME")) && e[0] == '/') {
        n = snprintf(out, outsz, "%s/zhibu/zhibu.db", e);
    } else {
        e = getenv("HOME");
        if (!e || !*e) {
            struct passwd *pw = getpwuid(geteuid());
            e = pw ? pw->pw_dir : NULL;
        }
        if (!e || !*e)
            return -1;
        n = snprintf(out, outsz, "%s/.local/share/zhibu/zhibu.db", e);
    }
    return n < 0 || (size_t)n >= outsz ? -1 : 0;
}

int db_backup(db *d, const char *dest, zb_err *err)
{
    int fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return zb_fail(err, errno == EEXIST ? "备份文件已存在：%s"
                                            : "无法创建备份文件 %s：%s",
                       dest, strerror(errno));
    close(fd);
    sqlite3 *h = NULL;
    int rc = sqlite3_open_v2(dest, &h, SQLITE_OPEN_READWRITE, NULL);
    /* the copy streams through: no need for SQLite's 2 MB default */
    if (rc == SQLITE_OK)
        sqlite3_exec(h, "PRAGMA cache_size = -256", NULL, NULL, NULL);
    sqlite3_backup *b = rc == SQLITE_OK
        ? sqlite3_backup_init(h, "main", d->h, "main") : NULL;
    if (!b) {
        zb_fail(err, "备份失败：%s", h ? sqlite3_errmsg(h) : "内存不足");
        sqlite3_close(h);
        unlink(dest);
        return -1;
    }
    /* Small steps, so that other users' writes are not held up. */
    do {
        rc = sqlite3_backup_step(b, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        zb_fail(err, "备份失败：%s", sqlite3_errstr(rc));
        sqlite3_close(h);
        unlink(dest);
        return -1;
    }
    if (sqlite3_close(h) != SQLITE_OK) {
        unlink(dest);
        return zb_fail(err, "备份失败：无法关闭 %s", dest);
    }
    return 0;
}

int db_set_cache(db *d, int kib, zb_err *err)
{
    char sql[128];
    /* temp too: bulk loads stage rows in temporary tables. Back to
     * configure()'s 500 KB and SQLite's default 2 MB for temp. */
    snprintf(sql, sizeof sql, "PRAGMA main.cache_size = -%d;"
             " PRAGMA temp.cache_size = -%d", kib > 0 ? kib : 500,
             kib > 0 ? kib : 2000);
    return db_exec(d, sql, err);
}

int db_is_empty(db *d, bool *empty, zb_err *err)
{
    /* Real tables only: virtual tables (indexes of other tables) and
     * their shadow tables do not count. */
    static const char list[] =
        "SELECT name FROM sqlite_master t WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        " AND NOT EXISTS (SELECT 1 FROM sqlite_master v"
        "  WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'"
        "  AND t.name LIKE v.name || '\\_%' ESCAPE '\\')"
        " ORDER BY name";
    /* Names are copied first: the per-table statements come from the
     * same cache and must not disturb the running list. */
    char names[64][64];
    int n = 0;
    sqlite3_stmt *st = db_stmt(d, list, err);
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 64)
        snprintf(names[n++], sizeof names[0], "%s",
                 (const char *)sqlite3_column_text(st, 0));
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_fail(d, err, "列出数据表");
    *empty = true;
    for (int i = 0; i < n && *empty; i++) {
        char sql[160];
        if (strchr(names[i], '"'))
            continue;
        snprintf(sql, sizeof sql, "SELECT EXISTS (SELECT 1 FROM \"%.63s\")",
                 names[i]);
        if (!(st = db_stmt(d, sql, err)))
            return -1;
        if (sqlite3_step(st) != SQLITE_ROW) {
            sqlite3_reset(st);
            return db_fail(d, err, "检查数据");
        }
        *empty = sqlite3_column_int(st, 0) == 0;
        sqlite3_reset(st);
    }
    return 0;
}
