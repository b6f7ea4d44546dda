/* The registry of codecs compiled into this build: required ones always, optional ones by pkg-config. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "kcb/codec.h"

extern const struct kcb_codec kcb_codec_gzip, kcb_codec_zlib, kcb_codec_deflate, kcb_codec_xz,
    kcb_codec_zstd, kcb_codec_bzip2, kcb_codec_cm;
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

size_t kcb_codec_feed_max = UINT_MAX;

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
    &kcb_codec_cm,
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

int kcb_codec_primable(const struct kcb_codec *codec)
{
    return codec->prime && codec->prime_free && codec->compress_primed &&
           codec->decompress_primed;
}

char *kcb_codecs_primable(char *buf, size_t len)
{
    size_t at = 0;
    if (len)
        buf[0] = '\0';
    for (size_t i = 0; i < sizeof registry / sizeof registry[0]; i++) {
        if (!kcb_codec_primable(registry[i]) || at >= len)
            continue;
        int w = snprintf(buf + at, len - at, "%s%s", at ? ", " : "", registry[i]->name);
        at += w > 0 ? (size_t)w : 0;
    }
    return buf;
}
