/* The rules a member record must satisfy, in one place: the member form
 * (screens/member_form.c) and the CSV importer (src/io/import_members.c)
 * both ask here, field by field, so they can never disagree. Value
 * formats (dates, phone, ID checksum) use src/rules.h, as the form's
 * field types do. */
#ifndef ZB_MODEL_MEMBER_VALID_H
#define ZB_MODEL_MEMBER_VALID_H

#include <stddef.h>

#include "db.h"
#include "model/member.h"

/* The fields of a member record as the rules see them. */
enum member_field {
    MF_NAME, MF_GENDER, MF_IDNUM, MF_ETHNIC, MF_BIRTH, MF_EDUCATION,
    MF_CATEGORY, MF_ORG, MF_JOIN, MF_FULL, MF_JOB, MF_PHONE, MF_ADDRESS,
    MF_STATUS, MF_LOST, MF_LOST_DATE, MF_MOBILE, MF_MOBILE_DEST, MF_KIND,
    MF_EMPLOYER, MF_NOTES,
    MF_COUNT
};

/* The problem with one field of m, or NULL if it is fine: a Chinese
 * message, static or written into msg (msgsz >= 256 is plenty). today
 * is YYYY-MM-DD. With d, an ID number held by another member than m->id
 * is a problem ("已由党员 …（编号 …）使用"); d NULL skips that lookup
 * (a caller that matched the ID number already). Cross-field rules are
 * reported at the later field: ID number against birth date and gender
 * at MF_IDNUM, 18 years at joining at MF_JOIN, 转正 after joining and
 * not for 预备党员 at MF_FULL. Dates must be YYYY-MM-DD here (lenient
 * forms are normalized before: rules_date_normalize). */
const char *member_field_problem(db *d, const member *m, int field,
                                 const char *today, char *msg, size_t msgsz);

/* Fills an empty birth date and gender from a valid ID number and
 * normalizes the number (upper-case X, 15 digits to 18), as the form
 * does when the number is typed. */
void member_apply_idnum(member *m, const char *today);

#endif
