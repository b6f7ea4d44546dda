/* lib/base: a borrowed byte string, the unit every layer passes texts in. */
#ifndef KCB_BLOB_H
#define KCB_BLOB_H

#include <stddef.h>

/* A borrowed byte string: n bytes at p (p may be NULL when n is 0). */
struct kcb_blob {
    const unsigned char *p;
    size_t n;
};

#endif
