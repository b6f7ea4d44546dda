/* The zstd codec: one-shot frames with the library's defaults at each level, context reused. */
#include <stdlib.h>
#define ZSTD_STATIC_LINKING_ONLY /* ZSTD_getCParams, to report the window */
#include <zstd.h>

#include "kcb/codec.h"
#include "kcb/err.h"

struct zs_ctx {
    ZSTD_CCtx *c;
    ZSTD_DCtx *d;
    int level;
};

static void zs_ctx_free(void *ctx)
{
    struct zs_ctx *z = ctx;
    if (!z)
        return;
    ZSTD_freeCCtx(z->c);
    ZSTD_freeDCtx(z->d);
    free(z);
}

static int zs_ctx_new(int level, unsigned flags, void **ctx)
{
    (void)flags; /* no faster stream of the same size */
    struct zs_ctx *z = calloc(1, sizeof *z);
    if (!z)
        return KCB_ENOMEM;
    z->c = ZSTD_createCCtx();
    z->d = ZSTD_createDCtx();
    z->level = level;
    if (!z->c || !z->d) {
        zs_ctx_free(z);
        return KCB_ENOMEM;
    }
    *ctx = z;
    return KCB_OK;
}

static int zs_compress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct zs_ctx *z = ctx;
    size_t r = ZSTD_compressCCtx(z->c, dst, cap, src, n, z->level);
    if (ZSTD_isError(r))
        return KCB_ECODEC;
    *out = r;
    return KCB_OK;
}

static int zs_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct zs_ctx *z = ctx;
    size_t r = ZSTD_decompressDCtx(z->d, dst, cap, src, n);
    if (ZSTD_isError(r) || r != cap)
        return KCB_ECORRUPT;
    *out = r;
    return KCB_OK;
}

static size_t zs_window(int level)
{
    /* the window for an input of unknown or large size; smaller inputs fit whole */
    ZSTD_compressionParameters p = ZSTD_getCParams(level, 0, 0);
    return (size_t)1 << p.windowLog;
}

static size_t zs_bound(size_t n, int level)
{
    (void)level;
    return ZSTD_compressBound(n);
}

static const char *zs_version(void)
{
    return ZSTD_versionString();
}

const struct kcb_codec kcb_codec_zstd = {
    .name = "zstd",
    .library = "libzstd",
    .format = "zstd frame (content size, no checksum)",
    .level_min = 1,
    .level_max = 22,
    .level_default = 3,
    .window = zs_window,
    .bound = zs_bound,
    .ctx_new = zs_ctx_new,
    .ctx_free = zs_ctx_free,
    .compress = zs_compress,
    .decompress = zs_decompress,
    .version = zs_version,
};
