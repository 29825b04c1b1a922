/* Grid coverage against a database, the contact sheet (columns aligned
 * by display width with CJK names), and the demo grids. */
#include <check.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>

#include "db.h"
#include "io/contact.h"
#include "model/demo.h"
#include "model/table_ids.h"
#include "model/grid.h"
#include "model/org.h"
#include "testutil.h"
#include "text.h"

#define TODAY "2026-06-15"

static long long q_int(db *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static long long q_int(db *d, const char *fmt, ...)
{
    char sql[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_msg(st != NULL, "%s", sql);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

static void sqlf(db *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void sqlf(db *d, const char *fmt, ...)
{
    char sql[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    tu_sql(d, sql);
}

static int64_t node(db *d, int64_t parent, int level, const char *name,
                    long households, long population)
{
    struct grid_node g;
    zb_err err = {""};
    grid_node_init(&g);
    g.parent_id = parent;
    g.level = level;
    snprintf(g.name, sizeof g.name, "%s", name);
    g.households = households;
    g.population = population;
    ck_assert_msg(grid_save(d, &g, &err) == 0, "%s: %s", name, err.msg);
    return g.id;
}

static int64_t role(db *d, int64_t grid, int kind, const char *name,
                    const char *phone, const char *start, const char *end)
{
    struct grid_role r;
    zb_err err = {""};
    memset(&r, 0, sizeof r);
    r.grid_id = grid;
    r.role = kind;
    snprintf(r.name, sizeof r.name, "%s", name);
    snprintf(r.phone, sizeof r.phone, "%s", phone);
    snprintf(r.start_date, sizeof r.start_date, "%s", start);
    snprintf(r.end_date, sizeof r.end_date, "%s", end);
    ck_assert_msg(grid_role_save(d, &r, &err) == 0, "%s: %s", name,
                  err.msg);
    return r.id;
}

/* The gaps as "path:text" lines. */
static const char *coverage(db *d, int64_t community, char *out, size_t sz)
{
    struct grid_gap *g;
    int n;
    zb_err err = {""};
    ck_assert_msg(grid_coverage(d, community, TODAY, &g, &n, &err) == 0,
                  "%s", err.msg);
    out[0] = '\0';
    size_t k = 0;
    for (int i = 0; i < n && k < sz; i++)
        k += (size_t)snprintf(out + k, sz - k, "%s:%s\n", g[i].path,
                              g[i].text);
    free(g);
    return out;
}

struct fx {
    int64_t c, a, g, b1, b2, u1, c2, g2;
};

static void fixture(db *d, struct fx *f)
{
    f->c = node(d, 0, GRID_COMMUNITY, "东城社区", -1, -1);
    f->a = node(d, f->c, GRID_AREA, "第一片区", -1, -1);
    f->g = node(d, f->a, GRID_GRID, "第一网格", -1, -1);
    f->b1 = node(d, f->g, GRID_BUILDING, "1号楼", 200, 600);
    f->b2 = node(d, f->g, GRID_BUILDING, "2号楼", 150, 500);
    f->u1 = node(d, f->b1, GRID_UNIT, "1单元", -1, -1);
    f->c2 = node(d, 0, GRID_COMMUNITY, "西城社区", -1, -1);
    f->g2 = node(d, f->c2, GRID_GRID, "第一网格", 900, -1);
}

START_TEST(test_coverage)
{
    db *d = tu_open();
    struct fx f;
    fixture(d, &f);
    char s[4096];
    ck_assert_str_eq(coverage(d, f.c, s, sizeof s),
        "东城社区/第一片区:缺片长、党小组长、退管小组长\n"
        "东城社区/第一片区/第一网格:缺网格长\n"
        "东城社区/第一片区/第一网格:缺网格员\n"
        "东城社区/第一片区/第一网格:未建党组织\n"
        "东城社区/第一片区/第一网格/1号楼:缺楼栋长\n"
        "东城社区/第一片区/第一网格/2号楼:缺楼栋长\n");

    role(d, f.a, ROLE_AREA_HEAD, "周一", "13900000001", "2025-01-01", "");
    role(d, f.a, ROLE_GROUP_LEADER, "周二", "13900000002", "2025-01-01", "");
    /* ended, or not begun yet: not there today */
    role(d, f.a, ROLE_RETIREE_HEAD, "周三", "13900000003", "2020-01-01",
         "2026-06-14");
    role(d, f.a, ROLE_RETIREE_HEAD, "周四", "13900000004", "2026-06-16", "");
    role(d, f.g, ROLE_GRID_HEAD, "吴一", "13900000005", "", "");
    role(d, f.g, ROLE_WORKER_PART, "吴二", "13900000006", "2026-06-15", "");
    role(d, f.b1, ROLE_BUILDING_HEAD, "郑一", "13900000007", "", "2026-06-15");
    /* an organisation on a unit below the grid counts for the grid */
    int64_t org = tu_org(d, 0, "第一网格党支部", "网格党支部");
    sqlf(d, "UPDATE org SET grid_id = %lld WHERE id = %lld",
         (long long)f.u1, (long long)org);
    /* 350 households and 1,100 people (summed from the buildings): in
     * range */
    ck_assert_str_eq(coverage(d, f.c, s, sizeof s),
        "东城社区/第一片区:缺退管小组长\n"
        "东城社区/第一片区/第一网格/2号楼:缺楼栋长\n");
    /* adding the 楼栋长 makes the gap go away */
    role(d, f.b2, ROLE_BUILDING_HEAD, "郑二", "13900000008", "2026-01-01",
         "");
    ck_assert_str_eq(coverage(d, f.c, s, sizeof s),
                     "东城社区/第一片区:缺退管小组长\n");
    /* an inactive organisation does not count */
    sqlf(d, "UPDATE org SET active = 0 WHERE id = %lld", (long long)org);
    ck_assert_str_eq(coverage(d, f.c, s, sizeof s),
                     "东城社区/第一片区:缺退管小组长\n"
                     "东城社区/第一片区/第一网格:未建党组织\n");

    /* the other community alone; every community */
    ck_assert_str_eq(coverage(d, f.c2, s, sizeof s),
                     "西城社区/第一网格:缺网格长\n"
                     "西城社区/第一网格:缺网格员\n"
                     "西城社区/第一网格:户数 900，超出 300-500 户\n"
                     "西城社区/第一网格:未建党组织\n");
    coverage(d, 0, s, sizeof s);
    ck_assert_ptr_nonnull(strstr(s, "东城社区/第一片区:缺退管小组长\n"
                                    "东城社区/第一片区/第一网格:未建党组织\n"
                                    "西城社区/第一网格:缺网格长\n"));

    struct grid_gap *g;
    int n;
    zb_err err = {""};
    ck_assert_int_eq(grid_coverage(d, 99999, TODAY, &g, &n, &err), -1);
    ck_assert_int_eq(grid_coverage(d, f.c2, TODAY, &g, &n, &err), 0);
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(g[0].grid_id, f.g2);
    ck_assert_int_eq(g[0].kind, GAP_NO_GRID_HEAD);
    ck_assert_int_eq(g[2].kind, GAP_SIZE_HOUSEHOLDS);
    ck_assert_int_eq(g[3].kind, GAP_NO_ORG);
    free(g);
    db_close(d);
}
END_TEST

/* The lines of a file (at most 64), malloc'ed copies. */
static int read_lines(const char *path, char lines[][512], int max)
{
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    int n = 0;
    while (n < max && fgets(lines[n], 512, f)) {
        size_t k = strlen(lines[n]);
        if (k && lines[n][k - 1] == '\n')
            lines[n][k - 1] = '\0';
        n++;
    }
    fclose(f);
    return n;
}

/* Display column at which needle starts in line (-1 if absent). */
static int col_of(const char *line, const char *needle)
{
    const char *p = strstr(line, needle);
    return p ? text_width_n(line, (size_t)(p - line)) : -1;
}

START_TEST(test_contact_sheet)
{
    db *d = tu_open();
    struct fx f;
    fixture(d, &f);
    role(d, f.a, ROLE_AREA_HEAD, "欧阳晓明", "13900000001", "2025-01-01", "");
    role(d, f.a, ROLE_RETIREE_HEAD, "刘一", "13900000002", "2020-01-01",
         "2024-01-01");                                     /* past */
    role(d, f.g, ROLE_GRID_HEAD, "张三", "13900000003", "", "");
    role(d, f.g, ROLE_WORKER_FULL, "李四", "0731-88886666", "", "");
    role(d, f.b1, ROLE_BUILDING_HEAD, "王小五", "13900000005", "", "");
    role(d, f.u1, ROLE_UNIT_HEAD, "赵六", "13900000006", "", "");
    /* elsewhere */
    role(d, f.g2, ROLE_GRID_HEAD, "钱七", "13900000007", "", "");
    int64_t org = tu_org(d, 0, "第一网格党支部", "网格党支部");
    sqlf(d, "UPDATE org SET grid_id = %lld WHERE id = %lld",
         (long long)f.g, (long long)org);
    sqlf(d, "INSERT INTO org_post (org_id, post, name, phone, start_date,"
         " end_date, updated_at) VALUES (%lld, %d, '孙书记', '13900000009',"
         " '2024-01-01', '', 'x')", (long long)org, POST_SECRETARY);

    zb_err err = {""};
    const char *path = tu_path("sheet.txt");
    umask(077);
    ck_assert_msg(contact_sheet_write(d, f.g, TODAY, path, &err) == 0, "%s",
                  err.msg);
    struct stat sb;
    ck_assert_int_eq(stat(path, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0644);
    /* no temporary file left behind */
    DIR *dir = opendir(tu_dir());
    struct dirent *e;
    int files = 0;
    while ((e = readdir(dir)))
        files += strncmp(e->d_name, "sheet.txt.", 10) == 0;
    closedir(dir);
    ck_assert_int_eq(files, 0);

    char lines[64][512];
    int n = read_lines(path, lines, 64);
    ck_assert_str_eq(lines[0], "东城社区/第一片区/第一网格");
    ck_assert_str_eq(lines[1], "网格公示牌：负责人联系表（2026-06-15）");
    const char *want[][3] = {
        {"职务", "姓名", "联系电话"},
        {"片长", "欧阳晓明", "13900000001"},
        {"网格长", "张三", "13900000003"},
        {"网格员（专职）", "李四", "0731-88886666"},
        {"1号楼 楼栋长", "王小五", "13900000005"},
        {"1号楼/1单元 单元长", "赵六", "13900000006"},
    };
    int first = 3, nwant = (int)(sizeof want / sizeof *want);
    ck_assert_int_ge(n, first + nwant + 3);
    int name_col = col_of(lines[first], "姓名");
    int phone_col = col_of(lines[first], "联系电话");
    ck_assert_int_gt(name_col, text_width("1号楼/1单元 单元长"));
    for (int i = 0; i < nwant; i++) {
        const char *l = lines[first + i];
        ck_assert_msg(strncmp(l, want[i][0], strlen(want[i][0])) == 0,
                      "line %d: %s", i, l);
        ck_assert_msg(col_of(l, want[i][1]) == name_col, "name in %s", l);
        ck_assert_msg(col_of(l, want[i][2]) == phone_col, "phone in %s", l);
        ck_assert_msg(l[strlen(l) - 1] != ' ', "trailing blank: %s", l);
    }
    ck_assert_str_eq(lines[first + nwant], "");
    ck_assert_int_eq(col_of(lines[first + nwant + 2], "孙书记"),
                     col_of(lines[first + nwant + 1], "书记"));
    ck_assert_int_eq(col_of(lines[first + nwant + 2], "13900000009"),
                     col_of(lines[first + nwant + 1], "联系电话"));
    ck_assert_int_eq(col_of(lines[first + nwant + 2], "第一网格党支部"), 0);
    for (int i = 0; i < n; i++) {
        ck_assert_ptr_null(strstr(lines[i], "刘一"));     /* past term */
        ck_assert_ptr_null(strstr(lines[i], "钱七"));     /* elsewhere */
    }

    /* a unit's card: the people above it, the grid's organisation */
    FILE *mem;
    char *text = NULL;
    size_t len = 0;
    ck_assert_ptr_nonnull(mem = open_memstream(&text, &len));
    ck_assert_int_eq(contact_sheet_print(d, f.u1, TODAY, mem, &err), 0);
    fclose(mem);
    ck_assert_ptr_nonnull(strstr(text, "联系卡：负责人联系表"));
    ck_assert_ptr_nonnull(strstr(text, "欧阳晓明"));
    ck_assert_ptr_nonnull(strstr(text, "赵六"));
    ck_assert_ptr_nonnull(strstr(text, "楼栋长"));   /* its building's */
    ck_assert_ptr_nonnull(strstr(text, "王小五"));
    ck_assert_ptr_nonnull(strstr(text, "第一网格党支部"));
    free(text);

    /* nobody yet, no organisation */
    text = NULL;
    ck_assert_ptr_nonnull(mem = open_memstream(&text, &len));
    ck_assert_int_eq(contact_sheet_print(d, f.c2, TODAY, mem, &err), 0);
    fclose(mem);
    ck_assert_ptr_nonnull(strstr(text, "钱七"));
    free(text);
    int64_t empty = node(d, 0, GRID_COMMUNITY, "南城社区", -1, -1);
    text = NULL;
    ck_assert_ptr_nonnull(mem = open_memstream(&text, &len));
    ck_assert_int_eq(contact_sheet_print(d, empty, TODAY, mem, &err), 0);
    fclose(mem);
    ck_assert_ptr_nonnull(strstr(text, "（暂无在任负责人）"));
    ck_assert_ptr_nonnull(strstr(text, "党组织：未建立"));
    free(text);

    ck_assert_int_eq(contact_sheet_write(d, 99999, TODAY, path, &err), -1);
    ck_assert_int_eq(contact_sheet_write(d, f.g, TODAY,
                                         "/nonexistent/dir/x.txt", &err), -1);
    db_close(d);
}
END_TEST

static uint64_t table_hash(db *d, const char *sql)
{
    sqlite3_stmt *st = db_stmt(d, sql, NULL);
    ck_assert_ptr_nonnull(st);
    uint64_t h = 1469598103934665603ULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(st); c++) {
            const unsigned char *t = sqlite3_column_text(st, c);
            for (; t && *t; t++)
                h = (h ^ *t) * 1099511628211ULL;
            h = (h ^ '|') * 1099511628211ULL;
        }
    }
    sqlite3_reset(st);
    return h;
}

static db *demo_db(const char *name)
{
    db *d = NULL;
    zb_err err = {""};
    ck_assert_int_eq(db_open(tu_path(name), DB_OPEN_CREATE, &d, &err), 0);
    struct demo_options o;
    demo_options_default(&o);
    o.months = 0;
    ck_assert_msg(demo_fill_opts(d, &o, NULL, &err) == 0, "%s", err.msg);
    return d;
}

START_TEST(test_demo)
{
    db *d = demo_db("a.db");
    long communities = (long)q_int(d, "SELECT count(*) FROM org WHERE"
        " parent_id = (SELECT id FROM org WHERE parent_id IS NULL)");
    ck_assert_int_ge(communities, 6);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM grid WHERE level = 1"),
                     communities);
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM grid g JOIN org o"
                              " ON o.name = g.name || '党委'"
                              " OR o.name = g.name || '党总支'"
                              " OR o.name = g.name || '党支部'"
                              " WHERE g.level = 1"), communities);
    long areas = (long)q_int(d, "SELECT count(*) FROM grid WHERE level = 2");
    ck_assert_int_ge(areas, 4 * communities);
    ck_assert_int_le(areas, 6 * communities);
    ck_assert_int_gt(q_int(d, "SELECT count(*) FROM grid WHERE level = 4"),
                     3 * communities);
    /* every member lives in a building or a unit */
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM member m JOIN grid g"
                              " ON g.id = m.residence_id"
                              " WHERE g.level IN (4, 5)"),
                     q_int(d, "SELECT count(*) FROM member"));
    ck_assert_int_gt(q_int(d, "SELECT count(*) FROM org WHERE grid_id IS NOT"
                              " NULL AND kind = '网格党支部'"), 0);
    ck_assert_int_gt(q_int(d, "SELECT count(*) FROM grid_role WHERE"
                              " member_id IS NOT NULL"), 0);
    ck_assert_int_gt(q_int(d, "SELECT count(*) FROM grid_role WHERE"
                              " end_date <> ''"), 0);
    /* stored roles pass the model's own checks */
    ck_assert_int_eq(q_int(d, "SELECT count(*) FROM grid_role r JOIN grid g"
                              " ON g.id = r.grid_id WHERE NOT ("
                              " (r.role IN (1, 2, 3) AND g.level = 2) OR"
                              " (r.role = 4 AND g.level = 4) OR"
                              " (r.role IN (5, 6, 7) AND g.level = 3) OR"
                              " (r.role = 8 AND g.level = 5))"), 0);

    struct grid_gap *g;
    int n;
    zb_err err = {""};
    ck_assert_int_eq(grid_coverage(d, 0, NULL, &g, &n, &err), 0);
    int kinds[8] = {0};
    bool retiree = false;
    for (int i = 0; i < n; i++) {
        kinds[g[i].kind]++;
        if (g[i].kind == GAP_AREA_HEADS && strstr(g[i].text, "退管小组长"))
            retiree = true;
    }
    free(g);
    ck_assert(retiree);
    ck_assert_int_gt(kinds[GAP_NO_WORKER], 0);
    ck_assert_int_gt(kinds[GAP_NO_BUILDING_HEAD], 0);
    ck_assert_int_gt(kinds[GAP_SIZE_HOUSEHOLDS], 0);
    /* gaps are a few, not the rule */
    long grids = (long)q_int(d, "SELECT count(*) FROM grid WHERE level = 3");
    ck_assert_int_lt(kinds[GAP_NO_WORKER], grids / 4);
    ck_assert_int_lt(kinds[GAP_NO_GRID_HEAD], grids / 4);

    /* the same seed, the same grids */
    db *d2 = demo_db("b.db");
    const char *q[] = {
        "SELECT id, parent_id, level, name, households, population"
        " FROM grid ORDER BY id",
        "SELECT grid_id, role, member_id, name, phone, start_date, end_date"
        " FROM grid_role ORDER BY id",
        "SELECT id, residence_id FROM member ORDER BY id",
        "SELECT id, grid_id FROM org ORDER BY id",
    };
    for (int i = 0; i < 4; i++)
        ck_assert_msg(table_hash(d, q[i]) == table_hash(d2, q[i]), "%s",
                      q[i]);
    db_close(d2);
    db_close(d);
}
END_TEST

/* Every term the demo stores passes the model's own checks (overlapping
 * terms of one 兼职网格员 on a node were made at 200 members), and so do
 * the organisations' posts: a demo exported imports again. */
START_TEST(test_demo_terms_valid)
{
    static const long sizes[] = {200, 300, 600};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        char name[32];
        snprintf(name, sizeof name, "v%ld.db", sizes[k]);
        db *d = NULL;
        zb_err err = {""};
        ck_assert_int_eq(db_open(tu_path(name), DB_OPEN_CREATE, &d, &err), 0);
        struct demo_options o;
        demo_options_default(&o);
        o.members = sizes[k];
        o.months = 0;
        ck_assert_msg(demo_fill_opts(d, &o, NULL, &err) == 0, "%s", err.msg);
        int64_t *ids = NULL;
        long n = 0;
        ck_assert_int_eq(table_ids(d, TI_GRID_ROLES, &ids, &n, &err), 0);
        ck_assert_int_gt(n, sizes[k] / 2);
        for (long i = 0; i < n; i++) {
            struct grid_role r;
            const char *field = NULL;
            ck_assert_int_eq(grid_role_get(d, ids[i], &r, &err), 0);
            ck_assert_msg(grid_role_validate(d, &r, &field, &err) == 0,
                          "%ld members, role %lld: %s", sizes[k],
                          (long long)ids[i], err.msg);
        }
        free(ids);
        ck_assert_int_eq(table_ids(d, TI_ORG_POSTS, &ids, &n, &err), 0);
        ck_assert_int_gt(n, 10);
        for (long i = 0; i < n; i++) {
            struct org_post p;
            const char *field = NULL;
            ck_assert_int_eq(org_post_get(d, ids[i], &p, &err), 0);
            ck_assert_msg(org_post_validate(d, &p, &field, &err) == 0,
                          "%ld members, post %lld: %s", sizes[k],
                          (long long)ids[i], err.msg);
        }
        free(ids);
        db_close(d);
    }
}
END_TEST

int main(void)
{
    setenv("ZHIBU_TODAY", TODAY, 1);
    Suite *s = suite_create("grid_sheet");
    TCase *tc = tcase_create("grid_sheet");
    tcase_add_checked_fixture(tc, NULL, tu_cleanup);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_coverage);
    tcase_add_test(tc, test_contact_sheet);
    tcase_add_test(tc, test_demo);
    tcase_add_test(tc, test_demo_terms_valid);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
