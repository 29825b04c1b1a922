/* Member CSV columns: the header table and the reading of one row's
 * values in the forms people type (dates as 2021/7/1 or 2021年7月1日,
 * 男/女, 正式/预备, 是/否, 民族 with or without 族, common 学历 names).
 * The rules over the whole record are model/member_valid.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "io/member_cols.h"
#include "rules.h"
#include "text.h"

#define NCOLS MEMBER_NCOLS

/* The headers src/io/export.c writes, in this order, and aliases. */
const struct import_col member_cols[MEMBER_NCOLS] = {
    [C_NO] = {"党员编号", NULL},
    [C_NAME] = {"姓名", "党员姓名"},
    [C_GENDER] = {"性别", NULL},
    [C_IDNUM] = {"公民身份号码", "身份证号|身份证号码|身份证|公民身份证号|"
                 "公民身份证号码|证件号码|身份证件号码"},
    [C_ETHNIC] = {"民族", NULL},
    [C_BIRTH] = {"出生日期", "出生年月|出生年月日|生日"},
    [C_EDUCATION] = {"学历", "文化程度|最高学历"},
    [C_CATEGORY] = {"人员类别", "党员类别"},
    [C_ORG] = {"所在党支部", "所在支部|党支部|所属党支部|所在党组织|"
               "所属党组织|党组织|支部"},
    [C_JOIN] = {"加入党组织日期", "入党日期|入党时间|加入党组织时间"},
    [C_FULL] = {"转为正式党员日期", "转正日期|转正时间|转为正式党员时间"},
    [C_JOB] = {"工作岗位", "岗位|职务"},
    [C_PHONE] = {"联系电话", "手机号|手机号码|手机|电话|联系方式|电话号码"},
    [C_ADDRESS] = {"家庭住址", "住址|家庭地址|现住址|居住地址"},
    [C_STATUS] = {"党籍状态", NULL},
    [C_LOST] = {"是否失联党员", "失联党员|是否失联"},
    [C_LOST_DATE] = {"失去联系日期", "失联日期|失去联系时间"},
    [C_MOBILE] = {"是否流动党员", "流动党员|是否流动"},
    [C_MOBILE_DEST] = {"外出流向", "流向|外出流向地"},
    [C_KIND] = {"党员类型", NULL},
    [C_EMPLOYER] = {"工作单位", "单位|所在单位"},
    [C_NOTES] = {"备注", "说明"},
    [C_LEFT] = {"离开情况", "离开原因"},
    [C_LEFT_DATE] = {"离开日期", NULL},
    [C_RESIDENCE] = {"居住网格", "居住地网格|所在网格"},
};

/* ---- values ---- */

/* id of a zhibu member number ("1" and 7 digits: member_number), else 0. */
int64_t member_col_number(const char *s)
{
    if (s[0] != '1' || strlen(s) != 8 || strspn(s, "0123456789") != 8)
        return 0;
    return strtoll(s + 1, NULL, 10);
}

static int label_index(const char *const *labels, int n, const char *v,
                       const char *suffix)
{
    for (int i = 1; i < n; i++) {
        if (strcmp(labels[i], v) == 0)
            return i;
        size_t k = strlen(labels[i]);
        if (suffix && strncmp(labels[i], v, k) == 0 &&
            strcmp(v + k, suffix) == 0)
            return i;
    }
    return 0;
}

static const char *education(const char *v)
{
    static const struct {
        const char *alias, *label;
    } aliases[] = {
        {"博士研究生", "研究生"}, {"硕士研究生", "研究生"},
        {"博士", "研究生"}, {"硕士", "研究生"}, {"研究生及以上", "研究生"},
        {"本科", "大学本科"}, {"大学", "大学本科"},
        {"大专", "大学专科"}, {"专科", "大学专科"},
        {"中专", "中等专科"}, {"中技", "中等专科"},
        {"职高", "高中"}, {"技校", "高中"}, {"小学", "小学及以下"},
        {"文盲", "小学及以下"},
    };
    for (size_t i = 1; i < domain_education_n; i++)
        if (strcmp(domain_education[i], v) == 0)
            return domain_education[i];
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(aliases[i].alias, v) == 0)
            return aliases[i].label;
    return NULL;
}

static bool fits(struct import_ctx *c, long line, int col, const char *v,
                 size_t max_chars, size_t bufsz)
{
    if (text_chars(v) <= max_chars && strlen(v) < bufsz)
        return true;
    import_error(c, line, col, "此字段最多 %zu 个字", max_chars);
    return false;
}

/* A value into a member field (sizes are checked before: fits()). */
void member_col_copy(char *dst, size_t dstsz, const char *v)
{
    size_t n = strlen(v);
    if (n >= dstsz)
        n = dstsz - 1;
    memcpy(dst, v, n);
    dst[n] = '\0';
}
#define COPY(dst, v) member_col_copy((dst), sizeof(dst), (v))

static const char bad_date[] =
    "无法识别的日期「%s」（可写 2021-07-01、2021/7/1、2021年7月1日 或 20210701）";

/* The file's values of one row into in/set; problems reported. */
void member_cols_parse(struct import_ctx *c, long line, const char *const *v,
                       member *in, bool *set, int64_t *number, bool *masked)
{
    char d[11];
    for (int k = 0; k < NCOLS; k++) {
        const char *s = v[k];
        if (!*s)
            continue;
        bool ok = true;
        switch (k) {
        case C_NO:
            if (!(*number = member_col_number(s))) {
                import_error(c, line, k, "「%s」不是本程序的党员编号（1 开头的 "
                             "8 位数字）；新党员请留空，由程序分配", s);
                ok = false;
            }
            break;
        case C_NAME:
            if ((ok = fits(c, line, k, s, MEMBER_NAME_CHARS, sizeof in->name)))
                COPY(in->name, s);
            break;
        case C_GENDER:
            in->gender = strcmp(s, "男") == 0 || strcmp(s, "男性") == 0 ||
                         strcmp(s, "1") == 0 ? GENDER_MALE
                       : strcmp(s, "女") == 0 || strcmp(s, "女性") == 0 ||
                         strcmp(s, "2") == 0 ? GENDER_FEMALE : -1;
            if (in->gender < 0) {
                import_error(c, line, k, "性别应为「男」或「女」");
                ok = false;
            }
            break;
        case C_IDNUM: {
            struct idnum_info info;
            enum idnum_result r;
            if (strchr(s, '*')) {
                *masked = true;   /* judged once the row is matched */
                ok = false;
            } else if ((r = rules_idnum_check(s, c->today, &info)) !=
                       IDNUM_OK) {
                char msg[256] = "";
                rules_idnum_message(r, s, msg, sizeof msg);
                import_error(c, line, k, "%s",
                             *msg ? msg : "公民身份号码不正确");
                ok = false;
            } else {
                COPY(in->id_number, info.normalized);
            }
            break;
        }
        case C_ETHNIC: {
            int e = domain_ethnic_index(s);
            char with[64];
            snprintf(with, sizeof with, "%s族", s);
            if (e < 0)
                e = domain_ethnic_index(with);
            if (e < 0) {
                import_error(c, line, k, "「%s」不是 GB 3304 规定的 56 个"
                             "民族名称之一", s);
                ok = false;
            } else {
                COPY(in->ethnic, domain_ethnic[e]);
            }
            break;
        }
        case C_BIRTH:
        case C_JOIN:
        case C_FULL:
        case C_LOST_DATE:
        case C_LEFT_DATE:
            if (!import_date(s, d)) {
                import_error(c, line, k, bad_date, s);
                ok = false;
                break;
            }
            memcpy(k == C_BIRTH ? in->birth_date : k == C_JOIN ? in->join_date
                   : k == C_FULL ? in->full_date
                   : k == C_LOST_DATE ? in->lost_date : in->left_date, d,
                   sizeof d);
            break;
        case C_EDUCATION: {
            const char *e = education(s);
            if (!e) {
                import_error(c, line, k, "「%s」不是可用的学历（研究生、大学"
                             "本科、大学专科、中等专科、高中、初中、小学及以下）",
                             s);
                ok = false;
            } else {
                COPY(in->education, e);
            }
            break;
        }
        case C_CATEGORY:
            in->category = label_index(domain_category, DOMAIN_CATEGORY_N, s,
                                       NULL);
            if (!in->category)
                in->category = strcmp(s, "正式") == 0 ? CATEGORY_FULL
                             : strcmp(s, "预备") == 0 ? CATEGORY_PROBATION : 0;
            if (!in->category) {
                import_error(c, line, k, "人员类别应为「正式党员」或「预备党员」");
                ok = false;
            }
            break;
        case C_ORG:
            break;   /* after the row is matched (may create) */
        case C_RESIDENCE:
            ok = false;   /* a grid path: the caller's (import_more.h) */
            break;
        case C_JOB:
        case C_MOBILE_DEST:
        case C_EMPLOYER:
            if ((ok = fits(c, line, k, s, MEMBER_SHORT_CHARS, sizeof in->job)))
                strcpy(k == C_JOB ? in->job : k == C_EMPLOYER ? in->employer
                       : in->mobile_dest, s);   /* fits() checked the size */
            break;
        case C_PHONE:
            if (strlen(s) >= sizeof in->phone || !rules_phone_valid(s)) {
                import_error(c, line, k, "电话号码格式不对：手机 11 位，座机如 "
                             "010-12345678");
                ok = false;
            } else {
                COPY(in->phone, s);
            }
            break;
        case C_ADDRESS:
            if ((ok = fits(c, line, k, s, MEMBER_ADDRESS_CHARS,
                           sizeof in->address)))
                COPY(in->address, s);
            break;
        case C_NOTES:
            if ((ok = fits(c, line, k, s, MEMBER_NOTES_CHARS,
                           sizeof in->notes)))
                COPY(in->notes, s);
            break;
        case C_STATUS:
            in->party_status = label_index(domain_party_status,
                                           DOMAIN_PARTY_STATUS_N, s, NULL);
            if (!in->party_status) {
                import_error(c, line, k, "党籍状态应为「正常」或「停止党籍」");
                ok = false;
            }
            break;
        case C_LOST:
        case C_MOBILE: {
            int yn = import_yes_no(s);
            if (yn < 0) {
                import_error(c, line, k, "应为「是」或「否」");
                ok = false;
            } else if (k == C_LOST) {
                in->lost = yn;
            } else {
                in->mobile = yn;
            }
            break;
        }
        case C_KIND:
            in->kind = label_index(domain_kind, DOMAIN_KIND_N, s, "党员");
            if (!in->kind) {
                import_error(c, line, k, "党员类型应为 社区、在职、流动、"
                             "下岗失业 之一");
                ok = false;
            }
            break;
        case C_LEFT:
            in->left_kind = label_index(domain_left, DOMAIN_LEFT_N, s, NULL);
            if (!in->left_kind) {
                import_error(c, line, k, "离开情况应为 出党、转出、去世 之一");
                ok = false;
            }
            break;
        }
        set[k] = ok;
    }
}

