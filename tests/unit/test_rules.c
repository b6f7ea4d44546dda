/* Unit tests for kNN's decision rules (vote, random, optimistic) and the scores they give. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/knn.h"
#include "kcb/rules.h"
#include "knn_test.h"

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

/* ---- kcb_knn_score: the decide-and-score loop ---- */

#define SC_NTEST 6
#define SC_STRIDE 5
#define SC_NROWS (SC_NTEST * SC_STRIDE)

/*
 * Six test items with five neighbours each (stride 5), of which the first three decide when
 * k = 3; what follows would change the outcome if it were read. Per item, truth: neighbours'
 * labels, and the k = 3 outcome:
 *   A: A B B | A A   B wins (the tail would make it A)
 *   B: A B C | F F   three-way tie: vote A, random A/B/C, optimistic B
 *   C: C D D | F F   D wins
 *   D: D A E | E E   three-way tie: vote D, random D/A/E, optimistic D (the tail gives E)
 *   A: B B A | A A   B wins
 *   E: E E E | F F   E
 * k = 3 accuracy: vote 2/6, optimistic 3/6, random (1/3 + 1/3 + 1) / 6 = 5/18.
 */
struct score_case {
    struct kcb_nb nb[SC_NROWS];
    int train_label[SC_NROWS], test_label[SC_NTEST];
};

static void make_score_case(struct score_case *c)
{
    static const int labs[SC_NTEST][SC_STRIDE] = {
        {A, B, B, A, A}, {A, B, C, F, F}, {C, D, D, F, F},
        {D, A, E, E, E}, {B, B, A, A, A}, {E, E, E, F, F},
    };
    static const int truth[SC_NTEST] = {A, B, C, D, A, E};
    for (size_t i = 0; i < SC_NTEST; i++) {
        c->test_label[i] = truth[i];
        for (size_t j = 0; j < SC_STRIDE; j++) {
            /* rows in reverse order, so that row numbers differ from positions */
            uint32_t row = (uint32_t)(SC_NROWS - 1 - (i * SC_STRIDE + j));
            c->nb[i * SC_STRIDE + j] = (struct kcb_nb){(double)j / 10.0, row};
            c->train_label[row] = labs[i][j];
        }
    }
}

/* The score of rule r with k neighbours, item by item with kcb_knn_decide + kcb_score_add. */
static void score_by_items(const struct score_case *c, enum kcb_rule r, size_t k,
                           struct kcb_score *s)
{
    struct kcb_vote v[SC_STRIDE];
    for (size_t i = 0; i < SC_NTEST; i++) {
        size_t nv = kcb_knn_decide(r, c->nb + i * SC_STRIDE, k, c->train_label,
                                   c->test_label[i], v);
        assert_true(nv >= 1 && nv <= k);
        kcb_score_add(s, c->test_label[i], v, nv);
    }
}

static void assert_same_score(const struct kcb_score *got, const struct kcb_score *want)
{
    assert_int_equal(got->nlabels, want->nlabels);
    assert_true(got->n == want->n);
    for (size_t j = 0; j < want->nlabels * want->nlabels; j++) {
        if (!(got->conf[j] == want->conf[j]))
            print_error("conf[%zu]: got %.17g, want %.17g\n", j, got->conf[j], want->conf[j]);
        assert_true(got->conf[j] == want->conf[j]);
    }
}

/* Every rule and every k up to the stride: the loop equals deciding item by item. */
static void test_knn_score_equals_decide_loop(void **state)
{
    (void)state;
    struct score_case c;
    make_score_case(&c);
    for (int r = 0; r < KCB_NRULES; r++) {
        for (size_t k = 1; k <= SC_STRIDE; k++) {
            struct kcb_score got, want;
            assert_int_equal(kcb_score_init(&got, F + 1), KCB_OK);
            assert_int_equal(kcb_score_init(&want, F + 1), KCB_OK);
            kcb_knn_score((enum kcb_rule)r, c.nb, SC_STRIDE, k, c.train_label, c.test_label,
                          SC_NTEST, &got);
            score_by_items(&c, (enum kcb_rule)r, k, &want);
            assert_near(got.n, (double)SC_NTEST);
            assert_same_score(&got, &want);
            kcb_score_free(&got);
            kcb_score_free(&want);
        }
    }
}

/* k = 3 of a stride of 5, by hand: only the first three neighbours of each item count. */
static void test_knn_score_by_hand(void **state)
{
    (void)state;
    struct score_case c;
    make_score_case(&c);
    static const double want[KCB_NRULES] = {2.0 / 6.0, 5.0 / 18.0, 3.0 / 6.0};
    for (int r = 0; r < KCB_NRULES; r++) {
        struct kcb_score s;
        assert_int_equal(kcb_score_init(&s, F + 1), KCB_OK);
        kcb_knn_score((enum kcb_rule)r, c.nb, SC_STRIDE, 3, c.train_label, c.test_label,
                      SC_NTEST, &s);
        assert_near(s.n, (double)SC_NTEST);
        assert_near(kcb_score_accuracy(&s), want[r]);
        for (int t = A; t <= F; t++) /* F only ever follows the first three */
            assert_near(s.conf[(size_t)t * (F + 1) + F], 0.0);
        kcb_score_free(&s);
    }
    /* random, the second item (truth B): A, B and C a third each */
    struct kcb_score s;
    assert_int_equal(kcb_score_init(&s, F + 1), KCB_OK);
    kcb_knn_score(KCB_RULE_RANDOM, c.nb, SC_STRIDE, 3, c.train_label, c.test_label, SC_NTEST,
                  &s);
    for (int p = A; p <= C; p++)
        assert_near(s.conf[(size_t)B * (F + 1) + (size_t)p], 1.0 / 3.0);
    kcb_score_free(&s);
}

/* The loop adds to the score it is given; ntest = 0 adds nothing. */
static void test_knn_score_accumulates(void **state)
{
    (void)state;
    struct score_case c;
    make_score_case(&c);
    struct kcb_score got, want;
    assert_int_equal(kcb_score_init(&got, F + 1), KCB_OK);
    assert_int_equal(kcb_score_init(&want, F + 1), KCB_OK);
    kcb_knn_score(KCB_RULE_VOTE, c.nb, SC_STRIDE, 3, c.train_label, c.test_label, 0, &got);
    assert_near(got.n, 0.0);
    kcb_knn_score(KCB_RULE_VOTE, c.nb, SC_STRIDE, 3, c.train_label, c.test_label, SC_NTEST,
                  &got);
    kcb_knn_score(KCB_RULE_RANDOM, c.nb, SC_STRIDE, 2, c.train_label, c.test_label, SC_NTEST,
                  &got);
    score_by_items(&c, KCB_RULE_VOTE, 3, &want);
    score_by_items(&c, KCB_RULE_RANDOM, 2, &want);
    assert_near(got.n, 2.0 * SC_NTEST);
    assert_same_score(&got, &want);
    kcb_score_free(&got);
    kcb_score_free(&want);
}

/* Past KCB_SCORE_DENSE_MAX labels no matrix is kept, and accuracy and macro-F1 from the
 * per-label sums equal those of the whole matrix on the same decisions (10^5 labels). */
static void score_four(struct kcb_score *s)
{
    const int truth[4] = {0, 0, 1, 2}, pred[4] = {0, 1, 1, 0};
    for (size_t i = 0; i < 4; i++)
        kcb_score_add(s, truth[i], &(struct kcb_vote){pred[i], 1.0}, 1);
}

static void test_score_many_labels(void **state)
{
    (void)state;
    struct kcb_score dense, sparse;
    assert_int_equal(kcb_score_init(&dense, 3), KCB_OK);
    assert_int_equal(kcb_score_init(&sparse, 100000), KCB_OK);
    assert_non_null(dense.conf);
    assert_null(sparse.conf);
    score_four(&dense);
    score_four(&sparse);
    assert_near(kcb_score_accuracy(&sparse), 0.5);
    assert_near(kcb_score_accuracy(&dense), 0.5);
    /* F1: label 0 2*1/(2+2), label 1 2*1/(1+2), label 2 0: their mean */
    assert_near(kcb_score_macro_f1(&sparse), (0.5 + 2.0 / 3.0 + 0.0) / 3.0);
    assert_near(kcb_score_macro_f1(&dense), kcb_score_macro_f1(&sparse));
    kcb_score_free(&dense);
    kcb_score_free(&sparse);
    assert_null(sparse.row);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
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
        cmocka_unit_test(test_knn_score_equals_decide_loop),
        cmocka_unit_test(test_knn_score_by_hand),
        cmocka_unit_test(test_knn_score_accumulates),
        cmocka_unit_test(test_score_many_labels),
    };
    return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
