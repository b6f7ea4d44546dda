/* Unit tests for the learning curves: kNN accuracy, the curve itself, and its grid of sizes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "kcb/curve.h"
#include "kcb/dataset.h"
#include "kcb/dist.h"
#include "kcb/err.h"
#include "kcb/gen.h"
#include "kcb/grid.h"
#include "kcb/knn.h"
#include "kcb/rules.h"
#include "kcb/sizes.h"
#include "kcb_test.h"
#include "probe_test.h"

/* ---- learning curve ---- */

#define NCLASS 3
#define NTRAIN_PER 8
#define NTEST_PER 3

/* A tiny labelled set from three generated sources: train texts 0..7 of each (rows
 * interleaved by class), test texts 100..102, a few dozen bytes each. */
struct labelled_set {
    unsigned char buf[NCLASS * (NTRAIN_PER + NTEST_PER)][64];
    struct kcb_blob tr_text[NCLASS * NTRAIN_PER], te_text[NCLASS * NTEST_PER];
    int tr_label[NCLASS * NTRAIN_PER], te_label[NCLASS * NTEST_PER];
    struct kcb_labels labels; /* only its count is read */
    struct kcb_dataset train, test;
};

static void labelled_make(struct labelled_set *d)
{
    size_t b = 0;
    for (uint32_t id = 0; id < NCLASS; id++) {
        kcb_source *src;
        assert_int_equal(kcb_source_new(77, id, 2, &src), KCB_OK);
        for (size_t j = 0; j < NTRAIN_PER; j++, b++) {
            size_t len = 40 + 3 * j, row = j * NCLASS + id;
            assert_int_equal(kcb_source_text(src, j, d->buf[b], len), KCB_OK);
            d->tr_text[row] = (struct kcb_blob){d->buf[b], len};
            d->tr_label[row] = (int)id;
        }
        for (size_t j = 0; j < NTEST_PER; j++, b++) {
            size_t len = 30 + 5 * j, row = j * NCLASS + id;
            assert_int_equal(kcb_source_text(src, 100 + j, d->buf[b], len), KCB_OK);
            d->te_text[row] = (struct kcb_blob){d->buf[b], len};
            d->te_label[row] = (int)id;
        }
        kcb_source_free(src);
    }
    d->labels = (struct kcb_labels){.n = NCLASS};
    d->train = (struct kcb_dataset){.n = NCLASS * NTRAIN_PER, .text = d->tr_text,
                                    .label = d->tr_label, .labels = &d->labels};
    d->test = (struct kcb_dataset){.n = NCLASS * NTEST_PER, .text = d->te_text,
                                   .label = d->te_label, .labels = &d->labels};
}

/* kNN as the learning curves use it: NCD, a space between texts, k = 1, the vote. */
static struct kcb_knn_setup setup_of(const struct kcb_spec *s, size_t threads)
{
    return (struct kcb_knn_setup){s, KCB_DIST_NCD, " ", 1, 1, KCB_RULE_VOTE, threads,
                                  KCB_METHOD_EXACT, 1};
}

static void test_learning_curve(void **state)
{
    (void)state;
    struct labelled_set *d = malloc(sizeof *d);
    assert_non_null(d);
    labelled_make(d);
    static const size_t sizes[] = {3, 6, 12, NCLASS * NTRAIN_PER};
    static const char *const names[] = {"gzip", "bzip2"};
    for (size_t i = 0; i < 2; i++) {
        struct kcb_spec s = spec_of(names[i], 9);
        struct kcb_learning_point one[4], two[4];
        struct kcb_knn_setup k1 = setup_of(&s, 1), k2 = setup_of(&s, 2);
        assert_int_equal(kcb_learning_curve(&k1, &d->train, &d->test, sizes, 4, 2, 1, one),
                         KCB_OK);
        assert_int_equal(kcb_learning_curve(&k2, &d->train, &d->test, sizes, 4, 2, 1, two),
                         KCB_OK);
        for (size_t k = 0; k < 4; k++) {
            assert_int_equal(one[k].ntrain, sizes[k]);
            assert_int_equal(one[k].reps, 2);
            assert_true(one[k].err_mean >= 0 && one[k].err_mean <= 1);
            assert_true(one[k].err_sd >= 0);
            assert_int_equal(two[k].ntrain, one[k].ntrain);
            assert_same_double(two[k].err_mean, one[k].err_mean);
            assert_same_double(two[k].err_sd, one[k].err_sd);
        }
        /* the whole training set: every repetition keeps all of it, in order */
        double acc;
        assert_int_equal(kcb_knn_accuracy(&k1, &d->train, NULL, &d->test, NULL, &acc), KCB_OK);
        assert_true(kcb_test_near(one[3].err_mean, 1.0 - acc, 1e-12));
        assert_same_double(one[3].err_sd, 0.0);
    }
    free(d);
}

/* A size above the training set's counts as the whole set. */
static void test_learning_curve_size_beyond_n(void **state)
{
    (void)state;
    struct labelled_set *d = malloc(sizeof *d);
    assert_non_null(d);
    labelled_make(d);
    static const size_t sizes[] = {1000};
    struct kcb_spec s = spec_of("gzip", 9);
    struct kcb_learning_point lp[1];
    struct kcb_knn_setup k = setup_of(&s, 2);
    double acc;
    assert_int_equal(kcb_learning_curve(&k, &d->train, &d->test, sizes, 1, 1, 5, lp), KCB_OK);
    assert_int_equal(lp[0].ntrain, NCLASS * NTRAIN_PER);
    assert_int_equal(kcb_knn_accuracy(&k, &d->train, NULL, &d->test, NULL, &acc), KCB_OK);
    assert_true(kcb_test_near(lp[0].err_mean, 1.0 - acc, 1e-12));
    free(d);
}

/* The accuracy by hand: the neighbour search, then the decide-and-score loop over kk. */
static double accuracy_by_hand(const struct kcb_knn_setup *k, const struct labelled_set *d,
                               const size_t *ctr, const size_t *cte)
{
    size_t ntr = d->train.n, nte = d->test.n, kk = k->k < ntr ? k->k : ntr;
    struct kcb_nb *nb = malloc(nte * k->k * sizeof *nb);
    assert_non_null(nb);
    struct kcb_knn_job job = {k->spec, k->dist, d->train.text, ctr, ntr, d->test.text, cte, nte,
                              k->sep, k->nsep, k->k, 1, NULL, NULL, NULL};
    assert_int_equal(kcb_knn_search(&job, nb), KCB_OK);
    struct kcb_score sc;
    assert_int_equal(kcb_score_init(&sc, NCLASS), KCB_OK);
    kcb_knn_score(k->rule, nb, k->k, kk, d->train.label, d->test.label, nte, &sc);
    double acc = kcb_score_accuracy(&sc);
    kcb_score_free(&sc);
    free(nb);
    return acc;
}

/* Given sizes or computed ones, any rule, distance and k (above the training set too): the
 * accuracy is the search-and-score loop's. */
static void test_knn_accuracy_equals_search_and_score(void **state)
{
    (void)state;
    struct labelled_set *d = malloc(sizeof *d);
    assert_non_null(d);
    labelled_make(d);
    struct kcb_spec s = spec_of("zstd", 3);
    size_t ctr[NCLASS * NTRAIN_PER], cte[NCLASS * NTEST_PER];
    assert_int_equal(kcb_sizes(&s, d->train.text, d->train.n, 1, ctr), KCB_OK);
    assert_int_equal(kcb_sizes(&s, d->test.text, d->test.n, 1, cte), KCB_OK);
    static const size_t ks[] = {1, 3, 4, NCLASS * NTRAIN_PER + 5};
    static const enum kcb_dist dists[] = {KCB_DIST_NCD, KCB_DIST_CDM};
    for (size_t i = 0; i < sizeof ks / sizeof *ks; i++) {
        for (int r = 0; r < KCB_NRULES; r++) {
            struct kcb_knn_setup k = {&s, dists[i % 2], "", 0, ks[i], (enum kcb_rule)r, 2,
                                      KCB_METHOD_EXACT, 1};
            double given, computed, want = accuracy_by_hand(&k, d, ctr, cte);
            assert_int_equal(kcb_knn_accuracy(&k, &d->train, ctr, &d->test, cte, &given),
                             KCB_OK);
            assert_int_equal(kcb_knn_accuracy(&k, &d->train, NULL, &d->test, NULL, &computed),
                             KCB_OK);
            assert_same_double(given, want);
            assert_same_double(computed, want);
            assert_true(want >= 0 && want <= 1);
        }
    }
    free(d);
}

/* The curve's grid: from max(nlabels, 8), capped at ntrain, to ntrain, as kcb_log_grid. */
static void test_learning_grid(void **state)
{
    (void)state;
    size_t got[16], want[16], m;
    m = kcb_learning_grid(1000, 3, 5, got);
    assert_int_equal(m, kcb_log_grid(8, 1000, 5, want));
    assert_int_equal(m, 5);
    assert_int_equal(got[0], 8);
    assert_int_equal(got[4], 1000);
    for (size_t i = 0; i < m; i++)
        assert_int_equal(got[i], want[i]);
    m = kcb_learning_grid(1000, 20, 4, got); /* more labels than 8: from the label count */
    assert_true(m >= 2 && m <= 4);
    assert_int_equal(got[0], 20);
    assert_int_equal(got[m - 1], 1000);
    for (size_t i = 1; i < m; i++)
        assert_true(got[i] > got[i - 1]);
    m = kcb_learning_grid(5, 3, 6, got); /* fewer texts than the start: ntrain alone */
    assert_int_equal(m, 1);
    assert_int_equal(got[0], 5);
    m = kcb_learning_grid(1000, 3, 1, got); /* one point: the whole training set */
    assert_int_equal(m, 1);
    assert_int_equal(got[0], 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_learning_curve),
        cmocka_unit_test(test_learning_curve_size_beyond_n),
        cmocka_unit_test(test_knn_accuracy_equals_search_and_score),
        cmocka_unit_test(test_learning_grid),
    };
    return cmocka_run_group_tests_name("curve", tests, NULL, NULL);
}
