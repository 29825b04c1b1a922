/* Error reporting: functions return 0 / -1 and fill a zb_err with a
 * user-facing (Chinese) one-line message. Nothing deep inside prints. */
#ifndef ZB_ERR_H
#define ZB_ERR_H

typedef struct zb_err {
    char msg[512];
} zb_err;

/* Formats msg into e (if e is not NULL) and returns -1. */
int zb_fail(zb_err *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
