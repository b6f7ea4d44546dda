/* Helpers shared by the probe and learning-curve unit tests: codec specs, exact doubles. */
#ifndef KCB_PROBE_TEST_H
#define KCB_PROBE_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>

#include "kcb/codec.h"
#include "kcb/spec.h"

static inline struct kcb_spec spec_of(const char *name, int level)
{
    struct kcb_spec s = {kcb_codec_find(name), level, 0};
    assert_non_null(s.codec);
    return s;
}

/* got equals want exactly, or both are NaN. */
static inline void assert_same_double(double got, double want)
{
    if (!(got == want || (isnan(got) && isnan(want))))
        print_error("got %.17g, want %.17g\n", got, want);
    assert_true(got == want || (isnan(got) && isnan(want)));
}

#endif
