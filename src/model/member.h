/* Party members (党员): the record, its validation-independent storage,
 * and the windowed list queries. All member SQL lives here. */
#ifndef ZB_MODEL_MEMBER_H
#define ZB_MODEL_MEMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

/* Text limits in characters (the form enforces them; storage buffers are
 * sized for 4 bytes a character). */
#define MEMBER_NAME_CHARS 30
#define MEMBER_SHORT_CHARS 40   /* job, employer, mobile destination */
#define MEMBER_ADDRESS_CHARS 100
#define MEMBER_NOTES_CHARS 1000

typedef struct member {
    int64_t id;                 /* 0 = not stored yet */
    char member_no[16];         /* 党员编号: digits, assigned on insert */
    char name[MEMBER_NAME_CHARS * 4 + 1];
    int gender;                 /* GENDER_* */
    char id_number[19];         /* 18 chars, upper-case X; may be "" */
    char ethnic[32];            /* one of domain_ethnic, or "" */
    char birth_date[11];        /* YYYY-MM-DD or "" */
    char education[32];         /* one of domain_education, or "" */
    int category;               /* CATEGORY_* */
    int64_t org_id;             /* 所在党支部, 0 = none */
    char join_date[11];         /* 加入党组织日期 */
    char full_date[11];         /* 转为正式党员日期 */
    char job[MEMBER_SHORT_CHARS * 4 + 1];
    char phone[32];
    char address[MEMBER_ADDRESS_CHARS * 4 + 1];
    int party_status;           /* PARTY_STATUS_* */
    bool lost;                  /* 失联党员 */
    char lost_date[11];
    bool mobile;                /* 流动党员 */
    char mobile_dest[MEMBER_SHORT_CHARS * 4 + 1];
    int kind;                   /* KIND_* */
    char employer[MEMBER_SHORT_CHARS * 4 + 1];
    char notes[MEMBER_NOTES_CHARS * 4 + 1];
    int left_kind;              /* LEFT_* */
    char left_date[11];
    int64_t residence_id;       /* grid node where the member lives
                                   (model/grid.h), 0 = not known */
    char updated_at[20];        /* "YYYY-MM-DD HH:MM:SS" UTC */
    char updated_by[64];
} member;

void member_init(member *m);   /* zeroed, category/party_status/kind set
                                  to their usual defaults */

int member_get(db *d, int64_t id, member *out, zb_err *err);
/* Every member (also those who left) in member-number order, through
 * fn; stops at the first non-zero return of fn and returns it (export). */
int member_each(db *d, int (*fn)(void *ctx, const member *m), void *ctx,
                zb_err *err);

/* Inserts (id == 0: assigns id and member_no) or updates, in one
 * transaction, with the search and sort keys recomputed and
 * updated_at/updated_by set. A duplicate ID number is refused with
 * "公民身份号码已由党员 <name>（编号 <no>）使用". Does not run the form's
 * validation (see screens and rules). */
int member_save(db *d, member *m, zb_err *err);

/* Member that already holds id_number (other than exclude_id):
 * *found_id = 0 if none; name copied into name_out. */
int member_find_idnum(db *d, const char *id_number, int64_t exclude_id,
                      int64_t *found_id, char *name_out, size_t name_sz,
                      zb_err *err);

/* True if other records (attendance, pairs, visits...) refer to the
 * member: such a member is marked as left, never erased. */
int member_has_history(db *d, int64_t id, bool *has, zb_err *err);
/* Erases a member without history (refused otherwise). */
int member_delete(db *d, int64_t id, zb_err *err);
/* Marks a member as left (LEFT_*) on a date. */
int member_mark_left(db *d, int64_t id, int left_kind, const char *date,
                     zb_err *err);

/* ---- derived keys (also for bulk loaders: demo, import) ---- */

/* Member number of an id: "1" and the id in 7 digits (10000001, ...),
 * so that a barcode scanner can type it. */
void member_number(int64_t id, char *out, size_t outsz);

#define MEMBER_SEARCH_MAX 1024   /* bytes of a search text */
#define MEMBER_SORTKEY_MAX 512
#define MEMBER_GRAMS_MAX 3072

/* The stored keys of m (m->member_no must be set): the search text
 * (lower-case name, every pinyin-initials variant, phone digits, ID
 * number with x lower-case, member number; space-separated) and the
 * pinyin and stroke sort keys. Buffers: MEMBER_SEARCH_MAX and
 * MEMBER_SORTKEY_MAX bytes. */
void member_keys(const member *m, char *search, char *sort_py,
                 char *sort_strokes);

/* The words of the member_search index for a search text, as sorted,
 * distinct gram codes (see member_keys.c; out holds MEMBER_GRAMS_MAX).
 * Returns the count. */
int member_grams(const char *search, int32_t *out);

/* Bulk loading (demo, CSV import): new members are staged and moved
 * into place by member_bulk_end with one statement per table, several
 * times faster than member_save per row. Keys, numbers and the search
 * index are exactly as member_save makes them; the ID-number check is
 * left to the caller (member_find_idnum) with the unique index as the
 * backstop (a duplicate fails the whole batch). begin opens a
 * transaction (nested in the caller's, if any); always finish with end:
 * keep = false, or any failure, rolls everything back (the whole
 * transaction, as db_rollback does). Into an empty member table, end
 * builds the table's indexes after the rows (same transaction). */
struct tally_map;
struct member_bulk {
    db *d;
    int64_t next_id;
    long added;
    char created_at[20];   /* also updated_at of the new rows */
    bool open;
    struct tally_map *tally;   /* counts of the staged rows (internal) */
};
int member_bulk_begin(db *d, struct member_bulk *b, const char *created_at,
                      zb_err *err);
/* Assigns m->id and m->member_no. */
int member_bulk_add(struct member_bulk *b, member *m, zb_err *err);
int member_bulk_end(struct member_bulk *b, bool keep, zb_err *err);

/* Compares every member's stored search and sort keys with freshly
 * computed ones (*stale = members that differ) and the size of the
 * search index with what the search texts imply (*grams_ok). */
int member_check_keys(db *d, long *stale, bool *grams_ok, zb_err *err);
/* Recomputes every member's keys and rebuilds the search index, in one
 * transaction (after a change of the pinyin data or of the key rules). */
int member_reindex(db *d, zb_err *err);

/* ---- windowed list ---- */

enum member_sort {
    MEMBER_SORT_PINYIN,    /* name by pinyin */
    MEMBER_SORT_STROKES,   /* name by surname strokes (姓氏笔画) */
    MEMBER_SORT_AGE,       /* oldest first */
    MEMBER_SORT_ORG,       /* branch, then pinyin */
    MEMBER_SORT_JOIN,      /* join date */
    MEMBER_SORT_NO,        /* member number */
    MEMBER_SORT_COUNT
};
extern const char *const member_sort_label[MEMBER_SORT_COUNT];

struct member_query {
    const char *filter;    /* NULL/"" = all. Matches a name substring,
                              pinyin initials, digits of phone / ID
                              number, or the member number */
    enum member_sort sort;
    bool desc;
    int64_t org_id;        /* 0 = all; else this organisation and
                              every organisation under it */
    bool org_direct;       /* with org_id: that organisation only, not
                              the ones under it */
    bool include_left;     /* members who left are hidden by default */
};

struct member_row {
    int64_t id;
    char member_no[16];
    char name[MEMBER_NAME_CHARS * 4 + 1];
    int gender;
    char birth_date[11];
    char org_name[128];
    int category;
    int kind;
    char phone[32];
    char id_number[19];
    int left_kind;
    int party_status;
};

int member_count(db *d, const struct member_query *q, long *n,
                 zb_err *err);
/* Rows [offset, offset + limit) of the query's order. */
int member_window(db *d, const struct member_query *q, long offset,
                  int limit, struct member_row *rows, int *nrows,
                  zb_err *err);
/* Position of member id in the query's order (-1 if not in it). */
int member_position(db *d, const struct member_query *q, int64_t id,
                    long *pos, zb_err *err);

#endif
