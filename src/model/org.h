/* Party organisations (党组织): a tree. Issue 2 needs the list for the
 * branch picker and names for the member list; later issues add the
 * tree screen and edits. */
#ifndef ZB_MODEL_ORG_H
#define ZB_MODEL_ORG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

struct org_item {
    int64_t id;
    int64_t parent_id;     /* 0 for a root */
    int depth;             /* 0 for a root */
    char name[128];
    char kind[32];         /* one of domain_org_kind */
    char path[512];        /* "新华街道党工委/东城社区党委/第一网格党支部" */
    bool active;
};

/* All organisations in tree order (parent before children, siblings by
 * sort order then name), as a malloc'ed array. Caller frees *items. */
int org_list(db *d, struct org_item **items, int *n, zb_err *err);

/* Inserts an organisation; sets *id. parent_id 0 = root. */
int org_add(db *d, int64_t parent_id, const char *name, const char *kind,
            int64_t *id, zb_err *err);

/* Name of one organisation into out ("" if not found). */
int org_name(db *d, int64_t id, char *out, size_t outsz, zb_err *err);

#endif
