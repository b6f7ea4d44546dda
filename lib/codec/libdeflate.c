/* The libdeflate codec (optional): gzip members from libdeflate, levels 1-12; compressor reused. */
#include <libdeflate.h>
#include <stdlib.h>

#include "kcb/codec.h"
#include "kcb/err.h"

struct ld_ctx {
    struct libdeflate_compressor *c;
    struct libdeflate_decompressor *d;
};

static void ld_ctx_free(void *ctx)
{
    struct ld_ctx *z = ctx;
    if (!z)
        return;
    libdeflate_free_compressor(z->c);
    libdeflate_free_decompressor(z->d);
    free(z);
}

static int ld_ctx_new(int level, unsigned flags, void **ctx)
{
    (void)flags; /* no faster stream of the same size */
    struct ld_ctx *z = calloc(1, sizeof *z);
    if (!z)
        return KCB_ENOMEM;
    z->c = libdeflate_alloc_compressor(level);
    z->d = libdeflate_alloc_decompressor();
    if (!z->c || !z->d) {
        ld_ctx_free(z);
        return KCB_ENOMEM;
    }
    *ctx = z;
    return KCB_OK;
}

static int ld_compress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct ld_ctx *z = ctx;
    size_t r = libdeflate_gzip_compress(z->c, src, n, dst, cap);
    if (r == 0)
        return KCB_ECODEC;
    *out = r;
    return KCB_OK;
}

static int ld_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap,
                         size_t *out)
{
    struct ld_ctx *z = ctx;
    size_t got = 0;
    if (libdeflate_gzip_decompress(z->d, src, n, dst, cap, &got) != LIBDEFLATE_SUCCESS ||
        got != cap)
        return KCB_ECORRUPT;
    *out = got;
    return KCB_OK;
}

static size_t ld_window(int level)
{
    (void)level;
    return 32768;
}

static size_t ld_bound(size_t n, int level)
{
    (void)level;
    return libdeflate_gzip_compress_bound(NULL, n);
}

static const char *ld_version(void)
{
    return LIBDEFLATE_VERSION_STRING;
}

const struct kcb_codec kcb_codec_libdeflate = {
    .name = "libdeflate",
    .library = "libdeflate",
    .format = "gzip member (libdeflate)",
    .level_min = 1,
    .level_max = 12,
    .level_default = 6,
    .window = ld_window,
    .bound = ld_bound,
    .ctx_new = ld_ctx_new,
    .ctx_free = ld_ctx_free,
    .compress = ld_compress,
    .decompress = ld_decompress,
    .version = ld_version,
};
