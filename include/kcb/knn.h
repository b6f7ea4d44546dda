/* lib/learn: k-nearest-neighbour search on compression distance, keeping only the k nearest. */
#ifndef KCB_KNN_H
#define KCB_KNN_H

#include <stddef.h>
#include <stdint.h>

#include "kcb/dist.h"
#include "kcb/parallel.h"

/* The largest k a search keeps. */
#define KCB_KNN_MAXK 1024

/* A neighbour: a training row and its distance. Order: by d, then by idx (earlier row first). */
struct kcb_nb {
    double d;
    uint32_t idx;
};

/* Inserts (d, idx) into best[0..*have), kept sorted, holding at most k entries. */
void kcb_nb_insert(struct kcb_nb *best, size_t *have, size_t k, double d, uint32_t idx);

/* What a neighbour search needs. All arrays are borrowed. */
struct kcb_knn_job {
    const struct kcb_spec *spec;
    enum kcb_dist dist;
    const struct kcb_blob *train;
    const size_t *ctrain;  /* C(train[j]) */
    size_t ntrain;
    const struct kcb_blob *test;
    const size_t *ctest;   /* C(test[i]) */
    size_t ntest;
    const void *sep;       /* inserted between test and training text: C(x·sep·y) */
    size_t nsep;
    size_t k;              /* neighbours kept per test item */
    size_t threads;        /* 0 = all cores */
    kcb_progress_fn progress;
    void *progress_arg;
    const kcb_cancel_flag *cancel; /* optional: see struct kcb_parallel */
};

/*
 * Finds the k nearest training texts of every test text, test text first in the
 * concatenation. Writes nb[i*k .. i*k+k) for test item i (sorted; ties to the earlier
 * training row). Only k neighbours per item are held, never the ntest×ntrain matrix; each
 * pair costs one compression. Results are identical for any thread count. 0 or kcb_err
 * (KCB_ECANCELED when job->cancel stopped it: the items done are complete).
 */
int kcb_knn_search(const struct kcb_knn_job *job, struct kcb_nb *nb);

/*
 * kcb_knn_search with C(y) + C(x|y) in place of C(x·sep·y), x the test text and y the
 * training text (the conditional method of kcb/primed.h): primed[j] is train[j] prepared as a
 * dictionary (borrowed; one compression per pair, primed with it); job->sep is not used.
 * The same selection, output and thread independence. 0 or kcb_err.
 */
int kcb_knn_search_primed(const struct kcb_knn_job *job, kcb_primed *const *primed,
                          struct kcb_nb *nb);

#endif
