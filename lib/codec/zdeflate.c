/* Shared zlib deflate/inflate plumbing: one z_stream pair per context, reset between calls. */
#include "zdeflate.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "kcb/err.h"

struct zd_ctx {
    z_stream def, inf;
    int def_ok, inf_ok;
};

int kcb_zd_ctx_new(int level, int wbits, void **ctx)
{
    struct zd_ctx *z = calloc(1, sizeof *z);
    if (!z)
        return KCB_ENOMEM;
    if (deflateInit2(&z->def, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(z);
        return KCB_ECODEC;
    }
    z->def_ok = 1;
    if (inflateInit2(&z->inf, wbits) != Z_OK) {
        kcb_zd_ctx_free(z);
        return KCB_ECODEC;
    }
    z->inf_ok = 1;
    *ctx = z;
    return KCB_OK;
}

void kcb_zd_ctx_free(void *ctx)
{
    struct zd_ctx *z = ctx;
    if (!z)
        return;
    if (z->def_ok)
        deflateEnd(&z->def);
    if (z->inf_ok)
        inflateEnd(&z->inf);
    free(z);
}

int kcb_zd_compress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct zd_ctx *z = ctx;
    if (n > UINT_MAX || cap > UINT_MAX)
        return KCB_ERANGE;
    if (deflateReset(&z->def) != Z_OK)
        return KCB_ECODEC;
    z->def.next_in = (Bytef *)(uintptr_t)src;
    z->def.avail_in = (uInt)n;
    z->def.next_out = dst;
    z->def.avail_out = (uInt)cap;
    if (deflate(&z->def, Z_FINISH) != Z_STREAM_END)
        return KCB_ECODEC;
    *out = cap - z->def.avail_out;
    return KCB_OK;
}

int kcb_zd_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct zd_ctx *z = ctx;
    unsigned char spare;
    if (n > UINT_MAX || cap > UINT_MAX)
        return KCB_ERANGE;
    if (inflateReset(&z->inf) != Z_OK)
        return KCB_ECODEC;
    z->inf.next_in = (Bytef *)(uintptr_t)src;
    z->inf.avail_in = (uInt)n;
    /* cap == 0 still needs somewhere to write so that inflate can reach the stream end */
    z->inf.next_out = cap ? dst : &spare;
    z->inf.avail_out = cap ? (uInt)cap : 0;
    int rc = inflate(&z->inf, Z_FINISH);
    if (rc != Z_STREAM_END || z->inf.avail_out != 0 || z->inf.avail_in != 0)
        return KCB_ECORRUPT;
    *out = cap;
    return KCB_OK;
}

size_t kcb_zd_window(int level)
{
    (void)level;
    return 32768 - 262;
}

size_t kcb_zd_bound(size_t n, int level)
{
    (void)level;
    /* deflateBound's worst case for stored blocks: 5 bytes per 16 KiB block, plus wrapper */
    return n + (n >> 12) + (n >> 14) + (n >> 25) + 13 + 5 + 18;
}

const char *kcb_zd_version(void)
{
    return zlibVersion();
}
