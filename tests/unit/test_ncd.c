/* Unit tests for compression distances: formulas, names, sizes of matrices, and string labels. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/dist.h"
#include "kcb_test.h"
#include "load.h"

#define EPS 1e-12

static void assert_near(double got, double want)
{
    if (!kcb_test_near(got, want, EPS))
        print_error("got %.17g, want %.17g\n", got, want);
    assert_true(kcb_test_near(got, want, EPS));
}

static kcb_comp *new_comp(const char *name, int level)
{
    struct kcb_spec spec = {kcb_codec_find(name), level, 0};
    kcb_comp *c;
    assert_non_null(spec.codec);
    assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
    return c;
}

/* Computes d from the sizes of x, y and x·y under c. */
static double distance(kcb_comp *c, enum kcb_dist d, const void *x, size_t nx, const void *y,
                       size_t ny)
{
    size_t cx, cy, cxy;
    assert_int_equal(kcb_comp_size(c, x, nx, &cx), KCB_OK);
    assert_int_equal(kcb_comp_size(c, y, ny, &cy), KCB_OK);
    assert_int_equal(kcb_comp_size_cat(c, x, nx, NULL, 0, y, ny, &cxy), KCB_OK);
    return kcb_dist(d, cx, cy, cxy);
}

/* C(x)=100, C(y)=200, C(xy)=250: NCD = (250-100)/200, CDM = 250/300, CLM = 1 - 50/250. */
static void test_formulas_by_hand(void **state)
{
    (void)state;
    assert_near(kcb_dist(KCB_DIST_NCD, 100, 200, 250), 0.75);
    assert_near(kcb_dist(KCB_DIST_CDM, 100, 200, 250), 250.0 / 300.0);
    assert_near(kcb_dist(KCB_DIST_CLM, 100, 200, 250), 0.8);
    /* x = y, C(xx) = C(x): NCD 0, CDM 1/2, CLM 0 */
    assert_near(kcb_dist(KCB_DIST_NCD, 40, 40, 40), 0.0);
    assert_near(kcb_dist(KCB_DIST_CDM, 40, 40, 40), 0.5);
    assert_near(kcb_dist(KCB_DIST_CLM, 40, 40, 40), 0.0);
    /* nothing shared, C(xy) = C(x) + C(y): NCD = (100-30)/70, CDM = 100/100, CLM = 1 - 0/100 */
    assert_near(kcb_dist(KCB_DIST_NCD, 30, 70, 100), 1.0);
    assert_near(kcb_dist(KCB_DIST_CDM, 30, 70, 100), 1.0);
    assert_near(kcb_dist(KCB_DIST_CLM, 30, 70, 100), 1.0);
    /* compressor overhead can push NCD past 1: (130-30)/70 */
    assert_near(kcb_dist(KCB_DIST_NCD, 30, 70, 130), 100.0 / 70.0);
}

static void test_formulas_symmetric_in_x_and_y(void **state)
{
    (void)state;
    for (int d = KCB_DIST_NCD; d <= KCB_DIST_CLM; d++)
        assert_near(kcb_dist((enum kcb_dist)d, 17, 301, 311),
                    kcb_dist((enum kcb_dist)d, 301, 17, 311));
}

static void test_zero_denominators(void **state)
{
    (void)state;
    assert_near(kcb_dist(KCB_DIST_NCD, 0, 0, 0), 0.0);
    assert_near(kcb_dist(KCB_DIST_CDM, 0, 0, 0), 0.0);
    assert_near(kcb_dist(KCB_DIST_CLM, 0, 0, 0), 0.0);
    assert_near(kcb_dist(KCB_DIST_NCD, 0, 0, 7), 0.0);
    assert_near(kcb_dist(KCB_DIST_CDM, 0, 0, 7), 0.0);
    assert_near(kcb_dist(KCB_DIST_CLM, 3, 4, 0), 0.0);
    /* one side zero is not a zero denominator: NCD = (9-0)/10, CDM = 9/10 */
    assert_near(kcb_dist(KCB_DIST_NCD, 0, 10, 9), 0.9);
    assert_near(kcb_dist(KCB_DIST_CDM, 0, 10, 9), 0.9);
}

static void test_dist_names(void **state)
{
    (void)state;
    static const char *const names[] = {"ncd", "cdm", "clm"};
    for (int d = KCB_DIST_NCD; d <= KCB_DIST_CLM; d++) {
        enum kcb_dist got = KCB_DIST_CLM;
        assert_string_equal(kcb_dist_name((enum kcb_dist)d), names[d]);
        assert_int_equal(kcb_dist_parse(names[d], &got), KCB_OK);
        assert_int_equal(got, d);
    }
    enum kcb_dist untouched = KCB_DIST_CDM;
    assert_int_equal(kcb_dist_parse("NCD", &untouched), KCB_EINVAL);
    assert_int_equal(kcb_dist_parse("", &untouched), KCB_EINVAL);
    assert_int_equal(kcb_dist_parse("ncd2", &untouched), KCB_EINVAL);
    assert_int_equal(untouched, KCB_DIST_CDM);
    assert_string_equal(kcb_dist_name((enum kcb_dist)42), "?");
}

/* Entry by entry, the matrix is what kcb_comp_size and kcb_comp_size_cat give, and the
 * concatenation is x·sep·y in that order. */
static void check_sizes_matrix(const char *codec, int level, const char *sep)
{
    enum { N = 4 };
    unsigned char *text = kcb_test_make(3000, 21, kcb_test_fill_text);
    unsigned char *rnd = kcb_test_make(500, 22, kcb_test_fill_random);
    assert_non_null(text);
    assert_non_null(rnd);
    const struct kcb_blob x[N] = {{text, 3000}, {rnd, 500}, {text + 100, 700}, {text, 0}};
    size_t nsep = strlen(sep), single[N], pair[N * N];
    kcb_comp *c = new_comp(codec, level);
    assert_int_equal(kcb_sizes_matrix(c, x, N, sep, nsep, single, pair), KCB_OK);
    unsigned char *cat = malloc(3000 + 3000 + nsep);
    assert_non_null(cat);
    for (size_t i = 0; i < N; i++) {
        size_t want;
        assert_int_equal(kcb_comp_size(c, x[i].p, x[i].n, &want), KCB_OK);
        assert_int_equal(single[i], want);
        for (size_t j = 0; j < N; j++) {
            assert_int_equal(
                kcb_comp_size_cat(c, x[i].p, x[i].n, sep, nsep, x[j].p, x[j].n, &want), KCB_OK);
            assert_int_equal(pair[i * N + j], want);
            memcpy(cat, x[i].p, x[i].n);
            memcpy(cat + x[i].n, sep, nsep);
            memcpy(cat + x[i].n + nsep, x[j].p, x[j].n);
            assert_int_equal(kcb_comp_size(c, cat, x[i].n + nsep + x[j].n, &want), KCB_OK);
            assert_int_equal(pair[i * N + j], want);
        }
    }
    kcb_comp_free(c);
    free(cat);
    free(text);
    free(rnd);
}

static void test_sizes_matrix_agrees_with_direct_calls(void **state)
{
    (void)state;
    check_sizes_matrix("gzip", 9, "");
    check_sizes_matrix("gzip", 1, "\n");
    check_sizes_matrix("zstd", 3, " | ");
    check_sizes_matrix("xz", 6, "");
}

static void test_sizes_matrix_empty(void **state)
{
    (void)state;
    kcb_comp *c = new_comp("gzip", 9);
    assert_int_equal(kcb_sizes_matrix(c, NULL, 0, "", 0, NULL, NULL), KCB_OK);
    kcb_comp_free(c);
}

static void test_ncd_of_text_with_itself_is_small(void **state)
{
    (void)state;
    const size_t n = 2048;
    unsigned char *x = kcb_test_make(n, 23, kcb_test_fill_text);
    assert_non_null(x);
    kcb_comp *c = new_comp("gzip", 9);
    double d = distance(c, KCB_DIST_NCD, x, n, x, n);
    assert_true(d >= 0.0);
    assert_true(d < 0.2);
    kcb_comp_free(c);
    free(x);
}

static void test_ncd_of_text_and_random_is_near_one(void **state)
{
    (void)state;
    const size_t n = 2048;
    unsigned char *x = kcb_test_make(n, 24, kcb_test_fill_text);
    unsigned char *r = kcb_test_make(n, 25, kcb_test_fill_random);
    assert_non_null(x);
    assert_non_null(r);
    kcb_comp *c = new_comp("gzip", 9);
    assert_true(distance(c, KCB_DIST_NCD, x, n, r, n) > 0.9);
    assert_true(distance(c, KCB_DIST_NCD, r, n, x, n) > 0.9);
    kcb_comp_free(c);
    free(x);
    free(r);
}

/* The two empty inputs are at distance 0 from each other, as the header promises. */
static void test_ncd_of_empty_inputs_is_zero(void **state)
{
    (void)state;
    kcb_comp *c = new_comp("gzip", 9);
    assert_near(distance(c, KCB_DIST_NCD, "", 0, "", 0), 0.0);
    kcb_comp_free(c);
}

/* Equal bytes get equal numbers, numbered in order of first appearance. */
static void test_blobs_distinct(void **state)
{
    (void)state;
    static const unsigned char ab[] = "ab", ab2[] = "ab", abc[] = "abc", ba[] = "ba";
    const struct kcb_blob x[] = {{ab, 2}, {abc, 3}, {NULL, 0}, {ab2, 2}, {ba, 2},
                                 {abc, 2}, {ab, 0}, {abc, 3}};
    const size_t want[] = {0, 1, 2, 0, 3, 0, 2, 1};
    size_t id[8], nid = 99;
    assert_int_equal(kcb_blobs_distinct(x, 8, id, &nid), KCB_OK);
    assert_int_equal(nid, 4);
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(id[i], want[i]);
    assert_int_equal(kcb_blobs_distinct(x, 0, id, &nid), KCB_OK);
    assert_int_equal(nid, 0);
}

/* Many blobs, few distinct: every id agrees with a direct comparison. */
static void test_blobs_distinct_many(void **state)
{
    (void)state;
    enum { N = 500 };
    unsigned char *text = kcb_test_make(4000, 31, kcb_test_fill_text);
    struct kcb_blob *x = malloc(N * sizeof *x);
    size_t *id = malloc(N * sizeof *id), nid;
    assert_non_null(text);
    assert_non_null(x);
    assert_non_null(id);
    for (size_t i = 0; i < N; i++) /* 37 offsets x 3 lengths: at most 111 distinct */
        x[i] = (struct kcb_blob){text + (i * 7919) % 37, (i * 104729) % 3 * 5};
    assert_int_equal(kcb_blobs_distinct(x, N, id, &nid), KCB_OK);
    size_t seen = 0;
    for (size_t i = 0; i < N; i++) {
        size_t first = 0;
        while (!(x[first].n == x[i].n && memcmp(x[first].p, x[i].p, x[i].n) == 0))
            first++;
        if (first == i)
            assert_int_equal(id[i], seen++);
        else
            assert_int_equal(id[i], id[first]);
    }
    assert_int_equal(nid, seen);
    free(text);
    free(x);
    free(id);
}

/* The rectangle is what kcb_comp_size and kcb_comp_size_cat give, rows and columns shared. */
static void test_sizes_rect(void **state)
{
    (void)state;
    unsigned char *text = kcb_test_make(2000, 32, kcb_test_fill_text);
    assert_non_null(text);
    const struct kcb_blob x[3] = {{text, 2000}, {text + 50, 300}, {text, 0}};
    const size_t rows[2] = {2, 0}, cols[4] = {0, 1, 1, 2};
    size_t single[3], pair[8], want;
    kcb_comp *c = new_comp("zstd", 3);
    assert_int_equal(kcb_sizes_rect(c, x, 3, rows, 2, cols, 4, "--", 2, single, pair), KCB_OK);
    for (size_t k = 0; k < 3; k++) {
        assert_int_equal(kcb_comp_size(c, x[k].p, x[k].n, &want), KCB_OK);
        assert_int_equal(single[k], want);
    }
    for (size_t i = 0; i < 2; i++)
        for (size_t j = 0; j < 4; j++) {
            const struct kcb_blob *a = &x[rows[i]], *b = &x[cols[j]];
            assert_int_equal(kcb_comp_size_cat(c, a->p, a->n, "--", 2, b->p, b->n, &want),
                             KCB_OK);
            assert_int_equal(pair[i * 4 + j], want);
        }
    /* the square matrix is the rectangle of every input against every input */
    size_t all[3] = {0, 1, 2}, sq_single[3], sq_pair[9], r_pair[9];
    assert_int_equal(kcb_sizes_matrix(c, x, 3, "", 0, sq_single, sq_pair), KCB_OK);
    assert_int_equal(kcb_sizes_rect(c, x, 3, all, 3, all, 3, "", 0, single, r_pair), KCB_OK);
    assert_memory_equal(sq_single, single, sizeof single);
    assert_memory_equal(sq_pair, r_pair, sizeof r_pair);
    /* no columns: only the single sizes */
    assert_int_equal(kcb_sizes_rect(c, x, 3, rows, 1, NULL, 0, "", 0, single, NULL), KCB_OK);
    assert_memory_equal(sq_single, single, sizeof single);
    kcb_comp_free(c);
    free(text);
}

static void check_label(const char *s, size_t n, const char *want)
{
    char buf[32];
    kcb_string_label(s, n, buf, sizeof buf);
    assert_string_equal(buf, want);
}

/* Up to 16 bytes of printable UTF-8 label themselves, other strings sN. */
static void test_string_label(void **state)
{
    (void)state;
    check_label("hello world", 1, "hello world");
    check_label("exactly 16 bytes", 2, "exactly 16 bytes");
    check_label("seventeen bytes!!", 3, "s3");
    check_label("", 4, "s4");
    check_label("Grüße 世界", 5, "Grüße 世界");
    check_label("tab\there", 6, "s6");
    check_label("del\x7f", 7, "s7");
    check_label("c1\xc2\x85", 8, "s8");
    check_label("nbsp\xc2\xa0", 9, "nbsp\xc2\xa0");
    check_label("\xff\xfe", 10, "s10");
    check_label("\xed\xa0\x80", 11, "s11"); /* a surrogate is not UTF-8 */
    check_label("s1", 12, "s12");
    check_label("s007", 13, "s13");
    check_label("s", 14, "s");
    check_label("s1x", 15, "s1x");
    check_label("a, \"b\"", 16, "a, \"b\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formulas_by_hand),
        cmocka_unit_test(test_formulas_symmetric_in_x_and_y),
        cmocka_unit_test(test_zero_denominators),
        cmocka_unit_test(test_dist_names),
        cmocka_unit_test(test_sizes_matrix_agrees_with_direct_calls),
        cmocka_unit_test(test_sizes_matrix_empty),
        cmocka_unit_test(test_ncd_of_text_with_itself_is_small),
        cmocka_unit_test(test_ncd_of_text_and_random_is_near_one),
        cmocka_unit_test(test_ncd_of_empty_inputs_is_zero),
        cmocka_unit_test(test_blobs_distinct),
        cmocka_unit_test(test_blobs_distinct_many),
        cmocka_unit_test(test_sizes_rect),
        cmocka_unit_test(test_string_label),
    };
    return cmocka_run_group_tests_name("ncd", tests, NULL, NULL);
}
