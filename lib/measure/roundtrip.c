/* lzbench-style measurement of a compressor (or memcpy) on one buffer: chunked, timed, verified. */
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <gnu/libc-version.h>
#endif

#include "kcb/dist.h"
#include "kcb/err.h"
#include "kcb/roundtrip.h"

/* ---- the memcpy reference: a codec whose output is its input ---- */

static size_t memcpy_window(int level)
{
    (void)level;
    return 0;
}

static size_t memcpy_bound(size_t n, int level)
{
    (void)level;
    return n;
}

static int memcpy_new(int level, unsigned flags, void **ctx)
{
    (void)flags;
    (void)level;
    *ctx = NULL;
    return KCB_OK;
}

static void memcpy_free(void *ctx)
{
    (void)ctx;
}

static int memcpy_compress(void *ctx, const void *src, size_t n, void *dst, size_t cap,
                           size_t *out)
{
    (void)ctx;
    if (n > cap)
        return KCB_ERANGE;
    if (n)
        memcpy(dst, src, n);
    *out = n;
    return KCB_OK;
}

static int memcpy_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap,
                             size_t *out)
{
    (void)ctx;
    if (n != cap)
        return KCB_ECORRUPT;
    if (n)
        memcpy(dst, src, n);
    *out = n;
    return KCB_OK;
}

static const char *memcpy_version(void)
{
#ifdef __GLIBC__
    return gnu_get_libc_version();
#else
    return "";
#endif
}

const struct kcb_codec kcb_memcpy_codec = {
#ifdef __GLIBC__
    "memcpy", "glibc", "the input itself",
#else
    "memcpy", "libc", "the input itself",
#endif
    0, 0, 0, memcpy_window, memcpy_bound, memcpy_new, memcpy_free, memcpy_compress,
    memcpy_decompress, memcpy_version, NULL, NULL, NULL, NULL, /* not primable */
    NULL, NULL, NULL, /* no model: no ideal length (plain or primed), no model size */
};

/* ---- measuring ---- */

/* What the timed functions see: a codec context and the chunk layout. */
struct job {
    const struct kcb_spec *spec;
    void *ctx;
    size_t chunk, nchunks;
    size_t *csize; /* compressed size of each chunk */
    const unsigned char *comp;
    const kcb_cancel_flag *cancel;
};

static size_t chunk_len(const struct job *j, size_t i, size_t n)
{
    return i + 1 < j->nchunks ? j->chunk : n - i * j->chunk;
}

static int compress_chunks(void *payload, const void *src, size_t n, void *dst, size_t cap,
                           size_t *out)
{
    struct job *j = payload;
    size_t off = 0;
    for (size_t i = 0; i < j->nchunks; i++) {
        if (j->cancel && *j->cancel)
            return KCB_ECANCELED;
        int rc = j->spec->codec->compress(j->ctx, (const unsigned char *)src + i * j->chunk,
                                          chunk_len(j, i, n), (unsigned char *)dst + off,
                                          cap - off, &j->csize[i]);
        if (rc)
            return rc;
        off += j->csize[i];
    }
    *out = off;
    return KCB_OK;
}

static int decompress_chunks(void *payload, const void *src, size_t n, void *dst, size_t cap,
                             size_t *out)
{
    struct job *j = payload;
    size_t off = 0;
    (void)n;
    (void)src;
    for (size_t i = 0; i < j->nchunks; i++) {
        size_t len = chunk_len(j, i, cap), got;
        if (j->cancel && *j->cancel)
            return KCB_ECANCELED;
        int rc = j->spec->codec->decompress(j->ctx, j->comp + off, j->csize[i],
                                            (unsigned char *)dst + i * j->chunk, len, &got);
        if (rc)
            return rc;
        off += j->csize[i];
    }
    *out = cap;
    return KCB_OK;
}

/* Allocates and touches the compressed and the decompressed buffer. */
static int buffers(const struct job *j, const unsigned char *data, size_t n, unsigned char **comp,
                   size_t *ccap, unsigned char **back)
{
    *ccap = 0;
    for (size_t i = 0; i < j->nchunks; i++)
        *ccap += j->spec->codec->bound(chunk_len(j, i, n), j->spec->level) + 64;
    *comp = malloc(*ccap);
    *back = malloc(n ? n : 1);
    if (!*comp || !*back)
        return KCB_ENOMEM;
    kcb_touch(data, n, *comp, *ccap);
    kcb_touch(NULL, 0, *back, n);
    return KCB_OK;
}

static int measure(struct job *j, const struct kcb_bench_cfg *cfg, const unsigned char *data,
                   size_t n, struct kcb_roundtrip *out)
{
    unsigned char *comp = NULL, *back = NULL;
    size_t ccap, clen = 0, dlen = 0;
    int rc = buffers(j, data, n, &comp, &ccap, &back);
    if (!rc)
        rc = kcb_bench_run(cfg, compress_chunks, j, data, n, comp, ccap, &clen, &out->ct);
    j->comp = comp;
    if (!rc)
        rc = kcb_bench_run(cfg, decompress_chunks, j, comp, clen, back, n, &dlen, &out->dt);
    if (rc == KCB_ECORRUPT || (!rc && (dlen != n || (n && memcmp(back, data, n)))))
        rc = KCB_ECORRUPT;
    out->orig = n;
    out->comp = clen;
    free(comp);
    free(back);
    return rc;
}

int kcb_roundtrip(const struct kcb_spec *spec, const struct kcb_bench_cfg *cfg,
                  const unsigned char *data, size_t n, size_t chunk,
                  const kcb_cancel_flag *cancel, struct kcb_roundtrip *out)
{
    struct job j = {spec, NULL, chunk, 1, NULL, NULL, cancel};
    memset(out, 0, sizeof *out);
    if (n && chunk)
        j.nchunks = (n + chunk - 1) / chunk;
    if (!chunk || !n)
        j.chunk = n ? n : 1;
    j.csize = calloc(j.nchunks, sizeof *j.csize);
    /* the canonical stream (flags 0): what a leaderboard compares is the codec as shipped */
    int rc = j.csize ? spec->codec->ctx_new(spec->level, 0, &j.ctx) : KCB_ENOMEM;
    if (!rc)
        rc = measure(&j, cfg, data, n, out);
    spec->codec->ctx_free(j.ctx);
    free(j.csize);
    return rc;
}

int kcb_ncd_self(const struct kcb_spec *spec, const unsigned char *x, size_t n, double *out)
{
    kcb_comp *c;
    size_t cx, cxx;
    int rc = kcb_comp_new(spec, &c);
    if (!rc)
        rc = kcb_comp_size(c, x, n, &cx);
    if (!rc)
        rc = kcb_comp_size_cat(c, x, n, "", 0, x, n, &cxx);
    kcb_comp_free(c);
    if (!rc)
        *out = kcb_dist(KCB_DIST_NCD, cx, cx, cxx);
    return rc;
}
