/* Reusable compressors: one codec context and grow-only scratch buffers, for one thread; primed dictionaries. */
#include <stdlib.h>
#include <string.h>

#include "kcb/comp.h"
#include "kcb/err.h"

struct kcb_comp {
    struct kcb_spec spec;
    void *ctx;
    unsigned char *in;   /* concatenation buffer for x·sep·y */
    size_t in_cap;
    unsigned char *out;  /* compressed output */
    size_t out_cap;
};

int kcb_comp_new(const struct kcb_spec *spec, kcb_comp **out)
{
    *out = NULL;
    if (!spec || !spec->codec || spec->level < spec->codec->level_min ||
        spec->level > spec->codec->level_max || (spec->bits && !kcb_spec_bits_ok(spec)))
        return KCB_EINVAL;
    kcb_comp *c = calloc(1, sizeof *c);
    if (!c)
        return KCB_ENOMEM;
    c->spec = *spec;
    /* only sizes are measured here: a codec may write a faster stream of the same length */
    int rc = spec->codec->ctx_new(spec->level, KCB_CODEC_SIZE_ONLY, &c->ctx);
    if (rc) {
        free(c);
        return rc;
    }
    *out = c;
    return KCB_OK;
}

void kcb_comp_free(kcb_comp *c)
{
    if (!c)
        return;
    c->spec.codec->ctx_free(c->ctx);
    free(c->in);
    free(c->out);
    free(c);
}

const struct kcb_spec *kcb_comp_spec(const kcb_comp *c)
{
    return &c->spec;
}

/* Grows *buf to at least need bytes, keeping a geometric margin; never shrinks. */
static int reserve(unsigned char **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return KCB_OK;
    size_t want = need + need / 2 + 64;
    if (want < need)
        return KCB_ERANGE;
    unsigned char *p = realloc(*buf, want);
    if (!p)
        return KCB_ENOMEM;
    *buf = p;
    *cap = want;
    return KCB_OK;
}

int kcb_comp_run(kcb_comp *c, const void *x, size_t n, const unsigned char **out, size_t *size)
{
    size_t bound = c->spec.codec->bound(n, c->spec.level);
    if (bound < n)
        return KCB_ERANGE;
    int rc = reserve(&c->out, &c->out_cap, bound);
    if (rc)
        return rc;
    rc = c->spec.codec->compress(c->ctx, n ? x : "", n, c->out, c->out_cap, size);
    if (rc == KCB_OK)
        *out = c->out;
    return rc;
}

/* An ideal code length as a size (spec.bits): bits, rounded to the nearest. */
static int bits_size(int rc, const double *bits, size_t *size)
{
    if (rc == KCB_OK)
        *size = (size_t)(*bits + 0.5);
    return rc;
}

int kcb_comp_size(kcb_comp *c, const void *x, size_t n, size_t *size)
{
    if (c->spec.bits) {
        double b = 0;
        int rc = c->spec.codec->ideal_bits(c->ctx, n ? x : "", n, &b);
        return bits_size(rc, &b, size);
    }
    const unsigned char *ignored;
    return kcb_comp_run(c, x, n, &ignored, size);
}

int kcb_comp_size_cat(kcb_comp *c, const void *x, size_t nx, const void *sep, size_t nsep,
                      const void *y, size_t ny, size_t *size)
{
    size_t n = nx + nsep + ny;
    if (n < nx || n < ny)
        return KCB_ERANGE;
    int rc = reserve(&c->in, &c->in_cap, n);
    if (rc)
        return rc;
    if (nx)
        memcpy(c->in, x, nx);
    if (nsep)
        memcpy(c->in + nx, sep, nsep);
    if (ny)
        memcpy(c->in + nx + nsep, y, ny);
    return kcb_comp_size(c, c->in, n, size);
}

/* ---- priming ---- */

struct kcb_primed {
    struct kcb_spec spec;
    void *state;
};

int kcb_comp_prime(kcb_comp *c, const void *dict, size_t n, kcb_primed **out)
{
    *out = NULL;
    const struct kcb_codec *codec = c->spec.codec;
    if (!kcb_codec_primable(codec))
        return KCB_EINVAL;
    kcb_primed *p = calloc(1, sizeof *p);
    if (!p)
        return KCB_ENOMEM;
    p->spec = c->spec;
    int rc = codec->prime(c->ctx, n ? dict : "", n, &p->state);
    if (rc) {
        free(p);
        return rc;
    }
    *out = p;
    return KCB_OK;
}

void kcb_primed_free(kcb_primed *p)
{
    if (!p)
        return;
    p->spec.codec->prime_free(p->state);
    free(p);
}

int kcb_comp_run_primed(kcb_comp *c, const kcb_primed *p, const void *x, size_t n,
                        const unsigned char **out, size_t *size)
{
    if (p->spec.codec != c->spec.codec || p->spec.level != c->spec.level)
        return KCB_EINVAL;
    size_t bound = c->spec.codec->bound(n, c->spec.level);
    if (bound < n)
        return KCB_ERANGE;
    int rc = reserve(&c->out, &c->out_cap, bound);
    if (rc)
        return rc;
    rc = c->spec.codec->compress_primed(c->ctx, p->state, n ? x : "", n, c->out, c->out_cap,
                                        size);
    if (rc == KCB_OK)
        *out = c->out;
    return rc;
}

int kcb_comp_size_primed(kcb_comp *c, const kcb_primed *p, const void *x, size_t n,
                         size_t *size)
{
    if (c->spec.bits) {
        double b = 0;
        if (p->spec.codec != c->spec.codec || p->spec.level != c->spec.level ||
            !c->spec.codec->ideal_bits_primed)
            return KCB_EINVAL;
        int rc = c->spec.codec->ideal_bits_primed(c->ctx, p->state, n ? x : "", n, &b);
        return bits_size(rc, &b, size);
    }
    const unsigned char *ignored;
    return kcb_comp_run_primed(c, p, x, n, &ignored, size);
}
