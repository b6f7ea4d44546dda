/* lib/learn: faster stand-ins for exact kNN on primed compressors: one dictionary per class, or conditional NCD. */
#ifndef KCB_PRIMED_H
#define KCB_PRIMED_H

#include <stddef.h>

#include "kcb/blob.h"
#include "kcb/comp.h"
#include "kcb/knn.h"

/* The classification methods of eval: exact kNN and the two that prime a compressor. */
enum kcb_method {
    KCB_METHOD_EXACT,       /* kNN on C(x·sep·y), one compression per pair */
    KCB_METHOD_PER_CLASS,   /* the class whose texts, as a dictionary, compress x best */
    KCB_METHOD_CONDITIONAL, /* kNN on C(y) + C(x|y) in place of C(xy) */
};

/* Sets *out from "exact", "per-class" or "conditional": 0 or KCB_EINVAL. */
int kcb_method_parse(const char *name, enum kcb_method *out);

/* Returns the method's name (static storage). */
const char *kcb_method_name(enum kcb_method m);

/* The most parts a class text is split into (--parts). */
#define KCB_PARTS_MAX 64

/* ---- per-class ---- */

/*
 * A per-class model. The class text of label c is its training texts in their order, joined by
 * sep; with P parts, the text j of the class goes to part floor(P * o_j / T), o_j being its
 * offset in the class text and T that text's length, so that the parts are runs of whole,
 * consecutive texts of about equal length (a part no text falls in is dropped: a class has at
 * most P parts, fewer when its texts are few or long). Each part is one primed dictionary, of
 * which the codec keeps its last window (kcb_comp_prime: 32 KiB for gzip, zlib and deflate,
 * 64 KiB for lz4, the level's window for zstd and xz, all of it for cm, whose model learns
 * from the whole part). The model owns the class texts; it is
 * read-only once built, so threads share it.
 */
typedef struct kcb_perclass kcb_perclass;

/* What a per-class model is built from. Arrays are borrowed for the call only. */
struct kcb_perclass_spec {
    const struct kcb_spec *spec;
    const struct kcb_blob *train;
    const int *label;      /* label ids of train, each in 0..nlabels-1 */
    size_t ntrain, nlabels;
    const void *sep;       /* joins the texts of a class */
    size_t nsep;
    size_t parts;          /* P, 1..KCB_PARTS_MAX */
    size_t threads;        /* for priming the parts; 0 = all cores */
};

/* Builds the model: 0, KCB_EINVAL (a codec that cannot prime, parts out of range, no training
 * text, a label out of range) or kcb_err. *out is owned by the caller (NULL on failure); free it with
 * kcb_perclass_free(). The result does not depend on threads. */
int kcb_perclass_new(const struct kcb_perclass_spec *ps, kcb_perclass **out);

/* Frees m; accepts NULL. */
void kcb_perclass_free(kcb_perclass *m);

/* Returns how many labels m has, and in *parts (when not NULL) how many parts label c has
 * (0: no training text). */
size_t kcb_perclass_labels(const kcb_perclass *m, size_t c, size_t *parts);

/* Returns part p of label c's class text as a blob into m (valid while m lives): the bytes its
 * dictionary was made from, before the codec keeps their last window. */
struct kcb_blob kcb_perclass_part(const kcb_perclass *m, size_t c, size_t p);

/*
 * Scores x against every class with compressor c (of m's spec): score[l] = the mean, over
 * label l's parts, of C(x|part), the size of x compressed primed with that part (in bytes; with
 * one part that size itself); INFINITY for a label without training texts. score has
 * kcb_perclass_labels(m) entries. 0 or kcb_err.
 */
int kcb_perclass_score(const kcb_perclass *m, kcb_comp *c, const void *x, size_t n,
                       double *score);

/*
 * Ranks the labels of score[0..nlabels) into best[0..k): by score, a tie going to the smaller
 * label id, as kcb_nb entries with d = the score (mean bytes) and idx = the label id; labels
 * without training texts, or k past the labels, are {INFINITY, UINT32_MAX}. best[0] is the
 * decision of the per-class method.
 */
void kcb_perclass_rank(const double *score, size_t nlabels, struct kcb_nb *best, size_t k);

/* A per-class run over test texts. */
struct kcb_perclass_job {
    const kcb_perclass *model;
    const struct kcb_spec *spec; /* the model's */
    const struct kcb_blob *test;
    size_t ntest;
    size_t k;                    /* ranked labels kept per test text */
    size_t threads;              /* 0 = all cores */
    kcb_progress_fn progress;
    void *progress_arg;
    const kcb_cancel_flag *cancel;
    /* Optional: test text i is scored only against the labels only[i*nonly + j].idx for
     * j < nonly (UINT32_MAX entries skipped; a shortlist from a cheaper first pass), the
     * others ranking as labels without texts. NULL: every label. */
    const struct kcb_nb *only;
    size_t nonly;
};

/*
 * Scores and ranks every test text (kcb_perclass_score, kcb_perclass_rank) into
 * best[i*k .. i*k+k), in parallel over the texts with one compressor per worker. The cost per
 * text is one compression per class part, whatever the number of training texts. Identical
 * for any thread count. 0 or kcb_err (KCB_ECANCELED as kcb_knn_search).
 */
int kcb_perclass_search(const struct kcb_perclass_job *job, struct kcb_nb *best);

/* ---- conditional ---- */

/*
 * Conditional NCD: C(x|y), the size of x compressed primed with y, stands in for C(xy) −
 * C(y), so the distance d is kcb_dist(dist, C(x), C(y), C(y) + C(x|y)); for NCD
 * (C(y) + C(x|y) − min(C(x), C(y))) / max(C(x), C(y)). The training text comes first, as
 * the dictionary, and the separator plays no part.
 */
double kcb_cond_dist(enum kcb_dist dist, size_t cx, size_t cy, size_t cx_given_y);

/*
 * Builds primed[t] from train[t] for t < n (one prepared state per training text, made once
 * and then shared by every worker) on threads workers: 0 or kcb_err. On failure every
 * state is freed and primed[] is all NULL. The states point into the texts, which must
 * outlive them; free them with kcb_cond_free(). A state's memory is the codec's: gzip, zlib,
 * deflate and xz hold the text's address, lz4 a 16 KiB stream for a text over 1 KiB, zstd a
 * CDict (tens of KB each at low levels, more at high ones).
 */
int kcb_cond_prime(const struct kcb_spec *spec, const struct kcb_blob *train, size_t n,
                   size_t threads, kcb_primed **primed);

/* Frees primed[0..n) and sets them to NULL. */
void kcb_cond_free(kcb_primed **primed, size_t n);

/*
 * kcb_knn_search under conditional NCD: the k nearest training texts of every test text by
 * kcb_cond_dist, with the same selection (kcb_nb_insert: ties to the earlier training row) and
 * the same output; job->ctrain and job->ctest are C(y) and C(x), job->sep is not used. The
 * states are built first (kcb_cond_prime) and freed at the end. 0 or kcb_err.
 */
int kcb_cond_search(const struct kcb_knn_job *job, struct kcb_nb *nb);

/*
 * kcb_knn_search_labels under conditional NCD: the k nearest training texts and every
 * label's nearest (as kcb/toplabels.h), by kcb_cond_dist. Primes every training text first
 * and frees the states at the end. 0 or kcb_err.
 */
int kcb_cond_search_labels(const struct kcb_knn_job *job, const int *label, size_t nlabels,
                           struct kcb_nb *nb, struct kcb_nb *near);

/* ---- any method ---- */

/* A method and its settings, as eval, classify and bench take them. */
struct kcb_method_opts {
    enum kcb_method method;
    size_t parts;                 /* per-class: parts per class (0 counts as 1) */
    size_t shortlist;             /* per-class: 0, or score with the method's compressor only
                                     the shortlist best classes of a first pass */
    const struct kcb_spec *first; /* the first pass's compressor (one part per class) */
};

/*
 * Runs method on job into nb[i*k .. i*k+k) for every test text i: for exact and conditional
 * the k nearest training texts (kcb_knn_search, kcb_cond_search); for per-class the k best
 * classes with mo->parts parts each (job->sep joins a class's texts; with a shortlist, first
 * every class is scored with mo->first on one part per class and only the mo->shortlist best
 * are scored with job->spec, so a text costs nlabels cheap compressions and shortlist × parts
 * costly ones; the k best are taken among the shortlisted), each class
 * named by its first training row, so that label[nb.idx] is the class and nb.d its score
 * (kcb_perclass_score: mean bytes). label[0..job->ntrain) are the training rows' labels, each below nlabels. Identical
 * for any thread count. 0 or kcb_err.
 */
int kcb_method_search(const struct kcb_method_opts *mo, const struct kcb_knn_job *job,
                      const int *label, size_t nlabels, struct kcb_nb *nb);

#endif
