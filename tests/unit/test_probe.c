/* Unit tests for the probes: concat gain and rates, window sweep, the cost of new data. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* Bits per byte, the literal reading and the artefact of one pair, by their definitions. */
static void check_concat_rates(const struct kcb_spec *s, const struct kcb_blob *x,
                               const struct kcb_blob *y, const struct kcb_concat *r)
{
    size_t w = s->codec->window(s->level);
    assert_int_equal(r->nx, x->n);
    assert_int_equal(r->ny, y->n);
    assert_int_equal(r->window, w);
    double bx = x->n ? 8.0 * (double)r->cx / (double)x->n : (double)NAN;
    double by = y->n ? 8.0 * (double)r->cy / (double)y->n : (double)NAN;
    double bxy = x->n + y->n ? 8.0 * (double)r->cxy / (double)(x->n + y->n) : (double)NAN;
    assert_same_double(r->bpb_x, bx);
    assert_same_double(r->bpb_y, by);
    assert_same_double(r->bpb_xy, bxy);
    assert_int_equal(r->literal, bxy < bx && bxy < by);
    int bzip2 = strcmp(s->codec->name, "bzip2") == 0;
    enum kcb_concat_artefact a = w == 0 ? KCB_CONCAT_CLEAN
                                 : bzip2 ? (x->n + y->n > w ? KCB_CONCAT_BLOCK : KCB_CONCAT_CLEAN)
                                 : x->n > w ? KCB_CONCAT_WINDOW : KCB_CONCAT_CLEAN;
    assert_int_equal(r->artefact, a);
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
            check_concat_rates(s, &x[i], &x[j], r);
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
        assert_same_double(a[i].bpb_xy, b[i].bpb_xy);
        assert_int_equal(a[i].literal, b[i].literal);
        assert_int_equal(a[i].artefact, b[i].artefact);
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

/*
 * The literal reading is stricter than subadditivity: a text with itself is more compressible
 * than the text (literal), a text with random bytes is not (its rate lies between the two),
 * though the pair may still be subadditive. The empty corpus has no rate: never literal.
 */
static void test_concat_literal_reading(void **state)
{
    (void)state;
    struct corpora c;
    corpora_make(&c);
    struct kcb_spec s = spec_of("xz", 6);
    struct kcb_concat out[16];
    assert_int_equal(kcb_concat_matrix(&s, c.x, 4, 2, out), KCB_OK);
    assert_true(out[0].literal);                    /* text, text */
    assert_false(out[0 * 4 + 1].literal);           /* text, random */
    assert_true(out[0 * 4 + 1].bpb_xy > out[0 * 4 + 1].bpb_x);
    assert_true(out[0 * 4 + 1].bpb_xy < out[0 * 4 + 1].bpb_y);
    assert_true(isnan(out[0 * 4 + 3].bpb_y));         /* text, empty */
    assert_false(out[0 * 4 + 3].literal);
    assert_true(isnan(out[3 * 4 + 3].bpb_xy));
    corpora_free(&c);
}

/* gzip: X past its 32506-byte window is a window artefact, Y's length does not matter;
 * bzip2 -1 (blocks of 100000 bytes): XY longer than a block is a block artefact. */
static void test_concat_artefacts(void **state)
{
    (void)state;
    unsigned char *big = kcb_test_make(60000, 11, kcb_test_fill_text);
    assert_non_null(big);
    struct kcb_blob x[3] = {{big, 40000}, {big + 40000, 3000}, {big + 43000, 17000}};
    struct kcb_concat out[9];
    struct kcb_spec gz = spec_of("gzip", 9), bz = spec_of("bzip2", 1);
    assert_int_equal(kcb_concat_matrix(&gz, x, 3, 2, out), KCB_OK);
    check_concat(&gz, x, 3, out);
    assert_int_equal(out[0 * 3 + 1].artefact, KCB_CONCAT_WINDOW); /* 40000 then 3000 */
    assert_int_equal(out[1 * 3 + 0].artefact, KCB_CONCAT_CLEAN);  /* 3000 then 40000 */
    assert_int_equal(out[2 * 3 + 1].artefact, KCB_CONCAT_CLEAN);  /* 17000 then 3000 */
    assert_string_equal(kcb_concat_artefact_str(out[0 * 3 + 1].artefact), "window");
    struct kcb_blob y[2] = {{big, 60000}, {big, 30000}};
    assert_int_equal(kcb_concat_matrix(&bz, y, 2, 1, out), KCB_OK);
    check_concat(&bz, y, 2, out);
    assert_int_equal(out[0].artefact, KCB_CONCAT_BLOCK);   /* 120000 > 100000 */
    assert_int_equal(out[1].artefact, KCB_CONCAT_CLEAN);   /* 90000 */
    assert_int_equal(out[3].artefact, KCB_CONCAT_CLEAN);   /* 60000 */
    assert_string_equal(kcb_concat_artefact_str(out[0].artefact), "block");
    assert_string_equal(kcb_concat_artefact_str(out[1].artefact), "none");
    free(big);
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

static const enum kcb_scaling_design designs[] = {KCB_SCALING_HELDOUT, KCB_SCALING_NEXT};

static int scal(const struct kcb_spec *s, const unsigned char *x, size_t n,
                enum kcb_scaling_design d, size_t from, size_t chunk, size_t chunks,
                size_t points, size_t threads, struct kcb_scaling_point *pt, size_t cap,
                size_t *count)
{
    struct kcb_scaling_setup setup = {d, from, chunk, chunks, points, threads};
    return kcb_scaling_bytes(s, x, n, &setup, pt, cap, count);
}

/*
 * Checks each point against 8 (C(prefix.chunk_r) - C(prefix)) / chunk, averaged over the
 * chunks, and its sample standard deviation. Held-out: the chunks are the last chunks*chunk
 * bytes of the n and the prefix the `seen` bytes just before them; next: the prefix is the
 * first `seen` bytes and the chunks follow it.
 */
static void check_scaling(const struct kcb_spec *s, const unsigned char *x, size_t n,
                          enum kcb_scaling_design d, size_t chunk, size_t chunks,
                          const struct kcb_scaling_point *pt, size_t count)
{
    kcb_comp *c = new_comp(s);
    size_t block = n - chunks * chunk, window = s->codec->window(s->level);
    for (size_t k = 0; k < count; k++) {
        size_t seen = pt[k].seen, start = d == KCB_SCALING_HELDOUT ? block - seen : 0;
        size_t c0 = size_of(c, x + start, seen);
        double b[16], mean = 0, var = 0;
        assert_true(chunks <= 16);
        assert_int_equal(pt[k].offset, start);
        assert_int_equal(pt[k].in_window, window == 0 || seen <= window);
        for (size_t r = 0; r < chunks; r++) {
            size_t at = (d == KCB_SCALING_HELDOUT ? block : seen) + r * chunk;
            size_t cr = size_cat(c, x + start, seen, x + at, chunk);
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
    for (size_t i = 0; i < 4; i++) {
        struct kcb_spec s = spec_of(names[i % 2], 9);
        enum kcb_scaling_design d = designs[i / 2];
        struct kcb_scaling_point one[64], two[64];
        size_t c1, c2;
        assert_int_equal(scal(&s, x, n, d, 1000, chunk, chunks, 6, 1, one, 64, &c1), KCB_OK);
        assert_int_equal(c1, 6); /* 1000 to 28500 in 6 steps: far apart, none merges */
        check_grid(one, c1, 1000, n - chunks * chunk, 6);
        check_scaling(&s, x, n, d, chunk, chunks, one, c1);
        assert_int_equal(scal(&s, x, n, d, 1000, chunk, chunks, 6, 2, two, 64, &c2), KCB_OK);
        assert_int_equal(c2, c1);
        for (size_t k = 0; k < c1; k++) {
            assert_int_equal(two[k].seen, one[k].seen);
            assert_int_equal(two[k].offset, one[k].offset);
            assert_same_double(two[k].bpb, one[k].bpb);
            assert_same_double(two[k].bpb_sd, one[k].bpb_sd);
        }
    }
    free(x);
}

/* Text (20000 bytes) then random bytes (20000): the held-out chunks are random bytes at every
 * n, the next chunks after a short prefix are text. At the largest prefix (the whole text
 * before the block) both designs score the same chunks after the same prefix. */
static void test_scaling_heldout_is_fixed(void **state)
{
    (void)state;
    size_t half = 20000, n = 2 * half, chunk = 1000, chunks = 2;
    unsigned char *x = malloc(n);
    unsigned char *a = kcb_test_make(half, 12, kcb_test_fill_text);
    unsigned char *b = kcb_test_make(half, 13, kcb_test_fill_random);
    assert_non_null(x);
    assert_non_null(a);
    assert_non_null(b);
    memcpy(x, a, half);
    memcpy(x + half, b, half);
    struct kcb_spec s = spec_of("xz", 6);
    struct kcb_scaling_point h[64], nx[64];
    size_t ch, cn;
    assert_int_equal(scal(&s, x, n, KCB_SCALING_HELDOUT, 500, chunk, chunks, 8, 2, h, 64, &ch),
                     KCB_OK);
    assert_int_equal(scal(&s, x, n, KCB_SCALING_NEXT, 500, chunk, chunks, 8, 2, nx, 64, &cn),
                     KCB_OK);
    check_scaling(&s, x, n, KCB_SCALING_HELDOUT, chunk, chunks, h, ch);
    check_scaling(&s, x, n, KCB_SCALING_NEXT, chunk, chunks, nx, cn);
    assert_int_equal(ch, cn);
    for (size_t k = 0; k < ch; k++) {
        assert_int_equal(h[k].seen, nx[k].seen);
        assert_int_equal(h[k].offset + h[k].seen, n - chunks * chunk); /* ends at the block */
        assert_int_equal(nx[k].offset, 0);
        assert_true(h[k].bpb > 7.5);               /* random bytes, whatever the prefix */
    }
    assert_true(nx[0].bpb < 7.0);                  /* next: text chunks after a short prefix */
    assert_int_equal(h[ch - 1].offset, 0);         /* the whole text before the block */
    assert_same_double(h[ch - 1].bpb, nx[cn - 1].bpb);
    free(x);
    free(a);
    free(b);
}

/* in_window: gzip's prefixes up to its 32506-byte window, not past it; xz: all. */
static void test_scaling_in_window(void **state)
{
    (void)state;
    size_t n = 90000;
    unsigned char *x = kcb_test_make(n, 14, kcb_test_fill_text);
    assert_non_null(x);
    struct kcb_scaling_point pt[64];
    size_t count, inside = 0;
    struct kcb_spec gz = spec_of("gzip", 9), xz = spec_of("xz", 6);
    assert_int_equal(scal(&gz, x, n, KCB_SCALING_HELDOUT, 1000, 1000, 2, 10, 2, pt, 64, &count),
                     KCB_OK);
    check_scaling(&gz, x, n, KCB_SCALING_HELDOUT, 1000, 2, pt, count);
    for (size_t k = 0; k < count; k++) {
        assert_int_equal(pt[k].in_window, pt[k].seen <= 32506);
        inside += pt[k].in_window;
    }
    assert_true(inside > 0 && inside < count);
    for (size_t k = 1; k < count; k++) /* a first run of the grid */
        assert_true(pt[k].in_window <= pt[k - 1].in_window);
    assert_int_equal(scal(&xz, x, n, KCB_SCALING_HELDOUT, 1000, 1000, 2, 10, 2, pt, 64, &count),
                     KCB_OK);
    for (size_t k = 0; k < count; k++)
        assert_true(pt[k].in_window);
    assert_string_equal(kcb_scaling_design_str(KCB_SCALING_HELDOUT), "heldout");
    assert_string_equal(kcb_scaling_design_str(KCB_SCALING_NEXT), "next");
    free(x);
}

/* Many points on a short range: rounded sizes that coincide are kept once. One point: the
 * largest prefix, n - chunks*chunk (kcb_log_grid's single size). One chunk: sd 0. cap below
 * points bounds the count. Both designs share the grid. */
static void test_scaling_bytes_grid_edges(void **state)
{
    (void)state;
    size_t n = 2000;
    unsigned char *x = kcb_test_make(n, 9, kcb_test_fill_text);
    assert_non_null(x);
    struct kcb_spec s = spec_of("gzip", 9);
    struct kcb_scaling_point pt[64];
    size_t count;
    for (size_t i = 0; i < 2; i++) {
        enum kcb_scaling_design d = designs[i];
        /* from 10 to 2000 - 2*990 = 20 in 64 steps of a factor 2^(1/63): consecutive sizes
         * differ by less than 1, so after rounding each integer 10..20 comes once: 11 points */
        assert_int_equal(scal(&s, x, n, d, 10, 990, 2, 64, 2, pt, 64, &count), KCB_OK);
        assert_int_equal(count, 11);
        check_grid(pt, count, 10, 20, 64);
        check_scaling(&s, x, n, d, 990, 2, pt, count);

        assert_int_equal(scal(&s, x, n, d, 100, 100, 2, 1, 1, pt, 64, &count), KCB_OK);
        assert_int_equal(count, 1);
        assert_int_equal(pt[0].seen, n - 2 * 100);
        check_scaling(&s, x, n, d, 100, 2, pt, count);

        assert_int_equal(scal(&s, x, n, d, 100, 300, 1, 4, 1, pt, 64, &count), KCB_OK);
        check_grid(pt, count, 100, 1700, 4);
        for (size_t k = 0; k < count; k++)
            assert_same_double(pt[k].bpb_sd, 0.0);
        check_scaling(&s, x, n, d, 300, 1, pt, count);

        assert_int_equal(scal(&s, x, n, d, 100, 100, 2, 10, 1, pt, 3, &count), KCB_OK);
        assert_true(count >= 1 && count <= 3);
        assert_int_equal(pt[0].seen, 100);
        check_scaling(&s, x, n, d, 100, 2, pt, count);

        /* from exactly n - chunks*chunk: one point */
        assert_int_equal(scal(&s, x, n, d, 1800, 100, 2, 5, 1, pt, 64, &count), KCB_OK);
        assert_int_equal(count, 1);
        assert_int_equal(pt[0].seen, 1800);
        check_scaling(&s, x, n, d, 100, 2, pt, count);
    }
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
    for (size_t i = 0; i < 2; i++) {
        enum kcb_scaling_design d = designs[i];
        size_t count = 99;
        /* the chunks alone fill the data */
        assert_int_equal(scal(&s, x, n, d, 1, 1000, 2, 4, 1, pt, 64, &count), KCB_EINVAL);
        assert_int_equal(count, 0);
        count = 99;
        assert_int_equal(scal(&s, x, n, d, 1, 1000, 3, 4, 1, pt, 64, &count), KCB_EINVAL);
        assert_int_equal(count, 0);
        /* a prefix of `from` bytes does not fit before the chunks: 1001 + 1000 > 2000 */
        count = 99;
        assert_int_equal(scal(&s, x, n, d, 1001, 500, 2, 4, 1, pt, 64, &count), KCB_EINVAL);
        assert_int_equal(count, 0);
        /* zero chunk, chunks, from, points or cap */
        assert_int_equal(scal(&s, x, n, d, 100, 0, 2, 4, 1, pt, 64, &count), KCB_EINVAL);
        assert_int_equal(scal(&s, x, n, d, 100, 100, 0, 4, 1, pt, 64, &count), KCB_EINVAL);
        assert_int_equal(scal(&s, x, n, d, 0, 100, 2, 4, 1, pt, 64, &count), KCB_EINVAL);
        assert_int_equal(scal(&s, x, n, d, 100, 100, 2, 0, 1, pt, 64, &count), KCB_EINVAL);
        assert_int_equal(scal(&s, x, n, d, 100, 100, 2, 4, 1, pt, 0, &count), KCB_EINVAL);
        assert_int_equal(scal(&s, x, 0, d, 1, 1, 1, 1, 1, pt, 64, &count), KCB_EINVAL);
        /* chunks * chunk would overflow */
        assert_int_equal(scal(&s, x, n, d, 1, SIZE_MAX / 2, 4, 4, 1, pt, 64, &count),
                         KCB_EINVAL);
    }
    size_t count;
    assert_int_equal(scal(&s, x, n, (enum kcb_scaling_design)7, 100, 100, 2, 4, 1, pt, 64,
                          &count), KCB_EINVAL);
    assert_int_equal(kcb_scaling_bytes(&s, x, n, NULL, pt, 64, &count), KCB_EINVAL);
    free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_concat_matrix_equals_direct_sizes),
        cmocka_unit_test(test_concat_diagonal_is_x_with_itself),
        cmocka_unit_test(test_concat_zero_gain_gives_positive_zero),
        cmocka_unit_test(test_concat_of_nothing),
        cmocka_unit_test(test_concat_literal_reading),
        cmocka_unit_test(test_concat_artefacts),
        cmocka_unit_test(test_window_grid_and_values),
        cmocka_unit_test(test_window_grid_edges),
        cmocka_unit_test(test_scaling_bytes_points_and_grid),
        cmocka_unit_test(test_scaling_heldout_is_fixed),
        cmocka_unit_test(test_scaling_in_window),
        cmocka_unit_test(test_scaling_bytes_grid_edges),
        cmocka_unit_test(test_scaling_bytes_too_short),
    };
    return cmocka_run_group_tests_name("probe", tests, NULL, NULL);
}
