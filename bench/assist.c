/* Benchmark of the pairing assistant: suggestions for 5,000 unpaired
 * households among 100,000 members, loading included (never part of
 * `make check`). Usage:
 *   bench/assist [DB]     DB: a copy of a 100,000-member demo database
 *                         to add the households to; without it one is
 *                         made in a temporary directory (slow).
 * Prints Markdown rows for bench/RESULTS.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "model/assist.h"
#include "model/demo.h"
#include "model/grid.h"
#include "model/household.h"

#define HOUSEHOLDS 5000
#define RUNS 5

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void die(const char *what, const zb_err *e)
{
    fprintf(stderr, "bench/assist: %s: %s\n", what, e->msg);
    exit(1);
}

/* HOUSEHOLDS open households on grid nodes of the 网格 level and below,
 * spread over every community, a tenth of them without a node; saved
 * through the model as a form would. */
static void add_households(db *d)
{
    zb_err e;
    struct grid_item *g;
    int ng, nn = 0;
    if (grid_list(d, &g, &ng, &e))
        die("grid", &e);
    int64_t *nodes = malloc((size_t)(ng ? ng : 1) * sizeof *nodes);
    if (!nodes)
        exit(1);
    for (int i = 0; i < ng; i++)
        if (g[i].level >= GRID_GRID)
            nodes[nn++] = g[i].id;
    free(g);
    if (db_begin(d, &e))
        die("begin", &e);
    for (int i = 0; i < HOUSEHOLDS; i++) {
        household h;
        household_init(&h);
        snprintf(h.name, sizeof h.name, "测试户%d", i + 1);
        h.kinds = HH_KIND_BIT(i % HH_KIND_N == HK_PARTY ? HK_DIBAO
                                                          : i % HH_KIND_N);
        h.level = 1 + i % 3;
        if (nn && i % 10 != 0)
            h.grid_id = nodes[(long)i * 7919 % nn];
        const char *f;
        if (household_save(d, &h, &f, &e))
            die("household", &e);
    }
    if (db_commit(d, &e))
        die("commit", &e);
    free(nodes);
}

int main(int argc, char **argv)
{
    zb_err e;
    db *d;
    char tmp[] = "/tmp/zb-bench-assist-XXXXXX", path[256];
    double t0 = now();
    if (argc > 1) {
        snprintf(path, sizeof path, "%s", argv[1]);
    } else {
        if (!mkdtemp(tmp))
            return perror("mkdtemp"), 1;
        snprintf(path, sizeof path, "%s/bench.db", tmp);
    }
    if (db_open(path, DB_OPEN_CREATE, &d, &e))
        die("open", &e);
    if (argc <= 1) {
        struct demo_options o;
        demo_options_default(&o);
        o.members = 100000;
        o.months = 0;
        if (demo_fill_opts(d, &o, NULL, &e))
            die("demo", &e);
    }
    double t1 = now();
    add_households(d);
    double t2 = now();

    struct assist_opts o;
    assist_opts_default(&o);
    double runs[RUNS];
    int n = 0, found = 0, local[RP_LOCALITY_N] = {0};
    for (int r = 0; r < RUNS; r++) {
        struct assist_item *it;
        double s = now();
        if (assist_suggest(d, &o, &it, &n, &e))
            die("suggest", &e);
        runs[r] = now() - s;
        if (r == RUNS - 1) {
            for (int i = 0; i < n; i++) {
                found += it[i].member_id != 0;
                local[it[i].locality]++;
            }
            double a = now();
            int acc = 0, skip = 0;
            if (assist_accept(d, it, n, NULL, o.max_load, &acc, &skip, &e))
                die("accept", &e);
            double b = now();
            qsort(runs, RUNS, sizeof runs[0], cmp_double);
            struct household_query q = {0};
            long hh;
            q.view = HV_ALL;
            if (household_count(d, &q, &hh, &e))
                die("count", &e);
            printf("| measurement (pairing assistant, %d unpaired households"
                   " added to a 100,000-member demo; median of %d) |"
                   " result |\n|---|---|\n",
                   HOUSEHOLDS, RUNS);
            printf("| suggestions for %d unpaired households (loading the"
                   " grid, households and helpers included) | %.0f ms"
                   " (min %.0f, max %.0f) |\n",
                   n, runs[RUNS / 2] * 1e3, runs[0] * 1e3,
                   runs[RUNS - 1] * 1e3);
            printf("| households with a suggestion: 同一楼栋 %d, 同一网格 %d,"
                   " 同一片区 %d, 同一社区 %d; none %d | %d of %d |\n",
                   local[RP_BUILDING], local[RP_GRID], local[RP_AREA],
                   local[RP_COMMUNITY], n - found, found, n);
            printf("| accepting all %d suggestions as pairs (one"
                   " transaction) | %.0f ms |\n",
                   acc, (b - a) * 1e3);
            fprintf(stderr, "(setup: demo %.1f s, households %.1f s;"
                            " %ld households in the database)\n",
                    t1 - t0, t2 - t1, hh);
        }
        free(it);
    }
    db_close(d);
    if (argc <= 1) {
        unlink(path);
        char side[300];
        snprintf(side, sizeof side, "%s-wal", path);
        unlink(side);
        snprintf(side, sizeof side, "%s-shm", path);
        unlink(side);
        rmdir(tmp);
    }
    return 0;
}
