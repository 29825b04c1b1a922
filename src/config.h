/* User settings: $XDG_CONFIG_HOME/zhibu/config (else ~/.config/zhibu/config),
 * lines of "key = value", '#' starts a comment. Command-line options
 * override the file. Keys: ambiguous-width (1|2), database (a path),
 * lesson-unit (month|quarter|year) and lesson-min (1..99): how many
 * 党课 the local rules ask for; pair-max-load (1..99, default 3): pairs
 * one helper may hold; visit-days (1..3650, default 90): days without a
 * visit before a household is overdue, visit-days-1/-2/-3 overriding it
 * for difficulty level 1/2/3. */
#ifndef ZB_CONFIG_H
#define ZB_CONFIG_H

#include <stddef.h>

#include "err.h"

struct zb_config {
    int ambiguous_width;      /* 1 or 2 */
    char db_path[4096];       /* "" = default (db_default_path) */
    /* 党课 minimum: lesson_min per lesson_unit (1 month, 2 quarter,
     * 3 year; the values of enum period_unit). Default once a quarter. */
    int lesson_unit;
    int lesson_min;
    /* 结对帮扶 (src/model/pair.h: pair_config_from) */
    int pair_max_load;
    int visit_days;
    int visit_days_level[4];  /* [1..3]; 0 = visit_days */
    /* Daily backups kept next to the database (src/io/backup_roll.h);
     * backup-keep 0..365, default 7, 0 = none. */
    int backup_keep;
};

void config_defaults(struct zb_config *c);
/* Default config file path into out; -1 if there is no home. */
int config_default_path(char *out, size_t outsz);
/* Reads path (a missing file is fine: defaults stay). Unknown keys and
 * bad values are errors naming the file and line. */
int config_load(struct zb_config *c, const char *path, zb_err *err);
/* Applies one "key", "value" pair (shared by the file and options). */
int config_set(struct zb_config *c, const char *key, const char *value,
               zb_err *err);

#endif
