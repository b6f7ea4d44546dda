/* Small statistics: binomial tests and Wilson intervals, McNemar, Spearman, seeded bootstraps. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

#include "kcb/err.h"
#include "kcb/rng.h"
#include "kcb/stats.h"

/* Stream tags of the bootstraps: resamples of items, and of pairs. */
enum { TAG_PAIRED = 0x57A7, TAG_SPEARMAN = 0x57A8 };

double kcb_z(double level)
{
    double a = level > 0 && level < 1 ? level : 0.95;
    return gsl_cdf_ugaussian_Pinv(1 - (1 - a) / 2);
}

void kcb_wilson(size_t k, size_t n, double level, double *lo, double *hi)
{
    if (n == 0 || k > n) {
        *lo = *hi = NAN;
        return;
    }
    double z = kcb_z(level), nn = (double)n, p = (double)k / nn, z2 = z * z;
    double mid = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    double half = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
    *lo = k == 0 ? 0 : fmax(0, mid - half);
    *hi = k == n ? 1 : fmin(1, mid + half);
}

/* P(X <= k) for X ~ Binomial(n, p), with p clamped to [0, 1]. */
static double binom_lower(size_t k, size_t n, double p)
{
    if (k >= n)
        return 1;
    p = p < 0 ? 0 : p > 1 ? 1 : p;
    return gsl_cdf_binomial_P((unsigned)k, p, (unsigned)n);
}

double kcb_binom_upper(size_t k, size_t n, double p)
{
    if (k == 0)
        return 1;
    if (k > n)
        return 0;
    p = p < 0 ? 0 : p > 1 ? 1 : p;
    return gsl_cdf_binomial_Q((unsigned)(k - 1), p, (unsigned)n); /* P(X > k - 1) */
}

double kcb_binom_two_sided(size_t k, size_t n, double p)
{
    if (n == 0)
        return 1;
    double lower = binom_lower(k, n, p), upper = kcb_binom_upper(k, n, p);
    double t = 2 * (lower < upper ? lower : upper);
    return t > 1 ? 1 : t;
}

double kcb_mcnemar(size_t b, size_t c)
{
    return kcb_binom_two_sided(b < c ? b : c, b + c, 0.5);
}

void kcb_percentiles(double *v, size_t n, double level, double *lo, double *hi)
{
    if (n == 0) {
        *lo = *hi = NAN;
        return;
    }
    double a = level > 0 && level < 1 ? level : 0.95;
    gsl_sort(v, 1, n);
    *lo = gsl_stats_quantile_from_sorted_data(v, 1, n, (1 - a) / 2);
    *hi = gsl_stats_quantile_from_sorted_data(v, 1, n, 1 - (1 - a) / 2);
}

int kcb_paired_compare(const unsigned char *a, const unsigned char *b, size_t n, size_t reps,
                       uint64_t seed, double level, struct kcb_paired *out)
{
    size_t ra = 0, rb = 0;
    *out = (struct kcb_paired){.n = n, .acc_a = NAN, .acc_b = NAN, .diff = NAN, .lo = NAN,
                               .hi = NAN, .p = 1};
    for (size_t i = 0; i < n; i++) {
        ra += a[i] != 0;
        rb += b[i] != 0;
        out->b += a[i] && !b[i];
        out->c += !a[i] && b[i];
    }
    out->p = kcb_mcnemar(out->b, out->c);
    if (n == 0)
        return KCB_OK;
    out->acc_a = (double)ra / (double)n;
    out->acc_b = (double)rb / (double)n;
    out->diff = out->acc_b - out->acc_a;
    double *d = malloc((reps ? reps : 1) * sizeof *d);
    if (!d)
        return KCB_ENOMEM;
    struct kcb_rng r;
    kcb_rng_stream(&r, seed, TAG_PAIRED, n, 0);
    for (size_t k = 0; k < reps; k++) {
        long s = 0;
        for (size_t i = 0; i < n; i++) {
            size_t j = (size_t)kcb_rng_below(&r, n);
            s += (b[j] != 0) - (a[j] != 0);
        }
        d[k] = (double)s / (double)n;
    }
    kcb_percentiles(d, reps, level, &out->lo, &out->hi);
    free(d);
    return KCB_OK;
}

/* ---- ranks and Spearman ---- */

int kcb_ranks(const double *x, size_t n, double *rank)
{
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    if (!idx)
        return KCB_ENOMEM;
    gsl_sort_index(idx, x, 1, n); /* not stable, which ties at their mean rank do not need */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && x[idx[j + 1]] == x[idx[i]])
            j++;
        for (size_t k = i; k <= j; k++)
            rank[idx[k]] = (double)(i + j) / 2 + 1;
        i = j + 1;
    }
    free(idx);
    return KCB_OK;
}

/* The Pearson correlation of a and b; NaN when either is constant. */
static double pearson(const double *a, const double *b, size_t n)
{
    double ma = 0, mb = 0, sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < n; i++) {
        ma += a[i];
        mb += b[i];
    }
    ma /= (double)n;
    mb /= (double)n;
    for (size_t i = 0; i < n; i++) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / sqrt(saa * sbb) : (double)NAN;
}

int kcb_spearman(const double *x, const double *y, size_t n, double *rho)
{
    *rho = NAN;
    if (n < 2)
        return KCB_OK;
    double *rx = malloc(2 * n * sizeof *rx);
    if (!rx)
        return KCB_ENOMEM;
    int rc = kcb_ranks(x, n, rx);
    if (!rc)
        rc = kcb_ranks(y, n, rx + n);
    if (!rc)
        *rho = pearson(rx, rx + n, n);
    free(rx);
    return rc;
}

int kcb_spearman_ci(const double *x, const double *y, size_t n, size_t reps, uint64_t seed,
                    double level, double *rho, double *lo, double *hi, size_t *used)
{
    double *bx = malloc((2 * n + reps + 1) * sizeof *bx), *by = bx + n, *v = bx + 2 * n;
    int rc = bx ? kcb_spearman(x, y, n, rho) : KCB_ENOMEM;
    struct kcb_rng r;
    kcb_rng_stream(&r, seed, TAG_SPEARMAN, n, 0);
    *used = 0;
    for (size_t k = 0; !rc && n >= 2 && k < reps; k++) {
        for (size_t i = 0; i < n; i++) {
            size_t j = (size_t)kcb_rng_below(&r, n);
            bx[i] = x[j];
            by[i] = y[j];
        }
        double s;
        if (!(rc = kcb_spearman(bx, by, n, &s)) && !isnan(s))
            v[(*used)++] = s;
    }
    if (!rc)
        kcb_percentiles(v, *used, level, lo, hi);
    free(bx);
    return rc;
}
