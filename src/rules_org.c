#include "rules_org.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *kind;
    int rank;
} ranks[] = {
    {"街道党工委", 0}, {"社区党委", 1}, {"社区党总支", 2},
    {"社区党支部", 3}, {"网格党支部", 3}, {"小区党支部", 3},
    {"功能型党支部", 3}, {"党小组", 4}, {"党员中心户", 5},
};

int rules_org_rank(const char *kind)
{
    for (size_t i = 0; kind && i < sizeof ranks / sizeof ranks[0]; i++)
        if (strcmp(kind, ranks[i].kind) == 0)
            return ranks[i].rank;
    return -1;
}

bool rules_org_is_branch(const char *kind)
{
    return rules_org_rank(kind) == 3;
}

const char *rules_org_parent_ok(const char *kind, const char *parent_kind,
                                char *msg, size_t msgsz)
{
    int r = rules_org_rank(kind);
    bool root = !parent_kind || !*parent_kind;
    int pr = root ? -1 : rules_org_rank(parent_kind);
    if (r < 0)
        return "请选择组织类型";
    if (r == 4 && pr != 3)
        return "党小组只能建在党支部之下";
    if (r == 5 && pr != 3 && pr != 4)
        return "党员中心户只能建在党支部或党小组之下";
    if (root || pr < 0 || pr < r)
        return NULL;
    snprintf(msg, msgsz, "%s不能建在%s之下", kind, parent_kind);
    return msg;
}

void rules_org_hints(const char *kind, long subtree_members, int groups,
                     long direct_members, char *out, size_t outsz)
{
    if (!outsz)
        return;
    out[0] = '\0';
    if (!rules_org_is_branch(kind))
        return;
    size_t k = 0;
    if (subtree_members > RULES_ORG_UPGRADE_MEMBERS)
        k += (size_t)snprintf(out, outsz, "建议升格为党总支");
    if (groups > 0 && direct_members > 0 && k < outsz)
        snprintf(out + k, outsz - k, "%s%ld 名党员未编入党小组",
                 k ? "；" : "", direct_members);
}
