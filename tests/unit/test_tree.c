/* Unit tests for neighbour joining: textbook and additive trees, edge cases, Newick, layout. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/matrix.h"
#include "kcb/tree.h"
#include "kcb_test.h"

#define EPS 1e-9

/* A matrix with the given labels and n*n values (row-major). */
static struct kcb_matrix *matrix(size_t n, const char *const *labels, const double *d)
{
    struct kcb_matrix *m;
    assert_int_equal(kcb_matrix_new(n, &m), KCB_OK);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(kcb_matrix_set_label(m, i, labels[i]), KCB_OK);
    memcpy(m->d, d, n * n * sizeof *d);
    return m;
}

/* The additive five-taxon example of Wikipedia's "Neighbor joining" article. */
static const char *const WIKI_LABELS[] = {"a", "b", "c", "d", "e"};
static const double WIKI[25] = {
    0, 5, 9, 9, 8,
    5, 0, 10, 10, 9,
    9, 10, 0, 8, 7,
    9, 10, 8, 0, 3,
    8, 9, 7, 3, 0,
};

static struct kcb_tree *nj_ok(const struct kcb_matrix *m)
{
    struct kcb_tree *t = NULL;
    assert_int_equal(kcb_nj(m, &t), KCB_OK);
    assert_non_null(t);
    return t;
}

static char *newick(const struct kcb_tree *t)
{
    struct kcb_test_capture cap;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    assert_int_equal(kcb_tree_newick(t, cap.fp), KCB_OK);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    return cap.text;
}

/* Runs NJ on n taxa and checks the whole Newick text. */
static void check_newick(size_t n, const char *const *labels, const double *d, const char *want)
{
    struct kcb_matrix *m = matrix(n, labels, d);
    struct kcb_tree *t = nj_ok(m);
    char *got = newick(t);
    assert_string_equal(got, want);
    free(got);
    kcb_tree_free(t);
    kcb_matrix_free(m);
}

/*
 * By hand: row sums a 31, b 34, c 34, d 30, e 27; Q(a,b) = 3*5 - 31 - 34 = -50 is the least,
 * so a and b join with lengths 5/2 + (31-34)/6 = 2 and 3. u = (a,b) is 7, 7, 6 from c, d, e;
 * sums u 20, c 22, d 18, e 16; Q(u,c) = Q(d,e) = -28, and the tie goes to the lower slot:
 * u (slot 0) and c join, lengths 7/2 + (20-22)/4 = 3 and 4. v = (u,c) is 4 from d and 3
 * from e; the last three give v 2, d 2, e 1.
 */
static void test_nj_wikipedia_example(void **state)
{
    (void)state;
    check_newick(5, WIKI_LABELS, WIKI,
                 "(((a:2.000000,b:3.000000):3.000000,c:4.000000):2.000000,d:2.000000,"
                 "e:1.000000);\n");
}

static void test_nj_wikipedia_structure(void **state)
{
    (void)state;
    struct kcb_matrix *m = matrix(5, WIKI_LABELS, WIKI);
    struct kcb_tree *t = nj_ok(m);
    assert_int_equal(t->nleaves, 5);
    assert_int_equal(t->nnodes, 8);
    assert_int_equal(t->node[0].parent, 5); /* a and b joined first, into node 5 */
    assert_int_equal(t->node[1].parent, 5);
    assert_int_equal(t->node[5].parent, 6); /* then (a,b) with c */
    assert_int_equal(t->node[2].parent, 6);
    assert_int_equal(t->node[7].nchild, 3); /* the top node */
    assert_int_equal(t->node[7].parent, KCB_TREE_NONE);
    for (size_t v = 0; v < 5; v++)
        assert_int_equal(t->node[v].nchild, 0);
    assert_string_equal(t->labels[4], "e");
    kcb_tree_free(t);
    kcb_matrix_free(m);
}

/* ---- additive trees: a random topology with random lengths, recovered exactly ---- */

#define MAXN 24

/* An unrooted binary tree as an edge list: leaves 0..n-1, internal nodes n..2n-3. */
struct known {
    size_t n, nedges;
    size_t a[2 * MAXN], b[2 * MAXN];
    double len[2 * MAXN];
};

static double rand_len(uint64_t *seed)
{
    return 0.05 + (double)(kcb_test_rand(seed) >> 11) / 9007199254740992.0; /* [0.05, 1.05) */
}

static void add_known_edge(struct known *k, size_t a, size_t b, double len)
{
    k->a[k->nedges] = a;
    k->b[k->nedges] = b;
    k->len[k->nedges++] = len;
}

/* Starts from the star of leaves 0, 1, 2 and adds each next leaf on a random edge. */
static void random_tree(struct known *k, size_t n, uint64_t seed)
{
    size_t next = n + 1;
    k->n = n;
    k->nedges = 0;
    for (size_t i = 0; i < 3; i++)
        add_known_edge(k, n, i, rand_len(&seed));
    for (size_t leaf = 3; leaf < n; leaf++) {
        size_t e = kcb_test_rand(&seed) % k->nedges, w = next++;
        double cut = 0.2 + 0.6 * rand_len(&seed) / 1.05;
        size_t b = k->b[e];
        double len = k->len[e];
        k->b[e] = w;
        k->len[e] = len * cut;
        add_known_edge(k, w, b, len * (1 - cut));
        add_known_edge(k, w, leaf, rand_len(&seed));
    }
}

/* The leaves on b's side of edge e, as a bit set, complemented if it holds leaf 0. */
static uint64_t known_split(const struct known *k, size_t e)
{
    size_t stack[2 * MAXN], from[2 * MAXN], top = 0;
    uint64_t set = 0, all = (UINT64_C(1) << k->n) - 1;
    stack[top] = k->b[e];
    from[top++] = k->a[e];
    while (top) {
        size_t v = stack[--top], p = from[top];
        if (v < k->n)
            set |= UINT64_C(1) << v;
        for (size_t f = 0; f < k->nedges; f++) {
            size_t u = k->a[f] == v ? k->b[f] : k->b[f] == v ? k->a[f] : SIZE_MAX;
            if (u != SIZE_MAX && u != p) {
                stack[top] = u;
                from[top++] = v;
            }
        }
    }
    return set & 1 ? ~set & all : set;
}

/* The distance between leaves i and j: the summed lengths of the edges splitting them. */
static double known_distance(const struct known *k, size_t i, size_t j)
{
    double d = 0;
    for (size_t e = 0; e < k->nedges; e++) {
        uint64_t s = known_split(k, e);
        if (((s >> i) & 1) != ((s >> j) & 1))
            d += k->len[e];
    }
    return d;
}

/* The split below node v of t (the leaves under it), normalised as known_split does. */
static uint64_t tree_split(const struct kcb_tree *t, size_t v)
{
    uint64_t set = 0, all = (UINT64_C(1) << t->nleaves) - 1;
    for (size_t leaf = 0; leaf < t->nleaves; leaf++)
        for (size_t u = leaf; u != KCB_TREE_NONE; u = t->node[u].parent)
            if (u == v)
                set |= UINT64_C(1) << leaf;
    return set & 1 ? ~set & all : set;
}

/* NJ on the tree metric of a random n-leaf tree gives back its splits and lengths. */
static void check_additive(size_t n, uint64_t seed)
{
    struct known k;
    random_tree(&k, n, seed);
    struct kcb_matrix *m;
    assert_int_equal(kcb_matrix_new(n, &m), KCB_OK);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            m->d[i * n + j] = i == j ? 0 : known_distance(&k, i, j);
    struct kcb_tree *t = nj_ok(m);
    assert_int_equal(t->nnodes, 2 * n - 2);
    size_t matched = 0;
    for (size_t v = 0; v + 1 < t->nnodes; v++) {
        uint64_t s = tree_split(t, v);
        for (size_t e = 0; e < k.nedges; e++)
            if (known_split(&k, e) == s) {
                assert_true(kcb_test_near(t->node[v].length, k.len[e], EPS));
                matched++;
            }
    }
    assert_int_equal(matched, k.nedges); /* 2n - 3 edges, each found once */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            assert_true(kcb_test_near(kcb_tree_path_length(t, i, j), i == j ? 0 : m->d[i * n + j],
                                      EPS));
    kcb_tree_free(t);
    kcb_matrix_free(m);
}

static void test_nj_recovers_additive_trees(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 30; seed++)
        check_additive(4 + (size_t)(seed % 20), seed);
}

/* ---- NCD-like input, small n, bad input ---- */

static void test_nj_symmetrises_and_ignores_diagonal(void **state)
{
    (void)state;
    double d[25];
    for (size_t i = 0; i < 5; i++) {
        d[i * 5 + i] = 0.9; /* as NCD(x, x) is, and must not count */
        for (size_t j = i + 1; j < 5; j++) {
            double skew = 0.25 * (double)(i + 2 * j + 1);
            d[i * 5 + j] = WIKI[i * 5 + j] + skew; /* the mean of the two is WIKI's value */
            d[j * 5 + i] = WIKI[i * 5 + j] - skew;
        }
    }
    for (size_t i = 0; i < 5; i++)
        for (size_t j = 0; j < i; j++)
            assert_true(d[i * 5 + j] != d[j * 5 + i]);
    check_newick(5, WIKI_LABELS, d,
                 "(((a:2.000000,b:3.000000):3.000000,c:4.000000):2.000000,d:2.000000,"
                 "e:1.000000);\n");
}

static void test_nj_two_taxa_halve_the_edge(void **state)
{
    (void)state;
    static const char *const labels[] = {"x", "y"};
    static const double d[4] = {0.1, 0.8, 0.6, 0.2}; /* symmetrised: 0.7 */
    check_newick(2, labels, d, "(x:0.350000,y:0.350000);\n");
}

static void test_nj_three_taxa_exact(void **state)
{
    (void)state;
    static const char *const labels[] = {"a", "b", "c"};
    static const double d[9] = {0, 3, 4, 3, 0, 5, 4, 5, 0};
    check_newick(3, labels, d, "(a:1.000000,b:2.000000,c:3.000000);\n");
}

/* Q(a,b) = Q(c,d) = -20; a, b join with 1 + (4 - 20)/4 = -3 -> 0, and b takes all of 2. */
static void test_nj_negative_length_clamped(void **state)
{
    (void)state;
    static const char *const labels[] = {"a", "b", "c", "d"};
    static const double d[16] = {0, 2, 1, 1, 2, 0, 9, 9, 1, 9, 0, 2, 1, 9, 2, 0};
    check_newick(4, labels, d,
                 "((a:0.000000,b:2.000000):3.000000,c:1.000000,d:1.000000);\n");
}

/* Every pair of a four-taxon star ties: the first pair (a, b) joins. */
static void test_nj_ties_go_to_the_first_pair(void **state)
{
    (void)state;
    static const char *const labels[] = {"a", "b", "c", "d"};
    static const double d[16] = {0, 2, 2, 2, 2, 0, 2, 2, 2, 2, 0, 2, 2, 2, 2, 0};
    check_newick(4, labels, d,
                 "((a:1.000000,b:1.000000):0.000000,c:1.000000,d:1.000000);\n");
}

static void expect_einval(size_t n, const double *d)
{
    static const char *const labels[] = {"a", "b", "c"};
    struct kcb_matrix *m = matrix(n, labels, d);
    struct kcb_tree *t = NULL;
    assert_int_equal(kcb_nj(m, &t), KCB_EINVAL);
    assert_null(t);
    kcb_matrix_free(m);
}

static void test_nj_rejects_fewer_than_two_taxa(void **state)
{
    (void)state;
    static const double zero[1] = {0};
    expect_einval(0, zero);
    expect_einval(1, zero);
}

static void test_nj_rejects_non_finite(void **state)
{
    (void)state;
    double d[9] = {0, 1, 2, 1, 0, 3, 2, 3, 0};
    d[5] = (double)NAN;
    expect_einval(3, d);
    d[5] = 3;
    d[4] = (double)INFINITY; /* the diagonal is not used, but must still be a number */
    expect_einval(3, d);
    d[4] = 0;
    d[2] = -(double)INFINITY;
    expect_einval(3, d);
}

/* ---- Newick ---- */

static void test_newick_quotes_special_labels(void **state)
{
    (void)state;
    static const char *const labels[] = {"plain", "under_score", "with space", "it's",
                                         "a,b", "x(y)", "[c]", "k:v;", "", "tab\there"};
    enum { N = sizeof labels / sizeof labels[0] };
    /* Newick reads an unquoted _ as a blank: under_score must be quoted to stay itself */
    static const char *const want[] = {"plain:", "'under_score':", "'with space':", "'it''s':",
                                       "'a,b':", "'x(y)':", "'[c]':", "'k:v;':", "'':",
                                       "'tab\there':"};
    double d[N * N];
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < N; j++)
            d[i * N + j] = i == j ? 0 : 1 + (double)(i + j) / 8;
    struct kcb_matrix *m = matrix(N, labels, d);
    struct kcb_tree *t = nj_ok(m);
    char *got = newick(t);
    for (size_t i = 0; i < N; i++)
        assert_non_null(strstr(got, want[i]));
    assert_null(strstr(got, "it's")); /* the quote inside is doubled */
    assert_int_equal(got[strlen(got) - 2], ';');
    free(got);
    kcb_tree_free(t);
    kcb_matrix_free(m);
}

/* ---- layout ---- */

static struct kcb_tree_layout *layout_ok(const struct kcb_tree *t)
{
    struct kcb_tree_layout *l = NULL;
    assert_int_equal(kcb_tree_layout(t, &l), KCB_OK);
    assert_non_null(l);
    return l;
}

/* Whether some segment of l is horizontal and ends at (x, y). */
static int has_branch_to(const struct kcb_tree_layout *l, double x, double y)
{
    for (size_t k = 0; k < l->nseg; k++)
        if (l->seg[k].y1 == y && l->seg[k].y2 == y && kcb_test_near(l->seg[k].x2, x, EPS))
            return 1;
    return 0;
}

/* The longest path is b-c (10, first of the ties b-c and b-d): the root sits 5 from each. */
static void test_layout_wikipedia_midpoint(void **state)
{
    (void)state;
    static const size_t leaf[5] = {0, 1, 2, 3, 4};
    static const double x[5] = {4, 5, 5, 5, 4};
    struct kcb_matrix *m = matrix(5, WIKI_LABELS, WIKI);
    struct kcb_tree *t = nj_ok(m);
    struct kcb_tree_layout *l = layout_ok(t);
    assert_int_equal(l->ntips, 5);
    assert_int_equal(l->nseg, 12); /* 8 branches under the root, 4 joins' vertical bars */
    assert_true(kcb_test_near(l->width, 5, EPS));
    for (size_t k = 0; k < 5; k++) {
        assert_int_equal(l->tip[k].leaf, leaf[k]);
        assert_true(l->tip[k].y == (double)k);
        assert_true(kcb_test_near(l->tip[k].x, x[k], EPS));
        assert_true(has_branch_to(l, l->tip[k].x, l->tip[k].y));
    }
    kcb_tree_layout_free(l);
    kcb_tree_free(t);
    kcb_matrix_free(m);
}

static void test_layout_two_taxa(void **state)
{
    (void)state;
    static const char *const labels[] = {"x", "y"};
    static const double d[4] = {0, 3, 3, 0};
    struct kcb_matrix *m = matrix(2, labels, d);
    struct kcb_tree *t = nj_ok(m);
    struct kcb_tree_layout *l = layout_ok(t);
    assert_int_equal(l->ntips, 2);
    for (size_t k = 0; k < 2; k++) {
        assert_true(kcb_test_near(l->tip[k].x, 1.5, EPS));
        assert_true(l->tip[k].y == (double)k);
    }
    kcb_tree_layout_free(l);
    kcb_tree_free(t);
    kcb_matrix_free(m);
}

static void test_layout_all_zero_distances(void **state)
{
    (void)state;
    static const char *const labels[] = {"a", "b", "c", "d"};
    static const double d[16] = {0};
    struct kcb_matrix *m = matrix(4, labels, d);
    struct kcb_tree *t = nj_ok(m);
    struct kcb_tree_layout *l = layout_ok(t);
    assert_int_equal(l->ntips, 4);
    assert_true(l->width == 0);
    for (size_t k = 0; k < l->nseg; k++)
        assert_true(l->seg[k].x1 == 0 && l->seg[k].x2 == 0 && isfinite(l->seg[k].y1));
    kcb_tree_layout_free(l);
    kcb_tree_free(t);
    kcb_matrix_free(m);
}

/* On random trees: every leaf is one row, no tip is farther from the midpoint root than
 * half the longest path, and the two ends of that path are exactly that far. */
static void test_layout_midpoint_property(void **state)
{
    (void)state;
    for (uint64_t seed = 40; seed < 50; seed++) {
        struct known k;
        size_t n = 5 + (size_t)(seed % 13);
        random_tree(&k, n, seed);
        struct kcb_matrix *m;
        assert_int_equal(kcb_matrix_new(n, &m), KCB_OK);
        double diameter = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++) {
                m->d[i * n + j] = i == j ? 0 : known_distance(&k, i, j);
                diameter = fmax(diameter, m->d[i * n + j]);
            }
        struct kcb_tree *t = nj_ok(m);
        struct kcb_tree_layout *l = layout_ok(t);
        uint64_t seen = 0;
        size_t at_half = 0;
        for (size_t r = 0; r < n; r++) {
            seen |= UINT64_C(1) << l->tip[r].leaf;
            assert_true(l->tip[r].x <= diameter / 2 + EPS);
            at_half += kcb_test_near(l->tip[r].x, diameter / 2, EPS);
        }
        assert_int_equal(seen, (UINT64_C(1) << n) - 1);
        assert_true(at_half >= 2);
        assert_true(kcb_test_near(l->width, diameter / 2, EPS));
        kcb_tree_layout_free(l);
        kcb_tree_free(t);
        kcb_matrix_free(m);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nj_wikipedia_example),
        cmocka_unit_test(test_nj_wikipedia_structure),
        cmocka_unit_test(test_nj_recovers_additive_trees),
        cmocka_unit_test(test_nj_symmetrises_and_ignores_diagonal),
        cmocka_unit_test(test_nj_two_taxa_halve_the_edge),
        cmocka_unit_test(test_nj_three_taxa_exact),
        cmocka_unit_test(test_nj_negative_length_clamped),
        cmocka_unit_test(test_nj_ties_go_to_the_first_pair),
        cmocka_unit_test(test_nj_rejects_fewer_than_two_taxa),
        cmocka_unit_test(test_nj_rejects_non_finite),
        cmocka_unit_test(test_newick_quotes_special_labels),
        cmocka_unit_test(test_layout_wikipedia_midpoint),
        cmocka_unit_test(test_layout_two_taxa),
        cmocka_unit_test(test_layout_all_zero_distances),
        cmocka_unit_test(test_layout_midpoint_property),
    };
    return cmocka_run_group_tests_name("tree", tests, NULL, NULL);
}
