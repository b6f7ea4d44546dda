/* The lz4 codec (optional): raw LZ4 blocks, levels 1-2 fast, 3-12 LZ4HC; state reused; primable.
 * At levels 10-12 liblz4 itself mallocs its optimal-parser table on every call (LZ4HC_HEAPMODE);
 * that one allocation per compression cannot be avoided from outside the library. */
#include <limits.h>
#include <lz4.h>
#define LZ4_HC_STATIC_LINKING_ONLY /* LZ4_resetStreamHC_fast, exported by the shared liblz4 */
#include <lz4hc.h>
#include <stdlib.h>
#include <string.h>

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
    if (level >= LZ4HC_CLEVEL_MIN) /* initialised once, as LZ4_resetStreamHC_fast needs */
        LZ4_initStreamHC(z->state, (size_t)LZ4_sizeofStateHC());
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

/*
 * Priming. liblz4 keeps at most the last 64 KiB of a dictionary. At levels 1-2 the state of
 * a dictionary over LZ4_LIGHT_MAX bytes is an LZ4_stream_t loaded with it once (LZ4_loadDict,
 * 16 KiB); each compression copies it into the context's stream (about 1 us) and continues
 * from it, which gives the bytes that loading the dictionary afresh would. A shorter one is
 * loaded afresh for each compression, as fast as the copy at that size (measured: 0.9 us
 * either way for 600 bytes; 1.9 against 1.2 us for 2000, 15 against 1.2 us for 64 KiB), and
 * its state is the pointer alone. LZ4_attach_dictionary would avoid the copy, but the shared
 * liblz4 does not export it. At levels 3-12 (LZ4HC, whose stream is 256 KiB) the state only
 * points at the dictionary, which each compression loads (LZ4_loadDictHC).
 */
#define LZ4_LIGHT_MAX 1024
struct lz4_prime {
    const char *dict;
    int n;
    LZ4_stream_t *stream; /* levels 1-2 */
};

static void lz4_prime_free(void *state)
{
    struct lz4_prime *p = state;
    if (!p)
        return;
    free(p->stream);
    free(p);
}

static int lz4_prime(void *ctx, const void *dict, size_t n, void **state)
{
    const struct lz4_ctx *z = ctx;
    if (n > 65536) {
        dict = (const char *)dict + (n - 65536);
        n = 65536;
    }
    struct lz4_prime *p = calloc(1, sizeof *p);
    if (!p)
        return KCB_ENOMEM;
    p->dict = n ? dict : "";
    p->n = (int)n;
    if (z->level < LZ4HC_CLEVEL_MIN && n > LZ4_LIGHT_MAX) {
        p->stream = malloc(sizeof *p->stream);
        if (!p->stream || !LZ4_initStream(p->stream, sizeof *p->stream)) {
            lz4_prime_free(p);
            return KCB_ENOMEM;
        }
        LZ4_loadDict(p->stream, p->dict, p->n);
    }
    *state = p;
    return KCB_OK;
}

static int lz4_compress_primed(void *ctx, const void *state, const void *src, size_t n,
                               void *dst, size_t cap, size_t *out)
{
    struct lz4_ctx *z = ctx;
    const struct lz4_prime *p = state;
    if (n > LZ4_MAX_INPUT_SIZE)
        return KCB_ERANGE;
    int c = cap > INT_MAX ? INT_MAX : (int)cap, r;
    if (z->level >= LZ4HC_CLEVEL_MIN) {
        LZ4_streamHC_t *hc = z->state;
        LZ4_resetStreamHC_fast(hc, z->level); /* sets the level LZ4_loadDictHC keeps */
        LZ4_loadDictHC(hc, p->dict, p->n);    /* a full reset, then the dictionary */
        r = LZ4_compress_HC_continue(hc, src, dst, (int)n, c);
    } else {
        LZ4_stream_t *st = z->state;
        if (p->stream)
            memcpy(st, p->stream, sizeof *st);
        else
            LZ4_loadDict(st, p->dict, p->n); /* a full reset, then the dictionary */
        r = LZ4_compress_fast_continue(st, src, dst, (int)n, c, 1);
    }
    if (r <= 0)
        return KCB_ECODEC;
    *out = (size_t)r;
    return KCB_OK;
}

static int lz4_decompress_primed(void *ctx, const void *state, const void *src, size_t n,
                                 void *dst, size_t cap, size_t *out)
{
    (void)ctx;
    const struct lz4_prime *p = state;
    if (n > INT_MAX || cap > INT_MAX)
        return KCB_ERANGE;
    int r = LZ4_decompress_safe_usingDict(src, dst, (int)n, (int)cap, p->dict, p->n);
    if (r < 0 || (size_t)r != cap)
        return KCB_ECORRUPT;
    *out = (size_t)r;
    return KCB_OK;
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
    .prime = lz4_prime,
    .prime_free = lz4_prime_free,
    .compress_primed = lz4_compress_primed,
    .decompress_primed = lz4_decompress_primed,
};
