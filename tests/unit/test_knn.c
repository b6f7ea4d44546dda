/* Unit tests for kNN: neighbour insertion, the neighbour search, and the sizes it starts from. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/comp.h"
#include "kcb/err.h"
#include "kcb/knn.h"
#include "kcb/rules.h"
#include "kcb/sizes.h"
#include "knn_test.h"

/* ---- kcb_nb_insert ---- */

static void assert_nb(const struct kcb_nb *nb, double d, uint32_t idx)
{
    assert_near(nb->d, d);
    assert_int_equal(nb->idx, idx);
}

static void test_insert_keeps_order(void **state)
{
    (void)state;
    struct kcb_nb best[3];
    size_t have = 0;
    static const double d[] = {0.5, 0.2, 0.9, 0.1, 0.3};
    for (uint32_t i = 0; i < 5; i++)
        kcb_nb_insert(best, &have, 3, d[i], i);
    assert_int_equal(have, 3);
    assert_nb(&best[0], 0.1, 3);
    assert_nb(&best[1], 0.2, 1);
    assert_nb(&best[2], 0.3, 4);
}

static void test_insert_ties_go_to_earlier_row(void **state)
{
    (void)state;
    struct kcb_nb best[2];
    size_t have = 0;
    /* in search order (rising idx): an equal distance never displaces an earlier row */
    kcb_nb_insert(best, &have, 1, 0.4, 0);
    kcb_nb_insert(best, &have, 1, 0.4, 1);
    assert_int_equal(have, 1);
    assert_nb(&best[0], 0.4, 0);
    /* in any order: equal distances are sorted by idx, and only the lowest idx are kept */
    have = 0;
    kcb_nb_insert(best, &have, 2, 0.3, 5);
    kcb_nb_insert(best, &have, 2, 0.3, 7);
    kcb_nb_insert(best, &have, 2, 0.3, 2);
    assert_int_equal(have, 2);
    assert_nb(&best[0], 0.3, 2);
    assert_nb(&best[1], 0.3, 5);
    kcb_nb_insert(best, &have, 2, 0.3, 6); /* later than both: dropped */
    assert_nb(&best[0], 0.3, 2);
    assert_nb(&best[1], 0.3, 5);
    kcb_nb_insert(best, &have, 2, 0.3, 3); /* between: pushes idx 5 out */
    assert_nb(&best[0], 0.3, 2);
    assert_nb(&best[1], 0.3, 3);
    kcb_nb_insert(best, &have, 2, 0.29, 9); /* smaller distance beats any idx */
    assert_nb(&best[0], 0.29, 9);
    assert_nb(&best[1], 0.3, 2);
}

static void test_insert_caps_at_k(void **state)
{
    (void)state;
    struct kcb_nb best[5];
    best[4] = (struct kcb_nb){-1.0, 12345}; /* a guard: k = 4 must not write here */
    size_t have = 0;
    for (uint32_t i = 0; i < 100; i++)
        kcb_nb_insert(best, &have, 4, (double)(100 - i), i);
    assert_int_equal(have, 4);
    for (uint32_t j = 0; j < 4; j++)
        assert_nb(&best[j], (double)(j + 1), 99 - j);
    assert_nb(&best[4], -1.0, 12345);
}

static void test_insert_fewer_than_k(void **state)
{
    (void)state;
    struct kcb_nb best[5];
    size_t have = 0;
    kcb_nb_insert(best, &have, 5, 0.7, 0);
    kcb_nb_insert(best, &have, 5, 0.6, 1);
    assert_int_equal(have, 2);
    assert_nb(&best[0], 0.6, 1);
    assert_nb(&best[1], 0.7, 0);
    /* k = 0 keeps nothing */
    have = 0;
    kcb_nb_insert(best, &have, 0, 0.1, 0);
    assert_int_equal(have, 0);
}

static int cmp_nb(const void *a, const void *b)
{
    const struct kcb_nb *x = a, *y = b;
    if (x->d != y->d)
        return x->d < y->d ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Many random streams with many equal distances: the kept list is the sorted list's prefix. */
static void test_insert_equals_sorting(void **state)
{
    (void)state;
    uint64_t seed = 42;
    enum { N = 40 };
    for (int round = 0; round < 200; round++) {
        struct kcb_nb all[N], best[N];
        uint32_t order[N];
        for (uint32_t i = 0; i < N; i++)
            order[i] = i;
        for (uint32_t i = N - 1; i > 0; i--) { /* a random insertion order of idx */
            uint32_t j = (uint32_t)(kcb_test_rand(&seed) % (i + 1)), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        size_t k = 1 + (size_t)(kcb_test_rand(&seed) % N), have = 0;
        for (uint32_t i = 0; i < N; i++) {
            all[i] = (struct kcb_nb){(double)(kcb_test_rand(&seed) % 5) / 4.0, order[i]};
            kcb_nb_insert(best, &have, k, all[i].d, all[i].idx);
        }
        qsort(all, N, sizeof *all, cmp_nb);
        assert_int_equal(have, k);
        for (size_t j = 0; j < k; j++) {
            assert_true(best[j].d == all[j].d);
            assert_int_equal(best[j].idx, all[j].idx);
        }
    }
}

/* ---- the search, against a brute force over kcb_comp_size / _cat / kcb_dist ---- */

static const char *const train_text[] = {
    "the cat sat on the mat and the cat slept on the mat",
    "compression distance approximates information distance",
    "a dog barked at the cat on the mat",
    "kolmogorov complexity is the length of the shortest program",
    "the cat sat on the mat and the cat slept on the mat", /* a copy of row 0: a tie */
    "normalized compression distance with gzip",
    "the dog and the cat sat on the mat together",
};
static const int train_label[] = {0, 1, 0, 1, 0, 1, 0};
static const char *const test_text[] = {
    "the cat sat on the mat",
    "the compression distance of two strings",
    "the shortest program that prints the string",
    "",
};
#define NTRAIN (sizeof train_text / sizeof *train_text)
#define NTEST (sizeof test_text / sizeof *test_text)

static void blobs(const char *const *s, size_t n, struct kcb_blob *b)
{
    for (size_t i = 0; i < n; i++)
        b[i] = (struct kcb_blob){(const unsigned char *)s[i], strlen(s[i])};
}

struct progress_log {
    size_t calls, last_done, last_total;
};

static void log_progress(void *arg, size_t done, size_t total)
{
    struct progress_log *p = arg;
    p->calls++;
    p->last_done = done;
    p->last_total = total;
}

/* Brute force: every distance with one compressor, sorted by (d, idx), the first k kept. */
static void brute_force(const struct kcb_spec *spec, const char *sep, size_t k,
                        struct kcb_nb *want)
{
    kcb_comp *c;
    assert_int_equal(kcb_comp_new(spec, &c), KCB_OK);
    for (size_t i = 0; i < NTEST; i++) {
        struct kcb_nb all[NTRAIN];
        size_t cx, cy, cxy, nx = strlen(test_text[i]);
        assert_int_equal(kcb_comp_size(c, test_text[i], nx, &cx), KCB_OK);
        for (size_t j = 0; j < NTRAIN; j++) {
            size_t ny = strlen(train_text[j]);
            assert_int_equal(kcb_comp_size(c, train_text[j], ny, &cy), KCB_OK);
            assert_int_equal(kcb_comp_size_cat(c, test_text[i], nx, sep, strlen(sep),
                                               train_text[j], ny, &cxy), KCB_OK);
            all[j] = (struct kcb_nb){kcb_dist(KCB_DIST_NCD, cx, cy, cxy), (uint32_t)j};
        }
        qsort(all, NTRAIN, sizeof *all, cmp_nb);
        for (size_t j = 0; j < k; j++)
            want[i * k + j] = j < NTRAIN ? all[j] : (struct kcb_nb){INFINITY, UINT32_MAX};
    }
    kcb_comp_free(c);
}

static void search(const struct kcb_spec *spec, const char *sep, size_t k, size_t threads,
                   struct kcb_nb *nb)
{
    struct kcb_blob tr[NTRAIN], te[NTEST];
    size_t ctr[NTRAIN], cte[NTEST];
    blobs(train_text, NTRAIN, tr);
    blobs(test_text, NTEST, te);
    assert_int_equal(kcb_sizes(spec, tr, NTRAIN, threads, ctr), KCB_OK);
    assert_int_equal(kcb_sizes(spec, te, NTEST, threads, cte), KCB_OK);
    struct progress_log pl = {0};
    struct kcb_knn_job job = {spec, KCB_DIST_NCD, tr, ctr, NTRAIN, te, cte, NTEST, sep,
                              strlen(sep), k, threads, log_progress, &pl, NULL};
    assert_int_equal(kcb_knn_search(&job, nb), KCB_OK);
    assert_true(pl.calls >= 1); /* at least once, at the end, with everything done */
    assert_int_equal(pl.last_done, NTEST);
    assert_int_equal(pl.last_total, NTEST);
}

static void assert_same_nb(const struct kcb_nb *got, const struct kcb_nb *want, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (got[i].idx != want[i].idx || !(got[i].d == want[i].d))
            print_error("entry %zu: got (%.17g, %u), want (%.17g, %u)\n", i, got[i].d,
                        got[i].idx, want[i].d, want[i].idx);
        assert_int_equal(got[i].idx, want[i].idx);
        assert_true(got[i].d == want[i].d);
    }
}

static void check_search(const char *codec, int level, const char *sep, size_t k)
{
    struct kcb_spec spec = {kcb_codec_find(codec), level, 0};
    assert_non_null(spec.codec);
    struct kcb_nb want[NTEST * 10], got[NTEST * 10];
    assert_true(k <= 10);
    brute_force(&spec, sep, k, want);
    for (size_t threads = 1; threads <= 3; threads++) {
        memset(got, 0xA5, sizeof got);
        search(&spec, sep, k, threads, got);
        assert_same_nb(got, want, NTEST * k);
    }
}

static void test_search_matches_brute_force(void **state)
{
    (void)state;
    check_search("gzip", 9, "", 3);
    check_search("gzip", 9, " ", 3);
    check_search("gzip", 1, "", 1);
}

/* Rows 0 and 4 are the same text: equal distances, and row 0 always comes first. */
static void test_search_tie_to_earlier_row(void **state)
{
    (void)state;
    struct kcb_spec spec = {kcb_codec_find("gzip"), 9, 0};
    struct kcb_nb nb[NTEST * NTRAIN];
    search(&spec, "", NTRAIN, 2, nb);
    for (size_t i = 0; i < NTEST; i++) {
        size_t at0 = NTRAIN, at4 = NTRAIN;
        for (size_t j = 0; j < NTRAIN; j++) {
            if (nb[i * NTRAIN + j].idx == 0)
                at0 = j;
            if (nb[i * NTRAIN + j].idx == 4)
                at4 = j;
        }
        assert_true(at0 < NTRAIN && at4 < NTRAIN);
        assert_true(nb[i * NTRAIN + at0].d == nb[i * NTRAIN + at4].d);
        assert_int_equal(at4, at0 + 1);
    }
    /* test 0 is a prefix of rows 0 and 4: they are its two nearest, row 0 first */
    assert_int_equal(nb[0].idx, 0);
    assert_int_equal(nb[1].idx, 4);
}

/* More neighbours asked than training rows: the rest are (INFINITY, UINT32_MAX). */
static void test_search_k_above_ntrain(void **state)
{
    (void)state;
    check_search("gzip", 9, "", NTRAIN + 2);
    struct kcb_spec spec = {kcb_codec_find("gzip"), 9, 0};
    struct kcb_nb nb[NTEST * (NTRAIN + 2)];
    search(&spec, "", NTRAIN + 2, 1, nb);
    for (size_t i = 0; i < NTEST; i++) {
        assert_true(isinf(nb[i * (NTRAIN + 2) + NTRAIN].d));
        assert_int_equal(nb[i * (NTRAIN + 2) + NTRAIN + 1].idx, UINT32_MAX);
        assert_true(isfinite(nb[i * (NTRAIN + 2) + NTRAIN - 1].d));
    }
}

/* The search and the vote together: test 1 and 2 are about compression/complexity (label 1). */
static void test_search_then_vote(void **state)
{
    (void)state;
    struct kcb_spec spec = {kcb_codec_find("gzip"), 9, 0};
    struct kcb_nb nb[NTEST * 3], want[NTEST * 3];
    search(&spec, "", 3, 2, nb);
    brute_force(&spec, "", 3, want);
    for (size_t i = 0; i < NTEST; i++) {
        struct kcb_vote got, exp;
        kcb_knn_decide(KCB_RULE_VOTE, nb + i * 3, 3, train_label, 0, &got);
        kcb_knn_decide(KCB_RULE_VOTE, want + i * 3, 3, train_label, 0, &exp);
        assert_int_equal(got.label, exp.label);
    }
    struct kcb_vote v;
    kcb_knn_decide(KCB_RULE_VOTE, nb, 3, train_label, 0, &v);
    assert_int_equal(v.label, 0); /* "the cat sat on the mat": rows 0, 4 (label 0) nearest */
}

static void test_search_rejects_bad_jobs(void **state)
{
    (void)state;
    struct kcb_spec spec = {kcb_codec_find("gzip"), 9, 0};
    struct kcb_blob tr[NTRAIN], te[NTEST];
    size_t ctr[NTRAIN] = {0}, cte[NTEST] = {0};
    struct kcb_nb nb[NTEST * 2];
    blobs(train_text, NTRAIN, tr);
    blobs(test_text, NTEST, te);
    struct kcb_knn_job job = {&spec, KCB_DIST_NCD, tr, ctr, NTRAIN, te, cte, NTEST, "", 0, 0, 1,
                              NULL, NULL, NULL};
    assert_int_equal(kcb_knn_search(&job, nb), KCB_EINVAL); /* k = 0 */
    job.k = KCB_KNN_MAXK + 1;
    assert_int_equal(kcb_knn_search(&job, nb), KCB_EINVAL); /* k above the maximum */
    struct kcb_nb *big = malloc(NTEST * KCB_KNN_MAXK * sizeof *big);
    assert_non_null(big);
    job.k = KCB_KNN_MAXK; /* the maximum itself is allowed */
    assert_int_equal(kcb_sizes(&spec, tr, NTRAIN, 1, ctr), KCB_OK);
    assert_int_equal(kcb_sizes(&spec, te, NTEST, 1, cte), KCB_OK);
    assert_int_equal(kcb_knn_search(&job, big), KCB_OK);
    assert_int_equal(big[KCB_KNN_MAXK - 1].idx, UINT32_MAX);
    free(big);
    job.k = 2;
    job.ntrain = 0;
    assert_int_equal(kcb_knn_search(&job, nb), KCB_EINVAL); /* nothing to compare with */
}

/* kcb_sizes equals kcb_comp_size item by item, for any thread count. */
static void test_sizes_match_single(void **state)
{
    (void)state;
    struct kcb_spec spec = {kcb_codec_find("gzip"), 6, 0};
    struct kcb_blob tr[NTRAIN];
    size_t got[NTRAIN], want;
    blobs(train_text, NTRAIN, tr);
    kcb_comp *c;
    assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
    for (size_t threads = 1; threads <= 3; threads++) {
        assert_int_equal(kcb_sizes(&spec, tr, NTRAIN, threads, got), KCB_OK);
        for (size_t i = 0; i < NTRAIN; i++) {
            assert_int_equal(kcb_comp_size(c, tr[i].p, tr[i].n, &want), KCB_OK);
            assert_int_equal(got[i], want);
        }
    }
    kcb_comp_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_insert_keeps_order),
        cmocka_unit_test(test_insert_ties_go_to_earlier_row),
        cmocka_unit_test(test_insert_caps_at_k),
        cmocka_unit_test(test_insert_fewer_than_k),
        cmocka_unit_test(test_insert_equals_sorting),
        cmocka_unit_test(test_search_matches_brute_force),
        cmocka_unit_test(test_search_tie_to_earlier_row),
        cmocka_unit_test(test_search_k_above_ntrain),
        cmocka_unit_test(test_search_then_vote),
        cmocka_unit_test(test_search_rejects_bad_jobs),
        cmocka_unit_test(test_sizes_match_single),
    };
    return cmocka_run_group_tests_name("knn", tests, NULL, NULL);
}
