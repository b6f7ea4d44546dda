/* The registry of codecs compiled into this build: required ones always, optional ones by pkg-config. */
#include <string.h>

#include "kcb/codec.h"

extern const struct kcb_codec kcb_codec_gzip, kcb_codec_zlib, kcb_codec_deflate, kcb_codec_xz,
    kcb_codec_zstd, kcb_codec_bzip2;
#ifdef KCB_HAVE_BROTLI
extern const struct kcb_codec kcb_codec_brotli;
#endif
#ifdef KCB_HAVE_LZ4
extern const struct kcb_codec kcb_codec_lz4;
#endif
#ifdef KCB_HAVE_LIBDEFLATE
extern const struct kcb_codec kcb_codec_libdeflate;
#endif
#ifdef KCB_TEST_BROKEN_CODEC
extern const struct kcb_codec kcb_codec_broken;
#endif

static const struct kcb_codec *const registry[] = {
    &kcb_codec_gzip,
    &kcb_codec_zlib,
    &kcb_codec_deflate,
    &kcb_codec_xz,
    &kcb_codec_zstd,
    &kcb_codec_bzip2,
#ifdef KCB_HAVE_BROTLI
    &kcb_codec_brotli,
#endif
#ifdef KCB_HAVE_LZ4
    &kcb_codec_lz4,
#endif
#ifdef KCB_HAVE_LIBDEFLATE
    &kcb_codec_libdeflate,
#endif
#ifdef KCB_TEST_BROKEN_CODEC
    &kcb_codec_broken,
#endif
};

const struct kcb_codec *const *kcb_codecs(size_t *count)
{
    *count = sizeof registry / sizeof registry[0];
    return registry;
}

const struct kcb_codec *kcb_codec_find(const char *name)
{
    for (size_t i = 0; i < sizeof registry / sizeof registry[0]; i++)
        if (strcmp(registry[i]->name, name) == 0)
            return registry[i];
    return NULL;
}
