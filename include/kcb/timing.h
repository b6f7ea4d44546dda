/* lib/measure: in-memory timing of any function of one shape, in the manner of lzbench; knows nothing of codecs. */
#ifndef KCB_TIMING_H
#define KCB_TIMING_H

#include <stddef.h>

#include "kcb/clock.h"

/* What is timed: reads n bytes at src, writes at most cap bytes at dst, sets *out to the
 * bytes written. Returns 0 or kcb_err. */
typedef int (*kcb_bench_fn)(void *payload, const void *src, size_t n, void *dst, size_t cap,
                            size_t *out);

/* Runs continue until both minimums are met (or max_runs is reached). */
struct kcb_bench_cfg {
    double min_seconds; /* total time of timed calls, default 1.0 */
    unsigned min_runs;  /* kcbench bench uses 3; 0 is taken as 1 */
    unsigned max_runs;  /* safety cap for very fast calls; 0 = 1000000 */
};

/* Seconds per call. */
struct kcb_timing {
    double best;    /* the fastest call */
    double median;  /* the median call */
    double total;   /* all timed calls together */
    unsigned runs;
};

/* Reads every page of p and writes every page of w (either may be NULL), so that page faults
 * of first touch are not timed. */
void kcb_touch(const void *p, size_t n, void *w, size_t wn);

/*
 * Calls fn(payload, src, n, dst, cap, out) repeatedly as cfg says, timing each call on the
 * monotonic clock, and fills *t. The first call is a warm-up and is not timed. Returns 0,
 * the first error fn returned, or KCB_ENOMEM.
 */
int kcb_bench_run(const struct kcb_bench_cfg *cfg, kcb_bench_fn fn, void *payload,
                  const void *src, size_t n, void *dst, size_t cap, size_t *out,
                  struct kcb_timing *t);

#endif
