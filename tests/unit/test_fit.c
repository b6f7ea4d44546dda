/* Unit tests for the scaling-law fits: known laws recovered, skipped points counted, bad input refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/fit.h"
#include "kcb_test.h"

#define NPTS 17       /* x = 2^k for k = 4..20 */
#define EXACT 1e-6    /* relative tolerance on exact data */

static void assert_rel(double got, double want, double rel)
{
    if (!(fabs(got - want) <= rel * fabs(want)))
        print_error("got %.17g, want %.17g (relative tolerance %g)\n", got, want, rel);
    assert_true(fabs(got - want) <= rel * fabs(want));
}

static void assert_abs(double got, double want, double eps)
{
    if (!kcb_test_near(got, want, eps))
        print_error("got %.17g, want %.17g (tolerance %g)\n", got, want, eps);
    assert_true(kcb_test_near(got, want, eps));
}

/* Whether truth lies within k standard errors of the estimate (se finite and positive). */
static void assert_within_se(double est, double se, double truth, double k)
{
    assert_true(isfinite(se) && se > 0);
    if (!(fabs(est - truth) <= k * se))
        print_error("estimate %.10g, truth %.10g, se %.3g: %.2f se apart\n", est, truth, se,
                    fabs(est - truth) / se);
    assert_true(fabs(est - truth) <= k * se);
}

/* A uniform number in [-1, 1) from the shared fixed-seed generator. */
static double uniform_pm1(uint64_t *state)
{
    return (double)(kcb_test_rand(state) >> 11) * 0x1p-52 - 1.0;
}

/* Fills x = 2^(k+4) and y = (E + A x^-alpha)(1 + noise u), u uniform in [-1, 1). */
static void make_law(double *x, double *y, size_t n, double E, double A, double alpha,
                     double noise, uint64_t seed)
{
    for (size_t k = 0; k < n; k++) {
        x[k] = ldexp(1.0, (int)k + 4);
        y[k] = (E + A * pow(x[k], -alpha)) * (1.0 + noise * uniform_pm1(&seed));
    }
}

static void assert_power_unfitted(const struct kcb_fit_power *f)
{
    assert_true(isnan(f->E) && isnan(f->A) && isnan(f->alpha));
    assert_true(isnan(f->E_se) && isnan(f->A_se) && isnan(f->alpha_se));
    assert_true(isnan(f->rss) && isnan(f->r2));
    assert_int_equal(f->iterations, 0);
}

static void assert_line_unfitted(const struct kcb_fit_line *f)
{
    assert_true(isnan(f->slope) && isnan(f->intercept));
    assert_true(isnan(f->slope_se) && isnan(f->intercept_se) && isnan(f->r2));
}

/* Fits the power law to x, y and checks the status and the number of points used. */
static void fit_power(const double *x, const double *y, size_t n, enum kcb_fit_status want,
                      size_t n_used, struct kcb_fit_power *f, double *resid)
{
    assert_int_equal(kcb_fit_power_const(x, y, n, f, resid), KCB_OK);
    if (f->status != want)
        print_error("status: %s\n", kcb_fit_status_str(f->status));
    assert_int_equal(f->status, want);
    assert_int_equal(f->n_used, n_used);
    if (want != KCB_FIT_OK)
        assert_power_unfitted(f);
}

/* ---- status sentences ---- */

static void test_status_strings_are_distinct_sentences(void **state)
{
    (void)state;
    static const enum kcb_fit_status all[] = {KCB_FIT_OK, KCB_FIT_TOO_FEW, KCB_FIT_DEGENERATE,
                                              KCB_FIT_NOT_DECREASING, KCB_FIT_NO_CONVERGENCE};
    size_t n = sizeof all / sizeof all[0];
    for (size_t i = 0; i < n; i++) {
        const char *s = kcb_fit_status_str(all[i]);
        assert_non_null(s);
        assert_true(strlen(s) > 5);
        if (all[i] != KCB_FIT_OK)
            assert_non_null(strstr(s, "not fitted"));
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(s, kcb_fit_status_str(all[j]));
    }
    assert_non_null(strstr(kcb_fit_status_str(KCB_FIT_TOO_FEW), "too few"));
}

/* ---- the power law above a floor ---- */

static void test_power_exact_recovers_law(void **state)
{
    (void)state;
    double x[NPTS], y[NPTS], resid[NPTS];
    struct kcb_fit_power f;
    make_law(x, y, NPTS, 1.2, 5.0, 0.35, 0.0, 1);
    fit_power(x, y, NPTS, KCB_FIT_OK, NPTS, &f, resid);
    assert_rel(f.E, 1.2, EXACT);
    assert_rel(f.A, 5.0, EXACT);
    assert_rel(f.alpha, 0.35, EXACT);
    assert_abs(f.r2, 1.0, 1e-12);
    assert_true(f.rss < 1e-20);
    assert_true(isfinite(f.E_se) && isfinite(f.A_se) && isfinite(f.alpha_se));
    assert_true(f.iterations > 0 && f.iterations <= 500);
    for (size_t i = 0; i < NPTS; i++)
        assert_abs(resid[i], 0.0, 1e-10);
}

/* ±1% multiplicative noise: a few per cent on each parameter, truth within 3 standard errors. */
static void test_power_noisy_recovers_law_within_se(void **state)
{
    (void)state;
    double x[NPTS], y[NPTS];
    struct kcb_fit_power f;
    make_law(x, y, NPTS, 1.2, 5.0, 0.35, 0.01, 42);
    fit_power(x, y, NPTS, KCB_FIT_OK, NPTS, &f, NULL);
    assert_rel(f.E, 1.2, 0.02);
    assert_rel(f.A, 5.0, 0.05);
    assert_rel(f.alpha, 0.35, 0.05);
    assert_within_se(f.E, f.E_se, 1.2, 3.0);
    assert_within_se(f.A, f.A_se, 5.0, 3.0);
    assert_within_se(f.alpha, f.alpha_se, 0.35, 3.0);
    assert_true(f.r2 > 0.99 && f.r2 < 1.0);
}

/*
 * Coverage over 40 noise seeds: the truth should lie within 2 standard errors about 95% of
 * the time; the linearised errors are approximate (this data gives 92%, 80%, 88% for E, A,
 * alpha), so at least 75% is required of each.
 */
static void test_power_noisy_se_cover_truth_across_seeds(void **state)
{
    (void)state;
    double x[NPTS], y[NPTS];
    struct kcb_fit_power f;
    int covered[3] = {0, 0, 0}, seeds = 40;
    for (uint64_t seed = 100; seed < 100 + (uint64_t)seeds; seed++) {
        make_law(x, y, NPTS, 1.2, 5.0, 0.35, 0.01, seed);
        fit_power(x, y, NPTS, KCB_FIT_OK, NPTS, &f, NULL);
        assert_true(f.E_se > 0 && f.A_se > 0 && f.alpha_se > 0);
        covered[0] += fabs(f.E - 1.2) <= 2 * f.E_se;
        covered[1] += fabs(f.A - 5.0) <= 2 * f.A_se;
        covered[2] += fabs(f.alpha - 0.35) <= 2 * f.alpha_se;
    }
    for (int k = 0; k < 3; k++) {
        if (4 * covered[k] < 3 * seeds)
            print_error("parameter %d: truth within 2 se for %d of %d seeds\n", k, covered[k], seeds);
        assert_true(4 * covered[k] >= 3 * seeds);
    }
}

static void test_power_pure_power_law_has_zero_floor(void **state)
{
    (void)state;
    double x[NPTS], y[NPTS];
    struct kcb_fit_power f;
    make_law(x, y, NPTS, 0.0, 2.0, 0.7, 0.0, 1);
    fit_power(x, y, NPTS, KCB_FIT_OK, NPTS, &f, NULL);
    assert_abs(f.E, 0.0, 1e-9); /* y runs from 2^-1.8 down to 2^-13: a floor of 0 to 1e-9 */
    assert_rel(f.A, 2.0, EXACT);
    assert_rel(f.alpha, 0.7, EXACT);
}

/* Exponents and floors over the range seen in practice, including a negative floor. */
static void test_power_recovers_many_laws(void **state)
{
    (void)state;
    static const double law[][3] = {
        {1.2, 5.0, 0.05}, {1.2, 5.0, 1.0}, {0.01, 100.0, 2.5}, {8.0, 0.5, 0.2},
        {-3.0, 40.0, 0.5}, {1e6, 3e7, 0.3}, {2e-3, 1e-2, 0.15},
    };
    double x[NPTS], y[NPTS];
    struct kcb_fit_power f;
    for (size_t k = 0; k < sizeof law / sizeof law[0]; k++) {
        make_law(x, y, NPTS, law[k][0], law[k][1], law[k][2], 0.0, 1);
        fit_power(x, y, NPTS, KCB_FIT_OK, NPTS, &f, NULL);
        assert_rel(f.E, law[k][0], 1e-5);
        assert_rel(f.A, law[k][1], 1e-5);
        assert_rel(f.alpha, law[k][2], 1e-5);
    }
}

/* Sizes in bytes from 1 kB to 1 GB and bits per byte near 2: the units kcbench fits in. */
static void test_power_large_x(void **state)
{
    (void)state;
    double x[13], y[13];
    struct kcb_fit_power f;
    for (size_t k = 0; k < 13; k++) {
        x[k] = 1e3 * pow(10.0, 0.5 * (double)k);
        y[k] = 1.9 + 6.0 * pow(x[k], -0.12);
    }
    fit_power(x, y, 13, KCB_FIT_OK, 13, &f, NULL);
    assert_rel(f.E, 1.9, 1e-5);
    assert_rel(f.A, 6.0, 1e-5);
    assert_rel(f.alpha, 0.12, 1e-5);
}

/* Skipped points get NaN residuals; the others are y - fit and their squares sum to rss. */
static void test_power_residuals_sum_to_rss(void **state)
{
    (void)state;
    double x[NPTS + 3], y[NPTS + 3], resid[NPTS + 3];
    struct kcb_fit_power f;
    make_law(x, y, NPTS, 1.2, 5.0, 0.35, 0.01, 7);
    x[NPTS] = -4.0, y[NPTS] = 1.0;               /* negative x */
    x[NPTS + 1] = 0.0, y[NPTS + 1] = 1.0;        /* zero x */
    x[NPTS + 2] = 64.0, y[NPTS + 2] = (double)NAN;
    fit_power(x, y, NPTS + 3, KCB_FIT_OK, NPTS, &f, resid);
    double ss = 0;
    for (size_t i = 0; i < NPTS; i++) {
        assert_abs(resid[i], y[i] - (f.E + f.A * pow(x[i], -f.alpha)), 1e-12);
        ss += resid[i] * resid[i];
    }
    for (size_t i = NPTS; i < NPTS + 3; i++)
        assert_true(isnan(resid[i]));
    assert_true(f.rss > 0);
    assert_rel(ss, f.rss, 1e-12);
    double mean = 0, tss = 0;
    for (size_t i = 0; i < NPTS; i++)
        mean += y[i] / NPTS;
    for (size_t i = 0; i < NPTS; i++)
        tss += (y[i] - mean) * (y[i] - mean);
    assert_rel(f.r2, 1.0 - ss / tss, 1e-12);
}

/* Returns the inverse of the symmetric 3x3 matrix m (by cofactors) in inv. */
static void inverse3(const double m[3][3], double inv[3][3])
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1 = (i + 2) % 3;
            inv[i][j] = m[r0][c0] * m[r1][c1] - m[r0][c1] * m[r1][c0];
        }
    double det = m[0][0] * inv[0][0] + m[0][1] * inv[1][0] + m[0][2] * inv[2][0];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            inv[i][j] /= det;
}

/*
 * The standard errors, computed here directly in (E, A, alpha): sqrt of the diagonal of
 * (J^T J)^-1 rss / (n - 3). The library fits other parameters and carries its covariance
 * over by the delta method; at the optimum both must agree.
 */
static void test_power_se_match_direct_covariance(void **state)
{
    (void)state;
    double x[NPTS], y[NPTS], jtj[3][3] = {{0}}, cov[3][3];
    struct kcb_fit_power f;
    make_law(x, y, NPTS, 1.2, 5.0, 0.35, 0.01, 42);
    fit_power(x, y, NPTS, KCB_FIT_OK, NPTS, &f, NULL);
    for (size_t i = 0; i < NPTS; i++) {
        double t = pow(x[i], -f.alpha), g[3] = {1.0, t, -f.A * t * log(x[i])};
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
                jtj[a][b] += g[a] * g[b];
    }
    inverse3(jtj, cov);
    double s2 = f.rss / (NPTS - 3);
    assert_rel(f.E_se, sqrt(cov[0][0] * s2), 1e-6);
    assert_rel(f.A_se, sqrt(cov[1][1] * s2), 1e-6);
    assert_rel(f.alpha_se, sqrt(cov[2][2] * s2), 1e-6);
}

static void test_power_too_few_points(void **state)
{
    (void)state;
    double x[NPTS], y[NPTS], resid[3] = {0, 0, 0};
    struct kcb_fit_power f;
    make_law(x, y, NPTS, 1.2, 5.0, 0.35, 0.0, 1);
    fit_power(x, y, 2, KCB_FIT_TOO_FEW, 2, &f, NULL);
    fit_power(x, y, 3, KCB_FIT_TOO_FEW, 3, &f, resid);
    for (size_t i = 0; i < 3; i++)
        assert_true(isnan(resid[i]));
    fit_power(x, y, 4, KCB_FIT_OK, 4, &f, NULL); /* four exact points suffice */
    assert_rel(f.alpha, 0.35, EXACT);
}

static void test_power_nan_inf_zero_and_negative_x_are_skipped(void **state)
{
    (void)state;
    double nan[6], x[6] = {0.0, -1.0, -8.0, (double)INFINITY, 16.0, 32.0};
    double y[6] = {1, 1, 1, 1, (double)INFINITY, (double)-INFINITY};
    struct kcb_fit_power f;
    for (size_t i = 0; i < 6; i++)
        nan[i] = (double)NAN;
    fit_power(nan, nan, 6, KCB_FIT_TOO_FEW, 0, &f, NULL);
    fit_power(x, y, 6, KCB_FIT_TOO_FEW, 0, &f, NULL);
}

static void test_power_degenerate_data(void **state)
{
    (void)state;
    double x[8], y[8], flat[8], same_x[8], two_x[8];
    struct kcb_fit_power f;
    make_law(x, y, 8, 1.2, 5.0, 0.35, 0.0, 1);
    for (size_t i = 0; i < 8; i++) {
        flat[i] = 2.5;
        same_x[i] = 100.0;
        two_x[i] = i % 2 ? 10.0 : 1000.0;
    }
    fit_power(x, flat, 8, KCB_FIT_DEGENERATE, 8, &f, NULL);
    fit_power(same_x, y, 8, KCB_FIT_DEGENERATE, 8, &f, NULL);
    fit_power(two_x, y, 8, KCB_FIT_DEGENERATE, 8, &f, NULL); /* 3 parameters, 2 distinct x */
}

/* A rising curve has no power law with A > 0, alpha > 0: said so, not fitted with alpha < 0. */
static void test_power_increasing_curve_is_refused(void **state)
{
    (void)state;
    double x[NPTS], y[NPTS];
    struct kcb_fit_power f;
    for (size_t k = 0; k < NPTS; k++) {
        x[k] = ldexp(1.0, (int)k + 4);
        y[k] = 1.0 + 0.5 * pow(x[k], 0.3);
    }
    fit_power(x, y, NPTS, KCB_FIT_NOT_DECREASING, NPTS, &f, NULL);
}

/*
 * Two limits of the family that no finite parameters reach: a logarithmic decline
 * (alpha -> 0, E -> -inf) and a single step (alpha -> inf). Reported, not fitted.
 */
static void test_power_limits_of_the_family_do_not_converge(void **state)
{
    (void)state;
    double x[NPTS], loglin[NPTS], step[NPTS];
    struct kcb_fit_power f;
    for (size_t k = 0; k < NPTS; k++) {
        x[k] = ldexp(1.0, (int)k + 4);
        loglin[k] = 10.0 - 0.3 * log(x[k]);
        step[k] = k == 0 ? 5.0 : 1.0;
    }
    fit_power(x, loglin, NPTS, KCB_FIT_NO_CONVERGENCE, NPTS, &f, NULL);
    fit_power(x, step, NPTS, KCB_FIT_NO_CONVERGENCE, NPTS, &f, NULL);
}

static void test_power_invalid_arguments(void **state)
{
    (void)state;
    double x[4] = {1, 2, 3, 4}, y[4] = {4, 3, 2, 1}, resid[4] = {0, 0, 0, 0};
    struct kcb_fit_power f;
    f.E = 1.0;
    assert_int_equal(kcb_fit_power_const(x, y, 0, &f, NULL), KCB_EINVAL);
    assert_int_equal(f.status, KCB_FIT_TOO_FEW);
    assert_power_unfitted(&f);
    f.E = 1.0;
    assert_int_equal(kcb_fit_power_const(NULL, y, 4, &f, resid), KCB_EINVAL);
    assert_power_unfitted(&f);
    assert_true(isnan(resid[0]) && isnan(resid[3]));
    assert_int_equal(kcb_fit_power_const(x, NULL, 4, &f, NULL), KCB_EINVAL);
    assert_int_equal(kcb_fit_power_const(x, y, 4, NULL, NULL), KCB_EINVAL);
}

/* ---- the straight line in log-log ---- */

static void test_loglog_exact_line(void **state)
{
    (void)state;
    double x[NPTS], y[NPTS];
    struct kcb_fit_line f;
    make_law(x, y, NPTS, 0.0, 3.0, 0.5, 0.0, 1);
    assert_int_equal(kcb_fit_loglog(x, y, NPTS, &f), KCB_OK);
    assert_int_equal(f.status, KCB_FIT_OK);
    assert_int_equal(f.n_used, NPTS);
    assert_abs(f.slope, -0.5, 1e-12);
    assert_abs(f.intercept, log10(3.0), 1e-12);
    assert_abs(f.r2, 1.0, 1e-12);
    assert_abs(f.slope_se, 0.0, 1e-12);
}

static void test_loglog_skips_nan_and_zero(void **state)
{
    (void)state;
    double x[NPTS + 2], y[NPTS + 2];
    struct kcb_fit_line f;
    make_law(x, y, NPTS, 0.0, 3.0, 0.5, 0.0, 1);
    x[NPTS] = 8.0, y[NPTS] = (double)NAN;
    x[NPTS + 1] = 8.0, y[NPTS + 1] = 0.0;
    assert_int_equal(kcb_fit_loglog(x, y, NPTS + 2, &f), KCB_OK);
    assert_int_equal(f.status, KCB_FIT_OK);
    assert_int_equal(f.n_used, NPTS);
    assert_abs(f.slope, -0.5, 1e-12);
    assert_abs(f.r2, 1.0, 1e-12);
}

/* ±1% noise: slope close to the truth, which lies within 3 standard errors. */
static void test_loglog_noisy_slope_within_se(void **state)
{
    (void)state;
    double x[NPTS], y[NPTS];
    struct kcb_fit_line f;
    make_law(x, y, NPTS, 0.0, 3.0, 0.5, 0.01, 9);
    assert_int_equal(kcb_fit_loglog(x, y, NPTS, &f), KCB_OK);
    assert_int_equal(f.status, KCB_FIT_OK);
    assert_abs(f.slope, -0.5, 0.01);
    double mx = 0, sxx = 0, ss = 0;
    for (size_t i = 0; i < NPTS; i++)
        mx += log10(x[i]) / NPTS;
    for (size_t i = 0; i < NPTS; i++) {
        double e = log10(y[i]) - (f.intercept + f.slope * log10(x[i]));
        sxx += (log10(x[i]) - mx) * (log10(x[i]) - mx);
        ss += e * e;
    }
    assert_rel(f.slope_se, sqrt(ss / (NPTS - 2) / sxx), 1e-9);
    assert_within_se(f.slope, f.slope_se, -0.5, 3.0);
    assert_within_se(f.intercept, f.intercept_se, log10(3.0), 3.0);
    assert_true(f.r2 > 0.99 && f.r2 < 1.0);
}

/* Two points make a line but no error estimate. */
static void test_loglog_two_points(void **state)
{
    (void)state;
    double x[2] = {10, 1000}, y[2] = {1, 0.01};
    struct kcb_fit_line f;
    assert_int_equal(kcb_fit_loglog(x, y, 2, &f), KCB_OK);
    assert_int_equal(f.status, KCB_FIT_OK);
    assert_abs(f.slope, -1.0, 1e-12);
    assert_abs(f.intercept, 1.0, 1e-12);
    assert_true(isnan(f.slope_se) && isnan(f.intercept_se));
}

static void test_loglog_degenerate(void **state)
{
    (void)state;
    static const double x[4] = {1, 2, 4, 8}, same[4] = {5, 5, 5, 5}, y[4] = {4, 3, 2, 1};
    static const double bad[4] = {(double)NAN, 0.0, -2.0, (double)INFINITY};
    struct kcb_fit_line f;
    static const struct {
        const double *x, *y;
        size_t n, n_used;
        enum kcb_fit_status want;
    } cases[] = {
        {x, y, 1, 1, KCB_FIT_TOO_FEW},    {x, bad, 4, 0, KCB_FIT_TOO_FEW},
        {bad, y, 4, 0, KCB_FIT_TOO_FEW},  {same, y, 4, 4, KCB_FIT_DEGENERATE},
        {x, same, 4, 4, KCB_FIT_DEGENERATE},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        assert_int_equal(kcb_fit_loglog(cases[k].x, cases[k].y, cases[k].n, &f), KCB_OK);
        assert_int_equal(f.status, cases[k].want);
        assert_int_equal(f.n_used, cases[k].n_used);
        assert_line_unfitted(&f);
    }
}

static void test_loglog_invalid_arguments(void **state)
{
    (void)state;
    double x[2] = {1, 2}, y[2] = {2, 1};
    struct kcb_fit_line f;
    f.slope = 1.0;
    assert_int_equal(kcb_fit_loglog(x, y, 0, &f), KCB_EINVAL);
    assert_line_unfitted(&f);
    assert_int_equal(kcb_fit_loglog(NULL, y, 2, &f), KCB_EINVAL);
    assert_int_equal(kcb_fit_loglog(x, NULL, 2, &f), KCB_EINVAL);
    assert_int_equal(kcb_fit_loglog(x, y, 2, NULL), KCB_EINVAL);
}

/* ---- identification ---- */

/* A noisy law with its floor well inside the data's reach is identified; the same fit read
 * with a floor the data cannot have (least above E) is not; a fit not made has nothing. */
static void test_ident_of_fits(void **state)
{
    (void)state;
    double x[NPTS], y[NPTS];
    struct kcb_fit_power f;
    make_law(x, y, NPTS, 1.2, 5.0, 0.35, 0.01, 7);
    fit_power(x, y, NPTS, KCB_FIT_OK, NPTS, &f, NULL);
    assert_int_equal(f.ident, KCB_FIT_IDENTIFIED);
    assert_int_equal(kcb_fit_power_identify(&f, 0.0), KCB_FIT_IDENTIFIED);
    assert_int_equal(kcb_fit_power_identify(&f, 2.0), KCB_FIT_FLOOR_IMPOSSIBLE);
    assert_int_equal(f.ident, KCB_FIT_FLOOR_IMPOSSIBLE);
    fit_power(x, y, 3, KCB_FIT_TOO_FEW, 3, &f, NULL);
    assert_int_equal(f.ident, KCB_FIT_UNFITTED);
    assert_int_equal(kcb_fit_power_identify(&f, 0.0), KCB_FIT_UNFITTED);
}

/* The rules on made-up results: E = -45 ± 436 (the case that prompted them) is not
 * identified either way; a NaN standard error is unknown; se equal to |estimate| is large. */
static void test_ident_rules(void **state)
{
    (void)state;
    struct kcb_fit_power f = {.E = -45.3, .A = 50.9, .alpha = 0.0054, .E_se = 436.4,
                              .A_se = 440.0, .alpha_se = 0.049, .status = KCB_FIT_OK};
    assert_int_equal(kcb_fit_power_identify(&f, -(double)INFINITY), KCB_FIT_SE_LARGE);
    assert_int_equal(kcb_fit_power_identify(&f, 0.0), KCB_FIT_FLOOR_IMPOSSIBLE);
    f = (struct kcb_fit_power){.E = 2.0, .A = 4.0, .alpha = 0.2, .E_se = 0.1, .A_se = 0.5,
                               .alpha_se = 0.05, .status = KCB_FIT_OK};
    assert_int_equal(kcb_fit_power_identify(&f, 0.0), KCB_FIT_IDENTIFIED);
    f.alpha_se = 0.2;
    assert_int_equal(kcb_fit_power_identify(&f, 0.0), KCB_FIT_SE_LARGE);
    f.alpha_se = (double)NAN;
    assert_int_equal(kcb_fit_power_identify(&f, 0.0), KCB_FIT_SE_UNKNOWN);
    f.alpha_se = 0.05;
    f.E = -0.01;
    f.E_se = 0.001;
    assert_int_equal(kcb_fit_power_identify(&f, 0.0), KCB_FIT_FLOOR_IMPOSSIBLE);
    assert_int_equal(kcb_fit_power_identify(&f, -1.0), KCB_FIT_IDENTIFIED);
    static const enum kcb_fit_ident all[] = {KCB_FIT_IDENTIFIED, KCB_FIT_UNFITTED,
                                             KCB_FIT_FLOOR_IMPOSSIBLE, KCB_FIT_SE_UNKNOWN,
                                             KCB_FIT_SE_LARGE};
    for (size_t i = 0; i < 5; i++) {
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(kcb_fit_ident_str(all[i]), kcb_fit_ident_str(all[j]));
        if (i >= 2)
            assert_non_null(strstr(kcb_fit_ident_str(all[i]), "not identified"));
    }
}

/* A line's slope is identified when its standard error is finite and below |slope|. */
static void test_ident_line(void **state)
{
    (void)state;
    struct kcb_fit_line l = {.slope = -0.07, .slope_se = 0.002, .status = KCB_FIT_OK};
    assert_true(kcb_fit_line_identified(&l));
    l.slope_se = 0.07;
    assert_false(kcb_fit_line_identified(&l));
    l.slope_se = (double)NAN; /* two points */
    assert_false(kcb_fit_line_identified(&l));
    l.slope_se = 0.002;
    l.status = KCB_FIT_TOO_FEW;
    assert_false(kcb_fit_line_identified(&l));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_strings_are_distinct_sentences),
        cmocka_unit_test(test_power_exact_recovers_law),
        cmocka_unit_test(test_power_noisy_recovers_law_within_se),
        cmocka_unit_test(test_power_noisy_se_cover_truth_across_seeds),
        cmocka_unit_test(test_power_pure_power_law_has_zero_floor),
        cmocka_unit_test(test_power_recovers_many_laws),
        cmocka_unit_test(test_power_large_x),
        cmocka_unit_test(test_power_residuals_sum_to_rss),
        cmocka_unit_test(test_power_se_match_direct_covariance),
        cmocka_unit_test(test_power_too_few_points),
        cmocka_unit_test(test_power_nan_inf_zero_and_negative_x_are_skipped),
        cmocka_unit_test(test_power_degenerate_data),
        cmocka_unit_test(test_power_increasing_curve_is_refused),
        cmocka_unit_test(test_power_limits_of_the_family_do_not_converge),
        cmocka_unit_test(test_power_invalid_arguments),
        cmocka_unit_test(test_loglog_exact_line),
        cmocka_unit_test(test_loglog_skips_nan_and_zero),
        cmocka_unit_test(test_loglog_noisy_slope_within_se),
        cmocka_unit_test(test_loglog_two_points),
        cmocka_unit_test(test_loglog_degenerate),
        cmocka_unit_test(test_loglog_invalid_arguments),
        cmocka_unit_test(test_ident_of_fits),
        cmocka_unit_test(test_ident_rules),
        cmocka_unit_test(test_ident_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
