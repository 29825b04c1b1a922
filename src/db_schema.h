/* The forward-only schema migrations (used by db.c only). Step i takes
 * the database from user_version i to i + 1; db.c runs each step in one
 * transaction together with the new user_version. */
#ifndef ZB_DB_SCHEMA_H
#define ZB_DB_SCHEMA_H

struct db_migration {
    int version;        /* user_version after this step */
    const char *sql;    /* statements, run with sqlite3_exec */
};

extern const struct db_migration db_migrations[];
extern const int db_migrations_n;

#endif
