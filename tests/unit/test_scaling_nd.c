/* Unit tests for the L(N, D) grid of lib/probe: its layout, thread-count independence, and the inputs it refuses. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "kcb/err.h"
#include "kcb/probe.h"
#include "kcb_test.h"

#define BYTES 30000
#define HELDOUT 4096

static void measure(const struct kcb_spec *specs, size_t ns, const unsigned char *x,
                    size_t threads, struct kcb_nd_point *out, size_t *count)
{
    struct kcb_nd_setup s = {HELDOUT, 1000, 0, 4, threads};
    assert_int_equal(kcb_scaling_nd(specs, ns, x, BYTES, &s, out, 16, count), KCB_OK);
}

static void test_grid_layout_and_threads(void **state)
{
    (void)state;
    unsigned char *x = kcb_test_make(BYTES, 3, kcb_test_fill_text);
    const struct kcb_codec *cm = kcb_codec_find("cm");
    assert_non_null(x);
    assert_non_null(cm);
    struct kcb_spec specs[2] = {{cm, 1, 0}, {cm, 2, 0}};
    struct kcb_nd_point a[16], b[16];
    size_t na, nb, m1, m2;
    measure(specs, 2, x, 1, a, &na);
    measure(specs, 2, x, 3, b, &nb);
    assert_int_equal(na, 8);
    assert_int_equal(nb, 8);
    assert_int_equal(kcb_nd_model_size(&specs[0], &m1), KCB_OK);
    assert_int_equal(kcb_nd_model_size(&specs[1], &m2), KCB_OK);
    assert_true(m1 < m2);
    for (size_t i = 0; i < na; i++) {
        assert_int_equal(a[i].spec, i / 4);
        assert_int_equal(a[i].model, i < 4 ? m1 : m2);
        assert_int_equal(a[i].coded, b[i].coded);
        assert_int_equal(a[i].train, b[i].train);
        assert_true(a[i].bpb == 8.0 * (double)a[i].coded / HELDOUT);
        if (i % 4)
            assert_true(a[i].train > a[i - 1].train);
    }
    assert_int_equal(a[0].train, 1000);
    assert_int_equal(a[3].train, BYTES - HELDOUT);
    /* more text seen: the block costs less (cm learns this text's words) */
    assert_true(a[3].coded < a[0].coded);
    free(x);
}

static void test_refusals(void **state)
{
    (void)state;
    unsigned char *x = kcb_test_make(BYTES, 3, kcb_test_fill_text);
    const struct kcb_codec *cm = kcb_codec_find("cm"), *bz = kcb_codec_find("bzip2");
    struct kcb_nd_point out[16];
    size_t count = 99;
    struct kcb_nd_setup s = {HELDOUT, 1000, 0, 4, 1};
    struct kcb_spec mixed[2] = {{cm, 1, 0}, {kcb_codec_find("zstd"), 3, 0}};
    struct kcb_spec bzip[1] = {{bz, 9, 0}};
    assert_int_equal(kcb_scaling_nd(mixed, 2, x, BYTES, &s, out, 16, &count), KCB_EINVAL);
    assert_int_equal(count, 0);
    assert_int_equal(kcb_scaling_nd(bzip, 1, x, BYTES, &s, out, 16, &count), KCB_EINVAL);
    s.from = BYTES; /* no D fits before the block */
    assert_int_equal(kcb_scaling_nd(mixed, 1, x, BYTES, &s, out, 16, &count), KCB_EINVAL);
    s.from = 1000;
    s.heldout = BYTES;
    assert_int_equal(kcb_scaling_nd(mixed, 1, x, BYTES, &s, out, 16, &count), KCB_EINVAL);
    s.heldout = HELDOUT;
    assert_int_equal(kcb_scaling_nd(mixed, 1, x, BYTES, &s, out, 3, &count), KCB_EINVAL);
    free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grid_layout_and_threads),
        cmocka_unit_test(test_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
