/* Unit tests for every compiled-in codec: round trips, context reuse, bounds, windows, and bad input. */
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

#define GUARD 64         /* bytes after a decompression buffer that must stay untouched */
#define GUARD_BYTE 0xA5
#define REPEAT (32 << 10) /* the block repeated beyond the window */

/* ---- helpers ---- */

/* Compresses x at level with a fresh compressor into a new buffer (caller frees). */
static unsigned char *compress_new(const struct kcb_codec *codec, int level, const void *x,
                                   size_t n, size_t *size)
{
    struct kcb_spec spec = {codec, level, 0};
    kcb_comp *c;
    const unsigned char *out;
    assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
    assert_int_equal(kcb_comp_run(c, x, n, &out, size), KCB_OK);
    unsigned char *copy = malloc(*size ? *size : 1);
    assert_non_null(copy);
    memcpy(copy, out, *size);
    kcb_comp_free(c);
    return copy;
}

/* Decompresses src into a buffer of cap bytes followed by a guard; returns the codec's result
 * and checks that nothing was written past cap. *dst (caller frees) holds the output. */
static int decompress_guarded(const struct kcb_codec *codec, void *ctx, const void *src, size_t n,
                              size_t cap, unsigned char **dst, size_t *got)
{
    unsigned char *buf = malloc(cap + GUARD);
    assert_non_null(buf);
    memset(buf, GUARD_BYTE, cap + GUARD);
    int rc = codec->decompress(ctx, src, n, buf, cap, got);
    for (size_t i = 0; i < GUARD; i++)
        assert_int_equal(buf[cap + i], GUARD_BYTE);
    *dst = buf;
    return rc;
}

/* Compresses x with c, checks the size against the bound, decompresses with dctx, compares. */
static void check_roundtrip(kcb_comp *c, void *dctx, const unsigned char *x, size_t n)
{
    const struct kcb_spec *spec = kcb_comp_spec(c);
    const struct kcb_codec *codec = spec->codec;
    const unsigned char *z;
    size_t zn, got = 0;
    assert_int_equal(kcb_comp_run(c, x, n, &z, &zn), KCB_OK);
    assert_true(zn > 0);
    assert_true(zn <= codec->bound(n, spec->level));
    unsigned char *back;
    int rc = decompress_guarded(codec, dctx, z, zn, n, &back, &got);
    if (rc != KCB_OK)
        print_error("%s:%d: decompressing %zu bytes (from %zu) failed: %s\n", codec->name,
                    spec->level, zn, n, kcb_strerror(rc));
    assert_int_equal(rc, KCB_OK);
    assert_int_equal(got, n);
    if (n)
        assert_memory_equal(back, x, n);
    free(back);
}

/* level_min, level_default and level_max, without repeats; returns how many. */
static size_t small_levels(const struct kcb_codec *codec, int levels[3])
{
    int all[3] = {codec->level_min, codec->level_default, codec->level_max};
    size_t k = 0;
    for (size_t i = 0; i < 3; i++) {
        int seen = 0;
        for (size_t j = 0; j < k; j++)
            seen |= levels[j] == all[i];
        if (!seen)
            levels[k++] = all[i];
    }
    return k;
}

/* Codecs whose format carries a checksum of the content, so corrupt data cannot decode silently
 * to something else. Codecs not listed here are held only to "no crash, no overflow". */
static int has_checksum(const struct kcb_codec *codec)
{
    static const char *const checked[] = {"gzip", "zlib", "xz", "bzip2", "libdeflate"};
    for (size_t i = 0; i < sizeof checked / sizeof checked[0]; i++)
        if (strcmp(codec->name, checked[i]) == 0)
            return 1;
    return 0;
}

static const struct kcb_codec *codec_of(void **state)
{
    return *state;
}

/* ---- the registry, whatever was compiled in ---- */

static void test_registry_has_required_codecs(void **state)
{
    (void)state;
    static const char *const required[] = {"gzip", "zlib", "deflate", "xz", "zstd", "bzip2"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        const struct kcb_codec *c = kcb_codec_find(required[i]);
        assert_non_null(c);
        assert_string_equal(c->name, required[i]);
    }
}

static void test_registry_names_unique_and_found(void **state)
{
    (void)state;
    size_t n;
    const struct kcb_codec *const *all = kcb_codecs(&n);
    assert_true(n >= 6);
    for (size_t i = 0; i < n; i++) {
        assert_ptr_equal(kcb_codec_find(all[i]->name), all[i]);
        for (size_t j = i + 1; j < n; j++)
            assert_string_not_equal(all[i]->name, all[j]->name);
    }
}

static void test_registry_find_unknown(void **state)
{
    (void)state;
    assert_null(kcb_codec_find(""));
    assert_null(kcb_codec_find("nope"));
    assert_null(kcb_codec_find("GZIP"));  /* case-sensitive */
    assert_null(kcb_codec_find("gzip ")); /* no trimming */
    assert_null(kcb_codec_find("gzip:9"));
}

static void test_comp_new_rejects_bad_spec(void **state)
{
    (void)state;
    size_t n;
    const struct kcb_codec *const *all = kcb_codecs(&n);
    kcb_comp *c;
    for (size_t i = 0; i < n; i++) {
        struct kcb_spec lo = {all[i], all[i]->level_min - 1, 0};
        struct kcb_spec hi = {all[i], all[i]->level_max + 1, 0};
        assert_int_equal(kcb_comp_new(&lo, &c), KCB_EINVAL);
        assert_int_equal(kcb_comp_new(&hi, &c), KCB_EINVAL);
    }
    struct kcb_spec none = {NULL, 1, 0};
    assert_int_equal(kcb_comp_new(&none, &c), KCB_EINVAL);
    assert_int_equal(kcb_comp_new(NULL, &c), KCB_EINVAL);
    kcb_comp_free(NULL);
}

/* ---- per codec ---- */

static void test_sanity(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    assert_true(codec->name[0] && codec->library[0] && codec->format[0]);
    assert_true(codec->level_min <= codec->level_default);
    assert_true(codec->level_default <= codec->level_max);
    const char *v = codec->version();
    assert_non_null(v);
    assert_true(v[0] != '\0');
    static const size_t sizes[] = {0, 1, 100, 4096, 65536, 1 << 20, 16 << 20};
    for (int l = codec->level_min; l <= codec->level_max; l++) {
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
            assert_true(codec->bound(sizes[i], l) >= sizes[i]);
        /* unbounded, or at least the 1 KiB that any LZ or block-sorting codec has */
        assert_true(codec->window(l) == 0 || codec->window(l) >= 1024);
    }
    struct kcb_spec spec = {codec, codec->level_default, 0};
    kcb_comp *c;
    assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
    assert_ptr_equal(kcb_comp_spec(c)->codec, codec);
    assert_int_equal(kcb_comp_spec(c)->level, codec->level_default);
    kcb_comp_free(c);
    codec->ctx_free(NULL);
}

static void test_roundtrip_small(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    const size_t text_n = 4096, random_n = 64 << 10;
    unsigned char one = 'x';
    unsigned char *text = kcb_test_make(text_n, 1, kcb_test_fill_text);
    unsigned char *rnd = kcb_test_make(random_n, 2, kcb_test_fill_random);
    assert_non_null(text);
    assert_non_null(rnd);
    int levels[3];
    size_t nl = small_levels(codec, levels);
    for (size_t i = 0; i < nl; i++) {
        struct kcb_spec spec = {codec, levels[i], 0};
        kcb_comp *c;
        void *dctx;
        assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
        assert_int_equal(codec->ctx_new(levels[i], 0, &dctx), KCB_OK);
        check_roundtrip(c, dctx, (const unsigned char *)"", 0);
        check_roundtrip(c, dctx, &one, 1);
        check_roundtrip(c, dctx, text, text_n);
        check_roundtrip(c, dctx, rnd, random_n);
        codec->ctx_free(dctx);
        kcb_comp_free(c);
    }
    free(text);
    free(rnd);
}

/* Text shrinks by at least a quarter; random bytes of the same length by almost nothing. */
static void test_text_compresses(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    const size_t n = 4096;
    unsigned char *text = kcb_test_make(n, 3, kcb_test_fill_text);
    unsigned char *rnd = kcb_test_make(n, 4, kcb_test_fill_random);
    assert_non_null(text);
    assert_non_null(rnd);
    size_t zt, zr;
    free(compress_new(codec, codec->level_default, text, n, &zt));
    free(compress_new(codec, codec->level_default, rnd, n, &zr));
    assert_true(zt < n - n / 4);
    assert_true(zr >= n - n / 64);
    free(text);
    free(rnd);
}

/*
 * Random bytes of window(level_min) + 64 KiB whose first and last 32 KiB are the same block:
 * the copies lie further apart than the window, so the repeat cannot be used and the output
 * is no smaller than the input less a little; a codec that claimed too small a window would
 * still round-trip, one that matched beyond it would shrink by 32 KiB.
 */
static void test_roundtrip_beyond_window(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    int level = codec->level_min;
    size_t window = codec->window(level);
    size_t n = (window ? window : (size_t)1 << 20) + (64 << 10);
    unsigned char *x = kcb_test_make(n, 5, kcb_test_fill_random);
    assert_non_null(x);
    memcpy(x + n - REPEAT, x, REPEAT);
    struct kcb_spec spec = {codec, level, 0};
    kcb_comp *c;
    void *dctx;
    assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
    assert_int_equal(codec->ctx_new(level, 0, &dctx), KCB_OK);
    check_roundtrip(c, dctx, x, n);
    size_t zn;
    assert_int_equal(kcb_comp_size(c, x, n, &zn), KCB_OK);
    if (window)
        assert_true(zn > n - REPEAT / 2);
    codec->ctx_free(dctx);
    kcb_comp_free(c);
    free(x);
}

/* Compressing x after something else gives the bytes a fresh compressor gives. */
static void check_no_state(const struct kcb_codec *codec, int level)
{
    const size_t an = 4096, bn = 96 << 10;
    unsigned char *a = kcb_test_make(an, 6, kcb_test_fill_text);
    unsigned char *b = kcb_test_make(bn, 7, kcb_test_fill_text);
    assert_non_null(a);
    assert_non_null(b);
    size_t fresh_n;
    unsigned char *fresh = compress_new(codec, level, a, an, &fresh_n);
    struct kcb_spec spec = {codec, level, 0};
    kcb_comp *c;
    const unsigned char *out;
    size_t n;
    assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
    assert_int_equal(kcb_comp_run(c, b, bn, &out, &n), KCB_OK);
    assert_int_equal(kcb_comp_run(c, a, an, &out, &n), KCB_OK);
    assert_int_equal(n, fresh_n);
    assert_memory_equal(out, fresh, n);
    assert_int_equal(kcb_comp_run(c, b, 10, &out, &n), KCB_OK); /* a prefix of b */
    assert_int_equal(kcb_comp_run(c, a, an, &out, &n), KCB_OK);
    assert_int_equal(n, fresh_n);
    assert_memory_equal(out, fresh, n);
    kcb_comp_free(c);
    free(fresh);
    free(a);
    free(b);
}

static void test_reuse_leaves_no_state(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    check_no_state(codec, codec->level_min);
    check_no_state(codec, codec->level_default);
}

/* One decompression context, used for different streams in turn, decodes each correctly. */
static void test_decompress_ctx_reuse(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    const size_t an = 3000, bn = 20000;
    unsigned char *a = kcb_test_make(an, 8, kcb_test_fill_text);
    unsigned char *b = kcb_test_make(bn, 9, kcb_test_fill_random);
    assert_non_null(a);
    assert_non_null(b);
    size_t za, zb, got;
    unsigned char *ca = compress_new(codec, codec->level_default, a, an, &za);
    unsigned char *cb = compress_new(codec, codec->level_default, b, bn, &zb);
    void *dctx;
    assert_int_equal(codec->ctx_new(codec->level_default, 0, &dctx), KCB_OK);
    unsigned char *back;
    for (int round = 0; round < 2; round++) {
        assert_int_equal(decompress_guarded(codec, dctx, ca, za, an, &back, &got), KCB_OK);
        assert_memory_equal(back, a, an);
        free(back);
        /* a failure in between must not poison the context either */
        assert_true(decompress_guarded(codec, dctx, cb, zb / 2, bn, &back, &got) < 0);
        free(back);
        assert_int_equal(decompress_guarded(codec, dctx, cb, zb, bn, &back, &got), KCB_OK);
        assert_memory_equal(back, b, bn);
        free(back);
    }
    codec->ctx_free(dctx);
    free(ca);
    free(cb);
    free(a);
    free(b);
}

static void test_empty_input(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    int levels[3];
    size_t nl = small_levels(codec, levels);
    for (size_t i = 0; i < nl; i++) {
        size_t zn, got = 1;
        unsigned char *z = compress_new(codec, levels[i], "", 0, &zn);
        assert_true(zn > 0);
        assert_true(zn <= codec->bound(0, levels[i]));
        void *dctx;
        unsigned char *back;
        assert_int_equal(codec->ctx_new(levels[i], 0, &dctx), KCB_OK);
        assert_int_equal(decompress_guarded(codec, dctx, z, zn, 0, &back, &got), KCB_OK);
        assert_int_equal(got, 0);
        free(back);
        /* the empty stream does not decode to one byte */
        assert_true(decompress_guarded(codec, dctx, z, zn, 1, &back, &got) < 0);
        free(back);
        codec->ctx_free(dctx);
        free(z);
    }
}

/* Valid data with the wrong expected size fails: cap is the exact original size. */
static void test_wrong_cap(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    const size_t n = 2000;
    unsigned char *x = kcb_test_make(n, 10, kcb_test_fill_text);
    assert_non_null(x);
    size_t zn, got;
    unsigned char *z = compress_new(codec, codec->level_default, x, n, &zn);
    void *dctx;
    unsigned char *back;
    assert_int_equal(codec->ctx_new(codec->level_default, 0, &dctx), KCB_OK);
    assert_true(decompress_guarded(codec, dctx, z, zn, n - 1, &back, &got) < 0);
    free(back);
    assert_true(decompress_guarded(codec, dctx, z, zn, n + 1, &back, &got) < 0);
    free(back);
    assert_true(decompress_guarded(codec, dctx, z, zn, 0, &back, &got) < 0);
    free(back);
    codec->ctx_free(dctx);
    free(z);
    free(x);
}

/* Every strict prefix of a stream, the empty one included, is an error. */
static void test_truncated(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    const size_t n = 1000;
    unsigned char *x = kcb_test_make(n, 11, kcb_test_fill_text);
    assert_non_null(x);
    size_t zn, got;
    unsigned char *z = compress_new(codec, codec->level_default, x, n, &zn);
    void *dctx;
    assert_int_equal(codec->ctx_new(codec->level_default, 0, &dctx), KCB_OK);
    for (size_t k = 0; k < zn; k++) {
        unsigned char *back;
        int rc = decompress_guarded(codec, dctx, z, k, n, &back, &got);
        if (rc >= 0)
            print_error("%s: a prefix of %zu of %zu bytes decoded\n", codec->name, k, zn);
        assert_true(rc < 0);
        free(back);
    }
    codec->ctx_free(dctx);
    free(z);
    free(x);
}

/*
 * Every single-byte corruption either fails or yields exactly cap bytes without writing past
 * them; where the format has a checksum, whatever decodes is the original. A stream of zero
 * bytes is rejected by every format.
 */
static void test_corrupted(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    const size_t n = 1000;
    unsigned char *x = kcb_test_make(n, 12, kcb_test_fill_text);
    assert_non_null(x);
    size_t zn, got;
    unsigned char *z = compress_new(codec, codec->level_default, x, n, &zn);
    void *dctx;
    unsigned char *back;
    assert_int_equal(codec->ctx_new(codec->level_default, 0, &dctx), KCB_OK);
    size_t failed = 0;
    for (size_t k = 0; k < zn; k++) {
        for (unsigned flip = 0x01; flip <= 0x80; flip <<= 7) {
            z[k] ^= (unsigned char)flip;
            int rc = decompress_guarded(codec, dctx, z, zn, n, &back, &got);
            z[k] ^= (unsigned char)flip;
            if (rc == KCB_OK) {
                assert_int_equal(got, n);
                if (has_checksum(codec))
                    assert_memory_equal(back, x, n);
            } else {
                assert_true(rc < 0);
                failed++;
            }
            free(back);
        }
    }
    assert_true(failed > 0);
    memset(z, 0, zn);
    assert_true(decompress_guarded(codec, dctx, z, zn, n, &back, &got) < 0);
    free(back);
    codec->ctx_free(dctx);
    free(z);
    free(x);
}

/* Compresses x at level with a fresh codec context made with flags (caller frees). */
static unsigned char *compress_flags(const struct kcb_codec *codec, int level, unsigned flags,
                                     const void *x, size_t n, size_t *size)
{
    size_t cap = codec->bound(n, level);
    unsigned char *z = malloc(cap ? cap : 1);
    void *ctx;
    assert_non_null(z);
    assert_int_equal(codec->ctx_new(level, flags, &ctx), KCB_OK);
    assert_int_equal(codec->compress(ctx, n ? x : "", n, z, cap, size), KCB_OK);
    codec->ctx_free(ctx);
    return z;
}

/*
 * KCB_CODEC_SIZE_ONLY (what kcb_comp uses) keeps the canonical length at every level, on
 * text, random bytes and nothing, and what it writes decodes with a canonical context.
 */
static void test_size_only(void **state)
{
    const struct kcb_codec *codec = codec_of(state);
    static const size_t sizes[] = {0, 1, 300, 5000, 70000};
    unsigned char *x = kcb_test_make(70000, 13, kcb_test_fill_text);
    assert_non_null(x);
    kcb_test_fill_random(x + 50000, 20000, 14); /* the longest input ends in random bytes */
    for (int level = codec->level_min; level <= codec->level_max; level++) {
        void *dctx;
        assert_int_equal(codec->ctx_new(level, 0, &dctx), KCB_OK);
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            size_t n = sizes[i], zc, zs, got;
            unsigned char *c = compress_flags(codec, level, 0, x, n, &zc);
            unsigned char *z = compress_flags(codec, level, KCB_CODEC_SIZE_ONLY, x, n, &zs);
            if (zs != zc)
                print_error("%s:%d: %zu bytes: %zu size-only, %zu canonical\n", codec->name,
                            level, n, zs, zc);
            assert_int_equal(zs, zc);
            unsigned char *back;
            assert_int_equal(decompress_guarded(codec, dctx, z, zs, n, &back, &got), KCB_OK);
            assert_int_equal(got, n);
            if (n)
                assert_memory_equal(back, x, n);
            free(back);
            free(c);
            free(z);
        }
        codec->ctx_free(dctx);
    }
    free(x);
}

/*
 * xz's size-only stream fits the dictionary to the input at levels 4-9 (binary-tree match
 * finder) and is the canonical stream at levels 0-3: it differs only inside the block header
 * (its dictionary-size byte and the header's CRC32), which starts after the 12-byte stream
 * header with its size byte (size = 4 (byte + 1)). The preset's 8 MiB at level 6 is byte
 * 0x16 (2^23); the fitted 4 KiB for 300 bytes is 0x00.
 */
static void test_xz_size_only_fits_dictionary(void **state)
{
    (void)state;
    const struct kcb_codec *xz = kcb_codec_find("xz");
    assert_non_null(xz);
    unsigned char *x = kcb_test_make(300, 15, kcb_test_fill_text);
    assert_non_null(x);
    for (int level = 0; level <= 9; level++) {
        size_t zc, zs, differ = 0;
        unsigned char *c = compress_flags(xz, level, 0, x, 300, &zc);
        unsigned char *z = compress_flags(xz, level, KCB_CODEC_SIZE_ONLY, x, 300, &zs);
        assert_int_equal(zs, zc);
        size_t header_end = 12 + 4 * ((size_t)c[12] + 1);
        for (size_t i = 0; i < zc; i++) {
            if (c[i] != z[i]) {
                differ++;
                assert_true(i > 12 && i < header_end);
            }
        }
        assert_int_equal(c[13] & 0x03, 0); /* one filter, so the dictionary byte is at 16 */
        assert_int_equal(c[14], 0x21);     /* LZMA2 */
        if (level == 6)
            assert_int_equal(c[16], 0x16);
        assert_int_equal(z[16], level >= 4 ? 0x00 : c[16]);
        assert_true(level >= 4 ? differ > 0 : differ == 0);
        free(c);
        free(z);
    }
    free(x);
}

/* ---- running: the per-codec tests once for each codec in kcb_codecs() ---- */

struct per_codec {
    const char *what;
    CMUnitTestFunction fn;
};

static const struct per_codec per_codec[] = {
    {"sanity", test_sanity},
    {"round trip at min/default/max levels", test_roundtrip_small},
    {"text compresses, random does not", test_text_compresses},
    {"round trip beyond the window", test_roundtrip_beyond_window},
    {"reuse leaves no state", test_reuse_leaves_no_state},
    {"decompression context reuse", test_decompress_ctx_reuse},
    {"empty input", test_empty_input},
    {"wrong expected size", test_wrong_cap},
    {"truncated input", test_truncated},
    {"corrupted input", test_corrupted},
    {"size-only stream: canonical length, decodes", test_size_only},
};

static const struct CMUnitTest global_tests[] = {
    cmocka_unit_test(test_registry_has_required_codecs),
    cmocka_unit_test(test_registry_names_unique_and_found),
    cmocka_unit_test(test_registry_find_unknown),
    cmocka_unit_test(test_comp_new_rejects_bad_spec),
    cmocka_unit_test(test_xz_size_only_fits_dictionary),
};

int main(void)
{
    size_t nc;
    const struct kcb_codec *const *all = kcb_codecs(&nc);
    size_t ng = sizeof global_tests / sizeof global_tests[0];
    size_t np = sizeof per_codec / sizeof per_codec[0];
    size_t nt = ng + nc * np;
    struct CMUnitTest *tests = calloc(nt, sizeof *tests);
    char (*names)[96] = calloc(nt, sizeof *names);
    void **states = calloc(nc, sizeof *states);
    if (!tests || !names || !states)
        return 1;
    memcpy(tests, global_tests, sizeof global_tests);
    for (size_t i = 0; i < nc; i++) {
        states[i] = (void *)all[i]; /* cmocka's state is not const; the tests only read it */
        for (size_t j = 0; j < np; j++) {
            size_t t = ng + i * np + j;
            snprintf(names[t], sizeof names[t], "%s: %s", all[i]->name, per_codec[j].what);
            tests[t] = (struct CMUnitTest){names[t], per_codec[j].fn, NULL, NULL, states[i]};
        }
    }
    int rc = _cmocka_run_group_tests("codec", tests, nt, NULL, NULL);
    free(states);
    free(names);
    free(tests);
    return rc;
}
