/* lib/learn: the decision rules of kNN (vote, random, optimistic) and the scores they give. */
#ifndef KCB_RULES_H
#define KCB_RULES_H

#include <stddef.h>

#include "kcb/knn.h"

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

/* The most labels for which a score keeps its whole confusion matrix (1024^2 doubles, 8 MiB);
 * above it only each label's row and column sums and diagonal are kept, which is all that
 * accuracy and macro-F1 need (10^5 classes cost 2.4 MB, not 80 GB). */
#define KCB_SCORE_DENSE_MAX 1024

/* A confusion matrix with fractional counts, and the scores derived from it. */
struct kcb_score {
    size_t nlabels;
    double *conf; /* conf[truth * nlabels + predicted]; NULL above KCB_SCORE_DENSE_MAX labels */
    double *row, *col, *diag; /* per label: weight as truth, as prediction, on the diagonal */
    double n;
};

/* Allocates an empty score for nlabels labels (the whole matrix only up to
 * KCB_SCORE_DENSE_MAX of them): 0 or KCB_ENOMEM. Free with kcb_score_free(). */
int kcb_score_init(struct kcb_score *s, size_t nlabels);
void kcb_score_free(struct kcb_score *s);
/* Adds one decision for an item whose true label is truth. */
void kcb_score_add(struct kcb_score *s, int truth, const struct kcb_vote *v, size_t nv);
/* Returns the fraction of weight on the diagonal (NaN for an empty score). */
double kcb_score_accuracy(const struct kcb_score *s);
/* Returns the mean F1 over labels that occur as truth or prediction (as scikit-learn's
 * macro average), from the (expected) confusion matrix. NaN for an empty score. */
double kcb_score_macro_f1(const struct kcb_score *s);

/*
 * The decide-and-score loop: decides every test item i < ntest under rule r from its
 * neighbours nb[i*stride .. i*stride + k) (k at most the number of training rows) and adds
 * each decision to s. train_label and test_label give the labels of training and test rows.
 */
void kcb_knn_score(enum kcb_rule r, const struct kcb_nb *nb, size_t stride, size_t k,
                   const int *train_label, const int *test_label, size_t ntest,
                   struct kcb_score *s);

#endif
