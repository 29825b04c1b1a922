/* Synthetic demo data (never real people). */
#ifndef ZB_MODEL_DEMO_H
#define ZB_MODEL_DEMO_H

#include "db.h"

/* Fills an empty database with a street (街道党工委), several
 * communities with branches and party groups, and n_members members
 * with varied categories, kinds and statuses. Deterministic for a given
 * seed. Refuses a database that already holds data. One transaction. */
int demo_fill(db *d, long n_members, unsigned seed, zb_err *err);

#endif
