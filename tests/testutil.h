/* Helpers for unit tests that need a database: a temporary directory
 * per test (removed by tu_cleanup, meant as a Check teardown), a fresh
 * database in it, and quick ways to add organisations and members.
 * The helpers fail the running test (ck_assert) when anything goes
 * wrong, so tests stay short. */
#ifndef ZB_TESTS_TESTUTIL_H
#define ZB_TESTS_TESTUTIL_H

#include <stdint.h>

#include "db.h"
#include "model/member.h"

/* The test's temporary directory (made on first use). */
const char *tu_dir(void);
/* dir/name, in one of a few rotating static buffers. */
const char *tu_path(const char *name);
/* Removes the temporary directory and everything in it. */
void tu_cleanup(void);

/* Opens (creating) tu_path("zhibu.db"). */
db *tu_open(void);

/* Adds an organisation; returns its id. */
int64_t tu_org(db *d, int64_t parent_id, const char *name,
               const char *kind);
/* Adds a member with the given name, phone, ID number (any may be ""),
 * and organisation (0 = none); returns its id. */
int64_t tu_member(db *d, const char *name, const char *phone,
                  const char *id_number, int64_t org_id);

/* Runs SQL directly (for planting test situations). */
void tu_sql(db *d, const char *sql);

/* MD5-free file fingerprint: FNV-1a 64 of the content and its size. */
uint64_t tu_file_hash(const char *path, long *size);

#endif
