/* k-nearest-neighbour classification on compression distance: neighbours, decision rules, scores. */
#ifndef KCB_KNN_H
#define KCB_KNN_H

#include <stddef.h>
#include <stdint.h>

#include "kcb/codec.h"
#include "kcb/dist.h"

/* A neighbour: a training row and its distance. Order: by d, then by idx (earlier row first). */
struct kcb_nb {
    double d;
    uint32_t idx;
};

/* Inserts (d, idx) into best[0..*have), kept sorted, holding at most k entries. */
void kcb_nb_insert(struct kcb_nb *best, size_t *have, size_t k, double d, uint32_t idx);

enum kcb_rule {
    KCB_RULE_VOTE,       /* majority of the k nearest; a tie shrinks k until one label wins */
    KCB_RULE_RANDOM,     /* expected outcome when a tie is broken uniformly at random */
    KCB_RULE_OPTIMISTIC, /* right if the truth is among the tied top labels (Jiang et al.'s code) */
    KCB_NRULES
};

/* Sets *out from "vote", "random" or "optimistic": 0 or KCB_EINVAL. */
int kcb_rule_parse(const char *name, enum kcb_rule *out);
/* Returns the rule's name (static storage). */
const char *kcb_rule_name(enum kcb_rule r);

/* A predicted label with its weight; the weights of one decision sum to 1. */
struct kcb_vote {
    int label;
    double w;
};

/*
 * Decides one test item under rule r from its nearest neighbours nb[0..k) (sorted, k >= 1)
 * whose labels are label[nb[i].idx], the item's true label being truth. Writes at most k
 * votes to out and returns how many: vote and optimistic give one label with weight 1,
 * random spreads weight 1 evenly over the tied top labels.
 */
size_t kcb_knn_decide(enum kcb_rule r, const struct kcb_nb *nb, size_t k, const int *label,
                      int truth, struct kcb_vote *out);

/* A confusion matrix with fractional counts, and the scores derived from it. */
struct kcb_score {
    size_t nlabels;
    double *conf; /* conf[truth * nlabels + predicted] */
    double n;
};

/* Allocates an empty score for nlabels labels: 0 or KCB_ENOMEM. Free with kcb_score_free(). */
int kcb_score_init(struct kcb_score *s, size_t nlabels);
void kcb_score_free(struct kcb_score *s);
/* Adds one decision for an item whose true label is truth. */
void kcb_score_add(struct kcb_score *s, int truth, const struct kcb_vote *v, size_t nv);
/* Returns the fraction of weight on the diagonal (NaN for an empty score). */
double kcb_score_accuracy(const struct kcb_score *s);
/* Returns the mean F1 over labels that occur as truth or prediction (as scikit-learn's
 * macro average), from the (expected) confusion matrix. NaN for an empty score. */
double kcb_score_macro_f1(const struct kcb_score *s);

/* Progress callback: called on the calling thread now and then. */
typedef void (*kcb_progress_fn)(void *arg, size_t done, size_t total);

/*
 * Computes size[i] = C(x[i]) for every text with compressor spec on threads workers
 * (0 = all cores). Returns 0 or kcb_err. Arrays are the caller's.
 */
int kcb_sizes(const struct kcb_spec *spec, const struct kcb_blob *x, size_t n, size_t threads,
              size_t *size);

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
};

/*
 * Finds the k nearest training texts of every test text, test text first in the
 * concatenation. Writes nb[i*k .. i*k+k) for test item i (sorted; ties to the earlier
 * training row). Only k neighbours per item are held, never the ntest×ntrain matrix; each
 * pair costs one compression. Results are identical for any thread count. 0 or kcb_err.
 */
int kcb_knn_search(const struct kcb_knn_job *job, struct kcb_nb *nb);

/* A labelled set of texts; every array borrowed. */
struct kcb_labelled {
    const struct kcb_blob *text;
    const int *label;
    size_t n;
    const size_t *size; /* C(text[i]) under the spec in use, or NULL to compute them */
};

/*
 * The accuracy of k-NN under rule with compressor spec (NCD, test text first, sep between),
 * as kcbench eval computes it: sets *accuracy. nlabels bounds every label id. 0 or kcb_err.
 */
int kcb_knn_accuracy(const struct kcb_spec *spec, const struct kcb_labelled *train,
                     const struct kcb_labelled *test, size_t nlabels, const void *sep,
                     size_t nsep, size_t k, enum kcb_rule rule, size_t threads,
                     double *accuracy);

/* One point of a learning curve: kNN error with ntrain training texts. */
struct kcb_learning_point {
    size_t ntrain;
    double err_mean, err_sd; /* over the repetitions */
    size_t reps;
};

/*
 * The learning curve of k-NN (rule vote) with compressor spec: for each size in sizes[0..m)
 * and each repetition r < reps, a stratified sample of that many training texts (seed + r)
 * is scored on the whole test set; out[i] gets the mean and standard deviation of the error.
 * C(text) is computed once for every text. Returns 0 or kcb_err.
 */
int kcb_learning_curve(const struct kcb_spec *spec, const struct kcb_labelled *train,
                       const struct kcb_labelled *test, size_t nlabels, const void *sep,
                       size_t nsep, size_t k, const size_t *sizes, size_t m, size_t reps,
                       uint64_t seed, size_t threads, struct kcb_learning_point *out);

#endif
