/* lib/base: error codes shared by the whole kcbench library: functions return 0 or a negative kcb_err. */
#ifndef KCB_ERR_H
#define KCB_ERR_H

#include <stddef.h>

enum kcb_err {
    KCB_OK = 0,
    KCB_ENOMEM = -1,     /* allocation failed */
    KCB_EINVAL = -2,     /* invalid argument: bad level, unknown name, malformed spec */
    KCB_EIO = -3,        /* a file could not be read or written */
    KCB_ECODEC = -4,     /* the compression library reported an error */
    KCB_ECORRUPT = -5,   /* data failed verification (round trip, checksum, magic) */
    KCB_EFORMAT = -6,    /* malformed input text (row, quote, field) */
    KCB_ERANGE = -7,     /* a size or count is too large to handle */
    KCB_ENOTFOUND = -8,  /* a named thing does not exist */
    KCB_ECANCELED = -9,  /* stopped on request before the work was done */
    KCB_ECHANGED = -10,  /* a file changed (grew, shrank, was written) while it was read */
};

/* Returns a static, human-readable name for code (never NULL). */
const char *kcb_strerror(int code);

/* Writes the printf-style message into why[0..len) when why is not NULL and len > 0, and
 * returns code: the one way library functions explain an error to their caller. */
int kcb_why(char *why, size_t len, int code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
