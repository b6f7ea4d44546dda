/* lib/learn: the kNN accuracy of a compressor on a labelled split, and learning curves. */
#ifndef KCB_CURVE_H
#define KCB_CURVE_H

#include <stddef.h>
#include <stdint.h>

#include "kcb/dataset.h"
#include "kcb/primed.h"
#include "kcb/rules.h"

/* How a kNN classifier is set up: compressor, distance, separator, k and scoring rule. */
struct kcb_knn_setup {
    const struct kcb_spec *spec;
    enum kcb_dist dist;
    const void *sep;     /* inserted between test and training text: C(x.sep.y) */
    size_t nsep;
    size_t k;
    enum kcb_rule rule;
    size_t threads;      /* 0 = all cores */
    enum kcb_method method; /* exact (0) kNN, or a faster method of kcb/primed.h */
    size_t parts;        /* per-class: parts per class (0 counts as 1) */
};

/*
 * The accuracy of kNN as s sets it up, training on train and scoring test, as kcbench eval
 * computes it: sets *acc. Both datasets' label ids come from one table, train->labels (load
 * them with a shared table), so every id is below train->labels->n. ctrain and ctest are
 * C(text) of each row under s->spec, or NULL to compute them (per-class needs none). With
 * s->method per-class, k is 1 and the rule vote. Returns 0 or kcb_err.
 */
int kcb_knn_accuracy(const struct kcb_knn_setup *s, const struct kcb_dataset *train,
                     const size_t *ctrain, const struct kcb_dataset *test, const size_t *ctest,
                     double *acc);

/*
 * Fills out with at most points training-set sizes spread evenly in log from
 * max(nlabels, 8) (at most ntrain) to ntrain, and returns how many (see kcb_log_grid).
 */
size_t kcb_learning_grid(size_t ntrain, size_t nlabels, size_t points, size_t *out);

/* One point of a learning curve: kNN error with ntrain training texts. */
struct kcb_learning_point {
    size_t ntrain;
    double err_mean, err_sd; /* over the repetitions */
    size_t reps;
};

/*
 * The learning curve of kNN as s sets it up: for each size in sizes[0..m)
 * and each repetition r < reps, a stratified sample of that many training texts (seed + r)
 * is scored on the whole test set; out[i] gets the mean and standard deviation of the error.
 * C(text) is computed once for every text. Returns 0 or kcb_err.
 */
int kcb_learning_curve(const struct kcb_knn_setup *s, const struct kcb_dataset *train,
                       const struct kcb_dataset *test, const size_t *sizes, size_t m,
                       size_t reps, uint64_t seed, struct kcb_learning_point *out);

#endif
