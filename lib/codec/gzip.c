/* The gzip codec: zlib deflate producing a gzip member (RFC 1952; mtime 0, no name). */
#include "kcb/codec.h"
#include "zdeflate.h"

static int gzip_ctx_new(int level, unsigned flags, void **ctx)
{
    (void)flags; /* no faster stream of the same size */
    return kcb_zd_ctx_new(level, 31, ctx);
}

const struct kcb_codec kcb_codec_gzip = {
    .name = "gzip",
    .library = "zlib",
    .format = "gzip member (RFC 1952; mtime 0, no name)",
    .level_min = 1,
    .level_max = 9,
    .level_default = 9,
    .window = kcb_zd_window,
    .bound = kcb_zd_bound,
    .ctx_new = gzip_ctx_new,
    .ctx_free = kcb_zd_ctx_free,
    .compress = kcb_zd_compress,
    .decompress = kcb_zd_decompress,
    .version = kcb_zd_version,
    .prime = kcb_zd_prime,
    .prime_free = kcb_zd_prime_free,
    .compress_primed = kcb_zd_compress_primed,
    .decompress_primed = kcb_zd_decompress_primed,
};
