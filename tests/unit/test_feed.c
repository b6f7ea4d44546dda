/* Unit tests for feeding zlib and libbz2 in pieces (buffers over UINT_MAX): same bytes, same round trips. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "kcb/codec.h"
#include "kcb/err.h"
#include "kcb_test.h"

#define N 100000   /* the input: text-like bytes */
#define PIECE 1000 /* the piece size the tests feed with, in place of UINT_MAX */

/* The codecs whose calls are fed in pieces. */
static const char *const fed[] = {"gzip", "zlib", "deflate", "bzip2"};

/* Compresses src with a fresh context of codec c at its default level, primed with dict when
 * it is not NULL: the compressed bytes (the caller frees them), *size. */
static unsigned char *squeeze(const struct kcb_codec *c, const unsigned char *dict,
                              const unsigned char *src, size_t n, size_t *size)
{
    void *ctx = NULL, *st = NULL;
    size_t cap = c->bound(n, c->level_default);
    unsigned char *dst = malloc(cap);
    assert_non_null(dst);
    assert_int_equal(c->ctx_new(c->level_default, 0, &ctx), KCB_OK);
    if (dict) {
        assert_int_equal(c->prime(ctx, dict, N / 2, &st), KCB_OK);
        assert_int_equal(c->compress_primed(ctx, st, src, n, dst, cap, size), KCB_OK);
    } else {
        assert_int_equal(c->compress(ctx, src, n, dst, cap, size), KCB_OK);
    }
    unsigned char *back = malloc(n + 1);
    size_t got = 0;
    assert_non_null(back);
    int rc = dict ? c->decompress_primed(ctx, st, dst, *size, back, n, &got)
                  : c->decompress(ctx, dst, *size, back, n, &got);
    assert_int_equal(rc, KCB_OK);
    assert_int_equal(got, n);
    assert_memory_equal(back, src, n);
    /* a stream cut short or followed by a stray byte is refused, in pieces too */
    if (*size > 1) {
        rc = dict ? c->decompress_primed(ctx, st, dst, *size - 1, back, n, &got)
                  : c->decompress(ctx, dst, *size - 1, back, n, &got);
        assert_int_not_equal(rc, KCB_OK);
    }
    free(back);
    if (st)
        c->prime_free(st);
    c->ctx_free(ctx);
    return dst;
}

/* Every codec that is fed in pieces writes the same bytes whole and in pieces of PIECE, and
 * reads them back either way; primed ones too. */
static void test_pieces_same_bytes(void **state)
{
    (void)state;
    unsigned char *text = kcb_test_make(N, 7, kcb_test_fill_text);
    assert_non_null(text);
    for (size_t i = 0; i < sizeof fed / sizeof *fed; i++) {
        const struct kcb_codec *c = kcb_codec_find(fed[i]);
        assert_non_null(c);
        for (int primed = 0; primed < 2 && (!primed || c->prime); primed++) {
            const unsigned char *dict = primed ? text : NULL, *src = text + N / 2;
            size_t whole_n, piece_n;
            kcb_codec_feed_max = 0xffffffffu;
            unsigned char *whole = squeeze(c, dict, src, N / 2, &whole_n);
            kcb_codec_feed_max = PIECE;
            unsigned char *piece = squeeze(c, dict, src, N / 2, &piece_n);
            kcb_codec_feed_max = 0xffffffffu;
            assert_true(whole_n > PIECE); /* the output too goes in pieces */
            assert_int_equal(piece_n, whole_n);
            assert_memory_equal(piece, whole, whole_n);
            free(whole);
            free(piece);
        }
    }
    free(text);
}

/* Empty input and output in pieces: still one valid stream each way. */
static void test_pieces_empty(void **state)
{
    (void)state;
    kcb_codec_feed_max = 1;
    for (size_t i = 0; i < sizeof fed / sizeof *fed; i++) {
        const struct kcb_codec *c = kcb_codec_find(fed[i]);
        size_t size;
        free(squeeze(c, NULL, (const unsigned char *)"", 0, &size));
        assert_true(size > 0);
    }
    kcb_codec_feed_max = 0xffffffffu;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pieces_same_bytes),
        cmocka_unit_test(test_pieces_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
