/* Unit tests for the probes: concat gain, window sweep, and the cost of new data. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "kcb/comp.h"
#include "kcb/dist.h"
#include "kcb/err.h"
#include "kcb/probe.h"
#include "kcb_test.h"
#include "probe_test.h"

static kcb_comp *new_comp(const struct kcb_spec *s)
{
    kcb_comp *c;
    assert_int_equal(kcb_comp_new(s, &c), KCB_OK);
    return c;
}

static size_t size_of(kcb_comp *c, const void *x, size_t n)
{
    size_t out;
    assert_int_equal(kcb_comp_size(c, x, n, &out), KCB_OK);
    return out;
}

static size_t size_cat(kcb_comp *c, const void *x, size_t nx, const void *y, size_t ny)
{
    size_t out;
    assert_int_equal(kcb_comp_size_cat(c, x, nx, "", 0, y, ny, &out), KCB_OK);
    return out;
}

/* ---- concat ---- */

/* The corpora: two texts of one vocabulary, random bytes, and the empty string. */
struct corpora {
    unsigned char *text1, *text2, *rnd;
    struct kcb_blob x[4];
};

static void corpora_make(struct corpora *c)
{
    c->text1 = kcb_test_make(3000, 1, kcb_test_fill_text);
    c->text2 = kcb_test_make(1500, 2, kcb_test_fill_text);
    c->rnd = kcb_test_make(800, 3, kcb_test_fill_random);
    assert_non_null(c->text1);
    assert_non_null(c->text2);
    assert_non_null(c->rnd);
    c->x[0] = (struct kcb_blob){c->text1, 3000};
    c->x[1] = (struct kcb_blob){c->rnd, 800};
    c->x[2] = (struct kcb_blob){c->text2, 1500};
    c->x[3] = (struct kcb_blob){(const unsigned char *)"", 0};
}

static void corpora_free(struct corpora *c)
{
    free(c->text1);
    free(c->text2);
    free(c->rnd);
}

/* out[i*n+j] against sizes computed one by one with kcb_comp_size / kcb_comp_size_cat and the
 * definitions in probe.h. */
static void check_concat(const struct kcb_spec *s, const struct kcb_blob *x, size_t n,
                         const struct kcb_concat *out)
{
    kcb_comp *c = new_comp(s);
    size_t cempty = size_of(c, "", 0);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            const struct kcb_concat *r = &out[i * n + j];
            size_t cx = size_of(c, x[i].p, x[i].n), cy = size_of(c, x[j].p, x[j].n);
            size_t cxy = size_cat(c, x[i].p, x[i].n, x[j].p, x[j].n);
            size_t cyx = size_cat(c, x[j].p, x[j].n, x[i].p, x[i].n);
            assert_int_equal(r->cx, cx);
            assert_int_equal(r->cy, cy);
            assert_int_equal(r->cxy, cxy);
            assert_int_equal(r->cyx, cyx);
            assert_int_equal(r->cempty, cempty);
            double gain = (double)cx + (double)cy - (double)cxy;
            assert_same_double(r->gain, gain);
            assert_same_double(r->gain_rel, gain / (double)(cx < cy ? cx : cy));
            assert_same_double(r->c_needed, (double)cxy - (double)cx - (double)cy);
            assert_int_equal(r->held, cxy <= cx + cy + cempty);
        }
    }
    kcb_comp_free(c);
}

static void assert_concat_equal(const struct kcb_concat *a, const struct kcb_concat *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(a[i].cx, b[i].cx);
        assert_int_equal(a[i].cy, b[i].cy);
        assert_int_equal(a[i].cxy, b[i].cxy);
        assert_int_equal(a[i].cyx, b[i].cyx);
        assert_int_equal(a[i].cempty, b[i].cempty);
        assert_same_double(a[i].gain, b[i].gain);
        assert_same_double(a[i].gain_rel, b[i].gain_rel);
        assert_same_double(a[i].c_needed, b[i].c_needed);
        assert_int_equal(a[i].held, b[i].held);
    }
}

static void test_concat_matrix_equals_direct_sizes(void **state)
{
    (void)state;
    struct corpora c;
    corpora_make(&c);
    static const char *const names[] = {"gzip", "bzip2", "xz", "zstd"};
    static const int levels[] = {9, 9, 6, 19};
    for (size_t k = 0; k < 4; k++) {
        struct kcb_spec s = spec_of(names[k], levels[k]);
        struct kcb_concat one[16], two[16];
        assert_int_equal(kcb_concat_matrix(&s, c.x, 4, 1, one), KCB_OK);
        assert_int_equal(kcb_concat_matrix(&s, c.x, 4, 2, two), KCB_OK);
        check_concat(&s, c.x, 4, one);
        assert_concat_equal(one, two, 16);
    }
    corpora_free(&c);
}

/* The diagonal is X with itself: C(Y) = C(X), C(XY) = C(YX) = C(XX), and for a text that
 * repeats, the second copy is nearly free. */
static void test_concat_diagonal_is_x_with_itself(void **state)
{
    (void)state;
    struct corpora c;
    corpora_make(&c);
    struct kcb_spec s = spec_of("gzip", 9);
    struct kcb_concat out[16];
    assert_int_equal(kcb_concat_matrix(&s, c.x, 4, 2, out), KCB_OK);
    for (size_t i = 0; i < 4; i++) {
        const struct kcb_concat *d = &out[i * 4 + i];
        assert_int_equal(d->cx, d->cy);
        assert_int_equal(d->cxy, d->cyx);
        assert_int_equal(d->cx, out[i * 4 + (i + 1) % 4].cx); /* the row's X */
    }
    /* 3000 bytes of text, well inside gzip's window: the copy costs under a tenth */
    assert_true(out[0].gain_rel > 0.9);
    corpora_free(&c);
}

/* Found with tests/oracle.py: raw deflate codes these two random strings in exactly
 * C(X) + C(Y) bytes together, so the gain is 0 and c_needed must be 0, not -0 (which the
 * commands printed as "-0" when c_needed was computed as -gain). */
static void test_concat_zero_gain_gives_positive_zero(void **state)
{
    (void)state;
    static const unsigned char gx[] = {0x20, 0x82, 0x3c, 0xfd, 0xe6, 0xf1, 0xc2, 0x6b, 0x30};
    static const unsigned char gy[] = {
        0x0e, 0xc7, 0xdd, 0x01, 0xe4, 0x88, 0x75, 0x34, 0xa2, 0x0f, 0x0b,
        0x0d, 0x04, 0xc3, 0x6e, 0xd8, 0x0e, 0x71, 0xe0, 0xfd, 0x77, 0xb0,
        0x76, 0x70, 0xeb, 0x94, 0x0b, 0xd5, 0x33, 0x5f, 0x97, 0x3d};
    struct kcb_blob x[2] = {{gx, sizeof gx}, {gy, sizeof gy}};
    struct kcb_spec s = spec_of("deflate", 6);
    struct kcb_concat out[4];
    assert_int_equal(kcb_concat_matrix(&s, x, 2, 1, out), KCB_OK);
    check_concat(&s, x, 2, out);
    assert_int_equal(out[1].cxy, out[1].cx + out[1].cy); /* the premise of this test */
    assert_same_double(out[1].gain, 0.0);
    assert_same_double(out[1].c_needed, 0.0);
    assert_false(signbit(out[1].c_needed));
    assert_false(signbit(out[2].c_needed));
}

static void test_concat_of_nothing(void **state)
{
    (void)state;
    struct kcb_spec s = spec_of("gzip", 9);
    struct kcb_concat out[1];
    assert_int_equal(kcb_concat_matrix(&s, NULL, 0, 1, out), KCB_OK);
}

/* ---- window ---- */

static void check_window(const struct kcb_spec *s, const unsigned char *x,
                         const struct kcb_window_point *pt, size_t count)
{
    kcb_comp *c = new_comp(s);
    for (size_t k = 0; k < count; k++) {
        size_t cx = size_of(c, x, pt[k].size), cxx = size_cat(c, x, pt[k].size, x, pt[k].size);
        assert_int_equal(pt[k].cx, cx);
        assert_int_equal(pt[k].cxx, cxx);
        assert_same_double(pt[k].ncd_xx, kcb_dist(KCB_DIST_NCD, cx, cx, cxx));
        assert_same_double(pt[k].gain_rel, (2.0 * (double)cx - (double)cxx) / (double)cx);
    }
    kcb_comp_free(c);
}

static void test_window_grid_and_values(void **state)
{
    (void)state;
    size_t n = 20000;
    unsigned char *x = kcb_test_make(n, 5, kcb_test_fill_text);
    assert_non_null(x);
    struct kcb_spec s = spec_of("gzip", 9);
    struct kcb_window_point one[64], two[64];
    size_t c1, c2;
    assert_int_equal(kcb_window_sweep(&s, x, n, 1000, 1, one, 64, &c1), KCB_OK);
    assert_int_equal(kcb_window_sweep(&s, x, n, 1000, 2, two, 64, &c2), KCB_OK);
    /* from, doubled while below n, then n itself */
    static const size_t want[] = {1000, 2000, 4000, 8000, 16000, 20000};
    assert_int_equal(c1, 6);
    for (size_t k = 0; k < 6; k++)
        assert_int_equal(one[k].size, want[k]);
    check_window(&s, x, one, c1);
    assert_int_equal(c2, c1);
    for (size_t k = 0; k < c1; k++) {
        assert_int_equal(two[k].size, one[k].size);
        assert_int_equal(two[k].cx, one[k].cx);
        assert_int_equal(two[k].cxx, one[k].cxx);
        assert_same_double(two[k].ncd_xx, one[k].ncd_xx);
        assert_same_double(two[k].gain_rel, one[k].gain_rel);
    }
    free(x);
}

/* n a power of two times from: n ends the doubling without a duplicate; from >= n gives n
 * alone; cap bounds the count. */
static void test_window_grid_edges(void **state)
{
    (void)state;
    size_t n = 4096;
    unsigned char *x = kcb_test_make(n, 6, kcb_test_fill_text);
    assert_non_null(x);
    struct kcb_spec s = spec_of("bzip2", 9);
    struct kcb_window_point pt[64];
    size_t count;
    assert_int_equal(kcb_window_sweep(&s, x, n, 1024, 1, pt, 64, &count), KCB_OK);
    assert_int_equal(count, 3);
    assert_int_equal(pt[0].size, 1024);
    assert_int_equal(pt[1].size, 2048);
    assert_int_equal(pt[2].size, 4096);
    check_window(&s, x, pt, count);

    assert_int_equal(kcb_window_sweep(&s, x, n, 5000, 1, pt, 64, &count), KCB_OK);
    assert_int_equal(count, 1);
    assert_int_equal(pt[0].size, n);
    check_window(&s, x, pt, count);

    assert_int_equal(kcb_window_sweep(&s, x, n, 1, 1, pt, 5, &count), KCB_OK);
    assert_int_equal(count, 5);
    for (size_t k = 0; k < 5; k++)
        assert_int_equal(pt[k].size, (size_t)1 << k);
    check_window(&s, x, pt, count);

    assert_int_equal(kcb_window_sweep(&s, x, n, 0, 1, pt, 64, &count), KCB_EINVAL);
    assert_int_equal(kcb_window_sweep(&s, x, 0, 16, 1, pt, 64, &count), KCB_EINVAL);
    free(x);
}

/* ---- cost of new data ---- */

/* Checks each point against 8 (C(prefix.chunk_r) - C(prefix)) / chunk, averaged over the
 * chunks that follow the prefix, and its sample standard deviation. */
static void check_scaling(const struct kcb_spec *s, const unsigned char *x, size_t chunk,
                          size_t chunks, const struct kcb_scaling_point *pt, size_t count)
{
    kcb_comp *c = new_comp(s);
    for (size_t k = 0; k < count; k++) {
        size_t seen = pt[k].seen, c0 = size_of(c, x, seen);
        double b[16], mean = 0, var = 0;
        assert_true(chunks <= 16);
        for (size_t r = 0; r < chunks; r++) {
            size_t cr = size_cat(c, x, seen, x + seen + r * chunk, chunk);
            b[r] = 8.0 * ((double)cr - (double)c0) / (double)chunk;
            mean += b[r] / (double)chunks;
        }
        for (size_t r = 0; r < chunks; r++)
            var += (b[r] - mean) * (b[r] - mean);
        double sd = chunks > 1 ? sqrt(var / (double)(chunks - 1)) : 0;
        assert_int_equal(pt[k].chunks, chunks);
        if (!kcb_test_near(pt[k].bpb, mean, 1e-9) || !kcb_test_near(pt[k].bpb_sd, sd, 1e-9))
            print_error("point %zu (seen %zu): bpb %.12g sd %.12g, want %.12g %.12g\n", k, seen,
                        pt[k].bpb, pt[k].bpb_sd, mean, sd);
        assert_true(kcb_test_near(pt[k].bpb, mean, 1e-9));
        assert_true(kcb_test_near(pt[k].bpb_sd, sd, 1e-9));
    }
    kcb_comp_free(c);
}

/* The grid runs from `from` to n - chunks*chunk, strictly increasing, at most `points`. */
static void check_grid(const struct kcb_scaling_point *pt, size_t count, size_t from, size_t max,
                       size_t points)
{
    assert_true(count >= 1);
    assert_true(count <= points);
    assert_int_equal(pt[0].seen, from);
    assert_int_equal(pt[count - 1].seen, max);
    for (size_t k = 1; k < count; k++)
        assert_true(pt[k].seen > pt[k - 1].seen);
    for (size_t k = 0; k < count; k++)
        assert_true(pt[k].seen >= from && pt[k].seen <= max);
}

static void test_scaling_bytes_points_and_grid(void **state)
{
    (void)state;
    size_t n = 30000, chunk = 500, chunks = 3;
    unsigned char *x = kcb_test_make(n, 8, kcb_test_fill_text);
    assert_non_null(x);
    static const char *const names[] = {"gzip", "bzip2"};
    for (size_t i = 0; i < 2; i++) {
        struct kcb_spec s = spec_of(names[i], 9);
        struct kcb_scaling_point one[64], two[64];
        size_t c1, c2;
        assert_int_equal(kcb_scaling_bytes(&s, x, n, 1000, chunk, chunks, 6, 1, one, 64, &c1),
                         KCB_OK);
        assert_int_equal(c1, 6); /* 1000 to 28500 in 6 steps: far apart, none merges */
        check_grid(one, c1, 1000, n - chunks * chunk, 6);
        check_scaling(&s, x, chunk, chunks, one, c1);
        assert_int_equal(kcb_scaling_bytes(&s, x, n, 1000, chunk, chunks, 6, 2, two, 64, &c2),
                         KCB_OK);
        assert_int_equal(c2, c1);
        for (size_t k = 0; k < c1; k++) {
            assert_int_equal(two[k].seen, one[k].seen);
            assert_same_double(two[k].bpb, one[k].bpb);
            assert_same_double(two[k].bpb_sd, one[k].bpb_sd);
        }
    }
    free(x);
}

/* Many points on a short range: rounded sizes that coincide are kept once. One point: the
 * largest prefix, n - chunks*chunk (kcb_log_grid's single size). One chunk: sd 0. cap below
 * points bounds the count. */
static void test_scaling_bytes_grid_edges(void **state)
{
    (void)state;
    size_t n = 2000;
    unsigned char *x = kcb_test_make(n, 9, kcb_test_fill_text);
    assert_non_null(x);
    struct kcb_spec s = spec_of("gzip", 9);
    struct kcb_scaling_point pt[64];
    size_t count;
    /* from 10 to 2000 - 2*990 = 20 in 64 steps of a factor 2^(1/63): consecutive sizes differ
     * by less than 1, so after rounding each integer 10..20 comes once: 11 points */
    assert_int_equal(kcb_scaling_bytes(&s, x, n, 10, 990, 2, 64, 2, pt, 64, &count), KCB_OK);
    assert_int_equal(count, 11);
    check_grid(pt, count, 10, 20, 64);
    check_scaling(&s, x, 990, 2, pt, count);

    assert_int_equal(kcb_scaling_bytes(&s, x, n, 100, 100, 2, 1, 1, pt, 64, &count), KCB_OK);
    assert_int_equal(count, 1);
    assert_int_equal(pt[0].seen, n - 2 * 100);
    check_scaling(&s, x, 100, 2, pt, count);

    assert_int_equal(kcb_scaling_bytes(&s, x, n, 100, 300, 1, 4, 1, pt, 64, &count), KCB_OK);
    check_grid(pt, count, 100, 1700, 4);
    for (size_t k = 0; k < count; k++)
        assert_same_double(pt[k].bpb_sd, 0.0);
    check_scaling(&s, x, 300, 1, pt, count);

    assert_int_equal(kcb_scaling_bytes(&s, x, n, 100, 100, 2, 10, 1, pt, 3, &count), KCB_OK);
    assert_true(count >= 1 && count <= 3);
    assert_int_equal(pt[0].seen, 100);
    check_scaling(&s, x, 100, 2, pt, count);

    /* from exactly n - chunks*chunk: one point */
    assert_int_equal(kcb_scaling_bytes(&s, x, n, 1800, 100, 2, 5, 1, pt, 64, &count), KCB_OK);
    assert_int_equal(count, 1);
    assert_int_equal(pt[0].seen, 1800);
    check_scaling(&s, x, 100, 2, pt, count);
    free(x);
}

static void test_scaling_bytes_too_short(void **state)
{
    (void)state;
    size_t n = 2000;
    unsigned char *x = kcb_test_make(n, 10, kcb_test_fill_text);
    assert_non_null(x);
    struct kcb_spec s = spec_of("gzip", 9);
    struct kcb_scaling_point pt[64];
    size_t count = 99;
    /* the chunks alone fill the data */
    assert_int_equal(kcb_scaling_bytes(&s, x, n, 1, 1000, 2, 4, 1, pt, 64, &count), KCB_EINVAL);
    assert_int_equal(count, 0);
    count = 99;
    assert_int_equal(kcb_scaling_bytes(&s, x, n, 1, 1000, 3, 4, 1, pt, 64, &count), KCB_EINVAL);
    assert_int_equal(count, 0);
    /* a prefix of `from` bytes does not fit before the chunks: 1001 + 1000 > 2000 */
    count = 99;
    assert_int_equal(kcb_scaling_bytes(&s, x, n, 1001, 500, 2, 4, 1, pt, 64, &count),
                     KCB_EINVAL);
    assert_int_equal(count, 0);
    /* zero chunk, chunks, from or points */
    assert_int_equal(kcb_scaling_bytes(&s, x, n, 100, 0, 2, 4, 1, pt, 64, &count), KCB_EINVAL);
    assert_int_equal(kcb_scaling_bytes(&s, x, n, 100, 100, 0, 4, 1, pt, 64, &count), KCB_EINVAL);
    assert_int_equal(kcb_scaling_bytes(&s, x, n, 0, 100, 2, 4, 1, pt, 64, &count), KCB_EINVAL);
    assert_int_equal(kcb_scaling_bytes(&s, x, n, 100, 100, 2, 0, 1, pt, 64, &count), KCB_EINVAL);
    assert_int_equal(kcb_scaling_bytes(&s, x, 0, 1, 1, 1, 1, 1, pt, 64, &count), KCB_EINVAL);
    free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_concat_matrix_equals_direct_sizes),
        cmocka_unit_test(test_concat_diagonal_is_x_with_itself),
        cmocka_unit_test(test_concat_zero_gain_gives_positive_zero),
        cmocka_unit_test(test_concat_of_nothing),
        cmocka_unit_test(test_window_grid_and_values),
        cmocka_unit_test(test_window_grid_edges),
        cmocka_unit_test(test_scaling_bytes_points_and_grid),
        cmocka_unit_test(test_scaling_bytes_grid_edges),
        cmocka_unit_test(test_scaling_bytes_too_short),
    };
    return cmocka_run_group_tests_name("probe", tests, NULL, NULL);
}
