/* Unit tests for the statistics: Wilson, binomial tails, McNemar, ranks, Spearman, bootstraps. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/stats.h"
#include "kcb_test.h"

static void test_wilson(void **state)
{
    (void)state;
    double lo, hi;
    kcb_wilson(5, 10, 0.95, &lo, &hi); /* the textbook value: [0.2366, 0.7634] */
    assert_true(kcb_test_near(lo, 0.2366, 1e-4));
    assert_true(kcb_test_near(hi, 0.7634, 1e-4));
    kcb_wilson(0, 10, 0.95, &lo, &hi);
    assert_true(lo == 0 && kcb_test_near(hi, 0.2775, 1e-4));
    kcb_wilson(10, 10, 0.95, &lo, &hi);
    assert_true(hi == 1 && kcb_test_near(lo, 0.7225, 1e-4));
    kcb_wilson(0, 0, 0.95, &lo, &hi);
    assert_true(isnan(lo) && isnan(hi));
    kcb_wilson(50, 100, 0.99, &lo, &hi); /* wider at 99 % than at 95 % */
    double lo95, hi95;
    kcb_wilson(50, 100, 0.95, &lo95, &hi95);
    assert_true(lo < lo95 && hi > hi95);
}

static void test_binomial(void **state)
{
    (void)state;
    assert_true(kcb_binom_upper(0, 10, 0.5) == 1);
    assert_true(kcb_test_near(kcb_binom_upper(8, 10, 0.5), 56.0 / 1024, 1e-12));
    assert_true(kcb_binom_upper(11, 10, 0.5) == 0);
    assert_true(kcb_test_near(kcb_binom_upper(1, 500, 1.0 / 256), 1 - pow(255.0 / 256, 500),
                              1e-12));
    assert_true(kcb_binom_two_sided(5, 10, 0.5) == 1);
    assert_true(kcb_test_near(kcb_binom_two_sided(0, 10, 0.5), 2.0 / 1024, 1e-12));
    assert_true(kcb_test_near(kcb_binom_two_sided(10, 10, 0.5), 2.0 / 1024, 1e-12));
    assert_true(kcb_binom_two_sided(3, 0, 0.5) == 1);
    assert_true(kcb_binom_two_sided(64, 64, 0.125) < 1e-50);
}

static void test_mcnemar(void **state)
{
    (void)state;
    assert_true(kcb_mcnemar(0, 0) == 1);
    assert_true(kcb_test_near(kcb_mcnemar(0, 10), 2.0 / 1024, 1e-12));
    assert_true(kcb_mcnemar(3, 7) == kcb_mcnemar(7, 3));
    /* b = 3, c = 7: twice P(X <= 3) for X ~ Bin(10, 1/2) = 2 * 176 / 1024 */
    assert_true(kcb_test_near(kcb_mcnemar(3, 7), 352.0 / 1024, 1e-12));
}

static void test_paired(void **state)
{
    (void)state;
    enum { N = 40 };
    unsigned char a[N], b[N];
    struct kcb_paired p, q;
    memset(a, 1, N);
    memset(b, 0, N);
    assert_int_equal(kcb_paired_compare(a, b, N, 500, 7, 0.95, &p), KCB_OK);
    assert_true(p.diff == -1 && p.lo == -1 && p.hi == -1);
    assert_int_equal(p.b, N);
    assert_int_equal(p.c, 0);
    assert_true(p.p < 1e-10);
    assert_int_equal(kcb_paired_compare(a, a, N, 500, 7, 0.95, &p), KCB_OK);
    assert_true(p.diff == 0 && p.lo == 0 && p.hi == 0 && p.p == 1);
    for (int i = 0; i < N; i++) { /* b right on 30, a on 20, 15 in common */
        a[i] = i < 20;
        b[i] = i >= 5 && i < 35;
    }
    assert_int_equal(kcb_paired_compare(a, b, N, 2000, 7, 0.95, &p), KCB_OK);
    assert_true(kcb_test_near(p.acc_a, 0.5, 1e-12) && kcb_test_near(p.acc_b, 0.75, 1e-12));
    assert_true(kcb_test_near(p.diff, 0.25, 1e-12));
    assert_int_equal(p.b, 5);
    assert_int_equal(p.c, 15);
    assert_true(p.lo < p.diff && p.diff < p.hi && p.lo > 0);
    assert_true(kcb_test_near(p.p, kcb_mcnemar(5, 15), 1e-15));
    assert_int_equal(kcb_paired_compare(a, b, N, 2000, 7, 0.95, &q), KCB_OK); /* seeded */
    assert_true(p.lo == q.lo && p.hi == q.hi);
    assert_int_equal(kcb_paired_compare(a, b, 0, 100, 7, 0.95, &p), KCB_OK);
    assert_true(isnan(p.diff) && isnan(p.lo) && p.p == 1);
}

static void test_ranks_spearman(void **state)
{
    (void)state;
    const double x[] = {10, 20, 20, 30}, up[] = {1, 2, 3, 4}, down[] = {4, 3, 2, 1};
    const double flat[] = {5, 5, 5, 5};
    double r[4], rho;
    assert_int_equal(kcb_ranks(x, 4, r), KCB_OK);
    assert_true(r[0] == 1 && r[1] == 2.5 && r[2] == 2.5 && r[3] == 4);
    assert_int_equal(kcb_spearman(up, up, 4, &rho), KCB_OK);
    assert_true(kcb_test_near(rho, 1, 1e-12));
    assert_int_equal(kcb_spearman(up, down, 4, &rho), KCB_OK);
    assert_true(kcb_test_near(rho, -1, 1e-12));
    assert_int_equal(kcb_spearman(up, flat, 4, &rho), KCB_OK);
    assert_true(isnan(rho));
    assert_int_equal(kcb_spearman(up, up, 1, &rho), KCB_OK);
    assert_true(isnan(rho));
    /* with ties: ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): r = 4.5 / sqrt(4.5 * 5) */
    assert_int_equal(kcb_spearman(x, up, 4, &rho), KCB_OK);
    assert_true(kcb_test_near(rho, 4.5 / sqrt(4.5 * 5), 1e-12));
}

static void test_spearman_ci(void **state)
{
    (void)state;
    double x[12], y[12], rho, lo, hi, rho2, lo2, hi2;
    size_t used, used2;
    for (int i = 0; i < 12; i++) {
        x[i] = i;
        y[i] = -2.0 * i;
    }
    assert_int_equal(kcb_spearman_ci(x, y, 12, 1000, 3, 0.95, &rho, &lo, &hi, &used), KCB_OK);
    assert_true(kcb_test_near(rho, -1, 1e-12) && kcb_test_near(lo, -1, 1e-12) &&
                kcb_test_near(hi, -1, 1e-12));
    assert_true(used > 990 && used <= 1000); /* a resample of one repeated pair has no rho */
    y[3] = 100; /* one outlier: rho stays negative, the interval widens */
    assert_int_equal(kcb_spearman_ci(x, y, 12, 1000, 3, 0.95, &rho, &lo, &hi, &used), KCB_OK);
    assert_true(rho < 0 && rho > -1 && lo < hi && lo >= -1 && hi <= 1 && lo < 0);
    assert_int_equal(kcb_spearman_ci(x, y, 12, 1000, 3, 0.95, &rho2, &lo2, &hi2, &used2),
                     KCB_OK);
    assert_true(rho == rho2 && lo == lo2 && hi == hi2 && used == used2);
    assert_int_equal(kcb_spearman_ci(x, y, 1, 100, 3, 0.95, &rho, &lo, &hi, &used), KCB_OK);
    assert_true(isnan(rho) && isnan(lo) && used == 0);
}

static void test_percentiles(void **state)
{
    (void)state;
    double v[101], lo, hi;
    for (int i = 0; i <= 100; i++)
        v[i] = 100 - i; /* sorted by the call */
    kcb_percentiles(v, 101, 0.95, &lo, &hi);
    assert_true(kcb_test_near(lo, 2.5, 1e-12) && kcb_test_near(hi, 97.5, 1e-12));
    assert_true(v[0] == 0 && v[100] == 100);
    kcb_percentiles(v, 0, 0.95, &lo, &hi);
    assert_true(isnan(lo) && isnan(hi));
    assert_true(kcb_test_near(kcb_z(0.95), 1.959964, 1e-6));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wilson),      cmocka_unit_test(test_binomial),
        cmocka_unit_test(test_mcnemar),     cmocka_unit_test(test_paired),
        cmocka_unit_test(test_ranks_spearman), cmocka_unit_test(test_spearman_ci),
        cmocka_unit_test(test_percentiles),
    };
    return cmocka_run_group_tests_name("stats", tests, NULL, NULL);
}
