/* The xz codec: liblzma easy preset with a CRC64 check, as Python's lzma.compress(data, preset),
 * with a dictionary fitted to the input where only sizes count. */
#include <lzma.h>
#include <stdint.h>
#include <stdlib.h>

#include "kcb/codec.h"
#include "kcb/err.h"
#include "cache.h"

/* One encoder and one decoder stream, re-initialised in place so liblzma reuses its memory;
 * what liblzma still allocates per stream (its index) comes from cache. With fit set, the
 * encoder runs the preset's LZMA2 options (opt) with a dictionary fitted to each input. */
struct xz_ctx {
    lzma_stream enc, dec;
    uint32_t preset;
    int fit;
    lzma_options_lzma opt;
    struct kcb_cache cache;
    lzma_allocator allocator;
};

static void *xz_alloc(void *opaque, size_t nmemb, size_t size)
{
    return size && nmemb > SIZE_MAX / size ? NULL : kcb_cache_alloc(opaque, nmemb * size);
}

static void xz_free(void *opaque, void *p)
{
    kcb_cache_free(opaque, p);
}

/*
 * Whether a dictionary fitted to the input keeps the preset's output length. The encoder
 * never looks further back than the input, but liblzma sizes its match finder's hash table
 * from dict_size, so a smaller dictionary means more hash collisions. A binary-tree match
 * finder (levels 4-9) keeps colliding strings in a tree ordered by their bytes, where they
 * hide no match (they could only use up search depth; tests/cli/xzfit.t finds every size
 * unchanged); a hash chain (levels 0-3) spends its few steps of depth on them and finds
 * other matches, and sizes change (53 of 290 Canterbury and Calgary ones at levels 0-9).
 * This decides only for KCB_CODEC_SIZE_ONLY.
 */
static int xz_fits(const lzma_options_lzma *opt)
{
    return opt->mf == LZMA_MF_BT2 || opt->mf == LZMA_MF_BT3 || opt->mf == LZMA_MF_BT4;
}

static int xz_ctx_new(int level, unsigned flags, void **ctx)
{
    struct xz_ctx *x = calloc(1, sizeof *x);
    if (!x)
        return KCB_ENOMEM;
    x->enc = (lzma_stream)LZMA_STREAM_INIT;
    x->dec = (lzma_stream)LZMA_STREAM_INIT;
    x->preset = (uint32_t)level;
    if ((flags & KCB_CODEC_SIZE_ONLY) && !lzma_lzma_preset(&x->opt, x->preset))
        x->fit = xz_fits(&x->opt);
    x->allocator = (lzma_allocator){xz_alloc, xz_free, &x->cache};
    x->enc.allocator = &x->allocator;
    x->dec.allocator = &x->allocator;
    *ctx = x;
    return KCB_OK;
}

static void xz_ctx_free(void *ctx)
{
    struct xz_ctx *x = ctx;
    if (!x)
        return;
    lzma_end(&x->enc);
    lzma_end(&x->dec);
    kcb_cache_clear(&x->cache);
    free(x);
}

static int xz_run(lzma_stream *s, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    s->next_in = src;
    s->avail_in = n;
    s->next_out = dst;
    s->avail_out = cap;
    lzma_ret rc = lzma_code(s, LZMA_FINISH);
    if (rc != LZMA_STREAM_END)
        return rc == LZMA_MEM_ERROR ? KCB_ENOMEM : rc == LZMA_BUF_ERROR ? KCB_ERANGE : KCB_ECORRUPT;
    *out = cap - s->avail_out;
    return KCB_OK;
}

/*
 * Starts the encoder for n bytes. Canonical: the easy preset. Fitted: the preset's options with
 * dict_size the next power of two >= n, at least LZMA_DICT_SIZE_MIN (4 KiB), at most the
 * preset's; the stream differs only in the block header (dictionary-size byte, CRC32), and
 * liblzma no longer clears the ~17 MB hash table an 8 MiB dictionary needs for every input.
 */
static lzma_ret xz_start(struct xz_ctx *x, size_t n)
{
    if (!x->fit)
        return lzma_easy_encoder(&x->enc, x->preset, LZMA_CHECK_CRC64);
    lzma_options_lzma opt = x->opt;
    uint32_t dict = LZMA_DICT_SIZE_MIN;
    while (dict < n && dict < x->opt.dict_size)
        dict <<= 1;
    opt.dict_size = dict < x->opt.dict_size ? dict : x->opt.dict_size;
    const lzma_filter filters[] = {{LZMA_FILTER_LZMA2, &opt}, {LZMA_VLI_UNKNOWN, NULL}};
    return lzma_stream_encoder(&x->enc, filters, LZMA_CHECK_CRC64);
}

static int xz_compress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct xz_ctx *x = ctx;
    lzma_ret rc = xz_start(x, n);
    if (rc != LZMA_OK)
        return rc == LZMA_MEM_ERROR ? KCB_ENOMEM : KCB_ECODEC;
    int e = xz_run(&x->enc, src, n, dst, cap, out);
    return e == KCB_ECORRUPT ? KCB_ECODEC : e;
}

static int xz_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct xz_ctx *x = ctx;
    if (lzma_stream_decoder(&x->dec, UINT64_MAX, 0) != LZMA_OK)
        return KCB_ECODEC;
    int e = xz_run(&x->dec, src, n, dst, cap, out);
    if (e == KCB_ERANGE || (e == KCB_OK && (*out != cap || x->dec.avail_in != 0)))
        return KCB_ECORRUPT;
    return e;
}

/* ---- priming: LZMA2's preset dictionary ---- */

/* The dictionary, at most the level's dictionary size (its last bytes). */
struct xz_prime {
    const uint8_t *dict;
    uint32_t n;
};

static size_t xz_window(int level);

static int xz_prime(void *ctx, const void *dict, size_t n, void **state)
{
    const struct xz_ctx *x = ctx;
    size_t w = xz_window((int)x->preset);
    if (n > w) {
        dict = (const uint8_t *)dict + (n - w);
        n = w;
    }
    struct xz_prime *p = malloc(sizeof *p);
    if (!p)
        return KCB_ENOMEM;
    *p = (struct xz_prime){n ? dict : (const uint8_t *)"", (uint32_t)n};
    *state = p;
    return KCB_OK;
}

static void xz_prime_free(void *state)
{
    free(state);
}

/*
 * An xz stream whose LZMA2 data starts from the preset dictionary: the preset's options, the
 * dictionary size fitted to dictionary and input when only sizes count (as xz_start does), the
 * same container. liblzma writes such a stream but its stream decoder cannot read it (the
 * container has no field for a preset dictionary); xz_decompress_primed decodes its block.
 */
static int xz_compress_primed(void *ctx, const void *state, const void *src, size_t n,
                              void *dst, size_t cap, size_t *out)
{
    struct xz_ctx *x = ctx;
    const struct xz_prime *p = state;
    lzma_options_lzma opt;
    if (lzma_lzma_preset(&opt, x->preset))
        return KCB_ECODEC;
    if (x->fit) {
        uint32_t dict = LZMA_DICT_SIZE_MIN, preset = opt.dict_size;
        while (dict < n + p->n && dict < preset)
            dict <<= 1;
        opt.dict_size = dict < preset ? dict : preset;
    }
    opt.preset_dict = p->n ? p->dict : NULL;
    opt.preset_dict_size = p->n;
    const lzma_filter filters[] = {{LZMA_FILTER_LZMA2, &opt}, {LZMA_VLI_UNKNOWN, NULL}};
    lzma_ret rc = lzma_stream_encoder(&x->enc, filters, LZMA_CHECK_CRC64);
    if (rc != LZMA_OK)
        return rc == LZMA_MEM_ERROR ? KCB_ENOMEM : KCB_ECODEC;
    int e = xz_run(&x->enc, src, n, dst, cap, out);
    return e == KCB_ECORRUPT ? KCB_ECODEC : e;
}

/* Decodes the one block of a stream xz_compress_primed wrote, its LZMA2 filter given the
 * dictionary; the block's check is verified, the index and footer after it are not read. */
static int xz_decompress_primed(void *ctx, const void *state, const void *src, size_t n,
                                void *dst, size_t cap, size_t *out)
{
    struct xz_ctx *x = ctx;
    const struct xz_prime *p = state;
    const uint8_t *in = src;
    lzma_stream_flags sf;
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    lzma_block block = {.version = 0, .filters = filters};
    if (n < LZMA_STREAM_HEADER_SIZE + 1 || lzma_stream_header_decode(&sf, in) != LZMA_OK)
        return KCB_ECORRUPT;
    if (in[LZMA_STREAM_HEADER_SIZE] == 0x00) { /* the index follows: no block, no bytes */
        *out = 0;
        return cap == 0 ? KCB_OK : KCB_ECORRUPT;
    }
    block.check = sf.check;
    block.header_size = lzma_block_header_size_decode(in[LZMA_STREAM_HEADER_SIZE]);
    if (n < LZMA_STREAM_HEADER_SIZE + block.header_size ||
        lzma_block_header_decode(&block, &x->allocator, in + LZMA_STREAM_HEADER_SIZE) != LZMA_OK)
        return KCB_ECORRUPT;
    for (size_t i = 0; filters[i].id != LZMA_VLI_UNKNOWN; i++) {
        if (filters[i].id == LZMA_FILTER_LZMA2 && p->n) {
            lzma_options_lzma *o = filters[i].options;
            o->preset_dict = p->dict;
            o->preset_dict_size = p->n;
        }
    }
    int e = lzma_block_decoder(&x->dec, &block) == LZMA_OK ? KCB_OK : KCB_ECORRUPT;
    size_t head = LZMA_STREAM_HEADER_SIZE + block.header_size;
    if (!e)
        e = xz_run(&x->dec, in + head, n - head, dst, cap, out);
    for (size_t i = 0; filters[i].id != LZMA_VLI_UNKNOWN; i++)
        x->allocator.free(x->allocator.opaque, filters[i].options);
    if (e == KCB_ERANGE || (e == KCB_OK && *out != cap))
        return KCB_ECORRUPT;
    return e;
}

static size_t xz_window(int level)
{
    lzma_options_lzma opt;
    if (lzma_lzma_preset(&opt, (uint32_t)level))
        return 0;
    return opt.dict_size;
}

static size_t xz_bound(size_t n, int level)
{
    (void)level;
    return lzma_stream_buffer_bound(n);
}

static const char *xz_version(void)
{
    return lzma_version_string();
}

const struct kcb_codec kcb_codec_xz = {
    .name = "xz",
    .library = "liblzma",
    .format = "xz stream (LZMA2, CRC64 check)",
    .level_min = 0,
    .level_max = 9,
    .level_default = 6,
    .window = xz_window,
    .bound = xz_bound,
    .ctx_new = xz_ctx_new,
    .ctx_free = xz_ctx_free,
    .compress = xz_compress,
    .decompress = xz_decompress,
    .version = xz_version,
    .prime = xz_prime,
    .prime_free = xz_prime_free,
    .compress_primed = xz_compress_primed,
    .decompress_primed = xz_decompress_primed,
};
