/* lib/data: seeded, stratified subsampling of labelled items, identical on every machine. */
#ifndef KCB_SAMPLE_H
#define KCB_SAMPLE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Chooses want of the n items (label[i] in [0, nlabels)), each label keeping its share
 * (largest remainder, ties to the lower label id) and, within a label, members chosen by a
 * seeded shuffle. Sets keep[i] to 1 for chosen items and 0 otherwise (caller's array of n).
 * want >= n keeps everything. Returns 0 or KCB_ENOMEM.
 */
int kcb_sample_stratified(const int *label, size_t n, size_t nlabels, size_t want, uint64_t seed,
                          unsigned char *keep);

/*
 * kcb_sample_stratified with the labels numbered by their first appearance among the n items,
 * so that the sample depends only on these items (their labels, their order) and the seed,
 * never on the ids that other files gave the labels first (eval's test sample is the same
 * whatever the training file's row order). Same arguments and returns.
 */
int kcb_sample_stratified_own(const int *label, size_t n, size_t nlabels, size_t want,
                              uint64_t seed, unsigned char *keep);

/*
 * Chooses per_class items of every label (label[i] in [0, nlabels)): the few-shot setting of
 * Jiang et al. 2023. A label with fewer items keeps all of them. Within a label, members are
 * chosen by the same seeded partial shuffle as kcb_sample_stratified, labels in id order.
 * Sets keep[i] to 1 for chosen items and 0 otherwise (caller's array of n). Returns 0 or
 * KCB_ENOMEM.
 */
int kcb_sample_per_class(const int *label, size_t n, size_t nlabels, size_t per_class,
                         uint64_t seed, unsigned char *keep);

#endif
