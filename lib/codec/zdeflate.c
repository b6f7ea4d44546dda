/* Shared zlib deflate/inflate plumbing: one z_stream pair per context, reset between calls; priming. */
#include "zdeflate.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "kcb/codec.h"
#include "kcb/err.h"

struct zd_ctx {
    z_stream def, inf;
    int def_ok, inf_ok;
    int level, wbits;
    /* gzip priming: zlib refuses a dictionary in a gzip stream, so a primed gzip member is
     * raw deflate between the header plain gzip writes and a CRC-32 and length (made on the
     * first primed call) */
    z_stream rdef, rinf;
    int rdef_ok, rinf_ok;
    unsigned char head[10];
    int head_ok;
};

int kcb_zd_ctx_new(int level, int wbits, void **ctx)
{
    struct zd_ctx *z = calloc(1, sizeof *z);
    if (!z)
        return KCB_ENOMEM;
    if (deflateInit2(&z->def, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(z);
        return KCB_ECODEC;
    }
    z->def_ok = 1;
    z->level = level;
    z->wbits = wbits;
    if (inflateInit2(&z->inf, wbits) != Z_OK) {
        kcb_zd_ctx_free(z);
        return KCB_ECODEC;
    }
    z->inf_ok = 1;
    *ctx = z;
    return KCB_OK;
}

void kcb_zd_ctx_free(void *ctx)
{
    struct zd_ctx *z = ctx;
    if (!z)
        return;
    if (z->def_ok)
        deflateEnd(&z->def);
    if (z->inf_ok)
        inflateEnd(&z->inf);
    if (z->rdef_ok)
        deflateEnd(&z->rdef);
    if (z->rinf_ok)
        inflateEnd(&z->rinf);
    free(z);
}

/* What is left of a call's input and output while zlib is fed: zlib counts in uInt, so
 * inputs and outputs over UINT_MAX bytes are handed over in pieces (kcb_codec_feed_max). */
struct zd_io {
    const unsigned char *in;
    unsigned char *out;
    size_t in_left, out_left;
};

/* Runs deflate (to the end of the stream) or inflate on s over io, kcb_codec_feed_max bytes
 * of input and of output at most per call, until zlib says anything but Z_OK: that code. */
static int zd_pump(z_stream *s, int inflating, struct zd_io *io)
{
    static unsigned char spare; /* never written: avail_out is 0 when it is next_out */
    int rc;
    do {
        uInt ai = (uInt)(io->in_left > kcb_codec_feed_max ? kcb_codec_feed_max : io->in_left);
        uInt ao = (uInt)(io->out_left > kcb_codec_feed_max ? kcb_codec_feed_max : io->out_left);
        s->next_in = (Bytef *)(uintptr_t)io->in;
        s->avail_in = ai;
        /* an empty output still needs somewhere to point so that zlib reaches the end */
        s->next_out = ao ? io->out : &spare;
        s->avail_out = ao;
        rc = inflating ? inflate(s, Z_NO_FLUSH)
                       : deflate(s, ai == io->in_left ? Z_FINISH : Z_NO_FLUSH);
        io->in += ai - s->avail_in;
        io->in_left -= ai - s->avail_in;
        if (ao) {
            io->out += ao - s->avail_out;
            io->out_left -= ao - s->avail_out;
        }
    } while (rc == Z_OK);
    return rc;
}

/* Deflates src into dst (cap bytes) on the reset stream s: 0 or kcb_err, *out. */
static int zd_deflate(z_stream *s, const void *src, size_t n, void *dst, size_t cap,
                      size_t *out)
{
    struct zd_io io = {src, dst, n, cap};
    if (zd_pump(s, 0, &io) != Z_STREAM_END)
        return KCB_ECODEC;
    *out = cap - io.out_left;
    return KCB_OK;
}

int kcb_zd_compress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct zd_ctx *z = ctx;
    if (deflateReset(&z->def) != Z_OK)
        return KCB_ECODEC;
    return zd_deflate(&z->def, src, n, dst, cap, out);
}

int kcb_zd_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct zd_ctx *z = ctx;
    if (inflateReset(&z->inf) != Z_OK)
        return KCB_ECODEC;
    struct zd_io io = {src, dst, n, cap};
    if (zd_pump(&z->inf, 1, &io) != Z_STREAM_END || io.out_left || io.in_left)
        return KCB_ECORRUPT;
    *out = cap;
    return KCB_OK;
}

size_t kcb_zd_window(int level)
{
    (void)level;
    return 32768 - 262;
}

size_t kcb_zd_bound(size_t n, int level)
{
    (void)level;
    /* deflateBound's worst case for stored blocks: 5 bytes per 16 KiB block, plus wrapper */
    return n + (n >> 12) + (n >> 14) + (n >> 25) + 13 + 5 + 18;
}

const char *kcb_zd_version(void)
{
    return zlibVersion();
}

/* ---- priming: the state is the dictionary itself, set on the stream for each call ---- */

/* What deflateSetDictionary and inflateSetDictionary are given: the last 32 KiB at most. */
struct zd_prime {
    const unsigned char *dict;
    uInt n;
};

int kcb_zd_prime(void *ctx, const void *dict, size_t n, void **state)
{
    (void)ctx;
    struct zd_prime *p = malloc(sizeof *p);
    if (!p)
        return KCB_ENOMEM;
    if (n > 32768) {
        dict = (const unsigned char *)dict + (n - 32768);
        n = 32768;
    }
    *p = (struct zd_prime){n ? dict : (const unsigned char *)"", (uInt)n};
    *state = p;
    return KCB_OK;
}

void kcb_zd_prime_free(void *state)
{
    free(state);
}

/* Deflates src into dst (cap bytes) from a reset stream primed with p: 0 or kcb_err. */
static int deflate_primed(z_stream *s, const struct zd_prime *p, const void *src, size_t n,
                          void *dst, size_t cap, size_t *out)
{
    if (deflateReset(s) != Z_OK || (p->n && deflateSetDictionary(s, p->dict, p->n) != Z_OK))
        return KCB_ECODEC;
    return zd_deflate(s, src, n, dst, cap, out);
}

static void put_le32(unsigned char *p, uLong v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uLong get_le32(const unsigned char *p)
{
    return (uLong)p[0] | (uLong)p[1] << 8 | (uLong)p[2] << 16 | (uLong)p[3] << 24;
}

/* Sets up gzip priming: the raw streams and the 10-byte header of plain gzip at this level. */
static int gzip_prime_setup(struct zd_ctx *z)
{
    if (z->head_ok)
        return KCB_OK;
    unsigned char buf[64];
    size_t got;
    int rc = kcb_zd_compress(z, "", 0, buf, sizeof buf, &got);
    if (rc)
        return rc;
    memcpy(z->head, buf, sizeof z->head);
    if (!z->rdef_ok && deflateInit2(&z->rdef, z->level, Z_DEFLATED, -15, 8,
                                    Z_DEFAULT_STRATEGY) != Z_OK)
        return KCB_ENOMEM;
    z->rdef_ok = 1;
    if (!z->rinf_ok && inflateInit2(&z->rinf, -15) != Z_OK)
        return KCB_ENOMEM;
    z->rinf_ok = 1;
    z->head_ok = 1;
    return KCB_OK;
}

int kcb_zd_compress_primed(void *ctx, const void *state, const void *src, size_t n, void *dst,
                           size_t cap, size_t *out)
{
    struct zd_ctx *z = ctx;
    const struct zd_prime *p = state;
    if (z->wbits != 31)
        return deflate_primed(&z->def, p, src, n, dst, cap, out);
    int rc = gzip_prime_setup(z);
    if (rc)
        return rc;
    if (cap < 18)
        return KCB_ECODEC;
    unsigned char *d = dst;
    size_t body;
    rc = deflate_primed(&z->rdef, p, src, n, d + 10, cap - 18, &body);
    if (rc)
        return rc;
    memcpy(d, z->head, 10);
    put_le32(d + 10 + body, crc32_z(crc32(0L, Z_NULL, 0), src, n));
    put_le32(d + 14 + body, (uLong)n);
    *out = body + 18;
    return KCB_OK;
}

/* Inflates src into dst (exactly cap bytes) from a reset stream primed with p; a zlib stream
 * asks for the dictionary (Z_NEED_DICT), a raw one is given it first. */
static int inflate_primed(z_stream *s, int raw, const struct zd_prime *p, const void *src,
                          size_t n, void *dst, size_t cap)
{
    if (inflateReset(s) != Z_OK || (raw && inflateSetDictionary(s, p->dict, p->n) != Z_OK))
        return KCB_ECODEC;
    struct zd_io io = {src, dst, n, cap};
    int rc = zd_pump(s, 1, &io);
    if (rc == Z_NEED_DICT && !raw) {
        if (inflateSetDictionary(s, p->dict, p->n) != Z_OK)
            return KCB_ECORRUPT;
        rc = zd_pump(s, 1, &io);
    }
    if (rc != Z_STREAM_END || io.out_left || io.in_left)
        return KCB_ECORRUPT;
    return KCB_OK;
}

int kcb_zd_decompress_primed(void *ctx, const void *state, const void *src, size_t n,
                             void *dst, size_t cap, size_t *out)
{
    struct zd_ctx *z = ctx;
    const struct zd_prime *p = state;
    const unsigned char *s = src;
    int rc = z->wbits == 31 ? gzip_prime_setup(z) : KCB_OK;
    if (rc)
        return rc;
    if (z->wbits != 31)
        rc = inflate_primed(&z->inf, z->wbits < 0, p, src, n, dst, cap);
    else if (n < 18 || memcmp(s, z->head, 4) != 0)
        rc = KCB_ECORRUPT; /* the magic, the method and no flags: what gzip_prime wrote */
    else
        rc = inflate_primed(&z->rinf, 1, p, s + 10, n - 18, dst, cap);
    if (!rc && z->wbits == 31 && (get_le32(s + n - 8) != crc32_z(crc32(0L, Z_NULL, 0), dst, cap) ||
                                  get_le32(s + n - 4) != (uLong)(cap & 0xffffffffu)))
        rc = KCB_ECORRUPT;
    if (!rc)
        *out = cap;
    return rc;
}
