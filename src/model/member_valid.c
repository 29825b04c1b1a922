/* Member rules shared by the form and the importer (member_valid.h).
 * No SQL of its own: the ID-number lookup goes through member.c. */
#include "model/member_valid.h"

#include <stdio.h>
#include <string.h>

#include "domain.h"
#include "rules.h"
#include "text.h"

static bool blank(const char *s)
{
    return strspn(s, " ") == strlen(s);
}

static const char *too_long(const char *v, size_t max, char *msg,
                            size_t msgsz)
{
    if (text_chars(v) <= max)
        return NULL;
    snprintf(msg, msgsz, "此字段最多 %zu 个字", max);
    return msg;
}

static const char *date_problem(const char *v, const char *today,
                                bool required)
{
    if (!*v)
        return required ? "必填" : NULL;
    if (!rules_date_valid(v))
        return "日期格式应为 YYYY-MM-DD，如 2021-07-01";
    if (strcmp(v, today) > 0)
        return "日期不能晚于今天";
    return NULL;
}

static bool in_list(const char *const *list, size_t n, const char *v)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], v) == 0)
            return true;
    return false;
}

static const char *idnum_problem(db *d, const member *m, const char *today,
                                 char *msg, size_t msgsz)
{
    const char *v = m->id_number;
    if (!*v)
        return NULL;
    struct idnum_info info;
    enum idnum_result r = rules_idnum_check(v, today, &info);
    if (r != IDNUM_OK) {
        rules_idnum_message(r, v, msg, msgsz);
        return *msg ? msg : "公民身份号码不正确";
    }
    if (d) {
        int64_t other = 0;
        char name[MEMBER_NAME_CHARS * 4 + 1];
        zb_err e;
        if (member_find_idnum(d, info.normalized, m->id, &other, name,
                              sizeof name, &e) != 0) {
            snprintf(msg, msgsz, "%s", e.msg);
            return msg;
        }
        if (other) {
            member o;
            if (member_get(d, other, &o, &e) == 0)
                snprintf(msg, msgsz, "已由党员 %s（编号 %s）使用", o.name,
                         o.member_no);
            else
                snprintf(msg, msgsz, "已由党员 %s 使用", name);
            return msg;
        }
    }
    if (*m->birth_date && strcmp(m->birth_date, info.birth) != 0) {
        snprintf(msg, msgsz, "与出生日期不符：号码中为 %s", info.birth);
        return msg;
    }
    if ((m->gender == GENDER_MALE || m->gender == GENDER_FEMALE) &&
        m->gender != info.gender) {
        snprintf(msg, msgsz, "与性别不符：号码中为%s",
                 domain_gender_label(info.gender));
        return msg;
    }
    return NULL;
}

const char *member_field_problem(db *d, const member *m, int field,
                                 const char *today, char *msg, size_t msgsz)
{
    const char *r;
    msg[0] = '\0';
    switch (field) {
    case MF_NAME:
        if (blank(m->name))
            return "必填";
        return too_long(m->name, MEMBER_NAME_CHARS, msg, msgsz);
    case MF_GENDER:
        if (m->gender != 0 && m->gender != GENDER_MALE &&
            m->gender != GENDER_FEMALE)
            return "性别应为「男」或「女」";
        return NULL;
    case MF_IDNUM:
        return idnum_problem(d, m, today, msg, msgsz);
    case MF_ETHNIC:
        if (*m->ethnic && domain_ethnic_index(m->ethnic) < 0)
            return "不是 GB 3304 规定的 56 个民族名称之一";
        return NULL;
    case MF_BIRTH:
        return date_problem(m->birth_date, today, false);
    case MF_EDUCATION:
        if (!in_list(domain_education, domain_education_n, m->education))
            return "学历应为 研究生、大学本科、大学专科、中等专科、高中、"
                   "初中、小学及以下 之一";
        return NULL;
    case MF_CATEGORY:
        if (m->category != CATEGORY_FULL && m->category != CATEGORY_PROBATION)
            return "必填（正式党员或预备党员）";
        return NULL;
    case MF_ORG:
        return m->org_id ? NULL : "必填";
    case MF_JOIN:
        if ((r = date_problem(m->join_date, today, true)))
            return r;
        if (*m->birth_date && rules_date_valid(m->birth_date) &&
            rules_age(m->birth_date, m->join_date) < 18)
            return "入党时应年满 18 周岁";
        return NULL;
    case MF_FULL:
        if ((r = date_problem(m->full_date, today, false)) || !*m->full_date)
            return r;
        if (*m->join_date && strcmp(m->full_date, m->join_date) < 0)
            return "转正日期不能早于入党日期";
        if (m->category == CATEGORY_PROBATION)
            return "预备党员尚未转正，请清空此项或把人员类别改为正式党员";
        return NULL;
    case MF_JOB:
        return too_long(m->job, MEMBER_SHORT_CHARS, msg, msgsz);
    case MF_PHONE:
        if (*m->phone && !rules_phone_valid(m->phone))
            return "电话号码格式不对：手机 11 位，座机如 010-12345678";
        return NULL;
    case MF_ADDRESS:
        return too_long(m->address, MEMBER_ADDRESS_CHARS, msg, msgsz);
    case MF_STATUS:
        if (m->party_status != PARTY_STATUS_NORMAL &&
            m->party_status != PARTY_STATUS_SUSPENDED)
            return "必填（正常或停止党籍）";
        return NULL;
    case MF_LOST:
    case MF_MOBILE:
        return NULL;
    case MF_LOST_DATE:
        return m->lost ? date_problem(m->lost_date, today, true) : NULL;
    case MF_MOBILE_DEST:
        if (!m->mobile)
            return NULL;
        if (blank(m->mobile_dest))
            return "必填";
        return too_long(m->mobile_dest, MEMBER_SHORT_CHARS, msg, msgsz);
    case MF_KIND:
        if (m->kind < KIND_COMMUNITY || m->kind >= DOMAIN_KIND_N)
            return "必填（社区、在职、流动或下岗失业）";
        return NULL;
    case MF_EMPLOYER:
        return too_long(m->employer, MEMBER_SHORT_CHARS, msg, msgsz);
    case MF_NOTES:
        return too_long(m->notes, MEMBER_NOTES_CHARS, msg, msgsz);
    default:
        return NULL;
    }
}

void member_apply_idnum(member *m, const char *today)
{
    struct idnum_info info;
    if (!*m->id_number ||
        rules_idnum_check(m->id_number, today, &info) != IDNUM_OK)
        return;
    snprintf(m->id_number, sizeof m->id_number, "%s", info.normalized);
    if (!*m->birth_date)
        snprintf(m->birth_date, sizeof m->birth_date, "%s", info.birth);
    if (m->gender != GENDER_MALE && m->gender != GENDER_FEMALE)
        m->gender = info.gender;
}
