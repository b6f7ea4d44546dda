/* lib/probe: compression-equals-learning probes: concatenation gain, the window sweep, the cost of new data. */
#ifndef KCB_PROBE_H
#define KCB_PROBE_H

#include <stddef.h>

#include "kcb/blob.h"
#include "kcb/fit.h"
#include "kcb/spec.h"

/* What C says about two corpora X and Y. */
struct kcb_concat {
    size_t cx, cy, cxy, cyx;
    size_t cempty;     /* C(empty): the codec's container overhead */
    double gain;       /* C(X) + C(Y) - C(XY), bytes: an estimate of shared information */
    double gain_rel;   /* gain / min(C(X), C(Y)) */
    double c_needed;   /* the smallest c with C(XY) <= C(X) + C(Y) + c, i.e. C(XY) - C(X) - C(Y) */
    int held;          /* C(XY) <= C(X) + C(Y) + C(empty) */
};

/*
 * Computes the concatenation probe for every ordered pair of the n corpora with compressor
 * spec: out[i*n + j] describes X = x[i], Y = x[j] (the diagonal is X with itself). Pairs run
 * on threads workers (0 = all cores); results do not depend on the thread count.
 * Returns 0 or kcb_err; out is the caller's array of n*n.
 */
int kcb_concat_matrix(const struct kcb_spec *spec, const struct kcb_blob *x, size_t n,
                      size_t threads, struct kcb_concat *out);

/* One size of the window sweep: x is the first `size` bytes of the file. */
struct kcb_window_point {
    size_t size;
    size_t cx, cxx;    /* C(x), C(x·x) */
    double ncd_xx;     /* (C(xx) - C(x)) / C(x): near 0 while the second copy is seen whole */
    double gain_rel;   /* (2 C(x) - C(xx)) / C(x): near 1 when the copy costs nothing */
};

/*
 * Fills out[k] for the sizes of a log grid from `from` bytes to n (powers of two, then n itself;
 * at most cap points) and sets *count. Returns 0 or kcb_err.
 */
int kcb_window_sweep(const struct kcb_spec *spec, const unsigned char *x, size_t n, size_t from,
                     size_t threads, struct kcb_window_point *out, size_t cap, size_t *count);

/* One point of the cost-of-new-data curve. */
struct kcb_scaling_point {
    size_t seen;       /* n: bytes already seen (the prefix) */
    double bpb;        /* mean over chunks of 8 (C(prefix·chunk) - C(prefix)) / |chunk| */
    double bpb_sd;     /* standard deviation over those chunks */
    size_t chunks;     /* how many chunks were averaged */
};

/*
 * For each prefix length n on a log grid from `from` up to the data's size less chunks*chunk,
 * measures the bits per byte of each of the next `chunks` chunks of `chunk` bytes given the
 * first n bytes (each chunk on its own after the prefix). Sets *count points in out (at most
 * cap, also at most `points` sizes spread evenly in log n, as kcb_log_grid makes them: one
 * point is the largest prefix). Returns 0 or kcb_err
 * (KCB_EINVAL when the data is too short for one point).
 */
int kcb_scaling_bytes(const struct kcb_spec *spec, const unsigned char *x, size_t n, size_t from,
                      size_t chunk, size_t chunks, size_t points, size_t threads,
                      struct kcb_scaling_point *out, size_t cap, size_t *count);

#endif
