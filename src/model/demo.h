/* Synthetic demo data (never real people). */
#ifndef ZB_MODEL_DEMO_H
#define ZB_MODEL_DEMO_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"

#define DEMO_COMMUNITIES_MAX 500
#define DEMO_MONTHS_MAX 120

struct demo_options {
    long members;          /* 1 .. 1000000 */
    unsigned seed;
    int communities;       /* 0: 6 to 8 by the number of members */
    int months;            /* meetings (三会一课) of the last M months,
                              0 = none */
};
/* 600 members, the usual seed, 0 communities (by size), 12 months. */
void demo_options_default(struct demo_options *o);

struct demo_counts {
    long members, meetings, attendance;
};

/* Fills an empty database with a street (街道党工委), communities with
 * branches and party groups, members with varied categories, kinds and
 * statuses (about half of a branch with 党小组 in one of them), and the
 * meetings of the last o->months months with their rolls
 * (src/model/demo_meetings.h). Deterministic for a given seed. Refuses
 * a database that already holds data. One transaction. out may be
 * NULL. */
int demo_fill_opts(db *d, const struct demo_options *o,
                   struct demo_counts *out, zb_err *err);

/* demo_fill_opts with n_members, seed, and the other defaults. */
int demo_fill(db *d, long n_members, unsigned seed, zb_err *err);

/* The generators of demo people for the other demo modules: a name
 * (common surname and given-name characters, never one from the source
 * documents) and a mobile number, drawn from the splitmix64 state
 * *state (advanced). */
void demo_name(uint64_t *state, char *out, size_t outsz);
void demo_phone(uint64_t *state, char *out, size_t outsz);

#endif
