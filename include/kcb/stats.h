/* lib/base: small statistics: binomial tests, Wilson, McNemar, Spearman, seeded bootstraps. */
#ifndef KCB_STATS_H
#define KCB_STATS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Every interval here is two-sided at the given level (0.95 for 95 %). The bootstraps draw
 * from kcb_rng streams of their seed, so the same arguments give the same interval on every
 * machine and for any thread count.
 */

/* The Wilson score interval of a proportion of k successes in n trials at level: sets *lo and
 * *hi (both NaN when n is 0). */
void kcb_wilson(size_t k, size_t n, double level, double *lo, double *hi);

/* The normal quantile z of a two-sided interval at level: 1.96 at 0.95. */
double kcb_z(double level);

/* Sorts v[0..n) and sets *lo and *hi to its percentile interval at level (the (1 - level) / 2
 * and (1 + level) / 2 quantiles, interpolated); both NaN when n is 0. */
void kcb_percentiles(double *v, size_t n, double level, double *lo, double *hi);

/* P(X >= k) for X ~ Binomial(n, p): the one-sided exact p-value of k or more successes. */
double kcb_binom_upper(size_t k, size_t n, double p);

/* The two-sided exact binomial p-value of k successes in n trials at rate p: twice the
 * smaller tail (P(X <= k), P(X >= k)), at most 1. 1 when n is 0. */
double kcb_binom_two_sided(size_t k, size_t n, double p);

/* McNemar's exact test of b and c discordant pairs (b: the first right and the second wrong,
 * c: the reverse): the two-sided binomial p-value of b in b + c trials at 1/2; 1 when b + c
 * is 0. */
double kcb_mcnemar(size_t b, size_t c);

/* A paired comparison of two classifiers on the same n items. */
struct kcb_paired {
    size_t n;
    double acc_a, acc_b;   /* fractions right */
    double diff;           /* acc_b - acc_a */
    double lo, hi;         /* bootstrap percentile interval of diff */
    size_t b, c;           /* items only a got right; items only b got right */
    double p;              /* McNemar's exact two-sided p-value */
};

/*
 * Compares the per-item outcomes a[i] and b[i] (nonzero: right) of n items: accuracies, their
 * difference, its percentile interval from reps bootstrap resamples of the items (seeded; the
 * same resamples for any a and b of the same n and seed), and McNemar's test. n = 0 gives NaN
 * accuracies and interval. Returns 0 or KCB_ENOMEM.
 */
int kcb_paired_compare(const unsigned char *a, const unsigned char *b, size_t n, size_t reps,
                       uint64_t seed, double level, struct kcb_paired *out);

/* Fills rank[i] with the rank of x[i] among x[0..n), from 1, ties given their mean rank. Returns
 * 0 or KCB_ENOMEM. */
int kcb_ranks(const double *x, size_t n, double *rank);

/* Spearman's rank correlation of x and y (n pairs): the Pearson correlation of their ranks,
 * ties at mean ranks. NaN when n < 2 or either is constant. Returns 0 or KCB_ENOMEM. */
int kcb_spearman(const double *x, const double *y, size_t n, double *rho);

/*
 * Spearman's rho of x and y with a percentile interval from reps bootstrap resamples of the n
 * pairs (seeded); resamples in which x or y is constant have no rho and are left out, and
 * *used says how many counted (the interval is NaN when none did). Returns 0 or KCB_ENOMEM.
 */
int kcb_spearman_ci(const double *x, const double *y, size_t n, size_t reps, uint64_t seed,
                    double level, double *rho, double *lo, double *hi, size_t *used);

#endif
