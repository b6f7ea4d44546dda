/* lib/measure: reusable compressors, one codec context and grow-only buffers per thread. */
#ifndef KCB_COMP_H
#define KCB_COMP_H

#include <stddef.h>

#include "kcb/spec.h"

/*
 * A compressor: one codec context plus scratch buffers, for one thread. Buffers grow to
 * the largest input seen and are then reused, so the steady state allocates nothing.
 * It is made for sizes: its codec context has KCB_CODEC_SIZE_ONLY (kcb/codec.h), so the
 * output has the canonical length and decodes, but its bytes may differ from the canonical
 * stream (xz: the dictionary size in its block header).
 */
typedef struct kcb_comp kcb_comp;

/* Creates a compressor for spec: 0 or kcb_err (KCB_EINVAL when spec's bits is set and its
 * codec has no ideal_bits); *out owned by caller (NULL on failure), free with kcb_comp_free(). */
int kcb_comp_new(const struct kcb_spec *spec, kcb_comp **out);

/* Frees c; accepts NULL. */
void kcb_comp_free(kcb_comp *c);

/* Returns the spec c was made for. */
const struct kcb_spec *kcb_comp_spec(const kcb_comp *c);

/* Sets *size to the compressed size of x (n bytes): 0 or kcb_err. With the spec's bits set,
 * this and the other kcb_comp_size* functions give the ideal code length in bits instead
 * (kcb/spec.h); kcb_comp_run and kcb_comp_run_primed always code. */
int kcb_comp_size(kcb_comp *c, const void *x, size_t n, size_t *size);

/* Sets *size to the compressed size of x·sep·y (the three concatenated): 0 or kcb_err. */
int kcb_comp_size_cat(kcb_comp *c, const void *x, size_t nx, const void *sep, size_t nsep,
                      const void *y, size_t ny, size_t *size);

/*
 * Compresses x into c's output buffer and sets *out to it (valid until the next call on c)
 * and *size to its length: 0 or kcb_err.
 */
int kcb_comp_run(kcb_comp *c, const void *x, size_t n, const unsigned char **out, size_t *size);

/*
 * A prepared dictionary (kcb/codec.h's priming) for compressors of one spec: built once from
 * a text, then used by any number of compressors of that spec, on any threads at once.
 */
typedef struct kcb_primed kcb_primed;

/*
 * Builds in *out a prepared dictionary from dict[0..n) for compressors of c's spec (the codec
 * keeps what its format reaches: the last 32 KiB for gzip, zlib and deflate, 64 KiB for lz4,
 * the window of the level for zstd and xz; cm's model learns from all of it). dict is
 * borrowed: keep it alive and unchanged until *out is freed. Returns 0, KCB_EINVAL (the codec cannot prime) or kcb_err; *out is
 * owned by the caller (NULL on failure), free it with kcb_primed_free().
 */
int kcb_comp_prime(kcb_comp *c, const void *dict, size_t n, kcb_primed **out);

/* Frees p; accepts NULL. */
void kcb_primed_free(kcb_primed *p);

/*
 * Compresses x with p's dictionary as its history into c's output buffer, as kcb_comp_run:
 * *out (valid until the next call on c) and *size. This is C(x|dict): what x costs once the
 * compressor has seen the dictionary. 0, KCB_EINVAL (p was made for another spec) or kcb_err.
 */
int kcb_comp_run_primed(kcb_comp *c, const kcb_primed *p, const void *x, size_t n,
                        const unsigned char **out, size_t *size);

/* Sets *size to C(x|dict), the size kcb_comp_run_primed gives: 0 or kcb_err. */
int kcb_comp_size_primed(kcb_comp *c, const kcb_primed *p, const void *x, size_t n,
                         size_t *size);

#endif
