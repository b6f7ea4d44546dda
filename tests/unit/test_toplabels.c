/* Unit tests for the search by label blocks (the same k nearest as kcb_knn_search) and ranking. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/knn.h"
#include "kcb/sizes.h"
#include "kcb/toplabels.h"
#include "kcb_test.h"

enum { NTRAIN = 150, NTEST = 5, NLABELS = 5, MAXLEN = 300 };

/* Training texts with duplicates (equal distances) and labels: 0 has over 64 rows (several
 * blocks), 3 has none, 4 has one. */
struct data {
    unsigned char buf[(NTRAIN + NTEST) * MAXLEN];
    struct kcb_blob train[NTRAIN], test[NTEST];
    size_t ctrain[NTRAIN], ctest[NTEST];
    int label[NTRAIN];
    struct kcb_spec spec;
};

static void make_data(struct data *d)
{
    uint64_t seed = 7;
    d->spec = (struct kcb_spec){kcb_codec_find("gzip"), 6, 0};
    for (size_t i = 0; i < NTRAIN + NTEST; i++) {
        size_t len = 20 + i % 40 * 7; /* texts repeat: the same seed, the same length */
        kcb_test_fill_text(d->buf + i * MAXLEN, len, i % 40 + 1);
        struct kcb_blob b = {d->buf + i * MAXLEN, len};
        if (i < NTRAIN)
            d->train[i] = b;
        else
            d->test[i - NTRAIN] = b;
    }
    for (size_t j = 0; j < NTRAIN; j++) {
        uint64_t r = kcb_test_rand(&seed) % 10;
        d->label[j] = r < 5 ? 0 : r < 8 ? 1 : 2;
    }
    d->label[97] = 4;
    assert_int_equal(kcb_sizes(&d->spec, d->train, NTRAIN, 2, d->ctrain), KCB_OK);
    assert_int_equal(kcb_sizes(&d->spec, d->test, NTEST, 2, d->ctest), KCB_OK);
}

static int nb_less(const struct kcb_nb *a, const struct kcb_nb *b)
{
    return a->d < b->d || (a->d == b->d && a->idx < b->idx);
}

/* Every label's nearest, the slow way. */
static void brute_near(const struct data *d, struct kcb_nb *near)
{
    kcb_comp *c;
    assert_int_equal(kcb_comp_new(&d->spec, &c), KCB_OK);
    for (size_t i = 0; i < NTEST; i++) {
        for (size_t l = 0; l < NLABELS; l++)
            near[i * NLABELS + l] = (struct kcb_nb){INFINITY, UINT32_MAX};
        for (size_t j = 0; j < NTRAIN; j++) {
            size_t cxy;
            assert_int_equal(kcb_comp_size_cat(c, d->test[i].p, d->test[i].n, " ", 1,
                                               d->train[j].p, d->train[j].n, &cxy), KCB_OK);
            struct kcb_nb e = {kcb_dist(KCB_DIST_NCD, d->ctest[i], d->ctrain[j], cxy),
                               (uint32_t)j};
            if (nb_less(&e, &near[i * NLABELS + d->label[j]]))
                near[i * NLABELS + d->label[j]] = e;
        }
    }
    kcb_comp_free(c);
}

static void test_same_as_knn_search(void **state)
{
    (void)state;
    static struct data d;
    make_data(&d);
    struct kcb_nb want_near[NTEST * NLABELS], near[NTEST * NLABELS];
    brute_near(&d, want_near);
    const size_t ks[] = {1, 2, 5, 70, 200};
    for (size_t ki = 0; ki < sizeof ks / sizeof *ks; ki++) {
        size_t k = ks[ki];
        struct kcb_nb *want = malloc(NTEST * k * sizeof *want);
        struct kcb_nb *got = malloc(NTEST * k * sizeof *got);
        assert_non_null(want);
        assert_non_null(got);
        struct kcb_knn_job job = {&d.spec, KCB_DIST_NCD, d.train, d.ctrain, NTRAIN, d.test,
                                  d.ctest, NTEST, " ", 1, k, 2, NULL, NULL, NULL};
        assert_int_equal(kcb_knn_search(&job, want), KCB_OK);
        for (size_t threads = 1; threads <= 3; threads++) {
            job.threads = threads;
            memset(got, 0xA5, NTEST * k * sizeof *got);
            assert_int_equal(kcb_knn_search_labels(&job, d.label, NLABELS, got, near),
                             KCB_OK);
            for (size_t e = 0; e < NTEST * k; e++) {
                assert_int_equal(got[e].idx, want[e].idx);
                assert_true(got[e].d == want[e].d || (isinf(got[e].d) && isinf(want[e].d)));
            }
            for (size_t e = 0; e < NTEST * NLABELS; e++) {
                assert_int_equal(near[e].idx, want_near[e].idx);
                assert_true(near[e].d == want_near[e].d); /* INFINITY for label 3 */
            }
        }
        free(want);
        free(got);
    }
}

static void test_bad_jobs(void **state)
{
    (void)state;
    static struct data d;
    make_data(&d);
    struct kcb_nb nb[NTEST], near[NTEST * NLABELS];
    struct kcb_knn_job job = {&d.spec, KCB_DIST_NCD, d.train, d.ctrain, NTRAIN, d.test,
                              d.ctest, NTEST, "", 0, 1, 1, NULL, NULL, NULL};
    assert_int_equal(kcb_knn_search_labels(&job, d.label, 4, nb, near), KCB_EINVAL); /* 4 */
    d.label[3] = -1;
    assert_int_equal(kcb_knn_search_labels(&job, d.label, NLABELS, nb, near), KCB_EINVAL);
    d.label[3] = 0;
    job.k = 0;
    assert_int_equal(kcb_knn_search_labels(&job, d.label, NLABELS, nb, near), KCB_EINVAL);
    job.k = 1;
    job.ntrain = 0;
    assert_int_equal(kcb_knn_search_labels(&job, d.label, NLABELS, nb, near), KCB_EINVAL);
    job.ntrain = NTRAIN;
    job.ntest = 0; /* nothing to do */
    assert_int_equal(kcb_knn_search_labels(&job, d.label, NLABELS, nb, near), KCB_OK);
}

/* The decided label first, then votes, then the nearest distance, then the earlier row. */
static void test_ranks(void **state)
{
    (void)state;
    /* rows 0..5 have labels: */
    static const int label[] = {0, 1, 1, 2, 0, 4};
    /* the 4 nearest: rows 1, 0, 2, 4: votes 0:2, 1:2 */
    static const struct kcb_nb nb[] = {{0.5, 1}, {0.6, 0}, {0.6, 2}, {0.7, 4}};
    static const struct kcb_nb near[] = {{0.6, 0}, {0.5, 1}, {0.8, 3}, {INFINITY, UINT32_MAX},
                                         {0.8, 5}};
    struct kcb_label_rank r[5];
    /* the vote of a 2-2 tie shrinks k to 3: rows 1, 0, 2 → label 1 */
    size_t n = kcb_label_ranks(nb, 4, label, near, 5, 1, r);
    assert_int_equal(n, 4); /* label 3 has no rows */
    static const int order[] = {1, 0, 2, 4};
    static const size_t votes[] = {2, 2, 0, 0};
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(r[i].label, order[i]);
        assert_int_equal(r[i].votes, votes[i]);
        assert_int_equal(r[i].nearest.idx, near[order[i]].idx);
    }
    /* a decided label that is not the top by votes still comes first (as the rule says) */
    n = kcb_label_ranks(nb, 4, label, near, 5, 0, r);
    assert_int_equal(r[0].label, 0);
    assert_int_equal(r[1].label, 1);
    /* k = 1: one vote; 2 and 4 tie at 0.8, the earlier row first */
    n = kcb_label_ranks(nb, 1, label, near, 5, 1, r);
    assert_int_equal(r[0].label, 1);
    assert_int_equal(r[0].votes, 1);
    assert_int_equal(r[1].label, 0);
    assert_int_equal(r[2].label, 2);
    assert_int_equal(r[3].label, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_as_knn_search),
        cmocka_unit_test(test_bad_jobs),
        cmocka_unit_test(test_ranks),
    };
    return cmocka_run_group_tests_name("toplabels", tests, NULL, NULL);
}
