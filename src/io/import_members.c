/* Importing members (党员).
 *
 * A row is matched to a stored member by 公民身份号码, or by 党员编号
 * (zhibu's own numbers, e.g. from an export) when the name or ID number
 * agrees. A matched member is updated only where the file has a value:
 * an empty cell never blanks stored data. Other rows are new members;
 * a new member keeps the 党员编号 the file gives it if that number was
 * never handed out here (so an export imported into an empty database
 * keeps its numbers), else gets the next one. Values are checked by
 * the member rules the form uses (model/member_valid.h), after the
 * value formats people type are understood (dates as 2021/7/1,
 * 2021年7月1日 …; 男/女; 是/否; 正式/预备). New members are loaded with
 * member_bulk (about 20 times faster than one save per row), updates
 * with member_save. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "io/import_int.h"
#include "io/member_cols.h"
#include "model/member.h"
#include "model/member_valid.h"
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
};

/* The column of each member rule (member_valid.h). */
static const int rule_col[MF_COUNT] = {
    [MF_NAME] = C_NAME, [MF_GENDER] = C_GENDER, [MF_IDNUM] = C_IDNUM,
    [MF_ETHNIC] = C_ETHNIC, [MF_BIRTH] = C_BIRTH,
    [MF_EDUCATION] = C_EDUCATION, [MF_CATEGORY] = C_CATEGORY,
    [MF_ORG] = C_ORG, [MF_JOIN] = C_JOIN, [MF_FULL] = C_FULL,
    [MF_JOB] = C_JOB, [MF_PHONE] = C_PHONE, [MF_ADDRESS] = C_ADDRESS,
    [MF_STATUS] = C_STATUS, [MF_LOST] = C_LOST,
    [MF_LOST_DATE] = C_LOST_DATE, [MF_MOBILE] = C_MOBILE,
    [MF_MOBILE_DEST] = C_MOBILE_DEST, [MF_KIND] = C_KIND,
    [MF_EMPLOYER] = C_EMPLOYER, [MF_NOTES] = C_NOTES,
};

struct state {
    struct member_bulk bulk;
    bool bulk_open;
    int64_t first_new;     /* ids below were handed out before */
    int64_t next_auto;     /* next id for a row without a number */
    int64_t max_number;    /* highest 党员编号 id in the file */
    bool empty;            /* no member stored when the import began:
                              nothing to match (the usual first import) */
    struct smap *ids;      /* ID number -> line, rows seen */
    struct smap *numbers;  /* 党员编号 -> line, rows seen */
};

/* ---- values ---- */

/* id of a zhibu member number ("1" and 7 digits), else 0. */
static int64_t number_id(const char *s)
{
    if (s[0] != '1' || strlen(s) != 8 || strspn(s, "0123456789") != 8)
        return 0;
    int64_t id = strtoll(s + 1, NULL, 10);
    char canon[16];
    member_number(id, canon, sizeof canon);
    return id > 0 && strcmp(canon, s) == 0 ? id : 0;
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
static void copy(char *dst, size_t dstsz, const char *v)
{
    size_t n = strlen(v);
    if (n >= dstsz)
        n = dstsz - 1;
    memcpy(dst, v, n);
    dst[n] = '\0';
}
#define COPY(dst, v) copy((dst), sizeof(dst), (v))

static const char bad_date[] =
    "无法识别的日期「%s」（可写 2021-07-01、2021/7/1、2021年7月1日 或 20210701）";

/* The file's values of one row into in/set; problems reported. */
static void parse(struct import_ctx *c, long line, const char *const *v,
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
            if (!(*number = number_id(s))) {
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

/* ---- matching ---- */

static const char *number_key(int64_t id, char buf[16])
{
    member_number(id, buf, 16);
    return buf;
}

/* The stored member the row means: *target (0 = a new member). Problems
 * are reported. -1 on a database failure. */
static int match(struct import_ctx *c, long line, const member *in,
                 const bool *set, int64_t number, member *target,
                 bool *found, zb_err *err)
{
    struct state *s = c->state;
    *found = false;
    int64_t by_id = 0, prev;
    char name[MEMBER_NAME_CHARS * 4 + 1];
    if (set[C_IDNUM]) {
        if (smap_get(s->ids, in->id_number, &prev)) {
            import_error(c, line, C_IDNUM, "与第 %lld 行的号码相同",
                         (long long)prev);
            return 0;
        }
        if (!s->empty && member_find_idnum(c->d, in->id_number, 0, &by_id,
                                           name, sizeof name, err))
            return -1;
    }
    char key[16];
    if (number && smap_get(s->numbers, number_key(number, key), &prev)) {
        import_error(c, line, C_NO, "与第 %lld 行的党员编号相同",
                     (long long)prev);
        return 0;
    }
    member by_no;
    bool has_no = false;
    if (number && !s->empty) {
        zb_err e;
        has_no = member_get(c->d, number, &by_no, &e) == 0;
    }
    if (by_id) {
        if (member_get(c->d, by_id, target, err))
            return -1;
        if (has_no && by_no.id != by_id) {
            import_error(c, line, C_NO, "公民身份号码属于党员 %s（编号 %s），"
                         "与党员编号 %s 不符", target->name, target->member_no,
                         by_no.member_no);
            return 0;
        }
        *found = true;
        return 0;
    }
    if (has_no) {
        if ((set[C_IDNUM] && *by_no.id_number) ||
            (set[C_NAME] && strcmp(by_no.name, in->name) != 0)) {
            import_error(c, line, C_NO, "党员编号 %s 属于党员 %s，%s不符",
                         by_no.member_no, by_no.name,
                         set[C_IDNUM] && *by_no.id_number ? "公民身份号码"
                                                         : "姓名");
            return 0;
        }
        *target = by_no;
        *found = true;
    }
    return 0;
}

/* ---- merging and checking ---- */

/* The file's values over m: only those the file has. */
static void merge(member *m, const member *in, const bool *set)
{
    if (set[C_NAME])
        COPY(m->name, in->name);
    if (set[C_GENDER])
        m->gender = in->gender;
    if (set[C_IDNUM])
        COPY(m->id_number, in->id_number);
    if (set[C_ETHNIC])
        COPY(m->ethnic, in->ethnic);
    if (set[C_BIRTH])
        COPY(m->birth_date, in->birth_date);
    if (set[C_EDUCATION])
        COPY(m->education, in->education);
    if (set[C_CATEGORY])
        m->category = in->category;
    if (set[C_ORG])
        m->org_id = in->org_id;
    if (set[C_JOIN])
        COPY(m->join_date, in->join_date);
    if (set[C_FULL])
        COPY(m->full_date, in->full_date);
    if (set[C_JOB])
        COPY(m->job, in->job);
    if (set[C_PHONE])
        COPY(m->phone, in->phone);
    if (set[C_ADDRESS])
        COPY(m->address, in->address);
    if (set[C_STATUS])
        m->party_status = in->party_status;
    /* a date or destination alone means 是, as on the form; 否 clears */
    if (set[C_LOST] || set[C_LOST_DATE])
        m->lost = set[C_LOST] ? in->lost : true;
    if (set[C_LOST_DATE])
        COPY(m->lost_date, in->lost_date);
    if (!m->lost)
        m->lost_date[0] = '\0';
    if (set[C_MOBILE] || set[C_MOBILE_DEST])
        m->mobile = set[C_MOBILE] ? in->mobile : true;
    if (set[C_MOBILE_DEST])
        COPY(m->mobile_dest, in->mobile_dest);
    if (!m->mobile)
        m->mobile_dest[0] = '\0';
    if (set[C_KIND])
        m->kind = in->kind;
    if (set[C_EMPLOYER])
        COPY(m->employer, in->employer);
    if (set[C_NOTES])
        COPY(m->notes, in->notes);
    if (set[C_LEFT])
        m->left_kind = in->left_kind;
    if (set[C_LEFT_DATE])
        COPY(m->left_date, in->left_date);
}

/* The member rules over the merged record; a column whose value could
 * not be read is not judged again. */
static void check(struct import_ctx *c, long line, const char *const *v,
                  const bool *set, const member *m)
{
    if (set[C_LOST] && !m->lost && set[C_LOST_DATE])
        import_error(c, line, C_LOST_DATE, "「是否失联党员」为「否」，"
                     "不应填写失去联系日期");
    if (set[C_MOBILE] && !m->mobile && set[C_MOBILE_DEST])
        import_error(c, line, C_MOBILE_DEST, "「是否流动党员」为「否」，"
                     "不应填写外出流向");
    for (int f = 0; f < MF_COUNT; f++) {
        int col = rule_col[f];
        if (*v[col] && !set[col])
            continue;
        char msg[512];
        const char *p = member_field_problem(NULL, m, f, c->today, msg,
                                             sizeof msg);
        if (p)
            import_error(c, line, col, "%s", p);
    }
    if (m->left_kind && !*m->left_date && !(*v[C_LEFT_DATE]))
        import_error(c, line, C_LEFT_DATE, "必填（已填离开情况）");
    if (!m->left_kind && *m->left_date && !(*v[C_LEFT]))
        import_error(c, line, C_LEFT, "必填（已填离开日期）");
    if (*m->left_date && strcmp(m->left_date, c->today) > 0)
        import_error(c, line, C_LEFT_DATE, "日期不能晚于今天");
}

/* Labels of the fields that differ, "、"-joined ("" if none). */
static void differences(const member *a, const member *b, char *out,
                        size_t outsz)
{
    struct {
        bool differs;
        int col;
    } f[] = {
        {strcmp(a->name, b->name) != 0, C_NAME},
        {a->gender != b->gender, C_GENDER},
        {strcmp(a->id_number, b->id_number) != 0, C_IDNUM},
        {strcmp(a->ethnic, b->ethnic) != 0, C_ETHNIC},
        {strcmp(a->birth_date, b->birth_date) != 0, C_BIRTH},
        {strcmp(a->education, b->education) != 0, C_EDUCATION},
        {a->category != b->category, C_CATEGORY},
        {a->org_id != b->org_id, C_ORG},
        {strcmp(a->join_date, b->join_date) != 0, C_JOIN},
        {strcmp(a->full_date, b->full_date) != 0, C_FULL},
        {strcmp(a->job, b->job) != 0, C_JOB},
        {strcmp(a->phone, b->phone) != 0, C_PHONE},
        {strcmp(a->address, b->address) != 0, C_ADDRESS},
        {a->party_status != b->party_status, C_STATUS},
        {a->lost != b->lost, C_LOST},
        {strcmp(a->lost_date, b->lost_date) != 0, C_LOST_DATE},
        {a->mobile != b->mobile, C_MOBILE},
        {strcmp(a->mobile_dest, b->mobile_dest) != 0, C_MOBILE_DEST},
        {a->kind != b->kind, C_KIND},
        {strcmp(a->employer, b->employer) != 0, C_EMPLOYER},
        {strcmp(a->notes, b->notes) != 0, C_NOTES},
        {a->left_kind != b->left_kind, C_LEFT},
        {strcmp(a->left_date, b->left_date) != 0, C_LEFT_DATE},
    };
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (f[i].differs && k + 40 < outsz)
            k += (size_t)snprintf(out + k, outsz - k, "%s%s", k ? "、" : "",
                                  member_cols[f[i].col].name);
}

/* ---- the kind ---- */

static int scan(struct import_ctx *c, long line, const char *const *v,
                zb_err *err)
{
    (void)line;
    (void)err;
    struct state *s = c->state;
    int64_t id = *v[C_NO] ? number_id(v[C_NO]) : 0;
    if (id > s->max_number)
        s->max_number = id;
    return 0;
}

static int begin(struct import_ctx *c, zb_err *err)
{
    struct state *s = c->state;
    if (!(s->ids = smap_new()) || !(s->numbers = smap_new()))
        return zb_fail(err, "内存不足");
    struct member_query q = {.include_left = true};
    long n;
    if (member_count(c->d, &q, &n, err))
        return -1;
    s->empty = n == 0;
    return 0;
}

/* The id of a new member: the file's number if it was never handed out
 * (and not taken by an earlier row), else the next free one. */
static int new_id(struct import_ctx *c, long line, int64_t number,
                  int64_t *id, zb_err *err)
{
    struct state *s = c->state;
    if (!s->bulk_open) {
        if (member_bulk_begin(c->d, &s->bulk, NULL, err))
            return -1;
        s->bulk_open = true;
        s->first_new = s->bulk.next_id;
        s->next_auto = s->max_number >= s->first_new ? s->max_number + 1
                                                       : s->first_new;
    }
    if (number && number >= s->first_new) {
        *id = number;
        return 0;
    }
    *id = s->next_auto++;
    if (number) {
        char no[16];
        member_number(*id, no, sizeof no);
        import_note(c, line, "党员编号 %s 以前用过，改为新编号 %s",
                    number_key(number, (char[16]){0}), no);
    }
    return 0;
}

static int row(struct import_ctx *c, long line, const char *const *v,
               zb_err *err)
{
    struct state *s = c->state;
    member in, m, old;
    bool set[NCOLS] = {false};
    int64_t number = 0;
    bool masked = false;
    /* only the fields set[] marks are read: no need to clear in */
    in.org_id = 0;
    parse(c, line, v, &in, set, &number, &masked);

    bool found;
    if (match(c, line, &in, set, number, &old, &found, err))
        return -1;
    if (masked) {
        /* a masked export updates members matched by 党员编号 */
        char mask[40];
        rules_mask_idnum(old.id_number, mask, sizeof mask);
        if (!found || !*old.id_number || strcmp(mask, v[C_IDNUM]) != 0)
            import_error(c, line, C_IDNUM, "号码已打码（导出时加 --full 才有"
                         "完整号码）");
    }
    if (*v[C_ORG]) {
        if (import_org_for_member(c, line, C_ORG, v[C_ORG], &in.org_id, err))
            return -1;
        set[C_ORG] = in.org_id != 0;
    }
    if (found) {
        m = old;
    } else {
        member_init(&m);
        m.category = 0;   /* must be given (or follow from 转正日期) */
    }
    merge(&m, &in, set);
    if (!found && !m.category && *m.full_date)
        m.category = CATEGORY_FULL;
    member_apply_idnum(&m, c->today);
    check(c, line, v, set, &m);
    if (import_row_bad(c, line))
        return 0;

    char key[16];
    if ((*m.id_number && smap_put(s->ids, m.id_number, line)) ||
        (number && smap_put(s->numbers, number_key(number, key), line)))
        return zb_fail(err, "内存不足");
    if (!found) {
        int64_t id;
        if (new_id(c, line, number, &id, err))
            return -1;
        s->bulk.next_id = id;
        if (member_bulk_add(&s->bulk, &m, err))
            return -1;
        c->res->added++;
        return 0;
    }
    char what[1024];
    differences(&old, &m, what, sizeof what);
    if (number && number != old.id)
        import_note(c, line, "文件中的党员编号 %s 与库中的 %s 不同，保留库中编号",
                    number_key(number, key), old.member_no);
    if (!*what) {
        c->res->unchanged++;
        return 0;
    }
    zb_err e;
    if (member_save(c->d, &m, &e))
        return zb_fail(err, "第 %ld 行：%s", line, e.msg);
    c->res->updated++;
    import_change(c, "第 %ld 行 %s（编号 %s）：%s", line, m.name, m.member_no,
                  what);
    return 0;
}

static int end(struct import_ctx *c, bool keep, zb_err *err)
{
    struct state *s = c->state;
    int rc = 0;
    if (s->bulk_open) {
        s->bulk_open = false;
        rc = member_bulk_end(&s->bulk, keep, err);
    }
    smap_free(s->ids);
    smap_free(s->numbers);
    return keep ? rc : 0;
}

const struct import_kind import_members_kind = {
    .name = "members",
    .label = "党员",
    .cols = member_cols,
    .ncols = NCOLS,
    .state_size = sizeof(struct state),
    .scan = scan,
    .begin = begin,
    .row = row,
    .end = end,
};
