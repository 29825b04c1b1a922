/* Internal to the member model (src/model/member*.c): what its files
 * share. Not for other modules. */
#ifndef ZB_MODEL_MEMBER_INT_H
#define ZB_MODEL_MEMBER_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/member.h"

struct sqlite3_stmt;

/* ---- rows (member.c) ---- */

/* Parameters ?1 .. ?32, shared by INSERT and UPDATE (which skips ?2,
 * ?28: member_no and created_at never change). */
#define MEMBER_COL_LIST \
    "id, member_no, left_kind, org_id, name, sort_py," \
    " sort_strokes, search, gender, birth_date, category, kind," \
    " party_status, phone, id_number, join_date, full_date, ethnic," \
    " education, job, lost, lost_date, mobile, mobile_dest, employer," \
    " address, left_date, created_at, updated_at, updated_by, notes," \
    " residence_id"
#define MEMBER_INSERT_COLS " (" MEMBER_COL_LIST ")"
#define MEMBER_INSERT_VALUES MEMBER_INSERT_COLS \
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13," \
    " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26," \
    " ?27, ?28, ?29, ?30, ?31, ?32)"

void member_bind(struct sqlite3_stmt *st, const member *m, int64_t id,
                 const char *search, const char *py, const char *strokes,
                 const char *now, const char *user);
int member_next_id(db *d, int64_t *id, zb_err *err);

/* ---- search index and tally (member_keys.c) ----
 *
 * Gram codes (int32):
 *   1 .. 11110           a string of 1-4 digits (k digits: (10^k-1)/9 + value)
 *   11111 + 1 .. 19682   1-3 letters (base 27)
 *   32768 + code point   one non-ASCII character
 *   2^29 + 3 bytes       the first 3 bytes of sort_py (tally only)
 *   2^30 + pair          two adjacent CJK ideographs (U+4E00..U+9FFF)
 *   0                    the member itself (tally only)
 * The tally counts members per (gram, register state): key = code * 2 +
 * (left ? 1 : 0). */
#define GRAM_ALL 0
#define GRAM_LETTERS 11111
#define GRAM_CHAR 32768
#define GRAM_SORT (1 << 29)
#define GRAM_PAIR (1 << 30)
#define GRAM_CJK_FIRST 0x4E00
#define GRAM_CJK_N 20992            /* U+4E00 .. U+9FFF */

int32_t gram_digits(const char *p, int k);      /* k = 1..4 */
int32_t gram_letters(const char *p, int k);     /* k = 1..3 */
bool gram_pair_ok(uint32_t a, uint32_t b);
int32_t gram_pair(uint32_t a, uint32_t b);
int32_t gram_sort(const char *sort_py);
/* Digits of a digit gram (k = 1..4), else 0. */
int gram_digit_len(int32_t g);

static inline int64_t tally_key(int32_t g, bool left)
{
    return (int64_t)g * 2 + (left ? 1 : 0);
}

/* The index word of a gram: 'a' (on the register) or 'l' (left), then
 * 'd' and the digits, 'p' and the letters, 'c' or 'h' and base 32. A
 * digit word is a prefix of the longer digit words that contain it. */
size_t gram_word(int32_t g, bool left, char *out);   /* out: 16 bytes */

/* Tally keys of a member (distinct, in no order): its index grams, every 1-3
 * digit substring, its sort_py block and GRAM_ALL; out holds
 * MEMBER_TALLY_MAX. */
#define MEMBER_TALLY_MAX (MEMBER_SEARCH_MAX * 4 + 8)
int member_tally_keys(const char *search, const char *sort_py, bool left,
                      int64_t *out);

/* The rowid of a member's document in member_name_search: a prefix of its
 * sort_py (7 symbols of 5 bits, order kept: sort_py a < b gives
 * prefix(a) <= prefix(b)) above DOC_ID_BITS bits of its id, so that the
 * index returns its members in pinyin order (ties: same prefix).
 * -1 if the id does not fit. */
#define DOC_ID_BITS 24
#define DOC_ID_MASK ((INT64_C(1) << DOC_ID_BITS) - 1)
int64_t member_doc_rowid(const char *sort_py, int64_t id);

/* What a member's index entries are made of. */
struct index_doc {
    const char *search, *sort_py;
    int left_kind;
};
/* Replaces a member's document in the search index and its counts in
 * the tally: old (NULL: none) must be exactly what was added (the stored
 * search, sort_py and left_kind), now (NULL: none) is the new one. */
int member_index_update(db *d, int64_t id, const struct index_doc *old,
                        const struct index_doc *now, zb_err *err);

/* The two search indexes: digit words by member id (member_search),
 * the other words by member_doc_rowid (member_name_search). */
enum index { INDEX_DIGITS, INDEX_NAMES };

/* The words of a search text in each index: words[INDEX_DIGITS] and
 * words[INDEX_NAMES], malloc'ed, len[] bytes. -1: no memory. */
int member_index_words(const char *search, bool left, char *words[2],
                       size_t len[2]);

/* An in-memory tally (bulk loads, rebuilds, checks). */
struct tally_map;
struct tally_map *tally_map_new(void);
void tally_map_free(struct tally_map *t);
int tally_map_add(struct tally_map *t, const char *search,
                  const char *sort_py, bool left);   /* -1: no memory */
/* Adds the map's counts to member_tally. */
int tally_map_write(db *d, const struct tally_map *t, zb_err *err);
/* *same: member_tally holds exactly the map's non-zero counts. */
int tally_map_compare(db *d, const struct tally_map *t, bool *same,
                      zb_err *err);

#endif
