/* The zstd codec: one-shot frames with the library's defaults at each level, context reused. */
#include <stdlib.h>
#define ZSTD_STATIC_LINKING_ONLY /* ZSTD_getCParams (the window), raw-content CDicts */
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

/* ---- priming: a raw-content CDict, or for a short dictionary a prefix; decoding takes the same
 * bytes as a prefix ---- */

/*
 * A dictionary of up to ZS_PREFIX_MAX bytes is referenced as a prefix for each compression
 * (ZSTD_CCtx_refPrefix: no state beyond its address, a cost that grows with its length); a
 * longer one is a CDict built once. Measured on R8 texts at level 3: 500 CDicts of short
 * texts take 33 KB each and 14.6 us per compression once they no longer fit a cache, a prefix
 * 6.0 us; a CDict of 64 KB, used over and over, 3.6 us against 51 us for the prefix. The two
 * give sizes within a few bytes of each other, not the same bytes.
 */
#define ZS_PREFIX_MAX 8192

struct zs_prime {
    ZSTD_CDict *cdict; /* NULL: a prefix */
    const void *dict;
    size_t n;
};

static void zs_prime_free(void *state)
{
    struct zs_prime *p = state;
    if (!p)
        return;
    ZSTD_freeCDict(p->cdict);
    free(p);
}

/*
 * The CDict refers to dict (ZSTD_dlm_byRef) and takes it as raw content, never as a trained
 * zstd dictionary; its parameters are those ZSTD_createCDict chooses for the level (the
 * library's defaults for a dictionary of n bytes and a small input), and ZSTD_compress_usingCDict
 * widens the window to fit the input. Of a dict longer than the level's window only the last
 * window bytes are used.
 */
static int zs_prime(void *ctx, const void *dict, size_t n, void **state)
{
    struct zs_ctx *z = ctx;
    size_t w = zs_window(z->level);
    if (n > w) {
        dict = (const char *)dict + (n - w);
        n = w;
    }
    struct zs_prime *p = calloc(1, sizeof *p);
    if (!p)
        return KCB_ENOMEM;
    p->dict = n ? dict : "";
    p->n = n;
    if (n <= ZS_PREFIX_MAX) {
        *state = p;
        return KCB_OK;
    }
    ZSTD_CCtx_params *cp = ZSTD_createCCtxParams();
    int rc = cp ? KCB_OK : KCB_ENOMEM;
    if (!rc && ZSTD_isError(ZSTD_CCtxParams_init(cp, z->level)))
        rc = KCB_ECODEC;
    if (!rc) {
        p->cdict = ZSTD_createCDict_advanced2(dict, n, ZSTD_dlm_byRef, ZSTD_dct_rawContent, cp,
                                              ZSTD_defaultCMem);
        rc = p->cdict ? KCB_OK : KCB_ENOMEM;
    }
    ZSTD_freeCCtxParams(cp);
    if (rc) {
        zs_prime_free(p);
        return rc;
    }
    *state = p;
    return KCB_OK;
}

static int zs_compress_primed(void *ctx, const void *state, const void *src, size_t n, void *dst,
                              size_t cap, size_t *out)
{
    struct zs_ctx *z = ctx;
    const struct zs_prime *p = state;
    size_t r;
    if (p->cdict) {
        r = ZSTD_compress_usingCDict(z->c, dst, cap, src, n, p->cdict);
    } else { /* the prefix is used by this frame only */
        r = ZSTD_CCtx_reset(z->c, ZSTD_reset_session_and_parameters);
        if (!ZSTD_isError(r))
            r = ZSTD_CCtx_setParameter(z->c, ZSTD_c_compressionLevel, z->level);
        if (!ZSTD_isError(r))
            r = ZSTD_CCtx_refPrefix_advanced(z->c, p->dict, p->n, ZSTD_dct_rawContent);
        if (!ZSTD_isError(r))
            r = ZSTD_compress2(z->c, dst, cap, src, n);
    }
    if (ZSTD_isError(r))
        return KCB_ECODEC;
    *out = r;
    return KCB_OK;
}

static int zs_decompress_primed(void *ctx, const void *state, const void *src, size_t n,
                                void *dst, size_t cap, size_t *out)
{
    struct zs_ctx *z = ctx;
    const struct zs_prime *p = state;
    /* a prefix is used for the next frame only, so plain decompression is left as it was */
    if (ZSTD_isError(ZSTD_DCtx_refPrefix_advanced(z->d, p->n ? p->dict : "", p->n,
                                                  ZSTD_dct_rawContent)))
        return KCB_ECODEC;
    size_t r = ZSTD_decompressDCtx(z->d, dst, cap, src, n);
    ZSTD_DCtx_reset(z->d, ZSTD_reset_session_only);
    if (ZSTD_isError(r) || r != cap)
        return KCB_ECORRUPT;
    *out = r;
    return KCB_OK;
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
    .prime = zs_prime,
    .prime_free = zs_prime_free,
    .compress_primed = zs_compress_primed,
    .decompress_primed = zs_decompress_primed,
};
