/* Seeded, stratified subsampling with integer arithmetic only, so it is the same everywhere. */
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/sample.h"

uint64_t kcb_splitmix64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Unbiased integer in [0, bound) by rejection. */
static uint64_t below(uint64_t *s, uint64_t bound)
{
    uint64_t limit = UINT64_MAX - UINT64_MAX % bound, x;
    do
        x = kcb_splitmix64(s);
    while (x >= limit);
    return x % bound;
}

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
    uint64_t s = seed;
    for (size_t c = 0; c < nlabels; c++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if ((size_t)label[i] == c)
                idx[m++] = i;
        for (size_t j = 0; j < quota[c]; j++) { /* partial Fisher-Yates */
            size_t r = j + (size_t)below(&s, m - j);
            size_t t = idx[j];
            idx[j] = idx[r];
            idx[r] = t;
            keep[idx[j]] = 1;
        }
    }
    free(count);
    free(quota);
    free(idx);
    free(bumped);
    return KCB_OK;
}
