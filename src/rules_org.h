/* Rules of the organisation tree (pure: no database): which kind of
 * organisation may sit under which, and the hints of seed 004 (a 支部
 * grown past 50 members, members of a 支部 left out of its 党小组). */
#ifndef ZB_RULES_ORG_H
#define ZB_RULES_ORG_H

#include <stdbool.h>
#include <stddef.h>

/* A 支部 with more members than this should become a 党总支. */
#define RULES_ORG_UPGRADE_MEMBERS 50

/* Level of a kind of domain_org_kind, top down: 0 街道党工委, 1 社区党委,
 * 2 社区党总支, 3 any 党支部, 4 党小组, 5 党员中心户; -1 if unknown. */
int rules_org_rank(const char *kind);
/* A 党支部 of any sort (社区, 网格, 小区, 功能型). */
bool rules_org_is_branch(const char *kind);

/* NULL if an organisation of `kind` may sit under one of `parent_kind`
 * ("" or NULL = no parent, a root); else a Chinese message saying why
 * not ("党小组只能建在党支部之下"). */
const char *rules_org_parent_ok(const char *kind, const char *parent_kind,
                                char *msg, size_t msgsz);

/* The hints shown next to an organisation: for a 党支部 with more than
 * RULES_ORG_UPGRADE_MEMBERS members on the register in its subtree
 * "建议升格为党总支"; for a 党支部 with 党小组 (groups > 0) and members
 * placed directly in it "N 名党员未编入党小组"; both joined by "；".
 * out gets "" when there is nothing to say. */
void rules_org_hints(const char *kind, long subtree_members, int groups,
                     long direct_members, char *out, size_t outsz);

#endif
