#include "domain.h"

#include <string.h>

const char *domain_gender_label(int code)
{
    switch (code) {
    case GENDER_UNKNOWN:
        return "未知";
    case GENDER_MALE:
        return "男";
    case GENDER_FEMALE:
        return "女";
    case GENDER_UNSPECIFIED:
        return "未说明";
    default:
        return "";
    }
}

const char *const domain_category[DOMAIN_CATEGORY_N] = {
    "", "正式党员", "预备党员"
};

const char *const domain_kind[DOMAIN_KIND_N] = {
    "", "社区", "在职", "流动", "下岗失业"
};

const char *const domain_party_status[DOMAIN_PARTY_STATUS_N] = {
    "", "正常", "停止党籍"
};

const char *const domain_left[DOMAIN_LEFT_N] = {
    "", "出党", "转出", "去世"
};

const char *const domain_education[] = {
    "", "研究生", "大学本科", "大学专科", "中等专科", "高中", "初中",
    "小学及以下"
};
const size_t domain_education_n =
    sizeof domain_education / sizeof domain_education[0];

/* GB 3304 order: index + 1 is the two-digit code. */
const char *const domain_ethnic[DOMAIN_ETHNIC_N] = {
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族",
    "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族",
    "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族",
    "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族",
    "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族",
    "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族",
    "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族",
    "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族"
};

int domain_ethnic_index(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < DOMAIN_ETHNIC_N; i++)
        if (strcmp(domain_ethnic[i], name) == 0)
            return i;
    return -1;
}

const char *const domain_org_kind[] = {
    "街道党工委", "社区党委", "社区党总支", "社区党支部", "网格党支部",
    "小区党支部", "功能型党支部", "党小组", "党员中心户"
};
const size_t domain_org_kind_n =
    sizeof domain_org_kind / sizeof domain_org_kind[0];

bool domain_org_holds_members(const char *kind)
{
    /* 党工委, 党委 and 党总支 lead branches; members sit in a 支部 (or
     * one of its 党小组 / 党员中心户). */
    return strcmp(kind, "街道党工委") != 0 && strcmp(kind, "社区党委") != 0 &&
           strcmp(kind, "社区党总支") != 0;
}

const char *const domain_meeting_kind[DOMAIN_MEETING_KIND_N] = {
    "", "支部党员大会", "支部委员会", "党小组会", "党课", "主题党日",
    "组织生活会", "民主评议党员", "其他"
};

const char *const domain_att_state[DOMAIN_ATT_STATE_N] = {
    "未签到", "出席", "迟到", "请假", "缺席", "列席"
};
