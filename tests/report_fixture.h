/* A small office with hand-checked numbers for the work-summary report
 * (tests/check_report.c and the report screen's test). Today is
 * 2026-11-22 (ZHIBU_TODAY, set by the fixture). What it holds and the
 * numbers it gives are written out in report_fixture.c. */
#ifndef ZB_TESTS_REPORT_FIXTURE_H
#define ZB_TESTS_REPORT_FIXTURE_H

#include <stdint.h>

#include "db.h"

struct rf_ids {
    int64_t street, a, g, b;          /* organisations */
    int64_t m[12];                    /* members 1..11 */
    int64_t community, area, grid1, grid2, building, west;
    int64_t mA1, mA2, mA3, mA4, mA5, mG1, mB0, mB1, mB2, mFuture;
    int64_t h1, h2, p1, p2;
};

/* Builds the fixture in d (an empty database). */
void rf_build(db *d, struct rf_ids *ids);

#endif
