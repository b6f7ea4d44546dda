/* A codec that corrupts its own output, compiled only into the test build (BROKEN=1) to prove
 * that kcbench bench catches a round trip that does not verify. */
#include <string.h>

#include "kcb/codec.h"
#include "kcb/err.h"

static int broken_ctx_new(int level, unsigned flags, void **ctx)
{
    (void)flags;
    (void)level;
    *ctx = NULL;
    return KCB_OK;
}

static void broken_ctx_free(void *ctx)
{
    (void)ctx;
}

/* "Compresses" by storing the input with its first byte inverted: it decodes, but wrongly. */
static int broken_compress(void *ctx, const void *src, size_t n, void *dst, size_t cap,
                          size_t *out)
{
    (void)ctx;
    if (cap < n + 1)
        return KCB_ERANGE;
    unsigned char *d = dst;
    d[0] = 0x42;
    memcpy(d + 1, src, n);
    if (n)
        d[1] ^= 0xFF;
    *out = n + 1;
    return KCB_OK;
}

static int broken_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap,
                             size_t *out)
{
    (void)ctx;
    if (n != cap + 1 || ((const unsigned char *)src)[0] != 0x42)
        return KCB_ECORRUPT;
    memcpy(dst, (const unsigned char *)src + 1, cap);
    *out = cap;
    return KCB_OK;
}

static size_t broken_window(int level)
{
    (void)level;
    return 0;
}

static size_t broken_bound(size_t n, int level)
{
    (void)level;
    return n + 1;
}

static const char *broken_version(void)
{
    return "test";
}

const struct kcb_codec kcb_codec_broken = {
    .name = "broken",
    .library = "none",
    .format = "input with its first byte inverted (test build only)",
    .level_min = 1,
    .level_max = 1,
    .level_default = 1,
    .window = broken_window,
    .bound = broken_bound,
    .ctx_new = broken_ctx_new,
    .ctx_free = broken_ctx_free,
    .compress = broken_compress,
    .decompress = broken_decompress,
    .version = broken_version,
};
