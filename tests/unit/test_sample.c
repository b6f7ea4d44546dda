/* Unit tests for seeded sampling: stratified quotas by largest remainder, N per class (few-shot),
 * determinism, the PRNG. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/rng.h"
#include "kcb/sample.h"
#include "kcb_test.h"

#define MAXN 512

/* Items whose labels follow count[] but are interleaved (label c at every nlabels-th slot
 * while it lasts), so that a sampler relying on sorted input would fail. Returns n. */
static size_t make_labels(const size_t *count, size_t nlabels, int *label)
{
    size_t left[16], n = 0, total = 0;
    assert_true(nlabels <= 16);
    for (size_t c = 0; c < nlabels; c++)
        total += left[c] = count[c];
    assert_true(total <= MAXN);
    while (n < total)
        for (size_t c = 0; c < nlabels; c++)
            if (left[c]) {
                label[n++] = (int)c;
                left[c]--;
            }
    return n;
}

/* Samples and checks the total and the per-label quotas want_quota[]. */
static void check_quotas(const size_t *count, size_t nlabels, size_t want,
                         const size_t *want_quota, uint64_t seed)
{
    int label[MAXN];
    unsigned char keep[MAXN];
    size_t n = make_labels(count, nlabels, label), got[16] = {0}, total = 0;
    memset(keep, 0xEE, sizeof keep);
    assert_int_equal(kcb_sample_stratified(label, n, nlabels, want, seed, keep), KCB_OK);
    for (size_t i = 0; i < n; i++) {
        assert_true(keep[i] == 0 || keep[i] == 1);
        got[label[i]] += keep[i];
        total += keep[i];
    }
    assert_int_equal(keep[n], 0xEE); /* nothing written past n */
    assert_int_equal(total, want < n ? want : n);
    for (size_t c = 0; c < nlabels; c++) {
        if (got[c] != want_quota[c])
            print_error("label %zu: %zu kept, want %zu\n", c, got[c], want_quota[c]);
        assert_int_equal(got[c], want_quota[c]);
    }
}

/*
 * Shares are count * want / n; each label gets the floor, and the items still missing go
 * one each to the largest remainders, ties to the lower label id.
 */
static void test_quotas_by_hand(void **state)
{
    (void)state;
    /* 5,3,2 of 10, want 4: shares 2.0, 1.2, 0.8 -> floors 2,1,0 (3); remainders 0, .2, .8:
     * label 2 gets the fourth -> 2,1,1 */
    check_quotas((const size_t[]){5, 3, 2}, 3, 4, (const size_t[]){2, 1, 1}, 1);
    /* 3,3,3 of 9, want 4: shares 4/3 each -> floors 1,1,1; equal remainders: lowest id,
     * label 0 -> 2,1,1 */
    check_quotas((const size_t[]){3, 3, 3}, 3, 4, (const size_t[]){2, 1, 1}, 1);
    /* 7,2,1 of 10, want 3: shares 2.1, 0.6, 0.3 -> floors 2,0,0; remainders .1, .6, .3:
     * label 1 -> 2,1,0 (a label may get nothing) */
    check_quotas((const size_t[]){7, 2, 1}, 3, 3, (const size_t[]){2, 1, 0}, 1);
    /* 6,2,2 of 10, want 5: exact shares 3, 1, 1 */
    check_quotas((const size_t[]){6, 2, 2}, 3, 5, (const size_t[]){3, 1, 1}, 1);
    /* seven labels of one item each, want 3: shares 3/7, floors 0, equal remainders:
     * labels 0, 1, 2 */
    check_quotas((const size_t[]){1, 1, 1, 1, 1, 1, 1}, 7, 3,
                 (const size_t[]){1, 1, 1, 0, 0, 0, 0}, 1);
    /* a label with no items: 4,0,4,2 of 10, want 5 -> 2, 0, 2, 1 */
    check_quotas((const size_t[]){4, 0, 4, 2}, 4, 5, (const size_t[]){2, 0, 2, 1}, 1);
    /* 2,8 of 10, want 1: shares .2, .8 -> label 1 */
    check_quotas((const size_t[]){2, 8}, 2, 1, (const size_t[]){0, 1}, 1);
    /* 40,35,25 of 100, want 7: shares 2.8, 2.45, 1.75 -> floors 2,2,1 (5); remainders
     * .8, .45, .75: labels 0 and 2 -> 3, 2, 2 */
    check_quotas((const size_t[]){40, 35, 25}, 3, 7, (const size_t[]){3, 2, 2}, 1);
    /* the quotas do not depend on the seed */
    for (uint64_t seed = 0; seed < 20; seed++)
        check_quotas((const size_t[]){40, 35, 25}, 3, 7, (const size_t[]){3, 2, 2}, seed);
}

static void test_want_at_least_n_keeps_all(void **state)
{
    (void)state;
    check_quotas((const size_t[]){5, 3, 2}, 3, 10, (const size_t[]){5, 3, 2}, 9);
    check_quotas((const size_t[]){5, 3, 2}, 3, 1000, (const size_t[]){5, 3, 2}, 9);
    /* want 0 keeps nothing */
    check_quotas((const size_t[]){5, 3, 2}, 3, 0, (const size_t[]){0, 0, 0}, 9);
}

static void sample(const int *label, size_t n, size_t nlabels, size_t want, uint64_t seed,
                   unsigned char *keep)
{
    assert_int_equal(kcb_sample_stratified(label, n, nlabels, want, seed, keep), KCB_OK);
}

static void test_deterministic_per_seed(void **state)
{
    (void)state;
    int label[MAXN];
    unsigned char a[MAXN], b[MAXN], c[MAXN];
    size_t n = make_labels((const size_t[]){120, 80, 50}, 3, label);
    sample(label, n, 3, 60, 7, a);
    sample(label, n, 3, 60, 7, b);
    assert_memory_equal(a, b, n);
    /* another seed gives another choice (the quotas 29, 19, 12 stay: 120*60/250 = 28.8,
     * 80*60/250 = 19.2, 50*60/250 = 12: floors 28, 19, 12, label 0 gets the last one) */
    sample(label, n, 3, 60, 8, c);
    assert_memory_not_equal(a, c, n);
    size_t qa[3] = {0}, qc[3] = {0};
    for (size_t i = 0; i < n; i++) {
        qa[label[i]] += a[i];
        qc[label[i]] += c[i];
    }
    assert_int_equal(qa[0], 29);
    assert_int_equal(qa[1], 19);
    assert_int_equal(qa[2], 12);
    assert_memory_equal(qa, qc, sizeof qa);
    /* the seed is not used modulo anything small: seeds far apart differ too */
    sample(label, n, 3, 60, 7 + ((uint64_t)1 << 40), c);
    assert_memory_not_equal(a, c, n);
}

/* Within a label, every member is equally likely: over many seeds, each item of a label of
 * 10 with quota 3 is kept about 3/10 of the time (binomial, 4000 draws: sd 29, 6 sd = 174). */
static void test_members_uniform(void **state)
{
    (void)state;
    int label[MAXN];
    unsigned char keep[MAXN];
    size_t n = make_labels((const size_t[]){10, 10}, 2, label), hits[MAXN] = {0};
    enum { ROUNDS = 4000 };
    for (uint64_t seed = 0; seed < ROUNDS; seed++) {
        sample(label, n, 2, 6, seed, keep);
        for (size_t i = 0; i < n; i++)
            hits[i] += keep[i];
    }
    for (size_t i = 0; i < n; i++) {
        double expect = ROUNDS * 0.3;
        if (!kcb_test_near((double)hits[i], expect, 174))
            print_error("item %zu kept %zu times of %d, expected about %.0f\n", i, hits[i],
                        ROUNDS, expect);
        assert_true(kcb_test_near((double)hits[i], expect, 174));
    }
}

/* ---- kcb_sample_per_class: N of every label (the few-shot setting) ---- */

/* Samples per_class of each label and checks that label c keeps min(count[c], per_class). */
static void check_per_class(const size_t *count, size_t nlabels, size_t per_class,
                            uint64_t seed, unsigned char *keep)
{
    int label[MAXN];
    size_t n = make_labels(count, nlabels, label), got[16] = {0};
    memset(keep, 0xEE, MAXN);
    assert_int_equal(kcb_sample_per_class(label, n, nlabels, per_class, seed, keep), KCB_OK);
    for (size_t i = 0; i < n; i++) {
        assert_true(keep[i] == 0 || keep[i] == 1);
        got[label[i]] += keep[i];
    }
    assert_int_equal(keep[n], 0xEE); /* nothing written past n */
    for (size_t c = 0; c < nlabels; c++) {
        size_t want = count[c] < per_class ? count[c] : per_class;
        if (got[c] != want)
            print_error("label %zu: %zu kept, want %zu\n", c, got[c], want);
        assert_int_equal(got[c], want);
    }
}

static void test_per_class_exact(void **state)
{
    (void)state;
    unsigned char keep[MAXN];
    /* unequal classes: exactly 5 of each, whatever their shares */
    check_per_class((const size_t[]){100, 40, 7, 5}, 4, 5, 1, keep);
    /* a class with fewer than N keeps all it has; an empty class keeps nothing */
    check_per_class((const size_t[]){30, 2, 0, 9}, 4, 5, 3, keep);
    /* N above every class keeps everything */
    check_per_class((const size_t[]){3, 4}, 2, 50, 3, keep);
    for (size_t i = 0; i < 7; i++)
        assert_int_equal(keep[i], 1);
    /* N = 0 keeps nothing */
    check_per_class((const size_t[]){3, 4}, 2, 0, 3, keep);
    for (size_t i = 0; i < 7; i++)
        assert_int_equal(keep[i], 0);
    for (uint64_t seed = 0; seed < 20; seed++)
        check_per_class((const size_t[]){12, 9, 31}, 3, 4, seed, keep);
}

static void test_per_class_deterministic(void **state)
{
    (void)state;
    int label[MAXN];
    unsigned char a[MAXN], b[MAXN], c[MAXN];
    size_t n = make_labels((const size_t[]){120, 80, 50}, 3, label);
    assert_int_equal(kcb_sample_per_class(label, n, 3, 5, 11, a), KCB_OK);
    assert_int_equal(kcb_sample_per_class(label, n, 3, 5, 11, b), KCB_OK);
    assert_memory_equal(a, b, n);
    assert_int_equal(kcb_sample_per_class(label, n, 3, 5, 12, c), KCB_OK);
    assert_memory_not_equal(a, c, n);
    /* the labels' order in the input does not matter to which label gets what count, and a
     * label's choice is the first per_class of the same shuffle that --test-sample uses:
     * with quotas equal to N, kcb_sample_stratified of 3N from three labels of equal size
     * keeps the same items */
    n = make_labels((const size_t[]){40, 40, 40}, 3, label);
    assert_int_equal(kcb_sample_per_class(label, n, 3, 7, 5, a), KCB_OK);
    assert_int_equal(kcb_sample_stratified(label, n, 3, 21, 5, b), KCB_OK);
    assert_memory_equal(a, b, n);
}

/* Within a label every member is equally likely: over 4000 seeds each of 10 items with N = 3
 * is kept about 1200 times (binomial sd 29; 6 sd = 174). */
static void test_per_class_uniform(void **state)
{
    (void)state;
    int label[MAXN];
    unsigned char keep[MAXN];
    size_t n = make_labels((const size_t[]){10, 25}, 2, label), hits[MAXN] = {0};
    enum { ROUNDS = 4000 };
    for (uint64_t seed = 0; seed < ROUNDS; seed++) {
        assert_int_equal(kcb_sample_per_class(label, n, 2, 3, seed, keep), KCB_OK);
        for (size_t i = 0; i < n; i++)
            hits[i] += keep[i];
    }
    for (size_t i = 0; i < n; i++) {
        double expect = ROUNDS * 3.0 / (label[i] == 0 ? 10 : 25);
        if (!kcb_test_near((double)hits[i], expect, 174))
            print_error("item %zu kept %zu times of %d, expected about %.0f\n", i, hits[i],
                        ROUNDS, expect);
        assert_true(kcb_test_near((double)hits[i], expect, 174));
    }
}

/* _own: renaming the label ids (as another training file would) changes nothing, and labels
 * numbered by first appearance already give kcb_sample_stratified's sample. */
static void test_own_order(void **state)
{
    (void)state;
    enum { N = 37, L = 5 };
    int label[N], renamed[N], perm[L] = {3, 0, 4, 1, 2}, first[L], seen = 0;
    unsigned char a[N], b[N], c[N];
    uint64_t s = 99;
    for (size_t i = 0; i < N; i++)
        label[i] = (int)(kcb_test_rand(&s) % L);
    for (int l = 0; l < L; l++)
        first[l] = -1;
    for (size_t i = 0; i < N; i++) {
        renamed[i] = perm[label[i]];
        if (first[label[i]] < 0)
            first[label[i]] = seen++;
    }
    for (uint64_t seed = 1; seed < 20; seed++) {
        assert_int_equal(kcb_sample_stratified_own(label, N, L, 11, seed, a), KCB_OK);
        assert_int_equal(kcb_sample_stratified_own(renamed, N, L, 11, seed, b), KCB_OK);
        assert_memory_equal(a, b, N);
        for (size_t i = 0; i < N; i++)
            renamed[i] = first[label[i]];
        assert_int_equal(kcb_sample_stratified(renamed, N, L, 11, seed, c), KCB_OK);
        assert_memory_equal(a, c, N);
        for (size_t i = 0; i < N; i++)
            renamed[i] = perm[label[i]];
    }
}

/* The published splitmix64 sequence for state 0, and agreement with the tests' own copy. */
static void test_splitmix64(void **state)
{
    (void)state;
    uint64_t s = 0;
    assert_true(kcb_splitmix64(&s) == 0xE220A8397B1DCDAFull);
    assert_true(kcb_splitmix64(&s) == 0x6E789E6AA1B965F4ull);
    assert_true(kcb_splitmix64(&s) == 0x06C45D188009454Full);
    uint64_t a = 12345, b = 12345;
    for (int i = 0; i < 100; i++)
        assert_true(kcb_splitmix64(&a) == kcb_test_rand(&b));
    assert_true(a == b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quotas_by_hand),
        cmocka_unit_test(test_want_at_least_n_keeps_all),
        cmocka_unit_test(test_deterministic_per_seed),
        cmocka_unit_test(test_members_uniform),
        cmocka_unit_test(test_per_class_exact),
        cmocka_unit_test(test_per_class_deterministic),
        cmocka_unit_test(test_per_class_uniform),
        cmocka_unit_test(test_own_order),
        cmocka_unit_test(test_splitmix64),
    };
    return cmocka_run_group_tests_name("sample", tests, NULL, NULL);
}
