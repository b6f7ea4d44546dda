/* Helpers shared by the kNN unit tests (test_knn.c and test_rules.c): near-equal doubles. */
#ifndef KCB_KNN_TEST_H
#define KCB_KNN_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "kcb_test.h"

#define EPS 1e-12

/* got is within EPS of want; prints both when not. */
static inline void assert_near(double got, double want)
{
    if (!kcb_test_near(got, want, EPS))
        print_error("got %.17g, want %.17g\n", got, want);
    assert_true(kcb_test_near(got, want, EPS));
}

#endif
