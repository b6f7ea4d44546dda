/* lib/measure: a compressor on a buffer as lzbench measures it: timed both ways, verified. */
#ifndef KCB_ROUNDTRIP_H
#define KCB_ROUNDTRIP_H

#include <stddef.h>

#include "kcb/parallel.h"
#include "kcb/spec.h"
#include "kcb/timing.h"

/* What one measurement found. */
struct kcb_roundtrip {
    size_t orig;          /* bytes in */
    size_t comp;          /* bytes out, all chunks together */
    struct kcb_timing ct; /* compression: seconds per call (a call compresses every chunk) */
    struct kcb_timing dt; /* decompression, likewise */
};

/*
 * The speed reference of a leaderboard, lzbench's memcpy row: a codec whose compression and
 * decompression are both memcpy (its output is its input; one level, 0; its library is the
 * C library, its version glibc's when linked against glibc, else ""). It is not in the
 * registry of kcb_codecs() and is meant for kcb_roundtrip only, so that the reference is
 * timed exactly as the codecs are (same buffers, chunks, loop and verification).
 */
extern const struct kcb_codec kcb_memcpy_codec;

/*
 * Measures spec on data[0..n): compresses it in independent chunks of chunk bytes (0: one
 * chunk, the whole buffer), as lzbench -b does, timing compression and then decompression
 * with kcb_bench_run under cfg, and compares what comes back with data. Buffers are allocated
 * and touched before timing; one codec context serves every call. cancel (may be NULL) is
 * read before each chunk: once nonzero the measurement stops with KCB_ECANCELED. Returns 0,
 * KCB_ECORRUPT when the decompressed data differ from the input (out then holds no numbers),
 * KCB_ECANCELED, or another kcb_err.
 */
int kcb_roundtrip(const struct kcb_spec *spec, const struct kcb_bench_cfg *cfg,
                  const unsigned char *data, size_t n, size_t chunk,
                  const kcb_cancel_flag *cancel, struct kcb_roundtrip *out);

/* Sets *out to NCD(x,x) = (C(xx) - C(x)) / C(x) of the whole of x: 0 or kcb_err. */
int kcb_ncd_self(const struct kcb_spec *spec, const unsigned char *x, size_t n, double *out);

#endif
