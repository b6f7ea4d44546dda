/* lib/learn: the best labels of a text: kNN search that also finds every label's nearest text. */
#ifndef KCB_TOPLABELS_H
#define KCB_TOPLABELS_H

#include <stddef.h>

#include "kcb/knn.h"

/*
 * The k nearest training texts of every test text, exactly as kcb_knn_search() gives them
 * (nb[i*k .. i*k+k), the same entries in the same order for any thread count), and also the
 * nearest training text of every label: near[i*nlabels + l] for test item i and label l, the
 * labels of the training rows being label[0..job->ntrain), each in [0, nlabels). A label no
 * training row has gets {INFINITY, UINT32_MAX}.
 *
 * The training rows are searched in blocks of one label each, in parallel over test items ×
 * blocks, so that a single test item keeps every thread busy; each pair still costs one
 * compression, and only the k nearest of each block are held. job->progress is not called;
 * job->cancel is honoured as by kcb_knn_search. Returns 0 or kcb_err (KCB_EINVAL for k outside
 * 1..KCB_KNN_MAXK, no training rows, or a label out of range).
 */
int kcb_knn_search_labels(const struct kcb_knn_job *job, const int *label, size_t nlabels,
                          struct kcb_nb *nb, struct kcb_nb *near);

/*
 * kcb_knn_search_labels with C(y) + C(x|y) in place of C(x·sep·y) (the conditional method,
 * kcb/primed.h): primed[j] is train[j] prepared as a dictionary (borrowed), or primed is NULL
 * for the exact search. Same output and thread independence.
 */
int kcb_knn_search_labels_primed(const struct kcb_knn_job *job, kcb_primed *const *primed,
                                 const int *label, size_t nlabels, struct kcb_nb *nb,
                                 struct kcb_nb *near);

/* One label of a test text with its scores. */
struct kcb_label_rank {
    int label;
    size_t votes;          /* how many of the k nearest training texts have it (may be 0) */
    struct kcb_nb nearest; /* its nearest training text: distance and row */
};

/*
 * Ranks the labels of one test text: first the label decided (the vote's, from the same k
 * nearest), then the others by votes among the k nearest nb[0..k) (more first), then by their
 * nearest training text near[0..nlabels) (smaller distance first, then the earlier row).
 * Labels that no training row has are left out. out has room for nlabels entries; returns
 * how many were written.
 */
size_t kcb_label_ranks(const struct kcb_nb *nb, size_t k, const int *label,
                       const struct kcb_nb *near, size_t nlabels, int decided,
                       struct kcb_label_rank *out);

#endif
