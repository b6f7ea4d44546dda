/* The cm codec: kcbench's own context-mixing model (lib/cm) behind the vtable, with a small header; primable; reports ideal code length. */
#include <stdlib.h>
#include <string.h>

#include "kcb/cm.h"
#include "kcb/codec.h"
#include "kcb/err.h"

/*
 * The stream: a mode byte (CM_CODED: arithmetic-coded bits follow; CM_STORED: the input
 * follows as is, when coding would not shrink it, and always for an empty input), the level
 * byte, the original length as a little-endian base-128 varint, then the payload.
 */
enum { CM_CODED = 0xCB, CM_STORED = 0xCA, CM_HEAD_MAX = 2 + 10 };

struct cm_codec_ctx {
    kcb_cm *m;
    int level;
};

static int cm_ctx_new(int level, unsigned flags, void **ctx)
{
    (void)flags; /* the coder writes its bytes as it goes: nothing to skip */
    struct cm_codec_ctx *z = calloc(1, sizeof *z);
    if (!z)
        return KCB_ENOMEM;
    int rc = kcb_cm_new(level, &z->m);
    if (rc) {
        free(z);
        return rc;
    }
    z->level = level;
    *ctx = z;
    return KCB_OK;
}

static void cm_ctx_free(void *ctx)
{
    struct cm_codec_ctx *z = ctx;
    if (!z)
        return;
    kcb_cm_free(z->m);
    free(z);
}

static size_t put_head(unsigned char *d, int mode, int level, size_t n)
{
    size_t k = 2;
    d[0] = (unsigned char)mode;
    d[1] = (unsigned char)level;
    do {
        d[k++] = (unsigned char)((n & 127) | (n > 127 ? 128 : 0));
        n >>= 7;
    } while (n);
    return k;
}

static int encode(struct cm_codec_ctx *z, const kcb_cm_primed *p, const void *src, size_t n,
                  void *dst, size_t cap, size_t *out)
{
    unsigned char head[CM_HEAD_MAX], *d = dst;
    size_t h = put_head(head, CM_CODED, z->level, n), zn = 0;
    if (cap < h)
        return KCB_ERANGE;
    int rc = KCB_ERANGE;
    if (n) /* coded output is kept only when shorter than the input */
        rc = kcb_cm_encode(z->m, p, src, n, d + h, cap - h < n ? cap - h : n - 1, &zn);
    if (rc == KCB_ERANGE) {
        if (cap - h < n)
            return KCB_ERANGE;
        head[0] = CM_STORED;
        if (n)
            memcpy(d + h, src, n);
        zn = n;
    } else if (rc) {
        return rc;
    }
    memcpy(d, head, h);
    *out = h + zn;
    return KCB_OK;
}

static int decode(struct cm_codec_ctx *z, const kcb_cm_primed *p, const void *src, size_t n,
                  void *dst, size_t cap, size_t *out)
{
    const unsigned char *s = src;
    if (n < 3 || (s[0] != CM_CODED && s[0] != CM_STORED) || s[1] != z->level)
        return KCB_ECORRUPT;
    size_t k = 2, len = 0;
    for (int shift = 0;; shift += 7) {
        if (k >= n || shift > 63 || k >= CM_HEAD_MAX)
            return KCB_ECORRUPT;
        unsigned char b = s[k++];
        len |= (size_t)(b & 127) << shift;
        if (!(b & 128))
            break;
    }
    if (len != cap)
        return KCB_ECORRUPT;
    int rc;
    if (s[0] == CM_STORED) {
        if (n - k != cap)
            return KCB_ECORRUPT;
        if (cap)
            memcpy(dst, s + k, cap);
        rc = KCB_OK;
    } else {
        rc = cap ? kcb_cm_decode(z->m, p, s + k, n - k, dst, cap) : KCB_ECORRUPT;
    }
    if (rc)
        return rc == KCB_ERANGE ? KCB_ECORRUPT : rc;
    *out = cap;
    return KCB_OK;
}

static int cm_compress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    return encode(ctx, NULL, src, n, dst, cap, out);
}

static int cm_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap,
                         size_t *out)
{
    return decode(ctx, NULL, src, n, dst, cap, out);
}

static size_t cm_window(int level)
{
    (void)level;
    return 0; /* every context and the match model reach back over the whole input */
}

static size_t cm_bound(size_t n, int level)
{
    (void)level;
    return n + CM_HEAD_MAX;
}

static const char *cm_version(void)
{
    return "cm 2";
}

static int cm_prime(void *ctx, const void *dict, size_t n, void **state)
{
    struct cm_codec_ctx *z = ctx;
    kcb_cm_primed *p;
    int rc = kcb_cm_prime(z->m, dict, n, &p);
    if (!rc)
        *state = p;
    return rc;
}

static void cm_prime_free(void *state)
{
    kcb_cm_primed_free(state);
}

static int cm_compress_primed(void *ctx, const void *state, const void *src, size_t n,
                              void *dst, size_t cap, size_t *out)
{
    return encode(ctx, state, src, n, dst, cap, out);
}

static int cm_decompress_primed(void *ctx, const void *state, const void *src, size_t n,
                                void *dst, size_t cap, size_t *out)
{
    return decode(ctx, state, src, n, dst, cap, out);
}

static int cm_ideal_bits(void *ctx, const void *src, size_t n, double *bits)
{
    struct cm_codec_ctx *z = ctx;
    return kcb_cm_cost(z->m, NULL, src, n, bits);
}

static int cm_ideal_bits_primed(void *ctx, const void *state, const void *src, size_t n,
                                double *bits)
{
    struct cm_codec_ctx *z = ctx;
    return kcb_cm_cost(z->m, state, src, n, bits);
}

static int cm_model_size(int level, size_t *memory, size_t *weights)
{
    if (!kcb_cm_memory(level))
        return KCB_EINVAL;
    *memory = kcb_cm_memory(level);
    *weights = kcb_cm_weights();
    return KCB_OK;
}

const struct kcb_codec kcb_codec_cm = {
    .name = "cm",
    .library = "kcbench",
    .format = "cm stream (context mixing, arithmetic-coded; stored when incompressible)",
    .level_min = KCB_CM_LEVEL_MIN,
    .level_max = KCB_CM_LEVEL_MAX,
    .level_default = KCB_CM_LEVEL_DEFAULT,
    .window = cm_window,
    .bound = cm_bound,
    .ctx_new = cm_ctx_new,
    .ctx_free = cm_ctx_free,
    .compress = cm_compress,
    .decompress = cm_decompress,
    .version = cm_version,
    .prime = cm_prime,
    .prime_free = cm_prime_free,
    .compress_primed = cm_compress_primed,
    .decompress_primed = cm_decompress_primed,
    .ideal_bits = cm_ideal_bits,
    .ideal_bits_primed = cm_ideal_bits_primed,
    .model_size = cm_model_size,
};
