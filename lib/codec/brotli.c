/* The brotli codec (optional): quality = level, window 2^22; encoder memory cached across calls. */
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <stdio.h>
#include <stdlib.h>

#include "kcb/codec.h"
#include "kcb/err.h"
#include "cache.h"

/* The brotli encoder cannot be reset, so each call creates one whose memory comes from cache. */
struct br_ctx {
    struct kcb_cache cache;
    int level;
};

static void *br_alloc(void *opaque, size_t size)
{
    return kcb_cache_alloc(opaque, size);
}

static void br_free(void *opaque, void *p)
{
    kcb_cache_free(opaque, p);
}

static int br_ctx_new(int level, unsigned flags, void **ctx)
{
    (void)flags; /* no faster stream of the same size */
    struct br_ctx *b = calloc(1, sizeof *b);
    if (!b)
        return KCB_ENOMEM;
    b->level = level;
    *ctx = b;
    return KCB_OK;
}

static void br_ctx_free(void *ctx)
{
    struct br_ctx *b = ctx;
    if (!b)
        return;
    kcb_cache_clear(&b->cache);
    free(b);
}

static int br_compress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct br_ctx *b = ctx;
    BrotliEncoderState *s = BrotliEncoderCreateInstance(br_alloc, br_free, &b->cache);
    if (!s)
        return KCB_ENOMEM;
    BrotliEncoderSetParameter(s, BROTLI_PARAM_QUALITY, (uint32_t)b->level);
    BrotliEncoderSetParameter(s, BROTLI_PARAM_LGWIN, BROTLI_DEFAULT_WINDOW);
    BrotliEncoderSetParameter(s, BROTLI_PARAM_SIZE_HINT, n > (1u << 30) ? (1u << 30) : (uint32_t)n);
    size_t avail_in = n, avail_out = cap;
    const uint8_t *next_in = src;
    uint8_t *next_out = dst;
    int ok = BrotliEncoderCompressStream(s, BROTLI_OPERATION_FINISH, &avail_in, &next_in,
                                         &avail_out, &next_out, NULL) &&
             BrotliEncoderIsFinished(s);
    BrotliEncoderDestroyInstance(s);
    if (!ok)
        return KCB_ECODEC;
    *out = cap - avail_out;
    return KCB_OK;
}

static int br_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap,
                         size_t *out)
{
    (void)ctx;
    size_t got = cap;
    if (BrotliDecoderDecompress(n, src, &got, dst) != BROTLI_DECODER_RESULT_SUCCESS ||
        got != cap)
        return KCB_ECORRUPT;
    *out = got;
    return KCB_OK;
}

static size_t br_window(int level)
{
    (void)level;
    return ((size_t)1 << BROTLI_DEFAULT_WINDOW) - 16;
}

static size_t br_bound(size_t n, int level)
{
    (void)level;
    size_t b = BrotliEncoderMaxCompressedSize(n);
    return b ? b : n + (n >> 10) * 4 + 1024;
}

static const char *br_version(void)
{
    static char buf[32];
    uint32_t v = BrotliEncoderVersion();
    snprintf(buf, sizeof buf, "%u.%u.%u", v >> 24, (v >> 12) & 0xFFF, v & 0xFFF);
    return buf;
}

const struct kcb_codec kcb_codec_brotli = {
    .name = "brotli",
    .library = "libbrotli",
    .format = "brotli stream (window 2^22)",
    .level_min = 0,
    .level_max = 11,
    .level_default = 11,
    .window = br_window,
    .bound = br_bound,
    .ctx_new = br_ctx_new,
    .ctx_free = br_ctx_free,
    .compress = br_compress,
    .decompress = br_decompress,
    .version = br_version,
};
