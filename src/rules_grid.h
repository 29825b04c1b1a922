/* Grid coverage rules (一片三长、每格定人, seed 001) as pure functions
 * over arrays: no database. src/model/grid_coverage.c loads the tree,
 * the current roles and the organisations' grid links and runs these. */
#ifndef ZB_RULES_GRID_H
#define ZB_RULES_GRID_H

#include <stdbool.h>
#include <stddef.h>

#include "model/grid.h"

/* Sizing rule: a 网格 is normally 300-500 households and 1,000-1,500
 * people (bounds inclusive). */
#define RG_HOUSEHOLDS_MIN 300
#define RG_HOUSEHOLDS_MAX 500
#define RG_POPULATION_MIN 1000
#define RG_POPULATION_MAX 1500

struct rg_node {
    int level;                 /* enum grid_level */
    int parent;                /* index in the array, -1 = a root */
    long households, population;   /* totals; -1 = not known */
    unsigned roles;            /* bit (1u << role) for every role kind
                                  held on the node today */
    bool has_org;              /* a party organisation is built on it */
};

struct rg_gap {
    int node;                  /* index in the array */
    int kind;                  /* enum grid_gap_kind */
    char text[256];            /* "缺网格长", "户数 812，超出 300-500 户" */
};

/* The gaps of nodes[0..n), in array order, each node's by kind:
 *  网格: no 网格长; no 网格员 (专职 or 兼职); households or population
 *        known and outside the bounds; no organisation on it or on a
 *        node below it;
 *  片区: 片长, 党小组长, 退管小组长 not all there (the text names the
 *        missing ones: "缺片长、退管小组长");
 *  楼栋: no 楼栋长.
 * *gaps is malloc'ed (caller frees; NULL when none). -1 if out of
 * memory. */
int rules_grid_gaps(const struct rg_node *nodes, int n,
                    struct rg_gap **gaps, int *ngaps);

/* The text of a sizing gap, or "" when value is inside [lo, hi] or
 * unknown (< 0): "户数 812，超出 300-500 户", "人口 900，低于
 * 1000-1500 人". */
void rules_grid_size_text(const char *what, long value, long lo, long hi,
                          const char *unit, char *out, size_t outsz);

#endif
