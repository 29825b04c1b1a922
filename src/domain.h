/* Code lists of the domain (labels shown to users, codes stored). */
#ifndef ZB_DOMAIN_H
#define ZB_DOMAIN_H

#include <stdbool.h>
#include <stddef.h>

/* GB/T 2261.1: index = stored code for 0..2; 9 "未说明" stored as 9. */
enum { GENDER_UNKNOWN = 0, GENDER_MALE = 1, GENDER_FEMALE = 2,
       GENDER_UNSPECIFIED = 9 };
const char *domain_gender_label(int code);   /* "男", "女", "未知", "未说明" */

/* 人员类别 */
enum { CATEGORY_FULL = 1, CATEGORY_PROBATION = 2 };
extern const char *const domain_category[]; /* [0]="", [1]="正式党员", [2]="预备党员" */
#define DOMAIN_CATEGORY_N 3

/* Member kind */
enum { KIND_COMMUNITY = 1, KIND_EMPLOYED = 2, KIND_MOBILE = 3,
       KIND_LAIDOFF = 4 };
extern const char *const domain_kind[];     /* [0]="", 社区, 在职, 流动, 下岗失业 */
#define DOMAIN_KIND_N 5

/* 党籍状态 */
enum { PARTY_STATUS_NORMAL = 1, PARTY_STATUS_SUSPENDED = 2 };
extern const char *const domain_party_status[]; /* "", 正常, 停止党籍 */
#define DOMAIN_PARTY_STATUS_N 3

/* Why a member left the register */
enum { LEFT_NONE = 0, LEFT_EXPELLED = 1, LEFT_TRANSFERRED = 2,
       LEFT_DECEASED = 3 };
extern const char *const domain_left[];     /* "", 出党, 转出, 去世 */
#define DOMAIN_LEFT_N 4

/* 学历 (stored as the label text) */
extern const char *const domain_education[];
extern const size_t domain_education_n;

/* GB 3304: the 56 official names in code order (01 汉族 ... 56 基诺族). */
extern const char *const domain_ethnic[];
#define DOMAIN_ETHNIC_N 56
/* Index of an ethnic name, -1 if not one of the 56. */
int domain_ethnic_index(const char *name);

/* Organisation kinds (stored as the label text) */
extern const char *const domain_org_kind[];
extern const size_t domain_org_kind_n;
/* Whether members can be placed directly in an organisation of this kind
 * (a 支部, 党小组 or 党员中心户; not a 党工委, 党委 or 党总支). */
bool domain_org_holds_members(const char *kind);

/* Meeting kinds, indexed by enum meeting_kind (src/model/meeting.h):
 * [0]="", 支部党员大会, 支部委员会, 党小组会, 党课, 主题党日, 组织生活会,
 * 民主评议党员, 其他 */
extern const char *const domain_meeting_kind[];
#define DOMAIN_MEETING_KIND_N 9

/* Attendance states, indexed by enum att_state (src/model/attendance.h):
 * 未签到, 出席, 迟到, 请假, 缺席, 列席 */
extern const char *const domain_att_state[];
#define DOMAIN_ATT_STATE_N 6

#endif
