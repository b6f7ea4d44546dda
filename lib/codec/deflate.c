/* The deflate codec: zlib deflate producing a raw deflate (RFC 1951). */
#include "kcb/codec.h"
#include "zdeflate.h"

static int deflate_ctx_new(int level, unsigned flags, void **ctx)
{
    (void)flags; /* no faster stream of the same size */
    return kcb_zd_ctx_new(level, -15, ctx);
}

const struct kcb_codec kcb_codec_deflate = {
    .name = "deflate",
    .library = "zlib",
    .format = "raw deflate (RFC 1951)",
    .level_min = 1,
    .level_max = 9,
    .level_default = 6,
    .window = kcb_zd_window,
    .bound = kcb_zd_bound,
    .ctx_new = deflate_ctx_new,
    .ctx_free = kcb_zd_ctx_free,
    .compress = kcb_zd_compress,
    .decompress = kcb_zd_decompress,
    .version = kcb_zd_version,
    .prime = kcb_zd_prime,
    .prime_free = kcb_zd_prime_free,
    .compress_primed = kcb_zd_compress_primed,
    .decompress_primed = kcb_zd_decompress_primed,
};
