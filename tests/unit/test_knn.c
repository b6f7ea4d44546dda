/* Unit tests for kNN: neighbour insertion, the three decision rules, scores, and the search. */
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
#include "kcb_test.h"

#define EPS 1e-12

static void assert_near(double got, double want)
{
    if (!kcb_test_near(got, want, EPS))
        print_error("got %.17g, want %.17g\n", got, want);
    assert_true(kcb_test_near(got, want, EPS));
}

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

/* ---- rules ---- */

enum { A, B, C, D, E, F };

/* Neighbours nb[i] = training row rows[i] at distance i/10, that row labelled labs[i]. */
struct case_nb {
    struct kcb_nb nb[16];
    int label[32];
};

static void make_case(struct case_nb *c, const int *labs, size_t k)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < 32; i++)
        c->label[i] = F; /* rows that are not neighbours: a label that must never win */
    for (size_t i = 0; i < k; i++) {
        /* rows in a scrambled order, so that a rule reading label[i] instead of
         * label[nb[i].idx] fails */
        uint32_t row = (uint32_t)(31 - 2 * i);
        c->nb[i] = (struct kcb_nb){(double)i / 10.0, row};
        c->label[row] = labs[i];
    }
}

static int vote(const int *labs, size_t k)
{
    struct case_nb c;
    struct kcb_vote v[16];
    make_case(&c, labs, k);
    assert_int_equal(kcb_knn_decide(KCB_RULE_VOTE, c.nb, k, c.label, A, v), 1);
    assert_near(v[0].w, 1.0);
    return v[0].label;
}

static int optimistic(const int *labs, size_t k, int truth)
{
    struct case_nb c;
    struct kcb_vote v[16];
    make_case(&c, labs, k);
    assert_int_equal(kcb_knn_decide(KCB_RULE_OPTIMISTIC, c.nb, k, c.label, truth, v), 1);
    assert_near(v[0].w, 1.0);
    return v[0].label;
}

/* Checks the random rule: exactly the labels want[0..nwant), each with weight 1/nwant. */
static void assert_random(const int *labs, size_t k, const int *want, size_t nwant)
{
    struct case_nb c;
    struct kcb_vote v[16];
    make_case(&c, labs, k);
    for (int truth = A; truth <= E; truth++) { /* the truth never matters to this rule */
        size_t nv = kcb_knn_decide(KCB_RULE_RANDOM, c.nb, k, c.label, truth, v);
        assert_int_equal(nv, nwant);
        double sum = 0;
        for (size_t i = 0; i < nv; i++) {
            int found = 0;
            for (size_t j = 0; j < nwant; j++)
                found += v[i].label == want[j];
            assert_int_equal(found, 1);
            for (size_t j = 0; j < i; j++)
                assert_int_not_equal(v[i].label, v[j].label);
            assert_near(v[i].w, 1.0 / (double)nwant);
            sum += v[i].w;
        }
        assert_near(sum, 1.0);
    }
}

static void test_rules_k1(void **state)
{
    (void)state;
    static const int labs[] = {B};
    assert_int_equal(vote(labs, 1), B);
    assert_random(labs, 1, (const int[]){B}, 1);
    assert_int_equal(optimistic(labs, 1, B), B);
    assert_int_equal(optimistic(labs, 1, A), B);
}

/* k=2 [A,B]: vote shrinks to k=1 (A); random A/B half each; optimistic the truth if tied. */
static void test_rules_k2_tie(void **state)
{
    (void)state;
    static const int labs[] = {A, B};
    assert_int_equal(vote(labs, 2), A);
    assert_random(labs, 2, (const int[]){A, B}, 2);
    assert_int_equal(optimistic(labs, 2, A), A);
    assert_int_equal(optimistic(labs, 2, B), B);
    assert_int_equal(optimistic(labs, 2, C), A); /* truth not tied: the vote */
    static const int rev[] = {B, A};
    assert_int_equal(vote(rev, 2), B); /* the nearer one, whatever its id */
    assert_int_equal(optimistic(rev, 2, C), B);
}

static void test_rules_k2_agree(void **state)
{
    (void)state;
    static const int labs[] = {B, B};
    assert_int_equal(vote(labs, 2), B);
    assert_random(labs, 2, (const int[]){B}, 1);
    assert_int_equal(optimistic(labs, 2, A), B);
    assert_int_equal(optimistic(labs, 2, B), B);
}

/* k=3 [A,B,A]: A has 2 of 3 under every rule; optimistic does not rescue B. */
static void test_rules_k3_majority(void **state)
{
    (void)state;
    static const int labs[] = {A, B, A};
    assert_int_equal(vote(labs, 3), A);
    assert_random(labs, 3, (const int[]){A}, 1);
    assert_int_equal(optimistic(labs, 3, A), A);
    assert_int_equal(optimistic(labs, 3, B), A);
    static const int late[] = {B, A, A}; /* the majority wins even when not nearest */
    assert_int_equal(vote(late, 3), A);
    assert_int_equal(optimistic(late, 3, B), A);
}

/* k=3 [A,B,C]: three-way tie; vote shrinks to 2 (A,B tie), then 1: A. */
static void test_rules_k3_three_way(void **state)
{
    (void)state;
    static const int labs[] = {A, B, C};
    assert_int_equal(vote(labs, 3), A);
    assert_random(labs, 3, (const int[]){A, B, C}, 3);
    assert_int_equal(optimistic(labs, 3, C), C);
    assert_int_equal(optimistic(labs, 3, B), B);
    assert_int_equal(optimistic(labs, 3, D), A);
}

/* k=4 [A,B,B,A]: 2-2 tie; vote shrinks to k=3 [A,B,B] where B has 2: B. */
static void test_rules_k4_tie(void **state)
{
    (void)state;
    static const int labs[] = {A, B, B, A};
    assert_int_equal(vote(labs, 4), B);
    assert_random(labs, 4, (const int[]){A, B}, 2);
    assert_int_equal(optimistic(labs, 4, A), A);
    assert_int_equal(optimistic(labs, 4, B), B);
    assert_int_equal(optimistic(labs, 4, C), B);
    /* [A,B,C,C]: C has 2, the rest 1: C everywhere */
    static const int cc[] = {A, B, C, C};
    assert_int_equal(vote(cc, 4), C);
    assert_random(cc, 4, (const int[]){C}, 1);
    assert_int_equal(optimistic(cc, 4, A), C);
}

/* k=5 [A,B,B,C,C]: B and C have 2; vote shrinks to 4 [A,B,B,C]: B. */
static void test_rules_k5_two_way(void **state)
{
    (void)state;
    static const int labs[] = {A, B, B, C, C};
    assert_int_equal(vote(labs, 5), B);
    assert_random(labs, 5, (const int[]){B, C}, 2);
    assert_int_equal(optimistic(labs, 5, C), C);
    assert_int_equal(optimistic(labs, 5, A), B); /* A is present but not among the top */
}

/* k=5 [A,B,C,D,E]: five-way tie, every shrink ties again down to k=1: A. */
static void test_rules_k5_all_different(void **state)
{
    (void)state;
    static const int labs[] = {A, B, C, D, E};
    assert_int_equal(vote(labs, 5), A);
    assert_random(labs, 5, (const int[]){A, B, C, D, E}, 5);
    assert_int_equal(optimistic(labs, 5, E), E);
    assert_int_equal(optimistic(labs, 5, F), A);
}

/*
 * Three-way ties with k=5 cannot happen (5 = 2+2+1 ties two labels; 1+1+1+1+1 ties five),
 * so: k=6 [A,B,C,C,B,A] ties A,B,C at 2; k=5 [A,B,C,C,B] ties B,C; k=4 [A,B,C,C]: C.
 * k=7 [A,B,C,A,B,C,D] ties A,B,C at 2 (D has 1); k=6 the same; k=5 [A,B,C,A,B] ties A,B;
 * k=4 [A,B,C,A]: A.
 */
static void test_rules_three_way_ties(void **state)
{
    (void)state;
    static const int six[] = {A, B, C, C, B, A};
    assert_int_equal(vote(six, 6), C);
    assert_random(six, 6, (const int[]){A, B, C}, 3);
    assert_int_equal(optimistic(six, 6, A), A);
    assert_int_equal(optimistic(six, 6, B), B);
    assert_int_equal(optimistic(six, 6, D), C);
    static const int seven[] = {A, B, C, A, B, C, D};
    assert_int_equal(vote(seven, 7), A);
    assert_random(seven, 7, (const int[]){A, B, C}, 3);
    assert_int_equal(optimistic(seven, 7, C), C);
    assert_int_equal(optimistic(seven, 7, D), A); /* D is a neighbour, not a top label */
}

/* Only the first k neighbours count, whatever follows in the array. */
static void test_rules_use_first_k_only(void **state)
{
    (void)state;
    static const int labs[] = {A, B, B, B, B};
    assert_int_equal(vote(labs, 1), A);
    assert_int_equal(vote(labs, 2), A); /* tie, shrink to 1 */
    assert_int_equal(vote(labs, 3), B);
    assert_random(labs, 2, (const int[]){A, B}, 2);
    assert_random(labs, 3, (const int[]){B}, 1);
}

static void test_rule_names(void **state)
{
    (void)state;
    for (int r = 0; r < KCB_NRULES; r++) {
        enum kcb_rule got;
        assert_int_equal(kcb_rule_parse(kcb_rule_name((enum kcb_rule)r), &got), KCB_OK);
        assert_int_equal(got, r);
    }
    assert_string_equal(kcb_rule_name(KCB_RULE_VOTE), "vote");
    assert_string_equal(kcb_rule_name(KCB_RULE_RANDOM), "random");
    assert_string_equal(kcb_rule_name(KCB_RULE_OPTIMISTIC), "optimistic");
    enum kcb_rule r = KCB_RULE_RANDOM;
    assert_int_equal(kcb_rule_parse("Vote", &r), KCB_EINVAL);
    assert_int_equal(kcb_rule_parse("", &r), KCB_EINVAL);
    assert_int_equal(r, KCB_RULE_RANDOM);
}

/* ---- scores ---- */

static void add1(struct kcb_score *s, int truth, int pred)
{
    struct kcb_vote v = {pred, 1.0};
    kcb_score_add(s, truth, &v, 1);
}

/*
 * Five labels; 3 is predicted but never true, 4 occurs nowhere. Pairs (truth, predicted):
 * (0,0) (0,0) (0,3) (1,1) (1,0) (2,2). Confusion rows: 0: [2 0 0 1 0], 1: [1 1 0 0 0],
 * 2: [0 0 1 0 0]. Accuracy 4/6. F1 = 2tp/(row+col): label 0: 4/(3+3) = 2/3; label 1:
 * 2/(2+1) = 2/3; label 2: 2/2 = 1; label 3: 0/(0+1) = 0; label 4 left out.
 * Macro-F1 = (2/3 + 2/3 + 1 + 0) / 4 = 7/12.
 */
static void test_score_by_hand(void **state)
{
    (void)state;
    struct kcb_score s;
    assert_int_equal(kcb_score_init(&s, 5), KCB_OK);
    add1(&s, 0, 0);
    add1(&s, 0, 0);
    add1(&s, 0, 3);
    add1(&s, 1, 1);
    add1(&s, 1, 0);
    add1(&s, 2, 2);
    assert_near(s.n, 6.0);
    assert_near(s.conf[0 * 5 + 0], 2.0);
    assert_near(s.conf[0 * 5 + 3], 1.0);
    assert_near(s.conf[1 * 5 + 0], 1.0);
    assert_near(kcb_score_accuracy(&s), 4.0 / 6.0);
    assert_near(kcb_score_macro_f1(&s), 7.0 / 12.0);
    kcb_score_free(&s);
    assert_null(s.conf);
}

/*
 * The random rule's expected confusion matrix. Items: truth 0 votes {0: 1/2, 1: 1/2};
 * truth 1 votes {1}; truth 2 votes {0, 1, 2: 1/3 each}; truth 0 votes {0}.
 * Rows: 0: [3/2 1/2 0], 1: [0 1 0], 2: [1/3 1/3 1/3]. Accuracy (3/2 + 1 + 1/3)/4 = 17/24.
 * F1: label 0: tp 3/2, row 2, col 11/6 -> 3/(23/6) = 18/23; label 1: tp 1, row 1,
 * col 11/6 -> 2/(17/6) = 12/17; label 2: tp 1/3, row 1, col 1/3 -> (2/3)/(4/3) = 1/2.
 */
static void test_score_fractional(void **state)
{
    (void)state;
    struct kcb_score s;
    assert_int_equal(kcb_score_init(&s, 3), KCB_OK);
    const struct kcb_vote half[] = {{0, 0.5}, {1, 0.5}}, one[] = {{1, 1.0}}, whole[] = {{0, 1.0}};
    const struct kcb_vote third[] = {{0, 1.0 / 3}, {1, 1.0 / 3}, {2, 1.0 / 3}};
    kcb_score_add(&s, 0, half, 2);
    kcb_score_add(&s, 1, one, 1);
    kcb_score_add(&s, 2, third, 3);
    kcb_score_add(&s, 0, whole, 1);
    assert_near(s.n, 4.0);
    assert_near(s.conf[0], 1.5);
    assert_near(kcb_score_accuracy(&s), 17.0 / 24.0);
    assert_near(kcb_score_macro_f1(&s), (18.0 / 23.0 + 12.0 / 17.0 + 0.5) / 3.0);
    kcb_score_free(&s);
}

/* The same matrix reached through kcb_knn_decide's random rule on real neighbour lists. */
static void test_score_from_random_rule(void **state)
{
    (void)state;
    struct kcb_score s;
    struct case_nb c;
    struct kcb_vote v[16];
    assert_int_equal(kcb_score_init(&s, 3), KCB_OK);
    static const int l1[] = {0, 1}, l2[] = {1, 1, 0}, l3[] = {2, 0, 1}, l4[] = {0};
    make_case(&c, l1, 2);
    kcb_score_add(&s, 0, v, kcb_knn_decide(KCB_RULE_RANDOM, c.nb, 2, c.label, 0, v));
    make_case(&c, l2, 3);
    kcb_score_add(&s, 1, v, kcb_knn_decide(KCB_RULE_RANDOM, c.nb, 3, c.label, 1, v));
    make_case(&c, l3, 3);
    kcb_score_add(&s, 2, v, kcb_knn_decide(KCB_RULE_RANDOM, c.nb, 3, c.label, 2, v));
    make_case(&c, l4, 1);
    kcb_score_add(&s, 0, v, kcb_knn_decide(KCB_RULE_RANDOM, c.nb, 1, c.label, 0, v));
    assert_near(kcb_score_accuracy(&s), 17.0 / 24.0);
    assert_near(kcb_score_macro_f1(&s), (18.0 / 23.0 + 12.0 / 17.0 + 0.5) / 3.0);
    kcb_score_free(&s);
}

static void test_score_perfect_and_empty(void **state)
{
    (void)state;
    struct kcb_score s;
    assert_int_equal(kcb_score_init(&s, 4), KCB_OK);
    assert_true(isnan(kcb_score_accuracy(&s)));
    assert_true(isnan(kcb_score_macro_f1(&s)));
    add1(&s, 1, 1);
    add1(&s, 3, 3);
    add1(&s, 3, 3);
    assert_near(kcb_score_accuracy(&s), 1.0);
    assert_near(kcb_score_macro_f1(&s), 1.0); /* labels 0 and 2 occur nowhere: left out */
    kcb_score_free(&s);
    /* all wrong: truth 0 predicted 1 -> both labels used, F1 0 for both */
    assert_int_equal(kcb_score_init(&s, 2), KCB_OK);
    add1(&s, 0, 1);
    assert_near(kcb_score_accuracy(&s), 0.0);
    assert_near(kcb_score_macro_f1(&s), 0.0);
    kcb_score_free(&s);
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
                              strlen(sep), k, threads, log_progress, &pl};
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
    struct kcb_spec spec = {kcb_codec_find(codec), level};
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
    struct kcb_spec spec = {kcb_codec_find("gzip"), 9};
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
    struct kcb_spec spec = {kcb_codec_find("gzip"), 9};
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
    struct kcb_spec spec = {kcb_codec_find("gzip"), 9};
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
    struct kcb_spec spec = {kcb_codec_find("gzip"), 9};
    struct kcb_blob tr[NTRAIN], te[NTEST];
    size_t ctr[NTRAIN] = {0}, cte[NTEST] = {0};
    struct kcb_nb nb[NTEST * 2];
    blobs(train_text, NTRAIN, tr);
    blobs(test_text, NTEST, te);
    struct kcb_knn_job job = {&spec, KCB_DIST_NCD, tr, ctr, NTRAIN, te, cte, NTEST, "", 0, 0, 1,
                              NULL, NULL};
    assert_int_equal(kcb_knn_search(&job, nb), KCB_EINVAL); /* k = 0 */
    job.k = 1025;
    assert_int_equal(kcb_knn_search(&job, nb), KCB_EINVAL); /* k above the maximum */
    job.k = 2;
    job.ntrain = 0;
    assert_int_equal(kcb_knn_search(&job, nb), KCB_EINVAL); /* nothing to compare with */
}

/* kcb_sizes equals kcb_comp_size item by item, for any thread count. */
static void test_sizes_match_single(void **state)
{
    (void)state;
    struct kcb_spec spec = {kcb_codec_find("gzip"), 6};
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
        cmocka_unit_test(test_rules_k1),
        cmocka_unit_test(test_rules_k2_tie),
        cmocka_unit_test(test_rules_k2_agree),
        cmocka_unit_test(test_rules_k3_majority),
        cmocka_unit_test(test_rules_k3_three_way),
        cmocka_unit_test(test_rules_k4_tie),
        cmocka_unit_test(test_rules_k5_two_way),
        cmocka_unit_test(test_rules_k5_all_different),
        cmocka_unit_test(test_rules_three_way_ties),
        cmocka_unit_test(test_rules_use_first_k_only),
        cmocka_unit_test(test_rule_names),
        cmocka_unit_test(test_score_by_hand),
        cmocka_unit_test(test_score_fractional),
        cmocka_unit_test(test_score_from_random_rule),
        cmocka_unit_test(test_score_perfect_and_empty),
        cmocka_unit_test(test_search_matches_brute_force),
        cmocka_unit_test(test_search_tie_to_earlier_row),
        cmocka_unit_test(test_search_k_above_ntrain),
        cmocka_unit_test(test_search_then_vote),
        cmocka_unit_test(test_search_rejects_bad_jobs),
        cmocka_unit_test(test_sizes_match_single),
    };
    return cmocka_run_group_tests_name("knn", tests, NULL, NULL);
}
