/* The lz4 codec (optional): raw LZ4 blocks, levels 1-2 fast, 3-12 LZ4HC; state reused.
 * At levels 10-12 liblz4 itself mallocs its optimal-parser table on every call (LZ4HC_HEAPMODE);
 * that one allocation per compression cannot be avoided from outside the library. */
#include <limits.h>
#include <lz4.h>
#include <lz4hc.h>
#include <stdlib.h>

#include "kcb/codec.h"
#include "kcb/err.h"

struct lz4_ctx {
    void *state; /* LZ4 or LZ4HC state, by level */
    int level;
};

static int lz4_ctx_new(int level, unsigned flags, void **ctx)
{
    (void)flags; /* no faster stream of the same size */
    struct lz4_ctx *z = calloc(1, sizeof *z);
    if (!z)
        return KCB_ENOMEM;
    z->level = level;
    z->state = malloc((size_t)(level >= LZ4HC_CLEVEL_MIN ? LZ4_sizeofStateHC() : LZ4_sizeofState()));
    if (!z->state) {
        free(z);
        return KCB_ENOMEM;
    }
    *ctx = z;
    return KCB_OK;
}

static void lz4_ctx_free(void *ctx)
{
    struct lz4_ctx *z = ctx;
    if (!z)
        return;
    free(z->state);
    free(z);
}

static int lz4_compress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct lz4_ctx *z = ctx;
    if (n > LZ4_MAX_INPUT_SIZE)
        return KCB_ERANGE;
    int c = cap > INT_MAX ? INT_MAX : (int)cap, r;
    if (z->level >= LZ4HC_CLEVEL_MIN)
        r = LZ4_compress_HC_extStateHC(z->state, src, dst, (int)n, c, z->level);
    else
        r = LZ4_compress_fast_extState(z->state, src, dst, (int)n, c, 1);
    if (r <= 0)
        return KCB_ECODEC;
    *out = (size_t)r;
    return KCB_OK;
}

static int lz4_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap,
                          size_t *out)
{
    (void)ctx;
    if (n > INT_MAX || cap > INT_MAX)
        return KCB_ERANGE;
    int r = LZ4_decompress_safe(src, dst, (int)n, (int)cap);
    if (r < 0 || (size_t)r != cap)
        return KCB_ECORRUPT;
    *out = (size_t)r;
    return KCB_OK;
}

static size_t lz4_window(int level)
{
    (void)level;
    return 65535;
}

static size_t lz4_bound(size_t n, int level)
{
    (void)level;
    return n > LZ4_MAX_INPUT_SIZE ? n + n / 255 + 16 : (size_t)LZ4_compressBound((int)n);
}

static const char *lz4_version(void)
{
    return LZ4_versionString();
}

const struct kcb_codec kcb_codec_lz4 = {
    .name = "lz4",
    .library = "liblz4",
    .format = "raw lz4 block, no frame (levels 3-12: LZ4HC)",
    .level_min = 1,
    .level_max = 12,
    .level_default = 1,
    .window = lz4_window,
    .bound = lz4_bound,
    .ctx_new = lz4_ctx_new,
    .ctx_free = lz4_ctx_free,
    .compress = lz4_compress,
    .decompress = lz4_decompress,
    .version = lz4_version,
};
