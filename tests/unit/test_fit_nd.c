/* Unit tests for the two-dimensional fit L(N, D) = E + A N^-alpha + B D^-beta: known laws recovered, unidentified data said so. */
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

#define NL 9          /* model sizes N = 2^(19 + l), l = 1..9, as cm's levels */
#define NDATA 11      /* data sizes D = 2^(12 + k), k = 0..10: 4 KiB to 4 MiB */
#define NPTS (NL * NDATA)

/* A law to generate points from. */
struct law {
    double E, A, alpha, B, beta;
};

static const struct law typical = {1.6, 40.0, 0.3, 9.0, 0.25};

static double uniform_pm1(uint64_t *state)
{
    return (double)(kcb_test_rand(state) >> 11) * 0x1p-52 - 1.0;
}

/* The product grid of N and D, y = L(N, D) (1 + noise u), u uniform in [-1, 1). */
static void make_grid(const struct law *l, double noise, uint64_t seed, double *N, double *D,
                      double *y)
{
    for (size_t i = 0; i < NL; i++)
        for (size_t k = 0; k < NDATA; k++) {
            size_t j = i * NDATA + k;
            N[j] = ldexp(1.0, 20 + (int)i);
            D[j] = ldexp(1.0, 12 + (int)k);
            y[j] = (l->E + l->A * pow(N[j], -l->alpha) + l->B * pow(D[j], -l->beta)) *
                   (1.0 + noise * uniform_pm1(&seed));
        }
}

static void assert_rel(double got, double want, double rel)
{
    if (!(fabs(got - want) <= rel * fabs(want)))
        print_error("got %.17g, want %.17g (relative tolerance %g)\n", got, want, rel);
    assert_true(fabs(got - want) <= rel * fabs(want));
}

static void assert_within_se(const char *name, double est, double se, double truth, double k)
{
    if (!(isfinite(se) && se > 0 && fabs(est - truth) <= k * se))
        print_error("%s: estimate %.10g, truth %.10g, se %.3g\n", name, est, truth, se);
    assert_true(isfinite(se) && se > 0);
    assert_true(fabs(est - truth) <= k * se);
}

static void fit(const double *N, const double *D, const double *y, size_t n,
                struct kcb_fit_nd *f, double *resid)
{
    assert_int_equal(kcb_fit_nd(N, D, y, n, f, resid), KCB_OK);
    if (f->status != KCB_FIT_OK)
        print_error("status: %s\n", kcb_fit_status_str(f->status));
}

static void test_exact_law_is_recovered(void **state)
{
    (void)state;
    double N[NPTS], D[NPTS], y[NPTS], resid[NPTS];
    struct kcb_fit_nd f;
    make_grid(&typical, 0.0, 1, N, D, y);
    fit(N, D, y, NPTS, &f, resid);
    assert_int_equal(f.status, KCB_FIT_OK);
    assert_int_equal(f.n_used, NPTS);
    assert_rel(f.E, typical.E, 1e-6);
    assert_rel(f.A, typical.A, 1e-5);
    assert_rel(f.alpha, typical.alpha, 1e-6);
    assert_rel(f.B, typical.B, 1e-6);
    assert_rel(f.beta, typical.beta, 1e-6);
    assert_true(f.r2 > 1.0 - 1e-12);
    for (size_t i = 0; i < NPTS; i++)
        assert_true(fabs(resid[i]) < 1e-9);
}

/* ±0.5% noise, several laws and seeds: the truth within 3 standard errors, identified. */
static void test_noisy_laws_within_se(void **state)
{
    (void)state;
    static const struct law laws[] = {{1.6, 40.0, 0.3, 9.0, 0.25}, {2.0, 5.0, 0.15, 20.0, 0.4},
                                      {0.8, 200.0, 0.45, 4.0, 0.2}};
    double N[NPTS], D[NPTS], y[NPTS];
    for (size_t l = 0; l < sizeof laws / sizeof laws[0]; l++)
        for (uint64_t seed = 1; seed <= 3; seed++) {
            struct kcb_fit_nd f;
            make_grid(&laws[l], 0.005, seed, N, D, y);
            fit(N, D, y, NPTS, &f, NULL);
            assert_int_equal(f.status, KCB_FIT_OK);
            assert_within_se("E", f.E, f.E_se, laws[l].E, 4);
            assert_within_se("alpha", f.alpha, f.alpha_se, laws[l].alpha, 4);
            assert_within_se("beta", f.beta, f.beta_se, laws[l].beta, 4);
            assert_within_se("B", f.B, f.B_se, laws[l].B, 4);
            assert_true(f.d_pinned);
            assert_true(f.r_terms < KCB_FIT_CONFOUNDED_R);
        }
}

/* The first law with small noise: every parameter pinned, the law identified. */
static void test_noisy_law_is_identified(void **state)
{
    (void)state;
    double N[NPTS], D[NPTS], y[NPTS];
    struct kcb_fit_nd f;
    make_grid(&typical, 0.002, 7, N, D, y);
    fit(N, D, y, NPTS, &f, NULL);
    assert_int_equal(kcb_fit_nd_identify(&f, 0.0), KCB_FIT_IDENTIFIED);
    assert_true(f.n_pinned && f.d_pinned);
    assert_within_se("A", f.A, f.A_se, typical.A, 4);
}

/* N and D grow together (one D per model size): the two terms cannot be separated. */
static void test_diagonal_grid_is_not_identified(void **state)
{
    (void)state;
    double N[NDATA], D[NDATA], y[NDATA];
    uint64_t seed = 3;
    for (size_t k = 0; k < NDATA; k++) {
        N[k] = ldexp(1.0, 18 + (int)k);
        D[k] = ldexp(1.0, 12 + (int)k);
        y[k] = (1.5 + 30.0 * pow(N[k], -0.3) + 9.0 * pow(D[k], -0.3)) *
               (1.0 + 0.002 * uniform_pm1(&seed));
    }
    struct kcb_fit_nd f;
    fit(N, D, y, NDATA, &f, NULL);
    enum kcb_fit_ident id = kcb_fit_nd_identify(&f, 0.0);
    print_message("diagonal: %s; %s, r_terms %.4f\n", kcb_fit_status_str(f.status),
                  kcb_fit_ident_str(id), f.r_terms);
    assert_int_not_equal(id, KCB_FIT_IDENTIFIED);
    assert_non_null(strstr(kcb_fit_ident_str(id), "not "));
}

/* Data with no N effect at all: the N-term is not pinned, and the law not identified. */
static void test_no_model_size_effect_is_not_identified(void **state)
{
    (void)state;
    struct law flat = {1.6, 0.0, 0.3, 9.0, 0.25};
    double N[NPTS], D[NPTS], y[NPTS];
    struct kcb_fit_nd f;
    make_grid(&flat, 0.002, 5, N, D, y);
    fit(N, D, y, NPTS, &f, NULL);
    enum kcb_fit_ident id = kcb_fit_nd_identify(&f, 0.0);
    print_message("no N effect: %s; %s\n", kcb_fit_status_str(f.status),
                  kcb_fit_ident_str(id));
    assert_int_not_equal(id, KCB_FIT_IDENTIFIED);
    assert_false(f.n_pinned);
    if (f.status == KCB_FIT_OK)
        assert_non_null(strstr(kcb_fit_ident_str(id), "not identified"));
}

/* Too few points, too few distinct N or D, NaN skipped, bad arguments. */
static void test_refusals(void **state)
{
    (void)state;
    double N[NPTS], D[NPTS], y[NPTS], resid[NPTS];
    struct kcb_fit_nd f;
    make_grid(&typical, 0.0, 1, N, D, y);
    fit(N, D, y, 5, &f, NULL);
    assert_int_equal(f.status, KCB_FIT_TOO_FEW);
    assert_true(isnan(f.E) && isnan(f.B_se));
    fit(N, D, y, NDATA, &f, NULL); /* the first model size only */
    assert_int_equal(f.status, KCB_FIT_DEGENERATE);
    assert_int_equal(kcb_fit_nd_identify(&f, 0.0), KCB_FIT_UNFITTED);
    y[3] = (double)NAN;
    D[5] = 0;
    N[7] = -1;
    fit(N, D, y, NPTS, &f, resid);
    assert_int_equal(f.status, KCB_FIT_OK);
    assert_int_equal(f.n_used, NPTS - 3);
    assert_true(isnan(resid[3]) && isnan(resid[5]) && isnan(resid[7]));
    assert_rel(f.beta, typical.beta, 1e-6);
    for (size_t i = 0; i < NPTS; i++) /* rising with D: no law with B > 0 */
        y[i] = 1.0 + 1e-3 * log(isfinite(D[i]) && D[i] > 0 ? D[i] : 1.0);
    fit(N, D, y, NPTS, &f, NULL);
    assert_int_equal(f.status, KCB_FIT_NOT_DECREASING);
    assert_int_equal(kcb_fit_nd(NULL, D, y, NPTS, &f, NULL), KCB_EINVAL);
    assert_int_equal(kcb_fit_nd(N, D, y, 0, &f, NULL), KCB_EINVAL);
    assert_int_equal(f.status, KCB_FIT_TOO_FEW);
}

/* The identification rule, on made-up fits. */
static void test_identify_rules(void **state)
{
    (void)state;
    struct kcb_fit_nd f = {.E = 1.5, .A = 30, .alpha = 0.3, .B = 9, .beta = 0.25, .E_se = 0.1,
                           .A_se = 5, .alpha_se = 0.02, .B_se = 1, .beta_se = 0.01,
                           .r_terms = 0.5, .status = KCB_FIT_OK};
    assert_int_equal(kcb_fit_nd_identify(&f, 0.0), KCB_FIT_IDENTIFIED);
    f.r_terms = 0.995;
    assert_int_equal(kcb_fit_nd_identify(&f, 0.0), KCB_FIT_CONFOUNDED);
    assert_non_null(strstr(kcb_fit_ident_str(KCB_FIT_CONFOUNDED), "cannot be separated"));
    f.r_terms = 0.5;
    f.A_se = 31;
    assert_int_equal(kcb_fit_nd_identify(&f, 0.0), KCB_FIT_SE_LARGE);
    assert_false(f.n_pinned);
    assert_true(f.d_pinned);
    f.E = -0.2;
    assert_int_equal(kcb_fit_nd_identify(&f, 0.0), KCB_FIT_FLOOR_IMPOSSIBLE);
    assert_int_equal(kcb_fit_nd_identify(&f, -1.0), KCB_FIT_SE_LARGE);
    f.beta_se = (double)NAN;
    assert_int_equal(kcb_fit_nd_identify(&f, -1.0), KCB_FIT_SE_UNKNOWN);
    assert_false(f.d_pinned);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_law_is_recovered),
        cmocka_unit_test(test_noisy_laws_within_se),
        cmocka_unit_test(test_noisy_law_is_identified),
        cmocka_unit_test(test_diagonal_grid_is_not_identified),
        cmocka_unit_test(test_no_model_size_effect_is_not_identified),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_identify_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
