/* The rolling daily backup (the TUI makes it when it starts): next to
 * the database file, <name>.backup-YYYY-MM-DD, written by SQLite's
 * online backup (safe while others use the database) under a temporary
 * name and renamed into place, mode 0600; only the newest `keep` such
 * files are kept (config key backup-keep, default 7, 0 = off). Files of
 * that exact pattern are the only ones ever deleted. */
#ifndef ZB_IO_BACKUP_ROLL_H
#define ZB_IO_BACKUP_ROLL_H

#include <stdbool.h>

#include "db.h"

struct backup_roll_result {
    bool made;            /* today's backup was written just now */
    int removed;          /* older backups deleted */
    char path[4200];      /* today's backup */
};

/* today: YYYY-MM-DD (rules_today). keep 0 does nothing. On an error
 * nothing of the old backups has been deleted unless *res says so. */
int backup_roll(db *d, const char *today, int keep,
                struct backup_roll_result *res, zb_err *err);

#endif
