/* Unit tests for the timing loop and the round trip on it (codecs and the memcpy reference). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kcb/comp.h"
#include "kcb/err.h"
#include "kcb/roundtrip.h"
#include "kcb/timing.h"
#include "kcb_test.h"

/* What the timed function sees: it counts its calls and can fail on a chosen one. */
struct counter {
    unsigned calls;
    unsigned fail_on; /* 1-based call number that returns err; 0 = never */
    int err;
    double spin;      /* seconds each call waits on the clock; 0 = none */
};

/* Copies src to dst (a stand-in for a codec), as kcb_bench_fn says. */
static int copy_fn(void *payload, const void *src, size_t n, void *dst, size_t cap, size_t *out)
{
    struct counter *c = payload;
    c->calls++;
    if (c->fail_on && c->calls == c->fail_on)
        return c->err;
    if (n > cap)
        return KCB_ERANGE;
    memcpy(dst, src, n);
    if (c->spin > 0)
        for (double t0 = kcb_clock(); kcb_clock() - t0 < c->spin;)
            ;
    *out = n;
    return KCB_OK;
}

struct fixture {
    unsigned char src[300], dst[300];
    size_t out;
    struct kcb_timing t;
};

static void fixture_init(struct fixture *f)
{
    kcb_test_fill_random(f->src, sizeof f->src, 7);
    memset(f->dst, 0, sizeof f->dst);
    f->out = 0;
    f->t = (struct kcb_timing){-1, -1, -1, 0};
}

static int run(const struct kcb_bench_cfg *cfg, struct counter *c, struct fixture *f)
{
    return kcb_bench_run(cfg, copy_fn, c, f->src, sizeof f->src, f->dst, sizeof f->dst, &f->out,
                         &f->t);
}

/* The invariants of any successful run: best <= median, and the order statistics bound the
 * total (every call took at least best; at least half took at least the median). */
static void assert_timing_consistent(const struct kcb_timing *t)
{
    assert_true(t->runs >= 1);
    assert_true(t->best >= 0);
    assert_true(t->best <= t->median);
    assert_true(t->best * (double)t->runs <= t->total * (1 + 1e-12));
    assert_true(t->median * (double)(t->runs / 2) <= t->total * (1 + 1e-12));
}

/* min_seconds 0: the loop stops as soon as min_runs timed calls are made; the warm-up call
 * comes on top and is not counted in runs. */
static void test_min_runs_timed_calls_plus_warmup(void **state)
{
    (void)state;
    static const unsigned mins[] = {1, 2, 3, 7, 100};
    for (size_t i = 0; i < sizeof mins / sizeof mins[0]; i++) {
        struct fixture f;
        struct counter c = {0, 0, 0, 0};
        struct kcb_bench_cfg cfg = {0.0, mins[i], 0};
        fixture_init(&f);
        assert_int_equal(run(&cfg, &c, &f), KCB_OK);
        assert_int_equal(f.t.runs, mins[i]);
        assert_int_equal(c.calls, mins[i] + 1);
        assert_timing_consistent(&f.t);
    }
}

/* The result of the last call comes back: *out and the bytes written. */
static void test_output_of_the_function_is_kept(void **state)
{
    (void)state;
    struct fixture f;
    struct counter c = {0, 0, 0, 0};
    struct kcb_bench_cfg cfg = {0.0, 3, 0};
    fixture_init(&f);
    assert_int_equal(run(&cfg, &c, &f), KCB_OK);
    assert_int_equal(f.out, sizeof f.src);
    assert_memory_equal(f.dst, f.src, sizeof f.src);
}

/* More runs than the 64 the loop starts with: its array of times must grow. */
static void test_many_runs(void **state)
{
    (void)state;
    struct fixture f;
    struct counter c = {0, 0, 0, 0};
    struct kcb_bench_cfg cfg = {0.0, 1000, 0};
    fixture_init(&f);
    assert_int_equal(run(&cfg, &c, &f), KCB_OK);
    assert_int_equal(f.t.runs, 1000);
    assert_int_equal(c.calls, 1001);
    assert_timing_consistent(&f.t);
}

/* min_seconds keeps the loop going past min_runs until the timed calls add up to it. Each
 * call waits 2 ms on the clock, so 0.02 s takes about ten calls, far below any cap (how many
 * exactly depends on the machine's load, so only the stopping rule is checked). */
static void test_min_seconds_is_reached(void **state)
{
    (void)state;
    struct fixture f;
    struct counter c = {0, 0, 0, 0.002};
    struct kcb_bench_cfg cfg = {0.02, 1, 0};
    fixture_init(&f);
    assert_int_equal(run(&cfg, &c, &f), KCB_OK);
    assert_true(f.t.total >= cfg.min_seconds);
    assert_int_equal(c.calls, f.t.runs + 1);
    assert_timing_consistent(&f.t);
}

/* max_runs stops the loop even when min_seconds is far from reached. */
static void test_max_runs_caps(void **state)
{
    (void)state;
    struct fixture f;
    struct counter c = {0, 0, 0, 0};
    struct kcb_bench_cfg cfg = {3600.0, 1, 5};
    fixture_init(&f);
    assert_int_equal(run(&cfg, &c, &f), KCB_OK);
    assert_int_equal(f.t.runs, 5);
    assert_int_equal(c.calls, 6);
    assert_true(f.t.total < cfg.min_seconds);
    assert_timing_consistent(&f.t);
}

/* An error from fn is returned, and no call is made after it: on the warm-up, on a timed
 * call, on the last one. */
static void test_error_from_fn_is_returned(void **state)
{
    (void)state;
    static const unsigned fail_on[] = {1, 2, 4, 6};
    for (size_t i = 0; i < sizeof fail_on / sizeof fail_on[0]; i++) {
        struct fixture f;
        struct counter c = {0, fail_on[i], KCB_ECORRUPT, 0};
        struct kcb_bench_cfg cfg = {0.0, 5, 0};
        fixture_init(&f);
        assert_int_equal(run(&cfg, &c, &f), KCB_ECORRUPT);
        assert_int_equal(c.calls, fail_on[i]);
    }
    /* another code comes back unchanged */
    struct fixture f;
    struct counter c = {0, 3, KCB_EIO, 0};
    struct kcb_bench_cfg cfg = {0.0, 5, 0};
    fixture_init(&f);
    assert_int_equal(run(&cfg, &c, &f), KCB_EIO);
    assert_int_equal(c.calls, 3);
}

/* The loop makes no call after the last one it needs: a failure planned for a later call
 * never happens. */
static void test_no_call_after_min_runs(void **state)
{
    (void)state;
    struct fixture f;
    struct counter c = {0, 5, KCB_ECORRUPT, 0};
    struct kcb_bench_cfg cfg = {0.0, 3, 0};
    fixture_init(&f);
    assert_int_equal(run(&cfg, &c, &f), KCB_OK);
    assert_int_equal(c.calls, 4);
    assert_int_equal(f.t.runs, 3);
}

static void test_clock_is_monotonic(void **state)
{
    (void)state;
    double prev = kcb_clock();
    assert_true(prev >= 0);
    for (int i = 0; i < 1000; i++) {
        double now = kcb_clock();
        assert_true(now >= prev);
        prev = now;
    }
}

/* kcb_touch accepts NULL and 0 for either buffer, reads without writing, and reaches every
 * page of buffers of any length (a last page only partly used included). */
static void test_touch_null_and_sizes(void **state)
{
    (void)state;
    kcb_touch(NULL, 0, NULL, 0);
    kcb_touch(NULL, 123, NULL, 0);
    kcb_touch(NULL, 0, NULL, 456);
    long ps = sysconf(_SC_PAGESIZE);
    size_t page = ps > 0 ? (size_t)ps : 4096;
    size_t sizes[] = {1, page - 1, page, page + 1, 3 * page + 17};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t n = sizes[i];
        unsigned char *r = kcb_test_make(n, 11, kcb_test_fill_random);
        unsigned char *copy = malloc(n), *w = malloc(n);
        assert_non_null(r);
        assert_non_null(copy);
        assert_non_null(w);
        memcpy(copy, r, n);
        kcb_touch(r, n, NULL, 0);
        kcb_touch(NULL, 0, w, n);
        kcb_touch(r, n, w, n);
        kcb_touch(r, 0, w, 0);
        assert_memory_equal(r, copy, n); /* the source is only read */
        free(r);
        free(copy);
        free(w);
    }
}

/* ---- kcb_roundtrip: sizes, runs, verification, cancelling ---- */

static const struct kcb_bench_cfg quick = {0.0, 2, 0};

/* The memcpy reference is a codec of one level whose output is its input, outside the
 * registry (it is no compressor: -c cannot name it). */
static void test_memcpy_codec(void **state)
{
    (void)state;
    const struct kcb_codec *m = &kcb_memcpy_codec;
    unsigned char in[5] = "abcd", out[5] = "", back[5] = "";
    size_t got = 0;
    void *ctx;
    assert_string_equal(m->name, "memcpy");
    assert_null(kcb_codec_find("memcpy"));
    assert_int_equal(m->level_min, 0);
    assert_int_equal(m->level_max, 0);
    assert_int_equal(m->bound(12345, 0), 12345);
    assert_non_null(m->version());
    assert_int_equal(m->ctx_new(0, 0, &ctx), KCB_OK);
    assert_int_equal(m->compress(ctx, in, 5, out, 5, &got), KCB_OK);
    assert_int_equal(got, 5);
    assert_int_equal(m->compress(ctx, in, 5, out, 4, &got), KCB_ERANGE);
    assert_int_equal(m->decompress(ctx, out, 5, back, 5, &got), KCB_OK);
    assert_memory_equal(back, in, 5);
    assert_int_equal(m->decompress(ctx, out, 4, back, 5, &got), KCB_ECORRUPT);
    m->ctx_free(ctx);
}

/* memcpy measured as the codecs are: compressed = original, whole or in chunks, verified,
 * min_runs timed calls each way; an empty buffer too. */
static void test_roundtrip_memcpy(void **state)
{
    (void)state;
    static const size_t sizes[] = {0, 1, 1000, 70000};
    static const size_t chunks[] = {0, 1, 333, 4096, 1000000};
    struct kcb_spec spec = {&kcb_memcpy_codec, 0, 0};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        unsigned char *x = kcb_test_make(sizes[i], 3, kcb_test_fill_random);
        assert_non_null(x);
        for (size_t c = 0; c < sizeof chunks / sizeof *chunks; c++) {
            struct kcb_roundtrip m;
            assert_int_equal(kcb_roundtrip(&spec, &quick, x, sizes[i], chunks[c], NULL, &m),
                             KCB_OK);
            assert_int_equal(m.orig, sizes[i]);
            assert_int_equal(m.comp, sizes[i]);
            assert_int_equal(m.ct.runs, 2);
            assert_int_equal(m.dt.runs, 2);
            assert_timing_consistent(&m.ct);
            assert_timing_consistent(&m.dt);
        }
        free(x);
    }
}

/* A codec's size is what kcb_comp_size gives for the whole, or the sum over the chunks. */
static void test_roundtrip_codec_sizes(void **state)
{
    (void)state;
    static const char *const names[] = {"gzip", "zstd", "bzip2", "xz"};
    size_t n = 10000, chunk = 3000;
    unsigned char *x = kcb_test_make(n, 5, kcb_test_fill_text);
    assert_non_null(x);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const struct kcb_codec *codec = kcb_codec_find(names[i]);
        struct kcb_spec spec = {codec, codec->level_default, 0};
        struct kcb_roundtrip whole, parts;
        kcb_comp *c;
        size_t want = 0, sz;
        assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
        assert_int_equal(kcb_roundtrip(&spec, &quick, x, n, 0, NULL, &whole), KCB_OK);
        assert_int_equal(kcb_comp_size(c, x, n, &sz), KCB_OK);
        assert_int_equal(whole.comp, sz);
        assert_int_equal(kcb_roundtrip(&spec, &quick, x, n, chunk, NULL, &parts), KCB_OK);
        for (size_t at = 0; at < n; at += chunk) {
            assert_int_equal(kcb_comp_size(c, x + at, n - at < chunk ? n - at : chunk, &sz), 0);
            want += sz;
        }
        assert_int_equal(parts.comp, want);
        assert_int_equal(parts.orig, n);
        kcb_comp_free(c);
    }
    free(x);
}

/* A codec that gives back something else: the round trip says so, with no numbers. */
static int bad_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap,
                          size_t *out)
{
    int rc = kcb_memcpy_codec.decompress(ctx, src, n, dst, cap, out);
    if (!rc && cap)
        ((unsigned char *)dst)[cap / 2] ^= 1;
    return rc;
}

static void test_roundtrip_mismatch_is_corrupt(void **state)
{
    (void)state;
    struct kcb_codec bad = kcb_memcpy_codec;
    bad.decompress = bad_decompress;
    struct kcb_spec spec = {&bad, 0, 0};
    unsigned char x[100];
    struct kcb_roundtrip m;
    kcb_test_fill_text(x, sizeof x, 9);
    assert_int_equal(kcb_roundtrip(&spec, &quick, x, sizeof x, 0, NULL, &m), KCB_ECORRUPT);
    assert_int_equal(kcb_roundtrip(&spec, &quick, x, sizeof x, 7, NULL, &m), KCB_ECORRUPT);
}

/* A cancel flag already set stops before any call; unset, it changes nothing. */
static void test_roundtrip_cancel(void **state)
{
    (void)state;
    kcb_cancel_flag stop = 1, go = 0;
    unsigned char x[2000];
    struct kcb_roundtrip m;
    struct kcb_spec mem = {&kcb_memcpy_codec, 0, 0}, gz = {kcb_codec_find("gzip"), 6, 0};
    kcb_test_fill_text(x, sizeof x, 4);
    assert_int_equal(kcb_roundtrip(&mem, &quick, x, sizeof x, 0, &stop, &m), KCB_ECANCELED);
    assert_int_equal(kcb_roundtrip(&gz, &quick, x, sizeof x, 500, &stop, &m), KCB_ECANCELED);
    assert_int_equal(kcb_roundtrip(&gz, &quick, x, sizeof x, 500, &go, &m), KCB_OK);
    assert_int_equal(m.orig, sizeof x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_min_runs_timed_calls_plus_warmup),
        cmocka_unit_test(test_output_of_the_function_is_kept),
        cmocka_unit_test(test_many_runs),
        cmocka_unit_test(test_min_seconds_is_reached),
        cmocka_unit_test(test_max_runs_caps),
        cmocka_unit_test(test_error_from_fn_is_returned),
        cmocka_unit_test(test_no_call_after_min_runs),
        cmocka_unit_test(test_clock_is_monotonic),
        cmocka_unit_test(test_touch_null_and_sizes),
        cmocka_unit_test(test_memcpy_codec),
        cmocka_unit_test(test_roundtrip_memcpy),
        cmocka_unit_test(test_roundtrip_codec_sizes),
        cmocka_unit_test(test_roundtrip_mismatch_is_corrupt),
        cmocka_unit_test(test_roundtrip_cancel),
    };
    return cmocka_run_group_tests_name("bench", tests, NULL, NULL);
}
