/* Grid coverage rules: pure functions, see rules_grid.h. */
#include "rules_grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A parent chain longer than this is a cycle in damaged data. */
#define MAX_DEPTH 64

void rules_grid_size_text(const char *what, long value, long lo, long hi,
                          const char *unit, char *out, size_t outsz)
{
    if (outsz == 0)
        return;
    out[0] = '\0';
    if (value < 0 || (value >= lo && value <= hi))
        return;
    snprintf(out, outsz, "%s %ld，%s %ld-%ld %s", what, value,
             value > hi ? "超出" : "低于", lo, hi, unit);
}

static bool has(const struct rg_node *x, int role)
{
    return (x->roles >> role) & 1u;
}

struct gaps {
    struct rg_gap *v;
    int n, cap;
};

static int add(struct gaps *g, int node, int kind, const char *text)
{
    if (g->n == g->cap) {
        int cap = g->cap ? g->cap * 2 : 64;
        struct rg_gap *v = realloc(g->v, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        g->v = v;
        g->cap = cap;
    }
    struct rg_gap *x = &g->v[g->n++];
    x->node = node;
    x->kind = kind;
    snprintf(x->text, sizeof x->text, "%s", text);
    return 0;
}

static int area_gap(struct gaps *g, int i, const struct rg_node *x)
{
    static const int heads[] = {ROLE_AREA_HEAD, ROLE_GROUP_LEADER,
                                ROLE_RETIREE_HEAD};
    char text[256] = "缺";
    bool missing = false;
    for (size_t k = 0; k < sizeof heads / sizeof *heads; k++) {
        if (has(x, heads[k]))
            continue;
        size_t len = strlen(text);
        snprintf(text + len, sizeof text - len, "%s%s", missing ? "、" : "",
                 grid_role_label[heads[k]]);
        missing = true;
    }
    return missing ? add(g, i, GAP_AREA_HEADS, text) : 0;
}

static int grid_gaps(struct gaps *g, int i, const struct rg_node *x,
                     bool org)
{
    char text[256];
    if (!has(x, ROLE_GRID_HEAD) && add(g, i, GAP_NO_GRID_HEAD, "缺网格长"))
        return -1;
    if (!has(x, ROLE_WORKER_FULL) && !has(x, ROLE_WORKER_PART) &&
        add(g, i, GAP_NO_WORKER, "缺网格员"))
        return -1;
    rules_grid_size_text("户数", x->households, RG_HOUSEHOLDS_MIN,
                         RG_HOUSEHOLDS_MAX, "户", text, sizeof text);
    if (text[0] && add(g, i, GAP_SIZE_HOUSEHOLDS, text))
        return -1;
    rules_grid_size_text("人口", x->population, RG_POPULATION_MIN,
                         RG_POPULATION_MAX, "人", text, sizeof text);
    if (text[0] && add(g, i, GAP_SIZE_POPULATION, text))
        return -1;
    if (!org && add(g, i, GAP_NO_ORG, "未建党组织"))
        return -1;
    return 0;
}

int rules_grid_gaps(const struct rg_node *nodes, int n,
                    struct rg_gap **gaps, int *ngaps)
{
    *gaps = NULL;
    *ngaps = 0;
    /* an organisation on a node counts for the 网格 it is in */
    bool *org = calloc((size_t)(n > 0 ? n : 1), sizeof *org);
    if (!org)
        return -1;
    for (int i = 0; i < n; i++) {
        if (!nodes[i].has_org)
            continue;
        int j = i;
        for (int k = 0; j >= 0 && j < n && k < MAX_DEPTH; k++) {
            if (nodes[j].level == GRID_GRID) {
                org[j] = true;
                break;
            }
            if (nodes[j].level < GRID_GRID)
                break;
            j = nodes[j].parent;
        }
    }
    struct gaps g = {NULL, 0, 0};
    int rc = 0;
    for (int i = 0; i < n && !rc; i++) {
        const struct rg_node *x = &nodes[i];
        switch (x->level) {
        case GRID_AREA:
            rc = area_gap(&g, i, x);
            break;
        case GRID_GRID:
            rc = grid_gaps(&g, i, x, org[i]);
            break;
        case GRID_BUILDING:
            if (!has(x, ROLE_BUILDING_HEAD))
                rc = add(&g, i, GAP_NO_BUILDING_HEAD, "缺楼栋长");
            break;
        default:
            break;
        }
    }
    free(org);
    if (rc) {
        free(g.v);
        return -1;
    }
    *gaps = g.v;
    *ngaps = g.n;
    return 0;
}
