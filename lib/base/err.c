/* Names for kcb_err codes. */
#include <stdarg.h>
#include <stdio.h>

#include "kcb/err.h"

const char *kcb_strerror(int code)
{
    switch (code) {
    case KCB_OK: return "success";
    case KCB_ENOMEM: return "out of memory";
    case KCB_EINVAL: return "invalid argument";
    case KCB_EIO: return "input/output error";
    case KCB_ECODEC: return "compression library error";
    case KCB_ECORRUPT: return "data corrupt or failed verification";
    case KCB_EFORMAT: return "malformed input";
    case KCB_ERANGE: return "size out of range";
    case KCB_ENOTFOUND: return "not found";
    case KCB_ECANCELED: return "interrupted";
    case KCB_ECHANGED: return "the file changed while it was being read";
    default: return "unknown error";
    }
}

int kcb_why(char *why, size_t len, int code, const char *fmt, ...)
{
    if (why && len) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, len, fmt, ap);
        va_end(ap);
    }
    return code;
}
