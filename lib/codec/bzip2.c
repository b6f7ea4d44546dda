/* The bzip2 codec: libbz2 with blockSize100k = level; its allocations are cached across calls. */
#include <bzlib.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/codec.h"
#include "kcb/err.h"
#include "cache.h"

/* libbz2 has no reset, so each call re-initialises a stream whose memory comes from cache. */
struct bz_ctx {
    struct kcb_cache cache;
    int level;
};

static void *bz_alloc(void *opaque, int items, int size)
{
    return kcb_cache_alloc(opaque, (size_t)items * (size_t)size);
}

static void bz_free(void *opaque, void *p)
{
    kcb_cache_free(opaque, p);
}

static int bz_ctx_new(int level, unsigned flags, void **ctx)
{
    (void)flags; /* no faster stream of the same size */
    struct bz_ctx *b = calloc(1, sizeof *b);
    if (!b)
        return KCB_ENOMEM;
    b->level = level;
    *ctx = b;
    return KCB_OK;
}

static void bz_ctx_free(void *ctx)
{
    struct bz_ctx *b = ctx;
    if (!b)
        return;
    kcb_cache_clear(&b->cache);
    free(b);
}

static void bz_stream_init(struct bz_ctx *b, bz_stream *s)
{
    memset(s, 0, sizeof *s);
    s->bzalloc = bz_alloc;
    s->bzfree = bz_free;
    s->opaque = &b->cache;
}

/* What is left of a call's input and output: libbz2 counts in unsigned int, so inputs and
 * outputs over UINT_MAX bytes are handed over in pieces of kcb_codec_feed_max at most. */
struct bz_io {
    const char *in;
    char *out;
    size_t in_left, out_left;
};

/* Compresses (BZ_RUN while more than one piece of input is left, then BZ_FINISH with all of
 * the rest, as libbz2 wants) or decompresses over io until libbz2 stops making progress or
 * says anything but "go on": its last code. */
static int bz_pump(bz_stream *s, int compressing, struct bz_io *io)
{
    int rc, moved;
    do {
        unsigned ai = (unsigned)(io->in_left > kcb_codec_feed_max ? kcb_codec_feed_max
                                                                  : io->in_left);
        unsigned ao = (unsigned)(io->out_left > kcb_codec_feed_max ? kcb_codec_feed_max
                                                                   : io->out_left);
        s->next_in = (char *)(uintptr_t)io->in;
        s->avail_in = ai;
        s->next_out = io->out;
        s->avail_out = ao;
        rc = !compressing ? BZ2_bzDecompress(s)
                          : BZ2_bzCompress(s, ai == io->in_left ? BZ_FINISH : BZ_RUN);
        moved = ai != s->avail_in || ao != s->avail_out;
        io->in += ai - s->avail_in;
        io->in_left -= ai - s->avail_in;
        io->out += ao - s->avail_out;
        io->out_left -= ao - s->avail_out;
    } while (moved && (rc == BZ_OK || rc == BZ_RUN_OK || rc == BZ_FINISH_OK));
    return rc;
}

static int bz_compress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct bz_ctx *b = ctx;
    bz_stream s;
    bz_stream_init(b, &s);
    int rc = BZ2_bzCompressInit(&s, b->level, 0, 0);
    if (rc != BZ_OK)
        return rc == BZ_MEM_ERROR ? KCB_ENOMEM : KCB_ECODEC;
    struct bz_io io = {src, dst, n, cap};
    rc = bz_pump(&s, 1, &io);
    BZ2_bzCompressEnd(&s);
    if (rc != BZ_STREAM_END)
        return KCB_ECODEC;
    *out = cap - io.out_left;
    return KCB_OK;
}

static int bz_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap,
                         size_t *out)
{
    struct bz_ctx *b = ctx;
    bz_stream s;
    bz_stream_init(b, &s);
    if (BZ2_bzDecompressInit(&s, 0, 0) != BZ_OK)
        return KCB_ECODEC;
    struct bz_io io = {src, dst, n, cap};
    int rc = bz_pump(&s, 0, &io);
    BZ2_bzDecompressEnd(&s);
    if (rc != BZ_STREAM_END || io.out_left || io.in_left)
        return KCB_ECORRUPT;
    *out = cap;
    return KCB_OK;
}

static size_t bz_window(int level)
{
    return (size_t)level * 100000;
}

static size_t bz_bound(size_t n, int level)
{
    (void)level;
    return n + n / 100 + 600;
}

/* libbz2 says "1.0.8, 13-Jul-2019": keep the version number only. */
static const char *bz_version(void)
{
    static char buf[32];
    const char *v = BZ2_bzlibVersion();
    size_t n = strcspn(v, ", ");
    snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf ? n : sizeof buf - 1), v);
    return buf;
}

const struct kcb_codec kcb_codec_bzip2 = {
    .name = "bzip2",
    .library = "libbz2",
    .format = "bzip2 stream",
    .level_min = 1,
    .level_max = 9,
    .level_default = 9,
    .window = bz_window,
    .bound = bz_bound,
    .ctx_new = bz_ctx_new,
    .ctx_free = bz_ctx_free,
    .compress = bz_compress,
    .decompress = bz_decompress,
    .version = bz_version,
};
