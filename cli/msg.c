/* Messages on stderr, one line each, and the one mapping from library errors to exit statuses. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "kcb/err.h"

static int silent;        /* kcb_msg_silence() was called */
static char first[2048]; /* the first error said while silent */

void kcb_msg_silence(void)
{
    silent = 1;
}

const char *kcb_msg_first(void)
{
    return first;
}

/* While silent: keeps the first error (prefix NULL), prints nothing; returns 1. */
KCB_PRINTF(2, 0) static int hushed(const char *prefix, const char *fmt, va_list ap)
{
    if (!silent)
        return 0;
    if (!prefix && !*first)
        vsnprintf(first, sizeof first, fmt, ap);
    return 1;
}

/* prefix NULL: an error, "" otherwise. */
KCB_PRINTF(3, 0) static void vsay(const char *cmd, const char *prefix, const char *fmt, va_list ap)
{
    if (hushed(prefix, fmt, ap))
        return;
    prefix = prefix ? prefix : "";
    fflush(stdout);
    fprintf(stderr, "kcbench %s: %s", cmd, prefix);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

#define SAY(cmd, prefix, fmt, status)                                                        \
    do {                                                                                     \
        va_list ap;                                                                          \
        va_start(ap, fmt);                                                                   \
        vsay(cmd, prefix, fmt, ap);                                                          \
        va_end(ap);                                                                          \
        return status;                                                                       \
    } while (0)

int kcb_usage_err(const char *cmd, const char *fmt, ...)
{
    SAY(cmd, NULL, fmt, KCB_EXIT_USAGE);
}

int kcb_io_err(const char *cmd, const char *fmt, ...)
{
    SAY(cmd, NULL, fmt, KCB_EXIT_IO);
}

int kcb_fail(const char *cmd, const char *fmt, ...)
{
    SAY(cmd, NULL, fmt, KCB_EXIT_FAIL);
}

void kcb_warn(const char *cmd, const char *fmt, ...)
{
    SAY(cmd, "warning: ", fmt, );
}

void kcb_note(const char *cmd, const char *fmt, ...)
{
    SAY(cmd, "", fmt, );
}

int kcb_exit_of(int rc)
{
    switch (rc) {
    case KCB_OK: return KCB_EXIT_OK;
    case KCB_EINVAL: return KCB_EXIT_USAGE;
    case KCB_EIO:
    case KCB_ECORRUPT:
    case KCB_EFORMAT:
    case KCB_ERANGE:
    case KCB_ENOTFOUND:
    case KCB_ECHANGED: return KCB_EXIT_IO;
    case KCB_ECANCELED: return KCB_EXIT_INTERRUPTED;
    default: return KCB_EXIT_FAIL; /* KCB_ENOMEM, KCB_ECODEC */
    }
}

int kcb_lib_err(const char *cmd, int rc, const char *fmt, ...)
{
    const char *why = rc == KCB_EIO ? strerror(errno) : kcb_strerror(rc);
    char msg[1024] = "";
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
    }
    if (silent) {
        if (!*first)
            snprintf(first, sizeof first, "%s%s%s", msg, fmt ? ": " : "", why);
        return kcb_exit_of(rc);
    }
    fflush(stdout);
    fprintf(stderr, "kcbench %s: %s%s%s\n", cmd, msg, fmt ? ": " : "", why);
    return kcb_exit_of(rc);
}
