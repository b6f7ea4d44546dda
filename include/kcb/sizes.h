/* lib/measure: compressed sizes of many texts on threads, each worker with its own reusable compressor. */
#ifndef KCB_SIZES_H
#define KCB_SIZES_H

#include <stddef.h>

#include "kcb/blob.h"
#include "kcb/comp.h"
#include "kcb/parallel.h"

/* Processes item i with the worker's compressor c: 0 or kcb_err (stops the loop). */
typedef int (*kcb_comp_item_fn)(void *arg, kcb_comp *c, size_t i);

/* A parallel loop over items 0..n-1 in which every worker owns one compressor for spec. */
struct kcb_comp_loop {
    const struct kcb_spec *spec;
    size_t n;                 /* items */
    size_t threads;           /* 0 = one per online core */
    kcb_comp_item_fn item;
    void *arg;                /* passed to item */
    kcb_progress_fn progress; /* optional */
    void *progress_arg;
    const kcb_cancel_flag *cancel; /* optional, as in struct kcb_parallel */
};

/*
 * Runs the loop: each worker creates its compressor once, before its first item, and reuses
 * it for every item it takes. Items must write only their own results, so the outcome is the
 * same for any number of threads. Returns 0, or the error of the lowest-numbered failed item
 * (or of a compressor that could not be created), or KCB_ECANCELED (see kcb_parallel_run).
 */
int kcb_comp_parallel(const struct kcb_comp_loop *l);

/*
 * Computes size[i] = C(x[i]) for every text with compressor spec on threads workers
 * (0 = all cores). Returns 0 or kcb_err. Arrays are the caller's.
 */
int kcb_sizes(const struct kcb_spec *spec, const struct kcb_blob *x, size_t n, size_t threads,
              size_t *size);

/* Sets *size to C(empty), the container bytes of spec's codec: 0 or kcb_err. */
int kcb_empty_size(const struct kcb_spec *spec, size_t *size);

#endif
