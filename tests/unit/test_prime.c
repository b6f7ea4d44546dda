/* Unit tests for priming (compressing with a dictionary): sizes, round trips, context independence, refusals. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/comp.h"
#include "kcb/err.h"
#include "kcb_test.h"

#define DICT_N 20000 /* the dictionary: English-like text */
#define X_N 3000     /* the input: 1000 bytes of the dictionary, then 2000 new ones */

static const struct kcb_codec *codec_of(void **state)
{
    return *state;
}

/* The levels tried: min, default and max (zstd's 22 is slow on nothing here). */
static size_t levels(const struct kcb_codec *c, int out[3])
{
    int all[3] = {c->level_min, c->level_default, c->level_max};
    size_t k = 0;
    for (size_t i = 0; i < 3; i++) {
        int seen = 0;
        for (size_t j = 0; j < k; j++)
            seen |= out[j] == all[i];
        if (!seen)
            out[k++] = all[i];
    }
    return k;
}

/* A dictionary and an input related to it. */
struct pair {
    unsigned char *dict, *x;
};

static struct pair make_pair(void)
{
    struct pair p = {kcb_test_make(DICT_N, 1, kcb_test_fill_text), malloc(X_N)};
    assert_non_null(p.dict);
    assert_non_null(p.x);
    memcpy(p.x, p.dict + 7000, 1000);
    kcb_test_fill_text(p.x + 1000, X_N - 1000, 2);
    return p;
}

static void free_pair(struct pair *p)
{
    free(p->dict);
    free(p->x);
}

/* Compresses x primed with dict[0..n) at level with a fresh compressor; returns the bytes
 * (caller frees) and their number. */
static unsigned char *primed_fresh(const struct kcb_codec *codec, int level, const void *dict,
                                   size_t n, const void *x, size_t nx, size_t *size)
{
    struct kcb_spec spec = {codec, level, 0};
    kcb_comp *c;
    kcb_primed *p;
    const unsigned char *out;
    assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
    assert_int_equal(kcb_comp_prime(c, dict, n, &p), KCB_OK);
    assert_int_equal(kcb_comp_run_primed(c, p, x, nx, &out, size), KCB_OK);
    unsigned char *copy = malloc(*size ? *size : 1);
    assert_non_null(copy);
    memcpy(copy, out, *size);
    kcb_primed_free(p);
    kcb_comp_free(c);
    return copy;
}

/* ---- per primable codec ---- */

static void test_smaller_on_related_text(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    struct pair p = make_pair();
    int lv[3];
    for (size_t i = 0, k = levels(codec, lv); i < k; i++) {
        struct kcb_spec spec = {codec, lv[i], 0};
        kcb_comp *c;
        kcb_primed *pr;
        size_t plain, primed;
        assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
        assert_int_equal(kcb_comp_size(c, p.x, X_N, &plain), KCB_OK);
        assert_int_equal(kcb_comp_prime(c, p.dict, DICT_N, &pr), KCB_OK);
        assert_int_equal(kcb_comp_size_primed(c, pr, p.x, X_N, &primed), KCB_OK);
        if (primed >= plain)
            print_error("%s:%d: primed %zu, plain %zu\n", codec->name, lv[i], primed, plain);
        assert_true(primed < plain); /* the 1000 bytes from the dictionary cost little */
        kcb_primed_free(pr);
        kcb_comp_free(c);
    }
    free_pair(&p);
}

/* Compresses primed, then decompresses with the same dictionary in a fresh context. */
static void roundtrip(const struct kcb_codec *codec, int level, const void *dict, size_t n,
                      const unsigned char *x, size_t nx)
{
    size_t zn, got = 0;
    unsigned char *z = primed_fresh(codec, level, dict, n, x, nx, &zn);
    struct kcb_spec spec = {codec, level, 0};
    kcb_comp *c;
    kcb_primed *pr;
    assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
    assert_int_equal(kcb_comp_prime(c, dict, n, &pr), KCB_OK);
    void *ctx;
    assert_int_equal(codec->ctx_new(level, KCB_CODEC_SIZE_ONLY, &ctx), KCB_OK);
    void *st;
    assert_int_equal(codec->prime(ctx, n ? dict : "", n, &st), KCB_OK);
    unsigned char *back = malloc(nx + 1);
    assert_non_null(back);
    int rc = codec->decompress_primed(ctx, st, z, zn, back, nx, &got);
    if (rc)
        print_error("%s:%d: dict %zu, input %zu: %s\n", codec->name, level, n, nx,
                    kcb_strerror(rc));
    assert_int_equal(rc, KCB_OK);
    assert_int_equal(got, nx);
    if (nx)
        assert_memory_equal(back, x, nx);
    /* plain decompression in the same context still works afterwards */
    const unsigned char *plain;
    size_t pn;
    assert_int_equal(kcb_comp_run(c, x, nx, &plain, &pn), KCB_OK);
    assert_int_equal(codec->decompress(ctx, plain, pn, back, nx, &got), KCB_OK);
    if (nx)
        assert_memory_equal(back, x, nx);
    free(back);
    codec->prime_free(st);
    codec->ctx_free(ctx);
    kcb_primed_free(pr);
    kcb_comp_free(c);
    free(z);
}

static void test_roundtrip(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    struct pair p = make_pair();
    unsigned char *big = kcb_test_make(300000, 3, kcb_test_fill_text); /* past 32/64 KiB */
    assert_non_null(big);
    memcpy(big + 300000 - 2000, p.x, 2000);
    int lv[3];
    for (size_t i = 0, k = levels(codec, lv); i < k; i++) {
        roundtrip(codec, lv[i], p.dict, DICT_N, p.x, X_N);
        roundtrip(codec, lv[i], p.dict, DICT_N, p.x, 0);      /* empty input */
        roundtrip(codec, lv[i], "", 0, p.x, X_N);              /* empty dictionary */
        roundtrip(codec, lv[i], big, 300000, p.x, X_N);        /* the dictionary's tail */
        roundtrip(codec, lv[i], p.dict, DICT_N, p.dict, 4000); /* all of it in the dictionary */
        roundtrip(codec, lv[i], p.dict + 6500, 1000, p.x, X_N); /* a short dictionary */
    }
    free(big);
    free_pair(&p);
}

/* The bytes do not depend on what the compressor did before: plain and primed calls with
 * other dictionaries first give the same output as a fresh compressor. */
static void test_independent_of_history(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    struct pair p = make_pair();
    unsigned char *other = kcb_test_make(50000, 9, kcb_test_fill_text);
    assert_non_null(other);
    int lv[3];
    for (size_t i = 0, k = levels(codec, lv); i < k; i++) {
        size_t fn, n;
        unsigned char *fresh = primed_fresh(codec, lv[i], p.dict, DICT_N, p.x, X_N, &fn);
        struct kcb_spec spec = {codec, lv[i], 0};
        kcb_comp *c;
        kcb_primed *a, *b;
        const unsigned char *out;
        assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
        assert_int_equal(kcb_comp_prime(c, other, 50000, &b), KCB_OK);
        assert_int_equal(kcb_comp_size(c, other, 50000, &n), KCB_OK);
        assert_int_equal(kcb_comp_size_primed(c, b, other + 100, 40000, &n), KCB_OK);
        assert_int_equal(kcb_comp_prime(c, p.dict, DICT_N, &a), KCB_OK);
        assert_int_equal(kcb_comp_size_primed(c, b, p.x, X_N, &n), KCB_OK);
        assert_int_equal(kcb_comp_run_primed(c, a, p.x, X_N, &out, &n), KCB_OK);
        assert_int_equal(n, fn);
        assert_memory_equal(out, fresh, fn);
        assert_int_equal(kcb_comp_run_primed(c, a, p.x, X_N, &out, &n), KCB_OK); /* again */
        assert_memory_equal(out, fresh, fn);
        /* a short dictionary (zstd: a prefix, lz4: loaded afresh), after the long one */
        size_t sn;
        kcb_primed *s;
        unsigned char *sfresh = primed_fresh(codec, lv[i], p.dict + 6500, 1000, p.x, X_N, &sn);
        assert_int_equal(kcb_comp_prime(c, p.dict + 6500, 1000, &s), KCB_OK);
        assert_int_equal(kcb_comp_run_primed(c, s, p.x, X_N, &out, &n), KCB_OK);
        assert_int_equal(n, sn);
        assert_memory_equal(out, sfresh, sn);
        assert_int_equal(kcb_comp_size(c, p.x, X_N, &n), KCB_OK);
        assert_int_equal(kcb_comp_run_primed(c, a, p.x, X_N, &out, &n), KCB_OK);
        assert_memory_equal(out, fresh, fn);
        /* and plain compression after primed ones is what a fresh compressor writes */
        kcb_comp *f;
        const unsigned char *fo;
        size_t fon;
        assert_int_equal(kcb_comp_new(&spec, &f), KCB_OK);
        assert_int_equal(kcb_comp_run(f, p.x, X_N, &fo, &fon), KCB_OK);
        assert_int_equal(kcb_comp_run(c, p.x, X_N, &out, &n), KCB_OK);
        assert_int_equal(n, fon);
        assert_memory_equal(out, fo, n);
        kcb_comp_free(f);
        kcb_primed_free(s);
        free(sfresh);
        kcb_primed_free(a);
        kcb_primed_free(b);
        kcb_comp_free(c);
        free(fresh);
    }
    free(other);
    free_pair(&p);
}

/* ---- across codecs ---- */

/* gzip, zlib, deflate and xz primed with nothing write exactly what they write unprimed. */
static void test_empty_dictionary_is_plain(void **state)
{
    (void)state;
    static const char *const names[] = {"gzip", "zlib", "deflate", "xz"};
    struct pair p = make_pair();
    for (size_t i = 0; i < 4; i++) {
        const struct kcb_codec *codec = kcb_codec_find(names[i]);
        for (int level = 1; level <= 9; level += 4) {
            struct kcb_spec spec = {codec, level, 0};
            kcb_comp *c;
            const unsigned char *out;
            size_t n, pn;
            unsigned char *primed = primed_fresh(codec, level, "", 0, p.x, X_N, &pn);
            assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
            assert_int_equal(kcb_comp_run(c, p.x, X_N, &out, &n), KCB_OK);
            assert_int_equal(n, pn);
            assert_memory_equal(out, primed, n);
            kcb_comp_free(c);
            free(primed);
        }
    }
    free_pair(&p);
}

/* The required primable codecs are; the others refuse with KCB_EINVAL. */
static void test_who_primes(void **state)
{
    (void)state;
    static const char *const yes[] = {"gzip", "zlib", "deflate", "zstd", "xz"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(kcb_codec_primable(kcb_codec_find(yes[i])));
    const struct kcb_codec *lz4 = kcb_codec_find("lz4");
    if (lz4)
        assert_true(kcb_codec_primable(lz4));
    struct kcb_spec bz = {kcb_codec_find("bzip2"), 9, 0};
    kcb_comp *c;
    kcb_primed *p = (kcb_primed *)&bz;
    assert_false(kcb_codec_primable(bz.codec));
    assert_int_equal(kcb_comp_new(&bz, &c), KCB_OK);
    assert_int_equal(kcb_comp_prime(c, "abc", 3, &p), KCB_EINVAL);
    assert_null(p);
    kcb_comp_free(c);
    char list[256];
    kcb_codecs_primable(list, sizeof list);
    assert_non_null(strstr(list, "gzip, zlib, deflate"));
    assert_null(strstr(list, "bzip2"));
}

/* A dictionary prepared for one spec is refused by a compressor of another. */
static void test_other_spec_refused(void **state)
{
    (void)state;
    struct kcb_spec z3 = {kcb_codec_find("zstd"), 3, 0}, z9 = {kcb_codec_find("zstd"), 9, 0};
    struct kcb_spec gz = {kcb_codec_find("gzip"), 9, 0};
    kcb_comp *a, *b, *g;
    kcb_primed *p;
    size_t n;
    assert_int_equal(kcb_comp_new(&z3, &a), KCB_OK);
    assert_int_equal(kcb_comp_new(&z9, &b), KCB_OK);
    assert_int_equal(kcb_comp_new(&gz, &g), KCB_OK);
    assert_int_equal(kcb_comp_prime(a, "hello world", 11, &p), KCB_OK);
    assert_int_equal(kcb_comp_size_primed(a, p, "hello", 5, &n), KCB_OK);
    assert_int_equal(kcb_comp_size_primed(b, p, "hello", 5, &n), KCB_EINVAL);
    assert_int_equal(kcb_comp_size_primed(g, p, "hello", 5, &n), KCB_EINVAL);
    kcb_primed_free(p);
    kcb_comp_free(a);
    kcb_comp_free(b);
    kcb_comp_free(g);
}

static const struct {
    const char *what;
    void (*fn)(void **);
} per_codec[] = {
    {"primed is smaller on related text", test_smaller_on_related_text},
    {"primed round trip with the same dictionary", test_roundtrip},
    {"primed output independent of history", test_independent_of_history},
};

static const struct CMUnitTest global_tests[] = {
    cmocka_unit_test(test_empty_dictionary_is_plain),
    cmocka_unit_test(test_who_primes),
    cmocka_unit_test(test_other_spec_refused),
};

int main(void)
{
    size_t nc, np = sizeof per_codec / sizeof per_codec[0], ng, nt = 0;
    const struct kcb_codec *const *all = kcb_codecs(&nc);
    ng = sizeof global_tests / sizeof global_tests[0];
    struct CMUnitTest *tests = calloc(ng + nc * np, sizeof *tests);
    char (*names)[96] = calloc(ng + nc * np, sizeof *names);
    if (!tests || !names)
        return 1;
    memcpy(tests, global_tests, sizeof global_tests);
    nt = ng;
    for (size_t i = 0; i < nc; i++) {
        if (!kcb_codec_primable(all[i]))
            continue;
        for (size_t j = 0; j < np; j++, nt++) {
            snprintf(names[nt], sizeof names[nt], "%s: %s", all[i]->name, per_codec[j].what);
            /* cmocka's state is not const; the tests only read it */
            tests[nt] = (struct CMUnitTest){names[nt], per_codec[j].fn, NULL, NULL,
                                            (void *)(uintptr_t)all[i]};
        }
    }
    int rc = _cmocka_run_group_tests("prime", tests, nt, NULL, NULL);
    free(names);
    free(tests);
    return rc;
}
