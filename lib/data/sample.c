/* Seeded, stratified subsampling with integer arithmetic only, so it is the same everywhere. */
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/rng.h"
#include "kcb/sample.h"

/* quota[c] = label c's share of want by largest remainder (one extra item per label at most;
 * ties go to the lower label id). bumped is scratch of nlabels. */
static void quotas(const size_t *count, size_t nlabels, size_t n, size_t want, size_t *quota,
                   unsigned char *bumped)
{
    size_t given = 0;
    for (size_t c = 0; c < nlabels; c++) {
        quota[c] = (size_t)((unsigned long long)count[c] * want / n);
        bumped[c] = 0;
        given += quota[c];
    }
    for (; given < want; given++) {
        size_t best = nlabels;
        unsigned long long best_rem = 0;
        for (size_t c = 0; c < nlabels; c++) {
            unsigned long long rem = (unsigned long long)count[c] * want % n;
            if (!bumped[c] && quota[c] < count[c] && (best == nlabels || rem > best_rem)) {
                best = c;
                best_rem = rem;
            }
        }
        if (best == nlabels)
            break;
        quota[best]++;
        bumped[best] = 1;
    }
}

/* Keeps quota[c] members of each label c, chosen by a seeded partial Fisher-Yates shuffle of
 * the label's items in index order; labels are visited in id order from one seed stream.
 * idx is scratch of n. */
static void choose(const int *label, size_t n, size_t nlabels, const size_t *quota,
                   uint64_t seed, size_t *idx, unsigned char *keep)
{
    uint64_t s = seed;
    for (size_t c = 0; c < nlabels; c++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if ((size_t)label[i] == c)
                idx[m++] = i;
        for (size_t j = 0; j < quota[c] && j < m; j++) { /* partial Fisher-Yates */
            size_t r = j + (size_t)kcb_splitmix_below(&s, m - j);
            size_t t = idx[j];
            idx[j] = idx[r];
            idx[r] = t;
            keep[idx[j]] = 1;
        }
    }
}

int kcb_sample_stratified(const int *label, size_t n, size_t nlabels, size_t want, uint64_t seed,
                          unsigned char *keep)
{
    if (want >= n) {
        memset(keep, 1, n);
        return KCB_OK;
    }
    memset(keep, 0, n);
    size_t *count = calloc(nlabels ? nlabels : 1, sizeof *count);
    size_t *quota = calloc(nlabels ? nlabels : 1, sizeof *quota);
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    unsigned char *bumped = malloc(nlabels ? nlabels : 1);
    if (!count || !quota || !idx || !bumped) {
        free(count);
        free(quota);
        free(idx);
        free(bumped);
        return KCB_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        count[label[i]]++;
    quotas(count, nlabels, n, want, quota, bumped);
    choose(label, n, nlabels, quota, seed, idx, keep);
    free(count);
    free(quota);
    free(idx);
    free(bumped);
    return KCB_OK;
}

int kcb_sample_stratified_own(const int *label, size_t n, size_t nlabels, size_t want,
                              uint64_t seed, unsigned char *keep)
{
    int *rank = malloc((nlabels ? nlabels : 1) * sizeof *rank);
    int *own = malloc((n ? n : 1) * sizeof *own);
    int rc = rank && own ? KCB_OK : KCB_ENOMEM;
    int seen = 0;
    for (size_t c = 0; !rc && c < nlabels; c++)
        rank[c] = -1;
    for (size_t i = 0; !rc && i < n; i++) {
        if (rank[label[i]] < 0)
            rank[label[i]] = seen++;
        own[i] = rank[label[i]];
    }
    if (!rc)
        rc = kcb_sample_stratified(own, n, (size_t)seen, want, seed, keep);
    free(rank);
    free(own);
    return rc;
}

int kcb_sample_per_class(const int *label, size_t n, size_t nlabels, size_t per_class,
                         uint64_t seed, unsigned char *keep)
{
    memset(keep, 0, n);
    size_t *quota = malloc((nlabels ? nlabels : 1) * sizeof *quota);
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    if (!quota || !idx) {
        free(quota);
        free(idx);
        return KCB_ENOMEM;
    }
    for (size_t c = 0; c < nlabels; c++)
        quota[c] = per_class; /* choose() stops at a label's size */
    choose(label, n, nlabels, quota, seed, idx, keep);
    free(quota);
    free(idx);
    return KCB_OK;
}
