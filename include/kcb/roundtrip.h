/* lib/measure: one compressor on one buffer as lzbench measures it: timed both ways, round trip verified. */
#ifndef KCB_ROUNDTRIP_H
#define KCB_ROUNDTRIP_H

#include <stddef.h>

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
 * Measures spec on data[0..n): compresses it in independent chunks of chunk bytes (0: one
 * chunk, the whole buffer), as lzbench -b does, timing compression and then decompression
 * with kcb_bench_run under cfg, and compares what comes back with data. Buffers are allocated
 * and touched before timing; one codec context serves every call. Returns 0, KCB_ECORRUPT
 * when the decompressed data differ from the input (out then holds no numbers), or another
 * kcb_err.
 */
int kcb_roundtrip(const struct kcb_spec *spec, const struct kcb_bench_cfg *cfg,
                  const unsigned char *data, size_t n, size_t chunk, struct kcb_roundtrip *out);

/* Sets *out to NCD(x,x) = (C(xx) - C(x)) / C(x) of the whole of x: 0 or kcb_err. */
int kcb_ncd_self(const struct kcb_spec *spec, const unsigned char *x, size_t n, double *out);

#endif
