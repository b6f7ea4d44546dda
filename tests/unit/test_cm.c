/* Unit tests for lib/cm and the cm codec: round trips, levels, bad input, determinism, ideal length, priming. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kcb/cm.h"
#include "kcb/codec.h"
#include "kcb/comp.h"
#include "kcb/dist.h"
#include "kcb/err.h"
#include "kcb_test.h"

/* The golden output of the default level for kcb_test_fill_text(50000, seed 42): its size
 * and FNV-1a hash, the same in -O0 and -O2 builds (a change of platform, compiler or
 * optimisation that changes a single bit fails here). */
#define GOLDEN_N 50000
#define GOLDEN_SIZE 8685
#define GOLDEN_HASH 0x3a85f7d9u

static const struct kcb_codec *cm(void)
{
    const struct kcb_codec *c = kcb_codec_find("cm");
    assert_non_null(c);
    return c;
}

static uint32_t fnv(const unsigned char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

/* Compresses x with ctx into a new buffer (caller frees). */
static unsigned char *pack(void *ctx, int level, const void *x, size_t n, size_t *zn)
{
    size_t cap = cm()->bound(n, level);
    unsigned char *z = malloc(cap);
    assert_non_null(z);
    assert_int_equal(cm()->compress(ctx, n ? x : "", n, z, cap, zn), KCB_OK);
    assert_true(*zn <= cap);
    return z;
}

static void roundtrip(int level, const unsigned char *x, size_t n)
{
    void *c, *d;
    size_t zn, got = 0;
    assert_int_equal(cm()->ctx_new(level, 0, &c), KCB_OK);
    assert_int_equal(cm()->ctx_new(level, 0, &d), KCB_OK);
    unsigned char *z = pack(c, level, x, n, &zn), *back = malloc(n + 1);
    assert_non_null(back);
    assert_int_equal(cm()->decompress(d, z, zn, back, n, &got), KCB_OK);
    assert_int_equal(got, n);
    if (n)
        assert_memory_equal(back, x, n);
    free(back);
    free(z);
    cm()->ctx_free(c);
    cm()->ctx_free(d);
}

static void test_roundtrip_kinds(void **state)
{
    (void)state;
    const size_t n = 100000;
    unsigned char *text = kcb_test_make(n, 1, kcb_test_fill_text);
    unsigned char *rnd = kcb_test_make(n, 2, kcb_test_fill_random);
    unsigned char *same = malloc(n), one = 'q';
    assert_non_null(same);
    memset(same, 'a', n);
    roundtrip(KCB_CM_LEVEL_DEFAULT, (const unsigned char *)"", 0);
    roundtrip(KCB_CM_LEVEL_DEFAULT, &one, 1);
    roundtrip(KCB_CM_LEVEL_DEFAULT, text, n);
    roundtrip(KCB_CM_LEVEL_DEFAULT, rnd, n);
    roundtrip(KCB_CM_LEVEL_DEFAULT, same, n);
    free(text);
    free(rnd);
    free(same);
}

/* 3 MB: text, random bytes, runs and a long repeat, in turn. */
static void test_roundtrip_mixed_3mb(void **state)
{
    (void)state;
    const size_t n = 3u << 20, part = n / 6;
    unsigned char *x = malloc(n);
    assert_non_null(x);
    kcb_test_fill_text(x, 2 * part, 3);
    kcb_test_fill_random(x + 2 * part, part, 4);
    for (size_t i = 3 * part; i < 4 * part; i++)
        x[i] = (unsigned char)((i / 1000) % 7);
    memcpy(x + 4 * part, x, n - 4 * part);
    roundtrip(KCB_CM_LEVEL_DEFAULT, x, n);
    free(x);
}

static void test_every_level(void **state)
{
    (void)state;
    const size_t n = 20000;
    unsigned char *text = kcb_test_make(n, 5, kcb_test_fill_text);
    size_t last = 0;
    for (int level = KCB_CM_LEVEL_MIN; level <= KCB_CM_LEVEL_MAX; level++) {
        roundtrip(level, text, n);
        assert_true(kcb_cm_memory(level) > last); /* the model grows with the level */
        last = kcb_cm_memory(level);
    }
    assert_int_equal(kcb_cm_memory(0), 0);
    assert_int_equal(kcb_cm_memory(10), 0);
    kcb_cm *m;
    assert_int_equal(kcb_cm_new(10, &m), KCB_EINVAL);
    free(text);
}

/* Prefixes, a flipped byte, a wrong level, a wrong length and garbage: errors, no overreads
 * (the buffers are exact: a sanitizer build catches any). */
static void test_bad_input(void **state)
{
    (void)state;
    const size_t n = 2000;
    unsigned char *x = kcb_test_make(n, 6, kcb_test_fill_text), *back = malloc(n);
    void *c, *o;
    size_t zn, got;
    assert_non_null(back);
    assert_int_equal(cm()->ctx_new(KCB_CM_LEVEL_DEFAULT, 0, &c), KCB_OK);
    assert_int_equal(cm()->ctx_new(3, 0, &o), KCB_OK);
    unsigned char *z = pack(c, KCB_CM_LEVEL_DEFAULT, x, n, &zn);
    for (size_t k = 0; k < zn; k += 7) {
        unsigned char *pre = malloc(k ? k : 1);
        memcpy(pre, z, k);
        assert_true(cm()->decompress(c, pre, k, back, n, &got) < 0);
        free(pre);
    }
    assert_true(cm()->decompress(o, z, zn, back, n, &got) < 0);     /* level 3 context */
    assert_true(cm()->decompress(c, z, zn, back, n - 1, &got) < 0); /* wrong length */
    z[zn / 2] ^= 0x10;
    int rc = cm()->decompress(c, z, zn, back, n, &got);
    assert_true(rc == KCB_OK || rc == KCB_ECORRUPT);
    memset(z, 0xff, zn);
    assert_true(cm()->decompress(c, z, zn, back, n, &got) < 0);
    free(z);
    free(back);
    free(x);
    cm()->ctx_free(c);
    cm()->ctx_free(o);
}

static void test_deterministic(void **state)
{
    (void)state;
    unsigned char *x = kcb_test_make(GOLDEN_N, 42, kcb_test_fill_text);
    void *a, *b;
    size_t an, an2, bn;
    assert_int_equal(cm()->ctx_new(KCB_CM_LEVEL_DEFAULT, 0, &a), KCB_OK);
    assert_int_equal(cm()->ctx_new(KCB_CM_LEVEL_DEFAULT, KCB_CODEC_SIZE_ONLY, &b), KCB_OK);
    unsigned char *z1 = pack(a, KCB_CM_LEVEL_DEFAULT, x, GOLDEN_N, &an);
    unsigned char *z2 = pack(a, KCB_CM_LEVEL_DEFAULT, x, GOLDEN_N, &an2);
    unsigned char *z3 = pack(b, KCB_CM_LEVEL_DEFAULT, x, GOLDEN_N, &bn);
    assert_int_equal(an, an2);
    assert_int_equal(an, bn);
    assert_memory_equal(z1, z2, an);
    assert_memory_equal(z1, z3, an);
    print_message("cm golden: size %zu hash 0x%08x\n", an, fnv(z1, an));
    if (GOLDEN_SIZE) {
        assert_int_equal(an, GOLDEN_SIZE);
        assert_int_equal(fnv(z1, an), GOLDEN_HASH);
    }
    free(z1);
    free(z2);
    free(z3);
    free(x);
    cm()->ctx_free(a);
    cm()->ctx_free(b);
}

/* The coded size less the header agrees with the ideal length within a few bytes. */
static void test_ideal_bits(void **state)
{
    (void)state;
    static const size_t sizes[] = {1, 100, 5000, 200000};
    unsigned char *x = kcb_test_make(200000, 7, kcb_test_fill_text);
    void *c;
    assert_int_equal(cm()->ctx_new(KCB_CM_LEVEL_DEFAULT, 0, &c), KCB_OK);
    assert_non_null(cm()->ideal_bits);
    for (size_t i = 0; i < 4; i++) {
        size_t n = sizes[i], zn, head = 2 + (n > 127) + (n > 16383) + 1;
        double bits;
        unsigned char *z = pack(c, KCB_CM_LEVEL_DEFAULT, x, n, &zn);
        assert_int_equal(cm()->ideal_bits(c, x, n, &bits), KCB_OK);
        double coded = (double)(zn - head);
        print_message("cm: %zu bytes: coded %.0f, ideal %.1f bytes\n", n, coded, bits / 8);
        if (z[0] == 0xCB)
            assert_true(coded - bits / 8 > -1.0 && coded - bits / 8 < 6.0);
        free(z);
    }
    assert_null(kcb_codec_find("gzip")->ideal_bits);
    free(x);
    cm()->ctx_free(c);
}

/* --bits (kcb_spec's bits): kcb_comp sizes are the ideal length in bits, plain and primed;
 * refused for a codec without a model; NCD on them is the ratio of the ideal lengths, with
 * no container in its denominator (which makes coded NCDs of short texts smaller). */
static void test_comp_bits(void **state)
{
    (void)state;
    unsigned char *x = kcb_test_make(3000, 9, kcb_test_fill_text);
    struct kcb_spec coded = {cm(), 3, 0}, bits = {cm(), 3, 1};
    struct kcb_spec gz = {kcb_codec_find("gzip"), 9, 1};
    kcb_comp *cc, *cb, *bad = NULL;
    kcb_primed *p;
    size_t zx, bx, zxx, bxx, bp, n = 60;
    assert_int_equal(kcb_comp_new(&gz, &bad), KCB_EINVAL);
    assert_null(bad);
    assert_false(kcb_spec_bits_ok(&gz));
    assert_int_equal(kcb_comp_new(&coded, &cc), KCB_OK);
    assert_int_equal(kcb_comp_new(&bits, &cb), KCB_OK);
    assert_int_equal(kcb_comp_size(cc, x, n, &zx), KCB_OK);
    assert_int_equal(kcb_comp_size(cb, x, n, &bx), KCB_OK);
    assert_true(bx < 8 * zx && bx > 8 * (zx - 8));
    assert_int_equal(kcb_comp_size_cat(cc, x, n, "", 0, x, n, &zxx), KCB_OK);
    assert_int_equal(kcb_comp_size_cat(cb, x, n, "", 0, x, n, &bxx), KCB_OK);
    double d_coded = kcb_dist(KCB_DIST_NCD, zx, zx, zxx);
    double d_bits = kcb_dist(KCB_DIST_NCD, bx, bx, bxx);
    print_message("cm:3 on 60 bytes: NCD(x, x) coded %.4f, bits %.4f\n", d_coded, d_bits);
    assert_true(d_bits == (double)(bxx - bx) / (double)bx);
    assert_true(d_coded == (double)(zxx - zx) / (double)zx);
    /* primed: C(x|dict) in bits is what the whole costs less the dictionary */
    size_t bd, bwhole;
    assert_int_equal(kcb_comp_prime(cb, x, 2000, &p), KCB_OK);
    assert_int_equal(kcb_comp_size_primed(cb, p, x + 2000, 500, &bp), KCB_OK);
    assert_int_equal(kcb_comp_size(cb, x, 2000, &bd), KCB_OK);
    assert_int_equal(kcb_comp_size(cb, x, 2500, &bwhole), KCB_OK);
    assert_true(bp + bd >= bwhole - 1 && bp + bd <= bwhole + 1);
    kcb_primed_free(p);
    kcb_comp_free(cc);
    kcb_comp_free(cb);
    free(x);
}

#define DICT_N 200000
#define TEXT_N 600

struct shared {
    const kcb_cm_primed *p;
    const unsigned char *x;
    size_t n;
    unsigned char out[4096];
    size_t zn;
};

static void *primed_thread(void *arg)
{
    struct shared *s = arg;
    kcb_cm *m;
    if (kcb_cm_new(KCB_CM_LEVEL_DEFAULT, &m))
        return NULL;
    for (int r = 0; r < 20; r++)
        if (kcb_cm_encode(m, s->p, s->x, s->n, s->out, sizeof s->out, &s->zn))
            s->zn = 0;
    kcb_cm_free(m);
    return NULL;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Primed cost = cost(dict + text) - cost(dict) exactly; repeated and threaded calls agree. */
static void test_primed(void **state)
{
    (void)state;
    unsigned char *all = kcb_test_make(DICT_N + TEXT_N, 8, kcb_test_fill_text);
    kcb_cm *m;
    kcb_cm_primed *p;
    double whole, dict, primed;
    assert_int_equal(kcb_cm_new(KCB_CM_LEVEL_DEFAULT, &m), KCB_OK);
    assert_int_equal(kcb_cm_cost(m, NULL, all, DICT_N + TEXT_N, &whole), KCB_OK);
    assert_int_equal(kcb_cm_cost(m, NULL, all, DICT_N, &dict), KCB_OK);
    assert_int_equal(kcb_cm_prime(m, all, DICT_N, &p), KCB_OK);
    assert_int_equal(kcb_cm_cost(m, p, all + DICT_N, TEXT_N, &primed), KCB_OK);
    print_message("cm primed: %.2f bits, whole - dict %.2f bits\n", primed, whole - dict);
    assert_true(primed - (whole - dict) < 1e-6 && primed - (whole - dict) > -1e-6);
    struct shared s[3] = {{p, all + DICT_N, TEXT_N, {0}, 0}};
    s[1] = s[2] = s[0];
    int reps = 200;
    double t0 = now();
    for (int r = 0; r < reps; r++)
        assert_int_equal(kcb_cm_encode(m, p, s[0].x, TEXT_N, s[0].out, sizeof s[0].out,
                                       &s[0].zn), KCB_OK);
    print_message("cm primed: %.3f ms per call (600 bytes, 200 KB dictionary)\n",
                  (now() - t0) * 1e3 / reps);
    pthread_t th[2];
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&th[i], NULL, primed_thread, &s[i + 1]), 0);
    for (int i = 0; i < 2; i++)
        pthread_join(th[i], NULL);
    for (int i = 1; i < 3; i++) {
        assert_int_equal(s[i].zn, s[0].zn);
        assert_memory_equal(s[i].out, s[0].out, s[0].zn);
    }
    unsigned char back[TEXT_N];
    assert_int_equal(kcb_cm_decode(m, p, s[0].out, s[0].zn, back, TEXT_N), KCB_OK);
    assert_memory_equal(back, all + DICT_N, TEXT_N);
    kcb_cm_primed_free(p);
    kcb_cm_free(m);
    free(all);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip_kinds),   cmocka_unit_test(test_roundtrip_mixed_3mb),
        cmocka_unit_test(test_every_level),       cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_deterministic),     cmocka_unit_test(test_ideal_bits),
        cmocka_unit_test(test_primed),            cmocka_unit_test(test_comp_bits),
    };
    return cmocka_run_group_tests_name("cm", tests, NULL, NULL);
}
