/* lib/codec: the compressor vtable and the registry of compiled-in codecs, one file per codec behind it. */
#ifndef KCB_CODEC_H
#define KCB_CODEC_H

#include <stddef.h>

/*
 * Flags of ctx_new. A codec accepts every flag and ignores those it has no use for.
 *
 * KCB_CODEC_SIZE_ONLY: the caller uses only the length of what compress() writes (sizes,
 * distances, probes), not its bytes. A codec may then write a stream that differs from the
 * canonical one of its level but has the same length and still decodes with decompress(),
 * when that is faster: xz fits the LZMA2 dictionary to the input where the tests show the
 * sizes stay those of Python's lzma.compress(data, preset=level). Without the flag (kcbench
 * bench) every codec writes its canonical stream.
 */
enum { KCB_CODEC_SIZE_ONLY = 1u << 0 };

/* One compression backend; instances are static const. Every field up to version is
 * required. The priming fields after it are optional: all four are set, or all are NULL when
 * the codec (or its library) cannot compress with a dictionary. */
struct kcb_codec {
    const char *name;        /* as typed on the command line: "zstd" */
    const char *library;     /* the library behind it: "libzstd" */
    const char *format;      /* what the output is: "zstd frame", "gzip member" */
    int level_min, level_max, level_default;
    /* Bytes of history a match can reach back at this level; 0 = the whole input. */
    size_t (*window)(int level);
    /* Upper bound of the compressed size of n bytes at this level. */
    size_t (*bound)(size_t n, int level);
    /* Creates a context for one thread at this level with flags (KCB_CODEC_*, 0 for the
     * canonical stream): 0 or kcb_err, *ctx set on success. */
    int (*ctx_new)(int level, unsigned flags, void **ctx);
    /* Frees a context; accepts NULL. */
    void (*ctx_free)(void *ctx);
    /* Compresses src into dst (cap bytes), reusing ctx: 0 or kcb_err, *out_size on success.
     * Output depends only on (src, level) for the flags ctx was made with, never on what ctx
     * compressed before. */
    int (*compress)(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out_size);
    /* Decompresses src into dst; cap is the exact original size: 0 or kcb_err (KCB_ECORRUPT
     * when the data does not decode to cap bytes), *out_size on success. */
    int (*decompress)(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out_size);
    /* Version string of the library actually linked (runtime, not headers). */
    const char *(*version)(void);

    /*
     * Optional: priming. prime builds in *state (0 or kcb_err; owned by the caller, freed with
     * prime_free) a prepared state for compressing with dict[0..n) as the history before the
     * input (a raw-content dictionary, not a trained one), at the level and flags of ctx, a
     * context of this codec; ctx is only read. Of dict, the codec uses what its format can
     * reach (at most window(level) bytes, the last ones); the state may point into dict, so
     * the caller keeps dict alive and unchanged until the state is freed. A state is
     * read-only once built: contexts on several threads may use one state at once.
     */
    int (*prime)(void *ctx, const void *dict, size_t n, void **state);
    /* Frees a state of prime; accepts NULL. */
    void (*prime_free)(void *state);
    /* Compresses src with the dictionary of state (made by prime at ctx's level and flags)
     * into dst (cap bytes, at least bound(n, level)): 0 or kcb_err, *out_size on success. The
     * output is a stream of the codec's format whose data may refer to the dictionary; it
     * depends only on (dictionary, src, level, flags), never on what ctx did before. */
    int (*compress_primed)(void *ctx, const void *state, const void *src, size_t n, void *dst,
                           size_t cap, size_t *out_size);
    /* Decompresses what compress_primed wrote with the same state; cap is the exact original
     * size: 0 or kcb_err (KCB_ECORRUPT when it does not decode to cap bytes), *out_size. */
    int (*decompress_primed)(void *ctx, const void *state, const void *src, size_t n, void *dst,
                             size_t cap, size_t *out_size);
    /*
     * Optional (NULL for codecs without a probabilistic model): the ideal code length of
     * src[0..n) at ctx's level, the sum of -log2 P(bit) under the codec's model, in bits,
     * with no coder or container overhead; 0 or kcb_err, *bits on success. Like compress, it
     * depends only on (src, level). For cm it agrees with the coded size within a few bytes.
     */
    int (*ideal_bits)(void *ctx, const void *src, size_t n, double *bits);
    /* Optional (NULL when ideal_bits is, or the codec cannot prime): the same for src coded
     * after state's dictionary (prime), as compress_primed codes it; 0 or kcb_err, *bits. */
    int (*ideal_bits_primed)(void *ctx, const void *state, const void *src, size_t n,
                             double *bits);
    /* Optional (NULL when the codec has no model of its own): the bytes of the model's tables
     * and the number of its mixer weights at level; 0 or KCB_EINVAL. */
    int (*model_size)(int level, size_t *memory, size_t *weights);
};

/* The most bytes of input or output handed to one call of zlib or libbz2, which count in
 * unsigned int: larger buffers go in pieces. UINT_MAX; a test lowers it to exercise the
 * pieces on small buffers (set it before any codec is used; nothing else writes it). */
extern size_t kcb_codec_feed_max;

/* Returns the table of codecs compiled into this build and sets *count. Static storage. */
const struct kcb_codec *const *kcb_codecs(size_t *count);

/* Returns the codec called name (case-sensitive), or NULL. */
const struct kcb_codec *kcb_codec_find(const char *name);

/* Returns 1 if codec has the optional priming entries (prime, prime_free, compress_primed,
 * decompress_primed), 0 if not. */
int kcb_codec_primable(const struct kcb_codec *codec);

/* Writes the names of this build's primable codecs into buf ("gzip, zlib, ...", at most len
 * bytes, NUL-terminated) and returns buf. */
char *kcb_codecs_primable(char *buf, size_t len);

#endif
